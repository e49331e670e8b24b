"""Training records (培训) — coverage, hours, pass rate, satisfaction, effect (DESIGN §1, §3.3).

Figures are over a unit's whole subtree (staff by their current unit in the register) on a date
``as_of``:

- **roster**: staff on the roster on ``as_of`` (``in_post_from``/``in_post_to``, DESIGN §3.2);
- **window**: 1 January of ``as_of``'s year to ``as_of`` (``start`` can move the first day); a
  course counts in the window when its last day (结束日期) falls inside it;
- **coverage of a category** (培训覆盖率) = roster staff who attended at least one course of that
  category in the window / roster staff, percent 0–100 rounded to 2 decimals;
- **C03** (服务规范培训覆盖率, db/seed/indicator_system_2007.toml) = the same with the categories
  服务意识 or 服务规范 together;
- **hours per head** (人均学时) = hours attended in the window by roster staff / roster staff;
- **pass rate** (考核合格率) = 是 / (是 + 否) over the window's assessed attendances of roster staff;
- **satisfaction** (满意度) = mean of the 1–5 ratings given.

Training effect (培训效果评价) for 持证上岗培训 courses: among attendees who were not certified for
their post on the course's first day, the share who obtained a qualifying certificate (DESIGN §3.2)
issued from the first day to 180 days after the last day; versus the same share among staff of
the same post categories (the course's target categories, else the attendees') on the roster on
the last day who did not attend and were not certified either. Reaction (satisfaction) and
learning (exam score, pass rate) are reported per course.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import and_, case, exists, func, not_, select
from sqlalchemy.orm import Session

from qsm_desktop.domain.audit_labels import table_label
from qsm_desktop.domain.errors import ConflictError, InputRefused, NotFound
from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.domain.training import (
    C03_CATEGORIES,
    CERTIFICATION_TRAINING,
    EFFECT_WINDOW_DAYS,
    PROVIDERS,
    TRAINING_CATEGORIES,
    AttendanceRecord,
    CategoryCoverage,
    CourseEffect,
    CourseSummary,
    TrainingFigures,
    TrainingReport,
    UntrainedStaff,
    percent,
    year_window,
)
from qsm_desktop.services.context import Actor, in_scope, require
from qsm_desktop.services.audit import audit
from qsm_desktop.store import queries
from qsm_desktop.store.models import (
    Certificate, ImportBatch, OrgUnit, Post, PostCategory, Staff, TrainingAttendance, TrainingCourse,
)

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services

__all__ = [
    "AttendanceRecord", "CategoryCoverage", "CourseEffect", "CourseSummary", "TrainingFigures", "TrainingReport",
    "TrainingService", "UntrainedStaff", "update_course_in",
]

register({
    "training.view": ("查看培训记录", "view training records"),
    "training.edit": ("修改培训项目", "edit training courses"),
    "training.course_unknown": ("培训项目{code}不存在", "there is no training course {code}"),
    "training.provider_value": ("培训机构应为 internal（内部）或 external（外部），不是“{value}”",
                                "the provider must be internal or external, not '{value}'"),
    "training.target_value": ("“{value}”不是岗位类别，应为：{choices}",
                              "'{value}' is not a post category; use one of: {choices}"),
})


# ------------------------------------------------------------------------------------------ helpers

class _Acc:
    """Per-unit accumulator of roster staff and their attendance in the window."""

    __slots__ = ("staff", "attended", "c03", "trained", "attendances", "hours", "assessed", "passed", "ratings",
                 "rating_sum", "scored", "score_sum")

    def __init__(self) -> None:
        self.staff = 0
        self.attended = {c: 0 for c in TRAINING_CATEGORIES}
        self.c03 = 0
        self.trained = 0
        self.attendances = 0
        self.hours = 0.0
        self.assessed = 0
        self.passed = 0
        self.ratings = 0
        self.rating_sum = 0
        self.scored = 0
        self.score_sum = 0.0


def _mean(total: float, count: int) -> float | None:
    return None if count == 0 else round(total / count, 2)


class TrainingService:
    """Training figures, course summaries, effect, histories and course edits (``services.training``)."""

    def __init__(self, services: Services):
        self._services = services

    # ------------------------------------------------------------------ units
    def _unit(self, actor: Actor, unit_code: str | None):
        code = unit_code or self._services.orgs.root_code(actor)
        unit = self._services.orgs.get(actor, code)  # NotFound for an unknown code
        require(actor, msg("training.view"), write=False, org_path=unit.path, org_code=code)
        return unit

    # ------------------------------------------------------------------ figures
    def _accumulate(self, as_of: dt.date, start: dt.date, path: str | None) -> tuple[list, dict[str, _Acc]]:
        """Roster and window attendance per unit, aggregated in SQL (distinct staff per unit and
        category; a person belongs to one unit, so unit counts add up), then rolled up to every
        ancestor unit code."""
        window = (TrainingCourse.end_date >= start, TrainingCourse.end_date <= as_of, queries.in_post_clause(as_of))

        def scoped(stmt):
            if path is None:
                return stmt
            return stmt.join(OrgUnit, OrgUnit.id == Staff.org_unit_id).where(queries.subtree_clause(OrgUnit.path, path))

        def attendance(*columns):
            return scoped(select(Staff.org_unit_id, *columns)
                          .select_from(TrainingAttendance)
                          .join(TrainingCourse, TrainingCourse.id == TrainingAttendance.course_id)
                          .join(Staff, Staff.id == TrainingAttendance.staff_id)).where(*window)

        distinct_staff = func.count(TrainingAttendance.staff_id.distinct())
        with self._services.read() as session:
            units = session.execute(select(OrgUnit.id, OrgUnit.code, OrgUnit.name, OrgUnit.path)).all()
            roster = session.execute(scoped(select(Staff.org_unit_id, func.count()).select_from(Staff))
                                     .where(queries.in_post_clause(as_of)).group_by(Staff.org_unit_id)).all()
            by_category = session.execute(
                attendance(TrainingCourse.category, distinct_staff, func.count(), func.sum(TrainingAttendance.hours),
                           func.count(TrainingAttendance.passed),
                           func.sum(case((TrainingAttendance.passed.is_(True), 1), else_=0)),
                           func.count(TrainingAttendance.satisfaction), func.sum(TrainingAttendance.satisfaction),
                           func.count(TrainingAttendance.score), func.sum(TrainingAttendance.score))
                .group_by(Staff.org_unit_id, TrainingCourse.category)).all()
            c03 = session.execute(attendance(distinct_staff).where(TrainingCourse.category.in_(C03_CATEGORIES))
                                  .group_by(Staff.org_unit_id)).all()
            trained = session.execute(attendance(distinct_staff).group_by(Staff.org_unit_id)).all()
        direct: dict[int, _Acc] = defaultdict(_Acc)
        for unit_id, n in roster:
            direct[unit_id].staff += n
        for unit_id, category, people, n, hours, assessed, passed, ratings, rating_sum, scored, score_sum in by_category:
            a = direct[unit_id]
            if category in a.attended:
                a.attended[category] += people
            a.attendances += n
            a.hours += float(hours or 0)
            a.assessed += assessed
            a.passed += int(passed or 0)
            a.ratings += ratings
            a.rating_sum += int(rating_sum or 0)
            a.scored += scored
            a.score_sum += float(score_sum or 0)
        for unit_id, people in c03:
            direct[unit_id].c03 += people
        for unit_id, people in trained:
            direct[unit_id].trained += people
        path_of = {u.id: [p for p in u.path.split("/") if p] for u in units}
        acc: dict[str, _Acc] = defaultdict(_Acc)
        for unit_id, d in direct.items():
            for code in path_of.get(unit_id, ()):
                a = acc[code]
                a.staff += d.staff
                for category, people in d.attended.items():
                    a.attended[category] += people
                a.c03 += d.c03
                a.trained += d.trained
                a.attendances += d.attendances
                a.hours += d.hours
                a.assessed += d.assessed
                a.passed += d.passed
                a.ratings += d.ratings
                a.rating_sum += d.rating_sum
                a.scored += d.scored
                a.score_sum += d.score_sum
        return units, acc

    @staticmethod
    def _figures(code: str, name: str, as_of: dt.date, start: dt.date, a: _Acc) -> TrainingFigures:
        return TrainingFigures(
            unit=code, unit_name=name, as_of=as_of, start=start, staff=a.staff,
            categories={c: CategoryCoverage(a.attended[c], percent(a.attended[c], a.staff)) for c in TRAINING_CATEGORIES},
            c03=CategoryCoverage(a.c03, percent(a.c03, a.staff)),
            trained=CategoryCoverage(a.trained, percent(a.trained, a.staff)),
            attendances=a.attendances, hours=round(a.hours, 2),
            hours_per_head=None if a.staff == 0 else round(a.hours / a.staff, 2),
            assessed=a.assessed, passed=a.passed, pass_rate=percent(a.passed, a.assessed),
            ratings=a.ratings, satisfaction=_mean(a.rating_sum, a.ratings),
            scored=a.scored, mean_score=_mean(a.score_sum, a.scored),
        )

    def figures(self, actor: Actor, unit_code: str | None, as_of: dt.date, *, start: dt.date | None = None) -> TrainingFigures:
        """Training figures of ``unit_code``'s subtree (default: the actor's top unit) on ``as_of``
        (``datetime.date``), window from ``start`` (default 1 January of that year). See the module
        docstring for each figure. Raises :class:`NotFound` for an unknown unit,
        :class:`PermissionDenied` outside the actor's scope.
        """
        unit = self._unit(actor, unit_code)
        first, last = year_window(as_of, start)
        _units, acc = self._accumulate(last, first, unit.path)
        return self._figures(unit.code, unit.name, last, first, acc.get(unit.code) or _Acc())

    def figures_for_period(self, actor: Actor, unit_code: str | None, period: str) -> TrainingFigures:
        """:meth:`figures` at the end of reporting ``period`` (``2007Q3`` → 1 Jan–30 Sep 2007; ``2007``
        → the whole year). Raises :class:`InputRefused` for an unreadable period."""
        from qsm_desktop.domain.normalise import NormaliseError, parse_period, period_end

        try:
            canonical = parse_period(period)
        except NormaliseError as exc:
            raise InputRefused(str(exc)) from None
        return self.figures(actor, unit_code, period_end(canonical))

    def figures_by_unit(self, actor: Actor, as_of: dt.date, codes: list[str] | None = None, *,
                        start: dt.date | None = None, within: str | None = None) -> dict[str, TrainingFigures]:
        """:meth:`figures` for many units at once (default: every unit ``actor`` sees; units outside her
        scope are left out) — one pass, rolled up the tree.
        ``within`` (an org code) limits the work to that subtree when every unit asked for lies in it."""
        first, last = year_window(as_of, start)
        scope_path = None
        if actor.org_scope:
            scope_path = self._services.orgs.get(actor, actor.org_scope).path
        if within is not None:
            path = self._services.orgs.get(actor, within).path
            if scope_path is None or path.startswith(scope_path):
                scope_path = path
        units, acc = self._accumulate(last, first, scope_path)
        names = {u.code: u.name for u in units if in_scope(actor, u.path)}  # her subtree only (issue 12)
        wanted = codes if codes is not None else list(names)
        return {code: self._figures(code, names.get(code, ""), last, first, acc.get(code) or _Acc())
                for code in wanted if code in names}

    def c03(self, actor: Actor, unit_code: str, as_of: dt.date) -> float:
        """Indicator C03 服务规范培训覆盖率 of ``unit_code``'s subtree on ``as_of`` (the period end):
        the share of the subtree's staff on the roster at ``as_of`` who attended, in the same calendar
        year up to ``as_of``, at least one course of category 服务意识 or 服务规范 — percent 0–100
        rounded to 2 decimals (as the certification rate); 0.0 when the subtree has no staff on the
        roster. Source: db/seed/indicator_system_2007.toml (C03). Raises :class:`NotFound` for an
        unknown unit.
        """
        coverage = self.figures(actor, unit_code, as_of).c03.coverage
        return 0.0 if coverage is None else coverage

    # ------------------------------------------------------------------ courses
    def courses(self, actor: Actor, unit_code: str | None, as_of: dt.date, *,
                start: dt.date | None = None) -> list[CourseSummary]:
        """Courses that ended in the window (1 January … ``as_of``) with the subtree's attendance:
        attendees, hours, reaction (mean satisfaction 1–5) and learning (mean score, pass rate);
        courses without attendance from the subtree are left out. Ordered by start date, code."""
        unit = self._unit(actor, unit_code)
        first, last = year_window(as_of, start)
        with self._services.read() as session:
            rows = session.execute(
                select(TrainingCourse, func.count(TrainingAttendance.id), func.sum(TrainingAttendance.hours),
                       func.count(TrainingAttendance.satisfaction), func.sum(TrainingAttendance.satisfaction),
                       func.count(TrainingAttendance.score), func.sum(TrainingAttendance.score),
                       func.count(TrainingAttendance.passed),
                       func.sum(case((TrainingAttendance.passed.is_(True), 1), else_=0)), ImportBatch.file_name)
                .join(TrainingAttendance, TrainingAttendance.course_id == TrainingCourse.id)
                .join(Staff, Staff.id == TrainingAttendance.staff_id)
                .join(OrgUnit, OrgUnit.id == Staff.org_unit_id)
                .outerjoin(ImportBatch, ImportBatch.id == TrainingCourse.source_batch_id)
                .where(TrainingCourse.end_date >= first, TrainingCourse.end_date <= last,
                       queries.subtree_clause(OrgUnit.path, unit.path))
                .group_by(TrainingCourse.id, ImportBatch.file_name)
                .order_by(TrainingCourse.start_date, TrainingCourse.code)
            ).all()
        result = []
        for course, n, hours, ratings, rating_sum, scored, score_sum, assessed, passed, file in rows:
            result.append(CourseSummary(
                course.code, course.title, course.category, course.start_date, course.end_date, course.hours,
                course.provider, tuple(course.target_categories or ()), course.note, course.version, n,
                round(float(hours or 0), 2), ratings, _mean(int(rating_sum or 0), ratings), scored,
                _mean(float(score_sum or 0), scored), assessed, int(passed or 0), percent(int(passed or 0), assessed),
                file))
        return result

    def update_course(self, actor: Actor, code: str, *, version: int, provider: str | None = None,
                      target_categories: list[str] | tuple[str, ...] | None = None, note: str | None = None) -> CourseSummary | None:
        """Set a course's provider (``internal``/``external``/None), target post categories (codes:
        teller, retail_sales, corporate, international, processing; empty = everyone) and note.

        ``version`` is the version the editor started from: a course changed meanwhile raises
        :class:`ConflictError` (DESIGN §6). Raises :class:`NotFound`, :class:`InputRefused` for bad
        values, :class:`PermissionDenied`. Writes an audit entry. Returns ``None`` (reload to see it).
        """
        with self._services.unit_of_work() as session:
            update_course_in(session, actor, code, version=version, provider=provider,
                             target_categories=target_categories, note=note)
        return None

    # ------------------------------------------------------------------ effect
    def certification_effect(self, actor: Actor, unit_code: str | None, as_of: dt.date, *, start: dt.date | None = None,
                             window_days: int = EFFECT_WINDOW_DAYS, today: dt.date | None = None) -> list[CourseEffect]:
        """Effect of the 持证上岗培训 courses that ended in the window (1 January … ``as_of``): share of
        attendees certified within ``window_days`` after the course versus non-attendees of the same
        post categories (see the module docstring). Certificates are counted up to the window's end,
        or ``today`` (default: the real date) while the window is still running (``complete`` False);
        a running window has counts so far but no ``rate``/``others_rate`` (``None``): the effect is
        only stated for closed windows (issue 14)."""
        unit = self._unit(actor, unit_code)
        first, last = year_window(as_of, start)
        today = today or dt.date.today()
        effects = []
        with self._services.read() as session:
            courses = session.scalars(
                select(TrainingCourse).where(TrainingCourse.category == CERTIFICATION_TRAINING,
                                             TrainingCourse.end_date >= first, TrainingCourse.end_date <= last)
                .order_by(TrainingCourse.start_date, TrainingCourse.code)).all()
            in_subtree = queries.subtree_clause(OrgUnit.path, unit.path)
            for course in courses:
                window_end = course.end_date + dt.timedelta(days=window_days)
                observed = min(window_end, today)
                attended = exists(select(TrainingAttendance.id).where(TrainingAttendance.course_id == course.id,
                                                                      TrainingAttendance.staff_id == Staff.id))
                certified_before = queries.certified_clause(course.start_date)
                certified_after = queries.qualifying_certificates(Certificate.issued >= course.start_date,
                                                                  Certificate.issued <= observed)
                attendees = session.execute(
                    select(Post.category_code, queries.as_int(certified_before), queries.as_int(certified_after))
                    .select_from(Staff).join(Post, Post.id == Staff.post_id).join(OrgUnit, OrgUnit.id == Staff.org_unit_id)
                    .where(attended, in_subtree)).all()
                if not attendees:
                    continue
                categories = tuple(course.target_categories or ()) or tuple(sorted({r[0] for r in attendees}))
                already = sum(r[1] for r in attendees)
                at_risk = [r for r in attendees if not r[1]]
                certified = sum(r[2] for r in at_risk)
                others_total, others_certified = session.execute(
                    select(func.count(), func.sum(queries.as_int(certified_after)))
                    .select_from(Staff).join(Post, Post.id == Staff.post_id).join(OrgUnit, OrgUnit.id == Staff.org_unit_id)
                    .where(in_subtree, Post.category_code.in_(categories), queries.in_post_clause(course.end_date),
                           not_(attended), not_(certified_before))).one()
                others_certified = int(others_certified or 0)
                complete = window_end <= today
                # rates only once the window has closed: a running window's share is not the effect (issue 14)
                effects.append(CourseEffect(
                    course.code, course.title, course.start_date, course.end_date, categories, len(attendees), already,
                    len(at_risk), certified, percent(certified, len(at_risk)) if complete else None, others_total,
                    others_certified, percent(others_certified, others_total) if complete else None, window_end,
                    observed, complete))
        return effects

    # ------------------------------------------------------------------ people
    def untrained(self, actor: Actor, unit_code: str | None, as_of: dt.date, *,
                  categories: tuple[str, ...] = C03_CATEGORIES, start: dt.date | None = None,
                  limit: int | None = None) -> tuple[list[UntrainedStaff], int]:
        """Roster staff on ``as_of`` (a ``datetime.date``) who attended no course of ``categories``
        that ended in the window (1 January of ``as_of``'s year, or ``start``, … ``as_of``), by unit
        and 工号; returns (the first ``limit`` rows, total).

        With the defaults (服务意识 or 服务规范 this year) this is exactly the complement of indicator
        C03 (db/seed/indicator_system_2007.toml; issue 14): ``total`` = roster − C03's attended, so the
        list and the coverage card never disagree. Raises :class:`NotFound` for an unknown unit.
        """
        unit = self._unit(actor, unit_code)
        first, last = year_window(as_of, start)
        trained = exists(
            select(TrainingAttendance.id).join(TrainingCourse, TrainingCourse.id == TrainingAttendance.course_id)
            .where(TrainingAttendance.staff_id == Staff.id, TrainingCourse.category.in_(categories),
                   TrainingCourse.end_date >= first, TrainingCourse.end_date <= last))
        where = and_(queries.in_post_clause(as_of), queries.subtree_clause(OrgUnit.path, unit.path), not_(trained))
        with self._services.read() as session:
            total = session.scalar(select(func.count()).select_from(Staff).join(OrgUnit, OrgUnit.id == Staff.org_unit_id)
                                   .where(where)) or 0
            stmt = (select(Staff.staff_no, Staff.name, OrgUnit.code, OrgUnit.name, Post.name, Post.category_code)
                    .join(OrgUnit, OrgUnit.id == Staff.org_unit_id).join(Post, Post.id == Staff.post_id)
                    .where(where).order_by(OrgUnit.path, Staff.staff_no))
            if limit is not None:
                stmt = stmt.limit(limit)
            rows = session.execute(stmt).all()
        return [UntrainedStaff(*r) for r in rows], total

    def history(self, actor: Actor, staff_no: str) -> list[AttendanceRecord]:
        """A person's training history (every course attended), newest first, with its source; empty when
        unknown or outside ``actor``'s scope."""
        with self._services.read() as session:
            if actor.org_scope:
                path = session.scalar(select(OrgUnit.path).join(Staff, Staff.org_unit_id == OrgUnit.id)
                                      .where(Staff.staff_no == staff_no))
                if not in_scope(actor, path):
                    return []
            rows = session.execute(
                select(TrainingCourse.code, TrainingCourse.title, TrainingCourse.category, TrainingCourse.start_date,
                       TrainingCourse.end_date, TrainingAttendance.hours, TrainingAttendance.score,
                       TrainingAttendance.passed, TrainingAttendance.satisfaction, TrainingAttendance.note,
                       ImportBatch.file_name, TrainingAttendance.source_sheet, TrainingAttendance.source_row)
                .join(TrainingAttendance, TrainingAttendance.course_id == TrainingCourse.id)
                .join(Staff, Staff.id == TrainingAttendance.staff_id)
                .outerjoin(ImportBatch, ImportBatch.id == TrainingAttendance.source_batch_id)
                .where(Staff.staff_no == staff_no)
                .order_by(TrainingCourse.end_date.desc(), TrainingCourse.code)
            ).all()
        return [AttendanceRecord(*r) for r in rows]

    # ------------------------------------------------------------------ everything for a page / export
    def report(self, actor: Actor, unit_code: str | None, as_of: dt.date, *, untrained_limit: int = 500,
               today: dt.date | None = None) -> TrainingReport:
        """The unit's figures, its direct subunits' figures (those with staff), courses, effect and
        the first ``untrained_limit`` staff not covered by C03 this year — for the page and exports."""
        unit = self._unit(actor, unit_code)
        children = [n.code for n in self._services.orgs.tree(actor) if n.parent_code == unit.code]
        by_unit = self.figures_by_unit(actor, as_of, [unit.code, *children], within=unit.code)
        subunits = tuple(sorted((by_unit[c] for c in children if c in by_unit and by_unit[c].staff), key=lambda f: f.unit))
        untrained, total = self.untrained(actor, unit.code, as_of, limit=untrained_limit)
        return TrainingReport(by_unit[unit.code], subunits, tuple(self.courses(actor, unit.code, as_of)),
                              tuple(self.certification_effect(actor, unit.code, as_of, today=today)), tuple(untrained),
                              total)

    def export(self, actor: Actor, unit_code: str | None, as_of: dt.date, path: str | Path, *,
               language: str | None = None, chart: bool = True) -> Path:
        """Write the training report of ``unit_code`` on ``as_of`` to an Excel workbook ``path``
        (sheets: coverage by unit with the chart, courses, effect, the staff C03 does not
        cover). Raises ``OSError`` when the file cannot be written."""
        from qsm_desktop.reports.training import write_training_workbook

        report = self.report(actor, unit_code, as_of, untrained_limit=100_000)
        return write_training_workbook(Path(path), report, language=language, chart=chart)


def update_course_in(session: Session, actor: Actor, code: str, *, version: int, provider: str | None = None,
                     target_categories: list[str] | tuple[str, ...] | None = None, note: str | None = None) -> None:
    """Edit course ``code`` in the caller's transaction: its provider (``internal``/``external``/
    ``None``), target post categories (codes; empty = everyone) and note — the one write path of a
    course's details (培训项目维护). ``version`` is the version the editor started from.

    Raises :class:`PermissionDenied` (a role that may not edit), :class:`InputRefused` (a provider
    or category that does not exist), :class:`NotFound` (no such course), :class:`ConflictError`
    (the course changed meanwhile). Audits ``update`` with before/after when anything changed.
    """
    require(actor, msg("training.edit"))
    if provider is not None and provider not in PROVIDERS:
        raise InputRefused(msg("training.provider_value", value=provider))
    targets = list(dict.fromkeys(target_categories or ()))
    known = list(session.scalars(select(PostCategory.code).order_by(PostCategory.sort_order)))
    for value in targets:
        if value not in known:
            raise InputRefused(msg("training.target_value", value=value, choices=", ".join(known)))
    course = session.scalar(select(TrainingCourse).where(TrainingCourse.code == code))
    if course is None:
        raise NotFound(msg("training.course_unknown", code=code))
    if course.version != version:
        raise ConflictError(msg("conflict.stale", entity=f"{table_label('training_courses')} {code}"))
    before = {"provider": course.provider, "target_categories": list(course.target_categories or []),
              "note": course.note}
    course.provider = provider
    course.target_categories = targets
    course.note = note
    after = {"provider": provider, "target_categories": targets, "note": note}
    if before != after:
        audit(session, actor, "training_course", code, "update", before, after)
