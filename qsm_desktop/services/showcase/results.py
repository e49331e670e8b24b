"""The showcase service's results (示范窗口查询结果): frozen dataclasses the window and the CLI read —
cycles, applications and attachments, score sheets, reviewer progress, the ranking, awards and
their counts, certificate verification and print results (DESIGN.md §3.5, §3.7, §5, §7).

Nothing here touches the database; the per-concern services build these from their queries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from qsm_desktop.domain.showcase import (
    ApplicationStatus,
    DeclarationCheck,
    AwardLevel,
    OutlierFlag,
    ScoreSheetTemplate,
    allowed_actions,
)

__all__ = [
    "ApplicationInfo", "AttachmentInfo", "AwardCounts", "AwardInfo", "BranchCount", "CycleInfo", "OutsideTitleInfo",
    "PrintResult", "RankedApplication", "Ranking", "ReviewerProgress", "SaveSheetResult", "SheetInfo",
    "SheetItemInfo", "VerifyResult",
]


@dataclass(frozen=True)
class CycleInfo:
    """An award cycle: year, level, official ``title`` and ``announced_on`` (apart from the year),
    application window, ``quota``, the score ``sheet``, required attachments, the certificate
    number pattern, issuing body, re-inspection interval (years); counts of applications and score
    sheets; ``scoring_started`` (the sheet is frozen); ``decided_on`` of the award decision;
    ``panel`` reviewer names with their org code; ``version`` for edits."""

    id: int
    year: int
    level: str
    title: str
    announced_on: dt.date | None
    window_start: dt.date | None
    window_end: dt.date | None
    quota: int | None
    sheet: ScoreSheetTemplate
    required_attachments: tuple[str, ...]
    number_pattern: str
    issuing_body: str
    reinspection_years: int
    applications: int
    sheets: int
    decided_on: dt.date | None
    meeting_ref: str | None
    panel: tuple[tuple[str, str], ...]
    version: int

    @property
    def scoring_started(self) -> bool:
        """Whether any score sheet exists (the sheet can no longer be edited)."""
        return self.sheets > 0

    @property
    def label(self) -> str:
        """``2007 总行级``."""
        return f"{self.year} {self.level}"


@dataclass(frozen=True)
class AttachmentInfo:
    """An attachment's name, kind, size in bytes and SHA-256 (the bytes stay in the database)."""

    id: int
    name: str
    kind: str | None
    size: int
    sha256: str
    added_by: str
    added_at: dt.datetime


@dataclass(frozen=True)
class AwardInfo:
    """An award: certificate ``number`` (year × level × ``seq``), outlet, dates, final score,
    revocation (摘牌: date and reason; the number is kept), re-inspection due date, the decision's
    meeting reference and how often the certificate was printed."""

    id: int
    number: str
    year: int
    level: str
    seq: int
    outlet_code: str
    outlet_name: str
    branch_code: str | None
    awarded_on: dt.date
    final_score: Decimal | None
    revoked_on: dt.date | None
    revoke_reason: str | None
    reinspection_due: dt.date | None
    meeting_ref: str | None
    prints: int
    version: int

    def held_on(self, day: dt.date) -> bool:
        """Whether the title is held on ``day`` (awarded by then, not revoked by then)."""
        return self.awarded_on <= day and (self.revoked_on is None or self.revoked_on > day)

    @property
    def revoked(self) -> bool:
        """Whether the award was revoked (摘牌), on any date."""
        return self.revoked_on is not None


@dataclass(frozen=True)
class OutsideTitleInfo:
    """A title won outside the bank (外部称号): official name and date, level, who awarded it."""

    id: int
    outlet_code: str
    outlet_name: str
    level: str
    official_name: str
    awarded_on: dt.date
    awarded_by: str | None
    revoked_on: dt.date | None


@dataclass(frozen=True)
class ApplicationInfo:
    """An application: cycle (year, level), outlet and its branch, ``status`` and the actions now
    possible, the form's fields and self-scores, the lower-level application it came from,
    attachments, and the outlet's past awards and outside titles (for the panel); ``declarations``
    the form's 在岗员工数, 持证上岗人数, 年度有效投诉件数 and 神秘访客平均得分 beside the registers'
    figures (:mod:`.declarations`), a difference flagged, the declared figure kept."""

    id: int
    cycle_id: int
    year: int
    level: str
    outlet_code: str
    outlet_name: str
    branch_code: str | None
    branch_name: str | None
    status: str
    form: dict[str, Any]
    self_scores: dict[str, str]
    nominated_from_id: int | None
    sheets: int
    attachments: tuple[AttachmentInfo, ...]
    past_awards: tuple[AwardInfo, ...]
    outside_titles: tuple[OutsideTitleInfo, ...]
    version: int
    declarations: tuple[DeclarationCheck, ...] = ()

    @property
    def declarations_differ(self) -> bool:
        """Whether a declared figure differs from the registers' (issue 14: flagged, both shown)."""
        return any(c.differs for c in self.declarations)

    @property
    def actions(self) -> tuple[str, ...]:
        """The status actions possible now (``submit``, ``recommend`` …)."""
        return tuple(a.value for a in allowed_actions(ApplicationStatus(self.status)))


@dataclass(frozen=True)
class SheetItemInfo:
    """A scored item: code, name, points (分值), score (得分) and 扣分原因."""

    code: str
    name: str
    points: Decimal
    score: Decimal
    reason: str | None


@dataclass(frozen=True)
class SheetInfo:
    """A score sheet: reviewer and their org, date, total; ``excluded`` for a conflict of interest
    (回避: kept, not counted), ``trimmed`` ``"high"``/``"low"`` when dropped by the trimmed mean,
    ``outlier`` when flagged far from the panel; the items; ``warnings`` deductions without a
    reason."""

    id: int
    application_id: int
    outlet_code: str
    reviewer_id: int
    reviewer: str
    reviewer_org: str
    reviewer_org_name: str
    scored_on: dt.date | None
    total: Decimal
    excluded: bool
    trimmed: str | None
    outlier: OutlierFlag | None
    complete: bool
    warnings: int
    items: tuple[SheetItemInfo, ...]
    version: int


@dataclass(frozen=True)
class SaveSheetResult:
    """A saved score sheet and the warnings shown to the person (a deduction without a reason)."""

    sheet: SheetInfo
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class ReviewerProgress:
    """A reviewer's progress in a cycle (评审进度): sheets entered, applications still to score
    (those not conflicted), and those excluded as conflicted."""

    reviewer_id: int
    name: str
    org_code: str
    org_name: str
    scored: int
    to_score: int
    conflicted: int
    flagged: int


@dataclass(frozen=True)
class RankedApplication:
    """An application in the ranking: outlet, final score (published, 0.01) and exact mean, valid
    and excluded sheet counts, competition rank (``None`` without valid sheets), trimmed mean used,
    where it stands against the quota line (``within``/``tied``/``outside``/``unscored``), status,
    the reviewers flagged as outliers on it, and its declared figures against the registers
    (``declarations``; :attr:`declarations_differ` flags the entry on the ranking)."""

    application_id: int
    org: str
    name: str
    branch: str | None
    final: Decimal | None
    exact: Decimal | None
    valid_sheets: int
    excluded_sheets: int
    rank: int | None
    trimmed: bool
    line: str
    status: str
    outliers: tuple[str, ...]
    declarations: tuple[DeclarationCheck, ...] = ()

    @property
    def declarations_differ(self) -> bool:
        """Whether the application declares a figure the registers do not bear out (issue 14)."""
        return any(c.differs for c in self.declarations)


@dataclass(frozen=True)
class Ranking:
    """A cycle's ranking (排名): entries by rank, the quota (the cycle's, or the one asked for),
    the tie at the line (``tied`` application ids, ``seats`` left for them), the outlier flags."""

    year: int
    level: str
    cycle_id: int
    quota: int | None
    entries: tuple[RankedApplication, ...]
    tied: tuple[int, ...]
    seats: int
    outliers: tuple[OutlierFlag, ...]
    decided_on: dt.date | None

    @property
    def tie_at_line(self) -> bool:
        """Whether the quota line falls inside a tie (the committee must decide)."""
        return bool(self.tied)

    def to_json(self) -> dict[str, Any]:
        """``qsm showcase rank --json``, DESIGN §7's shape: ``{"year", "level",
        "applications": [{"org", "name", "final", "valid_sheets", "excluded_sheets", "rank",
        "declarations"}]}`` (``final`` rounded half-up to 0.01, ``null`` without a valid sheet);
        ``declarations`` (issue 14): the declared figures beside the registers',
        ``[{"field", "declared", "register", "differs"}]``."""
        return {
            "year": self.year,
            "level": self.level,
            "applications": [
                {"org": e.org, "name": e.name, "final": None if e.final is None else float(e.final),
                 "valid_sheets": e.valid_sheets, "excluded_sheets": e.excluded_sheets, "rank": e.rank,
                 "declarations": [c.to_json() for c in e.declarations]}
                for e in self.entries
            ],
        }


@dataclass(frozen=True)
class BranchCount:
    """Titles held by the outlets of one branch on a date, per level (分行级/总行级/全国级)."""

    code: str
    name: str
    by_level: dict[str, int]


@dataclass(frozen=True)
class AwardCounts:
    """Counts of titles held on ``as_of``: per branch, bank-wide per level, and the national
    target of the plan (``plan_targets.national_showcase_units`` for the year; ``None`` when the
    plan has none)."""

    as_of: dt.date
    branches: tuple[BranchCount, ...]
    bank: dict[str, int]
    national_target: float | None

    @property
    def national(self) -> int:
        """全国级 titles held bank-wide."""
        return self.bank.get(AwardLevel.NATIONAL.value, 0)


@dataclass(frozen=True)
class VerifyResult:
    """Verifying a certificate (证书验证): ``status`` ``valid`` | ``revoked`` | ``unknown``;
    ``number`` as the register stores it; ``check_ok`` whether a QR check value matched
    (``None`` when only a number was given); the award when known; ``message`` for people."""

    status: str
    number: str
    check_ok: bool | None
    award: AwardInfo | None
    message: str

    def to_json(self) -> dict[str, Any]:
        """``qsm certificates verify --json``: status, number, check_ok, message and the award's
        unit, org, year, level, award and revocation dates (ISO; ``null`` when unknown)."""
        award = self.award
        return {"status": self.status, "number": self.number, "check_ok": self.check_ok, "message": self.message,
                "unit": award.outlet_name if award else None, "org": award.outlet_code if award else None,
                "year": award.year if award else None, "level": award.level if award else None,
                "awarded_on": award.awarded_on.isoformat() if award else None,
                "revoked_on": award.revoked_on.isoformat() if award and award.revoked_on else None}


@dataclass(frozen=True)
class PrintResult:
    """A certificate batch: files written, pages, awards printed, cancelled."""

    files: tuple[Path, ...]
    pages: int
    numbers: tuple[str, ...]
    cancelled: bool = False
