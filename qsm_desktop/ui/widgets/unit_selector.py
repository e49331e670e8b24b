"""The unit selector (机构选择): a button showing the chosen unit, opening the org tree with a search box.

Choosing a unit emits ``sig_unit_changed(code)``; the main window passes the choice to every page,
which then shows that unit's subtree only (issue 3 §2: "a unit selector whose choice scopes every
page"). The tree is built from the org nodes the view hands in (``OrgNode``-like objects with
``code``, ``name``, ``type``, ``parent_code``); the widget never queries.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLineEdit, QMenu, QToolButton, QTreeView, QVBoxLayout, QWidget,
    QWidgetAction,
)

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


def build_org_model(nodes: Sequence[Any], model: QStandardItemModel | None = None) -> QStandardItemModel:
    """A two-column tree model (name, code) of ``nodes`` in tree order (parents first).

    Each first-column item carries the code in :data:`CODE_ROLE` and "code name" in
    :data:`SEARCH_ROLE`. Units whose parent is not among ``nodes`` become top-level rows.
    """
    model = model or QStandardItemModel()
    model.clear()
    items: dict[str, QStandardItem] = {}
    for node in nodes:
        name_item = QStandardItem(node.name)
        name_item.setData(node.code, CODE_ROLE)
        name_item.setData(f"{node.code} {node.name}", SEARCH_ROLE)
        name_item.setEditable(False)
        if getattr(node, "status", "正常") not in ("正常", "", None):
            name_item.setForeground(Qt.GlobalColor.gray)
        code_item = QStandardItem(node.code)
        code_item.setEditable(False)
        code_item.setData(node.code, CODE_ROLE)
        parent = items.get(node.parent_code or "")
        (parent or model.invisibleRootItem()).appendRow([name_item, code_item])
        items[node.code] = name_item
    return model


class _TreePopup(QWidget):
    sig_unit_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("unitSearch")
        layout.addWidget(self.search)
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.setMinimumSize(380, 420)
        layout.addWidget(self.tree)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.tree.activated.connect(self._on_tree_activated)
        self.tree.clicked.connect(self._on_tree_activated)

    def _on_search_text_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if text.strip():
            self.tree.expandAll()

    def _on_tree_activated(self, index: QModelIndex) -> None:
        code = index.siblingAtColumn(0).data(CODE_ROLE)
        if code:
            self.sig_unit_chosen.emit(code)


class UnitSelector(QToolButton):
    """Button + popup tree. ``set_nodes(nodes)``, ``set_current(code)``; emits ``sig_unit_changed(code)``."""

    sig_unit_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitSelector")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._menu = QMenu(self)
        self._popup = _TreePopup(self._menu)
        action = QWidgetAction(self._menu)
        action.setDefaultWidget(self._popup)
        self._menu.addAction(action)
        self._menu.aboutToShow.connect(self._on_menu_about_to_show)
        self.setMenu(self._menu)
        self._popup.sig_unit_chosen.connect(self._on_popup_unit_chosen)
        self._names: dict[str, str] = {}
        self._pending_nodes: list[Any] | None = None  # set but not built into the tree yet
        self._current = ""
        self.retranslateUi()

    def set_icon(self, icon: QIcon) -> None:
        self.setIcon(icon)

    def set_nodes(self, nodes: Sequence[Any]) -> None:
        """Replace the tree (tree order, parents first). The button's text changes now; the tree
        itself is built when first needed — the popup opening, :meth:`tree_model`,
        :meth:`ensure_tree` — since a bank's ~3,300 units take a noticeable part of the window's
        start (issue 14: first window ≤ 1 s) and are not seen until the popup opens."""
        self._names = {n.code: n.name for n in nodes}
        self._pending_nodes = list(nodes)
        self._update_text()

    def ensure_tree(self) -> None:
        """Build the popup's tree from the nodes last set, if not built yet (UI thread)."""
        nodes, self._pending_nodes = self._pending_nodes, None
        if nodes is not None:
            build_org_model(nodes, self._popup.model)
            self._popup.tree.expandToDepth(0)

    def tree_model(self) -> QStandardItemModel:
        """The popup's tree model (name, code; :func:`build_org_model`), built now if needed."""
        self.ensure_tree()
        return self._popup.model

    def current_code(self) -> str:
        return self._current

    def current_name(self) -> str:
        return self._names.get(self._current, "")

    def set_current(self, code: str, *, emit: bool = False) -> None:
        """Show ``code`` as chosen; with ``emit`` also emit ``sig_unit_changed``."""
        changed = code != self._current
        self._current = code
        self._update_text()
        if emit and changed:
            self.sig_unit_changed.emit(code)

    def _update_text(self) -> None:
        name = self._names.get(self._current, "")
        self.setText(f"{name}  ({self._current})" if name else (self._current or "—"))

    def _on_menu_about_to_show(self) -> None:
        self.ensure_tree()
        self._popup.search.clear()
        QTimer.singleShot(0, self._popup.search.setFocus)

    def _on_popup_unit_chosen(self, code: str) -> None:
        self._menu.hide()
        self.set_current(code, emit=True)

    def retranslateUi(self) -> None:
        self.setToolTip(self.tr("Choose the unit (branch, sub-branch, outlet) every page shows"))
        self._popup.search.setPlaceholderText(self.tr("Search by code or name"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
