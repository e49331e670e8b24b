"""Scores (评分) — computing a quarter's scores, drafts, publication (freezing) and the stored
results rebuilt with their explanations — DESIGN §4, §7 (``qsm evaluate``).

A computed quarter is stored as a draft (``evaluation_periods``, ``unit_scores``,
``indicator_scores``: each score keeps its value, origin and explanation); computing again
replaces the draft. Publishing freezes it: a published quarter is returned as stored and never
recomputed. A quarter with missing inputs is published only when explicitly accepted as
incomplete (the office's decision, recorded with a note).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select

from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.domain.i18n import load_text, msg, register, store_text
from qsm_desktop.domain.indicators import InputValue, UnitInput, score_period
from qsm_desktop.domain.normalise import period_label
from qsm_desktop.services.audit import audit
from qsm_desktop.services.context import Actor, in_scope
from qsm_desktop.services.evaluation.common import (
    MAX_PROBLEMS_SHOWN,
    previous_quarter,
    quarter,
    refuse_if_published,
    require_head_office,
)
from qsm_desktop.services.evaluation.dtos import EvaluationResult, MissingReturn, PeriodInfo, ValueSource
from qsm_desktop.store import indicator_systems as repo
from qsm_desktop.store.bulk import insert_many
from qsm_desktop.store.models import OrgUnit
from qsm_desktop.store.models.evaluation import (
    EvaluationPeriod,
    IndicatorScoreRecord,
    IndicatorSystemRecord,
    IndicatorValue,
    InternalServiceRating,
    PeriodStatus,
    UnitScoreRecord,
)

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services
    from qsm_desktop.services.evaluation import EvaluationService

log = logging.getLogger(__name__)

register({
    "eval.action.compute": ("计算综合评价得分", "compute evaluation scores"),
    "eval.action.publish": ("发布综合评价结果", "publish evaluation results"),
    "eval.not_computed": ("{period}尚未计算综合评价得分。请先计算。",
                          "Scores for {period} have not been computed yet. Compute them first."),
    "eval.incomplete": (
        "{period}的数据不完整，不能发布：\n{problems}\n请补齐数据后重新计算；或确认按不完整数据发布（命令行加 --accept-incomplete）。",
        "The data for {period} is incomplete; it cannot be published:\n{problems}\nComplete the data and "
        "compute again, or confirm publishing it incomplete (--accept-incomplete on the command line).",
    ),
    "eval.more_problems": ("……另有 {n} 项", "… and {n} more"),
    "eval.no_inputs": (
        "{period}还没有任何评价数据（季度报表、持证上岗、培训、内部服务评价等），不能计算综合评价——否则各单位都会是 0 分。"
        "请先在“报表”页导入该季度的报表，或核对所选季度。",
        "There is no evaluation data for {period} yet (quarterly returns, certification, training, internal "
        "service ratings…), so it cannot be evaluated — every unit would score 0. Import the quarter's returns on the "
        "Returns page first, or check the quarter chosen.",
    ),
})

_EPSILON = 1e-9

_STANDING_SOURCES = frozenset({"awards"})
"""Indicator sources that have a value in any quarter whether or not anything was reported for it
(the showcase titles held, 示范窗口称号登记): they alone do not make a quarter evaluable."""


def _origin_column(origin: str | None) -> str | None:
    """The stored form of a value's origin (both languages, :func:`store_text`), within the
    column's 1,000 characters — a longer one is kept as its text, cut."""
    stored = store_text(origin) if origin else None
    if stored is not None and len(stored) > 1000:
        stored = str(origin)[:1000]
    return stored or None


def _has_period_inputs(inputs) -> bool:
    """Whether any unit has a value for the quarter from a source other than the standing registers
    — a return, a roster, training records, a rating or a manual entry (issue 14: a quarter with no
    inputs is refused, not shown as every unit scoring 0)."""
    for unit in inputs.units:
        for code, value in unit.values.items():
            if value is None:
                continue
            try:
                source = inputs.system.indicator(code).source
            except KeyError:
                continue
            if source not in _STANDING_SOURCES:
                return True
    return False


class EvaluationScoring:
    """The scoring part of ``services.evaluation`` (评分): compute, store drafts, publish, read
    stored results and the list of computed periods."""

    def __init__(self, services: Services, evaluation: EvaluationService) -> None:
        self._services = services
        self._evaluation = evaluation

    def previous_totals(self, actor: Actor, period: str, *, compute: bool = True) -> dict[str, float]:
        """Unit code → total of the previous quarter: stored scores, else computed on the fly
        (not stored) when that quarter has inputs and ``compute``."""
        previous = previous_quarter(period)
        with self._services.read() as session:
            rows = session.execute(
                select(UnitScoreRecord.org_code, UnitScoreRecord.total).join(
                    EvaluationPeriod, EvaluationPeriod.id == UnitScoreRecord.period_id)
                .where(EvaluationPeriod.period == previous)
            ).all()
            if rows:
                return {code: total for code, total in rows}
            has_inputs = session.scalar(select(func.count()).select_from(IndicatorValue).where(
                IndicatorValue.period == previous)) or session.scalar(select(func.count()).select_from(
                    InternalServiceRating).where(InternalServiceRating.period == previous))
        if not compute or not has_inputs:
            return {}
        try:
            inputs = self._evaluation.gather(actor, previous)
        except InputRefused:
            return {}
        scored = score_period(inputs.system, previous, inputs.units)
        return {u.code: u.total for u in scored.units}

    def compute(self, actor: Actor, period: str, *, store: bool = True,
                progress: Callable[[int, int, str], None] | None = None) -> EvaluationResult:
        """Compute (and with ``store`` save as a draft) the scores of quarter ``period`` — DESIGN §4.

        A published period is frozen: its stored result is returned unchanged. Raises
        :class:`InputRefused` for a bad period, no system in force or a quarter without any input
        value (nothing imported or entered for it yet), :class:`PermissionDenied`
        for a reader or a branch-scoped actor when storing.
        """
        period = quarter(period)
        if store:
            require_head_office(self._services, actor, "eval.action.compute")
            existing = self._period_record(period)
            if existing is not None and existing.status == PeriodStatus.PUBLISHED:
                return self.scores(actor, period)
        if progress:
            progress(0, 3, period)
        inputs = self._evaluation.gather(actor, period)
        if not _has_period_inputs(inputs):
            raise InputRefused(msg("eval.no_inputs", period=period_label(period)))  # not a table of zeros (issue 14)
        if progress:
            progress(1, 3, period)
        previous = self.previous_totals(actor, period)
        scores = score_period(inputs.system, period, inputs.units, previous)
        complete = scores.complete and not inputs.missing
        now = dt.datetime.now().replace(microsecond=0)
        result = EvaluationResult(period, inputs.system_id, PeriodStatus.DRAFT, complete, False, now, actor.login,
                                  None, None, scores, inputs.missing, inputs.sources, versions=inputs.versions)
        if store:
            if progress:
                progress(2, 3, period)
            self._store(actor, result)
        if progress:
            progress(3, 3, period)
        return result

    def _period_record(self, period: str) -> EvaluationPeriod | None:
        with self._services.read() as session:
            return session.execute(select(EvaluationPeriod).where(EvaluationPeriod.period == period)).scalar_one_or_none()

    def _store(self, actor: Actor, result: EvaluationResult, *, publish: bool = False, note: str | None = None) -> None:
        """Replace the period's stored draft by ``result`` (one transaction), or publish it."""
        lang = "zh"
        missing: dict[str, list[dict]] = defaultdict(list)  # kept per unit: scoped like its result (DESIGN §6)
        for m in result.missing:
            missing[m.unit_code].append({"kind": m.kind, "message": store_text(m.message)})
        with self._services.unit_of_work() as session:
            record = session.execute(select(EvaluationPeriod).where(EvaluationPeriod.period == result.period)) \
                .scalar_one_or_none()
            if record is not None and record.status == PeriodStatus.PUBLISHED:
                refuse_if_published(session, result.period)
            ids = dict(session.execute(select(OrgUnit.code, OrgUnit.id)).all())
            if record is None:
                record = EvaluationPeriod(period=result.period, system_id=result.system_id, computed_by=actor.login,
                                          computed_at=result.computed_at, status=PeriodStatus.DRAFT,
                                          complete=result.complete, accepted_incomplete=False)
                session.add(record)
                session.flush()
            else:
                old_ids = select(UnitScoreRecord.id).where(UnitScoreRecord.period_id == record.id)
                session.execute(delete(IndicatorScoreRecord).where(IndicatorScoreRecord.unit_score_id.in_(old_ids)))
                session.execute(delete(UnitScoreRecord).where(UnitScoreRecord.period_id == record.id))
                record.system_id = result.system_id
                record.computed_by = actor.login
                record.computed_at = result.computed_at
            record.complete = result.complete
            record.accepted_incomplete = result.accepted_incomplete
            if publish:
                record.status = PeriodStatus.PUBLISHED
                record.published_by = actor.login
                record.published_at = dt.datetime.now().replace(microsecond=0)
                record.note = note
            session.flush()
            unit_rows = []
            for unit in result.scores.units:
                unit_rows.append({
                    "period_id": record.id, "org_unit_id": ids[unit.code], "org_code": unit.code,
                    "unit_name": unit.name, "unit_type": unit.unit_type, "total": unit.total, "grade": unit.grade,
                    "rank": unit.rank, "previous_total": unit.previous_total, "complete": unit.complete,
                    "problems": [{"indicator": p.indicator_code, "source": p.source, "reason": p.reason,
                                  "message": p.message(lang)} for p in unit.problems],
                    "missing_returns": missing.get(unit.code) or None,
                })
            unit_ids = self._insert_units(session, record.id, unit_rows)
            leaf_rows = []
            for unit in result.scores.units:
                for item in unit.indicators:
                    why = item.explanation
                    srcs = result.sources.get((unit.code, item.code), ())
                    leaf_rows.append({
                        "unit_score_id": unit_ids[unit.code], "indicator_code": item.code, "value": item.value,
                        "points": item.points, "origin": _origin_column(item.origin),
                        "sources": [{"label": store_text(s.label), "value": s.value, "unit": s.unit_code,
                                     **({"role": s.role} if s.role else {}),
                                     **({"source": s.source} if s.source else {})} for s in srcs] or None,
                        "explanation": why.describe(lang) if why else (item.problem.message(lang) if item.problem else None),
                        "loss_reason": why.loss_reason(lang) if why else None,
                    })
            insert_many(session, IndicatorScoreRecord.__table__, leaf_rows)
            action = "publish" if publish else "compute"
            audit(session, actor, "evaluation_period", result.period, action, None,
                  {"system_id": result.system_id, "units": len(result.scores.units), "complete": result.complete,
                   "accepted_incomplete": result.accepted_incomplete, "note": note})

    @staticmethod
    def _insert_units(session, period_id: int, rows: list[dict]) -> dict[str, int]:
        insert_many(session, UnitScoreRecord.__table__, rows)
        table = UnitScoreRecord.__table__
        return dict(session.execute(select(table.c.org_code, table.c.id).where(table.c.period_id == period_id)).all())

    def scores(self, actor: Actor, period: str) -> EvaluationResult:
        """The stored result of quarter ``period`` (draft or published), rebuilt with its explanations
        from the stored values under the stored system version. :class:`InputRefused` when the
        period was never computed. A draft shows a scoped ``actor`` her subtree's units only."""
        period = quarter(period)
        with self._services.read() as session:
            record = session.execute(select(EvaluationPeriod).where(EvaluationPeriod.period == period)).scalar_one_or_none()
            if record is None:
                raise InputRefused(msg("eval.not_computed", period=period))
            system = repo.load_system(session, record.system_id)
            units = session.scalars(select(UnitScoreRecord).where(UnitScoreRecord.period_id == record.id)
                                    .order_by(UnitScoreRecord.org_code)).all()
            path_of = dict(session.execute(select(OrgUnit.code, OrgUnit.path)).all()) if actor.org_scope else {}
            unit_paths = [path_of.get(u.org_code) for u in units]
            leaves = session.scalars(select(IndicatorScoreRecord).join(
                UnitScoreRecord, UnitScoreRecord.id == IndicatorScoreRecord.unit_score_id)
                .where(UnitScoreRecord.period_id == record.id)).all()
            snapshot = (record.period, record.system_id, record.status, record.complete, record.accepted_incomplete,
                        record.computed_at, record.computed_by, record.published_at, record.published_by,
                        record.note)
            stored_values = session.execute(
                select(OrgUnit.code, IndicatorValue.indicator_code, IndicatorValue.value, IndicatorValue.version)
                .join(OrgUnit, OrgUnit.id == IndicatorValue.org_unit_id).where(IndicatorValue.period == period)
            ).all()
        by_unit: dict[int, list[IndicatorScoreRecord]] = defaultdict(list)
        for leaf in leaves:
            by_unit[leaf.unit_score_id].append(leaf)
        inputs, previous, sources = [], {}, {}
        for unit in units:
            values: dict[str, InputValue | None] = {}
            for leaf in by_unit.get(unit.id, []):
                kept = tuple(ValueSource(load_text(s.get("label", "")), s.get("value"), s.get("unit"), s.get("role"),
                                         s.get("source")) for s in leaf.sources or ())
                reported = next((s.value for s in kept if s.role == "reported"), None)
                used = next((s.source for s in kept if s.source), "")  # a register standing in (§8.2, §9.2)
                values[leaf.indicator_code] = None if leaf.value is None else InputValue(leaf.value, load_text(leaf.origin) or "",
                                                                                          reported, used)
                if kept:
                    sources[(unit.org_code, leaf.indicator_code)] = kept
            inputs.append(UnitInput(unit.org_code, unit.unit_name, unit.unit_type, values))
            if unit.previous_total is not None:
                previous[unit.org_code] = unit.previous_total
        scores = score_period(system, period, inputs, previous, accept_incomplete=snapshot[4])
        for unit in units:  # the frozen record and the rebuilt one must agree
            rebuilt = scores.unit(unit.org_code)
            if abs(rebuilt.total - unit.total) > 1e-6 or rebuilt.rank != unit.rank or rebuilt.grade != unit.grade:
                log.warning("stored score of %s %s differs from its rebuild (%s/%s/%s vs %s/%s/%s)", period,
                            unit.org_code, unit.total, unit.grade, unit.rank, rebuilt.total, rebuilt.grade, rebuilt.rank)
        missing = tuple(MissingReturn(unit.org_code, unit.unit_name, m["kind"], load_text(m["message"]))
                        for unit in units for m in unit.missing_returns or ())
        if actor.org_scope and snapshot[2] != PeriodStatus.PUBLISHED:
            # a draft is the head office's working copy: a scoped reader sees her subtree's units only
            # (ranks as computed for the bank); published results are readable bank-wide (DESIGN §6)
            shown = {u.org_code for u, path in zip(units, unit_paths) if in_scope(actor, path)}
            scores = replace(scores, units=tuple(u for u in scores.units if u.code in shown))
            missing = tuple(m for m in missing if m.unit_code in shown)
            sources = {key: value for key, value in sources.items() if key[0] in shown}
        return EvaluationResult(snapshot[0], snapshot[1], snapshot[2], snapshot[3], snapshot[4], snapshot[5],
                                snapshot[6], snapshot[7], snapshot[8], scores, missing, sources, snapshot[9],
                                versions=self._shown_versions(inputs, stored_values))

    @staticmethod
    def _shown_versions(inputs: list[UnitInput], stored_values) -> dict[tuple[str, str], int]:
        """(unit code, indicator code) → version of each stored value the rebuilt scores show. A
        value stored since the scores were computed (changed, or new where the scores show none)
        is left out, so that a correction made against the shown value is refused as stale."""
        shown = {(u.code, code): v for u in inputs for code, v in u.values.items()}
        versions = {}
        for unit_code, code, value, version in stored_values:
            seen = shown.get((unit_code, code))
            if seen is not None and abs(seen.value - value) <= _EPSILON:
                versions[(unit_code, code)] = version
        return versions

    def evaluate(self, actor: Actor, period: str) -> EvaluationResult:
        """``qsm evaluate``: the published result when the period is frozen, else compute and store
        a draft from the current inputs (DESIGN §7)."""
        period = quarter(period)
        record = self._period_record(period)
        if record is not None and record.status == PeriodStatus.PUBLISHED:
            return self.scores(actor, period)
        return self.compute(actor, period)

    def publish(self, actor: Actor, period: str, *, accept_incomplete: bool = False,
                note: str | None = None) -> EvaluationResult:
        """Compute quarter ``period`` from the current inputs and publish it (发布，冻结).

        Refused (:class:`InputRefused`, listing what is missing) when any input or return is
        missing, unless ``accept_incomplete`` — the office's explicit decision, recorded with
        ``note``; the incomplete units are then graded and ranked on their partial totals. A
        period already published is returned as it is.
        """
        period = quarter(period)
        require_head_office(self._services, actor, "eval.action.publish")
        record = self._period_record(period)
        if record is not None and record.status == PeriodStatus.PUBLISHED:
            return self.scores(actor, period)
        result = self.compute(actor, period, store=False)
        if not result.complete and not accept_incomplete:
            lines = result.problem_lines()
            shown = lines[:MAX_PROBLEMS_SHOWN]
            if len(lines) > MAX_PROBLEMS_SHOWN:
                shown.append(msg("eval.more_problems", n=len(lines) - MAX_PROBLEMS_SHOWN))
            raise InputRefused(msg("eval.incomplete", period=period, problems="\n".join(f"- {s}" for s in shown)))
        if not result.complete:
            inputs_scores = score_period(result.system, period,
                                         [UnitInput(u.code, u.name, u.unit_type,
                                                    {i.code: None if i.value is None else InputValue(i.value, i.origin,
                                                                                                     i.reported, i.source)
                                                     for i in u.indicators}) for u in result.scores.units],
                                         {u.code: u.previous_total for u in result.scores.units
                                          if u.previous_total is not None},
                                         accept_incomplete=True)
            result = replace(result, scores=inputs_scores, accepted_incomplete=True)
        self._store(actor, result, publish=True, note=note)
        return self.scores(actor, period)

    def periods(self, actor: Actor) -> list[PeriodInfo]:
        """Computed periods, oldest first."""
        with self._services.read() as session:
            rows = session.execute(
                select(EvaluationPeriod, IndicatorSystemRecord.name, IndicatorSystemRecord.system_version,
                       select(func.count()).where(UnitScoreRecord.period_id == EvaluationPeriod.id)
                       .correlate(EvaluationPeriod).scalar_subquery())
                .join(IndicatorSystemRecord, IndicatorSystemRecord.id == EvaluationPeriod.system_id)
                .order_by(EvaluationPeriod.period)
            ).all()
        return [PeriodInfo(p.period, p.status, p.complete, p.accepted_incomplete, p.system_id, f"{n} {v}".strip(),
                           p.computed_at, p.computed_by, p.published_at, p.published_by, count or 0)
                for p, n, v, count in rows]



__all__ = ["EvaluationScoring"]
