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

Before calamine reads anything, :func:`qsm_desktop.excel.bounds.prepare` checks the file's sizes
(zip bombs, XML entities, sheets spanning more than :data:`~qsm_desktop.excel.bounds.MAX_CELLS`)
and drops far empty or space-only cells (issue 11 §3). Merged ranges give every covered cell the
top-left cell's value; hidden rows and columns are noted on the sheet (issue 11 §2, §5).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from qsm_desktop.domain import i18n
from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.domain.normalise import clean_text, fold
from qsm_desktop.excel.bounds import MAX_CELLS, MAX_FILE_BYTES, BoundsError, SheetLayout, prepare
from qsm_desktop.excel.compound import CompoundFile, Truncated

__all__ = [
    "MAX_CELLS",
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
        "excel.file.too_big": (
            "文件“{file}”有 {size} MB，超过报表文件的上限 {limit} MB，未读取。报表通常只有几百 KB；"
            "请确认是否选错了文件，或请报送单位删除多余的工作表、图片后重新报送",
            "file '{file}' is {size} MB, more than the {limit} MB a return may be; it was not read. A return "
            "is usually a few hundred KB: check that this is the right file, or ask the branch to remove "
            "extra sheets and pictures and send it again",
        ),
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
        "excel.file.text_named": (
            "文件“{file}”是文本文件，不是Excel工作簿；报表只从工作簿文件（.xlsx、.xls 等）读取。"
            "如果其中是报表数据，" + _ADVICE_SAVE_AS[0],
            "file '{file}' is a text file, not an Excel workbook; returns are read only from workbook files "
            "(.xlsx, .xls and the like). If it holds a return's data, " + _ADVICE_SAVE_AS[1],
        ),
        "excel.file.csv_named": (
            "文件“{file}”是CSV文件（逗号分隔的文本），不是Excel工作簿；报表只从工作簿文件（.xlsx、.xls 等）读取。"
            "如果其中是报表数据，" + _ADVICE_SAVE_AS[0],
            "file '{file}' is a CSV file (comma-separated text), not an Excel workbook; returns are read only from "
            "workbook files (.xlsx, .xls and the like). If it holds a return's data, " + _ADVICE_SAVE_AS[1],
        ),
        "excel.file.json": (
            "文件“{file}”是JSON数据文件，不是报表：报表是用下发的Excel模板填写的工作簿（.xlsx）。"
            "请确认是否选错了文件；报送单位的数据只有JSON时，请让其填写下发的Excel模板后报送",
            "file '{file}' is a JSON data file, not a return: returns are workbooks (.xlsx) filled in from the "
            "template that was sent out. Check that this is the right file; if the sender only has the data "
            "as JSON, ask them to fill in the Excel template and send that",
        ),
        "excel.file.xml": (
            "文件“{file}”是XML数据文件，不是报表：报表是用下发的Excel模板填写的工作簿（.xlsx）。"
            "请确认是否选错了文件，或请报送单位用下发的Excel模板填报",
            "file '{file}' is an XML data file, not a return: returns are workbooks (.xlsx) filled in from the "
            "template that was sent out. Check that this is the right file, or ask the sender to use the Excel template",
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
        "excel.file.too_large": (
            "文件“{file}”解压后过大（其中“{part}”超过{limit}MB），不是正常的报表文件，未导入。请向报送单位重新索取",
            "file '{file}' inflates to too much data ('{part}' is over {limit} MB); it is not a normal return "
            "and was not imported. Ask the sender for it again",
        ),
        "excel.file.xml_entities": (
            "文件“{file}”的“{part}”中含有XML实体声明(DOCTYPE/ENTITY)，正常的Excel文件不会有，未导入。"
            "请用Excel或WPS打开并另存为新的.xlsx文件后再导入",
            "file '{file}' has XML entity declarations (DOCTYPE/ENTITY) in '{part}', which no normal workbook has; "
            "it was not imported. Open it in Excel or WPS, save it as a new .xlsx file and import that",
        ),
        "excel.sheet.too_large": (
            "文件“{file}”中工作表“{sheet}”的数据区域有{rows}行×{cols}列（{cells}个单元格），超过本程序一次可读取的"
            "{limit}个单元格，未导入。请删除表格以外无关的行和列（包括远处的空格、零星内容）后保存再导入；"
            "数据确实这么多时请分成几个文件报送",
            "sheet '{sheet}' of file '{file}' spans {rows} rows × {cols} columns ({cells} cells), more than the "
            "{limit} cells this program reads at once; nothing was imported. Delete the rows and columns outside "
            "the table (stray spaces or values far away included), save and import again; if the data really is "
            "that large, send it as several files",
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
    the (row, col) positions, 0-based, of formulas whose result was never calculated.

    Structure the sender gave the sheet (issue 11 §2, §5), all 0-based:

    - ``merges``: merged ranges ``(first_row, first_col, last_row, last_col)``, inclusive, clipped to
      the rows read. Every cell of a merged range holds its top-left cell's value in ``rows``
      (合并单元格: a 机构代码 merged over an outlet's block of rows applies to each row);
      ``merge_copies`` maps each cell that received a copy to that top-left cell.
    - ``hidden_rows`` / ``hidden_cols``: rows and columns the sender hid (xlsx/xlsm, xls, xlsb rows,
      ods) — their values are read like any other; the table reader warns about them.
    """

    name: str
    rows: list[list[object]]
    visible: bool = True
    formula_cells: frozenset[tuple[int, int]] = frozenset()
    headers: dict = field(default_factory=dict, repr=False, compare=False)
    """Headers already located in this sheet (``excel.table.find_header`` memo)."""
    hidden_rows: frozenset[int] = frozenset()
    hidden_cols: frozenset[int] = frozenset()
    merges: tuple[tuple[int, int, int, int], ...] = ()
    merge_copies: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict, repr=False, compare=False)

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

    def merge_origin(self, row: int, col: int) -> tuple[int, int] | None:
        """The top-left cell whose value a merged cell at ``row``/``col`` copies, or ``None`` (not a copy)."""
        return self.merge_copies.get((row, col)) if self.merge_copies else None

    def is_side_copy(self, row: int, col: int) -> bool:
        """Whether the cell holds a copy from a merged cell to its left in the same row (a title or
        label merged across columns — not a value of its own)."""
        origin = self.merge_origin(row, col) if self.merge_copies else None
        return origin is not None and origin[0] == row


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

    def release(self) -> None:
        """Forget the sheets' located headers (:attr:`SheetData.headers`). A header refers to its
        sheet, so the memo makes a cycle that keeps every row alive until Python's cycle collector
        runs; an import calls this once done with the file so its rows are freed at once."""
        for sheet in self.sheets:
            sheet.headers.clear()

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


def _is_json(data: bytes, encoding: str) -> bool:
    """Whether ``data`` (text in ``encoding``) is one JSON document that is an object or an array —
    a data export, never a return (a CSV line does not parse as one)."""
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"[")) and encoding != "utf-16":
        return False
    try:
        document = json.loads(data.decode(encoding))
    except (UnicodeDecodeError, ValueError):
        return False
    return isinstance(document, (dict, list))


_WORKBOOK_NAMES = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".et"})
"""Extensions of workbooks: a text file named so was renamed (``excel.file.text``)."""


def _refuse_text(file: str) -> "WorkbookRefused":
    """The refusal of a text file: one named as a workbook (``x.xlsx`` holding CSV) was renamed, so the
    sentence says only its name is Excel's; one named as what it is (``notes.txt``, ``data.csv``) is
    told that returns are read from workbooks only, and how to make one of it."""
    ext = PurePosixPath(file).suffix
    if ext.lower() in _WORKBOOK_NAMES:
        return _refuse("excel.file.text", file, ext=ext)
    return _refuse("excel.file.csv_named" if ext.lower() in (".csv", ".tsv") else "excel.file.text_named", file)


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
        if _is_json(data, encoding):
            raise _refuse("excel.file.json", file)
        if text.startswith("<?xml") or (text.startswith("<") and not text.startswith("<!")):
            raise _refuse("excel.file.xml", file)
        raise _refuse_text(file)
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
        compound = CompoundFile(data)
        entries = compound.entries()
    except Truncated:
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
                except Truncated:
                    raise _refuse("excel.file.truncated", file) from None
            return "xls"
    if "worddocument" in names:
        raise _refuse("excel.file.word", file)
    if "powerpoint document" in names:
        raise _refuse("excel.file.powerpoint", file)
    raise _refuse("excel.file.ole_other", file)


# ------------------------------------------------------------------ formulas without a cached value

_NO_LAYOUT = SheetLayout()
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


def _apply_merges(rows: list[list[object]], ranges) -> tuple[tuple[tuple[int, int, int, int], ...],
                                                          dict[tuple[int, int], tuple[int, int]]]:
    """Give every cell of a merged range its top-left cell's value (合并单元格), in place.

    ``ranges``: calamine's ``((first_row, first_col), (last_row, last_col))``, 0-based, inclusive.
    Returns the ranges clipped to the rows read, and copied cell → its range's top-left cell. Ranges
    that overlap do not make the work grow beyond the sheet's size.
    """
    clipped: list[tuple[int, int, int, int]] = []
    copies: dict[tuple[int, int], tuple[int, int]] = {}
    if not rows or not ranges:
        return (), copies
    budget = sum(len(r) for r in rows)
    for (r0, c0), (r1, c1) in ranges:
        if r0 >= len(rows) or r0 < 0 or c0 < 0 or r1 < r0 or c1 < c0:
            continue
        r1 = min(r1, len(rows) - 1)
        c1 = min(c1, max(len(r) for r in rows[r0:r1 + 1]) - 1)
        if c1 < c0:
            continue
        clipped.append((r0, c0, r1, c1))
        origin = rows[r0][c0] if c0 < len(rows[r0]) else ""
        if origin is None or origin == "":
            continue
        for r in range(r0, r1 + 1):
            cells = rows[r]
            for c in range(c0, min(c1, len(cells) - 1) + 1):
                if (r, c) == (r0, c0):
                    continue
                budget -= 1
                if budget < 0:
                    return tuple(clipped), copies
                cells[c] = origin
                copies[(r, c)] = (r0, c0)
    return tuple(clipped), copies


def check_file_size(path: Path, file: str | None = None) -> None:
    """Refuse ``path`` by its size before reading it: :class:`WorkbookRefused` (``excel.file.too_big``)
    when over :data:`~qsm_desktop.excel.bounds.MAX_FILE_BYTES`. ``OSError`` when it cannot be stat'ed."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _refuse("excel.file.too_big", file or path.name, size=f"{size / 1024 / 1024:.0f}",
                      limit=f"{MAX_FILE_BYTES // 1024 // 1024}")


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
            check_file_size(path, file)
            data = path.read_bytes()
        except OSError as exc:
            raise _refuse("excel.file.unreadable", file, reason=i18n.os_error_text(exc)) from None
    fmt, archive = _detect(data, file)
    try:
        prepared = prepare(data, fmt, archive)
    except BoundsError as exc:
        raise _refuse(exc.key, file, **exc.params) from None
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(prepared.data))
        sheets = []
        for meta in book.sheets_metadata:
            if meta.typ != SheetTypeEnum.WorkSheet:
                continue
            calamine_sheet = book.get_sheet_by_name(meta.name)
            rows = calamine_sheet.to_python(skip_empty_area=False)
            layout = prepared.layouts.get(meta.name, _NO_LAYOUT)
            merges, copies = _apply_merges(rows, calamine_sheet.merged_cell_ranges)
            sheets.append(SheetData(meta.name, rows, meta.visible == SheetVisibleEnum.Visible,
                                    hidden_rows=layout.hidden_rows, hidden_cols=layout.hidden_cols,
                                    merges=merges, merge_copies=copies))
    except Exception as exc:  # calamine raises its own error classes (ZipError, XmlError, PasswordError …)
        kind = type(exc).__name__
        if "Password" in kind or "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise _refuse("excel.file.encrypted", file) from None
        if isinstance(exc, (EOFError, zlib.error)) or "eof" in str(exc).lower() or "truncat" in str(exc).lower():
            raise _refuse("excel.file.truncated", file) from None
        raise _refuse("excel.file.corrupt", file, detail=_detail(exc)) from None
    for sheet in sheets:
        xml = prepared.sheet_xml.get(sheet.name)
        if xml is not None:
            cells = _uncached_formulas(xml)
            if cells:
                sheet.formula_cells = cells
    if not sheets:
        raise _refuse("excel.file.no_sheets", file)
    meta_sheet = next((s for s in sheets if fold(s.name).lower() == META_SHEET), None)
    return WorkbookData(
        name=file, format=fmt, sha256=hashlib.sha256(data).hexdigest(), sheets=sheets,
        meta=_read_meta(meta_sheet) if meta_sheet is not None else None, size=len(data),
    )
