"""Every table that holds org-scoped rows is listed for row-level security (issue 12, DESIGN §6).

A new table with an org unit (``org_units`` foreign key or an ``org_code``), or hanging off a
scoped table, must be added to ``store.security.SCOPED_TABLES`` (with its policy) or to
``BANKWIDE_TABLES`` (with the reason its rows are readable bank-wide) — later visits and
complaints included.
"""

from __future__ import annotations

from qsm_desktop.store import security
from qsm_desktop.store.models import Base


def _needs_a_decision(table) -> bool:
    if "org_code" in table.c:
        return True
    for fk in table.foreign_keys:
        if fk.parent.name == "source_batch_id":  # provenance of an imported row, not its scope
            continue
        if fk.column.table.name == "org_units" or fk.column.table.name in security.SCOPED_TABLES:
            return True
    return False


def test_every_org_scoped_table_is_scoped_or_declared_bank_wide():
    tables = Base.metadata.tables
    undecided = sorted(name for name, table in tables.items() if _needs_a_decision(table)
                       and name not in security.SCOPED_TABLES and name not in security.BANKWIDE_TABLES)
    assert not undecided, f"add these to store.security.SCOPED_TABLES or BANKWIDE_TABLES: {undecided}"
    assert set(security.SCOPED_TABLES) <= set(tables) and set(security.BANKWIDE_TABLES) <= set(tables)
    assert not set(security.SCOPED_TABLES) & set(security.BANKWIDE_TABLES)


def test_every_table_is_audited_once():
    """The audit of DESIGN §6 covers the whole schema: each table is row-level secured, or bank-wide
    with a reason, or reference data with a reason — one of the three, never two."""
    lists = (security.SCOPED_TABLES, security.BANKWIDE_TABLES, security.REFERENCE_TABLES)
    tables = set(Base.metadata.tables) | {"alembic_version"}
    unlisted = sorted(t for t in tables if not any(t in listed for listed in lists))
    assert not unlisted, f"say in store.security which list these belong to, and why: {unlisted}"
    twice = sorted(t for t in tables if sum(t in listed for listed in lists) > 1)
    assert not twice, twice
    assert set(security.REFERENCE_TABLES) <= tables
    # a reference table holds no unit's rows: no org column, no key to a scoped table
    holding_units = sorted(t for t in security.REFERENCE_TABLES if t in Base.metadata.tables
                           and _needs_a_decision(Base.metadata.tables[t]))
    assert not holding_units, holding_units
    # evaluation results and the quarter's state are under row-level security (issue 12's residual)
    assert {"evaluation_periods", "unit_scores", "indicator_scores"} <= set(security.SCOPED_TABLES)


def test_role_names_fit_postgres_and_follow_the_database():
    names = security.RoleNames.for_database("qsm")
    assert names.owner == "qsm_owner" and names.groups["branch_secretary"] == "qsm_branch_secretary"
    long = security.RoleNames.for_database("Office-DB " + "x" * 80)
    assert all(len(n) <= 63 and n == n.lower() for n in long.all)
    assert long.prefix != security.RoleNames.for_database("Office-DB " + "x" * 81).prefix
