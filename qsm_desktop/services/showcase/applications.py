"""Applications (申报) — DESIGN.md §3.5, §5.

Filters by level, branch and status; the status machine; the nomination cascade (分行级 → 总行级
→ 全国级); attachments kept in the database (size limit, SHA-256); titles won outside (外部称号);
the outlet's past awards for the panel.

- :func:`create_application_in` — THE write path of a new application: the window's form
  (:meth:`ApplicationService.create_application`), a nomination and the application-form import
  (:class:`~qsm_desktop.services.showcase.imports.ApplicationHandler`) all call it;
- :func:`resubmit_application_in` — a newer form for an application still open (草稿 / 已提交)
  replaces its fields (the import of a corrected form);
- :func:`application_infos` — applications as :class:`~.results.ApplicationInfo`;
- :class:`ApplicationService` — the window's and the CLI's application use cases.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qsm_desktop.domain.errors import InputRefused, NotFound
from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.domain.showcase import ApplicationAction, ApplicationStatus, AwardLevel, nominate, transition
from qsm_desktop.services.audit import audit, audit_many
from qsm_desktop.services.context import Actor, Role, require
from qsm_desktop.services.permissions import require_rule
from qsm_desktop.services.showcase.awards import award_infos
from qsm_desktop.services.showcase.common import (
    ImportSource,
    application_by_id,
    check_current_version,
    check_version,
    level_of,
    assigned_condition,
    now,
    require_application_visible,
    unit_by_code,
)
from qsm_desktop.services.showcase.cycles import cycle_for_application_in
from qsm_desktop.services.showcase.declarations import declaration_checks_in
from qsm_desktop.services.showcase.results import ApplicationInfo, AttachmentInfo, AwardInfo, OutsideTitleInfo
from qsm_desktop.store import showcase as store
from qsm_desktop.store.models import OrgUnit
from qsm_desktop.store.models.showcase import (
    ShowcaseApplication,
    ShowcaseAttachment,
    ShowcaseAward,
    ShowcaseCycle,
    ShowcaseOutsideTitle,
    ShowcaseScoreSheet,
)

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services

__all__ = ["MAX_ATTACHMENT_MB", "OPEN_STATUSES", "OUTLET_TYPES", "ApplicationService", "application_infos",
           "create_application_in", "outside_title_infos", "resubmit_application_in"]

register({
    "sc.app.locked": (
        "{code}的{year}年{level}申报已是“{status}”，评审已开始，不能再用申报表修改。如需更正请联系总行秘书",
        "the {year} {level} application of {code} is already '{status}'; the review has begun and the form "
        "can no longer change it. Ask the head-office secretary to correct it",
    ),
})

MAX_ATTACHMENT_MB = 20
"""Largest attachment kept in the database (附件大小上限), in megabytes."""

OUTLET_TYPES = ("网点", "支行")
"""Org unit types that apply as showcase units (网点, or a 支行's own counter)."""

OPEN_STATUSES = (ApplicationStatus.DRAFT.value, ApplicationStatus.SUBMITTED.value)
"""Statuses in which a newer application form still replaces the fields (草稿, 已提交)."""


# ------------------------------------------------------------------------------------------ writing

def create_application_in(session: Session, actor: Actor, year: int, level: AwardLevel, outlet: OrgUnit, *,
                          form: Mapping[str, Any], status: ApplicationStatus | str = ApplicationStatus.DRAFT,
                          unit_name: str | None = None, self_scores: Mapping[str, str] | None = None,
                          nominated_from_id: int | None = None, branches: Mapping[str, str | None] | None = None,
                          source: ImportSource | None = None) -> ShowcaseApplication:
    """Create ``outlet``'s application for ``year`` × ``level`` (申报) — the one write path of the
    window's form, a nomination (推荐上报) and the application-form import (DESIGN §3.5, §5).

    ``form``: the form's fields by their Chinese label (网点负责人, 在岗员工数 …); ``status``: where
    it starts (草稿 from the window, 已提交 from an imported form, 分行推荐 for a nomination);
    ``unit_name``: the name on the form (default: the outlet's name); ``self_scores``: 自评得分 by
    item code; ``nominated_from_id``: the lower-level application it was recommended from.

    Checks the actor may handle the outlet's applications (:class:`PermissionDenied`); refuses a
    unit that is not an outlet (网点 / 支行) and an outlet that already applied for the cycle
    (:class:`InputRefused`). The first application of a year × level creates the cycle from the
    default sheet (:func:`~.cycles.cycle_for_application_in`). The outlet's branch comes from
    ``branches`` (org code → branch code) when the caller has it, else from the org tree. Audited
    as ``create`` of ``showcase_application``; ``source`` (an import batch, sheet and time) is
    kept on the record and its audit entries.
    """
    require(actor, msg("sc.action.apply"), org_path=outlet.path, org_code=outlet.code)
    if outlet.type not in OUTLET_TYPES:
        raise InputRefused(msg("sc.app.not_outlet_svc", code=outlet.code, name=outlet.name, type=outlet.type))
    at = source.at if source is not None else now()
    batch_id = source.batch_id if source is not None else None
    cycle = cycle_for_application_in(session, actor, year, level, at=at, batch_id=batch_id)
    existing = session.scalar(select(ShowcaseApplication).where(ShowcaseApplication.cycle_id == cycle.id,
                                                                ShowcaseApplication.outlet_id == outlet.id))
    if existing is not None:
        raise InputRefused(msg("sc.app.exists", code=outlet.code, year=year, level=level.value, status=existing.status))
    branch = (branches if branches is not None else store.branch_map(session)).get(outlet.code)
    branch_id = session.scalar(select(OrgUnit.id).where(OrgUnit.code == branch)) if branch else None
    app = ShowcaseApplication(cycle_id=cycle.id, outlet_id=outlet.id, branch_id=branch_id,
                              status=ApplicationStatus(status).value, unit_name=unit_name or outlet.name,
                              form=dict(form), self_scores=dict(self_scores or {}), nominated_from_id=nominated_from_id,
                              created_at=at, source_batch_id=batch_id,
                              source_sheet=source.sheet if source is not None else None, source_row=None)
    session.add(app)
    session.flush()
    audit_many(session, actor, [("showcase_application", app.id, "create", None,
                                 {"outlet": outlet.code, "year": year, "level": level.value, "status": app.status,
                                  "from": nominated_from_id})],
               batch_id=batch_id, at=at)
    return app


def resubmit_application_in(session: Session, actor: Actor, application: ShowcaseApplication, *, unit_name: str,
                            form: Mapping[str, Any], self_scores: Mapping[str, str], version: int | None = None,
                            source: ImportSource | None = None) -> ShowcaseApplication:
    """Replace the fields of an application still open (草稿 or 已提交) by a newer form and mark it
    已提交 (submitted by its branch) — DESIGN §3.5: once the review has begun the form no longer
    changes it (:class:`InputRefused`, ``sc.app.locked``).

    ``version``: the application's version the caller saw (read afresh; a stale one raises
    :class:`ConflictError`; ``None`` skips the check). Checks the actor may handle the outlet's
    applications. Audited as ``update`` of ``showcase_application`` with the name, form and
    self-scores before and after; ``source`` is kept on the record and its audit entry.
    """
    outlet = session.get(OrgUnit, application.outlet_id)
    require(actor, msg("sc.action.apply"), org_path=outlet.path, org_code=outlet.code)
    check_current_version(session, ShowcaseApplication, application.id, version)
    if application.status not in OPEN_STATUSES:
        cycle = session.get(ShowcaseCycle, application.cycle_id)
        raise InputRefused(msg("sc.app.locked", code=outlet.code, year=cycle.year, level=cycle.level,
                               status=application.status))
    before = {"unit_name": application.unit_name, "form": application.form, "self_scores": application.self_scores}
    record = {"unit_name": unit_name, "form": dict(form), "self_scores": dict(self_scores)}
    for key, value in record.items():
        setattr(application, key, value)
    application.source_batch_id = source.batch_id if source is not None else None
    application.source_sheet = source.sheet if source is not None else None
    application.source_row = None
    application.status = ApplicationStatus.SUBMITTED.value
    session.flush()
    audit_many(session, actor, [("showcase_application", application.id, "update", before, record)],
               batch_id=source.batch_id if source is not None else None, at=source.at if source is not None else None)
    return application


# ------------------------------------------------------------------------------------------ reading

def outside_title_infos(session: Session, *conditions: Any) -> list[OutsideTitleInfo]:
    """Titles won outside (外部称号) matching ``conditions`` (over ``ShowcaseOutsideTitle`` and the
    outlet's ``OrgUnit``), by award date."""
    rows = session.execute(select(ShowcaseOutsideTitle, OrgUnit).join(OrgUnit, OrgUnit.id == ShowcaseOutsideTitle.outlet_id)
                           .where(*conditions).order_by(ShowcaseOutsideTitle.awarded_on)).all()
    return [OutsideTitleInfo(t.id, o.code, o.name, t.level, t.official_name, t.awarded_on, t.awarded_by, t.revoked_on)
            for t, o in rows]


def application_infos(session: Session, apps: Sequence[ShowcaseApplication], *, details: bool) -> list[ApplicationInfo]:
    """``apps`` as :class:`ApplicationInfo`, with their sheet counts and their declared figures
    checked against the registers (:func:`~.declarations.declaration_checks_in`); with ``details`` also their
    attachments, the outlet's past awards (other years and levels) and its outside titles."""
    if not apps:
        return []
    cycles = {c.id: c for c in session.scalars(select(ShowcaseCycle).where(
        ShowcaseCycle.id.in_({a.cycle_id for a in apps})))}
    unit_ids = {a.outlet_id for a in apps} | {a.branch_id for a in apps if a.branch_id}
    units = {u.id: u for u in session.scalars(select(OrgUnit).where(OrgUnit.id.in_(unit_ids)))}
    checks = declaration_checks_in(session, apps)
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
            past = tuple(w for w in award_infos(session, ShowcaseAward.outlet_id == a.outlet_id)
                         if w.year < cycle.year or (w.year == cycle.year and w.level != cycle.level))
            outside = tuple(outside_title_infos(session, ShowcaseOutsideTitle.outlet_id == a.outlet_id))
        out.append(ApplicationInfo(
            id=a.id, cycle_id=cycle.id, year=cycle.year, level=cycle.level, outlet_code=outlet.code,
            outlet_name=a.unit_name or outlet.name, branch_code=branch.code if branch else None,
            branch_name=branch.name if branch else None, status=a.status, form=dict(a.form or {}),
            self_scores=dict(a.self_scores or {}), nominated_from_id=a.nominated_from_id,
            sheets=counts.get(a.id, 0), attachments=attachments, past_awards=past, outside_titles=outside,
            version=a.version, declarations=checks[a.id]))
    return out


class ApplicationService:
    """Applications, attachments and titles won outside for the window and the CLI (part of
    ``services.showcase``)."""

    def __init__(self, services: Services):
        self._services = services

    def applications(self, actor: Actor, *, year: int | None = None, level: AwardLevel | str | None = None,
                     branch: str | None = None, status: str | None = None) -> list[ApplicationInfo]:
        """Applications filtered by year, level (分行级/总行级/全国级), branch code (分行机构代码) and
        status (草稿 … 已撤回), by year, level and outlet code. A branch secretary (or a viewer with
        an org unit) sees her subtree's only; a reviewer only the applications assigned to her — those
        of her panels' cycles, never one of her own branch (DESIGN §5/§6)."""
        require(actor, msg("sc.action.read"), write=False)
        stmt = (select(ShowcaseApplication).join(ShowcaseCycle, ShowcaseCycle.id == ShowcaseApplication.cycle_id)
                .join(OrgUnit, OrgUnit.id == ShowcaseApplication.outlet_id))
        if year is not None:
            stmt = stmt.where(ShowcaseCycle.year == int(year))
        if level:
            stmt = stmt.where(ShowcaseCycle.level == level_of(level).value)
        if status:
            stmt = stmt.where(ShowcaseApplication.status == ApplicationStatus(status).value)
        if branch:
            stmt = stmt.where(OrgUnit.path.like(f"%/{branch}/%"))
        if actor.role is not Role.REVIEWER and actor.org_scope:
            stmt = stmt.where(OrgUnit.path.like(f"%/{actor.org_scope}/%"))
        stmt = stmt.order_by(ShowcaseCycle.year.desc(), ShowcaseCycle.level, OrgUnit.code)
        with self._services.read() as session:
            if actor.role is Role.REVIEWER:
                stmt = stmt.where(assigned_condition(session, actor))
            return application_infos(session, session.scalars(stmt).all(), details=False)

    def application(self, actor: Actor, application_id: int) -> ApplicationInfo:
        """One application with its attachments, the outlet's past awards and outside titles."""
        require(actor, msg("sc.action.read"), write=False)
        with self._services.read() as session:
            app = application_by_id(session, application_id)
            require_application_visible(session, actor, app)
            return application_infos(session, [app], details=True)[0]

    def create_application(self, actor: Actor, year: int, level: AwardLevel | str, outlet_code: str, *,
                           form: dict[str, Any] | None = None, status: str = ApplicationStatus.DRAFT.value) -> ApplicationInfo:
        """Enter an application in a form (草稿 by default) through :func:`create_application_in`
        (the same write as an imported form); the first one for a year × level creates the cycle
        from the default sheet. Refused for a unit that is not an outlet, or an outlet that
        already applied for the cycle."""
        level = level_of(level)
        with self._services.unit_of_work() as session:
            outlet = unit_by_code(session, outlet_code)
            app = create_application_in(session, actor, int(year), level, outlet, form=form or {}, status=status)
            return application_infos(session, [app], details=True)[0]

    def act(self, actor: Actor, application_id: int, action: ApplicationAction | str,
            version: int | None = None) -> ApplicationInfo:
        """Move an application through the status machine (提交, 退回修改, 分行推荐, 进入总行评审, 不予通过,
        撤回; 授予 goes through :meth:`AwardService.award`). 进入总行评审, and 不予通过 once under review,
        are head office's (rule ``sc.action.award``; :class:`PermissionDenied` for a branch, which may
        still not recommend her own submitted application). Raises ``InvalidTransition`` with what is
        possible."""
        action = ApplicationAction(action)
        with self._services.unit_of_work() as session:
            app = application_by_id(session, application_id)
            outlet = session.get(OrgUnit, app.outlet_id)
            require(actor, msg("sc.action.apply"), org_path=outlet.path, org_code=outlet.code)
            if action is ApplicationAction.START_REVIEW or (  # the bank's decisions, not a branch's (DESIGN §5)
                    action is ApplicationAction.REJECT and app.status != ApplicationStatus.SUBMITTED.value):
                require_rule(actor, "sc.action.award")
            if action is ApplicationAction.AWARD:
                raise InputRefused(msg("showcase.status.invalid", status=app.status, action=action.label,
                                       allowed=msg("sc.action.award")))
            check_version(app, version)
            new = transition(app.status, action)
            before = app.status
            app.status = new.value
            session.flush()
            audit(session, actor, "showcase_application", app.id, action.value, {"status": before}, {"status": new.value})
            return application_infos(session, [app], details=True)[0]

    def nominate(self, actor: Actor, application_id: int) -> ApplicationInfo:
        """Recommend an awarded (not revoked) application to the next level (推荐上报: 分行级 →
        总行级 → 全国级): a new application at that level, status 分行推荐, linked to this one
        (through :func:`create_application_in`)."""
        with self._services.unit_of_work() as session:
            app = application_by_id(session, application_id)
            cycle = session.get(ShowcaseCycle, app.cycle_id)
            outlet = session.get(OrgUnit, app.outlet_id)
            require(actor, msg("sc.action.apply"), org_path=outlet.path, org_code=outlet.code)
            award = session.scalar(select(ShowcaseAward).where(ShowcaseAward.application_id == app.id))
            step = nominate(cycle.level, app.status, revoked=bool(award and award.revoked_on))
            new = create_application_in(session, actor, cycle.year, step.to_level, outlet, form=dict(app.form or {}),
                                        status=step.initial_status, nominated_from_id=app.id)
            return application_infos(session, [new], details=True)[0]

    def add_attachment(self, actor: Actor, application_id: int, name: str, data: bytes, *,
                       kind: str | None = None) -> AttachmentInfo:
        """Keep a document with an application (附件): at most :data:`MAX_ATTACHMENT_MB` MB, stored
        in the database with its SHA-256. ``kind`` names the required attachment it fulfils."""
        if not data:
            raise InputRefused(msg("sc.attach.empty", name=name))
        if len(data) > MAX_ATTACHMENT_MB * 1024 * 1024:
            raise InputRefused(msg("sc.attach.too_big", name=name, size=len(data) / 1024 / 1024, limit=MAX_ATTACHMENT_MB))
        with self._services.unit_of_work() as session:
            app = application_by_id(session, application_id)
            outlet = session.get(OrgUnit, app.outlet_id)
            require(actor, msg("sc.action.apply"), org_path=outlet.path, org_code=outlet.code)
            row = ShowcaseAttachment(application_id=app.id, name=Path(name).name[:200], kind=kind, size=len(data),
                                     sha256=hashlib.sha256(data).hexdigest(), data=bytes(data), added_by=actor.login,
                                     added_at=now())
            session.add(row)
            session.flush()
            audit(session, actor, "showcase_attachment", row.id, "create", None,
                  {"application": app.id, "name": row.name, "size": row.size, "sha256": row.sha256})
            return AttachmentInfo(row.id, row.name, row.kind, row.size, row.sha256, row.added_by, row.added_at)

    def attachment_data(self, actor: Actor, attachment_id: int) -> tuple[str, bytes]:
        """An attachment's file name and bytes — of an application the actor may read
        (:func:`~.common.require_application_visible`, else :class:`PermissionDenied`)."""
        require(actor, msg("sc.action.read"), write=False)
        with self._services.read() as session:
            row = session.get(ShowcaseAttachment, attachment_id)
            if row is None:
                raise NotFound(msg("sc.attach.unknown", id=attachment_id))
            require_application_visible(session, actor, application_by_id(session, row.application_id))
            return row.name, bytes(row.data)

    def record_outside_title(self, actor: Actor, outlet_code: str, level: AwardLevel | str, official_name: str,
                             awarded_on: dt.date, *, awarded_by: str | None = None,
                             application_id: int | None = None) -> OutsideTitleInfo:
        """Record a title won outside (外部称号, e.g. the association's 全国级): its official name and
        date as announced. An open application it answers (a 全国级 nomination) becomes 已授予."""
        require_rule(actor, "sc.action.award")
        level = level_of(level)
        if not str(official_name or "").strip():
            raise InputRefused(msg("sc.outside.blank"))
        with self._services.unit_of_work() as session:
            outlet = unit_by_code(session, outlet_code)
            title = ShowcaseOutsideTitle(outlet_id=outlet.id, level=level.value, official_name=official_name.strip(),
                                         awarded_on=awarded_on, awarded_by=awarded_by, application_id=application_id)
            session.add(title)
            session.flush()
            audit(session, actor, "showcase_outside_title", title.id, "create", None,
                  {"outlet": outlet.code, "level": level.value, "name": title.official_name, "on": awarded_on})
            if application_id is not None:
                app = application_by_id(session, application_id)
                if app.status == ApplicationStatus.RECOMMENDED.value:
                    app.status = transition(app.status, ApplicationAction.START_REVIEW).value
                if app.status == ApplicationStatus.UNDER_REVIEW.value:
                    app.status = ApplicationStatus.AWARDED.value
                    audit(session, actor, "showcase_application", app.id, "award", None,
                          {"status": app.status, "outside_title": title.id})
            return outside_title_infos(session, ShowcaseOutsideTitle.id == title.id)[0]

    def outside_titles(self, actor: Actor, outlet_code: str | None = None) -> list[OutsideTitleInfo]:
        """Titles won outside, of one outlet or all."""
        require(actor, msg("sc.action.read"), write=False)
        with self._services.read() as session:
            conditions = [OrgUnit.code == outlet_code] if outlet_code else []
            return outside_title_infos(session, *conditions)
