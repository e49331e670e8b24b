"""The register's lazy table model (持证上岗名册模型) — rows arrive page by page.

At bank scale (90,000 staff) the register cannot load everything: SQL filters, sorts and pages
(``CertificationService.register_page``), and this model only holds the rows fetched so far.
It never queries: ``canFetchMore``/``fetchMore`` emit ``sig_fetch_requested(offset)``; the page
loads that slice on a worker and hands it back with :meth:`append_rows`. A header click calls
:meth:`sort`, which emits ``sig_sort_requested(key, descending)`` so the *service* sorts.

Each load carries a generation number; rows of an older generation (the user typed again
meanwhile) are dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from qsm_desktop.domain.names import shown
from qsm_desktop.ui.labels import POST_CATEGORIES, REGISTER_STATUS, label
from qsm_desktop.ui.models.table import ALIGN_CENTER, ALIGN_LEFT, OBJECT_ROLE, SORT_ROLE, fmt_date, two_lines
from qsm_desktop.ui.style import BAD, GOOD, MUTED, WARN

CONTEXT = "RegisterModel"

COL_STAFF_NO, COL_NAME, COL_UNIT, COL_POST, COL_CATEGORY, COL_STATUS, COL_CERTIFICATE, COL_EXPIRES = range(8)

HEADERS = (
    QT_TRANSLATE_NOOP("RegisterModel", "Employee no."),
    QT_TRANSLATE_NOOP("RegisterModel", "Name"),
    QT_TRANSLATE_NOOP("RegisterModel", "Unit"),
    QT_TRANSLATE_NOOP("RegisterModel", "Post"),
    QT_TRANSLATE_NOOP("RegisterModel", "Post category"),
    QT_TRANSLATE_NOOP("RegisterModel", "Status"),
    QT_TRANSLATE_NOOP("RegisterModel", "Certificate"),
    QT_TRANSLATE_NOOP("RegisterModel", "Valid until"),
)

SORT_KEYS = ("staff_no", "name", "unit", "post", "post", "status", "certificate", "expires")
"""Column → the service's sort key (``REGISTER_SORT_KEYS``); post category sorts by post."""

STATUS_COLOURS = {"certified": GOOD, "expiring": WARN, "expired": BAD, "none": MUTED}

PAGE_SIZE = 200


def row_values(row: Any) -> list[Any]:
    """A register row as exported/displayed values (dates stay dates)."""
    cert = " ".join(x for x in (shown(row.certificate_type), row.certificate_number) if x)
    return [row.staff_no, row.name, f"{row.unit_code} {row.unit_name}", shown(row.post),
            label(POST_CATEGORIES, row.category), label(REGISTER_STATUS, row.status), cert, row.expires]


class RegisterModel(QAbstractTableModel):
    """Rows fetched so far of a register query whose total is known."""

    sig_fetch_requested = Signal(int)
    sig_sort_requested = Signal(str, bool)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._total = 0
        self._generation = 0
        self._fetching = False
        self._sort = (COL_STAFF_NO, Qt.SortOrder.AscendingOrder)
        self.wrap_headers = False  # titles of several words on two lines (set by fit_columns when the table is narrow)

    # -- filled by the page ---------------------------------------------------------------------
    @property
    def generation(self) -> int:
        return self._generation

    def new_generation(self) -> int:
        """Start a new query: later rows of older generations are ignored; returns the new number."""
        self._generation += 1
        self._fetching = False
        return self._generation

    def reset_rows(self, generation: int, total: int, rows: Sequence[Any]) -> bool:
        """Show the first page of a query of ``total`` rows; False when ``generation`` is stale."""
        if generation != self._generation:
            return False
        self.beginResetModel()
        self._rows = list(rows)
        self._total = max(total, len(self._rows))
        self._fetching = False
        self.endResetModel()
        return True

    def set_total(self, generation: int, total: int) -> bool:
        """The query's row count arrived (it runs beside the first page); False when stale."""
        if generation != self._generation:
            return False
        self._total = max(total, len(self._rows))
        return True

    def append_rows(self, generation: int, offset: int, rows: Sequence[Any]) -> bool:
        """Add a fetched page at ``offset``; False when stale or out of order."""
        self._fetching = False
        if generation != self._generation or offset != len(self._rows):
            return False
        if not rows:
            self._total = len(self._rows)
            return True
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()
        return True

    def fetch_failed(self) -> None:
        """A page could not be loaded: stop asking until the next query."""
        self._fetching = False
        self._total = len(self._rows)

    def total(self) -> int:
        """Rows matching the query (fetched or not)."""
        return self._total

    def loaded(self) -> int:
        return len(self._rows)

    def row_object(self, row: int) -> Any:
        return self._rows[row]

    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        return self._sort

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(HEADERS) - 1))

    # -- lazy fetching ----------------------------------------------------------------------------
    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._fetching and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetching = True
            self.sig_fetch_requested.emit(len(self._rows))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(SORT_KEYS):
            return
        self._sort = (column, order)
        self.sig_sort_requested.emit(SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder)

    # -- Qt interface -----------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            title = QCoreApplication.translate(CONTEXT, HEADERS[section])
            return two_lines(title) if self.wrap_headers else title
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == OBJECT_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            value = row_values(row)[col]
            return fmt_date(value) if col == COL_EXPIRES else value
        if role == SORT_ROLE:
            return (row.staff_no, row.name, row.unit_code, row.post, row.category, row.status,
                    row.certificate_number or "", fmt_date(row.expires))[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATUS:
            return QBrush(QColor(STATUS_COLOURS.get(row.status, MUTED)))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_CENTER if col in (COL_STATUS, COL_EXPIRES) else ALIGN_LEFT)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_CERTIFICATE and row.certificate_number:
            return row.certificate_number
        return None
