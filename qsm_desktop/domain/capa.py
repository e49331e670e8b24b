"""Corrective and preventive actions (纠正预防措施) — DESIGN.md §8.5.

One register for every source (mystery visits, complaints; later surveys, compliance checks and
committee decisions). An action has a number (``ZG2007-0001``, pattern configurable), source, type,
reason, owner unit, the item/visit/complaint it came from, a due date, a status 待整改 → 待验证 →
已关闭 (or back to 待整改 when verification finds it ineffective), the completion date the branch
reports and the head office's verification (who, when, effective).

As of a date, an action is **due** when its due date is on or before that date; **on time** when
it is due, was verified effective on or before that date and its 实际完成日期 is on or before its
due date; **overdue** when due and not on time; **open** when not closed (on that date). On-time
rate = on time ÷ due × 100 (2 decimals).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from qsm_desktop.domain import i18n
from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.domain.rounding import percent

__all__ = [
    "DEFAULT_NUMBER_PATTERN",
    "ActionFigures",
    "ActionState",
    "ActionStatus",
    "action_figures",
    "format_number",
    "in_quarter_report",
    "status_after_progress",
    "status_after_verification",
]

DEFAULT_NUMBER_PATTERN = "ZG{year}-{seq:04d}"
"""整改编号 pattern: ``{year}`` the quarter's year, ``{seq}`` the year's running number."""

i18n.register(
    {
        "capa.not_to_verify": (
            "整改{number}当前状态为{status}，只有“待验证”的整改才能验证",
            "action {number} is {status}; only actions awaiting verification can be verified",
        ),
        "capa.not_reported": (
            "整改{number}当前状态为{status}，只有“待验证”的整改才能验证：分行在整改反馈表（capa_feedback）中"
            "填写实际完成日期并导入后，整改才转为待验证（反馈表用 qsm template capa_feedback --org {branch} "
            "--period 季度 生成，或在“整改措施”页点“整改反馈模板…”）",
            "action {number} is {status}; only actions awaiting verification can be verified. An action awaits "
            "verification once its branch has filled in the completion date on the corrective action feedback "
            "return (capa_feedback) and the return is imported (write the return with qsm template capa_feedback "
            "--org {branch} --period QUARTER, or Feedback template… on the Actions page)",
        ),
        "capa.closed": (
            "整改{number}已关闭，不能再反馈",
            "action {number} is closed; it takes no more feedback",
        ),
        "capa.verify_before_completion": (
            "验证日期{date}早于实际完成日期{completed}",
            "the verification date {date} is before the completion date {completed}",
        ),
        "capa.bad_pattern": (
            "整改编号格式“{pattern}”无效：须含{{year}}和{{seq}}，如 ZG{{year}}-{{seq:04d}}",
            "the action number pattern '{pattern}' is not valid: it needs {{year}} and {{seq}}, e.g. "
            "ZG{{year}}-{{seq:04d}}",
        ),
    }
)


class ActionStatus(str, enum.Enum):
    """整改状态 (stored in Chinese, as the register and the template show it)."""

    OPEN = "待整改"
    TO_VERIFY = "待验证"
    CLOSED = "已关闭"


def format_number(pattern: str, year: int, seq: int) -> str:
    """The action number for the ``seq``-th action of ``year`` under ``pattern``
    (``format_number("ZG{year}-{seq:04d}", 2007, 1)`` → ``ZG2007-0001``). Raises
    :class:`~qsm_desktop.domain.errors.InputRefused` for a pattern without both fields."""
    if "{year" not in pattern or "{seq" not in pattern:
        raise InputRefused(i18n.msg("capa.bad_pattern", pattern=pattern))
    try:
        return pattern.format(year=year, seq=seq)
    except (KeyError, ValueError, IndexError):
        raise InputRefused(i18n.msg("capa.bad_pattern", pattern=pattern)) from None


def status_after_progress(number: str, status: str, completed: dt.date | None) -> str:
    """The status after a branch's feedback (capa_feedback): a filled 实际完成日期 moves the action
    to 待验证; without one it stays as it is. Raises :class:`InputRefused` for a closed action."""
    if status == ActionStatus.CLOSED.value:
        raise InputRefused(i18n.msg("capa.closed", number=number))
    return ActionStatus.TO_VERIFY.value if completed is not None else status


def status_after_verification(number: str, status: str, effective: bool, on: dt.date,
                              completed: dt.date | None, *, branch: str = "") -> str:
    """The status after the head office's verification: effective → 已关闭, ineffective → back to
    待整改. Raises :class:`InputRefused` unless the action is 待验证 — for one still 待整改 the
    sentence says how it gets there (its ``branch``'s capa_feedback return with a completion date,
    :func:`status_after_progress`; ``branch``: the owner branch's code, named in the ``qsm template``
    command) — or when ``on`` is before the completion date."""
    if status == ActionStatus.OPEN.value:
        raise InputRefused(i18n.msg("capa.not_reported", number=number, status=status, branch=branch or "BRANCH"))
    if status != ActionStatus.TO_VERIFY.value:
        raise InputRefused(i18n.msg("capa.not_to_verify", number=number, status=status))
    if completed is not None and on < completed:
        raise InputRefused(i18n.msg("capa.verify_before_completion", date=on.isoformat(), completed=completed.isoformat()))
    return ActionStatus.CLOSED.value if effective else ActionStatus.OPEN.value


@dataclass(frozen=True)
class ActionState:
    """What the as-of figures need of an action: ``due`` date, ``completed`` (实际完成日期),
    ``verified_on`` and ``effective`` of its latest verification (``None`` when never verified)."""

    due: dt.date
    completed: dt.date | None = None
    verified_on: dt.date | None = None
    effective: bool | None = None

    def closed_by(self, as_of: dt.date) -> bool:
        """Verified effective on or before ``as_of``."""
        return bool(self.effective) and self.verified_on is not None and self.verified_on <= as_of

    def is_due(self, as_of: dt.date) -> bool:
        """Due date on or before ``as_of``."""
        return self.due <= as_of

    def on_time(self, as_of: dt.date) -> bool:
        """Due, verified effective by ``as_of``, completed on or before its due date."""
        return (self.is_due(as_of) and self.closed_by(as_of) and self.completed is not None
                and self.completed <= self.due)


@dataclass(frozen=True)
class ActionFigures:
    """As-of figures (§8.5): ``due``, ``on_time``, ``overdue``, ``open``; ``on_time_rate`` percent
    0–100 with 2 decimals (``None`` when nothing is due)."""

    due: int = 0
    on_time: int = 0
    overdue: int = 0
    open: int = 0
    on_time_rate: float | None = None

    def to_json(self) -> dict[str, Any]:
        """The figures of ``qsm capa status --json`` (DESIGN §7)."""
        return {"due": self.due, "on_time": self.on_time, "overdue": self.overdue, "open": self.open,
                "on_time_rate": self.on_time_rate}


def action_figures(actions: Iterable[ActionState], as_of: dt.date) -> ActionFigures:
    """The §8.5 figures of ``actions`` as of ``as_of``."""
    due = on_time = open_ = 0
    for action in actions:
        if not action.closed_by(as_of):
            open_ += 1
        if action.is_due(as_of):
            due += 1
            if action.on_time(as_of):
                on_time += 1
    rate = percent(on_time, due)
    return ActionFigures(due, on_time, due - on_time, open_, rate)


def in_quarter_report(raised: str, state: ActionState, period: str) -> bool:
    """Whether an action belongs in the quarterly monitoring report of ``period`` (监测季度报告).

    ``raised``: the period that raised the action (``CapaAction.period``, ``"2007Q3"``; a year
    ``"2007"`` counts from its first day); ``state``: its as-of state; ``period``: the reported
    quarter (``"2007Q4"``). The rule (DESIGN §8.4, §8.5): the report covers the actions raised in
    the reported quarter or earlier — an action raised by a later quarter did not exist yet — and
    of those the ones still relevant to the quarter, i.e. not closed (verified effective) before
    the quarter's first day: the actions open at any time in the quarter, whatever quarter raised
    them (as the capa_feedback template lists them, §8.5), including those closed during it or
    since. Raises :class:`ValueError` for a period that is not one."""
    from qsm_desktop.domain.normalise import period_end, period_start

    start = period_start(period)
    if period_start(raised) > period_end(period):
        return False
    return not state.closed_by(start - dt.timedelta(days=1))
