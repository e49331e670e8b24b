"""The demo's training returns (演示培训数据) — issue 6, a step of :data:`qsm_desktop.services.demo.build.DEMO_STEPS`.

For each branch of the synthetic bank the step makes one 培训情况表 for the demo period's year
(six courses, one per category of DESIGN §3.3, with post targets), writes it with the template
writer and imports it through the importer — never behind the importer's back. Attendance is
seeded per branch, so the same bank always gets the same training; tellers whose certificate was
issued after the certification course started were mostly on that course, so the effect
evaluation has something to show.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.domain.normalise import period_end
from qsm_desktop.domain.posts import POST_NAMES
from qsm_desktop.services.demo.context import DEMO_FILE_PREFIX, DemoContext, typed, write_kind

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.demo.data import StaffRow, SyntheticBank

register({"demo.step.training": ("培训情况表", "training returns")})


@dataclass(frozen=True)
class DemoCourse:
    """A demo course: code suffix, title, category, (month, day) first and last day, hours, who it is for
    (post-category codes; empty = everyone), the share of those who attend and the English title
    the English demo types (issue 14)."""

    number: str
    title: str
    category: str
    first: tuple[int, int]
    last: tuple[int, int]
    hours: float
    targets: tuple[str, ...]
    share: float
    title_en: str = ""

    def dates(self, year: int) -> tuple[dt.date, dt.date]:
        """The course's first and last day in ``year``."""
        return dt.date(year, *self.first), dt.date(year, *self.last)


COURSES: Sequence[DemoCourse] = (
    DemoCourse("001", "服务规范贯标培训", "服务规范", (5, 8), (5, 10), 16, (), 0.55, "Service norms workshop"),
    DemoCourse("008", "新业务产品知识培训", "新业务", (6, 12), (6, 13), 8, ("retail_sales", "corporate"), 0.35,
               "New products briefing"),
    DemoCourse("011", "对公客户经理专业岗位培训", "专业岗位", (7, 16), (7, 18), 20, ("corporate", "international"), 0.6,
               "Corporate account manager training"),
    DemoCourse("014", "大堂经理服务技能提升", "营销技能", (9, 3), (9, 4), 12, ("retail_sales",), 0.6,
               "Lobby manager service skills"),
    DemoCourse("022", "柜员持证上岗考前培训", "持证上岗培训", (10, 15), (10, 19), 32, ("teller",), 0.0,
               "Teller certificate exam preparation"),
    DemoCourse("030", "客户服务意识专题", "服务意识", (11, 20), (11, 20), 4, (), 0.45, "Customer service awareness talk"),
)
"""The demo year's courses (培训项目编号 ``PX<year>-<number>``)."""


def training_rows(bank: SyntheticBank, branch: str, year: int, *, until: dt.date | None = None,
                  language: str = "zh") -> list[dict]:
    """The rows of ``branch``'s training return for ``year`` (courses starting after ``until`` left
    out), course titles in ``language``.

    Deterministic per branch. Scores ~ N(75, 11) within 35–100, 合格 from 60; satisfaction 3–5
    mostly; the one-day awareness talk has no exam.
    """
    rng = random.Random(f"training-{branch}-{year}")
    rows: list[dict] = []
    roster: list[StaffRow] = bank.rosters[branch]
    for course in COURSES:
        start, end = course.dates(year)
        if until is not None and start > until:
            continue
        for person in roster:
            category = POST_NAMES.get(person.post, "")
            if course.targets and category not in course.targets:
                continue
            if course.category == "持证上岗培训":
                recent = person.issued is not None and person.issued >= start
                share = 0.9 if recent else (0.1 if person.issued is not None else 0.45)
            else:
                share = course.share
            if rng.random() >= share:
                continue
            hours = course.hours if rng.random() > 0.05 else max(course.hours / 2, 1)
            assessed = course.category != "服务意识"
            score = round(min(100.0, max(35.0, rng.gauss(75, 11)))) if assessed else None
            rows.append({
                "seq": len(rows) + 1, "course_code": f"PX{year}-{course.number}", "course_title": typed(language, course.title, course.title_en),
                "category": course.category, "start_date": start, "end_date": end, "hours": hours,
                "staff_no": person.staff_no, "name": person.name, "org_code": person.org_code, "score": score,
                "passed": None if score is None else ("是" if score >= 60 else "否"),
                "satisfaction": rng.choices((2, 3, 4, 5), (0.05, 0.25, 0.4, 0.3))[0], "note": None,
            })
    return rows


def step_training(ctx: DemoContext) -> None:
    """Write one training return per branch for the demo period's year and import them all (培训情况表)."""
    year = int(ctx.period[:4])
    until = period_end(ctx.period)
    branches = ctx.bank.branch_codes
    paths: list[Path] = []
    for i, branch in enumerate(branches):
        if ctx.cancelled:
            return
        if ctx.progress:
            ctx.progress(i, len(branches) * 2, ctx.bank.org_name(branch))
        rows = training_rows(ctx.bank, branch, year, until=until, language=ctx.language)
        if not rows:
            continue
        paths.append(write_kind(ctx.folder / f"{DEMO_FILE_PREFIX}training_{branch}_{year}.xlsx", "training", branch,
                                ctx.bank.org_name(branch), str(year), rows))
    if ctx.progress:
        ctx.progress(len(branches), len(branches) * 2, msg("demo.step.training"))
    if paths:
        ctx.import_files(paths)
