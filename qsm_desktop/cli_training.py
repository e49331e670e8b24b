"""``qsm training-coverage`` and ``qsm training-report`` — training records on the command line (issue 6).

- ``qsm training-coverage --year Y [--unit CODE] [--json]``: coverage by training category of the
  unit's subtree for the calendar year Y (staff on the roster on 31 December, courses that ended
  in Y), and C03 (服务意识 or 服务规范). JSON: ``{"year", "unit", "staff", "categories":
  {CATEGORY: {"attended", "coverage"}}, "C03"}`` — coverage and C03 percent 0–100 (None when
  the subtree has no staff).
- ``qsm training-report --year Y [--unit CODE] -o FILE.xlsx``: the training workbook (coverage by
  unit with its chart, courses with reaction and learning, certification effect, staff never
  trained on service norms).
"""

from __future__ import annotations

import argparse
import datetime as dt

from qsm_desktop.domain.i18n import get_language, msg, register
from qsm_desktop.domain.training import category_name

register({
    "cli.training.head": ("培训覆盖率 {unit} {name}，{start} 至 {as_of}，在岗 {staff} 人",
                          "Training coverage {unit} {name}, {start} to {as_of}, {staff} staff on the roster"),
    "cli.training.category": ("培训类别", "Category"),
    "cli.training.attended": ("参训人数", "Attended"),
    "cli.training.coverage": ("覆盖率%", "Coverage %"),
    "cli.training.c03": ("C03 服务规范培训覆盖率（服务意识或服务规范）", "C03 (service awareness or norms)"),
    "cli.training.any": ("参加任一培训", "Any course"),
    "cli.training.more": ("人均学时 {hours}；考核合格率 {pass_rate}；平均满意度 {satisfaction}（1–5）",
                          "Hours per head {hours}; pass rate {pass_rate}; mean satisfaction {satisfaction} (1–5)"),
    "cli.training.written": ("已导出培训统计：{file}", "Training report written: {file}"),
    "cli.training.year": ("年份“{value}”无效，请写成如 2007 的四位年份", "year '{value}' is not valid; write a year like 2007"),
})


def _year(value: str) -> int:
    try:
        year = int(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(msg("cli.training.year", value=value)) from None
    if not 1900 <= year <= 2100:
        raise argparse.ArgumentTypeError(msg("cli.training.year", value=value))
    return year


def _fmt(value: float | None, suffix: str = "") -> str:
    return "-" if value is None else f"{value:.2f}{suffix}"


def _cmd_coverage(args: argparse.Namespace) -> int:
    from qsm_desktop.cli import actor_for, open_services, print_json, print_table

    services = open_services(args)
    try:
        figures = services.training.figures(actor_for(args), args.unit, dt.date(args.year, 12, 31))
    finally:
        services.dispose()
    if args.json:
        print_json(figures.to_json())
        return 0
    lang = get_language()
    print(msg("cli.training.head", unit=figures.unit, name=figures.unit_name, start=figures.start.isoformat(),
              as_of=figures.as_of.isoformat(), staff=figures.staff))
    rows = [(category_name(name, lang), c.attended, _fmt(c.coverage)) for name, c in figures.categories.items()]
    rows.append((msg("cli.training.c03"), figures.c03.attended, _fmt(figures.c03.coverage)))
    rows.append((msg("cli.training.any"), figures.trained.attended, _fmt(figures.trained.coverage)))
    print_table((msg("cli.training.category"), msg("cli.training.attended"), msg("cli.training.coverage")), rows)
    print(msg("cli.training.more", hours=_fmt(figures.hours_per_head), pass_rate=_fmt(figures.pass_rate, "%"),
              satisfaction=_fmt(figures.satisfaction)))
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from qsm_desktop.cli import actor_for, open_services

    services = open_services(args)
    try:
        path = services.training.export(actor_for(args), args.unit, dt.date(args.year, 12, 31), args.output,
                                        language=get_language())
    finally:
        services.dispose()
    print(msg("cli.training.written", file=path))
    return 0


def register(subparsers) -> None:
    """Add ``training-coverage`` and ``training-report`` to the ``qsm`` parser."""
    p = subparsers.add_parser("training-coverage", help="training coverage by category and C03 (培训覆盖率)")
    p.add_argument("--year", required=True, type=_year, metavar="Y", help="calendar year, e.g. 2007")
    p.add_argument("--unit", metavar="CODE", help="org code (default: the whole bank)")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.set_defaults(handler=_cmd_coverage)

    p = subparsers.add_parser("training-report", help="export the training figures to Excel (培训统计)")
    p.add_argument("--year", required=True, type=_year, metavar="Y")
    p.add_argument("--unit", metavar="CODE", help="org code (default: the whole bank)")
    p.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    p.set_defaults(handler=_cmd_report)
