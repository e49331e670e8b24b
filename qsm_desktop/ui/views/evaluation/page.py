"""综合评价 — the quarter's scores and rankings, each score's explanation, publication, PDF reports.

Over ``services.evaluation`` (DESIGN §4):

- a period picker (the quarters with evaluation inputs or scores; it follows the window's period);
  the status of the quarter (draft / published / published as incomplete / not computed);
- one ranking table per unit type (branches, head-office departments): rank, unit, total, grade
  (tinted by band), change against the previous quarter, and what is missing;
- the drill-down of the selected unit: every indicator with its value, target, weight, points and
  the reason for lost points; selecting one shows the whole explanation (value → rule → points)
  and where the value came from (file!sheet!cell of each return, the register, or the manual
  entry's reason); *Enter value…* corrects a quarterly or manual value with a reason (audited);
- *Compute* (re)scores the quarter from the current inputs (a draft); *Publish…* freezes it —
  offered as incomplete only with an explicit tick and a reason; *Unit report…*, *Bank-wide
  report…* and *All reports…* write the PDFs on a worker with progress and cancel.

The publication and manual-value dialogs are in :mod:`.dialogs`.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSplitter,
    QTableView, QTabWidget, QTextBrowser, QVBoxLayout, QWidget,
)

from qsm_desktop.domain.i18n import get_language, render_text
from qsm_desktop.domain.indicators import UNIT_TYPE_BRANCH, UNIT_TYPE_DEPARTMENT, fmt_number
from qsm_desktop.domain.indicators.numbers import with_unit
from qsm_desktop.domain.names import shown
from qsm_desktop.domain.normalise import period_label
from qsm_desktop.ui.widgets.period_combo import select_period
from qsm_desktop.ui.models.table import ALIGN_CENTER, ALIGN_RIGHT, Column, RowTableModel
from qsm_desktop.ui.style import BAD, GOOD, MUTED, icon
from qsm_desktop.ui.views.base import Page
from qsm_desktop.ui.views.evaluation.dialogs import PublishDialog, ValueDialog
from qsm_desktop.ui.widgets.tables import fit_columns, read_only

CONTEXT = "EvaluationPage"
GRADE_BG = {"优秀": "#DCEFE3", "良好": "#DDE8F6", "合格": "#FBF1D6", "待改进": "#F6DEDE"}
"""Grade band tints (the same as the PDF reports' charts)."""


def _signed(value: float | None) -> str:
    if value is None:
        return "—"
    text = f"{value:+.2f}"
    return "0.00" if text in ("+0.00", "-0.00") else text


def _change_colour(value: float | None) -> str | None:
    if value is None or abs(value) < 0.005:
        return MUTED
    return GOOD if value > 0 else BAD


def _value_text(item) -> str:
    """The value as the reports print it (issue 14: 87.69分, not 87.6944分; a count 4件, a rank 3);
    the explanation below keeps the exact source values."""
    if item.value is None:
        return "—"
    unit = item.indicator.unit
    if unit == "名":
        return f"{fmt_number(item.value)}"
    return with_unit(item.value, unit, get_language())


RANKING_GRADE = 4
"""The ranking's grade column (等级): never elided."""
RANKING_MISSING = 6
"""The ranking's missing-inputs column (缺数): shown only when a unit of the tab lacks an input."""
INDICATOR_EXPLANATION = 5
"""The indicator table's explanation column (得分说明 / 失分原因): elided first, whole below the table."""
TABLE_ROWS_KEPT = 4
"""Rows of the indicator table kept in view when the explanation below it grows to its text."""
SPLITTER_LINES = 22
"""The ranking | drill-down splitter is never lower than this many lines of text (a 1366×768 screen at
125 % scrolls the page a little rather than leave the explanation three lines)."""


class _RankingModel(RowTableModel):
    """Rows are domain ``UnitScore`` s; unranked (incomplete) rows in grey italics."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.FontRole and index.isValid() and self.row_object(index.row()).rank is None:
            font = QFont()
            font.setItalic(True)
            return font
        return super().data(index, role)


class EvaluationPage(Page):
    """The 综合评价 page."""

    page_id = "evaluation"
    icon_name = "evaluation"

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.result = None
        self._period = ""
        self._dialog: QDialog | None = None
        # --- bar
        bar = QHBoxLayout()
        self.period_label_widget = QLabel(self)
        bar.addWidget(self.period_label_widget)
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("evaluationPeriod")
        self.period_combo.setMinimumContentsLength(12)
        bar.addWidget(self.period_combo)
        bar.addStretch(1)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("hint")
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.status_label.setWordWrap(True)
        self.compute_button = QPushButton(icon("refresh"), "", self)
        self.publish_button = QPushButton(self)
        self.publish_button.setObjectName("primary")
        self.unit_report_button = QPushButton(icon("export"), "", self)
        self.period_report_button = QPushButton(icon("export"), "", self)
        self.all_reports_button = QPushButton(icon("folder"), "", self)
        for button in (self.compute_button, self.publish_button, self.unit_report_button, self.period_report_button,
                       self.all_reports_button):
            self.header_actions.addWidget(button)  # beside the title, where the quarter picker leaves room (1093 px at 125 %)
        self.body.addLayout(bar)
        self.body.addWidget(self.status_label)
        # --- ranking | drill-down
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.tabs = QTabWidget(splitter)
        self.tabs.setObjectName("rankingTabs")
        self.models: dict[str, _RankingModel] = {}
        self.tables: dict[str, QTableView] = {}
        for unit_type in (UNIT_TYPE_BRANCH, UNIT_TYPE_DEPARTMENT):
            model = _RankingModel(self._ranking_columns(), CONTEXT, self)
            table = QTableView(self.tabs)
            table.setObjectName(f"ranking_{'branches' if unit_type == UNIT_TYPE_BRANCH else 'departments'}")
            table.setModel(model)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.verticalHeader().setVisible(False)
            table.verticalHeader().setDefaultSectionSize(26)
            read_only(table)
            # the unit's name takes the room left; narrow: titles on two lines, the name elided — never the
            # grade ("Needs improvement" was "Needs …" at 150 %)
            fit_columns(table, stretch=2, keep=(RANKING_GRADE,), squeeze=(2,), middle=(2,))  # "交通…分行 (110000)"
            table.selectionModel().currentRowChanged.connect(
                lambda current, _previous, t=unit_type: self._on_ranking_current_row_changed(t, current.row()))
            self.models[unit_type] = model
            self.tables[unit_type] = table
            self.tabs.addTab(table, "")
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        detail = QWidget(splitter)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(8, 0, 0, 0)
        head = QHBoxLayout()
        self.unit_title = QLabel(detail)
        self.unit_title.setObjectName("sectionTitle")
        self.unit_title.setWordWrap(True)
        head.addWidget(self.unit_title, 1)
        self.value_button = QPushButton(detail)
        self.value_button.setEnabled(False)
        head.addWidget(self.value_button)
        detail_layout.addLayout(head)
        self.unit_summary = QLabel(detail)
        self.unit_summary.setTextFormat(Qt.TextFormat.RichText)
        self.unit_summary.setWordWrap(True)
        detail_layout.addWidget(self.unit_summary)
        inner = QSplitter(Qt.Orientation.Vertical, detail)
        self.indicator_model = RowTableModel(self._indicator_columns(), CONTEXT, self)
        self.indicator_table = QTableView(inner)
        self.indicator_table.setObjectName("indicatorScores")
        self.indicator_table.setModel(self.indicator_model)
        self.indicator_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.indicator_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.indicator_table.verticalHeader().setVisible(False)
        self.indicator_table.setWordWrap(False)
        read_only(self.indicator_table)
        # the explanation (last) takes the room left; narrow: texts elided (whole below and in the tooltip),
        # the explanation and then the indicator's name give way — the figures stay in view at 150 %
        fit_columns(self.indicator_table, squeeze=(INDICATOR_EXPLANATION, 0))
        self.indicator_table.selectionModel().currentRowChanged.connect(self._on_indicator_current_row_changed)
        self.explanation = QTextBrowser(inner)
        self.explanation.setObjectName("explanation")
        self.explanation.setOpenLinks(False)
        inner.addWidget(self.indicator_table)
        inner.addWidget(self.explanation)
        inner.setSizes([380, 170])
        self.detail_splitter = inner  # the explanation gets the height its text needs (_fit_explanation)
        detail_layout.addWidget(inner, 1)
        splitter.addWidget(self.tabs)
        splitter.addWidget(detail)
        splitter.setSizes([600, 640])  # the ranking (its empty "Missing" hidden) and the drill-down's figures in view at 150 %
        # the ranking and the drill-down take the height the page has, not their preferred height:
        # the page does not scroll (the explanation's last lines were below its fold at 150 %)
        splitter.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        splitter.setMinimumHeight(self.fontMetrics().height() * SPLITTER_LINES)
        self.body.addWidget(splitter, 1)
        self.missing_label = QLabel(self)
        self.missing_label.setObjectName("hint")
        self.missing_label.setWordWrap(True)
        self.missing_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(self.missing_label)
        # --- signals
        self.period_combo.currentIndexChanged.connect(self._on_period_combo_index_changed)
        self.compute_button.clicked.connect(self._on_compute_button_clicked)
        self.publish_button.clicked.connect(self._on_publish_button_clicked)
        self.unit_report_button.clicked.connect(self._on_unit_report_button_clicked)
        self.period_report_button.clicked.connect(self._on_period_report_button_clicked)
        self.all_reports_button.clicked.connect(self._on_all_reports_button_clicked)
        self.value_button.clicked.connect(self._on_value_button_clicked)
        ctx.offer("eval.action.compute", self.compute_button)  # head office only (DESIGN §6)
        ctx.offer("eval.action.publish", self.publish_button)
        ctx.offer("eval.action.manual", self.value_button)
        self.retranslateUi()

    # ------------------------------------------------------------------ columns
    def _ranking_columns(self) -> list[Column]:
        def grade_colour(u):
            return (None, GRADE_BG.get(u.grade or "", None))

        return [
            Column("rank", QT_TRANSLATE_NOOP("EvaluationPage", "Rank"), lambda u: u.rank, lambda v: "—" if v is None else str(v), ALIGN_CENTER,
                   sort=lambda v: 10_000 if v is None else v),
            Column("code", QT_TRANSLATE_NOOP("EvaluationPage", "Code"), lambda u: u.code),
            Column("name", QT_TRANSLATE_NOOP("EvaluationPage", "Unit"), lambda u: u.name),
            Column("total", QT_TRANSLATE_NOOP("EvaluationPage", "Total"), lambda u: u.total, lambda v: f"{v:.2f}", ALIGN_RIGHT),
            Column("grade", QT_TRANSLATE_NOOP("EvaluationPage", "Grade"), lambda u: u.grade, self._grade_text, ALIGN_CENTER, colour=grade_colour),
            Column("change", QT_TRANSLATE_NOOP("EvaluationPage", "Change"), lambda u: u.change, _signed, ALIGN_RIGHT,
                   sort=lambda v: -10_000 if v is None else v, colour=lambda u: (_change_colour(u.change), None)),
            Column("missing", QT_TRANSLATE_NOOP("EvaluationPage", "Missing"), lambda u: len(u.problems), lambda v: "" if not v else str(v),
                   ALIGN_CENTER, colour=lambda u: (BAD if u.problems else None, None),
                   tooltip=lambda u: "\n".join(p.message() for p in u.problems)),
        ]

    def _indicator_columns(self) -> list[Column]:
        def points_colour(item):
            if item.points is None:
                return (BAD, None)
            lost = item.explanation is not None and item.explanation.lost > 0.005
            return (BAD if lost else GOOD, None)

        def reason(item):
            if item.problem is not None:
                return item.problem.message()
            why = item.explanation.loss_reason() if item.explanation is not None else None
            return why or self.tr("Full points")

        return [
            Column("indicator", QT_TRANSLATE_NOOP("EvaluationPage", "Indicator"), lambda i: f"{i.code} {i.indicator.shown_name()}"),
            Column("value", QT_TRANSLATE_NOOP("EvaluationPage", "Value"), lambda i: i, _value_text, ALIGN_RIGHT, sort=lambda i: i.value or 0.0),
            Column("target", QT_TRANSLATE_NOOP("EvaluationPage", "Target"), lambda i: i.indicator.target_text(), align=ALIGN_CENTER),
            Column("weight", QT_TRANSLATE_NOOP("EvaluationPage", "Weight"), lambda i: i.indicator.weight, lambda v: fmt_number(v), ALIGN_RIGHT),
            Column("points", QT_TRANSLATE_NOOP("EvaluationPage", "Points"), lambda i: i.points, lambda v: "—" if v is None else f"{v:.2f}", ALIGN_RIGHT,
                   sort=lambda v: -1.0 if v is None else v, colour=points_colour),
            Column("reason", QT_TRANSLATE_NOOP("EvaluationPage", "Explanation / points lost"), reason, tooltip=lambda i: render_text(i.origin)),
        ]

    # ------------------------------------------------------------------ language
    def title(self) -> str:
        return self.tr("Comprehensive evaluation")

    def nav_title(self) -> str:
        return self.tr("Evaluation")

    def _grade_text(self, grade: str | None) -> str:
        """A grade in the window's language (``—`` for none)."""
        if not grade:
            return "—"
        return self.result.system.grade_name(grade) if self.result is not None else shown(grade)

    def subtitle(self) -> str:
        if self.result is None:
            return self.tr("Scores and rankings of the quarter (DESIGN §4)")
        return self.tr("{period} · {system}").format(period=period_label(self.result.period),
                                                     system=self.result.system.shown_label())

    def retranslateUi(self) -> None:
        super().retranslateUi()
        self.period_label_widget.setText(self.tr("Quarter:"))
        self.compute_button.setText(self.tr("Compute"))
        self.compute_button.setToolTip(self.tr("Score the quarter again from the current returns and registers"))
        self.publish_button.setText(self.tr("Publish…"))
        self.unit_report_button.setText(self.tr("Unit report…"))
        self.period_report_button.setText(self.tr("Bank-wide report…"))
        self.all_reports_button.setText(self.tr("All reports…"))
        self.value_button.setText(self.tr("Enter value…"))
        self.tabs.setTabText(0, self.tr("Branches"))
        self.tabs.setTabText(1, self.tr("Head-office departments"))
        for model in (*self.models.values(), self.indicator_model):
            model.retranslate()
        for i in range(self.period_combo.count()):
            self.period_combo.setItemText(i, period_label(self.period_combo.itemData(i)))
        self._show_status()
        self._show_unit()

    # ------------------------------------------------------------------ data
    def period(self) -> str:
        """The quarter shown (``'2007Q4'``)."""
        return self.period_combo.currentData() or ""

    def _fill_periods(self) -> None:
        services, actor = self.ctx.services, self.ctx.actor
        periods = services.evaluation.input_periods(actor)
        wanted = self.scope.period if self.scope is not None and "Q" in self.scope.period else ""
        options = sorted(set(periods) | ({wanted} if wanted else set()), reverse=True)
        current = self._period if self._period in options else (wanted if wanted in periods else
                                                                 (periods[-1] if periods else wanted))
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for p in options:
            self.period_combo.addItem(period_label(p), p)
        index = self.period_combo.findData(current)
        self.period_combo.setCurrentIndex(max(index, 0))
        self.period_combo.blockSignals(False)

    def set_scope(self, scope) -> None:
        if self.scope is not None and scope.period != self.scope.period:
            self._period = ""  # follow the window's period
        super().set_scope(scope)

    def set_period(self, period: str) -> None:
        """Show ``period`` (added to the list when missing) and load it."""
        select_period(self.period_combo, period)
        self._period = period
        self.refresh()

    def reload(self) -> None:
        from qsm_desktop.domain.errors import InputRefused

        self._fill_periods()
        period = self.period()
        self._period = period
        self.result = None
        self._not_computed = False
        if period:
            try:
                self.result = self.ctx.services.evaluation.scores(self.ctx.actor, period)
            except InputRefused:
                self._not_computed = True
        self._show_result()

    def _show_result(self) -> None:
        result = self.result
        for unit_type, model in self.models.items():
            rows = result.scores.of_type(unit_type) if result is not None else []
            model.set_rows(rows)
            # a complete quarter has no missing inputs: the empty column gives its room to the units' names
            self.tables[unit_type].setColumnHidden(RANKING_MISSING, not any(u.problems for u in rows))
        self.subtitle_label.setText(self.subtitle())
        self._show_status()
        table = self.tables[UNIT_TYPE_BRANCH if self.tabs.currentIndex() == 0 else UNIT_TYPE_DEPARTMENT]
        if table.model().rowCount():
            table.selectRow(0)
        self._show_unit()
        lines = result.problem_lines() if result is not None else []
        if lines:
            shown = lines[:8]
            more = len(lines) - len(shown)
            text = self.tr("Missing inputs ({count}) — these units get no grade and no rank:").format(count=len(lines))
            self.missing_label.setText(text + "\n" + "\n".join("• " + s for s in shown)
                                       + (("\n" + self.tr("… and {n} more").format(n=more)) if more > 0 else ""))
        else:
            self.missing_label.setText("")
        published = result is not None and result.published
        self.publish_button.setEnabled(result is not None and not published)
        self.compute_button.setEnabled(bool(self.period()) and not published)
        # a draft's report computes the quarter afresh (head office's act): others print published ones
        printable = result is not None and (published or self.ctx.may("eval.action.compute"))
        for button in (self.unit_report_button, self.period_report_button, self.all_reports_button):
            button.setEnabled(printable)

    def _show_status(self) -> None:
        result = self.result
        if result is None:
            text = self.tr("Not computed yet: press Compute.") if getattr(self, "_not_computed", False) and self.period() \
                else self.tr("No evaluation inputs yet: import quarterly and internal-service returns.")
            colour = MUTED
        elif result.published:
            text = (self.tr("Published as incomplete on {date} by {who}") if result.accepted_incomplete
                    else self.tr("Published on {date} by {who}")).format(
                date=result.published_at.strftime("%Y-%m-%d") if result.published_at else "", who=result.published_by or "")
            colour = GOOD
        elif not self.ctx.may("eval.action.publish"):
            # a draft is head office's working copy: who cannot publish is not told the bank's state
            # (complete, ready to publish), only that her units' scores are not final (DESIGN §6)
            text = self.tr("Draft, not yet published by head office — computed {date}; your units' scores may "
                           "still change").format(
                date=result.computed_at.strftime("%Y-%m-%d") if result.computed_at else "")
            colour = MUTED
        elif result.complete:
            text = self.tr("Draft, complete — computed {date} by {who}; ready to publish").format(
                date=result.computed_at.strftime("%Y-%m-%d %H:%M") if result.computed_at else "", who=result.computed_by or "")
            colour = "#1f4e79"
        else:
            text = self.tr("Draft, incomplete — computed {date} by {who}").format(
                date=result.computed_at.strftime("%Y-%m-%d %H:%M") if result.computed_at else "", who=result.computed_by or "")
            colour = BAD
        self.status_label.setText(f'<span style="color:{colour};">{text}</span>')

    def selected_unit(self):
        """The ``UnitScore`` selected in the visible ranking (or ``None``)."""
        unit_type = UNIT_TYPE_BRANCH if self.tabs.currentIndex() == 0 else UNIT_TYPE_DEPARTMENT
        table = self.tables[unit_type]
        row = table.currentIndex().row()
        model = self.models[unit_type]
        return model.row_object(row) if 0 <= row < model.rowCount() else None

    def select_unit(self, code: str) -> bool:
        """Select unit ``code`` in its ranking (switching tabs); False when it is not shown."""
        for i, unit_type in enumerate((UNIT_TYPE_BRANCH, UNIT_TYPE_DEPARTMENT)):
            model = self.models[unit_type]
            for row in range(model.rowCount()):
                if model.row_object(row).code == code:
                    self.tabs.setCurrentIndex(i)
                    self.tables[unit_type].selectRow(row)
                    self._show_unit()
                    return True
        return False

    def _show_unit(self) -> None:
        unit = self.selected_unit()
        if unit is None:
            self.unit_title.setText("")
            self.unit_summary.setText("")
            self.indicator_model.set_rows([])
            self.explanation.clear()
            self.value_button.setEnabled(False)
            return
        self.unit_title.setText(f"{unit.name} ({unit.code})")
        peers = [u for u in self.result.scores.of_type(unit.unit_type) if u.rank is not None]
        rank = self.tr("{rank} of {count}").format(rank=unit.rank, count=len(peers)) if unit.rank else "—"
        grade = self._grade_text(unit.grade)
        bg = GRADE_BG.get(unit.grade or "", "#eeeeee")
        parts = [
            self.tr("Total <b>{total}</b>").format(total=f"{unit.total:.2f}"),
            self.tr("grade <span style='background:{bg};'>&nbsp;{grade}&nbsp;</span>").format(bg=bg, grade=grade),
            self.tr("rank {rank}").format(rank=rank),
            self.tr("change {change}").format(change=_signed(unit.change)),
        ]
        missing = self.result.missing_for(unit.code)
        if missing:
            parts.append(f"<span style='color:{BAD};'>" + "；".join(render_text(m.message) for m in missing) + "</span>")
        self.unit_summary.setText(" · ".join(parts))
        self.indicator_model.set_rows(list(unit.indicators))
        if unit.indicators:
            self.indicator_table.selectRow(0)
        self._show_explanation()

    def selected_indicator(self):
        row = self.indicator_table.currentIndex().row()
        return self.indicator_model.row_object(row) if 0 <= row < self.indicator_model.rowCount() else None

    def explanation_text(self) -> str:
        """The plain text of the explanation panel (tests)."""
        return self.explanation.toPlainText()

    def select_indicator(self, code: str) -> bool:
        """Select indicator ``code`` of the selected unit (its explanation is shown); False when absent."""
        for row in range(self.indicator_model.rowCount()):
            if self.indicator_model.row_object(row).code == code:
                self.indicator_table.selectRow(row)
                self._show_explanation()
                return True
        return False

    def extra_screenshots(self):
        """States pictured besides the page's tabs (``--screenshot``): ``explanation`` — the first
        branch, in the newest computed quarter that has one, whose A02 comes from the finalised
        mystery-visit register, with A02's explanation shown (issues 13 and 14). A generator: each
        yielded name is pictured as ``evaluation_<name>.png`` while the state holds; the quarter
        shown before is shown again afterwards."""
        before = self.period()
        try:
            for period in [self.period_combo.itemData(i) for i in range(self.period_combo.count())]:
                if period != self.period():
                    self.set_period(period)
                code = self._register_a02_unit()
                if code is not None and self.select_unit(code) and self.select_indicator("A02"):
                    yield "explanation"
                    return
        finally:
            if before and self.period() != before:
                self.set_period(before)

    def _register_a02_unit(self) -> str | None:
        """The first branch whose A02 value came from the mystery-visit register (``None``: none)."""
        if self.result is None:
            return None
        for unit in self.result.scores.of_type(UNIT_TYPE_BRANCH):
            item = next((i for i in unit.indicators if i.code == "A02"), None)
            origin = item.origin if item is not None else None
            parts = (origin, *getattr(origin, "parts", ()))
            reported = any(s.role == "reported" for s in self.result.sources.get((unit.code, "A02"), ()))
            if reported or any(getattr(p, "key", "") == "eval.origin.mystery" for p in parts):
                return unit.code  # a result stored before issue 14 has its origin as plain text
        return None

    def _show_explanation(self) -> None:
        from html import escape

        unit, item = self.selected_unit(), self.selected_indicator()
        if unit is None or item is None:
            self.explanation.clear()
            self.value_button.setEnabled(False)
            return
        ind = item.indicator
        head = self.tr("weight {weight}, target {target}").format(weight=fmt_number(ind.weight), target=ind.target_text())
        lines = [f"<b>{escape(ind.code)} {escape(ind.shown_name())}</b> — {escape(head)}"]
        if item.explanation is not None:
            lines.append(escape(item.explanation.describe()))
            reason = item.explanation.loss_reason()
            if reason:
                lines.append(f"<span style='color:{BAD};'>{escape(reason)}</span>")
        elif item.problem is not None:
            lines.append(f"<span style='color:{BAD};'>{escape(item.problem.message())}</span>")
        if item.origin:
            lines.append(escape(self.tr("Source: {origin}").format(origin=render_text(item.origin))))
        details = self.result.sources.get((unit.code, ind.code), ())
        if len(details) > 1:
            lines.append(escape(self.tr("Values read:")))
            lines += [f"&nbsp;&nbsp;{escape(render_text(s.label))} = {fmt_number(s.value, 4) if s.value is not None else '—'}"
                      for s in details]
        self.explanation.setHtml("<br/>".join(lines))
        editable = ind.source in ("quarterly", "manual") and not self.result.published
        self.value_button.setEnabled(editable)
        self._fit_explanation()
        QTimer.singleShot(0, self, self._fit_explanation)  # again once the panel has its final width (not after the page is gone)

    def _fit_explanation(self) -> None:
        """Give the explanation panel the height its text needs, leaving the indicator table its
        header and :data:`TABLE_ROWS_KEPT` rows; the table keeps the rest (issue 14: A02's typed-value
        comparison was below a four-line panel). The splitter can still be dragged."""
        sizes = self.detail_splitter.sizes()
        total = sum(sizes)
        if total <= 0 or not self.explanation.toPlainText():
            return
        document = self.explanation.document()
        document.setTextWidth(self.explanation.viewport().width())
        needed = math.ceil(document.size().height()) + 2 * self.explanation.frameWidth() + 2
        table = self.indicator_table
        kept = (table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
                + TABLE_ROWS_KEPT * table.verticalHeader().defaultSectionSize()
                + table.horizontalScrollBar().sizeHint().height())
        height = max(min(needed, total - kept), self.explanation.minimumSizeHint().height())
        if sizes[1] != height:
            self.detail_splitter.setSizes([total - height, height])

    # ------------------------------------------------------------------ actions (testable without dialogs)
    def compute(self):
        """Score the shown quarter on a worker (a draft); reload when done. Returns the task handle."""
        period, services, actor = self.period(), self.ctx.services, self.ctx.actor
        return self.ctx.tasks.start(
            lambda ctx: services.evaluation.compute(actor, period, progress=ctx.progress),
            title=self.tr("Computing the scores of {period}").format(period=period_label(period)), writes=True,
            parent=self, on_done=self._on_result)

    def publish(self, *, accept_incomplete: bool = False, note: str | None = None):
        """Publish the shown quarter on a worker (refused when incomplete unless accepted)."""
        period, services, actor = self.period(), self.ctx.services, self.ctx.actor
        return self.ctx.tasks.start(
            lambda ctx: services.evaluation.publish(actor, period, accept_incomplete=accept_incomplete, note=note),
            title=self.tr("Publishing {period}").format(period=period_label(period)), writes=True, parent=self,
            on_done=self._on_result)

    def enter_value(self, code: str, value: str, reason: str):
        """Enter a value of the selected unit by hand, then recompute the draft. The version of the
        value shown is passed along: a value someone else changed meanwhile is refused, not overwritten."""
        unit, period, services, actor = self.selected_unit(), self.period(), self.ctx.services, self.ctx.actor
        version = self.result.value_version(unit.code, code) if self.result is not None else None

        def work(ctx):
            services.evaluation.set_manual_value(actor, unit.code, period, code, value, reason, expected_version=version)
            return services.evaluation.compute(actor, period, progress=ctx.progress)

        return self.ctx.tasks.start(work, title=self.tr("Saving the value"), writes=True, parent=self,
                                    on_done=lambda result, c=unit.code: self._on_result(result, select=c))

    def write_unit_report(self, path: Path, unit_code: str | None = None):
        """Write the selected (or given) unit's PDF report on a worker."""
        code = unit_code or self.selected_unit().code
        period, services, actor = self.period(), self.ctx.services, self.ctx.actor
        return self.ctx.tasks.start(
            lambda ctx: services.evaluation.build_unit_report(actor, period, code, path),
            title=self.tr("Writing the report of {unit}").format(unit=code), writes=True, parent=self,
            on_done=lambda _r: self._remember_folder(path.parent))

    def write_period_report(self, path: Path):
        """Write the bank-wide PDF report of the quarter on a worker."""
        period, services, actor = self.period(), self.ctx.services, self.ctx.actor
        return self.ctx.tasks.start(
            lambda ctx: services.evaluation.build_period_report(actor, period, path),
            title=self.tr("Writing the bank-wide report"), writes=True, parent=self,
            on_done=lambda _r: self._remember_folder(path.parent))

    def write_all_reports(self, folder: Path):
        """Write every unit's report and the bank-wide one into ``folder`` (progress, cancel)."""
        period, services, actor = self.period(), self.ctx.services, self.ctx.actor
        return self.ctx.tasks.start(
            lambda ctx: services.evaluation.build_unit_reports(actor, period, folder, progress=ctx.progress,
                                                               cancel=ctx.is_cancelled, with_period_report=True),
            title=self.tr("Writing all reports"), writes=True, parent=self, on_done=lambda _r: self._remember_folder(folder))

    def _remember_folder(self, folder: Path) -> None:
        try:
            self.ctx.settings.update(export_dir=str(folder))
        except (OSError, TypeError):
            pass

    def _on_result(self, result, select: str | None = None) -> None:
        keep = select or (self.selected_unit().code if self.selected_unit() is not None else None)
        self.result = result
        self._fill_periods()
        self._show_result()
        if keep:
            self.select_unit(keep)

    # ------------------------------------------------------------------ slots
    def _default_folder(self) -> str:
        return self.ctx.settings.current.export_dir or str(Path.home())

    def _on_period_combo_index_changed(self, _index: int) -> None:
        self._period = self.period()
        self.refresh()

    def _on_tabs_current_changed(self, index: int) -> None:
        table = self.tables[UNIT_TYPE_BRANCH if index == 0 else UNIT_TYPE_DEPARTMENT]
        if table.currentIndex().row() < 0 and table.model().rowCount():
            table.selectRow(0)
        self._show_unit()

    def _on_ranking_current_row_changed(self, unit_type: str, _row: int) -> None:
        current = UNIT_TYPE_BRANCH if self.tabs.currentIndex() == 0 else UNIT_TYPE_DEPARTMENT
        if unit_type == current:
            self._show_unit()

    def _on_indicator_current_row_changed(self, _current, _previous) -> None:
        self._show_explanation()

    def _on_compute_button_clicked(self) -> None:
        if self.period():
            self.compute()

    def _on_publish_button_clicked(self) -> None:
        if self.result is None:
            return
        problems = [] if self.result.complete else self.result.problem_lines()
        dialog = PublishDialog(self.period(), problems, self)
        self._dialog = dialog

        def accepted() -> None:
            self.publish(accept_incomplete=dialog.accept_incomplete, note=dialog.note)

        dialog.accepted.connect(accepted)
        dialog.open()

    def _on_value_button_clicked(self) -> None:
        unit, item = self.selected_unit(), self.selected_indicator()
        if unit is None or item is None:
            return
        dialog = ValueDialog(unit.name, item.indicator, item.value, self)
        self._dialog = dialog
        dialog.accepted.connect(lambda: self.enter_value(item.code, dialog.value_edit.text(), dialog.reason_edit.text()))
        dialog.open()

    def _on_unit_report_button_clicked(self) -> None:
        unit = self.selected_unit()
        if unit is None:
            return
        from qsm_desktop.reports.evaluation_pdf import unit_report_filename

        path = self.ask_export_path(self.tr("Save the unit report"), unit_report_filename(self.period(), unit),
                                    self.tr("PDF document (*.pdf)"))
        if path is not None:
            self.write_unit_report(path, unit.code)

    def _on_period_report_button_clicked(self) -> None:
        path = self.ask_export_path(self.tr("Save the bank-wide report"),
                                    self.tr("{period}_evaluation_report.pdf").format(period=self.period()),
                                    self.tr("PDF document (*.pdf)"))
        if path is not None:
            self.write_period_report(path)

    def _on_all_reports_button_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for all reports"), self._default_folder())
        if folder:
            self.write_all_reports(Path(folder))


__all__ = ["EvaluationPage"]
