"""Complaints register (投诉登记) and its reference data — DESIGN §9.

- :class:`ComplaintCodeRecord`: the classification values (``list``: channel 受理渠道,
  business_type 业务类型, cause 投诉原因), editable; seeded from ``db/seed/complaint_rules.toml``.
- :class:`DeadlineClassRecord` (处理时限): name, the category it applies to, days, whether the
  extension's approval must be recorded. Editable data; a case keeps the class it was filed under
  (its days are copied onto the complaint).
- :class:`Complaint`: one registered complaint of a branch's quarterly register (a newer register
  of the branch and quarter replaces it).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, SourceMixin, VersionedMixin


class ComplaintCodeRecord(Base):
    """A classification value: ``list`` (channel / business_type / cause), ``name``, order."""

    __tablename__ = "complaint_codes"
    __table_args__ = (UniqueConstraint("list", "name", name="uq_complaint_codes_list_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    list: Mapped[str] = mapped_column(String(20), nullable=False)
    name: Mapped[str] = mapped_column(String(40), nullable=False)
    name_en: Mapped[str | None] = mapped_column(String(200), nullable=True)  # English name (issue 14)
    sort_order: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class DeadlineClassRecord(VersionedMixin, Base):
    """A deadline class (复杂程度): ``name``, ``applies_to`` (客户投诉 / 内部投诉), ``days``,
    ``needs_approval`` and the ``approval_words`` that record the approval in 备注."""

    __tablename__ = "complaint_deadline_classes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20), unique=True, nullable=False)
    name_en: Mapped[str | None] = mapped_column(String(200), nullable=True)  # English name (issue 14)
    applies_to: Mapped[str] = mapped_column(String(10), nullable=False)
    days: Mapped[int] = mapped_column(Integer, nullable=False)
    needs_approval: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    approval_words: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    sort_order: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class Complaint(VersionedMixin, SourceMixin, Base):
    """A complaint (投诉): ``number`` (投诉编号, unique across the bank), the register's ``period``
    and reporting ``branch_id``, ``category``, ``received`` (受理日期), ``channel``,
    ``business_type``, ``cause``, the unit complained about (``target_id``), ``staff_no``,
    ``summary``, ``valid``, the deadline class it was filed under (``class_name``, ``class_days``),
    ``closed`` (办结日期), ``result`` and ``note`` (备注)."""

    __tablename__ = "complaints"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)
    period: Mapped[str] = mapped_column(String(10), nullable=False, index=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), nullable=False, index=True)
    category: Mapped[str] = mapped_column(String(10), nullable=False)
    received: Mapped[dt.date] = mapped_column(Date, nullable=False)
    channel: Mapped[str] = mapped_column(String(40), nullable=False)
    business_type: Mapped[str] = mapped_column(String(40), nullable=False)
    cause: Mapped[str] = mapped_column(String(40), nullable=False)
    target_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), nullable=False, index=True)
    staff_no: Mapped[str | None] = mapped_column(String(7), nullable=True)
    summary: Mapped[str | None] = mapped_column(String(500), nullable=True)
    valid: Mapped[bool] = mapped_column(Boolean, nullable=False)
    class_name: Mapped[str] = mapped_column(String(20), nullable=False)
    class_days: Mapped[int] = mapped_column(Integer, nullable=False)
    closed: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    result: Mapped[str | None] = mapped_column(String(200), nullable=True)
    note: Mapped[str | None] = mapped_column(String(500), nullable=True)
