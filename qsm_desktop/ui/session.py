"""Who works in the window, from start to sign-out (登录会话) — DESIGN §6, issue 12.

:class:`SessionController` is used by :func:`qsm_desktop.ui.application.run`:

1. :meth:`~SessionController.sign_in_at_start` opens the database and signs in — on a SQLite file
   without accounts at once as the local administrator; otherwise through the
   :class:`~qsm_desktop.ui.login_dialog.LoginDialog` (cancelled: the program quits cleanly);
   with ``--screenshot`` never a dialog (a scratch or demo file runs as the local administrator);
2. :meth:`~SessionController.open_window` builds the
   :class:`~qsm_desktop.ui.main_window.MainWindow` for the signed-in actor;
3. *File → Sign out / switch user* (:meth:`~SessionController.switch_user`) closes that window and
   its database connection, asks again, and opens a new window for whoever signed in.

:func:`save_login_screenshot` renders the dialog for ``--screenshot`` (``login.png``).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from qsm_desktop.domain.errors import QsmError
from qsm_desktop.privacy import mask_password
from qsm_desktop.ui.login_dialog import LoginDialog
from qsm_desktop.ui.signin import DesktopSignIn, SignedIn

log = logging.getLogger(__name__)

EXAMPLE_LOGIN = "li_li"
"""The login shown in the screenshot of the login dialog (an example, not an account)."""


class SessionController(QObject):
    """Sign-in, the window and sign-out of one run of the program.

    ``app``: the ``QApplication``; ``settings``: the :class:`~qsm_desktop.ui.context.SettingsStore`;
    ``open_services(url)``: the composition root's opener; ``window_options``: keyword arguments for
    every ``MainWindow`` (languages, check_connection, persist_settings). ``screenshot``: no dialog.
    ``exit_status`` after a failed :meth:`sign_in_at_start`: 0 cancelled, 1 could not open or sign in.
    """

    def __init__(self, app: QApplication, settings: Any, open_services: Callable[[str | None], Any], *,
                 screenshot: bool = False, window_options: dict | None = None) -> None:
        super().__init__(app)
        self.app = app
        self.settings = settings
        self.open_services = open_services
        self.screenshot = screenshot
        self.window_options = dict(window_options or {})
        self.url: str | None = None
        self.signed: SignedIn | None = None
        self.window: Any = None
        self.exit_status = 0

    # ------------------------------------------------------------------ start
    def sign_in_at_start(self, url: str | None, open_file: Callable[[str | None], Any] | None = None) -> SignedIn | None:
        """Open the database at ``url`` and sign in; ``None`` when cancelled or impossible (see
        :attr:`exit_status`). ``open_file(url)``: opens a SQLite database with the start-up's
        fallback to the local file (returns ``(services, url used)`` or ``None``)."""
        if url and url.startswith("postgresql"):
            flow = DesktopSignIn(url, self.open_services)
        else:
            opened = open_file(url) if open_file is not None else (self.open_services(url), url)
            if opened is None:
                self.exit_status = 1
                return None
            services, used = opened
            flow = DesktopSignIn(used, self.open_services, services=services)
        self.url = flow.url
        return self._sign_in(flow)

    def _sign_in(self, flow: DesktopSignIn) -> SignedIn | None:
        try:
            signed = flow.start()
            if signed is None and self.screenshot and flow.on_postgres:
                signed = flow.sign_in(flow.default_login(), "")  # the URL's login, its kept password
        except QsmError as exc:
            flow.close()
            self._refuse(str(exc))
            return None
        if signed is None and self.screenshot:
            flow.close()
            self._refuse(QCoreApplication.translate(
                "Startup", "This database has logins, so --screenshot cannot open it without one. Take screenshots "
                           "of a database without accounts, e.g. with --demo."))
            return None
        if signed is None:
            dialog = LoginDialog(flow, self.settings)
            accepted = dialog.exec() == QDialog.DialogCode.Accepted and dialog.signed_in is not None
            signed = dialog.signed_in if accepted else None
            if signed is None:
                log.info("sign-in cancelled")
                flow.close()
                self.exit_status = 0
                return None
        self.url = flow.url
        return signed

    def _refuse(self, text: str) -> None:
        self.exit_status = 1
        log.warning("cannot start: %s", mask_password(text))
        if self.screenshot:
            print(text, file=sys.stderr)
        else:
            QMessageBox.critical(None, QCoreApplication.translate("Startup", "QSM Desktop"), text)

    # ------------------------------------------------------------------ the window
    def open_window(self, signed: SignedIn) -> Any:
        """Build and show the main window for ``signed`` (its services and actor); return it."""
        from qsm_desktop.ui.main_window import MainWindow

        self.signed = signed
        window = MainWindow(signed.services, self.settings, actor=signed.actor, session=signed.info,
                            **self.window_options)
        window.file_menu.sig_sign_out_requested.connect(lambda: QTimer.singleShot(0, self.switch_user))
        self.window = window
        window.show()
        return window

    def switch_user(self) -> None:
        """Close the window and its database, ask who signs in now, open a new window (or quit when
        the dialog is cancelled)."""
        old, signed = self.window, self.signed
        self.app.setQuitOnLastWindowClosed(False)
        try:
            if old is not None:
                old.close()
                old.deleteLater()
            self.window = None
            if signed is not None:
                log.info("%s signed out", signed.actor.login)
                signed.services.dispose()
            self.signed = None
            flow = DesktopSignIn(self.url, self.open_services)
            again = self._sign_in(flow)
            if again is None:
                self.app.quit()
                return
            self.open_window(again)
        finally:
            self.app.setQuitOnLastWindowClosed(True)

    def close(self) -> None:
        """Close the database of the current window (program end)."""
        if self.signed is not None:
            try:
                self.signed.services.dispose()
            except Exception:  # closing pooled connections must not turn a clean exit into a failure
                log.exception("dispose failed")
            self.signed = None


def save_login_screenshot(folder: Path, window: Any, settings: Any) -> Path:
    """Render the login dialog as it looks for ``window``'s database into ``folder/login.png``
    (an example login typed, no password; nothing is signed in). Raises ``OSError`` when it cannot
    be written."""
    flow = DesktopSignIn(window.services.url, lambda _url: window.services)
    dialog = LoginDialog(flow, settings, window)
    dialog.ui.loginEdit.setText(EXAMPLE_LOGIN)
    dialog.ui.passwordEdit.setFocus()
    dialog.show()
    dialog.adjustSize()
    for _ in range(3):
        QCoreApplication.processEvents()
    path = folder / "login.png"
    pixmap = dialog.grab()
    ok = not pixmap.isNull() and pixmap.save(str(path), "PNG")
    dialog.close()
    dialog.deleteLater()
    if not ok:
        raise OSError(f"could not render or write {path}")
    return path
