"""Table set-up shared by the pages (表格): a sortable table behind a proxy, and columns sized to
their contents with one column taking the room left — never narrower than its title (issue 14:
"差异（百分点）" and "得分说明 / 失分原因" were cut at 150 %).

- :func:`sortable_table` — a :class:`~qsm_desktop.ui.models.table.RowTableModel` behind a
  ``QSortFilterProxyModel`` (numbers and dates sort by value), whole rows selected, optional first
  sort column and order (the audit trail: newest first);
- :func:`fit_columns` — every column as wide as its contents and title, one (or the last) taking
  what is left; the table scrolls sideways when the window is too narrow instead of cutting a title.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView

from qsm_desktop.ui.models.table import SORT_ROLE


def sortable_table(view: QTableView, model, *, stretch: int | None = None, sort_column: int = -1,
                   order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> QSortFilterProxyModel:
    """Put ``model`` behind a sort proxy (sorting by :data:`SORT_ROLE`) into ``view`` and return the proxy.

    Whole rows are selected one at a time, cells are read-only, rows alternate colours, no row
    numbers; headers sort on click. ``sort_column``/``order``: the initial sort (``-1``: the
    model's own order). Columns are sized by :func:`fit_columns` with ``stretch`` (a column
    index, or ``None`` for the last one).
    """
    proxy = QSortFilterProxyModel(view)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(sort_column, order)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    fit_columns(view, stretch=stretch)
    return proxy


def _header(view: QAbstractItemView) -> QHeaderView:
    """The column header of a table or tree."""
    return view.header() if isinstance(view, QTreeView) else view.horizontalHeader()


class ColumnFitter(QObject):
    """Keeps one column of a table (``stretch``; ``None``: the last visible one) as wide as the room
    the other columns leave, but never narrower than its title and contents' size hint; the other
    columns are ``ResizeToContents``. Made by :func:`fit_columns` (a child of the view)."""

    def __init__(self, view: QAbstractItemView, stretch: int | None) -> None:
        super().__init__(view)
        self.view = view
        self.stretch = stretch
        header = _header(view)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._timer = QTimer(self)  # dies with the view: no fitting of a deleted table
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        view.viewport().installEventFilter(self)
        header.sectionResized.connect(self._later)
        self._model = None
        self._watch()
        self._later()

    def column(self) -> int:
        """The column that takes the room left (``-1`` when the table has no visible column)."""
        header = _header(self.view)
        if self.stretch is not None and self.stretch < header.count() and not header.isSectionHidden(self.stretch):
            return self.stretch
        for logical in reversed(range(header.count())):
            if not header.isSectionHidden(logical):
                return logical
        return -1

    def _watch(self) -> None:
        model = self.view.model()
        if model is self._model:
            return
        self._model = model
        if model is not None:
            for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved,
                           model.headerDataChanged, model.columnsInserted, model.columnsRemoved):
                signal.connect(self._later)

    def _later(self, *_args) -> None:
        self._timer.start()

    def fit(self) -> None:
        """Size the stretching column now (called after resizes and model changes)."""
        self._watch()
        header = _header(self.view)
        column = self.column()
        if column < 0:
            return
        for logical in range(header.count()):  # a column that stretched before sizes to contents again
            wanted = QHeaderView.ResizeMode.Interactive if logical == column else QHeaderView.ResizeMode.ResizeToContents
            if header.sectionResizeMode(logical) != wanted:
                header.setSectionResizeMode(logical, wanted)
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != column and not header.isSectionHidden(c))
        room = self.view.viewport().width() - others
        needed = max(header.sectionSizeHint(column), min(self.view.sizeHintForColumn(column), 480))
        width = max(room, needed)
        if header.sectionSize(column) != width:
            header.blockSignals(True)
            header.resizeSection(column, width)
            header.blockSignals(False)
            header.viewport().update()
            self.view.updateGeometries()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self._later()
        return False


def fit_columns(view: QAbstractItemView, *, stretch: int | None = None) -> ColumnFitter:
    """Size ``view``'s (a table's or a tree's) columns to their contents and titles; column ``stretch`` (``None``: the last
    visible one) takes the room left but never less than its own title and contents need (capped
    at 480 px of contents), so a narrow window scrolls the table sideways instead of cutting a
    column's title. Returns the fitter (kept alive by the view)."""
    existing = view.findChild(ColumnFitter)
    if existing is not None:
        existing.stretch = stretch
        existing._later()
        return existing
    return ColumnFitter(view, stretch)


def show_rows(view: QTableView, rows: int) -> None:
    """Make ``view`` at least tall enough for its header and ``rows`` rows (the font's row height,
    so it holds at every scale): a box that must show a few rows (the grade bands, a person's
    certificates) is not squeezed to a row and a half. Not a fixed size: it may grow."""
    header = view.horizontalHeader()
    header_height = header.sizeHint().height() if header.isVisible() or not header.isHidden() else 0
    row_height = max(view.verticalHeader().defaultSectionSize(), view.fontMetrics().height() + 8)
    frame = 2 * view.frameWidth()
    scrollbar = view.horizontalScrollBar().sizeHint().height()
    view.setMinimumHeight(header_height + rows * row_height + frame + scrollbar)
