"""A date field as every page shows one (日期输入框): ISO display (2007-12-31), calendar popup."""

from __future__ import annotations

from PySide6.QtWidgets import QDateEdit, QWidget


def date_edit(parent: QWidget, object_name: str = "") -> QDateEdit:
    """A ``QDateEdit`` showing ``yyyy-MM-dd`` with a calendar popup; ``object_name`` for tests and styles."""
    edit = QDateEdit(parent)
    if object_name:
        edit.setObjectName(object_name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit
