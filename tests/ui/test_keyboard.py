"""The keyboard in tables (user trial): Tab moved from cell to cell in tables nobody types into and
trapped the user; now Tab leaves a read-only table for the next control (the arrows still move
within it), and a grid being edited keeps Tab from cell to cell (:func:`qsm_desktop.ui.widgets.tables.read_only`,
:func:`~qsm_desktop.ui.widgets.tables.set_editable`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QPushButton, QTableView, QTableWidget, QVBoxLayout, QWidget

from qsm_desktop.ui.models.table import Column, RowTableModel
from qsm_desktop.ui.widgets.tables import set_editable, sortable_table


def _form(qtbot, table: QAbstractItemView):
    """A window: a line edit, ``table``, a button — in that tab order; shown and active."""
    form = QWidget()
    layout = QVBoxLayout(form)
    before = QLineEdit(form)
    layout.addWidget(before)
    layout.addWidget(table)  # the focus chain follows the order the widgets join the form
    after = QPushButton("OK", form)
    layout.addWidget(after)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    return form, before, after


def test_tab_leaves_a_read_only_table_and_stays_in_an_editable_grid(qtbot):
    model = RowTableModel([Column("a", "A", lambda r: r[0]), Column("b", "B", lambda r: r[1])], "Test")
    model.set_rows([("1", "2"), ("3", "4")])
    table = QTableView()
    sortable_table(table, model)
    form, before, after = _form(qtbot, table)
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    assert form.focusWidget() is table
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert form.focusWidget() is after  # out of the table, not to the next cell
    qtbot.keyClick(after, Qt.Key.Key_Backtab)
    qtbot.keyClick(table, Qt.Key.Key_Backtab)
    assert form.focusWidget() is before
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)  # the arrows still move within it
    assert table.currentIndex().row() == 1 and form.focusWidget() is table

    grid = QTableWidget(2, 2)
    set_editable(grid, True)
    form, _before, _after = _form(qtbot, grid)
    grid.setFocus()
    grid.setCurrentCell(0, 0)
    qtbot.keyClick(grid, Qt.Key.Key_Tab)
    assert form.focusWidget() is grid and (grid.currentRow(), grid.currentColumn()) == (0, 1)
    set_editable(grid, False)  # shown only (a checklist edition in use): Tab leaves
    assert grid.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers and not grid.tabKeyNavigation()


def _editable(view: QAbstractItemView) -> bool:
    """Whether a cell of ``view`` can be typed into (edit triggers and a cell whose flags allow it)."""
    if view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers:
        return False
    model = view.model()
    editable = Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
    return any(model.flags(model.index(r, c)) & editable
               for r in range(min(model.rowCount(), 20)) for c in range(model.columnCount()))


def test_no_table_of_the_pages_traps_tab(qtbot, demo_window):
    """Every table on every page and tab of the demo bank: Tab goes from cell to cell only where
    something can be typed (the grade bands of the indicator system being edited, a score sheet)."""
    from test_layout import _every_view

    trapping, seen = [], set()
    for name, page in _every_view(demo_window):
        for view in page.findChildren(QTableView):
            if view.objectName() in seen or not view.isVisible() or view.model() is None:
                continue
            seen.add(view.objectName())
            if view.tabKeyNavigation() and not _editable(view):
                trapping.append(f"{name}: {view.objectName() or type(view).__name__}")
    assert len(seen) >= 25, sorted(seen)
    assert not trapping, trapping


def test_tab_leaves_the_audit_trail_in_the_window(qtbot, demo_window):
    win = demo_window
    page = win.show_page("audit")
    win.tasks.wait(30_000)
    qtbot.waitUntil(lambda: page.table.model().rowCount() > 0, timeout=30_000)
    win.activateWindow()
    page.table.setFocus()
    page.table.setCurrentIndex(page.table.model().index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Tab)
    assert win.focusWidget() is not page.table
    assert page.table.currentIndex().column() == 0
