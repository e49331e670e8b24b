"""The improvement loop's pages (issue 13): mystery visits, actions, complaints, checklists —
pytest-qt, offscreen, over a real SQLite file filled by importing tests/samples/monitoring and
tests/samples/complaints, checked against their expected.json.

Dialogs are the true boundary faked here (the confirmation box, the decision and verification
dialogs' ``exec``, the save-file dialog); everything behind them is the real page, services and
database.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from qsm_desktop.domain.monitoring import Decision
from qsm_desktop.ui import errors
from qsm_desktop.ui.models.table import OBJECT_ROLE

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
MONITORING = json.loads((SAMPLES / "monitoring" / "expected.json").read_text(encoding="utf-8"))
COMPLAINTS = json.loads((SAMPLES / "complaints" / "expected.json").read_text(encoding="utf-8"))
PROVISIONAL = "暂定：本季度尚未定稿"


def _import(services, actor, files):
    results = services.imports.import_files([Path(f) for f in files], actor)
    assert [r.status for r in results] == ["imported"] * len(results), [(r.file, [str(p) for p in r.problems][:3])
                                                                          for r in results if r.status != "imported"]


def fill(services, actor, *, q4: bool = True, appeals: bool = True, complaints: bool = True, finalise_q3: bool = True):
    """The sample bank with its 2007Q3 visits (finalised), 2007Q4 visits, appeals and complaints."""
    _import(services, actor, [SAMPLES / "org_units.xlsx", *sorted(SAMPLES.glob("certification_*_2007Q4.xlsx"))])
    _import(services, actor, sorted((SAMPLES / "monitoring").glob("mystery_*_2007Q3.xlsx")))
    if finalise_q3:
        services.monitoring.finalise(actor, "2007Q3")
    if q4:
        _import(services, actor, sorted((SAMPLES / "monitoring").glob("mystery_*_2007Q4.xlsx")))
    if appeals:
        _import(services, actor, sorted((SAMPLES / "monitoring").glob("appeals_*.xlsx")))
    if complaints:
        _import(services, actor, sorted((SAMPLES / "complaints").glob("complaints_*.xlsx")))


@pytest.fixture
def loop_window(qtbot, window):
    fill(window.services, window.actor)
    window.data_changed()
    window.tasks.wait(30_000)
    return window


def rows(model) -> list:
    return [model.row_object(r) for r in range(model.rowCount())]


def view_objects(view) -> list:
    proxy = view.model()
    return [proxy.index(r, 0).data(OBJECT_ROLE) for r in range(proxy.rowCount())]


def select(view, predicate) -> object:
    """Select (and make current) the first row of ``view`` whose object passes ``predicate``."""
    proxy = view.model()
    for r in range(proxy.rowCount()):
        obj = proxy.index(r, 0).data(OBJECT_ROLE)
        if predicate(obj):
            view.selectRow(r)
            return obj
    raise AssertionError("no such row")


def wait(window, qtbot, ms: int = 50):
    qtbot.wait(ms)
    assert window.tasks.wait(60_000)


def last_problem() -> str:
    opened = errors.open_dialogs()
    assert opened, "no message shown"
    text = opened[-1].text()
    opened[-1].close()
    return text


def scores_of(page, level_type) -> dict:
    return {r.code: (r.visits, r.score) for r in rows(page.unit_model) if r.type == level_type}


# ============================================================================ mystery visits
def test_mystery_visit_page_drills_down_decides_and_finalises(qtbot, loop_window, monkeypatch, tmp_path):
    window = loop_window
    page = window.show_page("mystery_visits")
    qtbot.waitUntil(lambda: page.data is not None and page.data.period == "2007Q4", timeout=30_000)
    q4 = MONITORING["quarters"]["2007Q4"]
    # provisional: the banner says so, the scores are the delivered ones
    assert page.ui.provisionalBanner.isVisible() and page.ui.provisionalBanner.text().startswith(PROVISIONAL)
    assert "9 项待裁决" in page.ui.provisionalBanner.text()
    branches = {r.code: (r.visits, r.outlets, r.score) for r in rows(page.unit_model)}
    assert branches == {c: (w["visits"], w["outlets"], w["score"]) for c, w in q4["scores"]["branches"].items()}
    assert f"{q4['scores']['bank']:.2f}" in page.ui.summaryLabel.text()
    assert page.ui.quarterCombo.currentText().endswith("暂定")
    # sortable by score
    page.ui.scoreTable.sortByColumn(page.unit_model.column_index("score"), Qt.SortOrder.DescendingOrder)
    ordered = [r.score for r in view_objects(page.ui.scoreTable)]
    assert ordered == sorted(ordered, reverse=True)
    # drill down: branch → its outlets → an outlet's visits → a visit's items
    select(page.ui.scoreTable, lambda r: r.code == "510000")
    page.ui.scoreTable.activated.emit(page.ui.scoreTable.currentIndex())
    outlets = {r.code: (r.visits, r.score) for r in rows(page.unit_model)}
    wanted = {c: (w["visits"], w["score"]) for c, w in q4["scores"]["outlets"].items() if c.startswith("51")}
    assert outlets == wanted and "510000" in page.ui.crumbLabel.text()
    select(page.ui.scoreTable, lambda r: r.code == "510401")
    page.ui.scoreTable.activated.emit(page.ui.scoreTable.currentIndex())
    visits = rows(page.visit_model)
    assert {v.outlet for v in visits} == {"510401"} and len(visits) == q4["scores"]["outlets"]["510401"]["visits"]
    assert page.ui.itemPanel.isVisible()
    visit = select(page.ui.scoreTable, lambda v: v.visit_no == "MS2007Q4-51-006")
    qtbot.waitUntil(lambda: page.item_model.rowCount() > 0, timeout=20_000)
    gm05 = next(i for i in rows(page.item_model) if i.code == "GM-05")
    assert gm05.delivered == 10 and gm05.appeal == "open" and visit.open_appeals == 1
    page.ui.upButton.click()
    page.ui.upButton.click()
    assert len(page.levels) == 1 and rows(page.unit_model)[0].type == "分行"

    # the finalised quarter: no banner, the frozen scores
    page.ui.quarterCombo.setCurrentIndex(page.ui.quarterCombo.findData("2007Q3"))
    qtbot.waitUntil(lambda: page.data.period == "2007Q3", timeout=30_000)
    assert not page.ui.provisionalBanner.isVisible() and page.final
    assert scores_of(page, "分行") == {c: (w["visits"], w["score"])
                                      for c, w in MONITORING["quarters"]["2007Q3"]["scores"]["branches"].items()}
    assert not page.ui.finaliseButton.isEnabled() and "已定稿" in page.ui.finaliseButton.toolTip()
    page.ui.quarterCombo.setCurrentIndex(page.ui.quarterCombo.findData("2007Q4"))
    qtbot.waitUntil(lambda: page.data.period == "2007Q4", timeout=30_000)

    # finalising is refused while appeals are open: the service's sentence is shown
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert page.ui.finaliseButton.isEnabled()
    page.ui.finaliseButton.click()
    wait(window, qtbot)
    assert "未裁决" in last_problem()

    # decide every appeal through the page's dialog, as expected.json says
    page.tabs.setCurrentWidget(page.ui.appealsTab)
    assert len(rows(page.appeal_model)) == 9
    assert not page.ui.decideButton.isEnabled()  # nothing selected yet
    from qsm_desktop.ui.views.monitoring.dialogs import AppealDecisionDialog

    plan = {}

    def fake_exec(dialog):
        decision, score = plan[(dialog.appeal.visit_no, dialog.appeal.item_code)]
        if decision == "reject":
            dialog.ui.rejectRadio.setChecked(True)
            dialog.ui.reasonEdit.setText("录像显示确有扣分情形")
        elif score == dialog.appeal.points:
            dialog.ui.fullRadio.setChecked(True)
        else:
            dialog.ui.scoreRadio.setChecked(True)
            dialog.ui.scoreSpin.setValue(score)
        dialog.ui.buttons.accepted.emit()
        return dialog.result()

    monkeypatch.setattr(AppealDecisionDialog, "exec", fake_exec)
    for a in MONITORING["appeals"]:
        plan[(a["visit"], a["item"])] = (a["decision"], a["score"])
        page.ui.appealFilter.setCurrentIndex(page.ui.appealFilter.findData("open"))
        select(page.ui.appealTable, lambda x, a=a: (x.visit_no, x.item_code) == (a["visit"], a["item"]))
        assert page.ui.decideButton.isEnabled(), page.ui.decideButton.toolTip()
        page.ui.decideButton.click()
        wait(window, qtbot)
    assert page.appeal_model.rowCount() == 0  # none left undecided
    page.ui.appealFilter.setCurrentIndex(page.ui.appealFilter.findData("all"))
    decided = {(x.visit_no, x.item_code): (x.status, x.score) for x in rows(page.appeal_model)}
    assert len(decided) == 9 and all(s != "open" for s, _ in decided.values())
    assert decided[("MS2007Q4-37-006", "GM-05")] == ("upheld", 11)
    # decided but provisional until finalised; the scores now carry the decisions
    assert page.ui.provisionalBanner.isVisible()
    page.tabs.setCurrentWidget(page.ui.scoresTab)
    final = q4["final_scores"]
    assert scores_of(page, "分行") == {c: (w["visits"], w["score"]) for c, w in final["branches"].items()}

    page.ui.finaliseButton.click()
    wait(window, qtbot)
    qtbot.waitUntil(lambda: page.final, timeout=30_000)
    assert not page.ui.provisionalBanner.isVisible() and page.ui.quarterCombo.currentText().endswith("已定稿")
    assert scores_of(page, "分行") == {c: (w["visits"], w["score"]) for c, w in final["branches"].items()}
    assert "整改" in page.finalised_box.text()
    page.finalised_box.close()

    # export the table on screen
    target = tmp_path / "scores.xlsx"
    handle = page.export_to(target)
    wait(window, qtbot)
    assert handle.error is None and handle.result == 10
    sheet = openpyxl.load_workbook(target, read_only=True).active
    got = list(sheet.iter_rows(values_only=True))
    assert "已定稿" in got[0][0] and got[2][0] == "机构代码"
    scores = {r[0]: r[4] for r in got[3:]}
    assert scores == {c: w["score"] for c, w in final["branches"].items()}


def test_a_decider_of_the_outlets_branch_is_refused_with_the_services_sentence(qtbot, sqlite_services, languages):
    from qsm_desktop.services.context import Actor, Role
    from qsm_desktop.settings import Settings
    from qsm_desktop.ui.main_window import MainWindow

    fill(sqlite_services, Actor("tester", Role.HO_SECRETARY), complaints=False)
    window = MainWindow(sqlite_services, Settings(), actor=Actor("zj", Role.BRANCH_SECRETARY, "330000"),
                        languages=languages, persist_settings=False)
    qtbot.addWidget(window)
    window.show()
    try:
        page = window.show_page("mystery_visits")
        qtbot.waitUntil(lambda: page.data is not None and page.data.period == "2007Q4", timeout=30_000)
        assert {r.code[:2] for r in rows(page.unit_model)} == {"33"}  # a branch sees its own outlets
        assert not page.ui.finaliseButton.isEnabled() and "总行" in page.ui.finaliseButton.toolTip()
        page.tabs.setCurrentWidget(page.ui.appealsTab)
        appeals = rows(page.appeal_model)
        assert {a.branch for a in appeals} == {"330000"} and len(appeals) == 3
        appeal = select(page.ui.appealTable, lambda a: a.item_code == "GM-04")
        assert not page.ui.decideButton.isEnabled()
        assert "不能裁决" in page.ui.decideButton.toolTip() and "不能裁决" in page.ui.appealDetail.text()
        # asked anyway (another way in), the service refuses with the same sentence
        page.decide(appeal, Decision.UPHOLD, None, None)
        wait(window, qtbot)
        assert "不能裁决" in last_problem()
        assert all(a.status == "open" for a in sqlite_services.monitoring.appeals(window.actor, "2007Q4"))
    finally:
        window.tasks.wait(30_000)
        window.close()


def test_empty_pages_say_what_would_fill_them(qtbot, window):
    _import(window.services, window.actor, [SAMPLES / "org_units.xlsx"])
    window.data_changed()
    wait(window, qtbot)
    visits = window.show_page("mystery_visits")
    qtbot.waitUntil(lambda: visits.data is not None, timeout=30_000)
    assert visits.empty.isVisible() and "暗访结果" in visits.empty.label.text()  # over the table, with its button
    assert not visits.ui.provisionalBanner.isVisible()
    assert not visits.ui.finaliseButton.isEnabled() and visits.ui.finaliseButton.toolTip()
    assert not visits.ui.exportButton.isEnabled()
    actions = window.show_page("actions")
    qtbot.waitUntil(lambda: actions.data is not None, timeout=30_000)
    assert actions.empty.isVisible() and "定稿" in actions.empty.label.text()
    assert not actions.ui.verifyButton.isEnabled() and actions.ui.verifyButton.toolTip()
    assert not actions.ui.templateButton.isEnabled() and "分行" in actions.ui.templateButton.toolTip()
    complaints = window.show_page("complaints")
    qtbot.waitUntil(lambda: complaints.data is not None, timeout=30_000)
    assert complaints.empty.isVisible() and "投诉登记" in complaints.empty.label.text()
    assert not complaints.ui.exportButton.isEnabled()


# ============================================================================ actions
def _feedback(services, actor, tmp_path, branch: str, completed: dict) -> None:
    """Fill and import ``branch``'s capa_feedback template: action number → 实际完成日期."""
    template = services.imports.write_template(actor, "capa_feedback", branch, "2007Q4", tmp_path / "capa.xlsx")
    book = openpyxl.load_workbook(template)
    sheet = book["整改反馈"]
    header = [c.value for c in sheet[3]]
    col = {t: header.index(t) + 1 for t in header if t}
    for r in range(4, sheet.max_row + 1):
        number = sheet.cell(r, col["整改编号"]).value
        if number in completed:
            sheet.cell(r, col["整改措施"]).value = "组织专题培训"
            sheet.cell(r, col["责任人"]).value = "李行长"
            sheet.cell(r, col["实际完成日期"]).value = completed[number].strftime("%Y年%m月%d日")
            sheet.cell(r, col["整改结果"]).value = "已整改"
    book.save(tmp_path / "capa_filled.xlsx")
    result = services.imports.import_file(actor, tmp_path / "capa_filled.xlsx")
    assert result.status == "imported", [str(p) for p in result.problems]


def test_actions_page_filters_verifies_and_counts(qtbot, loop_window, monkeypatch, tmp_path):
    window = loop_window
    services, actor = window.services, window.actor
    points = {(a.visit_no, a.item_code): a.points for a in services.monitoring.appeals(actor, "2007Q4")}
    for a in MONITORING["appeals"]:
        if a["decision"] == "uphold":
            given = None if a["score"] == points[(a["visit"], a["item"])] else a["score"]
            services.monitoring.decide(actor, a["visit"], a["item"], Decision.UPHOLD, score=given)
        else:
            services.monitoring.decide(actor, a["visit"], a["item"], Decision.REJECT, reason="录像显示确有扣分情形")
    services.monitoring.finalise(actor, "2007Q4")
    everything = services.capa.list(actor)
    open_510 = services.capa.open_actions(actor, "510000")
    on_time, late = open_510[-2].number, open_510[-1].number
    _feedback(services, actor, tmp_path, "510000", {on_time: dt.date(2008, 2, 20), late: dt.date(2008, 3, 5)})
    window.data_changed()
    page = window.show_page("actions")
    qtbot.waitUntil(lambda: page.data is not None and len(page.data.actions) == len(everything), timeout=30_000)
    assert [a.number for a in view_objects(page.ui.actionTable)] == [a.number for a in everything]

    def reload_with(setter):
        setter()
        wait(window, qtbot)
        return rows(page.action_model)

    got = reload_with(lambda: page.ui.sourceCombo.setCurrentIndex(page.ui.sourceCombo.findData("complaint")))
    assert got and {a.source for a in got} == {"complaint"}
    assert len(got) == sum(COMPLAINTS["repeats"].values())
    got = reload_with(lambda: page.ui.sourceCombo.setCurrentIndex(0))
    got = reload_with(lambda: page.ui.branchCombo.setCurrentIndex(page.ui.branchCombo.findData("510000")))
    assert {a.branch for a in got} == {"510000"}
    got = reload_with(lambda: page.ui.statusCombo.setCurrentIndex(page.ui.statusCombo.findData("待验证")))
    assert {a.number for a in got} == {on_time, late}
    got = reload_with(lambda: page.ui.statusCombo.setCurrentIndex(0))
    page.ui.asOfEdit.setDate(QDate(2008, 1, 31))
    got = reload_with(lambda: page.ui.overdueCheck.setChecked(True))
    assert {a.number for a in got} == {a.number for a in everything if a.branch == "510000" and a.due <= dt.date(2008, 1, 31)}
    got = reload_with(lambda: page.ui.overdueCheck.setChecked(False))

    # verify: only an action awaiting verification, through the dialog
    select(page.ui.actionTable, lambda a: a.status == "待整改")
    assert not page.ui.verifyButton.isEnabled() and "待验证" in page.ui.verifyButton.toolTip()
    from qsm_desktop.ui.views.monitoring.dialogs import ActionVerifyDialog

    answers = {on_time: (True, QDate(2008, 2, 25)), late: (True, QDate(2008, 3, 10))}

    def fake_exec(dialog):
        effective, day = answers[dialog.action.number]
        (dialog.ui.effectiveRadio if effective else dialog.ui.ineffectiveRadio).setChecked(True)
        dialog.ui.dateEdit.setDate(day)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ActionVerifyDialog, "exec", fake_exec)
    for number in (on_time, late):
        select(page.ui.actionTable, lambda a, n=number: a.number == n)
        assert page.ui.verifyButton.isEnabled()
        page.ui.verifyButton.click()
        wait(window, qtbot)
    statuses = {a.number: a.status for a in rows(page.action_model)}
    assert statuses[on_time] == statuses[late] == "已关闭"
    # the as-of figures per branch, as the service counts them
    page.ui.asOfEdit.setDate(QDate(2008, 3, 31))
    wait(window, qtbot)
    page.tabs.setCurrentWidget(page.ui.figuresTab)
    shown = {u.code: u.figures for u in rows(page.figures_model)}
    expected = services.capa.status(actor, dt.date(2008, 3, 31))
    assert shown == {u.code: u.figures for u in expected.units}
    assert shown["510000"].on_time == 1 and shown["510000"].due == len(open_510)
    # the branch's feedback template, and the export of the figures
    written = tmp_path / "template.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(written), ""))
    assert page.ui.templateButton.isEnabled()
    page.ui.templateButton.click()
    wait(window, qtbot)
    sheet = openpyxl.load_workbook(written)["整改反馈"]
    listed = {sheet.cell(r, 2).value for r in range(4, sheet.max_row + 1)} - {None}
    assert listed == {a.number for a in services.capa.open_actions(actor, "510000")}
    page.export_to(tmp_path / "figures.xlsx")
    wait(window, qtbot)
    got = list(openpyxl.load_workbook(tmp_path / "figures.xlsx", read_only=True).active.iter_rows(values_only=True))
    assert got[2][:3] == ("机构代码", "机构", "到期") and got[3][0] == "000000"


# ============================================================================ complaints
def chart_bars(page) -> tuple[list[str], list[int], list[float]]:
    """What the Pareto chart draws: the cause labels top-down, the bars' lengths and the line's values."""
    bars, line = page.cause_chart.figure.axes[:2]
    patches = sorted(bars.patches, key=lambda p: -p.get_y())  # top bar first
    labels = [t.get_text() for t in bars.get_yticklabels()]  # ticks set top-down
    [curve] = [c for c in line.get_lines() if c.get_marker() == "o"]  # not the dashed 80 % line
    return labels, [int(p.get_width()) for p in patches], list(curve.get_xdata())


def assert_chart_follows(page, causes) -> None:
    """The chart shows the table's causes in its order, their counts, and the cumulative shares."""
    labels, widths, shares = chart_bars(page)
    assert labels == [c.cause for c in causes] and widths == [c.count for c in causes]
    assert shares == pytest.approx([c.pareto.cumulative for c in causes], abs=0.01) and shares[-1] == 100.0
    assert page.chart_shares == shares


def test_pareto_chart_sums_the_tail_of_many_causes(qsm_app):
    from matplotlib.figure import Figure

    from qsm_desktop.ui.fonts import configure_matplotlib
    from qsm_desktop.ui.widgets.chart import PARETO_ROWS, draw_pareto, pareto_series

    configure_matplotlib()
    names = [f"原因{n:02d}" for n in range(20)]
    counts = list(range(20, 0, -1))
    labels, values, cumulative = pareto_series(names, counts, "其他（{n}项）")
    assert len(labels) == PARETO_ROWS and labels[-1] == "其他（6项）" and sum(values) == sum(counts)
    assert values[:-1] == counts[:PARETO_ROWS - 1] and cumulative[-1] == 100.0
    figure = Figure()
    FigureCanvasAgg = __import__("matplotlib.backends.backend_agg", fromlist=["FigureCanvasAgg"]).FigureCanvasAgg
    FigureCanvasAgg(figure)
    assert draw_pareto(figure, names, counts, other_label="其他（{n}项）") == cumulative
    assert len(figure.axes[0].patches) == PARETO_ROWS
    assert draw_pareto(figure, [], [], empty_text="无") == [] and not figure.axes[0].axison


def test_complaints_page_figures_pareto_and_overdue(qtbot, loop_window, tmp_path):
    window = loop_window
    page = window.show_page("complaints")
    qtbot.waitUntil(lambda: page.data is not None and page.data.stats is not None, timeout=30_000)
    assert page.data.period == "2007Q4" and page.data.as_of == dt.date(2007, 12, 31)
    page.set_as_of(dt.date.fromisoformat(COMPLAINTS["as_of"]))
    qtbot.waitUntil(lambda: page.data.as_of == dt.date(2008, 1, 15), timeout=30_000)
    wait(window, qtbot)
    figures = {u.code: u.figures.to_json() for u in rows(page.figures_model)}
    wanted = {**COMPLAINTS["branches"], **COMPLAINTS["departments"]}
    assert {code: figures[code] for code in wanted} == wanted
    assert all(f["received"] == 0 for code, f in figures.items() if code not in wanted)  # departments without any
    # causes: sorted by count, cumulative share ending at 100; the columns are the outlets
    causes = rows(page.cause_model)
    counts = [c.count for c in causes]
    assert counts == sorted(counts, reverse=True) and causes[-1].pareto.cumulative == 100.0
    assert sum(counts) == sum(w["valid"] for w in COMPLAINTS["branches"].values())
    assert page.cause_model.headerData(5, Qt.Orientation.Horizontal) == page.data.table.units[0][0]
    assert page.cause_model.headerData(5, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole).startswith(
        page.data.table.units[0][0])
    assert_chart_follows(page, causes)
    # overdue: as many as the figures count, most days late first
    overdue = rows(page.overdue_model)
    assert len(overdue) == sum(f["overdue"] for f in figures.values())
    assert [o.days_late for o in overdue] == sorted((o.days_late for o in overdue), reverse=True)
    # one branch: its own figures, causes and overdue complaints
    window.set_unit("110000")
    qtbot.waitUntil(lambda: len(rows(page.figures_model)) == 1, timeout=30_000)
    wait(window, qtbot)
    assert page.data.as_of == dt.date(2008, 1, 15)  # the date chosen stays for the quarter
    assert rows(page.figures_model)[0].figures.to_json() == COMPLAINTS["branches"]["110000"]
    assert len(rows(page.overdue_model)) == COMPLAINTS["branches"]["110000"]["overdue"]
    assert all(code.startswith("11") for code, _n, _t in page.data.table.units)
    branch_causes = rows(page.cause_model)
    assert [c.count for c in branch_causes] != counts
    assert_chart_follows(page, branch_causes)
    # export the Pareto table as shown
    page.tabs.setCurrentWidget(page.ui.causesTab)
    page.export_to(tmp_path / "causes.xlsx")
    wait(window, qtbot)
    got = list(openpyxl.load_workbook(tmp_path / "causes.xlsx", read_only=True).active.iter_rows(values_only=True))
    assert got[2][:5] == ("名次", "投诉原因", "有效投诉", "占比%", "累计占比%")
    assert [r[2] for r in got[3:]] == [c.count for c in rows(page.cause_model)]


# ============================================================================ checklists
def test_checklists_page_edits_through_a_new_edition(qtbot, window, monkeypatch, qtlog):
    from qsm_desktop.ui.views.monitoring.checklist_draft import VALUE_ROLE
    from qsm_desktop.ui.views.monitoring.dialogs import ChecklistEditionDialog

    actor = window.actor
    _import(window.services, actor, [SAMPLES / "org_units.xlsx", SAMPLES / "certification_120000_2007Q4.xlsx",
                                     SAMPLES / "monitoring" / "mystery_120000_2007Q4.xlsx"])
    window.data_changed()
    page = window.show_page("checklists")
    qtbot.waitUntil(lambda: bool(page.editions), timeout=30_000)
    edition = page.edition()
    assert edition.checklist.label == "2007版" and edition.in_use
    assert page.ui.moduleTable.rowCount() == 6 and page.ui.itemTable.rowCount() == 8
    assert not page.ui.editButton.isEnabled() and "新版本" in page.ui.editButton.toolTip()
    assert not page.ui.saveButton.isEnabled()

    def fake_exec(dialog):
        dialog.ui.labelEdit.setText("2008版")
        dialog.ui.effectiveEdit.setDate(QDate(2008, 1, 1))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ChecklistEditionDialog, "exec", fake_exec)
    page.ui.newEditionButton.click()
    assert page.draft is not None and page.draft.label == "2008版" and page.ui.saveButton.isEnabled()
    assert not page.ui.editionCombo.isEnabled()
    # the draft's grid is typed into: Tab goes from cell to cell (the module list, read-only, lets Tab leave)
    assert page.ui.itemTable.tabKeyNavigation() and not page.ui.moduleTable.tabKeyNavigation()
    # GM-01 from 10 to 5 points: the module's total shows 95 in red, and saving is refused with the sentence
    page.ui.itemTable.item(0, 2).setData(Qt.ItemDataRole.EditRole, 5.0)
    assert page.draft.modules[0].items[0].points == 5.0
    assert "95" in page.ui.totalLabel.text() and page.ui.moduleTable.item(0, 3).text() == "95"
    page.ui.saveButton.click()
    wait(window, qtbot)
    assert "合计为95分，应为100分" in page.ui.messageLabel.text() and page.draft is not None
    # add an item of 5 points (a new dimension), then save: a new edition, the 2007 one untouched
    page.ui.addItemButton.click()
    new = page.ui.itemTable.rowCount() - 1
    assert page.ui.itemTable.item(new, 0).text() == "GM-09"
    page.ui.itemTable.item(new, 2).setData(Qt.ItemDataRole.EditRole, 5.0)
    page.ui.itemTable.item(new, 4).setText("主动推介电子渠道")
    dimension = page.ui.itemTable.item(new, 1)
    dimension.setData(VALUE_ROLE, "服务能力")
    page.ui.itemTable.item(new, 3).setCheckState(Qt.CheckState.Checked)
    assert page.draft.modules[0].items[-1].dimension == "服务能力" and page.draft.modules[0].items[-1].critical
    assert "100" in page.ui.totalLabel.text()
    page.ui.saveButton.click()
    wait(window, qtbot)
    qtbot.waitUntil(lambda: len(page.editions) == 2 and page.draft is None, timeout=30_000)
    assert "2008版" in page.ui.messageLabel.text()
    editions = window.services.monitoring.checklist_editions(actor)
    later = editions[-1]
    assert later.checklist.label == "2008版" and later.checklist.module("GM").item("GM-09").critical
    assert editions[0].checklist.module("GM").item("GM-01").points == 10
    # the new edition has no visits: it is edited in place (version-checked), and a stale copy is refused
    assert page.edition().id == later.id and page.ui.editButton.isEnabled()
    page.ui.editButton.click()
    page.ui.itemTable.item(0, 4).setText("着统一工装，佩戴工号牌")
    window.services.monitoring.save_checklist(actor, later.checklist, checklist_id=later.id,
                                              expected_version=later.version)  # someone else saved meanwhile
    page.ui.saveButton.click()
    wait(window, qtbot)
    assert "已被他人修改" in page.ui.messageLabel.text()
    page.ui.discardButton.click()
    wait(window, qtbot)
    page.refresh()
    wait(window, qtbot)
    page.ui.editButton.click()
    page.ui.itemTable.item(0, 4).setText("着统一工装，佩戴工号牌")
    page.ui.saveButton.click()
    wait(window, qtbot)
    qtbot.waitUntil(lambda: page.draft is None, timeout=30_000)
    assert window.services.monitoring.checklist_editions(actor)[-1].checklist.module("GM").item("GM-01").text == \
        "着统一工装，佩戴工号牌"
    from sqlalchemy import select as sql_select

    from qsm_desktop.store.models import AuditEntry

    with window.services.read() as session:
        actions = session.scalars(sql_select(AuditEntry.action).where(AuditEntry.entity == "checklist")).all()
    assert sorted(actions) == ["create", "update", "update"]
    # user trial: refilling the module list put each cell's item into the table again, and Qt warned
    # "QTableWidget: cannot insert an item that is already owned by another QTableWidget" at every edit
    assert not page.ui.itemTable.tabKeyNavigation()  # only shown again: Tab leaves the table
    table_warnings = [r.message for r in qtlog.records
                      if "QTableWidget" in r.message or "QAbstractItemView" in r.message]
    assert not table_warnings, table_warnings[:3]


def test_the_checklist_text_cell_edits_the_text_of_the_window_language(languages):
    """Issue 14: a seeded item shows its English text on the English window, and typing there
    changes the English text, never the Chinese key; a new item typed in English is not blank in
    Chinese. On the Chinese window the cell edits the Chinese text."""
    from qsm_desktop.domain.monitoring.checklists import Checklist
    from qsm_desktop.store.monitoring import _seed_toml
    from qsm_desktop.ui.views.monitoring.checklist_draft import Draft, DraftItem

    draft = Draft.of(Checklist.from_mapping(_seed_toml("checklists_2007.toml")))
    item = draft.modules[0].items[0]
    languages.set_language("en")
    assert item.shown_text() == "Uniform worn, badge with staff number on, neat appearance"
    item.set_shown_text("Uniform and badge worn")
    new = DraftItem("GM-09", "服务能力", 5.0, False, "")
    new.set_shown_text("Recommends e-channels")
    saved = draft.to_checklist().modules[0].items[0]
    assert (saved.text, saved.text_en) == ("着统一工装，佩戴工号牌，仪容整洁", "Uniform and badge worn")
    assert (new.text, new.text_en) == ("Recommends e-channels", "Recommends e-channels")
    languages.set_language("zh")
    assert item.shown_text() == "着统一工装，佩戴工号牌，仪容整洁"
    item.set_shown_text("着统一工装")
    assert (item.text, item.text_en) == ("着统一工装", "Uniform and badge worn")


def test_the_actions_page_counts_to_the_window_periods_end_until_a_date_is_chosen(qtbot, window):
    """The actions page's as-of date follows the window's period as the complaints page and the
    monitoring report do: a past quarter's last day (the trial found it on today's date beside
    2007Q4's complaints on 2007-12-31), today while the quarter runs; a date the user picks stays."""
    from PySide6.QtCore import QDate

    from qsm_desktop.ui.widgets.period_combo import select_period

    page = window.show_page("actions")
    select_period(window.period_combo, "2007Q4")
    qtbot.waitUntil(lambda: page.scope is not None and page.scope.period == "2007Q4", timeout=10_000)
    assert page.ui.asOfEdit.date() == QDate(2007, 12, 31)
    select_period(window.period_combo, "2007Q3")
    qtbot.waitUntil(lambda: page.scope.period == "2007Q3", timeout=10_000)
    assert page.ui.asOfEdit.date() == QDate(2007, 9, 30)
    page.ui.asOfEdit.setDate(QDate(2008, 1, 31))  # the user's date
    select_period(window.period_combo, "2007Q4")
    qtbot.waitUntil(lambda: page.scope.period == "2007Q4", timeout=10_000)
    assert page.ui.asOfEdit.date() == QDate(2008, 1, 31)
    window.tasks.wait(30_000)


def test_the_actions_branch_filter_follows_the_windows_unit(qtbot, loop_window):
    """The branch filter lists the branches under the window's unit, and a new unit refills it (the
    refill was lost once when a second set_scope replaced the first)."""
    window = loop_window
    page = window.show_page("actions")
    window.tasks.wait(30_000)
    codes = {page.ui.branchCombo.itemData(i) for i in range(page.ui.branchCombo.count())} - {None}
    assert {"110000", "510000"} <= codes
    window.set_unit("510000")
    qtbot.waitUntil(lambda: page.scope is not None and page.scope.unit_code == "510000", timeout=10_000)
    window.tasks.wait(30_000)
    assert {page.ui.branchCombo.itemData(i) for i in range(page.ui.branchCombo.count())} - {None} == {"510000"}
