"""Reading the audit trail (审计日志查询) — DESIGN §6, §7 (``qsm audit``), issue 12.

The writer is :mod:`qsm_desktop.services.audit`; this module lists entries for a person, filtered
by entity, date and login, within what that person may see — the same rule on both databases:
admins, head-office secretaries and bank-wide viewers see every entry; everyone else sees their
own entries and those of import batches of units in their scope (on PostgreSQL the row-level
security policy of ``audit_log`` enforces the same, :mod:`qsm_desktop.store.security`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select

from qsm_desktop.services.context import Actor, Role
from qsm_desktop.store.models import AuditEntry, ImportBatch, OrgUnit

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.context import Database

__all__ = ["AuditLine", "entries", "sees_everything"]


@dataclass(frozen=True)
class AuditLine:
    """One audit entry: ``when`` (local time), ``login`` and ``role`` of who acted, ``entity`` and
    its ``key`` (id or code), ``action``, the fields ``before``/``after`` (``None`` when not
    applicable) and the import ``batch_id`` it came with, if any."""

    when: dt.datetime
    login: str
    role: str
    entity: str
    action: str
    key: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    batch_id: int | None

    def to_json(self) -> dict[str, Any]:
        """``{"when", "login", "entity", "action", "key", "before", "after"}`` (DESIGN §7); ``when`` ISO text."""
        return {"when": self.when.isoformat(sep=" "), "login": self.login, "entity": self.entity,
                "action": self.action, "key": self.key, "before": self.before, "after": self.after}


def sees_everything(actor: Actor) -> bool:
    """Whether ``actor`` reads every entry (admin, head-office secretary, viewer of the whole bank)."""
    return actor.role in (Role.ADMIN, Role.HO_SECRETARY) or (actor.role is Role.VIEWER and not actor.org_scope)


def entries(database: Database, actor: Actor, *, entity: str | None = None, since: dt.date | None = None,
            login: str | None = None, limit: int | None = None) -> list[AuditLine]:
    """Audit entries visible to ``actor``, oldest first.

    ``entity``: only this entity (``staff``, ``account``, ``import_batch`` …); ``since``: on or
    after this date; ``login``: only this person's; ``limit``: the newest ``limit`` entries.
    """
    stmt = select(AuditEntry)
    if entity:
        stmt = stmt.where(AuditEntry.entity == entity)
    if since is not None:
        stmt = stmt.where(AuditEntry.at >= dt.datetime.combine(since, dt.time()))
    if login:
        stmt = stmt.where(AuditEntry.login == login.strip().lower())
    if not sees_everything(actor):
        own = AuditEntry.login == actor.login
        if actor.org_scope and actor.role in (Role.BRANCH_SECRETARY, Role.VIEWER):
            codes = select(OrgUnit.code).where(OrgUnit.path.like(f"%/{actor.org_scope}/%"))
            in_scope = AuditEntry.batch_id.in_(select(ImportBatch.id).where(ImportBatch.org_code.in_(codes)))
            stmt = stmt.where(or_(own, in_scope))
        else:
            stmt = stmt.where(own)
    if limit is not None:
        stmt = stmt.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)
    else:
        stmt = stmt.order_by(AuditEntry.at, AuditEntry.id)
    with database.read() as session:
        rows = session.scalars(stmt).all()
        lines = [AuditLine(r.at, r.login, r.role, r.entity, r.action, r.entity_id, r.before, r.after, r.batch_id)
                 for r in rows]
    return sorted(lines, key=lambda line: line.when) if limit is not None else lines
