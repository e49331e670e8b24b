"""Table set-up shared by the pages (表格): a sortable table behind a proxy, and columns sized to
their contents with one column taking the room left — never narrower than its title (issue 14:
"差异（百分点）" and "得分说明 / 失分原因" were cut at 150 %).

- :func:`read_only` / :func:`set_editable` — a table nobody types into lets Tab go on to the next
  control (the arrows still move from cell to cell); a grid being edited keeps Tab from cell to
  cell (user trial: Tab was trapped in the read-only tables);
- :func:`sortable_table` — a :class:`~qsm_desktop.ui.models.table.RowTableModel` behind a
  ``QSortFilterProxyModel`` (numbers and dates sort by value), whole rows selected, optional first
  sort column and order (the audit trail: newest first);
- :func:`fit_columns` — every column as wide as its contents and title, one (or the last) taking
  what is left; when the window is too narrow, titles of several words go on two lines and that
  column's long texts are elided (whole in their tooltip) before the table scrolls sideways, and
  it never cuts a title; a table of many columns names the ones that give way first (``squeeze``:
  free text, names shown whole elsewhere), which then give way in turn, down to their titles,
  before it scrolls;
- :func:`column_menu` — right-click on a table's titles to hide or show its columns (every
  sortable table has it); a table of many columns may start with a few hidden (issue 14: at
  150 % the English actions register needed 1,284 px for its 14 columns and had 1,014).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QMenu, QStyledItemDelegate, QTableView, QToolTip, QTreeView,
)

from qsm_desktop.ui.models.table import SORT_ROLE


FLOOR_CHARACTERS = 18
"""A stretching column keeps room for this many average characters of its contents when the
table is too narrow for all of it (the rest is elided, the whole text in the cell's tooltip)."""

SQUEEZED_CHARACTERS = 6
"""A column that gives way first (``squeeze`` of :func:`fit_columns`) keeps room for its title and
this many average characters of its contents when even the floors do not fit (issue 14: the actions
register and the overdue complaints scrolled sideways at 1366×768)."""


EDIT_TRIGGERS = (QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                 | QAbstractItemView.EditTrigger.AnyKeyPressed)
"""How a cell of an editable grid starts editing (Qt's default for a table): a double click, F2, or typing."""


def set_editable(view: QAbstractItemView, editable: bool,
                 triggers: QAbstractItemView.EditTrigger = EDIT_TRIGGERS) -> None:
    """Let ``view``'s cells be edited (``triggers``) and Tab move from cell to cell, or neither.

    Qt's tables move from cell to cell on Tab by default, which traps a keyboard user in a table
    with nothing to type (user trial); read-only, Tab goes on to the next control and the arrow
    keys still move within the table. Whether a cell can be edited is still its model's flags."""
    view.setEditTriggers(triggers if editable else QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(editable)


def read_only(view: QAbstractItemView) -> None:
    """``view`` shows rows nobody types into: no cell editing, Tab leaves it (:func:`set_editable`).
    Every table of the pages but the grids being edited (a checklist draft, a score sheet, the
    grade bands) goes through here, most of them through :func:`sortable_table`."""
    set_editable(view, False)


def sortable_table(view: QTableView, model, *, stretch: int | None = None, sort_column: int = -1,
                   order: Qt.SortOrder = Qt.SortOrder.AscendingOrder, keep: Iterable[int] = (),
                   squeeze: Iterable[int] = (), hidden: Iterable[int] = ()) -> QSortFilterProxyModel:
    """Put ``model`` behind a sort proxy (sorting by :data:`SORT_ROLE`) into ``view`` and return the proxy.

    Whole rows are selected one at a time, cells are read-only and Tab leaves the table
    (:func:`read_only`), rows alternate colours, no row
    numbers; headers sort on click. ``sort_column``/``order``: the initial sort (``-1``: the
    model's own order). Columns are sized by :func:`fit_columns` with ``stretch`` (a column
    index, or ``None`` for the last one), ``keep`` and ``squeeze``. A right-click on the titles
    hides and shows columns (:func:`column_menu`); ``hidden`` columns start hidden.
    """
    proxy = QSortFilterProxyModel(view)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(sort_column, order)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    read_only(view)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    for column in hidden:
        view.setColumnHidden(column, True)
    fit_columns(view, stretch=stretch, keep=keep, squeeze=squeeze)
    column_menu(view)
    return proxy


def column_menu(view: QAbstractItemView) -> None:
    """Let a right-click on ``view``'s column titles hide and show its columns: a menu with a
    tick for each column (by its title) and *Show all columns*. The last column shown cannot
    be hidden. What is hidden lasts while the page is open; an export still writes every column.
    The menu is built by :func:`column_choices` (tests drive that)."""
    header = _header(view)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show_menu(point: QPoint) -> None:
        column_choices(view).exec(header.mapToGlobal(point))

    header.customContextMenuRequested.connect(show_menu)


def column_choices(view: QAbstractItemView) -> QMenu:
    """The menu of :func:`column_menu` for ``view`` as it is now (a new ``QMenu``, child of the view):
    one checkable action per column, titled as its header (line breaks as spaces), ticked when
    shown, disabled for the only column shown; then *Show all columns*."""
    header = _header(view)
    model = view.model()
    menu = QMenu(view)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    for column in range(header.count()):
        title = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) if model else None
        action = QAction(" ".join(str(title or column + 1).split()), menu)
        action.setCheckable(True)
        action.setChecked(column in shown)
        action.setEnabled(not (shown == [column]))
        action.toggled.connect(lambda on, c=column: _set_column_shown(view, c, on))
        menu.addAction(action)
    menu.addSeparator()
    show_all = menu.addAction(QCoreApplication.translate("Tables", "Show all columns"))
    show_all.setEnabled(len(shown) < header.count())
    show_all.triggered.connect(lambda: [_set_column_shown(view, c, True) for c in range(header.count())])
    return menu


def _set_column_shown(view: QAbstractItemView, column: int, shown: bool) -> None:
    """Show or hide one column and size the columns again for the room."""
    _header(view).setSectionHidden(column, not shown)
    fitter = view.findChild(ColumnFitter)
    if fitter is not None:
        fitter._later()


def _header(view: QAbstractItemView) -> QHeaderView:
    """The column header of a table or tree."""
    return view.header() if isinstance(view, QTreeView) else view.horizontalHeader()


class ColumnFitter(QObject):
    """Keeps a table's columns as wide as their titles and contents, one column (``stretch``;
    ``None``: the last visible one) taking the room the others leave; when the room is short,
    titles go on two lines and the widest columns give up room down to their floors, then the
    ``squeeze`` columns in their order down to their titles (:meth:`fit`). ``keep`` columns are never
    elided. Shows an elided cell's whole text as its tooltip. Made by :func:`fit_columns` (a child of the view)."""

    def __init__(self, view: QAbstractItemView, stretch: int | None, keep: Iterable[int] = (),
                 squeeze: Iterable[int] = ()) -> None:
        super().__init__(view)
        self.view = view
        self.stretch = stretch
        self.keep = set(keep)
        self.squeeze = tuple(squeeze)
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
        """Size the columns now (called after resizes and model changes).

        Every column wants its title and its contents (up to 480 px); the stretching one also takes
        the room left. When the wanted widths do not fit the viewport, titles of several words go
        on two lines (the model's ``wrap_headers``, :class:`~qsm_desktop.ui.models.table.RowTableModel`)
        and then the widest columns give up room, none below its floor (:meth:`measure`) — long texts are
        elided, the whole text in the cell's tooltip — so the last columns stay in view instead of
        behind a sideways scroll (issue 14: "Gap", "Norm", "Category" cut at 150 % in English). When
        even the floors do not fit, the ``squeeze`` columns give way in turn (:meth:`squeezed`); only
        when those do not fit either does the table scroll sideways; a title is never cut."""
        self._watch()
        header = _header(self.view)
        column = self.column()
        if column < 0:
            return
        for logical in range(header.count()):
            if header.sectionResizeMode(logical) != QHeaderView.ResizeMode.Interactive:
                header.setSectionResizeMode(logical, QHeaderView.ResizeMode.Interactive)
        viewport = self.view.viewport().width()
        visible = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        contents = self._contents(visible)  # the rows' size hints: read once per fit (they walk the rows)
        self._wrap_titles(visible, contents, viewport)
        titles = self.title_widths(visible)  # as the titles stand now (one line or two): once per fit
        wanted, floors = self.measure(contents, titles)
        if sum(floors.values()) > viewport:
            floors = self.squeezed(wanted, floors, viewport, titles)
        widths = _share(wanted, floors, viewport)
        widths[column] += max(0, viewport - sum(widths.values()))
        changed = False
        header.blockSignals(True)
        for c, width in widths.items():
            if header.sectionSize(c) != width:
                header.resizeSection(c, width)
                changed = True
        header.blockSignals(False)
        if changed:
            header.viewport().update()
            self.view.updateGeometries()
            self.view.viewport().update()

    def _contents(self, columns: list[int]) -> dict[int, int]:
        """Column → the width its contents want, capped at 480 px."""
        return {c: min(self.view.sizeHintForColumn(c), 480) for c in columns}

    def measure(self, contents: dict[int, int] | None = None,
                titles: dict[int, int] | None = None) -> tuple[dict[int, int], dict[int, int]]:
        """(wanted, floor) width of each visible column as the titles stand now: wanted — its title
        (``titles``: :meth:`title_widths`, when the caller has them) and its contents up to 480 px
        (``contents``, when the caller has measured them already);
        floor — its title and its contents up to :data:`FLOOR_CHARACTERS` average characters (a
        ``keep`` column: its wanted width)."""
        header = _header(self.view)
        visible = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        if contents is None:
            contents = self._contents(visible)
        if titles is None:
            titles = self.title_widths(visible)
        wanted = {c: max(titles[c], contents[c]) for c in visible}
        least = self.view.fontMetrics().averageCharWidth() * FLOOR_CHARACTERS
        floors = {c: wanted[c] if c in self.keep else max(titles[c], min(contents[c], least)) for c in visible}
        return wanted, floors

    def squeezed(self, wanted: dict[int, int], floors: dict[int, int], room: int | None = None,
                 titles: dict[int, int] | None = None) -> dict[int, int]:
        """The floors when even they do not fit ``room`` px: the ``squeeze`` columns (not ``keep``
        ones) give way in their order, each down to its title and its contents up to
        :data:`SQUEEZED_CHARACTERS` average characters, until the floors fit (``room`` ``None``: all
        of them all the way); the other columns keep ``floors``."""
        squeezable = [c for c in self.squeeze if c in floors and c not in self.keep]
        if titles is None:  # (``titles``: :meth:`title_widths` of at least these columns, when the caller has them)
            titles = self.title_widths(squeezable)
        least = self.view.fontMetrics().averageCharWidth() * SQUEEZED_CHARACTERS
        floors = dict(floors)
        short = sum(floors.values()) - room if room is not None else None
        for c in squeezable:
            give = max(0, floors[c] - max(titles[c], min(wanted[c], least)))
            if short is not None:
                if short <= 0:
                    break
                give = min(give, short)
                short -= give
            floors[c] -= give
        return floors

    def least_width(self) -> int:
        """The narrowest the columns get together (their floors, the ``squeeze`` columns squeezed):
        a viewport at least this wide shows every column without scrolling sideways."""
        wanted, floors = self.measure()
        return sum(self.squeezed(wanted, floors).values())

    def title_widths(self, columns: list[int]) -> dict[int, int]:
        """Column → the width its title needs (Qt's section size hint: padding, bold font), with room
        for the sort arrow only in the sorted column — Qt reserves it in every column's hint but
        draws it in one."""
        header = _header(self.view)
        widths = {c: header.sectionSizeHint(c) for c in columns}
        if header.isSortIndicatorShown():
            header.blockSignals(True)
            header.setSortIndicatorShown(False)
            widths.update({c: header.sectionSizeHint(c) for c in columns if c != header.sortIndicatorSection()})
            header.setSortIndicatorShown(True)
            header.blockSignals(False)
        return widths

    def _titles_model(self):
        """The model whose titles can go on two lines (a ``wrap_headers`` attribute), behind any proxies."""
        model = self.view.model()
        while model is not None and not hasattr(model, "wrap_headers"):
            source = getattr(model, "sourceModel", None)
            model = source() if callable(source) else None
        return model

    def _wrap_titles(self, visible: list[int], contents: dict[int, int], viewport: int) -> None:
        """Put titles on two lines when the columns with one-line titles want more than ``viewport``."""
        model = self._titles_model()
        if model is None:
            return
        wrapped = model.wrap_headers
        model.wrap_headers = False  # measured with one-line titles, whatever the state now
        titles = self.title_widths(visible)
        model.wrap_headers = sum(max(titles[c], contents[c]) for c in visible) > viewport
        if model.wrap_headers != wrapped:
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(_header(self.view).count() - 1, 0))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self._later()
        elif event.type() == QEvent.Type.ToolTip and self._elided_tip(event):
            return True
        return False

    def _elided_tip(self, event) -> bool:
        """Show a cell's whole text as its tooltip when the column is too narrow for it (and the
        model gives no tooltip of its own); True when shown."""
        index = self.view.indexAt(event.pos())
        if not index.isValid() or index.data(Qt.ItemDataRole.ToolTipRole):
            return False
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text:
            return False
        cell = self.view.visualRect(index)
        if self.view.fontMetrics().horizontalAdvance(text) + 12 <= cell.width():
            return False
        QToolTip.showText(event.globalPos(), text, self.view.viewport(), cell)
        return True


def _share(wanted: dict[int, int], floors: dict[int, int], room: int) -> dict[int, int]:
    """Column widths within ``room`` px: each its ``wanted`` width when they all fit, else the
    widest ones cut to a common cap (largest first), never below their ``floors``; the floors
    when even they do not fit."""
    if sum(wanted.values()) <= room:
        return dict(wanted)

    def total(cap: int) -> int:
        return sum(max(floors[c], min(wanted[c], cap)) for c in wanted)

    low, high = 0, max(wanted.values(), default=0)
    while low < high:  # the largest cap whose widths fit the room
        middle = (low + high + 1) // 2
        if total(middle) <= room:
            low = middle
        else:
            high = middle - 1
    return {c: max(floors[c], min(wanted[c], low)) for c in wanted}


class MiddleElision(QStyledItemDelegate):
    """Draws a cell cut short in the middle, "交通银…营业部 (110101)", not at its end: every unit's name
    begins with the bank's, so cut at the end they all read "交通银…" (user trial, 150 % English)."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 (Qt's name)
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


def fit_columns(view: QAbstractItemView, *, stretch: int | None = None, keep: Iterable[int] = (),
                squeeze: Iterable[int] = (), middle: Iterable[int] = ()) -> ColumnFitter:
    """Size ``view``'s (a table's or a tree's) columns to their contents and titles; column ``stretch``
    (``None``: the last visible one) takes the room left. A narrow window puts titles on two lines
    and elides the longest texts before the table scrolls sideways, and never cuts a column's
    title (:meth:`ColumnFitter.fit`). ``keep``: columns never elided (the name a row is read by, a
    grade). ``squeeze``: columns that give way when even that does not fit, in this order, each only
    as far as needed and at most down to its title (free text, a name shown whole in a detail pane),
    elided, whole in the tooltip. ``middle``: columns cut short in the middle (:class:`MiddleElision`:
    names of units, which all begin alike).
    Returns the fitter (kept alive by the view)."""
    for column in middle:
        view.setItemDelegateForColumn(column, MiddleElision(view))
    existing = view.findChild(ColumnFitter)
    if existing is not None:
        existing.stretch = stretch
        existing.keep = set(keep)
        existing.squeeze = tuple(squeeze)
        existing._later()
        return existing
    return ColumnFitter(view, stretch, keep, squeeze)


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
