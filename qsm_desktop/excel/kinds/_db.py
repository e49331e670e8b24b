"""Bulk database helpers shared by the return kinds' DB hooks (批量读写).

Imports stay fast by touching the database a handful of times per file: look-ups are preloaded
into dicts with one ``SELECT … WHERE key IN (…)`` per table (chunked; or one full scan when a file
names more keys than a statement can carry), and writes are one ``executemany`` per table and
action. Updates bump the ``version`` column so optimistic locking (DESIGN §6) still sees them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from qsm_desktop.store.models import AuditEntry

CHUNK = 900
"""Keys per ``IN (…)`` list (well under SQLite's and PostgreSQL's parameter limits)."""

FULL_SCAN_ABOVE = 5000
"""Above this many keys a single full-table read is cheaper than many ``IN`` lists."""


def select_in(session: Session, columns: Sequence[Any], key_column: Any, keys: Iterable[Any], *extra_where: Any) -> list:
    """Rows of ``columns`` whose ``key_column`` is in ``keys`` (chunked, or one scan for many keys)."""
    wanted = list(dict.fromkeys(k for k in keys if k is not None))
    if not wanted:
        return []
    if len(wanted) > FULL_SCAN_ABOVE:
        keyset = set(wanted)
        stmt = select(*columns, key_column.label("_key"))
        for clause in extra_where:
            stmt = stmt.where(clause)
        return [row for row in session.execute(stmt) if row._key in keyset]
    result: list = []
    for start in range(0, len(wanted), CHUNK):
        stmt = select(*columns).where(key_column.in_(wanted[start:start + CHUNK]))
        for clause in extra_where:
            stmt = stmt.where(clause)
        result.extend(session.execute(stmt))
    return result


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
    mark = _PLACEHOLDER.get(dialect.paramstyle)
    columns = list(rows[0])
    if mark is None or any(list(row) != columns for row in rows):
        session.execute(insert(table), rows)
        return
    processors = [table.c[name].type._cached_bind_processor(dialect) for name in columns]
    preparer = dialect.identifier_preparer
    sql = (f"INSERT INTO {preparer.format_table(table)} ({', '.join(preparer.quote(c) for c in columns)}) "
           f"VALUES ({', '.join([mark] * len(columns))})")
    if any(processors):
        pairs = list(zip(columns, processors))
        params = [tuple(row[c] if p is None or row[c] is None else p(row[c]) for c, p in pairs) for row in rows]
    else:
        params = [tuple(row[c] for c in columns) for row in rows]
    connection.exec_driver_sql(sql, params)


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


def jsonable(data: Mapping[str, Any] | None) -> dict | None:
    """A dict with dates as ISO text (for the audit log's JSON columns)."""
    if data is None:
        return None
    return {k: (v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v) for k, v in data.items()}


def audit_many(session: Session, actor: Any, entries: Iterable[tuple[str, Any, str, Mapping | None, Mapping | None]],
               *, batch_id: int | None, at: dt.datetime) -> int:
    """Write audit-log entries ``(entity, entity_id, action, before, after)`` with one executemany.

    Same columns as :func:`qsm_desktop.services.context.audit` writes one at a time. Returns the count.
    """
    login = getattr(actor, "login", "unknown")
    role = getattr(getattr(actor, "role", None), "value", None) or str(getattr(actor, "role", ""))
    rows = [
        {"at": at, "login": login, "role": role, "entity": entity, "entity_id": None if key is None else str(key),
         "action": action, "before": jsonable(before), "after": jsonable(after), "batch_id": batch_id}
        for entity, key, action, before, after in entries
    ]
    insert_many(session, AuditEntry.__table__, rows)
    return len(rows)
