"""Accounts on SQLite: scrypt hashes, roles, the first account, sign-in refusals, audit (issue 12)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from qsm_desktop.domain import passwords
from qsm_desktop.domain.errors import InputRefused, NotFound, PermissionDenied
from qsm_desktop.services.accounts import local_admin, normalise_login, parse_role, sign_in
from qsm_desktop.services.context import Role
from qsm_desktop.store.models import Account, AuditEntry

PW = "correct horse battery"


def test_password_hash_is_scrypt_with_its_parameters_and_salt():
    stored = passwords.hash_password("秘密 secret")
    scheme, n, r, p, salt, key = stored.split("$")
    assert (scheme, int(n), int(r), int(p)) == ("scrypt", passwords.N, passwords.R, passwords.P)
    assert passwords.verify_password("秘密 secret", stored)
    assert not passwords.verify_password("秘密 secreT", stored)
    assert passwords.hash_password("秘密 secret") != stored  # a fresh salt each time
    assert not passwords.needs_rehash(stored)
    for broken in ("", "scrypt$1$8$1$AA==$AA==", "md5$x", stored.replace("scrypt", "bcrypt"), "scrypt$x$8$1$a$b"):
        assert not passwords.verify_password("秘密 secret", broken)
    with pytest.raises(ValueError):
        passwords.hash_password("")


def test_roles_by_english_or_chinese_name_and_logins_checked():
    assert parse_role("分行秘书") is Role.BRANCH_SECRETARY
    assert parse_role("HO_Secretary") is Role.HO_SECRETARY
    assert [parse_role(n) for n in ("管理员", "总行秘书", "评审专家", "查看")] == [
        Role.ADMIN, Role.HO_SECRETARY, Role.REVIEWER, Role.VIEWER]
    with pytest.raises(InputRefused, match="没有角色“boss”"):
        parse_role("boss")
    assert normalise_login(" Wang_Li ") == "wang_li"
    for bad in ("x", "1abc", "pg_admin", "postgres", "wang-li", "王丽", "a" * 64):
        with pytest.raises(InputRefused):
            normalise_login(bad)


def test_a_file_without_accounts_runs_as_the_local_admin(sqlite_services):
    assert not sqlite_services.accounts.has_accounts()
    actor = sign_in(sqlite_services, None, None)
    assert actor == local_admin() and actor.role is Role.ADMIN and actor.org_scope is None


def test_first_account_must_be_an_admin_then_logins_are_required(sqlite_services):
    accounts = sqlite_services.accounts
    me = sign_in(sqlite_services)
    with pytest.raises(InputRefused, match="第一个账户必须是管理员"):
        accounts.add(me, "wang", "总行秘书", password=PW)
    admin = accounts.add(me, "Boss", "管理员", password=PW, name="管理员甲")
    assert (admin.login, admin.role, admin.org, admin.active) == ("boss", Role.ADMIN, None, True)
    with sqlite_services.read() as session:
        stored = session.scalar(select(Account.password_hash).where(Account.login == "boss"))
    assert stored.startswith("scrypt$") and PW not in stored
    with pytest.raises(PermissionDenied, match="--user"):
        sign_in(sqlite_services, None, None)
    with pytest.raises(PermissionDenied, match="登录名或密码不正确"):
        sign_in(sqlite_services, "boss", "wrong password")
    with pytest.raises(PermissionDenied, match="登录名或密码不正确"):
        sign_in(sqlite_services, "nobody", PW)
    assert sign_in(sqlite_services, "boss", PW).role is Role.ADMIN


def test_roles_orgs_disable_and_passwd_are_checked_and_audited(sqlite_services):
    accounts = sqlite_services.accounts
    admin = accounts.add(sign_in(sqlite_services), "boss", "admin", password=PW)
    boss = sign_in(sqlite_services, admin.login, PW)
    with pytest.raises(InputRefused, match="分行秘书必须指定所属机构"):
        accounts.add(boss, "li", "branch_secretary", password=PW)
    with pytest.raises(InputRefused, match="不能指定机构"):
        accounts.add(boss, "zhao", "ho_secretary", password=PW, org="310000")
    with pytest.raises(InputRefused, match="6 位数字"):
        accounts.add(boss, "li", "branch_secretary", password=PW, org="31000")
    with pytest.raises(InputRefused, match="至少需要 8 个字符"):
        accounts.add(boss, "li", "branch_secretary", password="short", org="310000")
    li = accounts.add(boss, "li", "分行秘书", password=PW, org="310000", name="李")
    accounts.add(boss, "kan", "viewer", password=PW)
    with pytest.raises(InputRefused, match="已存在"):
        accounts.add(boss, "li", "viewer", password=PW)
    actor = sign_in(sqlite_services, "li", PW)
    assert (actor.login, actor.role, actor.org_scope) == ("li", Role.BRANCH_SECRETARY, "310000")
    with pytest.raises(PermissionDenied, match="无权管理登录账户"):
        accounts.add(actor, "x1", "viewer", password=PW)
    with pytest.raises(PermissionDenied):
        accounts.passwd(actor, "boss", "another password")
    accounts.passwd(actor, "li", "my new password")  # one's own password
    with pytest.raises(PermissionDenied):
        sign_in(sqlite_services, "li", PW)
    assert sign_in(sqlite_services, "li", "my new password").login == "li"
    assert accounts.disable(boss, "li").active is False
    with pytest.raises(PermissionDenied, match="已停用"):
        sign_in(sqlite_services, "li", "my new password")
    with pytest.raises(NotFound):
        accounts.disable(boss, "nobody")
    assert [(a.login, a.active) for a in accounts.list(boss)] == [("boss", True), ("kan", True), ("li", False)]
    assert [a.to_json() for a in accounts.list(boss)][2] == {
        "login": "li", "name": "李", "role": "branch_secretary", "org": "310000", "active": False}
    with sqlite_services.read() as session:
        entries = session.execute(select(AuditEntry.login, AuditEntry.entity_id, AuditEntry.action, AuditEntry.after)
                                  .where(AuditEntry.entity == "account").order_by(AuditEntry.id)).all()
    assert [(e.login, e.entity_id, e.action) for e in entries] == [
        (local_admin().login, "boss", "create"), ("boss", "li", "create"),
        ("boss", "kan", "create"), ("li", "li", "passwd"), ("boss", "li", "disable")]
    assert all("password" not in str(e.after) and PW not in str(e.after) for e in entries)
    assert li.org == "310000"


def test_unknown_org_refused_once_the_org_list_exists(sqlite_services, actor, samples_dir):
    accounts = sqlite_services.accounts
    admin = accounts.add(sign_in(sqlite_services), "boss", "admin", password=PW)
    accounts.add(admin_actor := sign_in(sqlite_services, admin.login, PW), "early", "branch_secretary",
                 password=PW, org="310000")  # before the org list: accepted
    sqlite_services.imports.import_files([samples_dir / "org_units.xlsx"], admin_actor)
    with pytest.raises(InputRefused, match="机构代码 999999 不存在"):
        accounts.add(admin_actor, "late", "viewer", password=PW, org="999999")
    assert accounts.add(admin_actor, "late", "viewer", password=PW, org="310100").org == "310100"
