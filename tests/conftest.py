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
