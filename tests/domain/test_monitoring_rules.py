"""Monitoring rules without a database (DESIGN §8): checklists, visit scores as §8.2 rounds them,
appeals, findings and their due dates, and the as-of figures of actions (§8.5)."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from qsm_desktop.domain.capa import (
    ActionState,
    ActionStatus,
    action_figures,
    format_number,
    in_quarter_report,
    status_after_progress,
    status_after_verification,
)
from qsm_desktop.domain.errors import InputRefused, PermissionDenied
from qsm_desktop.domain.monitoring import (
    ActionType,
    Checklist,
    ChecklistItem,
    ChecklistModule,
    Decision,
    DueDays,
    FindingInputs,
    ItemResult,
    LostItem,
    Reason,
    VisitScore,
    appeal_problem,
    check_decider,
    checklist_in_force,
    checklist_problems,
    decided_score,
    due_date,
    mean_rounded,
    quarter_scores,
    raise_findings,
    round_half_up,
    validate_checklist,
    visit_score,
)

SEED = Path(__file__).resolve().parents[2] / "db" / "seed"


@pytest.fixture(scope="module")
def checklist() -> Checklist:
    with (SEED / "checklists_2007.toml").open("rb") as fh:
        return Checklist.from_mapping(tomllib.load(fh))


# ------------------------------------------------------------------------------------------ checklists

def test_the_2007_checklists_are_valid(checklist):
    assert checklist.label == "2007版" and checklist.effective_from == dt.date(2007, 5, 1)
    assert [m.name for m in checklist.modules] == ["柜面交易服务", "大堂综合服务", "自助机具服务", "电话银行服务",
                                                   "金融理财服务", "信用卡服务"]
    assert checklist_problems(checklist) == []
    assert all(m.total_points == 100 for m in checklist.modules)
    module, item = checklist.item("GM-06")
    assert module.code == "GM" and item.critical and item.points == 15
    assert checklist.module("GM") is checklist.module("柜面交易服务")
    assert Checklist.from_mapping(checklist.to_mapping()) == checklist


def test_a_checklist_breaking_the_rules_names_every_problem(checklist):
    gm = checklist.modules[0]
    broken_items = (ChecklistItem("GM-01", "仪表", 10, False, "x"),) + gm.items[1:] + (ChecklistItem("GM-02", "服务行为", 0, False, "y"),)
    broken = Checklist("窗口服务检查表", "2008版", dt.date(2008, 1, 1), (ChecklistModule("GM", "柜面交易服务", "", broken_items),))
    keys = [key for key, _ in checklist_problems(broken)]
    assert keys == ["checklist.dimension", "checklist.duplicate_item", "checklist.points"]
    short = Checklist("窗口服务检查表", "2008版", dt.date(2008, 1, 1), (ChecklistModule("GM", "柜面交易服务", "", gm.items[:-1]),))
    with pytest.raises(InputRefused, match="95"):
        validate_checklist(short)


def test_the_edition_in_force_on_a_date(checklist):
    later = Checklist(checklist.name, "2008版", dt.date(2008, 1, 1), checklist.modules)
    assert checklist_in_force([checklist, later], dt.date(2007, 12, 31)) is checklist
    assert checklist_in_force([checklist, later], dt.date(2008, 1, 1)) is later
    assert checklist_in_force([checklist, later], dt.date(2007, 4, 30)) is None


# ------------------------------------------------------------------------------------------ scores

def test_rounding_is_half_up_in_decimals():
    assert round_half_up(97.125) == 97.13
    assert round_half_up(2.675) == 2.68  # binary floats would give 2.67
    assert mean_rounded([94.56, 93.0, 76.5, 91.0, 91.5]) == 89.31
    assert mean_rounded([]) is None


def test_visit_score_caps_a_lost_critical_item_at_60_and_skips_not_applicable():
    items = [ItemResult("GM-01", 10, 10), ItemResult("GM-06", 15, 14, critical=True), ItemResult("GM-08", 5, 3)]
    assert visit_score(items) == 60.0
    assert visit_score([ItemResult("GM-01", 10, 10), ItemResult("GM-06", 15, 15, critical=True),
                        ItemResult("GM-08", 5, 3)]) == round_half_up(100 * 28 / 30)
    # 不适用 leaves both sums
    assert visit_score([ItemResult("DT-01", 10, 8), ItemResult("DT-06", 10, None)]) == 80.0
    assert visit_score([ItemResult("DT-06", 10, None)]) is None
    # a critical item marked 不适用 caps nothing
    assert visit_score([ItemResult("ZZ-01", 25, None, critical=True), ItemResult("ZZ-02", 15, 12)]) == 80.0


def test_outlet_branch_and_bank_each_mean_the_rounded_level_below():
    visits = [VisitScore("V1", "110101", "110000", 100.0), VisitScore("V2", "110101", "110000", 89.13),
              VisitScore("V3", "110102", "110000", 93.0), VisitScore("V4", "120101", "120000", 100.0),
              VisitScore("V5", "120102", "120000", None)]
    scores = quarter_scores(visits)
    assert scores.outlets["110101"].score == 94.57 and scores.outlets["110101"].visits == 2
    assert "120102" not in scores.outlets
    assert scores.branches["110000"].score == round_half_up((94.57 + 93.0) / 2) == 93.79
    assert scores.branches["110000"].visits == 3 and scores.branches["110000"].outlets == 2
    assert scores.bank.code == "000000" and scores.bank.score == round_half_up((93.79 + 100) / 2)


# ------------------------------------------------------------------------------------------ appeals

def test_appeals_only_on_deductions():
    assert appeal_problem("V1", "GM-04", 15, 14) is None
    assert appeal_problem("V1", "GM-04", 15, 15)[0] == "appeal.not_lost"
    assert appeal_problem("V1", "GM-04", 15, None)[0] == "appeal.not_applicable"


def test_a_decision_gives_full_points_a_set_score_or_keeps_the_deduction():
    assert decided_score(Decision.UPHOLD, 15, 14) == 15
    assert decided_score(Decision.UPHOLD, 15, 8, 11) == 11
    assert decided_score(Decision.REJECT, 15, 8, reason="录像显示确未提示风险") is None
    with pytest.raises(InputRefused):
        decided_score(Decision.UPHOLD, 15, 8, 16)
    with pytest.raises(InputRefused):
        decided_score(Decision.UPHOLD, 15, 8, 8)
    with pytest.raises(InputRefused):
        decided_score(Decision.REJECT, 15, 8)


def test_nobody_of_the_outlets_branch_decides():
    check_decider("ho", None, "330000")
    check_decider("sh", "/000000/310000/", "330000")
    with pytest.raises(PermissionDenied):
        check_decider("zj", "/000000/330000/", "330000")
    with pytest.raises(PermissionDenied):
        check_decider("zj1", "/000000/330000/330100/", "330000")


# ------------------------------------------------------------------------------------------ findings

def test_findings_by_reason_with_due_dates():
    lost = (
        LostItem("V1", "110101", "110000", "GM-06", "禁语", critical=True),
        LostItem("V1", "110101", "110000", "GM-05", "风险"),
        LostItem("V2", "110102", "110000", "GM-05", "风险"),
        LostItem("V3", "110201", "110000", "GM-05", "风险"),
        LostItem("V4", "110201", "110000", "GM-05", "风险"),
    )
    inputs = FindingInputs("2007Q4", lost, frozenset({("110101", "GM-05"), ("110201", "GM-05"), ("110102", "GM-01")}))
    found = raise_findings(inputs)
    assert [(f.reason, f.owner, f.item) for f in found] == [
        (Reason.CRITICAL, "110101", "GM-06"),
        (Reason.REPEAT, "110101", "GM-05"),
        (Reason.REPEAT, "110201", "GM-05"),
        (Reason.SYSTEMIC, "110000", "GM-05"),
    ]
    assert found[0].action_type is ActionType.CORRECTIVE and found[3].action_type is ActionType.PREVENTIVE
    end = dt.date(2007, 12, 31)
    assert due_date(ActionType.CORRECTIVE, end) == dt.date(2008, 1, 30)
    assert due_date(ActionType.PREVENTIVE, end) == dt.date(2008, 2, 29)
    assert due_date(ActionType.PREVENTIVE, end, DueDays(10, 20)) == dt.date(2008, 1, 20)


# ------------------------------------------------------------------------------------------ actions

def test_action_numbers_follow_the_pattern():
    assert format_number("ZG{year}-{seq:04d}", 2007, 1) == "ZG2007-0001"
    assert format_number("交银整改〔{year}〕{seq:03d}号", 2008, 12) == "交银整改〔2008〕012号"
    with pytest.raises(InputRefused):
        format_number("ZG-{seq}", 2007, 1)


def test_action_status_moves():
    assert status_after_progress("A", "待整改", dt.date(2008, 1, 5)) == "待验证"
    assert status_after_progress("A", "待整改", None) == "待整改"
    with pytest.raises(InputRefused):
        status_after_progress("A", "已关闭", dt.date(2008, 1, 5))
    assert status_after_verification("A", "待验证", True, dt.date(2008, 1, 10), dt.date(2008, 1, 5)) == "已关闭"
    assert status_after_verification("A", "待验证", False, dt.date(2008, 1, 10), dt.date(2008, 1, 5)) == "待整改"
    with pytest.raises(InputRefused):
        status_after_verification("A", "待整改", True, dt.date(2008, 1, 10), None)
    with pytest.raises(InputRefused):
        status_after_verification("A", "待验证", True, dt.date(2008, 1, 1), dt.date(2008, 1, 5))
    assert ActionStatus.TO_VERIFY.value == "待验证"


def test_action_figures_as_of_a_date():
    due = dt.date(2008, 1, 30)
    actions = [
        ActionState(due, dt.date(2008, 1, 20), dt.date(2008, 1, 25), True),    # on time
        ActionState(due, dt.date(2008, 1, 20), dt.date(2008, 2, 5), True),     # verified after as_of: overdue then
        ActionState(due, dt.date(2008, 2, 3), dt.date(2008, 2, 4), True),      # completed late
        ActionState(due, dt.date(2008, 1, 20), dt.date(2008, 1, 22), False),   # ineffective: back to work
        ActionState(due),                                                      # nothing done
        ActionState(dt.date(2008, 2, 29)),                                     # not due yet
    ]
    early = action_figures(actions, dt.date(2008, 1, 31))
    assert (early.due, early.on_time, early.overdue, early.open, early.on_time_rate) == (5, 1, 4, 5, 20.0)
    later = action_figures(actions, dt.date(2008, 2, 10))
    assert (later.due, later.on_time, later.overdue, later.open, later.on_time_rate) == (5, 2, 3, 3, 40.0)
    none_due = action_figures(actions, dt.date(2008, 1, 1))
    assert none_due.due == 0 and none_due.on_time_rate is None and none_due.open == 6


def test_a_quarters_report_takes_actions_raised_by_then_and_not_closed_before_it():
    open_ = ActionState(dt.date(2007, 10, 30))
    closed_before = ActionState(dt.date(2007, 8, 30), dt.date(2007, 8, 20), dt.date(2007, 9, 30), True)
    closed_during = ActionState(dt.date(2007, 8, 30), dt.date(2007, 8, 20), dt.date(2007, 10, 1), True)
    ineffective_before = ActionState(dt.date(2007, 8, 30), dt.date(2007, 8, 20), dt.date(2007, 9, 1), False)
    # raised in the quarter, or earlier and still open in it
    assert in_quarter_report("2007Q4", open_, "2007Q4")
    assert in_quarter_report("2007Q2", open_, "2007Q4")
    assert in_quarter_report("2007Q2", closed_during, "2007Q4")
    assert in_quarter_report("2007Q2", ineffective_before, "2007Q4")
    # closed (verified effective) before the quarter began: no longer the quarter's business
    assert not in_quarter_report("2007Q2", closed_before, "2007Q4")
    # raised by a later quarter: did not exist yet
    assert not in_quarter_report("2008Q1", open_, "2007Q4")
    assert not in_quarter_report("2008", open_, "2007Q4")
    assert in_quarter_report("2007", open_, "2007Q4")
