"""The CLI as a tired person types it (issue 11 §10): options after the sub-command, the kinds' Chinese
names, a report written to a folder or a non-PDF name, a mistyped path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qsm_desktop.cli import main


def test_db_and_lang_after_the_sub_command(samples_dir: Path, sqlite_url: str, capsys):
    from qsm_desktop import paths

    assert main(["import", str(samples_dir / "org_units.xlsx"), "--db", sqlite_url]) == 0
    assert main(["import", "--json", str(samples_dir / "certification_110000_2007Q4.xlsx"), f"--db={sqlite_url}"]) == 0
    capsys.readouterr()
    assert main(["cert-rate", "--as-of", "2007-12-31", "--unit", "110000", "--db", sqlite_url, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Certification rates 110000" in out and "members" in out
    assert not (paths.user_data_dir() / "qsm.db").exists()  # nothing went to the default database
    # given before and after: the one after the sub-command wins
    assert main(["--db", "sqlite:////nonexistent/dir/x.db", "cert-rate", "--as-of", "2007-12-31", "--db", sqlite_url,
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["all"]["members"] > 0


def test_nested_sub_commands_take_db_too(sqlite_url: str, capsys):
    assert main(["db", "upgrade", "--db", sqlite_url]) == 0
    assert "qsm.db" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["持证上岗情况表", "持证上岗情况", "certification", "Certification return", " 持证上岗情况表 "])
def test_template_takes_the_kinds_chinese_names(name, samples_dir: Path, sqlite_url: str, tmp_path: Path, capsys):
    assert main(["--db", sqlite_url, "import", str(samples_dir / "org_units.xlsx")]) == 0
    target = tmp_path / "t.xlsx"
    assert main(["template", name, "--org", "110000", "--period", "2008Q1", "-o", str(target), "--db", sqlite_url,
                 "--empty"]) == 0
    from qsm_desktop.excel.reader import read_workbook

    assert read_workbook(target).meta["kind"] == "certification"


def test_template_names_the_kinds_when_it_does_not_know_one(capsys):
    assert main(["template", "持证表", "--org", "110000", "--period", "2008Q1", "-o", "x.xlsx"]) == 2
    err = capsys.readouterr().err
    assert "持证表" in err and "certification（持证上岗情况表）" in err and "training（培训情况表）" in err
    assert "Traceback" not in err


def test_report_output_must_be_a_pdf_file(tmp_path: Path, capsys):
    assert main(["report", "evaluation", "--period", "2007Q4", "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "是一个文件夹" in err and "--all-units" in err and "Traceback" not in err
    assert main(["--lang", "en", "report", "evaluation", "--period", "2007Q4", "-o", str(tmp_path / "r.docx")]) == 2
    err = capsys.readouterr().err
    assert "not a PDF file name" in err and "程序内部错误" not in err and "Internal error" not in err
    (tmp_path / "f.txt").write_text("x")
    assert main(["report", "evaluation", "--period", "2007Q4", "--all-units", str(tmp_path / "f.txt"), "--lang", "zh"]) == 2
    assert "不是文件夹" in capsys.readouterr().err


def test_a_mistyped_path_is_not_asked_to_be_resent(samples_dir: Path, sqlite_url: str, tmp_path: Path, capsys):
    assert main(["--db", sqlite_url, "import", str(tmp_path / "没有这个文件.xlsx")]) == 1
    out = capsys.readouterr().out
    assert "未导入" in out and "请改正后重新报送" not in out and "无法打开文件" in out
    assert main(["--db", sqlite_url, "import", str(samples_dir / "broken" / "empty.xlsx")]) == 1
    assert "请改正后重新报送" in capsys.readouterr().out
