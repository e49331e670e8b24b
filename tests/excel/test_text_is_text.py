"""Text is text (issue 11 §7): formula-looking names are refused by cell on import; every workbook
the product writes stores people's text as text (never ``<f>``) without control characters, so no
stored text can make an export fail. Checked by reading the written sheet XML back."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from qsm_desktop.domain.normalise import NormaliseError, check_not_formula, fold, looks_like_formula, strip_control
from qsm_desktop.excel.kinds import ParseContext, get_kind
from qsm_desktop.excel.reader import read_workbook

EVIL = ['=HYPERLINK("http://example.invalid/x","点这里")', "=1+1", "+SUM(A1:A3)", "-A1*2", "@SUM(1)",
        "=cmd|' /C calc'!A0", "＝１＋１"]
HARMLESS = ["张三", "-5", "+86 10 6666 8888", "@营业部", "-", "- 无 -", "O'Brien", "A1", "e-mail"]


@pytest.mark.parametrize("text", EVIL)
def test_formula_looking_text_is_refused(text):
    assert looks_like_formula(text)
    with pytest.raises(NormaliseError) as info:
        check_not_formula(text)
    assert info.value.key == "normalise.formula_text" and "=" in info.value.message("en")


@pytest.mark.parametrize("text", HARMLESS)
def test_ordinary_text_passes(text):
    assert not looks_like_formula(text)
    check_not_formula(text)
    check_not_formula(12)
    check_not_formula(None)


def test_control_characters_are_removed_on_import_and_kept_tab_newline_for_export():
    assert fold("张\x01三") == "张三" and fold("Li\x02 Lei\x7f") == "Li Lei" and fold("a\x85b") == "ab"
    assert strip_control("第一行\r\n第二行\t\x0b\x00结束\ud800") == "第一行\n第二行\t结束"
    assert strip_control("plain") == "plain"


def _sheet_xml(data: bytes) -> str:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return "".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("xl/worksheets/"))


def _assert_text_not_formula(xml: str) -> None:
    assert "<f>" not in xml and "<f " not in xml
    assert "HYPERLINK(&quot;http://example.invalid/x&quot;,&quot;点这里&quot;)" in xml or \
        'HYPERLINK("http://example.invalid/x","点这里")' in xml
    assert re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", xml) is None


def test_a_certification_return_with_a_formula_name_is_refused_by_cell():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "持证上岗情况"
    sheet.append(["序号", "机构代码", "机构名称", "工号", "姓名", "岗位", "证书名称", "证书等级", "证书编号", "发证日期", "有效期至", "备注"])
    sheet.append([1, "110000", "北京分行", "0012345", None, "柜员", None, None, None, None, None, None])
    sheet["E2"].value = EVIL[0]
    sheet["E2"].data_type = "s"  # typed as text, as a branch would
    sheet.append([2, "110000", "北京分行", "0012346", None, "柜员", None, None, None, None, None, None])
    sheet["E3"]._value = "李_x0001_四"  # how Excel stores a control character in a cell
    sheet["E3"].data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    kind = get_kind("certification")
    table, problems = kind.read(read_workbook(buffer.getvalue(), name="r.xlsx"))
    ctx = ParseContext(file="r.xlsx", org_code=None, period="2007Q4", period_end=dt.date(2007, 12, 31))
    parsed = kind.parse(table, ctx)
    assert [(p.cell, p.key) for p in problems + parsed.problems] == [("E2", "normalise.formula_text")]
    assert [r.name for r in parsed.records][1] == "李四"


def test_an_org_list_with_a_formula_name_is_refused_by_cell():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "机构清单"
    sheet.append(["机构代码", "机构名称", "上级机构代码", "机构类型", "所在地区", "状态"])
    sheet.append(["000000", "总行", None, "总行", "上海", "正常"])
    sheet.append(["110000", None, "000000", "分行", "北京", "正常"])
    sheet["B3"].value = "=1+1"
    sheet["B3"].data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    kind = get_kind("org_units")
    table, problems = kind.read(read_workbook(buffer.getvalue(), name="o.xlsx"))
    ctx = ParseContext(file="o.xlsx", org_code=None, period="2007", period_end=dt.date(2007, 12, 31))
    parsed = kind.parse(table, ctx)
    assert ("B3", "normalise.formula_text") in [(p.cell, p.key) for p in problems + parsed.problems]


def test_the_template_writer_writes_text_as_text(tmp_path: Path):
    from qsm_desktop.excel.template import return_bytes

    kind = get_kind("certification")
    rows = [{"org_code": "110000", "org_name": "北京分行\x01", "staff_no": "0012345", "name": EVIL[0], "post": "柜员"},
            {"org_code": "110000", "org_name": "北京分行", "staff_no": "0012346", "name": "+SUM(A1)\x02", "post": "柜员"}]
    data = return_bytes(kind="certification", sheet_name=kind.sheet_name, title=kind.title, columns=kind.columns,
                        org_code="110000", org_name="北京\x03分行", period="2007Q4", rows=rows,
                        choices={"post": ["柜员", "=1+1", "大堂\x04经理"]}, blank_rows=5)
    xml = _sheet_xml(data)
    _assert_text_not_formula(xml)
    assert "+SUM(A1)" in xml and "=1+1" in xml and "大堂经理" in xml
    # the quote prefix keeps Excel from taking it for a formula when the cell is edited
    book = openpyxl.load_workbook(io.BytesIO(data))
    cell = next(c for row in book[kind.sheet_name].iter_rows() for c in row if c.value == EVIL[0])
    assert cell.data_type == "s" and cell.quotePrefix
    # and it reads back as the same text
    read = read_workbook(data, name="t.xlsx")
    assert any(EVIL[0] in row for row in read.sheets[0].rows)


def test_form_returns_write_text_as_text(tmp_path: Path):
    from qsm_desktop.excel.kinds._forms import write_form

    target = tmp_path / "form.xlsx"
    write_form(target, kind="showcase_application", sheet_name="申报表", title="示范窗口申报表",
               fields=[("申报单位", EVIL[0]), ("网点负责人", "王\x05五")], columns=["评价项目", "分值", "自评得分"],
               rows=[["=1+1", 10, 9]], org_code="110001", period="2007")
    xml = _sheet_xml(target.read_bytes())
    _assert_text_not_formula(xml)
    assert "王五" in xml


def test_an_export_with_control_characters_and_formulas_does_not_fail(tmp_path: Path):
    from qsm_desktop.excel.export import write_table

    target = tmp_path / "export.xlsx"
    names = ["张\x01三", EVIL[0], "李四\x00", "\x1b[31m红\x7f", "O'Brien", "多行\n备注\t"]
    count = write_table(target, sheet="人员", title="人员名册 \x02", headers=["姓名", "日期", "数"],
                        rows=[[name, dt.date(2007, 12, 31), 1] for name in names])
    assert count == len(names)
    xml = _sheet_xml(target.read_bytes())
    _assert_text_not_formula(xml)
    values = [r[0] for r in read_workbook(target).sheets[0].rows[3:]]
    assert values == ["张三", EVIL[0], "李四", "[31m红", "O'Brien", "多行\n备注\t"]
