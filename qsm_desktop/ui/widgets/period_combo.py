"""Reporting-period pickers (报告期): choosing a period that may not be listed yet."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from qsm_desktop.domain.normalise import period_label


def select_period(combo: QComboBox, period: str) -> None:
    """Make ``period`` (``'2007Q4'``, the item's data) the current item of ``combo``, inserting it
    first with its label (``2007年第四季度``) when the list does not have it yet."""
    index = combo.findData(period)
    if index < 0:
        combo.insertItem(0, period_label(period), period)
        index = 0
    combo.setCurrentIndex(index)
