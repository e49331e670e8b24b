"""指标体系 — the indicator-system editor: tree, weights, rule parameters, preview, new versions.

Over ``services.evaluation`` (DESIGN §4; db/seed/indicator_system_2007.toml):

- pick a stored version (versions that have scores say so — they are never rewritten);
- the tree: unit types (分行, 总行部门) → categories → leaf indicators, with each unit type's
  weight total (must be 100: shown green, or red with the difference) and each category's subtotal;
- the selected indicator's fields: name, unit, direction, weight, data source, and the scoring
  rule with its parameters (``linear`` floor/target, ``rank`` bands ``1-3:100%; 4-5:50%``,
  ``deduction``/``bonus`` points per unit); indicators can be added to a category or removed;
  the grade bands; the new version's name, version label and date in force;
- *Preview* scores the last computed quarter under the draft and lists each unit's total, grade
  and rank before → after (nothing stored); *Save as new version* stores the draft as a new version
  (refused, with every problem listed, when the weights do not add up to 100 or a rule is wrong);
  *Import…* / *Export…* read and write TOML (the reference format) or Excel.

The draft is kept as the TOML structure (``dict``) and turned into a domain system (validated) only
to preview or save, so a half-edited draft never reaches the database.
"""

from __future__ import annotations

import copy
import datetime as dt
import tomllib
from pathlib import Path

from PySide6.QtCore import QDate, QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton, QSplitter, QTableView, QTableWidget, QTableWidgetItem, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget,
)

from qsm_desktop.domain.indicators import (
    RULE_KINDS,
    SOURCES,
    bands_text,
    dumps_toml,
    fmt_number,
    parse_bands,
    system_from_mapping,
)
from qsm_desktop.ui.models.table import ALIGN_CENTER, ALIGN_RIGHT, Column, RowTableModel
from qsm_desktop.ui.style import BAD, GOOD, MUTED, icon
from qsm_desktop.ui.views.base import Page
from qsm_desktop.ui.widgets.date_edit import date_edit

CONTEXT = "IndicatorSystemPage"
ROLE_KEY = Qt.ItemDataRole.UserRole + 10

RULE_LABELS = {
    "linear": QT_TRANSLATE_NOOP("IndicatorSystemPage", "Linear (floor → target)"),
    "rank": QT_TRANSLATE_NOOP("IndicatorSystemPage", "Rank bands"),
    "deduction": QT_TRANSLATE_NOOP("IndicatorSystemPage", "Deduction per unit"),
    "bonus": QT_TRANSLATE_NOOP("IndicatorSystemPage", "Bonus per unit"),
}
DIRECTION_LABELS = {
    "higher": QT_TRANSLATE_NOOP("IndicatorSystemPage", "Higher is better"),
    "lower": QT_TRANSLATE_NOOP("IndicatorSystemPage", "Lower is better"),
}
SOURCE_LABELS = {
    "quarterly": QT_TRANSLATE_NOOP("IndicatorSystemPage", "Quarterly return"),
    "internal_service": QT_TRANSLATE_NOOP("IndicatorSystemPage", "Internal-service ratings"),
    "certification": QT_TRANSLATE_NOOP("IndicatorSystemPage", "Certification register"),
    "training": QT_TRANSLATE_NOOP("IndicatorSystemPage", "Training records"),
    "awards": QT_TRANSLATE_NOOP("IndicatorSystemPage", "Showcase awards"),
    "manual": QT_TRANSLATE_NOOP("IndicatorSystemPage", "Manual entry"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def system_to_mapping(system) -> dict:
    """A domain system as the editable TOML structure (via the domain's own TOML writer)."""
    data = tomllib.loads(dumps_toml(system))
    data["effective_from"] = system.effective_from
    return data


def rule_summary(rule: dict, unit: str) -> str:
    kind = rule.get("kind")
    if kind == "linear":
        return QCoreApplication.translate("IndicatorSystemPage", "linear {floor} → {target}").format(floor=fmt_number(rule.get("floor", 0)) + unit,
                                                      target=fmt_number(rule.get("target", 0)) + unit)
    if kind == "rank":
        return QCoreApplication.translate("IndicatorSystemPage", "rank {bands}").format(bands=bands_text(rule.get("bands", [])))
    if kind == "deduction":
        return QCoreApplication.translate("IndicatorSystemPage", "−{points} per {unit}").format(points=fmt_number(rule.get("per_unit", 0)), unit=unit or "1")
    if kind == "bonus":
        return QCoreApplication.translate("IndicatorSystemPage", "+{points} per {unit}").format(points=fmt_number(rule.get("per_unit", 0)), unit=unit or "1")
    return str(kind)


class IndicatorSystemPage(Page):
    """The 指标体系 page."""

    page_id = "indicators"
    icon_name = "indicators"
    sig_system_saved = Signal(int)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.systems = []
        self.draft: dict | None = None
        self.base_id: int | None = None
        self.preview_result = None
        self._filling = False
        self._current_code: str | None = None
        # --- bar
        bar = QHBoxLayout()
        self.version_label = QLabel(self)
        bar.addWidget(self.version_label)
        self.version_combo = QComboBox(self)
        self.version_combo.setObjectName("systemVersion")
        self.version_combo.setMinimumContentsLength(30)
        bar.addWidget(self.version_combo, 1)
        self.import_button = QPushButton(icon("import"), "", self)
        self.export_button = QPushButton(icon("export"), "", self)
        self.preview_button = QPushButton(icon("rates"), "", self)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("primary")
        for button in (self.import_button, self.export_button, self.preview_button, self.save_button):
            bar.addWidget(button)
        self.body.addLayout(bar)
        # --- tree | editor
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.tree = QTreeWidget(left)
        self.tree.setObjectName("systemTree")
        self.tree.setColumnCount(4)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            self.tree.header().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        left_layout.addWidget(self.tree, 1)
        tree_buttons = QHBoxLayout()
        self.add_button = QPushButton(left)
        self.remove_button = QPushButton(left)
        tree_buttons.addWidget(self.add_button)
        tree_buttons.addWidget(self.remove_button)
        tree_buttons.addStretch(1)
        left_layout.addLayout(tree_buttons)
        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        self.version_box = QGroupBox(right)
        vform = QFormLayout(self.version_box)
        self.name_edit = QLineEdit(self.version_box)
        self.label_edit = QLineEdit(self.version_box)
        self.label_edit.setObjectName("versionLabel")
        self.effective_edit = date_edit(self.version_box)
        self.note_edit = QLineEdit(self.version_box)
        self._vlabels = [QLabel(self.version_box) for _ in range(4)]
        for lab, widget in zip(self._vlabels, (self.name_edit, self.label_edit, self.effective_edit, self.note_edit)):
            vform.addRow(lab, widget)
        right_layout.addWidget(self.version_box)
        self.indicator_box = QGroupBox(right)
        iform = QFormLayout(self.indicator_box)
        self.code_edit = QLineEdit(self.indicator_box)
        self.code_edit.setReadOnly(True)
        self.ind_name_edit = QLineEdit(self.indicator_box)
        self.unit_edit = QLineEdit(self.indicator_box)
        self.direction_combo = QComboBox(self.indicator_box)
        for key in DIRECTION_LABELS:
            self.direction_combo.addItem("", key)
        self.weight_spin = QDoubleSpinBox(self.indicator_box)
        self.weight_spin.setObjectName("weightSpin")
        self.weight_spin.setRange(0.0, 100.0)
        self.weight_spin.setDecimals(2)
        self.source_combo = QComboBox(self.indicator_box)
        for key in SOURCES:
            self.source_combo.addItem("", key)
        self.rule_combo = QComboBox(self.indicator_box)
        for key in RULE_KINDS:
            self.rule_combo.addItem("", key)
        self.floor_spin = QDoubleSpinBox(self.indicator_box)
        self.target_spin = QDoubleSpinBox(self.indicator_box)
        self.per_unit_spin = QDoubleSpinBox(self.indicator_box)
        for spin in (self.floor_spin, self.target_spin, self.per_unit_spin):
            spin.setRange(-1_000_000.0, 1_000_000.0)
            spin.setDecimals(2)
        self.bands_edit = QLineEdit(self.indicator_box)
        self.bands_edit.setPlaceholderText("1-3:100%; 4-5:50%")
        self._ilabels = [QLabel(self.indicator_box) for _ in range(11)]
        widgets = (self.code_edit, self.ind_name_edit, self.unit_edit, self.direction_combo, self.weight_spin,
                   self.source_combo, self.rule_combo, self.floor_spin, self.target_spin, self.per_unit_spin,
                   self.bands_edit)
        for lab, widget in zip(self._ilabels, widgets):
            iform.addRow(lab, widget)
        self._rule_rows = {"linear": (7, 8), "deduction": (9,), "bonus": (9,), "rank": (10,)}
        self._iform = iform
        right_layout.addWidget(self.indicator_box)
        self.grades_box = QGroupBox(right)
        glayout = QVBoxLayout(self.grades_box)
        self.grades_table = QTableWidget(0, 2, self.grades_box)
        self.grades_table.setObjectName("gradesTable")
        self.grades_table.verticalHeader().setVisible(False)
        self.grades_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grades_table.setMaximumHeight(170)
        self.grades_table.verticalHeader().setDefaultSectionSize(24)
        glayout.addWidget(self.grades_table)
        right_layout.addWidget(self.grades_box)
        right_layout.addStretch(1)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([640, 460])
        outer = QSplitter(Qt.Orientation.Vertical, self)
        outer.addWidget(splitter)
        bottom = QWidget(outer)
        blayout = QVBoxLayout(bottom)
        blayout.setContentsMargins(0, 0, 0, 0)
        self.problems_label = QLabel(bottom)
        self.problems_label.setObjectName("systemProblems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        blayout.addWidget(self.problems_label)
        self.preview_title = QLabel(bottom)
        self.preview_title.setObjectName("sectionTitle")
        blayout.addWidget(self.preview_title)
        self.preview_model = RowTableModel(self._preview_columns(), CONTEXT, self)
        self.preview_table = QTableView(bottom)
        self.preview_table.setObjectName("previewTable")
        self.preview_table.setModel(self.preview_model)
        self.preview_table.verticalHeader().setVisible(False)
        self.preview_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.preview_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        blayout.addWidget(self.preview_table, 1)
        outer.addWidget(bottom)
        outer.setSizes([520, 200])
        self.body.addWidget(outer, 1)
        # --- signals
        self.version_combo.currentIndexChanged.connect(self._on_version_combo_index_changed)
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)
        for widget in (self.ind_name_edit, self.unit_edit, self.bands_edit):
            widget.textEdited.connect(self._on_indicator_edited)
        for widget in (self.direction_combo, self.source_combo, self.rule_combo):
            widget.currentIndexChanged.connect(self._on_indicator_edited)
        for spin in (self.weight_spin, self.floor_spin, self.target_spin, self.per_unit_spin):
            spin.valueChanged.connect(self._on_indicator_edited)
        for widget in (self.name_edit, self.label_edit, self.note_edit):
            widget.textEdited.connect(self._on_version_edited)
        self.effective_edit.dateChanged.connect(self._on_version_edited)
        self.grades_table.itemChanged.connect(self._on_grades_table_item_changed)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.preview_button.clicked.connect(self._on_preview_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.retranslateUi()

    def _preview_columns(self) -> list[Column]:
        def total(v):
            return "—" if v is None else f"{v:.2f}"

        def delta_colour(r):
            if r[3] is None:
                return (None, None)
            d = r[4] - r[3]
            return (MUTED if abs(d) < 0.005 else (GOOD if d > 0 else BAD), None)

        return [
            Column("code", QT_TRANSLATE_NOOP("IndicatorSystemPage", "Code"), lambda r: r[0]),
            Column("name", QT_TRANSLATE_NOOP("IndicatorSystemPage", "Unit"), lambda r: r[1]),
            Column("before", QT_TRANSLATE_NOOP("IndicatorSystemPage", "Total now"), lambda r: r[3], total, ALIGN_RIGHT),
            Column("after", QT_TRANSLATE_NOOP("IndicatorSystemPage", "Total with the draft"), lambda r: r[4], total, ALIGN_RIGHT),
            Column("delta", QT_TRANSLATE_NOOP("IndicatorSystemPage", "Difference"), lambda r: None if r[3] is None else r[4] - r[3],
                   lambda v: "—" if v is None else f"{v:+.2f}", ALIGN_RIGHT, colour=delta_colour),
            Column("grade", QT_TRANSLATE_NOOP("IndicatorSystemPage", "Grade"), lambda r: f"{r[5] or '—'} → {r[6] or '—'}", align=ALIGN_CENTER),
            Column("rank", QT_TRANSLATE_NOOP("IndicatorSystemPage", "Rank"), lambda r: f"{r[7] or '—'} → {r[8] or '—'}", align=ALIGN_CENTER),
        ]

    # ------------------------------------------------------------------ language
    def title(self) -> str:
        return self.tr("Indicator systems")

    def nav_title(self) -> str:
        return self.tr("Indicator system")

    def subtitle(self) -> str:
        return self.tr("Weights, scoring rules and grade bands; saving always makes a new version")

    def retranslateUi(self) -> None:
        super().retranslateUi()
        self.version_label.setText(self.tr("Version:"))
        self.import_button.setText(self.tr("Import…"))
        self.export_button.setText(self.tr("Export…"))
        self.preview_button.setText(self.tr("Preview"))
        self.preview_button.setToolTip(self.tr("Score the last computed quarter under the draft (nothing is saved)"))
        self.save_button.setText(self.tr("Save as new version"))
        self.add_button.setText(self.tr("Add indicator"))
        self.remove_button.setText(self.tr("Remove indicator"))
        self.tree.setHeaderLabels([self.tr("Category / indicator"), self.tr("Weight"), self.tr("Source"),
                                   self.tr("Rule")])
        self.version_box.setTitle(self.tr("New version"))
        for lab, text in zip(self._vlabels, (self.tr("Name:"), self.tr("Version:"), self.tr("In force from:"),
                                             self.tr("Note:"))):
            lab.setText(text)
        self.indicator_box.setTitle(self.tr("Indicator"))
        for lab, text in zip(self._ilabels, (self.tr("Code:"), self.tr("Name:"), self.tr("Unit:"),
                                             self.tr("Direction:"), self.tr("Weight (points):"), self.tr("Data source:"),
                                             self.tr("Scoring rule:"), self.tr("Floor (0 points):"),
                                             self.tr("Target (full points):"), self.tr("Points per unit:"),
                                             self.tr("Rank bands:"))):
            lab.setText(text)
        for combo, labels in ((self.direction_combo, DIRECTION_LABELS), (self.source_combo, SOURCE_LABELS),
                              (self.rule_combo, RULE_LABELS)):
            for i in range(combo.count()):
                combo.setItemText(i, _tr(labels[combo.itemData(i)]))
        self.grades_box.setTitle(self.tr("Grade bands"))
        self.grades_table.setHorizontalHeaderLabels([self.tr("Grade"), self.tr("Lowest total")])
        self.preview_model.retranslate()
        self._update_preview_title()
        self._fill_versions_text()
        if self.draft is not None:
            self._rebuild_tree()

    # ------------------------------------------------------------------ data
    def reload(self) -> None:
        services, actor = self.ctx.services, self.ctx.actor
        self.systems = services.evaluation.systems(actor)
        keep = self.base_id
        self.version_combo.blockSignals(True)
        self.version_combo.clear()
        for info in self.systems:
            self.version_combo.addItem("", info.id)
        self._fill_versions_text()
        self.version_combo.blockSignals(False)
        if not self.systems:
            self.draft = None
            self.tree.clear()
            return
        if keep is None:
            try:
                keep = services.evaluation.active_system(actor).info.id
            except Exception:  # no version in force yet: the newest
                keep = self.systems[0].id
        index = max(self.version_combo.findData(keep), 0)
        self.version_combo.setCurrentIndex(index)
        self.load_version(self.version_combo.itemData(index))

    def _fill_versions_text(self) -> None:
        by_id = {s.id: s for s in self.systems}
        for i in range(self.version_combo.count()):
            info = by_id.get(self.version_combo.itemData(i))
            if info is None:
                continue
            text = self.tr("{label} — in force from {date}").format(label=info.label,
                                                                     date=info.effective_from.isoformat())
            if info.has_scores:
                text += self.tr(" (scored: {periods})").format(periods=", ".join(info.periods[-3:]))
            self.version_combo.setItemText(i, text)

    def load_version(self, system_id: int) -> None:
        """Start a draft from stored version ``system_id`` (suggesting a new version label)."""
        services, actor = self.ctx.services, self.ctx.actor
        stored = services.evaluation.system(actor, system_id)
        self.base_id = system_id
        self.draft = system_to_mapping(stored.system)
        self.draft["version"] = services.evaluation.suggest_version(actor, stored.system.name, stored.system.version)
        self.preview_result = None
        self.preview_model.set_rows([])
        self._fill_version_fields()
        self._fill_grades()
        self._rebuild_tree()
        self._update_preview_title()

    def _fill_version_fields(self) -> None:
        self._filling = True
        d = self.draft
        self.name_edit.setText(d["name"])
        self.label_edit.setText(d["version"])
        eff = d["effective_from"]
        if isinstance(eff, str):
            eff = dt.date.fromisoformat(eff)
        self.effective_edit.setDate(QDate(eff.year, eff.month, eff.day))
        self.note_edit.setText(d.get("note", ""))
        self._filling = False

    def _fill_grades(self) -> None:
        self._filling = True
        grades = self.draft.get("grades", [])
        self.grades_table.setRowCount(len(grades))
        for row, grade in enumerate(grades):
            self.grades_table.setItem(row, 0, QTableWidgetItem(grade["name"]))
            self.grades_table.setItem(row, 1, QTableWidgetItem(fmt_number(grade["min"])))
        self._filling = False

    def unit_type_totals(self) -> dict[str, float]:
        """Unit type → the sum of its leaves' weights in the draft."""
        applies = {c["code"]: c["applies_to"] for c in self.draft.get("categories", [])}
        totals: dict[str, float] = {t: 0.0 for t in applies.values()}
        for ind in self.draft.get("indicators", []):
            if ind["category"] in applies:
                totals[applies[ind["category"]]] += float(ind.get("weight", 0))
        return totals

    def _rebuild_tree(self) -> None:
        keep = self._current_code
        self.tree.blockSignals(True)
        self.tree.clear()
        totals = self.unit_type_totals()
        bold = QFont()
        bold.setBold(True)
        selected = None
        for unit_type, total in totals.items():
            top = QTreeWidgetItem(self.tree, [unit_type, fmt_number(total, 2) + " / 100", "", ""])
            top.setFont(0, bold)
            top.setFont(1, bold)
            ok = abs(total - 100.0) < 1e-6
            top.setForeground(1, QBrush(QColor(GOOD if ok else BAD)))
            if not ok:
                top.setToolTip(1, self.tr("The weights must add up to 100 (now {total})").format(
                    total=fmt_number(total, 2)))
            top.setData(0, ROLE_KEY, ("type", unit_type))
            for category in (c for c in self.draft["categories"] if c["applies_to"] == unit_type):
                leaves = [i for i in self.draft["indicators"] if i["category"] == category["code"]]
                subtotal = sum(float(i.get("weight", 0)) for i in leaves)
                cat_item = QTreeWidgetItem(top, [f"{category['code']} {category['name']}", fmt_number(subtotal, 2), "", ""])
                cat_item.setData(0, ROLE_KEY, ("category", category["code"]))
                for ind in leaves:
                    item = QTreeWidgetItem(cat_item, [
                        f"{ind['code']} {ind['name']}", fmt_number(float(ind.get('weight', 0)), 2),
                        _tr(SOURCE_LABELS.get(ind.get("source", ""), ind.get("source", ""))),
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
        self._show_problems()

    def _first_indicator_item(self):
        it = self.tree.invisibleRootItem()
        stack = [it.child(i) for i in range(it.childCount())]
        while stack:
            node = stack.pop(0)
            if node.data(0, ROLE_KEY) and node.data(0, ROLE_KEY)[0] == "indicator":
                return node
            stack[0:0] = [node.child(i) for i in range(node.childCount())]
        return None

    def _indicator(self, code: str | None) -> dict | None:
        for ind in (self.draft or {}).get("indicators", []):
            if ind["code"] == code:
                return ind
        return None

    def _show_indicator(self, code: str | None) -> None:
        ind = self._indicator(code)
        self._current_code = code if ind is not None else None
        self.indicator_box.setEnabled(ind is not None)
        self.remove_button.setEnabled(ind is not None)
        if ind is None:
            return
        self._filling = True
        rule = ind.get("rule", {})
        self.code_edit.setText(ind["code"])
        self.ind_name_edit.setText(ind.get("name", ""))
        self.unit_edit.setText(ind.get("unit", ""))
        self.direction_combo.setCurrentIndex(max(self.direction_combo.findData(ind.get("direction")), 0))
        self.weight_spin.setValue(float(ind.get("weight", 0)))
        self.source_combo.setCurrentIndex(max(self.source_combo.findData(ind.get("source")), 0))
        self.rule_combo.setCurrentIndex(max(self.rule_combo.findData(rule.get("kind")), 0))
        self.floor_spin.setValue(float(rule.get("floor", 0)))
        self.target_spin.setValue(float(rule.get("target", 0)))
        self.per_unit_spin.setValue(float(rule.get("per_unit", 0)))
        self.bands_edit.setText(bands_text(rule.get("bands", [])))
        self._filling = False
        self._show_rule_rows(rule.get("kind", "linear"))

    def _show_rule_rows(self, kind: str) -> None:
        visible = set(self._rule_rows.get(kind, ()))
        for row in (7, 8, 9, 10):
            self._iform.setRowVisible(row, row in visible)

    # ------------------------------------------------------------------ editing (testable)
    def set_indicator_fields(self, code: str, **fields) -> None:
        """Change indicator ``code`` of the draft: ``weight``, ``name``, ``unit``, ``direction``,
        ``source``, or the rule (``kind``, ``floor``, ``target``, ``per_unit``, ``bands``)."""
        ind = self._indicator(code)
        if ind is None:
            raise KeyError(code)
        rule = dict(ind.get("rule", {}))
        for key, value in fields.items():
            if key in ("weight",):
                ind[key] = float(value)
            elif key in ("name", "unit", "direction", "source"):
                ind[key] = value
            elif key == "kind":
                rule = {"kind": value}
            elif key in ("floor", "target", "per_unit"):
                rule[key] = float(value)
            elif key == "bands":
                rule["bands"] = value
        kind = rule.get("kind")
        keep = {"linear": ("floor", "target"), "rank": ("bands",), "deduction": ("per_unit",),
                "bonus": ("per_unit",)}.get(kind, ())
        ind["rule"] = {"kind": kind, **{k: rule[k] for k in keep if k in rule}}
        self._rebuild_tree()
        if self._current_code == code:
            self._show_indicator(code)
        self._invalidate_preview()

    def add_indicator(self, category: str) -> str:
        """Add an indicator (weight 0, linear 0 → 100) to ``category``; returns its new code."""
        existing = {i["code"] for i in self.draft["indicators"]}
        n = 1
        while f"{category}{n:02d}" in existing:
            n += 1
        code = f"{category}{n:02d}"
        position = max((k for k, i in enumerate(self.draft["indicators"]) if i["category"] == category), default=-1)
        self.draft["indicators"].insert(position + 1, {
            "code": code, "category": category, "name": self.tr("New indicator"), "unit": "%", "direction": "higher",
            "weight": 0.0, "source": "manual", "rule": {"kind": "linear", "floor": 0.0, "target": 100.0}})
        self._current_code = code
        self._rebuild_tree()
        self._show_indicator(code)
        self._invalidate_preview()
        return code

    def remove_indicator(self, code: str) -> None:
        """Remove indicator ``code`` from the draft."""
        self.draft["indicators"] = [i for i in self.draft["indicators"] if i["code"] != code]
        self._current_code = None
        self._rebuild_tree()
        self._invalidate_preview()

    def draft_problems(self) -> list[str]:
        """Every reason the draft cannot be saved (empty when it can)."""
        from qsm_desktop.domain.indicators import IndicatorSystemInvalid

        try:
            system_from_mapping(self._draft_for_domain())
        except IndicatorSystemInvalid as exc:
            return list(exc.problems)
        return []

    def draft_system(self):
        """The draft as a validated domain system (``IndicatorSystemInvalid`` listing every problem)."""
        return system_from_mapping(self._draft_for_domain())

    def _draft_for_domain(self) -> dict:
        data = copy.deepcopy(self.draft)
        data.pop("note", None)
        return data

    def _show_problems(self) -> None:
        problems = self.draft_problems() if self.draft is not None else []
        if problems:
            self.problems_label.setText(f"<span style='color:{BAD};'>" + "<br/>".join(
                "• " + p.replace("<", "&lt;") for p in problems) + "</span>")
        else:
            self.problems_label.setText(f"<span style='color:{GOOD};'>" + self.tr(
                "The draft is valid: the weights of each unit type add up to 100.") + "</span>")
        self.save_button.setEnabled(not problems)
        self.preview_button.setEnabled(not problems)

    def _invalidate_preview(self) -> None:
        if self.preview_result is not None:
            self.preview_result = None
            self.preview_model.set_rows([])
            self._update_preview_title()

    def _update_preview_title(self) -> None:
        if self.preview_result is None:
            self.preview_title.setText(self.tr("Preview: press Preview to see the effect on the last quarter's scores"))
        else:
            self.preview_title.setText(self.tr("Preview on {period}: totals now and with the draft").format(
                period=self.preview_result.period))

    # ------------------------------------------------------------------ actions
    def preview(self):
        """Score the last computed quarter under the draft on a worker; fill the preview table."""
        system = self.draft_system()
        services, actor = self.ctx.services, self.ctx.actor
        return self.ctx.tasks.start(lambda ctx: services.evaluation.preview_system(actor, system),
                                    title=self.tr("Previewing the draft"), parent=self, on_done=self._on_preview_done)

    def save(self):
        """Save the draft as a new version on a worker; the editor then shows that version."""
        system = self.draft_system()
        note = (self.draft.get("note") or "").strip() or None
        services, actor, base = self.ctx.services, self.ctx.actor, self.base_id
        return self.ctx.tasks.start(lambda ctx: services.evaluation.save_system(actor, system, based_on_id=base,
                                                                                note=note),
                                    title=self.tr("Saving the indicator system"), writes=True, parent=self,
                                    on_done=self._on_saved)

    def import_file(self, path: Path):
        services, actor = self.ctx.services, self.ctx.actor
        return self.ctx.tasks.start(lambda ctx: services.evaluation.import_system(actor, path),
                                    title=self.tr("Importing the indicator system"), writes=True, parent=self,
                                    on_done=self._on_saved)

    def export_file(self, path: Path):
        services, actor, system_id = self.ctx.services, self.ctx.actor, self.base_id
        return self.ctx.tasks.start(lambda ctx: services.evaluation.export_system(actor, system_id, path),
                                    title=self.tr("Exporting the indicator system"), parent=self)

    def _on_preview_done(self, result) -> None:
        self.preview_result = result
        self.preview_model.set_rows(result.rows())
        self._update_preview_title()

    def _on_saved(self, info) -> None:
        self.base_id = info.id
        self._current_code = None
        self.refresh()
        self.sig_system_saved.emit(info.id)

    # ------------------------------------------------------------------ slots
    def _on_version_combo_index_changed(self, index: int) -> None:
        system_id = self.version_combo.itemData(index)
        if system_id is not None:
            self._current_code = None
            self.load_version(system_id)

    def _on_tree_current_item_changed(self, current, _previous) -> None:
        key = current.data(0, ROLE_KEY) if current is not None else None
        self._show_indicator(key[1] if key and key[0] == "indicator" else None)

    def _on_indicator_edited(self, *_args) -> None:
        if self._filling or self._current_code is None:
            return
        kind = self.rule_combo.currentData()
        fields = {"name": self.ind_name_edit.text(), "unit": self.unit_edit.text(),
                  "direction": self.direction_combo.currentData(), "weight": self.weight_spin.value(),
                  "source": self.source_combo.currentData(), "kind": kind}
        if kind == "linear":
            fields.update(floor=self.floor_spin.value(), target=self.target_spin.value())
        elif kind in ("deduction", "bonus"):
            fields.update(per_unit=self.per_unit_spin.value())
        elif kind == "rank":
            bands = parse_bands(self.bands_edit.text())
            fields["bands"] = bands if bands is not None else []
        self._show_rule_rows(kind)
        self.set_indicator_fields(self._current_code, **fields)

    def _on_version_edited(self, *_args) -> None:
        if self._filling or self.draft is None:
            return
        self.draft["name"] = self.name_edit.text().strip()
        self.draft["version"] = self.label_edit.text().strip()
        self.draft["effective_from"] = self.effective_edit.date().toPython()
        self.draft["note"] = self.note_edit.text()
        self._show_problems()
        self._invalidate_preview()

    def _on_grades_table_item_changed(self, _item) -> None:
        if self._filling or self.draft is None:
            return
        grades = []
        for row in range(self.grades_table.rowCount()):
            name = self.grades_table.item(row, 0)
            low = self.grades_table.item(row, 1)
            try:
                minimum = float((low.text() if low else "").strip())
            except ValueError:
                minimum = float("nan")
            grades.append({"name": (name.text() if name else "").strip(), "min": minimum})
        self.draft["grades"] = grades
        self._show_problems()
        self._invalidate_preview()

    def _on_add_button_clicked(self) -> None:
        current = self.tree.currentItem()
        key = current.data(0, ROLE_KEY) if current is not None else None
        if key is None or key[0] == "type":
            return
        category = key[1] if key[0] == "category" else self._indicator(key[1])["category"]
        self.add_indicator(category)

    def _on_remove_button_clicked(self) -> None:
        if self._current_code is not None:
            self.remove_indicator(self._current_code)

    def _on_preview_button_clicked(self) -> None:
        self.preview()

    def _on_save_button_clicked(self) -> None:
        self.save()

    def _on_import_button_clicked(self) -> None:
        start = self.ctx.settings.current.export_dir or str(Path.home())
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import an indicator system"), start,
                                              self.tr("Indicator system (*.toml *.xlsx)"))
        if name:
            self.import_file(Path(name))

    def _on_export_button_clicked(self) -> None:
        if self.base_id is None:
            return
        path = self.ask_export_path(self.tr("Export the indicator system"), "indicator_system.toml",
                                    self.tr("TOML (*.toml);;Excel workbook (*.xlsx)"))
        if path is not None:
            self.export_file(path)


__all__ = ["IndicatorSystemPage", "bands_text", "parse_bands", "system_to_mapping"]
