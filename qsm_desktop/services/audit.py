"""The audit log (审计日志): every change to data leaves an entry — DESIGN.md §6.

One place writes entries, for the window's forms and the import handlers alike:

- :func:`audit` — one entry, added to the caller's session (a form's save);
- :func:`audit_many` — many entries in one ``executemany`` (an import of 90,000 rows).

Each entry records who (``login``, ``role`` of the :class:`~qsm_desktop.services.context.Actor`),
when, the entity and its id, the action (``create``, ``update``, ``replace``, ``import`` …) and the
fields before and after as JSON (dates as ISO text). Entries are written in the caller's
transaction, so a change and its entry are kept or lost together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from qsm_desktop.store.bulk import insert_many
from qsm_desktop.store.models import AuditEntry

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.context import Actor

__all__ = ["AuditRecord", "audit", "audit_many", "jsonable"]

AuditRecord = tuple[str, Any, str, "Mapping[str, Any] | None", "Mapping[str, Any] | None"]
"""``(entity, entity_id, action, before, after)`` — one entry for :func:`audit_many`."""


def jsonable(data: Mapping[str, Any] | None) -> dict | None:
    """``data`` with dates and datetimes as ISO text (the audit log's JSON columns); ``None`` stays."""
    if data is None:
        return None
    return {k: (v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v) for k, v in data.items()}


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def audit(session: Session, actor: Actor, entity: str, entity_id: Any, action: str,
          before: Mapping[str, Any] | None = None, after: Mapping[str, Any] | None = None,
          batch_id: int | None = None) -> None:
    """Add one audit entry to ``session`` (written with the caller's transaction).

    ``entity``: a table-like name (``score_sheet``, ``staff`` …); ``entity_id``: its id or key
    (stored as text); ``action``: what happened; ``before``/``after``: the changed fields;
    ``batch_id``: the import batch the change came from, if any.
    """
    session.add(AuditEntry(
        at=_now(), login=actor.login, role=actor.role.value, entity=entity,
        entity_id=None if entity_id is None else str(entity_id), action=action,
        before=jsonable(before), after=jsonable(after), batch_id=batch_id,
    ))


def audit_many(session: Session, actor: Actor, entries: Iterable[AuditRecord], *, batch_id: int | None,
               at: dt.datetime | None = None) -> int:
    """Write ``entries`` (:data:`AuditRecord` tuples) with one ``executemany``; returns how many.

    The same columns as :func:`audit`; ``at`` defaults to now (an import passes its start time so
    that the batch and its entries carry one timestamp). Pending ORM changes in ``session`` are
    flushed first by the caller's statements, not here.
    """
    when = at or _now()
    rows = [
        {"at": when, "login": actor.login, "role": actor.role.value, "entity": entity,
         "entity_id": None if key is None else str(key), "action": action, "before": jsonable(before),
         "after": jsonable(after), "batch_id": batch_id}
        for entity, key, action, before, after in entries
    ]
    insert_many(session, AuditEntry.__table__, rows)
    return len(rows)
