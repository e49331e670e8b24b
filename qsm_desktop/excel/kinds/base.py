"""The plug-in contract of a return kind (报表种类) and the kind registry — DESIGN.md §3.

One engine serves every return kind: it reads the file (``excel.reader``), finds the kind (from
``_meta`` or, when that sheet was deleted, from the header titles), locates the table
(``excel.table``), and calls the kind's hooks:

1. :meth:`ReturnKind.parse` — DB-free: normalise every cell, check each row and the rows
   against each other; every problem is collected with its ``sheet!cell``.
2. :meth:`ReturnKind.validate` — checks against the database (unknown org codes, post and
   certificate names, numbers owned by someone else …), preloading look-ups into dicts; adds
   problems; keeps what it loaded in ``parsed.state`` for the next hooks.
3. :meth:`ReturnKind.preview` — what importing would change (new / changed / leaving).
4. :meth:`ReturnKind.apply` — write it, in bulk, inside the engine's transaction.

A kind module in ``qsm_desktop/excel/kinds/`` calls :func:`register_kind` at import time;
:func:`load_kinds` imports every module of the package, so a new kind plugs in without touching
the engine.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from qsm_desktop.domain import i18n
from qsm_desktop.domain.normalise import MIN_DATE_YEAR, NormaliseError, fold, parse_date
from qsm_desktop.excel.problems import Problem
from qsm_desktop.excel.reader import SheetData, WorkbookData
from qsm_desktop.excel.table import HEADER_SEARCH_ROWS, Table, TableColumn, find_header, read_table

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy.orm import Session

__all__ = [
    "Change",
    "Changes",
    "Column",
    "ImportContext",
    "OrgInfo",
    "ParsedReturn",
    "ReturnKind",
    "all_kinds",
    "get_kind",
    "infer_kind",
    "load_kinds",
    "register_kind",
]

i18n.register(
    {
        "kind.no_table": (
            "文件中找不到“{title}”的表格（工作表“{sheet}”）。请使用下发的模板填报",
            "the file has no '{title}' table (sheet '{sheet}'). Fill in the template that was sent out",
        ),
        "kind.required": (
            "“{title}”不能为空，请填写",
            "'{title}' must not be empty; fill it in",
        ),
        "kind.choice": (
            "“{value}”不是有效的{title}，应为：{choices}",
            "'{value}' is not a valid {title}; use one of: {choices}",
        ),
    }
)


# ------------------------------------------------------------------------------------------ columns

@dataclass(frozen=True)
class Column(TableColumn):
    """A template column: ``field``, ``titles`` (template title first, then aliases), ``required``,
    ``type`` (text, org_code, staff_no, code, date, number, int, percent, choice), fixed
    ``choices`` for a drop-down, ``width`` in Excel character units."""

    type: str = "text"
    choices: tuple[str, ...] = ()
    width: float = 12.0


# ------------------------------------------------------------------------------------------ context

@dataclass(frozen=True)
class OrgInfo:
    """An org unit as the engine caches it: id, 6-digit code, name, type, parent code, path, status."""

    id: int
    code: str
    name: str
    type: str
    parent_code: str | None
    path: str
    status: str


@dataclass
class ImportContext:
    """What a kind's hooks know about the import in progress.

    ``org`` is the reporting unit (``None`` while an org list creates it), ``org_code`` its code,
    ``period`` canonical (``2007Q4``/``2007``) with ``period_end`` (``datetime.date``);
    ``orgs`` the cached org tree (code → :class:`OrgInfo`); ``actor`` the acting user;
    ``file`` the file name; ``now`` the import time; ``superseded_batch_id`` the batch this
    return replaces (same kind × org × period), if any; ``cache`` a dict shared by the files of
    one import run (look-ups that do not change while importing; cleared when the org tree changes).
    """

    file: str
    org_code: str | None
    period: str | None
    period_end: dt.date | None
    orgs: dict[str, OrgInfo]
    actor: Any = None
    org: OrgInfo | None = None
    now: dt.datetime = field(default_factory=lambda: dt.datetime.now().replace(microsecond=0))
    superseded_batch_id: int | None = None
    cache: dict[str, Any] = field(default_factory=dict)

    def subtree(self, code: str | None = None) -> dict[str, OrgInfo]:
        """The units of ``code``'s subtree (default: the reporting unit's), code → :class:`OrgInfo`.

        Walks a children index kept in :attr:`cache` (shared by the files of one import run), so an
        outlet's subtree costs one look-up, not a pass over the whole tree.
        """
        root = self.orgs.get(code or self.org_code or "")
        if root is None:
            return {}
        if self.cache.get("orgs") is not self.orgs:
            self.cache["orgs"] = self.orgs
            children: dict[str | None, list[str]] = {}
            for info in self.orgs.values():
                children.setdefault(info.parent_code, []).append(info.code)
            self.cache["children"] = children
            self.cache["subtrees"] = {}
        memo = self.cache["subtrees"]
        found = memo.get(root.code)
        if found is None:
            children = self.cache["children"]
            found, stack = {}, [root.code]
            while stack:
                current = stack.pop()
                if current in found:
                    continue
                found[current] = self.orgs[current]
                stack.extend(children.get(current, ()))
            memo[root.code] = found
        return found

    def unit_by_id(self) -> dict[int, OrgInfo]:
        """Org unit id → :class:`OrgInfo` (kept in :attr:`cache`)."""
        if self.cache.get("by_id_of") is not self.orgs:
            self.cache["by_id_of"] = self.orgs
            self.cache["by_id"] = {o.id: o for o in self.orgs.values()}
        return self.cache["by_id"]


@dataclass
class ParsedReturn:
    """The result of :meth:`ReturnKind.parse`: ``records`` (kind-specific objects), ``problems``,
    the ``sheet`` they came from, and ``state`` — a scratch dict the DB hooks fill for each other."""

    kind: str
    sheet: str | None
    records: list[Any]
    problems: list[Problem]
    state: dict[str, Any] = field(default_factory=dict)

    @property
    def rows(self) -> int:
        """How many data rows were read."""
        return len(self.records)


class Change(NamedTuple):
    """One change the import would make: ``entity`` (staff, certificate, org_unit …), ``action``
    (new, changed, leaving, removed), ``key`` (工号, 证书编号, 机构代码) and a readable ``label``;
    ``before``/``after`` the changed fields. (A tuple: previews hold one per row.)"""

    entity: str
    action: str
    key: str
    label: str = ""
    before: Mapping[str, Any] | None = None
    after: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class Changes:
    """Everything :meth:`ReturnKind.preview` found, in a stable order."""

    items: tuple[Change, ...] = ()
    totals: dict[str, dict[str, int]] | None = field(default=None, compare=False)
    """Precomputed :meth:`counts` (a kind that counted while planning may pass them)."""

    def of(self, entity: str, action: str) -> list[Change]:
        """The changes of one entity and action, e.g. ``of("staff", "leaving")``."""
        return [c for c in self.items if c.entity == entity and c.action == action]

    def counts(self) -> dict[str, dict[str, int]]:
        """``{action: {entity: count}}`` — e.g. ``{"new": {"staff": 3}, "leaving": {"staff": 1}}``."""
        if self.totals is not None:
            return {action: dict(entities) for action, entities in self.totals.items()}
        result: dict[str, dict[str, int]] = {}
        for change in self.items:
            bucket = result.setdefault(change.action, {})
            bucket[change.entity] = bucket.get(change.entity, 0) + 1
        return result

    def __len__(self) -> int:
        return len(self.items)


# ------------------------------------------------------------------------------------------ kinds

#: What :meth:`ReturnKind.date_cell` returns for a value that is not a date (its problem is recorded).
UNREADABLE = object()


class ReturnKind:
    """Base class of a return kind. Subclasses set the class attributes and override the hooks.

    - ``name``: the ``_meta`` kind (``certification``); ``sheet_name``: the template's sheet
      (``持证上岗情况``); ``title``: the Chinese title of the table (``持证上岗情况表``);
      ``title_en``; ``columns``: :class:`Column` s in template order;
    - ``period_type``: ``"quarter"``, ``"year"`` or ``"any"`` (which periods make sense);
    - ``creates_org``: the return may create its own reporting unit (the org list does).
    """

    name: str = ""
    sheet_name: str = ""
    title: str = ""
    title_en: str = ""
    columns: tuple[Column, ...] = ()
    period_type: str = "any"
    creates_org: bool = False

    # ---------------------------------------------------------------- reading (DB-free)
    def locate(self, workbook: WorkbookData) -> SheetData | None:
        """The sheet holding this kind's table: by name first, else the sheet whose header names
        the most of this kind's columns (sheets get renamed)."""
        sheet = workbook.sheet(self.sheet_name)
        if sheet is not None and find_header(sheet, self.columns) is not None:
            return sheet
        best, best_score = None, 0
        for candidate in workbook.data_sheets:
            header = find_header(candidate, self.columns)
            if header is None:
                continue
            score = len(header.columns) - len(header.missing) * 2
            if score > best_score:
                best, best_score = candidate, score
        return best or sheet

    def match_score(self, workbook: WorkbookData) -> int:
        """How well the workbook's headers fit this kind (for :func:`infer_kind`): the number of
        columns named by the best header that has every required column, else 0."""
        best = 0
        for sheet in workbook.data_sheets:
            header = find_header(sheet, self.columns, max_rows=HEADER_SEARCH_ROWS)
            if header is not None and not header.missing:
                best = max(best, len(header.columns))
        return best

    def read(self, workbook: WorkbookData) -> tuple[Table | None, list[Problem]]:
        """Locate and read this kind's table; problems when there is none."""
        sheet = self.locate(workbook)
        if sheet is None:
            return None, [Problem(None, None, "kind.no_table", {"title": self.title, "sheet": self.sheet_name})]
        table = read_table(sheet, self.columns)
        return table, list(table.problems)

    def parse(self, table: Table, ctx: ImportContext) -> ParsedReturn:
        """Normalise and check every row of ``table`` without the database. Override."""
        raise NotImplementedError

    # ---------------------------------------------------------------- database hooks
    def validate(self, session: Session, parsed: ParsedReturn, ctx: ImportContext) -> None:
        """Check ``parsed`` against the database; append problems to ``parsed.problems`` and keep
        the look-ups in ``parsed.state``. Must not write. Default: nothing to check."""

    def superseded_batch(self, session: Session, parsed: ParsedReturn, ctx: ImportContext) -> int | None:
        """The earlier batch this return replaces (called after a clean :meth:`validate`).

        Default: the engine's choice, ``ctx.superseded_batch_id`` — the newest imported batch of
        this kind for the same unit and period (DESIGN §3). A kind whose files are not one per
        unit and period (score sheets: one per reviewer and outlet) narrows it down.
        """
        return ctx.superseded_batch_id

    def preview(self, session: Session, parsed: ParsedReturn, ctx: ImportContext) -> Changes:
        """What :meth:`apply` would change (called after a clean :meth:`validate`). Default: nothing."""
        return Changes()

    def apply(self, session: Session, batch_id: int, parsed: ParsedReturn, ctx: ImportContext) -> int:
        """Write ``parsed`` (bulk statements, in the caller's transaction); return rows written."""
        raise NotImplementedError

    # ---------------------------------------------------------------- templates
    def template_choices(self, session: Session | None) -> dict[str, list[str]]:
        """Drop-down lists that come from the database (e.g. certificate names), field → values."""
        return {}

    def template_rows(self, session: Session | None, ctx: ImportContext) -> list[Sequence[object] | Mapping[str, object]]:
        """Rows to pre-fill a template with (e.g. the unit's current roster). Default: none."""
        return []

    # ---------------------------------------------------------------- helpers for subclasses
    def column(self, field_name: str) -> Column:
        """The column of ``field_name``."""
        for column in self.columns:
            if column.field == field_name:
                return column
        raise KeyError(field_name)

    def required_problem(self, row, field_name: str) -> Problem:
        """``"<title>"不能为空`` at ``field_name``'s cell of ``row``."""
        return row.problem(field_name, "kind.required", title=self.column(field_name).title)

    def code_cell(self, value: object, row, field_name: str, parser, problems: list[Problem], *,
                  width: int | None = None, required: bool = True) -> str | None:
        """A code cell (机构代码, 工号 …) through ``parser`` (e.g. ``normalise.parse_staff_no``).

        ``width``: the code's digit count — clean text of that many ASCII digits is returned as it
        is, without the parser (the 90,000-row returns are mostly clean). An empty cell is a
        "required" problem when ``required``; a value the parser refuses is recorded with the
        parser's message. Returns the code, or ``None`` (empty or refused; the problem recorded).
        """
        if width is not None and type(value) is str and len(value) == width and value.isdigit() and value.isascii():
            return value
        return self._parsed_cell(value, row, field_name, parser, problems, required, None)

    def date_cell(self, value: object, row, field_name: str, problems: list[Problem], *, required: bool = False):
        """A date cell (DESIGN §3: every date form the returns use, via ``normalise.parse_date``).

        Returns the ``datetime.date``; ``None`` for an empty cell (a "required" problem recorded
        when ``required``); :data:`UNREADABLE` for a value that is not a date (problem recorded).
        """
        if type(value) is dt.date and MIN_DATE_YEAR <= value.year <= 2100:
            return value
        return self._parsed_cell(value, row, field_name, parse_date, problems, required, UNREADABLE)

    def _parsed_cell(self, value, row, field_name, parser, problems, required, refused):
        """Empty → ``None`` (a "required" problem when ``required``); else ``parser(value)``, or
        ``refused`` with the parser's problem recorded at the cell."""
        if value is None or value == "" or (type(value) is str and not fold(value)):
            if required:
                problems.append(self.required_problem(row, field_name))
            return None
        try:
            return parser(value)
        except NormaliseError as exc:
            problems.append(row.problem(field_name, exc.key, **exc.params))
            return refused

    def choice_problem(self, row, field_name: str, value: str, choices: Iterable[str]) -> Problem:
        """``"X"不是有效的<title>，应为：…`` at ``field_name``'s cell of ``row``."""
        return row.problem(field_name, "kind.choice", value=value, title=self.column(field_name).title,
                           choices="、".join(choices))

    def __repr__(self) -> str:
        return f"<ReturnKind {self.name}>"


# ------------------------------------------------------------------------------------------ registry

_REGISTRY: dict[str, ReturnKind] = {}
_LOADED = False


def register_kind(kind: ReturnKind | type[ReturnKind]) -> ReturnKind:
    """Register a kind (an instance, or a class which is instantiated); usable as a class decorator.

    Raises ``ValueError`` when another kind already has the name.
    """
    instance = kind() if isinstance(kind, type) else kind
    existing = _REGISTRY.get(instance.name)
    if existing is not None and type(existing) is not type(instance):
        raise ValueError(f"return kind {instance.name!r} registered twice")
    _REGISTRY[instance.name] = instance
    return kind  # type: ignore[return-value]


def load_kinds() -> None:
    """Import every module of ``qsm_desktop.excel.kinds`` so each registers its kind (once)."""
    global _LOADED
    if _LOADED:
        return
    import qsm_desktop.excel.kinds as package

    for module in pkgutil.iter_modules(package.__path__):
        if module.name != "base" and not module.name.startswith("_"):
            importlib.import_module(f"{package.__name__}.{module.name}")
    _LOADED = True


def get_kind(name: str) -> ReturnKind | None:
    """The registered kind called ``name`` (folded, case-insensitive), or ``None``."""
    load_kinds()
    return _REGISTRY.get(fold(name or "").lower())


def all_kinds() -> list[ReturnKind]:
    """Every registered kind, by name."""
    load_kinds()
    return [_REGISTRY[name] for name in sorted(_REGISTRY)]


def infer_kind(workbook: WorkbookData) -> ReturnKind | None:
    """The kind of a workbook: ``_meta``'s ``kind`` when present and known, else the kind whose
    header titles fit the workbook best (DESIGN §3: "infers kind from the header titles")."""
    load_kinds()
    if workbook.meta and workbook.meta.get("kind"):
        kind = get_kind(workbook.meta["kind"])
        if kind is not None:
            return kind
    scored = sorted(((k.match_score(workbook), k.name, k) for k in _REGISTRY.values()), key=lambda t: (-t[0], t[1]))
    if scored and scored[0][0] > 0:
        return scored[0][2]
    return None
