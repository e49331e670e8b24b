"""Replacing a unit's roster (更新持证上岗名册) — the one write path of the certification return, DESIGN §3.2.

A certification return is the reporting unit's roster of front-line staff at the end of the
period, with their certificates. Replacing the roster is two steps:

1. :func:`plan_roster` — the rules, without writing: who is new, who changed (name, unit, post,
   back in post), who leaves (on the subtree's roster at period end but not in the return), which
   certificates are new, changed or removed (brought by the superseded return and no longer
   listed). Roster dates follow :mod:`qsm_desktop.domain.certification`. The result is a
   :class:`RosterReplacement`, whose :attr:`~RosterReplacement.changes` are the import's preview;
2. :func:`replace_roster_in` — check the actor's scope, write the replacement with bulk statements
   (a 90,000-row return is a handful of statements) and audit every update, leave and removal.

The certification return's import handler (``services/certification/imports.py``) loads what the
register holds (:class:`RosterRegister`), then calls both; nothing else writes staff or
certificates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from qsm_desktop.domain import certification as rule
from qsm_desktop.domain.i18n import get_language, msg, register
from qsm_desktop.domain.names import shown
from qsm_desktop.domain.normalise import period_start
from qsm_desktop.excel.kinds.certification import CertRow, name_key
from qsm_desktop.services.audit import audit_many
from qsm_desktop.services.context import require
from qsm_desktop.services.import_handlers import Change, Changes, OrgInfo
from qsm_desktop.store.bulk import insert_many, pairs, update_many
from qsm_desktop.store.models import Certificate, Staff

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.context import Actor

__all__ = ["RosterRegister", "RosterReplacement", "plan_roster", "replace_roster_in"]

register({"cert.replace_roster": ("更新持证上岗名册", "replace the certification roster")})

_change = partial(tuple.__new__, Change)
"""Build a :class:`Change` from a full 6-tuple without the named tuple's Python-level ``__new__``."""

_AUDIT_ACTIONS = {"changed": "update", "leaving": "leave", "removed": "delete"}
"""Preview action → audit action of the entries a roster replacement writes (new records are listed
on the import batch's own entry)."""


@dataclass(frozen=True)
class RosterRegister:
    """What the register holds for one certification return (loaded by the handler's check).

    ``posts``: post name key (:func:`~qsm_desktop.excel.kinds.certification.name_key`) → (id,
    name, category code); ``types``: certificate name or alias key → (id, name, levels);
    ``known``: staff rows (id, staff_no, name, org_unit_id, post_id, in_post_from, in_post_to,
    source_batch_id) of the 工号 the return names; ``roster``: the same for the reporting subtree's
    roster at the period end; ``certs``: certificate rows by 证书编号 the return names;
    ``dropped``: certificate rows the superseded return brought; ``unit_by_id``: org id → unit.
    """

    posts: dict[str, tuple[int, str, str]]
    types: dict[str, tuple[int, str, list[str]]]
    known: dict[str, Any]
    roster: dict[str, Any]
    certs: dict[str, Any]
    dropped: list[Any]
    unit_by_id: dict[int, OrgInfo]


@dataclass
class RosterReplacement:
    """What replacing ``unit``'s roster writes (made by :func:`plan_roster`, written once by
    :func:`replace_roster_in`, which completes the rows in place): rows of ``new_staff`` and
    ``new_certs`` (a new certificate names its holder by ``staff_no`` until written), ``staff_updates``/``cert_updates`` (``id`` + changed columns),
    ``leavers`` (``id`` + ``in_post_to``), ``removed`` certificate ids, ``staff_ids`` (工号 → id of
    the staff already registered) and the ``changes`` shown in the preview."""

    unit: OrgInfo | None
    new_staff: list[dict[str, Any]] = field(default_factory=list)
    staff_updates: list[dict[str, Any]] = field(default_factory=list)
    leavers: list[dict[str, Any]] = field(default_factory=list)
    new_certs: list[dict[str, Any]] = field(default_factory=list)
    cert_updates: list[dict[str, Any]] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    staff_ids: dict[str, int] = field(default_factory=dict)
    changes: Changes = field(default_factory=Changes)


# ------------------------------------------------------------------------------------------ the rules

def plan_roster(records: Sequence[CertRow], sheet: str | None, register: RosterRegister, *, unit: OrgInfo | None,
                orgs: dict[str, OrgInfo], subtree_ids: set[int], period: str | None,
                period_end: dt.date | None) -> RosterReplacement:
    """The replacement of ``unit``'s roster by the return's ``records`` (from ``sheet``), against
    what the ``register`` holds; ``orgs`` is the org tree (code → unit), ``subtree_ids`` the ids of
    the reporting subtree, ``period``/``period_end`` the return's period (``2007Q4``, its last day).

    Rules (DESIGN §3.2, :mod:`qsm_desktop.domain.certification`): one person per 工号 (their first
    row); a new member joins at the period start when the subtree's roster was known before; a
    listed member's name, unit and post follow the return and one who had left is back in post;
    a member of the subtree's roster missing from the return leaves the day before the period end;
    a certificate is new, changed (type, level, dates) or removed (brought by the superseded return
    and no longer listed). Expects records that passed the handler's check (known posts, types, units).
    """
    posts, types, known, roster, certs = register.posts, register.types, register.known, register.roster, register.certs
    unit_by_id = register.unit_by_id
    end = period_end
    start = period_start(period) if period else None
    roster_known = bool(roster) or any(k.org_unit_id in subtree_ids for k in known.values())
    persons: dict[str, CertRow] = {}
    for record in records:
        persons.setdefault(record.staff_no, record)
    new_staff, staff_updates, changes = [], [], []
    # labels of the preview in the reader's language: （…） in Chinese, (…) in English, a certificate
    # type by its shown name (issue 14); built once, not per row (the import's speed, BENCHMARKS.md)
    open_, close = ("（", "）") if get_language() == "zh" else (" (", ")")
    post_ids = {text: posts[name_key(text)][0] for text in {r.post for r in persons.values()}}
    joined = rule.joined_on(start, roster_known)
    for staff_no, record in persons.items():
        org = orgs[record.org_code]
        post_id = post_ids[record.post]
        existing = known.get(staff_no)
        if existing is None:
            new_staff.append({"staff_no": staff_no, "name": record.name, "org_unit_id": org.id, "post_id": post_id,
                              "in_post_from": joined, "in_post_to": None, "note": record.note, "version": 1,
                              "source_sheet": sheet, "source_row": record.row.index + 1})
            changes.append(_change(("staff", "new", staff_no, f"{staff_no} {record.name}{open_}{org.name}{close}", None, None)))
            continue
        label = f"{staff_no} {record.name}"
        before, after = {}, {}
        if existing.name != record.name:
            before["name"], after["name"] = existing.name, record.name
        if existing.org_unit_id != org.id:
            old = unit_by_id.get(existing.org_unit_id)
            before["org_unit_id"], after["org_unit_id"] = existing.org_unit_id, org.id
            before["org_code"], after["org_code"] = (old.code if old else None), org.code
        if existing.post_id != post_id:
            before["post_id"], after["post_id"] = existing.post_id, post_id
        if existing.in_post_to is not None:  # (still in post otherwise: nothing to ask the rule)
            for key, value in rule.back_in_post(existing.in_post_to, start, end).items():
                before[key], after[key] = getattr(existing, key), value
        if after:
            update = {"id": existing.id, "source_batch_id": None, "source_sheet": sheet,
                      "source_row": record.row.number}
            update.update({k: v for k, v in after.items() if k != "org_code"})
            staff_updates.append(update)
            changes.append(Change("staff", "changed", staff_no, label, before, after))
    leavers = []
    if end is not None:
        last_day = rule.left_on(end)
        for staff_no, row in sorted(roster.items()):
            if staff_no in persons:
                continue
            old = unit_by_id.get(row.org_unit_id)
            leavers.append({"id": row.id, "in_post_to": last_day})
            changes.append(Change("staff", "leaving", staff_no, f"{staff_no} {row.name}{open_}{old.name if old else ''}{close}",
                                  {"in_post_to": row.in_post_to}, {"in_post_to": last_day}))
    new_certs, cert_updates = [], []
    in_file = set()
    type_of = {text: types[name_key(text)] for text in {r.cert_type for r in records if r.number and r.cert_type}}
    type_shown = {text: shown(found[1]) for text, found in type_of.items()}
    for record in records:
        number = record.number
        if not number:
            continue
        in_file.add(number)
        type_id, _type_name, _levels = type_of[record.cert_type]
        existing = certs.get(number)
        label = f"{number} {type_shown[record.cert_type]}{open_}{record.staff_no} {record.name}{close}"
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
            cert_updates.append({"id": existing.id, **after, "source_sheet": sheet, "source_row": record.row.number})
            changes.append(Change("certificate", "changed", record.number, label, before, after))
    removed = []
    for row in register.dropped:
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
    return RosterReplacement(unit, new_staff, staff_updates, leavers, new_certs, cert_updates, removed,
                             {staff_no: row.id for staff_no, row in known.items()}, Changes(tuple(changes), totals))


# ------------------------------------------------------------------------------------------ the write

def replace_roster_in(session: Session, actor: Actor, replacement: RosterReplacement, *, batch_id: int | None,
                      at: dt.datetime | None = None) -> int:
    """Write ``replacement`` in the caller's transaction (``session``) on behalf of ``actor``: new
    staff and certificates, updates, leavers' last day, removed certificates — one ``executemany``
    per table and action; every written record carries ``batch_id`` (the import batch) as its
    source. Audits each update (``update``), leave (``leave``) and removal (``delete``) with
    before/after, stamped ``at``. Returns the number of staff and certificate records written.

    Raises :class:`~qsm_desktop.domain.errors.PermissionDenied` when ``actor`` may not write the
    reporting unit's records (a branch secretary outside their branch).
    """
    unit = replacement.unit
    require(actor, msg("cert.replace_roster"), org_path=unit.path if unit else None, org_code=unit.code if unit else None)
    staff_table, cert_table = Staff.__table__, Certificate.__table__
    for row in replacement.new_staff:
        row["source_batch_id"] = batch_id
    insert_many(session, staff_table, replacement.new_staff)
    ids: dict[str, int] = {}
    if replacement.new_staff:  # the rows just written are the only ones carrying this new batch's id
        ids = pairs(session, Staff.staff_no, Staff.id, Staff.source_batch_id == batch_id)
    for row in replacement.staff_updates:
        row["source_batch_id"] = batch_id
    update_many(session, staff_table, replacement.staff_updates,
                ("name", "org_unit_id", "post_id", "in_post_from", "in_post_to", "source_batch_id",
                 "source_sheet", "source_row"))
    update_many(session, staff_table, replacement.leavers, ("in_post_to",))
    for staff_no, staff_id in replacement.staff_ids.items():
        ids.setdefault(staff_no, staff_id)
    new_certs = replacement.new_certs
    for row in new_certs:  # completed in place (written once): the holder's 工号 becomes their id
        row["staff_id"] = ids[row.pop("staff_no")]
        row["source_batch_id"] = batch_id
    insert_many(session, cert_table, new_certs)
    for row in replacement.cert_updates:
        row["source_batch_id"] = batch_id
    update_many(session, cert_table, replacement.cert_updates,
                ("type_id", "level", "issued", "expires", "source_batch_id", "source_sheet", "source_row"))
    if replacement.removed:
        session.execute(cert_table.delete().where(cert_table.c.id.in_(replacement.removed)))
    entries = [(c.entity, c.key, _AUDIT_ACTIONS[c.action], c.before, c.after)
               for c in replacement.changes.items if c.action != "new"]
    audit_many(session, actor, entries, batch_id=batch_id, at=at)
    return (len(replacement.new_staff) + len(replacement.staff_updates) + len(replacement.leavers) + len(new_certs)
            + len(replacement.cert_updates) + len(replacement.removed))
