"""报表 — returns inbox (placeholder until the import service lands)."""

from __future__ import annotations

from qsm_desktop.ui.views.base import Page


class ReturnsPage(Page):
    page_id = "returns"
    icon_name = "returns"

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.retranslateUi()

    def title(self) -> str:
        return self.tr("Returns")
