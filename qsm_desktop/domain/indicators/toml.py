"""An indicator system as TOML in the reference format (``db/seed/indicator_system_2007.toml``) — DESIGN §4.

:func:`loads_toml` / :func:`load_toml` read and validate; :func:`dumps_toml` / :func:`dump_toml`
write so that reading back gives an equal system. A rule is written inline from its plain mapping,
each parameter by its declared type.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from qsm_desktop.domain.i18n import msg
from qsm_desktop.domain.indicators import messages as _messages  # noqa: F401  (registers the texts used here)
from qsm_desktop.domain.indicators.mapping import system_from_mapping
from qsm_desktop.domain.indicators.rules import Rule, rule_class, rule_classes
from qsm_desktop.domain.indicators.rules.fields import toml_value
from qsm_desktop.domain.indicators.system import IndicatorSystem, IndicatorSystemInvalid


def load_toml(path: str | Path) -> IndicatorSystem:
    """Read and validate an indicator system from a TOML file in the reference format
    (``db/seed/indicator_system_2007.toml``). Raises :class:`IndicatorSystemInvalid` with every
    problem found; ``OSError`` when the file cannot be read."""
    path = Path(path)
    return loads_toml(path.read_text(encoding="utf-8"), source=path.name)


def loads_toml(text: str, source: str = "TOML") -> IndicatorSystem:
    """Parse and validate an indicator system from TOML text (reference format).

    ``effective_from`` may be a TOML date or a ``"YYYY-MM-DD"`` string. Raises
    :class:`IndicatorSystemInvalid` listing every problem (syntax, missing or bad fields, weights
    not adding up to 100 per unit type, invalid rule parameters).
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise IndicatorSystemInvalid(source, [msg("indicators.bad_toml", source=source, error=exc)]) from None
    return system_from_mapping(data, source=source)


def _toml_header() -> str:
    """The comment heading a written file: what it is and every registered rule's formulas."""
    lines = ["# Comprehensive service-quality evaluation indicator system (综合评价指标体系), written by QSM Desktop.",
             "# Rules (see DESIGN.md §4):"]
    for cls in rule_classes():
        for n, formula in enumerate(cls.formulas):  # type: ignore[attr-defined]
            lines.append(f"#   {cls.kind if n == 0 else '':<10} {formula}")  # type: ignore[attr-defined]
    lines.append("# Scores are rounded to 2 decimals only for display and reports; totals add the unrounded points.")
    return "\n".join(lines) + "\n"


def rule_inline(rule: Rule) -> str:
    """The rule as an inline TOML table: ``{ kind = "linear", floor = 70, target = 90 }``."""
    params = rule.to_mapping()
    fields = {f.name: f for f in rule_class(params["kind"]).fields}  # type: ignore[union-attr]
    items = [f"kind = {toml_value(params['kind'])}"]
    items += [f"{name} = {fields[name].type.toml(value)}" for name, value in params.items() if name != "kind"]
    return f"{{ {', '.join(items)} }}"


def dumps_toml(system: IndicatorSystem) -> str:
    """Write ``system`` as TOML in the reference format (top-level name/version/effective_from,
    ``[[grades]]``, ``[[categories]]``, ``[[indicators]]`` with an inline ``rule``).
    :func:`loads_toml` reads it back to an equal system. Comments of an imported file are not kept."""
    lines = [_toml_header()]
    lines.append(f"name = {toml_value(system.name)}")
    lines += _english_line(system.name_en)
    lines.append(f"version = {toml_value(system.version)}")
    lines.append(f"effective_from = {toml_value(system.effective_from.isoformat())}")
    lines.append("")
    for grade in system.grades:
        lines += ["[[grades]]", f"name = {toml_value(grade.name)}", f"min = {toml_value(grade.min)}",
                  *_english_line(grade.name_en)]
    for unit_type in system.unit_types():
        lines += ["", f"# ---------------------------------------------------------------- {unit_type}"]
        for category in system.categories_for(unit_type):
            lines += ["[[categories]]", f"code = {toml_value(category.code)}",
                      f"name = {toml_value(category.name)}", *_english_line(category.name_en), f"applies_to = {toml_value(category.applies_to)}"]
    for ind in system.indicators:
        lines += [
            "",
            "[[indicators]]",
            f"code = {toml_value(ind.code)}",
            f"category = {toml_value(ind.category)}",
            f"name = {toml_value(ind.name)}",
            *_english_line(ind.name_en),
            f"unit = {toml_value(ind.unit)}",
            f"direction = {toml_value(ind.direction)}",
            f"weight = {toml_value(ind.weight)}",
            f"source = {toml_value(ind.source)}",
            f"rule = {rule_inline(ind.rule)}",
        ]
    return "\n".join(lines) + "\n"


def _english_line(name_en: str) -> list[str]:
    """``name_en = "…"`` when there is an English name (issue 14), else nothing."""
    return [f"name_en = {toml_value(name_en)}"] if name_en else []


def dump_toml(system: IndicatorSystem, path: str | Path) -> None:
    """Write ``system`` to ``path`` as UTF-8 TOML (see :func:`dumps_toml`)."""
    Path(path).write_text(dumps_toml(system), encoding="utf-8")


__all__ = ["dump_toml", "dumps_toml", "load_toml", "loads_toml", "rule_inline"]
