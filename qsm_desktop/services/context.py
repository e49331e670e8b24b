"""The acting user, permissions, the audit log and the services container (服务上下文) — DESIGN §6.

Logins arrive in a later issue; until then the CLI and the window act as the operating-system
user with the 总行秘书 (head-office secretary) role. Services already check :func:`require` and
write :func:`audit` entries, so adding logins changes who the actor is, not the services.
"""

from __future__ import annotations

import datetime as dt
import enum
import getpass
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from qsm_desktop.domain.errors import ConflictError, PermissionDenied
from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.store import db
from qsm_desktop.store.models import AuditEntry

register({
    "perm.denied": ("您（{login}，{role}）无权{action}。如需此权限请联系管理员。",
                    "You ({login}, {role}) may not {action}. Ask an administrator if you need this."),
    "perm.scope": ("您只能处理本机构 {scope} 范围内的数据，{code} 不在其中。",
                   "You may only work within {scope}; {code} is outside it."),
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


def audit(
    session: Session, actor: Actor, entity: str, entity_id: Any, action: str,
    before: Mapping[str, Any] | None = None, after: Mapping[str, Any] | None = None,
    batch_id: int | None = None,
) -> None:
    """Write one audit-log entry (who, when, entity, action, before/after) in the caller's transaction."""
    session.add(AuditEntry(
        at=dt.datetime.now().replace(microsecond=0), login=actor.login, role=actor.role.value, entity=entity,
        entity_id=None if entity_id is None else str(entity_id), action=action,
        before=_jsonable(before), after=_jsonable(after), batch_id=batch_id,
    ))


def _jsonable(data: Mapping[str, Any] | None) -> dict | None:
    if data is None:
        return None
    return {k: (v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v) for k, v in data.items()}


@dataclass
class Services:
    """The composition root's bundle: engine, session factory, the URL, and each feature's service.

    Feature services are created lazily by attribute (``services.certification`` …) from
    :data:`SERVICE_FACTORIES`, so a feature registers itself without editing this class.
    """

    engine: Engine
    sessions: sessionmaker[Session]
    url: str
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        cache = self.__dict__.setdefault("_cache", {})
        if name not in cache:
            factory = SERVICE_FACTORIES.get(name)
            if factory is None:
                raise AttributeError(f"no service named {name!r}")
            cache[name] = factory(self)
        return cache[name]

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction: commit on success, roll back on error; stale versions → :class:`ConflictError`."""
        try:
            with self.sessions.begin() as session:
                yield session
        except StaleDataError as exc:
            raise ConflictError(msg("conflict.stale", entity=str(exc).split("'")[1] if "'" in str(exc) else "")) from exc

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


SERVICE_FACTORIES: dict[str, Any] = {}
"""Service name → factory ``(Services) -> service``; feature modules register here."""


def register_service(name: str):
    """Class decorator registering a feature service under ``services.<name>``."""

    def wrap(cls):
        SERVICE_FACTORIES[name] = cls
        return cls

    return wrap


def build_services(url: str | None = None, *, auto_upgrade: bool = True) -> Services:
    """Open the database (schema check, SQLite auto-upgrade) and return the services bundle.

    Raises :class:`~qsm_desktop.domain.errors.SchemaError` for a newer or un-upgraded database.
    """
    engine = db.open_database(url, auto_upgrade=auto_upgrade)
    _import_feature_services()
    return Services(engine=engine, sessions=db.session_factory(engine), url=str(engine.url.render_as_string(hide_password=False)))


FEATURE_MODULES = [
    "qsm_desktop.services.orgs",
    "qsm_desktop.services.certification",
    "qsm_desktop.services.imports",
    "qsm_desktop.services.training",
    "qsm_desktop.services.evaluation",
    "qsm_desktop.services.showcase",
]
"""Modules that register services; a feature adds its module here."""


def _import_feature_services() -> None:
    import importlib

    for name in FEATURE_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:  # a real missing dependency inside the module
                raise
