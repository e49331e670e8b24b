"""Return kinds of the evaluation: ``quarterly`` (DESIGN §3.4) and ``internal_service`` (§3.6).

Real workbooks written with the template writer, imported through the engine into a real SQLite
database holding the sample org list.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook
from sqlalchemy import select

from qsm_desktop.excel.kinds.base import get_kind
from qsm_desktop.excel.template import write_return
from qsm_desktop.services.imports import import_files, write_template
from qsm_desktop.store.models import OrgUnit
from qsm_desktop.store.models.evaluation import IndicatorValue, InternalServiceRating

BEIJING = ("110000", "交通银行北京市分行")
AT = dt.datetime(2008, 1, 10, 9, 30)
VALUES = {"A01": 93.3, "A02": 84.9, "A03": 4, "A04": 97.6, "A05": 18.8, "B01": 97.45, "B02": 3, "B03": 15.9,
          "B04": 4, "C02": 90.3}


@pytest.fixture
def orgs(sqlite_services, actor, samples_dir):
    [result] = import_files(sqlite_services, actor, [samples_dir / "org_units.xlsx"])
    assert result.status == "imported"
    return sqlite_services


def quarterly_file(path: Path, values: dict[str, object], *, org=BEIJING, period="2007Q4", meta=True) -> Path:
    kind = get_kind("quarterly")
    rows = [{"seq": n, "code": code, "value": value} for n, (code, value) in enumerate(values.items(), start=1)]
    write_return(path, kind="quarterly", sheet_name=kind.sheet_name, title="交通银行服务质量季度报表", columns=kind.columns,
                 org_code=org[0], org_name=org[1], period=period, rows=rows, blank_rows=0)
    if not meta:
        book = load_workbook(path)
        del book["_meta"]
        book.save(path)
    return path


def rating_file(path: Path, rows: list[dict], *, org=BEIJING, period="2007Q4") -> Path:
    kind = get_kind("internal_service")
    write_return(path, kind="internal_service", sheet_name=kind.sheet_name, title="交通银行内部服务评价表",
                 columns=kind.columns, org_code=org[0], org_name=org[1], period=period, rows=rows, blank_rows=0)
    return path


def stored_values(services, code: str, period: str = "2007Q4") -> dict[str, tuple[float, str | None]]:
    with services.read() as session:
        rows = session.execute(select(IndicatorValue.indicator_code, IndicatorValue.value, IndicatorValue.source_cell)
                               .join(OrgUnit, OrgUnit.id == IndicatorValue.org_unit_id)
                               .where(OrgUnit.code == code, IndicatorValue.period == period)).all()
    return {c: (v, cell) for c, v, cell in rows}


# ------------------------------------------------------------------------------------------ quarterly

def test_template_lists_the_quarterly_indicators_of_the_system(orgs, actor, tmp_path):
    path = write_template(orgs, actor, "quarterly", "110000", "2007Q4", tmp_path / "t.xlsx")
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("指标数据").to_python()
    assert rows[2] == ["序号", "指标代码", "指标名称", "计量单位", "本期值", "说明"]
    assert [r[1] for r in rows[3:]] == list(VALUES)  # A01…B04, C02: not C01/C03/D01 (registers)
    assert rows[3][2:4] == ["客户满意度", "%"]


def test_percent_written_three_ways_stores_percent(orgs, actor, tmp_path):
    values = dict(VALUES, A01="93.3%", A04=0.976, B01=97.45, B03="１５.９％")
    [result] = import_files(orgs, actor, [quarterly_file(tmp_path / "q.xlsx", values)])
    assert result.status == "imported", result.problems
    stored = stored_values(orgs, "110000")
    assert stored["A01"] == (93.3, "E4")
    assert stored["A04"][0] == pytest.approx(97.6) and stored["B01"][0] == 97.45 and stored["B03"][0] == 15.9
    assert stored["B02"][0] == 3.0


def test_every_problem_is_named_at_its_cell_and_nothing_written(orgs, actor, tmp_path):
    values = dict(VALUES, A01=120, B02=2.5, A03=-1, A05="很久")
    values.pop("C02")
    values["Z99"] = 1
    path = quarterly_file(tmp_path / "bad.xlsx", values)
    [result] = import_files(orgs, actor, [path])
    assert result.status == "refused"
    where = {(p.cell, p.message) for p in result.problems}
    cells = {p.cell for p in result.problems}
    assert {"E4", "E6", "E8", "E10", "B13"} <= cells, where
    text = "\n".join(str(p) for p in result.problems)
    assert "0–100" in text and "名次" in text and "负数" in text and "C02" in text and "Z99" in text
    assert stored_values(orgs, "110000") == {}


def test_without_meta_the_kind_comes_from_the_headers(orgs, actor, tmp_path):
    path = quarterly_file(tmp_path / "nometa.xlsx", VALUES, meta=False)
    [result] = import_files(orgs, actor, [path])
    assert (result.status, result.kind, result.org, result.period) == ("imported", "quarterly", "110000", "2007Q4")


def test_newer_return_replaces_the_values(orgs, actor, tmp_path):
    import_files(orgs, actor, [quarterly_file(tmp_path / "a.xlsx", VALUES)])
    [result] = import_files(orgs, actor, [quarterly_file(tmp_path / "b.xlsx", dict(VALUES, A01=88.0))])
    assert result.status == "imported" and result.supersedes is not None
    assert [c.key for c in result.preview if c.action == "changed"] == ["A01"]
    assert stored_values(orgs, "110000")["A01"][0] == 88.0


def test_a_department_cannot_send_a_quarterly_return(orgs, actor, tmp_path):
    path = quarterly_file(tmp_path / "d.xlsx", VALUES, org=("000101", "总行办公室"))
    [result] = import_files(orgs, actor, [path])
    assert result.status == "refused" and "分行" in result.problems[0].message


def test_no_system_in_force_for_the_period(orgs, actor, tmp_path):
    [result] = import_files(orgs, actor, [quarterly_file(tmp_path / "old.xlsx", VALUES, period="2006Q4")])
    assert result.status == "refused" and "2007-07-01" in result.problems[0].message


# ------------------------------------------------------------------------------------------ internal service

def _ratings(n: int = 8) -> list[dict]:
    return [{"seq": i, "department": f"0001{i:02d}", "attitude": 80, "response": 81, "policy": 82, "resolution": 83,
             "overall": 81.5} for i in range(1, n + 1)]


def test_internal_service_ratings_are_stored_with_their_cells(orgs, actor, samples_dir, tmp_path):
    path = write_template(orgs, actor, "internal_service", "110000", "2007Q4", tmp_path / "t.xlsx")
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("内部服务评价").to_python()
    assert [r[1] for r in rows[3:]] == [f"0001{i:02d}" for i in range(1, 9)]
    [result] = import_files(orgs, actor, [samples_dir / "internal_service" / "internal_service_110000_2007Q4.xlsx"])
    assert result.status == "imported" and result.rows == 8
    with orgs.read() as session:
        rating = session.execute(select(InternalServiceRating).join(
            OrgUnit, OrgUnit.id == InternalServiceRating.department_org_id).where(OrgUnit.code == "000101")).scalar_one()
    assert (rating.attitude, rating.response, rating.policy, rating.resolution) == (68, 84, 95, 72)
    assert rating.source_cells["attitude"] == "D4" and rating.source_sheet == "内部服务评价"
    # a newer return replaces the branch's ratings
    [again] = import_files(orgs, actor, [rating_file(tmp_path / "r.xlsx", _ratings(7))])
    assert again.status == "imported"
    assert {c.action for c in again.preview} == {"changed", "removed"}
    with orgs.read() as session:
        assert len(session.scalars(select(InternalServiceRating)).all()) == 7


def test_internal_service_problems(orgs, actor, tmp_path):
    rows = _ratings()
    rows[0]["attitude"] = 120
    rows[1]["response"] = ""
    rows[2]["department"] = "000199"
    rows[3]["department"] = "000101"
    [result] = import_files(orgs, actor, [rating_file(tmp_path / "bad.xlsx", rows)])
    assert result.status == "refused"
    cells = {p.cell for p in result.problems}
    assert {"D4", "E5", "B6", "B7"} <= cells
    [result] = import_files(orgs, actor, [rating_file(tmp_path / "dept.xlsx", _ratings(), org=("000101", "总行办公室"))])
    assert result.status == "refused" and "分行" in result.problems[0].message


# ------------------------------------------------------------------------------------------ kinds translate, handlers write

def test_the_kinds_parse_without_a_database_into_frozen_records(samples_dir, tmp_path):
    """Issue 10: parsing needs only the file; the records cannot change after parsing (a value
    checked against the system goes into the handler's plan, not back into the record)."""
    import dataclasses

    from qsm_desktop.excel.kinds.base import ParseContext
    from qsm_desktop.excel.reader import read_workbook

    for kind_name, path in (("quarterly", quarterly_file(tmp_path / "q.xlsx", dict(VALUES, A01="93.3%"))),
                            ("internal_service", samples_dir / "internal_service" / "internal_service_110000_2007Q4.xlsx")):
        kind = get_kind(kind_name)
        table, problems = kind.read(read_workbook(path))
        parsed = kind.parse(table, ParseContext(path.name, "110000", "2007Q4", None))
        assert not problems and not parsed.problems and parsed.records and not hasattr(parsed, "state")
        record = parsed.records[0]
        with pytest.raises(dataclasses.FrozenInstanceError):
            record.row = None
    quarterly = get_kind("quarterly").parse(
        get_kind("quarterly").read(read_workbook(tmp_path / "q.xlsx"))[0], ParseContext("q.xlsx", "110000", "2007Q4", None))
    assert quarterly.records[0].raw_value == "93.3%"


def test_a_return_and_a_hand_entered_value_share_one_write_path(orgs, actor, tmp_path):
    """The quarterly return replaces a value entered by hand in place (its version increases),
    audited like the window's entry ('update' from a return, 'manual' by hand), one entity."""
    from qsm_desktop.services.evaluation import store_indicator_values_in
    from qsm_desktop.store.models import AuditEntry

    [first] = import_files(orgs, actor, [quarterly_file(tmp_path / "a.xlsx", VALUES)])
    assert first.status == "imported"
    [a01] = [v for v in orgs.evaluation.values(actor, "110000", "2007Q4") if v.indicator_code == "A01"]
    assert (a01.value, a01.origin, a01.version) == (93.3, "quarterly", 1)
    manual = orgs.evaluation.set_manual_value(actor, "110000", "2007Q4", "A01", "90", "调查更正",
                                              expected_version=a01.version)
    assert manual.version == 2
    [second] = import_files(orgs, actor, [quarterly_file(tmp_path / "b.xlsx", dict(VALUES, A01=88.0))])
    assert second.status == "imported" and [c.key for c in second.preview if c.action == "changed"] == ["A01"]
    [a01] = [v for v in orgs.evaluation.values(actor, "110000", "2007Q4") if v.indicator_code == "A01"]
    assert (a01.value, a01.origin, a01.version, a01.source) == (88.0, "quarterly", 3, "b.xlsx!指标数据!E4")
    with orgs.read() as session:
        entries = session.execute(select(AuditEntry.action, AuditEntry.before, AuditEntry.after, AuditEntry.batch_id)
                                  .where(AuditEntry.entity == "indicator_value", AuditEntry.entity_id == "110000/2007Q4/A01")
                                  .order_by(AuditEntry.id)).all()
    assert [(e.action, e.before["value"], e.after["value"]) for e in entries] == [("manual", 93.3, 90.0),
                                                                                  ("update", 90.0, 88.0)]
    assert entries[1].batch_id == second.batch_id and entries[1].after["origin"] == "quarterly"
    # a stale version is refused by the write path itself (the engine refuses the file then)
    from qsm_desktop.domain.errors import ConflictError
    from qsm_desktop.services.evaluation.values import NewIndicatorValue

    system = orgs.evaluation.system_for_period(actor, "2007Q4").system
    with orgs.unit_of_work() as session, pytest.raises(ConflictError):
        unit = session.execute(select(OrgUnit).where(OrgUnit.code == "110000")).scalar_one()
        store_indicator_values_in(session, actor, unit, "2007Q4", system,
                                  [NewIndicatorValue(system.indicator("A01"), 50.0, 2, "x")], origin="manual",
                                  at=AT)


def test_department_ratings_refuse_a_stale_batch(orgs, actor, samples_dir):
    from qsm_desktop.domain.errors import ConflictError
    from qsm_desktop.services.evaluation import rate_departments_in
    from qsm_desktop.services.evaluation.values import DepartmentRating

    [result] = import_files(orgs, actor, [samples_dir / "internal_service" / "internal_service_110000_2007Q4.xlsx"])
    assert result.status == "imported"
    with orgs.unit_of_work() as session:
        units = {u.code: u for u in session.scalars(select(OrgUnit).where(OrgUnit.code.in_(("110000", "000101"))))}
        rating = DepartmentRating(units["000101"], {"attitude": 90.0, "response": 90.0, "policy": 90.0, "resolution": 90.0})
        with pytest.raises(ConflictError):  # the caller saw no ratings: but there are
            rate_departments_in(session, actor, units["110000"], "2007Q4", [rating], expected_batch_id=None,
                                at=AT)
        assert rate_departments_in(session, actor, units["110000"], "2007Q4", [rating],
                                   expected_batch_id=result.batch_id, at=AT) == 1
