"""``qsm showcase rank | award`` and ``qsm certificates`` — DESIGN.md §7, §5; issue 4.

- ``qsm showcase rank --year Y --level L [--quota N] [--json]``: the applications with final
  scores and ranks; ``--json`` prints ``{"year", "level", "applications": [{"org", "name",
  "final", "valid_sheets", "excluded_sheets", "rank", "declarations"}]}`` (DESIGN §7, with the
  declared figures beside the registers', issue 14); the table without ``--json`` also shows the
  quota line, the outlier flags and, marked ≠, the applications whose declared figures the
  registers do not bear out, with the differences. Conflicted sheets are
  counted in ``excluded_sheets``, never in the score.
- ``qsm showcase award --year Y --level L --quota N [--date D] [--meeting REF] [--choose CODE …]``:
  award the top N; exit 1 naming the tied applications when the quota line falls inside a tie
  (the committee then names the places with ``--choose``).
- ``qsm certificates --year Y --level L -o FILE.pdf [--per-award DIR] [--text-only --offset-x MM
  --offset-y MM]``: print the certificates (every print logged).
- ``qsm certificates verify NUMBER``: valid (exit 0), revoked or unknown (exit 1); a scanned QR
  text (``QSM2007Z001-K7Q2M4XA``, or ``QSMCERT1|…|check`` on certificates printed before
  December 2026) is checked against the office's key too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from qsm_desktop.domain.i18n import msg, register

register({
    "cli.sc.head": ("{year}年{level}示范窗口评审排名（名额 {quota}）", "{year} {level} showcase ranking (quota {quota})"),
    "cli.sc.cols": ("名次|机构代码|申报单位|最终得分|有效|回避|名额线|与登记簿", "Rank|Code|Unit|Final|Valid|Excl.|Line|Registers"),
    "cli.sc.line.within": ("入围", "within"),
    "cli.sc.line.tied": ("并列在线", "tied at line"),
    "cli.sc.line.outside": ("线外", "outside"),
    "cli.sc.line.unscored": ("无有效评分", "no valid sheet"),
    "cli.sc.outliers": ("评分偏离（供评审委员会参考）：", "Scores far from the panel (for the committee):"),
    "cli.sc.outlier": ("  {reviewer}：{org} 总分 {total}，其他专家平均 {mean:.2f}（{z:+.1f} 个标准差）",
                       "  {reviewer}: {org} total {total}, others' mean {mean:.2f} ({z:+.1f} SD)"),
    "cli.sc.declared": ("申报数据与登记簿不一致（≠，供评审委员会参考）：", "Declared figures the registers do not bear out (≠, for the committee):"),
    "cli.sc.declared_line": ("  {org} {name}：{differences}", "  {org} {name}: {differences}"),
    "cli.sc.joiner": ("；", "; "),
    "cli.sc.meeting": ("，{ref}", ", {ref}"),
    "cli.sc.awarded": ("已授予 {n} 个（{date}{meeting}）：", "{n} awarded ({date}{meeting}):"),
    "cli.sc.date_defaulted": (
        "注意：未用 --date 指明决定日期。{year}年度的评选已过去，决定按该年年末（{date}）记录，证书日期为“{printed}”；"
        "证书上优先印评选周期登记的公布日期（“示范窗口”页的“周期设置”）。",
        "Note: no --date was given. The {year} cycle is past, so the decision is recorded at that year's end "
        "({date}) and certificates read '{printed}'; an announcement date recorded for the cycle (Cycle "
        "settings on the Showcase page) is printed instead when there is one."),
    "cli.sc.printed": ("已打印 {n} 份证书：{files}（{pages} 页）", "{n} {n:certificate|certificates} printed: {files} ({pages} {pages:page|pages})"),
    "cli.sc.need_output": ("请用 -o FILE.pdf 或 --per-award DIR 指定输出。", "Give -o FILE.pdf or --per-award DIR."),
    "cli.sc.need_year": ("请用 --year 和 --level 指定要打印的年度和级别。", "Give --year and --level of the awards to print."),
})


_LEVEL_HELP = "branch (分行级) | head-office (总行级) | national (全国级)"
"""The award levels ``--level`` takes (:meth:`AwardLevel.parse`; English help drops the Chinese glosses)."""


def _services(args):
    from qsm_desktop.cli import actor_for, open_services

    return open_services(args), actor_for(args)


def _cmd_rank(args: argparse.Namespace) -> int:
    from qsm_desktop.cli import print_json, print_table

    services, actor = _services(args)
    try:
        ranking = services.showcase.rank(actor, args.year, args.level, quota=args.quota)
    finally:
        services.dispose()
    if args.json:
        print_json(ranking.to_json())
        return 0
    print(msg("cli.sc.head", year=ranking.year, level=ranking.level,
              quota=ranking.quota if ranking.quota is not None else "—"))
    rows = []
    for e in ranking.entries:
        where = msg(f"cli.sc.line.{e.line}") if e.line else ""
        rows.append((e.rank if e.rank is not None else "—", e.org, e.name, "—" if e.final is None else f"{e.final:.2f}",
                     e.valid_sheets, e.excluded_sheets, where, "≠" if e.declarations_differ else ""))
    print_table(msg("cli.sc.cols").split("|"), rows, indent="  ")
    if ranking.outliers:
        print(msg("cli.sc.outliers"))
        for f in ranking.outliers:
            print(msg("cli.sc.outlier", reviewer=f.reviewer, org=f.application, total=f"{f.total.normalize():f}", mean=f.others_mean, z=f.z))
    flagged = [e for e in ranking.entries if e.declarations_differ]
    if flagged:
        from qsm_desktop.domain.showcase import differences_text

        print(msg("cli.sc.declared"))
        for e in flagged:
            print(msg("cli.sc.declared_line", org=e.org, name=e.name, differences=msg("cli.sc.joiner").join(differences_text(e.declarations))))
    return 0


def _cmd_award(args: argparse.Namespace) -> int:
    services, actor = _services(args)
    try:
        awards = services.showcase.award(actor, args.year, args.level, args.quota, decided_on=args.date,
                                         meeting_ref=args.meeting, committee_choice=args.choose)
    finally:
        services.dispose()
    meeting = msg("cli.sc.meeting", ref=awards[0].meeting_ref) if awards and awards[0].meeting_ref else ""
    date = awards[0].awarded_on.isoformat() if awards else ""
    print(msg("cli.sc.awarded", n=len(awards), date=date, meeting=meeting))
    for a in awards:
        print(f"  {a.number}  {a.outlet_code}  {a.outlet_name}  {a.final_score:.2f}" if a.final_score is not None
              else f"  {a.number}  {a.outlet_code}  {a.outlet_name}")
    if awards and args.date is None and awards[0].awarded_on != dt.date.today():
        from qsm_desktop.domain.chinese import chinese_date

        # an old cycle entered after the fact: say which date was recorded, it ends up on the certificates
        print(msg("cli.sc.date_defaulted", date=awards[0].awarded_on.isoformat(), year=args.year,
                  printed=chinese_date(awards[0].awarded_on)), file=sys.stderr)
    return 0


def _cmd_verify(args: argparse.Namespace) -> int:
    from qsm_desktop.cli import print_json

    services, actor = _services(args)
    try:
        result = services.showcase.verify(actor, " ".join(args.number))
    finally:
        services.dispose()
    if getattr(args, "json", False):
        print_json(result.to_json())
    else:
        print(result.message)
    return 0 if result.status == "valid" else 1


def _cmd_certificates(args: argparse.Namespace) -> int:
    if args.year is None or args.level is None:
        print(msg("cli.sc.need_year"), file=sys.stderr)
        return 2
    if not args.output and not args.per_award:
        print(msg("cli.sc.need_output"), file=sys.stderr)
        return 2
    services, actor = _services(args)
    try:
        result = services.showcase.certificates(actor, args.year, args.level, args.output, per_award_dir=args.per_award,
                                                text_only=args.text_only, offset_x_mm=args.offset_x,
                                                offset_y_mm=args.offset_y)
    finally:
        services.dispose()
    if args.json:
        from qsm_desktop.cli import print_json

        print_json({"files": [str(f) for f in result.files], "pages": result.pages, "numbers": list(result.numbers)})
        return 0
    files = ", ".join(str(f) for f in result.files[:3]) + (" …" if len(result.files) > 3 else "")
    print(msg("cli.sc.printed", n=len(result.numbers), files=files, pages=result.pages))
    return 0


def register(subparsers) -> None:
    """Add ``showcase`` (``rank``, ``award``) and ``certificates`` to the ``qsm`` parser."""
    from qsm_desktop.cli import _Parser, parse_date_arg

    p_show = subparsers.add_parser("showcase", help="showcase units (示范窗口): rank, award")
    show_sub = p_show.add_subparsers(dest="showcase_command", metavar="ACTION", parser_class=_Parser)

    p_rank = show_sub.add_parser("rank", help="applications with final scores and ranks (DESIGN §5)")
    p_rank.add_argument("--year", type=int, required=True)
    p_rank.add_argument("--level", required=True, help=_LEVEL_HELP)
    p_rank.add_argument("--quota", type=int, help="show the quota line at N (default: the cycle's quota)")
    p_rank.add_argument("--json", action="store_true")
    p_rank.set_defaults(handler=_cmd_rank)

    p_award = show_sub.add_parser("award", help="award the top N (refuses on a tie at the quota line)")
    p_award.add_argument("--year", type=int, required=True)
    p_award.add_argument("--level", required=True, help=_LEVEL_HELP)
    p_award.add_argument("--quota", type=int, required=True)
    p_award.add_argument("--date", type=parse_date_arg, help="decision date (default: today)")
    p_award.add_argument("--meeting", help="meeting reference of the decision (会议纪要文号)")
    p_award.add_argument("--choose", nargs="+", metavar="CODE",
                         help="at a tie on the quota line: the outlet codes the committee chose")
    p_award.set_defaults(handler=_cmd_award)

    p_cert = subparsers.add_parser("certificates", help="print award certificates; 'verify NUMBER' checks one")
    cert_sub = p_cert.add_subparsers(dest="certificates_command", metavar="verify", parser_class=_Parser)
    p_verify = cert_sub.add_parser("verify", help="valid, revoked or unknown: a certificate number or a scanned QR text")
    p_verify.add_argument("number", nargs="+", metavar="NUMBER")
    # SUPPRESS: an absent --json here must not reset one given before 'verify'
    p_verify.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    p_verify.set_defaults(handler=_cmd_verify)
    p_cert.add_argument("--year", type=int)
    p_cert.add_argument("--level", help=_LEVEL_HELP)
    p_cert.add_argument("-o", "--output", metavar="FILE.pdf")
    p_cert.add_argument("--per-award", metavar="DIR", help="also write one PDF per award into DIR")
    p_cert.add_argument("--text-only", action="store_true", help="only the variable text, for pre-printed paper")
    p_cert.add_argument("--offset-x", type=float, default=0.0, metavar="MM", help="text-only: shift right (mm)")
    p_cert.add_argument("--offset-y", type=float, default=0.0, metavar="MM", help="text-only: shift down (mm)")
    p_cert.add_argument("--json", action="store_true")
    p_cert.set_defaults(handler=_cmd_certificates)
