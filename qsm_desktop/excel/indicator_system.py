"""An indicator system as an Excel workbook (指标体系 Excel 导入导出) — DESIGN §4, issue 5 item 1.

Four sheets, each a table with a header row (found by its titles, like every return):

- ``体系``: ``项目 | 内容`` rows 名称, 英文名称, 版本, 施行日期;
- ``等级``: ``等级 | 最低分 | 英文名称``;
- ``类别``: ``类别代码 | 类别名称 | 适用对象 | 英文名称`` (分行 / 总行部门);
- ``指标``: ``指标代码 | 类别代码 | 指标名称 | 计量单位 | 方向 | 权重 | 数据来源 | 评分规则 | 保底值 | 目标值 |
  每单位分值 | 名次档 | 英文名称`` (英文名称 optional everywhere, issue 14) — 方向 higher/lower (越高越好/越低越好), 数据来源 a source code or its Chinese
  name, 评分规则 a rule kind or one of its aliases (linear/rank/deduction/bonus, 线性/名次/扣分/加分),
  名次档 as ``1-3:100%; 4-5:50%``. The rule-parameter columns (保底值 …) are the parameters the
  rule kinds declare (:func:`~qsm_desktop.domain.indicators.rule_fields`), each read and written by
  its type — this module knows no rule kind by name.

:func:`read_system_workbook` turns the workbook into the TOML structure and validates it with the
domain (every problem listed, :class:`~qsm_desktop.domain.indicators.IndicatorSystemInvalid`);
:func:`write_system_workbook` writes a system so that reading it back gives an equal system.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.domain.indicators import (
    SOURCES,
    IndicatorSystem,
    IndicatorSystemInvalid,
    RuleField,
    rule_class,
    rule_classes,
    rule_fields,
    system_from_mapping,
)
from qsm_desktop.domain.normalise import NormaliseError, clean_text, parse_date, parse_number
from qsm_desktop.excel.cells import row_values
from qsm_desktop.excel.reader import read_workbook
from qsm_desktop.excel.table import TableColumn, read_table

register({
    "sysxl.no_sheet": ("工作簿中没有“{sheet}”工作表（应有：体系、等级、类别、指标）。",
                       "The workbook has no sheet '{sheet}' (expected: 体系, 等级, 类别, 指标)."),
    "sysxl.cell": ("{sheet}!{cell}：{message}", "{sheet}!{cell}: {message}"),
})

SHEET_SYSTEM, SHEET_GRADES, SHEET_CATEGORIES, SHEET_INDICATORS = "体系", "等级", "类别", "指标"
_DIRECTIONS = {"higher": "higher", "越高越好": "higher", "高": "higher", "lower": "lower", "越低越好": "lower", "低": "lower"}
_SOURCES = {**{k: k for k in SOURCES}, **{zh: k for k, (zh, _en) in SOURCES.items()}}

_SYSTEM_COLS = (TableColumn("item", ("项目",), True), TableColumn("value", ("内容",), True))
_NAME_EN = TableColumn("name_en", ("英文名称", "English name"), False)
"""The optional English name of a grade, category or indicator (issue 14), the last column of its sheet."""
_GRADE_COLS = (TableColumn("name", ("等级",), True), TableColumn("min", ("最低分", "下限"), True), _NAME_EN)
_CATEGORY_COLS = (TableColumn("code", ("类别代码",), True), TableColumn("name", ("类别名称",), True),
                  TableColumn("applies_to", ("适用对象",), True), _NAME_EN)
_INDICATOR_COLS = (
    TableColumn("code", ("指标代码",), True), TableColumn("category", ("类别代码",), True),
    TableColumn("name", ("指标名称",), True), TableColumn("unit", ("计量单位",), False),
    TableColumn("direction", ("方向",), True), TableColumn("weight", ("权重",), True),
    TableColumn("source", ("数据来源",), True), TableColumn("kind", ("评分规则",), True),
)
"""The 指标 sheet's own columns; the rule parameters' columns follow (:func:`_indicator_columns`)."""
_INDICATOR_WIDTHS = [10, 10, 30, 10, 10, 8, 18, 12]
"""Column widths of the 指标 sheet before the rule parameters (each of those: :func:`_field_width`)."""


def _number(value: object, problems: list[str], where: str) -> float | None:
    if value is None or value == "":
        return None
    try:
        return parse_number(value)
    except NormaliseError as exc:
        problems.append(msg("sysxl.cell", sheet=where.split("!")[0], cell=where.split("!")[1], message=exc.message()))
        return None


def _rule_words() -> dict[str, str]:
    """A rule kind or one of its aliases (lower case) → the kind, over the registered rules."""
    return {word.lower(): cls.kind for cls in rule_classes() for word in (cls.kind, *cls.aliases)}


def _indicator_columns() -> tuple[TableColumn, ...]:
    """The 指标 sheet's columns: its own, then one per rule parameter any registered kind declares."""
    return (*_INDICATOR_COLS, *(TableColumn(field.name, (field.column,), False) for field in rule_fields()), _NAME_EN)


def _field_width(field: RuleField) -> int:
    """A rule parameter's column width: what its typed values need, or its title (two per CJK character)."""
    return max(field.type.width, 2 * len(field.column) + 2)


def _rule_value(field: RuleField, raw: object, problems: list[str], sheet: str, cell: str) -> object:
    """A rule parameter's cell → its plain value (the type's ``empty`` when blank or unreadable,
    the reason added to ``problems``)."""
    try:
        return field.type.parse_input(raw)
    except NormaliseError as exc:
        problems.append(msg("sysxl.cell", sheet=sheet, cell=cell, message=exc.message()))
        return field.type.empty


def read_system_workbook(path: str | Path) -> IndicatorSystem:
    """Read an indicator system from a workbook in the layout above; validate it (DESIGN §4).

    Raises :class:`IndicatorSystemInvalid` with every problem (missing sheets, unreadable cells,
    weights not adding up to 100 per unit type, bad rule parameters); ``WorkbookRefused`` for a
    file that is not a workbook.
    """
    book = read_workbook(Path(path))
    problems: list[str] = []
    tables = {}
    for sheet_name, columns in ((SHEET_SYSTEM, _SYSTEM_COLS), (SHEET_GRADES, _GRADE_COLS),
                                (SHEET_CATEGORIES, _CATEGORY_COLS), (SHEET_INDICATORS, _indicator_columns())):
        sheet = book.sheet(sheet_name)
        if sheet is None:
            problems.append(msg("sysxl.no_sheet", sheet=sheet_name))
            continue
        table = read_table(sheet, columns)
        problems += [p.render() for p in table.problems]
        tables[sheet_name] = table
    if problems:
        raise IndicatorSystemInvalid(Path(path).name, problems)
    data: dict = {"grades": [], "categories": [], "indicators": []}
    rule_words = _rule_words()
    for row in tables[SHEET_SYSTEM].rows:
        item = clean_text(row.get("item")) or ""
        value = row.get("value")
        if item == "名称":
            data["name"] = clean_text(value) or ""
        elif item == "英文名称":
            data["name_en"] = clean_text(value) or ""
        elif item == "版本":
            data["version"] = clean_text(value) or ""
        elif item == "施行日期":
            try:
                data["effective_from"] = parse_date(value)
            except NormaliseError as exc:
                problems.append(msg("sysxl.cell", sheet=SHEET_SYSTEM, cell=row.ref("value"), message=exc.message()))
    for row in tables[SHEET_GRADES].rows:
        data["grades"].append({"name": clean_text(row.get("name")) or "", "name_en": clean_text(row.get("name_en")) or "",
                               "min": _number(row.get("min"), problems, f"{SHEET_GRADES}!{row.ref('min')}")})
    for row in tables[SHEET_CATEGORIES].rows:
        data["categories"].append({k: clean_text(row.get(k)) or "" for k in ("code", "name", "applies_to", "name_en")})
    for row in tables[SHEET_INDICATORS].rows:
        where = lambda f: f"{SHEET_INDICATORS}!{row.ref(f)}"  # noqa: E731
        kind_text = clean_text(row.get("kind")) or ""
        kind = rule_words.get(kind_text.lower(), kind_text)
        rule: dict = {"kind": kind}
        cls = rule_class(kind)
        for field in cls.fields if cls is not None else ():
            rule[field.name] = _rule_value(field, row.get(field.name), problems, SHEET_INDICATORS, row.ref(field.name))
        rule = {k: v for k, v in rule.items() if v is not None}
        direction = clean_text(row.get("direction")) or ""
        source = clean_text(row.get("source")) or ""
        data["indicators"].append({
            "code": clean_text(row.get("code")) or "", "category": clean_text(row.get("category")) or "",
            "name": clean_text(row.get("name")) or "", "name_en": clean_text(row.get("name_en")) or "", "unit": clean_text(row.get("unit")) or "",
            "direction": _DIRECTIONS.get(direction.lower(), direction),
            "weight": _number(row.get("weight"), problems, where("weight")),
            "source": _SOURCES.get(source, source), "rule": rule,
        })
    data["grades"] = [g for g in data["grades"] if g["min"] is not None]
    data["indicators"] = [{k: v for k, v in i.items() if v is not None} for i in data["indicators"]]
    try:
        system = system_from_mapping(data, source=Path(path).name)
    except IndicatorSystemInvalid as exc:
        raise IndicatorSystemInvalid(Path(path).name, problems + list(exc.problems)) from None
    if problems:
        raise IndicatorSystemInvalid(system.shown_label(), problems)
    return system


def write_system_workbook(system: IndicatorSystem, path: str | Path) -> Path:
    """Write ``system`` as a workbook in the layout above (read back by :func:`read_system_workbook`)."""
    book = Workbook()
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")

    def sheet(title: str, header: list[str], rows: list[list[object]], widths: list[int], first: bool = False):
        ws = book.active if first else book.create_sheet(title)
        ws.title = title
        ws.append(header)
        for cell in ws[1]:
            cell.font, cell.fill = bold, fill
        for row in rows:
            ws.append(row_values(ws, row))  # text stays text (issue 11 §7)
        for i, w in enumerate(widths):
            ws.column_dimensions[chr(65 + i)].width = w
        ws.freeze_panes = "A2"

    sheet(SHEET_SYSTEM, ["项目", "内容"], [["名称", system.name], ["英文名称", system.name_en], ["版本", system.version],
                                          ["施行日期", system.effective_from.isoformat()]], [12, 40], first=True)
    sheet(SHEET_GRADES, ["等级", "最低分", "英文名称"], [[g.name, g.min, g.name_en] for g in system.grades], [10, 10, 20])
    sheet(SHEET_CATEGORIES, ["类别代码", "类别名称", "适用对象", "英文名称"],
          [[c.code, c.name, c.applies_to, c.name_en] for c in system.categories], [10, 24, 12, 30])
    fields = rule_fields()
    rows = []
    for i in system.indicators:
        params = i.rule.to_mapping()
        cells = [field.type.format_input(params[field.name]) if field.name in params else None
                 for field in fields]
        rows.append([i.code, i.category, i.name, i.unit, i.direction, i.weight, i.source, i.rule.kind, *cells, i.name_en])
    sheet(SHEET_INDICATORS, [c.title for c in _indicator_columns()], rows,
          _INDICATOR_WIDTHS + [_field_width(field) for field in fields] + [36])
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(str(out))
    return out


__all__ = ["read_system_workbook", "write_system_workbook"]
