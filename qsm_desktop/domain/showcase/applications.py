"""The application status machine (申报状态流转) and the nomination cascade (推荐上报).

An application (申报) moves 草稿 → 已提交 → 分行推荐 → 总行评审中 → 已授予 / 未通过, or is withdrawn;
a winner is nominated to the next level. Source: issue 4 §2, DESIGN.md §1 and §3.7.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.domain.showcase.levels import AwardLevel

register(
    {
        "showcase.status.invalid": (
            "申报当前状态为“{status}”，不能执行“{action}”。此状态下可执行：{allowed}。",
            "The application is '{status}'; '{action}' is not possible. Possible now: {allowed}.",
        ),
        "showcase.status.none": ("无（已结束）", "nothing (closed)"),
        "showcase.nominate.not_awarded": (
            "只有已授予且未摘牌的{level}示范窗口才能向上推荐（当前状态“{status}”）。",
            "Only an awarded, not revoked {level} showcase unit can be nominated upward (status now '{status}').",
        ),
        "showcase.nominate.top": (
            "全国级是最高级别，不能再向上推荐。",
            "全国级 (national) is the highest level; there is nothing above it to nominate to.",
        ),
    }
)


class ApplicationStatus(StrEnum):
    """Status of a showcase application (申报状态), issue 4 §2."""

    DRAFT = "草稿"
    SUBMITTED = "已提交"
    RECOMMENDED = "分行推荐"
    UNDER_REVIEW = "总行评审中"
    AWARDED = "已授予"
    NOT_AWARDED = "未通过"
    WITHDRAWN = "已撤回"

    @property
    def is_final(self) -> bool:
        """已授予, 未通过 and 已撤回 end the application: nothing more can happen to it."""
        return self in (ApplicationStatus.AWARDED, ApplicationStatus.NOT_AWARDED, ApplicationStatus.WITHDRAWN)


class ApplicationAction(StrEnum):
    """What a person does to an application; the Chinese label is :attr:`label`."""

    SUBMIT = "submit"
    RETURN = "return"
    RECOMMEND = "recommend"
    START_REVIEW = "start_review"
    AWARD = "award"
    REJECT = "reject"
    WITHDRAW = "withdraw"

    @property
    def label(self) -> str:
        """The action's name in Chinese (提交, 退回修改, 分行推荐, 进入总行评审, 授予, 不予通过, 撤回)."""
        return {
            "submit": "提交", "return": "退回修改", "recommend": "分行推荐",
            "start_review": "进入总行评审", "award": "授予", "reject": "不予通过", "withdraw": "撤回",
        }[self.value]


_S, _A = ApplicationStatus, ApplicationAction

#: The status machine, ``(status, action) → new status``. The path is
#: 草稿 →提交→ 已提交 →分行推荐→ 分行推荐 →进入评审→ 总行评审中 →授予/不予通过→ 已授予 / 未通过.
#: A submitted application can be sent back to draft (退回修改) or not recommended by its branch
#: (→ 未通过); any open application can be withdrawn (→ 已撤回). 已授予 / 未通过 / 已撤回 are final
#: (a revocation 摘牌 is recorded on the award, the application stays 已授予). The same path serves
#: every level: for a 全国级 nomination "分行推荐" is the head office's recommendation to the
#: association and "总行评审中" means awaiting the association's decision.
TRANSITIONS: Mapping[tuple[ApplicationStatus, ApplicationAction], ApplicationStatus] = {
    (_S.DRAFT, _A.SUBMIT): _S.SUBMITTED,
    (_S.DRAFT, _A.WITHDRAW): _S.WITHDRAWN,
    (_S.SUBMITTED, _A.RETURN): _S.DRAFT,
    (_S.SUBMITTED, _A.RECOMMEND): _S.RECOMMENDED,
    (_S.SUBMITTED, _A.REJECT): _S.NOT_AWARDED,
    (_S.SUBMITTED, _A.WITHDRAW): _S.WITHDRAWN,
    (_S.RECOMMENDED, _A.START_REVIEW): _S.UNDER_REVIEW,
    (_S.RECOMMENDED, _A.WITHDRAW): _S.WITHDRAWN,
    (_S.UNDER_REVIEW, _A.AWARD): _S.AWARDED,
    (_S.UNDER_REVIEW, _A.REJECT): _S.NOT_AWARDED,
    (_S.UNDER_REVIEW, _A.WITHDRAW): _S.WITHDRAWN,
}


class InvalidTransition(InputRefused):
    """The action is not possible in the application's current status."""


def allowed_actions(status: ApplicationStatus) -> tuple[ApplicationAction, ...]:
    """The actions possible from ``status``, in the order of :class:`ApplicationAction`."""
    return tuple(a for a in ApplicationAction if (status, a) in TRANSITIONS)


def transition(status: ApplicationStatus | str, action: ApplicationAction | str) -> ApplicationStatus:
    """The application's status after ``action`` (申报状态流转), per :data:`TRANSITIONS`.

    Raises :class:`InvalidTransition` (message lists what is possible) when the action does not
    apply. Source: issue 4 §2.
    """
    status = ApplicationStatus(status)
    action = ApplicationAction(action)
    try:
        return TRANSITIONS[(status, action)]
    except KeyError:
        allowed = "、".join(a.label for a in allowed_actions(status)) or msg("showcase.status.none")
        raise InvalidTransition(
            msg("showcase.status.invalid", status=status.value, action=action.label, allowed=allowed)
        ) from None


def scores_editable(status: ApplicationStatus | str) -> bool:
    """Whether reviewers may enter or import score sheets: only while 总行评审中 (§3.7)."""
    return ApplicationStatus(status) is ApplicationStatus.UNDER_REVIEW


@dataclass(frozen=True)
class Nomination:
    """Where a winner goes next in the nomination cascade (推荐上报)."""

    from_level: AwardLevel
    to_level: AwardLevel
    #: Status of the new application at ``to_level``: already recommended (分行推荐), so it waits
    #: for the next level's review without being submitted again.
    initial_status: ApplicationStatus = ApplicationStatus.RECOMMENDED


def nominate(level: AwardLevel | str, status: ApplicationStatus | str, *, revoked: bool = False) -> Nomination:
    """The nomination of a winner to the next level (示范窗口逐级推荐).

    A 分行级 winner can be recommended to 总行级; a 总行级 winner to the industry association's
    全国级. The application must be 已授予 and its award not revoked (摘牌). Raises
    :class:`InputRefused` otherwise, and for 全国级 (nothing above). Source: issue 4 §2, DESIGN §1.
    """
    level = AwardLevel(level)
    status = ApplicationStatus(status)
    target = level.next_level
    if target is None:
        raise InputRefused(msg("showcase.nominate.top"))
    if status is not ApplicationStatus.AWARDED or revoked:
        shown = status.value + ("（已摘牌）" if revoked else "")
        raise InputRefused(msg("showcase.nominate.not_awarded", level=level.value, status=shown))
    return Nomination(from_level=level, to_level=target)
