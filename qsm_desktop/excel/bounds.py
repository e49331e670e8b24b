"""Bounded reading (有界读取): look at a workbook's size before python-calamine reads it — issue 11 §3.

python-calamine allocates the whole rectangle from A1 to the farthest cell that holds anything, in
one block, before a single row reaches Python: one space typed at XFD1048576 asks for 512 GiB and
aborts the process; one at A1048576 costs hundreds of MB for an 11 KB file. Zip members may claim
one size and inflate to another (zip bombs), and XML may declare entities that expand without end.
So, before calamine sees a file:

- **zip formats** (xlsx/xlsm/xlsb/ods): every member is inflated here, bounded — no member may
  inflate beyond :data:`MAX_PART_BYTES`, all of them together beyond :data:`MAX_TOTAL_BYTES`, and a
  member's real size must be the size its header declares; XML parts may not carry a DTD
  (``<!DOCTYPE``/``<!ENTITY``: OOXML and ODF never do);
- **xlsx/xlsm sheets**: the cells are located; cells outside the rectangle of non-blank cells that
  are empty or hold only spaces are dropped from the copy calamine reads (cheaply: a sheet whose
  rows and columns are dense is left as it is); hidden rows and columns are noted;
- **xls** (BIFF8 in a compound file), **ods** and **xlsb**: the cell records are located the same
  way and hidden rows/columns noted (xls, ods);
- a sheet whose rectangle of cells still exceeds :data:`MAX_CELLS` is refused with a sentence.

Errors are :class:`BoundsError` (an i18n key and its parameters); :mod:`qsm_desktop.excel.reader`
turns them into its :class:`~qsm_desktop.excel.reader.WorkbookRefused` sentences.
"""

from __future__ import annotations

import html
import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.etree import ElementTree

from qsm_desktop.domain.normalise import is_blank
from qsm_desktop.excel.compound import CompoundFile, Truncated

__all__ = [
    "MAX_CELLS",
    "MAX_FILE_BYTES",
    "MAX_PART_BYTES",
    "MAX_TOTAL_BYTES",
    "BoundsError",
    "Prepared",
    "SheetLayout",
    "prepare",
]

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Largest file read at all (64 MB): a whole bank's certification return is a few MB; a larger file
is refused by its size before its bytes are read, so no file can take the memory a few hundred MB
allow (issue 11)."""

MAX_CELLS = 3_000_000
"""Largest rectangle (rows × columns from A1) of one sheet that is read: 100,000 rows × 30 columns.
A whole bank's certification return (90,000 staff × 12 columns) fits; what python-calamine and the
row lists then hold stays within a few hundred MB."""

MAX_PART_BYTES = 128 * 1024 * 1024
"""Largest inflated size of one zip member (a sheet's XML, the shared strings …)."""

MAX_TOTAL_BYTES = 256 * 1024 * 1024
"""Largest inflated size of all zip members of one file together."""

_CHUNK = 1 << 20
_XML_HEAD = 64 * 1024


class BoundsError(Exception):
    """A file refused before reading: ``key`` of the sentence (``excel.file.*``) and its ``params``."""

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class SheetLayout:
    """What a sheet's structure says beyond its values: 0-based ``hidden_rows`` and ``hidden_cols``
    (rows/columns hidden by the sender, 隐藏行/列), and ``trimmed`` — True when far empty or
    space-only cells were dropped before reading."""

    hidden_rows: frozenset[int] = frozenset()
    hidden_cols: frozenset[int] = frozenset()
    trimmed: bool = False


@dataclass
class Prepared:
    """A file ready for calamine: ``data`` (the original bytes, or a copy without far blank cells),
    ``layouts`` by sheet name, and the inflated XML of xlsx/xlsm worksheets by sheet name
    (``sheet_xml``, for the scan of formulas without a cached value)."""

    data: bytes
    layouts: dict[str, SheetLayout] = field(default_factory=dict)
    sheet_xml: dict[str, bytes] = field(default_factory=dict)


def prepare(data: bytes, fmt: str, archive: zipfile.ZipFile | None) -> Prepared:
    """Check ``data`` (a workbook of format ``fmt``, as :func:`~qsm_desktop.excel.reader.detect_format`
    says; ``archive`` its zip for zip formats) against the limits and make it safe to read.

    Raises :class:`BoundsError`: ``excel.file.too_large`` (a member inflates beyond the limits),
    ``excel.file.xml_entities`` (an XML part declares a DTD), ``excel.file.corrupt`` (sizes that
    do not match, an encrypted member), ``excel.sheet.too_large`` (a sheet's cells span more than
    :data:`MAX_CELLS`).
    """
    if fmt in ("xlsx", "xlsm") and archive is not None:
        return _prepare_xlsx(data, archive)
    if fmt == "xlsb" and archive is not None:
        parts = _inflate_all(data, archive, keep=lambda n: n.startswith("xl/worksheets/") or n in _BOOK_PARTS)
        return Prepared(data, _xlsb_layouts(parts))
    if fmt == "ods" and archive is not None:
        parts = _inflate_all(data, archive, keep=lambda n: n == "content.xml")
        return Prepared(data, _ods_layouts(parts.get("content.xml", b"")))
    if fmt == "xls":
        return Prepared(data, _xls_layouts(data))
    return Prepared(data)


def _too_large(rows: int, cols: int, sheet: str) -> BoundsError:
    return BoundsError("excel.sheet.too_large", sheet=sheet, rows=rows, cols=cols, cells=rows * cols, limit=MAX_CELLS)


def _check_area(rows: int, cols: int, sheet: str) -> None:
    if rows * cols > MAX_CELLS:
        raise _too_large(rows, cols, sheet)


# ------------------------------------------------------------------------------ zip members

def _inflate(data: bytes, info: zipfile.ZipInfo, keep: bool, budget: int) -> tuple[bytes | None, int]:
    """Inflate one member from the raw file bytes (not trusting its declared size); stop at the
    limits. Returns (the bytes when ``keep``, the real size)."""
    name = info.filename
    if info.flag_bits & 0x1:
        raise BoundsError("excel.file.encrypted")
    offset = info.header_offset
    if data[offset:offset + 4] != b"PK\x03\x04":
        raise BoundsError("excel.file.corrupt", detail=f"{name}: no local header")
    name_len, extra_len = struct.unpack_from("<HH", data, offset + 26)
    start = offset + 30 + name_len + extra_len
    raw = memoryview(data)[start:start + info.compress_size]
    limit = min(MAX_PART_BYTES, budget)
    if info.compress_type == zipfile.ZIP_STORED:
        if len(raw) > limit:
            raise BoundsError("excel.file.too_large", part=name, limit=_mb(limit))
        return (bytes(raw) if keep else None), len(raw)
    if info.compress_type != zipfile.ZIP_DEFLATED:
        try:  # bzip2/lzma: zipfile stops at the declared size; calamine cannot read these anyway
            with zipfile.ZipFile(io.BytesIO(data)).open(info) as member:
                out = member.read(limit + 1)
        except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError, ValueError, zlib.error) as exc:
            raise BoundsError("excel.file.corrupt", detail=f"{name}: {exc}"[:120]) from None
        if len(out) > limit:
            raise BoundsError("excel.file.too_large", part=name, limit=_mb(limit))
        return (out if keep else None), len(out)
    inflater = zlib.decompressobj(-15)
    pieces: list[bytes] = []
    total = 0
    try:
        for pos in range(0, len(raw), _CHUNK):
            chunk = raw[pos:pos + _CHUNK]
            while chunk:
                piece = inflater.decompress(chunk, _CHUNK)
                total += len(piece)
                if total > limit:
                    raise BoundsError("excel.file.too_large", part=name, limit=_mb(limit))
                if keep:
                    pieces.append(piece)
                chunk = inflater.unconsumed_tail
            if inflater.eof:
                break
        piece = inflater.flush()
    except zlib.error as exc:
        raise BoundsError("excel.file.corrupt", detail=f"{name}: {exc}"[:120]) from None
    total += len(piece)
    if total > limit:
        raise BoundsError("excel.file.too_large", part=name, limit=_mb(limit))
    if keep:
        pieces.append(piece)
    return (b"".join(pieces) if keep else None), total


def _mb(size: int) -> int:
    return size // (1024 * 1024)


def _declares_dtd(xml: bytes) -> bool:
    """Whether the prolog of ``xml`` (what comes before the root element — the only place a DTD may
    stand) holds a declaration other than a comment: ``<!DOCTYPE …>`` with its entities."""
    pos = 0
    while True:
        at = xml.find(b"<", pos)
        if at < 0:
            return False
        if xml.startswith(b"<?", at):
            end = xml.find(b"?>", at + 2)
        elif xml.startswith(b"<!--", at):
            end = xml.find(b"-->", at + 4)
        else:
            return xml.startswith(b"<!", at)
        if end < 0:
            return False
        pos = end + 2


_MAX_RATIO = 1100
"""Deflate inflates at most ~1032-fold: a member whose compressed size times this stays within the
limits needs no inflating to be known safe (python-calamine's XML parser expands no entities, so
only the parts read here are searched for a DTD)."""
_BOOK_PARTS = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/workbook.bin",
               "xl/_rels/workbook.bin.rels")


def _inflate_all(data: bytes, archive: zipfile.ZipFile, keep) -> dict[str, bytes]:
    """Inflate every member within the limits; return the bytes of those ``keep(name)`` selects.

    Also refuses declared sizes beyond the limits (before inflating anything), sizes that differ
    from the declared ones, and a DTD in the parts kept (the ones this program parses itself).
    """
    infos = archive.infolist()
    declared = 0
    for info in infos:
        declared += info.file_size
        if info.file_size > MAX_PART_BYTES:
            raise BoundsError("excel.file.too_large", part=info.filename, limit=_mb(MAX_PART_BYTES))
        if declared > MAX_TOTAL_BYTES:
            raise BoundsError("excel.file.too_large", part=info.filename, limit=_mb(MAX_TOTAL_BYTES))
    kept: dict[str, bytes] = {}
    total = 0
    for info in infos:
        if info.is_dir():
            continue
        name = info.filename
        wanted = keep(name)
        if not wanted and info.compress_size * _MAX_RATIO <= MAX_PART_BYTES and declared + info.compress_size * \
                _MAX_RATIO <= MAX_TOTAL_BYTES and not info.flag_bits & 0x1:
            continue  # even a lying header cannot make this one inflate beyond the limits
        content, size = _inflate(data, info, wanted, MAX_TOTAL_BYTES - total)
        total += size
        if size != info.file_size:
            raise BoundsError("excel.file.corrupt", detail=f"{name}: size {size} ≠ {info.file_size}")
        if wanted and content is not None:
            if _declares_dtd(content):
                raise BoundsError("excel.file.xml_entities", part=name)
            kept[name] = content
    return kept


# ------------------------------------------------------------------------------ xlsx / xlsm

_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def sheet_parts(parts: dict[str, bytes], book: str = "xl/workbook.xml") -> dict[str, str]:
    """Sheet name → path of its part, from the workbook part and its relationships (already inflated
    in ``parts``). Raises ``KeyError``/``ElementTree.ParseError`` when they are missing or damaged."""
    folder, _, base = book.rpartition("/")
    rels = ElementTree.fromstring(parts[f"{folder}/_rels/{base}.rels"])
    targets = {}
    for rel in rels:
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        if "./" in path or "//" in path:
            resolved: list[str] = []
            for part in path.split("/"):
                if part == "..":
                    if resolved:
                        resolved.pop()
                elif part and part != ".":
                    resolved.append(part)
            path = "/".join(resolved)
        targets[rel.get("Id")] = path
    result = {}
    if book.endswith(".bin"):
        return _xlsb_sheet_names(parts[book], targets)
    for sheet in ElementTree.fromstring(parts[book]).iter():
        if sheet.tag.endswith("}sheet") or sheet.tag == "sheet":
            rid = sheet.get(f"{_REL_NS}id")
            if rid in targets:
                result[sheet.get("name", "")] = targets[rid]
    return result


def _prepare_xlsx(data: bytes, archive: zipfile.ZipFile) -> Prepared:
    parts = _inflate_all(data, archive, keep=lambda n: n.startswith("xl/worksheets/") or n in _BOOK_PARTS)
    try:
        by_sheet = sheet_parts(parts)
    except (KeyError, ElementTree.ParseError) as exc:
        raise BoundsError("excel.file.corrupt", detail=f"workbook: {exc}"[:120]) from None
    strings = _SharedStrings(parts.get("xl/sharedStrings.xml", b""))
    layouts: dict[str, SheetLayout] = {}
    sheet_xml: dict[str, bytes] = {}
    replaced: dict[str, bytes] = {}
    for name, path in by_sheet.items():
        xml = parts.get(path)
        if xml is None:
            continue
        scan = scan_sheet_xml(xml, strings, name)
        layouts[name] = SheetLayout(scan.hidden_rows, scan.hidden_cols, scan.trimmed is not None)
        if scan.trimmed is not None:
            replaced[path] = scan.trimmed
            xml = scan.trimmed
        sheet_xml[name] = xml
    if replaced:
        data = _rebuild(archive, parts, replaced)
    return Prepared(data, layouts, sheet_xml)


def _rebuild(archive: zipfile.ZipFile, parts: dict[str, bytes], replaced: dict[str, bytes]) -> bytes:
    """A copy of the zip with ``replaced`` members (the other members copied from ``archive``)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for info in archive.infolist():
            content = replaced.get(info.filename)
            if content is None:
                content = parts.get(info.filename)
            if content is None:
                content = archive.read(info)  # already inflated once within the limits
            target.writestr(info.filename, content)
    return out.getvalue()


class _SharedStrings:
    """Which shared strings (``xl/sharedStrings.xml``) are blank; parsed on first use only."""

    _SI = re.compile(rb"<(?:\w+:)?si\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?si>)", re.S)
    _T = re.compile(rb"<(?:\w+:)?t\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?t>)", re.S)
    _RPH = re.compile(rb"<(?:\w+:)?rPh\b.*?</(?:\w+:)?rPh>", re.S)  # phonetic runs are not the value

    def __init__(self, xml: bytes) -> None:
        self.xml = xml
        self._blank: list[bool] | None = None

    def blank(self, index: int) -> bool:
        if self._blank is None:
            flags = []
            for match in self._SI.finditer(self.xml):
                inner = self._RPH.sub(b"", match.group(1) or b"")
                text = b"".join(t.group(1) or b"" for t in self._T.finditer(inner))
                flags.append(_blank_text(text))
            self._blank = flags
        return self._blank[index] if 0 <= index < len(self._blank) else True


def _blank_text(raw: bytes) -> bool:
    if not raw.strip():
        return True
    text = raw.decode("utf-8", "replace")
    if "&" in text:
        text = html.unescape(text)
    return is_blank(text)


_ROW_ATTRS = re.compile(rb"<row\b([^>]*)>")
_R_NUMBER = re.compile(rb'(?:^|\s)r="(\d+)"')
_PREFIXED = re.compile(rb":(?:c|row)[\s>/]")
_BEYOND_Z = re.compile(rb'<c(?: r="[A-Z]{2}|>|/>| (?!r=))')
_BEYOND_IV = re.compile(rb'<c(?: r="(?:[A-Z]{3}|[J-Z][A-Z]|I[W-Z])|>|/>| (?!r=))')
_FAST_COL = re.compile(rb'<c r="([A-Z]{1,3})\d')
_TOKEN = re.compile(rb"<(?:\w+:)?(?:(row)\b([^>]*?)/?>|c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>))", re.S)
_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b([^>]*?)/?>")
_COL_TAG = re.compile(rb"<(?:\w+:)?col\b([^>]*?)/?>")
_R = re.compile(rb'\br="([^"]*)"')
_T_ATTR = re.compile(rb'\bt="([^"]*)"')
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_MIN = re.compile(rb'\bmin="(\d+)"')
_MAX = re.compile(rb'\bmax="(\d+)"')
_V = re.compile(rb"<(?:\w+:)?v\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?v>)", re.S)
_IS_T = re.compile(rb"<(?:\w+:)?t\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?t>)", re.S)
_CELL_REF = re.compile(rb"\$?([A-Za-z]{1,3})\$?(\d{1,7})")


def _col_number(letters: bytes) -> int:
    col = 0
    for ch in letters.upper():
        col = col * 26 + ch - 64
    return col - 1


@dataclass
class SheetScan:
    """Result of :func:`scan_sheet_xml`: hidden rows/columns (0-based), the number of rows and
    columns (from A1) calamine will read, and ``trimmed`` — the XML without far blank cells, or
    ``None`` when nothing was dropped."""

    hidden_rows: frozenset[int]
    hidden_cols: frozenset[int]
    rows: int
    cols: int
    trimmed: bytes | None = None


def scan_sheet_xml(xml: bytes, strings: _SharedStrings | None = None, name: str = "") -> SheetScan:
    """Locate a worksheet part's cells (see the module doc); raises :class:`BoundsError`
    (``excel.sheet.too_large``) when its non-blank cells span more than :data:`MAX_CELLS`.

    The everyday sheet takes a few passes of C code over its XML (its rows, then a search for any
    cell beyond column Z or without a reference, then for a namespace prefix): rows numbered densely
    and at most 26 (or 256) columns need no look at each cell. Anything else — a far row, wide
    columns, cells without references, prefixed tags — is located cell by cell.
    """
    strings = strings or _SharedStrings(b"")
    data_at = xml.find(b"<sheetData")
    hidden_cols = _hidden_cols(xml[:data_at] if data_at >= 0 else xml)
    if data_at < 0:
        return _scan_cells(xml, strings, name, _hidden_rows(xml), hidden_cols)
    rows = _ROW_ATTRS.findall(xml, data_at)
    joined = b"\x00".join(rows)
    numbers = _R_NUMBER.findall(joined)
    hidden_rows = _hidden_rows(xml) if b"hidden=" in joined else frozenset()
    if rows and len(numbers) == len(rows) and _PREFIXED.search(xml, data_at) is None:
        max_row = max(map(int, numbers))
        if max_row <= 2 * len(rows) + 100:
            max_col = 26 if _BEYOND_Z.search(xml, data_at) is None else 0
            if not max_col and _BEYOND_IV.search(xml, data_at) is None:
                max_col = 256
            if max_col and max_row * max_col > MAX_CELLS:
                max_col = max(_col_number(c) for c in set(_FAST_COL.findall(xml, data_at))) + 1
            if max_col:
                _check_area(max_row, max_col, name)
                return SheetScan(hidden_rows, hidden_cols, max_row, max_col)
    return _scan_cells(xml, strings, name, hidden_rows, hidden_cols)


def _hidden_rows(xml: bytes) -> frozenset[int]:
    hidden = set()
    row = -1
    for match in _ROW_TAG.finditer(xml):
        attrs = match.group(1)
        r = _R.search(attrs)
        row = int(r.group(1)) - 1 if r and r.group(1).isdigit() else row + 1
        if _HIDDEN.search(attrs):
            hidden.add(row)
    return frozenset(hidden)


def _hidden_cols(xml: bytes) -> frozenset[int]:
    start = xml.find(b"<cols")
    if start < 0 or b"hidden=" not in xml:
        start = xml.find(b":cols")
        if start < 0 or b"hidden=" not in xml:
            return frozenset()
    end = xml.find(b"cols>", start + 5)
    hidden: set[int] = set()
    for match in _COL_TAG.finditer(xml, start, end if end > 0 else len(xml)):
        attrs = match.group(1)
        if not _HIDDEN.search(attrs):
            continue
        low, high = _MIN.search(attrs), _MAX.search(attrs)
        if low and high:
            first, last = int(low.group(1)) - 1, min(int(high.group(1)), 16384) - 1
            if last - first < 16384:
                hidden.update(range(first, last + 1))
    return frozenset(hidden)


def _cell_is_blank(attrs: bytes, inner: bytes, strings: _SharedStrings) -> bool | None:
    """True for a cell calamine reads as an empty or space-only value, False for a real value,
    None for a cell calamine does not read at all (no value)."""
    t = _T_ATTR.search(attrs)
    kind = t.group(1) if t else b"n"
    if kind == b"inlineStr":
        if b"<" not in inner:
            return None
        texts = b"".join(m.group(1) or b"" for m in _IS_T.finditer(inner))
        return _blank_text(texts)
    value = _V.search(inner)
    if value is None:
        return None
    text = value.group(1) or b""
    if kind == b"s":
        try:
            return strings.blank(int(text.strip() or b"-1"))
        except ValueError:
            return True
    if kind == b"str":
        return _blank_text(text)
    return not text.strip()


def _scan_cells(xml: bytes, strings: _SharedStrings, name: str, hidden_rows: frozenset[int],
                hidden_cols: frozenset[int]) -> SheetScan:
    """The careful path: every cell is located and far blank cells are dropped."""
    max_row = max_col = -1  # farthest non-blank cell
    all_row = all_col = -1  # farthest cell calamine would read
    row, col = -1, 0
    for match in _TOKEN.finditer(xml):
        if match.group(1):
            r = _R.search(match.group(2))
            row = int(r.group(1)) - 1 if r and r.group(1).isdigit() else row + 1
            col = 0
            continue
        attrs, inner = match.group(3), match.group(4)
        r = _R.search(attrs)
        ref = _CELL_REF.fullmatch(r.group(1)) if r else None
        if ref:
            row, col = int(ref.group(2)) - 1, _col_number(ref.group(1))
        position = (row, col)
        col += 1
        if inner is None:
            continue
        if position[0] <= max_row and position[1] <= max_col:
            continue  # inside the rectangle already: no need to look at the value
        blank = _cell_is_blank(attrs, inner, strings)
        if blank is None:
            continue
        all_row, all_col = max(all_row, position[0]), max(all_col, position[1])
        if not blank:
            max_row, max_col = max(max_row, position[0]), max(max_col, position[1])
    rows, cols = max_row + 1, max_col + 1
    _check_area(rows, cols, name)
    if all_row <= max_row and all_col <= max_col:
        return SheetScan(hidden_rows, hidden_cols, rows, cols)
    return SheetScan(hidden_rows, hidden_cols, rows, cols, _drop_cells(xml, max_row, max_col))


def _drop_cells(xml: bytes, max_row: int, max_col: int) -> bytes:
    """``xml`` without the cells beyond row ``max_row`` or column ``max_col`` (0-based)."""
    state = [-1, 0]  # current row, next column

    def replace(match: re.Match) -> bytes:
        if match.group(1):
            r = _R.search(match.group(2))
            state[0] = int(r.group(1)) - 1 if r and r.group(1).isdigit() else state[0] + 1
            state[1] = 0
            return match.group(0)
        r = _R.search(match.group(3))
        ref = _CELL_REF.fullmatch(r.group(1)) if r else None
        if ref:
            state[0], state[1] = int(ref.group(2)) - 1, _col_number(ref.group(1))
        row, col = state[0], state[1]
        state[1] += 1
        if row > max_row or col > max_col:
            return b""
        return match.group(0)

    start = xml.find(b"sheetData")
    return xml[:start] + _TOKEN.sub(replace, xml[start:]) if start >= 0 else _TOKEN.sub(replace, xml)


# ------------------------------------------------------------------------------ ods

_ODS_TOKEN = re.compile(
    rb"<table:(table-row|table-cell|covered-table-cell|table-column|table)(?=[\s/>])([^>]*?)(/?)>"
    rb"|</table:(table|table-cell|covered-table-cell)>"
)
_ODS_NAME = re.compile(rb'table:name="([^"]*)"')
_ODS_ROWS_REP = re.compile(rb'table:number-rows-repeated="(\d+)"')
_ODS_COLS_REP = re.compile(rb'table:number-columns-repeated="(\d+)"')
_ODS_HIDDEN = re.compile(rb'table:visibility="(?:collapse|filter)"')


def _ods_layouts(content: bytes) -> dict[str, SheetLayout]:
    """Extent and hidden rows/columns of each table of an ODS ``content.xml`` (repeated rows and
    cells counted as calamine expands them)."""
    layouts: dict[str, SheetLayout] = {}
    name = ""
    row = next_row = col = next_col = column = 0
    max_row = max_col = -1
    hidden_rows: set[int] = set()
    hidden_cols: set[int] = set()
    open_cell = -1  # where the children of the open cell start
    span = (0, 0, 0, 0)  # rows and columns the open cell covers
    for match in _ODS_TOKEN.finditer(content):
        tag, attrs, closed, end_tag = match.group(1), match.group(2), match.group(3), match.group(4)
        if end_tag == b"table":
            _check_area(max_row + 1, max_col + 1, name)
            layouts[name] = SheetLayout(frozenset(hidden_rows), frozenset(hidden_cols))
        elif end_tag:
            if open_cell >= 0 and content.find(b"<text:", open_cell, match.start()) >= 0:
                max_row, max_col = max(max_row, span[1]), max(max_col, span[3])
            open_cell = -1
        elif tag == b"table":
            name = html.unescape(_attr(_ODS_NAME, attrs, b"").decode("utf-8", "replace"))
            row = next_row = column = 0
            max_row = max_col = -1
            hidden_rows, hidden_cols = set(), set()
        elif tag == b"table-column":
            repeat = int(_attr(_ODS_COLS_REP, attrs, b"1"))
            if _ODS_HIDDEN.search(attrs) and repeat < 16384:
                hidden_cols.update(range(column, column + repeat))
            column += repeat
        elif tag == b"table-row":
            row, repeat = next_row, int(_attr(_ODS_ROWS_REP, attrs, b"1"))
            next_row = row + repeat
            if _ODS_HIDDEN.search(attrs) and repeat < 1_048_576:
                hidden_rows.update(range(row, next_row))
            col = next_col = 0
        else:  # a cell or a covered cell
            col, repeat = next_col, int(_attr(_ODS_COLS_REP, attrs, b"1"))
            next_col = col + repeat
            span = (row, next_row - 1, col, next_col - 1)
            if b"office:value-type" in attrs:
                max_row, max_col = max(max_row, span[1]), max(max_col, span[3])
            elif not closed:
                open_cell = match.end()
    return layouts


def _attr(pattern: re.Pattern, attrs: bytes, default: bytes) -> bytes:
    match = pattern.search(attrs)
    return match.group(1) if match else default


# ------------------------------------------------------------------------------ xls (BIFF8)

_BIFF_CELLS = {0x00FD, 0x0203, 0x027E, 0x0204, 0x0205, 0x0006, 0x00D6, 0x0201}
_BIFF_MULTI = {0x00BD, 0x00BE}  # MULRK, MULBLANK: row, first column … last column


def _xls_layouts(data: bytes) -> dict[str, SheetLayout]:
    """Extent and hidden rows/columns of each worksheet of a legacy .xls (BIFF8 records)."""
    try:
        compound = CompoundFile(data)
        streams = {name.lower(): (start, size) for name, kind, start, size in compound.entries() if kind == 2}
        key = "workbook" if "workbook" in streams else "book"
        if key not in streams:
            return {}
        stream = compound.read_stream(*streams[key])
    except (Truncated, struct.error, ValueError, IndexError):
        return {}  # the reader's own sniffing has judged the file; calamine will say the rest
    names: dict[int, str] = {}
    pos = depth = 0
    layouts: dict[str, SheetLayout] = {}
    current: str | None = None
    max_row = max_col = -1
    hidden_rows: set[int] = set()
    hidden_cols: set[int] = set()
    while pos + 4 <= len(stream):
        record, length = struct.unpack_from("<HH", stream, pos)
        body = stream[pos + 4:pos + 4 + length]
        if record == 0x0085 and len(body) >= 8:  # BOUNDSHEET: where the sheet's BOF is, its name
            names[struct.unpack_from("<I", body, 0)[0]] = _biff_string(body[6:])
        elif record == 0x0809:  # BOF: a sheet's substream, or a chart nested in it
            if current is not None:
                depth += 1
            else:
                current, depth = names.get(pos), 0
                max_row = max_col = -1
                hidden_rows, hidden_cols = set(), set()
        elif record == 0x000A and current is not None:  # EOF
            if depth:
                depth -= 1
            else:
                _check_area(max_row + 1, max_col + 1, current)
                layouts[current] = SheetLayout(frozenset(hidden_rows), frozenset(hidden_cols))
                current = None
        elif current is not None and not depth and len(body) >= 4:
            first, second = struct.unpack_from("<HH", body, 0)
            if record in _BIFF_CELLS:  # row, column
                max_row, max_col = max(max_row, first), max(max_col, second)
            elif record in _BIFF_MULTI and length >= 6:  # row, first column … last column
                last = struct.unpack_from("<H", body, length - 2)[0]
                max_row, max_col = max(max_row, first), max(max_col, last, second)
            elif record == 0x0208 and length >= 16:  # ROW: row …; bit 5 of the options = hidden
                if struct.unpack_from("<H", body, 12)[0] & 0x20:
                    hidden_rows.add(first)
            elif record == 0x007D and length >= 10:  # COLINFO: first, last column …; bit 0 = hidden
                if struct.unpack_from("<H", body, 8)[0] & 0x1:
                    hidden_cols.update(range(first, min(second, 255) + 1))
        pos += 4 + length
    return layouts


def _biff_string(raw: bytes) -> str:
    if len(raw) < 2:
        return ""
    count, flags = raw[0], raw[1]
    if flags & 0x1:
        return raw[2:2 + 2 * count].decode("utf-16-le", "replace")
    return raw[2:2 + count].decode("latin-1")


# ------------------------------------------------------------------------------ xlsb

def _xlsb_sheet_names(book: bytes, targets: dict[str | None, str]) -> dict[str, str]:
    """Sheet name → part from ``xl/workbook.bin`` (BrtBundleSh records, type 156)."""
    result = {}
    for kind, body in _xlsb_records(book):
        if kind == 156 and len(body) >= 12:
            rid, pos = _xlsb_wide(body, 8)
            sheet_name, _ = _xlsb_wide(body, pos)
            if rid in targets:
                result[sheet_name] = targets[rid]
    return result


def _xlsb_wide(body: bytes, pos: int) -> tuple[str, int]:
    count = struct.unpack_from("<I", body, pos)[0]
    if count == 0xFFFFFFFF:
        return "", pos + 4
    end = pos + 4 + 2 * count
    return body[pos + 4:end].decode("utf-16-le", "replace"), end


def _xlsb_records(data: bytes):
    pos, size = 0, len(data)
    while pos < size:
        kind = data[pos] & 0x7F
        if data[pos] & 0x80:
            pos += 1
            if pos >= size:
                return
            kind |= (data[pos] & 0x7F) << 7
        pos += 1
        length = shift = 0
        for _ in range(4):
            if pos >= size:
                return
            byte = data[pos]
            pos += 1
            length |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                break
        yield kind, data[pos:pos + length]
        pos += length


def _xlsb_layouts(parts: dict[str, bytes]) -> dict[str, SheetLayout]:
    """Extent of each worksheet of an xlsb (BrtRowHdr rows, cell records 1–11) and hidden rows."""
    try:
        by_sheet = sheet_parts(parts, "xl/workbook.bin")
    except (KeyError, ElementTree.ParseError, struct.error):
        return {}
    layouts = {}
    for name, path in by_sheet.items():
        content = parts.get(path)
        if content is None:
            continue
        row = max_row = max_col = -1
        hidden: set[int] = set()
        try:
            for kind, body in _xlsb_records(content):
                if kind == 0 and len(body) >= 4:  # BrtRowHdr
                    row = struct.unpack_from("<I", body, 0)[0]
                    if len(body) >= 12 and body[11] & 0x10:  # fDyZero: hidden
                        hidden.add(row)
                elif 1 <= kind <= 11 and len(body) >= 4:  # BrtCell*
                    col = struct.unpack_from("<I", body, 0)[0]
                    max_row, max_col = max(max_row, row), max(max_col, col)
        except struct.error:
            continue
        _check_area(max_row + 1, max_col + 1, name)
        layouts[name] = SheetLayout(frozenset(hidden))
    return layouts
