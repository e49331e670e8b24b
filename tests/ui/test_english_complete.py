"""The English window has no Chinese outside user data (issue 14, deliverable 1).

The demo bank is built into a fresh SQLite file, the window opens in English over it, and every
page and every tab is shown in turn. Every text a reader sees is collected — labels, buttons,
group titles, tab titles, combo-box items, read-only text boxes, every cell and header of every
item view (tree rows included), window and status-bar texts, and the texts of every chart — and a
text with Chinese characters fails the test unless the Chinese in it is user data.

User data is decided by where a string lives, not by which page shows it: the *data columns* of
the database (:data:`DATA_COLUMNS` — names of people, org units and files, and text the office or
a branch typed: complaint summaries, action descriptions, course titles, checklist item texts …)
and the sheet names of the returns (a cell reference such as ``x.xlsx!指标数据!E4`` points into
the user's workbook). Each such value is removed from a text before the check; whatever Chinese is
left was written by the program or is reference data, and must be English. Editable fields are
input and not checked (the indicator editor's Chinese name field edits the Chinese name), and so
is the column of Chinese names the reference-names page translates (:data:`SOURCE_COLUMNS`: the
key shown beside the English name being edited).

The demo is built in English, as for the English screenshots (``--demo --lang en``), so a second,
stricter check holds too: with only the names of people, units and files and the certificate
numbers (:data:`NAME_COLUMNS`) removed, no Chinese is left — the demo typed its summaries,
measures, reasons and titles in English (issue 14's "no Chinese outside people's and units' names").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from sqlalchemy import text

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
"""Chinese characters, CJK punctuation (，。「」) and full-width forms (（）：)."""
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")

DATA_COLUMNS: dict[str, tuple[str, ...]] = {
    "org_units": ("name", "region"),
    "staff": ("name", "note"),
    "accounts": ("name",),
    "import_batches": ("file_name",),
    "training_courses": ("title", "provider", "note"),
    "training_attendance": ("note",),
    "certificates": ("note",),
    "complaints": ("summary", "result", "note"),
    "capa_actions": ("measures", "responsible", "result"),
    "mystery_appeals": ("reason", "contact", "decision_reason"),
    "mystery_visit_items": ("deduction_reason", "note"),
    "internal_service_ratings": ("comment",),
    "showcase_cycles": ("title", "issuing_body"),
    "showcase_applications": ("unit_name", "form"),
    "showcase_reviewers": ("name",),
    "showcase_attachments": ("name",),
    "showcase_outside_titles": ("official_name", "awarded_by", "note"),
    "showcase_sheet_items": ("item_name", "reason"),
    "showcase_decisions": ("meeting_ref",),
    "showcase_awards": ("revoke_reason",),
    "unit_scores": ("unit_name",),
    "indicator_values": ("reason",),
    "evaluation_periods": ("note",),
    "indicator_systems": ("note",),
    "audit_log": ("before", "after"),
}
"""Table → columns holding user data (people, org units, files, text someone typed)."""

NAME_COLUMNS: dict[str, tuple[str, ...]] = {
    "org_units": ("name", "region"),
    "staff": ("name",),
    "accounts": ("name",),
    "import_batches": ("file_name",),
    "showcase_reviewers": ("name",),
    "showcase_applications": ("unit_name",),
    "unit_scores": ("unit_name",),
    "showcase_awards": ("number",),
}
"""Table → columns holding names of people, units and files, and certificate numbers (an official
number such as 交银服示〔2007〕分字第001号 is quoted as issued): Chinese in the English demo too."""

PERSON_FORM_FIELDS = ("网点负责人",)
"""Fields of an application form (``showcase_applications.form``) that hold a person's name."""

ENDONYMS = ("中文",)
"""Languages offered by their own names (the settings' language list), as every program does."""


def data_vocabulary(services, columns_of: dict[str, tuple[str, ...]] = DATA_COLUMNS) -> list[str]:
    """Every Chinese-bearing value of the data columns (``columns_of``: :data:`DATA_COLUMNS`, or
    :data:`NAME_COLUMNS` with the people named on application forms) and the return kinds' sheet
    names, longest first."""
    from qsm_desktop.excel.kinds import all_kinds

    values: set[str] = set()
    with services.engine.connect() as conn:
        for table, columns in columns_of.items():
            for column in columns:
                for (value,) in conn.execute(text(f"SELECT DISTINCT {column} FROM {table}")):
                    values.update(_strings(value))
        if columns_of is NAME_COLUMNS:
            for (form,) in conn.execute(text("SELECT form FROM showcase_applications")):
                form = json.loads(form) if isinstance(form, str) else form
                values.update(str(form[k]) for k in PERSON_FORM_FIELDS if form.get(k))
    for kind in all_kinds():
        values.add(kind.sheet_name)
    values.update(ENDONYMS)
    return sorted((v for v in values if v), key=len, reverse=True)


def _strings(value) -> Iterator[str]:
    """The Chinese-bearing strings in a column value (JSON documents — the audit trail's before and
    after — give each of their string values)."""
    if isinstance(value, str) and value[:1] in "{[":
        try:
            value = json.loads(value)
        except ValueError:
            pass
    if isinstance(value, str):
        if HAN.search(value):
            yield value.strip()
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def leftover_chinese(text_: str, vocabulary: re.Pattern) -> str:
    """``text_`` with every user-data value removed; ``""`` when no Chinese is left."""
    if not CJK.search(text_):
        return ""
    rest = vocabulary.sub("", text_)
    return rest if HAN.search(rest) else ""


def _columns(model, parent: QModelIndex = QModelIndex()) -> int:
    """Columns of ``model`` (a list model's ``columnCount`` is private in PySide6: one column)."""
    return 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)


SOURCE_COLUMNS: dict[str, str] = {"referenceNames": "Chinese name"}
"""Item view (object name) → the title of its column that shows the Chinese source of the English
names edited beside it (the reference-names page, issue 14): input to translate, not checked."""


def _model_texts(model, parent: QModelIndex = QModelIndex(), depth: int = 0, *, editable: bool = False,
                 skip: frozenset[int] = frozenset()) -> Iterator[str]:
    rows = min(model.rowCount(parent), 120)
    for row in range(rows):
        for column in range(_columns(model, parent)):
            if column in skip:
                continue
            index = model.index(row, column, parent)
            if editable and model.flags(index) & Qt.ItemFlag.ItemIsEditable:
                continue  # an editable cell is input (the editor's Chinese name of a grade band)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value
            if column == 0 and depth < 4 and not isinstance(model, QAbstractListModel) and model.rowCount(index):
                yield from _model_texts(model, index, depth + 1, editable=editable)
    if depth == 0:
        for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
            count = _columns(model) if orientation == Qt.Orientation.Horizontal else min(model.rowCount(), 120)
            for section in range(count):
                value = model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
                if isinstance(value, str):
                    yield value


def _figure_texts(widget) -> Iterator[str]:
    figure = getattr(widget, "figure", None)
    if figure is None or not hasattr(figure, "findobj"):
        return
    from matplotlib.text import Text

    for artist in figure.findobj(Text):
        if artist.get_visible() and artist.get_text():
            yield artist.get_text()


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(widget description, text) of every text shown under ``root`` (visible widgets only)."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        name = f"{type(widget).__name__}:{widget.objectName()}"
        if isinstance(widget, QLabel):
            yield name, re.sub(r"<[^>]+>", "", widget.text())
        elif isinstance(widget, QAbstractButton):
            yield name, widget.text()
            yield name + " tooltip", widget.toolTip()
        elif isinstance(widget, QGroupBox):
            yield name, widget.title()
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield name, widget.tabText(i)
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            for i in range(min(widget.count(), 200)):
                yield name, widget.itemText(i)
        elif isinstance(widget, (QTextEdit, QPlainTextEdit)) and widget.isReadOnly():
            yield name, widget.toPlainText()
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            editable = widget.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers
            owner = widget.parentWidget() if isinstance(widget, QHeaderView) else widget  # a header reads its table's model
            source = SOURCE_COLUMNS.get(owner.objectName() if owner is not None else "")
            model = widget.model()
            skip = frozenset(c for c in range(_columns(model)) if source
                             and str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
                             .replace("\n", " ") == source)
            for value in _model_texts(model, editable=editable, skip=skip):
                yield name, value
        elif isinstance(widget, QLineEdit):
            continue  # input
        yield from ((name + " chart", t) for t in _figure_texts(widget))


@pytest.fixture(scope="module")
def demo_services(tmp_path_factory):
    from qsm_desktop.services import demo
    from qsm_desktop.services.bundle import build_services
    from qsm_desktop.services.accounts import local_admin

    folder = tmp_path_factory.mktemp("english")
    services = build_services(f"sqlite:///{folder / 'demo.db'}")
    demo.build_demo(services, local_admin(), "small", returns_dir=folder / "returns", language="en")
    services.load_english_names()
    yield services
    services.engine.dispose()


def test_every_english_page_shows_no_chinese_outside_user_data(qtbot, demo_services, languages):
    from qsm_desktop.services.accounts import local_admin
    from qsm_desktop.settings import Settings
    from qsm_desktop.ui.main_window import MainWindow

    languages.set_language("en")
    vocabulary = re.compile("|".join(re.escape(v) for v in data_vocabulary(demo_services)))
    names = re.compile("|".join(re.escape(v) for v in data_vocabulary(demo_services, NAME_COLUMNS)))
    typed: dict[str, set[str]] = {}  # Chinese the English demo typed (beyond names and numbers)
    window = MainWindow(demo_services, Settings(language="en"), actor=local_admin(), languages=languages,
                        persist_settings=False)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    found: dict[str, set[str]] = {}
    plurals: dict[str, set[str]] = {}  # "appeal(s)" where Qt's %n forms say "appeal" or "appeals" (a trial)
    try:
        for spec in window._specs:
            page = window.show_page(spec.page_id)
            tabs = getattr(page, "tabs", None)
            indexes = range(tabs.count()) if isinstance(tabs, QTabWidget) else [None]
            for index in indexes:
                if index is not None:
                    if not tabs.isTabVisible(index):
                        continue
                    tabs.setCurrentIndex(index)
                window.tasks.wait(120_000)
                qtbot.wait(30)
                window.tasks.wait(120_000)
                for where, value in visible_texts(window):
                    if "(s)" in (value or ""):
                        plurals.setdefault(f"{spec.page_id}[{index}] {where}", set()).add(value)
                    rest = leftover_chinese(value or "", vocabulary)
                    if rest:
                        found.setdefault(f"{spec.page_id}[{index}] {where}", set()).add(" ".join(HAN_RUN.findall(rest)))
                    elif rest := leftover_chinese(value or "", names):
                        typed.setdefault(f"{spec.page_id}[{index}] {where}", set()).add(" ".join(HAN_RUN.findall(rest)))
        # the evaluation's A02 explanation names its register in English (issue 13's screenshot)
        page = window.show_page("evaluation")
        window.tasks.wait(120_000)
        states = page.extra_screenshots()
        assert next(states) == "explanation"
        explanation = page.explanation_text()
        assert next(states, None) is None  # back to the quarter shown before
        assert "A02 Mystery-visit average score" in explanation and "mystery visits" in explanation.lower(), explanation
        rest = leftover_chinese(explanation, vocabulary)
        if rest:
            found["evaluation explanation"] = {rest}
    finally:
        window.tasks.cancel_all()
        window.tasks.wait(30_000)
    report = "\n".join(f"{where}: {sorted(values)[:6]}" for where, values in sorted(found.items()))
    assert not found, f"Chinese outside user data on the English window ({len(found)} widgets):\n{report}"
    assert not plurals, f"'(s)' on the English window, not a %n plural: {sorted(plurals.items())[:6]}"
    report = "\n".join(f"{where}: {sorted(values)[:6]}" for where, values in sorted(typed.items()))
    assert not typed, f"the English demo typed Chinese ({len(typed)} widgets; services/demo, typed()):\n{report}"


def _dialog_texts(dialog: QWidget) -> list[str]:
    texts = [b.text() for b in dialog.findChildren(QAbstractButton)]
    texts += [label.text() for label in dialog.findChildren(QLabel)]
    return [t for t in texts if t]


def test_qt_own_dialogs_speak_the_window_language(qtbot, languages):
    """Qt's own dialogs (message-box buttons, the file and colour dialogs) follow the window's
    language: PySide6 ships ``qtbase_zh_CN.qm`` and the Chinese window loads it; English has none."""
    from pathlib import Path

    from PySide6.QtWidgets import QColorDialog, QFileDialog, QMessageBox

    from qsm_desktop.ui.i18n import qt_translations_dir

    assert (Path(qt_translations_dir()) / "qtbase_zh_CN.qm").is_file()

    def dialogs() -> list[QWidget]:
        box = QMessageBox(QMessageBox.Icon.Question, "t", "?", QMessageBox.StandardButton.Yes
                          | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel)
        files = QFileDialog(None, "t")
        files.setOption(QFileDialog.Option.DontUseNativeDialog)
        colours = QColorDialog()
        colours.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)
        for dialog in (box, files, colours):
            qtbot.addWidget(dialog)
        return [box, files, colours]

    languages.set_language("zh")
    for dialog in dialogs():
        texts = _dialog_texts(dialog)
        assert any(HAN.search(t) for t in texts), (type(dialog).__name__, texts)
    box = dialogs()[0]
    assert box.button(QMessageBox.StandardButton.Yes).text().startswith("是")
    languages.set_language("en")
    for dialog in dialogs():
        texts = _dialog_texts(dialog)
        assert not any(HAN.search(t) for t in texts), (type(dialog).__name__, texts)
    assert "Yes" in dialogs()[0].button(QMessageBox.StandardButton.Yes).text()
