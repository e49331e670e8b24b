"""Showcase units (示范窗口单位): score sheets, conflicts of interest, final scores, ranking within
the quota, the application status machine, the nomination cascade and certificate numbers.

Pure rules only — no Qt, no SQL. The services feed them what the database holds and store what
they return. Source: DESIGN.md §3.5 (application form), §3.7 (on-site score sheet), §5 (awards),
§7 (``qsm showcase rank | award``, ``qsm certificates``); issue 4.

Numbers: points and scores are ``decimal.Decimal`` (an Excel 13.5 arrives as a float and is taken
by its shortest repr, so 13.5 stays 13.5); final scores are published rounded half-up to 0.01.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import math
import re
import statistics
import string
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Generic, TypeVar

from qsm_desktop.domain.errors import InputRefused, NotFound
from qsm_desktop.domain.i18n import msg, register

K = TypeVar("K", bound=Hashable)

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
        "showcase.org.unknown": (
            "机构代码“{code}”不在机构清单中：请先导入机构清单或更正代码。",
            "Org code '{code}' is not in the org list; import the org list first or correct the code.",
        ),
        # ranking and award
        "showcase.quota.tie": (
            "名额线处并列：第 {rank} 名有 {count} 个单位并列（{names}），只剩 {seats} 个名额。"
            "请评审委员会决定后，指明授予哪几个单位再授予。",
            "Tie at the quota line: {count} applications share rank {rank} ({names}) for {seats} remaining "
            "place(s). The committee must decide; then name the ones to award.",
        ),
        "showcase.quota.bad_choice": (
            "委员会的选择无效：须从并列的单位（{names}）中恰好选出 {seats} 个。",
            "The committee's choice is invalid: pick exactly {seats} of the tied applications ({names}).",
        ),
        "showcase.quota.no_tie": (
            "名额线处没有并列，无需委员会另行选择：请去掉所选单位后再授予。",
            "There is no tie at the quota line, so no committee choice is needed; award without naming any.",
        ),
        "showcase.quota.negative": (
            "名额 {quota} 无效：名额须为 0 或正整数。",
            "Quota {quota} is invalid: it must be 0 or a positive whole number.",
        ),
        # status machine and cascade
        "showcase.status.invalid": (
            "申报当前状态为“{status}”，不能执行“{action}”。此状态下可执行：{allowed}。",
            "The application is '{status}'; '{action}' is not possible. Possible now: {allowed}.",
        ),
        "showcase.status.none": ("无（已结束）", "nothing (closed)"),
        "showcase.nominate.not_awarded": (
            "只有已授予且未摘牌的{level}示范窗口才能向上推荐（当前状态“{status}”）。",
            "Only an awarded, not revoked {level} showcase unit can be nominated upward (status now '{status}').",
        ),
        "showcase.nominate.top": (
            "全国级是最高级别，不能再向上推荐。",
            "全国级 (national) is the highest level; there is nothing above it to nominate to.",
        ),
        # certificate numbers
        "showcase.number.bad_pattern": (
            "证书编号格式“{pattern}”无效：{reason}。示例：交银服示〔{{year}}〕{{level_short}}字第{{seq:03d}}号",
            "Certificate number pattern '{pattern}' is invalid: {reason}. Example: 交银服示〔{{year}}〕{{level_short}}字第{{seq:03d}}号",
        ),
        "showcase.number.pattern_needs": (
            "必须包含 {{year}}、{{seq}} 以及 {{level}} 或 {{level_short}}，否则不同年度或级别的编号会重复",
            "it must contain {{year}}, {{seq}} and {{level}} or {{level_short}}, otherwise numbers of different years or levels would repeat",
        ),
        "showcase.number.pattern_field": (
            "不认识的占位符“{{{field}}}”（可用：year、level、level_short、seq，每个至多一次）",
            "unknown or repeated placeholder '{{{field}}}' (use year, level, level_short, seq, each at most once)",
        ),
        "showcase.number.unparseable": (
            "“{number}”不是本系统格式的证书编号（应形如 {example}）。",
            "'{number}' is not a certificate number in this office's format (expected like {example}).",
        ),
        "showcase.number.bad_sequence": (
            "证书序号 {seq} 无效：序号从 1 开始。",
            "Certificate sequence {seq} is invalid: sequences start at 1.",
        ),
        "showcase.qr.unparseable": (
            "二维码内容不是本系统的证书二维码。",
            "The QR code's content is not a certificate QR code from this office.",
        ),
    }
)


# --------------------------------------------------------------------------------------------
# Levels and statuses
# --------------------------------------------------------------------------------------------


class AwardLevel(StrEnum):
    """Award level (级别), DESIGN §1/§5: 分行级 and 总行级 assessed by the bank, 全国级 by the industry
    association."""

    BRANCH = "分行级"
    HEAD_OFFICE = "总行级"
    NATIONAL = "全国级"

    @property
    def short(self) -> str:
        """The one-character form used in certificate numbers: 分 / 总 / 国."""
        return {"分行级": "分", "总行级": "总", "全国级": "国"}[self.value]

    @property
    def next_level(self) -> AwardLevel | None:
        """The level a winner of this level can be nominated to (推荐上报), ``None`` for 全国级."""
        return {"分行级": AwardLevel.HEAD_OFFICE, "总行级": AwardLevel.NATIONAL, "全国级": None}[self.value]

    @classmethod
    def parse(cls, text: str) -> AwardLevel:
        """``"总行级"``, ``"总行"``, ``"总"``, ``"head_office"`` … → the level (``ValueError`` otherwise)."""
        key = unicodedata.normalize("NFKC", str(text)).strip().lower()
        aliases = {
            "分行级": cls.BRANCH, "分行": cls.BRANCH, "分": cls.BRANCH, "branch": cls.BRANCH,
            "总行级": cls.HEAD_OFFICE, "总行": cls.HEAD_OFFICE, "总": cls.HEAD_OFFICE,
            "head_office": cls.HEAD_OFFICE, "head-office": cls.HEAD_OFFICE,
            "全国级": cls.NATIONAL, "全国": cls.NATIONAL, "国": cls.NATIONAL, "national": cls.NATIONAL,
        }
        try:
            return aliases[key]
        except KeyError:
            from qsm_desktop.domain.i18n import msg, register

            register({"showcase.unknown_level": ("没有“{text}”这个级别，请写 分行级、总行级 或 全国级。",
                                                 "unknown award level '{text}'; use 分行级, 总行级 or 全国级")})
            raise ValueError(msg("showcase.unknown_level", text=text)) from None


class ApplicationStatus(StrEnum):
    """Status of a showcase application (申报状态), issue 4 §2."""

    DRAFT = "草稿"
    SUBMITTED = "已提交"
    RECOMMENDED = "分行推荐"
    UNDER_REVIEW = "总行评审中"
    AWARDED = "已授予"
    NOT_AWARDED = "未通过"
    WITHDRAWN = "已撤回"

    @property
    def is_final(self) -> bool:
        """已授予, 未通过 and 已撤回 end the application: nothing more can happen to it."""
        return self in (ApplicationStatus.AWARDED, ApplicationStatus.NOT_AWARDED, ApplicationStatus.WITHDRAWN)


class ApplicationAction(StrEnum):
    """What a person does to an application; the Chinese label is :attr:`label`."""

    SUBMIT = "submit"
    RETURN = "return"
    RECOMMEND = "recommend"
    START_REVIEW = "start_review"
    AWARD = "award"
    REJECT = "reject"
    WITHDRAW = "withdraw"

    @property
    def label(self) -> str:
        """The action's name in Chinese (提交, 退回修改, 分行推荐, 进入总行评审, 授予, 不予通过, 撤回)."""
        return {
            "submit": "提交", "return": "退回修改", "recommend": "分行推荐",
            "start_review": "进入总行评审", "award": "授予", "reject": "不予通过", "withdraw": "撤回",
        }[self.value]


_S, _A = ApplicationStatus, ApplicationAction

#: The status machine, ``(status, action) → new status``. The path is
#: 草稿 →提交→ 已提交 →分行推荐→ 分行推荐 →进入评审→ 总行评审中 →授予/不予通过→ 已授予 / 未通过.
#: A submitted application can be sent back to draft (退回修改) or not recommended by its branch
#: (→ 未通过); any open application can be withdrawn (→ 已撤回). 已授予 / 未通过 / 已撤回 are final
#: (a revocation 摘牌 is recorded on the award, the application stays 已授予). The same path serves
#: every level: for a 全国级 nomination "分行推荐" is the head office's recommendation to the
#: association and "总行评审中" means awaiting the association's decision.
TRANSITIONS: Mapping[tuple[ApplicationStatus, ApplicationAction], ApplicationStatus] = {
    (_S.DRAFT, _A.SUBMIT): _S.SUBMITTED,
    (_S.DRAFT, _A.WITHDRAW): _S.WITHDRAWN,
    (_S.SUBMITTED, _A.RETURN): _S.DRAFT,
    (_S.SUBMITTED, _A.RECOMMEND): _S.RECOMMENDED,
    (_S.SUBMITTED, _A.REJECT): _S.NOT_AWARDED,
    (_S.SUBMITTED, _A.WITHDRAW): _S.WITHDRAWN,
    (_S.RECOMMENDED, _A.START_REVIEW): _S.UNDER_REVIEW,
    (_S.RECOMMENDED, _A.WITHDRAW): _S.WITHDRAWN,
    (_S.UNDER_REVIEW, _A.AWARD): _S.AWARDED,
    (_S.UNDER_REVIEW, _A.REJECT): _S.NOT_AWARDED,
    (_S.UNDER_REVIEW, _A.WITHDRAW): _S.WITHDRAWN,
}


class InvalidTransition(InputRefused):
    """The action is not possible in the application's current status."""


def allowed_actions(status: ApplicationStatus) -> tuple[ApplicationAction, ...]:
    """The actions possible from ``status``, in the order of :class:`ApplicationAction`."""
    return tuple(a for a in ApplicationAction if (status, a) in TRANSITIONS)


def transition(status: ApplicationStatus | str, action: ApplicationAction | str) -> ApplicationStatus:
    """The application's status after ``action`` (申报状态流转), per :data:`TRANSITIONS`.

    Raises :class:`InvalidTransition` (message lists what is possible) when the action does not
    apply. Source: issue 4 §2.
    """
    status = ApplicationStatus(status)
    action = ApplicationAction(action)
    try:
        return TRANSITIONS[(status, action)]
    except KeyError:
        allowed = "、".join(a.label for a in allowed_actions(status)) or msg("showcase.status.none")
        raise InvalidTransition(
            msg("showcase.status.invalid", status=status.value, action=action.label, allowed=allowed)
        ) from None


def scores_editable(status: ApplicationStatus | str) -> bool:
    """Whether reviewers may enter or import score sheets: only while 总行评审中 (§3.7)."""
    return ApplicationStatus(status) is ApplicationStatus.UNDER_REVIEW


@dataclass(frozen=True)
class Nomination:
    """Where a winner goes next in the nomination cascade (推荐上报)."""

    from_level: AwardLevel
    to_level: AwardLevel
    #: Status of the new application at ``to_level``: already recommended (分行推荐), so it waits
    #: for the next level's review without being submitted again.
    initial_status: ApplicationStatus = ApplicationStatus.RECOMMENDED


def nominate(level: AwardLevel | str, status: ApplicationStatus | str, *, revoked: bool = False) -> Nomination:
    """The nomination of a winner to the next level (示范窗口逐级推荐).

    A 分行级 winner can be recommended to 总行级; a 总行级 winner to the industry association's
    全国级. The application must be 已授予 and its award not revoked (摘牌). Raises
    :class:`InputRefused` otherwise, and for 全国级 (nothing above). Source: issue 4 §2, DESIGN §1.
    """
    level = AwardLevel(level)
    status = ApplicationStatus(status)
    target = level.next_level
    if target is None:
        raise InputRefused(msg("showcase.nominate.top"))
    if status is not ApplicationStatus.AWARDED or revoked:
        shown = status.value + ("（已摘牌）" if revoked else "")
        raise InputRefused(msg("showcase.nominate.not_awarded", level=level.value, status=shown))
    return Nomination(from_level=level, to_level=target)


# --------------------------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------------------------

ONE_CENT = Decimal("0.01")


def as_decimal(value: Decimal | int | float | str) -> Decimal:
    """A score or points value as ``Decimal``; floats by their shortest repr (13.5 → 13.5).

    Raises ``ValueError`` for text that is not a number, NaN and infinities.
    """
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, bool):
        raise ValueError(f"not a number: {value!r}")
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(value))
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip()
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"not a number: {value!r}") from None
    if not result.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    return result


def round_score(value: Decimal) -> Decimal:
    """A final score as published: rounded half-up to 0.01 (94.875 → 94.88)."""
    return value.quantize(ONE_CENT, rounding=ROUND_HALF_UP)


def _fmt(value: Decimal) -> str:
    """Show a Decimal without trailing zeros (15, 13.5)."""
    text = format(value.normalize(), "f")
    return text


# --------------------------------------------------------------------------------------------
# Score-sheet templates
# --------------------------------------------------------------------------------------------


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
            return {"code": i.code, "name": i.name, "points": _fmt(i.points)}

        if len(self.modules) == 1 and not self.modules[0].name:
            return {"name": self.name, "items": [item(i) for i in self.modules[0].items]}
        return {"name": self.name, "modules": [{"name": m.name, "items": [item(i) for i in m.items]} for m in self.modules]}


def _norm_name(name: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(name)))


def _norm_code(code: object) -> str:
    if isinstance(code, float) and code.is_integer():
        code = int(code)
    return unicodedata.normalize("NFKC", str(code)).strip()


# --------------------------------------------------------------------------------------------
# Filled score sheets
# --------------------------------------------------------------------------------------------


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
                points=_fmt(entry.points), expected=_fmt(item.points))
            continue
        if entry.score is None:
            continue
        if entry.score > item.points:
            add(Severity.ERROR, "showcase.score.above_points", entry.position, item.name,
                score=_fmt(entry.score), points=_fmt(item.points))
            continue
        if entry.score < 0:
            add(Severity.ERROR, "showcase.score.negative", entry.position, item.name,
                score=_fmt(entry.score), points=_fmt(item.points))
            continue
        reason = (entry.reason or "").strip()
        if entry.score < item.points and not reason:
            add(Severity.WARNING, "showcase.score.no_reason", entry.position, item.name,
                deducted=_fmt(item.points - entry.score))
        scores[item.code] = ItemScore(item=item, score=entry.score, reason=reason)
    missing = [i for i in template.items if i.code not in scores]
    if require_all:
        already = {p.item for p in problems}
        for item in missing:
            if item.name not in already:
                add(Severity.ERROR, "showcase.score.missing_item", None, item.name)
    ordered = tuple(scores[i.code] for i in template.items if i.code in scores)
    return ScoreCheck(scores=ordered, problems=tuple(problems), complete=not missing)


# --------------------------------------------------------------------------------------------
# Conflict of interest
# --------------------------------------------------------------------------------------------

#: Gives an org code's branch code (分行机构代码), or ``None`` for head office and its departments.
BranchOf = Callable[[str], "str | None"]


def branch_by_code_convention(org_code: str) -> str | None:
    """The branch of an org code under the sample bank's coding (机构代码规则).

    Codes starting ``"00"`` are head office and its departments → ``None`` (no branch); any other
    6-digit code belongs to branch ``code[:2] + "0000"`` (``"370203"`` → ``"370000"``). The
    services use the org tree instead (:func:`branch_map_from_parents`); this convention is for
    tests and files without an org list. Raises ``ValueError`` for a code that is not 6 digits.
    """
    code = unicodedata.normalize("NFKC", str(org_code)).strip()
    if not re.fullmatch(r"\d{6}", code):
        raise ValueError(f"org code must be 6 digits: {org_code!r}")
    return None if code.startswith("00") else code[:2] + "0000"


def branch_map_from_parents(units: Mapping[str, tuple[str | None, str]]) -> dict[str, str | None]:
    """Each org code's branch from the org tree: ``{code: (parent_code, unit_type)}`` →
    ``{code: branch_code | None}``.

    ``unit_type`` is 机构类型 (总行, 总行部门, 分行, 支行, 网点; DESIGN §2/§3.1). A unit's branch is its
    nearest ancestor-or-self of type 分行; head office, its departments and anything not under a
    branch map to ``None``. Cycles in bad data stop the walk (→ ``None``).
    """
    result: dict[str, str | None] = {}
    for code in units:
        seen: set[str] = set()
        current: str | None = code
        branch: str | None = None
        while current is not None and current in units and current not in seen:
            seen.add(current)
            parent, unit_type = units[current]
            if unit_type == "分行":
                branch = current
                break
            current = parent
        result[code] = branch
    return result


def _branch_lookup(branch_of: BranchOf | Mapping[str, str | None]) -> BranchOf:
    if callable(branch_of):
        return branch_of
    mapping = branch_of

    def lookup(code: str) -> str | None:
        try:
            return mapping[code]
        except KeyError:
            raise NotFound(msg("showcase.org.unknown", code=code)) from None

    return lookup


def is_conflicted(reviewer_org: str, outlet_org: str, branch_of: BranchOf | Mapping[str, str | None]) -> bool:
    """Whether a reviewer may not score this outlet (回避, DESIGN §5).

    Conflicted when the reviewer's org unit is the outlet itself or lies in the same branch
    subtree as the outlet; head-office departments belong to no branch, so their reviewers are
    never conflicted by branch. ``branch_of``: a function or mapping giving each org code's
    branch code (``None`` = no branch); a mapping without the code raises :class:`NotFound`.
    """
    if reviewer_org == outlet_org:
        return True
    lookup = _branch_lookup(branch_of)
    reviewer_branch = lookup(reviewer_org)
    return reviewer_branch is not None and reviewer_branch == lookup(outlet_org)


# --------------------------------------------------------------------------------------------
# Final score, outliers
# --------------------------------------------------------------------------------------------

#: With this many valid sheets or more, the single highest and lowest are dropped (DESIGN §5).
TRIM_FROM = 5


@dataclass(frozen=True)
class FinalScore:
    """Result of :func:`final_score`: ``exact`` (full precision) and ``final`` (published, 0.01),
    both ``None`` without valid sheets; ``dropped_high``/``dropped_low`` are indexes into the
    totals given (``None`` when not trimmed)."""

    exact: Decimal | None
    final: Decimal | None
    counted: int
    trimmed: bool
    dropped_high: int | None = None
    dropped_low: int | None = None


def final_score(totals: Sequence[Decimal]) -> FinalScore:
    """Final score from the valid sheets' totals (最终得分, DESIGN §5).

    The mean of the totals; with :data:`TRIM_FROM` (5) or more, the single highest and the single
    lowest are dropped first (trimmed mean; with equal totals, the first of them in the order
    given). No totals → ``final is None``. The published ``final`` is rounded half-up to 0.01.
    """
    values = [as_decimal(t) for t in totals]
    if not values:
        return FinalScore(exact=None, final=None, counted=0, trimmed=False)
    if len(values) < TRIM_FROM:
        exact = sum(values, Decimal(0)) / len(values)
        return FinalScore(exact=exact, final=round_score(exact), counted=len(values), trimmed=False)
    high = max(range(len(values)), key=lambda i: (values[i], -i))
    low = min((i for i in range(len(values)) if i != high), key=lambda i: (values[i], i))
    kept = [v for i, v in enumerate(values) if i not in (high, low)]
    exact = sum(kept, Decimal(0)) / len(kept)
    return FinalScore(exact=exact, final=round_score(exact), counted=len(kept), trimmed=True,
                      dropped_high=high, dropped_low=low)


@dataclass(frozen=True)
class SheetTotal:
    """A reviewer's sheet as far as the result is concerned: an id (``key``, e.g. the sheet's
    database id or file name), the reviewer (评审专家), the reviewer's org code, and the total."""

    key: Hashable
    reviewer: str
    reviewer_org: str
    total: Decimal


@dataclass(frozen=True)
class OutlierFlag:
    """A sheet whose total sits far from the rest of its panel (评分偏离).

    ``application``: the application's key; ``key``/``reviewer``/``total``: the sheet;
    ``others_mean``: the mean of the other valid sheets for that application; ``deviation`` =
    ``total − others_mean``; ``sd``: the cycle's standard deviation of such deviations (after
    the floor); ``z = deviation / sd``; ``direction`` is ``"high"`` (偏高) or ``"low"`` (偏低).
    """

    application: Hashable
    key: Hashable
    reviewer: str
    total: Decimal
    others_mean: float
    deviation: float
    sd: float
    z: float

    @property
    def direction(self) -> str:
        """``"high"`` when the sheet scores above the others, else ``"low"``."""
        return "high" if self.z > 0 else "low"


#: Outlier rule defaults: more than 2 standard deviations; a sheet is compared with at least 2
#: other valid sheets; the standard deviation is never taken below 1 % of the full marks.
OUTLIER_Z = 2.0
OUTLIER_MIN_OTHERS = 2
OUTLIER_MIN_SD_SHARE = Decimal("0.01")


def outlier_sheets(
    panels: Mapping[Hashable, Sequence[SheetTotal]],
    *,
    total_points: Decimal = Decimal(100),
    z_threshold: float = OUTLIER_Z,
    min_others: int = OUTLIER_MIN_OTHERS,
) -> tuple[OutlierFlag, ...]:
    """Sheets whose totals sit more than ``z_threshold`` standard deviations from their panel's
    (评分偏离的评审专家, issue 4 §3). ``panels``: for each application of a cycle (any key), its
    **valid** sheets (conflicted ones left out).

    The rule, precisely:

    1. Each sheet's *deviation* is its total minus the mean of the *other* valid sheets of the
       same application (leave-one-out; a sheet needs ``min_others`` = 2 others, so panels of
       fewer than 3 valid sheets are not assessed).
    2. ``sd`` is the sample standard deviation (n − 1) of all deviations in the cycle, but at
       least 1 % of the sheet's full marks (``total_points``: 1 point on a 100-point sheet, 10 on
       a 1,000-point one), so a unanimous cycle does not make half a point an outlier.
    3. A sheet is flagged when ``|deviation| > z_threshold × sd``.

    Why so: inside one panel of four or five, counting the sheet in its own mean and deviation
    caps ``|z|`` at (n − 1)/√n (1.79 for five: the rule could never fire), and a deviation taken
    from the three or four others alone is so unsteady that a third of the sample's applications
    would carry a flag. Pooled over the cycle the yardstick is steady; on the sample cycle one
    sheet is flagged (刘健's 88.5 for 120302, 2.2 deviations low). A flag informs the committee;
    it does not change any score. A reviewer is flagged when any of their sheets is
    (:func:`flagged_reviewers`).
    """
    min_sd = float(as_decimal(total_points) * OUTLIER_MIN_SD_SHARE)
    rows: list[tuple[Hashable, SheetTotal, float, float]] = []
    for application, sheets in panels.items():
        values = [float(s.total) for s in sheets]
        for i, sheet in enumerate(sheets):
            others = values[:i] + values[i + 1:]
            if len(others) < max(min_others, 1):
                continue
            mean = statistics.fmean(others)
            rows.append((application, sheet, mean, values[i] - mean))
    if len(rows) < 2:
        return ()
    sd = max(statistics.stdev(d for *_rest, d in rows), min_sd)
    flags = []
    for application, sheet, mean, deviation in rows:
        z = deviation / sd
        if abs(z) > z_threshold and not math.isclose(abs(z), z_threshold):
            flags.append(OutlierFlag(application=application, key=sheet.key, reviewer=sheet.reviewer,
                                     total=sheet.total, others_mean=mean, deviation=deviation, sd=sd, z=z))
    return tuple(flags)


def cycle_outliers(results: Iterable[ApplicationResult], *, total_points: Decimal = Decimal(100)) -> tuple[OutlierFlag, ...]:
    """:func:`outlier_sheets` over the results of one award cycle, keyed by outlet org code."""
    return outlier_sheets({r.outlet_org: r.valid for r in results}, total_points=total_points)


def flagged_reviewers(flags: Iterable[OutlierFlag]) -> dict[str, tuple[OutlierFlag, ...]]:
    """Group outlier flags (of one or many applications) by reviewer, for the committee."""
    grouped: dict[str, list[OutlierFlag]] = {}
    for flag in flags:
        grouped.setdefault(flag.reviewer, []).append(flag)
    return {k: tuple(v) for k, v in grouped.items()}


@dataclass(frozen=True)
class SheetOutcome:
    """How one sheet entered the result: ``conflicted`` sheets are kept but excluded (回避);
    ``trimmed`` is ``"high"``/``"low"`` for the sheet dropped by the trimmed mean."""

    sheet: SheetTotal
    conflicted: bool
    trimmed: str | None = None

    @property
    def counted(self) -> bool:
        """Whether the sheet's total is in the final score."""
        return not self.conflicted and self.trimmed is None


@dataclass(frozen=True)
class ApplicationResult:
    """An application's result (评审结果): final score, valid and excluded sheets."""

    outlet_org: str
    final: Decimal | None
    exact: Decimal | None
    trimmed: bool
    outcomes: tuple[SheetOutcome, ...]

    @property
    def valid(self) -> tuple[SheetTotal, ...]:
        """The sheets not excluded for a conflict of interest, in the order given."""
        return tuple(o.sheet for o in self.outcomes if not o.conflicted)

    @property
    def valid_sheets(self) -> int:
        """Sheets not excluded for a conflict of interest (有效评分表)."""
        return sum(1 for o in self.outcomes if not o.conflicted)

    @property
    def excluded(self) -> tuple[SheetOutcome, ...]:
        """The conflicted sheets (kept, shown, not counted)."""
        return tuple(o for o in self.outcomes if o.conflicted)


def application_result(
    outlet_org: str,
    sheets: Sequence[SheetTotal],
    branch_of: BranchOf | Mapping[str, str | None],
) -> ApplicationResult:
    """Score one application (计算最终得分, DESIGN §5).

    ``sheets``: every sheet scored for the outlet ``outlet_org`` (6-digit code). Sheets whose
    reviewer is conflicted (:func:`is_conflicted`) are excluded but kept in ``outcomes``; the
    final score is :func:`final_score` of the rest. Outliers are judged over the whole cycle
    (:func:`cycle_outliers`). Raises :class:`NotFound` when ``branch_of`` is a mapping without a
    reviewer's or the outlet's code.
    """
    conflicted = [is_conflicted(s.reviewer_org, outlet_org, branch_of) for s in sheets]
    valid = [s for s, c in zip(sheets, conflicted) if not c]
    result = final_score([s.total for s in valid])
    trimmed_keys: dict[int, str] = {}
    if result.trimmed:
        valid_positions = [i for i, c in enumerate(conflicted) if not c]
        trimmed_keys[valid_positions[result.dropped_high]] = "high"  # type: ignore[index]
        trimmed_keys[valid_positions[result.dropped_low]] = "low"  # type: ignore[index]
    outcomes = tuple(
        SheetOutcome(sheet=s, conflicted=c, trimmed=trimmed_keys.get(i)) for i, (s, c) in enumerate(zip(sheets, conflicted))
    )
    return ApplicationResult(
        outlet_org=outlet_org,
        final=result.final,
        exact=result.exact,
        trimmed=result.trimmed,
        outcomes=outcomes,
    )


# --------------------------------------------------------------------------------------------
# Ranking and the quota line
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RankedEntry(Generic[K]):
    """An application in the ranking: its key, published final score, and competition rank
    (``None`` without a score)."""

    key: K
    score: Decimal | None
    rank: int | None


def rank_competition(scores: Iterable[tuple[K, Decimal | None]]) -> list[RankedEntry[K]]:
    """Rank by score, highest first, with competition ranks (1, 2, 2, 4 — 并列名次).

    ``scores``: ``(key, published final score)`` pairs; rank on the published (0.01) score so the
    ties the committee sees are the ties the ranking has. Equal scores share a rank and keep the
    order given; entries without a score come last with rank ``None``. Source: DESIGN §5.
    """
    items = list(scores)
    scored = sorted((p for p in items if p[1] is not None), key=lambda p: -as_decimal(p[1]))  # type: ignore[arg-type]
    ranked: list[RankedEntry[K]] = []
    previous: Decimal | None = None
    rank = 0
    for position, (key, score) in enumerate(scored, start=1):
        value = as_decimal(score)  # type: ignore[arg-type]
        if previous is None or value != previous:
            rank = position
            previous = value
        ranked.append(RankedEntry(key=key, score=value, rank=rank))
    ranked += [RankedEntry(key=key, score=None, rank=None) for key, score in items if score is None]
    return ranked


@dataclass(frozen=True)
class QuotaLine(Generic[K]):
    """The ranking cut at the quota (名额线).

    ``within``: inside the quota with their whole tie group; ``tied``: the tie group that straddles
    the line (more entries than ``seats`` left for them); ``outside``: ranked below the line;
    ``unscored``: no final score. ``clear`` is true when nothing is tied at the line.
    """

    quota: int
    within: tuple[RankedEntry[K], ...]
    tied: tuple[RankedEntry[K], ...]
    seats: int
    outside: tuple[RankedEntry[K], ...]
    unscored: tuple[RankedEntry[K], ...]

    @property
    def clear(self) -> bool:
        """No tie at the line: the top ``quota`` (or fewer) are decided by the scores alone."""
        return not self.tied


def quota_line(ranking: Sequence[RankedEntry[K]], quota: int) -> QuotaLine[K]:
    """Where the quota line falls in a competition ranking (名额线与并列, DESIGN §5).

    ``ranking`` from :func:`rank_competition`; ``quota`` ≥ 0 (``InputRefused`` otherwise). A tie
    group is *at the line* when it starts inside the quota and ends outside it (ranks 1, 2, 3, 3
    with quota 3); such a group is reported in ``tied``, never broken.
    """
    if quota < 0:
        raise InputRefused(msg("showcase.quota.negative", quota=quota))
    scored = [e for e in ranking if e.rank is not None]
    group_size = Counter(e.rank for e in scored)
    within = tuple(e for e in scored if e.rank + group_size[e.rank] - 1 <= quota)  # type: ignore[operator]
    tied = tuple(e for e in scored if e.rank <= quota < e.rank + group_size[e.rank] - 1)  # type: ignore[operator]
    outside = tuple(e for e in scored if e.rank > quota)  # type: ignore[operator]
    unscored = tuple(e for e in ranking if e.rank is None)
    return QuotaLine(quota=quota, within=within, tied=tied, seats=quota - len(within) if tied else 0,
                     outside=outside, unscored=unscored)


class QuotaTieRefused(InputRefused):
    """An award decision refused because the quota line falls inside a tie (DESIGN §5)."""


def award_decision(
    ranking: Sequence[RankedEntry[K]],
    quota: int,
    *,
    committee_choice: Collection[K] | None = None,
    label: Callable[[K], str] = str,
) -> tuple[K, ...]:
    """The applications to award: the top ``quota`` of the ranking (授予决定, DESIGN §5).

    When the quota line falls inside a tie, refuses with :class:`QuotaTieRefused` naming the tied
    applications (``label`` turns a key into the name shown) — unless ``committee_choice`` names
    exactly ``seats`` of them, which the caller records as the committee's decision. A choice when
    there is no tie, or a wrong one, is refused (:class:`InputRefused`). Returns keys in rank
    order; unscored applications are never awarded.
    """
    line = quota_line(ranking, quota)
    chosen = set(committee_choice or ())
    if line.clear:
        if chosen:
            raise InputRefused(msg("showcase.quota.no_tie"))
        return tuple(e.key for e in line.within)
    names = "、".join(label(e.key) for e in line.tied)
    if committee_choice is None:
        raise QuotaTieRefused(
            msg("showcase.quota.tie", rank=line.tied[0].rank, count=len(line.tied), names=names, seats=line.seats)
        )
    tied_keys = {e.key for e in line.tied}
    if not chosen <= tied_keys or len(chosen) != line.seats:
        raise InputRefused(msg("showcase.quota.bad_choice", seats=line.seats, names=names))
    return tuple(e.key for e in line.within) + tuple(e.key for e in line.tied if e.key in chosen)


# --------------------------------------------------------------------------------------------
# Certificate numbers, check values, QR payload
# --------------------------------------------------------------------------------------------

DEFAULT_NUMBER_PATTERN = "交银服示〔{year}〕{level_short}字第{seq:03d}号"

_FIELD_REGEX = {
    "year": r"(?P<year>\d{4})",
    "seq": r"(?P<seq>\d{1,9})",
    "level_short": r"(?P<level_short>[分总国])",
    "level": r"(?P<level>分行级|总行级|全国级)",
}
_OPEN = "〔[【［(（〖"
_CLOSE = "〕]】］)）〗"


@dataclass(frozen=True)
class CertificateNumberParts:
    """What a certificate number says: award year, level and sequence (序号, from 1)."""

    year: int
    level: AwardLevel
    seq: int


@dataclass(frozen=True)
class CertificateNumberPattern:
    """A configurable certificate-number pattern (证书编号格式, issue 4 §4).

    ``str.format`` placeholders: ``{year}``, ``{level}`` (分行级…), ``{level_short}`` (分/总/国) and
    ``{seq}`` with an optional format spec (``{seq:03d}``). Year, sequence and a level are
    required so that the sequence per year × level gives unique numbers. Raises
    :class:`InputRefused` for an invalid pattern.
    """

    pattern: str = DEFAULT_NUMBER_PATTERN

    def __post_init__(self) -> None:
        fields: list[str] = []
        try:
            parsed = list(string.Formatter().parse(self.pattern))
        except ValueError as exc:
            raise InputRefused(msg("showcase.number.bad_pattern", pattern=self.pattern, reason=exc)) from None
        for _literal, name, _spec, conversion in parsed:
            if name is None:
                continue
            if name not in _FIELD_REGEX or name in fields or conversion:
                reason = msg("showcase.number.pattern_field", field=name)
                raise InputRefused(msg("showcase.number.bad_pattern", pattern=self.pattern, reason=reason))
            fields.append(name)
        if "year" not in fields or "seq" not in fields or not ({"level", "level_short"} & set(fields)):
            reason = msg("showcase.number.pattern_needs")
            raise InputRefused(msg("showcase.number.bad_pattern", pattern=self.pattern, reason=reason))
        try:
            self.format(2007, AwardLevel.HEAD_OFFICE, 1)
        except (ValueError, TypeError) as exc:
            raise InputRefused(msg("showcase.number.bad_pattern", pattern=self.pattern, reason=exc)) from None

    def format(self, year: int, level: AwardLevel | str, seq: int) -> str:
        """The number for ``year`` × ``level`` × ``seq`` (``seq`` ≥ 1; ``InputRefused`` otherwise).

        ``format(2007, "总行级", 1)`` → ``"交银服示〔2007〕总字第001号"`` with the default pattern.
        """
        if seq < 1:
            raise InputRefused(msg("showcase.number.bad_sequence", seq=seq))
        level = AwardLevel(level)
        return self.pattern.format(year=year, level=level.value, level_short=level.short, seq=seq)

    @cached_property
    def _regex(self) -> re.Pattern[str]:
        parts: list[str] = []
        for literal, name, _spec, _conv in string.Formatter().parse(self.pattern):
            for ch in literal:
                if ch in _OPEN:
                    parts.append("[" + re.escape(_OPEN) + "]")
                elif ch in _CLOSE:
                    parts.append("[" + re.escape(_CLOSE) + "]")
                elif ch.isspace():
                    parts.append(r"\s*")
                else:
                    parts.append(re.escape(unicodedata.normalize("NFKC", ch)))
            if name is not None:
                parts.append(_FIELD_REGEX[name])
        return re.compile(r"\s*" + "".join(parts) + r"\s*")

    def parse(self, number: str) -> CertificateNumberParts:
        """Read a number typed or scanned back (验证证书编号): full-width digits, spaces at the ends
        spaces inside, and other bracket styles (〔2007〕, [2007], 【2007】, （2007）) are accepted; leading zeros of
        the sequence are optional. Raises :class:`InputRefused` when it is not such a number.
        Use :meth:`canonical` for the form stored in the register.
        """
        text = "".join(unicodedata.normalize("NFKC", ch) if ch not in _OPEN + _CLOSE else ch for ch in str(number))
        match = self._regex.fullmatch(text)
        if match is None:  # spaces typed or copied inside the number ("交银服示 〔2007〕 总字第001号")
            match = self._regex.fullmatch(re.sub(r"\s+", "", text))
        if match is None:
            example = self.format(2007, AwardLevel.HEAD_OFFICE, 1)
            raise InputRefused(msg("showcase.number.unparseable", number=number, example=example))
        groups = match.groupdict()
        if groups.get("level"):
            level = AwardLevel(groups["level"])
        else:
            level = AwardLevel.parse(groups["level_short"])
        if groups.get("level") and groups.get("level_short") and AwardLevel.parse(groups["level_short"]) is not level:
            example = self.format(2007, AwardLevel.HEAD_OFFICE, 1)
            raise InputRefused(msg("showcase.number.unparseable", number=number, example=example))
        seq = int(groups["seq"])
        if seq < 1:
            raise InputRefused(msg("showcase.number.bad_sequence", seq=seq))
        return CertificateNumberParts(year=int(groups["year"]), level=level, seq=seq)

    def canonical(self, number: str) -> str:
        """The number as the register stores it (parsed, then formatted again)."""
        parts = self.parse(number)
        return self.format(parts.year, parts.level, parts.seq)


def next_sequence(issued: Iterable[int]) -> int:
    """The next sequence number for a year × level (证书序号): one above the highest ever issued.

    ``issued`` must include revoked (摘牌) awards: numbers are never reused, and gaps (an award
    deleted before printing) are not filled. Starts at 1.
    """
    return max(issued, default=0) + 1


#: Length of the check value in base-32 characters (8 × 5 = 40 bits).
CHECK_LENGTH = 8
QR_PREFIX = "QSMCERT1"


def default_decision_date(year: int, today: dt.date) -> dt.date:
    """The committee's decision date when none is given (评审决定日期的默认值).

    ``year``: the award cycle's year; ``today``: a ``datetime.date``. While the cycle is current —
    its year and the first quarter after it, when the December assessment is decided — it is
    ``today``. An older cycle is being entered after the fact: then 31 December of its year, so
    its certificates read 二〇〇七年十二月 as DESIGN §5 shows, not the day of data entry. The
    desktop proposes the same date and the command line says which one it used.
    """
    if today <= dt.date(year + 1, 3, 31):
        return today
    return dt.date(year, 12, 31)


def certificate_check(number: str, key: bytes) -> str:
    """The check value printed in a certificate's QR code (校验码).

    HMAC-SHA256 over the number (Unicode NFC, UTF-8) keyed with the office's secret ``key``, the
    first 40 bits in base 32 (``A–Z2–7``, 8 characters). The service keeps one random secret per
    database (e.g. ``secrets.token_bytes(32)``, created once). Without the key nobody can make a
    QR code with a valid check for a number the office did not issue, and a hand-edited or
    mistyped number fails the check. It does not replace the register: ``verify`` still looks the
    number up (valid, revoked or unknown). Raises ``ValueError`` for an empty key.
    """
    if not key:
        raise ValueError("certificate_check needs the office's secret key")
    digest = hmac.new(key, unicodedata.normalize("NFC", number).encode("utf-8"), hashlib.sha256).digest()
    return base64.b32encode(digest[:5]).decode("ascii")[:CHECK_LENGTH]


def verify_check(number: str, check: str, key: bytes) -> bool:
    """Whether ``check`` is the check value of ``number`` (case-insensitive, constant-time)."""
    expected = certificate_check(number, key)
    given = unicodedata.normalize("NFKC", str(check)).strip().upper()
    return hmac.compare_digest(expected, given)


def qr_payload(number: str, check: str) -> str:
    """The text a certificate's QR code carries: ``"QSMCERT1|<number>|<check>"``.

    A phone shows it as is (the number is readable); the app's verify box and ``qsm certificates
    verify`` accept it whole.
    """
    return f"{QR_PREFIX}|{number}|{check}"


def parse_qr_payload(text: str) -> tuple[str, str]:
    """``(number, check)`` from a scanned QR text (see :func:`qr_payload`); :class:`InputRefused`
    when the text is not one of ours."""
    text = str(text).strip()
    if not text.startswith(QR_PREFIX + "|") or text.count("|") < 2:
        raise InputRefused(msg("showcase.qr.unparseable"))
    number, check = text[len(QR_PREFIX) + 1:].rsplit("|", 1)
    if not number or not check:
        raise InputRefused(msg("showcase.qr.unparseable"))
    return number, check

