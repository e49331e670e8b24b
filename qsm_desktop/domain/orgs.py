"""The org tree's vocabulary and shape rules (机构) — DESIGN.md §2 and §3.1.

Pure values (no SQL, no Qt): the five unit types (机构类型), the two statuses (状态) and which type
may sit under which. The store's ``OrgUnit`` table, the org list's kind and its import handler use
them.
"""

from __future__ import annotations

import enum

__all__ = ["ALLOWED_PARENTS", "ORG_STATUSES", "ORG_TYPES", "OrgStatus", "OrgType"]


class OrgType(str, enum.Enum):
    """机构类型 — the five kinds of org unit (DESIGN §2)."""

    HEAD_OFFICE = "总行"
    HO_DEPARTMENT = "总行部门"
    BRANCH = "分行"
    SUB_BRANCH = "支行"
    OUTLET = "网点"


class OrgStatus(str, enum.Enum):
    """状态 — 正常 (active) or 撤销 (closed)."""

    ACTIVE = "正常"
    CLOSED = "撤销"


ORG_TYPES: tuple[str, ...] = tuple(t.value for t in OrgType)
"""机构类型 as written in an org list, head office first."""

ORG_STATUSES: tuple[str, ...] = tuple(s.value for s in OrgStatus)
"""状态 as written in an org list (empty means 正常)."""

ALLOWED_PARENTS: dict[str, tuple[str, ...]] = {
    OrgType.HEAD_OFFICE.value: (),
    OrgType.HO_DEPARTMENT.value: (OrgType.HEAD_OFFICE.value,),
    OrgType.BRANCH.value: (OrgType.HEAD_OFFICE.value,),
    OrgType.SUB_BRANCH.value: (OrgType.BRANCH.value,),
    OrgType.OUTLET.value: (OrgType.SUB_BRANCH.value, OrgType.BRANCH.value),
}
"""机构类型 → the types its parent may have: 总行 → 总行部门 and 分行 → 支行 → 网点; an outlet may
also hang directly under a branch (e.g. 分行营业部) (DESIGN §2)."""
