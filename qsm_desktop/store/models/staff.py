"""Posts, post categories and staff (岗位、岗位类别、员工) — DESIGN §3.2."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, SourceMixin, VersionedMixin


class PostCategory(Base):
    """岗位类别 — a post category the plan sets a certification target for.

    Codes: ``teller`` 柜员 · ``retail_sales`` 个金销售服务人员 · ``corporate`` 对公客户经理 ·
    ``international`` 国际业务产品经理 · ``processing`` 业务处理人员 (DESIGN §1, §3.2).
    """

    __tablename__ = "post_categories"

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(50), nullable=False)
    name_en: Mapped[str | None] = mapped_column(String(200), nullable=True)  # English name (issue 14)
    sort_order: Mapped[int] = mapped_column(default=0)


class Post(Base):
    """岗位 — a post name as written in returns, mapped to its category (e.g. 大堂经理 → retail_sales)."""

    __tablename__ = "posts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True, nullable=False)
    name_en: Mapped[str | None] = mapped_column(String(200), nullable=True)  # English name (issue 14)
    category_code: Mapped[str] = mapped_column(ForeignKey("post_categories.code"), nullable=False, index=True)


class Staff(VersionedMixin, SourceMixin, Base):
    """员工 — a front-line staff member with a 7-digit 工号, current unit and post.

    ``in_post_from``/``in_post_to`` bound the time the member is on the unit's roster (both
    inclusive; ``None`` = open). A member missing from a newer certification return of the unit
    leaves at that period's end (DESIGN §3.2).
    """

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_no: Mapped[str] = mapped_column(String(7), unique=True, nullable=False)
    name: Mapped[str] = mapped_column(String(50), nullable=False)
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), nullable=False, index=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"), nullable=False, index=True)
    in_post_from: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    in_post_to: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str | None] = mapped_column(String(200), nullable=True)
