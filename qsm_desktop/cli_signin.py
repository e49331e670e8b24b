"""Signing in on the command line (命令行登录) — the global ``--user`` option, DESIGN §6–7, issue 12.

:func:`sign_in_for` is called by ``cli.open_services`` for every command that opens the database.
It gathers what the person typed — ``--user LOGIN``, the password from ``QSM_PASSWORD`` or a
prompt (SQLite; only when the file has accounts) — and hands it to
:func:`qsm_desktop.services.accounts.sign_in`, which decides. (Kept apart from ``cli_users`` so
that ``cli`` imports no module that imports it back.)
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from qsm_desktop.domain.i18n import msg
from qsm_desktop.domain.i18n import register as register_messages

register_messages({
    "cli.user.prompt": ("{login} 的密码：", "Password of {login}: "),
})

PASSWORD_ENV = "QSM_PASSWORD"
"""The environment variable holding the password of ``--user`` (SQLite)."""


def _prompt_password(login: str) -> str | None:
    """``QSM_PASSWORD``, else a prompt when a terminal is attached, else ``None``."""
    value = os.environ.get(PASSWORD_ENV)
    if value is not None:
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(msg("cli.user.prompt", login=login))
    return None


def sign_in_for(services, args: argparse.Namespace, *, manage: bool = False):
    """The :class:`~qsm_desktop.services.context.Actor` of this command on ``services``' database.

    Raises :class:`~qsm_desktop.domain.errors.PermissionDenied` (exit 1) with a sentence.
    """
    from qsm_desktop.services.accounts import sign_in

    login = getattr(args, "user", None)
    if services.accounts.on_postgres or not services.accounts.has_accounts() or not login:
        return sign_in(services, login, None, manage=manage)
    return sign_in(services, login, _prompt_password(login), manage=manage)
