"""Fill a database with a synthetic bank through the importers (演示数据库) — issue 2 item 5.

The demo never inserts behind the importer's back: its steps write real returns with the template
writer (the org list, one certification return per branch, training, evaluation and showcase
returns) into a folder, then import them with :func:`qsm_desktop.services.imports.import_files`,
exactly as a secretary would. Keep the folder (``returns_dir``) to try the returns inbox with
realistic files.

The steps are :data:`DEMO_STEPS` (``(label key, function)``, called in order with a
:class:`~qsm_desktop.services.demo.context.DemoContext`); each lives in its own module of this
package and imports only :mod:`~qsm_desktop.services.demo.context` — this module imports them, not
the other way round. A feature adds its step to the list here.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.domain.i18n import get_language, msg, register
from qsm_desktop.domain.normalise import period_end
from qsm_desktop.services.context import Actor, require
from qsm_desktop.services.demo.certification import step_certification, step_org_list
from qsm_desktop.services.demo.context import DEMO_FILE_PREFIX, DemoContext
from qsm_desktop.services.demo.data import SCALES, build_bank
from qsm_desktop.services.demo.evaluation import step_evaluation
from qsm_desktop.services.demo.monitoring import step_monitoring
from qsm_desktop.services.demo.showcase import step_showcase
from qsm_desktop.services.demo.training import step_training
from qsm_desktop.store.models import ImportBatch, OrgUnit

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services

__all__ = ["DEMO_STEPS", "DemoResult", "build_demo", "is_demo_database"]

register({
    "demo.action": ("生成演示数据", "build the demo database"),
    "demo.not_empty": ("数据库里已有 {n} 个机构，不是空库。演示数据只写入空数据库：请用 --db 指定一个新文件。",
                       "The database already holds {n} org units. Demo data only goes into an empty database: "
                       "name a new file with --db."),
    "demo.scale": ("没有“{scale}”这种规模，可用：{scales}", "There is no scale '{scale}'; use one of: {scales}"),
})

DEMO_STEPS: list[tuple[str, Callable[[DemoContext], None]]] = [
    ("demo.step.orgs", step_org_list),
    ("demo.step.cert", step_certification),
    ("demo.step.training", step_training),
    ("demo.step.monitoring", step_monitoring),  # issue 13: before the evaluation, whose A02–A04 it feeds
    ("demo.step.evaluation", step_evaluation),  # issue 5
    ("demo.step.showcase", step_showcase),  # issue 4
]
"""Demo steps in order: (message key of the label, function)."""


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
               cancel: threading.Event | None = None, language: str | None = None) -> DemoResult:
    """Fill an empty database with the synthetic bank of ``scale`` for ``period`` (``2007Q4``).

    ``language`` (``"zh"``/``"en"``, default: the current language) is the language of the text
    people type — summaries, measures, course titles, reasons; names of people and units are
    Chinese in both (issue 14: the English screenshots show English text).

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
        ctx = DemoContext(services, actor, bank, period, folder, None, cancel,
                          language="en" if (language or get_language()) == "en" else "zh")
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
