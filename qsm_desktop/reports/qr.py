"""QR codes for certificates (证书二维码), drawn with reportlab's own QR widget.

The project prefers a well-kept library to code of its own: the symbol is made and drawn by
``reportlab.graphics.barcode.qr.QrCodeWidget`` (reportlab's encoder: byte mode, the version
chosen for the payload, the mask chosen by reportlab), wrapped in a ``Drawing`` of the
requested size and placed on the canvas with ``renderPDF.draw``. The widget draws one filled
rectangle per horizontal run of dark modules inside the quiet zone (``barBorder`` modules, 4 by
the standard) which is left blank.

Cost: reportlab's encoder tries the eight masks in pure Python, about 10 ms per code — a tenth
of a second per hundred certificates (see BENCHMARKS.md § Certificates).

Payload: text (UTF-8), error-correction level M by default (about 15 % of the symbol may be
damaged). Source: DESIGN.md §5 (QR code that encodes the number for verification), issue 4 §5.
"""

from __future__ import annotations

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing

#: Error-correction levels reportlab's widget accepts.
LEVELS = ("L", "M", "Q", "H")

#: Quiet zone around the symbol, in modules (ISO/IEC 18004: at least 4).
QUIET_ZONE = 4


def qr_widget(payload: str, size: float, *, level: str = "M", quiet_zone: int = QUIET_ZONE,
              color=None) -> QrCodeWidget:
    """reportlab's QR widget for ``payload`` (text), ``size`` points square including the quiet
    zone of ``quiet_zone`` modules; ``level`` L/M/Q/H (``ValueError`` otherwise); ``color`` a
    reportlab colour for the dark modules (default black)."""
    if level not in LEVELS:
        raise ValueError(f"QR error-correction level must be one of {LEVELS}")
    options = {"barWidth": size, "barHeight": size, "barBorder": quiet_zone, "barLevel": level}
    if color is not None:
        options["barFillColor"] = color
    return QrCodeWidget(payload, **options)


def qr_drawing(payload: str, size: float, *, level: str = "M", quiet_zone: int = QUIET_ZONE,
               color=None) -> Drawing:
    """A ``Drawing`` of ``size`` × ``size`` points holding the QR widget for ``payload``."""
    drawing = Drawing(size, size)
    drawing.add(qr_widget(payload, size, level=level, quiet_zone=quiet_zone, color=color))
    return drawing


def draw_qr(canvas, payload: str, x: float, y: float, size: float, *, level: str = "M",
            quiet_zone: int = QUIET_ZONE, color=None) -> None:
    """Draw the QR code of ``payload`` on a reportlab ``canvas`` (绘制二维码).

    ``x``, ``y``: bottom-left corner in points; ``size``: the side in points *including* the
    quiet zone (left blank, not painted). ``renderPDF.draw`` saves and restores the canvas's
    graphics state around the drawing; no font is added to the PDF. Raises ``ValueError`` for an unknown level or a payload
    longer than the largest QR version holds.
    """
    drawing = qr_drawing(payload, size, level=level, quiet_zone=quiet_zone, color=color)
    # renderPDF starts a drawing in its default font (Helvetica, never embedded) unless the
    # drawing names one: keep the canvas's current font, so the PDF gains no font.
    drawing.initialFontName = canvas._fontname
    drawing.initialFontSize = canvas._fontsize
    renderPDF.draw(drawing, canvas, x, y)
