"""The window side of logins (issue 12, DESIGN §6): the login dialog, who is signed in, role-shaped
navigation, sign-out and the backup menu — on real SQLite files (and PostgreSQL for the refused
superuser), driven offscreen with pytest-qt."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from qsm_desktop.app import open_services
from qsm_desktop.domain.errors import PermissionDenied
from qsm_desktop.services.accounts import sign_in
from qsm_desktop.services.context import Role
from qsm_desktop.settings import Settings, settings_path
from qsm_desktop.ui.context import SettingsStore
from qsm_desktop.ui.login_dialog import LAST_LOGIN, LoginDialog
from qsm_desktop.ui.signin import DesktopSignIn

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import pg  # noqa: E402  (tests/pg.py)

PW = {"boss": "boss-password-1", "li_li": "li-li-password-2", "kan": "viewer-password-3", "ping": "reviewer-pass-4"}


class MemoryKeyring:
    """An OS keyring stand-in (the keyring is a true boundary): kept in memory for the test."""

    def __init__(self):
        import keyring.backend

        class Backend(keyring.backend.KeyringBackend):
            priority = 1
            store: dict = {}

            def set_password(self, service, username, password):
                self.store[(service, username)] = password

            def get_password(self, service, username):
                return self.store.get((service, username))

            def delete_password(self, service, username):
                from keyring.errors import PasswordDeleteError

                if self.store.pop((service, username), None) is None:
                    raise PasswordDeleteError(username)

        self.backend = Backend()
        self.backend.store = {}


@pytest.fixture
def memory_keyring():
    import keyring

    previous = keyring.get_keyring()
    fake = MemoryKeyring()
    keyring.set_keyring(fake.backend)
    yield fake.backend.store
    keyring.set_keyring(previous)


@pytest.fixture
def office_url(sqlite_url, samples_dir):
    """A SQLite file with the sample org list and four accounts: an admin, a branch secretary of
    310000 (李丽), a bank-wide viewer and a reviewer."""
    from qsm_desktop.services.bundle import build_services

    services = build_services(sqlite_url)
    try:
        me = sign_in(services)
        [result] = services.imports.import_files([samples_dir / "org_units.xlsx"], me)
        assert result.status == "imported", result.problems
        services.accounts.add(me, "boss", "admin", password=PW["boss"], name="管理员甲")
        boss = sign_in(services, "boss", PW["boss"])
        services.accounts.add(boss, "li_li", "branch_secretary", password=PW["li_li"], org="310000", name="李丽")
        services.accounts.add(boss, "kan", "viewer", password=PW["kan"], name="看看")
        services.accounts.add(boss, "ping", "reviewer", password=PW["ping"], name="评审甲")
    finally:
        services.dispose()
    return sqlite_url


def _flow(url: str) -> DesktopSignIn:
    flow = DesktopSignIn(url, open_services)
    assert flow.start() is None  # the file has accounts: a login is needed
    return flow


def _dialog(qtbot, flow, store=None, keyring=False) -> LoginDialog:
    dialog = LoginDialog(flow, store or SettingsStore(Settings(), persist=False), keyring=keyring)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _submit(qtbot, dialog, login: str | None, password: str, *, enter: bool = False) -> None:
    if login is not None:
        dialog.ui.loginEdit.setText(login)
    dialog.ui.passwordEdit.setText(password)
    if enter:
        qtbot.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_Return)
    else:
        dialog.ui.signInButton.click()
    qtbot.waitUntil(lambda: not dialog._busy, timeout=20_000)


def _window(qtbot, signed, languages):
    from qsm_desktop.ui.main_window import MainWindow

    win = MainWindow(signed.services, Settings(), actor=signed.actor, session=signed.info, languages=languages,
                     persist_settings=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _close(win) -> None:
    win.tasks.cancel_all()
    win.tasks.wait(30_000)
    win.close()
    win.services.dispose()


# ----------------------------------------------------------------------------- the dialog
def test_dialog_refuses_a_wrong_password_then_accepts_the_right_one(qtbot, office_url, languages):
    flow = _flow(office_url)
    store = SettingsStore(Settings(), persist=False)
    dialog = _dialog(qtbot, flow, store)
    assert "任何能复制该文件的人都能读取其中的全部内容" in dialog.ui.sqliteWarning.text()
    _submit(qtbot, dialog, "li_li", "not her password")
    assert dialog.isVisible() and dialog.signed_in is None
    assert dialog.ui.messageLabel.text() == "登录名或密码不正确。"
    assert dialog.ui.passwordEdit.text() == ""  # typed again, not kept
    _submit(qtbot, dialog, "Li_Li", PW["li_li"], enter=True)
    assert dialog.result() == QDialog.DialogCode.Accepted
    signed = dialog.signed_in
    assert (signed.actor.login, signed.actor.role, signed.actor.org_scope) == ("li_li", Role.BRANCH_SECRETARY, "310000")
    assert (signed.info.name, signed.info.org_name, signed.info.local_admin) == ("李丽", "交通银行上海市分行", False)
    assert store.current.extra[LAST_LOGIN] == "li_li"
    signed.services.dispose()


def test_remembered_login_puts_the_focus_on_the_password_and_esc_quits(qtbot, office_url, languages):
    flow = _flow(office_url)
    store = SettingsStore(Settings(extra={LAST_LOGIN: "kan"}), persist=False)
    dialog = _dialog(qtbot, flow, store)
    assert dialog.ui.loginEdit.text() == "kan"
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.ui.passwordEdit)
    # no keyring backend here: the tick is disabled and says why
    assert not dialog.ui.rememberBox.isEnabled() and "密钥" in dialog.ui.rememberBox.toolTip()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.signed_in is None
    flow.close()


def test_remember_password_uses_the_keyring_and_no_file_holds_a_password(qtbot, office_url, languages,
                                                                         memory_keyring, tmp_path):
    from qsm_desktop.ui.errors import setup_logging

    log_file = setup_logging()
    store = SettingsStore(Settings(), persist=True)  # the real settings file (in the test's config folder)
    flow = _flow(office_url)
    dialog = _dialog(qtbot, flow, store, keyring=True)
    assert dialog.ui.rememberBox.isEnabled()
    _submit(qtbot, dialog, "boss", "wrong-" + PW["boss"])
    dialog.ui.rememberBox.setChecked(True)
    _submit(qtbot, dialog, "boss", PW["boss"])
    assert dialog.signed_in.actor.role is Role.ADMIN
    dialog.signed_in.services.dispose()
    assert list(memory_keyring.values()) == [PW["boss"]]
    # the next start offers the login and the kept password
    again = _dialog(qtbot, _flow(office_url), SettingsStore(Settings(extra={LAST_LOGIN: "boss"}), persist=False),
                    keyring=True)
    assert again.ui.passwordEdit.text() == PW["boss"] and again.ui.rememberBox.isChecked()
    again.ui.rememberBox.setChecked(False)  # unticked: the kept password is forgotten
    _submit(qtbot, again, None, PW["boss"])
    again.signed_in.services.dispose()
    assert memory_keyring == {}
    # nothing written holds a password: settings, logs
    assert settings_path().exists()
    written = [settings_path(), *Path(log_file).parent.rglob("*")]
    for file in (f for f in written if f.is_file()):
        text = file.read_bytes()
        for password in PW.values():
            assert password.encode() not in text, file
    assert b"boss" in settings_path().read_bytes()  # the login name is remembered


def test_a_file_without_accounts_runs_as_the_local_admin_and_says_so(qtbot, sqlite_url, languages):
    flow = DesktopSignIn(sqlite_url, open_services)
    signed = flow.start()
    assert signed is not None and signed.actor.role is Role.ADMIN and signed.info.local_admin
    win = _window(qtbot, signed, languages)
    try:
        assert "尚无登录账户" in win.user_status.text()
        assert not win.file_menu.sign_out_action.isEnabled()  # nobody to switch to
        assert win.file_menu.backup_action.isVisible() or win.file_menu.backup_action.isEnabled()
    finally:
        _close(win)


# ----------------------------------------------------------------------------- role-shaped window
def _signed(url: str, login: str):
    return _flow(url).sign_in(login, PW[login])


def _nav_ids(win) -> list[str]:
    return [spec.page_id for spec in win._specs]


def test_viewer_is_offered_no_import_and_no_edit(qtbot, office_url, languages):
    win = _window(qtbot, _signed(office_url, "kan"), languages)
    try:
        ids = _nav_ids(win)
        assert "returns" not in ids and "indicators" not in ids and {"dashboard", "register", "showcase"} <= set(ids)
        from qsm_desktop.services.permissions import RULES

        assert all(spec.rule in RULES for spec in win._specs)
        pages = win.pages()
        for page in pages.values():  # no visible button anywhere imports anything
            for button in page.findChildren(QPushButton):
                if button.isVisibleTo(page):
                    assert "导入" not in button.text(), (page.page_id, button.text())
        evaluation = pages["evaluation"]
        assert not evaluation.publish_button.isVisibleTo(evaluation)
        assert not evaluation.value_button.isVisibleTo(evaluation)
        showcase = pages["showcase"]
        assert not showcase.edit_cycle_button.isVisibleTo(showcase)
        assert not showcase.sheets_tab.ui.saveSheetButton.isVisibleTo(showcase.sheets_tab)
        assert not win.file_menu.backup_action.isVisible()
        assert win.who_text() == "看看 · 查看"
    finally:
        _close(win)


def test_branch_secretary_sees_her_subtree_and_no_head_office_acts(qtbot, office_url, languages):
    win = _window(qtbot, _signed(office_url, "li_li"), languages)
    try:
        assert win.who_text() == "李丽 · 分行秘书 · 310000 交通银行上海市分行"
        nodes = win.ctx.org_nodes()
        assert nodes and all("/310000/" in n.path for n in nodes)
        assert win.unit_selector.current_code() == "310000"
        from PySide6.QtCore import QModelIndex

        from qsm_desktop.ui.widgets.unit_selector import CODE_ROLE

        model, codes = win.unit_selector.tree_model(), []

        def walk(parent):
            for row in range(model.rowCount(parent)):
                index = model.index(row, 0, parent)
                codes.append(index.data(CODE_ROLE))
                walk(index)

        walk(QModelIndex())
        assert codes and set(codes) == {n.code for n in nodes} and "110000" not in codes and "000000" not in codes
        ids = _nav_ids(win)
        assert "returns" in ids and "indicators" not in ids and "targets" not in ids
        pages = win.pages()
        evaluation = pages["evaluation"]
        assert not evaluation.publish_button.isVisibleTo(evaluation)
        assert not evaluation.compute_button.isVisibleTo(evaluation)
        assert evaluation.value_button.isVisibleTo(evaluation)  # her units' manual values
        showcase = pages["showcase"]
        assert not showcase.ranking_tab.ui.awardButton.isVisibleTo(showcase.ranking_tab)
        assert showcase.applications_tab.ui.action_submit.isVisibleTo(showcase.applications_tab)
        assert pages["returns"].import_button.isVisibleTo(pages["returns"])
        assert not win.file_menu.backup_action.isVisible()
    finally:
        _close(win)


def test_reviewer_sees_the_score_sheets_only(qtbot, office_url, languages):
    win = _window(qtbot, _signed(office_url, "ping"), languages)
    try:
        assert _nav_ids(win) == ["showcase", "settings"]
        showcase = win.show_page("showcase")
        visible = [i for i in range(showcase.tabs.count()) if showcase.tabs.isTabVisible(i)]
        assert visible == [showcase.tabs.indexOf(showcase.sheets_tab)]
        assert showcase.tabs.currentWidget() is showcase.sheets_tab
        assert not showcase.edit_cycle_button.isVisibleTo(showcase)
        # she enters her own sheets (tests/ui/test_reviewer_grid.py); this one has no unit, so no panel yet
        assert showcase.sheets_tab.ui.saveSheetButton.isVisibleTo(showcase.sheets_tab)
        assert showcase.sheets_tab.ui.reviewerEdit.isReadOnly() and "评审组" in showcase.sheets_tab.ui.gridMessage.text()
        with pytest.raises(KeyError):
            win.page("dashboard")
    finally:
        _close(win)


# ----------------------------------------------------------------------------- menu
def test_backup_menu_writes_a_private_copy(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "copy" / "qsm-backup.db"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    assert window.file_menu.backup_action.isVisible()
    with qtbot.waitSignal(window.file_menu.sig_backed_up, timeout=30_000):
        window.file_menu.backup_action.trigger()
    assert target.exists() and os.stat(target).st_mode & 0o777 == 0o600
    assert str(target) in window.file_menu.last_message.text()
    # a second backup to the same name is refused in words, the copy untouched
    before = target.stat().st_mtime_ns
    window.file_menu.back_up(target)
    window.tasks.wait(30_000)
    assert target.stat().st_mtime_ns == before


def test_sign_out_switches_to_another_user(qtbot, office_url, languages):
    from qsm_desktop.ui.session import SessionController

    app = QApplication.instance()
    store = SettingsStore(Settings(), persist=False)
    session = SessionController(app, store, open_services, window_options=dict(languages=languages,
                                                                               persist_settings=False))

    def answer_dialog():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LoginDialog):
            QTimer.singleShot(50, answer_dialog)
            return
        dialog.ui.loginEdit.setText("kan")
        dialog.ui.passwordEdit.setText(PW["kan"])
        dialog.ui.signInButton.click()

    QTimer.singleShot(50, answer_dialog)
    signed = session.sign_in_at_start(office_url)
    assert signed.actor.login == "kan"
    first = session.open_window(signed)
    qtbot.waitExposed(first)
    QTimer.singleShot(50, lambda: _answer_as(qtbot, "li_li"))
    session.switch_user()
    try:
        assert session.window is not None and session.window is not first
        assert session.window.actor.login == "li_li" and "returns" in _nav_ids(session.window)
        assert store.current.extra[LAST_LOGIN] == "li_li"
    finally:
        session.window.tasks.wait(30_000)
        session.window.close()
        session.close()


def _answer_as(qtbot, login: str) -> None:
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, LoginDialog):
        QTimer.singleShot(50, lambda: _answer_as(qtbot, login))
        return
    assert dialog.ui.loginEdit.text() == "kan"  # the last login is offered
    dialog.ui.loginEdit.setText(login)
    dialog.ui.passwordEdit.setText(PW[login])
    dialog.ui.signInButton.click()


# ----------------------------------------------------------------------------- PostgreSQL
@pg.requires_postgres
@pytest.mark.postgres
def test_postgres_refuses_the_superuser_and_signs_in_an_ordinary_login():
    from sqlalchemy.engine import make_url

    from qsm_desktop.domain.errors import QsmError

    with pg.fresh_database() as tester_url:
        tester = make_url(tester_url)
        superuser = make_url(pg.server_url())
        bare = tester.set(username=superuser.username, password=None).render_as_string(hide_password=False)
        flow = DesktopSignIn(bare, open_services)
        assert flow.on_postgres and flow.start() is None and flow.default_login() == superuser.username
        with pytest.raises(PermissionDenied, match="是超级用户，不能用于日常工作"):
            flow.sign_in(superuser.username, superuser.password or "")
        signed = flow.sign_in(tester.username, pg.TESTER_PASSWORD)
        try:
            assert signed.actor.login == tester.username and signed.actor.role is Role.HO_SECRETARY
            assert pg.TESTER_PASSWORD in signed.services.url  # the connection's own password …
            assert pg.TESTER_PASSWORD not in flow.database_label  # … never shown
        finally:
            signed.services.dispose()
        with pytest.raises(QsmError):
            flow.sign_in("nobody_here", "x")


def test_cancelling_the_login_at_start_quits_cleanly(qtbot, office_url, languages):
    from qsm_desktop.ui.session import SessionController

    session = SessionController(QApplication.instance(), SettingsStore(Settings(), persist=False), open_services)

    def cancel():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LoginDialog):
            QTimer.singleShot(50, cancel)
            return
        dialog.ui.quitButton.click()

    QTimer.singleShot(50, cancel)
    assert session.sign_in_at_start(office_url) is None
    assert session.exit_status == 0 and session.window is None


def test_screenshot_mode_opens_no_database_with_logins(qtbot, office_url, _migrated_sqlite_template, tmp_path,
                                                       languages, capsys):
    import shutil

    from qsm_desktop.ui.session import SessionController

    shots = SessionController(QApplication.instance(), SettingsStore(Settings(), persist=False), open_services,
                              screenshot=True)
    assert shots.sign_in_at_start(office_url) is None and shots.exit_status == 1
    assert "--demo" in capsys.readouterr().err
    scratch = tmp_path / "scratch.db"
    shutil.copyfile(_migrated_sqlite_template, scratch)
    signed = shots.sign_in_at_start(f"sqlite:///{scratch}")  # a scratch file: the local administrator, no dialog
    assert signed is not None and signed.info.local_admin
    signed.services.dispose()


def test_unreachable_server_offers_the_local_database(qtbot, languages):
    from qsm_desktop.ui.errors import setup_logging

    log_file = setup_logging()
    flow = DesktopSignIn("postgresql+psycopg://wang@127.0.0.1:1/qsm", open_services)  # nothing listens on port 1
    dialog = _dialog(qtbot, flow)
    assert dialog.ui.loginEdit.text() == "wang" and "PostgreSQL" in dialog.ui.sqliteWarning.text()
    assert not dialog.ui.localButton.isVisibleTo(dialog)
    _submit(qtbot, dialog, None, "server-password-5")
    assert dialog.signed_in is None and "qsm@127.0.0.1" in dialog.ui.messageLabel.text()
    assert dialog.ui.localButton.isVisibleTo(dialog)
    dialog.ui.localButton.click()  # the local file has no accounts: the local administrator at once
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.signed_in.info.local_admin
    dialog.signed_in.services.dispose()
    for file in (f for f in Path(log_file).parent.rglob("*") if f.is_file()):
        assert b"server-password-5" not in file.read_bytes(), file
