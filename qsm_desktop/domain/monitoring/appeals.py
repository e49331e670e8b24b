"""Appeals against mystery-visit deductions (申诉) — DESIGN.md §8.3.

A branch appeals deductions on its own outlets' visits: one appeal per visit × item, only on an
item that lost points, only while the quarter is not finalised. The head office decides: uphold
(the item gets full points, or the score the decision sets) or reject, with a reason; the decider
must not belong to the outlet's branch. Until every appeal of a quarter is decided and the quarter
is finalised, its scores are provisional.
"""

from __future__ import annotations

import enum

from qsm_desktop.domain import i18n
from qsm_desktop.domain.errors import InputRefused, PermissionDenied

__all__ = [
    "AppealStatus",
    "Decision",
    "appeal_problem",
    "check_decider",
    "decided_score",
]

i18n.register(
    {
        "appeal.not_lost": (
            "暗访{visit}的项目{item}没有扣分（得分{score}，分值{points}），不能申诉",
            "visit {visit}, item {item} lost no points ({score} of {points}); only deductions can be appealed",
        ),
        "appeal.not_applicable": (
            "暗访{visit}的项目{item}为不适用，不能申诉",
            "visit {visit}, item {item} is marked not applicable; it cannot be appealed",
        ),
        "appeal.finalised": (
            "{period}已定稿，不能再申诉",
            "{period} is finalised; appeals are closed",
        ),
        "appeal.score_range": (
            "维持申诉给定的得分{score}须高于原得分{original}且不超过分值{points}",
            "an upheld appeal's score {score} must be above the original {original} and at most {points} points",
        ),
        "appeal.reason_needed": (
            "驳回申诉须写明理由（--reason）",
            "a rejected appeal needs a reason (--reason)",
        ),
        "appeal.decider_conflict": (
            "您（{login}）属于被检查网点所在的分行{branch}，不能裁决该分行的申诉（须由总行裁决）",
            "you ({login}) belong to the outlet's branch {branch} and may not decide its appeals "
            "(the head office decides)",
        ),
        "appeal.already_decided": (
            "暗访{visit}项目{item}的申诉已裁决（{decision}），不能再次裁决",
            "the appeal on visit {visit}, item {item} is already decided ({decision})",
        ),
    }
)


class Decision(str, enum.Enum):
    """The head office's decision on an appeal (裁决): ``uphold`` (支持申诉) or ``reject`` (驳回)."""

    UPHOLD = "uphold"
    REJECT = "reject"


class AppealStatus(str, enum.Enum):
    """Where an appeal stands: ``open`` (待裁决) until decided (``upheld`` 已支持 / ``rejected`` 已驳回)."""

    OPEN = "open"
    UPHELD = "upheld"
    REJECTED = "rejected"


STATUS_NAMES = {AppealStatus.OPEN: "待裁决", AppealStatus.UPHELD: "已支持", AppealStatus.REJECTED: "已驳回"}
"""Chinese names of the appeal statuses."""


def _text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def appeal_problem(visit_no: str, item_code: str, points: float, score: float | None,
                   ) -> tuple[str, dict[str, object]] | None:
    """Why an appeal on ``visit_no`` × ``item_code`` (``points`` 分值, ``score`` 得分 as delivered,
    ``None`` = 不适用) cannot be filed, as ``(message key, params)``; ``None`` when it can (the
    item lost points)."""
    if score is None:
        return "appeal.not_applicable", {"visit": visit_no, "item": item_code}
    if not score < points:
        return "appeal.not_lost", {"visit": visit_no, "item": item_code, "score": _text(score), "points": _text(points)}
    return None


def decided_score(decision: Decision, points: float, original: float, given: float | None = None,
                  reason: str | None = None) -> float | None:
    """The item's score after ``decision`` (DESIGN §8.3): upheld → ``given`` or, when ``None``, full
    ``points``; rejected → ``None`` (the delivered score stands). Raises
    :class:`~qsm_desktop.domain.errors.InputRefused` when an upheld score is not above ``original``
    or above ``points``, or a rejection has no ``reason``."""
    if decision is Decision.REJECT:
        if not (reason or "").strip():
            raise InputRefused(i18n.msg("appeal.reason_needed"))
        return None
    score = points if given is None else float(given)
    if not original < score <= points:
        raise InputRefused(i18n.msg("appeal.score_range", score=_text(score), original=_text(original),
                                    points=_text(points)))
    return score


def check_decider(login: str, decider_path: str | None, branch_code: str) -> None:
    """Refuse a decider who belongs to the outlet's branch (DESIGN §8.3).

    ``decider_path``: the materialised path (``/000000/110000/…/``) of the decider's org scope
    (``None`` = the whole bank, i.e. the head office); ``branch_code``: the outlet's branch. Raises
    :class:`~qsm_desktop.domain.errors.PermissionDenied`.
    """
    if decider_path is not None and f"/{branch_code}/" in decider_path:
        raise PermissionDenied(i18n.msg("appeal.decider_conflict", login=login, branch=branch_code))
