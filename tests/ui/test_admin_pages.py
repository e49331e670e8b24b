"""The administration and audit pages (issue 12 items 1 and 5) — pytest-qt, offscreen, a real SQLite file.

Driven as an administrator would: the dialogs are filled and their buttons clicked, the
confirmation and the stale-save box answered; the audit page filtered, sorted, paged and exported.
"""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from qsm_desktop.services.accounts import sign_in
from qsm_desktop.services.context import Actor, Role
from windows import open_window, settle  # tests/ui/windows.py

PW = "boss-pass-12"
STALE = "这条记录已被他人修改（账户 li）。请重新打开，核对后再保存；您的修改未被保存。"


@pytest.fixture
def office(sqlite_services, samples_dir):
    """The first account ``boss`` (an administrator) and the org list with two branches' returns."""
    boss = sqlite_services.accounts.add(sign_in(sqlite_services), "boss", "admin", password=PW, name="王管理")
    results = sqlite_services.imports.import_files(
        [samples_dir / "org_units.xlsx", samples_dir / "certification_310000_2007Q4.xlsx",
         samples_dir / "certification_110000_2007Q4.xlsx"], Actor("hos", Role.HO_SECRETARY))
    assert [r.status for r in results] == ["imported"] * 3
    return sqlite_services, Actor(boss.login, Role.ADMIN)


@pytest.fixture
def admin_window(qtbot, office, languages):
    services, boss = office
    win = open_window(qtbot, services, languages, boss)
    yield win
    win.tasks.cancel_all()
    settle(win, qtbot)


def _row(page, login):
    return next((a for a in page.accounts() if a.login == login), None)


@pytest.mark.parametrize(("role", "scope", "offered"), [
    (Role.ADMIN, None, {"administration", "audit"}),
    (Role.HO_SECRETARY, None, {"audit"}),
    (Role.BRANCH_SECRETARY, "310000", {"audit"}),
    (Role.VIEWER, None, set()),
])
def test_the_pages_are_offered_by_role(qtbot, office, languages, role, scope, offered):
    services, _boss = office
    win = open_window(qtbot, services, languages, Actor("someone", role, scope))
    ids = {spec.page_id for spec in win._specs}
    assert ids & {"administration", "audit"} == offered
    assert "settings" in ids and "dashboard" in ids
    win.tasks.cancel_all()
    settle(win, qtbot)


def test_add_disable_enable_and_reset_through_the_dialogs(admin_window, qtbot):
    win = admin_window
    page = win.show_page("administration")
    qtbot.waitUntil(lambda: _row(page, "boss") is not None, timeout=20_000)
    assert page.title() == "管理" and win.navigation.currentItem().text() == "管理"
    assert "任何能复制此文件的人都能读取其全部内容" in page.note_label.text()

    # add 李丽, branch secretary of 310000: OK waits for her unit and two equal passwords
    page.add_button.click()
    dialog = page._dialog
    ok = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert [dialog.ui.roleCombo.itemText(i) for i in range(5)] == ["管理员", "总行秘书", "分行秘书", "评审专家", "查看"]
    dialog.ui.loginEdit.setText("li")
    dialog.ui.nameEdit.setText("李丽")
    dialog.ui.passwordEdit.setText("li-pass-123")
    dialog.ui.againEdit.setText("li-pass-124")
    assert not ok.isEnabled() and "分行秘书必须指定所属机构" in dialog.ui.hintLabel.text()
    dialog.set_org("310000")
    assert not ok.isEnabled() and dialog.ui.hintLabel.text() == "两次输入的密码不一致。"
    dialog.ui.againEdit.setText("li-pass-123")
    assert ok.isEnabled()
    ok.click()
    qtbot.waitUntil(lambda: _row(page, "li") is not None, timeout=20_000)
    assert not dialog.isVisible()
    li = _row(page, "li")
    assert (li.role.value, li.org, li.name, li.active) == ("branch_secretary", "310000", "李丽", True)
    model, column = page.model, page.model.column_index("org")
    shown = [model.data(model.index(r, column)) for r in range(model.rowCount()) if model.row_object(r).login == "li"]
    assert shown == ["交通银行上海市分行 (310000)"]
    assert page.selected_account().login == "li"

    # the same login again: the service's sentence in the dialog, which stays open with what was typed
    page.add_button.click()
    again = page._dialog
    again.set_role("viewer")
    again.ui.loginEdit.setText("li")
    again.ui.passwordEdit.setText("viewer-pass-1")
    again.ui.againEdit.setText("viewer-pass-1")
    again.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "已存在" in again.ui.hintLabel.text(), timeout=20_000)
    assert again.isVisible() and again.ui.loginEdit.text() == "li"
    again.reject()

    # disable after the confirmation
    page.select_login("li")
    assert page.active_button.text() == "停用…"
    page.active_button.click()
    box = page._dialog
    assert isinstance(box, QMessageBox) and "停用账户 li (李丽)？" in box.text()
    next(b for b in box.buttons() if b.text() == "停用").click()
    qtbot.waitUntil(lambda: not _row(page, "li").active, timeout=20_000)
    assert page.active_button.text() == "启用"
    page.active_button.click()  # enabling asks nothing
    qtbot.waitUntil(lambda: _row(page, "li").active, timeout=20_000)

    # reset the password: twice the same, at least 8 characters
    page.select_login("li")
    page.password_button.click()
    reset = page._dialog
    ok = reset.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
    reset.ui.passwordEdit.setText("short")
    assert not ok.isEnabled() and "至少需要 8 个字符" in reset.ui.hintLabel.text()
    reset.ui.passwordEdit.setText("new-li-pass-1")
    reset.ui.againEdit.setText("new-li-pass-1")
    ok.click()
    qtbot.waitUntil(lambda: "已修改 li 的密码" in page.status_label.text(), timeout=20_000)
    assert sign_in(win.services, "li", "new-li-pass-1").org_scope == "310000"
    from qsm_desktop.services import audit_trail

    actions = [e.action for e in audit_trail.entries(win.services, win.actor, entity="account") if e.key == "li"]
    assert actions == ["create", "disable", "enable", "passwd"]


def test_a_stale_copy_is_refused_with_the_sentence_and_offers_to_reload(admin_window, qtbot):
    win = admin_window
    services, boss = win.services, win.actor
    services.accounts.add(boss, "li", "branch_secretary", password="li-pass-123", org="310000", name="李丽")
    page = win.show_page("administration")
    qtbot.waitUntil(lambda: _row(page, "li") is not None, timeout=20_000)
    shown = _row(page, "li")
    # a second administrator disables her meanwhile, from her own screen
    services.accounts.disable(Actor("boss", Role.ADMIN), "li", version=shown.version)
    page.select_login("li")
    page.active_button.click()  # this page still shows her active
    next(b for b in page._dialog.buttons() if b.text() == "停用").click()
    qtbot.waitUntil(lambda: page._dialog is not None and page._dialog.objectName() == "conflictBox", timeout=20_000)
    box = page._dialog
    assert box.text() == STALE
    next(b for b in box.buttons() if b.text() == "重新载入").click()
    qtbot.waitUntil(lambda: not _row(page, "li").active, timeout=20_000)
    # the password dialog of a stale copy: refused the same way, the dialog closed
    page.select_login("li")
    stale = _row(page, "li")
    services.accounts.enable(Actor("boss", Role.ADMIN), "li")
    handle = page.reset_password("li", "new-li-pass-2", stale.version)
    settle(win, qtbot, handle)
    assert page._dialog.objectName() == "conflictBox" and page._dialog.text() == STALE


def _import_row(page):
    for row in range(page.proxy.rowCount()):
        line = page.proxy.data(page.proxy.index(row, 0), Qt.ItemDataRole.UserRole + 1)
        if line.entity == "import_batch":
            return row, line
    raise AssertionError("no import entry listed")


def test_the_audit_page_filters_sorts_compares_pages_and_exports(admin_window, qtbot, tmp_path):
    from qsm_desktop.services.audit import audit

    win = admin_window
    services = win.services
    with services.unit_of_work() as session:  # 450 corrections by hand, one of a key that looks like a formula
        for n in range(449):
            audit(session, Actor("zhao", Role.HO_SECRETARY), "staff", f"{n:07d}", "update", {"name": "旧名"},
                  {"name": f"新名{n}", "post_id": 3})
        audit(session, Actor("zhao", Role.HO_SECRETARY), "staff", '=HYPERLINK("http://x","y")', "update", None,
              {"name": "=1+1"})
    page = win.show_page("audit")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=20_000)
    assert page.title() == "审计日志"
    assert page.model.rowCount() == 200 and page.model.more and page.more_button.isEnabled()
    assert "最新的 200 条" in page.count_label.text()
    page.more_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 400, timeout=20_000)
    page.table.scrollToBottom()  # the view asks for the rest by itself
    qtbot.waitUntil(lambda: not page.model.more, timeout=20_000)
    total = page.model.rowCount()
    assert total == 450 + 3 + 1  # the corrections, three imports, boss's account
    times = [line.when for line in page.model.lines()]
    assert times == sorted(times, reverse=True)

    page.apply_filter(entity="import_batch")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=20_000)
    assert page.entity_combo.currentText() == "导入的报表"
    row, line = _import_row(page)
    page.table.selectRow(row)
    text = page.detail.toPlainText()
    from qsm_desktop.ui.labels import RETURN_KINDS, label

    # field names and coded values through the pages' labels, in the window's language (issue 14)
    assert "导入的报表" in text and "报表类型" in text and label(RETURN_KINDS, line.after["kind"]) in text
    assert "kind" not in text.split("\n")
    assert "新增" in text  # the fields an import adds are marked added

    page.apply_filter(login="zhao", text="000001")
    qtbot.waitUntil(lambda: page.model.rowCount() == 11, timeout=20_000)
    assert {line.login for line in page.model.lines()} == {"zhao"}
    page.table.selectRow(0)
    assert "旧名" in page.detail.toPlainText() and "修改" in page.detail.toPlainText()
    page.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # by key
    keys = [page.proxy.data(page.proxy.index(r, 4)) for r in range(page.proxy.rowCount())]
    assert keys == sorted(keys) and keys[0] == "0000001"

    today = dt.date.today()
    page.apply_filter(since=today + dt.timedelta(days=1))
    qtbot.waitUntil(lambda: page.model.rowCount() == 0 and "没有符合条件" in page.count_label.text(), timeout=20_000)
    page.apply_filter(since=today, until=today, login="zhao")
    qtbot.waitUntil(lambda: page.model.rowCount() == 200, timeout=20_000)
    assert page.from_check.isChecked() and page.from_edit.date().toPython() == today

    handle = page.export_to(tmp_path / "audit.xlsx")  # every entry of the filter, not the 200 on screen
    settle(win, qtbot, handle)
    assert handle.error is None and handle.result == 450
    sheet = load_workbook(tmp_path / "audit.xlsx").active
    header = [c.value for c in sheet[3]]
    assert header[:6] == ["时间", "登录名", "角色", "对象", "操作", "编号"]
    cells = {row[5].value: row for row in sheet.iter_rows(min_row=4)}
    formula_like = cells['=HYPERLINK("http://x","y")']
    assert formula_like[5].data_type == "s"  # text, never a formula
    assert '"=1+1"' in formula_like[7].value


def test_a_branch_secretary_sees_her_own_and_her_branchs_imports(qtbot, office, languages):
    services, _boss = office
    win = open_window(qtbot, services, languages, Actor("li", Role.BRANCH_SECRETARY, "310000"))
    page = win.show_page("audit")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=20_000)
    lines = page.model.lines()
    assert [line.entity for line in lines] == ["import_batch"]  # 310000's return, imported by the head office
    assert lines[0].after["org"] == "310000"
    assert page.entity_combo.count() == 2  # all entities, and the one she may see
    win.tasks.cancel_all()
    settle(win, qtbot)


def test_both_pages_in_english_and_in_the_screenshots(admin_window, qtbot, languages, tmp_path):
    win = admin_window
    admin = win.show_page("administration")
    audit_page = win.show_page("audit")
    languages.set_language("en")
    qtbot.wait(50)
    assert admin.title() == "Administration" and audit_page.title() == "Audit trail"
    assert admin.model.headerData(2, Qt.Orientation.Horizontal) == "Role"
    assert audit_page.entity_combo.itemText(0) == "All entities"
    languages.set_language("zh")
    qtbot.wait(50)
    written = {p.name for p in win.save_screenshots(tmp_path / "shots")}
    assert {"administration.png", "audit.png"} <= written
    for name in ("administration.png", "audit.png"):
        assert (tmp_path / "shots" / name).stat().st_size > 20_000


@pytest.mark.postgres
def test_on_postgres_the_page_makes_and_disables_database_logins(qtbot, languages):
    """An administrator's own (non-superuser) login adds a branch secretary through the page: a
    PostgreSQL login role in her group; disabling it makes the role NOLOGIN."""
    import pg

    if not pg.postgres_available():
        pytest.skip(pg.SKIP_REASON)
    from sqlalchemy.engine import make_url

    from qsm_desktop.services.bundle import build_services
    from qsm_desktop.store import db
    from qsm_desktop.ui.views.account_dialogs import NewAccount

    with pg.fresh_database(login=False) as su_url:
        name = make_url(su_url).database
        engine = db.make_engine(su_url)
        db.upgrade(engine)
        engine.dispose()
        su = build_services(su_url)
        su.accounts.add(sign_in(su, manage=True), f"{name}_adm", "admin", password=PW)
        services = build_services(pg.login_url(su_url, f"{name}_adm", PW))
        try:
            admin = sign_in(services)
            win = open_window(qtbot, services, languages, admin)
            page = win.show_page("administration")
            qtbot.waitUntil(lambda: _row(page, f"{name}_adm") is not None, timeout=20_000)
            assert "PostgreSQL 的登录角色" in page.note_label.text()
            login = f"{name}_li"
            handle = page.add_account(NewAccount(login, "李丽", "branch_secretary", None, "li-pass-123"))
            settle(win, qtbot, handle)
            assert "分行秘书必须指定所属机构" in str(handle.error)  # said in a box when no dialog is open
            handle = page.add_account(NewAccount(login, "李丽", "viewer", None, "li-pass-123"))
            settle(win, qtbot, handle)
            qtbot.waitUntil(lambda: _row(page, login) is not None, timeout=20_000)
            with su.engine.connect() as conn:
                assert conn.exec_driver_sql("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s", (login,)).scalar()
            handle = page.set_active(login, False, _row(page, login).version)
            settle(win, qtbot, handle)
            qtbot.waitUntil(lambda: not _row(page, login).active, timeout=20_000)
            with su.engine.connect() as conn:
                assert conn.exec_driver_sql("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s",
                                            (login,)).scalar() is False
            win.tasks.cancel_all()
            settle(win, qtbot)
            win.close()
        finally:
            services.dispose()
            su.dispose()


def test_the_audit_detail_shows_fields_and_coded_values_in_the_window_language(qtbot, languages):
    """Issue 14: an entry's fields are stored under English keys and coded values in Chinese or as
    codes; the detail shows both through the pages' labels — 级别 分行级 on the Chinese window,
    Level / branch level on the English one — while typed text stays as it was typed."""
    import datetime as dt
    from types import SimpleNamespace

    from qsm_desktop.ui.views.audit import detail_html

    line = SimpleNamespace(entity="showcase_cycle", key="2007 分行级", action="create", when=dt.datetime(2007, 12, 1, 9),
                           login="admin", role="admin", batch_id=None, before={"status": "待整改"},
                           after={"level": "分行级", "title": "二〇〇七年度示范窗口", "status": "已关闭",
                                  "reason": "critical", "sheet": "示范窗口单位现场评分表（行内标准）"})
    languages.set_language("zh")
    chinese = detail_html(line)
    assert "级别" in chinese and ">level<" not in chinese and "关键项失分" in chinese, chinese
    languages.set_language("en")
    english = detail_html(line)
    for shown in ("Level", "branch level", "closed", "to be corrected", "critical item lost points",
                  "Showcase unit on-site score sheet (bank standard)", "二〇〇七年度示范窗口"):
        assert shown in english, (shown, english)
    assert "分行级<" not in english and "已关闭" not in english
