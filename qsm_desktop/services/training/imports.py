"""The training return's import handler (培训情况表导入) — DESIGN.md §3.3.

The kind (:mod:`qsm_desktop.excel.kinds.training`) has read the return into frozen
:class:`~qsm_desktop.excel.kinds.training.TrainingRow` records. This handler, inside the engine's
transaction:

- :meth:`TrainingHandler.check` — staff known under the same name; units inside the reporting
  subtree; courses agree with the register (unless only the superseded return used them);
  attendance not reported differently by another return. Loads the register's side
  (:class:`~qsm_desktop.services.training.records.TrainingRegister`);
- :meth:`~TrainingHandler.preview` — :func:`~qsm_desktop.services.training.records.plan_training`;
- :meth:`~TrainingHandler.apply` — :func:`~qsm_desktop.services.training.records.record_training_in`,
  the one write path of training records.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qsm_desktop.domain import i18n
from qsm_desktop.domain.training import TRAINING_CATEGORIES
from qsm_desktop.excel.kinds.base import ParsedReturn
from qsm_desktop.excel.kinds.training import COLUMN_OF, COURSE_FIELDS, TrainingRow, field_text, shown_value
from qsm_desktop.services.import_handlers import Changes, ImportContext, ImportHandler, ImportPlan
from qsm_desktop.services.training.records import TrainingRecording, TrainingRegister, plan_training, record_training_in
from qsm_desktop.store.bulk import select_in
from qsm_desktop.store.models import ImportBatch, Staff, TrainingAttendance, TrainingCourse

__all__ = ["TrainingHandler", "TrainingPlan"]

i18n.register(
    {
        "training.course_known": (
            "培训项目{code}在系统中的{title}为“{known}”（来自{file}），与本表的“{value}”不符。"
            "同一培训项目编号只对应一个项目：请沿用已登记的信息，或改用新的编号",
            "course {code} is registered with {title} '{known}' (from {file}), not '{value}'. One course code is one "
            "course: keep the registered details or use a new code",
        ),
        "training.reported_elsewhere": (
            "工号{staff_no}参加培训项目{code}已由{file}（第{row}行）报送，且{fields}不同。同一人同一项目只报送一次，请与该单位核对",
            "staff {staff_no} on course {code} was already reported by {file} (row {row}) with different {fields}; "
            "report each attendance once — check with that unit",
        ),
        "training.unknown_staff": (
            "工号{staff_no}不在员工名册中。请核对工号，或先导入该员工所在单位的持证上岗情况表",
            "staff number {staff_no} is not in the staff register. Check it, or import the certification return of "
            "the person's unit first",
        ),
        "training.staff_other_name": (
            "工号{staff_no}在员工名册中是“{known}”（{unit}），与本表的“{name}”不符，请核对工号",
            "staff number {staff_no} is registered to '{known}' ({unit}), not '{name}'; check the number",
        ),
        "training.unknown_org": (
            "机构代码{code}不存在。请核对代码，或先导入包含该机构的机构清单",
            "org code {code} does not exist. Check it, or import the org list that contains it first",
        ),
        "training.org_outside": (
            "机构{code}（{name}）不属于填报单位{root}（{root_name}）。本表只填报本单位及下属机构人员的培训",
            "unit {code} ({name}) is not part of the reporting unit {root} ({root_name}); this return covers that "
            "unit and the units under it only",
        ),
    }
)


@dataclass
class TrainingPlan(ImportPlan):
    """What :meth:`TrainingHandler.check` loaded (``register``) and, once previewed, the
    ``recording`` that :meth:`TrainingHandler.apply` writes."""

    register: TrainingRegister | None = None
    recording: TrainingRecording | None = None


class TrainingHandler(ImportHandler[TrainingPlan]):
    """The database side of the training return (``kind = training``)."""

    kind = "training"

    # ------------------------------------------------------------------ check (read-only)
    def check(self, session: Session, parsed: ParsedReturn, ctx: ImportContext) -> TrainingPlan:
        """Staff known under the same name; units inside the reporting subtree; courses agree with the
        register (unless only the superseded return used them); attendance not reported elsewhere."""
        problems = parsed.problems
        records: list[TrainingRow] = parsed.records
        subtree = ctx.subtree()
        root = ctx.org
        for record in records:
            if record.org is None:
                continue
            unit = ctx.orgs.get(record.org)
            if unit is None:
                problems.append(record.row.problem("org_code", "training.unknown_org", code=record.org))
            elif ctx.outside_scope(record.org):
                problems.append(ctx.scope_problem(record.row, "org_code", record.org))
            elif root is not None and record.org not in subtree:
                problems.append(record.row.problem("org_code", "training.org_outside", code=unit.code, name=unit.name,
                                                   root=root.code, root_name=root.name))
        staff_cols = (Staff.id, Staff.staff_no, Staff.name, Staff.org_unit_id)
        known = {r.staff_no: r for r in select_in(session, staff_cols, Staff.staff_no,
                                                  [r.staff_no for r in records if r.staff_no])}
        unit_by_id = {o.id: o for o in ctx.orgs.values()}
        for record in records:
            if not record.staff_no:
                continue
            person = known.get(record.staff_no)
            if person is None:
                problems.append(record.row.problem("staff_no", "training.unknown_staff", staff_no=record.staff_no))
            elif record.name and person.name != record.name:
                unit = unit_by_id.get(person.org_unit_id)
                problems.append(record.row.problem("staff_no", "training.staff_other_name", staff_no=record.staff_no,
                                                   known=person.name, name=record.name,
                                                   unit=unit.name if unit else person.org_unit_id))
        # courses named in the file, and those the superseded return created
        course_cols = (TrainingCourse.id, TrainingCourse.code, TrainingCourse.title, TrainingCourse.category,
                       TrainingCourse.hours, TrainingCourse.start_date, TrainingCourse.end_date,
                       TrainingCourse.source_batch_id)
        codes = [r.code for r in records if r.code]
        courses = {r.code: r for r in select_in(session, course_cols, TrainingCourse.code, codes)}
        superseded = ctx.superseded_batch_id
        owned: dict[str, object] = {}
        if superseded is not None:
            owned = {r.code: r for r in session.execute(
                select(*course_cols).where(TrainingCourse.source_batch_id == superseded))}
        # attendance outside the superseded return, per course
        course_ids = {c.id for c in courses.values()} | {c.id for c in owned.values()}
        other_uses: dict[int, int] = {}
        if course_ids and superseded is not None:
            outside = TrainingAttendance.source_batch_id.is_(None) | (TrainingAttendance.source_batch_id != superseded)
            other_uses = dict(session.execute(
                select(TrainingAttendance.course_id, func.count()).where(
                    TrainingAttendance.course_id.in_(sorted(course_ids)), outside)
                .group_by(TrainingAttendance.course_id)).all())
        redefinable = {code for code, c in courses.items()
                       if superseded is not None and c.source_batch_id == superseded and not other_uses.get(c.id)}
        files = {}
        batch_ids = {c.source_batch_id for c in courses.values() if c.source_batch_id is not None}
        if batch_ids:
            files = dict(session.execute(select(ImportBatch.id, ImportBatch.file_name)
                                         .where(ImportBatch.id.in_(sorted(batch_ids)))).all())
        seen: set[str] = set()
        for record in records:
            course = courses.get(record.code) if record.code else None
            if course is None or record.code in redefinable or record.code in seen:
                continue
            seen.add(record.code)
            for attr, key in COURSE_FIELDS:
                mine = getattr(record, attr)
                theirs = getattr(course, key)
                if mine is not None and mine != theirs:
                    problems.append(record.row.problem(
                        COLUMN_OF[attr], "training.course_known", code=record.code, title=field_text(attr),
                        known=shown_value(theirs), value=shown_value(mine),
                        file=files.get(course.source_batch_id) or "-"))
        # the same person on the same course reported by another (current) return
        existing: dict[tuple[int, int], object] = {}
        staff_ids = [known[r.staff_no].id for r in records if r.staff_no in known]
        if courses and staff_ids:
            att_cols = (TrainingAttendance.id, TrainingAttendance.course_id, TrainingAttendance.staff_id,
                        TrainingAttendance.hours, TrainingAttendance.score, TrainingAttendance.passed,
                        TrainingAttendance.satisfaction, TrainingAttendance.org_unit_id,
                        TrainingAttendance.source_batch_id, TrainingAttendance.source_row)
            course_id_set = {c.id for c in courses.values()}
            for row in select_in(session, att_cols, TrainingAttendance.staff_id, staff_ids):
                if row.course_id in course_id_set and (superseded is None or row.source_batch_id != superseded):
                    existing[(row.course_id, row.staff_id)] = row
        elsewhere_files = {}
        other_batches = {r.source_batch_id for r in existing.values() if r.source_batch_id is not None}
        if other_batches:
            elsewhere_files = dict(session.execute(select(ImportBatch.id, ImportBatch.file_name)
                                                   .where(ImportBatch.id.in_(sorted(other_batches)))).all())
        merged_elsewhere: set[tuple[str, str]] = set()
        for record in records:
            if record.duplicate_of is not None or record.code not in courses or record.staff_no not in known:
                continue
            row = existing.get((courses[record.code].id, known[record.staff_no].id))
            if row is None:
                continue
            org_id = ctx.orgs[record.org].id if record.org in ctx.orgs else None
            differ = [attr for attr, theirs in (("hours", row.hours), ("score", row.score), ("passed", row.passed),
                                                ("satisfaction", row.satisfaction)) if getattr(record, attr) != theirs]
            if record.org is not None and org_id != row.org_unit_id:
                differ.append("org")
            if differ:
                problems.append(record.row.problem(
                    COLUMN_OF[differ[0]] if differ[0] != "org" else "org_code", "training.reported_elsewhere",
                    staff_no=record.staff_no, code=record.code, file=elsewhere_files.get(row.source_batch_id, "-"),
                    row=row.source_row or "-", fields="、".join(field_text(a) for a in differ)))
            else:
                merged_elsewhere.add((record.code, record.staff_no))
        dropped = []
        if superseded is not None:
            dropped = list(session.execute(
                select(TrainingAttendance.id, TrainingCourse.code, Staff.staff_no, Staff.name,
                       TrainingAttendance.hours, TrainingAttendance.score, TrainingAttendance.passed,
                       TrainingAttendance.satisfaction, TrainingAttendance.org_unit_id)
                .join(TrainingCourse, TrainingCourse.id == TrainingAttendance.course_id)
                .join(Staff, Staff.id == TrainingAttendance.staff_id)
                .where(TrainingAttendance.source_batch_id == superseded)))
        return TrainingPlan(parsed, TrainingRegister(known, courses, owned, other_uses, redefinable, merged_elsewhere,
                                                     dropped))

    # ------------------------------------------------------------------ preview / apply
    def _recording(self, plan: TrainingPlan, ctx: ImportContext) -> TrainingRecording:
        if plan.recording is None:
            assert plan.register is not None, "check() first"
            plan.recording = plan_training(plan.parsed.records, plan.parsed.sheet, plan.register, unit=ctx.org,
                                           orgs=ctx.orgs, superseded_batch_id=ctx.superseded_batch_id)
        return plan.recording

    def preview(self, session: Session, plan: TrainingPlan, ctx: ImportContext) -> Changes:
        """New and corrected courses; new, changed and removed attendance (against the superseded return)."""
        return self._recording(plan, ctx).changes

    def apply(self, session: Session, batch_id: int, plan: TrainingPlan, ctx: ImportContext) -> int:
        """Record the training (:func:`record_training_in`); the number of rows read."""
        record_training_in(session, ctx.actor, self._recording(plan, ctx), batch_id=batch_id, at=ctx.now)
        return len(plan.parsed.records)

    # ------------------------------------------------------------------ templates
    def template_choices(self, session: Session | None) -> dict[str, list[str]]:
        """Fixed drop-downs: the six categories, 是/否."""
        return {"category": list(TRAINING_CATEGORIES), "passed": ["是", "否"]}
