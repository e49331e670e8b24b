"""``qsm user``, ``--user``, ``qsm audit`` and ``qsm db backup`` on a SQLite file (issue 12, DESIGN §6–7).

The application enforces on SQLite: the first account is made without a login; afterwards every
command needs a valid, active login; a branch secretary sees and imports only her branch.
"""

from __future__ import annotations

import io
import json
import sqlite3
import stat
import sys

import pytest

from qsm_desktop.cli import main

ADMIN_PW, LI_PW, KAN_PW = "admin-pass-1", "li-pass-123", "kan-pass-123"


def qsm(capsys, monkeypatch, *args, user=None, password=None, stdin=None):
    """Run ``qsm`` in-process; returns ``(exit status, stdout, stderr)``."""
    if password is None:
        monkeypatch.delenv("QSM_PASSWORD", raising=False)
    else:
        monkeypatch.setenv("QSM_PASSWORD", password)
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin or ""))
    code = main((["--user", user] if user else []) + list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.fixture
def office(tmp_path, capsys, monkeypatch, samples_dir):
    """A SQLite file with admin ``boss``, branch secretary ``li`` (310000), viewer ``kan``, the org list
    and every certification return imported by ``boss``."""
    db = str(tmp_path / "office.db")
    assert qsm(capsys, monkeypatch, "--db", db, "db", "upgrade")[0] == 0  # only `db upgrade` makes a new file
    assert qsm(capsys, monkeypatch, "--db", db, "user", "add", "boss", "--role", "管理员",
               "--password-stdin", stdin=ADMIN_PW + "\n")[0] == 0
    assert qsm(capsys, monkeypatch, "--db", db, "user", "add", "li", "--role", "分行秘书", "--org", "310000",
               "--name", "李丽", "--password-stdin", user="boss", password=ADMIN_PW, stdin=LI_PW + "\n")[0] == 0
    assert qsm(capsys, monkeypatch, "--db", db, "user", "add", "kan", "--role", "viewer", "--password-stdin",
               user="boss", password=ADMIN_PW, stdin=KAN_PW)[0] == 0
    returns = [str(samples_dir / "org_units.xlsx")] + sorted(str(p) for p in samples_dir.glob("certification_*.xlsx"))
    code, out, err = qsm(capsys, monkeypatch, "--db", db, "import", *returns, "--json", user="boss", password=ADMIN_PW)
    assert code == 0, err
    assert {f["status"] for f in json.loads(out)["files"]} == {"imported"}
    return db


def test_first_account_needs_no_login_then_every_command_does(office, capsys, monkeypatch):
    code, _, err = qsm(capsys, monkeypatch, "--db", office, "cert-rate", "--as-of", "2007-12-31")
    assert code == 1 and "请用 --user 登录名" in err
    code, _, err = qsm(capsys, monkeypatch, "--db", office, "user", "add", "x2", "--role", "viewer",
                       "--password-stdin", stdin="whatever-123")
    assert code == 1 and "请用 --user 登录名" in err
    code, _, err = qsm(capsys, monkeypatch, "--db", office, "cert-rate", "--as-of", "2007-12-31", user="boss",
                       password="not-the-password")
    assert code == 1 and "登录名或密码不正确" in err
    code, _, err = qsm(capsys, monkeypatch, "--db", office, "cert-rate", "--as-of", "2007-12-31", user="li")
    assert code == 1 and "QSM_PASSWORD" in err  # no terminal to prompt on, no QSM_PASSWORD
    code, out, _ = qsm(capsys, monkeypatch, "--db", office, "user", "list", "--json", user="boss", password=ADMIN_PW)
    assert code == 0
    assert json.loads(out) == {"users": [
        {"login": "boss", "name": "", "role": "admin", "org": None, "active": True},
        {"login": "kan", "name": "", "role": "viewer", "org": None, "active": True},
        {"login": "li", "name": "李丽", "role": "branch_secretary", "org": "310000", "active": True}]}
    assert qsm(capsys, monkeypatch, "--db", office, "user", "disable", "kan", user="boss", password=ADMIN_PW)[0] == 0
    code, _, err = qsm(capsys, monkeypatch, "--db", office, "cert-rate", "--as-of", "2007-12-31", user="kan",
                       password=KAN_PW)
    assert code == 1 and "已停用" in err
    code, _, err = qsm(capsys, monkeypatch, "--db", office, "user", "add", "x3", "--role", "viewer",
                       "--password-stdin", user="li", password=LI_PW, stdin="whatever-123")
    assert code == 1 and "无权管理登录账户" in err
    assert qsm(capsys, monkeypatch, "--db", office, "user", "passwd", "li", "--password-stdin", user="li",
               password=LI_PW, stdin="li-new-pass-1\n")[0] == 0
    assert qsm(capsys, monkeypatch, "--db", office, "cert-rate", "--as-of", "2007-12-31", user="li",
               password="li-new-pass-1")[0] == 0


def test_branch_secretary_sees_and_imports_only_her_branch(office, capsys, monkeypatch, samples_dir, tmp_path):
    as_li = {"user": "li", "password": LI_PW}
    code, out, _ = qsm(capsys, monkeypatch, "--db", office, "cert-rate", "--as-of", "2007-12-31", "--json", **as_li)
    assert code == 0 and json.loads(out)["unit"] == "310000"  # her own branch by default
    assert qsm(capsys, monkeypatch, "--db", office, "cert-rate", "--as-of", "2007-12-31", "--unit", "310100",
               **as_li)[0] == 0
    for other in ("110000", "000000"):
        code, _, err = qsm(capsys, monkeypatch, "--db", office, "cert-rate", "--as-of", "2007-12-31", "--unit", other,
                           **as_li)
        assert code == 1 and f"您只能处理本机构 310000 范围内的数据，{other} 不在其中" in err
    # another branch's return, already imported by head office: refused, not "unchanged"
    code, out, _ = qsm(capsys, monkeypatch, "--db", office, "import",
                       str(samples_dir / "certification_110000_2007Q4.xlsx"), "--json", **as_li)
    assert code == 1
    (result,) = json.loads(out)["files"]
    assert result["status"] == "refused" and "110000 不在其中" in result["problems"][0]["message"]
    # a viewer cannot import, not even a file already imported
    code, out, _ = qsm(capsys, monkeypatch, "--db", office, "import",
                       str(samples_dir / "certification_310000_2007Q4.xlsx"), "--json", user="kan", password=KAN_PW)
    assert code == 1 and json.loads(out)["files"][0]["status"] == "refused"
    assert "无权" in json.loads(out)["files"][0]["problems"][0]["message"]


def test_audit_names_who_imported_and_is_scoped(office, capsys, monkeypatch):
    code, out, _ = qsm(capsys, monkeypatch, "--db", office, "audit", "--entity", "import_batch", "--json",
                       user="boss", password=ADMIN_PW)
    entries = json.loads(out)["entries"]
    assert code == 0 and len(entries) == 11
    assert set(entries[0]) == {"when", "login", "entity", "action", "key", "before", "after"}
    assert {e["login"] for e in entries} == {"boss"} and {e["action"] for e in entries} == {"import"}
    code, out, _ = qsm(capsys, monkeypatch, "--db", office, "audit", "--user", "boss", "--since", "2000-01-01",
                       "--json", user="boss", password=ADMIN_PW)
    assert code == 0 and all(e["login"] == "boss" for e in json.loads(out)["entries"])
    # the branch secretary sees her own entries and her branch's batch, not the others'
    code, out, _ = qsm(capsys, monkeypatch, "--db", office, "audit", "--entity", "import_batch", "--json",
                       user="li", password=LI_PW)
    assert code == 0 and [e["after"]["org"] for e in json.loads(out)["entries"]] == ["310000"]
    code, out, _ = qsm(capsys, monkeypatch, "--db", office, "audit", "--entity", "nothing-like-this",
                       user="boss", password=ADMIN_PW)
    assert code == 0 and "没有符合条件" in out


def test_backup_is_a_private_consistent_copy_while_in_use(office, capsys, monkeypatch, tmp_path):
    holder = sqlite3.connect(office, timeout=15)
    holder.execute("BEGIN IMMEDIATE")  # another workstation in the middle of a write
    holder.execute("UPDATE staff SET name = 'uncommitted' WHERE id = 1")
    try:
        target = tmp_path / "copy.db"
        code, out, err = qsm(capsys, monkeypatch, "--db", office, "db", "backup", str(target), user="boss",
                             password=ADMIN_PW)
        assert code == 0, err
    finally:
        holder.rollback()
        holder.close()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    copy = sqlite3.connect(target)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("SELECT count(*) FROM staff").fetchone()[0] > 0
        assert copy.execute("SELECT count(*) FROM staff WHERE name = 'uncommitted'").fetchone()[0] == 0
        assert copy.execute("SELECT count(*) FROM accounts").fetchone()[0] == 3
    finally:
        copy.close()
    code, _, err = qsm(capsys, monkeypatch, "--db", office, "db", "backup", str(target), user="boss",
                       password=ADMIN_PW)
    assert code == 1 and "已存在" in err  # never overwrites
    code, _, err = qsm(capsys, monkeypatch, "--db", office, "db", "backup", str(tmp_path / "c2.db"), user="li",
                       password=LI_PW)
    assert code == 1 and "无权备份数据库" in err


def test_backup_of_postgres_points_to_pg_dump(capsys, monkeypatch):
    code, _, err = qsm(capsys, monkeypatch, "--db", "postgresql://someone@127.0.0.1:1/qsm", "db", "backup", "x.db")
    assert code == 1 and "pg_dump" in err
