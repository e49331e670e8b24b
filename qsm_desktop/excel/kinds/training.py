"""培训情况表 — the training return (``kind = training``), DESIGN.md §3.3.

| 序号 | 培训项目编号 | 培训项目名称 | 培训类别 | 开始日期 | 结束日期 | 学时 | 工号 | 姓名 | 机构代码 | 考核成绩 | 是否合格 | 满意度 | 备注 |

One row per staff member per course, reported by a branch for a year (period ``2007``).

Rules checked, each problem at its cell:
- 培训项目编号, 培训项目名称, 培训类别, 开始日期, 结束日期, 学时, 工号 and 姓名 filled in;
- 培训类别 ∈ 服务意识, 服务规范, 营销技能, 专业岗位, 新业务, 持证上岗培训 (``服务规范培训`` and
  ``持证上岗`` are read as ``服务规范`` / ``持证上岗培训``);
- 结束日期 not before 开始日期, and the course not starting after the end of the period;
- 学时 > 0; 考核成绩 0–100 or empty; 是否合格 是/否 (合格/不合格 accepted) or empty; 满意度 a whole
  number 1–5 or empty;
- one 培训项目编号 is one course: the same code with another title, category or dates — in this
  return, or against the course the database already holds — is refused at the cell that differs;
- 工号 must be in the staff register (import the certification returns first) under the same
  姓名; 机构代码, when given, must be known and inside the reporting unit's subtree;
- a person listed twice for the same course is merged when both rows say the same, else refused;
  the same holds against another unit's return that already reported that person on that course.

A course code seen for the first time creates the course from its first row. A newer return for
the same unit and year supersedes the older one: the older return's attendance is replaced, and a
course it created that nothing else uses any more is removed (or redefined, when the newer return
corrects its title or dates).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qsm_desktop.domain import i18n
from qsm_desktop.domain.training import TRAINING_CATEGORIES
from qsm_desktop.domain.normalise import (
    NormaliseError,
    check_not_formula,
    clean_text,
    parse_identifier,
    parse_number,
    parse_org_code,
    parse_staff_no,
)
from qsm_desktop.excel.kinds import _db
from qsm_desktop.excel.kinds.base import (
    UNREADABLE,
    Change,
    Changes,
    Column,
    ImportContext,
    ParsedReturn,
    ReturnKind,
    register_kind,
)
from qsm_desktop.excel.problems import Problem
from qsm_desktop.excel.table import Table, TableRow, normalise_title
from qsm_desktop.store.models import ImportBatch, Staff, TrainingAttendance, TrainingCourse

PASSED_VALUES = {"是": True, "否": False, "合格": True, "不合格": False}
"""是否合格 as written → stored value (DESIGN §3.3: 是/否 or empty)."""

i18n.register(
    {
        "training.category": (
            "培训类别“{value}”无效，应为：{choices}",
            "training category '{value}' is not valid; use one of: {choices}",
        ),
        "training.end_before_start": (
            "结束日期{end}早于开始日期{start}，请核对两个日期",
            "end date {end} is before the start date {start}; check both dates",
        ),
        "training.after_period": (
            "开始日期{start}晚于报告期末{period_end}，本表只填报告期内（及以前）的培训",
            "start date {start} is after the end of the period ({period_end}); report training up to the period end only",
        ),
        "training.hours": (
            "学时“{value}”无效，应为大于0的数字（如16或3.5）",
            "hours '{value}' are not valid; enter a number above 0 (e.g. 16 or 3.5)",
        ),
        "training.score": (
            "考核成绩“{value}”无效，应为0–100之间的数字，未考核请留空",
            "exam score '{value}' is not valid; enter 0–100, or leave it empty when there was no exam",
        ),
        "training.passed": (
            "是否合格“{value}”无效，应为“是”或“否”，未考核请留空",
            "passed '{value}' is not valid; enter 是 or 否, or leave it empty",
        ),
        "training.satisfaction": (
            "满意度“{value}”无效，应为1–5的整数（5为非常满意），未评价请留空",
            "satisfaction '{value}' is not valid; enter a whole number 1–5 (5 = very satisfied), or leave it empty",
        ),
        "training.course_conflict": (
            "培训项目{code}在{cell}的{title}为“{other}”，此处为“{value}”。同一培训项目编号只对应一个项目，请统一或改用新的编号",
            "course {code} has {title} '{other}' at {cell} but '{value}' here; one course code is one course — "
            "make them agree or use a new code",
        ),
        "training.course_known": (
            "培训项目{code}在系统中的{title}为“{known}”（来自{file}），与本表的“{value}”不符。"
            "同一培训项目编号只对应一个项目：请沿用已登记的信息，或改用新的编号",
            "course {code} is registered with {title} '{known}' (from {file}), not '{value}'. One course code is one "
            "course: keep the registered details or use a new code",
        ),
        "training.duplicate": (
            "工号{staff_no}参加培训项目{code}已在{cell}填报，两行的{fields}不同。同一人同一项目只填一行，请合并为一行",
            "staff {staff_no} on course {code} is already listed at {cell} with different {fields}; list each person "
            "once per course",
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
        "entity.training_course": ("培训项目", "training courses"),
        "entity.training_attendance": ("培训记录", "training attendance"),
        "training.field.title": ("培训项目名称", "title"),
        "training.field.category": ("培训类别", "category"),
        "training.field.start": ("开始日期", "start date"),
        "training.field.end": ("结束日期", "end date"),
        "training.field.hours": ("学时", "hours"),
        "training.field.score": ("考核成绩", "exam score"),
        "training.field.passed": ("是否合格", "passed"),
        "training.field.satisfaction": ("满意度", "satisfaction"),
        "training.field.org": ("机构代码", "org code"),
    }
)

_COURSE_FIELDS = (("title", "title"), ("category", "category"), ("start", "start_date"), ("end", "end_date"))
"""(record attribute, message field key / column field) of what defines a course."""
_COLUMN_OF = {"title": "course_title", "category": "category", "start": "start_date", "end": "end_date",
              "hours": "hours", "score": "score", "passed": "passed", "satisfaction": "satisfaction",
              "org": "org_code"}
_ATTENDANCE_FIELDS = ("hours", "score", "passed", "satisfaction")
_CATEGORY_KEYS = {normalise_title(c): c for c in TRAINING_CATEGORIES}


@dataclass(slots=True)
class TrainingRow:
    """One parsed row of the training return (values normalised; ``None`` when empty or unreadable)."""

    row: TableRow
    code: str | None
    title: str | None
    category: str | None
    start: dt.date | None
    end: dt.date | None
    hours: float | None
    staff_no: str | None
    name: str | None
    org: str | None
    score: float | None
    passed: bool | None
    satisfaction: int | None
    note: str | None
    duplicate_of: TrainingRow | None = None

    def course(self) -> tuple:
        return self.title, self.category, self.start, self.end

    def attendance(self) -> tuple:
        return self.hours, self.score, self.passed, self.satisfaction


def _field_text(key: str) -> str:
    return i18n.msg(f"training.field.{key}")


def _show(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if value is True:
        return "是"
    if value is False:
        return "否"
    return "" if value is None else str(value)


def category_of(text: str | None) -> str | None:
    """A 培训类别 as written → its canonical name (``服务规范培训`` → ``服务规范``), ``None`` if not one."""
    if not text:
        return None
    key = normalise_title(text)
    if key in _CATEGORY_KEYS:
        return _CATEGORY_KEYS[key]
    if key.endswith("培训") and key[:-2] in _CATEGORY_KEYS:
        return _CATEGORY_KEYS[key[:-2]]
    return _CATEGORY_KEYS.get(key + "培训")


def _course_code(value: object) -> str | None:
    """培训项目编号 as compared (upper case). Raises ``NormaliseError`` for a number that lost its
    digits (issue 11 §6)."""
    text = parse_identifier(value)
    return text.upper() if text else None


@register_kind
class TrainingReturn(ReturnKind):
    """培训情况表 (DESIGN §3.3)."""

    name = "training"
    sheet_name = "培训情况"
    title = "培训情况表"
    title_en = "Training return"
    period_type = "year"
    order = 20
    owed_by_branches = True
    columns = (
        Column("seq", ("序号",), False, "int", width=6),
        Column("course_code", ("培训项目编号", "项目编号", "培训编号", "培训项目代码", "课程编号"), True, "code", width=14),
        Column("course_title", ("培训项目名称", "项目名称", "培训名称", "培训项目", "课程名称"), True, "text", width=26),
        Column("category", ("培训类别", "类别", "培训类型", "项目类别"), True, "choice", TRAINING_CATEGORIES, width=14),
        Column("start_date", ("开始日期", "培训开始日期", "开始时间", "起始日期"), True, "date", width=12),
        Column("end_date", ("结束日期", "培训结束日期", "结束时间", "截止日期"), True, "date", width=12),
        Column("hours", ("学时", "培训学时", "学时数", "课时"), True, "number", width=8),
        Column("staff_no", ("工号", "员工号", "员工工号", "员工编号", "职工号"), True, "staff_no", width=10),
        Column("name", ("姓名", "员工姓名"), True, "text", width=10),
        Column("org_code", ("机构代码", "机构号", "机构编号", "所在机构代码"), False, "org_code", width=10),
        Column("score", ("考核成绩", "成绩", "考试成绩", "考核分数"), False, "number", width=10),
        Column("passed", ("是否合格", "考核结果", "合格"), False, "choice", ("是", "否"), width=10),
        Column("satisfaction", ("满意度", "满意度评价", "满意度评分"), False, "int", width=8),
        Column("note", ("备注",), False, "text", width=16),
    )

    # ------------------------------------------------------------------ parse (no database)
    def parse(self, table: Table, ctx: ImportContext) -> ParsedReturn:
        """Normalise every row; check required cells, categories, dates, numbers and the rows against each other."""
        problems: list[Problem] = []
        records: list[TrainingRow] = []
        sheet = table.sheet.name if table.sheet is not None else self.sheet_name
        for row in table.rows:
            records.append(self._parse_row(row, ctx, problems))
        problems.extend(self._cross_check(records))
        if not records and not table.problems:
            problems.append(Problem(sheet, None, "table.no_rows", {}))
        return ParsedReturn(self.name, sheet, records, problems)

    def _required_text(self, row: TableRow, field_name: str, problems: list[Problem]) -> str | None:
        text = clean_text(row.get(field_name))
        if text is None:
            problems.append(self.required_problem(row, field_name))
        elif field_name in ("name", "course_title"):
            try:
                check_not_formula(text)  # issue 11 §7: text is text
            except NormaliseError as exc:
                problems.append(row.problem(field_name, exc.key, **exc.params))
        return text

    def _parse_row(self, row: TableRow, ctx: ImportContext, problems: list[Problem]) -> TrainingRow:
        try:
            code = _course_code(row.get("course_code"))
        except NormaliseError as exc:
            code = None
            problems.append(row.problem("course_code", exc.key, **exc.params))
        else:
            if code is None:
                problems.append(self.required_problem(row, "course_code"))
        title = self._required_text(row, "course_title", problems)
        category_text = self._required_text(row, "category", problems)
        category = category_of(category_text)
        if category_text is not None and category is None:
            problems.append(row.problem("category", "training.category", value=category_text,
                                        choices="、".join(TRAINING_CATEGORIES)))
        start = self.date_cell(row.get("start_date"), row, "start_date", problems, required=True)
        end = self.date_cell(row.get("end_date"), row, "end_date", problems, required=True)
        start = None if start is UNREADABLE else start
        end = None if end is UNREADABLE else end
        if start and end and end < start:
            problems.append(row.problem("end_date", "training.end_before_start", end=end.isoformat(),
                                        start=start.isoformat()))
        if start and ctx.period_end and start > ctx.period_end:
            problems.append(row.problem("start_date", "training.after_period", start=start.isoformat(),
                                        period_end=ctx.period_end.isoformat()))
        hours = None
        raw_hours = row.get("hours")
        if clean_text(raw_hours) is None:
            problems.append(self.required_problem(row, "hours"))
        else:
            try:
                hours = parse_number(raw_hours)
            except NormaliseError:
                hours = None
            if hours is None or hours <= 0:
                problems.append(row.problem("hours", "training.hours", value=clean_text(raw_hours)))
                hours = None
        staff_no = self.code_cell(row.get("staff_no"), row, "staff_no", parse_staff_no, problems)
        name = self._required_text(row, "name", problems)
        org = self.code_cell(row.get("org_code"), row, "org_code", parse_org_code, problems, required=False)
        score = None
        raw_score = row.get("score")
        if clean_text(raw_score) is not None:
            try:
                score = parse_number(raw_score)
            except NormaliseError:
                score = None
            if score is None or not 0 <= score <= 100:
                problems.append(row.problem("score", "training.score", value=clean_text(raw_score)))
                score = None
        passed = None
        passed_text = clean_text(row.get("passed"))
        if passed_text is not None:
            passed = PASSED_VALUES.get(passed_text.replace(" ", ""))
            if passed is None:
                problems.append(row.problem("passed", "training.passed", value=passed_text))
        satisfaction = None
        raw_satisfaction = row.get("satisfaction")
        if clean_text(raw_satisfaction) is not None:
            try:
                number = parse_number(raw_satisfaction)
            except NormaliseError:
                number = None
            if number is None or not number.is_integer() or not 1 <= number <= 5:
                problems.append(row.problem("satisfaction", "training.satisfaction", value=clean_text(raw_satisfaction)))
            else:
                satisfaction = int(number)
        return TrainingRow(row, code, title, category, start, end, hours, staff_no, name, org, score, passed,
                           satisfaction, clean_text(row.get("note")))

    def _cross_check(self, records: list[TrainingRow]) -> list[Problem]:
        """One code = one course (title, category, dates); one row per person and course unless identical."""
        problems: list[Problem] = []
        first_of_course: dict[str, TrainingRow] = {}
        first_of_pair: dict[tuple[str, str], TrainingRow] = {}
        for record in records:
            if record.code:
                first = first_of_course.setdefault(record.code, record)
                if first is not record:
                    for attr, key in _COURSE_FIELDS:
                        mine, theirs = getattr(record, attr), getattr(first, attr)
                        if mine is not None and theirs is not None and mine != theirs:
                            column = _COLUMN_OF[attr]
                            problems.append(record.row.problem(
                                column, "training.course_conflict", code=record.code, cell=first.row.ref(column),
                                title=_field_text(attr), other=_show(theirs), value=_show(mine)))
            if record.code and record.staff_no:
                pair = (record.code, record.staff_no)
                first = first_of_pair.setdefault(pair, record)
                if first is not record:
                    differ = [attr for attr in (*_ATTENDANCE_FIELDS, "org")
                              if getattr(record, attr) != getattr(first, attr)]
                    if differ:
                        problems.append(record.row.problem(
                            _COLUMN_OF[differ[0]], "training.duplicate", staff_no=record.staff_no, code=record.code,
                            cell=first.row.ref("staff_no"), fields="、".join(_field_text(a) for a in differ)))
                    else:
                        record.duplicate_of = first
        return problems

    # ------------------------------------------------------------------ validate (database, read-only)
    def validate(self, session: Session, parsed: ParsedReturn, ctx: ImportContext) -> None:
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
            elif root is not None and record.org not in subtree:
                problems.append(record.row.problem("org_code", "training.org_outside", code=unit.code, name=unit.name,
                                                   root=root.code, root_name=root.name))
        staff_cols = (Staff.id, Staff.staff_no, Staff.name, Staff.org_unit_id)
        known = {r.staff_no: r for r in _db.select_in(session, staff_cols, Staff.staff_no,
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
        courses = {r.code: r for r in _db.select_in(session, course_cols, TrainingCourse.code, codes)}
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
            for attr, key in _COURSE_FIELDS:
                mine = getattr(record, attr)
                theirs = getattr(course, key)
                if mine is not None and mine != theirs:
                    problems.append(record.row.problem(
                        _COLUMN_OF[attr], "training.course_known", code=record.code, title=_field_text(attr),
                        known=_show(theirs), value=_show(mine),
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
            for row in _db.select_in(session, att_cols, TrainingAttendance.staff_id, staff_ids):
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
                    _COLUMN_OF[differ[0]] if differ[0] != "org" else "org_code", "training.reported_elsewhere",
                    staff_no=record.staff_no, code=record.code, file=elsewhere_files.get(row.source_batch_id, "-"),
                    row=row.source_row or "-", fields="、".join(_field_text(a) for a in differ)))
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
        parsed.state.update(known=known, courses=courses, owned=owned, other_uses=other_uses,
                            redefinable=redefinable, merged_elsewhere=merged_elsewhere, dropped=dropped)

    # ------------------------------------------------------------------ preview / plan
    def _plan(self, parsed: ParsedReturn, ctx: ImportContext) -> dict:
        if "plan" in parsed.state:
            return parsed.state["plan"]
        state = parsed.state
        known, courses, owned = state["known"], state["courses"], state["owned"]
        redefinable, merged_elsewhere = state["redefinable"], state["merged_elsewhere"]
        records: list[TrainingRow] = parsed.records
        changes: list[Change] = []
        new_courses: list[dict] = []
        course_updates: list[dict] = []
        first_rows: dict[str, TrainingRow] = {}
        for record in records:
            first_rows.setdefault(record.code, record)
        for code, record in first_rows.items():
            label = f"{code} {record.title}（{record.category}，{record.start.isoformat()}–{record.end.isoformat()}）"
            course = courses.get(code)
            if course is None:
                new_courses.append({
                    "code": code, "title": record.title, "category": record.category, "hours": record.hours,
                    "provider": None, "start_date": record.start, "end_date": record.end, "target_categories": [],
                    "note": None, "version": 1, "source_sheet": parsed.sheet, "source_row": record.row.number})
                changes.append(Change("training_course", "new", code, label))
            elif code in redefinable:
                values = {"title": record.title, "category": record.category, "start_date": record.start,
                          "end_date": record.end, "hours": record.hours}
                before = {k: getattr(course, k) for k in values if getattr(course, k) != values[k]}
                if before:
                    after = {k: values[k] for k in before}
                    course_updates.append({"id": course.id, **after, "source_sheet": parsed.sheet,
                                           "source_row": record.row.number})
                    changes.append(Change("training_course", "changed", code, label, before, after))
        # attendance: the superseded return's rows are replaced by this return's rows
        dropped = {(r.code, r.staff_no): r for r in state["dropped"]}
        attendance: list[dict] = []
        for record in records:
            key = (record.code, record.staff_no)
            if record.duplicate_of is not None or key in merged_elsewhere:
                continue
            person = known[record.staff_no]
            org_id = ctx.orgs[record.org].id if record.org else None
            attendance.append({
                "code": record.code, "staff_id": person.id, "org_unit_id": org_id, "hours": record.hours,
                "score": record.score, "passed": record.passed, "satisfaction": record.satisfaction,
                "note": record.note, "version": 1, "source_sheet": parsed.sheet, "source_row": record.row.number})
            label = f"{record.staff_no} {record.name} · {record.code} {record.title}"
            old = dropped.pop(key, None)
            if old is None:
                changes.append(Change("training_attendance", "new", f"{record.code}/{record.staff_no}", label))
                continue
            before = {k: getattr(old, k) for k in _ATTENDANCE_FIELDS if getattr(old, k) != getattr(record, k)}
            if old.org_unit_id != org_id:
                before["org_unit_id"] = old.org_unit_id
            if before:
                after = {k: (org_id if k == "org_unit_id" else getattr(record, k)) for k in before}
                changes.append(Change("training_attendance", "changed", f"{record.code}/{record.staff_no}", label,
                                      before, after))
        for (code, staff_no), old in sorted(dropped.items()):
            changes.append(Change("training_attendance", "removed", f"{code}/{staff_no}", f"{staff_no} {old.name} · {code}",
                                  {k: getattr(old, k) for k in _ATTENDANCE_FIELDS}, None))
        # courses the superseded return created that nothing uses any more
        removed_courses = []
        for code, course in sorted(owned.items()):
            if code in first_rows or state["other_uses"].get(course.id):
                continue
            removed_courses.append(course.id)
            changes.append(Change("training_course", "removed", code, f"{code} {course.title}",
                                  {"title": course.title, "category": course.category,
                                   "start_date": course.start_date, "end_date": course.end_date}, None))
        plan = {"new_courses": new_courses, "course_updates": course_updates, "attendance": attendance,
                "removed_courses": removed_courses, "changes": Changes(tuple(changes))}
        state["plan"] = plan
        return plan

    def preview(self, session: Session, parsed: ParsedReturn, ctx: ImportContext) -> Changes:
        """New and corrected courses; new, changed and removed attendance (against the superseded return)."""
        return self._plan(parsed, ctx)["changes"]

    # ------------------------------------------------------------------ apply
    def apply(self, session: Session, batch_id: int, parsed: ParsedReturn, ctx: ImportContext) -> int:
        """Replace the superseded return's attendance, write new/corrected courses, then this return's attendance."""
        plan = self._plan(parsed, ctx)
        att_table, course_table = TrainingAttendance.__table__, TrainingCourse.__table__
        if ctx.superseded_batch_id is not None:
            session.execute(att_table.delete().where(att_table.c.source_batch_id == ctx.superseded_batch_id))
        if plan["removed_courses"]:
            session.execute(course_table.delete().where(course_table.c.id.in_(plan["removed_courses"])))
        for row in plan["course_updates"]:
            row["source_batch_id"] = batch_id
        _db.update_many(session, course_table, plan["course_updates"],
                        ("title", "category", "start_date", "end_date", "hours", "source_batch_id", "source_sheet",
                         "source_row"))
        new_courses = [dict(row, source_batch_id=batch_id) for row in plan["new_courses"]]
        ids = {code: c.id for code, c in parsed.state["courses"].items()}
        ids.update(_db.insert_returning_ids(session, course_table, new_courses, "code"))
        rows = []
        for att in plan["attendance"]:
            row = dict(att)
            row["course_id"] = ids[row.pop("code")]
            row["source_batch_id"] = batch_id
            rows.append(row)
        _db.insert_many(session, att_table, rows)
        actions = {"changed": "update", "removed": "delete"}
        entries = [(c.entity, c.key, actions[c.action], c.before, c.after)
                   for c in plan["changes"].items if c.action in actions]
        _db.audit_many(session, ctx.actor, entries, batch_id=batch_id, at=ctx.now)
        return len(parsed.records)

    # ------------------------------------------------------------------ templates
    def template_choices(self, session: Session | None) -> dict[str, list[str]]:
        """Fixed drop-downs: the six categories, 是/否."""
        return {"category": list(TRAINING_CATEGORIES), "passed": ["是", "否"]}
