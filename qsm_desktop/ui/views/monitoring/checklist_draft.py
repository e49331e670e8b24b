"""A checklist edition being edited on the checklists page (检查表草稿) and the editors of its
cells. The draft is plain Python (mutable copies of the frozen
:class:`~qsm_desktop.domain.monitoring.Checklist`); only :meth:`Draft.to_checklist` builds the
value the service checks (DESIGN §8.1: points of a module adding up to 100, dimensions, codes used
once) — the page shows the totals live, the service refuses with its sentence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QStyledItemDelegate

from qsm_desktop.domain.monitoring.checklists import (
    DIMENSIONS,
    MODULE_POINTS,
    Checklist,
    ChecklistItem,
    ChecklistModule,
    checklist_title,
)
from qsm_desktop.domain.i18n import get_language
from qsm_desktop.domain.names import shown
from qsm_desktop.ui.views.monitoring.common import term

VALUE_ROLE = Qt.ItemDataRole.UserRole + 10
"""Role of a cell's stored value (the dimension's Chinese name) where the text shows it translated."""


@dataclass
class DraftItem:
    """An item being edited: ``code``, ``dimension``, ``points``, ``critical``, ``text`` and its
    English ``text_en`` (issue 14)."""

    code: str
    dimension: str
    points: float
    critical: bool
    text: str
    text_en: str = ""

    def shown_text(self) -> str:
        """The text in the window's language (the English one, when written, on the English window)."""
        return shown(self.text, self.text_en)

    def set_shown_text(self, value: str) -> None:
        """Store ``value`` typed in the text cell: the Chinese text on the Chinese window, the
        English text on the English one (and the Chinese text too while the item has none, so a
        new item typed on the English window is never blank in Chinese)."""
        if get_language() == "en":
            self.text_en = value
            if not self.text.strip():
                self.text = value
        else:
            self.text = value


@dataclass
class DraftModule:
    """A module being edited: ``code``, ``name``, ``norm`` and its ``items``."""

    code: str
    name: str
    norm: str
    items: list[DraftItem] = field(default_factory=list)

    @property
    def total(self) -> float:
        """Σ points of the items (DESIGN §8.1: must be 100)."""
        return float(sum(i.points for i in self.items))

    @property
    def adds_up(self) -> bool:
        """Whether the points add up to :data:`MODULE_POINTS`."""
        return abs(self.total - MODULE_POINTS) < 1e-9

    def next_code(self) -> str:
        """A code for a new item: the module's code and the next free number (``GM-09``)."""
        used = {i.code for i in self.items}
        n = len(self.items) + 1
        while f"{self.code}-{n:02d}" in used:
            n += 1
        return f"{self.code}-{n:02d}"


@dataclass
class Draft:
    """An edition being edited: ``name``, ``label``, ``effective_from``, ``modules``; the stored
    edition's ``checklist_id`` and ``version`` (``None`` for a new edition)."""

    name: str
    label: str
    effective_from: dt.date
    modules: list[DraftModule]
    checklist_id: int | None = None
    version: int | None = None

    @classmethod
    def of(cls, checklist: Checklist, checklist_id: int | None = None, version: int | None = None) -> Draft:
        """A draft copy of ``checklist``."""
        return cls(checklist.name, checklist.label, checklist.effective_from,
                   [DraftModule(m.code, m.name, m.norm, [DraftItem(i.code, i.dimension, float(i.points), i.critical,
                                                                  i.text, i.text_en) for i in m.items])
                    for m in checklist.modules], checklist_id, version)

    @property
    def title(self) -> str:
        """``窗口服务检查表（2008版）``."""
        return f"{self.name}（{self.label}）"

    def shown_title(self) -> str:
        """:attr:`title` in the window's language (issue 14)."""
        return checklist_title(self.name, self.label)

    def to_checklist(self) -> Checklist:
        """The frozen checklist to save (codes upper-cased and trimmed, texts trimmed)."""
        return Checklist(self.name.strip(), self.label.strip(), self.effective_from, tuple(
            ChecklistModule(m.code, m.name, m.norm, tuple(
                ChecklistItem(i.code.strip().upper(), i.dimension, float(i.points), bool(i.critical), i.text.strip(),
                              i.text_en.strip())
                for i in m.items)) for m in self.modules))


class DimensionDelegate(QStyledItemDelegate):
    """Edits a dimension cell with a list of the plan's five dimensions (shown translated, stored
    in Chinese under :data:`VALUE_ROLE`)."""

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt override
        combo = QComboBox(parent)
        for value in DIMENSIONS:
            combo.addItem(term(value), value)
        return combo

    def setEditorData(self, editor, index):  # noqa: N802 - Qt override
        editor.setCurrentIndex(max(0, editor.findData(index.data(VALUE_ROLE))))

    def setModelData(self, editor, model, index):  # noqa: N802 - Qt override
        value = editor.currentData()
        model.setData(index, value, VALUE_ROLE)
        model.setData(index, term(value), Qt.ItemDataRole.DisplayRole)


class PointsDelegate(QStyledItemDelegate):
    """Edits points from 0 to 100 with one decimal."""

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt override
        spin = QDoubleSpinBox(parent)
        spin.setRange(0, MODULE_POINTS)
        spin.setDecimals(1)
        spin.setSingleStep(1)
        return spin

    def setEditorData(self, editor, index):  # noqa: N802 - Qt override
        editor.setValue(float(index.data(Qt.ItemDataRole.EditRole) or 0))

    def setModelData(self, editor, model, index):  # noqa: N802 - Qt override
        model.setData(index, float(editor.value()), Qt.ItemDataRole.EditRole)
