"""整改措施 — the register of corrective and preventive actions (DESIGN §8.5; issue 13 item 4).

Filters: source, status, branch, and *overdue only* as of a date. Two tabs:

- **Register** — every action of the filter, sortable, overdue ones in red as of the date; the
  selected action's description, the branch's feedback and the verification below;
- **On time per branch** — the §8.5 figures as of the date (due, on time, overdue, open, on-time
  rate) for the window's unit, then each branch below it.

*Verify…* (head office, an action awaiting verification) records effective or ineffective with a
date; *Feedback template…* writes the chosen branch's pre-filled ``capa_feedback`` return (its
open actions) for the window's quarter; *Export to Excel* writes the table on screen. Layout
from ``ui/monitoring_actions.ui``; data from ``services.capa`` on a reader thread.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QWidget

from qsm_desktop.domain.i18n import joined, render_text
from qsm_desktop.domain.normalise import period_label
from qsm_desktop.ui.errors import report_exception
from qsm_desktop.ui.forms.ui_monitoring_actions import Ui_MonitoringActionsForm
from qsm_desktop.ui.models.table import ALIGN_RIGHT, Column, RowTableModel, fmt_date
from qsm_desktop.ui.style import BAD, GOOD, WARN
from qsm_desktop.ui.views.base import Page
from qsm_desktop.ui.views.monitoring.common import (
    ACTION_SOURCES,
    ACTION_STATUSES,
    export_view,
    fill_combo,
    head_office_writer,
    score_text,
    selected_object,
    set_disabled_reason,
    sortable_table,
    term,
)
from qsm_desktop.ui.views.monitoring.dialogs import ActionVerifyDialog
from qsm_desktop.ui.widgets.empty_state import empty_state
from qsm_desktop.ui.widgets.page_parts import page_form, unit_subtitle

CTX = "ActionTables"
STATUS_COLOURS = {"待整改": WARN, "待验证": "#1f4e79", "已关闭": GOOD}


@dataclass(frozen=True)
class ActionFilter:
    """The page's filter: ``source``, ``status``, ``branch`` (codes or ``None`` = all), ``as_of``
    and ``overdue_only``."""

    source: str | None
    status: str | None
    branch: str | None
    as_of: dt.date
    overdue_only: bool


@dataclass(frozen=True)
class ActionsData:
    """What :meth:`ActionsPage.load` fetched: the ``filter``, the ``actions`` and the ``status``
    report (as-of figures)."""

    filter: ActionFilter
    actions: list
    status: Any


class ActionsPage(Page):
    """The 整改措施 page (``tabs``: *Register*, *On time per branch*)."""

    page_id = "actions"
    icon_name = "actions"
    sig_data_changed = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.form, self.ui = page_form(self, self.body, Ui_MonitoringActionsForm)
        self.tabs = self.ui.tabs
        for button in (self.ui.verifyButton, self.ui.templateButton, self.ui.exportButton):
            self.header_actions.addWidget(button)  # the page's actions beside its title
        self.data: ActionsData | None = None
        today = dt.date.today()
        self.ui.asOfEdit.setDate(QDate(today.year, today.month, today.day))
        self._as_of_chosen = False  # the user set the date: a new window period keeps it
        self.ui.emptyLabel.setObjectName("hint")
        self.ui.figuresHint.setObjectName("hint")

        def overdue_colour(a):
            as_of = self._as_of()
            if a.state.is_due(as_of) and not a.state.on_time(as_of):
                return (BAD, None)
            return (None, None)

        self.action_model = RowTableModel([
            Column("number", QT_TRANSLATE_NOOP("ActionTables", "Number"), lambda a: a.number, colour=overdue_colour),
            Column("source", QT_TRANSLATE_NOOP("ActionTables", "Source"), lambda a: a.source, term),
            Column("type", QT_TRANSLATE_NOOP("ActionTables", "Type"), lambda a: a.type, term),
            Column("reason", QT_TRANSLATE_NOOP("ActionTables", "Reason"), lambda a: a.reason, term),
            Column("unit", QT_TRANSLATE_NOOP("ActionTables", "Unit"), lambda a: f"{a.org} {a.org_name}"),
            Column("branch", QT_TRANSLATE_NOOP("ActionTables", "Branch"), lambda a: a.branch),
            Column("from", QT_TRANSLATE_NOOP("ActionTables", "From"), lambda a: a.item or joined(a.complaints)),
            Column("period", QT_TRANSLATE_NOOP("ActionTables", "Raised for"), lambda a: a.period),
            Column("due", QT_TRANSLATE_NOOP("ActionTables", "Due date"), lambda a: a.due, fmt_date, colour=overdue_colour),
            Column("status", QT_TRANSLATE_NOOP("ActionTables", "Status"), lambda a: a.status, term,
                   colour=lambda a: (STATUS_COLOURS.get(a.status), None)),
            Column("completed", QT_TRANSLATE_NOOP("ActionTables", "Completed"), lambda a: a.completed, fmt_date),
            Column("verified", QT_TRANSLATE_NOOP("ActionTables", "Verified"), lambda a: a.verified_on, fmt_date),
            Column("effective", QT_TRANSLATE_NOOP("ActionTables", "Effective"), lambda a: a.effective, self._effective_text),
            Column("description", QT_TRANSLATE_NOOP("ActionTables", "Problem"), lambda a: render_text(a.description)),
        ], CTX, self)
        # 14 columns: the number stays whole; the long texts give way first — the problem, the unit's name, the
        # reason — then the short words a row is scanned by: source, type, status (in that order, whole in their
        # tooltips), so the register holds at 1366×768 without a sideways scroll (issue 14) and at 150 % the source,
        # type and status stay readable (user trial: they were "神…", "corr…", "to be …")
        # branch (in the unit's code), the finding's item, completed and verified start hidden (a
        # right-click on the titles shows them): 14 columns did not fit at 150 % in English
        self.action_proxy = sortable_table(self.ui.actionTable, self.action_model, keep=(0,), squeeze=(13, 4, 3, 1, 2, 9),
                                           hidden=(5, 6, 10, 11))
        self._filtered = False
        for combo, letters in ((self.ui.branchCombo, 10), (self.ui.sourceCombo, 8), (self.ui.statusCombo, 8)):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(letters)  # long names elide; the filter bar fits 1093 px (125 %)
        self.empty = empty_state(self.ui.actionTable)  # the hint over the register, with the way to fill it
        self.empty.sig_action.connect(self._on_empty_action)
        rate_colour = (lambda u: (BAD, None) if u.figures.overdue else (None, None))
        self.figures_model = RowTableModel([
            Column("code", QT_TRANSLATE_NOOP("ActionTables", "Code"), lambda u: u.code),
            Column("name", QT_TRANSLATE_NOOP("ActionTables", "Unit"), lambda u: u.name),
            Column("due", QT_TRANSLATE_NOOP("ActionTables", "Due"), lambda u: u.figures.due, align=ALIGN_RIGHT),
            Column("on_time", QT_TRANSLATE_NOOP("ActionTables", "On time"), lambda u: u.figures.on_time, align=ALIGN_RIGHT),
            Column("overdue", QT_TRANSLATE_NOOP("ActionTables", "Overdue"), lambda u: u.figures.overdue, align=ALIGN_RIGHT,
                   colour=rate_colour),
            Column("open", QT_TRANSLATE_NOOP("ActionTables", "Open"), lambda u: u.figures.open, align=ALIGN_RIGHT),
            Column("rate", QT_TRANSLATE_NOOP("ActionTables", "On-time rate %"), lambda u: u.figures.on_time_rate, score_text,
                   ALIGN_RIGHT, sort=lambda v: -1 if v is None else v),
        ], CTX, self)
        sortable_table(self.ui.figuresTable, self.figures_model, stretch=1)
        for combo in (self.ui.sourceCombo, self.ui.statusCombo, self.ui.branchCombo):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.ui.overdueCheck.toggled.connect(self._on_filter_changed)
        self.ui.asOfEdit.dateChanged.connect(self._on_as_of_edit_date_changed)
        self.ui.actionTable.selectionModel().selectionChanged.connect(self._on_action_table_selection_changed)
        self.ui.verifyButton.clicked.connect(self._on_verify_button_clicked)
        self.ui.templateButton.clicked.connect(self._on_template_button_clicked)
        self.ui.exportButton.clicked.connect(self._on_export_button_clicked)
        self.tabs.currentChanged.connect(lambda _i: self._update_buttons())
        self.retranslateUi()

    # ================================================================== language
    def title(self) -> str:
        return self.tr("Corrective and preventive actions")

    def nav_title(self) -> str:
        return self.tr("Actions")

    def subtitle(self) -> str:
        """The window's unit (the page has its own as-of date)."""
        return unit_subtitle(self.scope)

    def retranslateUi(self) -> None:
        super().retranslateUi()
        self.ui.retranslateUi(self.form)
        fill_combo(self.ui.sourceCombo, [(self.tr("All sources"), None)] + [(term(s), s) for s in ACTION_SOURCES],
                   self.ui.sourceCombo.currentData())
        fill_combo(self.ui.statusCombo, [(self.tr("All statuses"), None)] + [(term(s), s) for s in ACTION_STATUSES],
                   self.ui.statusCombo.currentData())
        self._fill_branches()
        for model in (self.action_model, self.figures_model):
            model.retranslate()
        if self.data is not None:
            self.show_data(self.data)

    def _effective_text(self, value: bool | None) -> str:
        return "" if value is None else (self.tr("yes") if value else self.tr("no"))

    def _fill_branches(self) -> None:
        """The branch filter: every branch in the window's unit (the unit itself when it is one)."""
        unit = self.scope.unit_code if self.scope else None
        branches = [n for n in self.ctx.org_nodes() if n.type == "分行" and (unit is None or f"/{unit}/" in n.path)]
        fill_combo(self.ui.branchCombo, [(self.tr("All branches"), None)] + [(f"{n.code} {n.name}", n.code)
                                                                             for n in branches],
                   self.ui.branchCombo.currentData())

    # ================================================================== loading
    def set_scope(self, scope) -> None:
        """Adopt the window's unit (the branch filter's list follows it) and period; the as-of date
        follows the period — its last day once it is over, today while it runs (``Scope.as_of``, as
        the complaints page and the monitoring report: the trial found this page on today's date
        beside 2007Q4's complaints on 2007-12-31) — until the user picks a date."""
        changed = self.scope is None or scope.unit_code != self.scope.unit_code
        if not self._as_of_chosen:
            day = scope.as_of
            self.ui.asOfEdit.blockSignals(True)
            self.ui.asOfEdit.setDate(QDate(day.year, day.month, day.day))
            self.ui.asOfEdit.blockSignals(False)
        super().set_scope(scope)
        if changed:
            self._fill_branches()

    def _on_as_of_edit_date_changed(self, *_args) -> None:
        self._as_of_chosen = True
        self._on_filter_changed()

    def _as_of(self) -> dt.date:
        d = self.ui.asOfEdit.date()
        return dt.date(d.year(), d.month(), d.day())

    def load_request(self) -> ActionFilter:
        return ActionFilter(self.ui.sourceCombo.currentData(), self.ui.statusCombo.currentData(),
                            self.ui.branchCombo.currentData(), self._as_of(), self.ui.overdueCheck.isChecked())

    def load(self, scope, request: ActionFilter) -> ActionsData:
        """Worker: the filtered register and the as-of figures for the window's unit."""
        svc, actor = self.ctx.services.capa, self.ctx.actor
        actions = svc.list(actor, unit_code=request.branch or scope.unit_code, status=request.status,
                           source=request.source, overdue_as_of=request.as_of if request.overdue_only else None)
        return ActionsData(request, actions, svc.status(actor, request.as_of, scope.unit_code))

    def _on_empty_action(self) -> None:
        """The empty register's button: clear the filters, or go where actions are raised."""
        if not self._filtered:
            self.sig_page_requested.emit("mystery_visits")
            return
        for combo in (self.ui.sourceCombo, self.ui.statusCombo, self.ui.branchCombo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.ui.overdueCheck.blockSignals(True)
        self.ui.overdueCheck.setChecked(False)
        self.ui.overdueCheck.blockSignals(False)
        self.refresh()

    def show_data(self, data: ActionsData) -> None:
        self.data = data
        self.action_model.set_rows(data.actions)
        self.figures_model.set_rows(list(data.status.units))
        f = data.filter
        filtered = any((f.source, f.status, f.branch, f.overdue_only))
        self.ui.emptyLabel.setVisible(False)  # the text is shown over the table (self.empty), with its button
        if not data.actions:
            self.ui.emptyLabel.setText(
                self.tr("No action matches the filter: clear a filter to see the others.") if filtered else
                self.tr("No corrective or preventive action yet: they are raised when the head office finalises a "
                        "quarter on the Mystery visits page (after the agency's 暗访结果 and the branches' complaint "
                        "registers are imported)."))
        self._filtered = filtered
        self.empty.set_hint(self.ui.emptyLabel.text(),
                            self.tr("Clear the filters") if filtered else self.tr("Open the Mystery visits page"))
        self.ui.figuresHint.setText(self.tr(
            "As of {date}: due = due date on or before it; on time = verified effective by then and completed by its "
            "due date; overdue = due and not on time; open = not closed. On-time rate = on time ÷ due.").format(
            date=f.as_of.isoformat()))
        self._show_detail()
        self._update_buttons()

    # ================================================================== what is shown
    def _show_detail(self) -> None:
        a = selected_object(self.ui.actionTable)
        if a is None:
            self.ui.actionDetail.setText(self.tr("%n action(s) listed. Select one to see the branch's feedback.", "",
                                                 self.action_model.rowCount()))
            return
        lines = [f"{a.number} · {term(a.type)} · {term(a.reason)} · {a.org} {a.org_name}", render_text(a.description)]
        if a.visit or a.complaints:
            lines.append(self.tr("From: {what}").format(what=joined(filter(None, [a.visit, *a.complaints]))))
        lines.append(self.tr("Measures: {measures} · responsible: {who} · completed: {completed} · result: {result}").format(
            measures=a.measures or "—", who=a.responsible or "—", completed=fmt_date(a.completed) or "—",
            result=a.result or "—"))
        if a.verified_on:
            lines.append(self.tr("Verified on {date} by {who}: {effective}").format(
                date=a.verified_on.isoformat(), who=a.verified_by or "—",
                effective=self.tr("effective") if a.effective else self.tr("ineffective")))
        self.ui.actionDetail.setText("\n".join(lines))

    def verify_refusal(self, action) -> str | None:
        """Why the acting user cannot verify ``action`` now (``None`` when they can)."""
        if not head_office_writer(self.ctx):
            return self.tr("Only the head office verifies actions.")
        if action is None:
            return self.tr("Select an action awaiting verification.")
        if action.status != "待验证":
            return self.tr("Only an action awaiting verification (the branch reported it completed) can be verified; "
                           "this one is {status}.").format(status=term(action.status))
        return None

    def template_branch(self) -> str | None:
        """The branch whose feedback template the button writes: the branch filter's, else the
        window's unit when it is a branch."""
        code = self.ui.branchCombo.currentData()
        if code:
            return code
        unit = self.scope.unit_code if self.scope else None
        return unit if any(n.code == unit and n.type == "分行" for n in self.ctx.org_nodes()) else None

    def _update_buttons(self) -> None:
        set_disabled_reason(self.ui.verifyButton, self.verify_refusal(selected_object(self.ui.actionTable)),
                            self.tr("Record the head office's verification of the selected action."))
        period = self.scope.period if self.scope else ""
        if self.template_branch() is None:
            reason = self.tr("Choose a branch first: the template lists that branch's open actions.")
        elif "Q" not in period:
            reason = self.tr("Choose a quarter as the window's period.")
        else:
            reason = None
        set_disabled_reason(self.ui.templateButton, reason, self.tr(
            "Write the branch's 整改反馈 return, pre-filled with its open actions, for {period}.").format(
            period=period_label(period) if period else ""))
        view = self.ui.figuresTable if self.tabs.currentWidget() is self.ui.figuresTab else self.ui.actionTable
        set_disabled_reason(self.ui.exportButton, None if view.model().rowCount() else self.tr("Nothing to export."),
                            self.tr("Write the table on screen to an Excel workbook."))

    # ================================================================== actions
    def verify(self, action, effective: bool, on: dt.date):
        """Record the verification through ``services.capa.verify`` on the writer thread."""
        svc, actor = self.ctx.services.capa, self.ctx.actor
        return self.ctx.tasks.start(
            lambda _ctx: svc.verify(actor, action.number, effective, on=on, expected_version=action.version),
            title=self.tr("Verifying {number}").format(number=action.number), writes=True, progress=False, parent=self,
            on_done=self._changed)

    def write_template(self, path: Path):
        """Write the chosen branch's ``capa_feedback`` template for the window's quarter to ``path``."""
        branch, period = self.template_branch(), self.scope.period
        svc, actor = self.ctx.services.imports, self.ctx.actor

        def done(written) -> None:
            self.ctx.settings.update(template_dir=str(Path(written).parent))
            self.ui.actionDetail.setText(self.tr("Template written: {file}").format(file=written))

        return self.ctx.tasks.start(lambda _ctx: svc.write_template(actor, "capa_feedback", branch, period, path),
                                    title=self.tr("Writing the template"), progress=False, parent=self, on_done=done)

    def export_to(self, path: Path):
        """Write the table of the current tab, as shown, to ``path`` (task handle)."""
        on_figures = self.tabs.currentWidget() is self.ui.figuresTab
        view = self.ui.figuresTable if on_figures else self.ui.actionTable
        what = self.tr("Actions on time") if on_figures else self.tr("Corrective and preventive actions")
        title = self.tr("{what} — {unit}, as of {date}").format(
            what=what, unit=f"{self.scope.unit_name} ({self.scope.unit_code})", date=self._as_of().isoformat())
        return export_view(self, view, path, title=title, sheet=what, task_title=self.tr("Exporting the table"))

    def _changed(self, _result: Any = None) -> None:
        self.sig_data_changed.emit()
        self.refresh()

    # ================================================================== slots
    def _on_filter_changed(self, *_args) -> None:
        if self.scope is not None:
            self.refresh()

    def _on_action_table_selection_changed(self, _selected, _deselected) -> None:
        self._show_detail()
        self._update_buttons()

    def _on_verify_button_clicked(self) -> None:
        action = selected_object(self.ui.actionTable)
        if self.verify_refusal(action):
            return
        dialog = ActionVerifyDialog(action, dt.date.today(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.verify(action, *dialog.verification())

    def _on_template_button_clicked(self) -> None:
        branch = self.template_branch()
        if branch is None:
            return
        folder = self.ctx.settings.current.template_dir or str(Path.home())
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the feedback template"),
                                              str(Path(folder) / f"capa_feedback_{branch}_{self.scope.period}.xlsx"),
                                              self.tr("Excel workbook (*.xlsx)"))
        if name:
            self.write_template(Path(name))

    def _on_export_button_clicked(self) -> None:
        if self.data is None:
            return
        path = self.ask_export_path(self.tr("Export the table"), self.tr("actions_{unit}_{date}.xlsx").format(
            unit=self.scope.unit_code, date=self._as_of().isoformat()), self.tr("Excel workbook (*.xlsx)"))
        if path:
            try:
                self.export_to(path)
            except Exception as exc:
                report_exception(exc, self)
