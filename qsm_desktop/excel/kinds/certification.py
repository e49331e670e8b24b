"""持证上岗情况表 — the certification return (``kind = certification``), DESIGN.md §3.2.

| 序号 | 机构代码 | 机构名称 | 工号 | 姓名 | 岗位 | 证书名称 | 证书等级 | 证书编号 | 发证日期 | 有效期至 | 备注 |

One row per staff member per certificate; a member without a certificate has one row with the
certificate columns empty. The return is the reporting unit's roster of front-line staff at the
end of the period: members of that subtree missing from it leave their post at period end.

Roster dates (``Staff.in_post_from``/``in_post_to``, both inclusive): a member who leaves "at period
end" gets ``in_post_to = period end − 1 day``, so they are not counted on the period-end date the
return describes (rates as of 2007-12-31 use exactly the roster of the 2007Q4 return) but still
are on every earlier day. A member first seen in a return gets ``in_post_from = period start``
when the subtree's roster was known before (they joined during the period), else ``None`` (the
first return loaded: no earlier knowledge). Someone back on the roster gets ``in_post_to = None``.

Rules checked, each problem at its cell:
- 机构代码 6 digits, known, open (not 撤销) and inside the reporting unit's subtree;
- 工号 7 digits (a numeric cell's lost zeros are restored), 姓名 and 岗位 present;
- 岗位 one of the posts in the database (DESIGN §3.2 synonyms: 柜员 → teller; 大堂经理, 沃德客户经理,
  客户服务经理, 个贷客户经理, 理财经理 → 个金销售服务人员; …);
- a row with any certificate column needs 证书名称 (a known name or alias, db/seed/certificate_types.toml),
  证书编号 and 发证日期; 证书等级 ∈ 初级/中级/高级 (or empty, and one of the type's levels);
  有效期至 (the last valid day; empty = no expiry) not before 发证日期;
- one 工号 is one person (same name, unit and post on every row, and the name the register knows);
- one 证书编号 belongs to one person (in the file and in the register).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache, partial

from sqlalchemy import Date, bindparam, or_, select
from sqlalchemy.orm import Session

from qsm_desktop.domain import i18n
from qsm_desktop.domain.normalise import (
    NormaliseError,
    check_not_formula,
    clean_text,
    fold,
    parse_identifier,
    parse_org_code,
    parse_staff_no,
    period_start as _period_start,
)
from qsm_desktop.excel.kinds import _db
from qsm_desktop.excel.kinds.base import (
    Change,
    Changes,
    Column,
    ImportContext,
    ParsedReturn,
    UNREADABLE,
    ReturnKind,
    register_kind,
)
from qsm_desktop.excel.problems import Problem
from qsm_desktop.excel.table import Table, TableRow, normalise_title
from qsm_desktop.store.models import Certificate, CertificateType, OrgStatus, Post, Staff

LEVELS = ("初级", "中级", "高级")
"""证书等级 (DESIGN §3.2); empty is allowed."""

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
        "cert.level_of_type": (
            "“{type}”没有“{value}”这一等级，应为：{levels}",
            "'{type}' has no level '{value}'; use one of: {levels}",
        ),
        "cert.unknown_post": (
            "岗位“{value}”无法识别，应为：{choices}",
            "post '{value}' is not recognised; use one of: {choices}",
        ),
        "cert.unknown_type": (
            "证书名称“{value}”无法识别，应为：{choices}",
            "certificate name '{value}' is not recognised; use one of: {choices}",
        ),
        "cert.unknown_org": (
            "机构代码{code}不存在。请核对代码，或先导入包含该机构的机构清单",
            "org code {code} does not exist. Check it, or import the org list that contains it first",
        ),
        "cert.org_outside": (
            "机构{code}（{name}）不属于填报单位{root}（{root_name}）。本表只能填报本单位及下属机构的人员",
            "unit {code} ({name}) is not part of the reporting unit {root} ({root_name}); this return covers "
            "that unit and the units under it only",
        ),
        "cert.org_closed": (
            "机构{code}（{name}）已撤销，不能再有在岗人员。请改填其现所在机构",
            "unit {code} ({name}) is closed and can have no staff; enter the member's current unit",
        ),
        "cert.staff_other_name": (
            "工号{staff_no}在系统中登记的是“{known}”（{unit}），与本表的“{name}”不符。请核对工号；如确为同一人改名，请联系总行秘书修改",
            "staff number {staff_no} is registered to '{known}' ({unit}), not '{name}'. Check the number; if the "
            "person changed name, ask the head-office secretary to correct the register",
        ),
        "cert.number_owned": (
            "证书编号{number}在系统中已登记在工号{owner}（{owner_name}）名下。一个证书编号只属于一人，请核对",
            "certificate number {number} is registered to staff {owner} ({owner_name}); one certificate number "
            "belongs to one person",
        ),
    }
)

_STAFF_COLUMNS = (Staff.id, Staff.staff_no, Staff.name, Staff.org_unit_id, Staff.post_id, Staff.in_post_from,
                  Staff.in_post_to, Staff.source_batch_id)
_CERT_COLUMNS = (Certificate.id, Certificate.number, Certificate.staff_id, Certificate.type_id, Certificate.level,
                 Certificate.issued, Certificate.expires, Certificate.revoked_on, Certificate.source_batch_id)
_OWNER_COLUMNS = (Staff.id, Staff.staff_no, Staff.name)
_ON_ROSTER = or_(Staff.in_post_to.is_(None), Staff.in_post_to >= bindparam("end", type_=Date))
"""On the roster at the period end ``:end`` (the start is checked in Python: NULL means open)."""


@dataclass(slots=True)
class CertRow:
    """One parsed row of the certification return (values normalised, ``None`` when empty)."""

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
        return bool(self.cert_type or self.number or self.issued or self.expires or self.level)


@lru_cache(maxsize=4096)
def _key(text: str) -> str:
    """How post and certificate names are compared: folded, no spaces/asterisks/colons (memoised:
    a return repeats a handful of names thousands of times)."""
    return normalise_title(text)


def _certificate_number(value: object, row, problems: list[Problem]) -> str | None:
    """证书编号 as compared (upper case); a number that lost its digits is refused by cell (issue 11
    §6: the problem recorded, :data:`_BAD` returned)."""
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


_change = partial(tuple.__new__, Change)
"""Build a :class:`Change` from a full 6-tuple without the named tuple's Python-level ``__new__``."""

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
    def parse(self, table: Table, ctx: ImportContext) -> ParsedReturn:
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
            staff_no = self.code_cell(raw[i_staff], row, "staff_no", parse_staff_no, problems, width=7)
            name = _text(raw[i_name])
            if name is None:
                problems.append(self.required_problem(row, "name"))
            elif name[0] in "=+-@":
                try:
                    check_not_formula(name)  # issue 11 §7: text is text
                except NormaliseError as exc:
                    problems.append(row.problem("name", exc.key, **exc.params))
            value = raw[i_post]
            post = texts[value] if value in texts else texts.setdefault(value, _text(value))
            if post is None:
                problems.append(self.required_problem(row, "post"))
            value = raw[i_type]
            cert_type = texts[value] if value in texts else texts.setdefault(value, _text(value))
            number = _certificate_number(raw[i_number], row, problems)
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
            record = CertRow(row, org_code, staff_no, name, post, cert_type, level, None if number is _BAD else number,
                             None if issued is _BAD else issued, None if expires is _BAD else expires, note)
            if cert_type or number or issued is not None or expires is not None or level:
                for field_name, value in (("cert_type", cert_type), ("number", number), ("issued", issued)):
                    if value is None:
                        problems.append(row.problem(field_name, "cert.needs_field", title=self.column(field_name).title))
            if record.issued and record.expires and record.expires < record.issued:
                problems.append(row.problem("expires", "cert.expiry_before_issue", expires=record.expires.isoformat(),
                                            issued=record.issued.isoformat()))
            records.append(record)
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
                    elif record.post and first.post and _key(record.post) != _key(first.post):
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

    # ------------------------------------------------------------------ validate (database)
    def validate(self, session: Session, parsed: ParsedReturn, ctx: ImportContext) -> None:
        """Check units, posts, certificate names/levels, and the register's 工号 and 证书编号 owners."""
        records: list[CertRow] = parsed.records
        looked_up = ctx.cache.get("certification.lookups")
        if looked_up is None:  # posts and certificate types: once per import run
            posts = {_key(name): (pid, name, category) for pid, name, category in
                     session.execute(select(Post.id, Post.name, Post.category_code))}
            types: dict[str, tuple[int, str, list[str]]] = {}
            type_names: list[str] = []
            for tid, name, aliases, levels in session.execute(
                select(CertificateType.id, CertificateType.name, CertificateType.aliases, CertificateType.levels)
                .order_by(CertificateType.id)
            ):
                type_names.append(name)
                for text in [name, *(aliases or [])]:
                    types.setdefault(_key(text), (tid, name, list(levels or [])))
            looked_up = ctx.cache["certification.lookups"] = (posts, types, type_names)
        posts, types, type_names = looked_up
        post_names = [name for _pid, name, _cat in sorted(posts.values())]
        root = ctx.org
        subtree = ctx.subtree()
        problems = parsed.problems
        for record in records:
            row = record.row
            if record.org_code:
                unit = ctx.orgs.get(record.org_code)
                if unit is None:
                    problems.append(row.problem("org_code", "cert.unknown_org", code=record.org_code))
                elif record.org_code not in subtree and root is not None:
                    problems.append(row.problem("org_code", "cert.org_outside", code=unit.code, name=unit.name,
                                                root=root.code, root_name=root.name))
                elif unit.status == OrgStatus.CLOSED.value:
                    problems.append(row.problem("org_code", "cert.org_closed", code=unit.code, name=unit.name))
            if record.post and _key(record.post) not in posts:
                problems.append(row.problem("post", "cert.unknown_post", value=record.post, choices="、".join(post_names)))
            if record.cert_type:
                ctype = types.get(_key(record.cert_type))
                if ctype is None:
                    problems.append(row.problem("cert_type", "cert.unknown_type", value=record.cert_type,
                                                choices="、".join(type_names)))
                elif record.level and ctype[2] and record.level in LEVELS and record.level not in ctype[2]:
                    problems.append(row.problem("level", "cert.level_of_type", type=ctype[1], value=record.level,
                                                levels="、".join(ctype[2])))

        # the register: staff by 工号 (file) and staff on the subtree's roster; certificates by number
        numbers = [r.staff_no for r in records if r.staff_no]
        known = {row.staff_no: row for row in
                 _db.select_in(session, _STAFF_COLUMNS, Staff.staff_no, numbers, name="cert.staff_by_no")}
        roster = {}
        if ctx.period_end is not None:
            end = ctx.period_end
            for row in _db.select_in(session, _STAFF_COLUMNS, Staff.org_unit_id, [o.id for o in subtree.values()],
                                     _ON_ROSTER, name="cert.roster", params={"end": end}):
                if row.in_post_from is None or row.in_post_from <= end:
                    roster[row.staff_no] = row
        unit_by_id = ctx.unit_by_id()
        conflicted = {p.params.get("staff_no") for p in problems if p.key == "cert.name_conflict"}
        for record in records:
            existing = known.get(record.staff_no) if record.staff_no else None
            if record.staff_no in conflicted:
                continue  # the file already contradicts itself about this 工号: one message is enough
            if existing is not None and record.name and existing.name != record.name:
                unit = unit_by_id.get(existing.org_unit_id)
                problems.append(record.row.problem("staff_no", "cert.staff_other_name", staff_no=record.staff_no,
                                                   known=existing.name, name=record.name,
                                                   unit=unit.name if unit else existing.org_unit_id))
        certs = {row.number: row for row in _db.select_in(session, _CERT_COLUMNS, Certificate.number,
                                                          [r.number for r in records if r.number], name="cert.by_number")}
        owners = {}
        if certs:
            owner_ids = {c.staff_id for c in certs.values()}
            owners = {row.id: row for row in _db.select_in(session, _OWNER_COLUMNS, Staff.id, owner_ids,
                                                           name="cert.owners")}
        for record in records:
            cert = certs.get(record.number) if record.number else None
            if cert is None or not record.staff_no:
                continue
            owner = owners.get(cert.staff_id)
            if owner is not None and owner.staff_no != record.staff_no:
                problems.append(record.row.problem("number", "cert.number_owned", number=record.number,
                                                   owner=owner.staff_no, owner_name=owner.name))
        dropped = []
        if ctx.superseded_batch_id is not None:
            dropped = list(session.execute(select(*_CERT_COLUMNS).where(Certificate.source_batch_id == ctx.superseded_batch_id)))
        parsed.state.update(posts=posts, types=types, known=known, roster=roster, certs=certs, dropped=dropped,
                            unit_by_id=unit_by_id, owners=owners)

    # ------------------------------------------------------------------ preview / plan
    def _plan(self, parsed: ParsedReturn, ctx: ImportContext) -> dict:
        if "plan" in parsed.state:
            return parsed.state["plan"]
        state = parsed.state
        posts, types, known, roster, certs = state["posts"], state["types"], state["known"], state["roster"], state["certs"]
        unit_by_id = state["unit_by_id"]
        end = ctx.period_end
        start = _period_start(ctx.period) if ctx.period else None
        subtree_ids = {o.id for o in ctx.subtree().values()}
        roster_known = bool(roster) or any(k.org_unit_id in subtree_ids for k in known.values())
        persons: dict[str, CertRow] = {}
        for record in parsed.records:
            persons.setdefault(record.staff_no, record)
        new_staff, staff_updates, changes = [], [], []
        post_ids = {text: posts[_key(text)][0] for text in {r.post for r in persons.values()}}
        orgs, sheet = ctx.orgs, parsed.sheet
        joined = start if roster_known else None
        for staff_no, record in persons.items():
            unit = orgs[record.org_code]
            post_id = post_ids[record.post]
            existing = known.get(staff_no)
            if existing is None:
                new_staff.append({"staff_no": staff_no, "name": record.name, "org_unit_id": unit.id, "post_id": post_id,
                                  "in_post_from": joined, "in_post_to": None, "note": record.note, "version": 1,
                                  "source_sheet": sheet, "source_row": record.row.index + 1})
                changes.append(_change(("staff", "new", staff_no, f"{staff_no} {record.name}（{unit.name}）", None, None)))
                continue
            label = f"{staff_no} {record.name}"
            before, after = {}, {}
            if existing.name != record.name:
                before["name"], after["name"] = existing.name, record.name
            if existing.org_unit_id != unit.id:
                old = unit_by_id.get(existing.org_unit_id)
                before["org_unit_id"], after["org_unit_id"] = existing.org_unit_id, unit.id
                before["org_code"], after["org_code"] = (old.code if old else None), unit.code
            if existing.post_id != post_id:
                before["post_id"], after["post_id"] = existing.post_id, post_id
            if existing.in_post_to is not None and end is not None and existing.in_post_to < end:
                before["in_post_to"], after["in_post_to"] = existing.in_post_to, None
                if existing.in_post_to < (start or end):
                    before["in_post_from"], after["in_post_from"] = existing.in_post_from, start
            if after:
                update = {"id": existing.id, "source_batch_id": None, "source_sheet": parsed.sheet,
                          "source_row": record.row.number}
                update.update({k: v for k, v in after.items() if k != "org_code"})
                staff_updates.append(update)
                changes.append(Change("staff", "changed", staff_no, label, before, after))
        leavers = []
        if end is not None:
            left_on = end - dt.timedelta(days=1)
            for staff_no, row in sorted(roster.items()):
                if staff_no in persons:
                    continue
                unit = unit_by_id.get(row.org_unit_id)
                leavers.append({"id": row.id, "in_post_to": left_on})
                changes.append(Change("staff", "leaving", staff_no, f"{staff_no} {row.name}（{unit.name if unit else ''}）",
                                      {"in_post_to": row.in_post_to}, {"in_post_to": left_on}))
        new_certs, cert_updates = [], []
        in_file = set()
        type_of = {text: types[_key(text)] for text in {r.cert_type for r in parsed.records if r.number and r.cert_type}}
        for record in parsed.records:
            number = record.number
            if not number:
                continue
            in_file.add(number)
            type_id, type_name, _levels = type_of[record.cert_type]
            existing = certs.get(number)
            label = f"{number} {type_name}（{record.staff_no} {record.name}）"
            if existing is None:
                new_certs.append({"number": number, "staff_no": record.staff_no, "type_id": type_id, "level": record.level,
                                  "issued": record.issued, "expires": record.expires, "revoked_on": None,
                                  "note": record.note, "version": 1, "source_sheet": sheet,
                                  "source_row": record.row.index + 1})
                changes.append(_change(("certificate", "new", number, label, None, None)))
                continue
            values = {"type_id": type_id, "level": record.level, "issued": record.issued, "expires": record.expires}
            before = {k: getattr(existing, k) for k in values if getattr(existing, k) != values[k]}
            if before:
                after = {k: values[k] for k in before}
                cert_updates.append({"id": existing.id, **after, "source_sheet": parsed.sheet,
                                     "source_row": record.row.number})
                changes.append(Change("certificate", "changed", record.number, label, before, after))
        removed = []
        for row in state["dropped"]:
            if row.number not in in_file:
                removed.append(row.id)
                changes.append(Change("certificate", "removed", row.number, row.number,
                                      {"number": row.number, "issued": row.issued, "expires": row.expires}, None))
        totals: dict[str, dict[str, int]] = {}
        for action, entity, count in (("new", "staff", len(new_staff)), ("new", "certificate", len(new_certs)),
                                      ("changed", "staff", len(staff_updates)), ("leaving", "staff", len(leavers)),
                                      ("changed", "certificate", len(cert_updates)), ("removed", "certificate", len(removed))):
            if count:
                totals.setdefault(action, {})[entity] = count
        plan = {"new_staff": new_staff, "staff_updates": staff_updates, "leavers": leavers, "new_certs": new_certs,
                "cert_updates": cert_updates, "removed": removed, "changes": Changes(tuple(changes), totals)}
        state["plan"] = plan
        return plan

    def preview(self, session: Session, parsed: ParsedReturn, ctx: ImportContext) -> Changes:
        """New staff, changed staff (name, unit, post, back in post), leavers (in the subtree's roster
        at period end but not in the return), new / changed / removed certificates."""
        return self._plan(parsed, ctx)["changes"]

    # ------------------------------------------------------------------ apply
    def apply(self, session: Session, batch_id: int, parsed: ParsedReturn, ctx: ImportContext) -> int:
        """Write the plan: one executemany per table and action; audit entries for updates and removals."""
        plan = self._plan(parsed, ctx)
        staff_table, cert_table = Staff.__table__, Certificate.__table__
        for row in plan["new_staff"]:
            row["source_batch_id"] = batch_id
        _db.insert_many(session, staff_table, plan["new_staff"])
        ids: dict[str, int] = {}
        if plan["new_staff"]:  # the rows just written are the only ones carrying this new batch's id
            ids = dict(session.connection().execute(
                select(Staff.staff_no, Staff.id).where(Staff.source_batch_id == batch_id)).all())
        for row in plan["staff_updates"]:
            row["source_batch_id"] = batch_id
        _db.update_many(session, staff_table, plan["staff_updates"],
                        ("name", "org_unit_id", "post_id", "in_post_from", "in_post_to", "source_batch_id",
                         "source_sheet", "source_row"))
        _db.update_many(session, staff_table, plan["leavers"], ("in_post_to",))
        known = parsed.state["known"]
        for staff_no, row in known.items():
            ids.setdefault(staff_no, row.id)
        new_certs = []
        for cert in plan["new_certs"]:
            row = dict(cert)
            row["staff_id"] = ids[row.pop("staff_no")]
            row["source_batch_id"] = batch_id
            new_certs.append(row)
        _db.insert_many(session, cert_table, new_certs)
        for row in plan["cert_updates"]:
            row["source_batch_id"] = batch_id
        _db.update_many(session, cert_table, plan["cert_updates"],
                        ("type_id", "level", "issued", "expires", "source_batch_id", "source_sheet", "source_row"))
        if plan["removed"]:
            session.execute(cert_table.delete().where(cert_table.c.id.in_(plan["removed"])))
        entries = [(c.entity, c.key, {"changed": "update", "leaving": "leave", "removed": "delete"}[c.action], c.before, c.after)
                   for c in plan["changes"].items if c.action != "new"]
        _db.audit_many(session, ctx.actor, entries, batch_id=batch_id, at=ctx.now)
        return len(parsed.records)

    # ------------------------------------------------------------------ templates
    def template_choices(self, session: Session | None) -> dict[str, list[str]]:
        """Posts and certificate names from the database; levels fixed."""
        if session is None:
            from qsm_desktop.domain.posts import POST_NAMES

            return {"post": list(POST_NAMES), "level": list(LEVELS)}
        return {
            "post": list(session.scalars(select(Post.name).order_by(Post.category_code, Post.id))),
            "cert_type": list(session.scalars(select(CertificateType.name).order_by(CertificateType.id))),
            "level": list(LEVELS),
        }

    def template_rows(self, session: Session | None, ctx: ImportContext) -> list[dict]:
        """The reporting subtree's roster at the start of the period, one row per certificate."""
        if session is None or ctx.org is None:
            return []
        subtree = ctx.subtree()
        unit_by_id = {o.id: o for o in subtree.values()}
        on = _period_start(ctx.period) if ctx.period else dt.date.today()
        staff = list(session.execute(
            select(Staff.id, Staff.staff_no, Staff.name, Staff.org_unit_id, Post.name.label("post"))
            .join(Post, Post.id == Staff.post_id)
            .where(Staff.org_unit_id.in_(list(unit_by_id)), or_(Staff.in_post_to.is_(None), Staff.in_post_to >= on))
        )) if unit_by_id else []
        certs: dict[int, list] = {}
        staff_ids = [s.id for s in staff]
        for start in range(0, len(staff_ids), _db.CHUNK):
            for row in session.execute(
                select(Certificate.staff_id, Certificate.number, Certificate.level, Certificate.issued,
                       Certificate.expires, CertificateType.name.label("type"))
                .join(CertificateType, CertificateType.id == Certificate.type_id)
                .where(Certificate.staff_id.in_(staff_ids[start:start + _db.CHUNK]), Certificate.revoked_on.is_(None))
                .order_by(Certificate.issued)
            ):
                certs.setdefault(row.staff_id, []).append(row)
        rows = []
        for person in sorted(staff, key=lambda s: (unit_by_id[s.org_unit_id].path, s.staff_no)):
            unit = unit_by_id[person.org_unit_id]
            base = {"org_code": unit.code, "org_name": unit.name, "staff_no": person.staff_no, "name": person.name,
                    "post": person.post}
            held = [c for c in certs.get(person.id, []) if c.expires is None or c.expires >= on]
            for cert in held or [None]:
                row = dict(base, seq=len(rows) + 1)
                if cert is not None:
                    row.update(cert_type=cert.type, level=cert.level, number=cert.number, issued=cert.issued,
                               expires=cert.expires)
                rows.append(row)
        return rows

