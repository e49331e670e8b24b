"""Shared test fixtures: offscreen Qt, the bundled sample returns, fresh databases.

Databases are real: a fresh SQLite file per test, migrated through Alembic; the store and
service tests marked ``postgres`` also run on PostgreSQL when ``QSM_TEST_POSTGRES_URL`` is set.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QSM_LANG", "zh")

TESTS_DIR = Path(__file__).resolve().parent
SAMPLES_DIR = TESTS_DIR / "samples"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    """The copy of the sample returns kept in the repository (``tests/samples``)."""
    return SAMPLES_DIR


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Keep every test's user data, logs and settings in temporary folders."""
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("QSM_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("QSM_LOG_DIR", str(base / "log"))
    monkeypatch.setenv("QSM_CONFIG_DIR", str(base / "config"))
    monkeypatch.delenv("QSM_DATABASE_URL", raising=False)
    from qsm_desktop.domain import i18n

    i18n.set_language("zh")


# ----------------------------------------------------------------------------- databases
import shutil
import sys

sys.path.insert(0, str(TESTS_DIR))
import pg  # noqa: E402  (tests/pg.py)


@pytest.fixture(scope="session")
def _migrated_sqlite_template(tmp_path_factory) -> Path:
    """One SQLite file migrated to head and seeded, copied for each test (migrating is the slow part)."""
    from qsm_desktop.store import db

    file = tmp_path_factory.mktemp("template") / "template.db"
    engine = db.make_engine(f"sqlite:///{file}")
    db.upgrade(engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return file


@pytest.fixture
def sqlite_url(tmp_path, _migrated_sqlite_template) -> str:
    """A fresh, migrated and seeded SQLite database file for this test."""
    file = tmp_path / "qsm.db"
    shutil.copyfile(_migrated_sqlite_template, file)
    return f"sqlite:///{file}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=[pg.requires_postgres, pytest.mark.postgres])])
def db_url(request, tmp_path, _migrated_sqlite_template):
    """A fresh, migrated database: a SQLite file, and (when QSM_TEST_POSTGRES_URL is set) PostgreSQL."""
    if request.param == "sqlite":
        file = tmp_path / "qsm.db"
        shutil.copyfile(_migrated_sqlite_template, file)
        yield f"sqlite:///{file}"
    else:
        from qsm_desktop.store import db

        with pg.fresh_database() as url:
            engine = db.make_engine(url)
            db.upgrade(engine)
            engine.dispose()
            yield url


@pytest.fixture
def services(db_url):
    """The services bundle over :func:`db_url` (both dialects)."""
    from qsm_desktop.services.bundle import build_services

    built = build_services(db_url)
    yield built
    built.dispose()


@pytest.fixture
def sqlite_services(sqlite_url):
    """The services bundle over a fresh SQLite file only."""
    from qsm_desktop.services.bundle import build_services

    built = build_services(sqlite_url)
    yield built
    built.dispose()


@pytest.fixture
def actor(request):
    """The acting user of service tests: a head-office secretary — on PostgreSQL the database login
    of :func:`db_url` (the audit trail records the connection's login there, issue 12)."""
    from sqlalchemy.engine import make_url

    from qsm_desktop.services.context import Actor, Role

    login = "tester"
    if "db_url" in request.fixturenames:
        url = request.getfixturevalue("db_url")
        if url.startswith("postgresql"):
            login = make_url(url).username
    return Actor(login=login, role=Role.HO_SECRETARY)
