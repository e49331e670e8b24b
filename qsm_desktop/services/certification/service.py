"""Certification register (持证上岗) — rates, expiring certificates, the register (DESIGN §3.2).

Rates are members certified / members in the post category on a date, over a unit's whole
subtree, with the plan's target for that year (reference/plan_targets.toml: 2007 retail sales
40 %, the other categories 80 %; 2009 all 95 %). Rates are percent 0–100, rounded to 2 decimals
for display; members 0 gives rate ``None``. The rule itself (who is certified on a date, the rate,
the target in force) is :mod:`qsm_desktop.domain.certification`; its SQL form is ``store/queries.py``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import func, or_, select
from sqlalchemy.orm import aliased

from qsm_desktop.domain.certification import (
    EXPIRY_WARNING_DAYS,
    RegisterStatus,
    certificate_valid_on,
    rate_percent,
    target_in_force,
)
from qsm_desktop.domain.posts import CERT_RATE_METRIC, POST_CATEGORIES
from qsm_desktop.services.context import Actor, in_scope, require
from qsm_desktop.store import queries
from qsm_desktop.store.models import (
    Certificate, CertificateType, ImportBatch, OrgUnit, PlanTarget, Post, Staff, certificate_type_categories as ctc,
)

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services

__all__ = [
    "EXPIRY_WARNING_DAYS", "REGISTER_SORT_KEYS", "CategoryRate", "CertRates", "CertificateRecord", "CertificationService",
    "ExpiringCertificate", "PersonDetail", "RegisterQuery", "RegisterRow", "RegisterStatus", "rate_percent",
]


@dataclass(frozen=True)
class CategoryRate:
    """One post category's figures: members, certified, rate (percent 0–100) and target (percent or None)."""

    members: int
    certified: int
    rate: float | None
    target: float | None = None

    @property
    def gap(self) -> float | None:
        """rate − target in percentage points (negative = below target)."""
        return None if self.rate is None or self.target is None else round(self.rate - self.target, 2)


@dataclass(frozen=True)
class CertRates:
    """Rates of one unit's subtree on ``as_of`` per category code (teller, retail_sales, …) and overall."""

    as_of: dt.date
    unit: str
    unit_name: str
    categories: dict[str, CategoryRate]
    all: CategoryRate

    def to_json(self) -> dict:
        """The ``qsm cert-rate --json`` shape of DESIGN §7."""
        return {
            "as_of": self.as_of.isoformat(),
            "unit": self.unit,
            "categories": {
                code: {"members": r.members, "certified": r.certified, "rate": r.rate, "target": r.target}
                for code, r in self.categories.items()
            },
            "all": {"members": self.all.members, "certified": self.all.certified, "rate": self.all.rate},
        }


@dataclass(frozen=True)
class ExpiringCertificate:
    """A certificate whose last valid day falls within the warning window."""

    staff_no: str
    name: str
    unit_code: str
    unit_name: str
    certificate_type: str
    number: str
    expires: dt.date
    days_left: int


@dataclass(frozen=True)
class RegisterQuery:
    """Filter and sort of the register page.

    ``unit_code`` scopes to a subtree; ``text`` matches 工号 prefix or 姓名 substring; ``category``
    a post-category code; ``status`` a :class:`RegisterStatus` value; ``sort`` one of
    :data:`REGISTER_SORT_KEYS`; ``as_of`` the date statuses are computed for.
    """

    unit_code: str | None = None
    text: str = ""
    category: str | None = None
    status: str | None = None
    as_of: dt.date = field(default_factory=dt.date.today)
    sort: str = "staff_no"
    descending: bool = False


REGISTER_SORT_KEYS = ("staff_no", "name", "unit", "post", "status", "certificate", "expires")


@dataclass(frozen=True)
class RegisterRow:
    """One staff member in the register view."""

    staff_no: str
    name: str
    unit_code: str
    unit_name: str
    post: str
    category: str
    status: str
    certificate_number: str | None
    certificate_type: str | None
    expires: dt.date | None


@dataclass(frozen=True)
class CertificateRecord:
    """A certificate in a person's detail panel, with where it came from (file, sheet, row)."""

    number: str
    certificate_type: str
    level: str | None
    issued: dt.date | None
    expires: dt.date | None
    revoked_on: dt.date | None
    qualifies: bool
    valid: bool
    source_file: str | None
    source_sheet: str | None
    source_row: int | None


@dataclass(frozen=True)
class PersonDetail:
    """A staff member with their certificates (detail panel of the register)."""

    staff_no: str
    name: str
    unit_code: str
    unit_name: str
    post: str
    category: str
    in_post_from: dt.date | None
    in_post_to: dt.date | None
    source_file: str | None
    source_sheet: str | None
    source_row: int | None
    certificates: tuple[CertificateRecord, ...]


class CertificationService:
    """Certification rates and the register. Read-only; imports go through the return engine."""

    def __init__(self, services: Services):
        self._services = services

    # ------------------------------------------------------------------ targets
    def targets(self, year: int) -> dict[str, float | None]:
        """The plan's certification-rate target (percent) per category for ``year``.

        The target in force is the value for the latest plan year ≤ ``year`` (2008 keeps 2007's
        target until 2009's applies); before the first plan year, the first year's value.
        """
        with self._services.read() as session:
            rows = session.execute(
                select(PlanTarget.metric, PlanTarget.year, PlanTarget.value)
                .where(PlanTarget.metric.in_(CERT_RATE_METRIC.values()))
            ).all()
        by_metric: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for metric, y, value in rows:
            by_metric[metric].append((y, value))
        return {code: target_in_force(by_metric.get(metric, []), year) for code, metric in CERT_RATE_METRIC.items()}

    # ------------------------------------------------------------------ rates
    def _direct_counts(self, as_of: dt.date) -> tuple[list, dict[tuple[int, str], tuple[int, int]]]:
        with self._services.read() as session:
            units = session.execute(select(OrgUnit.id, OrgUnit.code, OrgUnit.name, OrgUnit.path)).all()
            rows = session.execute(
                select(Staff.org_unit_id, Post.category_code, func.count(), func.sum(queries.as_int(queries.certified_clause(as_of))))
                .join(Post, Post.id == Staff.post_id)
                .where(queries.in_post_clause(as_of))
                .group_by(Staff.org_unit_id, Post.category_code)
            ).all()
        return units, {(uid, cat): (n, int(c or 0)) for uid, cat, n, c in rows}

    def rates_by_unit(self, actor: Actor, as_of: dt.date, codes: list[str] | None = None) -> dict[str, CertRates]:
        """Rates for every unit (or the given ``codes``) over its subtree on ``as_of`` — one query, rolled up.
        Units outside ``actor``'s scope are left out (DESIGN §6)."""
        units, direct = self._direct_counts(as_of)
        targets = self.targets(as_of.year)
        by_id = {u.id: u for u in units}
        acc: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
        for (uid, cat), (n, c) in direct.items():
            unit = by_id[uid]
            for ancestor in (p for p in unit.path.split("/") if p):
                a = acc[ancestor][cat]
                a[0] += n
                a[1] += c
        names = {u.code: u.name for u in units}
        visible = {u.code for u in units if in_scope(actor, u.path)}  # a scoped actor: her subtree only (issue 12)
        wanted = [c for c in (codes if codes is not None else [u.code for u in units]) if c in visible or c not in names]
        result = {}
        for code in wanted:
            cats = acc.get(code, {})
            categories = {
                cat: CategoryRate(cats.get(cat, [0, 0])[0], cats.get(cat, [0, 0])[1],
                                  rate_percent(cats.get(cat, [0, 0])[1], cats.get(cat, [0, 0])[0]), targets.get(cat))
                for cat in POST_CATEGORIES
            }
            members = sum(r.members for r in categories.values())
            certified = sum(r.certified for r in categories.values())
            result[code] = CertRates(as_of, code, names.get(code, ""), categories,
                                     CategoryRate(members, certified, rate_percent(certified, members)))
        return result

    def rates(self, actor: Actor, as_of: dt.date, unit_code: str | None = None) -> CertRates:
        """Rates of ``unit_code``'s subtree (default: the actor's top unit) on ``as_of`` (DESIGN §3.2).

        Raises :class:`~qsm_desktop.domain.errors.NotFound` for an unknown code.
        """
        code = unit_code or self._services.orgs.root_code(actor)
        node = self._services.orgs.get(actor, code)  # NotFound for an unknown unit
        require(actor, "", write=False, org_path=node.path, org_code=code)  # outside one's scope: refused (issue 12)
        return self.rates_by_unit(actor, as_of, [code])[code]

    # ------------------------------------------------------------------ expiring
    def expiring(self, actor: Actor, as_of: dt.date, unit_code: str | None = None, days: int = EXPIRY_WARNING_DAYS) -> list[ExpiringCertificate]:
        """Valid certificates whose last valid day is within ``days`` after ``as_of``, soonest first."""
        code = unit_code or self._services.orgs.root_code(actor)
        unit = self._services.orgs.get(actor, code)
        require(actor, "", write=False, org_path=unit.path, org_code=code)  # outside one's scope: refused (issue 12)
        until = as_of + dt.timedelta(days=days)
        with self._services.read() as session:
            rows = session.execute(
                select(Staff.staff_no, Staff.name, OrgUnit.code, OrgUnit.name, CertificateType.name, Certificate.number, Certificate.expires)
                .join(Staff, Staff.id == Certificate.staff_id)
                .join(OrgUnit, OrgUnit.id == Staff.org_unit_id)
                .join(CertificateType, CertificateType.id == Certificate.type_id)
                .where(queries.subtree_clause(OrgUnit.path, unit.path), queries.in_post_clause(as_of),
                       queries.valid_on(as_of), Certificate.expires.is_not(None), Certificate.expires <= until)
                .order_by(Certificate.expires, Staff.staff_no)
            ).all()
        return [ExpiringCertificate(r[0], r[1], r[2], r[3], r[4], r[5], r[6], (r[6] - as_of).days) for r in rows]

    # ------------------------------------------------------------------ register
    def _register_select(self, q: RegisterQuery):
        status_expr = queries.register_status_expr(q.as_of, EXPIRY_WARNING_DAYS)
        best = aliased(Certificate)
        best_number = (
            select(best.number).join(ctc, ctc.c.certificate_type_id == best.type_id)
            .where(best.staff_id == Staff.id, ctc.c.category_code == Post.category_code)
            .order_by(best.expires.desc(), best.id.desc())
            .limit(1).correlate(Staff, Post).scalar_subquery()
        )
        best_type = (
            select(CertificateType.name).join(best, best.type_id == CertificateType.id)
            .join(ctc, ctc.c.certificate_type_id == best.type_id)
            .where(best.staff_id == Staff.id, ctc.c.category_code == Post.category_code)
            .order_by(best.expires.desc(), best.id.desc()).limit(1).correlate(Staff, Post).scalar_subquery()
        )
        best_expires = (
            select(func.max(best.expires)).join(ctc, ctc.c.certificate_type_id == best.type_id)
            .where(best.staff_id == Staff.id, ctc.c.category_code == Post.category_code)
            .correlate(Staff, Post).scalar_subquery()
        )
        columns = {
            "staff_no": Staff.staff_no, "name": Staff.name, "unit": OrgUnit.code, "post": Post.name,
            "status": status_expr, "certificate": best_number, "expires": best_expires,
        }
        stmt = (
            select(Staff.staff_no, Staff.name, OrgUnit.code, OrgUnit.name, Post.name, Post.category_code,
                   status_expr.label("status"), best_number.label("cert_no"), best_type.label("cert_type"),
                   best_expires.label("cert_expires"))
            .join(OrgUnit, OrgUnit.id == Staff.org_unit_id)
            .join(Post, Post.id == Staff.post_id)
            .where(queries.in_post_clause(q.as_of))
        )
        return stmt, columns, status_expr

    def _register_filters(self, session, actor: Actor, q: RegisterQuery, stmt, status_expr):
        unit_code = q.unit_code or (actor.org_scope or None)
        if unit_code:
            path = session.scalar(select(OrgUnit.path).where(OrgUnit.code == unit_code))
            if path is None:
                return stmt.where(False)
            require(actor, "", write=False, org_path=path, org_code=unit_code)  # another branch: refused (issue 12)
            stmt = stmt.where(queries.subtree_clause(OrgUnit.path, path))
        text = q.text.strip()
        if text:
            stmt = stmt.where(or_(Staff.staff_no.like(text + "%"), Staff.name.like("%" + text + "%")))
        if q.category:
            stmt = stmt.where(Post.category_code == q.category)
        if q.status:
            stmt = stmt.where(status_expr == q.status)
        return stmt

    def register_count(self, actor: Actor, q: RegisterQuery) -> int:
        """How many staff match ``q`` (for the view's row count)."""
        stmt, _, status_expr = self._register_select(q)
        with self._services.read() as session:
            stmt = self._register_filters(session, actor, q, stmt, status_expr)
            return session.scalar(select(func.count()).select_from(stmt.with_only_columns(Staff.id).subquery())) or 0

    def register_page(self, actor: Actor, q: RegisterQuery, offset: int = 0, limit: int = 200) -> list[RegisterRow]:
        """One page of the register: SQL filters, sorts and pages (smooth at 90,000 staff)."""
        stmt, columns, status_expr = self._register_select(q)
        key = columns.get(q.sort, Staff.staff_no)
        order = key.desc() if q.descending else key.asc()
        with self._services.read() as session:
            stmt = self._register_filters(session, actor, q, stmt, status_expr)
            rows = session.execute(stmt.order_by(order, Staff.staff_no).offset(offset).limit(limit)).all()
        return [RegisterRow(*r) for r in rows]

    def person(self, actor: Actor, staff_no: str, as_of: dt.date | None = None) -> PersonDetail | None:
        """A member's detail with every certificate and its source (file, sheet, row); ``None`` if
        unknown or outside ``actor``'s scope."""
        as_of = as_of or dt.date.today()
        with self._services.read() as session:
            row = session.execute(
                select(Staff, OrgUnit.code, OrgUnit.name, Post.name, Post.category_code, ImportBatch.file_name)
                .join(OrgUnit, OrgUnit.id == Staff.org_unit_id).join(Post, Post.id == Staff.post_id)
                .outerjoin(ImportBatch, ImportBatch.id == Staff.source_batch_id)
                .where(Staff.staff_no == staff_no)
            ).first()
            if row is None:
                return None
            staff, ucode, uname, post, category, sfile = row
            if actor.org_scope and not in_scope(actor, session.scalar(select(OrgUnit.path).where(OrgUnit.code == ucode))):
                return None  # someone outside her scope is unknown to her, as on PostgreSQL (issue 12)
            qualifying = set(session.scalars(select(ctc.c.certificate_type_id).where(ctc.c.category_code == category)))
            certs = session.execute(
                select(Certificate, CertificateType.name, ImportBatch.file_name)
                .join(CertificateType, CertificateType.id == Certificate.type_id)
                .outerjoin(ImportBatch, ImportBatch.id == Certificate.source_batch_id)
                .where(Certificate.staff_id == staff.id).order_by(Certificate.issued)
            ).all()
        records = tuple(
            CertificateRecord(
                c.number, tname, c.level, c.issued, c.expires, c.revoked_on, c.type_id in qualifying,
                certificate_valid_on(c.issued, c.expires, c.revoked_on, as_of), cfile, c.source_sheet, c.source_row,
            )
            for c, tname, cfile in certs
        )
        return PersonDetail(staff.staff_no, staff.name, ucode, uname, post, category, staff.in_post_from,
                            staff.in_post_to, sfile, staff.source_sheet, staff.source_row, records)
