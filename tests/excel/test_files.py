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
    _touch(tmp_path / "sub", "g.xlsx", "h.xls", "~$g.xlsx", "readme.txt")
    (tmp_path / ".git").mkdir()
    files, skipped = expand_return_paths([tmp_path])
    assert [f.name for f in files] == ["A.xls", "b.xlsx", "c.XLSX", "d.ods", "e.xlsm", "f.xlsb"]
    reasons = {s.path.name: s.key for s in skipped}
    assert reasons == {"~$b.xlsx": "files.skipped.lock", ".~lock.c.XLSX#": "files.skipped.lock",
                       ".x.xlsx": "files.skipped.hidden", "notes.txt": "files.skipped.not_workbook",
                       "export.csv": "files.skipped.not_workbook", "sub": "files.skipped.folder",
                       ".git": "files.skipped.hidden"}
    # a folder inside is not searched (DESIGN §7: not silently either): the note says how many
    # workbooks it holds and how to import them
    folder = next(s for s in skipped if s.path.name == "sub")
    assert "2 个Excel工作簿" in folder.message("zh") and "子文件夹" in folder.message("zh")
    assert "2 Excel workbooks" in folder.message("en") and "select or name that folder" in folder.message("en")
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


def test_qsm_import_names_each_folder_it_did_not_search(samples_dir: Path, tmp_path: Path, sqlite_url: str, capsys):
    """``qsm import FOLDER`` imports the workbooks directly in it and lists each folder inside it as
    skipped, with one sentence each (text and ``--json``); skipping does not change the exit status."""
    from qsm_desktop.cli import main

    inbox = tmp_path / "收件箱"
    (inbox / "已导入").mkdir(parents=True)
    shutil.copy(samples_dir / "org_units.xlsx", inbox / "00_org_units.xlsx")
    shutil.copy(samples_dir / "certification_110000_2007Q4.xlsx", inbox / "已导入" / "certification_110000_2007Q4.xlsx")
    assert main(["--db", sqlite_url, "import", "--json", str(inbox)]) == 0
    document = json.loads(capsys.readouterr().out)
    entries = {Path(f["file"]).name: f for f in document["files"]}
    assert set(entries) == {"00_org_units.xlsx", "已导入"}
    assert entries["00_org_units.xlsx"]["status"] == "imported" and entries["已导入"]["status"] == "skipped"
    assert "1 个Excel工作簿" in entries["已导入"]["message"]
    assert main(["--db", sqlite_url, "import", str(inbox)]) == 0
    out = capsys.readouterr().out
    assert "已导入：已跳过：这是文件夹中的子文件夹（内有 1 个Excel工作簿）" in out and "另有1个文件已跳过" in out


def test_qsm_import_of_a_json_file_says_it_is_no_return(tmp_path: Path, sqlite_url: str, capsys):
    """A JSON file named on ``qsm import`` is refused with the sentence for what it is — a data file,
    not a return — not the advice for a CSV saved under another name; XML likewise."""
    from qsm_desktop.cli import main

    data = tmp_path / "returns.json"
    data.write_text(json.dumps({"机构代码": "110000", "持证人数": 12}, ensure_ascii=False), encoding="utf-8")
    listed = tmp_path / "export.json"
    listed.write_text('[{"code": "110000"}]', encoding="utf-8")
    xml = tmp_path / "feed.xml"
    xml.write_text('<?xml version="1.0"?><rows><row code="110000"/></rows>', encoding="utf-8")
    assert main(["--db", sqlite_url, "import", "--json", str(data), str(listed), str(xml)]) == 1
    files = {Path(f["file"]).name: f for f in json.loads(capsys.readouterr().out)["files"]}
    for name in ("returns.json", "export.json"):
        (problem,) = files[name]["problems"]
        assert files[name]["status"] == "refused"
        assert "JSON数据文件，不是报表" in problem["message"] and "CSV" not in problem["message"], problem
    (problem,) = files["feed.xml"]["problems"]
    assert "XML数据文件，不是报表" in problem["message"]
    # a CSV keeps the CSV advice
    csv = tmp_path / "return.xlsx"
    csv.write_text("机构代码,持证人数\n110000,12\n", encoding="utf-8")
    assert main(["--db", sqlite_url, "import", "--json", str(csv)]) == 1
    (entry,) = json.loads(capsys.readouterr().out)["files"]
    assert "文本/CSV文件" in entry["problems"][0]["message"]


def test_qsm_import_of_an_empty_folder_says_there_is_nothing_to_import(tmp_path: Path, sqlite_url: str, capsys):
    """An empty folder (a new user's trial, issue 14) gets a sentence, not only "0 imported";
    nothing to do is exit status 0 (DESIGN §7)."""
    from qsm_desktop.cli import main

    empty = tmp_path / "空文件夹"
    empty.mkdir()
    assert main(["--db", sqlite_url, "import", str(empty)]) == 0
    assert f"{empty}中没有Excel工作簿" in capsys.readouterr().out
    assert main(["--db", sqlite_url, "--lang", "en", "import", str(empty)]) == 0
    assert f"No Excel workbook (.xlsx .xlsm .xls .xlsb .ods) in {empty}: nothing to import" in capsys.readouterr().out
