"""服务质量季度报表 — the quarterly service-quality return (``kind = quarterly``), DESIGN.md §3.4.

| 序号 | 指标代码 | 指标名称 | 计量单位 | 本期值 | 说明 |

One row per leaf indicator of the indicator system in force for the period whose data source is
``quarterly`` (the template is generated from that system). The values are stored per unit ×
period × indicator code with their batch, sheet, row and cell (``indicator_values``), so every
score can say where its value came from. A newer return for the same unit and period replaces
the values of the older one.

This module only translates (DESIGN §3.4, issue 10): :meth:`QuarterlyReturn.parse` checks, without
the database, that 指标代码 is present and listed once and that 本期值 is present, and gives frozen
:class:`QuarterlyRow` records. The checks against the indicator system in force — the code is an
indicator of that system taken from the quarterly return for the unit's type, every such indicator
has its row, and the value is valid for its unit and rule (:func:`qsm_desktop.domain.indicators.inputs.parse_indicator_value`: percent
indicators accept 0.97, 97 and "97%" alike and store 97.0, within 0–100; ranks are whole numbers
≥ 1; counts and times are ≥ 0) — and the write are the import handler's, in
:mod:`qsm_desktop.services.evaluation.imports`.
"""

from __future__ import annotations

from dataclasses import dataclass

from qsm_desktop.domain import i18n
from qsm_desktop.domain.indicators import Indicator, IndicatorSystem
from qsm_desktop.domain.normalise import clean_text, fold
from qsm_desktop.excel.kinds.base import Column, ParseContext, ParsedReturn, ReturnKind, register_kind
from qsm_desktop.excel.problems import Problem
from qsm_desktop.excel.table import Table, TableRow

SOURCE = "quarterly"
"""The data-source code of indicators taken from this return (``SOURCES`` in the domain)."""

i18n.register(
    {
        "quarterly.duplicate": (
            "指标{code}在{cell}已填报，此处重复。每个指标只填一行，请删除多余的一行",
            "indicator {code} is already given at {cell}; give each indicator once and delete the extra row",
        ),
        "entity.indicator_value": ("指标值", "indicator values"),
    }
)


@dataclass(frozen=True, slots=True)
class QuarterlyRow:
    """One parsed row (frozen): the indicator ``code`` (folded, upper case; ``None`` when empty),
    the ``raw_value`` as written (``None`` when empty — the value is checked against the indicator's
    unit by the import handler, :func:`parse_indicator_value`), the ``note`` (说明) and the ``row``
    (for cell references)."""

    row: TableRow
    code: str | None
    raw_value: object
    note: str | None


def quarterly_indicators(system: IndicatorSystem, unit_type: str | None = None) -> tuple[Indicator, ...]:
    """The leaves of ``system`` whose data source is the quarterly return (of ``unit_type`` when given)."""
    leaves = system.indicators if unit_type is None else system.indicators_for(unit_type)
    return tuple(i for i in leaves if i.source == SOURCE)


@register_kind
class QuarterlyReturn(ReturnKind):
    """服务质量季度报表 (DESIGN §3.4)."""

    name = "quarterly"
    sheet_name = "指标数据"
    title = "服务质量季度报表"
    title_en = "Quarterly service-quality return"
    period_type = "quarter"
    order = 30
    owed_by_branches = True
    columns = (
        Column("seq", ("序号",), False, "int", width=6),
        Column("code", ("指标代码", "指标编码", "代码", "指标编号"), True, "code", width=10),
        Column("name", ("指标名称", "指标"), False, "text", width=30),
        Column("unit", ("计量单位", "单位"), False, "text", width=10),
        Column("value", ("本期值", "本期数", "本季度值", "本期数值", "数值", "指标值"), True, "number", width=12),
        Column("note", ("说明", "备注"), False, "text", width=30),
    )

    # ------------------------------------------------------------------ parse (no database)
    def parse(self, table: Table, ctx: ParseContext) -> ParsedReturn[QuarterlyRow]:
        """Codes present and not repeated, values present; the codes and values are checked against
        the indicator system in force by the import handler (``services.evaluation.imports``)."""
        problems: list[Problem] = []
        records: list[QuarterlyRow] = []
        sheet = table.sheet.name if table.sheet is not None else self.sheet_name
        first: dict[str, QuarterlyRow] = {}
        for row in table.rows:
            text = clean_text(row.get("code"))
            code = fold(text).replace(" ", "").upper() if text else None
            raw = row.get("value")
            empty = raw is None or raw == "" or (isinstance(raw, str) and not fold(raw).strip())
            record = QuarterlyRow(row, code, None if empty else raw, clean_text(row.get("note")))
            if code is None:
                problems.append(self.required_problem(row, "code"))
            else:
                seen = first.setdefault(code, record)
                if seen is not record:
                    problems.append(row.problem("code", "quarterly.duplicate", code=code, cell=seen.row.ref("code")))
            if empty:
                problems.append(self.required_problem(row, "value"))
            records.append(record)
        if not records and not table.problems:
            problems.append(Problem(sheet, None, "table.no_rows", {}))
        return ParsedReturn(self.name, sheet, records, problems)
