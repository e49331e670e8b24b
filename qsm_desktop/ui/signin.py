"""Signing in to the window (窗口登录) — the Qt-free half of the login dialog, DESIGN §6, issue 12.

:class:`DesktopSignIn` holds what the start-up knows — the database URL (without password) and the
composition root's ``open_services`` — and turns a login and a password into a :class:`SignedIn`
(the services bundle and who acts) through :func:`qsm_desktop.services.accounts.sign_in`, the one
sign-in of the command line and the window:

- **SQLite**: the file is opened once (:meth:`DesktopSignIn.start`); while it holds no account the
  window runs as the local administrator at once (no dialog); afterwards the login and password
  must match an active account.
- **PostgreSQL**: the login and password *are* the connection's user (``settings.login_url``): each
  attempt opens the database as that login, and :func:`~qsm_desktop.services.accounts.sign_in`
  refuses a superuser, BYPASSRLS or table-owning login with the sentence of
  ``services/accounts.py``. A failed password comes back as "Wrong login or password", a server
  that does not answer as the cannot-connect sentence.

Every refusal is a :class:`~qsm_desktop.domain.errors.QsmError` in the user's words. The password
is handed to the driver and nowhere else: not logged, not kept (the dialog may put it in the OS
keyring when the person ticks *remember*).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from qsm_desktop.domain.errors import NotFound, PermissionDenied, QsmError
from qsm_desktop.domain.i18n import msg
from qsm_desktop.services.accounts import sign_in
from qsm_desktop.services.context import Actor, Role
from qsm_desktop.settings import describe_database, login_url, split_password

log = logging.getLogger(__name__)

__all__ = ["DesktopSignIn", "SessionInfo", "SignedIn", "describe_session"]

_AUTH_FAILURES = ("password authentication failed", "no password supplied", "authentication failed")
"""Fragments of driver messages that mean "this login cannot sign in with this password"."""


def _auth_failure(cause: str) -> bool:
    """Whether a driver message says the login or its password was refused (a role that does not
    exist is answered like a wrong password, so nobody learns which logins exist)."""
    cause = cause.lower()
    return any(f in cause for f in _AUTH_FAILURES) or ('role "' in cause and "does not exist" in cause)


@dataclass(frozen=True)
class SessionInfo:
    """Who is signed in, for the status bar: ``actor``; the account's ``name`` (``""`` when none);
    ``org_name`` of ``actor.org_scope`` (``""`` for the whole bank); ``local_admin``: a SQLite file
    without accounts, run as the operating-system user."""

    actor: Actor
    name: str = ""
    org_name: str = ""
    local_admin: bool = False


@dataclass(frozen=True)
class SignedIn:
    """The outcome of signing in: the open ``services`` and :class:`SessionInfo` ``info``."""

    services: Any
    info: SessionInfo

    @property
    def actor(self) -> Actor:
        return self.info.actor


def describe_session(services: Any, actor: Actor) -> SessionInfo:
    """:class:`SessionInfo` of ``actor`` on ``services``: the account's name and the org unit's name
    (each ``""`` when unknown), and whether this is the local administrator of a SQLite file
    without accounts. Never raises for a missing account or unit."""
    accounts = services.accounts
    try:
        local = actor.role is Role.ADMIN and not accounts.on_postgres and not accounts.has_accounts()
    except Exception:  # a database that cannot say: not the local administrator
        log.exception("could not count the accounts")
        local = False
    name = org_name = ""
    if not local:
        try:
            name = accounts.get(actor, actor.login).name
        except NotFound:
            pass
        except Exception:
            log.exception("could not read the account of %s", actor.login)
    if actor.org_scope:
        try:
            org_name = services.orgs.get(actor, actor.org_scope).name
        except NotFound:
            pass
        except Exception:
            log.exception("could not read the org unit %s", actor.org_scope)
    return SessionInfo(actor, name, org_name, local)


def _is_postgres(url: str | None) -> bool:
    return bool(url) and str(url).startswith("postgresql")


class DesktopSignIn:
    """Signing in to the database at ``url`` (without password; ``None`` = the local SQLite file).

    ``open_services(url) -> Services`` is the composition root's opener (schema check, keyring
    password, errors as :class:`QsmError`). ``services``: an already opened SQLite bundle to use.
    """

    def __init__(self, url: str | None, open_services: Callable[[str | None], Any], services: Any = None) -> None:
        self.url = split_password(url)[0] if url else url
        self._open_services = open_services
        self._services = services

    # ------------------------------------------------------------------ what kind of database
    @property
    def on_postgres(self) -> bool:
        """Whether the database is a PostgreSQL server (the login is the connection's user)."""
        return _is_postgres(self.url)

    @property
    def database_label(self) -> str:
        """A short, password-free name of the database (``qsm.db``, ``qsm@server``)."""
        if self.url:
            return describe_database(self.url)
        services = self._services
        return describe_database(services.url) if services is not None else "qsm.db"

    def default_login(self) -> str:
        """The login to offer when none is remembered: the user of a server URL, else ``""``."""
        if not self.on_postgres:
            return ""
        from urllib.parse import unquote, urlsplit

        return unquote(urlsplit(self.url).username or "")

    # ------------------------------------------------------------------ signing in
    def start(self) -> SignedIn | None:
        """Open a SQLite file (when not open yet) and sign in without a login when it has no
        account (the local administrator); ``None`` when a login is needed (always on PostgreSQL).
        Raises :class:`QsmError` when the file cannot be opened."""
        if self.on_postgres:
            return None
        services = self._sqlite_services()
        if services.accounts.has_accounts():
            return None
        return self._signed(services, sign_in(services))

    def sign_in(self, login: str, password: str) -> SignedIn:
        """Sign in as ``login`` with ``password``; raises :class:`PermissionDenied` (wrong login or
        password, disabled account, privileged PostgreSQL login, no account for the login) or
        another :class:`QsmError` (the database cannot be opened), each with one sentence."""
        login = (login or "").strip()
        if not login:
            raise PermissionDenied(msg("login.wrong"))
        if not self.on_postgres:
            services = self._sqlite_services()
            return self._signed(services, sign_in(services, login, password or ""))
        services = self._open_as(login, password or "")
        try:
            return self._signed(services, sign_in(services, login))
        except BaseException:
            services.dispose()
            raise

    def use_local_database(self) -> None:
        """Give up the server and use the local SQLite file instead (the default database)."""
        self.close()
        self.url = None

    def close(self) -> None:
        """Close a SQLite bundle opened here that nobody signed in to (safe to call twice)."""
        if self._services is not None:
            try:
                self._services.dispose()
            finally:
                self._services = None

    # ------------------------------------------------------------------ helpers
    def _sqlite_services(self) -> Any:
        if self._services is None:
            self._services = self._open_services(self.url)
        return self._services

    def _signed(self, services: Any, actor: Actor) -> SignedIn:
        if services is self._services:
            self._services = None  # handed over: the window (then the start-up) closes it
        return SignedIn(services, describe_session(services, actor))

    def _open_as(self, login: str, password: str) -> Any:
        """Open the server as ``login``; an authentication failure becomes "Wrong login or password"."""
        try:
            return self._open_services(login_url(self.url, login, password))
        except QsmError as exc:
            if _auth_failure(str(exc.__cause__ or "")):
                log.info("sign-in of %s refused by the server", login)
                raise PermissionDenied(msg("login.wrong")) from None
            raise
