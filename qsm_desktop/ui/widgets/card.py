"""A figure card (指标卡片): a large value over its caption, styled by the ``card`` object names."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class FigureCard(QFrame):
    """A figure with its caption: ``value`` (a ``QLabel``, "–" until set) and ``caption``.

    ``compact``: tighter margins, for a row of six cards (training) instead of four (dashboard).
    """

    def __init__(self, parent: QWidget, *, compact: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*((14, 8, 14, 8) if compact else (16, 10, 16, 10)))
        layout.setSpacing(2)
        self.value = QLabel("–", self)
        self.value.setObjectName("cardValue")
        self.caption = QLabel(self)
        self.caption.setObjectName("cardLabel")
        self.caption.setWordWrap(True)  # a narrow window wraps the caption instead of widening the row
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
