"""The words of the evaluation (评价用语): org-unit types, directions, data sources, tolerances — DESIGN §4."""

from __future__ import annotations

from typing import Literal

UNIT_TYPE_BRANCH = "分行"
"""Org-unit type of a branch (分行)."""
UNIT_TYPE_DEPARTMENT = "总行部门"
"""Org-unit type of a head-office department (总行部门)."""
ORG_UNIT_TYPES = ("总行", "总行部门", "分行", "支行", "网点")
"""Org-unit types a category may apply to (DESIGN §2)."""

DIRECTIONS = ("higher", "lower")
"""An indicator's direction (方向): ``higher`` or ``lower`` is better."""
SOURCES: dict[str, tuple[str, str]] = {
    "quarterly": ("服务质量季度报表", "quarterly service-quality return"),
    "internal_service": ("内部服务评价表", "internal service rating returns"),
    "certification": ("持证上岗登记", "certification register"),
    "training": ("培训记录", "training records"),
    "awards": ("示范窗口单位", "showcase awards"),
    "manual": ("手工录入", "manual entry"),
    "mystery_visits": ("神秘访客检查", "mystery visits"),
    "complaints": ("投诉登记", "complaint register"),
    "capa": ("纠正预防措施登记", "corrective and preventive actions"),
}
"""Data source code → (Chinese, English) name (DESIGN §4); the last three are the improvement
loop's registers (DESIGN §8.2, §8.5, §9.2 — :mod:`~qsm_desktop.domain.indicators.registers`)."""

WEIGHT_TOTAL = 100.0
"""The weights of one unit type's leaves add up to this many points."""
WEIGHT_TOLERANCE = 1e-6
TIE_TOLERANCE = 1e-9
"""Totals closer than this are ties (floating-point noise only)."""

Direction = Literal["higher", "lower"]

__all__ = [
    "DIRECTIONS", "ORG_UNIT_TYPES", "SOURCES", "TIE_TOLERANCE", "UNIT_TYPE_BRANCH", "UNIT_TYPE_DEPARTMENT",
    "WEIGHT_TOLERANCE", "WEIGHT_TOTAL", "Direction",
]
