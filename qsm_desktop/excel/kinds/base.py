"""The plug-in contract of a return kind (报表种类) and the kind registry — DESIGN.md §3.

A return kind is a translator: it turns a workbook into typed records and stops. The import
engine (``services.imports``) reads the file (``excel.reader``), finds the kind (from ``_meta`` or,
when that sheet was deleted, from the header titles), and calls:

1. :meth:`ReturnKind.read` — locate this kind's table (``excel.table``);
2. :meth:`ReturnKind.parse` — DB-free: normalise every cell, check each row and the rows against
   each other; the kind's frozen records and every problem with its ``sheet!cell``.

Everything after that — checks against the database, the preview, the write and the audit — is the
kind's import handler beside its feature service (``services/<feature>/``), which calls the same
functions as the window's forms. This module imports no database code.

A kind module in ``qsm_desktop/excel/kinds/`` calls :func:`register_kind` at import time;
:func:`load_kinds` imports every module of the package, so a new kind plugs in without touching
the engine.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from qsm_desktop.domain import i18n
from qsm_desktop.domain.normalise import MIN_DATE_YEAR, NormaliseError, fold, looks_like_formula, parse_date
from qsm_desktop.excel.problems import Problem
from qsm_desktop.excel.reader import SheetData, WorkbookData
from qsm_desktop.excel.table import HEADER_SEARCH_ROWS, Table, TableColumn, find_header, read_table

R = TypeVar("R")

__all__ = [
    "Column",
    "ParseContext",
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


# ------------------------------------------------------------------------------------------ parsing

@dataclass
class ParseContext:
    """What a kind's :meth:`ReturnKind.parse` may know about the file: its ``file`` name, the
    reporting unit's ``org_code`` (6 digits; ``None`` while an org list creates it), the canonical
    ``period`` (``2007Q4`` / ``2007``) and its last day ``period_end`` (``datetime.date``).

    The import engine passes its richer context (a subclass in ``services``); parsing reads only
    these fields, so it needs no database.
    """

    file: str
    org_code: str | None
    period: str | None
    period_end: dt.date | None


@dataclass
class ParsedReturn(Generic[R]):
    """The result of :meth:`ReturnKind.parse`: ``records`` (the kind's typed records, frozen
    dataclasses), ``problems`` (every one found, each with its ``sheet!cell``) and the ``sheet``
    they came from. The import handler appends its own problems to the same list."""

    kind: str
    sheet: str | None
    records: list[R]
    problems: list[Problem]
    warnings: list[Problem] = field(default_factory=list)
    """What the secretary should read before importing but that does not refuse the file (a hidden
    row holding data, a deduction without a reason …), each at its ``sheet!cell`` (issue 11)."""

    @property
    def rows(self) -> int:
        """How many data rows were read."""
        return len(self.records)


# ------------------------------------------------------------------------------------------ kinds

#: What :meth:`ReturnKind.date_cell` returns for a value that is not a date (its problem is recorded).
UNREADABLE = object()


class ReturnKind:
    """Base class of a return kind. Subclasses set the class attributes and override the hooks.

    - ``name``: the ``_meta`` kind (``certification``); ``sheet_name``: the template's sheet
      (``持证上岗情况``); ``title``: the Chinese title of the table (``持证上岗情况表``);
      ``title_en``; ``columns``: :class:`Column` s in template order;
    - ``period_type``: ``"quarter"``, ``"year"`` or ``"any"`` (which periods make sense);
    - ``creates_org``: the return may create its own reporting unit (the org list does);
    - ``owed_by_branches``: every branch owes one each period (the returns board tracks it);
    - ``order``: where the kind stands among the others — what a return refers to comes first
      (org lists, then rosters, then training, quarterly returns …). A batch of files imports in
      this order, and the window lists kinds in it.

    A kind only translates: it finds and reads its table into typed records and knows its columns
    and template. Checking against the database, the preview and the write belong to the kind's
    import handler in ``qsm_desktop/services/<feature>/`` (ARCHITECTURE.md).
    """

    name: str = ""
    sheet_name: str = ""
    title: str = ""
    title_en: str = ""
    columns: tuple[Column, ...] = ()

    @classmethod
    def shown_title(cls, language: str | None = None) -> str:
        """The kind's title in ``language`` (``"zh"``/``"en"``, default the current one): 持证上岗情况表
        or its ``title_en`` ("Certification return"; the name spelled out when a kind has none)."""
        if (language or i18n.get_language()) == "zh":
            return cls.title or cls.name
        return cls.title_en or cls.name.replace("_", " ")
    period_type: str = "any"
    creates_org: bool = False
    owed_by_branches: bool = False
    order: int = 100

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
        return table, list(table.problems) + self.formula_problems(table)

    def formula_problems(self, table: Table) -> list[Problem]:
        """Every free-text cell (columns of type ``text``) that reads as a formula, refused at its
        cell — a name is a name, never ``=HYPERLINK(…)`` (issue 11 §7, STYLE.md "text is text")."""
        text_fields = [c.field for c in self.columns if c.type == "text"]
        problems = []
        if not text_fields:
            return problems
        rows = table.rows
        if not rows:
            return problems
        # each column's distinct values are looked at once (a return repeats its unit names thousands of
        # times); only when one reads as a formula are the rows walked to find its cells
        columns = table.columns(text_fields)
        hits = []
        for f, (field_name, values) in enumerate(zip(text_fields, columns)):
            # a text starting with a letter, digit or ideograph is no formula (most cells): skip the call
            formulas = {value for value in set(values)
                        if type(value) is str and value and not value[0].isalnum() and looks_like_formula(value)}
            if formulas:
                hits.extend((r, f, value) for r, value in enumerate(values) if value in formulas)
        for r, f, value in sorted(hits, key=lambda hit: hit[:2]):  # reading order: row by row
            problems.append(rows[r].problem(text_fields[f], "normalise.formula_text", value=fold(value)[:60]))
        return problems

    def parse(self, table: Table, ctx: ParseContext) -> ParsedReturn:
        """Normalise and check every row of ``table`` without the database: the kind's typed
        records and every problem found (each at its ``sheet!cell``). Override."""
        raise NotImplementedError

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
                           choices=i18n.Verbatim(choices))

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

