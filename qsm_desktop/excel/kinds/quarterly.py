"""服务质量季度报表 — the quarterly service-quality return (``kind = quarterly``), DESIGN.md §3.4.

| 序号 | 指标代码 | 指标名称 | 计量单位 | 本期值 | 说明 |

One row per leaf indicator of the indicator system in force for the period whose data source is
``quarterly`` (the template is generated from that system). The values are stored per unit ×
period × indicator code with their batch, sheet, row and cell (``indicator_values``), so every
score can say where its value came from. A newer return for the same unit and period replaces
the values of the older one.

Rules checked, each problem at its cell:
- 指标代码 present, an indicator of the system in force whose source is the quarterly return, and
  listed once; every such indicator of the unit's type has its row (a missing row is named);
- 本期值 present and a number; percent indicators (unit ``%``) accept 0.97, 97 and "97%" alike and
  store 97.0 (DESIGN §3.4, :func:`~qsm_desktop.domain.normalise.parse_percent`) and must lie in
  0–100; ranks (``名``) are whole numbers ≥ 1; counts and times are ≥ 0;
- the reporting unit is of a type the system evaluates with quarterly indicators (a 分行).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from qsm_desktop.domain import i18n
from qsm_desktop.domain.indicators import Indicator, IndicatorSystem, fmt_number
from qsm_desktop.domain.indicators.inputs import parse_indicator_value  # the rule lives in the domain; kept importable here
from qsm_desktop.domain.normalise import NormaliseError, clean_text, fold
from qsm_desktop.excel.kinds import _db
from qsm_desktop.excel.kinds.base import Change, Changes, Column, ImportContext, ParsedReturn, ReturnKind, register_kind
from qsm_desktop.excel.problems import Problem
from qsm_desktop.excel.table import Table, TableRow
from qsm_desktop.store.models.evaluation import IndicatorValue

SOURCE = "quarterly"
"""The data-source code of indicators taken from this return (``SOURCES`` in the domain)."""

i18n.register(
    {
        "quarterly.no_system": (
            "报告期{period}没有生效的综合评价指标体系（最早的体系自{first}起施行）。请核对报告期，或先建立适用的指标体系",
            "no evaluation indicator system is in force for {period} (the earliest applies from {first}). "
            "Check the period, or set up a system that applies",
        ),
        "quarterly.unit_type": (
            "填报单位{code}（{name}）是{type}，{system}中没有由季度报表填报的{type}指标。季度报表由分行填报",
            "the reporting unit {code} ({name}) is a {type}; {system} has no quarterly-return indicators for a "
            "{type}. Quarterly returns come from branches",
        ),
        "quarterly.unknown_code": (
            "指标代码“{code}”不是{system}中由季度报表填报的指标，应为：{codes}",
            "'{code}' is not an indicator of {system} taken from the quarterly return; use one of: {codes}",
        ),
        "quarterly.duplicate": (
            "指标{code}在{cell}已填报，此处重复。每个指标只填一行，请删除多余的一行",
            "indicator {code} is already given at {cell}; give each indicator once and delete the extra row",
        ),
        "quarterly.missing_row": (
            "缺少指标{code}（{name}）这一行。请按模板逐项填报所有指标",
            "the row of indicator {code} ({name}) is missing; fill in every indicator of the template",
        ),
        "entity.indicator_value": ("指标值", "indicator values"),
    }
)


@dataclass(slots=True)
class QuarterlyRow:
    """One parsed row: the indicator code (folded, upper case), the raw value and the row."""

    row: TableRow
    code: str | None
    raw_value: object
    note: str | None
    value: float | None = None


def _system(session: Session, ctx: ImportContext) -> tuple[int, IndicatorSystem] | None:
    """The system in force for the return's period (cached on the context)."""
    key = ("indicator_system", ctx.period)
    if key not in ctx.cache:
        from qsm_desktop.store.indicator_systems import load_system, system_id_for_period

        found = None
        if ctx.period_end is not None:
            system_id = system_id_for_period(session, ctx.period_end)
            if system_id is not None:
                found = (system_id, load_system(session, system_id))
        ctx.cache[key] = found
    return ctx.cache[key]


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
    columns = (
        Column("seq", ("序号",), False, "int", width=6),
        Column("code", ("指标代码", "指标编码", "代码", "指标编号"), True, "code", width=10),
        Column("name", ("指标名称", "指标"), False, "text", width=30),
        Column("unit", ("计量单位", "单位"), False, "text", width=10),
        Column("value", ("本期值", "本期数", "本季度值", "本期数值", "数值", "指标值"), True, "number", width=12),
        Column("note", ("说明", "备注"), False, "text", width=30),
    )

    # ------------------------------------------------------------------ parse (no database)
    def parse(self, table: Table, ctx: ImportContext) -> ParsedReturn:
        """Codes present and not repeated; the values are checked against the system in :meth:`validate`."""
        problems: list[Problem] = []
        records: list[QuarterlyRow] = []
        sheet = table.sheet.name if table.sheet is not None else self.sheet_name
        first: dict[str, QuarterlyRow] = {}
        for row in table.rows:
            text = clean_text(row.get("code"))
            code = fold(text).replace(" ", "").upper() if text else None
            record = QuarterlyRow(row, code, row.get("value"), clean_text(row.get("note")))
            if code is None:
                problems.append(self.required_problem(row, "code"))
            else:
                seen = first.setdefault(code, record)
                if seen is not record:
                    problems.append(row.problem("code", "quarterly.duplicate", code=code, cell=seen.row.ref("code")))
            raw = record.raw_value
            if raw is None or raw == "" or (isinstance(raw, str) and not fold(raw).strip()):
                problems.append(self.required_problem(row, "value"))
                record.raw_value = None
            records.append(record)
        if not records and not table.problems:
            problems.append(Problem(sheet, None, "table.no_rows", {}))
        return ParsedReturn(self.name, sheet, records, problems)

    # ------------------------------------------------------------------ validate
    def validate(self, session: Session, parsed: ParsedReturn, ctx: ImportContext) -> None:
        """Codes known to the system in force (quarterly source, the unit's type), every such
        indicator present, values valid for their unit and rule."""
        problems = parsed.problems
        found = _system(session, ctx)
        if found is None:
            from qsm_desktop.store.models.evaluation import IndicatorSystemRecord

            first = session.scalar(select(IndicatorSystemRecord.effective_from)
                                   .order_by(IndicatorSystemRecord.effective_from).limit(1))
            problems.append(Problem(None, None, "quarterly.no_system",
                                    {"period": ctx.period, "first": first.isoformat() if first else "-"}))
            return
        system_id, system = found
        unit = ctx.org
        unit_type = unit.type if unit is not None else None
        wanted = quarterly_indicators(system, unit_type)
        if unit is not None and not wanted:
            problems.append(Problem(None, None, "quarterly.unit_type",
                                    {"code": unit.code, "name": unit.name, "type": unit.type, "system": system.label}))
            return
        by_code = {i.code: i for i in wanted}
        codes = "、".join(by_code)
        listed: set[str] = set()
        for record in parsed.records:
            if record.code is None:
                continue
            indicator = by_code.get(record.code)
            if indicator is None:
                problems.append(record.row.problem("code", "quarterly.unknown_code", code=record.code,
                                                   system=system.label, codes=codes))
                continue
            listed.add(record.code)
            if record.raw_value is None:
                continue
            try:
                record.value = parse_indicator_value(indicator, record.raw_value)
            except NormaliseError as exc:
                problems.append(record.row.problem("value", exc.key, **exc.params))
        sheet = parsed.sheet or self.sheet_name
        for indicator in wanted:
            if indicator.code not in listed:
                problems.append(Problem(sheet, None, "quarterly.missing_row",
                                        {"code": indicator.code, "name": indicator.name}))
        parsed.state["system_id"] = system_id

    # ------------------------------------------------------------------ preview / apply
    def _existing(self, session: Session, ctx: ImportContext) -> dict[str, tuple[int, float, str]]:
        rows = session.execute(
            select(IndicatorValue.indicator_code, IndicatorValue.id, IndicatorValue.value, IndicatorValue.origin)
            .where(IndicatorValue.org_unit_id == ctx.org.id, IndicatorValue.period == ctx.period)
        ).all()
        return {code: (vid, value, origin) for code, vid, value, origin in rows}

    def preview(self, session: Session, parsed: ParsedReturn, ctx: ImportContext) -> Changes:
        """New values and changed ones (before → after)."""
        existing = self._existing(session, ctx)
        parsed.state["existing"] = existing
        changes = []
        for record in parsed.records:
            old = existing.get(record.code or "")
            label = f"{record.code} {fmt_number(record.value or 0, 4)}"
            if old is None:
                changes.append(Change("indicator_value", "new", record.code or "", label))
            elif abs(old[1] - (record.value or 0.0)) > 1e-12 or old[2] != SOURCE:
                changes.append(Change("indicator_value", "changed", record.code or "", label,
                                      {"value": old[1], "origin": old[2]}, {"value": record.value, "origin": SOURCE}))
        return Changes(tuple(changes))

    def apply(self, session: Session, batch_id: int, parsed: ParsedReturn, ctx: ImportContext) -> int:
        """Replace the unit's values of the period that came from a quarterly return, and any value
        of the same codes, by this return's; audit the changed ones."""
        existing = parsed.state.get("existing") or self._existing(session, ctx)
        codes = [r.code for r in parsed.records if r.code]
        table = IndicatorValue.__table__
        session.execute(
            delete(table).where(table.c.org_unit_id == ctx.org.id, table.c.period == ctx.period,
                                or_(table.c.origin == SOURCE, table.c.indicator_code.in_(codes)))
        )
        rows = [{
            "org_unit_id": ctx.org.id, "period": ctx.period, "indicator_code": r.code, "value": r.value,
            "origin": SOURCE, "source_cell": r.row.ref("value"), "reason": r.note, "entered_by": ctx.actor.login
            if ctx.actor is not None else None, "entered_at": ctx.now, "version": 1, "source_batch_id": batch_id,
            "source_sheet": parsed.sheet, "source_row": r.row.number,
        } for r in parsed.records]
        _db.insert_many(session, table, rows)
        entries = []
        for r in parsed.records:
            old = existing.get(r.code or "")
            if old is not None and (abs(old[1] - (r.value or 0.0)) > 1e-12 or old[2] != SOURCE):
                entries.append(("indicator_value", f"{ctx.org_code}/{ctx.period}/{r.code}", "update",
                                {"value": old[1], "origin": old[2]}, {"value": r.value, "origin": SOURCE}))
        _db.audit_many(session, ctx.actor, entries, batch_id=batch_id, at=ctx.now)
        return len(rows)

    # ------------------------------------------------------------------ template
    def template_rows(self, session: Session | None, ctx: ImportContext) -> list[dict]:
        """One row per quarterly indicator of the system in force for the period (value blank)."""
        if session is None:
            return []
        found = _system(session, ctx)
        if found is None:
            return []
        unit_type = ctx.org.type if ctx.org is not None else None
        leaves = quarterly_indicators(found[1], unit_type) or quarterly_indicators(found[1])
        return [{"seq": n, "code": i.code, "name": i.name, "unit": i.unit} for n, i in enumerate(leaves, start=1)]
