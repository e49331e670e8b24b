"""English names of reference data (参考数据英文名维护) — issue 14 ("seeded, editable"), DESIGN §6, §7.

The reference data the product seeds carries its English name beside the Chinese one (migrations
0008, 0009). The indicator system's names are edited in its editor (a new version of the system);
every other kind — plan targets, certificate types and levels, post categories and posts,
checklist editions, modules, norms and items, complaint codes and deadline classes — is edited
here, through one write path, :func:`set_english_name_in`:

- **who**: the head office (rule ``reference.action.names`` of :mod:`~qsm_desktop.services.permissions`:
  administrators and head-office secretaries, DESIGN §6 — reference data is the bank's, like the
  indicator system and the checklists);
- **what is one record**: a Chinese name in one table (:data:`TABLES`). The window shows an English
  name by its Chinese name (:func:`qsm_desktop.domain.names.shown`), so every row of a table that
  carries that Chinese name gets the edit — a plan target's rows of every year, the level 初级 of
  every certificate type, a module of every checklist edition;
- **concurrency** (DESIGN §6): the caller passes the English name it saw (``expected``); the rows are
  read ``FOR UPDATE`` and an English name changed meanwhile refuses the save with
  :class:`~qsm_desktop.domain.errors.ConflictError`, naming both texts. Several of these tables
  have no version column (posts, codes, modules, items) and the English name is the only field
  edited, so the text itself is the version; rows that have one (plan targets, certificate types,
  checklist editions, deadline classes) still get it raised, so their own editors notice;
- **text**: control characters removed, outer blanks trimmed, at most the column's length
  (:attr:`ReferenceTable.max_length`); an empty text is allowed and is stored as ``""`` — "no
  English name": the window then shows the Chinese name (``store.seed.english_name_pairs`` drops
  the shipped English for it, and seeding never fills a non-``NULL`` column);
- **audit**: entity ``reference_name``, id ``<table>/<Chinese name>``, before/after ``name_en``;
- **afterwards** the catalogue of English names is reloaded (:meth:`ReferenceNameService.set_english_name`),
  so every page shows the new name at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qsm_desktop.domain import i18n
from qsm_desktop.domain.errors import ConflictError, InputRefused
from qsm_desktop.domain.normalise import strip_control
from qsm_desktop.services.audit import audit
from qsm_desktop.services.context import Actor
from qsm_desktop.services.improvement import load_orgs, require_head_office
from qsm_desktop.services.permissions import require_rule
from qsm_desktop.store.models import CertificateType, PlanTarget, Post, PostCategory
from qsm_desktop.store.models.complaints import ComplaintCodeRecord, DeadlineClassRecord
from qsm_desktop.store.models.monitoring import ChecklistItemRecord, ChecklistModuleRecord, ChecklistRecord

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services

__all__ = ["CERTIFICATE_LEVEL", "ReferenceName", "ReferenceNameService", "ReferenceTable", "TABLES",
           "reference_names_in", "set_english_name_in"]

RULE = "reference.action.names"
"""The permission rule of editing reference data's English names (head office, DESIGN §6)."""

i18n.register(
    {
        RULE: ("编辑参考数据的英文名", "edit the English names of reference data"),
        "refname.table.plan_target": ("规划目标", "plan target"),
        "refname.table.certificate_type": ("证书类型", "certificate type"),
        "refname.table.certificate_level": ("证书等级", "certificate level"),
        "refname.table.post_category": ("岗位类别", "post category"),
        "refname.table.post": ("岗位", "post"),
        "refname.table.checklist": ("检查表", "checklist"),
        "refname.table.checklist_module": ("检查表模块", "checklist module"),
        "refname.table.checklist_norm": ("模块规范", "module norm"),
        "refname.table.checklist_item": ("检查项目", "checklist item"),
        "refname.table.complaint_code": ("投诉分类", "complaint category"),
        "refname.table.deadline_class": ("投诉处理时限", "complaint deadline class"),
        "refname.unknown_table": (
            "没有名为“{table}”的参考数据表；可编辑的表：{tables}",
            "there is no reference table '{table}'; the tables that can be edited are: {tables}",
        ),
        "refname.missing": (
            "{table}“{name}”已不存在（可能刚被他人改名或删除）；您的修改未保存。请刷新列表后再编辑。",
            "the {table} '{name}' no longer exists (someone may have just renamed or removed it); your edit "
            "was not saved. Refresh the list and edit it again.",
        ),
        "refname.changed": (
            "{table}“{name}”的英文名已被他人改为“{current}”（您打开时为“{seen}”）；您的修改未保存。"
            "请刷新，核对后再保存。",
            "someone changed the English name of the {table} '{name}' to '{current}' (it was '{seen}' when you "
            "opened it); your edit was not saved. Refresh, check and save again.",
        ),
        "refname.too_long": (
            "{table}“{name}”的英文名有{length}个字符，最多{limit}个；请缩短后再保存。",
            "the English name of the {table} '{name}' has {length} characters, at most {limit} fit; shorten it "
            "and save again.",
        ),
        "refname.multiline": (
            "{table}“{name}”的英文名须为一行文字；请去掉换行后再保存。",
            "the English name of the {table} '{name}' must be one line; remove the line breaks and save again.",
        ),
        "refname.empty_shown": ("（空：显示中文名）", "(empty: the Chinese name is shown)"),
    }
)


@dataclass(frozen=True)
class ReferenceTable:
    """One kind of reference data with an English name: ``key`` (``"post"``), the model, its Chinese
    and English columns, the column shown as its code (``None``: the record number) and the most
    characters the English column holds."""

    key: str
    model: Any
    zh: str
    en: str
    code: str | None
    max_length: int

    @property
    def label(self) -> str:
        """The table's name in the current language (``岗位`` / ``post``)."""
        return i18n.msg(f"refname.table.{self.key}")


CERTIFICATE_LEVEL = "certificate_level"
"""The levels of the certificate types (``certificate_types.levels``/``levels_en``, lists in one order):
not a table of their own, so :func:`set_english_name_in` writes them by position."""

TABLES: tuple[ReferenceTable, ...] = (
    ReferenceTable("plan_target", PlanTarget, "name", "name_en", "metric", 200),
    ReferenceTable("certificate_type", CertificateType, "name", "name_en", None, 200),
    ReferenceTable(CERTIFICATE_LEVEL, CertificateType, "levels", "levels_en", None, 200),
    ReferenceTable("post_category", PostCategory, "name", "name_en", "code", 200),
    ReferenceTable("post", Post, "name", "name_en", "category_code", 200),
    ReferenceTable("checklist", ChecklistRecord, "name", "name_en", "label", 200),
    ReferenceTable("checklist_module", ChecklistModuleRecord, "name", "name_en", "code", 200),
    ReferenceTable("checklist_norm", ChecklistModuleRecord, "norm", "norm_en", "code", 200),
    ReferenceTable("checklist_item", ChecklistItemRecord, "text", "text_en", "code", 300),
    ReferenceTable("complaint_code", ComplaintCodeRecord, "name", "name_en", "list", 200),
    ReferenceTable("deadline_class", DeadlineClassRecord, "name", "name_en", "sort_order", 200),
)
"""The reference tables whose English names are edited here, in the order the page lists them
(the indicator system's are edited in its own editor, as a new version)."""

_BY_KEY = {t.key: t for t in TABLES}


@dataclass(frozen=True)
class ReferenceName:
    """One editable English name: ``table`` (a key of :data:`TABLES`), ``code`` (the record's code,
    e.g. a plan target's metric or a checklist item's ``GM-05``; a certificate level's position
    ``1``…), ``name`` (the Chinese name, the key), ``name_en`` (the stored English, ``""`` when none),
    ``rows`` (how many stored rows carry this Chinese name and get the edit) and ``max_length``."""

    table: str
    code: str
    name: str
    name_en: str
    rows: int
    max_length: int


def table_of(key: str) -> ReferenceTable:
    """The :class:`ReferenceTable` of ``key``; :class:`InputRefused` naming the known ones otherwise."""
    found = _BY_KEY.get(key)
    if found is None:
        raise InputRefused(i18n.msg("refname.unknown_table", table=key, tables=i18n.Verbatim(_BY_KEY)))
    return found


def _order(model: Any) -> list:
    return list(model.__table__.primary_key.columns)


def _levels(session: Session, *, lock: bool = False) -> list[CertificateType]:
    query = select(CertificateType).order_by(CertificateType.id)
    return list(session.scalars(query.with_for_update() if lock else query))


def reference_names_in(session: Session, table: str | None = None) -> list[ReferenceName]:
    """Every editable English name (of ``table`` only when given), grouped by Chinese name: one
    :class:`ReferenceName` per table and Chinese name, in :data:`TABLES` order, then as stored.
    Where the rows of one Chinese name differ, the newest row's English name is the one shown
    (as :func:`qsm_desktop.store.seed.english_name_pairs` decides)."""
    out: list[ReferenceName] = []
    for spec in TABLES if table is None else (table_of(table),):
        groups: dict[str, list] = {}  # Chinese name → [code, English, rows]
        if spec.key == CERTIFICATE_LEVEL:
            for ctype in _levels(session):
                for position, level in enumerate(ctype.levels or []):
                    group = groups.setdefault(level, [str(position + 1), "", 0])
                    english = _level_en(ctype, position)
                    if english is not None:
                        group[1] = english
                    group[2] += 1
        else:
            model = spec.model
            code = getattr(model, spec.code) if spec.code else model.__table__.primary_key.columns[0]
            for zh, en, key in session.execute(select(getattr(model, spec.zh), getattr(model, spec.en), code)
                                               .order_by(*_order(model))):
                if not zh:
                    continue
                group = groups.setdefault(zh, [str(key), "", 0])
                if en is not None:
                    group[1] = en
                group[2] += 1
        out.extend(ReferenceName(spec.key, code, zh, en, rows, spec.max_length)
                   for zh, (code, en, rows) in groups.items())
    return out


def clean_english(spec: ReferenceTable, name: str, text: str | None) -> str:
    """``text`` as it is stored: control characters removed, outer blanks trimmed; ``""`` for none.

    Raises :class:`InputRefused` for a text longer than the column holds or of several lines."""
    cleaned = strip_control(text or "").strip()
    if "\n" in cleaned or "\t" in cleaned:
        raise InputRefused(i18n.msg("refname.multiline", table=spec.label, name=name))
    if len(cleaned) > spec.max_length:
        raise InputRefused(i18n.msg("refname.too_long", table=spec.label, name=name, length=len(cleaned),
                                    limit=spec.max_length))
    return cleaned


def set_english_name_in(session: Session, actor: Actor, table: str, name: str, name_en: str | None, *,
                        expected: str | None) -> ReferenceName:
    """Give every row of reference ``table`` (a key of :data:`TABLES`) whose Chinese name is ``name``
    the English name ``name_en`` (``""``/``None``: none — the Chinese name is shown); returns the
    record as stored. ``expected`` is the English name the person saw (``""`` for none; ``None``
    skips the check — scripts that mean to overwrite). Unchanged text writes nothing.

    Raises :class:`~qsm_desktop.domain.errors.PermissionDenied` below the head office (rule
    ``reference.action.names``, DESIGN §6); :class:`InputRefused` for an unknown table, a text longer
    than the column (200 characters, 300 for checklist items) or of several lines;
    :class:`~qsm_desktop.domain.errors.ConflictError` when the English name changed since the person
    saw ``expected``, or no row carries ``name`` any more (DESIGN §6: nothing silently overwritten).
    Audited (``reference_name``, before/after ``name_en``). The caller reloads the catalogue of
    English names after the commit (:meth:`ReferenceNameService.set_english_name` does).
    """
    require_rule(actor, RULE)
    require_head_office(actor, i18n.msg(RULE), load_orgs(session))
    spec = table_of(table)
    text = clean_english(spec, name, name_en)
    if spec.key == CERTIFICATE_LEVEL:
        holders = [(c, c.levels.index(name)) for c in _levels(session, lock=True) if name in (c.levels or [])]
        current = ""
        for ctype, position in holders:
            english = _level_en(ctype, position)
            if english is not None:
                current = english
        code = str(holders[0][1] + 1) if holders else ""
    else:
        model = spec.model
        holders = list(session.scalars(select(model).where(getattr(model, spec.zh) == name)
                                       .order_by(*_order(model)).with_for_update()))
        current = next((getattr(r, spec.en) for r in reversed(holders) if getattr(r, spec.en) is not None), "")
        code = str(getattr(holders[0], spec.code) if spec.code else holders[0].id) if holders else ""
    if not holders:
        raise ConflictError(i18n.msg("refname.missing", table=spec.label, name=name))
    if expected is not None and (expected or "").strip() != current:
        raise ConflictError(i18n.msg("refname.changed", table=spec.label, name=name,
                                     current=current or i18n.msg("refname.empty_shown"),
                                     seen=expected.strip() or i18n.msg("refname.empty_shown")))
    stale = [r for r, p in holders if _level_en(r, p) != text] if spec.key == CERTIFICATE_LEVEL else \
        [r for r in holders if getattr(r, spec.en) != text]
    if not stale:  # every row already says it
        return ReferenceName(spec.key, code, name, current, len(holders), spec.max_length)
    if spec.key == CERTIFICATE_LEVEL:
        for ctype, position in holders:
            english = list(ctype.levels_en or [])
            english += [None] * (len(ctype.levels) - len(english))
            english[position] = text
            ctype.levels_en = english  # a new list: the JSON column is written (and the version raised)
    else:
        for row in holders:
            setattr(row, spec.en, text)
    session.flush()
    audit(session, actor, "reference_name", f"{spec.key}/{name}", "update", {"name_en": current}, {"name_en": text})
    return ReferenceName(spec.key, code, name, text, len(holders), spec.max_length)


def _level_en(ctype: CertificateType, position: int) -> str | None:
    """The English name of the ``position``-th (0-based) level of ``ctype``; ``None`` when unset."""
    english = ctype.levels_en or []
    return english[position] if position < len(english) else None


class ReferenceNameService:
    """``services.reference_names``: list and edit the English names of reference data (issue 14)."""

    def __init__(self, services: Services) -> None:
        self._services = services

    def names(self, actor: Actor, table: str | None = None) -> list[ReferenceName]:
        """Every editable English name (of ``table`` only when given): see :func:`reference_names_in`.
        Reference data is read by every role (no unit's rows)."""
        with self._services.read() as session:
            return reference_names_in(session, table)

    def may_edit(self, actor: Actor) -> bool:
        """Whether ``actor``'s role may edit them (the page greys its editing out otherwise)."""
        from qsm_desktop.services.permissions import may

        return may(actor, RULE)

    def set_english_name(self, actor: Actor, table: str, name: str, name_en: str | None, *,
                         expected: str | None) -> ReferenceName:
        """Store one English name (:func:`set_english_name_in`, one transaction) and reload the
        catalogue of English names, so pages and reports show it at once. Raises as
        :func:`set_english_name_in` does."""
        with self._services.unit_of_work() as session:
            result = set_english_name_in(session, actor, table, name, name_en, expected=expected)
        self._services.load_english_names()
        return result
