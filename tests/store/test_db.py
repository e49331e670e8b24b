"""The store on real databases: migrations, schema checks, seeding, optimistic locking, audit."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, select, text

from qsm_desktop.domain.errors import ConflictError, SchemaError
from qsm_desktop.services.audit import audit
from qsm_desktop.services.bundle import build_services
from qsm_desktop.store import db
from qsm_desktop.store.models import AuditEntry, CertificateType, OrgUnit, PlanTarget, Post, PostCategory


def test_upgrade_creates_schema_and_seeds(db_url):
    engine = db.make_engine(db_url)
    try:
        assert db.schema_state(engine).state == "current"
        tables = set(db.table_names(engine))
        assert {"org_units", "staff", "certificates", "import_batches", "audit_log", "plan_targets"} <= tables
        with db.session_factory(engine)() as s:
            assert s.scalar(select(func.count()).select_from(PostCategory)) == 5
            assert s.scalar(select(Post.category_code).where(Post.name == "大堂经理")) == "retail_sales"
            assert s.scalar(select(func.count()).select_from(CertificateType)) == 5
            teller_2007 = s.scalar(select(PlanTarget.value).where(PlanTarget.metric == "cert_rate_teller", PlanTarget.year == 2007))
            assert teller_2007 == 80
    finally:
        engine.dispose()


def test_upgrade_is_idempotent_and_keeps_edits(db_url):
    engine = db.make_engine(db_url)
    try:
        with db.session_factory(engine).begin() as s:
            target = s.scalars(select(PlanTarget).where(PlanTarget.metric == "cert_rate_teller", PlanTarget.year == 2007)).one()
            target.value = 85
        assert db.upgrade(engine).state == "current"
        with db.session_factory(engine)() as s:
            assert s.scalar(select(func.count()).select_from(PostCategory)) == 5
            assert s.scalar(select(PlanTarget.value).where(PlanTarget.metric == "cert_rate_teller", PlanTarget.year == 2007)) == 85
    finally:
        engine.dispose()


def test_newer_database_is_refused(db_url):
    engine = db.make_engine(db_url)
    with engine.begin() as conn:
        # one head row replaced (with wave-2 feature branches the table holds several heads)
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future' "
                          "WHERE version_num = (SELECT MIN(version_num) FROM alembic_version)"))
    engine.dispose()
    with pytest.raises(SchemaError) as info:
        build_services(db_url)
    assert "新" in str(info.value) and "9999_from_the_future" in str(info.value)


def test_empty_sqlite_file_is_created_on_open(tmp_path):
    url = f"sqlite:///{tmp_path / 'sub' / 'new.db'}"
    services = build_services(url)
    try:
        assert db.schema_state(services.engine).state == "current"
    finally:
        services.dispose()


def test_sqlite_pragmas(sqlite_url):
    engine = db.make_engine(sqlite_url)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 15000
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        engine.dispose()


def test_backup_copy_is_a_working_database(tmp_path, sqlite_url):
    file = db.sqlite_path(sqlite_url)
    copy = db.backup_sqlite(file, "0001")
    assert copy is not None and copy.exists() and copy != file
    with sqlite3.connect(copy) as conn:
        assert conn.execute("select count(*) from post_categories").fetchone()[0] == 5


def test_resolve_url_order(monkeypatch, tmp_path):
    monkeypatch.setenv("QSM_DATABASE_URL", "postgresql://u@h/d")
    assert db.resolve_url("sqlite:///x.db") == "sqlite:///x.db"
    # a plain file path, as a secretary would type it, is that SQLite file (absolute)
    plain = db.resolve_url(str(tmp_path / "质量办" / "qsm.db"))
    assert plain == "sqlite:///" + (tmp_path / "质量办" / "qsm.db").resolve().as_posix()
    assert db.sqlite_path(plain) == (tmp_path / "质量办" / "qsm.db").resolve()
    assert db.resolve_url(None) == "postgresql+psycopg://u@h/d"
    monkeypatch.delenv("QSM_DATABASE_URL")
    assert db.resolve_url(None).startswith("sqlite:///") and db.resolve_url(None).endswith("qsm.db")
    with pytest.raises(SchemaError):
        db.resolve_url("mysql://x/y")


def _add_unit(services, actor, code="110000", name="北京分行"):
    with services.unit_of_work() as s:
        unit = OrgUnit(code=code, name=name, type="分行", path=f"/{code}/", status="正常")
        s.add(unit)
        s.flush()
        audit(s, actor, "org_unit", code, "create", after={"name": name})
        return unit.id


def test_concurrent_edits_are_detected(services, actor):
    unit_id = _add_unit(services, actor)
    first = services.sessions()
    second = services.sessions()
    try:
        a = first.get(OrgUnit, unit_id)
        b = second.get(OrgUnit, unit_id)
        a.name = "北京分行（甲）"
        first.commit()
        b.name = "北京分行（乙）"
        with pytest.raises(Exception) as info:
            second.commit()
        assert "StaleData" in type(info.value).__name__
    finally:
        first.close()
        second.close()
    with pytest.raises(ConflictError):
        with services.unit_of_work() as s:
            stale = OrgUnit(id=unit_id, code="110000", name="x", type="分行", path="/110000/", status="正常", version=1)
            s.merge(stale)
    with services.read() as s:
        assert s.get(OrgUnit, unit_id).name == "北京分行（甲）"


def test_audit_entries_are_written(services, actor):
    _add_unit(services, actor)
    with services.read() as s:
        # (on PostgreSQL the fixture's login was itself created, and audited, as an account)
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity != "account")).one()
    assert (entry.login, entry.entity, entry.entity_id, entry.action) == (actor.login, "org_unit", "110000", "create")
    assert entry.after == {"name": "北京分行"}


def test_unreachable_server_is_a_sentence_not_a_traceback(capsys):
    from qsm_desktop import cli

    code = cli.main(["--db", "postgresql://nobody@127.0.0.1:1/x", "db", "upgrade"])
    err = capsys.readouterr().err
    assert code == 1
    assert "无法连接数据库" in err and "127.0.0.1" in err and "Traceback" not in err and "内部错误" not in err
