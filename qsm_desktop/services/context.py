"""The acting user, permissions and the open database (服务上下文) — DESIGN §6.

Logins arrive in a later issue; until then the CLI and the window act as the operating-system
user with the 总行秘书 (head-office secretary) role. Services already check :func:`require` and
write :mod:`~qsm_desktop.services.audit` entries, so adding logins changes who the actor is, not
the services. The feature services themselves are bundled in :mod:`qsm_desktop.services.bundle`.
"""

from __future__ import annotations

import enum
import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from qsm_desktop.domain.errors import ConflictError, InputRefused, PermissionDenied
from qsm_desktop.domain.audit_labels import table_label
from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.store import db

class DatabaseBusy(InputRefused):
    """The database stayed locked by another writer longer than the wait; nothing was changed (DESIGN §6)."""


register({
    "perm.denied": ("您（{login}，{role}）无权{action}。如需此权限请联系管理员。",
                    "You ({login}, {role}) may not {action}. Ask an administrator if you need this."),
    "perm.scope": ("您只能处理本机构 {scope} 范围内的数据，{code} 不在其中。",
                   "You may only work within {scope}; {code} is outside it."),
    "db.busy": ("数据库正忙（另一个程序或同事正在写入），等待超时；本次操作未保存任何更改，请稍后重试。",
                "The database stayed busy (another program or colleague is writing to it) longer than the wait; "
                "nothing of this operation was saved. Try again in a moment."),
    "conflict.stale": ("这条记录已被他人修改（{entity}）。请重新打开，核对后再保存；您的修改未被保存。",
                       "Someone else changed this record ({entity}) first. Reopen it, check, and save again; "
                       "your change was not saved."),
})


class Role(str, enum.Enum):
    """Roles of DESIGN §6 (角色)."""

    ADMIN = "admin"                        # 管理员
    HO_SECRETARY = "ho_secretary"          # 总行秘书 — everything
    BRANCH_SECRETARY = "branch_secretary"  # 分行秘书 — own subtree
    REVIEWER = "reviewer"                  # 评审专家 — assigned applications
    VIEWER = "viewer"                      # 查看 — read-only


ROLE_NAMES_ZH = {
    Role.ADMIN: "管理员", Role.HO_SECRETARY: "总行秘书", Role.BRANCH_SECRETARY: "分行秘书",
    Role.REVIEWER: "评审专家", Role.VIEWER: "查看",
}

WRITE_ROLES = {Role.ADMIN, Role.HO_SECRETARY, Role.BRANCH_SECRETARY}


@dataclass(frozen=True)
class Actor:
    """Who acts: ``login``, ``role`` and ``org_scope`` (a 6-digit org code, ``None`` = whole bank)."""

    login: str
    role: Role = Role.HO_SECRETARY
    org_scope: str | None = None

    @property
    def display(self) -> str:
        """``login (角色)`` for status bars and audit views."""
        return f"{self.login} ({ROLE_NAMES_ZH[self.role]})"


def check_version(record: object, version: int | None) -> None:
    """Refuse an edit made on a stale copy (乐观锁, DESIGN §6): ``version`` is the record's
    ``version`` the person saw (``None``: no check). Raises :class:`ConflictError`, whose sentence
    calls the record what the audit trail calls it (``domain.audit_labels.table_label``)."""
    if version is not None and getattr(record, "version", None) != version:
        raise ConflictError(msg("conflict.stale", entity=table_label(getattr(record, "__tablename__", ""))))


def default_actor() -> Actor:
    """The operating-system user as head-office secretary (until logins exist)."""
    try:
        login = getpass.getuser()
    except Exception:  # no user name available (e.g. some service accounts)
        login = "unknown"
    return Actor(login=login, role=Role.HO_SECRETARY)


def require(actor: Actor, action: str, *, write: bool = True, org_path: str | None = None, org_code: str | None = None) -> None:
    """Check that ``actor`` may do ``action`` (a short description shown in the refusal).

    ``write`` actions need admin or a secretary role; a branch secretary (or any actor with an
    ``org_scope``) may only touch units whose materialised ``org_path`` contains the scope code.
    Raises :class:`PermissionDenied`.
    """
    if write and actor.role not in WRITE_ROLES:
        raise PermissionDenied(msg("perm.denied", login=actor.login, role=ROLE_NAMES_ZH[actor.role], action=action))
    if actor.org_scope and org_path is not None and f"/{actor.org_scope}/" not in org_path:
        raise PermissionDenied(msg("perm.scope", scope=actor.org_scope, code=org_code or org_path))


def in_scope(actor: Actor, org_path: str | None) -> bool:
    """Whether a unit with materialised path ``org_path`` lies in ``actor``'s scope (always, for an
    actor without one; never, for a path ``None`` when the actor has a scope) — the test of
    :func:`require`, for filtering lists instead of refusing (DESIGN §6)."""
    if not actor.org_scope:
        return True
    return org_path is not None and f"/{actor.org_scope}/" in org_path


def scope_pattern(actor: Actor) -> str | None:
    """``LIKE`` pattern of the paths in ``actor``'s scope (``%/310000/%``), ``None`` for the whole bank."""
    return f"%/{actor.org_scope}/%" if actor.org_scope else None


class Database:
    """The open database a service works on: ``engine``, the session factory ``sessions`` and the
    ``url`` (with the password, for reconnecting; never log it — use :attr:`database_label`).

    :class:`~qsm_desktop.services.bundle.Services` extends it with the feature services.
    """

    def __init__(self, engine: Engine, sessions: sessionmaker[Session], url: str) -> None:
        self.engine = engine
        self.sessions = sessions
        self.url = url

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction: commit on success, roll back on error; stale versions → :class:`ConflictError`;
        a database locked longer than the wait (SQLite's busy timeout) → :class:`DatabaseBusy`, a
        sentence rather than an internal error that would print the statement (issue 11)."""
        try:
            with self.sessions.begin() as session:
                yield session
        except StaleDataError as exc:
            table = str(exc).split("'")[1] if "'" in str(exc) else ""
            raise ConflictError(msg("conflict.stale", entity=table_label(table))) from exc
        except OperationalError as exc:
            if db.is_busy(exc):
                raise DatabaseBusy(msg("db.busy")) from None
            raise

    def read(self) -> Session:
        """A read-only session (use as a context manager)."""
        return self.sessions()

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()

    @property
    def database_label(self) -> str:
        """Human-readable database description for status bars (password hidden)."""
        file = db.sqlite_path(self.url)
        if file is not None:
            return f"SQLite: {file}"
        return self.engine.url.render_as_string(hide_password=True)
