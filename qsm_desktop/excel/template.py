"""Writing return templates (生成报表模板) with openpyxl — DESIGN.md §3.

Every template has: a title row merged across the table, the ``填报单位：…（代码）`` / ``报告期：…``
line, the header row, drop-down lists for enumerated columns (posts, certificate names, levels,
org types, status …), text format for codes (so 工号 keep their leading zeros when typed), date
and number formats, a frozen header, column widths, and the hidden ``_meta`` sheet (kind,
version, org_code, period, generated_at) that tells the importer what the file is.

The same writer fills templates with rows (``qsm demo`` and the benchmark write thousands of
returns through it), so the per-row work is kept small: rows are appended as plain lists, blank
cells are ``None`` (openpyxl skips them), and no cell gets a style of its own (the columns carry
the formats for what is typed later) — except text that starts like a formula, which is written
as text with a quote prefix, never as a formula, and loses its control characters
(:mod:`qsm_desktop.excel.cells`, issue 11 §7).
"""

from __future__ import annotations

import datetime as dt
import io
from copy import copy
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Protocol


from qsm_desktop.domain import i18n
from qsm_desktop.domain.normalise import period_label, strip_control
from qsm_desktop.excel.cells import assign, row_values
from qsm_desktop.excel.reader import META_SHEET

__all__ = ["TEMPLATE_VERSION", "TemplateColumn", "number_format_for", "write_return"]

TEMPLATE_VERSION = "1"
"""Written to ``_meta!B2``; bumped when a kind's layout changes incompatibly."""

LISTS_SHEET = "_lists"
"""Hidden sheet holding drop-down lists longer than Excel's 255-character inline limit."""

i18n.register(
    {
        "template.choice_error": (
            "请从下拉列表中选择",
            "choose a value from the drop-down list",
        ),
        "template.code_error": (
            "应为{digits}位数字，请按文本格式填写，保留开头的0",
            "must be {digits} digits; type it as text and keep the leading zeros",
        ),
    }
)


class TemplateColumn(Protocol):
    """What the writer needs to know about a column (see ``excel.kinds.base.Column``)."""

    field: str
    type: str
    choices: tuple[str, ...]
    width: float

    @property
    def title(self) -> str: ...


_FORMATS = {
    "date": "yyyy-mm-dd",
    "org_code": "@",
    "staff_no": "@",
    "code": "@",
    "text": "@",
    "choice": "@",
    "int": "0",
    "number": "General",
    "percent": "General",
}
_CODE_DIGITS = {"org_code": 6, "staff_no": 7}


def number_format_for(column_type: str) -> str:
    """The Excel number format of a column type (text ``@`` for codes so leading zeros survive)."""
    return _FORMATS.get(column_type, "General")




def _row_values(row: Sequence[object] | Mapping[str, object], fields: Sequence[str]) -> list[object]:
    values = [row.get(name) for name in fields] if isinstance(row, Mapping) else list(row)
    return [None if v == "" else (v.date() if isinstance(v, dt.datetime) else v) for v in values]


def write_return(
    target: str | Path | IO[bytes],
    *,
    kind: str,
    sheet_name: str,
    title: str,
    columns: Sequence[TemplateColumn],
    org_code: str,
    org_name: str = "",
    period: str,
    rows: Iterable[Sequence[object] | Mapping[str, object]] = (),
    choices: Mapping[str, Sequence[str]] | None = None,
    generated_at: dt.datetime | None = None,
    blank_rows: int = 200,
    language: str = "zh",
) -> None:
    """Write a return workbook (template, or filled with ``rows``) to ``target`` (path or binary file).

    ``columns`` in template order; ``rows`` are sequences in that order or mappings by field
    (``None``/``""`` for blank). ``choices`` maps a field to its drop-down list (defaults to the
    column's own ``choices``). ``period`` is canonical (``2007Q4``/``2007``). ``blank_rows``: how
    many rows below the data get the drop-downs and formats. The workbook's ``_meta`` sheet is
    hidden. Raises ``OSError`` when the file cannot be written.
    """
    # openpyxl is imported here, not with the module: reading returns and starting the window
    # never need it (0.4 s of the start-up)
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    thin = Side(style="thin", color="999999")
    header_font, header_fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    header_border = Border(left=thin, right=thin, top=thin, bottom=thin)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_name
    fields = [c.field for c in columns]
    width = len(columns)
    last_col = get_column_letter(width)

    # row 1: title merged across; row 2: 填报单位 / 报告期; row 3: header
    sheet.append(row_values(sheet, [title]))
    sheet.merge_cells(f"A1:{last_col}1")
    sheet["A1"].font = Font(size=14, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 28
    unit = f"{org_name}（{org_code}）" if org_name else org_code
    line: list[object] = [None] * width
    line[0] = f"填报单位：{unit}"
    line[min(max(width // 2 - 2, 1), width - 1) if width > 1 else 0] = f"报告期：{period_label(period, 'zh')}"
    sheet.append(row_values(sheet, line))
    sheet.append([c.title for c in columns])
    first = sheet.cell(row=3, column=1)
    first.font, first.fill, first.border, first.alignment = header_font, header_fill, header_border, center
    for index in range(2, width + 1):  # same style: share the first cell's style entry (hashing styles is slow)
        sheet.cell(row=3, column=index)._style = copy(first._style)
    sheet.freeze_panes = "A4"

    # column widths and the formats new entries get
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        dimension = sheet.column_dimensions[letter]
        dimension.width = column.width
        dimension.number_format = number_format_for(column.type)

    # data rows: plain lists, no per-cell styles (openpyxl formats dates itself; a code typed over
    # later loses its zeros only in a numeric cell, which the importer pads back — DESIGN §3)
    count = 0
    append = sheet.append
    for count, row in enumerate(rows, start=1):
        append(row_values(sheet, _row_values(row, fields)))  # text stays text (issue 11 §7)
    last_row = 3 + count + max(blank_rows, 0)

    # drop-down lists and code checks
    lists_sheet = None
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        area = f"{letter}4:{letter}{last_row}"
        options = [strip_control(o) for o in (choices or {}).get(column.field) or column.choices]
        if options:
            inline = ",".join(options)
            if len(inline) <= 250 and "," not in "".join(options) and '"' not in inline:
                formula = f'"{inline}"'
            else:
                if lists_sheet is None:
                    lists_sheet = book.create_sheet(LISTS_SHEET)
                    lists_sheet.sheet_state = "hidden"
                list_col = get_column_letter(lists_sheet.max_column + (1 if lists_sheet.max_row > 1 or lists_sheet["A1"].value else 0))
                for r, option in enumerate(options, start=1):
                    assign(lists_sheet[f"{list_col}{r}"], option)
                formula = f"{LISTS_SHEET}!${list_col}$1:${list_col}${len(options)}"
            validation = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=True,
                                        errorStyle="stop", error=i18n.msg("template.choice_error", language=language),
                                        errorTitle=column.title)
            sheet.add_data_validation(validation)
            validation.add(area)
        elif column.type in _CODE_DIGITS:
            digits = _CODE_DIGITS[column.type]
            validation = DataValidation(type="textLength", operator="equal", formula1=str(digits), allow_blank=True,
                                        showErrorMessage=True, errorStyle="warning", errorTitle=column.title,
                                        error=i18n.msg("template.code_error", language=language, digits=digits))
            sheet.add_data_validation(validation)
            validation.add(area)

    save_with_meta(book, target, kind=kind, org_code=org_code, period=period, generated_at=generated_at)


def save_with_meta(book, target: str | Path | IO[bytes], *, kind: str, org_code: str, period: str,
                   generated_at: dt.datetime | None = None) -> None:
    """Add the hidden ``_meta`` sheet (kind, template version, unit, period, time — what the
    importer recognises a return by, DESIGN §3) to the openpyxl ``book`` and save it to ``target``
    (a path, its folder created, or a binary file). Raises ``OSError`` when it cannot be written."""
    meta = book.create_sheet(META_SHEET)
    stamp = (generated_at or dt.datetime.now()).replace(microsecond=0)
    for key, value in (("kind", kind), ("version", TEMPLATE_VERSION), ("org_code", org_code), ("period", period),
                       ("generated_at", stamp.isoformat())):
        meta.append([key, value])
        meta.cell(row=meta.max_row, column=2).number_format = "@"
    meta.sheet_state = "hidden"
    book.active = 0
    if isinstance(target, (str, Path)):
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        book.save(str(target))
    else:
        book.save(target)


def return_bytes(**kwargs) -> bytes:
    """:func:`write_return` into memory; the workbook's bytes."""
    buffer = io.BytesIO()
    write_return(buffer, **kwargs)
    return buffer.getvalue()
