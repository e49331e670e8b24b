"""Certificate QR codes (reports/qr.py): the symbol is zxing-cpp's; drawn on a real canvas as an
image mask or as a vector path, rasterised with pdftoppm, the code paints exactly the library's
modules inside a blank quiet zone and decodes back to the payload (zbarimg from Debian's
zbar-tools, an independent decoder, when installed; zxing-cpp's reader always)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import zxingcpp
from PIL import Image
from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from qsm_desktop.domain.showcase import qr_payload
from qsm_desktop.reports.qr import LEVELS, QUIET_ZONE, draw_qr, encode, image_mask_operators, qr_modules

PAYLOAD = qr_payload(2007, "总行级", 1, "K7Q2M4XA")  # what a certificate prints: "QSM2007Z001-K7Q2M4XA"
#: what certificates printed before December 2026 carry (UTF-8 bytes): still drawn and read the same
LEGACY_PAYLOAD = "QSMCERT1|交银服示〔2007〕总字第001号|K7Q2M4XA"
ZBARIMG = shutil.which("zbarimg")
DPI = 200


def _render(tmp_path, payload, *, vector=False, color=None, level="M", name="qr"):
    """Draw ``payload``'s code at (30, 40) pt, 120 pt square, on a 200 × 200 pt page; the page as
    a greyscale PIL image at ``DPI``."""
    pdf = tmp_path / f"{name}.pdf"
    canvas = Canvas(str(pdf), pagesize=(200, 200))
    draw_qr(canvas, payload, 30, 40, 120, vector=vector, color=color, level=level)
    canvas.showPage()
    canvas.save()
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", "-singlefile", str(pdf), str(tmp_path / name)],
                   check=True)
    return Image.open(tmp_path / f"{name}.png").convert("L")


def _painted_modules(image, n):
    """Which modules (and quiet-zone cells) the raster shows dark, sampled at cell centres:
    rows top to bottom, ``n + 2 * QUIET_ZONE`` cells a side."""
    cells = n + 2 * QUIET_ZONE
    box = 120 / cells
    scale = DPI / 72
    out = []
    for r in range(cells):
        row = []
        for c in range(cells):
            x = (30 + (c + 0.5) * box) * scale
            y = (200 - (40 + 120 - (r + 0.5) * box)) * scale  # page y grows up, image rows down
            row.append(image.getpixel((int(x), int(y))) < 128)
        out.append(row)
    return out


def test_the_symbol_is_the_librarys():
    """The matrix is zxing-cpp's own image of the payload at the level asked, without its quiet zone."""
    for level in LEVELS:
        symbol = encode(PAYLOAD, level)
        barcode = zxingcpp.create_barcode(PAYLOAD, zxingcpp.BarcodeFormat.QRCode, ec_level=level)
        image = memoryview(barcode.to_image(scale=1, add_quiet_zones=False))
        assert image.shape == (symbol.size, symbol.size)
        assert symbol.samples == image.tobytes()
        assert barcode.ec_level == level
    assert encode(PAYLOAD, "H").size > encode(PAYLOAD, "L").size  # more correction, larger symbol
    modules = qr_modules(PAYLOAD)
    assert len(modules) == encode(PAYLOAD).size and all(len(row) == len(modules) for row in modules)
    # the three finder patterns: dark 7 × 7 outlines in three corners
    n = len(modules)
    for r0, c0 in ((0, 0), (0, n - 7), (n - 7, 0)):
        assert all(modules[r0][c0 + i] and modules[r0 + 6][c0 + i] for i in range(7))
        assert not modules[r0 + 1][c0 + 1] and modules[r0 + 3][c0 + 3]


def test_a_certificate_payload_fits_the_smallest_symbol():
    """The certificate's alphanumeric text is a version-1 symbol (21 × 21 modules) at level M,
    for every level and sequences up to 999; the older UTF-8 text needed version 4 (33 × 33)."""
    assert encode(PAYLOAD, "M").size == 21
    for level in ("分行级", "总行级", "全国级"):
        assert encode(qr_payload(2026, level, 999, "ABCDEFGH"), "M").size == 21
    assert encode(qr_payload(2026, "总行级", 1000, "ABCDEFGH"), "M").size == 25  # a longer sequence: version 2
    assert encode(LEGACY_PAYLOAD, "M").size == 33


def test_unknown_level_empty_and_oversized_payloads_are_refused():
    assert set(LEVELS) == {"L", "M", "Q", "H"}
    with pytest.raises(ValueError, match="level"):
        encode("x", "Z")
    with pytest.raises(ValueError):
        encode("")
    canvas = Canvas("unused.pdf")
    with pytest.raises(ValueError, match="5000 characters"):
        draw_qr(canvas, "x" * 5000, 0, 0, 100)


def test_image_mask_operators_hold_one_bit_per_module():
    symbol = encode(PAYLOAD)
    ops = image_mask_operators(symbol)
    assert ops.startswith(f"BI /W {symbol.size} /H {symbol.size} /IM true /BPC 1 /F /AHx ID ")
    assert ops.endswith("> EI")
    data = ops.split(" ID ")[1][:-4]
    row_bytes = (symbol.size + 7) // 8
    assert len(data) == 2 * row_bytes * symbol.size
    first_row = bin(int(data[:2 * row_bytes], 16))[2:].zfill(8 * row_bytes)[:symbol.size]
    # a 0 sample is painted (Decode [0 1]): the first row starts with the finder's seven dark modules
    assert first_row == "".join("0" if d else "1" for d in qr_modules(PAYLOAD)[0])


@pytest.mark.parametrize("vector", [False, True], ids=["image-mask", "vector"])
def test_drawn_code_paints_exactly_the_modules_in_a_blank_quiet_zone(tmp_path, vector):
    image = _render(tmp_path, PAYLOAD, vector=vector)
    modules = qr_modules(PAYLOAD)
    n = len(modules)
    painted = _painted_modules(image, n)
    q = QUIET_ZONE
    for r, row in enumerate(painted):
        for c, dark in enumerate(row):
            inside = q <= r < q + n and q <= c < q + n
            expected = modules[r - q][c - q] if inside else False
            assert dark == expected, (r, c)


@pytest.mark.parametrize("payload", [PAYLOAD, LEGACY_PAYLOAD, "交银服示〔2009〕国字第123号"])
@pytest.mark.parametrize("vector", [False, True], ids=["image-mask", "vector"])
def test_drawn_code_decodes_to_the_payload(tmp_path, payload, vector):
    image = _render(tmp_path, payload, vector=vector)
    result = zxingcpp.read_barcode(image)
    assert result is not None and result.text == payload
    if ZBARIMG is None:
        pytest.skip("zbarimg (Debian zbar-tools) is not installed: only zxing-cpp's reader checked it")
    decoded = subprocess.run([ZBARIMG, "--raw", "-q", str(tmp_path / "qr.png")], capture_output=True, check=True)
    assert decoded.stdout.decode("utf-8").strip() == payload


def test_a_coloured_code_paints_in_its_colour(tmp_path):
    pdf = tmp_path / "c.pdf"
    canvas = Canvas(str(pdf), pagesize=(200, 200))
    draw_qr(canvas, PAYLOAD, 30, 40, 120, color=HexColor("#B22222"))
    canvas.showPage()
    canvas.save()
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", str(pdf), str(tmp_path / "c")], check=True)
    rgb = Image.open(tmp_path / "c.png").convert("RGB")
    colours = {rgb.getpixel((x, y)) for x in range(0, rgb.width, 3) for y in range(0, rgb.height, 3)}
    assert (178, 34, 34) in colours and (0, 0, 0) not in colours
