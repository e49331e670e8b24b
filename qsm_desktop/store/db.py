"""Database connection, schema check and migrations (数据库连接与迁移) — DESIGN §6.

One SQL database is shared by the office: a SQLite file by default (one workstation, zero set-up)
or PostgreSQL (shared use). The URL comes from ``--db URL``, else ``QSM_DATABASE_URL``, else the
default SQLite file in the platformdirs user data folder.

Schema changes are Alembic migrations kept in the bundled ``db/`` folder. :func:`upgrade` creates or
upgrades the schema (for SQLite after a backup copy of the file) and seeds reference data;
:func:`schema_state` tells whether the database is empty, older, current or newer than this
program — a newer one is refused (:class:`~qsm_desktop.domain.errors.SchemaError`).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from qsm_desktop import paths
from qsm_desktop.domain.errors import SchemaError
from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.privacy import create_private_file, mask_password

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

register({
    "db.newer": (
        "数据库版本（{db}）比本程序新，本程序只认识到 {head}。请先升级 QSM Desktop 再打开此数据库。",
        "The database schema ({db}) is newer than this program knows (up to {head}). "
        "Upgrade QSM Desktop before opening this database.",
    ),
    "db.needs_upgrade": (
        "数据库结构需要升级（当前 {db}，需要 {head}）。请管理员运行 “qsm db upgrade”。",
        "The database schema needs an upgrade (it is at {db}, this program needs {head}). "
        "Ask the administrator to run 'qsm db upgrade'.",
    ),
    "db.bad_url": (
        "无法识别数据库地址“{url}”。请使用 sqlite:///文件路径 或 postgresql://用户@主机/库名。",
        "Cannot understand the database address '{url}'. Use sqlite:///path/to/file.db or "
        "postgresql://user@host/dbname.",
    ),
    "db.busy_open": (
        "数据库 {where} 正忙（另一个程序正在写入或升级它），等待超时；没有做任何更改，请稍后重试。",
        "The database {where} stayed busy (another program is writing to or upgrading it) longer than the "
        "wait; nothing was changed. Try again in a moment.",
    ),
    "db.cannot_connect": (
        "无法连接数据库 {where}：{reason}。请检查地址、网络和密码。",
        "Cannot connect to the database {where}: {reason}. Check the address, the network and the password.",
    ),
})

DEFAULT_DB_NAME = "qsm.db"


def default_url() -> str:
    """The embedded default: ``sqlite:///<user data folder>/qsm.db``."""
    return f"sqlite:///{paths.user_data_dir() / DEFAULT_DB_NAME}"


def resolve_url(url: str | None = None) -> str:
    """Pick the database URL: ``url`` (``--db``) > ``QSM_DATABASE_URL`` > :func:`default_url`.

    ``postgresql://`` and ``postgres://`` are mapped to the psycopg 3 driver; a plain file path
    (``D:\\质量办\\qsm.db``, ``~/qsm.db`` — no ``://``) means that SQLite file. Raises
    :class:`SchemaError` (a ``QsmError``) for an address that is neither SQLite nor PostgreSQL.
    """
    chosen = url or os.environ.get("QSM_DATABASE_URL") or default_url()
    if "://" not in chosen and chosen.strip():
        chosen = "sqlite:///" + Path(chosen.strip()).expanduser().resolve().as_posix()
    if chosen.startswith("postgres://"):
        chosen = "postgresql://" + chosen[len("postgres://"):]
    if chosen.startswith("postgresql://"):
        chosen = "postgresql+psycopg://" + chosen[len("postgresql://"):]
    try:
        parsed = make_url(chosen)
    except Exception:  # sqlalchemy.exc.ArgumentError and friends (their text repeats the URL, password too)
        raise SchemaError(msg("db.bad_url", url=mask_password(chosen))) from None
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise SchemaError(msg("db.bad_url", url=mask_password(chosen)))
    return chosen


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (``None`` for in-memory databases and other dialects)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def missing_sqlite_file(url: str | None = None) -> Path | None:
    """The SQLite file ``url`` names (resolved as :func:`resolve_url`: ``--db`` >
    ``QSM_DATABASE_URL`` > the default file) when that file does not exist yet; ``None`` when it
    exists, or the URL is an in-memory database or PostgreSQL. Nothing is created or opened —
    :func:`make_engine` would create the file (and its folder), which is what a caller that must
    not make a new database by mistake (every ``qsm`` command but ``db upgrade`` and ``demo``)
    checks first. Raises :class:`SchemaError` for an address that is neither SQLite nor PostgreSQL.
    """
    file = sqlite_path(resolve_url(url))
    if file is None or file.exists():
        return None
    return file


def is_network_path(path: Path) -> bool:
    """Whether ``path`` lies on a network share, where SQLite's locking (and WAL) is unsafe.

    Windows: UNC paths and mapped network drives (``GetDriveTypeW == DRIVE_REMOTE``). Elsewhere:
    the mount's file system type from ``/proc/mounts`` (nfs, cifs, smb, sshfs …).
    """
    resolved = path.resolve()
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        text = str(resolved)
        if text.startswith("\\\\"):
            return True
        import ctypes

        drive = os.path.splitdrive(text)[0] + "\\"
        return ctypes.windll.kernel32.GetDriveTypeW(drive) == 4  # DRIVE_REMOTE
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return False
    best, best_type = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3 and str(resolved).startswith(parts[1]) and len(parts[1]) > len(best):
            best, best_type = parts[1], parts[2]
    return best_type.split(".")[0] in {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse", "sshfs", "9p"}


BUSY_SECONDS = 15
"""How long a SQLite statement waits for another program's write lock before it is refused."""


def make_engine(url: str | None = None) -> Engine:
    """Create the engine for ``url`` (resolved by :func:`resolve_url`).

    SQLite: ``foreign_keys=ON``, ``busy_timeout`` 15 s, WAL only when the file is on a local disk
    (a warning is logged for a network share — use PostgreSQL there). The parent folder of a new
    SQLite file is created, and the file itself readable by the user only (0600 on POSIX, issue 11
    §9; SQLite gives its -wal/-shm files the same permissions).
    """
    resolved = resolve_url(url)
    file = sqlite_path(resolved)
    if file is None:
        return create_engine(resolved, pool_pre_ping=True, future=True, hide_parameters=True)
    file.parent.mkdir(parents=True, exist_ok=True)
    if "mode=ro" not in resolved:
        create_private_file(file)
    use_wal = not is_network_path(file.parent)
    if not use_wal:
        log.warning("SQLite database %s is on a network share: WAL is off; use PostgreSQL for shared use", file)
    engine = create_engine(resolved, connect_args={"timeout": BUSY_SECONDS}, future=True, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # pragma: no cover - trivial
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_SECONDS * 1000}")
        if use_wal:
            _set_wal(cur)
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """A session factory whose objects stay readable after commit (services return DTOs anyway)."""
    return sessionmaker(engine, expire_on_commit=False, future=True)


def is_busy(exc: BaseException) -> bool:
    """Whether ``exc`` says the database stayed locked longer than the wait: SQLite's ``database is
    locked``/``busy``, a PostgreSQL lock or statement timeout."""
    text = str(getattr(exc, "orig", exc)).lower()
    return isinstance(exc, OperationalError) and any(
        word in text for word in ("database is locked", "database table is locked", "busy", "lock timeout",
                                  "canceling statement due to lock timeout"))


# ----------------------------------------------------------------------------- migrations

#: The migration heads of this program (``db/versions``): a database at exactly these revisions is
#: current, which start-up checks with one query and without importing Alembic (0.6–0.8 s of the
#: window's start). A test compares it with Alembic's own view, so a new migration updates it.
CODE_HEADS = frozenset({"0002", "0004", "0005", "0006", "0010"})


def alembic_config(engine: Engine | None = None) -> Config:
    """Alembic configuration pointing at the bundled ``db/`` folder (works from a wheel too)."""
    from alembic.config import Config

    folder = paths.data_dir("db")
    cfg = Config()
    cfg.set_main_option("script_location", str(folder))
    cfg.set_main_option("version_locations", str(folder / "versions"))
    cfg.set_main_option("path_separator", "os")
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def code_heads() -> set[str]:
    """The migration heads this program knows (read by Alembic from ``db/versions``)."""
    from alembic.script import ScriptDirectory

    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def known_revisions() -> set[str]:
    """Every migration revision this program knows."""
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def _database_heads(conn) -> set[str]:
    """The revisions recorded in the database's ``alembic_version`` table (empty set: none)."""
    if not inspect(conn).has_table("alembic_version"):
        return set()
    return {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}


@dataclass(frozen=True)
class SchemaState:
    """Where a database stands against this program's migrations.

    ``state``: ``"empty"`` (no schema yet), ``"older"`` (upgrade needed), ``"current"`` or
    ``"newer"`` (made by a newer program — refuse). ``db_heads``/``code_heads`` are revision ids.
    """

    state: str
    db_heads: tuple[str, ...]
    code_heads: tuple[str, ...]


def connection_refused(engine: Engine, exc: Exception) -> SchemaError:
    """The user-facing refusal for a database that cannot be reached (server down, wrong host or password)."""
    from qsm_desktop.settings import describe_database

    reason = str(getattr(exc, "orig", exc) or exc).strip().splitlines()[0][:200]
    where = describe_database(engine.url.render_as_string(hide_password=True))
    if is_busy(exc):  # reached, but another program held it longer than the wait: no address to check
        return SchemaError(msg("db.busy_open", where=where))
    return SchemaError(msg("db.cannot_connect", where=where, reason=reason))


def schema_state(engine: Engine) -> SchemaState:
    """Compare the database's Alembic revisions with the program's (DESIGN §6).

    Raises :class:`SchemaError` with a sentence when the database cannot be reached.
    """
    try:
        with engine.connect() as conn:
            return schema_state_of(conn)
    except OperationalError as exc:
        raise connection_refused(engine, exc) from exc


def schema_state_of(conn) -> SchemaState:
    """:func:`schema_state` on an open connection (inside the caller's transaction)."""
    current = _database_heads(conn)
    if current == CODE_HEADS:  # the everyday case, decided without Alembic
        return SchemaState("current", tuple(sorted(current)), tuple(sorted(CODE_HEADS)))
    heads = code_heads()
    if not current:
        state = "empty"
    elif current - known_revisions():
        state = "newer"
    elif current == heads:
        state = "current"
    else:
        state = "older"
    return SchemaState(state, tuple(sorted(current)), tuple(sorted(heads)))


def ensure_not_newer(state: SchemaState) -> None:
    """Raise :class:`SchemaError` when the database was made by a newer QSM Desktop."""
    if state.state == "newer":
        raise SchemaError(msg("db.newer", db=", ".join(state.db_heads), head=", ".join(state.code_heads)))


def backup_sqlite(file: Path, label: str) -> Path | None:
    """Copy a SQLite database (online backup API, safe while others read) next to it before an upgrade.

    The copy is readable by the user only (0600 on POSIX, issue 11 §9). Returns the backup's path,
    or ``None`` when the file does not exist or is empty.
    """
    if not file.exists() or file.stat().st_size == 0:
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = file.with_name(f"{file.stem}.backup-{stamp}-{label}{file.suffix}")
    create_private_file(target)
    src = sqlite3.connect(str(file))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    log.info("backed up %s to %s before upgrading", file, target)
    return target


def _migrate_on(conn) -> None:
    """Run the migrations to the heads on the open connection ``conn`` (inside its transaction)."""
    from alembic import command

    cfg = alembic_config()
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "heads")


UPGRADE_WAIT_SECONDS = 120
"""How long a second program waits for another one's upgrade of the same SQLite file."""


def upgrade(engine: Engine) -> SchemaState:
    """Create or upgrade the schema to this program's heads, then seed reference data (idempotent).

    PostgreSQL: also the roles, grants and row-level security (:func:`qsm_desktop.store.security.upgrade`,
    one transaction; the superuser or the owner role must run it). SQLite: one transaction holding
    the database's own write lock (:func:`_upgrade_sqlite`); a file that already holds a schema is
    backed up first. Raises :class:`SchemaError` for a database newer than this program, or when
    another program kept the SQLite file busy longer than :data:`UPGRADE_WAIT_SECONDS`. Returns the
    state before the upgrade (as found under the lock: a program that waited for another's upgrade
    gets ``"current"``).
    """
    if engine.dialect.name == "postgresql":  # migrations, roles, grants and row-level security together
        from qsm_desktop.store import security

        before = schema_state(engine)
        ensure_not_newer(before)
        security.upgrade(engine, lambda conn: schema_state_of(conn).state == "current", _migrate_on)
        return before
    return _upgrade_sqlite(engine)


def _upgrade_sqlite(engine: Engine) -> SchemaState:
    """Upgrade a SQLite database in one ``BEGIN IMMEDIATE`` transaction on one connection.

    The lock is the database's own write lock, so nothing is left beside the file (the former
    ``<file>.upgrade-lock`` stayed there for good) and it ends with the transaction, even when the
    program is killed. Two programs upgrading one file at once (two ``qsm import`` on a new file,
    issue 14): the second waits for the lock (up to :data:`UPGRADE_WAIT_SECONDS`), then reads the
    schema anew and finds it current — the migrations run once. Readers are not blocked (WAL, and
    a reserved lock in rollback-journal mode), so the backup copy of an older file is read while
    the lock is held, before anything is written.
    """
    from sqlalchemy.orm import Session

    from qsm_desktop.store import seed

    with engine.connect() as conn:
        conn.exec_driver_sql(f"PRAGMA busy_timeout={UPGRADE_WAIT_SECONDS * 1000}")
        try:
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            except OperationalError as exc:
                if is_busy(exc):  # another program held the file longer than the wait
                    from qsm_desktop.settings import describe_database

                    raise SchemaError(msg("db.busy_open", where=describe_database(str(engine.url)))) from exc
                raise
            before = schema_state_of(conn)
            ensure_not_newer(before)
            if before.state != "current":
                file = sqlite_path(str(engine.url))
                if file is not None and before.state == "older":
                    backup_sqlite(file, "-".join(before.db_heads) or "empty")
                _migrate_on(conn)
            with Session(bind=conn) as session:  # joins the connection's transaction; committed below
                seed.seed_reference_data(session)
                session.flush()
            conn.commit()
        finally:
            conn.rollback()  # nothing left open when a step failed (no-op after the commit)
            conn.exec_driver_sql(f"PRAGMA busy_timeout={BUSY_SECONDS * 1000}")  # as every connection
            conn.commit()
    return before


def _set_wal(cursor) -> None:
    """Switch a new connection to WAL. Changing the journal mode does not wait on the busy timeout:
    while another program creates a new file's tables (rollback journal) it fails at once with
    "database is locked", so it is tried again for up to 15 s, as every other statement waits."""
    for attempt in range(150):
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == 149:
                raise
            time.sleep(0.1)


def open_database(url: str | None = None, *, auto_upgrade: bool = True) -> Engine:
    """Open the database for the app or the CLI: check the schema, upgrade a local SQLite file.

    - newer than the program → :class:`SchemaError`;
    - empty or older SQLite → upgraded (after a backup copy);
    - older PostgreSQL → :class:`SchemaError` asking for ``qsm db upgrade`` unless the schema is
      empty (then it is created) — a shared server is upgraded deliberately by its admin.
    """
    engine = make_engine(url)
    state = schema_state(engine)
    ensure_not_newer(state)
    if state.state == "current":
        return engine
    if engine.dialect.name == "sqlite" or state.state == "empty":
        if auto_upgrade:
            upgrade(engine)
            return engine
    raise SchemaError(msg("db.needs_upgrade", db=", ".join(state.db_heads) or "-", head=", ".join(state.code_heads)))


def table_names(engine: Engine) -> list[str]:
    """Names of the tables present (for diagnostics and tests)."""
    return inspect(engine).get_table_names()
