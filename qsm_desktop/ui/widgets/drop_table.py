"""A table that shows where to drop files while it is empty (拖放提示)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QTableView, QWidget

from qsm_desktop.ui.style import ACCENT, MUTED, icon


class DropHintTableView(QTableView):
    """``QTableView`` that paints a dashed drop area with a hint while its model has no rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hint = ""
        self._active = False

    def set_hint(self, text: str) -> None:
        self._hint = text
        self.viewport().update()

    def set_drag_active(self, active: bool) -> None:
        """Highlight the drop area while files are dragged over the page."""
        self._active = active
        self.viewport().update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() > 0:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.viewport().rect()).adjusted(16, 12, -16, -12)
        pen = QPen(QColor(ACCENT if self._active else "#9fb3c8"), 1.6, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QColor("#eef4fa" if self._active else "#f7f9fb"))
        painter.drawRoundedRect(area, 8, 8)
        pixmap = icon("returns").pixmap(40, 40)
        top = area.center().y() - 44
        painter.drawPixmap(int(area.center().x() - 20), int(top), pixmap)
        painter.setPen(QColor(MUTED))
        text_rect = QRectF(area.left() + 40, top + 52, area.width() - 80, 60)
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
                         self._hint)
        painter.end()
