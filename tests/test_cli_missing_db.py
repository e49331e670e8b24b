"""A mistyped ``--db`` path (a user's trial of the command line): every command but ``qsm db upgrade``
and ``qsm demo`` refuses a named SQLite file (``--db``, ``QSM_DATABASE_URL``) that does not exist — exit 2 (DESIGN §7: usage error), a
sentence naming the path and how to make a database there — and creates nothing (no empty file
that the command would then answer from, no folder)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _qsm(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qsm_desktop.cli", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300, env={**os.environ, **(env or {})})


def test_a_mistyped_db_path_is_refused_with_exit_2_and_nothing_is_created(tmp_path: Path):
    typo = tmp_path / "typo" / "qsm.db"
    run = _qsm("--db", str(typo), "cert-rate", "--as-of", "2007-12-31", cwd=tmp_path)
    assert run.returncode == 2, run.stdout + run.stderr
    assert run.stdout == "" and "Traceback" not in run.stderr
    assert str(typo) in run.stderr and "不存在" in run.stderr and "db upgrade" in run.stderr
    assert not typo.parent.exists()  # neither the file nor its folder

    # a file name in an existing folder, given after the sub-command, as a URL, in English
    missing = tmp_path / "qsm-2007.db"
    run = _qsm("--lang", "en", "import", "whatever.xlsx", "--db", f"sqlite:///{missing}", cwd=tmp_path)
    assert run.returncode == 2, run.stdout + run.stderr
    assert f"The database file {missing} (given with --db) does not exist" in run.stderr
    assert f'qsm --db "{missing}" db upgrade' in run.stderr
    assert not missing.exists()


def test_qsm_database_url_naming_a_missing_file_is_refused_too(tmp_path: Path):
    missing = tmp_path / "gone.db"
    run = _qsm("--lang", "en", "evaluate", "--period", "2007Q4", cwd=tmp_path,
               env={"QSM_DATABASE_URL": str(missing)})
    assert run.returncode == 2, run.stdout + run.stderr
    assert "QSM_DATABASE_URL" in run.stderr and str(missing) in run.stderr
    assert not missing.exists()


def test_the_default_database_is_made_on_first_use_as_by_the_window(tmp_path: Path):
    """Nobody typed the default file's path, so there is no typo to catch: a fresh machine's first
    command makes it (migrated and seeded), as the window does on its first start."""
    data = tmp_path / "data"
    env = {"QSM_DATA_DIR": str(data), "QSM_LOG_DIR": str(tmp_path / "log")}
    run = _qsm("--lang", "en", "user", "list", "--json", cwd=tmp_path, env=env)
    assert run.returncode == 0, run.stdout + run.stderr
    assert (data / "qsm.db").exists()


@pytest.mark.parametrize("args", [["user", "list"], ["audit"], ["db", "backup", "copy.db"],
                                  ["template", "certification", "--org", "110000", "--period", "2007Q4", "-o", "t.xlsx"]])
def test_every_command_that_reads_refuses_a_missing_file(args, tmp_path: Path, capsys):
    from qsm_desktop.cli import main

    missing = tmp_path / "nothere.db"
    assert main(["--db", str(missing), *args]) == 2
    err = capsys.readouterr().err
    assert str(missing) in err and "Traceback" not in err
    assert not missing.exists()


def test_db_upgrade_creates_a_named_file(tmp_path: Path, capsys):
    from qsm_desktop.cli import main

    new = tmp_path / "new" / "qsm.db"
    assert main(["--db", str(new), "db", "upgrade"]) == 0
    assert new.exists()
    assert main(["--db", str(new), "user", "list", "--json"]) == 0


def test_demo_may_start_a_new_file(tmp_path: Path, monkeypatch):
    """``qsm --db try.db demo`` fills a new scratch file (README): the demo asks for a database to be made."""
    import argparse

    from qsm_desktop import cli

    new = tmp_path / "try.db"
    services = cli.open_services(argparse.Namespace(db=str(new), user=None), create=True)
    services.dispose()
    assert new.exists()
    with pytest.raises(cli.UsageError):
        cli.open_services(argparse.Namespace(db=str(tmp_path / "other.db"), user=None))
    assert not (tmp_path / "other.db").exists()
