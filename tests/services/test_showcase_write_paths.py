"""One write path per use case (issue 10, STYLE.md): a score sheet saved in the window's grid and
one imported as a workbook go through ``save_sheet_in``; an application entered in the window and
one imported as a form go through ``create_application_in``. Proved by what they leave behind —
the same audit entries (entity, action, fields before and after), the same write (the sheet
updated in place, its version raised) — and by the same optimistic lock: a stale version is
refused on both paths, in the window with :class:`ConflictError`, in an import (a record changed
between the check and the write) as the engine's "changed while importing" refusal."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from qsm_desktop.domain.errors import ConflictError
from qsm_desktop.domain.showcase import ScoreEntry
from qsm_desktop.excel.kinds.score_sheet import write_score_sheet
from qsm_desktop.excel.kinds.showcase_application import write_application_form
from qsm_desktop.services.imports import import_files
from qsm_desktop.services.showcase.imports import ApplicationHandler, ScoreSheetHandler
from qsm_desktop.store.models import AuditEntry
from qsm_desktop.store.models.showcase import ShowcaseScoreSheet, ShowcaseSheetItem

ITEMS = [("服务环境", 15), ("服务设施", 15), ("服务规范", 20), ("服务效率", 15), ("服务管理", 15), ("客户满意度", 20)]
NAMES = {"110101": "交通银行北京开发区支行营业部", "210101": "交通银行沈阳福田支行营业部"}


@pytest.fixture
def orgs(services, actor, samples_dir):
    results = import_files(services, actor, [samples_dir / "org_units.xlsx"])
    assert results[0].status == "imported"
    return services


def _form(path, code, year=2008):
    write_application_form(path, org_code=code, unit_name=NAMES.get(code, code), level="总行级", year=year,
                           fields={"网点负责人": "王芳", "在岗员工数": 10},
                           items=[(n, p, p - 1) for n, p in ITEMS])
    return path


def _sheet(path, code, reviewer, reviewer_org, scores, reasons=None, year=2008):
    reasons = reasons or ["" for _ in ITEMS]
    write_score_sheet(path, org_code=code, unit_name=NAMES.get(code, code), reviewer=reviewer,
                      reviewer_org=reviewer_org, year=year, scored_on=dt.date(year, 12, 5),
                      items=[(n, p, s, r) for (n, p), s, r in zip(ITEMS, scores, reasons)])
    return path


def _entries(scores, reasons=None):
    reasons = reasons or ["" for _ in ITEMS]
    return [ScoreEntry(position=i, name=n, score=s, reason=r)
            for i, ((n, _p), s, r) in enumerate(zip(ITEMS, scores, reasons), start=1)]


def _audit(services, after_id=0, entities=("score_sheet", "showcase_reviewer", "showcase_application",
                                           "showcase_cycle")):
    """(entity, action, before keys, after keys, from an import?) of the entries after ``after_id``."""
    with services.read() as session:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.id > after_id, AuditEntry.entity.in_(entities))
                               .order_by(AuditEntry.id)).all()
        return [(r.entity, r.action, sorted(r.before or {}), sorted(r.after or {}), r.batch_id is not None)
                for r in rows]


def _last_audit_id(services):
    with services.read() as session:
        return session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1)) or 0


def _shape(entries):
    """Entries without where they came from (the import's carry its batch, the window's none)."""
    return [e[:4] for e in entries]


def _app_id(services, actor, code, year=2008):
    return next(a.id for a in services.showcase.applications(actor, year=year) if a.outlet_code == code)


def test_an_application_entered_or_imported_is_one_write(orgs, actor, tmp_path):
    svc = orgs.showcase
    start = _last_audit_id(orgs)
    svc.create_application(actor, 2008, "总行级", "110101", form={"网点负责人": "王芳"})  # the window's form
    window = _audit(orgs, start)
    start = _last_audit_id(orgs)
    (result,) = import_files(orgs, actor, [_form(tmp_path / "a.xlsx", "210101", year=2009)])  # a branch's form
    assert result.status == "imported", result.problems
    imported = _audit(orgs, start)
    # both created their year's cycle from the default sheet, then the application: the same entries
    assert _shape(window) == _shape(imported) == [
        ("showcase_cycle", "create", [], ["from", "level", "sheet", "title", "year"]),
        ("showcase_application", "create", [], ["from", "level", "outlet", "status", "year"]),
    ]
    assert {e[4] for e in window} == {False} and {e[4] for e in imported} == {True}
    by_code = {a.outlet_code: a for a in svc.applications(actor)}
    assert by_code["110101"].status == "草稿" and by_code["210101"].status == "已提交"
    assert (by_code["110101"].branch_code, by_code["210101"].branch_code) == ("110000", "210000")


def test_a_sheet_saved_or_imported_is_one_write(orgs, actor, tmp_path):
    svc = orgs.showcase
    results = import_files(orgs, actor, [_form(tmp_path / "a1.xlsx", "110101"), _form(tmp_path / "a2.xlsx", "210101")])
    assert [r.status for r in results] == ["imported", "imported"], [r.problems for r in results]
    full = [p for _n, p in ITEMS]
    # the first sheet of each: the grid (110101) and a workbook (210101)
    start = _last_audit_id(orgs)
    saved = svc.save_sheet(actor, _app_id(orgs, actor, "110101"), "吴东", "000101", _entries(full),
                           scored_on=dt.date(2008, 12, 5))
    window = _audit(orgs, start)
    start = _last_audit_id(orgs)
    (first,) = import_files(orgs, actor, [_sheet(tmp_path / "s1.xlsx", "210101", "赵新", "000105", full)])
    assert first.status == "imported", first.problems
    imported = _audit(orgs, start)
    expected = [
        ("showcase_reviewer", "create", [], ["name", "org"]),
        ("score_sheet", "create", [], ["excluded", "outlet", "reviewer", "total", "warnings"]),
        ("showcase_application", "recommend", ["status"], ["by", "status"]),
        ("showcase_application", "start_review", ["status"], ["by", "status"]),
    ]
    assert _shape(window) == _shape(imported) == expected
    assert {a.status for a in svc.applications(actor, year=2008)} == {"总行评审中"}
    imported_sheet = svc.sheets(actor, _app_id(orgs, actor, "210101"))[0]

    # each replaced: the same sheet updated in place ("update", never delete + insert), version raised
    lower = list(full)
    lower[0] = 14
    start = _last_audit_id(orgs)
    again = svc.save_sheet(actor, _app_id(orgs, actor, "110101"), "吴东", "000101",
                           _entries(lower, ["卫生", "", "", "", "", ""]), version=saved.sheet.version)
    window = _audit(orgs, start)
    start = _last_audit_id(orgs)
    (second,) = import_files(orgs, actor, [_sheet(tmp_path / "s2.xlsx", "210101", "赵新", "000105", lower,
                                                  ["卫生", "", "", "", "", ""])])
    assert second.status == "imported" and second.supersedes == first.batch_id, second.problems
    imported = _audit(orgs, start)
    assert _shape(window) == _shape(imported) == [
        ("score_sheet", "update", ["excluded", "total"], ["excluded", "outlet", "reviewer", "total", "warnings"]),
    ]
    replaced = svc.sheets(actor, _app_id(orgs, actor, "210101"))[0]
    assert (again.sheet.id, again.sheet.version, again.sheet.total) == (saved.sheet.id, saved.sheet.version + 1, 99)
    assert (replaced.id, replaced.version, replaced.total) == (imported_sheet.id, imported_sheet.version + 1, 99)
    with orgs.read() as session:  # the imported sheet keeps its batch and each score its cell
        sheet = session.get(ShowcaseScoreSheet, replaced.id)
        cells = session.scalars(select(ShowcaseSheetItem.source_cell).where(ShowcaseSheetItem.sheet_id == sheet.id))
        assert sheet.source_batch_id == second.batch_id and all(cells)
    # a sheet saved again with the same scores is still a new version (its items were rewritten)
    same = svc.save_sheet(actor, _app_id(orgs, actor, "110101"), "吴东", "000101",
                          _entries(lower, ["卫生", "", "", "", "", ""]), version=again.sheet.version)
    assert same.sheet.version == again.sheet.version + 1


def test_a_stale_sheet_is_refused_in_the_window(orgs, actor, tmp_path):
    svc = orgs.showcase
    import_files(orgs, actor, [_form(tmp_path / "a.xlsx", "110101")])
    app_id = _app_id(orgs, actor, "110101")
    full = [p for _n, p in ITEMS]
    first = svc.save_sheet(actor, app_id, "吴东", "000101", _entries(full))
    svc.save_sheet(actor, app_id, "吴东", "000101", _entries(full), version=first.sheet.version)  # someone else
    with pytest.raises(ConflictError):
        svc.save_sheet(actor, app_id, "吴东", "000101", _entries(full), version=first.sheet.version)
    with pytest.raises(ConflictError):  # "I saw no sheet of this reviewer" — but there is one now
        svc.save_sheet(actor, app_id, "吴东", "000101", _entries(full), version=0)


def test_a_sheet_changed_between_check_and_import_is_refused(orgs, actor, tmp_path, monkeypatch):
    svc = orgs.showcase
    import_files(orgs, actor, [_form(tmp_path / "a.xlsx", "110101")])
    app_id = _app_id(orgs, actor, "110101")
    full = [p for _n, p in ITEMS]
    (first,) = import_files(orgs, actor, [_sheet(tmp_path / "s1.xlsx", "110101", "赵新", "000105", full)])
    assert first.status == "imported"
    lower = list(full)
    lower[5] = 18
    preview = ScoreSheetHandler.preview

    def someone_saves_meanwhile(self, session, plan, ctx):
        # after the import read the sheet (version 1), the reviewer's sheet is corrected in the window
        svc.save_sheet(actor, app_id, "赵新", "000105", _entries(lower, ["", "", "", "", "", "排队"]))
        return preview(self, session, plan, ctx)

    monkeypatch.setattr(ScoreSheetHandler, "preview", someone_saves_meanwhile)
    corrected = list(full)
    corrected[1] = 14
    (stale,) = import_files(orgs, actor, [_sheet(tmp_path / "s2.xlsx", "110101", "赵新", "000105", corrected,
                                                 ["", "设施陈旧", "", "", "", ""])])
    assert stale.status == "refused" and [p.key for p in stale.problems] == ["import.conflict"]
    (kept,) = svc.sheets(actor, app_id)
    assert kept.total == 98 and kept.version == 2  # the window's correction, not overwritten
    batches = orgs.imports.batches(actor, kind="score_sheet")
    assert [b.id for b in batches] == [first.batch_id]  # nothing of the refused file was kept


def test_a_sheet_entered_between_check_and_import_is_refused(orgs, actor, tmp_path, monkeypatch):
    """The import saw no sheet of this reviewer (version 0); one entered in the window meanwhile is
    not silently overwritten."""
    svc = orgs.showcase
    import_files(orgs, actor, [_form(tmp_path / "a.xlsx", "110101")])
    app_id = _app_id(orgs, actor, "110101")
    full = [p for _n, p in ITEMS]
    svc.save_sheet(actor, app_id, "赵新", "000105", _entries(full))  # the application is in review already
    preview = ScoreSheetHandler.preview
    entered = []

    def entered_meanwhile(self, session, plan, ctx):
        assert plan.existing is None and plan.version == 0  # what the check read: no sheet yet
        entered.append(svc.save_sheet(actor, app_id, "吴东", "000101", _entries(full)))
        return preview(self, session, plan, ctx)

    monkeypatch.setattr(ScoreSheetHandler, "preview", entered_meanwhile)
    lower = list(full)
    lower[3] = 13
    (stale,) = import_files(orgs, actor, [_sheet(tmp_path / "s1.xlsx", "110101", "吴东", "000101", lower,
                                                 ["", "", "", "慢", "", ""])])
    assert stale.status == "refused" and [p.key for p in stale.problems] == ["import.conflict"]
    kept = {s.reviewer: s for s in svc.sheets(actor, app_id)}["吴东"]
    assert (kept.id, kept.total, kept.version) == (entered[0].sheet.id, 100, 1)  # the window's sheet stands


def test_an_application_changed_between_check_and_import_is_refused(orgs, actor, tmp_path, monkeypatch):
    svc = orgs.showcase
    (first,) = import_files(orgs, actor, [_form(tmp_path / "a.xlsx", "110101")])
    app_id = _app_id(orgs, actor, "110101")
    preview = ApplicationHandler.preview

    def sent_back_meanwhile(self, session, plan, ctx):
        svc.act(actor, app_id, "return")  # 已提交 → 草稿: still open, but not the version the import read
        return preview(self, session, plan, ctx)

    monkeypatch.setattr(ApplicationHandler, "preview", sent_back_meanwhile)
    path = tmp_path / "a2.xlsx"
    write_application_form(path, org_code="110101", unit_name=NAMES["110101"], level="总行级", year=2008,
                           fields={"网点负责人": "李四"}, items=[(n, p, p) for n, p in ITEMS])
    (stale,) = import_files(orgs, actor, [path])
    assert stale.status == "refused" and [p.key for p in stale.problems] == ["import.conflict"]
    app = svc.application(actor, app_id)
    assert app.status == "草稿" and app.form["网点负责人"] == "王芳"
