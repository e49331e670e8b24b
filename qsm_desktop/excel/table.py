"""Finding the table in a returned sheet (定位表头与数据行) — DESIGN.md §3.

Branches insert rows above the header, reorder and add columns, merge a title across the top,
add a 合计 row and notes under the table. So the header row is found **by its column titles**
anywhere in the first 20 rows (titles folded, spaces/newlines/asterisks removed, aliases
accepted, a bracketed hint like ``(必填)`` ignored); columns may come in any order and extra
columns are ignored. Data rows follow the header; blank rows, 合计/总计/小计 rows and notes
(注：…, 说明, 填表人, 审核人 …) are skipped. Each row keeps the position of every value, so a
problem can be reported as ``sheet!cell``.

Also here: the ``填报单位：…`` / ``报告期：…`` line above the table and label/value forms (DESIGN
§3.5, §3.7), where a label cell is followed to its right by its value cell.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from qsm_desktop.domain import i18n
from qsm_desktop.domain.normalise import fold, is_blank
from qsm_desktop.excel.problems import Problem
from qsm_desktop.excel.reader import SheetData, cell_ref, column_letter

__all__ = [
    "HEADER_SEARCH_ROWS",
    "FormValue",
    "Header",
    "Table",
    "TableColumn",
    "TableRow",
    "find_header",
    "find_label_value",
    "header_score",
    "hidden_warnings",
    "normalise_title",
    "parse_reporting_unit",
    "read_form",
    "read_table",
]

HEADER_SEARCH_ROWS = 20
"""The header row is looked for in the first 20 rows (DESIGN §3)."""

i18n.register(
    {
        "table.no_header": (
            "在工作表“{sheet}”的前{rows}行中找不到表头（应有这些列：{titles}）。请使用下发的模板，不要删除或改写列标题",
            "no header row found in the first {rows} rows of sheet '{sheet}' (expected columns: {titles}). "
            "Use the template that was sent out and keep its column titles",
        ),
        "table.missing_columns": (
            "第{row}行的表头缺少必填列：{titles}。请补上这些列（列的先后顺序不限）",
            "the header in row {row} lacks required column(s): {titles}. Add them (in any order)",
        ),
        "table.duplicate_column": (
            "表头中“{title}”出现了两次（{first}和{second}），无法确定使用哪一列。请删除多余的一列",
            "the header has '{title}' twice ({first} and {second}); delete the extra column",
        ),
        "table.formula_uncached": (
            "该单元格是公式，但文件中没有保存计算结果。请在Excel或WPS中打开文件，重新计算(F9)并保存，或把公式改为数值",
            "this cell holds a formula whose result was never saved. Open the file in Excel or WPS, "
            "recalculate (F9) and save, or replace the formula by its value",
        ),
        "table.hidden_row": (
            "第{row}行被隐藏，但其中有数据，这些数据将一并导入。如该行不应报送，请删除该行后重新报送",
            "row {row} is hidden but holds data, which will be imported with the rest. If the row should not be "
            "reported, delete it and send the return again",
        ),
        "table.hidden_column": (
            "{column}列（{title}）被隐藏，但其中有数据，这些数据将一并导入。请确认该列内容无误",
            "column {column} ({title}) is hidden but holds data, which will be imported with the rest. "
            "Check that column's values",
        ),
        "table.no_rows": (
            "表中没有数据行。请在表头下方逐行填写后再报送",
            "the table has no data rows. Fill in the rows under the header before sending it",
        ),
    }
)


# ------------------------------------------------------------------------------------------ titles

_BRACKETED = re.compile(r"[(\[【<《{].*?[)\]】>》}]")
_STRIP_TITLE = str.maketrans("", "", " *:\u3000")


def normalise_title(text: object) -> str:
    """A column title or label as compared: folded, without spaces, newlines, ``*`` and colons.

    ``"* 工 号\\n"`` → ``"工号"``, ``"证书\\n编号："`` → ``"证书编号"``.
    """
    if not isinstance(text, str):
        if text is None or text == "":
            return ""
        text = str(text)
    return _normalise_title(text) if len(text) <= 64 else fold(text).translate(_STRIP_TITLE)


@lru_cache(maxsize=1 << 14)
def _normalise_title(text: str) -> str:
    return fold(text).translate(_STRIP_TITLE)


@lru_cache(maxsize=1 << 14)
def _title_forms(text: object) -> tuple[str, str]:
    """The normalised title and the same without bracketed hints (``工号(7位)`` → ``工号``)."""
    title = normalise_title(text)
    return title, _BRACKETED.sub("", title) if "(" in title or "[" in title or "【" in title or "<" in title or "《" in title or "{" in title else title


@dataclass(frozen=True)
class TableColumn:
    """A column the reader looks for: ``field`` name, ``titles`` (the first is the template's title,
    the rest aliases accepted in returns) and whether it is ``required``."""

    field: str
    titles: tuple[str, ...]
    required: bool = False

    @property
    def title(self) -> str:
        """The template's title."""
        return self.titles[0]


@lru_cache(maxsize=256)
def _title_index(columns: tuple[TableColumn, ...]) -> tuple[dict[str, str], frozenset[str], tuple[str, ...]]:
    """Normalised title → field, the required fields (set and in order) of a column tuple."""
    index: dict[str, str] = {}
    for column in columns:
        for title in column.titles:
            index.setdefault(normalise_title(title), column.field)
    required = tuple(c.field for c in columns if c.required)
    return index, frozenset(required), required


@dataclass
class Header:
    """A located header: the sheet, its 0-based ``row``, ``columns`` (field → 0-based column) and
    the required fields that are ``missing``."""

    sheet: SheetData
    row: int
    columns: dict[str, int]
    missing: list[str]
    duplicates: list[tuple[str, int, int]] = field(default_factory=list)

    @property
    def number(self) -> int:
        """1-based row number as Excel shows it."""
        return self.row + 1


def header_score(sheet: SheetData, columns: Sequence[TableColumn], max_rows: int = HEADER_SEARCH_ROWS) -> int:
    """How many of ``columns`` the best header candidate in ``sheet`` names (0 when none)."""
    header = find_header(sheet, columns, max_rows=max_rows)
    return 0 if header is None else len(header.columns)


def find_header(sheet: SheetData, columns: Sequence[TableColumn], *, max_rows: int = HEADER_SEARCH_ROWS) -> Header | None:
    """Find the header row of ``columns`` in the first ``max_rows`` rows of ``sheet``.

    The row naming the most required columns (then the most columns) wins; at least two titles
    must match, or one when only one column is asked for. Returns ``None`` when no row qualifies.
    The result is remembered on the sheet (a file is located, then read).
    """
    columns = tuple(columns)
    memo_key = (columns, max_rows)
    if memo_key in sheet.headers:
        return sheet.headers[memo_key]
    index, required, all_required = _title_index(columns)
    best: tuple[int, int] | None = None
    best_header: Header | None = None
    minimum = 1 if len(columns) == 1 else 2
    side_copies = bool(sheet.merge_copies)
    for row_index, row in enumerate(sheet.rows[:max_rows]):
        found: dict[str, int] = {}
        duplicates: list[tuple[str, int, int]] = []
        for col, value in enumerate(row):
            if type(value) is not str or not value:
                continue
            if side_copies and sheet.is_side_copy(row_index, col):
                continue  # a title merged across columns names one column, not each it covers
            title, bare = _title_forms(value)
            name = index.get(title) or index.get(bare)
            if name is None:
                continue
            if name in found:
                duplicates.append((name, found[name], col))
                continue
            found[name] = col
        if len(found) < minimum:
            continue
        score = (len(required & found.keys()), len(found))
        if best is None or score > best:
            best = score
            best_header = Header(sheet, row_index, found, [f for f in all_required if f not in found], duplicates)
            if len(found) == len(columns):
                break  # every column named: no later row can do better
    sheet.headers[memo_key] = best_header
    return best_header


# ------------------------------------------------------------------------------------------ rows

_TOTAL_WORDS = ("合计", "总计", "小计", "共计", "累计")
_NOTE_START = re.compile(
    r"(?:注(?:[:：0-9一二三四五六七八九、.)）]|意|释|$)|说明|备注[:：]|填表|填报人|填报日期|填报时间|制表|审核|复核|审批|"
    r"负责人|单位负责人|部门负责人|分管|联系人|联系电话|签字|签名|盖章|日期[:：])"
)


def _filled(raw: Sequence[object], columns: Sequence[int], width: int) -> bool:
    """Whether any located cell is not blank (None, "", only spaces or zero-width characters)."""
    for col in columns:
        if col >= width:
            break
        value = raw[col]
        if value is None or value == "":
            continue
        if type(value) is str and (not value.strip() or is_blank(value)):
            continue
        return True
    return False


def _first_text(row: Sequence[object]) -> str | None:
    for value in row:
        if value is None or value == "":
            continue
        if isinstance(value, str):
            text = normalise_title(value)
            return text or None
        return None
    return None


def _is_total(row: Sequence[object]) -> bool:
    text = _first_text(row)
    return bool(text) and text.startswith(_TOTAL_WORDS)


def _is_note(row: Sequence[object]) -> bool:
    text = _first_text(row)
    return bool(text) and _NOTE_START.match(text) is not None


class TableRow:
    """One data row: 0-based sheet ``index``, the ``raw`` cell values of the sheet row and the header.

    :meth:`get` gives a located column's raw value; every value carries its cell: :meth:`ref` gives
    ``"B5"``, :meth:`where` ``"sheet!B5"``. ``values`` is the dict field → raw value.
    """

    __slots__ = ("index", "raw", "header")

    def __init__(self, index: int, raw: Sequence[object] | Mapping[str, object], header: Header) -> None:
        self.index = index
        self.header = header
        if type(raw) is not list and isinstance(raw, Mapping):  # built from values by field (tests, form kinds)
            cells: list[object] = [""] * (max(header.columns.values(), default=-1) + 1)
            for name, value in raw.items():
                if name in header.columns:
                    cells[header.columns[name]] = value
            raw = cells
        self.raw = raw

    @property
    def values(self) -> dict[str, object]:
        """Field → raw value of every located column."""
        raw, width = self.raw, len(self.raw)
        return {name: (raw[col] if col < width else "") for name, col in self.header.columns.items()}

    @property
    def number(self) -> int:
        """1-based row number as Excel shows it."""
        return self.index + 1

    @property
    def sheet_name(self) -> str:
        return self.header.sheet.name

    def get(self, field_name: str) -> object:
        """The raw value of ``field_name`` (``""`` when the column is absent or the row is short)."""
        col = self.header.columns.get(field_name)
        if col is None or col >= len(self.raw):
            return ""
        return self.raw[col]

    def ref(self, field_name: str) -> str:
        """The A1 reference of ``field_name``'s cell in this row (column A when the column is absent)."""
        return cell_ref(self.index, self.header.columns.get(field_name, 0))

    def where(self, field_name: str) -> str:
        """``"sheet!B5"`` of ``field_name``'s cell."""
        return f"{self.header.sheet.name}!{self.ref(field_name)}"

    def problem(self, field_name: str, key: str, **params: object) -> Problem:
        """A :class:`Problem` at ``field_name``'s cell of this row."""
        return Problem(self.header.sheet.name, self.ref(field_name), key, params)

    def __repr__(self) -> str:
        return f"TableRow({self.number}, {self.values!r})"


@dataclass
class Table:
    """A located table: its header, data rows and the problems found while locating them.

    ``warnings`` (same shape as problems: sheet, cell, message key — issue 11 §5) do not refuse the
    file; they are shown before the import is confirmed: a hidden row or column holding data.
    """

    header: Header | None
    rows: list[TableRow]
    problems: list[Problem]
    warnings: list[Problem] = field(default_factory=list)

    @property
    def sheet(self) -> SheetData | None:
        return None if self.header is None else self.header.sheet

    def picker(self, fields: Sequence[str]):
        """A function ``row → tuple`` of the raw values of ``fields`` in one row of this table, the
        same values :meth:`TableRow.get` gives one by one (``""`` for an absent column or a short
        row) — one call per row instead of one per cell, for kinds that read every row whole."""
        columns = self.header.columns if self.header is not None else {}
        cols = [columns.get(name) for name in fields]
        if not cols or None in cols:
            return lambda row: tuple(row.get(name) for name in fields)
        width = max(cols) + 1
        get = itemgetter(*cols) if len(cols) > 1 else (lambda raw: (raw[cols[0]],))

        def pick(row: TableRow) -> tuple:
            raw = row.raw
            if len(raw) >= width:
                return get(raw)
            return tuple(raw[c] if c < len(raw) else "" for c in cols)

        return pick

    def columns(self, fields: Sequence[str]) -> list[Sequence[object]]:
        """The raw values of each of ``fields`` down the data rows, one sequence per field (the values
        :meth:`TableRow.get` gives: ``""`` for an absent column or a short row)."""
        located = self.header.columns if self.header is not None else {}
        cols = [located.get(name) for name in fields]
        raws = [row.raw for row in self.rows]
        if None in cols or (raws and min(map(len, raws)) <= max(cols, default=-1)):
            return [list(values) for values in zip(*map(self.picker(fields), self.rows))] or [[] for _ in fields]
        return [[raw[col] for raw in raws] for col in cols]


def read_table(sheet: SheetData, columns: Sequence[TableColumn], *, max_header_rows: int = HEADER_SEARCH_ROWS) -> Table:
    """Locate the header of ``columns`` in ``sheet`` and collect its data rows (读取表格).

    Problems (not exceptions): no header, required columns missing (naming the header row),
    a column title given twice, formula cells in the table with no cached value. Rows are not
    validated here — that is the return kind's job.
    """
    header = find_header(sheet, columns, max_rows=max_header_rows)
    if header is None:
        titles = "、".join(c.title for c in columns if c.required)
        return Table(None, [], [Problem(sheet.name, None, "table.no_header", {"sheet": sheet.name, "rows": max_header_rows,
                                                                              "titles": titles})])
    problems: list[Problem] = []
    titles = {c.field: c.title for c in columns}
    if header.missing:
        first_col = min(header.columns.values())
        problems.append(Problem(sheet.name, cell_ref(header.row, first_col), "table.missing_columns",
                                {"row": header.number, "titles": "、".join(titles[f] for f in header.missing)}))
    for name, first, second in header.duplicates:
        problems.append(Problem(sheet.name, cell_ref(header.row, second), "table.duplicate_column",
                                {"title": titles[name], "first": cell_ref(header.row, first),
                                 "second": cell_ref(header.row, second)}))
    if problems:
        return Table(header, [], problems)
    mapping = list(header.columns.items())
    located = sorted(header.columns.values())
    required = [header.columns[c.field] for c in columns if c.required]
    formulas = sheet.formula_cells
    copies = sheet.merge_copies
    copy_rows = {r for r, _c in copies} if copies else ()  # the rows holding a merged cell's copy (a title's, mostly)
    rows: list[TableRow] = []
    in_notes = False
    for index in range(header.row + 1, len(sheet.rows)):
        raw = sheet.rows[index]
        width = len(raw)
        formula_hits = [(name, col) for name, col in mapping if (index, col) in formulas] if formulas else []
        if not formula_hits and not _filled(raw, located, width):
            continue
        if index in copy_rows and not formula_hits and not _filled(raw, [c for c in located if (index, c) not in copies],
                                                                   width):
            continue  # only copies of a merged cell above (a merge running past the data): not a row
        first = _first_text(raw)
        if first is not None:
            if first.startswith(_TOTAL_WORDS):
                continue
            if _NOTE_START.match(first) is not None:
                in_notes = True
                continue
        if in_notes:
            filled = sum(1 for col in required if col < width and not is_blank(raw[col]))
            if filled * 2 < len(required):
                continue
        for name, col in formula_hits:
            problems.append(Problem(sheet.name, cell_ref(index, col), "table.formula_uncached", {}))
        rows.append(TableRow(index, raw, header))
    return Table(header, rows, problems, hidden_warnings(sheet, header, rows, titles))


def hidden_warnings(sheet: SheetData, header: Header, rows: Sequence[TableRow],
                    titles: Mapping[str, str] | None = None) -> list[Problem]:
    """Warnings (issue 11 §5) for data the sender hid: one per hidden data row (at its first located
    cell, naming the row) and one per hidden located column holding data in any data row (at its
    header cell, naming the column and its title). Empty when nothing is hidden."""
    warnings: list[Problem] = []
    if sheet.hidden_rows:
        first = min(header.columns.values())
        for row in rows:
            if row.index in sheet.hidden_rows:
                warnings.append(Problem(sheet.name, cell_ref(row.index, first), "table.hidden_row",
                                        {"row": row.number}))
    if sheet.hidden_cols:
        for name, col in sorted(header.columns.items(), key=lambda item: item[1]):
            if col not in sheet.hidden_cols:
                continue
            if any(col < len(r.raw) and not is_blank(r.raw[col]) for r in rows):
                title = (titles or {}).get(name, name)
                warnings.append(Problem(sheet.name, cell_ref(header.row, col), "table.hidden_column",
                                        {"column": column_letter(col), "title": title}))
    return warnings


# ------------------------------------------------------------------------ labels above the table

@dataclass(frozen=True)
class FormValue:
    """A labelled value: the raw ``value`` (``""`` when empty), its cell ``ref`` and the label's ``label_ref``."""

    value: object
    ref: str
    label_ref: str


def _split_label(text: str, label: str) -> str | None:
    """If ``text`` (folded) starts with ``label``, the rest after an optional colon, else ``None``."""
    text = text.lstrip(" *")
    compact = text.replace(" ", "")
    if not compact.startswith(label):
        return None
    # cut the label off the folded (not compacted) text so the value keeps its own spaces
    count, pos = 0, 0
    while pos < len(text) and count < len(label):
        if text[pos] != " ":
            count += 1
        pos += 1
    rest = text[pos:].lstrip(" :：")
    return rest


def _labelled(rows: Sequence[Sequence[object]], labels: Mapping[str, Sequence[str]], row_range: Iterable[int],
              stop_labels: set[str], sheet: SheetData | None = None) -> dict[str, FormValue]:
    wanted = {normalise_title(title): name for name, titles in labels.items() for title in titles}
    ordered = sorted(wanted, key=len, reverse=True)  # 专家所在机构代码 before 机构代码
    found: dict[str, FormValue] = {}
    for r in row_range:
        if r >= len(rows):
            break
        row = rows[r]
        for c, value in enumerate(row):
            if not isinstance(value, str) or not value:
                continue
            if sheet is not None and sheet.merge_copies and sheet.is_side_copy(r, c):
                continue  # a label merged across columns: its copies are neither labels nor values
            text = fold(value)
            compact = normalise_title(text)
            for label in ordered:
                name = wanted[label]
                if name in found or not compact.startswith(label):
                    continue
                rest = _split_label(text, label)
                if rest is None:
                    continue
                if rest:
                    found[name] = FormValue(rest, cell_ref(r, c), cell_ref(r, c))
                else:
                    found[name] = _value_right_of(row, r, c, stop_labels, sheet)
                break
    return found


def _value_right_of(row: Sequence[object], r: int, c: int, stop_labels: set[str],
                    sheet: SheetData | None = None) -> FormValue:
    for col in range(c + 1, len(row)):
        value = row[col]
        if sheet is not None and sheet.merge_copies and sheet.merge_origin(r, col) == (r, c):
            continue  # the label's own merged cells
        if value is None or (isinstance(value, str) and is_blank(value)):
            continue
        if isinstance(value, str) and any(normalise_title(value).startswith(s) for s in stop_labels):
            break  # the next label: this one's value is empty
        return FormValue(value, cell_ref(r, col), cell_ref(r, c))
    return FormValue("", cell_ref(r, c + 1), cell_ref(r, c))


def find_label_value(sheet: SheetData, label: str | Sequence[str], *, before_row: int | None = None,
                     max_rows: int = HEADER_SEARCH_ROWS) -> FormValue | None:
    """Find ``label`` (e.g. ``填报单位`` or ``报告期``, or several spellings) above the table.

    The value is in the same cell after the label (``填报单位：交通银行北京市分行（110000）``) or in
    the next non-empty cell to the right. ``before_row`` (0-based) limits the search to the rows
    above the header. Returns ``None`` when the label is not there.
    """
    titles = [label] if isinstance(label, str) else list(label)
    limit = max_rows if before_row is None else min(before_row, max_rows)
    stops = {normalise_title(t) for t in ("填报单位", "报告期", "填报日期", "单位", "日期")}
    found = _labelled(sheet.rows, {"value": titles}, range(limit), stops - {normalise_title(t) for t in titles}, sheet)
    return found.get("value")


_CODE_IN_TEXT = re.compile(r"(?<!\d)(\d{6})(?!\d)")


def parse_reporting_unit(text: object) -> tuple[str, str | None]:
    """``"交通银行北京市分行（110000）"`` → ``("交通银行北京市分行", "110000")``; the code is
    ``None`` when the line names the unit only."""
    folded = fold(str(text)) if text is not None else ""
    match = re.search(r"[(\[【]\s*(\d{6})\s*[)\]】]", folded) or _CODE_IN_TEXT.search(folded)
    if not match:
        return folded, None
    name = (folded[:match.start()] + folded[match.end():]).strip(" -:：")
    return name, match.group(1)


def read_form(sheet: SheetData, labels: Mapping[str, Sequence[str]], *, rows: range | None = None) -> dict[str, FormValue]:
    """Read a label/value form (DESIGN §3.5, §3.7): field → :class:`FormValue`.

    ``labels`` maps a field to its label and aliases. Each label cell is followed to its right by
    its value cell (the first non-empty cell before the next label; merged cells are fine), or
    the value follows the label in the same cell after a colon. Fields whose label is absent are
    missing from the result; a label with nothing after it gives ``value == ""``.
    """
    stop = {normalise_title(t) for titles in labels.values() for t in titles}
    return _labelled(sheet.rows, labels, rows if rows is not None else range(len(sheet.rows)), stop, sheet)
