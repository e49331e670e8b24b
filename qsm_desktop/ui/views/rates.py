"""持证率 — certification rates: unit × post category against the plan's targets, on any date.

Rows are the window's unit (its whole subtree, first, in bold) and each of its direct subunits;
columns the five post categories of the plan and all staff. A cell shows the rate (percent,
certified / members in post on the as-of date, DESIGN §3.2) coloured against that year's target
(plan targets: 2007 retail sales 40 %, others 80 %; 2009 all 95 %): green at or above, amber
within 5 points below, red further below. The chart shows the selected row against its targets
and the 2009 target. *Export* writes the table to Excel.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QSplitter,
    QTableView, QWidget,
)

from qsm_desktop.ui.labels import POST_CATEGORIES, POST_CATEGORIES_SHORT, category_names, label
from qsm_desktop.ui.models.table import ALIGN_RIGHT, Column, RowTableModel, fmt_int, fmt_percent
from qsm_desktop.ui.style import BAD_BG, GOOD_BG, WARN_BG, icon, rate_colours
from qsm_desktop.ui.views.base import Page
from qsm_desktop.ui.widgets.chart import ChartCanvas, draw_rates_vs_targets
from qsm_desktop.ui.widgets.date_edit import date_edit
from qsm_desktop.ui.widgets.tables import fit_columns, read_only

FINAL_PLAN_YEAR = 2009


class _RatesModel(RowTableModel):
    """Rows are ``CertRates``; the first row (the unit itself) is bold."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.FontRole and index.isValid() and index.row() == 0:
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)


def _category_column(code: str) -> Column:
    def value(rates):
        return rates.categories[code].rate

    def tooltip(rates):
        from PySide6.QtCore import QCoreApplication

        r = rates.categories[code]
        target = "–" if r.target is None else f"{r.target:g}%"
        return QCoreApplication.translate("RatesPage", "{certified} of {members} certified; target {target}").format(
            certified=fmt_int(r.certified), members=fmt_int(r.members), target=target)

    return Column(code, POST_CATEGORIES[code], value, fmt_percent, ALIGN_RIGHT,
                  sort=lambda v: -1.0 if v is None else v,
                  colour=lambda rates: rate_colours(rates.categories[code].rate, rates.categories[code].target),
                  tooltip=tooltip)


class RatesPage(Page):
    """The 持证率 page."""

    page_id = "rates"
    icon_name = "rates"

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        bar = QHBoxLayout()
        self.as_of_label = QLabel(self)
        bar.addWidget(self.as_of_label)
        self.as_of_edit = date_edit(self, "asOfEdit")
        bar.addWidget(self.as_of_edit)
        self.legend_label = QLabel(self)
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)
        bar.addSpacing(16)
        bar.addWidget(self.legend_label, 1)
        self.export_button = QPushButton(icon("export"), "", self)
        bar.addWidget(self.export_button)
        self.body.addLayout(bar)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.model = _RatesModel(self._columns(), "Labels", self)
        self.table = QTableView(splitter)
        self.table.setObjectName("ratesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        read_only(self.table)
        self.table.horizontalHeader().setMinimumSectionSize(80)
        fit_columns(self.table, stretch=0)  # each category as wide as its title and target; the unit takes the room left
        self.chart = ChartCanvas(splitter, height=3.0)
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart)
        splitter.setSizes([330, 300])
        self.body.addWidget(splitter, 1)
        self._rows = []
        self._final_targets: dict[str, float | None] = {}
        self.as_of_edit.dateChanged.connect(self._on_as_of_edit_date_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.retranslateUi()

    def _columns(self) -> list[Column]:
        unit = Column("unit", "Unit", lambda r: f"{r.unit_name} ({r.unit})")
        overall = Column("all", "All staff", lambda r: r.all.rate, fmt_percent, ALIGN_RIGHT,
                         sort=lambda v: -1.0 if v is None else v)
        members = Column("members", "Staff in post", lambda r: r.all.members, fmt_int, ALIGN_RIGHT)
        return [unit] + [_category_column(code) for code in POST_CATEGORIES] + [overall, members]

    # ------------------------------------------------------------------ language
    def title(self) -> str:
        return self.tr("Certification rates")

    def nav_title(self) -> str:
        return self.tr("Rates")

    def retranslateUi(self) -> None:
        super().retranslateUi()
        self.as_of_label.setText(self.tr("As of:"))
        self.export_button.setText(self.tr("Export to Excel"))
        swatch = '<span style="background:{bg};">&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;{text}'
        self.legend_label.setText("&nbsp;&nbsp;&nbsp;".join([
            swatch.format(bg=GOOD_BG, text=self.tr("at or above target")),
            swatch.format(bg=WARN_BG, text=self.tr("within 5 points below")),
            swatch.format(bg=BAD_BG, text=self.tr("more than 5 points below")),
        ]))
        self._set_headers()
        self.model.retranslate()
        if self._rows:
            self._draw_chart(self.table.currentIndex().row())

    def headers(self) -> list[str]:
        """Column titles with each category's target of the as-of year (two lines)."""
        out = []
        for i, column in enumerate(self.model.columns()):
            if column.key in POST_CATEGORIES:
                text = label(POST_CATEGORIES_SHORT, column.key)
            else:
                text = {"unit": self.tr("Unit"), "all": self.tr("All staff"), "members": self.tr("Staff in post")}[column.key]
            if column.key in POST_CATEGORIES and self._rows:
                target = self._rows[0].categories[column.key].target
                if target is not None:
                    text += "\n" + self.tr("target {value}%").format(value=f"{target:g}")
            out.append(text)
        return out

    # ------------------------------------------------------------------ data
    def set_scope(self, scope) -> None:
        if self.scope is None or scope.as_of != self.scope.as_of:
            self.as_of_edit.blockSignals(True)
            self.as_of_edit.setDate(QDate(scope.as_of.year, scope.as_of.month, scope.as_of.day))
            self.as_of_edit.blockSignals(False)
        super().set_scope(scope)

    def as_of(self):
        return self.as_of_edit.date().toPython()

    def load_request(self):
        return self.as_of()

    def load(self, scope, as_of):
        """Worker: rates of the unit and of each direct subunit with staff, and the 2009 targets."""
        services, actor = self.ctx.services, self.ctx.actor
        nodes = self.ctx.org_nodes()
        code = scope.unit_code
        rows = []
        if any(n.code == code for n in nodes):
            children = [n.code for n in nodes if n.parent_code == code]
            by_unit = services.certification.rates_by_unit(actor, as_of, [code, *children])
            # subunits without front-line staff (head-office departments) would only add empty rows
            rows = [by_unit[code]] + sorted((by_unit[c] for c in children if by_unit[c].all.members),
                                            key=lambda r: r.unit)
        return rows, services.certification.targets(FINAL_PLAN_YEAR)

    def show_data(self, data) -> None:
        self._rows, self._final_targets = data
        self.model.set_rows(self._rows)
        self._set_headers()
        self.subtitle_label.setText(self.subtitle())
        if self._rows:
            self.table.selectRow(0)
        self._draw_chart(0)

    def _set_headers(self) -> None:
        # RowTableModel translates headers itself; two-line headers with targets are set here
        texts = self.headers()
        self.model.header_overrides = texts
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(texts) - 1)

    def _draw_chart(self, row: int) -> None:
        rates = self._rows[row] if 0 <= row < len(self._rows) else None
        names = [name for _code, name in category_names()] + [self.tr("All staff")]
        if rates is None:
            draw_rates_vs_targets(self.chart.figure, [], [], [], empty_text=self.tr("No staff in this unit yet"))
            return
        codes = list(POST_CATEGORIES)
        draw_rates_vs_targets(
            self.chart.figure, names,
            [rates.categories[c].rate for c in codes] + [rates.all.rate],
            [rates.categories[c].target for c in codes] + [None],
            final_targets=[self._final_targets.get(c) for c in codes] + [None],
            title=self.tr("{unit} — certification rate by post category, as of {date}").format(
                unit=rates.unit_name, date=rates.as_of.isoformat()),
            rate_label=self.tr("Rate"), target_label=self.tr("Target {year}").format(year=rates.as_of.year),
            final_label=self.tr("Target {year}").format(year=FINAL_PLAN_YEAR),
            empty_text=self.tr("No staff in this unit yet"),
            legend_labels=(self.tr("at or above target"), self.tr("within 5 points below"),
                           self.tr("more than 5 points below")))

    def rate_for(self, unit_code: str, category: str = "all"):
        """The displayed :class:`CategoryRate` of ``unit_code`` (tests and tooltips); None when absent."""
        for rates in self._rows:
            if rates.unit == unit_code:
                return rates.all if category == "all" else rates.categories[category]
        return None

    # ------------------------------------------------------------------ slots
    def _on_as_of_edit_date_changed(self, _date: QDate) -> None:
        self.refresh()

    def _on_table_current_row_changed(self, current, _previous) -> None:
        self._draw_chart(current.row())

    def _on_export_button_clicked(self) -> None:
        if not self._rows or self.scope is None:
            return
        path = self.ask_export_path(
            self.tr("Export the rates"),
            self.tr("certification_rates_{unit}_{date}.xlsx").format(unit=self.scope.unit_code, date=self.as_of().isoformat()),
            self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(path)

    def export_to(self, path: Path):
        """Write the table (rates, members, certified, targets) to ``path`` on a worker."""
        codes = list(POST_CATEGORIES)
        headers = [self.tr("Unit"), self.tr("Code")]
        for _code, name in category_names():
            headers += [name + " " + self.tr("rate %"), name + " " + self.tr("target %"),
                        name + " " + self.tr("certified"), name + " " + self.tr("members")]
        headers += [self.tr("All staff rate %"), self.tr("Certified"), self.tr("Staff in post")]
        rows = []
        for r in self._rows:
            row = [r.unit_name, r.unit]
            for c in codes:
                cr = r.categories[c]
                row += [cr.rate, cr.target, cr.certified, cr.members]
            row += [r.all.rate, r.all.certified, r.all.members]
            rows.append(row)
        title = self.tr("Certification rates — {unit}, as of {date}").format(
            unit=f"{self.scope.unit_name} ({self.scope.unit_code})", date=self.as_of().isoformat())
        sheet = self.tr("Rates")
        exports = self.ctx.services.exports
        return self.ctx.tasks.start(
            lambda ctx: exports.write_table(path, sheet=sheet, title=title, headers=headers, rows=rows,
                                            widths=[24, 9] + [10] * (4 * len(codes)) + [12, 10, 10],
                                            progress=ctx.progress),
            title=self.tr("Exporting the rates"), parent=self,
            on_done=lambda _count: self.ctx.settings.update(export_dir=str(path.parent)))

