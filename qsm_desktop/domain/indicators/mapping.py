"""A system from its plain mapping (the TOML structure), every problem listed at once — DESIGN §4.

The mapping is what ``tomllib`` makes of the reference file (``db/seed/indicator_system_2007.toml``),
what the store rebuilds from its tables and what the workbook reader assembles: top-level
``name``/``version``/``effective_from``, lists ``grades``, ``categories``, ``indicators`` with an
inline ``rule = { kind = …, <parameters> }``. A rule's parameters are read by the types its kind
declares (:mod:`~qsm_desktop.domain.indicators.rules`).
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Mapping

from qsm_desktop.domain.i18n import msg
from qsm_desktop.domain.indicators import messages as _messages  # noqa: F401  (registers the texts used here)
from qsm_desktop.domain.indicators.numbers import is_number
from qsm_desktop.domain.indicators.rules import Rule, rule_class, rule_kinds
from qsm_desktop.domain.indicators.system import (
    Category,
    GradeBand,
    Indicator,
    IndicatorSystem,
    IndicatorSystemInvalid,
    weight_problems,
)


def system_from_mapping(data: Mapping[str, object], source: str = "") -> IndicatorSystem:
    """Build and validate a system from the parsed TOML structure (also used by the Excel reader
    and the store).

    Raises :class:`IndicatorSystemInvalid` listing every problem.
    """
    problems: list[str] = []
    p = MappingParser(problems)
    where_sys = msg("indicators.where_system")
    name = p.text(data, "name", where_sys)
    version = p.text(data, "version", where_sys)
    effective = p.date(data, "effective_from", where_sys)

    grades = []
    for n, item in enumerate(p.table_list(data, "grades", where_sys), start=1):
        where = msg("indicators.where_item", n=n, what=msg("indicators.what_grade"))
        g_name, g_min = p.text(item, "name", where), p.number(item, "min", where)
        if g_name is not None and g_min is not None:
            grades.append(GradeBand(g_name, g_min, _english(item)))

    categories = []
    for n, item in enumerate(p.table_list(data, "categories", where_sys), start=1):
        where = msg("indicators.where_item", n=n, what=msg("indicators.what_category"))
        code = p.text(item, "code", where)
        if code:
            where = msg("indicators.where_category", code=code)
        c_name, applies = p.text(item, "name", where), p.text(item, "applies_to", where)
        if code and c_name and applies:
            categories.append(Category(code, c_name, applies, _english(item)))

    indicators = []
    leaf_weights: list[tuple[str, float]] = []
    for n, item in enumerate(p.table_list(data, "indicators", where_sys), start=1):
        where = msg("indicators.where_item", n=n, what=msg("indicators.what_indicator"))
        code = p.text(item, "code", where)
        if code:
            where = msg("indicators.where_indicator", code=code)
        fields = {
            "category": p.text(item, "category", where),
            "name": p.text(item, "name", where),
            "unit": p.text(item, "unit", where, allow_empty=True),
            "direction": p.text(item, "direction", where),
            "weight": p.number(item, "weight", where),
            "source": p.text(item, "source", where),
        }
        rule = p.rule(item, where)
        if fields["category"] is not None and fields["weight"] is not None:
            leaf_weights.append((fields["category"], fields["weight"]))
        if code and rule is not None and all(v is not None for v in fields.values()):
            indicators.append(Indicator(code=code, rule=rule, name_en=_english(item), **fields))  # type: ignore[arg-type]

    # semantic checks on whatever parsed, so that every problem is listed at once; the weight sums
    # count every leaf whose weight parsed, even when its rule did not
    system = IndicatorSystem(name or "?", version or "?", effective or datetime.date.min,
                             tuple(grades), tuple(categories), tuple(indicators), _english(data))
    checks = system.problems(weights=False) + weight_problems(system.categories, leaf_weights)
    problems += [c for c in checks if c not in problems]
    if problems:
        label = f"{name or ''} {version or ''}".strip() or source
        raise IndicatorSystemInvalid(label, problems)
    return system


def _english(item: Mapping[str, object]) -> str:
    """The optional ``name_en`` of a mapping (issue 14): a string, else ``""`` (never a problem)."""
    value = item.get("name_en") if isinstance(item, Mapping) else None
    return value.strip() if isinstance(value, str) else ""


class MappingParser:
    """Reads the fields of a parsed TOML document, collecting every problem instead of stopping at
    the first (``problems``: the list the sentences are appended to, current language)."""

    def __init__(self, problems: list[str]):
        self.problems = problems

    def missing(self, where: str, key: str) -> None:
        """Report ``key`` missing at ``where``."""
        self.problems.append(msg("indicators.missing_field", where=where, field=key))

    def bad(self, where: str, key: str, value: object, expected_key: str, **kw: object) -> None:
        """Report ``key`` = ``value`` at ``where`` as invalid (``expected_key``: what was expected)."""
        self.problems.append(msg("indicators.bad_field", where=where, field=key, value=value,
                                 expected=msg(expected_key, **kw)))

    def text(self, item: Mapping[str, object], key: str, where: str, allow_empty: bool = False) -> str | None:
        """``item[key]`` as stripped text (non-empty unless ``allow_empty``), or ``None`` after reporting."""
        if key not in item:
            self.missing(where, key)
            return None
        value = item[key]
        if not isinstance(value, str) or (not allow_empty and not value.strip()):
            self.bad(where, key, value, "indicators.expect_text")
            return None
        return value.strip()

    def number(self, item: Mapping[str, object], key: str, where: str) -> float | None:
        """``item[key]`` as a finite ``float``, or ``None`` after reporting."""
        if key not in item:
            self.missing(where, key)
            return None
        value = item[key]
        if not is_number(value) or not math.isfinite(float(value)):  # type: ignore[arg-type]
            self.bad(where, key, value, "indicators.expect_number")
            return None
        return float(value)  # type: ignore[arg-type]

    def date(self, item: Mapping[str, object], key: str, where: str) -> datetime.date | None:
        """``item[key]`` as a date (a TOML date or ``"YYYY-MM-DD"``), or ``None`` after reporting."""
        if key not in item:
            self.missing(where, key)
            return None
        value = item[key]
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, str):
            try:
                return datetime.date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.bad(where, key, value, "indicators.expect_date")
        return None

    def table_list(self, item: Mapping[str, object], key: str, where: str) -> list[Mapping[str, object]]:
        """``item[key]`` as a list of tables (``[[key]]``), or ``[]`` after reporting."""
        if key not in item:
            self.missing(where, key)
            return []
        value = item[key]
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.bad(where, key, "…", "indicators.expect_one_of", choices=f"[[{key}]]")
            return []
        return value

    def rule(self, item: Mapping[str, object], where: str) -> Rule | None:
        """``item["rule"]``: its kind looked up among the registered rules, each declared parameter
        read by its type; ``None`` after reporting what is wrong."""
        if "rule" not in item:
            self.missing(where, "rule")
            return None
        rule = item["rule"]
        if not isinstance(rule, dict):
            self.bad(where, "rule", rule, "indicators.expect_one_of", choices="{ kind = … }")
            return None
        kind = rule.get("kind")
        cls = rule_class(kind)
        if cls is None:
            self.bad(where, "rule.kind", kind, "indicators.expect_one_of", choices=", ".join(rule_kinds()))
            return None
        values = {field.name: field.type.read(rule, field.name, where, self) for field in cls.fields}  # type: ignore[attr-defined]
        if any(value is None for value in values.values()):
            return None
        return cls.from_mapping(values)  # type: ignore[attr-defined]


__all__ = ["MappingParser", "system_from_mapping"]
