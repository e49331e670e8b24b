"""The login dialog (登录) at window start and on *Sign out / switch user* — DESIGN §6, issue 12.

Layout from ``ui/login_dialog.ui`` (generated ``forms/ui_login_dialog.py``); the deciding is done
by :class:`~qsm_desktop.ui.signin.DesktopSignIn` on a worker thread (a scrypt check or a server
connection takes a moment), so the dialog never freezes.

- The login name of the last successful sign-in is offered again (``Settings.extra["last_login"]``,
  never a password); when one is offered, the focus is on the password. *Enter* signs in,
  *Esc* or *Quit* closes the dialog (the program then quits cleanly).
- *Remember the password* keeps it in the operating system's keyring (Windows Credential Manager,
  macOS Keychain, Secret Service) and nowhere else; unticking it forgets a kept one. Without a
  keyring backend the tick is disabled and its tooltip says why.
- A wrong password leaves the dialog open with one sentence; the password field is emptied.
- On SQLite the dialog says plainly that anyone who can copy the file can read all of it (DESIGN
  §6). On a server that cannot be reached, *Open the local database instead* is offered.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from qsm_desktop.domain.errors import QsmError, SchemaError
from qsm_desktop.settings import (
    forget_login_password, keyring_available, remember_login_password, remembered_login_password,
)
from qsm_desktop.privacy import mask_password
from qsm_desktop.ui.errors import report_exception
from qsm_desktop.ui.forms.ui_login_dialog import Ui_LoginDialog
from qsm_desktop.ui.signin import DesktopSignIn, SignedIn
from qsm_desktop.ui.style import BAD, MUTED, WARN
from qsm_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

LAST_LOGIN = "last_login"
"""Key of the last login name in ``Settings.extra`` (the settings file holds no password)."""


class LoginDialog(QDialog):
    """Ask a login and a password and sign in through ``flow`` (a :class:`DesktopSignIn`).

    ``settings``: the :class:`~qsm_desktop.ui.context.SettingsStore` (last login name). After
    ``exec()`` returned ``Accepted``, :attr:`signed_in` holds the :class:`SignedIn` outcome.
    ``keyring``: whether the OS keyring is usable (default: asked now).
    """

    def __init__(self, flow: DesktopSignIn, settings: Any, parent: QWidget | None = None, *,
                 keyring: bool | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.settings = settings
        self.signed_in: SignedIn | None = None
        self._busy = False
        self._keyring_ok = keyring_available() if keyring is None else keyring
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self.ui.titleLabel.setObjectName("pageTitle")
        self.ui.databaseLabel.setObjectName("hint")
        self.ui.messageLabel.setVisible(False)
        self.tasks = TaskRunner(self)
        self.ui.rememberBox.setEnabled(self._keyring_ok)
        self.ui.signInButton.clicked.connect(self._on_sign_in_button_clicked)
        self.ui.quitButton.clicked.connect(self.reject)
        self.ui.localButton.clicked.connect(self._on_local_button_clicked)
        self.ui.localButton.setVisible(False)
        self._offer_last_login()
        self.retranslateUi()

    # ------------------------------------------------------------------ language
    def retranslateUi(self) -> None:
        """Set every visible string again (LanguageChange)."""
        self.ui.retranslateUi(self)
        self.ui.databaseLabel.setText(self.tr("Database: {name}").format(name=self.flow.database_label))
        self.ui.databaseLabel.setStyleSheet(f"color: {MUTED}")
        if not self._keyring_ok:
            self.ui.rememberBox.setToolTip(self.tr(
                "No system keyring is available on this computer, so the password cannot be remembered; "
                "type it each time."))
        else:
            self.ui.rememberBox.setToolTip(self.tr(
                "The password is kept in the system keyring of this computer, never in a settings file."))
        self._show_database_kind()

    def _show_database_kind(self) -> None:
        if self.flow.on_postgres:
            self.ui.sqliteWarning.setText(self.tr(
                "On the shared database your login is your PostgreSQL login: the database itself limits "
                "what you see and change."))
            self.ui.sqliteWarning.setStyleSheet(f"color: {MUTED}")
        else:
            self.ui.sqliteWarning.setText(self.tr(
                "This database is a file on this computer (SQLite): logins keep honest people apart, but "
                "anyone who can copy the file can read all of it. A shared office uses PostgreSQL."))
            self.ui.sqliteWarning.setStyleSheet(f"color: {WARN}")

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    # ------------------------------------------------------------------ state
    def _last_login(self) -> str:
        extra = getattr(self.settings.current, "extra", None) or {}
        return str(extra.get(LAST_LOGIN, "") or "") or self.flow.default_login()

    def _offer_last_login(self) -> None:
        login = self._last_login()
        self.ui.loginEdit.setText(login)
        kept = remembered_login_password(self._url(), login) if (login and self._keyring_ok) else ""
        if kept:
            self.ui.passwordEdit.setText(kept)
            self.ui.rememberBox.setChecked(True)
        (self.ui.passwordEdit if login else self.ui.loginEdit).setFocus(Qt.FocusReason.OtherFocusReason)

    def _url(self) -> str:
        return self.flow.url or ""

    def show_message(self, text: str, *, problem: bool = True) -> None:
        """Show ``text`` (already in the user's words) under the fields; red when a ``problem``."""
        self.ui.messageLabel.setText(text)
        self.ui.messageLabel.setStyleSheet(f"color: {BAD if problem else MUTED}; font-weight: bold;"
                                           if problem else f"color: {MUTED}")
        self.ui.messageLabel.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.ui.loginEdit, self.ui.passwordEdit, self.ui.signInButton, self.ui.localButton):
            widget.setEnabled(not busy)
        self.ui.rememberBox.setEnabled(not busy and self._keyring_ok)

    # ------------------------------------------------------------------ signing in
    def sign_in(self) -> None:
        """Sign in with the typed login and password (on a worker); ``Enter`` and *Sign in* call it."""
        if self._busy:
            return
        login = self.ui.loginEdit.text().strip().lower()
        password = self.ui.passwordEdit.text()
        if not login:
            self.show_message(self.tr("Type your login name."))
            self.ui.loginEdit.setFocus()
            return
        self._set_busy(True)
        self.show_message(self.tr("Signing in …"), problem=False)
        flow = self.flow
        self.tasks.start(lambda _ctx: flow.sign_in(login, password), title="", progress=False,
                         on_done=lambda signed: self._on_signed_in(login, password, signed),
                         on_error=self._on_refused)

    def _on_signed_in(self, login: str, password: str, signed: SignedIn) -> None:
        self._set_busy(False)
        self.signed_in = signed
        extra = dict(getattr(self.settings.current, "extra", None) or {})
        if extra.get(LAST_LOGIN) != login:
            extra[LAST_LOGIN] = login
            try:
                self.settings.update(extra=extra)
            except OSError as exc:  # the settings folder is not writable: sign in all the same
                log.warning("could not remember the login name: %s", exc)
        if self._keyring_ok:
            if self.ui.rememberBox.isChecked():
                remember_login_password(self._url(), login, password)
            else:
                forget_login_password(self._url(), login)
        log.info("signed in as %s (%s)", signed.actor.login, signed.actor.role.value)
        self.accept()

    def _on_refused(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, QsmError):
            report_exception(exc, self)
            self.show_message(self.tr("Signing in failed unexpectedly; the details are in the log."))
            return
        log.info("sign-in refused: %s", mask_password(str(exc)))
        self.show_message(mask_password(str(exc)))
        self.ui.localButton.setVisible(self.flow.on_postgres and isinstance(exc, SchemaError))
        self.ui.passwordEdit.clear()
        self.ui.passwordEdit.setFocus()

    def _on_sign_in_button_clicked(self) -> None:
        self.sign_in()

    def _on_local_button_clicked(self) -> None:
        """Leave the unreachable server for the local SQLite file (signed in at once without accounts)."""
        self.flow.use_local_database()
        self.ui.localButton.setVisible(False)
        self.show_message("")
        try:
            signed = self.flow.start()
        except QsmError as exc:
            self.show_message(str(exc))
            return
        self.retranslateUi()
        if signed is not None:
            self.signed_in = signed
            self.accept()

    def reject(self) -> None:
        """*Quit*, ``Esc`` or the close box — not while a sign-in is running (its outcome, an open
        database, must not be lost)."""
        if not self._busy:
            super().reject()

    def done(self, result: int) -> None:
        """Close the dialog; its worker pool starts nothing more."""
        self.tasks.shutdown()
        super().done(result)
