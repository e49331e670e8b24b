"""``qsm user …`` and the sign-in of every command (``--user``) — DESIGN §6, §7, issue 12.

- ``qsm user add LOGIN --role ROLE [--org CODE] [--name NAME] [--password-stdin]``
- ``qsm user list [--json]`` → ``{"users": [{"login", "name", "role", "org", "active"}]}``
- ``qsm user disable LOGIN`` · ``qsm user enable LOGIN`` · ``qsm user passwd LOGIN [--password-stdin]``

Who acts is decided by :func:`qsm_desktop.services.accounts.sign_in`, called through
:func:`qsm_desktop.cli_signin.sign_in_for` when a command opens the database (``cli.open_services``): on SQLite the global
``--user LOGIN`` with the password from ``QSM_PASSWORD`` or a prompt (a file without accounts
runs as the local administrator — so the first ``qsm user add`` needs no login); on PostgreSQL the
database URL's user. ``qsm user …`` and ``qsm db …`` sign in with ``manage=True``: on PostgreSQL
the superuser may run them (every other command refuses a superuser, BYPASSRLS or owner login).

A new password comes from the first line of standard input with ``--password-stdin`` (scripts),
else from a prompt typed twice; it never appears on the command line.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.domain.i18n import get_language, msg
from qsm_desktop.domain.i18n import register as register_messages

register_messages({
    "cli.user.added": ("已建立账户 {login}（{role}{org}）。", "Account {login} created ({role}{org})."),
    "cli.user.disabled": ("已停用账户 {login}。", "Account {login} disabled."),
    "cli.user.enabled": ("已启用账户 {login}。", "Account {login} enabled."),
    "cli.user.passwd": ("已修改 {login} 的密码。", "The password of {login} was changed."),
    "cli.user.prompt_new": ("{login} 的新密码：", "New password of {login}: "),
    "cli.user.prompt_again": ("再输入一次：", "Again: "),
    "cli.user.mismatch": ("两次输入的密码不一致，未作修改。", "The two passwords differ; nothing was changed."),
    "cli.user.no_password": ("请用 --password-stdin 从标准输入提供密码（或在终端中运行以便输入）。",
                             "Give the password on standard input with --password-stdin (or run in a terminal "
                             "to type it)."),
    "cli.user.none": ("（还没有账户）", "(no accounts yet)"),
    "cli.user.cols": ("登录名|角色|机构|状态|姓名", "Login|Role|Unit|State|Name"),
    "cli.user.active": ("启用", "active"),
    "cli.user.inactive": ("停用", "disabled"),
})

def _new_password(args: argparse.Namespace, login: str) -> str:
    if args.password_stdin:
        line = sys.stdin.readline()
        return line[:-1] if line.endswith("\n") else line
    if not (sys.stdin is not None and sys.stdin.isatty()):
        raise InputRefused(msg("cli.user.no_password"))
    first = getpass.getpass(msg("cli.user.prompt_new", login=login))
    if getpass.getpass(msg("cli.user.prompt_again")) != first:
        raise InputRefused(msg("cli.user.mismatch"))
    return first


def _role_label(role) -> str:
    from qsm_desktop.services.context import ROLE_NAMES_ZH

    return ROLE_NAMES_ZH[role] if get_language() == "zh" else role.value


def _cmd_add(args: argparse.Namespace) -> int:
    from qsm_desktop.cli import open_services
    from qsm_desktop.services.accounts import normalise_login, parse_role

    login = normalise_login(args.login)
    role = parse_role(args.role)
    services = open_services(args, manage=True)
    try:
        password = _new_password(args, login)
        info = services.accounts.add(args.actor, login, role, password=password, org=args.org, name=args.name or "")
    finally:
        services.dispose()
    print(msg("cli.user.added", login=info.login, role=_role_label(info.role), org=f"，{info.org}" if info.org and
              get_language() == "zh" else (f", {info.org}" if info.org else "")))
    return 0


def _cmd_list(args: argparse.Namespace) -> int:
    from qsm_desktop.cli import open_services, print_json, print_table

    services = open_services(args, manage=True)
    try:
        users = services.accounts.list(args.actor)
    finally:
        services.dispose()
    if args.json:
        print_json({"users": [u.to_json() for u in users]})
        return 0
    if not users:
        print(msg("cli.user.none"))
    else:
        print_table(msg("cli.user.cols").split("|"),
                    [(u.login, _role_label(u.role), u.org or "-", msg("cli.user.active") if u.active
                      else msg("cli.user.inactive"), u.name) for u in users])
    return 0


def _cmd_disable(args: argparse.Namespace) -> int:
    from qsm_desktop.cli import open_services

    services = open_services(args, manage=True)
    try:
        info = services.accounts.disable(args.actor, args.login.strip().lower())
    finally:
        services.dispose()
    print(msg("cli.user.disabled", login=info.login))
    return 0


def _cmd_enable(args: argparse.Namespace) -> int:
    from qsm_desktop.cli import open_services

    services = open_services(args, manage=True)
    try:
        info = services.accounts.enable(args.actor, args.login.strip().lower())
    finally:
        services.dispose()
    print(msg("cli.user.enabled", login=info.login))
    return 0


def _cmd_passwd(args: argparse.Namespace) -> int:
    from qsm_desktop.cli import open_services

    login = args.login.strip().lower()
    services = open_services(args, manage=True)
    try:
        services.accounts.get(args.actor, login)  # an unknown login is said before asking for a password
        services.accounts.passwd(args.actor, login, _new_password(args, login))
    finally:
        services.dispose()
    print(msg("cli.user.passwd", login=login))
    return 0


def register(sub) -> None:
    """Add ``qsm user add|list|disable|enable|passwd`` to the top-level ``sub`` parsers."""
    p_user = sub.add_parser("user", help="logins: add, list, disable, enable, passwd (登录账户)")
    user_sub = p_user.add_subparsers(dest="user_command", metavar="ACTION", parser_class=type(p_user))

    p_add = user_sub.add_parser("add", help="create a login")
    p_add.add_argument("login", metavar="LOGIN")
    p_add.add_argument("--role", required=True, metavar="ROLE",
                       help="admin, ho_secretary, branch_secretary, reviewer, viewer (or 管理员/总行秘书/分行秘书/评审专家/查看)")
    p_add.add_argument("--org", metavar="CODE", help="org unit (required for a branch secretary)")
    p_add.add_argument("--name", metavar="NAME", help="the person's name")
    p_add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    p_add.set_defaults(handler=_cmd_add)

    p_list = user_sub.add_parser("list", help="list the logins")
    p_list.add_argument("--json", action="store_true")
    p_list.set_defaults(handler=_cmd_list)

    p_disable = user_sub.add_parser("disable", help="disable a login")
    p_disable.add_argument("login", metavar="LOGIN")
    p_disable.set_defaults(handler=_cmd_disable)

    p_enable = user_sub.add_parser("enable", help="enable a disabled login again")
    p_enable.add_argument("login", metavar="LOGIN")
    p_enable.set_defaults(handler=_cmd_enable)

    p_passwd = user_sub.add_parser("passwd", help="set a login's password")
    p_passwd.add_argument("login", metavar="LOGIN")
    p_passwd.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    p_passwd.set_defaults(handler=_cmd_passwd)

