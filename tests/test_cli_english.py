"""``qsm --lang en`` speaks English (issue 14, deliverable 1): every text command over the sample
returns prints no Chinese but data — names of people and org units — and the monitoring report
says to which date its complaint and action figures are counted.

Reference data (grades, unit types, statuses, showcase levels, checklist modules, the indicator
system's name) is shown by its English name (``domain.names``); JSON documents keep the stored keys
(DESIGN §7) and are not checked here.
"""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import create_engine, text

from qsm_desktop.cli import main
from qsm_desktop.domain.i18n import get_language, set_language

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
"""Chinese characters, CJK punctuation and full-width forms."""

DATA = {"org_units": "name", "staff": "name", "showcase_reviewers": "name", "showcase_applications": "unit_name"}
"""Table → column of the data a reader may see in Chinese: people and org units."""


@pytest.fixture
def keep_language():
    """``main`` sets the process's message language; give the next test the one it had."""
    before = get_language()
    yield
    set_language(before)


@pytest.fixture
def samples_db(sqlite_url, samples_dir, capsys, keep_language):
    files = [samples_dir / "org_units.xlsx", *sorted(samples_dir.glob("certification_*_2007Q4.xlsx"))]
    for folder in ("training", "quarterly", "internal_service", "showcase", "monitoring", "complaints"):
        files += sorted((samples_dir / folder).glob("*.xlsx"))
    assert main(["--db", sqlite_url, "import", *map(str, files)]) == 0, capsys.readouterr().err
    capsys.readouterr()
    return sqlite_url


def _data_pattern(url: str) -> re.Pattern:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            values = {v for table, column in DATA.items()
                      for (v,) in conn.execute(text(f"SELECT DISTINCT {column} FROM {table}")) if v}
    finally:
        engine.dispose()
    return re.compile("|".join(re.escape(v) for v in sorted(values, key=len, reverse=True)))


def _run(capsys, db: str, *args: str) -> tuple[int, str]:
    code = main(["--lang", "en", "--db", db, *args])
    out = capsys.readouterr()
    return code, out.out + out.err


COMMANDS = [
    ("cert-rate", "--as-of", "2007-12-31"),
    ("training-coverage", "--year", "2007", "--unit", "310000"),
    ("evaluate", "--period", "2007Q4"),
    ("indicator-system", "list"),
    ("showcase", "rank", "--year", "2007", "--level", "总行级"),
    ("monitoring", "scores", "--period", "2007Q4", "--unit", "330000"),
    ("monitoring", "appeals", "--period", "2007Q4"),
    ("monitoring", "decide", "MS2007Q4-33-001", "GM-04", "--uphold", "--score", "15"),
    ("monitoring", "decide", "MS2007Q4-33-005", "DT-01", "--reject", "--reason", "the recording shows it"),
    ("monitoring", "finalise", "--period", "2007Q4"),
    ("monitoring", "finalise", "--period", "2007Q3"),
    ("capa", "list"),
    ("capa", "status", "--as-of", "2008-03-31"),
    ("complaints", "stats", "--period", "2007Q4", "--as-of", "2008-01-15"),
    ("audit", "--entity", "mystery_appeal"),
]


def test_english_commands_print_no_chinese_but_data(samples_db, samples_dir, capsys):
    data = _data_pattern(samples_db)
    leftovers = {}
    outputs = {}
    for args in COMMANDS:
        code, output = _run(capsys, samples_db, *args)
        outputs[args] = output
        rest = [line for line in data.sub("", output).splitlines() if HAN.search(line)]
        if rest:
            leftovers[" ".join(args)] = rest[:3]
    assert not leftovers, json.dumps(leftovers, ensure_ascii=False, indent=1)
    # the reference data came out in English, not merely without Chinese
    assert "Needs improvement" in outputs[COMMANDS[2]] and "[Branch]" in outputs[COMMANDS[2]]
    assert "Head-office showcase ranking" in outputs[COMMANDS[4]]
    assert "Outlet" in outputs[COMMANDS[5]] and "undecided" in outputs[COMMANDS[6]]
    assert "to be corrected" in outputs[("capa", "list")]
    # an import problem names the checklist module and edition in English, its cell value as written
    broken = sorted((samples_dir / "monitoring" / "broken").glob("*.xlsx"))
    code, output = _run(capsys, samples_db, "import", *map(str, broken))
    assert code == 1
    assert "lacks items of the Lobby service checklist: DT-01" in output
    assert "(Window service checklist (2007 edition)); use one of: DT-01, DT-02" in output
    assert "大堂综合服务" not in output


def test_english_help_has_no_chinese_glosses(capsys, keep_language):
    for args in ([], ["monitoring", "decide"], ["user", "add"], ["report", "monitoring"]):
        assert main(["--lang", "en", *args, "--help"]) == 0
        out = capsys.readouterr().out
        assert "usage: qsm" in out and not HAN.search(out), out
    assert main(["--lang", "zh", "--help"]) == 0
    assert "服务质量管理办公室" in capsys.readouterr().out  # the Chinese help keeps them


def test_text_tables_line_up_in_display_columns():
    from qsm_desktop.cli import table_lines
    lines = table_lines(["Code", "Name", "Score"], [("110000", "交通银行北京市分行", "89.31"), ("110101", "网点", "-")])
    # Chinese counts two columns: every line's Score column ends at the same terminal column
    widths = [sum(2 if HAN.match(ch) else 1 for ch in line) for line in lines]
    assert widths[0] == widths[1] and widths[0] > widths[2] - 1
    assert lines[0].startswith("Code    Name") and lines[2].endswith("  -")


def test_monitoring_report_states_its_as_of_date(samples_db, tmp_path, capsys):
    from pypdf import PdfReader

    out = tmp_path / "monitoring.pdf"
    assert _run(capsys, samples_db, "monitoring", "finalise", "--period", "2007Q3")[0] == 0  # actions, some overdue
    code, output = _run(capsys, samples_db, "report", "monitoring", "--period", "2007Q4", "--as-of", "2008-01-31",
                        "-o", str(out))
    assert code == 0, output
    assert "no --as-of" not in output
    pages = [page.extract_text() for page in PdfReader(out).pages]
    assert all("as of 31 January 2008" in page for page in pages)
    assert "days late counted to 31 January 2008" in "".join(pages).replace("\n", " ")

    # no --as-of for a quarter long over: counted to its last day, not to today (which made every
    # open action of 2007 thousands of days late), and stderr says so
    code, output = _run(capsys, samples_db, "report", "monitoring", "--period", "2007Q4", "-o", str(out))
    assert code == 0
    assert "counted to the quarter's last day, 2007-12-31" in output
    assert all("as of 31 December 2007" in page.extract_text() for page in PdfReader(out).pages)


def test_saving_an_indicator_system_shows_its_english_names_at_once(sqlite_services, keep_language):
    import dataclasses

    from qsm_desktop.domain.names import shown
    from qsm_desktop.services.context import Actor, Role
    from qsm_desktop.store.indicator_systems import default_system

    admin = Actor("root", Role.ADMIN, None)
    system = default_system()
    grades = tuple(dataclasses.replace(g, name_en="Must improve") if g.name == "待改进" else g for g in system.grades)
    edited = dataclasses.replace(system, version="2007版-2", grades=grades)
    assert shown("待改进", language="en") == "Needs improvement"
    sqlite_services.evaluation.save_system(admin, edited)
    assert shown("待改进", language="en") == "Must improve"


def test_import_lines_name_the_return_kind_as_the_office_does(sqlite_url, samples_dir, capsys, keep_language):
    """The text line of an imported file names its kind by its title in the reader's language
    (持证上岗情况表 / Certification return), not by the program's key ``certification``."""
    org, cert = samples_dir / "org_units.xlsx", samples_dir / "certification_110000_2007Q4.xlsx"
    assert main(["--lang", "zh", "--db", sqlite_url, "import", str(org), str(cert)]) == 0
    out = capsys.readouterr().out
    assert "（持证上岗情况表 110000 2007Q4，" in out and "certification 110000" not in out
    other = samples_dir / "certification_120000_2007Q4.xlsx"
    assert main(["--lang", "en", "--db", sqlite_url, "import", str(other)]) == 0
    out = capsys.readouterr().out
    assert "(Certification return 120000 2007Q4, " in out and "certification 120000" not in out


def test_sentences_show_stored_words_in_english_and_say_what_to_do(samples_db, capsys):
    """Issue 14: the parameters of a sentence — a showcase level, an action's status — are shown in
    the sentence's language by ``msg`` itself, so English sentences carry no stored Chinese words;
    the refusals say what the reader can type or do."""
    data = _data_pattern(samples_db)

    def english(*args: str) -> tuple[int, str]:
        code, output = _run(capsys, samples_db, *args)
        rest = [line for line in data.sub("", output).splitlines() if HAN.search(line)]
        assert not rest, (args, rest)
        return code, output

    award = ("showcase", "award", "--year", "2007", "--level", "head-office", "--quota", "1")
    code, output = _run(capsys, samples_db, *award)
    assert code == 0, output
    number = re.search(r"交银服示〔2007〕总字第\d+号", output).group(0)  # the certificate number (data)
    code, output = english(*award)
    assert code == 1 and "The 2007 Head-office award cycle was already decided on 2007-12-31" in output
    code, output = _run(capsys, samples_db, "certificates", "verify", number)
    assert code == 0 and ", 2007 Head-office showcase title, awarded 2007-12-31." in output
    assert not HAN.search(data.sub("", output.replace(number, ""))), output
    code, output = english("showcase", "rank", "--year", "2007", "--level", "foo")
    assert code == 1 and "unknown award level 'foo'; use branch, head-office or national" in output

    # an action not yet reported on: its English status, and how it gets to awaiting verification
    assert _run(capsys, samples_db, "monitoring", "finalise", "--period", "2007Q3")[0] == 0
    code, output = english("capa", "verify", "ZG2007-0001", "--effective")
    assert code == 1 and "action ZG2007-0001 is to be corrected; only actions awaiting verification" in output
    assert "capa_feedback" in output and "qsm template capa_feedback --org 110000" in output
    assert main(["--lang", "zh", "--db", samples_db, "capa", "verify", "ZG2007-0001", "--effective"]) == 1
    output = capsys.readouterr().err
    assert "当前状态为待整改" in output and "整改反馈表（capa_feedback）" in output and "--org 110000" in output

    # the audit trail: a header and the entities and actions by name, in both languages (the stored
    # before/after stay as stored, JSON)
    code, output = _run(capsys, samples_db, "audit", "--entity", "showcase_decision")
    head, first = output.splitlines()[:2]
    assert head.split() == ["When", "Login", "Entity", "Action", "Key", "Before", "→", "after"]
    assert "  Award decision  awarded  " in first and "showcase_decision" not in output
    assert main(["--lang", "zh", "--db", samples_db, "audit", "--entity", "showcase_decision"]) == 0
    head, first = capsys.readouterr().out.splitlines()[:2]
    assert head.split()[:5] == ["时间", "登录名", "对象", "操作", "键"] and "  授予决定  授予  " in first

    code, output = english("indicator-system", "list")
    assert "Created by" in output and "installed with the program" in output and " seed " not in output
