"""Mystery-visit checklists (神秘访客检查表) — DESIGN.md §8.1.

One checklist per window-service module (六大窗口服务模块: 柜面交易服务, 大堂综合服务 …), each item
with a code (``GM-05``), the plan's dimension (仪容仪表, 服务行为, 服务纪律, 服务能力, 服务硬件),
points (a module's items add up to 100) and a ``critical`` flag (a deduction caps the visit at 60,
§8.2). The modules of one edition (``2007版``) form a :class:`Checklist`; editions are versioned like
indicator systems: a visit is checked against the edition in force on its date
(:func:`checklist_in_force`). Source: ``reference/checklists_2007.toml`` (seeded as
``db/seed/checklists_2007.toml``).

Pure data and rules: no database, no Excel.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from qsm_desktop.domain import i18n
from qsm_desktop.domain.errors import InputRefused

__all__ = [
    "DIMENSIONS",
    "MODULE_POINTS",
    "Checklist",
    "ChecklistItem",
    "ChecklistModule",
    "checklist_in_force",
    "checklist_problems",
    "validate_checklist",
]

DIMENSIONS = ("仪容仪表", "服务行为", "服务纪律", "服务能力", "服务硬件")
"""The plan's five dimensions of window service (DESIGN §8.1)."""

MODULE_POINTS = 100
"""What a module's items add up to (DESIGN §8.1)."""

i18n.register(
    {
        "checklist.points_total": (
            "检查表“{module}”各项目分值合计为{total}分，应为{expected}分",
            "the items of checklist '{module}' add up to {total} points; they must add up to {expected}",
        ),
        "checklist.dimension": (
            "项目{code}的维度“{dimension}”无效，应为：{dimensions}",
            "item {code}: '{dimension}' is not a dimension; use one of: {dimensions}",
        ),
        "checklist.duplicate_item": (
            "项目代码{code}出现了不止一次，每个项目代码只能用一次",
            "item code {code} is used more than once; each code is used once",
        ),
        "checklist.duplicate_module": (
            "服务模块“{module}”出现了不止一次",
            "module '{module}' is listed more than once",
        ),
        "checklist.points": (
            "项目{code}的分值{points}无效，应大于0",
            "item {code}: {points} points is not valid; points must be above 0",
        ),
        "checklist.empty_module": (
            "服务模块“{module}”没有检查项目",
            "module '{module}' has no items",
        ),
        "checklist.no_modules": ("检查表没有任何服务模块", "the checklist has no modules"),
        "checklist.label": ("检查表须有名称和版本", "a checklist needs a name and a version"),
    }
)


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


@dataclass(frozen=True)
class ChecklistItem:
    """One checklist item (检查项目): ``code`` (``GM-05``), ``dimension`` (one of :data:`DIMENSIONS`),
    ``points`` (分值, > 0), ``critical`` (关键项), ``text`` (检查内容) and its English ``text_en``
    (``""`` when nobody wrote one; shown through :func:`qsm_desktop.domain.names.shown`, issue 14)."""

    code: str
    dimension: str
    points: float
    critical: bool
    text: str
    text_en: str = ""

    def shown_text(self, language: str | None = None) -> str:
        """The item's text in ``language`` (default: the current one): English when written, else
        the catalogue's English of the Chinese text, else the Chinese text."""
        from qsm_desktop.domain.names import shown

        return shown(self.text, self.text_en, language=language)


def checklist_title(name: str, label: str, language: str | None = None) -> str:
    """An edition's title in ``language``: ``窗口服务检查表（2007版）`` / ``Window service checklist (2007 edition)``."""
    from qsm_desktop.domain.i18n import get_language
    from qsm_desktop.domain.names import shown, shown_version

    if (language or get_language()) == "zh":
        return f"{name}（{label}）"
    return f"{shown(name, language=language)} ({shown_version(label, language=language)})"


@dataclass(frozen=True)
class ChecklistModule:
    """The checklist of one window-service module (服务模块): ``code`` (``GM``), ``name``
    (柜面交易服务), the ``norm`` it checks (网点柜面人员服务规范) and its ``items`` in order."""

    code: str
    name: str
    norm: str
    items: tuple[ChecklistItem, ...]

    @property
    def total_points(self) -> float:
        """Σ points of the items (100 when the module is valid)."""
        return float(sum(item.points for item in self.items))

    def item(self, code: str) -> ChecklistItem | None:
        """The item called ``code`` (``None`` when the module has no such item)."""
        return next((item for item in self.items if item.code == code), None)

    @property
    def item_codes(self) -> tuple[str, ...]:
        """The items' codes in order."""
        return tuple(item.code for item in self.items)


@dataclass(frozen=True)
class Checklist:
    """An edition of the checklists (检查表版本): ``name`` (窗口服务检查表), ``label`` (``2007版``),
    ``effective_from`` (the first day it applies) and its ``modules``."""

    name: str
    label: str
    effective_from: dt.date
    modules: tuple[ChecklistModule, ...]

    def module(self, name_or_code: str) -> ChecklistModule | None:
        """The module named ``name_or_code`` (its Chinese name, 柜面交易服务, or its code, GM)."""
        for module in self.modules:
            if name_or_code in (module.name, module.code):
                return module
        return None

    def item(self, code: str) -> tuple[ChecklistModule, ChecklistItem] | None:
        """(module, item) of the item called ``code`` in any module, or ``None``."""
        for module in self.modules:
            item = module.item(code)
            if item is not None:
                return module, item
        return None

    @property
    def title(self) -> str:
        """``窗口服务检查表（2007版）``."""
        return f"{self.name}（{self.label}）"

    def shown_title(self, language: str | None = None) -> str:
        """:attr:`title` in ``language``: ``Window service checklist (2007 edition)`` in English (issue 14)."""
        return checklist_title(self.name, self.label, language)

    # ------------------------------------------------------------------ mapping (TOML shape)
    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Checklist:
        """A checklist from the reference file's shape: ``name``, ``version``, ``effective_from``
        (ISO text or a date) and ``modules`` (each ``code``, ``name``, ``norm``, ``items`` of
        ``code``, ``dimension``, ``points``, ``critical``, ``text`` and, optionally, ``text_en``).
        Raises ``KeyError`` / ``ValueError`` for a malformed mapping (it is not checked: see :func:`checklist_problems`)."""
        effective = data["effective_from"]
        if not isinstance(effective, dt.date):
            effective = dt.date.fromisoformat(str(effective))
        modules = tuple(
            ChecklistModule(
                str(m["code"]), str(m["name"]), str(m.get("norm") or ""),
                tuple(ChecklistItem(str(i["code"]), str(i["dimension"]), float(i["points"]), bool(i.get("critical", False)),
                                    str(i.get("text") or ""), str(i.get("text_en") or "").strip())
                      for i in m.get("items", ())),
            )
            for m in data.get("modules", ())
        )
        return cls(str(data["name"]), str(data["version"]), effective, modules)

    def to_mapping(self) -> dict[str, Any]:
        """The reference file's shape (see :meth:`from_mapping`); points as int where whole."""
        return {
            "name": self.name,
            "version": self.label,
            "effective_from": self.effective_from.isoformat(),
            "modules": [
                {"code": m.code, "name": m.name, "norm": m.norm,
                 "items": [{"code": i.code, "dimension": i.dimension,
                            "points": int(i.points) if float(i.points).is_integer() else i.points,
                            "critical": i.critical, "text": i.text, **({"text_en": i.text_en} if i.text_en else {})}
                           for i in m.items]}
                for m in self.modules
            ],
        }


def checklist_problems(checklist: Checklist) -> list[tuple[str, dict[str, object]]]:
    """Every rule of DESIGN §8.1 the checklist breaks, as ``(message key, params)``: a name and
    version; at least one module; modules listed once, each with items; item codes unique across
    the edition; dimensions among :data:`DIMENSIONS`; points > 0 adding up to 100 per module."""
    problems: list[tuple[str, dict[str, object]]] = []
    if not checklist.name.strip() or not checklist.label.strip():
        problems.append(("checklist.label", {}))
    if not checklist.modules:
        problems.append(("checklist.no_modules", {}))
    seen_modules: set[str] = set()
    seen_items: set[str] = set()
    for module in checklist.modules:
        if module.name in seen_modules or module.code in seen_modules:
            problems.append(("checklist.duplicate_module", {"module": module.name}))
        seen_modules.update((module.name, module.code))
        if not module.items:
            problems.append(("checklist.empty_module", {"module": module.name}))
            continue
        for item in module.items:
            if item.code in seen_items:
                problems.append(("checklist.duplicate_item", {"code": item.code}))
            seen_items.add(item.code)
            if item.dimension not in DIMENSIONS:
                problems.append(("checklist.dimension", {"code": item.code, "dimension": item.dimension,
                                                         "dimensions": "、".join(DIMENSIONS)}))
            if not item.points > 0:
                problems.append(("checklist.points", {"code": item.code, "points": _number_text(item.points)}))
        total = module.total_points
        if abs(total - MODULE_POINTS) > 1e-9:
            problems.append(("checklist.points_total", {"module": module.name, "total": _number_text(total),
                                                        "expected": MODULE_POINTS}))
    return problems


def validate_checklist(checklist: Checklist) -> None:
    """Raise :class:`~qsm_desktop.domain.errors.InputRefused` naming every problem of
    :func:`checklist_problems` (one per line); return quietly for a valid checklist."""
    problems = checklist_problems(checklist)
    if problems:
        raise InputRefused("\n".join(i18n.msg(key, **params) for key, params in problems))


def checklist_in_force(checklists: Iterable[Checklist], on: dt.date) -> Checklist | None:
    """The edition in force on ``on``: the one with the latest ``effective_from`` not after it
    (``None`` when every edition starts later). DESIGN §8.1: "a visit is checked against the
    version in force on its date"."""
    best: Checklist | None = None
    for checklist in checklists:
        if checklist.effective_from <= on and (best is None or checklist.effective_from > best.effective_from):
            best = checklist
    return best
