"""What the administration page does to accounts, through :class:`AccountService` (issue 12, DESIGN §6):
disable, enable and reset a password, each with the version the administrator saw — a second
administrator working from a stale copy gets DESIGN §6's sentence — audited, and on PostgreSQL the
login role follows (NOLOGIN / LOGIN, a new SCRAM verifier)."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

import pg
from qsm_desktop.domain.errors import ConflictError, InputRefused
from qsm_desktop.services.accounts import sign_in
from qsm_desktop.services.bundle import build_services
from qsm_desktop.services.context import Actor, Role
from qsm_desktop.store.models import AuditEntry

PW = "admin-pass-12"
STALE = "这条记录已被他人修改（账户 {login}）。请重新打开，核对后再保存；您的修改未被保存。"


@pytest.fixture
def admin_office(db_url):
    """(services, admin actor, login prefix): on SQLite the first account ``boss`` (an admin), on
    PostgreSQL the superuser managing logins (``qsm user …`` rights)."""
    if db_url.startswith("postgresql"):
        name = make_url(db_url).database
        services = build_services(make_url(pg.server_url()).set(database=name).render_as_string(hide_password=False))
        admin = sign_in(services, manage=True)
        prefix = f"{name}_"
    else:
        services = build_services(db_url)
        boss = services.accounts.add(sign_in(services), "boss", "admin", password=PW)
        admin = sign_in(services, boss.login, PW)
        prefix = ""
    yield services, admin, prefix
    services.dispose()


def _can_login(services, login: str) -> bool:
    with services.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s", (login,)).scalar()


def test_disable_enable_and_reset_carry_the_version_seen(admin_office):
    services, admin, prefix = admin_office
    accounts = services.accounts
    login = f"{prefix}li"
    li = accounts.add(admin, login, "分行秘书", password="li-pass-123", org="310000", name="李丽")
    seen = accounts.get(admin, login)
    assert seen.version == li.version and seen.active

    disabled = accounts.disable(admin, login, version=seen.version)
    assert not disabled.active and disabled.version > seen.version
    # a second administrator, still looking at the copy from before, tries to reset the password
    with pytest.raises(ConflictError) as stale:
        accounts.passwd(admin, login, "another-pass-1", version=seen.version)
    assert str(stale.value) == STALE.format(login=login)
    with pytest.raises(ConflictError):
        accounts.enable(admin, login, version=seen.version)
    enabled = accounts.enable(admin, login, version=disabled.version)
    assert enabled.active and enabled.version > disabled.version
    new_version = accounts.passwd(admin, login, "another-pass-1", version=enabled.version)
    assert new_version > enabled.version == accounts.get(admin, login).version - 1
    assert accounts.enable(admin, login).active  # enabling an active account changes nothing
    with pytest.raises(InputRefused, match="不能停用自己"):
        accounts.disable(admin, admin.login)

    if services.accounts.on_postgres:
        assert _can_login(services, login)
        accounts.disable(admin, login)
        assert not _can_login(services, login)
        accounts.enable(admin, login)
        assert _can_login(services, login)
        url = pg.login_url(services.url, login, "another-pass-1")
        with psycopg.connect(make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)):
            pass  # the new password is the role's
    else:
        assert sign_in(services, login, "another-pass-1").org_scope == "310000"
    with services.read() as session:
        actions = [a for (a,) in session.execute(select(AuditEntry.action).where(
            AuditEntry.entity == "account", AuditEntry.entity_id == login).order_by(AuditEntry.id))]
    assert actions[:4] == ["create", "disable", "enable", "passwd"]


def test_own_password_on_postgres_needs_no_write_to_accounts(db_url):
    """A head-office secretary (not an admin) changes her own password: only her role changes."""
    if not db_url.startswith("postgresql"):
        services = build_services(db_url)
        try:
            boss = services.accounts.add(sign_in(services), "boss", "admin", password=PW)
            services.accounts.add(Actor(boss.login, Role.ADMIN), "hos", "ho_secretary", password="hos-pass-1")
            me = sign_in(services, "hos", "hos-pass-1")
            assert services.accounts.passwd(me, "hos", "hos-pass-2") is not None
            assert sign_in(services, "hos", "hos-pass-2").login == "hos"
        finally:
            services.dispose()
        return
    services = build_services(db_url)  # the fixture's head-office login
    try:
        me = sign_in(services)
        assert services.accounts.passwd(me, me.login, "hos-pass-2") is None
    finally:
        services.dispose()
    again = build_services(pg.login_url(db_url, me.login, "hos-pass-2"))
    try:
        assert sign_in(again).login == me.login
    finally:
        again.dispose()


def test_qsm_user_enable_gives_a_disabled_login_back(tmp_path, capsys, monkeypatch):
    import io
    import sys

    from qsm_desktop.cli import main

    db = str(tmp_path / "office.db")

    def qsm(*args, user=None, stdin=""):
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = main((["--user", user] if user else []) + ["--db", db, *args])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    monkeypatch.setenv("QSM_PASSWORD", PW)
    assert qsm("db", "upgrade")[0] == 0  # only `db upgrade` makes a new file
    assert qsm("user", "add", "boss", "--role", "admin", "--password-stdin", stdin=PW)[0] == 0
    assert qsm("user", "add", "kan", "--role", "viewer", "--password-stdin", user="boss", stdin="kan-pass-12")[0] == 0
    assert qsm("user", "disable", "kan", user="boss")[0] == 0
    code, out, _ = qsm("user", "enable", "kan", user="boss")
    assert code == 0 and "已启用账户 kan" in out
    code, out, _ = qsm("user", "list", "--json", user="boss")
    assert code == 0 and '"active": true' in out.split('"kan"')[1].split("}")[0]
    code, _, err = qsm("user", "disable", "boss", user="boss")
    assert code == 1 and "不能停用自己" in err
