"""Org units (机构): the tree 总行 → 总行部门 / 分行 → 支行 → 网点 (DESIGN §2, return §3.1)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from qsm_desktop.domain.orgs import OrgStatus, OrgType  # noqa: F401  (the vocabulary lives in the domain)

from .base import Base, SourceMixin, VersionedMixin


class OrgUnit(VersionedMixin, SourceMixin, Base):
    """An org unit (机构) with its 6-digit code (机构代码).

    ``path`` is the materialised path of codes from the root, e.g. ``/000000/110000/110100/``, so
    a subtree is ``path LIKE '/…/110000/%'`` in any SQL dialect.
    """

    __tablename__ = "org_units"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(6), unique=True, nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    type: Mapped[str] = mapped_column(String(10), nullable=False)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id"), nullable=True, index=True)
    path: Mapped[str] = mapped_column(String(400), nullable=False, index=True)
    region: Mapped[str | None] = mapped_column(String(100), nullable=True)
    status: Mapped[str] = mapped_column(String(10), nullable=False, default=OrgStatus.ACTIVE.value)

    parent: Mapped[OrgUnit | None] = relationship(remote_side="OrgUnit.id", lazy="raise")
