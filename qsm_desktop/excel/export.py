"""Export what a page shows to an Excel workbook (导出 Excel) — Qt-free, run on a worker.

The pages' "Export" buttons write the current view (its columns, in the user's language, and
every row of the current filter, not only the rows fetched so far) with openpyxl in write-only
mode, so 90,000 register rows stream to disk without holding a workbook in memory. The window
reaches it through ``services.exports`` (the page passes header texts and a row iterator).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from qsm_desktop.excel.cells import text_value

HEADER_FILL = PatternFill("solid", fgColor="DBE7F3")


def write_table(
    path: Path,
    *,
    sheet: str,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    widths: Sequence[int] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    total: int = 0,
    cancel: Callable[[], bool] | None = None,
) -> int:
    """Write ``title`` (row 1), ``headers`` (row 3, frozen) and ``rows`` to ``path``; return the row count.

    Values: str, int, float, ``datetime.date`` (written as dates, ``yyyy-mm-dd``) or None. Text is
    written as text — never as a formula, without control characters — so no stored text can make the
    export fail or run as a formula in Excel (issue 11 §7).
    ``progress(done, total, text)`` is called every 1,000 rows; ``cancel()`` True stops early (returns -1;
    nothing is written). Raises ``OSError`` when the file cannot be written (e.g. open in Excel).
    """
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet[:31] or "Sheet1")
    for i, width in enumerate(widths or [max(10, min(40, len(h) * 2 + 4)) for h in headers], start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A4"
    title_cell = text_value(ws, title)  # the title may name a unit or a person
    if isinstance(title_cell, str):
        title_cell = WriteOnlyCell(ws, value=title_cell)
    title_cell.font = Font(bold=True, size=13)
    ws.append([title_cell])
    ws.append([])
    header_cells = []
    for text in headers:
        cell = WriteOnlyCell(ws, value=text)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center")
        header_cells.append(cell)
    ws.append(header_cells)
    count = 0
    for row in rows:
        if cancel is not None and count % 500 == 0 and cancel():
            wb.close()
            return -1
        out = []
        for value in row:
            if isinstance(value, (dt.date, dt.datetime)):
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = "yyyy-mm-dd"
                out.append(cell)
            elif type(value) is str and value and (value[0] in "=+-@" or not value.isprintable()):
                out.append(text_value(ws, value))  # text stays text, without control characters (issue 11 §7)
            else:
                out.append(value)
        ws.append(out)
        count += 1
        if progress is not None and count % 1000 == 0:
            progress(count, total, "")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    wb.save(tmp)
    tmp.replace(path)
    if progress is not None:
        progress(count, total or count, "")
    return count
