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
        lock = file.with_name(file.name + ".upgrade-lock")
        assert lock.exists() and (lock.stat().st_mode & 0o077) == 0  # private, holds nothing


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
