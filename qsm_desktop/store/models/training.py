"""Training courses and attendance (培训项目、培训记录) — DESIGN.md §1 (培训), §3.3.

A course (培训项目) is identified by its 培训项目编号; the first training return that names a code
creates the course from its row (title, category, dates, hours). People edit a course afterwards
(provider, target post categories, note), so it carries a ``version`` column (DESIGN §6).

An attendance (培训记录) is one staff member on one course: hours attended (学时), exam score
(考核成绩, 0–100), passed (是否合格), satisfaction (满意度, 1–5) and where it came from (import
batch, sheet, row). One row per person and course; a newer return for the same unit and year
replaces the attendance of the return it supersedes.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import JSON, Boolean, Date, Float, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from qsm_desktop.domain.training import TRAINING_CATEGORIES

from .base import Base, SourceMixin, VersionedMixin


class TrainingCategory(str, enum.Enum):
    """培训类别 — the six categories of DESIGN §3.3 (the plan trains service awareness and norms first)."""

    SERVICE_AWARENESS = "服务意识"
    SERVICE_NORMS = "服务规范"
    MARKETING = "营销技能"
    POST_SKILLS = "专业岗位"
    NEW_BUSINESS = "新业务"
    CERTIFICATION = "持证上岗培训"


assert tuple(c.value for c in TrainingCategory) == TRAINING_CATEGORIES


class TrainingProvider(str, enum.Enum):
    """培训机构 — who runs the course: the bank itself (内部) or an outside provider (外部)."""

    INTERNAL = "internal"
    EXTERNAL = "external"


class TrainingCourse(VersionedMixin, SourceMixin, Base):
    """培训项目 — code (培训项目编号), title, category, nominal hours, provider, dates, target posts.

    ``start_date``/``end_date`` are inclusive; ``hours`` the course's hours as first reported (> 0);
    ``provider`` ``internal``/``external`` or ``None`` when not stated; ``target_categories`` the
    post-category codes the course is meant for (``teller``, ``retail_sales`` …; empty = everyone).
    The source columns name the return row that created it.
    """

    __tablename__ = "training_courses"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    category: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    hours: Mapped[float] = mapped_column(Float, nullable=False)
    provider: Mapped[str | None] = mapped_column(String(10), nullable=True)
    start_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    end_date: Mapped[dt.date] = mapped_column(Date, nullable=False, index=True)
    target_categories: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    note: Mapped[str | None] = mapped_column(String(200), nullable=True)


class TrainingAttendance(VersionedMixin, SourceMixin, Base):
    """培训记录 — one staff member on one course (one row per person and course).

    ``hours`` attended (学时, > 0); ``score`` 考核成绩 0–100 or ``None``; ``passed`` 是否合格
    (``True``/``False``/``None`` when not assessed); ``satisfaction`` 满意度 1–5 or ``None``;
    ``org_unit_id`` the unit the return listed the person under (机构代码; ``None`` when not given).
    """

    __tablename__ = "training_attendance"
    __table_args__ = (UniqueConstraint("course_id", "staff_id", name="uq_training_attendance_course_staff"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("training_courses.id", ondelete="CASCADE"), nullable=False,
                                           index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), nullable=False, index=True)
    org_unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id"), nullable=True)
    hours: Mapped[float] = mapped_column(Float, nullable=False)
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    passed: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    satisfaction: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str | None] = mapped_column(String(200), nullable=True)
