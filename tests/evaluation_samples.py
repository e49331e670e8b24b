"""Test helper (not a test): the 2007Q4 evaluation inputs taken straight from the sample returns.

Until the return engine and the registers exist, the evaluation tests read the sample workbooks
with python-calamine here:

- A*/B*/C02 from ``quarterly/*.xlsx`` (sheet 指标数据, columns 指标代码 / 本期值; percent written
  as 97, 0.97 or "97%" → 97.0 by the return engine's ``domain.normalise.parse_percent``, DESIGN §3.4);
- E01–E04 as the mean of the branches' ``internal_service/*.xlsx`` ratings per department
  (columns named like the indicators: 服务态度, 响应时效, 政策传导, 问题解决);
- C01 from ``expected.json`` → ``branch_cert_rate_all``, C03 from the training files'
  ``C03_coverage``, D01 = 0 (no awards held yet), as the issue prescribes.

Unit names come from ``org_units.xlsx``. Importable from any test because pytest puts the
``tests`` folder (where ``conftest.py`` lives) on ``sys.path``.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from pathlib import Path

from python_calamine import CalamineWorkbook

from qsm_desktop import paths
from qsm_desktop.domain.normalise import parse_percent
from qsm_desktop.domain.indicators import (
    UNIT_TYPE_BRANCH,
    UNIT_TYPE_DEPARTMENT,
    IndicatorSystem,
    InputValue,
    PeriodScores,
    UnitInput,
    load_toml,
    score_period,
)

PERIOD = "2007Q4"


def reference_system() -> IndicatorSystem:
    """The seeded 2007 system (``db/seed/indicator_system_2007.toml``)."""
    return load_toml(paths.data_dir("db") / "seed" / "indicator_system_2007.toml")


def _rows(path: Path, sheet: str) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()


def _table(path: Path, sheet: str, titles: set[str]) -> tuple[int, list[str], list[list[object]]]:
    """Header row found by its titles (not by position); returns (header index, header, data rows)."""
    rows = _rows(path, sheet)
    for index, row in enumerate(rows):
        header = [str(c).strip() for c in row]
        if titles <= set(header):
            return index, header, rows[index + 1:]
    raise AssertionError(f"{path.name}: no header with {titles}")


def _col(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def unit_names(samples_dir: Path) -> dict[str, tuple[str, str]]:
    """org code → (name, type) from ``org_units.xlsx``."""
    _, header, rows = _table(samples_dir / "org_units.xlsx", "机构清单", {"机构代码", "机构名称", "机构类型"})
    c, n, t = header.index("机构代码"), header.index("机构名称"), header.index("机构类型")
    return {str(r[c]).strip(): (str(r[n]).strip(), str(r[t]).strip()) for r in rows if r[c]}


def quarterly_values(path: Path, system: IndicatorSystem) -> dict[str, InputValue]:
    """indicator code → value (with its ``file!sheet!cell`` origin) from one quarterly return."""
    sheet = "指标数据"
    head, header, rows = _table(path, sheet, {"指标代码", "本期值"})
    code_col, value_col = header.index("指标代码"), header.index("本期值")
    out: dict[str, InputValue] = {}
    for offset, row in enumerate(rows):
        code = str(row[code_col]).strip()
        raw = row[value_col]
        if not code or raw in ("", None):
            continue
        unit = system.indicator(code).unit
        value = parse_percent(raw) if unit == "%" else float(raw)
        cell = f"{_col(value_col)}{head + 2 + offset}"
        out[code] = InputValue(value, f"{path.name}!{sheet}!{cell}")
    return out


def department_means(samples_dir: Path, system: IndicatorSystem) -> dict[str, dict[str, float]]:
    """department code → {E01..E04: mean rating over the branches' internal-service returns}."""
    sheet = "内部服务评价"
    by_name = {i.name: i.code for i in system.indicators_for(UNIT_TYPE_DEPARTMENT)}
    ratings: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for path in sorted((samples_dir / "internal_service").glob("*.xlsx")):
        _, header, rows = _table(path, sheet, {"部门代码", *by_name})
        dept_col = header.index("部门代码")
        for row in rows:
            dept = str(row[dept_col]).strip()
            if not dept:
                continue
            for name, code in by_name.items():
                ratings[dept][code].append(float(row[header.index(name)]))
    return {d: {c: math.fsum(v) / len(v) for c, v in per.items()} for d, per in ratings.items()}


def expected(samples_dir: Path) -> dict:
    return json.loads((samples_dir / "expected.json").read_text(encoding="utf-8"))


def sample_inputs(samples_dir: Path, system: IndicatorSystem) -> list[UnitInput]:
    """The 10 branches' and 8 departments' inputs for 2007Q4 (see the module docstring)."""
    exp = expected(samples_dir)
    names = unit_names(samples_dir)
    coverage = {
        info["org"]: info["C03_coverage"] for info in exp["files"].values() if "C03_coverage" in info
    }
    units: list[UnitInput] = []
    for path in sorted((samples_dir / "quarterly").glob("*.xlsx")):
        code = path.stem.split("_")[1]
        values: dict[str, float | InputValue | None] = dict(quarterly_values(path, system))
        values["C01"] = InputValue(exp["branch_cert_rate_all"][code], "expected.json branch_cert_rate_all")
        values["C03"] = InputValue(coverage[code], "expected.json C03_coverage")
        values["D01"] = InputValue(0.0, "no awards held")
        units.append(UnitInput(code, names[code][0], UNIT_TYPE_BRANCH, values))
    for dept, means in sorted(department_means(samples_dir, system).items()):
        units.append(UnitInput(dept, names[dept][0], UNIT_TYPE_DEPARTMENT, dict(means)))
    return units


def sample_scores(samples_dir: Path, previous_totals: dict[str, float] | None = None) -> PeriodScores:
    """Scores of all 18 units for 2007Q4 from the samples."""
    system = reference_system()
    return score_period(system, PERIOD, sample_inputs(samples_dir, system), previous_totals)
