"""A02/A03/A04 from the improvement loop's registers (issue 13 Deliver 6; DESIGN §4, §8.2, §9.2).

The 2007 system's A02 (神秘访客检查平均得分) takes a branch's finalised mystery-visit score, A03 (有效投诉件数)
and A04 (投诉处理及时率) the §9.2 figures (as of the quarter's last day) of a branch that sent its
complaint register; the quarterly return's typed value stays beside each, flagged when it differs.
Where the registers have nothing — visits not finalised, no register sent — the typed values are
scored as before and the figures are exactly ``expected.json``'s. New systems may take the three
registers as data sources (mystery visits, complaints, actions' on-time rate).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import re

import pytest
from pypdf import PdfReader

from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.domain.indicators import Indicator, LinearRule, register_figure_for
from qsm_desktop.domain.monitoring import Decision

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
EXPECTED = json.loads((SAMPLES / "expected.json").read_text("utf-8"))["evaluation"]
MONITORING = json.loads((SAMPLES / "monitoring" / "expected.json").read_text("utf-8"))
COMPLAINTS = json.loads((SAMPLES / "complaints" / "expected.json").read_text("utf-8"))
PERIOD = "2007Q4"
QUARTER_END = dt.date(2007, 12, 31)
NO_REGISTER = "510000"
"""The branch whose complaint register is left out: its A03/A04 stay the typed values."""


def _import(services, actor, paths) -> None:
    results = services.imports.import_files([Path(p) for p in paths], actor)
    bad = [(r.file, r.status, [str(p) for p in r.problems][:3]) for r in results if r.status != "imported"]
    assert not bad, bad


def _evaluation_samples() -> list[Path]:
    return [SAMPLES / "org_units.xlsx", *sorted(SAMPLES.glob("certification_*.xlsx")),
            *sorted((SAMPLES / "training").glob("*.xlsx")), *sorted((SAMPLES / "quarterly").glob("*.xlsx")),
            *sorted((SAMPLES / "internal_service").glob("*.xlsx"))]


def _check_expected(result) -> None:
    """The figures of ``expected.json`` (the 2007 system with the typed values)."""
    document = result.to_json()
    units = {u["code"]: u for u in document["units"]}
    for code, exp in {**EXPECTED["branches"], **EXPECTED["departments"]}.items():
        unit = units[code]
        assert abs(unit["total"] - exp["total"]) <= 0.01 and unit["grade"] == exp["grade"] and unit["rank"] == exp["rank"]
        points = {i["code"]: i["points"] for i in unit["indicators"]}
        for indicator, value in exp["points"].items():
            assert points[indicator] == pytest.approx(value, abs=1e-3), (code, indicator)


def _decide_and_finalise(services, actor) -> None:
    for a in MONITORING["appeals"]:
        if a["decision"] == "uphold":
            services.monitoring.decide(actor, a["visit"], a["item"], Decision.UPHOLD, score=a["score"])
        else:
            services.monitoring.decide(actor, a["visit"], a["item"], Decision.REJECT, reason="确有扣分情形")
    services.monitoring.finalise(actor, PERIOD)


def test_the_2007_system_names_its_register_figures():
    from evaluation_samples import reference_system  # tests/evaluation_samples.py

    system = reference_system()
    figures = {i.code: register_figure_for(i) for i in system.indicators}
    assert {c: (f.source, f.figure) for c, f in figures.items() if f} == {
        "A02": ("mystery_visits", "score"), "A03": ("complaints", "valid"), "A04": ("complaints", "on_time_rate")}


@pytest.fixture
def bank(services, actor):
    """The evaluation samples with the mystery visits of 2007Q3 (finalised) and 2007Q4 with appeals."""
    _import(services, actor, _evaluation_samples())
    _import(services, actor, sorted((SAMPLES / "monitoring").glob("mystery_*_2007Q3.xlsx")))
    services.monitoring.finalise(actor, "2007Q3")
    _import(services, actor, sorted((SAMPLES / "monitoring").glob("mystery_*_2007Q4.xlsx")))
    _import(services, actor, sorted((SAMPLES / "monitoring").glob("appeals_*.xlsx")))
    return services


def test_registers_stand_in_for_typed_values_only_where_they_have_data(bank, actor):
    services = bank
    # visits of 2007Q4 delivered and appealed but not finalised, no complaint register: exactly expected.json
    before = services.evaluation.evaluate(actor, PERIOD)
    _check_expected(before)
    a02 = before.scores.unit("110000").indicator("A02")
    assert a02.origin.startswith("quarterly_110000_2007Q4.xlsx!指标数据!") and a02.reported is None
    assert not a02.differs

    # the head office decides and finalises 2007Q4; nine branches send their complaint registers
    _decide_and_finalise(services, actor)
    _import(services, actor, [p for p in sorted((SAMPLES / "complaints").glob("complaints_*.xlsx"))
                              if NO_REGISTER not in p.name])
    typed = {code: {i.code: i.value for i in before.scores.unit(code).indicators} for code in EXPECTED["branches"]}
    stats = services.complaints.stats(actor, PERIOD, QUARTER_END)
    after = services.evaluation.evaluate(actor, PERIOD)
    system = after.system
    for code in EXPECTED["branches"]:
        unit = after.scores.unit(code)
        # A02: the finalised branch score (§8.2), the typed value beside it
        a02 = unit.indicator("A02")
        score = MONITORING["quarters"][PERIOD]["final_scores"]["branches"][code]["score"]
        assert a02.value == score and a02.reported == typed[code]["A02"], code
        assert a02.points == pytest.approx(system.indicator("A02").score(score)[0])
        assert a02.origin.startswith("神秘访客检查2007Q4（已定稿）") and "季度报表填报" in a02.origin
        assert a02.differs == (abs(score - typed[code]["A02"]) > 0.005)
        assert ("不一致" in a02.origin) == a02.differs
        a03, a04 = unit.indicator("A03"), unit.indicator("A04")
        if code == NO_REGISTER:  # no register sent: the typed values, as before
            assert a03.value == typed[code]["A03"] and a04.value == typed[code]["A04"]
            assert a03.reported is None and a03.origin.startswith(f"quarterly_{code}_2007Q4.xlsx!")
            continue
        # A03/A04: the §9.2 figures as of the quarter's last day (valid cases all received by then)
        assert a03.value == COMPLAINTS["branches"][code]["valid"] == stats.unit(code).figures.valid
        assert a03.reported == typed[code]["A03"] and a03.origin.startswith("投诉登记2007Q4（截至 2007-12-31）")
        rate = stats.unit(code).figures.on_time_rate
        if rate is None:
            assert a04.value == typed[code]["A04"], code
        else:
            assert a04.value == rate and a04.reported == typed[code]["A04"]
    # a value entered by hand would be hidden by the register: refused; without a register it is taken
    with pytest.raises(InputRefused, match="取自登记数据"):
        services.evaluation.set_manual_value(actor, "110000", PERIOD, "A02", "90", "分行来电更正")
    services.evaluation.set_manual_value(actor, NO_REGISTER, PERIOD, "A03", "2", "分行来电更正",
                                         expected_version=after.value_version(NO_REGISTER, "A03"))
    after = services.evaluation.evaluate(actor, PERIOD)
    assert after.scores.unit(NO_REGISTER).indicator("A03").value == 2.0
    typed[NO_REGISTER]["A03"] = 2.0
    differing = [(u.code, i.code) for u in after.scores.units for i in u.indicators if i.differs]
    assert differing, "the samples' typed values differ from the registers somewhere"

    # the JSON keeps DESIGN §7's shape; the values are the registers'
    document = after.to_json()
    for u in document["units"]:
        assert set(u) == {"code", "name", "type", "total", "grade", "rank", "indicators"}
        assert all(set(i) == {"code", "value", "points"} for i in u["indicators"])
    json_a02 = next(i for i in next(u for u in document["units"] if u["code"] == "110000")["indicators"]
                    if i["code"] == "A02")
    assert json_a02["value"] == MONITORING["quarters"][PERIOD]["final_scores"]["branches"]["110000"]["score"]

    # stored and rebuilt: the typed value and its flag survive
    stored = services.evaluation.scores(actor, PERIOD)
    for u in after.scores.units:
        for i in u.indicators:
            again = stored.scores.unit(u.code).indicator(i.code)
            assert (again.value, again.reported, again.differs, again.origin) == (i.value, i.reported, i.differs, i.origin)
    roles = [s.role for s in stored.sources[("110000", "A02")]]
    assert roles == [None, "reported"]


def _flat_text(path: Path) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in PdfReader(str(path)).pages))


def test_the_evaluation_reports_show_the_typed_value_beside_the_register(bank, actor, tmp_path):
    services = bank
    _decide_and_finalise(services, actor)
    result = services.evaluation.evaluate(actor, PERIOD)
    a02 = result.scores.unit("110000").indicator("A02")
    assert a02.differs
    # the origin is stored in both languages and shown in the report's (issue 14)
    for lang, typed, section, source in (
            ("zh", "填报", "登记数据与季度报表填报值不一致", "神秘访客检查2007Q4（已定稿）"),
            ("en", "typed", "Registersdifferingfromthequarterlyreturn", "mysteryvisits2007Q4(final)")):
        unit_pdf = tmp_path / f"unit_{lang}.pdf"
        services.evaluation.build_unit_report(actor, PERIOD, "110000", unit_pdf, language=lang)
        text = _flat_text(unit_pdf)
        assert f"{typed}{a02.reported:g}≠" in text and source in text, lang
        bank_pdf = tmp_path / f"bank_{lang}.pdf"
        services.evaluation.build_period_report(actor, PERIOD, bank_pdf, language=lang)
        text = _flat_text(bank_pdf)
        assert section in text and f"{a02.value:.2f}" in text, lang


def test_a_system_may_take_the_registers_as_data_sources(bank, actor):
    services = bank
    base = services.evaluation.system_for_period(actor, PERIOD).system
    changed = []
    for ind in base.indicators:
        if ind.code == "A02":
            ind = dataclasses.replace(ind, source="mystery_visits")
        elif ind.code == "A03":
            ind = dataclasses.replace(ind, source="complaints")
        elif ind.code == "A05":  # 客户平均等候时间 → 整改按期完成率 (actions' on-time rate, §8.5)
            ind = Indicator("A05", "A", "整改按期完成率", "%", "higher", ind.weight, "capa", LinearRule(floor=0, target=100))
        changed.append(ind)
    system = dataclasses.replace(base, version="2008试行", indicators=tuple(changed))
    assert not system.problems()

    # not finalised: no mystery-visit value (missing, said why); no register: no complaint value
    inputs = services.evaluation.gather(actor, PERIOD, system_override=system)
    unit = next(u for u in inputs.units if u.code == "110000")
    assert unit.values["A02"] is None and unit.values["A03"] is None
    reasons = {(m.unit_code, m.kind): m.message for m in inputs.missing}
    assert "尚未定稿" in reasons[("110000", "mystery_visits")]
    assert "未报送2007Q4投诉登记" in reasons[("110000", "complaints")]
    # the 2007Q3 actions (due 2007-10-30 / 11-29) are due by 2007-12-31 and none is verified: 0 %
    capa = services.capa.status(actor, QUARTER_END, "110000").unit("110000").figures
    assert capa.due > 0 and unit.values["A05"].value == capa.on_time_rate == 0.0
    assert "按期完成 0 项 ÷ 到期" in unit.values["A05"].origin

    _decide_and_finalise(services, actor)
    _import(services, actor, sorted((SAMPLES / "complaints").glob("complaints_*.xlsx")))
    inputs = services.evaluation.gather(actor, PERIOD, system_override=system)
    unit = next(u for u in inputs.units if u.code == "110000")
    assert unit.values["A02"].value == MONITORING["quarters"][PERIOD]["final_scores"]["branches"]["110000"]["score"]
    assert unit.values["A02"].origin.startswith("神秘访客检查2007Q4（已定稿）")
    assert unit.values["A03"].value == COMPLAINTS["branches"]["110000"]["valid"]
    assert not [m for m in inputs.missing if m.kind in ("mystery_visits", "complaints")]
    # nothing due by the quarter's end: no on-time rate (never a silent 0 or 100), said so
    idle = [m for m in inputs.missing if m.kind == "capa"]
    assert idle and all("没有到期的纠正预防措施" in m.message for m in idle)
    assert all(services.capa.status(actor, QUARTER_END, m.unit_code).units[0].figures.due == 0 for m in idle)


def test_the_appendix_names_the_source_each_value_came_from(bank, actor, tmp_path):
    """The bank-wide report's appendix (附：评分规则, 数据来源) follows the data: A02/A03 come from the
    quarterly return while the quarter is not finalised and no register was sent; once finalised
    (and nine branches sent their complaint registers) from the mystery visits / the complaint
    register, with how many units each source gave — also after the stored scores are rebuilt."""
    services = bank
    branches = len(EXPECTED["branches"])
    before = services.evaluation.evaluate(actor, PERIOD)
    pdf = tmp_path / "before.pdf"
    services.evaluation.build_period_report(actor, PERIOD, pdf, language="zh")
    assert "神秘访客检查：" not in _flat_text(pdf)

    _decide_and_finalise(services, actor)
    _import(services, actor, [p for p in sorted((SAMPLES / "complaints").glob("complaints_*.xlsx"))
                              if NO_REGISTER not in p.name])
    services.evaluation.evaluate(actor, PERIOD)
    for lang, expected in (("zh", f"神秘访客检查：{branches}个单位"), ("en", f"mysteryvisits:{branches}units")):
        pdf = tmp_path / f"after_{lang}.pdf"
        services.evaluation.build_period_report(actor, PERIOD, pdf, language=lang)
        text = _flat_text(pdf)
        assert expected in text, lang
        if lang == "zh":  # the differences' intro names only the registers their values came from
            assert "按登记数据计分（" in text and "纠正预防措施登记" not in text

    from qsm_desktop.reports.evaluation_pdf.period_report import source_text

    a02, a03 = before.system.indicator("A02"), before.system.indicator("A03")
    assert source_text(a02, before.scores, "zh") == "服务质量季度报表"
    stored = services.evaluation.scores(actor, PERIOD)  # rebuilt from the stored records
    assert {i.source_used for u in stored.scores.units if u.unit_type == "分行" for i in u.indicators
            if i.code == "A02"} == {"mystery_visits"}
    assert source_text(a02, stored.scores, "zh") == f"神秘访客检查：{branches} 个单位"
    assert source_text(a03, stored.scores, "zh") == f"投诉登记：{branches - 1} 个单位；服务质量季度报表：1 个单位"
    assert source_text(a03, stored.scores, "en") == (f"complaint register: {branches - 1} units; "
                                                     f"quarterly service-quality return: 1 unit")
