"""Locating the header and the data rows of a return (DESIGN §3)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from qsm_desktop.excel.problems import Problem, sort_problems
from qsm_desktop.excel.reader import SheetData, read_workbook
from qsm_desktop.excel.table import (
    TableColumn,
    find_header,
    find_label_value,
    normalise_title,
    parse_reporting_unit,
    read_form,
    read_table,
)

COLUMNS = [
    TableColumn("seq", ("序号",)),
    TableColumn("org_code", ("机构代码", "机构号"), True),
    TableColumn("staff_no", ("工号", "员工号"), True),
    TableColumn("name", ("姓名",), True),
    TableColumn("post", ("岗位",), True),
    TableColumn("issued", ("发证日期",)),
]


def sheet(rows, name="持证上岗情况", formulas=frozenset()) -> SheetData:
    return SheetData(name, [list(r) for r in rows], True, frozenset(formulas))


def test_normalise_title():
    assert normalise_title("* 工 号\n") == "工号"
    assert normalise_title("证书\n编号：") == "证书编号"
    assert normalise_title("ＡＢ") == "AB"
    assert normalise_title(None) == ""


def test_header_anywhere_in_first_20_rows_any_order_extra_columns():
    rows = [["交通银行持证上岗情况表", "", "", "", "", ""]] + [[""] * 6] * 10 + [
        ["填报单位：北京分行", "", "", "", "报告期：2007年第4季度", ""],
        ["联系电话", "*姓 名", "工号\n(7位)", "序号", "机构号", "岗位"],
        ["010-1", "张三", "0012345", 1, "110000", "柜员"],
    ]
    table = read_table(sheet(rows), COLUMNS)
    assert table.problems == []
    assert table.header.row == 12
    assert table.header.columns == {"name": 1, "staff_no": 2, "seq": 3, "org_code": 4, "post": 5}
    [row] = table.rows
    assert row.values["staff_no"] == "0012345"
    assert row.ref("staff_no") == "C14"
    assert row.where("post") == "持证上岗情况!F14"
    assert row.get("issued") == ""
    assert row.number == 14


def test_header_beyond_20_rows_is_not_found():
    rows = [[""]] * 20 + [["机构代码", "工号", "姓名", "岗位"]]
    table = read_table(sheet(rows), COLUMNS)
    assert table.header is None
    [problem] = table.problems
    assert problem.key == "table.no_header"
    assert "前20行" in problem.message("zh") and "机构代码" in problem.message("zh")


def test_missing_required_columns_name_the_header_row():
    rows = [["title"], ["序号", "机构代码", "姓名", "备注"], [1, "110000", "张三", ""]]
    table = read_table(sheet(rows), COLUMNS)
    [problem] = table.problems
    assert problem.key == "table.missing_columns"
    assert problem.cell == "A2"
    assert "第2行" in problem.message("zh") and "工号" in problem.message("zh") and "岗位" in problem.message("zh")
    assert table.rows == []


def test_duplicate_column_is_a_problem():
    rows = [["机构代码", "工号", "姓名", "岗位", "工号"], ["110000", "0012345", "张三", "柜员", "0012346"]]
    table = read_table(sheet(rows), COLUMNS)
    [problem] = table.problems
    assert problem.key == "table.duplicate_column" and problem.cell == "E1"


def test_blank_total_and_note_rows_are_skipped():
    rows = [
        ["序号", "机构代码", "工号", "姓名", "岗位"],
        [1, "110000", "0012345", "张三", "柜员"],
        ["", "", "", "", ""],
        [" ", "\u3000", "", "", ""],
        ["小 计", "", "", "1人", ""],
        [2, "110000", "0012346", "李四", "柜员"],
        ["合计：", "", "", "2人", ""],
        [],
        ["填表人：张某某", "", "联系电话：021-00000000"],
        ["注：1、本表按期末在岗人员填报；", "", "", "", ""],
        ["2、请于1月10日前报送", "", "", "", ""],
        ["审核人：", "王某"],
    ]
    table = read_table(sheet(rows), COLUMNS)
    assert table.problems == []
    assert [r.values["name"] for r in table.rows] == ["张三", "李四"]
    assert [r.number for r in table.rows] == [2, 6]


def test_rows_after_notes_that_look_like_data_are_kept():
    rows = [
        ["机构代码", "工号", "姓名", "岗位"],
        ["说明：下面补报一人"],
        ["110000", "0012346", "李四", "柜员"],
    ]
    table = read_table(sheet(rows), COLUMNS)
    assert [r.values["name"] for r in table.rows] == ["李四"]


def test_incomplete_data_rows_are_kept_for_validation():
    rows = [["机构代码", "工号", "姓名", "岗位"], ["110000", "", "张三", ""]]
    table = read_table(sheet(rows), COLUMNS)
    assert len(table.rows) == 1


def test_formula_cells_without_value_are_problems_by_cell():
    rows = [["机构代码", "工号", "姓名", "岗位", "其他"], ["110000", "", "张三", "柜员", ""], ["", "", "", "", ""]]
    table = read_table(sheet(rows, formulas={(1, 1), (1, 4), (2, 2)}), COLUMNS)
    assert [(p.cell, p.key) for p in table.problems] == [("B2", "table.formula_uncached"), ("C3", "table.formula_uncached")]


def test_messy_sample_reordered_with_total_and_notes(samples_dir: Path):
    book = read_workbook(samples_dir / "messy" / "certification_330000_reordered_total_notes.xlsx")
    table = read_table(book.sheets[0], COLUMNS)
    assert table.problems == []
    assert len(table.rows) == 67
    assert table.rows[-1].values["staff_no"] == "0003553"
    assert table.rows[-1].where("staff_no") == "持证上岗情况!B70"


def test_reporting_line(samples_dir: Path):
    book = read_workbook(samples_dir / "messy" / "certification_510000_no_meta.xlsx")
    unit = find_label_value(book.sheets[0], "填报单位", before_row=2)
    period = find_label_value(book.sheets[0], "报告期", before_row=2)
    assert unit.value == "交通银行四川省分行(510000)" and unit.ref == "A2"
    assert period.value == "2007年第4季度" and period.ref == "E2"
    assert parse_reporting_unit(unit.value) == ("交通银行四川省分行", "510000")
    assert parse_reporting_unit("北京分行") == ("北京分行", None)


def test_reporting_line_value_in_next_cell():
    rows = [["填报单位：", "", "北京分行（110000）", "报告期", "2007Q4"], ["机构代码", "工号"]]
    s = sheet(rows)
    assert find_label_value(s, "填报单位").value == "北京分行（110000）"
    assert find_label_value(s, "填报单位").ref == "C1"
    assert find_label_value(s, "报告期").value == "2007Q4"
    assert find_label_value(s, "报告期", before_row=0) is None
    empty = sheet([["填报单位：", "", "报告期：2007"]])
    assert find_label_value(empty, "填报单位").value == ""


def test_form_reading(samples_dir: Path):
    book = read_workbook(samples_dir / "showcase" / "score_120302_000101_4.xlsx")
    form = read_form(book.sheets[0], {"unit": ["申报单位"], "org": ["机构代码"], "reviewer": ["评审专家"],
                                      "reviewer_org": ["专家所在机构代码"], "date": ["评审日期"], "absent": ["联系电话"]})
    assert form["org"].value == "120302" and form["org"].ref == "D2"
    assert form["reviewer_org"].value == "000101" and form["reviewer_org"].ref == "D3"
    assert form["date"].value == dt.date(2007, 12, 13)
    assert "absent" not in form
    merged = sheet([["申报单位", "", "", "机构代码", "120302"], ["网点负责人", "", "联系电话", "010-1"]])
    form = read_form(merged, {"unit": ["申报单位"], "org": ["机构代码"], "head": ["网点负责人"], "phone": ["联系电话"]})
    assert form["unit"].value == "" and form["org"].value == "120302"
    assert form["head"].value == "" and form["phone"].value == "010-1"


def test_header_prefers_required_columns():
    rows = [["姓名", "岗位", "x"], ["机构代码", "工号", "姓名", "岗位"]]
    assert find_header(sheet(rows), COLUMNS).row == 1


def test_problem_rendering_and_sorting():
    problems = [Problem("S", "B10", "table.formula_uncached"), Problem("S", "C2", "table.formula_uncached"),
                Problem(None, None, "table.no_rows"), Problem("S", "AA2", "table.formula_uncached")]
    ordered = sort_problems(problems, ["S"])
    assert [p.cell for p in ordered] == [None, "C2", "AA2", "B10"]
    assert ordered[1].render("zh").startswith("S!C2: ")
    assert ordered[0].render("en") == ordered[0].message("en")


def test_picker_gives_what_get_gives_for_whole_short_and_absent_cells():
    """``Table.picker`` (one call per row) reads exactly the cells ``TableRow.get`` reads: a short
    row's missing cells and an absent optional column are ``""``."""
    rows = [["序号", "机构代码", "工号", "姓名", "岗位"],
            [1, "110101", "0012345", "张三", "柜员"],
            [2, "110102", "0012346"]]
    table = read_table(sheet(rows), COLUMNS)
    fields = ("post", "org_code", "name", "staff_no")
    pick = table.picker(fields)
    for row in table.rows:
        assert pick(row) == tuple(row.get(f) for f in fields)
    assert pick(table.rows[1]) == ("", "110102", "", "0012346")
    with_absent = table.picker(("name", "issued"))  # 发证日期 is not in this sheet
    assert [with_absent(r) for r in table.rows] == [("张三", ""), ("", "")]
    assert table.picker(("seq",))(table.rows[0]) == (1,)
