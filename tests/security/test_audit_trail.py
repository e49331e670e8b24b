"""The audit trail as the audit page reads it (issue 12 item 5, DESIGN §6): filters by person, entity,
dates and key text, keyset pages newest first, the whole filtered trail for an export, the entities
one may see — and a branch secretary sees her own entries and her branch's imports only."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update

from qsm_desktop.services import audit_trail
from qsm_desktop.services.audit_trail import AuditQuery
from qsm_desktop.services.context import Actor, Role
from qsm_desktop.store.models import AuditEntry
from scope_office import import_ok

HO = Actor("hos", Role.HO_SECRETARY)
LI = Actor("li", Role.BRANCH_SECRETARY, "310000")


@pytest.fixture
def trail(sqlite_services, samples_dir):
    """The head office imports the org list and two branches' returns and corrects 30 people by
    hand (one second, so the pages must tell entries apart by more than their time); the branch
    secretary imports her training return; the entries are spread over three days (the first import
    the oldest)."""
    from qsm_desktop.services.audit import audit

    import_ok(sqlite_services, HO, [samples_dir / "org_units.xlsx", samples_dir / "certification_310000_2007Q4.xlsx",
                                    samples_dir / "certification_110000_2007Q4.xlsx"])
    import_ok(sqlite_services, LI, [samples_dir / "training" / "training_310000_2007.xlsx"])
    with sqlite_services.unit_of_work() as session:
        for n in range(30):
            audit(session, HO, "staff", f"{n:07d}", "update", {"name": "旧"}, {"name": f"新{n}"})
    with sqlite_services.unit_of_work() as session:
        session.execute(update(AuditEntry).where(AuditEntry.login == "hos")
                        .values(at=dt.datetime(2008, 1, 10, 9, 30)))
        session.execute(update(AuditEntry).where(AuditEntry.login == "hos", AuditEntry.entity == "import_batch",
                                                 AuditEntry.entity_id == "1").values(at=dt.datetime(2008, 1, 9, 17, 0)))
        session.execute(update(AuditEntry).where(AuditEntry.login == "li").values(at=dt.datetime(2008, 1, 11, 8, 0)))
    return sqlite_services


def test_pages_are_newest_first_and_join_up_without_gaps(trail):
    everything = audit_trail.entries(trail, HO)
    assert len(everything) == 34
    pages, cursor = [], None
    while True:
        page = audit_trail.page(trail, HO, AuditQuery(), after=cursor, limit=7)
        pages.append(page)
        if not page.more:
            break
        cursor = page.cursor
    lines = [line for page in pages for line in page.lines]
    assert [line.id for line in lines] == [line.id for line in reversed(everything)]  # oldest-first reversed
    assert all(len(p.lines) == 7 for p in pages[:-1]) and 1 <= len(pages[-1].lines) <= 7
    assert lines[0].login == "li" and lines[-1].when == dt.datetime(2008, 1, 9, 17, 0)
    assert [line.id for line in audit_trail.iter_entries(trail, HO, chunk=5)] == [line.id for line in lines]


def test_filters_by_person_entity_dates_and_key(trail):
    def ids(**query):
        return [line.id for line in audit_trail.iter_entries(trail, HO, AuditQuery(**query))]

    mine = ids(login=" LI ")
    assert mine and all(line.login == "li" for line in audit_trail.iter_entries(trail, HO, AuditQuery(login="li")))
    assert set(ids(since=dt.date(2008, 1, 11))) == set(mine)
    assert set(ids(until=dt.date(2008, 1, 9))) == set(ids(entity="import_batch", text="1", until=dt.date(2008, 1, 9)))
    assert len(ids(until=dt.date(2008, 1, 9))) == 1
    assert len(ids(entity="staff", text="000001")) == 11  # 0000010 … 0000019 and 0000001
    day = ids(since=dt.date(2008, 1, 10), until=dt.date(2008, 1, 10))
    assert day and not set(day) & set(mine)
    batches = list(audit_trail.iter_entries(trail, HO, AuditQuery(entity="import_batch")))
    assert {line.action for line in batches} == {"import"} and len(batches) == 4
    assert ids(text="%") == [] and ids(text="_") == []  # LIKE's wildcards are plain characters
    assert "import_batch" in audit_trail.entity_names(trail, HO)


def test_a_branch_secretary_sees_her_own_and_her_branchs_imports(trail):
    seen = list(audit_trail.iter_entries(trail, LI))
    assert seen and {line.login for line in seen} <= {"li", "hos"}
    foreign = [line for line in seen if line.login == "hos"]
    assert foreign, "the head office's import of her branch's return is hers to see"
    assert all(line.batch_id is not None for line in foreign)
    head_office_all = list(audit_trail.iter_entries(trail, HO))
    assert len(seen) < len(head_office_all)
    bj_batch = next(line for line in head_office_all if line.entity == "import_batch"
                    and (line.after or {}).get("org") == "110000")
    assert bj_batch.id not in {line.id for line in seen}
    assert set(audit_trail.entity_names(trail, LI)) <= set(audit_trail.entity_names(trail, HO))
    assert audit_trail.page(trail, Actor("kan", Role.VIEWER), AuditQuery()).lines  # a bank-wide viewer reads all
