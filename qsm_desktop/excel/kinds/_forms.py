"""Label/value forms above a small table (表单式报表) — shared by the showcase kinds
(``showcase_application``, DESIGN §3.5; ``score_sheet``, §3.7).

Reading: the form's labels are looked for above the table's header (``excel.table.read_form``);
each value keeps its cell so a problem is reported as ``sheet!cell``. Writing: :func:`write_form`
lays out the form the way the office sends it — title, label/value pairs two to a row, then the
table, and the hidden ``_meta`` sheet — so the demo and the tests write real returns.

Warnings (a deduction without a 扣分原因) are not the kind's business: the import handler puts
them in its preview as ``services.import_handlers.WARNING`` lines, shown with the other changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO

from qsm_desktop.domain.normalise import clean_text, fold, looks_like_formula
from qsm_desktop.excel.cells import row_values
from qsm_desktop.excel.problems import Problem
from qsm_desktop.excel.reader import SheetData
from qsm_desktop.excel.table import FormValue, Table, read_form
from qsm_desktop.excel.template import save_with_meta


def blank(value: object) -> bool:
    """Empty cell or only spaces."""
    return value is None or value == "" or (isinstance(value, str) and not fold(value).strip())


def read_form_above(table: Table, labels: Mapping[str, Sequence[str]]) -> dict[str, FormValue]:
    """The form's values (field → :class:`FormValue`) from the rows above the table's header."""
    sheet: SheetData = table.header.sheet  # type: ignore[union-attr]
    return read_form(sheet, labels, rows=range(table.header.row))  # type: ignore[union-attr]


def form_problem(sheet: str, at: FormValue | None, key: str, /, **params: object) -> Problem:
    """A problem at the value ``at``'s cell (or at the whole sheet when the label is missing)."""
    return Problem(sheet, at.ref if at is not None else None, key, params)


def missing_required(sheet: str, values: Mapping[str, FormValue], required: Sequence[str],
                     titles: Mapping[str, str]) -> list[Problem]:
    """A "required" problem for each field of ``required`` whose label is missing (at the sheet)
    or whose value is blank (at its cell), named by ``titles``."""
    return [form_problem(sheet, values.get(name), "kind.required", title=titles[name])
            for name in required if name not in values or blank(values[name].value)]


def formula_problems(sheet: str, values: Mapping[str, FormValue]) -> list[Problem]:
    """A problem at each form value that reads as a formula (申报单位 ``=HYPERLINK(…)`` …): text
    is text (issue 11 §7)."""
    return [form_problem(sheet, v, "normalise.formula_text", value=fold(v.value)[:60])
            for v in values.values() if isinstance(v.value, str) and looks_like_formula(v.value)]


def text_of(value: FormValue | None) -> str | None:
    """The value as cleaned text, ``None`` when missing or blank."""
    if value is None or blank(value.value):
        return None
    return clean_text(value.value)


def _side():
    from openpyxl.styles import Border, Side

    thin = Side(style="thin", color="999999")
    return Border(left=thin, right=thin, top=thin, bottom=thin)


def write_form(
    target: str | Path | IO[bytes],
    *,
    kind: str,
    sheet_name: str,
    title: str,
    fields: Sequence[tuple[str, object]],
    columns: Sequence[str],
    rows: Iterable[Sequence[object]],
    org_code: str,
    period: str,
    pairs_per_row: int = 2,
    generated_at: dt.datetime | None = None,
) -> None:
    """Write a form return (申报表 / 现场评分表) to ``target`` (path or binary file).

    ``fields``: ``(label, value)`` in order, laid out ``pairs_per_row`` pairs a row under the
    title; ``columns``: the table's titles; ``rows``: its rows (values in column order);
    ``org_code``/``period`` go to the hidden ``_meta`` sheet with ``kind``. Raises ``OSError``
    when the file cannot be written.
    """
    from openpyxl import Workbook  # imported when writing: reading and start-up never need it
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = sheet_name
    width = max(2 * pairs_per_row, len(columns))
    sheet.append(row_values(sheet, [title]))
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet["A1"].font = Font(size=14, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 28
    label_font, fill, border = Font(bold=True), PatternFill("solid", fgColor="DDEBF7"), _side()
    for start in range(0, len(fields), pairs_per_row):
        line: list[object] = []
        for label, value in fields[start:start + pairs_per_row]:
            line += [label, None if value == "" else value]
        sheet.append(row_values(sheet, line))  # text stays text (issue 11 §7)
        for index in range(1, len(line) + 1, 2):
            cell = sheet.cell(row=sheet.max_row, column=index)
            cell.font, cell.fill, cell.border = label_font, fill, border
    sheet.append([])
    sheet.append(list(columns))
    header_row = sheet.max_row
    for index in range(1, len(columns) + 1):
        cell = sheet.cell(row=header_row, column=index)
        cell.font, cell.fill, cell.border = label_font, fill, border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in rows:
        sheet.append(row_values(sheet, [None if v == "" else v for v in row]))
    for index in range(1, width + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 18 if index % 2 else 30
    save_with_meta(book, target, kind=kind, org_code=org_code, period=period, generated_at=generated_at)
