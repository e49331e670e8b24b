"""``qsm-desktop`` — the composition root of the desktop application (桌面程序入口).

Start-up, in this order (STYLE.md "Layers"; issue 3 §1):

1. command line (``--db URL``, ``--demo``, ``--screenshot DIR`` with ``--size WxH`` and
   ``--scale F``, ``--lang zh|en``) and the rotating log file; ``--scale`` sets ``QT_SCALE_FACTOR``
   here, before any ``QApplication`` exists (Qt reads it only then);
2. settings (:mod:`qsm_desktop.settings`: database URL without password, language, folders);
3. the Qt application: translations (ours + Qt's ``qtbase_zh_CN``) and fonts (bundled CJK font
   where the system lacks one);
4. engine and schema check (:func:`qsm_desktop.services.context.build_services`: a newer schema is
   refused in the user's words; a local SQLite file is created/upgraded after a backup copy);
5. sign-in (:mod:`qsm_desktop.ui.session`): a SQLite file without accounts runs as the local
   administrator; otherwise the login dialog asks (on PostgreSQL the login is the connection's
   user); cancelling it quits with status 0;
6. services → ``MainWindow(services, settings, actor=…)``; with ``--demo`` an empty database is first
   filled by the demo service on a worker with a progress dialog.

``qsm-desktop`` is a *gui-script* (no console window on Windows); ``python -m qsm_desktop`` runs
the same :func:`main`. The program never uses the network (a PostgreSQL server the user names is
the only connection it makes).

Import rule (``tests/test_import_graph.py``): this module imports PySide6 only *inside functions*
through :mod:`qsm_desktop.ui`, so ``import qsm_desktop.app`` (and ``--help``) stays Qt-free.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from qsm_desktop import __version__

log = logging.getLogger("qsm_desktop.app")

_MESSAGES = {
    "desktop.db_state.empty": ("已连接 {where}：数据库为空，首次打开时将建立表结构。",
                               "Connected to {where}: the database is empty; the schema is created on first use."),
    "desktop.db_state.older": ("已连接 {where}：数据库结构较旧，需要升级（本地文件会先备份后自动升级）。",
                               "Connected to {where}: the schema is older and needs an upgrade "
                               "(a local file is backed up and upgraded automatically)."),
    "desktop.db_state.current": ("已连接 {where}：数据库结构与本程序一致。",
                                 "Connected to {where}: the schema matches this program."),
    "desktop.db_state.newer": ("已连接 {where}，但数据库结构比本程序新：请先升级 QSM Desktop。",
                               "Connected to {where}, but its schema is newer than this program: upgrade QSM Desktop first."),
    "desktop.db_missing": ("数据库文件 {path} 不存在，没有打开也没有新建任何数据库。请检查路径；要在此处新建数据库，"
                           "请在“设置”页选择该文件，点“保存”并确认新建。",
                           "The database file {path} does not exist; nothing was opened or created. Check the path; "
                           "to start a new database there, choose the file on the Settings page, click Save and "
                           "confirm the new database."),
    "desktop.db_created": ("已在 {where} 新建数据库（结构版本 {heads}）。", "New database created at {where} (schema {heads})."),
}


def _register_messages() -> None:
    from qsm_desktop.domain.i18n import register

    register(_MESSAGES)


_register_messages()

DEMO_DB_NAME = "demo.db"
DEMO_DB_NAME_EN = "demo-en.db"
"""The English demo's own file: its typed text is English (issue 14), so it is not the Chinese demo's."""

SCREENSHOT_SIZE = (1366, 768)
"""The screen ``--screenshot`` pictures by default (physical pixels): a common office laptop."""

TASKBAR_HEIGHT = 40
"""Logical pixels of a screen's height the window does not get (taskbar and title bar)."""


def logical_window_size(screen: tuple[int, int], scale: float) -> tuple[int, int]:
    """The window a maximised program gets on ``screen`` (physical ``(width, height)`` pixels) at
    display scaling ``scale`` (1.0 = 100 %, 1.5 = 150 %), in Qt's logical pixels: the screen divided
    by the scale, less :data:`TASKBAR_HEIGHT` of height. 1920×1080 at 1.5 gives 1280×680;
    1366×768 at 1.0 gives 1366×728. Raises ``ValueError`` for a scale ≤ 0.
    """
    if scale <= 0:
        raise ValueError("scale must be positive")
    width, height = screen
    return round(width / scale), round(height / scale) - TASKBAR_HEIGHT


def _screen_size(text: str) -> tuple[int, int]:
    """``"1366x768"`` → ``(1366, 768)`` (argparse type; a bad value exits 2)."""
    parts = text.lower().replace("×", "x").split("x")
    try:
        width, height = (int(p) for p in parts)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1366x768, not {text!r}") from None
    if width < 640 or height < 480:
        raise argparse.ArgumentTypeError(f"a screen of at least 640x480, not {text!r}")
    return width, height


def _scale(text: str) -> float:
    """``"1.5"`` or ``"150%"`` → ``1.5`` (argparse type; 1.0 to 3.0)."""
    try:
        value = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a scale such as 1.25 or 125%, not {text!r}") from None
    if not 1.0 <= value <= 3.0:
        raise argparse.ArgumentTypeError(f"a scale from 1.0 to 3.0, not {text!r}")
    return value


@dataclass(frozen=True)
class Options:
    """The parsed command line: ``db`` URL or None, ``demo``, ``screenshot`` folder or None, ``lang``;
    ``size`` (physical screen pixels) and ``scale`` (display scaling) of the screenshots."""

    db: str | None
    demo: bool
    screenshot: Path | None
    lang: str | None
    size: tuple[int, int] = SCREENSHOT_SIZE
    scale: float | None = None

    def window_size(self) -> tuple[int, int]:
        """The window's logical size for the screenshots (:func:`logical_window_size`)."""
        return logical_window_size(self.size, self.scale or 1.0)


def parse_args(argv: Sequence[str] | None = None) -> Options:
    """Parse ``qsm-desktop`` arguments (``--help`` prints and exits 0; bad usage exits 2)."""
    parser = argparse.ArgumentParser(
        prog="qsm-desktop",
        description="QSM Desktop — 服务质量管理办公室桌面程序 (service-quality management office).",
    )
    parser.add_argument("--db", metavar="URL",
                        help="database: a file path (qsm.db), sqlite:///path/qsm.db or postgresql://user@host/dbname "
                             "(default: the settings, else QSM_DATABASE_URL, else the local SQLite file)")
    parser.add_argument("--demo", action="store_true",
                        help="open a demo database (created and filled on first use)")
    parser.add_argument("--screenshot", metavar="DIR", type=Path,
                        help="render every page to DIR/<page>.png offscreen, then exit")
    parser.add_argument("--size", metavar="WxH", type=_screen_size, default=SCREENSHOT_SIZE,
                        help="with --screenshot: the screen in physical pixels (default 1366x768); the window "
                             "gets the screen divided by the scale, less 40 px for the taskbar")
    parser.add_argument("--scale", metavar="F", type=_scale,
                        help="display scaling, 1.0-3.0 or 125%% (sets QT_SCALE_FACTOR; default: the system's)")
    parser.add_argument("--lang", choices=("zh", "en"), help="interface language (default: the settings, else zh)")
    parser.add_argument("--version", action="version", version=f"qsm-desktop {__version__}")
    ns = parser.parse_args(list(argv) if argv is not None else None)
    if ns.size != SCREENSHOT_SIZE and ns.screenshot is None:
        parser.error("--size needs --screenshot")
    return Options(db=ns.db, demo=ns.demo, screenshot=ns.screenshot, lang=ns.lang, size=ns.size, scale=ns.scale)


def database_url(options: Options, configured: str, language: str = "zh") -> str | None:
    """Which database to open: ``--db`` > demo default > ``QSM_DATABASE_URL`` > settings > None (store default).

    With ``--demo`` and no ``--db`` the demo database is ``demo.db`` in the user data folder
    (``demo-en.db`` when the window's ``language`` is English: the demo writes the text people type
    in the window's language), so a demo never mixes with real data.
    """
    if options.db:
        return options.db
    if options.demo:
        from qsm_desktop import paths

        return f"sqlite:///{paths.user_data_dir() / (DEMO_DB_NAME_EN if language == 'en' else DEMO_DB_NAME)}"
    if os.environ.get("QSM_DATABASE_URL"):
        return os.environ["QSM_DATABASE_URL"]
    return configured or None


def refuse_missing_file(url: str) -> None:
    """Raise :class:`~qsm_desktop.domain.errors.SchemaError` (``desktop.db_missing``: the path, and the
    settings page's Save that starts a new database) when ``url`` names a SQLite file that does not
    exist; nothing is created. PostgreSQL and existing files pass."""
    from qsm_desktop.domain.errors import SchemaError
    from qsm_desktop.domain.i18n import msg
    from qsm_desktop.store import db

    file = db.missing_sqlite_file(url)
    if file is not None:
        raise SchemaError(msg("desktop.db_missing", path=str(file)))


def open_services(url: str | None, *, create: bool = False):
    """Open the database behind ``url`` (password from the keyring) and build the services.

    ``url``: ``None`` opens the embedded default file, created on the first start (DESIGN §6: zero
    set-up). A SQLite file the user named (``--db``, ``QSM_DATABASE_URL``, the settings) must exist
    unless ``create`` (``--demo``, whose file is made on first use): a mistyped or moved path is
    refused (``desktop.db_missing``) instead of opening a new, empty database.

    Raises :class:`~qsm_desktop.domain.errors.QsmError` (file missing, schema newer, cannot connect, bad URL).
    """
    from qsm_desktop.domain.errors import SchemaError
    from qsm_desktop.domain.i18n import msg
    from qsm_desktop.services.bundle import build_services
    from qsm_desktop.settings import describe_database, url_with_password

    if url and not create:
        refuse_missing_file(url)
    full = url_with_password(url) if url else None
    try:
        return build_services(full)
    except SchemaError:
        raise
    except Exception as exc:  # driver errors (server down, wrong password, unreadable file)
        from qsm_desktop.domain.errors import QsmError

        if isinstance(exc, QsmError):
            raise
        log.exception("cannot open database %s", describe_database(url or ""))
        raise SchemaError(msg("db.cannot_connect", where=describe_database(url or "") or "",
                              reason=_first_line(exc))) from exc


def check_connection(url: str, *, create: bool = False) -> str:
    """Try the database behind ``url`` (``""`` = the default local file) without changing it; return a one-line report in the user's language.

    Used by the settings page's *Test connection*, and with ``create`` by its *Save* once the user
    confirmed a new database at a SQLite path that does not exist yet: the file is made and its
    schema created (``desktop.db_created``). Without ``create`` a missing file is refused and not
    made (``desktop.db_missing``). Raises :class:`~qsm_desktop.domain.errors.QsmError` when it
    cannot connect, the URL is wrong or the file is missing.
    """
    from qsm_desktop.domain.errors import QsmError, SchemaError
    from qsm_desktop.domain.i18n import msg
    from qsm_desktop.settings import describe_database, url_with_password
    from qsm_desktop.store import db

    if url and not create:  # the default file ("") is the program's own, made on the first start
        refuse_missing_file(url)
    url = url or db.default_url()
    engine = None
    try:
        engine = db.make_engine(url_with_password(url))
        if create:
            db.upgrade(engine)
            return msg("desktop.db_created", where=describe_database(url),
                       heads=", ".join(db.schema_state(engine).db_heads))
        state = db.schema_state(engine)
    except QsmError:
        raise
    except Exception as exc:  # driver errors: server down, wrong password, unreadable file
        raise SchemaError(msg("db.cannot_connect", where=describe_database(url), reason=_first_line(exc))) from exc
    finally:
        if engine is not None:
            engine.dispose()
    return msg(f"desktop.db_state.{state.state}", where=describe_database(url))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``qsm-desktop`` and ``python -m qsm_desktop``; returns the exit status.

    0: closed normally or screenshots written; 1: could not start (reason shown and logged);
    2: usage error (argparse).
    """
    options = parse_args(argv)
    if options.screenshot is not None and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # pictures need no display
    if options.scale is not None:
        os.environ["QT_SCALE_FACTOR"] = f"{options.scale:g}"  # read when the QApplication is made
    from qsm_desktop.ui.errors import setup_logging

    setup_logging()
    log.info("qsm-desktop %s starting (%s)", __version__, options)
    from qsm_desktop.settings import load_settings
    from qsm_desktop.ui.application import run

    settings = load_settings()
    url = database_url(options, settings.database_url, options.lang or settings.language)
    demo = options.demo  # the demo's file is made on first use; any other file named must exist

    def opener(chosen: str | None):
        return open_services(chosen, create=demo)

    return run(options, settings, url=url, open_services=opener, check_connection=check_connection)


if __name__ == "__main__":  # pragma: no cover - python -m qsm_desktop.app
    sys.exit(main())
