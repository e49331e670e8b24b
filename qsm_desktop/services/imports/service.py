"""The import service for the window and the CLI (``services.imports``): importing, templates
(生成报表模板), the batches on the returns board, the kinds to list."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from qsm_desktop.domain import i18n
from qsm_desktop.domain.errors import InputRefused, NotFound
from qsm_desktop.domain.normalise import NormaliseError, parse_org_code, parse_period, period_end
from qsm_desktop.services.context import Actor, require, scope_pattern
from qsm_desktop.store.models import BatchStatus, ImportBatch, OrgUnit

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.excel.files import SkippedFile
    from qsm_desktop.services.bundle import Services
    from qsm_desktop.services.imports.registry import KindInfo
    from qsm_desktop.services.imports.results import ImportResult

# The engine, the Excel reader and the return kinds are imported inside the functions that use
# them: the window asks this service for periods and batches before its first paint, which need
# none of them (issue 14: first window ≤ 1 s).


# ------------------------------------------------------------------------------------------ templates

i18n.register(
    {
        "import.action": ("导入报表", "import returns"),
        "template.unknown_kind": (
            "没有“{kind}”这种报表，可用：{kinds}",
            "there is no return kind '{kind}'; use one of: {kinds}",
        ),
        "template.action": ("生成报表模板", "write return templates"),
    }
)


def write_template(target: Services | sessionmaker, actor: Actor, kind_name: str, org_code: str, period: str,
                   output: str | Path, *, prefill: bool = True) -> Path:
    """Write the template of ``kind_name`` for unit ``org_code`` and ``period`` to ``output`` (生成模板).

    Drop-down lists come from the database (posts, certificate names …); with ``prefill`` the
    template carries the unit's current records where the kind provides them (the roster for a
    certification return). Raises :class:`InputRefused` (unknown kind, bad code or period),
    :class:`NotFound` (unknown unit), ``OSError`` when the file cannot be written.
    """
    from qsm_desktop.excel.kinds import all_kinds, get_kind
    from qsm_desktop.excel.template import write_return
    from qsm_desktop.services.import_handlers import ImportContext
    from qsm_desktop.services.imports.engine import OrgCache, sessions_of
    from qsm_desktop.services.imports.registry import handler_for

    kind = get_kind(kind_name)
    if kind is None:
        raise InputRefused(i18n.msg("template.unknown_kind", kind=kind_name, kinds=", ".join(k.name for k in all_kinds())))
    try:
        code = parse_org_code(org_code)
        canonical = parse_period(period)
    except NormaliseError as exc:
        raise InputRefused(str(exc)) from None
    sessions = sessions_of(target)
    cache = OrgCache()
    with sessions() as session:
        orgs = cache.get(session)
        unit = orgs.get(code)
        if unit is None and not kind.creates_org:
            raise NotFound(i18n.msg("import.org_unknown", code=code))
        require(actor, i18n.msg("template.action"), write=False, org_path=unit.path if unit else None, org_code=code)
        ctx = ImportContext(file=str(output), org_code=code, period=canonical, period_end=period_end(canonical),
                            orgs=orgs, actor=actor, org=unit)
        handler = handler_for(kind.name)
        choices = handler.template_choices(session)
        rows = handler.template_rows(session, ctx) if prefill else []
    out = Path(output)
    write_return(out, kind=kind.name, sheet_name=kind.sheet_name, title=f"交通银行{kind.title}"
                 if kind.name != "org_units" else kind.title, columns=kind.columns, org_code=code,
                 org_name=unit.name if unit else "", period=canonical, rows=rows, choices=choices)
    return out


# ------------------------------------------------------------------------------------------ service

@dataclass(frozen=True)
class BatchInfo:
    """An import batch for the returns page: id, file, kind, org, period, who, when, status, rows."""

    id: int
    file_name: str
    kind: str
    org_code: str | None
    period: str | None
    imported_by: str
    imported_at: dt.datetime
    status: str
    row_count: int
    superseded_by: int | None


class ImportService:
    """The return engine for the window and the CLI (``services.imports``)."""

    def __init__(self, services: Services):
        self._services = services

    def import_files(self, paths: Sequence[str | Path], actor: Actor, *, org: str | None = None, period: str | None = None,
                     dry_run: bool = False, language: str | None = None,
                     progress: Callable[[int, int, str], None] | None = None,
                     cancel: threading.Event | None = None) -> list[ImportResult]:
        """See :func:`import_files` (note the argument order ``paths, actor`` used by the window)."""
        from qsm_desktop.services.imports.engine import import_files

        return import_files(self._services, actor, paths, org=org, period=period, dry_run=dry_run, language=language,
                            progress=progress, cancel=cancel)

    def import_file(self, actor: Actor, path: str | Path, **options: Any) -> ImportResult:
        """See :func:`import_file`."""
        from qsm_desktop.services.imports.engine import import_file

        return import_file(self._services, actor, path, **options)

    def write_template(self, actor: Actor, kind: str, org_code: str, period: str, output: str | Path,
                       *, prefill: bool = True) -> Path:
        """See :func:`write_template`."""
        return write_template(self._services, actor, kind, org_code, period, output, prefill=prefill)

    def expand_paths(self, paths: Sequence[str | Path]) -> tuple[list[Path], list[SkippedFile]]:
        """The files to import from ``paths`` (files and folders, as dropped or chosen) and the ones
        skipped with a note — Excel/WPS lock files (``~$…``), hidden and system files, non-workbooks
        found in a folder (issue 11; :func:`qsm_desktop.excel.files.expand_return_paths`)."""
        from qsm_desktop.excel.files import expand_return_paths

        return expand_return_paths(paths)

    def kinds(self) -> list[KindInfo]:
        """Every return kind the engine imports, in the kinds' ``order`` (the window's lists)."""
        from qsm_desktop.excel.kinds import all_kinds
        from qsm_desktop.services.imports.registry import KindInfo

        return [KindInfo(k.name, k.title, k.title_en, k.period_type, k.owed_by_branches)
                for k in sorted(all_kinds(), key=lambda k: (k.order, k.name))]

    def kind(self, name: str) -> KindInfo | None:
        """The kind called ``name`` (``None`` if there is none)."""
        return next((k for k in self.kinds() if k.name == name), None)

    def periods(self, actor: Actor) -> list[str]:
        """Periods that have at least one imported return ``actor`` may see, ascending (e.g. ``['2007', '2007Q4']``)."""
        with self._services.read() as session:
            rows = session.scalars(_visible_batches(select(ImportBatch.period).where(ImportBatch.period.is_not(None)),
                                                    actor).distinct())
            return sorted(set(rows))

    def batches(self, actor: Actor, *, kind: str | None = None, period: str | None = None,
                limit: int = 500) -> list[BatchInfo]:
        """The latest import batches ``actor`` may see (newest first), optionally of one kind and period."""
        stmt = _visible_batches(select(ImportBatch), actor).order_by(ImportBatch.id.desc()).limit(limit)
        if kind:
            stmt = stmt.where(ImportBatch.kind == kind)
        if period:
            stmt = stmt.where(ImportBatch.period == period)
        with self._services.read() as session:
            return [BatchInfo(b.id, b.file_name, b.kind, b.org_code, b.period, b.imported_by, b.imported_at, b.status,
                              b.row_count, b.superseded_by_id) for b in session.scalars(stmt)]

    def returned(self, actor: Actor, kind: str, period: str) -> dict[str, int]:
        """Which units ``actor`` sees have returned ``kind`` for ``period``: org code → current batch id (报表收取情况)."""
        with self._services.read() as session:
            rows = session.execute(
                _visible_batches(select(ImportBatch.org_code, func.max(ImportBatch.id)), actor)
                .where(ImportBatch.kind == kind, ImportBatch.period == period, ImportBatch.status == BatchStatus.IMPORTED)
                .group_by(ImportBatch.org_code)
            ).all()
        return {code: batch for code, batch in rows if code}


def _visible_batches(stmt, actor: Actor):
    """``stmt`` (over ``import_batches``) narrowed to the returns of units in ``actor``'s scope — the
    rule of the table's PostgreSQL policy: a scoped person sees her subtree's batches, and none
    without a reporting unit (DESIGN §6)."""
    pattern = scope_pattern(actor)
    if pattern is None:
        return stmt
    return stmt.where(ImportBatch.org_code.in_(select(OrgUnit.code).where(OrgUnit.path.like(pattern))))
