"""Bulk database helpers for the import handlers and services (批量读写).

Imports stay fast by touching the database a handful of times per file: look-ups are preloaded
into dicts with one ``SELECT … WHERE key IN (…)`` per table (the keys as one JSON/array
parameter), and writes are one ``executemany`` per table and action. Updates bump the ``version`` column so optimistic locking (DESIGN §6) still sees them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from operator import itemgetter
from typing import Any

from sqlalchemy import Date, DateTime, Integer, String, Table, any_, bindparam, func, insert, literal_column, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session


CHUNK = 900
"""Keys per ``IN (…)`` list where a caller chunks by hand."""



_STATEMENTS: dict[tuple[str, str], Any] = {}
"""Statements built once per (name, dialect): building SQLAlchemy expressions costs more per file
than running them."""


def _keys_clause(key_column: Any, dialect: str):
    """``key_column IN <keys>`` with all keys in ONE parameter ``keys``: SQLite ``IN (SELECT value
    FROM json_each(:keys))``, PostgreSQL ``= ANY(:keys)``, elsewhere an expanding ``IN``."""
    if dialect == "sqlite":
        values = select(literal_column("value")).select_from(func.json_each(bindparam("keys")))
        return key_column.in_(values.scalar_subquery())
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import ARRAY

        return key_column == any_(bindparam("keys", type_=ARRAY(key_column.type)))
    return key_column.in_(bindparam("keys", expanding=True))


def _keys_value(dialect: str, keys: list[Any]) -> Any:
    return json.dumps(keys) if dialect == "sqlite" else keys


def select_in(session: Session, columns: Sequence[Any], key_column: Any, keys: Iterable[Any], *extra_where: Any,
              name: str | None = None, params: Mapping[str, Any] | None = None) -> list:
    """Rows of ``columns`` whose ``key_column`` is in ``keys``, in one statement whatever the number of
    keys (they travel as one parameter). ``extra_where`` clauses may use bind parameters given in
    ``params``; with a ``name`` the statement is built once per dialect and reused."""
    wanted = list(dict.fromkeys(k for k in keys if k is not None))
    if not wanted:
        return []
    dialect = session.get_bind().dialect.name
    stmt = _STATEMENTS.get((name, dialect)) if name else None
    if stmt is None:
        stmt = select(*columns).where(_keys_clause(key_column, dialect))
        for extra in extra_where:
            stmt = stmt.where(extra)
        if name:
            _STATEMENTS[(name, dialect)] = stmt
    return session.connection().execute(stmt, {"keys": _keys_value(dialect, wanted), **(params or {})}).all()


def pairs(session: Session, key_column: Any, value_column: Any, *where: Any) -> dict[Any, Any]:
    """``{key: value}`` of the rows matching ``where``, for two integer or text columns.

    On SQLite the rows come back as one JSON value (``json_group_array``) decoded in one call: the
    sqlite3 module lets go of the interpreter lock once per fetched row, and beside the import's
    read-ahead thread each hand-back is a wait (2,500 ids per return; BENCHMARKS.md "Import").
    Elsewhere an ordinary ``SELECT``."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite" and all(isinstance(c.type, (Integer, String)) for c in (key_column, value_column)):
        stmt = select(func.json_group_array(func.json_array(key_column, value_column))).where(*where)
        return dict(json.loads(session.connection().execute(stmt).scalar_one() or "[]"))
    return dict(session.connection().execute(select(key_column, value_column).where(*where)).all())


def insert_returning_ids(session: Session, table: Table, rows: list[dict[str, Any]], key: str) -> dict[Any, int]:
    """Insert ``rows`` (one executemany), then read their ids back by the unique ``key``: ``{key: id}``.

    (``INSERT … RETURNING`` with ordered results runs row by row on SQLite; this is one statement
    plus one ``SELECT … IN`` per chunk.)
    """
    if not rows:
        return {}
    insert_many(session, table, rows)
    keys = [row[key] for row in rows]
    return {k: i for i, k in select_in(session, (table.c.id, table.c[key]), table.c[key], keys)}


_PLACEHOLDER = {"qmark": "?", "format": "%s", "pyformat": "%s"}


def _column_processor(column_type: Any, dialect: Any):
    """A function ``column values → their bound values`` running the column type's bind processor
    (``None`` stays ``None``), or ``None`` when the type has no processor. Dates are processed once
    per distinct value (a return repeats a few hundred days)."""
    process = column_type._cached_bind_processor(dialect)
    if process is None:
        return None
    if isinstance(column_type, (Date, DateTime)):
        memo: dict[Any, Any] = {}  # kept across calls: the files of a run repeat the same days

        def by_value(values: Sequence[Any]) -> list[Any]:
            if len(memo) > 100_000:
                memo.clear()
            for value in set(values).difference(memo):
                if value is not None:
                    memo[value] = process(value)
            return list(map(memo.get, values))  # memo.get(None) is None

        return by_value
    return lambda values: [None if value is None else process(value) for value in values]


_INSERTS: dict[tuple, tuple[str, list, Any]] = {}
"""(table, columns, dialect) → (SQL text, column processors, row picker), built once."""


def insert_many(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` with one ``executemany`` on the driver's cursor.

    Values go through each column's own bind processor (dates, JSON … exactly as SQLAlchemy would
    store them) but skip SQLAlchemy's per-row parameter machinery, which costs more than the insert
    itself for tens of thousands of rows. Column defaults (``version``) must be given in the rows.
    """
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    columns = tuple(rows[0])
    key = (table.name, columns, dialect.name)
    prepared = _INSERTS.get(key)
    if prepared is None:
        mark = _PLACEHOLDER.get(dialect.paramstyle)
        if mark is None:
            session.execute(insert(table), rows)
            return
        preparer = dialect.identifier_preparer
        sql = (f"INSERT INTO {preparer.format_table(table)} ({', '.join(preparer.quote(c) for c in columns)}) "
               f"VALUES ({', '.join([mark] * len(columns))})")
        processors = [_column_processor(table.c[name].type, dialect) for name in columns]
        pick = itemgetter(*columns) if len(columns) > 1 else (lambda row: (row[columns[0]],))
        prepared = _INSERTS[key] = (sql, [(i, p) for i, p in enumerate(processors) if p is not None], pick)
    sql, processed, pick = prepared
    if len(set(map(len, rows))) != 1:  # rows naming different columns
        session.execute(insert(table), rows)
        return
    params = list(map(pick, rows))
    if processed:  # column by column (the processors run in C-level loops where they can)
        values = list(zip(*params))
        for i, process in processed:
            values[i] = process(values[i])
        params = list(zip(*values))
    cursor = connection.connection.cursor()  # the driver's cursor, in the session's transaction
    try:
        if dialect.name == "sqlite" and len(params) > 1:
            _insert_values_lists(connection.connection.dbapi_connection, cursor, sql, len(columns), params)
        else:
            cursor.executemany(sql, params)
    except dialect.dbapi.Error as exc:
        # what SQLAlchemy would raise (IntegrityError, OperationalError …), so callers catch the
        # same exceptions whichever way a row was written; the rows are not put in the message
        raise DBAPIError.instance(sql, None, exc, dialect.dbapi.Error, dialect=dialect) from exc
    finally:
        cursor.close()


ROWS_PER_STATEMENT = 2000
"""Rows per multi-row ``INSERT … VALUES (…), (…)`` statement on SQLite (fewer when the file's
variable limit is lower)."""

_VALUES_SQL: dict[tuple[str, int], str] = {}


def _insert_values_lists(dbapi_connection: Any, cursor: Any, sql: str, width: int, params: list[tuple]) -> None:
    """SQLite: write ``params`` (rows of ``width`` values) with multi-row ``INSERT … VALUES``
    statements of up to :data:`ROWS_PER_STATEMENT` rows instead of a row-by-row ``executemany``.

    The same values are bound the same way, so what is stored is identical; but SQLite inserts a
    statement's rows in one step, and the sqlite3 module lets go of the interpreter lock once per
    step rather than once per row. Beside the import's read-ahead thread every hand-back of that
    lock is a wait (BENCHMARKS.md "Import": the commit took 1.5× longer beside it row by row)."""
    import sqlite3

    per = max(1, min(ROWS_PER_STATEMENT, dbapi_connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // width))
    if per == 1 or sqlite3.sqlite_version_info < (3, 8, 8):  # before 3.8.8 a VALUES list counted as a compound SELECT (≤ 500)
        cursor.executemany(sql, params)
        return
    row = "(" + ",".join("?" * width) + ")"

    def statement(rows: int) -> str:
        text = _VALUES_SQL.get((sql, rows))
        if text is None:
            text = sql[:sql.rindex(" VALUES ")] + " VALUES " + ",".join([row] * rows)
            if rows == per:  # the tails' lengths vary from call to call: not kept
                _VALUES_SQL[(sql, rows)] = text
        return text

    for start in range(0, len(params), per):
        chunk = params[start:start + per]
        cursor.execute(statement(len(chunk)), list(chain.from_iterable(chunk)))


def update_many(session: Session, table: Table, rows: list[dict[str, Any]], fields: Sequence[str]) -> None:
    """Update ``fields`` of the rows identified by ``row["id"]`` (one ``executemany``), bumping ``version``.

    Rows are grouped by the set of fields they change so each group is one statement.
    """
    if not rows:
        return
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        present = tuple(f for f in fields if f in row)
        groups.setdefault(present, []).append(row)
    for present, group in groups.items():
        values: dict[str, Any] = {name: bindparam(f"v_{name}") for name in present}
        if "version" in table.c:
            values["version"] = table.c.version + 1
        stmt = update(table).where(table.c.id == bindparam("v_id")).values(**values)
        params = [{"v_id": row["id"], **{f"v_{name}": row[name] for name in present}} for row in group]
        session.execute(stmt, params, execution_options={"synchronize_session": False})
