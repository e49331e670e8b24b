"""What the quarterly monitoring report prints (监测报告数据), as plain data — no session, no Qt.

The service (:mod:`qsm_desktop.services.monitoring.report`) fills these from the registers; the
report (:mod:`.report`) only draws them. Scores are 0–100 with 2 decimals as DESIGN §8.2 rounds
them; rates are percent 0–100 with 2 decimals; ``None`` where there is nothing to show.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from qsm_desktop.domain.capa import ActionFigures
from qsm_desktop.domain.complaints import ComplaintFigures


@dataclass(frozen=True)
class ModuleInfo:
    """A window-service module of the checklist (服务模块): ``code`` (``GM``) and ``name`` (柜面交易服务)."""

    code: str
    name: str


@dataclass(frozen=True)
class ScoreLine:
    """One unit's mystery-visit score (a branch in the bank's report, an outlet in a branch's):
    ``visits``, ``outlets`` visited, ``score`` (§8.2), and per module (in the report's module order)
    the mean of its visits' scores of that module (``None`` where none was visited)."""

    code: str
    name: str
    visits: int
    outlets: int
    score: float | None
    modules: tuple[float | None, ...] = ()


@dataclass(frozen=True)
class LostItemLine:
    """A checklist item and how often it lost points in the quarter (失分项目): ``checked`` visits
    where it applied, ``lost`` of them with a deduction, ``points_lost`` in all (after upheld
    appeals); ``lost_rate`` percent of ``checked``."""

    code: str
    text: str
    module: str
    dimension: str
    critical: bool
    points: float
    checked: int
    lost: int
    points_lost: float

    @property
    def lost_rate(self) -> float:
        """``lost`` as percent of ``checked`` (0 when never checked)."""
        return 100.0 * self.lost / self.checked if self.checked else 0.0


@dataclass(frozen=True)
class CauseLine:
    """Customer complaints of one cause (投诉原因): ``received`` and ``valid`` in the scope."""

    cause: str
    received: int
    valid: int


@dataclass(frozen=True)
class ComplaintLine:
    """A unit's §9.2 complaint figures; ``sent``: whether the register has data for the unit and
    quarter — the branch sent its register (an outlet: its branch did; the bank: any branch did).
    When false the report prints "—" for every figure, never 0 (§9.1)."""

    code: str
    name: str
    figures: ComplaintFigures
    sent: bool = True


@dataclass(frozen=True)
class ActionLine:
    """A unit's §8.5 figures of its corrective and preventive actions as of the report's date."""

    code: str
    name: str
    figures: ActionFigures


@dataclass(frozen=True)
class OverdueAction:
    """An overdue action (逾期整改, §8.5: due and not on time): its number, owner unit, reason
    (critical/repeat/systemic/complaint_repeat), type, description, due date, status, 实际完成日期
    and ``days_late`` (to its completion, or to the report's date while it is not completed)."""

    number: str
    org: str
    org_name: str
    reason: str
    type: str
    description: str
    due: dt.date
    status: str
    completed: dt.date | None
    days_late: int


@dataclass(frozen=True)
class MonitoringReportData:
    """Everything the quarterly monitoring report prints (季度服务质量监测报告).

    ``scope_*``: the bank (``总行``) or one branch; ``final``: the quarter is finalised (else every
    page says the figures are provisional), ``open_appeals`` still undecided; ``score``, ``visits``,
    ``outlets`` of the scope and ``scope_modules`` its module means; ``lines``: the branches (bank
    report) or the outlets (branch report), best first; ``lost_items``: the items that lost points
    most often, most first; ``causes``: customer complaints by cause, most first (Pareto);
    ``complaints`` / ``complaint_lines``: §9.2 figures of the scope and per line; ``no_register``:
    names of the branches that sent no complaint register for the quarter; ``actions`` /
    ``action_lines``: §8.5 figures; ``overdue``: the overdue actions printed (most overdue first),
    ``overdue_total`` how many there are in all. ``as_of``: the date of the complaint and action
    figures; ``generated_on``: the date printed on every page.
    """

    period: str
    final: bool
    scope_code: str
    scope_name: str
    scope_type: str
    score: float | None
    visits: int
    outlets: int
    modules: tuple[ModuleInfo, ...]
    scope_modules: tuple[float | None, ...]
    lines: tuple[ScoreLine, ...]
    lost_items: tuple[LostItemLine, ...]
    causes: tuple[CauseLine, ...]
    complaints: ComplaintLine
    complaint_lines: tuple[ComplaintLine, ...]
    actions: ActionLine
    action_lines: tuple[ActionLine, ...]
    overdue: tuple[OverdueAction, ...]
    overdue_total: int
    as_of: dt.date
    generated_on: dt.date = field(default_factory=dt.date.today)
    finalised_at: dt.datetime | None = None
    finalised_by: str | None = None
    open_appeals: int = 0
    no_register: tuple[str, ...] = ()
    issuer: str = "服务质量管理办公室"

    @property
    def is_bank(self) -> bool:
        """Whether this is the bank-wide report (lines are branches) rather than a branch's (outlets)."""
        return self.scope_type == "总行"


__all__ = [
    "ActionLine", "CauseLine", "ComplaintLine", "LostItemLine", "ModuleInfo", "MonitoringReportData", "OverdueAction",
    "ScoreLine",
]
