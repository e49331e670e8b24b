"""Findings and corrective/preventive actions (问题发现、纠正预防措施) — DESIGN §8.4, §8.5.

- :class:`FindingRecord` (问题): raised when a quarter is finalised, with its reason (critical,
  repeat, systemic, complaint_repeat), the owner unit and what it came from.
- :class:`CapaAction` (整改): one per finding (and later per survey, compliance check, committee
  decision): number, source, type, reason, owner, due date, status 待整改 → 待验证 → 已关闭, the
  branch's feedback (measures, responsible, completion date, result) and the head office's
  verification (who, when, effective). A person edits it, so it carries a version.
- :class:`CapaCounter`: the last number used per year (numbers are never reused).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, SourceMixin, VersionedMixin


class FindingRecord(Base):
    """A finding of a finalised quarter (``period``): ``reason``, ``source``, owner unit
    (``org_unit_id``) and its ``branch_id``, the item / visit / complaints / cause it came from,
    a ``description``, when it was raised."""

    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(primary_key=True)
    period: Mapped[str] = mapped_column(String(10), nullable=False, index=True)
    reason: Mapped[str] = mapped_column(String(20), nullable=False)
    source: Mapped[str] = mapped_column(String(20), nullable=False)
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), nullable=False, index=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), nullable=False, index=True)
    item_code: Mapped[str | None] = mapped_column(String(20), nullable=True)
    visit_no: Mapped[str | None] = mapped_column(String(40), nullable=True)
    complaint_nos: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    cause: Mapped[str | None] = mapped_column(String(40), nullable=True)
    description: Mapped[str] = mapped_column(String(500), nullable=False)
    raised_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=False), nullable=False)


class CapaAction(VersionedMixin, SourceMixin, Base):
    """A corrective or preventive action (整改): ``number`` (整改编号, unique, never reused),
    ``source``, ``type`` (corrective / preventive), ``reason``, the ``finding_id`` it answers, owner
    unit and branch, ``period`` raised, item / visit / complaints, ``description``, ``due`` date,
    ``status`` (待整改 / 待验证 / 已关闭), the branch's ``measures``, ``responsible``, ``completed``
    and ``result``, and the verification (``verified_by``, ``verified_on``, ``effective``).
    The source columns name the capa_feedback return that last reported on it."""

    __tablename__ = "capa_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)
    finding_id: Mapped[int | None] = mapped_column(ForeignKey("findings.id"), nullable=True, index=True)
    source: Mapped[str] = mapped_column(String(20), nullable=False)
    type: Mapped[str] = mapped_column(String(12), nullable=False)
    reason: Mapped[str] = mapped_column(String(20), nullable=False)
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), nullable=False, index=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), nullable=False, index=True)
    period: Mapped[str] = mapped_column(String(10), nullable=False, index=True)
    item_code: Mapped[str | None] = mapped_column(String(20), nullable=True)
    visit_no: Mapped[str | None] = mapped_column(String(40), nullable=True)
    complaint_nos: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    description: Mapped[str] = mapped_column(String(500), nullable=False)
    due: Mapped[dt.date] = mapped_column(Date, nullable=False)
    status: Mapped[str] = mapped_column(String(6), nullable=False, index=True)
    measures: Mapped[str | None] = mapped_column(String(500), nullable=True)
    responsible: Mapped[str | None] = mapped_column(String(50), nullable=True)
    completed: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    result: Mapped[str | None] = mapped_column(String(500), nullable=True)
    verified_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    verified_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    effective: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    raised_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=False), nullable=False)


class CapaCounter(Base):
    """The last action number used in ``year`` (numbers run per year and are never reused)."""

    __tablename__ = "capa_number_counters"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
