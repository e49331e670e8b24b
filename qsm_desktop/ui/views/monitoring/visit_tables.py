"""The tables of the mystery-visit page (神秘访客表格): rows per branch and per outlet built from
the service's scores and visits, and the columns of every level (branch, outlet, visit, item,
appeal). Qt models only: no database here — the page hands in what the services returned.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from qsm_desktop.ui.models.table import ALIGN_CENTER, ALIGN_RIGHT, Column, RowTableModel, fmt_date
from qsm_desktop.ui.style import BAD, GOOD, MUTED, WARN
from qsm_desktop.ui.views.monitoring.common import number_text, score_text, term

CTX = "MysteryVisitTables"


@dataclass(frozen=True)
class UnitRow:
    """A branch or outlet line of the scores table: ``code``, ``name``, ``type``, its ``branch``,
    ``outlets`` visited, ``visits``, ``score`` (2 decimals), items ``lost`` over its visits,
    ``capped`` visits (a critical item lost points, §8.2) and ``appeals`` / ``open_appeals``."""

    code: str
    name: str
    type: str
    branch: str
    outlets: int
    visits: int
    score: float | None
    lost: int
    capped: int
    appeals: int
    open_appeals: int


def unit_rows(units: Iterable, visits: list, level: str) -> list[UnitRow]:
    """The rows of ``level`` (``分行`` or ``网点``) from a score report's ``units`` and the
    quarter's ``visits`` (:class:`~qsm_desktop.services.monitoring.VisitInfo`)."""
    key = (lambda v: v.branch) if level == "分行" else (lambda v: v.outlet)
    grouped: dict[str, list] = {}
    for v in visits:
        grouped.setdefault(key(v), []).append(v)
    rows = []
    for u in units:
        if u.type != level:
            continue
        mine = grouped.get(u.code, [])
        branch = mine[0].branch if mine else u.code
        rows.append(UnitRow(u.code, u.name, u.type, branch, u.outlets, u.visits, u.score, sum(v.lost for v in mine),
                            sum(1 for v in mine if v.critical_lost), sum(v.appeals for v in mine),
                            sum(v.open_appeals for v in mine)))
    return rows


@dataclass(frozen=True)
class AppealCount:
    """Appeals on a row: ``open`` (undecided) of ``filed``; shown ``open / filed``, sorted by both."""

    open: int
    filed: int

    def __str__(self) -> str:
        return "—" if not self.filed else f"{self.open} / {self.filed}"


def _appeals_column() -> Column:
    return Column("appeals", QT_TRANSLATE_NOOP("MysteryVisitTables", "Appeals undecided / filed"),
                  lambda r: AppealCount(r.open_appeals, r.appeals), str, ALIGN_CENTER, lambda a: (a.open, a.filed),
                  lambda r: (WARN, None) if r.open_appeals else (None, None))


def _capped_colour(row) -> tuple[str | None, str | None]:
    return (BAD, None) if getattr(row, "capped", 0) or getattr(row, "critical_lost", False) else (None, None)


def unit_model(parent) -> RowTableModel:
    """Branch and outlet rows (:class:`UnitRow`)."""
    return RowTableModel([
        Column("code", QT_TRANSLATE_NOOP("MysteryVisitTables", "Code"), lambda r: r.code),
        Column("name", QT_TRANSLATE_NOOP("MysteryVisitTables", "Name"), lambda r: r.name),
        Column("outlets", QT_TRANSLATE_NOOP("MysteryVisitTables", "Outlets visited"), lambda r: r.outlets, align=ALIGN_RIGHT),
        Column("visits", QT_TRANSLATE_NOOP("MysteryVisitTables", "Visits"), lambda r: r.visits, align=ALIGN_RIGHT),
        Column("score", QT_TRANSLATE_NOOP("MysteryVisitTables", "Score"), lambda r: r.score, score_text, ALIGN_RIGHT,
               sort=lambda v: -1 if v is None else v),
        Column("lost", QT_TRANSLATE_NOOP("MysteryVisitTables", "Items lost"), lambda r: r.lost, align=ALIGN_RIGHT),
        Column("capped", QT_TRANSLATE_NOOP("MysteryVisitTables", "Visits capped at 60"), lambda r: r.capped, align=ALIGN_RIGHT,
               colour=_capped_colour),
        _appeals_column(),
    ], CTX, parent)


def visit_model(parent) -> RowTableModel:
    """Visit rows (:class:`~qsm_desktop.services.monitoring.VisitInfo`)."""
    return RowTableModel([
        Column("visit", QT_TRANSLATE_NOOP("MysteryVisitTables", "Visit"), lambda v: v.visit_no),
        Column("outlet", QT_TRANSLATE_NOOP("MysteryVisitTables", "Outlet"), lambda v: f"{v.outlet} {v.outlet_name}"),
        Column("date", QT_TRANSLATE_NOOP("MysteryVisitTables", "Date"), lambda v: v.visit_date, fmt_date),
        Column("module", QT_TRANSLATE_NOOP("MysteryVisitTables", "Module"), lambda v: v.module_name),
        Column("score", QT_TRANSLATE_NOOP("MysteryVisitTables", "Score"), lambda v: v.score, score_text, ALIGN_RIGHT,
               sort=lambda v: -1 if v is None else v, colour=_capped_colour),
        Column("items", QT_TRANSLATE_NOOP("MysteryVisitTables", "Items applicable"), lambda v: v.items, align=ALIGN_RIGHT),
        Column("lost", QT_TRANSLATE_NOOP("MysteryVisitTables", "Items lost"), lambda v: v.lost, align=ALIGN_RIGHT),
        Column("critical", QT_TRANSLATE_NOOP("MysteryVisitTables", "Critical item lost"), lambda v: v.critical_lost,
               lambda b: "●" if b else "", ALIGN_CENTER, colour=_capped_colour),
        _appeals_column(),
    ], CTX, parent)


def item_model(parent) -> RowTableModel:
    """A visit's items (:class:`~qsm_desktop.services.monitoring.VisitItemInfo`)."""

    def colour(i):
        if i.lost:
            return (BAD if i.critical else WARN, None)
        return (MUTED, None) if i.score is None else (None, None)

    return RowTableModel([
        Column("code", QT_TRANSLATE_NOOP("MysteryVisitTables", "Item"), lambda i: i.code, colour=colour),
        Column("text", QT_TRANSLATE_NOOP("MysteryVisitTables", "Checked"), lambda i: i.shown_text()),
        Column("dimension", QT_TRANSLATE_NOOP("MysteryVisitTables", "Dimension"), lambda i: i.dimension, term),
        Column("points", QT_TRANSLATE_NOOP("MysteryVisitTables", "Points"), lambda i: i.points, number_text, ALIGN_RIGHT),
        Column("delivered", QT_TRANSLATE_NOOP("MysteryVisitTables", "Delivered"), lambda i: i.delivered, number_text, ALIGN_RIGHT,
               sort=lambda v: -1 if v is None else v),
        Column("score", QT_TRANSLATE_NOOP("MysteryVisitTables", "Counts"), lambda i: i.score, number_text, ALIGN_RIGHT,
               sort=lambda v: -1 if v is None else v, colour=colour),
        Column("critical", QT_TRANSLATE_NOOP("MysteryVisitTables", "Critical"), lambda i: i.critical, lambda b: "●" if b else "",
               ALIGN_CENTER),
        Column("appeal", QT_TRANSLATE_NOOP("MysteryVisitTables", "Appeal"), lambda i: i.appeal, term),
        Column("reason", QT_TRANSLATE_NOOP("MysteryVisitTables", "Reason for the deduction"), lambda i: i.reason or ""),
        Column("staff", QT_TRANSLATE_NOOP("MysteryVisitTables", "Staff no."), lambda i: i.staff_no or ""),
        Column("note", QT_TRANSLATE_NOOP("MysteryVisitTables", "Note"), lambda i: i.note or ""),
    ], CTX, parent)


def appeal_model(parent) -> RowTableModel:
    """Appeals (:class:`~qsm_desktop.services.monitoring.AppealInfo`)."""

    def colour(a):
        return {"open": (WARN, None), "upheld": (GOOD, None), "rejected": (MUTED, None)}.get(a.status, (None, None))

    return RowTableModel([
        Column("visit", QT_TRANSLATE_NOOP("MysteryVisitTables", "Visit"), lambda a: a.visit_no),
        Column("item", QT_TRANSLATE_NOOP("MysteryVisitTables", "Item"), lambda a: a.item_code),
        Column("outlet", QT_TRANSLATE_NOOP("MysteryVisitTables", "Outlet"), lambda a: a.outlet),
        Column("branch", QT_TRANSLATE_NOOP("MysteryVisitTables", "Branch"), lambda a: a.branch),
        Column("original", QT_TRANSLATE_NOOP("MysteryVisitTables", "Delivered"), lambda a: a.original, number_text, ALIGN_RIGHT),
        Column("points", QT_TRANSLATE_NOOP("MysteryVisitTables", "Points"), lambda a: a.points, number_text, ALIGN_RIGHT),
        Column("status", QT_TRANSLATE_NOOP("MysteryVisitTables", "Status"), lambda a: a.status, term, colour=colour),
        Column("score", QT_TRANSLATE_NOOP("MysteryVisitTables", "Score given"), lambda a: a.score, number_text, ALIGN_RIGHT),
        Column("reason", QT_TRANSLATE_NOOP("MysteryVisitTables", "The branch's reason"), lambda a: a.reason),
        Column("contact", QT_TRANSLATE_NOOP("MysteryVisitTables", "Contact"), lambda a: a.contact or ""),
        Column("decision_reason", QT_TRANSLATE_NOOP("MysteryVisitTables", "Reason of the decision"), lambda a: a.decision_reason or ""),
        Column("decided_by", QT_TRANSLATE_NOOP("MysteryVisitTables", "Decided by"), lambda a: a.decided_by or ""),
        Column("decided_at", QT_TRANSLATE_NOOP("MysteryVisitTables", "Decided at"), lambda a: a.decided_at,
               lambda d: d.isoformat(sep=" ", timespec="minutes") if d else ""),
    ], CTX, parent)
