"""Award certificates (荣誉证书, reports/certificate/): real PDFs read back with pypdf, pdftotext,
pdffonts and pdfimages; long names fit; CFF fonts and missing glyphs are refused; text-only
printing with calibration offsets; batches with progress and cancel (DESIGN §5, issue 4 §5)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
import zxingcpp
from font_samples import make_cff_font  # tests/font_samples.py
from PIL import Image, ImageDraw
from pypdf import PdfReader

from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.domain.showcase import CertificateNumberPattern, certificate_check, parse_qr_payload, verify_check
from qsm_desktop.reports.certificate import (
    MM,
    AwardCertificate,
    CertificateTemplate,
    certificate_file_name,
    layout,
    qr_text,
    render_certificate_files,
    render_certificates,
    wording_text,
)
from qsm_desktop.reports.fonts import FontRefused, pdf_fonts

KEY = b"test-office-secret"
NAME_40 = "交通银行股份有限公司广东省分行广州市天河区珠江新城花城大道支行第三营业部（示范）"[:40]


def cert(unit: str, seq: int, level: str = "总行级", **kw) -> AwardCertificate:
    number = CertificateNumberPattern().format(2007, level, seq)
    values = dict(number=number, unit_name=unit, year=2007, level=level,
                  title="2007年度交通银行总行级文明规范服务示范窗口", issue_date=dt.date(2007, 12, 20),
                  issuing_body="交通银行服务质量管理委员会", check=certificate_check(number, KEY), seq=seq)
    values.update(kw)
    return AwardCertificate(**values)


@pytest.fixture(scope="module")
def sample_units(samples_dir: Path) -> list[str]:
    apps = json.loads((samples_dir / "expected.json").read_text(encoding="utf-8"))["showcase"]["applications"]
    return [a["name"] for code, a in sorted(apps.items()) if a["level"] == "总行级"][:3]


def pdftotext(path: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, text=True, check=True).stdout


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def seal_png(path: Path) -> Path:
    image = Image.new("RGBA", (300, 300), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, 292, 292), outline=(200, 20, 30, 220), width=14)
    draw.regular_polygon((150, 150, 45), 5, fill=(200, 20, 30, 220))
    image.save(path)
    return path


# ------------------------------------------------------------------------------------------
# the PDF reads back
# ------------------------------------------------------------------------------------------


def test_certificates_read_back(tmp_path, sample_units):
    certs = [cert(unit, i) for i, unit in enumerate(sample_units, start=1)]
    out = tmp_path / "c.pdf"
    result = render_certificates(certs, out)
    assert result.files == (out,) and result.pages == 3 and not result.cancelled
    reader = PdfReader(str(out))
    assert len(reader.pages) == 3
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width / MM), round(height / MM)) == (297, 210)  # A4 landscape
    for page, c in zip(reader.pages, certs):
        text = squeeze(page.extract_text())
        assert "荣誉证书" in text and c.unit_name in text and c.number in text
        assert "二〇〇七年十二月" in text and "交通银行服务质量管理委员会" in text
        assert squeeze(wording_text(CertificateTemplate(), c)) in text
    raw = pdftotext(out)
    # the letter-spaced title reads as written (its ActualText), once per page, not "荣 誉 证 书"
    assert raw.count("荣誉证书") == 3 and "荣 誉" not in raw
    by_poppler = squeeze(raw)
    for c in certs:
        assert c.unit_name in by_poppler and c.number in by_poppler
    assert oct(out.stat().st_mode & 0o777) == oct(0o666 & ~_umask())  # an ordinary file, not a temp file's 0600
    assert [p.name for p in tmp_path.iterdir()] == ["c.pdf"]  # no temporary file left


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_fonts_are_embedded_as_subsets(tmp_path, sample_units):
    out = tmp_path / "c.pdf"
    render_certificates([cert(sample_units[0], 1)], out)
    listing = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    rows = listing.splitlines()[2:]
    names = [row.split()[0] for row in rows]
    assert any(n.endswith("+DroidSansFallback") for n in names) and any(n.endswith("+DejaVuSans") for n in names)
    for row in rows:  # every font embedded (emb) and subset (sub); no unembedded Helvetica
        assert re.search(r"\byes\s+yes\s+yes\b", row), listing


def test_qr_code_carries_number_and_check(tmp_path, sample_units):
    """The page's QR code decodes (zxing-cpp's reader; zbarimg, when installed) to
    QSM<year><level><seq>-<check>, a version-1 symbol; the check verifies the certificate's number
    with the office's key."""
    c = cert(sample_units[0], 7)
    out = tmp_path / "c.pdf"
    render_certificates([c], out)
    assert qr_text(c) == f"QSM2007Z007-{c.check}"
    scanned = parse_qr_payload(qr_text(c))
    assert (scanned.parts.year, scanned.parts.level, scanned.parts.seq) == (2007, "总行级", 7)
    assert verify_check(c.number, scanned.check, KEY)
    content = PdfReader(str(out)).pages[0].get_contents().get_data().decode("latin-1")
    assert "BI /W 21 /H 21 /IM true" in content and " EI" in content, "no version-1 QR image mask on the page"
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", "-singlefile", str(out), str(tmp_path / "p")], check=True)
    result = zxingcpp.read_barcode(Image.open(tmp_path / "p.png"))
    assert result is not None and result.text == qr_text(c)
    zbarimg = shutil.which("zbarimg")
    if zbarimg is None:
        pytest.skip("zbarimg (Debian zbar-tools) is not installed: only zxing-cpp's reader checked the code")
    decoded = subprocess.run([zbarimg, "--raw", "-q", str(tmp_path / "p.png")], capture_output=True, check=True)
    assert decoded.stdout.decode("utf-8").strip() == qr_text(c)


def test_a_check_value_needs_the_sequence_and_no_check_prints_the_number():
    c = cert("交通银行上海分行营业部", 3)
    with pytest.raises(ValueError, match="seq"):
        AwardCertificate(**{**c.__dict__, "seq": None})
    assert qr_text(AwardCertificate(**{**c.__dict__, "check": "", "seq": None})) == c.number


def test_a_forty_character_name_fits_within_the_margins(tmp_path):
    assert len(NAME_40) == 40
    template = CertificateTemplate()
    c = cert(NAME_40, 3)
    placed = layout(c, template, pdf_fonts())
    [unit] = [p for p in placed if p.part == "unit"]
    assert unit.text == NAME_40 + "："  # whole, not cut
    assert template.unit.min_size_pt <= unit.size < template.unit.size_pt  # shrunk to fit
    left, right = template.unit.x_mm * MM, (template.unit.x_mm + template.unit.max_width_mm) * MM
    assert left - 0.01 <= unit.x and unit.x + unit.width <= right + 0.01
    page_w = template.page.width_mm * MM
    inner = template.border.inner_inset_mm * MM
    for p in placed:
        assert inner < p.x and p.x + p.width < page_w - inner, p
    # and on the rendered page: every word poppler finds lies inside the inner frame
    out = tmp_path / "long.pdf"
    render_certificates([c], out)
    words = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
                       pdftotext(out, "-bbox"))
    assert words
    for x_min, x_max, _text in words:
        assert inner <= float(x_min) and float(x_max) <= page_w - inner, (x_min, x_max, _text)
    assert NAME_40 in squeeze(pdftotext(out))


def test_an_absurdly_long_name_wraps_and_still_fits(tmp_path):
    name = "交通银行" + "示范窗口单位创建活动先进集体" * 8  # 116 characters
    template = CertificateTemplate()
    placed = layout(cert(name, 4), template, pdf_fonts())
    units = [p for p in placed if p.part == "unit"]
    assert len(units) >= 2 and "".join(u.text for u in units) == name + "："
    right = (template.unit.x_mm + template.unit.max_width_mm) * MM
    assert all(u.x + u.width <= right + 0.01 for u in units)
    assert all(u.size >= template.unit.min_size_pt for u in units)
    first_wording = next(p for p in placed if p.part == "wording")
    assert first_wording.y < units[-1].y - units[-1].size  # the wording moved down, no overlap
    out = tmp_path / "absurd.pdf"
    render_certificates([cert(name, 4)], out)
    assert name in squeeze(pdftotext(out))


def test_wording_is_wrapped_justified_and_never_starts_a_line_with_punctuation():
    template = CertificateTemplate.from_mapping({"wording": {"text": "在{year}年度，" + "该网点服务规范、环境整洁，" * 6 + "特发此证。"}})
    items = [p for p in layout(cert("某网点", 1), template, pdf_fonts()) if p.part == "wording"]
    assert len(items) >= 3
    for item in items:
        assert item.text[0] not in "，。、；：！？）》”"
    width = template.wording.width_mm * MM
    for item in items[1:-1]:  # full lines are justified to the column's right edge
        assert abs(item.x + item.width - (template.wording.x_mm * MM + width)) < 0.5


# ------------------------------------------------------------------------------------------
# refusals: fonts, glyphs, wording
# ------------------------------------------------------------------------------------------


def test_a_cff_font_is_refused_before_anything_is_written(tmp_path):
    otf = make_cff_font(tmp_path / "NotoSansCJKsc-Regular.otf")
    template = CertificateTemplate.from_mapping({"font": {"path": str(otf)}})
    out = tmp_path / "out" / "c.pdf"
    out.parent.mkdir()
    with pytest.raises(FontRefused) as err:
        render_certificates([cert("交通银行某网点", 1)], out, template)
    assert "PostScript/CFF" in str(err.value) and "TrueType" in str(err.value)
    assert list(out.parent.iterdir()) == []


def test_characters_the_font_lacks_are_refused_by_name(tmp_path):
    out = tmp_path / "c.pdf"
    with pytest.raises(FontRefused) as err:
        render_certificates([cert("交通银行𠮷野家路网点", 1), cert("交通银行🙂网点", 2)], out)
    text = str(err.value)
    assert "𠮷" in text and "🙂" in text and "交银服示〔2007〕总字第001号" in text and "方框" in text
    assert not out.exists()


def test_wording_placeholders():
    template = CertificateTemplate.from_mapping({"wording": {"text": "{unit}于{year}年被评为{level}（{level_short}）{title}，{extra}。"}})
    c = cert("甲网点", 1, params={"extra": "特此表彰"})
    assert wording_text(template, c) == "甲网点于2007年被评为总行级（总）2007年度交通银行总行级文明规范服务示范窗口，特此表彰。"
    with pytest.raises(InputRefused, match="占位符“{extra}”"):
        wording_text(template, cert("乙网点", 2))
    with pytest.raises(InputRefused, match="措辞模板格式有误"):
        CertificateTemplate.from_mapping({"wording": {"text": "在{year年度"}})


# ------------------------------------------------------------------------------------------
# layout template (TOML), seal image, text-only mode
# ------------------------------------------------------------------------------------------


def test_template_from_toml(tmp_path):
    seal_png(tmp_path / "seal.png")
    toml = tmp_path / "layout.toml"
    toml.write_text(
        '[title]\ntext = "荣 誉 证 书"\nsize_pt = 44\n[seal]\nimage = "seal.png"\n[text_only]\noffset_x_mm = 1.5\n'
        '[qr]\nvector = true\n',
        encoding="utf-8",
    )
    template = CertificateTemplate.from_toml(toml)
    assert template.title.size_pt == 44.0 and template.title.text == "荣 誉 证 书"
    assert template.seal.image == str(tmp_path / "seal.png")  # relative to the TOML file
    assert template.text_only.offset_x_mm == 1.5 and template.qr.vector
    assert template.unit == CertificateTemplate().unit  # untouched sections keep their defaults
    for bad, message in (
        ("[title]\nsizept = 40\n", "没有“sizept”这一项"),
        ("[titel]\n", "没有“titel”这一项"),
        ('[title]\ncolor = "red"\n', "title.color"),
        ('[title]\nsize_pt = "big"\n', "title.size_pt"),
        ('[text_only]\nfields = ["unit", "banner"]\n', "banner"),
        ('[unit]\nalign = "middle"\n', "middle"),
        ("[title\n", "证书版式文件有误"),
    ):
        with pytest.raises(InputRefused, match=message):
            CertificateTemplate.from_toml(bad)


def test_seal_image_with_transparency(tmp_path):
    template = CertificateTemplate.from_mapping({"seal": {"image": str(seal_png(tmp_path / "seal.png"))}})
    out = tmp_path / "c.pdf"
    render_certificates([cert("交通银行甲网点", 1), cert("交通银行乙网点", 2)], out, template)
    listing = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    kinds = [line.split()[2] for line in listing.splitlines()[2:]]
    assert "image" in kinds and "smask" in kinds  # the PNG's alpha channel became a soft mask
    assert out.stat().st_size < 200_000  # one image shared by both pages
    missing = CertificateTemplate.from_mapping({"seal": {"image": str(tmp_path / "none.png")}})
    with pytest.raises(InputRefused, match="印章图片"):
        render_certificates([cert("交通银行甲网点", 1)], tmp_path / "x.pdf", missing)


def _unit_x(pdf: Path) -> tuple[float, float]:
    bbox = pdftotext(pdf, "-bbox")
    for x_min, y_min, text in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>', bbox):
        if text.startswith("交通银行甲网点"):
            return float(x_min), float(y_min)
    raise AssertionError("unit name not found")


def test_text_only_mode_prints_only_the_variable_text_shifted(tmp_path):
    c = cert("交通银行甲网点", 1)
    template = CertificateTemplate.from_mapping({"seal": {"image": str(seal_png(tmp_path / "seal.png"))}})
    full, plain, shifted = tmp_path / "full.pdf", tmp_path / "plain.pdf", tmp_path / "shifted.pdf"
    render_certificates([c], full, template)
    render_certificates([c], plain, template, text_only=True)
    render_certificates([c], shifted, template.with_offsets(5.0, -3.0), text_only=True)
    text = squeeze(pdftotext(plain))
    assert "荣誉证书" not in text and "交通银行服务质量管理委员会" not in text  # pre-printed on the paper
    assert c.unit_name in text and c.number in text and "二〇〇七年十二月" in text and "特发此证" in text
    images = subprocess.run(["pdfimages", "-list", str(plain)], capture_output=True, text=True, check=True).stdout
    # no seal on pre-printed paper: the only image is the QR code's one-bit stencil (image mask)
    assert [line.split()[2] for line in images.splitlines()[2:]] == ["stencil"]
    x0, y0 = _unit_x(plain)
    assert (x0, y0) == pytest.approx(_unit_x(full), abs=0.05)
    x1, y1 = _unit_x(shifted)
    assert x1 - x0 == pytest.approx(5.0 * MM, abs=0.1)  # right by 5 mm
    assert y1 - y0 == pytest.approx(-3.0 * MM, abs=0.1)  # up by 3 mm (poppler measures y from the top)


def test_chinese_quotes_take_a_full_width_cell():
    """“ ” come from the Latin font (the bundled Chinese one lacks them) but sit in a full-width
    cell as in Chinese type: the opening quote at the cell's right edge, the closing at its left."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    fonts = pdf_fonts()
    lines = [i for i in layout(cert("交通银行甲网点", 1), CertificateTemplate(), fonts) if "“" in i.text]
    assert lines, "the default wording quotes the title"
    line = lines[0]
    runs = list(line.runs)
    i = next(k for k, r in enumerate(runs) if r[1] == "“")
    j = next(k for k, r in enumerate(runs) if r[1] == "”")
    font, text, offset = runs[i - 1]
    cell = offset + stringWidth(text, font, line.size) + line.char_space * len(text)
    quote_font, _, quote_offset = runs[i]
    assert quote_font == fonts.latin
    assert quote_offset + stringWidth("“", quote_font, line.size) == pytest.approx(cell + line.size, abs=0.01)
    assert runs[i + 1][2] == pytest.approx(cell + line.size + line.char_space, abs=0.01)
    assert runs[j + 1][2] == pytest.approx(runs[j][2] + line.size + line.char_space, abs=0.01)


def _forms_used(pdf: Path) -> list[list[str]]:
    """The form XObjects each page paints (``/Name Do``), in page order."""
    return [re.findall(r"/(\S+) Do", page.get_contents().get_data().decode("latin-1")) for page in PdfReader(str(pdf)).pages]


def test_a_batch_draws_what_its_pages_share_once(tmp_path):
    """The frame, title, issuer and date are one form for the batch; the wording joins a second
    form once it repeats. Every page still reads back whole (pdftotext per page)."""
    units = ["交通银行甲网点", "交通银行乙网点", "交通银行丙网点", "交通银行丁网点"]
    certs = [cert(u, i) for i, u in enumerate(units, start=1)]
    out = tmp_path / "batch.pdf"
    render_certificates(certs, out)
    used = _forms_used(out)
    assert all(len(names) == 1 for names in used)
    assert used[1] == used[2] == used[3] != used[0]  # page 1 drew its wording; from page 2 it is shared
    for page, c in enumerate(certs, start=1):
        text = squeeze(pdftotext(out, "-f", str(page), "-l", str(page)))
        for part in ("荣誉证书", c.unit_name, "特发此证", "交通银行服务质量管理委员会", "二〇〇七年十二月", c.number):
            assert part in text, (page, part)
        assert text.count("特发此证") == 1  # the wording is printed once per page, not twice
    # a wording naming the unit differs on every page: each page draws it, all share one form
    naming = CertificateTemplate.from_mapping({"wording": {"text": "{unit}在{year}年度创建活动中成绩突出，特发此证。"}})
    out2 = tmp_path / "naming.pdf"
    render_certificates(certs, out2, naming)
    used2 = _forms_used(out2)
    assert all(names == used2[0] for names in used2) and len(used2[0]) == 1
    for page, c in enumerate(certs, start=1):
        assert f"{c.unit_name}在2007年度" in squeeze(pdftotext(out2, "-f", str(page), "-l", str(page)))


# ------------------------------------------------------------------------------------------
# batches
# ------------------------------------------------------------------------------------------


def test_one_file_per_award_with_progress(tmp_path, sample_units):
    certs = [cert(unit, i) for i, unit in enumerate(sample_units, start=1)]
    seen: list[tuple[int, int]] = []
    result = render_certificate_files(certs, tmp_path, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert [p.name for p in result.files] == [certificate_file_name(c) for c in certs]
    for path, c in zip(result.files, certs):
        assert path.exists() and len(PdfReader(str(path)).pages) == 1
        assert c.unit_name in squeeze(pdftotext(path))
    assert certificate_file_name(cert('A/B:C*"网点"', 1)) == "交银服示〔2007〕总字第001号_A_B_C_网点_.pdf"


def test_cancel(tmp_path, sample_units):
    certs = [cert(unit, i) for i, unit in enumerate(sample_units * 3, start=1)]
    calls = {"n": 0}

    def cancel_after_two() -> bool:
        calls["n"] += 1
        return calls["n"] > 2

    out = tmp_path / "all.pdf"
    result = render_certificates(certs, out, cancel=cancel_after_two)
    assert result.cancelled and result.files == () and not out.exists()
    assert list(tmp_path.iterdir()) == []  # no half-written or temporary file
    folder = tmp_path / "each"
    folder.mkdir()
    calls["n"] = 0
    result = render_certificate_files(certs, folder, cancel=cancel_after_two)
    assert result.cancelled and len(result.files) == 2 and sorted(folder.iterdir()) == sorted(result.files)
    import threading

    event = threading.Event()
    event.set()
    assert render_certificates(certs, tmp_path / "e.pdf", cancel=event).cancelled


def test_no_certificates_is_refused(tmp_path):
    with pytest.raises(InputRefused, match="没有要打印的证书"):
        render_certificates([], tmp_path / "c.pdf")


def test_write_to_a_file_object():
    import io

    buffer = io.BytesIO()
    result = render_certificates([cert("交通银行甲网点", 1)], buffer)
    assert result.pages == 1 and result.files == ()
    assert buffer.getvalue().startswith(b"%PDF")


def test_page_looks_like_a_certificate(tmp_path, sample_units):
    """Rendered at 50 dpi (as looked at by eye): a red frame, the red title centred at the top,
    the red seal over the issuer and date at the right, the QR code at the bottom left."""
    template = CertificateTemplate.from_mapping({"seal": {"image": str(seal_png(tmp_path / "seal.png"))}})
    out = tmp_path / "c.pdf"
    render_certificates([cert(sample_units[0], 1)], out, template)
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-singlefile", str(out), str(tmp_path / "page")], check=True)
    image = np.array(Image.open(tmp_path / "page.png").convert("RGB")).astype(int)
    h, w, _ = image.shape
    red = (image[:, :, 0] > 150) & (image[:, :, 1] < 90) & (image[:, :, 2] < 90)
    dark = image.sum(axis=2) < 200
    mm = w / 297.0
    assert red[int(9 * mm)].mean() > 0.8  # the frame's top edge
    title = red[int(30 * mm):int(50 * mm)]
    cols = np.nonzero(title.any(axis=0))[0]
    assert abs((cols.min() + cols.max()) / 2 - w / 2) < 3 * mm  # title centred
    seal = red[int(140 * mm):int(182 * mm), int(200 * mm):int(245 * mm)]
    assert seal.mean() > 0.05  # the seal's red over issuer and date
    qr_area = dark[int(150 * mm):int(178 * mm), int(26 * mm):int(54 * mm)]
    assert 0.2 < qr_area.mean() < 0.7
