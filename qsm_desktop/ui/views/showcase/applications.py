"""The Applications tab of the showcase page (申报): the cycle's applications filtered by level,
branch and status; the selected one's form, past awards, titles won outside and attachments;
its status actions and the nomination to the next level (issue 4 §2, §6; DESIGN §3.5).

Layout from ``ui/showcase_applications_tab.ui`` (generated ``forms/ui_showcase_applications_tab.py``);
behaviour here, over ``services.showcase`` only.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QInputDialog, QFileDialog, QMessageBox, QPushButton, QWidget

from qsm_desktop.domain.i18n import joined
from qsm_desktop.domain.showcase.declarations import DECLARED_FIELDS, differences_text, figure_text
from qsm_desktop.ui.errors import os_problem_text, report_exception
from qsm_desktop.ui.forms.ui_showcase_applications_tab import Ui_ShowcaseApplicationsTab
from qsm_desktop.ui.models.table import ALIGN_CENTER, ALIGN_RIGHT, Column, RowTableModel
from qsm_desktop.ui.style import BAD, MUTED
from qsm_desktop.ui.views.showcase.common import LEVELS, STATUSES, setup_table, term
from qsm_desktop.ui.widgets.empty_state import empty_state
from qsm_desktop.ui.widgets.tables import column_menu, fit_columns

DECLARED_LABELS = {label: field for field, label in DECLARED_FIELDS}
"""The form's label of a declared figure → its field in the register check."""

ACTIONS = ("submit", "recommend", "start_review", "reject", "withdraw", "return")
"""The status actions with a button (``ApplicationAction`` values), in the buttons' order."""


class ShowcaseApplicationsTab(QWidget):
    """The 申报 tab. ``ctx``: the page context (services, actor). Emits :attr:`sig_data_changed`
    after it changed an application (the page then reloads)."""

    tab_id = "applications"  # offered by the rule page.showcase.applications (services/permissions.py)
    sig_data_changed = Signal()
    sig_page_requested = Signal(str)  # the empty list's button: the Returns page, where application forms come in

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cycle = None
        self.apps: list = []
        self.ui = Ui_ShowcaseApplicationsTab()
        self.ui.setupUi(self)
        self.app_model = RowTableModel([
            Column("code", QT_TRANSLATE_NOOP("ShowcaseApplicationsTab", "Code"), lambda a: a.outlet_code),
            Column("name", QT_TRANSLATE_NOOP("ShowcaseApplicationsTab", "Outlet"), lambda a: a.outlet_name),
            Column("branch", QT_TRANSLATE_NOOP("ShowcaseApplicationsTab", "Branch"), lambda a: a.branch_name or ""),
            Column("level", QT_TRANSLATE_NOOP("ShowcaseApplicationsTab", "Level"), lambda a: term(a.level),
                   align=ALIGN_CENTER),
            Column("status", QT_TRANSLATE_NOOP("ShowcaseApplicationsTab", "Status"), lambda a: term(a.status),
                   align=ALIGN_CENTER),
            Column("sheets", QT_TRANSLATE_NOOP("ShowcaseApplicationsTab", "Score sheets"), lambda a: a.sheets,
                   align=ALIGN_RIGHT),
            # issue 14: "≠" when a declared figure differs from the registers (the detail says which)
            Column("declarations", QT_TRANSLATE_NOOP("ShowcaseApplicationsTab", "Registers"), lambda a: a,
                   lambda a: "≠" if a.declarations_differ else "", ALIGN_CENTER,
                   colour=lambda a: (BAD, None) if a.declarations_differ else (None, None),
                   tooltip=lambda a: "\n".join(differences_text(a.declarations))),
        ], "ShowcaseApplicationsTab", self)
        setup_table(self.ui.applicationTable, self.app_model)
        # the outlet (whole in the detail beside it), the branch, then the status and the level give way, in that
        # order (whole in the tooltip): the level and status stay readable at 150 % (user trial: "head…")
        fit_columns(self.ui.applicationTable, keep=(0,), squeeze=(1, 2, 4, 3))
        # the level starts hidden (the Level filter above says it), a right-click on the titles shows it: at 150 %
        # in English every outlet read "交通银…" (user trial)
        self.ui.applicationTable.setColumnHidden(3, True)
        column_menu(self.ui.applicationTable)
        self.empty = empty_state(self.ui.applicationTable)
        self.empty.sig_action.connect(lambda: self.sig_page_requested.emit("returns"))
        self._update_empty()
        self.ui.splitter.setStretchFactor(0, 3)
        self.ui.splitter.setStretchFactor(1, 2)
        self.ui.splitter.setSizes([720, 420])  # the list's columns to Registers in view at 150 % (issue 14)
        self.action_buttons: dict[str, QPushButton] = {a: getattr(self.ui, f"action_{a}") for a in ACTIONS}
        for action, button in self.action_buttons.items():
            button.clicked.connect(lambda _c=False, a=action: self._on_action_clicked(a))
        self.ui.nominateButton.clicked.connect(self._on_nominate_button_clicked)
        self.ui.attachButton.clicked.connect(self._on_attach_button_clicked)
        self.ui.outsideTitleButton.clicked.connect(self._on_outside_button_clicked)
        ctx.offer("sc.action.apply", *self.action_buttons.values(), self.ui.nominateButton, self.ui.attachButton)
        ctx.offer("sc.action.award", self.ui.outsideTitleButton)
        for combo in (self.ui.levelFilter, self.ui.branchFilter, self.ui.statusFilter):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.ui.applicationTable.selectionModel().currentRowChanged.connect(self._on_app_table_current_row_changed)

    # ------------------------------------------------------------------ language
    def retranslateUi(self) -> None:
        """Set every visible string again (the page calls it on a language change)."""
        self.ui.retranslateUi(self)
        for combo, values in ((self.ui.levelFilter, LEVELS), (self.ui.statusFilter, STATUSES)):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("All"), None)
            for v in values:
                combo.addItem(term(v), v)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        if self.ui.branchFilter.count() == 0:
            self.ui.branchFilter.addItem(self.tr("All"), None)
        else:
            self.ui.branchFilter.setItemText(0, self.tr("All"))
        self.app_model.retranslate()

    # ------------------------------------------------------------------ data
    @property
    def _svc(self):
        return self.ctx.services.showcase

    def set_branches(self, branches) -> None:
        """Offer ``branches`` (org-tree nodes of type 分行, with ``code`` and ``name``) in the branch
        filter, keeping the one chosen when it is still there (no reload)."""
        combo = self.ui.branchFilter
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All"), None)
        for b in branches:
            combo.addItem(f"{b.code} {b.name}", b.code)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)

    def set_cycle(self, cycle) -> None:
        """Show the applications of ``cycle`` (its year; ``None``: no cycle, an empty list). A newly
        chosen cycle shows its own level's applications first (the filter can widen it again)."""
        if cycle is None:
            self.cycle = None
            self.app_model.set_rows([])
            self._update_empty()
            return
        if self.cycle is None or self.cycle.id != cycle.id:
            self.ui.levelFilter.blockSignals(True)
            self.ui.levelFilter.setCurrentIndex(max(0, self.ui.levelFilter.findData(cycle.level)))
            self.ui.levelFilter.blockSignals(False)
        self.cycle = cycle
        self.reload()

    def reload(self) -> None:
        """List the cycle year's applications that pass the filters and select the first."""
        cycle = self.cycle
        if cycle is None:
            return
        self.apps = self._svc.applications(self.ctx.actor, year=cycle.year, level=self.ui.levelFilter.currentData(),
                                           branch=self.ui.branchFilter.currentData(),
                                           status=self.ui.statusFilter.currentData())
        self.app_model.set_rows(self.apps)
        if self.apps:
            self.ui.applicationTable.selectRow(0)
        else:
            self.ui.applicationDetail.clear()
        self._update_empty()

    def _update_empty(self) -> None:
        """The hint over an empty list: no cycle or no forms yet (import them), or none passing the filters."""
        filtered = self.cycle is not None and any(
            combo.currentIndex() > 0 for combo in (self.ui.branchFilter, self.ui.statusFilter))
        if filtered:
            self.empty.set_hint(self.tr("No application passes the filters: widen the branch or status filter."))
        else:
            self.empty.set_hint(self.tr("No applications yet: import the outlets' showcase application forms "
                                        "on the Returns page."), self.tr("Open the Returns page"))

    def _selected_application(self):
        index = self.ui.applicationTable.currentIndex()
        return self.app_model.row_object(index.row()) if index.isValid() else None

    # ------------------------------------------------------------------ slots
    def _on_filter_changed(self, _index: int) -> None:
        try:
            self.reload()
        except Exception as exc:
            report_exception(exc, self)

    def _on_app_table_current_row_changed(self, current, _previous) -> None:
        app = self.app_model.row_object(current.row()) if current.isValid() else None
        if app is None:
            return
        try:
            detail = self._svc.application(self.ctx.actor, app.id)
        except Exception as exc:
            report_exception(exc, self)
            return
        rows = "".join(f"<tr><td><b>{term(k)}</b></td><td>{v}{self._register_note(detail, k)}</td></tr>"
                       for k, v in detail.form.items())
        differences = differences_text(detail.declarations)
        heading = self.tr("Declared figures differ from the registers")
        warning = (f"<p style='color:{BAD}'><b>{heading}</b><br>" + "<br>".join(differences) + "</p>"
                   if differences else "")
        revoked = self.tr("revoked")
        past_title, outside_title = self.tr("Past awards"), self.tr("Titles won outside")
        past = "<br>".join(f"{a.number} {term(a.level)} {a.awarded_on}" + (f"（{revoked}）" if a.revoked else "")
                           for a in detail.past_awards) or "—"
        outside = "<br>".join(f"{t.official_name} {t.awarded_on}" for t in detail.outside_titles) or "—"
        attachments_title = self.tr("Attachments")
        required = set(self.cycle.required_attachments) if self.cycle is not None else set()
        have = {a.kind for a in detail.attachments}
        files = "<br>".join(f"{a.name}（{a.size / 1024:.0f} KB, SHA-256 {a.sha256[:12]}…）" for a in detail.attachments)
        missing = joined(sorted(required - have))
        if missing:
            files += ("<br>" if files else "") + self.tr("Missing: {names}").format(names=missing)
        self.ui.applicationDetail.setHtml(
            f"<h3>{detail.outlet_name}（{detail.outlet_code}）</h3>"
            f"<p>{detail.year} {term(detail.level)} · {term(detail.status)} · {detail.branch_name or ''}</p>"
            f"{warning}<table cellspacing='4'>{rows}</table>"
            f"<p><b>{past_title}</b><br>{past}</p><p><b>{outside_title}</b><br>{outside}</p>"
            f"<p><b>{attachments_title}</b><br>{files or '—'}</p>")
        for action, button in self.action_buttons.items():
            button.setEnabled(action in detail.actions)
        self.ui.nominateButton.setEnabled(detail.status == "已授予" and detail.level != "全国级")

    def _register_note(self, detail, label: str) -> str:
        """Beside a declared figure, the registers' figure (issue 14): red when it differs, grey
        when it agrees, nothing when the register holds nothing or the field is not checked."""
        field = DECLARED_LABELS.get(label)
        check = next((c for c in detail.declarations if c.field == field), None)
        if check is None or check.register is None:
            return ""
        colour = BAD if check.differs else MUTED
        text = self.tr("(register: {value})").format(value=figure_text(check.field, check.register))
        return f"&nbsp;&nbsp;<span style='color:{colour}'>{text}</span>"

    def _on_action_clicked(self, action: str) -> None:
        app = self._selected_application()
        if app is None:
            return
        try:
            self._svc.act(self.ctx.actor, app.id, action, version=app.version)
        except Exception as exc:
            report_exception(exc, self)
            return
        self.sig_data_changed.emit()

    def _on_attach_button_clicked(self) -> None:
        app = self._selected_application()
        if app is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Add attachment"), "", self.tr("All files (*)"))
        if not path:
            return
        required = list(self.cycle.required_attachments) if self.cycle is not None else []
        kind = None
        if required:
            kind, ok = QInputDialog.getItem(self, self.tr("Add attachment"), self.tr("Which required document is it?"),
                                            required + [self.tr("(other)")], 0, False)
            if not ok:
                return
            kind = kind if kind in required else None
        try:
            self._svc.add_attachment(self.ctx.actor, app.id, Path(path).name, Path(path).read_bytes(), kind=kind)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Add attachment"), os_problem_text(exc))
            return
        except Exception as exc:
            report_exception(exc, self)
            return
        self.sig_data_changed.emit()

    def _on_outside_button_clicked(self) -> None:
        app = self._selected_application()
        if app is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Title won outside"),
                                        self.tr("Official name of the title (as announced):"))
        if not ok or not name.strip():
            return
        day, ok = QInputDialog.getText(self, self.tr("Title won outside"), self.tr("Date announced (2007-12-31):"),
                                       text=dt.date.today().isoformat())
        if not ok:
            return
        try:
            on = dt.date.fromisoformat(day.strip())
        except ValueError:
            QMessageBox.warning(self, self.tr("Title won outside"), self.tr("“{text}” is not a date.").format(text=day))
            return
        levels = ["全国级", "总行级", "分行级"]
        shown, ok = QInputDialog.getItem(self, self.tr("Title won outside"), self.tr("It counts as level:"),
                                         [term(v) for v in levels], 0, False)
        if not ok:
            return
        level = dict(zip((term(v) for v in levels), levels)).get(shown, shown)
        try:
            self._svc.record_outside_title(self.ctx.actor, app.outlet_code, level, name, on,
                                           application_id=app.id if app.status in ("分行推荐", "总行评审中") and app.level == level
                                           else None)
        except Exception as exc:
            report_exception(exc, self)
            return
        self.sig_data_changed.emit()

    def _on_nominate_button_clicked(self) -> None:
        app = self._selected_application()
        if app is None:
            return
        try:
            self._svc.nominate(self.ctx.actor, app.id)
        except Exception as exc:
            report_exception(exc, self)
            return
        self.sig_data_changed.emit()
