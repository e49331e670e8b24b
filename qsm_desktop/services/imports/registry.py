"""Which handler imports which return kind (导入处理登记) — the one list to extend when a return
kind is added (ARCHITECTURE.md, "add a return kind"), and the kinds as the window lists them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from qsm_desktop.excel.kinds import ParsedReturn, ReturnKind, all_kinds
from qsm_desktop.services.import_handlers import Changes, ImportContext, ImportHandler, ImportPlan


# ------------------------------------------------------------------------------------------ handlers

@dataclass
class _LegacyPlan(ImportPlan):
    """Transitional (issue 10): the plan of a kind whose database hooks are not yet a handler."""


class _LegacyHandler(ImportHandler[_LegacyPlan]):
    """Transitional (issue 10): runs a kind's own ``validate``/``preview``/``apply`` hooks until the
    kind is split into a translator and a handler in its feature's service package."""

    def __init__(self, kind: ReturnKind) -> None:
        self._kind = kind
        self.kind = kind.name

    def check(self, session: Session, parsed: ParsedReturn, ctx: ImportContext) -> _LegacyPlan:
        hook = getattr(self._kind, "validate", None)
        if hook is not None:
            hook(session, parsed, ctx)
        return _LegacyPlan(parsed)

    def superseded_batch(self, session: Session, plan: _LegacyPlan, ctx: ImportContext) -> int | None:
        hook = getattr(self._kind, "superseded_batch", None)
        return hook(session, plan.parsed, ctx) if hook is not None else ctx.superseded_batch_id

    def preview(self, session: Session, plan: _LegacyPlan, ctx: ImportContext) -> Changes:
        hook = getattr(self._kind, "preview", None)
        return hook(session, plan.parsed, ctx) if hook is not None else Changes()

    def apply(self, session: Session, batch_id: int, plan: _LegacyPlan, ctx: ImportContext) -> int:
        return self._kind.apply(session, batch_id, plan.parsed, ctx)

    def template_choices(self, session: Session | None) -> dict[str, list[str]]:
        hook = getattr(self._kind, "template_choices", None)
        return hook(session) if hook is not None else {}

    def template_rows(self, session, ctx):
        hook = getattr(self._kind, "template_rows", None)
        return hook(session, ctx) if hook is not None else []


_HANDLERS: dict[str, ImportHandler] | None = None


def handlers() -> dict[str, ImportHandler]:
    """Every return kind's import handler, kind name → handler: the one list to extend when a
    return kind is added (ARCHITECTURE.md, "add a return kind")."""
    global _HANDLERS
    if _HANDLERS is None:
        found: dict[str, ImportHandler] = {}
        for handler in _handler_list():
            found[handler.kind] = handler
        for kind in all_kinds():  # transitional: kinds without a handler yet
            found.setdefault(kind.name, _LegacyHandler(kind))
        _HANDLERS = found
    return _HANDLERS


def _handler_list() -> list[ImportHandler]:
    """The handlers, imported here (not registered by side effect) so the list is explicit."""
    from qsm_desktop.services.evaluation.imports import InternalServiceHandler, QuarterlyHandler
    from qsm_desktop.services.showcase.imports import ApplicationHandler, ScoreSheetHandler

    return [
        QuarterlyHandler(),
        InternalServiceHandler(),
        ApplicationHandler(),
        ScoreSheetHandler(),
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
