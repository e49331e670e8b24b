"""The improvement loop against real databases, checked against tests/samples/monitoring/expected.json
(DESIGN §8): the 2007Q3 deliveries finalised; 2007Q4 provisional before the appeals, final after
the head office's decisions and finalising; findings per branch and reason with their due dates;
a branch's pre-filled capa_feedback lists exactly its open actions, and after filling, importing
and verifying, the §8.5 figures as of a date. Broken deliveries are refused whole."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from qsm_desktop.domain.errors import ConflictError, InputRefused, PermissionDenied
from qsm_desktop.domain.monitoring import Decision
from qsm_desktop.services.context import Actor, Role
from qsm_desktop.store.models import AuditEntry, ImportBatch
from qsm_desktop.store.models.capa import FindingRecord
from qsm_desktop.store.models.monitoring import MysteryAppeal, MysteryVisit, MysteryVisitItem

REASON_KEYS = {"critical": "corrective", "repeat": "repeat", "systemic": "systemic"}


@pytest.fixture(scope="module")
def expected(samples_dir) -> dict:
    return json.loads((samples_dir / "monitoring" / "expected.json").read_text(encoding="utf-8"))


def _import(services, actor, paths):
    results = services.imports.import_files([Path(p) for p in paths], actor)
    bad = [(r.file, r.status, [str(p) for p in r.problems][:5]) for r in results if r.status != "imported"]
    assert not bad, bad
    return results


@pytest.fixture
def bank(services, actor, samples_dir):
    """The sample bank: org list and the certification rosters (柜员工号 are staff members)."""
    _import(services, actor, [samples_dir / "org_units.xlsx", *sorted(samples_dir.glob("certification_*_2007Q4.xlsx"))])
    return services


def _deliveries(samples_dir, period):
    return sorted((samples_dir / "monitoring").glob(f"mystery_*_{period}.xlsx"))


def _check_scores(report, wanted):
    outlets = {u.code: (u.visits, u.score) for u in report.units if u.type == "网点"}
    assert outlets == {code: (w["visits"], w["score"]) for code, w in wanted["outlets"].items()}
    branches = {u.code: (u.visits, u.outlets, u.score) for u in report.units if u.type == "分行"}
    assert branches == {code: (w["visits"], w["outlets"], w["score"]) for code, w in wanted["branches"].items()}
    bank = report.unit("000000")
    assert bank.score == wanted["bank"] and report.units[0] is bank


def _findings(services, period):
    with services.read() as session:
        rows = session.execute(
            select(FindingRecord.branch_id, FindingRecord.reason, func.count())
            .where(FindingRecord.period == period).group_by(FindingRecord.branch_id, FindingRecord.reason)).all()
        codes = dict(session.execute(select(FindingRecord.branch_id, FindingRecord.branch_id)).all())
        from qsm_desktop.store.models import OrgUnit

        codes = {i: c for i, c in session.execute(select(OrgUnit.id, OrgUnit.code))}
    found: dict[str, dict[str, int]] = {}
    for branch_id, reason, count in rows:
        found.setdefault(codes[branch_id], {})[REASON_KEYS.get(reason, reason)] = count
    return found


def _check_findings(services, period, wanted):
    found = _findings(services, period)
    for branch, counts in wanted.items():
        got = {key: found.get(branch, {}).get(key, 0) for key in counts}
        assert got == counts, (period, branch, got, counts)


def test_the_quarters_scores_findings_and_actions(bank, actor, samples_dir, expected, tmp_path):
    services = bank
    q3, q4 = expected["quarters"]["2007Q3"], expected["quarters"]["2007Q4"]
    results = _import(services, actor, _deliveries(samples_dir, "2007Q3"))
    assert {r.file: r.rows for r in results} == {n: f["rows"] for n, f in expected["files"].items()
                                                   if f.get("period") == "2007Q3"}

    # 2007Q3: provisional until finalised, then frozen; its findings
    report = services.monitoring.scores(actor, "2007Q3")
    assert report.final is False and report.to_json()["final"] is False
    _check_scores(report, q3["scores"])
    result = services.monitoring.finalise(actor, "2007Q3")
    assert result.bank == q3["scores"]["bank"]
    report = services.monitoring.scores(actor, "2007Q3")
    assert report.final is True
    _check_scores(report, q3["scores"])
    _check_findings(services, "2007Q3", q3["findings"])

    # 2007Q4: ten deliveries (510000 without _meta: org and period from the 填报单位/报告期 line)
    results = _import(services, actor, _deliveries(samples_dir, "2007Q4"))
    assert {r.file: (r.org, r.period, r.rows) for r in results} == {
        n: (f["org"], f["period"], f["rows"]) for n, f in expected["files"].items()
        if f.get("period") == "2007Q4" and f["kind"] == "mystery_visit"}
    _check_scores(services.monitoring.scores(actor, "2007Q4"), q4["scores"])

    # appeals of three branches; finalising is refused while any is open
    _import(services, actor, sorted((samples_dir / "monitoring").glob("appeals_*.xlsx")))
    appeals = services.monitoring.appeals(actor, "2007Q4")
    assert len(appeals) == 9 and {a.status for a in appeals} == {"open"}
    assert {(a.visit_no, a.item_code): a.original for a in appeals} == {
        (a["visit"], a["item"]): a["original"] for a in expected["appeals"]}
    with pytest.raises(InputRefused, match="未裁决"):
        services.monitoring.finalise(actor, "2007Q4")

    # nobody of the outlet's branch decides; the head office does
    zhejiang = Actor("zj", Role.BRANCH_SECRETARY, "330000")
    with pytest.raises(PermissionDenied):
        services.monitoring.decide(zhejiang, "MS2007Q4-33-001", "GM-04", Decision.UPHOLD)
    for a in expected["appeals"]:
        if a["decision"] == "uphold":
            given = None if a["score"] == _points(services, a["visit"], a["item"]) else a["score"]
            info = services.monitoring.decide(actor, a["visit"], a["item"], Decision.UPHOLD, score=given)
            assert info.score == a["score"] and info.status == "upheld"
        else:
            info = services.monitoring.decide(actor, a["visit"], a["item"], Decision.REJECT, reason="录像显示确有扣分情形")
            assert info.status == "rejected" and info.score is None
    with pytest.raises(InputRefused):
        services.monitoring.decide(actor, "MS2007Q4-33-001", "GM-04", Decision.REJECT, reason="again")
    report = services.monitoring.scores(actor, "2007Q4")
    assert report.final is False  # decided, but provisional until finalised
    _check_scores(report, q4["final_scores"])

    result = services.monitoring.finalise(actor, "2007Q4")
    report = services.monitoring.scores(actor, "2007Q4")
    assert report.final is True
    _check_scores(report, q4["final_scores"])
    _check_findings(services, "2007Q4", q4["findings"])
    assert expected["systemic_branch"] in {b for b, c in result.findings.items() if c.get("systemic")}
    with pytest.raises(InputRefused, match="已定稿"):
        services.monitoring.finalise(actor, "2007Q4")

    # a finalised quarter takes no more deliveries or appeals
    book = openpyxl.load_workbook(samples_dir / "monitoring" / "mystery_120000_2007Q4.xlsx")
    book["暗访结果"].cell(4, 12).value = "复核"
    book.save(tmp_path / "late_delivery.xlsx")
    late = services.imports.import_file(actor, tmp_path / "late_delivery.xlsx")
    assert late.status == "refused" and [p.key for p in late.problems] == ["monitoring.finalised"]
    book = openpyxl.load_workbook(samples_dir / "monitoring" / "appeals_330000_2007Q4.xlsx")
    book["申诉"].cell(4, 5).value = "张秘书"
    book.save(tmp_path / "late_appeal.xlsx")
    late = services.imports.import_file(actor, tmp_path / "late_appeal.xlsx")
    assert late.status == "refused" and "monitoring.finalised" in [p.key for p in late.problems]

    # due dates: corrective = quarter end + 30, preventive = + 60; numbers run per year
    actions = services.capa.list(actor)
    assert [a.number for a in actions] == [f"ZG2007-{n:04d}" for n in range(1, len(actions) + 1)]
    due = {(a.period, a.type): a.due for a in actions}
    assert due == {("2007Q3", "corrective"): dt.date(2007, 10, 30), ("2007Q4", "corrective"): dt.date(2008, 1, 30),
                   ("2007Q4", "preventive"): dt.date(2008, 2, 29)}
    assert all(a.status == "待整改" for a in actions)
    by_reason = Counter((a.branch, a.reason) for a in actions if a.period == "2007Q4")
    assert by_reason[("510000", "systemic")] == 1 and by_reason[("510000", "repeat")] == 3
    systemic = next(a for a in actions if a.reason == "systemic" and a.branch == "510000")
    assert systemic.org == "510000" and systemic.type == "preventive" and systemic.item

    _feedback_round(services, actor, tmp_path)


def _points(services, visit_no, item):
    with services.read() as session:
        return session.scalar(select(MysteryVisitItem.points).join(MysteryVisit)
                              .where(MysteryVisit.visit_no == visit_no, MysteryVisitItem.item_code == item))


def _feedback_round(services, actor, tmp_path):
    """The 510000 capa_feedback template lists exactly its open actions; filled, imported and
    verified, the as-of figures follow §8.5."""
    open_actions = services.capa.open_actions(actor, "510000")
    template = services.imports.write_template(actor, "capa_feedback", "510000", "2007Q4", tmp_path / "capa.xlsx")
    book = openpyxl.load_workbook(template)
    sheet = book["整改反馈"]
    header = [c.value for c in sheet[3]]
    col = {title: header.index(title) + 1 for title in header if title}
    rows = [r for r in range(4, sheet.max_row + 1) if sheet.cell(r, col["整改编号"]).value]
    listed = [sheet.cell(r, col["整改编号"]).value for r in rows]
    assert listed == [a.number for a in open_actions]
    assert len(listed) == 5  # the 2007Q3 corrective one still open, and the four of 2007Q4
    assert {a.period for a in open_actions} == {"2007Q3", "2007Q4"}

    numbers = {a.number: a for a in open_actions}
    q3 = next(n for n, a in numbers.items() if a.period == "2007Q3")
    on_time, late, ineffective, untouched = [n for n, a in numbers.items() if a.period == "2007Q4"][:4]
    fill = {q3: dt.date(2007, 10, 25), on_time: dt.date(2008, 2, 20), late: dt.date(2008, 3, 5),
            ineffective: dt.date(2008, 2, 10)}
    for r in rows:
        number = sheet.cell(r, col["整改编号"]).value
        if number in fill:
            sheet.cell(r, col["整改措施"]).value = "组织专题培训，逐人考核"
            sheet.cell(r, col["责任人"]).value = "李行长"
            sheet.cell(r, col["实际完成日期"]).value = fill[number].strftime("%Y年%m月%d日")
            sheet.cell(r, col["整改结果"]).value = "已整改"
    filled = tmp_path / "capa_510000_filled.xlsx"
    book.save(filled)
    result = services.imports.import_file(actor, filled)
    assert result.status == "imported", [str(p) for p in result.problems]
    assert {a.number: a.status for a in services.capa.open_actions(actor, "510000")} == {
        q3: "待验证", on_time: "待验证", late: "待验证", ineffective: "待验证", untouched: "待整改"}

    branch_secretary = Actor("sc", Role.BRANCH_SECRETARY, "510000")
    with pytest.raises(PermissionDenied):
        services.capa.verify(branch_secretary, q3, True, on=dt.date(2007, 11, 1))
    services.capa.verify(actor, q3, True, on=dt.date(2007, 11, 1))
    services.capa.verify(actor, on_time, True, on=dt.date(2008, 2, 25))
    services.capa.verify(actor, late, True, on=dt.date(2008, 3, 10))
    back = services.capa.verify(actor, ineffective, False, on=dt.date(2008, 2, 15))
    assert back.status == "待整改" and back.completed is None
    with pytest.raises(InputRefused):
        services.capa.verify(actor, untouched, True, on=dt.date(2008, 3, 1))
    with pytest.raises(ConflictError):
        services.capa.verify(actor, untouched, True, expected_version=99)

    status = services.capa.status(actor, dt.date(2008, 3, 31), "510000")
    figures = status.unit("510000").figures
    assert (figures.due, figures.on_time, figures.overdue, figures.open, figures.on_time_rate) == (5, 2, 3, 2, 40.0)
    early = services.capa.status(actor, dt.date(2008, 2, 29), "510000").unit("510000").figures
    assert (early.due, early.on_time, early.overdue, early.open, early.on_time_rate) == (5, 2, 3, 3, 40.0)
    whole = services.capa.status(actor, dt.date(2008, 3, 31))
    assert whole.units[0].code == "000000" and whole.unit("510000").figures == figures
    assert whole.units[0].figures.due == len(services.capa.list(actor))

    # the template now lists what is still open: the untouched one and the ineffective one
    again = services.imports.write_template(actor, "capa_feedback", "510000", "2007Q4", tmp_path / "capa2.xlsx")
    sheet = openpyxl.load_workbook(again)["整改反馈"]
    listed = sorted(sheet.cell(r, col["整改编号"]).value for r in range(4, sheet.max_row + 1)
                    if sheet.cell(r, col["整改编号"]).value)
    assert listed == sorted([untouched, ineffective])
    with services.read() as session:
        actions = {e.entity_id: e.action for e in session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "capa_action", AuditEntry.action.in_(("feedback", "verify"))))}
    assert actions[q3] in ("feedback", "verify")


def test_broken_delivery_is_refused_whole(bank, actor, samples_dir, expected):
    wanted = expected["files"]["broken/mystery_bad_rows.xlsx"]
    result = bank.imports.import_file(actor, samples_dir / "monitoring" / "broken" / "mystery_bad_rows.xlsx")
    assert result.status == "refused" and result.org == wanted["org"]
    assert len(result.problems) >= wanted["problems_at_least"]
    rows = {int("".join(ch for ch in p.cell if ch.isdigit())) for p in result.problems if p.cell}
    for group in wanted["problem_rows"]:
        assert rows & set(group), (group, [str(p) for p in result.problems])
    with bank.read() as session:
        assert session.scalar(select(func.count()).select_from(MysteryVisit)) == 0
        assert session.scalar(select(func.count()).select_from(ImportBatch).where(ImportBatch.kind == "mystery_visit")) == 0


def test_appeals_only_on_own_deductions_of_an_open_quarter(bank, actor, samples_dir, tmp_path):
    _import(bank, actor, _deliveries(samples_dir, "2007Q4"))
    from qsm_desktop.excel.kinds import get_kind
    from qsm_desktop.excel.template import write_return

    kind = get_kind("mystery_appeal")
    rows = [{"seq": 1, "visit_no": "MS2007Q4-11-001", "item_code": "GM-04", "reason": "x"},  # another branch's
            {"seq": 2, "visit_no": "MS2007Q4-33-001", "item_code": "GM-01", "reason": "x"},  # no deduction
            {"seq": 3, "visit_no": "MS2007Q4-33-999", "item_code": "GM-01", "reason": "x"},  # no such visit
            {"seq": 4, "visit_no": "MS2007Q4-33-001", "item_code": "DT-01", "reason": "x"}]  # not an item of it
    file = tmp_path / "appeal.xlsx"
    write_return(file, kind=kind.name, sheet_name=kind.sheet_name, title=kind.title, columns=kind.columns,
                 org_code="330000", org_name="", period="2007Q4", rows=rows)
    result = bank.imports.import_file(actor, file)
    assert result.status == "refused"
    assert sorted(p.cell for p in result.problems) == ["B4", "B6", "C5", "C7"]
    with bank.read() as session:
        assert session.scalar(select(func.count()).select_from(MysteryAppeal)) == 0


def test_a_newer_delivery_replaces_the_branchs_visits(bank, actor, samples_dir, tmp_path):
    source = samples_dir / "monitoring" / "mystery_120000_2007Q4.xlsx"
    _import(bank, actor, [source])
    book = openpyxl.load_workbook(source)
    sheet = book["暗访结果"]
    sheet.cell(4, 9).value = sheet.cell(4, 8).value - 2  # a deduction on the first item
    sheet.cell(4, 10).value = "着装不规范"
    changed = tmp_path / "mystery_120000_2007Q4_v2.xlsx"
    book.save(changed)
    result = bank.imports.import_file(actor, changed)
    assert result.status == "imported" and result.supersedes is not None
    assert [(c.entity, c.action) for c in result.preview] == [("mystery_visit", "changed")]
    with bank.read() as session:
        assert session.scalar(select(func.count()).select_from(MysteryVisit)) == 6
        entries = session.scalars(select(AuditEntry.action).where(AuditEntry.entity.in_(
            ("mystery_delivery", "mystery_visit")))).all()
    assert sorted(entries) == ["create", "replace", "update"]


def test_templates_of_the_four_kinds(bank, actor, tmp_path):
    for kind in ("mystery_visit", "mystery_appeal", "capa_feedback", "complaints"):
        path = bank.imports.write_template(actor, kind, "330000", "2007Q4", tmp_path / f"{kind}.xlsx")
        book = openpyxl.load_workbook(path)
        meta = {r[0]: r[1] for r in book["_meta"].iter_rows(values_only=True)}
        assert (meta["kind"], meta["org_code"], meta["period"]) == (kind, "330000", "2007Q4")
    visit = openpyxl.load_workbook(tmp_path / "mystery_visit.xlsx")["暗访结果"]
    lists = " ".join(str(v.formula1) for v in visit.data_validations.dataValidation)
    assert "柜面交易服务,大堂综合服务" in lists  # 服务模块 from the checklist in force
    book = openpyxl.load_workbook(tmp_path / "complaints.xlsx")
    validations = " ".join(str(v.formula1) for v in book["投诉登记"].data_validations.dataValidation)
    assert "客户投诉,内部投诉" in validations and "一般,复杂,特别复杂,内部" in validations


def test_checklist_editions(bank, actor, samples_dir):
    from qsm_desktop.domain.monitoring import Checklist, ChecklistItem, ChecklistModule

    (first_id, first), = bank.monitoring.checklists(actor)
    gm = first.module("GM")
    items = (ChecklistItem("GM-01", "仪容仪表", 5, False, "着统一工装"),) + gm.items[1:] + (
        ChecklistItem("GM-09", "服务行为", 5, False, "主动推介电子渠道"),)
    later = Checklist(first.name, "2008版", dt.date(2008, 1, 1),
                      (ChecklistModule("GM", gm.name, gm.norm, items),) + first.modules[1:])
    bad = Checklist(first.name, "2008版", dt.date(2008, 1, 1), (ChecklistModule("GM", gm.name, gm.norm, items[:-1]),))
    with pytest.raises(InputRefused, match="95"):
        bank.monitoring.save_checklist(actor, bad)
    with pytest.raises(PermissionDenied):
        bank.monitoring.save_checklist(Actor("bj", Role.BRANCH_SECRETARY, "110000"), later)
    later_id = bank.monitoring.save_checklist(actor, later)
    assert [c.label for _, c in bank.monitoring.checklists(actor)] == ["2007版", "2008版"]
    # 2007Q4 visits are still checked against 2007版, in force on their dates
    _import(bank, actor, [samples_dir / "monitoring" / "mystery_120000_2007Q4.xlsx"])
    with pytest.raises(InputRefused, match="已用于"):
        bank.monitoring.save_checklist(actor, Checklist(first.name, first.label, first.effective_from, first.modules),
                                       checklist_id=first_id)
    # an edition no visit used may still change; a stale copy may not
    with bank.read() as session:
        from qsm_desktop.store.models.monitoring import ChecklistRecord

        version = session.get(ChecklistRecord, later_id).version
    bank.monitoring.save_checklist(actor, later, checklist_id=later_id, expected_version=version)
    with pytest.raises(ConflictError):
        bank.monitoring.save_checklist(actor, later, checklist_id=later_id, expected_version=version)


def test_a_quarter_without_visits_cannot_be_finalised(bank, actor, samples_dir):
    """Finalising freezes a quarter for good (no command undoes it); an empty one is refused with a
    sentence, so its deliveries can still be imported afterwards (found by a fresh-user check)."""
    services = bank
    with pytest.raises(InputRefused, match="暗访|mystery"):
        services.monitoring.finalise(actor, "2007Q3")
    assert services.monitoring.scores(actor, "2007Q3").final is False
    results = _import(services, actor, _deliveries(samples_dir, "2007Q3"))
    assert results and all(r.status == "imported" for r in results)
    assert services.monitoring.finalise(actor, "2007Q3").visits > 0
