"""English names of reference data: the one write path (services.reference_names, issue 14
"seeded, editable") on SQLite and PostgreSQL — permission, the concurrent edit, the audit entry,
empty text falling back to the Chinese name, the length limit, the catalogue reloaded."""

from __future__ import annotations

import threading

import pg  # tests/pg.py
import pytest
from sqlalchemy import select

from qsm_desktop.domain.errors import ConflictError, InputRefused, PermissionDenied
from qsm_desktop.domain.names import shown
from qsm_desktop.services.context import Actor, Role
from qsm_desktop.services.reference_names import TABLES, set_english_name_in
from qsm_desktop.store.models import AuditEntry, CertificateType, PlanTarget, Post


def _one(services, actor, table, name):
    return next(r for r in services.reference_names.names(actor, table) if r.name == name)


def test_every_table_lists_its_seeded_names(services, actor):
    rows = services.reference_names.names(actor)
    tables = {r.table for r in rows}
    # the seeded kinds are all there (posts are seeded by the org/staff data, not always)
    assert {"plan_target", "certificate_type", "certificate_level", "post_category", "checklist",
            "checklist_module", "checklist_item", "complaint_code", "deadline_class"} <= tables
    assert tables <= {t.key for t in TABLES}
    level = _one(services, actor, "certificate_level", "初级")
    assert (level.code, level.rows, level.name_en) == ("1", 5, "Junior")  # the level of all 5 certificate types
    target = _one(services, actor, "plan_target", "柜员持证上岗率")
    assert target.code == "cert_rate_teller" and target.rows >= 1 and target.name_en == "Teller certification rate"


def test_a_certificate_level_edit_is_shown_at_once_and_audited(services, actor):
    before = _one(services, actor, "certificate_level", "初级")
    saved = services.reference_names.set_english_name(actor, "certificate_level", "初级", "  Entry level ",
                                                      expected=before.name_en)
    assert saved.name_en == "Entry level" and saved.rows == 5
    assert shown("初级", language="en") == "Entry level"  # the catalogue was reloaded
    with services.read() as session:
        types = list(session.scalars(select(CertificateType)))
        assert all(t.levels_en[t.levels.index("初级")] == "Entry level" for t in types)
        assert all(t.version >= 2 for t in types)  # their editors see the change
        entry = session.scalars(select(AuditEntry).where(AuditEntry.entity == "reference_name")).one()
    assert (entry.entity_id, entry.action, entry.login) == ("certificate_level/初级", "update", actor.login)
    assert (entry.before, entry.after) == ({"name_en": "Junior"}, {"name_en": "Entry level"})
    # saving the same text again writes nothing
    services.reference_names.set_english_name(actor, "certificate_level", "初级", "Entry level",
                                              expected="Entry level")
    with services.read() as session:
        assert len(session.scalars(select(AuditEntry).where(AuditEntry.entity == "reference_name")).all()) == 1


def test_the_second_of_two_editors_is_refused_and_nothing_is_lost(services, actor):
    seen = _one(services, actor, "plan_target", "柜员持证上岗率").name_en  # both open the page
    services.reference_names.set_english_name(actor, "plan_target", "柜员持证上岗率", "Teller cert. rate",
                                              expected=seen)
    with pytest.raises(ConflictError) as refused:
        services.reference_names.set_english_name(actor, "plan_target", "柜员持证上岗率", "Tellers certified",
                                                  expected=seen)
    assert "Teller cert. rate" in str(refused.value) and seen in str(refused.value)
    with services.read() as session:  # every year's row has the first edit
        assert set(session.scalars(select(PlanTarget.name_en).where(PlanTarget.name == "柜员持证上岗率"))) == \
            {"Teller cert. rate"}
    assert shown("柜员持证上岗率", language="en") == "Teller cert. rate"
    # the refused editor reloads and saves again
    services.reference_names.set_english_name(actor, "plan_target", "柜员持证上岗率", "Tellers certified",
                                              expected="Teller cert. rate")
    assert shown("柜员持证上岗率", language="en") == "Tellers certified"


@pg.requires_postgres
@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_two_saves_at_the_same_moment_one_waits_and_is_refused(services, actor):
    """On PostgreSQL the rows are read FOR UPDATE: a second save while the first is uncommitted
    waits, then sees the new English name and is refused (no lost update)."""
    seen = _one(services, actor, "certificate_level", "中级").name_en
    outcome: dict[str, BaseException] = {}

    def second() -> None:
        try:
            services.reference_names.set_english_name(actor, "certificate_level", "中级", "Middle (second)",
                                                      expected=seen)
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            outcome["error"] = exc

    worker = threading.Thread(target=second)
    with services.unit_of_work() as session:
        set_english_name_in(session, actor, "certificate_level", "中级", "Middle (first)", expected=seen)
        worker.start()
        worker.join(1.5)
        assert worker.is_alive()  # waiting for the first save's row locks
    worker.join(30)
    assert isinstance(outcome.get("error"), ConflictError), outcome
    assert _one(services, actor, "certificate_level", "中级").name_en == "Middle (first)"


def test_empty_text_shows_the_chinese_name_and_survives_seeding(services, actor):
    from qsm_desktop.store import seed

    row = services.reference_names.names(actor, "complaint_code")[0]
    assert row.name_en  # seeded
    services.reference_names.set_english_name(actor, "complaint_code", row.name, "", expected=row.name_en)
    assert shown(row.name, language="en") == row.name  # no English: the Chinese name, never blank
    assert _one(services, actor, "complaint_code", row.name).name_en == ""
    with services.unit_of_work() as session:  # qsm db upgrade's seeding never fills it again
        seed.fill_english_names(session)
    services.load_english_names()
    assert shown(row.name, language="en") == row.name


def test_bad_text_and_unknown_tables_are_refused_with_a_sentence(services, actor):
    row = _one(services, actor, "certificate_type", "柜员上岗资格证书")
    with pytest.raises(InputRefused) as too_long:
        services.reference_names.set_english_name(actor, "certificate_type", row.name, "x" * 201, expected=row.name_en)
    assert "201" in str(too_long.value) and "200" in str(too_long.value)
    with pytest.raises(InputRefused):
        services.reference_names.set_english_name(actor, "certificate_type", row.name, "two\nlines",
                                                  expected=row.name_en)
    with pytest.raises(InputRefused) as unknown:
        services.reference_names.set_english_name(actor, "indicators", "客户满意度", "x", expected="")
    assert "plan_target" in str(unknown.value)
    with pytest.raises(ConflictError):  # a name no row carries any more
        services.reference_names.set_english_name(actor, "post", "不存在的岗位", "Nobody", expected="")
    # a checklist item's text holds 300 characters; control characters are dropped
    item = services.reference_names.names(actor, "checklist_item")[0]
    saved = services.reference_names.set_english_name(actor, "checklist_item", item.name, "A\x07" + "b" * 250,
                                                      expected=item.name_en)
    assert saved.name_en == "A" + "b" * 250


@pytest.mark.parametrize("role", [Role.BRANCH_SECRETARY, Role.VIEWER, Role.REVIEWER])
def test_only_head_office_edits_reference_names(services, actor, role):
    row = _one(services, actor, "certificate_type", "柜员上岗资格证书")
    someone = Actor("bj", role, "110000" if role is not Role.VIEWER else None)
    with pytest.raises(PermissionDenied):
        services.reference_names.set_english_name(someone, "certificate_type", row.name, "Teller's", expected=row.name_en)
    assert not services.reference_names.may_edit(someone)
    admin = Actor("admin", Role.ADMIN)
    assert services.reference_names.may_edit(admin)
    services.reference_names.set_english_name(admin, "certificate_type", row.name, "Teller's", expected=row.name_en)


def test_a_post_edit_reaches_the_catalogue(services, actor):
    with services.read() as session:
        posts = list(session.scalars(select(Post)))
    assert posts  # seeded with the reference data
    name = posts[0].name
    services.reference_names.set_english_name(actor, "post", name, "Lobby manager (edited)",
                                              expected=posts[0].name_en or "")
    assert shown(name, language="en") == "Lobby manager (edited)"  # the service reloaded the catalogue


def test_a_cleared_item_stays_cleared_when_its_checklist_is_saved_again(services, actor):
    """Saving an edition in the checklist editor writes its items again: a cleared English text
    ("" = show the Chinese) must stay cleared, not become "never written", which seeding refills."""
    from qsm_desktop.store import seed
    from qsm_desktop.store.models.monitoring import ChecklistRecord

    row = services.reference_names.names(actor, "checklist_item")[0]
    assert row.name_en
    services.reference_names.set_english_name(actor, "checklist_item", row.name, "", expected=row.name_en)
    checklist_id, checklist = services.monitoring.checklists(actor)[0]
    with services.read() as session:
        version = session.get(ChecklistRecord, checklist_id).version
    services.monitoring.save_checklist(actor, checklist, checklist_id=checklist_id, expected_version=version)
    with services.unit_of_work() as session:
        seed.fill_english_names(session)
    services.load_english_names()
    assert _one(services, actor, "checklist_item", row.name).name_en == ""
    assert shown(row.name, language="en") == row.name
