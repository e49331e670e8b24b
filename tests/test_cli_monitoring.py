"""``qsm monitoring|capa|complaints`` exactly as DESIGN §7 shapes them (issue 13): the JSON documents,
provisional figures saying so, refusals as exit status 1 with a sentence, usage errors as 2."""

from __future__ import annotations

import json

import pytest

from qsm_desktop.cli import main


def _json(capsys, *args) -> dict:
    code = main(list(args))
    out = capsys.readouterr()
    assert code == 0, out.err
    return json.loads(out.out)


@pytest.fixture
def db(sqlite_url, samples_dir, capsys):
    files = [samples_dir / "org_units.xlsx", *sorted(samples_dir.glob("certification_*_2007Q4.xlsx")),
             *sorted((samples_dir / "monitoring").glob("mystery_*.xlsx")),
             *sorted((samples_dir / "complaints").glob("complaints_*.xlsx"))]
    assert main(["--db", sqlite_url, "import", *map(str, files)]) == 0
    capsys.readouterr()
    return sqlite_url


def test_monitoring_commands(db, samples_dir, capsys):
    expected = json.loads((samples_dir / "monitoring" / "expected.json").read_text(encoding="utf-8"))
    doc = _json(capsys, "--db", db, "monitoring", "scores", "--period", "2007Q3", "--json")
    assert doc["period"] == "2007Q3" and doc["final"] is False
    assert doc["units"][0] == {"code": "000000", "name": "交通银行总行", "type": "总行", "visits": 61,
                               "score": expected["quarters"]["2007Q3"]["scores"]["bank"]}
    assert set(doc["units"][1]) == {"code", "name", "type", "visits", "score"}
    assert main(["--db", db, "monitoring", "finalise", "--period", "2007Q3"]) == 0
    assert "已定稿" in capsys.readouterr().out
    doc = _json(capsys, "--db", db, "monitoring", "scores", "--period", "2007Q3", "--unit", "110000", "--json")
    assert doc["final"] is True and [u["code"] for u in doc["units"]][0] == "110000"
    assert all(u["code"].startswith("11") for u in doc["units"])

    assert main(["--db", db, "import", *map(str, sorted((samples_dir / "monitoring").glob("appeals_*.xlsx")))]) == 0
    capsys.readouterr()
    doc = _json(capsys, "--db", db, "monitoring", "appeals", "--period", "2007Q4", "--json")
    assert doc["final"] is False and len(doc["appeals"]) == 9 and {a["status"] for a in doc["appeals"]} == {"open"}
    assert main(["--db", db, "monitoring", "finalise", "--period", "2007Q4"]) == 1
    assert "未裁决" in capsys.readouterr().err
    assert main(["--db", db, "monitoring", "decide", "MS2007Q4-33-005", "DT-01", "--reject"]) == 1
    assert "理由" in capsys.readouterr().err
    for a in expected["appeals"]:
        if a["decision"] == "uphold":
            args = ["--uphold", "--score", str(a["score"])]
        else:
            args = ["--reject", "--reason", "录像显示确有扣分情形"]
        assert main(["--db", db, "monitoring", "decide", a["visit"], a["item"], *args]) == 0, capsys.readouterr().err
    capsys.readouterr()
    doc = _json(capsys, "--db", db, "monitoring", "scores", "--period", "2007Q4", "--json")
    assert doc["final"] is False and doc["units"][0]["score"] == expected["quarters"]["2007Q4"]["final_scores"]["bank"]
    doc = _json(capsys, "--db", db, "monitoring", "finalise", "--period", "2007Q4", "--json")
    assert doc["final"] is True and doc["actions"]
    doc = _json(capsys, "--db", db, "monitoring", "scores", "--period", "2007Q4", "--json")
    assert doc["final"] is True

    doc = _json(capsys, "--db", db, "capa", "list", "--period", "2007Q4", "--unit", "510000", "--json")
    first = doc["actions"][0]
    assert set(first) == {"number", "source", "type", "reason", "org", "item", "visit", "period", "due", "status",
                          "completed", "verified"}
    assert first["type"] in ("corrective", "preventive")
    assert {a["reason"] for a in doc["actions"]} <= {"critical", "repeat", "systemic", "complaint_repeat"}
    number = first["number"]
    assert main(["--db", db, "capa", "verify", number, "--effective", "--date", "2008-02-01"]) == 1
    assert "待验证" in capsys.readouterr().err
    doc = _json(capsys, "--db", db, "capa", "status", "--as-of", "2008-03-31", "--json")
    assert doc["as_of"] == "2008-03-31" and doc["units"][0]["code"] == "000000"
    assert set(doc["units"][0]) == {"code", "name", "due", "on_time", "overdue", "open", "on_time_rate"}
    assert doc["units"][0]["on_time_rate"] == 0.0
    assert main(["--db", db, "capa", "status", "--as-of", "2008-03-31", "--unit", "510000"]) == 0
    assert "510000" in capsys.readouterr().out


def test_complaint_stats(db, samples_dir, capsys):
    expected = json.loads((samples_dir / "complaints" / "expected.json").read_text(encoding="utf-8"))
    doc = _json(capsys, "--db", db, "complaints", "stats", "--period", "2007Q4", "--as-of", "2008-01-15", "--json")
    assert (doc["period"], doc["as_of"]) == ("2007Q4", "2008-01-15")
    units = {u["code"]: {k: v for k, v in u.items() if k not in ("code", "name")} for u in doc["units"]}
    for code, wanted in {**expected["branches"], **expected["departments"]}.items():
        assert units[code] == wanted, code
    assert main(["--db", db, "complaints", "stats", "--period", "2007Q4", "--as-of", "2008-01-15", "--unit",
                 "120000"]) == 0
    out = capsys.readouterr().out
    assert "120000" in out and "71.43" in out


def test_usage_and_bad_input(sqlite_url, capsys):
    assert main(["monitoring", "decide", "V1", "GM-01", "--db", sqlite_url]) == 2  # neither --uphold nor --reject
    assert "Traceback" not in capsys.readouterr().err
    assert main(["--db", sqlite_url, "monitoring", "scores", "--period", "2007"]) == 1
    assert "季度" in capsys.readouterr().err
    assert main(["monitoring", "scores", "--period", "2007Q4", "--db", sqlite_url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"period": "2007Q4", "final": False, "units": []}
    assert main(["--db", sqlite_url, "capa", "verify", "ZG2007-9999", "--effective"]) == 1
    assert "ZG2007-9999" in capsys.readouterr().err
