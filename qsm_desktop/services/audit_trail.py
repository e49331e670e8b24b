"""Reading the audit trail (审计日志查询) — DESIGN §6, §7 (``qsm audit``), issue 12.

The writer is :mod:`qsm_desktop.services.audit`; this module lists entries for a person, filtered
by entity, date and login, within what that person may see — the same rule on both databases:
admins, head-office secretaries and bank-wide viewers see every entry; everyone else sees their
own entries and those of import batches of units in their scope (on PostgreSQL the row-level
security policy of ``audit_log`` enforces the same, :mod:`qsm_desktop.store.security`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, and_, func, or_, select

from qsm_desktop.services.context import Actor, Role
from qsm_desktop.store.models import AuditEntry, ImportBatch, OrgUnit

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.context import Database

__all__ = ["AuditLine", "AuditPage", "AuditQuery", "entity_names", "entries", "iter_entries", "login_names", "page",
           "sees_everything"]

PAGE_SIZE = 200
"""Entries per page of :func:`page` (the audit page fetches the next page on "more")."""


@dataclass(frozen=True)
class AuditLine:
    """One audit entry: ``when`` (local time), ``login`` and ``role`` of who acted, ``entity`` and
    its ``key`` (id or code), ``action``, the fields ``before``/``after`` (``None`` when not
    applicable), the import ``batch_id`` it came with, if any, and the entry's own ``id``."""

    when: dt.datetime
    login: str
    role: str
    entity: str
    action: str
    key: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    batch_id: int | None
    id: int | None = None

    def to_json(self) -> dict[str, Any]:
        """``{"when", "login", "entity", "action", "key", "before", "after"}`` (DESIGN §7); ``when`` ISO text."""
        return {"when": self.when.isoformat(sep=" "), "login": self.login, "entity": self.entity,
                "action": self.action, "key": self.key, "before": self.before, "after": self.after}


@dataclass(frozen=True)
class AuditQuery:
    """What to list (every field optional): ``login`` (whose entries), ``entity`` (``staff``,
    ``account``, ``import_batch`` …), ``since``/``until`` (dates, both inclusive) and ``text``
    (found anywhere in the key, case-insensitive — a 工号, a login, a batch id)."""

    login: str | None = None
    entity: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    text: str | None = None


@dataclass(frozen=True)
class AuditPage:
    """One page of :func:`page`: ``lines`` newest first, and whether ``more`` entries follow."""

    lines: tuple[AuditLine, ...]
    more: bool

    @property
    def cursor(self) -> tuple[dt.datetime, int] | None:
        """Where the next page starts (``when`` and ``id`` of the last line), ``None`` when empty."""
        if not self.lines:
            return None
        last = self.lines[-1]
        return last.when, last.id or 0


def sees_everything(actor: Actor) -> bool:
    """Whether ``actor`` reads every entry (admin, head-office secretary, viewer of the whole bank)."""
    return actor.role in (Role.ADMIN, Role.HO_SECRETARY) or (actor.role is Role.VIEWER and not actor.org_scope)


def _visible(stmt: Select, actor: Actor) -> Select:
    """``stmt`` narrowed to the entries ``actor`` may read (module docstring; the same rule as the
    PostgreSQL policy of ``audit_log``)."""
    if sees_everything(actor):
        return stmt
    own = AuditEntry.login == actor.login
    if actor.org_scope and actor.role in (Role.BRANCH_SECRETARY, Role.VIEWER):
        codes = select(OrgUnit.code).where(OrgUnit.path.like(f"%/{actor.org_scope}/%"))
        in_scope = AuditEntry.batch_id.in_(select(ImportBatch.id).where(ImportBatch.org_code.in_(codes)))
        return stmt.where(or_(own, in_scope))
    return stmt.where(own)


def _filtered(stmt: Select, actor: Actor, query: AuditQuery) -> Select:
    if query.entity:
        stmt = stmt.where(AuditEntry.entity == query.entity)
    if query.since is not None:
        stmt = stmt.where(AuditEntry.at >= dt.datetime.combine(query.since, dt.time()))
    if query.until is not None:
        stmt = stmt.where(AuditEntry.at < dt.datetime.combine(query.until + dt.timedelta(days=1), dt.time()))
    if query.login and query.login.strip():
        stmt = stmt.where(AuditEntry.login == query.login.strip().lower())
    if query.text and query.text.strip():
        stmt = stmt.where(func.lower(AuditEntry.entity_id).contains(query.text.strip().lower(), autoescape=True))
    return _visible(stmt, actor)


def _line(r: AuditEntry) -> AuditLine:
    return AuditLine(r.at, r.login, r.role, r.entity, r.action, r.entity_id, r.before, r.after, r.batch_id, r.id)


def entries(database: Database, actor: Actor, *, entity: str | None = None, since: dt.date | None = None,
            login: str | None = None, limit: int | None = None) -> list[AuditLine]:
    """Audit entries visible to ``actor``, oldest first (``qsm audit``).

    ``entity``: only this entity (``staff``, ``account``, ``import_batch`` …); ``since``: on or
    after this date; ``login``: only this person's; ``limit``: the newest ``limit`` entries.
    """
    stmt = _filtered(select(AuditEntry), actor, AuditQuery(login=login, entity=entity, since=since))
    if limit is not None:
        stmt = stmt.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)
    else:
        stmt = stmt.order_by(AuditEntry.at, AuditEntry.id)
    with database.read() as session:
        lines = [_line(r) for r in session.scalars(stmt).all()]
    return sorted(lines, key=lambda line: line.when) if limit is not None else lines


def page(database: Database, actor: Actor, query: AuditQuery = AuditQuery(), *,  # noqa: B008 - frozen default
         after: tuple[dt.datetime, int] | None = None, limit: int = PAGE_SIZE) -> AuditPage:
    """One page of the entries ``actor`` may see that match ``query``, newest first (the audit page).

    ``after``: the previous page's :attr:`AuditPage.cursor` — the page starts with the entries older
    than it (keyset paging: a trail of millions of entries pages as fast as one of hundreds, and an
    entry written meanwhile does not shift the pages); ``limit``: entries per page (at least 1).
    """
    stmt = _filtered(select(AuditEntry), actor, query)
    if after is not None:
        when, last_id = after
        stmt = stmt.where(or_(AuditEntry.at < when, and_(AuditEntry.at == when, AuditEntry.id < last_id)))
    limit = max(1, limit)
    stmt = stmt.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit + 1)
    with database.read() as session:
        rows = session.scalars(stmt).all()
        lines = tuple(_line(r) for r in rows[:limit])
    return AuditPage(lines, len(rows) > limit)


def iter_entries(database: Database, actor: Actor, query: AuditQuery = AuditQuery(), *,  # noqa: B008
                 chunk: int = 2000) -> Iterator[AuditLine]:
    """Every entry :func:`page` would list for ``query``, newest first, fetched ``chunk`` at a time
    (an export of the whole filtered trail, not only the pages on screen)."""
    cursor = None
    while True:
        found = page(database, actor, query, after=cursor, limit=chunk)
        yield from found.lines
        if not found.more:
            return
        cursor = found.cursor


def entity_names(database: Database, actor: Actor) -> list[str]:
    """The entities (``account``, ``import_batch``, ``staff`` …) of the entries ``actor`` may see, sorted."""
    stmt = _visible(select(AuditEntry.entity).distinct(), actor).order_by(AuditEntry.entity)
    with database.read() as session:
        return [name for name in session.scalars(stmt).all() if name]


def login_names(database: Database, actor: Actor) -> list[str]:
    """The logins that wrote the entries ``actor`` may see, sorted (the audit page's person filter)."""
    stmt = _visible(select(AuditEntry.login).distinct(), actor).order_by(AuditEntry.login)
    with database.read() as session:
        return [name for name in session.scalars(stmt).all() if name]
