"""示范窗口单位现场评分表 — a reviewer's on-site score sheet (``kind = score_sheet``), DESIGN.md §3.7.

Label/value pairs 申报单位, 机构代码 (the outlet), 评审专家, 专家所在机构代码, 评审日期 (and, when an
outlet applies at two levels in one year, 申报级别); then the table ``序号 | 评价项目 | 分值 | 得分 |
扣分原因`` with the cycle's score-sheet items.

This module translates only (no database): :meth:`ScoreSheetReturn.parse` reads the form into one
frozen :class:`ScoreSheetForm`, refusing at its cell a missing label, an unreadable code, date,
level or number, an item row without a name, and a 机构代码 that is not the return's unit;
:func:`write_score_sheet` writes a filled sheet (the demo, the tests).

Everything against the database is the import handler's (``services/showcase/imports.py``), which
saves through ``services/showcase/review.py::save_sheet_in`` like the window's score grid: an item
not on the cycle's sheet or given twice, a 分值 differing from the cycle's, 得分 above 分值 or below
0, an item left unscored, an unknown reviewer org, no open application of the outlet for the year
are refused, each at its cell; a deduction (得分 < 分值) without a 扣分原因 is a **warning** shown in
the preview and counted on the stored sheet; a reviewer not known yet is registered and put on the
cycle's panel; a conflicted reviewer's sheet (DESIGN §5) is stored, excluded; a newer sheet of the
same reviewer for the same application replaces the older one; the first sheet moves the
application into review.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from qsm_desktop.domain import i18n
from qsm_desktop.domain.normalise import NormaliseError, clean_text, parse_date, parse_number, parse_org_code
from qsm_desktop.domain.showcase import AwardLevel, ScoreEntry, as_decimal
from qsm_desktop.excel.kinds._forms import blank, form_problem, formula_problems, missing_required, read_form_above, text_of
from qsm_desktop.excel.kinds.base import Column, ParseContext, ParsedReturn, ReturnKind, register_kind
from qsm_desktop.excel.problems import Problem
from qsm_desktop.excel.table import FormValue, Table, TableRow

i18n.register(
    {
        "sc.sheet.code_mismatch": (
            "机构代码{code}与报表的填报单位{org}不一致，请核对",
            "org code {code} differs from the return's reporting unit {org}; check it",
        ),
        "sc.sheet.level": (
            "“{value}”不是有效的申报级别，应为：分行级、总行级、全国级",
            "'{value}' is not a valid level; use 分行级, 总行级 or 全国级",
        ),
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


@dataclass(frozen=True)
class ScoreSheetForm:
    """The parsed sheet (one record per file): the outlet's ``org_code`` and ``unit_name`` (申报单位),
    the ``reviewer`` (评审专家) and the 6-digit code of their org unit (``reviewer_org``), the
    ``scored_on`` date (评审日期), the ``level`` (申报级别) when the sheet names one, the item rows
    as ``(row, ScoreEntry)`` pairs (the row gives each problem its cell) and every label's
    ``values`` with its cell. ``None`` where a value is missing or unreadable (its problem is
    recorded)."""

    org_code: str | None
    unit_name: str | None
    reviewer: str | None
    reviewer_org: str | None
    scored_on: dt.date | None
    level: AwardLevel | None
    entries: tuple[tuple[TableRow, ScoreEntry], ...]
    values: Mapping[str, FormValue]


@register_kind
class ScoreSheetReturn(ReturnKind):
    """示范窗口单位现场评分表 (DESIGN §3.7) — a translator: :meth:`parse` reads the form into one
    :class:`ScoreSheetForm`; the checks against the cycle and the write are the import handler's
    (``services/showcase/imports.py``)."""

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

    def parse(self, table: Table, ctx: ParseContext) -> ParsedReturn[ScoreSheetForm]:
        """The form labels and every item row (numbers checked; rules against the sheet later)."""
        sheet = table.sheet.name if table.sheet is not None else self.sheet_name
        values = read_form_above(table, LABELS)
        problems: list[Problem] = missing_required(sheet, values, REQUIRED, TITLES)
        problems += formula_problems(sheet, values)  # text is text (issue 11)
        codes: dict[str, str | None] = {"org_code": None, "reviewer_org": None}
        for name in codes:
            v = values.get(name)
            if v is None or blank(v.value):
                continue
            try:
                codes[name] = parse_org_code(v.value)
            except NormaliseError as exc:
                problems.append(form_problem(sheet, v, exc.key, **exc.params))
        org_code = codes["org_code"]
        if org_code and ctx.org_code and org_code != ctx.org_code:
            problems.append(form_problem(sheet, values["org_code"], "sc.sheet.code_mismatch", code=org_code,
                                         org=ctx.org_code))
        scored_on = None
        if (v := values.get("date")) is not None and not blank(v.value):
            try:
                scored_on = parse_date(v.value)
            except NormaliseError as exc:
                problems.append(form_problem(sheet, v, exc.key, **exc.params))
        level = None
        if (v := values.get("level")) is not None and not blank(v.value):
            try:
                level = AwardLevel.parse(str(v.value))
            except ValueError:
                problems.append(form_problem(sheet, v, "sc.sheet.level", value=v.value))
        entries: list[tuple[TableRow, ScoreEntry]] = []
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
            entries.append((row, ScoreEntry(position=row.number, name=item, code=code,
                                            points=numbers["points"], score=numbers["score"],  # type: ignore[arg-type]
                                            reason=clean_text(row.get("reason")) or "")))
        if not table.rows:
            problems.append(Problem(sheet, None, "table.no_rows", {}))
        form = ScoreSheetForm(org_code=org_code, unit_name=text_of(values.get("unit_name")),
                              reviewer=text_of(values.get("reviewer")), reviewer_org=codes["reviewer_org"],
                              scored_on=scored_on, level=level, entries=tuple(entries), values=values)
        return ParsedReturn(self.name, sheet, [form], problems)


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
