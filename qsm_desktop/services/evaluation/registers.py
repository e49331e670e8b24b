"""Indicator values from the improvement loop's registers (登记数据取数) — DESIGN §4, §8.2, §8.5, §9.2.

For a quarter and the evaluated units, :func:`register_values` reads, in one pass per register:

- **mystery visits**: the frozen scores of a *finalised* quarter (``mystery_scores``); a quarter
  not finalised gives nothing (its scores are provisional), and the sentence says so;
- **complaints**: the §9.2 figures as of the quarter's last day — a branch's subtree's 客户投诉 for a
  branch that *sent its register* for the quarter; for a head-office department, the 内部投诉
  against it once any branch sent one;
- **actions**: the §8.5 figures as of the quarter's last day over the actions owned in the unit's
  subtree (nothing when none is due by then).

Each value carries the sentence naming its source (the explanation's origin). Which figure an
indicator takes is the domain's (:func:`~qsm_desktop.domain.indicators.register_figure_for`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qsm_desktop.domain.capa import action_figures
from qsm_desktop.domain.i18n import local, register
from qsm_desktop.domain.indicators.numbers import fmt_number
from qsm_desktop.domain.indicators.registers import CAPA, COMPLAINTS, MYSTERY_VISITS, RegisterFigure
from qsm_desktop.services.capa import actions_in
from qsm_desktop.services.complaints import unit_figures
from qsm_desktop.services.complaints.register import cases_of
from qsm_desktop.services.improvement import DEPARTMENT_TYPE, finalised, load_orgs
from qsm_desktop.store.models import BatchStatus, ImportBatch
from qsm_desktop.store.models.monitoring import MysteryScore, MysteryVisit

register({
    "eval.origin.mystery": ("神秘访客检查{period}（已定稿）：{visits} 次暗访、{outlets} 个网点的得分",
                            "mystery visits {period} (final): the score over {visits} {visits:visit|visits} at {outlets} {outlets:outlet|outlets}"),
    "eval.origin.complaints.valid": ("投诉登记{period}（截至 {date}）：有效投诉 {valid} 件（受理 {received} 件）",
                                     "complaint register {period} (as of {date}): {valid} valid of {received} received"),
    "eval.origin.complaints.received": ("投诉登记{period}（截至 {date}）：受理投诉 {received} 件",
                                        "complaint register {period} (as of {date}): {received} received"),
    "eval.origin.complaints.regulator": ("投诉登记{period}（截至 {date}）：监管转送的有效投诉 {regulator} 件",
                                         "complaint register {period} (as of {date}): {regulator} valid passed on by the regulator"),
    "eval.origin.complaints.overdue": ("投诉登记{period}（截至 {date}）：逾期 {overdue} 件",
                                       "complaint register {period} (as of {date}): {overdue} overdue"),
    "eval.origin.complaints.on_time_rate": (
        "投诉登记{period}（截至 {date}）：按时办结 {on_time} 件 ÷（有效 {valid} 件 − 未到期 {pending} 件）",
        "complaint register {period} (as of {date}): {on_time} closed on time ÷ ({valid} valid − {pending} pending)"),
    "eval.origin.capa.on_time_rate": ("纠正预防措施登记（截至 {date}）：按期完成 {on_time} 项 ÷ 到期 {due} 项",
                                      "corrective and preventive actions (as of {date}): {on_time} on time ÷ {due} due"),
    "eval.origin.capa.overdue": ("纠正预防措施登记（截至 {date}）：到期 {due} 项中逾期 {overdue} 项",
                                 "corrective and preventive actions (as of {date}): {overdue} overdue of {due} due"),
    "eval.origin.reported": ("；季度报表填报 {value}（{where}）", "; the quarterly return typed {value} ({where})"),
    "eval.origin.reported_differs": ("；季度报表填报 {value}（{where}），与登记数据不一致",
                                     "; the quarterly return typed {value} ({where}) — differs from the register"),
    "eval.missing.mystery_provisional": ("{period}神秘访客检查尚未定稿（得分为暂定）",
                                         "the mystery visits of {period} are not finalised (scores provisional)"),
    "eval.missing.mystery_none": ("{period}没有神秘访客检查结果", "no mystery-visit results for {period}"),
    "eval.missing.complaints": ("未报送{period}投诉登记", "no complaint register for {period}"),
    "eval.missing.complaints_rate": ("{period}没有已办结或已逾期的有效投诉（截至 {date}），无法计算及时率",
                                     "no valid complaint of {period} closed or overdue by {date}: no on-time rate"),
    "eval.missing.capa": ("截至 {date} 没有到期的纠正预防措施，无法计算按期完成率",
                          "no corrective or preventive action due by {date}: no on-time rate"),
})


@dataclass(frozen=True)
class RegisterValue:
    """What a register gives one unit for one figure: ``value`` (``None`` when it has nothing) with
    the sentence naming its source (``origin``), or the sentence saying why there is none
    (``missing``)."""

    value: float | None
    origin: str = ""
    missing: str = ""


@dataclass(frozen=True)
class RegisterValues:
    """The register figures of a quarter, per (unit code, figure key); :meth:`get` for one."""

    period: str
    as_of: dt.date
    values: dict[tuple[str, tuple[str, str]], RegisterValue]

    def get(self, unit_code: str, figure: RegisterFigure) -> RegisterValue:
        """What ``figure``'s register gives ``unit_code`` (``value`` ``None`` when nothing)."""
        return self.values.get((unit_code, figure.key), RegisterValue(None))


def reported_suffix(register_value: float, reported: float | None, where: str, differs: bool) -> str:
    """The origin's tail showing the quarterly return's typed value beside the register's (and
    saying when they differ); ``""`` when nothing was typed."""
    if reported is None:
        return ""
    key = "eval.origin.reported_differs" if differs else "eval.origin.reported"
    return local(key, value=fmt_number(reported), where=where)


def _mystery(session: Session, period: str, codes: set[str], orgs) -> dict[str, RegisterValue]:
    by_id = {o.id: o for o in orgs.values()}
    if finalised(session, period) is None:
        visited = {by_id[b].code for b in session.scalars(
            select(MysteryVisit.branch_id).where(MysteryVisit.period == period).distinct())}
        key = "eval.missing.mystery_provisional"
        return {code: RegisterValue(None, missing=local(key if code in visited else "eval.missing.mystery_none",
                                                      period=period)) for code in codes}
    out = {}
    for row in session.scalars(select(MysteryScore).where(MysteryScore.period == period)):
        code = by_id[row.org_unit_id].code
        if code in codes and row.score is not None:
            out[code] = RegisterValue(row.score, local("eval.origin.mystery", period=period, visits=row.visits,
                                                     outlets=row.outlets))
    for code in codes - set(out):
        out[code] = RegisterValue(None, missing=local("eval.missing.mystery_none", period=period))
    return out


def _complaints(session: Session, period: str, as_of: dt.date, codes: set[str], keys: set[str], orgs
                ) -> dict[tuple[str, str], RegisterValue]:
    sent = set(session.scalars(select(ImportBatch.org_code).where(
        ImportBatch.kind == COMPLAINTS, ImportBatch.period == period, ImportBatch.status == BatchStatus.IMPORTED)))
    out: dict[tuple[str, str], RegisterValue] = {}
    cases = cases_of(session, period, orgs) if sent else []
    date = as_of.isoformat()
    for code in codes:
        info = orgs.get(code)
        has_register = bool(sent) if info is not None and info.type == DEPARTMENT_TYPE else code in sent
        if info is None or not has_register:
            for key in keys:
                out[(code, key)] = RegisterValue(None, missing=local("eval.missing.complaints", period=period))
            continue
        figures = unit_figures(info, cases, orgs, as_of)
        for key in keys:
            value = getattr(figures, key)
            if value is None:
                out[(code, key)] = RegisterValue(None, missing=local("eval.missing.complaints_rate", period=period,
                                                                   date=date))
                continue
            origin = local(f"eval.origin.complaints.{key}", period=period, date=date, **figures.to_json())
            out[(code, key)] = RegisterValue(float(value), origin)
    return out


def _capa(session: Session, as_of: dt.date, codes: set[str], keys: set[str], orgs) -> dict[tuple[str, str], RegisterValue]:
    actions = actions_in(session, orgs)
    out: dict[tuple[str, str], RegisterValue] = {}
    date = as_of.isoformat()
    for code in codes:
        info = orgs.get(code)
        mine = [a.state for a in actions if info is not None and f"/{code}/" in orgs[a.org].path]
        figures = action_figures(mine, as_of)
        for key in keys:
            if not figures.due:
                out[(code, key)] = RegisterValue(None, missing=local("eval.missing.capa", date=date))
                continue
            value = getattr(figures, key)
            out[(code, key)] = RegisterValue(float(value), local(f"eval.origin.capa.{key}", date=date,
                                                               **figures.to_json()))
    return out


def register_values(session: Session, period: str, as_of: dt.date, unit_codes: Sequence[str],
                    figures: Iterable[RegisterFigure]) -> RegisterValues:
    """The ``figures`` of every unit in ``unit_codes`` for quarter ``period`` (``2007Q4``), as of
    ``as_of`` (the quarter's last day), read in one pass per register. Read-only."""
    wanted = {f.key for f in figures}
    codes = set(unit_codes)
    values: dict[tuple[str, tuple[str, str]], RegisterValue] = {}
    if not wanted or not codes:
        return RegisterValues(period, as_of, values)
    orgs = load_orgs(session)
    if (MYSTERY_VISITS, "score") in wanted and session.scalar(
            select(func.count()).select_from(MysteryVisit).where(MysteryVisit.period == period)):
        for code, value in _mystery(session, period, codes, orgs).items():
            values[(code, (MYSTERY_VISITS, "score"))] = value
    elif (MYSTERY_VISITS, "score") in wanted:
        for code in codes:
            values[(code, (MYSTERY_VISITS, "score"))] = RegisterValue(
                None, missing=local("eval.missing.mystery_none", period=period))
    complaint_keys = {k for s, k in wanted if s == COMPLAINTS}
    if complaint_keys:
        for (code, key), value in _complaints(session, period, as_of, codes, complaint_keys, orgs).items():
            values[(code, (COMPLAINTS, key))] = value
    capa_keys = {k for s, k in wanted if s == CAPA}
    if capa_keys:
        for (code, key), value in _capa(session, as_of, codes, capa_keys, orgs).items():
            values[(code, (CAPA, key))] = value
    return RegisterValues(period, as_of, values)


__all__ = ["RegisterValue", "RegisterValues", "register_values", "reported_suffix"]
