"""神秘访客检查结果 — the mystery-visit delivery (``kind = mystery_visit``), DESIGN.md §8.2.

| 序号 | 暗访编号 | 机构代码 | 暗访日期 | 服务模块 | 项目代码 | 检查项目 | 分值 | 得分 | 扣分原因 | 柜员工号 | 备注 |

The agency's delivery for one branch × quarter (``_meta`` org = the branch, period = the quarter):
one row per visit × checklist item. A visit (one 暗访编号) is one outlet, one date, one module.

This module only translates (DB-free), each problem at its cell: the required cells; 机构代码 a
6-digit code, 柜员工号 a 7-digit 工号; 暗访日期 a date inside the quarter; 分值 a number above 0;
得分 a number from 0 to 分值, or ``不适用``; the rows of one visit agree on outlet, date and module
and list an item once. A deduction without 扣分原因 is a warning (the file still imports). The
checks against the checklist in force and the org tree (item of the module, 分值 = its points,
every item present, outlet of the branch, 柜员工号 a staff member, 暗访编号 not another branch's)
are the import handler's: ``qsm_desktop/services/monitoring/imports.py``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from qsm_desktop.domain import i18n
from qsm_desktop.domain.monitoring.scoring import NOT_APPLICABLE
from qsm_desktop.domain.normalise import (
    NormaliseError,
    clean_text,
    parse_number,
    parse_org_code,
    parse_staff_no,
    period_end,
    period_start,
)
from qsm_desktop.excel.kinds.base import UNREADABLE, Column, ParseContext, ParsedReturn, ReturnKind, register_kind
from qsm_desktop.excel.problems import Problem
from qsm_desktop.excel.table import Table, TableRow

__all__ = ["MysteryVisitReturn", "VisitRow", "number_text"]

i18n.register(
    {
        "visit.date_outside": (
            "暗访日期{date}不在报告期{period}（{start}至{end}）内",
            "visit date {date} is outside the period {period} ({start} to {end})",
        ),
        "visit.disagrees": (
            "暗访{visit}的{title}应与第{row}行一致（{first}），此处为{value}",
            "visit {visit}: {title} must be the same as on row {row} ({first}); here it is {value}",
        ),
        "visit.duplicate_item": (
            "暗访{visit}的项目{item}在{cell}已出现，每个项目只填一行",
            "visit {visit} already lists item {item} at {cell}; list each item once",
        ),
        "visit.points": ("分值“{value}”无效，应为大于0的数", "'{value}' is not valid points; points are a number above 0"),
        "visit.score": (
            "得分“{value}”无效：应为0至分值的数，或“不适用”",
            "score '{value}' is not valid: a number from 0 to the item's points, or 不适用 (not applicable)",
        ),
        "visit.score_above": (
            "得分{score}超过该项分值{points}",
            "the score {score} is above the item's {points} points",
        ),
        "visit.no_reason": (
            "扣分（得分{score}，分值{points}）未写扣分原因",
            "a deduction ({score} of {points}) without a reason (扣分原因)",
        ),
    }
)


def number_text(value: float) -> str:
    """A score or points as written (``15.0`` → ``15``, ``14.5`` → ``14.5``)."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _shown(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


@dataclass(frozen=True, slots=True)
class VisitRow:
    """One parsed row: where it came from (``row``), 暗访编号 ``visit_no``, the ``outlet`` code,
    ``visit_date``, 服务模块 ``module`` (as written), 项目代码 ``item_code``, 检查项目 ``item_text``,
    分值 ``points``, 得分 ``score`` (``None`` when 不适用 — see ``not_applicable`` — or refused),
    扣分原因 ``reason``, 柜员工号 ``staff_no`` and 备注 ``note``. ``None`` where a cell was empty or
    refused (its problem recorded)."""

    row: TableRow
    visit_no: str | None
    outlet: str | None
    visit_date: dt.date | None
    module: str | None
    item_code: str | None
    item_text: str | None
    points: float | None
    score: float | None
    not_applicable: bool
    reason: str | None
    staff_no: str | None
    note: str | None

    @property
    def scored(self) -> bool:
        """Whether the row has a valid score or is 不适用 (no problem in 得分)."""
        return self.not_applicable or self.score is not None


_FIELDS = ("visit_no", "outlet", "visit_date", "module", "item_code", "item_text", "points", "score", "reason",
           "staff_no", "note")
"""The fields :meth:`MysteryVisitReturn.parse` reads from every row, in the order it unpacks them."""


@register_kind
class MysteryVisitReturn(ReturnKind):
    """神秘访客检查结果 (DESIGN §8.2)."""

    name = "mystery_visit"
    sheet_name = "暗访结果"
    title = "神秘访客检查结果"
    title_en = "Mystery-visit results"
    period_type = "quarter"
    order = 15
    owed_by_branches = True
    columns = (
        Column("seq", ("序号",), False, "int", width=6),
        Column("visit_no", ("暗访编号", "检查编号", "暗访单号"), True, "code", width=18),
        Column("outlet", ("机构代码", "网点代码", "被检查机构代码"), True, "org_code", width=10),
        Column("visit_date", ("暗访日期", "检查日期"), True, "date", width=12),
        Column("module", ("服务模块", "检查模块"), True, "choice", width=14),
        Column("item_code", ("项目代码", "检查项目代码"), True, "code", width=10),
        Column("item_text", ("检查项目", "检查内容"), False, "text", width=36),
        Column("points", ("分值", "标准分"), True, "number", width=7),
        Column("score", ("得分", "实得分"), True, "number", width=7),
        Column("reason", ("扣分原因", "扣分说明"), False, "text", width=24),
        Column("staff_no", ("柜员工号", "员工工号", "工号"), False, "staff_no", width=10),
        Column("note", ("备注",), False, "text", width=16),
    )

    # ------------------------------------------------------------------ parse (no database)
    def parse(self, table: Table, ctx: ParseContext) -> ParsedReturn[VisitRow]:
        """Normalise every row and check the rows of each visit against each other."""
        problems: list[Problem] = []
        warnings: list[Problem] = []
        records: list[VisitRow] = []
        sheet = table.sheet.name if table.sheet is not None else self.sheet_name
        first_of: dict[str, VisitRow] = {}
        items_of: dict[str, dict[str, VisitRow]] = {}
        start = period_start(ctx.period) if ctx.period else None
        end = ctx.period_end or (period_end(ctx.period) if ctx.period else None)
        pick = table.picker(_FIELDS)
        for row in table.rows:
            (raw_visit, raw_outlet, raw_date, raw_module, raw_item, raw_text, raw_points, raw_score, raw_reason,
             raw_staff, raw_note) = pick(row)
            visit_no = self._text(raw_visit, row, "visit_no", problems, required=True)
            outlet = self.code_cell(raw_outlet, row, "outlet", parse_org_code, problems, width=6)
            visit_date = self.date_cell(raw_date, row, "visit_date", problems, required=True)
            if visit_date is UNREADABLE:
                visit_date = None
            elif visit_date is not None and start is not None and not start <= visit_date <= end:
                problems.append(row.problem("visit_date", "visit.date_outside", date=visit_date.isoformat(),
                                            period=ctx.period, start=start.isoformat(), end=end.isoformat()))
            module = self._text(raw_module, row, "module", problems, required=True)
            item_code = self._text(raw_item, row, "item_code", problems, required=True)
            item_code = item_code.upper().replace(" ", "") if item_code else None
            points = self._points(raw_points, row, problems)
            score, not_applicable = self._score(raw_score, row, points, problems)
            reason = clean_text(raw_reason)
            staff_no = self.code_cell(raw_staff, row, "staff_no", parse_staff_no, problems, width=7, required=False)
            record = VisitRow(row, visit_no, outlet, visit_date, module, item_code, clean_text(raw_text),
                              points, score, not_applicable, reason, staff_no, clean_text(raw_note))
            if score is not None and points is not None and score < points and not reason:
                warnings.append(row.problem("reason", "visit.no_reason", score=number_text(score),
                                            points=number_text(points)))
            if visit_no:
                self._agree(record, first_of.setdefault(visit_no, record), problems)
                if item_code:
                    seen = items_of.setdefault(visit_no, {}).setdefault(item_code, record)
                    if seen is not record:
                        problems.append(row.problem("item_code", "visit.duplicate_item", visit=visit_no, item=item_code,
                                                    cell=seen.row.ref("item_code")))
            records.append(record)
        if not records and not table.problems:
            problems.append(Problem(sheet, None, "table.no_rows", {}))
        return ParsedReturn(self.name, sheet, records, problems, warnings)

    # ------------------------------------------------------------------ cells
    def _text(self, raw: object, row: TableRow, field_name: str, problems: list[Problem], *,
              required: bool) -> str | None:
        value = clean_text(raw)
        if value is None and required:
            problems.append(self.required_problem(row, field_name))
        return value

    def _points(self, raw: object, row: TableRow, problems: list[Problem]) -> float | None:
        numeric = type(raw) is float or type(raw) is int  # a number cell is never empty: no text to clean
        if not numeric and clean_text(raw) is None:
            problems.append(self.required_problem(row, "points"))
            return None
        try:
            points = parse_number(raw)
        except NormaliseError:
            points = None
        if points is None or not points > 0:
            problems.append(row.problem("points", "visit.points", value=clean_text(raw)))
            return None
        return points

    def _score(self, raw: object, row: TableRow, points: float | None,
               problems: list[Problem]) -> tuple[float | None, bool]:
        if type(raw) is float or type(raw) is int:  # a number cell: neither empty nor 不适用
            text = None
        else:
            text = clean_text(raw)
            if text is None:
                problems.append(self.required_problem(row, "score"))
                return None, False
            if text.replace(" ", "") == NOT_APPLICABLE:
                return None, True
        try:
            score = parse_number(raw)
        except NormaliseError:
            problems.append(row.problem("score", "visit.score", value=text or clean_text(raw)))
            return None, False
        if score < 0:
            problems.append(row.problem("score", "visit.score", value=text or clean_text(raw)))
            return None, False
        if points is not None and score > points:
            problems.append(row.problem("score", "visit.score_above", score=number_text(score),
                                        points=number_text(points)))
            return None, False
        return score, False

    def _agree(self, record: VisitRow, first: VisitRow, problems: list[Problem]) -> None:
        """A visit is one outlet, one date, one module: later rows must say what its first row says."""
        if first is record:
            return
        for field_name in ("outlet", "visit_date", "module"):
            mine, theirs = getattr(record, field_name), getattr(first, field_name)
            if mine is not None and theirs is not None and mine != theirs:
                problems.append(record.row.problem(field_name, "visit.disagrees", visit=record.visit_no,
                                                   title=self.column(field_name).title, row=first.row.number,
                                                   first=_shown(theirs), value=_shown(mine)))
