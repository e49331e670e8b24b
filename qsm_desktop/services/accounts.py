"""Logins and who acts (登录账户与签到) — DESIGN §6, §7, issue 12.

:class:`AccountService` (``services.accounts``) adds, lists, disables accounts and changes their
passwords; every change is audited (entity ``account``, actions ``create``/``disable``/``passwd``;
never a password). :func:`sign_in` is the ONE place that decides who acts — the command line
(``--user``/``QSM_PASSWORD``, or the PostgreSQL URL's user) and the window's login dialog call it
and get the :class:`~qsm_desktop.services.context.Actor` (login, role, org scope) from the account,
never from ``$LOGNAME`` once accounts exist.

Two databases, two enforcers:

- **SQLite** — the application enforces. Accounts live in the file with scrypt password hashes
  (:mod:`qsm_desktop.domain.passwords`). A file without accounts runs as the local administrator
  (the operating-system user, role admin) until the first account — which must be an
  administrator, so nobody locks themselves out — is created; afterwards no login, no access.
  Anyone who can copy the file can read all of it: the shared office uses PostgreSQL.
- **PostgreSQL** — the database enforces (:mod:`qsm_desktop.store.security`). Each account is also
  a LOGIN role (scram-sha-256) in its role's group; the connection's user is the login. A login
  that is a superuser, has BYPASSRLS or owns the tables is refused for daily work; account
  management (``manage=True``) accepts it, so the superuser can create the first logins.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm.attributes import flag_modified

from qsm_desktop.domain import passwords
from qsm_desktop.domain.errors import ConflictError, InputRefused, NotFound, PermissionDenied
from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.services.audit import audit
from qsm_desktop.services.context import ROLE_NAMES_ZH, Actor, Role, default_actor
from qsm_desktop.store.models import Account, OrgUnit

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services

__all__ = ["AccountInfo", "AccountService", "MIN_PASSWORD", "local_admin", "normalise_login", "parse_role",
           "sign_in"]

register({
    "account.bad_role": ("没有角色“{value}”。可选：{choices}。", "There is no role '{value}'. Choose from {choices}."),
    "account.bad_login": ("登录名“{value}”无效：请用 2–63 个小写英文字母、数字或下划线，以字母开头（如 wang_li）。",
                          "The login '{value}' is not valid: use 2–63 lower-case letters, digits or underscores, "
                          "starting with a letter (e.g. wang_li)."),
    "account.exists": ("登录名 {login} 已存在。", "The login {login} already exists."),
    "account.unknown": ("没有登录名 {login}。", "There is no login {login}."),
    "account.org_required": ("分行秘书必须指定所属机构（--org 机构代码）。",
                             "A branch secretary needs an org unit (--org CODE)."),
    "account.org_not_allowed": ("{role}管理全行，不能指定机构。", "The {role} role works for the whole bank; give no org unit."),
    "account.org_format": ("机构代码“{value}”应为 6 位数字。", "The org code '{value}' must have 6 digits."),
    "account.org_unknown": ("机构代码 {code} 不存在。请检查代码，或先导入机构清单。",
                            "The org code {code} does not exist. Check it, or import the org list first."),
    "account.first_admin": ("数据库还没有任何账户：第一个账户必须是管理员（--role admin），否则之后无人能管理账户。",
                            "The database has no accounts yet: the first one must be an administrator "
                            "(--role admin), or nobody could manage accounts afterwards."),
    "account.short_password": ("密码至少需要 {n} 个字符。", "The password needs at least {n} characters."),
    "account.entity": ("账户 {login}", "account {login}"),
    "account.self_disable": ("不能停用自己正在使用的账户 {login}：请让另一位管理员停用。",
                             "You cannot disable the account {login} you are signed in with; ask another "
                             "administrator to do it."),
    "account.action.manage": ("管理登录账户", "manage logins"),
    "account.action.list": ("查看登录账户", "list logins"),
    "account.action.passwd": ("修改他人的密码", "change someone else's password"),
    "login.required": ("此数据库已启用登录：请用 --user 登录名 指定您的账户（密码从 QSM_PASSWORD 读取或在提示时输入）。",
                       "This database has logins: give your account with --user LOGIN (the password comes from "
                       "QSM_PASSWORD or a prompt)."),
    "login.password_required": ("请输入 {login} 的密码（或设置 QSM_PASSWORD）。",
                                "Give the password of {login} (or set QSM_PASSWORD)."),
    "login.wrong": ("登录名或密码不正确。", "Wrong login or password."),
    "login.disabled": ("账户 {login} 已停用。如需恢复请联系管理员。",
                       "The account {login} is disabled. Ask an administrator if it should be enabled again."),
    "login.no_account": ("数据库登录名 {login} 没有 QSM 账户（或账户已停用）。请管理员用 “qsm user add {login} --role …” 建立。",
                         "The database login {login} has no QSM account (or it is disabled). Ask an administrator "
                         "to create it with 'qsm user add {login} --role …'."),
    "login.privileged": ("数据库登录名 {login} {reason}，不能用于日常工作（数据库将无法限制它能看到和修改的数据）。"
                         "请管理员用 “qsm user add” 为您建立普通登录名，并用它连接。",
                         "The database login {login} {reason}; it cannot be used for daily work (the database "
                         "could not limit what it sees and changes). Ask an administrator to create an ordinary "
                         "login for you with 'qsm user add' and connect with it."),
    "login.reason.superuser": ("是超级用户", "is a superuser"),
    "login.reason.bypassrls": ("可以绕过行级安全（BYPASSRLS）", "may bypass row-level security (BYPASSRLS)"),
    "login.reason.owner": ("拥有数据表（或属于属主角色）", "owns the tables (or belongs to the owner role)"),
    "login.not_set_up": ("此 PostgreSQL 数据库尚未设置登录与权限。请数据库超级用户运行 “qsm db upgrade”。",
                         "This PostgreSQL database has no logins and permissions set up yet. Ask the database "
                         "superuser to run 'qsm db upgrade'."),
    "login.pg_user": ("在 PostgreSQL 上，登录名就是数据库地址中的用户（{url_user}），不能另用 --user {login}。",
                      "On PostgreSQL the login is the user in the database address ({url_user}); --user {login} "
                      "cannot change it."),
})

MIN_PASSWORD = 8
"""The shortest password accepted (characters)."""

_LOGIN = re.compile(r"[a-z][a-z0-9_]{1,62}")
_RESERVED = frozenset({"public", "postgres", "none", "current_user", "session_user", "current_role"})

_ROLE_ALIASES: dict[str, Role] = {r.value: r for r in Role} | {zh: r for r, zh in ROLE_NAMES_ZH.items()} | {
    "administrator": Role.ADMIN, "ho-secretary": Role.HO_SECRETARY, "branch-secretary": Role.BRANCH_SECRETARY,
}


def parse_role(value: str) -> Role:
    """A :class:`Role` from its name (``admin``, ``ho_secretary``, ``branch_secretary``, ``reviewer``,
    ``viewer``) or its Chinese name (管理员/总行秘书/分行秘书/评审专家/查看). Raises :class:`InputRefused`."""
    role = _ROLE_ALIASES.get((value or "").strip().lower()) or _ROLE_ALIASES.get((value or "").strip())
    if role is None:
        choices = ", ".join(f"{r.value} ({ROLE_NAMES_ZH[r]})" for r in Role)
        raise InputRefused(msg("account.bad_role", value=value, choices=choices))
    return role


def normalise_login(value: str) -> str:
    """``value`` folded to lower case and checked: 2–63 of ``a-z0-9_``, starting with a letter, not a
    PostgreSQL reserved name and not starting ``pg_``. Raises :class:`InputRefused`."""
    login = (value or "").strip().lower()
    if not _LOGIN.fullmatch(login) or login in _RESERVED or login.startswith("pg_"):
        raise InputRefused(msg("account.bad_login", value=value))
    return login


def local_admin() -> Actor:
    """The operating-system user as administrator: who acts on a SQLite file without accounts."""
    return Actor(login=default_actor().login, role=Role.ADMIN)


@dataclass(frozen=True)
class AccountInfo:
    """An account as listed: ``login``, ``name``, ``role``, ``org`` (6-digit code or ``None``), ``active``,
    ``version`` (for optimistic locking)."""

    login: str
    name: str
    role: Role
    org: str | None
    active: bool
    version: int

    def to_json(self) -> dict:
        """``{"login", "name", "role", "org", "active"}`` — the ``qsm user list --json`` shape (DESIGN §7)."""
        return {"login": self.login, "name": self.name, "role": self.role.value, "org": self.org,
                "active": self.active}


_COLUMNS = (Account.login, Account.name, Account.role, Account.org_code, Account.active, Account.version)
"""Every column but the password hash (on PostgreSQL only admins may read that column)."""


def _info(row) -> AccountInfo:
    return AccountInfo(row.login, row.name, Role(row.role), row.org_code, bool(row.active), row.version)


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


_DUMMY_HASH: list[str] = []


def _check_password(password: str) -> None:
    if password is None or len(password) < MIN_PASSWORD:
        raise InputRefused(msg("account.short_password", n=MIN_PASSWORD))


def _check_account_version(login: str, stored: int, version: int | None) -> None:
    """Refuse a change made on a stale copy of ``login``'s account (DESIGN §6; ``None``: no check)."""
    if version is not None and stored != version:
        raise ConflictError(msg("conflict.stale", entity=msg("account.entity", login=login)))


def _account_for_update(session, login: str, version: int | None) -> Account:
    """The account row ``login`` to change (an admin's: on PostgreSQL only admins read every column),
    its version checked against ``version``. Raises :class:`NotFound`, :class:`ConflictError`."""
    account = session.scalar(select(Account).where(Account.login == login))
    if account is None:
        raise NotFound(msg("account.unknown", login=login))
    _check_account_version(login, account.version, version)
    return account


def _require_admin(actor: Actor, action_key: str) -> None:
    if actor.role is not Role.ADMIN:
        raise PermissionDenied(msg("perm.denied", login=actor.login, role=ROLE_NAMES_ZH[actor.role],
                                   action=msg(action_key)))


class AccountService:
    """Accounts (登录账户) of the open database: add, list, disable, change password, authenticate."""

    def __init__(self, services: Services):
        self._services = services

    @property
    def on_postgres(self) -> bool:
        """Whether the database is PostgreSQL (logins are database roles) rather than SQLite."""
        return self._services.engine.dialect.name == "postgresql"

    def has_accounts(self) -> bool:
        """Whether any account exists (a SQLite file without one runs as the local administrator)."""
        with self._services.read() as session:
            return session.scalar(select(func.count()).select_from(Account)) > 0

    def list(self, actor: Actor) -> list[AccountInfo]:
        """Every account, by login. Admins and head-office secretaries only (:class:`PermissionDenied`)."""
        if actor.role not in (Role.ADMIN, Role.HO_SECRETARY):
            _require_admin(actor, "account.action.list")
        with self._services.read() as session:
            return [_info(r) for r in session.execute(select(*_COLUMNS).order_by(Account.login)).all()]

    def get(self, actor: Actor, login: str) -> AccountInfo:
        """The account ``login``; raises :class:`NotFound`."""
        with self._services.read() as session:
            row = session.execute(select(*_COLUMNS).where(Account.login == login)).first()
        if row is None:
            raise NotFound(msg("account.unknown", login=login))
        return _info(row)

    def add(self, actor: Actor, login: str, role: Role | str, *, password: str, org: str | None = None,
            name: str = "") -> AccountInfo:
        """Create the account ``login`` with ``role`` (a :class:`Role` or a name :func:`parse_role` accepts).

        ``org``: 6-digit org code — required for a branch secretary, optional for a viewer or a
        reviewer, refused for admin/head-office; an unknown code is refused once the org list is
        imported. ``password``: at least :data:`MIN_PASSWORD` characters. On PostgreSQL the LOGIN
        role is created in the same transaction. Admins only; the first account of a SQLite file
        must be an admin. Raises :class:`InputRefused`, :class:`PermissionDenied`.
        """
        _require_admin(actor, "account.action.manage")
        login = normalise_login(login)
        role = role if isinstance(role, Role) else parse_role(role)
        _check_password(password)
        org = (org or "").strip() or None
        if role is Role.BRANCH_SECRETARY and org is None:
            raise InputRefused(msg("account.org_required"))
        if role in (Role.ADMIN, Role.HO_SECRETARY) and org is not None:
            raise InputRefused(msg("account.org_not_allowed", role=ROLE_NAMES_ZH[role]))
        if org is not None and not re.fullmatch(r"\d{6}", org):
            raise InputRefused(msg("account.org_format", value=org))
        now = _now()
        with self._services.unit_of_work() as session:
            if session.scalar(select(func.count()).select_from(Account).where(Account.login == login)):
                raise InputRefused(msg("account.exists", login=login))
            if not self.on_postgres and role is not Role.ADMIN and not session.scalar(
                    select(func.count()).select_from(Account)):
                raise InputRefused(msg("account.first_admin"))
            if org is not None and session.scalar(select(func.count()).select_from(OrgUnit)) and not session.scalar(
                    select(func.count()).select_from(OrgUnit).where(OrgUnit.code == org)):
                raise InputRefused(msg("account.org_unknown", code=org))
            account = Account(login=login, name=(name or "").strip(), role=role.value, org_code=org, active=True,
                              password_hash=None if self.on_postgres else passwords.hash_password(password),
                              created_at=now, changed_at=now)
            session.add(account)
            session.flush()
            if self.on_postgres:
                from qsm_desktop.store import security

                security.create_login(session.connection(), login, password, role.value)
            audit(session, actor, "account", login, "create", None,
                  {"name": account.name, "role": role.value, "org": org, "active": True})
            return AccountInfo(login, account.name, role, org, True, account.version)

    def disable(self, actor: Actor, login: str, *, version: int | None = None) -> AccountInfo:
        """Disable ``login`` (it can no longer sign in; on PostgreSQL the role becomes NOLOGIN).

        ``version``: the account's version the caller saw (the administration page passes it; ``None``
        skips the check) — a stale one is refused with DESIGN §6's sentence (:class:`ConflictError`).
        Admins only, and never one's own account. Raises :class:`NotFound`, :class:`PermissionDenied`,
        :class:`InputRefused`, :class:`ConflictError`."""
        _require_admin(actor, "account.action.manage")
        if actor.login == login:
            raise InputRefused(msg("account.self_disable", login=login))
        return self._set_active(actor, login, False, version)

    def enable(self, actor: Actor, login: str, *, version: int | None = None) -> AccountInfo:
        """Enable the disabled ``login`` again (on PostgreSQL the role gets LOGIN back); audited as
        ``enable``. ``version`` as in :meth:`disable`. Admins only. Raises :class:`NotFound`,
        :class:`PermissionDenied`, :class:`ConflictError`."""
        _require_admin(actor, "account.action.manage")
        return self._set_active(actor, login, True, version)

    def _set_active(self, actor: Actor, login: str, active: bool, version: int | None) -> AccountInfo:
        with self._services.unit_of_work() as session:
            account = _account_for_update(session, login, version)
            if account.active != active:
                account.active = active
                account.changed_at = _now()
                session.flush()
                audit(session, actor, "account", login, "enable" if active else "disable", {"active": not active},
                      {"active": active})
            if self.on_postgres:
                from qsm_desktop.store import security

                security.set_login_enabled(session.connection(), login, active)
            return AccountInfo(account.login, account.name, Role(account.role), account.org_code, account.active,
                               account.version)

    def passwd(self, actor: Actor, login: str, password: str, *, version: int | None = None) -> int | None:
        """Set the password of ``login``: an admin for anyone, everyone for themselves.

        SQLite: a new scrypt hash; PostgreSQL: ``ALTER ROLE … PASSWORD`` (SCRAM verifier). When an
        admin resets it the account row is touched too, so its version moves on and another
        admin's dialog open on the same account is refused on save. ``version``: the account's
        version the caller saw (``None``: not checked). Returns the account's new version (``None``
        when a person on PostgreSQL changed their own password: only the role changed). Raises
        :class:`NotFound`, :class:`PermissionDenied`, :class:`InputRefused` (too short),
        :class:`ConflictError` (stale ``version``).
        """
        if actor.login != login:
            _require_admin(actor, "account.action.passwd")
        _check_password(password)
        with self._services.unit_of_work() as session:
            if self.on_postgres and actor.role is not Role.ADMIN:
                # one's own password: the role only (accounts is written by admins alone)
                found = session.execute(select(Account.version).where(Account.login == login)).first()
                if found is None:
                    raise NotFound(msg("account.unknown", login=login))
                _check_account_version(login, found.version, version)
                new_version = None
            else:
                account = _account_for_update(session, login, version)
                if not self.on_postgres:
                    account.password_hash = passwords.hash_password(password)
                account.changed_at = _now()
                flag_modified(account, "changed_at")  # written (and the version moved on) even within the same second
                session.flush()
                new_version = account.version
            if self.on_postgres:
                from qsm_desktop.store import security

                security.set_password(session.connection(), login, password)
            audit(session, actor, "account", login, "passwd", None, None)
            return new_version

    def authenticate(self, login: str, password: str) -> Actor:
        """The actor of a SQLite account whose ``password`` matches; :class:`PermissionDenied` with one
        sentence for an unknown login or a wrong password alike (and as slowly), and for a disabled one."""
        key = (login or "").strip().lower()
        with self._services.read() as session:
            account = session.scalar(select(Account).where(Account.login == key))
        if account is None:
            if not _DUMMY_HASH:
                _DUMMY_HASH.append(passwords.hash_password("not a password"))
            passwords.verify_password(password or "", _DUMMY_HASH[0])
            raise PermissionDenied(msg("login.wrong"))
        if not passwords.verify_password(password or "", account.password_hash):
            raise PermissionDenied(msg("login.wrong"))
        if not account.active:
            raise PermissionDenied(msg("login.disabled", login=account.login))
        return Actor(account.login, Role(account.role), account.org_code)

    def postgres_actor(self, *, manage: bool = False) -> Actor:
        """The actor of the PostgreSQL connection's login (``session_user``).

        Refuses (:class:`PermissionDenied`, one sentence) a database without the set-up, a login
        without an active account, and — unless ``manage`` (``qsm user …``, ``qsm db …``) — a
        superuser, BYPASSRLS or table-owning login; with ``manage`` such a login acts as admin.
        """
        from qsm_desktop.store import security

        with self._services.engine.connect() as conn:
            facts = security.login_facts(conn)
            if facts.installed is None:
                raise PermissionDenied(msg("login.not_set_up"))
            if facts.privileged:
                if manage:
                    return Actor(facts.login, Role.ADMIN)
                reason = ("login.reason.superuser" if facts.superuser else
                          "login.reason.bypassrls" if facts.bypassrls else "login.reason.owner")
                raise PermissionDenied(msg("login.privileged", login=facts.login, reason=msg(reason)))
            row = conn.execute(select(*_COLUMNS).where(Account.login == facts.login)).first()
        if row is None or not row.active:
            raise PermissionDenied(msg("login.no_account", login=facts.login))
        return Actor(row.login, Role(row.role), row.org_code)


def sign_in(services: Services, login: str | None = None, password: str | None = None, *,
            manage: bool = False) -> Actor:
    """Who acts on ``services``' database — the one sign-in of the command line and the window.

    PostgreSQL: the connection's login (``login`` may be omitted; a different one is refused),
    checked by :meth:`AccountService.postgres_actor` (``manage``: account administration, which a
    superuser may do). SQLite: the local administrator while the file has no accounts; afterwards
    ``login`` and ``password`` must match an active account. Raises :class:`PermissionDenied` with
    a sentence saying what to do.
    """
    accounts = services.accounts
    if accounts.on_postgres:
        url_user = services.engine.url.username or ""
        if login and login.strip().lower() != url_user.lower():
            raise PermissionDenied(msg("login.pg_user", url_user=url_user, login=login))
        return accounts.postgres_actor(manage=manage)
    if not accounts.has_accounts():
        return local_admin()
    if not login:
        raise PermissionDenied(msg("login.required"))
    if password is None:
        raise PermissionDenied(msg("login.password_required", login=login))
    return accounts.authenticate(login, password)
