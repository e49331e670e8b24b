"""A branch secretary's return naming a unit outside her scope is refused by cell (issue 12 item 4,
DESIGN §6: "机构代码 110101 不在您的管辖范围 310000 内"), for every return kind whose rows carry an
org code, and nothing is written — on SQLite (the application refuses) and PostgreSQL (her own login).

Each case is a real workbook: a sample return of 310000 (or a template the service wrote) with one
cell changed to name 110101, an outlet of the Beijing branch.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from qsm_desktop.store.models import AuditEntry, ImportBatch
from scope_office import import_ok

SENTENCE = "机构代码 110101 不在您的管辖范围 310000 内"
SENTENCE_EN = "org code 110101 is outside your scope 310000"


def _edit(source: Path, target: Path, sheet: str, cell: str, value: object) -> Path:
    shutil.copyfile(source, target)
    book = openpyxl.load_workbook(target)
    book[sheet][cell] = value
    book.save(target)
    return target


def _certification(office, samples_dir, tmp_path):
    return _edit(samples_dir / "certification_310000_2007Q4.xlsx", tmp_path / "cert.xlsx", "持证上岗情况", "B5",
                 "110101"), "持证上岗情况", ["B5"]


def _training(office, samples_dir, tmp_path):
    return _edit(samples_dir / "training" / "training_310000_2007.xlsx", tmp_path / "training.xlsx", "培训情况",
                 "J4", "110101"), "培训情况", ["J4"]


def _org_list(office, samples_dir, tmp_path):
    """The branch's own list, with another branch's outlet added to it and one of hers moved under
    another branch's sub-branch."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "机构清单"
    sheet.append(["填报单位：交通银行上海市分行（310000）"])
    sheet.append(["机构代码", "机构名称", "上级机构代码", "机构类型", "所在地区", "状态"])
    sheet.append(["310000", "交通银行上海市分行", "000000", "分行", "上海", "正常"])
    sheet.append(["310100", "交通银行上海城中支行", "310000", "支行", "上海", "正常"])
    sheet.append(["110101", "交通银行北京开发区支行营业部", "310100", "网点", "北京", "正常"])
    sheet.append(["310101", "交通银行上海城中支行营业部", "110100", "网点", "上海", "正常"])
    path = tmp_path / "orgs_310000.xlsx"
    book.save(path)
    return path, "机构清单", ["A5", "C6"]


def _mystery(office, samples_dir, tmp_path):
    return _edit(samples_dir / "monitoring" / "mystery_310000_2007Q4.xlsx", tmp_path / "mystery.xlsx", "暗访结果",
                 "C4", "110101"), "暗访结果", ["C4"]


def _complaints(office, samples_dir, tmp_path):
    return _edit(samples_dir / "complaints" / "complaints_310000_2007Q4.xlsx", tmp_path / "complaints.xlsx",
                 "投诉登记", "H4", "110101"), "投诉登记", ["H4"]


def _capa(office, samples_dir, tmp_path):
    """The head office finalises 2007Q3 and 2007Q4 for 310000 and 110000 (a repeat finding raises an
    action for a 310000 outlet); the branch's feedback template names 110101 in its first row's 机构代码."""
    for quarter in ("2007Q3", "2007Q4"):
        import_ok(office.ho, office.ho_actor, [samples_dir / "monitoring" / f"mystery_{code}_{quarter}.xlsx"
                                               for code in ("310000", "110000")])
        office.ho.monitoring.finalise(office.ho_actor, quarter)
    template = office.branch.imports.write_template(office.li, "capa_feedback", "310000", "2007Q4",
                                                    tmp_path / "capa.xlsx")
    book = openpyxl.load_workbook(template)
    sheet = book["整改反馈"]
    header = [c.value for c in sheet[3]]
    column = header.index("机构代码") + 1
    assert sheet.cell(4, header.index("整改编号") + 1).value  # an open action of 310000 is listed
    sheet.cell(4, column).value = "110101"
    book.save(template)
    return template, "整改反馈", [f"{openpyxl.utils.get_column_letter(column)}4"]


CASES: dict[str, Callable] = {
    "certification": _certification, "training": _training, "org_units": _org_list, "mystery_visit": _mystery,
    "complaints": _complaints, "capa_feedback": _capa,
}


def _counts(services) -> tuple[int, int]:
    with services.read() as session:
        return (session.scalar(select(func.count()).select_from(ImportBatch)),
                session.scalar(select(func.count()).select_from(AuditEntry)))


@pytest.mark.parametrize("kind", sorted(CASES))
def test_a_row_outside_her_scope_is_refused_at_its_cell(branch_office, kind, samples_dir, tmp_path):
    office = branch_office
    path, sheet, cells = CASES[kind](office, samples_dir, tmp_path)
    before = _counts(office.ho)
    result = office.branch.imports.import_file(office.li, path)
    assert result.status == "refused" and result.kind == kind
    found = {p.cell: p.message for p in result.problems if p.sheet == sheet and p.cell in cells}
    wanted = {cell: SENTENCE for cell in cells}
    if kind == "org_units":  # the second cell names the parent outside her scope
        wanted["C6"] = SENTENCE.replace("110101", "110100")
    assert found == wanted, [str(p) for p in result.problems]
    # the same cell says nothing else (her scope, not "outside the reporting unit")
    assert len([p for p in result.problems if p.sheet == sheet and p.cell in cells]) == len(cells)
    assert _counts(office.ho) == before  # nothing written, not even an audit entry
    if kind == "mystery_visit":  # the head office's return: said once for the file as well
        assert "由总行秘书导入" in result.problems[0].message and result.problems[0].cell is None
    english = office.branch.imports.import_file(office.li, path, language="en")
    assert english.status == "refused" and SENTENCE_EN in [p.message for p in english.problems]


def test_the_head_office_gets_the_reporting_units_sentence_not_the_scope_one(branch_office, samples_dir, tmp_path):
    office = branch_office
    path, sheet, cells = _certification(office, samples_dir, tmp_path)
    result = office.ho.imports.import_file(office.ho_actor, path)
    assert result.status == "refused"
    [problem] = [p for p in result.problems if p.cell == "B5"]
    assert "不属于填报单位310000" in problem.message and "管辖范围" not in problem.message


def test_another_branchs_return_is_refused_whole_and_her_own_imports(branch_office, samples_dir):
    office = branch_office
    other = office.branch.imports.import_file(office.li, samples_dir / "certification_110000_2007Q4.xlsx")
    assert other.status == "refused"
    assert "110000 不在其中" in other.problems[0].message
    training = office.branch.imports.import_file(office.li, samples_dir / "training" / "training_310000_2007.xlsx")
    assert training.status == "imported", [str(p) for p in training.problems]


def test_a_new_tree_is_not_a_branch_secretarys_to_create(sqlite_services, samples_dir, tmp_path):
    """An org list whose reporting unit is not in the register yet: in scope only if it is her own unit."""
    from qsm_desktop.services.context import Actor, Role

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "机构清单"
    sheet.append(["机构代码", "机构名称", "上级机构代码", "机构类型", "所在地区", "状态"])
    sheet.append(["990000", "新分行", None, "总行", "上海", "正常"])
    path = tmp_path / "new_root.xlsx"
    book.save(path)
    result = sqlite_services.imports.import_file(Actor("li", Role.BRANCH_SECRETARY, "310000"), path)
    assert result.status == "refused" and "990000 不在其中" in result.problems[0].message


def test_the_head_offices_returns_are_refused_to_her_with_a_sentence(branch_office, samples_dir):
    """Her branch's own mystery-visit delivery: the head office imports it (on PostgreSQL the database
    would refuse her the write; the application says so first, in one sentence)."""
    office = branch_office
    before = _counts(office.ho)
    result = office.branch.imports.import_file(office.li, samples_dir / "monitoring" / "mystery_310000_2007Q4.xlsx")
    assert result.status == "refused"
    assert [p.message for p in result.problems] == ["神秘访客检查结果由总行秘书导入，分行秘书不能导入。请把文件交给总行秘书"]
    assert _counts(office.ho) == before


def _own_list(office, tmp_path, name: str, edit) -> Path:
    path = office.ho.imports.write_template(office.ho_actor, "org_units", "310000", "2007Q4", tmp_path / name)
    book = openpyxl.load_workbook(path)
    sheet = book["机构清单"]
    header = [c.value for c in sheet[3]]
    edit(sheet, header)
    book.save(path)
    return path


def test_a_branch_secretary_sends_her_own_subtrees_org_list(branch_office, tmp_path):
    """DESIGN §3.1 (the org list among the branch returns) and §6 (a branch reads and writes her
    subtree): she renames one of her outlets and opens a new one — imported; her branch's own row
    changed is refused at its cell, and nothing is written. On PostgreSQL through her own login, so
    the grants and org_units' WITH CHECK policy let exactly this through."""
    office = branch_office

    def rename_and_add(sheet, header):
        for row in range(4, sheet.max_row + 1):
            if sheet.cell(row, header.index("机构代码") + 1).value == "310101":
                sheet.cell(row, header.index("机构名称") + 1).value = "交通银行上海城中支行营业部（新址）"
        sheet.append(["310104", "交通银行上海城中支行第4营业部", "310100", "网点", "上海", "正常"])

    result = office.branch.imports.import_file(office.li, _own_list(office, tmp_path, "own.xlsx", rename_and_add))
    assert result.status == "imported", [str(p) for p in result.problems]
    units = {u.code: u for u in office.ho.orgs.tree(office.ho_actor)}
    assert units["310101"].name.endswith("(新址)") and units["310104"].path.endswith("/310100/310104/")

    def rename_branch(sheet, header):
        for row in range(4, sheet.max_row + 1):
            if sheet.cell(row, header.index("机构代码") + 1).value == "310000":
                sheet.cell(row, header.index("机构名称") + 1).value = "上海分行（改名）"
                return f"{openpyxl.utils.get_column_letter(header.index('机构代码') + 1)}{row}"

    before = _counts(office.ho)
    result = office.branch.imports.import_file(office.li, _own_list(office, tmp_path, "root.xlsx", rename_branch))
    assert result.status == "refused"
    assert any("310000 是您管辖范围的根机构" in p.message and p.cell for p in result.problems), result.problems
    assert _counts(office.ho) == before
    assert {u.code: u.name for u in office.ho.orgs.tree(office.ho_actor)}["310000"] == "交通银行上海市分行"
