"""Import batches (导入批次): one accepted return file each (DESIGN §3)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, DateTime, ForeignKey, Index, String, func, text
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
    ``slot`` tells apart returns of one kind, unit and period that stand side by side (a score
    sheet: its reviewer; empty otherwise). The database keeps at most one current (``imported``)
    batch per kind × org × period × slot and one batch per SHA-256, so two imports racing end in
    one batch (migration 0005, issue 11).
    """

    __tablename__ = "import_batches"
    __table_args__ = (
        Index("ix_import_batches_kind_org_period", "kind", "org_code", "period"),
        Index("uq_import_batches_sha256", "sha256", unique=True),
        Index("uq_import_batches_current", "kind", func.coalesce(text("org_code"), ""),
              func.coalesce(text("period"), ""), "slot", unique=True,
              sqlite_where=text("status = 'imported'"), postgresql_where=text("status = 'imported'")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(260), nullable=False)
    sha256: Mapped[str] = mapped_column(String(80), nullable=False)
    kind: Mapped[str] = mapped_column(String(40), nullable=False)
    org_code: Mapped[str | None] = mapped_column(String(6), nullable=True)
    period: Mapped[str | None] = mapped_column(String(10), nullable=True)
    imported_by: Mapped[str] = mapped_column(String(100), nullable=False)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=False), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default=BatchStatus.IMPORTED)
    row_count: Mapped[int] = mapped_column(nullable=False, default=0)
    superseded_by_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"), nullable=True)
    summary: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    slot: Mapped[str] = mapped_column(String(200), nullable=False, default="", server_default="")
