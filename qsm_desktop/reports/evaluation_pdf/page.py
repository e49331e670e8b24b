"""Page furniture of the evaluation reports (页面): the document, the cover, page numbers, chart images.

Every page but the cover carries "第 N 页 / 共 M 页" (known only once the whole document is laid
out) and the generated date.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import BaseDocTemplate, Frame, Image, PageTemplate

from qsm_desktop.reports import charts
from qsm_desktop.reports.evaluation_pdf import fonts
from qsm_desktop.reports.evaluation_pdf.fonts import draw_text
from qsm_desktop.reports.evaluation_pdf.look import (
    CHART_DPI,
    FRAME_W,
    GOLD,
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    NAVY,
    PAGE_H,
    PAGE_W,
    RULE,
)
from qsm_desktop.reports.evaluation_pdf.text import tr


class _Picture(Image):
    """A platypus image of a ``PIL.Image`` in memory (platypus's own ``Image`` wants a file or a
    stream; reportlab's ``ImageReader`` under it takes a PIL image as it is)."""

    def __init__(self, picture, width: float, height: float) -> None:  # noqa: D107
        self.hAlign = "CENTER"
        self._mask = "auto"
        self._drawing = None
        self._dpi = False
        self._file = picture
        self.filename = "chart"
        self._setup(width, height, "direct", 0)


class ChartTimer:
    """Builds chart images and accumulates the seconds spent building and rendering them."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def image(self, build: Callable[[], object], width: float) -> Image:
        """The figure ``build()`` returns as a PNG image ``width`` points wide (aspect kept)."""
        start = time.perf_counter()
        fig = build()
        w_in, h_in = fig.get_size_inches()  # type: ignore[attr-defined]
        if charts.FIXED_LAYOUT:  # the pixels straight to reportlab (no PNG encoded and decoded again)
            picture = charts.figure_image(fig, dpi=CHART_DPI)  # type: ignore[arg-type]
            image = _Picture(picture, width, width * h_in / w_in)
        else:  # the previous path, kept for the benchmark's "today"
            png = charts.figure_png(fig, dpi=CHART_DPI)  # type: ignore[arg-type]
            image = Image(io.BytesIO(png), width=width, height=width * h_in / w_in)
        self.seconds += time.perf_counter() - start
        return image


def canvas_maker(title: str, footer_left: str, footer_right: str, lang: str, cover: bool):
    """A canvas class that writes '第 N 页 / 共 M 页' once the page count is known."""

    class NumberedCanvas(pdfcanvas.Canvas):
        def __init__(self, *args, **kwargs):
            if not kwargs.get("initialFontName"):  # not reportlab's Helvetica (never embedded)
                kwargs["initialFontName"] = fonts.LATIN_FONT
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 (reportlab API)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                if not (cover and number == 1):
                    self._furniture(number, total)
                super().showPage()
            super().save()

        def _furniture(self, number: int, total: int) -> None:
            self.saveState()
            top = PAGE_H - MARGIN_TOP + 8 * mm
            draw_text(self, MARGIN_X, top, title, 8, colour=MUTED)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN_X, top - 2.5 * mm, PAGE_W - MARGIN_X, top - 2.5 * mm)
            bottom = MARGIN_BOTTOM - 9 * mm
            self.line(MARGIN_X, bottom + 4 * mm, PAGE_W - MARGIN_X, bottom + 4 * mm)
            draw_text(self, MARGIN_X, bottom, footer_left, 7.5, colour=MUTED)
            draw_text(self, PAGE_W / 2, bottom, tr("report.eval.page", lang, page=number, pages=total), 7.5,
                       align="center", colour=INK)
            draw_text(self, PAGE_W - MARGIN_X, bottom, footer_right, 7.5, align="right", colour=MUTED)
            self.restoreState()

    return NumberedCanvas


def cover_background(c: pdfcanvas.Canvas, _doc) -> None:
    """The cover's navy bands with the gold rule (a page template's ``onPage``)."""
    c.saveState()
    c.setFillColor(NAVY)
    c.rect(0, PAGE_H - 62 * mm, PAGE_W, 62 * mm, stroke=0, fill=1)
    c.setFillColor(GOLD)
    c.rect(0, PAGE_H - 64.5 * mm, PAGE_W, 2.5 * mm, stroke=0, fill=1)
    c.setFillColor(NAVY)
    c.rect(0, 0, PAGE_W, 10 * mm, stroke=0, fill=1)
    c.restoreState()


def new_doc(out: str | Path | BinaryIO, title: str, author: str, subject: str, cover: bool) -> BaseDocTemplate:
    """An A4 document writing to ``out`` with the body template (and the cover template first when
    ``cover``); ``title``/``author``/``subject`` go to the PDF's metadata."""
    doc = BaseDocTemplate(
        out if not isinstance(out, Path) else str(out), pagesize=A4, title=title, author=author,
        subject=subject, creator="QSM Desktop", leftMargin=MARGIN_X, rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, initialFontName=fonts.LATIN_FONT,
    )
    body = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_W, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    templates = [PageTemplate(id="body", frames=[body])]
    if cover:
        cover_frame = Frame(MARGIN_X + 4 * mm, 18 * mm, FRAME_W - 8 * mm, PAGE_H - 18 * mm - 12 * mm, id="cover",
                            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        templates.insert(0, PageTemplate(id="cover", frames=[cover_frame], onPage=cover_background))
    doc.addPageTemplates(templates)
    return doc


__all__ = ["ChartTimer", "canvas_maker", "cover_background", "new_doc"]
