"""Accounts (登录账户): who may log in, with which role and org scope — DESIGN §6, issue 12.

One row per person who logs in. ``login`` is the name typed at sign-in (on PostgreSQL also the
database login role's name); ``role`` one of ``admin``, ``ho_secretary``, ``branch_secretary``,
``reviewer``, ``viewer`` (管理员/总行秘书/分行秘书/评审专家/查看); ``org_code`` the 6-digit org
unit whose subtree the person works in (required for a branch secretary, optional for a viewer or
a reviewer — a reviewer's own unit, for conflicts of interest; ``None`` = the whole bank).
``password_hash`` is kept on SQLite only (:mod:`qsm_desktop.domain.passwords`); on PostgreSQL
the server holds the password and the column stays empty. A disabled account (``active`` false)
cannot sign in; accounts are never deleted, so the audit trail's logins keep their meaning.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, VersionedMixin


class Account(VersionedMixin, Base):
    """A login (登录账户): login, name, role, org scope, active, SQLite password hash, created/changed."""

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(63), unique=True, nullable=False)
    name: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    role: Mapped[str] = mapped_column(String(30), nullable=False)
    org_code: Mapped[str | None] = mapped_column(String(6), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    password_hash: Mapped[str | None] = mapped_column(String(200), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=False), nullable=False)
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=False), nullable=False)
