"""Helpers of the scope tests (issue 12 item 4, DESIGN §6): the head office's data and a
branch secretary of 310000 who acts through the services — on SQLite as an application actor, on
PostgreSQL as her own database login (row-level security then filters too).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

import pg

BRANCH_PW = "branch-pass-310"


@dataclass
class BranchOffice:
    """``ho``/``ho_actor``: the head office's services and actor; ``branch``/``li``: the branch
    secretary's services (her own login on PostgreSQL) and actor (scope 310000)."""

    ho: object
    ho_actor: object
    branch: object
    li: object
    postgres: bool


def import_ok(services, actor, paths) -> list:
    """Import ``paths`` as ``actor``, asserting every file was imported."""
    results = services.imports.import_files([Path(p) for p in paths], actor)
    bad = [(r.file, r.status, [str(p) for p in r.problems][:5]) for r in results if r.status != "imported"]
    assert not bad, bad
    return results


def branch_secretary(services, db_url: str, org: str = "310000", suffix: str = "li") -> tuple[object, object]:
    """(services, actor) of a branch secretary of ``org``: on SQLite ``services`` itself and an actor;
    on PostgreSQL a login ``<database>_<suffix>`` created by the superuser, signed in."""
    from qsm_desktop.services.accounts import sign_in
    from qsm_desktop.services.bundle import build_services
    from qsm_desktop.services.context import Actor, Role

    if not db_url.startswith("postgresql"):
        return services, Actor(suffix, Role.BRANCH_SECRETARY, org)
    name = make_url(db_url).database
    su_url = make_url(pg.server_url()).set(database=name).render_as_string(hide_password=False)
    su = build_services(su_url)
    try:
        su.accounts.add(sign_in(su, manage=True), f"{name}_{suffix}", "branch_secretary", password=BRANCH_PW, org=org)
    finally:
        su.dispose()
    mine = build_services(pg.login_url(db_url, f"{name}_{suffix}", BRANCH_PW))
    return mine, sign_in(mine)
