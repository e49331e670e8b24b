"""Complaints (客户投诉处理工作程序, 内部投诉和信息反馈处理工作程序) — DESIGN.md §9.

Reference data is data, not constants (``reference/complaint_rules.toml``, seeded as
``db/seed/complaint_rules.toml``; the office edits it in the app): channels (受理渠道), business
types (业务类型) and causes (投诉原因) after the industry's classification standard, the deadline
classes (处理时限: 一般 15 days, 复杂 30, 特别复杂 60 with the extension's approval recorded, 内部 10)
and the repeat threshold. A deadline class is a row of data with one protocol (its ``deadline``
and ``approval_recorded``), so a regulator's new class is one more row. A case keeps the class it
was filed under: its days are copied onto the case when it is registered.

Figures as of a date (§9.2) for a set of cases: received; valid; regulator (valid with 受理渠道
监管转送); closed (valid, 办结日期 on or before the date); on time (valid, closed, within its class's
days); overdue (valid and closed late, or open past its deadline); pending (valid, open, deadline
not passed); on-time rate = on time ÷ (valid − pending) × 100, 2 decimals.

Repeat complaints (§9.3): 3 or more valid 客户投诉 with the same cause against the same outlet in one
quarter raise one finding.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from qsm_desktop.domain.rounding import percent

__all__ = [
    "CATEGORIES",
    "CUSTOMER",
    "INTERNAL",
    "REGULATOR_CHANNEL",
    "ComplaintCase",
    "ComplaintFigures",
    "ComplaintRules",
    "DeadlineClass",
    "RepeatGroup",
    "complaint_figures",
    "repeat_complaints",
]

CUSTOMER = "客户投诉"
INTERNAL = "内部投诉"
CATEGORIES = (CUSTOMER, INTERNAL)
"""投诉类别: a customer's complaint, or the front line's about a head-office department (§9.1)."""

REGULATOR_CHANNEL = "监管转送"
"""The channel of complaints passed on by the regulator (counted apart, §9.2)."""

VALID_WORDS = ("是", "否")
"""是否有效 values."""

DEFAULT_APPROVAL_WORDS = ("审批", "批准")
"""Words in 备注 that record an extension's approval (延期审批) when the class needs one."""


@dataclass(frozen=True)
class DeadlineClass:
    """A deadline class (复杂程度 / 处理时限): ``name`` (一般), ``applies_to`` (a :data:`CATEGORIES`
    value), ``days`` (calendar days from 受理日期), ``needs_approval`` (备注 must record the
    extension's approval, one of ``approval_words``)."""

    name: str
    applies_to: str
    days: int
    needs_approval: bool = False
    approval_words: tuple[str, ...] = DEFAULT_APPROVAL_WORDS

    def deadline(self, received: dt.date) -> dt.date:
        """The last day to close a case received on ``received``."""
        return received + dt.timedelta(days=self.days)

    def approval_recorded(self, note: str | None) -> bool:
        """Whether ``note`` (备注) records what the class needs (always true without ``needs_approval``)."""
        return not self.needs_approval or any(word in (note or "") for word in self.approval_words)


@dataclass(frozen=True)
class ComplaintRules:
    """The complaint reference data: ``channels``, ``business_types``, ``causes`` (the
    classification), ``deadline_classes`` and ``repeat_threshold`` (§9.3)."""

    channels: tuple[str, ...]
    business_types: tuple[str, ...]
    causes: tuple[str, ...]
    deadline_classes: tuple[DeadlineClass, ...]
    repeat_threshold: int = 3

    def deadline_class(self, name: str) -> DeadlineClass | None:
        """The class called ``name`` (``None`` when there is none)."""
        return next((c for c in self.deadline_classes if c.name == name), None)

    def classes_for(self, category: str) -> tuple[DeadlineClass, ...]:
        """The classes that apply to ``category`` (客户投诉 / 内部投诉)."""
        return tuple(c for c in self.deadline_classes if c.applies_to == category)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> ComplaintRules:
        """From the reference file's shape (``channels``, ``business_types``, ``causes``,
        ``deadline_classes`` of ``name``/``applies_to``/``days``/``needs_approval``, ``repeat_threshold``)."""
        classes = tuple(
            DeadlineClass(str(c["name"]), str(c["applies_to"]), int(c["days"]), bool(c.get("needs_approval", False)),
                          tuple(c.get("approval_words", DEFAULT_APPROVAL_WORDS)))
            for c in data.get("deadline_classes", ())
        )
        return cls(tuple(data.get("channels", ())), tuple(data.get("business_types", ())), tuple(data.get("causes", ())),
                   classes, int(data.get("repeat_threshold", 3)))


@dataclass(frozen=True)
class ComplaintCase:
    """A registered complaint as the figures need it: ``number`` (投诉编号), ``category``,
    ``received`` (受理日期), ``channel``, ``cause``, ``target`` (被投诉机构代码), ``valid``,
    ``class_name`` and ``days`` (the class it was filed under), ``closed`` (办结日期 or ``None``)."""

    number: str
    category: str
    received: dt.date
    channel: str
    cause: str
    target: str
    valid: bool
    class_name: str
    days: int
    closed: dt.date | None = None

    @property
    def deadline(self) -> dt.date:
        """受理日期 + the class's days."""
        return self.received + dt.timedelta(days=self.days)

    def closed_by(self, as_of: dt.date) -> bool:
        """Closed on or before ``as_of``."""
        return self.closed is not None and self.closed <= as_of

    def days_late(self, as_of: dt.date) -> int | None:
        """Days past the deadline of a valid case that is overdue as of ``as_of`` (§9.2: closed
        late, counted to its 办结日期, or open past its deadline, counted to ``as_of``); ``None``
        when it is not overdue (invalid, not received yet, on time or still within its days)."""
        if not self.valid or self.received > as_of:
            return None
        end = self.closed if self.closed_by(as_of) else as_of
        return (end - self.deadline).days if end > self.deadline else None


@dataclass(frozen=True)
class ComplaintFigures:
    """The §9.2 figures of a set of cases as of a date; ``on_time_rate`` percent 0–100 with 2
    decimals, ``None`` when no valid case is decided yet (valid − pending = 0)."""

    received: int = 0
    valid: int = 0
    regulator: int = 0
    closed: int = 0
    on_time: int = 0
    overdue: int = 0
    pending: int = 0
    on_time_rate: float | None = None

    def to_json(self) -> dict[str, Any]:
        """The figures of ``qsm complaints stats --json`` (DESIGN §7)."""
        return {"received": self.received, "valid": self.valid, "regulator": self.regulator, "closed": self.closed,
                "on_time": self.on_time, "overdue": self.overdue, "pending": self.pending,
                "on_time_rate": self.on_time_rate}


def complaint_figures(cases: Iterable[ComplaintCase], as_of: dt.date) -> ComplaintFigures:
    """The DESIGN §9.2 figures of ``cases`` as of ``as_of`` (cases received after it do not exist
    yet and are left out)."""
    received = valid = regulator = closed = on_time = overdue = pending = 0
    for case in cases:
        if case.received > as_of:
            continue
        received += 1
        if not case.valid:
            continue
        valid += 1
        if case.channel == REGULATOR_CHANNEL:
            regulator += 1
        if case.closed_by(as_of):
            closed += 1
            if case.closed <= case.deadline:  # type: ignore[operator]
                on_time += 1
            else:
                overdue += 1
        elif as_of > case.deadline:
            overdue += 1
        else:
            pending += 1
    decided = valid - pending
    rate = percent(on_time, decided)
    return ComplaintFigures(received, valid, regulator, closed, on_time, overdue, pending, rate)


@dataclass(frozen=True)
class RepeatGroup:
    """Repeat complaints (§9.3): ``target`` outlet, ``cause`` and the case ``numbers``."""

    target: str
    cause: str
    numbers: tuple[str, ...] = field(default_factory=tuple)


def repeat_complaints(cases: Iterable[ComplaintCase], threshold: int = 3) -> list[RepeatGroup]:
    """Groups of at least ``threshold`` valid 客户投诉 with the same cause against the same outlet
    (DESIGN §9.3), sorted by outlet and cause; the caller passes one quarter's cases."""
    groups: dict[tuple[str, str], list[str]] = {}
    for case in cases:
        if case.valid and case.category == CUSTOMER:
            groups.setdefault((case.target, case.cause), []).append(case.number)
    return [RepeatGroup(target, cause, tuple(sorted(numbers)))
            for (target, cause), numbers in sorted(groups.items()) if len(numbers) >= threshold]
