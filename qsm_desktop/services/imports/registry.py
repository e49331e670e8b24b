"""Which handler imports which return kind (导入处理登记) — the one list to extend when a return
kind is added (ARCHITECTURE.md, "add a return kind"), and the kinds as the window lists them."""

from __future__ import annotations

from dataclasses import dataclass


from qsm_desktop.services.import_handlers import ImportHandler


# ------------------------------------------------------------------------------------------ handlers

_HANDLERS: dict[str, ImportHandler] | None = None


def handlers() -> dict[str, ImportHandler]:
    """Every return kind's import handler, kind name → handler: the one list to extend when a
    return kind is added (ARCHITECTURE.md, "add a return kind")."""
    global _HANDLERS
    if _HANDLERS is None:
        found: dict[str, ImportHandler] = {}
        for handler in _handler_list():
            found[handler.kind] = handler
        _HANDLERS = found
    return _HANDLERS


def _handler_list() -> list[ImportHandler]:
    """The handlers, imported here (not registered by side effect) so the list is explicit."""
    from qsm_desktop.services.capa.imports import CapaFeedbackHandler
    from qsm_desktop.services.certification.imports import CertificationHandler
    from qsm_desktop.services.complaints.imports import ComplaintsHandler
    from qsm_desktop.services.evaluation.imports import InternalServiceHandler, QuarterlyHandler
    from qsm_desktop.services.monitoring.imports import MysteryAppealHandler, MysteryVisitHandler
    from qsm_desktop.services.orgs.imports import OrgListHandler
    from qsm_desktop.services.showcase.imports import ApplicationHandler, ScoreSheetHandler
    from qsm_desktop.services.training.imports import TrainingHandler

    return [
        OrgListHandler(),
        CertificationHandler(),
        TrainingHandler(),
        QuarterlyHandler(),
        InternalServiceHandler(),
        ApplicationHandler(),
        ScoreSheetHandler(),
        MysteryVisitHandler(),
        MysteryAppealHandler(),
        CapaFeedbackHandler(),
        ComplaintsHandler(),
    ]


def handler_for(kind_name: str) -> ImportHandler:
    """The import handler of the kind called ``kind_name``. Raises ``KeyError`` for an unknown kind."""
    return handlers()[kind_name]


@dataclass(frozen=True)
class KindInfo:
    """A return kind as the window lists it: ``name`` (``certification``), Chinese ``title`` and
    ``title_en``, ``period_type`` (``quarter``/``year``/``any``) and whether every branch owes one
    each period (``owed_by_branches``, the returns board's columns)."""

    name: str
    title: str
    title_en: str
    period_type: str
    owed_by_branches: bool
