"""What the showcase tabs share (示范窗口公用): the stored Chinese levels, statuses and form fields
shown in the window's language, number formats, and the set-up of a table view.

The levels and statuses are stored in Chinese (DESIGN §5); the window shows the levels through the
``ShowcaseTerms`` translation context (English sources, Chinese in ``qsm_zh_CN.ts``), the statuses
as the program's words of :mod:`qsm_desktop.domain.names` (one table with the command line).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractItemModel, QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QTableView

from qsm_desktop.domain import names
from qsm_desktop.ui.widgets.tables import fit_columns, read_only

LEVELS = ("总行级", "分行级", "全国级")
"""Award levels (级别) in the order the level filter lists them."""
STATUSES = ("草稿", "已提交", "分行推荐", "总行评审中", "已授予", "未通过", "已撤回")
"""Application statuses (申报状态) in the order the status filter lists them."""

_TERMS = {  # the stored (Chinese) levels and form fields as shown: English sources, Chinese in qsm_zh_CN.ts
    "总行级": QT_TRANSLATE_NOOP("ShowcaseTerms", "head-office level"),
    "分行级": QT_TRANSLATE_NOOP("ShowcaseTerms", "branch level"),
    "全国级": QT_TRANSLATE_NOOP("ShowcaseTerms", "national level"),
    # the application form's fields (DESIGN §3.5), stored under their Chinese labels
    "在岗员工数": QT_TRANSLATE_NOOP("ShowcaseTerms", "Staff in post"),
    "持证上岗人数": QT_TRANSLATE_NOOP("ShowcaseTerms", "Certified staff"),
    "大堂经理人数": QT_TRANSLATE_NOOP("ShowcaseTerms", "Lobby managers"),
    "年度有效投诉件数": QT_TRANSLATE_NOOP("ShowcaseTerms", "Valid complaints in the year"),
    "神秘访客平均得分": QT_TRANSLATE_NOOP("ShowcaseTerms", "Mystery shopper average"),
    "客户满意度": QT_TRANSLATE_NOOP("ShowcaseTerms", "Customer satisfaction"),
    "网点负责人": QT_TRANSLATE_NOOP("ShowcaseTerms", "Outlet manager"),
    "联系电话": QT_TRANSLATE_NOOP("ShowcaseTerms", "Telephone"),
    "近三年所获荣誉": QT_TRANSLATE_NOOP("ShowcaseTerms", "Honours in the last three years"),
    "创建工作简述": QT_TRANSLATE_NOOP("ShowcaseTerms", "Summary of the work"),
}


def term(value: str | None) -> str:
    """An award level, application status or application-form field (stored in Chinese) in the
    window's language; anything else as it is. The statuses' English is the domain's
    (:data:`qsm_desktop.domain.names.APPLICATION_STATUSES_EN`), shared with the command line."""
    if value is None:
        return ""
    source = _TERMS.get(str(value))
    if source:
        return QCoreApplication.translate("ShowcaseTerms", source)
    return names.term(str(value))  # an application status: the program's word, kept in the domain


def cycle_label(cycle) -> str:
    """``2007 总行级`` / ``2007 head-office level`` for an award cycle (评选周期; any object with
    ``year`` and ``level``)."""
    return f"{cycle.year} {term(cycle.level)}"


def score_text(value) -> str:
    """A published final score with two decimals (94.88), or ``—`` without one."""
    return "—" if value is None else f"{Decimal(value):.2f}"


def plain_text(value) -> str:
    """Points or a score without trailing zeros (15, 13.5), or empty for ``None``."""
    return "" if value is None else format(Decimal(value).normalize(), "f")


def setup_table(view: QTableView, model: QAbstractItemModel) -> QTableView:
    """Give ``view`` its ``model`` and the showcase tables' look: whole rows selected one at a
    time, read-only (Tab leaves it), no row numbers, columns sized to their contents and the last one stretched."""
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    read_only(view)
    fit_columns(view)  # contents and titles fit; the last column takes the room left
    return view
