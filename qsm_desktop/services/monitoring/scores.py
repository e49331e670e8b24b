"""Mystery-visit scores of a quarter (神秘访客得分) — DESIGN.md §8.2, §8.3.

Provisional scores are computed from the visits as delivered with the upheld appeals' scores; a
finalised quarter's scores are the frozen ones written when it was finalised. Every figure says
which it is (``final``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qsm_desktop.domain.monitoring.appeals import AppealStatus
from qsm_desktop.domain.monitoring.scoring import (
    ItemResult,
    QuarterScores,
    UnitScore,
    VisitScore,
    quarter_scores,
    visit_score,
)
from qsm_desktop.services.import_handlers import OrgInfo
from qsm_desktop.services.improvement import bank_unit, branch_of, finalised
from qsm_desktop.store.models.monitoring import MysteryAppeal, MysteryScore, MysteryVisit, MysteryVisitItem

__all__ = ["QuarterVisits", "ScoreReport", "UnitScoreInfo", "VisitData", "frozen_scores", "quarter_visits",
           "scores_of"]


@dataclass(frozen=True)
class VisitData:
    """A stored visit with its items as they count now: ``items`` carry the delivered score, or an
    upheld appeal's score (``ItemResult.score``; ``None`` = 不适用)."""

    id: int
    visit_no: str
    outlet: str
    branch: str
    items: tuple[ItemResult, ...]

    @property
    def score(self) -> float | None:
        """The visit's score (§8.2)."""
        return visit_score(self.items)


@dataclass(frozen=True)
class QuarterVisits:
    """The visits of a quarter (:class:`VisitData` by 暗访编号)."""

    period: str
    visits: dict[str, VisitData]

    def scores(self, bank_code: str) -> QuarterScores:
        """Visit, outlet, branch and bank scores (§8.2)."""
        return quarter_scores((VisitScore(v.visit_no, v.outlet, v.branch, v.score) for v in self.visits.values()),
                              bank_code)


def quarter_visits(session: Session, period: str, orgs: dict[str, OrgInfo]) -> QuarterVisits:
    """Every visit of ``period`` with its items, upheld appeals applied (two queries)."""
    by_id = {o.id: o for o in orgs.values()}
    upheld = {(visit_no, item): score for visit_no, item, score in session.execute(
        select(MysteryAppeal.visit_no, MysteryAppeal.item_code, MysteryAppeal.decided_score)
        .where(MysteryAppeal.period == period, MysteryAppeal.status == AppealStatus.UPHELD.value))}
    visits = session.execute(select(MysteryVisit.id, MysteryVisit.visit_no, MysteryVisit.outlet_id)
                             .where(MysteryVisit.period == period)).all()
    items_of: dict[int, list[ItemResult]] = {}
    rows = session.execute(
        select(MysteryVisitItem.visit_id, MysteryVisitItem.item_code, MysteryVisitItem.points, MysteryVisitItem.score,
               MysteryVisitItem.critical)
        .join(MysteryVisit, MysteryVisit.id == MysteryVisitItem.visit_id)
        .where(MysteryVisit.period == period).order_by(MysteryVisitItem.id))
    numbers = {v.id: v.visit_no for v in visits}
    for visit_id, code, points, score, critical in rows:
        score = upheld.get((numbers[visit_id], code), score)
        items_of.setdefault(visit_id, []).append(ItemResult(code, points, score, critical))
    found: dict[str, VisitData] = {}
    for v in visits:
        outlet = by_id[v.outlet_id]
        branch = branch_of(orgs, outlet.code)
        found[v.visit_no] = VisitData(v.id, v.visit_no, outlet.code, branch.code if branch else outlet.code,
                                      tuple(items_of.get(v.id, ())))
    return QuarterVisits(period, found)


@dataclass(frozen=True)
class UnitScoreInfo:
    """A unit's score as shown: ``code``, ``name``, ``type`` (总行 / 分行 / 网点), ``visits``,
    ``outlets`` visited and ``score`` (2 decimals)."""

    code: str
    name: str
    type: str
    visits: int
    outlets: int
    score: float | None

    def to_json(self) -> dict[str, Any]:
        """The unit of ``qsm monitoring scores --json`` (DESIGN §7)."""
        return {"code": self.code, "name": self.name, "type": self.type, "visits": self.visits, "score": self.score}


@dataclass(frozen=True)
class ScoreReport:
    """The scores of a quarter: ``period``, ``final`` (``False`` = provisional until the quarter is
    finalised, §8.3), ``units`` (the bank as ``000000``, then the branches, then the outlets)."""

    period: str
    final: bool
    units: tuple[UnitScoreInfo, ...]

    def unit(self, code: str) -> UnitScoreInfo | None:
        """The score of unit ``code`` (``None`` when it has none)."""
        return next((u for u in self.units if u.code == code), None)

    def to_json(self) -> dict[str, Any]:
        """``{"period", "final", "units": [{"code", "name", "type", "visits", "score"}]}`` (DESIGN §7)."""
        return {"period": self.period, "final": self.final, "units": [u.to_json() for u in self.units]}


def _infos(scores: list[tuple[UnitScore, str]], orgs: dict[str, OrgInfo]) -> list[UnitScoreInfo]:
    result = []
    for score, level in scores:
        info = orgs.get(score.code)
        result.append(UnitScoreInfo(score.code, info.name if info else score.code, info.type if info else level,
                                    score.visits, score.outlets, score.score))
    return result


def frozen_scores(session: Session, period: str, orgs: dict[str, OrgInfo]) -> list[UnitScoreInfo]:
    """The scores written when ``period`` was finalised (bank, branches, outlets)."""
    by_id = {o.id: o for o in orgs.values()}
    order = {"bank": 0, "branch": 1, "outlet": 2}
    rows = session.scalars(select(MysteryScore).where(MysteryScore.period == period)).all()
    rows = sorted(rows, key=lambda r: (order.get(r.level, 3), by_id[r.org_unit_id].code))
    return [UnitScoreInfo(by_id[r.org_unit_id].code, by_id[r.org_unit_id].name, by_id[r.org_unit_id].type, r.visits,
                          r.outlets, r.score) for r in rows]


def scores_of(session: Session, period: str, orgs: dict[str, OrgInfo], unit: OrgInfo | None = None) -> ScoreReport:
    """The quarter's scores: frozen when finalised, else provisional (decisions so far applied);
    only ``unit`` and the units of its subtree when given."""
    final = finalised(session, period) is not None
    if final:
        units = frozen_scores(session, period, orgs)
    else:
        bank = bank_unit(orgs)
        scores = quarter_visits(session, period, orgs).scores(bank.code if bank else "000000")
        levels: list[tuple[UnitScore, str]] = [(scores.bank, "总行")] if scores.bank is not None else []
        levels += [(s, "分行") for s in scores.branches.values()] + [(s, "网点") for s in scores.outlets.values()]
        units = _infos(levels, orgs)
    if unit is not None:
        units = [u for u in units if u.code in orgs and f"/{unit.code}/" in orgs[u.code].path]
    return ScoreReport(period, final, tuple(units))
