"""Where every line of a certificate goes (版面计算): the unit's name fitted, the wording wrapped
and justified, issuer, date and number placed — pure, in points from the bottom-left corner; the
tests check it, the PDF drawing and the window's preview follow it. Source: DESIGN.md §5.
"""

from __future__ import annotations

from qsm_desktop.domain.chinese import chinese_date
from qsm_desktop.reports.certificate.award import AwardCertificate
from qsm_desktop.reports.certificate.template import MM, CertificateTemplate, TextSpec, UnitSpec, wording_text
from qsm_desktop.reports.certificate.text import PlacedText, placed_text, text_width, wrap_paragraph
from qsm_desktop.reports.fonts import FontSet


def _fit_unit(name: str, fonts: FontSet, spec: UnitSpec) -> tuple[float, list[tuple[str, float]]]:
    """Size and lines for the unit name: one line at ``size_pt``, shrunk to fit down to
    ``min_size_pt``; a longer name goes onto two or more lines at the largest size (not below
    ``min_size_pt``) at which every line fits. Never cut."""
    max_width = spec.max_width_mm * MM
    text = name + spec.suffix
    natural = text_width(fonts, text, spec.size_pt)
    if natural <= max_width:
        return spec.size_pt, [(text, natural)]
    size = _floor_half(spec.size_pt * max_width / natural)
    if size >= spec.min_size_pt:
        return size, [(text, text_width(fonts, text, size))]
    for line_count in range(2, 7):
        size = min(spec.size_pt, _floor_half(spec.size_pt * max_width * line_count / natural))
        while size >= spec.min_size_pt:
            lines = list(wrap_paragraph(text, fonts, size, max_width, 0.0))
            if len(lines) <= line_count and all(w <= max_width for _t, w in lines):
                return size, lines
            size -= 0.5
    return spec.min_size_pt, list(wrap_paragraph(text, fonts, spec.min_size_pt, max_width, 0.0))


def _floor_half(size: float) -> float:
    return max(int(size * 2) / 2.0, 1.0)


def layout(cert: AwardCertificate, template: CertificateTemplate, fonts: FontSet) -> list[PlacedText]:
    """Where every line of ``cert`` goes on the page (版面计算), in points from the bottom-left
    corner, before any text-only offset. Raises :class:`InputRefused` for a wording placeholder
    that has no value."""
    return Layouter(template, fonts).layout(cert)


class Layouter:
    """Lays out certificates of one batch; lines that repeat across the batch (title, wording,
    issuer, date) are laid out once."""

    def __init__(self, template: CertificateTemplate, fonts: FontSet):
        self.template = template
        self.fonts = fonts
        self.page_h = template.page.height_mm * MM
        self.page_w = template.page.width_mm * MM
        t = template.title
        spacing = t.letter_spacing_em * t.size_pt
        title_w = text_width(fonts, t.text, t.size_pt) + spacing * max(len(t.text) - 1, 0)
        self.title = placed_text("title", t.text, (self.page_w - title_w) / 2, self.top(t.y_mm), t.size_pt, fonts,
                                 t.color, spacing)
        self._wording: dict[tuple[str, float], tuple[PlacedText, ...]] = {}
        self._lines: dict[tuple[str, str], PlacedText] = {}

    def top(self, y_mm: float) -> float:
        """Points from the bottom edge for a distance in millimetres from the top edge."""
        return self.page_h - y_mm * MM

    def layout(self, cert: AwardCertificate) -> list[PlacedText]:
        template, fonts = self.template, self.fonts
        placed: list[PlacedText] = [self.title]
        u = template.unit
        size, lines = _fit_unit(cert.unit_name, fonts, u)
        y = self.top(u.y_mm)
        for text, width in lines:
            if u.align == "center":
                x = (self.page_w - width) / 2
            elif u.align == "right":
                x = u.x_mm * MM + u.max_width_mm * MM - width
            else:
                x = u.x_mm * MM
            placed.append(placed_text("unit", text, x, y, size, fonts, u.color, bold=u.bold))
            y -= size * 1.3
        shift = max(0.0, (len(lines) - 1) * size * 1.3)
        placed += self.wording(wording_text(template, cert), shift)
        placed.append(self.line("issuer", template.issuer, cert.issuing_body))
        placed.append(self.line("date", template.date, chinese_date(cert.issue_date)))
        placed.append(self.line("number", template.number, template.number.label + cert.number, keep=False))
        return placed

    def wording(self, wording: str, shift: float) -> tuple[PlacedText, ...]:
        """The wording's lines: each paragraph indented, wrapped, and justified but for its last
        line; ``shift`` moves the block down (points) when the unit's name took more lines."""
        key = (wording, shift)
        if key in self._wording:
            return self._wording[key]
        w = self.template.wording
        y = self.top(w.y_mm) - shift
        width = w.width_mm * MM
        indent = w.indent_chars * w.size_pt
        items: list[PlacedText] = []
        for paragraph in wording.split("\n"):
            wrapped = wrap_paragraph(paragraph.strip(), self.fonts, w.size_pt, width, indent) if paragraph.strip() else ()
            for i, (text, text_w) in enumerate(wrapped):
                x = w.x_mm * MM + (indent if i == 0 else 0.0)
                available = width - (indent if i == 0 else 0.0)
                char_space = 0.0
                if i < len(wrapped) - 1 and len(text) > 1 and text_w < available:
                    char_space = (available - text_w) / (len(text) - 1)
                items.append(placed_text("wording", text, x, y, w.size_pt, self.fonts, w.color, char_space))
                y -= w.size_pt * w.line_spacing
        if len(self._wording) < 256:
            self._wording[key] = tuple(items)
        return tuple(items)

    def line(self, part: str, spec: TextSpec, text: str, keep: bool = True) -> PlacedText:
        """A single line placed per ``spec`` (left, centre or right at ``x_mm``)."""
        key = (part, text)
        if key in self._lines:
            return self._lines[key]
        text_w = text_width(self.fonts, text, spec.size_pt)
        x = spec.x_mm * MM - {"left": 0.0, "center": text_w / 2, "right": text_w}[spec.align]
        item = placed_text(part, text, x, self.top(spec.y_mm), spec.size_pt, self.fonts, spec.color)
        if keep and len(self._lines) < 1024:
            self._lines[key] = item
        return item
