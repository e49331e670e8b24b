"""Error reporting (错误提示): the user's words for expected problems, a log and details for bugs.

- An expected problem is a :class:`qsm_desktop.domain.errors.QsmError`: its text (already in the
  user's language, saying what to do) goes into a plain message box.
- Anything else is a bug: the traceback is written to a rotating log file in
  :func:`qsm_desktop.paths.user_log_dir` and the user sees "an unexpected error" with the log
  file's place and the details in a read-only box with a *Copy details* button — never a bare
  traceback on the screen, never a silent ``except: pass``.

:func:`install_excepthook` routes uncaught exceptions (including those raised in slots, which Qt
hands to ``sys.excepthook``) here; :func:`guarded` wraps a slot so one failing click reports and
the window keeps running; :mod:`qsm_desktop.ui.tasks` reports its workers' failures here too.

Dialogs are opened with ``open()`` (window-modal, non-blocking) so no nested event loop hides a
second error and tests never hang on them.
"""

from __future__ import annotations

import functools
import logging
import logging.handlers
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QLabel, QMessageBox, QPlainTextEdit, QPushButton,
    QVBoxLayout, QWidget,
)

from qsm_desktop import paths
from qsm_desktop.domain.errors import QsmError
from qsm_desktop.privacy import MaskingFormatter, PrivateRotatingFileHandler, mask_password

log = logging.getLogger("qsm_desktop")

LOG_FILE_NAME = "qsm-desktop.log"
_log_file: Path | None = None
_open_dialogs: list[QWidget] = []  # keep non-blocking dialogs alive until closed
F = TypeVar("F", bound=Callable[..., Any])


def setup_logging(level: int = logging.INFO) -> Path:
    """Send the program's log to ``user_log_dir()/qsm-desktop.log`` (1 MB × 5 files); return the path."""
    global _log_file
    path = paths.user_log_dir() / LOG_FILE_NAME
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) and Path(h.baseFilename) == path
               for h in root.handlers):
        # readable by the user only; passwords masked in every line (issue 11 §9)
        handler = PrivateRotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(MaskingFormatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(min(root.level or level, level) if root.level else level)
    _log_file = path
    return path


def log_file() -> Path:
    """The log file (set up on first use)."""
    return _log_file or setup_logging()



def details_text(exc: BaseException) -> str:
    """The copyable details of an unexpected error: type, message and traceback (passwords masked)."""
    return mask_password("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))


class ErrorDialog(QDialog):
    """Shows an unexpected error: what happened in plain words, where the log is, copyable details."""

    def __init__(self, exc: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ErrorDialog")
        self.setWindowTitle(QCoreApplication.translate("ErrorReport", "Unexpected error"))
        self.setMinimumWidth(560)
        self.details = details_text(exc)
        layout = QVBoxLayout(self)
        self.label = QLabel(
            QCoreApplication.translate(
                "ErrorReport",
                "QSM Desktop ran into a problem it did not expect; the last action may not have finished.\n\n"
                "The details were written to the log file:\n{path}\n"
                "Please send them to your administrator.").format(path=log_file()))
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label)
        self.details_box = QPlainTextEdit(self.details)
        self.details_box.setReadOnly(True)
        self.details_box.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details_box.setMinimumHeight(180)
        layout.addWidget(self.details_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(QCoreApplication.translate("ErrorReport", "Copy details"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.details)


def _keep(dialog: QWidget) -> None:
    _open_dialogs.append(dialog)
    dialog.finished.connect(lambda *_: _open_dialogs.remove(dialog) if dialog in _open_dialogs else None)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.open()


def show_problem(parent: QWidget | None, text: str, title: str | None = None) -> QMessageBox:
    """Show an expected problem ``text`` (already in the user's words) in a warning box."""
    box = QMessageBox(QMessageBox.Icon.Warning, title or QCoreApplication.translate("ErrorReport", "QSM Desktop"),
                      text, QMessageBox.StandardButton.Ok, parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    _keep(box)
    return box


def os_problem_text(exc: OSError) -> str:
    """A sentence for a file problem: the file's name and the cause in the user's language."""
    from qsm_desktop.domain.i18n import os_error_text

    reason = os_error_text(exc)
    name = Path(exc.filename).name if exc.filename else ""
    if name:
        return QCoreApplication.translate("ErrorReport", "Cannot use the file “%1”: %2.").replace("%1", name).replace("%2", reason)
    return QCoreApplication.translate("ErrorReport", "A file could not be used: %1.").replace("%1", reason)


def report_exception(exc: BaseException, parent: QWidget | None = None) -> QWidget | None:
    """Report ``exc``: a message box for a :class:`QsmError`, log + :class:`ErrorDialog` otherwise.

    Returns the dialog shown (None when no QApplication exists: then it is only logged).
    """
    if isinstance(exc, QsmError):
        log.info("refused: %s", exc)
        if QApplication.instance() is None:
            return None
        return show_problem(parent, mask_password(str(exc)))
    if isinstance(exc, OSError):  # a file that is missing, locked by Excel, on a full disk …: the user's to fix
        log.info("file problem: %s", exc)
        if QApplication.instance() is None:
            return None
        return show_problem(parent, os_problem_text(exc))
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    if QApplication.instance() is None:
        return None
    dialog = ErrorDialog(exc, parent or QApplication.activeWindow())
    _keep(dialog)
    return dialog


def install_excepthook() -> None:
    """Route uncaught exceptions (also from slots) to :func:`report_exception`; Ctrl+C still quits."""
    previous = sys.excepthook

    def hook(exc_type, exc, tb):  # noqa: ANN001 - sys.excepthook signature
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        if exc is None:
            exc = exc_type()
        exc.__traceback__ = tb
        try:
            report_exception(exc)
        except Exception:  # reporting must never raise out of the hook
            log.exception("error while reporting an error")

    sys.excepthook = hook


def guarded(func: F) -> F:
    """Decorate a slot: any exception is reported (parent: ``self`` when it is a widget) instead of raised."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except Exception as exc:  # reported, not swallowed
            parent = args[0] if args and isinstance(args[0], QWidget) else None
            report_exception(exc, parent)
            return None

    return wrapper  # type: ignore[return-value]


def open_dialogs() -> list[QWidget]:
    """Error dialogs currently open (for tests)."""
    return list(_open_dialogs)

