"""Checklist editions (检查表) as the services keep them — DESIGN.md §8.1.

:func:`checklists_in` reads every edition (kept in an import run's cache); :func:`save_checklist_in`
is the one write path for a new or edited edition (the checklist page, later): scope, rules
(points adding to 100, dimensions, unique codes), version, write, audit. An edition that visits
were checked against is never rewritten: edits to it are refused — add a new edition instead.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from qsm_desktop.domain import i18n
from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.domain.monitoring.checklists import Checklist, validate_checklist
from qsm_desktop.services.audit import audit
from qsm_desktop.services.context import Actor
from qsm_desktop.services.improvement import check_version, load_orgs, require_head_office
from qsm_desktop.store.models.monitoring import (
    ChecklistItemRecord,
    ChecklistModuleRecord,
    ChecklistRecord,
    MysteryVisit,
)
from qsm_desktop.store.monitoring import insert_checklist, insert_checklist_modules, load_checklists

__all__ = ["checklists_in", "save_checklist_in"]

i18n.register(
    {
        "checklist.action": ("编辑神秘访客检查表", "edit the mystery-visit checklists"),
        "checklist.in_use": (
            "检查表{title}已用于暗访评分，不能修改；请另建新版本（如2008版）",
            "checklist {title} has been used to score visits and cannot change; add a new edition (e.g. 2008版)",
        ),
        "checklist.exists": ("检查表{title}已存在", "checklist {title} already exists"),
    }
)


def checklists_in(session: Session, cache: dict[str, Any] | None = None) -> list[tuple[int, Checklist]]:
    """Every edition as ``(id, Checklist)`` (kept in ``cache`` — an import run's — when given)."""
    if cache is None:
        return load_checklists(session)
    if "monitoring.checklists" not in cache:
        cache["monitoring.checklists"] = load_checklists(session)
    return cache["monitoring.checklists"]


def save_checklist_in(session: Session, actor: Actor, checklist: Checklist, *, checklist_id: int | None = None,
                      expected_version: int | None = None) -> int:
    """Store ``checklist`` as a new edition (``checklist_id`` ``None``) or replace edition
    ``checklist_id`` (seen at ``expected_version``); returns its id.

    Raises :class:`InputRefused` for a checklist breaking §8.1's rules (every problem named), an
    edition already used by visits, or a name and version that exist;
    :class:`~qsm_desktop.domain.errors.ConflictError` for a stale version;
    :class:`~qsm_desktop.domain.errors.PermissionDenied` below the head office.
    """
    require_head_office(actor, i18n.msg("checklist.action"), load_orgs(session))
    validate_checklist(checklist)
    same = session.scalar(select(ChecklistRecord.id).where(ChecklistRecord.name == checklist.name,
                                                            ChecklistRecord.label == checklist.label))
    if checklist_id is None:
        if same is not None:
            raise InputRefused(i18n.msg("checklist.exists", title=checklist.title))
        new_id = insert_checklist(session, checklist)
        audit(session, actor, "checklist", new_id, "create", None, {"title": checklist.title})
        return new_id
    record = session.get(ChecklistRecord, checklist_id)
    check_version(record, expected_version)
    if same is not None and same != checklist_id:
        raise InputRefused(i18n.msg("checklist.exists", title=checklist.title))
    if session.scalar(select(exists().where(MysteryVisit.checklist_id == checklist_id))):
        raise InputRefused(i18n.msg("checklist.in_use", title=f"{record.name}（{record.label}）"))
    before = dict(checklists_in(session))[checklist_id].to_mapping()
    english = {m.code: (m.name, m.name_en, m.norm, m.norm_en) for m in session.scalars(
        select(ChecklistModuleRecord).where(ChecklistModuleRecord.checklist_id == checklist_id))}
    modules = select(ChecklistModuleRecord.id).where(ChecklistModuleRecord.checklist_id == checklist_id)
    session.execute(delete(ChecklistItemRecord).where(ChecklistItemRecord.module_id.in_(modules)))
    session.execute(delete(ChecklistModuleRecord).where(ChecklistModuleRecord.checklist_id == checklist_id))
    record.name, record.label, record.effective_from = checklist.name, checklist.label, checklist.effective_from
    flag_modified(record, "name")  # an UPDATE even when only items changed: bumps the edition's version
    session.flush()
    insert_checklist_modules(session, checklist_id, checklist)
    for module in session.scalars(select(ChecklistModuleRecord).where(ChecklistModuleRecord.checklist_id == checklist_id)):
        name, name_en, norm, norm_en = english.get(module.code, (None, None, None, None))
        # a module keeps the English of a name and norm that did not change (issue 14)
        module.name_en = name_en if module.name == name else None
        module.norm_en = norm_en if module.norm == norm else None
    audit(session, actor, "checklist", checklist_id, "update", before, checklist.to_mapping())
    return checklist_id
