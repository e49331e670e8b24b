"""投诉 — the complaints page (DESIGN §9.2, §9.3; issue 13 item 5).

A quarter picker (the quarters with complaint registers) and an as-of date, then three tabs:

- **Figures** — §9.2 per branch subtree (客户投诉) and per head-office department (内部投诉 against
  it): received, valid, regulator, closed, on time, overdue, pending, on-time rate;
- **Causes (Pareto)** — a Pareto chart (帕累托图: the causes' counts as bars, most first, with the
  cumulative share as a line; :func:`~qsm_desktop.ui.widgets.chart.draw_pareto`) above the table:
  valid complaints per cause (投诉原因), the causes sorted by count with their share and cumulative
  share, and one column per outlet complained about (the 30 with most complaints; the rest summed
  in one column). Both follow the quarter and the window's unit;
- **Overdue** — every complaint overdue on the date, most days late first.

*Export to Excel* writes the table of the current tab as shown. Layout from
``ui/monitoring_complaints.ui``; data from ``services.complaints`` on a reader thread.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt
from PySide6.QtWidgets import QWidget

from qsm_desktop.domain.i18n import joined
from qsm_desktop.domain.names import shown
from qsm_desktop.domain.normalise import period_end, period_label
from qsm_desktop.ui.errors import report_exception
from qsm_desktop.ui.forms.ui_monitoring_complaints import Ui_MonitoringComplaintsForm
from qsm_desktop.ui.models.table import ALIGN_RIGHT, Column, RowTableModel, fmt_date
from qsm_desktop.ui.style import BAD, GOOD_BG
from qsm_desktop.ui.views.base import Page
from qsm_desktop.ui.views.monitoring.common import (
    can_write,
    export_view,
    fill_combo,
    score_text,
    set_disabled_reason,
    sortable_table,
    term,
)
from qsm_desktop.ui.widgets.chart import ChartCanvas, draw_pareto
from qsm_desktop.ui.widgets.empty_state import empty_state
from qsm_desktop.ui.widgets.page_parts import page_form, unit_subtitle

CTX = "ComplaintTables"
UNIT_COLUMNS = 30
"""Outlet columns of the cause table; outlets beyond them are summed in one column."""
VITAL_FEW = 80.0
"""Cumulative share (percent) up to which causes are marked as the "vital few" (Pareto)."""


@dataclass(frozen=True)
class ComplaintsData:
    """What :meth:`ComplaintsPage.load` fetched: ``quarters`` with registers, the ``period`` and
    ``as_of`` shown, the §9.2 ``stats``, the cause ``table`` and the ``overdue`` list."""

    quarters: list
    period: str
    as_of: dt.date
    stats: Any
    table: Any
    overdue: list


class _CauseModel(RowTableModel):
    """The cause table's model: unit columns carry the unit's name as the header's tooltip."""

    def __init__(self, columns, names: dict[int, str], parent) -> None:
        super().__init__(columns, CTX, parent)
        self._names = names

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt override
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self._names.get(section)
        return super().headerData(section, orientation, role)


class ComplaintsPage(Page):
    """The 投诉 page (``tabs``: *Figures*, *Causes (Pareto)*, *Overdue*)."""

    page_id = "complaints"
    icon_name = "complaints"

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.form, self.ui = page_form(self, self.body, Ui_MonitoringComplaintsForm)
        self.tabs = self.ui.tabs
        self.header_actions.addWidget(self.ui.exportButton)  # the page's action beside its title
        self.data: ComplaintsData | None = None
        self._choice: str | None = None
        self._as_of_for: str | None = None  # the quarter the as-of date was set for
        for label in (self.ui.emptyLabel, self.ui.figuresHint, self.ui.causesHint, self.ui.overdueHint):
            label.setObjectName("hint")

        def figure(key: str, header: str, attr: str) -> Column:
            return Column(key, header, lambda u: getattr(u.figures, attr), align=ALIGN_RIGHT)

        self.figures_model = RowTableModel([
            Column("code", QT_TRANSLATE_NOOP("ComplaintTables", "Code"), lambda u: u.code),
            Column("name", QT_TRANSLATE_NOOP("ComplaintTables", "Unit"), lambda u: u.name),
            Column("type", QT_TRANSLATE_NOOP("ComplaintTables", "Counts"), lambda u: u.type, self._type_text),
            figure("received", QT_TRANSLATE_NOOP("ComplaintTables", "Received"), "received"),
            figure("valid", QT_TRANSLATE_NOOP("ComplaintTables", "Valid"), "valid"),
            figure("regulator", QT_TRANSLATE_NOOP("ComplaintTables", "From the regulator"), "regulator"),
            figure("closed", QT_TRANSLATE_NOOP("ComplaintTables", "Closed"), "closed"),
            figure("on_time", QT_TRANSLATE_NOOP("ComplaintTables", "On time"), "on_time"),
            Column("overdue", QT_TRANSLATE_NOOP("ComplaintTables", "Overdue"), lambda u: u.figures.overdue, align=ALIGN_RIGHT,
                   colour=lambda u: (BAD, None) if u.figures.overdue else (None, None)),
            figure("pending", QT_TRANSLATE_NOOP("ComplaintTables", "Pending"), "pending"),
            Column("rate", QT_TRANSLATE_NOOP("ComplaintTables", "On-time rate %"), lambda u: u.figures.on_time_rate, score_text,
                   ALIGN_RIGHT, sort=lambda v: -1 if v is None else v),
        ], CTX, self)
        sortable_table(self.ui.figuresTable, self.figures_model, stretch=1)
        self.empty = empty_state(self.ui.figuresTable)  # the hint over the table, with the way to fill it
        self.empty.sig_action.connect(lambda: self.sig_page_requested.emit("returns"))
        self.cause_model = _CauseModel([], {}, self)
        self.cause_proxy = sortable_table(self.ui.causeTable, self.cause_model)
        self.cause_chart = ChartCanvas(self.ui.causeChartHost, height=3.4)
        self.ui.causeChartLayout.addWidget(self.cause_chart)
        self.ui.causeSplitter.setStretchFactor(0, 3)
        self.ui.causeSplitter.setStretchFactor(1, 2)
        self.chart_shares: list[float] = []
        """The cumulative shares the Pareto chart last drew (percent; read by the tests)."""
        self.overdue_model = RowTableModel([
            Column("number", QT_TRANSLATE_NOOP("ComplaintTables", "Number"), lambda o: o.number),
            Column("late", QT_TRANSLATE_NOOP("ComplaintTables", "Days late"), lambda o: o.days_late, align=ALIGN_RIGHT,
                   colour=lambda o: (BAD, None)),
            Column("target", QT_TRANSLATE_NOOP("ComplaintTables", "Complained about"), lambda o: f"{o.target} {o.target_name}"),
            Column("deadline", QT_TRANSLATE_NOOP("ComplaintTables", "Deadline"), lambda o: o.deadline, fmt_date),
            Column("closed", QT_TRANSLATE_NOOP("ComplaintTables", "Closed"), lambda o: o.closed, self._closed_text),
            Column("received", QT_TRANSLATE_NOOP("ComplaintTables", "Received"), lambda o: o.received, fmt_date),
            Column("class", QT_TRANSLATE_NOOP("ComplaintTables", "Deadline class"), lambda o: f"{shown(o.class_name)} ({o.days})"),
            Column("category", QT_TRANSLATE_NOOP("ComplaintTables", "Category"), lambda o: o.category, term),
            Column("branch", QT_TRANSLATE_NOOP("ComplaintTables", "Registered by"), lambda o: f"{o.branch} {o.branch_name}"),
            Column("channel", QT_TRANSLATE_NOOP("ComplaintTables", "Channel"), lambda o: shown(o.channel)),
            Column("cause", QT_TRANSLATE_NOOP("ComplaintTables", "Cause"), lambda o: shown(o.cause)),
            Column("summary", QT_TRANSLATE_NOOP("ComplaintTables", "Summary"), lambda o: o.summary or ""),
        ], CTX, self)
        # the number stays whole; the long texts give way first — the summary, the registering branch, the unit
        # complained about (codes first: they stay readable) — then the short words: cause, category, channel,
        # deadline class (in that order, whole in their tooltips), so the list holds at 1366×768 without a sideways
        # scroll (issue 14) and at 150 % category and channel stay readable (user trial)
        # received, deadline class and registering branch start hidden (a right-click on the
        # titles shows them): 12 columns did not fit at 150 % in English
        sortable_table(self.ui.overdueTable, self.overdue_model, keep=(0,), squeeze=(11, 8, 2, 10, 7, 9, 6),
                       hidden=(5, 6, 8))
        self.ui.quarterCombo.currentIndexChanged.connect(self._on_quarter_combo_index_changed)
        self.ui.asOfEdit.dateChanged.connect(self._on_as_of_edit_date_changed)
        self.ui.exportButton.clicked.connect(self._on_export_button_clicked)
        self.tabs.currentChanged.connect(lambda _i: self._update_buttons())
        self.retranslateUi()

    # ================================================================== language
    def title(self) -> str:
        return self.tr("Complaints")

    def subtitle(self) -> str:
        """The window's unit (the page has its own quarter picker and as-of date)."""
        return unit_subtitle(self.scope)

    def retranslateUi(self) -> None:
        super().retranslateUi()
        self.ui.retranslateUi(self.form)
        for model in (self.figures_model, self.overdue_model):
            model.retranslate()
        if self.data is not None:
            self.show_data(self.data)

    def _type_text(self, unit_type: str) -> str:
        if unit_type == "总行部门":
            return self.tr("internal complaints against it")
        return self.tr("customer complaints in its subtree")

    def _closed_text(self, closed: dt.date | None) -> str:
        return closed.isoformat() if closed else self.tr("open")

    # ================================================================== loading
    def set_scope(self, scope) -> None:
        if self.scope is None or scope.period != self.scope.period:
            self._choice = None
        super().set_scope(scope)

    def as_of(self) -> dt.date:
        """The date the figures are computed for."""
        d = self.ui.asOfEdit.date()
        return dt.date(d.year(), d.month(), d.day())

    def set_as_of(self, day: dt.date) -> None:
        """Compute the figures as of ``day`` (reloads)."""
        self.ui.asOfEdit.setDate(QDate(day.year, day.month, day.day))

    def load_request(self) -> Any:
        return self._choice, (self.as_of() if self._as_of_for else None), self._as_of_for

    def load(self, scope, request) -> ComplaintsData:
        """Worker: the quarters with registers, then the chosen quarter's figures, causes and overdue list."""
        choice, as_of, as_of_for = request
        svc, actor = self.ctx.services.complaints, self.ctx.actor
        quarters = svc.quarters(actor)
        if choice:
            period = choice
        elif scope.period in quarters or not quarters:
            period = scope.period
        else:
            period = quarters[0]
        if "Q" not in period:
            return ComplaintsData(quarters, period, as_of or dt.date.today(), None, None, [])
        if as_of is None or as_of_for != period:
            as_of = min(period_end(period), dt.date.today())
        return ComplaintsData(quarters, period, as_of, svc.stats(actor, period, as_of, scope.unit_code),
                              svc.cause_table(actor, period, scope.unit_code),
                              svc.overdue(actor, period, as_of, scope.unit_code))

    def show_data(self, data: ComplaintsData) -> None:
        self.data = data
        items = [(period_label(p), p) for p in data.quarters]
        if data.period not in data.quarters and "Q" in data.period:
            items.insert(0, (self.tr("{period} · no registers").format(period=period_label(data.period)), data.period))
        fill_combo(self.ui.quarterCombo, items, data.period)
        self._as_of_for = data.period
        self.ui.asOfEdit.blockSignals(True)
        self.set_as_of(data.as_of)
        self.ui.asOfEdit.blockSignals(False)
        units = list(data.stats.units) if data.stats else []
        self.figures_model.set_rows(units)
        self._show_causes(data.table)
        self.overdue_model.set_rows(data.overdue)
        received = data.table.total if data.table else 0
        empty = not data.table or not any(u.figures.received for u in units)
        self._empty = empty
        self.ui.emptyLabel.setVisible(False)  # the text is shown over the table (self.empty), with its button
        self.ui.emptyLabel.setText(self.tr(
            "No complaints registered for {period} in this unit: import the branches' complaint registers on the "
            "Returns page.").format(period=period_label(data.period)))
        self.empty.set_hint(self.ui.emptyLabel.text(), self.tr("Open the Returns page"), enabled=can_write(self.ctx),
                            reason=self.tr("Your role does not import returns."), empty=empty)
        self.ui.summaryLabel.setText(self.tr("{valid} valid customer complaints · {overdue} overdue on {date}").format(
            valid=received, overdue=len(data.overdue), date=data.as_of.isoformat()))
        self.ui.figuresHint.setText(self.tr(
            "As of {date}. On time = valid, closed within its deadline class; overdue = closed late or open past "
            "the deadline; pending = open, deadline not passed. On-time rate = on time ÷ (valid − pending).").format(
            date=data.as_of.isoformat()))
        self.ui.overdueHint.setText(
            self.tr("%n complaint(s) overdue on {date}, most days late first.", "", len(data.overdue)).format(
                date=data.as_of.isoformat())
            if data.overdue else self.tr("No complaint is overdue on {date}.").format(date=data.as_of.isoformat()))
        self._update_buttons()

    def _show_causes(self, table) -> None:
        """Rebuild the cause table's columns for ``table`` (the outlets differ per quarter and unit)."""
        vital = lambda r: (None, GOOD_BG) if r.pareto.cumulative is not None and (  # noqa: E731
            r.pareto.cumulative - (r.pareto.share or 0) < VITAL_FEW) else (None, None)
        columns = [
            Column("rank", QT_TRANSLATE_NOOP("ComplaintTables", "Rank"), lambda r: r.pareto.rank, align=ALIGN_RIGHT),
            Column("cause", QT_TRANSLATE_NOOP("ComplaintTables", "Cause"), lambda r: shown(r.cause), colour=vital),
            Column("count", QT_TRANSLATE_NOOP("ComplaintTables", "Valid complaints"), lambda r: r.count, align=ALIGN_RIGHT),
            Column("share", QT_TRANSLATE_NOOP("ComplaintTables", "Share %"), lambda r: r.pareto.share, score_text, ALIGN_RIGHT),
            Column("cumulative", QT_TRANSLATE_NOOP("ComplaintTables", "Cumulative %"), lambda r: r.pareto.cumulative, score_text,
                   ALIGN_RIGHT, colour=vital),
        ]
        names: dict[int, str] = {}
        units = list(table.units) if table else []
        for code, name, total in units[:UNIT_COLUMNS]:
            names[len(columns)] = f"{code} {name}: {total}"
            columns.append(Column(f"unit:{code}", code, lambda r, c=code: r.by_unit.get(c) or None,
                                  lambda v: "" if v is None else str(v), ALIGN_RIGHT, sort=lambda v: v or 0))
        rest = [code for code, _name, _total in units[UNIT_COLUMNS:]]
        if rest:
            names[len(columns)] = joined(rest)
            columns.append(Column("other", self.tr("Other outlets ({n})").format(n=len(rest)),
                                  lambda r: sum(r.by_unit.get(c, 0) for c in rest) or None,
                                  lambda v: "" if v is None else str(v), ALIGN_RIGHT, sort=lambda v: v or 0))
        self.cause_model = _CauseModel(columns, names, self)
        self.cause_model.set_rows(list(table.rows) if table else [])
        self.cause_proxy.setSourceModel(self.cause_model)
        self.ui.causeTable.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self._draw_chart(table)
        self.ui.causesHint.setText(self.tr(
            "Valid customer complaints of {period} by cause, most frequent first; the shaded causes make up the first "
            "{vital}% (the vital few). Columns: the outlets complained about, most complaints first (hover a code "
            "for its name).").format(period=period_label(self.data.period), vital=int(VITAL_FEW))
            if table and table.rows else self.tr("No valid complaint in {period}.").format(
            period=period_label(self.data.period)))

    def _draw_chart(self, table) -> None:
        """Draw the Pareto chart of ``table``'s causes (bars: valid complaints; line: cumulative share)."""
        rows = list(table.rows) if table else []
        self.chart_shares = draw_pareto(
            self.cause_chart.figure, [shown(r.cause) for r in rows], [r.count for r in rows],
            count_label=self.tr("Valid complaints"), cumulative_label=self.tr("Cumulative share of complaints"),
            other_label=self.tr("Other causes ({n})"),
            empty_text=self.tr("No valid complaint in {period}.").format(period=period_label(self.data.period)),
            vital=VITAL_FEW)

    def _update_buttons(self) -> None:
        view = self._current_view()
        nothing = getattr(self, "_empty", True) or not view.model().rowCount()
        set_disabled_reason(self.ui.exportButton, self.tr("Nothing to export.") if nothing else None,
                            self.tr("Write the table on screen to an Excel workbook."))

    def _current_view(self):
        return {self.ui.causesTab: self.ui.causeTable, self.ui.overdueTab: self.ui.overdueTable}.get(
            self.tabs.currentWidget(), self.ui.figuresTable)

    # ================================================================== actions
    def export_to(self, path: Path):
        """Write the table of the current tab, as shown, to ``path`` (task handle)."""
        what = self.tabs.tabText(self.tabs.currentIndex())
        title = self.tr("Complaints {period}, as of {date} — {unit}: {what}").format(
            period=period_label(self.data.period), date=self.data.as_of.isoformat(),
            unit=f"{self.scope.unit_name} ({self.scope.unit_code})", what=what)
        return export_view(self, self._current_view(), path, title=title, sheet=what,
                           task_title=self.tr("Exporting the table"))

    # ================================================================== slots
    def _on_quarter_combo_index_changed(self, _index: int) -> None:
        period = self.ui.quarterCombo.currentData()
        if period and self.data and period != self.data.period:
            self._choice = period
            self.refresh()

    def _on_as_of_edit_date_changed(self, _date) -> None:
        if self.data is not None:
            self.refresh()

    def _on_export_button_clicked(self) -> None:
        if self.data is None:
            return
        path = self.ask_export_path(self.tr("Export the table"), self.tr("complaints_{period}_{unit}.xlsx").format(
            period=self.data.period, unit=self.scope.unit_code), self.tr("Excel workbook (*.xlsx)"))
        if path:
            try:
                self.export_to(path)
            except Exception as exc:
                report_exception(exc, self)
