"""The import handler contract (导入处理) — what a return kind's handler implements — DESIGN.md §3.

A return kind (``excel/kinds/<kind>.py``) translates a workbook into typed records
(:class:`~qsm_desktop.excel.kinds.base.ParsedReturn`). Its **import handler**, beside the feature's
service (``services/<feature>/imports.py``), takes it from there inside the engine's transaction:

1. :meth:`ImportHandler.check` — checks against the database (unknown org codes, certificate names,
   numbers owned by someone else …), appending problems to ``parsed.problems``; returns the kind's
   **plan** (a dataclass subclassing :class:`ImportPlan`) holding what it loaded, for the next steps;
2. :meth:`ImportHandler.superseded_batch` — which earlier batch this return replaces;
3. :meth:`ImportHandler.preview` — what importing would change (:class:`Changes`);
4. :meth:`ImportHandler.apply` — write it through the feature's ``*_in(session, actor, …)``
   functions (the same ones the window's forms call), which also audit.

The engine (:mod:`qsm_desktop.services.imports`) conducts: read → kind → org/period → permission
→ parse → check → preview → apply → batch, supersede, audit. It finds a kind's handler in the
explicit list of :func:`qsm_desktop.services.imports.handlers`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from qsm_desktop.domain.i18n import register
from qsm_desktop.excel.kinds.base import ParseContext, ParsedReturn
from qsm_desktop.excel.problems import Problem

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy.orm import Session

    from qsm_desktop.services.context import Actor

__all__ = ["Change", "Changes", "ImportContext", "ImportHandler", "ImportPlan", "OrgInfo", "OUTSIDE_SCOPE", "WARNING"]

OUTSIDE_SCOPE = "import.outside_scope"
"""Message key of a cell naming a unit outside the importing person's scope (DESIGN §6)."""

register({
    OUTSIDE_SCOPE: ("机构代码 {code} 不在您的管辖范围 {scope} 内",
                    "org code {code} is outside your scope {scope}"),
})

WARNING = "warning"
"""The ``entity`` and ``action`` of a preview line that warns but does not refuse."""


@dataclass(frozen=True)
class OrgInfo:
    """An org unit as the engine caches it: id, 6-digit code, name, type, parent code, path, status."""

    id: int
    code: str
    name: str
    type: str
    parent_code: str | None
    path: str
    status: str


@dataclass
class ImportContext(ParseContext):
    """What an import handler knows about the import in progress (the kind's parse saw only the
    :class:`~qsm_desktop.excel.kinds.base.ParseContext` part: ``file``, ``org_code``, ``period``,
    ``period_end``).

    ``orgs`` the cached org tree (code → :class:`OrgInfo`); ``actor`` the acting user; ``org`` the
    reporting unit (``None`` while an org list creates it); ``now`` the import time;
    ``superseded_batch_id`` the batch this return replaces (same kind × org × period), if any;
    ``cache`` a dict shared by the files of one import run (look-ups that do not change while
    importing; cleared when the org tree changes).
    """

    orgs: dict[str, OrgInfo] = field(default_factory=dict)
    actor: Actor | None = None
    org: OrgInfo | None = None
    now: dt.datetime = field(default_factory=lambda: dt.datetime.now().replace(microsecond=0))
    superseded_batch_id: int | None = None
    cache: dict[str, Any] = field(default_factory=dict)

    def subtree(self, code: str | None = None) -> dict[str, OrgInfo]:
        """The units of ``code``'s subtree (default: the reporting unit's), code → :class:`OrgInfo`.

        Walks a children index kept in :attr:`cache` (shared by the files of one import run), so an
        outlet's subtree costs one look-up, not a pass over the whole tree.
        """
        root = self.orgs.get(code or self.org_code or "")
        if root is None:
            return {}
        if self.cache.get("orgs") is not self.orgs:
            self.cache["orgs"] = self.orgs
            children: dict[str | None, list[str]] = {}
            for info in self.orgs.values():
                children.setdefault(info.parent_code, []).append(info.code)
            self.cache["children"] = children
            self.cache["subtrees"] = {}
        memo = self.cache["subtrees"]
        found = memo.get(root.code)
        if found is None:
            children = self.cache["children"]
            found, stack = {}, [root.code]
            while stack:
                current = stack.pop()
                if current in found:
                    continue
                found[current] = self.orgs[current]
                stack.extend(children.get(current, ()))
            memo[root.code] = found
        return found

    def outside_scope(self, code: str | None) -> bool:
        """Whether the known unit ``code`` lies outside the acting person's scope (DESIGN §6: a
        branch secretary works in her branch's subtree only). ``False`` for an actor without a scope
        and for a code the org tree does not know (the handler says "unknown" for that)."""
        scope = self.actor.org_scope if self.actor is not None else None
        info = self.orgs.get(code or "")
        return bool(scope) and info is not None and f"/{scope}/" not in info.path

    def scope_problem(self, row: Any, field_name: str, code: str) -> Problem:
        """The refusal of ``row``'s cell ``field_name`` naming unit ``code`` outside the actor's
        scope: "机构代码 110101 不在您的管辖范围 310000 内" (DESIGN §6), at that cell. ``row`` is the
        record's :class:`~qsm_desktop.excel.table.TableRow`."""
        scope = self.actor.org_scope if self.actor is not None else ""
        return row.problem(field_name, OUTSIDE_SCOPE, code=code, scope=scope)

    def unit_by_id(self) -> dict[int, OrgInfo]:
        """Org unit id → :class:`OrgInfo` (kept in :attr:`cache`)."""
        if self.cache.get("by_id_of") is not self.orgs:
            self.cache["by_id_of"] = self.orgs
            self.cache["by_id"] = {o.id: o for o in self.orgs.values()}
        return self.cache["by_id"]


class Change(NamedTuple):
    """One change the import would make: ``entity`` (staff, certificate, org_unit …), ``action``
    (new, changed, leaving, removed), ``key`` (工号, 证书编号, 机构代码) and a readable ``label``;
    ``before``/``after`` the changed fields. (A tuple: previews hold one per row.)"""

    entity: str
    action: str
    key: str
    label: str = ""
    before: Mapping[str, Any] | None = None
    after: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class Changes:
    """Everything :meth:`ReturnKind.preview` found, in a stable order."""

    items: tuple[Change, ...] = ()
    totals: dict[str, dict[str, int]] | None = field(default=None, compare=False)
    """Precomputed :meth:`counts` (a kind that counted while planning may pass them)."""

    def of(self, entity: str, action: str) -> list[Change]:
        """The changes of one entity and action, e.g. ``of("staff", "leaving")``."""
        return [c for c in self.items if c.entity == entity and c.action == action]

    def counts(self) -> dict[str, dict[str, int]]:
        """``{action: {entity: count}}`` — e.g. ``{"new": {"staff": 3}, "leaving": {"staff": 1}}``."""
        if self.totals is not None:
            return {action: dict(entities) for action, entities in self.totals.items()}
        result: dict[str, dict[str, int]] = {}
        for change in self.items:
            bucket = result.setdefault(change.action, {})
            bucket[change.entity] = bucket.get(change.entity, 0) + 1
        return result

    def __len__(self) -> int:
        return len(self.items)


# ------------------------------------------------------------------------------------------ handlers

@dataclass
class ImportPlan:
    """What :meth:`ImportHandler.check` found, handed to the later steps: the ``parsed`` return.
    A handler subclasses it with typed fields for what it loaded (existing records, look-ups)."""

    parsed: ParsedReturn


P = TypeVar("P", bound=ImportPlan)


class ImportHandler(Generic[P]):
    """The database side of one return kind (``kind`` = the kind's ``name``). Subclasses override
    :meth:`check` and :meth:`apply`, and :meth:`preview` / :meth:`superseded_batch` /
    :meth:`template_choices` / :meth:`template_rows` where the defaults do not fit."""

    kind: str = ""
    head_office_only: bool = False
    """Whether only the head office imports this kind (the org list, the agency's mystery-visit
    delivery — on PostgreSQL their tables are written by head office alone): a person with an org
    scope below the bank is refused with one sentence, beside the file's other problems."""

    def check(self, session: Session, parsed: ParsedReturn, ctx: ImportContext) -> P:
        """Check ``parsed`` against the database; append problems to ``parsed.problems``; return
        the plan. Must not write. Called once the reporting unit and period are known — also when
        parsing found problems, so that the secretary gets every problem of the file at once (a
        record may then lack fields that failed to parse)."""
        raise NotImplementedError

    def superseded_batch(self, session: Session, plan: P, ctx: ImportContext) -> int | None:
        """The earlier batch this return replaces (called after a clean :meth:`check`).

        Default: the engine's choice, ``ctx.superseded_batch_id`` — the newest imported batch of
        this kind for the same unit and period (DESIGN §3). A kind whose files are not one per
        unit and period (score sheets: one per reviewer and outlet) narrows it down.
        """
        return ctx.superseded_batch_id

    def batch_slot(self, plan: P, ctx: ImportContext) -> str:
        """What tells this return apart from others of its kind, unit and period that stand beside
        it rather than replace it (a score sheet: its reviewer). Default ``""``: one current return
        per kind × unit × period. The database allows one current batch per slot (issue 11)."""
        return ""

    def preview(self, session: Session, plan: P, ctx: ImportContext) -> Changes:
        """What :meth:`apply` would change (after a clean :meth:`check`). Default: nothing."""
        return Changes()

    def apply(self, session: Session, batch_id: int, plan: P, ctx: ImportContext) -> int:
        """Write the plan in the caller's transaction (records carry ``batch_id``); rows written."""
        raise NotImplementedError

    def template_choices(self, session: Session | None) -> dict[str, list[str]]:
        """Drop-down lists of the template that come from the database (field → values)."""
        return {}

    def template_rows(self, session: Session | None, ctx: ImportContext) -> list[Sequence[object] | Mapping[str, object]]:
        """Rows to pre-fill a template with (e.g. the unit's current roster). Default: none."""
        return []

    def __repr__(self) -> str:
        return f"<ImportHandler {self.kind}>"
