"""持证上岗 — the certification register: staff with post, unit, status, certificate and expiry.

- Filter as you type on 工号 (prefix) and 姓名 (part of the name), with a 150 ms pause so a
  burst of keys makes one query; filters by post category and status (持证/未持证/已过期/即将到期);
  the unit subtree is the window's unit. SQL filters and sorts (``CertificationService.register_page``);
  the :class:`~qsm_desktop.ui.models.register.RegisterModel` fetches 200 rows at a time as the
  user scrolls, all on a worker — smooth at 90,000 staff.
- Header click → the service sorts.
- The detail panel shows the selected person's certificates, whether each counts for the post
  on the scope's date, and where each came from (file, sheet, row) — DESIGN §3 traceability.
- *Export* writes every row of the current filter (not only the fetched ones) to Excel.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFormLayout, QFrame, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QScrollArea, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from qsm_desktop.domain.names import shown
from qsm_desktop.ui.labels import POST_CATEGORIES, REGISTER_STATUS, category_names, label
from qsm_desktop.ui.models.register import HEADERS, PAGE_SIZE, RegisterModel, row_values
from qsm_desktop.ui.models.table import ALIGN_CENTER, Column, RowTableModel, fmt_date
from qsm_desktop.ui.style import BAD, GOOD, icon
from qsm_desktop.ui.views.base import Page
from qsm_desktop.ui.widgets.empty_state import empty_state
from qsm_desktop.ui.widgets.tables import column_menu, fit_columns, read_only, show_rows

DEBOUNCE_MS = 150
EXPORT_CHUNK = 2000

CERT_COLUMNS = (
    Column("number", QT_TRANSLATE_NOOP("PersonCertificates", "Certificate no."), lambda c: c.number),
    Column("type", QT_TRANSLATE_NOOP("PersonCertificates", "Certificate"), lambda c: shown(c.certificate_type)),
    Column("level", QT_TRANSLATE_NOOP("PersonCertificates", "Level"), lambda c: shown(c.level or ""), align=ALIGN_CENTER),
    Column("issued", QT_TRANSLATE_NOOP("PersonCertificates", "Issued"), lambda c: c.issued, fmt_date, ALIGN_CENTER),
    Column("expires", QT_TRANSLATE_NOOP("PersonCertificates", "Valid until"), lambda c: c.expires, fmt_date, ALIGN_CENTER),
    Column("counts", QT_TRANSLATE_NOOP("PersonCertificates", "Counts for the post"),
           lambda c: c.qualifies and c.valid, lambda v: _yes_no(v), ALIGN_CENTER,
           colour=lambda c: ((GOOD if c.qualifies and c.valid else BAD), None)),
    Column("source", QT_TRANSLATE_NOOP("PersonCertificates", "Source"), lambda c: _source_text(c.source_file, c.source_sheet, c.source_row)),
)


def _yes_no(value: bool) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("PersonCertificates", "Yes" if value else "No")


def _source_text(file: str | None, sheet: str | None, row: int | None) -> str:
    from PySide6.QtCore import QCoreApplication

    if not file and not sheet:
        return QCoreApplication.translate("PersonCertificates", "entered by hand")
    parts = [file or "", sheet or ""]
    text = " · ".join(p for p in parts if p)
    if row:
        text += " · " + QCoreApplication.translate("PersonCertificates", "row {row}").format(row=row)
    return text


class RegisterPage(Page):
    """The 持证上岗 page."""

    page_id = "register"
    icon_name = "register"

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._sort_key = "staff_no"
        self._descending = False
        self._query = None
        self._shown_once = False
        self._first_view = True
        self._count_waiting: tuple[int, int] | None = None
        # filter bar
        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("registerSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(240)
        bar.addWidget(self.search_edit)
        self.category_combo = QComboBox(self)
        self.category_combo.setMinimumContentsLength(14)
        bar.addWidget(self.category_combo)
        self.status_combo = QComboBox(self)
        self.status_combo.setMinimumContentsLength(8)
        bar.addWidget(self.status_combo)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("hint")
        bar.addWidget(self.count_label, 1)
        self.export_button = QPushButton(icon("export"), "", self)
        bar.addWidget(self.export_button)
        self.body.addLayout(bar)
        # table + detail
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.model = RegisterModel(self)
        self.table = QTableView(splitter)
        self.table.setObjectName("registerTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        read_only(self.table)  # Tab goes on to the person's card
        # titles and contents fit (bank scale: Qt samples 1,000 rows), titles on two lines when narrow; the
        # certificate, post category, post, unit and then the status give way, in that order (whole in the
        # person's card and the tooltip): no sideways scroll at 150 %: no sideways scroll at 150 %
        fit_columns(self.table, keep=(0, 1), squeeze=(6, 4, 3, 2, 5))  # units code first: "110101 交通银…"
        # the post starts hidden (its category is what counts; the card names both), a right-click on the titles
        # shows it: at 150 % eight columns beside the card cut the unit to "交通…" (user trial)
        self.table.setColumnHidden(3, True)
        column_menu(self.table)
        self.empty = empty_state(self.table)
        self.empty.sig_action.connect(self._on_empty_action)
        self.detail = self._build_detail(splitter)
        detail_scroll = QScrollArea(splitter)  # a short window scrolls the person's card, nothing is cut
        detail_scroll.setObjectName("personScroll")
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        detail_scroll.setWidget(self.detail)
        splitter.addWidget(self.table)
        splitter.addWidget(detail_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([740, 440])
        self.body.addWidget(splitter, 1)
        # behaviour
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.category_combo.currentIndexChanged.connect(self._on_filter_combo_changed)
        self.status_combo.currentIndexChanged.connect(self._on_filter_combo_changed)
        self.model.sig_fetch_requested.connect(self._on_model_fetch_requested)
        self.model.sig_sort_requested.connect(self._on_model_sort_requested)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.retranslateUi()

    def _build_detail(self, parent: QWidget) -> QFrame:
        frame = QFrame(parent)
        frame.setObjectName("card")
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(14, 12, 14, 12)
        self.person_title = QLabel(frame)
        self.person_title.setObjectName("sectionTitle")
        self.person_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.person_title)
        form = QFormLayout()
        form.setHorizontalSpacing(12)
        self.person_fields: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("unit", "post", "in_post", "source"):
            name, value = QLabel(frame), QLabel(frame)
            name.setObjectName("hint")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(name, value)
            self.person_fields[key] = (name, value)
        layout.addLayout(form)
        self.certs_title = QLabel(frame)
        self.certs_title.setObjectName("sectionTitle")
        layout.addWidget(self.certs_title)
        self.cert_model = RowTableModel(CERT_COLUMNS, "PersonCertificates", self)
        self.cert_table = QTableView(frame)
        self.cert_table.setObjectName("certificateTable")
        self.cert_table.setModel(self.cert_model)
        self.cert_table.verticalHeader().setVisible(False)
        self.cert_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.cert_table.setWordWrap(False)
        read_only(self.cert_table)
        fit_columns(self.cert_table)
        show_rows(self.cert_table, 3)
        layout.addWidget(self.cert_table, 1)
        self.person_hint = QLabel(frame)
        self.person_hint.setObjectName("hint")
        self.person_hint.setWordWrap(True)
        layout.addWidget(self.person_hint)
        from qsm_desktop.ui.views.training import PersonTrainingPanel  # the person's training history (issue 6)

        self.training_panel = PersonTrainingPanel(self.ctx.services, self.ctx.actor, frame)
        layout.addWidget(self.training_panel, 1)
        return frame

    # ------------------------------------------------------------------ language
    def title(self) -> str:
        return self.tr("Certification register")

    def nav_title(self) -> str:
        return self.tr("Register")

    def retranslateUi(self) -> None:
        super().retranslateUi()
        self.search_edit.setPlaceholderText(self.tr("Employee no. or name…"))
        self.search_edit.setToolTip(self.tr("Employee numbers match from the start, names anywhere"))
        _refill(self.category_combo, [(None, self.tr("All post categories"))] + list(category_names()))
        _refill(self.status_combo, [(None, self.tr("All statuses"))] +
                [(code, label(REGISTER_STATUS, code)) for code in REGISTER_STATUS])
        self.export_button.setText(self.tr("Export to Excel"))
        self.person_fields["unit"][0].setText(self.tr("Unit"))
        self.person_fields["post"][0].setText(self.tr("Post"))
        self.person_fields["in_post"][0].setText(self.tr("In post"))
        self.person_fields["source"][0].setText(self.tr("Source"))
        self.certs_title.setText(self.tr("Certificates"))
        self.person_hint.setText(self.tr("A certificate counts when it qualifies for the person's post category "
                                         "and is valid on the date shown above."))
        self.model.retranslate()
        self.cert_model.retranslate()
        self._update_count()
        if not self.table.selectionModel().hasSelection():
            self.person_title.setText(self.tr("Select a person to see their certificates"))

    # ------------------------------------------------------------------ queries
    def current_query(self):
        """The :class:`RegisterQuery` the filters describe."""
        from qsm_desktop.services.certification import RegisterQuery

        assert self.scope is not None
        return RegisterQuery(unit_code=self.scope.unit_code, text=self.search_edit.text().strip(),
                             category=self.category_combo.currentData(), status=self.status_combo.currentData(),
                             as_of=self.scope.as_of, sort=self._sort_key, descending=self._descending)

    def reload(self) -> None:
        self._debounce.stop()
        self._clear_detail()
        query = self.current_query()
        self._query = query
        generation = self.model.new_generation()
        service, actor = self.ctx.services.certification, self.ctx.actor
        self.count_label.setText(self.tr("Searching…"))

        # the first page and the count run side by side on two reader threads: the rows show as
        # soon as they arrive, the count follows
        self._first_view = not self._shown_once
        self.ctx.tasks.start(lambda _ctx: service.register_page(actor, query, 0, PAGE_SIZE), title="", progress=False,
                             on_done=lambda rows: self._on_first_page_loaded(generation, rows),
                             on_error=self._on_load_failed)
        self.ctx.tasks.start(lambda _ctx: service.register_count(actor, query), title="", progress=False,
                             on_done=lambda total: self._on_count_loaded(generation, total),
                             on_error=self._on_load_failed)

    def _on_first_page_loaded(self, generation: int, rows) -> None:
        if self.model.reset_rows(generation, len(rows) + (1 if len(rows) == PAGE_SIZE else 0), rows):
            if self._count_waiting is not None and self._count_waiting[0] == generation:
                self.model.set_total(generation, self._count_waiting[1])
                self._update_count()
            if rows and (self._first_view or len(rows) == 1):
                # the detail panel shows someone when the page opens, and the one person a search found
                self._shown_once = True
                self.table.selectRow(0)

    def _on_count_loaded(self, generation: int, total: int) -> None:
        if generation != self.model.generation:
            return
        if self.model.loaded() or total == 0:
            if self.model.set_total(generation, total):
                self._update_count()
        else:
            self._count_waiting = (generation, total)  # rows not in yet: applied when they arrive

    def _on_load_failed(self, exc: BaseException) -> None:
        from qsm_desktop.ui.errors import report_exception

        self.model.fetch_failed()
        self._update_count()
        report_exception(exc, self)

    def _update_count(self) -> None:
        if self._query is None:
            self.count_label.setText("")
            return
        self.count_label.setText(self.tr("%Ln person(s)", "", self.model.total()))
        query = self._query
        if query.text or query.category or query.status:
            self.empty.set_hint(self.tr("No one in this unit matches the search and filters."),
                                self.tr("Clear the search and filters"))
        else:
            self.empty.set_hint(self.tr("No front-line staff in this unit yet: import the branches' certification "
                                        "returns on the Returns page."), self.tr("Open the Returns page"))

    def _on_empty_action(self) -> None:
        """The empty register's button: clear the search and filters, or go and import the returns."""
        query = self._query
        if query is not None and (query.text or query.category or query.status):
            for widget in (self.search_edit, self.category_combo, self.status_combo):
                widget.blockSignals(True)
            self.search_edit.clear()
            self.category_combo.setCurrentIndex(0)
            self.status_combo.setCurrentIndex(0)
            for widget in (self.search_edit, self.category_combo, self.status_combo):
                widget.blockSignals(False)
            self.refresh()
        else:
            self.sig_page_requested.emit("returns")

    # ------------------------------------------------------------------ slots
    def _on_search_edit_text_changed(self, _text: str) -> None:
        self._debounce.start()

    def _on_debounce_timeout(self) -> None:
        self.refresh()

    def _on_filter_combo_changed(self, _index: int) -> None:
        if self.scope is not None:
            self._debounce.start(0)

    def _on_model_sort_requested(self, key: str, descending: bool) -> None:
        self._sort_key, self._descending = key, descending
        if self.scope is not None:
            self.refresh()

    def _on_model_fetch_requested(self, offset: int) -> None:
        if self._query is None:
            self.model.fetch_failed()
            return
        generation = self.model.generation
        query = self._query
        service, actor = self.ctx.services.certification, self.ctx.actor
        self.ctx.tasks.start(lambda _ctx: service.register_page(actor, query, offset, PAGE_SIZE), title="",
                             progress=False,
                             on_done=lambda rows: self.model.append_rows(generation, offset, rows),
                             on_error=self._on_load_failed)

    def _on_table_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        row = self.model.row_object(indexes[0].row())
        self.show_person(row.staff_no)

    def show_person(self, staff_no: str) -> None:
        """Fill the detail panel with ``staff_no``'s record and certificates."""
        assert self.scope is not None
        person = self.ctx.services.certification.person(self.ctx.actor, staff_no, self.scope.as_of)
        if person is None:
            self._clear_detail()
            return
        self.person_title.setText(f"{person.name}  ·  {person.staff_no}")
        self.person_fields["unit"][1].setText(f"{person.unit_name} ({person.unit_code})")
        self.person_fields["post"][1].setText(f"{shown(person.post)} · {label(POST_CATEGORIES, person.category)}")
        since = fmt_date(person.in_post_from)
        until = fmt_date(person.in_post_to) or self.tr("now")
        self.person_fields["in_post"][1].setText(f"{since} – {until}" if since else until)
        self.person_fields["source"][1].setText(_source_text(person.source_file, person.source_sheet, person.source_row))
        self.cert_model.set_rows(person.certificates)
        self.training_panel.show_person(person.staff_no)

    def _clear_detail(self) -> None:
        self.person_title.setText(self.tr("Select a person to see their certificates"))
        for _name, value in self.person_fields.values():
            value.setText("")
        self.cert_model.set_rows([])
        self.training_panel.clear()

    def _on_export_button_clicked(self) -> None:
        if self._query is None or self.scope is None:
            return
        path = self.ask_export_path(
            self.tr("Export the register"),
            self.tr("register_{unit}_{date}.xlsx").format(unit=self.scope.unit_code, date=self.scope.as_of.isoformat()),
            self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(path)

    def export_to(self, path: Path):
        """Write every row of the current filter to ``path`` on a worker; returns the task handle."""
        query = self._query
        service, actor = self.ctx.services.certification, self.ctx.actor
        total = self.model.total()
        headers = [self.model.headerData(i, Qt.Orientation.Horizontal) for i in range(len(HEADERS))]
        title = self.tr("Certification register — {unit}, as of {date}").format(
            unit=f"{self.scope.unit_name} ({self.scope.unit_code})", date=self.scope.as_of.isoformat())
        sheet = self.tr("Register")

        def rows():
            offset = 0
            while True:
                page = service.register_page(actor, query, offset, EXPORT_CHUNK)
                for row in page:
                    yield row_values(row)
                if len(page) < EXPORT_CHUNK:
                    return
                offset += EXPORT_CHUNK

        exports = self.ctx.services.exports

        def work(ctx):
            return exports.write_table(path, sheet=sheet, title=title, headers=headers, rows=rows(),
                                       widths=(10, 10, 28, 14, 22, 10, 30, 12), progress=ctx.progress, total=total,
                                       cancel=ctx.is_cancelled)

        return self.ctx.tasks.start(work, title=self.tr("Exporting the register"), parent=self,
                                    on_done=lambda count: self._on_export_done(path, count))

    def _on_export_done(self, path: Path, count: int) -> None:
        if count >= 0:
            self.count_label.setText(self.tr("%Ln row(s) written to {file}", "", count).format(file=path.name))
            self.ctx.settings.update(export_dir=str(path.parent))


def _refill(combo: QComboBox, items: list[tuple[object, str]]) -> None:
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for data, text in items:
        combo.addItem(text, data)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)

