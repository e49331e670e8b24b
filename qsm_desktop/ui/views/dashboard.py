"""工作台 — dashboard: the plan's certification targets against the unit's rates, and the returns board.

Top: four figures for the window's unit on the scope date (staff in post, certified, overall
certification rate, certificates expiring within 90 days). Middle: the certification rate per
post category against the plan's target of that year and the 2009 target (DESIGN §1: 2007 retail
sales 40 %, others 80 %; 2009 all 95 %), a matplotlib chart on the Qt canvas. Bottom: which
returns of the period are in for the unit's branches (:class:`~qsm_desktop.ui.widgets.board.ReturnsBoard`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from qsm_desktop.ui.labels import POST_CATEGORIES, category_names
from qsm_desktop.ui.models.table import fmt_int, fmt_percent
from qsm_desktop.ui.views.base import Page
from qsm_desktop.ui.widgets.card import FigureCard
from qsm_desktop.ui.widgets.board import ReturnsBoard
from qsm_desktop.ui.widgets.chart import ChartCanvas, draw_rates_vs_targets

FINAL_PLAN_YEAR = 2009


class DashboardPage(Page):
    """The 工作台 page."""

    page_id = "dashboard"
    icon_name = "dashboard"

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        cards = QGridLayout()
        cards.setHorizontalSpacing(12)
        self.cards = {key: FigureCard(self) for key in ("staff", "certified", "rate", "expiring")}
        for i, card in enumerate(self.cards.values()):
            cards.addWidget(card, 0, i)
        self.body.addLayout(cards)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        chart_box = QWidget(splitter)
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        self.chart_title = QLabel(chart_box)
        self.chart_title.setObjectName("sectionTitle")
        chart_layout.addWidget(self.chart_title)
        self.chart = ChartCanvas(chart_box, height=3.0)
        chart_layout.addWidget(self.chart, 1)
        board_box = QWidget(splitter)
        board_layout = QVBoxLayout(board_box)
        board_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.board_title = QLabel(board_box)
        self.board_title.setObjectName("sectionTitle")
        head.addWidget(self.board_title)
        self.board_summary = QLabel(board_box)
        self.board_summary.setObjectName("hint")
        head.addWidget(self.board_summary, 1, Qt.AlignmentFlag.AlignRight)
        board_layout.addLayout(head)
        self.board = ReturnsBoard(board_box)
        board_layout.addWidget(self.board, 1)
        splitter.addWidget(chart_box)
        splitter.addWidget(board_box)
        splitter.setSizes([360, 300])
        self.body.addWidget(splitter, 1)
        self._rates = None
        self._final_targets: dict[str, float | None] = {}
        self._board_data = None
        self.retranslateUi()

    def title(self) -> str:
        return self.tr("Dashboard")

    def retranslateUi(self) -> None:
        super().retranslateUi()
        self.cards["staff"].caption.setText(self.tr("Front-line staff in post"))
        self.cards["certified"].caption.setText(self.tr("Certified"))
        self.cards["rate"].caption.setText(self.tr("Certification rate, all posts"))
        self.cards["expiring"].caption.setText(self.tr("Certificates expiring within 90 days"))
        self.chart_title.setText(self.tr("Certification rates against the plan's targets"))
        self.board_title.setText(self.tr("Returns of the period"))
        self.board.retranslate()
        self._update_board_summary()
        if self.scope is not None:
            self._draw()

    def load(self, scope, request):
        """Worker: rates, expiring certificates, the 2009 targets and the board's batches."""
        from qsm_desktop.ui.board_data import fetch_board

        services, actor = self.ctx.services, self.ctx.actor
        nodes = self.ctx.org_nodes()
        known = {n.code for n in nodes}
        rates, expiring = None, 0
        if scope.unit_code in known:
            rates = services.certification.rates(actor, scope.as_of, scope.unit_code)
            expiring = len(services.certification.expiring(actor, scope.as_of, scope.unit_code))
        return rates, expiring, services.certification.targets(FINAL_PLAN_YEAR), fetch_board(services, actor, nodes, scope)

    def show_data(self, data) -> None:
        from qsm_desktop.ui.board_data import build_board

        rates, expiring, self._final_targets, board_inputs = data
        self._rates = rates
        self.cards["staff"].value.setText(fmt_int(rates.all.members) if rates else "–")
        self.cards["certified"].value.setText(fmt_int(rates.all.certified) if rates else "–")
        self.cards["rate"].value.setText(fmt_percent(rates.all.rate) if rates else "–")
        self.cards["expiring"].value.setText(fmt_int(expiring))
        self._draw()
        self._board_data = build_board(board_inputs)
        self.board.set_board(self._board_data)
        self._update_board_summary()

    def _draw(self) -> None:
        rates = self._rates
        names = [name for _code, name in category_names()]
        if rates is None or not rates.all.members:
            draw_rates_vs_targets(self.chart.figure, [], [], [],
                                  empty_text=self.tr("No staff yet: import the org list and the certification returns"))
            return
        codes = list(POST_CATEGORIES)
        draw_rates_vs_targets(
            self.chart.figure, names,
            [rates.categories[c].rate for c in codes],
            [rates.categories[c].target for c in codes],
            final_targets=[self._final_targets.get(c) for c in codes],
            rate_label=self.tr("Rate on {date}").format(date=rates.as_of.isoformat()),
            target_label=self.tr("Target {year}").format(year=rates.as_of.year),
            final_label=self.tr("Target {year}").format(year=FINAL_PLAN_YEAR),
            legend_labels=(self.tr("at or above target"), self.tr("within 5 points below"),
                           self.tr("more than 5 points below")))

    def _update_board_summary(self) -> None:
        data = self._board_data
        if data is None or not data.units:
            self.board_summary.setText("")
            return
        counts = data.counts()
        self.board_summary.setText(self.tr("{received} received · {missing} missing · {refused} refused").format(
            received=counts.get("received", 0), missing=counts.get("missing", 0), refused=counts.get("refused", 0)))
