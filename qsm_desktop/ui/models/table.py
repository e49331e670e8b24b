"""A table model over rows the view hands in (行表模型) — models never query the database.

Each table declares its columns once (:class:`Column`: key, header marked with
``QT_TRANSLATE_NOOP``, how to read the value, how to show and sort it). :class:`RowTableModel`
serves them with two custom roles: :data:`SORT_ROLE` (the raw value a ``QSortFilterProxyModel``
sorts by, so numbers and dates sort as numbers and dates) and :data:`OBJECT_ROLE` (the frozen
dataclass of the row, for detail panels and actions).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

OBJECT_ROLE = Qt.ItemDataRole.UserRole + 1
"""Role returning the row object (a frozen dataclass)."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
"""Role returning the sortable raw value."""

ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ALIGN_CENTER = Qt.AlignmentFlag.AlignCenter


def fmt_date(value: dt.date | None) -> str:
    """ISO date (2007-12-31) or empty."""
    return value.isoformat() if value else ""


def fmt_percent(value: float | None) -> str:
    """Percent 0–100 with one decimal (63.0%) or an en dash when there is no value."""
    return "–" if value is None else f"{value:.1f}%"


def fmt_int(value: int | None) -> str:
    """Thousands-separated integer or empty."""
    return "" if value is None else f"{value:,}"


@dataclass(frozen=True)
class Column:
    """One column: ``key`` (stable id), ``header`` (English source string, translated in context
    ``context``), ``value(row)`` → raw value, optional ``display(value)`` → text, ``align``,
    ``sort(value)`` → sortable value, ``colour(row)`` → (foreground, background) hex or None."""

    key: str
    header: str
    value: Callable[[Any], Any]
    display: Callable[[Any], str] | None = None
    align: Qt.AlignmentFlag = ALIGN_LEFT
    sort: Callable[[Any], Any] | None = None
    colour: Callable[[Any], tuple[str | None, str | None]] | None = None
    tooltip: Callable[[Any], str] | None = None


class RowTableModel(QAbstractTableModel):
    """Rows (any objects) × :class:`Column` list; read-only. ``context``: translation context of headers."""

    def __init__(self, columns: Sequence[Column], context: str, parent=None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._context = context
        self._rows: list[Any] = []
        self.header_overrides: list[str] | None = None  # page-computed header texts (e.g. with targets)
        self.wrap_headers = False  # titles of several words on two lines (set by fit_columns when a table is narrow)

    # -- content -----------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_object(self, row: int) -> Any:
        return self._rows[row]

    def column_index(self, key: str) -> int:
        """Position of the column with ``key`` (``ValueError`` when absent)."""
        for i, column in enumerate(self._columns):
            if column.key == key:
                return i
        raise ValueError(key)

    def columns(self) -> list[Column]:
        return list(self._columns)

    def retranslate(self) -> None:
        """Tell the views that headers and translated cells changed (language switch)."""
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1))

    # -- Qt interface ------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == Qt.ItemDataRole.DisplayRole:
                if self.header_overrides and section < len(self.header_overrides):
                    title = self.header_overrides[section]
                else:
                    title = QCoreApplication.translate(self._context, self._columns[section].header)
                return two_lines(title) if self.wrap_headers else title
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(self._columns[section].align)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == OBJECT_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole,
                    SORT_ROLE):
            value = column.value(row)
            if role == SORT_ROLE:
                if column.sort is not None:
                    return column.sort(value)
                return _sortable(value)
            if role == Qt.ItemDataRole.ToolTipRole:
                return column.tooltip(row) if column.tooltip else None
            return column.display(value) if column.display else ("" if value is None else str(value))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole) and column.colour:
            fg, bg = column.colour(row)
            colour = fg if role == Qt.ItemDataRole.ForegroundRole else bg
            return QBrush(QColor(colour)) if colour else None
        return None


def two_lines(title: str) -> str:
    """``title`` broken at the space nearest its middle (``"From the regulator"`` → ``"From the\nregulator"``),
    so a column of short numbers is not as wide as its title; a title of one word (or with a line
    break already, or without spaces, as Chinese titles are) is returned as it is."""
    if "\n" in title or " " not in title.strip():
        return title
    middle = len(title) / 2
    spaces = [i for i, ch in enumerate(title) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - middle))
    return title[:cut].rstrip() + "\n" + title[cut + 1:].lstrip()


def _sortable(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
