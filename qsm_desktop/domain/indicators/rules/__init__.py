"""Scoring rules of leaf indicators (评分规则) — one kind per module, found by listing this folder.

To add a kind, write one module here with one class decorated with
:func:`~qsm_desktop.domain.indicators.rules.base.register_rule` (see :mod:`.base` for the protocol
and :mod:`.linear` for an example); the TOML and database mapping, the indicator-system workbook,
the editor and the explanations pick it up from its declared fields and texts. Modules whose name
starts with ``_`` (shared helpers), ``base`` and ``fields`` are not kinds.
"""

from __future__ import annotations

import importlib
import pkgutil

from qsm_desktop.domain.indicators.rules.base import (
    IndicatorRule,
    Rule,
    RuleOutcome,
    lenient_rule,
    register_rule,
    rule_class,
    rule_classes,
    rule_fields,
    rule_kinds,
    rule_label,
    rule_summary,
)
from qsm_desktop.domain.indicators.rules.fields import NUMBER, RANK_BANDS, FieldType, RuleField

_NOT_KINDS = {"base", "fields"}


def _load_rule_modules() -> None:
    """Import every kind module of this package (each registers its class)."""
    for module in pkgutil.iter_modules(__path__):
        if module.name not in _NOT_KINDS and not module.name.startswith("_"):
            importlib.import_module(f"{__name__}.{module.name}")


_load_rule_modules()

__all__ = [
    "NUMBER", "RANK_BANDS", "FieldType", "IndicatorRule", "Rule", "RuleField", "RuleOutcome", "lenient_rule",
    "register_rule", "rule_class", "rule_classes", "rule_fields", "rule_kinds", "rule_label", "rule_summary",
]
