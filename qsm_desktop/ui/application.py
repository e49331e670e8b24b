"""Qt start-up (界面启动) called by :func:`qsm_desktop.app.main` — the Qt half of the composition root.

Order: ``QApplication`` → error hook → translations (ours + ``qtbase_zh_CN``) → fonts → style →
services (schema check; a failure is explained and the user may fall back to the local database)
→ sign-in (:class:`~qsm_desktop.ui.session.SessionController`: the local administrator on a SQLite
file without accounts, else the login dialog; PostgreSQL always asks) →
:class:`~qsm_desktop.ui.main_window.MainWindow` → ``--demo`` data (built on a worker with a
progress dialog when the database is empty) → ``--screenshot`` pictures (the pages and
``login.png``), or the event loop.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from qsm_desktop import __version__
from qsm_desktop.domain.errors import QsmError
from qsm_desktop.settings import Settings
from qsm_desktop.ui.context import SettingsStore
from qsm_desktop.ui.errors import install_excepthook
from qsm_desktop.ui.fonts import install_fonts
from qsm_desktop.ui.i18n import LanguageManager
from qsm_desktop.ui.style import apply_style

log = logging.getLogger(__name__)


def create_application(language: str) -> tuple[QApplication, LanguageManager]:
    """The ``QApplication`` (reused when one exists, e.g. under pytest-qt) with language, fonts and style."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("QSM Desktop")
    app.setOrganizationName("QSM")
    app.setApplicationVersion(__version__)
    languages = LanguageManager(app)
    languages.set_language(language)
    install_fonts(app)
    apply_style(app)
    return app, languages



def _open(options: Any, url: str | None, open_services: Callable[[str | None], Any]) -> tuple[Any, str | None] | None:
    """Open the services; on a refusal explain it and offer the local database. Returns
    ``(services, url used)`` (``None`` = the local file) or None (give up)."""
    try:
        return open_services(url), url
    except QsmError as exc:
        log.warning("cannot open %s: %s", url, exc)  # the log's formatter masks a password in the URL
        if options.screenshot is not None:
            print(str(exc), file=sys.stderr)
            return None
        if url is None:
            QMessageBox.critical(None, QCoreApplication.translate("Startup", "QSM Desktop"), str(exc))
            return None
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Startup", "QSM Desktop"), str(exc))
        local = box.addButton(QCoreApplication.translate("Startup", "Open the local database instead"),
                              QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QCoreApplication.translate("Startup", "Quit"), QMessageBox.ButtonRole.RejectRole)
        box.setInformativeText(
            QCoreApplication.translate("Startup", "You can choose another database on the Settings page afterwards."))
        box.exec()
        if box.clickedButton() is not local:
            return None
        try:
            return open_services(None), None
        except QsmError as again:
            QMessageBox.critical(None, QCoreApplication.translate("Startup", "QSM Desktop"), str(again))
            return None


def run(options: Any, settings: Settings, *, url: str | None,
        open_services: Callable[[str | None], Any],
        check_connection: Callable[..., str] | None = None) -> int:
    """Start the window for ``options`` (see :class:`qsm_desktop.app.Options`); return the exit status."""
    app, languages = create_application(options.lang or settings.language)
    install_excepthook()
    from qsm_desktop.ui.session import SessionController, save_login_screenshot

    screenshot = options.screenshot is not None
    store = SettingsStore(settings, persist=not screenshot)
    session = SessionController(app, store, open_services, screenshot=screenshot, window_options=dict(
        languages=languages, check_connection=check_connection, persist_settings=not screenshot))
    signed = session.sign_in_at_start(url, lambda chosen: _open(options, chosen, open_services))
    if signed is None:
        return session.exit_status  # 0: the login dialog was cancelled; 1: could not open or sign in
    window = session.open_window(signed)
    if screenshot:
        _size_for_screenshots(window, options)
    status = {"code": 0}

    def after_demo() -> None:
        if not screenshot:
            return
        try:
            written = window.save_screenshots(options.screenshot)
            written.append(save_login_screenshot(options.screenshot, window, store))
            log.info("screenshots written: %s", ", ".join(str(p) for p in written))
            print("\n".join(str(p) for p in written))
        except Exception as exc:  # report on stderr and fail the run
            log.exception("screenshots failed")
            print(QCoreApplication.translate("Startup", "Screenshots failed: {error}").format(error=exc), file=sys.stderr)
            status["code"] = 1
        window.tasks.wait(10_000)
        app.exit(status["code"])

    if options.demo:
        from qsm_desktop.ui.demo import ensure_demo_data

        QTimer.singleShot(0, lambda: ensure_demo_data(window, then=after_demo,
                                                      on_failed=lambda: _fail(app, status, screenshot)))
    elif screenshot:
        QTimer.singleShot(0, after_demo)
    code = app.exec()
    session.close()
    return status["code"] if screenshot else code


def _size_for_screenshots(window: Any, options: Any) -> None:
    """Give the window the logical size of ``options``' screen and scale (``--size``/``--scale``;
    the scale itself took effect through ``QT_SCALE_FACTOR`` before the application was made)."""
    size = getattr(options, "window_size", None)
    if size is None:
        return
    width, height = size()
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMaximized)
    window.resize(width, height)
    log.info("screenshots at %dx%d logical pixels (scale %s)", width, height, getattr(options, "scale", None))


def _fail(app: QApplication, status: dict, screenshot: bool) -> None:
    if screenshot:
        status["code"] = 1
        app.exit(1)

