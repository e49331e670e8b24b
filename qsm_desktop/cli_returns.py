"""``qsm import`` and ``qsm template`` — branch returns on the command line (DESIGN.md §7).

- ``qsm import FILE|FOLDER... [--org CODE] [--period P] [--dry-run] [--json]``: each file all or
  nothing; prints every problem as ``sheet!cell: message``; exit 1 when any file was refused,
  else 0 (imported, unchanged and dry-run files are fine). A folder means the workbooks in it;
  Excel/WPS lock files and hidden files are skipped with a note (status ``skipped``, which does not
  change the exit status) — :func:`qsm_desktop.excel.files.expand_return_paths`.
- ``qsm template KIND --org CODE --period P -o FILE [--empty]``: writes the return template
  (drop-downs from the database; the unit's current roster pre-filled unless ``--empty``).

JSON (``--json``): ``{"files": [{"file", "kind", "org", "period", "status", "rows",
"problems": [{"sheet", "cell", "message"}], "preview": {"counts", "items"}, "batch", "supersedes"}]}``;
a skipped file's entry has ``"status": "skipped"``, no problems and the note as ``"message"``.
"""

from __future__ import annotations

import argparse
import sys

from qsm_desktop.domain.i18n import get_language, msg, register

register({
    "cli.import.status.imported": ("已导入", "imported"),
    "cli.import.status.unchanged": ("未变化（与已导入的文件相同）", "unchanged (same file as already imported)"),
    "cli.import.status.refused": ("拒绝导入", "refused"),
    "cli.import.status.dry-run": ("预览（未写入）", "dry run (nothing written)"),
    "cli.import.line": ("{status}：{file}（{kind} {org} {period}，{rows}行）",
                        "{status}: {file} ({kind} {org} {period}, {rows} {rows:row|rows})"),
    "cli.import.line_bare": ("{status}：{file}", "{status}: {file}"),
    "cli.import.problems": ("  共{count}个问题，整个文件未导入，请改正后重新报送：", "  {count} {count:problem|problems}; nothing was imported:"),
    "cli.import.warnings": ("  {count}条提醒（不影响导入，请核对）：", "  {count} {count:warning|warnings} (imported all the same; check them):"),
    "cli.import.supersedes": ("  取代此前导入的第{batch}批", "  supersedes batch {batch}"),
    "cli.import.would_supersede": ("  将取代此前导入的第{batch}批", "  would supersede batch {batch}"),
    "cli.import.summary": ("合计：已导入{imported}，未变化{unchanged}，预览{dry}，拒绝{refused}。",
                           "Total: {imported} imported, {unchanged} unchanged, {dry} dry run, {refused} refused."),
    "cli.import.skipped": ("{file}：{note}", "{file}: {note}"),
    "cli.import.nothing": ("{paths}中没有Excel工作簿（{suffixes}），没有可导入的报表。请选择报表所在的文件夹或报表文件。",
                           "No Excel workbook ({suffixes}) in {paths}: nothing to import. Give the folder the "
                           "returns are in, or the return files themselves."),
    "cli.import.summary_skipped": ("另有{skipped}个文件已跳过（不是待导入的报表）。",
                                   "{skipped} {skipped:file|files} skipped (not returns to import)."),
    "cli.import.more": ("    ……另有{count}项", "    … and {count} more"),
    "cli.template.written": ("已生成模板：{file}", "Template written: {file}"),
    "cli.template.unknown_kind": ("没有“{value}”这种报表，可选：{choices}", "there is no return kind '{value}'; choose from {choices}"),
    "cli.import.not_opened": ("  未导入：", "  not imported:"),
    "cli.import.bad_period": ("--period“{value}”不是报告期：请写成 2007Q4（季度）或 2007（年度）。没有导入任何文件。",
                              "--period '{value}' is not a reporting period: write it as 2007Q4 (a quarter) or 2007 "
                              "(a year). Nothing was imported."),
    "cli.import.bad_org": ("--org“{value}”不是机构代码：请写已有机构的 6 位代码，如 110000。没有导入任何文件。",
                           "--org '{value}' is not an org code: give the 6-digit code of an existing unit, such as "
                           "110000. Nothing was imported."),
    "cli.import.unknown_org": ("--org“{value}”：机构清单中没有这个机构代码。请写已有机构的代码（如 110000），"
                               "或先导入机构清单。没有导入任何文件。",
                               "--org '{value}': the org list has no unit with this code. Give the code of an "
                               "existing unit (such as 110000), or import the org list first. Nothing was imported."),
    "preview.new": ("新增", "new"),
    "preview.changed": ("变更", "changed"),
    "preview.leaving": ("离岗", "leaving"),
    "preview.removed": ("删除", "removed"),
    "entity.staff": ("人员", "staff"),
    "entity.certificate": ("证书", "certificates"),
    "entity.org_unit": ("机构", "org units"),
})

PREVIEW_LINES = 20
"""How many changes of each kind the text output lists (``--json`` lists all)."""


def _entity(name: str) -> str:
    key = f"entity.{name}"
    text = msg(key)
    return name if text == key else text


def _kind_title(name: str | None) -> str:
    """What the office calls return kind ``name`` (``certification`` → 持证上岗情况表, or its English
    title), for the text output; ``-`` when none was recognised (``--json`` keeps the kind's name)."""
    if not name:
        return "-"
    from qsm_desktop.excel.kinds import get_kind

    kind = get_kind(name)
    return name if kind is None else kind.shown_title()


def _print_result(result, out, unopened: frozenset[str] = frozenset()) -> None:
    status = msg(f"cli.import.status.{result.status}")
    if result.kind or result.org or result.period or result.rows:
        print(msg("cli.import.line", status=status, file=result.file, kind=_kind_title(result.kind), org=result.org or "-",
                  period=result.period or "-", rows=result.rows), file=out)
    else:  # refused before anything was recognised (not a workbook, unreadable): nothing to show in brackets
        print(msg("cli.import.line_bare", status=status, file=result.file), file=out)
    if result.problems:
        # "correct it and send it again" is for problems in the file, not for a path that did not open
        key = "cli.import.not_opened" if result.file in unopened else "cli.import.problems"
        print(msg(key, count=len(result.problems)), file=out)
        for problem in result.problems:
            print(f"    {problem}", file=out)
    if result.warnings:
        print(msg("cli.import.warnings", count=len(result.warnings)), file=out)
        for warning in result.warnings:
            print(f"    {warning}", file=out)
    if result.supersedes is not None and result.status in ("imported", "dry-run"):
        key = "cli.import.supersedes" if result.status == "imported" else "cli.import.would_supersede"
        print(msg(key, batch=result.supersedes), file=out)
    counts = result.counts()
    for action in ("new", "changed", "leaving", "removed"):
        for entity, count in sorted(counts.get(action, {}).items()):
            print(f"  {msg('preview.' + action)} {_entity(entity)}: {count}", file=out)
            if result.status == "dry-run" or action != "new":
                items = [i for i in result.preview if i.action == action and i.entity == entity]
                for item in items[:PREVIEW_LINES]:
                    print(f"    {item.label or item.key}", file=out)
                if len(items) > PREVIEW_LINES:
                    print(msg("cli.import.more", count=len(items) - PREVIEW_LINES), file=out)


def _readable(path) -> bool:
    try:
        with open(path, "rb"):
            return True
    except OSError:
        return False


def _lists_units(files) -> bool:
    """Whether a file of the run is an org list (a kind that ``creates_org``): the run may create the
    unit ``--org`` names before the files that need it (the engine retries those)."""
    from qsm_desktop.excel.kinds import infer_kind
    from qsm_desktop.excel.reader import WorkbookRefused, read_workbook

    for file in files:
        try:
            kind = infer_kind(read_workbook(file))
        except (WorkbookRefused, OSError):
            continue
        if kind is not None and kind.creates_org:
            return True
    return False


def require_known_org(services, actor, org: str | None, files) -> None:
    """Refuse ``--org`` naming no unit of the org list (exit 2, :class:`qsm_desktop.cli.UsageError`),
    unless a file of the run is the org list that may create it. ``org``: the stored 6-digit form."""
    from qsm_desktop.cli import UsageError
    from qsm_desktop.domain.errors import NotFound

    if org is None:
        return
    try:
        services.orgs.get(actor, org)
    except NotFound:
        if not _lists_units(files):
            raise UsageError(msg("cli.import.unknown_org", value=org)) from None


def _cmd_import(args: argparse.Namespace) -> int:
    from qsm_desktop.cli import actor_for, open_services, print_json
    from qsm_desktop.domain.i18n import Verbatim
    from qsm_desktop.excel.files import WORKBOOK_SUFFIXES, expand_return_paths

    org, period = args.org, args.period  # stored forms, checked before anything was opened (cli.check_common_options)
    files, skipped = expand_return_paths(args.files)  # folders → their workbooks; lock/hidden files left out
    services = open_services(args)
    try:
        require_known_org(services, actor_for(args), org, files)
        results = services.imports.import_files(files, actor_for(args), org=org, period=period,
                                                dry_run=args.dry_run, language=get_language())
    finally:
        services.dispose()
    if args.json:
        print_json({"files": [r.to_json() for r in results] + [s.to_json() for s in skipped]})
    else:
        unopened = frozenset(name for f in files if not _readable(f) for name in (f.name, str(f)))
        for result in results:
            _print_result(result, sys.stdout, unopened)
        for skip in skipped:
            print(msg("cli.import.skipped", file=skip.path.name, note=skip.message()))
        tally = {s: sum(1 for r in results if r.status == s) for s in ("imported", "unchanged", "dry-run", "refused")}
        print(msg("cli.import.summary", imported=tally["imported"], unchanged=tally["unchanged"], dry=tally["dry-run"],
                  refused=tally["refused"]))
        if skipped:
            print(msg("cli.import.summary_skipped", skipped=len(skipped)))
        if not files:  # an empty folder (or one of other files only): say so, not just "0 imported"
            print(msg("cli.import.nothing", paths=Verbatim(str(p) for p in args.files),
                      suffixes=" ".join(WORKBOOK_SUFFIXES)))
    return 1 if any(r.refused for r in results) else 0


def kind_arg(value: str) -> str:
    """``qsm template KIND``: the kind's name (``certification``) or what the office calls it — its title
    (持证上岗情况表), its sheet's name (持证上岗情况) or its English title — folded, case and spaces
    ignored (issue 11 §10). Raises ``argparse.ArgumentTypeError`` naming the kinds."""
    from qsm_desktop.domain.normalise import fold
    from qsm_desktop.excel.kinds import all_kinds

    def key(text: str) -> str:
        return fold(text).replace(" ", "").replace("-", "").replace("_", "").lower()

    wanted = key(value)
    for kind in all_kinds():
        names = (kind.name, kind.title, kind.sheet_name, kind.title_en, kind.title.removesuffix("表"))
        if wanted in {key(n) for n in names if n}:
            return kind.name
    from qsm_desktop.domain.i18n import get_language, joined

    if get_language() == "zh":
        choices = joined(f"{k.name}（{k.title}）" for k in all_kinds())
    else:
        choices = joined(f"{k.name} ({k.shown_title('en')})" for k in all_kinds())
    raise argparse.ArgumentTypeError(msg("cli.template.unknown_kind", value=value, choices=choices))


def _cmd_template(args: argparse.Namespace) -> int:
    from qsm_desktop.cli import actor_for, open_services

    services = open_services(args)
    try:
        path = services.imports.write_template(actor_for(args), args.kind, args.org, args.period, args.output,
                                               prefill=not args.empty)
    finally:
        services.dispose()
    print(msg("cli.template.written", file=path))
    return 0


def register(subparsers) -> None:
    """Add ``import`` and ``template`` to the ``qsm`` parser."""
    from qsm_desktop.excel.kinds import all_kinds

    p_import = subparsers.add_parser("import", help="import branch returns (分行报表), each file all-or-nothing")
    p_import.add_argument("files", nargs="+", metavar="FILE", help="return workbooks, or folders of them")
    p_import.add_argument("--org", metavar="CODE", help="reporting unit where a file does not say (no _meta, no 填报单位 line)")
    p_import.add_argument("--period", metavar="P", help="reporting period where a file does not say, e.g. 2007Q4")
    p_import.add_argument("--dry-run", action="store_true", help="validate and preview the changes; write nothing")
    p_import.add_argument("--json", action="store_true", help="print one JSON document")
    p_import.set_defaults(handler=_cmd_import,  # --period/--org checked by cli.check_common_options, in these words
                          option_messages={"period": "cli.import.bad_period", "org": "cli.import.bad_org"})

    p_template = subparsers.add_parser("template", help="write an empty return template (报表模板)")
    p_template.add_argument("kind", metavar="KIND", type=kind_arg,
                            help="return kind: " + ", ".join(f"{k.name} ({_kind_title(k.name)})" for k in all_kinds()))
    p_template.add_argument("--org", required=True, metavar="CODE")
    p_template.add_argument("--period", required=True, metavar="P")
    p_template.add_argument("-o", "--output", required=True, metavar="FILE")
    p_template.add_argument("--empty", action="store_true", help="do not pre-fill the unit's current records")
    p_template.set_defaults(handler=_cmd_template)
