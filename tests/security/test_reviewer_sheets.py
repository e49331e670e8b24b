"""A reviewer's write path (issue 12, DESIGN §5/§6): a reviewer (评审专家) on a cycle's panel reads
only the applications assigned to her — never one of her own branch — and saves and revises her
OWN score sheet of them, with its version; nothing else.

Through the services on both databases: on SQLite the application's checks, on PostgreSQL the
reviewer's own database login (grants and row-level security filter too). On PostgreSQL the last
test also signs in as her login with raw SQL and checks what the database itself refuses.

The office: the sample org list; 2007 总行级 applications of 310101 (Shanghai), 110101 (Beijing) and
320101 (Jiangsu), submitted; the reviewer 张评审 of 320100 (Jiangsu) on the cycle's panel.
"""

from __future__ import annotations

from decimal import Decimal

import psycopg
import pytest
from sqlalchemy.engine import make_url

import pg
from qsm_desktop.domain.errors import ConflictError, InputRefused, NotFound, PermissionDenied
from qsm_desktop.domain.showcase import ScoreEntry
from qsm_desktop.services import audit_trail
from qsm_desktop.services.context import Actor, Role
from scope_office import import_ok

PW = "reviewer-pass-1"


class Office:
    """``ho``/``hos``: head office's services and actor; ``mine``/``zhang``: the reviewer's services
    (her own login on PostgreSQL) and actor; ``apps``: outlet code → application id."""

    def __init__(self, ho, hos, mine, zhang, apps, url):
        self.ho, self.hos, self.mine, self.zhang, self.apps, self.url = ho, hos, mine, zhang, apps, url

    @property
    def postgres(self) -> bool:
        return self.url.startswith("postgresql")

    @property
    def svc(self):
        return self.mine.showcase


def _reviewer(services, db_url: str, suffix: str, name: str, org: str):
    """(services, actor) of a reviewer login named ``name`` of unit ``org``."""
    from qsm_desktop.services.accounts import sign_in
    from qsm_desktop.services.bundle import build_services

    if not db_url.startswith("postgresql"):
        admin = Actor("admin", Role.ADMIN)
        if not services.accounts.has_accounts():
            services.accounts.add(admin, "admin", "admin", password="admin-pass-1")
        services.accounts.add(admin, suffix, "reviewer", password=PW, org=org, name=name)
        return services, Actor(suffix, Role.REVIEWER, org)
    database = make_url(db_url).database
    su_url = make_url(pg.server_url()).set(database=database).render_as_string(hide_password=False)
    su = build_services(su_url)
    try:
        su.accounts.add(sign_in(su, manage=True), f"{database}_{suffix}", "reviewer", password=PW, org=org, name=name)
    finally:
        su.dispose()
    mine = build_services(pg.login_url(db_url, f"{database}_{suffix}", PW))
    return mine, sign_in(mine)


@pytest.fixture
def office(services, actor, db_url, samples_dir):
    import_ok(services, actor, [samples_dir / "org_units.xlsx"])
    svc = services.showcase
    apps = {code: svc.create_application(actor, 2007, "总行级", code, status="已提交").id
            for code in ("310101", "110101", "320101")}
    svc.assign_reviewer(actor, 2007, "总行级", "张评审", "320100")
    mine, zhang = _reviewer(services, db_url, "zhang", "张评审", "320100")
    yield Office(services, actor, mine, zhang, apps, db_url)
    if mine is not services:
        mine.dispose()


def _entries(svc, actor, minus: int = 0):
    sheet = svc.cycle(actor, 2007, "总行级").sheet
    return [ScoreEntry(position=i, name=item.name, code=item.code, score=item.points - (minus if i == 1 else 0),
                       reason="服务台不整洁" if minus and i == 1 else "")
            for i, item in enumerate(sheet.items, 1)]


def test_a_reviewer_lists_only_her_panels_applications_never_her_own_branch(office):
    listed = {a.outlet_code for a in office.svc.applications(office.zhang)}
    assert listed == {"310101", "110101"}  # 320101 lies in her own branch 320000
    assert office.svc.application(office.zhang, office.apps["310101"]).outlet_code == "310101"
    # refused with the conflict sentence; on PostgreSQL the row is not even visible to her login
    with pytest.raises(NotFound if office.postgres else PermissionDenied,
                       match="不存在" if office.postgres else "从不评审本分行的申报"):
        office.svc.application(office.zhang, office.apps["320101"])


def test_a_reviewer_saves_and_revises_her_own_sheet_with_its_version(office):
    svc, zhang, app = office.svc, office.zhang, office.apps["310101"]
    saved = svc.save_sheet(zhang, app, "", "", _entries(svc, zhang), version=0)  # her name and unit filled in
    assert (saved.sheet.reviewer, saved.sheet.reviewer_org) == ("张评审", "320100")
    assert saved.sheet.total == svc.cycle(zhang, 2007, "总行级").sheet.total_points and not saved.sheet.excluded
    # her first sheet took the application into review (as head office's would)
    assert office.ho.showcase.application(office.hos, app).status == "总行评审中"
    revised = svc.save_sheet(zhang, app, "张评审", "320100", _entries(svc, zhang, minus=2), version=saved.sheet.version)
    assert revised.sheet.total == saved.sheet.total - 2 and revised.sheet.version > saved.sheet.version
    with pytest.raises(ConflictError):  # the copy she saw first is stale now
        svc.save_sheet(zhang, app, "张评审", "320100", _entries(svc, zhang), version=saved.sheet.version)
    (mine,) = svc.sheets(zhang, app)
    assert mine.total == revised.sheet.total and mine.items[0].reason == "服务台不整洁"
    trail = [(e.login, e.action) for e in audit_trail.entries(office.ho, office.hos, entity="score_sheet")]
    assert trail == [(zhang.login, "create"), (zhang.login, "update")]  # on PostgreSQL: her session_user


def test_a_reviewer_enters_no_one_elses_sheet_and_nothing_of_her_own_branch(office):
    svc, zhang = office.svc, office.zhang
    with pytest.raises(InputRefused, match="只能录入本人的评分表"):
        svc.save_sheet(zhang, office.apps["310101"], "王评审", "000103", _entries(svc, zhang))
    with pytest.raises(InputRefused, match="只能录入本人的评分表"):
        svc.save_sheet(zhang, office.apps["310101"], "张评审", "110000", _entries(svc, zhang))
    with pytest.raises(NotFound if office.postgres else PermissionDenied,
                       match="不存在" if office.postgres else "从不评审本分行的申报"):
        svc.save_sheet(zhang, office.apps["320101"], "", "", _entries(svc, zhang))
    assert office.ho.showcase.sheets(office.hos, office.apps["320101"]) == []
    assert office.ho.showcase.application(office.hos, office.apps["320101"]).status == "已提交"


def test_a_reviewer_reads_only_her_own_sheet_and_not_the_ranking(office):
    svc, zhang, app = office.svc, office.zhang, office.apps["110101"]
    office.ho.showcase.save_sheet(office.hos, app, "赵评审", "000103", _entries(svc, office.hos, minus=5))
    svc.save_sheet(zhang, app, "", "", _entries(svc, zhang))
    assert [s.reviewer for s in svc.sheets(zhang, app)] == ["张评审"]
    assert {s.reviewer for s in office.ho.showcase.sheets(office.hos, app)} == {"张评审", "赵评审"}
    with pytest.raises(PermissionDenied, match="无权查看评选排名"):
        svc.rank(zhang, 2007, "总行级")
    with pytest.raises(PermissionDenied, match="无权查看评选排名"):
        svc.progress(zhang, 2007, "总行级")


def test_a_reviewer_off_every_panel_gets_nothing(office, db_url):
    mine, wang = _reviewer(office.ho, db_url, "wang", "王评审", "000103")
    try:
        assert mine.showcase.applications(wang) == []
        with pytest.raises(PermissionDenied, match="还不是登记的评审专家"):
            mine.showcase.save_sheet(wang, office.apps["310101"], "", "", _entries(mine.showcase, wang))
        # on a panel, a head-office department's reviewer gets every application (no branch of her own)
        office.ho.showcase.assign_reviewer(office.hos, 2007, "总行级", "王评审", "000103")
        assert {a.outlet_code for a in mine.showcase.applications(wang)} == {"310101", "110101", "320101"}
    finally:
        if mine is not office.ho:
            mine.dispose()


def test_only_head_office_puts_reviewers_on_panels(office):
    for who in (Actor("li", Role.BRANCH_SECRETARY, "310000"), Actor("kan", Role.VIEWER), office.zhang):
        with pytest.raises(PermissionDenied, match="无权修改评选周期"):
            office.ho.showcase.assign_reviewer(who, 2007, "总行级", "钱评审", "310000")


@pytest.mark.postgres
def test_on_postgres_her_login_writes_exactly_her_own_sheets(office):
    if not office.url.startswith("postgresql"):
        pytest.skip("raw SQL as the reviewer's database login: PostgreSQL only")
    svc, zhang = office.svc, office.zhang
    mine = svc.save_sheet(zhang, office.apps["310101"], "", "", _entries(svc, zhang)).sheet
    other = office.ho.showcase.save_sheet(office.hos, office.apps["310101"], "赵评审", "000103",
                                          _entries(svc, office.hos)).sheet
    url = make_url(pg.login_url(office.url, zhang.login, PW)).set(drivername="postgresql")
    with psycopg.connect(url.render_as_string(hide_password=False), connect_timeout=10, autocommit=True) as conn:
        def refused(sql: str, *params) -> bool:
            try:
                with conn.transaction():
                    return conn.execute(sql, params).rowcount == 0
            except (psycopg.errors.InsufficientPrivilege, psycopg.errors.CheckViolation):
                return True

        codes = {r[0] for r in conn.execute("SELECT o.code FROM showcase_applications a JOIN org_units o "
                                            "ON o.id = a.outlet_id").fetchall()}
        assert codes == {"310101", "110101"}
        assert [r[0] for r in conn.execute("SELECT id FROM showcase_score_sheets").fetchall()] == [mine.id]
        # her own sheet: yes
        with conn.transaction():
            assert conn.execute("UPDATE showcase_score_sheets SET total = total WHERE id = %s", (mine.id,)).rowcount == 1
        # anybody else's sheet, another reviewer's name, other columns or statuses of an application: no
        assert refused("UPDATE showcase_score_sheets SET total = 0 WHERE id = %s", other.id)
        assert refused("DELETE FROM showcase_sheet_items WHERE sheet_id = %s", other.id)
        assert refused("INSERT INTO showcase_score_sheets (application_id, reviewer_id, total, excluded, complete, "
                       "warnings, version) VALUES (%s, %s, 1, false, true, 0, 1)",
                       office.apps["110101"], other.reviewer_id)
        assert refused("INSERT INTO showcase_score_sheets (application_id, reviewer_id, total, excluded, complete, "
                       "warnings, version) VALUES (%s, %s, 1, false, true, 0, 1)",
                       office.apps["320101"], mine.reviewer_id)
        assert refused("UPDATE showcase_applications SET unit_name = 'x' WHERE id = %s", office.apps["110101"])
        assert refused("UPDATE showcase_applications SET status = '已授予' WHERE id = %s", office.apps["110101"])
        assert refused("UPDATE showcase_applications SET status = '总行评审中' WHERE id = %s", office.apps["320101"])
        assert refused("INSERT INTO showcase_panel (cycle_id, reviewer_id) SELECT cycle_id, %s FROM "
                       "showcase_applications LIMIT 1", mine.reviewer_id)
        assert refused("UPDATE showcase_reviewers SET name = 'x'")
        assert conn.execute("SELECT count(*) FROM staff").fetchone()[0] == 0
        # the one step her first sheet takes: an assigned, submitted application into review
        with conn.transaction():
            assert conn.execute("UPDATE showcase_applications SET status = '总行评审中' WHERE id = %s",
                                (office.apps["110101"],)).rowcount == 1
            raise psycopg.Rollback()
    assert Decimal(mine.total) > 0
