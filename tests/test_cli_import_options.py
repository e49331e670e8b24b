"""``qsm import``'s ``--org``/``--period`` and files that are not workbooks, as a user's trial met them.

``--org``/``--period`` apply to every file of the run: a value that cannot be read, or a unit the org
list does not have, is a usage error of the whole command (DESIGN §7: exit 2, one sentence naming
the option, the value and the form), checked before any file is read; nothing changes. A text file
given to ``qsm import`` is refused by a sentence that says what it is, that returns are read from
workbooks only, and what to do (it used to say "only its name ends in '.txt'", which is the truth
about a CSV renamed to .xlsx, not about a .txt).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from qsm_desktop.cli import main


def _qsm(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qsm_desktop.cli", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300, env={**os.environ})


def _batches(url: str) -> int:
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        return conn.execute("SELECT count(*) FROM import_batches").fetchone()[0]


@pytest.fixture
def bank(sqlite_url: str, samples_dir: Path, capsys) -> str:
    """A SQLite file holding the sample org list."""
    assert main(["--db", sqlite_url, "import", str(samples_dir / "org_units.xlsx")]) == 0
    capsys.readouterr()
    return sqlite_url


@pytest.mark.parametrize(("option", "value", "zh", "en"), [
    ("--period", "2007Q9", "--period“2007Q9”不是报告期：请写成 2007Q4", "--period '2007Q9' is not a reporting period: write it as 2007Q4"),
    ("--period", "2007-4", "--period“2007-4”不是报告期", "--period '2007-4' is not a reporting period"),
    ("--org", "11000", "--org“11000”不是机构代码：请写已有机构的 6 位代码", "--org '11000' is not an org code: give the 6-digit code"),
    ("--org", "999999", "--org“999999”：机构清单中没有这个机构代码", "--org '999999': the org list has no unit with this code"),
])
def test_a_bad_org_or_period_is_one_usage_error_of_the_whole_command(option, value, zh, en, bank, samples_dir, tmp_path):
    files = [str(samples_dir / "certification_110000_2007Q4.xlsx"), str(samples_dir / "certification_310000_2007Q4.xlsx")]
    before = _batches(bank)
    run = _qsm("--db", bank, "import", *files, option, value, cwd=tmp_path)
    assert run.returncode == 2, run.stdout + run.stderr
    assert run.stdout == ""  # no per-file report: the files were not looked at
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(zh), run.stderr
    assert "没有导入任何文件" in lines[0] and "Traceback" not in run.stderr
    run = _qsm("--lang", "en", "--db", bank, "import", *files, "--json", option, value, "--dry-run", cwd=tmp_path)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.strip().startswith(en) and run.stderr.strip().endswith("Nothing was imported."), run.stderr
    assert _batches(bank) == before  # nothing changed


def test_good_org_and_period_in_any_accepted_form_still_import(bank, samples_dir, capsys):
    assert main(["--db", bank, "import", str(samples_dir / "certification_110000_2007Q4.xlsx"),
                 "--org", "１１００００", "--period", "2007年第4季度", "--dry-run"]) == 0
    assert "预览（未写入）" in capsys.readouterr().out


def test_an_org_the_runs_own_org_list_creates_is_not_refused_up_front(sqlite_url, samples_dir, capsys):
    """``--org`` naming the unit the run's own org list brings (a new database, where no unit exists
    yet) is left to the import, which creates it."""
    assert main(["--db", sqlite_url, "import", str(samples_dir / "org_units.xlsx"), "--org", "000000"]) == 0
    assert "已导入" in capsys.readouterr().out


@pytest.mark.parametrize(("name", "content", "zh", "en"), [
    ("notes.txt", "报表说明\n请查收\n", "文件“notes.txt”是文本文件，不是Excel工作簿；报表只从工作簿文件（.xlsx、.xls 等）读取",
     "file 'notes.txt' is a text file, not an Excel workbook; returns are read only from workbook files (.xlsx, .xls"),
    ("staff.csv", "工号,姓名\n0012345,张三\n", "文件“staff.csv”是CSV文件（逗号分隔的文本），不是Excel工作簿",
     "file 'staff.csv' is a CSV file (comma-separated text), not an Excel workbook; returns are read only from"),
])
def test_a_text_file_is_told_what_it_is_and_what_to_do(name, content, zh, en, bank, tmp_path):
    file = tmp_path / name
    file.write_text(content, encoding="utf-8")
    run = _qsm("--db", bank, "import", str(file), cwd=tmp_path)
    assert run.returncode == 1, run.stdout + run.stderr
    assert zh in run.stdout and "另存为“Excel工作簿(*.xlsx)”后再导入" in run.stdout
    assert "只是扩展名" not in run.stdout  # the renamed-CSV sentence is not this file's
    run = _qsm("--lang", "en", "--db", bank, "import", str(file), cwd=tmp_path)
    assert run.returncode == 1
    assert en in run.stdout and "save it as an Excel workbook (*.xlsx) and import that" in run.stdout
    assert "only its name ends in" not in run.stdout


def test_a_text_file_named_as_a_workbook_is_still_called_renamed(samples_dir, bank, capsys):
    assert main(["--db", bank, "import", str(samples_dir / "broken" / "not_really_excel.xlsx")]) == 1
    assert "只是扩展名写成了“.xlsx”" in capsys.readouterr().out
