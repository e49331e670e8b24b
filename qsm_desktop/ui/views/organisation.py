"""机构 — organisation page: the org tree of the chosen unit with counts (outlets, staff, certified).

Counts cover each unit's whole subtree on the scope's date (DESIGN §2, §3.2), from
``services.orgs.tree`` and ``services.orgs.counts``. Double-click (or Enter) on a unit makes it
the window's unit (``sig_unit_requested``). The search box filters by code or name and keeps the
path to every match.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QLineEdit, QTreeView, QWidget

from qsm_desktop.ui.labels import ORG_STATUS, label, org_type_label
from qsm_desktop.ui.models.table import ALIGN_RIGHT, fmt_int, fmt_percent
from qsm_desktop.ui.views.base import Page
from qsm_desktop.ui.widgets.tables import fit_columns
from qsm_desktop.ui.widgets.empty_state import empty_state

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3

COL_NAME, COL_CODE, COL_TYPE, COL_OUTLETS, COL_STAFF, COL_CERTIFIED, COL_RATE, COL_STATUS = range(8)


class OrganisationPage(Page):
    """The 机构 page."""

    page_id = "organisation"
    icon_name = "organisation"
    sig_unit_requested = Signal(str)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        bar = QHBoxLayout()
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(260)
        self.search_edit.setMaximumWidth(320)
        bar.addWidget(self.search_edit)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("hint")
        bar.addWidget(self.summary_label, 1)
        self.body.addLayout(bar)
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterKeyColumn(COL_NAME)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(SORT_ROLE)
        self.tree = QTreeView(self)
        self.tree.setObjectName("orgTree")
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSortingEnabled(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.body.addWidget(self.tree, 1)
        self.hint_label = QLabel(self)
        self.hint_label.setObjectName("hint")
        self.body.addWidget(self.hint_label)
        self.empty = empty_state(self.tree)
        self.empty.sig_action.connect(self._on_empty_action)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.tree.activated.connect(self._on_tree_activated)
        self._nodes = []
        self._counts = {}
        self.retranslateUi()

    def title(self) -> str:
        return self.tr("Organisation")

    def retranslateUi(self) -> None:
        super().retranslateUi()
        self.search_edit.setPlaceholderText(self.tr("Filter by code or name"))
        self.hint_label.setText(self.tr("Counts cover each unit's whole subtree. Double-click a unit to make it "
                                        "the unit of every page."))
        self.model.setHorizontalHeaderLabels([
            self.tr("Unit"), self.tr("Code"), self.tr("Type"), self.tr("Outlets"), self.tr("Staff in post"),
            self.tr("Certified"), self.tr("Certification rate"), self.tr("Status")])
        for col in (COL_OUTLETS, COL_STAFF, COL_CERTIFIED, COL_RATE):
            item = self.model.horizontalHeaderItem(col)
            if item is not None:
                item.setTextAlignment(ALIGN_RIGHT)
        if self._nodes:
            self._fill()

    def load(self, scope, request):
        """Worker: the subtree's units and their counts on the scope's date."""
        marker = f"/{scope.unit_code}/"
        nodes = [n for n in self.ctx.org_nodes() if marker in n.path]
        counts = self.ctx.services.orgs.counts(self.ctx.actor, scope.as_of) if nodes else {}
        return nodes, counts

    def show_data(self, data) -> None:
        self._nodes, self._counts = data
        self.subtitle_label.setText(self.subtitle())
        self._fill()

    def _fill(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        items: dict[str, QStandardItem] = {}
        for node in self._nodes:
            counts = self._counts.get(node.code)
            rate = None if counts is None or not counts.staff else round(100.0 * counts.certified / counts.staff, 2)
            row = [QStandardItem(node.name), QStandardItem(node.code), QStandardItem(org_type_label(node.type)),
                   _number(counts.outlets if counts else 0), _number(counts.staff if counts else 0),
                   _number(counts.certified if counts else 0), QStandardItem(fmt_percent(rate)),
                   QStandardItem(label(ORG_STATUS, node.status))]
            row[COL_RATE].setData(-1.0 if rate is None else rate, SORT_ROLE)
            row[COL_RATE].setTextAlignment(ALIGN_RIGHT)
            for i, item in enumerate(row):
                item.setEditable(False)
                item.setData(node.code, CODE_ROLE)
                if i in (COL_NAME, COL_CODE, COL_TYPE, COL_STATUS):
                    item.setData(item.text(), SORT_ROLE)
                if node.status == "撤销":
                    item.setForeground(Qt.GlobalColor.gray)
            row[COL_NAME].setData(f"{node.code} {node.name}", SEARCH_ROLE)
            parent = items.get(node.parent_code or "")
            (parent or self.model.invisibleRootItem()).appendRow(row)
            items[node.code] = row[COL_NAME]
        self.tree.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.tree.expandToDepth(1 if len(self._nodes) > 40 else 3)
        fit_columns(self.tree, stretch=COL_NAME)  # the name takes the room left, never less than its title
        root = self._counts.get(self.scope.unit_code) if self.scope else None
        if root is None:
            self.summary_label.setText(self.tr("No units yet: import the org list on the Returns page."))
        else:
            self.summary_label.setText(self.tr("{units} · {outlets} · {staff} staff in post · "
                                               "{certified} certified").format(
                units=self.tr("%Ln unit(s)", "", len(self._nodes)), outlets=self.tr("%Ln outlet(s)", "", root.outlets),
                staff=fmt_int(root.staff),
                certified=fmt_int(root.certified)))
        self._update_empty()

    def _on_search_edit_text_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if text.strip():
            self.tree.expandAll()
        self._update_empty()

    def _update_empty(self) -> None:
        """The hint over an empty tree: no units yet (import the org list), or none matching the search."""
        if self.model.rowCount() and self.search_edit.text().strip():
            self.empty.set_hint(self.tr("No unit matches the search."), self.tr("Clear the search"))
        else:
            self.empty.set_hint(self.tr("No units yet: import the org list on the Returns page."),
                                self.tr("Open the Returns page"))

    def _on_empty_action(self) -> None:
        if self.model.rowCount():
            self.search_edit.clear()
        else:
            self.sig_page_requested.emit("returns")

    def _on_tree_activated(self, index) -> None:
        code = index.data(CODE_ROLE)
        if code:
            self.sig_unit_requested.emit(code)


def _number(value: int) -> QStandardItem:
    item = QStandardItem(fmt_int(value))
    item.setData(value, SORT_ROLE)
    item.setTextAlignment(ALIGN_RIGHT)
    return item
