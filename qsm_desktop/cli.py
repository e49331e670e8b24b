"""The ``qsm`` command line — DESIGN §7, the contract scripts and tests rely on.

Global options ``--db URL`` (else ``QSM_DATABASE_URL``, else the default SQLite file) and ``--lang``,
before or after the sub-command (``qsm import FILE --db x.db``). Exit status:
0 done (or nothing to do), 1 refused/invalid input (problems printed), 2 usage error. No
traceback reaches the user: expected problems print their message; a bug prints where its
details were logged. ``--json`` prints one JSON document on stdout.

Each feature adds its subcommands from its own module ``qsm_desktop/cli_<feature>.py`` exposing
``register(subparsers)``; list the module in :data:`FEATURE_CLI_MODULES`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import logging
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

from qsm_desktop import __version__
from qsm_desktop.domain.errors import QsmError
from qsm_desktop.domain.i18n import get_language, msg, register, set_language

log = logging.getLogger("qsm")

register({
    "cli.bad_date": ("日期“{value}”无法识别，请写成 2007-12-31。", "Cannot read the date '{value}'; write it as 2007-12-31."),
    "cli.internal": ("程序内部错误（不是您的操作问题）：{error}。详细信息已写入 {log}，请发给技术支持。",
                     "Internal error (not caused by your input): {error}. Details were written to {log}; "
                     "please send that file to support."),
    "db.upgraded": ("数据库已就绪：{url}（结构版本 {heads}）。", "Database ready: {url} (schema {heads})."),
    "db.already": ("数据库已是最新：{url}（结构版本 {heads}）。", "Database already up to date: {url} (schema {heads})."),
    "cli.db_missing": ("数据库文件 {path} 不存在（{source}），没有打开也没有新建任何数据库。请检查路径是否写错；"
                       "要在此处新建数据库，请运行：qsm --db \"{path}\" db upgrade",
                       "The database file {path} ({source}) does not exist; nothing was opened or created. "
                       "Check the path for a typing mistake; to create a new database there, run: "
                       "qsm --db \"{path}\" db upgrade"),
    "cli.bad_period": ("{option}“{value}”不是报告期：请写成 2007Q4（季度）或 2007（年度）。未做任何改动。",
                       "{option} '{value}' is not a reporting period: write it as 2007Q4 (a quarter) or 2007 (a year). "
                       "Nothing was changed."),
    "cli.bad_org": ("{option}“{value}”不是机构代码：请写 6 位机构代码，如 110000。未做任何改动。",
                    "{option} '{value}' is not an org code: give a 6-digit code such as 110000. Nothing was changed."),
    "cli.db_missing.option": ("由 --db 指定", "given with --db"),
    "cli.db_missing.environment": ("由环境变量 QSM_DATABASE_URL 指定", "named by QSM_DATABASE_URL"),
})

FEATURE_CLI_MODULES = [
    "qsm_desktop.cli_returns",
    "qsm_desktop.cli_demo",
    "qsm_desktop.cli_training",
    "qsm_desktop.cli_evaluation",
    "qsm_desktop.cli_showcase",
    "qsm_desktop.cli_users",
    "qsm_desktop.cli_admin",
    "qsm_desktop.cli_monitoring",
]
"""Modules with a ``register(subparsers)`` adding their subcommands."""


class UsageError(Exception):
    """Bad command-line usage (exit 2)."""


register({
    "cli.usage.required": ("缺少必填参数：{what}", "the following arguments are required: {what}"),
    "cli.usage.unrecognized": ("无法识别的参数：{what}", "unrecognized arguments: {what}"),
    "cli.usage.invalid_int": ("参数 {arg}：“{value}”不是整数", "argument {arg}: '{value}' is not a whole number"),
    "cli.usage.invalid_float": ("参数 {arg}：“{value}”不是数字", "argument {arg}: '{value}' is not a number"),
    "cli.usage.invalid_choice": ("参数 {arg}：没有“{value}”，可选：{choices}",
                                 "argument {arg}: there is no '{value}'; choose from {choices}"),
    "cli.usage.expected_one": ("参数 {arg} 后面需要一个值", "argument {arg} needs a value after it"),
    "cli.usage.argument": ("参数 {arg}：{text}", "argument {arg}: {text}"),
    "cli.usage.help": ("（用 -h 查看用法）", "(see -h for the usage)"),
})

_USAGE_MESSAGES = (  # argparse's own sentences (English) → ours, in the user's language
    (re.compile(r"the following arguments are required: (?P<what>.+)"), "cli.usage.required"),
    (re.compile(r"unrecognized arguments: (?P<what>.+)"), "cli.usage.unrecognized"),
    (re.compile(r"argument (?P<arg>[^:]+): invalid int value: '(?P<value>.*)'"), "cli.usage.invalid_int"),
    (re.compile(r"argument (?P<arg>[^:]+): invalid float value: '(?P<value>.*)'"), "cli.usage.invalid_float"),
    (re.compile(r"argument (?P<arg>[^:]+): invalid choice: '(?P<value>.*?)' \(choose from (?P<choices>.*)\)"),
     "cli.usage.invalid_choice"),
    (re.compile(r"argument (?P<arg>[^:]+): expected one argument"), "cli.usage.expected_one"),
    (re.compile(r"argument (?P<arg>[^:]+): (?P<text>.+)", re.S), "cli.usage.argument"),
)


def usage_message(message: str) -> str:
    """argparse's error ``message`` in the user's language (its common sentences; others as they are)."""
    for pattern, key in _USAGE_MESSAGES:
        match = pattern.fullmatch(message.strip())
        if match:
            return msg(key, **match.groupdict())
    return message


_DB_HELP = "database URL or SQLite file path (default: QSM_DATABASE_URL or the user's SQLite file)"
_LANG_HELP = "language of messages (default zh, or QSM_LANG)"
_USER_HELP = ("act as LOGIN (SQLite: password from QSM_PASSWORD or a prompt; "
              "PostgreSQL: the database URL's user is the login)")


class _Parser(argparse.ArgumentParser):
    """``qsm``'s parsers: usage errors in the user's language, passwords masked; every sub-command
    also accepts ``--db`` and ``--lang`` after its name (``qsm import FILE --db x.db``, issue 11 §10) —
    given there they win, absent there the ones before the sub-command stay."""

    def __init__(self, *args, top_level: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not top_level:
            self.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help=_DB_HELP)
            self.add_argument("--lang", choices=("zh", "en"), default=argparse.SUPPRESS, help=_LANG_HELP)

    def format_help(self) -> str:
        """The help; in English without the Chinese terms the help strings carry as glosses
        ("certification rates (持证率)" → "certification rates"), which an English reader cannot use."""
        text = super().format_help()
        return english_help(text) if get_language() == "en" else text

    def error(self, message: str):  # argparse prints usage and exits 2 — keep that, but never a traceback
        from qsm_desktop.privacy import mask_password  # an unrecognised argument may be a URL with its password

        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {mask_password(usage_message(message))} {msg('cli.usage.help')}\n")


_GLOSS = re.compile(r"[\u3400-\u9fff\uff08\uff09\u3001\uff0c\uff1a]+(?:,\s*)?")


def english_help(text: str) -> str:
    """``text`` without its Chinese glosses: "(培训覆盖率)" goes, "(服务质量监测, §8)" becomes "(§8)";
    a Chinese run inside a quoted example stays only when nothing English is left of its line."""
    out = []
    for line in text.splitlines():
        stripped = _GLOSS.sub("", line)
        stripped = re.sub(r"\s*\(\s*\)", "", stripped).replace("( ", "(")
        out.append(stripped.rstrip() if stripped.strip() else line)
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")


def parse_date_arg(value: str) -> dt.date:
    """``--as-of`` values: ISO dates (2007-12-31) and the forms the returns use (2007/12/31, 2007年12月31日)."""
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        pass
    from qsm_desktop.domain import normalise

    try:
        return normalise.parse_date(value)
    except ValueError:
        raise argparse.ArgumentTypeError(msg("cli.bad_date", value=value)) from None


def print_json(document: Any) -> None:
    """Print one JSON document (UTF-8, Chinese kept readable) on stdout."""
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=1, default=str) + "\n")


def check_common_options(args: argparse.Namespace) -> None:
    """Check the options many commands share before anything is opened: ``--period`` (a quarter
    ``2007Q4`` or a year ``2007``, in any form the returns use; stored back in its canonical form) and
    ``--unit``/``--org`` (a 6-digit org code; full-width digits folded). A malformed value is a usage
    error of the whole command (DESIGN §7: exit 2) — one sentence naming the option, the value and the
    form — whatever the command; a well-formed code that names no unit is the command's own refusal
    (exit 1). A command may word the sentences its own way: ``option_messages`` in its parser's
    defaults maps ``"period"``/``"org"``/``"unit"`` to message keys (``qsm import`` adds "nothing was
    imported"). Raises :class:`UsageError`."""
    from qsm_desktop.domain.normalise import NormaliseError, parse_org_code, parse_period

    keys = getattr(args, "option_messages", {})
    period = getattr(args, "period", None)
    if isinstance(period, str):
        try:
            args.period = parse_period(period)
        except NormaliseError:
            raise UsageError(msg(keys.get("period", "cli.bad_period"), option="--period", value=period)) from None
    for option in ("unit", "org"):
        code = getattr(args, option, None)
        if isinstance(code, str):
            try:
                setattr(args, option, parse_org_code(code))
            except NormaliseError:
                raise UsageError(msg(keys.get(option, "cli.bad_org"), option=f"--{option}", value=code)) from None


def require_existing_database(url: str | None) -> None:
    """Refuse a SQLite file that does not exist (a mistyped ``--db`` path must not become a new, empty
    database that the command then answers from; DESIGN §7: a usage error, exit 2). ``url``: the
    ``--db`` value or ``None`` (then ``QSM_DATABASE_URL``, else the default file). Raises
    :class:`UsageError` with a sentence naming the path, where it came from and how to create a
    database there (``qsm db upgrade``); PostgreSQL, existing files and the default file pass — the
    default file nobody typed is made on first use, by the command line as by the window (a fresh
    machine's ``qsm import`` works as the README says)."""
    import os

    from qsm_desktop.store import db

    file = db.missing_sqlite_file(url)
    if file is None:
        return
    if url or os.environ.get("QSM_DATABASE_URL"):
        source = msg("cli.db_missing.option" if url else "cli.db_missing.environment")
        raise UsageError(msg("cli.db_missing", path=str(file), source=source))


def open_services(args: argparse.Namespace, *, manage: bool = False, create: bool = False):
    """Open the database named by ``--db`` (schema check, SQLite auto-upgrade), build the services and
    sign in (``--user``; :func:`qsm_desktop.cli_signin.sign_in_for`), keeping the actor as ``args.actor``.

    ``manage``: account administration (``qsm user …``, ``qsm db …``), which a PostgreSQL superuser
    may run. ``create``: the command may make a new SQLite file (``qsm demo``); otherwise a file that
    does not exist is refused (:func:`require_existing_database`, :class:`UsageError`, exit 2). A
    refused sign-in raises ``PermissionDenied`` (exit 1) and closes the database.
    """
    from qsm_desktop.cli_signin import sign_in_for
    from qsm_desktop.services.bundle import build_services

    if not create:
        require_existing_database(args.db)
    services = build_services(args.db)
    try:
        args.actor = sign_in_for(services, args, manage=manage)
    except BaseException:
        services.dispose()
        raise
    return services


def actor_for(args: argparse.Namespace):
    """The signed-in acting user of a CLI call (set by :func:`open_services`, which must come first)."""
    return args.actor


# ---------------------------------------------------------------------------- core commands

def _cmd_db_upgrade(args: argparse.Namespace) -> int:
    from qsm_desktop.store import db

    engine = db.make_engine(args.db)
    try:
        before = db.upgrade(engine)
        after = db.schema_state(engine)
    finally:
        engine.dispose()
    label = engine.url.render_as_string(hide_password=True)
    key = "db.already" if before.state == "current" else "db.upgraded"
    print(msg(key, url=label, heads=", ".join(after.db_heads)))
    return 0


def _cmd_cert_rate(args: argparse.Namespace) -> int:
    from qsm_desktop.domain.posts import POST_CATEGORIES, POST_CATEGORY_EN
    from qsm_desktop.domain.i18n import get_language

    services = open_services(args)
    try:
        rates = services.certification.rates(actor_for(args), args.as_of, args.unit)
    finally:
        services.dispose()
    if args.json:
        print_json(rates.to_json())
        return 0
    names = POST_CATEGORIES if get_language() == "zh" else POST_CATEGORY_EN
    head = ("持证率" if get_language() == "zh" else "Certification rates")
    print(f"{head} {rates.unit} {rates.unit_name} @ {rates.as_of.isoformat()}")
    en = get_language() == "en"
    rows = [(names[code], r.members, r.certified, "-" if r.rate is None else f"{r.rate:.2f}",
             "-" if r.target is None else f"{r.target:g}") for code, r in rates.categories.items()]
    a = rates.all
    rows.append(("All" if en else "合计", a.members, a.certified, "-" if a.rate is None else f"{a.rate:.2f}", ""))
    print_table(("", "members" if en else "人数", "cert." if en else "持证", "rate %" if en else "持证率%",
                 "target" if en else "目标%"), rows)
    return 0


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: wide and full-width characters (Chinese, （）：) count two,
    combining marks none (Unicode's East Asian Width, UAX #11, as terminals draw them)."""
    import unicodedata

    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in text)


def pad(value: object, width: int, *, right: bool = False) -> str:
    """Pad ``value`` to ``width`` terminal columns (:func:`display_width`: Chinese counts two)."""
    text = str(value)
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


_NUMBER = re.compile(r"[+\-−]?\d[\d,]*(\.\d+)?%?")
_PLACEHOLDERS = ("", "-", "—")


def _numeric(value: object) -> bool:
    """A number, or text of one (``61.64``, ``-2.00``, ``85%``); digits alone of five or more are a
    code (``000107``, an org code), not a number."""
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    text = str(value).strip()
    return bool(_NUMBER.fullmatch(text)) and not (text.isdigit() and len(text) >= 5)


def table_lines(headers: Sequence[str], rows: Sequence[Sequence[object]], *, indent: str = "") -> list[str]:
    """A text table: each column as wide as its widest cell or title in terminal columns (Chinese
    counts two, :func:`display_width`), two spaces between columns; a column of numbers (``61.64``,
    ``-2.00``, ``85%``; ``-``/``—`` for none) right-aligned, any other (names, codes) left-aligned.
    ``indent`` starts every line. ``rows``: one
    sequence of cells per row, as many as ``headers``. Lines carry no trailing spaces."""
    columns = len(headers)
    cells = [[str(c) for c in row] + [""] * (columns - len(row)) for row in rows]
    right = [all(_numeric(c) or c.strip() in _PLACEHOLDERS for c in (r[i] for r in cells)) for i in range(columns)]
    widths = [max([display_width(h)] + [display_width(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        return (indent + "  ".join(pad(v, w, right=r) for v, w, r in zip(values, widths, right))).rstrip()

    return [line([str(h) for h in headers])] + [line(r) for r in cells]


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]], *, indent: str = "") -> None:
    """Print :func:`table_lines` on stdout."""
    for text in table_lines(headers, rows, indent=indent):
        print(text)


def report_kinds(subparsers) -> argparse._SubParsersAction:
    """The kinds of ``qsm report KIND`` (``evaluation``, ``monitoring`` …): the ``report`` command's
    sub-parsers, made by the first feature module that adds a report, shared by the others."""
    report = subparsers.choices.get("report")
    if report is None:
        report = subparsers.add_parser("report", help="PDF reports")
        report.qsm_kinds = report.add_subparsers(dest="report_kind", metavar="KIND",
                                                 parser_class=subparsers._parser_class)
    return report.qsm_kinds


def build_parser() -> argparse.ArgumentParser:
    """The full ``qsm`` parser with every feature's subcommands registered."""
    parser = _Parser(prog="qsm", description="QSM Desktop command line (服务质量管理办公室)", top_level=True)
    parser.add_argument("--version", action="version", version=f"qsm {__version__}")
    parser.add_argument("--db", metavar="URL", help=_DB_HELP)
    parser.add_argument("--lang", choices=("zh", "en"), help=_LANG_HELP)
    parser.add_argument("--user", metavar="LOGIN", help=_USER_HELP)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p_db = sub.add_parser("db", help="database schema")
    db_sub = p_db.add_subparsers(dest="db_command", metavar="ACTION", parser_class=_Parser)
    p_up = db_sub.add_parser("upgrade", help="create or upgrade the schema, seed reference data")
    p_up.set_defaults(handler=_cmd_db_upgrade)

    p_rate = sub.add_parser("cert-rate", help="certification rates (持证率) on a date")
    p_rate.add_argument("--as-of", required=True, type=parse_date_arg, metavar="DATE")
    p_rate.add_argument("--unit", metavar="CODE", help="org code (default: the whole bank)")
    p_rate.add_argument("--json", action="store_true")
    p_rate.set_defaults(handler=_cmd_cert_rate)

    for name in FEATURE_CLI_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _setup_logging() -> str:
    from qsm_desktop import paths
    from qsm_desktop.privacy import PrivateRotatingFileHandler

    file = paths.user_log_dir() / "qsm.log"
    # readable by the user only, every line with passwords masked (issue 11 §9)
    handler = PrivateRotatingFileHandler(file, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return str(file)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``qsm``; returns the exit status (0 done, 1 refused, 2 usage)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[attr-defined]
        except (AttributeError, ValueError):
            pass
    argv = list(sys.argv[1:] if argv is None else argv)
    # the language must be known before the parser renders messages (--lang anywhere, the last one wins)
    for i, word in enumerate(argv):
        if word == "--lang" and i + 1 < len(argv) and argv[i + 1] in ("zh", "en"):
            set_language(argv[i + 1])
        elif word in ("--lang=zh", "--lang=en"):
            set_language(word[-2:])
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    log_file = _setup_logging()
    try:
        check_common_options(args)
        return int(handler(args) or 0)
    except QsmError as exc:
        from qsm_desktop.privacy import mask_password

        print(mask_password(str(exc)), file=sys.stderr)
        return exc.exit_code
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`qsm … | head -1`): not an error of ours
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes stdout at exit
        return 0
    except Exception as exc:  # a bug: log the traceback, show one sentence
        from qsm_desktop.privacy import mask_password

        log.exception("unexpected error in qsm %s", " ".join(argv))  # masked by the log's formatter
        print(msg("cli.internal", error=mask_password(f"{type(exc).__name__}: {exc}"), log=log_file), file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover - `python -m qsm_desktop.cli`
    # through the package's own module, so that the UsageError the feature modules raise (imported from
    # qsm_desktop.cli) is the one main() catches, not a second copy of this file run as __main__ (exit 2)
    from qsm_desktop.cli import main as _package_main

    sys.exit(_package_main())
