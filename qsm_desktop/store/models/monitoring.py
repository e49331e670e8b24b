"""Service-quality monitoring (服务质量监测) — checklists, mystery visits, appeals, quarters (DESIGN §8).

- :class:`ChecklistRecord` (检查表版本) with :class:`ChecklistModuleRecord` (服务模块) and
  :class:`ChecklistItemRecord` (检查项目): an edition of the six modules' checklists, in force from
  ``effective_from``; seeded from ``db/seed/checklists_2007.toml``.
- :class:`MysteryVisit` (暗访) and its :class:`MysteryVisitItem` rows (one per checklist item, the
  score as delivered; ``score`` ``None`` = 不适用): a branch's delivery for a quarter (a newer
  delivery replaces the branch's visits of the quarter). ``final_score`` is set when the quarter is
  finalised.
- :class:`MysteryAppeal` (申诉): one per visit × item, with the head office's decision.
- :class:`MonitoringQuarter` (季度定稿): a finalised quarter; :class:`MysteryScore` the frozen
  outlet, branch and bank scores written when it was finalised.
- :class:`MonitoringSetting`: the office's settings of the loop (due days, thresholds, the action
  number pattern), key → JSON value.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, SourceMixin, VersionedMixin


class ChecklistRecord(VersionedMixin, Base):
    """A checklist edition (检查表版本): ``name`` (窗口服务检查表), ``label`` (``2007版``) and the
    first day it applies (``effective_from``)."""

    __tablename__ = "checklists"
    __table_args__ = (UniqueConstraint("name", "label", name="uq_checklists_name_label"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    name_en: Mapped[str | None] = mapped_column(String(200), nullable=True)  # English name (issue 14)
    label: Mapped[str] = mapped_column(String(40), nullable=False)
    effective_from: Mapped[dt.date] = mapped_column(Date, nullable=False)


class ChecklistModuleRecord(Base):
    """A window-service module of an edition (服务模块): ``code`` (GM), ``name`` (柜面交易服务), the
    ``norm`` it checks."""

    __tablename__ = "checklist_modules"
    __table_args__ = (UniqueConstraint("checklist_id", "code", name="uq_checklist_modules_checklist_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    checklist_id: Mapped[int] = mapped_column(ForeignKey("checklists.id", ondelete="CASCADE"), nullable=False,
                                              index=True)
    code: Mapped[str] = mapped_column(String(10), nullable=False)
    name: Mapped[str] = mapped_column(String(40), nullable=False)
    name_en: Mapped[str | None] = mapped_column(String(200), nullable=True)  # English name (issue 14)
    norm: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    norm_en: Mapped[str | None] = mapped_column(String(200), nullable=True)
    sort_order: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class ChecklistItemRecord(Base):
    """A checklist item (检查项目): ``code`` (GM-05), ``dimension``, ``points``, ``critical``, ``text``
    and its English ``text_en`` (issue 14; seeded, editable, ``None`` when nobody wrote one)."""

    __tablename__ = "checklist_items"
    __table_args__ = (UniqueConstraint("module_id", "code", name="uq_checklist_items_module_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    module_id: Mapped[int] = mapped_column(ForeignKey("checklist_modules.id", ondelete="CASCADE"), nullable=False,
                                           index=True)
    code: Mapped[str] = mapped_column(String(20), nullable=False)
    dimension: Mapped[str] = mapped_column(String(10), nullable=False)
    points: Mapped[float] = mapped_column(Float, nullable=False)
    critical: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    text: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    text_en: Mapped[str | None] = mapped_column(String(300), nullable=True)  # English text (issue 14)
    sort_order: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class MysteryVisit(VersionedMixin, SourceMixin, Base):
    """A mystery visit (暗访): ``visit_no`` (暗访编号, unique across the bank), the ``period``
    (``2007Q4``), the delivering ``branch_id``, the ``outlet_id``, ``visit_date``, the module's code
    and the checklist edition it was checked against; ``final_score`` once the quarter is final."""

    __tablename__ = "mystery_visits"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_no: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)
    period: Mapped[str] = mapped_column(String(10), nullable=False, index=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), nullable=False, index=True)
    outlet_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), nullable=False, index=True)
    visit_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    module_code: Mapped[str] = mapped_column(String(10), nullable=False)
    checklist_id: Mapped[int] = mapped_column(ForeignKey("checklists.id"), nullable=False)
    final_score: Mapped[float | None] = mapped_column(Float, nullable=True)


class MysteryVisitItem(Base):
    """One item of a visit as delivered: ``points`` (分值), ``score`` (得分; ``None`` = 不适用),
    ``critical`` (copied from the checklist), 扣分原因, 柜员工号, 备注 and the source row."""

    __tablename__ = "mystery_visit_items"
    __table_args__ = (UniqueConstraint("visit_id", "item_code", name="uq_mystery_visit_items_visit_item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("mystery_visits.id", ondelete="CASCADE"), nullable=False,
                                          index=True)
    item_code: Mapped[str] = mapped_column(String(20), nullable=False)
    points: Mapped[float] = mapped_column(Float, nullable=False)
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    critical: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    deduction_reason: Mapped[str | None] = mapped_column(String(200), nullable=True)
    staff_no: Mapped[str | None] = mapped_column(String(7), nullable=True)
    note: Mapped[str | None] = mapped_column(String(200), nullable=True)
    source_row: Mapped[int | None] = mapped_column(Integer, nullable=True)


class MysteryAppeal(VersionedMixin, SourceMixin, Base):
    """An appeal (申诉) on one visit × item, filed by the outlet's ``branch_id`` for ``period``:
    ``reason`` (申诉理由), ``contact`` (联系人); ``status`` open / upheld / rejected; the decision's
    ``decided_score`` (upheld), ``decision_reason``, who and when."""

    __tablename__ = "mystery_appeals"
    __table_args__ = (UniqueConstraint("visit_no", "item_code", name="uq_mystery_appeals_visit_item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    period: Mapped[str] = mapped_column(String(10), nullable=False, index=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), nullable=False, index=True)
    visit_no: Mapped[str] = mapped_column(String(40), nullable=False)
    item_code: Mapped[str] = mapped_column(String(20), nullable=False)
    reason: Mapped[str] = mapped_column(String(500), nullable=False)
    contact: Mapped[str | None] = mapped_column(String(50), nullable=True)
    status: Mapped[str] = mapped_column(String(10), nullable=False, default="open")
    decided_score: Mapped[float | None] = mapped_column(Float, nullable=True)
    decision_reason: Mapped[str | None] = mapped_column(String(500), nullable=True)
    decided_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=False), nullable=True)


class MonitoringQuarter(VersionedMixin, Base):
    """A finalised quarter (季度定稿): its scores are frozen and its findings raised."""

    __tablename__ = "monitoring_quarters"

    id: Mapped[int] = mapped_column(primary_key=True)
    period: Mapped[str] = mapped_column(String(10), unique=True, nullable=False)
    finalised_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=False), nullable=False)
    finalised_by: Mapped[str] = mapped_column(String(100), nullable=False)


class MysteryScore(Base):
    """A frozen score of a finalised quarter: ``level`` (outlet, branch, bank), the unit, ``visits``,
    ``outlets`` and ``score`` (2 decimals, as DESIGN §8.2 rounds it)."""

    __tablename__ = "mystery_scores"
    __table_args__ = (UniqueConstraint("period", "org_unit_id", name="uq_mystery_scores_period_unit"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    period: Mapped[str] = mapped_column(String(10), nullable=False, index=True)
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), nullable=False, index=True)
    level: Mapped[str] = mapped_column(String(10), nullable=False)
    visits: Mapped[int] = mapped_column(Integer, nullable=False)
    outlets: Mapped[int] = mapped_column(Integer, nullable=False)
    score: Mapped[float | None] = mapped_column(Float, nullable=True)


class MonitoringSetting(Base):
    """An office setting of the improvement loop: ``key`` → JSON ``value`` (``corrective_days``,
    ``preventive_days``, ``systemic_outlets``, ``complaint_repeat_threshold``,
    ``action_number_pattern``)."""

    __tablename__ = "monitoring_settings"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
