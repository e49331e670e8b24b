"""The reference-names page (issue 14: reference data "seeded, editable") — pytest-qt, offscreen, a
real SQLite file with two branches' certification returns.

Driven from the keyboard as a head-office secretary would: filter by table, F2 on a row, type the
English name, *Save…*, confirm; then the new name is shown where the level appears (the register's
certificates of a person) and in the audit trail; a save on a stale copy is refused with the offer to reload.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from shiboken6 import isValid
from sqlalchemy import select

from qsm_desktop.domain.names import shown
from qsm_desktop.services.context import Actor, Role
from qsm_desktop.store.models import Certificate, Staff
from windows import open_window, settle  # tests/ui/windows.py

HOS = Actor("hos", Role.HO_SECRETARY)


@pytest.fixture
def office(sqlite_services, samples_dir):
    results = sqlite_services.imports.import_files(
        [samples_dir / "org_units.xlsx", samples_dir / "certification_310000_2007Q4.xlsx"], HOS)
    assert [r.status for r in results] == ["imported"] * 2
    return sqlite_services


@pytest.fixture
def win(qtbot, office, languages):
    window = open_window(qtbot, office, languages, HOS)
    yield window
    window.tasks.cancel_all()
    settle(window, qtbot)


def _level_cell(page, level_zh: str) -> str:
    """The English-name cell of the level row on the page."""
    model = page.table.model()
    for row in range(model.rowCount()):
        if model.index(row, 2).data() == level_zh:
            return model.index(row, 3).data()
    raise AssertionError(f"{level_zh} not listed")


def test_edit_a_certificate_level_from_the_keyboard_and_see_it_where_the_level_appears(qtbot, win, office, languages):
    languages.set_language("en")
    page = win.show_page("reference_names")
    settle(win, qtbot)
    assert {r.table for r in page.names()} >= {"plan_target", "certificate_level", "post", "checklist_item"}
    page.set_table_filter("certificate_level")
    assert [r.name for r in page.names()] == ["初级", "中级", "高级"]
    assert page.table_combo.currentText() == "Certificate level"
    assert _level_cell(page, "初级") == "Junior"
    assert page.select_name("certificate_level", "初级")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    dialog = page._dialog
    assert dialog is not None and dialog.isVisible() and dialog.english_edit.text() == "Junior"
    assert dialog.english_edit.maxLength() == 200
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()  # nothing changed yet
    dialog.english_edit.selectAll()
    qtbot.keyClicks(dialog.english_edit, "Entry level")
    assert save.isEnabled()
    save.click()
    box = page._confirm
    assert box is not None and box.isVisible()
    assert "Junior" in box.text() and "Entry level" in box.text() and "5 records" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()  # not yet: back to the dialog
    assert dialog.isVisible() and save.isEnabled()
    save.click()
    box = page._confirm
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=30_000)  # closed (and deleted)
    settle(win, qtbot)
    assert _level_cell(page, "初级") == "Entry level"
    assert page.selected_name().name == "初级"  # the edited row stays selected
    assert "Entry level" in page.status_label.text()
    assert shown("初级") == "Entry level"  # the catalogue the window and reports read

    # where the level appears: a person's certificates on the register page
    with office.read() as session:
        staff_no = session.scalar(select(Staff.staff_no).join(Certificate, Certificate.staff_id == Staff.id)
                                  .where(Certificate.level == "初级").limit(1))
    assert staff_no, "the sample return has a 初级 certificate"
    register = win.show_page("register")
    settle(win, qtbot)
    register.show_person(staff_no)
    settle(win, qtbot)
    column = register.cert_model.column_index("level")
    levels = {register.cert_model.index(r, column).data() for r in range(register.cert_model.rowCount())}
    assert "Entry level" in levels and "Junior" not in levels

    # the audit trail says what changed, in English
    audit = win.show_page("audit")
    settle(win, qtbot)
    qtbot.waitUntil(lambda: audit.model.rowCount() > 0, timeout=20_000)
    lines = [line for line in audit.model.lines() if line.entity == "reference_name"]
    assert len(lines) == 1 and lines[0].key == "certificate_level/初级"
    from qsm_desktop.ui.views.audit import detail_html

    detail = detail_html(lines[0])
    assert "English name" in detail and "Junior" in detail and "Entry level" in detail


def test_a_stale_save_is_refused_and_offers_to_reload(qtbot, win, office):
    page = win.show_page("reference_names")
    settle(win, qtbot)
    page.set_table_filter("plan_target")
    assert page.select_name("plan_target", "柜员持证上岗率")
    record = page.selected_name()
    # someone else saves first, from another window
    office.reference_names.set_english_name(HOS, "plan_target", "柜员持证上岗率", "Tellers certified",
                                            expected=record.name_en)
    handle = page.save_english_name(record, "Teller rate")
    settle(win, qtbot, handle)
    box = page._dialog
    assert isinstance(box, QMessageBox) and box.objectName() == "conflictBox"
    assert "Tellers certified" in box.text()  # the sentence names what is stored now
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()  # Reload
    settle(win, qtbot)
    assert page.selected_name().name_en == "Tellers certified"


def test_empty_and_filters_say_what_would_fill_them(qtbot, win):
    page = win.show_page("reference_names")
    settle(win, qtbot)
    page.search_edit.setText("no such name anywhere")
    assert page.proxy.rowCount() == 0 and page.empty.isVisible()
    assert page.empty.button.isVisible()
    page.empty.button.click()  # show all
    assert page.search_edit.text() == "" and page.proxy.rowCount() == len(page._rows) > 0
    page.search_edit.setText("GM-0")
    assert page.names() and all(r.table == "checklist_item" for r in page.names())


@pytest.mark.parametrize(("role", "scope"), [(Role.BRANCH_SECRETARY, "310000"), (Role.VIEWER, None),
                                             (Role.REVIEWER, "310000")])
def test_only_head_office_is_offered_the_page(qtbot, office, languages, role, scope):
    window = open_window(qtbot, office, languages, Actor("someone", role, scope))
    assert "reference_names" not in {spec.page_id for spec in window._specs}
    window.tasks.cancel_all()
    settle(window, qtbot)
