"""Import handlers of the showcase returns (示范窗口报表导入) — DESIGN.md §3.5, §3.7.

The kinds ``showcase_application`` (申报表) and ``score_sheet`` (现场评分表) in ``excel/kinds/``
translate a workbook into one frozen form record each. Their handlers here check the record
against the database, say what importing would change, and write through the same functions as
the window's forms:

- :class:`ApplicationHandler` → :func:`~.applications.create_application_in` (a new application,
  as the window's form) or :func:`~.applications.resubmit_application_in` (a newer form for an
  application still open);
- :class:`ScoreSheetHandler` → :func:`~.review.save_sheet_in` (as the window's score grid).

The version each read while checking is passed to the write: a record someone else changed
between the check and the write refuses the file with the engine's "changed while importing"
message (nothing of the file is kept; importing it again sees the change).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from qsm_desktop.domain import i18n
from qsm_desktop.domain.errors import ConflictError, InputRefused, NotFound
from qsm_desktop.domain.showcase import ApplicationStatus, ScoreCheck, check_scores, is_conflicted
from qsm_desktop.excel.kinds.base import ParsedReturn
from qsm_desktop.excel.kinds.score_sheet import ScoreSheetForm, ScoreSheetReturn
from qsm_desktop.excel.kinds.showcase_application import ApplicationForm, ShowcaseApplicationReturn
from qsm_desktop.excel.problems import Problem
from qsm_desktop.services.import_handlers import WARNING, Change, Changes, ImportContext, ImportHandler, ImportPlan
from qsm_desktop.services.showcase.applications import (
    OPEN_STATUSES,
    OUTLET_TYPES,
    create_application_in,
    resubmit_application_in,
)
from qsm_desktop.services.showcase.common import ImportSource
from qsm_desktop.services.showcase.review import SCORING_STATUSES, save_sheet_in
from qsm_desktop.store import showcase as store
from qsm_desktop.store.models import OrgUnit
from qsm_desktop.store.models.showcase import ShowcaseApplication, ShowcaseCycle, ShowcaseReviewer, ShowcaseScoreSheet

__all__ = ["ApplicationHandler", "ApplicationPlan", "ScoreSheetHandler", "ScoreSheetPlan", "branch_of"]

i18n.register(
    {
        "sc.text": ("{text}", "{text}"),
        "showcase.reviewer_label": ("{name}（{org}）", "{name} ({org})"),
        "sc.app.not_outlet": (
            "{code}（{name}）是{type}，示范窗口只能由网点（或支行营业部）申报",
            "{code} ({name}) is a {type}; only outlets (网点, or a 支行's own counter) apply as showcase units",
        ),
        "sc.sheet.reviewer_org": (
            "专家所在机构代码{code}不在机构清单中，请核对代码",
            "the reviewer's org code {code} is not in the org list; check it",
        ),
        "sc.sheet.no_application": (
            "{code}（{name}）没有{year}年{level}示范窗口申报，请先导入申报表",
            "{code} ({name}) has no {year} {level}showcase application; import its application form first",
        ),
        "sc.sheet.ambiguous": (
            "{code}在{year}年有多个级别的申报（{levels}），请在评分表上填写“申报级别”",
            "{code} applied at several levels in {year} ({levels}); add '申报级别' (the level) to the score sheet",
        ),
        "sc.sheet.closed": (
            "{code}的{year}年{level}申报已是“{status}”，不再接收评分表",
            "the {year} {level} application of {code} is already '{status}'; it takes no more score sheets",
        ),
        "sc.sheet.conflicted": ("（回避：与被评网点同属{branch}，保存但不计入）",
                                " (conflict of interest: same branch {branch}; kept, not counted)"),
    }
)


def branch_of(ctx: ImportContext) -> dict[str, str | None]:
    """Each org code's branch (分行) code from the engine's cached org tree, computed once per
    import run (kept in ``ctx.cache``; recomputed when the tree changes)."""
    if ctx.cache.get("showcase_branch_of") is not ctx.orgs:
        ctx.cache["showcase_branch_of"] = ctx.orgs
        ctx.cache["showcase_branch"] = store.branch_map_from_orgs(ctx.orgs)
    return ctx.cache["showcase_branch"]


@contextmanager
def _changed_meanwhile() -> Iterator[None]:
    """Apply-time refusals of a write path whose rules :meth:`check` already ran in the same
    transaction can only mean the records changed in between (a stale version, an application or
    unit that appeared or went): report them as the engine's "changed while importing" conflict
    (``import.conflict``; the file is rolled back and may be imported again)."""
    try:
        yield
    except (ConflictError, InputRefused, NotFound) as exc:
        raise StaleDataError(str(exc)) from exc


def _item_problems(parsed: ParsedReturn, sheet_name: str, check: ScoreCheck, entries: tuple, score_field: str) -> None:
    """The domain's score problems (``check.errors``) at their cells of ``sheet_name``: 分值 at the
    points cell, a score above 分值 or below 0 at ``score_field``'s cell, anything else at the item."""
    rows = {e.position: r for r, e in entries}
    cells = {"showcase.score.points_mismatch": "points", "showcase.score.above_points": score_field,
             "showcase.score.negative": score_field}
    for p in check.errors:
        row = rows.get(p.position) if p.position else None
        parsed.problems.append(Problem(sheet_name, row.ref(cells.get(p.key, "item")) if row else None, "sc.text",
                                       {"text": p.message}))


# ------------------------------------------------------------------------------------------ 申报表

@dataclass
class ApplicationPlan(ImportPlan):
    """What :meth:`ApplicationHandler.check` found: the ``cycle`` of the form's year × level
    (``None``: the import creates it), the 自评得分 by item code, the outlet's ``existing``
    application of the cycle and its ``version`` (``0`` when there is none)."""

    cycle: ShowcaseCycle | None = None
    self_scores: dict[str, str] = field(default_factory=dict)
    existing: ShowcaseApplication | None = None
    version: int = 0

    @property
    def form(self) -> ApplicationForm:
        """The parsed form."""
        return self.parsed.records[0]


class ApplicationHandler(ImportHandler[ApplicationPlan]):
    """The database side of the application form (申报表, DESIGN §3.5)."""

    kind = ShowcaseApplicationReturn.name

    def check(self, session: Session, parsed: ParsedReturn, ctx: ImportContext) -> ApplicationPlan:
        """The outlet is a 网点/支行; the items fit the cycle's sheet (or the default sheet for a
        new cycle); an application already under review is not overwritten."""
        form: ApplicationForm = parsed.records[0]
        plan = ApplicationPlan(parsed)
        problems = parsed.problems
        unit = ctx.org
        if unit is not None and unit.type not in OUTLET_TYPES:
            problems.append(Problem(None, None, "sc.app.not_outlet", {"code": unit.code, "name": unit.name,
                                                                      "type": unit.type}))
        if form.level is None or form.year is None or unit is None:
            return plan
        cycle = store.find_cycle(session, form.year, form.level)
        template = store.cycle_sheet(cycle) if cycle is not None else store.default_sheet()
        check = check_scores(template, [e for _r, e in form.entries], require_all=False)
        _item_problems(parsed, parsed.sheet or ShowcaseApplicationReturn.sheet_name, check, form.entries, "self_score")
        plan.cycle = cycle
        plan.self_scores = {s.item.code: str(s.score) for s in check.scores}
        if cycle is not None:
            plan.existing = session.scalar(select(ShowcaseApplication).where(
                ShowcaseApplication.cycle_id == cycle.id, ShowcaseApplication.outlet_id == unit.id))
            if plan.existing is not None:
                plan.version = plan.existing.version
                if plan.existing.status not in OPEN_STATUSES:
                    problems.append(Problem(None, None, "sc.app.locked", {"code": unit.code, "year": form.year,
                                                                          "level": form.level.value,
                                                                          "status": plan.existing.status}))
        return plan

    def _record(self, plan: ApplicationPlan, ctx: ImportContext) -> dict[str, Any]:
        form = plan.form
        return {"unit_name": form.unit_name or ctx.org.name, "form": dict(form.fields),
                "self_scores": dict(plan.self_scores)}

    def preview(self, session: Session, plan: ApplicationPlan, ctx: ImportContext) -> Changes:
        """A new cycle (first application of its year × level), a new or changed application."""
        form = plan.form
        changes: list[Change] = []
        if plan.cycle is None:
            changes.append(Change("showcase_cycle", "new", f"{form.year}/{form.level.value}",
                                  store.default_title(form.year, form.level)))
        existing = plan.existing
        label = f"{ctx.org.code} {form.unit_name or ctx.org.name} {form.year} {form.level.value}"
        after = self._record(plan, ctx)
        if existing is None:
            changes.append(Change("showcase_application", "new", ctx.org.code, label))
        else:
            before = {"unit_name": existing.unit_name, "form": existing.form, "self_scores": existing.self_scores}
            if before != after:
                changes.append(Change("showcase_application", "changed", ctx.org.code, label, before, after))
        return Changes(tuple(changes))

    def apply(self, session: Session, batch_id: int, plan: ApplicationPlan, ctx: ImportContext) -> int:
        """The application (已提交) through :func:`create_application_in` — creating the cycle when
        needed — or the open one's form replaced through :func:`resubmit_application_in`."""
        form = plan.form
        record = self._record(plan, ctx)
        source = ImportSource(batch_id, plan.parsed.sheet, ctx.now)
        with _changed_meanwhile():
            if plan.existing is None:
                create_application_in(session, ctx.actor, form.year, form.level, session.get(OrgUnit, ctx.org.id),
                                      form=record["form"], status=ApplicationStatus.SUBMITTED,
                                      unit_name=record["unit_name"], self_scores=record["self_scores"],
                                      branches=branch_of(ctx), source=source)
            else:
                resubmit_application_in(session, ctx.actor, plan.existing, unit_name=record["unit_name"],
                                        form=record["form"], self_scores=record["self_scores"], version=plan.version,
                                        source=source)
        return 1

    def template_rows(self, session: Session | None, ctx: ImportContext) -> list[Mapping[str, object]]:
        """The default sheet's items with their points, self-scores blank. (The generic template
        writer lays out the table only; ``write_application_form`` writes the whole form.)"""
        return [{"item": i.name, "points": float(i.points)} for i in store.default_sheet().items]


# ------------------------------------------------------------------------------------------ 现场评分表

@dataclass
class ScoreSheetPlan(ImportPlan):
    """What :meth:`ScoreSheetHandler.check` found: the ``application`` scored and its ``cycle``,
    the domain's ``check`` of the scores, the ``warnings`` (cell, message) of deductions without a
    reason, the score ``cells`` by item code, the branch the reviewer shares with the outlet
    (``conflict_branch``, 回避), the ``reviewer`` when registered already, their ``existing`` sheet
    for the application and its ``version`` (``0`` when there is none)."""

    application: ShowcaseApplication | None = None
    cycle: ShowcaseCycle | None = None
    check: ScoreCheck | None = None
    warnings: tuple[tuple[str, str], ...] = ()
    cells: dict[str, str] = field(default_factory=dict)
    conflict_branch: str | None = None
    reviewer: ShowcaseReviewer | None = None
    existing: ShowcaseScoreSheet | None = None
    version: int = 0

    @property
    def form(self) -> ScoreSheetForm:
        """The parsed sheet."""
        return self.parsed.records[0]


class ScoreSheetHandler(ImportHandler[ScoreSheetPlan]):
    """The database side of the on-site score sheet (现场评分表, DESIGN §3.7)."""

    kind = ScoreSheetReturn.name

    def check(self, session: Session, parsed: ParsedReturn, ctx: ImportContext) -> ScoreSheetPlan:
        """The application to score, the scores against its cycle's sheet, the reviewer's org."""
        form: ScoreSheetForm = parsed.records[0]
        plan = ScoreSheetPlan(parsed)
        problems = parsed.problems
        sheet_name = parsed.sheet or ScoreSheetReturn.sheet_name
        if form.reviewer_org and form.reviewer_org not in ctx.orgs:
            problems.append(Problem(sheet_name, form.values["reviewer_org"].ref if "reviewer_org" in form.values
                                    else None, "sc.sheet.reviewer_org", {"code": form.reviewer_org}))
        unit = ctx.org
        if unit is None or not ctx.period:
            return plan
        year = int(ctx.period[:4])
        stmt = (select(ShowcaseApplication, ShowcaseCycle).join(ShowcaseCycle, ShowcaseCycle.id == ShowcaseApplication.cycle_id)
                .where(ShowcaseApplication.outlet_id == unit.id, ShowcaseCycle.year == year))
        if form.level is not None:
            stmt = stmt.where(ShowcaseCycle.level == form.level.value)
        found = session.execute(stmt).all()
        if len(found) > 1:
            open_ones = [(a, c) for a, c in found if a.status in SCORING_STATUSES]
            found = open_ones if len(open_ones) == 1 else found
        level_text = form.level.value if form.level else ""
        if not found:
            problems.append(Problem(None, None, "sc.sheet.no_application", {"code": unit.code, "name": unit.name,
                                                                            "year": year, "level": level_text}))
            return plan
        if len(found) > 1:
            problems.append(Problem(None, None, "sc.sheet.ambiguous", {"code": unit.code, "year": year,
                                                                       "levels": "、".join(c.level for _a, c in found)}))
            return plan
        application, cycle = found[0]
        if application.status not in SCORING_STATUSES:
            problems.append(Problem(None, None, "sc.sheet.closed", {"code": unit.code, "year": year,
                                                                    "level": cycle.level, "status": application.status}))
            return plan
        template = store.cycle_sheet(cycle)
        check = check_scores(template, [e for _r, e in form.entries], require_all=True)
        _item_problems(parsed, sheet_name, check, form.entries, "score")
        rows = {e.position: r for r, e in form.entries}
        warnings = []
        for p in check.warnings:
            row = rows.get(p.position) if p.position else None
            warnings.append((f"{sheet_name}!{row.ref('reason')}" if row else sheet_name, p.message))
        plan.application, plan.cycle, plan.check, plan.warnings = application, cycle, check, tuple(warnings)
        plan.cells = {p.code: r.ref("score") for r, e in form.entries
                      if (p := template.find(code=e.code, name=e.name)) is not None}
        if form.reviewer_org not in ctx.orgs or not form.reviewer:
            return plan
        branches = branch_of(ctx)
        if is_conflicted(form.reviewer_org, unit.code, branches):
            plan.conflict_branch = branches.get(unit.code) or unit.code
        plan.reviewer = session.scalar(select(ShowcaseReviewer).where(
            ShowcaseReviewer.name == form.reviewer, ShowcaseReviewer.org_unit_id == ctx.orgs[form.reviewer_org].id))
        if plan.reviewer is not None:
            plan.existing = session.scalar(select(ShowcaseScoreSheet).where(
                ShowcaseScoreSheet.application_id == application.id, ShowcaseScoreSheet.reviewer_id == plan.reviewer.id))
        plan.version = plan.existing.version if plan.existing is not None else 0
        return plan

    def superseded_batch(self, session: Session, plan: ScoreSheetPlan, ctx: ImportContext) -> int | None:
        """The batch of this reviewer's earlier sheet for the same application, if it was imported:
        sheets of other reviewers for the same outlet stand side by side, never superseded."""
        return plan.existing.source_batch_id if plan.existing is not None else None

    def batch_slot(self, plan: ScoreSheetPlan, ctx: ImportContext) -> str:
        """Score sheets of one outlet stand side by side, one per reviewer: the reviewer and their
        org unit tell them apart (one current batch per slot, issue 11)."""
        return f"{plan.form.reviewer}|{plan.form.reviewer_org}"

    def preview(self, session: Session, plan: ScoreSheetPlan, ctx: ImportContext) -> Changes:
        """A new reviewer, the new or replaced sheet (with its total, and 回避 when conflicted), and
        the warnings (deductions without a reason)."""
        form = plan.form
        check = plan.check
        changes: list[Change] = []
        if plan.reviewer is None:
            changes.append(Change("showcase_reviewer", "new", f"{form.reviewer}/{form.reviewer_org}",
                                  i18n.msg("showcase.reviewer_label", name=form.reviewer,
                                           org=ctx.orgs[form.reviewer_org].name)))
        key = f"{ctx.org.code}/{form.reviewer}"
        label = f"{ctx.org.code} {ctx.org.name} · {form.reviewer} · {check.total.normalize():f}"
        if plan.conflict_branch:
            label += i18n.msg("sc.sheet.conflicted", branch=plan.conflict_branch)
        if plan.existing is None:
            changes.append(Change("score_sheet", "new", key, label))
        else:
            changes.append(Change("score_sheet", "changed", key, label, {"total": str(plan.existing.total)},
                                  {"total": str(check.total)}))
        changes += [Change(WARNING, WARNING, where, message) for where, message in plan.warnings]
        return Changes(tuple(changes))

    def apply(self, session: Session, batch_id: int, plan: ScoreSheetPlan, ctx: ImportContext) -> int:
        """Save the sheet through :func:`save_sheet_in` (as the window's score grid), with the
        version of the reviewer's sheet read while checking; the scored items written."""
        form = plan.form
        with _changed_meanwhile():
            saved = save_sheet_in(session, ctx.actor, plan.application, form.reviewer, form.reviewer_org,
                                  [e for _r, e in form.entries], scored_on=form.scored_on, version=plan.version,
                                  source=ImportSource(batch_id, plan.parsed.sheet, ctx.now), branches=branch_of(ctx),
                                  cells=plan.cells)
        return len(saved.check.scores)

    def template_rows(self, session: Session | None, ctx: ImportContext) -> list[Mapping[str, object]]:
        """The default sheet's items (序号, 评价项目, 分值), scores blank. (The generic template
        writer lays out the table only; ``write_score_sheet`` writes the whole form.)"""
        return [{"code": i.code, "item": i.name, "points": float(i.points)} for i in store.default_sheet().items]
