"""指标体系 — the indicator-system editor: tree, weights, rule parameters, preview, new versions.

Over ``services.evaluation`` (DESIGN §4; db/seed/indicator_system_2007.toml):

- pick a stored version (versions that have scores say so — they are never rewritten);
- the tree (:mod:`.tree_panel`): unit types (分行, 总行部门) → categories → leaf indicators, with each
  unit type's weight total (must be 100: shown green, or red with the difference) and each
  category's subtotal;
- the editor (:mod:`.editor_panel`): the selected indicator's fields — name, unit, direction,
  weight, data source, and the scoring rule with the parameters its kind declares
  (:mod:`.rule_editor`); indicators can be added to a category or removed; the grade bands; the
  new version's name, version label and date in force;
- *Preview* scores the last computed quarter under the draft and lists each unit's total, grade
  and rank before → after (nothing stored); *Save as new version* stores the draft as a new version
  (refused, with every problem listed, when the weights do not add up to 100 or a rule is wrong);
  *Import…* / *Export…* read and write TOML (the reference format) or Excel.

The draft is kept as the TOML structure (``dict``, :mod:`.draft`) and turned into a domain system
(validated) only to preview or save, so a half-edited draft never reaches the database.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSplitter, QTableView,
    QVBoxLayout, QWidget,
)

from qsm_desktop.domain.i18n import get_language
from qsm_desktop.domain.names import shown
from qsm_desktop.ui.models.table import ALIGN_CENTER, ALIGN_RIGHT, Column, RowTableModel
from qsm_desktop.ui.style import BAD, GOOD, MUTED, icon
from qsm_desktop.ui.views.base import Page
from qsm_desktop.ui.views.indicator_systems import draft as drafts
from qsm_desktop.ui.views.indicator_systems.draft import system_to_mapping
from qsm_desktop.ui.views.indicator_systems.editor_panel import SystemEditorPanel
from qsm_desktop.ui.views.indicator_systems.tree_panel import SystemTreePanel
from qsm_desktop.ui.widgets.tables import fit_columns, read_only

CONTEXT = "IndicatorSystemPage"


class IndicatorSystemPage(Page):
    """The 指标体系 page: the version bar, the tree panel beside the editor panel, the problems of
    the draft and the preview table."""

    page_id = "indicators"
    icon_name = "indicators"
    sig_system_saved = Signal(int)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.systems = []
        self.draft: dict | None = None
        self.base_id: int | None = None
        self.preview_result = None
        self._current_code: str | None = None
        # --- bar
        bar = QHBoxLayout()
        self.version_label = QLabel(self)
        bar.addWidget(self.version_label)
        self.version_combo = QComboBox(self)
        self.version_combo.setObjectName("systemVersion")
        self.version_combo.setMinimumContentsLength(22)  # a long version name elides; its tooltip has it whole
        self.version_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
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
        self.tree_panel = SystemTreePanel(splitter)
        self.tree = self.tree_panel.tree
        self.editor = SystemEditorPanel(splitter)
        editor_scroll = QScrollArea(splitter)  # at 1280×680 (150 %) the editor scrolls; its fields keep their height
        editor_scroll.setObjectName("editorScroll")
        editor_scroll.setWidgetResizable(True)
        editor_scroll.setFrameShape(QFrame.Shape.NoFrame)
        editor_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        editor_scroll.setWidget(self.editor)
        splitter.addWidget(self.tree_panel)
        splitter.addWidget(editor_scroll)
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
        read_only(self.preview_table)
        fit_columns(self.preview_table, stretch=1)
        blayout.addWidget(self.preview_table, 1)
        outer.addWidget(bottom)
        outer.setSizes([520, 200])
        self.body.addWidget(outer, 1)
        # --- signals
        self.version_combo.currentIndexChanged.connect(self._on_version_combo_index_changed)
        self.tree_panel.sig_indicator_selected.connect(self._on_tree_panel_indicator_selected)
        self.tree_panel.sig_add_requested.connect(self._on_tree_panel_add_requested)
        self.tree_panel.sig_remove_requested.connect(self._on_tree_panel_remove_requested)
        self.editor.sig_indicator_edited.connect(self._on_editor_indicator_edited)
        self.editor.sig_version_edited.connect(self._on_editor_version_edited)
        self.editor.sig_grades_edited.connect(self._on_editor_grades_edited)
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
            Column("grade", QT_TRANSLATE_NOOP("IndicatorSystemPage", "Grade"), lambda r: f"{shown(r[5]) or '—'} → {shown(r[6]) or '—'}", align=ALIGN_CENTER),
            Column("rank", QT_TRANSLATE_NOOP("IndicatorSystemPage", "Rank"), lambda r: f"{r[7] or '—'} → {r[8] or '—'}", align=ALIGN_CENTER),
        ]

    # ------------------------------------------------------------------ language
    def title(self) -> str:
        return self.tr("Indicator systems")

    def nav_title(self) -> str:
        return self.tr("Indicators")  # fits the navigation column at 150 % ("Indicator syst…" did not)

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
        self.tree_panel.retranslate()
        self.editor.retranslate()
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
            self.tree_panel.clear()
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
            text = self.tr("{label} — in force from {date}").format(label=info.shown_label(),
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
        # in the window's language: "2007版-2", or "2007 edition (2)" on the English window (user trial)
        self.draft["version"] = services.evaluation.suggest_version(actor, stored.system.name, stored.system.version,
                                                                    language=get_language())
        self.preview_result = None
        self.preview_model.set_rows([])
        self.editor.fill_version(self.draft)
        self.editor.fill_grades(self.draft.get("grades", []))
        self._rebuild_tree()
        self._update_preview_title()

    def unit_type_totals(self) -> dict[str, float]:
        """Unit type → the sum of its leaves' weights in the draft."""
        return drafts.unit_type_totals(self.draft)

    def _rebuild_tree(self) -> None:
        self.tree_panel.rebuild(self.draft, self._current_code)
        self._show_problems()

    def _show_indicator(self, code: str | None) -> None:
        ind = drafts.find_indicator(self.draft, code)
        self._current_code = code if ind is not None else None
        self.tree_panel.set_remove_enabled(ind is not None)
        self.editor.show_indicator(ind)

    # ------------------------------------------------------------------ editing (testable)
    def set_indicator_fields(self, code: str, **fields) -> None:
        """Change indicator ``code`` of the draft: ``weight``, ``name``, ``unit``, ``direction``,
        ``source``, or the rule (``kind`` and the parameters its kind declares: ``floor``,
        ``target``, ``per_unit``, ``bands`` …). ``KeyError`` when there is no such indicator."""
        drafts.set_indicator_fields(self.draft, code, **fields)
        self._rebuild_tree()
        if self._current_code == code:
            self._show_indicator(code)
        self._invalidate_preview()

    def add_indicator(self, category: str) -> str:
        """Add an indicator (weight 0, linear 0 → 100) to ``category``; returns its new code."""
        code = drafts.add_indicator(self.draft, category, self.tr("New indicator"))
        self._current_code = code
        self._rebuild_tree()
        self._show_indicator(code)
        self._invalidate_preview()
        return code

    def remove_indicator(self, code: str) -> None:
        """Remove indicator ``code`` from the draft."""
        drafts.remove_indicator(self.draft, code)
        self._current_code = None
        self._rebuild_tree()
        self._invalidate_preview()

    def draft_problems(self) -> list[str]:
        """Every reason the draft cannot be saved (empty when it can)."""
        return drafts.draft_problems(self.draft)

    def draft_system(self):
        """The draft as a validated domain system (``IndicatorSystemInvalid`` listing every problem)."""
        return drafts.draft_system(self.draft)

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
        self.version_combo.setToolTip(self.version_combo.itemText(index))  # whole, when the box elides it
        system_id = self.version_combo.itemData(index)
        if system_id is not None:
            self._current_code = None
            self.load_version(system_id)

    def _on_tree_panel_indicator_selected(self, code: str | None) -> None:
        self._show_indicator(code)

    def _on_editor_indicator_edited(self, fields: dict) -> None:
        if self._current_code is None:
            return
        self.set_indicator_fields(self._current_code, **fields)

    def _on_editor_version_edited(self, fields: dict) -> None:
        if self.draft is None:
            return
        self.draft.update(fields)
        self._show_problems()
        self._invalidate_preview()

    def _on_editor_grades_edited(self, grades: list) -> None:
        if self.draft is None:
            return
        self.draft["grades"] = grades
        self._show_problems()
        self._invalidate_preview()

    def _on_tree_panel_add_requested(self, category: str) -> None:
        self.add_indicator(category)

    def _on_tree_panel_remove_requested(self) -> None:
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



__all__ = ["IndicatorSystemPage", "system_to_mapping"]
