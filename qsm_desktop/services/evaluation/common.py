"""What the parts of the evaluation service share (综合评价公用): the data-source codes, the quarter
helpers, the head-office check and the "published periods are frozen" rule — DESIGN §4.

Evaluation is quarterly: every period the service takes is canonicalised by :func:`quarter`
(``2007q4``, ``2007年第四季度`` … → ``2007Q4``) and refused with a sentence otherwise.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.domain.normalise import NormaliseError, parse_period
from qsm_desktop.services.context import Actor, require
from qsm_desktop.store.models import OrgUnit
from qsm_desktop.store.models.evaluation import EvaluationPeriod, PeriodStatus

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services

register({
    "eval.bad_period": ("报告期“{value}”无效：综合评价按季度进行，请写成 2007Q4。",
                        "Period '{value}' is not valid: evaluation is quarterly; write it as 2007Q4."),
    "eval.published_frozen": ("{period}的综合评价结果已于 {at} 由 {by} 发布（冻结），不能再修改。",
                              "The results for {period} were published (frozen) on {at} by {by}; they cannot change."),
})

QUARTERLY = "quarterly"
"""Data source: the branch's quarterly return (服务质量季度报表)."""
INTERNAL = "internal_service"
"""Data source: the branches' internal-service ratings (内部服务评价表)."""
MANUAL = "manual"
"""Data source / origin: entered by hand with a reason (手工录入)."""
AWARD_LEVELS = ("全国级", "总行级")
"""Award levels D01 counts (the TOML comment of D01)."""

MAX_PROBLEMS_SHOWN = 12
"""How many missing inputs a refused publication lists before "… and n more"."""


def quarter(period: str) -> str:
    """Canonical quarter (``'2007Q4'``) or :class:`InputRefused` — evaluation is quarterly."""
    try:
        canonical = parse_period(period)
    except NormaliseError:
        raise InputRefused(msg("eval.bad_period", value=period)) from None
    if "Q" not in canonical:
        raise InputRefused(msg("eval.bad_period", value=period))
    return canonical


def previous_quarter(period: str) -> str:
    """``'2007Q4'`` → ``'2007Q3'``, ``'2008Q1'`` → ``'2007Q4'``."""
    year, q = int(period[:4]), int(period[-1])
    return f"{year}Q{q - 1}" if q > 1 else f"{year - 1}Q4"


def quarters_of(year: int) -> list[str]:
    """The four quarters of ``year``: ``['2007Q1', …, '2007Q4']``."""
    return [f"{year}Q{q}" for q in range(1, 5)]


def mean(values: Sequence[float]) -> float:
    """The arithmetic mean of a non-empty sequence (``math.fsum``, so sums of many ratings stay exact)."""
    return math.fsum(values) / len(values)


def join_names(items: Sequence[str], limit: int = 3) -> str:
    """The first ``limit`` items joined with 、, with … when there are more."""
    shown = "、".join(items[:limit])
    return shown + ("…" if len(items) > limit else "")


def require_head_office(services: Services, actor: Actor, action_key: str) -> None:
    """:func:`require` a write of the whole bank (the root unit's scope): computing, publishing and
    storing indicator systems are the head office's (DESIGN §6). ``action_key``: the message key
    naming the action in the refusal. Raises :class:`PermissionDenied`."""
    with services.read() as session:
        path = session.scalar(select(OrgUnit.path).where(OrgUnit.parent_id.is_(None)).order_by(OrgUnit.code).limit(1))
    require(actor, msg(action_key), org_path=path or "/000000/", org_code="000000")


def refuse_if_published(session: Session, period: str) -> None:
    """:class:`InputRefused` when quarter ``period`` is published (发布即冻结, DESIGN §4)."""
    record = session.execute(select(EvaluationPeriod).where(EvaluationPeriod.period == period)).scalar_one_or_none()
    if record is not None and record.status == PeriodStatus.PUBLISHED:
        raise InputRefused(msg("eval.published_frozen", period=period, by=record.published_by or "",
                               at=record.published_at.strftime("%Y-%m-%d %H:%M") if record.published_at else ""))


__all__ = [
    "AWARD_LEVELS", "INTERNAL", "MANUAL", "MAX_PROBLEMS_SHOWN", "QUARTERLY", "join_names", "mean", "previous_quarter",
    "quarter", "quarters_of", "refuse_if_published", "require_head_office",
]
