"""Hiding and showing a table's columns from its titles (:func:`qsm_desktop.ui.widgets.tables.column_menu`):
at 150 % the English actions register needed 1,284 px for its 14 columns and had 1,014, so a few
start hidden and a right-click on the titles shows them again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from qsm_desktop.ui.models.table import Column, RowTableModel
from qsm_desktop.ui.widgets.tables import column_choices, sortable_table


def _actions(menu):
    return [a for a in menu.actions() if not a.isSeparator()]


def test_the_menu_hides_and_shows_columns_and_keeps_one(qtbot):
    model = RowTableModel([Column(k, k.upper(), lambda r, i=i: r[i]) for i, k in enumerate("abc")], "Test")
    model.set_rows([("1", "2", "3")])
    table = QTableView()
    qtbot.addWidget(table)
    sortable_table(table, model, hidden=(1,))
    assert [table.isColumnHidden(c) for c in range(3)] == [False, True, False]
    assert table.horizontalHeader().contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu

    menu = column_choices(table)
    *columns, show_all = _actions(menu)
    assert [a.text() for a in columns] == ["A", "B", "C"]
    assert [a.isChecked() for a in columns] == [True, False, True]
    assert show_all.isEnabled()
    columns[1].setChecked(True)  # show B
    assert not table.isColumnHidden(1)

    menu = column_choices(table)
    columns = _actions(menu)[:3]
    columns[0].setChecked(False)
    columns[1].setChecked(False)
    assert [table.isColumnHidden(c) for c in range(3)] == [True, True, False]
    menu = column_choices(table)
    *columns, show_all = _actions(menu)
    assert not columns[2].isEnabled()  # the only column shown cannot be hidden
    show_all.trigger()
    assert not any(table.isColumnHidden(c) for c in range(3))
    assert not _actions(column_choices(table))[-1].isEnabled()  # nothing left to show


def test_the_actions_register_and_overdue_complaints_start_with_secondary_columns_hidden(qtbot, window):
    """The actions register starts without branch, item, completed and verified (the detail below
    names them), the overdue complaints without received, deadline class and registering branch;
    the menu shows them all again."""
    page = window.show_page("actions")
    table = page.ui.actionTable
    keys = [c.key for c in page.action_model._columns]
    assert [k for i, k in enumerate(keys) if table.isColumnHidden(i)] == ["branch", "from", "completed", "verified"]
    *columns, show_all = _actions(column_choices(table))
    assert len(columns) == len(keys) and sum(a.isChecked() for a in columns) == len(keys) - 4
    show_all.trigger()
    assert not any(table.isColumnHidden(i) for i in range(len(keys)))

    page = window.show_page("complaints")
    table = page.ui.overdueTable
    keys = [c.key for c in page.overdue_model._columns]
    assert [k for i, k in enumerate(keys) if table.isColumnHidden(i)] == ["received", "class", "branch"]


def test_the_register_and_the_applications_start_readable_at_150_percent(qtbot, window):
    """The trial at 150 % in English: every register unit read "交通…" and every outlet "交通银…". The
    register's unit now begins with its code and its post starts hidden; the applications' level
    starts hidden (the Level filter says it). Both tables have the column menu."""
    from types import SimpleNamespace

    from qsm_desktop.ui.models.register import row_values

    row = SimpleNamespace(staff_no="0000001", name="石波", unit_code="110101", unit_name="交通银行北京城东支行营业部",
                          post="柜员", category="teller", status="certified", certificate_type=None,
                          certificate_number=None, expires=None)
    assert row_values(row)[2] == "110101 交通银行北京城东支行营业部"
    register = window.show_page("register")
    assert register.table.isColumnHidden(3) and not register.table.isColumnHidden(2)
    assert column_choices(register.table).actions()[3].isChecked() is False
    applications = window.show_page("showcase").applications_tab.ui.applicationTable
    assert applications.isColumnHidden(3) and not applications.isColumnHidden(1)
    assert applications.horizontalHeader().contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
