"""Why an indicator scored what it did (得分说明): value → rule → points, and why points were lost — DESIGN §4."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from qsm_desktop.domain.i18n import get_language, msg
from qsm_desktop.domain.indicators import messages as _messages  # noqa: F401  (registers the texts used here)
from qsm_desktop.domain.indicators.numbers import fmt_number, with_unit
from qsm_desktop.domain.indicators.rules import RuleOutcome
from qsm_desktop.domain.indicators.vocabulary import TIE_TOLERANCE

if TYPE_CHECKING:
    from qsm_desktop.domain.indicators.system import Indicator


@dataclass(frozen=True)
class ScoreExplanation:
    """Why an indicator scored what it did (得分说明): value → rule → points, and why points were lost.

    Texts are rendered on demand in either language (``language=None`` = current language).
    """

    indicator: Indicator
    value: float
    outcome: RuleOutcome

    @property
    def points(self) -> float:
        """The unrounded points."""
        return self.outcome.points

    @property
    def lost(self) -> float:
        """Points lost against the weight (0 when full)."""
        return max(0.0, self.indicator.weight - self.outcome.points)

    def rule_text(self, language: str | None = None) -> str:
        """The rule in words, e.g. ``线性：70% 及以下得 0 分，90% 及以上得满分 15 分，其间按比例``."""
        lang = language or get_language()
        return self.indicator.rule.describe(self.indicator.unit, self.indicator.weight, lang)

    def describe(self, language: str | None = None) -> str:
        """One line: ``本期值 84.9分 → 线性：… → 得 10.67 / 15 分``."""
        lang = language or get_language()
        ind = self.indicator
        return msg("indicators.explain", language=lang, value=with_unit(self.value, ind.unit, lang),
                   rule=self.rule_text(lang), points=fmt_number(self.points), weight=fmt_number(ind.weight))

    def loss_reason(self, language: str | None = None) -> str | None:
        """Why points were lost (失分原因) in words, or ``None`` when the full weight was earned."""
        if self.lost <= TIE_TOLERANCE:
            return None
        lang = language or get_language()
        ind = self.indicator
        return ind.rule.loss_reason(self.value, self.outcome, ind.unit, ind.weight, self.lost, lang)


__all__ = ["ScoreExplanation"]
