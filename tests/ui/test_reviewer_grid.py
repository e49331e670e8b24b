"""A reviewer signed in to the window enters and revises her own score sheet (issue 12, DESIGN §5/§6):
her navigation offers the showcase score sheets only; the score grid lists only the applications
assigned to her (never her own branch's), carries her name and unit fixed, saves her sheet and opens
it again to revise — pytest-qt, offscreen, a real SQLite file."""

from __future__ import annotations

import pytest

from qsm_desktop.services.accounts import sign_in
from qsm_desktop.settings import Settings

PW = "reviewer-pass-5"


@pytest.fixture
def office(sqlite_url, samples_dir):
    from qsm_desktop.services.bundle import build_services

    services = build_services(sqlite_url)
    try:
        me = sign_in(services)
        [result] = services.imports.import_files([samples_dir / "org_units.xlsx"], me)
        assert result.status == "imported", result.problems
        services.accounts.add(me, "boss", "admin", password="boss-password-1")
        boss = sign_in(services, "boss", "boss-password-1")
        services.accounts.add(boss, "zhang", "reviewer", password=PW, org="320100", name="张评审")
        svc = services.showcase
        for code in ("310101", "110101", "320101"):
            svc.create_application(boss, 2007, "总行级", code, status="已提交")
        svc.assign_reviewer(boss, 2007, "总行级", "张评审", "320100")
    finally:
        services.dispose()
    return sqlite_url


def test_reviewer_scores_her_assigned_application_in_the_grid(qtbot, office, languages):
    from qsm_desktop.services.bundle import build_services
    from qsm_desktop.ui.main_window import MainWindow

    services = build_services(office)
    actor = sign_in(services, "zhang", PW)
    win = MainWindow(services, Settings(), actor=actor, languages=languages, persist_settings=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    try:
        assert [spec.page_id for spec in win._specs] == ["showcase", "settings"]
        page = win.show_page("showcase")
        tab = page.sheets_tab
        qtbot.waitUntil(lambda: tab.ui.scoreApplicationCombo.count() == 2, timeout=20_000)
        listed = {tab.ui.scoreApplicationCombo.itemText(i)[:6] for i in range(2)}
        assert listed == {"110101", "310101"}  # 320101 lies in her own branch
        assert tab.ui.saveSheetButton.isVisibleTo(tab)
        assert (tab.ui.reviewerEdit.text(), tab.ui.reviewerOrgEdit.text()) == ("张评审", "320100")
        assert tab.ui.reviewerEdit.isReadOnly() and tab.ui.reviewerOrgEdit.isReadOnly()
        for r in range(tab.grid.rowCount()):
            tab.grid.item(r, 2).setText(tab.grid.item(r, 1).text())
        tab.grid.item(0, 2).setText(str(int(tab.grid.item(0, 1).text()) - 1))
        tab.grid.item(0, 3).setText("引导不到位")
        tab._on_save_sheet_button_clicked()
        qtbot.waitUntil(lambda: tab.sheet_model.rowCount() == 1, timeout=20_000)
        (sheet,) = tab.sheet_model.rows()
        assert sheet.reviewer == "张评审" and sheet.items[0].reason == "引导不到位"
        # reopening the application opens her sheet to revise; saving passes its version
        assert tab.grid.item(0, 3).text() == "引导不到位"
        tab.grid.item(0, 2).setText(tab.grid.item(0, 1).text())
        tab.grid.item(0, 3).setText("")
        tab._on_save_sheet_button_clicked()
        qtbot.waitUntil(lambda: tab.sheet_model.rowCount() == 1 and tab.sheet_model.rows()[0].version > sheet.version,
                        timeout=20_000)
        assert tab.sheet_model.rows()[0].total == sheet.total + 1
    finally:
        win.tasks.cancel_all()
        win.tasks.wait(30_000)
        win.close()
        services.dispose()
