"""机构清单 — the org list (``kind = org_units``), DESIGN.md §2 and §3.1.

| 机构代码 | 机构名称 | 上级机构代码 | 机构类型 | 所在地区 | 状态 |

机构类型 ∈ 总行, 总行部门, 分行, 支行, 网点; 状态 ∈ 正常, 撤销 (default 正常). The tree is 总行 →
总行部门 and 分行 → 支行 → 网点 (an outlet may also hang directly under a branch, e.g. 分行营业部).
New units are added, changed ones updated (moving a unit moves its whole subtree); units missing
from the list are left as they are — a unit is closed by listing it with 状态 撤销.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from qsm_desktop.domain import i18n
from qsm_desktop.domain.normalise import NormaliseError, check_not_formula, clean_text, fold, parse_org_code
from qsm_desktop.excel.kinds import _db
from qsm_desktop.excel.kinds.base import (
    Change,
    Changes,
    Column,
    ImportContext,
    OrgInfo,
    ParsedReturn,
    ReturnKind,
    register_kind,
)
from qsm_desktop.excel.problems import Problem
from qsm_desktop.excel.table import Table, TableRow
from qsm_desktop.store.models import OrgStatus, OrgType, OrgUnit

ORG_TYPES = tuple(t.value for t in OrgType)
STATUSES = tuple(s.value for s in OrgStatus)
ALLOWED_PARENTS = {
    OrgType.HEAD_OFFICE.value: (),
    OrgType.HO_DEPARTMENT.value: (OrgType.HEAD_OFFICE.value,),
    OrgType.BRANCH.value: (OrgType.HEAD_OFFICE.value,),
    OrgType.SUB_BRANCH.value: (OrgType.BRANCH.value,),
    OrgType.OUTLET.value: (OrgType.SUB_BRANCH.value, OrgType.BRANCH.value),
}
"""机构类型 → the types its parent may have (DESIGN §2)."""

_STATUS_SYNONYMS = {"撤消": "撤销", "已撤销": "撤销", "关闭": "撤销", "营业": "正常", "在用": "正常"}

i18n.register(
    {
        "org.duplicate": (
            "机构代码{code}在{cell}已出现过，同一机构只能列一行",
            "org code {code} already appears at {cell}; list each unit once",
        ),
        "org.own_parent": (
            "上级机构代码不能是机构自身的代码{code}",
            "a unit cannot be its own parent ({code})",
        ),
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
class OrgRow:
    """One parsed row of the org list."""

    row: TableRow
    code: str | None
    name: str | None
    parent_code: str | None
    type: str | None
    region: str | None
    status: str


@register_kind
class OrgUnitsReturn(ReturnKind):
    """机构清单 (DESIGN §3.1)."""

    name = "org_units"
    sheet_name = "机构清单"
    title = "机构清单"
    title_en = "Org list"
    period_type = "any"
    order = 0
    creates_org = True
    columns = (
        Column("code", ("机构代码", "机构号", "机构编号"), True, "org_code", width=10),
        Column("name", ("机构名称", "机构全称"), True, "text", width=34),
        Column("parent_code", ("上级机构代码", "上级机构", "上级机构号", "上级代码"), False, "org_code", width=12),
        Column("type", ("机构类型", "类型", "机构级别"), True, "choice", ORG_TYPES, width=10),
        Column("region", ("所在地区", "地区", "所在城市"), False, "text", width=10),
        Column("status", ("状态", "机构状态"), False, "choice", STATUSES, width=8),
    )

    # ------------------------------------------------------------------ parse
    def parse(self, table: Table, ctx: ImportContext) -> ParsedReturn:
        """Normalise codes, names, types and statuses; no code twice; no unit its own parent."""
        problems: list[Problem] = []
        records: list[OrgRow] = []
        seen: dict[str, OrgRow] = {}
        sheet = table.sheet.name if table.sheet is not None else self.sheet_name
        for row in table.rows:
            values = row
            record = OrgRow(row, None, clean_text(values.get("name")), None, None, clean_text(values.get("region")),
                            OrgStatus.ACTIVE.value)
            raw = values.get("code")
            if raw is None or raw == "" or (isinstance(raw, str) and not fold(raw)):
                problems.append(self.required_problem(row, "code"))
            else:
                try:
                    record.code = parse_org_code(raw)
                except NormaliseError as exc:
                    problems.append(row.problem("code", exc.key, **exc.params))
            if not record.name:
                problems.append(self.required_problem(row, "name"))
            else:
                try:
                    check_not_formula(record.name)  # issue 11 §7: text is text
                except NormaliseError as exc:
                    problems.append(row.problem("name", exc.key, **exc.params))
            raw = values.get("parent_code")
            if not (raw is None or raw == "" or (isinstance(raw, str) and not fold(raw))):
                try:
                    record.parent_code = parse_org_code(raw)
                except NormaliseError as exc:
                    problems.append(row.problem("parent_code", exc.key, **exc.params))
            kind = clean_text(values.get("type"))
            if not kind:
                problems.append(self.required_problem(row, "type"))
            elif kind.replace(" ", "") not in ORG_TYPES:
                problems.append(self.choice_problem(row, "type", kind, ORG_TYPES))
            else:
                record.type = kind.replace(" ", "")
            status = clean_text(values.get("status"))
            if status:
                status = _STATUS_SYNONYMS.get(status.replace(" ", ""), status.replace(" ", ""))
                if status not in STATUSES:
                    problems.append(self.choice_problem(row, "status", status, STATUSES))
                else:
                    record.status = status
            if record.code:
                first = seen.setdefault(record.code, record)
                if first is not record:
                    problems.append(row.problem("code", "org.duplicate", code=record.code, cell=first.row.ref("code")))
                if record.parent_code == record.code:
                    problems.append(row.problem("parent_code", "org.own_parent", code=record.code))
            records.append(record)
        if not records and not table.problems:
            problems.append(Problem(sheet, None, "table.no_rows", {}))
        return ParsedReturn(self.name, sheet, records, problems)

    # ------------------------------------------------------------------ validate
    def validate(self, session: Session, parsed: ParsedReturn, ctx: ImportContext) -> None:
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
        roots = [c for c, info in ctx.orgs.items() if info.parent_code is None and info.type == OrgType.HEAD_OFFICE.value]
        for r in records:
            row = r.row
            if r.type == OrgType.HEAD_OFFICE.value:
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
        parsed.state.update(in_file=in_file, merged_parent=merged_parent)

    # ------------------------------------------------------------------ preview / apply
    def _plan(self, parsed: ParsedReturn, ctx: ImportContext) -> dict:
        if "plan" in parsed.state:
            return parsed.state["plan"]
        in_file: dict[str, OrgRow] = parsed.state["in_file"]
        merged_parent: dict[str, str | None] = parsed.state["merged_parent"]
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
        for code, r in in_file.items():
            existing = ctx.orgs.get(code)
            values = {"name": r.name, "type": r.type, "region": r.region, "status": r.status, "path": paths[code]}
            if existing is None:
                new_units.append({"code": code, **values, "parent_code": r.parent_code, "version": 1,
                                  "source_sheet": parsed.sheet, "source_row": r.row.number})
                changes.append(Change("org_unit", "new", code, f"{code} {r.name}"))
                continue
            current = {"name": existing.name, "type": existing.type, "status": existing.status, "path": existing.path,
                       "parent_code": existing.parent_code}
            wanted = dict(values, parent_code=r.parent_code)
            wanted.pop("region")  # not cached in OrgInfo; written for every listed unit in apply()
            before = {k: current[k] for k in wanted if current[k] != wanted[k]}
            if before:
                after = {k: wanted[k] for k in before}
                updates.append({"code": code, **after, "source_sheet": parsed.sheet, "source_row": r.row.number})
                changes.append(Change("org_unit", "changed", code, f"{code} {r.name}", before, after))
        moved = []
        for code, info in ctx.orgs.items():
            if code not in in_file and paths.get(code) != info.path:
                moved.append({"code": code, "path": paths[code]})
        plan = {"new": new_units, "updates": updates, "moved": moved, "in_file": in_file,
                "changes": Changes(tuple(changes))}
        parsed.state["plan"] = plan
        return plan

    def preview(self, session: Session, parsed: ParsedReturn, ctx: ImportContext) -> Changes:
        """New units and changed ones (name, type, parent, status)."""
        return self._plan(parsed, ctx)["changes"]

    def apply(self, session: Session, batch_id: int, parsed: ParsedReturn, ctx: ImportContext) -> int:
        """Insert new units parents first (one executemany per tree level), update changed ones and
        the paths of moved subtrees; regions are written for every listed unit."""
        plan = self._plan(parsed, ctx)
        table = OrgUnit.__table__
        ids = {code: info.id for code, info in ctx.orgs.items()}
        pending = list(plan["new"])
        while pending:
            ready = [u for u in pending if u["parent_code"] is None or u["parent_code"] in ids]
            if not ready:  # validate() rules this out; never loop forever
                raise RuntimeError("org list has units whose parents cannot be resolved")
            rows = []
            for unit in ready:
                row = {k: v for k, v in unit.items() if k != "parent_code"}
                row["parent_id"] = ids.get(unit["parent_code"]) if unit["parent_code"] else None
                row["source_batch_id"] = batch_id
                rows.append(row)
            ids.update(_db.insert_returning_ids(session, table, rows, "code"))
            done = {u["code"] for u in ready}
            pending = [u for u in pending if u["code"] not in done]
        updates = []
        for unit in plan["updates"]:
            row = {"id": ids[unit["code"]], "source_batch_id": batch_id}
            for key, value in unit.items():
                if key == "parent_code":
                    row["parent_id"] = ids.get(value) if value else None
                elif key != "code":
                    row[key] = value
            updates.append(row)
        _db.update_many(session, table, updates, ("name", "type", "status", "path", "parent_id", "source_batch_id",
                                                  "source_sheet", "source_row"))
        _db.update_many(session, table, [{"id": ids[m["code"]], "path": m["path"]} for m in plan["moved"]], ("path",))
        regions = [{"id": ids[code], "region": r.region} for code, r in plan["in_file"].items() if r.region is not None]
        if regions:
            from sqlalchemy import bindparam, update

            session.execute(update(table).where(table.c.id == bindparam("r_id")).values(region=bindparam("r_region")),
                            [{"r_id": r["id"], "r_region": r["region"]} for r in regions],
                            execution_options={"synchronize_session": False})
        entries = [(c.entity, c.key, "update", c.before, c.after) for c in plan["changes"].items if c.action == "changed"]
        entries += [("org_unit", m["code"], "move", None, {"path": m["path"]}) for m in plan["moved"]]
        _db.audit_many(session, ctx.actor, entries, batch_id=batch_id, at=ctx.now)
        return len(parsed.records)

    def template_rows(self, session: Session | None, ctx: ImportContext) -> list[dict]:
        """The current units of the reporting subtree, parents first."""
        subtree: dict[str, OrgInfo] = ctx.subtree() if ctx.org is not None else {}
        return [{"code": o.code, "name": o.name, "parent_code": o.parent_code, "type": o.type, "status": o.status}
                for o in sorted(subtree.values(), key=lambda o: o.path)]
