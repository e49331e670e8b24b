"""Complaint registers against real databases, checked against tests/samples/complaints/expected.json
(DESIGN §9): the §9.2 figures as of 2008-01-15 per branch subtree (客户投诉) and per head-office
department (内部投诉), the repeat complaints' preventive actions when the quarter is finalised, a
case keeping the deadline class it was filed under, and the broken register refused whole."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import openpyxl
import pytest
from sqlalchemy import func, select

from qsm_desktop.store.models import ImportBatch
from qsm_desktop.store.models.complaints import Complaint, DeadlineClassRecord

AS_OF = dt.date(2008, 1, 15)
FIGURES = ("received", "valid", "regulator", "closed", "on_time", "overdue", "pending", "on_time_rate")


@pytest.fixture(scope="module")
def expected(samples_dir) -> dict:
    return json.loads((samples_dir / "complaints" / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def registers(services, actor, samples_dir, expected):
    files = [samples_dir / "org_units.xlsx", *sorted((samples_dir / "complaints").glob("complaints_*.xlsx"))]
    results = services.imports.import_files(files, actor)
    assert [r.status for r in results] == ["imported"] * len(files), [[str(p) for p in r.problems] for r in results]
    assert {r.file: r.rows for r in results[1:]} == {n: f["rows"] for n, f in expected["files"].items()
                                                     if not f.get("refused")}
    return services


def test_figures_per_branch_and_department_as_of_a_date(registers, actor, expected):
    stats = registers.complaints.stats(actor, expected["period"], AS_OF)
    assert stats.to_json()["as_of"] == expected["as_of"]
    for code, wanted in {**expected["branches"], **expected["departments"]}.items():
        unit = stats.unit(code)
        assert unit is not None, code
        assert {k: unit.to_json()[k] for k in FIGURES} == wanted, code
    one = registers.complaints.stats(actor, "2007Q4", AS_OF, "110000")
    assert [u.code for u in one.units] == ["110000"]
    dept = registers.complaints.stats(actor, "2007Q4", AS_OF, "000103")
    assert dept.units[0].figures.received == expected["departments"]["000103"]["received"]
    assert set(stats.to_json()["units"][0]) == {"code", "name", *FIGURES}


def test_repeat_complaints_raise_preventive_actions_when_the_quarter_is_finalised(registers, actor, expected):
    result = registers.monitoring.finalise(actor, "2007Q4")
    repeats = {b: c.get("complaint_repeat", 0) for b, c in result.findings.items()}
    for branch, count in expected["repeats"].items():
        assert repeats.get(branch, 0) == count, branch
    actions = [a for a in registers.capa.list(actor, period="2007Q4") if a.reason == "complaint_repeat"]
    assert len(actions) == sum(expected["repeats"].values())
    for a in actions:
        assert a.source == "complaint" and a.type == "preventive" and a.due == dt.date(2008, 2, 29)
        assert len(a.complaints) >= 3 and a.org != a.branch  # an outlet's action


def test_a_register_arriving_after_its_quarter_is_finalised_raises_its_repeat_actions(services, actor, samples_dir,
                                                                                      expected, tmp_path):
    """The CLI order of DESIGN §7 finalises 2007Q4 (mystery visits) before the registers come in:
    their repeat complaints still get their preventive actions (§9.3), once each."""
    files = sorted((samples_dir / "complaints").glob("complaints_*.xlsx"))
    # the quarter's visits (the rosters first: 柜员工号 are staff members), no appeals, finalised
    first = [samples_dir / "org_units.xlsx", *sorted(samples_dir.glob("certification_*_2007Q4.xlsx")),
             *sorted((samples_dir / "monitoring").glob("mystery_*_2007Q4.xlsx"))]
    results = services.imports.import_files(first, actor)
    assert {r.status for r in results} == {"imported"}
    services.monitoring.finalise(actor, "2007Q4")
    raised = services.capa.list(actor, period="2007Q4")
    assert raised and not [a for a in raised if a.reason == "complaint_repeat"]
    results = services.imports.import_files(files, actor)
    assert [r.status for r in results] == ["imported"] * len(files)
    actions = [a for a in services.capa.list(actor, period="2007Q4") if a.reason == "complaint_repeat"]
    assert Counter(a.branch for a in actions) == +Counter(expected["repeats"])
    assert all(a.type == "preventive" and a.due == dt.date(2008, 2, 29) and len(a.complaints) >= 3 for a in actions)
    assert sorted(a.number for a in actions) == [f"ZG2007-{n:04d}" for n in range(len(raised) + 1,
                                                                                len(raised) + len(actions) + 1)]

    # a resubmission (one more note) raises nothing twice
    branch = next(b for b, n in expected["repeats"].items() if n)
    book = openpyxl.load_workbook(samples_dir / "complaints" / f"complaints_{branch}_2007Q4.xlsx")
    sheet = book["投诉登记"]
    sheet.cell(4, 15).value = f"{sheet.cell(4, 15).value or ''}（复核）"
    book.save(tmp_path / "again.xlsx")
    again = services.imports.import_file(actor, tmp_path / "again.xlsx")
    assert again.status == "imported", [str(p) for p in again.problems]
    assert len([a for a in services.capa.list(actor, period="2007Q4") if a.reason == "complaint_repeat"]) == len(actions)


def test_a_case_keeps_the_class_it_was_filed_under(registers, actor, expected):
    with registers.unit_of_work() as session:
        record = session.scalar(select(DeadlineClassRecord).where(DeadlineClassRecord.name == "一般"))
        record.days = 10  # the office shortens the class afterwards
    stats = registers.complaints.stats(actor, "2007Q4", AS_OF, "110000")
    wanted = expected["branches"]["110000"]
    assert {k: stats.units[0].to_json()[k] for k in FIGURES} == wanted
    with registers.read() as session:
        assert set(session.scalars(select(Complaint.class_days).where(Complaint.class_name == "一般"))) == {15}


def test_a_resubmission_supersedes_the_branchs_register(registers, actor, samples_dir, tmp_path):
    source = samples_dir / "complaints" / "complaints_110000_2007Q4.xlsx"
    book = openpyxl.load_workbook(source)
    sheet = book["投诉登记"]
    sheet.cell(10, 13).value = dt.datetime(2007, 12, 20)  # TS0700007 was closed in time after all
    sheet.cell(10, 14).value = "已办结"
    file = tmp_path / "complaints_110000_2007Q4_v2.xlsx"
    book.save(file)
    result = registers.imports.import_file(actor, file)
    assert result.status == "imported" and result.supersedes is not None
    assert [(c.entity, c.action, c.key) for c in result.preview] == [("complaint", "changed", "TS0700007")]
    figures = registers.complaints.stats(actor, "2007Q4", AS_OF, "110000").units[0].figures
    assert (figures.closed, figures.on_time, figures.overdue) == (10, 8, 3)
    with registers.read() as session:
        assert session.scalar(select(func.count()).select_from(Complaint)) == 117


def test_broken_register_is_refused_whole(services, actor, samples_dir, expected):
    services.imports.import_files([samples_dir / "org_units.xlsx"], actor)
    wanted = expected["files"]["broken/complaints_bad_rows.xlsx"]
    result = services.imports.import_file(actor, samples_dir / "complaints" / "broken" / "complaints_bad_rows.xlsx")
    assert result.status == "refused" and result.org == wanted["org"]
    assert len(result.problems) >= wanted["problems_at_least"]
    rows = Counter(int("".join(ch for ch in p.cell if ch.isdigit())) for p in result.problems if p.cell)
    for group in wanted["problem_rows"]:
        assert set(rows) & set(group), (group, [str(p) for p in result.problems])
    with services.read() as session:
        assert session.scalar(select(func.count()).select_from(Complaint)) == 0
        assert session.scalar(select(func.count()).select_from(ImportBatch).where(ImportBatch.kind == "complaints")) == 0
    english = services.imports.import_file(actor, samples_dir / "complaints" / "broken" / "complaints_bad_rows.xlsx",
                                           language="en")
    assert any("not a valid 投诉原因" in p.message for p in english.problems)


def test_deadline_classes_are_editable_data(services, actor, samples_dir):
    from qsm_desktop.domain.complaints import DeadlineClass
    from qsm_desktop.domain.errors import ConflictError, InputRefused, PermissionDenied
    from qsm_desktop.services.context import Actor, Role

    services.imports.import_files([samples_dir / "org_units.xlsx"], actor)
    version = services.complaints.save_deadline_class(actor, DeadlineClass("重大", "客户投诉", 45, True))
    rules = services.complaints.rules(actor)
    assert rules.deadline_class("重大").days == 45 and [c.name for c in rules.classes_for("客户投诉")][-1] == "重大"
    services.complaints.save_deadline_class(actor, DeadlineClass("重大", "客户投诉", 40, True), expected_version=version)
    assert services.complaints.rules(actor).deadline_class("重大").days == 40
    with pytest.raises(ConflictError):
        services.complaints.save_deadline_class(actor, DeadlineClass("重大", "客户投诉", 30), expected_version=version)
    with pytest.raises(InputRefused):
        services.complaints.save_deadline_class(actor, DeadlineClass("零天", "客户投诉", 0))
    with pytest.raises(PermissionDenied):
        services.complaints.save_deadline_class(Actor("bj", Role.BRANCH_SECRETARY, "110000"),
                                                DeadlineClass("一般", "客户投诉", 7))
