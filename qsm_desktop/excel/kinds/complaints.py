"""客户投诉及内部投诉登记表 — a branch's complaint register (``kind = complaints``), DESIGN.md §9.1.

| 序号 | 投诉编号 | 投诉类别 | 受理日期 | 受理渠道 | 业务类型 | 投诉原因 | 被投诉机构代码 | 被投诉员工工号 | 投诉摘要 | 是否有效 | 复杂程度 | 办结日期 | 处理结果 | 备注 |

A branch's complaints received in a quarter (``_meta`` org = the branch, period = the quarter).
This module only translates (DB-free), each problem at its cell: the required cells; 投诉类别 ∈
客户投诉, 内部投诉; 受理日期 inside the quarter; 办结日期, when given, not before it; 是否有效 ∈ 是,
否; codes readable; 投诉编号 once in the file. The checks against the reference data and the org
tree (受理渠道, 业务类型, 投诉原因 from the classification; 复杂程度 a deadline class of the category,
with the extension's approval in 备注 where the class needs it; the unit complained about in the
branch's subtree, or a head-office department for an internal complaint; 投诉编号 unique across the
bank) are the import handler's (``qsm_desktop/services/complaints/imports.py``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from qsm_desktop.domain import i18n
from qsm_desktop.domain.complaints import CATEGORIES, VALID_WORDS
from qsm_desktop.domain.normalise import clean_text, parse_org_code, parse_staff_no, period_end, period_start
from qsm_desktop.excel.kinds.base import UNREADABLE, Column, ParseContext, ParsedReturn, ReturnKind, register_kind
from qsm_desktop.excel.problems import Problem
from qsm_desktop.excel.table import Table, TableRow

__all__ = ["ComplaintRow", "ComplaintsReturn"]

i18n.register(
    {
        "complaint.received_outside": (
            "受理日期{date}不在报告期{period}（{start}至{end}）内",
            "received on {date}, outside the period {period} ({start} to {end})",
        ),
        "complaint.closed_before": (
            "办结日期{closed}早于受理日期{received}",
            "closed on {closed}, before it was received ({received})",
        ),
        "complaint.duplicate": (
            "投诉编号{number}在{cell}已出现，同一投诉只登记一行",
            "complaint {number} is already registered at {cell}; register each complaint once",
        ),
    }
)


@dataclass(frozen=True, slots=True)
class ComplaintRow:
    """One parsed complaint: ``row``, 投诉编号 ``number``, 投诉类别 ``category``, 受理日期
    ``received``, 受理渠道 ``channel``, 业务类型 ``business_type``, 投诉原因 ``cause``, 被投诉机构代码
    ``target``, 被投诉员工工号 ``staff_no``, 投诉摘要 ``summary``, 是否有效 ``valid``, 复杂程度
    ``complexity``, 办结日期 ``closed``, 处理结果 ``result``, 备注 ``note`` (``None`` where empty or
    refused)."""

    row: TableRow
    number: str | None
    category: str | None
    received: dt.date | None
    channel: str | None
    business_type: str | None
    cause: str | None
    target: str | None
    staff_no: str | None
    summary: str | None
    valid: bool | None
    complexity: str | None
    closed: dt.date | None
    result: str | None
    note: str | None


@register_kind
class ComplaintsReturn(ReturnKind):
    """客户投诉及内部投诉登记表 (DESIGN §9.1)."""

    name = "complaints"
    sheet_name = "投诉登记"
    title = "客户投诉及内部投诉登记表"
    title_en = "Complaint register"
    period_type = "quarter"
    order = 17
    owed_by_branches = True
    columns = (
        Column("seq", ("序号",), False, "int", width=6),
        Column("number", ("投诉编号", "投诉单号"), True, "code", width=14),
        Column("category", ("投诉类别",), True, "choice", CATEGORIES, width=10),
        Column("received", ("受理日期", "投诉日期"), True, "date", width=12),
        Column("channel", ("受理渠道", "投诉渠道"), True, "choice", width=10),
        Column("business_type", ("业务类型",), True, "choice", width=12),
        Column("cause", ("投诉原因",), True, "choice", width=20),
        Column("target", ("被投诉机构代码", "被投诉机构"), True, "org_code", width=12),
        Column("staff_no", ("被投诉员工工号", "被投诉工号"), False, "staff_no", width=12),
        Column("summary", ("投诉摘要", "投诉内容"), False, "text", width=30),
        Column("valid", ("是否有效", "有效投诉"), True, "choice", VALID_WORDS, width=8),
        Column("complexity", ("复杂程度", "处理时限"), True, "choice", width=10),
        Column("closed", ("办结日期",), False, "date", width=12),
        Column("result", ("处理结果",), False, "text", width=16),
        Column("note", ("备注",), False, "text", width=24),
    )

    def parse(self, table: Table, ctx: ParseContext) -> ParsedReturn[ComplaintRow]:
        """Every row normalised and checked on its own and against the other rows."""
        problems: list[Problem] = []
        records: list[ComplaintRow] = []
        sheet = table.sheet.name if table.sheet is not None else self.sheet_name
        seen: dict[str, ComplaintRow] = {}
        start = period_start(ctx.period) if ctx.period else None
        end = ctx.period_end or (period_end(ctx.period) if ctx.period else None)
        for row in table.rows:
            text = {f: self._text(row, f, problems) for f in ("number", "category", "channel", "business_type", "cause",
                                                              "complexity")}
            number = text["number"].replace(" ", "") if text["number"] else None
            category = text["category"].replace(" ", "") if text["category"] else None
            if category is not None and category not in CATEGORIES:
                problems.append(self.choice_problem(row, "category", category, CATEGORIES))
                category = None
            received = self.date_cell(row.get("received"), row, "received", problems, required=True)
            received = None if received is UNREADABLE else received
            if received is not None and start is not None and not start <= received <= end:
                problems.append(row.problem("received", "complaint.received_outside", date=received.isoformat(),
                                            period=ctx.period, start=start.isoformat(), end=end.isoformat()))
            closed = self.date_cell(row.get("closed"), row, "closed", problems)
            closed = None if closed is UNREADABLE else closed
            if closed is not None and received is not None and closed < received:
                problems.append(row.problem("closed", "complaint.closed_before", closed=closed.isoformat(),
                                            received=received.isoformat()))
            target = self.code_cell(row.get("target"), row, "target", parse_org_code, problems, width=6)
            staff_no = self.code_cell(row.get("staff_no"), row, "staff_no", parse_staff_no, problems, width=7,
                                      required=False)
            valid = None
            valid_text = clean_text(row.get("valid"))
            if valid_text is None:
                problems.append(self.required_problem(row, "valid"))
            elif valid_text.replace(" ", "") not in VALID_WORDS:
                problems.append(self.choice_problem(row, "valid", valid_text, VALID_WORDS))
            else:
                valid = valid_text.replace(" ", "") == VALID_WORDS[0]
            record = ComplaintRow(row, number, category, received, text["channel"], text["business_type"],
                                  text["cause"], target, staff_no, clean_text(row.get("summary")), valid,
                                  text["complexity"].replace(" ", "") if text["complexity"] else None, closed,
                                  clean_text(row.get("result")), clean_text(row.get("note")))
            if number:
                first = seen.setdefault(number, record)
                if first is not record:
                    problems.append(row.problem("number", "complaint.duplicate", number=number,
                                                cell=first.row.ref("number")))
            records.append(record)
        if not records and not table.problems:
            problems.append(Problem(sheet, None, "table.no_rows", {}))
        return ParsedReturn(self.name, sheet, records, problems)

    def _text(self, row: TableRow, field_name: str, problems: list[Problem]) -> str | None:
        value = clean_text(row.get(field_name))
        if value is None and self.column(field_name).required:
            problems.append(self.required_problem(row, field_name))
        return value
