"""The return engine (导入引擎): one file, one transaction — read, recognise, resolve unit and
period, check permission, parse, check, preview, write, supersede, audit (DESIGN.md §3; the
steps are listed in :mod:`qsm_desktop.services.imports`). Imports that race end in one outcome
(issue 11): the database keeps one current batch per return and one batch per file."""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from qsm_desktop.domain import i18n
from qsm_desktop.domain.errors import ConflictError, PermissionDenied
from qsm_desktop.domain.normalise import NormaliseError, parse_org_code, parse_period, period_end
from qsm_desktop.excel.kinds import ParseContext, ParsedReturn, ReturnKind, all_kinds, get_kind, infer_kind
from qsm_desktop.excel.problems import Problem, sort_problems
from qsm_desktop.excel.reader import META_SHEET, WorkbookData, WorkbookRefused, check_file_size, read_workbook
from qsm_desktop.excel.table import Table, find_label_value, parse_reporting_unit
from qsm_desktop.services.audit import audit_many
from qsm_desktop.services.context import Actor, Database, require
from qsm_desktop.services.import_handlers import Changes, ImportContext, OrgInfo
from qsm_desktop.store import db
from qsm_desktop.store.models import BatchStatus, ImportBatch, OrgUnit

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services
from qsm_desktop.services.imports.registry import handler_for
from qsm_desktop.services.imports.results import STATUS_DRY_RUN, STATUS_IMPORTED, STATUS_REFUSED, STATUS_UNCHANGED, ImportProblem, ImportResult


log = logging.getLogger(__name__)

_REPORTING_UNIT_LABELS = ("填报单位", "报送单位", "填报机构", "申报单位")
_PERIOD_LABELS = ("报告期", "报告期间", "统计期", "所属期", "报表期")


# ------------------------------------------------------------------------------------------ org cache

class OrgCache:
    """What the files of one import run share: the org tree (code → :class:`OrgInfo`), loaded once,
    and :attr:`shared`, the kinds' run-level look-ups (``ImportContext.cache``). Both are dropped
    when an org list changes the tree."""

    def __init__(self) -> None:
        self._orgs: dict[str, OrgInfo] | None = None
        self.shared: dict[str, Any] = {}
        self.sqlite: bool | None = None
        self.run_start_batch: int | None = None  # the newest batch when the run began (see import_files)

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

def sessions_of(target: Services | sessionmaker) -> sessionmaker:
    return target.sessions if isinstance(target, Database) else target


def _problems(problems: Iterable[Problem], language: str | None, workbook: WorkbookData | None) -> tuple[ImportProblem, ...]:
    order = [s.name for s in workbook.sheets] if workbook is not None else []
    shown: dict[tuple, ImportProblem] = {}  # the same sentence at the same cell once
    for p in sort_problems(problems, order):
        problem = ImportProblem(p.sheet, p.cell, p.message(language), p.key)
        shown.setdefault((problem.sheet, problem.cell, problem.key, problem.message), problem)
    return tuple(shown.values())


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


@dataclass
class _Read:
    """One file's bytes and what reading them gave: the workbook, or why it could not be read.

    ``problem`` is set when the file itself could not be read (too big, gone, locked); then
    ``data`` is ``None``. ``workbook``/``refused`` are set once the bytes were parsed
    (:func:`~qsm_desktop.excel.reader.read_workbook`): the one or the other (and ``data`` is
    dropped)."""

    name: str
    data: bytes | None = None
    sha: str | None = None
    problem: Problem | None = None
    workbook: WorkbookData | None = None
    refused: WorkbookRefused | None = None
    ahead: _Ahead | None = None

    def parse(self) -> None:
        """Parse the bytes once (a no-op when done, or when the file could not be read)."""
        if self.data is None:  # parsed already (the bytes go once parsed), or never read
            return
        try:
            self.workbook = read_workbook(self.data, name=self.name)
        except WorkbookRefused as exc:
            self.refused = exc
        finally:
            self.data = None  # the rows are what the rest needs; the bytes' memory goes now

    def release(self) -> None:
        """Free the parsed rows now (see :meth:`WorkbookData.release`)."""
        if self.workbook is not None:
            self.workbook.release()
            self.workbook = None


@dataclass
class _Ahead:
    """What the read-ahead thread made of a workbook beyond reading it — the database-free steps:
    its ``kind``, the located ``table`` with the reading's ``problems``, and, when the table could
    be read, the kind's parse (``parsed``) for the reporting unit and period it resolved
    (``org_code``, ``period``) against the org tree as it was when the read began. The run's thread
    resolves them again against the tree as it is and uses ``parsed`` only when they agree (parsing
    reads nothing else: :class:`~qsm_desktop.excel.kinds.base.ParseContext`)."""

    kind: ReturnKind | None
    table: Table | None = None
    problems: list[Problem] = field(default_factory=list)
    org_code: str | None = None
    period: str | None = None
    parsed: ParsedReturn | None = None


def _parse_ahead(read: _Read, org: str | None, period: str | None, orgs: dict[str, OrgInfo]) -> None:
    """The database-free steps of a file read ahead (:class:`_Ahead`); any failure leaves them to
    the run's thread, which then meets it where it is reported."""
    if read.workbook is None:
        return
    try:
        kind = infer_kind(read.workbook)
        ahead = _Ahead(kind)
        if kind is not None:
            ahead.table, ahead.problems = kind.read(read.workbook)
            ahead.org_code, ahead.period, resolve_problems = _resolve_org_period(read.workbook, ahead.table, kind,
                                                                                org, period, orgs)
            table = ahead.table
            if (table is not None and table.header is not None and not table.problems
                    and not any(p.key in _UNRESOLVED for p in resolve_problems)):
                ahead.parsed = kind.parse(table, ParseContext(read.name, ahead.org_code, ahead.period,
                                                              period_end(ahead.period) if ahead.period else None))
    except Exception:  # noqa: BLE001 - the run's thread does the same steps again and reports what fails
        log.debug("read-ahead of %s left to the run", read.name, exc_info=True)
        return
    read.ahead = ahead


def _read_bytes(path: Path, language: str | None) -> _Read:
    """The file's bytes and hash, refused by its size before its bytes take the memory (issue 11)."""
    name = path.name
    try:
        check_file_size(path, name)
        data = path.read_bytes()
    except WorkbookRefused as exc:
        return _Read(name, problem=Problem(None, None, exc.key, dict(exc.params)))
    except OSError as exc:
        return _Read(name, problem=Problem(None, None, "excel.file.unreadable",
                                           {"file": name, "reason": i18n.os_error_text(exc, language=language)}))
    return _Read(name, data, hashlib.sha256(data).hexdigest())


def _read_and_parse(path: Path, language: str | None, org: str | None, period: str | None,
                    orgs: dict[str, OrgInfo]) -> _Read:
    read = _read_bytes(path, language)
    read.parse()
    _parse_ahead(read, org, period, orgs)
    return read


class _ReadAhead:
    """Reads the next file of a run on one background thread while this one is checked and written.

    Reading a workbook is mostly python-calamine's work, which releases the interpreter lock, so on
    a machine with two or more cores it overlaps the previous file's checks, preview and database
    writes (issue 14 item 5; BENCHMARKS.md "Import"). At most one file is read ahead, so a run holds
    at most two files' rows. The read is pure (no session, no database): every decision that needs
    the database — the same file already imported, permission, checks, writes — stays in the run's
    thread and in the file's own transaction, in the order the files were given."""

    def __init__(self, paths: Sequence[Path], language: str | None, org: str | None, period: str | None) -> None:
        import concurrent.futures as cf

        self._paths = paths
        self._language = language
        self._given = (org, period)
        self._pool = cf.ThreadPoolExecutor(max_workers=1, thread_name_prefix="qsm-import-read")
        self._futures: dict[int, cf.Future[_Read]] = {}
        _SwitchInterval.shorten()

    def start(self, index: int, orgs: dict[str, OrgInfo]) -> None:
        """Begin reading file ``index`` (ignored past the end or when already begun); ``orgs`` is
        the org tree as it is now (the thread only reads it)."""
        if 0 <= index < len(self._paths) and index not in self._futures:
            self._futures[index] = self._pool.submit(_read_and_parse, self._paths[index], self._language,
                                                     *self._given, orgs)

    def take(self, index: int) -> _Read | None:
        """File ``index`` as read ahead (waits for the read to finish), or ``None`` if it was not begun."""
        future = self._futures.pop(index, None)
        return future.result() if future is not None else None

    def close(self) -> None:
        """Drop what was read ahead and not taken (a cancelled run) and end the thread."""
        for future in self._futures.values():
            if not future.cancel():
                future.add_done_callback(lambda f: f.exception() is None and f.result().release())
        self._futures.clear()
        self._pool.shutdown(wait=False)
        _SwitchInterval.restore()


class _SwitchInterval:
    """While a read-ahead runs, the interpreter hands its lock between threads every 0.5 ms instead
    of every 5 ms (``sys.setswitchinterval``; process-wide, restored when the last read-ahead ends).

    The run's thread gives the lock up inside every SQLite step; when it comes back while the
    reading thread holds the lock it waits up to one interval for it. At 5 ms those waits made the
    commit of 36 bank-scale returns ~0.2 s slower (BENCHMARKS.md "Import")."""

    INTERVAL = 0.0005
    _lock = threading.Lock()
    _users = 0
    _saved = 0.005

    @classmethod
    def shorten(cls) -> None:
        with cls._lock:
            if cls._users == 0:
                cls._saved = sys.getswitchinterval()
                sys.setswitchinterval(min(cls._saved, cls.INTERVAL))
            cls._users += 1

    @classmethod
    def restore(cls) -> None:
        with cls._lock:
            if cls._users > 0:
                cls._users -= 1
                if cls._users == 0:
                    sys.setswitchinterval(cls._saved)


def _read_ahead_for(paths: Sequence[Path], language: str | None, org: str | None,
                    period: str | None) -> _ReadAhead | None:
    """A read-ahead thread for a run of several files on a machine with two or more cores."""
    if len(paths) < 2 or (os.cpu_count() or 1) < 2:
        return None
    return _ReadAhead(paths, language, org, period)


def _import_one(sessions: sessionmaker, actor: Actor, path: str | Path, *, org: str | None, period: str | None,
                dry_run: bool, language: str | None, cache: OrgCache, ahead: _ReadAhead | None = None,
                index: int = 0) -> ImportResult:
    """One file in one session and one transaction: committed when imported, rolled back otherwise.

    With ``ahead``, file ``index`` may already have been read on the read-ahead thread, and the
    next file's read is begun once this one turns out to need work (not the same bytes again)."""
    path = Path(path)
    read = (ahead.take(index) if ahead is not None else None) or _read_bytes(path, language)
    if read.problem is not None:
        return _refused(read.name, [read.problem], language)
    try:
        return _import_session(sessions, read, actor, org=org, period=period, dry_run=dry_run,
                               language=language, cache=cache,
                               next_read=(lambda orgs: ahead.start(index + 1, orgs)) if ahead is not None else None)
    finally:
        read.release()


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
    """The database stayed locked longer than the wait (:func:`qsm_desktop.store.db.is_busy`)."""
    return db.is_busy(exc)


def _import_session(sessions: sessionmaker, read: _Read, actor: Actor, *, org: str | None,
                    period: str | None, dry_run: bool, language: str | None, cache: OrgCache,
                    next_read: Callable[[dict[str, OrgInfo]], None] | None) -> ImportResult:
    name = read.name
    attempt = _Attempt()
    with sessions() as session:
        try:
            if cache.sqlite is None:
                cache.sqlite = session.get_bind().dialect.name == "sqlite"
            if cache.sqlite:
                # index maintenance of a bulk import touches many pages: keep them in a 64 MB page cache
                # (a setting of the pooled connection, harmless for its later users)
                session.connection().exec_driver_sql("PRAGMA cache_size=-65536")
            result = _import_in(session, read, actor, org=org, period=period, dry_run=dry_run,
                                language=language, cache=cache, attempt=attempt, next_read=next_read)
            if result.status == STATUS_IMPORTED:
                session.commit()
                if result.kind is not None and (kind := get_kind(result.kind)) is not None and kind.creates_org:
                    cache.invalidate()
            else:
                session.rollback()
                if result.status == STATUS_REFUSED and not dry_run and read.sha is not None:
                    # refused against what the database held when the file was checked — but
                    # another program may have imported these very bytes meanwhile (two imports
                    # of one folder at once): then the file is in, and it says so
                    same = session.connection().execute(_SAME_FILE, {"sha": read.sha}).first()
                    if same is not None:
                        result = _unchanged(session, same, name, read.sha, actor, language, cache)
                    session.rollback()
            return result
        except ProgrammingError as exc:
            # PostgreSQL refused a write this login may not make (grants, row-level security): the
            # application's own checks should have said so first; never an internal error (issue 12)
            session.rollback()
            if getattr(getattr(exc, "orig", None), "sqlstate", None) != "42501":
                raise
            log.warning("import of %s refused by the database: %s", name, getattr(exc, "orig", exc))
            return _refused(name, [Problem(None, None, "import.db_refused", {})], language, kind=attempt.kind,
                            org=attempt.org, period=attempt.period, rows=attempt.rows, sha256=attempt.sha)
        except (IntegrityError, StaleDataError, ConflictError, _ChangedMeanwhile, OperationalError) as exc:
            # someone else wrote between our look-ups and our writes, or the database stayed busy:
            # nothing of this file was kept. Say which, from a fresh look at the batches.
            session.rollback()
            cache.invalidate()
            busy = _busy(exc)
            if not busy and isinstance(exc, OperationalError):
                raise
    return _after_failed_write(sessions, name, attempt, language, busy=busy, actor=actor, cache=cache)


def _after_failed_write(sessions: sessionmaker, name: str, attempt: _Attempt, language: str | None, *,
                        busy: bool, actor: Actor, cache: OrgCache) -> ImportResult:
    """The outcome of a file whose write failed (issue 11): the same bytes imported by someone else
    meanwhile → ``unchanged``; another version of the return imported meanwhile → refused with
    ``import.raced``; the database busy → refused with ``import.busy``; else ``import.conflict``."""
    common = {"kind": attempt.kind, "org": attempt.org, "period": attempt.period, "rows": attempt.rows,
              "sha256": attempt.sha}
    try:
        with sessions() as session:
            connection = session.connection()
            same = connection.execute(_SAME_FILE, {"sha": attempt.sha}).first() if attempt.sha else None
            if same is not None:  # the same answer as any file found already imported (_unchanged)
                return _unchanged(session, same, name, attempt.sha, actor, language, cache)
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


def _unchanged(session: Session, same: Any, name: str, sha: str, actor: Actor, language: str | None,
               cache: OrgCache) -> ImportResult:
    """The outcome of a file whose bytes are already imported (``same``: the batch, from
    :data:`_SAME_FILE`): ``unchanged`` only to someone who may import it — no peeking at others'
    returns (issue 12). A batch imported by someone else since this run began that changed the org
    tree (an org list) makes the run load the tree again."""
    if (cache.run_start_batch is not None and same.id > cache.run_start_batch
            and (kind := get_kind(same.kind or "")) is not None and kind.creates_org):
        cache.invalidate()
    known = cache.get(session).get(same.org_code or "")
    try:
        require(actor, i18n.msg("import.action", language=language), org_path=known.path if known else None,
                org_code=same.org_code)
    except PermissionDenied as exc:
        return _refused(name, [Problem(None, None, "import.denied", {"reason": str(exc)})], language,
                        kind=same.kind, org=same.org_code, period=same.period, sha256=sha)
    return ImportResult(name, same.kind, same.org_code, same.period, STATUS_UNCHANGED, same.row_count,
                        batch_id=same.id, sha256=sha)


def _import_in(session: Session, read: _Read, actor: Actor, *, org: str | None, period: str | None,
               dry_run: bool, language: str | None, cache: OrgCache, attempt: _Attempt,
               next_read: Callable[[dict[str, OrgInfo]], None] | None) -> ImportResult:
    name = read.name
    sha = attempt.sha = read.sha
    connection = session.connection()
    same = connection.execute(_SAME_FILE, {"sha": sha}).first()
    if same is not None:
        return _unchanged(session, same, name, sha, actor, language, cache)
    orgs = cache.get(session)
    if next_read is not None:
        next_read(orgs)  # this file needs work: read the next one meanwhile
    read.parse()
    if read.refused is not None:
        exc = read.refused
        return _refused(name, [Problem(None, None, exc.key, dict(exc.params))], language, sha256=sha)
    return _import_workbook(session, name, sha, read.workbook, actor, org=org, period=period, dry_run=dry_run,
                            language=language, orgs=orgs, shared=cache.shared, attempt=attempt, ahead=read.ahead)


def _import_workbook(session: Session, name: str, sha: str, workbook: WorkbookData, actor: Actor, *,
                     org: str | None, period: str | None, dry_run: bool, language: str | None,
                     orgs: dict[str, OrgInfo], shared: dict[str, Any], attempt: _Attempt,
                     ahead: _Ahead | None = None) -> ImportResult:
    """The rest of :func:`_import_in` once the file is read: recognise, resolve, check, preview, write
    (``ahead``: what the read-ahead thread already did of the first steps, see :class:`_Ahead`)."""
    connection = session.connection()
    kind = ahead.kind if ahead is not None else infer_kind(workbook)
    if kind is None:
        meta_kind = (workbook.meta or {}).get("kind")
        if meta_kind:
            return _refused(name, [Problem(None, None, "import.kind_unsupported", {"kind": meta_kind})], language,
                            workbook=workbook, kind=meta_kind, sha256=sha)
        titles = "、".join(k.title for k in all_kinds())
        return _refused(name, [Problem(None, None, "import.unknown_kind", {"kinds": titles})], language,
                        workbook=workbook, sha256=sha)

    table, problems = (ahead.table, list(ahead.problems)) if ahead is not None else kind.read(workbook)
    org_code, period_value, resolve_problems = _resolve_org_period(workbook, table, kind, org, period, orgs)
    problems = list(resolve_problems) + problems
    ctx = ImportContext(file=name, org_code=org_code, period=period_value,
                        period_end=period_end(period_value) if period_value else None, orgs=orgs, actor=actor,
                        cache=shared)
    parsed: ParsedReturn | None = None
    if table is not None and table.header is not None and not table.problems:
        if ahead is not None and ahead.parsed is not None and (ahead.org_code, ahead.period) == (org_code, period_value):
            parsed = ahead.parsed  # parsed on the read-ahead thread for the same unit and period
        else:
            parsed = kind.parse(table, ctx)
        problems.extend(parsed.problems)
        parsed.problems = problems  # the handler's check appends to the same list
        parsed.warnings[:0] = table.warnings  # hidden rows and columns holding data (issue 11)
    rows = parsed.rows if parsed is not None else 0
    common = {"workbook": workbook, "kind": kind.name, "org": org_code, "period": period_value, "rows": rows, "sha256": sha}
    if parsed is None or any(p.key in _UNRESOLVED for p in problems):
        return _refused(name, problems, language, **common)

    ctx.org = orgs.get(org_code) if org_code else None
    if ctx.org is None and not kind.creates_org:
        problems.insert(0, Problem(None, None, "import.org_unknown", {"code": org_code}))
        return _refused(name, problems, language, **common)
    org_path = ctx.org.path if ctx.org else None
    if org_path is None and actor.org_scope and org_code:
        org_path = f"/{org_code}/"  # an org list creating its reporting unit: in scope only if it is the scope itself
    try:
        require(actor, i18n.msg("import.action", language=language), org_path=org_path, org_code=org_code)
    except PermissionDenied as exc:
        return _refused(name, [Problem(None, None, "import.denied", {"reason": str(exc)})], language, **common)
    if period_value:
        previous = connection.execute(_PREVIOUS, {"kind": kind.name, "org": org_code, "period": period_value}).scalar()
    else:
        previous = connection.execute(_PREVIOUS_NO_PERIOD, {"kind": kind.name, "org": org_code}).scalar()
    ctx.superseded_batch_id = previous
    handler = handler_for(kind.name)
    if handler.head_office_only and actor.org_scope and actor.org_scope != _bank_code(orgs):
        problems.insert(0, Problem(None, None, "import.head_office_only", {"title": kind.title,
                                                                           "title_en": kind.shown_title("en")}))
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


def _bank_code(orgs: dict[str, OrgInfo]) -> str | None:
    """The code of the org tree's root (the head office), ``None`` while the tree is empty."""
    return next((o.code for o in orgs.values() if o.parent_code is None), None)


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
    sessions = sessions_of(target)
    cache = OrgCache()
    if not dry_run:
        cache.run_start_batch = _newest_batch(sessions)
    results: list[ImportResult] = []
    total = len(paths)
    ahead = _read_ahead_for([Path(p) for p in paths], language, org, period)
    # a file allocates ~10 objects per cell and frees them together (its rows released at its end:
    # WorkbookData.release), so the cycle collector has nothing to find in them; left on between
    # files it walked the next file's rows, already read ahead, once per file (~0.25 s at bank scale)
    collecting = gc.isenabled()
    gc.disable()
    try:
        for done, path in enumerate(paths):
            if cancel is not None and cancel.is_set():
                break
            if progress is not None:
                progress(done, total, Path(path).name)
            results.append(_import_one(sessions, actor, path, org=org, period=period, dry_run=dry_run,
                                       language=language, cache=cache, ahead=ahead, index=done))
        # dependency order (issue 11): a file refused while something it refers to came later in the
        # run (an org list after the rosters, a roster after the training return …) is tried again
        # once every file of a kind before its own has been imported, until nothing more changes
        if not dry_run and not (cancel is not None and cancel.is_set()):
            _retry_in_dependency_order(sessions, actor, paths, results, org=org, period=period, language=language,
                                       cache=cache, cancel=cancel)
    finally:
        if ahead is not None:
            ahead.close()
        if collecting:
            gc.enable()
    if progress is not None:
        progress(len(results), total, "")
    return results


def _newest_batch(sessions: sessionmaker) -> int:
    """The id of the newest import batch (0 when none): what was in before a run began."""
    with sessions() as session:
        return session.scalar(select(func.coalesce(func.max(ImportBatch.id), 0))) or 0


def _imported_meanwhile(result: ImportResult, cache: OrgCache) -> bool:
    """Whether ``result`` is a file found already imported by a batch newer than the run's start
    (someone else imported the same bytes while this run was going)."""
    return (result.status == STATUS_UNCHANGED and result.batch_id is not None
            and cache.run_start_batch is not None and result.batch_id > cache.run_start_batch)


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
    # what came in during the run: imported by it, or found imported by another program meanwhile
    # (two imports of one folder at once: the other one's org list lets this one's rosters in)
    imported_at = {i: i for i, r in enumerate(results)
                   if r.status == STATUS_IMPORTED or _imported_meanwhile(r, cache)}
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
            if results[i].status == STATUS_IMPORTED or _imported_meanwhile(results[i], cache):
                imported_at[i] = step


def import_file(target: Services | sessionmaker, actor: Actor, path: str | Path, *, org: str | None = None,
                period: str | None = None, dry_run: bool = False, language: str | None = None) -> ImportResult:
    """Import one return file (all or nothing); see :func:`import_files`."""
    return import_files(target, actor, [path], org=org, period=period, dry_run=dry_run, language=language)[0]
