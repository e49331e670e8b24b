"""The audit trail's table model and its before/after comparison (审计日志表格) — issue 12 item 5.

:class:`AuditTableModel` is a ``QAbstractTableModel`` over the
:class:`~qsm_desktop.services.audit_trail.AuditLine` rows the audit page hands it, a page at a
time: it never queries. When the view scrolls to the end and more entries exist it asks for them
(``canFetchMore``/``fetchMore`` → ``sig_more_wanted``); the page fetches the next page on a worker
and :meth:`AuditTableModel.append_page` adds it. Sorting is a ``QSortFilterProxyModel`` over
:data:`~qsm_desktop.ui.models.table.SORT_ROLE`.

:func:`compare` turns an entry's ``before``/``after`` JSON into rows a person reads: each field
with its old and new value, marked added, removed, changed or unchanged, long values cut short.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal

from qsm_desktop.ui.models.table import OBJECT_ROLE, SORT_ROLE

CONTEXT = "AuditTable"

COLUMNS: tuple[tuple[str, str], ...] = (
    ("when", QT_TRANSLATE_NOOP("AuditTable", "When")),
    ("login", QT_TRANSLATE_NOOP("AuditTable", "Login")),
    ("entity", QT_TRANSLATE_NOOP("AuditTable", "Entity")),
    ("action", QT_TRANSLATE_NOOP("AuditTable", "Action")),
    ("key", QT_TRANSLATE_NOOP("AuditTable", "Key")),
)
"""Column keys and headers (English sources, context ``AuditTable``)."""

MAX_VALUE_CHARS = 300
"""A value longer than this is cut in the comparison (the export carries it whole)."""


def when_text(when: dt.datetime) -> str:
    """``2008-01-10 09:30:00``."""
    return when.isoformat(sep=" ", timespec="seconds")


class AuditTableModel(QAbstractTableModel):
    """Audit lines (newest first, as fetched) × :data:`COLUMNS`; read-only.

    ``labels``: ``(kind, value) -> text`` for the entity and action columns (the page's
    translations; the raw value when it has none). ``sig_more_wanted`` asks the page for the next
    page; :meth:`append_page` delivers it. A new filter starts over with :meth:`reset`.
    """

    sig_more_wanted = Signal()

    def __init__(self, labels: Callable[[str, str], str] | None = None, parent=None) -> None:
        super().__init__(parent)
        self._lines: list[Any] = []
        self._more = False
        self._fetching = False
        self._labels = labels or (lambda _kind, value: value)

    # -- content -----------------------------------------------------------------------------
    def reset(self, lines: Sequence[Any], more: bool) -> None:
        """Show ``lines`` (the first page of a new query); ``more``: whether further pages exist."""
        self.beginResetModel()
        self._lines = list(lines)
        self._more = more
        self._fetching = False
        self.endResetModel()

    def append_page(self, lines: Sequence[Any], more: bool) -> None:
        """Add the next page's ``lines`` at the end."""
        self._fetching = False
        if lines:
            first = len(self._lines)
            self.beginInsertRows(QModelIndex(), first, first + len(lines) - 1)
            self._lines.extend(lines)
            self.endInsertRows()
        self._more = more

    def fetch_failed(self) -> None:
        """The page asked for could not be fetched: the view may ask again."""
        self._fetching = False

    def lines(self) -> list[Any]:
        return list(self._lines)

    def line(self, row: int) -> Any:
        return self._lines[row]

    @property
    def more(self) -> bool:
        """Whether more entries match than are loaded."""
        return self._more

    @property
    def fetching(self) -> bool:
        return self._fetching

    def request_more(self) -> bool:
        """Ask the page for the next page (once at a time); whether a request went out."""
        if not self._more or self._fetching:
            return False
        self._fetching = True
        self.sig_more_wanted.emit()
        return True

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, len(COLUMNS) - 1))

    # -- Qt interface ------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802 - Qt override
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802 - Qt override
        if not parent.isValid():
            self.request_more()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate(CONTEXT, COLUMNS[section][1])
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        key = COLUMNS[index.column()][0]
        if role == OBJECT_ROLE:
            return line
        if role == SORT_ROLE:
            if key == "when":
                return f"{when_text(line.when)} {line.id or 0:012d}"
            return str(getattr(line, key) or "")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if key == "when":
                return when_text(line.when)
            if key in ("entity", "action"):
                value = getattr(line, key)
                text = self._labels(key, value)
                return text if role == Qt.ItemDataRole.DisplayRole or text == value else f"{text} ({value})"
            return getattr(line, key) or ""
        return None


# ------------------------------------------------------------------------------------------ comparison

ADDED, REMOVED, CHANGED, SAME = "added", "removed", "changed", "same"


@dataclass(frozen=True)
class FieldChange:
    """One field of an entry: ``name``, its ``before`` and ``after`` as text (``""`` when absent) and
    ``state`` (:data:`ADDED`, :data:`REMOVED`, :data:`CHANGED`, :data:`SAME`)."""

    name: str
    before: str
    after: str
    state: str


def value_text(value: Any, limit: int = MAX_VALUE_CHARS) -> str:
    """A JSON value as one line people read: text as it is, numbers and booleans plainly, lists and
    objects as compact JSON (a list of many keys names the first ones and how many more); cut to
    ``limit`` characters with "…"."""
    if value is None:
        return ""
    if isinstance(value, str):
        text = value
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, (int, float)):
        text = f"{value:g}" if isinstance(value, float) else str(value)
    elif isinstance(value, list) and len(value) > 12:
        shown = json.dumps(value[:12], ensure_ascii=False, default=str)
        text = f"{shown[:-1]}, … (+{len(value) - 12})]"
    else:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def compare(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None,
            shown_value: Callable[[str, Any], Any] | None = None) -> list[FieldChange]:
    """The fields of ``before`` and ``after`` (either may be ``None``), in the order they first
    appear (before's, then after's new ones): changed and added fields first, then removed ones,
    then those that stayed the same. ``shown_value(field, value)`` turns a stored value into the
    one shown (a coded value in the window's language); the states compare the stored values."""
    shown_value = shown_value or (lambda _name, value: value)
    before = before or {}
    after = after or {}
    names = list(before) + [name for name in after if name not in before]
    rows = []
    for name in names:
        if name not in before:
            state = ADDED
        elif name not in after:
            state = REMOVED
        elif before[name] != after[name]:
            state = CHANGED
        else:
            state = SAME
        rows.append(FieldChange(name, value_text(shown_value(name, before.get(name))),
                                value_text(shown_value(name, after.get(name))), state))
    order = {CHANGED: 0, ADDED: 0, REMOVED: 1, SAME: 2}
    return sorted(rows, key=lambda r: order[r.state])  # stable: the fields' own order within each group


def json_text(data: Mapping[str, Any] | None, limit: int = 32_000) -> str:
    """``data`` as one line of JSON for an export cell (at most ``limit`` characters — Excel holds
    32,767 in a cell), ``""`` for ``None``."""
    if data is None:
        return ""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"
