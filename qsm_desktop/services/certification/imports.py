"""The certification return's import handler (持证上岗情况表导入) — DESIGN.md §3.2.

The kind (:mod:`qsm_desktop.excel.kinds.certification`) has read the return into frozen
:class:`~qsm_desktop.excel.kinds.certification.CertRow` records. This handler, inside the
engine's transaction:

- :meth:`CertificationHandler.check` — units known, open (not 撤销) and inside the reporting unit's
  subtree; posts and certificate names (or aliases, db/seed/certificate_types.toml) known, and a
  certificate's level one of its type's; a 工号 the register knows under another name is refused,
  as is a 证书编号 registered to someone else. Loads the register's side (:class:`RosterRegister`);
- :meth:`~CertificationHandler.preview` — :func:`~qsm_desktop.services.certification.roster.plan_roster`:
  new and changed staff, leavers, new / changed / removed certificates;
- :meth:`~CertificationHandler.apply` — :func:`~qsm_desktop.services.certification.roster.replace_roster_in`,
  the one write path of a roster;
- the template: posts and certificate names from the database, pre-filled with the unit's roster.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Date, bindparam, or_, select
from sqlalchemy.orm import Session

from qsm_desktop.domain import i18n
from qsm_desktop.domain.certification import LEVELS, in_post
from qsm_desktop.domain.normalise import period_start
from qsm_desktop.domain.orgs import OrgStatus
from qsm_desktop.excel.kinds.base import ParsedReturn
from qsm_desktop.excel.kinds.certification import CertRow, name_key
from qsm_desktop.services.certification.roster import RosterRegister, RosterReplacement, plan_roster, replace_roster_in
from qsm_desktop.services.import_handlers import Changes, ImportContext, ImportHandler, ImportPlan
from qsm_desktop.store.bulk import CHUNK, select_in
from qsm_desktop.store.models import Certificate, CertificateType, Post, Staff

__all__ = ["CertificationHandler", "CertificationPlan"]

i18n.register(
    {
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
"""Not gone by the period end ``:end`` (the rest of ``domain.certification.in_post`` is checked in Python)."""


@dataclass
class CertificationPlan(ImportPlan):
    """What :meth:`CertificationHandler.check` loaded (``register``) and, once previewed, the
    roster ``replacement`` that :meth:`CertificationHandler.apply` writes."""

    register: RosterRegister | None = None
    replacement: RosterReplacement | None = None


class CertificationHandler(ImportHandler[CertificationPlan]):
    """The database side of the certification return (``kind = certification``)."""

    kind = "certification"

    # ------------------------------------------------------------------ check (read-only)
    def check(self, session: Session, parsed: ParsedReturn, ctx: ImportContext) -> CertificationPlan:
        """Check units, posts, certificate names/levels, and the register's 工号 and 证书编号 owners;
        load what the roster replacement compares against."""
        records: list[CertRow] = parsed.records
        looked_up = ctx.cache.get("certification.lookups")
        if looked_up is None:  # posts and certificate types: once per import run
            posts = {name_key(name): (pid, name, category) for pid, name, category in
                     session.execute(select(Post.id, Post.name, Post.category_code))}
            types: dict[str, tuple[int, str, list[str]]] = {}
            type_names: list[str] = []
            for tid, name, aliases, levels in session.execute(
                select(CertificateType.id, CertificateType.name, CertificateType.aliases, CertificateType.levels)
                .order_by(CertificateType.id)
            ):
                type_names.append(name)
                for text in [name, *(aliases or [])]:
                    types.setdefault(name_key(text), (tid, name, list(levels or [])))
            looked_up = ctx.cache["certification.lookups"] = (posts, types, type_names)
        posts, types, type_names = looked_up
        post_names = [name for _pid, name, _cat in sorted(posts.values())]
        root = ctx.org
        subtree = ctx.subtree()
        problems = parsed.problems
        closed = OrgStatus.CLOSED.value
        # a return repeats a few units, posts and certificates thousands of times: each distinct value is
        # checked once here, and only the rows holding a value that fails are looked at one by one below
        bad_orgs = {code for code in {r.org_code for r in records} if code and not self._unit_ok(code, ctx, subtree)}
        bad_posts = {post for post in {r.post for r in records} if post and name_key(post) not in posts}
        bad_types = {(cert_type, level) for cert_type, level in {(r.cert_type, r.level) for r in records}
                     if cert_type and not self._type_ok(cert_type, level, types)}
        for record in records if bad_orgs or bad_posts or bad_types else ():
            row = record.row
            if record.org_code in bad_orgs:
                unit = ctx.orgs.get(record.org_code)
                if unit is None:
                    problems.append(row.problem("org_code", "cert.unknown_org", code=record.org_code))
                elif ctx.outside_scope(record.org_code):
                    problems.append(ctx.scope_problem(row, "org_code", record.org_code))
                elif record.org_code not in subtree and root is not None:
                    problems.append(row.problem("org_code", "cert.org_outside", code=unit.code, name=unit.name,
                                                root=root.code, root_name=root.name))
                elif unit.status == closed:
                    problems.append(row.problem("org_code", "cert.org_closed", code=unit.code, name=unit.name))
            if record.post in bad_posts:
                problems.append(row.problem("post", "cert.unknown_post", value=record.post, choices=i18n.Verbatim(post_names)))
            if (record.cert_type, record.level) in bad_types:
                ctype = types.get(name_key(record.cert_type))
                if ctype is None:
                    problems.append(row.problem("cert_type", "cert.unknown_type", value=record.cert_type,
                                                choices=i18n.Verbatim(type_names)))
                elif record.level and ctype[2] and record.level in LEVELS and record.level not in ctype[2]:
                    problems.append(row.problem("level", "cert.level_of_type", type=ctype[1], value=record.level,
                                                levels=i18n.Verbatim(ctype[2])))

        # the register: staff by 工号 (file) and staff on the subtree's roster; certificates by number
        numbers = [r.staff_no for r in records if r.staff_no]
        known = {row.staff_no: row for row in
                 select_in(session, _STAFF_COLUMNS, Staff.staff_no, numbers, name="cert.staff_by_no")}
        roster = {}
        if ctx.period_end is not None:
            end = ctx.period_end
            for row in select_in(session, _STAFF_COLUMNS, Staff.org_unit_id, [o.id for o in subtree.values()],
                                 _ON_ROSTER, name="cert.roster", params={"end": end}):
                if row.in_post_from is None or in_post(row.in_post_from, row.in_post_to, end):
                    roster[row.staff_no] = row
        unit_by_id = ctx.unit_by_id()
        conflicted = {p.params.get("staff_no") for p in problems if p.key == "cert.name_conflict"}
        for record in records if known else ():  # (a first return: nobody registered yet)
            existing = known.get(record.staff_no) if record.staff_no else None
            if record.staff_no in conflicted:
                continue  # the file already contradicts itself about this 工号: one message is enough
            if existing is not None and record.name and existing.name != record.name:
                unit = unit_by_id.get(existing.org_unit_id)
                problems.append(record.row.problem("staff_no", "cert.staff_other_name", staff_no=record.staff_no,
                                                   known=existing.name, name=record.name,
                                                   unit=unit.name if unit else existing.org_unit_id))
        certs = {row.number: row for row in select_in(session, _CERT_COLUMNS, Certificate.number,
                                                      [r.number for r in records if r.number], name="cert.by_number")}
        if certs:
            owner_ids = {c.staff_id for c in certs.values()}
            owners = {row.id: row for row in select_in(session, _OWNER_COLUMNS, Staff.id, owner_ids, name="cert.owners")}
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
        return CertificationPlan(parsed, RosterRegister(posts, types, known, roster, certs, dropped, unit_by_id))

    @staticmethod
    def _unit_ok(code: str, ctx: ImportContext, subtree: dict) -> bool:
        """Whether a row may name unit ``code`` (6 digits): known, within the actor's scope, inside the
        reporting unit's ``subtree`` (code → unit) and open — the conditions :meth:`check` reports on."""
        unit = ctx.orgs.get(code)
        return (unit is not None and not ctx.outside_scope(code) and (code in subtree or ctx.org is None)
                and unit.status != OrgStatus.CLOSED.value)

    @staticmethod
    def _type_ok(cert_type: str, level: str | None, types: dict[str, tuple[int, str, list[str]]]) -> bool:
        """Whether 证书名称 ``cert_type`` is known and ``level`` (or none) is one of its levels."""
        ctype = types.get(name_key(cert_type))
        return ctype is not None and not (level and ctype[2] and level in LEVELS and level not in ctype[2])

    # ------------------------------------------------------------------ preview / apply
    def _replacement(self, plan: CertificationPlan, ctx: ImportContext) -> RosterReplacement:
        if plan.replacement is None:
            assert plan.register is not None, "check() first"
            plan.replacement = plan_roster(plan.parsed.records, plan.parsed.sheet, plan.register, unit=ctx.org,
                                           orgs=ctx.orgs, subtree_ids={o.id for o in ctx.subtree().values()},
                                           period=ctx.period, period_end=ctx.period_end)
        return plan.replacement

    def preview(self, session: Session, plan: CertificationPlan, ctx: ImportContext) -> Changes:
        """New staff, changed staff (name, unit, post, back in post), leavers (in the subtree's roster
        at period end but not in the return), new / changed / removed certificates."""
        return self._replacement(plan, ctx).changes

    def apply(self, session: Session, batch_id: int, plan: CertificationPlan, ctx: ImportContext) -> int:
        """Replace the roster (:func:`replace_roster_in`); the number of rows read."""
        replace_roster_in(session, ctx.actor, self._replacement(plan, ctx), batch_id=batch_id, at=ctx.now)
        return len(plan.parsed.records)

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
        on = period_start(ctx.period) if ctx.period else dt.date.today()
        staff = list(session.execute(
            select(Staff.id, Staff.staff_no, Staff.name, Staff.org_unit_id, Post.name.label("post"))
            .join(Post, Post.id == Staff.post_id)
            .where(Staff.org_unit_id.in_(list(unit_by_id)), or_(Staff.in_post_to.is_(None), Staff.in_post_to >= on))
        )) if unit_by_id else []
        certs: dict[int, list] = {}
        staff_ids = [s.id for s in staff]
        for start in range(0, len(staff_ids), CHUNK):
            for row in session.execute(
                select(Certificate.staff_id, Certificate.number, Certificate.level, Certificate.issued,
                       Certificate.expires, CertificateType.name.label("type"))
                .join(CertificateType, CertificateType.id == Certificate.type_id)
                .where(Certificate.staff_id.in_(staff_ids[start:start + CHUNK]), Certificate.revoked_on.is_(None))
                .order_by(Certificate.issued)
            ):
                certs.setdefault(row.staff_id, []).append(row)
        rows: list[dict] = []
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
