"""Dialogs of the showcase page (示范窗口对话框): the award cycle's settings.

Layout from the Designer file ``ui/showcase_cycle_dialog.ui`` (generated
``forms/ui_showcase_cycle_dialog.py``, committed — see :mod:`qsm_desktop.ui.devtools`); the
behaviour (filling it from a cycle, reading the settings back, choosing a score-sheet file) is here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QFileDialog, QWidget

from qsm_desktop.domain.names import shown
from qsm_desktop.ui.forms.ui_showcase_cycle_dialog import Ui_CycleDialog


def _qdate(day: dt.date | None) -> QDate:
    return QDate(day.year, day.month, day.day) if day else QDate()


def _pydate(edit: QDateEdit) -> dt.date | None:
    d = edit.date()
    return None if edit.date() == edit.minimumDate() else dt.date(d.year(), d.month(), d.day())


class CycleDialog(QDialog):
    """Edit a cycle's settings (评选周期设置): official title and announcement date, application
    window, quota, required attachments, number pattern, issuing body, re-inspection interval,
    and another score sheet (TOML) while scoring has not started.

    ``cycle``: the cycle as ``ShowcaseService.cycles`` returns it. After ``exec()`` is accepted,
    :meth:`settings` gives the new settings and :attr:`sheet_file` the chosen TOML file (or ``None``).
    """

    def __init__(self, cycle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cycleDialog")
        self.ui = Ui_CycleDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(self.tr("Award cycle {label}").format(label=cycle.label))
        self.sheet_file: str | None = None
        ui = self.ui
        ui.titleEdit.setText(cycle.title)
        for edit, day in ((ui.announcedEdit, cycle.announced_on), (ui.windowStartEdit, cycle.window_start),
                          (ui.windowEndEdit, cycle.window_end)):
            edit.setDate(_qdate(day) if day else edit.minimumDate())
        ui.quotaSpin.setValue(-1 if cycle.quota is None else cycle.quota)
        ui.attachmentsEdit.setText("、".join(cycle.required_attachments))
        ui.patternEdit.setText(cycle.number_pattern)
        ui.issuerEdit.setText(cycle.issuing_body)
        ui.reinspectionSpin.setValue(cycle.reinspection_years)
        ui.sheetLabel.setText(ui.sheetLabel.text().format(name=shown(cycle.sheet.name)))
        ui.sheetButton.setEnabled(not cycle.scoring_started)
        ui.sheetButton.clicked.connect(self._on_sheet_button_clicked)
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)

    def settings(self) -> dict:
        """The settings as :meth:`ShowcaseService.update_cycle` takes them."""
        ui = self.ui
        return {"title": ui.titleEdit.text().strip(), "announced_on": _pydate(ui.announcedEdit),
                "window_start": _pydate(ui.windowStartEdit), "window_end": _pydate(ui.windowEndEdit),
                "quota": None if ui.quotaSpin.value() < 0 else ui.quotaSpin.value(),
                "required_attachments": [a for a in ui.attachmentsEdit.text().replace(",", "、").split("、") if a.strip()],
                "number_pattern": ui.patternEdit.text().strip(), "issuing_body": ui.issuerEdit.text().strip(),
                "reinspection_years": ui.reinspectionSpin.value()}

    def _on_sheet_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Score sheet"), "", self.tr("TOML (*.toml)"))
        if path:
            self.sheet_file = path
            self.ui.sheetButton.setText(Path(path).name)
