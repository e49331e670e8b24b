"""Reading a returned workbook (读取报表文件) — DESIGN.md §3.

The file is recognised by its **bytes**, never by its name: a branch may rename a CSV export or an
HTML page to ``.xlsx``, send an encrypted workbook, an empty file or half an e-mail attachment.

- Read (python-calamine): xlsx/xlsm/xlsb (zip with ``xl/workbook.xml``/``.bin``), legacy .xls
  (OLE2 compound file with a ``Workbook``/``Book`` stream), .ods (zip whose ``mimetype`` is
  ``application/vnd.oasis.opendocument.spreadsheet``).
- Refused with a sentence saying what the file really is and what to do
  (:class:`WorkbookRefused`): empty, text/CSV, HTML, Excel 2003 XML, encrypted (OLE2 with
  ``EncryptionInfo``/``EncryptedPackage``, or a legacy .xls with a FILEPASS record), truncated or
  corrupt zips and compound files, PDF, Word, PowerPoint, images, archives, anything else.

python-calamine reads the cells that are there (openpyxl's read-only mode trusts the sheet's
``<dimension>``, which WPS writes wrongly — NOTES.md). calamine cannot tell a formula whose result
was never calculated (no cached ``<v>``) from an empty cell, so for xlsx/xlsm the sheet XML is
scanned for such cells, cheaply, and they are reported by cell (:attr:`SheetData.formula_cells`).
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from qsm_desktop.domain import i18n
from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.domain.normalise import clean_text, fold

__all__ = [
    "META_SHEET",
    "SheetData",
    "WorkbookData",
    "WorkbookRefused",
    "cell_ref",
    "column_letter",
    "detect_format",
    "read_workbook",
]

META_SHEET = "_meta"
"""Name of the hidden sheet every template carries: keys in column A, values in column B (DESIGN §3)."""

_ADVICE_SAVE_AS = (
    "请用Excel或WPS打开它，另存为“Excel工作簿(*.xlsx)”后再导入；最好直接在下发的模板中填报",
    "open it in Excel or WPS, save it as an Excel workbook (*.xlsx) and import that; better still, "
    "fill in the template that was sent out",
)

i18n.register(
    {
        "excel.file.unreadable": (
            "无法打开文件“{file}”：{reason}。请检查文件路径和访问权限",
            "cannot open file '{file}': {reason}. Check the path and your access rights",
        ),
        "excel.file.empty": (
            "文件“{file}”是空文件（0字节），里面没有任何内容。请向报送单位重新索取该报表",
            "file '{file}' is empty (0 bytes). Ask the sender for the return again",
        ),
        "excel.file.text": (
            "文件“{file}”不是Excel工作簿，而是文本/CSV文件（只是扩展名写成了“{ext}”）。" + _ADVICE_SAVE_AS[0],
            "file '{file}' is not an Excel workbook: it is a text/CSV file (only its name ends in '{ext}'); "
            + _ADVICE_SAVE_AS[1],
        ),
        "excel.file.html": (
            "文件“{file}”不是Excel工作簿，而是网页(HTML)文件（业务系统“导出Excel”常生成这种文件）。" + _ADVICE_SAVE_AS[0],
            "file '{file}' is not an Excel workbook: it is a web page (HTML), as many systems 'export to Excel'; "
            + _ADVICE_SAVE_AS[1],
        ),
        "excel.file.xml2003": (
            "文件“{file}”是Excel 2003 XML表格，不能直接导入。" + _ADVICE_SAVE_AS[0],
            "file '{file}' is an Excel 2003 XML spreadsheet, which cannot be imported; " + _ADVICE_SAVE_AS[1],
        ),
        "excel.file.encrypted": (
            "文件“{file}”设置了打开密码（已加密），无法读取。请在Excel或WPS中打开，取消打开密码后保存，再导入",
            "file '{file}' is password-protected (encrypted) and cannot be read. Open it in Excel or WPS, "
            "remove the password to open, save, and import it again",
        ),
        "excel.file.truncated": (
            "文件“{file}”不完整（文件被截断，常见于邮件附件未下载完或复制中断）。请重新获取完整的原文件后再导入",
            "file '{file}' is incomplete (truncated, e.g. an attachment that did not finish downloading). "
            "Get the complete file again and import that",
        ),
        "excel.file.corrupt": (
            "文件“{file}”已损坏，无法读取（{detail}）。请在Excel或WPS中打开并另存为新的.xlsx文件；打不开时请向报送单位重新索取",
            "file '{file}' is damaged and cannot be read ({detail}). Open it in Excel or WPS and save it as a new "
            ".xlsx file; if it does not open, ask the sender for it again",
        ),
        "excel.file.pdf": (
            "文件“{file}”是PDF文件，不是Excel工作簿。请让报送单位用下发的Excel模板填报后发送Excel文件",
            "file '{file}' is a PDF, not an Excel workbook. Ask the sender to fill in the Excel template and send that",
        ),
        "excel.file.word": (
            "文件“{file}”是Word文档，不是Excel工作簿。请让报送单位用下发的Excel模板填报",
            "file '{file}' is a Word document, not an Excel workbook. Ask the sender to use the Excel template",
        ),
        "excel.file.powerpoint": (
            "文件“{file}”是PowerPoint演示文稿，不是Excel工作簿。请让报送单位用下发的Excel模板填报",
            "file '{file}' is a PowerPoint presentation, not an Excel workbook. Ask the sender to use the Excel template",
        ),
        "excel.file.zip": (
            "文件“{file}”是一个压缩包，不是Excel工作簿。请先解压，再导入其中的Excel文件",
            "file '{file}' is a zip archive, not an Excel workbook. Unpack it and import the workbook inside",
        ),
        "excel.file.archive": (
            "文件“{file}”是压缩包（{what}），不是Excel工作簿。请先解压，再导入其中的Excel文件",
            "file '{file}' is an archive ({what}), not an Excel workbook. Unpack it and import the workbook inside",
        ),
        "excel.file.image": (
            "文件“{file}”是图片（{what}），不是Excel工作簿。请让报送单位发送填好的Excel模板",
            "file '{file}' is an image ({what}), not an Excel workbook. Ask the sender for the filled-in Excel template",
        ),
        "excel.file.ole_other": (
            "文件“{file}”是旧版Office文件，但不是Excel工作簿。请让报送单位用下发的Excel模板填报",
            "file '{file}' is an old-format Office file but not an Excel workbook. Ask the sender to use the Excel template",
        ),
        "excel.file.unknown": (
            "文件“{file}”不是可识别的Excel工作簿（支持.xlsx、.xlsm、.xls、.ods）。" + _ADVICE_SAVE_AS[0],
            "file '{file}' is not a workbook this program can read (.xlsx, .xlsm, .xls, .ods); " + _ADVICE_SAVE_AS[1],
        ),
        "excel.file.no_sheets": (
            "文件“{file}”中没有任何工作表。请使用下发的模板填报",
            "file '{file}' contains no worksheet. Use the template that was sent out",
        ),
    }
)


class WorkbookRefused(InputRefused):
    """The file cannot be read as a workbook; ``str()`` says what it really is and what to do.

    ``key``/``params`` re-render the sentence in another language (:meth:`message`).
    """

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(key)

    def message(self, language: str | None = None) -> str:
        """The sentence in ``language`` (default: the current language)."""
        return i18n.msg(self.key, language=language, **self.params)

    def __str__(self) -> str:
        return self.message()


# ------------------------------------------------------------------------------------------ cells

def column_letter(col: int) -> str:
    """0-based column index → Excel letters: 0 → ``A``, 25 → ``Z``, 26 → ``AA``."""
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_LETTERS = [column_letter(i) for i in range(256)]


def cell_ref(row: int, col: int) -> str:
    """0-based row and column → A1 reference: ``cell_ref(4, 1) == "B5"``."""
    letters = _LETTERS[col] if col < 256 else column_letter(col)
    return f"{letters}{row + 1}"


def _parse_ref(ref: str) -> tuple[int, int] | None:
    match = re.fullmatch(r"\$?([A-Za-z]{1,3})\$?(\d+)", ref)
    if not match:
        return None
    col = 0
    for ch in match.group(1).upper():
        col = col * 26 + ord(ch) - 64
    return int(match.group(2)) - 1, col - 1


@dataclass
class SheetData:
    """One sheet: ``name``, ``rows`` (list of rows, each a list of raw cell values from A1 on, ``""`` for
    an empty cell), ``visible`` (False for hidden and very hidden sheets), and ``formula_cells``:
    the (row, col) positions, 0-based, of formulas whose result was never calculated."""

    name: str
    rows: list[list[object]]
    visible: bool = True
    formula_cells: frozenset[tuple[int, int]] = frozenset()
    headers: dict = field(default_factory=dict, repr=False, compare=False)
    """Headers already located in this sheet (``excel.table.find_header`` memo)."""

    def cell_ref(self, row: int, col: int) -> str:
        """0-based ``row``/``col`` → ``"B5"``."""
        return cell_ref(row, col)

    def value(self, row: int, col: int) -> object:
        """The raw value at 0-based ``row``/``col`` (``""`` outside the used range)."""
        if 0 <= row < len(self.rows):
            cells = self.rows[row]
            if 0 <= col < len(cells):
                return cells[col]
        return ""


@dataclass
class WorkbookData:
    """A workbook as read: file ``name``, ``format`` (xlsx/xlsm/xlsb/xls/ods), SHA-256 of its bytes,
    its sheets in workbook order, and the ``_meta`` sheet as a dict (``None`` when missing)."""

    name: str
    format: str
    sha256: str
    sheets: list[SheetData]
    meta: dict[str, str] | None = None
    size: int = 0
    _by_name: dict[str, SheetData] = field(default_factory=dict, repr=False)

    def sheet(self, name: str) -> SheetData | None:
        """The sheet called ``name`` (compared after folding and ignoring spaces), or ``None``."""
        if not self._by_name:
            self._by_name = {fold(s.name).replace(" ", ""): s for s in self.sheets}
        return self._by_name.get(fold(name).replace(" ", ""))

    @property
    def data_sheets(self) -> list[SheetData]:
        """The sheets other than ``_meta``, visible ones first (a return's table is on a visible sheet)."""
        sheets = [s for s in self.sheets if fold(s.name).lower() != META_SHEET]
        return [s for s in sheets if s.visible] + [s for s in sheets if not s.visible]


# ------------------------------------------------------------------------------------------ sniffing

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"


def _refuse(key: str, file: str, **params: object) -> WorkbookRefused:
    return WorkbookRefused(key, file=file, **params)


def _looks_like_text(head: bytes) -> str | None:
    """The encoding a text file decodes with, or ``None`` for binary data."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if b"\x00" in head:
        return None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError:
            # a multi-byte character cut at the end of the sample is still text
            try:
                text = head[:-3].decode(encoding)
            except UnicodeDecodeError:
                continue
        controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\x0c")
        if controls <= len(text) // 100:
            return encoding
    return None


def detect_format(data: bytes, file: str = "") -> str:
    """Recognise a file by its bytes: ``"xlsx"``, ``"xlsm"``, ``"xlsb"``, ``"xls"`` or ``"ods"``.

    Raises :class:`WorkbookRefused` with a sentence saying what the file is instead (empty,
    text/CSV, HTML, encrypted, truncated, PDF, Word …) and what to do.
    """
    return _detect(data, file)[0]


def _detect(data: bytes, file: str) -> tuple[str, zipfile.ZipFile | None]:
    if not data:
        raise _refuse("excel.file.empty", file)
    if data.startswith(b"PK"):
        return _detect_zip(data, file)
    if data.startswith(_OLE_MAGIC):
        return _detect_ole(data, file), None
    if data.startswith(b"%PDF"):
        raise _refuse("excel.file.pdf", file)
    for magic, what, key in (
        (b"\x89PNG", "PNG", "excel.file.image"), (b"\xff\xd8\xff", "JPEG", "excel.file.image"),
        (b"GIF8", "GIF", "excel.file.image"), (b"BM", "BMP", None), (b"Rar!", "RAR", "excel.file.archive"),
        (b"7z\xbc\xaf\x27\x1c", "7z", "excel.file.archive"), (b"\x1f\x8b", "gzip", "excel.file.archive"),
    ):
        if key and data.startswith(magic):
            raise _refuse(key, file, what=what)
    head = data[:4096]
    encoding = _looks_like_text(head)
    if encoding is not None:
        text = head.decode(encoding, errors="ignore").lstrip("\ufeff \t\r\n").lower()
        if "urn:schemas-microsoft-com:office:spreadsheet" in text:
            raise _refuse("excel.file.xml2003", file)
        if text.startswith(("<!doctype html", "<html", "<table", "<meta", "<head", "<body")) or (
            text.startswith("<") and ("<html" in text or "<table" in text)
        ):
            raise _refuse("excel.file.html", file)
        if text.startswith("{\\rtf"):
            raise _refuse("excel.file.word", file)
        raise _refuse("excel.file.text", file, ext=PurePosixPath(file).suffix or "")
    raise _refuse("excel.file.unknown", file)


def _detect_zip(data: bytes, file: str) -> tuple[str, zipfile.ZipFile]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise _refuse("excel.file.truncated", file) from None
    if "xl/workbook.xml" in names:
        return ("xlsm" if "xl/vbaProject.bin" in names else "xlsx"), archive
    if "xl/workbook.bin" in names:
        return "xlsb", archive
    if "mimetype" in names:
        try:
            mime = archive.read("mimetype").strip()
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError) as exc:
            raise _refuse("excel.file.corrupt", file, detail=_detail(exc)) from None
        if mime == _ODS_MIME:
            return "ods", archive
        if mime.startswith(b"application/vnd.oasis.opendocument.text"):
            raise _refuse("excel.file.word", file)
        if mime.startswith(b"application/vnd.oasis.opendocument.presentation"):
            raise _refuse("excel.file.powerpoint", file)
    if "word/document.xml" in names:
        raise _refuse("excel.file.word", file)
    if "ppt/presentation.xml" in names:
        raise _refuse("excel.file.powerpoint", file)
    raise _refuse("excel.file.zip", file)


def _detail(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text[:120]


# ----------------------------------------------------------------------- OLE2 (compound file binary)

_FREESECT, _ENDOFCHAIN = 0xFFFFFFFF, 0xFFFFFFFE


class _Truncated(Exception):
    pass


class _CompoundFile:
    """Just enough of [MS-CFB] to list entry names and read the start of a stream."""

    def __init__(self, data: bytes) -> None:
        if len(data) < 512:
            raise _Truncated
        self.data = data
        shift = struct.unpack_from("<H", data, 0x1E)[0]
        if shift not in (9, 12):
            raise ValueError("bad sector size")
        self.size = 1 << shift
        n_fat, self.dir_start = struct.unpack_from("<II", data, 0x2C)
        difat_start, n_difat = struct.unpack_from("<II", data, 0x44)
        difat = [s for s in struct.unpack_from("<109I", data, 0x4C) if s not in (_FREESECT, _ENDOFCHAIN)]
        sector, hops = difat_start, 0
        per = self.size // 4
        while sector not in (_FREESECT, _ENDOFCHAIN) and hops < max(n_difat, 1) + 1000:
            entries = struct.unpack_from(f"<{per}I", self._sector(sector))
            difat.extend(s for s in entries[:-1] if s not in (_FREESECT, _ENDOFCHAIN))
            sector, hops = entries[-1], hops + 1
        fat: list[int] = []
        for sid in difat[:n_fat] if n_fat else difat:
            fat.extend(struct.unpack_from(f"<{per}I", self._sector(sid)))
        self.fat = fat

    def _sector(self, sid: int) -> bytes:
        start = (sid + 1) * self.size
        if start + self.size > len(self.data):
            raise _Truncated
        return self.data[start:start + self.size]

    def chain(self, start: int, limit: int | None = None):
        sector, seen = start, 0
        while sector not in (_FREESECT, _ENDOFCHAIN):
            if sector >= len(self.fat) or seen > len(self.fat):
                raise _Truncated
            yield sector
            seen += 1
            if limit is not None and seen >= limit:
                return
            sector = self.fat[sector]

    def entries(self) -> list[tuple[str, int, int, int]]:
        """(name, type, start sector, size) of every directory entry."""
        result = []
        for sid in self.chain(self.dir_start):
            block = self._sector(sid)
            for offset in range(0, self.size, 128):
                raw = block[offset:offset + 128]
                length = struct.unpack_from("<H", raw, 64)[0]
                kind = raw[66]
                if kind == 0 or length < 2 or length > 64:
                    continue
                name = raw[:length - 2].decode("utf-16-le", errors="replace")
                start, size = struct.unpack_from("<II", raw, 116)
                result.append((name, kind, start, size))
        return result

    def read_start(self, start: int, size: int, max_bytes: int) -> bytes:
        """The first ``max_bytes`` of a stream kept in regular sectors (size ≥ 4096)."""
        sectors = (min(size, max_bytes) + self.size - 1) // self.size
        return b"".join(self._sector(sid) for sid in self.chain(start, sectors))[:size]


def _xls_has_filepass(stream: bytes) -> bool:
    """Whether a BIFF workbook-globals substream starts with a FILEPASS record (RC4/XOR encryption)."""
    pos = 0
    for _ in range(400):
        if pos + 4 > len(stream):
            return False
        record, length = struct.unpack_from("<HH", stream, pos)
        if record == 0x002F:  # FILEPASS
            return True
        if record in (0x0085, 0x000A):  # BOUNDSHEET or EOF: past the place FILEPASS would be
            return False
        pos += 4 + length
    return False


def _detect_ole(data: bytes, file: str) -> str:
    try:
        compound = _CompoundFile(data)
        entries = compound.entries()
    except _Truncated:
        raise _refuse("excel.file.truncated", file) from None
    except (struct.error, ValueError, IndexError) as exc:
        raise _refuse("excel.file.corrupt", file, detail=_detail(exc)) from None
    names = {name.lower(): (start, size) for name, kind, start, size in entries if kind in (1, 2)}
    if "encryptioninfo" in names or "encryptedpackage" in names:
        raise _refuse("excel.file.encrypted", file)
    for stream in ("workbook", "book"):
        if stream in names:
            start, size = names[stream]
            if size >= 4096:
                try:
                    if _xls_has_filepass(compound.read_start(start, size, 8192)):
                        raise _refuse("excel.file.encrypted", file)
                except _Truncated:
                    raise _refuse("excel.file.truncated", file) from None
            return "xls"
    if "worddocument" in names:
        raise _refuse("excel.file.word", file)
    if "powerpoint document" in names:
        raise _refuse("excel.file.powerpoint", file)
    raise _refuse("excel.file.ole_other", file)


# ------------------------------------------------------------------ formulas without a cached value

_HAS_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
def _may_have_formula(xml: bytes) -> bool:
    """Cheap pre-check (one substring scan) before the regular expressions run: every formula has an
    element ending in ``f>`` (``<f>…</f>``; a shared formula's self-closing cells have a master
    ``<f t="shared" …>…</f>`` in the same sheet)."""
    return b"f>" in xml and _HAS_FORMULA.search(xml) is not None
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_ROW = re.compile(rb"<(?:\w+:)?row\b([^>]*?)(?:/>|>)")
_ATTR_R = re.compile(rb'\br="([^"]+)"')
_ATTR_T = re.compile(rb'\bt="([^"]+)"')
_VALUE = re.compile(rb"<(?:\w+:)?v\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?v>)", re.S)
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def _uncached_formulas(xml: bytes) -> frozenset[tuple[int, int]]:
    """(row, col) of every ``<c>`` that has an ``<f>`` but no (or an empty) cached ``<v>``."""
    if not _may_have_formula(xml):
        return frozenset()
    found = set()
    # track positions for cells written without an r attribute (allowed by the format)
    row_starts = [(m.start(), m.group(1)) for m in _ROW.finditer(xml)]
    row_index, next_row, ri = -1, 0, 0
    col = 0
    for match in _CELL.finditer(xml):
        while ri < len(row_starts) and row_starts[ri][0] < match.start():
            attrs = row_starts[ri][1]
            r = _ATTR_R.search(attrs)
            row_index = int(r.group(1)) - 1 if r else next_row
            next_row = row_index + 1
            col = 0
            ri += 1
        attrs, inner = match.group(1), match.group(2) or b""
        r = _ATTR_R.search(attrs)
        pos = _parse_ref(r.group(1).decode("ascii", "replace")) if r else (row_index, col)
        if pos is None:
            continue
        col = pos[1] + 1
        if not _HAS_FORMULA.search(inner):
            continue
        value = _VALUE.search(inner)
        cached = value is not None and (value.group(1) or b"")
        if cached:
            continue
        t = _ATTR_T.search(attrs)
        if value is not None and t and t.group(1) == b"str":
            continue  # a formula whose cached result is the empty string
        found.add(pos)
    return frozenset(found)


def _sheet_xml_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → path of its XML part, from ``xl/workbook.xml`` and its relationships."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {}
    for rel in rels:
        target = rel.get("Target", "")
        if target.startswith("/"):
            path = target.lstrip("/")
        else:
            path = str(PurePosixPath("xl") / target)
        parts: list[str] = []
        for part in path.split("/"):
            if part == "..":
                if parts:
                    parts.pop()
            elif part and part != ".":
                parts.append(part)
        targets[rel.get("Id")] = "/".join(parts)
    result = {}
    for sheet in workbook.iter():
        if sheet.tag.endswith("}sheet") or sheet.tag == "sheet":
            rid = sheet.get(f"{_REL_NS}id")
            if rid in targets:
                result[sheet.get("name", "")] = targets[rid]
    return result


def _formula_cells(archive: zipfile.ZipFile) -> dict[str, frozenset[tuple[int, int]]]:
    parts = {}
    for info in archive.infolist():
        if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
            xml = archive.read(info)
            if _may_have_formula(xml):
                parts[info.filename] = xml
    if not parts:
        return {}
    result = {}
    for name, path in _sheet_xml_paths(archive).items():
        if path in parts:
            cells = _uncached_formulas(parts[path])
            if cells:
                result[name] = cells
    return result


# ------------------------------------------------------------------------------------------ reading

def _read_meta(sheet: SheetData) -> dict[str, str]:
    meta: dict[str, str] = {}
    for row in sheet.rows:
        if not row:
            continue
        key = clean_text(row[0])
        if not key:
            continue
        value = clean_text(row[1]) if len(row) > 1 else None
        meta.setdefault(key.lower(), value or "")
    return meta


def read_workbook(source: str | Path | bytes, *, name: str | None = None) -> WorkbookData:
    """Read a returned workbook from a path or its bytes (读取报表).

    ``name`` is the file name used in messages (default: the path's name). Returns a
    :class:`WorkbookData` with every worksheet's rows from A1 on. Raises :class:`WorkbookRefused`
    for anything that is not a readable workbook — the sentence names what the file really is
    and what to do.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        file = name or ""
    else:
        path = Path(source)
        file = name or path.name
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise _refuse("excel.file.unreadable", file, reason=i18n.os_error_text(exc)) from None
    fmt, archive = _detect(data, file)
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = []
        for meta in book.sheets_metadata:
            if meta.typ != SheetTypeEnum.WorkSheet:
                continue
            rows = book.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
            sheets.append(SheetData(meta.name, rows, meta.visible == SheetVisibleEnum.Visible))
    except Exception as exc:  # calamine raises its own error classes (ZipError, XmlError, PasswordError …)
        kind = type(exc).__name__
        if "Password" in kind or "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise _refuse("excel.file.encrypted", file) from None
        if isinstance(exc, (EOFError, zlib.error)) or "eof" in str(exc).lower() or "truncat" in str(exc).lower():
            raise _refuse("excel.file.truncated", file) from None
        raise _refuse("excel.file.corrupt", file, detail=_detail(exc)) from None
    if fmt in ("xlsx", "xlsm") and archive is not None:
        try:
            formulas = _formula_cells(archive)
        except (zipfile.BadZipFile, zlib.error, KeyError, ElementTree.ParseError, OSError, EOFError) as exc:
            raise _refuse("excel.file.corrupt", file, detail=_detail(exc)) from None
        for sheet in sheets:
            cells = formulas.get(sheet.name)
            if cells:
                sheet.formula_cells = cells
    if not sheets:
        raise _refuse("excel.file.no_sheets", file)
    meta_sheet = next((s for s in sheets if fold(s.name).lower() == META_SHEET), None)
    return WorkbookData(
        name=file, format=fmt, sha256=hashlib.sha256(data).hexdigest(), sheets=sheets,
        meta=_read_meta(meta_sheet) if meta_sheet is not None else None, size=len(data),
    )
