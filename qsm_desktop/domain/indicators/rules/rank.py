"""``rank`` (名次档): ``weight * fraction`` of the first band whose ``[from, to]`` holds the rank, else 0.

From the header of ``db/seed/indicator_system_2007.toml`` (DESIGN §4). The value is a rank
(1 = best), so the direction is ``lower``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.domain.indicators.bands import bands_text
from qsm_desktop.domain.indicators.numbers import fmt_number, with_unit
from qsm_desktop.domain.indicators.rules.base import RuleOutcome, register_rule
from qsm_desktop.domain.indicators.rules.fields import RANK_BANDS, RuleField

register({
    "indicators.expect_fraction": ("应在 0 到 1 之间", "expected a value from 0 to 1"),
    "indicators.expect_rank_value": ("名次应为 ≥1 的整数", "a rank is a whole number ≥ 1"),
    "indicators.rule.rank": (
        "名次档：{bands}；其余名次 0 分",
        "rank bands: {bands}; any other rank 0",
    ),
    "indicators.rule.rank_band": ("第 {lo} 名得 {pct}%", "rank {lo} {pct}%"),
    "indicators.rule.rank_band_range": ("第 {lo}–{hi} 名得 {pct}%", "ranks {lo}–{hi} {pct}%"),
    "indicators.summary.rank": ("名次档 {bands}", "rank {bands}"),
    "indicators.target.top": ("前 {n} 名", "top {n}"),
    "indicators.loss.rank.partial": (
        "{value}属于第 {lo}–{hi} 名档，只得 {pct}%（失 {lost} 分）",
        "{value} falls in band {lo}–{hi}, worth {pct}% only ({lost} points lost)",
    ),
    "indicators.loss.rank.none": (
        "{value}不在任何得分档内，该项不得分（失 {lost} 分）",
        "{value} is in no scoring band: no points ({lost} lost)",
    ),
})

BANDS = RuleField("bands", RANK_BANDS, "rank→fraction", "名次档", "Rank bands", "名次档")


@dataclass(frozen=True)
class RankBand:
    """One band of a ``rank`` rule: ranks ``first``–``last`` (inclusive, TOML ``from``/``to``) earn
    ``fraction`` (0–1) of the weight."""

    first: int
    last: int
    fraction: float

    def holds(self, rank: float) -> bool:
        """Whether ``rank`` lies in ``first``–``last``."""
        return self.first <= rank <= self.last


@register_rule
@dataclass(frozen=True)
class RankRule:
    """``rank`` (名次档): ``weight * fraction`` of the first band holding the rank, else 0.

    The value is a rank (1 = best), so the direction is ``lower``. Example (B02, POS success
    rate local rank): ranks 1–3 full, 4–5 half, below that nothing.
    """

    bands: tuple[RankBand, ...]
    kind: ClassVar[str] = "rank"
    position: ClassVar[int] = 20
    label_zh: ClassVar[str] = "名次档"
    label_en: ClassVar[str] = "Rank bands"
    aliases: ClassVar[tuple[str, ...]] = ("名次", "名次档")
    fields: ClassVar[tuple[RuleField, ...]] = (BANDS,)
    value_kind: ClassVar[str] = "rank"
    formulas: ClassVar[tuple[str, ...]] = (
        "points = weight * fraction of the first band whose [from, to] holds the rank, else 0",
    )

    @classmethod
    def from_mapping(cls, values: Mapping[str, object]) -> RankRule:
        """``{"bands": [{"from": int, "to": int, "fraction": float}, …]}`` → the rule."""
        return cls(tuple(RankBand(int(b["from"]), int(b["to"]), float(b["fraction"]))  # type: ignore[index]
                         for b in values["bands"]))  # type: ignore[union-attr]

    def to_mapping(self) -> dict[str, object]:
        """``{"kind": "rank", "bands": [{"from": 1, "to": 3, "fraction": 1.0}, …]}``."""
        return {"kind": self.kind,
                "bands": [{"from": b.first, "to": b.last, "fraction": b.fraction} for b in self.bands]}

    def problems(self, code: str, direction: str) -> list[str]:
        """No band, a band that is not ``1 ≤ from ≤ to``, a fraction outside 0–1, or a direction
        other than ``lower``."""
        where = msg("indicators.where_indicator", code=code)
        out: list[str] = []
        if not self.bands:
            out.append(msg("indicators.bad_field", where=where, field="bands", value="[]",
                           expected=msg("indicators.expect_bands")))
        for band in self.bands:
            if not (band.first >= 1 and band.last >= band.first):
                out.append(msg("indicators.bad_field", where=where, field="bands",
                               value=f"{band.first}–{band.last}", expected=msg("indicators.expect_rank_band")))
            if not (0.0 <= band.fraction <= 1.0):
                out.append(msg("indicators.bad_field", where=where, field="fraction",
                               value=fmt_number(band.fraction, 4), expected=msg("indicators.expect_fraction")))
        if direction != "lower":
            out.append(msg("indicators.rule_direction", code=code, direction=direction, kind=self.kind,
                           expected=msg("indicators.expect_lower")))
        return out

    def value_problem(self, value: float) -> str | None:
        """A rank is a whole number ≥ 1."""
        if value < 1 or abs(value - round(value)) > 1e-9:
            return "indicators.expect_rank_value"
        return None

    def apply(self, value: float, weight: float) -> RuleOutcome:
        """The first band holding the rank: case ``full`` or ``band`` (facts ``lo``, ``hi``,
        ``fraction``); no band: ``none``, 0 points."""
        for band in self.bands:
            if band.holds(value):
                case = "full" if band.fraction >= 1.0 else "band"
                return RuleOutcome(weight * band.fraction, case,
                                   (("lo", band.first), ("hi", band.last), ("fraction", band.fraction)))
        return RuleOutcome(0.0, "none")

    def describe(self, unit: str, weight: float, language: str) -> str:
        """``名次档：第 1–3 名得 100%，第 4–5 名得 50%；其余名次 0 分``."""
        parts = []
        for band in self.bands:
            key = "indicators.rule.rank_band" if band.first == band.last else "indicators.rule.rank_band_range"
            parts.append(msg(key, language=language, lo=band.first, hi=band.last, pct=fmt_number(band.fraction * 100)))
        sep = "，" if language == "zh" else ", "
        return msg("indicators.rule.rank", language=language, bands=sep.join(parts))

    def summary(self, unit: str, language: str) -> str:
        """``名次档 1-3:100%; 4-5:50%`` / ``rank 1-3:100%; 4-5:50%``."""
        return msg("indicators.summary.rank", language=language, bands=bands_text(self.to_mapping()["bands"]))  # type: ignore[arg-type]

    def target_text(self, unit: str, weight: float, language: str) -> str:
        """``前 3 名`` (the first band with full points, else the best-paid band), or ``4–5``."""
        full = [b for b in self.bands if b.fraction >= 1.0]
        best = full[0] if full else (max(self.bands, key=lambda b: b.fraction) if self.bands else None)
        if best is None:
            return ""
        if best.first == 1:
            return msg("indicators.target.top", language=language, n=best.last)
        return f"{best.first}–{best.last}"

    def loss_reason(self, value: float, outcome: RuleOutcome, unit: str, weight: float, lost: float,
                    language: str) -> str:
        """In no band (nothing earned), or in a band worth a fraction only."""
        shown = with_unit(value, unit, language)
        if outcome.case == "none":
            return msg("indicators.loss.rank.none", language=language, value=shown, lost=fmt_number(lost))
        return msg("indicators.loss.rank.partial", language=language, value=shown,
                   lo=int(outcome.fact("lo")), hi=int(outcome.fact("hi")),
                   pct=fmt_number(outcome.fact("fraction") * 100), lost=fmt_number(lost))


__all__ = ["BANDS", "RankBand", "RankRule"]
