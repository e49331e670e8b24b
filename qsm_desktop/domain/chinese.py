"""Chinese numerals for dates on official documents (中文日期).

Certificates, award notices and reports print their dates the way Chinese official documents do:
the year digit by digit with 〇 for zero (二〇〇七年), month and day as counted numbers
(十二月, 二十一日). Source: DESIGN.md §5 (certificate date 二〇〇七年十二月).
"""

from __future__ import annotations

import datetime as _dt
from functools import lru_cache

_DIGITS = "〇一二三四五六七八九"


def year_in_chinese(year: int) -> str:
    """A year written digit by digit: ``2007`` → ``"二〇〇七"`` (``ValueError`` for a negative year)."""
    if year < 0:
        raise ValueError(f"year must not be negative: {year}")
    return "".join(_DIGITS[int(d)] for d in str(year))


def counted_number(n: int) -> str:
    """A number from 1 to 99 as counted in Chinese: 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 31 → 三十一.

    Used for months and days. Raises ``ValueError`` outside 1–99.
    """
    if not 1 <= n <= 99:
        raise ValueError(f"counted_number supports 1–99, got {n}")
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    tail = "" if units == 0 else _DIGITS[units]
    return head + tail


@lru_cache(maxsize=256)  # a batch of certificates prints a handful of dates many times
def chinese_date(date: _dt.date, *, with_day: bool = False) -> str:
    """The date in Chinese numerals as printed on certificates (中文日期).

    ``date``: a ``datetime.date``. ``chinese_date(date(2007, 12, 20))`` → ``"二〇〇七年十二月"``;
    with ``with_day=True`` → ``"二〇〇七年十二月二十日"``. Source: DESIGN.md §5.
    """
    text = f"{year_in_chinese(date.year)}年{counted_number(date.month)}月"
    if with_day:
        text += f"{counted_number(date.day)}日"
    return text
