"""The demo's evaluation returns and scores (演示综合评价数据) — issue 5, a step of
:data:`qsm_desktop.services.demo.build.DEMO_STEPS`.

For the demo period and the quarter before it (when the 2007 system is already in force then),
every branch of the synthetic bank gets a 服务质量季度报表 (one row per quarterly indicator of the
system in force, percentages written as 97, 0.97 and "97%" alike, as branches do) and a 内部服务评价表
rating each head-office department. The returns are written with the template writer and imported
through the importer — never behind its back — and then each quarter is scored, so the window
opens on an evaluation with a change against the previous quarter. Values are seeded per branch
and quarter: the same bank always gets the same figures. :func:`quarterly_rows` and
:func:`rating_rows` are shared with ``benchmarks/evaluation_bench.py``.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.domain.indicators import UNIT_TYPE_BRANCH, Indicator
from qsm_desktop.excel.kinds.base import get_kind
from qsm_desktop.excel.kinds.quarterly import quarterly_indicators
from qsm_desktop.excel.template import write_return

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.demo.context import DemoContext
    from qsm_desktop.services.demo.data import SyntheticBank

register({
    "demo.step.evaluation": ("服务质量季度报表与内部服务评价", "quarterly and internal-service returns"),
    "demo.step.scores": ("综合评价计分", "evaluation scores"),
})

DEPARTMENT_TYPE = "总行部门"

# code → (low, high, whole numbers?) of plausible values; others fall back on the unit
_RANGES: dict[str, tuple[float, float, bool]] = {
    "A01": (70.0, 97.0, False),   # 客户满意度 %
    "A02": (62.0, 98.0, False),   # 神秘访客检查平均得分
    "A03": (0.0, 7.0, True),      # 有效投诉件数
    "A04": (82.0, 100.0, False),  # 投诉处理及时率 %
    "A05": (8.0, 28.0, False),    # 客户平均等候时间 分钟
    "B01": (91.0, 99.5, False),   # 自助机具正常运行率 %
    "B02": (1.0, 8.0, True),      # POS成功率当地排名
    "B03": (10.0, 38.0, False),   # 网上银行结算量占比 %
    "B04": (0.0, 6.0, True),      # 新增沃德财富服务中心和服务区
    "C02": (50.0, 100.0, False),  # 大堂经理配备率 %
}


def _quarter_index(period: str) -> int:
    return int(period[:4]) * 4 + int(period[-1]) - 1


def _value(ind: Indicator, rng: random.Random, quality: float, trend: float) -> float:
    low, high, whole = _RANGES.get(ind.code, (0.0, 100.0 if ind.unit == "%" else 10.0, ind.unit in ("件", "个", "名")))
    better_high = ind.direction == "higher"
    position = min(1.0, max(0.0, quality + trend + rng.gauss(0.0, 0.12)))
    if not better_high:
        position = 1.0 - position
    value = low + (high - low) * position
    if whole:
        return float(round(value))
    return round(value, 2 if ind.unit == "%" else 1)


def _written(value: float, ind: Indicator, rng: random.Random) -> object:
    """How a branch writes the value: percentages as 97, 0.97 or "97%" (DESIGN §3.4)."""
    if ind.unit != "%":
        return int(value) if float(value).is_integer() and ind.unit in ("件", "个", "名") else value
    form = rng.random()
    if form < 0.5:
        return value
    if form < 0.8:
        return round(value / 100.0, 6)
    return f"{value:g}%"


def quarterly_rows(indicators: Sequence[Indicator], branch: str, period: str, *, seed: int = 2007) -> list[dict]:
    """The rows of ``branch``'s quarterly return for ``period`` (seeded per branch and quarter).

    Each branch has a steady quality level and a slow trend, so quarters differ a little."""
    base = random.Random(f"{seed}-{branch}")
    quality, drift = base.uniform(0.25, 0.85), base.uniform(-0.02, 0.03)
    rng = random.Random(f"{seed}-{branch}-{period}")
    trend = drift * (_quarter_index(period) - _quarter_index("2007Q3"))
    rows = []
    for n, ind in enumerate(indicators, start=1):
        value = _value(ind, rng, quality, trend)
        rows.append({"seq": n, "code": ind.code, "name": ind.name, "unit": ind.unit, "value": _written(value, ind, rng)})
    return rows


def rating_rows(departments: Sequence[tuple[str, str]], branch: str, period: str, *, seed: int = 2007) -> list[dict]:
    """The rows of ``branch``'s internal-service rating for ``period``: each department rated 0–100."""
    rows = []
    for n, (code, name) in enumerate(departments, start=1):
        dept = random.Random(f"{seed}-{code}")
        level = dept.uniform(70.0, 88.0)
        rng = random.Random(f"{seed}-{branch}-{code}-{period}")
        ratings = [min(100, max(40, round(rng.gauss(level + dept.uniform(-6, 6), 8)))) for _ in range(4)]
        rows.append({"seq": n, "department": code, "department_name": name, "attitude": ratings[0],
                     "response": ratings[1], "policy": ratings[2], "resolution": ratings[3],
                     "overall": round(sum(ratings) / 4, 1)})
    return rows


def write_quarterly(path: Path, branch: str, branch_name: str, period: str, rows: list[dict]) -> Path:
    """Write a filled quarterly return with the template writer."""
    kind = get_kind("quarterly")
    write_return(path, kind=kind.name, sheet_name=kind.sheet_name, title=f"交通银行{kind.title}", columns=kind.columns,
                 org_code=branch, org_name=branch_name, period=period, rows=rows, blank_rows=0)
    return path


def write_ratings(path: Path, branch: str, branch_name: str, period: str, rows: list[dict]) -> Path:
    """Write a filled internal-service return with the template writer."""
    kind = get_kind("internal_service")
    write_return(path, kind=kind.name, sheet_name=kind.sheet_name, title=f"交通银行{kind.title}", columns=kind.columns,
                 org_code=branch, org_name=branch_name, period=period, rows=rows, blank_rows=0)
    return path


def demo_quarters(period: str) -> list[str]:
    """The demo period and the quarter before it when the 2007 system is in force then (from 2007Q3)."""
    from qsm_desktop.services.evaluation import previous_quarter

    previous = previous_quarter(period)
    return [previous, period] if previous >= "2007Q3" else [period]


def write_evaluation_returns(bank: SyntheticBank, indicators: Sequence[Indicator], folder: Path, period: str,
                             prefix: str = "demo_") -> list[Path]:
    """Write every branch's quarterly and internal-service returns of ``period`` into ``folder``."""
    departments = [(o.code, o.name) for o in bank.orgs if o.type == DEPARTMENT_TYPE]
    paths = []
    for branch in bank.branch_codes:
        name = bank.org_name(branch)
        paths.append(write_quarterly(folder / f"{prefix}quarterly_{branch}_{period}.xlsx", branch, name, period,
                                     quarterly_rows(indicators, branch, period)))
        paths.append(write_ratings(folder / f"{prefix}internal_service_{branch}_{period}.xlsx", branch, name, period,
                                   rating_rows(departments, branch, period)))
    return paths


def step_evaluation(ctx: DemoContext) -> None:
    """Write and import the quarterly and internal-service returns, then score each quarter."""
    from qsm_desktop.services.imports import import_files

    evaluation = ctx.services.evaluation
    quarters = demo_quarters(ctx.period)
    for index, period in enumerate(quarters):
        if ctx.cancelled:
            return
        system = evaluation.system_for_period(ctx.actor, period).system
        indicators = quarterly_indicators(system, UNIT_TYPE_BRANCH)
        if ctx.progress:
            ctx.progress(index, len(quarters) + 1, period)
        paths = write_evaluation_returns(ctx.bank, indicators, ctx.folder, period)
        results = import_files(ctx.services, ctx.actor, paths, cancel=ctx.cancel)
        for result in results:
            if result.refused:
                problems = "; ".join(str(p) for p in result.problems[:5])
                raise RuntimeError(msg("demo.refused", file=result.file, problems=problems))
        ctx.results.extend(results)
    for period in quarters:
        if ctx.cancelled:
            return
        if ctx.progress:
            ctx.progress(len(quarters), len(quarters) + 1, msg("demo.step.scores"))
        evaluation.compute(ctx.actor, period)
