"""The returns board's data (报表收取情况): which branch sent which return for the period.

Read from the import service (``services.imports.batches``): a unit × kind cell is *received*
when a current batch exists for the kind's period (the quarter, or its year for annual returns),
*superseded* when that return replaced an earlier one (shown as "resubmitted"), *missing*
otherwise. *Refused* comes from this session's inbox: a file for a cell with no accepted return
that was refused — refusals are not written to the database (the importer writes nothing for a
refused file), so the board shows the ones the secretary met in this session. A refused file
for a cell that already has a return is mentioned in the cell's tooltip.

The dashboard and the returns page both use :func:`fetch_board` (on a worker) and
:func:`build_board` (UI thread), so they agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from qsm_desktop.ui.widgets.board import BoardCell, BoardData

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services
    from qsm_desktop.services.context import Actor


@dataclass(frozen=True)
class Refusal:
    """A refused file of this session: unit, kind, period, file name, first problem, when."""

    org: str
    kind: str
    period: str
    file_name: str
    message: str
    at: dt.datetime


def kind_period(period_type: str, period: str) -> str:
    """The period a return of ``period_type`` (``quarter``/``year``/``any``, a kind's
    ``KindInfo.period_type``) is reported for within the window's ``period``: '2007Q4' → '2007'
    for annual returns, unchanged otherwise."""
    return period[:4] if period_type == "year" else period


def board_units(nodes: Any, unit_code: str) -> list[tuple[str, str]]:
    """The units that report for ``unit_code``: its branches, or the branch above/at a lower unit.

    ``nodes``: the org tree (``OrgNode`` objects in tree order).
    """
    marker = f"/{unit_code}/"
    branches = [(n.code, n.name) for n in nodes if n.type == "分行" and marker in n.path]
    if branches:
        return branches
    unit = next((n for n in nodes if n.code == unit_code), None)
    if unit is None:
        return []
    parts = [p for p in unit.path.split("/") if p]
    above = [n for n in nodes if n.code in parts and n.type == "分行"]
    return [(n.code, n.name) for n in above] or [(unit.code, unit.name)]


@dataclass(frozen=True)
class BoardInputs:
    """What the board needs from the database (Qt-free, fetched on a worker): the period, the
    reporting units, and per kind the import batches of its period (newest first)."""

    period: str
    units: tuple[tuple[str, str], ...]
    batches: dict[str, tuple[Any, ...]]
    kind_periods: dict[str, str]
    kinds: tuple[str, ...] = ()
    """The kinds every branch owes (``services.imports.kinds()``'s ``owed_by_branches``), in order."""


def fetch_board(services: Services, actor: Actor, nodes: Any, scope: Any) -> BoardInputs:
    """Worker thread: the batches of every kind the branches owe, for ``scope.period`` (no Qt here)."""
    imports = services.imports
    owed = [k for k in imports.kinds() if k.owed_by_branches]
    batches, periods = {}, {}
    for kind in owed:
        period = kind_period(kind.period_type, scope.period)
        periods[kind.name] = period
        batches[kind.name] = tuple(imports.batches(actor, kind=kind.name, period=period, limit=100_000))
    return BoardInputs(scope.period, tuple(board_units(nodes, scope.unit_code)), batches, periods,
                       tuple(k.name for k in owed))


def build_board(inputs: BoardInputs, refusals: Mapping[tuple[str, str, str], Refusal] | None = None) -> BoardData:
    """UI thread: the board's cells from ``inputs`` and this session's ``refusals``
    (``{(org, kind, period): Refusal}``, kept by the returns page)."""
    wanted = {code for code, _ in inputs.units}
    cells: dict[tuple[str, str], BoardCell] = {}
    for kind in inputs.kinds:
        period = inputs.kind_periods[kind]
        current: dict[str, Any] = {}
        superseded: dict[str, int] = {}
        for batch in inputs.batches.get(kind, ()):  # newest first
            if batch.org_code not in wanted:
                continue
            if batch.status == "imported":
                current.setdefault(batch.org_code, batch)
            else:
                superseded[batch.org_code] = superseded.get(batch.org_code, 0) + 1
        for code in wanted:
            batch = current.get(code)
            refusal = (refusals or {}).get((code, kind, period))
            if refusal is not None and batch is None:
                cells[(code, kind)] = BoardCell("refused", refusal.message, refusal.file_name)
            elif batch is not None:
                detail = QCoreApplication.translate("ReturnsBoard", "%Ln row(s), imported {when} by {who}", "",
                                                    batch.row_count).format(when=batch.imported_at.strftime("%Y-%m-%d %H:%M"), who=batch.imported_by)
                if superseded.get(code):
                    detail += "\n" + QCoreApplication.translate(
                        "ReturnsBoard", "replaced %n earlier return(s)", "", superseded[code])
                if refusal is not None and refusal.at > batch.imported_at:
                    detail += "\n" + QCoreApplication.translate(
                        "ReturnsBoard", "a later file was refused: {file}").format(file=refusal.file_name)
                cells[(code, kind)] = BoardCell("superseded" if superseded.get(code) else "received", detail,
                                                batch.file_name)
    return BoardData(period=inputs.period, units=inputs.units, kinds=inputs.kinds, cells=cells)


def load_board(services: Any, actor: Any, nodes: Any, scope: Any,
               refusals: Mapping[tuple[str, str, str], Refusal] | None = None) -> BoardData:
    """:func:`fetch_board` and :func:`build_board` in one go (UI thread, quick refreshes)."""
    return build_board(fetch_board(services, actor, nodes, scope), refusals)
