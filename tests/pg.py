"""PostgreSQL helpers for the tests (测试用 PostgreSQL 数据库).

``QSM_TEST_POSTGRES_URL`` names a server and a database the tests may connect to as a user that may
create databases, e.g. ``postgresql+psycopg://postgres@127.0.0.1:55432/qsm_test`` (``.ci/run``
starts such a throw-away cluster and sets it). Each test that runs on PostgreSQL gets a database of
its own, ``qsm_t_<32 hex>``, created before and dropped (``WITH (FORCE)``) after the test, so tests
neither see each other's rows nor depend on order, and pytest-xdist workers can share the server.

Since issue 12 a daily-work command refuses a superuser login (PostgreSQL enforces scope with
row-level security, which a superuser bypasses). So :func:`fresh_database` by default upgrades the
new database as the superuser (``qsm db upgrade``: schema, roles, grants, policies) and creates a
head-office secretary login ``<database>_tester`` (an ordinary role: no superuser, no BYPASSRLS, not
an owner), and yields *its* URL; the tests then work as a real deployment does. ``login=False``
yields the superuser URL of an empty database instead (for tests of the set-up itself).
:func:`drop_database` drops the database's roles too (they are server-wide): the owner and group
roles and every login named ``<database>_…``.

Use from ``tests/conftest.py`` (this folder is on ``sys.path`` there)::

    import pg

    @pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pg.requires_postgres)])
    def db_url(request, tmp_path):
        if request.param == "sqlite":
            yield f"sqlite:///{tmp_path / 'qsm.db'}"
        else:
            with pg.fresh_database() as url:
                yield url
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy.engine import URL, make_url

ENV_VAR = "QSM_TEST_POSTGRES_URL"
DB_PREFIX = "qsm_t_"
SKIP_REASON = (
    f"{ENV_VAR} is not set: the PostgreSQL variant is skipped "
    "(bash .ci/run starts a throw-away server and sets it)"
)


def server_url() -> str | None:
    """The PostgreSQL URL from ``QSM_TEST_POSTGRES_URL`` (SQLAlchemy form), or ``None`` when unset/blank."""
    value = os.environ.get(ENV_VAR, "").strip()
    return value or None


def postgres_available() -> bool:
    """True when ``QSM_TEST_POSTGRES_URL`` is set (the server itself is checked on first use)."""
    return server_url() is not None


#: Mark for tests or fixture params that need PostgreSQL: skipped with a visible reason otherwise.
requires_postgres = pytest.mark.skipif(not postgres_available(), reason=SKIP_REASON)


def _libpq_conninfo(url: URL) -> str:
    """A libpq URI (``postgresql://…``) for psycopg from a SQLAlchemy URL (any ``+driver`` dropped)."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def _admin_connect(url: URL):
    """An autocommit psycopg connection to the server's maintenance database of ``url``."""
    import psycopg

    return psycopg.connect(_libpq_conninfo(url), autocommit=True, connect_timeout=10)


def create_database(base_url: str | None = None) -> str:
    """Create a new, empty database ``qsm_t_<uuid hex>`` on the server of ``base_url``.

    ``base_url``: SQLAlchemy URL of the server (default: ``QSM_TEST_POSTGRES_URL``); its database
    part is only used to connect. Returns the SQLAlchemy URL of the new database, same driver,
    user and options. Raises ``RuntimeError`` when no URL is given or set, and psycopg's errors
    when the server refuses (not running, no CREATEDB right).
    """
    from psycopg import sql

    raw = base_url or server_url()
    if raw is None:
        raise RuntimeError(SKIP_REASON)
    url = make_url(raw)
    name = f"{DB_PREFIX}{uuid.uuid4().hex}"
    with _admin_connect(url) as conn:
        conn.execute(
            sql.SQL("CREATE DATABASE {} ENCODING 'UTF8' TEMPLATE template0").format(sql.Identifier(name))
        )
    return url.set(database=name).render_as_string(hide_password=False)


def drop_database(db_url: str) -> None:
    """Drop the test database named in ``db_url`` (SQLAlchemy URL), ending its open connections.

    Connects to the server's ``postgres`` database to do it. Only databases whose name starts with
    ``qsm_t_`` are dropped (``ValueError`` otherwise), so a wrong URL cannot drop real data.
    """
    from psycopg import sql

    url = make_url(db_url)
    name = url.database or ""
    if not name.startswith(DB_PREFIX):
        raise ValueError(f"refusing to drop {name!r}: not a test database ({DB_PREFIX}…)")
    with _admin_connect(url.set(database="postgres")) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        _drop_roles(conn, name)


def _drop_roles(conn, database: str) -> None:
    """Drop the server-wide roles of the (dropped) test database ``database``: its owner and groups
    (``qsm_desktop.store.security.RoleNames``) and the logins named ``<database>_…``."""
    from psycopg import sql

    from qsm_desktop.store.security import RoleNames

    names = set(RoleNames.for_database(database).all)
    names.update(r[0] for r in conn.execute(
        "SELECT rolname FROM pg_roles WHERE left(rolname, %s) = %s", (len(database) + 1, database + "_")).fetchall())
    existing = {r[0] for r in conn.execute("SELECT rolname FROM pg_roles WHERE rolname = ANY(%s)",
                                            (sorted(names),)).fetchall()}
    for role in sorted(existing, key=lambda r: r in RoleNames.for_database(database).all):  # logins first
        conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))


TESTER_PASSWORD = "qsm-test-password"
"""Password of the fixture's head-office login (the CI cluster trusts local connections anyway)."""


def login_url(db_url: str, login: str, password: str) -> str:
    """``db_url`` (SQLAlchemy URL) with ``login``/``password`` as its user."""
    return make_url(db_url).set(username=login, password=password).render_as_string(hide_password=False)


def set_up_with_login(superuser_url: str, role: str = "ho_secretary", suffix: str = "tester") -> str:
    """Upgrade the database at ``superuser_url`` as the superuser (schema and access control), add the
    login ``<database>_<suffix>`` with ``role`` through ``services.accounts``, and return its URL."""
    from qsm_desktop.services.accounts import sign_in
    from qsm_desktop.services.bundle import build_services
    from qsm_desktop.store import db

    engine = db.make_engine(superuser_url)
    try:
        db.upgrade(engine)
    finally:
        engine.dispose()
    login = f"{make_url(superuser_url).database}_{suffix}"
    services = build_services(superuser_url)
    try:
        services.accounts.add(sign_in(services, manage=True), login, role, password=TESTER_PASSWORD)
    finally:
        services.dispose()
    return login_url(superuser_url, login, TESTER_PASSWORD)


@contextmanager
def fresh_database(base_url: str | None = None, *, login: bool = True) -> Iterator[str]:
    """Context manager: a new test database's SQLAlchemy URL; the database and its roles dropped on exit.

    ``login=True``: upgraded, and the URL is that of a head-office secretary login (not the
    superuser) — see the module docstring. ``login=False``: empty, and the URL is the superuser's.
    Dispose your engines before leaving if you can; open connections are ended by the drop anyway.
    """
    url = create_database(base_url)
    try:
        yield set_up_with_login(url) if login else url
    finally:
        drop_database(url)


def drop_stale_databases(base_url: str | None = None) -> list[str]:
    """Drop every ``qsm_t_*`` database left on the server (e.g. by an interrupted run); returns their names."""
    from psycopg import sql

    raw = base_url or server_url()
    if raw is None:
        return []
    url = make_url(raw).set(database="postgres")
    with _admin_connect(url) as conn:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT datname FROM pg_database WHERE left(datname, %s) = %s", (len(DB_PREFIX), DB_PREFIX)
            ).fetchall()
        ]
        for name in names:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
            _drop_roles(conn, name)
    return names
