"""Training records (issue 6): the sample returns through ``qsm import`` and ``qsm training-coverage``,
returns refused by cell, supersede, the effect figure on a hand-made case, exports.

Real databases (SQLite and, when configured, PostgreSQL through ``db_url``), real workbooks written
with the template writer, the CLI run in-process.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from qsm_desktop import cli
from qsm_desktop.domain.errors import ConflictError, InputRefused, NotFound
from qsm_desktop.domain.training import TRAINING_CATEGORIES
from qsm_desktop.excel.kinds import get_kind
from qsm_desktop.excel.template import write_return
from qsm_desktop.services.bundle import build_services
from qsm_desktop.services.demo.training import training_rows
from qsm_desktop.store.models import ImportBatch, TrainingAttendance, TrainingCourse

EXPECTED = json.loads((Path(__file__).resolve().parents[1] / "samples" / "expected.json").read_text("utf-8"))
CERT = sorted(k for k in EXPECTED["files"] if k.startswith("certification_"))
TRAINING = sorted(k for k in EXPECTED["files"] if k.startswith("training/"))
YEAR_END = dt.date(2007, 12, 31)


def run(capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def import_json(capsys, url: str, *files: Path) -> list[dict]:
    code, out, err = run(capsys, "--db", url, "import", "--json", *map(str, files))
    return json.loads(out)["files"]


def counts(url: str) -> tuple[int, int]:
    services = build_services(url)
    try:
        with services.read() as s:
            return (s.scalar(select(func.count()).select_from(TrainingCourse)),
                    s.scalar(select(func.count()).select_from(TrainingAttendance)))
    finally:
        services.dispose()


def training_workbook(path: Path, org: str, rows: list[dict], period: str = "2007") -> Path:
    kind = get_kind("training")
    write_return(path, kind=kind.name, sheet_name=kind.sheet_name, title="交通银行培训情况表", columns=kind.columns,
                 org_code=org, period=period, rows=rows, blank_rows=0)
    return path


def row(**values) -> dict:
    base = dict(course_code="PX2007-001", course_title="服务规范贯标培训", category="服务规范",
                start_date=dt.date(2007, 5, 8), end_date=dt.date(2007, 5, 10), hours=16, staff_no="0020772",
                name="王帆", org_code="110000", score=78, passed="是", satisfaction=5)
    base.update(values)
    return base


@pytest.fixture
def sample_url(db_url, samples_dir, capsys) -> str:
    """The org list, the ten clean certification returns and the ten training returns imported."""
    assert run(capsys, "--db", db_url, "import", str(samples_dir / "org_units.xlsx"))[0] == 0
    results = import_json(capsys, db_url, *(samples_dir / f for f in CERT))
    assert [r["status"] for r in results] == ["imported"] * len(CERT)
    results = import_json(capsys, db_url, *(samples_dir / f for f in TRAINING))
    for name, result in zip(TRAINING, results):
        assert result["status"] == "imported", result["problems"][:3]
        assert (result["kind"], result["org"], result["period"]) == ("training", EXPECTED["files"][name]["org"], "2007")
        assert result["rows"] == EXPECTED["files"][name]["rows"]
    return db_url


# ------------------------------------------------------------------------------------------ samples

def test_samples_give_expected_c03_for_every_branch(sample_url, capsys, actor):
    services = build_services(sample_url)
    try:
        for name in TRAINING:
            info = EXPECTED["files"][name]
            code, out, err = run(capsys, "--db", sample_url, "training-coverage", "--year", "2007", "--unit", info["org"],
                                 "--json")
            assert code == 0, err
            document = json.loads(out)
            assert set(document) == {"year", "unit", "staff", "categories", "C03"}
            assert (document["year"], document["unit"]) == (2007, info["org"])
            assert document["C03"] == pytest.approx(info["C03_coverage"], abs=0.005), info["org"]
            branch_staff = EXPECTED["files"][f"certification_{info['org']}_2007Q4.xlsx"]["rates"]["all"]["members"]
            assert document["staff"] == branch_staff
            assert list(document["categories"]) == list(TRAINING_CATEGORIES)
            for figures in document["categories"].values():
                assert set(figures) == {"attended", "coverage"}
                assert 0 <= figures["attended"] <= document["staff"]
            assert services.training.c03(actor, info["org"], YEAR_END) == document["C03"]
        whole = services.training.figures(actor, "000000", YEAR_END)
        assert whole.staff == EXPECTED["staff"]
        assert whole.attendances == sum(EXPECTED["files"][n]["rows"] for n in TRAINING)
        # C03 counts a person once even when they attended both categories
        c03 = whole.c03.attended
        assert max(whole.categories["服务意识"].attended, whole.categories["服务规范"].attended) <= c03
        assert c03 <= whole.categories["服务意识"].attended + whole.categories["服务规范"].attended
        assert whole.hours_per_head == pytest.approx(whole.hours / whole.staff, abs=0.01)
        assert 0 < whole.pass_rate < 100 and 1 <= whole.satisfaction <= 5
        by_unit = services.training.figures_by_unit(actor, YEAR_END, ["110000", "000000"])
        assert by_unit["110000"].c03.coverage == pytest.approx(70.0)
        # before the first course ended nobody is covered; mid-year only the May course counts
        assert services.training.c03(actor, "110000", dt.date(2007, 4, 30)) == 0.0
        mid = services.training.figures(actor, "110000", dt.date(2007, 6, 30))
        assert services.training.figures_for_period(actor, "110000", "2007Q2") == mid
        assert services.training.figures_for_period(actor, "110000", "2007").c03.coverage == pytest.approx(70.0)
        with pytest.raises(InputRefused):
            services.training.figures_for_period(actor, "110000", "2007Q9")
        assert mid.c03.attended == mid.categories["服务规范"].attended and mid.categories["服务意识"].attended == 0
        # the untrained list is C03's complement on the same date: the card and the list agree
        untrained, total = services.training.untrained(actor, "110000", YEAR_END)
        year_110000 = services.training.figures(actor, "110000", YEAR_END)
        assert total == len(untrained) == year_110000.staff - year_110000.c03.attended
        untrained_mid, total_mid = services.training.untrained(actor, "110000", dt.date(2007, 6, 30))
        assert total_mid == mid.staff - mid.c03.attended > total
        assert not {u.staff_no for u in untrained} - {u.staff_no for u in untrained_mid}
        for as_of in (dt.date(2007, 4, 30), dt.date(2007, 9, 30)):
            figures = services.training.figures(actor, "000000", as_of)
            assert services.training.untrained(actor, "000000", as_of)[1] == figures.staff - figures.c03.attended
        history = services.training.history(actor, "0020772")
        assert [h.code for h in history] == ["PX2007-030", "PX2007-001"]
        assert history[0].source_file == "training_110000_2007.xlsx" and history[0].source_row == 5
        courses = services.training.courses(actor, "110000", YEAR_END)
        assert sum(c.attendees for c in courses) == EXPECTED["files"]["training/training_110000_2007.xlsx"]["rows"]
        with pytest.raises(NotFound):
            services.training.c03(actor, "999999", YEAR_END)
    finally:
        services.dispose()
    code, out, _ = run(capsys, "--db", sample_url, "training-coverage", "--year", "2007", "--unit", "110000")
    assert code == 0 and "70.00" in out and "服务规范" in out
    assert run(capsys, "--db", sample_url, "training-coverage", "--year", "2007", "--unit", "999999")[0] == 1
    assert run(capsys, "--db", sample_url, "training-coverage", "--year", "two")[0] == 2


def test_reimport_is_unchanged_and_supersede_replaces_attendance(sample_url, samples_dir, capsys, tmp_path, actor):
    again = import_json(capsys, sample_url, samples_dir / "training" / "training_110000_2007.xlsx")
    assert again[0]["status"] == "unchanged"
    before = counts(sample_url)
    # a corrected 110000 return: one person only, on a course of its own that replaces nothing else
    path = training_workbook(tmp_path / "training_110000_v2.xlsx", "110000", [
        row(),
        row(course_code="PX2007-901", course_title="新业务介绍", category="新业务", start_date=dt.date(2007, 12, 1),
            end_date=dt.date(2007, 12, 1), hours=2, score=None, passed=None, satisfaction=None),
    ])
    code, out, err = run(capsys, "--db", sample_url, "import", "--dry-run", "--json", str(path))
    preview = json.loads(out)["files"][0]
    assert preview["status"] == "dry-run" and preview["supersedes"] is not None
    assert counts(sample_url) == before
    done = import_json(capsys, sample_url, path)
    assert done[0]["status"] == "imported" and done[0]["preview"] == preview["preview"]
    counts_ = done[0]["preview"]["counts"]
    assert counts_["new"] == {"training_course": 1, "training_attendance": 1}
    assert counts_["removed"]["training_attendance"] == EXPECTED["files"]["training/training_110000_2007.xlsx"]["rows"] - 1
    courses, attendance = counts(sample_url)
    assert courses == before[0] + 1
    assert attendance == before[1] - EXPECTED["files"]["training/training_110000_2007.xlsx"]["rows"] + 2
    services = build_services(sample_url)
    try:
        assert services.training.c03(actor, "110000", YEAR_END) == pytest.approx(100 / 70, abs=0.005)  # 1 of 70
        assert services.training.c03(actor, "310000", YEAR_END) == pytest.approx(76.74, abs=0.005)  # untouched
        with services.read() as s:
            statuses = dict(s.execute(select(ImportBatch.file_name, ImportBatch.status)
                                      .where(ImportBatch.kind == "training", ImportBatch.org_code == "110000")).all())
        assert statuses == {"training_110000_2007.xlsx": "superseded", "training_110000_v2.xlsx": "imported"}
    finally:
        services.dispose()
    # a third version corrects the title of PX2007-901, which only the superseded return used …
    new_course = dict(course_code="PX2007-901", category="新业务", start_date=dt.date(2007, 12, 1),
                      end_date=dt.date(2007, 12, 1), hours=2, score=None, passed=None, satisfaction=None)
    path = training_workbook(tmp_path / "training_110000_v3.xlsx", "110000",
                             [row(hours=8), row(course_title="新业务产品介绍", **new_course)])
    result = import_json(capsys, sample_url, path)[0]
    assert result["status"] == "imported", result["problems"]
    assert result["preview"]["counts"] == {"changed": {"training_course": 1, "training_attendance": 1}}
    # … and a fourth drops it: the course nothing else uses is removed with its attendance
    path = training_workbook(tmp_path / "training_110000_v4.xlsx", "110000", [row(hours=8)])
    result = import_json(capsys, sample_url, path)[0]
    assert result["status"] == "imported"
    assert result["preview"]["counts"] == {"removed": {"training_course": 1, "training_attendance": 1}}
    assert counts(sample_url) == (before[0], 1 + before[1] - EXPECTED["files"]["training/training_110000_2007.xlsx"]["rows"])


# ------------------------------------------------------------------------------------------ refused by cell

def test_conflicting_courses_and_unknown_staff_refused_by_cell(sample_url, capsys, tmp_path):
    before = counts(sample_url)
    services = build_services(sample_url)
    try:
        with services.read() as s:
            from qsm_desktop.store.models import OrgUnit, Staff

            staff_no, name = s.execute(select(Staff.staff_no, Staff.name).join(OrgUnit, OrgUnit.id == Staff.org_unit_id)
                                       .where(OrgUnit.code == "210000").order_by(Staff.staff_no).limit(1)).one()
    finally:
        services.dispose()
    person = dict(staff_no=staff_no, name=name, org_code="210000")
    path = training_workbook(tmp_path / "bad_210000.xlsx", "210000", [
        # known course PX2007-030 (1-day awareness talk) with other dates than the register's
        row(course_code="PX2007-030", course_title="客户服务意识专题", category="服务意识", start_date=dt.date(2007, 11, 21),
            end_date=dt.date(2007, 11, 21), **person),
        # a new course, defined twice differently within the file
        row(course_code="PX2007-777", course_title="网点服务礼仪", category="服务规范", **person),
        row(course_code="PX2007-777", course_title="网点服务礼仪（二期）", category="服务规范", start_date=dt.date(2007, 5, 9),
            **person),
        # unknown 工号
        row(course_code="PX2007-777", course_title="网点服务礼仪", category="服务规范", staff_no="9999999", name="无名氏",
            org_code="210000"),
    ])
    code, out, err = run(capsys, "--db", sample_url, "import", "--json", str(path))
    assert code == 1
    result = json.loads(out)["files"][0]
    assert result["status"] == "refused"
    cells = {p["cell"]: p["message"] for p in result["problems"]}
    assert {"E4", "F4"} <= cells.keys(), cells          # dates differ from the registered PX2007-030
    assert "PX2007-030" in cells["E4"] and "2007-11-20" in cells["E4"]
    assert "C6" in cells and "E6" in cells                # the second definition of PX2007-777 in this file
    assert "C5" in cells["C6"]                            # … names the first one's cell
    assert "H7" in cells and "9999999" in cells["H7"]     # unknown 工号
    assert all(p["sheet"] == "培训情况" for p in result["problems"])
    assert counts(sample_url) == before                   # nothing written


def test_value_rules_and_duplicates(sample_url, capsys, tmp_path):
    before = counts(sample_url)
    path = training_workbook(tmp_path / "values.xlsx", "110000", [
        row(course_code="PX2007-950", course_title="测试", hours=0, score=101, passed="对", satisfaction=6),
        row(course_code="PX2007-951", course_title="测试二", category="培训", start_date=dt.date(2007, 6, 2),
            end_date=dt.date(2007, 6, 1)),
        row(course_code="PX2007-952", course_title="测试三", staff_no="0052750", name="谢璐", score=80),
        row(course_code="PX2007-952", course_title="测试三", staff_no="0052750", name="谢璐", score=81),
        row(course_code="PX2007-953", course_title="测试四", org_code="210000"),
        row(course_code="PX2007-954", course_title="测试五", start_date=dt.date(2008, 1, 2), end_date=dt.date(2008, 1, 3)),
    ])
    result = import_json(capsys, sample_url, path)[0]
    assert result["status"] == "refused"
    cells = {p["cell"] for p in result["problems"]}
    assert {"G4", "K4", "L4", "M4", "D5", "F5", "K7", "J8", "E9"} <= cells, cells
    assert counts(sample_url) == before
    # identical duplicate rows are merged; 合格/不合格 and "服务规范培训" are accepted spellings
    path = training_workbook(tmp_path / "merged.xlsx", "110000", [
        row(course_code="PX2007-960", course_title="礼仪", category="服务规范培训", passed="合格"),
        row(course_code="PX2007-960", course_title="礼仪", category="服务规范", passed="是"),
        row(course_code="PX2007-960", course_title="礼仪", category="服务规范", staff_no="0052750", name="谢璐", score=None,
            passed=None, satisfaction=None),
    ])
    result = import_json(capsys, sample_url, path)[0]
    assert result["status"] == "imported", result["problems"]
    assert result["rows"] == 3 and result["preview"]["counts"]["new"]["training_attendance"] == 2


def test_the_same_attendance_from_another_unit(sample_url, capsys, tmp_path):
    """A person/course already reported by another branch's return: merged when identical, else refused."""
    # 0020772 of 110000 was on PX2007-001 (16 h, 78, 是, 5); 310000 reports the same attendance
    same = training_workbook(tmp_path / "t310_same.xlsx", "310000", [row(org_code=None)], period="2008")
    result = import_json(capsys, sample_url, same)[0]
    assert result["status"] == "imported", result["problems"]
    assert result["preview"]["counts"] == {}
    other = training_workbook(tmp_path / "t320_other.xlsx", "320000", [row(org_code=None, score=90)], period="2008")
    result = import_json(capsys, sample_url, other)[0]
    assert result["status"] == "refused"
    assert [p["cell"] for p in result["problems"]] == ["K4"]
    assert "training_110000_2007.xlsx" in result["problems"][0]["message"]


# ------------------------------------------------------------------------------------------ effect

def org_list(path: Path) -> Path:
    kind = get_kind("org_units")
    rows = [dict(code="000000", name="测试银行总行", type="总行"),
            dict(code="110000", name="测试分行", parent_code="000000", type="分行"),
            dict(code="110001", name="测试网点", parent_code="110000", type="网点")]
    write_return(path, kind="org_units", sheet_name=kind.sheet_name, title=kind.title, columns=kind.columns,
                 org_code="000000", period="2007", rows=rows, blank_rows=0)
    return path


def cert_return(path: Path, people: list[tuple[str, str, str, dt.date | None]]) -> Path:
    kind = get_kind("certification")
    certificate = {"柜员": "柜员上岗资格证书", "对公客户经理": "对公客户经理资格证书"}
    rows = []
    for i, (staff_no, name, post, issued) in enumerate(people, start=1):
        r = dict(seq=i, org_code="110001", org_name="测试网点", staff_no=staff_no, name=name, post=post)
        if issued is not None:
            r.update(cert_type=certificate[post], number=f"ZS{staff_no}", issued=issued,
                     expires=issued.replace(year=issued.year + 3))
        rows.append(r)
    write_return(path, kind="certification", sheet_name=kind.sheet_name, title="持证上岗情况表", columns=kind.columns,
                 org_code="110000", period="2008Q2", rows=rows, blank_rows=0)
    return path


@pytest.fixture
def effect_url(db_url, tmp_path, capsys) -> str:
    """Eight tellers and one corporate manager; A1–A4 attend a certification course 15–19 Oct 2007.

    A1 certified 2007-11-01 (in the 180-day window), A2 2008-04-10 (in it), A3 already since 2006,
    A4 never; B1 certified 2008-05-01 (after the window), B2 and B3 never, B4 already since 2005;
    C1 (对公客户经理) never. Window: 2007-10-15 … 2008-04-16.
    """
    people = [("0000001", "甲一", "柜员", dt.date(2007, 11, 1)), ("0000002", "甲二", "柜员", dt.date(2008, 4, 10)),
              ("0000003", "甲三", "柜员", dt.date(2006, 1, 1)), ("0000004", "甲四", "柜员", None),
              ("0000011", "乙一", "柜员", dt.date(2008, 5, 1)), ("0000012", "乙二", "柜员", None),
              ("0000013", "乙三", "柜员", None), ("0000014", "乙四", "柜员", dt.date(2005, 1, 1)),
              ("0000021", "丙一", "对公客户经理", None)]
    training = [row(course_code="PX2007-022", course_title="柜员持证上岗考前培训", category="持证上岗培训",
                    start_date=dt.date(2007, 10, 15), end_date=dt.date(2007, 10, 19), hours=32, staff_no=no, name=name,
                    org_code="110001", score=score, passed="是" if score >= 60 else "否", satisfaction=sat)
                for (no, name, _p, _i), score, sat in zip(people[:4], (90, 70, 85, 50), (5, 4, 4, 3))]
    files = [org_list(tmp_path / "orgs.xlsx"), cert_return(tmp_path / "cert.xlsx", people),
             training_workbook(tmp_path / "training.xlsx", "110000", training)]
    for result in import_json(capsys, db_url, *files):
        assert result["status"] == "imported", result["problems"]
    return db_url


def test_effect_on_a_hand_made_case(effect_url, actor):
    services = build_services(effect_url)
    try:
        effects = services.training.certification_effect(actor, "110000", YEAR_END, today=dt.date(2026, 1, 1))
        assert len(effects) == 1
        e = effects[0]
        assert e.categories == ("teller",)
        assert (e.attendees, e.already, e.at_risk, e.certified) == (4, 1, 3, 2)
        assert e.rate == pytest.approx(66.67)
        assert (e.others, e.others_certified, e.others_rate) == (3, 0, 0.0)
        assert e.difference == pytest.approx(66.67)
        assert e.window_end == dt.date(2008, 4, 16) and e.complete
        # while the window runs, only certificates up to "today" count, and no rate is stated yet:
        # 1 of 3 so far is not the course's effect (issue 14)
        early = services.training.certification_effect(actor, "110000", YEAR_END, today=dt.date(2008, 1, 31))[0]
        assert (early.certified, early.complete, early.observed_until) == (1, False, dt.date(2008, 1, 31))
        assert (early.rate, early.others_rate, early.difference) == (None, None, None)
        assert early.window_end == dt.date(2008, 4, 16)
        # reaction and learning per course
        course = services.training.courses(actor, "110000", YEAR_END)[0]
        assert (course.attendees, course.satisfaction, course.mean_score, course.pass_rate) == (4, 4.0, 73.75, 75.0)
        # the course's target post categories widen the comparison group to 对公客户经理
        services.training.update_course(actor, "PX2007-022", version=course.version, provider="internal",
                                        target_categories=["teller", "corporate"])
        widened = services.training.certification_effect(actor, "110000", YEAR_END, today=dt.date(2026, 1, 1))[0]
        assert widened.categories == ("teller", "corporate") and (widened.others, widened.others_certified) == (4, 0)
        with pytest.raises(ConflictError):
            services.training.update_course(actor, "PX2007-022", version=course.version, provider="external")
        with pytest.raises(InputRefused):
            services.training.update_course(actor, "PX2007-022", version=course.version + 1, provider="abroad")
        with pytest.raises(NotFound):
            services.training.update_course(actor, "PX0000-000", version=1)
        assert services.training.courses(actor, "110000", YEAR_END)[0].provider == "internal"
    finally:
        services.dispose()


def test_export_workbook_and_report_cli(effect_url, capsys, tmp_path):
    out_file = tmp_path / "report.xlsx"
    code, out, err = run(capsys, "--db", effect_url, "training-report", "--year", "2007", "--unit", "110000", "-o",
                         str(out_file))
    assert code == 0, err
    wb = load_workbook(out_file)
    assert wb.sheetnames == ["培训覆盖率", "培训项目", "培训效果", "C03未覆盖人员"]
    coverage = wb["培训覆盖率"]
    assert coverage["A4"].value == "测试分行" and coverage["C4"].value == 9
    assert coverage["D4"].value == 0.0                       # nobody attended 服务意识/服务规范
    assert len(coverage._images) == 1                        # the chart
    effect = wb["培训效果"]
    assert effect["A4"].value == "PX2007-022" and effect["G4"].value == pytest.approx(66.67)
    untrained = wb["C03未覆盖人员"]
    assert untrained.max_row == 3 + 9


def test_demo_training_rows_are_deterministic():
    from qsm_desktop.services.demo.data import build_bank

    bank = build_bank("small")
    a = training_rows(bank, "110000", 2007)
    assert a == training_rows(bank, "110000", 2007) and a
    assert {r["category"] for r in a} == set(TRAINING_CATEGORIES)
    assert not training_rows(bank, "110000", 2007, until=dt.date(2007, 3, 31))


def test_effect_chart_states_rates_only_for_closed_windows():
    """A course whose 180-day window is still open gets no bars in the effect chart, only the date
    its window closes; a closed one gets both bars with their percentages (issue 14)."""
    from matplotlib.figure import Figure

    from qsm_desktop.domain.training import CourseEffect
    from qsm_desktop.reports.training import draw_effect

    closed = CourseEffect("PX2007-022", "柜员持证培训", dt.date(2007, 10, 15), dt.date(2007, 10, 19), ("teller",),
                          4, 1, 3, 2, 66.67, 3, 0, 0.0, dt.date(2008, 4, 16), dt.date(2008, 4, 16), True)
    running = CourseEffect("PX2007-031", "理财持证培训", dt.date(2007, 12, 3), dt.date(2007, 12, 7), ("retail_sales",),
                           5, 0, 5, 1, None, 4, 0, None, dt.date(2008, 6, 4), dt.date(2008, 1, 31), False)
    figure = Figure()
    draw_effect(figure, [closed, running], language="zh")
    ax = figure.axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert texts.count("66.7%") == 1 and texts.count("0.0%") == 1
    assert any("2008-06-04" in t and "观察期" in t for t in texts)
    heights = [round(p.get_height(), 2) for p in ax.patches]
    assert sorted(heights) == [0.0, 0.0, 0.0, 66.67]  # the running course's bars stay at zero, unlabelled
