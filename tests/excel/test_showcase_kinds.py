"""The showcase return kinds (DESIGN §3.5 申报表, §3.7 现场评分表): label/value forms read from
real workbooks; problems at their cells; 得分 above 分值 refused; a deduction without 扣分原因 a
warning in the preview, never a refusal; unknown reviewers registered; the first application of
a year × level creates its cycle from the default sheet."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from qsm_desktop.excel.kinds import get_kind
from qsm_desktop.excel.kinds.score_sheet import write_score_sheet
from qsm_desktop.excel.kinds.showcase_application import write_application_form
from qsm_desktop.excel.reader import read_workbook
from qsm_desktop.excel.kinds.base import infer_kind
from qsm_desktop.services.imports import import_files
from qsm_desktop.store.models.showcase import ShowcaseReviewer

ITEMS = [("服务环境", 15), ("服务设施", 15), ("服务规范", 20), ("服务效率", 15), ("服务管理", 15), ("客户满意度", 20)]


@pytest.fixture
def orgs(sqlite_services, actor, samples_dir):
    results = import_files(sqlite_services, actor, [samples_dir / "org_units.xlsx"])
    assert results[0].status == "imported"
    return sqlite_services


def application(path, code="110101", name="交通银行北京朝阳支行营业部", level="总行级", year=2008, **fields):
    write_application_form(path, org_code=code, unit_name=name, level=level, year=year,
                           fields={"网点负责人": "王芳", "在岗员工数": 10, "持证上岗人数": 8, "客户满意度": "95%", **fields},
                           items=[(n, p, p - 1) for n, p in ITEMS])
    return path


def sheet(path, scores=None, reasons=None, code="110101", reviewer="吴东", reviewer_org="000101", year=2008):
    scores = scores or [p for _n, p in ITEMS]
    reasons = reasons or ["" for _ in ITEMS]
    write_score_sheet(path, org_code=code, unit_name="交通银行北京朝阳支行营业部", reviewer=reviewer,
                      reviewer_org=reviewer_org, year=year, scored_on=dt.date(year, 12, 5),
                      items=[(n, p, s, r) for (n, p), s, r in zip(ITEMS, scores, reasons)])
    return path


def test_samples_are_recognised_by_meta_and_by_headers(samples_dir, tmp_path):
    for name, kind in (("application_120302_2007.xlsx", "showcase_application"), ("score_120302_000101_4.xlsx", "score_sheet")):
        workbook = read_workbook((samples_dir / "showcase" / name).read_bytes(), name=name)
        assert infer_kind(workbook).name == kind
        workbook.meta = None  # the hidden _meta sheet deleted: the headers still tell
        assert infer_kind(workbook).name == kind


def test_written_forms_import_and_create_the_cycle(orgs, actor, tmp_path):
    results = import_files(orgs, actor, [application(tmp_path / "a.xlsx"), sheet(tmp_path / "s.xlsx")])
    assert [r.status for r in results] == ["imported", "imported"], [r.problems for r in results]
    assert results[0].counts()["new"] == {"showcase_cycle": 1, "showcase_application": 1}
    cycle = orgs.showcase.cycle(actor, 2008, "总行级")
    assert cycle.sheet.name.startswith("示范窗口单位现场评分表") and cycle.sheet.total_points == 100
    app = orgs.showcase.applications(actor, year=2008)[0]
    assert app.status == "总行评审中" and app.form["客户满意度"] == 95.0 and app.form["在岗员工数"] == 10


def test_score_above_points_is_refused_at_its_cell(orgs, actor, tmp_path):
    import_files(orgs, actor, [application(tmp_path / "a.xlsx")])
    scores = [p for _n, p in ITEMS]
    scores[1] = 16  # 服务设施: 16 of 15
    result = import_files(orgs, actor, [sheet(tmp_path / "s.xlsx", scores=scores)])[0]
    assert result.status == "refused"
    cells = {(p.sheet, p.cell) for p in result.problems}
    assert ("评分表", "D8") in cells  # header in row 6; 服务设施 is the second item row
    assert any("超过分值" in p.message for p in result.problems)


def test_deduction_without_reason_is_a_warning_not_a_refusal(orgs, actor, tmp_path):
    import_files(orgs, actor, [application(tmp_path / "a.xlsx")])
    scores = [p for _n, p in ITEMS]
    scores[2] = 18
    dry = import_files(orgs, actor, [sheet(tmp_path / "s.xlsx", scores=scores)], dry_run=True)[0]
    assert dry.status == "dry-run"
    warnings = [c for c in dry.preview if c.entity == "warning"]
    assert len(warnings) == 1 and warnings[0].key == "评分表!E9" and "扣分原因" in warnings[0].label
    result = import_files(orgs, actor, [sheet(tmp_path / "s.xlsx", scores=scores)])[0]
    assert result.status == "imported"
    saved = orgs.showcase.sheets(actor, orgs.showcase.applications(actor, year=2008)[0].id)[0]
    assert saved.warnings == 1 and saved.total == 98


def test_unknown_reviewer_is_registered_with_the_sheets_org(orgs, actor, tmp_path):
    import_files(orgs, actor, [application(tmp_path / "a.xlsx")])
    result = import_files(orgs, actor, [sheet(tmp_path / "s.xlsx", reviewer="赵新", reviewer_org="000105")])[0]
    assert result.status == "imported" and result.counts()["new"]["showcase_reviewer"] == 1
    assert ("赵新", "000105") in orgs.showcase.cycle(actor, 2008, "总行级").panel
    with orgs.read() as session:
        assert session.scalar(select(func.count()).select_from(ShowcaseReviewer)) == 1
    # the same reviewer's newer sheet replaces the older one
    scores = [p for _n, p in ITEMS]
    scores[0] = 14
    again = import_files(orgs, actor, [sheet(tmp_path / "s2.xlsx", scores=scores, reasons=["卫生", "", "", "", "", ""],
                                             reviewer="赵新", reviewer_org="000105")])[0]
    assert again.status == "imported" and again.counts().get("changed") == {"score_sheet": 1}
    sheets = orgs.showcase.sheets(actor, orgs.showcase.applications(actor, year=2008)[0].id)
    assert len(sheets) == 1 and sheets[0].total == 99


def test_sheet_problems_each_at_a_cell(orgs, actor, tmp_path):
    import_files(orgs, actor, [application(tmp_path / "a.xlsx")])
    result = import_files(orgs, actor, [sheet(tmp_path / "s.xlsx", reviewer_org="999999", code="110102")])[0]
    assert result.status == "refused"
    messages = " ".join(p.message for p in result.problems)
    assert "999999" in messages  # unknown reviewer org
    # a sheet for an outlet without an application
    no_app = import_files(orgs, actor, [sheet(tmp_path / "n.xlsx", code="210101")])[0]
    assert no_app.status == "refused" and "申报" in no_app.problems[0].message


def test_application_problems_each_at_a_cell(orgs, actor, tmp_path):
    path = application(tmp_path / "a.xlsx", level="省级", **{"持证上岗人数": 12, "客户满意度": "120%"})
    result = import_files(orgs, actor, [path])[0]
    assert result.status == "refused"
    by_cell = {p.cell: p.message for p in result.problems}
    assert any("申报级别" in m for m in by_cell.values())
    assert any("持证上岗人数" in m for m in by_cell.values())
    assert any("0–100" in m for m in by_cell.values())
    assert all(p.cell for p in result.problems)
    # a branch is not an outlet
    branch = import_files(orgs, actor, [application(tmp_path / "b.xlsx", code="110000", name="交通银行北京市分行")])[0]
    assert branch.status == "refused" and "网点" in branch.problems[0].message


def test_application_under_review_is_not_overwritten(orgs, actor, tmp_path):
    import_files(orgs, actor, [application(tmp_path / "a.xlsx"), sheet(tmp_path / "s.xlsx")])
    again = import_files(orgs, actor, [application(tmp_path / "a2.xlsx", **{"网点负责人": "李四"})])[0]
    assert again.status == "refused" and "评审已开始" in again.problems[0].message


def test_kinds_are_registered():
    assert get_kind("showcase_application").period_type == "year"
    assert get_kind("score_sheet").sheet_name == "评分表"


def test_kinds_parse_without_a_database_into_frozen_records(tmp_path):
    """The kinds only translate (issue 10): parse needs no database and gives frozen records; the
    checks against the cycle and the write are the handlers' in services/showcase/imports.py."""
    import dataclasses

    from qsm_desktop.excel.kinds.base import ParseContext

    for path, name in ((application(tmp_path / "a.xlsx"), "showcase_application"), (sheet(tmp_path / "s.xlsx"), "score_sheet")):
        workbook = read_workbook(path.read_bytes(), name=path.name)
        kind = get_kind(name)
        table, problems = kind.read(workbook)
        assert not problems
        parsed = kind.parse(table, ParseContext(file=path.name, org_code="110101", period="2008",
                                                period_end=dt.date(2008, 12, 31)))
        assert not parsed.problems and not hasattr(parsed, "state") and len(parsed.records) == 1
        record = parsed.records[0]
        assert record.org_code == "110101" and len(record.entries) == len(ITEMS)
        with pytest.raises(dataclasses.FrozenInstanceError):
            record.org_code = "210101"
        assert not any(hasattr(kind, hook) for hook in ("validate", "preview", "apply", "template_rows"))
