"""The tree of an indicator-system draft (指标体系树): unit types → categories → indicators.

Each unit type shows its weight total (must be 100: green, or red with a tooltip), each category
its subtotal, each indicator its weight, data source and rule in a few words (the rule's own
summary). Buttons add an indicator to the selected category (or the selected indicator's) and
remove the selected indicator; the page changes the draft and rebuilds the tree.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from qsm_desktop.domain.indicators import fmt_number, rule_summary
from qsm_desktop.domain.names import shown
from qsm_desktop.ui.labels import org_type_label
from qsm_desktop.ui.style import BAD, GOOD
from qsm_desktop.ui.views.indicator_systems.draft import unit_type_totals
from qsm_desktop.ui.views.indicator_systems.labels import SOURCE_LABELS, label
from qsm_desktop.ui.widgets.tables import fit_columns

ROLE_KEY = Qt.ItemDataRole.UserRole + 10
"""Item data: ``("type", unit type)``, ``("category", code)`` or ``("indicator", code)``."""


class SystemTreePanel(QWidget):
    """The tree and its add/remove buttons.

    ``sig_indicator_selected(code | None)`` when the current item changes (``None`` for a unit type
    or a category); ``sig_add_requested(category code)``; ``sig_remove_requested()``.
    """

    sig_indicator_selected = Signal(object)
    sig_add_requested = Signal(str)
    sig_remove_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("systemTree")
        self.tree.setColumnCount(4)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        fit_columns(self.tree, stretch=0)  # names take the room left, never less than the title
        layout.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.retranslate()

    def retranslate(self) -> None:
        """Buttons and column titles in the current language (the page rebuilds the items)."""
        self.add_button.setText(self.tr("Add indicator"))
        self.remove_button.setText(self.tr("Remove indicator"))
        self.tree.setHeaderLabels([self.tr("Category / indicator"), self.tr("Weight"), self.tr("Source"),
                                   self.tr("Rule")])

    def rebuild(self, draft: dict, keep: str | None) -> None:
        """Show ``draft``; select indicator ``keep`` again, or the first indicator when ``keep`` is
        ``None`` (the selection is announced by ``sig_indicator_selected``)."""
        self.tree.blockSignals(True)
        self.tree.clear()
        bold = QFont()
        bold.setBold(True)
        selected = None
        for unit_type, total in unit_type_totals(draft).items():
            top = QTreeWidgetItem(self.tree, [org_type_label(unit_type), fmt_number(total, 2) + " / 100", "", ""])
            top.setFont(0, bold)
            top.setFont(1, bold)
            ok = abs(total - 100.0) < 1e-6
            top.setForeground(1, QBrush(QColor(GOOD if ok else BAD)))
            if not ok:
                top.setToolTip(1, self.tr("The weights must add up to 100 (now {total})").format(
                    total=fmt_number(total, 2)))
            top.setData(0, ROLE_KEY, ("type", unit_type))
            for category in (c for c in draft["categories"] if c["applies_to"] == unit_type):
                leaves = [i for i in draft["indicators"] if i["category"] == category["code"]]
                subtotal = sum(float(i.get("weight", 0)) for i in leaves)
                cat_item = QTreeWidgetItem(top, [f"{category['code']} {shown(category['name'], category.get('name_en'))}", fmt_number(subtotal, 2), "", ""])
                cat_item.setData(0, ROLE_KEY, ("category", category["code"]))
                for ind in leaves:
                    item = QTreeWidgetItem(cat_item, [
                        f"{ind['code']} {shown(ind['name'], ind.get('name_en'))}", fmt_number(float(ind.get('weight', 0)), 2),
                        label(SOURCE_LABELS, ind.get("source", "")),
                        rule_summary(ind.get("rule", {}), ind.get("unit", "")),
                    ])
                    item.setData(0, ROLE_KEY, ("indicator", ind["code"]))
                    item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    if ind["code"] == keep:
                        selected = item
        self.tree.expandAll()
        self.tree.blockSignals(False)
        if selected is not None:
            self.tree.setCurrentItem(selected)
        elif keep is None:
            first = self._first_indicator_item()
            if first is not None:
                self.tree.setCurrentItem(first)

    def clear(self) -> None:
        """Show nothing (no version stored)."""
        self.tree.clear()

    def set_remove_enabled(self, enabled: bool) -> None:
        """Offer *Remove indicator* only while an indicator is selected."""
        self.remove_button.setEnabled(enabled)

    def _first_indicator_item(self) -> QTreeWidgetItem | None:
        root = self.tree.invisibleRootItem()
        stack = [root.child(i) for i in range(root.childCount())]
        while stack:
            node = stack.pop(0)
            if node.data(0, ROLE_KEY) and node.data(0, ROLE_KEY)[0] == "indicator":
                return node
            stack[0:0] = [node.child(i) for i in range(node.childCount())]
        return None

    # ------------------------------------------------------------------ slots
    def _on_tree_current_item_changed(self, current, _previous) -> None:
        key = current.data(0, ROLE_KEY) if current is not None else None
        self.sig_indicator_selected.emit(key[1] if key and key[0] == "indicator" else None)

    def _on_add_button_clicked(self) -> None:
        current = self.tree.currentItem()
        key = current.data(0, ROLE_KEY) if current is not None else None
        if key is None or key[0] == "type":
            return
        category = key[1] if key[0] == "category" else current.parent().data(0, ROLE_KEY)[1]
        self.sig_add_requested.emit(category)

    def _on_remove_button_clicked(self) -> None:
        self.sig_remove_requested.emit()


__all__ = ["ROLE_KEY", "SystemTreePanel"]
