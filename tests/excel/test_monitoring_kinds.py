"""The improvement loop's return kinds translate without a database (DESIGN §8.2, §8.3, §8.5, §9.1):
every sample reads into frozen rows; the delivery sent without _meta (full-width scores, Chinese
dates) is recognised by its headers; row-level problems are named at their cells."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from qsm_desktop.domain.normalise import period_end
from qsm_desktop.excel.kinds import get_kind, infer_kind
from qsm_desktop.excel.kinds.base import ParseContext
from qsm_desktop.excel.reader import read_workbook


def _parse(path, period="2007Q4"):
    book = read_workbook(path)
    kind = infer_kind(book)
    table, problems = kind.read(book)
    parsed = kind.parse(table, ParseContext(path.name, None, period, period_end(period)))
    return kind, book, problems + parsed.problems, parsed


@pytest.fixture(scope="module")
def expected(samples_dir):
    return {name: json.loads((samples_dir / name / "expected.json").read_text(encoding="utf-8"))
            for name in ("monitoring", "complaints")}


def test_every_clean_sample_parses_with_its_rows(samples_dir, expected):
    for folder in ("monitoring", "complaints"):
        for name, wanted in expected[folder]["files"].items():
            if wanted.get("refused"):
                continue
            kind, _book, problems, parsed = _parse(samples_dir / folder / name, wanted["period"])
            assert kind.name == wanted["kind"], name
            assert problems == [], (name, [str(p) for p in problems])
            assert parsed.rows == wanted["rows"], name
            assert all(dataclasses.is_dataclass(r) and r.__dataclass_params__.frozen for r in parsed.records)


def test_the_delivery_without_meta_reads_full_width_scores_and_chinese_dates(samples_dir):
    kind, book, problems, parsed = _parse(samples_dir / "monitoring" / "mystery_510000_2007Q4.xlsx")
    assert book.meta is None or not book.meta.get("kind")
    assert kind.name == "mystery_visit" and problems == []
    first = parsed.records[0]
    assert (first.visit_no, first.outlet, first.visit_date, first.item_code, first.points, first.score) == (
        "MS2007Q4-51-001", "510101", dt.date(2007, 10, 23), "ZZ-01", 25.0, 25.0)
    assert {r.visit_date for r in parsed.records} >= {dt.date(2007, 11, 7)}


def test_the_broken_delivery_names_its_row_problems(samples_dir):
    _kind, _book, problems, parsed = _parse(samples_dir / "monitoring" / "broken" / "mystery_bad_rows.xlsx")
    cells = {p.cell for p in problems}
    assert {"I5", "C6", "D7", "I8"} <= cells  # above the points, other outlet, outside the quarter, not a number
    assert not parsed.warnings


def test_a_deduction_without_a_reason_warns(samples_dir):
    _kind, _book, problems, parsed = _parse(samples_dir / "monitoring" / "mystery_330000_2007Q4.xlsx")
    assert problems == [] and len(parsed.warnings) == 1
    assert "扣分原因" in parsed.warnings[0].message("zh") or "未写扣分原因" in parsed.warnings[0].message("zh")


def test_not_applicable_leaves_the_score_empty(samples_dir):
    _kind, _book, _problems, parsed = _parse(samples_dir / "monitoring" / "broken" / "mystery_bad_rows.xlsx")
    na = [r for r in parsed.records if r.not_applicable]
    assert [(r.item_code, r.score) for r in na] == [("DT-06", None)]


def test_the_broken_register_names_its_row_problems(samples_dir):
    _kind, _book, problems, _parsed = _parse(samples_dir / "complaints" / "broken" / "complaints_bad_rows.xlsx")
    rows = {int(p.cell[1:]) for p in problems if p.cell}
    assert {4, 8, 10} <= rows  # closed before received, number twice, received outside the quarter


def test_appeal_and_feedback_kinds_refuse_duplicates(samples_dir):
    from qsm_desktop.excel.reader import SheetData, WorkbookData

    appeal = get_kind("mystery_appeal")
    book = WorkbookData("a.xlsx", "xlsx", "0" * 64, [SheetData("申诉", [
        ["序号", "暗访编号", "项目代码", "申诉理由", "联系人"],
        [1, "V1", "gm-04", "有录像", "王"], [2, "V1", "GM-04", "有录像", "王"], [3, "V2", "", "", ""]])])
    table, _ = appeal.read(book)
    parsed = appeal.parse(table, ParseContext("a.xlsx", "330000", "2007Q4", dt.date(2007, 12, 31)))
    assert parsed.records[0].item_code == "GM-04"
    assert sorted(p.cell for p in parsed.problems) == ["C3", "C4", "D4"]
    feedback = get_kind("capa_feedback")
    book = WorkbookData("f.xlsx", "xlsx", "0" * 64, [SheetData("整改反馈", [
        ["序号", "整改编号", "机构代码", "实际完成日期"], [1, "ZG2007-0001", "510203", "2008年1月20日"],
        [2, "ZG2007-0001", "510203", "昨天"]])])
    table, _ = feedback.read(book)
    parsed = feedback.parse(table, ParseContext("f.xlsx", "510000", "2007Q4", dt.date(2007, 12, 31)))
    assert parsed.records[0].completed == dt.date(2008, 1, 20)
    assert sorted(p.cell for p in parsed.problems) == ["B3", "D3"]
