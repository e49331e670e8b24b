"""内部服务评价表 — the internal service rating (``kind = internal_service``), DESIGN.md §3.6.

| 序号 | 部门代码 | 部门名称 | 服务态度 | 响应时效 | 政策传导 | 问题解决 | 综合评分 | 意见建议 |

A branch rates the head-office departments 0–100 (下级行对上级行服务满意); the ratings feed the
back-office indicators (E01–E04 of the 2007 system: the mean over the branches' returns of the
period). Stored one row per rating branch × department × period (``internal_service_ratings``)
with the batch, sheet, row and each rating's cell. A newer return of the same branch and period
replaces the older one's ratings.

Rules checked, each problem at its cell: 部门代码 a known, open head-office department (总行部门),
rated once; the four ratings present, numbers in 0–100; 综合评分 (optional) in 0–100; the
reporting unit is a branch (分行).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from qsm_desktop.domain import i18n
from qsm_desktop.domain.indicators import fmt_number
from qsm_desktop.domain.indicators.inputs import RATING_FIELDS, rating_field_for  # rules in the domain; kept importable here
from qsm_desktop.domain.normalise import NormaliseError, clean_text, fold, parse_number
from qsm_desktop.excel.kinds import _db
from qsm_desktop.excel.kinds.base import Change, Changes, Column, ImportContext, ParsedReturn, ReturnKind, register_kind
from qsm_desktop.excel.problems import Problem
from qsm_desktop.excel.table import Table, TableRow
from qsm_desktop.store.models import OrgStatus
from qsm_desktop.store.models.evaluation import InternalServiceRating

SOURCE = "internal_service"
REQUIRED_RATINGS = ("attitude", "response", "policy", "resolution")
RATER_TYPE = "分行"
DEPARTMENT_TYPE = "总行部门"

i18n.register(
    {
        "internal.rater_type": (
            "填报单位{code}（{name}）是{type}。内部服务评价表由分行填报，对总行各部门评分",
            "the reporting unit {code} ({name}) is a {type}; internal service ratings come from branches, "
            "rating the head-office departments",
        ),
        "internal.unknown_department": (
            "部门代码{code}不是总行部门。应为：{codes}",
            "{code} is not a head-office department; use one of: {codes}",
        ),
        "internal.closed_department": (
            "部门{code}（{name}）已撤销，不能再评价",
            "department {code} ({name}) is closed and cannot be rated",
        ),
        "internal.duplicate": (
            "部门{code}在{cell}已评价，此处重复。每个部门只评一行，请删除多余的一行",
            "department {code} is already rated at {cell}; rate each department once and delete the extra row",
        ),
        "internal.range": (
            "评分“{value}”超出0–100分，请核对",
            "rating '{value}' is outside 0–100; check it",
        ),
        "entity.internal_rating": ("内部服务评分", "internal service ratings"),
    }
)


@dataclass(slots=True)
class RatingRow:
    """One parsed row: department code, ratings by field (``None`` when empty or invalid), comment."""

    row: TableRow
    department: str | None
    ratings: dict[str, float | None] = field(default_factory=dict)
    comment: str | None = None


@register_kind
class InternalServiceReturn(ReturnKind):
    """内部服务评价表 (DESIGN §3.6)."""

    name = "internal_service"
    sheet_name = "内部服务评价"
    title = "内部服务评价表"
    title_en = "Internal service rating"
    period_type = "quarter"
    columns = (
        Column("seq", ("序号",), False, "int", width=6),
        Column("department", ("部门代码", "部门机构代码", "机构代码", "部门编号"), True, "org_code", width=10),
        Column("department_name", ("部门名称", "部门", "被评价部门"), False, "text", width=24),
        Column("attitude", ("服务态度",), True, "number", width=10),
        Column("response", ("响应时效", "响应及时性", "响应速度"), True, "number", width=10),
        Column("policy", ("政策传导", "政策传达"), True, "number", width=10),
        Column("resolution", ("问题解决", "解决问题"), True, "number", width=10),
        Column("overall", ("综合评分", "综合得分", "综合"), False, "number", width=10),
        Column("comment", ("意见建议", "意见和建议", "意见", "建议"), False, "text", width=36),
    )

    # ------------------------------------------------------------------ parse (no database)
    def parse(self, table: Table, ctx: ImportContext) -> ParsedReturn:
        """Department codes (6 digits, once each) and ratings (numbers 0–100)."""
        from qsm_desktop.domain.normalise import parse_org_code

        problems: list[Problem] = []
        records: list[RatingRow] = []
        sheet = table.sheet.name if table.sheet is not None else self.sheet_name
        first: dict[str, RatingRow] = {}
        for row in table.rows:
            record = RatingRow(row, None, comment=clean_text(row.get("comment")))
            raw = row.get("department")
            if raw is None or raw == "" or (isinstance(raw, str) and not fold(raw).strip()):
                problems.append(self.required_problem(row, "department"))
            else:
                try:
                    record.department = parse_org_code(raw)
                except NormaliseError as exc:
                    problems.append(row.problem("department", exc.key, **exc.params))
            if record.department:
                seen = first.setdefault(record.department, record)
                if seen is not record:
                    problems.append(row.problem("department", "internal.duplicate", code=record.department,
                                                cell=seen.row.ref("department")))
            for field_name in RATING_FIELDS:
                raw = row.get(field_name)
                empty = raw is None or raw == "" or (isinstance(raw, str) and not fold(raw).strip())
                if empty:
                    record.ratings[field_name] = None
                    if field_name in REQUIRED_RATINGS:
                        problems.append(self.required_problem(row, field_name))
                    continue
                try:
                    value = parse_number(raw)
                except NormaliseError as exc:
                    problems.append(row.problem(field_name, exc.key, **exc.params))
                    record.ratings[field_name] = None
                    continue
                if not 0.0 <= value <= 100.0:
                    problems.append(row.problem(field_name, "internal.range", value=fmt_number(value, 4)))
                    record.ratings[field_name] = None
                    continue
                record.ratings[field_name] = value
            records.append(record)
        if not records and not table.problems:
            problems.append(Problem(sheet, None, "table.no_rows", {}))
        return ParsedReturn(self.name, sheet, records, problems)

    # ------------------------------------------------------------------ validate
    def validate(self, session: Session, parsed: ParsedReturn, ctx: ImportContext) -> None:
        """The reporting unit is a branch; every department code is an open head-office department."""
        problems = parsed.problems
        unit = ctx.org
        if unit is not None and unit.type != RATER_TYPE:
            problems.append(Problem(None, None, "internal.rater_type",
                                    {"code": unit.code, "name": unit.name, "type": unit.type}))
        departments = {c: o for c, o in ctx.orgs.items() if o.type == DEPARTMENT_TYPE}
        open_codes = "、".join(sorted(c for c, o in departments.items() if o.status != OrgStatus.CLOSED.value))
        for record in parsed.records:
            if record.department is None:
                continue
            info = departments.get(record.department)
            if info is None:
                problems.append(record.row.problem("department", "internal.unknown_department", code=record.department,
                                                   codes=open_codes))
            elif info.status == OrgStatus.CLOSED.value:
                problems.append(record.row.problem("department", "internal.closed_department", code=info.code,
                                                   name=info.name))

    # ------------------------------------------------------------------ preview / apply
    def _existing(self, session: Session, ctx: ImportContext) -> dict[int, tuple]:
        rows = session.execute(
            select(InternalServiceRating.department_org_id, InternalServiceRating.attitude,
                   InternalServiceRating.response, InternalServiceRating.policy, InternalServiceRating.resolution,
                   InternalServiceRating.overall)
            .where(InternalServiceRating.rater_org_id == ctx.org.id, InternalServiceRating.period == ctx.period)
        ).all()
        return {r[0]: tuple(r[1:]) for r in rows}

    def preview(self, session: Session, parsed: ParsedReturn, ctx: ImportContext) -> Changes:
        """New ratings, changed ratings (before → after) and departments no longer rated."""
        existing = self._existing(session, ctx)
        parsed.state["existing"] = existing
        changes: list[Change] = []
        listed: set[int] = set()
        for record in parsed.records:
            info = ctx.orgs[record.department]  # validated
            listed.add(info.id)
            after = tuple(record.ratings.get(f) for f in RATING_FIELDS)
            label = f"{info.code} {info.name}"
            before = existing.get(info.id)
            if before is None:
                changes.append(Change("internal_rating", "new", info.code, label))
            elif before != after:
                changes.append(Change("internal_rating", "changed", info.code, label,
                                      dict(zip(RATING_FIELDS, before)), dict(zip(RATING_FIELDS, after))))
        by_id = {o.id: o for o in ctx.orgs.values()}
        for dept_id in existing:
            if dept_id not in listed and dept_id in by_id:
                o = by_id[dept_id]
                changes.append(Change("internal_rating", "removed", o.code, f"{o.code} {o.name}"))
        return Changes(tuple(changes))

    def apply(self, session: Session, batch_id: int, parsed: ParsedReturn, ctx: ImportContext) -> int:
        """Replace the branch's ratings of the period by this return's; audit what changed."""
        existing = parsed.state.get("existing") or self._existing(session, ctx)
        table = InternalServiceRating.__table__
        session.execute(delete(table).where(table.c.rater_org_id == ctx.org.id, table.c.period == ctx.period))
        rows = []
        entries = []
        for record in parsed.records:
            info = ctx.orgs[record.department]
            cells = {f: record.row.ref(f) for f in RATING_FIELDS if f in record.row.header.columns}
            rows.append({
                "rater_org_id": ctx.org.id, "department_org_id": info.id, "period": ctx.period,
                **{f: record.ratings.get(f) for f in RATING_FIELDS}, "comment": record.comment,
                "source_cells": cells, "source_batch_id": batch_id, "source_sheet": parsed.sheet,
                "source_row": record.row.number,
            })
            before = existing.get(info.id)
            after = tuple(record.ratings.get(f) for f in RATING_FIELDS)
            if before is not None and before != after:
                entries.append(("internal_rating", f"{ctx.org_code}/{ctx.period}/{info.code}", "update",
                                dict(zip(RATING_FIELDS, before)), dict(zip(RATING_FIELDS, after))))
        _db.insert_many(session, table, rows)
        _db.audit_many(session, ctx.actor, entries, batch_id=batch_id, at=ctx.now)
        return len(rows)

    # ------------------------------------------------------------------ template
    def template_rows(self, session: Session | None, ctx: ImportContext) -> list[dict]:
        """One row per open head-office department, ratings blank."""
        departments = sorted((o for o in ctx.orgs.values()
                              if o.type == DEPARTMENT_TYPE and o.status != OrgStatus.CLOSED.value), key=lambda o: o.code)
        return [{"seq": n, "department": o.code, "department_name": o.name} for n, o in enumerate(departments, start=1)]
