"""规划目标 — the plan-target dashboard: each target of the 2007–2009 plan with the year's actual.

Over ``services.evaluation.plan_dashboard`` (DESIGN §1; reference/plan_targets.toml as edited):
one row per target — the target in force for the year and the plan's final one, the actual value
for the year (quarterly returns, the certification register, showcase awards), the gap, how the
actual is made and how many branches are on target — coloured by status: green met, amber within
10 % of the target, red behind, blue a later year's target not reached yet, grey where there is no
data source yet. The chart shows the selected target's trend over the year's quarters against
the target lines. The rows are fetched on a reader thread (the register queries take a moment
at bank scale).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QLabel, QSpinBox, QSplitter, QTableView, QWidget,
)

from qsm_desktop.domain.i18n import get_language
from qsm_desktop.domain.indicators import fmt_number, fmt_signed
from qsm_desktop.domain.indicators.numbers import with_unit
from qsm_desktop.domain.names import shown, shown_unit
from qsm_desktop.ui.models.table import ALIGN_CENTER, ALIGN_RIGHT, Column, RowTableModel
from qsm_desktop.ui.style import BAD, BAD_BG, GOOD, GOOD_BG, MUTED, NEUTRAL_BG, WARN, WARN_BG
from qsm_desktop.ui.views.base import Page
from qsm_desktop.ui.widgets.chart import ChartCanvas
from qsm_desktop.ui.widgets.tables import fit_columns, read_only

STATUS_COLOURS = {"met": (GOOD, GOOD_BG), "near": (WARN, WARN_BG), "behind": (BAD, BAD_BG),
                  "not_due": ("#1f4e79", "#dbe7f3"), "no_data": (MUTED, NEUTRAL_BG)}


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    if unit == "名" and get_language() == "zh":  # a target rank reads 3名 here, not 第3名
        return f"{fmt_number(value)}{unit}"
    return with_unit(value, unit, get_language())


def _chart_title(name: str, unit: str) -> str:
    """``全国级文明服务示范窗口单位（个）`` / ``National showcase service units`` (the unit when English has one)."""
    if get_language() == "zh":
        return f"{name}（{unit}）"
    word = "rank" if unit == "名" else shown_unit(unit)
    return f"{shown(name)} ({word})" if word else shown(name)


class PlanTargetsPage(Page):
    """The 规划目标 page."""

    page_id = "targets"
    icon_name = "targets"

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.rows = []
        bar = QHBoxLayout()
        self.year_label = QLabel(self)
        bar.addWidget(self.year_label)
        self.year_spin = QSpinBox(self)
        self.year_spin.setObjectName("targetYear")
        self.year_spin.setRange(2007, 2030)
        bar.addWidget(self.year_spin)
        self.legend = QLabel(self)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        bar.addSpacing(16)
        bar.addWidget(self.legend, 1)
        self.body.addLayout(bar)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.model = RowTableModel(self._columns(), "PlanTargetsPage", self)
        self.table = QTableView(splitter)
        self.table.setObjectName("planTargets")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        read_only(self.table)
        fit_columns(self.table, stretch=0)  # the target's name takes the room left; narrow: titles on two lines, names elided
        self.chart = ChartCanvas(splitter, height=2.8)
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart)
        splitter.setSizes([380, 260])
        self.body.addWidget(splitter, 1)
        self.year_spin.valueChanged.connect(self._on_year_spin_value_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.retranslateUi()

    def _columns(self) -> list[Column]:
        def colour(t):
            return STATUS_COLOURS.get(t.status, (None, None))

        return [
            Column("name", QT_TRANSLATE_NOOP("PlanTargetsPage", "Target"), lambda t: shown(t.name)),
            Column("scope", QT_TRANSLATE_NOOP("PlanTargetsPage", "Scope"), lambda t: t, lambda t: self._scope_text(t.scope, t.measured),
                   ALIGN_CENTER, sort=lambda t: (t.scope, t.measured)),
            Column("target", QT_TRANSLATE_NOOP("PlanTargetsPage", "Target value"), lambda t: t, lambda t: _number(t.target, t.unit) + (
                f" ({t.target_year})" if t.target_year and t.target_year != t.year else ""), ALIGN_RIGHT,
                sort=lambda t: t.target or 0),
            Column("final", QT_TRANSLATE_NOOP("PlanTargetsPage", "Plan's final target"), lambda t: t, lambda t: _number(t.final_target, t.unit) + (
                f" ({t.final_year})" if t.final_year else ""), ALIGN_RIGHT, sort=lambda t: t.final_target or 0),
            Column("actual", QT_TRANSLATE_NOOP("PlanTargetsPage", "Actual"), lambda t: t, lambda t: _number(t.actual, t.unit), ALIGN_RIGHT,
                   sort=lambda t: -1e9 if t.actual is None else t.actual, colour=colour),
            Column("gap", QT_TRANSLATE_NOOP("PlanTargetsPage", "Gap"), lambda t: t, lambda t: "—" if t.gap is None
                   else fmt_signed(t.gap, t.unit), ALIGN_RIGHT, sort=lambda t: -1e9 if t.gap is None else t.gap, colour=colour),
            Column("status", QT_TRANSLATE_NOOP("PlanTargetsPage", "Status"), lambda t: t.status, lambda v: self._status_text(v), ALIGN_CENTER, colour=colour),
            Column("note", QT_TRANSLATE_NOOP("PlanTargetsPage", "How it is measured"), lambda t: " · ".join(x for x in (t.note, t.detail) if x)),
        ]

    def _scope_text(self, scope: str, measured: str = "") -> str:
        """The plan's scope as measured (issue 14): a whole-bank target measured as the branches'
        average says so, as does a per-branch target shown by a bank-wide or average figure."""
        text = {"bank": self.tr("Whole bank"), "branch": self.tr("Each branch")}.get(scope, scope)
        if measured == "branch_mean":
            return text + self.tr(" (measured: branch average)")
        if scope == "branch" and measured in ("bank", "branch_sum"):
            return text + self.tr(" (measured: whole bank)")
        return text

    def _status_text(self, status: str) -> str:
        return {"met": self.tr("On target"), "near": self.tr("Close (within 10%)"), "behind": self.tr("Behind"),
                "not_due": self.tr("Due later"), "no_data": self.tr("No data")}.get(status, status)

    # ------------------------------------------------------------------ language
    def title(self) -> str:
        return self.tr("Plan targets")

    def subtitle(self) -> str:
        return self.tr("The 2007–2009 service-quality plan: each target against the year's actual")

    def retranslateUi(self) -> None:
        super().retranslateUi()
        self.year_label.setText(self.tr("Year:"))
        swatch = '<span style="background:{bg};">&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;{text}'
        self.legend.setText("&nbsp;&nbsp;&nbsp;".join(
            swatch.format(bg=STATUS_COLOURS[s][1], text=self._status_text(s)) for s in ("met", "near", "behind", "not_due", "no_data")))
        self.model.retranslate()
        if self.rows:
            self._draw(self.table.currentIndex().row())

    # ------------------------------------------------------------------ data
    def set_scope(self, scope) -> None:
        if self.scope is None or scope.period[:4] != self.scope.period[:4]:
            self.year_spin.blockSignals(True)
            self.year_spin.setValue(int(scope.period[:4]))
            self.year_spin.blockSignals(False)
        super().set_scope(scope)

    def load_request(self) -> int:
        return self.year_spin.value()

    def load(self, scope, year: int):
        """Worker thread: the dashboard rows of ``year`` (register queries per quarter at bank scale)."""
        return self.ctx.services.evaluation.plan_dashboard(self.ctx.actor, year)

    def show_data(self, rows) -> None:
        self.rows = list(rows)
        self.model.set_rows(self.rows)
        first = next((i for i, t in enumerate(self.rows) if t.trend), 0)
        if self.rows:
            self.table.selectRow(first)
        self._draw(first)

    def target(self, metric: str):
        """The shown row of ``metric`` (tests)."""
        return next((t for t in self.rows if t.metric == metric), None)

    def _draw(self, row: int) -> None:
        figure = self.chart.figure
        figure.clear()
        ax = figure.add_subplot(111)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        t = self.rows[row] if 0 <= row < len(self.rows) else None
        if t is None or not t.trend:
            ax.set_axis_off()
            ax.text(0.5, 0.5, self.tr("No data for this target yet"), ha="center", va="center", color=MUTED,
                    transform=ax.transAxes)
            figure.canvas.draw_idle()
            return
        labels = [p for p, _ in t.trend]
        values = [v for _, v in t.trend]
        colour = STATUS_COLOURS.get(t.status, (MUTED, None))[0]
        ax.plot(range(len(values)), values, marker="o", color=colour, linewidth=2, label=self.tr("Actual"))
        for x, v in enumerate(values):
            ax.annotate(fmt_number(v, 2), (x, v), textcoords="offset points", xytext=(0, 7), ha="center", fontsize=8)
        if t.target is not None:
            ax.axhline(t.target, color="#1f2933", linestyle="--", linewidth=1.2,
                       label=self.tr("Target {year}").format(year=t.target_year))
        if t.final_target is not None and t.final_year != t.target_year:
            ax.axhline(t.final_target, color="#8a96a3", linestyle=":", linewidth=1.2,
                       label=self.tr("Target {year}").format(year=t.final_year))
        ax.set_xticks(range(len(labels)))
        ax.set_xticklabels(labels)
        ax.set_title(_chart_title(t.name, t.unit), loc="left", fontsize=10)
        if t.direction == "lower":
            ax.invert_yaxis()
        ax.grid(axis="y", color="#e6eaee")
        ax.legend(fontsize=8, frameon=False, loc="best")
        figure.canvas.draw_idle()

    # ------------------------------------------------------------------ slots
    def _on_year_spin_value_changed(self, _value: int) -> None:
        self.refresh()

    def _on_table_current_row_changed(self, current, _previous) -> None:
        self._draw(current.row())


__all__ = ["PlanTargetsPage"]
