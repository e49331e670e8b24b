"""Comprehensive evaluation (综合评价) — indicator systems, inputs, scores, publication (DESIGN §4).

- :class:`IndicatorSystemRecord` (指标体系) with its :class:`IndicatorCategoryRecord` (类别),
  :class:`IndicatorRecord` (指标, with the scoring rule's parameters as JSON) and
  :class:`GradeBandRecord` (等级档次). A system version is immutable once stored: editing makes a
  new version (``based_on_id`` points at the one it was copied from), so a version that has scores
  is never rewritten. Seeded from ``db/seed/indicator_system_2007.toml``.
- :class:`IndicatorValue` (指标值): one value per unit × period × indicator code, from a quarterly
  return (batch, sheet, row and cell) or entered by hand with a reason (audited).
- :class:`InternalServiceRating` (内部服务评价): one branch's 0–100 ratings of one head-office
  department for a period, from an internal-service return (DESIGN §3.6).
- :class:`EvaluationPeriod` (评价期) with :class:`UnitScoreRecord` (机构得分) and :class:`IndicatorScoreRecord`
  (指标得分): what was computed for a period under which system; ``status`` ``published`` freezes
  it (only when complete, or explicitly accepted as incomplete).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, SourceMixin, VersionedMixin


class IndicatorSystemRecord(Base):
    """A stored indicator system version (指标体系版本): ``name``, ``system_version`` (``2007版``),
    ``effective_from`` (the system applies to periods ending on or after it until a later version
    takes effect). Immutable: never updated once written (edit = a new row)."""

    __tablename__ = "indicator_systems"
    __table_args__ = (UniqueConstraint("name", "system_version", name="uq_indicator_systems_name_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    name_en: Mapped[str | None] = mapped_column(String(200), nullable=True)  # English name (issue 14)
    system_version: Mapped[str] = mapped_column(String(50), nullable=False)
    effective_from: Mapped[dt.date] = mapped_column(Date, nullable=False)
    based_on_id: Mapped[int | None] = mapped_column(ForeignKey("indicator_systems.id"), nullable=True)
    note: Mapped[str | None] = mapped_column(String(500), nullable=True)
    created_by: Mapped[str] = mapped_column(String(100), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=False), nullable=False)


class IndicatorCategoryRecord(Base):
    """A category (指标类别) of a system version, applying to one org-unit type (分行 / 总行部门)."""

    __tablename__ = "indicator_categories"
    __table_args__ = (UniqueConstraint("system_id", "code", name="uq_indicator_categories_system_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    system_id: Mapped[int] = mapped_column(ForeignKey("indicator_systems.id", ondelete="CASCADE"), nullable=False)
    code: Mapped[str] = mapped_column(String(20), nullable=False)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    name_en: Mapped[str | None] = mapped_column(String(200), nullable=True)  # English name (issue 14)
    applies_to: Mapped[str] = mapped_column(String(10), nullable=False)
    sort_order: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class IndicatorRecord(Base):
    """A leaf indicator (指标) of a system version: unit, direction, weight (points), data source,
    rule kind (linear / rank / deduction / bonus) and the rule's parameters (``rule`` JSON, the
    TOML's inline table without ``kind``)."""

    __tablename__ = "indicators"
    __table_args__ = (UniqueConstraint("system_id", "code", name="uq_indicators_system_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    system_id: Mapped[int] = mapped_column(ForeignKey("indicator_systems.id", ondelete="CASCADE"), nullable=False)
    code: Mapped[str] = mapped_column(String(20), nullable=False)
    category_code: Mapped[str] = mapped_column(String(20), nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    name_en: Mapped[str | None] = mapped_column(String(200), nullable=True)  # English name (issue 14)
    unit: Mapped[str] = mapped_column(String(20), nullable=False, default="")
    direction: Mapped[str] = mapped_column(String(10), nullable=False)
    weight: Mapped[float] = mapped_column(Float, nullable=False)
    source: Mapped[str] = mapped_column(String(30), nullable=False)
    rule_kind: Mapped[str] = mapped_column(String(20), nullable=False)
    rule: Mapped[dict] = mapped_column(JSON, nullable=False)
    sort_order: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class GradeBandRecord(Base):
    """A grade band (等级) of a system version: totals ≥ ``min_total`` get ``name``."""

    __tablename__ = "grade_bands"
    __table_args__ = (UniqueConstraint("system_id", "name", name="uq_grade_bands_system_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    system_id: Mapped[int] = mapped_column(ForeignKey("indicator_systems.id", ondelete="CASCADE"), nullable=False)
    name: Mapped[str] = mapped_column(String(20), nullable=False)
    name_en: Mapped[str | None] = mapped_column(String(200), nullable=True)  # English name (issue 14)
    min_total: Mapped[float] = mapped_column(Float, nullable=False)


class IndicatorValue(VersionedMixin, SourceMixin, Base):
    """指标值 — the value of one indicator code for one unit and period (percent as 0–100).

    ``origin`` ``quarterly`` (from a quarterly return: ``source_batch_id``, ``source_sheet``,
    ``source_row`` and ``source_cell``) or ``manual`` (entered by hand: ``reason`` required,
    audited). Keyed by the indicator *code*, so values outlive system versions.
    """

    __tablename__ = "indicator_values"
    __table_args__ = (
        UniqueConstraint("org_unit_id", "period", "indicator_code", name="uq_indicator_values_unit_period_code"),
        Index("ix_indicator_values_period", "period"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), nullable=False)
    period: Mapped[str] = mapped_column(String(10), nullable=False)
    indicator_code: Mapped[str] = mapped_column(String(20), nullable=False)
    value: Mapped[float] = mapped_column(Float, nullable=False)
    origin: Mapped[str] = mapped_column(String(20), nullable=False)
    source_cell: Mapped[str | None] = mapped_column(String(12), nullable=True)
    reason: Mapped[str | None] = mapped_column(String(500), nullable=True)
    entered_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    entered_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=False), nullable=True)


class InternalServiceRating(SourceMixin, Base):
    """内部服务评价 — one branch's ratings (0–100) of one head-office department for a period
    (DESIGN §3.6): 服务态度, 响应时效, 政策传导, 问题解决, 综合评分 and 意见建议. ``source_cells``
    maps each rating field to its cell (``{"attitude": "D4", …}``)."""

    __tablename__ = "internal_service_ratings"
    __table_args__ = (
        UniqueConstraint("rater_org_id", "period", "department_org_id", name="uq_internal_service_ratings_rater"),
        Index("ix_internal_service_ratings_period", "period"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    rater_org_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), nullable=False)
    department_org_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), nullable=False)
    period: Mapped[str] = mapped_column(String(10), nullable=False)
    attitude: Mapped[float] = mapped_column(Float, nullable=False)
    response: Mapped[float] = mapped_column(Float, nullable=False)
    policy: Mapped[float] = mapped_column(Float, nullable=False)
    resolution: Mapped[float] = mapped_column(Float, nullable=False)
    overall: Mapped[float | None] = mapped_column(Float, nullable=True)
    comment: Mapped[str | None] = mapped_column(String(1000), nullable=True)
    source_cells: Mapped[dict | None] = mapped_column(JSON, nullable=True)


class PeriodStatus:
    """Status values of :class:`EvaluationPeriod`."""

    DRAFT = "draft"            # computed, may be recomputed
    PUBLISHED = "published"    # frozen (季度通报已发布)


class EvaluationPeriod(VersionedMixin, Base):
    """评价期 — the scores of one period (``2007Q4``) under one system version.

    ``status`` ``draft`` (recomputed on demand) or ``published`` (frozen: never recomputed);
    ``complete`` whether every unit had every input when computed; ``accepted_incomplete`` the
    office's explicit decision to publish an incomplete period (with ``note``).
    """

    __tablename__ = "evaluation_periods"

    id: Mapped[int] = mapped_column(primary_key=True)
    period: Mapped[str] = mapped_column(String(10), nullable=False, unique=True)
    system_id: Mapped[int] = mapped_column(ForeignKey("indicator_systems.id"), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default=PeriodStatus.DRAFT)
    complete: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    accepted_incomplete: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    computed_by: Mapped[str] = mapped_column(String(100), nullable=False)
    computed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=False), nullable=False)
    published_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    published_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=False), nullable=True)
    note: Mapped[str | None] = mapped_column(String(500), nullable=True)


class UnitScoreRecord(Base):
    """机构得分 — one unit's result in a period: total (unrounded), grade, rank among its type,
    the previous period's total, completeness, the missing inputs (``problems`` JSON list of
    ``{"indicator", "source", "reason"}``) and the unit's missing returns (缺报, ``missing_returns``
    JSON list of ``{"kind", "message"}``: kept on the unit's own row, so that whoever may read the
    unit's result reads its missing returns and no one else's — DESIGN §6, migration 0010). Unit
    name and type are kept as they were."""

    __tablename__ = "unit_scores"
    __table_args__ = (UniqueConstraint("period_id", "org_unit_id", name="uq_unit_scores_period_unit"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("evaluation_periods.id", ondelete="CASCADE"), nullable=False)
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), nullable=False)
    org_code: Mapped[str] = mapped_column(String(6), nullable=False)
    unit_name: Mapped[str] = mapped_column(String(200), nullable=False)
    unit_type: Mapped[str] = mapped_column(String(10), nullable=False)
    total: Mapped[float] = mapped_column(Float, nullable=False)
    grade: Mapped[str | None] = mapped_column(String(20), nullable=True)
    rank: Mapped[int | None] = mapped_column(Integer, nullable=True)
    previous_total: Mapped[float | None] = mapped_column(Float, nullable=True)
    complete: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    problems: Mapped[list | None] = mapped_column(JSON, nullable=True)
    missing_returns: Mapped[list | None] = mapped_column(JSON, nullable=True)


class IndicatorScoreRecord(Base):
    """指标得分 — one leaf of one unit in a period: the value (``None`` when missing), where it
    came from (``origin``: ``file!sheet!cell``, a register query or ``manual: reason``; ``sources``
    the detailed list), the unrounded points and the explanation (value → rule → points) as it
    read when computed (Chinese), with the reason for lost points."""

    __tablename__ = "indicator_scores"
    __table_args__ = (UniqueConstraint("unit_score_id", "indicator_code", name="uq_indicator_scores_unit_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_score_id: Mapped[int] = mapped_column(ForeignKey("unit_scores.id", ondelete="CASCADE"), nullable=False)
    indicator_code: Mapped[str] = mapped_column(String(20), nullable=False)
    value: Mapped[float | None] = mapped_column(Float, nullable=True)
    points: Mapped[float | None] = mapped_column(Float, nullable=True)
    origin: Mapped[str | None] = mapped_column(String(1000), nullable=True)
    sources: Mapped[list | None] = mapped_column(JSON, nullable=True)
    explanation: Mapped[str | None] = mapped_column(Text, nullable=True)
    loss_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
