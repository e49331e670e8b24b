"""Pieces the form-based pages repeat (页面公用件): the Designer form in the page's body and the
subtitle that names the window's unit (the monitoring pages have their own quarter or date)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLayout, QWidget


def page_form(page: QWidget, body: QLayout, form_class: type) -> tuple[QWidget, Any]:
    """Build the Designer form ``form_class`` (a generated ``Ui_…`` class) on a new widget added to
    ``body`` (the page's body layout) with stretch 1; returns ``(widget, ui)``."""
    widget = QWidget(page)
    ui = form_class()
    ui.setupUi(widget)
    body.addWidget(widget, 1)
    return widget, ui


def unit_subtitle(scope: Any) -> str:
    """``"交通银行北京分行 (110000)"`` for the window's scope (a :class:`~qsm_desktop.ui.context.Scope`),
    ``""`` before a scope is known."""
    return f"{scope.unit_name} ({scope.unit_code})" if scope is not None else ""
