"""神秘访客检查结果申诉表 — a branch's appeals (``kind = mystery_appeal``), DESIGN.md §8.3.

| 序号 | 暗访编号 | 项目代码 | 申诉理由 | 联系人 |

A branch appeals deductions on its own outlets' visits of the quarter: one appeal per visit × item.
This module only translates (DB-free): 暗访编号, 项目代码 and 申诉理由 present, each visit × item
once. Whether the visit is the branch's, of the quarter, and the item lost points, whether the
quarter is still open and the appeal not yet decided, is the import handler's
(``qsm_desktop/services/monitoring/imports.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from qsm_desktop.domain import i18n
from qsm_desktop.domain.normalise import clean_text
from qsm_desktop.excel.kinds.base import Column, ParseContext, ParsedReturn, ReturnKind, register_kind
from qsm_desktop.excel.problems import Problem
from qsm_desktop.excel.table import Table, TableRow

__all__ = ["AppealRow", "MysteryAppealReturn"]

i18n.register(
    {
        "appeal.duplicate": (
            "暗访{visit}项目{item}的申诉在{cell}已填写，每个项目只申诉一次",
            "visit {visit}, item {item} is already appealed at {cell}; appeal each item once",
        ),
    }
)


@dataclass(frozen=True, slots=True)
class AppealRow:
    """One parsed appeal: ``row``, 暗访编号 ``visit_no``, 项目代码 ``item_code``, 申诉理由 ``reason``,
    联系人 ``contact`` (``None`` where empty)."""

    row: TableRow
    visit_no: str | None
    item_code: str | None
    reason: str | None
    contact: str | None


@register_kind
class MysteryAppealReturn(ReturnKind):
    """神秘访客检查结果申诉表 (DESIGN §8.3)."""

    name = "mystery_appeal"
    sheet_name = "申诉"
    title = "神秘访客检查结果申诉表"
    title_en = "Mystery-visit appeals"
    period_type = "quarter"
    order = 70
    columns = (
        Column("seq", ("序号",), False, "int", width=6),
        Column("visit_no", ("暗访编号", "检查编号"), True, "code", width=18),
        Column("item_code", ("项目代码", "检查项目代码"), True, "code", width=10),
        Column("reason", ("申诉理由", "申诉原因", "理由"), True, "text", width=50),
        Column("contact", ("联系人",), False, "text", width=12),
    )

    def parse(self, table: Table, ctx: ParseContext) -> ParsedReturn[AppealRow]:
        """Required cells present; each visit × item once."""
        problems: list[Problem] = []
        records: list[AppealRow] = []
        sheet = table.sheet.name if table.sheet is not None else self.sheet_name
        seen: dict[tuple[str, str], AppealRow] = {}
        for row in table.rows:
            values = {}
            for field_name in ("visit_no", "item_code", "reason"):
                values[field_name] = clean_text(row.get(field_name))
                if values[field_name] is None:
                    problems.append(self.required_problem(row, field_name))
            item = values["item_code"].upper().replace(" ", "") if values["item_code"] else None
            record = AppealRow(row, values["visit_no"], item, values["reason"], clean_text(row.get("contact")))
            if record.visit_no and record.item_code:
                first = seen.setdefault((record.visit_no, record.item_code), record)
                if first is not record:
                    problems.append(row.problem("item_code", "appeal.duplicate", visit=record.visit_no,
                                                item=record.item_code, cell=first.row.ref("item_code")))
            records.append(record)
        if not records and not table.problems:
            problems.append(Problem(sheet, None, "table.no_rows", {}))
        return ParsedReturn(self.name, sheet, records, problems)
