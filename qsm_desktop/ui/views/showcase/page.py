"""示范窗口 — the showcase page: the cycle chooser and one tab per concern (issue 4 §6, DESIGN §5).

The cycle bar (year × level, with the cycle's title, quota, sheet and panel, and *Edit cycle…*)
sits above four tabs, each its own widget over ``services.showcase`` (no SQL here):

- :class:`~.applications.ShowcaseApplicationsTab` — applications (申报);
- :class:`~.sheets.ShowcaseSheetsTab` — score sheets and the score grid (评分);
- :class:`~.ranking.ShowcaseRankingTab` — ranking with the quota line and the award (排名);
- :class:`~.awards.ShowcaseAwardsTab` — awards, certificates and the verify box (授予与证书).

The page tells every tab the chosen cycle; a tab that changed data emits ``sig_data_changed`` and
the page reloads everything (and says so to the window through its own ``sig_data_changed``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton, QTabWidget, QWidget

from qsm_desktop.domain.names import shown
from qsm_desktop.ui.errors import report_exception
from qsm_desktop.ui.models.table import fmt_date
from qsm_desktop.ui.views.base import Page
from qsm_desktop.ui.views.showcase.applications import ShowcaseApplicationsTab
from qsm_desktop.ui.views.showcase.awards import ShowcaseAwardsTab
from qsm_desktop.ui.views.showcase.common import cycle_label, plain_text
from qsm_desktop.ui.views.showcase.dialogs import CycleDialog
from qsm_desktop.ui.views.showcase.ranking import ShowcaseRankingTab
from qsm_desktop.ui.views.showcase.sheets import ShowcaseSheetsTab


class ShowcasePage(Page):
    """The 示范窗口 page: the cycle bar and the tabs :attr:`applications_tab`, :attr:`sheets_tab`,
    :attr:`ranking_tab` and :attr:`awards_tab` (in :attr:`tabs`, so ``--screenshot`` shows each)."""

    page_id = "showcase"
    icon_name = "showcase"
    sig_data_changed = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.cycles: list = []
        # -- cycle bar
        bar = QHBoxLayout()
        self.cycle_label = QLabel(self)
        bar.addWidget(self.cycle_label)
        self.cycle_combo = QComboBox(self)
        self.cycle_combo.setObjectName("cycleCombo")
        self.cycle_combo.setMinimumWidth(140)
        bar.addWidget(self.cycle_combo)
        self.cycle_info = QLabel(self)
        self.cycle_info.setObjectName("cycleInfo")
        self.cycle_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cycle_info.setWordWrap(True)
        bar.addWidget(self.cycle_info, 1)
        self.edit_cycle_button = QPushButton(self)
        self.edit_cycle_button.setObjectName("editCycleButton")
        bar.addWidget(self.edit_cycle_button)
        self.body.addLayout(bar)
        # -- one tab per concern
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("showcaseTabs")
        self.body.addWidget(self.tabs, 1)
        self.applications_tab = ShowcaseApplicationsTab(ctx, self.tabs)
        self.sheets_tab = ShowcaseSheetsTab(ctx, self.tabs)
        self.ranking_tab = ShowcaseRankingTab(ctx, self.tabs)
        self.awards_tab = ShowcaseAwardsTab(ctx, self.ask_export_path, self.tabs)
        for tab in self._tabs():
            self.tabs.addTab(tab, "")
            tab.sig_data_changed.connect(self._changed)
        self.awards_tab.sig_ranking_requested.connect(lambda: self.tabs.setCurrentWidget(self.ranking_tab))
        self.applications_tab.sig_page_requested.connect(self.sig_page_requested)
        self.cycle_combo.currentIndexChanged.connect(self._on_cycle_combo_current_index_changed)
        self.edit_cycle_button.clicked.connect(self._on_edit_cycle_button_clicked)
        ctx.offer("sc.action.cycle", self.edit_cycle_button)
        for index, tab in enumerate(self._tabs()):  # a reviewer sees the score sheets only (DESIGN §6)
            self.tabs.setTabVisible(index, ctx.may(f"page.showcase.{tab.tab_id}"))
        self.retranslateUi()

    def _tabs(self) -> tuple:
        return (self.applications_tab, self.sheets_tab, self.ranking_tab, self.awards_tab)

    # ================================================================== language
    def title(self) -> str:
        return self.tr("Showcase units")

    def subtitle(self) -> str:
        return self.tr("Award cycles, applications, on-site score sheets, ranking within the quota, awards and certificates")

    def retranslateUi(self) -> None:
        super().retranslateUi()
        self.cycle_label.setText(self.tr("Award cycle:"))
        self.edit_cycle_button.setText(self.tr("Edit cycle…"))
        for i, text in enumerate((self.tr("Applications"), self.tr("Score sheets"), self.tr("Ranking"),
                                  self.tr("Awards and certificates"))):
            self.tabs.setTabText(i, text)
        for tab in self._tabs():
            tab.retranslateUi()

    # ================================================================== data
    @property
    def _svc(self):
        return self.ctx.services.showcase

    def _current_cycle(self):
        index = self.cycle_combo.currentIndex()
        return self.cycles[index] if 0 <= index < len(self.cycles) else None

    def reload(self) -> None:
        current = self._current_cycle()
        self.cycles = self._svc.cycles(self.ctx.actor)
        self.cycle_combo.blockSignals(True)
        self.cycle_combo.clear()
        for c in self.cycles:
            self.cycle_combo.addItem(cycle_label(c), c.id)
        if current is not None:
            self.cycle_combo.setCurrentIndex(max(0, self.cycle_combo.findData(current.id)))
        self.cycle_combo.blockSignals(False)
        self.applications_tab.set_branches([n for n in self.ctx.services.orgs.tree(self.ctx.actor) if n.type == "分行"])
        self._load_cycle()

    def _load_cycle(self) -> None:
        cycle = self._current_cycle()
        if cycle is None:
            self.cycle_info.setText(self.tr("No award cycle yet: import showcase application forms on the Returns page."))
        else:
            self.cycle_info.setText(self.tr("{title} · announced {announced} · quota {quota} · sheet {sheet} ({points} points) · "
                                            "{apps} · {sheets} · panel of {panel}").format(
                title=cycle.title, announced=fmt_date(cycle.announced_on) or "—",
                quota="—" if cycle.quota is None else cycle.quota, sheet=shown(cycle.sheet.name),
                points=plain_text(cycle.sheet.total_points), apps=self.tr("%n application(s)", "", cycle.applications),
                sheets=self.tr("%n sheet(s)", "", cycle.sheets),
                panel=len(cycle.panel)))
        for tab in self._tabs():
            if self.ctx.may(f"page.showcase.{tab.tab_id}"):  # a hidden tab's reads may be refused (reviewer)
                tab.set_cycle(cycle)

    def _changed(self) -> None:
        self.sig_data_changed.emit()
        self.refresh()

    # ================================================================== slots
    def _on_cycle_combo_current_index_changed(self, _index: int) -> None:
        try:
            self._load_cycle()
        except Exception as exc:
            report_exception(exc, self)

    def _on_edit_cycle_button_clicked(self) -> None:
        cycle = self._current_cycle()
        if cycle is None:
            return
        dialog = CycleDialog(cycle, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            if dialog.sheet_file:
                self._svc.set_sheet(self.ctx.actor, cycle.id, Path(dialog.sheet_file))
                cycle = next(c for c in self._svc.cycles(self.ctx.actor) if c.id == cycle.id)
            self._svc.update_cycle(self.ctx.actor, cycle.id, cycle.version, **dialog.settings())
        except Exception as exc:
            report_exception(exc, self)
            return
        self._changed()
