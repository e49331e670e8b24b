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
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from qsm_desktop.domain import i18n
from qsm_desktop.domain.errors import InputRefused, NotFound, PermissionDenied
from qsm_desktop.domain.normalise import NormaliseError, parse_org_code, parse_period, period_end
from qsm_desktop.excel.kinds import ParsedReturn, ReturnKind, all_kinds, get_kind, infer_kind
from qsm_desktop.excel.problems import Problem, sort_problems
from qsm_desktop.excel.reader import META_SHEET, WorkbookData, WorkbookRefused, read_workbook
from qsm_desktop.excel.table import Table, find_label_value, parse_reporting_unit
from qsm_desktop.excel.template import write_return
from qsm_desktop.services.audit import audit_many
from qsm_desktop.services.context import Actor, Database, require
from qsm_desktop.services.import_handlers import Change, Changes, ImportContext, ImportHandler, ImportPlan, OrgInfo
from qsm_desktop.store.models import BatchStatus, ImportBatch, OrgUnit

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services

__all__ = [
    "ImportProblem",
    "ImportResult",
    "ImportService",
    "OrgCache",
    "PreviewItem",
    "import_file",
    "import_files",
    "write_template",
]

i18n.register(
    {
        "import.unknown_kind": (
            "无法判断这是哪一种报表：文件没有_meta工作表，表头也不像任何一种报表（{kinds}）。请使用下发的模板填报",
            "cannot tell which return this is: the file has no _meta sheet and its headers match no return "
            "({kinds}). Use the template that was sent out",
        ),
        "import.kind_unsupported": (
            "这是“{kind}”报表，本程序暂不能导入这种报表",
            "this is a '{kind}' return, which this program cannot import yet",
        ),
        "import.org_needed": (
            "无法确定填报单位：文件没有_meta工作表，表格上方也没有“填报单位：…（机构代码）”。请指定机构代码（命令行用 --org CODE）",
            "cannot tell the reporting unit: the file has no _meta sheet and no '填报单位：…(code)' line above "
            "the table. Give the org code (on the command line: --org CODE)",
        ),
        "import.period_needed": (
            "无法确定报告期：文件没有_meta工作表，表格上方也没有“报告期：…”。请指定报告期（命令行用 --period 2007Q4）",
            "cannot tell the reporting period: the file has no _meta sheet and no '报告期：…' line above the "
            "table. Give the period (on the command line: --period 2007Q4)",
        ),
        "import.org_mismatch": (
            "文件写明的填报单位是{file_value}，但指定的是{given}。请核对文件或去掉 --org",
            "the file says the reporting unit is {file_value} but {given} was given; check the file or drop --org",
        ),
        "import.period_mismatch": (
            "文件写明的报告期是{file_value}，但指定的是{given}。请核对文件或去掉 --period",
            "the file says the period is {file_value} but {given} was given; check the file or drop --period",
        ),
        "import.org_unknown": (
            "填报单位机构代码{code}不存在。请核对代码，或先导入包含该机构的机构清单",
            "the reporting unit {code} does not exist. Check the code, or import the org list that contains it first",
        ),
        "import.org_name_unknown": (
            "填报单位“{name}”在系统中找不到（且未写机构代码）。请在填报单位后写上6位机构代码，或用 --org 指定",
            "the reporting unit '{name}' is not in the register and the line gives no code; add the 6-digit "
            "code or pass --org",
        ),
        "import.meta_value": (
            "_meta工作表中的{key}“{value}”无效：{reason}",
            "the _meta sheet's {key} '{value}' is not valid: {reason}",
        ),
        "import.given_value": (
            "指定的{key}“{value}”无效：{reason}",
            "the given {key} '{value}' is not valid: {reason}",
        ),
        "import.denied": ("{reason}", "{reason}"),
        "import.conflict": (
            "导入时发现这些记录刚被他人修改，本文件未导入。请稍后重新导入",
            "someone else changed these records while importing; nothing of this file was kept. Import it again",
        ),
        "import.cancelled": ("已取消，此文件未导入", "cancelled; this file was not imported"),
        "import.raced": (
            "在您导入期间，该报表已被他人导入，请重新导入（本文件未导入任何内容）",
            "someone else imported this return while you were importing it; nothing of this file was "
            "kept. Import it again",
        ),
        "import.busy": (
            "数据库正忙（另一个程序正在写入），等待超时，未导入任何内容，请稍后重试",
            "the database stayed busy (another program is writing to it) longer than the wait; nothing "
            "was imported. Try again in a moment",
        ),
    }
)

STATUS_IMPORTED = "imported"
STATUS_UNCHANGED = "unchanged"
STATUS_REFUSED = "refused"
STATUS_DRY_RUN = "dry-run"

_REPORTING_UNIT_LABELS = ("填报单位", "报送单位", "填报机构", "申报单位")
_PERIOD_LABELS = ("报告期", "报告期间", "统计期", "所属期", "报表期")


# ------------------------------------------------------------------------------------------ results

@dataclass(frozen=True)
class ImportProblem:
    """A problem as shown to the user: ``sheet``/``cell`` (``None`` for the whole file), the message
    in the user's language and its ``key``."""

    sheet: str | None
    cell: str | None
    message: str
    key: str | None = field(default=None, compare=False)
    """The message key (``import.org_needed`` …), so callers decide by key, not by translated text."""

    def __str__(self) -> str:
        where = f"{self.sheet}!{self.cell}" if self.sheet and self.cell else (self.sheet or "")
        return f"{where}: {self.message}" if where else self.message


PreviewItem = Change
"""One change of the preview: ``entity`` (staff, certificate, org_unit), ``action`` (new, changed,
leaving, removed), ``key`` (工号, 证书编号, 机构代码), a readable ``label``, ``before``/``after``."""


@dataclass(frozen=True)
class ImportResult:
    """What happened to one file.

    ``status``: ``imported`` | ``unchanged`` | ``refused`` | ``dry-run``; ``rows``: data rows read;
    ``problems`` (all of them when refused); ``preview``: the changes (imported / dry-run);
    ``batch_id`` of the new batch (or of the identical earlier one when unchanged);
    ``supersedes``: the batch this return replaced (or would replace, for a dry run);
    ``warnings``: what to read before importing that does not refuse the file (imported / dry-run).
    """

    file: str
    kind: str | None
    org: str | None
    period: str | None
    status: str
    rows: int = 0
    problems: tuple[ImportProblem, ...] = ()
    preview: tuple[PreviewItem, ...] = ()
    batch_id: int | None = None
    supersedes: int | None = None
    sha256: str | None = None
    warnings: tuple[ImportProblem, ...] = ()
    """What to read before importing that does not refuse the file (hidden rows holding data …)."""

    @property
    def refused(self) -> bool:
        return self.status == STATUS_REFUSED

    def counts(self) -> dict[str, dict[str, int]]:
        """Preview counts ``{action: {entity: n}}``."""
        result: dict[str, dict[str, int]] = {}
        for item in self.preview:
            bucket = result.setdefault(item.action, {})
            bucket[item.entity] = bucket.get(item.entity, 0) + 1
        return result

    def to_json(self, max_new: int = 200) -> dict[str, Any]:
        """The ``qsm import --json`` entry of DESIGN §7 (plus ``preview``, ``batch``, ``supersedes``).

        ``preview.items`` lists every changed, leaving and removed record but at most ``max_new`` new
        ones per entity (``preview.counts`` has them all; ``preview.truncated`` says so).
        """
        shown: dict[str, int] = {}
        items = []
        for i in self.preview:
            if i.action == "new":
                shown[i.entity] = shown.get(i.entity, 0) + 1
                if shown[i.entity] > max_new:
                    continue
            items.append({"entity": i.entity, "action": i.action, "key": i.key, "label": i.label})
        return {
            "file": self.file,
            "kind": self.kind,
            "org": self.org,
            "period": self.period,
            "status": self.status,
            "rows": self.rows,
            "problems": [{"sheet": p.sheet, "cell": p.cell, "message": p.message} for p in self.problems],
            "warnings": [{"sheet": p.sheet, "cell": p.cell, "message": p.message} for p in self.warnings],
            "preview": {"counts": self.counts(), "items": items, "truncated": len(items) < len(self.preview)},
            "batch": self.batch_id,
            "supersedes": self.supersedes,
        }


# ------------------------------------------------------------------------------------------ handlers

@dataclass
class _LegacyPlan(ImportPlan):
    """Transitional (issue 10): the plan of a kind whose database hooks are not yet a handler."""


class _LegacyHandler(ImportHandler[_LegacyPlan]):
    """Transitional (issue 10): runs a kind's own ``validate``/``preview``/``apply`` hooks until the
    kind is split into a translator and a handler in its feature's service package."""

    def __init__(self, kind: ReturnKind) -> None:
        self._kind = kind
        self.kind = kind.name

    def check(self, session: Session, parsed: ParsedReturn, ctx: ImportContext) -> _LegacyPlan:
        hook = getattr(self._kind, "validate", None)
        if hook is not None:
            hook(session, parsed, ctx)
        return _LegacyPlan(parsed)

    def superseded_batch(self, session: Session, plan: _LegacyPlan, ctx: ImportContext) -> int | None:
        hook = getattr(self._kind, "superseded_batch", None)
        return hook(session, plan.parsed, ctx) if hook is not None else ctx.superseded_batch_id

    def preview(self, session: Session, plan: _LegacyPlan, ctx: ImportContext) -> Changes:
        hook = getattr(self._kind, "preview", None)
        return hook(session, plan.parsed, ctx) if hook is not None else Changes()

    def apply(self, session: Session, batch_id: int, plan: _LegacyPlan, ctx: ImportContext) -> int:
        return self._kind.apply(session, batch_id, plan.parsed, ctx)

    def batch_slot(self, plan: _LegacyPlan, ctx: ImportContext) -> str:
        if self.kind == "score_sheet":  # score sheets stand side by side, one per reviewer
            form = plan.parsed.records[0]
            return f"{form.reviewer}|{form.reviewer_org}"
        return ""

    def template_choices(self, session: Session | None) -> dict[str, list[str]]:
        hook = getattr(self._kind, "template_choices", None)
        return hook(session) if hook is not None else {}

    def template_rows(self, session, ctx):
        hook = getattr(self._kind, "template_rows", None)
        return hook(session, ctx) if hook is not None else []


_HANDLERS: dict[str, ImportHandler] | None = None


def handlers() -> dict[str, ImportHandler]:
    """Every return kind's import handler, kind name → handler: the one list to extend when a
    return kind is added (ARCHITECTURE.md, "add a return kind")."""
    global _HANDLERS
    if _HANDLERS is None:
        found: dict[str, ImportHandler] = {}
        for handler in _handler_list():
            found[handler.kind] = handler
        for kind in all_kinds():  # transitional: kinds without a handler yet
            found.setdefault(kind.name, _LegacyHandler(kind))
        _HANDLERS = found
    return _HANDLERS


def _handler_list() -> list[ImportHandler]:
    """The handlers, imported here (not registered by side effect) so the list is explicit."""
    from qsm_desktop.services.capa.imports import CapaFeedbackHandler
    from qsm_desktop.services.complaints.imports import ComplaintsHandler
    from qsm_desktop.services.monitoring.imports import MysteryAppealHandler, MysteryVisitHandler

    return [
        MysteryVisitHandler(),
        MysteryAppealHandler(),
        CapaFeedbackHandler(),
        ComplaintsHandler(),
    ]


def handler_for(kind_name: str) -> ImportHandler:
    """The import handler of the kind called ``kind_name``. Raises ``KeyError`` for an unknown kind."""
    return handlers()[kind_name]


@dataclass(frozen=True)
class KindInfo:
    """A return kind as the window lists it: ``name`` (``certification``), Chinese ``title`` and
    ``title_en``, ``period_type`` (``quarter``/``year``/``any``) and whether every branch owes one
    each period (``owed_by_branches``, the returns board's columns)."""

    name: str
    title: str
    title_en: str
    period_type: str
    owed_by_branches: bool


# ------------------------------------------------------------------------------------------ org cache

class OrgCache:
    """What the files of one import run share: the org tree (code → :class:`OrgInfo`), loaded once,
    and :attr:`shared`, the kinds' run-level look-ups (``ImportContext.cache``). Both are dropped
    when an org list changes the tree."""

    def __init__(self) -> None:
        self._orgs: dict[str, OrgInfo] | None = None
        self.shared: dict[str, Any] = {}
        self.sqlite: bool | None = None

    def get(self, session: Session) -> dict[str, OrgInfo]:
        if self._orgs is None:
            rows = session.execute(select(OrgUnit.id, OrgUnit.code, OrgUnit.name, OrgUnit.type, OrgUnit.parent_id,
                                          OrgUnit.path, OrgUnit.status)).all()
            code_by_id = {r.id: r.code for r in rows}
            self._orgs = {r.code: OrgInfo(r.id, r.code, r.name, r.type, code_by_id.get(r.parent_id), r.path, r.status)
                          for r in rows}
        return self._orgs

    def invalidate(self) -> None:
        self._orgs = None
        self.shared.clear()


_SAME_FILE = (select(ImportBatch.id, ImportBatch.kind, ImportBatch.org_code, ImportBatch.period, ImportBatch.row_count)
              .where(ImportBatch.sha256 == bindparam("sha")).order_by(ImportBatch.id).limit(1))
"""An earlier batch with the same bytes (built once; run per file)."""

_PREVIOUS = (select(ImportBatch.id)
             .where(ImportBatch.kind == bindparam("kind"), ImportBatch.org_code == bindparam("org"),
                    ImportBatch.period == bindparam("period"), ImportBatch.status == BatchStatus.IMPORTED)
             .order_by(ImportBatch.id.desc()).limit(1))
_PREVIOUS_NO_PERIOD = (select(ImportBatch.id)
                       .where(ImportBatch.kind == bindparam("kind"), ImportBatch.org_code == bindparam("org"),
                              ImportBatch.period.is_(None), ImportBatch.status == BatchStatus.IMPORTED)
                       .order_by(ImportBatch.id.desc()).limit(1))
"""The batch a new return for the same kind × org × period supersedes."""


# ------------------------------------------------------------------------------------------ engine

def _sessions_of(target: Services | sessionmaker) -> sessionmaker:
    return target.sessions if isinstance(target, Database) else target


def _problems(problems: Iterable[Problem], language: str | None, workbook: WorkbookData | None) -> tuple[ImportProblem, ...]:
    order = [s.name for s in workbook.sheets] if workbook is not None else []
    return tuple(ImportProblem(p.sheet, p.cell, p.message(language), p.key) for p in sort_problems(problems, order))


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _resolve_org_period(workbook: WorkbookData, table: Table | None, kind: ReturnKind, org_arg: str | None,
                        period_arg: str | None, orgs: dict[str, OrgInfo]) -> tuple[str | None, str | None, list[Problem]]:
    """Reporting unit and period: ``_meta``, else the 填报单位/报告期 line, else the caller's values."""
    problems: list[Problem] = []
    meta = workbook.meta or {}
    file_org: str | None = None
    file_period: str | None = None
    if not _blank(meta.get("org_code")):
        try:
            file_org = parse_org_code(meta["org_code"])
        except NormaliseError as exc:
            problems.append(Problem(META_SHEET, None, "import.meta_value",
                                    {"key": "org_code", "value": meta["org_code"], "reason": exc.message()}))
    if not _blank(meta.get("period")):
        try:
            file_period = parse_period(meta["period"])
        except NormaliseError as exc:
            problems.append(Problem(META_SHEET, None, "import.meta_value",
                                    {"key": "period", "value": meta["period"], "reason": exc.message()}))
    sheet = table.sheet if table is not None else None
    header_row = table.header.row if table is not None and table.header is not None else None
    if sheet is not None and file_org is None and not problems:
        found = find_label_value(sheet, _REPORTING_UNIT_LABELS, before_row=header_row)
        if found is not None and not _blank(found.value):
            name, code = parse_reporting_unit(found.value)
            if code is None:
                matches = [o.code for o in orgs.values() if o.name == name]
                if len(matches) == 1:
                    code = matches[0]
                elif org_arg is None:
                    problems.append(Problem(sheet.name, found.ref, "import.org_name_unknown", {"name": name}))
            file_org = code
    if sheet is not None and file_period is None:
        found = find_label_value(sheet, _PERIOD_LABELS, before_row=header_row)
        if found is not None and not _blank(found.value):
            try:
                file_period = parse_period(found.value)
            except NormaliseError as exc:
                problems.append(Problem(sheet.name, found.ref, exc.key, dict(exc.params)))
    given_org = given_period = None
    if org_arg:
        try:
            given_org = parse_org_code(org_arg)
        except NormaliseError as exc:
            problems.append(Problem(None, None, "import.given_value", {"key": "--org", "value": org_arg, "reason": exc.message()}))
    if period_arg:
        try:
            given_period = parse_period(period_arg)
        except NormaliseError as exc:
            problems.append(Problem(None, None, "import.given_value",
                                    {"key": "--period", "value": period_arg, "reason": exc.message()}))
    if file_org and given_org and file_org != given_org:
        problems.append(Problem(None, None, "import.org_mismatch", {"file_value": file_org, "given": given_org}))
    if file_period and given_period and file_period != given_period:
        problems.append(Problem(None, None, "import.period_mismatch", {"file_value": file_period, "given": given_period}))
    org = file_org or given_org
    period = file_period or given_period
    if org is None and kind.creates_org and table is not None:
        org = _top_code_in_table(table)
    if org is None and not any(p.key in ("import.org_name_unknown", "import.given_value", "import.meta_value") for p in problems):
        problems.append(Problem(None, None, "import.org_needed", {}))
    if period is None and kind.period_type != "any" and not any(p.key.startswith("normalise.period") for p in problems):
        problems.append(Problem(None, None, "import.period_needed", {}))
    return org, period, problems


def _top_code_in_table(table: Table) -> str | None:
    """For an org list without _meta: the listed unit whose parent is not listed (the reporting unit)."""
    codes, parents = [], {}
    for row in table.rows:
        try:
            code = parse_org_code(row.get("code"))
        except NormaliseError:
            continue
        codes.append(code)
        raw = row.get("parent_code")
        try:
            parents[code] = None if _blank(raw) else parse_org_code(raw)
        except NormaliseError:
            parents[code] = None
    tops = [c for c in codes if parents.get(c) not in parents]
    return tops[0] if len(tops) == 1 else None


def _refused(file: str, problems: Iterable[Problem], language: str | None, *, workbook: WorkbookData | None = None,
             kind: str | None = None, org: str | None = None, period: str | None = None, rows: int = 0,
             sha256: str | None = None) -> ImportResult:
    problems = list(problems)
    return ImportResult(file, kind, org, period, STATUS_REFUSED, rows, _problems(problems, language, workbook),
                        sha256=sha256)




def _import_one(sessions: sessionmaker, actor: Actor, path: str | Path, *, org: str | None, period: str | None,
                dry_run: bool, language: str | None, cache: OrgCache) -> ImportResult:
    """One file in one session and one transaction: committed when imported, rolled back otherwise."""
    path = Path(path)
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _refused(name, [Problem(None, None, "excel.file.unreadable",
                                       {"file": name, "reason": i18n.os_error_text(exc, language=language)})], language)
    collecting = gc.isenabled()
    gc.disable()  # a file allocates ~10 objects per cell and frees them together: no cycles to hunt meanwhile
    try:
        return _import_session(sessions, name, data, actor, org=org, period=period, dry_run=dry_run,
                               language=language, cache=cache)
    finally:
        if collecting:
            gc.enable()


@dataclass
class _Attempt:
    """How far one file's import got: what the engine knew when a write failed (to say why)."""

    sha: str | None = None
    kind: str | None = None
    org: str | None = None
    period: str | None = None
    slot: str = ""
    previous: int | None = None
    rows: int = 0


class _ChangedMeanwhile(Exception):
    """The batch this return would supersede was superseded by someone else meanwhile."""


def _busy(exc: BaseException) -> bool:
    """The database stayed locked longer than the wait (SQLite ``database is locked``/``busy``; a
    PostgreSQL lock or statement timeout)."""
    text = str(getattr(exc, "orig", exc)).lower()
    return isinstance(exc, OperationalError) and any(
        word in text for word in ("database is locked", "database table is locked", "busy", "lock timeout",
                                  "canceling statement due to lock timeout"))


def _import_session(sessions: sessionmaker, name: str, data: bytes, actor: Actor, *, org: str | None,
                    period: str | None, dry_run: bool, language: str | None, cache: OrgCache) -> ImportResult:
    attempt = _Attempt()
    with sessions() as session:
        try:
            if cache.sqlite is None:
                cache.sqlite = session.get_bind().dialect.name == "sqlite"
            if cache.sqlite:
                # index maintenance of a bulk import touches many pages: keep them in a 64 MB page cache
                # (a setting of the pooled connection, harmless for its later users)
                session.connection().exec_driver_sql("PRAGMA cache_size=-65536")
            result = _import_in(session, name, data, actor, org=org, period=period, dry_run=dry_run,
                                language=language, cache=cache, attempt=attempt)
            if result.status == STATUS_IMPORTED:
                session.commit()
                if result.kind is not None and (kind := get_kind(result.kind)) is not None and kind.creates_org:
                    cache.invalidate()
            else:
                session.rollback()
            return result
        except (IntegrityError, StaleDataError, _ChangedMeanwhile, OperationalError) as exc:
            # someone else wrote between our look-ups and our writes, or the database stayed busy:
            # nothing of this file was kept. Say which, from a fresh look at the batches.
            session.rollback()
            cache.invalidate()
            busy = _busy(exc)
            if not busy and isinstance(exc, OperationalError):
                raise
    return _after_failed_write(sessions, name, attempt, language, busy=busy)


def _after_failed_write(sessions: sessionmaker, name: str, attempt: _Attempt, language: str | None, *,
                        busy: bool) -> ImportResult:
    """The outcome of a file whose write failed (issue 11): the same bytes imported by someone else
    meanwhile → ``unchanged``; another version of the return imported meanwhile → refused with
    ``import.raced``; the database busy → refused with ``import.busy``; else ``import.conflict``."""
    common = {"kind": attempt.kind, "org": attempt.org, "period": attempt.period, "rows": attempt.rows,
              "sha256": attempt.sha}
    try:
        with sessions() as session:
            connection = session.connection()
            same = connection.execute(_SAME_FILE, {"sha": attempt.sha}).first() if attempt.sha else None
            if same is not None:
                return ImportResult(name, same.kind, same.org_code, same.period, STATUS_UNCHANGED, same.row_count,
                                    batch_id=same.id, sha256=attempt.sha)
            current = None
            if attempt.kind is not None:
                current = connection.execute(_CURRENT, {"kind": attempt.kind, "org": attempt.org or "",
                                                        "period": attempt.period or "", "slot": attempt.slot}).scalar()
    except OperationalError as exc:
        if not _busy(exc):
            raise
        return _refused(name, [Problem(None, None, "import.busy", {})], language, **common)
    if current is not None and current != attempt.previous:
        return _refused(name, [Problem(None, None, "import.raced", {})], language, **common)
    if busy:
        return _refused(name, [Problem(None, None, "import.busy", {})], language, **common)
    return _refused(name, [Problem(None, None, "import.conflict", {})], language, **common)


def _import_in(session: Session, name: str, data: bytes, actor: Actor, *, org: str | None, period: str | None,
               dry_run: bool, language: str | None, cache: OrgCache, attempt: _Attempt) -> ImportResult:
    sha = attempt.sha = hashlib.sha256(data).hexdigest()
    connection = session.connection()
    same = connection.execute(_SAME_FILE, {"sha": sha}).first()
    if same is not None:
        return ImportResult(name, same.kind, same.org_code, same.period, STATUS_UNCHANGED, same.row_count,
                            batch_id=same.id, sha256=sha)
    orgs = cache.get(session)
    try:
        workbook = read_workbook(data, name=name)
    except WorkbookRefused as exc:
        return _refused(name, [Problem(None, None, exc.key, dict(exc.params))], language, sha256=sha)

    kind = infer_kind(workbook)
    if kind is None:
        meta_kind = (workbook.meta or {}).get("kind")
        if meta_kind:
            return _refused(name, [Problem(None, None, "import.kind_unsupported", {"kind": meta_kind})], language,
                            workbook=workbook, kind=meta_kind, sha256=sha)
        titles = "、".join(k.title for k in all_kinds())
        return _refused(name, [Problem(None, None, "import.unknown_kind", {"kinds": titles})], language,
                        workbook=workbook, sha256=sha)

    table, problems = kind.read(workbook)
    org_code, period_value, resolve_problems = _resolve_org_period(workbook, table, kind, org, period, orgs)
    problems = list(resolve_problems) + problems
    ctx = ImportContext(file=name, org_code=org_code, period=period_value,
                        period_end=period_end(period_value) if period_value else None, orgs=orgs, actor=actor,
                        cache=cache.shared)
    parsed: ParsedReturn | None = None
    if table is not None and table.header is not None and not table.problems:
        parsed = kind.parse(table, ctx)
        problems.extend(parsed.problems)
        parsed.problems = problems  # validate() appends to the same list
    rows = parsed.rows if parsed is not None else 0
    common = {"workbook": workbook, "kind": kind.name, "org": org_code, "period": period_value, "rows": rows, "sha256": sha}
    if parsed is None or any(p.key in _UNRESOLVED for p in problems):
        return _refused(name, problems, language, **common)

    ctx.org = orgs.get(org_code) if org_code else None
    if ctx.org is None and not kind.creates_org:
        problems.insert(0, Problem(None, None, "import.org_unknown", {"code": org_code}))
        return _refused(name, problems, language, **common)
    try:
        require(actor, i18n.msg("import.action", language=language), org_path=ctx.org.path if ctx.org else None,
                org_code=org_code)
    except PermissionDenied as exc:
        return _refused(name, [Problem(None, None, "import.denied", {"reason": str(exc)})], language, **common)
    if period_value:
        previous = connection.execute(_PREVIOUS, {"kind": kind.name, "org": org_code, "period": period_value}).scalar()
    else:
        previous = connection.execute(_PREVIOUS_NO_PERIOD, {"kind": kind.name, "org": org_code}).scalar()
    ctx.superseded_batch_id = previous
    handler = handler_for(kind.name)
    plan = handler.check(session, parsed, ctx)
    if problems:
        return _refused(name, problems, language, **common)
    previous = ctx.superseded_batch_id = handler.superseded_batch(session, plan, ctx)
    slot = handler.batch_slot(plan, ctx)
    attempt.kind, attempt.org, attempt.period, attempt.slot, attempt.previous, attempt.rows = (
        kind.name, org_code, period_value, slot, previous, rows)
    changes: Changes = handler.preview(session, plan, ctx)
    preview = changes.items
    warnings = _problems(parsed.warnings, language, workbook)
    if dry_run:
        return ImportResult(name, kind.name, org_code, period_value, STATUS_DRY_RUN, rows, (), preview,
                            None, previous, sha, warnings)
    change_counts = changes.counts()
    if previous is not None and connection.execute(_CLAIM_PREVIOUS, {"old": previous}).rowcount != 1:
        raise _ChangedMeanwhile  # another import superseded it after our look-up
    batch_id = connection.execute(
        _INSERT_BATCH,
        {"file_name": name[:260], "sha256": sha, "kind": kind.name, "org_code": org_code, "period": period_value,
         "imported_by": actor.login, "imported_at": ctx.now, "status": BatchStatus.IMPORTED, "row_count": rows,
         "summary": {"format": workbook.format, "sheet": parsed.sheet, "counts": change_counts}, "slot": slot},
    ).scalar_one()
    handler.apply(session, batch_id, plan, ctx)
    created: dict[str, list[str]] = {}
    for change in preview:
        if change.action == "new":
            created.setdefault(change.entity, []).append(change.key)
    # new records are listed on the batch's entry (each also carries the batch as its source);
    # every update, leave and removal gets its own entry with before/after (kind.apply)
    entries = [("import_batch", batch_id, "import", None,
                {"file": name, "sha256": sha, "kind": kind.name, "org": org_code, "period": period_value,
                 "rows": rows, "counts": change_counts, "supersedes": previous, "created": created})]
    if previous is not None:
        connection.execute(_LINK_PREVIOUS, {"old": previous, "new": batch_id})
        entries.append(("import_batch", previous, "supersede", {"status": BatchStatus.IMPORTED},
                        {"status": BatchStatus.SUPERSEDED, "superseded_by_id": batch_id}))
    audit_many(session, actor, entries, batch_id=batch_id, at=ctx.now)
    return ImportResult(name, kind.name, org_code, period_value, STATUS_IMPORTED, rows, (), preview, batch_id,
                        previous, sha, warnings)


_UNRESOLVED = frozenset({"import.org_needed", "import.period_needed", "import.org_mismatch", "import.period_mismatch",
                         "import.meta_value", "import.given_value", "import.org_name_unknown"})
"""Problems that leave the reporting unit or period unknown: no point asking the database."""

_BATCHES = ImportBatch.__table__
_INSERT_BATCH = insert(_BATCHES).returning(_BATCHES.c.id)
_CLAIM_PREVIOUS = (update(_BATCHES).where(_BATCHES.c.id == bindparam("old"), _BATCHES.c.status == BatchStatus.IMPORTED)
                   .values(status=BatchStatus.SUPERSEDED))
"""Supersede the earlier batch before the new one becomes current (the database allows one current
batch per kind × org × period × slot); no row updated = someone else superseded it meanwhile."""
_LINK_PREVIOUS = update(_BATCHES).where(_BATCHES.c.id == bindparam("old")).values(superseded_by_id=bindparam("new"))
_CURRENT = (select(ImportBatch.id)
            .where(ImportBatch.kind == bindparam("kind"), func.coalesce(ImportBatch.org_code, "") == bindparam("org"),
                   func.coalesce(ImportBatch.period, "") == bindparam("period"), ImportBatch.slot == bindparam("slot"),
                   ImportBatch.status == BatchStatus.IMPORTED)
            .order_by(ImportBatch.id.desc()).limit(1))
"""The current batch of a return (after a failed write: did someone else import it meanwhile?)."""


def import_files(target: Services | sessionmaker, actor: Actor, paths: Sequence[str | Path], *, org: str | None = None,
                 period: str | None = None, dry_run: bool = False, language: str | None = None,
                 progress: Callable[[int, int, str], None] | None = None,
                 cancel: threading.Event | None = None) -> list[ImportResult]:
    """Import ``paths`` one after the other, each file in its own transaction (DESIGN §3, §7).

    ``target``: the :class:`Services` bundle or a session factory. ``org``/``period`` (6-digit
    code, ``2007Q4``) are used where a file does not say; ``dry_run`` previews and writes nothing;
    ``language`` (``"zh"``/``"en"``, default current) renders the problems. ``progress(done, total,
    file)`` is called before each file; a set ``cancel`` event stops before the next file. The run
    imports in dependency order whatever order ``paths`` come in (issue 11): a file refused while
    something it refers to came later (its units' org list, the roster its training names …) is
    tried again after that was imported, so ``qsm import *.xlsx`` needs no particular order. Never
    raises for bad input: a bad file is an :class:`ImportResult` with status ``refused``.
    """
    sessions = _sessions_of(target)
    cache = OrgCache()
    results: list[ImportResult] = []
    total = len(paths)
    for done, path in enumerate(paths):
        if cancel is not None and cancel.is_set():
            break
        if progress is not None:
            progress(done, total, Path(path).name)
        results.append(_import_one(sessions, actor, path, org=org, period=period, dry_run=dry_run, language=language,
                                   cache=cache))
    # dependency order (issue 11): a file refused while something it refers to came later in the
    # run (an org list after the rosters, a roster after the training return …) is tried again
    # once every file of a kind before its own has been imported, until nothing more changes
    if not dry_run and not (cancel is not None and cancel.is_set()):
        _retry_in_dependency_order(sessions, actor, paths, results, org=org, period=period, language=language,
                                   cache=cache, cancel=cancel)
    if progress is not None:
        progress(len(results), total, "")
    return results


def _order_of(kind_name: str | None) -> int | None:
    kind = get_kind(kind_name or "") if kind_name else None
    return kind.order if kind is not None else None


def _retry_in_dependency_order(sessions: sessionmaker, actor: Actor, paths: Sequence[str | Path],
                               results: list[ImportResult], *, org: str | None, period: str | None,
                               language: str | None, cache: OrgCache, cancel: threading.Event | None) -> None:
    """Try refused files again after files of kinds that come before theirs were imported later in
    the run (``ReturnKind.order``: org lists, rosters, then what refers to them), so the outcome
    does not depend on the order the files were given in. Each file stays its own transaction;
    ``results`` is updated in place. A file is tried again only when something it may refer to
    was imported after its last try, so a file refused for its own mistakes is read at most once
    more per such import."""
    tried_at = {i: i for i in range(len(results))}
    imported_at = {i: i for i, r in enumerate(results) if r.status == STATUS_IMPORTED}
    step = len(results)
    retried = True
    while retried and not (cancel is not None and cancel.is_set()):
        retried = False
        for i, result in enumerate(results):
            mine = _order_of(result.kind)
            if not result.refused or mine is None:
                continue
            if not any(at > tried_at[i] and (o := _order_of(results[j].kind)) is not None and o < mine
                       for j, at in imported_at.items()):
                continue
            step += 1
            results[i] = _import_one(sessions, actor, paths[i], org=org, period=period, dry_run=False,
                                     language=language, cache=cache)
            tried_at[i] = step
            retried = True
            if results[i].status == STATUS_IMPORTED:
                imported_at[i] = step


def import_file(target: Services | sessionmaker, actor: Actor, path: str | Path, *, org: str | None = None,
                period: str | None = None, dry_run: bool = False, language: str | None = None) -> ImportResult:
    """Import one return file (all or nothing); see :func:`import_files`."""
    return import_files(target, actor, [path], org=org, period=period, dry_run=dry_run, language=language)[0]


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
    kind = get_kind(kind_name)
    if kind is None:
        raise InputRefused(i18n.msg("template.unknown_kind", kind=kind_name, kinds=", ".join(k.name for k in all_kinds())))
    try:
        code = parse_org_code(org_code)
        canonical = parse_period(period)
    except NormaliseError as exc:
        raise InputRefused(str(exc)) from None
    sessions = _sessions_of(target)
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
        return import_files(self._services, actor, paths, org=org, period=period, dry_run=dry_run, language=language,
                            progress=progress, cancel=cancel)

    def import_file(self, actor: Actor, path: str | Path, **options: Any) -> ImportResult:
        """See :func:`import_file`."""
        return import_file(self._services, actor, path, **options)

    def write_template(self, actor: Actor, kind: str, org_code: str, period: str, output: str | Path,
                       *, prefill: bool = True) -> Path:
        """See :func:`write_template`."""
        return write_template(self._services, actor, kind, org_code, period, output, prefill=prefill)

    def kinds(self) -> list[KindInfo]:
        """Every return kind the engine imports, in the kinds' ``order`` (the window's lists)."""
        return [KindInfo(k.name, k.title, k.title_en, k.period_type, k.owed_by_branches)
                for k in sorted(all_kinds(), key=lambda k: (k.order, k.name))]

    def kind(self, name: str) -> KindInfo | None:
        """The kind called ``name`` (``None`` if there is none)."""
        return next((k for k in self.kinds() if k.name == name), None)

    def periods(self, actor: Actor) -> list[str]:
        """Periods that have at least one imported return, ascending (e.g. ``['2007', '2007Q4']``)."""
        with self._services.read() as session:
            rows = session.scalars(select(ImportBatch.period).where(ImportBatch.period.is_not(None)).distinct())
            return sorted(set(rows))

    def batches(self, actor: Actor, *, kind: str | None = None, period: str | None = None,
                limit: int = 500) -> list[BatchInfo]:
        """The latest import batches (newest first), optionally of one kind and period."""
        stmt = select(ImportBatch).order_by(ImportBatch.id.desc()).limit(limit)
        if kind:
            stmt = stmt.where(ImportBatch.kind == kind)
        if period:
            stmt = stmt.where(ImportBatch.period == period)
        with self._services.read() as session:
            return [BatchInfo(b.id, b.file_name, b.kind, b.org_code, b.period, b.imported_by, b.imported_at, b.status,
                              b.row_count, b.superseded_by_id) for b in session.scalars(stmt)]

    def returned(self, actor: Actor, kind: str, period: str) -> dict[str, int]:
        """Which units have returned ``kind`` for ``period``: org code → current batch id (报表收取情况)."""
        with self._services.read() as session:
            rows = session.execute(
                select(ImportBatch.org_code, func.max(ImportBatch.id))
                .where(ImportBatch.kind == kind, ImportBatch.period == period, ImportBatch.status == BatchStatus.IMPORTED)
                .group_by(ImportBatch.org_code)
            ).all()
        return {code: batch for code, batch in rows if code}


__all__ += ["BatchInfo", "KindInfo", "handler_for", "handlers", "STATUS_DRY_RUN", "STATUS_IMPORTED", "STATUS_REFUSED", "STATUS_UNCHANGED"]
