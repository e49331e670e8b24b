"""Return kinds (报表种类), one module each; every module registers its kind on import.

Use :func:`get_kind`, :func:`all_kinds`, :func:`infer_kind` — they load the modules on first use.
"""

from qsm_desktop.excel.kinds.base import (
    Change,
    Changes,
    Column,
    ImportContext,
    OrgInfo,
    ParsedReturn,
    ReturnKind,
    all_kinds,
    get_kind,
    infer_kind,
    load_kinds,
    register_kind,
)

__all__ = [
    "Change", "Changes", "Column", "ImportContext", "OrgInfo", "ParsedReturn", "ReturnKind", "all_kinds",
    "get_kind", "infer_kind", "load_kinds", "register_kind",
]
