"""The Awards and certificates tab of the showcase page (授予与证书): the register of the cycle's
awards, a preview of the selected certificate (drawn with QPainter from the layout the PDF uses),
print through the system print dialog (logged), save the PDF, revoke, export the register, the
counts held against the national plan target, and the verify box (a number or a scanned QR text).
DESIGN §5, §7; issue 4 §4–§6.

Layout from ``ui/showcase_awards_tab.ui`` (generated ``forms/ui_showcase_awards_tab.py``); the
preview is :class:`~qsm_desktop.ui.views.showcase.preview.CertificatePreview`; behaviour here, over
``services.showcase`` only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QInputDialog, QWidget

from qsm_desktop.ui.errors import report_exception
from qsm_desktop.ui.forms.ui_showcase_awards_tab import Ui_ShowcaseAwardsTab
from qsm_desktop.ui.models.table import ALIGN_CENTER, ALIGN_RIGHT, Column, RowTableModel, fmt_date
from qsm_desktop.ui.style import BAD
from qsm_desktop.ui.views.showcase.common import setup_table
from qsm_desktop.ui.views.showcase.preview import CertificatePreview
from qsm_desktop.ui.widgets.empty_state import empty_state, set_disabled_reason

AskExportPath = Callable[[str, str, str], "Path | None"]
"""``(caption, file name, filter) -> path or None``: where to save an export (``Page.ask_export_path``)."""


class ShowcaseAwardsTab(QWidget):
    """The 授予与证书 tab. ``ctx``: the page context (services, actor, tasks); ``ask_export_path``:
    asks where to save the certificates' PDF and the register. Emits :attr:`sig_data_changed`
    after a revocation (the page then reloads)."""

    tab_id = "awards"  # offered by the rule page.showcase.awards (services/permissions.py)
    sig_data_changed = Signal()
    sig_ranking_requested = Signal()  # the empty register's button: award the cycle on the ranking tab

    def __init__(self, ctx, ask_export_path: AskExportPath, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cycle = None
        self._ask_export_path = ask_export_path
        self.ui = Ui_ShowcaseAwardsTab()
        self.ui.setupUi(self)
        self.award_model = RowTableModel([
            Column("number", QT_TRANSLATE_NOOP("ShowcaseAwardsTab", "Certificate number"), lambda a: a.number),
            Column("name", QT_TRANSLATE_NOOP("ShowcaseAwardsTab", "Outlet"), lambda a: a.outlet_name),
            Column("date", QT_TRANSLATE_NOOP("ShowcaseAwardsTab", "Awarded"), lambda a: a.awarded_on, fmt_date,
                   ALIGN_CENTER),
            Column("state", QT_TRANSLATE_NOOP("ShowcaseAwardsTab", "State"), lambda a: a, self._award_state,
                   colour=lambda a: (BAD, None) if a.revoked else (None, None)),
            Column("reinspection", QT_TRANSLATE_NOOP("ShowcaseAwardsTab", "Re-inspection due"),
                   lambda a: a.reinspection_due, fmt_date, ALIGN_CENTER),
            Column("prints", QT_TRANSLATE_NOOP("ShowcaseAwardsTab", "Prints"), lambda a: a.prints, align=ALIGN_RIGHT),
        ], "ShowcaseAwardsTab", self)
        setup_table(self.ui.awardTable, self.award_model)
        self.preview = CertificatePreview(self.ui.splitter)
        self.ui.splitter.addWidget(self.preview)
        self.ui.splitter.setSizes([620, 420])
        self.ui.awardTable.selectionModel().currentRowChanged.connect(self._on_award_table_current_row_changed)
        self.ui.verifyButton.clicked.connect(self._on_verify_button_clicked)
        self.ui.verifyEdit.returnPressed.connect(self._on_verify_button_clicked)
        self.ui.printButton.clicked.connect(self._on_print_button_clicked)
        self.ui.savePdfButton.clicked.connect(self._on_save_pdf_button_clicked)
        self.ui.revokeButton.clicked.connect(self._on_revoke_button_clicked)
        self.ui.exportRegisterButton.clicked.connect(self._on_export_button_clicked)
        ctx.offer("sc.action.print", self.ui.printButton, self.ui.savePdfButton)
        ctx.offer("sc.action.award", self.ui.revokeButton)
        self.empty = empty_state(self.ui.awardTable)
        self.empty.sig_action.connect(self.sig_ranking_requested)
        self._update_actions()

    # ------------------------------------------------------------------ language
    def retranslateUi(self) -> None:
        """Set every visible string again (the page calls it on a language change)."""
        self.ui.retranslateUi(self)
        self.award_model.retranslate()
        self._update_actions()

    def _award_state(self, a) -> str:
        if a.revoked:
            return self.tr("Revoked {date}: {reason}").format(date=a.revoked_on.isoformat(), reason=a.revoke_reason or "")
        return self.tr("Valid")

    # ------------------------------------------------------------------ data
    @property
    def _svc(self):
        return self.ctx.services.showcase

    def set_cycle(self, cycle) -> None:
        """Show the awards of ``cycle`` (its year and level) and the counts held at the end of its
        year; ``None``: no cycle, an empty register and no preview."""
        self.cycle = cycle
        if cycle is None:
            self.award_model.set_rows([])
            self.preview.set_certificate(None)
            self._update_actions()
            return
        self.reload()

    def reload(self) -> None:
        """List the cycle's awards (selecting the first, which the preview shows) and the counts."""
        cycle = self.cycle
        if cycle is None:
            return
        awards = self._svc.awards(self.ctx.actor, year=cycle.year, level=cycle.level)
        self.award_model.set_rows(awards)
        if awards:
            self.ui.awardTable.selectRow(0)
        else:
            self.preview.set_certificate(None)
        self._update_actions()
        counts = self._svc.counts(self.ctx.actor, dt.date(cycle.year, 12, 31))
        target = "—" if counts.national_target is None else f"{counts.national_target:g}"
        self.ui.countsLabel.setText(self.tr("Held on {date}: national level {national} (plan target {target}) · "
                                            "head-office level {head} · branch level {branch}").format(
            date=counts.as_of.isoformat(), national=counts.national, target=target,
            head=counts.bank.get("总行级", 0), branch=counts.bank.get("分行级", 0)))

    def _update_actions(self) -> None:
        """The empty register's hint and button; print, save and revoke disabled with the reason
        while there is nothing to act on (issue 14 item 4)."""
        if self.cycle is None:
            self.empty.set_hint(self.tr("No award cycle yet: import showcase application forms on the Returns page."))
        else:
            may_award = self.ctx.may("sc.action.award")
            self.empty.set_hint(
                self.tr("No awards yet in this cycle: the committee awards it on the Ranking tab, within the quota."),
                self.tr("Go to the ranking"), enabled=may_award,
                reason=self.tr("Your role does not award a cycle."))
        awards = self.award_model.rows()
        award = self._selected_award()
        nothing = self.tr("No award to print yet: award the cycle on the Ranking tab first.")
        set_disabled_reason(self.ui.printButton, nothing if not awards else
                            None if award is not None else self.tr("Select an award to print its certificate."),
                            self.tr("Print the selected certificate"))
        set_disabled_reason(self.ui.savePdfButton, nothing if not awards else None,
                            self.tr("Save every certificate of the cycle as one PDF"))
        set_disabled_reason(self.ui.revokeButton, self.tr("No award to revoke.") if not awards else
                            self.tr("Select a valid award to revoke it.") if award is None or award.revoked else None,
                            self.tr("Revoke the selected award (its number is kept)"))

    def _selected_award(self):
        index = self.ui.awardTable.currentIndex()
        return self.award_model.row_object(index.row()) if index.isValid() else None

    # ------------------------------------------------------------------ slots
    def _on_award_table_current_row_changed(self, current, _previous) -> None:
        award = self.award_model.row_object(current.row()) if current.isValid() else None
        self._update_actions()
        try:
            certs = self._svc.certificate_data(self.ctx.actor, [award.number]) if award else []
        except Exception as exc:
            report_exception(exc, self)
            return
        self.preview.set_certificate(certs[0] if certs else None)

    def _on_verify_button_clicked(self) -> None:
        try:
            result = self._svc.verify(self.ctx.actor, self.ui.verifyEdit.text())
        except Exception as exc:
            report_exception(exc, self)
            return
        colour = {"valid": "#1e7b34", "revoked": BAD}.get(result.status, "#8a5a00")
        self.ui.verifyResult.setText(result.message)
        self.ui.verifyResult.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def _on_print_button_clicked(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        award = self._selected_award()
        if award is None or self.preview.certificate is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        from PySide6.QtGui import QPageLayout, QPageSize

        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        try:
            painter = QPainter(printer)
            page = printer.pageRect(QPrinter.Unit.DevicePixel)
            self.preview.paint_page(painter, page.width(), page.height())
            painter.end()
            self._svc.log_print(self.ctx.actor, [award.number], mode="dialog", target=printer.printerName() or None)
        except Exception as exc:
            report_exception(exc, self)
            return
        self.reload()

    def _on_save_pdf_button_clicked(self) -> None:
        cycle = self.cycle
        if cycle is None:
            return
        chosen = self._ask_export_path(self.tr("Save certificates"), f"certificates_{cycle.year}_{cycle.level}.pdf",
                                       self.tr("PDF (*.pdf)"))
        if chosen is None:
            return
        path = str(chosen)
        actor = self.ctx.actor
        self.ctx.tasks.start(lambda task: self._svc.certificates(actor, cycle.year, cycle.level, path,
                                                                 progress=lambda d, t: task.progress(d, t),
                                                                 cancel=task.is_cancelled),
                             title=self.tr("Printing certificates"), writes=True, parent=self,
                             on_done=lambda _r: self.reload())

    def _on_revoke_button_clicked(self) -> None:
        award = self._selected_award()
        if award is None or award.revoked:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Revoke {number}").format(number=award.number),
                                          self.tr("Reason (the number is kept and never reused):"))
        if not ok or not reason.strip():
            return
        try:
            self._svc.revoke(self.ctx.actor, award.number, reason, dt.date.today(), version=award.version)
        except Exception as exc:
            report_exception(exc, self)
            return
        self.sig_data_changed.emit()

    def _on_export_button_clicked(self) -> None:
        path = self._ask_export_path(self.tr("Export the awards register"), "showcase_register.xlsx",
                                     self.tr("Excel (*.xlsx)"))
        if path is None:
            return
        try:
            self._svc.export_register(self.ctx.actor, path)
        except Exception as exc:
            report_exception(exc, self)
