"""Indicator values taken from the improvement loop's registers (登记数据取数) — DESIGN §4, §8.2, §8.5, §9.2.

Three data sources of indicator systems are registers kept by the product itself, not returns:

- ``mystery_visits`` (神秘访客检查): a unit's finalised mystery-visit score of the quarter (§8.2);
- ``complaints`` (投诉登记): the §9.2 figures of the complaints of the quarter — valid complaints
  (有效投诉件数), on-time rate (投诉处理及时率), received, passed on by the regulator, overdue;
- ``capa`` (纠正预防措施登记): the §8.5 figures of the unit's corrective and preventive actions —
  on-time rate (整改按期完成率), overdue actions.

Which figure an indicator takes is read from its name, as the internal-service ratings are
(:func:`~qsm_desktop.domain.indicators.inputs.rating_field_for`): :data:`REGISTER_FIGURES` lists
the names each figure answers to. An indicator of a register source whose name is none of them
takes its source's default figure for its unit (``%`` → the on-time rate; a count → valid
complaints / overdue actions; mystery visits → the score).

An indicator of the *quarterly return* whose name is one of these figures (the 2007 system's A02
神秘访客检查平均得分, A03 有效投诉件数, A04 投诉处理及时率) takes the register's figure for a unit and
quarter that have it — the finalised scores, the register the branch sent — and keeps the
quarterly return's typed value beside it (``reported``), flagged when the two differ
(:func:`figures_differ`). Where the register has nothing the typed value is used as before, so a
system's results do not change for units without register data.
"""

from __future__ import annotations

from dataclasses import dataclass

from qsm_desktop.domain.indicators.inputs import _title_key
from qsm_desktop.domain.indicators.system import Indicator

MYSTERY_VISITS = "mystery_visits"
"""Data source: the finalised mystery-visit scores (神秘访客检查, DESIGN §8.2)."""
COMPLAINTS = "complaints"
"""Data source: the complaint register (投诉登记, DESIGN §9.2)."""
CAPA = "capa"
"""Data source: the corrective and preventive actions (纠正预防措施登记, DESIGN §8.5)."""
REGISTER_SOURCES = (MYSTERY_VISITS, COMPLAINTS, CAPA)
"""The register data sources, in the order the indicator editor lists them."""

REPORTED_SOURCE = "quarterly"
"""The source whose typed values a register may stand in for (the quarterly return, DESIGN §3.4)."""


@dataclass(frozen=True)
class RegisterFigure:
    """A figure a register gives an indicator: its ``source`` (:data:`REGISTER_SOURCES`), the
    ``figure`` key (``score``; ``valid``, ``received``, ``regulator``, ``overdue``,
    ``on_time_rate``) and the indicator ``names`` that take it (as written in a system)."""

    source: str
    figure: str
    names: tuple[str, ...]

    @property
    def key(self) -> tuple[str, str]:
        """``(source, figure)``."""
        return self.source, self.figure


REGISTER_FIGURES: tuple[RegisterFigure, ...] = (
    RegisterFigure(MYSTERY_VISITS, "score", ("神秘访客检查平均得分", "神秘访客平均得分", "神秘访客检查得分")),
    RegisterFigure(COMPLAINTS, "valid", ("有效投诉件数", "有效投诉数")),
    RegisterFigure(COMPLAINTS, "on_time_rate", ("投诉处理及时率", "投诉按时办结率")),
    RegisterFigure(COMPLAINTS, "received", ("投诉件数", "受理投诉件数")),
    RegisterFigure(COMPLAINTS, "regulator", ("监管转送投诉件数",)),
    RegisterFigure(COMPLAINTS, "overdue", ("逾期投诉件数",)),
    RegisterFigure(CAPA, "on_time_rate", ("整改按期完成率", "纠正预防措施按期完成率")),
    RegisterFigure(CAPA, "overdue", ("逾期整改件数", "逾期整改措施数")),
)
"""Every register figure an indicator can take, with the names that take it."""

_DEFAULTS = {
    (MYSTERY_VISITS, "%"): "score", (MYSTERY_VISITS, ""): "score",
    (COMPLAINTS, "%"): "on_time_rate", (COMPLAINTS, ""): "valid",
    (CAPA, "%"): "on_time_rate", (CAPA, ""): "overdue",
}

DIFFERENCE_TOLERANCE = 0.005
"""A register figure and a typed value differ when they are further apart than half of the last
decimal shown (figures are shown to 2 decimals; counts are whole numbers)."""


def _figure(source: str, key: str) -> RegisterFigure:
    return next(f for f in REGISTER_FIGURES if f.source == source and f.figure == key)


def _by_name(indicator: Indicator, sources: tuple[str, ...]) -> RegisterFigure | None:
    name = _title_key(indicator.name)
    for figure in REGISTER_FIGURES:
        if figure.source in sources and any(_title_key(n) == name for n in figure.names):
            return figure
    return None


def register_figure_for(indicator: Indicator) -> RegisterFigure | None:
    """The register figure ``indicator`` takes, or ``None``.

    - a register source: the figure named like the indicator, else the source's default for its
      unit (``%`` → ``on_time_rate``; otherwise valid complaints / overdue actions; the score);
    - the quarterly return: the figure named like the indicator (A02/A03/A04 of the 2007
      system), which stands in for the typed value where the register has data (DESIGN §8.2, §9.2);
    - any other source: ``None``.
    """
    if indicator.source in REGISTER_SOURCES:
        found = _by_name(indicator, (indicator.source,))
        if found is not None:
            return found
        unit = "%" if indicator.unit == "%" else ""
        return _figure(indicator.source, _DEFAULTS[(indicator.source, unit)])
    if indicator.source == REPORTED_SOURCE:
        return _by_name(indicator, REGISTER_SOURCES)
    return None


def figures_differ(register_value: float, reported: float | None) -> bool:
    """Whether the quarterly return's typed value ``reported`` differs from the register's figure
    (more than :data:`DIFFERENCE_TOLERANCE` apart); ``False`` when nothing was typed."""
    return reported is not None and abs(float(register_value) - float(reported)) > DIFFERENCE_TOLERANCE


__all__ = [
    "CAPA", "COMPLAINTS", "DIFFERENCE_TOLERANCE", "MYSTERY_VISITS", "REGISTER_FIGURES", "REGISTER_SOURCES",
    "REPORTED_SOURCE", "RegisterFigure", "figures_differ", "register_figure_for",
]
