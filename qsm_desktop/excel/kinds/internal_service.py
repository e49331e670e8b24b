"""内部服务评价表 — the internal service rating (``kind = internal_service``), DESIGN.md §3.6.

| 序号 | 部门代码 | 部门名称 | 服务态度 | 响应时效 | 政策传导 | 问题解决 | 综合评分 | 意见建议 |

A branch rates the head-office departments 0–100 (下级行对上级行服务满意); the ratings feed the
back-office indicators (E01–E04 of the 2007 system: the mean over the branches' returns of the
period). Stored one row per rating branch × department × period (``internal_service_ratings``)
with the batch, sheet, row and each rating's cell. A newer return of the same branch and period
replaces the older one's ratings.

This module only translates (issue 10): :meth:`InternalServiceReturn.parse` checks, without the
database, each problem at its cell: 部门代码 a 6-digit code, rated once; the four ratings present,
numbers in 0–100; 综合评分 (optional) in 0–100 — and gives frozen :class:`RatingRow` records. That
the reporting unit is a branch (分行) and each code an open head-office department (总行部门) is
checked by the import handler in :mod:`qsm_desktop.services.evaluation.imports`, which also writes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from qsm_desktop.domain import i18n
from qsm_desktop.domain.indicators import fmt_number
from qsm_desktop.domain.indicators.inputs import RATING_FIELDS
from qsm_desktop.domain.normalise import NormaliseError, clean_text, fold, parse_number, parse_org_code
from qsm_desktop.excel.kinds.base import Column, ParseContext, ParsedReturn, ReturnKind, register_kind
from qsm_desktop.excel.problems import Problem
from qsm_desktop.excel.table import Table, TableRow

SOURCE = "internal_service"
REQUIRED_RATINGS = ("attitude", "response", "policy", "resolution")
RATER_TYPE = "分行"
DEPARTMENT_TYPE = "总行部门"

i18n.register(
    {
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


@dataclass(frozen=True, slots=True)
class RatingRow:
    """One parsed row (frozen): the ``department`` code (6 digits; ``None`` when empty or not a
    code), the ``ratings`` by field of :data:`RATING_FIELDS` (0–100; ``None`` when empty or
    invalid; a read-only mapping), the ``comment`` (意见建议) and the ``row`` (for cell references)."""

    row: TableRow
    department: str | None
    ratings: Mapping[str, float | None]
    comment: str | None = None

    def values(self) -> tuple[float | None, ...]:
        """The ratings in :data:`RATING_FIELDS` order."""
        return tuple(self.ratings.get(f) for f in RATING_FIELDS)


@register_kind
class InternalServiceReturn(ReturnKind):
    """内部服务评价表 (DESIGN §3.6)."""

    name = "internal_service"
    sheet_name = "内部服务评价"
    title = "内部服务评价表"
    title_en = "Internal service rating"
    period_type = "quarter"
    order = 40
    owed_by_branches = True
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
    def parse(self, table: Table, ctx: ParseContext) -> ParsedReturn[RatingRow]:
        """Department codes (6 digits, once each) and ratings (numbers 0–100)."""
        problems: list[Problem] = []
        records: list[RatingRow] = []
        sheet = table.sheet.name if table.sheet is not None else self.sheet_name
        first: dict[str, TableRow] = {}
        for row in table.rows:
            department: str | None = None
            raw = row.get("department")
            if raw is None or raw == "" or (isinstance(raw, str) and not fold(raw).strip()):
                problems.append(self.required_problem(row, "department"))
            else:
                try:
                    department = parse_org_code(raw)
                except NormaliseError as exc:
                    problems.append(row.problem("department", exc.key, **exc.params))
            if department:
                seen = first.setdefault(department, row)
                if seen is not row:
                    problems.append(row.problem("department", "internal.duplicate", code=department,
                                                cell=seen.ref("department")))
            ratings: dict[str, float | None] = {}
            for field_name in RATING_FIELDS:
                raw = row.get(field_name)
                empty = raw is None or raw == "" or (isinstance(raw, str) and not fold(raw).strip())
                if empty:
                    ratings[field_name] = None
                    if field_name in REQUIRED_RATINGS:
                        problems.append(self.required_problem(row, field_name))
                    continue
                try:
                    value = parse_number(raw)
                except NormaliseError as exc:
                    problems.append(row.problem(field_name, exc.key, **exc.params))
                    ratings[field_name] = None
                    continue
                if not 0.0 <= value <= 100.0:
                    problems.append(row.problem(field_name, "internal.range", value=fmt_number(value, 4)))
                    ratings[field_name] = None
                    continue
                ratings[field_name] = value
            records.append(RatingRow(row, department, MappingProxyType(ratings), clean_text(row.get("comment"))))
        if not records and not table.problems:
            problems.append(Problem(sheet, None, "table.no_rows", {}))
        return ParsedReturn(self.name, sheet, records, problems)
