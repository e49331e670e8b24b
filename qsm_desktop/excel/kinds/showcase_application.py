"""示范窗口申报表 — the showcase application form (``kind = showcase_application``), DESIGN.md §3.5.

A form, not a table: label cells each followed to the right by its value — 申报单位, 机构代码,
申报级别 (分行级/总行级/全国级), 申报年度, 网点负责人, 联系电话, 在岗员工数, 持证上岗人数, 大堂经理人数,
年度有效投诉件数, 神秘访客平均得分, 客户满意度, 近三年所获荣誉, 创建工作简述 — and under them the table
``评价项目 | 分值 | 自评得分`` with the cycle's score-sheet criteria.

This module translates only (no database). The reporting unit (``_meta`` org_code, or the 申报单位
line) is the outlet; the period is the year. :meth:`ShowcaseApplicationReturn.parse` reads one
frozen :class:`ApplicationForm`, each problem at its cell: the required labels filled; 机构代码 is
the reporting unit; 申报年度 is the return's year; counts are whole numbers ≥ 0 (持证上岗人数 ≤
在岗员工数), 神秘访客平均得分 0–100, 客户满意度 a percentage; every 评价项目 row has a name and 分值.
:func:`write_application_form` writes a filled form as branches send it.

The import handler (``services/showcase/imports.py``) checks the rest against the database and
writes through ``services/showcase/applications.py`` like the window's form: the unit is an outlet
(网点 or 支行); every 评价项目 is on the cycle's sheet with its 分值, 自评得分 between 0 and 分值; the
first application for a year × level creates the award cycle from the default sheet (DESIGN §5);
a newer form for the same outlet and cycle replaces the older one while the application is still
草稿 or 已提交, later it is refused (the review has begun). An imported application is 已提交
(submitted by its branch).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from qsm_desktop.domain import i18n
from qsm_desktop.domain.normalise import NormaliseError, clean_text, parse_int, parse_number, parse_org_code, parse_percent
from qsm_desktop.domain.showcase import AwardLevel, ScoreEntry, as_decimal
from qsm_desktop.excel.kinds._forms import blank, form_problem, formula_problems, missing_required, read_form_above, text_of
from qsm_desktop.excel.kinds.base import Column, ParseContext, ParsedReturn, ReturnKind, register_kind
from qsm_desktop.excel.problems import Problem
from qsm_desktop.excel.table import FormValue, Table, TableRow

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
        "sc.app.no_items": (
            "申报表下方没有“评价项目 | 分值 | 自评得分”表格的数据行，请按评分表逐项自评",
            "the form has no rows in its '评价项目 | 分值 | 自评得分' table; score yourself on each item",
        ),
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


@dataclass(frozen=True)
class ApplicationForm:
    """The parsed form (one record per file): the outlet's ``unit_name`` (申报单位) and
    ``org_code``, the ``level`` (申报级别) and ``year`` (申报年度), the other ``fields`` by their
    Chinese label (网点负责人, 在岗员工数 …: counts as ``int``, 神秘访客平均得分 and 客户满意度 as
    numbers 0–100), the self-assessment rows as ``(row, ScoreEntry)`` pairs (``score`` = 自评得分,
    ``None`` when blank) and every label's ``values`` with its cell. ``None`` where a value is
    missing or unreadable (its problem is recorded)."""

    unit_name: str | None
    org_code: str | None
    level: AwardLevel | None
    year: int | None
    fields: Mapping[str, Any]
    entries: tuple[tuple[TableRow, ScoreEntry], ...]
    values: Mapping[str, FormValue]


@register_kind
class ShowcaseApplicationReturn(ReturnKind):
    """示范窗口申报表 (DESIGN §3.5) — a translator: :meth:`parse` reads the form into one
    :class:`ApplicationForm`; the checks against the database and the write are the import
    handler's (``services/showcase/imports.py``)."""

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

    def parse(self, table: Table, ctx: ParseContext) -> ParsedReturn[ApplicationForm]:
        """The form's labels and the self-assessment table, checked value by value."""
        sheet = table.sheet.name if table.sheet is not None else self.sheet_name
        values = read_form_above(table, LABELS)
        problems: list[Problem] = missing_required(sheet, values, REQUIRED, FORM_TITLES)
        problems += formula_problems(sheet, values)  # text is text (issue 11)
        fields: dict[str, Any] = {}
        org_code = level = year = None
        if (v := values.get("org_code")) is not None and not blank(v.value):
            try:
                org_code = parse_org_code(v.value)
            except NormaliseError as exc:
                problems.append(form_problem(sheet, v, exc.key, **exc.params))
            if org_code and ctx.org_code and org_code != ctx.org_code:
                problems.append(form_problem(sheet, v, "sc.app.code_mismatch", code=org_code, org=ctx.org_code))
        if (v := values.get("level")) is not None and not blank(v.value):
            try:
                level = AwardLevel.parse(str(v.value))
            except ValueError:
                problems.append(form_problem(sheet, v, "sc.app.level", value=v.value))
        if (v := values.get("year")) is not None and not blank(v.value):
            try:
                year = parse_int(v.value)
            except NormaliseError as exc:
                problems.append(form_problem(sheet, v, exc.key, **exc.params))
            if year and ctx.period and str(year) != ctx.period[:4]:
                problems.append(form_problem(sheet, v, "sc.app.year_mismatch", year=year, period=ctx.period[:4]))
        for name in COUNTS:
            v = values.get(name)
            if v is None or blank(v.value):
                continue
            try:
                count = parse_int(v.value)
                if count < 0:
                    raise NormaliseError("sc.app.count", value=v.value)
                fields[FORM_TITLES[name]] = count
            except NormaliseError as exc:
                problems.append(form_problem(sheet, v, "sc.app.count", value=v.value) if exc.key == "sc.app.count"
                                else form_problem(sheet, v, exc.key, **exc.params))
        staff, certified = fields.get(FORM_TITLES["staff"]), fields.get(FORM_TITLES["certified"])
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
            fields[FORM_TITLES[name]] = round(number, 4)
        for name in TEXTS:
            text = text_of(values.get(name))
            if text:
                fields[FORM_TITLES[name]] = text
        entries: list[tuple[TableRow, ScoreEntry]] = []
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
            entries.append((row, ScoreEntry(position=row.number, name=item, points=points, score=score)))
        if not table.rows:
            problems.append(Problem(sheet, None, "sc.app.no_items", {}))
        form = ApplicationForm(unit_name=text_of(values.get("unit_name")), org_code=org_code, level=level, year=year,
                               fields=fields, entries=tuple(entries), values=values)
        return ParsedReturn(self.name, sheet, [form], problems)


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
