"""Showcase-unit rules (示范窗口): score sheets, conflicts, final scores, ranking, quota, statuses,
certificate numbers — checked against the sample score sheets and expected.json (DESIGN §3.7, §5)."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from qsm_desktop.domain import i18n
from qsm_desktop.domain.chinese import chinese_date, counted_number, year_in_chinese
from qsm_desktop.domain.errors import InputRefused, NotFound
from qsm_desktop.paths import data_dir
from qsm_desktop.domain.showcase import (
    DEFAULT_NUMBER_PATTERN,
    ApplicationAction,
    ApplicationStatus,
    AwardLevel,
    CertificateNumberParts,
    CertificateNumberPattern,
    InvalidTransition,
    QuotaTieRefused,
    ScoreEntry,
    ScoreSheetTemplate,
    Severity,
    ScannedQr,
    SheetTotal,
    TRANSITIONS,
    allowed_actions,
    application_result,
    as_decimal,
    award_decision,
    branch_by_code_convention,
    branch_map_from_parents,
    certificate_check,
    check_scores,
    cycle_outliers,
    final_score,
    flagged_reviewers,
    is_conflicted,
    next_sequence,
    nominate,
    outlier_sheets,
    is_qr_payload,
    parse_qr_payload,
    qr_payload,
    quota_line,
    rank_competition,
    round_score,
    scores_editable,
    transition,
    verify_check,
)

DEFAULT_SHEET = data_dir("db") / "seed" / "score_sheet_default.toml"  # = reference/score_sheet_default.toml


# ------------------------------------------------------------------------------------------
# reading the sample sheets (label/value pairs + the item table), straight with calamine
# ------------------------------------------------------------------------------------------

LABELS = ("申报单位", "机构代码", "评审专家", "专家所在机构代码", "评审日期")


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read_score_sheet(path: Path) -> dict:
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("评分表").to_python()
    labels: dict[str, object] = {}
    header_row = None
    for r, row in enumerate(rows):
        cells = [_text(c) for c in row]
        if "序号" in cells and "得分" in cells:
            header_row = r
            break
        for i, cell in enumerate(cells[:-1]):
            if cell in LABELS:
                labels[cell] = row[i + 1]
    assert header_row is not None, path
    header = [_text(c) for c in rows[header_row]]
    col = {name: header.index(name) for name in ("序号", "评价项目", "分值", "得分", "扣分原因")}
    entries = []
    for offset, row in enumerate(rows[header_row + 1:], start=1):
        if not _text(row[col["评价项目"]]):
            continue
        score = row[col["得分"]]
        entries.append(
            ScoreEntry(
                position=offset,
                code=_text(row[col["序号"]]),
                name=_text(row[col["评价项目"]]),
                points=as_decimal(row[col["分值"]]),
                score=None if score in ("", None) else as_decimal(score),
                reason=_text(row[col["扣分原因"]]),
            )
        )
    return {
        "file": path.name,
        "outlet": _text(labels["机构代码"]),
        "unit": _text(labels["申报单位"]),
        "reviewer": _text(labels["评审专家"]),
        "reviewer_org": _text(labels["专家所在机构代码"]),
        "date": labels["评审日期"],
        "entries": entries,
    }


@pytest.fixture(scope="module")
def expected(samples_dir: Path) -> dict:
    return json.loads((samples_dir / "expected.json").read_text(encoding="utf-8"))["showcase"]


@pytest.fixture(scope="module")
def template() -> ScoreSheetTemplate:
    return ScoreSheetTemplate.from_toml(DEFAULT_SHEET)


@pytest.fixture(scope="module")
def sample_sheets(samples_dir: Path) -> list[dict]:
    return [read_score_sheet(p) for p in sorted((samples_dir / "showcase").glob("score_*.xlsx"))]


# ------------------------------------------------------------------------------------------
# the samples give expected.json
# ------------------------------------------------------------------------------------------


def test_sample_sheets_pass_the_checks(sample_sheets, template):
    assert len(sample_sheets) == 40
    for sheet in sample_sheets:
        check = check_scores(template, sheet["entries"])
        assert check.ok, (sheet["file"], check.problems)
        assert check.complete
        assert not check.warnings, (sheet["file"], check.warnings)  # every deduction has its reason
        assert Decimal(0) < check.total <= template.total_points


def test_reviewers_in_sheets_match_expected(sample_sheets, expected):
    registered = {r["name"]: r["org"] for r in expected["reviewers"]}
    for sheet in sample_sheets:
        assert registered[sheet["reviewer"]] == sheet["reviewer_org"], sheet["file"]


def _results(sample_sheets, template):
    by_outlet: dict[str, list[SheetTotal]] = {}
    for sheet in sample_sheets:
        total = check_scores(template, sheet["entries"]).total
        by_outlet.setdefault(sheet["outlet"], []).append(
            SheetTotal(key=sheet["file"], reviewer=sheet["reviewer"], reviewer_org=sheet["reviewer_org"], total=total)
        )
    return {
        outlet: application_result(outlet, sheets, branch_by_code_convention) for outlet, sheets in by_outlet.items()
    }


def test_final_scores_and_valid_sheets_reproduce_expected(sample_sheets, template, expected):
    results = _results(sample_sheets, template)
    assert set(results) == set(expected["applications"])
    for outlet, want in expected["applications"].items():
        result = results[outlet]
        assert result.valid_sheets == want["valid_sheets"], outlet
        # expected.json holds 2-decimal values; the exact mean is within half a cent of them
        assert abs(result.exact - Decimal(str(want["final"]))) <= Decimal("0.005"), outlet
        assert abs(result.final - Decimal(str(want["final"]))) <= Decimal("0.01"), outlet
        assert result.trimmed == (want["valid_sheets"] >= 5)


def test_published_scores_round_half_up(sample_sheets, template):
    """四舍五入: 93.125 is published as 93.13 (expected.json shows 93.12, Python's half-to-even
    round(); both are within the 0.01 the samples promise) and 94.875 as 94.88."""
    results = _results(sample_sheets, template)
    assert results["310202"].exact == Decimal("93.125") and results["310202"].final == Decimal("93.13")
    assert results["330201"].exact == Decimal("94.875") and results["330201"].final == Decimal("94.88")


def test_conflicted_sheets_are_excluded_but_kept(sample_sheets, template):
    results = _results(sample_sheets, template)
    excluded = {o.sheet.key for r in results.values() for o in r.excluded}
    # the reviewer's org is in the outlet's branch: 310000 for 310202, 320000 for 320101 …
    assert excluded == {
        "score_310202_310000_3.xlsx",
        "score_320101_320000_1.xlsx",
        "score_330201_330000_2.xlsx",
        "score_440101_440000_1.xlsx",
    }
    assert sum(len(r.outcomes) for r in results.values()) == 40  # nothing dropped from view
    for r in results.values():
        for o in r.outcomes:
            assert o.counted == (not o.conflicted and o.trimmed is None)


def test_trimmed_sheets_are_the_single_highest_and_lowest(sample_sheets, template):
    result = _results(sample_sheets, template)["120302"]  # totals 96.5, 88.5, 91, 96, 93.5
    trimmed = {o.sheet.total: o.trimmed for o in result.outcomes if o.trimmed}
    assert trimmed == {Decimal("96.5"): "high", Decimal("88.5"): "low"}
    assert result.final == Decimal("93.50")


def test_sample_ranking_has_no_tie_at_quota_three(sample_sheets, template):
    results = _results(sample_sheets, template)
    head_office = sorted(o for o in results if o not in ("370101", "320101"))
    ranking = rank_competition((o, results[o].final) for o in head_office)
    assert [e.key for e in ranking][:3] == ["330201", "120302", "370303"]
    assert [e.rank for e in ranking] == [1, 2, 3, 4, 5, 6]
    assert award_decision(ranking, 3) == ("330201", "120302", "370303")


# ------------------------------------------------------------------------------------------
# score sheets
# ------------------------------------------------------------------------------------------


def _entries(scores, reasons=None, points=None):
    names = ["服务环境", "服务设施", "服务规范", "服务效率", "服务管理", "客户满意度"]
    reasons = reasons or {}
    return [
        ScoreEntry(position=i + 1, name=n, score=None if s is None else Decimal(str(s)), reason=reasons.get(n, "x"),
                   points=None if points is None else Decimal(str(points[i])))
        for i, (n, s) in enumerate(zip(names, scores))
    ]


def test_score_above_points_is_refused(template):
    check = check_scores(template, _entries([16, 15, 20, 15, 15, 20]))
    assert not check.ok
    [error] = check.errors
    assert error.key == "showcase.score.above_points" and error.position == 1 and error.item == "服务环境"
    assert "16" in error.message and "15" in error.message


def test_deduction_without_reason_is_a_warning(template):
    check = check_scores(template, _entries([14, 15, 20, 15, 15, 20], reasons={"服务环境": "  "}))
    assert check.ok
    [warning] = check.warnings
    assert warning.severity is Severity.WARNING and warning.key == "showcase.score.no_reason"
    assert check.total == Decimal(99)


def test_full_marks_need_no_reason(template):
    check = check_scores(template, _entries([15, 15, 20, 15, 15, 20], reasons={n: "" for n in ["服务环境"]}))
    assert check.ok and not check.problems and check.total == 100


def test_other_sheet_problems(template):
    entries = _entries([15, 15, 20, 15, -1, None], points=[15, 15, 25, 15, 15, 20])
    entries.append(ScoreEntry(position=7, name="服务文化", score=Decimal(5)))
    entries.append(ScoreEntry(position=8, name="服务环境", score=Decimal(5), reason="x"))
    check = check_scores(template, entries)
    keys = [p.key for p in check.problems]
    assert keys == [
        "showcase.score.points_mismatch",
        "showcase.score.negative",
        "showcase.score.unknown_item",
        "showcase.score.duplicate_item",
        "showcase.score.missing_item",
    ]
    partial = check_scores(template, _entries([15, None, None, None, None, None]), require_all=False)
    assert partial.ok and not partial.complete and partial.total == 15


def test_items_match_by_code_when_no_name(template):
    entries = [ScoreEntry(position=i, code=str(i), score=Decimal(1), reason="r") for i in range(1, 7)]
    check = check_scores(template, entries)
    assert check.ok and check.total == 6


def test_messages_in_english(template):
    i18n.set_language("en")
    check = check_scores(template, _entries([16, 15, 20, 15, 15, 20]))
    assert "above the item's 15 points" in check.errors[0].message


def test_thousand_point_cbss_style_sheet_fits_the_model():
    modules = [
        {"name": f"模块{m}", "items": [{"name": f"检查项{m}-{i}", "points": 5} for i in range(1, 21)]}
        for m in range(1, 11)
    ]
    sheet = ScoreSheetTemplate.from_mapping({"name": "CBSS1000 千佳示范单位评价表", "modules": modules})
    assert sheet.total_points == 1000 and len(sheet.items) == 200 and len(sheet.modules) == 10
    assert sheet.items[0].code == "1.1" and sheet.items[-1].code == "10.20"
    assert all(m.points == 100 for m in sheet.modules)
    assert ScoreSheetTemplate.from_mapping(sheet.to_mapping()) == sheet
    entries = [
        ScoreEntry(position=n, code=item.code, name=item.name, score=item.points - (1 if n % 50 == 0 else 0),
                   reason="缺失" if n % 50 == 0 else "")
        for n, item in enumerate(sheet.items, start=1)
    ]
    check = check_scores(sheet, entries)
    assert check.ok and check.total == 996
    # repeated item names across modules are matched by code
    twice = ScoreSheetTemplate.from_mapping(
        {"name": "x", "modules": [{"name": "A", "items": [{"name": "制度建设", "points": 10}]},
                                  {"name": "B", "items": [{"name": "制度建设", "points": 20}]}]}
    )
    check = check_scores(twice, [ScoreEntry(1, name="制度建设", code="1.1", score=Decimal(10)),
                                 ScoreEntry(2, name="制度建设", code="2.1", score=Decimal(20))])
    assert check.ok and check.total == 30


def test_template_from_toml_and_its_errors(template):
    assert template.total_points == 100 and [i.points for i in template.items] == [15, 15, 20, 15, 15, 20]
    assert ScoreSheetTemplate.from_toml(DEFAULT_SHEET.read_text(encoding="utf-8")) == template
    assert template.name == "示范窗口单位现场评分表（行内标准）"
    with pytest.raises(InputRefused) as err:
        ScoreSheetTemplate.from_mapping({"name": "坏表", "items": [{"name": "", "points": 0}, {"name": "a", "points": "x"}]})
    text = str(err.value)
    assert "第 1 个项目没有名称" in text and "分值“0”无效" in text and "分值“x”无效" in text
    with pytest.raises(InputRefused, match="没有任何评价项目"):
        ScoreSheetTemplate.from_mapping({"name": "空", "items": []})
    with pytest.raises(InputRefused, match="无法读取"):
        ScoreSheetTemplate.from_toml("name = ")


# ------------------------------------------------------------------------------------------
# conflict of interest
# ------------------------------------------------------------------------------------------


def test_conflict_rules():
    assert branch_by_code_convention("370203") == "370000"
    assert branch_by_code_convention("000101") is None
    assert is_conflicted("370000", "370203", branch_by_code_convention)
    assert is_conflicted("370101", "370203", branch_by_code_convention)  # a sister sub-branch
    assert not is_conflicted("000101", "370203", branch_by_code_convention)  # head-office department
    assert not is_conflicted("440000", "370203", branch_by_code_convention)
    with pytest.raises(ValueError):
        branch_by_code_convention("37")


def test_conflict_from_the_org_tree():
    units = {
        "000000": (None, "总行"),
        "000101": ("000000", "总行部门"),
        "370000": ("000000", "分行"),
        "370200": ("370000", "支行"),
        "370203": ("370200", "网点"),
        "880000": ("000000", "分行"),
    }
    branch = branch_map_from_parents(units)
    assert branch == {"000000": None, "000101": None, "370000": "370000", "370200": "370000",
                      "370203": "370000", "880000": "880000"}
    assert is_conflicted("370200", "370203", branch)
    assert not is_conflicted("000101", "370203", branch)
    assert not is_conflicted("880000", "370203", branch)
    with pytest.raises(NotFound, match="999999"):
        is_conflicted("999999", "370203", branch)


# ------------------------------------------------------------------------------------------
# final score (hypothesis)
# ------------------------------------------------------------------------------------------

half_points = st.integers(min_value=0, max_value=200).map(lambda n: Decimal(n) / 2)


def test_final_score_basics():
    assert final_score([]).final is None
    assert final_score([Decimal(90)]).final == Decimal("90.00")
    four = final_score([Decimal("96"), Decimal("95.5"), Decimal("94"), Decimal("94")])
    assert four.final == Decimal("94.88") and not four.trimmed  # 94.875 rounds half-up
    five = final_score([Decimal(x) for x in ("90", "80", "100", "85", "95")])
    assert five.trimmed and five.dropped_high == 2 and five.dropped_low == 1 and five.final == Decimal("90.00")
    assert round_score(Decimal("93.335")) == Decimal("93.34")


@given(st.lists(half_points, min_size=1, max_size=12), st.randoms())
def test_trimmed_mean_properties(totals, rnd):
    result = final_score(totals)
    ordered = sorted(totals)
    assert min(totals) <= result.exact <= max(totals)
    if len(totals) >= 5:
        assert result.trimmed and result.counted == len(totals) - 2
        assert result.exact == sum(ordered[1:-1], Decimal(0)) / (len(totals) - 2)
        assert result.dropped_high != result.dropped_low
        assert totals[result.dropped_high] == ordered[-1] and totals[result.dropped_low] == ordered[0]
    else:
        assert not result.trimmed and result.exact == sum(totals, Decimal(0)) / len(totals)
    shuffled = list(totals)
    rnd.shuffle(shuffled)
    assert final_score(shuffled).exact == result.exact  # order does not matter
    shifted = final_score([t + 1 for t in totals])
    assert shifted.exact == result.exact + 1
    assert abs(result.final - result.exact) <= Decimal("0.005")


@given(st.lists(half_points, min_size=5, max_size=12), half_points)
def test_one_extreme_sheet_cannot_move_a_trimmed_mean_outside_the_others(totals, extreme):
    moved = final_score(totals + [Decimal(1000) + extreme]).exact
    ordered = sorted(totals)
    assert ordered[1] <= moved <= ordered[-1]


# ------------------------------------------------------------------------------------------
# outliers
# ------------------------------------------------------------------------------------------


def _sheets(*totals, reviewer_prefix="r"):
    return [SheetTotal(key=i, reviewer=f"{reviewer_prefix}{i}", reviewer_org="000101", total=Decimal(str(t)))
            for i, t in enumerate(totals)]


def _steady_cycle():
    """Eight applications whose panels agree within a point or so."""
    return {f"A{k}": _sheets(92 + k % 3, 92.5 + k % 2, 93, 91.5 + k % 3 * 0.5, 92) for k in range(8)}


def test_outlier_rule():
    panels = _steady_cycle()
    assert outlier_sheets(panels) == ()
    panels["A3"] = _sheets(92, 93, 92.5, 93.5, 80)
    [flag] = outlier_sheets(panels)
    assert (flag.application, flag.key, flag.reviewer, flag.direction) == ("A3", 4, "r4", "low")
    assert flag.others_mean == 92.75 and flag.deviation == -12.75 and flag.z < -2
    # a panel of two valid sheets is not assessed (each sheet has one other only)
    panels["A3"] = _sheets(92, 80)
    assert outlier_sheets(panels) == ()
    # unanimous cycle: the 1-point floor keeps half a point from being an outlier
    unanimous = {f"A{k}": _sheets(90, 90, 90, 90) for k in range(5)}
    unanimous["A9"] = _sheets(90, 90, 90, 90.5)
    assert outlier_sheets(unanimous) == ()
    unanimous["A9"] = _sheets(90, 90, 90, 93)
    assert [(f.application, f.key) for f in outlier_sheets(unanimous)] == [("A9", 3)]
    # on a 1,000-point sheet the floor is 10 points
    thousand = {f"A{k}": _sheets(900, 900, 900, 900) for k in range(5)}
    thousand["A9"] = _sheets(900, 900, 900, 915)
    assert outlier_sheets(thousand, total_points=Decimal(1000)) == ()
    assert outlier_sheets({"only": _sheets(90, 91, 95)}) == ()  # three sheets spread evenly: none stands out
    grouped = flagged_reviewers(outlier_sheets({**_steady_cycle(), "X": _sheets(92, 93, 92.5, 93.5, 80),
                                                "Y": _sheets(92, 92, 93, 92.5, 81)}))
    assert set(grouped) == {"r4"} and len(grouped["r4"]) == 2


@given(st.dictionaries(st.text(min_size=1, max_size=3), st.lists(half_points, min_size=0, max_size=7), max_size=6))
def test_outlier_flags_are_consistent(raw):
    panels = {k: _sheets(*v) for k, v in raw.items()}
    for flag in outlier_sheets(panels):
        assert abs(flag.z) > 2 and flag.sd >= 1.0
        assert len(panels[flag.application]) >= 3
        assert (flag.total > Decimal(str(flag.others_mean))) == (flag.direction == "high")


def test_sample_outliers_are_reported(sample_sheets, template):
    """On the sample cycle one sheet stands out: 刘健's 88.5 for 120302 (others 96.5, 91, 96,
    93.5), about 2.2 of the cycle's deviations low. Scores are unchanged by it."""
    flags = cycle_outliers(_results(sample_sheets, template).values())
    assert [(f.application, f.key, f.reviewer, f.direction) for f in flags] == [
        ("120302", "score_120302_000102_0.xlsx", "刘健", "low")
    ]
    assert -2.5 < flags[0].z < -2


# ------------------------------------------------------------------------------------------
# ranking and quota (hypothesis)
# ------------------------------------------------------------------------------------------

score_lists = st.lists(st.one_of(st.none(), st.integers(min_value=80, max_value=90).map(Decimal)), max_size=15)


@given(score_lists)
def test_competition_ranks(scores):
    ranking = rank_competition(enumerate(scores))
    assert sorted(e.key for e in ranking) == list(range(len(scores)))
    scored = [s for s in scores if s is not None]
    for entry in ranking:
        if entry.score is None:
            assert entry.rank is None
        else:
            assert entry.rank == 1 + sum(1 for s in scored if s > entry.score)
    ranks = [e.rank for e in ranking if e.rank is not None]
    assert ranks == sorted(ranks)


@given(score_lists, st.integers(min_value=0, max_value=16))
def test_quota_line_never_breaks_a_tie(scores, quota):
    ranking = rank_competition(enumerate(scores))
    line = quota_line(ranking, quota)
    n_scored = sum(1 for s in scores if s is not None)
    assert len(line.within) + len(line.tied) + len(line.outside) == n_scored
    assert len(line.unscored) == len(scores) - n_scored
    assert len(line.within) <= quota
    within_scores = {e.score for e in line.within}
    others = {e.score for e in line.tied + line.outside}
    assert not within_scores & others  # a tie group is never split across within / the rest
    if line.clear:
        assert len(line.within) == min(quota, n_scored)
        assert award_decision(ranking, quota) == tuple(e.key for e in line.within)
    else:
        assert len({e.score for e in line.tied}) == 1
        assert 0 < line.seats < len(line.tied)
        assert len(line.within) + line.seats == quota
        with pytest.raises(QuotaTieRefused):
            award_decision(ranking, quota)
        choice = [e.key for e in line.tied][: line.seats]
        awarded = award_decision(ranking, quota, committee_choice=choice)
        assert len(awarded) == quota and set(choice) <= set(awarded)


def test_award_refuses_a_tie_at_the_line_and_names_it():
    ranking = rank_competition([("A", Decimal("93.50")), ("B", Decimal("94.00")), ("C", Decimal("93.50")), ("D", Decimal(90))])
    names = {"A": "甲网点", "B": "乙网点", "C": "丙网点", "D": "丁网点"}
    with pytest.raises(QuotaTieRefused) as err:
        award_decision(ranking, 2, label=names.get)
    assert "甲网点" in str(err.value) and "丙网点" in str(err.value) and "第 2 名" in str(err.value)
    assert award_decision(ranking, 3) == ("B", "A", "C")  # the whole tie fits
    assert award_decision(ranking, 2, committee_choice=["C"]) == ("B", "C")
    with pytest.raises(InputRefused, match="恰好选出 1 个"):
        award_decision(ranking, 2, committee_choice=["A", "C"])
    with pytest.raises(InputRefused, match="恰好选出"):
        award_decision(ranking, 2, committee_choice=["D"])
    with pytest.raises(InputRefused, match="没有并列"):
        award_decision(ranking, 1, committee_choice=["B"])
    with pytest.raises(InputRefused):
        quota_line(ranking, -1)


# ------------------------------------------------------------------------------------------
# statuses and the nomination cascade
# ------------------------------------------------------------------------------------------


def test_the_happy_path_and_refusals():
    status = ApplicationStatus.DRAFT
    for action in ("submit", "recommend", "start_review", "award"):
        status = transition(status, action)
    assert status is ApplicationStatus.AWARDED and status.is_final
    assert transition("已提交", "return") is ApplicationStatus.DRAFT
    assert transition("总行评审中", "reject") is ApplicationStatus.NOT_AWARDED
    assert transition("分行推荐", "withdraw") is ApplicationStatus.WITHDRAWN
    with pytest.raises(InvalidTransition, match="不能执行“授予”.*可执行：提交、撤回"):
        transition("草稿", "award")
    with pytest.raises(InvalidTransition, match="无（已结束）"):
        transition("已授予", "withdraw")
    assert scores_editable("总行评审中") and not scores_editable("分行推荐")


@given(st.lists(st.sampled_from(list(ApplicationAction)), max_size=20))
def test_status_machine_is_closed_and_final_states_absorb(actions):
    status = ApplicationStatus.DRAFT
    for action in actions:
        if (status, action) in TRANSITIONS:
            status = transition(status, action)
        else:
            with pytest.raises(InvalidTransition):
                transition(status, action)
    assert isinstance(status, ApplicationStatus)
    for final in (s for s in ApplicationStatus if s.is_final):
        assert allowed_actions(final) == ()
    for s in ApplicationStatus:
        if not s.is_final:
            assert ApplicationAction.WITHDRAW in allowed_actions(s)


def test_nomination_cascade():
    up = nominate("分行级", "已授予")
    assert up.to_level is AwardLevel.HEAD_OFFICE and up.initial_status is ApplicationStatus.RECOMMENDED
    assert nominate(AwardLevel.HEAD_OFFICE, ApplicationStatus.AWARDED).to_level is AwardLevel.NATIONAL
    with pytest.raises(InputRefused, match="最高级别"):
        nominate("全国级", "已授予")
    with pytest.raises(InputRefused, match="未通过"):
        nominate("分行级", "未通过")
    with pytest.raises(InputRefused, match="已摘牌"):
        nominate("总行级", "已授予", revoked=True)
    assert AwardLevel.parse("总") is AwardLevel.HEAD_OFFICE and AwardLevel.parse("national") is AwardLevel.NATIONAL


# ------------------------------------------------------------------------------------------
# certificate numbers, check values
# ------------------------------------------------------------------------------------------


def test_default_certificate_number():
    pattern = CertificateNumberPattern()
    assert pattern.pattern == DEFAULT_NUMBER_PATTERN
    assert pattern.format(2007, "总行级", 1) == "交银服示〔2007〕总字第001号"
    assert pattern.format(2008, AwardLevel.BRANCH, 12) == "交银服示〔2008〕分字第012号"
    assert pattern.format(2009, AwardLevel.NATIONAL, 1234) == "交银服示〔2009〕国字第1234号"
    parts = pattern.parse(" 交银服示[２００７]总字第1号 ")
    assert (parts.year, parts.level, parts.seq) == (2007, AwardLevel.HEAD_OFFICE, 1)
    assert pattern.canonical("交银服示【2007】分字第12号") == "交银服示〔2007〕分字第012号"
    assert pattern.canonical("交银服示 〔2007〕 总字第 001 号") == "交银服示〔2007〕总字第001号"  # spaces typed inside
    with pytest.raises(InputRefused, match="交银服示〔2007〕总字第001号"):
        pattern.parse("交银服示〔2007〕特字第001号")
    with pytest.raises(InputRefused):
        pattern.format(2007, "总行级", 0)


@given(st.integers(min_value=1990, max_value=2099), st.sampled_from(list(AwardLevel)),
       st.integers(min_value=1, max_value=99999),
       st.sampled_from([DEFAULT_NUMBER_PATTERN, "{year}-{level}-{seq:04d}", "QSM/{level_short}/{year}/{seq}"]))
def test_numbers_round_trip(year, level, seq, text):
    pattern = CertificateNumberPattern(text)
    number = pattern.format(year, level, seq)
    parts = pattern.parse(number)
    assert (parts.year, parts.level, parts.seq) == (year, level, seq)
    assert pattern.canonical(number) == number


@pytest.mark.parametrize("bad", ["第{seq}号", "{year}{seq}", "{year}{level}{seq}{seq}", "{year}{level}{seq}{unit}",
                                 "{year}{level}{seq!r}", "{year}{level}{seq:x>q}", "{year{level}"])
def test_bad_number_patterns_are_refused(bad):
    with pytest.raises(InputRefused, match="证书编号格式"):
        CertificateNumberPattern(bad)


def test_sequences_are_never_reused():
    assert next_sequence([]) == 1
    assert next_sequence([1, 2, 3]) == 4
    assert next_sequence([1, 3]) == 4  # a gap (or a revoked number) is never filled


@given(st.integers(min_value=1, max_value=999), st.binary(min_size=1, max_size=32))
def test_check_values(seq, key):
    number = CertificateNumberPattern().format(2007, "总行级", seq)
    check = certificate_check(number, key)
    assert len(check) == 8 and check.isalnum() and check.upper() == check
    assert verify_check(number, check, key) and verify_check(number, check.lower(), key)
    other = CertificateNumberPattern().format(2007, "总行级", seq + 1)
    assert not verify_check(other, check, key) or certificate_check(other, key) == check
    text = qr_payload(2007, "总行级", seq, check)
    assert parse_qr_payload(text) == ScannedQr(check=check, parts=CertificateNumberParts(2007, AwardLevel.HEAD_OFFICE, seq))
    # the QR code's alphanumeric set only, and 20 characters: a version-1 symbol at level M
    assert re.fullmatch(r"[0-9A-Z $%*+\-./:]{20}", text) and is_qr_payload(text)
    # certificates printed before December 2026 carry the number itself, and still read
    legacy = f"QSMCERT1|{number}|{check}"
    assert parse_qr_payload(legacy) == ScannedQr(check=check, number=number) and is_qr_payload(legacy)


def test_qr_payload_names_year_level_sequence_and_check():
    assert qr_payload(2007, "总行级", 1, "K7Q2M4XA") == "QSM2007Z001-K7Q2M4XA"
    assert qr_payload(2009, AwardLevel.BRANCH, 12, "k7q2m4xa") == "QSM2009F012-K7Q2M4XA"
    assert qr_payload(2010, "全国级", 1234, "ABCDEFGH") == "QSM2010G1234-ABCDEFGH"
    for year, seq, check in ((207, 1, "ABCDEFGH"), (2007, 0, "ABCDEFGH"), (2007, 1, "ABC"), (2007, 1, "ABCDEFG1")):
        with pytest.raises(ValueError):
            qr_payload(year, "总行级", seq, check)
    # a phone's copy in lower case or full-width still reads
    expected = ScannedQr(check="K7Q2M4XA", parts=CertificateNumberParts(2007, AwardLevel.HEAD_OFFICE, 1))
    assert parse_qr_payload(" qsm2007z001-k7q2m4xa ") == expected
    assert parse_qr_payload("ＱＳＭ２００７Ｚ００１－Ｋ７Ｑ２Ｍ４ＸＡ") == expected


def test_check_value_needs_the_key_and_qr_text_is_checked():
    number = "交银服示〔2007〕总字第001号"
    assert certificate_check(number, b"office-a") != certificate_check(number, b"office-b")
    with pytest.raises(ValueError):
        certificate_check(number, b"")
    for bad in ("", "hello", "QSMCERT1|", "QSMCERT1||ABC", "QSMCERT1|x|", "QSM2007Z000-K7Q2M4XA",
                "QSM2007X001-K7Q2M4XA", "QSM2007Z001-K7Q2M4X", "QSM2007Z001K7Q2M4XA"):
        with pytest.raises(InputRefused):
            parse_qr_payload(bad)
    # a certificate number (even one of a pattern starting with QSM) is not a QR text
    for number_text in (number, "QSM2007Z001", "QSM-2007-总-001"):
        assert not is_qr_payload(number_text)


# ------------------------------------------------------------------------------------------
# Chinese dates
# ------------------------------------------------------------------------------------------


def test_chinese_dates():
    assert chinese_date(dt.date(2007, 12, 20)) == "二〇〇七年十二月"
    assert chinese_date(dt.date(2007, 12, 20), with_day=True) == "二〇〇七年十二月二十日"
    assert chinese_date(dt.date(2010, 1, 1), with_day=True) == "二〇一〇年一月一日"
    assert chinese_date(dt.date(2009, 10, 31), with_day=True) == "二〇〇九年十月三十一日"
    assert [counted_number(n) for n in (1, 10, 11, 19, 20, 21, 30)] == ["一", "十", "十一", "十九", "二十", "二十一", "三十"]
    assert year_in_chinese(2000) == "二〇〇〇"
    with pytest.raises(ValueError):
        counted_number(0)

