"""The org-tree service (机构查询) — the tree, look-ups and counts per subtree (DESIGN §2)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from qsm_desktop.domain.errors import NotFound
from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.services.context import Actor
from qsm_desktop.store.models import OrgUnit, Post, Staff
from qsm_desktop.store import queries

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services

register({
    "org.unknown": ("机构代码 {code} 不存在。请核对代码，或先导入包含该机构的机构清单。",
                    "Org code {code} does not exist. Check the code, or import the org list that has this unit first."),
})

ROOT_CODE = "000000"


@dataclass(frozen=True)
class OrgNode:
    """One org unit: 6-digit ``code``, ``name``, ``type`` (总行/总行部门/分行/支行/网点), parent code, status, depth."""

    code: str
    name: str
    type: str
    parent_code: str | None
    status: str
    path: str
    depth: int


@dataclass(frozen=True)
class OrgCounts:
    """Counts over a unit's whole subtree on a date: outlets (网点), staff in post, certified staff."""

    outlets: int
    staff: int
    certified: int


class OrgService:
    """Org-tree queries. Build through :func:`qsm_desktop.services.context.build_services`."""

    def __init__(self, services: Services):
        self._services = services

    def tree(self, actor: Actor) -> list[OrgNode]:
        """All units visible to ``actor`` in tree order (parents before children, codes ascending)."""
        with self._services.read() as session:
            rows = session.execute(
                select(OrgUnit.code, OrgUnit.name, OrgUnit.type, OrgUnit.status, OrgUnit.path).order_by(OrgUnit.path)
            ).all()
        nodes = []
        for code, name, type_, status, path in rows:
            parts = [p for p in path.split("/") if p]
            if actor.org_scope and actor.org_scope not in parts:
                continue
            nodes.append(OrgNode(code, name, type_, parts[-2] if len(parts) > 1 else None, status, path, len(parts) - 1))
        return nodes

    def get(self, actor: Actor, code: str) -> OrgNode:
        """The unit with ``code``; raises :class:`NotFound` when there is none."""
        with self._services.read() as session:
            row = session.execute(
                select(OrgUnit.code, OrgUnit.name, OrgUnit.type, OrgUnit.status, OrgUnit.path).where(OrgUnit.code == code)
            ).first()
        if row is None:
            raise NotFound(msg("org.unknown", code=code))
        parts = [p for p in row.path.split("/") if p]
        return OrgNode(row.code, row.name, row.type, parts[-2] if len(parts) > 1 else None, row.status, row.path, len(parts) - 1)

    def root_code(self, actor: Actor) -> str:
        """The top unit ``actor`` sees: their scope, else the head office (the tree's root)."""
        if actor.org_scope:
            return actor.org_scope
        with self._services.read() as session:
            code = session.scalar(select(OrgUnit.code).where(OrgUnit.parent_id.is_(None)).order_by(OrgUnit.code).limit(1))
        return code or ROOT_CODE

    def counts(self, actor: Actor, as_of: dt.date) -> dict[str, OrgCounts]:
        """Per unit code: outlets, staff in post and certified staff in its whole subtree on ``as_of``."""
        with self._services.read() as session:
            units = session.execute(select(OrgUnit.id, OrgUnit.code, OrgUnit.type, OrgUnit.path)).all()
            certified = queries.certified_clause(as_of)
            per_unit = session.execute(
                select(Staff.org_unit_id, func.count(), func.sum(queries.as_int(certified)))
                .join(Post, Post.id == Staff.post_id)
                .where(queries.in_post_clause(as_of))
                .group_by(Staff.org_unit_id)
            ).all()
        direct = {uid: (n, int(c or 0)) for uid, n, c in per_unit}
        totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for uid, code, type_, path in units:
            n, c = direct.get(uid, (0, 0))
            for ancestor in (p for p in path.split("/") if p):
                t = totals[ancestor]
                t[0] += 1 if type_ == "网点" else 0
                t[1] += n
                t[2] += c
        visible = {n.code for n in self.tree(actor)}
        return {code: OrgCounts(*t) for code, t in totals.items() if code in visible}
