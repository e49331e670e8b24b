"""The window and a SQLite path that does not exist: start-up refuses a named file that is not there
(``--db``, ``QSM_DATABASE_URL``, the settings) instead of opening a new, empty database; the default
file and the demo's are still made on first use; the settings page makes a new database only when
the user confirms one, and *Test connection* creates nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from qsm_desktop import app
from qsm_desktop.domain.errors import SchemaError


def test_open_services_refuses_a_named_file_that_is_missing_and_creates_nothing(tmp_path):
    missing = tmp_path / "typo" / "qsm.db"
    with pytest.raises(SchemaError) as info:
        app.open_services(f"sqlite:///{missing}")
    assert str(missing) in str(info.value) and "不存在" in str(info.value)
    assert not missing.parent.exists()


def test_the_default_and_the_demo_file_are_still_made_on_first_use(tmp_path):
    from qsm_desktop import paths

    services = app.open_services(None)  # the default file (first start)
    services.dispose()
    assert (paths.user_data_dir() / "qsm.db").exists()
    demo = tmp_path / "demo.db"
    services = app.open_services(f"sqlite:///{demo}", create=True)  # --demo
    services.dispose()
    assert demo.exists()


def test_check_connection_creates_only_when_asked(tmp_path):
    missing = tmp_path / "new.db"
    with pytest.raises(SchemaError):
        app.check_connection(f"sqlite:///{missing}")
    assert not missing.exists()
    report = app.check_connection(f"sqlite:///{missing}", create=True)
    assert missing.exists() and "新建数据库" in report
    assert "一致" in app.check_connection(f"sqlite:///{missing}")  # now current


def test_the_window_does_not_start_on_a_mistyped_db(tmp_path):
    missing = tmp_path / "qsm-typo.db"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "qsm_desktop", "--db", str(missing), "--screenshot",
                             str(tmp_path / "s")], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 1, result.stdout + result.stderr
    assert str(missing) in result.stderr and "Traceback" not in result.stderr
    assert not missing.exists()


def _settings_page(window, tmp_path, monkeypatch):
    from qsm_desktop import settings as st

    settings_file = tmp_path / "settings.json"
    monkeypatch.setattr(st, "settings_path", lambda: settings_file)
    window.ctx.settings._persist = True
    page = window.show_page("settings")
    page._check_connection = app.check_connection
    page.ui.sqliteRadio.setChecked(True)
    return page, settings_file


def test_saving_a_path_that_does_not_exist_asks_and_no_keeps_the_settings(qtbot, window, tmp_path, monkeypatch):
    page, settings_file = _settings_page(window, tmp_path, monkeypatch)
    typed = tmp_path / "qsm-2007.db"
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: asked.append(args[2]) or QMessageBox.StandardButton.No)
    page.ui.fileEdit.setText(str(typed))
    page.ui.saveDatabaseButton.click()
    assert asked and str(typed) in asked[0]
    assert not typed.exists()
    assert not settings_file.exists() or json.loads(settings_file.read_text(encoding="utf-8"))["database_url"] != \
        f"sqlite:///{typed}"
    assert str(typed) in page.ui.testResultLabel.text()


def test_saving_a_new_path_the_user_confirms_makes_the_database(qtbot, window, tmp_path, monkeypatch):
    page, settings_file = _settings_page(window, tmp_path, monkeypatch)
    new = tmp_path / "office.db"
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    page.ui.fileEdit.setText(str(new))
    page.ui.saveDatabaseButton.click()
    qtbot.waitUntil(lambda: "…" not in page.ui.testResultLabel.text(), timeout=60_000)
    assert new.exists()
    assert json.loads(settings_file.read_text(encoding="utf-8"))["database_url"] == f"sqlite:///{new}"


def test_an_existing_file_is_saved_without_a_question(qtbot, window, sqlite_url, tmp_path, monkeypatch):
    page, settings_file = _settings_page(window, tmp_path, monkeypatch)
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: pytest.fail("asked about an existing file"))
    page.ui.fileEdit.setText(sqlite_url.split(":///", 1)[1])
    page.ui.saveDatabaseButton.click()
    assert json.loads(settings_file.read_text(encoding="utf-8"))["database_url"] == sqlite_url
