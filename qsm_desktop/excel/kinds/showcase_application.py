"""示范窗口申报表 — the showcase application form (``kind = showcase_application``), DESIGN.md §3.5.

A form, not a table: label cells each followed to the right by its value — 申报单位, 机构代码,
申报级别 (分行级/总行级/全国级), 申报年度, 网点负责人, 联系电话, 在岗员工数, 持证上岗人数, 大堂经理人数,
年度有效投诉件数, 神秘访客平均得分, 客户满意度, 近三年所获荣誉, 创建工作简述 — and under them the table
``评价项目 | 分值 | 自评得分`` with the cycle's score-sheet criteria.

The reporting unit (``_meta`` org_code, or the 申报单位 line) is the outlet; the period is the year.
Rules, each problem at its cell: the required labels filled; 机构代码 is the reporting unit and an
outlet (网点 or 支行); 申报年度 is the return's year; counts are whole numbers ≥ 0 (持证上岗人数 ≤
在岗员工数), 神秘访客平均得分 0–100, 客户满意度 a percentage; every 评价项目 is on the cycle's sheet
with its 分值, 自评得分 between 0 and 分值. The first application for a year × level creates the
award cycle from ``db/seed/score_sheet_default.toml`` (DESIGN §5). A newer form for the same
outlet and cycle replaces the older one while the application is still 草稿 or 已提交; later it
is refused (the review has begun). An imported application is 已提交 (submitted by its branch).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qsm_desktop.domain import i18n
from qsm_desktop.domain.normalise import NormaliseError, clean_text, parse_int, parse_number, parse_org_code, parse_percent
from qsm_desktop.domain.showcase import ApplicationStatus, AwardLevel, ScoreEntry, as_decimal, check_scores
from qsm_desktop.excel.kinds import _db
from qsm_desktop.excel.kinds._forms import blank, form_problem, missing_required, read_form_above, text_of
from qsm_desktop.excel.kinds.base import Change, Changes, Column, ImportContext, ParsedReturn, ReturnKind, register_kind
from qsm_desktop.excel.problems import Problem
from qsm_desktop.excel.table import FormValue, Table, TableRow
from qsm_desktop.store import showcase as store
from qsm_desktop.store.models.showcase import ShowcaseApplication, ShowcaseCycle

i18n.register(
    {
        "sc.app.code_mismatch": (
            "机构代码{code}与填报单位{org}不一致：一份申报表只能申报填报单位本身",
            "org code {code} differs from the reporting unit {org}; an application form is for the reporting unit itself",
        ),
        "sc.app.year_mismatch": (
            "申报年度{year}与报表年度{period}不一致，请核对",
            "application year {year} differs from the return's year {period}; check it",
        ),
        "sc.app.level": (
            "“{value}”不是有效的申报级别，应为：分行级、总行级、全国级",
            "'{value}' is not a valid level; use 分行级, 总行级 or 全国级",
        ),
        "sc.app.not_outlet": (
            "{code}（{name}）是{type}，示范窗口只能由网点（或支行营业部）申报",
            "{code} ({name}) is a {type}; only outlets (网点, or a 支行's own counter) apply as showcase units",
        ),
        "sc.app.count": (
            "“{value}”应为0或正整数",
            "'{value}' must be 0 or a positive whole number",
        ),
        "sc.app.certified_over_staff": (
            "持证上岗人数{certified}多于在岗员工数{staff}，请核对",
            "{certified} certified staff is more than the {staff} staff on duty; check it",
        ),
        "sc.app.range": (
            "“{value}”超出0–100，请核对",
            "'{value}' is outside 0–100; check it",
        ),
        "sc.app.locked": (
            "{code}的{year}年{level}申报已是“{status}”，评审已开始，不能再用申报表修改。如需更正请联系总行秘书",
            "the {year} {level} application of {code} is already '{status}'; the review has begun and the form "
            "can no longer change it. Ask the head-office secretary to correct it",
        ),
        "sc.app.no_items": (
            "申报表下方没有“评价项目 | 分值 | 自评得分”表格的数据行，请按评分表逐项自评",
            "the form has no rows in its '评价项目 | 分值 | 自评得分' table; score yourself on each item",
        ),
        "sc.text": ("{text}", "{text}"),
        "entity.showcase_application": ("示范窗口申报", "showcase applications"),
        "entity.showcase_cycle": ("评选周期", "award cycles"),
    }
)

LABELS: dict[str, tuple[str, ...]] = {
    "unit_name": ("申报单位", "单位名称"),
    "org_code": ("机构代码",),
    "level": ("申报级别", "级别"),
    "year": ("申报年度", "年度"),
    "manager": ("网点负责人", "负责人"),
    "phone": ("联系电话", "电话"),
    "staff": ("在岗员工数", "员工人数"),
    "certified": ("持证上岗人数",),
    "lobby_managers": ("大堂经理人数",),
    "complaints": ("年度有效投诉件数", "有效投诉件数"),
    "mystery_shopper": ("神秘访客平均得分",),
    "satisfaction": ("客户满意度",),
    "honours": ("近三年所获荣誉",),
    "summary": ("创建工作简述",),
}
"""Form field → its label and aliases (DESIGN §3.5)."""

FORM_TITLES = {name: titles[0] for name, titles in LABELS.items()}
REQUIRED = ("unit_name", "org_code", "level", "year")
COUNTS = ("staff", "certified", "lobby_managers", "complaints")
TEXTS = ("manager", "phone", "honours", "summary")
OUTLET_TYPES = ("网点", "支行")
OPEN_STATUSES = (ApplicationStatus.DRAFT.value, ApplicationStatus.SUBMITTED.value)


@dataclass
class ApplicationForm:
    """The parsed form: outlet code and name, level, year, the other fields (stored by their
    Chinese label), the self-assessment rows and the cells of everything."""

    unit_name: str | None = None
    org_code: str | None = None
    level: AwardLevel | None = None
    year: int | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    entries: list[tuple[TableRow, ScoreEntry]] = field(default_factory=list)
    values: dict[str, FormValue] = field(default_factory=dict)


@register_kind
class ShowcaseApplicationReturn(ReturnKind):
    """示范窗口申报表 (DESIGN §3.5)."""

    name = "showcase_application"
    sheet_name = "申报表"
    title = "示范窗口单位申报表"
    title_en = "Showcase unit application"
    period_type = "year"
    order = 50
    columns = (
        Column("item", ("评价项目", "项目"), True, "text", width=24),
        Column("points", ("分值", "标准分"), True, "number", width=10),
        Column("self_score", ("自评得分", "自评分"), False, "number", width=10),
    )

    # ------------------------------------------------------------------ parse (no database)
    def parse(self, table: Table, ctx: ImportContext) -> ParsedReturn:
        """The form's labels and the self-assessment table, checked value by value."""
        sheet = table.sheet.name if table.sheet is not None else self.sheet_name
        values = read_form_above(table, LABELS)
        problems: list[Problem] = missing_required(sheet, values, REQUIRED, FORM_TITLES)
        form = ApplicationForm(values=values)
        form.unit_name = text_of(values.get("unit_name"))
        if (v := values.get("org_code")) is not None and not blank(v.value):
            try:
                form.org_code = parse_org_code(v.value)
            except NormaliseError as exc:
                problems.append(form_problem(sheet, v, exc.key, **exc.params))
            if form.org_code and ctx.org_code and form.org_code != ctx.org_code:
                problems.append(form_problem(sheet, v, "sc.app.code_mismatch", code=form.org_code, org=ctx.org_code))
        if (v := values.get("level")) is not None and not blank(v.value):
            try:
                form.level = AwardLevel.parse(str(v.value))
            except ValueError:
                problems.append(form_problem(sheet, v, "sc.app.level", value=v.value))
        if (v := values.get("year")) is not None and not blank(v.value):
            try:
                form.year = parse_int(v.value)
            except NormaliseError as exc:
                problems.append(form_problem(sheet, v, exc.key, **exc.params))
            if form.year and ctx.period and str(form.year) != ctx.period[:4]:
                problems.append(form_problem(sheet, v, "sc.app.year_mismatch", year=form.year, period=ctx.period[:4]))
        for name in COUNTS:
            v = values.get(name)
            if v is None or blank(v.value):
                continue
            try:
                count = parse_int(v.value)
                if count < 0:
                    raise NormaliseError("sc.app.count", value=v.value)
                form.fields[FORM_TITLES[name]] = count
            except NormaliseError as exc:
                problems.append(form_problem(sheet, v, "sc.app.count", value=v.value) if exc.key == "sc.app.count"
                                else form_problem(sheet, v, exc.key, **exc.params))
        staff, certified = form.fields.get(FORM_TITLES["staff"]), form.fields.get(FORM_TITLES["certified"])
        if staff is not None and certified is not None and certified > staff:
            problems.append(form_problem(sheet, values["certified"], "sc.app.certified_over_staff",
                                         certified=certified, staff=staff))
        for name, parser in (("mystery_shopper", parse_number), ("satisfaction", parse_percent)):
            v = values.get(name)
            if v is None or blank(v.value):
                continue
            try:
                number = parser(v.value)
            except NormaliseError as exc:
                problems.append(form_problem(sheet, v, exc.key, **exc.params))
                continue
            if not 0 <= number <= 100:
                problems.append(form_problem(sheet, v, "sc.app.range", value=v.value))
                continue
            form.fields[FORM_TITLES[name]] = round(number, 4)
        for name in TEXTS:
            text = text_of(values.get(name))
            if text:
                form.fields[FORM_TITLES[name]] = text
        for row in table.rows:
            item = clean_text(row.get("item"))
            if not item:
                problems.append(self.required_problem(row, "item"))
                continue
            points = score = None
            for field_name in ("points", "self_score"):
                raw = row.get(field_name)
                if blank(raw):
                    if field_name == "points":
                        problems.append(self.required_problem(row, field_name))
                    continue
                try:
                    number = as_decimal(parse_number(raw))
                except NormaliseError as exc:
                    problems.append(row.problem(field_name, exc.key, **exc.params))
                    continue
                if field_name == "points":
                    points = number
                else:
                    score = number
            form.entries.append((row, ScoreEntry(position=row.number, name=item, points=points, score=score)))
        if not table.rows:
            problems.append(Problem(sheet, None, "sc.app.no_items", {}))
        return ParsedReturn(self.name, sheet, [form], problems)

    # ------------------------------------------------------------------ validate
    def validate(self, session: Session, parsed: ParsedReturn, ctx: ImportContext) -> None:
        """The outlet is a 网点/支行; the items fit the cycle's sheet (or the default sheet for a
        new cycle); an application already under review is not overwritten."""
        form: ApplicationForm = parsed.records[0]
        problems = parsed.problems
        sheet_name = parsed.sheet or self.sheet_name
        unit = ctx.org
        if unit is not None and unit.type not in OUTLET_TYPES:
            problems.append(Problem(None, None, "sc.app.not_outlet", {"code": unit.code, "name": unit.name,
                                                                      "type": unit.type}))
        if form.level is None or form.year is None or unit is None:
            return
        cycle = store.find_cycle(session, form.year, form.level)
        template = store.cycle_sheet(cycle) if cycle is not None else store.default_sheet()
        check = check_scores(template, [e for _r, e in form.entries], require_all=False)
        rows = {e.position: r for r, e in form.entries}
        for p in check.errors:
            row = rows.get(p.position) if p.position else None
            field_name = {"showcase.score.points_mismatch": "points", "showcase.score.above_points": "self_score",
                          "showcase.score.negative": "self_score"}.get(p.key, "item")
            problems.append(Problem(sheet_name, row.ref(field_name) if row else None, "sc.text", {"text": p.message}))
        parsed.state["cycle"] = cycle
        parsed.state["self_scores"] = {s.item.code: str(s.score) for s in check.scores}
        existing = None
        if cycle is not None:
            existing = session.scalar(select(ShowcaseApplication).where(
                ShowcaseApplication.cycle_id == cycle.id, ShowcaseApplication.outlet_id == unit.id))
            if existing is not None and existing.status not in OPEN_STATUSES:
                problems.append(Problem(None, None, "sc.app.locked", {"code": unit.code, "year": form.year,
                                                                      "level": form.level.value,
                                                                      "status": existing.status}))
        parsed.state["existing"] = existing

    # ------------------------------------------------------------------ preview / apply
    def preview(self, session: Session, parsed: ParsedReturn, ctx: ImportContext) -> Changes:
        """A new cycle (first application of its year × level), a new or changed application."""
        form: ApplicationForm = parsed.records[0]
        changes: list[Change] = []
        if parsed.state.get("cycle") is None:
            changes.append(Change("showcase_cycle", "new", f"{form.year}/{form.level.value}",
                                  store.default_title(form.year, form.level)))
        existing: ShowcaseApplication | None = parsed.state.get("existing")
        label = f"{ctx.org.code} {form.unit_name or ctx.org.name} {form.year} {form.level.value}"
        after = self._record(form, parsed, ctx)
        if existing is None:
            changes.append(Change("showcase_application", "new", ctx.org.code, label))
        else:
            before = {"unit_name": existing.unit_name, "form": existing.form, "self_scores": existing.self_scores}
            if before != after:
                changes.append(Change("showcase_application", "changed", ctx.org.code, label, before, after))
        return Changes(tuple(changes))

    def _record(self, form: ApplicationForm, parsed: ParsedReturn, ctx: ImportContext) -> dict[str, Any]:
        return {"unit_name": form.unit_name or ctx.org.name, "form": dict(form.fields),
                "self_scores": dict(parsed.state.get("self_scores") or {})}

    def apply(self, session: Session, batch_id: int, parsed: ParsedReturn, ctx: ImportContext) -> int:
        """Create the cycle when needed, then the application (已提交) or replace the open one's form."""
        form: ApplicationForm = parsed.records[0]
        entries = []
        cycle: ShowcaseCycle | None = parsed.state.get("cycle")
        if cycle is None:
            cycle = store.create_cycle(session, form.year, form.level, now=ctx.now)
            entries.append(("showcase_cycle", cycle.id, "create", None,
                            {"year": cycle.year, "level": cycle.level, "title": cycle.title,
                             "sheet": cycle.sheet.get("name"), "from": store.DEFAULT_SHEET_FILE}))
        record = self._record(form, parsed, ctx)
        existing: ShowcaseApplication | None = parsed.state.get("existing")
        branch = store.branch_map_from_orgs(ctx.orgs).get(ctx.org.code)
        branch_id = ctx.orgs[branch].id if branch and branch in ctx.orgs else None
        source = {"source_batch_id": batch_id, "source_sheet": parsed.sheet, "source_row": None}
        if existing is None:
            application = ShowcaseApplication(cycle_id=cycle.id, outlet_id=ctx.org.id, branch_id=branch_id,
                                              status=ApplicationStatus.SUBMITTED.value, created_at=ctx.now,
                                              **record, **source)
            session.add(application)
            session.flush()
            entries.append(("showcase_application", application.id, "create", None,
                            {"outlet": ctx.org.code, "year": form.year, "level": form.level.value,
                             "status": application.status}))
        else:
            before = {"unit_name": existing.unit_name, "form": existing.form, "self_scores": existing.self_scores}
            for key, value in {**record, **source}.items():
                setattr(existing, key, value)
            existing.status = ApplicationStatus.SUBMITTED.value
            session.flush()
            entries.append(("showcase_application", existing.id, "update", before, record))
        _db.audit_many(session, ctx.actor, entries, batch_id=batch_id, at=ctx.now)
        return 1

    def template_rows(self, session: Session | None, ctx: ImportContext) -> list[dict]:
        """The default sheet's items with their points, self-scores blank. (The generic template
        writer lays out the table only; :func:`write_application_form` writes the whole form.)"""
        return [{"item": i.name, "points": float(i.points)} for i in store.default_sheet().items]



def write_application_form(target, *, org_code: str, unit_name: str, level: str, year: int,
                           fields: dict[str, Any] | None = None,
                           items: list[tuple[str, object, object]] = ()) -> None:
    """Write a filled 示范窗口申报表 (DESIGN §3.5) as branches send it: the form's labels two to a
    row, then ``评价项目 | 分值 | 自评得分`` rows (``items`` as ``(name, points, self score)``), and
    ``_meta`` (kind, outlet code, year). ``fields`` by Chinese label (网点负责人 …)."""
    from qsm_desktop.excel.kinds._forms import write_form

    values = {"申报单位": unit_name, "机构代码": org_code, "申报级别": level, "申报年度": year, **(fields or {})}
    order = [titles[0] for titles in LABELS.values()]
    write_form(target, kind=ShowcaseApplicationReturn.name, sheet_name=ShowcaseApplicationReturn.sheet_name,
               title=f"交通银行{ShowcaseApplicationReturn.title}", fields=[(k, values.get(k, "")) for k in order],
               columns=[c.title for c in ShowcaseApplicationReturn.columns], rows=[list(i) for i in items],
               org_code=org_code, period=str(year))
