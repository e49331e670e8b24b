"""Bounded reading (issue 11 §3): far cells, zip bombs, entity bombs and huge sheets never abort the
process nor take more than a few hundred MB; a sheet that really holds too much is refused with a
sentence. The files are real workbooks written with openpyxl and then altered byte by byte."""

from __future__ import annotations

import io
import json
import os
import re
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from qsm_desktop.excel import bounds
from qsm_desktop.excel.reader import WorkbookRefused, read_workbook
from qsm_desktop.excel.table import TableColumn, read_table

RSS_LIMIT_MB = 400
"""What reading any one of these files may cost at most, the interpreter included (~60 MB)."""


def xlsx(fill) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["机构代码", "机构名称"])
    sheet.append(["110000", "北京分行"])
    fill(sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def patch_member(data: bytes, name: str, change) -> bytes:
    """A copy of the zip ``data`` with member ``name`` replaced by ``change(old_bytes)``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info.filename, change(content) if info.filename == name else content)
    return out.getvalue()


def sheet_xml(data: bytes) -> str:
    return next(n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if n.startswith("xl/worksheets/"))


def add_cells(data: bytes, cells: bytes) -> bytes:
    """Append raw ``<row>``/``<c>`` XML at the end of the first sheet's sheetData."""
    return patch_member(data, sheet_xml(data), lambda xml: xml.replace(b"</sheetData>", cells + b"</sheetData>"))


def shared_strings(data: bytes) -> bytes:
    """The workbook as Excel writes it: inline strings moved to ``xl/sharedStrings.xml`` (t="s")."""
    source = zipfile.ZipFile(io.BytesIO(data))
    strings: list[bytes] = []

    def to_index(match: re.Match) -> bytes:
        strings.append(match.group(2))
        return match.group(1).replace(b't="inlineStr"', b't="s"') + b"<v>%d</v></c>" % (len(strings) - 1)

    sheet = re.sub(rb'(<c [^>]*t="inlineStr"[^>]*>)<is><t[^>]*>(.*?)</t></is></c>', to_index,
                   source.read(sheet_xml(data)), flags=re.S)
    sst = (b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           + b"".join(b'<si><t xml:space="preserve">%s</t></si>' % t for t in strings) + b"</sst>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == sheet_xml(data):
                content = sheet
            elif info.filename == "xl/_rels/workbook.xml.rels":
                content = content.replace(b"</Relationships>", b'<Relationship Id="rIdS" Target="sharedStrings.xml" Type='
                                          b'"http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                                          b'sharedStrings"/></Relationships>')
            elif info.filename == "[Content_Types].xml":
                content = content.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="'
                                          b'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"'
                                          b"/></Types>")
            target.writestr(info.filename, content)
        target.writestr("xl/sharedStrings.xml", sst)
    return out.getvalue()


def refused_key(data: bytes, name: str = "f.xlsx") -> str:
    with pytest.raises(WorkbookRefused) as caught:
        read_workbook(data, name=name)
    return caught.value.key


# ------------------------------------------------------------------------ far cells

@pytest.mark.parametrize("ref", ["XFD1048576", "A1048576", "XFD1", "AB300"])
@pytest.mark.parametrize("value", [" ", "\u3000", "  \t "])
@pytest.mark.parametrize("shared", [False, True], ids=["inline", "shared"])
def test_far_space_only_cells_are_ignored(ref, value, shared):
    data = xlsx(lambda s: s.__setitem__(ref, value))
    if shared:
        data = shared_strings(data)
        assert b't="s"' in zipfile.ZipFile(io.BytesIO(data)).read(sheet_xml(data))
    sheet = read_workbook(data, name="f.xlsx").sheets[0]
    assert sheet.rows == [["机构代码", "机构名称"], ["110000", "北京分行"]]


def test_a_far_shared_string_with_text_is_refused():
    assert refused_key(shared_strings(xlsx(lambda s: s.__setitem__("XFD1048576", "x")))) == "excel.sheet.too_large"


@pytest.mark.parametrize("cell", [
    b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t></t></is></c></row>',
    b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t xml:space="preserve">  </t></is></c></row>',
    b'<row r="900000"><c r="Q900000" t="str"><f>""</f><v></v></c></row>',
    b'<row r="1048576"><c r="XFD1048576" s="0"/></row>',
    b'<row><c t="inlineStr"><is><t> </t></is></c></row>' * 3,
])
def test_far_empty_cells_written_by_hand_are_ignored(cell):
    sheet = read_workbook(add_cells(xlsx(lambda s: None), cell), name="f.xlsx").sheets[0]
    assert sheet.rows[:2] == [["机构代码", "机构名称"], ["110000", "北京分行"]]
    assert len(sheet.rows) <= 5 and all(len(r) == 2 for r in sheet.rows)


def test_cells_without_references_are_located():
    data = add_cells(xlsx(lambda s: None), b"<row/>" * 5 + b'<row><c t="inlineStr"><is><t>x</t></is></c>'
                     + b'<c t="inlineStr"><is><t> </t></is></c>' * 400 + b"</row>")
    sheet = read_workbook(data, name="f.xlsx").sheets[0]
    assert len(sheet.rows) == 8 and sheet.rows[7][0] == "x" and len(sheet.rows[0]) == 2


def test_a_real_value_far_away_is_refused_with_a_sentence():
    data = xlsx(lambda s: s.__setitem__("XFD1048576", "x"))
    with pytest.raises(WorkbookRefused) as caught:
        read_workbook(data, name="f.xlsx")
    assert caught.value.key == "excel.sheet.too_large"
    assert "1048576行×16384列" in caught.value.message("zh") and "Sheet" in caught.value.message("zh")
    assert "1048576 rows × 16384 columns" in caught.value.message("en")


def test_a_dense_sheet_is_read_as_it_is():
    data = xlsx(lambda s: [s.append([f"{i:06d}", f"单位{i}"]) for i in range(300)])
    sheet = read_workbook(data, name="f.xlsx").sheets[0]
    assert len(sheet.rows) == 302 and sheet.rows[-1] == ["000299", "单位299"]


def test_the_limit_is_the_area_of_non_blank_cells(monkeypatch):
    monkeypatch.setattr(bounds, "MAX_CELLS", 30)
    data = xlsx(lambda s: [s.append(["x"] * 3) for _ in range(12)])  # 14 rows × 3 columns
    assert refused_key(data) == "excel.sheet.too_large"
    monkeypatch.setattr(bounds, "MAX_CELLS", 42)
    assert len(read_workbook(data, name="f.xlsx").sheets[0].rows) == 14


# ------------------------------------------------------------------------ zip and XML bombs

def _streamed_member(name: str, total: int, chunk: bytes) -> bytes:
    """A workbook whose member ``name`` holds ``total`` bytes made of ``chunk`` (written streaming)."""
    base = zipfile.ZipFile(io.BytesIO(xlsx(lambda s: None)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in base.infolist():
            if info.filename != name:
                target.writestr(info.filename, base.read(info))
        with target.open(zipfile.ZipInfo(name), "w", force_zip64=False) as member:
            member._compress_type = zipfile.ZIP_DEFLATED  # noqa: SLF001  (ZipInfo defaults to stored)
            written = 0
            while written < total:
                member.write(chunk)
                written += len(chunk)
    return out.getvalue()


def _lie_about_size(data: bytes, name: str, size: int) -> bytes:
    """Rewrite the uncompressed size of ``name`` in its local and central headers."""
    raw = bytearray(data)
    encoded = name.encode()
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        for match in re.finditer(re.escape(signature), bytes(raw)):
            start = match.start()
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            if bytes(raw[name_at:name_at + len(encoded)]) == encoded:
                struct.pack_into("<I", raw, start + offset, size)
    return bytes(raw)


def test_a_member_declared_too_large_is_refused(monkeypatch):
    monkeypatch.setattr(bounds, "MAX_PART_BYTES", 1 << 20)
    data = _streamed_member("xl/media/big.bin", 2 << 20, b"\0" * 65536)
    assert refused_key(data) == "excel.file.too_large"


def test_a_member_that_inflates_beyond_its_declared_size_is_refused(monkeypatch):
    monkeypatch.setattr(bounds, "MAX_PART_BYTES", 1 << 20)
    data = _lie_about_size(_streamed_member("xl/media/big.bin", 3 << 20, b"\0" * 65536), "xl/media/big.bin", 1000)
    assert refused_key(data) == "excel.file.too_large"
    data = _lie_about_size(_streamed_member("xl/media/small.bin", 5000, b"\0" * 1000), "xl/media/small.bin", 1000)
    assert refused_key(data) == "excel.file.corrupt"


def test_all_members_together_are_bounded(monkeypatch):
    monkeypatch.setattr(bounds, "MAX_TOTAL_BYTES", 100_000)
    data = xlsx(lambda s: [s.append([f"{i:06d}", "x" * 200]) for i in range(1000)])
    assert refused_key(data) == "excel.file.too_large"


@pytest.mark.parametrize("member", ["sheet", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/theme/theme1.xml",
                                    "xl/styles.xml", "[Content_Types].xml"])
def test_xml_entity_declarations_are_refused(member):
    """The parts this program parses itself are refused with a DTD; the others are read by calamine,
    whose XML parser expands no entities: refused or read, never a crash."""
    data = xlsx(lambda s: None)
    name = sheet_xml(data) if member == "sheet" else member
    bomb = (b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
            b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>')

    def insert(xml: bytes) -> bytes:
        if xml.startswith(b"<?xml"):
            end = xml.index(b"?>") + 2
            return xml[:end] + bomb + xml[end:]
        return bomb + xml

    bombed = patch_member(data, name, insert)
    if member in ("sheet", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"):
        with pytest.raises(WorkbookRefused) as caught:
            read_workbook(bombed, name="f.xlsx")
        assert caught.value.key == "excel.file.xml_entities" and name in caught.value.message("en")
    else:
        try:
            read_workbook(bombed, name="f.xlsx")
        except WorkbookRefused as exc:
            assert exc.key.startswith("excel.file.")


def test_a_dtd_after_comments_is_found():
    assert bounds._declares_dtd(b'<?xml version="1.0"?><!-- x --><!DOCTYPE a []><a/>')
    assert not bounds._declares_dtd(b'<?xml version="1.0"?><!-- <!DOCTYPE --><a><![CDATA[<!DOCTYPE]]></a>')


# ------------------------------------------------------------------------ hidden rows and columns

def test_hidden_rows_and_columns_are_noted_and_warned():
    def fill(sheet):
        sheet["C1"] = "工号"
        sheet["C2"] = "0012345"
        sheet.append(["110001", "营业部", "0012346"])
        sheet.append(["110002", "西单支行", "0012347"])
        sheet.row_dimensions[3].hidden = True
        sheet.row_dimensions[9].hidden = True  # hidden but empty: no warning
        sheet.column_dimensions["B"].hidden = True

    book = read_workbook(xlsx(fill), name="f.xlsx")
    sheet = book.sheets[0]
    assert 2 in sheet.hidden_rows and 1 in sheet.hidden_cols
    columns = (TableColumn("code", ("机构代码",), True), TableColumn("name", ("机构名称",)),
               TableColumn("staff", ("工号",), True))
    table = read_table(sheet, columns)
    assert [(w.sheet, w.cell, w.key) for w in table.warnings] == [
        ("Sheet", "A3", "table.hidden_row"), ("Sheet", "B1", "table.hidden_column")]
    assert table.warnings[0].render("zh").startswith("Sheet!A3: 第3行被隐藏")
    assert "row 3 is hidden" in table.warnings[0].message("en")
    assert "column B (机构名称) is hidden" in table.warnings[1].message("en")
    assert len(table.rows) == 3  # hidden rows are imported, and warned about


# ------------------------------------------------------------------------ other formats

def test_far_cells_in_a_legacy_xls(samples_dir: Path):
    data = (samples_dir / "messy" / "certification_440000_legacy.xls").read_bytes()
    last = [m.start() for m in re.finditer(rb"\xfd\x00\x0a\x00", data)][-1]  # a LABELSST record of _meta
    far_column = bytearray(data)
    struct.pack_into("<HH", far_column, last + 4, 65535, 255)
    assert refused_key(bytes(far_column), "f.xls") == "excel.sheet.too_large"
    far_row = bytearray(data)
    struct.pack_into("<HH", far_row, last + 4, 65535, 1)
    book = read_workbook(bytes(far_row), name="f.xls")
    assert len(book.sheet("_meta").rows) == 65536 and book.meta is not None


def test_far_cells_in_an_ods():
    sys.path.insert(0, str(Path(__file__).parent))
    from test_reader import make_ods

    data = make_ods([["机构代码", "机构名称"], ["110000", "北京分行"]])
    far = patch_member(data, "content.xml", lambda xml: xml.replace(
        b"</table:table>",
        b'<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/>'
        b'</table:table-row><table:table-row><table:table-cell table:number-columns-repeated="16000"/>'
        b'<table:table-cell office:value-type="string"><text:p> </text:p></table:table-cell></table:table-row>'
        b"</table:table>"))
    assert refused_key(far, "f.ods") == "excel.sheet.too_large"
    hidden = patch_member(data, "content.xml", lambda xml: xml.replace(
        b"<table:table-row>", b'<table:table-row table:visibility="collapse">', 1))
    assert read_workbook(hidden, name="f.ods").sheets[0].hidden_rows == frozenset({0})


# ------------------------------------------------------------------------ memory, in a child process

_PEAK = """
import resource


def peak_mb():
    # VmHWM starts afresh with exec; ru_maxrss keeps the forking parent's size on Linux
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

_CHILD = _PEAK + """
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
from qsm_desktop.excel.reader import WorkbookRefused, read_workbook
outcome = "read"
try:
    read_workbook(sys.argv[1])
except WorkbookRefused as exc:
    outcome = exc.key
print(json.dumps({"outcome": outcome, "rss_mb": peak_mb()}))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="resource limits and ru_maxrss are POSIX")
def test_no_file_costs_more_than_a_few_hundred_mb(tmp_path: Path):
    files = {
        "xfd_space.xlsx": (xlsx(lambda s: s.__setitem__("XFD1048576", " ")), "read"),
        "a_space.xlsx": (xlsx(lambda s: s.__setitem__("A1048576", " ")), "read"),
        "xfd_value.xlsx": (xlsx(lambda s: s.__setitem__("XFD1048576", "x")), "excel.sheet.too_large"),
        "bomb.xlsx": (_lie_about_size(_streamed_member("xl/sharedStrings.xml", 300 << 20, b"<si><t>a</t></si>" * 4096),
                                      "xl/sharedStrings.xml", 2000), "excel.file.too_large"),
        "inline_far.xlsx": (add_cells(xlsx(lambda s: None),
                                      b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t></t></is></c></row>'),
                            "read"),
    }
    for name, (data, expected) in files.items():
        if len(data) > bounds.MAX_FILE_BYTES:  # refused by its size before any byte is read (MAX_FILE_BYTES)
            expected = "excel.file.too_big"
        path = tmp_path / name
        path.write_bytes(data)
        env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
        done = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, env=env,
                              timeout=300)
        assert done.returncode == 0, (name, done.stderr[-2000:])
        result = json.loads(done.stdout)
        assert result["outcome"] == expected, name
        assert result["rss_mb"] < RSS_LIMIT_MB, (name, result)


def test_a_file_over_the_size_limit_is_refused_by_its_size_before_it_is_read(tmp_path, sqlite_url):
    """Issue 11: a 600 MB "return" used to be read whole (about 700 MB of memory) before being refused;
    now its size refuses it first, through the reader and through ``qsm import`` (JSON), nothing read."""
    import json
    import subprocess
    import sys

    from qsm_desktop.excel.bounds import MAX_FILE_BYTES
    from qsm_desktop.excel.reader import WorkbookRefused, read_workbook

    big = tmp_path / "certification_310000_2007Q4.xlsx"
    with big.open("wb") as f:  # sparse: takes no disk, reads as zeros
        f.truncate(MAX_FILE_BYTES + 1)
    try:
        read_workbook(big)
    except WorkbookRefused as exc:
        assert exc.key == "excel.file.too_big" and "64 MB" in str(exc) and big.name in str(exc)
    else:
        raise AssertionError("an oversized file was read")
    run = subprocess.run([sys.executable, "-m", "qsm_desktop.cli", "--db", sqlite_url,
                          "import", str(big), "--json"], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    (entry,) = json.loads(run.stdout)["files"]
    assert entry["status"] == "refused" and "64 MB" in entry["problems"][0]["message"]
