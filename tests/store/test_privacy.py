"""Secrets and files (issue 11 §9): no password reaches a log or a message; the database, its backups
and the log are created readable by the user only (0600 on POSIX, whatever the umask)."""

from __future__ import annotations

import logging
import os
import stat
import sys
from pathlib import Path

import pytest

from qsm_desktop.privacy import MaskingFormatter, PrivateRotatingFileHandler, create_private_file, mask_password

SECRET = "Sup3r-Secret"
posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX (Windows: the profile's ACL)")


@pytest.mark.parametrize(("text", "masked"), [
    (f"postgresql+psycopg://qsm:{SECRET}@db.bank:5432/qsm", "postgresql+psycopg://qsm:***@db.bank:5432/qsm"),
    (f"qsm --db postgresql://u:{SECRET}@h/db import a@b.xlsx", "qsm --db postgresql://u:***@h/db import a@b.xlsx"),
    (f"postgresql://u:p@{SECRET}@h/db", "postgresql://u:***@h/db"),
    (f"host=h password={SECRET} dbname=qsm", "host=h password=*** dbname=qsm"),
    ("sqlite:///C:/质量办/qsm.db", "sqlite:///C:/质量办/qsm.db"),
    ("postgresql://u@h/db", "postgresql://u@h/db"),
])
def test_mask_password(text, masked):
    assert mask_password(text) == masked


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_files_are_created_private_whatever_the_umask(tmp_path: Path):
    old = os.umask(0o002)
    try:
        assert create_private_file(tmp_path / "a") and _mode(tmp_path / "a") == 0o600
        assert not create_private_file(tmp_path / "a")
        os.umask(0o377)
        assert create_private_file(tmp_path / "b") and _mode(tmp_path / "b") == 0o600
    finally:
        os.umask(old)


@posix_only
def test_new_database_its_wal_and_its_backup_are_private(tmp_path: Path):
    from sqlalchemy import text

    from qsm_desktop.store import db

    old = os.umask(0o022)
    try:
        file = tmp_path / "new" / "qsm.db"
        engine = db.make_engine(str(file))
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE t (x INTEGER)"))
            conn.execute(text("INSERT INTO t VALUES (1)"))
            assert _mode(file) == 0o600
            wal = file.with_name("qsm.db-wal")
            if wal.exists():
                assert _mode(wal) == 0o600
        engine.dispose()
        backup = db.backup_sqlite(file, "test")
        assert backup is not None and _mode(backup) == 0o600
    finally:
        os.umask(old)


@posix_only
def test_the_log_and_its_rotations_are_private_and_masked(tmp_path: Path):
    old = os.umask(0o022)
    handler = PrivateRotatingFileHandler(tmp_path / "qsm.log", maxBytes=200, backupCount=2, encoding="utf-8")
    logger = logging.getLogger("qsm.test.privacy")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        for _ in range(5):
            logger.warning("cannot open %s", f"postgresql://u:{SECRET}@h/db")
        try:
            raise RuntimeError(f"connect postgresql://u:{SECRET}@h/db failed")
        except RuntimeError:
            logger.exception("boom")
    finally:
        logger.removeHandler(handler)
        handler.close()
        os.umask(old)
    logs = sorted(tmp_path.glob("qsm.log*"))
    assert len(logs) >= 2
    for log in logs:
        assert _mode(log) == 0o600
        content = log.read_text(encoding="utf-8")
        assert SECRET not in content
    assert "u:***@h" in "".join(p.read_text(encoding="utf-8") for p in logs)


def test_a_formatter_set_later_still_masks(tmp_path: Path):
    handler = PrivateRotatingFileHandler(tmp_path / "x.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(message)s"))
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "url %s", (f"postgresql://u:{SECRET}@h/db",), None)
    assert handler.format(record) == "url postgresql://u:***@h/db"
    handler.close()
    assert isinstance(MaskingFormatter(), logging.Formatter)


def test_qsm_never_prints_or_logs_the_password(monkeypatch, capsys, tmp_path: Path):
    from qsm_desktop import cli, paths

    url = f"postgresql://qsm:{SECRET}@127.0.0.1:1/qsm"
    # a server that cannot be reached: a sentence, no password
    assert cli.main(["--db", url, "cert-rate", "--as-of", "2007-12-31"]) == 1
    out = capsys.readouterr()
    assert SECRET not in out.out + out.err and out.err.strip()
    assert cli.main(["cert-rate", "--as-of", "2007-12-31", "--db", url]) == 1  # after the sub-command too
    out = capsys.readouterr()
    assert SECRET not in out.out + out.err and out.err.strip()
    # a usage error repeating what was typed: masked
    assert cli.main(["cert-rate", "--as-of", "2007-12-31", "--nonsense", url]) == 2
    out = capsys.readouterr()
    assert SECRET not in out.out + out.err
    # an address that is not understood repeats the address: masked
    assert cli.main(["--db", f"nosuch://qsm:{SECRET}@h/db", "cert-rate", "--as-of", "2007-12-31"]) == 1
    out = capsys.readouterr()
    assert SECRET not in out.out + out.err and "qsm:***@h" in out.err

    # an internal error whose text names the URL: the message and the log are masked
    def broken(args):
        raise RuntimeError(f"cannot reach {url}")

    monkeypatch.setattr(cli, "open_services", broken)
    assert cli.main(["--db", url, "cert-rate", "--as-of", "2007-12-31"]) == 1
    out = capsys.readouterr()
    assert SECRET not in out.out + out.err and "qsm:***@127.0.0.1" in out.err
    for handler in logging.getLogger().handlers:
        handler.flush()
    log = (paths.user_log_dir() / "qsm.log").read_text(encoding="utf-8")
    assert "cannot reach" in log and SECRET not in log and "qsm:***@127.0.0.1" in log
    if os.name == "posix":
        assert _mode(paths.user_log_dir() / "qsm.log") == 0o600


def test_the_error_dialog_details_are_masked():
    pytest.importorskip("PySide6")
    from qsm_desktop.ui.errors import details_text

    try:
        raise RuntimeError(f"postgresql://u:{SECRET}@h/db")
    except RuntimeError as exc:
        text = details_text(exc)
    assert SECRET not in text and "u:***@h" in text
