"""The returns inbox (报表收件箱): files the secretary added, each with its check result.

An :class:`InboxItem` is window state, not a database record: the file's path, what the return
engine concluded when it checked the file (a dry run: ``ImportResult`` with kind, unit, period,
rows, the preview of changes, every problem), the unit/period the user supplied when the file
does not say, whether it is ticked for import, and the outcome once imported. The model shows
the items; the page runs the checks and imports (on workers) and hands results back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from qsm_desktop.ui.labels import BOARD_STATUS, RETURN_KINDS, label
from qsm_desktop.ui.models.table import ALIGN_CENTER, ALIGN_LEFT, ALIGN_RIGHT, OBJECT_ROLE, SORT_ROLE
from qsm_desktop.ui.style import BAD, GOOD, MUTED, WARN

CONTEXT = "InboxModel"

COL_FILE, COL_KIND, COL_UNIT, COL_PERIOD, COL_ROWS, COL_NEW, COL_CHANGED, COL_LEAVING, COL_PROBLEMS, COL_STATUS = range(10)
HEADERS = (
    QT_TRANSLATE_NOOP("InboxModel", "File"),
    QT_TRANSLATE_NOOP("InboxModel", "Return"),
    QT_TRANSLATE_NOOP("InboxModel", "Unit"),
    QT_TRANSLATE_NOOP("InboxModel", "Period"),
    QT_TRANSLATE_NOOP("InboxModel", "Rows"),
    QT_TRANSLATE_NOOP("InboxModel", "New"),
    QT_TRANSLATE_NOOP("InboxModel", "Changed"),
    QT_TRANSLATE_NOOP("InboxModel", "Leaving"),
    QT_TRANSLATE_NOOP("InboxModel", "Problems"),
    QT_TRANSLATE_NOOP("InboxModel", "Status"),
)

# item states (keys of labels.BOARD_STATUS)
CHECKING, READY, REFUSED, NEEDS_INFO, UNCHANGED, IMPORTED = "checking", "ready", "refused_file", "needs_info", "unchanged", "imported"
UNCHECKED = "unchecked"
"""A file whose first check was cancelled: nothing is known of it yet (*Check again* checks it)."""
STATE_COLOURS = {CHECKING: MUTED, READY: GOOD, REFUSED: BAD, NEEDS_INFO: WARN, UNCHANGED: MUTED, IMPORTED: GOOD,
                 UNCHECKED: WARN}
RECHECKABLE = (READY, REFUSED, NEEDS_INFO, UNCHANGED, UNCHECKED)
"""States a file may be checked again from (not while checking; an imported file stays imported)."""


@dataclass
class InboxItem:
    """One added file. ``result``: the latest ``ImportResult`` (dry run or import); ``org``/``period``:
    given by the user for a file that does not say; ``checked``: ticked for import."""

    path: Path
    state: str = CHECKING
    result: Any = None
    org: str | None = None
    period: str | None = None
    checked: bool = True
    unit_name: str = ""

    @property
    def importable(self) -> bool:
        return self.state == READY and self.checked

    def count(self, action: str) -> int:
        """How many changes of ``action`` (new / changed / leaving) the preview lists."""
        if self.result is None:
            return 0
        return sum(1 for item in self.result.preview if item.action == action)

    def breakdown(self, action: str) -> str:
        """``staff 3, certificate 2`` for a tooltip."""
        if self.result is None:
            return ""
        counts: dict[str, int] = {}
        for item in self.result.preview:
            if item.action == action:
                counts[item.entity] = counts.get(item.entity, 0) + 1
        return ", ".join(f"{label(ENTITY_NAMES, k)} {v}" for k, v in counts.items())


ENTITY_NAMES = {
    "staff": QT_TRANSLATE_NOOP("Labels", "staff"),
    "certificate": QT_TRANSLATE_NOOP("Labels", "certificates"),
    "org_unit": QT_TRANSLATE_NOOP("Labels", "units"),
}
ACTION_NAMES = {
    "new": QT_TRANSLATE_NOOP("Labels", "new"),
    "changed": QT_TRANSLATE_NOOP("Labels", "changed"),
    "leaving": QT_TRANSLATE_NOOP("Labels", "leaving"),
    "removed": QT_TRANSLATE_NOOP("Labels", "removed"),
}


class InboxModel(QAbstractTableModel):
    """The inbox items; column 0 is checkable (import or not)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[InboxItem] = []

    def items(self) -> list[InboxItem]:
        return list(self._items)

    def item(self, row: int) -> InboxItem:
        return self._items[row]

    def add(self, paths: list[Path]) -> list[InboxItem]:
        """Add files not in the inbox yet (same path once); return the new items."""
        known = {item.path.resolve() for item in self._items}
        new = []
        for path in paths:
            if path.resolve() in known:
                continue
            known.add(path.resolve())
            new.append(InboxItem(path=path))
        if new:
            first = len(self._items)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._items.extend(new)
            self.endInsertRows()
        return new

    def remove(self, items: list[InboxItem]) -> None:
        self.beginResetModel()
        self._items = [i for i in self._items if i not in items]
        self.endResetModel()

    def changed(self, item: InboxItem) -> None:
        """Tell the view that ``item`` changed."""
        if item in self._items:
            row = self._items.index(item)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, len(HEADERS) - 1))

    # -- Qt interface -----------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate(CONTEXT, HEADERS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(ALIGN_RIGHT if COL_ROWS <= section <= COL_PROBLEMS else ALIGN_LEFT)
        return None

    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and index.column() == COL_FILE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if index.isValid() and index.column() == COL_FILE and role == Qt.ItemDataRole.CheckStateRole:
            self._items[index.row()].checked = Qt.CheckState(value) == Qt.CheckState.Checked
            self.dataChanged.emit(index, index, [role])
            return True
        return False

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self._items[index.row()]
        col = index.column()
        result = item.result
        if role == OBJECT_ROLE:
            return item
        if role == Qt.ItemDataRole.CheckStateRole and col == COL_FILE:
            return Qt.CheckState.Checked if item.checked else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            values = [
                item.path.name,
                label(RETURN_KINDS, result.kind) if result and result.kind else "",
                (f"{item.unit_name} ({result.org})" if item.unit_name else result.org) if result and result.org else "",
                (result.period or "") if result else "",
                result.rows if result else 0,
                item.count("new"), item.count("changed"), item.count("leaving"),
                len(result.problems) if result else 0,
                self._status_text(item),
            ]
            value = values[col]
            if role == Qt.ItemDataRole.DisplayRole and COL_ROWS <= col <= COL_PROBLEMS:
                if result is None or item.state == CHECKING:
                    return ""
                if item.state in (REFUSED, NEEDS_INFO) and col != COL_PROBLEMS and not (col == COL_ROWS and value):
                    return ""  # nothing would change: a refused file imports nothing
                return f"{value:,}"
            return value
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_FILE:
                return str(item.path)
            if col in (COL_NEW, COL_CHANGED, COL_LEAVING):
                return item.breakdown(("new", "changed", "leaving")[col - COL_NEW]) or None
            if col == COL_STATUS:
                return self._status_text(item)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if COL_ROWS <= col <= COL_PROBLEMS:
                return int(ALIGN_RIGHT)
            return int(ALIGN_CENTER if col in (COL_PERIOD, COL_STATUS) else ALIGN_LEFT)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_STATUS:
                return QBrush(QColor(STATE_COLOURS.get(item.state, MUTED)))
            if col == COL_PROBLEMS and result is not None and result.problems:
                return QBrush(QColor(BAD))
        return None

    @staticmethod
    def _status_text(item: InboxItem) -> str:
        text = label(BOARD_STATUS, item.state)
        result = item.result
        if result is not None and result.supersedes and item.state in (READY, IMPORTED):
            text += QCoreApplication.translate("InboxModel", " (replaces an earlier return)")
        return text
