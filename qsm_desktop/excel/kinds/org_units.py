"""机构清单 — the org list (``kind = org_units``), DESIGN.md §2 and §3.1.

| 机构代码 | 机构名称 | 上级机构代码 | 机构类型 | 所在地区 | 状态 |

机构类型 ∈ 总行, 总行部门, 分行, 支行, 网点; 状态 ∈ 正常, 撤销 (default 正常). The tree is 总行 →
总行部门 and 分行 → 支行 → 网点 (an outlet may also hang directly under a branch, e.g. 分行营业部).
New units are added, changed ones updated (moving a unit moves its whole subtree); units missing
from the list are left as they are — a unit is closed by listing it with 状态 撤销.

This module only translates (DB-free): codes, names, types and statuses normalised, no code twice,
no unit its own parent. The tree checks (parents known and of the right type, no loops, one head
office, inside the reporting unit), the preview and the write are the import handler's:
``qsm_desktop/services/orgs/imports.py`` and ``org_list.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from qsm_desktop.domain import i18n
from qsm_desktop.domain.normalise import NormaliseError, clean_text, fold, parse_org_code
from qsm_desktop.domain.orgs import ORG_STATUSES, ORG_TYPES, OrgStatus
from qsm_desktop.excel.kinds.base import Column, ParseContext, ParsedReturn, ReturnKind, register_kind
from qsm_desktop.excel.problems import Problem
from qsm_desktop.excel.table import Table, TableRow

__all__ = ["ORG_TYPES", "STATUSES", "OrgRow", "OrgUnitsReturn"]

STATUSES = ORG_STATUSES
"""状态 values (:data:`qsm_desktop.domain.orgs.ORG_STATUSES`)."""

_STATUS_SYNONYMS = {"撤消": "撤销", "已撤销": "撤销", "关闭": "撤销", "营业": "正常", "在用": "正常"}

i18n.register(
    {
        "org.duplicate": (
            "机构代码{code}在{cell}已出现过，同一机构只能列一行",
            "org code {code} already appears at {cell}; list each unit once",
        ),
        "org.own_parent": (
            "上级机构代码不能是机构自身的代码{code}",
            "a unit cannot be its own parent ({code})",
        ),
    }
)


@dataclass(frozen=True, slots=True)
class OrgRow:
    """One parsed row of the org list: where it came from (``row``), 机构代码 ``code``, 机构名称
    ``name``, 上级机构代码 ``parent_code``, 机构类型 ``type``, 所在地区 ``region`` and 状态 ``status``
    (正常 when empty); ``None`` where the cell was empty or refused (its problem recorded)."""

    row: TableRow
    code: str | None
    name: str | None
    parent_code: str | None
    type: str | None
    region: str | None
    status: str


@register_kind
class OrgUnitsReturn(ReturnKind):
    """机构清单 (DESIGN §3.1)."""

    name = "org_units"
    sheet_name = "机构清单"
    title = "机构清单"
    title_en = "Org list"
    period_type = "any"
    order = 0
    creates_org = True
    columns = (
        Column("code", ("机构代码", "机构号", "机构编号"), True, "org_code", width=10),
        Column("name", ("机构名称", "机构全称"), True, "text", width=34),
        Column("parent_code", ("上级机构代码", "上级机构", "上级机构号", "上级代码"), False, "org_code", width=12),
        Column("type", ("机构类型", "类型", "机构级别"), True, "choice", ORG_TYPES, width=10),
        Column("region", ("所在地区", "地区", "所在城市"), False, "text", width=10),
        Column("status", ("状态", "机构状态"), False, "choice", STATUSES, width=8),
    )

    # ------------------------------------------------------------------ parse (no database)
    def parse(self, table: Table, ctx: ParseContext) -> ParsedReturn:
        """Normalise codes, names, types and statuses; no code twice; no unit its own parent."""
        problems: list[Problem] = []
        records: list[OrgRow] = []
        seen: dict[str, OrgRow] = {}
        sheet = table.sheet.name if table.sheet is not None else self.sheet_name
        for row in table.rows:
            values = row
            code = parent_code = org_type = None
            name = clean_text(values.get("name"))
            raw = values.get("code")
            if raw is None or raw == "" or (isinstance(raw, str) and not fold(raw)):
                problems.append(self.required_problem(row, "code"))
            else:
                try:
                    code = parse_org_code(raw)
                except NormaliseError as exc:
                    problems.append(row.problem("code", exc.key, **exc.params))
            if not name:
                problems.append(self.required_problem(row, "name"))
            raw = values.get("parent_code")
            if not (raw is None or raw == "" or (isinstance(raw, str) and not fold(raw))):
                try:
                    parent_code = parse_org_code(raw)
                except NormaliseError as exc:
                    problems.append(row.problem("parent_code", exc.key, **exc.params))
            kind = clean_text(values.get("type"))
            if not kind:
                problems.append(self.required_problem(row, "type"))
            elif kind.replace(" ", "") not in ORG_TYPES:
                problems.append(self.choice_problem(row, "type", kind, ORG_TYPES))
            else:
                org_type = kind.replace(" ", "")
            status = clean_text(values.get("status"))
            record_status = OrgStatus.ACTIVE.value
            if status:
                status = _STATUS_SYNONYMS.get(status.replace(" ", ""), status.replace(" ", ""))
                if status not in STATUSES:
                    problems.append(self.choice_problem(row, "status", status, STATUSES))
                else:
                    record_status = status
            record = OrgRow(row, code, name, parent_code, org_type, clean_text(values.get("region")), record_status)
            if record.code:
                first = seen.setdefault(record.code, record)
                if first is not record:
                    problems.append(row.problem("code", "org.duplicate", code=record.code, cell=first.row.ref("code")))
                if record.parent_code == record.code:
                    problems.append(row.problem("parent_code", "org.own_parent", code=record.code))
            records.append(record)
        if not records and not table.problems:
            problems.append(Problem(sheet, None, "table.no_rows", {}))
        return ParsedReturn(self.name, sheet, records, problems)
