"""The template writer (openpyxl) and reading its output back (DESIGN §3)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl

from qsm_desktop.excel.kinds import get_kind
from qsm_desktop.excel.reader import read_workbook
from qsm_desktop.excel.table import find_label_value, read_table
from qsm_desktop.excel.template import return_bytes, write_return


def _certification(rows=(), **extra) -> bytes:
    kind = get_kind("certification")
    return return_bytes(kind=kind.name, sheet_name=kind.sheet_name, title="交通银行持证上岗情况表", columns=kind.columns,
                        org_code="110000", org_name="交通银行北京市分行", period="2007Q4", rows=rows,
                        choices={"post": ["柜员", "大堂经理"], "cert_type": ["柜员上岗资格证书"]},
                        generated_at=dt.datetime(2007, 12, 20, 9, 0), **extra)


ROW = {"seq": 1, "org_code": "110000", "org_name": "交通银行北京市分行", "staff_no": "0012345", "name": "张三",
       "post": "柜员", "cert_type": "柜员上岗资格证书", "level": "初级", "number": "JT2005000001",
       "issued": dt.date(2005, 9, 15), "expires": dt.date(2008, 9, 14), "note": ""}


def test_template_layout():
    data = _certification()
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book["持证上岗情况"]
    assert sheet["A1"].value == "交通银行持证上岗情况表"
    assert "A1:L1" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["A2"].value == "填报单位：交通银行北京市分行（110000）"
    assert sheet["E2"].value == "报告期：2007年第4季度"
    assert [c.value for c in sheet[3]] == ["序号", "机构代码", "机构名称", "工号", "姓名", "岗位", "证书名称", "证书等级",
                                           "证书编号", "发证日期", "有效期至", "备注"]
    assert sheet.freeze_panes == "A4"
    assert sheet.column_dimensions["D"].number_format == "@"
    assert sheet.column_dimensions["J"].number_format == "yyyy-mm-dd"
    assert sheet.column_dimensions["C"].width == 30
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation if v.type == "list"}
    assert lists["F4:F203"] == '"柜员,大堂经理"'
    assert lists["G4:G203"] == '"柜员上岗资格证书"'
    assert lists["H4:H203"] == '"初级,中级,高级"'
    meta = book["_meta"]
    assert meta.sheet_state == "hidden"
    assert [(r[0].value, r[1].value) for r in meta.iter_rows()] == [
        ("kind", "certification"), ("version", "1"), ("org_code", "110000"), ("period", "2007Q4"),
        ("generated_at", "2007-12-20T09:00:00")]


def test_filled_template_reads_back():
    data = _certification([ROW, dict(ROW, seq=2, staff_no="0000042", name="李四", cert_type=None, level=None,
                                     number=None, issued=None, expires=None)])
    book = read_workbook(data, name="t.xlsx")
    assert book.meta["kind"] == "certification" and book.meta["org_code"] == "110000"
    kind = get_kind("certification")
    table = read_table(book.sheet(kind.sheet_name), kind.columns)
    assert table.problems == [] and table.header.row == 2
    first, second = table.rows
    assert first.values["staff_no"] == "0012345" and first.values["issued"] == dt.date(2005, 9, 15)
    assert second.values["staff_no"] == "0000042" and second.values["cert_type"] == ""
    assert find_label_value(book.sheets[0], "填报单位", before_row=2).value == "交通银行北京市分行(110000)"
    sheet_xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml  # a list validation is not a formula cell
    assert book.sheets[0].formula_cells == frozenset()


def test_long_lists_go_to_a_hidden_sheet(tmp_path: Path):
    kind = get_kind("certification")
    names = [f"很长很长的证书名称第{i}号资格证书" for i in range(30)]
    target = tmp_path / "sub" / "long.xlsx"
    write_return(target, kind=kind.name, sheet_name=kind.sheet_name, title="t", columns=kind.columns, org_code="110000",
                 period="2007Q4", choices={"cert_type": names})
    book = openpyxl.load_workbook(target)
    assert book["_lists"].sheet_state == "hidden"
    validation = next(v for v in book["持证上岗情况"].data_validations.dataValidation if "G4" in str(v.sqref))
    assert validation.formula1 == "_lists!$A$1:$A$30"
    assert [c.value for c in book["_lists"]["A"]] == names
    assert read_workbook(target).meta["period"] == "2007Q4"


def test_org_units_template_and_year_period():
    kind = get_kind("org_units")
    data = return_bytes(kind=kind.name, sheet_name=kind.sheet_name, title=kind.title, columns=kind.columns,
                        org_code="000000", org_name="交通银行总行", period="2007",
                        rows=[{"code": "000000", "name": "交通银行总行", "type": "总行", "status": "正常"}])
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book["机构清单"]
    assert sheet["A2"].value == "填报单位：交通银行总行（000000）"
    assert any(c.value == "报告期：2007年度" for c in sheet[2])
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation if v.type == "list"}
    assert lists["D4:D204"] == '"总行,总行部门,分行,支行,网点"'
    assert lists["F4:F204"] == '"正常,撤销"'
