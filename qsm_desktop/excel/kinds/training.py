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

This module only translates (DB-free): it reads the rows into frozen :class:`TrainingRow` records
and checks each row and the rows against each other. The checks against the register (staff,
units, courses, attendance reported elsewhere), the preview and the write are the import
handler's: ``qsm_desktop/services/training/imports.py`` and ``records.py``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from qsm_desktop.domain import i18n
from qsm_desktop.domain.normalise import (
    NormaliseError,
    clean_text,
    parse_identifier,
    parse_number,
    parse_org_code,
    parse_staff_no,
)
from qsm_desktop.domain.training import TRAINING_CATEGORIES
from qsm_desktop.excel.kinds.base import UNREADABLE, Column, ParseContext, ParsedReturn, ReturnKind, register_kind
from qsm_desktop.excel.problems import Problem
from qsm_desktop.excel.table import Table, TableRow, normalise_title

__all__ = ["ATTENDANCE_FIELDS", "COLUMN_OF", "COURSE_FIELDS", "PASSED_VALUES", "TrainingReturn", "TrainingRow",
           "category_of", "field_text", "shown_value"]

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
        "training.duplicate": (
            "工号{staff_no}参加培训项目{code}已在{cell}填报，两行的{fields}不同。同一人同一项目只填一行，请合并为一行",
            "staff {staff_no} on course {code} is already listed at {cell} with different {fields}; list each person "
            "once per course",
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

COURSE_FIELDS = (("title", "title"), ("category", "category"), ("start", "start_date"), ("end", "end_date"))
"""(record attribute, message field key / column field) of what defines a course."""
COLUMN_OF = {"title": "course_title", "category": "category", "start": "start_date", "end": "end_date",
             "hours": "hours", "score": "score", "passed": "passed", "satisfaction": "satisfaction",
             "org": "org_code"}
"""Record attribute → the template column its problems point at."""
ATTENDANCE_FIELDS = ("hours", "score", "passed", "satisfaction")
"""What a person reported on a course (the attendance record's fields)."""
_CATEGORY_KEYS = {normalise_title(c): c for c in TRAINING_CATEGORIES}


@dataclass(frozen=True, slots=True)
class TrainingRow:
    """One parsed row of the training return (values normalised; ``None`` when empty or unreadable):
    where it came from (``row``), the course (培训项目编号 ``code``, 名称 ``title``, 类别 ``category``,
    开始/结束日期 ``start``/``end``), 学时 ``hours``, 工号 ``staff_no``, 姓名, 机构代码 ``org``, 考核成绩
    ``score`` (0–100), 是否合格 ``passed``, 满意度 ``satisfaction`` (1–5), 备注 ``note``;
    ``duplicate_of`` the earlier row listing the same person on the same course with the same
    values (merged into it). Frozen: the import handler keeps what it computes in its plan."""

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
        """(title, category, start, end): what defines the course."""
        return self.title, self.category, self.start, self.end

    def attendance(self) -> tuple:
        """(hours, score, passed, satisfaction): what the person reported."""
        return self.hours, self.score, self.passed, self.satisfaction


def field_text(key: str) -> str:
    """The name of a record attribute (``title``, ``hours``, ``org`` …) in the current language, for messages."""
    return i18n.msg(f"training.field.{key}")


def shown_value(value: object) -> str:
    """A record value as a message shows it: dates ISO, whole hours without ``.0``, 是/否, empty for ``None``."""
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
    def parse(self, table: Table, ctx: ParseContext) -> ParsedReturn:
        """Normalise every row; check required cells, categories, dates, numbers and the rows against each other."""
        problems: list[Problem] = []
        records: list[TrainingRow] = []
        sheet = table.sheet.name if table.sheet is not None else self.sheet_name
        for row in table.rows:
            records.append(self._parse_row(row, ctx, problems))
        cross_problems, duplicates = self._cross_check(records)
        problems.extend(cross_problems)
        for index, first in duplicates.items():
            records[index] = dataclasses.replace(records[index], duplicate_of=first)
        if not records and not table.problems:
            problems.append(Problem(sheet, None, "table.no_rows", {}))
        return ParsedReturn(self.name, sheet, records, problems)

    def _required_text(self, row: TableRow, field_name: str, problems: list[Problem]) -> str | None:
        text = clean_text(row.get(field_name))
        if text is None:
            problems.append(self.required_problem(row, field_name))
        return text

    def _parse_row(self, row: TableRow, ctx: ParseContext, problems: list[Problem]) -> TrainingRow:
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
                                        choices=i18n.Verbatim(TRAINING_CATEGORIES)))
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

    def _cross_check(self, records: list[TrainingRow]) -> tuple[list[Problem], dict[int, TrainingRow]]:
        """One code = one course (title, category, dates); one row per person and course unless
        identical. Returns the problems and the identical repeats (index → the first row)."""
        problems: list[Problem] = []
        duplicates: dict[int, TrainingRow] = {}
        first_of_course: dict[str, TrainingRow] = {}
        first_of_pair: dict[tuple[str, str], TrainingRow] = {}
        for index, record in enumerate(records):
            if record.code:
                first = first_of_course.setdefault(record.code, record)
                if first is not record:
                    for attr, key in COURSE_FIELDS:
                        mine, theirs = getattr(record, attr), getattr(first, attr)
                        if mine is not None and theirs is not None and mine != theirs:
                            column = COLUMN_OF[attr]
                            problems.append(record.row.problem(
                                column, "training.course_conflict", code=record.code, cell=first.row.ref(column),
                                title=field_text(attr), other=shown_value(theirs), value=shown_value(mine)))
            if record.code and record.staff_no:
                pair = (record.code, record.staff_no)
                first = first_of_pair.setdefault(pair, record)
                if first is not record:
                    differ = [attr for attr in (*ATTENDANCE_FIELDS, "org")
                              if getattr(record, attr) != getattr(first, attr)]
                    if differ:
                        problems.append(record.row.problem(
                            COLUMN_OF[differ[0]], "training.duplicate", staff_no=record.staff_no, code=record.code,
                            cell=first.row.ref("staff_no"), fields="、".join(field_text(a) for a in differ)))
                    else:
                        duplicates[index] = first
        return problems, duplicates
