"""Turn the import service's returns board into the board widget's :class:`BoardData` (报表看板数据).

Kept apart from the widget so the board on the dashboard and on the returns page read the same
data the same way. Until the import service provides a board, every cell reads "missing".
"""

from __future__ import annotations

from typing import Any

from qsm_desktop.ui.widgets.board import BoardCell, BoardData

BOARD_KINDS = ("certification", "training", "quarterly", "internal_service")
"""Return kinds expected from every branch each period (DESIGN §3.2–3.4, 3.6)."""


def board_units(services: Any, actor: Any, unit_code: str) -> list[tuple[str, str]]:
    """The units that report for ``unit_code``: its branches (or the unit itself below branch level)."""
    nodes = services.orgs.tree(actor)
    marker = f"/{unit_code}/"
    branches = [(n.code, n.name) for n in nodes if n.type == "分行" and marker in n.path]
    if branches:
        return branches
    return [(n.code, n.name) for n in nodes if n.code == unit_code]


def load_board(services: Any, actor: Any, scope: Any) -> BoardData:
    """The board of ``scope.period`` for the branches under ``scope.unit_code``."""
    units = board_units(services, actor, scope.unit_code)
    cells: dict[tuple[str, str], BoardCell] = {}
    return BoardData(period=scope.period, units=units, kinds=BOARD_KINDS, cells=cells)
