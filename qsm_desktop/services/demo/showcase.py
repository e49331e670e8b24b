"""Demo step: showcase applications and on-site score sheets (示范窗口演示数据) — issue 4.

For the demo year, six outlets of different branches apply at 总行级 and two at 分行级; each is
scored on site by five reviewers (head-office departments' and branches' staff, one of them
sometimes from the outlet's own branch: that sheet is kept and excluded). Everything is written
as real returns (``write_application_form``, ``write_score_sheet``) and imported through the
importer; then the 分行级 cycle is awarded (quota 1) so the page shows a certificate to preview.
Scores are seeded: the same demo every time.
"""

from __future__ import annotations

import datetime as dt
import random

from qsm_desktop.domain.i18n import register
from qsm_desktop.domain.names import shown
from qsm_desktop.excel.kinds.score_sheet import write_score_sheet
from qsm_desktop.excel.kinds.showcase_application import write_application_form
from qsm_desktop.services.demo.context import DEMO_FILE_PREFIX, DemoContext
from qsm_desktop.store.showcase import default_sheet

register({"demo.step.showcase": ("示范窗口申报与评分表", "showcase applications and score sheets")})

REVIEWER_NAMES = ["吴东", "刘健", "姚健", "张红霞", "阎楠", "孙东", "李健", "陈刚"]
REASONS = ["自助设备故障未及时报修", "员工着装不规范", "填单台资料不全", "等候时间偏长", "宣传资料摆放不整"]
REASONS_EN = ["Machine fault not reported in time", "Staff not properly dressed", "Form desk incomplete",
              "Long waiting time", "Leaflets untidy"]
"""Reasons a reviewer types for a deduction, in the demo's language (issue 14)."""


def _declared_figures(ctx: DemoContext, outlets: list[tuple[str, str]], year: int) -> dict[str, dict[str, object]]:
    """Org code → the figures its application form declares (在岗员工数, 持证上岗人数, 年度有效投诉件数,
    神秘访客平均得分); ``outlets``: (outlet code, its branch's code) in the order of the forms. The
    figures are what the registers hold for the outlet on 31 December of ``year`` — the day the
    application is checked for — so the applications agree with the registers at any demo
    scale, except the first, which declares two certified staff more than it has: the page's
    "declared figures differ" flag has one case to show (issue 14)."""
    from sqlalchemy import select

    from qsm_desktop.services.showcase.declarations import outlet_figures_in
    from qsm_desktop.store.models import OrgUnit

    codes = [code for code, _branch in outlets]
    with ctx.services.read() as session:
        ids = dict(session.execute(select(OrgUnit.code, OrgUnit.id).where(
            OrgUnit.code.in_({c for pair in outlets for c in pair}))).all())
        figures = outlet_figures_in(session, [(ids[code], ids.get(branch)) for code, branch in outlets if code in ids],
                                    year, dt.date(year, 12, 31))
    out = {}
    for index, code in enumerate(codes):
        held = figures.get(ids[code]) if code in ids else None
        staff = held.staff if held is not None and held.staff is not None else 12
        certified = held.certified if held is not None and held.certified is not None else min(10, staff)
        if index == 0:  # the one off: two certified more than the register holds (two fewer when all are)
            certified = certified + 2 if certified + 2 <= staff else max(0, certified - 2)
        out[code] = {"在岗员工数": staff, "持证上岗人数": certified,
                     "年度有效投诉件数": held.complaints if held is not None and held.complaints is not None else 0,
                     "神秘访客平均得分": round(held.mystery_score, 1)
                     if held is not None and held.mystery_score is not None else 90.5}
    return out


def step_showcase(ctx: DemoContext) -> None:
    """Write and import the demo year's showcase applications and score sheets, then award the
    分行级 cycle (quota 1)."""
    year = int(ctx.period[:4])
    rng = random.Random(year * 4)
    orgs = {o.code: o for o in ctx.bank.orgs}
    outlets_by_branch: dict[str, list] = {}
    for o in ctx.bank.orgs:
        if o.type != "网点" or o.status != "正常":
            continue
        branch = o.parent
        while branch is not None and orgs[branch].type != "分行":
            branch = orgs[branch].parent
        if branch is not None:
            outlets_by_branch.setdefault(branch, []).append(o)
    branches = sorted(outlets_by_branch)
    if not branches:
        return
    departments = sorted(o.code for o in ctx.bank.orgs if o.type == "总行部门")[:3]
    reviewers = [(REVIEWER_NAMES[i], code) for i, code in enumerate(departments + branches[:5])]
    picks: list[tuple[str, object]] = []
    branch_of: dict[str, str] = {}
    for i, branch in enumerate(branches[:6]):
        picks.append(("总行级", outlets_by_branch[branch][0]))
        branch_of[outlets_by_branch[branch][0].code] = branch
    for branch in branches[:2]:
        if len(outlets_by_branch[branch]) > 1:
            picks.append(("分行级", outlets_by_branch[branch][1]))
            branch_of[outlets_by_branch[branch][1].code] = branch
    sheet = default_sheet()
    reasons = REASONS_EN if ctx.language == "en" else REASONS
    honours = ctx.typed(f"{year - 1}年度分行文明服务先进集体", f"{year - 1} branch award for civilised service")
    summary = ctx.typed("推行服务规范贯标，优化厅堂布局，缩短客户等候时间。",
                        "Introduced the service norms, rearranged the lobby, shortened waiting times.")
    declared = _declared_figures(ctx, [(outlet.code, branch_of[outlet.code]) for _level, outlet in picks], year)
    paths = []
    for level, outlet in picks:
        path = ctx.folder / f"{DEMO_FILE_PREFIX}showcase_application_{outlet.code}_{year}.xlsx"
        write_application_form(path, org_code=outlet.code, unit_name=outlet.name, level=level, year=year,
                               fields={"网点负责人": "王芳", "联系电话": "021-58781234", **declared[outlet.code],
                                       "大堂经理人数": 2, "客户满意度": "95%",
                                       "近三年所获荣誉": honours, "创建工作简述": summary},
                               items=[(i.name, float(i.points), float(i.points) - rng.choice((0, 0.5, 1)))
                                      for i in sheet.items])
        paths.append(path)
    for level, outlet in picks:
        quality = rng.uniform(0.9, 0.97)
        for name, code in rng.sample(reviewers, 5):
            items = []
            for item in sheet.items:
                points = float(item.points)
                score = min(points, round(points * rng.uniform(quality - 0.04, quality + 0.05) * 2) / 2)
                reason = rng.choice(reasons) if score < points and rng.random() < 0.9 else ""
                items.append((item.name, points, score, reason))
            path = ctx.folder / f"{DEMO_FILE_PREFIX}score_sheet_{outlet.code}_{code}_{year}.xlsx"
            write_score_sheet(path, org_code=outlet.code, unit_name=outlet.name, reviewer=name, reviewer_org=code,
                              year=year, scored_on=dt.date(year, 12, 3 + len(paths) % 20), items=items)
            paths.append(path)
    ctx.import_files(paths)
    if ctx.language == "en":  # the titles the office would type on an English window
        for cycle in ctx.services.showcase.cycles(ctx.actor):
            level = shown(cycle.level, language="en")
            ctx.services.showcase.update_cycle(ctx.actor, cycle.id, cycle.version,
                                               title=f"{cycle.year} {level}-level civilised service showcase windows")
    ranking = ctx.services.showcase.rank(ctx.actor, year, "分行级", quota=1)
    if ranking.entries and not ranking.tie_at_line and ranking.entries[0].rank is not None:
        ctx.services.showcase.award(ctx.actor, year, "分行级", 1, decided_on=dt.date(year, 12, 20),
                                    meeting_ref=ctx.typed(f"服质委〔{year}〕5号", f"SQC [{year}] No. 5"))
