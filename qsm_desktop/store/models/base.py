"""Declarative base and the mixins every table shares (模型基类).

- :class:`VersionedMixin` — a ``version`` column used as SQLAlchemy's ``version_id_col``: a second
  save of a stale copy raises ``StaleDataError`` (turned into ``ConflictError`` by the services),
  so two people editing one record never lose an edit silently (DESIGN §6).
- :class:`SourceMixin` — where an imported record came from: the import batch, sheet and row
  (DESIGN §3: "traceable to file/sheet/cell").
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base of every model; constraint names are deterministic so migrations diff cleanly."""

    metadata = MetaData(naming_convention=NAMING)


class VersionedMixin:
    """Optimistic locking: ``version`` increases on every update (DESIGN §6)."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:  # noqa: N805 - SQLAlchemy declared_attr signature
        return {"version_id_col": cls.version}


class SourceMixin:
    """The import batch, sheet and 1-based row an imported record came from (None when entered by hand)."""

    @declared_attr
    def source_batch_id(cls) -> Mapped[int | None]:  # noqa: N805
        return mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"), nullable=True, index=True)

    source_sheet: Mapped[str | None] = mapped_column(String(100), nullable=True)
    source_row: Mapped[int | None] = mapped_column(Integer, nullable=True)
