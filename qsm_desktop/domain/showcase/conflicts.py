"""Conflicts of interest (回避): a reviewer may not score an outlet of their own branch.

Source: DESIGN.md §5; the org tree's unit types per DESIGN.md §2/§3.1.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping

from qsm_desktop.domain.errors import NotFound
from qsm_desktop.domain.i18n import msg, register

register(
    {
        "showcase.org.unknown": (
            "机构代码“{code}”不在机构清单中：请先导入机构清单或更正代码。",
            "Org code '{code}' is not in the org list; import the org list first or correct the code.",
        ),
    }
)


#: Gives an org code's branch code (分行机构代码), or ``None`` for head office and its departments.
BranchOf = Callable[[str], "str | None"]


def branch_by_code_convention(org_code: str) -> str | None:
    """The branch of an org code under the sample bank's coding (机构代码规则).

    Codes starting ``"00"`` are head office and its departments → ``None`` (no branch); any other
    6-digit code belongs to branch ``code[:2] + "0000"`` (``"370203"`` → ``"370000"``). The
    services use the org tree instead (:func:`branch_map_from_parents`); this convention is for
    tests and files without an org list. Raises ``ValueError`` for a code that is not 6 digits.
    """
    code = unicodedata.normalize("NFKC", str(org_code)).strip()
    if not re.fullmatch(r"\d{6}", code):
        raise ValueError(f"org code must be 6 digits: {org_code!r}")
    return None if code.startswith("00") else code[:2] + "0000"


def branch_map_from_parents(units: Mapping[str, tuple[str | None, str]]) -> dict[str, str | None]:
    """Each org code's branch from the org tree: ``{code: (parent_code, unit_type)}`` →
    ``{code: branch_code | None}``.

    ``unit_type`` is 机构类型 (总行, 总行部门, 分行, 支行, 网点; DESIGN §2/§3.1). A unit's branch is its
    nearest ancestor-or-self of type 分行; head office, its departments and anything not under a
    branch map to ``None``. Cycles in bad data stop the walk (→ ``None``).
    """
    result: dict[str, str | None] = {}
    for code in units:
        seen: set[str] = set()
        current: str | None = code
        branch: str | None = None
        while current is not None and current in units and current not in seen:
            seen.add(current)
            parent, unit_type = units[current]
            if unit_type == "分行":
                branch = current
                break
            current = parent
        result[code] = branch
    return result


def _branch_lookup(branch_of: BranchOf | Mapping[str, str | None]) -> BranchOf:
    if callable(branch_of):
        return branch_of
    mapping = branch_of

    def lookup(code: str) -> str | None:
        try:
            return mapping[code]
        except KeyError:
            raise NotFound(msg("showcase.org.unknown", code=code)) from None

    return lookup


def is_conflicted(reviewer_org: str, outlet_org: str, branch_of: BranchOf | Mapping[str, str | None]) -> bool:
    """Whether a reviewer may not score this outlet (回避, DESIGN §5).

    Conflicted when the reviewer's org unit is the outlet itself or lies in the same branch
    subtree as the outlet; head-office departments belong to no branch, so their reviewers are
    never conflicted by branch. ``branch_of``: a function or mapping giving each org code's
    branch code (``None`` = no branch); a mapping without the code raises :class:`NotFound`.
    """
    if reviewer_org == outlet_org:
        return True
    lookup = _branch_lookup(branch_of)
    reviewer_branch = lookup(reviewer_org)
    return reviewer_branch is not None and reviewer_branch == lookup(outlet_org)
