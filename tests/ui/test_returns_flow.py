"""The secretary's work flow through the window (issue 3 item 6), on a real SQLite file and the sample returns.

Drop the org list, import it; drop a clean and a broken certification return at once → the preview
lists the broken file's problems by cell, only the clean one is imported; the register then shows
that branch's staff and filters by typing; the rates page shows the expected rate for the branch.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

BRANCH = "310000"
CLEAN = "certification_310000_2007Q4.xlsx"
BROKEN = "broken/certification_bad_rows.xlsx"


def sample_cell(path: Path, ref: str):
    """The value in ``sheet!A1`` of a sample workbook (read with python-calamine)."""
    from python_calamine import CalamineWorkbook

    sheet, cell = ref.split("!")
    letters = "".join(c for c in cell if c.isalpha())
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    return rows[int(cell[len(letters):]) - 1][ord(letters) - ord("A")]


def expected_problem_cells(samples_dir: Path, expected: dict) -> set[str]:
    """expected.json's problem cells of the broken return, less one known defect of the sample file:
    it lists 持证上岗情况!D17 as an "empty 工号" but the file holds a valid 工号 there (the sample
    generator's mutation never reached the file). The exception is dropped as soon as the cell is
    really empty, so it cannot hide a real miss."""
    cells = set(expected["files"][BROKEN]["problem_cells"])
    known_defect = "持证上岗情况!D17"
    if known_defect in cells and sample_cell(samples_dir / BROKEN, known_defect) not in (None, ""):
        cells.discard(known_defect)
    return cells


def drop_files(widget, paths: list[Path]) -> None:
    """Drag ``paths`` from a file manager onto ``widget`` and drop them (real Qt drag events)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPoint(widget.width() // 2, widget.height() // 2)
    enter = QDragEnterEvent(pos.toPointF(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted(), "the page refused the drag"
    drop = QDropEvent(pos.toPointF(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    assert drop.isAccepted(), "the page refused the drop"


def select_only(view, row: int) -> None:
    """Select exactly ``row`` (``selectRow`` honours the keyboard modifiers a previous test left pressed)."""
    from PySide6.QtCore import QItemSelectionModel

    view.selectionModel().select(view.model().index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                 | QItemSelectionModel.SelectionFlag.Rows)


def type_text(qtbot, edit, text: str) -> None:
    """Type ``text`` like a user: keys for ASCII, an input-method commit per character for Chinese."""
    from PySide6.QtGui import QInputMethodEvent

    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(edit, ch)
        else:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(edit, event)
        qtbot.wait(30)


def wait_checked(qtbot, page, count: int) -> None:
    qtbot.waitUntil(lambda: len(page.model.items()) >= count
                    and all(i.state != "checking" for i in page.model.items()), timeout=60_000)


def import_and_wait(qtbot, window, page) -> None:
    with qtbot.waitSignal(page.sig_files_imported, timeout=120_000):
        page.import_button.click()
    window.tasks.wait(60_000)


@pytest.fixture
def imported_window(qtbot, window, samples_dir):
    """The window after the org list and the clean + broken returns went through the returns page."""
    page = window.show_page("returns")
    drop_files(page, [samples_dir / "org_units.xlsx"])
    wait_checked(qtbot, page, 1)
    assert page.model.item(0).state == "ready", page.model.item(0).result
    import_and_wait(qtbot, window, page)
    assert page.model.item(0).state == "imported"
    drop_files(page, [samples_dir / CLEAN, samples_dir / BROKEN])
    wait_checked(qtbot, page, 3)
    return window, page


def test_drop_preview_and_import_only_the_clean_file(qtbot, imported_window, expected, samples_dir):
    window, page = imported_window
    items = {i.path.name: i for i in page.model.items()}
    clean, broken = items[CLEAN], items[Path(BROKEN).name]
    # the preview: kind, unit, period, rows, new staff; the broken one lists every problem by cell
    assert clean.state == "ready"
    assert (clean.result.kind, clean.result.org, clean.result.period) == ("certification", BRANCH, "2007Q4")
    assert clean.result.rows > 0 and clean.count("new") > 0 and not clean.result.problems
    assert broken.state == "refused_file"
    wanted = expected["files"][BROKEN]
    cells = expected_problem_cells(samples_dir, expected)
    assert len(cells) >= 2
    where = {f"{p.sheet}!{p.cell}" for p in broken.result.problems if p.sheet and p.cell}
    assert cells <= where
    assert len(broken.result.problems) >= wanted["problems_at_least"]
    # the Changes tab, empty, says what would fill it (user trial: a blank table): the selected file's
    # changes once it has no problems; the clean file lists its changes
    page.inbox.clearSelection()
    assert page.changes_empty.is_empty() and "文件" in page.changes_empty.label.text()
    # the problem table of the selected broken file shows `sheet!cell` and the message, copyable
    select_only(page.inbox, page.model.items().index(broken))
    assert page.selected_items() == [broken]
    assert page.changes_empty.is_empty() and broken.path.name in page.changes_empty.label.text()
    assert page.changes_empty.button.isHidden()
    page.tabs.setCurrentWidget(page.changes)
    qtbot.waitUntil(page.changes_empty.isVisible)
    select_only(page.inbox, page.model.items().index(clean))
    assert page.change_proxy.rowCount() > 0 and not page.changes_empty.is_empty()
    assert not page.changes_empty.isVisible()
    select_only(page.inbox, page.model.items().index(broken))
    assert page.problem_proxy.rowCount() == len(broken.result.problems)
    shown = {page.problem_proxy.index(r, 0).data() for r in range(page.problem_proxy.rowCount())}
    assert cells <= shown
    copied = page.copy_problems(selected_only=False)
    for cell in cells:
        assert f"{cell}: " in copied
    assert "Traceback" not in copied
    # sorting by the "where" column orders by row number, not alphabetically
    page.problems.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    rows = [page.problem_proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) for r in range(page.problem_proxy.rowCount())]
    keys = [(p.sheet or "", int("".join(c for c in (p.cell or "0") if c.isdigit()) or 0)) for p in rows]
    assert keys == sorted(keys)
    # import: only the clean file goes in
    assert page.import_button.isEnabled()
    import_and_wait(qtbot, window, page)
    assert clean.state == "imported"
    assert broken.state == "refused_file"
    batches = window.services.imports.batches(window.actor, kind="certification")
    assert [b.file_name for b in batches] == [CLEAN]
    # the board shows the branch received, the period switched to the returns' period
    assert window.current_scope().period == "2007Q4"
    with qtbot.waitSignal(page.sig_loaded, timeout=30_000):
        page.reload()
    board = page.board.board_model.board()
    assert board.cell(BRANCH, "certification").status == "received"


def test_register_shows_the_branch_and_filters_by_typing(qtbot, imported_window, expected):
    window, page = imported_window
    import_and_wait(qtbot, window, page)
    window.set_unit(BRANCH)
    register = window.show_page("register")
    members = expected["files"][CLEAN]["rates"]["all"]["members"]
    qtbot.waitUntil(lambda: register.model.total() == members and register.model.loaded() > 0, timeout=30_000)
    first = register.model.row_object(0)
    assert first.unit_code.startswith(BRANCH[:2])
    # type the first person's name: the list narrows to people whose name contains it
    type_text(qtbot, register.search_edit, first.name)
    def names() -> list[str]:
        return [register.model.row_object(r).name for r in range(register.model.loaded())]

    # (a slow machine may show the result for the first character on the way)
    qtbot.waitUntil(lambda: bool(names()) and all(first.name in n for n in names()), timeout=30_000)
    assert first.name in names() and 0 < register.model.total() < members
    # a 工号 prefix narrows too
    register.search_edit.clear()
    type_text(qtbot, register.search_edit, first.staff_no)
    qtbot.waitUntil(lambda: register.model.total() == 1, timeout=30_000)
    select_only(register.table, 0)
    assert register.person_title.text().startswith(first.name)
    # the detail panel lists exactly the person's certificates, as the register holds them
    person = window.services.certification.person(window.actor, first.staff_no)
    qtbot.waitUntil(lambda: register.cert_model.rowCount() == len(person.certificates), timeout=30_000)
    assert [c.number for c in register.cert_model.rows()] == [c.number for c in person.certificates]
    assert CLEAN in register.person_fields["source"][1].text()


def test_rates_page_shows_the_expected_rate(qtbot, imported_window, expected):
    window, page = imported_window
    import_and_wait(qtbot, window, page)
    window.set_unit(BRANCH)
    rates = window.show_page("rates")
    qtbot.waitUntil(lambda: rates.rate_for(BRANCH) is not None, timeout=30_000)
    want = expected["files"][CLEAN]["rates"]
    for category, figures in want.items():
        got = rates.rate_for(BRANCH, category)
        assert (got.members, got.certified) == (figures["members"], figures["certified"]), category
        assert got.rate == pytest.approx(figures["rate"], abs=0.01), category
    # the table cell shows it, coloured against the target
    model = rates.model
    column = model.column_index("all")
    assert model.index(0, column).data() == f"{want['all']['rate']:.1f}%"


def test_a_dropped_folder_brings_its_workbooks_and_leaves_lock_files_out(qtbot, window, samples_dir, tmp_path):
    """Issue 11: a folder means the workbooks in it; an Excel/WPS lock file (``~$…``) is left out
    with a note, not refused; a hidden row holding data is a warning shown before importing."""
    import shutil

    import openpyxl

    folder = tmp_path / "mail"
    folder.mkdir()
    shutil.copy(samples_dir / "org_units.xlsx", folder / "org_units.xlsx")
    (folder / "~$org_units.xlsx").write_bytes(b"\x00lock")
    book = openpyxl.load_workbook(samples_dir / CLEAN)
    sheet = book.worksheets[0]
    sheet.row_dimensions[sheet.max_row].hidden = True
    book.save(folder / "certification_310000_hidden_row.xlsx")
    page = window.show_page("returns")
    drop_files(page, [folder])
    wait_checked(qtbot, page, 2)
    names = sorted(i.path.name for i in page.model.items())
    assert names == ["certification_310000_hidden_row.xlsx", "org_units.xlsx"]
    assert page.skipped_label.isVisible() and "~$org_units.xlsx" in page.skipped_label.text()
    items = {i.path.name: i for i in page.model.items()}
    # checked: the return waits for the org list (its unit is not known yet) …
    assert items["certification_310000_hidden_row.xlsx"].state == "refused_file"
    # … and one click imports both, in dependency order (issue 11), warnings kept on the result
    import_and_wait(qtbot, window, page)
    qtbot.waitUntil(lambda: items["certification_310000_hidden_row.xlsx"].state == "imported", timeout=60_000)
    assert items["org_units.xlsx"].state == "imported"
    result = items["certification_310000_hidden_row.xlsx"].result
    assert result.warnings and all(w.sheet for w in result.warnings)
    select_only(page.inbox, page.model.items().index(items["certification_310000_hidden_row.xlsx"]))
    assert "warning" in page.problems_label.text() or "提醒" in page.problems_label.text()
    assert page.problem_model.rowCount() == len(result.warnings)


def test_one_click_imports_a_drop_that_depends_on_itself(qtbot, window, samples_dir):
    """Issue 11: a training return, its branch's certification roster and the org list dropped
    together (training first) are all imported by one click — the training return needs the staff
    the roster brings, the roster the units the org list brings; a broken return in the same drop
    stays refused and writes nothing."""
    page = window.show_page("returns")
    files = [samples_dir / "training" / "training_110000_2007.xlsx", samples_dir / "certification_110000_2007Q4.xlsx",
             samples_dir / "org_units.xlsx", samples_dir / BROKEN]
    drop_files(page, files)
    wait_checked(qtbot, page, len(files))
    items = {i.path.name: i for i in page.model.items()}
    assert items["org_units.xlsx"].state == "ready"
    assert items["training_110000_2007.xlsx"].state == "refused_file"
    import_and_wait(qtbot, window, page)
    states = {name: item.state for name, item in items.items()}
    assert states == {"training_110000_2007.xlsx": "imported", "certification_110000_2007Q4.xlsx": "imported",
                      "org_units.xlsx": "imported", Path(BROKEN).name: "refused_file"}, states
    kinds = sorted(b.kind for b in window.services.imports.batches(window.actor))
    assert kinds == ["certification", "org_units", "training"]


def test_a_cancelled_check_gives_files_back_what_they_were(qtbot, imported_window):
    """Files checked again (after an import, or with the window's language changed) and the check
    cancelled keep what their last check said — not "checking" for ever."""
    window, page = imported_window
    items = {i.path.name: i for i in page.model.items()}
    clean, broken = items[CLEAN], items[Path(BROKEN).name]
    assert (clean.state, broken.state) == ("ready", "refused_file")
    page._check([clean, broken])
    assert clean.state == broken.state == "checking"
    window.tasks.cancel_all()
    assert window.tasks.wait(60_000)
    assert (clean.state, broken.state) == ("ready", "refused_file")
    assert clean.importable and page.import_button.isEnabled()


def test_a_first_check_cancelled_says_not_checked_and_check_again_checks(qtbot, window, samples_dir):
    """Files dropped and their first check cancelled say "not checked" (not "needs unit and period",
    which they do not), and *Check again* checks them."""
    page = window.show_page("returns")
    page.add_files([samples_dir / CLEAN, samples_dir / BROKEN])
    window.tasks.cancel_all()
    assert window.tasks.wait(60_000)
    items = page.model.items()
    assert [i.state for i in items] == ["unchecked", "unchecked"]
    select_only(page.inbox, 0)
    assert page.recheck_button.text() in page.problems_label.text()  # the sentence names the button
    assert page.recheck_button.isEnabled() and not page.info_button.isEnabled()
    # the empty Changes tab says the file is not checked, with the button that checks it
    assert items[0].path.name in page.changes_empty.label.text()
    assert not page.changes_empty.button.isHidden() and page.changes_empty.button.text() == page.recheck_button.text()
    page.changes_empty.button.click()
    wait_checked(qtbot, page, 2)
    window.tasks.wait(60_000)
    assert items[0].state != "unchecked" and items[1].state == "unchecked"
    page.inbox.selectAll()
    page.recheck_button.click()
    wait_checked(qtbot, page, 2)
    window.tasks.wait(60_000)
    # the org list is not in yet: both are refused now, for what they really lack
    assert all(i.state in ("refused_file", "needs_info", "ready") for i in items)
    assert all(i.result is not None for i in items)
