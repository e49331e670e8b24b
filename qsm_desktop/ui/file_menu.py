"""The window's File menu (文件): back up the database, sign out / switch user, quit — issue 12.

*Back up database…* (admins and head-office secretaries, ``backup.action`` in
:mod:`qsm_desktop.services.permissions`): on SQLite a save dialog, then
:func:`qsm_desktop.services.backup.backup_database` on a worker (SQLite's online backup: a
consistent copy while others work, private to the user, never over an existing file) and a
sentence with the copy's path; on PostgreSQL the sentence pointing to ``pg_dump``.

*Sign out / switch user…* emits :attr:`FileMenu.sig_sign_out_requested`; the start-up
(:class:`~qsm_desktop.ui.session.SessionController`) closes the window and shows the login dialog.
A database without accounts has nobody to switch to: the action is then disabled and says why.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from qsm_desktop.services.backup import backup_database, postgres_advice
from qsm_desktop.services.permissions import may

log = logging.getLogger(__name__)


class FileMenu(QObject):
    """The File menu of ``window`` (a ``MainWindow``: its ``services``, ``actor``, ``tasks``, ``ctx``
    and ``session``). Actions: :attr:`backup_action`, :attr:`sign_out_action`, :attr:`quit_action`."""

    sig_sign_out_requested = Signal()
    sig_backed_up = Signal(str)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.main_window = window
        self.last_message: QMessageBox | None = None
        self.menu = window.menuBar().addMenu("")
        self.menu.setObjectName("fileMenu")
        self.backup_action = QAction(window)
        self.backup_action.setObjectName("backupAction")
        self.backup_action.triggered.connect(self._on_backup_action_triggered)
        self.sign_out_action = QAction(window)
        self.sign_out_action.setObjectName("signOutAction")
        self.sign_out_action.triggered.connect(self._on_sign_out_action_triggered)
        self.quit_action = QAction(window)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(window.close)
        self.menu.addAction(self.backup_action)
        self.menu.addSeparator()
        self.menu.addAction(self.sign_out_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.backup_action.setVisible(may(window.actor, "backup.action"))
        self._nobody_else = self._local_admin()
        self.sign_out_action.setEnabled(not self._nobody_else)
        self.menu.aboutToShow.connect(self._on_menu_about_to_show)
        self.retranslateUi()

    def _local_admin(self) -> bool:
        session = getattr(self.main_window, "session", None)
        return bool(getattr(session, "local_admin", False))

    def _on_menu_about_to_show(self) -> None:
        """The local administrator may have created the first account meanwhile: then one can switch."""
        if self._nobody_else:
            try:
                self._nobody_else = not self.main_window.services.accounts.has_accounts()
            except Exception:  # the database cannot say now: leave the action as it is
                log.exception("could not count the accounts")
            self.sign_out_action.setEnabled(not self._nobody_else)
            self.retranslateUi()

    def retranslateUi(self) -> None:
        """Set every visible string again (the window calls it on LanguageChange)."""
        self.menu.setTitle(self.tr("&File"))
        self.backup_action.setText(self.tr("&Back up database…"))
        self.backup_action.setToolTip(self.tr("Make a consistent copy of the database file while it is in use"))
        self.sign_out_action.setText(self.tr("Sign &out / switch user…"))
        self.sign_out_action.setToolTip(
            self.tr("This database has no accounts yet: you work as the local administrator, and there is nobody "
                    "to switch to.") if self._nobody_else else self.tr("Close the window and sign in again"))
        self.quit_action.setText(self.tr("&Quit"))

    # ------------------------------------------------------------------ backup
    def back_up(self, target: str | Path | None = None) -> None:
        """Back up the database: ``target`` (asked with a save dialog when ``None``), on a worker.

        PostgreSQL: only the sentence pointing to pg_dump is shown. Refusals (an existing file, no
        folder) come back in the user's words."""
        window = self.main_window
        advice = postgres_advice(window.services)
        if advice is not None:
            self._inform(advice)
            return
        if target is None:
            target = self._ask_target()
            if target is None:
                return
        services, actor = window.services, window.actor
        window.tasks.start(lambda _ctx: backup_database(services, actor, target),
                           title=self.tr("Backing up the database"), parent=window, on_done=self._on_backed_up)

    def _ask_target(self) -> Path | None:
        folder = Path(self.main_window.ctx.settings.current.export_dir or Path.home())
        name = f"qsm-backup-{dt.datetime.now():%Y%m%d-%H%M}.db"
        chosen, _ = QFileDialog.getSaveFileName(
            self.main_window, self.tr("Back up the database to"), str(folder / name),
            self.tr("SQLite database (*.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite)  # the backup never overwrites: it says so itself
        return Path(chosen) if chosen else None

    def _on_backed_up(self, path: Any) -> None:
        log.info("database backed up to %s", path)
        self._inform(self.tr("The database was copied to {path}. Only you can read the copy. To restore it, close "
                             "QSM Desktop everywhere and copy the file back in place of the database.").format(path=path))
        self.sig_backed_up.emit(str(path))

    def _inform(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Back up database"), text,
                          QMessageBox.StandardButton.Ok, self.main_window)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.last_message = box
        box.open()

    # ------------------------------------------------------------------ slots
    def _on_backup_action_triggered(self) -> None:
        self.back_up()

    def _on_sign_out_action_triggered(self) -> None:
        self.sig_sign_out_requested.emit()

