"""The quarterly monitoring report's data (季度服务质量监测报告数据) — issue 13 Deliver 7, DESIGN §8, §9.

:func:`report_data_in` gathers, for a quarter and a scope (the bank, or one branch), what
:mod:`qsm_desktop.reports.monitoring_pdf` prints, read-only in one session:

- scores (§8.2): frozen once the quarter is finalised, else provisional with the decisions so far
  (:func:`~.scores.scores_of`) — the scope's, and the branches' (bank) or the outlets' (branch);
  per module, the mean of the visits' scores of that module (half-up, 2 decimals);
- the checklist items that lost points most often (upheld appeals applied), with points lost;
- customer complaints of the quarter in the scope by cause (Pareto), the §9.2 figures of the scope
  and of each line as of the report's date, and the branches that sent no register;
- the §8.5 figures of the actions owned in the scope as of that date, per line, and the overdue
  actions (most overdue first) — only the actions raised in the quarter or earlier and not closed
  before it began (:func:`~qsm_desktop.domain.capa.in_quarter_report`).

The report's date (:func:`default_as_of`) is the quarter's last day once the quarter is over, so a
report of a past quarter counts days late to its end rather than to the day it is printed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qsm_desktop.domain.capa import action_figures, in_quarter_report
from qsm_desktop.domain.complaints import CUSTOMER, complaint_figures
from qsm_desktop.domain.monitoring.appeals import AppealStatus
from qsm_desktop.domain.monitoring.scoring import mean_rounded
from qsm_desktop.domain.normalise import period_end
from qsm_desktop.reports.monitoring_pdf.data import (
    ActionLine,
    CauseLine,
    ComplaintLine,
    LostItemLine,
    ModuleInfo,
    MonitoringReportData,
    OverdueAction,
    ScoreLine,
)
from qsm_desktop.services.capa import actions_in
from qsm_desktop.services.complaints.register import cases_of
from qsm_desktop.services.import_handlers import OrgInfo
from qsm_desktop.services.improvement import BANK_TYPE, BRANCH_TYPE, OUTLET_TYPE, finalised
from qsm_desktop.services.monitoring.checklists import checklists_in
from qsm_desktop.services.monitoring.scores import quarter_visits, scores_of
from qsm_desktop.store.models import BatchStatus, ImportBatch
from qsm_desktop.store.models.monitoring import MysteryAppeal, MysteryVisit

__all__ = ["LOST_ITEMS_SHOWN", "OVERDUE_SHOWN", "default_as_of", "report_data_in"]

LOST_ITEMS_SHOWN = 15
"""How many of the most-lost checklist items the report lists."""
OVERDUE_SHOWN = {"总行": 40, "分行": 200}
"""How many overdue actions a report lists (the bank's: the most overdue; a branch's: nearly all)."""


def default_as_of(period: str, today: dt.date | None = None) -> dt.date:
    """The date a quarter's monitoring report counts its complaint and action figures to when none
    is given (``qsm report monitoring`` without ``--as-of``): the quarter's last day once it is
    over, else ``today`` (default: the clock's). ``period``: a quarter (``"2007Q4"``). As the
    evaluation takes the registers' figures as of the quarter's last day (DESIGN §8.5, §9.2: the
    figures are "as of a date"), a report of 2007Q4 printed in 2026 says what stood at 2007-12-31,
    not "6855 days late". Raises :class:`ValueError` for a period that is not one."""
    today = today or dt.date.today()
    return min(period_end(period), today)


def _inside(orgs: dict[str, OrgInfo], code: str, root: OrgInfo) -> bool:
    info = orgs.get(code)
    return info is not None and f"/{root.code}/" in info.path


def _line_of(orgs: dict[str, OrgInfo], code: str, line_codes: set[str]) -> str | None:
    """The line (a branch, or an outlet) whose subtree holds ``code``."""
    current = orgs.get(code)
    while current is not None:
        if current.code in line_codes:
            return current.code
        current = orgs.get(current.parent_code) if current.parent_code else None
    return None


def _modules(session: Session) -> tuple[tuple[ModuleInfo, ...], dict[str, tuple]]:
    """The modules in checklist order (newest edition first for names) and item code → (module
    name, text, dimension, critical, points)."""
    modules: dict[str, ModuleInfo] = {}
    items: dict[str, tuple] = {}
    for _id, checklist in sorted(checklists_in(session), key=lambda c: c[1].effective_from, reverse=True):
        for module in checklist.modules:
            modules.setdefault(module.code, ModuleInfo(module.code, module.name))
            for item in module.items:
                items.setdefault(item.code, (module.name, item.text, item.dimension, item.critical, item.points))
    return tuple(modules.values()), items


def report_data_in(session: Session, period: str, orgs: dict[str, OrgInfo], root: OrgInfo, as_of: dt.date, *,
                   generated_on: dt.date | None = None, issuer: str = "服务质量管理办公室") -> MonitoringReportData:
    """The report of quarter ``period`` (canonical, ``"2007Q4"``) for ``root`` (the head office: the
    bank-wide report, lines are the branches; a branch: its outlets), complaint and action figures
    as of ``as_of`` (a ``datetime.date``; :func:`default_as_of` when the user gave none).

    Complaints (§9.2): ``complaints.sent`` is false when no branch of the bank (the bank's report)
    or the branch itself (a branch's report) sent its complaint register for the quarter — the
    report then prints "—", not 0. Actions (§8.5): those owned in the subtree for which
    :func:`~qsm_desktop.domain.capa.in_quarter_report` holds. The caller checks the actor may read
    ``root``'s subtree."""
    bank = root.type == BANK_TYPE
    record = finalised(session, period)
    report = scores_of(session, period, orgs, root)
    line_type = BRANCH_TYPE if bank else OUTLET_TYPE
    units = {u.code: u for u in report.units}
    scope = units.get(root.code)
    line_codes = sorted(code for code, info in orgs.items()
                        if info.type == line_type and _inside(orgs, code, root) and info.code != root.code)
    module_infos, item_info = _modules(session)

    # visits in the scope with their module; module means per line and for the scope
    visits = quarter_visits(session, period, orgs)
    module_of = dict(session.execute(select(MysteryVisit.visit_no, MysteryVisit.module_code)
                                     .where(MysteryVisit.period == period)).all())
    line_set = set(line_codes)
    by_line_module: dict[tuple[str, str], list[float]] = defaultdict(list)
    by_module: dict[str, list[float]] = defaultdict(list)
    checked: Counter[str] = Counter()
    lost: Counter[str] = Counter()
    points_lost: dict[str, float] = defaultdict(float)
    for visit in visits.visits.values():
        if not _inside(orgs, visit.outlet, root):
            continue
        module = module_of.get(visit.visit_no, "")
        score = visit.score
        if score is not None:
            by_module[module].append(score)
            line = _line_of(orgs, visit.outlet, line_set)
            if line is not None:
                by_line_module[(line, module)].append(score)
        for item in visit.items:
            if not item.applicable:
                continue
            checked[item.code] += 1
            if item.lost:
                lost[item.code] += 1
                points_lost[item.code] += item.points - item.score  # type: ignore[operator]
    codes = [m.code for m in module_infos]
    lines = []
    for code in line_codes:
        info, shown = orgs[code], units.get(code)
        if shown is None or shown.visits == 0:
            continue
        lines.append(ScoreLine(code, info.name, shown.visits, shown.outlets, shown.score,
                               tuple(mean_rounded(by_line_module.get((code, m), ())) for m in codes)))
    lines.sort(key=lambda line: (line.score is None, -(line.score or 0.0), line.code))
    lost_items = []
    for code in sorted(lost, key=lambda c: (-lost[c], -points_lost[c], c))[:LOST_ITEMS_SHOWN]:
        module, text, dimension, critical, points = item_info.get(code, ("", "", "", False, 0.0))
        lost_items.append(LostItemLine(code, text, module, dimension, critical, points, checked[code], lost[code],
                                       round(points_lost[code], 2)))

    # complaints of the quarter in the scope (customer complaints against units of the subtree)
    cases = [c for c in cases_of(session, period, orgs) if c.category == CUSTOMER and _inside(orgs, c.target, root)]
    sent = set(session.scalars(select(ImportBatch.org_code).where(
        ImportBatch.kind == "complaints", ImportBatch.period == period, ImportBatch.status == BatchStatus.IMPORTED)))
    received_by: Counter[str] = Counter(c.cause for c in cases if c.received <= as_of)
    valid_by: Counter[str] = Counter(c.cause for c in cases if c.valid and c.received <= as_of)
    causes = tuple(CauseLine(cause, received_by[cause], valid_by[cause])
                   for cause in sorted(received_by, key=lambda k: (-valid_by[k], -received_by[k], k)))
    # the register has data for the scope when the bank's branches sent any, or the branch its own
    # (an outlet has no register of its own: its branch's); none → "—", never 0 (no complaints)
    scope_sent = bool(sent & set(line_codes)) if bank else root.code in sent
    complaint_lines = []
    for code in line_codes:
        mine = [c for c in cases if _inside(orgs, c.target, orgs[code])]
        has_register = code in sent if bank else scope_sent
        if bank or mine:
            complaint_lines.append(ComplaintLine(code, orgs[code].name, complaint_figures(mine, as_of), has_register))
    # the scope's own (a branch itself, a head-office department): a line of its own, so the lines add up to
    # the headline (user trial: a branch's report listed 4 of its 5 open actions, the branch's own missing)
    own_cases = [c for c in cases if _line_of(orgs, c.target, line_set) is None]
    if own_cases:
        complaint_lines.append(ComplaintLine(root.code, root.name, complaint_figures(own_cases, as_of), scope_sent))
    no_register = tuple(orgs[c].name for c in line_codes if bank and c not in sent)

    # actions owned in the scope raised in the quarter or earlier and not closed before it began
    # (domain.capa.in_quarter_report); §8.5 figures as of the date
    actions = [a for a in actions_in(session, orgs, root=root) if in_quarter_report(a.period, a.state, period)]
    action_lines = []
    for code in line_codes:
        mine = [a.state for a in actions if _inside(orgs, a.org, orgs[code])]
        if mine or bank:
            action_lines.append(ActionLine(code, orgs[code].name, action_figures(mine, as_of)))
    own_actions = [a.state for a in actions if _line_of(orgs, a.org, line_set) is None]
    if own_actions:  # owned by the scope itself (the branch, the head office's departments)
        action_lines.append(ActionLine(root.code, root.name, action_figures(own_actions, as_of)))
    overdue_all = [a for a in actions if a.state.is_due(as_of) and not a.state.on_time(as_of)]
    overdue = []
    for a in overdue_all:
        end = a.completed if a.completed is not None and a.completed <= as_of else as_of
        overdue.append(OverdueAction(a.number, a.org, a.org_name, a.reason, a.type, a.description, a.due, a.status,
                                     a.completed, max(0, (end - a.due).days)))
    overdue.sort(key=lambda o: (-o.days_late, o.number))
    open_appeals = session.scalar(select(func.count()).select_from(MysteryAppeal).where(
        MysteryAppeal.period == period, MysteryAppeal.status == AppealStatus.OPEN.value)) or 0
    return MonitoringReportData(
        period=period, final=record is not None, scope_code=root.code, scope_name=root.name, scope_type=root.type,
        score=scope.score if scope else None, visits=scope.visits if scope else 0, outlets=scope.outlets if scope else 0,
        modules=module_infos, scope_modules=tuple(mean_rounded(by_module.get(m, ())) for m in codes),
        lines=tuple(lines), lost_items=tuple(lost_items), causes=causes,
        complaints=ComplaintLine(root.code, root.name, complaint_figures(cases, as_of), scope_sent),
        complaint_lines=tuple(complaint_lines),
        actions=ActionLine(root.code, root.name, action_figures([a.state for a in actions], as_of)),
        action_lines=tuple(action_lines), overdue=tuple(overdue[:OVERDUE_SHOWN.get(root.type, 200)]),
        overdue_total=len(overdue), as_of=as_of, generated_on=generated_on or dt.date.today(),
        finalised_at=record.finalised_at if record else None, finalised_by=record.finalised_by if record else None,
        open_appeals=open_appeals, no_register=no_register, issuer=issuer)
