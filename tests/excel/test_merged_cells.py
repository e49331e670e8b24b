"""Merged cells (合并单元格, issue 11 §2): a merged range's value applies to every cell it covers.

Branches merge the 机构代码/机构名称 cells of an outlet's block of rows; before, every covered row was
refused with "机构代码不能为空". The workbooks here are real files written with openpyxl.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pytest

from qsm_desktop.excel.kinds import get_kind
from qsm_desktop.excel.reader import read_workbook
from qsm_desktop.excel.table import TableColumn, find_header, read_form, read_table


def _merge_org_blocks(source: Path, target: Path) -> int:
    """Copy a certification return, merging 机构代码 and 机构名称 over each block of rows of one unit
    (the covered cells emptied, as Excel does). Returns how many merges were made."""
    book = openpyxl.load_workbook(source)
    sheet = book[book.sheetnames[0]]
    header = next(r for r in range(1, 21) if sheet.cell(r, 2).value == "机构代码")
    merges = 0
    row = header + 1
    last = sheet.max_row
    while row <= last:
        code = sheet.cell(row, 2).value
        end = row
        while end + 1 <= last and sheet.cell(end + 1, 2).value == code and code:
            end += 1
        if end > row:
            for col in (2, 3):
                for r in range(row + 1, end + 1):
                    sheet.cell(r, col).value = None
                sheet.merge_cells(start_row=row, start_column=col, end_row=end, end_column=col)
            merges += 1
        row = end + 1
    book.save(target)
    return merges


def test_merged_org_code_applies_to_every_row(samples_dir: Path, tmp_path: Path):
    merged = tmp_path / "certification_110000_merged.xlsx"
    assert _merge_org_blocks(samples_dir / "certification_110000_2007Q4.xlsx", merged) > 3
    book = read_workbook(merged)
    sheet = book.sheets[0]
    assert sheet.merges and sheet.merge_copies
    kind = get_kind("certification")
    import datetime as dt

    from qsm_desktop.excel.kinds import ParseContext

    ctx = ParseContext(file="x", org_code=None, period="2007Q4", period_end=dt.date(2007, 12, 31))
    table, problems = kind.read(book)
    parsed = kind.parse(table, ctx)
    assert problems + parsed.problems == []
    original = kind.parse(kind.read(read_workbook(samples_dir / "certification_110000_2007Q4.xlsx"))[0], ctx)
    assert [(r.org_code, r.staff_no) for r in parsed.records] == [(r.org_code, r.staff_no) for r in original.records]


def test_merged_return_imports_with_the_expected_rates(samples_dir: Path, tmp_path: Path, sqlite_url: str, capsys):
    from qsm_desktop.cli import main

    merged = tmp_path / "certification_110000_2007Q4.xlsx"
    _merge_org_blocks(samples_dir / "certification_110000_2007Q4.xlsx", merged)
    assert main(["--db", sqlite_url, "import", str(samples_dir / "org_units.xlsx")]) == 0
    capsys.readouterr()
    assert main(["--db", sqlite_url, "import", "--json", str(merged)]) == 0
    result = json.loads(capsys.readouterr().out)["files"][0]
    assert result["status"] == "imported" and result["problems"] == []
    assert main(["--db", sqlite_url, "cert-rate", "--as-of", "2007-12-31", "--unit", "110000", "--json"]) == 0
    rates = json.loads(capsys.readouterr().out)
    expected = json.loads((samples_dir / "expected.json").read_text(encoding="utf-8"))
    want = expected["files"]["certification_110000_2007Q4.xlsx"]["rates"]["all"]
    text = json.dumps(rates)
    assert f'"members": {want["members"]}' in text and f'"certified": {want["certified"]}' in text


def _sheet(fill) -> "object":
    book = openpyxl.Workbook()
    fill(book.active)
    buffer = io.BytesIO()
    book.save(buffer)
    return read_workbook(buffer.getvalue(), name="m.xlsx").sheets[0]


COLUMNS = (TableColumn("code", ("机构代码",), True), TableColumn("name", ("机构名称",), True),
           TableColumn("staff", ("工号",), True))


def test_header_merged_across_two_columns_is_not_a_duplicate():
    def fill(ws):
        ws.append(["机构代码", "机构名称", None, "工号"])
        ws.merge_cells("B1:C1")
        ws.append(["110000", "北京分行", "x", "0012345"])

    sheet = _sheet(fill)
    assert sheet.rows[0][2] == "机构名称" and sheet.is_side_copy(0, 2)
    table = read_table(sheet, COLUMNS)
    assert table.problems == [] and table.header.columns == {"code": 0, "name": 1, "staff": 3}


def test_two_row_header_with_vertical_merges_is_found():
    def fill(ws):
        ws.append(["机构代码", "人员", None])
        ws.append([None, "机构名称", "工号"])
        ws.merge_cells("A1:A2")
        ws.merge_cells("B1:C1")
        ws.append(["110000", "北京分行", "0012345"])

    table = read_table(_sheet(fill), COLUMNS)
    assert table.problems == [] and table.header.row == 1
    assert [r.values for r in table.rows] == [{"code": "110000", "name": "北京分行", "staff": "0012345"}]


def test_a_merge_running_past_the_data_adds_no_row():
    def fill(ws):
        ws.append(["机构代码", "机构名称", "工号"])
        ws.append(["110000", "北京分行", "0012345"])
        ws.append([None, None, "0012346"])
        ws.append([None, None, None])
        ws.merge_cells("A2:A4")
        ws.merge_cells("B2:B4")

    table = read_table(_sheet(fill), COLUMNS)
    assert [r.number for r in table.rows] == [2, 3]
    assert table.rows[1].get("code") == "110000" and table.rows[1].get("name") == "北京分行"


def test_a_label_merged_across_columns_still_finds_its_value():
    def fill(ws):
        ws.append(["申报单位", None, "北京分行营业部", None, "机构代码", "110001"])
        ws.merge_cells("A1:B1")
        ws.merge_cells("C1:D1")

    form = read_form(_sheet(fill), {"unit": ("申报单位",), "code": ("机构代码",)})
    assert form["unit"].value == "北京分行营业部" and form["unit"].ref == "C1"
    assert form["code"].value == "110001"


def test_overlapping_merges_stay_bounded():
    def fill(ws):
        ws.append(["a"] + [None] * 9)
        for _ in range(9):
            ws.append([None] * 10)
        for r in range(1, 11):
            ws.merge_cells(start_row=1, start_column=1, end_row=r, end_column=10)

    sheet = _sheet(fill)
    assert all(v == "a" for row in sheet.rows for v in row)
    assert len(sheet.merge_copies) <= 100


@pytest.mark.parametrize("blank", [None, ""])
def test_an_empty_merged_range_copies_nothing(blank):
    def fill(ws):
        ws.append(["机构代码", "机构名称"])
        ws.append([blank, "x"])
        ws.append([None, "y"])
        ws.merge_cells("A2:A3")

    sheet = _sheet(fill)
    assert sheet.rows[2][0] == "" and not sheet.merge_copies
    assert find_header(sheet, COLUMNS[:2]) is not None
