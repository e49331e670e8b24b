"""Indicator systems (指标体系) — stored versions, editing as new versions, TOML and workbook import
and export, and a draft's preview — DESIGN §4.

A stored version is never rewritten (编辑即新版本): :meth:`IndicatorSystems.save_system` always adds
a version, refusing a name and version label already stored with a suggestion. The version in
force for a quarter is the latest effective on or before its last day.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from qsm_desktop.domain.errors import InputRefused, NotFound
from qsm_desktop.domain.i18n import get_language, msg, os_error_text, register
from qsm_desktop.domain.indicators import IndicatorSystem, dumps_toml, load_toml, loads_toml, score_period
from qsm_desktop.domain.names import shown_version
from qsm_desktop.domain.normalise import period_end
from qsm_desktop.services.audit import audit
from qsm_desktop.services.context import Actor
from qsm_desktop.services.evaluation.common import quarter, require_head_office
from qsm_desktop.services.evaluation.dtos import StoredSystem, SystemInfo, SystemPreview
from qsm_desktop.store import indicator_systems as repo
from qsm_desktop.store.models.evaluation import EvaluationPeriod, IndicatorSystemRecord, PeriodStatus

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services
    from qsm_desktop.services.evaluation import EvaluationService

register({
    "eval.action.system": ("保存指标体系", "save indicator systems"),
    "eval.no_system": ("{period}没有生效的指标体系（最早的体系自{first}起施行）。请核对报告期或先建立指标体系。",
                       "No indicator system is in force for {period} (the earliest applies from {first}). "
                       "Check the period or set up a system first."),
    "eval.unknown_system": ("指标体系（编号 {id}）不存在。", "Indicator system {id} does not exist."),
    "eval.duplicate_version": ("指标体系“{name}”已有版本“{version}”。请为新版本另起版本号（例如“{suggest}”）。",
                               "Indicator system '{name}' already has version '{version}'. Give the new version "
                               "another label (for example '{suggest}')."),
    "eval.file_unreadable": ("无法读取文件 {file}：{reason}", "Cannot read {file}: {reason}"),
})


def suggest_version_label(version: str, taken: set[str], *, language: str | None = None) -> str:
    """A label for a new version of a system whose labels ``taken`` already include ``version``, in
    ``language`` (default: the current one): ``2007版-2``, ``2007版-3`` … (``2007版-new`` past 99);
    in English the label as shown in English, numbered in brackets — ``2007 edition (2)``,
    ``2007 edition (3)`` … (``2007 edition (new)``), a number already in brackets replaced (user
    trial: the English window proposed ``2007版-2``). The label is stored as proposed: typed text,
    shown as it stands in either language."""
    if (language or get_language()) != "en":
        for n in range(2, 100):
            candidate = f"{version}-{n}"
            if candidate not in taken:
                return candidate
        return f"{version}-new"
    base = re.sub(r"\s*\((?:\d+|new)\)$", "", shown_version(version, language="en")) or version
    for n in range(2, 100):
        candidate = f"{base} ({n})"
        if candidate not in taken:
            return candidate
    return f"{base} (new)"


class IndicatorSystems:
    """The indicator-system part of ``services.evaluation`` (指标体系): versions, in force for a
    period, save as a new version, import/export (TOML, Excel) and a draft's preview."""

    def __init__(self, services: Services, evaluation: EvaluationService) -> None:
        self._services = services
        self._evaluation = evaluation

    @staticmethod
    def _info(session: Session, record: IndicatorSystemRecord) -> SystemInfo:
        periods = session.execute(
            select(EvaluationPeriod.period, EvaluationPeriod.status).where(EvaluationPeriod.system_id == record.id)
            .order_by(EvaluationPeriod.period)
        ).all()
        return SystemInfo(record.id, record.name, record.system_version, record.effective_from, record.created_by,
                          record.created_at, record.based_on_id, record.note, tuple(p for p, _ in periods),
                          tuple(p for p, s in periods if s == PeriodStatus.PUBLISHED), record.name_en)

    def systems(self, actor: Actor) -> list[SystemInfo]:
        """Every stored version, newest effective date first (then newest stored)."""
        with self._services.read() as session:
            records = session.scalars(select(IndicatorSystemRecord).order_by(
                IndicatorSystemRecord.effective_from.desc(), IndicatorSystemRecord.id.desc())).all()
            return [self._info(session, r) for r in records]

    def system(self, actor: Actor, system_id: int) -> StoredSystem:
        """Stored version ``system_id`` (:class:`NotFound` if none)."""
        with self._services.read() as session:
            record = session.get(IndicatorSystemRecord, system_id)
            if record is None:
                raise NotFound(msg("eval.unknown_system", id=system_id))
            return StoredSystem(self._info(session, record), repo.load_system(session, system_id))

    def system_for_period(self, actor: Actor, period: str) -> StoredSystem:
        """The version in force for quarter ``period`` (the latest effective on or before its last
        day; DESIGN §4). :class:`InputRefused` when none is in force yet."""
        period = quarter(period)
        with self._services.read() as session:
            system_id = repo.system_id_for_period(session, period_end(period))
            if system_id is None:
                first = repo.first_effective_from(session)
                raise InputRefused(msg("eval.no_system", period=period, first=first.isoformat() if first else "-"))
        return self.system(actor, system_id)

    def active_system(self, actor: Actor, today: dt.date | None = None) -> StoredSystem:
        """The version in force today (or the earliest stored one before any takes effect)."""
        today = today or dt.date.today()
        with self._services.read() as session:
            system_id = repo.system_id_for_period(session, today)
            if system_id is None:
                system_id = session.scalar(select(IndicatorSystemRecord.id).order_by(
                    IndicatorSystemRecord.effective_from, IndicatorSystemRecord.id).limit(1))
        if system_id is None:
            raise NotFound(msg("eval.unknown_system", id="-"))
        return self.system(actor, system_id)

    def save_system(self, actor: Actor, system: IndicatorSystem, *, based_on_id: int | None = None,
                    note: str | None = None) -> SystemInfo:
        """Store ``system`` as a **new version** (编辑即新版本) — a stored version is never rewritten.

        Validates first: every problem (weights of a unit type not adding up to 100, rule
        parameters, structure) raises :class:`IndicatorSystemInvalid` and nothing is saved. A name
        and version label already stored is refused with a suggestion. Audited. The catalogue of
        English names (:func:`qsm_desktop.domain.names.shown`) is reloaded after the save.
        """
        require_head_office(self._services, actor, "eval.action.system")
        system.validate()
        with self._services.unit_of_work() as session:
            taken = set(session.scalars(select(IndicatorSystemRecord.system_version)
                                        .where(IndicatorSystemRecord.name == system.name)))
            if system.version in taken:
                raise InputRefused(msg("eval.duplicate_version", name=system.name, version=system.version,
                                       suggest=suggest_version_label(system.version, taken)))
            new_id = repo.insert_system(session, system, created_by=actor.login, based_on_id=based_on_id, note=note)
            audit(session, actor, "indicator_system", new_id, "create", None,
                  {"name": system.name, "version": system.version, "effective_from": system.effective_from,
                   "based_on": based_on_id, "weights": {t: system.weight_total(t) for t in system.unit_types()}})
            record = session.get(IndicatorSystemRecord, new_id)
            info = self._info(session, record)
        # the English names it carries are shown at once wherever a page, a report or the command
        # line shows a name by the catalogue (a grade stored on a score …), not after a restart
        self._services.load_english_names()
        return info

    def suggest_version(self, actor: Actor, name: str, version: str, *, language: str | None = None) -> str:
        """A version label not used yet for ``name`` (``2007版-2`` …; ``2007 edition (2)`` … in English:
        :func:`suggest_version_label`)."""
        with self._services.read() as session:
            taken = set(session.scalars(select(IndicatorSystemRecord.system_version)
                                        .where(IndicatorSystemRecord.name == name)))
        return version if version not in taken else suggest_version_label(version, taken, language=language)

    def import_system(self, actor: Actor, path: str | Path, *, note: str | None = None) -> SystemInfo:
        """Import a system from a TOML file (reference format) or an Excel workbook written by
        :meth:`export_system` as a new version. Every problem of the file is listed
        (:class:`IndicatorSystemInvalid`); nothing is saved then."""
        path = Path(path)
        if path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
            from qsm_desktop.excel.indicator_system import read_system_workbook

            system = read_system_workbook(path)
        else:
            try:
                system = load_toml(path)
            except OSError as exc:
                raise InputRefused(msg("eval.file_unreadable", file=path.name, reason=os_error_text(exc))) from None
        return self.save_system(actor, system, note=note or path.name)

    def export_system(self, actor: Actor, system_id: int, path: str | Path) -> Path:
        """Write stored version ``system_id`` to ``path``: TOML (reference format, re-importable),
        or an Excel workbook when the name ends in ``.xlsx``."""
        stored = self.system(actor, system_id)
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix.lower() == ".xlsx":
            from qsm_desktop.excel.indicator_system import write_system_workbook

            write_system_workbook(stored.system, path)
        else:
            path.write_text(dumps_toml(stored.system), encoding="utf-8")
        return path

    def system_from_toml_text(self, text: str) -> IndicatorSystem:
        """Parse and validate a system from TOML text (the editor's import)."""
        return loads_toml(text)

    def preview_system(self, actor: Actor, system: IndicatorSystem, period: str | None = None) -> SystemPreview:
        """Score ``period`` (default: the latest computed period, else the latest period with
        inputs) under a draft ``system`` without storing anything, next to the stored scores —
        the editor's preview of the effect of a change. The draft must be valid."""
        system.validate()
        evaluation = self._evaluation
        if period is None:
            periods = evaluation.periods(actor)
            period = periods[-1].period if periods else evaluation.latest_input_period(actor)
        if period is None:
            raise InputRefused(msg("eval.not_computed", period="-"))
        period = quarter(period)
        before = None
        try:
            before = evaluation.scores(actor, period).scores
        except InputRefused:
            before = None
        inputs = evaluation.gather(actor, period, system_override=system)
        after = score_period(system, period, inputs.units, evaluation.scoring.previous_totals(actor, period, compute=False))
        return SystemPreview(period, before, after)


__all__ = ["IndicatorSystems", "suggest_version_label"]
