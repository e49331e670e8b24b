"""Plan targets (三年规划目标) seeded from db/seed/plan_targets.toml (DESIGN §1)."""

from __future__ import annotations

from sqlalchemy import Float, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, VersionedMixin


class PlanTarget(VersionedMixin, Base):
    """One target value of the plan for one year, e.g. ``cert_rate_teller`` 2007 = 80 (percent 0–100).

    ``scope`` is ``bank`` (whole bank) or ``branch`` (each branch); ``direction`` ``higher`` or
    ``lower`` (ranks: lower is better).
    """

    __tablename__ = "plan_targets"
    __table_args__ = (UniqueConstraint("metric", "year", name="uq_plan_targets_metric_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    metric: Mapped[str] = mapped_column(String(50), nullable=False)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    name_en: Mapped[str | None] = mapped_column(String(200), nullable=True)  # English name (issue 14)
    unit: Mapped[str] = mapped_column(String(10), nullable=False)
    scope: Mapped[str] = mapped_column(String(10), nullable=False)
    direction: Mapped[str] = mapped_column(String(10), nullable=False, default="higher")
    year: Mapped[int] = mapped_column(nullable=False)
    value: Mapped[float] = mapped_column(Float, nullable=False)
