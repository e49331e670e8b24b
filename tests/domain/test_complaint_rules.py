"""Complaint rules without a database (DESIGN §9): deadline classes as data, the as-of figures of
§9.2 and repeat complaints (§9.3)."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

from qsm_desktop.domain.complaints import ComplaintCase, ComplaintRules, complaint_figures, repeat_complaints

SEED = Path(__file__).resolve().parents[2] / "db" / "seed"
D = dt.date


def _rules() -> ComplaintRules:
    with (SEED / "complaint_rules.toml").open("rb") as fh:
        return ComplaintRules.from_mapping(tomllib.load(fh))


def test_the_seeded_rules():
    rules = _rules()
    assert rules.repeat_threshold == 3
    assert "监管转送" in rules.channels and "服务态度及服务质量" in rules.causes
    assert [(c.name, c.days) for c in rules.deadline_classes] == [("一般", 15), ("复杂", 30), ("特别复杂", 60), ("内部", 10)]
    special = rules.deadline_class("特别复杂")
    assert special.needs_approval and not special.approval_recorded("客户要求延期")
    assert special.approval_recorded("延期审批：已经分行分管行长批准")
    assert rules.deadline_class("一般").approval_recorded(None)
    assert [c.name for c in rules.classes_for("内部投诉")] == ["内部"]


def _case(number, received, closed=None, *, days=15, valid=True, channel="营业网点", cause="服务态度及服务质量",
          target="110101", category="客户投诉"):
    return ComplaintCase(number, category, received, channel, cause, target, valid, "一般", days, closed)


def test_figures_as_of_a_date():
    cases = [
        _case("T1", D(2007, 12, 28), D(2008, 1, 15), channel="监管转送"),  # 18 days: late
        _case("T2", D(2007, 11, 16), D(2007, 11, 23)),                      # on time
        _case("T3", D(2007, 12, 23), D(2008, 1, 7)),                        # exactly 15 days: on time
        _case("T4", D(2007, 12, 9)),                                        # open past its deadline
        _case("T5", D(2008, 1, 5)),                                         # open, deadline not passed
        _case("T6", D(2007, 12, 19), D(2008, 1, 17), valid=False),          # not valid
        _case("T7", D(2007, 12, 20), D(2008, 1, 20)),                       # closed after as_of: open, overdue
    ]
    f = complaint_figures(cases, D(2008, 1, 15))
    assert (f.received, f.valid, f.regulator, f.closed, f.on_time, f.overdue, f.pending) == (7, 6, 1, 3, 2, 3, 1)
    assert f.on_time_rate == 40.0
    before = complaint_figures(cases, D(2007, 12, 31))
    assert (before.received, before.valid, before.pending, before.overdue, before.on_time_rate) == (6, 5, 3, 1, 50.0)
    assert complaint_figures([], D(2008, 1, 15)).on_time_rate is None


def test_repeat_complaints_need_three_valid_customer_complaints_same_cause_same_outlet():
    cases = [_case("A1", D(2007, 10, 1)), _case("A2", D(2007, 10, 2)), _case("A3", D(2007, 10, 3)),
             _case("B1", D(2007, 10, 1), target="110102"), _case("B2", D(2007, 10, 1), target="110102"),
             _case("B3", D(2007, 10, 1), target="110102", valid=False),
             _case("C1", D(2007, 10, 1), cause="定价收费"), _case("I1", D(2007, 10, 1), category="内部投诉")]
    groups = repeat_complaints(cases, 3)
    assert [(g.target, g.cause, g.numbers) for g in groups] == [("110101", "服务态度及服务质量", ("A1", "A2", "A3"))]
    assert len(repeat_complaints(cases, 2)) == 2
