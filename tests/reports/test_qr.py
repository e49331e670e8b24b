"""Certificate QR codes (reports/qr.py): reportlab's QR widget gets the payload, level M and a
quiet zone; drawn on a canvas and rasterised, the code decodes back to the payload (with
``zbarimg`` from Debian's zbar-tools, when installed)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.pdfgen.canvas import Canvas

from qsm_desktop.domain.showcase import qr_payload
from qsm_desktop.reports.qr import LEVELS, QUIET_ZONE, draw_qr, qr_drawing, qr_widget

PAYLOAD = qr_payload("交银服示〔2007〕总字第001号", "K7Q2M4XA")
ZBARIMG = shutil.which("zbarimg")


def test_the_widget_gets_payload_level_and_quiet_zone():
    widget = qr_widget(PAYLOAD, 80.0)
    assert isinstance(widget, QrCodeWidget)
    assert widget.value == PAYLOAD
    assert widget.barLevel == "M" and widget.barBorder == QUIET_ZONE == 4
    assert widget.barWidth == widget.barHeight == 80.0
    drawing = qr_drawing(PAYLOAD, 80.0, level="H")
    assert (drawing.width, drawing.height) == (80.0, 80.0)
    assert drawing.contents[0].barLevel == "H" and drawing.contents[0].value == PAYLOAD


def test_unknown_level_and_oversized_payload_are_refused():
    assert set(LEVELS) == {"L", "M", "Q", "H"}
    with pytest.raises(ValueError):
        qr_widget("x", 10, level="Z")
    canvas = Canvas("unused.pdf")
    with pytest.raises(Exception):
        draw_qr(canvas, "x" * 5000, 0, 0, 100)


def test_the_quiet_zone_stays_blank(tmp_path):
    """The widget paints nothing in the four-module border around the symbol."""
    from reportlab.graphics.shapes import Rect

    widget = qr_widget(PAYLOAD, 100.0)
    group = widget.draw()
    dark = [s for s in group.contents if isinstance(s, Rect) and s.fillColor is not None]
    modules = widget.qr.getModuleCount()
    module = 100.0 / (modules + 2 * QUIET_ZONE)
    assert dark
    for rect in dark:
        assert rect.x >= QUIET_ZONE * module - 1e-6 and rect.x + rect.width <= 100 - QUIET_ZONE * module + 1e-6
        assert rect.y >= QUIET_ZONE * module - 1e-6 and rect.y + rect.height <= 100 - QUIET_ZONE * module + 1e-6


@pytest.mark.skipif(ZBARIMG is None, reason="zbarimg (Debian zbar-tools) is not installed")
@pytest.mark.parametrize("payload", [PAYLOAD, "交银服示〔2009〕国字第123号"])
def test_drawn_code_decodes_to_the_payload(tmp_path, payload):
    pdf = tmp_path / "qr.pdf"
    canvas = Canvas(str(pdf), pagesize=(200, 200))
    draw_qr(canvas, payload, 30, 40, 120)
    canvas.showPage()
    canvas.save()
    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", "-singlefile", str(pdf), str(tmp_path / "r")], check=True)
    decoded = subprocess.run([ZBARIMG, "--raw", "-q", str(tmp_path / "r.png")], capture_output=True, check=True)
    assert decoded.stdout.decode("utf-8").strip() == payload
