"""Storing and loading indicator systems (指标体系的存取) — the repository of DESIGN §4's systems.

A stored version is immutable: :func:`insert_system` writes a new version (categories,
indicators with their rule parameters, grade bands) and nothing here ever updates one, so a
version that has scores is never rewritten — an edit is a new version. :func:`load_system`
rebuilds the domain :class:`~qsm_desktop.domain.indicators.IndicatorSystem` (validated).
:func:`seed_default_system` puts ``db/seed/indicator_system_2007.toml`` into a database that
does not have that version yet (called by :func:`qsm_desktop.store.seed.seed_reference_data`).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qsm_desktop import paths
from qsm_desktop.domain.indicators import (
    Category,
    GradeBand,
    IndicatorSystem,
    load_toml,
    system_from_mapping,
)
from qsm_desktop.store.models.evaluation import (
    GradeBandRecord,
    IndicatorCategoryRecord,
    IndicatorRecord,
    IndicatorSystemRecord,
)

DEFAULT_SYSTEM_FILE = "indicator_system_2007.toml"
SEED_USER = "seed"


def default_system() -> IndicatorSystem:
    """The 2007 system as shipped (``db/seed/indicator_system_2007.toml``), validated."""
    return load_toml(paths.data_dir("db") / "seed" / DEFAULT_SYSTEM_FILE)


def insert_system(session: Session, system: IndicatorSystem, *, created_by: str,
                  based_on_id: int | None = None, note: str | None = None,
                  now: dt.datetime | None = None) -> int:
    """Write ``system`` (already validated by the caller) as a new stored version; return its id.

    The caller's transaction; the unique (name, version) constraint refuses a duplicate label
    (``IntegrityError``) — services check first and say so in words.
    """
    record = IndicatorSystemRecord(
        name=system.name, name_en=system.name_en or None, system_version=system.version, effective_from=system.effective_from,
        based_on_id=based_on_id, note=note, created_by=created_by,
        created_at=(now or dt.datetime.now()).replace(microsecond=0),
    )
    session.add(record)
    session.flush()
    for order, category in enumerate(system.categories):
        session.add(IndicatorCategoryRecord(system_id=record.id, code=category.code, name=category.name,
                                            name_en=category.name_en or None,
                                            applies_to=category.applies_to, sort_order=order))
    for order, ind in enumerate(system.indicators):
        params = ind.rule.to_mapping()
        kind = str(params.pop("kind"))
        session.add(IndicatorRecord(system_id=record.id, code=ind.code, category_code=ind.category, name=ind.name,
                                    name_en=ind.name_en or None,
                                    unit=ind.unit, direction=ind.direction, weight=float(ind.weight),
                                    source=ind.source, rule_kind=kind, rule=params, sort_order=order))
    for band in system.grades:
        session.add(GradeBandRecord(system_id=record.id, name=band.name, name_en=band.name_en or None,
                                    min_total=float(band.min)))
    session.flush()
    return record.id


def system_mapping(session: Session, system_id: int) -> dict:
    """The stored version as the TOML structure (what :func:`system_from_mapping` reads)."""
    record = session.get(IndicatorSystemRecord, system_id)
    if record is None:
        raise KeyError(system_id)
    categories = session.scalars(select(IndicatorCategoryRecord).where(IndicatorCategoryRecord.system_id == system_id)
                                 .order_by(IndicatorCategoryRecord.sort_order, IndicatorCategoryRecord.id)).all()
    indicators = session.scalars(select(IndicatorRecord).where(IndicatorRecord.system_id == system_id)
                                 .order_by(IndicatorRecord.sort_order, IndicatorRecord.id)).all()
    grades = session.scalars(select(GradeBandRecord).where(GradeBandRecord.system_id == system_id)
                             .order_by(GradeBandRecord.min_total.desc())).all()
    return {
        "name": record.name,
        "name_en": record.name_en or "",
        "version": record.system_version,
        "effective_from": record.effective_from,
        "grades": [{"name": g.name, "name_en": g.name_en or "", "min": g.min_total} for g in grades],
        "categories": [{"code": c.code, "name": c.name, "name_en": c.name_en or "", "applies_to": c.applies_to} for c in categories],
        "indicators": [
            {"code": i.code, "category": i.category_code, "name": i.name, "name_en": i.name_en or "", "unit": i.unit, "direction": i.direction,
             "weight": i.weight, "source": i.source, "rule": {"kind": i.rule_kind, **(i.rule or {})}}
            for i in indicators
        ],
    }


def load_system(session: Session, system_id: int) -> IndicatorSystem:
    """Rebuild stored version ``system_id`` as a validated domain system (``KeyError`` if absent)."""
    return system_from_mapping(system_mapping(session, system_id), source=f"system {system_id}")


def system_id_for_period(session: Session, period_end: dt.date) -> int | None:
    """The id of the system version in force for a period ending on ``period_end``: the latest
    ``effective_from`` on or before that day (several versions with the same date: the newest
    stored). ``None`` when no version was in force yet."""
    return session.scalar(
        select(IndicatorSystemRecord.id).where(IndicatorSystemRecord.effective_from <= period_end)
        .order_by(IndicatorSystemRecord.effective_from.desc(), IndicatorSystemRecord.id.desc()).limit(1)
    )


def first_effective_from(session: Session) -> dt.date | None:
    """The earliest ``effective_from`` of any stored version (``None`` when none is stored) — for
    saying from when systems apply when a period has none in force."""
    return session.scalar(select(func.min(IndicatorSystemRecord.effective_from)))


def seed_default_system(session: Session) -> int | None:
    """Insert the shipped 2007 system unless a version with its name and version label exists
    (idempotent; the office's own versions are never touched). Returns the new id or ``None``."""
    system = default_system()
    exists = session.scalar(select(IndicatorSystemRecord.id).where(
        IndicatorSystemRecord.name == system.name, IndicatorSystemRecord.system_version == system.version))
    if exists is not None:
        return None
    return insert_system(session, system, created_by=SEED_USER, note=DEFAULT_SYSTEM_FILE)


__all__ = [
    "Category", "DEFAULT_SYSTEM_FILE", "GradeBand", "default_system", "first_effective_from", "insert_system", "load_system",
    "seed_default_system", "system_id_for_period", "system_mapping",
]
