"""The parameters a scoring rule declares (评分规则参数): name, type, unit, labels, workbook column.

A rule kind lists its :class:`RuleField` s; everything that reads or writes rule parameters — the
TOML/DB mapping, the indicator-system workbook, the editor — iterates over them instead of knowing
the kinds. A field's :class:`FieldType` knows how its value is typed, read, written and shown:

- :data:`NUMBER` — a number (``float``), e.g. ``floor``, ``target``, ``per_unit``;
- :data:`RANK_BANDS` — a list of rank bands ``[{"from": 1, "to": 3, "fraction": 1.0}, …]``, typed as
  ``1-3:100%; 4-5:50%`` (:mod:`~qsm_desktop.domain.indicators.bands`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from qsm_desktop.domain.i18n import get_language, register
from qsm_desktop.domain.indicators.bands import bands_text, parse_bands
from qsm_desktop.domain.indicators.numbers import fmt_number
from qsm_desktop.domain.normalise import NormaliseError, clean_text, parse_number

register({
    "indicators.bands_text": ("名次档“{value}”无法识别，应写成“1-3:100%; 4-5:50%”", "rank bands '{value}' not understood; "
                              "write them like '1-3:100%; 4-5:50%'"),
})


class ProblemSink(Protocol):
    """Where a strict reader of a rule's parameters reports problems (the TOML/DB parser)."""

    def number(self, item: Mapping[str, object], key: str, where: str) -> float | None:
        """``item[key]`` as a finite number, or ``None`` after reporting it missing or invalid."""

    def bad(self, where: str, key: str, value: object, expected_key: str, **kw: object) -> None:
        """Report ``key`` = ``value`` at ``where`` as invalid, ``expected_key`` saying what was expected."""


def toml_value(value: object) -> str:
    """A scalar as TOML: ``70.0`` → ``70``, ``0.5`` → ``0.5``, strings JSON-escaped (valid TOML)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # JSON escapes are valid TOML basic-string escapes
    raise TypeError(f"cannot write {value!r} to TOML")


class FieldType:
    """How one kind of rule parameter is kept (plain mapping), read strictly, typed by a person and
    written to TOML. Subclasses: :class:`NumberType`, :class:`RankBandsType`.

    ``name``: ``"number"`` for a plain number (the editor shows a spin box), anything else is edited
    as text through :meth:`parse_input` / :meth:`format_input`. ``default``: the value an editor
    shows when the parameter is absent. ``empty``: the value of a blank or unreadable cell
    (``None`` = the parameter is left out); a list-valued type hands out a new list each time. ``width``: characters a typed value usually needs.
    ``example``: how a typed value looks (a placeholder).
    """

    name: str = ""
    default: object = None
    empty: object = None
    width: int = 10
    example: str = ""

    def read(self, item: Mapping[str, object], key: str, where: str, sink: ProblemSink) -> object | None:
        """``item[key]`` checked strictly (TOML or database mapping), or ``None`` after reporting why."""
        raise NotImplementedError

    def parse_input(self, raw: object) -> object:
        """A value as typed in a workbook cell or an editor field → the plain value (:attr:`empty`
        when blank); :class:`~qsm_desktop.domain.normalise.NormaliseError` saying why it is not one."""
        raise NotImplementedError

    def format_input(self, value: object) -> object:
        """The inverse of :meth:`parse_input`: what a workbook cell or an editor field shows."""
        raise NotImplementedError

    def coerce(self, value: object) -> object:
        """A value handed over by code (an editor, a test) in the plain shape."""
        return value

    def toml(self, value: object) -> str:
        """The value as TOML text (inline)."""
        raise NotImplementedError


class NumberType(FieldType):
    """A plain number (``float``) in the unit the field declares."""

    name = "number"
    default = 0.0
    empty = None
    width = 10

    def read(self, item: Mapping[str, object], key: str, where: str, sink: ProblemSink) -> float | None:
        return sink.number(item, key, where)

    def parse_input(self, raw: object) -> float | None:
        if raw is None or raw == "":
            return None
        return parse_number(raw)

    def format_input(self, value: object) -> object:
        return value

    def coerce(self, value: object) -> float:
        return float(value)  # type: ignore[arg-type]

    def toml(self, value: object) -> str:
        return toml_value(value)


class RankBandsType(FieldType):
    """Rank bands: a list of ``{"from": int, "to": int, "fraction": float}`` (ranks inclusive,
    fraction 0–1 of the weight), typed as ``1-3:100%; 4-5:50%``."""

    name = "rank_bands"
    width = 26
    example = "1-3:100%; 4-5:50%"

    @property
    def default(self) -> list[dict]:  # type: ignore[override]
        return []

    @property
    def empty(self) -> list[dict]:  # type: ignore[override]
        return []

    def read(self, item: Mapping[str, object], key: str, where: str, sink: ProblemSink) -> list[dict] | None:
        raw_bands = item.get(key)
        if not isinstance(raw_bands, list):
            sink.bad(where, key, raw_bands, "indicators.expect_bands")
            return None
        bands = []
        for band in raw_bands:
            if not isinstance(band, dict):
                sink.bad(where, key, band, "indicators.expect_rank_band")
                continue
            lo, hi, fr = (sink.number(band, k, where) for k in ("from", "to", "fraction"))
            if lo is None or hi is None or fr is None:
                continue
            if lo != int(lo) or hi != int(hi):
                sink.bad(where, key, f"{fmt_number(lo)}–{fmt_number(hi)}", "indicators.expect_rank_band")
                continue
            bands.append({"from": int(lo), "to": int(hi), "fraction": fr})
        return bands

    def parse_input(self, raw: object) -> list[dict]:
        text = clean_text(raw) or ""
        bands = parse_bands(text)
        if bands is None:
            raise NormaliseError("indicators.bands_text", value=text)
        return bands

    def format_input(self, value: object) -> str:
        return bands_text(list(value or []))  # type: ignore[arg-type]

    def toml(self, value: object) -> str:
        bands = ", ".join(
            f"{{ from = {b['from']}, to = {b['to']}, fraction = {float(b['fraction'])!r} }}"
            for b in value  # type: ignore[attr-defined]
        )
        return f"[ {bands} ]"


NUMBER = NumberType()
RANK_BANDS = RankBandsType()


@dataclass(frozen=True)
class RuleField:
    """One parameter of a scoring rule (评分规则参数).

    ``name``: the key in the plain mapping (TOML, database, workbook); ``type``: a :class:`FieldType`;
    ``unit``: what the number means — ``"indicator"`` (in the indicator's own unit, percent 0–100),
    ``"points/indicator"`` (points per one unit of the value) or ``"rank→fraction"`` (bands of ranks
    earning a fraction of the weight); ``label_zh``/``label_en``: the field's name for people;
    ``column``: its column title in the indicator-system workbook (指标 sheet).
    """

    name: str
    type: FieldType
    unit: str
    label_zh: str
    label_en: str
    column: str

    def label(self, language: str | None = None) -> str:
        """The field's name in ``language`` (default: the current language)."""
        return self.label_zh if (language or get_language()) == "zh" else self.label_en

    def form_label(self, language: str | None = None) -> str:
        """The label in front of the field in a form: ``保底值（得 0 分）：`` / ``Floor (0 points):``."""
        lang = language or get_language()
        return self.label(lang) + ("：" if lang == "zh" else ":")


__all__ = ["NUMBER", "RANK_BANDS", "FieldType", "NumberType", "ProblemSink", "RankBandsType", "RuleField",
           "toml_value"]
