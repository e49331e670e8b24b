"""Secrets stay secret, data files stay private (保密与文件权限) — issue 11 §9, STYLE.md "Security".

- :func:`mask_password` hides the password of every URL in a text (``postgresql://u:***@host/db``);
  :class:`MaskingFormatter` applies it to every line the log writes — messages, arguments and
  tracebacks alike — so a ``--db`` URL typed with its password never reaches the log that the
  internal-error message asks the user to send to support.
- :func:`create_private_file` creates a file readable and writable by its owner only (0600 on POSIX,
  whatever the umask); :class:`PrivateRotatingFileHandler` keeps the log and its rotated copies so.
  New SQLite databases and their backups are created through it (:mod:`qsm_desktop.store.db`);
  SQLite gives its -wal/-shm/-journal files the database file's permissions. On Windows the files
  live in the user's profile, whose ACL already keeps other users out.

Qt-free and SQL-free: the CLI, the window and the store use it.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
from pathlib import Path

__all__ = ["MaskingFormatter", "PrivateRotatingFileHandler", "create_private_file", "make_private", "mask_password"]

PRIVATE_MODE = 0o600

_URL_PASSWORD = re.compile(
    r"(?P<head>\b[A-Za-z][A-Za-z0-9+.\-]*://[^\s:/@'\"]*:)(?P<password>[^\s'\"]*)(?P<at>@)(?=[^\s@/'\"]*(?:[/?\s'\"]|$))")
_PASSWORD_WORD = re.compile(r"(?i)(?P<head>\bpassword\s*[=:]\s*['\"]?)(?P<password>[^\s'\"&;]+)")


def mask_password(text: str) -> str:
    """``text`` with the password of every ``scheme://user:password@host`` URL, and every
    ``password=…`` pair (libpq connection strings), replaced by ``***``."""
    if "@" in text:
        text = _URL_PASSWORD.sub(lambda m: f"{m['head']}***{m['at']}" if m["password"] else m[0], text)
    if "assword" in text or "ASSWORD" in text:
        text = _PASSWORD_WORD.sub(lambda m: f"{m['head']}***", text)
    return text


class MaskingFormatter(logging.Formatter):
    """A log formatter whose every formatted record — message, traceback, stack — has its passwords
    masked (:func:`mask_password`)."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_password(super().format(record))


def make_private(path: str | Path) -> None:
    """Make an existing file readable and writable by its owner only (POSIX; nothing on Windows)."""
    if os.name == "posix":
        os.chmod(path, PRIVATE_MODE)


def create_private_file(path: str | Path) -> bool:
    """Create ``path`` empty with mode 0600 (POSIX) unless it exists; return True when created.

    The mode is set with ``fchmod`` after creating, so no umask makes it wider or narrower. The
    parent folder must exist. Raises ``OSError`` when the file cannot be created.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags, PRIVATE_MODE)
    except FileExistsError:
        return False
    try:
        if os.name == "posix":
            os.fchmod(fd, PRIVATE_MODE)
    finally:
        os.close(fd)
    return True


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file (and each file it rotates to) readable by its owner only, lines masked by
    :class:`MaskingFormatter` unless another formatter is set."""

    def __init__(self, filename: str | Path, **kwargs) -> None:
        super().__init__(filename, **kwargs)
        self.setFormatter(MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))

    def _open(self):
        create_private_file(self.baseFilename)
        make_private(self.baseFilename)  # a log left by an older version, created world-readable
        return super()._open()

    def setFormatter(self, fmt: logging.Formatter | None) -> None:  # noqa: N802 (logging's name)
        """Set ``fmt``, wrapped so its output is masked too."""
        if fmt is not None and not isinstance(fmt, MaskingFormatter):
            fmt = _Masked(fmt)
        super().setFormatter(fmt)


class _Masked(logging.Formatter):
    def __init__(self, inner: logging.Formatter) -> None:
        super().__init__()
        self.inner = inner

    def format(self, record: logging.LogRecord) -> str:
        return mask_password(self.inner.format(record))
