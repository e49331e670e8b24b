"""Fixtures of the security tests: a branch office (:mod:`scope_office`, tests/scope_office.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from scope_office import BranchOffice, branch_secretary, import_ok


@pytest.fixture
def branch_office(services, actor, db_url, samples_dir) -> Iterator[BranchOffice]:
    """The org list and the certification returns of 310000 and 110000 imported by the head office,
    and a branch secretary of 310000 (module docstring)."""
    import_ok(services, actor, [samples_dir / "org_units.xlsx", samples_dir / "certification_310000_2007Q4.xlsx",
                                samples_dir / "certification_110000_2007Q4.xlsx"])
    mine, li = branch_secretary(services, db_url)
    yield BranchOffice(services, actor, mine, li, db_url.startswith("postgresql"))
    if mine is not services:
        mine.dispose()
