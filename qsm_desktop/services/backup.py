"""Backups (备份) — DESIGN §7 (``qsm db backup``), issue 12.

A SQLite database is copied with SQLite's online backup API: the copy is consistent (one snapshot,
taken under a read lock) even while other workstations keep working on the file, which a plain
file copy of a database in use — with its ``-wal`` file beside it — is not. The copy is created
readable and writable by its owner only (mode 0600: it holds everything, accounts included).
Restoring is copying the file back while nobody has it open; the schema check on opening tells
whether the program knows that copy's schema.

PostgreSQL is backed up with the server's own tool, ``pg_dump`` (restore with ``pg_restore``), run
by its administrator: the refusal says so.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.services.context import Actor
from qsm_desktop.services.permissions import require_rule
from qsm_desktop.store import db

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.context import Database

__all__ = ["backup_database", "postgres_advice"]

register({
    "backup.postgres": ("PostgreSQL 数据库请由数据库管理员用 pg_dump 备份（例如 pg_dump -Fc -f qsm.dump {db}），"
                        "用 pg_restore 恢复；“qsm db backup” 只用于 SQLite 数据库文件。",
                        "Back up a PostgreSQL database with pg_dump, run by its administrator (e.g. "
                        "pg_dump -Fc -f qsm.dump {db}), and restore with pg_restore; 'qsm db backup' is for "
                        "SQLite database files only."),
    "backup.exists": ("文件 {file} 已存在；备份不会覆盖已有文件，请换一个文件名。",
                      "{file} already exists; a backup never overwrites a file. Choose another name."),
    "backup.same": ("备份文件不能是数据库文件本身（{file}）。", "The backup cannot be the database file itself ({file})."),
    "backup.no_folder": ("文件夹 {folder} 不存在。", "The folder {folder} does not exist."),
    "backup.action": ("备份数据库", "back up the database"),
})


def postgres_advice(database: Database) -> str | None:
    """The sentence pointing to ``pg_dump`` when ``database`` is PostgreSQL; ``None`` for a SQLite file
    (which :func:`backup_database` copies)."""
    if db.sqlite_path(database.url) is not None:
        return None
    return msg("backup.postgres", db=database.engine.url.database or "qsm")


def backup_database(database: Database, actor: Actor, target: str | Path) -> Path:
    """Copy the open SQLite database to the new file ``target`` (mode 0600) and return its path.

    Admins and head-office secretaries only. Raises :class:`InputRefused` on PostgreSQL (use
    pg_dump), for an existing ``target``, a missing folder or the database file itself;
    :class:`PermissionDenied` for other roles.
    """
    advice = postgres_advice(database)
    if advice is not None:
        raise InputRefused(advice)
    source = db.sqlite_path(database.url)
    require_rule(actor, "backup.action")  # admins and head-office secretaries (services/permissions.py)
    target = Path(target).expanduser().absolute()
    if target.resolve() == source.resolve():
        raise InputRefused(msg("backup.same", file=source))
    if not target.parent.is_dir():
        raise InputRefused(msg("backup.no_folder", folder=target.parent))
    try:
        handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise InputRefused(msg("backup.exists", file=target)) from None
    os.close(handle)
    try:
        src = sqlite3.connect(str(source), timeout=15)
        try:
            dst = sqlite3.connect(str(target))
            try:
                src.backup(dst)  # every page in one step: one consistent snapshot
            finally:
                dst.close()
        finally:
            src.close()
        os.chmod(target, 0o600)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target
