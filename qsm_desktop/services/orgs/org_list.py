"""Updating the org tree from an org list (更新机构树) — the one write path of the org list, DESIGN §2, §3.1.

1. :func:`plan_org_list` — the rules, without writing: new units, changed ones (name, type,
   parent, status and, for a moved unit, its materialised path) and the units outside the list
   whose path changes because an ancestor moved; the result's ``changes`` are the import's preview;
2. :func:`update_org_tree_in` — check the actor's scope, insert new units parents first (one
   ``executemany`` per tree level), update the changed and moved ones, write every listed unit's
   region, and audit each update (``update``) and move (``move``).

The org list's import handler (``services/orgs/imports.py``) checks the tree, then calls both.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, update
from sqlalchemy.orm import Session

from qsm_desktop.domain.errors import PermissionDenied
from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.excel.kinds.org_units import OrgRow
from qsm_desktop.services.audit import audit_many
from qsm_desktop.services.context import require
from qsm_desktop.services.permissions import require_rule
from qsm_desktop.services.import_handlers import Change, Changes, OrgInfo
from qsm_desktop.store.bulk import insert_returning_ids, update_many
from qsm_desktop.store.models import OrgUnit

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.context import Actor

__all__ = ["OrgTreeUpdate", "plan_org_list", "update_org_tree_in"]

register({
    "org.update_tree": ("更新机构清单", "update the org list"),
    "org.scope_root": ("机构 {code} 是您管辖范围的根机构，它本身（名称、类型、上级、状态）只能由总行修改",
                       "unit {code} is the root of your scope; only head office changes it (name, type, parent, status)"),
})


@dataclass
class OrgTreeUpdate:
    """What an org list changes in the tree (made by :func:`plan_org_list`, written once by
    :func:`update_org_tree_in`): ``unit`` the reporting unit (``None`` when the list creates it);
    ``new`` units (rows naming their parent by ``parent_code``), ``updates`` (``code`` + changed
    columns), ``moved`` units outside the list (``code`` + new ``path``), ``regions`` (code,
    所在地区) of the listed units that give one, ``unit_ids`` (code → id of the units already
    registered) and the ``changes`` shown in the preview."""

    unit: OrgInfo | None
    new: list[dict[str, Any]] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    moved: list[dict[str, Any]] = field(default_factory=list)
    regions: list[tuple[str, str]] = field(default_factory=list)
    unit_ids: dict[str, int] = field(default_factory=dict)
    changes: Changes = field(default_factory=Changes)


def plan_org_list(listed: Mapping[str, OrgRow], sheet: str | None, orgs: Mapping[str, OrgInfo],
                  merged_parent: Mapping[str, str | None], unit: OrgInfo | None) -> OrgTreeUpdate:
    """The tree update of an org list: ``listed`` its units (code → row, list order) from ``sheet``;
    ``orgs`` the registered tree (code → unit); ``merged_parent`` every code's parent once the list
    is applied (registered units overlaid with the list); ``unit`` the reporting unit.

    Paths are materialised from ``merged_parent`` (``/000000/110000/``). A listed unit is new or,
    when its name, type, status, parent or path differ, changed; an unlisted unit whose path
    changes (an ancestor moved) is moved. Expects a list that passed the handler's tree checks
    (parents known, no loops).
    """
    paths: dict[str, str] = {}

    def path_of(code: str) -> str:
        if code not in paths:
            parent = merged_parent.get(code)
            paths[code] = (path_of(parent) if parent else "/") + code + "/"
        return paths[code]

    for code in merged_parent:
        path_of(code)
    changes: list[Change] = []
    new_units: list[dict] = []
    updates: list[dict] = []
    for code, r in listed.items():
        existing = orgs.get(code)
        values = {"name": r.name, "type": r.type, "region": r.region, "status": r.status, "path": paths[code]}
        if existing is None:
            new_units.append({"code": code, **values, "parent_code": r.parent_code, "version": 1,
                              "source_sheet": sheet, "source_row": r.row.number})
            changes.append(Change("org_unit", "new", code, f"{code} {r.name}"))
            continue
        current = {"name": existing.name, "type": existing.type, "status": existing.status, "path": existing.path,
                   "parent_code": existing.parent_code}
        wanted = dict(values, parent_code=r.parent_code)
        wanted.pop("region")  # not cached in OrgInfo; written for every listed unit that gives one
        before = {k: current[k] for k in wanted if current[k] != wanted[k]}
        if before:
            after = {k: wanted[k] for k in before}
            updates.append({"code": code, **after, "source_sheet": sheet, "source_row": r.row.number})
            changes.append(Change("org_unit", "changed", code, f"{code} {r.name}", before, after))
    moved = []
    for code, info in orgs.items():
        if code not in listed and paths.get(code) != info.path:
            moved.append({"code": code, "path": paths[code]})
    regions = [(code, r.region) for code, r in listed.items() if r.region is not None]
    return OrgTreeUpdate(unit, new_units, updates, moved, regions, {code: info.id for code, info in orgs.items()},
                         Changes(tuple(changes)))


def update_org_tree_in(session: Session, actor: Actor, tree: OrgTreeUpdate, *, batch_id: int | None,
                       at: dt.datetime | None = None) -> int:
    """Write ``tree`` in the caller's transaction (``session``) on behalf of ``actor``: new units
    parents first (one ``executemany`` per tree level), changed units, the paths of moved subtrees
    and the listed units' regions; new and changed units carry ``batch_id`` as their source. Audits
    each update (``update``, before/after) and move (``move``, the new path), stamped ``at``.
    Returns the number of units inserted or updated.

    Raises :class:`~qsm_desktop.domain.errors.PermissionDenied` when ``actor`` may not write the
    reporting unit's subtree, or, working in a subtree (a branch secretary, DESIGN §3.1/§6), would
    change the root of her scope (its region is left as it is); ``RuntimeError`` when new units'
    parents cannot be resolved (the handler's checks rule that out).
    """
    unit = tree.unit
    require_rule(actor, "org.update_tree")
    require(actor, msg("org.update_tree"), write=False, org_path=unit.path if unit else None,
            org_code=unit.code if unit else None)
    touched = {u["code"] for u in tree.new} | {u["code"] for u in tree.updates} | {m["code"] for m in tree.moved}
    if actor.org_scope and actor.org_scope in touched:  # her branch's own row is head office's (the handler says so by cell)
        raise PermissionDenied(msg("org.scope_root", code=actor.org_scope))
    regions = [(code, region) for code, region in tree.regions if code != actor.org_scope] if actor.org_scope \
        else tree.regions
    table = OrgUnit.__table__
    ids = dict(tree.unit_ids)
    pending = list(tree.new)
    while pending:
        ready = [u for u in pending if u["parent_code"] is None or u["parent_code"] in ids]
        if not ready:  # the handler's checks rule this out; never loop forever
            raise RuntimeError("org list has units whose parents cannot be resolved")
        rows = []
        for new in ready:
            row = {k: v for k, v in new.items() if k != "parent_code"}
            row["parent_id"] = ids.get(new["parent_code"]) if new["parent_code"] else None
            row["source_batch_id"] = batch_id
            rows.append(row)
        ids.update(insert_returning_ids(session, table, rows, "code"))
        done = {u["code"] for u in ready}
        pending = [u for u in pending if u["code"] not in done]
    updates = []
    for changed in tree.updates:
        row = {"id": ids[changed["code"]], "source_batch_id": batch_id}
        for key, value in changed.items():
            if key == "parent_code":
                row["parent_id"] = ids.get(value) if value else None
            elif key != "code":
                row[key] = value
        updates.append(row)
    update_many(session, table, updates, ("name", "type", "status", "path", "parent_id", "source_batch_id",
                                          "source_sheet", "source_row"))
    update_many(session, table, [{"id": ids[m["code"]], "path": m["path"]} for m in tree.moved], ("path",))
    if regions:
        session.execute(update(table).where(table.c.id == bindparam("r_id")).values(region=bindparam("r_region")),
                        [{"r_id": ids[code], "r_region": region} for code, region in regions],
                        execution_options={"synchronize_session": False})
    entries = [(c.entity, c.key, "update", c.before, c.after) for c in tree.changes.items if c.action == "changed"]
    entries += [("org_unit", m["code"], "move", None, {"path": m["path"]}) for m in tree.moved]
    audit_many(session, actor, entries, batch_id=batch_id, at=at)
    return len(tree.new) + len(updates) + len(tree.moved)
