"""Return kinds without the database: registry, kind inference, parsing the samples (DESIGN §3)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from qsm_desktop.excel.kinds import Column, ReturnKind, all_kinds, get_kind, infer_kind, register_kind
from qsm_desktop.services.import_handlers import ImportContext
from qsm_desktop.excel.kinds import base as kinds_base
from qsm_desktop.excel.reader import SheetData, WorkbookData, read_workbook

CLEAN = "certification_{code}_2007Q4.xlsx"
MESSY = {
    "320000": "messy/certification_320000_numeric_ids_fullwidth_spaces.xlsx",
    "330000": "messy/certification_330000_reordered_total_notes.xlsx",
    "370000": "messy/certification_370000_text_dates.xlsx",
    "440000": "messy/certification_440000_legacy.xls",
    "510000": "messy/certification_510000_no_meta.xlsx",
}


def _ctx() -> ImportContext:
    return ImportContext(file="x", org_code=None, period="2007Q4", period_end=dt.date(2007, 12, 31), orgs={})


def _parse(path: Path):
    book = read_workbook(path)
    kind = infer_kind(book)
    table, problems = kind.read(book)
    parsed = kind.parse(table, _ctx())
    return kind, problems + parsed.problems, parsed


def _people(parsed) -> set[tuple]:
    return {(r.org_code, r.staff_no, r.name, r.post, r.cert_type, r.level, r.number, r.issued, r.expires)
            for r in parsed.records}


def test_registry_has_the_two_kinds():
    names = [k.name for k in all_kinds()]
    assert "certification" in names and "org_units" in names
    assert get_kind("CERTIFICATION") is get_kind("certification")
    assert get_kind("training").name == "training"


def test_a_new_kind_plugs_in_without_touching_the_engine(monkeypatch):
    monkeypatch.setattr(kinds_base, "_REGISTRY", dict(kinds_base._REGISTRY))

    class Ratings(ReturnKind):
        name = "test_ratings"
        sheet_name = "评分"
        title = "评分表"
        columns = (Column("dept", ("部门代码",), True, "org_code"), Column("score", ("综合评分",), True, "number"))

    register_kind(Ratings)
    assert get_kind("test_ratings").title == "评分表"
    book = WorkbookData("r.xlsx", "xlsx", "0" * 64, [SheetData("Sheet1", [["部门代码", "综合评分"], ["000101", 80]])])
    assert infer_kind(book).name == "test_ratings"
    with pytest.raises(ValueError):
        class Other(ReturnKind):
            name = "test_ratings"

        register_kind(Other)


@pytest.mark.parametrize("code", ["110000", "120000", "210000", "310000", "320000", "330000", "370000", "420000",
                                  "440000", "510000"])
def test_clean_returns_parse_without_problems(samples_dir: Path, code: str):
    kind, problems, parsed = _parse(samples_dir / CLEAN.format(code=code))
    assert kind.name == "certification"
    assert problems == []
    assert parsed.rows > 0


@pytest.mark.parametrize("code", sorted(MESSY))
def test_messy_return_reads_the_same_rows_as_its_clean_twin(samples_dir: Path, code: str):
    _, problems, messy = _parse(samples_dir / MESSY[code])
    _, _, clean = _parse(samples_dir / CLEAN.format(code=code))
    assert problems == []
    assert messy.rows == clean.rows
    assert _people(messy) == _people(clean)


def test_kind_inferred_from_headers_without_meta(samples_dir: Path):
    book = read_workbook(samples_dir / MESSY["510000"])
    assert book.meta is None
    assert infer_kind(book).name == "certification"


def test_org_list_parses(samples_dir: Path):
    expected = json.loads((samples_dir / "expected.json").read_text(encoding="utf-8"))
    kind, problems, parsed = _parse(samples_dir / "org_units.xlsx")
    assert kind.name == "org_units" and problems == []
    assert parsed.rows == expected["files"]["org_units.xlsx"]["rows"]
    root = next(r for r in parsed.records if r.code == "000000")
    assert root.parent_code is None and root.type == "总行"


def test_broken_rows_are_found_without_the_database(samples_dir: Path):
    _, problems, _ = _parse(samples_dir / "broken" / "certification_bad_rows.xlsx")
    cells = {p.cell for p in problems}
    assert {"K13", "J23", "D13", "D14"} <= cells
    assert any(p.key == "normalise.date_impossible" and p.cell == "J23" for p in problems)
    assert any(p.key == "cert.expiry_before_issue" and p.cell == "K13" for p in problems)


def test_certification_row_rules():
    kind = get_kind("certification")
    header = ["序号", "机构代码", "机构名称", "工号", "姓名", "岗位", "证书名称", "证书等级", "证书编号", "发证日期", "有效期至", "备注"]
    rows = [
        header,
        [1, "110000", "", "", "甲", "柜员", "", "", "", "", "", ""],                                   # empty 工号
        [2, "11000", "", "12345x", "乙", "", "", "", "", "", "", ""],                                # bad codes, no post
        [3, "110000", "", 42, "丙", "柜员", "柜员上岗证", "特级", "JT1", "2007/5/1", "", ""],               # bad level
        [4, "110000", "", "0000043", "丁", "柜员", "柜员上岗证", "初", "jt1", "2007.5.1", "", ""],         # number reused
        [5, "110000", "", "0000042", "丙", "大堂经理", "", "", "", "", "", ""],                          # other post
        [6, "110000", "", "0000044", "戊", "柜员", "柜员上岗证", "", "JT9", "", "2009-01-01", ""],         # no issue date
    ]
    sheet = SheetData("持证上岗情况", rows)
    book = WorkbookData("t.xlsx", "xlsx", "0" * 64, [sheet])
    table, problems = kind.read(book)
    parsed = kind.parse(table, _ctx())
    found = {(p.cell, p.key) for p in parsed.problems}
    assert ("D2", "kind.required") in found
    assert ("B3", "normalise.org_code") in found and ("D3", "normalise.staff_no") in found
    assert ("F3", "kind.required") in found
    assert ("H4", "cert.level") in found
    assert ("I5", "cert.number_conflict") in found
    assert ("F6", "cert.post_conflict") in found
    assert ("J7", "cert.needs_field") in found
    record = parsed.records[2]
    assert record.staff_no == "0000042" and record.issued == dt.date(2007, 5, 1)
    assert parsed.records[3].level == "初级" and parsed.records[3].number == "JT1"


def test_renamed_sheet_extra_sheets_rows_above_and_no_meta(samples_dir: Path, tmp_path: Path):
    import openpyxl

    book = openpyxl.load_workbook(samples_dir / CLEAN.format(code="120000"))
    sheet = book["持证上岗情况"]
    sheet.title = "Sheet1"
    sheet.insert_rows(1, amount=2)
    sheet["A1"] = "请于1月10日前报送"
    del book["_meta"]
    notes = book.create_sheet("填表说明", 0)
    notes["A1"] = "岗位"
    notes["B1"] = "工号"
    book.save(tmp_path / "renamed.xlsx")
    kind, problems, moved = _parse(tmp_path / "renamed.xlsx")
    _, _, clean = _parse(samples_dir / CLEAN.format(code="120000"))
    assert kind.name == "certification" and problems == []
    assert _people(moved) == _people(clean)
    assert moved.sheet == "Sheet1" and moved.records[0].row.number == 6
