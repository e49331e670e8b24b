"""Training vocabulary and rules (培训) — DESIGN.md §1, §3.3; indicator C03 of the 2007 system.

Pure values and functions (no Qt, no SQL), shared by the store, the return kind, the services,
the CLI and the window.
"""

from __future__ import annotations

import datetime as dt

TRAINING_CATEGORIES: tuple[str, ...] = ("服务意识", "服务规范", "营销技能", "专业岗位", "新业务", "持证上岗培训")
"""培训类别 in DESIGN §3.3 order, as written in returns and stored."""

TRAINING_CATEGORY_EN: dict[str, str] = {
    "服务意识": "Service awareness",
    "服务规范": "Service norms",
    "营销技能": "Marketing skills",
    "专业岗位": "Post skills",
    "新业务": "New business",
    "持证上岗培训": "Certification training",
}
"""English names of the categories (CLI ``--lang en``; the window translates its own)."""

C03_CATEGORIES: tuple[str, ...] = ("服务意识", "服务规范")
"""Categories that count for indicator C03 服务规范培训覆盖率 (db/seed/indicator_system_2007.toml):
the share of the subtree's staff on the roster at period end who attended, in the same calendar
year up to the period end, at least one course of category 服务意识 or 服务规范."""

SERVICE_NORMS: tuple[str, ...] = ("服务规范",)
"""The category of the "never trained on service norms" list (未参加服务规范培训)."""

CERTIFICATION_TRAINING = "持证上岗培训"
"""The category whose effect is measured by certification afterwards (培训效果评价)."""

EFFECT_WINDOW_DAYS = 180
"""A certificate issued within this many days after a certification course's last day counts as
the course's outcome (issue 6: "certified within 180 days after the course")."""

PROVIDERS = ("internal", "external")
"""培训机构: run by the bank (内部) or by an outside provider (外部)."""


def percent(part: int, whole: int) -> float | None:
    """``part / whole`` as percent 0–100 rounded to 2 decimals (like the certification rate);
    ``None`` when ``whole`` is 0."""
    return None if whole == 0 else round(100.0 * part / whole, 2)


def year_window(as_of: dt.date, start: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The coverage window: from ``start`` (default 1 January of ``as_of``'s year) to ``as_of``, inclusive.

    A course counts in the window when its last day (结束日期) falls inside it — the person had
    completed it by the date (C03: "in the same calendar year up to the period end").
    """
    first = start or dt.date(as_of.year, 1, 1)
    return first, as_of


def category_name(category: str, language: str = "zh") -> str:
    """The category's name in ``language`` (``"zh"`` is the stored name itself)."""
    return category if language == "zh" else TRAINING_CATEGORY_EN.get(category, category)
