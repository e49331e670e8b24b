"""整改反馈表 — a branch's progress on its actions (``kind = capa_feedback``), DESIGN.md §8.5.

| 序号 | 整改编号 | 机构代码 | 来源 | 问题描述 | 类型 | 计划完成日期 | 整改措施 | 责任人 | 实际完成日期 | 整改结果 |

The template lists every action of the branch's subtree that is not closed (pre-filled by the
import handler); the branch fills the last four columns. A filled 实际完成日期 moves the action to
待验证. This module only translates (DB-free): 整改编号 present and listed once, 机构代码 a 6-digit
code, the dates readable. Which actions exist, are the branch's and are still open is the import
handler's (``qsm_desktop/services/capa/imports.py``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from qsm_desktop.domain import i18n
from qsm_desktop.domain.normalise import clean_text, parse_org_code
from qsm_desktop.excel.kinds.base import UNREADABLE, Column, ParseContext, ParsedReturn, ReturnKind, register_kind
from qsm_desktop.excel.problems import Problem
from qsm_desktop.excel.table import Table, TableRow

__all__ = ["CapaFeedbackReturn", "FeedbackRow"]

i18n.register(
    {
        "capa.duplicate": (
            "整改编号{number}在{cell}已出现，每项整改只填一行",
            "action {number} is already listed at {cell}; list each action once",
        ),
    }
)


@dataclass(frozen=True, slots=True)
class FeedbackRow:
    """One parsed row: ``row``, 整改编号 ``number``, 机构代码 ``org`` (as listed), and what the branch
    filled: 整改措施 ``measures``, 责任人 ``responsible``, 实际完成日期 ``completed``, 整改结果 ``result``
    (``None`` where empty or refused)."""

    row: TableRow
    number: str | None
    org: str | None
    measures: str | None
    responsible: str | None
    completed: dt.date | None
    result: str | None

    @property
    def filled(self) -> bool:
        """Whether the branch wrote anything in the four feedback columns."""
        return any(v is not None for v in (self.measures, self.responsible, self.completed, self.result))


@register_kind
class CapaFeedbackReturn(ReturnKind):
    """整改反馈表 (DESIGN §8.5)."""

    name = "capa_feedback"
    sheet_name = "整改反馈"
    title = "整改反馈表"
    title_en = "Corrective action feedback"
    period_type = "quarter"
    order = 80
    columns = (
        Column("seq", ("序号",), False, "int", width=6),
        Column("number", ("整改编号",), True, "code", width=14),
        Column("org", ("机构代码",), False, "org_code", width=10),
        Column("source", ("来源", "问题来源"), False, "text", width=10),
        Column("description", ("问题描述",), False, "text", width=40),
        Column("type", ("类型", "整改类型"), False, "text", width=8),
        Column("due", ("计划完成日期",), False, "date", width=12),
        Column("measures", ("整改措施",), False, "text", width=36),
        Column("responsible", ("责任人",), False, "text", width=10),
        Column("completed", ("实际完成日期", "完成日期"), False, "date", width=12),
        Column("result", ("整改结果",), False, "text", width=30),
    )

    def parse(self, table: Table, ctx: ParseContext) -> ParsedReturn[FeedbackRow]:
        """整改编号 present and once; 机构代码 and 实际完成日期 readable."""
        problems: list[Problem] = []
        records: list[FeedbackRow] = []
        sheet = table.sheet.name if table.sheet is not None else self.sheet_name
        seen: dict[str, FeedbackRow] = {}
        for row in table.rows:
            number = clean_text(row.get("number"))
            if number is None:
                problems.append(self.required_problem(row, "number"))
            org = self.code_cell(row.get("org"), row, "org", parse_org_code, problems, width=6, required=False)
            completed = self.date_cell(row.get("completed"), row, "completed", problems)
            record = FeedbackRow(row, number.replace(" ", "") if number else None, org,
                                 clean_text(row.get("measures")), clean_text(row.get("responsible")),
                                 None if completed is UNREADABLE else completed, clean_text(row.get("result")))
            if record.number:
                first = seen.setdefault(record.number, record)
                if first is not record:
                    problems.append(row.problem("number", "capa.duplicate", number=record.number,
                                                cell=first.row.ref("number")))
            records.append(record)
        if not records and not table.problems:
            problems.append(Problem(sheet, None, "table.no_rows", {}))
        return ParsedReturn(self.name, sheet, records, problems)
