"""The report batch in worker processes (批量生成报告) — issue 14 item 5: the same reports as the
serial builder, progress from the workers, cancel that leaves no partial file, a failure that is a
sentence. Built from the 2007Q4 scores computed from the sample returns (tests/evaluation_samples.py).
"""

from __future__ import annotations

import datetime
import multiprocessing
import os
import random
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest
from evaluation_samples import sample_scores
from pypdf import PdfReader

from qsm_desktop.reports import charts
from qsm_desktop.reports.evaluation_pdf import (
    EvaluationReportData,
    PastPeriod,
    ReportBatchFailed,
    build_unit_reports,
    default_workers,
    unit_report,
)
from qsm_desktop.reports.evaluation_pdf.vector_charts import nice_ticks, wrap

GENERATED = datetime.date(2008, 1, 8)


@pytest.fixture(scope="module")
def report_data(samples_dir) -> EvaluationReportData:
    """2007Q4 from the samples (18 units), with an earlier quarter for the trend."""
    first = sample_scores(samples_dir)
    rng = random.Random(3)
    q3 = {u.code: u.total + rng.uniform(-6, 6) for u in first.units}
    return EvaluationReportData(sample_scores(samples_dir, previous_totals=q3), history=(PastPeriod("2007Q3", q3),),
                                generated_on=GENERATED)


def _text(path: Path) -> str:
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_workers_write_the_same_reports_as_the_serial_builder(report_data, tmp_path):
    seen: list[tuple[int, int, str]] = []
    serial = build_unit_reports(report_data, tmp_path / "serial", workers=1,
                                period_report=tmp_path / "serial" / "bank.pdf")
    batch = build_unit_reports(report_data, tmp_path / "workers", workers=2, period_report=tmp_path / "workers" / "bank.pdf",
                               progress=lambda d, t, c: seen.append((d, t, c)))
    assert not batch.cancelled and len(batch.reports) == len(serial.reports) == 18
    assert batch.period_report is not None and batch.period_report.pages == serial.period_report.pages
    # in the order asked (branches first, best first), whatever order the workers finished in
    assert [r.path.name for r in batch.reports] == [r.path.name for r in serial.reports]
    assert [s[0] for s in seen] == list(range(1, 20)) and {s[1] for s in seen} == {19}
    assert sorted(s[2] for s in seen) == sorted(["", *(r.path.name.split("_")[1] for r in batch.reports)])
    names = sorted(p.name for p in (tmp_path / "workers").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "serial").iterdir()) and len(names) == 19
    for name in names:
        assert _text(tmp_path / "workers" / name) == _text(tmp_path / "serial" / name), name
    assert [r.pages for r in batch.reports] == [r.pages for r in serial.reports]
    assert 0 < batch.chart_seconds


def test_workers_follow_the_language_and_the_chart_switches(report_data, tmp_path):
    """The workers print in the language asked and draw the unit charts as this process would:
    into the PDF, their labels text (``unit_report.VECTOR_CHARTS``, shipped), or as matplotlib
    pictures with the previous layout (the benchmark's "today"), whose labels are pixels."""
    four = ["310000", "110000", "000101", "000102"]
    try:
        charts.FIXED_LAYOUT = unit_report.VECTOR_CHARTS = False
        old = build_unit_reports(report_data, tmp_path / "old", workers=1, language="en", unit_codes=["310000"])
        old_workers = build_unit_reports(report_data, tmp_path / "old-workers", workers=2, language="en",
                                         unit_codes=four)
    finally:
        charts.FIXED_LAYOUT = unit_report.VECTOR_CHARTS = True
    new = build_unit_reports(report_data, tmp_path / "new", workers=2, language="en", unit_codes=four)
    text = _text(new.reports[0].path)
    assert "Total" in text and "总分" not in text
    assert _text(old_workers.reports[0].path) == _text(old.reports[0].path)
    # the legend of the bar chart is text only when the chart is drawn into the PDF
    assert "Full points" in text and "Full points" not in _text(old.reports[0].path)
    assert "Full points" not in _text(old_workers.reports[0].path)


def test_unit_charts_are_drawn_into_the_pdf_with_the_figures_of_the_unit(report_data, tmp_path):
    """The vector charts print what the matplotlib pictures showed: the unit's points at the end
    of its bars, the last total of the trend, both series in the legends; no picture is embedded."""
    batch = build_unit_reports(report_data, tmp_path, workers=1, language="en", unit_codes=["310000"])
    path = batch.reports[0].path
    text = _text(path)
    unit = report_data.scores.unit("310000")
    for item in unit.indicators:
        if item.points is not None:
            assert f"{item.points:.2f}" in text, item.indicator.code
    assert f"{unit.total:.2f}" in text and "This unit" in text and "Full points" in text
    assert text.count("This unit") >= 3  # the legends of the bars, the trend and the radar
    for page in PdfReader(path).pages:  # no picture
        xobjects = page["/Resources"].get("/XObject")
        assert not xobjects or not xobjects.get_object()


def test_nice_ticks():
    assert nice_ticks(0, 16.8) == [0, 2, 4, 6, 8, 10, 12, 14, 16]
    assert nice_ticks(40, 100, 8) == [40, 50, 60, 70, 80, 90, 100]
    assert nice_ticks(0, 100, 8) == [0, 20, 40, 60, 80, 100]
    assert nice_ticks(0, 5.6) == [0, 1, 2, 3, 4, 5]
    assert nice_ticks(3, 3) == [3]


def test_a_unit_report_needs_no_matplotlib(report_data, tmp_path):
    """A worker that builds only unit reports does not import matplotlib (its start is ~1 s
    shorter); only the bank-wide report still draws with it."""
    import pickle
    import subprocess
    import sys

    data = tmp_path / "data.pickle"
    data.write_bytes(pickle.dumps(report_data))
    code = (
        "import pickle, sys\n"
        "from qsm_desktop.reports.evaluation_pdf.batch import _write\n"
        "from pathlib import Path\n"
        f"data = pickle.loads(Path({str(data)!r}).read_bytes())\n"
        f"_write(data, '310000', Path({str(tmp_path / 'u.pdf')!r}), 'zh')\n"
        "print('matplotlib' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "False" and (tmp_path / "u.pdf").stat().st_size > 0


def test_cancel_ends_the_workers_and_leaves_no_partial_file(report_data, tmp_path):
    cancel = threading.Event()

    def progress(done: int, total: int, code: str) -> None:
        cancel.set()  # after the first report

    batch = build_unit_reports(report_data, tmp_path, workers=2, progress=progress, cancel=cancel)
    assert batch.cancelled and 1 <= len(batch.reports) < 18
    # the workers were ended, not left to finish the batch (a worker the executor was still
    # starting at the moment of cancel may need a moment to see the closed queue and exit)
    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not multiprocessing.active_children()
    files = list(tmp_path.iterdir())
    assert all(p.suffix == ".pdf" for p in files), files  # no *.part
    assert len(files) < 18
    for path in files:  # whatever is there is a whole report
        data = path.read_bytes()
        assert data.startswith(b"%PDF") and b"%%EOF" in data[-64:]
        assert len(PdfReader(path).pages) >= 1
    assert {r.path for r in batch.reports} <= set(files)
    # cancelled before it starts: nothing written, no worker started
    early = build_unit_reports(report_data, tmp_path / "none", workers=2, cancel=lambda: True)
    assert early.cancelled and early.reports == () and list((tmp_path / "none").iterdir()) == []


def test_a_worker_failure_is_a_sentence(report_data, tmp_path):
    missing = tmp_path / "gone" / "bank.pdf"  # the folder does not exist: the worker cannot write
    with pytest.raises(ReportBatchFailed) as caught:
        build_unit_reports(report_data, tmp_path / "out", workers=2, period_report=missing, language="en")
    text = str(caught.value)
    assert text.startswith("The bank-wide report could not be written:") and "Traceback" not in text
    assert "\n" not in text
    assert not list((tmp_path / "out").glob("*.part"))
    with pytest.raises(ReportBatchFailed, match="全行报告未能生成"):
        build_unit_reports(report_data, tmp_path / "out2", workers=1, period_report=missing, language="zh")


def test_default_workers():
    assert default_workers(3) == 1 and default_workers(1) == 1
    assert default_workers(30) == 1  # a few branches' reports: faster here than starting workers
    assert default_workers(45) == min(os.cpu_count() or 1, 8)  # the bank's quarter: in workers (issue 14 item 5)
    assert 1 <= default_workers(200) <= 8


def test_spawned_workers_know_the_english_names_the_parent_loaded(report_data, tmp_path):
    """A spawned worker starts without the English-name catalogue the parent loaded from the
    database; the batch hands it over, so an English report from a worker names the issuer as
    the serial one does (issue 14 item 1)."""
    from qsm_desktop.domain.names import english_names, set_english_names

    before = english_names()
    issuer = report_data.issuer
    assert issuer
    try:
        set_english_names({**before, issuer: "Service Quality Office (test name)"})
        serial = build_unit_reports(report_data, tmp_path / "serial", workers=1, language="en",
                                    unit_codes=["310000"])
        batch = build_unit_reports(report_data, tmp_path / "workers", workers=2, language="en",
                                   unit_codes=["310000", "110000", "000101", "000102"])
    finally:
        set_english_names(before)
    text = _text(batch.reports[0].path)
    assert "(test name)" in text
    assert text == _text(serial.reports[0].path)


def test_long_radar_labels_wrap_at_spaces_or_between_chinese_characters():
    from qsm_desktop.reports.evaluation_pdf.fonts import register_fonts

    register_fonts()
    assert wrap("Brand and showcase units", 7, 46) == ["Brand and", "showcase", "units"]
    assert wrap("Responsiveness", 7, 30) == ["Responsiveness"]  # one word keeps its line
    assert wrap("服务规范与队伍", 7, 30) == ["服务规范", "与队伍"]
    assert wrap("服务规范与队伍", 7, 45) == ["服务规范", "与队伍"]  # not 6 + 1
    assert wrap("服务渠道", 7, 46) == ["服务渠道"]


def test_workers_print_origins_whose_messages_only_the_parent_registered(samples_dir, tmp_path):
    """A value's origin is a message (LocalText) that the services register, and a spawned worker
    does not import the services: the batch hands the parent's messages over, so a report from a
    worker prints the origin, not its key (the bank-scale benchmark found 44 reports doing so)."""
    from evaluation_samples import PERIOD, reference_system, sample_inputs

    from qsm_desktop.domain.i18n import local, register
    from qsm_desktop.domain.indicators import InputValue, score_period

    register({"test.batch.origin": ("测试来源共 {count} 项", "test origin of {count} items")})
    system = reference_system()
    inputs = sample_inputs(samples_dir, system)
    for unit in inputs:
        if unit.code == "310000":
            unit.values["D01"] = InputValue(0.0, local("test.batch.origin", count=3))
    data = EvaluationReportData(score_period(system, PERIOD, inputs), generated_on=GENERATED)
    batch = build_unit_reports(data, tmp_path, workers=2, language="en",
                               unit_codes=["310000", "110000", "000101", "000102"])
    text = " ".join(_text(batch.reports[0].path).split())
    assert "test origin of 3 items" in text and "test.batch.origin" not in text
