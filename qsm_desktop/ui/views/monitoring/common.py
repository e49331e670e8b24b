"""What the monitoring pages share (监测页面公用): stored terms shown in the window's language,
number formats, sortable tables, "export the table on screen", and who may act.

The improvement loop stores some values as codes (``open``, ``corrective``, ``mystery_visit``) and
some in the office's Chinese (整改状态 待整改, 投诉类别 客户投诉, 维度 仪容仪表); the window shows
both through the ``MonitoringTerms`` translation context (English sources, Chinese in
``qsm_zh_CN.ts``) — except the appeal and action statuses and the org types, the program's words
whose English :mod:`qsm_desktop.domain.names` keeps for the window, the command line and the
PDFs alike. Classification values that are data the office edits (投诉原因, 服务模块 names)
are shown as stored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QComboBox, QTableView

from qsm_desktop.domain import names
from qsm_desktop.domain.monitoring.appeals import STATUS_NAMES, AppealStatus
from qsm_desktop.services.context import WRITE_ROLES
from qsm_desktop.ui.models.table import RowTableModel
from qsm_desktop.ui.widgets.empty_state import set_disabled_reason  # noqa: F401 - the monitoring pages import them from here
from qsm_desktop.ui.widgets.tables import sortable_table  # noqa: F401

CONTEXT = "MonitoringTerms"

_TERMS = {
    # action types, sources and reasons (DESIGN §8.4, §8.5)
    "corrective": QT_TRANSLATE_NOOP("MonitoringTerms", "corrective"),
    "preventive": QT_TRANSLATE_NOOP("MonitoringTerms", "preventive"),
    "mystery_visit": QT_TRANSLATE_NOOP("MonitoringTerms", "mystery visit"),
    "complaint": QT_TRANSLATE_NOOP("MonitoringTerms", "complaint"),
    "critical": QT_TRANSLATE_NOOP("MonitoringTerms", "critical item lost points"),
    "repeat": QT_TRANSLATE_NOOP("MonitoringTerms", "lost two quarters running"),
    "systemic": QT_TRANSLATE_NOOP("MonitoringTerms", "lost at 3+ outlets of the branch"),
    "complaint_repeat": QT_TRANSLATE_NOOP("MonitoringTerms", "repeat complaints"),
    # complaint categories (投诉类别, §9.1)
    "客户投诉": QT_TRANSLATE_NOOP("MonitoringTerms", "customer complaint"),
    "内部投诉": QT_TRANSLATE_NOOP("MonitoringTerms", "internal complaint"),
    # the plan's dimensions of window service (§8.1)
    "仪容仪表": QT_TRANSLATE_NOOP("MonitoringTerms", "appearance"),
    "服务行为": QT_TRANSLATE_NOOP("MonitoringTerms", "conduct"),
    "服务纪律": QT_TRANSLATE_NOOP("MonitoringTerms", "discipline"),
    "服务能力": QT_TRANSLATE_NOOP("MonitoringTerms", "competence"),
    "服务硬件": QT_TRANSLATE_NOOP("MonitoringTerms", "facilities"),
}

_APPEAL_STATUSES = {status.value: status for status in AppealStatus}
"""Appeal statuses are stored as codes (``open``); their names are the domain's (待裁决 / undecided)."""

ACTION_STATUSES = ("待整改", "待验证", "已关闭")
"""整改状态 in the order the status filter lists them (DESIGN §8.5)."""
ACTION_SOURCES = ("mystery_visit", "complaint")
"""Sources of the register (§8.5) in the order the source filter lists them."""


def term(value: str | None) -> str:
    """A stored status, type, source, reason, category, dimension or org type in the window's
    language; anything else as it is (``""`` for ``None``). Appeal and action statuses and org
    types are the program's words kept in the domain (:mod:`qsm_desktop.domain.names`, shared with
    the command line and the PDFs); these pages write an org type in lower case (``branch``)."""
    if value is None:
        return ""
    text = str(value)
    source = _TERMS.get(text)
    if source:
        return QCoreApplication.translate(CONTEXT, source)
    if text in _APPEAL_STATUSES:
        return names.term(STATUS_NAMES[_APPEAL_STATUSES[text]])
    if text in names.ORG_TYPES_EN:
        return names.term(text).lower()
    return names.term(text)


def score_text(value: float | None) -> str:
    """A score or percentage with two decimals (94.04), or ``—`` without one."""
    return "—" if value is None else f"{value:.2f}"


def number_text(value: float | None) -> str:
    """Points or a score without trailing zeros (15, 13.5), ``—`` for ``None`` (不适用)."""
    if value is None:
        return "—"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def selected_object(view: QTableView) -> Any:
    """The row object (frozen dataclass) of ``view``'s current row, or ``None``."""
    index = view.currentIndex()
    if not index.isValid() or not view.selectionModel().isRowSelected(index.row(), index.parent()):
        return None
    proxy = view.model()
    source = proxy.mapToSource(index) if isinstance(proxy, QSortFilterProxyModel) else index
    model = source.model()
    return model.row_object(source.row()) if isinstance(model, RowTableModel) else None


def table_on_screen(view: QTableView) -> tuple[list[str], list[list[Any]]]:
    """The headers and rows of ``view`` as shown: its visible columns, its rows in the order on
    screen; numbers and dates as values (so the workbook can add them up), other cells as shown."""
    proxy = view.model()
    columns = [c for c in range(proxy.columnCount()) if not view.isColumnHidden(c)]
    headers = [str(proxy.headerData(c, Qt.Orientation.Horizontal)) for c in columns]
    source_model = proxy.sourceModel() if isinstance(proxy, QSortFilterProxyModel) else proxy
    specs = source_model.columns() if isinstance(source_model, RowTableModel) else []
    rows = []
    for r in range(proxy.rowCount()):
        out = []
        for c in columns:
            index = proxy.index(r, c)
            raw = None
            if specs:
                source = proxy.mapToSource(index) if isinstance(proxy, QSortFilterProxyModel) else index
                raw = specs[source.column()].value(source_model.row_object(source.row()))
            if isinstance(raw, (int, float)) and not isinstance(raw, bool):
                out.append(raw)
            elif raw is not None and hasattr(raw, "isoformat"):
                out.append(raw)
            else:
                text = index.data(Qt.ItemDataRole.DisplayRole)
                out.append("" if text is None else str(text))
        rows.append(out)
    return headers, rows


def export_view(page: Any, view: QTableView, path: Path, *, title: str, sheet: str, task_title: str,
                on_done: Callable[[int], None] | None = None):
    """Write the table on screen in ``view`` to the workbook ``path`` on a worker
    (``services.exports``); remember the folder for the next export. Returns the task handle."""
    headers, rows = table_on_screen(view)
    exports = page.ctx.services.exports

    def done(count: int) -> None:
        page.ctx.settings.update(export_dir=str(path.parent))
        if on_done is not None:
            on_done(count)

    return page.ctx.tasks.start(
        lambda ctx: exports.write_table(path, sheet=sheet, title=title, headers=headers, rows=rows,
                                        progress=ctx.progress, total=len(rows), cancel=ctx.is_cancelled),
        title=task_title, parent=page, on_done=done)


def head_office_writer(ctx: Any) -> bool:
    """Whether the acting user may act for the whole bank: a writing role, scoped to no unit or
    to the head office (总行) — what finalising, deciding appeals, verifying actions and editing
    checklists need (DESIGN §6, §8.3–§8.5). The services check it again."""
    actor = ctx.actor
    if actor.role not in WRITE_ROLES:
        return False
    if not actor.org_scope:
        return True
    return any(n.code == actor.org_scope and n.type == "总行" for n in ctx.org_nodes())


def can_write(ctx: Any) -> bool:
    """Whether the acting user's role writes at all (not 查看 / 评审专家)."""
    return ctx.actor.role in WRITE_ROLES


def fill_combo(combo: QComboBox, items: Sequence[tuple[str, Any]], keep: Any = None) -> None:
    """Replace ``combo``'s items by ``(text, data)`` pairs without signals; select ``keep`` when
    present, else the first item."""
    combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    index = combo.findData(keep) if keep is not None else -1
    combo.setCurrentIndex(max(0, index))
    combo.blockSignals(False)
