"""Fill a database with a synthetic bank through the importers (演示数据库) — issue 2 item 5.

The demo never inserts behind the importer's back: it writes real returns with the template
writer (the org list, one certification return per branch) into a folder, then imports them with
:func:`qsm_desktop.services.imports.import_files`, exactly as a secretary would. Keep the folder
(``returns_dir``) to try the returns inbox with realistic files.

Other features add their own demo steps to :data:`DEMO_STEPS` (``(label, function)``, called in
order with a :class:`DemoContext`).
"""

from __future__ import annotations

import datetime as dt
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.domain.normalise import period_end
from qsm_desktop.excel.kinds.base import get_kind
from qsm_desktop.excel.template import write_return
from qsm_desktop.services.context import Actor, require
from qsm_desktop.services.demo_data import SCALES, SyntheticBank, build_bank
from qsm_desktop.services.demo_training import step_training
from qsm_desktop.services.imports import ImportResult, import_files
from qsm_desktop.store.models import ImportBatch, OrgUnit

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services

register({
    "demo.action": ("生成演示数据", "build the demo database"),
    "demo.not_empty": ("数据库里已有 {n} 个机构，不是空库。演示数据只写入空数据库：请用 --db 指定一个新文件。",
                       "The database already holds {n} org units. Demo data only goes into an empty database: "
                       "name a new file with --db."),
    "demo.scale": ("没有“{scale}”这种规模，可用：{scales}", "There is no scale '{scale}'; use one of: {scales}"),
    "demo.refused": ("演示报表 {file} 被拒绝（程序缺陷）：{problems}", "Demo return {file} was refused (a bug): {problems}"),
    "demo.step.orgs": ("机构清单", "org list"),
    "demo.step.cert": ("持证上岗情况表", "certification returns"),
})

DEMO_FILE_PREFIX = "demo_"


@dataclass
class DemoContext:
    """What a demo step gets: services, actor, the synthetic bank, the period and the returns folder."""

    services: Services
    actor: Actor
    bank: SyntheticBank
    period: str
    folder: Path
    progress: Callable[[int, int, str], None] | None = None
    cancel: threading.Event | None = None
    results: list[ImportResult] = field(default_factory=list)

    def import_files(self, paths: list[Path]) -> None:
        """Import ``paths`` through the importer; a refused demo file is a bug and raises."""
        results = import_files(self.services, self.actor, paths, cancel=self.cancel)
        for result in results:
            if result.refused:
                problems = "; ".join(str(p) for p in result.problems[:5])
                raise RuntimeError(msg("demo.refused", file=result.file, problems=problems))
        self.results.extend(results)

    @property
    def cancelled(self) -> bool:
        return self.cancel is not None and self.cancel.is_set()


def _write_kind(path: Path, kind_name: str, org_code: str, org_name: str, period: str, rows: list[dict]) -> Path:
    kind = get_kind(kind_name)
    assert kind is not None, kind_name
    write_return(path, kind=kind.name, sheet_name=kind.sheet_name,
                 title=kind.title if kind.name == "org_units" else f"交通银行{kind.title}", columns=kind.columns,
                 org_code=org_code, org_name=org_name, period=period, rows=rows, blank_rows=0)
    return path


def step_org_list(ctx: DemoContext) -> None:
    """Write and import the org list (机构清单)."""
    rows = [{"code": o.code, "name": o.name, "parent_code": o.parent, "type": o.type, "region": o.region,
             "status": o.status} for o in ctx.bank.orgs]
    root = ctx.bank.orgs[0]
    path = _write_kind(ctx.folder / f"{DEMO_FILE_PREFIX}org_units.xlsx", "org_units", root.code, root.name,
                       ctx.period[:4], rows)
    ctx.import_files([path])


def certification_rows(bank: SyntheticBank, branch: str) -> list[dict]:
    """The rows of ``branch``'s certification return (one per certificate, or one without)."""
    return [{
        "seq": i, "org_code": s.org_code, "org_name": s.org_name, "staff_no": s.staff_no, "name": s.name,
        "post": s.post, "cert_type": s.certificate, "level": s.level, "number": s.number, "issued": s.issued,
        "expires": s.expires, "note": s.note,
    } for i, s in enumerate(bank.rosters[branch], start=1)]


def step_certification(ctx: DemoContext) -> None:
    """Write one certification return per branch and import them all (持证上岗情况表)."""
    paths = []
    branches = ctx.bank.branch_codes
    for i, branch in enumerate(branches):
        if ctx.cancelled:
            return
        if ctx.progress:
            ctx.progress(i, len(branches) * 2, ctx.bank.org_name(branch))
        paths.append(_write_kind(ctx.folder / f"{DEMO_FILE_PREFIX}certification_{branch}_{ctx.period}.xlsx",
                                 "certification", branch, ctx.bank.org_name(branch), ctx.period,
                                 certification_rows(ctx.bank, branch)))
    outer = ctx.progress

    def inner(done: int, total: int, name: str) -> None:
        if outer:
            outer(len(branches) + done, len(branches) * 2, name)

    results = import_files(ctx.services, ctx.actor, paths, progress=inner, cancel=ctx.cancel)
    for result in results:
        if result.refused:
            raise RuntimeError(msg("demo.refused", file=result.file, problems="; ".join(str(p) for p in result.problems[:5])))
    ctx.results.extend(results)


DEMO_STEPS: list[tuple[str, Callable[[DemoContext], None]]] = [
    ("demo.step.orgs", step_org_list),
    ("demo.step.cert", step_certification),
    ("demo.step.training", step_training),
]
"""Demo steps in order: (message key of the label, function). Features append theirs."""

from qsm_desktop.services.demo_evaluation import step_evaluation  # noqa: E402  (issue 5; after DemoContext)

DEMO_STEPS.append(("demo.step.evaluation", step_evaluation))


@dataclass(frozen=True)
class DemoResult:
    """What :func:`build_demo` did: scale, period, files imported, org units and staff, the returns folder."""

    scale: str
    period: str
    files: int
    org_units: int
    staff: int
    folder: Path | None
    reused: bool = False


def is_demo_database(services: Services) -> bool:
    """Whether the database was filled by :func:`build_demo` (its org list came from a demo file)."""
    with services.read() as session:
        return session.scalar(
            select(func.count()).select_from(ImportBatch).where(ImportBatch.file_name == f"{DEMO_FILE_PREFIX}org_units.xlsx")
        ) > 0


def build_demo(services: Services, actor: Actor, scale: str = "small", *, period: str = "2007Q4",
               returns_dir: str | Path | None = None, progress: Callable[[int, int, str], None] | None = None,
               cancel: threading.Event | None = None) -> DemoResult:
    """Fill an empty database with the synthetic bank of ``scale`` for ``period`` (``2007Q4``).

    A database that is already a demo is reused as it is (``reused=True``); any other non-empty
    database is refused (:class:`InputRefused`) — demo people must never mix with real staff.
    ``progress(step, steps, label)``; a set ``cancel`` stops between files.
    """
    if scale not in SCALES:
        raise InputRefused(msg("demo.scale", scale=scale, scales=", ".join(SCALES)))
    require(actor, msg("demo.action"))
    with services.read() as session:
        units = session.scalar(select(func.count()).select_from(OrgUnit)) or 0
    if units:
        if is_demo_database(services):
            return DemoResult(scale, period, 0, units, 0, None, reused=True)
        raise InputRefused(msg("demo.not_empty", n=units))
    bank = build_bank(scale, period_end=period_end(period))
    holder = tempfile.TemporaryDirectory(prefix="qsm-demo-") if returns_dir is None else None
    folder = Path(returns_dir) if returns_dir is not None else Path(holder.name)
    folder.mkdir(parents=True, exist_ok=True)
    try:
        ctx = DemoContext(services, actor, bank, period, folder, None, cancel)
        for index, (label, step) in enumerate(DEMO_STEPS):
            if ctx.cancelled:
                break
            if progress:
                progress(index, len(DEMO_STEPS), msg(label))

                def sub(done: int, total: int, name: str, _i=index, _label=label) -> None:
                    progress(_i, len(DEMO_STEPS), f"{msg(_label)} {done}/{total} {name}".strip())

                ctx.progress = sub
            step(ctx)
        if progress:
            progress(len(DEMO_STEPS), len(DEMO_STEPS), "")
    finally:
        if holder is not None:
            holder.cleanup()
    staff = sum(len(r) for r in bank.rosters.values())
    return DemoResult(scale, period, len(ctx.results), len(bank.orgs), staff, folder if holder is None else None)

from qsm_desktop.services.demo_showcase import step_showcase  # noqa: E402  (issue 4; after DemoContext)

DEMO_STEPS.append(("demo.step.showcase", step_showcase))
