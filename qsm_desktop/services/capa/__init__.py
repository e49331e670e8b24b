"""Corrective and preventive actions (纠正预防措施) — the service of DESIGN.md §8.5.

:class:`CapaService` (``services.capa``): the register filtered by period, unit, source, status
or overdue; the head office's verification; a branch's progress; the as-of figures per branch.
The write paths are in :mod:`.register` (used by the ``capa_feedback`` import handler,
:mod:`.imports`, and by the window); finalising a quarter raises actions through
:func:`.register.raise_actions_in`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qsm_desktop.domain import i18n
from qsm_desktop.domain.capa import ActionFigures, ActionStatus, action_figures
from qsm_desktop.domain.normalise import period_end
from qsm_desktop.services.capa.register import ActionInfo, Progress, action_infos, record_progress_in, verify_action_in
from qsm_desktop.services.context import Actor, require
from qsm_desktop.services.import_handlers import OrgInfo
from qsm_desktop.services.improvement import BRANCH_TYPE, bank_unit, load_orgs, quarter, unit
from qsm_desktop.store.models.capa import CapaAction

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services

__all__ = ["ActionInfo", "ActionStatusReport", "CapaService", "Progress", "UnitActionFigures", "actions_in"]

i18n.register({"capa.read_action": ("查看整改", "view actions")})


@dataclass(frozen=True)
class UnitActionFigures:
    """A unit's as-of figures (§8.5): ``code``, ``name`` and the :class:`ActionFigures`."""

    code: str
    name: str
    figures: ActionFigures

    def to_json(self) -> dict[str, Any]:
        """``{"code", "name", "due", "on_time", "overdue", "open", "on_time_rate"}`` (DESIGN §7)."""
        return {"code": self.code, "name": self.name, **self.figures.to_json()}


@dataclass(frozen=True)
class ActionStatusReport:
    """``qsm capa status``: the figures ``as_of`` a date for the unit asked for, then its branches."""

    as_of: dt.date
    units: tuple[UnitActionFigures, ...]

    def unit(self, code: str) -> UnitActionFigures | None:
        """The figures of ``code`` (``None`` when not listed)."""
        return next((u for u in self.units if u.code == code), None)

    def to_json(self) -> dict[str, Any]:
        """``{"as_of", "units": [...]}`` (DESIGN §7)."""
        return {"as_of": self.as_of.isoformat(), "units": [u.to_json() for u in self.units]}


def _in(orgs: dict[str, OrgInfo], info: ActionInfo, root: OrgInfo | None) -> bool:
    return root is None or f"/{root.code}/" in orgs[info.org].path


def actions_in(session: Session, orgs: dict[str, OrgInfo], *, period: str | None = None, root: OrgInfo | None = None,
               status: str | None = None, source: str | None = None, open_only: bool = False,
               overdue_as_of: dt.date | None = None) -> list[ActionInfo]:
    """The actions (by number) raised for ``period``, owned in ``root``'s subtree, with ``status``
    or ``source``; ``open_only`` leaves out closed ones; ``overdue_as_of`` keeps those overdue on
    that date (§8.5)."""
    stmt = select(CapaAction).order_by(CapaAction.number)
    if period:
        stmt = stmt.where(CapaAction.period == period)
    if status:
        stmt = stmt.where(CapaAction.status == status)
    if source:
        stmt = stmt.where(CapaAction.source == source)
    if open_only:
        stmt = stmt.where(CapaAction.status != ActionStatus.CLOSED.value)
    infos = [a for a in action_infos(list(session.scalars(stmt)), orgs) if _in(orgs, a, root)]
    if overdue_as_of is not None:
        infos = [a for a in infos if a.state.is_due(overdue_as_of) and not a.state.on_time(overdue_as_of)]
    return infos


class CapaService:
    """The actions register for the window and the CLI (``services.capa``)."""

    def __init__(self, services: Services):
        self._services = services

    def _root(self, actor: Actor, orgs: dict[str, OrgInfo], code: str | None) -> OrgInfo | None:
        root = unit(orgs, code or actor.org_scope)
        if root is not None:
            require(actor, i18n.msg("capa.read_action"), write=False, org_path=root.path, org_code=root.code)
        return root

    def list(self, actor: Actor, *, period: str | None = None, unit_code: str | None = None, status: str | None = None,
             source: str | None = None, overdue_as_of: dt.date | None = None) -> list[ActionInfo]:
        """The actions (filters as :func:`actions_in`; ``unit_code`` a subtree, default the actor's scope)."""
        with self._services.read() as session:
            orgs = load_orgs(session)
            return actions_in(session, orgs, period=quarter(period) if period else None,
                              root=self._root(actor, orgs, unit_code), status=status, source=source,
                              overdue_as_of=overdue_as_of)

    def open_actions(self, actor: Actor, unit_code: str) -> list[ActionInfo]:
        """Every action of ``unit_code``'s subtree that is not closed, whatever quarter raised it."""
        with self._services.read() as session:
            orgs = load_orgs(session)
            return actions_in(session, orgs, root=self._root(actor, orgs, unit_code), open_only=True)

    def verify(self, actor: Actor, number: str, effective: bool, *, on: dt.date | None = None,
               expected_version: int | None = None) -> ActionInfo:
        """See :func:`~.register.verify_action_in`."""
        with self._services.unit_of_work() as session:
            return verify_action_in(session, actor, number, effective, on=on, expected_version=expected_version)

    def record_progress(self, actor: Actor, number: str, progress: Progress, *,
                        expected_version: int | None = None) -> bool:
        """See :func:`~.register.record_progress_in`."""
        with self._services.unit_of_work() as session:
            return record_progress_in(session, actor, number, progress, expected_version=expected_version)

    def status(self, actor: Actor, as_of: dt.date, unit_code: str | None = None) -> ActionStatusReport:
        """The §8.5 figures as of ``as_of``: the unit asked for (default the actor's scope, else the
        bank as ``000000``), then each branch below it."""
        with self._services.read() as session:
            orgs = load_orgs(session)
            root = self._root(actor, orgs, unit_code) or bank_unit(orgs)
            infos = actions_in(session, orgs, root=root)
        if root is None:
            return ActionStatusReport(as_of, ())
        units = [root] + sorted((o for o in orgs.values() if o.type == BRANCH_TYPE and o.code != root.code
                                 and f"/{root.code}/" in o.path), key=lambda o: o.code)
        rows = [UnitActionFigures(u.code, u.name, action_figures(
            (a.state for a in infos if f"/{u.code}/" in orgs[a.org].path), as_of)) for u in units]
        return ActionStatusReport(as_of, tuple(rows))

    def quarter_end(self, period: str) -> dt.date:
        """The last day of quarter ``period`` (the default as-of date of a quarter's figures)."""
        return period_end(quarter(period))
