"""The 培训 page (issue 6): coverage by unit with its chart, courses and effect, export, course edits,
and the person's training history in the register's detail panel — pytest-qt, offscreen, real SQLite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

EXPECTED = json.loads((Path(__file__).resolve().parents[1] / "samples" / "expected.json").read_text("utf-8"))


@pytest.fixture
def trained_services(sqlite_services, samples_dir):
    """The org list, the ten clean certification returns and the ten training returns, imported."""
    from qsm_desktop.services.context import Actor, Role

    actor = Actor("tester", Role.HO_SECRETARY)
    files = [samples_dir / "org_units.xlsx", *sorted(samples_dir.glob("certification_*_2007Q4.xlsx")),
             *sorted((samples_dir / "training").glob("training_*.xlsx"))]
    results = sqlite_services.imports.import_files(files, actor)
    assert [r.status for r in results] == ["imported"] * 21
    return sqlite_services


def _loaded(page, unit: str):
    return page.report is not None and page.report.figures.unit == unit


def test_training_page_shows_coverage(qtbot, trained_services, window, tmp_path):
    window.reload_org_tree()
    window.set_period("2007Q4")
    page = window.show_page("training")
    window.set_unit("000000")
    qtbot.waitUntil(lambda: _loaded(page, "000000"), timeout=20_000)
    # every branch with its C03 coverage in the table, the bank on top
    assert page.unit_model.rowCount() == 11
    for name, info in EXPECTED["files"].items():
        if name.startswith("training/"):
            assert page.coverage_of(info["org"]).c03.coverage == pytest.approx(info["C03_coverage"], abs=0.005)
    column = page.unit_model.column_index("c03")
    shown = {page.unit_model.row_object(r).unit: page.unit_model.data(page.unit_model.index(r, column))
             for r in range(page.unit_model.rowCount())}
    assert shown["110000"] == "70.0%" and shown["440000"] == "87.3%"
    # the unit begins with its code, which stays when a narrow window cuts the name (the trial at 150 %)
    units = [page.unit_model.data(page.unit_model.index(r, 0)) for r in range(page.unit_model.rowCount())]
    assert all(text[:6].isdigit() and text[6] == " " for text in units), units
    assert page.unit_model.headerData(column, page.unit_table.horizontalHeader().orientation()) == "C03覆盖率"
    # the chart draws one bar pair per branch with the branch names
    axes = page.coverage_chart.figure.axes
    assert axes and len(axes[0].get_yticklabels()) == 10
    assert "交通银行北京市分行" in [t.get_text() for t in axes[0].get_yticklabels()]
    # one branch: its cards, its courses and the certification-training effect
    window.set_unit("110000")
    qtbot.waitUntil(lambda: _loaded(page, "110000"), timeout=20_000)
    assert page.cards["c03"].value.text() == "70.0%"
    assert page.cards["staff"].value.text() == "70"
    assert [c.code for c in page.course_model.rows()] == ["PX2007-001", "PX2007-014", "PX2007-022", "PX2007-030"]
    assert set(page.effects) == {"PX2007-022"}
    assert page.tabs.tabText(0) == "各机构覆盖率"
    # the list is C03's complement: 70 on the roster, 70.0 % covered → 21 listed, with the categories named
    assert "有 21 人本年度未参加服务意识或服务规范培训" in page.untrained_label.text()
    assert page.untrained_model.rowCount() == 21
    # export on a worker
    target = tmp_path / "training.xlsx"
    page.export_to(target)
    window.tasks.wait(30_000)
    book = load_workbook(target)
    assert book.sheetnames[0] == "培训覆盖率" and book["培训覆盖率"]["D4"].value == 70.0
    # a course edit is saved (version-checked) and shown after the reload
    course = page.course_model.rows()[2]
    provider_column = page.course_model.column_index("provider")
    assert page.course_table.isColumnHidden(provider_column)  # no provider stated: the empty column gives its room
    page.save_course(course, {"provider": "internal", "target_categories": ["teller"], "note": None})
    qtbot.waitUntil(lambda: page.report is not None and page.report.courses[2].provider == "internal", timeout=20_000)
    provider = page.course_model.data(page.course_model.index(2, provider_column))
    assert provider == "内部" and not page.course_table.isColumnHidden(provider_column)
    assert page.course_model.data(page.course_model.index(0, page.course_model.column_index("dates"))) == "2007-05-08 – 05-10"
    assert page.effects["PX2007-022"].categories == ("teller",)


def test_register_detail_shows_training_history(qtbot, trained_services, window):
    window.reload_org_tree()
    window.set_period("2007Q4")
    register = window.show_page("register")
    register.show_person("0020772")
    panel = register.training_panel
    assert panel.model.rowCount() == 2
    assert panel.title_label.text() == "培训记录（2项）"
    first = panel.model.index(0, 0)
    assert panel.model.data(first) == "PX2007-030 客户服务意识专题"
    from PySide6.QtCore import Qt

    assert "training_110000_2007.xlsx" in panel.model.data(first, Qt.ItemDataRole.ToolTipRole)
    register._clear_detail()
    assert panel.model.rowCount() == 0
