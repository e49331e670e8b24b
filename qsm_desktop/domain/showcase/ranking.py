"""The ranking of a cycle's applications (排名) with competition ranks, and where the quota line
falls in it (名额线与并列).

Source: DESIGN.md §5.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, TypeVar

from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.domain.showcase.numbers import as_decimal

K = TypeVar("K", bound=Hashable)

register(
    {
        "showcase.quota.negative": (
            "名额 {quota} 无效：名额须为 0 或正整数。",
            "Quota {quota} is invalid: it must be 0 or a positive whole number.",
        ),
    }
)


@dataclass(frozen=True)
class RankedEntry(Generic[K]):
    """An application in the ranking: its key, published final score, and competition rank
    (``None`` without a score)."""

    key: K
    score: Decimal | None
    rank: int | None


def rank_competition(scores: Iterable[tuple[K, Decimal | None]]) -> list[RankedEntry[K]]:
    """Rank by score, highest first, with competition ranks (1, 2, 2, 4 — 并列名次).

    ``scores``: ``(key, published final score)`` pairs; rank on the published (0.01) score so the
    ties the committee sees are the ties the ranking has. Equal scores share a rank and keep the
    order given; entries without a score come last with rank ``None``. Source: DESIGN §5.
    """
    items = list(scores)
    scored = sorted((p for p in items if p[1] is not None), key=lambda p: -as_decimal(p[1]))  # type: ignore[arg-type]
    ranked: list[RankedEntry[K]] = []
    previous: Decimal | None = None
    rank = 0
    for position, (key, score) in enumerate(scored, start=1):
        value = as_decimal(score)  # type: ignore[arg-type]
        if previous is None or value != previous:
            rank = position
            previous = value
        ranked.append(RankedEntry(key=key, score=value, rank=rank))
    ranked += [RankedEntry(key=key, score=None, rank=None) for key, score in items if score is None]
    return ranked


@dataclass(frozen=True)
class QuotaLine(Generic[K]):
    """The ranking cut at the quota (名额线).

    ``within``: inside the quota with their whole tie group; ``tied``: the tie group that straddles
    the line (more entries than ``seats`` left for them); ``outside``: ranked below the line;
    ``unscored``: no final score. ``clear`` is true when nothing is tied at the line.
    """

    quota: int
    within: tuple[RankedEntry[K], ...]
    tied: tuple[RankedEntry[K], ...]
    seats: int
    outside: tuple[RankedEntry[K], ...]
    unscored: tuple[RankedEntry[K], ...]

    @property
    def clear(self) -> bool:
        """No tie at the line: the top ``quota`` (or fewer) are decided by the scores alone."""
        return not self.tied


def quota_line(ranking: Sequence[RankedEntry[K]], quota: int) -> QuotaLine[K]:
    """Where the quota line falls in a competition ranking (名额线与并列, DESIGN §5).

    ``ranking`` from :func:`rank_competition`; ``quota`` ≥ 0 (``InputRefused`` otherwise). A tie
    group is *at the line* when it starts inside the quota and ends outside it (ranks 1, 2, 3, 3
    with quota 3); such a group is reported in ``tied``, never broken.
    """
    if quota < 0:
        raise InputRefused(msg("showcase.quota.negative", quota=quota))
    scored = [e for e in ranking if e.rank is not None]
    group_size = Counter(e.rank for e in scored)
    within = tuple(e for e in scored if e.rank + group_size[e.rank] - 1 <= quota)  # type: ignore[operator]
    tied = tuple(e for e in scored if e.rank <= quota < e.rank + group_size[e.rank] - 1)  # type: ignore[operator]
    outside = tuple(e for e in scored if e.rank > quota)  # type: ignore[operator]
    unscored = tuple(e for e in ranking if e.rank is None)
    return QuotaLine(quota=quota, within=within, tied=tied, seats=quota - len(within) if tied else 0,
                     outside=outside, unscored=unscored)
