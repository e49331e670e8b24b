"""The certificate preview (证书预览): a certificate page drawn with QPainter from the same layout
the PDF uses (``reports.certificate.layout``) — PySide6-Essentials has no QtPdf. The awards tab
shows it and prints it through the system print dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

MM = 72.0 / 25.4
"""Points per millimetre (the layout's unit is the point)."""


class CertificatePreview(QWidget):
    """Draws a certificate page (A4 landscape) from the PDF's own layout: frame, every laid-out
    line in its font size and colour, and the QR code's modules (reportlab's encoder)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("certificatePreview")
        self.setMinimumSize(QSize(360, 255))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.certificate = None
        self._items: list = []
        self._modules: list[list[bool]] = []
        self._template = None

    def set_certificate(self, cert) -> None:
        """Show ``cert`` (a ``reports.certificate.AwardCertificate``) or nothing (``None``)."""
        from qsm_desktop.reports.certificate import CertificateTemplate, layout, qr_text
        from qsm_desktop.reports.fonts import pdf_fonts
        from qsm_desktop.reports.qr import qr_modules

        self.certificate = cert
        self._template = CertificateTemplate()
        self._items, self._modules = [], []
        if cert is not None:
            self._items = layout(cert, self._template, pdf_fonts())
            self._modules = qr_modules(qr_text(cert), level=self._template.qr.level)
        self.update()

    def texts(self) -> list[str]:
        """The lines drawn (tests)."""
        return [i.text for i in self._items]

    def paint_page(self, painter: QPainter, width: float, height: float) -> None:
        """Paint the page scaled to ``width`` × ``height`` device units (screen or printer)."""
        painter.fillRect(QRectF(0, 0, width, height), QColor("white"))
        t = self._template
        if t is None or self.certificate is None:
            return
        page_w, page_h = t.page.width_mm * MM, t.page.height_mm * MM
        scale = min(width / page_w, height / page_h)
        painter.save()
        painter.scale(scale, scale)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        b = t.border
        if b.enabled:
            for inset, pen_width, colour in ((b.outer_inset_mm, b.outer_width_pt, b.outer_color),
                                             (b.inner_inset_mm, b.inner_width_pt, b.inner_color)):
                painter.setPen(QPen(QColor(colour), pen_width))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(QRectF(inset * MM, inset * MM, page_w - 2 * inset * MM, page_h - 2 * inset * MM))
        for item in self._items:
            font = QFont(self.font())
            font.setPixelSize(max(1, round(item.size)))
            font.setBold(item.bold)
            painter.setFont(font)
            painter.setPen(QColor(item.color))
            top = page_h - item.y - item.size
            # each run where the PDF puts it (its offset from the layout), so Latin digits and
            # the full-width cells of Chinese quotes sit as they print
            for _font, run, offset in item.runs or (("", item.text, 0.0),):
                x = item.x + offset
                if item.char_space:
                    for ch in run:
                        painter.drawText(QRectF(x, top, item.size * 2, item.size * 1.3), ch)
                        x += painter.fontMetrics().horizontalAdvance(ch) + item.char_space
                else:
                    painter.drawText(QRectF(x, top, max(item.width, item.size) * 1.2, item.size * 1.3), run)
        if self._modules:
            q = t.qr
            n = len(self._modules)
            module = q.size_mm * MM / (n + 8)
            left, top = q.x_mm * MM + 4 * module, q.y_mm * MM + 4 * module
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor("black")))
            for r, row in enumerate(self._modules):
                for c, dark in enumerate(row):
                    if dark:
                        painter.drawRect(QRectF(left + c * module, top + r * module, module, module))
        painter.restore()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        """Paint the page centred in the widget, A4 landscape proportions, with a thin outline."""
        painter = QPainter(self)
        t_w, t_h = 297.0, 210.0
        w = min(self.width(), self.height() * t_w / t_h)
        h = w * t_h / t_w
        painter.translate((self.width() - w) / 2, (self.height() - h) / 2)
        painter.setPen(QColor("#c8cdd2"))
        painter.drawRect(QRectF(0, 0, w - 1, h - 1))
        self.paint_page(painter, w, h)
        painter.end()
