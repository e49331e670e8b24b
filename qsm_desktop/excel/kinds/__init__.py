"""Return kinds (报表种类), one module each; every module registers its kind on import.

Use :func:`get_kind`, :func:`all_kinds`, :func:`infer_kind` — they load the modules on first use.
A kind translates a workbook into typed records; its import handler lives in ``services``.
"""

from qsm_desktop.excel.kinds.base import (
    Column,
    ParseContext,
    ParsedReturn,
    ReturnKind,
    all_kinds,
    get_kind,
    infer_kind,
    load_kinds,
    register_kind,
)

__all__ = [
    "Column", "ParseContext", "ParsedReturn", "ReturnKind", "all_kinds", "get_kind", "infer_kind", "load_kinds",
    "register_kind",
]
