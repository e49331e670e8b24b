"""Training vocabulary, rules and figures (培训) — DESIGN.md §1, §3.3; indicator C03 of the 2007 system.

Pure values, functions and the frozen result records (no Qt, no SQL), shared by the store, the
return kind, the services (which compute the figures), the reports (which draw and export them),
the CLI and the window.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

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


# ------------------------------------------------------------------------------------------ figures (results of services.training)

@dataclass(frozen=True)
class CategoryCoverage:
    """Roster staff who ``attended`` at least one course of a category, and ``coverage`` (percent 0–100, None = no staff)."""

    attended: int
    coverage: float | None


@dataclass(frozen=True)
class TrainingFigures:
    """Training figures of one unit's subtree on ``as_of`` over the window ``start``–``as_of``.

    ``staff``: roster staff; ``categories``: category → :class:`CategoryCoverage` (all six, DESIGN
    §3.3 order); ``c03``: 服务意识 or 服务规范 together; ``trained``: any course; ``attendances``
    and ``hours`` of roster staff in the window; ``hours_per_head``; ``assessed``/``passed`` and
    ``pass_rate`` (percent); ``ratings`` and mean ``satisfaction`` (1–5); ``mean_score`` (0–100).
    """

    unit: str
    unit_name: str
    as_of: dt.date
    start: dt.date
    staff: int
    categories: dict[str, CategoryCoverage]
    c03: CategoryCoverage
    trained: CategoryCoverage
    attendances: int
    hours: float
    hours_per_head: float | None
    assessed: int
    passed: int
    pass_rate: float | None
    ratings: int
    satisfaction: float | None
    scored: int
    mean_score: float | None

    @property
    def year(self) -> int:
        """The calendar year of ``as_of``."""
        return self.as_of.year

    def to_json(self) -> dict:
        """The ``qsm training-coverage --json`` shape: ``{"year", "unit", "staff", "categories":
        {CATEGORY: {"attended", "coverage"}}, "C03"}`` (coverage and C03 percent 0–100)."""
        return {
            "year": self.year,
            "unit": self.unit,
            "staff": self.staff,
            "categories": {name: {"attended": c.attended, "coverage": c.coverage} for name, c in self.categories.items()},
            "C03": self.c03.coverage,
        }


@dataclass(frozen=True)
class CourseSummary:
    """A course with its attendance by the subtree's staff: reaction (满意度) and learning (考核).

    ``attendees``; ``hours`` attended in all; ``ratings``/``satisfaction`` (mean 1–5);
    ``scored``/``mean_score`` (0–100); ``assessed``/``passed``/``pass_rate`` (percent);
    ``target_categories`` post-category codes; ``provider`` internal/external/None; ``version``
    for editing.
    """

    code: str
    title: str
    category: str
    start_date: dt.date
    end_date: dt.date
    course_hours: float
    provider: str | None
    target_categories: tuple[str, ...]
    note: str | None
    version: int
    attendees: int
    hours: float
    ratings: int
    satisfaction: float | None
    scored: int
    mean_score: float | None
    assessed: int
    passed: int
    pass_rate: float | None
    source_file: str | None


@dataclass(frozen=True)
class CourseEffect:
    """Certification outcome of a 持证上岗培训 course (培训效果评价), over the subtree's staff.

    ``categories``: post categories compared; ``attendees`` all attendees, ``already`` those
    certified on the first day; ``at_risk`` = the rest, ``certified`` of them within the window
    (first day … last day + 180 days), ``rate`` percent; ``others`` non-attendees of the same
    categories not certified on the first day, ``others_certified``, ``others_rate``;
    ``difference`` = rate − others_rate (percentage points); ``window_end``; ``observed_until``
    (the window end, or today while it runs); ``complete`` once the window is over — the two rates
    are ``None`` until then (the counts are so far).
    """

    code: str
    title: str
    start_date: dt.date
    end_date: dt.date
    categories: tuple[str, ...]
    attendees: int
    already: int
    at_risk: int
    certified: int
    rate: float | None
    others: int
    others_certified: int
    others_rate: float | None
    window_end: dt.date
    observed_until: dt.date
    complete: bool

    @property
    def difference(self) -> float | None:
        """rate − others_rate in percentage points (``None`` when either is unknown)."""
        return None if self.rate is None or self.others_rate is None else round(self.rate - self.others_rate, 2)


@dataclass(frozen=True)
class UntrainedStaff:
    """A roster member not covered by C03: no 服务意识 or 服务规范 course ended in the year up to the date (未参加服务规范培训)."""

    staff_no: str
    name: str
    unit_code: str
    unit_name: str
    post: str
    category: str


@dataclass(frozen=True)
class AttendanceRecord:
    """One course in a person's training history, with where it came from (file, sheet, row)."""

    code: str
    title: str
    category: str
    start_date: dt.date
    end_date: dt.date
    hours: float
    score: float | None
    passed: bool | None
    satisfaction: int | None
    note: str | None
    source_file: str | None
    source_sheet: str | None
    source_row: int | None


@dataclass(frozen=True)
class TrainingReport:
    """Everything the training page and its export show for one unit on one date."""

    figures: TrainingFigures
    by_unit: tuple[TrainingFigures, ...]
    courses: tuple[CourseSummary, ...]
    effects: tuple[CourseEffect, ...]
    untrained: tuple[UntrainedStaff, ...]
    untrained_total: int
    window_days: int = EFFECT_WINDOW_DAYS
    extra: dict = field(default_factory=dict)
