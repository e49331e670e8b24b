"""Recording training (记录培训情况) — the one write path of the training return, DESIGN §3.3.

A training return lists who of a unit attended which course in a year. Recording it is two steps:

1. :func:`plan_training` — the rules, without writing: a course code seen for the first time
   creates the course from its first row; a course only the superseded return used may be
   redefined (title, category, dates, hours); the superseded return's attendance is replaced by
   this return's (new, changed, removed), a person listed twice with the same values once, and an
   attendance another unit's return already reported identically is not written again; a course
   the superseded return created that nothing uses any more is removed. The result is a
   :class:`TrainingRecording`, whose ``changes`` are the import's preview;
2. :func:`record_training_in` — check the actor's scope, write with bulk statements and audit every
   update and removal.

The training return's import handler (``services/training/imports.py``) loads what the register
holds (:class:`TrainingRegister`), then calls both; nothing else writes attendance.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from qsm_desktop.domain.i18n import get_language, msg, register
from qsm_desktop.domain.training import category_name
from qsm_desktop.excel.kinds.training import ATTENDANCE_FIELDS, TrainingRow
from qsm_desktop.services.audit import audit_many
from qsm_desktop.services.context import require
from qsm_desktop.services.import_handlers import Change, Changes, OrgInfo
from qsm_desktop.store.bulk import insert_many, insert_returning_ids, update_many
from qsm_desktop.store.models import TrainingAttendance, TrainingCourse

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.context import Actor

__all__ = ["TrainingRecording", "TrainingRegister", "plan_training", "record_training_in"]

register({"training.record": ("记录培训情况", "record training")})

_AUDIT_ACTIONS = {"changed": "update", "removed": "delete"}
"""Preview action → audit action of the entries recording training writes (new records are listed
on the import batch's own entry)."""


@dataclass(frozen=True)
class TrainingRegister:
    """What the register holds for one training return (loaded by the handler's check).

    ``known``: staff rows (id, staff_no, name, org_unit_id) of the 工号 the return names;
    ``courses``: course rows by the codes the return names; ``owned``: course rows the superseded
    return created; ``other_uses``: course id → attendance outside the superseded return;
    ``redefinable``: codes of courses only the superseded return used; ``merged_elsewhere``:
    (code, 工号) another return already reported with the same values; ``dropped``: the superseded
    return's attendance rows (id, code, staff_no, name, hours, score, passed, satisfaction, org_unit_id).
    """

    known: dict[str, Any]
    courses: dict[str, Any]
    owned: dict[str, Any]
    other_uses: dict[int, int]
    redefinable: set[str]
    merged_elsewhere: set[tuple[str, str]]
    dropped: list[Any]


@dataclass
class TrainingRecording:
    """What recording a return writes (made by :func:`plan_training`, written once by
    :func:`record_training_in`): ``unit`` the reporting unit, ``superseded_batch_id`` the return it
    replaces, ``new_courses`` (rows keyed by ``code``), ``course_updates`` (``id`` + changed
    columns), ``attendance`` rows (naming their course by ``code``), ``removed_courses`` ids,
    ``course_ids`` (code → id of the courses already registered) and the preview's ``changes``."""

    unit: OrgInfo | None
    superseded_batch_id: int | None = None
    new_courses: list[dict[str, Any]] = field(default_factory=list)
    course_updates: list[dict[str, Any]] = field(default_factory=list)
    attendance: list[dict[str, Any]] = field(default_factory=list)
    removed_courses: list[int] = field(default_factory=list)
    course_ids: dict[str, int] = field(default_factory=dict)
    changes: Changes = field(default_factory=Changes)


# ------------------------------------------------------------------------------------------ the rules

def plan_training(records: Sequence[TrainingRow], sheet: str | None, register: TrainingRegister, *,
                  unit: OrgInfo | None, orgs: Mapping[str, OrgInfo],
                  superseded_batch_id: int | None) -> TrainingRecording:
    """What recording the return's ``records`` (from ``sheet``) changes, against what the
    ``register`` holds; ``orgs`` the org tree (code → unit), ``unit`` the reporting unit,
    ``superseded_batch_id`` the earlier return of the same unit and year (see the module docstring
    for the rules). Expects records that passed the handler's check (known staff, units, courses).
    """
    known, courses, owned = register.known, register.courses, register.owned
    redefinable, merged_elsewhere = register.redefinable, register.merged_elsewhere
    changes: list[Change] = []
    new_courses: list[dict] = []
    course_updates: list[dict] = []
    first_rows: dict[str, TrainingRow] = {}
    for record in records:
        first_rows.setdefault(record.code, record)
    lang = get_language()  # the preview's labels in the reader's language (issue 14)
    open_, comma, close = ("（", "，", "）") if lang == "zh" else (" (", ", ", ")")
    for code, record in first_rows.items():
        label = (f"{code} {record.title}{open_}{category_name(record.category, lang)}{comma}"
                 f"{record.start.isoformat()}–{record.end.isoformat()}{close}")
        course = courses.get(code)
        if course is None:
            new_courses.append({
                "code": code, "title": record.title, "category": record.category, "hours": record.hours,
                "provider": None, "start_date": record.start, "end_date": record.end, "target_categories": [],
                "note": None, "version": 1, "source_sheet": sheet, "source_row": record.row.number})
            changes.append(Change("training_course", "new", code, label))
        elif code in redefinable:
            values = {"title": record.title, "category": record.category, "start_date": record.start,
                      "end_date": record.end, "hours": record.hours}
            before = {k: getattr(course, k) for k in values if getattr(course, k) != values[k]}
            if before:
                after = {k: values[k] for k in before}
                course_updates.append({"id": course.id, **after, "source_sheet": sheet, "source_row": record.row.number})
                changes.append(Change("training_course", "changed", code, label, before, after))
    # attendance: the superseded return's rows are replaced by this return's rows
    dropped = {(r.code, r.staff_no): r for r in register.dropped}
    attendance: list[dict] = []
    for record in records:
        key = (record.code, record.staff_no)
        if record.duplicate_of is not None or key in merged_elsewhere:
            continue
        person = known[record.staff_no]
        org_id = orgs[record.org].id if record.org else None
        attendance.append({
            "code": record.code, "staff_id": person.id, "org_unit_id": org_id, "hours": record.hours,
            "score": record.score, "passed": record.passed, "satisfaction": record.satisfaction,
            "note": record.note, "version": 1, "source_sheet": sheet, "source_row": record.row.number})
        label = f"{record.staff_no} {record.name} · {record.code} {record.title}"
        old = dropped.pop(key, None)
        if old is None:
            changes.append(Change("training_attendance", "new", f"{record.code}/{record.staff_no}", label))
            continue
        before = {k: getattr(old, k) for k in ATTENDANCE_FIELDS if getattr(old, k) != getattr(record, k)}
        if old.org_unit_id != org_id:
            before["org_unit_id"] = old.org_unit_id
        if before:
            after = {k: (org_id if k == "org_unit_id" else getattr(record, k)) for k in before}
            changes.append(Change("training_attendance", "changed", f"{record.code}/{record.staff_no}", label,
                                  before, after))
    for (code, staff_no), old in sorted(dropped.items()):
        changes.append(Change("training_attendance", "removed", f"{code}/{staff_no}", f"{staff_no} {old.name} · {code}",
                              {k: getattr(old, k) for k in ATTENDANCE_FIELDS}, None))
    # courses the superseded return created that nothing uses any more
    removed_courses = []
    for code, course in sorted(owned.items()):
        if code in first_rows or register.other_uses.get(course.id):
            continue
        removed_courses.append(course.id)
        changes.append(Change("training_course", "removed", code, f"{code} {course.title}",
                              {"title": course.title, "category": course.category,
                               "start_date": course.start_date, "end_date": course.end_date}, None))
    return TrainingRecording(unit, superseded_batch_id, new_courses, course_updates, attendance, removed_courses,
                             {code: c.id for code, c in courses.items()}, Changes(tuple(changes)))


# ------------------------------------------------------------------------------------------ the write

def record_training_in(session: Session, actor: Actor, recording: TrainingRecording, *, batch_id: int | None,
                       at: dt.datetime | None = None) -> int:
    """Write ``recording`` in the caller's transaction (``session``) on behalf of ``actor``: the
    superseded return's attendance is deleted, unused courses it created removed, redefined
    courses updated, new courses inserted, then this return's attendance — bulk statements; every
    written record carries ``batch_id`` (the import batch) as its source. Audits each update
    (``update``) and removal (``delete``) with before/after, stamped ``at``. Returns the number of
    attendance records written.

    Raises :class:`~qsm_desktop.domain.errors.PermissionDenied` when ``actor`` may not write the
    reporting unit's records.
    """
    unit = recording.unit
    require(actor, msg("training.record"), org_path=unit.path if unit else None, org_code=unit.code if unit else None)
    att_table, course_table = TrainingAttendance.__table__, TrainingCourse.__table__
    if recording.superseded_batch_id is not None:
        session.execute(att_table.delete().where(att_table.c.source_batch_id == recording.superseded_batch_id))
    if recording.removed_courses:
        session.execute(course_table.delete().where(course_table.c.id.in_(recording.removed_courses)))
    for row in recording.course_updates:
        row["source_batch_id"] = batch_id
    update_many(session, course_table, recording.course_updates,
                ("title", "category", "start_date", "end_date", "hours", "source_batch_id", "source_sheet",
                 "source_row"))
    new_courses = [dict(row, source_batch_id=batch_id) for row in recording.new_courses]
    ids = dict(recording.course_ids)
    ids.update(insert_returning_ids(session, course_table, new_courses, "code"))
    rows = []
    for att in recording.attendance:
        row = dict(att)
        row["course_id"] = ids[row.pop("code")]
        row["source_batch_id"] = batch_id
        rows.append(row)
    insert_many(session, att_table, rows)
    entries = [(c.entity, c.key, _AUDIT_ACTIONS[c.action], c.before, c.after)
               for c in recording.changes.items if c.action in _AUDIT_ACTIONS]
    audit_many(session, actor, entries, batch_id=batch_id, at=at)
    return len(rows)
