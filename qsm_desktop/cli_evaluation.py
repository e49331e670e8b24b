"""``qsm evaluate``, ``qsm report evaluation`` and ``qsm indicator-system`` — DESIGN.md §7, §4.

- ``qsm evaluate --period P [--json] [--publish [--accept-incomplete] [--note TEXT]]``: compute the
  quarter's scores and ranks (stored as a draft; a published quarter is shown as frozen) and print
  them; ``--json`` prints exactly ``{"period", "units": [{"code", "name", "type", "total", "grade",
  "rank", "indicators": [{"code", "value", "points"}]}]}``. Missing inputs go to stderr. With
  ``--publish`` the quarter is published (refused, exit 1, when incomplete unless
  ``--accept-incomplete``).
- ``qsm report evaluation --period P [--unit CODE] -o FILE.pdf``: the bank-wide report, or one
  unit's report with ``--unit``; ``--all-units DIR`` writes every unit's report (and the bank-wide
  one) into DIR.
- ``qsm indicator-system list | export ID -o FILE | import FILE``: the stored versions; TOML (or
  ``.xlsx``) out and in (an import is always a new version; every problem listed when refused).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from qsm_desktop.domain.i18n import get_language, msg, register

register({
    "cli.eval.head": ("{period} 综合评价（{system}，{status}）", "{period} evaluation ({system}, {status})"),
    "cli.eval.status.draft": ("草稿，未发布", "draft, not published"),
    "cli.eval.status.published": ("已发布", "published"),
    "cli.eval.status.accepted": ("已按不完整数据发布", "published as incomplete"),
    "cli.eval.type": ("【{type}】", "[{type}]"),
    "cli.eval.cols": ("名次|代码|单位|总分|等级|环比", "Rank|Code|Unit|Total|Grade|Change"),
    "cli.eval.missing": ("缺少的数据（{n} 项），这些单位不评等级、不排名：", "Missing inputs ({n}); these units get no grade and no rank:"),
    "cli.eval.published": ("{period} 已发布（冻结）。", "{period} is published (frozen)."),
    "cli.report.written": ("已生成报告：{file}（{pages} 页，{seconds:.1f} 秒）",
                           "Report written: {file} ({pages} {pages:page|pages}, {seconds:.1f} s)"),
    "cli.report.batch": ("已生成 {n} 份单位报告和全行报告：{folder}（{seconds:.1f} 秒）",
                         "{n} unit reports and the bank-wide report written to {folder} ({seconds:.1f} s)"),
    "cli.report.bank_wide": ("全行报告", "bank-wide report"),
    "cli.report.need_output": ("请用 -o FILE.pdf 指定输出文件，或用 --all-units DIR 指定文件夹。",
                               "Give an output file with -o FILE.pdf, or a folder with --all-units DIR."),
    "cli.report.output_folder": ("“{file}”是一个文件夹。请用 -o 写出PDF文件名（如 {file}/2007Q4综合评价报告.pdf），"
                                 "或用 --all-units {file} 把各单位的报告写入该文件夹。",
                                 "'{file}' is a folder. Give a PDF file name with -o (e.g. {file}/2007Q4-report.pdf), "
                                 "or write every unit's report into it with --all-units {file}."),
    "cli.report.output_not_pdf": ("输出文件“{file}”不是PDF文件名。报告是PDF，请写成以 .pdf 结尾的文件名，如 2007Q4综合评价报告.pdf。",
                                  "The output '{file}' is not a PDF file name. The report is a PDF: give a name ending "
                                  "in .pdf, e.g. 2007Q4-report.pdf."),
    "cli.report.all_units_file": ("“{folder}”是一个文件，不是文件夹。请用 --all-units 指定一个文件夹。",
                                  "'{folder}' is a file, not a folder. Give --all-units a folder."),
    "cli.report.cannot_write": ("无法写出报告“{file}”：{reason}。请检查文件夹和访问权限，文件在其他程序中打开时请先关闭。",
                                "Cannot write the report '{file}': {reason}. Check the folder and your access rights; "
                                "close the file if another program has it open."),
    "cli.system.saved": ("已保存为新版本：{label}（编号 {id}，{effective} 起施行）",
                         "Saved as a new version: {label} (id {id}, in force from {effective})"),
    "cli.system.exported": ("已导出：{file}", "Exported: {file}"),
    "cli.system.cols": ("编号|名称|版本|施行日期|已评分期|创建人|创建日期",
                        "Id|Name|Version|In force from|Scored periods|Created by|Created on"),
    "cli.system.shipped": ("随程序安装", "installed with the program"),
})


def _services(args):
    from qsm_desktop.cli import actor_for, open_services

    return open_services(args), actor_for(args)


def _signed(value: float | None) -> str:
    if value is None:
        return "—"
    text = f"{value:+.2f}"
    return "0.00" if text in ("+0.00", "-0.00") else text


def _print_result(result) -> None:
    from qsm_desktop.cli import print_table
    from qsm_desktop.domain.names import shown
    from qsm_desktop.domain.normalise import period_label

    if result.published:
        status = msg("cli.eval.status.accepted" if result.accepted_incomplete else "cli.eval.status.published")
    else:
        status = msg("cli.eval.status.draft")
    print(msg("cli.eval.head", period=period_label(result.period), system=result.system.shown_label(), status=status))
    cols = msg("cli.eval.cols").split("|")
    for unit_type in result.system.unit_types():
        units = result.scores.of_type(unit_type)
        if not units:
            continue
        print(msg("cli.eval.type", type=unit_type))
        print_table(cols, [(u.rank if u.rank is not None else "—", u.code, u.name, f"{u.total:.2f}",
                            shown(u.grade) if u.grade else "—", _signed(u.change)) for u in units], indent="  ")
    lines = result.problem_lines()
    if lines:
        print(msg("cli.eval.missing", n=len(lines)), file=sys.stderr)
        for text in lines:
            print(f"  {text}", file=sys.stderr)


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from qsm_desktop.cli import print_json

    services, actor = _services(args)
    try:
        if args.publish:
            result = services.evaluation.publish(actor, args.period, accept_incomplete=args.accept_incomplete,
                                                 note=args.note)
        else:
            result = services.evaluation.evaluate(actor, args.period)
    finally:
        services.dispose()
    if args.json:
        print_json(result.to_json())
        lines = result.problem_lines()
        for text in lines:
            print(text, file=sys.stderr)
    else:
        _print_result(result)
        if args.publish:
            print(msg("cli.eval.published", period=result.period))
    return 0


def _output_problem(args: argparse.Namespace) -> str | None:
    """Why ``-o``/``--all-units`` cannot be written, as a sentence (issue 11 §10), or ``None``."""
    if args.output:
        out = Path(args.output)
        if out.is_dir() or args.output.endswith(("/", "\\")):
            return msg("cli.report.output_folder", file=args.output)
        if out.suffix.lower() != ".pdf":
            return msg("cli.report.output_not_pdf", file=args.output)
    if args.all_units and Path(args.all_units).exists() and not Path(args.all_units).is_dir():
        return msg("cli.report.all_units_file", folder=args.all_units)
    return None


def _cmd_report_evaluation(args: argparse.Namespace) -> int:
    if not args.output and not args.all_units:
        print(msg("cli.report.need_output"), file=sys.stderr)
        return 2
    problem = _output_problem(args)
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    services, actor = _services(args)
    language = get_language()
    try:
        evaluation = services.evaluation
        if args.all_units:
            tty = sys.stderr.isatty()

            def progress(done: int, total: int, code: str) -> None:
                # on a terminal one line rewritten, else a line per report (a log keeps them all)
                name = code or msg("cli.report.bank_wide")
                start, end = ("\r", "") if tty else ("", "\n")
                print(f"{start}[{done}/{total}] {name}", end=end, file=sys.stderr, flush=True)

            batch = evaluation.build_unit_reports(actor, args.period, args.all_units, progress=progress,
                                                  language=language, with_period_report=True)
            if tty:
                print(file=sys.stderr)
            print(msg("cli.report.batch", n=len(batch.reports), folder=args.all_units, seconds=batch.seconds))
        if args.output:
            out = Path(args.output)
            try:
                out.parent.mkdir(parents=True, exist_ok=True)
                if args.unit:
                    result = evaluation.build_unit_report(actor, args.period, args.unit, out, language=language)
                else:
                    result = evaluation.build_period_report(actor, args.period, out, language=language)
            except OSError as exc:
                from qsm_desktop.domain.i18n import os_error_text

                print(msg("cli.report.cannot_write", file=out, reason=os_error_text(exc)), file=sys.stderr)
                return 1
            print(msg("cli.report.written", file=out, pages=result.pages, seconds=result.seconds))
    finally:
        services.dispose()
    return 0


def _cmd_system_list(args: argparse.Namespace) -> int:
    from qsm_desktop.cli import print_json, print_table

    services, actor = _services(args)
    try:
        systems = services.evaluation.systems(actor)
    finally:
        services.dispose()
    if args.json:
        print_json({"systems": [{"id": s.id, "name": s.name, "version": s.version,
                                 "effective_from": s.effective_from.isoformat(), "periods": list(s.periods),
                                 "published": list(s.published_periods), "based_on": s.based_on_id,
                                 "created_by": s.created_by, "created_at": s.created_at.isoformat()} for s in systems]})
        return 0
    from qsm_desktop.domain.names import shown, shown_version
    from qsm_desktop.store.indicator_systems import SEED_USER

    rows = []
    for s in systems:
        periods = ", ".join(s.periods[-4:]) + ("…" if len(s.periods) > 4 else "")
        creator = msg("cli.system.shipped") if s.created_by == SEED_USER else s.created_by
        rows.append((s.id, shown(s.name), shown_version(s.version), s.effective_from.isoformat(), periods or "—",
                     creator, f"{s.created_at:%Y-%m-%d}"))
    print_table(msg("cli.system.cols").split("|"), rows)
    return 0


def _cmd_system_export(args: argparse.Namespace) -> int:
    services, actor = _services(args)
    try:
        system_id = args.id if args.id is not None else services.evaluation.active_system(actor).info.id
        path = services.evaluation.export_system(actor, system_id, args.output)
    finally:
        services.dispose()
    print(msg("cli.system.exported", file=path))
    return 0


def _cmd_system_import(args: argparse.Namespace) -> int:
    services, actor = _services(args)
    try:
        info = services.evaluation.import_system(actor, args.file, note=args.note)
    finally:
        services.dispose()
    print(msg("cli.system.saved", label=info.label, id=info.id, effective=info.effective_from.isoformat()))
    return 0


def register(subparsers) -> None:
    """Add ``evaluate``, ``report evaluation`` and ``indicator-system`` to the ``qsm`` parser."""
    p = subparsers.add_parser("evaluate", help="compute scores and ranks of a quarter (综合评价, DESIGN §4)")
    p.add_argument("--period", required=True, metavar="P", help="quarter, e.g. 2007Q4")
    p.add_argument("--json", action="store_true", help="print one JSON document (DESIGN §7)")
    p.add_argument("--publish", action="store_true", help="publish (freeze) the quarter's results")
    p.add_argument("--accept-incomplete", action="store_true",
                   help="with --publish: publish although inputs are missing (the office's decision)")
    p.add_argument("--note", metavar="TEXT", help="with --publish: why (kept with the publication)")
    p.set_defaults(handler=_cmd_evaluate)

    from qsm_desktop.cli import report_kinds

    r = report_kinds(subparsers).add_parser("evaluation", help="evaluation report (综合评价报告): bank-wide, or one unit")
    r.add_argument("--period", required=True, metavar="P", help="quarter, e.g. 2007Q4")
    r.add_argument("--unit", metavar="CODE", help="one unit's report instead of the bank-wide one")
    r.add_argument("-o", "--output", metavar="FILE.pdf")
    r.add_argument("--all-units", metavar="DIR", help="write every unit's report and the bank-wide one into DIR")
    r.set_defaults(handler=_cmd_report_evaluation)

    s = subparsers.add_parser("indicator-system", help="indicator systems (指标体系): list, export, import")
    s_sub = s.add_subparsers(dest="system_command", metavar="ACTION", parser_class=subparsers._parser_class)
    s_list = s_sub.add_parser("list", help="stored versions")
    s_list.add_argument("--json", action="store_true")
    s_list.set_defaults(handler=_cmd_system_list)
    s_export = s_sub.add_parser("export", help="write a version as TOML (or .xlsx)")
    s_export.add_argument("id", nargs="?", type=int, help="version id (default: the one in force today)")
    s_export.add_argument("-o", "--output", required=True, metavar="FILE")
    s_export.set_defaults(handler=_cmd_system_export)
    s_import = s_sub.add_parser("import", help="read a TOML (or .xlsx) file as a new version")
    s_import.add_argument("file", metavar="FILE")
    s_import.add_argument("--note", metavar="TEXT")
    s_import.set_defaults(handler=_cmd_system_import)
