"""The English-name dialog of the reference-names page (参考数据英文名编辑框) — issue 14.

One record: its table, code and Chinese name (read only) and the English name in a line edit as
long as the column allows, with a character count and the rule that an empty name shows the
Chinese one. *Save…* emits :attr:`EnglishNameDialog.sig_submitted` with the text; the page asks
for confirmation of what changes and saves on a worker, then calls :meth:`EnglishNameDialog.done_ok`
or :meth:`EnglishNameDialog.show_error` (the dialog stays open with the refusal's sentence).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from qsm_desktop.ui.style import BAD, MUTED


class EnglishNameDialog(QDialog):
    """Edit the English name of ``record`` (a :class:`~qsm_desktop.services.reference_names.ReferenceName`);
    ``table_text`` is its table's name in the window's language. ``sig_submitted(str)`` on *Save…*."""

    sig_submitted = Signal(str)

    def __init__(self, record, table_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("englishNameDialog")
        self.record = record
        self.table_text = table_text
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.table_label, self.table_value = QLabel(self), QLabel(self)
        self.code_label, self.code_value = QLabel(self), QLabel(self)
        self.name_label, self.name_value = QLabel(self), QLabel(self)
        self.name_value.setObjectName("chineseName")
        self.name_value.setWordWrap(True)
        for value in (self.table_value, self.code_value, self.name_value):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.english_label = QLabel(self)
        self.english_edit = QLineEdit(self)
        self.english_edit.setObjectName("englishNameEdit")
        self.english_edit.setMaxLength(record.max_length)
        self.english_edit.setText(record.name_en)
        self.english_label.setBuddy(self.english_edit)
        form.addRow(self.table_label, self.table_value)
        form.addRow(self.code_label, self.code_value)
        form.addRow(self.name_label, self.name_value)
        form.addRow(self.english_label, self.english_edit)
        layout.addLayout(form)
        self.hint_label = QLabel(self)
        self.hint_label.setObjectName("englishNameHint")
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet(f"color: {MUTED};")
        layout.addWidget(self.hint_label)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("englishNameError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {BAD};")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setVisible(False)
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.english_edit.textChanged.connect(self._update)
        self.setMinimumWidth(480)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("English name"))
        self.table_label.setText(self.tr("Table:"))
        self.code_label.setText(self.tr("Code:"))
        self.name_label.setText(self.tr("Chinese name:"))
        self.english_label.setText(self.tr("&English name:"))
        self.table_value.setText(self.table_text)
        self.code_value.setText(self.record.code)
        self.name_value.setText(self.record.name)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save…"))
        self._update()

    def text(self) -> str:
        """The English name as typed, outer blanks trimmed."""
        return self.english_edit.text().strip()

    def _update(self, *_args) -> None:
        count = len(self.text())
        self.hint_label.setText(self.tr("{count} of {limit} characters. Leave it empty to show the Chinese name in "
                                        "English.").format(count=count, limit=self.record.max_length))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(self.text() != self.record.name_en)

    def show_error(self, text: str) -> None:
        """The save was refused: say why here and keep the dialog open."""
        self.error_label.setText(text)
        self.error_label.setVisible(True)
        self._update()

    def resume(self) -> None:
        """The confirmation was declined: editing goes on."""
        self._update()

    def done_ok(self) -> None:
        """The save succeeded: close."""
        self.accept()

    def _on_buttons_accepted(self) -> None:
        if self.text() == self.record.name_en:
            return
        self.error_label.setVisible(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self.sig_submitted.emit(self.text())


__all__ = ["EnglishNameDialog"]
