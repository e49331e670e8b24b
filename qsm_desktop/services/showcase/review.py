"""Review (评审): score sheets, reviewers and their progress — DESIGN.md §3.7, §5.

- :func:`save_sheet_in` — THE write path of a reviewer's score sheet (评分表): the window's score
  grid (:meth:`ReviewService.save_sheet`) and the score-sheet import
  (:class:`~qsm_desktop.services.showcase.imports.ScoreSheetHandler`) both call it, so both check
  the same rules and the same version, write the same way and leave the same audit entries;
- :func:`load_cycle` — everything about a cycle's review in a few queries (results per
  application, conflicts, trims, outliers), shared with the ranking and the awards;
- :class:`ReviewService` — the window's and the CLI's review use cases.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from qsm_desktop.domain.errors import InputRefused, PermissionDenied
from qsm_desktop.domain.i18n import msg
from qsm_desktop.domain.showcase import (
    ApplicationAction,
    ApplicationResult,
    ApplicationStatus,
    AwardLevel,
    OutlierFlag,
    ScoreCheck,
    ScoreEntry,
    SheetTotal,
    application_result,
    check_scores,
    cycle_outliers,
    is_conflicted,
    transition,
)
from qsm_desktop.services.audit import AuditRecord, audit_many
from qsm_desktop.services.context import Actor, Role, require
from qsm_desktop.services.permissions import require_rule
from qsm_desktop.services.showcase.common import (
    ImportSource,
    OwnReviewer,
    application_by_id,
    check_current_version,
    cycle_of,
    now,
    refuse_reviewer,
    own_reviewer,
    require_application_visible,
    unit_by_code,
)
from qsm_desktop.services.showcase.results import ReviewerProgress, SaveSheetResult, SheetInfo, SheetItemInfo
from qsm_desktop.store import showcase as store
from qsm_desktop.store.models import OrgUnit
from qsm_desktop.store.models.showcase import (
    ShowcaseApplication,
    ShowcaseCycle,
    ShowcasePanelMember,
    ShowcaseReviewer,
    ShowcaseScoreSheet,
    ShowcaseSheetItem,
)

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services

__all__ = ["DECIDED_STATUSES", "SCORING_STATUSES", "CycleData", "ReviewService", "SavedSheet", "assign_reviewer_in",
           "load_cycle", "save_sheet_in", "sheet_info"]

SCORING_STATUSES = (ApplicationStatus.SUBMITTED.value, ApplicationStatus.RECOMMENDED.value,
                    ApplicationStatus.UNDER_REVIEW.value)
"""Statuses of an application that takes score sheets (已提交, 分行推荐, 总行评审中)."""

DECIDED_STATUSES = (ApplicationStatus.AWARDED.value, ApplicationStatus.NOT_AWARDED.value)
"""Statuses after the award decision (已授予, 未通过)."""

_INTO_REVIEW = {ApplicationStatus.SUBMITTED: (ApplicationAction.RECOMMEND, ApplicationAction.START_REVIEW),
                ApplicationStatus.RECOMMENDED: (ApplicationAction.START_REVIEW,)}
"""The status steps a first score sheet takes an application through into 总行评审中."""


# ------------------------------------------------------------------------------------------ writing

@dataclass(frozen=True)
class SavedSheet:
    """What :func:`save_sheet_in` wrote: the ``sheet`` row, the ``reviewer`` and their org unit,
    the domain's ``check`` of the scores (items, total, warnings) and whether the sheet is new."""

    sheet: ShowcaseScoreSheet
    reviewer: ShowcaseReviewer
    reviewer_org: OrgUnit
    check: ScoreCheck
    created: bool


def _reviewer_may_score(session: Session, actor: Actor, application: ShowcaseApplication, name: str,
                        reviewer_org: str) -> tuple[str, str]:
    """The reviewer login ``actor``'s own name and org code for a sheet of ``application``, after
    refusing another person's sheet, an unregistered reviewer and an application not assigned to her."""
    me = _registered_reviewer(session, actor, name, reviewer_org)
    require_application_visible(session, actor, application)
    return me.name, me.org_code


def _registered_reviewer(session: Session, actor: Actor, name: str, reviewer_org: str) -> OwnReviewer:
    """The reviewer login ``actor``'s own record, refusing another person's name or unit
    (:class:`InputRefused`) and a reviewer head office has not registered (:class:`PermissionDenied`)."""
    me = own_reviewer(session, actor)
    if (name and name != me.name) or (str(reviewer_org or "").strip() not in ("", me.org_code)):
        raise InputRefused(msg("sc.reviewer.own_only", name=me.name, org=me.org_code))
    if me.reviewer_id is None:
        raise PermissionDenied(msg("sc.reviewer.no_record", login=actor.login, name=me.name, org=me.org_code))
    return me


def save_sheet_in(session: Session, actor: Actor, application: ShowcaseApplication, reviewer: str | None,
                  reviewer_org: str, entries: Iterable[ScoreEntry], *, scored_on: dt.date | None = None,
                  version: int | None = None, source: ImportSource | None = None,
                  branches: Mapping[str, str | None] | None = None,
                  cells: Mapping[str, str] | None = None) -> SavedSheet:
    """Enter or replace ``reviewer``'s score sheet (现场评分表) for ``application`` — the one write
    path of the window's score grid and of the score-sheet import (DESIGN §3.7, §5).

    ``reviewer``: the reviewer's name; ``reviewer_org``: the 6-digit code of their org unit;
    ``entries``: one :class:`ScoreEntry` per item (name or code, score, 扣分原因); ``scored_on``:
    the 评审日期. Checks, in this order: a name is given (:class:`InputRefused`); the actor may
    enter scores for the outlet (``require``, :class:`PermissionDenied`); the application takes
    sheets (已提交, 分行推荐 or 总行评审中 — else :class:`InputRefused`); the reviewer's org exists
    (:class:`NotFound`); the scores fit the cycle's sheet with every item scored (a score above
    分值, negative, an unknown or repeated item, an unscored item — :class:`InputRefused` listing
    every problem; a deduction without a reason is a warning, kept on the sheet).

    A **reviewer login** (role 评审专家) enters only her own sheet (``reviewer``/``reviewer_org``
    blank or her own — :func:`~.common.own_reviewer`; else :class:`InputRefused`), only as a
    registered reviewer, and only for an application assigned to her: on a panel of its cycle and
    never of her own branch (:func:`~.common.require_application_visible`, :class:`PermissionDenied`
    with the conflict sentence); nothing is registered for her (head office puts reviewers on panels,
    :func:`assign_reviewer_in`).

    ``version``: the version of this reviewer's sheet the caller saw — ``0`` when they saw none —
    read afresh from the database: a sheet changed (or created) since raises
    :class:`ConflictError`. ``None`` skips the check (the window's grid, which saves whatever the
    reviewer's sheet holds). The import passes the version it read while checking the return.

    Writes: a reviewer not known yet is registered with ``reviewer_org`` (audited ``create`` of
    ``showcase_reviewer``) and put on the cycle's panel; the sheet is updated in place (its items
    replaced, its ``version`` raised on every save) or created — audited ``create`` or ``update``
    of ``score_sheet`` with the total before and after; a conflicted reviewer's sheet (回避: same
    branch subtree as the outlet) is kept, marked excluded. The first sheet of an application moves
    it into review (已提交 → 分行推荐 → 总行评审中), each step audited. ``source`` (an import batch,
    sheet and time) is kept on the sheet and its audit entries, ``cells`` (item code → cell) on
    the items; ``branches`` (org code → branch code) saves a look-up when the caller has it.
    """
    name = str(reviewer or "").strip()
    if not name and actor.role is not Role.REVIEWER:
        raise InputRefused(msg("sc.reviewer.blank"))
    cycle = session.get(ShowcaseCycle, application.cycle_id)
    outlet = session.get(OrgUnit, application.outlet_id)
    require_rule(actor, "sc.action.score")
    if actor.role is Role.REVIEWER:
        name, reviewer_org = _reviewer_may_score(session, actor, application, name, reviewer_org)
    else:
        require(actor, msg("sc.action.score"), write=False, org_path=outlet.path, org_code=outlet.code)
    if application.status not in SCORING_STATUSES:
        raise InputRefused(msg("sc.sheet.not_open", code=outlet.code, status=application.status))
    org = unit_by_code(session, reviewer_org)
    check = check_scores(store.cycle_sheet(cycle), list(entries), require_all=True)
    if check.errors:
        raise InputRefused(msg("sc.sheet.refused", problems="\n".join(p.message for p in check.errors)))
    at = source.at if source is not None else now()
    audit_entries: list[AuditRecord] = []

    person = session.scalar(select(ShowcaseReviewer).where(ShowcaseReviewer.name == name,
                                                           ShowcaseReviewer.org_unit_id == org.id))
    sheet = None
    if person is not None:
        sheet = session.scalar(select(ShowcaseScoreSheet).where(ShowcaseScoreSheet.application_id == application.id,
                                                                ShowcaseScoreSheet.reviewer_id == person.id))
    check_current_version(session, ShowcaseScoreSheet, sheet.id if sheet is not None else None, version)
    person = _on_panel(session, cycle, person, name, org, audit_entries, audit_assign=False)
    excluded = is_conflicted(org.code, outlet.code, branches if branches is not None else store.branch_map(session))

    before = None
    if sheet is None:
        sheet = ShowcaseScoreSheet(application_id=application.id, reviewer_id=person.id)
        session.add(sheet)
    else:
        before = {"total": str(sheet.total), "excluded": sheet.excluded}
        session.execute(delete(ShowcaseSheetItem).where(ShowcaseSheetItem.sheet_id == sheet.id))
        flag_modified(sheet, "total")  # new items are a new version of the sheet, even with the same total
    sheet.scored_on, sheet.total, sheet.excluded = scored_on, check.total, excluded
    sheet.complete, sheet.warnings = check.complete, len(check.warnings)
    sheet.source_batch_id = source.batch_id if source is not None else None
    sheet.source_sheet = source.sheet if source is not None else None
    sheet.source_row = None
    session.flush()
    cells = cells or {}
    items = [{"sheet_id": sheet.id, "item_code": s.item.code, "item_name": s.item.name, "points": s.item.points,
              "score": s.score, "reason": s.reason or None, "source_cell": cells.get(s.item.code)}
             for s in check.scores]
    if items:
        session.execute(insert(ShowcaseSheetItem), items)
    audit_entries.append(("score_sheet", sheet.id, "create" if before is None else "update", before,
                          {"total": str(check.total), "excluded": excluded, "reviewer": name, "outlet": outlet.code,
                           "warnings": len(check.warnings)}))
    status = ApplicationStatus(application.status)
    steps = _INTO_REVIEW.get(status, ())
    for action in steps:
        new = transition(status, action)
        audit_entries.append(("showcase_application", application.id, action.value, {"status": status.value},
                              {"status": new.value, "by": "score_sheet"}))
        status = new
    if steps:
        application.status = status.value
    session.flush()
    audit_many(session, actor, audit_entries, batch_id=source.batch_id if source is not None else None, at=at)
    return SavedSheet(sheet=sheet, reviewer=person, reviewer_org=org, check=check, created=before is None)


# ------------------------------------------------------------------------------------------ reading

@dataclass
class CycleData:
    """Everything about a cycle's review, loaded in a few queries: the ``cycle``, its
    applications, their outlets (by id), each application's sheets with reviewer and reviewer org
    (by application id), each application's result (final score, conflicts, trims), the branch of
    every org code, and the outlier flags of the cycle."""

    cycle: ShowcaseCycle
    apps: list[ShowcaseApplication]
    outlets: dict[int, OrgUnit]
    sheets: dict[int, list[tuple[ShowcaseScoreSheet, ShowcaseReviewer, OrgUnit]]]
    results: dict[int, ApplicationResult]
    branches: dict[str, str | None]
    outliers: tuple[OutlierFlag, ...] = field(default_factory=tuple)


def load_cycle(session: Session, cycle: ShowcaseCycle) -> CycleData:
    """Load ``cycle``'s applications, sheets and results (DESIGN §5: mean of the valid sheets,
    trimmed mean from 5, conflicts excluded, outliers flagged against the sheet's points)."""
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
    template = store.cycle_sheet(cycle)
    outliers = cycle_outliers(results.values(), total_points=template.total_points)
    return CycleData(cycle, list(apps), outlets, sheets, results, branches, outliers)


def sheet_info(data: CycleData, app: ShowcaseApplication, sheet: ShowcaseScoreSheet, reviewer: ShowcaseReviewer,
               org: OrgUnit, items: Sequence[ShowcaseSheetItem]) -> SheetInfo:
    """One sheet of ``app`` as :class:`SheetInfo`, with its conflict, trim and outlier marks from
    the cycle's loaded ``data``."""
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


def _for_actor(actor: Actor, info: SheetInfo) -> SheetInfo:
    """``info`` as ``actor`` may see it: a reviewer gets her sheet without the marks computed from
    the other reviewers' sheets (trimmed, outlier), which she does not read."""
    return replace(info, trimmed=None, outlier=None) if actor.role is Role.REVIEWER else info


def _on_panel(session: Session, cycle: ShowcaseCycle, person: ShowcaseReviewer | None, name: str, org,
              entries: list[AuditRecord], *, audit_assign: bool) -> ShowcaseReviewer:
    """The reviewer ``person`` (registered as ``name`` of ``org`` when ``None``) on ``cycle``'s panel
    (评审组); her registration is appended to ``entries`` for the audit, and so is her assignment
    when ``audit_assign`` (head office's act; a sheet's save records the sheet instead)."""
    if person is None:
        person = ShowcaseReviewer(name=name, org_unit_id=org.id)
        session.add(person)
        session.flush()
        entries.append(("showcase_reviewer", person.id, "create", None, {"name": name, "org": org.code}))
    if session.scalar(select(ShowcasePanelMember.id).where(ShowcasePanelMember.cycle_id == cycle.id,
                                                           ShowcasePanelMember.reviewer_id == person.id)) is None:
        session.add(ShowcasePanelMember(cycle_id=cycle.id, reviewer_id=person.id))
        if audit_assign:
            session.flush()
            entries.append(("showcase_panel", cycle.id, "assign", None,
                            {"reviewer": name, "org": org.code, "year": cycle.year, "level": cycle.level}))
    return person


def assign_reviewer_in(session: Session, actor: Actor, cycle: ShowcaseCycle, name: str, org_code: str) -> int:
    """Put the reviewer ``name`` of unit ``org_code`` on ``cycle``'s panel (评审组), registering her
    when not known yet — head office only (rule ``sc.action.cycle``, :class:`PermissionDenied`).
    She then gets the cycle's applications, except those of her own branch (DESIGN §5/§6). Audited
    (``create`` of ``showcase_reviewer``, ``assign`` of ``showcase_panel``); the reviewer's id."""
    require_rule(actor, "sc.action.cycle")
    name = str(name or "").strip()
    if not name:
        raise InputRefused(msg("sc.reviewer.blank"))
    org = unit_by_code(session, org_code)
    person = session.scalar(select(ShowcaseReviewer).where(ShowcaseReviewer.name == name,
                                                           ShowcaseReviewer.org_unit_id == org.id))
    entries: list[AuditRecord] = []
    person = _on_panel(session, cycle, person, name, org, entries, audit_assign=True)
    if entries:
        audit_many(session, actor, entries, batch_id=None)
    return person.id


class ReviewService:
    """Score sheets, reviewers and review progress for the window and the CLI (part of
    ``services.showcase``)."""

    def __init__(self, services: Services):
        self._services = services

    def sheets(self, actor: Actor, application_id: int) -> list[SheetInfo]:
        """The score sheets of an application with their items, conflict (回避), trim and outlier marks.
        A reviewer reads only an application assigned to her, and only her own sheet of it, without
        the marks that come from the others' sheets (trim, outlier)."""
        require(actor, msg("sc.action.read"), write=False)
        with self._services.read() as session:
            app = application_by_id(session, application_id)
            require_application_visible(session, actor, app)
            data = load_cycle(session, session.get(ShowcaseCycle, app.cycle_id))
            entries = data.sheets.get(app.id, [])
            if actor.role is Role.REVIEWER:  # her own sheet only (as the database's policy shows her)
                mine = own_reviewer(session, actor).reviewer_id
                entries = [(s, r, o) for s, r, o in entries if r.id == mine]
            items: dict[int, list] = defaultdict(list)
            for item in session.scalars(select(ShowcaseSheetItem).where(
                    ShowcaseSheetItem.sheet_id.in_([s.id for s, _r, _o in entries])).order_by(ShowcaseSheetItem.id)):
                items[item.sheet_id].append(item)
            return [_for_actor(actor, sheet_info(data, app, s, r, o, items.get(s.id, []))) for s, r, o in entries]

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
        """Enter (or replace) a reviewer's sheet from the score grid (评分录入) through
        :func:`save_sheet_in` (the same write as an imported sheet).

        ``entries``: one :class:`ScoreEntry` per item (name or code, score, 扣分原因). Refused with
        every problem listed (:class:`InputRefused`) for a score above the item's points, a
        negative score, an unknown or repeated item, an unscored item, or an application not open
        for scoring; a deduction without a reason is returned as a warning and the sheet is
        saved. A new reviewer is registered with ``reviewer_org`` and put on the panel; a
        conflicted reviewer's sheet is saved as excluded. ``version`` of the sheet being replaced
        (stale → :class:`ConflictError`)."""
        name = str(reviewer or "").strip()
        if not name and actor.role is not Role.REVIEWER:
            raise InputRefused(msg("sc.reviewer.blank"))
        with self._services.unit_of_work() as session:
            if actor.role is Role.REVIEWER:  # her own sentence before the application (invisible on PostgreSQL)
                _registered_reviewer(session, actor, name, reviewer_org)
            app = application_by_id(session, application_id)
            saved = save_sheet_in(session, actor, app, name, reviewer_org, entries, scored_on=scored_on,
                                  version=version)
            data = load_cycle(session, session.get(ShowcaseCycle, app.cycle_id))
            items = session.scalars(select(ShowcaseSheetItem).where(ShowcaseSheetItem.sheet_id == saved.sheet.id)
                                    .order_by(ShowcaseSheetItem.id)).all()
            info = _for_actor(actor, sheet_info(data, app, saved.sheet, saved.reviewer, saved.reviewer_org, items))
        return SaveSheetResult(info, tuple(p.message for p in saved.check.warnings))

    def own_reviewer(self, actor: Actor) -> tuple[str, str, bool] | None:
        """For a reviewer login: the name and org code she scores under and whether head office has
        registered her (on a panel or not); ``None`` for any other role (the grid then asks for them)."""
        if actor.role is not Role.REVIEWER:
            return None
        if not actor.org_scope:  # a reviewer login without a unit is never registered (saving says why)
            return actor.login, "", False
        with self._services.read() as session:
            me = own_reviewer(session, actor)
        return me.name, me.org_code, me.reviewer_id is not None

    def assign_reviewer(self, actor: Actor, year: int, level: AwardLevel | str, name: str, org_code: str) -> None:
        """Put a reviewer on the panel of ``year`` × ``level`` — :func:`assign_reviewer_in`."""
        with self._services.unit_of_work() as session:
            assign_reviewer_in(session, actor, cycle_of(session, year, level), name, org_code)

    def progress(self, actor: Actor, year: int, level: AwardLevel | str) -> list[ReviewerProgress]:
        """Per reviewer of the cycle's panel: sheets entered, applications still to score (not
        conflicted, not yet scored by them), conflicted ones, sheets flagged as outliers. Not for a
        reviewer (``sc.action.rank``: it speaks of the whole panel)."""
        refuse_reviewer(actor, "sc.action.rank")
        with self._services.read() as session:
            cycle = cycle_of(session, year, level)
            data = load_cycle(session, cycle)
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
