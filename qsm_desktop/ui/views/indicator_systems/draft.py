"""The editor's draft of an indicator system (指标体系草稿): the TOML structure as a ``dict``.

The draft is kept as the plain mapping the domain reads (``system_from_mapping``) and turned into
a validated domain system only to preview or save, so a half-edited draft never reaches the
database. These functions change or read a draft; they know no widget and no rule kind (a rule's
parameters are the fields its kind declares).
"""

from __future__ import annotations

import copy
import tomllib

from qsm_desktop.domain.indicators import (
    IndicatorSystem,
    IndicatorSystemInvalid,
    dumps_toml,
    rule_class,
    rule_fields,
    system_from_mapping,
)

INDICATOR_KEYS = ("name", "name_en", "unit", "direction", "source")
"""Text fields of an indicator a draft edit may set (besides ``weight`` and the rule)."""


def system_to_mapping(system: IndicatorSystem) -> dict:
    """A domain system as the editable TOML structure (via the domain's own TOML writer)."""
    data = tomllib.loads(dumps_toml(system))
    data["effective_from"] = system.effective_from
    return data


def find_indicator(draft: dict | None, code: str | None) -> dict | None:
    """The indicator ``code`` of the draft (the dict itself, to change in place), or ``None``."""
    for ind in (draft or {}).get("indicators", []):
        if ind["code"] == code:
            return ind
    return None


def set_indicator_fields(draft: dict, code: str, **fields: object) -> None:
    """Change indicator ``code`` of ``draft``: ``weight``, ``name``, ``unit``, ``direction``,
    ``source``, or the rule — ``kind`` (starts a new rule of that kind; give it first) and any
    parameter a rule kind declares (``floor``, ``target``, ``per_unit``, ``bands`` …). Parameters
    the rule's kind does not declare are dropped. ``KeyError`` when there is no such indicator."""
    ind = find_indicator(draft, code)
    if ind is None:
        raise KeyError(code)
    rule = dict(ind.get("rule", {}))
    parameters = {field.name: field for field in rule_fields()}
    for key, value in fields.items():
        if key == "weight":
            ind[key] = float(value)  # type: ignore[arg-type]
        elif key in INDICATOR_KEYS:
            ind[key] = value
        elif key == "kind":
            rule = {"kind": value}
        elif key in parameters:
            rule[key] = parameters[key].type.coerce(value)
    kind = rule.get("kind")
    cls = rule_class(kind)
    keep = [field.name for field in cls.fields] if cls is not None else []  # type: ignore[attr-defined]
    ind["rule"] = {"kind": kind, **{k: rule[k] for k in keep if k in rule}}


def add_indicator(draft: dict, category: str, name: str) -> str:
    """Add an indicator called ``name`` (weight 0, source manual, linear 0 → 100 on percent) to
    ``category`` after its last indicator; return its new code (``<category>NN``, the first free)."""
    existing = {i["code"] for i in draft["indicators"]}
    n = 1
    while f"{category}{n:02d}" in existing:
        n += 1
    code = f"{category}{n:02d}"
    position = max((k for k, i in enumerate(draft["indicators"]) if i["category"] == category), default=-1)
    draft["indicators"].insert(position + 1, {
        "code": code, "category": category, "name": name, "unit": "%", "direction": "higher",
        "weight": 0.0, "source": "manual", "rule": {"kind": "linear", "floor": 0.0, "target": 100.0}})
    return code


def remove_indicator(draft: dict, code: str) -> None:
    """Remove indicator ``code`` from ``draft`` (nothing when absent)."""
    draft["indicators"] = [i for i in draft["indicators"] if i["code"] != code]


def unit_type_totals(draft: dict) -> dict[str, float]:
    """Unit type → the sum of its leaves' weights in the draft (each should be 100)."""
    applies = {c["code"]: c["applies_to"] for c in draft.get("categories", [])}
    totals: dict[str, float] = {t: 0.0 for t in applies.values()}
    for ind in draft.get("indicators", []):
        if ind["category"] in applies:
            totals[applies[ind["category"]]] += float(ind.get("weight", 0))
    return totals


def draft_for_domain(draft: dict) -> dict:
    """A copy of the draft as the domain reads it (without the editor's ``note``)."""
    data = copy.deepcopy(draft)
    data.pop("note", None)
    return data


def draft_system(draft: dict) -> IndicatorSystem:
    """The draft as a validated domain system (``IndicatorSystemInvalid`` listing every problem)."""
    return system_from_mapping(draft_for_domain(draft))


def draft_problems(draft: dict) -> list[str]:
    """Every reason the draft cannot be saved, in the current language (empty when it can)."""
    try:
        draft_system(draft)
    except IndicatorSystemInvalid as exc:
        return list(exc.problems)
    return []


__all__ = ["add_indicator", "draft_for_domain", "draft_problems", "draft_system", "find_indicator",
           "remove_indicator", "set_indicator_fields", "system_to_mapping", "unit_type_totals"]
