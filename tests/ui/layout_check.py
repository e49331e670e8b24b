"""Finding squeezed and clipped widgets in a shown window (used by ``test_layout.py``; issue 14 item 2).

:func:`layout_problems` walks the visible widgets under a root widget and returns one sentence per
problem: a widget smaller than its ``minimumSizeHint`` (a form collapsed into slivers), a label
whose text is wider than the label and neither elided, wrapped nor explained by a tooltip, a
table header section narrower than its title, a table whose last columns lie behind a sideways
scroll although its columns could share the width (:func:`hidden_columns`). A helper of the
tests, not of the product.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QAbstractSpinBox, QComboBox, QAbstractScrollArea, QHeaderView, QLabel, QScrollBar, QSizePolicy,
                               QTabBar, QTableView, QTreeView, QWidget)

HEADER_SLACK = 2
"""Pixels a column may lack of its title's size hint before the title counts as cut (the hint has margins)."""


def _inside_item_view(widget: QWidget) -> bool:
    """Whether ``widget`` lives in an item view's viewport (an editor or index widget: the view sizes it)."""
    parent = widget.parentWidget()
    while parent is not None:
        view = parent.parentWidget()
        if isinstance(view, QAbstractItemView) and parent is view.viewport():
            return True
        parent = view
    return False


def _name(widget: QWidget) -> str:
    text = ""
    for attr in ("text", "title", "placeholderText"):
        getter = getattr(widget, attr, None)
        if callable(getter):
            try:
                value = getter()
            except TypeError:
                continue
            if isinstance(value, str) and value:
                text = value
                break
    name = widget.objectName() or type(widget).__name__
    return f"{type(widget).__name__}({name}{', ' + repr(text[:40]) if text else ''})"


def _ignored(widget: QWidget) -> bool:
    policy = widget.sizePolicy()
    return policy.horizontalPolicy() == QSizePolicy.Policy.Ignored and policy.verticalPolicy() == QSizePolicy.Policy.Ignored


def squeezed(widget: QWidget) -> str | None:
    """Why ``widget`` is below its minimum size hint, or None."""
    hint = widget.minimumSizeHint()
    if not hint.isValid() or _ignored(widget) or isinstance(widget, (QScrollBar, QTabBar, QHeaderView)):
        return None  # sized by their owners (a header by its view)
    if isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox)):
        return None  # the line edit inside a spin box or combo box: the box itself is checked
    size = widget.size()
    policy = widget.sizePolicy()
    short_w = policy.horizontalPolicy() != QSizePolicy.Policy.Ignored and size.width() < hint.width() \
        and widget.minimumWidth() == 0
    short_h = policy.verticalPolicy() != QSizePolicy.Policy.Ignored and size.height() < hint.height() \
        and widget.minimumHeight() == 0
    if short_w or short_h:
        return f"{_name(widget)} is {size.width()}×{size.height()}, needs {hint.width()}×{hint.height()}"
    return None


def clipped_label(label: QLabel) -> str | None:
    """Why ``label``'s text is cut, or None (wrapped, rich text, elided with a tooltip, or it fits)."""
    text = label.text()
    if not text or label.wordWrap() or label.toolTip() or not label.pixmap().isNull() \
            or _rich(label, text) or "\n" in text:
        return None
    if label.buddy() is not None:  # "&Login:" draws "Login:" (the & marks the shortcut)
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    needed = label.fontMetrics().horizontalAdvance(text)
    room = label.contentsRect().width() - 2 * label.margin() - label.indent() if label.indent() > 0 \
        else label.contentsRect().width() - 2 * label.margin()
    if needed > room + 1:
        return f"label {text!r} needs {needed} px, has {room}"
    return None


def _title_sizes(header: QHeaderView) -> dict[int, int]:
    """Section → the width its title needs: Qt's section size hint (style sheet padding, bold font),
    with the sort arrow's room only in the sorted section — the one section that draws it."""
    sizes = {s: header.sectionSizeFromContents(s).width() for s in range(header.count())}
    if header.isSortIndicatorShown():
        header.blockSignals(True)
        header.setSortIndicatorShown(False)
        sizes.update({s: header.sectionSizeFromContents(s).width() for s in range(header.count())
                      if s != header.sortIndicatorSection()})
        header.setSortIndicatorShown(True)
        header.blockSignals(False)
    return sizes


def clipped_headers(header: QHeaderView) -> list[str]:
    """The sections of a horizontal ``header`` narrower than their title needs (:func:`_title_sizes`),
    unless the section has a tooltip."""
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return []
    sizes = _title_sizes(header)
    problems = []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        title = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if not title or model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole):
            continue
        needed = sizes[section]
        if header.sectionSize(section) + HEADER_SLACK < needed:
            problems.append(f"column {str(title)!r} is {header.sectionSize(section)} px, its title needs {needed}")
    return problems


def hidden_columns(view: QAbstractItemView) -> str | None:
    """Why some of ``view``'s columns are out of sight behind a sideways scroll, or None: the
    columns are wider than the viewport although their floors fit it (:meth:`ColumnFitter.least_width`
    — titles on two lines, long texts elided, the ``squeeze`` columns down to their titles), or the
    table has no column fitter at all."""
    from qsm_desktop.ui.widgets.tables import ColumnFitter

    header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
    room = view.viewport().width()
    if header.isHidden() or header.count() < 2 or header.length() <= room + HEADER_SLACK:
        return None
    fitter = view.findChild(ColumnFitter)
    if fitter is not None and fitter.least_width() > room:
        return None  # even the floors do not fit: scrolling is the way
    model = header.model()
    beyond = [str(model.headerData(header.logicalIndex(v), Qt.Orientation.Horizontal) or "").replace("\n", " ")
              for v in range(header.count())
              if not header.isSectionHidden(header.logicalIndex(v))
              and header.sectionViewportPosition(header.logicalIndex(v)) + header.sectionSize(header.logicalIndex(v)) > room]
    return (f"{_name(view)} scrolls sideways ({header.length()} px of columns in {room}), "
            f"cutting {', '.join(repr(b) for b in beyond[:4])}{' (no column fitter)' if fitter is None else ''}")


def _really_visible(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.isVisible() and widget.width() > 0


def layout_problems(root: QWidget) -> list[str]:
    """Every squeezed widget, clipped label, clipped column title and table with columns behind a
    sideways scroll under ``root`` (visible ones)."""
    problems: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not _really_visible(widget, root) or _inside_item_view(widget) or widget.isWindow() and widget is not root:
            continue
        reason = squeezed(widget)
        if reason:
            problems.append(reason)
        if isinstance(widget, QLabel):
            reason = clipped_label(widget)
            if reason:
                problems.append(reason)
        if isinstance(widget, QHeaderView) and isinstance(widget.parentWidget(), QAbstractScrollArea):
            problems.extend(clipped_headers(widget))
        if isinstance(widget, (QTableView, QTreeView)) and widget.model() is not None:
            reason = hidden_columns(widget)
            if reason:
                problems.append(reason)
    return problems


def _rich(label: QLabel, text: str) -> bool:
    if label.textFormat() == Qt.TextFormat.RichText:
        return True
    if label.textFormat() == Qt.TextFormat.PlainText:
        return False
    from PySide6.QtGui import Qt as GuiQt

    might = getattr(GuiQt, "mightBeRichText", None)
    return bool(might(text)) if might else "<" in text and ">" in text
