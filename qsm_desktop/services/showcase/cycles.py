"""Award cycles (评选周期): year × level, official title and announcement date, application window,
quota, the score sheet (editable until scoring starts), required attachments, the panel and the
certificate number pattern — DESIGN.md §5.

- :func:`cycle_info` — a cycle as :class:`~.results.CycleInfo` (counts, decision, panel);
- :func:`cycle_for_application_in` — the cycle an application goes to, created from the default
  sheet for the first application of a year × level (the window's form, a nomination and the
  application-form import all call it);
- :class:`CycleService` — the window's and the CLI's cycle use cases.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qsm_desktop.domain.errors import InputRefused, NotFound
from qsm_desktop.domain.i18n import msg
from qsm_desktop.domain.showcase import DEFAULT_NUMBER_PATTERN, AwardLevel, CertificateNumberPattern, ScoreSheetTemplate
from qsm_desktop.services.audit import audit, audit_many
from qsm_desktop.services.context import Actor, Role, require
from qsm_desktop.services.permissions import require_rule
from qsm_desktop.services.showcase.common import check_version, cycle_of, level_of, now, own_reviewer
from qsm_desktop.services.showcase.results import CycleInfo
from qsm_desktop.store import showcase as store
from qsm_desktop.store.models import OrgUnit
from qsm_desktop.store.models.showcase import (
    ShowcaseApplication,
    ShowcaseCycle,
    ShowcaseDecision,
    ShowcasePanelMember,
    ShowcaseReviewer,
    ShowcaseScoreSheet,
)

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services

__all__ = ["CYCLE_FIELDS", "CycleService", "cycle_for_application_in", "cycle_info"]

CYCLE_FIELDS = ("title", "announced_on", "window_start", "window_end", "quota", "required_attachments",
                "number_pattern", "issuing_body", "reinspection_years")
"""Settings of a cycle the secretary edits (:meth:`CycleService.update_cycle`)."""


def cycle_info(session: Session, cycle: ShowcaseCycle) -> CycleInfo:
    """``cycle`` with its counts of applications and score sheets, its latest award decision
    (date, meeting reference) and its panel (reviewer name, org code)."""
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


def cycle_for_application_in(session: Session, actor: Actor, year: int, level: AwardLevel, *,
                             at: dt.datetime | None = None, batch_id: int | None = None) -> ShowcaseCycle:
    """The cycle of ``year`` × ``level`` an application goes to; the first application of a
    year × level creates it from the bundled default sheet (DESIGN §5), audited as ``create`` of
    ``showcase_cycle`` (year, level, title, sheet name, the seed file) at ``at`` with the import
    ``batch_id`` when it came from a workbook. The caller checked the permission."""
    cycle = store.find_cycle(session, year, level)
    if cycle is None:
        cycle = store.create_cycle(session, year, level, now=at or now())
        audit_many(session, actor, [("showcase_cycle", cycle.id, "create", None,
                                     {"year": cycle.year, "level": cycle.level, "title": cycle.title,
                                      "sheet": cycle.sheet.get("name"), "from": store.DEFAULT_SHEET_FILE})],
                   batch_id=batch_id, at=at)
    return cycle


def _apply_settings(cycle: ShowcaseCycle, settings: dict[str, Any]) -> dict[str, Any]:
    """Set ``settings`` (names of :data:`CYCLE_FIELDS`) on ``cycle``; the ones that changed.
    Raises :class:`InputRefused` for an unknown setting, a bad quota or an inverted window."""
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


class CycleService:
    """Award cycles for the window and the CLI (part of ``services.showcase``)."""

    def __init__(self, services: Services):
        self._services = services

    def cycles(self, actor: Actor) -> list[CycleInfo]:
        """Every award cycle, newest year first, then 全国级 → 总行级 → 分行级; for a reviewer, the
        cycles whose panel she sits on (DESIGN §6: she gets the applications assigned to her)."""
        require(actor, msg("sc.action.read"), write=False)
        order = {AwardLevel.NATIONAL.value: 0, AwardLevel.HEAD_OFFICE.value: 1, AwardLevel.BRANCH.value: 2}
        with self._services.read() as session:
            stmt = select(ShowcaseCycle)
            if actor.role is Role.REVIEWER:
                mine = own_reviewer(session, actor).reviewer_id if actor.org_scope else None
                stmt = stmt.where(ShowcaseCycle.id.in_(select(ShowcasePanelMember.cycle_id)
                                                       .where(ShowcasePanelMember.reviewer_id == mine)))
            cycles = session.scalars(stmt).all()
            infos = [cycle_info(session, c) for c in cycles]
        return sorted(infos, key=lambda c: (-c.year, order.get(c.level, 9)))

    def cycle(self, actor: Actor, year: int, level: AwardLevel | str) -> CycleInfo:
        """The cycle of ``year`` × ``level`` (:class:`NotFound` when there is none)."""
        require(actor, msg("sc.action.read"), write=False)
        with self._services.read() as session:
            return cycle_info(session, cycle_of(session, year, level))

    def create_cycle(self, actor: Actor, year: int, level: AwardLevel | str, *,
                     sheet: ScoreSheetTemplate | None = None, **settings: Any) -> CycleInfo:
        """Create the cycle of ``year`` × ``level`` from ``sheet`` (default: the bundled default
        sheet) with optional ``settings`` (see :data:`CYCLE_FIELDS`). Refused when it exists."""
        require_rule(actor, "sc.action.cycle")
        level = level_of(level)
        with self._services.unit_of_work() as session:
            if store.find_cycle(session, year, level) is not None:
                raise InputRefused(msg("sc.cycle.exists", year=year, level=level.value))
            cycle = store.create_cycle(session, int(year), level, now=now(), sheet=sheet)
            _apply_settings(cycle, settings)
            session.flush()
            audit(session, actor, "showcase_cycle", cycle.id, "create", None,
                  {"year": cycle.year, "level": cycle.level, "title": cycle.title})
            return cycle_info(session, cycle)

    def update_cycle(self, actor: Actor, cycle_id: int, version: int, **settings: Any) -> CycleInfo:
        """Edit a cycle's settings (title, announcement date, window, quota, attachments, number
        pattern, issuing body, re-inspection years). ``version`` is the one the person saw: a
        stale one raises :class:`ConflictError`. Audited."""
        require_rule(actor, "sc.action.cycle")
        with self._services.unit_of_work() as session:
            cycle = session.get(ShowcaseCycle, cycle_id)
            if cycle is None:
                raise NotFound(msg("sc.cycle.unknown", year="?", level=""))
            check_version(cycle, version)
            before = {k: getattr(cycle, k) for k in settings if k in CYCLE_FIELDS}
            changed = _apply_settings(cycle, settings)
            session.flush()
            if changed:
                audit(session, actor, "showcase_cycle", cycle.id, "update", before, changed)
            return cycle_info(session, cycle)

    def set_sheet(self, actor: Actor, cycle_id: int, sheet: ScoreSheetTemplate | str | Path) -> CycleInfo:
        """Replace a cycle's score sheet (a template, TOML text or a ``.toml`` path; a
        1,000-point CBSS1000 sheet fits) — refused once scoring has started."""
        require_rule(actor, "sc.action.cycle")
        if not isinstance(sheet, ScoreSheetTemplate):
            sheet = ScoreSheetTemplate.from_toml(Path(sheet) if isinstance(sheet, Path) or str(sheet).endswith(".toml")
                                                 else str(sheet))
        with self._services.unit_of_work() as session:
            cycle = session.get(ShowcaseCycle, cycle_id)
            if cycle is None:
                raise NotFound(msg("sc.cycle.unknown", year="?", level=""))
            info = cycle_info(session, cycle)
            if info.scoring_started:
                raise InputRefused(msg("sc.cycle.scoring_started", year=cycle.year, level=cycle.level, n=info.sheets))
            before = cycle.sheet
            cycle.sheet = sheet.to_mapping()
            session.flush()
            audit(session, actor, "showcase_cycle", cycle.id, "set_sheet", {"sheet": before.get("name")},
                  {"sheet": sheet.name, "points": str(sheet.total_points)})
            return cycle_info(session, cycle)
