"""The 示范窗口 page (issue 4 §6): cycles, applications with filters, the score grid (a score above
the points refused in the cell, a deduction without a reason flagged), the ranking with the quota
line and a tie shown, award, the certificate preview, print (the dialog faked: a true boundary,
logged), and the verify box — pytest-qt, offscreen, real SQLite with the sample returns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

EXPECTED = json.loads((Path(__file__).resolve().parents[1] / "samples" / "expected.json").read_text("utf-8"))["showcase"]


@pytest.fixture
def showcase_services(sqlite_services, samples_dir):
    from qsm_desktop.services.context import Actor, Role

    files = [samples_dir / "org_units.xlsx", *sorted((samples_dir / "showcase").glob("*.xlsx"))]
    results = sqlite_services.imports.import_files(files, Actor("tester", Role.HO_SECRETARY))
    assert all(r.status == "imported" for r in results)
    return sqlite_services


def test_showcase_page(qtbot, showcase_services, window, tmp_path, monkeypatch):
    window.reload_org_tree()
    page = window.show_page("showcase")
    apps, sheets, ranking, awards = page.applications_tab, page.sheets_tab, page.ranking_tab, page.awards_tab
    qtbot.waitUntil(lambda: page.cycle_combo.count() == 2, timeout=20_000)
    assert page.title_label.text() == "示范窗口" and page.tabs.tabText(2) == "排名"
    assert [page.cycle_combo.itemText(i) for i in range(2)] == ["2007 总行级", "2007 分行级"]
    # applications: the chosen cycle's level first, then filtered
    assert apps.ui.levelFilter.currentData() == "总行级" and apps.app_model.rowCount() == 6
    apps.ui.levelFilter.setCurrentIndex(0)  # all levels of the year
    assert apps.app_model.rowCount() == 8
    apps.ui.levelFilter.setCurrentIndex(apps.ui.levelFilter.findData("分行级"))
    assert {a.outlet_code for a in apps.app_model.rows()} == {"370101", "320101"}
    apps.ui.levelFilter.setCurrentIndex(0)
    apps.ui.branchFilter.setCurrentIndex(apps.ui.branchFilter.findData("370000"))
    assert {a.outlet_code for a in apps.app_model.rows()} == {"370101", "370203", "370303"}
    apps.ui.branchFilter.setCurrentIndex(0)
    assert "网点负责人" in apps.ui.applicationDetail.toPlainText()
    # the ranking: expected final scores, the quota line
    page.tabs.setCurrentIndex(2)
    finals = {e.org: e.final for e in ranking.rank_model.rows()}
    for org, app in EXPECTED["applications"].items():
        if app["level"] == "总行级":
            assert float(finals[org]) == pytest.approx(app["final"], abs=0.01)
    ranking.ui.quotaSpin.setValue(3)
    assert ranking.ui.awardButton.text() == "授予前 3 名…"
    assert [e.line for e in ranking.rank_model.rows()][:4] == ["within", "within", "within", "outside"]
    assert "没有并列" in ranking.ui.lineMessage.text()
    # the score grid: above the points refused in the cell; a deduction without reason flagged
    page.tabs.setCurrentIndex(1)
    assert sheets.sheet_model.rowCount() >= 4
    # 330201 has a conflicted reviewer: the sheet is listed, marked 回避 and not counted
    combo = sheets.ui.scoreApplicationCombo
    combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemText(i).startswith("330201")))
    qtbot.waitUntil(lambda: any(s.excluded for s in sheets.sheet_model.rows()), timeout=20_000)
    excluded = [s for s in sheets.sheet_model.rows() if s.excluded]
    assert len(excluded) == 1 and sheets.sheet_model.rowCount() == 5
    row = sheets.sheet_model.rows().index(excluded[0])
    assert "回避" in sheets.sheet_model.data(sheets.sheet_model.index(row, sheets.sheet_model.column_index("counted")))
    sheets.fill_grid(None)
    assert sheets.grid.rowCount() == 6 and sheets.grid.horizontalHeaderItem(3).text() == "扣分原因"
    sheets.grid.item(1, 2).setText("16")  # 服务设施 has 15 points
    assert sheets.grid.item(1, 2).text() == "" and "不能高于" in sheets.ui.gridMessage.text()
    for r in range(6):
        sheets.grid.item(r, 2).setText(sheets.grid.item(r, 1).text())
    sheets.grid.item(2, 2).setText("18")
    assert "扣分但未写扣分原因" in sheets.ui.gridMessage.text()
    sheets.grid.item(2, 3).setText("着装不规范")
    assert "扣分" not in sheets.ui.gridMessage.text()
    sheets.grid.grab().save(str(tmp_path / "grid.png"))
    # award the top three, preview and print the first certificate
    page.tabs.setCurrentIndex(2)
    ranking.ui.meetingEdit.setText("服质委〔2007〕5号")
    ranking._on_award_button_clicked()
    qtbot.waitUntil(lambda: awards.award_model.rowCount() == 3, timeout=20_000)
    page.tabs.setCurrentIndex(3)
    award = awards.award_model.row_object(0)
    assert award.number == "交银服示〔2007〕总字第001号"
    texts = "".join(awards.preview.texts()).replace(" ", "")
    assert "荣誉证书" in texts and award.outlet_name in texts and award.number in texts
    page.grab().save(str(tmp_path / "awards.png"))

    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    def fake_exec(dialog):
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(tmp_path / "printed.pdf"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", fake_exec)
    awards._on_print_button_clicked()
    assert (tmp_path / "printed.pdf").stat().st_size > 1000
    assert [r[3] for r in showcase_services.showcase.prints(window.ctx.actor, award.number)] == ["dialog"]
    # save the certificates as a PDF and export the register: the dialogs start in the export folder
    from PySide6.QtWidgets import QFileDialog

    export_dir = tmp_path / "exports"
    export_dir.mkdir()
    window.ctx.settings.update(export_dir=str(export_dir))
    starts = []

    def fake_save(parent, caption, start, file_filter):
        starts.append(Path(start))
        return str(export_dir / Path(start).name), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    awards._on_save_pdf_button_clicked()
    pdf = export_dir / "certificates_2007_总行级.pdf"
    qtbot.waitUntil(pdf.exists, timeout=20_000)
    awards._on_export_button_clicked()
    assert (export_dir / "showcase_register.xlsx").stat().st_size > 1000
    assert [s.parent for s in starts] == [export_dir, export_dir]
    # verify box
    awards.ui.verifyEdit.setText(award.number)
    awards._on_verify_button_clicked()
    assert awards.ui.verifyResult.text().startswith("有效")
    awards.ui.verifyEdit.setText("交银服示〔2007〕总字第077号")
    awards._on_verify_button_clicked()
    assert awards.ui.verifyResult.text().startswith("未知")
    from qsm_desktop.reports.certificate import qr_text

    scanned = qr_text(awards.preview.certificate)  # what the previewed certificate's QR code carries
    assert scanned.startswith("QSM2007Z001-")
    awards.ui.verifyEdit.setText(scanned)
    awards._on_verify_button_clicked()
    assert awards.ui.verifyResult.text().startswith("有效")
    assert "全国级" in awards.ui.countsLabel.text()


def test_tie_at_the_quota_line_is_shown(qtbot, showcase_services, window, monkeypatch):
    from qsm_desktop.domain.showcase import ScoreEntry

    svc, actor = showcase_services.showcase, window.ctx.actor
    for code, total in (("110101", 95), ("210101", 90), ("420101", 90)):  # 2008 总行级: 95, 90, 90
        app = svc.create_application(actor, 2008, "总行级", code)
        svc.act(actor, app.id, "submit")
        items = svc.cycle(actor, 2008, "总行级").sheet.items
        entries = [ScoreEntry(position=i, name=it.name, score=it.points) for i, it in enumerate(items, 1)]
        entries[-1] = ScoreEntry(position=len(items), name=items[-1].name, score=items[-1].points - (100 - total),
                                 reason="满意度未达标")
        svc.save_sheet(actor, app.id, "吴东", "000101", entries)
    window.reload_org_tree()
    page = window.show_page("showcase")
    ranking, awards = page.ranking_tab, page.awards_tab
    qtbot.waitUntil(lambda: page.cycle_combo.count() == 3, timeout=20_000)
    assert page.cycle_combo.itemText(0) == "2008 总行级"
    page.cycle_combo.setCurrentIndex(0)
    page.tabs.setCurrentIndex(2)
    ranking.ui.quotaSpin.setValue(2)
    assert [e.line for e in ranking.rank_model.rows()] == ["within", "tied", "tied"]
    assert "并列" in ranking.ui.lineMessage.text() and "210101" in ranking.ui.lineMessage.text()
    # the award asks the committee to name the place (the dialog answered by the test)
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (next(n for n in a[3] if n.startswith("420101")), True))
    ranking._on_award_button_clicked()
    qtbot.waitUntil(lambda: awards.award_model.rowCount() == 2, timeout=20_000)
    assert [a.outlet_code for a in awards.award_model.rows()] == ["110101", "420101"]


def test_the_score_grid_never_overwrites_a_sheet_changed_meanwhile(qtbot, showcase_services, window, monkeypatch):
    """DESIGN §6: the grid passes the version of the sheet it shows; when another secretary saved the
    same reviewer's sheet meanwhile, saving is refused with the stale-record sentence and the other
    secretary's scores stay."""
    from qsm_desktop.domain.errors import ConflictError
    from qsm_desktop.domain.showcase import ScoreEntry
    from qsm_desktop.ui.views.showcase import sheets as sheets_module

    svc, actor = showcase_services.showcase, window.ctx.actor
    window.reload_org_tree()
    page = window.show_page("showcase")
    qtbot.waitUntil(lambda: page.cycle_combo.count() == 2, timeout=20_000)
    page.tabs.setCurrentIndex(1)
    sheets = page.sheets_tab
    qtbot.waitUntil(lambda: sheets.sheet_model.rowCount() > 0, timeout=20_000)
    shown = sheets.sheet_model.rows()[0]
    sheets.fill_grid(shown)
    # another secretary saves the same reviewer's sheet first, one item lower
    items = [(i.name, i.score) for i in shown.items]
    entries = [ScoreEntry(position=n, name=name, score=score, reason=None) for n, (name, score) in enumerate(items, 1)]
    entries[0] = ScoreEntry(position=1, name=items[0][0], score=items[0][1] - 1, reason="别人先改")
    svc.save_sheet(actor, shown.application_id, shown.reviewer, shown.reviewer_org, entries, version=shown.version)
    reported = []
    monkeypatch.setattr(sheets_module, "report_exception", lambda exc, parent=None: reported.append(exc))
    sheets.grid.item(1, 2).setText(sheets.grid.item(1, 1).text())
    sheets._on_save_sheet_button_clicked()
    assert len(reported) == 1 and isinstance(reported[0], ConflictError), reported
    assert "已被他人修改" in str(reported[0])
    after = next(s for s in svc.sheets(actor, shown.application_id) if s.reviewer == shown.reviewer)
    assert after.items[0].reason == "别人先改" and after.version == shown.version + 1


def test_cycle_dialog_edits_the_cycle(qtbot, showcase_services, window, monkeypatch):
    from qsm_desktop.ui.views.showcase import CycleDialog

    window.reload_org_tree()
    page = window.show_page("showcase")
    qtbot.waitUntil(lambda: page.cycle_combo.count() == 2, timeout=20_000)

    def accept(dialog):
        assert not dialog.ui.sheetButton.isEnabled()  # scoring has started: the sheet is frozen
        dialog.ui.titleEdit.setText("2007年度交通银行总行级文明规范服务示范窗口单位")
        dialog.ui.quotaSpin.setValue(4)
        dialog.ui.attachmentsEdit.setText("创建工作总结、客户意见簿")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CycleDialog, "exec", accept)
    page._on_edit_cycle_button_clicked()
    cycle = showcase_services.showcase.cycle(window.ctx.actor, 2007, "总行级")
    assert cycle.title.endswith("示范窗口单位") and cycle.quota == 4
    assert cycle.required_attachments == ("创建工作总结", "客户意见簿")
    qtbot.waitUntil(lambda: "名额 4" in page.cycle_info.text(), timeout=20_000)


def test_attachment_and_outside_title_from_the_page(qtbot, showcase_services, window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    window.reload_org_tree()
    page = window.show_page("showcase")
    apps = page.applications_tab
    qtbot.waitUntil(lambda: apps.app_model.rowCount() == 6, timeout=20_000)  # the 总行级 cycle's
    apps.ui.applicationTable.selectRow(0)
    app = apps.app_model.row_object(0)
    doc = tmp_path / "创建工作总结.pdf"
    doc.write_bytes(b"%PDF-1.4 summary of the year's work")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(doc), ""))
    apps._on_attach_button_clicked()
    detail = showcase_services.showcase.application(window.ctx.actor, app.id)
    assert [a.name for a in detail.attachments] == ["创建工作总结.pdf"]
    answers = iter([("2007年度全国银行业文明规范服务示范单位", True), ("2007-11-30", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("全国级", True))
    apps._on_outside_button_clicked()
    titles = showcase_services.showcase.outside_titles(window.ctx.actor, app.outlet_code)
    assert [(t.level, t.official_name) for t in titles] == [("全国级", "2007年度全国银行业文明规范服务示范单位")]
    qtbot.waitUntil(lambda: apps.app_model.rowCount() == 6, timeout=20_000)
    apps.ui.applicationTable.selectRow(apps.app_model.rows().index(next(a for a in apps.app_model.rows() if a.id == app.id)))
    text = apps.ui.applicationDetail.toPlainText()
    assert "创建工作总结.pdf" in text and "全国银行业文明规范服务示范单位" in text


def test_declarations_differing_from_the_registers_are_flagged(qtbot, showcase_services, window, samples_dir):
    """Issue 14: 370101 declares 13 staff / 10 certified; 370000's staff register says 7 / 2 on
    the application's date. The application's detail shows both figures and the difference, the
    ranking flags the entry with the explanation; the declared figures stay as declared."""
    from qsm_desktop.services.context import Actor, Role

    results = showcase_services.imports.import_files([samples_dir / "certification_370000_2007Q4.xlsx"],
                                                     Actor("tester", Role.HO_SECRETARY))
    assert results[0].status == "imported"
    window.reload_org_tree()
    page = window.show_page("showcase")
    apps, ranking = page.applications_tab, page.ranking_tab
    qtbot.waitUntil(lambda: page.cycle_combo.count() == 2, timeout=20_000)
    page.cycle_combo.setCurrentIndex(1)  # 2007 分行级: 370101 and 320101
    qtbot.waitUntil(lambda: apps.app_model.rowCount() == 2, timeout=20_000)
    row = next(i for i, a in enumerate(apps.app_model.rows()) if a.outlet_code == "370101")
    flag = apps.app_model.index(row, apps.app_model.column_index("declarations"))
    assert apps.app_model.data(flag) == "≠"
    apps.ui.applicationTable.selectRow(row)
    detail = apps.ui.applicationDetail.toPlainText()
    assert "申报数据与登记簿不一致" in detail and "持证上岗：申报 10/13（77%），登记簿 2/7（29%）" in detail
    assert "13  （登记簿：7）" in detail.replace("\xa0", " ") and "10  （登记簿：2）" in detail.replace("\xa0", " ")
    page.tabs.setCurrentIndex(2)
    model = ranking.rank_model
    column = model.column_index("declarations")
    texts = {e.org: model.data(model.index(i, column)) for i, e in enumerate(model.rows())}
    assert texts["370101"] == "≠ 持证上岗：申报 10/13（77%），登记簿 2/7（29%）"
    assert texts["320101"] == ""  # 320000's registers were not imported: nothing to check
