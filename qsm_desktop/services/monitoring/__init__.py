"""Service-quality monitoring (服务质量监测) — the service of DESIGN.md §8.1–§8.4.

:class:`MonitoringService` (``services.monitoring``) is a thin facade for the window and the CLI;
each method opens one unit of work and calls the module that owns the use case:

- :mod:`.checklists` — checklist editions (read; :func:`~.checklists.save_checklist_in`);
- :mod:`.visits` — a branch's delivery (:func:`~.visits.record_visits_in`);
- :mod:`.scores` — visit, outlet, branch and bank scores, provisional or frozen;
- :mod:`.appeals` — appeals and decisions (:func:`~.appeals.file_appeals_in`,
  :func:`~.appeals.decide_appeal_in`);
- :mod:`.finalise` — closing a quarter (:func:`~.finalise.finalise_quarter_in`);
- :mod:`.listing` — what the window's pages list: quarters, visits, a visit's items, editions;
- :mod:`.imports` — the ``mystery_visit`` and ``mystery_appeal`` import handlers;
- :mod:`.report` — the quarterly monitoring report's data (:func:`~.report.report_data_in`),
  drawn by :mod:`qsm_desktop.reports.monitoring_pdf`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from qsm_desktop.domain import i18n
from qsm_desktop.domain.monitoring.appeals import Decision
from qsm_desktop.domain.monitoring.checklists import Checklist
from qsm_desktop.services.context import Actor, require
from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.services.improvement import BANK_TYPE, BRANCH_TYPE, bank_unit, finalised, load_orgs, quarter, unit
from qsm_desktop.services.monitoring.appeals import AppealInfo, appeals_of, decide_appeal_in
from qsm_desktop.services.monitoring.checklists import checklists_in, save_checklist_in
from qsm_desktop.services.monitoring.finalise import FinaliseResult, finalise_quarter_in
from qsm_desktop.services.monitoring.listing import (
    ChecklistEdition,
    QuarterInfo,
    VisitInfo,
    VisitItemInfo,
    checklist_editions_in,
    quarters_in,
    visit_items_in,
    visits_in,
)
from qsm_desktop.services.monitoring.report import default_as_of, report_data_in
from qsm_desktop.services.monitoring.scores import ScoreReport, UnitScoreInfo, scores_of

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.reports.monitoring_pdf import MonitoringReportData, ReportResult

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services

__all__ = ["AppealInfo", "ChecklistEdition", "FinaliseResult", "MonitoringService", "QuarterInfo", "ScoreReport",
           "UnitScoreInfo", "VisitInfo", "VisitItemInfo"]

i18n.register({
    "monitoring.read_action": ("查看神秘访客结果", "view mystery-visit results"),
    "monitoring.report_scope": ("监测报告按全行或分行出具；{code}（{name}）是{type}",
                                "the monitoring report is for the bank or a branch; {code} ({name}) is a {type}"),
    "monitoring.report_empty": ("{period}没有{scope}的任何监测数据：没有神秘访客检查、没有报送投诉登记表，也没有纠正预防措施，"
                                "因此不生成空白报告。请先导入该季度的神秘访客检查表和投诉登记表，或选择其他季度。",
                                "{period} has no monitoring data for {scope}: no mystery visits, no complaint register "
                                "sent and no corrective or preventive actions, so no empty report is made. Import the "
                                "quarter's mystery-visit returns and complaint registers first, or choose another quarter."),
})


class MonitoringService:
    """Checklists, scores, appeals and finalising quarters (``services.monitoring``)."""

    def __init__(self, services: Services):
        self._services = services

    def checklists(self, actor: Actor) -> list[tuple[int, Checklist]]:
        """Every checklist edition as ``(id, Checklist)``, oldest first."""
        with self._services.read() as session:
            return checklists_in(session)

    def save_checklist(self, actor: Actor, checklist: Checklist, *, checklist_id: int | None = None,
                       expected_version: int | None = None) -> int:
        """See :func:`~.checklists.save_checklist_in`."""
        with self._services.unit_of_work() as session:
            return save_checklist_in(session, actor, checklist, checklist_id=checklist_id,
                                     expected_version=expected_version)

    def scores(self, actor: Actor, period: str, unit_code: str | None = None) -> ScoreReport:
        """The quarter's scores (DESIGN §8.2): frozen once finalised, else provisional; ``unit_code``
        narrows to a unit and its subtree (default: the actor's scope)."""
        period = quarter(period)
        with self._services.read() as session:
            orgs = load_orgs(session)
            root = unit(orgs, unit_code or actor.org_scope)
            if root is not None:
                require(actor, i18n.msg("monitoring.read_action"), write=False, org_path=root.path,
                        org_code=root.code)
            return scores_of(session, period, orgs, root)

    def is_final(self, period: str) -> bool:
        """Whether ``period`` is finalised (its figures final, not provisional)."""
        with self._services.read() as session:
            return finalised(session, quarter(period)) is not None

    def appeals(self, actor: Actor, period: str, unit_code: str | None = None) -> list[AppealInfo]:
        """The appeals of ``period`` (of one branch when ``unit_code`` or the actor's scope says)."""
        period = quarter(period)
        with self._services.read() as session:
            orgs = load_orgs(session)
            root = unit(orgs, unit_code or actor.org_scope)
            if root is not None:
                require(actor, i18n.msg("monitoring.read_action"), write=False, org_path=root.path,
                        org_code=root.code)
            found = appeals_of(session, period, orgs)
        if root is None:
            return found
        return [a for a in found if f"/{root.code}/" in orgs[a.outlet or a.branch].path]

    def decide(self, actor: Actor, visit_no: str, item_code: str, decision: Decision, *, score: float | None = None,
               reason: str | None = None, expected_version: int | None = None) -> AppealInfo:
        """See :func:`~.appeals.decide_appeal_in`."""
        with self._services.unit_of_work() as session:
            return decide_appeal_in(session, actor, visit_no, item_code, decision, score=score, reason=reason,
                                    expected_version=expected_version)

    def finalise(self, actor: Actor, period: str) -> FinaliseResult:
        """See :func:`~.finalise.finalise_quarter_in`."""
        with self._services.unit_of_work() as session:
            return finalise_quarter_in(session, actor, period)

    # ------------------------------------------------------------------ the window's lists (.listing)
    def checklist_editions(self, actor: Actor) -> list[ChecklistEdition]:
        """Every checklist edition with its version and the visits checked against it (oldest first)."""
        with self._services.read() as session:
            return checklist_editions_in(session)

    def quarters(self, actor: Actor) -> list[QuarterInfo]:
        """The quarters with visits (or finalised), newest first, with their appeals and state."""
        with self._services.read() as session:
            return quarters_in(session)

    def visits(self, actor: Actor, period: str, unit_code: str | None = None) -> list[VisitInfo]:
        """The visits of ``period`` with their scores (provisional until finalised, §8.2–§8.3) at the
        outlets of ``unit_code``'s subtree (default: the actor's scope)."""
        period = quarter(period)
        with self._services.read() as session:
            orgs = load_orgs(session)
            root = unit(orgs, unit_code or actor.org_scope)
            if root is not None:
                require(actor, i18n.msg("monitoring.read_action"), write=False, org_path=root.path,
                        org_code=root.code)
            return visits_in(session, period, orgs, root)

    def visit_items(self, actor: Actor, visit_no: str) -> list[VisitItemInfo]:
        """The items of visit ``visit_no`` as delivered and as they count now. Raises
        :class:`~qsm_desktop.domain.errors.NotFound` and, for an outlet outside the actor's scope,
        :class:`~qsm_desktop.domain.errors.PermissionDenied`."""
        with self._services.read() as session:
            outlet, items = visit_items_in(session, visit_no, load_orgs(session))
            require(actor, i18n.msg("monitoring.read_action"), write=False, org_path=outlet.path, org_code=outlet.code)
            return items
    def report_data(self, actor: Actor, period: str, unit_code: str | None = None, *, as_of: dt.date | None = None,
                    generated_on: dt.date | None = None) -> MonitoringReportData:
        """What the quarterly monitoring report of ``period`` prints (issue 13 Deliver 7): the bank's
        (``unit_code`` ``None`` or the head office; default the actor's scope) or one branch's;
        complaint and action figures as of ``as_of`` (default :func:`~.report.default_as_of`: the
        quarter's last day once it is over, else today). :class:`InputRefused` for a
        unit that is neither the bank nor a branch, :class:`PermissionDenied` outside the actor's
        scope. See :func:`~.report.report_data_in`."""
        period = quarter(period)
        with self._services.read() as session:
            orgs = load_orgs(session)
            root = unit(orgs, unit_code or actor.org_scope) or bank_unit(orgs)
            if root is None:
                raise InputRefused(i18n.msg("monitoring.unknown_unit", code=unit_code or "000000"))
            if root.type not in (BANK_TYPE, BRANCH_TYPE):
                raise InputRefused(i18n.msg("monitoring.report_scope", code=root.code, name=root.name, type=root.type))
            require(actor, i18n.msg("monitoring.read_action"), write=False, org_path=root.path, org_code=root.code)
            return report_data_in(session, period, orgs, root, as_of or default_as_of(period), generated_on=generated_on)

    def build_report(self, actor: Actor, period: str, out: str | Path | BinaryIO, *, unit_code: str | None = None,
                     as_of: dt.date | None = None, language: str | None = None,
                     generated_on: dt.date | None = None) -> ReportResult:
        """Write the quarterly monitoring report PDF (:meth:`report_data`, drawn by
        :func:`qsm_desktop.reports.monitoring_pdf.build_monitoring_report`) to ``out``; ``OSError``
        when it cannot be written; :class:`InputRefused` when the quarter has nothing to report for
        the scope (no visits, no complaint register, no actions), rather than an all-"—" report."""
        data = self.report_data(actor, period, unit_code, as_of=as_of, generated_on=generated_on)
        actions = data.actions.figures
        if data.visits == 0 and not data.complaints.sent and not data.complaints.figures.received \
                and not (actions.due or actions.open):
            # a report of nothing would read as "no findings" (the trial: 2007Q2 gave an all-"—" PDF, exit 0)
            from qsm_desktop.domain.normalise import period_label

            raise InputRefused(i18n.msg("monitoring.report_empty", period=period_label(period),
                                        scope=f"{data.scope_code} {data.scope_name}"))
        from qsm_desktop.reports.monitoring_pdf import build_monitoring_report  # matplotlib, reportlab: not at start-up

        return build_monitoring_report(data, out, language=language)
