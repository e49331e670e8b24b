"""持证上岗情况表 — the certification return (``kind = certification``), DESIGN.md §3.2.

| 序号 | 机构代码 | 机构名称 | 工号 | 姓名 | 岗位 | 证书名称 | 证书等级 | 证书编号 | 发证日期 | 有效期至 | 备注 |

One row per staff member per certificate; a member without a certificate has one row with the
certificate columns empty. The return is the reporting unit's roster of front-line staff at the
end of the period: members of that subtree missing from it leave their post at period end.

This module only translates (DB-free): it reads the table into frozen :class:`CertRow` records and
checks, each problem at its cell:
- 机构代码 6 digits, 工号 7 digits (a numeric cell's lost zeros are restored), 姓名 and 岗位 present;
- a row with any certificate column needs 证书名称, 证书编号 and 发证日期; 证书等级 ∈ 初级/中级/高级
  (or empty); 有效期至 (the last valid day; empty = no expiry) not before 发证日期;
- one 工号 is one person (same name, unit and post on every row); one 证书编号 belongs to one
  person and is listed once.

The checks against the register (units known, open and inside the reporting unit's subtree; posts
and certificate names known; the register's names and certificate owners), the preview and the
roster replacement are the import handler's: ``qsm_desktop/services/certification/imports.py``
and ``roster.py``. The roster dates follow ``qsm_desktop/domain/certification.py``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, make_dataclass
from functools import lru_cache

from qsm_desktop.domain import i18n
from qsm_desktop.domain.certification import LEVELS
from qsm_desktop.domain.normalise import NormaliseError, clean_text, fold, parse_identifier, parse_org_code, parse_staff_no
from qsm_desktop.excel.kinds.base import Column, ParseContext, ParsedReturn, ReturnKind, UNREADABLE, register_kind
from qsm_desktop.excel.problems import Problem
from qsm_desktop.excel.table import Table, TableRow, normalise_title

__all__ = ["LEVELS", "CertRow", "CertificationReturn", "name_key"]


i18n.register(
    {
        "cert.name_conflict": (
            "工号{staff_no}在本表中对应两个姓名：{cell}为“{other}”，此处为“{name}”。一个工号只能属于一人，请核对工号或姓名",
            "staff number {staff_no} is given to two names: '{other}' at {cell} and '{name}' here. "
            "One number belongs to one person; check the number or the name",
        ),
        "cert.post_conflict": (
            "工号{staff_no}在{cell}的岗位为“{other}”，此处为“{value}”。同一人只能有一个岗位，请统一",
            "staff number {staff_no} has post '{other}' at {cell} but '{value}' here; one person has one post",
        ),
        "cert.org_conflict": (
            "工号{staff_no}在{cell}的机构代码为{other}，此处为{value}。同一人只能属于一个机构，请统一",
            "staff number {staff_no} belongs to unit {other} at {cell} but {value} here; one person has one unit",
        ),
        "cert.number_conflict": (
            "证书编号{number}在{cell}已填给工号{other}，此处又填给工号{staff_no}。一个证书编号只属于一人，请核对",
            "certificate number {number} is given to staff {other} at {cell} and to {staff_no} here; "
            "one certificate number belongs to one person",
        ),
        "cert.number_repeated": (
            "证书编号{number}与{cell}重复（同一人的同一证书填了两行），请删除重复的一行",
            "certificate number {number} repeats {cell} (the same certificate twice); delete the extra row",
        ),
        "cert.expiry_before_issue": (
            "有效期至{expires}早于发证日期{issued}，请核对两个日期",
            "valid-until date {expires} is before the issue date {issued}; check both dates",
        ),
        "cert.needs_field": (
            "本行填了证书信息，但“{title}”为空。有证书请补全证书名称、证书编号和发证日期；没有证书请清空本行的证书各列",
            "this row has certificate details but '{title}' is empty. For a certificate fill in its name, number "
            "and issue date; for none, clear the row's certificate columns",
        ),
        "cert.level": (
            "证书等级“{value}”无效，应为初级、中级、高级之一（或不填）",
            "certificate level '{value}' is not valid; use 初级, 中级 or 高级 (or leave it empty)",
        ),
    }
)

@dataclass(frozen=True, slots=True)
class CertRow:
    """One parsed row of the certification return (values normalised, ``None`` when empty): where it
    came from (``row``), 机构代码 ``org_code``, 工号 ``staff_no``, 姓名, 岗位 ``post`` and, when the row
    lists a certificate, 证书名称 ``cert_type``, 证书等级 ``level``, 证书编号 ``number``, 发证日期
    ``issued``, 有效期至 ``expires`` (the last valid day); 备注 ``note``. Frozen: the import handler
    keeps what it computes in its plan."""

    row: TableRow
    org_code: str | None
    staff_no: str | None
    name: str | None
    post: str | None
    cert_type: str | None
    level: str | None
    number: str | None
    issued: dt.date | None
    expires: dt.date | None
    note: str | None

    @property
    def has_certificate(self) -> bool:
        """Whether the row lists a certificate (any certificate column filled)."""
        return bool(self.cert_type or self.number or self.issued or self.expires or self.level)


_CertRowDraft = make_dataclass("_CertRowDraft", [f.name for f in fields(CertRow)], slots=True)
"""A writable twin of :class:`CertRow` with the same slots in the same order. :meth:`CertificationReturn.parse`
fills one per row and turns it into a ``CertRow`` by assigning ``__class__`` (allowed between
layout-identical slot classes): a frozen dataclass's own ``__init__`` sets each field through
``object.__setattr__``, about 1 µs more per row — a tenth of a second on a bank's 90,000-row
returns. After that the record is an ordinary frozen ``CertRow``."""


@lru_cache(maxsize=4096)
def name_key(text: str) -> str:
    """How post and certificate names (岗位, 证书名称) are compared: folded, no spaces, asterisks or
    colons (memoised: a return repeats a handful of names thousands of times)."""
    return normalise_title(text)


def _certificate_number(value: object, row: TableRow, problems: list[Problem]) -> str | None:
    """证书编号 as compared (upper case); a number that lost its digits is refused by cell (issue 11
    §6: the problem recorded, :data:`_BAD` returned, so no "needs a number" problem follows)."""
    if type(value) is str and value.isascii() and value.isalnum():
        return value.upper()
    try:
        text = parse_identifier(value)
    except NormaliseError as exc:
        problems.append(row.problem("number", exc.key, **exc.params))
        return _BAD
    return text.upper() if text else None


def _level(value: object) -> str | None:
    text = clean_text(value)
    if not text:
        return None
    text = text.replace(" ", "")
    if text in ("初", "中", "高"):
        text += "级"
    return text


_BAD = UNREADABLE
"""A date cell that was filled but unreadable (its problem is already recorded); also "not cached yet"."""


def _text(value: object) -> str | None:
    """Folded text or ``None`` (the common cases inline; :func:`clean_text` for the rest)."""
    if value is None or value == "":
        return None
    if type(value) is str:
        return fold(value) or None
    return clean_text(value)


@register_kind
class CertificationReturn(ReturnKind):
    """持证上岗情况表 (DESIGN §3.2)."""

    name = "certification"
    sheet_name = "持证上岗情况"
    title = "持证上岗情况表"
    title_en = "Certification return"
    period_type = "quarter"
    order = 10
    owed_by_branches = True
    columns = (
        Column("seq", ("序号",), False, "int", width=6),
        Column("org_code", ("机构代码", "机构号", "机构编号", "网点代码", "所在机构代码"), True, "org_code", width=10),
        Column("org_name", ("机构名称", "所在机构", "网点名称", "机构"), False, "text", width=30),
        Column("staff_no", ("工号", "员工号", "员工工号", "员工编号", "职工号"), True, "staff_no", width=10),
        Column("name", ("姓名", "员工姓名"), True, "text", width=10),
        Column("post", ("岗位", "岗位名称", "所在岗位"), True, "choice", width=16),
        Column("cert_type", ("证书名称", "资格证书名称", "证书类型", "持证名称"), False, "choice", width=28),
        Column("level", ("证书等级", "等级", "证书级别", "级别"), False, "choice", LEVELS, width=10),
        Column("number", ("证书编号", "证书号", "证书号码"), False, "code", width=16),
        Column("issued", ("发证日期", "发证时间", "取证日期", "颁发日期"), False, "date", width=12),
        Column("expires", ("有效期至", "有效期", "有效期限", "到期日期", "有效截止日期"), False, "date", width=12),
        Column("note", ("备注",), False, "text", width=16),
    )

    # ------------------------------------------------------------------ parse (no database)
    def parse(self, table: Table, ctx: ParseContext) -> ParsedReturn:
        """Normalise every row; check required cells, dates, levels and the rows against each other."""
        problems: list[Problem] = []
        records: list[CertRow] = []
        sheet = table.sheet.name if table.sheet is not None else self.sheet_name
        columns = table.header.columns
        index = {name: columns.get(name, -1) for name in
                 ("org_code", "staff_no", "name", "post", "cert_type", "number", "level", "issued", "expires", "note")}
        width = max(columns.values()) + 1
        i_org, i_staff, i_name, i_post = index["org_code"], index["staff_no"], index["name"], index["post"]
        i_type, i_number, i_level = index["cert_type"], index["number"], index["level"]
        i_issued, i_expires, i_note = index["issued"], index["expires"], index["note"]
        absent = min(index.values()) < 0  # an optional column is missing: it reads a blank cell at index -1
        # a return repeats a few units, posts, certificate names, levels and dates thousands of times:
        # normalise each distinct raw value once (failures are not remembered, so each row reports)
        units: dict[object, str] = {}
        texts: dict[object, str | None] = {}
        levels: dict[object, str | None] = {}
        days: dict[object, object] = {}
        append = records.append
        draft, frozen = _CertRowDraft, CertRow
        for row in table.rows:
            raw = row.raw
            if absent:
                raw = [*raw, *([""] * (width - len(raw))), ""]
            elif len(raw) < width:
                raw = [*raw, *([""] * (width - len(raw)))]
            value = raw[i_org]
            org_code = units.get(value)
            if org_code is None:
                org_code = self.code_cell(value, row, "org_code", parse_org_code, problems, width=6)
                if org_code is not None:
                    units[value] = org_code
            value = raw[i_staff]  # the common case inline: 7 ASCII digits (see code_cell)
            if type(value) is str and len(value) == 7 and value.isdigit() and value.isascii():
                staff_no = value
            else:
                staff_no = self.code_cell(value, row, "staff_no", parse_staff_no, problems, width=7)
            value = raw[i_name]
            name = (fold(value) or None) if type(value) is str else _text(value)
            if name is None:
                problems.append(self.required_problem(row, "name"))
            value = raw[i_post]
            post = texts[value] if value in texts else texts.setdefault(value, _text(value))
            if post is None:
                problems.append(self.required_problem(row, "post"))
            value = raw[i_type]
            cert_type = texts[value] if value in texts else texts.setdefault(value, _text(value))
            value = raw[i_number]
            if type(value) is str and value.isascii() and value.isalnum():
                number = value.upper()
            elif value == "" or value is None:  # a member without a certificate (a quarter of the rows)
                number = None
            else:
                number = _certificate_number(value, row, problems)
            value = raw[i_level]
            level = levels[value] if value in levels else levels.setdefault(value, _level(value))
            if level is not None and level not in LEVELS:
                problems.append(row.problem("level", "cert.level", value=level))
            value = raw[i_issued]
            issued = days.get(value, _BAD)
            if issued is _BAD:
                issued = self.date_cell(value, row, "issued", problems)
                if issued is not _BAD:
                    days[value] = issued
            value = raw[i_expires]
            expires = days.get(value, _BAD)
            if expires is _BAD:
                expires = self.date_cell(value, row, "expires", problems)
                if expires is not _BAD:
                    days[value] = expires
            value = raw[i_note]
            note = texts[value] if value in texts else texts.setdefault(value, _text(value))
            if cert_type or number or issued is not None or expires is not None or level:
                for field_name, value in (("cert_type", cert_type), ("number", number), ("issued", issued)):
                    if value is None:
                        problems.append(row.problem(field_name, "cert.needs_field", title=self.column(field_name).title))
            if issued is _BAD:
                issued = None
            if expires is _BAD:
                expires = None
            if issued and expires and expires < issued:
                problems.append(row.problem("expires", "cert.expiry_before_issue", expires=expires.isoformat(),
                                            issued=issued.isoformat()))
            record = draft(row, org_code, staff_no, name, post, cert_type, level, None if number is _BAD else number,
                           issued, expires, note)
            record.__class__ = frozen  # see _CertRowDraft
            append(record)
        problems.extend(self._cross_check(records))
        if not records and not table.problems:
            problems.append(Problem(sheet, None, "table.no_rows", {}))
        return ParsedReturn(self.name, sheet, records, problems)

    def _cross_check(self, records: list[CertRow]) -> list[Problem]:
        """One 工号 = one person (name, unit, post); one 证书编号 = one person, listed once."""
        problems: list[Problem] = []
        first_by_staff: dict[str, CertRow] = {}
        flagged_first: set[int] = set()
        first_by_number: dict[str, CertRow] = {}
        for record in records:
            if record.staff_no:
                first = first_by_staff.setdefault(record.staff_no, record)
                if first is not record:
                    if record.name and first.name and record.name != first.name:
                        problems.append(record.row.problem("staff_no", "cert.name_conflict", staff_no=record.staff_no,
                                                           cell=first.row.ref("staff_no"), other=first.name, name=record.name))
                        if id(first) not in flagged_first:
                            flagged_first.add(id(first))
                            problems.append(first.row.problem("staff_no", "cert.name_conflict", staff_no=first.staff_no,
                                                              cell=record.row.ref("staff_no"), other=record.name,
                                                              name=first.name))
                    elif record.post and first.post and name_key(record.post) != name_key(first.post):
                        problems.append(record.row.problem("post", "cert.post_conflict", staff_no=record.staff_no,
                                                           cell=first.row.ref("post"), other=first.post, value=record.post))
                    elif record.org_code and first.org_code and record.org_code != first.org_code:
                        problems.append(record.row.problem("org_code", "cert.org_conflict", staff_no=record.staff_no,
                                                           cell=first.row.ref("org_code"), other=first.org_code,
                                                           value=record.org_code))
            if record.number:
                first = first_by_number.setdefault(record.number, record)
                if first is not record:
                    if record.staff_no and first.staff_no and record.staff_no != first.staff_no:
                        problems.append(record.row.problem("number", "cert.number_conflict", number=record.number,
                                                           cell=first.row.ref("number"), other=first.staff_no,
                                                           staff_no=record.staff_no))
                    else:
                        problems.append(record.row.problem("number", "cert.number_repeated", number=record.number,
                                                           cell=first.row.ref("number")))
        return problems
