"""``qsm audit`` and ``qsm db backup`` — DESIGN §7, issue 12.

- ``qsm audit [--entity E] [--since DATE] [--user LOGIN] [--json]``: the audit trail, what the
  signed-in person may see (:mod:`qsm_desktop.services.audit_trail`); JSON
  ``{"entries": [{"when", "login", "entity", "action", "key", "before", "after"}]}``. The filter
  ``--user`` given after ``audit`` names whose entries to list; the global ``--user`` before the
  command still says who is signing in.
- ``qsm db backup FILE``: a consistent copy of a SQLite database while it is in use, the new file
  private to its owner (:mod:`qsm_desktop.services.backup`); on PostgreSQL a sentence pointing to
  ``pg_dump`` (exit 1).
"""

from __future__ import annotations

import argparse
import json

from qsm_desktop.domain.i18n import msg
from qsm_desktop.domain.i18n import register as register_messages

register_messages({
    "cli.audit.none": ("（没有符合条件的审计记录）", "(no audit entries match)"),
    "cli.audit.cols": ("时间|登录名|对象|操作|键|修改前 → 修改后", "When|Login|Entity|Action|Key|Before → after"),
    "cli.backup.done": ("已备份到 {file}（仅本人可读写）。恢复：在无人使用时把它复制回 {db}。",
                        "Backed up to {file} (readable by you only). To restore, copy it back over {db} while "
                        "nobody has it open."),
})


def _compact(data, width: int = 160) -> str:
    """``data`` as one line of JSON, cut at ``width`` characters (``--json`` gives it whole)."""
    text = "" if data is None else json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    return text if len(text) <= width else text[:width - 1] + "…"


def _cmd_audit(args: argparse.Namespace) -> int:
    from qsm_desktop.cli import open_services, print_json, print_table
    from qsm_desktop.domain.audit_labels import action_label, entity_label
    from qsm_desktop.services import audit_trail

    services = open_services(args)
    try:
        lines = audit_trail.entries(services, args.actor, entity=args.entity, since=args.since, login=args.audit_login)
    finally:
        services.dispose()
    if args.json:
        print_json({"entries": [line.to_json() for line in lines]})
        return 0
    if not lines:
        print(msg("cli.audit.none"))
        return 0
    rows = [(line.when.isoformat(sep=" "), line.login, entity_label(line.entity), action_label(line.action),
             line.key or "-", " → ".join(part for part in (_compact(line.before), _compact(line.after)) if part))
            for line in lines]
    print_table(msg("cli.audit.cols").split("|"), rows)
    return 0


def _cmd_backup(args: argparse.Namespace) -> int:
    from qsm_desktop.domain.errors import InputRefused
    from qsm_desktop.services.backup import backup_database
    from qsm_desktop.store import db

    if db.sqlite_path(db.resolve_url(args.db)) is None:  # PostgreSQL: no need to connect to say so
        from sqlalchemy.engine import make_url

        raise InputRefused(msg("backup.postgres", db=make_url(db.resolve_url(args.db)).database or "qsm"))
    from qsm_desktop.cli import open_services

    services = open_services(args, manage=True)
    try:
        target = backup_database(services, args.actor, args.file)
        source = db.sqlite_path(services.url)
    finally:
        services.dispose()
    print(msg("cli.backup.done", file=target, db=source))
    return 0


def _db_subparsers(sub) -> argparse._SubParsersAction:
    """The sub-command parsers of ``qsm db`` (made by ``cli.build_parser``)."""
    for action in sub.choices["db"]._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise LookupError("qsm db has no sub-commands")  # pragma: no cover - cli.build_parser makes them


def register(sub) -> None:
    """Add ``qsm audit`` and ``qsm db backup``."""
    from qsm_desktop.cli import parse_date_arg

    p_audit = sub.add_parser("audit", help="the audit trail (审计日志)")
    p_audit.add_argument("--entity", metavar="E", help="only this entity (staff, certificate, account, import_batch …)")
    p_audit.add_argument("--since", metavar="DATE", type=parse_date_arg, help="on or after this date")
    p_audit.add_argument("--user", dest="audit_login", metavar="LOGIN", help="only this person's entries")
    p_audit.add_argument("--json", action="store_true")
    p_audit.set_defaults(handler=_cmd_audit)

    p_backup = _db_subparsers(sub).add_parser("backup", help="a consistent copy of a SQLite database in use")
    p_backup.add_argument("file", metavar="FILE")
    p_backup.set_defaults(handler=_cmd_backup)
