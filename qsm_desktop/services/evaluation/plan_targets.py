"""Plan targets (规划目标看板) — each target of the bank's service-quality plan with the actual for a
year, the gap, the quarterly trend and a status colour — DESIGN §1.

The targets are ``plan_targets`` (``reference/plan_targets.toml``, as edited). An actual comes
from the stored indicator values (B01–B04: mean, sum or cumulative over the branches), from the
certification register (the rates of a post category) or from the showcase register (全国级
titles held); a target without a data source is shown grey ("no data").
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.domain.indicators import UNIT_TYPE_BRANCH
from qsm_desktop.domain.normalise import period_end
from qsm_desktop.domain.posts import CERT_RATE_METRIC
from qsm_desktop.services.context import Actor
from qsm_desktop.services.evaluation.common import mean, quarters_of
from qsm_desktop.services.evaluation.dtos import PlanTargetStatus
from qsm_desktop.store.models import OrgStatus, OrgUnit, PlanTarget
from qsm_desktop.store.models.evaluation import IndicatorValue

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services
    from qsm_desktop.services.evaluation import EvaluationService

register({
    "eval.plan.no_data": ("无数据来源", "no data source"),
    "eval.plan.branches_met": ("{met}/{total} 家分行达标", "{met} of {total} branches on target"),
    "eval.plan.mean_note": ("各分行平均", "mean over branches"),
    "eval.plan.sum_note": ("各分行合计", "sum over branches"),
    "eval.plan.cumulative_note": ("各分行累计", "cumulative over branches"),
    "eval.plan.register_note": ("全行，截至 {date}", "whole bank at {date}"),
})


_INDICATOR_METRICS = {"self_service_uptime": ("B01", "mean"), "pos_success_local_rank": ("B02", "mean"),
                      "online_banking_share": ("B03", "mean"), "wealth_centres_new": ("B04", "sum"),
                      "wealth_centres_total": ("B04", "cumulative")}
"""Plan metrics measured on a quarterly indicator: metric → (indicator code, how the branches combine)."""


class PlanTargets:
    """The plan-target dashboard of ``services.evaluation`` (规划目标看板)."""

    def __init__(self, services: Services, evaluation: EvaluationService) -> None:
        self._services = services
        self._evaluation = evaluation

    def plan_dashboard(self, actor: Actor, year: int) -> list[PlanTargetStatus]:
        """Every plan target (reference/plan_targets.toml, as edited) with the actual for ``year``,
        the gap, the quarterly trend and a status colour (规划目标看板, DESIGN §1)."""
        with self._services.read() as session:
            targets = session.execute(select(PlanTarget).order_by(PlanTarget.id)).scalars().all()
            values = session.execute(
                select(IndicatorValue.period, IndicatorValue.indicator_code, IndicatorValue.value, OrgUnit.code)
                .join(OrgUnit, OrgUnit.id == IndicatorValue.org_unit_id)
                .where(IndicatorValue.indicator_code.in_(("B01", "B02", "B03", "B04")))
            ).all()
            branch_count = session.scalar(select(func.count()).select_from(OrgUnit).where(
                OrgUnit.type == UNIT_TYPE_BRANCH, OrgUnit.status != OrgStatus.CLOSED.value)) or 0
        by_metric: dict[str, list[PlanTarget]] = defaultdict(list)
        for t in targets:
            by_metric[t.metric].append(t)
        per_code: dict[str, dict[str, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))
        for p, code, value, org in values:
            per_code[code][p][org] = value
        out = []
        for metric, rows in by_metric.items():
            rows.sort(key=lambda t: t.year)
            first = rows[0]
            in_force = [t for t in rows if t.year <= year]
            target_row = in_force[-1] if in_force else rows[0]
            final = rows[-1]
            actual, trend, note, detail = self._plan_actual(actor, metric, year, per_code, branch_count, first)
            measured = self._measured(metric)
            gap = None if actual is None else actual - target_row.value
            status = self._plan_status(first.direction, actual, target_row.value)
            if target_row.year > year and status != "met" and actual is not None:
                status = "not_due"  # a later year's target (e.g. 400 centres by 2009): not judged yet
            out.append(PlanTargetStatus(metric, first.name, first.unit, first.scope, first.direction, year,
                                        target_row.value, target_row.year, final.value, final.year, actual, gap,
                                        tuple(trend), status, note, detail, measured))
        return out

    @staticmethod
    def _measured(metric: str) -> str:
        """The level ``metric``'s actual is measured at (:attr:`PlanTargetStatus.measured`)."""
        how = _INDICATOR_METRICS.get(metric, (None, None))[1]
        if how == "mean":
            return "branch_mean"
        if how in ("sum", "cumulative"):
            return "branch_sum"
        if metric in CERT_RATE_METRIC.values() or metric == "national_showcase_units":
            return "bank"
        return ""

    @staticmethod
    def _plan_status(direction: str, actual: float | None, target: float | None) -> str:
        if actual is None or target is None:
            return "no_data"
        if direction == "lower":
            if actual <= target + 1e-9:
                return "met"
            return "near" if actual <= target * 1.1 + 1e-9 else "behind"
        if actual >= target - 1e-9:
            return "met"
        return "near" if actual >= target * 0.9 - 1e-9 else "behind"

    def _plan_actual(self, actor: Actor, metric: str, year: int, per_code, branch_count: int, target: PlanTarget):
        """(actual, trend [(period, value)], note, detail) of one metric for ``year``."""
        if metric in _INDICATOR_METRICS:
            code, how = _INDICATOR_METRICS[metric]
            periods = per_code.get(code, {})
            trend = []
            running = 0.0
            for p in sorted(periods):
                if int(p[:4]) > year:
                    break
                vals = list(periods[p].values())
                if how == "mean":
                    point = mean(vals)
                elif how == "sum":
                    point = math.fsum(vals)
                else:
                    running += math.fsum(vals)
                    point = running
                if int(p[:4]) == year or how == "cumulative":
                    trend.append((p, point))
            year_periods = [p for p in sorted(periods) if int(p[:4]) == year]
            if not year_periods:
                return None, trend, msg("eval.plan.no_data"), ""
            if how == "mean":
                latest = periods[year_periods[-1]]
                actual = mean(list(latest.values()))
                met = sum(1 for v in latest.values() if (v <= target.value if target.direction == "lower"
                                                          else v >= target.value))
                return actual, trend, msg("eval.plan.mean_note"), msg("eval.plan.branches_met", met=met, total=len(latest))
            if how == "sum":
                actual = math.fsum(v for p in year_periods for v in periods[p].values())
                trend = [(p, v) for p, v in zip(year_periods, (math.fsum(periods[p].values()) for p in year_periods))]
                running, cumulative = 0.0, []
                for p, v in trend:
                    running += v
                    cumulative.append((p, running))
                return actual, cumulative, msg("eval.plan.sum_note"), ""
            actual = math.fsum(v for p in periods if int(p[:4]) <= year for v in periods[p].values())
            return actual, trend, msg("eval.plan.cumulative_note"), ""
        category = next((c for c, m in CERT_RATE_METRIC.items() if m == metric), None)
        if category is not None:
            as_of = min(dt.date(year, 12, 31), dt.date.today())
            if as_of.year < year:
                return None, [], msg("eval.plan.no_data"), ""
            root = self._services.orgs.root_code(actor)
            trend = []
            for q in quarters_of(year):
                end = period_end(q)
                if end > as_of:
                    break
                rate = self._services.certification.rates(actor, end, root).categories[category].rate
                if rate is not None:
                    trend.append((q, rate))
            rates = self._services.certification.rates(actor, as_of, root).categories[category]
            by_branch = self._services.certification.rates_by_unit(actor, as_of)
            branches = self._branch_codes()
            branch_rates = [r.categories[category].rate for c, r in by_branch.items()
                            if r.categories[category].rate is not None and c in branches]
            met = sum(1 for r in branch_rates if r >= target.value)
            detail = msg("eval.plan.branches_met", met=met, total=len(branch_rates)) if branch_rates else ""
            return rates.rate, trend, msg("eval.plan.register_note", date=as_of.isoformat()), detail
        if metric == "national_showcase_units":
            end = min(dt.date(year, 12, 31), dt.date.today())
            if end.year < year:
                return None, [], msg("eval.plan.no_data"), ""
            trend = [(q, float(len(self._evaluation.held_awards(actor, period_end(q), ("全国级",)))))
                     for q in quarters_of(year) if period_end(q) <= end]
            count = len(self._evaluation.held_awards(actor, end, ("全国级",)))
            return float(count), trend, msg("eval.plan.register_note", date=end.isoformat()), ""
        return None, [], msg("eval.plan.no_data"), ""

    def _branch_codes(self) -> set[str]:
        with self._services.read() as session:
            return set(session.scalars(select(OrgUnit.code).where(OrgUnit.type == UNIT_TYPE_BRANCH)))


__all__ = ["PlanTargets"]
