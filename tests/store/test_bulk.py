"""The bulk writer's SQLite paths (``store/bulk.py``, issue 14 item 5, BENCHMARKS.md "Import"):
multi-row ``INSERT … VALUES`` statements store exactly what a row-by-row ``executemany`` stores, in
statements the file's variable limit allows, all or nothing per statement; ``pairs`` reads the same
``{key: value}`` as a plain ``SELECT``. Real SQLite files."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from sqlalchemy import Column, Date, Float, Integer, MetaData, String, Table, create_engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from qsm_desktop.store import bulk

metadata = MetaData()
scratch = Table("scratch", metadata,
                Column("id", Integer, primary_key=True),
                Column("code", String(20), unique=True, nullable=False),
                Column("name", String(50)),
                Column("day", Date),
                Column("score", Float),
                Column("version", Integer, nullable=False))


def _rows(count: int) -> list[dict]:
    return [{"code": f"C{i:07d}", "name": None if i % 7 == 0 else f"员工{i}'\"; --", "version": 1,
             "day": None if i % 5 == 0 else dt.date(2007, 1, 1) + dt.timedelta(days=i % 400),
             "score": None if i % 3 == 0 else i / 7} for i in range(count)]


@pytest.fixture
def engine(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'bulk.db'}")
    metadata.create_all(engine)
    yield engine
    engine.dispose()


def _stored(engine) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(select(scratch).order_by(scratch.c.id))]


@pytest.mark.parametrize("count", [1, 2, bulk.ROWS_PER_STATEMENT, bulk.ROWS_PER_STATEMENT * 2 + 17])
def test_values_lists_store_what_executemany_stores(engine, tmp_path, count):
    rows = _rows(count)
    with Session(engine) as session, session.begin():
        bulk.insert_many(session, scratch, [dict(r) for r in rows])
    other = create_engine(f"sqlite:///{tmp_path / 'executemany.db'}")
    metadata.create_all(other)
    with Session(other) as session, session.begin():
        session.execute(scratch.insert(), [dict(r) for r in rows])  # SQLAlchemy's own path
    try:
        assert _stored(engine) == _stored(other)
        assert len(_stored(engine)) == count
    finally:
        other.dispose()


def test_a_low_variable_limit_splits_the_statements(engine):
    """A SQLite built with a lower limit of bound variables: the statements get shorter (here 4 rows
    of 6 values), down to row by row when one row does not fit."""
    rows = _rows(50)
    for limit in (24, 5):
        with Session(engine) as session, session.begin():
            session.connection().connection.dbapi_connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, limit)
            session.execute(scratch.delete())
            bulk.insert_many(session, scratch, [dict(r) for r in rows])
        assert [r[1] for r in _stored(engine)] == [r["code"] for r in rows]


def test_a_failing_statement_writes_none_of_its_rows(engine):
    rows = _rows(30)
    rows[25]["code"] = rows[3]["code"]  # a unique key twice in one statement
    with Session(engine) as session:
        with pytest.raises(IntegrityError):
            bulk.insert_many(session, scratch, rows)
        assert session.scalar(select(scratch.c.id).limit(1)) is None
        session.rollback()


def test_pairs_read_what_a_select_reads(engine):
    rows = _rows(3000)
    with Session(engine) as session, session.begin():
        bulk.insert_many(session, scratch, rows)
        assert bulk.pairs(session, scratch.c.code, scratch.c.name, scratch.c.id > 100) == dict(
            session.execute(select(scratch.c.code, scratch.c.name).where(scratch.c.id > 100)).all())
        ids = bulk.pairs(session, scratch.c.code, scratch.c.id, scratch.c.version == 1)
        assert len(ids) == 3000 and ids["C0000000"] == 1 and isinstance(ids["C0002999"], int)
        assert bulk.pairs(session, scratch.c.code, scratch.c.id, scratch.c.id < 0) == {}
        # other column types (a date) are read with their own result processing
        days = bulk.pairs(session, scratch.c.code, scratch.c.day, scratch.c.id == 2)
        assert days == {"C0000001": dt.date(2007, 1, 2)}
