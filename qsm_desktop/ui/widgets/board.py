"""The returns board (报表收取情况): units × return kinds for one period, each cell a status.

Statuses (issue 3 §2): received (已收到), missing (未收到), refused (被退回 — a file was sent but
refused), superseded (已被新报表替代 — an older return replaced by a newer one; shown when the
current one is also received). The widget shows what the page hands in (:class:`BoardData`); it
never queries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from qsm_desktop.ui.labels import BOARD_STATUS, RETURN_KINDS, label
from qsm_desktop.ui.models.table import ALIGN_CENTER, OBJECT_ROLE, SORT_ROLE, two_lines
from qsm_desktop.ui.style import BAD, BAD_BG, GOOD, GOOD_BG, MUTED, NEUTRAL_BG, WARN, WARN_BG
from qsm_desktop.ui.widgets.tables import fit_columns, read_only

STATUS_COLOURS = {
    "received": (GOOD, GOOD_BG),
    "missing": (MUTED, NEUTRAL_BG),
    "refused": (BAD, BAD_BG),
    "superseded": (WARN, WARN_BG),
}


@dataclass(frozen=True)
class BoardCell:
    """One unit × kind: ``status`` (received/missing/refused/superseded), a detail line, the file."""

    status: str
    detail: str = ""
    file_name: str = ""


@dataclass(frozen=True)
class BoardData:
    """What the board shows: ``units`` [(code, name)], ``kinds`` [kind code], ``cells`` {(code, kind): BoardCell}."""

    period: str
    units: Sequence[tuple[str, str]] = ()
    kinds: Sequence[str] = ()
    cells: dict[tuple[str, str], BoardCell] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        """How many cells have each status (missing cells included)."""
        out = {key: 0 for key in STATUS_COLOURS}
        for code, _name in self.units:
            for kind in self.kinds:
                out[self.cell(code, kind).status] = out.get(self.cell(code, kind).status, 0) + 1
        return out

    def cell(self, code: str, kind: str) -> BoardCell:
        return self.cells.get((code, kind), BoardCell("missing"))


class BoardModel(QAbstractTableModel):
    """Rows: units; columns: the unit, then one per kind."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._data = BoardData(period="")
        self.wrap_headers = False  # kinds' titles on two lines (set by fit_columns when the board is narrow)

    def set_board(self, data: BoardData) -> None:
        self.beginResetModel()
        self._data = data
        self.endResetModel()

    def board(self) -> BoardData:
        return self._data

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.columnCount() - 1))
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._data.units)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self._data.kinds)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return QCoreApplication.translate("ReturnsBoard", "Unit")
        title = label(RETURN_KINDS, self._data.kinds[section - 1])
        return two_lines(title) if self.wrap_headers else title

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        code, name = self._data.units[index.row()]
        if index.column() == 0:
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return f"{name} ({code})"
            return None
        kind = self._data.kinds[index.column() - 1]
        cell = self._data.cell(code, kind)
        if role == Qt.ItemDataRole.DisplayRole:
            return label(BOARD_STATUS, cell.status)
        if role == SORT_ROLE:
            return cell.status
        if role == OBJECT_ROLE:
            return cell
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(x for x in (cell.file_name, cell.detail) if x) or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_CENTER)
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            fg, bg = STATUS_COLOURS.get(cell.status, (MUTED, NEUTRAL_BG))
            return QBrush(QColor(fg if role == Qt.ItemDataRole.ForegroundRole else bg))
        return None


class ReturnsBoard(QTableView):
    """The board as a read-only table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("returnsBoard")
        self.board_model = BoardModel(self)
        self.setModel(self.board_model)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(26)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        read_only(self)  # Tab goes on to the next control
        self.setShowGrid(True)
        self.horizontalHeader().setMinimumSectionSize(90)
        fit_columns(self)  # every return kind as wide as its title; the last takes the room left

    def set_board(self, data: BoardData) -> None:
        self.board_model.set_board(data)

    def retranslate(self) -> None:
        self.board_model.retranslate()
