"""Identifiers and dates that cannot be right are refused by cell in real returns (issue 11 §6)."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl

from qsm_desktop.excel.kinds import ParseContext, get_kind
from qsm_desktop.excel.reader import read_workbook

HEADER = ["序号", "机构代码", "机构名称", "工号", "姓名", "岗位", "证书名称", "证书等级", "证书编号", "发证日期", "有效期至", "备注"]


def _problems(rows: list[list[object]], date_format: str | None = None) -> dict[str, str]:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "持证上岗情况"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    if date_format:
        for cell in sheet["J"][1:]:
            cell.number_format = date_format
    buffer = io.BytesIO()
    book.save(buffer)
    workbook = read_workbook(buffer.getvalue(), name="r.xlsx")
    kind = get_kind("certification")
    table, problems = kind.read(workbook)
    ctx = ParseContext(file="r.xlsx", org_code=None, period="2007Q4", period_end=dt.date(2007, 12, 31))
    parsed = kind.parse(table, ctx)
    return {p.cell: p.key for p in problems + parsed.problems}


def test_an_18_digit_certificate_number_typed_as_a_number_is_refused_by_cell():
    problems = _problems([[1, "110000", "北京分行", "0012345", "张三", "柜员", "柜员资格证", "中级",
                           123456789012345678, "2006-05-01", "2009-05-01", None]])
    assert problems == {"I2": "normalise.lost_digits"}


def test_a_staff_number_that_lost_digits_says_so():
    problems = _problems([[1, "110000", "北京分行", 440301198001011234, "张三", "柜员", None, None, None, None, None, None]])
    assert problems == {"D2": "normalise.lost_digits"}


def test_a_small_serial_in_a_date_column_is_refused_by_cell():
    problems = _problems([[1, "110000", "北京分行", "0012345", "张三", "柜员", "柜员资格证", "中级", "ZS0001", 5,
                           "2009-05-01", None]])
    assert problems == {"J2": "normalise.date_serial"}
    # the same number in a cell formatted as a date reads as 1900-01-05: refused too
    problems = _problems([[1, "110000", "北京分行", "0012345", "张三", "柜员", "柜员资格证", "中级", "ZS0001", 5,
                           "2009-05-01", None]], date_format="yyyy-mm-dd")
    assert problems == {"J2": "normalise.date_too_early"}


def test_a_course_code_that_lost_digits_is_refused_by_cell():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "培训情况"
    sheet.append(["序号", "培训项目编号", "培训项目名称", "培训类别", "开始日期", "结束日期", "学时", "工号", "姓名", "机构代码",
                  "考核成绩", "是否合格", "满意度", "备注"])
    sheet.append([1, 2007000000000000123, "服务规范", "服务规范", "2007-03-01", "2007-03-02", 8, "0012345", "张三",
                  "110000", None, None, None, None])
    buffer = io.BytesIO()
    book.save(buffer)
    kind = get_kind("training")
    table, problems = kind.read(read_workbook(buffer.getvalue(), name="t.xlsx"))
    ctx = ParseContext(file="t.xlsx", org_code="110000", period="2007", period_end=dt.date(2007, 12, 31))
    parsed = kind.parse(table, ctx)
    assert ("B2", "normalise.lost_digits") in {(p.cell, p.key) for p in problems + parsed.problems}
