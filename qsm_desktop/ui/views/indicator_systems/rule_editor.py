"""The editor of a scoring rule's parameters (评分规则参数), built from the fields the rule kinds declare.

One row per parameter any registered kind declares (``rule_fields()``: 保底值, 目标值, 每单位分值,
名次档 …), added to a form; only the rows of the chosen kind are shown. A number parameter is a
spin box, any other type a line edit typed as its type says (``parse_input``/``format_input``).
Nothing here names a rule kind: a new kind with parameters of known types needs no change.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QLabel, QLineEdit, QWidget

from qsm_desktop.domain.indicators import RuleField, rule_class, rule_fields
from qsm_desktop.domain.normalise import NormaliseError

SPIN_LIMIT = 1_000_000.0
"""Range of a number parameter's spin box (±)."""


class FieldEditor(QObject):
    """The widget of one rule parameter; ``sig_edited`` when the person changes it."""

    sig_edited = Signal()

    def __init__(self, field: RuleField, parent: QWidget) -> None:
        super().__init__(parent)
        self.field = field

    @property
    def widget(self) -> QWidget:
        """The input widget (put in the form by :class:`RuleParametersEditor`)."""
        raise NotImplementedError

    def set_value(self, value: object) -> None:
        """Show ``value`` (the plain value; the type's default when the rule lacks it)."""
        raise NotImplementedError

    def value(self) -> object:
        """The plain value as edited."""
        raise NotImplementedError


class NumberFieldEditor(FieldEditor):
    """A number parameter as a spin box (±1,000,000, two decimals)."""

    def __init__(self, field: RuleField, parent: QWidget) -> None:
        super().__init__(field, parent)
        self.spin = QDoubleSpinBox(parent)
        self.spin.setObjectName(f"rule_{field.name}")
        self.spin.setRange(-SPIN_LIMIT, SPIN_LIMIT)
        self.spin.setDecimals(2)
        self.spin.valueChanged.connect(self._on_spin_value_changed)

    @property
    def widget(self) -> QWidget:
        return self.spin

    def set_value(self, value: object) -> None:
        self.spin.setValue(float(value))  # type: ignore[arg-type]

    def value(self) -> float:
        return self.spin.value()

    def _on_spin_value_changed(self, _value: float) -> None:
        self.sig_edited.emit()


class TextFieldEditor(FieldEditor):
    """A parameter typed as text (rank bands ``1-3:100%; 4-5:50%``); text it cannot read counts as
    the type's empty value (the draft then says what is wrong)."""

    def __init__(self, field: RuleField, parent: QWidget) -> None:
        super().__init__(field, parent)
        self.edit = QLineEdit(parent)
        self.edit.setObjectName(f"rule_{field.name}")
        self.edit.setPlaceholderText(field.type.example)
        self.edit.textEdited.connect(self._on_edit_text_edited)

    @property
    def widget(self) -> QWidget:
        return self.edit

    def set_value(self, value: object) -> None:
        self.edit.setText(str(self.field.type.format_input(value)))

    def value(self) -> object:
        try:
            return self.field.type.parse_input(self.edit.text())
        except NormaliseError:
            return self.field.type.empty

    def _on_edit_text_edited(self, _text: str) -> None:
        self.sig_edited.emit()


def field_editor(field: RuleField, parent: QWidget) -> FieldEditor:
    """The editor for ``field``: a spin box for a number, a line edit for anything else."""
    return NumberFieldEditor(field, parent) if field.type.name == "number" else TextFieldEditor(field, parent)


class RuleParametersEditor(QObject):
    """The rows of every declared rule parameter, appended to ``form``; shows the chosen kind's.

    ``sig_edited`` when a shown parameter changes. :meth:`set_rule` shows a rule's plain mapping,
    :meth:`parameters` returns the shown kind's parameters as edited.
    """

    sig_edited = Signal()

    def __init__(self, form: QFormLayout, parent: QWidget) -> None:
        super().__init__(parent)
        self._form = form
        self.editors: dict[str, FieldEditor] = {}
        self.labels: dict[str, QLabel] = {}
        self._rows: dict[str, int] = {}
        for field in rule_fields():
            editor = field_editor(field, parent)
            label = QLabel(parent)
            form.addRow(label, editor.widget)
            self._rows[field.name] = form.rowCount() - 1
            editor.sig_edited.connect(self.sig_edited)
            self.editors[field.name] = editor
            self.labels[field.name] = label
        self.retranslate()

    def retranslate(self) -> None:
        """Label each row in the current language (the field's own label)."""
        for name, editor in self.editors.items():
            self.labels[name].setText(editor.field.form_label())

    def set_rule(self, rule: dict) -> None:
        """Show every parameter of ``rule`` (plain mapping; absent ones at their type's default)
        and only the rows of its kind. Emits nothing."""
        for name, editor in self.editors.items():
            editor.blockSignals(True)
            editor.widget.blockSignals(True)
            editor.set_value(rule.get(name, editor.field.type.default))
            editor.widget.blockSignals(False)
            editor.blockSignals(False)
        self.show_kind(rule.get("kind"))

    def show_kind(self, kind: object) -> None:
        """Show the rows of ``kind``'s parameters only (none for an unknown kind)."""
        cls = rule_class(kind)
        names = {field.name for field in cls.fields} if cls is not None else set()  # type: ignore[attr-defined]
        for name, row in self._rows.items():
            self._form.setRowVisible(row, name in names)

    def parameters(self, kind: object) -> dict[str, object]:
        """``kind``'s parameters as edited: ``{field name: plain value}``."""
        cls = rule_class(kind)
        fields = cls.fields if cls is not None else ()  # type: ignore[attr-defined]
        return {field.name: self.editors[field.name].value() for field in fields}


__all__ = ["FieldEditor", "NumberFieldEditor", "RuleParametersEditor", "TextFieldEditor", "field_editor"]
