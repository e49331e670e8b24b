"""报表 — the returns inbox: add files, read every problem, import the good ones; board; templates.

Work flow of a committee secretary (DESIGN §3, issue 3 §2):

1. add the returns branches e-mailed — *Add files…* or drop several files on the page at once;
2. each file is checked at once by the return engine in dry-run mode on a worker
   (``services.imports.import_files(..., dry_run=True)``): kind, unit, period, rows, what would be
   new / changed / leaving, whether it replaces an earlier return, and **every** problem as
   ``sheet!cell: message`` (in a table the secretary can sort, select and copy);
3. a file that does not say its unit or period (``_meta`` deleted, no 填报单位/报告期 line) asks
   for them (*Set unit and period…*) and is checked again;
4. *Import* imports the ticked files that passed, one transaction per file, on the single writer
   thread; the window then reloads every page, and files still waiting are checked again (an
   org list imported first makes the branches' returns importable);
5. the board shows which branch sent which return for the window's period; *Templates…* writes
   empty (pre-filled) templates for one or many units into a folder.

Refusals are remembered for this session to show *refused* on the board (the engine writes
nothing for a refused file).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QItemSelection, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QSplitter, QTableView, QTabWidget, QVBoxLayout,
    QWidget,
)

from qsm_desktop.domain.i18n import get_language
from qsm_desktop.ui.board_data import Refusal, build_board, fetch_board, kind_period
from qsm_desktop.ui.labels import RETURN_KINDS, label
from qsm_desktop.ui.models.inbox import (
    ACTION_NAMES, CHECKING, COL_FILE, COL_STATUS, ENTITY_NAMES, IMPORTED, NEEDS_INFO, READY, RECHECKABLE, REFUSED,
    UNCHANGED, UNCHECKED, InboxItem, InboxModel,
)
from qsm_desktop.ui.models.table import OBJECT_ROLE, SORT_ROLE, Column, RowTableModel
from qsm_desktop.ui.style import icon
from qsm_desktop.ui.views.base import Page
from qsm_desktop.ui.widgets.board import ReturnsBoard
from qsm_desktop.ui.widgets.drop_table import DropHintTableView
from qsm_desktop.ui.widgets.empty_state import empty_state
from qsm_desktop.ui.widgets.tables import read_only

RETURN_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".xltx"}
NEEDS_INFO_KEYS = ("import.org_needed", "import.period_needed")


def _cell_key(problem) -> tuple:
    """Sort key of a problem: sheet, then row, then column of its cell (file-level problems first)."""
    cell = problem.cell or ""
    letters = "".join(ch for ch in cell if ch.isalpha())
    digits = "".join(ch for ch in cell if ch.isdigit())
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch.upper()) - 64
    return (problem.sheet or "", int(digits) if digits else 0, col)


PROBLEM_COLUMNS = (
    Column("where", QT_TRANSLATE_NOOP("ProblemTable", "Where (sheet!cell)"), lambda p: _where(p)),
    Column("message", QT_TRANSLATE_NOOP("ProblemTable", "Problem"), lambda p: p.message),
)
CHANGE_COLUMNS = (
    Column("action", QT_TRANSLATE_NOOP("ChangeTable", "Change"), lambda c: label(ACTION_NAMES, c.action)),
    Column("entity", QT_TRANSLATE_NOOP("ChangeTable", "What"), lambda c: label(ENTITY_NAMES, c.entity)),
    Column("key", QT_TRANSLATE_NOOP("ChangeTable", "Key"), lambda c: c.key),
    Column("label", QT_TRANSLATE_NOOP("ChangeTable", "Details"), lambda c: c.label),
)


def _where(problem) -> str:
    if problem.sheet and problem.cell:
        return f"{problem.sheet}!{problem.cell}"
    return problem.sheet or ""


class _ProblemsModel(RowTableModel):
    """Problems sort by sheet, row and column of their cell, not alphabetically."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == SORT_ROLE and index.isValid() and index.column() == 0:
            sheet, row, col = _cell_key(self.row_object(index.row()))
            return f"{sheet}\x00{row:09d}{col:05d}"
        return super().data(index, role)


class OrgPeriodDialog(QDialog):
    """Asks for the reporting unit and period of a file that does not say them (DESIGN §3)."""

    def __init__(self, parent: QWidget, file_name: str, units: list[tuple[str, str]], period: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unit and period of the return"))
        layout = QVBoxLayout(self)
        text = QLabel(self.tr("The file {file} does not say which unit sent it or for which period. "
                              "Choose them; the file is then checked again.").format(file=file_name), self)
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.unit_combo = QComboBox(self)
        self.unit_combo.setEditable(True)
        for code, name in units:
            self.unit_combo.addItem(f"{code} {name}", code)
        self.period_edit = QLineEdit(period, self)
        self.period_edit.setPlaceholderText("2007Q4")
        form.addRow(self.tr("Unit:"), self.unit_combo)
        form.addRow(self.tr("Period:"), self.period_edit)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, str]:
        code = self.unit_combo.currentData() or self.unit_combo.currentText().split(" ")[0]
        return code.strip(), self.period_edit.text().strip()


class TemplateDialog(QDialog):
    """Choose the return kind, period, units and folder of templates to write (生成报表模板)."""

    def __init__(self, parent: QWidget, kinds: list[tuple[str, str]], units: list[tuple[str, str]], period: str,
                 folder: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export templates"))
        self.resize(520, 520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kind_combo = QComboBox(self)
        for name, title in kinds:
            self.kind_combo.addItem(title, name)
        self.period_edit = QLineEdit(period, self)
        folder_row = QHBoxLayout()
        self.folder_edit = QLineEdit(folder, self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._on_browse_clicked)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        form.addRow(self.tr("Return:"), self.kind_combo)
        form.addRow(self.tr("Period:"), self.period_edit)
        form.addRow(self.tr("Folder:"), folder_row)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Units (one file each):"), self))
        self.unit_list = QListWidget(self)
        for code, name in units:
            item = QListWidgetItem(f"{name} ({code})", self.unit_list)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setCheckState(Qt.CheckState.Checked)
        layout.addWidget(self.unit_list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the templates"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def values(self) -> tuple[str, str, list[str], Path]:
        codes = [self.unit_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.unit_list.count())
                 if self.unit_list.item(i).checkState() == Qt.CheckState.Checked]
        return self.kind_combo.currentData(), self.period_edit.text().strip(), codes, Path(self.folder_edit.text())


class ReturnsPage(Page):
    """The 报表 page."""

    page_id = "returns"
    icon_name = "returns"
    sig_data_changed = Signal()
    sig_files_checked = Signal()
    sig_files_imported = Signal(int)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setAcceptDrops(True)
        self._refusals: dict[tuple[str, str, str], Refusal] = {}
        self._names: dict[str, str] = {}
        self._board_inputs = None
        # actions
        self.add_button = QPushButton(icon("add-files"), "", self)
        self.import_button = QPushButton(icon("import", white=True), "", self)
        self.import_button.setObjectName("primary")
        self.info_button = QPushButton(self)
        self.remove_button = QPushButton(icon("clear"), "", self)
        self.template_button = QPushButton(icon("template"), "", self)
        for button in (self.add_button, self.import_button, self.info_button, self.remove_button):
            self.header_actions.addWidget(button)
        self.header_actions.addSpacing(16)
        self.header_actions.addWidget(self.template_button)
        # inbox
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        inbox_box = QWidget(splitter)
        inbox_layout = QVBoxLayout(inbox_box)
        inbox_layout.setContentsMargins(0, 0, 0, 0)
        self.model = InboxModel(self)
        self.inbox = DropHintTableView(inbox_box)
        self.inbox.setObjectName("inboxTable")
        self.inbox.setModel(self.model)
        self.inbox.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.inbox.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.inbox.verticalHeader().setVisible(False)
        self.inbox.verticalHeader().setDefaultSectionSize(26)
        self.inbox.setAlternatingRowColors(True)
        self.inbox.setWordWrap(False)
        read_only(self.inbox)
        header = self.inbox.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_FILE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_STATUS, 190)
        self.inbox.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.inbox.setAcceptDrops(False)
        inbox_layout.addWidget(self.inbox, 1)
        self.skipped_label = QLabel(inbox_box)  # lock and hidden files left out of the last drop
        self.skipped_label.setObjectName("skippedLabel")
        self.skipped_label.setWordWrap(True)
        self.skipped_label.setVisible(False)
        inbox_layout.addWidget(self.skipped_label)
        # details and board
        self.tabs = QTabWidget(splitter)
        problems_box = QWidget(self.tabs)
        problems_layout = QVBoxLayout(problems_box)
        problems_layout.setContentsMargins(6, 6, 6, 6)
        problems_bar = QHBoxLayout()
        self.problems_label = QLabel(problems_box)
        self.problems_label.setWordWrap(True)
        problems_bar.addWidget(self.problems_label, 1)
        self.recheck_button = QPushButton(problems_box)  # beside the sentence about the selected file
        problems_bar.addWidget(self.recheck_button)
        self.copy_button = QPushButton(problems_box)
        problems_bar.addWidget(self.copy_button)
        problems_layout.addLayout(problems_bar)
        self.problem_model = _ProblemsModel(PROBLEM_COLUMNS, "ProblemTable", self)
        self.problem_proxy = QSortFilterProxyModel(self)
        self.problem_proxy.setSourceModel(self.problem_model)
        self.problem_proxy.setSortRole(SORT_ROLE)
        self.problems = QTableView(problems_box)
        self.problems.setObjectName("problemTable")
        self.problems.setModel(self.problem_proxy)
        self.problems.setSortingEnabled(True)
        self.problems.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.problems.verticalHeader().setVisible(False)
        self.problems.setWordWrap(True)
        read_only(self.problems)
        self.problems.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.problems.horizontalHeader().sectionResized.connect(lambda *_: self.problems.resizeRowsToContents())
        problems_layout.addWidget(self.problems, 1)
        self.tabs.addTab(problems_box, "")
        self.change_model = RowTableModel(CHANGE_COLUMNS, "ChangeTable", self)
        self.change_proxy = QSortFilterProxyModel(self)
        self.change_proxy.setSourceModel(self.change_model)
        self.change_proxy.setSortRole(SORT_ROLE)
        self.changes = QTableView(self.tabs)
        self.changes.setObjectName("changeTable")
        self.changes.setModel(self.change_proxy)
        self.changes.setSortingEnabled(True)
        self.changes.verticalHeader().setVisible(False)
        self.changes.horizontalHeader().setStretchLastSection(True)
        self.changes.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        read_only(self.changes)
        self.changes_empty = empty_state(self.changes)  # what would be listed here, and for which file
        self.changes_empty.sig_action.connect(self._on_changes_empty_action)
        self.tabs.addTab(self.changes, "")
        board_box = QWidget(self.tabs)
        board_layout = QVBoxLayout(board_box)
        board_layout.setContentsMargins(6, 6, 6, 6)
        self.board_label = QLabel(board_box)
        self.board_label.setObjectName("hint")
        board_layout.addWidget(self.board_label)
        self.board = ReturnsBoard(board_box)
        board_layout.addWidget(self.board, 1)
        self.tabs.addTab(board_box, "")
        splitter.addWidget(inbox_box)
        splitter.addWidget(self.tabs)
        splitter.setSizes([300, 360])
        self.body.addWidget(splitter, 1)
        # behaviour
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.info_button.clicked.connect(self._on_info_button_clicked)
        self.recheck_button.clicked.connect(self._on_recheck_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.template_button.clicked.connect(self._on_template_button_clicked)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.inbox.selectionModel().selectionChanged.connect(self._on_inbox_selection_changed)
        self.model.dataChanged.connect(lambda *_: self._update_buttons())
        self.model.rowsInserted.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(lambda *_: self._update_buttons())
        copy = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self.problems)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)
        copy.activated.connect(self._on_copy_shortcut_activated)
        self.retranslateUi()
        self._update_buttons()

    # ------------------------------------------------------------------ language
    def title(self) -> str:
        return self.tr("Returns")

    def subtitle(self) -> str:
        if self.scope is None:
            return ""
        return self.tr("Branch returns: check, import, see what is in — {period}").format(
            period=self._period_text())

    def _period_text(self) -> str:
        from qsm_desktop.domain.normalise import period_label

        return period_label(self.scope.period) if self.scope else ""

    def retranslateUi(self) -> None:
        super().retranslateUi()
        self.add_button.setText(self.tr("Add files…"))
        self.add_button.setToolTip(self.tr("Choose return files, or drop several files on this page"))
        self.remove_button.setText(self.tr("Remove from list"))
        self.info_button.setText(self.tr("Set unit and period…"))
        self.recheck_button.setText(self.tr("Check again"))
        self.recheck_button.setToolTip(self.tr("Check the selected files again: after correcting them in Excel "
                                               "(save them under the same name), or after a cancelled check"))
        self.template_button.setText(self.tr("Templates…"))
        self.template_button.setToolTip(self.tr("Write return templates for one or many units into a folder"))
        self.copy_button.setText(self.tr("Copy problems"))
        self.copy_button.setToolTip(self.tr("Copy the selected problems (all when none is selected) as "
                                            "'sheet!cell: message' lines"))
        self.inbox.set_hint(self.tr("Drop the returns the branches sent here (several at once), or use "
                                       "“Add files…”. Each file is checked first; nothing is written until you "
                                       "press “Import”."))
        self.tabs.setTabText(0, self.tr("Problems"))
        self.tabs.setTabText(1, self.tr("Changes"))
        self.tabs.setTabText(2, self.tr("Received returns"))
        self.model.retranslate()
        self.problem_model.retranslate()
        self.change_model.retranslate()
        self.board.retranslate()
        self._update_buttons()
        self._show_selected()
        self._update_board_label()

    def _update_board_label(self) -> None:
        if self.scope is None:
            return
        self.board_label.setText(self.tr("Returns of {period} from the branches of {unit}. Hover over a cell for "
                                         "the file and who imported it.").format(
            period=self._period_text(), unit=self.scope.unit_name or self.scope.unit_code))

    # ------------------------------------------------------------------ data
    def load(self, scope, request):
        """Worker: the board's batches for the period."""
        return fetch_board(self.ctx.services, self.ctx.actor, self.ctx.org_nodes(), scope)

    def show_data(self, inputs) -> None:
        self._names = {n.code: n.name for n in self.ctx.org_nodes()}
        self._board_inputs = inputs
        self.board.set_board(build_board(inputs, self._refusals))
        self._update_board_label()
        if not self.model.rowCount():
            self.tabs.setCurrentIndex(2)  # nothing in the inbox: what has come in is the useful view

    # ------------------------------------------------------------------ adding and checking
    def add_files(self, paths: list[Path]) -> list[InboxItem]:
        """Put ``paths`` in the inbox (each file once; a folder means the workbooks in it) and check the
        new ones; returns the new items. Office lock files (``~$…``) and hidden files are left out with
        a note in the status line."""
        expanded, skipped = self.ctx.services.imports.expand_paths([Path(p) for p in paths])
        files = [p for p in expanded if p.is_file()]
        if skipped:
            self.skipped_label.setText(self.tr("Left out: {files}").format(
                files="; ".join(f"{s.path.name} — {s.message()}" for s in skipped)))
            self.skipped_label.setToolTip("\n".join(f"{s.path}: {s.message()}" for s in skipped))
        self.skipped_label.setVisible(bool(skipped))
        new = self.model.add(files)
        if new:
            self.ctx.settings.update(import_dir=str(new[0].path.parent))
            self._check(new)
            self.inbox.selectRow(self.model.items().index(new[0]))
        return new

    def _check(self, items: list[InboxItem]) -> None:
        """Dry-run ``items`` on a worker; results update the items (one batch of files)."""
        if not items:
            return
        before = {id(item): item.state for item in items}
        for item in items:
            item.state = CHECKING
            self.model.changed(item)
        self.ctx.tasks.start(self._run_work(items, dry_run=True), title=self.tr("Checking returns"), parent=self,
                             on_done=lambda results: self._on_checked(items, results),
                             on_error=lambda exc: self._on_task_failed(items, exc),
                             on_cancelled=lambda: self._on_cancelled(items, before))

    def _on_checked(self, items: list[InboxItem], results: list) -> None:
        for item, result in zip(items, results):  # a cancelled check ends in _on_cancelled, not here
            self._apply_result(item, result, imported=False)
        self._show_selected()
        self._refresh_board()
        self.sig_files_checked.emit()

    def _apply_result(self, item: InboxItem, result, *, imported: bool) -> None:
        item.result = result
        item.unit_name = self._names.get(result.org or "", "")
        if result.status == "refused":
            needs = any(p.key in NEEDS_INFO_KEYS for p in result.problems) and all(
                p.sheet is None for p in result.problems)
            item.state = NEEDS_INFO if needs else REFUSED
            if result.org and result.kind:
                period = result.period or (self.scope.period if self.scope else "")
                first = result.problems[0] if result.problems else None
                self._refusals[(result.org, result.kind, self._kind_period(result.kind, period) if period else "")] = Refusal(
                    result.org, result.kind, period, item.path.name, str(first) if first else "", dt.datetime.now())
        elif result.status == "unchanged":
            item.state = UNCHANGED
        elif result.status == "imported":
            item.state = IMPORTED
        else:
            item.state = READY
        self.model.changed(item)

    def _on_task_failed(self, items: list[InboxItem], exc: BaseException) -> None:
        from qsm_desktop.ui.errors import report_exception

        for item in items:
            if item.state == CHECKING:
                item.state = REFUSED
                self.model.changed(item)
        report_exception(exc, self)

    def _on_cancelled(self, items: list[InboxItem], before: dict[int, str]) -> None:
        """A cancelled check: a file checked before keeps what its last check said (a waiting file
        checked again after an import); one never checked says so (*Check again* checks it)."""
        for item in items:
            if item.state == CHECKING:
                previous = before.get(id(item), CHECKING)
                if previous != CHECKING:
                    item.state = previous
                elif item.result is not None:
                    self._apply_result(item, item.result, imported=False)
                    continue
                else:
                    item.state = UNCHECKED
                self.model.changed(item)
        self._show_selected()

    # ------------------------------------------------------------------ importing
    def import_ready(self):
        """Import every ticked file that passed its check, on the writer thread; returns the task handle.

        Ticked files refused only for want of something another file brings (a return dropped
        together with the org list, a training return with its branch's roster) go along: the
        engine imports the run in dependency order and tries them again after what they need is in
        (issue 11), so one click imports a whole drop; a file refused for its own mistakes stays
        refused and changes nothing."""
        ready = [item for item in self.model.items() if item.importable]
        if not ready:
            return None
        waiting = [item for item in self.model.items() if item.checked and item.state == REFUSED and item.result is not None]
        items = ready + waiting
        return self.ctx.tasks.start(self._run_work(items), title=self.tr("Importing returns"), writes=True, parent=self,
                                    on_done=lambda results: self._on_imported(items, results),
                                    on_error=lambda exc: self._on_task_failed([], exc))

    def _run_work(self, items: list[InboxItem], *, dry_run: bool = False):
        """The worker job importing (or, with ``dry_run``, checking) ``items`` as runs of
        :meth:`ImportService.import_files` — one run per (unit, period) the person set, in
        dependency order within it, each reading its next file while this one is checked — with
        progress by file and cancel between files; the results come back in the order of ``items``."""
        service, actor, language = self.ctx.services.imports, self.ctx.actor, get_language()
        groups: dict[tuple[str | None, str | None], list[int]] = {}
        for index, item in enumerate(items):
            groups.setdefault((item.org, item.period), []).append(index)
        paths = [item.path for item in items]

        def work(ctx):
            results: list = [None] * len(items)
            done = 0
            for (org, period), indexes in groups.items():
                if ctx.cancelled:
                    break
                run = service.import_files([paths[i] for i in indexes], actor, org=org, period=period,
                                           dry_run=dry_run, language=language, cancel=ctx.cancel_event,
                                           progress=lambda n, _total, name, base=done: ctx.progress(
                                               base + n, len(items), name))
                for i, result in zip(indexes, run):
                    results[i] = result
                done += len(indexes)
            ctx.progress(len(items), len(items), "")
            return results  # None where a cancel stopped the run before the file

        return work

    def _on_imported(self, items: list[InboxItem], results: list) -> None:
        for item, result in zip(items, results):
            if result is not None:
                self._apply_result(item, result, imported=True)
        results = [r for r in results if r is not None]
        imported = sum(1 for r in results if r.status == "imported")
        self._show_selected()
        if imported:
            self.sig_data_changed.emit()
            self._names = {n.code: n.name for n in self.ctx.org_nodes()}
        waiting = [i for i in self.model.items() if i.state in (REFUSED, NEEDS_INFO, READY, UNCHECKED) and i not in items]
        if imported and waiting:
            self._check(waiting)  # e.g. the org list came in: the branches' returns can pass now
        self._refresh_board()
        self.sig_files_imported.emit(imported)

    def _refresh_board(self) -> None:
        """Show this session's refusals on the board at once; new batches come with the next load."""
        if self.scope is not None and self._board_inputs is not None:
            self.board.set_board(build_board(self._board_inputs, self._refusals))

    # ------------------------------------------------------------------ selection and details
    def selected_items(self) -> list[InboxItem]:
        rows = sorted({index.row() for index in self.inbox.selectionModel().selectedRows()})
        return [self.model.item(r) for r in rows]

    def _on_inbox_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_selected()
        self._update_buttons()

    def _show_selected(self) -> None:
        items = self.selected_items()
        item = items[0] if items else None
        result = item.result if item else None
        # a file without problems shows its warnings (hidden rows …) in the same table, to read first
        self.problem_model.set_rows((list(result.problems) or list(result.warnings)) if result else [])
        self.change_model.set_rows(list(result.preview) if result else [])
        self.problems.resizeRowsToContents()
        self.changes.resizeColumnsToContents()
        self._show_changes_hint(item)
        if item is None:
            self.problems_label.setText(self.tr("Select a file to see its problems and changes."))
        elif item.state == CHECKING:
            self.problems_label.setText(self.tr("{file}: checking…").format(file=item.path.name))
        elif item.state == UNCHECKED:
            self.problems_label.setText(self.tr("{file}: not checked — its check was cancelled. Press Check again "
                                                "to check it.").format(file=item.path.name))
        elif result is not None and result.problems:
            self.problems_label.setText(self.tr("{file}: %n problem(s) — nothing from this file is imported "
                                                "until they are fixed in the file and it is checked again.", "",
                                                len(result.problems)).format(file=item.path.name))
            self.tabs.setCurrentIndex(0)
        elif item.state == UNCHANGED:
            self.problems_label.setText(self.tr("{file}: this very file was imported before; importing it again "
                                                "changes nothing.").format(file=item.path.name))
        elif item.state == IMPORTED and result is not None and result.warnings:
            self.problems_label.setText(self.tr("{file}: imported, with %n warning(s) below to read.", "",
                                                len(result.warnings)).format(file=item.path.name))
            self.tabs.setCurrentIndex(0)
        elif item.state == IMPORTED:
            self.problems_label.setText(self.tr("{file}: imported.").format(file=item.path.name))
        elif result is not None and result.warnings:
            self.problems_label.setText(self.tr("{file}: no problems; {changes} {warnings}").format(
                file=item.path.name, changes=self.tr("%n change(s) ready to import.", "", len(result.preview)),
                warnings=self.tr("Read the %n warning(s) below first.", "", len(result.warnings))))
            self.tabs.setCurrentIndex(0)
        else:
            self.problems_label.setText(self.tr("{file}: no problems; {changes}").format(
                file=item.path.name, changes=self.tr("%n change(s) ready to import.", "",
                                                     len(result.preview) if result else 0)))
        self._update_buttons()

    def _show_changes_hint(self, item: InboxItem | None) -> None:
        """Say on the empty Changes tab what would be listed there: the records the selected file
        adds, updates or replaces once it is checked without problems (user trial: the tab was a
        blank table). A file that only waits for a check, or for its unit and period, gets the
        button that does it."""
        result = item.result if item else None
        name = item.path.name if item else ""
        action = None
        if item is None:
            hint = self.tr("Select a file in the list above: the records importing it would add, change or "
                           "replace are listed here.")
        elif item.state == CHECKING:
            hint = self.tr("{file} is being checked; what importing it would change is listed here when the "
                           "check ends.").format(file=name)
        elif item.state == UNCHECKED:
            hint = self.tr("{file} has not been checked. Check it, and what importing it would change is "
                           "listed here.").format(file=name)
            action = self.recheck_button.text()  # the same words as the button beside the problems
        elif item.state == NEEDS_INFO:
            hint = self.tr("{file} needs its unit and period before it can be checked; then what importing it "
                           "would change is listed here.").format(file=name)
            action = self.info_button.text()
        elif result is not None and result.problems:
            hint = self.tr("{file} changes nothing while it has problems (see the Problems tab). Fix them in "
                           "the file and check it again: its changes are then listed here.").format(file=name)
        elif item.state == UNCHANGED:
            hint = self.tr("{file} was imported before: importing it again changes nothing.").format(file=name)
        elif item.state == IMPORTED:
            hint = self.tr("{file} is imported; it changed nothing.").format(file=name)
        else:
            hint = self.tr("{file} changes nothing: everything in it is already recorded as it "
                           "stands.").format(file=name)
        self.changes_empty.set_hint(hint, action)

    def _on_changes_empty_action(self) -> None:
        """The Changes tab's button: check the selected file, or set its unit and period."""
        if any(i.state == NEEDS_INFO for i in self.selected_items()):
            self._on_info_button_clicked()
        else:
            self._on_recheck_button_clicked()

    def _update_buttons(self) -> None:
        ready = [i for i in self.model.items() if i.importable]
        self.import_button.setText(self.tr("Import ({count})").format(count=len(ready)) if ready else self.tr("Import"))
        self.import_button.setEnabled(bool(ready))
        selected = self.selected_items() if self.inbox.selectionModel() else []
        self.info_button.setEnabled(any(i.state in (NEEDS_INFO, REFUSED) for i in selected))
        self.recheck_button.setEnabled(any(i.state in RECHECKABLE for i in selected))
        self.remove_button.setEnabled(bool(selected))
        self.copy_button.setEnabled(bool(self.problem_model.rowCount()))

    # ------------------------------------------------------------------ slots
    def _on_add_button_clicked(self) -> None:
        start = self.ctx.settings.current.import_dir or str(Path.home())
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Add returns"), start,
                                                self.tr("Excel returns (*.xlsx *.xlsm *.xls *.ods);;All files (*)"))
        if names:
            self.add_files([Path(n) for n in names])

    def _on_import_button_clicked(self) -> None:
        self.import_ready()

    def _on_recheck_button_clicked(self) -> None:
        """Check the selected files again (read from disk anew: a file corrected in Excel and saved
        under the same name, or one whose check was cancelled)."""
        self._check([i for i in self.selected_items() if i.state in RECHECKABLE])

    def _on_remove_button_clicked(self) -> None:
        self.model.remove(self.selected_items())
        self._show_selected()

    def _on_info_button_clicked(self) -> None:
        items = [i for i in self.selected_items() if i.state in (NEEDS_INFO, REFUSED)]
        if not items or self.scope is None:
            return
        units = [(n.code, n.name) for n in self.ctx.org_nodes() if n.type in ("分行", "总行", "支行")]
        dialog = OrgPeriodDialog(self, items[0].path.name, units, self.scope.period)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            org, period = dialog.values()
            for item in items:
                item.org, item.period = org or None, period or None
            self._check(items)

    def _on_copy_button_clicked(self) -> None:
        self.copy_problems(selected_only=bool(self.problems.selectionModel().selectedRows()))

    def _on_copy_shortcut_activated(self) -> None:
        self.copy_problems(selected_only=True)

    def copy_problems(self, *, selected_only: bool) -> str:
        """Copy problems as ``sheet!cell: message`` lines in the table's order; return the text."""
        rows = range(self.problem_proxy.rowCount())
        if selected_only:
            rows = sorted(index.row() for index in self.problems.selectionModel().selectedRows())
        lines = [str(self.problem_proxy.index(r, 0).data(OBJECT_ROLE)) for r in rows]
        item = self.selected_items()[0] if self.selected_items() else None
        text = "\n".join(([item.path.name] if item else []) + lines)
        QGuiApplication.clipboard().setText(text)
        return text

    def _kind_period(self, kind: str, period: str) -> str:
        """The period a return of ``kind`` is reported for within ``period`` (its year for annual kinds)."""
        info = self.ctx.services.imports.kind(kind)
        return kind_period(info.period_type if info is not None else "any", period)

    def _on_template_button_clicked(self) -> None:
        if self.scope is None:
            return
        from qsm_desktop.ui.board_data import board_units

        kinds = [(k.name, label(RETURN_KINDS, k.name)) for k in self.ctx.services.imports.kinds()]
        units = board_units(self.ctx.org_nodes(), self.scope.unit_code)
        folder = self.ctx.settings.current.template_dir or str(Path.home())
        dialog = TemplateDialog(self, kinds, units, self.scope.period, folder)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            kind, period, codes, target = dialog.values()
            self.export_templates(kind, period, codes, target)

    def export_templates(self, kind: str, period: str, codes: list[str], folder: Path):
        """Write the ``kind`` template for each unit of ``codes`` into ``folder`` on a worker."""
        service, actor = self.ctx.services.imports, self.ctx.actor
        period = self._kind_period(kind, period) if period else period

        def work(ctx):
            written = []
            folder.mkdir(parents=True, exist_ok=True)
            for done, code in enumerate(codes):
                if ctx.cancelled:
                    break
                ctx.progress(done, len(codes), code)
                written.append(service.write_template(actor, kind, code, period, folder / f"{kind}_{code}_{period}.xlsx"))
            ctx.progress(len(codes), len(codes), "")
            return written

        def done(written) -> None:
            self.ctx.settings.update(template_dir=str(folder))
            self.problems_label.setText(self.tr("%n template(s) written to {folder}", "", len(written)).format(
                folder=folder))

        return self.ctx.tasks.start(work, title=self.tr("Writing templates"), parent=self, on_done=done)

    # ------------------------------------------------------------------ drag and drop
    @staticmethod
    def _dropped_paths(event) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        paths = self._dropped_paths(event)
        if paths and any(p.suffix.lower() in RETURN_SUFFIXES or p.is_file() or p.is_dir() for p in paths):
            event.acceptProposedAction()
            self.inbox.set_drag_active(True)
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.inbox.set_drag_active(False)
        super().dragLeaveEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        event.acceptProposedAction() if self._dropped_paths(event) else event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.inbox.set_drag_active(False)
        paths = self._dropped_paths(event)
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)
        else:
            event.ignore()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        switched = event.type() == QEvent.Type.LanguageChange and self._data_language != get_language()
        super().changeEvent(event)
        if switched and any(i.result for i in self.model.items()):
            # problems are rendered by the engine in the current language: check the files again
            waiting = [i for i in self.model.items() if i.state in (READY, REFUSED, NEEDS_INFO, UNCHECKED)]
            self._check(waiting)

