"""Showcase units (示范窗口单位) — cycles, applications, review, awards, certificates (issue 4).

Use cases over the store (``store/models/showcase.py``) and the pure rules of
``domain/showcase``; one transaction per call, permission checks and audit entries here; every
result is a frozen dataclass (:mod:`.results`). DESIGN.md §3.5, §3.7, §5, §7.

The package, by concern — :class:`ShowcaseService` (``services.showcase``) is the facade the
window and the CLI call, composed of one small service per concern:

- :mod:`.cycles` — **cycles** (评选周期): year × level, official title and announcement date,
  window, quota, score sheet (editable until scoring starts), required attachments, panel, number
  pattern (:class:`~.cycles.CycleService`);
- :mod:`.applications` — **applications** (申报): filters by level, branch and status; the status
  machine; the nomination cascade (分行级 → 总行级 → 全国级); attachments in the database (size
  limit, SHA-256); titles won outside (外部称号); the outlet's past awards for the panel
  (:class:`~.applications.ApplicationService`; the write path :func:`~.applications.create_application_in`);
- :mod:`.review` — **review** (评审): score entry checked like an imported sheet (得分 ≤ 分值
  refused, a deduction without 扣分原因 warned), conflicts of interest (kept, excluded, shown),
  progress per reviewer (:class:`~.review.ReviewService`; the write path :func:`~.review.save_sheet_in`);
- :mod:`.awards` — **ranking and awards** (排名, 授予): final scores (mean; trimmed mean from 5 valid
  sheets), outlier flags, competition ranking, the quota line with ties shown; awards refused on
  a tie at the quota line unless the committee names the places; certificate numbers never
  reused; revocation (摘牌) keeps the number; re-inspection due dates; counts per branch and
  bank-wide against the national target (:class:`~.awards.AwardService`);
- :mod:`.certificates` — **certificates** (荣誉证书): one PDF or one per award, every print logged;
  verifying a number (valid / revoked / unknown, and the QR check value); the register as Excel
  (:class:`~.certificates.CertificateService`);
- :mod:`.imports` — the import handlers of the two showcase returns (申报表, 现场评分表), which
  write through the same ``*_in`` functions as the window.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qsm_desktop.domain.showcase import ApplicationAction, ApplicationStatus, AwardLevel, ScoreEntry, ScoreSheetTemplate
from qsm_desktop.services.context import Actor
from qsm_desktop.services.showcase.applications import MAX_ATTACHMENT_MB, ApplicationService
from qsm_desktop.services.showcase.awards import AwardService
from qsm_desktop.services.showcase.certificates import CertificateService
from qsm_desktop.services.showcase.cycles import CYCLE_FIELDS, CycleService
from qsm_desktop.services.showcase.results import (
    ApplicationInfo,
    AttachmentInfo,
    AwardCounts,
    AwardInfo,
    BranchCount,
    CycleInfo,
    OutsideTitleInfo,
    PrintResult,
    RankedApplication,
    Ranking,
    ReviewerProgress,
    SaveSheetResult,
    SheetInfo,
    SheetItemInfo,
    VerifyResult,
)
from qsm_desktop.services.showcase.review import DECIDED_STATUSES, ReviewService

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services

__all__ = [
    "ApplicationInfo", "AttachmentInfo", "AwardCounts", "AwardInfo", "BranchCount", "CYCLE_FIELDS", "CycleInfo",
    "DECIDED_STATUSES", "MAX_ATTACHMENT_MB", "OutsideTitleInfo", "PrintResult", "RankedApplication", "Ranking",
    "ReviewerProgress", "SaveSheetResult", "SheetInfo", "SheetItemInfo", "ShowcaseService", "VerifyResult",
]


class ShowcaseService:
    """Showcase units for the window and the CLI (``services.showcase``): a facade over the
    per-concern services — each method says which one does the work and has its documentation."""

    def __init__(self, services: Services):
        self._cycles = CycleService(services)
        self._applications = ApplicationService(services)
        self._review = ReviewService(services)
        self._awards = AwardService(services)
        self._certificates = CertificateService(services)

    # ================================================================== cycles
    def cycles(self, actor: Actor) -> list[CycleInfo]:
        """Every award cycle — :meth:`CycleService.cycles`."""
        return self._cycles.cycles(actor)

    def cycle(self, actor: Actor, year: int, level: AwardLevel | str) -> CycleInfo:
        """The cycle of ``year`` × ``level`` — :meth:`CycleService.cycle`."""
        return self._cycles.cycle(actor, year, level)

    def create_cycle(self, actor: Actor, year: int, level: AwardLevel | str, *,
                     sheet: ScoreSheetTemplate | None = None, **settings: Any) -> CycleInfo:
        """Create a cycle — :meth:`CycleService.create_cycle`."""
        return self._cycles.create_cycle(actor, year, level, sheet=sheet, **settings)

    def update_cycle(self, actor: Actor, cycle_id: int, version: int, **settings: Any) -> CycleInfo:
        """Edit a cycle's settings — :meth:`CycleService.update_cycle`."""
        return self._cycles.update_cycle(actor, cycle_id, version, **settings)

    def set_sheet(self, actor: Actor, cycle_id: int, sheet: ScoreSheetTemplate | str | Path) -> CycleInfo:
        """Replace a cycle's score sheet — :meth:`CycleService.set_sheet`."""
        return self._cycles.set_sheet(actor, cycle_id, sheet)

    # ================================================================== applications
    def applications(self, actor: Actor, *, year: int | None = None, level: AwardLevel | str | None = None,
                     branch: str | None = None, status: str | None = None) -> list[ApplicationInfo]:
        """Applications filtered — :meth:`ApplicationService.applications`."""
        return self._applications.applications(actor, year=year, level=level, branch=branch, status=status)

    def application(self, actor: Actor, application_id: int) -> ApplicationInfo:
        """One application in detail — :meth:`ApplicationService.application`."""
        return self._applications.application(actor, application_id)

    def create_application(self, actor: Actor, year: int, level: AwardLevel | str, outlet_code: str, *,
                           form: dict[str, Any] | None = None, status: str = ApplicationStatus.DRAFT.value) -> ApplicationInfo:
        """Enter an application — :meth:`ApplicationService.create_application`."""
        return self._applications.create_application(actor, year, level, outlet_code, form=form, status=status)

    def act(self, actor: Actor, application_id: int, action: ApplicationAction | str,
            version: int | None = None) -> ApplicationInfo:
        """Move an application through the status machine — :meth:`ApplicationService.act`."""
        return self._applications.act(actor, application_id, action, version)

    def nominate(self, actor: Actor, application_id: int) -> ApplicationInfo:
        """Recommend an awarded application to the next level — :meth:`ApplicationService.nominate`."""
        return self._applications.nominate(actor, application_id)

    def add_attachment(self, actor: Actor, application_id: int, name: str, data: bytes, *,
                       kind: str | None = None) -> AttachmentInfo:
        """Keep a document with an application — :meth:`ApplicationService.add_attachment`."""
        return self._applications.add_attachment(actor, application_id, name, data, kind=kind)

    def attachment_data(self, actor: Actor, attachment_id: int) -> tuple[str, bytes]:
        """An attachment's file name and bytes — :meth:`ApplicationService.attachment_data`."""
        return self._applications.attachment_data(actor, attachment_id)

    def record_outside_title(self, actor: Actor, outlet_code: str, level: AwardLevel | str, official_name: str,
                             awarded_on: dt.date, *, awarded_by: str | None = None,
                             application_id: int | None = None) -> OutsideTitleInfo:
        """Record a title won outside — :meth:`ApplicationService.record_outside_title`."""
        return self._applications.record_outside_title(actor, outlet_code, level, official_name, awarded_on,
                                                       awarded_by=awarded_by, application_id=application_id)

    def outside_titles(self, actor: Actor, outlet_code: str | None = None) -> list[OutsideTitleInfo]:
        """Titles won outside — :meth:`ApplicationService.outside_titles`."""
        return self._applications.outside_titles(actor, outlet_code)

    # ================================================================== review
    def sheets(self, actor: Actor, application_id: int) -> list[SheetInfo]:
        """An application's score sheets — :meth:`ReviewService.sheets`."""
        return self._review.sheets(actor, application_id)

    def reviewers(self, actor: Actor) -> list[tuple[int, str, str, str]]:
        """Every registered reviewer — :meth:`ReviewService.reviewers`."""
        return self._review.reviewers(actor)

    def save_sheet(self, actor: Actor, application_id: int, reviewer: str, reviewer_org: str,
                   entries: Iterable[ScoreEntry], *, scored_on: dt.date | None = None,
                   version: int | None = None) -> SaveSheetResult:
        """Enter or replace a reviewer's sheet from the score grid — :meth:`ReviewService.save_sheet`
        (the same write as an imported sheet: :func:`~.review.save_sheet_in`)."""
        return self._review.save_sheet(actor, application_id, reviewer, reviewer_org, entries, scored_on=scored_on,
                                       version=version)

    def own_reviewer(self, actor: Actor) -> tuple[str, str, bool] | None:
        """A reviewer login's own name, unit and whether she is registered — :meth:`ReviewService.own_reviewer`."""
        return self._review.own_reviewer(actor)

    def assign_reviewer(self, actor: Actor, year: int, level: AwardLevel | str, name: str, org_code: str) -> None:
        """Put a reviewer on a cycle's panel (head office) — :meth:`ReviewService.assign_reviewer`."""
        self._review.assign_reviewer(actor, year, level, name, org_code)

    def progress(self, actor: Actor, year: int, level: AwardLevel | str) -> list[ReviewerProgress]:
        """Each panel reviewer's progress — :meth:`ReviewService.progress`."""
        return self._review.progress(actor, year, level)

    # ================================================================== ranking and awards
    def rank(self, actor: Actor, year: int, level: AwardLevel | str, *, quota: int | None = None) -> Ranking:
        """The cycle's ranking — :meth:`AwardService.rank`."""
        return self._awards.rank(actor, year, level, quota=quota)

    def award(self, actor: Actor, year: int, level: AwardLevel | str, quota: int, *,
              decided_on: dt.date | None = None, meeting_ref: str | None = None,
              committee_choice: Collection[str] | None = None) -> list[AwardInfo]:
        """Award the top ``quota`` of the cycle — :meth:`AwardService.award`."""
        return self._awards.award(actor, year, level, quota, decided_on=decided_on, meeting_ref=meeting_ref,
                                  committee_choice=committee_choice)

    def awards(self, actor: Actor, *, year: int | None = None, level: AwardLevel | str | None = None,
               branch: str | None = None, include_revoked: bool = True) -> list[AwardInfo]:
        """The awards register — :meth:`AwardService.awards`."""
        return self._awards.awards(actor, year=year, level=level, branch=branch, include_revoked=include_revoked)

    def revoke(self, actor: Actor, number: str, reason: str, revoked_on: dt.date | None = None,
               version: int | None = None) -> AwardInfo:
        """Revoke an award (摘牌) — :meth:`AwardService.revoke`."""
        return self._awards.revoke(actor, number, reason, revoked_on, version)

    def set_reinspection(self, actor: Actor, number: str, due: dt.date, version: int | None = None) -> AwardInfo:
        """Set an award's next re-inspection date — :meth:`AwardService.set_reinspection`."""
        return self._awards.set_reinspection(actor, number, due, version)

    def reinspections_due(self, actor: Actor, by: dt.date) -> list[AwardInfo]:
        """Awards due for re-inspection — :meth:`AwardService.reinspections_due`."""
        return self._awards.reinspections_due(actor, by)

    def awards_held(self, actor: Actor, unit_code: str, as_of: dt.date,
                    levels: Sequence[str] = (AwardLevel.NATIONAL.value, AwardLevel.HEAD_OFFICE.value)) -> int:
        """Titles held in a subtree on a date — :meth:`AwardService.awards_held`."""
        return self._awards.awards_held(actor, unit_code, as_of, levels)

    def counts(self, actor: Actor, as_of: dt.date) -> AwardCounts:
        """Titles held per branch and bank-wide — :meth:`AwardService.counts`."""
        return self._awards.counts(actor, as_of)

    # ================================================================== certificates
    def export_register(self, actor: Actor, output: str | Path, *, year: int | None = None,
                        level: AwardLevel | str | None = None) -> Path:
        """The awards register as Excel — :meth:`CertificateService.export_register`."""
        return self._certificates.export_register(actor, output, year=year, level=level)

    def certificates(self, actor: Actor, year: int, level: AwardLevel | str, output: str | Path | None = None, *,
                     per_award_dir: str | Path | None = None, numbers: Sequence[str] | None = None,
                     text_only: bool = False, offset_x_mm: float = 0.0, offset_y_mm: float = 0.0,
                     template: Any = None, progress: Callable[[int, int], None] | None = None,
                     cancel: threading.Event | None = None) -> PrintResult:
        """Print the cycle's certificates — :meth:`CertificateService.certificates`."""
        return self._certificates.certificates(actor, year, level, output, per_award_dir=per_award_dir,
                                               numbers=numbers, text_only=text_only, offset_x_mm=offset_x_mm,
                                               offset_y_mm=offset_y_mm, template=template, progress=progress,
                                               cancel=cancel)

    def certificate_data(self, actor: Actor, numbers: Sequence[str]) -> list[Any]:
        """Certificates for the preview — :meth:`CertificateService.certificate_data`."""
        return self._certificates.certificate_data(actor, numbers)

    def certificate_pdf(self, actor: Actor, numbers: Sequence[str], *, text_only: bool = False,
                        template: Any = None) -> bytes:
        """Some certificates' PDF in memory — :meth:`CertificateService.certificate_pdf`."""
        return self._certificates.certificate_pdf(actor, numbers, text_only=text_only, template=template)

    def log_print(self, actor: Actor, numbers: Sequence[str], *, mode: str = "full", target: str | None = None) -> None:
        """Log a print made in the window's dialog — :meth:`CertificateService.log_print`."""
        self._certificates.log_print(actor, numbers, mode=mode, target=target)

    def prints(self, actor: Actor, number: str) -> list[tuple[dt.datetime, str, bool, str]]:
        """A certificate's print log — :meth:`CertificateService.prints`."""
        return self._certificates.prints(actor, number)

    def verify(self, actor: Actor, text: str) -> VerifyResult:
        """Verify a certificate number or QR text — :meth:`CertificateService.verify`."""
        return self._certificates.verify(actor, text)
