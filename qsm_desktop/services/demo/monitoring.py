"""The demo's improvement loop (演示监测数据) — issue 13 Deliver 9, a step of
:data:`qsm_desktop.services.demo.build.DEMO_STEPS`.

A year of mystery visits and complaints for the synthetic bank, written with the template writer
and imported through the importer — never behind its back:

- **visits** (神秘访客检查结果, DESIGN §8.2): four visits per outlet in the year up to the demo
  period. The 2007 checklists are in force from 1 May 2007, so for the default period 2007Q4 the
  year's visits fall in 2007Q2 (from 1 May: one per outlet), 2007Q3 (one) and 2007Q4 (two) —
  :func:`visit_plan`. Each visit checks one module against the checklist in force on its date;
  every outlet has a steady quality, so some items keep losing points (repeat findings) and some
  branches lose the same item at several outlets (systemic findings);
- **complaints** (投诉登记, §9.1): each branch's register of every visited quarter;
- the quarters before the demo period are **finalised** (scores frozen, findings and actions
  raised, §8.4); the demo period stays **provisional**, with a few appeals per branch (§8.3)
  waiting for the head office's decision;
- the branches report on their actions due by the period's end (整改反馈表, §8.5: most on time,
  some late, some not yet) and the head office verifies what was completed.

Rows are seeded per branch and quarter: the same bank always gets the same figures.
:func:`visit_rows` and :func:`complaint_rows` are shared with ``benchmarks/import_bench.py``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from qsm_desktop.domain.complaints import ComplaintRules
from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.domain.monitoring.checklists import Checklist, checklist_in_force
from qsm_desktop.domain.normalise import period_end, period_start
from qsm_desktop.services.demo.context import DEMO_FILE_PREFIX, typed, write_kind

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.demo.context import DemoContext
    from qsm_desktop.services.demo.data import SyntheticBank

register({
    "demo.step.monitoring": ("神秘访客检查与投诉登记", "mystery visits and complaint registers"),
    "demo.step.feedback": ("整改反馈与验证", "action feedback and verification"),
})

VISITS_A_YEAR = 4
"""Mystery visits per outlet in the demo's year."""
MODULE_WEIGHTS = {"GM": 0.36, "DT": 0.26, "ZZ": 0.14, "LC": 0.1, "XYK": 0.08, "DH": 0.06}
"""How often a visit checks each module (by code); modules not listed are never drawn."""
APPEALS_PER_BRANCH = 3
"""Appeals each branch files on the demo period's deductions."""


def _weights(count: int, first: Sequence[float]) -> list[float]:
    """``first`` weights for the first choices, a small one for each further choice."""
    return [*first[:count], *[0.02] * max(0, count - len(first))]


def _quarters_back(period: str, count: int) -> list[str]:
    year, q = int(period[:4]), int(period[-1])
    out = []
    for _ in range(count):
        out.append(f"{year}Q{q}")
        year, q = (year - 1, 4) if q == 1 else (year, q - 1)
    return out[::-1]


def visit_plan(period: str, checklists: Sequence[Checklist]) -> dict[str, int]:
    """Visits per outlet in each quarter of the year up to ``period`` that a checklist covers
    (quarter → visits), :data:`VISITS_A_YEAR` in all: one per quarter, the rest in ``period``."""
    quarters = [q for q in _quarters_back(period, 4) if checklist_in_force(checklists, period_end(q)) is not None]
    if not quarters:
        return {}
    plan = dict.fromkeys(quarters, 1)
    plan[period] = plan.get(period, 0) + VISITS_A_YEAR - len(quarters)
    return plan


def _first_day(period: str, checklists: Sequence[Checklist]) -> dt.date:
    start = period_start(period)
    editions = sorted(c.effective_from for c in checklists)
    return max(start, next((d for d in editions if d <= period_end(period)), start))


def visit_rows(bank: SyntheticBank, branch: str, period: str, checklists: Sequence[Checklist], visits: int = 1, *,
               seed: int = 2007, language: str = "zh") -> list[dict]:
    """The rows of ``branch``'s mystery-visit delivery for ``period``: ``visits`` visits per outlet,
    each one module's items of the checklist in force on its date (one row per item).

    Deterministic per branch and quarter. An outlet has a steady quality (0.78–0.97: the share of
    items with full points); a deduction takes 1 to all of the item's points and gives a reason;
    critical items lose points four times less often; a few items of self-service and telephone
    modules are 不适用; a teller's 工号 is given for deductions at the counter. Reasons for
    deductions in ``language``.
    """
    rng = random.Random(f"{seed}-visits-{branch}-{period}")
    first, last = _first_day(period, checklists), period_end(period)
    days = (last - first).days
    outlets = [o for o in bank.orgs if o.type == "网点" and o.code[:2] == branch[:2]]
    tellers: dict[str, list[str]] = {}
    for person in bank.rosters.get(branch, []):
        if person.post == "柜员":
            tellers.setdefault(person.org_code, []).append(person.staff_no)
    codes, weights = list(MODULE_WEIGHTS), list(MODULE_WEIGHTS.values())
    rows: list[dict] = []
    seq = 0
    for outlet in outlets:
        quality = random.Random(f"{seed}-quality-{outlet.code}").uniform(0.78, 0.97)
        weak = random.Random(f"{seed}-weak-{outlet.code}").random()  # which items it keeps losing
        for _ in range(visits):
            seq += 1
            visit_no = f"MS{period}-{branch[:2]}-{seq:04d}"
            date = first + dt.timedelta(days=rng.randint(0, days))
            checklist = checklist_in_force(checklists, date)
            module = checklist.module(rng.choices(codes, weights)[0]) if checklist else None
            if module is None:
                continue
            for n, item in enumerate(module.items):
                applies = not (module.code in ("ZZ", "DH") and not item.critical and rng.random() < 0.03)
                chance = (1 - quality) / (4 if item.critical else 1) * (1.8 if (n + int(weak * 10)) % 5 == 0 else 0.9)
                score: object = item.points
                reason = staff = None
                if not applies:
                    score = "不适用"
                elif rng.random() < chance:
                    lost = rng.randint(1, max(1, int(item.points)))
                    score = max(0.0, item.points - lost)
                    reason = typed(language, f"未做到：{item.text[:14]}", f"Not done: {item.shown_text('en')[:40]}")
                    if module.code == "GM" and tellers.get(outlet.code):
                        staff = rng.choice(tellers[outlet.code])
                rows.append({"seq": len(rows) + 1, "visit_no": visit_no, "outlet": outlet.code, "visit_date": date,
                             "module": module.name, "item_code": item.code, "item_text": item.text,
                             "points": item.points, "score": score, "reason": reason, "staff_no": staff, "note": None})
    return rows


def complaint_rows(bank: SyntheticBank, branch: str, period: str, rules: ComplaintRules, *, seed: int = 2007,
                   language: str = "zh") -> list[dict]:
    """The rows of ``branch``'s complaint register for ``period`` (§9.1): about one complaint for
    every three outlets a quarter, nine in ten 客户投诉 against an outlet, the rest 内部投诉 against a
    head-office department; most valid and closed within their class's days, some late, a few
    still open near the quarter's end. Deterministic per branch and quarter; summaries, results and
    notes in ``language``."""
    rng = random.Random(f"{seed}-complaints-{branch}-{period}")
    first, last = period_start(period), period_end(period)
    outlets = [o for o in bank.orgs if o.type == "网点" and o.code[:2] == branch[:2]]
    departments = [o for o in bank.orgs if o.type == "总行部门"]
    customer = [c for c in rules.deadline_classes if c.applies_to == "客户投诉"]
    internal = next((c for c in rules.deadline_classes if c.applies_to == "内部投诉"), None)
    count = max(1, round(len(outlets) / 3 * rng.uniform(0.7, 1.3)))
    rows = []
    for n in range(1, count + 1):
        received = first + dt.timedelta(days=rng.randint(0, (last - first).days))
        is_internal = internal is not None and departments and rng.random() < 0.1
        if is_internal:
            target, deadline = rng.choice(departments).code, internal
        else:
            target = rng.choice(outlets).code
            deadline = rng.choices(customer, _weights(len(customer), (0.8, 0.17, 0.03)))[0]
        # an extension's approval is recognised by its words (审批/批准, DESIGN §9.1), so the English
        # note quotes them
        note = typed(language, "延期审批已批准", "Extension approved (延期审批)") if deadline.needs_approval else None
        late = rng.random() < 0.12
        days = rng.randint(deadline.days + 1, deadline.days + 20) if late else rng.randint(1, deadline.days)
        closed = received + dt.timedelta(days=days)
        if closed > last + dt.timedelta(days=20):  # still open when the register was sent
            closed = None
        rows.append({
            "seq": n, "number": f"TS{period}{branch[:2]}{n:04d}", "category": "内部投诉" if is_internal else "客户投诉",
            "received": received,
            "channel": rng.choices(rules.channels, _weights(len(rules.channels), (0.4, 0.3, 0.05, 0.15, 0.05, 0.05)))[0],
            "business_type": rng.choice(rules.business_types), "cause": rng.choices(
                rules.causes, [max(1, 13 - i) for i in range(len(rules.causes))])[0],
            "target": target, "staff_no": None, "summary": typed(language, "客户反映办理业务时遇到的问题",
                                                            "Customer reports a problem with a transaction"),
            "valid": "是" if rng.random() < 0.85 else "否", "complexity": deadline.name, "closed": closed,
            "result": typed(language, "已答复客户", "Customer answered") if closed else None, "note": note,
        })
    return rows


def appeal_rows(visits: list[dict], count: int, *, seed: int = 2007, language: str = "zh") -> list[dict]:
    """``count`` appeals on deductions of a delivery (one per visit × item, §8.3), reasons in ``language``."""
    rng = random.Random(f"{seed}-appeals-{visits[0]['visit_no'] if visits else ''}")
    lost = [r for r in visits if isinstance(r["score"], float) and r["score"] < r["points"]]
    chosen = rng.sample(lost, min(count, len(lost)))
    return [{"seq": n, "visit_no": r["visit_no"], "item_code": r["item_code"],
             "reason": typed(language, "网点提供录像，当时已按规范操作",
                             "The outlet's video shows the norm was followed"),
             "contact": typed(language, "服务质量联系人", "Service-quality contact")} for n, r in enumerate(chosen, start=1)]


def feedback_rows(actions: Sequence, until: dt.date, *, seed: int = 2007,
                  language: str = "zh") -> tuple[list[dict], dict[str, dt.date]]:
    """A branch's filled 整改反馈表 (§8.5) for its open ``actions`` due by ``until``: seven in ten
    completed by their due date, one in seven late, the rest not yet; and the day the head office
    verifies each completed one (a few days later, not after ``until``). Returns (rows, number →
    verification day). Measures and results in ``language``."""
    rows, verify = [], {}
    for action in actions:
        if action.due > until:
            continue
        rng = random.Random(f"{seed}-feedback-{action.number}")
        draw = rng.random()
        if draw < 0.7:
            completed = action.due - dt.timedelta(days=rng.randint(0, 25))
        elif draw < 0.85:
            completed = action.due + dt.timedelta(days=rng.randint(1, 30))
        else:
            continue
        if completed > until:
            continue
        rows.append({"seq": len(rows) + 1, "number": action.number, "org": action.org, "source": None,
                     "description": action.description, "type": None, "due": action.due,
                     "measures": typed(language, "组织网点学习服务规范，逐项对照整改并复查",
                                       "Outlet staff studied the norm, corrected item by item, checked again"),
                     "responsible": typed(language, "网点负责人", "Outlet manager"),
                     "completed": completed, "result": typed(language, "已整改，复查合格", "Corrected; re-check passed")})
        verify[action.number] = min(until, completed + dt.timedelta(days=rng.randint(2, 10)))
    return rows, verify


def _feedback(ctx: DemoContext, until: dt.date) -> None:
    """Each branch reports on its open actions due by ``until``; the head office verifies them."""
    services, actor, bank = ctx.services, ctx.actor, ctx.bank
    paths, verify = [], {}
    for branch in bank.branch_codes:
        rows, days = feedback_rows(services.capa.open_actions(actor, branch), until, language=ctx.language)
        if rows:
            paths.append(write_kind(ctx.folder / f"{DEMO_FILE_PREFIX}feedback_{branch}_{ctx.period}.xlsx",
                                    "capa_feedback", branch, bank.org_name(branch), ctx.period, rows))
            verify.update(days)
    if paths:
        ctx.import_files(paths)
    for number, day in sorted(verify.items()):
        services.capa.verify(actor, number, random.Random(f"verify-{number}").random() >= 0.05, on=day)


def step_monitoring(ctx: DemoContext) -> None:
    """Write and import a year of mystery-visit deliveries and complaint registers, finalise the
    quarters before the demo period, and file a few appeals on the demo period's deductions."""
    services, actor, bank = ctx.services, ctx.actor, ctx.bank
    checklists = [c for _id, c in services.monitoring.checklists(actor)]
    rules = services.complaints.rules(actor)
    plan = visit_plan(ctx.period, checklists)
    steps = len(plan) * 2 + 1
    for index, (period, visits) in enumerate(plan.items()):
        if ctx.cancelled:
            return
        if ctx.progress:
            ctx.progress(2 * index, steps, period)
        paths: list[Path] = []
        appeals: list[Path] = []
        for branch in bank.branch_codes:
            name = bank.org_name(branch)
            rows = visit_rows(bank, branch, period, checklists, visits, language=ctx.language)
            paths.append(write_kind(ctx.folder / f"{DEMO_FILE_PREFIX}mystery_{branch}_{period}.xlsx", "mystery_visit",
                                    branch, name, period, rows))
            paths.append(write_kind(ctx.folder / f"{DEMO_FILE_PREFIX}complaints_{branch}_{period}.xlsx", "complaints",
                                    branch, name, period, complaint_rows(bank, branch, period, rules, language=ctx.language)))
            if period == ctx.period:
                filed = appeal_rows(rows, APPEALS_PER_BRANCH, language=ctx.language)
                if filed:
                    appeals.append(write_kind(ctx.folder / f"{DEMO_FILE_PREFIX}mystery_appeal_{branch}_{period}.xlsx",
                                              "mystery_appeal", branch, name, period, filed))
        if ctx.progress:
            ctx.progress(2 * index + 1, steps, msg("demo.step.monitoring"))
        ctx.import_files(paths + appeals)
        if period != ctx.period:
            services.monitoring.finalise(actor, period)
    if ctx.progress:
        ctx.progress(steps - 1, steps, msg("demo.step.feedback"))
    if not ctx.cancelled:
        _feedback(ctx, period_end(ctx.period))


__all__ = ["APPEALS_PER_BRANCH", "VISITS_A_YEAR", "appeal_rows", "complaint_rows", "feedback_rows", "step_monitoring",
           "visit_plan", "visit_rows"]
