"""Desktop settings kept per user (用户设置): database, language, folders — never a password.

The settings file is ``settings.json`` in :func:`qsm_desktop.paths.user_config_dir`. It holds the
database URL *without* its password; a PostgreSQL password is kept in the operating system's
keyring (Windows Credential Manager, macOS Keychain, Secret Service) through :mod:`keyring`
(DESIGN §6: shared database; issue 3 §2 设置). When no keyring backend exists (a bare Linux box,
CI), the password lives in memory for the session only and :func:`keyring_available` says so, so
the settings page can tell the user instead of failing.

Qt-free on purpose: the composition root (:mod:`qsm_desktop.app`) reads the settings before any
window exists, and tests read them without Qt.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from qsm_desktop import paths

log = logging.getLogger(__name__)

KEYRING_SERVICE = "QSM Desktop"
SETTINGS_FILE = "settings.json"
LANGUAGES = ("zh", "en")

#: Passwords given during this session when no keyring backend exists (never written to disk).
_session_passwords: dict[str, str] = {}


@dataclass(frozen=True)
class Settings:
    """What the user chose on the 设置 page.

    ``database_url``: SQLAlchemy URL without password (``sqlite:///C:/qsm/qsm.db`` or
    ``postgresql+psycopg://user@host:5432/qsm``); empty means the default SQLite file.
    ``language``: ``"zh"`` (default) or ``"en"``. Folders: where file dialogs open (returns to
    import, exports, templates); empty means the user's home folder.
    """

    database_url: str = ""
    language: str = "zh"
    import_dir: str = ""
    export_dir: str = ""
    template_dir: str = ""
    window_geometry: str = ""  # base64 of QMainWindow.saveGeometry(), written by the window
    extra: dict[str, str] = field(default_factory=dict)

    def with_changes(self, **changes: object) -> "Settings":
        """A copy with ``changes`` applied (unknown keys raise ``TypeError``)."""
        return replace(self, **changes)


def settings_path() -> Path:
    """The settings file of the current user (``QSM_CONFIG_DIR`` overrides the folder)."""
    return paths.user_config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings file; a missing or damaged file gives the defaults (and is logged).

    A password that someone typed into the URL by hand is removed on reading (moved to the keyring
    when one exists), so it never stays in the file.
    """
    path = path or settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("settings file is not a JSON object")
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("settings file %s unreadable (%s): using defaults", path, exc)
        return Settings()
    known = {f.name for f in fields(Settings)}
    values = {k: v for k, v in raw.items() if k in known}
    settings = Settings(**values)
    if settings.language not in LANGUAGES:
        settings = settings.with_changes(language="zh")
    url, password = split_password(settings.database_url)
    if password:
        store_password(url, password)
        settings = settings.with_changes(database_url=url)
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write ``settings`` (password stripped from the URL first) and return the file's path."""
    path = path or settings_path()
    url, password = split_password(settings.database_url)
    if password:
        store_password(url, password)
    data = asdict(settings.with_changes(database_url=url))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)
    return path


# --- database URL and password -------------------------------------------------------------------


def split_password(url: str) -> tuple[str, str]:
    """Split ``url`` into (URL without password, password); ``""`` when it has none."""
    if not url or "://" not in url:
        return url, ""
    parts = urlsplit(url)
    if parts.password is None:
        return url, ""
    user = parts.username or ""
    host = parts.hostname or ""
    netloc = f"{quote(unquote(user), safe='')}@{host}" if user else host
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment)), unquote(parts.password)


def keyring_account(url: str) -> str:
    """The keyring entry name of a server URL: ``user@host:port/database``."""
    parts = urlsplit(url)
    return f"{parts.username or ''}@{parts.hostname or ''}:{parts.port or ''}{parts.path}"


def keyring_available() -> bool:
    """Whether a usable OS keyring backend exists (the ``fail`` backend does not count)."""
    try:
        import keyring
        from keyring.backends import fail

        return not isinstance(keyring.get_keyring(), fail.Keyring)
    except Exception:  # a broken keyring installation must not stop the program
        log.exception("keyring backend check failed")
        return False


def store_password(url: str, password: str) -> bool:
    """Keep ``password`` for server ``url``: in the keyring, else for this session only.

    Returns True when it went into the keyring (persisted), False when kept in memory.
    """
    account = keyring_account(url)
    _session_passwords[account] = password
    if not keyring_available():
        return False
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, account, password)
        return True
    except Exception as exc:  # keyring.errors.KeyringError and backend-specific errors
        log.warning("could not store the password in the keyring: %s", exc)
        return False


def load_password(url: str) -> str:
    """The password kept for server ``url`` (keyring first, then this session), or ``""``."""
    account = keyring_account(url)
    if keyring_available():
        try:
            import keyring

            found = keyring.get_password(KEYRING_SERVICE, account)
            if found:
                return found
        except Exception as exc:
            log.warning("could not read the password from the keyring: %s", exc)
    return _session_passwords.get(account, "")


def url_with_password(url: str) -> str:
    """``url`` with its kept password put back in (for connecting); unchanged for SQLite."""
    if not url or url.startswith("sqlite") or "://" not in url:
        return url
    bare, typed = split_password(url)
    password = typed or load_password(bare)
    if not password:
        return bare
    parts = urlsplit(bare)
    user = parts.username or ""
    netloc = f"{quote(unquote(user), safe='')}:{quote(password, safe='')}@{parts.hostname or ''}"
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def login_url(url: str, login: str, password: str = "") -> str:
    """Server ``url`` with ``login`` as its user (and ``password`` when given): on PostgreSQL the
    person's login *is* the connection's user (DESIGN §6). A SQLite URL is returned unchanged."""
    if not url or url.startswith("sqlite") or "://" not in url:
        return url
    parts = urlsplit(split_password(url)[0])
    netloc = quote(login.strip(), safe="")
    if password:
        netloc += ":" + quote(password, safe="")
    netloc += "@" + (parts.hostname or "")
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def login_keyring_account(url: str, login: str) -> str:
    """The keyring entry of ``login``'s password on database ``url``: ``login@host:port/database``
    for a server (the same entry the settings page keeps), ``login@sqlite:<file>`` for a SQLite file."""
    if url and not url.startswith("sqlite") and "://" in url:
        return keyring_account(login_url(url, login))
    path = url.split(":///", 1)[1] if url and ":///" in url else (url or "default")
    return f"{login.strip()}@sqlite:{path}"


def remember_login_password(url: str, login: str, password: str) -> bool:
    """Keep ``login``'s password for ``url`` in the OS keyring ("remember password" on the login
    dialog). Returns False (and keeps nothing anywhere) when no keyring backend is usable."""
    if not keyring_available():
        return False
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, login_keyring_account(url, login), password)
        return True
    except Exception as exc:  # keyring.errors.KeyringError and backend-specific errors
        log.warning("could not store the password in the keyring: %s", type(exc).__name__)
        return False


def remembered_login_password(url: str, login: str) -> str:
    """The password the keyring keeps for ``login`` on ``url``, or ``""`` (none, or no keyring)."""
    if not login or not keyring_available():
        return ""
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, login_keyring_account(url, login)) or ""
    except Exception as exc:
        log.warning("could not read the password from the keyring: %s", type(exc).__name__)
        return ""


def forget_login_password(url: str, login: str) -> None:
    """Remove a kept password of ``login`` on ``url`` from the keyring (nothing kept: nothing done)."""
    if not login or not keyring_available():
        return
    try:
        import keyring
        from keyring.errors import PasswordDeleteError

        try:
            keyring.delete_password(KEYRING_SERVICE, login_keyring_account(url, login))
        except PasswordDeleteError:
            pass  # nothing was kept
    except Exception as exc:
        log.warning("could not remove the password from the keyring: %s", type(exc).__name__)


def describe_database(url: str) -> str:
    """A short, password-free label of a database for the status bar.

    ``sqlite:///C:/qsm/qsm.db`` → ``qsm.db``; ``postgresql+psycopg://u@srv:5432/qsm`` → ``qsm@srv``.
    """
    if not url:
        return ""
    if url.startswith("sqlite"):
        path = url.split(":///", 1)[1] if ":///" in url else url
        return Path(path).name or path
    parts = urlsplit(split_password(url)[0])
    return f"{parts.path.lstrip('/')}@{parts.hostname or ''}"
