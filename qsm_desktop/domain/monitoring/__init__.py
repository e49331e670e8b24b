"""Service-quality monitoring (服务质量监测) — DESIGN.md §8: checklists (:mod:`.checklists`),
mystery-visit scores (:mod:`.scoring`), appeals (:mod:`.appeals`) and the findings a finalised
quarter raises (:mod:`.findings`). Corrective and preventive actions are
:mod:`qsm_desktop.domain.capa`; complaints :mod:`qsm_desktop.domain.complaints`."""

from qsm_desktop.domain.monitoring.appeals import AppealStatus, Decision, appeal_problem, check_decider, decided_score
from qsm_desktop.domain.monitoring.checklists import (
    DIMENSIONS,
    MODULE_POINTS,
    Checklist,
    ChecklistItem,
    ChecklistModule,
    checklist_in_force,
    checklist_problems,
    validate_checklist,
)
from qsm_desktop.domain.monitoring.findings import (
    FINDING_RULES,
    ActionType,
    DueDays,
    Finding,
    FindingInputs,
    LostItem,
    Reason,
    Source,
    due_date,
    raise_findings,
)
from qsm_desktop.domain.monitoring.scoring import (
    CRITICAL_CAP,
    NOT_APPLICABLE,
    ItemResult,
    QuarterScores,
    UnitScore,
    VisitScore,
    mean_rounded,
    quarter_scores,
    round_half_up,
    visit_score,
)

__all__ = [
    "CRITICAL_CAP", "DIMENSIONS", "FINDING_RULES", "MODULE_POINTS", "NOT_APPLICABLE", "ActionType", "AppealStatus",
    "Checklist", "ChecklistItem", "ChecklistModule", "Decision", "DueDays", "Finding", "FindingInputs", "ItemResult",
    "LostItem", "QuarterScores", "Reason", "Source", "UnitScore", "VisitScore", "appeal_problem", "check_decider",
    "checklist_in_force", "checklist_problems", "decided_score", "due_date", "mean_rounded", "quarter_scores",
    "raise_findings", "round_half_up", "validate_checklist", "visit_score",
]
