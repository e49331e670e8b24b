"""Comprehensive evaluation (综合评价) — inputs, scores, publication, reports, plan targets (DESIGN §4).

``services.evaluation`` gathers each unit's indicator values for a quarter, scores them with the
indicator system in force (the Qt-free rules of :mod:`qsm_desktop.domain.indicators`), stores
the result, and publishes (freezes) a period. A value that is missing is never scored as 0: the
unit is listed with the missing inputs and returns (缺报), gets no grade and no rank, and the
period can be published only when complete or explicitly accepted as incomplete. Every stored
score keeps its value, origin (``file!sheet!cell``, register query, ``manual: reason``) and
explanation (value → rule → points).

The package, by concern (:class:`EvaluationService` is the window's and the CLI's entry point,
delegating to one part per concern):

- :mod:`.systems` — indicator systems: versions, in force for a period, save as a new version,
  TOML/workbook import and export, a draft's preview (:class:`IndicatorSystems`);
- :mod:`.inputs` — each unit's values and where they came from (quarterly return, certification,
  training, showcase awards, internal ratings, manual entry), missing returns, the stored values
  and a value entered by hand (:class:`EvaluationInputs`);
- :mod:`.values` — the one write path of indicator values and department ratings
  (:func:`store_indicator_values_in`, :func:`rate_departments_in`);
- :mod:`.scoring` — compute, drafts, publish, stored results (:class:`EvaluationScoring`);
- :mod:`.reports` — the PDF evaluation reports (:class:`EvaluationReports`);
- :mod:`.plan_targets` — the plan-target dashboard (:class:`PlanTargets`);
- :mod:`.imports` — the import handlers of the quarterly and internal-service returns;
- :mod:`.dtos` — the frozen dataclasses returned; :mod:`.common` — shared helpers.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from qsm_desktop.domain.indicators import IndicatorSystem
from qsm_desktop.services.context import Actor
from qsm_desktop.services.evaluation.common import (
    AWARD_LEVELS,
    INTERNAL,
    MANUAL,
    QUARTERLY,
    previous_quarter,
    quarter,
    quarters_of,
)
from qsm_desktop.services.evaluation.dtos import (
    EvaluationResult,
    MissingReturn,
    PeriodInfo,
    PeriodInputs,
    PlanTargetStatus,
    StoredSystem,
    SystemInfo,
    SystemPreview,
    ValueInfo,
    ValueSource,
)
from qsm_desktop.services.evaluation.inputs import EvaluationInputs
from qsm_desktop.services.evaluation.plan_targets import PlanTargets
from qsm_desktop.services.evaluation.reports import EvaluationReports
from qsm_desktop.services.evaluation.scoring import EvaluationScoring
from qsm_desktop.services.evaluation.systems import IndicatorSystems
from qsm_desktop.services.evaluation.values import rate_departments_in, store_indicator_values_in

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.reports.evaluation_pdf import EvaluationReportData, PastPeriod
    from qsm_desktop.services.bundle import Services


class EvaluationService:
    """Indicator systems, inputs, scores, publication, reports and plan targets (``services.evaluation``).

    A thin facade: each method delegates to the part of its concern (:attr:`indicator_systems`,
    :attr:`inputs`, :attr:`scoring`, :attr:`reports`, :attr:`plan_targets`); see those for the
    details. The parts call one another through this object.
    """

    def __init__(self, services: Services):
        self._services = services

    # ------------------------------------------------------------------ parts
    @cached_property
    def indicator_systems(self) -> IndicatorSystems:
        """Indicator systems (指标体系)."""
        return IndicatorSystems(self._services, self)

    @cached_property
    def inputs(self) -> EvaluationInputs:
        """A quarter's inputs and manual values (评价数据)."""
        return EvaluationInputs(self._services, self)

    @cached_property
    def scoring(self) -> EvaluationScoring:
        """Scores, drafts and publication (评分)."""
        return EvaluationScoring(self._services, self)

    @cached_property
    def reports(self) -> EvaluationReports:
        """The PDF reports (综合评价报告)."""
        return EvaluationReports(self._services, self)

    @cached_property
    def plan_targets(self) -> PlanTargets:
        """The plan-target dashboard (规划目标看板)."""
        return PlanTargets(self._services, self)

    # ------------------------------------------------------------------ systems
    def systems(self, actor: Actor) -> list[SystemInfo]:
        """Every stored version, newest effective date first (:meth:`IndicatorSystems.systems`)."""
        return self.indicator_systems.systems(actor)

    def system(self, actor: Actor, system_id: int) -> StoredSystem:
        """Stored version ``system_id`` (:meth:`IndicatorSystems.system`)."""
        return self.indicator_systems.system(actor, system_id)

    def system_for_period(self, actor: Actor, period: str) -> StoredSystem:
        """The version in force for quarter ``period`` (:meth:`IndicatorSystems.system_for_period`)."""
        return self.indicator_systems.system_for_period(actor, period)

    def active_system(self, actor: Actor, today: dt.date | None = None) -> StoredSystem:
        """The version in force today (:meth:`IndicatorSystems.active_system`)."""
        return self.indicator_systems.active_system(actor, today)

    def save_system(self, actor: Actor, system: IndicatorSystem, *, based_on_id: int | None = None,
                    note: str | None = None) -> SystemInfo:
        """Store ``system`` as a new version (:meth:`IndicatorSystems.save_system`)."""
        return self.indicator_systems.save_system(actor, system, based_on_id=based_on_id, note=note)

    def suggest_version(self, actor: Actor, name: str, version: str, *, language: str | None = None) -> str:
        """A version label not used yet for ``name``, in ``language`` (:meth:`IndicatorSystems.suggest_version`)."""
        return self.indicator_systems.suggest_version(actor, name, version, language=language)

    def import_system(self, actor: Actor, path: str | Path, *, note: str | None = None) -> SystemInfo:
        """Import a system from TOML or Excel as a new version (:meth:`IndicatorSystems.import_system`)."""
        return self.indicator_systems.import_system(actor, path, note=note)

    def export_system(self, actor: Actor, system_id: int, path: str | Path) -> Path:
        """Write a stored version to TOML or Excel (:meth:`IndicatorSystems.export_system`)."""
        return self.indicator_systems.export_system(actor, system_id, path)

    def system_from_toml_text(self, text: str) -> IndicatorSystem:
        """Parse and validate a system from TOML text (:meth:`IndicatorSystems.system_from_toml_text`)."""
        return self.indicator_systems.system_from_toml_text(text)

    def preview_system(self, actor: Actor, system: IndicatorSystem, period: str | None = None) -> SystemPreview:
        """A draft system's effect on a period's scores (:meth:`IndicatorSystems.preview_system`)."""
        return self.indicator_systems.preview_system(actor, system, period)

    # ------------------------------------------------------------------ inputs
    def latest_input_period(self, actor: Actor) -> str | None:
        """The latest quarter with a stored input (:meth:`EvaluationInputs.latest_input_period`)."""
        return self.inputs.latest_input_period(actor)

    def input_periods(self, actor: Actor) -> list[str]:
        """Quarters with inputs or scores (:meth:`EvaluationInputs.input_periods`)."""
        return self.inputs.input_periods(actor)

    def gather(self, actor: Actor, period: str, *, system_override: IndicatorSystem | None = None) -> PeriodInputs:
        """Every evaluated unit's inputs for ``period`` (:meth:`EvaluationInputs.gather`)."""
        return self.inputs.gather(actor, period, system_override=system_override)

    def held_awards(self, actor: Actor, as_of: dt.date, levels: Sequence[str] = AWARD_LEVELS) -> list[tuple[str, str, str]]:
        """Showcase titles held on ``as_of`` (:meth:`EvaluationInputs.held_awards`)."""
        return self.inputs.held_awards(actor, as_of, levels)

    def values(self, actor: Actor, unit_code: str, period: str) -> list[ValueInfo]:
        """The stored values of a unit and quarter (:meth:`EvaluationInputs.values`)."""
        return self.inputs.values(actor, unit_code, period)

    def set_manual_value(self, actor: Actor, unit_code: str, period: str, indicator_code: str, value: object,
                         reason: str, *, expected_version: int | None = None) -> ValueInfo:
        """Enter or correct a value by hand with a reason; ``expected_version`` the version the user
        saw, ``None`` when none was stored (:meth:`EvaluationInputs.set_manual_value`)."""
        return self.inputs.set_manual_value(actor, unit_code, period, indicator_code, value, reason,
                                            expected_version=expected_version)

    # ------------------------------------------------------------------ scores
    def compute(self, actor: Actor, period: str, *, store: bool = True,
                progress: Callable[[int, int, str], None] | None = None) -> EvaluationResult:
        """Compute (and store as a draft) a quarter's scores (:meth:`EvaluationScoring.compute`)."""
        return self.scoring.compute(actor, period, store=store, progress=progress)

    def scores(self, actor: Actor, period: str) -> EvaluationResult:
        """The stored result of a quarter (:meth:`EvaluationScoring.scores`)."""
        return self.scoring.scores(actor, period)

    def evaluate(self, actor: Actor, period: str) -> EvaluationResult:
        """``qsm evaluate``: published result, else a fresh draft (:meth:`EvaluationScoring.evaluate`)."""
        return self.scoring.evaluate(actor, period)

    def publish(self, actor: Actor, period: str, *, accept_incomplete: bool = False,
                note: str | None = None) -> EvaluationResult:
        """Compute and publish (freeze) a quarter (:meth:`EvaluationScoring.publish`)."""
        return self.scoring.publish(actor, period, accept_incomplete=accept_incomplete, note=note)

    def periods(self, actor: Actor) -> list[PeriodInfo]:
        """Computed periods, oldest first (:meth:`EvaluationScoring.periods`)."""
        return self.scoring.periods(actor)

    # ------------------------------------------------------------------ reports
    def history(self, actor: Actor, period: str, count: int = 8) -> tuple[PastPeriod, ...]:
        """Earlier computed quarters for the reports' trend (:meth:`EvaluationReports.history`)."""
        return self.reports.history(actor, period, count)

    def report_data(self, actor: Actor, period: str, *, generated_on: dt.date | None = None) -> EvaluationReportData:
        """What the PDF reports print (:meth:`EvaluationReports.report_data`)."""
        return self.reports.report_data(actor, period, generated_on=generated_on)

    def build_period_report(self, actor: Actor, period: str, out: str | Path, *, language: str | None = None):
        """Write the bank-wide report (:meth:`EvaluationReports.build_period_report`)."""
        return self.reports.build_period_report(actor, period, out, language=language)

    def build_unit_report(self, actor: Actor, period: str, unit_code: str, out: str | Path, *,
                          language: str | None = None):
        """Write one unit's report (:meth:`EvaluationReports.build_unit_report`)."""
        return self.reports.build_unit_report(actor, period, unit_code, out, language=language)

    def build_unit_reports(self, actor: Actor, period: str, out_dir: str | Path, *,
                           progress: Callable[[int, int, str], None] | None = None,
                           cancel: threading.Event | Callable[[], bool] | None = None,
                           language: str | None = None, with_period_report: bool = False):
        """Write every unit's report (:meth:`EvaluationReports.build_unit_reports`)."""
        return self.reports.build_unit_reports(actor, period, out_dir, progress=progress, cancel=cancel,
                                               language=language, with_period_report=with_period_report)

    # ------------------------------------------------------------------ plan targets
    def plan_dashboard(self, actor: Actor, year: int) -> list[PlanTargetStatus]:
        """Every plan target with its actual, gap, trend and status (:meth:`PlanTargets.plan_dashboard`)."""
        return self.plan_targets.plan_dashboard(actor, year)


__all__ = [
    "AWARD_LEVELS", "INTERNAL", "MANUAL", "QUARTERLY", "EvaluationResult", "EvaluationService", "MissingReturn", "PeriodInfo", "PeriodInputs", "PlanTargetStatus",
    "StoredSystem", "SystemInfo", "SystemPreview", "ValueInfo", "ValueSource", "previous_quarter", "quarter",
    "quarters_of", "rate_departments_in", "store_indicator_values_in",
]
