"""PostgreSQL access control (数据库权限与行级安全) — DESIGN §6, issue 12.

A desktop client that connects straight to the database cannot be trusted to filter its own
queries, so on PostgreSQL **the database enforces who sees what**. ``qsm db upgrade``, run by the
database superuser (or a member of the owner role), sets it up in the same transaction as the
migrations, idempotently (:func:`upgrade`):

**Roles.** Names derive from the database's name (:class:`RoleNames`; database ``qsm`` →
``qsm_owner``, ``qsm_admin`` …), so two QSM databases on one server (say production and training)
never share a group, and test databases clean up their own roles:

- ``<db>_owner`` — NOLOGIN; owns every table, sequence and function; the migrations run as it
  (``SET ROLE``). Nobody logs in as it; a login that is a member is refused for daily work.
- one NOLOGIN group per application role: ``<db>_admin``, ``<db>_ho_secretary``,
  ``<db>_branch_secretary``, ``<db>_reviewer``, ``<db>_viewer``. Each person is a LOGIN role
  (scram-sha-256 password) that is a member of exactly one group (:func:`create_login`).

**Grants** (what each group may do at all): every group reads every table except
``showcase_secret`` (the certificate check-value key: head office only) and the password column of
``accounts``; admin and head-office secretaries write every table; branch secretaries write the
tables their returns fill (:data:`BRANCH_WRITES`); reviewers write score sheets; viewers write
nothing but audit entries. ``audit_log`` is append-only for everyone (INSERT, never UPDATE/DELETE), and
``accounts`` is written by admins only.

**Row-level security** (which rows): ENABLEd and FORCEd (so the owner obeys it too) on every table
in :data:`SCOPED_TABLES`, with permissive policies keyed on ``current_user`` — ``USING`` for the rows
one reads, updates and deletes, ``WITH CHECK`` for the rows one writes — so a branch secretary,
even from psql, reads only her subtree and cannot move a row out of it. Who sees what comes from
her ``accounts`` row (role, org unit), read by SECURITY DEFINER functions ``qsm_sees_all``,
``qsm_scope_units`` … (owned by the owner; only their results are visible):

- the owner, admins, head-office secretaries and viewers without an org unit see everything;
- branch secretaries and viewers with an org unit see rows of units in that unit's subtree;
- reviewers see the showcase applications of the cycles whose panel they sit on, except those of
  their own branch (DESIGN §5: never one of their own branch), and their own score sheets; a
  reviewer's account is matched to the reviewer record (评审专家) with the same name (the account's
  name, else its login) and org unit. They write only their own sheets (and items) of those
  applications, and may move such an application from 已提交/分行推荐 into 总行评审中 (her first
  sheet does) — column grants on ``status``/``version`` only;
- published evaluation results (``unit_scores``/``indicator_scores`` of a published period, with
  each unit's missing returns) are readable bank-wide; a draft quarter (its ``evaluation_periods``
  row: completeness, who computed it) is head office's working copy, of which a scoped login reads
  only her own units' results (and the row that says they are a draft); raw inputs (indicator
  values, internal ratings) only in scope.

Every table is in :data:`SCOPED_TABLES` (row-level security), :data:`BANKWIDE_TABLES` (org-unit
columns, deliberately bank-wide) or :data:`REFERENCE_TABLES` (no org unit), each with its reason.

**Branches send their own subtree's org list** (DESIGN §3 lists 机构清单 among the branch returns;
§6: a branch secretary reads and writes her subtree): ``org_units`` has row-level security too —
readable by all, a branch secretary may INSERT/UPDATE a unit only with its parent in her subtree
and its path under her branch, never her branch's own row, and nobody but head office moves a unit
out (the WITH CHECK refuses it).

**The org tree: materialised path, not a closure table.** ``org_units.path`` already holds every
ancestor of a unit (``/000000/310000/310100/``), written by the org-list import in the same
transaction as the unit itself, so "unit U lies in the subtree of S" is
``U.path LIKE '%/S/%'`` — the same test the application uses (``services.context.require``). A
closure table would hold the same facts a second time and need its own upkeep by the org import
(and a trigger to stop a client from writing it out of step); the path cannot disagree with itself.
The policies evaluate the set of visible unit ids once per statement (``IN (SELECT …)`` becomes a
hashed sub-plan), so the ``LIKE`` runs over the org tree (thousands of rows), not over the data.

**The audit trail** records ``session_user``: a BEFORE INSERT trigger on ``audit_log`` overwrites
the ``login`` (and ``role``, from the account) a client sends, so nobody can write an entry in
another's name.

A client refuses daily work when its login is a superuser, has BYPASSRLS, or owns (is a member of
a role owning) the tables: :func:`login_facts` tells, ``services.accounts.sign_in`` refuses.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from qsm_desktop.domain.errors import PermissionDenied, SchemaError
from qsm_desktop.domain.i18n import msg, register

log = logging.getLogger(__name__)

__all__ = [
    "APP_ROLES", "BANKWIDE_TABLES", "BRANCH_INSERT_UPDATE", "REFERENCE_TABLES", "BRANCH_UPDATES", "BRANCH_WRITES", "LoginFacts", "REVIEWER_UPDATES", "REVIEWER_WRITES",
    "RoleNames", "SCOPED_TABLES", "VERSION",
    "create_login", "installed_state", "login_exists", "login_facts", "role_names", "set_login_enabled",
    "set_password", "upgrade",
]

register({
    "security.upgrade_needs_superuser": (
        "数据库的权限设置需要建立或更新，只有数据库超级用户（或属主角色 {owner} 的成员）能做。"
        "请用超级用户（如 postgres）运行 “qsm db upgrade”。",
        "The database's access control needs setting up or updating, which only the database superuser "
        "(or a member of the owner role {owner}) can do. Run 'qsm db upgrade' as the superuser (e.g. postgres).",
    ),
    "security.roles_missing": (
        "数据库角色 {roles} 尚不存在；第一次设置须由数据库超级用户运行 “qsm db upgrade”。",
        "The database roles {roles} do not exist yet; the first set-up must be run by the database superuser "
        "with 'qsm db upgrade'.",
    ),
    "security.login_taken": (
        "数据库中已有角色 {login}，且它是超级用户、可绕过行级安全或属于 QSM 的内部角色，不能用作登录名。请换一个登录名。",
        "The database already has a role {login} that is a superuser, may bypass row-level security or is one of "
        "QSM's own roles; it cannot be a login. Choose another login name.",
    ),
})

VERSION = 5
"""Version of the set-up below; a database whose installed version differs is set up again by the
superuser's ``qsm db upgrade`` (:func:`upgrade`; until then other logins' ``qsm db upgrade`` is refused
with the sentence naming who must run it). 5: ``evaluation_periods`` under row-level security (a draft
quarter is head office's), missing returns kept per unit (migration 0010)."""

APP_ROLES = ("admin", "ho_secretary", "branch_secretary", "reviewer", "viewer")
"""Application roles (``services.context.Role`` values), one group role each."""

SEES_ALL = "(SELECT qsm_sees_all(current_user))"
"""Policy term: the querying role sees every row (owner, admin, head office, bank-wide viewer)."""


def _units(column: str) -> str:
    return f"{column} IN (SELECT qsm_scope_units(current_user))"


# table → (policies: (name, command, using, with_check)); the using/with_check None = not given
_REVIEWER_APPS = ("(cycle_id IN (SELECT qsm_reviewer_cycles(current_user)) "
                  "AND outlet_id NOT IN (SELECT qsm_reviewer_excluded_units(current_user)))")
_OWN = f"{SEES_ALL} OR "

SCOPED_TABLES: dict[str, tuple[str, tuple[tuple[str, str, str | None, str | None], ...]]] = {
    "staff": ("员工: the unit the person works in (org_unit_id)",
              (("qsm_scope", "ALL", _OWN + _units("org_unit_id"), _OWN + _units("org_unit_id")),)),
    "certificates": ("证书: through its holder (staff_id → staff, whose own policy applies)",
                     (("qsm_scope", "ALL", _OWN + "staff_id IN (SELECT id FROM staff)",
                       _OWN + "staff_id IN (SELECT id FROM staff)"),)),
    "training_attendance": (
        "培训记录: the unit the return listed the person under, else the person's unit",
        (("qsm_scope", "ALL",
          _OWN + _units("org_unit_id") + " OR (org_unit_id IS NULL AND staff_id IN (SELECT id FROM staff))",
          _OWN + _units("org_unit_id") + " OR (org_unit_id IS NULL AND staff_id IN (SELECT id FROM staff))"),)),
    "training_courses": (
        "培训项目: a bank-wide catalogue (one course serves many branches), readable by all; a course may be "
        "changed or removed only by head office or within the scope of the batch that created it",
        (("qsm_read", "SELECT", "true", None),
         ("qsm_insert", "INSERT", None, "true"),
         ("qsm_update", "UPDATE", _OWN + "source_batch_id IN (SELECT id FROM import_batches)",
          _OWN + "source_batch_id IN (SELECT id FROM import_batches)"),
         ("qsm_delete", "DELETE", _OWN + "source_batch_id IN (SELECT id FROM import_batches)", None))),
    "indicator_values": ("指标值 (raw inputs): the unit (org_unit_id)",
                         (("qsm_scope", "ALL", _OWN + _units("org_unit_id"), _OWN + _units("org_unit_id")),)),
    "internal_service_ratings": ("内部服务评价 (raw inputs): the rating branch (rater_org_id)",
                                 (("qsm_scope", "ALL", _OWN + _units("rater_org_id"),
                                   _OWN + _units("rater_org_id")),)),
    "evaluation_periods": (
        "评价期 (a quarter's computed result: status, completeness, who computed it): a published quarter is "
        "readable bank-wide; a draft is head office's working copy, readable by those who see the whole bank "
        "and, so that the window can say 'draft, not published' beside them, by a scoped login that has "
        "units of her own in it (her own unit results, unit_scores); written by head office only",
        # qsm_scope_periods, not a sub-query on unit_scores: unit_scores' policy names this table
        (("qsm_read", "SELECT", _OWN + "status = 'published' OR id IN (SELECT qsm_scope_periods(current_user))",
          None),
         ("qsm_write", "ALL", SEES_ALL, SEES_ALL))),
    "unit_scores": (
        "机构得分 (with the unit's missing returns, 缺报): own subtree, or any unit once the period is published; "
        "written by head office only",
        (("qsm_read", "SELECT", _OWN + _units("org_unit_id") + " OR period_id IN "
          "(SELECT qsm_published_periods())", None),
         ("qsm_write", "ALL", SEES_ALL, SEES_ALL))),
    "indicator_scores": ("指标得分: through its unit score (unit_score_id → unit_scores)",
                         (("qsm_read", "SELECT", _OWN + "unit_score_id IN (SELECT id FROM unit_scores)", None),
                          ("qsm_write", "ALL", SEES_ALL, SEES_ALL))),
    "import_batches": ("导入批次: the reporting unit (org_code); batches without a unit: head office only",
                       (("qsm_scope", "ALL", _OWN + "org_code IN (SELECT qsm_scope_codes(current_user))",
                         _OWN + "org_code IN (SELECT qsm_scope_codes(current_user))"),)),
    "showcase_applications": (
        "示范窗口申报: the outlet (outlet_id); reviewers: the applications of their panels' cycles, "
        "never one of their own branch",
        (("qsm_read", "SELECT", _OWN + _units("outlet_id") + " OR " + _REVIEWER_APPS, None),
         ("qsm_write", "ALL", _OWN + _units("outlet_id"), _OWN + _units("outlet_id")),
         # a reviewer's first sheet takes an assigned application into review (已提交/分行推荐 → 总行评审中),
         # and nothing else: columns status and version only (REVIEWER_UPDATES), this step only
         ("qsm_review_start", "UPDATE", _REVIEWER_APPS + " AND status IN ('已提交', '分行推荐')",
          _REVIEWER_APPS + " AND status = '总行评审中'"))),
    "showcase_attachments": ("申报附件: through the application (application_id)",
                             (("qsm_scope", "ALL", _OWN + "application_id IN (SELECT id FROM showcase_applications)",
                               _OWN + "application_id IN (SELECT id FROM showcase_applications)"),)),
    "showcase_score_sheets": (
        "现场评分表: the reviewer's own sheets; branch scope: sheets of its outlets' applications",
        (("qsm_scope", "ALL",
          _OWN + "reviewer_id IN (SELECT qsm_reviewer_ids(current_user)) OR application_id IN "
          "(SELECT id FROM showcase_applications WHERE " + _units("outlet_id") + ")",
          _OWN + "(reviewer_id IN (SELECT qsm_reviewer_ids(current_user)) "
          "AND application_id IN (SELECT id FROM showcase_applications))"),)),
    "showcase_sheet_items": ("评分项目: through its score sheet (sheet_id → showcase_score_sheets)",
                             (("qsm_scope", "ALL", _OWN + "sheet_id IN (SELECT id FROM showcase_score_sheets)",
                               _OWN + "sheet_id IN (SELECT id FROM showcase_score_sheets)"),)),
    "mystery_visits": (
        "暗访结果 (DESIGN §8.2): the branch the agency delivered for (branch_id) or the outlet visited; "
        "imported by head office",
        (("qsm_read", "SELECT", _OWN + _units("branch_id") + " OR " + _units("outlet_id"), None),
         ("qsm_write", "ALL", SEES_ALL, SEES_ALL))),
    "mystery_visit_items": ("暗访项目得分: through its visit (visit_id → mystery_visits)",
                            (("qsm_read", "SELECT", _OWN + "visit_id IN (SELECT id FROM mystery_visits)", None),
                             ("qsm_write", "ALL", SEES_ALL, SEES_ALL))),
    "mystery_appeals": ("申诉 (§8.3): the appealing branch (branch_id); head office decides",
                        (("qsm_scope", "ALL", _OWN + _units("branch_id"), _OWN + _units("branch_id")),)),
    "mystery_scores": (
        "暗访得分 of a finalised quarter: own subtree, and the bank's figure; written by head office only",
        (("qsm_read", "SELECT", _OWN + _units("org_unit_id") + " OR level = 'bank'", None),
         ("qsm_write", "ALL", SEES_ALL, SEES_ALL))),
    "findings": ("问题 (§8.4): the owner unit or its branch; raised by head office when a quarter is finalised",
                 (("qsm_read", "SELECT", _OWN + _units("org_unit_id") + " OR " + _units("branch_id"), None),
                  ("qsm_write", "ALL", SEES_ALL, SEES_ALL))),
    "capa_actions": (
        "整改措施 (§8.5): the owner unit or its branch, which feeds back (UPDATE); head office raises and verifies",
        (("qsm_scope", "ALL", _OWN + _units("org_unit_id") + " OR " + _units("branch_id"),
          _OWN + _units("org_unit_id") + " OR " + _units("branch_id")),)),
    "complaints": (
        "投诉登记 (§9.1): the registering branch (branch_id) writes; the unit complained about (target_id) reads",
        (("qsm_read", "SELECT", _OWN + _units("branch_id") + " OR " + _units("target_id"), None),
         ("qsm_write", "ALL", _OWN + _units("branch_id"), _OWN + _units("branch_id")))),
    "org_units": (
        "机构清单 (DESIGN §3.1, §6): the org tree is bank-wide reference (rankings name every unit), readable by "
        "all; head office writes any unit, a branch secretary inserts and updates only units under her own "
        "branch (parent in her subtree, path under her branch), never her branch's own row; nobody deletes",
        (("qsm_read", "SELECT", "true", None),
         ("qsm_insert", "INSERT", None, _OWN + "(" + "{branch_unit}" + ")"),
         ("qsm_update", "UPDATE", _OWN + "(" + _units("id") + " AND code NOT IN (SELECT qsm_scope_roots(current_user)))",
          _OWN + "(" + "{branch_unit}" + ")"))),
    "audit_log": (
        "审计日志: one's own entries and those of import batches in scope; append-only",
        (("qsm_read", "SELECT", _OWN + "login = current_user OR batch_id IN (SELECT id FROM import_batches)", None),
         ("qsm_insert", "INSERT", None, "true"))),
}
_BRANCH_UNIT = ("parent_id IN (SELECT qsm_scope_units(current_user)) "
                "AND code NOT IN (SELECT qsm_scope_roots(current_user)) "
                "AND EXISTS (SELECT 1 FROM qsm_scope_roots(current_user) AS root(code) "
                "WHERE path LIKE '%/' || root.code || '/%')")
SCOPED_TABLES["org_units"] = (SCOPED_TABLES["org_units"][0], tuple(
    (name, command, using, check.replace("{branch_unit}", _BRANCH_UNIT) if check else check)
    for name, command, using, check in SCOPED_TABLES["org_units"][1]))
"""The tables holding org-scoped rows, each with what scopes its rows and its policies
``(name, command, USING, WITH CHECK)`` — every one has row-level security ENABLEd and FORCEd."""

BANKWIDE_TABLES: dict[str, str] = {
    "accounts": "logins: readable without the password column; written by admins only (grants)",
    "showcase_reviewers": "the reviewer pool (names, units) that panels are drawn from; head office writes",
    "showcase_awards": "awarded titles are public honours (certificates are printed and hung)",
    "showcase_outside_titles": "titles won outside the bank: public",
}
"""Tables with org-unit columns whose rows are deliberately readable bank-wide, and why."""

REFERENCE_TABLES: dict[str, str] = {
    "alembic_version": "the schema's revision: no data",
    "capa_number_counters": "the last action number used per year (a counter, no unit); head office writes",
    "certificate_type_categories": "which post categories each certificate type serves (reference, §3.2)",
    "certificate_types": "证书类别 (reference data, DESIGN §3.2): the same for every branch",
    "checklist_items": "检查表项目 (reference, §8.1): the standard every outlet is checked against",
    "checklist_modules": "检查表模块 (reference, §8.1)",
    "checklists": "检查表版本 (reference, §8.1)",
    "complaint_codes": "投诉分类代码 (reference, §9.1)",
    "complaint_deadline_classes": "投诉办理时限类别 (reference, §9.1)",
    "grade_bands": "等级档次 of an indicator system (reference, §4)",
    "indicator_categories": "指标类别 of an indicator system (reference, §4)",
    "indicator_systems": "指标体系 versions (reference, §4): the rules every unit is scored by",
    "indicators": "指标 of an indicator system (reference, §4)",
    "monitoring_quarters": "which monitoring quarters are finalised, when and by whom (no unit, no score)",
    "monitoring_settings": "the bank's monitoring settings (score scale, thresholds; reference, §8)",
    "plan_targets": "计划目标: the bank's plan figures per year (no unit); head office writes",
    "post_categories": "岗位类别 (reference, §3.2)",
    "posts": "岗位 (reference, §3.2)",
    "showcase_cycles": "示范窗口评选周期: year, level, title, window, quota, score sheet — announced to every branch",
    "showcase_decisions": "committee decisions at the quota line of a cycle (outlet codes of awarded ties): published with the awards",
    "showcase_panel": "which reviewers of the pool (BANKWIDE_TABLES) sit on a cycle's panel; head office writes",
    "showcase_prints": "when an award's certificate was printed (the award itself is public)",
    "showcase_secret": "the certificate check-value key: no rows of any unit, and read by head office only (grants, HEAD_OFFICE_ONLY_READ)",
}
"""Tables without row-level security whose rows belong to no org unit, and why each is safe to read
bank-wide (reference data, bank-level settings, public honours). With :data:`SCOPED_TABLES` and
:data:`BANKWIDE_TABLES` this lists every table of the schema once
(``tests/security/test_scope_tables.py`` fails on a table in none of them)."""

BRANCH_WRITES = ("staff", "certificates", "training_courses", "training_attendance", "indicator_values",
                 "internal_service_ratings", "import_batches", "showcase_applications", "showcase_attachments",
                 "mystery_appeals", "complaints")
"""Tables a branch secretary's returns write (INSERT/UPDATE/DELETE, within her rows)."""

BRANCH_INSERT_UPDATE = ("org_units",)
"""Tables a branch secretary may INSERT and UPDATE but never DELETE (within her rows): her subtree's org list."""

BRANCH_UPDATES = ("capa_actions",)
"""Tables a branch secretary may only UPDATE (within her rows): her feedback on actions head office raised."""

REVIEWER_WRITES = ("showcase_score_sheets", "showcase_sheet_items")
"""Tables a reviewer writes (her own score sheets)."""

REVIEWER_UPDATES = {"showcase_applications": ("status", "version")}
"""Columns a reviewer may UPDATE (policy ``qsm_review_start``: her first sheet of an assigned
application moves it into review, as ``services.showcase.review.save_sheet_in`` does)."""

HEAD_OFFICE_ONLY_READ = ("showcase_secret",)
"""Tables only admins and head-office secretaries may read."""

ACCOUNT_PUBLIC_COLUMNS = ("id", "login", "name", "role", "org_code", "active", "version", "created_at", "changed_at")


# ---------------------------------------------------------------------------- names and facts

def _ddl(conn: Connection, statement: str) -> None:
    """Run one generated statement as it is, on the driver's own cursor in the same transaction (no
    parameter parsing: verifiers hold ``:``, function bodies and policies ``%``)."""
    with conn.connection.driver_connection.cursor() as cursor:
        cursor.execute(statement)


def _ident(name: str) -> str:
    """``name`` quoted as an SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    """``value`` quoted as an SQL string literal (standard_conforming_strings is on since 9.1)."""
    return "'" + value.replace("'", "''") + "'"


@dataclass(frozen=True)
class RoleNames:
    """The database roles of one QSM database: ``owner`` and ``groups`` (application role → group name)."""

    prefix: str
    owner: str
    groups: dict[str, str]

    @classmethod
    def for_database(cls, database: str) -> RoleNames:
        """Names for the database called ``database``: lower-case, non-identifier characters as
        ``_``, at most 40 characters (+ 8 hex digits of a hash when cut), so ``<prefix>_branch_secretary``
        fits PostgreSQL's 63-character limit."""
        import hashlib

        prefix = re.sub(r"[^a-z0-9_]", "_", database.lower()) or "qsm"
        if len(prefix) > 40:
            prefix = prefix[:31] + "_" + hashlib.sha256(database.encode()).hexdigest()[:8]
        return cls(prefix, f"{prefix}_owner", {role: f"{prefix}_{role}" for role in APP_ROLES})

    @property
    def all(self) -> tuple[str, ...]:
        """The owner and the groups."""
        return (self.owner, *self.groups.values())


def role_names(conn: Connection) -> RoleNames:
    """The :class:`RoleNames` of the database ``conn`` is connected to."""
    return RoleNames.for_database(conn.execute(text("SELECT current_database()")).scalar_one())


@dataclass(frozen=True)
class LoginFacts:
    """What the database says about the connected login (``session_user``).

    ``superuser``/``bypassrls``: the role's attributes; ``owns_tables``: it is (a member of) the
    owner of a table in the schema; ``owner_member``: member of this database's owner role;
    ``createrole``: may create roles; ``installed``: the installed set-up (:func:`installed_state`)
    or ``None``.
    """

    login: str
    superuser: bool
    bypassrls: bool
    owns_tables: bool
    owner_member: bool
    createrole: bool
    installed: dict | None

    @property
    def privileged(self) -> bool:
        """True when the login could get round row-level security (refused for daily work)."""
        return self.superuser or self.bypassrls or self.owns_tables or self.owner_member


def installed_state(conn: Connection) -> dict | None:
    """The set-up installed in the database (``{"version", "owner", "prefix"}``), ``None`` if none."""
    exists = conn.execute(text(
        "SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE p.proname = 'qsm_security_state' AND n.nspname = current_schema()")).first()
    if exists is None:
        return None
    return json.loads(conn.execute(text("SELECT qsm_security_state()")).scalar_one())


def login_facts(conn: Connection) -> LoginFacts:
    """The :class:`LoginFacts` of the connected login."""
    names = role_names(conn)
    row = conn.execute(text(
        "SELECT session_user AS login, r.rolsuper, r.rolbypassrls, r.rolcreaterole, "
        "EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') "
        "        AND pg_has_role(session_user, c.relowner, 'MEMBER')) AS owns, "
        "EXISTS (SELECT 1 FROM pg_roles o WHERE o.rolname = :owner "
        "        AND pg_has_role(session_user, o.oid, 'MEMBER')) AS owner_member "
        "FROM pg_roles r WHERE r.rolname = session_user"), {"owner": names.owner}).one()
    return LoginFacts(row.login, row.rolsuper, row.rolbypassrls, row.owns, row.owner_member, row.rolcreaterole,
                      installed_state(conn))


# ---------------------------------------------------------------------------- set-up

def _functions(schema: str, owner: str) -> list[str]:
    """The SECURITY DEFINER functions the policies call (``who``: the querying role's name)."""
    head = f"LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {_ident(schema)}, pg_temp AS $$"
    scoped = ("JOIN accounts a ON a.login = who::text AND a.active AND a.org_code IS NOT NULL "
              "AND a.role IN ('branch_secretary', 'viewer') WHERE o.path LIKE '%/' || a.org_code || '/%'")
    return [
        f"""CREATE OR REPLACE FUNCTION qsm_sees_all(who name) RETURNS boolean {head}
            SELECT who = {_literal(owner)} OR EXISTS (
              SELECT 1 FROM accounts a WHERE a.login = who::text AND a.active
              AND (a.role IN ('admin', 'ho_secretary') OR (a.role = 'viewer' AND a.org_code IS NULL))) $$""",
        f"""CREATE OR REPLACE FUNCTION qsm_scope_units(who name) RETURNS SETOF integer {head}
            SELECT o.id FROM org_units o {scoped} $$""",
        f"""CREATE OR REPLACE FUNCTION qsm_scope_codes(who name) RETURNS SETOF varchar {head}
            SELECT o.code FROM org_units o {scoped} $$""",
        # the root of a branch secretary's subtree: her branch's own row is head office's to change
        f"""CREATE OR REPLACE FUNCTION qsm_scope_roots(who name) RETURNS SETOF varchar {head}
            SELECT a.org_code FROM accounts a WHERE a.login = who::text AND a.active
             AND a.role = 'branch_secretary' AND a.org_code IS NOT NULL $$""",
        # the quarters that are published (unit_scores' policy: published results are bank-wide) — a
        # function, so that the policies of evaluation_periods and unit_scores may name each other's
        # rows without the rewriter recursing; it reads as the owner, who sees every row
        f"""CREATE OR REPLACE FUNCTION qsm_published_periods() RETURNS SETOF integer {head}
            SELECT p.id FROM evaluation_periods p WHERE p.status = 'published' $$""",
        # the draft quarters that hold a result of a unit in the login's scope (her own units of a draft)
        f"""CREATE OR REPLACE FUNCTION qsm_scope_periods(who name) RETURNS SETOF integer {head}
            SELECT DISTINCT s.period_id FROM unit_scores s
             WHERE s.org_unit_id IN (SELECT qsm_scope_units(who)) $$""",
        f"""CREATE OR REPLACE FUNCTION qsm_reviewer_ids(who name) RETURNS SETOF integer {head}
            SELECT r.id FROM showcase_reviewers r JOIN org_units o ON o.id = r.org_unit_id
            JOIN accounts a ON a.login = who::text AND a.active AND a.role = 'reviewer'
             AND COALESCE(NULLIF(btrim(a.name), ''), a.login) = r.name AND a.org_code = o.code $$""",
        f"""CREATE OR REPLACE FUNCTION qsm_reviewer_cycles(who name) RETURNS SETOF integer {head}
            SELECT p.cycle_id FROM showcase_panel p WHERE p.reviewer_id IN (SELECT qsm_reviewer_ids(who)) $$""",
        # the reviewer's own unit and every unit of the branch it lies in (conflict of interest, DESIGN §5)
        f"""CREATE OR REPLACE FUNCTION qsm_reviewer_excluded_units(who name) RETURNS SETOF integer {head}
            SELECT ro.id FROM accounts a JOIN org_units ro ON ro.code = a.org_code
             WHERE a.login = who::text AND a.role = 'reviewer'
            UNION
            SELECT u.id FROM accounts a JOIN org_units ro ON ro.code = a.org_code
              JOIN org_units b ON b.type = '分行' AND ro.path LIKE '%/' || b.code || '/%'
              JOIN org_units u ON u.path LIKE '%/' || b.code || '/%'
             WHERE a.login = who::text AND a.role = 'reviewer' $$""",
        f"""CREATE OR REPLACE FUNCTION qsm_audit_login() RETURNS trigger LANGUAGE plpgsql
            SECURITY DEFINER SET search_path = {_ident(schema)}, pg_temp AS $$
            BEGIN
              NEW.login := session_user;
              NEW.role := COALESCE((SELECT a.role FROM accounts a WHERE a.login = session_user::text), NEW.role);
              RETURN NEW;
            END $$""",
    ]


def _state_function(names: RoleNames) -> str:
    state = json.dumps({"version": VERSION, "owner": names.owner, "prefix": names.prefix})
    return (f"CREATE OR REPLACE FUNCTION qsm_security_state() RETURNS text LANGUAGE sql IMMUTABLE "
            f"AS $$ SELECT {_literal(state)}::text $$")


def _tables(conn: Connection) -> set[str]:
    return set(conn.execute(text(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')")).scalars())


def _existing_roles(conn: Connection, names: Iterable[str]) -> set[str]:
    return set(conn.execute(text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)"),
                            {"names": list(names)}).scalars())


def _ensure_roles(conn: Connection, names: RoleNames, facts: LoginFacts) -> None:
    missing = [r for r in names.all if r not in _existing_roles(conn, names.all)]
    if missing and not (facts.superuser or facts.createrole):
        raise SchemaError(msg("security.roles_missing", roles=", ".join(missing)))
    for role in missing:
        _ddl(conn, f"CREATE ROLE {_ident(role)} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE")


def _take_ownership(conn: Connection, names: RoleNames, schema: str) -> None:
    """Make the owner role own the schema's tables (their sequences follow) and grant it the schema."""
    owner = _ident(names.owner)
    _ddl(conn, f"GRANT USAGE, CREATE ON SCHEMA {_ident(schema)} TO {owner}")
    _ddl(conn, f"REVOKE CREATE ON SCHEMA {_ident(schema)} FROM PUBLIC")
    rows = conn.execute(text(
        "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'S') "
        "AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = :owner) "
        "AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))"
        " ORDER BY c.relkind DESC"), {"owner": names.owner}).all()
    for name, kind in rows:
        what = {"S": "SEQUENCE", "v": "VIEW"}.get(kind, "TABLE")
        _ddl(conn, f"ALTER {what} {_ident(name)} OWNER TO {owner}")
    for (signature,) in conn.execute(text(
            "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = current_schema() AND p.proname LIKE 'qsm\\_%' "
            "AND p.proowner <> (SELECT oid FROM pg_roles WHERE rolname = :owner)"), {"owner": names.owner}).all():
        _ddl(conn, f"ALTER FUNCTION {signature} OWNER TO {owner}")


def _lift_policies(conn: Connection) -> None:
    """Before migrations: drop QSM's policies and stop forcing RLS on the owner (same transaction —
    nobody else sees the gap), so migrations may change the columns the policies name."""
    for table, policy in conn.execute(text(
            "SELECT tablename, policyname FROM pg_policies WHERE schemaname = current_schema() "
            "AND policyname LIKE 'qsm\\_%'")).all():
        _ddl(conn, f"DROP POLICY {_ident(policy)} ON {_ident(table)}")
    for (table,) in conn.execute(text(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relforcerowsecurity")).all():
        _ddl(conn, f"ALTER TABLE {_ident(table)} NO FORCE ROW LEVEL SECURITY")


def _apply(conn: Connection, names: RoleNames, schema: str) -> None:
    """Grants, functions, row-level security, policies and the audit trigger (as the owner)."""
    tables = _tables(conn)
    groups = names.groups
    everyone = ", ".join(_ident(g) for g in groups.values())
    writers = ", ".join(_ident(groups[r]) for r in ("admin", "ho_secretary"))
    for statement in _functions(schema, names.owner):
        _ddl(conn, statement)
    _ddl(conn, _state_function(names))
    _ddl(conn, f"GRANT USAGE ON SCHEMA {_ident(schema)} TO {everyone}")
    _ddl(conn, f"REVOKE ALL ON ALL TABLES IN SCHEMA {_ident(schema)} FROM PUBLIC, {everyone}")
    _ddl(conn, f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {_ident(schema)} FROM PUBLIC, {everyone}")
    _ddl(conn, f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {_ident(schema)} FROM PUBLIC")
    _ddl(conn, f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA {_ident(schema)} TO {everyone}")
    for table in sorted(tables):
        t = _ident(table)
        if table == "accounts":
            columns = ", ".join(ACCOUNT_PUBLIC_COLUMNS)
            _ddl(conn, f"GRANT SELECT ({columns}) ON {t} TO {everyone}")
            _ddl(conn, f"GRANT SELECT, INSERT, UPDATE, DELETE ON {t} TO {_ident(groups['admin'])}")
            continue
        if table == "audit_log":
            # everyone appends (a viewer's own password change is audited too); the trigger stamps each
            # entry with its writer's login, so an entry can only ever speak for the one who wrote it
            _ddl(conn, f"GRANT SELECT, INSERT ON {t} TO {everyone}")
            continue
        readers = writers if table in HEAD_OFFICE_ONLY_READ else everyone
        _ddl(conn, f"GRANT SELECT ON {t} TO {readers}")
        _ddl(conn, f"GRANT INSERT, UPDATE, DELETE ON {t} TO {writers}")
        if table in BRANCH_WRITES:
            _ddl(conn, f"GRANT INSERT, UPDATE, DELETE ON {t} TO {_ident(groups['branch_secretary'])}")
        if table in BRANCH_INSERT_UPDATE:
            _ddl(conn, f"GRANT INSERT, UPDATE ON {t} TO {_ident(groups['branch_secretary'])}")
        if table in BRANCH_UPDATES:
            _ddl(conn, f"GRANT UPDATE ON {t} TO {_ident(groups['branch_secretary'])}")
        if table in REVIEWER_WRITES:
            _ddl(conn, f"GRANT INSERT, UPDATE, DELETE ON {t} TO {_ident(groups['reviewer'])}")
        if table in REVIEWER_UPDATES:
            columns = ", ".join(_ident(c) for c in REVIEWER_UPDATES[table])
            _ddl(conn, f"GRANT UPDATE ({columns}) ON {t} TO {_ident(groups['reviewer'])}")
    sequence_users = ", ".join(_ident(groups[r]) for r in ("admin", "ho_secretary", "branch_secretary", "reviewer"))
    _ddl(conn, f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {_ident(schema)} TO {sequence_users}")
    for table, (_what, policies) in SCOPED_TABLES.items():
        if table not in tables:
            continue
        t = _ident(table)
        _ddl(conn, f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY")
        _ddl(conn, f"ALTER TABLE {t} FORCE ROW LEVEL SECURITY")
        for name, command, using, check in policies:
            sql = f"CREATE POLICY {_ident(name)} ON {t} AS PERMISSIVE FOR {command} TO PUBLIC"
            if using is not None:
                sql += f" USING ({using})"
            if check is not None:
                sql += f" WITH CHECK ({check})"
            _ddl(conn, sql)
    if "audit_log" in tables:
        _ddl(conn, "DROP TRIGGER IF EXISTS qsm_audit_login ON audit_log")
        _ddl(conn, ("CREATE TRIGGER qsm_audit_login BEFORE INSERT ON audit_log "
                    "FOR EACH ROW EXECUTE FUNCTION qsm_audit_login()"))


def upgrade(engine: Engine, is_current: Callable[[Connection], bool], migrate: Callable[[Connection], None]) -> None:
    """Migrate a PostgreSQL database and set up its access control, in one transaction (idempotent).

    ``is_current(conn)`` tells whether the schema is at this program's heads; ``migrate(conn)`` runs
    the migrations on ``conn`` (both from :mod:`qsm_desktop.store.db`, which calls this). Run by the
    superuser (everything), or by a member of the owner role once the roles exist. Any other login
    may run it only when nothing needs doing (the schema and the set-up are current): then only
    reference data is seeded. Raises :class:`SchemaError` with a sentence naming who must run it
    otherwise.
    """
    from sqlalchemy.orm import Session

    from qsm_desktop.store import seed

    with engine.begin() as conn:
        facts = login_facts(conn)
        names = role_names(conn)
        schema = conn.execute(text("SELECT current_schema()")).scalar_one()
        schema_current = is_current(conn)
        current = schema_current and (facts.installed or {}).get("version") == VERSION
        if not (facts.superuser or facts.owner_member):
            if not current:
                raise SchemaError(msg("security.upgrade_needs_superuser", owner=names.owner))
            with Session(bind=conn) as session:
                seed.seed_reference_data(session)
                session.flush()
            return
        if facts.superuser:
            _ensure_roles(conn, names, facts)
            _take_ownership(conn, names, schema)
        elif not _existing_roles(conn, names.all) >= set(names.all):
            raise SchemaError(msg("security.roles_missing", roles=", ".join(names.all)))
        _ddl(conn, f"SET LOCAL ROLE {_ident(names.owner)}")
        _lift_policies(conn)
        if not schema_current:
            migrate(conn)
        _apply(conn, names, schema)
        with Session(bind=conn) as session:
            seed.seed_reference_data(session)
            session.flush()
        _ddl(conn, "RESET ROLE")
    log.info("PostgreSQL access control set up (version %s, owner %s)", VERSION, names.owner)


# ---------------------------------------------------------------------------- logins

def login_exists(conn: Connection, login: str) -> bool:
    """Whether a database role named ``login`` exists (on the whole server)."""
    return conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": login}).first() is not None


def _verifier(conn: Connection, login: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``password`` computed by libpq on this side, so the password
    itself never travels to the server (nor into its statement log)."""
    pgconn = conn.connection.driver_connection.pgconn  # psycopg 3
    return pgconn.encrypt_password(password.encode("utf-8"), login.encode("utf-8"), b"scram-sha-256").decode("ascii")


def create_login(conn: Connection, login: str, password: str, role: str) -> None:
    """Create the LOGIN role ``login`` (scram-sha-256 ``password``) in the group of ``role``.

    A role of that name already on the server (a person with a login to another database) gets the
    group and the new password — unless it is a superuser, may bypass RLS or is one of QSM's own
    roles (``PermissionDenied``). Admins get CREATEROLE (to manage logins) and, on PostgreSQL 16 and
    later, the groups WITH ADMIN OPTION but neither INHERIT nor SET, so they administer them
    without acting as them.
    """
    names = role_names(conn)
    ident = _ident(login)
    existing = conn.execute(text("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = :n"), {"n": login}).first()
    if login in names.all or (existing is not None and (existing.rolsuper or existing.rolbypassrls)):
        raise PermissionDenied(msg("security.login_taken", login=login))
    verifier = _literal(_verifier(conn, login, password))
    extra = " CREATEROLE" if role == "admin" else " NOCREATEROLE"
    if existing is None:
        _ddl(conn, f"CREATE ROLE {ident} LOGIN PASSWORD {verifier} NOSUPERUSER NOBYPASSRLS INHERIT{extra}")
    else:
        _ddl(conn, f"ALTER ROLE {ident} LOGIN PASSWORD {verifier}{extra}")
    _ddl(conn, f"GRANT {_ident(names.groups[role])} TO {ident}")
    if role == "admin" and conn.dialect.server_version_info >= (16,):
        for group in names.groups.values():
            _ddl(conn, f"GRANT {_ident(group)} TO {ident} WITH ADMIN TRUE, INHERIT FALSE, SET FALSE")


def set_login_enabled(conn: Connection, login: str, enabled: bool) -> None:
    """``ALTER ROLE … LOGIN`` / ``NOLOGIN`` (a disabled person cannot connect at all)."""
    _ddl(conn, f"ALTER ROLE {_ident(login)} {'LOGIN' if enabled else 'NOLOGIN'}")


def set_password(conn: Connection, login: str, password: str) -> None:
    """``ALTER ROLE … PASSWORD`` with the SCRAM-SHA-256 verifier of ``password``."""
    _ddl(conn, f"ALTER ROLE {_ident(login)} PASSWORD {_literal(_verifier(conn, login, password))}")
