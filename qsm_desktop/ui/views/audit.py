"""审计日志 — the audit page (issue 12 item 5, DESIGN §6): who changed what, when, before and after.

Filters: the person (login), the entity, a date range (from/to, each optional, calendar popups)
and text found in the key (a 工号, a login, a batch number). The table is a model/view
(:class:`~qsm_desktop.ui.models.audit.AuditTableModel` behind a sort proxy), newest first, filled a
page at a time: scrolling to the end (or *More*) fetches the next page on a worker, so a trail of
millions of entries opens as fast as a short one. The panel under it compares the selected
entry's before and after field by field. *Export* writes every entry of the filter (not only the
pages on screen) to Excel through ``services.exports``; text stays text there.

What the list holds is what :mod:`qsm_desktop.services.audit_trail` lets the signed-in person see:
everything for an administrator or a head-office secretary; for a branch secretary her own entries
and the imports of her branch's returns (on PostgreSQL the database's policy says the same).
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QItemSelection, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter,
    QTableView, QTextBrowser, QWidget,
)

from qsm_desktop.services import audit_trail
from qsm_desktop.services.audit_trail import AuditQuery
from qsm_desktop.domain.audit_labels import action_label, entity_label
from qsm_desktop.domain.names import shown
from qsm_desktop.ui.errors import report_exception
from qsm_desktop.ui.labels import RETURN_KINDS, label
from qsm_desktop.ui.models.audit import ADDED, CHANGED, REMOVED, AuditTableModel, compare, json_text, when_text
from qsm_desktop.ui.models.table import fmt_int
from qsm_desktop.ui.style import MUTED, icon
from qsm_desktop.ui.views.account_dialogs import role_label
from qsm_desktop.ui.views.base import Page
from qsm_desktop.ui.views.monitoring.common import term as monitoring_term
from qsm_desktop.ui.views.showcase.common import term as showcase_term
from qsm_desktop.ui.widgets.date_edit import date_edit
from qsm_desktop.ui.widgets.empty_state import empty_state
from qsm_desktop.ui.widgets.tables import sortable_table

FIELD_LABELS = {
    "accepted_incomplete": QT_TRANSLATE_NOOP("AuditFields", "Accepted incomplete"),
    "actions": QT_TRANSLATE_NOOP("AuditFields", "Actions"),
    "active": QT_TRANSLATE_NOOP("AuditFields", "Active"),
    "announced_on": QT_TRANSLATE_NOOP("AuditFields", "Announced on"),
    "application": QT_TRANSLATE_NOOP("AuditFields", "Application"),
    "applies_to": QT_TRANSLATE_NOOP("AuditFields", "Applies to"),
    "approval_words": QT_TRANSLATE_NOOP("AuditFields", "Approval words"),
    "awarded": QT_TRANSLATE_NOOP("AuditFields", "Awarded"),
    "awards": QT_TRANSLATE_NOOP("AuditFields", "Awards"),
    "bank": QT_TRANSLATE_NOOP("AuditFields", "Bank-wide"),
    "based_on": QT_TRANSLATE_NOOP("AuditFields", "Based on"),
    "by": QT_TRANSLATE_NOOP("AuditFields", "By"),
    "committee_choice": QT_TRANSLATE_NOOP("AuditFields", "Committee's choice"),
    "complaints": QT_TRANSLATE_NOOP("AuditFields", "Complaints"),
    "complete": QT_TRANSLATE_NOOP("AuditFields", "Complete"),
    "completed": QT_TRANSLATE_NOOP("AuditFields", "Completed on"),
    "counts": QT_TRANSLATE_NOOP("AuditFields", "Counts"),
    "created": QT_TRANSLATE_NOOP("AuditFields", "Created"),
    "days": QT_TRANSLATE_NOOP("AuditFields", "Days"),
    "decided_on": QT_TRANSLATE_NOOP("AuditFields", "Decided on"),
    "due": QT_TRANSLATE_NOOP("AuditFields", "Due"),
    "effective": QT_TRANSLATE_NOOP("AuditFields", "Effective"),
    "effective_from": QT_TRANSLATE_NOOP("AuditFields", "In force from"),
    "excluded": QT_TRANSLATE_NOOP("AuditFields", "Excluded (conflict)"),
    "file": QT_TRANSLATE_NOOP("AuditFields", "File"),
    "findings": QT_TRANSLATE_NOOP("AuditFields", "Findings"),
    "from": QT_TRANSLATE_NOOP("AuditFields", "From"),
    "issuing_body": QT_TRANSLATE_NOOP("AuditFields", "Issuing body"),
    "kind": QT_TRANSLATE_NOOP("AuditFields", "Return kind"),
    "level": QT_TRANSLATE_NOOP("AuditFields", "Level"),
    "login": QT_TRANSLATE_NOOP("AuditFields", "Login"),
    "measures": QT_TRANSLATE_NOOP("AuditFields", "Measures"),
    "meeting_ref": QT_TRANSLATE_NOOP("AuditFields", "Meeting reference"),
    "mode": QT_TRANSLATE_NOOP("AuditFields", "Mode"),
    "modules": QT_TRANSLATE_NOOP("AuditFields", "Modules"),
    "name": QT_TRANSLATE_NOOP("AuditFields", "Name"),
    "name_en": QT_TRANSLATE_NOOP("AuditFields", "English name"),
    "needs_approval": QT_TRANSLATE_NOOP("AuditFields", "Needs approval"),
    "note": QT_TRANSLATE_NOOP("AuditFields", "Note"),
    "number": QT_TRANSLATE_NOOP("AuditFields", "Number"),
    "number_pattern": QT_TRANSLATE_NOOP("AuditFields", "Number pattern"),
    "on": QT_TRANSLATE_NOOP("AuditFields", "On"),
    "org": QT_TRANSLATE_NOOP("AuditFields", "Org unit"),
    "original": QT_TRANSLATE_NOOP("AuditFields", "Original"),
    "outlet": QT_TRANSLATE_NOOP("AuditFields", "Outlet"),
    "outside_title": QT_TRANSLATE_NOOP("AuditFields", "Title won outside"),
    "period": QT_TRANSLATE_NOOP("AuditFields", "Period"),
    "points": QT_TRANSLATE_NOOP("AuditFields", "Points"),
    "quota": QT_TRANSLATE_NOOP("AuditFields", "Quota"),
    "reason": QT_TRANSLATE_NOOP("AuditFields", "Reason"),
    "reinspection_years": QT_TRANSLATE_NOOP("AuditFields", "Re-inspection after (years)"),
    "reprints": QT_TRANSLATE_NOOP("AuditFields", "Reprints"),
    "required_attachments": QT_TRANSLATE_NOOP("AuditFields", "Required attachments"),
    "responsible": QT_TRANSLATE_NOOP("AuditFields", "Responsible"),
    "result": QT_TRANSLATE_NOOP("AuditFields", "Result"),
    "reviewer": QT_TRANSLATE_NOOP("AuditFields", "Reviewer"),
    "revoked_on": QT_TRANSLATE_NOOP("AuditFields", "Revoked on"),
    "role": QT_TRANSLATE_NOOP("AuditFields", "Role"),
    "rows": QT_TRANSLATE_NOOP("AuditFields", "Rows"),
    "score": QT_TRANSLATE_NOOP("AuditFields", "Score"),
    "sha256": QT_TRANSLATE_NOOP("AuditFields", "SHA-256"),
    "sheet": QT_TRANSLATE_NOOP("AuditFields", "Score sheet"),
    "size": QT_TRANSLATE_NOOP("AuditFields", "Size"),
    "status": QT_TRANSLATE_NOOP("AuditFields", "Status"),
    "supersedes": QT_TRANSLATE_NOOP("AuditFields", "Supersedes"),
    "system_id": QT_TRANSLATE_NOOP("AuditFields", "Indicator system"),
    "target": QT_TRANSLATE_NOOP("AuditFields", "Target"),
    "title": QT_TRANSLATE_NOOP("AuditFields", "Title"),
    "total": QT_TRANSLATE_NOOP("AuditFields", "Total"),
    "type": QT_TRANSLATE_NOOP("AuditFields", "Type"),
    "units": QT_TRANSLATE_NOOP("AuditFields", "Units"),
    "verified_on": QT_TRANSLATE_NOOP("AuditFields", "Verified on"),
    "version": QT_TRANSLATE_NOOP("AuditFields", "Version"),
    "visits": QT_TRANSLATE_NOOP("AuditFields", "Visits"),
    "warnings": QT_TRANSLATE_NOOP("AuditFields", "Warnings"),
    "weights": QT_TRANSLATE_NOOP("AuditFields", "Weights"),
    "window_end": QT_TRANSLATE_NOOP("AuditFields", "Application window ends"),
    "window_start": QT_TRANSLATE_NOOP("AuditFields", "Application window starts"),
    "year": QT_TRANSLATE_NOOP("AuditFields", "Year"),
}
"""Fields of the audit trail's before/after (stored under English keys) → English source strings;
a field not listed is shown under its key."""


def field_label(name: str) -> str:
    """A stored field name (``level``) in the window's language (级别 / Level); itself when unknown."""
    source = FIELD_LABELS.get(name)
    return QCoreApplication.translate("AuditFields", source) if source else name


def audit_value(name: str, value: Any) -> Any:
    """A stored value of field ``name`` as the pages show it, in the window's language: a role,
    a return kind, an award level or status, an action's status, type or reason, and any
    reference name (grades, posts, the default score sheet …) through the labels the pages use;
    anything else (text someone typed, numbers, lists) unchanged."""
    if not isinstance(value, str) or not value:
        return value
    if name == "role":
        return role_label(value)
    if name == "kind" and value in RETURN_KINDS:
        return label(RETURN_KINDS, value)
    for terms in (showcase_term, monitoring_term):
        shown_value = terms(value)
        if shown_value != value:
            return shown_value
    return shown(value)


def audit_label(kind: str, value: str) -> str:
    """``value`` of the ``entity`` or ``action`` column in the current language (itself when unknown):
    the names ``qsm audit`` uses too (:mod:`qsm_desktop.domain.audit_labels`)."""
    return entity_label(value) if kind == "entity" else action_label(value)


class AuditPage(Page):
    """The 审计日志 page. Loads the first page of the filter on a worker (:meth:`load`), the next ones
    on demand (:meth:`fetch_more`); :meth:`apply_filter` and :meth:`export_to` for tests and scripts."""

    page_id = "audit"
    icon_name = "audit"

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._query = AuditQuery()
        self._more_generation = 0
        self.export_button = QPushButton(icon("export"), "", self)
        self.export_button.setObjectName("auditExportButton")
        self.header_actions.addWidget(self.export_button)
        self._build_filters()
        self.model = AuditTableModel(audit_label, self)
        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.proxy = sortable_table(self.table, self.model, stretch=4, sort_column=0,
                                    order=Qt.SortOrder.DescendingOrder)  # newest first, the arrow pointing down
        self.empty = empty_state(self.table)
        self.empty.sig_action.connect(self._on_empty_action)
        self.detail = QTextBrowser(self)
        self.detail.setObjectName("auditDetail")
        self.detail.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.body.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("auditCount")
        self.count_label.setStyleSheet(f"color: {MUTED};")
        bottom.addWidget(self.count_label, 1)
        self.more_button = QPushButton(self)
        self.more_button.setObjectName("auditMoreButton")
        bottom.addWidget(self.more_button)
        self.body.addLayout(bottom)

        self.model.sig_more_wanted.connect(self._on_model_more_wanted)
        self.model.rowsInserted.connect(lambda *_: self._update_count())
        self.model.modelReset.connect(self._update_count)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.more_button.clicked.connect(self._on_more_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.search_button.clicked.connect(self._on_search_button_clicked)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self.text_edit.returnPressed.connect(self._on_search_button_clicked)
        self.person_combo.lineEdit().returnPressed.connect(self._on_search_button_clicked)
        self.entity_combo.currentIndexChanged.connect(self._on_search_button_clicked)
        for box, edit in ((self.from_check, self.from_edit), (self.to_check, self.to_edit)):
            box.toggled.connect(edit.setEnabled)
            edit.setEnabled(False)
        self.retranslateUi()

    def _build_filters(self) -> None:
        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.person_label = QLabel(self)
        self.person_combo = QComboBox(self)
        self.person_combo.setObjectName("auditPerson")
        self.person_combo.setEditable(True)
        self.person_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.person_combo.setMinimumContentsLength(12)
        self.entity_label = QLabel(self)
        self.entity_combo = QComboBox(self)
        self.entity_combo.setObjectName("auditEntity")
        self.entity_combo.setMinimumContentsLength(18)
        self.entity_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.from_check = QCheckBox(self)
        self.from_edit = date_edit(self, "auditFrom")
        self.to_check = QCheckBox(self)
        self.to_edit = date_edit(self, "auditTo")
        today = QDate.currentDate()
        self.from_edit.setDate(today.addMonths(-1))
        self.to_edit.setDate(today)
        self.text_edit = QLineEdit(self)
        self.text_edit.setObjectName("auditText")
        self.text_edit.setClearButtonEnabled(True)
        self.search_button = QPushButton(self)
        self.search_button.setObjectName("auditSearchButton")
        self.search_button.setDefault(True)
        self.clear_button = QPushButton(icon("clear"), "", self)
        # two lines, so that the filters fit 1366×768 at 125 % (1093 logical pixels) without scrolling sideways
        for widget in (self.person_label, self.person_combo, self.entity_label, self.entity_combo):
            bar.addWidget(widget)
        bar.addStretch(1)
        dates = QHBoxLayout()
        dates.setSpacing(8)
        for widget in (self.from_check, self.from_edit, self.to_check, self.to_edit):
            dates.addWidget(widget)
        dates.addWidget(self.text_edit, 1)
        dates.addWidget(self.search_button)
        dates.addWidget(self.clear_button)
        self.body.addLayout(bar)
        self.body.addLayout(dates)

    # ------------------------------------------------------------------ Page
    def title(self) -> str:
        return self.tr("Audit trail")

    def subtitle(self) -> str:
        return self.tr("Who changed what and when, with the values before and after — newest first")

    def retranslateUi(self) -> None:
        super().retranslateUi()
        self.export_button.setText(self.tr("Export to Excel"))
        self.person_label.setText(self.tr("Person:"))
        self.person_combo.lineEdit().setPlaceholderText(self.tr("anyone"))
        self.person_combo.setToolTip(self.tr("The login whose changes to list (empty: everyone's)"))
        self.entity_label.setText(self.tr("Entity:"))
        self._fill_entities(self._entity_names())
        self.from_check.setText(self.tr("From"))
        self.to_check.setText(self.tr("to"))
        self.text_edit.setPlaceholderText(self.tr("Key contains…"))
        self.text_edit.setToolTip(self.tr("Text found in the key: a staff number, a login, a batch number…"))
        self.search_button.setText(self.tr("Search"))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Clear every filter"))
        self.more_button.setText(self.tr("More"))
        self.more_button.setToolTip(self.tr("Fetch the next entries (scrolling to the end does the same)"))
        self.model.retranslate()
        self._update_count()
        self._show_line(self.selected_line())

    def load_request(self) -> AuditQuery:
        self._query = self.current_query()
        return self._query

    def load(self, scope, request: AuditQuery) -> Any:
        services, actor = self.ctx.services, self.ctx.actor
        first = audit_trail.page(services, actor, request)
        return first, audit_trail.entity_names(services, actor), audit_trail.login_names(services, actor)

    def show_data(self, data: Any) -> None:
        first, entities, logins = data
        self._more_generation += 1
        self._fill_entities(entities)
        self._fill_logins(logins)
        self.model.reset(first.lines, first.more)
        self.detail.clear()
        if first.lines:
            self.table.selectRow(0)
        else:
            self._show_line(None)

    # ------------------------------------------------------------------ filters
    def current_query(self) -> AuditQuery:
        """The :class:`AuditQuery` the filter bar describes."""
        login = self.person_combo.currentText().strip() or None
        return AuditQuery(
            login=login, entity=self.entity_combo.currentData() or None,
            since=self.from_edit.date().toPython() if self.from_check.isChecked() else None,
            until=self.to_edit.date().toPython() if self.to_check.isChecked() else None,
            text=self.text_edit.text().strip() or None)

    def apply_filter(self, *, login: str | None = None, entity: str | None = None, since: dt.date | None = None,
                     until: dt.date | None = None, text: str | None = None) -> None:
        """Set the filter bar (``None`` = no limit) and search (tests, the CLI-like use)."""
        widgets = (self.person_combo, self.entity_combo, self.from_check, self.to_check, self.text_edit)
        for widget in widgets:
            widget.blockSignals(True)
        self.person_combo.setEditText(login or "")
        index = self.entity_combo.findData(entity or "")
        if index < 0 and entity:
            self.entity_combo.addItem(audit_label("entity", entity), entity)
            index = self.entity_combo.count() - 1
        self.entity_combo.setCurrentIndex(max(index, 0))
        for box, edit, value in ((self.from_check, self.from_edit, since), (self.to_check, self.to_edit, until)):
            box.setChecked(value is not None)
            edit.setEnabled(value is not None)
            if value is not None:
                edit.setDate(QDate(value.year, value.month, value.day))
        self.text_edit.setText(text or "")
        for widget in widgets:
            widget.blockSignals(False)
        self.refresh_now()

    def _entity_names(self) -> list[str]:
        return [self.entity_combo.itemData(i) for i in range(1, self.entity_combo.count())]

    def _fill_entities(self, names: list[str]) -> None:
        current = self.entity_combo.currentData() or ""
        self.entity_combo.blockSignals(True)
        self.entity_combo.clear()
        self.entity_combo.addItem(self.tr("All entities"), "")
        for name in sorted(names, key=lambda n: audit_label("entity", n)):
            self.entity_combo.addItem(audit_label("entity", name), name)
        self.entity_combo.setCurrentIndex(max(self.entity_combo.findData(current), 0))
        self.entity_combo.blockSignals(False)

    def _fill_logins(self, logins: list[str]) -> None:
        text = self.person_combo.currentText()
        self.person_combo.blockSignals(True)
        self.person_combo.clear()
        self.person_combo.addItems(logins)
        self.person_combo.setEditText(text)
        self.person_combo.blockSignals(False)

    # ------------------------------------------------------------------ paging
    def fetch_more(self) -> bool:
        """Fetch the next page of the current filter on a worker; whether a request went out."""
        return self.model.request_more()

    def _on_model_more_wanted(self) -> None:
        lines = self.model.lines()
        if not lines:
            self.model.fetch_failed()
            return
        cursor = (lines[-1].when, lines[-1].id or 0)
        services, actor, query, generation = self.ctx.services, self.ctx.actor, self._query, self._more_generation
        self.ctx.tasks.start(lambda _ctx: audit_trail.page(services, actor, query, after=cursor), title="",
                             progress=False, on_done=lambda found: self._on_more_loaded(generation, found),
                             on_error=self._on_more_failed)

    def _on_more_loaded(self, generation: int, found) -> None:
        if generation == self._more_generation:  # not a page of an older filter
            self.model.append_page(found.lines, found.more)

    def _on_more_failed(self, exc: BaseException) -> None:
        self.model.fetch_failed()
        report_exception(exc, self)

    def _update_count(self) -> None:
        count = self.model.rowCount()
        if count == 0:
            text = self.tr("No entries match.")
        elif self.model.more:
            text = self.tr("The newest {count} entries are shown; scroll down or press More for older ones.").format(
                count=fmt_int(count))
        else:
            text = self.tr("%Ln entry(s).", "", count)
        self.count_label.setText(text)
        self.more_button.setEnabled(self.model.more)
        query = self._query or self.current_query()
        if any((query.login, query.entity, query.since, query.until, query.text)):
            self.empty.set_hint(self.tr("No recorded change matches these filters (person, kind, dates, text)."),
                                self.tr("Clear the filters"))
        else:
            self.empty.set_hint(self.tr("Nothing recorded yet: every import and every change, made in the window "
                                        "or with the qsm command, is listed here."))

    def _on_empty_action(self) -> None:
        """The empty list's button: clear the filters and search the whole trail."""
        self.apply_filter()

    # ------------------------------------------------------------------ detail
    def selected_line(self):
        """The audit line selected in the table (``None`` when none)."""
        indexes = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not indexes:
            return None
        return self.model.line(self.proxy.mapToSource(indexes[0]).row())

    def _on_table_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_line(self.selected_line())

    def _show_line(self, line) -> None:
        if line is None:
            self.detail.setHtml(f"<p style='color:{MUTED}'>{html.escape(self.tr('Choose an entry to see what it changed.'))}</p>")
            return
        self.detail.setHtml(detail_html(line))

    # ------------------------------------------------------------------ export
    def _on_export_button_clicked(self) -> None:
        path = self.ask_export_path(self.tr("Export the audit trail"),
                                    self.tr("audit_{date}.xlsx").format(date=dt.date.today().isoformat()),
                                    self.tr("Excel workbook (*.xlsx)"))
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path):
        """Write every entry of the current filter (all pages) to ``path`` on a worker; the task handle."""
        services, actor, query = self.ctx.services, self.ctx.actor, self.current_query()
        headers = [self.tr("When"), self.tr("Login"), self.tr("Role"), self.tr("Entity"), self.tr("Action"),
                   self.tr("Key"), self.tr("Before"), self.tr("After"), self.tr("Import batch")]
        title = self.tr("Audit trail — exported {date}").format(date=when_text(dt.datetime.now()))

        def rows():
            for line in audit_trail.iter_entries(services, actor, query):
                yield (when_text(line.when), line.login, line.role, line.entity, line.action, line.key or "",
                       json_text(line.before), json_text(line.after), line.batch_id)

        exports = services.exports
        sheet = self.tr("Audit trail")

        def work(ctx):
            return exports.write_table(path, sheet=sheet, title=title, headers=headers, rows=rows(),
                                       widths=(20, 16, 16, 20, 14, 20, 60, 60, 10), progress=ctx.progress,
                                       cancel=ctx.is_cancelled)

        return self.ctx.tasks.start(work, title=self.tr("Exporting the audit trail"), parent=self,
                                    on_done=lambda count: self._on_export_done(path, count))

    def _on_export_done(self, path: Path, count: int) -> None:
        if count >= 0:
            self.count_label.setText(self.tr("%Ln entry(s) written to {file}", "", count).format(file=path.name))
            self.ctx.settings.update(export_dir=str(path.parent))

    # ------------------------------------------------------------------ slots
    def _on_search_button_clicked(self, *_args) -> None:
        self.refresh_now()

    def _on_clear_button_clicked(self) -> None:
        self.apply_filter()

    def _on_more_button_clicked(self) -> None:
        self.fetch_more()


def detail_html(line) -> str:
    """The entry ``line`` (an :class:`~qsm_desktop.services.audit_trail.AuditLine`) as HTML: who,
    when, what, then a table of its fields before and after (:func:`~qsm_desktop.ui.models.audit.compare`)."""
    esc = html.escape
    batch = QCoreApplication.translate("AuditPage", "import batch")
    head = (f"<p><b>{esc(audit_label('entity', line.entity))}</b> {esc(line.key or '')} · "
            f"{esc(audit_label('action', line.action))}<br>"
            f"<span style='color:{MUTED}'>{esc(when_text(line.when))} · {esc(line.login)} ({esc(role_label(line.role))})"
            + (f" · {esc(batch)} {line.batch_id}" if line.batch_id else "") + "</span></p>")
    rows = compare(line.before, line.after, audit_value)
    if line.action == "passwd":
        note = QCoreApplication.translate("AuditPage", "A new password was set; passwords are never recorded.")
        return head + f"<p>{esc(note)}</p>"
    if not rows:
        nothing = QCoreApplication.translate("AuditPage", "No fields recorded for this entry.")
        return head + f"<p style='color:{MUTED}'>{esc(nothing)}</p>"
    marks = {ADDED: ("#e8f5e9", QCoreApplication.translate("AuditPage", "added")),
             REMOVED: ("#fdecea", QCoreApplication.translate("AuditPage", "removed")),
             CHANGED: ("#fff8e1", QCoreApplication.translate("AuditPage", "changed"))}
    titles = [esc(QCoreApplication.translate("AuditPage", "Field")), esc(QCoreApplication.translate("AuditPage", "Before")),
              esc(QCoreApplication.translate("AuditPage", "After"))]
    body = ["<tr>" + "".join(f"<th align='left'>{t}</th>" for t in titles) + "<th></th></tr>"]
    for row in rows:
        colour, word = marks.get(row.state, ("", ""))
        style = f" style='background:{colour}'" if colour else ""
        body.append(f"<tr{style}><td>{esc(field_label(row.name))}</td><td>{esc(row.before)}</td><td>{esc(row.after)}</td>"
                    f"<td style='color:{MUTED}'>{esc(word)}</td></tr>")
    return head + "<table cellspacing='0' cellpadding='4' width='100%'>" + "".join(body) + "</table>"


__all__ = ["FIELD_LABELS", "AuditPage", "audit_label", "audit_value", "detail_html",
           "field_label"]
