"""服务质量监测 — the window's pages of the improvement loop (DESIGN §8, §9; issue 13).

One module per page, each over the services only (``services.monitoring``, ``services.capa``,
``services.complaints``, ``services.exports``, ``services.imports``):

- :mod:`.visits` — 神秘访客: scores per branch, outlet and visit, appeals and their decisions,
  finalising a quarter (:class:`MysteryVisitsPage`), its tables in :mod:`.visit_tables`;
- :mod:`.actions` — 整改措施: the register of corrective and preventive actions, verification, the
  as-of figures per branch (:class:`ActionsPage`);
- :mod:`.complaints` — 投诉: the §9.2 figures, the cause × outlet table in Pareto order and the
  overdue list (:class:`ComplaintsPage`);
- :mod:`.checklists` — 检查表: the checklist editions, viewed and edited (:class:`ChecklistsPage`);
- :mod:`.dialogs` (deciding an appeal, verifying an action, a new edition) and :mod:`.common`
  (terms, formats, tables, exports, who may act).

Layouts are Designer forms ``ui/monitoring_*.ui`` and the dialogs' ``ui/*_dialog.ui``.
"""

from __future__ import annotations

from qsm_desktop.ui.views.monitoring.actions import ActionsPage
from qsm_desktop.ui.views.monitoring.checklists import ChecklistsPage
from qsm_desktop.ui.views.monitoring.complaints import ComplaintsPage
from qsm_desktop.ui.views.monitoring.visits import MysteryVisitsPage

__all__ = ["ActionsPage", "ChecklistsPage", "ComplaintsPage", "MysteryVisitsPage"]
