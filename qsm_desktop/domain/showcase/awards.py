"""The award decision (授予决定): the top of the ranking within the quota, a tie at the quota line
left to the committee, and the decision's date when none is given.

Source: DESIGN.md §5, §7 (``qsm showcase award``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Sequence

from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.domain.showcase.ranking import K, RankedEntry, quota_line

register(
    {
        "showcase.quota.tie": (
            "名额线处并列：第 {rank} 名有 {count} 个单位并列（{names}），只剩 {seats} 个名额。"
            "请评审委员会决定后，指明授予哪几个单位再授予。",
            "Tie at the quota line: {count} applications share rank {rank} ({names}) for {seats} remaining "
            "place(s). The committee must decide; then name the ones to award.",
        ),
        "showcase.quota.bad_choice": (
            "委员会的选择无效：须从并列的单位（{names}）中恰好选出 {seats} 个。",
            "The committee's choice is invalid: pick exactly {seats} of the tied applications ({names}).",
        ),
        "showcase.quota.no_tie": (
            "名额线处没有并列，无需委员会另行选择：请去掉所选单位后再授予。",
            "There is no tie at the quota line, so no committee choice is needed; award without naming any.",
        ),
    }
)


class QuotaTieRefused(InputRefused):
    """An award decision refused because the quota line falls inside a tie (DESIGN §5)."""


def award_decision(
    ranking: Sequence[RankedEntry[K]],
    quota: int,
    *,
    committee_choice: Collection[K] | None = None,
    label: Callable[[K], str] = str,
) -> tuple[K, ...]:
    """The applications to award: the top ``quota`` of the ranking (授予决定, DESIGN §5).

    When the quota line falls inside a tie, refuses with :class:`QuotaTieRefused` naming the tied
    applications (``label`` turns a key into the name shown) — unless ``committee_choice`` names
    exactly ``seats`` of them, which the caller records as the committee's decision. A choice when
    there is no tie, or a wrong one, is refused (:class:`InputRefused`). Returns keys in rank
    order; unscored applications are never awarded.
    """
    line = quota_line(ranking, quota)
    chosen = set(committee_choice or ())
    if line.clear:
        if chosen:
            raise InputRefused(msg("showcase.quota.no_tie"))
        return tuple(e.key for e in line.within)
    names = "、".join(label(e.key) for e in line.tied)
    if committee_choice is None:
        raise QuotaTieRefused(
            msg("showcase.quota.tie", rank=line.tied[0].rank, count=len(line.tied), names=names, seats=line.seats)
        )
    tied_keys = {e.key for e in line.tied}
    if not chosen <= tied_keys or len(chosen) != line.seats:
        raise InputRefused(msg("showcase.quota.bad_choice", seats=line.seats, names=names))
    return tuple(e.key for e in line.within) + tuple(e.key for e in line.tied if e.key in chosen)


def default_decision_date(year: int, today: dt.date) -> dt.date:
    """The committee's decision date when none is given (评审决定日期的默认值).

    ``year``: the award cycle's year; ``today``: a ``datetime.date``. While the cycle is current —
    its year and the first quarter after it, when the December assessment is decided — it is
    ``today``. An older cycle is being entered after the fact: then 31 December of its year, so
    its certificates read 二〇〇七年十二月 as DESIGN §5 shows, not the day of data entry. The
    desktop proposes the same date and the command line says which one it used.
    """
    if today <= dt.date(year + 1, 3, 31):
        return today
    return dt.date(year, 12, 31)
