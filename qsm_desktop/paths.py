"""Where QSM Desktop finds its bundled files and keeps its own (路径).

Bundled data (``ui/``, ``resources/``, ``db/``) lives at the top of the source tree; in a built wheel
it is carried inside the package as ``qsm_desktop/_data/<name>``. User data (the default SQLite
database, backups) and logs go to the platform folders given by :mod:`platformdirs`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "QSM Desktop"
APP_AUTHOR = "QSM"

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Return the folder of bundled data ``name`` (``"ui"``, ``"resources"`` or ``"db"``).

    Looks inside the installed package first (``qsm_desktop/_data/<name>``), then at the top of
    the source tree. Raises ``FileNotFoundError`` when neither exists (a broken installation).
    """
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"QSM Desktop installation is incomplete: folder '{name}' not found")


def resource(*parts: str) -> Path:
    """Return the path of a bundled resource, e.g. ``resource("fonts", "DroidSansFallbackFull.ttf")``."""
    return data_dir("resources").joinpath(*parts)


def bundled_font() -> Path:
    """The bundled TrueType CJK font (Droid Sans Fallback, Apache-2.0) used by the window, charts and PDFs."""
    return resource("fonts", "DroidSansFallbackFull.ttf")


def user_data_dir() -> Path:
    """The per-user data folder (platformdirs), created on demand; ``QSM_DATA_DIR`` overrides it (tests)."""
    override = os.environ.get("QSM_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_log_dir() -> Path:
    """The per-user log folder (platformdirs), created on demand; ``QSM_LOG_DIR`` overrides it."""
    override = os.environ.get("QSM_LOG_DIR")
    path = Path(override) if override else Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_config_dir() -> Path:
    """The per-user settings folder (platformdirs), created on demand; ``QSM_CONFIG_DIR`` overrides it."""
    override = os.environ.get("QSM_CONFIG_DIR")
    path = Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_cache_dir() -> Path:
    """The per-user cache folder (platformdirs), created on demand; ``QSM_CACHE_DIR`` overrides it."""
    override = os.environ.get("QSM_CACHE_DIR")
    path = Path(override) if override else Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def keep_matplotlib_cache_in_bundle() -> Path | None:
    """In a PyInstaller bundle, point matplotlib's cache at ``user_cache_dir()/matplotlib``; return it.

    PyInstaller's start-up gives matplotlib a fresh temporary folder on every run (meant for
    one-file programs, which unpack to a new place each time), so each start of the installed
    program would scan every system font again — seconds on a Windows workstation. The one-folder
    bundle stays where it was installed, so its font list can be kept per user. Called by the
    entry scripts in ``installer/`` before matplotlib is imported; outside a bundle it does nothing
    and returns None (matplotlib keeps its own default folder).
    """
    if not getattr(sys, "frozen", False):
        return None
    folder = user_cache_dir() / "matplotlib"
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["MPLCONFIGDIR"] = str(folder)
    return folder
