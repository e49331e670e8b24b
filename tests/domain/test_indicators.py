"""Indicator systems and scoring (综合评价) — DESIGN §4, db/seed/indicator_system_2007.toml."""

from __future__ import annotations

import dataclasses
import math
import tomllib

import pytest
from evaluation_samples import PERIOD, department_means, expected, reference_system, sample_scores

from qsm_desktop import paths
from qsm_desktop.domain import i18n
from qsm_desktop.domain.errors import InputRefused, QsmError
from qsm_desktop.domain.indicators import (
    TIE_TOLERANCE,
    UNIT_TYPE_BRANCH,
    UNIT_TYPE_DEPARTMENT,
    BonusRule,
    DeductionRule,
    Indicator,
    IndicatorSystem,
    IndicatorSystemInvalid,
    InputValue,
    LinearRule,
    RankBand,
    RankRule,
    UnitInput,
    competition_ranks,
    dump_toml,
    dumps_toml,
    fmt_number,
    load_toml,
    loads_toml,
    score_period,
)

SEED = paths.data_dir("db") / "seed" / "indicator_system_2007.toml"


@pytest.fixture(scope="module")
def system() -> IndicatorSystem:
    return reference_system()


def _leaf(rule, direction="higher", weight=10.0, unit="%", code="X01") -> Indicator:
    return Indicator(code, "X", "测试指标", unit, direction, weight, "quarterly", rule)


def _points(indicator: Indicator, value: float) -> float:
    return indicator.score(value)[0]


# --------------------------------------------------------------------------- the four rule kinds at their edges


class TestLinearHigherBetter:
    leaf = _leaf(LinearRule(floor=70, target=90), weight=15)  # A01 客户满意度

    @pytest.mark.parametrize(
        ("value", "points"),
        [(50, 0.0), (70, 0.0), (70.0001, 15 * 0.0001 / 20), (80, 7.5), (89.9, 15 * 19.9 / 20), (90, 15.0), (100, 15.0)],
    )
    def test_points(self, value, points):
        assert _points(self.leaf, value) == pytest.approx(points, abs=1e-12)

    def test_at_floor_explains_zero(self):
        _, why = self.leaf.score(70)
        assert why.outcome.case == "zero" and why.points == 0
        assert why.loss_reason("zh") == "本期值 70% 未高于保底值 70%，该项不得分（失 15 分）"
        assert why.loss_reason("en") == "70% is not above the floor 70%: no points (15 lost)"

    def test_at_and_beyond_target_lose_nothing(self):
        for value in (90, 93.3):
            _, why = self.leaf.score(value)
            assert why.outcome.case == "full" and why.lost == 0 and why.loss_reason() is None

    def test_between_explains_gap(self):
        _, why = self.leaf.score(80)
        assert why.describe("zh") == (
            "本期值 80% → 线性：70%及以下得 0 分，90%及以上得满分 15 分，其间按比例 → 得 7.5 / 15 分"
        )
        assert why.loss_reason("zh") == "本期值 80% 低于目标 90%（差 10%），按比例失 7.5 分"
        assert "10% below the target 90%" in why.loss_reason("en")


class TestLinearLowerBetter:
    leaf = _leaf(LinearRule(floor=30, target=10), direction="lower", weight=5, unit="分钟")  # A05 等候时间

    @pytest.mark.parametrize(
        ("value", "points"), [(40, 0.0), (30, 0.0), (20, 2.5), (18.8, 2.8), (10, 5.0), (3, 5.0), (0, 5.0)]
    )
    def test_points(self, value, points):
        assert _points(self.leaf, value) == pytest.approx(points, abs=1e-12)

    def test_explanations(self):
        assert self.leaf.score(30)[1].loss_reason("zh") == "本期值 30分钟 未低于保底值 30分钟，该项不得分（失 5 分）"
        assert self.leaf.score(18.8)[1].loss_reason("zh") == "本期值 18.8分钟 高于目标 10分钟（超出 8.8分钟），按比例失 2.2 分"
        assert self.leaf.score(10)[1].loss_reason() is None


class TestRank:
    leaf = _leaf(
        RankRule((RankBand(1, 3, 1.0), RankBand(4, 5, 0.5))), direction="lower", weight=5, unit="名"
    )  # B02 POS成功率当地排名

    @pytest.mark.parametrize(("rank", "points"), [(1, 5.0), (3, 5.0), (4, 2.5), (5, 2.5), (6, 0.0), (40, 0.0)])
    def test_band_edges(self, rank, points):
        assert _points(self.leaf, rank) == points

    def test_first_band_that_holds_wins(self):
        overlapping = _leaf(RankRule((RankBand(1, 5, 0.5), RankBand(1, 1, 1.0))), direction="lower", unit="名")
        assert _points(overlapping, 1) == 5.0

    def test_explanations(self):
        assert self.leaf.score(4)[1].loss_reason("zh") == "第4名属于第 4–5 名档，只得 50%（失 2.5 分）"
        assert self.leaf.score(7)[1].loss_reason("zh") == "第7名不在任何得分档内，该项不得分（失 5 分）"
        assert self.leaf.score(7)[1].loss_reason("en") == "rank 7 is in no scoring band: no points (5 lost)"
        assert self.leaf.score(2)[1].loss_reason() is None

    @pytest.mark.parametrize("bad", [0, -1, 2.5])
    def test_rank_must_be_whole_and_positive(self, bad):
        assert self.leaf.value_problem(bad) == "indicators.expect_rank_value"
        with pytest.raises(ValueError):
            self.leaf.score(bad)


class TestDeduction:
    leaf = _leaf(DeductionRule(per_unit=2), direction="lower", weight=10, unit="件")  # A03 有效投诉件数

    @pytest.mark.parametrize(("count", "points"), [(0, 10.0), (1, 8.0), (4, 2.0), (4.5, 1.0), (5, 0.0), (6, 0.0), (100, 0.0)])
    def test_points_never_below_zero(self, count, points):
        assert _points(self.leaf, count) == points

    def test_floor_at_zero_is_explained(self):
        _, why = self.leaf.score(6)
        assert why.outcome.case == "floor"
        assert why.loss_reason("zh") == "6件 × 每件 2 分 = 应扣 12 分，超过满分 10 分，以 0 分为限（失 10 分）"
        assert why.loss_reason("en") == "6 cases × 2 per case = 12 to deduct, more than the 10 available: 0 points (10 lost)"

    def test_partial(self):
        assert self.leaf.score(3)[1].loss_reason("zh") == "3件 × 每件 2 分，扣 6 分"
        assert self.leaf.score(0)[1].loss_reason() is None

    def test_negative_count_invalid(self):
        assert self.leaf.value_problem(-1) == "indicators.expect_count_value"


class TestBonus:
    leaf = _leaf(BonusRule(per_unit=2), weight=5, unit="个")  # D01 示范窗口单位

    @pytest.mark.parametrize(("count", "points"), [(0, 0.0), (1, 2.0), (2, 4.0), (2.5, 5.0), (3, 5.0), (40, 5.0)])
    def test_points_capped_at_weight(self, count, points):
        assert _points(self.leaf, count) == points

    def test_explanations(self):
        _, why = self.leaf.score(3)
        assert why.outcome.case == "cap" and why.loss_reason() is None
        assert self.leaf.score(1)[1].loss_reason("zh") == "1个 × 每个 2 分 = 2 分，未达上限 5 分（差 3 分）"
        assert self.leaf.score(0)[1].loss_reason("en") == "0 × 2 per unit = 0, below the cap of 5 (5 short)"


def test_value_must_be_a_finite_number():
    leaf = _leaf(LinearRule(0, 100))
    for bad in (math.nan, math.inf, "97", None, True):
        assert leaf.value_problem(bad) == "indicators.expect_finite_value"


# --------------------------------------------------------------------------- validation


def test_reference_system_loads(system):
    assert system.name == "服务质量管理综合评价指标体系" and system.version == "2007版"
    assert str(system.effective_from) == "2007-07-01"
    assert system.unit_types() == (UNIT_TYPE_BRANCH, UNIT_TYPE_DEPARTMENT)
    assert [i.code for i in system.indicators_for(UNIT_TYPE_BRANCH)][:3] == ["A01", "A02", "A03"]
    assert len(system.indicators_for(UNIT_TYPE_BRANCH)) == 13
    assert len(system.indicators_for(UNIT_TYPE_DEPARTMENT)) == 4
    assert system.weight_total(UNIT_TYPE_BRANCH) == system.weight_total(UNIT_TYPE_DEPARTMENT) == 100
    assert [g.name for g in system.grades] == ["优秀", "良好", "合格", "待改进"]


def _with_weight(system: IndicatorSystem, code: str, weight: float) -> IndicatorSystem:
    return dataclasses.replace(
        system,
        indicators=tuple(dataclasses.replace(i, weight=weight) if i.code == code else i for i in system.indicators),
    )


def test_weights_not_adding_up_are_refused(system):
    broken = _with_weight(system, "A01", 10)  # branches now 95
    with pytest.raises(IndicatorSystemInvalid) as caught:
        broken.validate()
    assert isinstance(caught.value, QsmError)
    text = str(caught.value)
    assert "分行" in text and "95" in text and "100" in text
    assert "总行部门" not in text  # the departments are fine
    i18n.set_language("en")
    with pytest.raises(IndicatorSystemInvalid) as caught:
        _with_weight(system, "E01", 30).validate()
    # the unit type and the system's name in English: msg shows a program word in the sentence's language
    assert "The weights of the indicators for 'Head-office department' add up to 105, not 100." in str(caught.value)
    assert "Indicator system 'Service-quality evaluation indicator system 2007 edition' cannot be used" in str(caught.value)


def test_weights_not_adding_up_refused_from_toml():
    text = SEED.read_text(encoding="utf-8").replace("weight = 25\nsource = \"internal_service\"", "weight = 24\nsource = \"internal_service\"", 1)
    with pytest.raises(IndicatorSystemInvalid) as caught:
        loads_toml(text)
    assert any("总行部门" in p and "99" in p for p in caught.value.problems)


@pytest.mark.parametrize(
    ("old", "new", "needle"),
    [
        ('rule = { kind = "linear", floor = 70, target = 90 }', 'rule = { kind = "linear", floor = 90, target = 90 }', "A01"),
        ('rule = { kind = "linear", floor = 70, target = 90 }', 'rule = { kind = "linear", floor = 90, target = 70 }', "A01"),
        ('rule = { kind = "linear", floor = 30, target = 10 }', 'rule = { kind = "linear", floor = 10, target = 30 }', "A05"),
        ("fraction = 0.5", "fraction = 1.5", "B02"),
        ("{ from = 4, to = 5,", "{ from = 5, to = 4,", "B02"),
        ('{ kind = "deduction", per_unit = 2 }', '{ kind = "deduction", per_unit = 0 }', "A03"),
        ('{ kind = "bonus", per_unit = 1 }', '{ kind = "bonus", per_unit = -1 }', "B04"),
        ('{ kind = "bonus", per_unit = 1 }', '{ kind = "percentile", per_unit = 1 }', "B04"),
        ('{ kind = "bonus", per_unit = 1 }', '{ kind = "bonus" }', "B04"),
        ('direction = "higher"\nweight = 15\nsource = "quarterly"', 'direction = "upward"\nweight = 15\nsource = "quarterly"', "A01"),
        ('source = "certification"', 'source = "telepathy"', "C01"),
        ('category = "E"\nname = "服务态度"', 'category = "Z"\nname = "服务态度"', "E01"),
        ('applies_to = "分行"', 'applies_to = "营业厅"', "A"),
        ('effective_from = "2007-07-01"', 'effective_from = "2007-13-01"', "effective_from"),
        ("[[grades]]\nname = \"待改进\"\nmin = 0", "", "0"),
    ],
)
def test_invalid_rule_parameters_refused(old, new, needle):
    text = SEED.read_text(encoding="utf-8")
    assert old in text
    with pytest.raises(IndicatorSystemInvalid) as caught:
        loads_toml(text.replace(old, new, 1))
    assert caught.value.problems
    assert any(needle in p for p in caught.value.problems), caught.value.problems


def test_every_problem_is_listed_at_once():
    text = SEED.read_text(encoding="utf-8")
    text = text.replace("fraction = 0.5", "fraction = 1.5").replace('{ kind = "deduction", per_unit = 2 }', '{ kind = "deduction" }')
    with pytest.raises(IndicatorSystemInvalid) as caught:
        loads_toml(text)
    problems = caught.value.problems
    assert any("per_unit" in p for p in problems) and any("fraction" in p for p in problems)
    # A03's weight still counts although its rule is broken: no misleading "weights add up to 90"
    assert not any("合计" in p for p in problems)


def test_rule_must_agree_with_direction(system):
    wrong = dataclasses.replace(
        system,
        indicators=tuple(dataclasses.replace(i, direction="higher") if i.code == "A03" else i for i in system.indicators),
    )
    assert any("A03" in p and "deduction" in p for p in wrong.problems())


def test_bad_toml_syntax_refused():
    with pytest.raises(IndicatorSystemInvalid) as caught:
        loads_toml('name = "x\nversion = 1', source="broken.toml")
    assert "broken.toml" in str(caught.value)


# --------------------------------------------------------------------------- TOML round trip


def test_toml_round_trip(system, tmp_path):
    text = dumps_toml(system)
    assert loads_toml(text) == system
    path = tmp_path / "system.toml"
    dump_toml(system, path)
    assert load_toml(path) == system


def test_toml_dump_has_the_reference_format(system):
    """Parsed, the dump is the reference document itself (same keys, values and order)."""
    reference = tomllib.loads(SEED.read_text(encoding="utf-8"))
    dumped = tomllib.loads(dumps_toml(system))
    assert dumped == reference
    assert list(dumped) == ["name", "name_en", "version", "effective_from", "grades", "categories", "indicators"]
    assert 'rule = { kind = "rank", bands = [ { from = 1, to = 3, fraction = 1.0 }, { from = 4, to = 5, fraction = 0.5 } ] }' in dumps_toml(system)


def test_toml_round_trip_of_an_edited_copy(system):
    edited = dataclasses.replace(
        _with_weight(_with_weight(system, "A01", 12.5), "A02", 17.5),
        version="2008版",
        name='名称带"引号"与\\反斜杠',
    )
    assert loads_toml(dumps_toml(edited)) == edited


# --------------------------------------------------------------------------- grades, ranks, missing inputs, change


@pytest.mark.parametrize(
    ("total", "grade"),
    [(100, "优秀"), (90, "优秀"), (90 - 1e-12, "优秀"), (89.995, "良好"), (80, "良好"), (79.99, "合格"), (60, "合格"), (59.999, "待改进"), (0, "待改进")],
)
def test_grade_bands(system, total, grade):
    assert system.grade_for(total) == grade


def test_competition_ranking_with_ties():
    ranks = competition_ranks({"b": 80.0, "a": 90.0, "d": 80.0 + TIE_TOLERANCE / 10, "c": 70.0, "e": 80.0})
    assert ranks == {"a": 1, "b": 2, "d": 2, "e": 2, "c": 5}
    # distinct but close totals are not ties: 0.004 apart prints the same (80.00) yet ranks apart
    assert competition_ranks({"x": 80.004, "y": 80.0}) == {"x": 1, "y": 2}


def _branch(code, **values):
    return UnitInput(code, f"分行{code}", UNIT_TYPE_BRANCH, values)


FULL = dict(A01=95, A02=95, A03=0, A04=100, A05=5, B01=99, B02=1, B03=30, B04=9, C01=90, C02=100, C03=100, D01=3)


def test_full_marks_and_ties(system):
    scores = score_period(system, PERIOD, [_branch("1", **FULL), _branch("2", **FULL), _branch("3", **{**FULL, "B02": 4})])
    ones = scores.of_type(UNIT_TYPE_BRANCH)
    assert [(u.code, u.rank, u.grade) for u in ones] == [("1", 1, "优秀"), ("2", 1, "优秀"), ("3", 3, "优秀")]
    assert ones[0].total == 100 and ones[2].total == 97.5


def test_missing_inputs_are_listed_never_zero(system):
    partial = {k: v for k, v in FULL.items() if k not in ("C01", "C03")}
    partial["A02"] = None
    scores = score_period(system, PERIOD, [_branch("1", **FULL), _branch("2", **partial), _branch("3", **{**FULL, "A01": 80})])
    incomplete = scores.unit("2")
    assert not incomplete.complete and not scores.complete
    assert [(p.indicator_code, p.reason) for p in incomplete.problems] == [("A02", "missing"), ("C01", "missing"), ("C03", "missing")]
    assert incomplete.missing_sources == ("quarterly", "certification", "training")
    assert incomplete.indicator("C01").points is None and incomplete.indicator("C01").value is None
    assert incomplete.rank is None and incomplete.grade is None
    assert scores.unit("3").rank == 2  # the incomplete unit takes no rank from the others
    message = incomplete.problems[1].message("zh")
    assert message == "2 分行2：指标 C01（持证上岗率）缺少本期值（来源：持证上岗登记）"
    assert "has no value for the period (source: certification register)" in incomplete.problems[1].message("en")
    # the office may accept the period as incomplete: then the partial total is graded and ranked
    accepted = score_period(system, PERIOD, [_branch("1", **FULL), _branch("2", **partial)], accept_incomplete=True)
    assert accepted.unit("2").rank == 2 and accepted.unit("2").grade is not None
    assert accepted.unit("2").total == pytest.approx(100 - 15 - 10 - 5)
    assert accepted.unit("2").problems


def test_invalid_input_reported(system):
    scores = score_period(system, PERIOD, [_branch("1", **{**FULL, "B02": 2.5, "A03": -1})])
    assert [(p.indicator_code, p.reason) for p in scores.unit("1").problems] == [("A03", "invalid"), ("B02", "invalid")]
    assert "名次应为 ≥1 的整数" in scores.unit("1").problems[1].message()


def test_unknown_unit_type_refused(system):
    with pytest.raises(InputRefused, match="支行"):
        score_period(system, PERIOD, [UnitInput("310100", "某支行", "支行", {})])
    with pytest.raises(InputRefused, match="310000"):
        score_period(system, PERIOD, [_branch("310000", **FULL), _branch("310000", **FULL)])


def test_change_against_previous_period_and_origin(system):
    values = {**FULL, "A01": InputValue(80.0, "q.xlsx!指标数据!E4")}
    scores = score_period(system, PERIOD, [_branch("1", **values), _branch("2", **FULL)], previous_totals={"1": 90.0})
    one = scores.unit("1")
    assert one.total == pytest.approx(92.5) and one.change == pytest.approx(2.5)
    assert scores.unit("2").change is None
    assert one.indicator("A01").origin == "q.xlsx!指标数据!E4"


def test_category_points(system):
    one = score_period(system, PERIOD, [_branch("1", **{**FULL, "A01": 80})]).unit("1")
    cats = {c.code: c for c in one.categories}
    assert list(cats) == ["A", "B", "C", "D"]
    assert cats["A"].weight == 50 and cats["A"].points == pytest.approx(42.5) and cats["A"].rate == pytest.approx(85)
    assert math.fsum(c.points for c in one.categories) == pytest.approx(one.total)


def test_target_text(system):
    targets = {i.code: i.target_text("zh") for i in system.indicators}
    assert targets["A01"] == "≥90%" and targets["A05"] == "≤10分钟" and targets["B02"] == "前 3 名"
    assert targets["A03"] == "0件" and targets["B04"] == "≥5个" and targets["D01"] == "≥3个"
    assert system.indicator("A05").target_text("en") == "≤ 10 min"


def test_with_unit_says_one_case_and_two_cases():
    """Issue 14: English "1 cases" on the evaluation page; a value that prints as 1 takes the singular."""
    from qsm_desktop.domain.indicators.numbers import with_unit

    assert [with_unit(v, "件", "en") for v in (0, 1, 1.001, 2)] == ["0 cases", "1 case", "1 case", "2 cases"]
    assert [with_unit(1, u, "en") for u in ("分", "人", "次", "%", "个")] == ["1 pt", "1 person", "1 time", "1%", "1"]
    assert with_unit(1, "件", "zh") == "1件"


def test_fmt_number():
    assert [fmt_number(v) for v in (15.0, 10.6714, 0.5, -0.001, 97.45)] == ["15", "10.67", "0.5", "0", "97.45"]


# --------------------------------------------------------------------------- the real check: 2007Q4 from the samples


def test_department_means_match_expected(samples_dir, system):
    means = department_means(samples_dir, system)
    for dept, exp in expected(samples_dir)["department_means"].items():
        assert [round(means[dept][c], 1) for c in ("E01", "E02", "E03", "E04")] == exp


def test_sample_period_matches_expected(samples_dir):
    """Every branch's and department's points, total (to 0.01), grade and rank (exact) for 2007Q4."""
    exp = expected(samples_dir)["evaluation"]
    assert exp["period"] == PERIOD
    scores = sample_scores(samples_dir)
    assert scores.complete
    wanted = {**exp["branches"], **exp["departments"]}
    assert {u.code for u in scores.units} == set(wanted)
    for unit in scores.units:
        want = wanted[unit.code]
        for item in unit.indicators:
            assert item.points == pytest.approx(want["points"][item.code], abs=1e-4), (unit.code, item.code)
        assert round(unit.total, 2) == pytest.approx(want["total"], abs=1e-9), unit.code
        assert unit.grade == want["grade"], unit.code
        assert unit.rank == want["rank"], unit.code
    assert [u.code for u in scores.of_type(UNIT_TYPE_BRANCH)][:3] == ["510000", "110000", "210000"]
    assert [u.code for u in scores.of_type(UNIT_TYPE_DEPARTMENT)][0] == "000107"


def test_sample_values_trace_to_their_cells(samples_dir):
    scores = sample_scores(samples_dir)
    a01 = scores.unit("320000").indicator("A01")
    assert a01.value == pytest.approx(91.6)  # written "91.6%"
    assert a01.origin == "quarterly_320000_2007Q4.xlsx!指标数据!E4"
    assert scores.unit("120000").indicator("B01").value == pytest.approx(92.26)  # written 0.9226


def test_rank_bands_as_typed_read_and_write_back():
    """名次档 typed in a workbook cell or the editor: both read through one parser (domain)."""
    from qsm_desktop.domain.indicators import bands_text, parse_bands

    bands = parse_bands("1~3：1.0， 4-5:50%; 6:20")
    assert bands == [{"from": 1, "to": 3, "fraction": 1.0}, {"from": 4, "to": 5, "fraction": 0.5},
                     {"from": 6, "to": 6, "fraction": 0.2}]
    assert bands_text(bands) == "1-3:100%; 4-5:50%; 6-6:20%"
    assert parse_bands(bands_text(bands)) == bands
    assert parse_bands("1-3 full marks") is None
    assert parse_bands("") == []
