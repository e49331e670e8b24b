"""The certification rule (domain/certification.py) and its SQL form (store/queries.py) agree — DESIGN §3.2."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from qsm_desktop.domain.certification import (
    CertificateTerm,
    RegisterStatus,
    back_in_post,
    certificate_valid_on,
    certified_on,
    in_post,
    joined_on,
    left_on,
    rate_percent,
    register_status,
    target_in_force,
)

D = dt.date


def test_in_post_is_inclusive_and_open_ended():
    assert in_post(None, None, D(2007, 12, 31))
    assert in_post(D(2007, 10, 1), D(2007, 12, 30), D(2007, 12, 30))
    assert not in_post(D(2007, 10, 1), D(2007, 12, 30), D(2007, 12, 31))
    assert not in_post(D(2008, 1, 1), None, D(2007, 12, 31))


def test_certificate_in_force_on_a_day():
    on = D(2007, 12, 31)
    assert certificate_valid_on(D(2007, 12, 31), None, None, on)           # issued that day
    assert not certificate_valid_on(D(2008, 1, 1), None, None, on)         # not yet issued
    assert certificate_valid_on(None, D(2007, 12, 31), None, on)           # last valid day
    assert not certificate_valid_on(None, D(2007, 12, 30), None, on)       # expired
    assert not certificate_valid_on(None, None, D(2007, 12, 31), on)       # revoked that day
    assert certificate_valid_on(None, None, D(2008, 1, 1), on)             # revoked later


def test_certified_and_register_status():
    on = D(2007, 12, 31)
    valid = CertificateTerm(D(2006, 1, 1), D(2010, 1, 1))
    soon = CertificateTerm(D(2006, 1, 1), D(2008, 2, 1))
    old = CertificateTerm(D(2003, 1, 1), D(2006, 1, 1))
    assert certified_on([old, valid], on) and not certified_on([old], on) and not certified_on([], on)
    assert register_status([valid], on) == RegisterStatus.CERTIFIED
    assert register_status([soon], on) == RegisterStatus.EXPIRING
    assert register_status([soon, valid], on) == RegisterStatus.CERTIFIED
    assert register_status([old], on) == RegisterStatus.EXPIRED
    assert register_status([CertificateTerm(D(2008, 3, 1), None)], on) == RegisterStatus.NONE
    assert register_status([], on) == RegisterStatus.NONE


def test_roster_dates_of_a_return():
    end, start = D(2007, 12, 31), D(2007, 10, 1)
    assert left_on(end) == D(2007, 12, 30)
    assert joined_on(start, roster_known=True) == start
    assert joined_on(start, roster_known=False) is None
    assert back_in_post(None, start, end) == {}
    assert back_in_post(end, start, end) == {}
    assert back_in_post(D(2007, 11, 1), start, end) == {"in_post_to": None}
    assert back_in_post(D(2007, 6, 29), start, end) == {"in_post_to": None, "in_post_from": start}
    assert back_in_post(D(2007, 6, 29), start, None) == {}


def test_rate_and_target_in_force():
    assert rate_percent(1, 3) == 33.33 and rate_percent(0, 0) is None
    plan = [(2009, 95.0), (2007, 80.0)]
    assert target_in_force(plan, 2008) == 80.0
    assert target_in_force(plan, 2009) == 95.0
    assert target_in_force(plan, 2006) == 80.0
    assert target_in_force([], 2007) is None


@pytest.mark.parametrize("on", [D(2007, 6, 30), D(2007, 12, 31), D(2008, 3, 1), D(2010, 1, 1)])
def test_the_sql_form_says_the_same(sqlite_services, on):
    """Staff with qualifying, non-qualifying, expiring, expired and revoked certificates: the register
    status and "certified" computed in SQL equal the domain functions."""
    from qsm_desktop.store import queries
    from qsm_desktop.store.models import (
        Certificate, CertificateType, OrgUnit, Post, Staff, certificate_type_categories as ctc,
    )

    with sqlite_services.unit_of_work() as session:
        unit = OrgUnit(code="999999", name="测试网点", type="网点", path="/999999/", status="正常", version=1)
        session.add(unit)
        session.flush()
        post = session.scalars(select(Post).order_by(Post.id)).first()
        qualifying = set(session.scalars(select(ctc.c.certificate_type_id).where(ctc.c.category_code == post.category_code)))
        types = list(session.scalars(select(CertificateType.id).order_by(CertificateType.id)))
        good = next(t for t in types if t in qualifying)
        other = next(t for t in types if t not in qualifying)
        cases = [
            [(good, D(2006, 1, 1), D(2010, 12, 31), None)],
            [(good, D(2006, 1, 1), D(2008, 2, 1), None)],
            [(good, D(2003, 1, 1), D(2006, 1, 1), None)],
            [(good, D(2006, 1, 1), None, D(2007, 12, 31))],
            [(other, D(2006, 1, 1), None, None)],
            [(good, D(2007, 12, 1), None, None), (good, D(2003, 1, 1), D(2007, 6, 30), None)],
            [],
        ]
        expected = {}
        for i, certificates in enumerate(cases):
            staff = Staff(staff_no=f"99000{i:02d}", name=f"测试{i}", org_unit_id=unit.id, post_id=post.id, version=1)
            session.add(staff)
            session.flush()
            for j, (type_id, issued, expires, revoked) in enumerate(certificates):
                session.add(Certificate(number=f"T{i}-{j}", type_id=type_id, staff_id=staff.id, issued=issued,
                                        expires=expires, revoked_on=revoked, version=1))
            terms = [CertificateTerm(issued, expires, revoked) for type_id, issued, expires, revoked in certificates
                     if type_id in qualifying]
            expected[staff.staff_no] = (register_status(terms, on), certified_on(terms, on))
    with sqlite_services.read() as session:
        rows = session.execute(
            select(Staff.staff_no, queries.register_status_expr(on), queries.as_int(queries.certified_clause(on)))
            .join(Post, Post.id == Staff.post_id).where(Staff.staff_no.like("9900%"))
        ).all()
    assert {r[0]: (r[1], bool(r[2])) for r in rows} == expected
