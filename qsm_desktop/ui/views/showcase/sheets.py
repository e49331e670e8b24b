"""The Score sheets tab of the showcase page (评分): an application's sheets (回避, trimmed and
outlier sheets marked) and the score grid — item, points, score, 扣分原因. A score above the item's
points is refused in the cell; a deduction without a reason is flagged (the sheet is still saved,
with the warning shown). A reviewer signed in enters her own sheet only: the applications assigned
to her, her name and unit fixed, her sheet opened again to revise (issue 12). DESIGN §3.7, §5, §6.

Layout from ``ui/showcase_sheets_tab.ui`` (generated ``forms/ui_showcase_sheets_tab.py``);
behaviour here, over ``services.showcase`` only.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QMessageBox, QTableWidgetItem, QWidget

from qsm_desktop.domain.names import shown
from qsm_desktop.ui.errors import report_exception
from qsm_desktop.ui.forms.ui_showcase_sheets_tab import Ui_ShowcaseSheetsTab
from qsm_desktop.ui.models.table import ALIGN_CENTER, ALIGN_RIGHT, Column, RowTableModel, fmt_date
from qsm_desktop.ui.style import BAD, WARN_BG
from qsm_desktop.ui.views.showcase.common import plain_text, setup_table, term
from qsm_desktop.ui.widgets.tables import read_only


class ShowcaseSheetsTab(QWidget):
    """The 评分 tab. ``ctx``: the page context (services, actor). Emits :attr:`sig_data_changed`
    after a sheet was saved (the page then reloads)."""

    tab_id = "sheets"  # offered by the rule page.showcase.sheets (services/permissions.py)
    sig_data_changed = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sheet_template = None
        self._filling_grid = False
        self.ui = Ui_ShowcaseSheetsTab()
        self.ui.setupUi(self)
        self.sheet_model = RowTableModel([
            Column("reviewer", QT_TRANSLATE_NOOP("ShowcaseSheetsTab", "Reviewer"), lambda s: s.reviewer),
            Column("org", QT_TRANSLATE_NOOP("ShowcaseSheetsTab", "Reviewer's unit"),
                   lambda s: f"{s.reviewer_org} {s.reviewer_org_name}"),
            Column("date", QT_TRANSLATE_NOOP("ShowcaseSheetsTab", "Date"), lambda s: s.scored_on, fmt_date, ALIGN_CENTER),
            Column("total", QT_TRANSLATE_NOOP("ShowcaseSheetsTab", "Total"), lambda s: s.total, plain_text, ALIGN_RIGHT),
            Column("counted", QT_TRANSLATE_NOOP("ShowcaseSheetsTab", "Counted"), lambda s: s, self._counted_text,
                   colour=lambda s: (BAD, WARN_BG) if s.excluded or s.outlier else (None, None)),
            Column("warnings", QT_TRANSLATE_NOOP("ShowcaseSheetsTab", "Deductions without reason"), lambda s: s.warnings,
                   align=ALIGN_RIGHT),
        ], "ShowcaseSheetsTab", self)
        setup_table(self.ui.sheetTable, self.sheet_model)
        self.grid = self.ui.scoreGrid
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.ui.splitter.setSizes([220, 360])
        self.ui.scoreApplicationCombo.currentIndexChanged.connect(self._on_score_app_combo_current_index_changed)
        self.ui.sheetTable.selectionModel().currentRowChanged.connect(self._on_sheet_table_current_row_changed)
        self.grid.itemChanged.connect(self._on_grid_item_changed)
        self.ui.saveSheetButton.clicked.connect(self._on_save_sheet_button_clicked)
        if not ctx.offer("sc.action.score", self.ui.saveSheetButton):  # read-only for a viewer
            read_only(self.grid)
        # a reviewer enters her own sheet only: her name and unit, fixed (DESIGN §5/§6)
        self._me = ctx.services.showcase.own_reviewer(ctx.actor)
        if self._me is not None:
            self.ui.reviewerEdit.setReadOnly(True)
            self.ui.reviewerOrgEdit.setReadOnly(True)

    # ------------------------------------------------------------------ language
    def retranslateUi(self) -> None:
        """Set every visible string again (the page calls it on a language change)."""
        self.ui.retranslateUi(self)
        self.sheet_model.retranslate()

    def _counted_text(self, s) -> str:
        if s.excluded:
            return self.tr("Excluded: conflict of interest")
        parts = []
        if s.trimmed == "high":
            parts.append(self.tr("Dropped (highest)"))
        elif s.trimmed == "low":
            parts.append(self.tr("Dropped (lowest)"))
        else:
            parts.append(self.tr("Counted"))
        if s.outlier is not None:
            parts.append(self.tr("far from the panel ({z:+.1f} SD)").format(z=s.outlier.z))
        return "; ".join(parts)

    # ------------------------------------------------------------------ data
    @property
    def _svc(self):
        return self.ctx.services.showcase

    def set_cycle(self, cycle) -> None:
        """List the applications of ``cycle``'s year and level to score (keeping the one chosen when
        it is still there) and show its sheets; ``None``: no cycle, an empty sheet list."""
        if cycle is None:
            self.sheet_model.set_rows([])
            self.sheet_template = None
            self.fill_grid(None)  # an empty grid, and a reviewer off every panel is told why
            return
        self.sheet_template = cycle.sheet
        scoring = self._svc.applications(self.ctx.actor, year=cycle.year, level=cycle.level)
        combo = self.ui.scoreApplicationCombo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for a in scoring:
            combo.addItem(f"{a.outlet_code} {a.outlet_name}（{term(a.status)}）", a.id)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        """Show the chosen application's sheets and a blank grid of the cycle's items."""
        app_id = self.ui.scoreApplicationCombo.currentData()
        sheets = self._svc.sheets(self.ctx.actor, app_id) if app_id is not None else []
        self.sheet_model.set_rows(sheets)
        if self._me is not None and sheets:  # a reviewer's own sheet (her only one): open it to revise
            self.ui.sheetTable.selectRow(0)
            self.fill_grid(sheets[0])
        else:
            self.fill_grid(None)

    def fill_grid(self, sheet) -> None:
        """The grid for ``sheet`` (its scores) or a blank sheet of the cycle's items."""
        self._filling_grid = True
        items = self.sheet_template.items if self.sheet_template is not None else ()
        self.grid.setRowCount(len(items))
        scored = {i.code: i for i in sheet.items} if sheet is not None else {}
        for r, item in enumerate(items):
            name = QTableWidgetItem(shown(item.name))
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            name.setData(Qt.ItemDataRole.UserRole, item.code)
            points = QTableWidgetItem(plain_text(item.points))
            points.setFlags(points.flags() & ~Qt.ItemFlag.ItemIsEditable)
            points.setTextAlignment(ALIGN_RIGHT)
            got = scored.get(item.code)
            score = QTableWidgetItem(plain_text(got.score) if got else "")
            score.setTextAlignment(ALIGN_RIGHT)
            reason = QTableWidgetItem((got.reason or "") if got else "")
            for c, cell in enumerate((name, points, score, reason)):
                self.grid.setItem(r, c, cell)
        mine = self._me or ("", "", True)
        self.ui.reviewerEdit.setText(sheet.reviewer if sheet else mine[0])
        self.ui.reviewerOrgEdit.setText(sheet.reviewer_org if sheet else mine[1])
        # the version the person sees: saving refuses a sheet changed meanwhile (DESIGN §6); a blank
        # grid saw no sheet (0), so it never silently replaces one somebody else entered meanwhile
        self._seen = (sheet.reviewer, sheet.version) if sheet is not None else None
        self._filling_grid = False
        self._check_grid()

    def grid_entries(self):
        """The grid's rows as ``domain.showcase.ScoreEntry`` (a score that is not a number: none)."""
        from qsm_desktop.domain.showcase import ScoreEntry

        entries = []
        for r in range(self.grid.rowCount()):
            text = (self.grid.item(r, 2).text() if self.grid.item(r, 2) else "").strip()
            try:
                score = Decimal(text) if text else None
            except InvalidOperation:
                score = None
            entries.append(ScoreEntry(position=r + 1, name=self.grid.item(r, 0).text(), code=self.grid.item(r, 0).data(
                Qt.ItemDataRole.UserRole), score=score, reason=(self.grid.item(r, 3).text() if self.grid.item(r, 3) else "")))
        return entries

    def _check_grid(self) -> list[str]:
        """Colour deductions without a reason; return the warnings shown under the grid."""
        warnings = []
        self._filling_grid = True
        for r in range(self.grid.rowCount()):
            score_item, reason_item = self.grid.item(r, 2), self.grid.item(r, 3)
            points = Decimal(self.grid.item(r, 1).text())
            text = score_item.text().strip()
            missing_reason = False
            try:
                missing_reason = bool(text) and Decimal(text) < points and not reason_item.text().strip()
            except InvalidOperation:
                pass
            reason_item.setBackground(QBrush(QColor(WARN_BG)) if missing_reason else QBrush())
            if missing_reason:
                warnings.append(self.tr("“{item}”: points deducted without a reason").format(item=self.grid.item(r, 0).text()))
        self._filling_grid = False
        total = sum((e.score for e in self.grid_entries() if e.score is not None), Decimal(0))
        lines = [self.tr("Total: {total}").format(total=plain_text(total))] + warnings
        if self._me is not None and not self._me[2]:
            lines.append(self.tr("You are not on a review panel yet: ask the head-office secretary to add you."))
        elif self._me is not None and self.ui.scoreApplicationCombo.count() == 0:
            lines.append(self.tr("No application of this cycle is assigned to you."))
        self.ui.gridMessage.setText("\n".join(lines))
        self.ui.gridMessage.setStyleSheet(f"color: {BAD};" if warnings else "")
        return warnings

    # ------------------------------------------------------------------ slots
    def _on_score_app_combo_current_index_changed(self, _index: int) -> None:
        try:
            self.reload()
        except Exception as exc:
            report_exception(exc, self)

    def _on_sheet_table_current_row_changed(self, current, _previous) -> None:
        self.fill_grid(self.sheet_model.row_object(current.row()) if current.isValid() else None)

    def _on_grid_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling_grid:
            return
        if item.column() == 2:
            text = item.text().strip()
            points = Decimal(self.grid.item(item.row(), 1).text())
            problem = None
            if text:
                try:
                    value = Decimal(text)
                    if value > points:
                        problem = self.tr("A score cannot exceed the item's points ({points}).").format(
                            points=plain_text(points))
                    elif value < 0:
                        problem = self.tr("A score cannot be negative.")
                except InvalidOperation:
                    problem = self.tr("“{text}” is not a number.").format(text=text)
            if problem:  # refused in the cell: the value is not kept
                self._filling_grid = True
                item.setText("")
                self._filling_grid = False
                self._check_grid()
                self.ui.gridMessage.setText(problem)
                self.ui.gridMessage.setStyleSheet(f"color: {BAD}; font-weight: bold;")
                return
        self._check_grid()

    def _on_save_sheet_button_clicked(self) -> None:
        app_id = self.ui.scoreApplicationCombo.currentData()
        if app_id is None:
            return
        try:
            reviewer = self.ui.reviewerEdit.text()
            seen = getattr(self, "_seen", None)
            version = seen[1] if seen is not None and seen[0].strip() == reviewer.strip() else 0
            result = self._svc.save_sheet(self.ctx.actor, app_id, reviewer,
                                          self.ui.reviewerOrgEdit.text().strip(), self.grid_entries(),
                                          scored_on=dt.date.today(), version=version)
        except Exception as exc:
            report_exception(exc, self)
            return
        if result.warnings:
            QMessageBox.information(self, self.tr("Sheet saved with warnings"), "\n".join(result.warnings))
        self.sig_data_changed.emit()
