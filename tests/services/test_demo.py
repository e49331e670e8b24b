"""`qsm demo` builds the synthetic bank through the importers (issue 2 item 5)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from qsm_desktop import cli
from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.services.demo import build_demo
from qsm_desktop.services.demo.data import build_bank
from qsm_desktop.store.models import AuditEntry, ImportBatch, OrgUnit, Staff


def test_synthetic_bank_is_deterministic_and_sized():
    a, b = build_bank("small"), build_bank("small")
    assert [o.code for o in a.orgs] == [o.code for o in b.orgs]
    assert [s.name for s in a.rosters["110000"]][:20] == [s.name for s in b.rosters["110000"]][:20]
    assert len(a.branch_codes) == 10
    staff_nos = [s.staff_no for r in a.rosters.values() for s in r]
    assert len(staff_nos) == len(set(staff_nos))
    numbers = [s.number for r in a.rosters.values() for s in r if s.number]
    assert len(numbers) == len(set(numbers))


def test_demo_goes_through_the_importer(sqlite_services, actor, tmp_path):
    result = build_demo(sqlite_services, actor, "small", returns_dir=tmp_path / "returns")
    assert not result.reused and result.files >= 11  # org list + 10 certification returns + later features' steps
    assert sorted(p.name for p in (tmp_path / "returns").iterdir())[0].startswith("demo_certification_110000")
    with sqlite_services.read() as s:
        assert s.scalar(select(func.count()).select_from(OrgUnit)) == result.org_units
        assert s.scalar(select(func.count()).select_from(Staff)) == result.staff
        assert s.scalar(select(func.count()).select_from(ImportBatch)) == result.files
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.batch_id.is_not(None))) >= 11
    rates = sqlite_services.certification.rates(actor, result_date(), "000000")
    assert rates.all.members == result.staff and 0 < rates.all.certified < rates.all.members
    again = build_demo(sqlite_services, actor, "small")
    assert again.reused


def result_date():
    import datetime as dt

    return dt.date(2007, 12, 31)


def test_demo_refuses_a_real_database(sqlite_url, samples_dir, capsys):
    assert cli.main(["--db", sqlite_url, "import", str(samples_dir / "org_units.xlsx")]) == 0
    capsys.readouterr()
    assert cli.main(["--db", sqlite_url, "demo"]) == 1
    assert "空" in capsys.readouterr().err


def test_demo_unknown_scale(sqlite_services, actor):
    with pytest.raises(InputRefused):
        build_demo(sqlite_services, actor, "galaxy")
