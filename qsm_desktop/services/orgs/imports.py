"""The org list's import handler (机构清单导入) — DESIGN.md §2, §3.1.

The kind (:mod:`qsm_desktop.excel.kinds.org_units`) has read the list into frozen
:class:`~qsm_desktop.excel.kinds.org_units.OrgRow` records. This handler, inside the engine's
transaction, checks the tree the list would make together with the registered units — parents
known (in the list or the register) and of an allowed type (:data:`qsm_desktop.domain.orgs.ALLOWED_PARENTS`),
no loops, one head office, every unit inside the reporting unit's subtree — then previews and
writes through :func:`~qsm_desktop.services.orgs.org_list.plan_org_list` and
:func:`~qsm_desktop.services.orgs.org_list.update_org_tree_in`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from qsm_desktop.domain import i18n
from qsm_desktop.domain.orgs import ALLOWED_PARENTS, OrgType
from qsm_desktop.excel.kinds.base import ParsedReturn
from qsm_desktop.excel.kinds.org_units import OrgRow
from qsm_desktop.excel.problems import Problem
from qsm_desktop.services.import_handlers import Changes, ImportContext, ImportHandler, ImportPlan, OrgInfo
from qsm_desktop.services.orgs.org_list import OrgTreeUpdate, plan_org_list, update_org_tree_in

__all__ = ["OrgListHandler", "OrgListPlan"]

i18n.register(
    {
        "org.parent_missing": (
            "上级机构{parent}既不在本清单中，也不在系统中。请先列出上级机构",
            "parent unit {parent} is neither in this list nor in the register; list the parent unit too",
        ),
        "org.needs_parent": (
            "{type}必须填写上级机构代码",
            "a {type} needs a parent org code",
        ),
        "org.root_has_parent": (
            "总行不能有上级机构，请清空上级机构代码",
            "the head office has no parent; clear the parent org code",
        ),
        "org.parent_type": (
            "{type}的上级应为{allowed}，而{parent}（{parent_name}）是{parent_type}",
            "a {type} must sit under a {allowed}, but {parent} ({parent_name}) is a {parent_type}",
        ),
        "org.cycle": (
            "机构{code}的上级关系形成了循环（{chain}），请核对上级机构代码",
            "the parents of unit {code} form a loop ({chain}); check the parent org codes",
        ),
        "org.outside": (
            "机构{code}不在填报单位{root}的范围内。本清单只能列出本单位及下属机构",
            "unit {code} is not under the reporting unit {root}; this list covers that unit and the units under it",
        ),
        "org.second_root": (
            "系统中已有总行{existing}（{name}），不能再增加总行{code}",
            "the register already has a head office {existing} ({name}); cannot add another ({code})",
        ),
    }
)


@dataclass
class OrgListPlan(ImportPlan):
    """What :meth:`OrgListHandler.check` found: the ``listed`` units (code → row, list order), every
    code's parent once the list is applied (``merged_parent``) and, once previewed, the ``tree``
    update that :meth:`OrgListHandler.apply` writes."""

    listed: dict[str, OrgRow] = field(default_factory=dict)
    merged_parent: dict[str, str | None] = field(default_factory=dict)
    tree: OrgTreeUpdate | None = None


class OrgListHandler(ImportHandler[OrgListPlan]):
    """The database side of the org list (``kind = org_units``)."""

    kind = "org_units"
    # a branch sends her own subtree's list (DESIGN §3.1 among the branch returns, §6): every row inside
    # her scope, her branch's own row unchanged — refused by cell otherwise; on PostgreSQL org_units'
    # grants and WITH CHECK policy refuse the same (store/security.py)
    head_office_only = False

    def check(self, session: Session, parsed: ParsedReturn, ctx: ImportContext) -> OrgListPlan:
        """Parents exist (in the list or the register), types fit the tree, no loops, one head office,
        every unit inside the reporting unit's subtree."""
        records: list[OrgRow] = [r for r in parsed.records if r.code]
        in_file = {r.code: r for r in records}
        merged_parent = {code: info.parent_code for code, info in ctx.orgs.items()}
        merged_type = {code: info.type for code, info in ctx.orgs.items()}
        merged_name = {code: info.name for code, info in ctx.orgs.items()}
        for r in records:
            merged_parent[r.code] = r.parent_code
            if r.type:
                merged_type[r.code] = r.type
            merged_name[r.code] = r.name or ""
        problems = parsed.problems
        outside = self._outside_scope(records, ctx, problems)
        head_office = OrgType.HEAD_OFFICE.value
        roots = [c for c, info in ctx.orgs.items() if info.parent_code is None and info.type == head_office]
        for r in records:
            row = r.row
            if r.code in outside:
                continue
            if r.type == head_office:
                if r.parent_code:
                    problems.append(row.problem("parent_code", "org.root_has_parent"))
                other = [c for c in roots if c != r.code]
                if other:
                    problems.append(row.problem("type", "org.second_root", existing=other[0],
                                                name=ctx.orgs[other[0]].name, code=r.code))
                continue
            if not r.parent_code:
                if r.type:
                    problems.append(row.problem("parent_code", "org.needs_parent", type=r.type))
                continue
            if r.parent_code not in merged_parent:
                problems.append(row.problem("parent_code", "org.parent_missing", parent=r.parent_code))
                continue
            parent_type = merged_type.get(r.parent_code)
            allowed = ALLOWED_PARENTS.get(r.type or "", ())
            if r.type and parent_type and parent_type not in allowed:
                problems.append(row.problem("parent_code", "org.parent_type", type=r.type, allowed="或".join(allowed),
                                            parent=r.parent_code, parent_name=merged_name.get(r.parent_code, ""),
                                            parent_type=parent_type))
        # loops and the reporting unit's subtree, on the merged tree
        root_code = ctx.org_code
        for r in records:
            if r.code in outside:
                continue
            chain, code, looped = [r.code], merged_parent.get(r.code), False
            while code is not None:
                if code in chain:
                    looped = True
                    break
                chain.append(code)
                code = merged_parent.get(code)
            if looped:
                problems.append(r.row.problem("parent_code", "org.cycle", code=r.code, chain="→".join(chain + [code])))
                continue
            if root_code and root_code not in chain and (root_code in merged_parent):
                problems.append(r.row.problem("code", "org.outside", code=r.code, root=root_code))
        return OrgListPlan(parsed, in_file, merged_parent)

    @staticmethod
    def _outside_scope(records: list[OrgRow], ctx: ImportContext, problems: list[Problem]) -> set[str]:
        """Rows a scoped person may not list (DESIGN §6), each refused at its cell: her scope's own
        root unit changed (name, type, parent, status — head office's), a unit of the
        register outside her scope (listing it would move another branch's unit into hers), or a
        unit put under a parent outside her scope (moving hers out; a unit keeping the parent it
        has — her branch under the head office — is fine). Returns the codes refused."""
        refused: set[str] = set()
        scope = ctx.actor.org_scope if ctx.actor is not None else None
        for r in records:
            known = ctx.orgs.get(r.code)
            if scope and r.code == scope and known is not None and (
                    (r.name and r.name != known.name) or (r.type and r.type != known.type)
                    or r.parent_code != known.parent_code or r.status != known.status):
                problems.append(r.row.problem("code", "org.scope_root", code=r.code))
                refused.add(r.code)
            elif known is not None and ctx.outside_scope(r.code):
                problems.append(ctx.scope_problem(r.row, "code", r.code))
                refused.add(r.code)
            elif (r.parent_code and ctx.outside_scope(r.parent_code)
                  and (known is None or known.parent_code != r.parent_code)):
                problems.append(ctx.scope_problem(r.row, "parent_code", r.parent_code))
                refused.add(r.code)
        return refused

    def _tree(self, plan: OrgListPlan, ctx: ImportContext) -> OrgTreeUpdate:
        if plan.tree is None:
            plan.tree = plan_org_list(plan.listed, plan.parsed.sheet, ctx.orgs, plan.merged_parent, ctx.org)
        return plan.tree

    def preview(self, session: Session, plan: OrgListPlan, ctx: ImportContext) -> Changes:
        """New units and changed ones (name, type, parent, status, path)."""
        return self._tree(plan, ctx).changes

    def apply(self, session: Session, batch_id: int, plan: OrgListPlan, ctx: ImportContext) -> int:
        """Update the tree (:func:`update_org_tree_in`); the number of rows read."""
        update_org_tree_in(session, ctx.actor, self._tree(plan, ctx), batch_id=batch_id, at=ctx.now)
        return len(plan.parsed.records)

    def template_rows(self, session: Session | None, ctx: ImportContext) -> list[dict]:
        """The current units of the reporting subtree, parents first."""
        subtree: dict[str, OrgInfo] = ctx.subtree() if ctx.org is not None else {}
        return [{"code": o.code, "name": o.name, "parent_code": o.parent_code, "type": o.type, "status": o.status}
                for o in sorted(subtree.values(), key=lambda o: o.path)]
