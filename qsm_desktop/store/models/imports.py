"""Import batches (导入批次): one accepted return file each (DESIGN §3)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, DateTime, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class BatchStatus:
    """Status values of :class:`ImportBatch`."""

    IMPORTED = "imported"
    SUPERSEDED = "superseded"


class ImportBatch(Base):
    """An imported return: file name, SHA-256 of its bytes, kind, org unit, period, who and when.

    A newer return for the same kind × org × period supersedes the older one: the older batch gets
    ``status = superseded`` and ``superseded_by_id``. The same SHA-256 again is ``unchanged``.
    """

    __tablename__ = "import_batches"
    __table_args__ = (Index("ix_import_batches_kind_org_period", "kind", "org_code", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(260), nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    kind: Mapped[str] = mapped_column(String(40), nullable=False)
    org_code: Mapped[str | None] = mapped_column(String(6), nullable=True)
    period: Mapped[str | None] = mapped_column(String(10), nullable=True)
    imported_by: Mapped[str] = mapped_column(String(100), nullable=False)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=False), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default=BatchStatus.IMPORTED)
    row_count: Mapped[int] = mapped_column(nullable=False, default=0)
    superseded_by_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"), nullable=True)
    summary: Mapped[dict | None] = mapped_column(JSON, nullable=True)
