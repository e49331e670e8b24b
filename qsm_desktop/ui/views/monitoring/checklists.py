"""检查表 — the mystery-visit checklists (DESIGN §8.1; issue 13 item 1).

The editions (``2007版`` …), each with its six window-service modules and their items (code,
dimension, points, critical, what is checked). An edition no visit was scored against can be
edited in place; one in use cannot change — *New edition…* copies it under a new version and
first day in force, to be edited and saved (visits are checked against the edition in force on
their date). The module list shows each module's points live; saving goes through
``services.monitoring.save_checklist`` (head office only, version-checked, audited), which
refuses a module whose points do not add up to 100 with its sentence, shown above the tables.

Layout from ``ui/monitoring_checklists.ui``; the draft and the cell editors in
:mod:`.checklist_draft`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QDialog, QTableWidgetItem, QWidget

from qsm_desktop.domain.errors import QsmError
from qsm_desktop.domain.monitoring.checklists import DIMENSIONS, MODULE_POINTS
from qsm_desktop.domain.names import shown
from qsm_desktop.ui.errors import report_exception
from qsm_desktop.ui.forms.ui_monitoring_checklists import Ui_MonitoringChecklistsForm
from qsm_desktop.ui.style import BAD, GOOD, MUTED
from qsm_desktop.ui.views.base import Page
from qsm_desktop.ui.views.monitoring.checklist_draft import (
    VALUE_ROLE,
    DimensionDelegate,
    Draft,
    DraftItem,
    PointsDelegate,
)
from qsm_desktop.ui.views.monitoring.common import fill_combo, head_office_writer, number_text, set_disabled_reason, term
from qsm_desktop.ui.views.monitoring.dialogs import ChecklistEditionDialog
from qsm_desktop.ui.widgets.page_parts import page_form
from qsm_desktop.ui.widgets.tables import fit_columns, read_only, set_editable

ITEM_CODE, ITEM_DIMENSION, ITEM_POINTS, ITEM_CRITICAL, ITEM_TEXT = range(5)
"""Columns of the item table."""


class ChecklistsPage(Page):
    """The 检查表 page. :attr:`editions` as the service listed them; :attr:`draft` the edition
    being edited (``None`` when only viewing)."""

    page_id = "checklists"
    icon_name = "checklists"
    sig_data_changed = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.form, self.ui = page_form(self, self.body, Ui_MonitoringChecklistsForm)
        for button in (self.ui.newEditionButton, self.ui.editButton, self.ui.saveButton, self.ui.discardButton):
            self.header_actions.addWidget(button)  # the page's actions beside its title
        self.editions: list = []
        self.draft: Draft | None = None
        self._filling = False
        for table in (self.ui.moduleTable, self.ui.itemTable):
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.verticalHeader().setVisible(False)
            table.setAlternatingRowColors(True)
        self.ui.moduleTable.setColumnCount(5)
        read_only(self.ui.moduleTable)  # Tab goes on to the items
        fit_columns(self.ui.moduleTable)  # the norm (last) takes the room left; narrow: elided, whole in its tooltip
        self.ui.itemTable.setColumnCount(5)
        fit_columns(self.ui.itemTable, stretch=ITEM_TEXT)
        self.ui.itemTable.setItemDelegateForColumn(ITEM_DIMENSION, DimensionDelegate(self.ui.itemTable))
        self.ui.itemTable.setItemDelegateForColumn(ITEM_POINTS, PointsDelegate(self.ui.itemTable))
        self.ui.splitter.setSizes([540, 560])  # the modules with their norms, and the items (issue 14: "Norm" was cut)
        self.ui.editionCombo.currentIndexChanged.connect(self._on_edition_combo_index_changed)
        self.ui.moduleTable.currentCellChanged.connect(self._on_module_table_current_cell_changed)
        self.ui.itemTable.itemChanged.connect(self._on_item_table_item_changed)
        self.ui.itemTable.currentCellChanged.connect(lambda *_: self._update_buttons())
        self.ui.newEditionButton.clicked.connect(self._on_new_edition_button_clicked)
        self.ui.editButton.clicked.connect(self._on_edit_button_clicked)
        self.ui.saveButton.clicked.connect(self._on_save_button_clicked)
        self.ui.discardButton.clicked.connect(self._on_discard_button_clicked)
        self.ui.addItemButton.clicked.connect(self._on_add_item_button_clicked)
        self.ui.removeItemButton.clicked.connect(self._on_remove_item_button_clicked)
        self.retranslateUi()

    # ================================================================== language
    def title(self) -> str:
        return self.tr("Mystery-visit checklists")

    def nav_title(self) -> str:
        return self.tr("Checklists")

    def subtitle(self) -> str:
        return self.tr("What a mystery visit checks, per module: dimension, points, critical items")

    def retranslateUi(self) -> None:
        super().retranslateUi()
        self.ui.retranslateUi(self.form)
        self.ui.moduleTable.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Module"), self.tr("Items"), self.tr("Points"), self.tr("Norm")])
        self.ui.itemTable.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Dimension"), self.tr("Points"), self.tr("Critical"), self.tr("What is checked")])
        if self.editions:
            self._fill_editions()
            self._show()

    # ================================================================== loading
    def load(self, scope, request) -> list:
        """Worker: every edition with its version and the visits checked against it."""
        return self.ctx.services.monitoring.checklist_editions(self.ctx.actor)

    def show_data(self, editions: list) -> None:
        keep = self.ui.editionCombo.currentData()
        self.editions = editions
        self._fill_editions(keep)
        if self.draft is None:
            self._show()

    def _fill_editions(self, keep: Any = None) -> None:
        current = keep if keep is not None else self.ui.editionCombo.currentData()
        latest = self.editions[-1].id if self.editions else None
        fill_combo(self.ui.editionCombo, [(e.checklist.shown_title(), e.id) for e in self.editions],
                   current if current is not None else latest)

    def edition(self):
        """The edition chosen in the list (``None`` when there is none)."""
        wanted = self.ui.editionCombo.currentData()
        return next((e for e in self.editions if e.id == wanted), None)

    # ================================================================== showing
    def _modules(self) -> list:
        if self.draft is not None:
            return self.draft.modules
        edition = self.edition()
        return list(edition.checklist.modules) if edition else []

    def _show(self) -> None:
        """Show the chosen edition (or the draft): its modules and the current module's items."""
        edition = self.edition()
        if self.draft is not None:
            state = (self.tr("New edition, not saved yet") if self.draft.checklist_id is None
                     else self.tr("Editing; not saved yet"))
            self.ui.editionInfo.setText(self.tr("{title} · in force from {date} · {state}").format(
                title=self.draft.shown_title(), date=self.draft.effective_from.isoformat(), state=state))
        elif edition is None:
            self.ui.editionInfo.setText(self.tr("No checklist yet: the 2007 checklists are seeded when the database "
                                                "is created; add one with New edition…"))
        else:
            used = (self.tr("used to score %n visit(s) — it cannot change; add a new edition instead", "",
                            edition.visits) if edition.in_use else self.tr("no visit scored against it yet — it can be edited"))
            self.ui.editionInfo.setText(self.tr("In force from {date} · {used}").format(
                date=edition.checklist.effective_from.isoformat(), used=used))
        row = max(0, self.ui.moduleTable.currentRow())
        self._fill_modules()
        if self.ui.moduleTable.rowCount():
            self.ui.moduleTable.setCurrentCell(min(row, self.ui.moduleTable.rowCount() - 1), 0)
        self._fill_items()
        self._update_buttons()

    def _fill_modules(self) -> None:
        self._filling = True
        table = self.ui.moduleTable
        modules = self._modules()
        table.setRowCount(len(modules))
        for r, m in enumerate(modules):
            total = float(sum(i.points for i in m.items))
            ok = abs(total - MODULE_POINTS) < 1e-9
            cells = [m.code, shown(m.name), str(len(m.items)), number_text(total), shown(m.norm)]
            for c, text in enumerate(cells):
                item = table.item(r, c)
                if item is None:  # a new row's cell; one the table holds already is changed in place (setItem
                    item = QTableWidgetItem()  # again warned "cannot insert an item that is already owned")
                    table.setItem(r, c, item)
                item.setText(text)
                if c in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 3:
                    item.setData(Qt.ItemDataRole.ForegroundRole, None if ok else QColor(BAD))
                    item.setToolTip("" if ok else self.tr("The items add up to {total} points; they must add up to "
                                                          "{expected}.").format(total=number_text(total),
                                                                                expected=MODULE_POINTS))
        self._filling = False

    def _fill_items(self) -> None:
        self._filling = True
        table = self.ui.itemTable
        modules = self._modules()
        row = self.ui.moduleTable.currentRow()
        module = modules[row] if 0 <= row < len(modules) else None
        items = list(module.items) if module else []
        editable = self.draft is not None
        # a draft's grid edits and moves from cell to cell on Tab; an edition only shown lets Tab leave
        set_editable(table, editable, QAbstractItemView.EditTrigger.AllEditTriggers)
        table.setRowCount(len(items))
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        for r, i in enumerate(items):
            code = QTableWidgetItem(i.code)
            dimension = QTableWidgetItem(term(i.dimension))
            dimension.setData(VALUE_ROLE, i.dimension)
            points = QTableWidgetItem()
            points.setData(Qt.ItemDataRole.EditRole, float(i.points))
            points.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            critical = QTableWidgetItem()
            critical.setCheckState(Qt.CheckState.Checked if i.critical else Qt.CheckState.Unchecked)
            text = QTableWidgetItem(i.shown_text())
            for cell in (code, dimension, points, text):
                cell.setFlags(base | Qt.ItemFlag.ItemIsEditable if editable else base)
            critical.setFlags(base | Qt.ItemFlag.ItemIsUserCheckable if editable else base)
            for c, cell in enumerate((code, dimension, points, critical, text)):
                table.setItem(r, c, cell)
        if module is None:
            self.ui.itemTitle.setText("")
            self.ui.totalLabel.setText("")
        else:
            self.ui.itemTitle.setText(self.tr("{module} ({code}) — checks {norm}").format(
                module=shown(module.name), code=module.code, norm=shown(module.norm) or "—"))
            total = float(sum(i.points for i in module.items))
            ok = abs(total - MODULE_POINTS) < 1e-9
            self.ui.totalLabel.setText(self.tr("Total {total} of {expected} points").format(
                total=number_text(total), expected=MODULE_POINTS))
            self.ui.totalLabel.setStyleSheet(f"color: {GOOD if ok else BAD}; font-weight: bold;")
        self._filling = False

    def _update_buttons(self) -> None:
        editing = self.draft is not None
        edition = self.edition()
        writer = head_office_writer(self.ctx)
        no_right = None if writer else self.tr("Only the head office edits the checklists.")
        set_disabled_reason(self.ui.newEditionButton,
                            no_right or (self.tr("Save or discard the changes first.") if editing else None)
                            or (None if edition else self.tr("No edition to start from.")),
                            self.tr("Copy this edition under a new version and first day in force, then edit it."))
        if edition is not None and edition.in_use:
            in_use = self.tr("{title} was used to score %n visit(s) and cannot change; add a new edition "
                             "instead.", "", edition.visits).format(title=edition.checklist.shown_title())
        else:
            in_use = None
        set_disabled_reason(self.ui.editButton, no_right or (self.tr("Editing already.") if editing else None)
                            or (None if edition else self.tr("No edition to edit.")) or in_use,
                            self.tr("Edit this edition's items (no visit was scored against it)."))
        not_editing = None if editing else self.tr("Nothing is being edited.")
        set_disabled_reason(self.ui.saveButton, not_editing, self.tr("Check and save the edition."))
        set_disabled_reason(self.ui.discardButton, not_editing, self.tr("Drop the changes."))
        set_disabled_reason(self.ui.addItemButton, not_editing, self.tr("Add an item to the selected module."))
        set_disabled_reason(self.ui.removeItemButton, not_editing or (
            None if self.ui.itemTable.currentRow() >= 0 else self.tr("Select an item first.")),
                            self.tr("Remove the selected item."))
        self.ui.editionCombo.setEnabled(not editing)

    def _say(self, text: str, colour: str = MUTED) -> None:
        self.ui.messageLabel.setText(text)
        self.ui.messageLabel.setStyleSheet(f"color: {colour};")

    # ================================================================== editing
    def start_new_edition(self, name: str, label: str, effective_from) -> None:
        """Start a draft copy of the chosen edition as a new edition (not saved until :meth:`save`)."""
        edition = self.edition()
        self.draft = Draft.of(edition.checklist)
        self.draft.name, self.draft.label, self.draft.effective_from = name, label, effective_from
        self._say(self.tr("Edit the items, then save: each module's points must add up to {n}.").format(n=MODULE_POINTS))
        self._show()

    def start_editing(self) -> None:
        """Start editing the chosen edition in place (only one no visit was scored against)."""
        edition = self.edition()
        self.draft = Draft.of(edition.checklist, edition.id, edition.version)
        self._say(self.tr("Edit the items, then save: each module's points must add up to {n}.").format(n=MODULE_POINTS))
        self._show()

    def save(self):
        """Save the draft through ``services.monitoring.save_checklist`` on the writer thread; a
        refusal (points not adding up, a stale copy, no right) is shown above the tables and the
        draft is kept."""
        draft = self.draft
        svc, actor = self.ctx.services.monitoring, self.ctx.actor
        checklist = draft.to_checklist()

        def done(saved_id: int) -> None:
            self.draft = None
            self._say(self.tr("Saved: {title}.").format(title=checklist.shown_title()), GOOD)
            self.ui.editionCombo.blockSignals(True)
            self.ui.editionCombo.addItem(checklist.shown_title(), saved_id)  # selected when the list comes back
            self.ui.editionCombo.setCurrentIndex(self.ui.editionCombo.count() - 1)
            self.ui.editionCombo.blockSignals(False)
            self.sig_data_changed.emit()
            self.refresh()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, QsmError):
                self._say(str(exc), BAD)
            else:
                report_exception(exc, self)

        return self.ctx.tasks.start(
            lambda _ctx: svc.save_checklist(actor, checklist, checklist_id=draft.checklist_id,
                                            expected_version=draft.version),
            title=self.tr("Saving the checklist"), writes=True, progress=False, parent=self, on_done=done,
            on_error=failed)

    def discard(self) -> None:
        """Drop the draft and show the chosen edition again."""
        self.draft = None
        self._say("")
        self._show()

    def _current_module(self):
        modules = self._modules()
        row = self.ui.moduleTable.currentRow()
        return modules[row] if self.draft is not None and 0 <= row < len(modules) else None

    # ================================================================== slots
    def _on_edition_combo_index_changed(self, _index: int) -> None:
        if self.draft is None:
            self._say("")
            self._show()

    def _on_module_table_current_cell_changed(self, row: int, _col: int, previous: int, _pc: int) -> None:
        if not self._filling and row != previous:
            self._fill_items()
            self._update_buttons()

    def _on_item_table_item_changed(self, cell: QTableWidgetItem) -> None:
        module = self._current_module()
        if self._filling or module is None or cell.row() >= len(module.items):
            return
        item = module.items[cell.row()]
        column = cell.column()
        if column == ITEM_CODE:
            item.code = cell.text().strip().upper()
        elif column == ITEM_DIMENSION:
            item.dimension = cell.data(VALUE_ROLE) or item.dimension
        elif column == ITEM_POINTS:
            try:
                item.points = float(cell.data(Qt.ItemDataRole.EditRole) or 0)
            except (TypeError, ValueError):
                item.points = 0.0
        elif column == ITEM_CRITICAL:
            item.critical = cell.checkState() == Qt.CheckState.Checked
        elif column == ITEM_TEXT:
            item.set_shown_text(cell.text())
        self._fill_modules()
        self._refresh_total(module)

    def _refresh_total(self, module) -> None:
        ok = module.adds_up
        self.ui.totalLabel.setText(self.tr("Total {total} of {expected} points").format(
            total=number_text(module.total), expected=MODULE_POINTS))
        self.ui.totalLabel.setStyleSheet(f"color: {GOOD if ok else BAD}; font-weight: bold;")

    def _on_new_edition_button_clicked(self) -> None:
        edition = self.edition()
        if edition is None or self.draft is not None:
            return
        dialog = ChecklistEditionDialog(edition.checklist, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.start_new_edition(*dialog.values())

    def _on_edit_button_clicked(self) -> None:
        edition = self.edition()
        if edition is not None and not edition.in_use and self.draft is None:
            self.start_editing()

    def _on_save_button_clicked(self) -> None:
        if self.draft is not None:
            self.save()

    def _on_discard_button_clicked(self) -> None:
        self.discard()

    def _on_add_item_button_clicked(self) -> None:
        module = self._current_module()
        if module is None:
            return
        module.items.append(DraftItem(module.next_code(), DIMENSIONS[1], 0.0, False, ""))
        self._fill_modules()
        self._fill_items()
        self.ui.itemTable.setCurrentCell(len(module.items) - 1, ITEM_TEXT)
        self._update_buttons()

    def _on_remove_item_button_clicked(self) -> None:
        module = self._current_module()
        row = self.ui.itemTable.currentRow()
        if module is None or not 0 <= row < len(module.items):
            return
        del module.items[row]
        self._fill_modules()
        self._fill_items()
        self._update_buttons()
