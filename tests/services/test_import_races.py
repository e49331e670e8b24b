"""Imports that race end in one clear outcome (issue 11, item 8) — real processes, real databases.

- the same bytes imported by four processes at once into one SQLite file (eight on PostgreSQL):
  exactly one ``imported``, the others ``unchanged``, one current batch, no internal error;
- two versions of one return at once: one wins; the other is refused with "在您导入期间，该报表已被他人导入"
  (nothing written) or, when it started after the winner finished, supersedes it — never two
  current batches;
- a SQLite file held locked by another program longer than the wait: refused with the "数据库正忙"
  sentence in the JSON document, nothing written, exit status 1.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import create_engine, text

import pg

RUNNER = """
import sys, time
from qsm_desktop.cli import main
import qsm_desktop.services.bundle, qsm_desktop.excel.reader, qsm_desktop.excel.kinds
qsm_desktop.excel.kinds.load_kinds()
start = float(sys.argv[1])
while time.time() < start:
    time.sleep(0.001)
sys.exit(main(sys.argv[2:]))
"""


def _qsm_at_once(arg_lists: list[list[str]], cwd: Path, delay: float = 4.0) -> list[subprocess.CompletedProcess]:
    """Run ``qsm`` once per argument list, all released at the same instant; wait for all."""
    start = time.time() + delay
    env = dict(os.environ, QSM_LANG="zh")
    procs = [subprocess.Popen([sys.executable, "-c", RUNNER, str(start), *args], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, cwd=cwd, env=env) for args in arg_lists]
    done = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        done.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    return done


def _statuses(runs: list[subprocess.CompletedProcess]) -> list[dict]:
    files = []
    for run in runs:
        assert "Traceback" not in run.stderr and "内部错误" not in run.stderr, run.stderr
        assert run.returncode in (0, 1), (run.returncode, run.stderr)
        files += json.loads(run.stdout)["files"]
    return files


def _current_batches(url: str, kind: str) -> list[tuple]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT id, org_code, period FROM import_batches "
                                     "WHERE kind = :kind AND status = 'imported'"), {"kind": kind}).all()
    finally:
        engine.dispose()


def _prepare(url: str, samples_dir: Path, tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "qsm_desktop.cli", "--db", url, "import",
                          str(samples_dir / "org_units.xlsx"), "--json"], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.fixture
def sqlite_file_url(tmp_path, _migrated_sqlite_template):
    import shutil

    file = tmp_path / "race.db"
    shutil.copyfile(_migrated_sqlite_template, file)
    return f"sqlite:///{file}"


def _race_same_bytes(url: str, samples_dir: Path, tmp_path: Path, processes: int) -> None:
    _prepare(url, samples_dir, tmp_path)
    return_file = str(samples_dir / "certification_310000_2007Q4.xlsx")
    runs = _qsm_at_once([["--db", url, "import", return_file, "--json"] for _ in range(processes)], tmp_path)
    files = _statuses(runs)
    statuses = sorted(f["status"] for f in files)
    assert statuses == ["imported"] + ["unchanged"] * (processes - 1), files
    assert len(_current_batches(url, "certification")) == 1


def test_four_processes_import_one_return_once_sqlite(sqlite_file_url, samples_dir, tmp_path):
    _race_same_bytes(sqlite_file_url, samples_dir, tmp_path, 4)


@pg.requires_postgres
@pytest.mark.postgres
def test_eight_processes_import_one_return_once_postgres(samples_dir, tmp_path):
    from qsm_desktop.store import db

    with pg.fresh_database() as url:
        engine = db.make_engine(url)
        db.upgrade(engine)
        engine.dispose()
        _race_same_bytes(url, samples_dir, tmp_path, 8)


def _second_version(samples_dir: Path, tmp_path: Path) -> Path:
    """The 310000 return saved again by another program: other bytes, the same kind × unit × period."""
    book = openpyxl.load_workbook(samples_dir / "certification_310000_2007Q4.xlsx")
    book.properties.title = "第二版"
    out = tmp_path / "certification_310000_2007Q4_v2.xlsx"
    book.save(out)
    return out


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=[pg.requires_postgres,
                                                                               pytest.mark.postgres])])
def test_two_versions_at_once_one_wins(backend, sqlite_file_url, samples_dir, tmp_path):
    from contextlib import nullcontext

    from qsm_desktop.store import db

    context = pg.fresh_database() if backend == "postgres" else nullcontext(sqlite_file_url)
    with context as url:
        if backend == "postgres":
            engine = db.make_engine(url)
            db.upgrade(engine)
            engine.dispose()
        _prepare(url, samples_dir, tmp_path)
        first = str(samples_dir / "certification_310000_2007Q4.xlsx")
        second = str(_second_version(samples_dir, tmp_path))
        runs = _qsm_at_once([["--db", url, "import", first, "--json"], ["--db", url, "import", second, "--json"]],
                            tmp_path)
        files = _statuses(runs)
        imported = [f for f in files if f["status"] == "imported"]
        refused = [f for f in files if f["status"] == "refused"]
        assert len(imported) in (1, 2), files
        if len(imported) == 1:  # truly at once: the loser is refused with the sentence, nothing written
            assert len(refused) == 1
            assert "在您导入期间，该报表已被他人导入" in refused[0]["problems"][0]["message"], refused
        else:  # one started after the other had finished: it superseded it
            assert any(f["supersedes"] for f in imported)
        assert len(_current_batches(url, "certification")) == 1


def test_a_database_locked_longer_than_the_wait_is_refused_with_a_sentence(sqlite_file_url, samples_dir, tmp_path):
    _prepare(sqlite_file_url, samples_dir, tmp_path)
    file = sqlite_file_url.removeprefix("sqlite:///")
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys, time\n"
        f"c = sqlite3.connect({file!r}, isolation_level=None)\n"
        "c.execute('BEGIN EXCLUSIVE')\n"
        "print('locked', flush=True)\n"
        "time.sleep(600)\n"  # held until the test kills it (the run must meet the lock, however slow the machine)
        "c.execute('ROLLBACK')\n")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        run = subprocess.run([sys.executable, "-m", "qsm_desktop.cli", "--db", sqlite_file_url, "import",
                              str(samples_dir / "certification_310000_2007Q4.xlsx"), "--json"],
                             capture_output=True, text=True, cwd=tmp_path, timeout=120)
    finally:
        holder.kill()
        holder.wait()
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stderr and "内部错误" not in run.stderr, run.stderr
    document = json.loads(run.stdout)
    (entry,) = document["files"]
    assert entry["status"] == "refused"
    assert "数据库正忙" in entry["problems"][0]["message"]
    conn = sqlite3.connect(file)
    try:
        assert conn.execute("SELECT count(*) FROM import_batches WHERE kind = 'certification'").fetchone()[0] == 0
    finally:
        conn.close()


def test_other_writes_on_a_locked_database_are_refused_with_a_sentence_and_no_secret(sqlite_file_url, tmp_path):
    """Not only imports: creating a login (its password hash) and awarding wait for a database
    another program holds locked, then give one sentence — never an internal error that would
    print the statement and its parameters (the scrypt hash) on screen and in the log."""
    env = {**os.environ, "QSM_LOG_DIR": str(tmp_path / "log")}
    assert subprocess.run([sys.executable, "-m", "qsm_desktop.cli", "--db", sqlite_file_url, "db", "upgrade"],
                          capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120).returncode == 0
    file = sqlite_file_url.removeprefix("sqlite:///")
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys, time\n"
        f"c = sqlite3.connect({file!r}, isolation_level=None)\n"
        "c.execute('BEGIN EXCLUSIVE')\n"
        "print('locked', flush=True)\n"
        "time.sleep(600)\n"  # held until the test kills it (the run must meet the lock, however slow the machine)
        "c.execute('ROLLBACK')\n")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        run = subprocess.run([sys.executable, "-m", "qsm_desktop.cli", "--db", sqlite_file_url, "user", "add", "wang",
                              "--role", "admin", "--password-stdin"], input="secret-pass-1\n",
                             capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    finally:
        holder.kill()
        holder.wait()
    assert run.returncode == 1, run.stdout + run.stderr
    assert "数据库正忙" in run.stderr and "内部错误" not in run.stderr, run.stderr
    logs = "".join(p.read_text(encoding="utf-8", errors="replace") for p in (tmp_path / "log").rglob("*") if p.is_file())
    for shown in (run.stdout, run.stderr, logs):
        assert "scrypt" not in shown and "secret-pass-1" not in shown and "INSERT INTO" not in shown


def test_two_imports_of_one_folder_at_once_refuse_nothing(_migrated_sqlite_template, samples_dir, tmp_path):
    """Two people drop the same folder at the same moment (a new user's trial, issue 14): every file
    ends imported by one and unchanged for the other — no file refused because the other program had
    meanwhile brought what it needed (the org list) or moved its record on (a showcase application
    under review once its score sheets were in)."""
    import shutil

    folder = tmp_path / "drop"
    folder.mkdir()
    for file in [samples_dir / "org_units.xlsx", *sorted(samples_dir.glob("certification_*_2007Q4.xlsx")),
                 *sorted((samples_dir / "showcase").glob("*.xlsx"))]:
        shutil.copy(file, folder / file.name)
    for attempt in range(2):
        file = tmp_path / f"drop{attempt}.db"
        shutil.copyfile(_migrated_sqlite_template, file)
        runs = _qsm_at_once([["--db", f"sqlite:///{file}", "import", str(folder), "--json"] for _ in range(2)],
                            tmp_path, delay=3.0)
        files = _statuses(runs)
        by_file: dict[str, list[str]] = {}
        for f in files:
            by_file.setdefault(f["file"], []).append(f["status"])
        assert len(by_file) == len(list(folder.iterdir()))
        assert {name: sorted(s) for name, s in by_file.items() if sorted(s) != ["imported", "unchanged"]} == {}
        assert [run.returncode for run in runs] == [0, 0], [run.stdout[-500:] for run in runs]
