"""Options many commands share (a new user's trial: the same mistake gave exit 2 in ``qsm import`` and
exit 1 elsewhere): a malformed ``--period``, ``--unit`` or ``--org`` is a usage error of any command
(DESIGN §7: exit 2, one sentence naming the option, the value and the form, nothing changed); a
well-formed code of a unit that does not exist stays the command's refusal (exit 1)."""

from __future__ import annotations

import pytest

from qsm_desktop.cli import main


def _db(sqlite_url: str) -> str:
    return sqlite_url.removeprefix("sqlite:///")


@pytest.mark.parametrize("args, option, value", [
    (["evaluate", "--period", "2007Q5"], "--period", "2007Q5"),
    (["monitoring", "scores", "--period", "2007-4"], "--period", "2007-4"),
    (["report", "monitoring", "--period", "Q4", "-o", "m.pdf"], "--period", "Q4"),
    (["template", "certification", "--org", "12345", "--period", "2007Q4", "-o", "t.xlsx"], "--org", "12345"),
    (["cert-rate", "--as-of", "2007-12-31", "--unit", "11000A"], "--unit", "11000A"),
    (["complaints", "stats", "--period", "2007Q4", "--unit", "1"], "--unit", "1"),
])
def test_a_malformed_shared_option_is_a_usage_error_of_any_command(args, option, value, sqlite_url, tmp_path,
                                                                    monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["--db", _db(sqlite_url), "--lang", "en", *args]) == 2
    err = capsys.readouterr().err
    assert f"{option} '{value}'" in err and "Nothing was changed." in err and "Traceback" not in err
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.xlsx"))


def test_well_formed_values_in_other_forms_are_taken_and_an_unknown_unit_is_refused(sqlite_url, samples_dir,
                                                                                    tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    db = _db(sqlite_url)
    assert main(["--db", db, "import", str(samples_dir / "org_units.xlsx"),
                 str(samples_dir / "certification_110000_2007Q4.xlsx")]) == 0
    capsys.readouterr()
    # full-width digits and the Chinese form of a period are folded to 110000 and 2007Q4
    assert main(["--db", db, "cert-rate", "--as-of", "2007-12-31", "--unit", "１１００００", "--json"]) == 0
    assert '"unit": "110000"' in capsys.readouterr().out
    assert main(["--db", db, "template", "certification", "--org", "110000", "--period", "2007年第4季度",
                 "-o", "t.xlsx"]) == 0
    assert (tmp_path / "t.xlsx").exists()
    capsys.readouterr()
    assert main(["--db", db, "cert-rate", "--as-of", "2007-12-31", "--unit", "999999"]) == 1  # no such unit: refused
    assert "999999" in capsys.readouterr().err
