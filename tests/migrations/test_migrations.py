"""Migrations: the models and the migrations agree, and every frozen released schema upgrades.

A frozen database of each released schema lives in ``tests/migrations/frozen/qsm_<rev>.db`` (made
by that release, holding the org list and one certification return); it must upgrade to the
current heads with its data intact and a backup copy beside it (DESIGN §6, STYLE "Data").
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select

from qsm_desktop.services.bundle import build_services
from qsm_desktop.store import db
from qsm_desktop.store.models import Base, Staff

FROZEN = sorted((Path(__file__).parent / "frozen").glob("qsm_*.db"))


def test_models_match_migrations(db_url):
    """A database built by the migrations has exactly the tables and columns the models declare."""
    engine = db.make_engine(db_url)
    try:
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    finally:
        engine.dispose()
    assert diff == [], f"models and migrations differ — add a migration in db/versions: {diff}"


def test_heads_are_known_revisions():
    assert db.code_heads(), "no migration heads"
    assert db.code_heads() <= db.known_revisions()
    # start-up's quick check (no Alembic import) must name the same heads as Alembic does:
    # a new migration updates store.db.CODE_HEADS
    assert db.CODE_HEADS == db.code_heads()


@pytest.mark.parametrize("frozen", FROZEN, ids=[f.stem for f in FROZEN])
def test_frozen_release_upgrades_with_data(frozen, tmp_path):
    copy = tmp_path / frozen.name
    shutil.copyfile(frozen, copy)
    services = build_services(f"sqlite:///{copy}")
    try:
        assert db.schema_state(services.engine).state == "current"
        with services.read() as session:
            assert session.scalar(select(func.count()).select_from(Staff)) == 70
    finally:
        services.dispose()
    backups = list(tmp_path.glob(f"{copy.stem}.backup-*"))
    if frozen.stem.split("_", 1)[1] not in db.code_heads():
        assert backups, "an older SQLite database must be backed up before its upgrade"
