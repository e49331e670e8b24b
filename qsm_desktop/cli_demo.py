"""``qsm demo`` — fill an empty database with a synthetic bank through the importers (DESIGN §7)."""

from __future__ import annotations

import argparse
import sys

from qsm_desktop.domain.i18n import msg, register

register({
    "demo.done": ("演示数据已生成：{units} 个机构，{staff} 名员工，{files} 份报表（{period}）。",
                  "Demo data ready: {units} org units, {staff} staff, {files} returns ({period})."),
    "demo.reused": ("此数据库已是演示库，无需再生成。", "This database already holds the demo; nothing to do."),
    "demo.kept": ("演示报表保存在：{folder}", "The demo returns are in: {folder}"),
})


def _cmd_demo(args: argparse.Namespace) -> int:
    from qsm_desktop.cli import actor_for, open_services
    from qsm_desktop.services.demo import build_demo

    services = open_services(args, create=True)  # the demo may start a new file (`qsm --db try.db demo`)
    try:
        def progress(step: int, steps: int, label: str) -> None:
            if sys.stderr.isatty() and label:
                print(f"\r[{step}/{steps}] {label[:70]:<70}", end="", file=sys.stderr, flush=True)

        result = build_demo(services, actor_for(args), args.scale, period=args.period, returns_dir=args.returns_dir,
                            progress=progress)
    finally:
        services.dispose()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if result.reused:
        print(msg("demo.reused"))
    else:
        print(msg("demo.done", units=result.org_units, staff=result.staff, files=result.files, period=result.period))
        if result.folder:
            print(msg("demo.kept", folder=result.folder))
    return 0


def register(subparsers) -> None:
    """Add ``qsm demo [--scale small|bank] [--period P] [--returns-dir DIR]``."""
    p = subparsers.add_parser("demo", help="fill an empty database with a synthetic bank (演示数据)")
    p.add_argument("--scale", choices=("small", "bank"), default="small")
    p.add_argument("--period", default="2007Q4", help="reporting period of the demo returns (default 2007Q4)")
    p.add_argument("--returns-dir", metavar="DIR", help="keep the generated returns in DIR")
    p.set_defaults(handler=_cmd_demo)
