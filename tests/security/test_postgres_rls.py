"""PostgreSQL enforces scope (issue 12, DESIGN §6): roles, grants, row-level security, the audit login.

One office is set up per module, as in the issue's "done when": as the superuser ``qsm db upgrade``
and ``qsm user add`` a head-office secretary, a branch secretary of 310000, a viewer and a
reviewer; as the head-office secretary the org list and every certification return are imported.
Then the tests act as each person — through ``qsm`` and with raw SQL over psycopg, bypassing the
application — and check what the database itself lets them read and write.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from contextlib import contextmanager
from pathlib import Path

import openpyxl
import psycopg
import pytest
from sqlalchemy.engine import make_url

import pg
from qsm_desktop.cli import main
from qsm_desktop.store import security

pytestmark = [pg.requires_postgres, pytest.mark.postgres]

PW = "office-pass-1"


def _conninfo(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@contextmanager
def raw(url: str):
    """A psycopg connection as the URL's login, in a transaction rolled back at the end."""
    conn = psycopg.connect(_conninfo(url), connect_timeout=10)
    try:
        yield conn
    finally:
        conn.rollback()
        conn.close()


def qsm(*args: str, stdin: str = "") -> tuple[int, str, str]:
    """Run ``qsm`` in-process, returning ``(exit status, stdout, stderr)``."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = io.StringIO(stdin), out, err
    try:
        code = main(list(args))
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    assert "Traceback" not in err.getvalue()
    return code, out.getvalue(), err.getvalue()


def _seed_scoped_rows(su_url: str) -> None:
    """As the superuser: values, ratings, scores (two drafts, one without 310000, and a published period) and showcase
    applications for units inside and outside 310000, a reviewer of 320100 on the cycle's panel."""
    with raw(su_url) as conn:
        ids = dict(conn.execute("SELECT code, id FROM org_units").fetchall())
        system = conn.execute("SELECT id FROM indicator_systems ORDER BY id LIMIT 1").fetchone()[0]
        for code in ("310100", "110000"):
            conn.execute("INSERT INTO indicator_values (org_unit_id, period, indicator_code, value, origin, version) "
                         "VALUES (%s, '2007Q4', 'A01', 97, 'manual', 1)", (ids[code],))
            conn.execute("INSERT INTO internal_service_ratings (rater_org_id, department_org_id, period, attitude, "
                         "response, policy, resolution) VALUES (%s, %s, '2007Q4', 90, 90, 90, 90)",
                         (ids["310000" if code == "310100" else code], ids["000101"]))
        now = dt.datetime(2008, 1, 10)
        for period, status, units in (("2007Q2", "draft", ("110000",)), ("2007Q3", "draft", ("310000", "110000")),
                                      ("2007Q4", "published", ("310000", "110000"))):
            pid = conn.execute(
                "INSERT INTO evaluation_periods (period, system_id, status, complete, accepted_incomplete, "
                "computed_by, computed_at, version) VALUES (%s, %s, %s, true, false, 'x', %s, 1) RETURNING id",
                (period, system, status, now)).fetchone()[0]
            for code in units:
                conn.execute("INSERT INTO unit_scores (period_id, org_unit_id, org_code, unit_name, unit_type, total, "
                             "complete) VALUES (%s, %s, %s, 'x', '分行', 90, true)", (pid, ids[code], code))
        cycle = conn.execute(
            "INSERT INTO showcase_cycles (year, level, title, sheet, required_attachments, number_pattern, "
            "issuing_body, reinspection_years, created_at, version) VALUES (2007, '总行级', 't', '{}', '[]', "
            "'{year}-{seq}', 'x', 2, %s, 1) RETURNING id", (now,)).fetchone()[0]
        for outlet, branch in (("310101", "310000"), ("110101", "110000"), ("320101", "320000")):
            conn.execute("INSERT INTO showcase_applications (cycle_id, outlet_id, branch_id, status, unit_name, form, "
                         "self_scores, created_at, version) VALUES (%s, %s, %s, '已提交', %s, '{}', '{}', %s, 1)",
                         (cycle, ids[outlet], ids[branch], outlet, now))
        reviewer = conn.execute("INSERT INTO showcase_reviewers (name, org_unit_id, version) VALUES ('张评审', %s, 1) "
                                "RETURNING id", (ids["320100"],)).fetchone()[0]
        conn.execute("INSERT INTO showcase_panel (cycle_id, reviewer_id) VALUES (%s, %s)", (cycle, reviewer))
        conn.commit()


@pytest.fixture(scope="module")
def office(samples_dir_module, tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp, pg.fresh_database(login=False) as su_url:
        base = tmp_path_factory.mktemp("office_user")  # logs of the in-process qsm runs
        mp.setenv("QSM_LOG_DIR", str(base / "log"))
        mp.setenv("QSM_DATA_DIR", str(base / "data"))
        mp.delenv("QSM_PASSWORD", raising=False)
        name = make_url(su_url).database
        code, out, err = qsm("--db", su_url, "db", "upgrade")
        assert code == 0, err
        people = {"hos": ("总行秘书", None, None), "li": ("分行秘书", "310000", "李丽"), "kan": ("查看", None, None),
                  "zhang": ("评审专家", "320100", "张评审")}
        urls = {}
        for who, (role, org, person) in people.items():
            login = f"{name}_{who}"
            args = ["--db", su_url, "user", "add", login, "--role", role, "--password-stdin"]
            args += ["--org", org] if org else []
            args += ["--name", person] if person else []
            code, out, err = qsm(*args, stdin=PW + "\n")
            assert code == 0, err
            urls[who] = pg.login_url(su_url, login, PW)
        returns = [str(samples_dir_module / "org_units.xlsx")] + sorted(
            str(p) for p in samples_dir_module.glob("certification_*.xlsx"))
        code, out, err = qsm("--db", urls["hos"], "import", *returns, "--json")
        assert code == 0, err + out
        _seed_scoped_rows(su_url)
        yield {"su": su_url, "name": name, **urls}


@pytest.fixture(scope="module")
def samples_dir_module():
    return Path(__file__).resolve().parents[1] / "samples"


def test_every_scoped_table_has_row_level_security_enabled_and_forced(office):
    with raw(office["su"]) as conn:
        rows = dict((r[0], (r[1], r[2], r[3])) for r in conn.execute(
            "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, pg_get_userbyid(c.relowner) FROM pg_class c "
            "WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'").fetchall())
        policies = {r[0] for r in conn.execute("SELECT DISTINCT tablename FROM pg_policies").fetchall()}
    names = security.RoleNames.for_database(office["name"])
    assert set(security.SCOPED_TABLES) <= set(rows)
    for table in security.SCOPED_TABLES:
        assert rows[table][:2] == (True, True), table
        assert table in policies, table
    assert {owner for _, _, owner in rows.values()} == {names.owner}  # every table, alembic_version too


def test_upgrade_again_is_idempotent_and_refused_to_ordinary_logins(office):
    with raw(office["su"]) as conn:
        before = conn.execute("SELECT count(*) FROM pg_policies").fetchone()[0]
    code, out, err = qsm("--db", office["su"], "db", "upgrade")
    assert code == 0 and "已是最新" in out, err
    with raw(office["su"]) as conn:
        assert conn.execute("SELECT count(*) FROM pg_policies").fetchone()[0] == before
    code, out, err = qsm("--db", office["li"], "db", "upgrade")  # nothing to do: allowed, changes nothing
    assert code == 0, err


def test_branch_secretary_rates_work_and_other_units_are_refused(office):
    code, out, err = qsm("--db", office["li"], "cert-rate", "--as-of", "2007-12-31", "--json")
    assert code == 0, err
    mine = json.loads(out)
    code, out, _ = qsm("--db", office["hos"], "cert-rate", "--as-of", "2007-12-31", "--unit", "310000", "--json")
    assert mine == json.loads(out) and mine["unit"] == "310000" and mine["all"]["members"] > 0
    for other in ("110000", "000000"):
        code, _, err = qsm("--db", office["li"], "cert-rate", "--as-of", "2007-12-31", "--unit", other)
        assert code == 1 and f"您只能处理本机构 310000 范围内的数据，{other} 不在其中" in err


SUBTREE_CHECKS = {
    # table: SQL giving (rows visible, rows visible outside 310000's subtree)
    "staff": "SELECT count(*), count(*) FILTER (WHERE o.path NOT LIKE '%%/310000/%%') FROM staff t "
             "JOIN org_units o ON o.id = t.org_unit_id",
    "certificates": "SELECT count(*), count(*) FILTER (WHERE o.path NOT LIKE '%%/310000/%%') FROM certificates t "
                    "JOIN staff s ON s.id = t.staff_id JOIN org_units o ON o.id = s.org_unit_id",
    "import_batches": "SELECT count(*), count(*) FILTER (WHERE o.path NOT LIKE '%%/310000/%%') FROM import_batches t "
                      "JOIN org_units o ON o.code = t.org_code",
    "indicator_values": "SELECT count(*), count(*) FILTER (WHERE o.path NOT LIKE '%%/310000/%%') FROM "
                        "indicator_values t JOIN org_units o ON o.id = t.org_unit_id",
    "internal_service_ratings": "SELECT count(*), count(*) FILTER (WHERE o.path NOT LIKE '%%/310000/%%') FROM "
                                "internal_service_ratings t JOIN org_units o ON o.id = t.rater_org_id",
    "showcase_applications": "SELECT count(*), count(*) FILTER (WHERE o.path NOT LIKE '%%/310000/%%') FROM "
                             "showcase_applications t JOIN org_units o ON o.id = t.outlet_id",
    "audit_log": "SELECT count(*), count(*) FILTER (WHERE t.login <> current_user AND (b.org_code IS NULL "
                 "OR b.org_code NOT LIKE '31%%')) FROM audit_log t LEFT JOIN import_batches b ON b.id = t.batch_id",
}


def test_raw_sql_as_branch_secretary_shows_only_her_subtree(office):
    with raw(office["li"]) as li, raw(office["su"]) as su:
        for table, query in SUBTREE_CHECKS.items():
            visible, outside = li.execute(query).fetchone()
            total = su.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            assert outside == 0, table
            assert 0 < visible < total, (table, visible, total)
        # published results bank-wide, drafts only her own
        scores = li.execute("SELECT p.status, s.org_code FROM unit_scores s JOIN evaluation_periods p "
                            "ON p.id = s.period_id ORDER BY 1, 2").fetchall()
        assert scores == [("draft", "310000"), ("published", "110000"), ("published", "310000")]
        assert li.execute("SELECT count(*) FROM org_units").fetchone()[0] == su.execute(
            "SELECT count(*) FROM org_units").fetchone()[0]  # the tree itself is bank-wide


def test_raw_sql_writes_outside_her_subtree_are_refused(office):
    with raw(office["su"]) as su:
        ids = dict(su.execute("SELECT code, id FROM org_units").fetchall())
        other_staff = su.execute("SELECT id FROM staff WHERE org_unit_id = %s LIMIT 1", (ids["110000"],)).fetchone()[0]
        post = su.execute("SELECT id FROM posts LIMIT 1").fetchone()[0]
    mine = "SELECT t.id FROM staff t JOIN org_units o ON o.id = t.org_unit_id WHERE o.path LIKE '%%/310000/%%' LIMIT 1"
    refusals = [
        ("UPDATE staff SET org_unit_id = %s WHERE id = ({})".format(mine), (ids["110101"],)),  # move a row out
        ("INSERT INTO staff (staff_no, name, org_unit_id, post_id, version) VALUES ('9999991', 'x', %s, %s, 1)",
         (ids["110101"], post)),
        ("INSERT INTO indicator_values (org_unit_id, period, indicator_code, value, origin, version) "
         "VALUES (%s, '2007Q4', 'A02', 1, 'manual', 1)", (ids["110000"],)),
        ("INSERT INTO import_batches (file_name, sha256, kind, org_code, period, imported_by, imported_at, status, "
         "row_count, slot) VALUES ('f', 'x', 'certification', '110000', '2007Q4', 'x', now(), 'superseded', 0, '')", None),
        ("DELETE FROM audit_log", None),
        ("UPDATE accounts SET role = 'ho_secretary'", None),
        ("SELECT password_hash FROM accounts", None),
        ("SELECT * FROM showcase_secret", None),
        ("ALTER TABLE staff DISABLE ROW LEVEL SECURITY", None),
        ("SET ROLE " + security.RoleNames.for_database(office["name"]).owner, None),
        # the org tree: nothing moves out of her subtree, nothing new outside it, nothing is deleted
        ("UPDATE org_units SET parent_id = %s, path = '/000000/110000/110100/310101/' WHERE code = '310101'",
         (ids["110100"],)),
        ("INSERT INTO org_units (code, name, type, status, parent_id, path, version) VALUES "
         "('110199', 'x', '网点', '正常', %s, '/000000/110000/110100/110199/', 1)", (ids["110100"],)),
        ("INSERT INTO org_units (code, name, type, status, parent_id, path, version) VALUES "
         "('310199', 'x', '网点', '正常', %s, '/000000/110000/310199/', 1)", (ids["110000"],)),
        ("DELETE FROM org_units WHERE code = '310101'", None),
    ]
    for statement, params in refusals:
        with raw(office["li"]) as li:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                li.execute(statement, params)
    with raw(office["li"]) as li:
        assert li.execute("UPDATE staff SET name = 'x' WHERE id = %s", (other_staff,)).rowcount == 0  # invisible
        assert li.execute("DELETE FROM certificates WHERE staff_id = %s", (other_staff,)).rowcount == 0
        # her branch's own row and other branches' units are not hers to change
        assert li.execute("UPDATE org_units SET name = 'x' WHERE code IN ('310000', '110101')").rowcount == 0
        # inside her subtree she may write: a new outlet under her sub-branch (her org list, DESIGN §3.1)
        assert li.execute("INSERT INTO org_units (code, name, type, status, parent_id, path, version) VALUES "
                          "('310199', 'x', '网点', '正常', %s, '/000000/310000/310100/310199/', 1)",
                          (ids["310100"],)).rowcount == 1
        # inside her subtree she may write
        assert li.execute("INSERT INTO staff (staff_no, name, org_unit_id, post_id, version) "
                          "VALUES ('9999992', 'x', %s, %s, 1)", (ids["310101"], post)).rowcount == 1
        # an audit entry always names its writer, whatever the client sends
        login = li.execute("INSERT INTO audit_log (at, login, role, entity, action) VALUES (now(), 'someone_else', "
                           "'admin', 'staff', 'update') RETURNING login, role").fetchone()
        assert login == (f"{office['name']}_li", "branch_secretary")


def test_reviewer_sees_her_panels_applications_but_never_her_own_branch(office):
    with raw(office["zhang"]) as zhang:
        outlets = [r[0] for r in zhang.execute("SELECT unit_name FROM showcase_applications ORDER BY 1").fetchall()]
        assert outlets == ["110101", "310101"]  # 320101 lies in her own branch 320000
        assert zhang.execute("SELECT count(*) FROM staff").fetchone()[0] == 0
        assert zhang.execute("SELECT count(*) FROM indicator_values").fetchone()[0] == 0


def test_viewer_cannot_import_and_reads_bank_wide(office, samples_dir_module):
    code, out, _ = qsm("--db", office["kan"], "import", str(samples_dir_module / "certification_310000_2007Q4.xlsx"),
                       "--json")
    assert code == 1 and json.loads(out)["files"][0]["status"] == "refused"
    with raw(office["kan"]) as kan:
        assert kan.execute("SELECT count(*) FROM staff").fetchone()[0] > 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            kan.execute("UPDATE staff SET name = 'x'")


def test_branch_secretary_imports_her_return_but_not_another_branchs(office, samples_dir_module, tmp_path):
    with raw(office["su"]) as su:
        batches = su.execute("SELECT count(*) FROM import_batches").fetchone()[0]
    code, out, _ = qsm("--db", office["li"], "import", str(samples_dir_module / "certification_110000_2007Q4.xlsx"),
                       "--json")
    assert code == 1
    result = json.loads(out)["files"][0]
    assert result["status"] == "refused" and "110000 不在其中" in result["problems"][0]["message"]
    book = openpyxl.load_workbook(samples_dir_module / "certification_310000_2007Q4.xlsx")
    book.properties.title = "第二版"
    second = tmp_path / "certification_310000_v2.xlsx"
    book.save(second)
    code, out, err = qsm("--db", office["li"], "import", str(second), "--json")
    assert code == 0, err + out
    (result,) = json.loads(out)["files"]
    assert result["status"] == "imported" and result["supersedes"]
    with raw(office["su"]) as su:
        assert su.execute("SELECT count(*) FROM import_batches").fetchone()[0] == batches + 1
    code, out, _ = qsm("--db", office["li"], "audit", "--entity", "import_batch", "--json")
    logins = {e["login"] for e in json.loads(out)["entries"] if e["action"] == "import"}
    assert logins == {f"{office['name']}_hos", f"{office['name']}_li"}


def test_audit_names_the_login_that_imported(office):
    code, out, err = qsm("--db", office["hos"], "audit", "--entity", "import_batch", "--json")
    assert code == 0, err
    imports = [e for e in json.loads(out)["entries"] if e["action"] == "import"]
    assert len(imports) >= 11
    assert imports[0]["login"] == f"{office['name']}_hos"  # session_user, written by the database


def test_privileged_logins_are_refused_for_daily_work(office):
    code, _, err = qsm("--db", office["su"], "cert-rate", "--as-of", "2007-12-31")
    assert code == 1 and "是超级用户" in err and "qsm user add" in err
    names = security.RoleNames.for_database(office["name"])
    dba = f"{office['name']}_dba"
    with raw(office["su"]) as su:
        su.execute(f'CREATE ROLE "{dba}" LOGIN PASSWORD \'{PW}\'')
        su.execute(f'GRANT "{names.owner}" TO "{dba}"')
        su.commit()
    code, _, err = qsm("--db", pg.login_url(office["su"], dba, PW), "cert-rate", "--as-of", "2007-12-31")
    assert code == 1 and "拥有数据表" in err
    code, out, err = qsm("--db", office["su"], "user", "list", "--json")  # account management: allowed
    assert code == 0 and len(json.loads(out)["users"]) == 4


def test_disable_and_passwd_change_the_database_role(office):
    name = office["name"]
    code, _, err = qsm("--db", office["su"], "user", "add", f"{name}_tmp", "--role", "viewer", "--org", "310000",
                       "--password-stdin", stdin=PW)
    assert code == 0, err
    assert qsm("--db", office["su"], "user", "passwd", f"{name}_tmp", "--password-stdin", stdin="new-pass-22")[0] == 0
    with raw(office["su"]) as su:
        verifier = su.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s", (f"{name}_tmp",)).fetchone()[0]
    assert verifier.startswith("SCRAM-SHA-256$") and "new-pass-22" not in verifier
    assert qsm("--db", office["su"], "user", "disable", f"{name}_tmp")[0] == 0
    with raw(office["su"]) as su:
        assert su.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s", (f"{name}_tmp",)).fetchone()[0] is False
        groups = {r[0] for r in su.execute(
            "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
            "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = %s", (f"{name}_tmp",)).fetchall()}
    assert groups == {security.RoleNames.for_database(name).groups["viewer"]}
    code, _, err = qsm("--db", office["li"], "user", "add", f"{name}_x", "--role", "viewer", "--password-stdin",
                       stdin=PW)
    assert code == 1 and "无权管理登录账户" in err


def test_an_admin_login_creates_logins_without_being_privileged(office):
    name = office["name"]
    code, _, err = qsm("--db", office["su"], "user", "add", f"{name}_adm", "--role", "admin", "--password-stdin",
                       stdin=PW)
    assert code == 0, err
    admin_url = pg.login_url(office["su"], f"{name}_adm", PW)
    code, _, err = qsm("--db", admin_url, "user", "add", f"{name}_new", "--role", "branch_secretary", "--org",
                       "320000", "--password-stdin", stdin=PW)
    assert code == 0, err
    code, out, err = qsm("--db", pg.login_url(office["su"], f"{name}_new", PW), "cert-rate", "--as-of", "2007-12-31",
                         "--json")
    assert code == 0 and json.loads(out)["unit"] == "320000", err
    assert qsm("--db", admin_url, "user", "disable", f"{name}_new")[0] == 0
    code, _, err = qsm("--db", pg.login_url(office["su"], f"{name}_new", PW), "cert-rate", "--as-of", "2007-12-31")
    assert code == 1 and "not permitted to log in" in err  # the role is NOLOGIN now: the server refuses


def test_monitoring_and_complaints_rows_are_scoped_by_the_database(office, samples_dir_module):
    """Issue 13's tables (DESIGN §8–9) are under row-level security too: as the head-office secretary
    two branches' visits and complaint registers are imported and the quarter finalised; the branch
    secretary of 310000 then reads, over raw SQL, only her branch's visits, complaints, findings and
    actions, may update her own actions' feedback but raise none, and cannot register a complaint
    for another branch."""
    mon, cmp_ = samples_dir_module / "monitoring", samples_dir_module / "complaints"
    returns = [str(mon / f"mystery_{b}_2007Q4.xlsx") for b in ("310000", "110000")]
    returns += [str(cmp_ / f"complaints_{b}_2007Q4.xlsx") for b in ("310000", "110000")]
    code, out, err = qsm("--db", office["hos"], "import", *returns, "--json")
    assert code == 0, err + out
    code, out, err = qsm("--db", office["hos"], "monitoring", "finalise", "--period", "2007Q4")
    assert code == 0, err + out
    with raw(office["su"]) as su:
        ids = dict(su.execute("SELECT code, id FROM org_units").fetchall())
        everywhere = {t: su.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                      for t in ("mystery_visits", "complaints", "findings", "capa_actions")}
        theirs = su.execute("SELECT id FROM capa_actions WHERE branch_id = %s LIMIT 1", (ids["110000"],)).fetchone()
    assert all(everywhere.values()), everywhere
    with raw(office["li"]) as li:
        branches = {t: {r[0] for r in li.execute(f"SELECT DISTINCT branch_id FROM {t}").fetchall()}
                    for t in ("mystery_visits", "mystery_appeals", "complaints", "findings", "capa_actions")}
        visible = {t: li.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                   for t in ("mystery_visits", "complaints", "findings", "capa_actions")}
        assert all(b <= {ids["310000"]} for b in branches.values()), branches
        assert 0 < visible["mystery_visits"] < everywhere["mystery_visits"]
        assert 0 < visible["complaints"] < everywhere["complaints"]
        assert visible["capa_actions"] < everywhere["capa_actions"]
        items = li.execute("SELECT count(*) FROM mystery_visit_items i JOIN mystery_visits v ON v.id = i.visit_id "
                           "WHERE v.branch_id <> %s", (ids["310000"],)).fetchone()[0]
        assert items == 0
        assert theirs is not None  # 110000's quarter raised actions too
        # another branch's action is invisible to her, so an update touches nothing
        assert li.execute("UPDATE capa_actions SET responsible = 'x' WHERE id = %s", (theirs[0],)).rowcount == 0
    with raw(office["li"]) as li, pytest.raises(psycopg.errors.InsufficientPrivilege):
        li.execute("DELETE FROM capa_actions")  # feedback is an UPDATE; raising and removing is head office's
    with raw(office["li"]) as li, pytest.raises(psycopg.errors.InsufficientPrivilege):
        li.execute("INSERT INTO complaints (period, branch_id, number, category, received, channel, business_type, "
                   "cause, target_id, valid, class_name, class_days) VALUES ('2007Q4', %s, 'X-1', '客户投诉', "
                   "DATE '2007-11-01', '柜面', '储蓄', 'x', %s, true, '一般', 15)",
                   (ids["110000"], ids["110000"]))


def test_a_draft_quarter_is_head_offices_and_a_branch_reads_only_her_units_of_it(office):
    """DESIGN §6, issue 12's residual: a draft (unpublished) quarter is head office's working copy.
    Over raw SQL the branch secretary of 310000 reads no quarter she has no unit in (2007Q2, a draft
    of 110000 alone), her own units' results and missing returns of a draft (2007Q3, which the window
    shows her as "draft, not published"), every unit of a published quarter (2007Q4) — and changes no
    quarter. Head office and the bank-wide viewer read every quarter; the reviewer published ones."""
    with raw(office["li"]) as li:
        periods = li.execute("SELECT period, status FROM evaluation_periods ORDER BY 1").fetchall()
        assert periods == [("2007Q3", "draft"), ("2007Q4", "published")]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            li.execute("UPDATE evaluation_periods SET status = 'published'")
    with raw(office["su"]) as su:
        su.execute("""UPDATE unit_scores SET missing_returns = '[{"kind": "quarterly", "message": "未报送"}]'""")
        su.commit()
    with raw(office["li"]) as li:
        missing = li.execute("SELECT p.period, s.org_code FROM unit_scores s LEFT JOIN evaluation_periods p "
                             "ON p.id = s.period_id WHERE s.missing_returns IS NOT NULL ORDER BY 1, 2").fetchall()
        assert missing == [("2007Q3", "310000"), ("2007Q4", "110000"), ("2007Q4", "310000")]
    for who, seen in (("hos", ["2007Q2", "2007Q3", "2007Q4"]), ("kan", ["2007Q2", "2007Q3", "2007Q4"]),
                      ("zhang", ["2007Q4"])):
        with raw(office[who]) as conn:
            assert [r[0] for r in conn.execute("SELECT period FROM evaluation_periods ORDER BY 1")] == seen, who


def test_an_older_set_up_is_replaced_by_the_superusers_upgrade(office):
    """A database set up by VERSION 4 (evaluation_periods without row-level security: a branch read
    every draft quarter) is set up again by the superuser's ``qsm db upgrade``; the branch's own
    ``qsm db upgrade`` is refused with the sentence naming who must run it."""
    names = security.RoleNames.for_database(office["name"])
    old = json.dumps({"version": 4, "owner": names.owner, "prefix": names.prefix})
    with raw(office["su"]) as su:
        for policy in ("qsm_read", "qsm_write"):
            su.execute(f"DROP POLICY {policy} ON evaluation_periods")
        su.execute("ALTER TABLE evaluation_periods NO FORCE ROW LEVEL SECURITY")
        su.execute("ALTER TABLE evaluation_periods DISABLE ROW LEVEL SECURITY")
        su.execute("CREATE OR REPLACE FUNCTION qsm_security_state() RETURNS text LANGUAGE sql IMMUTABLE "
                   f"AS $$ SELECT '{old}'::text $$")
        su.commit()
    with raw(office["li"]) as li:
        assert li.execute("SELECT count(*) FROM evaluation_periods WHERE period = '2007Q2'").fetchone()[0] == 1
    code, out, err = qsm("--db", office["li"], "db", "upgrade")
    assert code == 1 and "超级用户" in err, (out, err)
    code, out, err = qsm("--db", office["su"], "db", "upgrade")
    assert code == 0, err
    with raw(office["li"]) as li:
        assert li.execute("SELECT count(*) FROM evaluation_periods WHERE period = '2007Q2'").fetchone()[0] == 0
        assert json.loads(li.execute("SELECT qsm_security_state()").fetchone()[0])["version"] == security.VERSION


def test_a_branch_reads_her_own_units_and_missing_returns_of_a_draft_head_office_computed(office):
    """End to end through the services on PostgreSQL: head office computes 2008Q1 (many returns
    missing); the branch secretary's window (her own login's services) shows her units of the draft
    and their missing returns only, and the database hands her no other unit's missing returns."""
    from qsm_desktop.services.accounts import sign_in
    from qsm_desktop.services.bundle import build_services

    with raw(office["su"]) as su:
        for code in ("310000", "110000"):
            su.execute("INSERT INTO indicator_values (org_unit_id, period, indicator_code, value, origin, version) "
                       "SELECT id, '2008Q1', 'A01', 95, 'manual', 1 FROM org_units WHERE code = %s", (code,))
        su.commit()
    code, out, err = qsm("--db", office["hos"], "evaluate", "--period", "2008Q1", "--json")
    assert code == 0, err
    boss = build_services(office["hos"])
    mine = build_services(office["li"])
    try:
        bank = boss.evaluation.scores(sign_in(boss), "2008Q1")
        assert bank.status == "draft" and {m.unit_code[:2] for m in bank.missing} > {"31"}
        hers = mine.evaluation.scores(sign_in(mine), "2008Q1")
        assert hers.status == "draft" and hers.missing
        assert {u.code[:2] for u in hers.scores.units} == {"31"}
        assert {m.unit_code[:2] for m in hers.missing} == {"31"}
    finally:
        boss.dispose()
        mine.dispose()
    with raw(office["li"]) as li:
        rows = li.execute("SELECT s.org_code FROM unit_scores s JOIN evaluation_periods p ON p.id = s.period_id "
                          "WHERE p.period = '2008Q1' AND s.missing_returns IS NOT NULL").fetchall()
        assert rows and all(code.startswith("31") for (code,) in rows)
