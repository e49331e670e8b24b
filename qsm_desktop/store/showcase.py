"""Showcase look-ups and writes shared by the return kinds and the service (示范窗口数据访问).

- :func:`default_sheet` — the bundled default score sheet (``db/seed/score_sheet_default.toml``);
- :func:`find_cycle` / :func:`create_cycle` — award cycles by year × level; the first application
  for a year × level creates its cycle from the default sheet (DESIGN §5);
- :func:`branch_map` — each org code's branch (分行) code from the org tree, for conflicts of
  interest (DESIGN §5: head-office departments belong to no branch);
- :func:`office_secret` — the office's random HMAC key for certificate check values, created
  once per database.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Mapping
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from qsm_desktop.domain.showcase import DEFAULT_NUMBER_PATTERN, AwardLevel, ScoreSheetTemplate, branch_map_from_parents
from qsm_desktop.store.models import OrgUnit
from qsm_desktop.store.models.showcase import ShowcaseCycle, ShowcaseSecret
from qsm_desktop.store.seed import seed_file

DEFAULT_SHEET_FILE = "score_sheet_default.toml"
DEFAULT_ISSUER = "交通银行服务质量管理委员会"
DEFAULT_REINSPECTION_YEARS = 2


@lru_cache(maxsize=1)
def default_sheet() -> ScoreSheetTemplate:
    """The default 100-point on-site score sheet (行内标准), read from the bundled seed TOML."""
    return ScoreSheetTemplate.from_toml(seed_file(DEFAULT_SHEET_FILE))


def default_title(year: int, level: AwardLevel | str) -> str:
    """The award title a new cycle starts with, e.g. ``2007年度交通银行总行级文明规范服务示范窗口``
    (the secretary replaces it by the official title when it is announced)."""
    return f"{year}年度交通银行{AwardLevel(level).value}文明规范服务示范窗口"


def find_cycle(session: Session, year: int, level: AwardLevel | str) -> ShowcaseCycle | None:
    """The cycle of ``year`` × ``level``, or ``None``."""
    return session.scalar(select(ShowcaseCycle).where(ShowcaseCycle.year == year,
                                                      ShowcaseCycle.level == AwardLevel(level).value))


def create_cycle(session: Session, year: int, level: AwardLevel | str, *, now: dt.datetime,
                 sheet: ScoreSheetTemplate | None = None) -> ShowcaseCycle:
    """Create (and flush) the cycle of ``year`` × ``level`` from ``sheet`` (default: the bundled
    default sheet), with the default title, number pattern and issuing body. The caller audits."""
    level = AwardLevel(level)
    cycle = ShowcaseCycle(
        year=year, level=level.value, title=default_title(year, level), sheet=(sheet or default_sheet()).to_mapping(),
        required_attachments=[], number_pattern=DEFAULT_NUMBER_PATTERN, issuing_body=DEFAULT_ISSUER,
        reinspection_years=DEFAULT_REINSPECTION_YEARS, created_at=now,
    )
    session.add(cycle)
    session.flush()
    return cycle


def cycle_sheet(cycle: ShowcaseCycle) -> ScoreSheetTemplate:
    """The cycle's score sheet as a domain object."""
    return ScoreSheetTemplate.from_mapping(cycle.sheet)


def branch_map(session: Session) -> dict[str, str | None]:
    """Org code → its branch's code (``None`` for head office, its departments and anything not
    under a 分行), from the org tree."""
    rows = session.execute(select(OrgUnit.id, OrgUnit.code, OrgUnit.parent_id, OrgUnit.type)).all()
    code_by_id = {r.id: r.code for r in rows}
    return branch_map_from_parents({r.code: (code_by_id.get(r.parent_id), r.type) for r in rows})


def branch_map_from_orgs(orgs: Mapping[str, object]) -> dict[str, str | None]:
    """:func:`branch_map` from the import engine's cached org tree (code → ``OrgInfo``)."""
    return branch_map_from_parents({code: (o.parent_code, o.type) for code, o in orgs.items()})  # type: ignore[attr-defined]


def office_secret(session: Session, *, now: dt.datetime | None = None) -> bytes:
    """The office's secret key for certificate check values (32 random bytes), created on first
    use and kept in the database (so every workstation of a shared database agrees)."""
    key = session.scalar(select(ShowcaseSecret.key).order_by(ShowcaseSecret.id).limit(1))
    if key is None:
        key = secrets.token_bytes(32)
        session.add(ShowcaseSecret(key=key, created_at=(now or dt.datetime.now()).replace(microsecond=0)))
        session.flush()
    return bytes(key)
