"""Certification rates from the sample returns, through the `qsm` contract (DESIGN §3.2, §7).

Imports run through ``qsm import`` in-process, rates come from ``qsm cert-rate --json``; both are
checked against ``tests/samples/expected.json`` on SQLite and (when configured) PostgreSQL.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from qsm_desktop import cli
from qsm_desktop.store import db
from qsm_desktop.store.models import Base

EXPECTED = json.loads((Path(__file__).resolve().parents[1] / "samples" / "expected.json").read_text("utf-8"))
CLEAN = sorted(k for k in EXPECTED["files"] if k.startswith("certification_"))
MESSY = sorted(k for k in EXPECTED["files"] if k.startswith("messy/"))


SAMPLE_DEFECTS = {
    # expected.json lists 持证上岗情况!D17 as an "empty 工号", but the file holds 0016347 there, exactly as
    # the clean 310000 return does: the sample generator's mutation never reached the file. The five
    # mutations that did (F7, D13, J13/K13, J23) are all reported. test_sample_defect_is_real keeps
    # this exception honest: it fails as soon as the sample is corrected.
    "broken/certification_bad_rows.xlsx": {"持证上岗情况!D17": "0016347"},
}


def test_sample_defect_is_real(samples_dir):
    from python_calamine import CalamineWorkbook

    for name, cells in SAMPLE_DEFECTS.items():
        workbook = CalamineWorkbook.from_path(str(samples_dir / name))
        for ref, value in cells.items():
            sheet, cell = ref.split("!")
            rows = workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
            row, col = int(cell[1:]) - 1, ord(cell[0]) - ord("A")
            assert rows[row][col] == value


def run(capsys, *args: str) -> tuple[int, str, str]:
    """Run ``qsm`` in-process; returns (exit status, stdout, stderr)."""
    capsys.readouterr()
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def cert_rate(capsys, url: str, unit: str, as_of: str = "2007-12-31") -> dict:
    code, out, err = run(capsys, "--db", url, "cert-rate", "--as-of", as_of, "--unit", unit, "--json")
    assert code == 0, err
    return json.loads(out)


def assert_rates(actual: dict, expected: dict) -> None:
    for category, figures in expected.items():
        got = actual["all"] if category == "all" else actual["categories"][category]
        assert (got["members"], got["certified"]) == (figures["members"], figures["certified"]), category
        assert got["rate"] == pytest.approx(figures["rate"], abs=0.005), category


def row_counts(url: str) -> dict[str, int]:
    engine = db.make_engine(url)
    try:
        with engine.connect() as conn:
            return {name: conn.execute(select(func.count()).select_from(table)).scalar() for name, table in Base.metadata.tables.items()}
    finally:
        engine.dispose()


@pytest.fixture
def bank_url(db_url, samples_dir, capsys) -> str:
    """A database with the org list and the ten clean certification returns imported."""
    code, _, err = run(capsys, "--db", db_url, "import", str(samples_dir / "org_units.xlsx"))
    assert code == 0, err
    code, out, err = run(capsys, "--db", db_url, "import", "--json", *(str(samples_dir / f) for f in CLEAN))
    assert code == 0, err + out
    return db_url


def test_clean_returns_give_expected_rates_for_every_branch_and_the_bank(bank_url, capsys):
    for name in CLEAN:
        spec = EXPECTED["files"][name]
        assert_rates(cert_rate(capsys, bank_url, spec["org"]), spec["rates"])
    bank = cert_rate(capsys, bank_url, "000000")
    assert_rates(bank, EXPECTED["bank_cert_rates"])
    assert bank["categories"]["teller"]["target"] == 80 and bank["categories"]["retail_sales"]["target"] == 40
    for code, rate in EXPECTED["branch_cert_rate_all"].items():
        assert cert_rate(capsys, bank_url, code)["all"]["rate"] == pytest.approx(rate, abs=0.005)


def test_reimport_is_unchanged_and_writes_nothing(bank_url, samples_dir, capsys):
    before = row_counts(bank_url)
    code, out, err = run(capsys, "--db", bank_url, "import", "--json", *(str(samples_dir / f) for f in CLEAN))
    assert code == 0, err
    assert {f["status"] for f in json.loads(out)["files"]} == {"unchanged"}
    assert row_counts(bank_url) == before


def test_rates_depend_on_the_date(bank_url, capsys):
    """Before the period nobody had yet been issued the later certificates; 2009 targets apply in 2009."""
    early = cert_rate(capsys, bank_url, "000000", "2005-01-01")
    late = cert_rate(capsys, bank_url, "000000", "2009-06-30")
    assert early["all"]["certified"] < EXPECTED["bank_cert_rates"]["all"]["certified"]
    assert late["categories"]["teller"]["target"] == 95


@pytest.mark.parametrize("name", MESSY)
def test_each_messy_return_alone_gives_its_branch_rates(name, sqlite_url, samples_dir, capsys):
    assert run(capsys, "--db", sqlite_url, "import", str(samples_dir / "org_units.xlsx"))[0] == 0
    code, out, err = run(capsys, "--db", sqlite_url, "import", "--json", str(samples_dir / name))
    assert code == 0, err + out
    spec = EXPECTED["files"][name]
    assert_rates(cert_rate(capsys, sqlite_url, spec["org"]), spec["rates"])


@pytest.mark.parametrize("name", ["broken/certification_bad_rows.xlsx", "broken/empty.xlsx", "broken/not_really_excel.xlsx"])
def test_broken_files_are_refused_whole(name, db_url, samples_dir, capsys):
    assert run(capsys, "--db", db_url, "import", str(samples_dir / "org_units.xlsx"))[0] == 0
    before = row_counts(db_url)
    code, out, err = run(capsys, "--db", db_url, "import", "--json", str(samples_dir / name))
    assert code == 1
    assert "Traceback" not in out + err
    report = json.loads(out)["files"][0]
    assert report["status"] == "refused" and report["problems"]
    spec = EXPECTED["files"][name]
    cells = {f"{p['sheet']}!{p['cell']}" for p in report["problems"]}
    expected_cells = set(spec.get("problem_cells", [])) - set(SAMPLE_DEFECTS.get(name, {}))
    assert expected_cells <= cells
    assert len(report["problems"]) >= spec.get("problems_at_least", 1)
    assert row_counts(db_url) == before


def test_unknown_unit_is_a_clear_refusal(bank_url, capsys):
    code, out, err = run(capsys, "--db", bank_url, "cert-rate", "--as-of", "2007-12-31", "--unit", "999999")
    assert code == 1 and "999999" in err and "Traceback" not in err
