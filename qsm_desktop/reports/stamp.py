"""The stamp a report carries on every page while its figures are not final (草稿 / 暂定 印记).

One mechanism for every PDF built on the evaluation reports' numbered canvas
(:func:`qsm_desktop.reports.evaluation_pdf.page.canvas_maker`): the monitoring report of a quarter
not finalised ("暂定 / PROVISIONAL", DESIGN §8) and the evaluation reports of a period not
published ("草稿 / DRAFT", DESIGN §4, issue 14) — so that no page of a provisional report can be
mailed out alone as if it were final. The stamp is drawn on every page, the cover included.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm

from qsm_desktop.reports.evaluation_pdf.fonts import draw_text, text_width
from qsm_desktop.reports.evaluation_pdf.look import MARGIN_TOP, MARGIN_X, PAGE_H, PAGE_W, RED

STAMP_FILL = colors.HexColor("#FBE9EB")


def stamped_canvas(base: type, stamp: str) -> type:
    """``base`` (a canvas class made by ``canvas_maker``) with ``stamp`` in a red box at the top
    right of every page, the cover included (drawn by the canvas's ``_every_page`` hook once the
    page count is known). ``stamp``: the text, e.g. "草稿 · 本期结果尚未发布"."""

    class StampedCanvas(base):  # type: ignore[misc, valid-type]
        def _every_page(self, number: int, total: int) -> None:
            super()._every_page(number, total)
            self.saveState()
            size = 9
            width = text_width(stamp, size, bold_latin=True) + 12
            x, y = PAGE_W - MARGIN_X - width, PAGE_H - MARGIN_TOP + 11 * mm
            self.setStrokeColor(RED)
            self.setFillColor(STAMP_FILL)
            self.setLineWidth(1.2)
            self.roundRect(x, y - 4, width, size + 8, 3, stroke=1, fill=1)
            draw_text(self, x + width / 2, y, stamp, size, align="center", colour=RED, bold_latin=True)
            self.restoreState()

    return StampedCanvas


__all__ = ["stamped_canvas"]
