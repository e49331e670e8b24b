"""``qsm monitoring``, ``qsm capa`` and ``qsm complaints`` — the improvement loop on the command line
(issue 13, DESIGN §7, §8, §9).

- ``qsm monitoring scores --period P [--unit CODE] [--json]``: mystery-visit scores (§8.2),
  provisional until the quarter is finalised. JSON ``{"period", "final", "units": [{"code", "name",
  "type", "visits", "score"}]}`` — the bank as unit ``000000``, then branches, then outlets.
- ``qsm monitoring appeals --period P [--unit CODE] [--json]``: the quarter's appeals. JSON
  ``{"period", "final", "appeals": [{"visit", "item", "org", "branch", "reason", "contact", "status",
  "decision", "original", "score", "decision_reason", "decided_by", "decided_at"}]}``.
- ``qsm monitoring decide VISIT ITEM (--uphold [--score N] | --reject) [--reason TEXT]`` (§8.3).
- ``qsm monitoring finalise --period P [--json]``: refused while an appeal is undecided; freezes the
  scores, raises findings and actions (§8.4).
- ``qsm capa list [--period P] [--unit CODE] [--json]``: ``{"actions": [{"number", "source", "type",
  "reason", "org", "item", "visit", "period", "due", "status", "completed", "verified"}]}``.
- ``qsm capa verify NUMBER (--effective | --ineffective) [--date D]`` (§8.5).
- ``qsm capa status --as-of D [--unit CODE] [--json]``: ``{"as_of", "units": [{"code", "name", "due",
  "on_time", "overdue", "open", "on_time_rate"}]}`` — the unit (default the bank), then its branches.
- ``qsm report monitoring --period P [--unit CODE] [--as-of D] -o FILE.pdf``: the quarterly monitoring
  report (issue 13 Deliver 7) of the bank, or of one branch with ``--unit``; complaint and action
  figures as of ``--as-of`` (default: the quarter's last day once the quarter is over, else today —
  ``services.monitoring.report.default_as_of``; a note on stderr names the date used); ``--lang en``
  for English.
- ``qsm complaints stats --period P [--as-of D] [--unit CODE] [--json]``: ``{"period", "as_of",
  "units": [{"code", "name", "received", "valid", "regulator", "closed", "on_time", "overdue",
  "pending", "on_time_rate"}]}`` — branches (客户投诉 of the subtree), then head-office departments
  (内部投诉 against them); ``--as-of`` defaults to today.

Exit status 0 done, 1 refused (the reason printed), 2 usage error; ``--db`` is accepted after the
sub-command too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from qsm_desktop.domain.i18n import has, msg, register
from qsm_desktop.domain.names import shown

register({
    "cli.mon.provisional": ("（暂定：本季度尚未定稿，申诉裁决后定稿）", "(provisional: the quarter is not finalised yet)"),
    "cli.mon.final": ("（已定稿）", "(final)"),
    "cli.mon.scores_head": ("神秘访客得分 {period}{state}", "Mystery-visit scores {period} {state}"),
    "cli.mon.cols": ("机构代码|机构名称|类型|暗访次数|得分", "Code|Name|Type|Visits|Score"),
    "cli.mon.appeals_head": ("申诉 {period}：{count} 项，待裁决 {open} 项{state}",
                             "Appeals {period}: {count}, {open} undecided {state}"),
    "cli.mon.appeal_cols": ("暗访编号|项目|网点|原得分|状态|裁决得分", "Visit|Item|Outlet|Original|Status|Score"),
    "cli.mon.decided": ("已裁决：{visit} {item} {status}{score}", "Decided: {visit} {item} {status}{score}"),
    "cli.mon.finalised": ("{period}已定稿：{visits} 次暗访，全行得分 {bank}；发现问题 {findings} 项，下达整改 {actions} 项",
                          "{period} finalised: {visits} {visits:visit|visits}, bank score {bank}; {findings} {findings:finding|findings}, {actions} {actions:action|actions}"),
    "cli.capa.cols": ("整改编号|原因|类型|机构|项目|计划完成|状态|实际完成",
                      "Number|Reason|Type|Unit|Item|Due|Status|Completed"),
    "cli.capa.reason.critical": ("关键项失分", "critical item lost points"),
    "cli.capa.reason.repeat": ("重复失分", "lost two quarters running"),
    "cli.capa.reason.systemic": ("系统性问题", "lost at 3+ outlets of the branch"),
    "cli.capa.reason.complaint_repeat": ("重复投诉", "repeat complaints"),
    "cli.capa.type.corrective": ("纠正", "corrective"),
    "cli.capa.type.preventive": ("预防", "preventive"),
    "cli.mon.as_of_default": (
        "注意：未用 --as-of 指定日期，投诉和整改数据（含逾期天数）计至本季度最后一天 {date}；报告首页和每页页眉印有此日期。"
        "如需计至其他日期（如季度结束后30天或今天），请用 --as-of。",
        "Note: no --as-of was given, so the complaint and action figures (days late included) are counted to "
        "the quarter's last day, {date}; the report states that date on its first page and every page's header. "
        "Give --as-of to count to another date (e.g. 30 days after the quarter, or today)."),
    "cli.capa.none": ("（没有符合条件的整改措施）", "(no actions)"),
    "cli.capa.verified": ("已验证：{number} → {status}", "Verified: {number} → {status}"),
    "cli.capa.status_head": ("整改按期完成情况（截至 {as_of}）", "Actions on time (as of {as_of})"),
    "cli.capa.status_cols": ("机构代码|机构名称|到期|按期|逾期|未关闭|按期完成率%",
                             "Code|Name|Due|On time|Overdue|Open|On-time rate %"),
    "cli.cmp.head": ("投诉统计 {period}（截至 {as_of}）", "Complaints {period} (as of {as_of})"),
    "cli.cmp.cols": ("机构代码|机构名称|受理|有效|监管转送|办结|按时|逾期|未到期|及时率%",
                     "Code|Name|Received|Valid|Regulator|Closed|On time|Overdue|Pending|On-time %"),
})


def _term(kind: str, code: str) -> str:
    """An action's ``reason`` or ``type`` code (``critical``, ``corrective``) in words of the language."""
    key = f"cli.capa.{kind}.{code}"
    return msg(key) if has(key) else code


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _table(titles: str, rows: list[tuple]) -> None:
    from qsm_desktop.cli import print_table

    print_table(titles.split("|"), rows)


def _run(args: argparse.Namespace, call):
    from qsm_desktop.cli import actor_for, open_services

    services = open_services(args)
    try:
        return call(services, actor_for(args))
    finally:
        services.dispose()


# ------------------------------------------------------------------------------------------ monitoring

def _cmd_scores(args: argparse.Namespace) -> int:
    from qsm_desktop.cli import print_json

    report = _run(args, lambda s, a: s.monitoring.scores(a, args.period, args.unit))
    if args.json:
        print_json(report.to_json())
        return 0
    state = msg("cli.mon.final") if report.final else msg("cli.mon.provisional")
    print(msg("cli.mon.scores_head", period=report.period, state=state))
    _table(msg("cli.mon.cols"), [(u.code, u.name, shown(u.type), u.visits, _fmt(u.score)) for u in report.units])
    return 0


def _cmd_appeals(args: argparse.Namespace) -> int:
    from qsm_desktop.cli import print_json

    def call(services, actor):
        return services.monitoring.appeals(actor, args.period, args.unit), services.monitoring.is_final(args.period)

    appeals, final = _run(args, call)
    if args.json:
        from qsm_desktop.services.improvement import quarter

        print_json({"period": quarter(args.period), "final": final, "appeals": [a.to_json() for a in appeals]})
        return 0
    state = msg("cli.mon.final") if final else msg("cli.mon.provisional")
    print(msg("cli.mon.appeals_head", period=args.period, count=len(appeals),
              open=sum(1 for a in appeals if a.status == "open"), state=state))
    _table(msg("cli.mon.appeal_cols"), [(a.visit_no, a.item_code, a.outlet, _fmt(a.original), shown(a.status_name),
                                         _fmt(a.score)) for a in appeals])
    return 0


def _cmd_decide(args: argparse.Namespace) -> int:
    from qsm_desktop.domain.monitoring import Decision

    decision = Decision.UPHOLD if args.uphold else Decision.REJECT
    info = _run(args, lambda s, a: s.monitoring.decide(a, args.visit, args.item, decision, score=args.score,
                                                       reason=args.reason))
    print(msg("cli.mon.decided", visit=info.visit_no, item=info.item_code, status=info.status_name,
              score=f" {_fmt(info.score)}" if info.score is not None else ""))
    return 0


def _cmd_finalise(args: argparse.Namespace) -> int:
    from qsm_desktop.cli import print_json

    result = _run(args, lambda s, a: s.monitoring.finalise(a, args.period))
    if args.json:
        print_json(result.to_json())
        return 0
    print(msg("cli.mon.finalised", period=result.period, visits=result.visits, bank=_fmt(result.bank),
              findings=sum(sum(c.values()) for c in result.findings.values()), actions=len(result.actions)))
    return 0


# ------------------------------------------------------------------------------------------ capa

def _cmd_capa_list(args: argparse.Namespace) -> int:
    from qsm_desktop.cli import print_json

    actions = _run(args, lambda s, a: s.capa.list(a, period=args.period, unit_code=args.unit))
    if args.json:
        print_json({"actions": [a.to_json() for a in actions]})
        return 0
    if not actions:
        print(msg("cli.capa.none"))
        return 0
    _table(msg("cli.capa.cols"), [(a.number, _term("reason", a.reason), _term("type", a.type), a.org, a.item or "-",
                                   a.due.isoformat(), shown(a.status), a.completed.isoformat() if a.completed else "-")
                                  for a in actions])
    return 0


def _cmd_capa_verify(args: argparse.Namespace) -> int:
    info = _run(args, lambda s, a: s.capa.verify(a, args.number, args.effective, on=args.date))
    print(msg("cli.capa.verified", number=info.number, status=info.status))
    return 0


def _cmd_capa_status(args: argparse.Namespace) -> int:
    from qsm_desktop.cli import print_json

    report = _run(args, lambda s, a: s.capa.status(a, args.as_of, args.unit))
    if args.json:
        print_json(report.to_json())
        return 0
    print(msg("cli.capa.status_head", as_of=report.as_of.isoformat()))
    _table(msg("cli.capa.status_cols"), [(u.code, u.name, u.figures.due, u.figures.on_time, u.figures.overdue,
                                          u.figures.open, _fmt(u.figures.on_time_rate)) for u in report.units])
    return 0


# ------------------------------------------------------------------------------------------ complaints

def _cmd_complaints_stats(args: argparse.Namespace) -> int:
    from qsm_desktop.cli import print_json

    as_of = args.as_of or dt.date.today()
    stats = _run(args, lambda s, a: s.complaints.stats(a, args.period, as_of, args.unit))
    if args.json:
        print_json(stats.to_json())
        return 0
    print(msg("cli.cmp.head", period=stats.period, as_of=stats.as_of.isoformat()))
    _table(msg("cli.cmp.cols"), [(u.code, u.name, f.received, f.valid, f.regulator, f.closed, f.on_time, f.overdue,
                                  f.pending, _fmt(f.on_time_rate)) for u in stats.units for f in (u.figures,)])
    return 0


# ------------------------------------------------------------------------------------------ report

def _cmd_report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from qsm_desktop import cli_evaluation  # noqa: F401  (the report commands' sentences)
    from qsm_desktop.domain.i18n import get_language, os_error_text

    out = Path(args.output)
    if out.is_dir() or args.output.endswith(("/", "\\")):
        print(msg("cli.report.output_folder", file=args.output), file=sys.stderr)
        return 2
    if out.suffix.lower() != ".pdf":
        print(msg("cli.report.output_not_pdf", file=args.output), file=sys.stderr)
        return 2

    def call(services, actor):
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            return services.monitoring.build_report(actor, args.period, out, unit_code=args.unit, as_of=args.as_of,
                                                    language=get_language())
        except OSError as exc:
            return exc

    result = _run(args, call)
    if isinstance(result, OSError):
        print(msg("cli.report.cannot_write", file=out, reason=os_error_text(result)), file=sys.stderr)
        return 1
    print(msg("cli.report.written", file=out, pages=result.pages, seconds=result.seconds))
    _note_as_of(args.period, args.as_of)
    return 0


def _note_as_of(period: str, as_of: dt.date | None) -> None:
    """Say on stderr to which date a past quarter's complaint and action figures (days late) were
    counted when ``--as-of`` was not given: the quarter's last day (DESIGN §8.5, §9.2: figures are
    as of a date; :func:`~qsm_desktop.services.monitoring.report.default_as_of`). Nothing for a
    quarter still running (counted to today) or when ``--as-of`` was given."""
    from qsm_desktop.domain.normalise import period_end

    if as_of is not None:
        return
    try:
        end = period_end(period)
    except ValueError:
        return
    if end < dt.date.today():
        print(msg("cli.mon.as_of_default", date=end.isoformat()), file=sys.stderr)


# ------------------------------------------------------------------------------------------ parser

def _common(parser: argparse.ArgumentParser, *, json: bool = True) -> None:
    # --db and --lang after the sub-command come with cli._Parser itself
    if json:
        parser.add_argument("--json", action="store_true", help="print one JSON document")


def register(subparsers) -> None:
    """Add ``monitoring``, ``capa`` and ``complaints`` to the ``qsm`` parser."""
    from qsm_desktop.cli import _Parser, parse_date_arg

    mon = subparsers.add_parser("monitoring", help="mystery visits: scores, appeals, finalising (服务质量监测, §8)")
    mon_sub = mon.add_subparsers(dest="monitoring_command", metavar="ACTION", parser_class=_Parser)
    p = mon_sub.add_parser("scores", help="visit, outlet, branch and bank scores of a quarter (§8.2)")
    p.add_argument("--period", required=True, metavar="P", help="quarter, e.g. 2007Q4")
    p.add_argument("--unit", metavar="CODE", help="a unit and its subtree (default: the whole bank)")
    _common(p)
    p.set_defaults(handler=_cmd_scores)
    p = mon_sub.add_parser("appeals", help="the quarter's appeals and decisions (§8.3)")
    p.add_argument("--period", required=True, metavar="P")
    p.add_argument("--unit", metavar="CODE", help="one branch's appeals")
    _common(p)
    p.set_defaults(handler=_cmd_appeals)
    p = mon_sub.add_parser("decide", help="uphold or reject an appeal (head office, §8.3)")
    p.add_argument("visit", metavar="VISIT", help="visit number (暗访编号)")
    p.add_argument("item", metavar="ITEM", help="item code (项目代码), e.g. GM-04")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--uphold", action="store_true", help="the item gets full points (or --score)")
    which.add_argument("--reject", action="store_true", help="the deduction stands (needs --reason)")
    p.add_argument("--score", type=float, metavar="N", help="the score an upheld appeal sets (default: full points)")
    p.add_argument("--reason", metavar="TEXT", help="the decision's reason (required to reject)")
    _common(p, json=False)
    p.set_defaults(handler=_cmd_decide)
    p = mon_sub.add_parser("finalise", help="close a quarter: freeze scores, raise findings and actions (§8.4)")
    p.add_argument("--period", required=True, metavar="P")
    _common(p)
    p.set_defaults(handler=_cmd_finalise)

    capa = subparsers.add_parser("capa", help="corrective and preventive actions (纠正预防措施, §8.5)")
    capa_sub = capa.add_subparsers(dest="capa_command", metavar="ACTION", parser_class=_Parser)
    p = capa_sub.add_parser("list", help="the actions register")
    p.add_argument("--period", metavar="P", help="the quarter that raised them")
    p.add_argument("--unit", metavar="CODE", help="actions owned in this unit's subtree")
    _common(p)
    p.set_defaults(handler=_cmd_capa_list)
    p = capa_sub.add_parser("verify", help="verify an action: effective → closed, ineffective → back to work")
    p.add_argument("number", metavar="NUMBER", help="action number (整改编号), e.g. ZG2007-0001")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--effective", dest="effective", action="store_true")
    which.add_argument("--ineffective", dest="effective", action="store_false")
    p.add_argument("--date", type=parse_date_arg, metavar="D", help="verification date (default: today)")
    _common(p, json=False)
    p.set_defaults(handler=_cmd_capa_verify)
    p = capa_sub.add_parser("status", help="due, on time, overdue, open and the on-time rate as of a date")
    p.add_argument("--as-of", required=True, type=parse_date_arg, metavar="D")
    p.add_argument("--unit", metavar="CODE", help="a unit (default: the bank), then its branches")
    _common(p)
    p.set_defaults(handler=_cmd_capa_status)

    from qsm_desktop.cli import report_kinds

    p = report_kinds(subparsers).add_parser(
        "monitoring", help="quarterly monitoring report (服务质量监测季度报告): the bank, or one branch")
    p.add_argument("--period", required=True, metavar="P", help="quarter, e.g. 2007Q4")
    p.add_argument("--unit", metavar="CODE", help="one branch's report instead of the bank's")
    p.add_argument("--as-of", type=parse_date_arg, metavar="D", help="date of the complaint and action figures "
                   "(default: the quarter's last day once it is over, else today)")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    p.set_defaults(handler=_cmd_report)

    cmp_ = subparsers.add_parser("complaints", help="complaint figures (投诉, §9)")
    cmp_sub = cmp_.add_subparsers(dest="complaints_command", metavar="ACTION", parser_class=_Parser)
    p = cmp_sub.add_parser("stats", help="received, valid, regulator, closed, on time, overdue, pending (§9.2)")
    p.add_argument("--period", required=True, metavar="P")
    p.add_argument("--as-of", type=parse_date_arg, metavar="D", help="default: today")
    p.add_argument("--unit", metavar="CODE", help="a branch (its subtree) or a head-office department")
    _common(p)
    p.set_defaults(handler=_cmd_complaints_stats)
