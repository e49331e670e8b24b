"""工作台 — dashboard (placeholder)."""

from __future__ import annotations

from qsm_desktop.ui.views.base import Page


class DashboardPage(Page):
    page_id = "dashboard"
    icon_name = "dashboard"

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.retranslateUi()

    def title(self) -> str:
        return self.tr("Dashboard")
