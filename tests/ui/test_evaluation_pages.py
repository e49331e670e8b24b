"""The 综合评价, 指标体系 and 规划目标 pages in a real window over the sample returns (pytest-qt, offscreen)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from windows import shown

from qsm_desktop.services.bundle import build_services
from qsm_desktop.services.context import Actor, Role

PERIOD = "2007Q4"
ACTOR = Actor("tester", Role.HO_SECRETARY)


@pytest.fixture(scope="module")
def _scored_template(tmp_path_factory) -> Path:
    """A SQLite file with every sample return imported and 2007Q4 computed (made once)."""
    from qsm_desktop.services.imports import import_files

    samples = Path(__file__).resolve().parents[1] / "samples"
    files = [samples / "org_units.xlsx", *sorted(samples.glob("certification_*.xlsx")),
             *sorted((samples / "training").glob("*.xlsx")), *sorted((samples / "quarterly").glob("*.xlsx")),
             *sorted((samples / "internal_service").glob("*.xlsx"))]
    file = tmp_path_factory.mktemp("evaluation_ui") / "scored.db"
    services = build_services(f"sqlite:///{file}")
    try:
        results = import_files(services, ACTOR, files)
        assert not [r for r in results if r.refused]
        services.evaluation.compute(ACTOR, PERIOD)
        with services.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        services.dispose()
    return file


@pytest.fixture
def scored_window(qtbot, tmp_path, _scored_template, languages):
    from qsm_desktop.settings import Settings
    from qsm_desktop.ui.main_window import MainWindow

    file = tmp_path / "qsm.db"
    shutil.copyfile(_scored_template, file)
    services = build_services(f"sqlite:///{file}")
    win = MainWindow(services, Settings(), actor=ACTOR, languages=languages, persist_settings=False)
    for shown_win in shown(qtbot, win):  # shown offscreen; its jobs end before the database is closed
        shown_win.set_period(PERIOD)
        yield shown_win
    services.dispose()


def _wait(win, qtbot, handle=None):
    if handle is not None:
        qtbot.waitUntil(lambda: handle.done.is_set(), timeout=60_000)
    assert win.tasks.wait(60_000)
    qtbot.wait(20)


def test_evaluation_page_ranks_explains_publishes_and_reports(scored_window, qtbot, tmp_path, expected):
    win = scored_window
    page = win.show_page("evaluation")
    _wait(win, qtbot)
    assert page.period() == PERIOD
    assert page.title() == "综合评价"
    branches = page.models["分行"]
    assert branches.rowCount() == 10
    first = branches.row_object(0)
    assert (first.code, first.rank, f"{first.total:.2f}") == ("510000", 1, "67.04")
    exp = expected["evaluation"]
    shown = {branches.row_object(r).code: branches.row_object(r) for r in range(10)}
    for code, e in exp["branches"].items():
        assert f"{shown[code].total:.2f}" == f"{e['total']:.2f}" and shown[code].grade == e["grade"]
    assert page.models["总行部门"].rowCount() == 8
    # drill-down: every indicator of the unit, and each score's explanation with its source cell
    assert page.select_unit("110000")
    assert page.indicator_model.rowCount() == 13
    text = page.explanation_text()
    assert "A01" in text and "quarterly_110000_2007Q4.xlsx!指标数据!E4" in text and "15 / 15" in text
    page.indicator_table.selectRow(1)  # A02 lost points: the reason is shown
    assert "失" in page.explanation_text()
    assert page.select_unit("000101")
    assert page.tabs.currentIndex() == 1
    assert "internal_service_110000_2007Q4.xlsx!内部服务评价!D4" in page.explanation_text()
    assert "草稿" in page.status_label.text() and page.publish_button.isEnabled()
    # reports on workers
    handle = page.write_period_report(tmp_path / "r.pdf")
    _wait(win, qtbot, handle)
    assert handle.error is None and (tmp_path / "r.pdf").stat().st_size > 10_000
    page.select_unit("110000")
    handle = page.write_unit_report(tmp_path / "u.pdf")
    _wait(win, qtbot, handle)
    assert handle.error is None and (tmp_path / "u.pdf").exists()
    # recompute, then publish: frozen, buttons follow
    handle = page.compute()
    _wait(win, qtbot, handle)
    assert handle.error is None
    handle = page.publish()
    _wait(win, qtbot, handle)
    assert handle.error is None and page.result.published
    assert "发布" in page.status_label.text()
    assert not page.publish_button.isEnabled() and not page.compute_button.isEnabled()


def test_publish_dialog_asks_for_an_explicit_decision_when_incomplete(qtbot, languages):
    from PySide6.QtWidgets import QDialogButtonBox

    from qsm_desktop.ui.views.evaluation import PublishDialog

    dialog = PublishDialog(PERIOD, ["310000 交通银行上海市分行：未报送2007Q4服务质量季度报表"])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.accept_box.setChecked(True)
    assert not ok.isEnabled(), "a reason is needed too"
    dialog.note_edit.setText("季报延误，委员会同意先行发布")
    assert ok.isEnabled() and dialog.accept_incomplete and dialog.note.startswith("季报")
    complete = PublishDialog(PERIOD, [])
    qtbot.addWidget(complete)
    assert complete.accept_incomplete is False and complete.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_indicator_system_editor_refuses_bad_weights_previews_and_saves_a_new_version(scored_window, qtbot, languages):
    win = scored_window
    page = win.show_page("indicators")
    _wait(win, qtbot)
    assert page.draft is not None and page.draft["version"] == "2007版-2"
    # the English window proposes an English label (user trial: it proposed "2007版-2" too)
    languages.set_language("en")
    page.load_version(page.base_id)
    assert page.draft["version"] == "2007 edition (2)" and page.editor.ui.versionLabel.text() == "2007 edition (2)"
    languages.set_language("zh")
    page.load_version(page.base_id)
    assert page.draft["version"] == "2007版-2"
    branch_item = page.tree.topLevelItem(0)
    assert branch_item.text(0) == "分行" and branch_item.text(1) == "100 / 100"
    page.set_indicator_fields("A01", weight=10)
    assert page.tree.topLevelItem(0).text(1) == "95 / 100"
    problems = page.draft_problems()
    assert any("95" in p and "100" in p for p in problems)
    assert not page.save_button.isEnabled() and not page.preview_button.isEnabled()
    page.set_indicator_fields("A03", weight=15)  # 10 + 15: back to 100
    assert page.draft_problems() == [] and page.save_button.isEnabled()
    page.set_indicator_fields("B02", kind="rank", bands=[{"from": 1, "to": 5, "fraction": 1.0}])
    handle = page.preview()
    _wait(win, qtbot, handle)
    assert handle.error is None and page.preview_model.rowCount() == 18
    rows = {r[0]: r for r in page.preview_model.rows()}
    assert rows["310000"][3] == pytest.approx(41.95, abs=0.01)
    assert rows["310000"][4] == pytest.approx(41.95 - 0.775 + 3 + 2.5, abs=0.01)
    handle = page.save()
    _wait(win, qtbot, handle)
    assert handle.error is None
    systems = win.services.evaluation.systems(ACTOR)
    assert [s.version for s in systems][:2] == ["2007版-2", "2007版"] or {s.version for s in systems} == {"2007版", "2007版-2"}
    saved = next(s for s in systems if s.version == "2007版-2")
    stored = win.services.evaluation.system(ACTOR, saved.id).system
    assert stored.indicator("A01").weight == 10 and stored.indicator("A03").weight == 15
    assert page.base_id == saved.id


def test_indicator_editor_rule_rows_come_from_the_rule_fields(scored_window, qtbot):
    """The editor's rule rows are the declared parameters; switching the kind in the picker keeps
    the kind first and the new kind's parameters (the widgets, not the test API, drive the draft)."""
    from PySide6.QtCore import Qt

    win = scored_window
    page = win.show_page("indicators")
    _wait(win, qtbot)
    editor = page.editor
    rows = editor.rule_parameters
    assert list(rows.editors) == ["floor", "target", "per_unit", "bands"]
    (b02,) = page.tree.findItems("B02", Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchRecursive, 0)
    page.tree.setCurrentItem(b02)
    assert editor.ui.codeEdit.text() == "B02"
    assert rows.editors["bands"].widget.isVisibleTo(page) and not rows.editors["floor"].widget.isVisibleTo(page)
    assert rows.labels["bands"].text() == "名次档："
    editor.ui.ruleCombo.setCurrentIndex(editor.ui.ruleCombo.findData("linear"))
    b02_rule = next(i for i in page.draft["indicators"] if i["code"] == "B02")["rule"]
    assert b02_rule == {"kind": "linear", "floor": 0.0, "target": 0.0}
    assert rows.editors["floor"].widget.isVisibleTo(page) and not rows.editors["bands"].widget.isVisibleTo(page)
    rows.editors["target"].widget.setValue(1)
    assert next(i for i in page.draft["indicators"] if i["code"] == "B02")["rule"]["target"] == 1.0
    editor.ui.ruleCombo.setCurrentIndex(editor.ui.ruleCombo.findData("rank"))
    bands = rows.editors["bands"].widget
    bands.setText("1-2:100%; 3:40")
    bands.textEdited.emit(bands.text())
    assert next(i for i in page.draft["indicators"] if i["code"] == "B02")["rule"] == {
        "kind": "rank", "bands": [{"from": 1, "to": 2, "fraction": 1.0}, {"from": 3, "to": 3, "fraction": 0.4}]}
    assert page.tree.currentItem().text(3) == "名次档 1-2:100%; 3-3:40%"


def test_plan_targets_page(scored_window, qtbot, expected):
    win = scored_window
    page = win.show_page("targets")
    _wait(win, qtbot)
    assert page.year_spin.value() == 2007
    teller = page.target("cert_rate_teller")
    assert teller.actual == expected["bank_cert_rates"]["teller"]["rate"] and teller.status == "behind"
    assert page.target("self_service_uptime").actual is not None
    assert page.model.rowCount() >= 10

    def cell(metric: str, key: str) -> str:
        row = next(i for i, t in enumerate(page.rows) if t.metric == metric)
        column = next(i for i, c in enumerate(page.model._columns) if c.key == key)
        return page.model.data(page.model.index(row, column))

    # issue 14: a gap of counts is a whole number ("-40", not "-40.00"); a rate keeps its decimals
    showcase = page.target("national_showcase_units")
    assert showcase.unit == "个" and showcase.gap is not None
    assert cell("national_showcase_units", "gap") == f"{showcase.gap:+.0f}"
    uptime = page.target("self_service_uptime")
    assert cell("self_service_uptime", "gap") == f"{uptime.gap:+.2f}"
    # issue 14: the scope says how the actual is measured — online banking's target is the whole
    # bank's, measured as the branches' average; the showcase count is a whole-bank register figure
    online = page.target("online_banking_share")
    assert online.scope == "bank" and online.measured == "branch_mean"
    assert cell("online_banking_share", "scope") == page._scope_text("bank", "branch_mean") != page._scope_text("bank")
    assert cell("national_showcase_units", "scope") == page._scope_text("bank")
    assert page.target("cert_rate_teller").measured == "bank"
    assert cell("cert_rate_teller", "scope") != page._scope_text("branch")


def test_pages_appear_in_screenshots(scored_window, qtbot, tmp_path):
    written = scored_window.save_screenshots(tmp_path / "shots")
    names = {p.name for p in written}
    assert {"evaluation.png", "indicators.png", "targets.png"} <= names
    for name in ("evaluation.png", "indicators.png", "targets.png"):
        assert (tmp_path / "shots" / name).stat().st_size > 20_000


def test_a_value_entered_on_the_page_carries_the_version_it_was_shown(scored_window, qtbot):
    """Issue 12: the page passes the version of the value it shows; a value someone else changed
    meanwhile is refused (ConflictError) and stays as they entered it."""
    from qsm_desktop.domain.errors import ConflictError

    win = scored_window
    page = win.show_page("evaluation")
    _wait(win, qtbot)
    assert page.select_unit("110000")
    handle = page.enter_value("A01", "80", "满意度调查更正")
    _wait(win, qtbot, handle)
    assert handle.error is None
    assert page.result.scores.unit("110000").indicator("A01").value == 80.0
    # another secretary corrects it from her own (current) screen
    services = win.ctx.services
    other = services.evaluation.scores(ACTOR, PERIOD)
    services.evaluation.set_manual_value(ACTOR, "110000", PERIOD, "A01", "85", "复核更正",
                                         expected_version=other.value_version("110000", "A01"))
    handle = page.enter_value("A01", "70", "再次更正")
    _wait(win, qtbot, handle)
    assert isinstance(handle.error, ConflictError)
    assert {v.indicator_code: v.value for v in services.evaluation.values(ACTOR, "110000", PERIOD)}["A01"] == 85.0


def test_indicator_values_print_as_the_reports_print_them(samples_dir):
    """Issue 14: the window showed a department's mean rating as 87.6944分 while the report says
    87.69; a count stays whole (4件), a rank bare."""
    from dataclasses import replace

    from evaluation_samples import sample_scores

    from qsm_desktop.ui.views.evaluation.page import _value_text

    unit = sample_scores(samples_dir).unit("000101")
    rating = replace(unit.indicators[0], value=87.69444)
    assert rating.indicator.unit == "分" and _value_text(rating) == "87.69分"
    branch = sample_scores(samples_dir).unit("110000")
    count = next(i for i in branch.indicators if i.indicator.unit == "件")
    assert _value_text(replace(count, value=4.0)) == "4件"


def test_a_branch_secretary_sees_her_units_of_a_draft_and_not_the_banks_state(qtbot, tmp_path, _scored_template,
                                                                               languages):
    """Issue 12 / DESIGN §6: a draft is head office's working copy. A branch secretary of 310000
    sees her own subtree's units of the 2007Q4 draft, no other branch, no "complete — ready to
    publish" status of the bank, and no report of the draft (printing one computes it: head office's)."""
    from qsm_desktop.settings import Settings
    from qsm_desktop.ui.main_window import MainWindow

    file = tmp_path / "qsm.db"
    shutil.copyfile(_scored_template, file)
    services = build_services(f"sqlite:///{file}")
    li = Actor("li", Role.BRANCH_SECRETARY, "310000")
    win = MainWindow(services, Settings(), actor=li, languages=languages, persist_settings=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    try:
        win.set_period(PERIOD)
        page = win.show_page("evaluation")
        qtbot.waitUntil(lambda: page.result is not None, timeout=30_000)
        shown = {u.code for t in page.models.values() for u in t.rows()}
        assert shown and all(code.startswith("31") for code in shown)
        status = page.status_label.text()
        assert "草稿" in status and "尚未发布" in status
        assert "可以发布" not in status and "数据完整" not in status and "tester" not in status
        assert not page.publish_button.isVisibleTo(page) and not page.period_report_button.isEnabled()
        # the trend of earlier drafts: her units only, no bank means
        (past,) = services.evaluation.history(li, "2008Q1")
        assert past.period == PERIOD and set(past.totals) == shown and not past.averages
        (bank,) = services.evaluation.history(ACTOR, "2008Q1")
        assert set(bank.totals) > shown and bank.averages
    finally:
        win.tasks.cancel_all()
        win.tasks.wait(30_000)
        win.close()
        services.dispose()


def test_all_reports_from_the_window_show_progress_and_cancel_stops_the_workers(scored_window, qtbot, tmp_path):
    """Issue 14 item 5: the batch runs in worker processes; the window's progress dialog follows
    them and its Cancel ends them, leaving whole reports only."""
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    win = scored_window
    page = win.show_page("evaluation")
    _wait(win, qtbot)
    folder = tmp_path / "cancelled"
    handle = page.write_all_reports(folder)

    def progress_dialog() -> QProgressDialog | None:  # once a report is done: 18 units and the bank-wide report
        return next((d for d in page.findChildren(QProgressDialog) if d.maximum() == 19 and d.value() >= 1), None)

    qtbot.waitUntil(lambda: progress_dialog() is not None or handle.done.is_set(), timeout=60_000)
    dialog = progress_dialog()
    assert dialog is not None and not handle.done.is_set()
    dialog.findChild(QPushButton).click()  # the dialog's Cancel button
    _wait(win, qtbot, handle)
    assert handle.was_cancelled and handle.error is None
    files = list(folder.iterdir())
    assert files and all(p.suffix == ".pdf" for p in files) and len(files) < 19  # stopped, no *.part
    assert all(p.read_bytes().rstrip().endswith(b"%%EOF") for p in files)
    handle = page.write_all_reports(tmp_path / "all")
    _wait(win, qtbot, handle)
    assert handle.error is None and not handle.was_cancelled
    assert len(list((tmp_path / "all").glob("2007Q4_*.pdf"))) == 19
