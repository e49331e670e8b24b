"""示范窗口单位现场评分表 — a reviewer's on-site score sheet (``kind = score_sheet``), DESIGN.md §3.7.

Label/value pairs 申报单位, 机构代码 (the outlet), 评审专家, 专家所在机构代码, 评审日期 (and, when an
outlet applies at two levels in one year, 申报级别); then the table ``序号 | 评价项目 | 分值 | 得分 |
扣分原因`` with the cycle's score-sheet items.

Refused, each at its cell: an item not on the cycle's sheet or given twice, a 分值 differing from
the cycle's, 得分 above 分值 or below 0, an item left unscored; an unknown reviewer org; no open
application of the outlet for the year. A deduction (得分 < 分值) without a 扣分原因 is a
**warning**: shown in the preview (``Change("warning", "warning", cell, message)``) and counted on
the stored sheet, never a refusal. A reviewer not known yet is registered with the org unit of
the sheet and put on the cycle's panel. A reviewer in the outlet's branch subtree is conflicted
(DESIGN §5): the sheet is stored, marked excluded, and not counted. A newer sheet of the same
reviewer for the same application replaces the older one. The first sheet of an application
moves it into review (已提交/分行推荐 → 总行评审中, each step audited); sheets for an application
already decided (已授予, 未通过, 已撤回) are refused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from qsm_desktop.domain import i18n
from qsm_desktop.domain.normalise import NormaliseError, clean_text, parse_date, parse_number, parse_org_code
from qsm_desktop.domain.showcase import (
    ApplicationAction,
    ApplicationStatus,
    AwardLevel,
    ScoreEntry,
    as_decimal,
    check_scores,
    is_conflicted,
    transition,
)
from qsm_desktop.excel.kinds import _db
from qsm_desktop.excel.kinds._forms import WARNING, blank, form_problem, missing_required, read_form_above, text_of
from qsm_desktop.excel.kinds.base import Change, Changes, Column, ImportContext, ParsedReturn, ReturnKind, register_kind
from qsm_desktop.excel.problems import Problem
from qsm_desktop.excel.table import FormValue, Table, TableRow
from qsm_desktop.store import showcase as store
from qsm_desktop.store.models.showcase import (
    ShowcaseApplication,
    ShowcaseCycle,
    ShowcasePanelMember,
    ShowcaseReviewer,
    ShowcaseScoreSheet,
    ShowcaseSheetItem,
)

i18n.register(
    {
        "sc.sheet.code_mismatch": (
            "机构代码{code}与报表的填报单位{org}不一致，请核对",
            "org code {code} differs from the return's reporting unit {org}; check it",
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
        "sc.sheet.level": (
            "“{value}”不是有效的申报级别，应为：分行级、总行级、全国级",
            "'{value}' is not a valid level; use 分行级, 总行级 or 全国级",
        ),
        "sc.sheet.conflicted": ("（回避：与被评网点同属{branch}，保存但不计入）",
                                " (conflict of interest: same branch {branch}; kept, not counted)"),
        "entity.score_sheet": ("评分表", "score sheets"),
        "entity.showcase_reviewer": ("评审专家", "reviewers"),
        "entity.warning": ("提醒", "warnings"),
    }
)

LABELS: dict[str, tuple[str, ...]] = {
    "unit_name": ("申报单位", "被评单位"),
    "org_code": ("机构代码",),
    "reviewer": ("评审专家", "评审人", "专家姓名"),
    "reviewer_org": ("专家所在机构代码", "专家机构代码"),
    "date": ("评审日期", "检查日期"),
    "level": ("申报级别",),
}
TITLES = {name: titles[0] for name, titles in LABELS.items()}
REQUIRED = ("org_code", "reviewer", "reviewer_org")
SCORING_STATUSES = (ApplicationStatus.SUBMITTED.value, ApplicationStatus.RECOMMENDED.value,
                    ApplicationStatus.UNDER_REVIEW.value)


@dataclass
class ScoreSheetForm:
    """The parsed sheet: outlet, reviewer and their org, date, optional level, the item rows."""

    org_code: str | None = None
    unit_name: str | None = None
    reviewer: str | None = None
    reviewer_org: str | None = None
    scored_on: dt.date | None = None
    level: AwardLevel | None = None
    entries: list[tuple[TableRow, ScoreEntry]] = field(default_factory=list)
    values: dict[str, FormValue] = field(default_factory=dict)


def branch_of(ctx: ImportContext) -> dict[str, str | None]:
    """Each org code's branch, computed once per import run (kept in ``ctx.cache``)."""
    if ctx.cache.get("showcase_branch_of") is not ctx.orgs:
        ctx.cache["showcase_branch_of"] = ctx.orgs
        ctx.cache["showcase_branch"] = store.branch_map_from_orgs(ctx.orgs)
    return ctx.cache["showcase_branch"]


@register_kind
class ScoreSheetReturn(ReturnKind):
    """示范窗口单位现场评分表 (DESIGN §3.7)."""

    name = "score_sheet"
    sheet_name = "评分表"
    title = "示范窗口单位现场评分表"
    title_en = "Showcase on-site score sheet"
    period_type = "year"
    order = 60
    columns = (
        Column("code", ("序号",), False, "code", width=6),
        Column("item", ("评价项目", "项目"), True, "text", width=24),
        Column("points", ("分值", "标准分"), True, "number", width=8),
        Column("score", ("得分", "评分"), True, "number", width=8),
        Column("reason", ("扣分原因", "扣分说明"), False, "text", width=36),
    )

    # ------------------------------------------------------------------ parse (no database)
    def parse(self, table: Table, ctx: ImportContext) -> ParsedReturn:
        """The form labels and every item row (numbers checked; rules against the sheet later)."""
        sheet = table.sheet.name if table.sheet is not None else self.sheet_name
        values = read_form_above(table, LABELS)
        problems: list[Problem] = missing_required(sheet, values, REQUIRED, TITLES)
        form = ScoreSheetForm(values=values)
        form.unit_name = text_of(values.get("unit_name"))
        form.reviewer = text_of(values.get("reviewer"))
        for name in ("org_code", "reviewer_org"):
            v = values.get(name)
            if v is None or blank(v.value):
                continue
            try:
                setattr(form, name, parse_org_code(v.value))
            except NormaliseError as exc:
                problems.append(form_problem(sheet, v, exc.key, **exc.params))
        if form.org_code and ctx.org_code and form.org_code != ctx.org_code:
            problems.append(form_problem(sheet, values["org_code"], "sc.sheet.code_mismatch", code=form.org_code,
                                         org=ctx.org_code))
        if (v := values.get("date")) is not None and not blank(v.value):
            try:
                form.scored_on = parse_date(v.value)
            except NormaliseError as exc:
                problems.append(form_problem(sheet, v, exc.key, **exc.params))
        if (v := values.get("level")) is not None and not blank(v.value):
            try:
                form.level = AwardLevel.parse(str(v.value))
            except ValueError:
                problems.append(form_problem(sheet, v, "sc.sheet.level", value=v.value))
        for row in table.rows:
            item = clean_text(row.get("item"))
            code = clean_text(row.get("code"))
            if code and code.endswith(".0"):
                code = code[:-2]
            if not item and not code:
                problems.append(self.required_problem(row, "item"))
                continue
            numbers: dict[str, object] = {}
            for field_name in ("points", "score"):
                raw = row.get(field_name)
                if blank(raw):
                    problems.append(self.required_problem(row, field_name))
                    continue
                try:
                    numbers[field_name] = as_decimal(parse_number(raw))
                except NormaliseError as exc:
                    problems.append(row.problem(field_name, exc.key, **exc.params))
            if len(numbers) < 2:
                continue
            form.entries.append((row, ScoreEntry(position=row.number, name=item, code=code,
                                                 points=numbers["points"], score=numbers["score"],  # type: ignore[arg-type]
                                                 reason=clean_text(row.get("reason")) or "")))
        if not table.rows:
            problems.append(Problem(sheet, None, "table.no_rows", {}))
        return ParsedReturn(self.name, sheet, [form], problems)

    # ------------------------------------------------------------------ validate
    def validate(self, session: Session, parsed: ParsedReturn, ctx: ImportContext) -> None:
        """The application to score, the scores against its cycle's sheet, the reviewer's org."""
        form: ScoreSheetForm = parsed.records[0]
        problems = parsed.problems
        sheet_name = parsed.sheet or self.sheet_name
        if form.reviewer_org and form.reviewer_org not in ctx.orgs:
            problems.append(form_problem(sheet_name, form.values.get("reviewer_org"), "sc.sheet.reviewer_org",
                                         code=form.reviewer_org))
        unit = ctx.org
        if unit is None or not ctx.period:
            return
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
            return
        if len(found) > 1:
            problems.append(Problem(None, None, "sc.sheet.ambiguous", {"code": unit.code, "year": year,
                                                                       "levels": "、".join(c.level for _a, c in found)}))
            return
        application, cycle = found[0]
        if application.status not in SCORING_STATUSES:
            problems.append(Problem(None, None, "sc.sheet.closed", {"code": unit.code, "year": year,
                                                                    "level": cycle.level, "status": application.status}))
            return
        template = store.cycle_sheet(cycle)
        check = check_scores(template, [e for _r, e in form.entries], require_all=True)
        rows = {e.position: r for r, e in form.entries}
        cells = {"showcase.score.points_mismatch": "points", "showcase.score.above_points": "score",
                 "showcase.score.negative": "score"}
        for p in check.errors:
            row = rows.get(p.position) if p.position else None
            problems.append(Problem(sheet_name, row.ref(cells.get(p.key, "item")) if row else None, "sc.text",
                                    {"text": p.message}))
        warnings = []
        for p in check.warnings:
            row = rows.get(p.position) if p.position else None
            warnings.append((f"{sheet_name}!{row.ref('reason')}" if row else sheet_name, p.message))
        parsed.state.update(application=application, cycle=cycle, check=check, warnings=warnings,
                            cells={p.code: r.ref("score") for r, e in form.entries
                                   if (p := template.find(code=e.code, name=e.name)) is not None})
        if form.reviewer_org not in ctx.orgs or not form.reviewer:
            return
        parsed.state["conflict_branch"] = None
        branches = branch_of(ctx)
        if is_conflicted(form.reviewer_org, unit.code, branches):
            parsed.state["conflict_branch"] = branches.get(unit.code) or unit.code
        reviewer_org_id = ctx.orgs[form.reviewer_org].id
        reviewer = session.scalar(select(ShowcaseReviewer).where(ShowcaseReviewer.name == form.reviewer,
                                                                 ShowcaseReviewer.org_unit_id == reviewer_org_id))
        parsed.state["reviewer"] = reviewer
        parsed.state["reviewer_org_id"] = reviewer_org_id
        existing = None
        if reviewer is not None:
            existing = session.scalar(select(ShowcaseScoreSheet).where(
                ShowcaseScoreSheet.application_id == application.id, ShowcaseScoreSheet.reviewer_id == reviewer.id))
        parsed.state["existing"] = existing

    def superseded_batch(self, session: Session, parsed: ParsedReturn, ctx: ImportContext) -> int | None:
        """The batch of this reviewer's earlier sheet for the same application, if it was imported:
        sheets of other reviewers for the same outlet stand side by side, never superseded."""
        existing: ShowcaseScoreSheet | None = parsed.state.get("existing")
        return existing.source_batch_id if existing is not None else None

    # ------------------------------------------------------------------ preview / apply
    def preview(self, session: Session, parsed: ParsedReturn, ctx: ImportContext) -> Changes:
        """A new reviewer, the new or replaced sheet (with its total, and 回避 when conflicted), and
        the warnings (deductions without a reason)."""
        form: ScoreSheetForm = parsed.records[0]
        check = parsed.state["check"]
        changes: list[Change] = []
        if parsed.state.get("reviewer") is None:
            changes.append(Change("showcase_reviewer", "new", f"{form.reviewer}/{form.reviewer_org}",
                                  f"{form.reviewer}（{ctx.orgs[form.reviewer_org].name}）"))
        key = f"{ctx.org.code}/{form.reviewer}"
        label = f"{ctx.org.code} {ctx.org.name} · {form.reviewer} · {check.total.normalize():f}"
        if parsed.state.get("conflict_branch"):
            label += i18n.msg("sc.sheet.conflicted", branch=parsed.state["conflict_branch"])
        existing: ShowcaseScoreSheet | None = parsed.state.get("existing")
        if existing is None:
            changes.append(Change("score_sheet", "new", key, label))
        else:
            changes.append(Change("score_sheet", "changed", key, label, {"total": str(existing.total)},
                                  {"total": str(check.total)}))
        changes += [Change(WARNING, WARNING, where, message) for where, message in parsed.state["warnings"]]
        return Changes(tuple(changes))

    def apply(self, session: Session, batch_id: int, parsed: ParsedReturn, ctx: ImportContext) -> int:
        """Register the reviewer, replace their sheet for the application, move it into review."""
        form: ScoreSheetForm = parsed.records[0]
        check = parsed.state["check"]
        application: ShowcaseApplication = parsed.state["application"]
        cycle: ShowcaseCycle = parsed.state["cycle"]
        entries = []
        reviewer: ShowcaseReviewer | None = parsed.state.get("reviewer")
        if reviewer is None:
            reviewer = ShowcaseReviewer(name=form.reviewer, org_unit_id=parsed.state["reviewer_org_id"])
            session.add(reviewer)
            session.flush()
            entries.append(("showcase_reviewer", reviewer.id, "create", None,
                            {"name": reviewer.name, "org": form.reviewer_org}))
        on_panel = session.scalar(select(ShowcasePanelMember.id).where(ShowcasePanelMember.cycle_id == cycle.id,
                                                                       ShowcasePanelMember.reviewer_id == reviewer.id))
        if on_panel is None:
            session.add(ShowcasePanelMember(cycle_id=cycle.id, reviewer_id=reviewer.id))
        existing: ShowcaseScoreSheet | None = parsed.state.get("existing")
        before = None
        if existing is not None:
            before = {"total": str(existing.total), "excluded": existing.excluded}
            session.execute(delete(ShowcaseSheetItem).where(ShowcaseSheetItem.sheet_id == existing.id))
            session.delete(existing)
            session.flush()
        sheet = ShowcaseScoreSheet(application_id=application.id, reviewer_id=reviewer.id, scored_on=form.scored_on,
                                   total=check.total, excluded=bool(parsed.state.get("conflict_branch")),
                                   complete=check.complete, warnings=len(check.warnings), source_batch_id=batch_id,
                                   source_sheet=parsed.sheet, source_row=None)
        session.add(sheet)
        session.flush()
        cells = parsed.state["cells"]
        session.execute(insert(ShowcaseSheetItem), [
            {"sheet_id": sheet.id, "item_code": s.item.code, "item_name": s.item.name, "points": s.item.points,
             "score": s.score, "reason": s.reason or None, "source_cell": cells.get(s.item.code)}
            for s in check.scores
        ])
        after = {"total": str(check.total), "excluded": sheet.excluded, "reviewer": form.reviewer,
                 "outlet": ctx.org.code, "warnings": len(check.warnings)}
        entries.append(("score_sheet", sheet.id, "create" if before is None else "replace", before, after))
        status = ApplicationStatus(application.status)
        steps = {ApplicationStatus.SUBMITTED: (ApplicationAction.RECOMMEND, ApplicationAction.START_REVIEW),
                 ApplicationStatus.RECOMMENDED: (ApplicationAction.START_REVIEW,)}.get(status, ())
        for action in steps:
            new = transition(status, action)
            entries.append(("showcase_application", application.id, action.value, {"status": status.value},
                            {"status": new.value, "by": "score_sheet"}))
            status = new
        if steps:
            application.status = status.value
            session.flush()
        _db.audit_many(session, ctx.actor, entries, batch_id=batch_id, at=ctx.now)
        return len(check.scores)

    def template_rows(self, session: Session | None, ctx: ImportContext) -> list[dict]:
        """The default sheet's items (序号, 评价项目, 分值), scores blank. (The generic template
        writer lays out the table only; :func:`write_score_sheet` writes the whole form.)"""
        return [{"code": i.code, "item": i.name, "points": float(i.points)} for i in store.default_sheet().items]


def write_score_sheet(target, *, org_code: str, unit_name: str, reviewer: str, reviewer_org: str, year: int,
                      scored_on: dt.date | None = None, level: str | None = None,
                      items: list[tuple[str, object, object, str]] = ()) -> None:
    """Write a filled 现场评分表 (DESIGN §3.7): the labels, then ``序号 | 评价项目 | 分值 | 得分 |
    扣分原因`` rows (``items`` as ``(name, points, score, reason)``), and ``_meta`` (kind, the
    outlet's code, year). ``level`` adds a 申报级别 label (needed when the outlet applied at two
    levels in the year)."""
    from qsm_desktop.excel.kinds._forms import write_form

    fields = [("申报单位", unit_name), ("机构代码", org_code), ("评审专家", reviewer), ("专家所在机构代码", reviewer_org),
              ("评审日期", scored_on or "")]
    if level:
        fields.append(("申报级别", level))
    write_form(target, kind=ScoreSheetReturn.name, sheet_name=ScoreSheetReturn.sheet_name,
               title=ScoreSheetReturn.title, fields=fields, columns=[c.title for c in ScoreSheetReturn.columns],
               rows=[[n, *item] for n, item in enumerate(items, start=1)], org_code=org_code, period=str(year))
