"""The certification rule (持证上岗规则) — who is certified on a date, roster dates, the rate (DESIGN.md §3.2).

Pure values and functions (no SQL, no Qt), used by the certification return's import handler, the
certification service and the SQL forms of the same rule in ``store/queries.py`` (which must say
exactly what :func:`certified_on` says).

- **On the roster** (在岗) on a day: ``in_post_from``/``in_post_to`` are both inclusive, ``None``
  is open (:func:`in_post`).
- **A certificate in force** (证书有效) on a day: issued on or before it, not expired (有效期至 is
  the last valid day; ``None`` = no expiry) and not revoked (``revoked_on`` is the first day it
  no longer counts) — :func:`certificate_valid_on`.
- **Certified** (持证) on a day: a certificate that qualifies for the member's post category is
  in force (:func:`certified_on`); a certificate of another category never counts.
- **Roster dates of a certification return** (报告期末在岗名册): the return is the unit's roster at
  the end of the period. A member missing from it leaves the day before the period end
  (:func:`left_on`), so rates on the period end use exactly that return; a member first seen joins
  at the period start when the unit's roster was known before, else on an unknown day
  (:func:`joined_on`); someone back on the roster is in post again (:func:`back_in_post`).
- **Rate** (持证率) = certified / members, percent 0–100 rounded to 2 decimals (:func:`rate_percent`);
  the plan's target in force for a year is the one of the latest plan year up to it
  (:func:`target_in_force`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

__all__ = [
    "EXPIRY_WARNING_DAYS",
    "LEVELS",
    "CertificateTerm",
    "RegisterStatus",
    "back_in_post",
    "certificate_valid_on",
    "certified_on",
    "in_post",
    "joined_on",
    "left_on",
    "rate_percent",
    "register_status",
    "target_in_force",
]

LEVELS: tuple[str, ...] = ("初级", "中级", "高级")
"""证书等级 (DESIGN §3.2), lowest first; a certificate may also have none."""

EXPIRY_WARNING_DAYS = 90
"""Certificates whose last valid day is within this many days are 即将到期 (issue 2 item 4)."""


class RegisterStatus:
    """Status of a member in the register on a date (持证 / 即将到期 / 已过期 / 未持证)."""

    CERTIFIED = "certified"      # 持证
    EXPIRING = "expiring"        # 即将到期 (certified, but within 90 days of the last valid day)
    EXPIRED = "expired"          # 已过期 (held a qualifying certificate that is no longer valid)
    NONE = "none"                # 未持证

    ZH = {"certified": "持证", "expiring": "即将到期", "expired": "已过期", "none": "未持证"}


class CertificateTerm(NamedTuple):
    """The dates of one certificate that decide whether it is in force: ``issued`` (发证日期),
    ``expires`` (有效期至, the last valid day; ``None`` = no expiry) and ``revoked_on`` (``None`` =
    not revoked)."""

    issued: dt.date | None
    expires: dt.date | None
    revoked_on: dt.date | None = None


# ------------------------------------------------------------------------------------------ on a date

def in_post(in_post_from: dt.date | None, in_post_to: dt.date | None, on: dt.date) -> bool:
    """Whether a member with these roster dates (both inclusive, ``None`` = open) is in post ``on``."""
    return (in_post_from is None or in_post_from <= on) and (in_post_to is None or in_post_to >= on)


def certificate_valid_on(issued: dt.date | None, expires: dt.date | None, revoked_on: dt.date | None,
                         on: dt.date) -> bool:
    """Whether a certificate is in force ``on``: issued by then (no issue date counts as issued),
    not past its last valid day ``expires``, and not revoked on or before ``on``."""
    return ((issued is None or issued <= on) and (expires is None or expires >= on)
            and (revoked_on is None or revoked_on > on))


def certified_on(qualifying: Iterable[CertificateTerm], on: dt.date) -> bool:
    """Whether a member is certified ``on``: one of the certificates ``qualifying`` for the
    member's post category (the caller filters by category) is in force that day (DESIGN §3.2)."""
    return any(certificate_valid_on(c.issued, c.expires, c.revoked_on, on) for c in qualifying)


def register_status(qualifying: Iterable[CertificateTerm], on: dt.date, days: int = EXPIRY_WARNING_DAYS) -> str:
    """The :class:`RegisterStatus` of a member ``on`` from the certificates qualifying for their post:
    ``expiring`` when certified but no qualifying certificate is still in force ``days`` later;
    ``certified``; ``expired`` when a qualifying certificate expired before ``on`` or was revoked
    by then; else ``none``."""
    terms = list(qualifying)
    later = on + dt.timedelta(days=days)
    if certified_on(terms, on):
        if any(certificate_valid_on(c.issued, c.expires, c.revoked_on, on)
               and certificate_valid_on(c.issued, c.expires, c.revoked_on, later) for c in terms):
            return RegisterStatus.CERTIFIED
        return RegisterStatus.EXPIRING
    if any((c.expires is not None and c.expires < on) or (c.revoked_on is not None and c.revoked_on <= on)
           for c in terms):
        return RegisterStatus.EXPIRED
    return RegisterStatus.NONE


# ------------------------------------------------------------------------------------------ roster dates

def left_on(period_end: dt.date) -> dt.date:
    """The last day in post of a member missing from the return of the period ending ``period_end``:
    the day before, so the period-end date counts exactly the return's roster."""
    return period_end - dt.timedelta(days=1)


def joined_on(period_start: dt.date | None, roster_known: bool) -> dt.date | None:
    """The first day in post of a member first seen in a return: the period's first day when the
    unit's roster was known before (they joined during the period), else ``None`` (the first return
    loaded: nothing is known about earlier days)."""
    return period_start if roster_known else None


def back_in_post(in_post_to: dt.date | None, period_start: dt.date | None,
                 period_end: dt.date | None) -> dict[str, dt.date | None]:
    """The roster dates that change for a listed member whose last day in post ``in_post_to`` was
    before ``period_end``: ``{"in_post_to": None}`` (in post again), plus ``{"in_post_from":
    period_start}`` when they had left before the period started (a new stint); ``{}`` when they
    are still in post (or the period end is unknown)."""
    if in_post_to is None or period_end is None or in_post_to >= period_end:
        return {}
    if in_post_to < (period_start or period_end):
        return {"in_post_to": None, "in_post_from": period_start}
    return {"in_post_to": None}


# ------------------------------------------------------------------------------------------ rates

def rate_percent(certified: int, members: int) -> float | None:
    """certified / members as percent 0–100 rounded to 2 decimals; ``None`` when there are no members."""
    return None if members == 0 else round(100.0 * certified / members, 2)


def target_in_force(targets: Iterable[tuple[int, float]], year: int) -> float | None:
    """The plan's target for ``year`` from ``(plan year, value)`` pairs: the value of the latest plan
    year ≤ ``year`` (2008 keeps 2007's target until 2009's applies); before the first plan year,
    the first year's value; ``None`` without any (reference/plan_targets.toml)."""
    values = sorted(targets)
    earlier = [value for plan_year, value in values if plan_year <= year]
    return earlier[-1] if earlier else (values[0][1] if values else None)
