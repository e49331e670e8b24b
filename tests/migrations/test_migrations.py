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
from qsm_desktop.store.models import Base, Staff, import_all

FROZEN = sorted((Path(__file__).parent / "frozen").glob("qsm_*.db"))


def test_models_match_migrations(db_url):
    """A database built by the migrations has exactly the tables and columns the models declare."""
    import_all()  # the feature modules register their tables when first imported
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


def test_missing_returns_move_from_the_quarter_to_each_units_result(tmp_path):
    """Migration 0010 (DESIGN §6): a quarter's list of missing returns, one JSON column of
    ``evaluation_periods`` that every reader of the quarter read whole, is moved unit by unit onto
    ``unit_scores.missing_returns`` (scoped like the unit's result), and the column is dropped."""
    import json

    from alembic import command
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(f"sqlite:///{tmp_path / 'q.db'}")
    try:
        command.upgrade(db.alembic_config(engine), "0008")
        listed = [{"unit": "310000", "kind": "quarterly", "message": "未报送2007Q4服务质量季度报表"},
                  {"unit": "110000", "kind": "training", "message": "培训记录不全"},
                  {"unit": "310000", "kind": "certification", "message": "没有员工名册"}]
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO evaluation_periods (id, period, system_id, status, complete, "
                              "accepted_incomplete, missing_returns, computed_by, computed_at, version) VALUES "
                              "(1, '2007Q4', 1, 'draft', 0, 0, :m, 'x', '2008-01-10 00:00:00', 1)"),
                         {"m": json.dumps(listed, ensure_ascii=False)})
            for sid, code in ((1, "310000"), (2, "110000"), (3, "320000")):
                conn.execute(text("INSERT INTO unit_scores (id, period_id, org_unit_id, org_code, unit_name, unit_type, "
                                  "total, complete) VALUES (:i, 1, :i, :c, 'x', '分行', 80, 1)"), {"i": sid, "c": code})
        command.upgrade(db.alembic_config(engine), "heads")
        with engine.connect() as conn:
            moved = {code: json.loads(m) if m else None for code, m in conn.execute(
                text("SELECT org_code, missing_returns FROM unit_scores"))}
        assert moved == {"310000": [{"kind": "quarterly", "message": "未报送2007Q4服务质量季度报表"},
                                    {"kind": "certification", "message": "没有员工名册"}],
                         "110000": [{"kind": "training", "message": "培训记录不全"}], "320000": None}
        assert "missing_returns" not in {c["name"] for c in inspect(engine).get_columns("evaluation_periods")}
    finally:
        engine.dispose()
