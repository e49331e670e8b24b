"""Issue 14: an application's declared figures (在岗员工数, 持证上岗人数, 年度有效投诉件数,
神秘访客平均得分) are checked against the registers — the staff and certificates register on the
application's date, the complaint register of the year, the finalised mystery-visit scores — and a
difference is flagged on the application and on the ranking, both figures shown, the declared
ones never replaced. Real returns (the samples of branch 110000) in a real database."""

from __future__ import annotations

import datetime as dt

import pytest

from qsm_desktop.cli import main
from qsm_desktop.domain.showcase import RegisterFigures, check_declarations, differences_text
from qsm_desktop.services.imports import import_files

YEAR = 2007
DEC31 = dt.date(YEAR, 12, 31)


@pytest.fixture
def registers(services, actor, samples_dir):
    """Branch 110000's org list, staff register, complaint register and mystery visits of 2007
    (the two quarters finalised)."""
    files = [samples_dir / "org_units.xlsx", samples_dir / "certification_110000_2007Q4.xlsx",
             samples_dir / "complaints" / "complaints_110000_2007Q4.xlsx",
             samples_dir / "monitoring" / "mystery_110000_2007Q3.xlsx",
             samples_dir / "monitoring" / "mystery_110000_2007Q4.xlsx"]
    results = import_files(services, actor, files)
    assert all(r.status == "imported" for r in results), [(r.path, r.status, r.problems[:2]) for r in results]
    for period in ("2007Q3", "2007Q4"):
        services.monitoring.finalise(actor, period)
    return services


def _outlet(services, actor) -> str:
    """An outlet of 110000 with staff, valid complaints and a finalised mystery-visit score."""
    stats = services.complaints.stats(actor, "2007Q4", DEC31)
    scores = services.monitoring.scores(actor, "2007Q4")
    for unit in sorted(scores.units, key=lambda u: u.code):
        if unit.type not in ("网点", "支行") or not unit.code.startswith("11"):
            continue
        valid = services.complaints.stats(actor, "2007Q4", DEC31, unit.code).units[0].figures.valid
        if valid and services.certification.rates(actor, DEC31, unit.code).all.members:
            return unit.code
    raise AssertionError(f"no outlet with staff, complaints and visits in the samples ({stats.period})")


def test_declarations_differing_from_the_registers_are_flagged_on_the_application_and_the_ranking(
        registers, actor, db_url, capsys):
    services = registers
    code = _outlet(services, actor)
    staff = services.certification.rates(actor, DEC31, code).all
    complaints = sum(services.complaints.stats(actor, q, DEC31, code).units[0].figures.valid
                     for q in ("2007Q3", "2007Q4"))
    visits = [services.monitoring.scores(actor, q, code).unit(code) for q in ("2007Q3", "2007Q4")]
    visits = [v for v in visits if v is not None and v.score is not None]
    score = sum(v.score * v.visits for v in visits) / sum(v.visits for v in visits)
    declared = {"网点负责人": "王芳", "在岗员工数": staff.members + 3, "持证上岗人数": staff.members + 1,
                "年度有效投诉件数": 0, "神秘访客平均得分": round(score, 1)}
    app = services.showcase.create_application(actor, YEAR, "总行级", code, form=declared)

    info = services.showcase.application(actor, app.id)
    checks = {c.field: c for c in info.declarations}
    assert info.form == declared  # nothing replaced
    assert (checks["staff"].declared, checks["staff"].register) == (staff.members + 3, staff.members)
    assert (checks["certified"].declared, checks["certified"].register) == (staff.members + 1, staff.certified)
    assert checks["staff"].differs and checks["certified"].differs
    assert (checks["complaints"].declared, checks["complaints"].register, checks["complaints"].differs) == (
        0, complaints, True)
    assert checks["mystery_score"].register == pytest.approx(score) and not checks["mystery_score"].differs
    assert info.declarations_differ
    text = differences_text(info.declarations, "zh")
    assert text[0] == (f"持证上岗：申报 {staff.members + 1}/{staff.members + 3}"
                       f"（{100 * (staff.members + 1) / (staff.members + 3):.0f}%），"
                       f"登记簿 {staff.certified}/{staff.members}（{100 * staff.certified / staff.members:.0f}%）")
    assert text[1] == f"年度有效投诉件数：申报 0，登记簿 {complaints}"

    ranking = services.showcase.rank(actor, YEAR, "总行级")
    entry = next(e for e in ranking.entries if e.org == code)
    assert entry.declarations_differ and entry.declarations == info.declarations
    doc = next(a for a in ranking.to_json()["applications"] if a["org"] == code)
    assert {d["field"]: (d["declared"], d["register"], d["differs"]) for d in doc["declarations"]} == {
        "staff": (staff.members + 3, staff.members, True), "certified": (staff.members + 1, staff.certified, True),
        "complaints": (0, complaints, True), "mystery_score": (round(score, 1), round(score, 2), False)}
    # the CLI's table marks the entry ≠ and says why
    assert main(["--db", db_url, "showcase", "rank", "--year", str(YEAR), "--level", "总行级"]) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if code in line and "：" not in line)
    assert row.rstrip().endswith("≠")
    assert f"  {code} {info.outlet_name}：{'；'.join(text)}" in out.splitlines()


def test_an_application_matching_its_registers_is_not_flagged(registers, actor):
    services = registers
    code = _outlet(services, actor)
    staff = services.certification.rates(actor, DEC31, code).all
    app = services.showcase.create_application(actor, YEAR, "分行级", code,
                                               form={"在岗员工数": staff.members, "持证上岗人数": staff.certified})
    info = services.showcase.application(actor, app.id)
    assert not info.declarations_differ
    assert [c.field for c in info.declarations if c.declared is None] == ["complaints", "mystery_score"]


def test_a_register_with_nothing_checks_nothing():
    """A register that holds nothing (no staff on the roster, no complaint register, no finalised
    visit) flags nothing: the declared figure stands alone."""
    checks = check_declarations({"在岗员工数": 12, "持证上岗人数": 10, "年度有效投诉件数": 0, "神秘访客平均得分": 90.5},
                                RegisterFigures(DEC31))
    assert not any(c.differs for c in checks) and all(c.register is None for c in checks)
    checks = check_declarations({"在岗员工数": 12, "持证上岗人数": 10, "神秘访客平均得分": "90.5"},
                                RegisterFigures(DEC31, 9, 4, 0, 90.46))
    assert [c.differs for c in checks] == [True, True, False, False]
    assert differences_text(checks, "en") == ["Certified: declared 10/12 (83%), register 4/9 (44%)"]
