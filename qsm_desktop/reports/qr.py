"""QR codes for certificates (证书二维码), drawn with reportlab's own QR widget.

The project prefers a well-kept library to code of its own: the symbol is made by
``reportlab.graphics.barcode.qr.QrCodeWidget`` (reportlab's encoder: byte mode, the version
chosen for the payload, the mask chosen by reportlab). :func:`qr_drawing` gives the widget in a
``Drawing`` (for platypus or previews); :func:`draw_qr` takes the widget's module matrix and fills
its dark runs as one path on the canvas, inside a quiet zone of ``QUIET_ZONE`` modules (4 by the
standard) left blank.

Cost: reportlab's encoder tries the eight masks in pure Python, about 10 ms per code — a tenth
of a second per hundred certificates (see BENCHMARKS.md § Certificates).

Payload: text (UTF-8), error-correction level M by default (about 15 % of the symbol may be
damaged). Source: DESIGN.md §5 (QR code that encodes the number for verification), issue 4 §5.
"""

from __future__ import annotations

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


def qr_modules(payload: str, *, level: str = "M") -> list[list[bool]]:
    """The module matrix (rows top to bottom, True = dark) reportlab's QR widget encodes for ``payload``.

    The symbol is reportlab's own (``QrCodeWidget``'s encoder: version, mask and modules); only
    the drawing below is ours. Raises ``ValueError`` for an unknown level or a payload too long.
    """
    widget = qr_widget(payload, 1.0, level=level)
    widget.qr.make()
    return [[bool(m) for m in row] for row in widget.qr.modules]


def draw_qr(canvas, payload: str, x: float, y: float, size: float, *, level: str = "M",
            quiet_zone: int = QUIET_ZONE, color=None) -> None:
    """Draw the QR code of ``payload`` on a reportlab ``canvas`` (绘制二维码).

    ``x``, ``y``: bottom-left corner in points; ``size``: the side in points *including* the
    quiet zone (left blank, not painted). The symbol comes from reportlab's QR widget
    (:func:`qr_modules`); its dark runs are filled as ONE path — the widget's own drawing
    (``renderPDF``) wraps every run in its own graphics-state block, which tripled the time and
    added ~1.6 KB per page. Raises ``ValueError`` for an unknown level or a payload longer than
    the largest QR version holds.
    """
    modules = qr_modules(payload, level=level)
    count = len(modules)
    box = size / (count + 2 * quiet_zone)
    canvas.saveState()
    # module units: the origin at the symbol's top-left module, one unit per module, rows downward —
    # the path then holds small integers ("3 5 4 1 re"), a third of the bytes of point coordinates
    canvas.translate(x + quiet_zone * box, y + size - quiet_zone * box)
    canvas.scale(box, -box)
    path = canvas.beginPath()
    for r, row in enumerate(modules):
        c = 0
        while c < count:
            if row[c]:
                start = c
                while c < count and row[c]:
                    c += 1
                path.rect(start, r, c - start, 1)
            else:
                c += 1
    if color is not None:
        canvas.setFillColor(color)
    else:
        canvas.setFillGray(0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
