"""The editor beside the tree (指标体系编辑): the new version's fields, the selected indicator with its
scoring rule, and the grade bands.

Layout from the Designer file ``ui/indicator_system_editor.ui`` (generated
``forms/ui_indicator_system_editor.py``); the rule's parameter rows are added below the rule
picker from the fields the rule kinds declare (:class:`.rule_editor.RuleParametersEditor`). The
panel only shows and reads widgets; the page changes the draft.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QTableWidgetItem, QWidget

from qsm_desktop.domain.indicators import SOURCES, fmt_number, rule_kinds, rule_label
from qsm_desktop.ui.forms.ui_indicator_system_editor import Ui_IndicatorSystemEditor
from qsm_desktop.ui.views.indicator_systems.labels import DIRECTION_LABELS, SOURCE_LABELS, label
from qsm_desktop.ui.views.indicator_systems.rule_editor import RuleParametersEditor
from qsm_desktop.ui.widgets.tables import fit_columns, show_rows


class SystemEditorPanel(QWidget):
    """Version fields, indicator fields (with the rule's parameters) and grade bands.

    Signals (never while the panel fills itself): ``sig_indicator_edited(fields)`` — ``name``,
    ``unit``, ``direction``, ``weight``, ``source``, ``kind`` and the chosen kind's parameters, as
    :func:`.draft.set_indicator_fields` takes them; ``sig_version_edited(fields)`` — ``name``,
    ``version``, ``effective_from`` (a date), ``note``; ``sig_grades_edited(grades)`` — a list of
    ``{"name": str, "min": float}`` (``nan`` for a lowest total that is not a number).
    """

    sig_indicator_edited = Signal(object)  # a Python dict: its key order matters ("kind" first)
    sig_version_edited = Signal(object)
    sig_grades_edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_IndicatorSystemEditor()
        self.ui.setupUi(self)
        self._filling = False
        ui = self.ui
        show_rows(ui.gradesTable, 4)  # the usual four bands (优秀, 良好, 合格, 待改进) all in view, not 1½
        for key in DIRECTION_LABELS:
            ui.directionCombo.addItem("", key)
        for key in SOURCES:
            ui.sourceCombo.addItem("", key)
        for kind in rule_kinds():
            ui.ruleCombo.addItem("", kind)
        # English names (issue 14) beside the Chinese ones, added here rather than in the .ui form
        self.name_en_label, self.name_en_edit = QLabel(ui.versionGroup), QLineEdit(ui.versionGroup)
        self.name_en_edit.setObjectName("nameEnEdit")
        ui.versionForm.insertRow(1, self.name_en_label, self.name_en_edit)
        self.indicator_name_en_label, self.indicator_name_en_edit = QLabel(ui.indicatorGroup), QLineEdit(ui.indicatorGroup)
        self.indicator_name_en_edit.setObjectName("indicatorNameEnEdit")
        ui.indicatorForm.insertRow(2, self.indicator_name_en_label, self.indicator_name_en_edit)
        ui.gradesTable.setColumnCount(3)
        fit_columns(ui.gradesTable, stretch=0)  # the name takes the room; no title cut in English
        self.rule_parameters = RuleParametersEditor(ui.indicatorForm, ui.indicatorGroup)
        # --- signals
        for edit in (ui.indicatorNameEdit, self.indicator_name_en_edit, ui.unitEdit):
            edit.textEdited.connect(self._on_indicator_edited)
        for combo in (ui.directionCombo, ui.sourceCombo, ui.ruleCombo):
            combo.currentIndexChanged.connect(self._on_indicator_edited)
        ui.weightSpin.valueChanged.connect(self._on_indicator_edited)
        self.rule_parameters.sig_edited.connect(self._on_indicator_edited)
        for edit in (ui.nameEdit, self.name_en_edit, ui.versionLabel, ui.noteEdit):
            edit.textEdited.connect(self._on_version_edited)
        ui.effectiveEdit.dateChanged.connect(self._on_version_edited)
        ui.gradesTable.itemChanged.connect(self._on_grades_table_item_changed)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language (the form's, the pickers' and the rule parameters')."""
        self.ui.retranslateUi(self)
        self.name_en_label.setText(self.tr("English name:"))
        self.indicator_name_en_label.setText(self.tr("English name:"))
        self.ui.gradesTable.setHorizontalHeaderItem(2, QTableWidgetItem(self.tr("English name")))
        for combo, labels in ((self.ui.directionCombo, DIRECTION_LABELS), (self.ui.sourceCombo, SOURCE_LABELS)):
            for i in range(combo.count()):
                combo.setItemText(i, label(labels, combo.itemData(i)))
        for i in range(self.ui.ruleCombo.count()):
            self.ui.ruleCombo.setItemText(i, rule_label(self.ui.ruleCombo.itemData(i)))
        self.rule_parameters.retranslate()

    # ------------------------------------------------------------------ filling
    def show_indicator(self, ind: dict | None) -> None:
        """Show indicator ``ind`` of the draft (its fields and rule); disabled when ``None``."""
        self.ui.indicatorGroup.setEnabled(ind is not None)
        if ind is None:
            return
        ui = self.ui
        self._filling = True
        rule = ind.get("rule", {})
        ui.codeEdit.setText(ind["code"])
        ui.indicatorNameEdit.setText(ind.get("name", ""))
        self.indicator_name_en_edit.setText(ind.get("name_en", ""))
        ui.unitEdit.setText(ind.get("unit", ""))
        ui.directionCombo.setCurrentIndex(max(ui.directionCombo.findData(ind.get("direction")), 0))
        ui.weightSpin.setValue(float(ind.get("weight", 0)))
        ui.sourceCombo.setCurrentIndex(max(ui.sourceCombo.findData(ind.get("source")), 0))
        ui.ruleCombo.setCurrentIndex(max(ui.ruleCombo.findData(rule.get("kind")), 0))
        self.rule_parameters.set_rule(rule)
        self._filling = False
        self.rule_parameters.show_kind(rule.get("kind", "linear"))

    def fill_version(self, draft: dict) -> None:
        """Show the draft's name, version label, date in force and note."""
        self._filling = True
        self.ui.nameEdit.setText(draft["name"])
        self.name_en_edit.setText(draft.get("name_en", ""))
        self.ui.versionLabel.setText(draft["version"])
        eff = draft["effective_from"]
        if isinstance(eff, str):
            eff = dt.date.fromisoformat(eff)
        self.ui.effectiveEdit.setDate(QDate(eff.year, eff.month, eff.day))
        self.ui.noteEdit.setText(draft.get("note", ""))
        self._filling = False

    def fill_grades(self, grades: list[dict]) -> None:
        """Show the grade bands (name, lowest total)."""
        self._filling = True
        table = self.ui.gradesTable
        table.setRowCount(len(grades))
        for row, grade in enumerate(grades):
            table.setItem(row, 0, QTableWidgetItem(grade["name"]))
            table.setItem(row, 1, QTableWidgetItem(fmt_number(grade["min"])))
            table.setItem(row, 2, QTableWidgetItem(grade.get("name_en", "")))
        show_rows(table, max(4, len(grades)))  # every band in view
        self._filling = False

    # ------------------------------------------------------------------ slots
    def _on_indicator_edited(self, *_args) -> None:
        if self._filling:
            return
        ui = self.ui
        kind = ui.ruleCombo.currentData()
        fields = {"name": ui.indicatorNameEdit.text(), "name_en": self.indicator_name_en_edit.text().strip(), "unit": ui.unitEdit.text(),
                  "direction": ui.directionCombo.currentData(), "weight": ui.weightSpin.value(),
                  "source": ui.sourceCombo.currentData(), "kind": kind}
        fields.update(self.rule_parameters.parameters(kind))
        self.rule_parameters.show_kind(kind)
        self.sig_indicator_edited.emit(fields)

    def _on_version_edited(self, *_args) -> None:
        if self._filling:
            return
        ui = self.ui
        self.sig_version_edited.emit({"name": ui.nameEdit.text().strip(), "name_en": self.name_en_edit.text().strip(),
                                      "version": ui.versionLabel.text().strip(),
                                      "effective_from": ui.effectiveEdit.date().toPython(),
                                      "note": ui.noteEdit.text()})

    def _on_grades_table_item_changed(self, _item) -> None:
        if self._filling:
            return
        table = self.ui.gradesTable
        grades = []
        for row in range(table.rowCount()):
            name = table.item(row, 0)
            low = table.item(row, 1)
            try:
                minimum = float((low.text() if low else "").strip())
            except ValueError:
                minimum = float("nan")
            english = table.item(row, 2)
            grades.append({"name": (name.text() if name else "").strip(), "min": minimum,
                           "name_en": (english.text() if english else "").strip()})
        self.sig_grades_edited.emit(grades)


__all__ = ["SystemEditorPanel"]
