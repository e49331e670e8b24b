"""Pages beyond the main flow: unit scoping, exports, settings (password never in the file), start-up refusal."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from openpyxl import load_workbook

BRANCH = "310000"


@pytest.fixture
def filled_window(qtbot, window, samples_dir):
    files = [samples_dir / "org_units.xlsx", samples_dir / "certification_310000_2007Q4.xlsx",
             samples_dir / "certification_110000_2007Q4.xlsx"]
    results = window.services.imports.import_files(files, window.actor)
    assert [r.status for r in results] == ["imported"] * 3
    window.data_changed()
    window.tasks.wait(30_000)
    return window


def test_the_unit_selector_scopes_every_page(qtbot, filled_window, expected):
    window = filled_window
    assert window.current_scope().period == "2007Q4"  # the period of the imported returns
    with qtbot.waitSignal(window.sig_unit_changed, timeout=5_000) as signal:
        window.set_unit(BRANCH)
    assert signal.args == [BRANCH]
    assert window.unit_selector.text().endswith(f"({BRANCH})")
    for page in window.pages().values():
        assert page.scope is not None and page.scope.unit_code == BRANCH
    organisation = window.show_page("organisation")
    qtbot.waitUntil(lambda: organisation.model.rowCount() > 0, timeout=30_000)
    codes = {organisation.model.item(0, 1).text()}
    assert codes == {BRANCH}  # the tree starts at the chosen unit
    dashboard = window.show_page("dashboard")
    members = expected["files"]["certification_310000_2007Q4.xlsx"]["rates"]["all"]["members"]
    qtbot.waitUntil(lambda: dashboard.cards["staff"].value.text() == f"{members:,}", timeout=30_000)
    # the organisation page asks to scope the window on double-click (activation)
    index = organisation.proxy.index(0, 0)
    with qtbot.waitSignal(window.sig_unit_changed, timeout=5_000):
        organisation.tree.activated.emit(organisation.proxy.index(0, 0, index))


def test_register_export_writes_every_row_of_the_filter(qtbot, filled_window, tmp_path, expected):
    window = filled_window
    window.set_unit(BRANCH)
    register = window.show_page("register")
    members = expected["files"]["certification_310000_2007Q4.xlsx"]["rates"]["all"]["members"]
    qtbot.waitUntil(lambda: register.model.total() == members, timeout=30_000)
    target = tmp_path / "register.xlsx"
    handle = register.export_to(target)
    window.tasks.wait(60_000)
    assert handle.error is None and handle.result == members
    sheet = load_workbook(target, read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[2][0] == "工号" and len(rows) == 3 + members


def test_rates_export(qtbot, filled_window, tmp_path):
    window = filled_window
    window.set_unit("000000")
    rates = window.show_page("rates")
    qtbot.waitUntil(lambda: rates.rate_for("000000") is not None, timeout=30_000)
    target = tmp_path / "rates.xlsx"
    rates.export_to(target)
    window.tasks.wait(60_000)
    rows = list(load_workbook(target, read_only=True).active.iter_rows(values_only=True))
    units = [r[1] for r in rows[3:]]
    assert units[0] == "000000" and BRANCH in units and "110000" in units


def test_settings_page_keeps_the_password_out_of_the_file(qtbot, window, tmp_path, monkeypatch):
    from qsm_desktop import settings as st

    settings_file = tmp_path / "settings.json"
    monkeypatch.setattr(st, "settings_path", lambda: settings_file)
    window.ctx.settings._persist = True
    page = window.show_page("settings")
    page.ui.serverRadio.setChecked(True)
    assert page.ui.hostEdit.isEnabled() and not page.ui.fileEdit.isEnabled()
    page.ui.hostEdit.setText("dbserver")
    page.ui.portSpin.setValue(5433)
    page.ui.nameEdit.setText("qsm")
    page.ui.userEdit.setText("secretary")
    page.ui.passwordEdit.setText("s3cret!")
    page.ui.saveDatabaseButton.click()
    saved = json.loads(settings_file.read_text(encoding="utf-8"))
    assert saved["database_url"] == "postgresql+psycopg://secretary@dbserver:5433/qsm"
    assert "s3cret" not in settings_file.read_text(encoding="utf-8")
    assert page.ui.passwordEdit.text() == ""
    if not st.keyring_available():  # CI: no keyring backend — said plainly, nothing breaks
        assert "keyring" in page.ui.testResultLabel.text() or "密钥环" in page.ui.testResultLabel.text()
    assert st.url_with_password(saved["database_url"]).endswith("secretary:s3cret%21@dbserver:5433/qsm")


def test_settings_page_tests_a_connection(qtbot, window, sqlite_url):
    from qsm_desktop.app import check_connection

    page = window.show_page("settings")
    page._check_connection = check_connection
    page.ui.sqliteRadio.setChecked(True)
    page.ui.fileEdit.setText(sqlite_url.split(":///", 1)[1])
    page.ui.testButton.click()
    qtbot.waitUntil(lambda: "…" not in page.ui.testResultLabel.text(), timeout=30_000)
    assert "qsm.db" in page.ui.testResultLabel.text()
    page.ui.sqliteRadio.setChecked(False)
    page.ui.serverRadio.setChecked(True)
    page.ui.hostEdit.setText("127.0.0.1")
    page.ui.portSpin.setValue(1)  # nothing listens there
    page.ui.nameEdit.setText("none")
    page.ui.testButton.click()
    qtbot.waitUntil(lambda: "…" not in page.ui.testResultLabel.text(), timeout=60_000)
    text = page.ui.testResultLabel.text()
    assert "none@127.0.0.1" in text and "Traceback" not in text


def test_start_up_refuses_a_newer_database_in_words(tmp_path, sqlite_url):
    import sqlite3

    file = sqlite_url.split(":///", 1)[1]
    con = sqlite3.connect(file)
    con.execute("DELETE FROM alembic_version")
    con.execute("INSERT INTO alembic_version (version_num) VALUES ('ffff_from_the_future')")
    con.commit()
    con.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "qsm_desktop", "--db", sqlite_url, "--screenshot", str(tmp_path / "s")],
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 1
    assert "ffff_from_the_future" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "s").exists()


def test_version_and_help_need_no_display():
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    for args in (["--version"], ["--help"]):
        result = subprocess.run([sys.executable, "-m", "qsm_desktop", *args], capture_output=True, text=True, env=env,
                                timeout=120)
        assert result.returncode == 0, result.stderr
    bad = subprocess.run([sys.executable, "-m", "qsm_desktop", "--lang", "fr"], capture_output=True, text=True, env=env,
                         timeout=120)
    assert bad.returncode == 2


def test_keyboard_shortcuts_switch_pages(qtbot, window):
    from PySide6.QtCore import Qt

    order = list(window.pages())
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.page(order[2])
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.page(order[0])


def test_templates_for_many_units_into_a_folder(qtbot, filled_window, tmp_path):
    window = filled_window
    page = window.show_page("returns")
    folder = tmp_path / "templates"
    handle = page.export_templates("certification", "2007Q4", ["310000", "110000"], folder)
    window.tasks.wait(60_000)
    assert handle.error is None, handle.error
    files = sorted(p.name for p in folder.glob("*.xlsx"))
    assert files == ["certification_110000_2007Q4.xlsx", "certification_310000_2007Q4.xlsx"]
    # a template the engine reads back: prefilled with the unit's roster, nothing to change
    results = window.services.imports.import_files([folder / files[1]], window.actor, dry_run=True)
    assert results[0].kind == "certification" and results[0].org == "310000" and results[0].period == "2007Q4"
    assert results[0].status in ("dry-run", "unchanged"), results[0].problems


def test_the_unit_selector_builds_its_tree_when_first_needed(qtbot):
    """The button shows the unit at once; the popup's tree (~3,300 units at bank scale) is built
    when the popup opens or the tree is asked for, not in set_nodes (issue 14: first window ≤ 1 s)."""
    from types import SimpleNamespace

    from qsm_desktop.ui.widgets.unit_selector import CODE_ROLE, UnitSelector

    selector = UnitSelector()
    qtbot.addWidget(selector)
    nodes = [SimpleNamespace(code="000000", name="总行", type="总行", parent_code=None),
             SimpleNamespace(code="110000", name="北京市分行", type="分行", parent_code="000000")]
    selector.set_nodes(nodes)
    selector.set_current("110000")
    assert selector.text() == "北京市分行  (110000)"
    assert selector._popup.model.rowCount() == 0  # not built yet
    selector.menu().aboutToShow.emit()  # the popup opens
    qtbot.wait(10)  # its search box takes the focus on the next turn
    model = selector._popup.model
    assert model.rowCount() == 1 and model.item(0).child(0).data(CODE_ROLE) == "110000"
    selector.set_nodes(nodes[:1])  # after an import: the old tree stays until it is needed again
    assert selector.tree_model().rowCount() == 1 and not selector.tree_model().item(0).hasChildren()
