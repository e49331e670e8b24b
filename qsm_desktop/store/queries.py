"""Reusable SQL expressions (查询片段) shared by the services — written once, used everywhere.

The certification rule of DESIGN §3.2 is :mod:`qsm_desktop.domain.certification`; this module is
its SQL form and must say exactly the same: :func:`in_post_clause` is ``in_post``,
:func:`valid_on` is ``certificate_valid_on``, :func:`certified_clause` is ``certified_on`` and
:func:`register_status_expr` is ``register_status`` (tests/domain/test_certification.py compares
them on a database).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, case, exists, or_, select
from sqlalchemy.sql.elements import ColumnElement

from qsm_desktop.domain.certification import EXPIRY_WARNING_DAYS, RegisterStatus
from qsm_desktop.store.models import Certificate, Post, Staff, certificate_type_categories as ctc


def in_post_clause(as_of: dt.date) -> ColumnElement[bool]:
    """Staff on the roster on ``as_of`` (in_post_from/to inclusive, NULL = open): ``domain.certification.in_post``."""
    return and_(
        or_(Staff.in_post_from.is_(None), Staff.in_post_from <= as_of),
        or_(Staff.in_post_to.is_(None), Staff.in_post_to >= as_of),
    )


def valid_on(as_of: dt.date) -> ColumnElement[bool]:
    """A certificate in force on ``as_of``: issued, not expired, not revoked (``domain.certification.certificate_valid_on``)."""
    return and_(
        or_(Certificate.issued.is_(None), Certificate.issued <= as_of),
        or_(Certificate.expires.is_(None), Certificate.expires >= as_of),
        or_(Certificate.revoked_on.is_(None), Certificate.revoked_on > as_of),
    )


def qualifying_certificates(*conditions: ColumnElement[bool]):
    """EXISTS a certificate of the staff row that qualifies for its post's category and meets ``conditions``.

    The enclosing query must select from ``Staff`` joined to ``Post``; both are correlated.
    """
    return exists(
        select(Certificate.id)
        .join(ctc, ctc.c.certificate_type_id == Certificate.type_id)
        .where(Certificate.staff_id == Staff.id, ctc.c.category_code == Post.category_code, *conditions)
    )


def certified_clause(as_of: dt.date) -> ColumnElement[bool]:
    """Certified on ``as_of``: EXISTS a qualifying certificate valid on that day (DESIGN §3.2)."""
    return qualifying_certificates(valid_on(as_of))


def expired_clause(as_of: dt.date) -> ColumnElement[bool]:
    """EXISTS a qualifying certificate that expired or was revoked before ``as_of``."""
    return qualifying_certificates(or_(Certificate.expires < as_of, Certificate.revoked_on <= as_of))


def expiring_clause(as_of: dt.date, days: int = EXPIRY_WARNING_DAYS) -> ColumnElement[bool]:
    """Certified on ``as_of`` but no qualifying certificate still valid ``days`` later."""
    later = as_of + dt.timedelta(days=days)
    return and_(certified_clause(as_of), ~qualifying_certificates(valid_on(as_of), valid_on(later)))


def as_int(clause: ColumnElement[bool]) -> ColumnElement[int]:
    """1/0 for a boolean clause, portable across SQLite and PostgreSQL (for SUM)."""
    return case((clause, 1), else_=0)


def subtree_clause(path_column, path: str) -> ColumnElement[bool]:
    """Rows whose materialised path lies in the subtree of ``path`` (``/…/code/``)."""
    return path_column.like(path + "%")


def register_status_expr(as_of: dt.date, days: int = EXPIRY_WARNING_DAYS):
    """The register status of a staff row on ``as_of`` as SQL: certified / expiring / expired / none
    (``domain.certification.register_status``)."""
    return case(
        (expiring_clause(as_of, days), RegisterStatus.EXPIRING),
        (certified_clause(as_of), RegisterStatus.CERTIFIED),
        (expired_clause(as_of), RegisterStatus.EXPIRED),
        else_=RegisterStatus.NONE,
    )
