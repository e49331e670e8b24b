"""What every demo step works with (演示步骤的上下文) — issue 2 item 5.

A demo step is a function ``step(ctx: DemoContext) -> None`` that writes real returns into
``ctx.folder`` with the template writer (:func:`write_kind`) and imports them through the importer
(:meth:`DemoContext.import_files`) — never behind the importer's back. Steps import this module,
never :mod:`qsm_desktop.services.demo.build`, which runs them (no import circle).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.excel.kinds.base import get_kind
from qsm_desktop.excel.template import write_return
from qsm_desktop.services.context import Actor
from qsm_desktop.services.demo.data import SyntheticBank
from qsm_desktop.services.imports import ImportResult, import_files

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services

__all__ = ["DEMO_FILE_PREFIX", "DemoContext", "typed", "write_kind"]

register({
    "demo.refused": ("演示报表 {file} 被拒绝（程序缺陷）：{problems}", "Demo return {file} was refused (a bug): {problems}"),
})

DEMO_FILE_PREFIX = "demo_"
"""Every demo file's name starts with this (a database whose org list came from ``demo_org_units.xlsx`` is a demo)."""


def typed(language: str, zh: str, en: str) -> str:
    """Text a person would type into a return or a form (a complaint's summary, an action's
    measures, a course title …) in the demo's ``language`` (``"zh"``/``"en"``): the demo behind the
    English screenshots writes English text, the Chinese demo Chinese (issue 14). Names of people
    and units are never passed here — they stay Chinese in both."""
    return en if language == "en" else zh


@dataclass
class DemoContext:
    """What a demo step gets: ``services``, ``actor``, the synthetic ``bank``, the ``period``
    (``2007Q4``) and the returns ``folder``; ``progress(done, total, label)`` and ``cancel`` from the
    caller; ``results`` collects every import's :class:`ImportResult`; ``language`` (``"zh"``/``"en"``)
    the language of the text people type (:meth:`typed`)."""

    services: Services
    actor: Actor
    bank: SyntheticBank
    period: str
    folder: Path
    progress: Callable[[int, int, str], None] | None = None
    cancel: threading.Event | None = None
    results: list[ImportResult] = field(default_factory=list)
    language: str = "zh"

    def typed(self, zh: str, en: str) -> str:
        """``zh`` or ``en``, whichever is the demo's language (see :func:`typed`)."""
        return typed(self.language, zh, en)

    def import_files(self, paths: list[Path], *, progress: Callable[[int, int, str], None] | None = None) -> None:
        """Import ``paths`` through the importer (``progress(done, total, file)`` per file); a refused
        demo file is a bug and raises ``RuntimeError``."""
        results = import_files(self.services, self.actor, paths, progress=progress, cancel=self.cancel)
        for result in results:
            if result.refused:
                problems = "; ".join(str(p) for p in result.problems[:5])
                raise RuntimeError(msg("demo.refused", file=result.file, problems=problems))
        self.results.extend(results)

    @property
    def cancelled(self) -> bool:
        """Whether the caller asked to stop (the step returns before its next file)."""
        return self.cancel is not None and self.cancel.is_set()


def write_kind(path: Path, kind_name: str, org_code: str, org_name: str, period: str, rows: list[dict]) -> Path:
    """Write a filled return of kind ``kind_name`` for unit ``org_code`` (``org_name``) and ``period``
    to ``path`` with the template writer, as a branch would send it; returns ``path``."""
    kind = get_kind(kind_name)
    assert kind is not None, kind_name
    write_return(path, kind=kind.name, sheet_name=kind.sheet_name,
                 title=kind.title if kind.name == "org_units" else f"交通银行{kind.title}", columns=kind.columns,
                 org_code=org_code, org_name=org_name, period=period, rows=rows, blank_rows=0)
    return path
