"""Showcase units (示范窗口单位) — cycles, applications, review, awards, certificates (issue 4).

Use cases over the store (``store/models/showcase.py``) and the pure rules of
``domain/showcase.py``; one transaction per call, permission checks and audit entries here; every
result is a frozen dataclass. DESIGN.md §3.5, §3.7, §5, §7.

- **Cycles** (评选周期): year × level, official title and announcement date, window, quota, score
  sheet (editable until scoring starts), required attachments, panel, number pattern.
- **Applications** (申报): filters by level, branch and status; the status machine; the
  nomination cascade (分行级 → 总行级 → 全国级); attachments in the database (size limit, SHA-256);
  titles won outside (外部称号); the outlet's past awards for the panel.
- **Review** (评审): score entry checked like an imported sheet (得分 ≤ 分值 refused, a deduction
  without 扣分原因 warned), conflicts of interest (kept, excluded, shown), progress per reviewer,
  final scores (mean; trimmed mean from 5 valid sheets), outlier flags, competition ranking, the
  quota line with ties shown.
- **Awards** (授予): refused on a tie at the quota line unless the committee names the places;
  decision date and meeting reference; certificate numbers from the cycle's pattern with a
  sequence per year × level (never reused); revocation (摘牌) keeps the number; re-inspection due
  dates; the register as Excel; counts per branch and bank-wide against the national target.
- **Certificates** (荣誉证书): one PDF or one per award, every print logged; verifying a number
  (valid / revoked / unknown, and the QR check value).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from qsm_desktop.domain.errors import ConflictError, InputRefused, NotFound
from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.domain.showcase import (
    DEFAULT_NUMBER_PATTERN,
    ApplicationAction,
    ApplicationResult,
    ApplicationStatus,
    AwardLevel,
    CertificateNumberPattern,
    OutlierFlag,
    QuotaLine,
    ScoreEntry,
    ScoreSheetTemplate,
    SheetTotal,
    allowed_actions,
    application_result,
    award_decision,
    certificate_check,
    check_scores,
    cycle_outliers,
    default_decision_date,
    is_conflicted,
    next_sequence,
    nominate,
    parse_qr_payload,
    quota_line,
    rank_competition,
    transition,
    verify_check,
)
from qsm_desktop.services.context import Actor, require
from qsm_desktop.services.audit import audit
from qsm_desktop.store import showcase as store
from qsm_desktop.store.models import OrgUnit, PlanTarget
from qsm_desktop.store.models.showcase import (
    ShowcaseApplication,
    ShowcaseAttachment,
    ShowcaseAward,
    ShowcaseCycle,
    ShowcaseDecision,
    ShowcaseOutsideTitle,
    ShowcasePanelMember,
    ShowcasePrint,
    ShowcaseReviewer,
    ShowcaseScoreSheet,
    ShowcaseSheetItem,
)

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services

register({
    "sc.action.read": ("查看示范窗口数据", "view showcase data"),
    "sc.action.cycle": ("修改评选周期", "change an award cycle"),
    "sc.action.apply": ("处理示范窗口申报", "handle showcase applications"),
    "sc.action.score": ("录入评分表", "enter score sheets"),
    "sc.action.award": ("授予示范窗口称号", "award showcase titles"),
    "sc.action.print": ("打印荣誉证书", "print certificates"),
    "sc.cycle.unknown": ("没有{year}年{level}的评选周期：请先导入该年度该级别的申报表，或新建周期。",
                         "There is no {year} {level} award cycle: import an application for it first, or create it."),
    "sc.cycle.exists": ("{year}年{level}的评选周期已存在。", "The {year} {level} award cycle already exists."),
    "sc.cycle.scoring_started": ("{year}年{level}已开始评分（已有 {n} 份评分表），评分表不能再修改。",
                                 "Scoring of {year} {level} has started ({n} score sheets); the sheet can no longer change."),
    "sc.cycle.bad_field": ("评选周期没有“{field}”这一项。", "An award cycle has no setting '{field}'."),
    "sc.cycle.bad_window": ("申报开始日期 {start} 晚于截止日期 {end}。", "The window opens ({start}) after it closes ({end})."),
    "sc.cycle.bad_quota": ("名额 {quota} 无效：应为 0 或正整数。", "Quota {quota} is invalid: use 0 or a positive whole number."),
    "sc.app.unknown": ("申报 {id} 不存在。", "Application {id} does not exist."),
    "sc.app.exists": ("{code} 已申报 {year} 年{level}（状态“{status}”）。",
                      "{code} has already applied for {year} {level} (status '{status}')."),
    "sc.app.not_outlet_svc": ("{code}（{name}）是{type}：示范窗口由网点申报。",
                              "{code} ({name}) is a {type}: showcase units are outlets (网点)."),
    "sc.org.unknown": ("机构代码 {code} 不存在。请先导入机构清单，或检查代码。",
                       "Org code {code} does not exist. Import the org list first, or check the code."),
    "sc.attach.too_big": ("附件“{name}”有 {size:.1f} MB，超过 {limit} MB 上限：请压缩或拆分后再添加。",
                          "Attachment '{name}' is {size:.1f} MB, over the {limit} MB limit; compress or split it."),
    "sc.attach.empty": ("附件“{name}”是空文件。", "Attachment '{name}' is empty."),
    "sc.attach.unknown": ("附件 {id} 不存在。", "Attachment {id} does not exist."),
    "sc.sheet.refused": ("评分表未保存：\n{problems}", "The score sheet was not saved:\n{problems}"),
    "sc.sheet.not_open": ("{code} 的申报是“{status}”，不能再录入评分。",
                          "The application of {code} is '{status}'; no more scores can be entered."),
    "sc.reviewer.unknown": ("评审专家 {id} 不存在。", "Reviewer {id} does not exist."),
    "sc.reviewer.blank": ("请填写评审专家姓名。", "Enter the reviewer's name."),
    "sc.award.decided": ("{year}年{level}已于 {date} 作出授予决定（{n} 个），不能再次授予。",
                         "{year} {level} was already decided on {date} ({n} awarded); it cannot be awarded again."),
    "sc.award.none_scored": ("{year}年{level}没有任何有效评分的申报，无法授予。",
                             "No application of {year} {level} has a valid score; nothing can be awarded."),
    "sc.award.unknown": ("证书编号“{number}”不存在。", "Certificate number '{number}' does not exist."),
    "sc.award.already_revoked": ("证书“{number}”已于 {date} 摘牌。", "Certificate '{number}' was already revoked on {date}."),
    "sc.award.reason": ("摘牌须写明原因。", "A revocation needs a reason."),
    "sc.award.revoke_date": ("摘牌日期 {date} 早于授予日期 {awarded}。",
                             "The revocation date {date} is before the award date {awarded}."),
    "sc.cert.none": ("{year}年{level}没有可打印的有效证书（请先授予）。",
                     "{year} {level} has no valid awards to print (award first)."),
    "sc.verify.valid": ("有效：{number}，{unit}，{year}年{level}，{date} 授予。",
                        "Valid: {number}, {unit}, {year} {level}, awarded {date}."),
    "sc.verify.revoked": ("已摘牌：{number}，{unit}，{date} 摘牌（{reason}）。",
                          "Revoked: {number}, {unit}, revoked {date} ({reason})."),
    "sc.verify.unknown": ("未知：本系统没有发出编号为“{number}”的证书。",
                          "Unknown: this office issued no certificate numbered '{number}'."),
    "sc.verify.bad_check": ("未知：二维码校验码与编号“{number}”不符，证书可能被伪造或篡改。",
                            "Unknown: the QR check value does not match number '{number}'; the certificate may be forged."),
    "sc.verify.blank": ("请输入证书编号或扫描二维码内容。", "Enter a certificate number or a scanned QR text."),
    "sc.outside.blank": ("请填写称号的正式名称。", "Enter the title's official name."),
    "sc.register.title": ("示范窗口单位称号登记簿", "Showcase awards register"),
    "sc.status.valid": ("有效", "valid"),
    "sc.status.revoked": ("已摘牌", "revoked"),
})

MAX_ATTACHMENT_MB = 20
"""Largest attachment kept in the database (附件大小上限), in megabytes."""

CYCLE_FIELDS = ("title", "announced_on", "window_start", "window_end", "quota", "required_attachments",
                "number_pattern", "issuing_body", "reinspection_years")
"""Settings of a cycle the secretary edits (:meth:`ShowcaseService.update_cycle`)."""

DECIDED_STATUSES = (ApplicationStatus.AWARDED.value, ApplicationStatus.NOT_AWARDED.value)


# ------------------------------------------------------------------------------------------ results

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
    attachments, and the outlet's past awards and outside titles (for the panel)."""

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
    and the reviewers flagged as outliers on it."""

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
        """``qsm showcase rank --json``, exactly DESIGN §7's shape: ``{"year", "level",
        "applications": [{"org", "name", "final", "valid_sheets", "excluded_sheets", "rank"}]}``
        (``final`` rounded half-up to 0.01, ``null`` without a valid sheet)."""
        return {
            "year": self.year,
            "level": self.level,
            "applications": [
                {"org": e.org, "name": e.name, "final": None if e.final is None else float(e.final),
                 "valid_sheets": e.valid_sheets, "excluded_sheets": e.excluded_sheets, "rank": e.rank}
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


# ------------------------------------------------------------------------------------------ helpers

def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _level(level: AwardLevel | str) -> AwardLevel:
    try:
        return AwardLevel.parse(str(level))
    except ValueError as exc:
        raise InputRefused(str(exc)) from None


@dataclass
class _CycleData:
    """Everything about a cycle's review, loaded in a few queries."""

    cycle: ShowcaseCycle
    apps: list[ShowcaseApplication]
    outlets: dict[int, OrgUnit]
    sheets: dict[int, list[tuple[ShowcaseScoreSheet, ShowcaseReviewer, OrgUnit]]]
    results: dict[int, ApplicationResult]
    branches: dict[str, str | None]
    outliers: tuple[OutlierFlag, ...] = field(default_factory=tuple)


class ShowcaseService:
    """Showcase units for the window and the CLI (``services.showcase``)."""

    def __init__(self, services: Services):
        self._services = services

    # ================================================================== cycles
    def _cycle(self, session: Session, year: int, level: AwardLevel | str) -> ShowcaseCycle:
        level = _level(level)
        cycle = store.find_cycle(session, int(year), level)
        if cycle is None:
            raise NotFound(msg("sc.cycle.unknown", year=year, level=level.value))
        return cycle

    def _cycle_info(self, session: Session, cycle: ShowcaseCycle) -> CycleInfo:
        apps = session.scalar(select(func.count()).select_from(ShowcaseApplication)
                              .where(ShowcaseApplication.cycle_id == cycle.id)) or 0
        sheets = session.scalar(select(func.count()).select_from(ShowcaseScoreSheet)
                                .join(ShowcaseApplication, ShowcaseApplication.id == ShowcaseScoreSheet.application_id)
                                .where(ShowcaseApplication.cycle_id == cycle.id)) or 0
        decision = session.scalar(select(ShowcaseDecision).where(ShowcaseDecision.cycle_id == cycle.id)
                                  .order_by(ShowcaseDecision.id.desc()).limit(1))
        panel = session.execute(
            select(ShowcaseReviewer.name, OrgUnit.code).join(ShowcasePanelMember, ShowcasePanelMember.reviewer_id == ShowcaseReviewer.id)
            .join(OrgUnit, OrgUnit.id == ShowcaseReviewer.org_unit_id).where(ShowcasePanelMember.cycle_id == cycle.id)
            .order_by(OrgUnit.code, ShowcaseReviewer.name)).all()
        return CycleInfo(
            id=cycle.id, year=cycle.year, level=cycle.level, title=cycle.title, announced_on=cycle.announced_on,
            window_start=cycle.window_start, window_end=cycle.window_end, quota=cycle.quota,
            sheet=store.cycle_sheet(cycle), required_attachments=tuple(cycle.required_attachments or ()),
            number_pattern=cycle.number_pattern, issuing_body=cycle.issuing_body,
            reinspection_years=cycle.reinspection_years, applications=apps, sheets=sheets,
            decided_on=decision.decided_on if decision else None, meeting_ref=decision.meeting_ref if decision else None,
            panel=tuple((n, c) for n, c in panel), version=cycle.version,
        )

    def cycles(self, actor: Actor) -> list[CycleInfo]:
        """Every award cycle, newest year first, then 全国级 → 总行级 → 分行级."""
        require(actor, msg("sc.action.read"), write=False)
        order = {AwardLevel.NATIONAL.value: 0, AwardLevel.HEAD_OFFICE.value: 1, AwardLevel.BRANCH.value: 2}
        with self._services.read() as session:
            cycles = session.scalars(select(ShowcaseCycle)).all()
            infos = [self._cycle_info(session, c) for c in cycles]
        return sorted(infos, key=lambda c: (-c.year, order.get(c.level, 9)))

    def cycle(self, actor: Actor, year: int, level: AwardLevel | str) -> CycleInfo:
        """The cycle of ``year`` × ``level`` (:class:`NotFound` when there is none)."""
        require(actor, msg("sc.action.read"), write=False)
        with self._services.read() as session:
            return self._cycle_info(session, self._cycle(session, year, level))

    def create_cycle(self, actor: Actor, year: int, level: AwardLevel | str, *,
                     sheet: ScoreSheetTemplate | None = None, **settings: Any) -> CycleInfo:
        """Create the cycle of ``year`` × ``level`` from ``sheet`` (default: the bundled default
        sheet) with optional ``settings`` (see :data:`CYCLE_FIELDS`). Refused when it exists."""
        require(actor, msg("sc.action.cycle"))
        level = _level(level)
        with self._services.unit_of_work() as session:
            if store.find_cycle(session, year, level) is not None:
                raise InputRefused(msg("sc.cycle.exists", year=year, level=level.value))
            cycle = store.create_cycle(session, int(year), level, now=_now(), sheet=sheet)
            self._apply_settings(cycle, settings)
            session.flush()
            audit(session, actor, "showcase_cycle", cycle.id, "create", None,
                  {"year": cycle.year, "level": cycle.level, "title": cycle.title})
            return self._cycle_info(session, cycle)

    def _apply_settings(self, cycle: ShowcaseCycle, settings: dict[str, Any]) -> dict[str, Any]:
        changed: dict[str, Any] = {}
        for key, value in settings.items():
            if key not in CYCLE_FIELDS:
                raise InputRefused(msg("sc.cycle.bad_field", field=key))
            if key == "number_pattern":
                value = CertificateNumberPattern(value or DEFAULT_NUMBER_PATTERN).pattern
            if key == "quota" and value is not None and (not isinstance(value, int) or value < 0):
                raise InputRefused(msg("sc.cycle.bad_quota", quota=value))
            if key == "required_attachments":
                value = [str(v).strip() for v in value or () if str(v).strip()]
            if getattr(cycle, key) != value:
                changed[key] = value
                setattr(cycle, key, value)
        if cycle.window_start and cycle.window_end and cycle.window_start > cycle.window_end:
            raise InputRefused(msg("sc.cycle.bad_window", start=cycle.window_start, end=cycle.window_end))
        return changed

    def update_cycle(self, actor: Actor, cycle_id: int, version: int, **settings: Any) -> CycleInfo:
        """Edit a cycle's settings (title, announcement date, window, quota, attachments, number
        pattern, issuing body, re-inspection years). ``version`` is the one the person saw: a
        stale one raises :class:`ConflictError`. Audited."""
        require(actor, msg("sc.action.cycle"))
        with self._services.unit_of_work() as session:
            cycle = session.get(ShowcaseCycle, cycle_id)
            if cycle is None:
                raise NotFound(msg("sc.cycle.unknown", year="?", level=""))
            _check_version(cycle, version)
            before = {k: getattr(cycle, k) for k in settings if k in CYCLE_FIELDS}
            changed = self._apply_settings(cycle, settings)
            session.flush()
            if changed:
                audit(session, actor, "showcase_cycle", cycle.id, "update", before, changed)
            return self._cycle_info(session, cycle)

    def set_sheet(self, actor: Actor, cycle_id: int, sheet: ScoreSheetTemplate | str | Path) -> CycleInfo:
        """Replace a cycle's score sheet (a template, TOML text or a ``.toml`` path; a
        1,000-point CBSS1000 sheet fits) — refused once scoring has started."""
        require(actor, msg("sc.action.cycle"))
        if not isinstance(sheet, ScoreSheetTemplate):
            sheet = ScoreSheetTemplate.from_toml(Path(sheet) if isinstance(sheet, Path) or str(sheet).endswith(".toml")
                                                 else str(sheet))
        with self._services.unit_of_work() as session:
            cycle = session.get(ShowcaseCycle, cycle_id)
            if cycle is None:
                raise NotFound(msg("sc.cycle.unknown", year="?", level=""))
            info = self._cycle_info(session, cycle)
            if info.scoring_started:
                raise InputRefused(msg("sc.cycle.scoring_started", year=cycle.year, level=cycle.level, n=info.sheets))
            before = cycle.sheet
            cycle.sheet = sheet.to_mapping()
            session.flush()
            audit(session, actor, "showcase_cycle", cycle.id, "set_sheet", {"sheet": before.get("name")},
                  {"sheet": sheet.name, "points": str(sheet.total_points)})
            return self._cycle_info(session, cycle)

    # ================================================================== applications
    def _outlet(self, session: Session, code: str) -> OrgUnit:
        unit = session.scalar(select(OrgUnit).where(OrgUnit.code == str(code).strip()))
        if unit is None:
            raise NotFound(msg("sc.org.unknown", code=code))
        return unit

    def _app(self, session: Session, application_id: int) -> ShowcaseApplication:
        app = session.get(ShowcaseApplication, application_id)
        if app is None:
            raise NotFound(msg("sc.app.unknown", id=application_id))
        return app

    def _award_info(self, award: ShowcaseAward, outlet: OrgUnit, branch: str | None, meeting: str | None,
                    prints: int) -> AwardInfo:
        return AwardInfo(id=award.id, number=award.number, year=award.year, level=award.level, seq=award.seq,
                         outlet_code=outlet.code, outlet_name=outlet.name, branch_code=branch,
                         awarded_on=award.awarded_on, final_score=award.final_score, revoked_on=award.revoked_on,
                         revoke_reason=award.revoke_reason, reinspection_due=award.reinspection_due,
                         meeting_ref=meeting, prints=prints, version=award.version)

    def _awards(self, session: Session, *conditions: Any) -> list[AwardInfo]:
        prints = dict(session.execute(select(ShowcasePrint.award_id, func.count()).group_by(ShowcasePrint.award_id)).all())
        rows = session.execute(
            select(ShowcaseAward, OrgUnit, ShowcaseDecision.meeting_ref)
            .join(OrgUnit, OrgUnit.id == ShowcaseAward.outlet_id)
            .join(ShowcaseDecision, ShowcaseDecision.id == ShowcaseAward.decision_id)
            .where(*conditions).order_by(ShowcaseAward.year, ShowcaseAward.level, ShowcaseAward.seq)).all()
        branches = store.branch_map(session) if rows else {}
        return [self._award_info(a, o, branches.get(o.code), m, prints.get(a.id, 0)) for a, o, m in rows]

    def _outside(self, session: Session, *conditions: Any) -> list[OutsideTitleInfo]:
        rows = session.execute(select(ShowcaseOutsideTitle, OrgUnit).join(OrgUnit, OrgUnit.id == ShowcaseOutsideTitle.outlet_id)
                               .where(*conditions).order_by(ShowcaseOutsideTitle.awarded_on)).all()
        return [OutsideTitleInfo(t.id, o.code, o.name, t.level, t.official_name, t.awarded_on, t.awarded_by, t.revoked_on)
                for t, o in rows]

    def _app_infos(self, session: Session, apps: Sequence[ShowcaseApplication], *, details: bool) -> list[ApplicationInfo]:
        if not apps:
            return []
        cycles = {c.id: c for c in session.scalars(select(ShowcaseCycle).where(
            ShowcaseCycle.id.in_({a.cycle_id for a in apps})))}
        unit_ids = {a.outlet_id for a in apps} | {a.branch_id for a in apps if a.branch_id}
        units = {u.id: u for u in session.scalars(select(OrgUnit).where(OrgUnit.id.in_(unit_ids)))}
        counts = dict(session.execute(select(ShowcaseScoreSheet.application_id, func.count())
                                      .where(ShowcaseScoreSheet.application_id.in_([a.id for a in apps]))
                                      .group_by(ShowcaseScoreSheet.application_id)).all())
        out = []
        for a in apps:
            cycle = cycles[a.cycle_id]
            outlet = units[a.outlet_id]
            branch = units.get(a.branch_id) if a.branch_id else None
            attachments: tuple[AttachmentInfo, ...] = ()
            past: tuple[AwardInfo, ...] = ()
            outside: tuple[OutsideTitleInfo, ...] = ()
            if details:
                attachments = tuple(AttachmentInfo(x.id, x.name, x.kind, x.size, x.sha256, x.added_by, x.added_at)
                                    for x in session.scalars(select(ShowcaseAttachment)
                                                             .where(ShowcaseAttachment.application_id == a.id)
                                                             .order_by(ShowcaseAttachment.id)))
                past = tuple(w for w in self._awards(session, ShowcaseAward.outlet_id == a.outlet_id)
                             if w.year < cycle.year or (w.year == cycle.year and w.level != cycle.level))
                outside = tuple(self._outside(session, ShowcaseOutsideTitle.outlet_id == a.outlet_id))
            out.append(ApplicationInfo(
                id=a.id, cycle_id=cycle.id, year=cycle.year, level=cycle.level, outlet_code=outlet.code,
                outlet_name=a.unit_name or outlet.name, branch_code=branch.code if branch else None,
                branch_name=branch.name if branch else None, status=a.status, form=dict(a.form or {}),
                self_scores=dict(a.self_scores or {}), nominated_from_id=a.nominated_from_id,
                sheets=counts.get(a.id, 0), attachments=attachments, past_awards=past, outside_titles=outside,
                version=a.version))
        return out

    def applications(self, actor: Actor, *, year: int | None = None, level: AwardLevel | str | None = None,
                     branch: str | None = None, status: str | None = None) -> list[ApplicationInfo]:
        """Applications filtered by year, level (分行级/总行级/全国级), branch code (分行机构代码) and
        status (草稿 … 已撤回), by year, level and outlet code. A branch secretary sees their own
        branch's only."""
        require(actor, msg("sc.action.read"), write=False)
        stmt = (select(ShowcaseApplication).join(ShowcaseCycle, ShowcaseCycle.id == ShowcaseApplication.cycle_id)
                .join(OrgUnit, OrgUnit.id == ShowcaseApplication.outlet_id))
        if year is not None:
            stmt = stmt.where(ShowcaseCycle.year == int(year))
        if level:
            stmt = stmt.where(ShowcaseCycle.level == _level(level).value)
        if status:
            stmt = stmt.where(ShowcaseApplication.status == ApplicationStatus(status).value)
        if branch:
            stmt = stmt.where(OrgUnit.path.like(f"%/{branch}/%"))
        if actor.org_scope:
            stmt = stmt.where(OrgUnit.path.like(f"%/{actor.org_scope}/%"))
        stmt = stmt.order_by(ShowcaseCycle.year.desc(), ShowcaseCycle.level, OrgUnit.code)
        with self._services.read() as session:
            return self._app_infos(session, session.scalars(stmt).all(), details=False)

    def application(self, actor: Actor, application_id: int) -> ApplicationInfo:
        """One application with its attachments, the outlet's past awards and outside titles."""
        require(actor, msg("sc.action.read"), write=False)
        with self._services.read() as session:
            return self._app_infos(session, [self._app(session, application_id)], details=True)[0]

    def create_application(self, actor: Actor, year: int, level: AwardLevel | str, outlet_code: str, *,
                           form: dict[str, Any] | None = None, status: str = ApplicationStatus.DRAFT.value) -> ApplicationInfo:
        """Enter an application in a form (草稿 by default); the first one for a year × level
        creates the cycle from the default sheet. Refused for a unit that is not an outlet, or an
        outlet that already applied for the cycle."""
        level = _level(level)
        with self._services.unit_of_work() as session:
            outlet = self._outlet(session, outlet_code)
            require(actor, msg("sc.action.apply"), org_path=outlet.path, org_code=outlet.code)
            app = self._new_application(session, actor, int(year), level, outlet, form or {}, status, None)
            return self._app_infos(session, [app], details=True)[0]

    def _new_application(self, session: Session, actor: Actor, year: int, level: AwardLevel, outlet: OrgUnit,
                         form: dict[str, Any], status: str, from_id: int | None) -> ShowcaseApplication:
        if outlet.type not in ("网点", "支行"):
            raise InputRefused(msg("sc.app.not_outlet_svc", code=outlet.code, name=outlet.name, type=outlet.type))
        cycle = store.find_cycle(session, year, level)
        if cycle is None:
            cycle = store.create_cycle(session, year, level, now=_now())
            audit(session, actor, "showcase_cycle", cycle.id, "create", None,
                  {"year": year, "level": level.value, "title": cycle.title, "from": store.DEFAULT_SHEET_FILE})
        existing = session.scalar(select(ShowcaseApplication).where(ShowcaseApplication.cycle_id == cycle.id,
                                                                    ShowcaseApplication.outlet_id == outlet.id))
        if existing is not None:
            raise InputRefused(msg("sc.app.exists", code=outlet.code, year=year, level=level.value, status=existing.status))
        branch = store.branch_map(session).get(outlet.code)
        branch_id = session.scalar(select(OrgUnit.id).where(OrgUnit.code == branch)) if branch else None
        app = ShowcaseApplication(cycle_id=cycle.id, outlet_id=outlet.id, branch_id=branch_id,
                                  status=ApplicationStatus(status).value, unit_name=outlet.name, form=dict(form),
                                  self_scores={}, nominated_from_id=from_id, created_at=_now())
        session.add(app)
        session.flush()
        audit(session, actor, "showcase_application", app.id, "create", None,
              {"outlet": outlet.code, "year": year, "level": level.value, "status": app.status, "from": from_id})
        return app

    def act(self, actor: Actor, application_id: int, action: ApplicationAction | str,
            version: int | None = None) -> ApplicationInfo:
        """Move an application through the status machine (提交, 退回修改, 分行推荐, 进入总行评审, 不予通过,
        撤回; 授予 goes through :meth:`award`). Raises ``InvalidTransition`` with what is possible."""
        action = ApplicationAction(action)
        with self._services.unit_of_work() as session:
            app = self._app(session, application_id)
            outlet = session.get(OrgUnit, app.outlet_id)
            require(actor, msg("sc.action.apply"), org_path=outlet.path, org_code=outlet.code)
            if action is ApplicationAction.AWARD:
                raise InputRefused(msg("showcase.status.invalid", status=app.status, action=action.label,
                                       allowed=msg("sc.action.award")))
            _check_version(app, version)
            new = transition(app.status, action)
            before = app.status
            app.status = new.value
            session.flush()
            audit(session, actor, "showcase_application", app.id, action.value, {"status": before}, {"status": new.value})
            return self._app_infos(session, [app], details=True)[0]

    def nominate(self, actor: Actor, application_id: int) -> ApplicationInfo:
        """Recommend an awarded (not revoked) application to the next level (推荐上报: 分行级 →
        总行级 → 全国级): a new application at that level, status 分行推荐, linked to this one."""
        with self._services.unit_of_work() as session:
            app = self._app(session, application_id)
            cycle = session.get(ShowcaseCycle, app.cycle_id)
            outlet = session.get(OrgUnit, app.outlet_id)
            require(actor, msg("sc.action.apply"), org_path=outlet.path, org_code=outlet.code)
            award = session.scalar(select(ShowcaseAward).where(ShowcaseAward.application_id == app.id))
            step = nominate(cycle.level, app.status, revoked=bool(award and award.revoked_on))
            new = self._new_application(session, actor, cycle.year, step.to_level, outlet, dict(app.form or {}),
                                        step.initial_status.value, app.id)
            return self._app_infos(session, [new], details=True)[0]

    def add_attachment(self, actor: Actor, application_id: int, name: str, data: bytes, *,
                       kind: str | None = None) -> AttachmentInfo:
        """Keep a document with an application (附件): at most :data:`MAX_ATTACHMENT_MB` MB, stored
        in the database with its SHA-256. ``kind`` names the required attachment it fulfils."""
        if not data:
            raise InputRefused(msg("sc.attach.empty", name=name))
        if len(data) > MAX_ATTACHMENT_MB * 1024 * 1024:
            raise InputRefused(msg("sc.attach.too_big", name=name, size=len(data) / 1024 / 1024, limit=MAX_ATTACHMENT_MB))
        with self._services.unit_of_work() as session:
            app = self._app(session, application_id)
            outlet = session.get(OrgUnit, app.outlet_id)
            require(actor, msg("sc.action.apply"), org_path=outlet.path, org_code=outlet.code)
            row = ShowcaseAttachment(application_id=app.id, name=Path(name).name[:200], kind=kind, size=len(data),
                                     sha256=hashlib.sha256(data).hexdigest(), data=bytes(data), added_by=actor.login,
                                     added_at=_now())
            session.add(row)
            session.flush()
            audit(session, actor, "showcase_attachment", row.id, "create", None,
                  {"application": app.id, "name": row.name, "size": row.size, "sha256": row.sha256})
            return AttachmentInfo(row.id, row.name, row.kind, row.size, row.sha256, row.added_by, row.added_at)

    def attachment_data(self, actor: Actor, attachment_id: int) -> tuple[str, bytes]:
        """An attachment's file name and bytes."""
        require(actor, msg("sc.action.read"), write=False)
        with self._services.read() as session:
            row = session.get(ShowcaseAttachment, attachment_id)
            if row is None:
                raise NotFound(msg("sc.attach.unknown", id=attachment_id))
            return row.name, bytes(row.data)

    def record_outside_title(self, actor: Actor, outlet_code: str, level: AwardLevel | str, official_name: str,
                             awarded_on: dt.date, *, awarded_by: str | None = None,
                             application_id: int | None = None) -> OutsideTitleInfo:
        """Record a title won outside (外部称号, e.g. the association's 全国级): its official name and
        date as announced. An open application it answers (a 全国级 nomination) becomes 已授予."""
        level = _level(level)
        if not str(official_name or "").strip():
            raise InputRefused(msg("sc.outside.blank"))
        with self._services.unit_of_work() as session:
            outlet = self._outlet(session, outlet_code)
            require(actor, msg("sc.action.award"), org_path=outlet.path, org_code=outlet.code)
            title = ShowcaseOutsideTitle(outlet_id=outlet.id, level=level.value, official_name=official_name.strip(),
                                         awarded_on=awarded_on, awarded_by=awarded_by, application_id=application_id)
            session.add(title)
            session.flush()
            audit(session, actor, "showcase_outside_title", title.id, "create", None,
                  {"outlet": outlet.code, "level": level.value, "name": title.official_name, "on": awarded_on})
            if application_id is not None:
                app = self._app(session, application_id)
                if app.status == ApplicationStatus.RECOMMENDED.value:
                    app.status = transition(app.status, ApplicationAction.START_REVIEW).value
                if app.status == ApplicationStatus.UNDER_REVIEW.value:
                    app.status = ApplicationStatus.AWARDED.value
                    audit(session, actor, "showcase_application", app.id, "award", None,
                          {"status": app.status, "outside_title": title.id})
            return self._outside(session, ShowcaseOutsideTitle.id == title.id)[0]

    def outside_titles(self, actor: Actor, outlet_code: str | None = None) -> list[OutsideTitleInfo]:
        """Titles won outside, of one outlet or all."""
        require(actor, msg("sc.action.read"), write=False)
        with self._services.read() as session:
            conditions = [OrgUnit.code == outlet_code] if outlet_code else []
            return self._outside(session, *conditions)

    # ================================================================== review
    def _load(self, session: Session, cycle: ShowcaseCycle) -> _CycleData:
        apps = session.scalars(select(ShowcaseApplication).where(ShowcaseApplication.cycle_id == cycle.id)
                               .order_by(ShowcaseApplication.id)).all()
        outlets = {u.id: u for u in session.scalars(select(OrgUnit).where(OrgUnit.id.in_([a.outlet_id for a in apps])))}
        rows = session.execute(
            select(ShowcaseScoreSheet, ShowcaseReviewer, OrgUnit)
            .join(ShowcaseReviewer, ShowcaseReviewer.id == ShowcaseScoreSheet.reviewer_id)
            .join(OrgUnit, OrgUnit.id == ShowcaseReviewer.org_unit_id)
            .where(ShowcaseScoreSheet.application_id.in_([a.id for a in apps]))
            .order_by(ShowcaseScoreSheet.id)).all()
        sheets: dict[int, list] = defaultdict(list)
        for sheet, reviewer, org in rows:
            sheets[sheet.application_id].append((sheet, reviewer, org))
        branches = store.branch_map(session)
        results = {}
        for a in apps:
            totals = [SheetTotal(key=s.id, reviewer=r.name, reviewer_org=o.code, total=Decimal(s.total))
                      for s, r, o in sheets.get(a.id, [])]
            results[a.id] = application_result(outlets[a.outlet_id].code, totals, branches)
        sheet = store.cycle_sheet(cycle)
        outliers = cycle_outliers(results.values(), total_points=sheet.total_points)
        return _CycleData(cycle, list(apps), outlets, sheets, results, branches, outliers)

    def _sheet_info(self, data: _CycleData, app: ShowcaseApplication, sheet: ShowcaseScoreSheet,
                    reviewer: ShowcaseReviewer, org: OrgUnit, items: Sequence[ShowcaseSheetItem]) -> SheetInfo:
        result = data.results[app.id]
        outcome = next((o for o in result.outcomes if o.sheet.key == sheet.id), None)
        flag = next((f for f in data.outliers if f.key == sheet.id), None)
        return SheetInfo(
            id=sheet.id, application_id=app.id, outlet_code=data.outlets[app.outlet_id].code, reviewer_id=reviewer.id,
            reviewer=reviewer.name, reviewer_org=org.code, reviewer_org_name=org.name, scored_on=sheet.scored_on,
            total=Decimal(sheet.total), excluded=outcome.conflicted if outcome else sheet.excluded,
            trimmed=outcome.trimmed if outcome else None, outlier=flag, complete=sheet.complete,
            warnings=sheet.warnings,
            items=tuple(SheetItemInfo(i.item_code, i.item_name, Decimal(i.points), Decimal(i.score), i.reason)
                        for i in items),
            version=sheet.version)

    def sheets(self, actor: Actor, application_id: int) -> list[SheetInfo]:
        """The score sheets of an application with their items, conflict (回避), trim and outlier marks."""
        require(actor, msg("sc.action.read"), write=False)
        with self._services.read() as session:
            app = self._app(session, application_id)
            data = self._load(session, session.get(ShowcaseCycle, app.cycle_id))
            entries = data.sheets.get(app.id, [])
            items: dict[int, list] = defaultdict(list)
            for item in session.scalars(select(ShowcaseSheetItem).where(
                    ShowcaseSheetItem.sheet_id.in_([s.id for s, _r, _o in entries])).order_by(ShowcaseSheetItem.id)):
                items[item.sheet_id].append(item)
            return [self._sheet_info(data, app, s, r, o, items.get(s.id, [])) for s, r, o in entries]

    def reviewers(self, actor: Actor) -> list[tuple[int, str, str, str]]:
        """Every registered reviewer: (id, name, org code, org name)."""
        require(actor, msg("sc.action.read"), write=False)
        with self._services.read() as session:
            rows = session.execute(select(ShowcaseReviewer.id, ShowcaseReviewer.name, OrgUnit.code, OrgUnit.name)
                                   .join(OrgUnit, OrgUnit.id == ShowcaseReviewer.org_unit_id)
                                   .order_by(OrgUnit.code, ShowcaseReviewer.name)).all()
        return [tuple(r) for r in rows]

    def save_sheet(self, actor: Actor, application_id: int, reviewer: str, reviewer_org: str,
                   entries: Iterable[ScoreEntry], *, scored_on: dt.date | None = None,
                   version: int | None = None) -> SaveSheetResult:
        """Enter (or replace) a reviewer's sheet from the score grid (评分录入).

        ``entries``: one :class:`ScoreEntry` per item (name or code, score, 扣分原因). Refused with
        every problem listed (:class:`InputRefused`) for a score above the item's points, a
        negative score, an unknown or repeated item, an unscored item, or an application not open
        for scoring; a deduction without a reason is returned as a warning and the sheet is
        saved. A new reviewer is registered with ``reviewer_org`` and put on the panel; a
        conflicted reviewer's sheet is saved as excluded. ``version`` of the sheet being replaced
        (stale → :class:`ConflictError`)."""
        name = str(reviewer or "").strip()
        if not name:
            raise InputRefused(msg("sc.reviewer.blank"))
        with self._services.unit_of_work() as session:
            app = self._app(session, application_id)
            cycle = session.get(ShowcaseCycle, app.cycle_id)
            outlet = session.get(OrgUnit, app.outlet_id)
            require(actor, msg("sc.action.score"), org_path=outlet.path, org_code=outlet.code)
            if app.status not in (ApplicationStatus.SUBMITTED.value, ApplicationStatus.RECOMMENDED.value,
                                  ApplicationStatus.UNDER_REVIEW.value):
                raise InputRefused(msg("sc.sheet.not_open", code=outlet.code, status=app.status))
            org = self._outlet(session, reviewer_org)
            check = check_scores(store.cycle_sheet(cycle), list(entries), require_all=True)
            if check.errors:
                raise InputRefused(msg("sc.sheet.refused", problems="\n".join(p.message for p in check.errors)))
            person = session.scalar(select(ShowcaseReviewer).where(ShowcaseReviewer.name == name,
                                                                   ShowcaseReviewer.org_unit_id == org.id))
            if person is None:
                person = ShowcaseReviewer(name=name, org_unit_id=org.id)
                session.add(person)
                session.flush()
                audit(session, actor, "showcase_reviewer", person.id, "create", None, {"name": name, "org": org.code})
            if session.scalar(select(ShowcasePanelMember.id).where(ShowcasePanelMember.cycle_id == cycle.id,
                                                                   ShowcasePanelMember.reviewer_id == person.id)) is None:
                session.add(ShowcasePanelMember(cycle_id=cycle.id, reviewer_id=person.id))
            excluded = is_conflicted(org.code, outlet.code, store.branch_map(session))
            sheet = session.scalar(select(ShowcaseScoreSheet).where(ShowcaseScoreSheet.application_id == app.id,
                                                                    ShowcaseScoreSheet.reviewer_id == person.id))
            before = None
            if sheet is None:
                sheet = ShowcaseScoreSheet(application_id=app.id, reviewer_id=person.id)
                session.add(sheet)
            else:
                _check_version(sheet, version)
                before = {"total": str(sheet.total)}
                session.execute(ShowcaseSheetItem.__table__.delete().where(ShowcaseSheetItem.sheet_id == sheet.id))
            sheet.scored_on, sheet.total, sheet.excluded = scored_on, check.total, excluded
            sheet.complete, sheet.warnings = check.complete, len(check.warnings)
            sheet.source_batch_id = sheet.source_sheet = sheet.source_row = None
            session.flush()
            session.add_all([ShowcaseSheetItem(sheet_id=sheet.id, item_code=s.item.code, item_name=s.item.name,
                                               points=s.item.points, score=s.score, reason=s.reason or None)
                             for s in check.scores])
            status = ApplicationStatus(app.status)
            for action in {ApplicationStatus.SUBMITTED: (ApplicationAction.RECOMMEND, ApplicationAction.START_REVIEW),
                           ApplicationStatus.RECOMMENDED: (ApplicationAction.START_REVIEW,)}.get(status, ()):
                new = transition(status, action)
                audit(session, actor, "showcase_application", app.id, action.value, {"status": status.value},
                      {"status": new.value, "by": "score_sheet"})
                status = new
            app.status = status.value
            session.flush()
            audit(session, actor, "score_sheet", sheet.id, "create" if before is None else "update", before,
                  {"total": str(check.total), "excluded": excluded, "reviewer": name, "outlet": outlet.code,
                   "warnings": len(check.warnings)})
            data = self._load(session, cycle)
            items = session.scalars(select(ShowcaseSheetItem).where(ShowcaseSheetItem.sheet_id == sheet.id)
                                    .order_by(ShowcaseSheetItem.id)).all()
            info = self._sheet_info(data, app, sheet, person, org, items)
        return SaveSheetResult(info, tuple(p.message for p in check.warnings))

    def progress(self, actor: Actor, year: int, level: AwardLevel | str) -> list[ReviewerProgress]:
        """Per reviewer of the cycle's panel: sheets entered, applications still to score (not
        conflicted, not yet scored by them), conflicted ones, sheets flagged as outliers."""
        require(actor, msg("sc.action.read"), write=False)
        with self._services.read() as session:
            cycle = self._cycle(session, year, level)
            data = self._load(session, cycle)
            panel = session.execute(
                select(ShowcaseReviewer, OrgUnit).join(ShowcasePanelMember, ShowcasePanelMember.reviewer_id == ShowcaseReviewer.id)
                .join(OrgUnit, OrgUnit.id == ShowcaseReviewer.org_unit_id)
                .where(ShowcasePanelMember.cycle_id == cycle.id).order_by(OrgUnit.code, ShowcaseReviewer.name)).all()
        scoring = [a for a in data.apps if a.status not in (ApplicationStatus.WITHDRAWN.value, ApplicationStatus.DRAFT.value)]
        out = []
        for reviewer, org in panel:
            done = {a_id for a_id, rows in data.sheets.items() for s, r, _o in rows if r.id == reviewer.id}
            conflicted = [a for a in scoring if is_conflicted(org.code, data.outlets[a.outlet_id].code, data.branches)]
            todo = [a for a in scoring if a.id not in done and a not in conflicted
                    and a.status not in DECIDED_STATUSES]
            flagged = sum(1 for f in data.outliers if f.reviewer == reviewer.name
                          and any(s.id == f.key and r.id == reviewer.id for rows in data.sheets.values() for s, r, _o in rows))
            out.append(ReviewerProgress(reviewer.id, reviewer.name, org.code, org.name, len(done), len(todo),
                                        len(conflicted), flagged))
        return out

    def rank(self, actor: Actor, year: int, level: AwardLevel | str, *, quota: int | None = None) -> Ranking:
        """The cycle's ranking (排名, DESIGN §5): final scores (mean of the valid sheets; trimmed
        mean from 5), competition ranks on the published score, the quota line (``quota`` or the
        cycle's) with a tie at the line shown, outlier flags. Withdrawn applications are left out."""
        require(actor, msg("sc.action.read"), write=False)
        with self._services.read() as session:
            cycle = self._cycle(session, year, level)
            data = self._load(session, cycle)
            decision = session.scalar(select(ShowcaseDecision).where(ShowcaseDecision.cycle_id == cycle.id)
                                      .order_by(ShowcaseDecision.id.desc()).limit(1))
        return self._ranking(data, quota if quota is not None else cycle.quota, decision)

    def _ranking(self, data: _CycleData, quota: int | None, decision: ShowcaseDecision | None) -> Ranking:
        apps = [a for a in data.apps if a.status != ApplicationStatus.WITHDRAWN.value]
        ranked = rank_competition([(a.id, data.results[a.id].final) for a in apps])
        line: QuotaLine | None = quota_line(ranked, quota) if quota is not None else None
        where: dict[int, str] = {}
        if line is not None:
            for name in ("within", "tied", "outside", "unscored"):
                for e in getattr(line, name):
                    where[e.key] = name
        by_id = {a.id: a for a in apps}
        entries = []
        for e in ranked:
            a = by_id[e.key]
            result = data.results[a.id]
            outlet = data.outlets[a.outlet_id]
            flagged = tuple(f.reviewer for f in data.outliers if f.application == outlet.code)
            entries.append(RankedApplication(
                application_id=a.id, org=outlet.code, name=a.unit_name or outlet.name,
                branch=data.branches.get(outlet.code), final=result.final, exact=result.exact,
                valid_sheets=result.valid_sheets, excluded_sheets=len(result.excluded), rank=e.rank,
                trimmed=result.trimmed, line=where.get(a.id, "unscored" if e.rank is None else ""), status=a.status,
                outliers=flagged))
        return Ranking(year=data.cycle.year, level=data.cycle.level, cycle_id=data.cycle.id, quota=quota,
                       entries=tuple(entries), tied=tuple(e.key for e in line.tied) if line else (),
                       seats=line.seats if line else 0, outliers=data.outliers,
                       decided_on=decision.decided_on if decision else None)

    # ================================================================== awards
    def award(self, actor: Actor, year: int, level: AwardLevel | str, quota: int, *,
              decided_on: dt.date | None = None, meeting_ref: str | None = None,
              committee_choice: Collection[str] | None = None) -> list[AwardInfo]:
        """Award the top ``quota`` of the cycle (授予决定, DESIGN §5).

        Refused (:class:`QuotaTieRefused`, naming the tied applications) when the quota line falls
        inside a tie — unless ``committee_choice`` names (by outlet code) exactly the places left,
        recorded as the committee's decision. Records the decision (``decided_on``, default
        ``domain.showcase.default_decision_date``: today, or 31 December of an older cycle's year;
        ``meeting_ref`` 会议纪要文号), numbers each award from the cycle's pattern with the next
        sequence of its year × level (never reusing a number, revoked ones included), sets the
        re-inspection due date, marks the winners 已授予 and the other scored applications 未通过.
        A cycle is decided once."""
        require(actor, msg("sc.action.award"))
        level = _level(level)
        decided_on = decided_on or default_decision_date(year, dt.date.today())
        with self._services.unit_of_work() as session:
            cycle = self._cycle(session, year, level)
            previous = session.scalar(select(ShowcaseDecision).where(ShowcaseDecision.cycle_id == cycle.id).limit(1))
            if previous is not None:
                n = session.scalar(select(func.count()).select_from(ShowcaseAward)
                                   .where(ShowcaseAward.decision_id == previous.id))
                raise InputRefused(msg("sc.award.decided", year=cycle.year, level=cycle.level,
                                       date=previous.decided_on.isoformat(), n=n))
            data = self._load(session, cycle)
            apps = [a for a in data.apps if a.status != ApplicationStatus.WITHDRAWN.value]
            ranked = rank_competition([(a.id, data.results[a.id].final) for a in apps])
            if not any(e.rank is not None for e in ranked):
                raise InputRefused(msg("sc.award.none_scored", year=cycle.year, level=cycle.level))
            by_id = {a.id: a for a in apps}
            code_of = {a.id: data.outlets[a.outlet_id].code for a in apps}
            chosen = None
            if committee_choice is not None:
                wanted = {str(c).strip() for c in committee_choice}
                chosen = {a_id for a_id, code in code_of.items() if code in wanted}
                if len(chosen) != len(wanted):
                    chosen |= {-1}  # an unknown code: let the domain refuse the choice
            winners = award_decision(ranked, quota, committee_choice=chosen,
                                     label=lambda k: f"{code_of.get(k, k)} {by_id[k].unit_name}" if k in by_id else str(k))
            decision = ShowcaseDecision(cycle_id=cycle.id, decided_on=decided_on, meeting_ref=meeting_ref or None,
                                        quota=quota, committee_choice=sorted(code_of[k] for k in chosen or () if k in code_of),
                                        decided_by=actor.login, decided_at=_now())
            session.add(decision)
            cycle.quota = quota
            session.flush()
            pattern = CertificateNumberPattern(cycle.number_pattern)
            issued = session.scalars(select(ShowcaseAward.seq).where(ShowcaseAward.year == cycle.year,
                                                                     ShowcaseAward.level == cycle.level)).all()
            seq = next_sequence(issued)
            taken = set(session.scalars(select(ShowcaseAward.number)))
            finals = {e.key: e.score for e in ranked}
            created = []
            for app_id in winners:
                number = pattern.format(cycle.year, cycle.level, seq)
                while number in taken:
                    seq += 1
                    number = pattern.format(cycle.year, cycle.level, seq)
                app = by_id[app_id]
                award = ShowcaseAward(number=number, year=cycle.year, level=cycle.level, seq=seq, application_id=app.id,
                                      outlet_id=app.outlet_id, decision_id=decision.id, awarded_on=decided_on,
                                      final_score=finals.get(app_id),
                                      reinspection_due=_add_years(decided_on, cycle.reinspection_years))
                session.add(award)
                taken.add(number)
                seq += 1
                app.status = ApplicationStatus.AWARDED.value
                created.append(award)
            for app in apps:
                if app.id not in winners and app.status == ApplicationStatus.UNDER_REVIEW.value:
                    app.status = transition(app.status, ApplicationAction.REJECT).value
            session.flush()
            audit(session, actor, "showcase_decision", decision.id, "award", None,
                  {"year": cycle.year, "level": cycle.level, "quota": quota, "decided_on": decided_on,
                   "meeting_ref": meeting_ref, "committee_choice": decision.committee_choice,
                   "awarded": [a.number for a in created]})
            return self._awards(session, ShowcaseAward.decision_id == decision.id)

    def awards(self, actor: Actor, *, year: int | None = None, level: AwardLevel | str | None = None,
               branch: str | None = None, include_revoked: bool = True) -> list[AwardInfo]:
        """The awards register (称号登记簿), by year, level and sequence."""
        require(actor, msg("sc.action.read"), write=False)
        conditions = []
        if year is not None:
            conditions.append(ShowcaseAward.year == int(year))
        if level:
            conditions.append(ShowcaseAward.level == _level(level).value)
        if branch:
            conditions.append(OrgUnit.path.like(f"%/{branch}/%"))
        if not include_revoked:
            conditions.append(ShowcaseAward.revoked_on.is_(None))
        with self._services.read() as session:
            return self._awards(session, *conditions)

    def _award_by_number(self, session: Session, number: str) -> ShowcaseAward:
        award = session.scalar(select(ShowcaseAward).where(ShowcaseAward.number == self._canonical(session, number)))
        if award is None:
            raise NotFound(msg("sc.award.unknown", number=number))
        return award

    def _canonical(self, session: Session, number: str) -> str:
        text = str(number).strip()
        patterns = {DEFAULT_NUMBER_PATTERN, *session.scalars(select(ShowcaseCycle.number_pattern).distinct())}
        for pattern in patterns:
            try:
                return CertificateNumberPattern(pattern).canonical(text)
            except InputRefused:
                continue
        return text

    def revoke(self, actor: Actor, number: str, reason: str, revoked_on: dt.date | None = None,
               version: int | None = None) -> AwardInfo:
        """Revoke an award (摘牌) with a reason and date; the number stays taken for ever."""
        if not str(reason or "").strip():
            raise InputRefused(msg("sc.award.reason"))
        revoked_on = revoked_on or dt.date.today()
        require(actor, msg("sc.action.award"))
        with self._services.unit_of_work() as session:
            award = self._award_by_number(session, number)
            if award.revoked_on is not None:
                raise InputRefused(msg("sc.award.already_revoked", number=award.number, date=award.revoked_on))
            if revoked_on < award.awarded_on:
                raise InputRefused(msg("sc.award.revoke_date", date=revoked_on, awarded=award.awarded_on))
            _check_version(award, version)
            award.revoked_on, award.revoke_reason = revoked_on, reason.strip()
            session.flush()
            audit(session, actor, "showcase_award", award.id, "revoke", {"revoked_on": None},
                  {"number": award.number, "revoked_on": revoked_on, "reason": award.revoke_reason})
            return self._awards(session, ShowcaseAward.id == award.id)[0]

    def set_reinspection(self, actor: Actor, number: str, due: dt.date, version: int | None = None) -> AwardInfo:
        """Set the next re-inspection (复查) due date of an award."""
        require(actor, msg("sc.action.award"))
        with self._services.unit_of_work() as session:
            award = self._award_by_number(session, number)
            _check_version(award, version)
            before = award.reinspection_due
            award.reinspection_due = due
            session.flush()
            audit(session, actor, "showcase_award", award.id, "reinspection", {"due": before}, {"due": due})
            return self._awards(session, ShowcaseAward.id == award.id)[0]

    def reinspections_due(self, actor: Actor, by: dt.date) -> list[AwardInfo]:
        """Awards not revoked whose re-inspection is due on or before ``by`` (复查到期)."""
        require(actor, msg("sc.action.read"), write=False)
        with self._services.read() as session:
            return self._awards(session, ShowcaseAward.revoked_on.is_(None), ShowcaseAward.reinspection_due <= by)

    def awards_held(self, actor: Actor, unit_code: str, as_of: dt.date,
                    levels: Sequence[str] = (AwardLevel.NATIONAL.value, AwardLevel.HEAD_OFFICE.value)) -> int:
        """Titles of ``levels`` held on ``as_of`` by outlets of ``unit_code``'s subtree (D01 of the
        evaluation; the plan's national target): the bank's awards awarded by then and not revoked
        by then, plus titles won outside likewise."""
        require(actor, msg("sc.action.read"), write=False)
        levels = [_level(lv).value for lv in levels]
        subtree = f"%/{unit_code}/%"
        with self._services.read() as session:
            own = session.scalar(
                select(func.count()).select_from(ShowcaseAward).join(OrgUnit, OrgUnit.id == ShowcaseAward.outlet_id)
                .where(OrgUnit.path.like(subtree), ShowcaseAward.level.in_(levels), ShowcaseAward.awarded_on <= as_of,
                       or_(ShowcaseAward.revoked_on.is_(None), ShowcaseAward.revoked_on > as_of))) or 0
            outside = session.scalar(
                select(func.count()).select_from(ShowcaseOutsideTitle)
                .join(OrgUnit, OrgUnit.id == ShowcaseOutsideTitle.outlet_id)
                .where(OrgUnit.path.like(subtree), ShowcaseOutsideTitle.level.in_(levels),
                       ShowcaseOutsideTitle.awarded_on <= as_of,
                       or_(ShowcaseOutsideTitle.revoked_on.is_(None), ShowcaseOutsideTitle.revoked_on > as_of))) or 0
        return int(own) + int(outside)

    def counts(self, actor: Actor, as_of: dt.date) -> AwardCounts:
        """Titles held on ``as_of`` per branch and bank-wide, per level, with the plan's national
        target for ``as_of``'s year (全国级示范窗口: 40 in 2007, 60 by 2009)."""
        require(actor, msg("sc.action.read"), write=False)
        with self._services.read() as session:
            branches = session.execute(select(OrgUnit.code, OrgUnit.name).where(OrgUnit.type == "分行")
                                       .order_by(OrgUnit.code)).all()
            branch_of = store.branch_map(session)
            held: list[tuple[str, str]] = []
            for model in (ShowcaseAward, ShowcaseOutsideTitle):
                held += session.execute(
                    select(OrgUnit.code, model.level).join(OrgUnit, OrgUnit.id == model.outlet_id)
                    .where(model.awarded_on <= as_of, or_(model.revoked_on.is_(None), model.revoked_on > as_of))).all()
            target = session.scalar(select(PlanTarget.value).where(PlanTarget.metric == "national_showcase_units",
                                                                   PlanTarget.year == as_of.year))
        per_branch: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        bank: dict[str, int] = {lv.value: 0 for lv in AwardLevel}
        for code, level in held:
            bank[level] = bank.get(level, 0) + 1
            branch = branch_of.get(code)
            if branch:
                per_branch[branch][level] += 1
        rows = tuple(BranchCount(code, name, {lv.value: per_branch[code].get(lv.value, 0) for lv in AwardLevel})
                     for code, name in branches)
        return AwardCounts(as_of=as_of, branches=rows, bank=bank, national_target=target)

    def export_register(self, actor: Actor, output: str | Path, *, year: int | None = None,
                        level: AwardLevel | str | None = None) -> Path:
        """Write the awards register (称号登记簿) to an Excel workbook: number, year, level, outlet,
        branch, award date, final score, meeting reference, status, revocation, re-inspection,
        prints. Raises ``OSError`` when the file cannot be written."""
        from openpyxl import Workbook
        from openpyxl.styles import Font

        awards = self.awards(actor, year=year, level=level)
        book = Workbook()
        sheet = book.active
        sheet.title = "称号登记簿"
        sheet.append([msg("sc.register.title", language="zh")])
        sheet["A1"].font = Font(size=14, bold=True)
        header = ["证书编号", "年度", "级别", "序号", "网点代码", "网点名称", "所属分行", "授予日期", "最终得分", "会议纪要",
                  "状态", "摘牌日期", "摘牌原因", "复查到期", "打印次数"]
        sheet.append(header)
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for a in awards:
            sheet.append([a.number, a.year, a.level, a.seq, a.outlet_code, a.outlet_name, a.branch_code, a.awarded_on,
                          None if a.final_score is None else float(a.final_score), a.meeting_ref,
                          msg("sc.status.revoked" if a.revoked else "sc.status.valid", language="zh"), a.revoked_on,
                          a.revoke_reason, a.reinspection_due, a.prints])
        for letter, width in zip("ABCDEFGHIJKLMNO", (30, 6, 8, 6, 10, 34, 10, 12, 10, 18, 8, 12, 24, 12, 8)):
            sheet.column_dimensions[letter].width = width
        for row in sheet.iter_rows(min_row=3):
            for cell in row:
                if isinstance(cell.value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
        sheet.freeze_panes = "A3"
        out = Path(output)
        out.parent.mkdir(parents=True, exist_ok=True)
        book.save(str(out))
        return out

    # ================================================================== certificates
    def _certificates(self, session: Session, awards: Sequence[ShowcaseAward]):
        from qsm_desktop.reports.certificate import AwardCertificate

        key = store.office_secret(session)
        cycles = {(c.year, c.level): c for c in session.scalars(select(ShowcaseCycle))}
        outlets = {u.id: u for u in session.scalars(select(OrgUnit).where(OrgUnit.id.in_([a.outlet_id for a in awards])))}
        names = dict(session.execute(select(ShowcaseApplication.id, ShowcaseApplication.unit_name)
                                     .where(ShowcaseApplication.id.in_([a.application_id for a in awards]))).all())
        certs = []
        for a in awards:
            cycle = cycles.get((a.year, a.level))
            certs.append(AwardCertificate(
                number=a.number, unit_name=names.get(a.application_id) or outlets[a.outlet_id].name, year=a.year,
                level=a.level, title=cycle.title if cycle else store.default_title(a.year, a.level),
                issue_date=(cycle.announced_on if cycle and cycle.announced_on else a.awarded_on),
                issuing_body=cycle.issuing_body if cycle else store.DEFAULT_ISSUER, check=certificate_check(a.number, key)))
        return certs

    def certificates(self, actor: Actor, year: int, level: AwardLevel | str, output: str | Path | None = None, *,
                     per_award_dir: str | Path | None = None, numbers: Sequence[str] | None = None,
                     text_only: bool = False, offset_x_mm: float = 0.0, offset_y_mm: float = 0.0,
                     template: Any = None, progress: Callable[[int, int], None] | None = None,
                     cancel: threading.Event | None = None) -> PrintResult:
        """Print the cycle's award certificates (荣誉证书, DESIGN §5): one PDF at ``output`` and/or
        one file per award in ``per_award_dir``; only ``numbers`` when given (else every award not
        revoked). ``text_only`` prints the variable text for pre-printed paper, shifted by
        ``offset_x_mm``/``offset_y_mm`` (right/down). Every certificate printed is logged (a
        reprint when printed before). Raises :class:`InputRefused` when there is nothing to print,
        ``FontRefused`` for an unusable font."""
        from qsm_desktop.reports.certificate import CertificateTemplate, render_certificate_files, render_certificates

        require(actor, msg("sc.action.print"))
        level = _level(level)
        template = template or CertificateTemplate()
        if text_only and (offset_x_mm or offset_y_mm):
            template = template.with_offsets(offset_x_mm, offset_y_mm)
        with self._services.read() as session:
            cycle = self._cycle(session, year, level)
            stmt = select(ShowcaseAward).where(ShowcaseAward.year == cycle.year, ShowcaseAward.level == cycle.level)
            if numbers:
                stmt = stmt.where(ShowcaseAward.number.in_([self._canonical(session, n) for n in numbers]))
            else:
                stmt = stmt.where(ShowcaseAward.revoked_on.is_(None))
            awards = session.scalars(stmt.order_by(ShowcaseAward.seq)).all()
            if not awards:
                raise InputRefused(msg("sc.cert.none", year=cycle.year, level=cycle.level))
            certs = self._certificates(session, awards)
            session.commit()  # the office secret, when created just now
        files: list[Path] = []
        pages = 0
        cancelled = False
        if output is not None:
            result = render_certificates(certs, output, template, text_only=text_only, progress=progress, cancel=cancel)
            files += list(result.files)
            pages += result.pages
            cancelled = result.cancelled
        if per_award_dir is not None and not cancelled:
            Path(per_award_dir).mkdir(parents=True, exist_ok=True)
            result = render_certificate_files(certs, per_award_dir, template, text_only=text_only, progress=progress,
                                              cancel=cancel)
            files += list(result.files)
            pages += result.pages
            cancelled = result.cancelled
        printed = [a for a in awards] if not cancelled else []
        if printed:
            self._log_prints(actor, [a.id for a in printed], "text_only" if text_only else "full",
                             ";".join(str(f) for f in files)[:500])
        return PrintResult(files=tuple(files), pages=pages, numbers=tuple(a.number for a in printed), cancelled=cancelled)

    def _log_prints(self, actor: Actor, award_ids: Sequence[int], mode: str, target: str | None) -> None:
        with self._services.unit_of_work() as session:
            before = set(session.scalars(select(ShowcasePrint.award_id).where(ShowcasePrint.award_id.in_(award_ids))))
            now = _now()
            for award_id in award_ids:
                session.add(ShowcasePrint(award_id=award_id, printed_at=now, printed_by=actor.login,
                                          reprint=award_id in before, mode=mode, target=target))
            audit(session, actor, "showcase_print", None, "print", None,
                  {"awards": list(award_ids), "mode": mode, "target": target,
                   "reprints": sorted(set(award_ids) & before)})

    def certificate_data(self, actor: Actor, numbers: Sequence[str]) -> list[Any]:
        """The certificates of ``numbers`` as ``reports.certificate.AwardCertificate`` (with their
        check values), for the window's preview and print."""
        require(actor, msg("sc.action.read"), write=False)
        with self._services.unit_of_work() as session:
            return self._certificates(session, [self._award_by_number(session, n) for n in numbers])

    def certificate_pdf(self, actor: Actor, numbers: Sequence[str], *, text_only: bool = False,
                        template: Any = None) -> bytes:
        """The PDF of some certificates in memory, for the preview (not logged as a print)."""
        import io

        from qsm_desktop.reports.certificate import CertificateTemplate, render_certificates

        require(actor, msg("sc.action.read"), write=False)
        with self._services.read() as session:
            awards = [self._award_by_number(session, n) for n in numbers]
            certs = self._certificates(session, awards)
            session.commit()
        buffer = io.BytesIO()
        render_certificates(certs, buffer, template or CertificateTemplate(), text_only=text_only)
        return buffer.getvalue()

    def log_print(self, actor: Actor, numbers: Sequence[str], *, mode: str = "full", target: str | None = None) -> None:
        """Log a print made outside :meth:`certificates` (the window's print dialog)."""
        require(actor, msg("sc.action.print"))
        with self._services.read() as session:
            ids = [self._award_by_number(session, n).id for n in numbers]
        self._log_prints(actor, ids, mode, target)

    def prints(self, actor: Actor, number: str) -> list[tuple[dt.datetime, str, bool, str]]:
        """The print log of one certificate: (when, who, reprint, mode)."""
        require(actor, msg("sc.action.read"), write=False)
        with self._services.read() as session:
            award = self._award_by_number(session, number)
            rows = session.execute(select(ShowcasePrint.printed_at, ShowcasePrint.printed_by, ShowcasePrint.reprint,
                                          ShowcasePrint.mode).where(ShowcasePrint.award_id == award.id)
                                   .order_by(ShowcasePrint.id)).all()
        return [tuple(r) for r in rows]

    def verify(self, actor: Actor, text: str) -> VerifyResult:
        """Verify a certificate (证书验证): ``text`` is a number as printed or typed (full-width
        digits, other brackets accepted) or a scanned QR text (``QSMCERT1|number|check``).
        ``valid`` — issued and not revoked; ``revoked`` — issued, then 摘牌 (number kept);
        ``unknown`` — never issued, or the QR check value does not match (forged)."""
        require(actor, msg("sc.action.read"), write=False)
        raw = str(text or "").strip()
        if not raw:
            raise InputRefused(msg("sc.verify.blank"))
        check = None
        if raw.upper().startswith("QSMCERT"):
            raw, check = parse_qr_payload(raw)
        with self._services.unit_of_work() as session:
            number = self._canonical(session, raw)
            check_ok = None if check is None else verify_check(number, check, store.office_secret(session))
            found = self._awards(session, ShowcaseAward.number == number)
        award = found[0] if found else None
        if award is None:
            return VerifyResult("unknown", number, check_ok, None, msg("sc.verify.unknown", number=number))
        if check_ok is False:
            return VerifyResult("unknown", number, False, None, msg("sc.verify.bad_check", number=number))
        if award.revoked:
            return VerifyResult("revoked", number, check_ok, award,
                                msg("sc.verify.revoked", number=number, unit=award.outlet_name,
                                    date=award.revoked_on.isoformat(), reason=award.revoke_reason or ""))
        return VerifyResult("valid", number, check_ok, award,
                            msg("sc.verify.valid", number=number, unit=award.outlet_name, year=award.year,
                                level=award.level, date=award.awarded_on.isoformat()))


def _check_version(record: Any, version: int | None) -> None:
    """Refuse an edit made on a stale copy (DESIGN §6): ``version`` is what the person saw."""
    if version is not None and record.version != version:
        raise ConflictError(msg("conflict.stale", entity=getattr(record, "__tablename__", "")))


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


__all__ = [
    "ApplicationInfo", "AttachmentInfo", "AwardCounts", "AwardInfo", "BranchCount", "CycleInfo", "MAX_ATTACHMENT_MB",
    "OutsideTitleInfo", "PrintResult", "RankedApplication", "Ranking", "ReviewerProgress", "SaveSheetResult",
    "SheetInfo", "SheetItemInfo", "ShowcaseService", "VerifyResult",
]
