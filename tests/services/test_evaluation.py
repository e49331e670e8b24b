"""Comprehensive evaluation end to end (综合评价) — issue 5, DESIGN §4, §7.

The sample certification, training, quarterly and internal-service returns are imported through
``qsm import``; ``qsm evaluate --period 2007Q4 --json`` must give ``expected.json``'s totals (to
0.01), grades and ranks (exact) for the 10 branches and 8 departments, on SQLite and PostgreSQL.
Then: missing inputs are listed (never a silent 0), publication is refused when incomplete unless
accepted, a published period is frozen, manual values are audited, systems are saved as new
versions (weights not adding up to 100 refused), exported and imported (TOML and Excel), a draft
system is previewed, the change against the previous period, the plan-target dashboard, and the
PDF reports read back with the totals and an embedded font.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from qsm_desktop import cli
from qsm_desktop.domain.errors import ConflictError, InputRefused, PermissionDenied
from qsm_desktop.domain.indicators import IndicatorSystemInvalid, LinearRule
from qsm_desktop.excel.kinds.base import get_kind
from qsm_desktop.excel.template import write_return
from qsm_desktop.services.bundle import build_services
from qsm_desktop.services.context import Actor, Role
from qsm_desktop.store.models import AuditEntry
from qsm_desktop.store.models.evaluation import IndicatorSystemRecord, PeriodStatus

PERIOD = "2007Q4"
EXPECTED = json.loads((Path(__file__).resolve().parents[1] / "samples" / "expected.json").read_text("utf-8"))
EVALUATION = EXPECTED["evaluation"]


def run(capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def sample_files(samples_dir: Path, *, skip: set[str] = frozenset()) -> list[str]:
    files = [samples_dir / "org_units.xlsx", *sorted(samples_dir.glob("certification_*.xlsx")),
             *sorted((samples_dir / "training").glob("*.xlsx")), *sorted((samples_dir / "quarterly").glob("*.xlsx")),
             *sorted((samples_dir / "internal_service").glob("*.xlsx"))]
    return [str(f) for f in files if f.name not in skip]


def import_samples(capsys, url: str, samples_dir: Path, **kw) -> None:
    code, out, err = run(capsys, "--db", url, "import", *sample_files(samples_dir, **kw), "--json")
    assert code == 0, out + err
    assert all(f["status"] == "imported" for f in json.loads(out)["files"])


@pytest.fixture(scope="module")
def _imported_template(tmp_path_factory, samples_dir_module) -> Path:
    """One SQLite file with every sample imported (importing is the slow part), copied per test."""
    from qsm_desktop.services.imports import import_files

    file = tmp_path_factory.mktemp("evaluation") / "samples.db"
    services = build_services(f"sqlite:///{file}")
    try:
        results = import_files(services, Actor("tester", Role.HO_SECRETARY), sample_files(samples_dir_module))
        assert not [r for r in results if r.refused], [r.problems for r in results if r.refused]
        with services.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        services.dispose()
    return file


@pytest.fixture(scope="module")
def samples_dir_module() -> Path:
    return Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture
def loaded_url(tmp_path, _imported_template) -> str:
    file = tmp_path / "qsm.db"
    shutil.copyfile(_imported_template, file)
    return f"sqlite:///{file}"


@pytest.fixture
def loaded(loaded_url):
    services = build_services(loaded_url)
    yield services
    services.dispose()


def assert_matches_expected(document: dict) -> None:
    assert document["period"] == PERIOD
    units = {u["code"]: u for u in document["units"]}
    expected = {**EVALUATION["branches"], **EVALUATION["departments"]}
    assert set(units) == set(expected), "all 18 units (10 branches, 8 departments) are evaluated"
    for code, exp in expected.items():
        unit = units[code]
        assert abs(unit["total"] - exp["total"]) <= 0.01, (code, unit["total"], exp["total"])
        assert unit["grade"] == exp["grade"], code
        assert unit["rank"] == exp["rank"], code
        points = {i["code"]: i["points"] for i in unit["indicators"]}
        for indicator, value in exp["points"].items():
            assert points[indicator] == pytest.approx(value, abs=1e-3), (code, indicator)
    for u in document["units"]:
        assert set(u) == {"code", "name", "type", "total", "grade", "rank", "indicators"}
        assert all(set(i) == {"code", "value", "points"} for i in u["indicators"])


# ------------------------------------------------------------------------------------------ the contract

def test_qsm_evaluate_json_matches_expected(capsys, db_url, samples_dir):
    """Done-when: the sample returns imported, ``qsm evaluate --json`` gives every unit's total,
    grade and rank of expected.json (both dialects)."""
    import_samples(capsys, db_url, samples_dir)
    code, out, err = run(capsys, "--db", db_url, "evaluate", "--period", PERIOD, "--json")
    assert code == 0, err
    document = json.loads(out)
    assert_matches_expected(document)
    assert err == "", "a complete period reports no missing inputs"
    # the C01 value is the certification rate rounded to 2 decimals, C03 the training coverage
    units = {u["code"]: u for u in document["units"]}
    for branch, rate in EXPECTED["branch_cert_rate_all"].items():
        values = {i["code"]: i["value"] for i in units[branch]["indicators"]}
        assert values["C01"] == rate
        assert values["D01"] == 0.0
    coverage = {f["org"]: f["C03_coverage"] for f in EXPECTED["files"].values() if "C03_coverage" in f}
    for branch, value in coverage.items():
        assert {i["code"]: i["value"] for i in units[branch]["indicators"]}["C03"] == pytest.approx(value, abs=1e-9)
    # department values are the means of the branches' ratings
    for dept, means in EXPECTED["department_means"].items():
        values = [i["value"] for i in units[dept]["indicators"]]
        assert values == pytest.approx(means, abs=0.051)
    # the text form prints the same ranking
    code, out, err = run(capsys, "--db", db_url, "evaluate", "--period", PERIOD)
    assert code == 0 and "65.17" in out and "交通银行四川省分行" in out


def test_evaluate_bad_period_is_refused_in_words(capsys, loaded_url):
    code, out, err = run(capsys, "--db", loaded_url, "evaluate", "--period", "2007")
    assert code == 1 and "2007Q4" in err and "Traceback" not in err
    code, out, err = run(capsys, "--db", loaded_url, "evaluate", "--period", "2006Q1")
    assert code == 1 and "指标体系" in err


def test_a_quarter_without_any_input_is_refused_not_scored_zero(capsys, sqlite_url, samples_dir, actor):
    """Issue 14: with only the org list imported, every unit would score 0 (the titles held count
    0 in any quarter) — the evaluation is refused with a sentence, stores nothing; one branch's
    quarterly return makes the quarter evaluable."""
    code, out, err = run(capsys, "--db", sqlite_url, "import", str(samples_dir / "org_units.xlsx"))
    assert code == 0, err
    code, out, err = run(capsys, "--db", sqlite_url, "evaluate", "--period", PERIOD, "--json")
    assert code == 1 and "还没有任何评价数据" in err and "Traceback" not in err and out == ""
    services = build_services(sqlite_url)
    try:
        with pytest.raises(InputRefused, match="2007年第4季度"):
            services.evaluation.compute(actor, PERIOD)
        assert services.evaluation.periods(actor) == []
        code, out, err = run(capsys, "--db", sqlite_url, "import", str(samples_dir / "quarterly" / "quarterly_310000_2007Q4.xlsx"))
        assert code == 0, err
        result = services.evaluation.compute(actor, PERIOD)
        assert result.scores.unit("310000").indicator("A01").value is not None and not result.complete
    finally:
        services.dispose()


# ------------------------------------------------------------------------------------------ explanations

def test_every_score_explains_itself_and_says_where_its_value_came_from(loaded, actor):
    result = loaded.evaluation.compute(actor, PERIOD)
    beijing = result.scores.unit("110000")
    a01 = beijing.indicator("A01")
    assert a01.origin == "quarterly_110000_2007Q4.xlsx!指标数据!E4"
    assert "93.3%" in a01.explanation.describe("zh") and "15" in a01.explanation.describe("zh")
    a02 = beijing.indicator("A02")
    assert a02.explanation.loss_reason("zh")  # 84.9 < 95: points lost, and why
    c01 = beijing.indicator("C01")
    assert "持证上岗登记" in c01.origin and "certification_110000_2007Q4.xlsx" in c01.origin
    c03 = beijing.indicator("C03")
    assert "training_110000_2007.xlsx" in c03.origin
    d01 = beijing.indicator("D01")
    assert d01.value == 0 and d01.origin  # counted as 0 and says why
    office = result.scores.unit("000101")
    e01 = office.indicator("E01")
    assert "10" in e01.origin and "服务态度" in e01.origin
    details = result.sources[("000101", "E01")]
    assert len(details) == 10 and all("!内部服务评价!D" in s.label for s in details)
    # the stored result rebuilds to the same figures, with the explanations stored too
    stored = loaded.evaluation.scores(actor, PERIOD)
    assert stored.status == PeriodStatus.DRAFT and stored.complete
    for unit in result.scores.units:
        again = stored.scores.unit(unit.code)
        assert (again.total, again.grade, again.rank) == (unit.total, unit.grade, unit.rank)
    assert stored.sources[("000101", "E01")] == details
    from qsm_desktop.store.models.evaluation import IndicatorScoreRecord

    with loaded.read() as session:
        texts = session.scalars(select(IndicatorScoreRecord.explanation)).all()
    assert texts and all(t for t in texts)


# ------------------------------------------------------------------------------------------ missing inputs

def test_missing_returns_listed_per_unit_not_scored_zero(capsys, sqlite_url, samples_dir, actor):
    import_samples(capsys, sqlite_url, samples_dir,
                   skip={"quarterly_310000_2007Q4.xlsx", "internal_service_120000_2007Q4.xlsx"})
    services = build_services(sqlite_url)
    try:
        result = services.evaluation.compute(actor, PERIOD)
        shanghai = result.scores.unit("310000")
        assert shanghai.rank is None and shanghai.grade is None
        assert {p.indicator_code for p in shanghai.problems} == {"A01", "A02", "A03", "A04", "A05", "B01", "B02",
                                                                 "B03", "B04", "C02"}
        assert all(shanghai.indicator(c).points is None for c in ("A01", "C02"))
        kinds = {(m.unit_code, m.kind) for m in result.missing}
        assert ("310000", "quarterly") in kinds and ("120000", "internal_service") in kinds
        assert any("天津" in m.message for m in result.missing if m.unit_code == "000101")
        assert not result.complete
        # the other branches are still ranked among themselves (1..9)
        ranks = sorted(u.rank for u in result.scores.of_type("分行") if u.rank is not None)
        assert ranks == list(range(1, 10))
        # publication refused, naming what is missing
        with pytest.raises(InputRefused) as info:
            services.evaluation.publish(actor, PERIOD)
        assert "310000" in str(info.value) and "季度报表" in str(info.value)
        code, out, err = run(capsys, "--db", sqlite_url, "evaluate", "--period", PERIOD, "--publish")
        assert code == 1 and "--accept-incomplete" in err
        # accepted as incomplete: published, the partial total graded and ranked, frozen
        published = services.evaluation.publish(actor, PERIOD, accept_incomplete=True, note="上海分行季报延误")
        assert published.published and published.accepted_incomplete
        assert published.scores.unit("310000").rank == 10
        with pytest.raises(InputRefused):
            services.evaluation.set_manual_value(actor, "310000", PERIOD, "A01", "90%", "补录")
        again = services.evaluation.compute(actor, PERIOD)
        assert again.published and again.scores.unit("310000").total == published.scores.unit("310000").total
        assert services.evaluation.periods(actor)[-1].status == PeriodStatus.PUBLISHED
    finally:
        services.dispose()


def test_publish_complete_period_and_permissions(loaded, actor):
    viewer = Actor("reader", Role.VIEWER)
    with pytest.raises(PermissionDenied):
        loaded.evaluation.compute(viewer, PERIOD)
    branch = Actor("bj", Role.BRANCH_SECRETARY, org_scope="110000")
    with pytest.raises(PermissionDenied):
        loaded.evaluation.publish(branch, PERIOD)
    result = loaded.evaluation.publish(actor, PERIOD)
    assert result.published and not result.accepted_incomplete and result.complete
    # readers see the published result
    assert loaded.evaluation.scores(viewer, PERIOD).scores.unit("510000").rank == 1
    with loaded.read() as session:
        actions = set(session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "evaluation_period")))
    assert "publish" in actions


# ------------------------------------------------------------------------------------------ manual values

def test_manual_value_with_reason_is_audited_and_used(loaded, actor):
    with pytest.raises(InputRefused):
        loaded.evaluation.set_manual_value(actor, "110000", PERIOD, "A01", "95", "  ")
    with pytest.raises(InputRefused):  # a register value is not typed in
        loaded.evaluation.set_manual_value(actor, "110000", PERIOD, "C01", "95", "更正")
    with pytest.raises(InputRefused):  # 120% is not a percentage
        loaded.evaluation.set_manual_value(actor, "110000", PERIOD, "A01", "120%", "更正")
    stored = {v.indicator_code: v for v in loaded.evaluation.values(actor, "110000", PERIOD)}["A01"]
    info = loaded.evaluation.set_manual_value(actor, "110000", PERIOD, "A01", "0.75", "客户满意度调查结果更正",
                                              expected_version=stored.version)
    assert info.value == 75.0 and info.origin == "manual" and info.version == stored.version + 1
    result = loaded.evaluation.compute(actor, PERIOD)
    a01 = result.scores.unit("110000").indicator("A01")
    assert a01.value == 75.0 and "手工录入" in a01.origin and "更正" in a01.origin
    assert a01.points == pytest.approx(15 * (75 - 70) / 20)
    with loaded.read() as session:
        entry = session.execute(select(AuditEntry).where(AuditEntry.entity == "indicator_value",
                                                         AuditEntry.action == "manual")).scalar_one()
    assert entry.before["value"] == 93.3 and entry.after["value"] == 75.0
    values = {v.indicator_code: v for v in loaded.evaluation.values(actor, "110000", PERIOD)}
    assert values["A01"].origin == "manual" and values["A02"].source.endswith("!指标数据!E5")


def test_a_manual_value_changed_meanwhile_is_refused_not_overwritten(loaded, actor):
    """Issue 12: two secretaries correct the same value from the scores they loaded; the second
    save is refused (ConflictError), the first one's value and audit entry stay."""
    shown = loaded.evaluation.compute(actor, PERIOD)
    version = shown.value_version("110000", "A01")
    assert version is not None
    first = loaded.evaluation.set_manual_value(actor, "110000", PERIOD, "A01", "80", "调查更正",
                                               expected_version=version)
    with pytest.raises(ConflictError):
        loaded.evaluation.set_manual_value(actor, "110000", PERIOD, "A01", "70", "另一更正", expected_version=version)
    with pytest.raises(ConflictError):  # no version: the form thinks no value is stored
        loaded.evaluation.set_manual_value(actor, "110000", PERIOD, "A01", "70", "另一更正")
    # the stored result of a period shows the versions of the values its scores show; a value
    # changed after computing is left out, so a correction made against the old score is refused
    assert loaded.evaluation.scores(actor, PERIOD).value_version("110000", "A01") is None
    with pytest.raises(ConflictError):
        loaded.evaluation.set_manual_value(actor, "110000", PERIOD, "A01", "70", "另一更正",
                                           expected_version=loaded.evaluation.scores(actor, PERIOD)
                                           .value_version("110000", "A01"))
    again = loaded.evaluation.compute(actor, PERIOD)
    assert again.value_version("110000", "A01") == first.version
    assert again.scores.unit("110000").indicator("A01").value == 80.0
    with loaded.read() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.entity == "indicator_value",
                                                           AuditEntry.action == "manual")).all()
    assert [e.after["value"] for e in entries] == [80.0]


def test_a_report_never_prints_a_draft_older_than_its_data(loaded, actor, tmp_path):
    """Scores computed, then an input corrected: the report shows the corrected score without a
    second ``evaluate`` (a published quarter would stay frozen)."""
    shown = loaded.evaluation.evaluate(actor, PERIOD)
    before = shown.scores.unit("110000").total
    loaded.evaluation.set_manual_value(actor, "110000", PERIOD, "A01", "0.75", "客户满意度调查结果更正",
                                       expected_version=shown.value_version("110000", "A01"))
    data = loaded.evaluation.report_data(actor, PERIOD)
    after = data.scores.unit("110000").total
    assert after < before and data.scores.unit("110000").indicator("A01").value == 75.0
    out = tmp_path / "r.pdf"
    loaded.evaluation.build_unit_report(actor, PERIOD, "110000", out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert f"{after:.2f}" in text


# ------------------------------------------------------------------------------------------ systems

def test_weights_not_adding_up_are_refused_when_saving(loaded, actor):
    stored = loaded.evaluation.system_for_period(actor, PERIOD)
    a01 = stored.system.indicator("A01")
    bad = replace(stored.system, version="2008版",
                  indicators=tuple(replace(i, weight=10.0) if i.code == "A01" else i for i in stored.system.indicators))
    with loaded.read() as session:
        before = session.scalar(select(func.count()).select_from(IndicatorSystemRecord))
    with pytest.raises(IndicatorSystemInvalid) as info:
        loaded.evaluation.save_system(actor, bad)
    assert "分行" in str(info.value) and "95" in str(info.value) and "100" in str(info.value)
    with loaded.read() as session:
        assert session.scalar(select(func.count()).select_from(IndicatorSystemRecord)) == before
    assert a01.weight == 15


def test_saving_makes_a_new_version_and_a_scored_version_is_never_rewritten(loaded, actor):
    first = loaded.evaluation.compute(actor, PERIOD)
    stored = loaded.evaluation.system_for_period(actor, PERIOD)
    with pytest.raises(InputRefused) as info:  # the same label again
        loaded.evaluation.save_system(actor, stored.system)
    assert "2007版-2" in str(info.value)
    import datetime as dt

    changed = replace(stored.system, version=loaded.evaluation.suggest_version(actor, stored.system.name, "2007版"),
                      effective_from=dt.date(2007, 10, 1),
                      indicators=tuple(replace(i, rule=LinearRule(70, 95)) if i.code == "A01" else i
                                       for i in stored.system.indicators))
    info = loaded.evaluation.save_system(actor, changed, based_on_id=stored.info.id)
    assert info.version == "2007版-2" and info.based_on_id == stored.info.id and not info.has_scores
    old = loaded.evaluation.system(actor, stored.info.id)
    assert old.system == stored.system and old.info.periods == (PERIOD,)
    # the new version is in force for 2007Q4 now; recomputing the draft uses it
    again = loaded.evaluation.compute(actor, PERIOD)
    assert again.system_id == info.id
    assert again.scores.unit("110000").indicator("A01").points == pytest.approx(15 * (93.3 - 70) / 25)
    assert first.scores.unit("110000").indicator("A01").points == 15


def test_system_export_import_toml_and_excel(capsys, loaded_url, tmp_path):
    code, out, err = run(capsys, "--db", loaded_url, "indicator-system", "export", "-o", str(tmp_path / "s.toml"))
    assert code == 0, err
    text = (tmp_path / "s.toml").read_text("utf-8")
    assert 'version = "2007版"' in text and 'kind = "rank"' in text
    code, out, err = run(capsys, "--db", loaded_url, "indicator-system", "import", str(tmp_path / "s.toml"))
    assert code == 1 and "2007版-2" in err  # same label: refused with a suggestion
    (tmp_path / "s2.toml").write_text(text.replace('version = "2007版"', 'version = "2008版"'), "utf-8")
    code, out, err = run(capsys, "--db", loaded_url, "indicator-system", "import", str(tmp_path / "s2.toml"))
    assert code == 0 and "2008版" in out, err
    # weights that do not add up: every problem listed, nothing saved
    (tmp_path / "bad.toml").write_text(text.replace('version = "2007版"', 'version = "2009版"')
                                       .replace("weight = 15", "weight = 14", 1), "utf-8")
    code, out, err = run(capsys, "--db", loaded_url, "indicator-system", "import", str(tmp_path / "bad.toml"))
    assert code == 1 and "99" in err and "100" in err
    # Excel round trip
    code, out, err = run(capsys, "--db", loaded_url, "indicator-system", "export", "1", "-o", str(tmp_path / "s.xlsx"))
    assert code == 0, err
    from qsm_desktop.excel.indicator_system import read_system_workbook
    from qsm_desktop.store.indicator_systems import default_system

    assert read_system_workbook(tmp_path / "s.xlsx") == default_system()
    code, out, err = run(capsys, "--db", loaded_url, "indicator-system", "list", "--json")
    versions = [s["version"] for s in json.loads(out)["systems"]]
    assert "2008版" in versions and "2007版" in versions and "2009版" not in versions


def test_preview_of_a_draft_system_on_the_last_period(loaded, actor):
    loaded.evaluation.compute(actor, PERIOD)
    stored = loaded.evaluation.system_for_period(actor, PERIOD)
    draft = replace(stored.system, version="草稿",
                    indicators=tuple(replace(i, weight=20.0) if i.code == "A01" else
                                     replace(i, weight=5.0) if i.code == "A02" else
                                     replace(i, weight=15.0) if i.code == "A03" else i
                                     for i in stored.system.indicators))
    preview = loaded.evaluation.preview_system(actor, draft)
    assert preview.period == PERIOD and preview.before is not None
    rows = {r[0]: r for r in preview.rows()}
    assert rows["110000"][3] == pytest.approx(65.17, abs=0.01)
    assert rows["110000"][4] != pytest.approx(rows["110000"][3])
    assert rows["000101"][3] == pytest.approx(rows["000101"][4])  # departments untouched
    with loaded.read() as session:  # nothing stored
        assert session.scalar(select(func.count()).select_from(IndicatorSystemRecord)) == 1


# ------------------------------------------------------------------------------------------ periods

def _write_quarterly(path: Path, org: str, name: str, period: str, values: dict[str, object]) -> Path:
    kind = get_kind("quarterly")
    rows = [{"seq": n, "code": code, "value": value} for n, (code, value) in enumerate(values.items(), start=1)]
    write_return(path, kind="quarterly", sheet_name=kind.sheet_name, title="交通银行服务质量季度报表",
                 columns=kind.columns, org_code=org, org_name=name, period=period, rows=rows, blank_rows=0)
    return path


def test_change_against_the_previous_period(loaded, actor, tmp_path):
    from qsm_desktop.services.imports import import_files

    q4 = EXPECTED["files"]["quarterly/quarterly_110000_2007Q4.xlsx"]["values"]
    q3 = dict(q4, A01=80.0)
    path = _write_quarterly(tmp_path / "q3.xlsx", "110000", "交通银行北京市分行", "2007Q3", q3)
    [result] = import_files(loaded, actor, [path])
    assert result.status == "imported", result.problems
    q3_result = loaded.evaluation.compute(actor, "2007Q3")  # only Beijing reported: incomplete, stored anyway
    assert not q3_result.complete and q3_result.scores.unit("110000").rank == 1
    assert q3_result.scores.unit("310000").rank is None
    q4_result = loaded.evaluation.compute(actor, PERIOD)
    beijing = q4_result.scores.unit("110000")
    assert beijing.previous_total == pytest.approx(q3_result.scores.unit("110000").total)
    assert beijing.change is not None
    history = loaded.evaluation.history(actor, PERIOD)
    assert [h.period for h in history] == ["2007Q3"]


# ------------------------------------------------------------------------------------------ plan targets

def test_plan_target_dashboard(loaded, actor):
    board = {t.metric: t for t in loaded.evaluation.plan_dashboard(actor, 2007)}
    uptime = board["self_service_uptime"]
    b01 = [EXPECTED["files"][k]["values"]["B01"] for k in EXPECTED["files"] if k.startswith("quarterly/")]
    assert uptime.target == 97 and uptime.actual == pytest.approx(sum(b01) / len(b01))
    assert uptime.status in ("near", "behind", "met") and uptime.trend == (("2007Q4", uptime.actual),)
    assert "10" in uptime.detail
    new_centres = board["wealth_centres_new"]
    b04 = sum(EXPECTED["files"][k]["values"]["B04"] for k in EXPECTED["files"] if k.startswith("quarterly/"))
    assert new_centres.actual == b04 and new_centres.target == 155 and new_centres.status == "behind"
    teller = board["cert_rate_teller"]
    assert teller.actual == EXPECTED["bank_cert_rates"]["teller"]["rate"] and teller.target == 80
    assert board["customer_satisfaction_rank"].status == "no_data"
    total = board["wealth_centres_total"]
    assert total.target == 155 or total.final_target == 400


# ------------------------------------------------------------------------------------------ PDF reports

def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _fonts(pdf: Path) -> str:
    return subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_report_evaluation_reads_back_with_totals_and_embedded_font(capsys, loaded_url, tmp_path):
    out = tmp_path / "r.pdf"
    code, stdout, err = run(capsys, "--db", loaded_url, "report", "evaluation", "--period", PERIOD, "-o", str(out))
    assert code == 0, err
    text = _text(out)
    for exp in (*EVALUATION["branches"].values(), *EVALUATION["departments"].values()):
        assert f"{exp['total']:.2f}" in text
    assert "交通银行四川省分行" in text and "总行人力资源部" in text
    fonts = _fonts(out)
    assert "DroidSansFallback" in fonts
    for line in fonts.splitlines()[2:]:
        assert line.split()[-5] == "yes", f"font not embedded: {line}"
    unit = tmp_path / "u.pdf"
    code, stdout, err = run(capsys, "--db", loaded_url, "report", "evaluation", "--period", PERIOD, "--unit", "110000",
                            "-o", str(unit))
    assert code == 0, err
    text = _text(unit)
    assert "65.17" in text and "交通银行北京市分行" in text and "quarterly_110000_2007Q4.xlsx" in text
    assert "DroidSansFallback" in _fonts(unit)
    code, stdout, err = run(capsys, "--db", loaded_url, "report", "evaluation", "--period", PERIOD, "--unit", "999999",
                            "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and "999999" in err
    folder = tmp_path / "all"
    code, stdout, err = run(capsys, "--db", loaded_url, "report", "evaluation", "--period", PERIOD, "--all-units",
                            str(folder))
    assert code == 0, err
    assert len(list(folder.glob("2007Q4_*.pdf"))) == 19  # 18 units and the bank-wide report
    lines = err.splitlines()  # progress on stderr, a line per report (not a terminal)
    assert len(lines) == 19 and lines[-1].startswith("[19/19] ") and "Traceback" not in err
    assert not list(folder.glob("*.part"))


# ------------------------------------------------------------------------------------------ demo

def test_demo_imports_evaluation_returns_and_scores_two_quarters(sqlite_services, actor, tmp_path):
    from qsm_desktop.services.demo import build_demo

    result = build_demo(sqlite_services, actor, "small", returns_dir=tmp_path / "returns")
    names = {p.name for p in (tmp_path / "returns").iterdir()}
    assert "demo_quarterly_110000_2007Q4.xlsx" in names and "demo_internal_service_510000_2007Q3.xlsx" in names
    assert result.files >= 1 + 10 + 2 * 2 * 10
    periods = [p.period for p in sqlite_services.evaluation.periods(actor)]
    assert periods == ["2007Q3", "2007Q4"]
    scores = sqlite_services.evaluation.scores(actor, PERIOD)
    assert scores.complete, scores.problem_lines()
    branches = scores.scores.of_type("分行")
    assert [u.rank for u in branches] == list(range(1, 11))
    assert all(u.change is not None for u in branches)
    a01 = branches[0].indicator("A01")
    assert a01.origin.startswith("demo_quarterly_") and "!指标数据!E" in a01.origin


# ------------------------------------------------------------------------------------------ D01 awards

def test_d01_counts_national_and_head_office_titles_held_at_period_end(loaded, actor):
    import datetime as dt

    from qsm_desktop.store.models import OrgUnit
    from qsm_desktop.store.models.showcase import ShowcaseOutsideTitle

    with loaded.unit_of_work() as session:
        outlets = session.scalars(select(OrgUnit.id).where(OrgUnit.path.like("%/110000/%"), OrgUnit.type == "网点")
                                  .order_by(OrgUnit.code).limit(3)).all()
        for outlet, level, on, revoked in ((outlets[0], "全国级", dt.date(2007, 11, 1), None),
                                           (outlets[1], "总行级", dt.date(2007, 12, 20), None),
                                           (outlets[2], "全国级", dt.date(2007, 3, 1), dt.date(2007, 10, 1)),
                                           (outlets[2], "分行级", dt.date(2007, 3, 1), None)):
            session.add(ShowcaseOutsideTitle(outlet_id=outlet, level=level, official_name=f"{level}文明规范服务示范单位",
                                             awarded_on=on, revoked_on=revoked))
    result = loaded.evaluation.compute(actor, PERIOD)
    d01 = result.scores.unit("110000").indicator("D01")
    assert d01.value == 2 and d01.points == 4  # 2 points per title, revoked and 分行级 titles not counted
    assert "2" in d01.origin and len(result.sources[("110000", "D01")]) == 2
    assert result.scores.unit("310000").indicator("D01").value == 0
    board = {t.metric: t for t in loaded.evaluation.plan_dashboard(actor, 2007)}
    assert board["national_showcase_units"].actual == 1 and board["national_showcase_units"].status == "behind"


def test_a_new_version_label_is_proposed_in_the_window_language():
    """User trial: the English window proposed "2007版-2"; it proposes "2007 edition (2)" now, the
    Chinese one "2007版-2" as before, each past the labels taken."""
    from qsm_desktop.services.evaluation.systems import suggest_version_label

    assert suggest_version_label("2007版", {"2007版"}, language="zh") == "2007版-2"
    assert suggest_version_label("2007版", {"2007版", "2007版-2"}, language="zh") == "2007版-3"
    assert suggest_version_label("2007版", {"2007版"}, language="en") == "2007 edition (2)"
    assert suggest_version_label("2007版", {"2007版", "2007 edition (2)"}, language="en") == "2007 edition (3)"
    # a label typed in English, or one proposed before, is numbered again, not "(2) (2)"
    assert suggest_version_label("2007 edition (2)", {"2007 edition (2)"}, language="en") == "2007 edition (3)"
    assert suggest_version_label("Pilot", {"Pilot"}, language="en") == "Pilot (2)"
