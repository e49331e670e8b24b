"""The reader recognises files by their bytes (DESIGN §3) and reads what calamine can read."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import openpyxl
import pytest

from qsm_desktop.domain import i18n
from qsm_desktop.excel.reader import (
    WorkbookRefused,
    cell_ref,
    column_letter,
    detect_format,
    read_workbook,
)


# ------------------------------------------------------------------ building odd files by hand


def make_compound(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE2 compound file (512-byte sectors) holding ``streams`` in regular sectors."""
    sector = 512
    data_sectors: list[bytes] = []
    starts = {}
    for name, payload in streams.items():
        padded = payload + b"\x00" * (-len(payload) % sector or 0)
        starts[name] = (2 + len(data_sectors), len(payload))
        data_sectors += [padded[i:i + sector] for i in range(0, len(padded), sector)] or [b"\x00" * sector]
    total = 2 + len(data_sectors)
    fat = [0xFFFFFFFD, 0xFFFFFFFE]  # sector 0 = FAT, sector 1 = directory (one sector, 4 entries)
    for name, (start, size) in starts.items():
        count = max(1, -(-size // sector))
        fat += [start + i + 1 for i in range(count - 1)] + [0xFFFFFFFE]
    assert len(fat) == total and len(streams) <= 3
    fat += [0xFFFFFFFF] * (128 - len(fat))

    def entry(name: str, kind: int, start: int, size: int, child: int = 0xFFFFFFFF, right: int = 0xFFFFFFFF) -> bytes:
        raw = name.encode("utf-16-le") + b"\x00\x00"
        out = raw.ljust(64, b"\x00") + struct.pack("<HBB", len(raw), kind, 1)
        out += struct.pack("<III", 0xFFFFFFFF, right, child) + b"\x00" * 16 + b"\x00" * 4 + b"\x00" * 16
        out += struct.pack("<III", start, size, 0)
        assert len(out) == 128
        return out

    names = list(streams)
    directory = entry("Root Entry", 5, 0xFFFFFFFE, 0, child=1 if names else 0xFFFFFFFF)
    for i, name in enumerate(names):
        start, size = starts[name]
        directory += entry(name, 2, start, size, right=i + 2 if i + 1 < len(names) else 0xFFFFFFFF)
    directory = directory.ljust(sector, b"\x00")
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9)
    struct.pack_into("<H", header, 0x20, 6)
    struct.pack_into("<IIIIIIII", header, 0x2C, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *([0xFFFFFFFF] * 108))
    return bytes(header) + struct.pack("<128I", *fat) + directory + b"".join(data_sectors)


def biff_record(kind: int, payload: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(payload)) + payload


def make_ods(rows: list[list[str]]) -> bytes:
    cells = "".join(
        "<table:table-row>" + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>' for v in row
        ) + "</table:table-row>"
        for row in rows
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="机构清单">{cells}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def xlsx_bytes(fill) -> bytes:
    book = openpyxl.Workbook()
    fill(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# ------------------------------------------------------------------ cell references


def test_cell_refs():
    assert cell_ref(4, 1) == "B5"
    assert cell_ref(0, 0) == "A1"
    assert column_letter(25) == "Z"
    assert column_letter(26) == "AA"
    assert column_letter(701) == "ZZ"
    assert column_letter(702) == "AAA"
    assert cell_ref(9, 300) == "KO10"


# ------------------------------------------------------------------ the samples


def test_reads_clean_sample(samples_dir: Path):
    book = read_workbook(samples_dir / "certification_110000_2007Q4.xlsx")
    assert book.format == "xlsx"
    assert [s.name for s in book.sheets] == ["持证上岗情况", "_meta"]
    assert [s.visible for s in book.sheets] == [True, False]
    assert book.meta == {"kind": "certification", "version": "1", "org_code": "110000", "period": "2007Q4",
                         "generated_at": "2007-12-20T09:00:00"}
    sheet = book.sheet("持证上岗情况")
    assert sheet is not None and sheet.rows[2][3] == "工号"
    assert sheet.cell_ref(2, 3) == "D3"
    assert len(book.sha256) == 64
    assert [s.name for s in book.data_sheets] == ["持证上岗情况"]


def test_reads_legacy_xls(samples_dir: Path):
    book = read_workbook(samples_dir / "messy" / "certification_440000_legacy.xls")
    assert book.format == "xls"
    assert book.meta["org_code"] == "440000"
    assert book.sheets[0].rows[2][3] == "工号"


def test_missing_meta_is_none(samples_dir: Path):
    assert read_workbook(samples_dir / "messy" / "certification_510000_no_meta.xlsx").meta is None


def test_refuses_empty_file(samples_dir: Path):
    with pytest.raises(WorkbookRefused) as info:
        read_workbook(samples_dir / "broken" / "empty.xlsx")
    assert info.value.key == "excel.file.empty"
    assert "empty.xlsx" in str(info.value) and "空文件" in str(info.value)
    assert "empty" in info.value.message("en")


def test_refuses_csv_renamed_to_xlsx(samples_dir: Path):
    with pytest.raises(WorkbookRefused) as info:
        read_workbook(samples_dir / "broken" / "not_really_excel.xlsx")
    assert info.value.key == "excel.file.text"
    assert "CSV" in str(info.value) and "另存为" in str(info.value)
    i18n.set_language("en")
    try:
        assert "text/CSV" in str(info.value) and "save it as an Excel workbook" in str(info.value)
    finally:
        i18n.set_language("zh")


# ------------------------------------------------------------------ what a file really is


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"", "excel.file.empty"),
        ("工号,姓名\n0012345,张三\n".encode("gb18030"), "excel.file.text"),
        ("\ufeff工号\t姓名\r\n".encode("utf-16"), "excel.file.text"),
        (b"<html><body><table><tr><td>1</td></tr></table></body></html>", "excel.file.html"),
        (b"  <!DOCTYPE html>\n<html>", "excel.file.html"),
        (b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">', "excel.file.xml2003"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "excel.file.pdf"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "excel.file.image"),
        (b"Rar!\x1a\x07\x00", "excel.file.archive"),
        (b"\x00\x01\x02\x03\x04\x05\xff\xfe\x00", "excel.file.unknown"),
    ],
)
def test_detects_what_a_file_really_is(data, key):
    with pytest.raises(WorkbookRefused) as info:
        detect_format(data, "return.xlsx")
    assert info.value.key == key
    assert "return.xlsx" in str(info.value)


def test_truncated_xlsx_is_refused(samples_dir: Path):
    data = (samples_dir / "certification_110000_2007Q4.xlsx").read_bytes()
    for cut in (len(data) // 2, len(data) - 30, 100):
        with pytest.raises(WorkbookRefused) as info:
            read_workbook(data[:cut], name="cut.xlsx")
        assert info.value.key == "excel.file.truncated", cut


def test_corrupt_member_is_refused(samples_dir: Path):
    data = bytearray((samples_dir / "certification_110000_2007Q4.xlsx").read_bytes())
    # damage the compressed bytes of the first member but keep the zip directory intact
    archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = next(i for i in archive.infolist() if i.filename.endswith("sheet1.xml"))
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 10, start + 60):
        data[i] ^= 0x5A
    with pytest.raises(WorkbookRefused) as refused:
        read_workbook(bytes(data), name="bad.xlsx")
    assert refused.value.key in ("excel.file.corrupt", "excel.file.truncated")


def test_other_zip_files():
    def zipped(files: dict[str, bytes]) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, content in files.items():
                archive.writestr(name, content)
        return buffer.getvalue()

    for files, key in (
        ({"word/document.xml": b"<w/>"}, "excel.file.word"),
        ({"ppt/presentation.xml": b"<p/>"}, "excel.file.powerpoint"),
        ({"a.xlsx": b"PK"}, "excel.file.zip"),
        ({"mimetype": b"application/vnd.oasis.opendocument.text"}, "excel.file.word"),
    ):
        with pytest.raises(WorkbookRefused) as info:
            detect_format(zipped(files), "x.xlsx")
        assert info.value.key == key


def test_encrypted_ooxml_is_refused():
    data = make_compound({"EncryptionInfo": b"\x04\x00\x04\x00" + b"\x00" * 200, "EncryptedPackage": b"\x00" * 1000})
    with pytest.raises(WorkbookRefused) as info:
        read_workbook(data, name="secret.xlsx")
    assert info.value.key == "excel.file.encrypted"
    assert "密码" in str(info.value)


def test_encrypted_legacy_xls_is_refused():
    stream = biff_record(0x0809, b"\x00\x06\x05\x00" + b"\x00" * 12) + biff_record(0x002F, b"\x01\x00" + b"\x00" * 52)
    stream += biff_record(0x0085, b"\x00" * 10) + b"\x00" * 5000
    with pytest.raises(WorkbookRefused) as info:
        detect_format(make_compound({"Workbook": stream}), "old.xls")
    assert info.value.key == "excel.file.encrypted"


def test_unencrypted_legacy_stream_is_xls_and_other_ole_files():
    stream = biff_record(0x0809, b"\x00\x06\x05\x00" + b"\x00" * 12) + biff_record(0x0085, b"\x00" * 10) + b"\x00" * 5000
    assert detect_format(make_compound({"Workbook": stream}), "old.xls") == "xls"
    with pytest.raises(WorkbookRefused) as info:
        detect_format(make_compound({"WordDocument": b"\x00" * 600}), "x.xls")
    assert info.value.key == "excel.file.word"
    with pytest.raises(WorkbookRefused) as info:
        detect_format(make_compound({"Other": b"\x00" * 600}), "x.xls")
    assert info.value.key == "excel.file.ole_other"


def test_truncated_legacy_xls(samples_dir: Path):
    data = (samples_dir / "messy" / "certification_440000_legacy.xls").read_bytes()
    with pytest.raises(WorkbookRefused) as info:
        read_workbook(data[:300], name="cut.xls")
    assert info.value.key == "excel.file.truncated"
    with pytest.raises(WorkbookRefused) as info:
        read_workbook(data[: len(data) // 2], name="half.xls")
    assert info.value.key in ("excel.file.truncated", "excel.file.corrupt")


def test_reads_ods():
    book = read_workbook(make_ods([["机构代码", "机构名称"], ["110000", "北京分行"]]), name="orgs.xlsx")
    assert book.format == "ods"
    assert book.sheets[0].name == "机构清单"
    assert book.sheets[0].rows[1] == ["110000", "北京分行"]


def test_xlsm_is_recognised():
    def fill(book):
        book.active["A1"] = "x"

    data = xlsx_bytes(fill)
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buffer, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("xl/vbaProject.bin", b"\x00")
    assert detect_format(buffer.getvalue()) == "xlsm"
    assert read_workbook(buffer.getvalue()).format == "xlsm"


def test_rows_start_at_a1_and_hidden_sheets_are_marked():
    def fill(book):
        sheet = book.active
        sheet.title = "数据"
        sheet["C5"] = "工号"
        sheet["D6"] = 5
        hidden = book.create_sheet("_meta")
        hidden["A1"], hidden["B1"] = "kind", "certification"
        hidden["A2"], hidden["B2"] = "period", 2007
        hidden.sheet_state = "hidden"

    book = read_workbook(xlsx_bytes(fill), name="x.xlsx")
    rows = book.sheets[0].rows
    assert rows[4][2] == "工号" and rows[5][3] == 5
    assert book.sheets[1].visible is False
    assert book.meta == {"kind": "certification", "period": "2007"}


def test_formulas_without_cached_value_are_found_by_cell():
    def fill(book):
        sheet = book.active
        sheet.title = "持证上岗情况"
        sheet["D6"] = 5
        sheet["E7"] = "=D6*2"
        sheet["F9"] = "=TODAY()"
        # a list validation writes <formula1>, which is not a cell formula
        from openpyxl.worksheet.datavalidation import DataValidation

        validation = DataValidation(type="list", formula1='"初级,中级,高级"')
        sheet.add_data_validation(validation)
        validation.add("H4:H100")
        book.create_sheet("plain")["A1"] = 1

    book = read_workbook(xlsx_bytes(fill), name="f.xlsx")
    assert book.sheets[0].formula_cells == frozenset({(6, 4), (8, 5)})
    assert book.sheets[1].formula_cells == frozenset()


def test_formula_with_cached_value_is_fine(samples_dir: Path):
    # a workbook saved by Excel keeps <v> next to <f>: rewrite the sample's sheet XML that way
    data = (samples_dir / "certification_110000_2007Q4.xlsx").read_bytes()
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(b'<c r="A4" t="n"><v>1</v></c>', b'<c r="A4"><f>ROW()-3</f><v>1</v></c>')
                content = content.replace(b'<c r="A5" t="n"><v>2</v></c>', b'<c r="A5"><f>ROW()-3</f></c>')
            dst.writestr(info, content)
    book = read_workbook(buffer.getvalue(), name="cached.xlsx")
    assert book.sheets[0].formula_cells == frozenset({(4, 0)})
    assert book.sheets[0].rows[3][0] == 1.0


def test_unreadable_path(tmp_path: Path):
    with pytest.raises(WorkbookRefused) as info:
        read_workbook(tmp_path / "nope.xlsx")
    assert info.value.key == "excel.file.unreadable"
    assert "nope.xlsx" in str(info.value)
