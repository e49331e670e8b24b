"""Certificate types and certificates (持证上岗资格证书) — DESIGN §3.2, reference/certificate_types.toml."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Column, Date, ForeignKey, String, Table
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, SourceMixin, VersionedMixin

certificate_type_categories = Table(
    "certificate_type_categories",
    Base.metadata,
    Column("certificate_type_id", ForeignKey("certificate_types.id", ondelete="CASCADE"), primary_key=True),
    Column("category_code", ForeignKey("post_categories.code"), primary_key=True),
)
"""Which post categories a certificate type qualifies (a certificate of another category never counts)."""


class CertificateType(VersionedMixin, Base):
    """证书类型 — name, aliases accepted in returns, levels (初级/中级/高级) and validity in years."""

    __tablename__ = "certificate_types"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True, nullable=False)
    name_en: Mapped[str | None] = mapped_column(String(200), nullable=True)  # English name (issue 14)
    aliases: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    levels: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    levels_en: Mapped[list[str] | None] = mapped_column(JSON, nullable=True)  # English level names, same order
    validity_years: Mapped[int | None] = mapped_column(nullable=True)


class Certificate(VersionedMixin, SourceMixin, Base):
    """证书 — one post certificate held by one staff member; one 证书编号 belongs to one person.

    Counts as held on a date when issued on or before it, not expired (``expires`` is the last
    valid day; ``None`` = no expiry) and not revoked on or before it (DESIGN §3.2).
    """

    __tablename__ = "certificates"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(50), unique=True, nullable=False)
    type_id: Mapped[int] = mapped_column(ForeignKey("certificate_types.id"), nullable=False, index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), nullable=False, index=True)
    level: Mapped[str | None] = mapped_column(String(10), nullable=True)
    issued: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    expires: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    revoked_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str | None] = mapped_column(String(200), nullable=True)
