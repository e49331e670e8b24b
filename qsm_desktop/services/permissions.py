"""What each role may do (角色权限) — the one table of DESIGN §6's roles, for the window and the services.

:data:`RULES` maps a *rule name* to the roles allowed it. Two kinds of names:

- **actions** are the message keys the services already pass to
  :func:`~qsm_desktop.services.context.require` (``"import.action"``, ``"eval.action.publish"``,
  ``"sc.action.award"`` …), so the window and the services speak of one action by one name and the
  refusal sentence is ``msg(rule)``;
- **pages** are ``"page.<page id>"`` (:func:`page_rule`): which navigation entries a role is
  offered (``ui/main_window.py`` lists each page with its rule).

The roles (DESIGN §6): 管理员 admin — everything, and users; 总行秘书 head-office secretary —
everything but users; 分行秘书 branch secretary — her branch's subtree, reads and writes, no
head-office act (publishing evaluations, awarding, editing the indicator system, changing the org
tree other than by her subtree's org list); 评审专家 reviewer — her own score sheets of the applications assigned to her; 查看 viewer —
reads, never writes. *Scope* (which units) is not in this table: services filter by
``actor.org_scope`` and, on PostgreSQL, the database does (``store/security.py``).

A rule missing from the table is allowed to admins and head-office secretaries only (and logged
once), so a page or button added without its line is never offered to a branch, a reviewer or a
viewer by mistake; ``tests/services/test_permissions.py`` checks every page of the window has one.
"""

from __future__ import annotations

import logging

from qsm_desktop.domain.errors import PermissionDenied
from qsm_desktop.domain.i18n import msg
from qsm_desktop.services.context import ROLE_NAMES_ZH, Actor, Role

log = logging.getLogger(__name__)

__all__ = ["HEAD_OFFICE", "READERS", "RULES", "WRITERS", "may", "page_rule", "require_rule", "rules_of"]

ALL: frozenset[Role] = frozenset(Role)
HEAD_OFFICE: frozenset[Role] = frozenset({Role.ADMIN, Role.HO_SECRETARY})
"""Who acts for the whole bank (总行)."""
WRITERS: frozenset[Role] = HEAD_OFFICE | {Role.BRANCH_SECRETARY}
"""Who imports returns and edits records (within their scope)."""
READERS: frozenset[Role] = WRITERS | {Role.VIEWER}
"""Who reads the registers, rates and reports (within their scope)."""

RULES: dict[str, frozenset[Role]] = {
    # ---- pages of the window ("page.<page id>", ui/main_window.py)
    "page.dashboard": READERS,
    "page.organisation": READERS,
    "page.register": READERS,
    "page.rates": READERS,
    "page.returns": WRITERS,                    # the page is the import inbox
    "page.training": READERS,
    "page.evaluation": READERS,
    "page.indicators": HEAD_OFFICE,             # the indicator-system editor
    "page.targets": HEAD_OFFICE | {Role.VIEWER},  # the bank's plan (a branch would see part of it)
    "page.showcase": ALL,                       # a reviewer sees the score-sheet tab only:
    "page.showcase.applications": READERS,
    "page.showcase.sheets": ALL,
    "page.showcase.ranking": READERS,
    "page.showcase.awards": READERS,
    "page.mystery_visits": READERS,             # issue 13: scores within one's scope; deciding is head office's
    "page.actions": READERS,                    # corrective and preventive actions (a branch: her own)
    "page.complaints": READERS,
    "page.checklists": READERS,                 # read by all who read; edited by head office only
    "page.settings": ALL,
    "page.administration": frozenset({Role.ADMIN}),  # logins
    "page.reference_names": HEAD_OFFICE,        # English names of reference data (issue 14): the bank's data
    "page.audit": WRITERS,                      # the audit trail (a branch sees what the trail service lets her)
    # ---- actions: the message keys the services pass to require()
    "import.action": WRITERS,                   # import returns (a branch: her own units' returns)
    "template.action": WRITERS,                 # write blank returns to fill
    "org.update_tree": WRITERS,                 # the org list: a branch sends her subtree's (DESIGN §3.1), never her own row
    "cert.replace_roster": WRITERS,
    "training.record": WRITERS,
    "training.edit": HEAD_OFFICE,               # course details are the bank's
    "eval.action.values": WRITERS,
    "eval.action.manual": WRITERS,              # a manual indicator value of a unit in scope
    "eval.action.ratings": WRITERS,
    "eval.action.compute": HEAD_OFFICE,
    "eval.action.publish": HEAD_OFFICE,
    "eval.action.system": HEAD_OFFICE,          # edit or import an indicator system
    "reference.action.names": HEAD_OFFICE,      # English names of plan targets, certificates, posts, checklists, codes
    "sc.action.cycle": HEAD_OFFICE,
    "sc.action.apply": WRITERS,
    # A reviewer enters (and revises) her OWN sheets of the applications assigned to her — her panels'
    # cycles, never her own branch (review.save_sheet_in's reviewer path; on PostgreSQL the policies
    # of showcase_score_sheets/showcase_applications); secretaries enter anyone's (paper sheets).
    "sc.action.score": WRITERS | {Role.REVIEWER},
    "sc.action.award": HEAD_OFFICE,             # award, revoke, outside titles
    "sc.action.print": HEAD_OFFICE,             # certificates
    "backup.action": HEAD_OFFICE,
    "demo.action": HEAD_OFFICE,
    "account.action.manage": frozenset({Role.ADMIN}),
    "account.action.list": HEAD_OFFICE,
}
"""Rule name → the roles allowed it."""

_warned: set[str] = set()


def page_rule(page_id: str) -> str:
    """The rule that offers the window's page ``page_id``: ``"page.<page_id>"``."""
    return f"page.{page_id}"


def may(actor: Actor, rule: str) -> bool:
    """Whether ``actor``'s role may do ``rule`` (a key of :data:`RULES`). Role only — the scope of a
    branch or a viewer is checked where the units are known. An unknown rule: head office only."""
    allowed = RULES.get(rule)
    if allowed is None:
        if rule not in _warned:
            _warned.add(rule)
            log.warning("no permission rule %r: offered to administrators and head-office secretaries only", rule)
        allowed = HEAD_OFFICE
    return actor.role in allowed


def require_rule(actor: Actor, rule: str) -> None:
    """Raise :class:`PermissionDenied` (DESIGN §6's sentence, the action named by ``msg(rule)``)
    unless :func:`may` allows ``rule``."""
    if not may(actor, rule):
        raise PermissionDenied(msg("perm.denied", login=actor.login, role=ROLE_NAMES_ZH[actor.role], action=msg(rule)))


def rules_of(role: Role) -> frozenset[str]:
    """Every rule of :data:`RULES` that ``role`` is allowed (for an overview of a role)."""
    return frozenset(rule for rule, roles in RULES.items() if role in roles)
