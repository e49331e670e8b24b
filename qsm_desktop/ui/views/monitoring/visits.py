"""神秘访客 — the mystery-visit page (DESIGN §8.2, §8.3; issue 13 items 2–3).

A quarter picker (the quarters with visits, each marked provisional or final), a PROVISIONAL
banner until the quarter is finalised, and two tabs:

- **Scores** — one sortable table that drills down: branches → a branch's outlets → an outlet's
  visits → a visit's items (delivered score beside the score that counts after the appeals);
- **Appeals** — the quarter's appeals with *Decide…* (uphold with full or given points, or reject
  with a reason). A decider of the outlet's branch is never offered the decision: the button is
  disabled and the service's own sentence says why.

*Finalise the quarter…* asks for confirmation and runs on the writer thread; the service refuses
while an appeal is undecided, and its sentence is shown. *Export to Excel* writes the table on
screen (``services.exports``). Layout from ``ui/monitoring_visits.ui``; the data comes from
``services.monitoring`` only, loaded on a reader thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from qsm_desktop.domain.errors import PermissionDenied
from qsm_desktop.domain.monitoring.appeals import check_decider
from qsm_desktop.domain.normalise import period_label
from qsm_desktop.ui.errors import report_exception
from qsm_desktop.ui.forms.ui_monitoring_visits import Ui_MonitoringVisitsForm
from qsm_desktop.ui.style import BAD, MUTED, WARN, WARN_BG
from qsm_desktop.ui.views.base import Page
from qsm_desktop.ui.views.monitoring.common import (
    can_write,
    export_view,
    fill_combo,
    head_office_writer,
    score_text,
    selected_object,
    set_disabled_reason,
    sortable_table,
    term,
)
from qsm_desktop.ui.views.monitoring.dialogs import AppealDecisionDialog
from qsm_desktop.ui.views.monitoring.visit_tables import (
    appeal_model,
    item_model,
    unit_model,
    unit_rows,
    visit_model,
)
from qsm_desktop.ui.widgets.empty_state import empty_state
from qsm_desktop.ui.widgets.page_parts import page_form, unit_subtitle
from qsm_desktop.ui.widgets.tables import fit_columns

APPEAL_FILTERS = ("all", "open", "decided")


@dataclass(frozen=True)
class VisitsData:
    """What :meth:`MysteryVisitsPage.load` fetched: every ``quarters`` entry, the ``period`` shown
    and its ``quarter`` (``None`` without visits), the score ``report``, ``visits`` and
    ``appeals`` of the window's unit."""

    quarters: list
    period: str
    quarter: Any
    report: Any
    visits: list
    appeals: list


class MysteryVisitsPage(Page):
    """The 神秘访客 page. ``tabs`` holds *Scores* and *Appeals* (``--screenshot`` shows both);
    :attr:`levels` is the drill-down path, a list of ``(level, code)`` with level ``branches``,
    ``outlets`` or ``visits``."""

    page_id = "mystery_visits"
    icon_name = "mystery"
    sig_data_changed = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.form, self.ui = page_form(self, self.body, Ui_MonitoringVisitsForm)
        self.tabs = self.ui.tabs
        for button in (self.ui.finaliseButton, self.ui.exportButton):
            self.header_actions.addWidget(button)  # the page's actions beside its title
        self.data: VisitsData | None = None
        self.levels: list[tuple[str, str | None]] = []
        self._choice: str | None = None  # the quarter picked on the page (None: follow the window)
        self.unit_model = unit_model(self)
        self.visit_model = visit_model(self)
        self.score_proxy = sortable_table(self.ui.scoreTable, self.unit_model, stretch=1)
        self.item_model = item_model(self)
        sortable_table(self.ui.itemTable, self.item_model)
        self.appeal_model = appeal_model(self)
        # the visit number stays whole; the typed texts give way (the branch's reason, the decision's, the
        # contact, who decided), whole in their tooltips and the decision dialog: no sideways scroll at 150 %
        self.appeal_proxy = sortable_table(self.ui.appealTable, self.appeal_model, keep=(0,), squeeze=(8, 10, 9, 11))
        self.ui.scoreSplitter.setSizes([420, 260])
        self.ui.itemPanel.setVisible(False)
        self.ui.provisionalBanner.setStyleSheet(
            f"background: {WARN_BG}; color: {WARN}; font-weight: bold; padding: 6px 10px; border-radius: 4px;")
        self.ui.provisionalBanner.setVisible(False)
        self.ui.emptyLabel.setObjectName("hint")
        self.ui.emptyLabel.setVisible(False)
        self.empty = empty_state(self.ui.scoreTable)  # the hint over the table, with the way to fill it
        self.empty.sig_action.connect(lambda: self.sig_page_requested.emit("returns"))
        self.ui.quarterCombo.currentIndexChanged.connect(self._on_quarter_combo_index_changed)
        self.ui.finaliseButton.clicked.connect(self._on_finalise_button_clicked)
        self.ui.exportButton.clicked.connect(self._on_export_button_clicked)
        self.ui.upButton.clicked.connect(self._on_up_button_clicked)
        self.ui.upButton.setShortcut("Backspace")
        self.ui.scoreTable.activated.connect(self._on_score_table_activated)
        self.ui.scoreTable.selectionModel().selectionChanged.connect(self._on_score_table_selection_changed)
        self.ui.appealFilter.currentIndexChanged.connect(self._on_appeal_filter_index_changed)
        self.ui.appealTable.selectionModel().selectionChanged.connect(self._on_appeal_table_selection_changed)
        self.ui.decideButton.clicked.connect(self._on_decide_button_clicked)
        self.tabs.currentChanged.connect(lambda _i: self._update_buttons())
        self.retranslateUi()

    # ================================================================== language
    def title(self) -> str:
        return self.tr("Mystery visits")

    def subtitle(self) -> str:
        """The window's unit (the page has its own quarter picker)."""
        return unit_subtitle(self.scope)

    def retranslateUi(self) -> None:
        super().retranslateUi()
        self.ui.retranslateUi(self.form)
        keep = self.ui.appealFilter.currentData()
        fill_combo(self.ui.appealFilter, [(self.tr("All appeals"), "all"), (self.tr("Undecided"), "open"),
                                          (self.tr("Decided"), "decided")], keep or "all")
        for model in (self.unit_model, self.visit_model, self.item_model, self.appeal_model):
            model.retranslate()
        if self.data is not None:
            self._show_quarter_state()
            self._show_level()
            self._update_buttons()

    # ================================================================== loading
    def set_scope(self, scope) -> None:
        if self.scope is None or scope.period != self.scope.period:
            self._choice = None  # the window's period takes over again
        if self.scope is None or scope.unit_code != self.scope.unit_code:
            self.levels = []
        super().set_scope(scope)

    def load_request(self) -> Any:
        return self._choice

    def load(self, scope, request) -> VisitsData:
        """Worker: the quarters, then the chosen one's scores, visits and appeals for the unit."""
        svc, actor = self.ctx.services.monitoring, self.ctx.actor
        quarters = svc.quarters(actor)
        known = {q.period: q for q in quarters}
        if request:
            period = request
        elif scope.period in known or not quarters:
            period = scope.period
        else:
            period = quarters[0].period
        if "Q" not in period:
            return VisitsData(quarters, period, None, None, [], [])
        return VisitsData(quarters, period, known.get(period), svc.scores(actor, period, scope.unit_code),
                          svc.visits(actor, period, scope.unit_code), svc.appeals(actor, period, scope.unit_code))

    def show_data(self, data: VisitsData) -> None:
        self.data = data
        items = [(self._quarter_text(q.period, q), q.period) for q in data.quarters]
        if data.period not in {q.period for q in data.quarters} and "Q" in data.period:
            items.insert(0, (self._quarter_text(data.period, None), data.period))
        fill_combo(self.ui.quarterCombo, items, data.period)
        if not self.levels:
            self.levels = [self._root_level()]
        self._show_quarter_state()
        self._show_level()
        self._show_appeals()
        self._update_buttons()

    def _quarter_text(self, period: str, info) -> str:
        if info is None or not info.visits:
            return self.tr("{period} · no visits").format(period=period_label(period))
        state = self.tr("final") if info.final else self.tr("provisional")
        return f"{period_label(period)} · {state}"

    def _root_level(self) -> tuple[str, str | None]:
        unit_type = next((n.type for n in self.ctx.org_nodes() if n.code == self.scope.unit_code), "总行")
        if unit_type == "网点":
            return ("visits", self.scope.unit_code)
        if unit_type in ("分行", "支行"):
            return ("outlets", None)
        return ("branches", None)

    # ================================================================== what is shown
    @property
    def final(self) -> bool:
        """Whether the quarter shown is finalised (its scores final, not provisional)."""
        return bool(self.data and self.data.quarter and self.data.quarter.final)

    def _show_quarter_state(self) -> None:
        data = self.data
        q = data.quarter
        has_visits = bool(q and q.visits)
        banner = self.ui.provisionalBanner
        banner.setVisible(has_visits and not q.final)
        if has_visits and not q.final:
            detail = (self.tr("{open} of %n appeal(s) undecided.", "", q.appeals).format(open=q.open_appeals)
                      if q.appeals else self.tr("No appeal filed."))
            banner.setText(self.tr("{provisional} — {appeals} {change}").format(
                provisional=self.tr("Provisional: this quarter is not finalised yet"), appeals=detail,
                change=self.tr("The scores may still change with the head office's decisions.")))
        self.ui.emptyLabel.setVisible(False)  # the text is shown over the table (self.empty), with its button
        if not data.visits:
            self.ui.emptyLabel.setText(self.tr(
                "No mystery visits for {period} in this unit yet: import the agency's 暗访结果 return "
                "(mystery-visit results) on the Returns page.").format(period=period_label(data.period)))
        self.empty.set_hint(self.ui.emptyLabel.text(), self.tr("Open the Returns page"), enabled=can_write(self.ctx),
                            reason=self.tr("Your role does not import returns."), empty=not data.visits)
        parts = []
        bank = data.report.units[0] if data.report and data.report.units else None
        if bank is not None:
            parts.append(self.tr("{unit}: {score}").format(unit=bank.name, score=score_text(bank.score)))
        if data.visits:
            parts.append(self.tr("{visits} at {outlets}").format(
                visits=self.tr("%n visit(s)", "", len(data.visits)),
                outlets=self.tr("%n outlet(s)", "", len({v.outlet for v in data.visits}))))
        if q is not None and q.final:
            parts.append(self.tr("final since {when} ({who})").format(
                when=q.finalised_at.date().isoformat() if q.finalised_at else "—", who=q.finalised_by or "—"))
        self.ui.summaryLabel.setText(" · ".join(parts))

    def _show_level(self) -> None:
        """Fill the scores table for the innermost level of :attr:`levels`."""
        data = self.data
        level, code = self.levels[-1] if self.levels else ("branches", None)
        units = data.report.units if data.report else ()
        for column in range(self.score_proxy.columnCount()):
            self.ui.scoreTable.setColumnHidden(column, False)
        if level == "visits":
            self.score_proxy.setSourceModel(self.visit_model)
            self.visit_model.set_rows([v for v in data.visits if code is None or v.outlet == code])
        else:
            self.score_proxy.setSourceModel(self.unit_model)
            if level == "branches":
                rows = unit_rows(units, data.visits, "分行")
            else:
                rows = [r for r in unit_rows(units, data.visits, "网点") if code is None or r.branch == code]
            self.unit_model.set_rows(rows)
            self.ui.scoreTable.setColumnHidden(self.unit_model.column_index("outlets"), level != "branches")
        # the models differ per level: a unit's name, or the visits' last column, takes the room left
        fit_columns(self.ui.scoreTable, stretch=None if level == "visits" else 1)
        self.ui.itemPanel.setVisible(level == "visits")
        if level == "visits":
            self.ui.scoreSplitter.setSizes([240, 480])  # few visits, many items
        self.item_model.set_rows([])
        self.ui.itemTitle.setText(self.tr("Select a visit to see its items."))
        self.ui.crumbLabel.setText(self._crumbs())
        set_disabled_reason(self.ui.upButton, None if len(self.levels) > 1 else self.tr("This is the top level"),
                            self.tr("Back to the level above (Backspace)"))

    def _crumbs(self) -> str:
        names = {n.code: n.name for n in self.ctx.org_nodes()}
        words = {"branches": self.tr("Branches"), "outlets": self.tr("Outlets"), "visits": self.tr("Visits")}
        crumbs = [self.scope.unit_name if self.scope else ""]
        for level, code in self.levels:
            crumbs.append(f"{names.get(code, code)} ({code}) · {words[level]}" if code else words[level])
        return " › ".join(c for c in crumbs if c)

    def _show_appeals(self) -> None:
        data = self.data
        wanted = self.ui.appealFilter.currentData() or "all"
        rows = [a for a in data.appeals if wanted == "all" or (a.status == "open") == (wanted == "open")]
        self.appeal_model.set_rows(rows)
        if not data.appeals:
            self.ui.appealDetail.setText(self.tr(
                "No appeals for {period}: a branch files them with the 申诉 return (mystery-visit appeals) on the "
                "Returns page while the quarter is provisional.").format(period=period_label(data.period)))
        else:
            self.ui.appealDetail.setText(self.tr("Select an appeal to decide it."))

    # ================================================================== buttons
    def _update_buttons(self) -> None:
        data = self.data
        q = data.quarter if data else None
        if not head_office_writer(self.ctx):
            reason = self.tr("Only the head office finalises a quarter.")
        elif q is None or not q.visits:
            reason = self.tr("Nothing to finalise: no visits in this quarter.")
        elif q.final:
            reason = self.tr("{period} is finalised already.").format(period=period_label(q.period))
        else:
            reason = None
        tip = self.tr("Freeze the scores and raise the findings with their corrective and preventive actions.")
        if q is not None and q.open_appeals:
            tip += " " + self.tr("%n appeal(s) still undecided: finalising is refused until they are decided.", "",
                                 q.open_appeals)
        set_disabled_reason(self.ui.finaliseButton, reason, tip)
        view = self.ui.appealTable if self.tabs.currentWidget() is self.ui.appealsTab else self.ui.scoreTable
        set_disabled_reason(self.ui.exportButton, None if view.model().rowCount() else self.tr("Nothing to export."),
                            self.tr("Write the table on screen to an Excel workbook."))
        reason = self.decide_refusal(selected_object(self.ui.appealTable))
        set_disabled_reason(self.ui.decideButton, reason, self.tr("Uphold or reject the selected appeal."))
        if reason and selected_object(self.ui.appealTable) is not None:
            self.ui.appealDetail.setText(reason)
            self.ui.appealDetail.setStyleSheet(f"color: {BAD};")
        else:
            self.ui.appealDetail.setStyleSheet(f"color: {MUTED};")

    def decide_refusal(self, appeal) -> str | None:
        """Why the acting user cannot decide ``appeal`` now (``None`` when they can): nothing
        selected, already decided, the quarter final, a read-only role, or — the service's own
        sentence — a decider belonging to the outlet's branch (DESIGN §8.3)."""
        if appeal is None:
            return self.tr("Select an undecided appeal.")
        if appeal.status != "open":
            return self.tr("This appeal is decided already ({status}).").format(status=term(appeal.status))
        if self.final:
            return self.tr("The quarter is finalised: its appeals are closed.")
        if not can_write(self.ctx):
            return self.tr("Your role only reads.")
        scope = self.ctx.actor.org_scope
        path = next((n.path for n in self.ctx.org_nodes() if n.code == scope), None) if scope else None
        try:
            check_decider(self.ctx.actor.login, path, appeal.branch)
        except PermissionDenied as exc:
            return str(exc)
        return None

    # ================================================================== actions
    def decide(self, appeal, decision, score: float | None, reason: str | None):
        """Decide ``appeal`` through ``services.monitoring.decide`` on the writer thread (the
        service's refusal, if any, is shown); returns the task handle."""
        svc, actor = self.ctx.services.monitoring, self.ctx.actor
        return self.ctx.tasks.start(
            lambda _ctx: svc.decide(actor, appeal.visit_no, appeal.item_code, decision, score=score, reason=reason,
                                    expected_version=appeal.version),
            title=self.tr("Deciding the appeal"), writes=True, progress=False, parent=self, on_done=self._changed)

    def finalise(self):
        """Finalise the quarter shown through ``services.monitoring.finalise`` on the writer thread,
        with a progress dialog (refused with the service's sentence while an appeal is open)."""
        period = self.data.period
        svc, actor = self.ctx.services.monitoring, self.ctx.actor

        def done(result) -> None:
            findings = sum(sum(c.values()) for c in result.findings.values())
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Quarter finalised"), self.tr(
                "{period} is final: {visits} visits, bank score {bank}; {findings} findings raised {actions} "
                "actions (see the Actions page).").format(period=period_label(result.period), visits=result.visits,
                                                          bank=score_text(result.bank), findings=findings,
                                                          actions=len(result.actions)), QMessageBox.StandardButton.Ok,
                self)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            box.open()
            self.finalised_box = box
            self._changed(result)

        return self.ctx.tasks.start(lambda _ctx: svc.finalise(actor, period),
                                    title=self.tr("Finalising {period}").format(period=period_label(period)),
                                    writes=True, parent=self, on_done=done)

    def export_to(self, path):
        """Write the table of the current tab, as shown, to ``path`` (task handle)."""
        on_appeals = self.tabs.currentWidget() is self.ui.appealsTab
        view = self.ui.appealTable if on_appeals else self.ui.scoreTable
        state = self.tr("final") if self.final else self.tr("provisional")
        what = self.tr("Appeals") if on_appeals else self.tr("Mystery-visit scores")
        title = f"{what} {period_label(self.data.period)} ({state}) — {self._crumbs()}"
        return export_view(self, view, path, title=title, sheet=what, task_title=self.tr("Exporting the table"))

    def _changed(self, _result: Any = None) -> None:
        self.sig_data_changed.emit()
        self.refresh()

    # ================================================================== slots
    def _on_quarter_combo_index_changed(self, _index: int) -> None:
        period = self.ui.quarterCombo.currentData()
        if period and self.data and period != self.data.period:
            self._choice = period
            self.refresh()

    def _on_up_button_clicked(self) -> None:
        if len(self.levels) > 1:
            self.levels.pop()
            self._show_level()
            self._update_buttons()

    def _on_score_table_activated(self, index) -> None:
        level, _code = self.levels[-1]
        row = selected_object(self.ui.scoreTable)
        if row is None or level == "visits":
            return
        self.levels.append(("outlets", row.code) if level == "branches" else ("visits", row.code))
        self._show_level()
        self._update_buttons()

    def _on_score_table_selection_changed(self, _selected, _deselected) -> None:
        if not self.levels or self.levels[-1][0] != "visits":
            return
        visit = selected_object(self.ui.scoreTable)
        if visit is None:
            return
        svc, actor = self.ctx.services.monitoring, self.ctx.actor
        self.ui.itemTitle.setText(self.tr("Items of visit {visit} — {outlet}, {date}, {module}: {score}").format(
            visit=visit.visit_no, outlet=visit.outlet_name, date=visit.visit_date.isoformat(), module=visit.module_name,
            score=score_text(visit.score)))
        self.ctx.tasks.start(lambda _ctx: svc.visit_items(actor, visit.visit_no), title="", progress=False,
                             parent=self, on_done=self.item_model.set_rows)

    def _on_appeal_filter_index_changed(self, _index: int) -> None:
        if self.data is not None:
            self._show_appeals()
            self._update_buttons()

    def _on_appeal_table_selection_changed(self, _selected, _deselected) -> None:
        self._update_buttons()

    def _on_decide_button_clicked(self) -> None:
        appeal = selected_object(self.ui.appealTable)
        if appeal is None or self.decide_refusal(appeal):
            return
        dialog = AppealDecisionDialog(appeal, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.decide(appeal, *dialog.decision())

    def _on_finalise_button_clicked(self) -> None:
        q = self.data.quarter if self.data else None
        if q is None:
            return
        answer = QMessageBox.question(self, self.tr("Finalise the quarter"), self.tr(
            "Finalise {period}? The scores of its {visits} visits are frozen, the findings are raised with their "
            "corrective and preventive actions, and the quarter takes no more deliveries or appeals. This cannot be "
            "undone.").format(period=period_label(q.period), visits=q.visits))
        if answer == QMessageBox.StandardButton.Yes:
            self.finalise()

    def _on_export_button_clicked(self) -> None:
        if self.data is None:
            return
        path = self.ask_export_path(self.tr("Export the table"), self.tr("mystery_visits_{period}_{unit}.xlsx").format(
            period=self.data.period, unit=self.scope.unit_code), self.tr("Excel workbook (*.xlsx)"))
        if path:
            try:
                self.export_to(path)
            except Exception as exc:
                report_exception(exc, self)
