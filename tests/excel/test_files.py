"""Which files of a batch are returns (issue 11 §1, §4): folders expand to their workbooks, lock and
hidden files are skipped with a note and do not change ``qsm import``'s exit status."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from qsm_desktop.excel.files import SkippedFile, expand_return_paths, skip_reason


def _touch(folder: Path, *names: str) -> None:
    for name in names:
        (folder / name).write_bytes(b"x")


def test_lock_and_hidden_names():
    assert skip_reason("~$持证上岗情况表.xlsx") == "files.skipped.lock"
    assert skip_reason("/a/b/.~lock.培训情况表.xlsx#") == "files.skipped.lock"
    assert skip_reason(".DS_Store") == "files.skipped.hidden"
    assert skip_reason(".hidden.xlsx") == "files.skipped.hidden"
    assert skip_reason("报表~$.xlsx") is None and skip_reason("a.xlsx") is None
    assert skip_reason(".~lock.x.xlsx") == "files.skipped.hidden"  # no closing '#': still a hidden file


def test_a_folder_means_its_workbooks_sorted_by_name(tmp_path: Path):
    _touch(tmp_path, "b.xlsx", "A.xls", "c.XLSX", "d.ods", "e.xlsm", "f.xlsb", "~$b.xlsx", ".~lock.c.XLSX#", ".x.xlsx",
           "notes.txt", "export.csv")
    (tmp_path / "sub").mkdir()
    _touch(tmp_path / "sub", "g.xlsx")
    files, skipped = expand_return_paths([tmp_path])
    assert [f.name for f in files] == ["A.xls", "b.xlsx", "c.XLSX", "d.ods", "e.xlsm", "f.xlsb"]
    reasons = {s.path.name: s.key for s in skipped}
    assert reasons == {"~$b.xlsx": "files.skipped.lock", ".~lock.c.XLSX#": "files.skipped.lock",
                       ".x.xlsx": "files.skipped.hidden", "notes.txt": "files.skipped.not_workbook",
                       "export.csv": "files.skipped.not_workbook"}
    note = next(s for s in skipped if s.path.name == "export.csv")
    assert ".csv" in note.message("zh") and ".csv" in note.message("en")


def test_files_keep_their_order_and_missing_paths_are_taken(tmp_path: Path):
    _touch(tmp_path, "z.xlsx", "a.csv", "~$z.xlsx")
    files, skipped = expand_return_paths([tmp_path / "z.xlsx", tmp_path / "a.csv", tmp_path / "missing.xlsx",
                                          str(tmp_path / "~$z.xlsx")])
    assert [f.name for f in files] == ["z.xlsx", "a.csv", "missing.xlsx"]
    assert [(s.path.name, s.key) for s in skipped] == [("~$z.xlsx", "files.skipped.lock")]


def test_the_note_in_both_languages():
    skipped = SkippedFile(Path("~$a.xlsx"), "files.skipped.lock")
    assert skipped.message("zh") == "已跳过：Excel/WPS 正在打开的临时文件"
    assert "Excel/WPS" in skipped.message("en") and skipped.message("en").startswith("skipped")
    entry = skipped.to_json("zh")
    assert entry["status"] == "skipped" and entry["problems"] == [] and entry["file"].endswith("~$a.xlsx")


def test_qsm_import_skips_lock_files_in_a_folder(samples_dir: Path, tmp_path: Path, sqlite_url: str, capsys):
    from qsm_desktop.cli import main

    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    shutil.copy(samples_dir / "org_units.xlsx", inbox / "00_org_units.xlsx")
    shutil.copy(samples_dir / "certification_110000_2007Q4.xlsx", inbox / "certification_110000_2007Q4.xlsx")
    (inbox / "~$certification_110000_2007Q4.xlsx").write_bytes(b"\x0bowner\x00" * 20)  # what Excel leaves
    (inbox / ".~lock.certification_110000_2007Q4.xlsx#").write_text("user,host,2007-12-31", encoding="utf-8")
    assert main(["--db", sqlite_url, "import", "--json", str(inbox)]) == 0
    document = json.loads(capsys.readouterr().out)
    statuses = {Path(f["file"]).name: f["status"] for f in document["files"]}
    assert statuses == {"00_org_units.xlsx": "imported", "certification_110000_2007Q4.xlsx": "imported",
                        "~$certification_110000_2007Q4.xlsx": "skipped",
                        ".~lock.certification_110000_2007Q4.xlsx#": "skipped"}
    lock = next(f for f in document["files"] if f["status"] == "skipped")
    assert lock["message"] == "已跳过：Excel/WPS 正在打开的临时文件"
    # text output: the note, and the exit status stays 0
    (inbox / "~$other.xlsx").write_bytes(b"x")
    assert main(["--db", sqlite_url, "import", str(inbox / "~$other.xlsx"), str(inbox / "00_org_units.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "~$other.xlsx：已跳过：Excel/WPS 正在打开的临时文件" in out and "另有1个文件已跳过" in out
