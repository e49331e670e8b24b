"""Reference data and look-ups of the improvement loop (监测与整改参考数据) — DESIGN §8, §9.

Seeding (:func:`seed_monitoring`, called by :func:`qsm_desktop.store.seed.seed_reference_data`)
inserts only what is missing — the 2007 checklists (``db/seed/checklists_2007.toml``), the
complaint classification and deadline classes (``db/seed/complaint_rules.toml``) and the office
settings of the loop — so a later ``qsm db upgrade`` never undoes the office's edits.

Look-ups return domain objects: :func:`load_checklists` (every edition with its id),
:func:`load_complaint_rules`, :func:`load_settings`.
"""

from __future__ import annotations

import tomllib
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qsm_desktop import paths
from qsm_desktop.domain.complaints import ComplaintRules, DeadlineClass
from qsm_desktop.domain.monitoring.checklists import Checklist, ChecklistItem, ChecklistModule
from qsm_desktop.store.models.complaints import ComplaintCodeRecord, DeadlineClassRecord
from qsm_desktop.store.models.monitoring import (
    ChecklistItemRecord,
    ChecklistModuleRecord,
    ChecklistRecord,
    MonitoringSetting,
)

__all__ = ["CODE_LISTS", "DEFAULT_SETTINGS", "insert_checklist", "insert_checklist_modules", "load_checklists", "load_complaint_rules",
           "load_settings", "seed_monitoring"]

DEFAULT_SETTINGS: dict[str, Any] = {
    "corrective_days": 30,
    "preventive_days": 60,
    "systemic_outlets": 3,
    "complaint_repeat_threshold": 3,
    "action_number_pattern": "ZG{year}-{seq:04d}",
}
"""The office settings of the loop (DESIGN §8.4, §8.5, §9.3) and their seeded values."""

CODE_LISTS = {"channel": "channels", "business_type": "business_types", "cause": "causes"}
"""Classification list → its key in ``complaint_rules.toml``."""


def insert_checklist(session: Session, checklist: Checklist) -> int:
    """Write a checklist edition with its modules and items; returns its id (no checks here)."""
    record = ChecklistRecord(name=checklist.name, label=checklist.label, effective_from=checklist.effective_from)
    session.add(record)
    session.flush()
    insert_checklist_modules(session, record.id, checklist)
    return record.id


def insert_checklist_modules(session: Session, checklist_id: int, checklist: Checklist) -> None:
    """Write ``checklist``'s modules and items under the stored edition ``checklist_id``."""
    for m_order, module in enumerate(checklist.modules):
        m = ChecklistModuleRecord(checklist_id=checklist_id, code=module.code, name=module.name, norm=module.norm,
                                  sort_order=m_order)
        session.add(m)
        session.flush()
        session.add_all(ChecklistItemRecord(module_id=m.id, code=i.code, dimension=i.dimension, points=i.points,
                                            critical=i.critical, text=i.text, text_en=i.text_en,
                                            sort_order=order)
                        for order, i in enumerate(module.items))
    session.flush()


def _seed_toml(name: str) -> dict:
    """A bundled seed file of ``db/seed`` (``checklists_2007.toml``, ``complaint_rules.toml``)."""
    with (paths.data_dir("db") / "seed" / name).open("rb") as fh:
        return tomllib.load(fh)


def seed_monitoring(session: Session) -> None:
    """Insert the missing checklist edition, classification values, deadline classes and settings."""
    checklist = Checklist.from_mapping(_seed_toml("checklists_2007.toml"))
    have = set(session.execute(select(ChecklistRecord.name, ChecklistRecord.label)).all())
    if (checklist.name, checklist.label) not in have:
        insert_checklist(session, checklist)

    rules = _seed_toml("complaint_rules.toml")
    have_codes = set(session.execute(select(ComplaintCodeRecord.list, ComplaintCodeRecord.name)).all())
    for list_name, key in CODE_LISTS.items():
        for order, name in enumerate(rules.get(key, ())):
            if (list_name, name) not in have_codes:
                session.add(ComplaintCodeRecord(list=list_name, name=name, sort_order=order))
    have_classes = set(session.scalars(select(DeadlineClassRecord.name)))
    for order, spec in enumerate(rules.get("deadline_classes", ())):
        if spec["name"] not in have_classes:
            session.add(DeadlineClassRecord(name=spec["name"], applies_to=spec["applies_to"], days=int(spec["days"]),
                                            needs_approval=bool(spec.get("needs_approval", False)),
                                            approval_words=list(spec.get("approval_words", ("审批", "批准"))),
                                            sort_order=order))
    have_settings = set(session.scalars(select(MonitoringSetting.key)))
    defaults = dict(DEFAULT_SETTINGS, complaint_repeat_threshold=int(rules.get("repeat_threshold", 3)))
    for key, value in defaults.items():
        if key not in have_settings:
            session.add(MonitoringSetting(key=key, value=value))
    session.flush()


def load_checklists(session: Session) -> list[tuple[int, Checklist]]:
    """Every checklist edition as ``(id, Checklist)``, oldest first."""
    records = session.scalars(select(ChecklistRecord).order_by(ChecklistRecord.effective_from, ChecklistRecord.id)).all()
    if not records:
        return []
    modules = session.scalars(select(ChecklistModuleRecord).order_by(ChecklistModuleRecord.sort_order,
                                                                     ChecklistModuleRecord.id)).all()
    items = session.scalars(select(ChecklistItemRecord).order_by(ChecklistItemRecord.sort_order,
                                                                 ChecklistItemRecord.id)).all()
    items_of: dict[int, list[ChecklistItem]] = {}
    for i in items:
        items_of.setdefault(i.module_id, []).append(ChecklistItem(i.code, i.dimension, i.points, i.critical, i.text,
                                                                        i.text_en or ""))
    modules_of: dict[int, list[ChecklistModule]] = {}
    for m in modules:
        modules_of.setdefault(m.checklist_id, []).append(
            ChecklistModule(m.code, m.name, m.norm, tuple(items_of.get(m.id, ()))))
    return [(r.id, Checklist(r.name, r.label, r.effective_from, tuple(modules_of.get(r.id, ())))) for r in records]


def load_settings(session: Session) -> dict[str, Any]:
    """The loop's settings (:data:`DEFAULT_SETTINGS` where a key is not stored)."""
    stored = {k: v for k, v in session.execute(select(MonitoringSetting.key, MonitoringSetting.value)).all()}
    return {**DEFAULT_SETTINGS, **{k: v for k, v in stored.items() if v is not None}}


def load_complaint_rules(session: Session) -> ComplaintRules:
    """The complaint reference data as stored (classification, deadline classes, repeat threshold)."""
    codes: dict[str, list[str]] = {name: [] for name in CODE_LISTS}
    for list_name, name in session.execute(select(ComplaintCodeRecord.list, ComplaintCodeRecord.name)
                                           .order_by(ComplaintCodeRecord.sort_order, ComplaintCodeRecord.id)).all():
        codes.setdefault(list_name, []).append(name)
    classes = tuple(
        DeadlineClass(c.name, c.applies_to, c.days, c.needs_approval, tuple(c.approval_words or ()))
        for c in session.scalars(select(DeadlineClassRecord).order_by(DeadlineClassRecord.sort_order,
                                                                      DeadlineClassRecord.id))
    )
    threshold = int(load_settings(session)["complaint_repeat_threshold"])
    return ComplaintRules(tuple(codes["channel"]), tuple(codes["business_type"]), tuple(codes["cause"]), classes,
                          threshold)
