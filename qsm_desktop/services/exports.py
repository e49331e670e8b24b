"""Exports of what a page shows (导出 Excel) — the window's way to :mod:`qsm_desktop.excel.export`.

The window does not write workbooks itself (the layer rule: ``ui`` imports no ``excel``); its
"Export" buttons call :meth:`ExportService.write_table` on a worker. Text the user typed stays
text in the workbook, without control characters (issue 11 §7).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

__all__ = ["ExportService"]


class ExportService:
    """``services.exports``: write a page's table to an ``.xlsx`` file."""

    def write_table(self, path: Path, *, sheet: str, title: str, headers: Sequence[str],
                    rows: Iterable[Sequence[Any]], widths: Sequence[int] | None = None,
                    progress: Callable[[int, int, str], None] | None = None, total: int = 0,
                    cancel: Callable[[], bool] | None = None) -> int:
        """See :func:`qsm_desktop.excel.export.write_table` (title in row 1, headers in row 3,
        ``rows`` streamed; returns the row count; ``OSError`` when the file cannot be written)."""
        from qsm_desktop.excel.export import write_table  # openpyxl (and numpy): not at start-up

        return write_table(path, sheet=sheet, title=title, headers=headers, rows=rows, widths=widths,
                           progress=progress, total=total, cancel=cancel)
