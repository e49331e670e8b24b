"""Head office's showcase acts are refused in the services, not only hidden in the window (issue 12,
DESIGN §5/§6): creating or editing an award cycle, putting reviewers on panels, awarding, revoking,
re-inspection dates, titles won outside, printing certificates and the status steps only head office
takes (进入总行评审, 不予通过) — a branch secretary, a reviewer and a viewer each get the permission
sentence naming the act, and nothing changes (SQLite, through the services)."""

from __future__ import annotations

import datetime as dt

import pytest

from qsm_desktop.domain.errors import PermissionDenied
from qsm_desktop.services.context import Actor, Role
from scope_office import import_ok

HO = Actor("hos", Role.HO_SECRETARY)
OTHERS = [Actor("li", Role.BRANCH_SECRETARY, "310000"), Actor("zhang", Role.REVIEWER, "320100"),
          Actor("kan", Role.VIEWER), Actor("kan310", Role.VIEWER, "310000")]


@pytest.fixture
def office(sqlite_services, samples_dir):
    import_ok(sqlite_services, HO, [samples_dir / "org_units.xlsx"])
    svc = sqlite_services.showcase
    app = svc.create_application(HO, 2007, "分行级", "310101", status="已提交")
    svc.act(HO, app.id, "recommend")
    return sqlite_services, svc.application(HO, app.id)


@pytest.mark.parametrize("who", OTHERS, ids=lambda a: a.login)
def test_cycle_and_award_acts_are_head_offices(office, who, tmp_path):
    services, app = office
    svc = services.showcase
    cycle = svc.cycle(HO, 2007, "分行级")
    acts = {
        "修改评选周期": [
            lambda: svc.create_cycle(who, 2008, "分行级"),
            lambda: svc.update_cycle(who, cycle.id, cycle.version, quota=3),
            lambda: svc.set_sheet(who, cycle.id, cycle.sheet),
            lambda: svc.assign_reviewer(who, 2007, "分行级", "钱评审", "000103"),
        ],
        "授予示范窗口称号": [
            lambda: svc.award(who, 2007, "分行级", 1),
            lambda: svc.revoke(who, "交银服示〔2007〕分字第001号", "复查不合格"),
            lambda: svc.set_reinspection(who, "交银服示〔2007〕分字第001号", dt.date(2009, 1, 1)),
            lambda: svc.record_outside_title(who, "310101", "全国级", "全国文明规范服务示范单位", dt.date(2008, 3, 1)),
        ],
        # a branch may handle her outlets' applications, but these two steps are head office's
        ("授予示范窗口称号" if who.role is Role.BRANCH_SECRETARY else "处理示范窗口申报"): [
            lambda: svc.act(who, app.id, "start_review"),
            lambda: svc.act(who, app.id, "reject"),  # 分行推荐 → 未通过: the bank's decision
        ],
        "打印荣誉证书": [lambda: svc.certificates(who, 2007, "分行级", tmp_path / "c.pdf")],
    }
    for action, calls in acts.items():
        for call in calls:
            with pytest.raises(PermissionDenied, match=f"无权{action}"):
                call()
    after = svc.cycle(HO, 2007, "分行级")
    assert (after.version, after.quota, after.panel) == (cycle.version, cycle.quota, cycle.panel)
    assert svc.cycles(HO)[0].year == 2007 and svc.application(HO, app.id).status == "分行推荐"
    assert svc.outside_titles(HO) == [] and svc.awards(HO) == []


def test_head_office_does_them(office):
    services, app = office
    svc = services.showcase
    cycle = svc.cycle(HO, 2007, "分行级")
    assert svc.update_cycle(HO, cycle.id, cycle.version, quota=3).quota == 3
    svc.assign_reviewer(HO, 2007, "分行级", "钱评审", "000103")
    assert ("钱评审", "000103") in svc.cycle(HO, 2007, "分行级").panel
    assert svc.act(HO, app.id, "start_review").status == "总行评审中"
    # a branch still takes her own steps on her outlets' submitted forms: back for correction, or not recommended
    li = OTHERS[0]
    for code, action, status in (("310102", "return", "草稿"), ("310103", "reject", "未通过")):
        other = svc.create_application(HO, 2007, "分行级", code, status="已提交")
        assert svc.act(li, other.id, action).status == status
