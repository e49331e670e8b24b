"""参考数据英文名 — the English names of reference data (issue 14: "seeded, editable").

One row per table and Chinese name (:class:`~qsm_desktop.services.reference_names.ReferenceName`):
table, code, Chinese name, English name (an empty one says the Chinese name is shown) and how
many records carry the name. A filter by table and a search over the texts narrow the list.
*Edit English name…* (also Enter, F2 or a double click on a row) opens a small dialog
(:class:`~qsm_desktop.ui.views.reference_name_dialog.EnglishNameDialog`); its *Save…* asks for
confirmation, naming the old and the new text, and saves through
``services.reference_names.set_english_name`` on a worker — the one write path (head office only,
audited, the English name seen checked: a name someone else changed meanwhile is refused and the
page offers to reload). The window's catalogue of English names is reloaded by the service, so
every page shows the new name at once. A saved edit is undone by editing it back (the audit trail
keeps both).

The indicator system's names are edited in its own editor (a new version), not here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QTableView, QWidget,
)

from qsm_desktop.domain.errors import ConflictError, QsmError
from qsm_desktop.domain.names import shown_version
from qsm_desktop.ui.errors import report_exception
from qsm_desktop.ui.models.table import ALIGN_RIGHT, OBJECT_ROLE, Column, RowTableModel
from qsm_desktop.ui.style import GOOD, MUTED
from qsm_desktop.ui.views.base import Page
from qsm_desktop.ui.views.reference_name_dialog import EnglishNameDialog
from qsm_desktop.ui.widgets.conflict import offer_reload
from qsm_desktop.ui.widgets.empty_state import empty_state
from qsm_desktop.ui.widgets.tables import sortable_table

CONTEXT = "ReferenceNamesPage"

TABLE_LABELS = {
    "plan_target": QT_TRANSLATE_NOOP("ReferenceNamesPage", "Plan target"),
    "certificate_type": QT_TRANSLATE_NOOP("ReferenceNamesPage", "Certificate type"),
    "certificate_level": QT_TRANSLATE_NOOP("ReferenceNamesPage", "Certificate level"),
    "post_category": QT_TRANSLATE_NOOP("ReferenceNamesPage", "Post category"),
    "post": QT_TRANSLATE_NOOP("ReferenceNamesPage", "Post"),
    "checklist": QT_TRANSLATE_NOOP("ReferenceNamesPage", "Checklist"),
    "checklist_module": QT_TRANSLATE_NOOP("ReferenceNamesPage", "Checklist module"),
    "checklist_norm": QT_TRANSLATE_NOOP("ReferenceNamesPage", "Module norm"),
    "checklist_item": QT_TRANSLATE_NOOP("ReferenceNamesPage", "Checklist item"),
    "complaint_code": QT_TRANSLATE_NOOP("ReferenceNamesPage", "Complaint category"),
    "deadline_class": QT_TRANSLATE_NOOP("ReferenceNamesPage", "Complaint deadline class"),
}
"""Table keys of :data:`qsm_desktop.services.reference_names.TABLES` → English source strings."""


def table_label(key: str) -> str:
    """A reference table's name in the window's language (``证书等级`` / ``Certificate level``)."""
    source = TABLE_LABELS.get(key)
    return QCoreApplication.translate(CONTEXT, source) if source else key


def _english_text(name_en: str) -> str:
    return name_en or QCoreApplication.translate("ReferenceNamesPage", "(none: the Chinese name is shown)")


def name_columns() -> list[Column]:
    """The table's columns (headers translated in context ``ReferenceNamesPage``)."""
    return [
        Column("table", QT_TRANSLATE_NOOP("ReferenceNamesPage", "Table"), lambda r: r.table, display=table_label),
        Column("code", QT_TRANSLATE_NOOP("ReferenceNamesPage", "Code"), lambda r: r,
               display=lambda r: shown_version(r.code) if r.table == "checklist" else r.code, sort=lambda r: r.code),
        Column("name", QT_TRANSLATE_NOOP("ReferenceNamesPage", "Chinese name"), lambda r: r.name,
               tooltip=lambda r: r.name),
        Column("name_en", QT_TRANSLATE_NOOP("ReferenceNamesPage", "English name"), lambda r: r.name_en,
               display=_english_text, colour=lambda r: (None if r.name_en else MUTED, None),
               tooltip=lambda r: _english_text(r.name_en)),
        Column("rows", QT_TRANSLATE_NOOP("ReferenceNamesPage", "Records"), lambda r: r.rows, align=ALIGN_RIGHT),
    ]


class ReferenceNamesPage(Page):
    """The 参考数据英文名 page. Public operations for the buttons, tests and scripts:
    :meth:`set_table_filter`, :meth:`select_name`, :meth:`edit_selected`, :meth:`confirm_save`,
    :meth:`save_english_name`."""

    page_id = "reference_names"
    icon_name = "names"

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._dialog: Any = None
        self._confirm: QMessageBox | None = None
        self._rows: list = []
        self._select_after_load: tuple[str, str] | None = None
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("editNameButton")
        self.header_actions.addWidget(self.edit_button)
        bar = QHBoxLayout()
        self.table_label = QLabel(self)
        self.table_combo = QComboBox(self)
        self.table_combo.setObjectName("tableFilter")
        self.table_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.table_label.setBuddy(self.table_combo)
        self.search_label = QLabel(self)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("nameSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search_edit)
        bar.addWidget(self.table_label)
        bar.addWidget(self.table_combo)
        bar.addSpacing(12)
        bar.addWidget(self.search_label)
        bar.addWidget(self.search_edit, 1)
        self.body.addLayout(bar)
        self.note_label = QLabel(self)
        self.note_label.setObjectName("namesNote")
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet(f"color: {MUTED};")
        self.body.addWidget(self.note_label)
        self.model = RowTableModel(name_columns(), CONTEXT, self)
        self.table = QTableView(self)
        self.table.setObjectName("referenceNames")
        self.proxy = sortable_table(self.table, self.model, stretch=3)  # the English name takes the room left
        self.proxy.setFilterKeyColumn(-1)  # the search looks at every column
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.empty = empty_state(self.table)
        self.empty.sig_action.connect(self._on_empty_action)
        self.body.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.count_label = QLabel(self)
        self.count_label.setStyleSheet(f"color: {MUTED};")
        bottom.addWidget(self.count_label, 1)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("namesStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setStyleSheet(f"color: {GOOD};")
        bottom.addWidget(self.status_label, 2)
        self.body.addLayout(bottom)
        self.edit_action = QAction(self)  # Enter / F2 on the table edit the selected row
        self.edit_action.setShortcuts([QKeySequence(Qt.Key.Key_F2), QKeySequence(Qt.Key.Key_Return),
                                       QKeySequence(Qt.Key.Key_Enter)])
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.edit_action.triggered.connect(self.edit_selected)
        self.table.addAction(self.edit_action)
        self.edit_button.clicked.connect(self.edit_selected)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table_combo.currentIndexChanged.connect(self._on_table_combo_changed)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.retranslateUi()

    # ------------------------------------------------------------------ Page
    @property
    def may_edit(self) -> bool:
        """Whether the acting person may change English names (head office, DESIGN §6)."""
        return self.ctx.services.reference_names.may_edit(self.ctx.actor)

    def title(self) -> str:
        return self.tr("Reference names")

    def nav_title(self) -> str:
        return self.tr("English names")  # fits the navigation column at 150 % ("Reference na…" did not)

    def subtitle(self) -> str:
        return self.tr("English names of the reference data the program seeds: what an English window and "
                       "English reports show")

    def retranslateUi(self) -> None:
        super().retranslateUi()
        self.edit_button.setText(self.tr("Edit English name…"))
        self.edit_button.setToolTip(self.tr("Edit the selected row's English name (Enter or F2)"))
        self.table_label.setText(self.tr("&Table:"))
        self.search_label.setText(self.tr("&Find:"))
        self.search_edit.setPlaceholderText(self.tr("code, Chinese or English name"))
        self._fill_tables()
        self.note_label.setText(self.tr(
            "Each row is one Chinese name: every record carrying it (a target's years, a level of each "
            "certificate type, a module of each checklist edition) gets the English name. An empty English name "
            "shows the Chinese one. The indicator system's names are edited in the indicator system editor."))
        self.model.retranslate()
        self._update_count()
        self._update_buttons()
        self._update_empty()

    def load(self, scope, request: Any) -> Any:
        return self.ctx.services.reference_names.names(self.ctx.actor)

    def show_data(self, rows: Any) -> None:
        selected = self.selected_name()
        keep = self._select_after_load or ((selected.table, selected.name) if selected else None)
        self._select_after_load = None
        self._rows = list(rows)
        self._fill_tables()
        self._apply_table_filter()
        if keep:  # else the filter selected the first row: Enter or F2 edits at once
            self.select_name(*keep)
        self._update_empty()

    # ------------------------------------------------------------------ filter and table
    def _fill_tables(self) -> None:
        """The table filter: all tables, then each table that has rows (in the service's order)."""
        current = self.table_combo.currentData()
        keys = list(dict.fromkeys(r.table for r in self._rows))
        self.table_combo.blockSignals(True)
        self.table_combo.clear()
        self.table_combo.addItem(self.tr("All tables"), None)
        for key in keys:
            self.table_combo.addItem(table_label(key), key)
        index = self.table_combo.findData(current) if current else 0
        self.table_combo.setCurrentIndex(max(index, 0))
        self.table_combo.blockSignals(False)

    def set_table_filter(self, table: str | None) -> None:
        """Show only ``table``'s rows (a key of the service's ``TABLES``; ``None``: every table)."""
        index = self.table_combo.findData(table) if table else 0
        self.table_combo.setCurrentIndex(max(index, 0))

    def _apply_table_filter(self) -> None:
        table = self.table_combo.currentData()
        self.model.set_rows([r for r in self._rows if table is None or r.table == table])
        if self.proxy.rowCount():
            self.table.selectRow(0)
        self._update_count()
        self._update_buttons()

    def names(self) -> list:
        """The rows on screen after both filters, in view order."""
        return [self.proxy.data(self.proxy.index(i, 0), OBJECT_ROLE) for i in range(self.proxy.rowCount())]

    def selected_name(self):
        """The selected :class:`~qsm_desktop.services.reference_names.ReferenceName` (``None`` when none)."""
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        return self.proxy.data(rows[0], OBJECT_ROLE) if rows else None

    def select_name(self, table: str, name: str) -> bool:
        """Select the row of ``table`` and Chinese ``name``; whether it is listed."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            record = self.proxy.data(index, OBJECT_ROLE)
            if (record.table, record.name) == (table, name):
                self.table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                self.table.scrollTo(index)
                return True
        return False

    def _update_count(self) -> None:
        shown_rows, total = self.proxy.rowCount(), len(self._rows)
        text = self.tr("%n name(s)", "", shown_rows)
        if shown_rows != total:
            text += " " + self.tr("(of {total})").format(total=total)
        self.count_label.setText(text)

    def _update_buttons(self) -> None:
        record = self.selected_name()
        self.edit_button.setEnabled(self.may_edit and record is not None)
        if not self.may_edit:
            self.edit_button.setToolTip(self.tr("Only the head office edits reference data."))

    def _update_empty(self) -> None:
        """What fills an empty list: the seeded reference data (``qsm db upgrade``), or a looser filter."""
        if self._rows:
            self.empty.set_hint(self.tr("No name matches the filter. Clear the search or choose all tables."),
                                self.tr("Show all"))
        else:
            self.empty.set_hint(self.tr(
                "No reference data in this database yet: plan targets, certificate types, posts, checklists and "
                "complaint codes are seeded when the database is set up (qsm db upgrade), and posts arrive with the "
                "certification returns. Their English names can be edited here then."))

    # ------------------------------------------------------------------ editing
    def edit_selected(self) -> EnglishNameDialog | None:
        """Open the English-name dialog of the selected row; the dialog (``None`` when nothing is selected
        or the person may not edit)."""
        record = self.selected_name()
        if record is None or not self.may_edit:
            return None
        dialog = EnglishNameDialog(record, table_label(record.table), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self._dialog = dialog
        dialog.sig_submitted.connect(lambda text: self.confirm_save(record, text, dialog))
        dialog.finished.connect(lambda *_: setattr(self, "_dialog", None) if self._dialog is dialog else None)
        dialog.open()
        return dialog

    def change_text(self, record, text: str) -> str:
        """The confirmation's sentence: which name changes, from what to what, and where it shows."""
        none = self.tr("nothing (the Chinese name is shown)")
        return self.tr(
            "Change the English name of {name} ({table})\nfrom: {before}\nto: {after}\n\n"
            "Every page and report shows the new name at once; the change is kept in the audit trail and can be "
            "edited back.").format(table=table_label(record.table), name=record.name,
                                   before=record.name_en or none, after=text or none) + (
            "\n" + self.tr("%n record(s) carry this Chinese name and all get it.", "", record.rows)
            if record.rows > 1 else "")

    def confirm_save(self, record, text: str, dialog: EnglishNameDialog | None = None) -> QMessageBox:
        """Ask before saving ``text`` as ``record``'s English name; *Save* saves. Returns the open box."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Save the English name"), self.change_text(record, text),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("confirmNameBox")
        yes = box.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(yes)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        def answered(button) -> None:
            if button is yes:
                self.save_english_name(record, text, dialog)
            elif dialog is not None:
                dialog.resume()  # back to the dialog, its Save enabled again

        box.buttonClicked.connect(answered)
        self._confirm = box
        box.open()
        return box

    def save_english_name(self, record, text: str, dialog: EnglishNameDialog | None = None):
        """Save ``text`` as ``record``'s English name (seen as ``record.name_en``) on a worker; the task handle."""
        services, actor = self.ctx.services, self.ctx.actor
        table, name, seen = record.table, record.name, record.name_en

        def work(_ctx):
            return services.reference_names.set_english_name(actor, table, name, text, expected=seen)

        def done(saved) -> None:
            if dialog is not None:
                dialog.done_ok()
            self.status_label.setText(self.tr("Saved: the English name of {name} is now {text}.").format(
                name=saved.name, text=saved.name_en or self.tr("empty (the Chinese name is shown)")))
            self._select_after_load = (saved.table, saved.name)
            self.refresh_now()

        return self.ctx.tasks.start(work, title=self.tr("Saving the English name"), writes=True, progress=False,
                                    on_done=done, on_error=lambda exc: self._refused(exc, dialog))

    def _refused(self, exc: BaseException, dialog) -> None:
        if isinstance(exc, ConflictError):  # someone else changed it first (DESIGN §6)
            if dialog is not None:
                dialog.reject()
            self._dialog = offer_reload(self, str(exc), self.refresh_now)
        elif isinstance(exc, QsmError) and dialog is not None:
            dialog.show_error(str(exc))
        else:
            report_exception(exc, self)

    # ------------------------------------------------------------------ slots
    def _on_table_combo_changed(self, _index: int) -> None:
        self._apply_table_filter()

    def _on_search_edit_text_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._update_count()
        self._update_buttons()

    def _on_empty_action(self) -> None:
        self.search_edit.clear()
        self.set_table_filter(None)


__all__ = ["ReferenceNamesPage", "TABLE_LABELS", "name_columns", "table_label"]
