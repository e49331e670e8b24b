"""Importing branch returns (导入分行报表) — the return engine's use case, DESIGN.md §3.

One file is one transaction: all of it or nothing. The steps:

1. read the bytes; the same SHA-256 as an earlier batch → ``unchanged`` (nothing else is done);
2. recognise the file by its bytes and read it (:mod:`qsm_desktop.excel.reader`) — a CSV, HTML,
   encrypted, empty or truncated file is ``refused`` with a sentence saying what it is;
3. the kind from ``_meta`` or, when that sheet was deleted, from the header titles;
4. the reporting unit and period from ``_meta``, else the ``填报单位``/``报告期`` line above the
   table, else ``org``/``period`` given by the caller (``--org``/``--period``, a dialog); a file
   and a caller that disagree, or neither knowing, is refused with a message saying what to do;
5. the kind parses every row (DB-free) and validates against the database; **every** problem is
   collected, as ``sheet!cell`` + message in the user's language, before anything is written;
6. the preview of what changes (new staff, changed certificates, leavers …); a ``dry_run`` stops
   here and writes nothing;
7. the batch is written with the kind's records (each keeps batch, sheet and row); a newer return
   for the same kind × unit × period supersedes the older batch (``superseded_by``); the audit log
   gets the batch and every update.

Look-ups are preloaded (the org tree once per call of :func:`import_files`), writes are bulk
statements: the cost per file is a handful of statements, not one per row.

The package: :mod:`.engine` (the steps, races, dependency order), :mod:`.registry` (which handler
imports which kind), :mod:`.results` (what the caller gets back) and :mod:`.service` (the service
the window and the CLI use, templates).
"""

from qsm_desktop.services.imports.service import BatchInfo, ImportService, write_template

# The engine and the kinds it reads (openpyxl-free, but the Excel reader, every return kind and its
# handler) load on first use: the window lists periods and batches through ImportService before it
# paints, and imports nothing until a file comes (issue 14: first window ≤ 1 s).
_LAZY = {
    "OrgCache": "engine", "import_file": "engine", "import_files": "engine",
    "KindInfo": "registry", "handler_for": "registry", "handlers": "registry",
    "STATUS_DRY_RUN": "results", "STATUS_IMPORTED": "results", "STATUS_REFUSED": "results",
    "STATUS_UNCHANGED": "results", "ImportProblem": "results", "ImportResult": "results", "PreviewItem": "results",
}

__all__ = [
    "BatchInfo", "ImportProblem", "ImportResult", "ImportService", "KindInfo", "OrgCache", "PreviewItem",
    "STATUS_DRY_RUN", "STATUS_IMPORTED", "STATUS_REFUSED", "STATUS_UNCHANGED", "handler_for", "handlers",
    "import_file", "import_files", "write_template",
]


def __getattr__(name: str):
    """The engine's names, imported when first asked for (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
