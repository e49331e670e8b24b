"""Certificate QR codes (reports/qr.py): the same symbols as reportlab's QR encoder, bit for bit,
and drawn so that a raster of the PDF shows exactly those modules."""

from __future__ import annotations

import subprocess

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from reportlab.graphics.barcode import qrencoder
from reportlab.pdfgen.canvas import Canvas

from qsm_desktop.domain.showcase import qr_payload
from qsm_desktop.reports.qr import LEVELS, encode, encode_many


def reportlab_symbol(text: str, level: str) -> tuple[np.ndarray, int]:
    """What reportlab's widget encoder (``QRCode.make()``) makes for the text in byte mode."""
    code = qrencoder.QRCode(None, LEVELS[level])
    code.addData(qrencoder.QR8bitByte(text))
    code.make()
    return np.array(code.modules, dtype=bool), code.version


payload_text = st.text(alphabet=st.sampled_from("交银服示〔〕总分国字第号0123456789ABCxyz|-/ "), min_size=1, max_size=60)


@settings(max_examples=60, deadline=None)
@given(payload_text, st.sampled_from(sorted(LEVELS)))
def test_same_symbol_as_reportlab(text, level):
    symbol = encode(text, level)
    modules, version = reportlab_symbol(text, level)
    assert symbol.version == version
    assert symbol.size == 17 + 4 * version
    assert np.array_equal(symbol.modules, modules)


@pytest.mark.parametrize("length,level", [(200, "L"), (400, "M"), (250, "H")])
def test_large_versions_match_too(length, level):
    """Versions 7+ carry version information; versions 12+ (over 64 modules) take the other
    penalty path."""
    text = ("交通银行服务质量管理委员会 QSM " * 40)[:length]
    symbol = encode(text, level)
    modules, version = reportlab_symbol(text, level)
    assert symbol.version == version >= 7
    assert np.array_equal(symbol.modules, modules)


def test_certificate_payload_and_batch():
    payloads = [qr_payload(f"交银服示〔2007〕总字第{i:03d}号", "ABCDEFGH") for i in range(1, 301)]
    payloads.insert(7, "x" * 300)  # another version in the same batch
    batch = encode_many(payloads)
    assert len(batch) == len(payloads)
    for text, symbol in zip(payloads[:12] + payloads[-3:], batch[:12] + batch[-3:]):
        single = encode(text)
        assert np.array_equal(symbol.modules, single.modules) and symbol.mask == single.mask
    assert batch[0].version == 4 and batch[7].version > 4
    with pytest.raises(ValueError):
        encode("x", "Z")
    with pytest.raises(ValueError):
        encode("x" * 5000)


def _raster_modules(pdf, page_height_pt: float, x_pt: float, y_pt: float, size_pt: float, symbol, dpi: int, tmp_path):
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", str(pdf), str(tmp_path / "r")], check=True)
    image = np.array(Image.open(tmp_path / "r.png").convert("L"))
    n = symbol.size
    module = size_pt / (n + 8)
    scale = dpi / 72.0
    seen = np.zeros((n, n), dtype=bool)
    for r in range(n):
        for c in range(n):
            cx = (x_pt + (4 + c + 0.5) * module) * scale
            cy = (page_height_pt - (y_pt + size_pt - (4 + r + 0.5) * module)) * scale
            seen[r, c] = image[int(cy), int(cx)] < 128
    return seen


@pytest.mark.parametrize("vector", [False, True])
def test_drawn_symbol_rasterises_to_its_modules(tmp_path, vector):
    from qsm_desktop.reports.qr import draw_qr

    symbol = encode(qr_payload("交银服示〔2007〕总字第001号", "K7Q2M4XA"))
    pdf = tmp_path / "qr.pdf"
    canvas = Canvas(str(pdf), pagesize=(200, 200))
    draw_qr(canvas, symbol, 30, 40, 120, vector=vector)
    canvas.showPage()
    canvas.save()
    seen = _raster_modules(pdf, 200, 30, 40, 120, symbol, 200, tmp_path)
    assert np.array_equal(seen, symbol.modules)
