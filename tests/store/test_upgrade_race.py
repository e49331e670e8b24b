"""Two programs opening one new SQLite file at the same moment (two `qsm import` started together):
one creates the schema, the other waits and finds it current — never "table … already exists"
(found by a new user's trial, issue 14)."""

from __future__ import annotations

import subprocess
import sys
import time

OPEN = ("import os, sys, time; from qsm_desktop.store import db; from qsm_desktop.store import models\n"
        "models.import_all()\n"
        "open(sys.argv[2], 'w').close()\n"  # ready: everything imported
        "while not os.path.exists(sys.argv[3]): time.sleep(0.001)\n"  # both ready: go at the same moment
        "engine = db.open_database('sqlite:///' + sys.argv[1]); print(db.schema_state(engine).state)")


def test_two_programs_creating_one_file_at_once_both_open_it(tmp_path):
    for attempt in range(3):
        file = tmp_path / f"new{attempt}.db"
        go = tmp_path / f"go{attempt}"
        ready = [tmp_path / f"ready{attempt}-{n}" for n in range(2)]
        runs = [subprocess.Popen([sys.executable, "-c", OPEN, str(file), str(ready[n]), str(go)], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for n in range(2)]
        deadline = time.monotonic() + 120
        while not all(r.exists() for r in ready) and time.monotonic() < deadline:
            time.sleep(0.01)
        go.touch()
        outcomes = [run.communicate(timeout=300) for run in runs]
        for run, (out, err) in zip(runs, outcomes):
            assert run.returncode == 0, err[-2000:]
            assert out.strip() == "current"
        assert not list(tmp_path.glob("*.upgrade-lock"))  # the lock was the database's own: nothing left


def test_a_database_busy_while_opening_is_not_called_unreachable(tmp_path):
    """A file another program holds longer than the wait is busy, not "cannot connect … check the
    address, the network and the password" (a new user's trial, issue 14)."""
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from qsm_desktop.domain import i18n
    from qsm_desktop.store import db

    engine = db.make_engine(f"sqlite:///{tmp_path / 'busy.db'}")
    busy = OperationalError("SELECT 1", {}, sqlite3.OperationalError("database is locked"))
    gone = OperationalError("SELECT 1", {}, sqlite3.OperationalError("unable to open database file"))
    before = i18n.get_language()
    try:
        i18n.set_language("en")
        assert "stayed busy" in str(db.connection_refused(engine, busy))
        assert "network" not in str(db.connection_refused(engine, busy))
        assert "Check the address" in str(db.connection_refused(engine, gone))
        i18n.set_language("zh")
        assert "正忙" in str(db.connection_refused(engine, busy))
    finally:
        i18n.set_language(before)
        engine.dispose()


UPGRADE = ("import os, sys, time\n"
           "from qsm_desktop import cli\n"
           "cli.build_parser()\n"  # everything imported before the start line
           "open(sys.argv[2], 'w').close()\n"
           "while not os.path.exists(sys.argv[3]): time.sleep(0.001)\n"
           "sys.exit(cli.main(['--lang', 'en', '--db', sys.argv[1], 'db', 'upgrade']))")


def test_two_qsm_db_upgrades_of_one_older_file_upgrade_it_once_and_leave_no_lock(tmp_path):
    """Two `qsm db upgrade` processes on one older (frozen) file at the same moment: both end with
    exit 0 and a sentence — one upgraded it, the other found it up to date — the migrations ran once
    (one backup copy), and nothing but the database and that copy is left in the folder."""
    import shutil
    from pathlib import Path

    from qsm_desktop.store import db

    frozen = Path(__file__).parents[1] / "migrations" / "frozen" / "qsm_0001.db"
    file = tmp_path / "office.db"
    shutil.copyfile(frozen, file)
    go, ready = tmp_path / "go", [tmp_path / f"ready-{n}" for n in range(2)]
    env = {**__import__("os").environ, "QSM_LOG_DIR": str(tmp_path / "log")}
    runs = [subprocess.Popen([sys.executable, "-c", UPGRADE, str(file), str(ready[n]), str(go)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env) for n in range(2)]
    deadline = time.monotonic() + 120
    while not all(r.exists() for r in ready) and time.monotonic() < deadline:
        time.sleep(0.01)
    go.touch()
    outcomes = [run.communicate(timeout=300) for run in runs]
    for n in range(2):
        ready[n].unlink()
    go.unlink()
    for run, (out, err) in zip(runs, outcomes):
        assert run.returncode == 0, err[-2000:]
        assert "Traceback" not in err
    said = sorted(out.split(":")[0] for out, _err in outcomes)
    assert said == ["Database already up to date", "Database ready"]
    assert len(list(tmp_path.glob("office.backup-*"))) == 1  # upgraded once
    left = sorted(p.name for p in tmp_path.iterdir() if p.name != "log" and not p.name.startswith("office.backup-"))
    assert left == ["office.db"]  # no office.db.upgrade-lock (nor -wal/-shm: both closed the file)
    engine = db.make_engine(f"sqlite:///{file}")
    try:
        assert db.schema_state(engine).state == "current"
    finally:
        engine.dispose()
