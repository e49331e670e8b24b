"""The protocol every scoring rule follows (评分规则协议) and the registry of rule kinds — DESIGN §4.

A rule kind is one class in one file of this package, decorated with :func:`register_rule`; the
package imports every module of its folder, so nothing else needs to name the new kind. The class
declares:

- ``kind`` (the name stored in TOML, the database and workbooks), ``position`` (its place in
  pickers and lists), ``label_zh``/``label_en`` (its name for people), ``aliases`` (other words a
  workbook may use for it, e.g. 线性);
- ``fields``: its parameters as :class:`~.fields.RuleField` s (name, type, unit, labels, column);
- ``formulas``: the rule as formulas in English, one per line (the header of a written TOML file);
- ``value_kind``: what the scored value is — ``"rank"`` (1 = best, a whole number), ``"count"``
  (≥ 0) or ``"measure"`` (any finite number in the indicator's unit);
- ``from_mapping`` / ``to_mapping``: the plain mapping the workbook, TOML and the database keep;
- ``problems`` (parameters and direction), ``value_problem`` (a value it cannot score),
  ``apply`` (value → points), and the texts: ``describe`` (the rule in a sentence), ``summary``
  (a few words for a tree), ``target_text`` (the value that earns full points) and ``loss_reason``
  (why points were lost).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar, Protocol, runtime_checkable

from qsm_desktop.domain.i18n import get_language
from qsm_desktop.domain.indicators.rules.fields import RuleField


@dataclass(frozen=True)
class RuleOutcome:
    """What a rule made of one value: the unrounded points and which case of the rule applied.

    ``case`` is one of ``full``, ``partial``, ``zero`` (linear), ``band``/``none`` (rank),
    ``partial``/``floor`` (deduction), ``cap``/``partial`` (bonus); ``facts`` are the numbers
    the explanation quotes (gap to target, band, raw deduction …).
    """

    points: float
    case: str
    facts: tuple[tuple[str, float], ...] = ()

    def fact(self, name: str, default: float = 0.0) -> float:
        """The fact called ``name`` (``default`` when the case did not record it)."""
        return dict(self.facts).get(name, default)


@runtime_checkable
class IndicatorRule(Protocol):
    """A scoring rule (评分规则) of a leaf indicator; see the module docstring for each member."""

    kind: ClassVar[str]
    position: ClassVar[int]
    label_zh: ClassVar[str]
    label_en: ClassVar[str]
    aliases: ClassVar[tuple[str, ...]]
    fields: ClassVar[tuple[RuleField, ...]]
    value_kind: ClassVar[str]
    formulas: ClassVar[tuple[str, ...]]

    @classmethod
    def from_mapping(cls, values: Mapping[str, object]) -> IndicatorRule:
        """The rule from its parameters, each already of its field's type (``values[field.name]``)."""

    def to_mapping(self) -> dict[str, object]:
        """``{"kind": …, <field name>: <plain value>, …}`` — what TOML, the database and workbooks keep."""

    def problems(self, code: str, direction: str) -> list[str]:
        """Every reason the parameters cannot be used for indicator ``code`` with ``direction``."""

    def value_problem(self, value: float) -> str | None:
        """The message key saying why the finite ``value`` cannot be scored, or ``None``."""

    def apply(self, value: float, weight: float) -> RuleOutcome:
        """Score ``value`` (the indicator's unit, percent 0–100) out of ``weight`` points, unrounded."""

    def describe(self, unit: str, weight: float, language: str) -> str:
        """The rule in one sentence, e.g. ``线性：70%及以下得 0 分，90%及以上得满分 15 分，其间按比例``."""

    def summary(self, unit: str, language: str) -> str:
        """The rule in a few words for a tree or a list, e.g. ``线性 70% → 90%``."""

    def target_text(self, unit: str, weight: float, language: str) -> str:
        """The value that earns full points (目标), e.g. ``≥90%``."""

    def loss_reason(self, value: float, outcome: RuleOutcome, unit: str, weight: float, lost: float,
                    language: str) -> str:
        """Why ``lost`` (> 0) points were lost on ``value``, in ``language``."""


Rule = IndicatorRule
"""Any registered rule (the protocol's name in the rest of the package)."""

_RULES: dict[str, type] = {}
_FIELDS: dict[str, RuleField] = {}


def register_rule(cls: type) -> type:
    """Class decorator: add a rule kind to the registry. ``ValueError`` when the kind is taken or a
    field name is already declared by another kind with a different type."""
    kind = cls.kind  # type: ignore[attr-defined]
    existing = _RULES.get(kind)
    if existing is not None and existing is not cls:
        raise ValueError(f"rule kind {kind!r} registered twice")
    for field in cls.fields:  # type: ignore[attr-defined]
        known = _FIELDS.get(field.name)
        if known is not None and known.type is not field.type:
            raise ValueError(f"rule parameter {field.name!r} declared with two types")
        _FIELDS.setdefault(field.name, field)
    _RULES[kind] = cls
    return cls


def rule_classes() -> tuple[type, ...]:
    """Every registered rule class, in ``position`` order (linear, rank, deduction, bonus)."""
    return tuple(sorted(_RULES.values(), key=lambda c: (c.position, c.kind)))  # type: ignore[attr-defined]


def rule_kinds() -> tuple[str, ...]:
    """The registered kind names, in ``position`` order."""
    return tuple(c.kind for c in rule_classes())  # type: ignore[attr-defined]


def rule_class(kind: object) -> type | None:
    """The class of rule kind ``kind`` (``None`` for an unknown kind or a non-string)."""
    return _RULES.get(kind) if isinstance(kind, str) else None


def rule_fields() -> tuple[RuleField, ...]:
    """Every parameter any kind declares, once each: the number parameters first, then the others
    (list-valued, wide), each group in kind order — the column order of the workbook's rule
    parameters (保底值, 目标值, 每单位分值, 名次档) and the order of the editor's rows."""
    seen: dict[str, RuleField] = {}
    for cls in rule_classes():
        for field in cls.fields:  # type: ignore[attr-defined]
            seen.setdefault(field.name, field)
    return tuple(sorted(seen.values(), key=lambda f: f.type.name != "number"))


def rule_label(kind: str, language: str | None = None) -> str:
    """The kind's name for people in ``language`` (``kind`` itself when unknown)."""
    cls = rule_class(kind)
    if cls is None:
        return str(kind)
    return cls.label_zh if (language or get_language()) == "zh" else cls.label_en  # type: ignore[attr-defined]


def lenient_rule(params: Mapping[str, object]) -> IndicatorRule | None:
    """A rule from a possibly incomplete plain mapping (an editor's draft): absent parameters take
    their type's default. ``None`` for an unknown kind. No checks — see ``problems`` for those."""
    cls = rule_class(params.get("kind"))
    if cls is None:
        return None
    values = {f.name: params.get(f.name, f.type.default) for f in cls.fields}  # type: ignore[attr-defined]
    return cls.from_mapping(values)  # type: ignore[attr-defined]


def rule_summary(params: Mapping[str, object], unit: str, language: str | None = None) -> str:
    """A few words for the rule in ``params`` (plain mapping, possibly a draft), e.g.
    ``线性 70% → 90%`` / ``linear 70% → 90%``; the kind itself when unknown."""
    rule = lenient_rule(params)
    if rule is None:
        return str(params.get("kind"))
    return rule.summary(unit, language or get_language())


__all__ = [
    "IndicatorRule", "Rule", "RuleOutcome", "lenient_rule", "register_rule", "rule_class", "rule_classes",
    "rule_fields", "rule_kinds", "rule_label", "rule_summary",
]
