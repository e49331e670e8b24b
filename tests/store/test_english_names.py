"""English names of reference data (issue 14): seeded, kept when edited, shown by language."""

from __future__ import annotations

from sqlalchemy import select, update

from qsm_desktop.domain import names
from qsm_desktop.domain.i18n import LocalText, load_text, register, render_text, store_text
from qsm_desktop.store import seed
from qsm_desktop.store.models.certificates import CertificateType
from qsm_desktop.store.models.evaluation import GradeBandRecord, IndicatorRecord
from qsm_desktop.store.models.monitoring import ChecklistModuleRecord
from qsm_desktop.store.models.plan import PlanTarget


def test_every_seeded_reference_row_has_an_english_name(services):
    with services.sessions() as session:
        for model, zh_col, en_col in seed._english_columns():
            missing = [getattr(r, zh_col) for r in session.scalars(select(model)) if not getattr(r, en_col)]
            assert not missing, f"{model.__tablename__}.{en_col} missing for {missing}"
        levels = {tuple(t.levels): tuple(t.levels_en or ()) for t in session.scalars(select(CertificateType))}
        assert levels[("初级", "中级", "高级")] == ("Junior", "Intermediate", "Senior")
        a02 = session.scalars(select(IndicatorRecord).where(IndicatorRecord.code == "A02")).first()
        assert a02.name_en == "Mystery-visit average score"


def test_an_edited_english_name_survives_seeding_and_wins_in_the_catalogue(services):
    with services.unit_of_work() as session:
        session.execute(update(GradeBandRecord).where(GradeBandRecord.name == "合格").values(name_en="Pass"))
        session.execute(update(PlanTarget).where(PlanTarget.name == "柜员持证上岗率").values(name_en=None))
    with services.unit_of_work() as session:
        assert seed.fill_english_names(session) > 0  # the emptied plan-target names come back
        assert seed.fill_english_names(session) == 0  # idempotent
        assert set(session.scalars(select(GradeBandRecord.name_en).where(GradeBandRecord.name == "合格"))) == {"Pass"}
    services.load_english_names()
    try:
        assert names.shown("合格", language="en") == "Pass"
        assert names.shown("合格", language="zh") == "合格"
        assert names.shown("柜员持证上岗率", language="en") == "Teller certification rate"
        assert names.shown("某个没有英文名的名称", language="en") == "某个没有英文名的名称"
        module = None
        with services.sessions() as session:
            module = session.scalars(select(ChecklistModuleRecord).where(ChecklistModuleRecord.code == "GM")).first()
            assert (module.name_en, module.norm_en) == ("Counter transactions", "Counter staff service norm")
    finally:
        names.set_english_names(seed.seeded_english_names())


def test_units_and_version_labels_in_english():
    assert names.shown_unit("分", language="en") == "pts"
    assert names.shown_unit("个", language="en") == ""
    assert names.shown_unit("件", language="zh") == "件"
    assert names.shown_version("2008版-2", language="en") == "2008 edition-2"
    assert names.shown_version("2008版-2", language="zh") == "2008版-2"


def test_a_stored_message_is_shown_in_either_language():
    register({"test.names.origin": ("{what}共 {n} 件", "{n} of {what}")})
    names.add_english_names({"有效投诉": "valid complaints"})
    text = LocalText("test.names.origin", what="有效投诉", n=3) + "；x"
    stored = store_text(text)
    back = load_text(stored)
    assert isinstance(back, LocalText)
    assert render_text(back, "zh") == "有效投诉共 3 件；x"
    assert render_text(back, "en") == "3 of valid complaints；x"
    assert load_text("plain text") == "plain text" and render_text("plain", "en") == "plain"
    import pickle

    assert render_text(pickle.loads(pickle.dumps(back)), "en") == "3 of valid complaints；x"


def test_checklist_items_carry_their_english_text_through_an_edit(services):
    """The seeded checklist items are reference data (issue 14): each has an English text, shown
    on the English window and kept when the office saves the edition again."""
    import dataclasses

    from qsm_desktop.services.accounts import local_admin
    from qsm_desktop.services.monitoring.checklists import checklists_in, save_checklist_in
    from qsm_desktop.store.models.monitoring import ChecklistItemRecord

    with services.sessions() as session:
        texts = dict(session.execute(select(ChecklistItemRecord.code, ChecklistItemRecord.text_en)).all())
    assert texts["LC-06"] == "Never promises principal or returns"
    with services.unit_of_work() as session:
        (checklist_id, checklist), = checklists_in(session)
        item = checklist.modules[0].items[0]
        assert item.shown_text("en") == "Uniform worn, badge with staff number on, neat appearance"
        assert item.shown_text("zh") == item.text
        first = dataclasses.replace(checklist.modules[0], items=(
            dataclasses.replace(item, text_en="Uniform, badge, neat"), *checklist.modules[0].items[1:]))
        edited = dataclasses.replace(checklist, modules=(first, *checklist.modules[1:]))
        save_checklist_in(session, local_admin(), edited, checklist_id=checklist_id)
    with services.unit_of_work() as session:
        assert seed.fill_english_names(session) == 0  # an edited English text is never overwritten
        (_id, checklist), = checklists_in(session)
        assert checklist.modules[0].items[0].text_en == "Uniform, badge, neat"
        assert checklist.modules[0].items[1].text_en == "Greets the customer at the counter and speaks courteously"


def test_the_default_score_sheet_has_english_names():
    """The default on-site score sheet is seeded (``score_sheet_default.toml``): its title and
    items are reference data with English names in the catalogue."""
    from qsm_desktop.store.showcase import default_sheet

    catalogue = seed.seeded_english_names()
    sheet = default_sheet()
    assert catalogue[sheet.name] == "Showcase unit on-site score sheet (bank standard)"
    assert [catalogue.get(i.name) for i in sheet.items] == [
        "Service environment", "Service facilities", "Service standards", "Service efficiency",
        "Service management", "Customer satisfaction"]


def test_lists_are_joined_in_the_window_language():
    """The enumeration comma 、 is Chinese punctuation: English lists (tied outlets, flagged
    reviewers, missing attachments) are joined with ", " (issue 14)."""
    from qsm_desktop.domain.i18n import joined

    assert joined(["110101 甲", "320101 乙"], "zh") == "110101 甲、320101 乙"
    assert joined(["110101 甲", "320101 乙"], "en") == "110101 甲, 320101 乙"


def test_the_catalogue_is_read_on_the_first_english_lookup_and_once(services, monkeypatch):
    """A window in Chinese never reads the catalogue (issue 14: first window ≤ 1 s); the first
    English lookup reads it, once; a later load (after an edit) is read again at the next lookup."""
    before = names.english_names()
    reads = []
    real = seed.english_name_pairs
    monkeypatch.setattr(seed, "english_name_pairs", lambda session: reads.append(1) or real(session))
    try:
        services.load_english_names()
        assert names.shown("合格", language="zh") == "合格"
        assert names.shown_unit("分", language="zh") == "分"
        assert reads == []
        assert names.shown("合格", language="en") == "Satisfactory"
        assert names.shown("良好", language="en") == "Good" and reads == [1]
        names.set_english_names_loader(lambda: {"合格": "Pass (edited)"})
        names.add_english_names({"有效投诉": "valid complaints"})  # the waiting loader runs first: nothing lost
        assert names.shown("合格", language="en") == "Pass (edited)"
        assert names.shown("有效投诉", language="en") == "valid complaints"
    finally:
        names.set_english_names(before)


def test_a_lookup_during_the_first_read_waits_for_the_whole_catalogue():
    """Reader threads look names up too: one that asks while another runs the loader waits for the
    whole catalogue instead of seeing an empty or half-filled one (a Chinese name in English)."""
    import threading

    before = names.english_names()
    started, release = threading.Event(), threading.Event()

    def slow_loader():
        started.set()
        release.wait(5)
        return {"合格": "Satisfactory (slow)"}

    results: list[str] = []
    try:
        names.set_english_names_loader(slow_loader)
        first = threading.Thread(target=lambda: results.append(names.shown("合格", language="en")))
        first.start()
        assert started.wait(5)
        second = threading.Thread(target=lambda: results.append(names.shown("合格", language="en")))
        second.start()
        second.join(0.2)
        assert second.is_alive()  # waiting for the loader
        release.set()
        first.join(5)
        second.join(5)
        assert results == ["Satisfactory (slow)", "Satisfactory (slow)"]
    finally:
        release.set()
        names.set_english_names(before)
