"""ui/errors.py: expected problems in the user's words; bugs logged with details, never a bare traceback."""

from __future__ import annotations

from qsm_desktop.domain.errors import InputRefused


def test_expected_problem_is_a_message_box(qtbot, qsm_app):
    from PySide6.QtWidgets import QMessageBox

    from qsm_desktop.ui.errors import report_exception

    box = report_exception(InputRefused("第 3 行工号应为 7 位数字，请修改后重新导入。"))
    assert isinstance(box, QMessageBox)
    assert "第 3 行" in box.text()
    assert "Traceback" not in box.text()
    box.close()


def test_a_file_problem_is_a_message_box_in_the_users_words(qtbot, qsm_app, tmp_path):
    """An OSError (missing file, Excel holding it open …) is the user's to fix: a warning naming
    the file and the cause in Chinese — not the error dialog for bugs, not the system's English."""
    from PySide6.QtWidgets import QMessageBox

    from qsm_desktop.ui.errors import report_exception

    try:
        open(tmp_path / "天津分行.xlsx", "rb")
    except OSError as exc:
        box = report_exception(exc)
    assert isinstance(box, QMessageBox)
    assert "天津分行.xlsx" in box.text() and "文件或文件夹不存在" in box.text()
    assert "No such file" not in box.text() and str(tmp_path) not in box.text()
    box.close()


def test_unexpected_error_is_logged_and_shown_with_details(qtbot, qsm_app, tmp_path):
    from PySide6.QtGui import QGuiApplication

    from qsm_desktop.ui.errors import ErrorDialog, log_file, report_exception, setup_logging

    setup_logging()
    try:
        {}["missing"]
    except KeyError as exc:
        dialog = report_exception(exc)
    assert isinstance(dialog, ErrorDialog)
    assert "KeyError" in dialog.details and "Traceback" in dialog.details
    assert "Traceback" not in dialog.label.text()
    assert str(log_file()) in dialog.label.text()
    for handler in __import__("logging").getLogger().handlers:
        handler.flush()
    assert "KeyError" in log_file().read_text(encoding="utf-8")
    dialog.copy_button.click()
    assert "KeyError" in QGuiApplication.clipboard().text()
    dialog.close()


def test_guarded_slot_reports_instead_of_raising(qtbot, qsm_app):
    from qsm_desktop.ui import errors

    calls = []

    @errors.guarded
    def slot():
        calls.append(1)
        raise InputRefused("不能导入")

    before = len(errors.open_dialogs())
    assert slot() is None
    assert calls == [1]
    opened = errors.open_dialogs()
    assert len(opened) == before + 1
    opened[-1].close()
