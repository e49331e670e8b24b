"""Score sheets (评分表): the cycle's template of modules and items with their points, and the
check of a reviewer's filled sheet against it (评分校验).

Source: DESIGN.md §3.7 (on-site score sheet) and §5.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import cached_property
from pathlib import Path

from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.domain.showcase.numbers import as_decimal, plain_number

register(
    {
        # score-sheet templates
        "showcase.template.empty": (
            "评分表“{name}”没有任何评价项目：请至少设置一个带分值的项目。",
            "Score sheet '{name}' has no items: add at least one item with its points.",
        ),
        "showcase.template.bad_points": (
            "评分表“{name}”的项目“{item}”分值“{points}”无效：分值须为大于 0 的数。",
            "Score sheet '{name}', item '{item}': points '{points}' are invalid; points must be a number above 0.",
        ),
        "showcase.template.duplicate_item": (
            "评分表“{name}”中项目编号“{code}”重复：每个项目的编号必须唯一。",
            "Score sheet '{name}': item code '{code}' is used twice; every item needs its own code.",
        ),
        "showcase.template.no_name": (
            "评分表“{name}”中第 {position} 个项目没有名称：请填写评价项目名称。",
            "Score sheet '{name}': item {position} has no name; enter the item's name.",
        ),
        "showcase.template.bad_toml": (
            "评分表文件无法读取：{error}。请检查 TOML 格式（name = …，[[items]] 或 [[modules]]）。",
            "The score-sheet file cannot be read: {error}. Check the TOML (name = …, [[items]] or [[modules]]).",
        ),
        # filled score sheets
        "showcase.score.unknown_item": (
            "第 {position} 行的评价项目“{item}”不在本周期的评分表中：请使用本周期的评分表。",
            "Row {position}: item '{item}' is not on this cycle's score sheet; use the cycle's sheet.",
        ),
        "showcase.score.duplicate_item": (
            "评价项目“{item}”出现了两次（第 {position} 行）：每个项目只能评一次分。",
            "Item '{item}' appears twice (row {position}); score each item once.",
        ),
        "showcase.score.missing_item": (
            "评价项目“{item}”没有得分：请填写该项目的得分。",
            "Item '{item}' has no score; enter its score.",
        ),
        "showcase.score.points_mismatch": (
            "第 {position} 行“{item}”的分值为 {points}，而本周期评分表规定为 {expected}：请使用本周期的评分表。",
            "Row {position}, '{item}': the sheet says {points} points but this cycle's sheet says {expected}; use the cycle's sheet.",
        ),
        "showcase.score.above_points": (
            "第 {position} 行“{item}”得分 {score} 超过分值 {points}：得分不能高于分值。",
            "Row {position}, '{item}': score {score} is above the item's {points} points; a score cannot exceed the points.",
        ),
        "showcase.score.negative": (
            "第 {position} 行“{item}”得分 {score} 为负数：得分应在 0 到 {points} 之间。",
            "Row {position}, '{item}': score {score} is negative; enter a score between 0 and {points}.",
        ),
        "showcase.score.no_reason": (
            "第 {position} 行“{item}”扣了 {deducted} 分但没有填写扣分原因：请补充扣分原因。",
            "Row {position}, '{item}': {deducted} points deducted without a reason (扣分原因); please add one.",
        ),
    }
)


@dataclass(frozen=True)
class SheetItem:
    """One scored item of a score sheet (评价项目): its code (序号, e.g. ``"3"`` or ``"2.4"``),
    name, and points (分值, the maximum score)."""

    code: str
    name: str
    points: Decimal


@dataclass(frozen=True)
class SheetModule:
    """A module of a score sheet (评价模块), e.g. 服务环境 on a CBSS1000-style sheet, with its items.

    The bank's own 100-point sheet has no modules: its items sit in one module with an empty name.
    """

    name: str
    items: tuple[SheetItem, ...]

    @property
    def points(self) -> Decimal:
        """The module's points: the sum of its items' points."""
        return sum((i.points for i in self.items), Decimal(0))


@dataclass(frozen=True)
class ScoreSheetTemplate:
    """A cycle's score sheet (评分表): modules → items with points (DESIGN §5).

    Fits the bank's 100-point sheet (``reference/score_sheet_default.toml``, flat ``[[items]]``)
    and a 1,000-point CBSS1000-style sheet (``[[modules]]`` each with ``[[modules.items]]``).
    Construct with :meth:`from_mapping` / :meth:`from_toml` (validated); item codes default to
    1, 2, 3 … (flat) or ``<module>.<item>`` (modules).
    """

    name: str
    modules: tuple[SheetModule, ...]

    @property
    def items(self) -> tuple[SheetItem, ...]:
        """All items in sheet order."""
        return tuple(i for m in self.modules for i in m.items)

    @property
    def total_points(self) -> Decimal:
        """The sheet's full marks (满分): 100 on the default sheet, 1,000 on a CBSS1000 sheet."""
        return sum((m.points for m in self.modules), Decimal(0))

    @cached_property
    def _by_code(self) -> dict[str, SheetItem]:
        return {i.code: i for i in self.items}

    @cached_property
    def _by_name(self) -> dict[str, SheetItem]:
        counts = Counter(_norm_name(i.name) for i in self.items)
        return {_norm_name(i.name): i for i in self.items if counts[_norm_name(i.name)] == 1}

    def find(self, *, code: str | None = None, name: str | None = None) -> SheetItem | None:
        """The item with this name (when the name is unique on the sheet), else with this code."""
        if name:
            item = self._by_name.get(_norm_name(name))
            if item is not None:
                return item
        if code is not None:
            return self._by_code.get(_norm_code(code))
        return None

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> ScoreSheetTemplate:
        """Build and validate a sheet from its TOML/JSON shape.

        ``{"name": str, "items": [{"name", "points", "code"?}]}`` or
        ``{"name": str, "modules": [{"name", "items": [{"name", "points", "code"?}]}]}``.
        Raises :class:`InputRefused` listing every problem (no items, points ≤ 0 or not a
        number, an item without a name, a repeated code).
        """
        sheet_name = str(data.get("name") or "评分表")
        problems: list[str] = []
        modules: list[SheetModule] = []
        raw_modules = data.get("modules")
        if raw_modules is None:
            raw_modules = [{"name": "", "items": data.get("items") or []}]
        position = 0
        for m_index, raw_module in enumerate(raw_modules, start=1):  # type: ignore[arg-type]
            module_name = str(raw_module.get("name") or "").strip()
            items: list[SheetItem] = []
            for i_index, raw_item in enumerate(raw_module.get("items") or [], start=1):
                position += 1
                item_name = str(raw_item.get("name") or "").strip()
                if not item_name:
                    problems.append(msg("showcase.template.no_name", name=sheet_name, position=position))
                default_code = str(position) if data.get("modules") is None else f"{m_index}.{i_index}"
                code = _norm_code(raw_item.get("code", default_code))
                try:
                    points = as_decimal(raw_item.get("points"))  # type: ignore[arg-type]
                    if points <= 0:
                        raise ValueError
                except (ValueError, TypeError):
                    problems.append(
                        msg("showcase.template.bad_points", name=sheet_name, item=item_name or position,
                            points=raw_item.get("points"))
                    )
                    continue
                items.append(SheetItem(code=code, name=item_name, points=points))
            modules.append(SheetModule(name=module_name, items=tuple(items)))
        codes = Counter(i.code for m in modules for i in m.items)
        problems += [msg("showcase.template.duplicate_item", name=sheet_name, code=c) for c, n in codes.items() if n > 1]
        if position == 0:
            problems.append(msg("showcase.template.empty", name=sheet_name))
        if problems:
            raise InputRefused("\n".join(problems))
        return cls(name=sheet_name, modules=tuple(modules))

    @classmethod
    def from_toml(cls, source: str | Path) -> ScoreSheetTemplate:
        """Read a sheet from a TOML file path or TOML text (see :meth:`from_mapping`).

        Raises :class:`InputRefused` for unreadable TOML or an invalid sheet.
        """
        try:
            text = source.read_text(encoding="utf-8") if isinstance(source, Path) else source
            data = tomllib.loads(text)
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputRefused(msg("showcase.template.bad_toml", error=exc)) from exc
        return cls.from_mapping(data)

    def to_mapping(self) -> dict[str, object]:
        """The sheet as plain data (for JSON storage); :meth:`from_mapping` reads it back."""
        def item(i: SheetItem) -> dict[str, object]:
            return {"code": i.code, "name": i.name, "points": plain_number(i.points)}

        if len(self.modules) == 1 and not self.modules[0].name:
            return {"name": self.name, "items": [item(i) for i in self.modules[0].items]}
        return {"name": self.name, "modules": [{"name": m.name, "items": [item(i) for i in m.items]} for m in self.modules]}


def _norm_name(name: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(name)))


def _norm_code(code: object) -> str:
    if isinstance(code, float) and code.is_integer():
        code = int(code)
    return unicodedata.normalize("NFKC", str(code)).strip()


class Severity(StrEnum):
    """ERROR refuses the sheet; WARNING is shown and the sheet is kept."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class ScoreEntry:
    """One row as entered in the grid or read from a sheet (序号, 评价项目, 分值, 得分, 扣分原因).

    ``position`` is the row's place on the sheet (1-based) for messages; ``code``/``name`` name
    the item (the name wins when it is unique on the cycle's sheet); ``points`` is the 分值 as
    printed on the reviewer's sheet (``None`` in the grid); ``score`` ``None`` = not yet scored.
    """

    position: int
    name: str | None = None
    code: str | None = None
    points: Decimal | None = None
    score: Decimal | None = None
    reason: str = ""


@dataclass(frozen=True)
class ItemScore:
    """A scored item: the score (得分) and the reason for a deduction (扣分原因)."""

    item: SheetItem
    score: Decimal
    reason: str = ""

    @property
    def deducted(self) -> Decimal:
        """Points deducted (分值 − 得分)."""
        return self.item.points - self.score


@dataclass(frozen=True)
class SheetProblem:
    """A problem with a filled sheet: ``key`` names the rule (``showcase.score.*``), ``position``
    the row (1-based) or ``None`` for a missing item, ``message`` is in the current language."""

    severity: Severity
    key: str
    position: int | None
    item: str
    message: str


@dataclass(frozen=True)
class ScoreCheck:
    """The outcome of :func:`check_scores`: the valid scores, every problem, and the total."""

    scores: tuple[ItemScore, ...]
    problems: tuple[SheetProblem, ...]
    complete: bool

    @property
    def errors(self) -> tuple[SheetProblem, ...]:
        """Problems that refuse the sheet."""
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[SheetProblem, ...]:
        """Problems shown to the person; the sheet is kept."""
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        """No errors (warnings allowed)."""
        return not self.errors

    @property
    def total(self) -> Decimal:
        """The sheet's total (总分): the sum of the valid scores."""
        return sum((s.score for s in self.scores), Decimal(0))


def check_scores(
    template: ScoreSheetTemplate, entries: Iterable[ScoreEntry], *, require_all: bool = True
) -> ScoreCheck:
    """Check a reviewer's scores against the cycle's sheet (评分校验, DESIGN §3.7).

    Errors (sheet refused): an item not on the sheet, an item twice, a 分值 that differs from the
    cycle's, a score above the item's points (得分 > 分值), a negative score, and — with
    ``require_all`` (an imported or finished sheet) — an item left unscored. Warning: a
    deduction (得分 < 分值) without a 扣分原因. Never raises for bad input; read ``problems``.
    """
    problems: list[SheetProblem] = []
    scores: dict[str, ItemScore] = {}

    def add(sev: Severity, key: str, position: int | None, item: str, **params: object) -> None:
        problems.append(SheetProblem(sev, key, position, item, msg(key, position=position, item=item, **params)))

    for entry in entries:
        label = entry.name or entry.code or str(entry.position)
        item = template.find(code=entry.code, name=entry.name)
        if item is None:
            add(Severity.ERROR, "showcase.score.unknown_item", entry.position, label)
            continue
        if item.code in scores:
            add(Severity.ERROR, "showcase.score.duplicate_item", entry.position, item.name)
            continue
        if entry.points is not None and entry.points != item.points:
            add(Severity.ERROR, "showcase.score.points_mismatch", entry.position, item.name,
                points=plain_number(entry.points), expected=plain_number(item.points))
            continue
        if entry.score is None:
            continue
        if entry.score > item.points:
            add(Severity.ERROR, "showcase.score.above_points", entry.position, item.name,
                score=plain_number(entry.score), points=plain_number(item.points))
            continue
        if entry.score < 0:
            add(Severity.ERROR, "showcase.score.negative", entry.position, item.name,
                score=plain_number(entry.score), points=plain_number(item.points))
            continue
        reason = (entry.reason or "").strip()
        if entry.score < item.points and not reason:
            add(Severity.WARNING, "showcase.score.no_reason", entry.position, item.name,
                deducted=plain_number(item.points - entry.score))
        scores[item.code] = ItemScore(item=item, score=entry.score, reason=reason)
    missing = [i for i in template.items if i.code not in scores]
    if require_all:
        already = {p.item for p in problems}
        for item in missing:
            if item.name not in already:
                add(Severity.ERROR, "showcase.score.missing_item", None, item.name)
    ordered = tuple(scores[i.code] for i in template.items if i.code in scores)
    return ScoreCheck(scores=ordered, problems=tuple(problems), complete=not missing)
