"""Dialogs of the 综合评价 page: publishing a quarter and entering an indicator value by hand (DESIGN §4)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget,
)

from qsm_desktop.domain.indicators import fmt_number
from qsm_desktop.domain.normalise import period_label
from qsm_desktop.ui.forms.ui_value_dialog import Ui_ValueDialog


class PublishDialog(QDialog):
    """Confirms publication; for an incomplete quarter, lists what is missing and asks for an
    explicit *publish as incomplete* and a reason."""

    def __init__(self, period: str, problems: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("publishDialog")
        self.setWindowTitle(self.tr("Publish {period}").format(period=period_label(period)))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        if problems:
            intro = QLabel(self.tr("The data of this quarter is incomplete. These inputs are missing:"), self)
            intro.setWordWrap(True)
            layout.addWidget(intro)
            box = QPlainTextEdit("\n".join(problems), self)
            box.setReadOnly(True)
            box.setMinimumHeight(160)
            layout.addWidget(box)
            self.accept_box = QCheckBox(self.tr("Publish as incomplete (the office's decision)"), self)
            layout.addWidget(self.accept_box)
            consequence = QLabel(self.tr("The incomplete units are graded and ranked on the data available."), self)
            consequence.setWordWrap(True)  # a check box cannot wrap: its long sentence widened the dialog off a laptop
            consequence.setObjectName("hint")
            layout.addWidget(consequence)
            form = QFormLayout()
            self.note_edit = QLineEdit(self)
            self.note_edit.setPlaceholderText(self.tr("Why it is published incomplete"))
            form.addRow(self.tr("Reason:"), self.note_edit)
            layout.addLayout(form)
        else:
            text = QLabel(self.tr("Publishing freezes the scores of {period}: they will not change afterwards, "
                                  "and the reports say they are published.").format(period=period_label(period)), self)
            text.setWordWrap(True)
            layout.addWidget(text)
            self.accept_box = None
            self.note_edit = None
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Publish"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if self.accept_box is not None:
            ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
            ok.setEnabled(False)
            self.accept_box.toggled.connect(self._on_accept_box_toggled)
            self.note_edit.textChanged.connect(self._on_accept_box_toggled)

    def _on_accept_box_toggled(self, *_args) -> None:
        """Publishing incomplete needs the tick and a reason."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.accept_box.isChecked() and self.note_edit.text().strip()))

    @property
    def accept_incomplete(self) -> bool:
        """Whether the office decided to publish the incomplete quarter."""
        return bool(self.accept_box is not None and self.accept_box.isChecked())

    @property
    def note(self) -> str | None:
        """The reason given (stripped), ``None`` for a complete quarter."""
        return self.note_edit.text().strip() if self.note_edit is not None else None


class ValueDialog(QDialog):
    """Enter or correct an indicator value by hand, with the reason (手工录入).

    Layout from the Designer file ``ui/value_dialog.ui``. ``unit_name``: the unit's name;
    ``indicator``: the domain indicator (code, name, unit shown); ``current``: the value now
    (``None`` when missing). The page reads :attr:`value_edit` and :attr:`reason_edit` on accept.
    """

    def __init__(self, unit_name: str, indicator, current: float | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("valueDialog")
        self.ui = Ui_ValueDialog()
        self.ui.setupUi(self)
        self.ui.unitName.setText(unit_name)
        self.ui.indicatorName.setText(f"{indicator.code} {indicator.name} ({indicator.unit})")
        self.value_edit = self.ui.valueEdit
        self.value_edit.setText("" if current is None else fmt_number(current, 4))
        self.reason_edit = self.ui.reasonEdit
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)


__all__ = ["PublishDialog", "ValueDialog"]
