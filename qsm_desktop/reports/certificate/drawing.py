"""Drawing the pieces of a certificate page on a reportlab canvas (绘制): a laid-out line, the
red and gold double frame with its corner ornaments, and the seal image.

Source: DESIGN.md §5 (certificates), issue 4 §5.
"""

from __future__ import annotations

from functools import lru_cache

from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.reports.certificate.template import MM, CertificateTemplate
from qsm_desktop.reports.certificate.text import PlacedText

register(
    {
        "certificate.seal_unreadable": (
            "印章图片“{path}”无法读取：{error}。请选择带透明背景的 PNG 图片。",
            "The seal image '{path}' cannot be read: {error}. Choose a PNG with a transparent background.",
        ),
    }
)


@lru_cache(maxsize=64)
def _color_operator(hex_color: str, operator: str) -> str:
    """``"r g b rg"`` (fill) or ``"r g b RG"`` (stroke) for ``#RRGGBB``, written once per colour."""
    r, g, b = (int(hex_color[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return f"{r:.4g} {g:.4g} {b:.4g} {operator}"


@lru_cache(maxsize=64)
def _color(hex_color: str):
    from reportlab.lib.colors import HexColor

    return HexColor(hex_color)


def draw_text(canvas, item: PlacedText, dx: float = 0.0, dy: float = 0.0, state: dict | None = None) -> None:
    """Draw one placed line. ``state`` remembers the page's fill and stroke settings
    so repeated ones are not set again (``None``: set them every time)."""
    state = {} if state is None else state
    if state.get("fill") != item.color:
        canvas.addLiteral(_color_operator(item.color, "rg"))  # as setFillColor writes it
        state["fill"] = item.color
    mode = None
    if item.bold:  # fill and stroke (render mode 2): a firmer stroke for fonts without a bold face
        stroke = (item.color, round(item.size * 0.035, 3))
        if state.get("stroke") != stroke:
            canvas.addLiteral(f"{_color_operator(item.color, 'RG')} {stroke[1]} w")
            state["stroke"] = stroke
        mode = 2
    # one text object (BT … ET) for the line's runs, not one per run with a font switch around it
    x, y = item.x + dx, item.y + dy
    spaced_title = item.part == "title" and item.char_space > 0
    if spaced_title:
        # Letter-spacing makes text extraction read "荣 誉 证 书": the PDF's ActualText says what
        # the spaced glyphs are, so search, copy and pdftotext find "荣誉证书" (once)
        canvas.addLiteral(f"/Span <</ActualText <FEFF{item.text.encode('utf-16-be').hex().upper()}>>> BDC")
    text = canvas.beginText()
    if mode:
        text.setTextRenderMode(mode)
    if item.char_space:
        text.setCharSpace(item.char_space)
    for font, run, offset in item.runs:
        text.setFont(font, item.size)
        text.setTextOrigin(x + offset, y)
        text.textOut(run)
    # render mode and character spacing are graphics state in PDF and outlive the text object
    if mode:
        text.setTextRenderMode(0)
    if item.char_space:
        text.setCharSpace(0)
    canvas.drawText(text)
    if spaced_title:
        canvas.addLiteral("EMC")


def draw_border(canvas, template: CertificateTemplate) -> None:
    """Draw the double frame of ``template.border`` (red outer line, gold inner line with cut corners
    and square ornaments) and the gold rule under the title onto ``canvas`` (a reportlab canvas)."""
    b = template.border
    w = template.page.width_mm * MM
    h = template.page.height_mm * MM
    outer = b.outer_inset_mm * MM
    inner = b.inner_inset_mm * MM
    canvas.saveState()
    canvas.setStrokeColor(_color(b.outer_color))
    canvas.setLineWidth(b.outer_width_pt)
    canvas.rect(outer, outer, w - 2 * outer, h - 2 * outer, stroke=1, fill=0)
    canvas.setLineWidth(b.outer_width_pt * 0.25)
    gap = b.outer_width_pt * 1.2
    canvas.rect(outer + gap, outer + gap, w - 2 * (outer + gap), h - 2 * (outer + gap), stroke=1, fill=0)
    gold = _color(b.inner_color)
    canvas.setStrokeColor(gold)
    canvas.setLineWidth(b.inner_width_pt)
    c = b.corner_mm * MM
    # inner frame with its corners cut in, and a square ornament in each corner (回纹)
    p = canvas.beginPath()
    x0, y0, x1, y1 = inner, inner, w - inner, h - inner
    p.moveTo(x0 + c, y0)
    p.lineTo(x1 - c, y0)
    p.lineTo(x1 - c, y0 + c * 0.35)
    p.lineTo(x1 - c * 0.35, y0 + c * 0.35)
    p.lineTo(x1 - c * 0.35, y0 + c)
    p.lineTo(x1, y0 + c)
    p.lineTo(x1, y1 - c)
    p.lineTo(x1 - c * 0.35, y1 - c)
    p.lineTo(x1 - c * 0.35, y1 - c * 0.35)
    p.lineTo(x1 - c, y1 - c * 0.35)
    p.lineTo(x1 - c, y1)
    p.lineTo(x0 + c, y1)
    p.lineTo(x0 + c, y1 - c * 0.35)
    p.lineTo(x0 + c * 0.35, y1 - c * 0.35)
    p.lineTo(x0 + c * 0.35, y1 - c)
    p.lineTo(x0, y1 - c)
    p.lineTo(x0, y0 + c)
    p.lineTo(x0 + c * 0.35, y0 + c)
    p.lineTo(x0 + c * 0.35, y0 + c * 0.35)
    p.lineTo(x0 + c, y0 + c * 0.35)
    p.close()
    canvas.drawPath(p, stroke=1, fill=0)
    canvas.setFillColor(gold)
    s = c * 0.42
    for cx, cy in ((x0 + c * 0.05, y0 + c * 0.05), (x1 - c * 0.05 - s, y0 + c * 0.05),
                   (x0 + c * 0.05, y1 - c * 0.05 - s), (x1 - c * 0.05 - s, y1 - c * 0.05 - s)):
        canvas.rect(cx, cy, s, s, stroke=0, fill=1)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.rect(cx + s * 0.25, cy + s * 0.25, s * 0.5, s * 0.5, stroke=0, fill=1)
        canvas.setFillColor(gold)
        canvas.rect(cx + s * 0.4, cy + s * 0.4, s * 0.2, s * 0.2, stroke=0, fill=1)
    # a thin gold rule under the title
    rule_y = h - (template.title.y_mm + 7.0) * MM
    canvas.setLineWidth(0.6)
    canvas.line(w / 2 - 46 * MM, rule_y, w / 2 + 46 * MM, rule_y)
    canvas.setFillColor(gold)
    d = 1.4 * MM
    diamond = canvas.beginPath()
    diamond.moveTo(w / 2, rule_y + d)
    diamond.lineTo(w / 2 + d, rule_y)
    diamond.lineTo(w / 2, rule_y - d)
    diamond.lineTo(w / 2 - d, rule_y)
    diamond.close()
    canvas.drawPath(diamond, stroke=0, fill=1)
    canvas.restoreState()


def draw_seal(canvas, template: CertificateTemplate, dx: float = 0.0, dy: float = 0.0) -> None:
    """Draw the seal image centred where ``template.seal`` says, shifted by ``dx``/``dy`` points;
    nothing when the template has no seal image."""
    s = template.seal
    if not s.image:
        return
    d = s.diameter_mm * MM
    cx = s.x_mm * MM + dx
    cy = template.page.height_mm * MM - s.y_mm * MM + dy
    canvas.drawImage(s.image, cx - d / 2, cy - d / 2, d, d, mask="auto", preserveAspectRatio=True, anchor="c")


def check_seal(template: CertificateTemplate, text_only: bool) -> None:
    """Refuse (:class:`InputRefused`) a seal image that will be printed but cannot be read, before
    anything is written."""
    if not template.seal.image or (text_only and "seal" not in template.text_only.fields):
        return
    try:
        from reportlab.lib.utils import ImageReader

        ImageReader(template.seal.image).getSize()
    except Exception as exc:  # noqa: BLE001 - any reason the image cannot be read is the user's to fix
        raise InputRefused(msg("certificate.seal_unreadable", path=template.seal.image, error=exc)) from None
