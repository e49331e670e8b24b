"""ui/tasks.py: work runs off the UI thread, writes one at a time, results/errors/cancel come back by signal."""

from __future__ import annotations

import threading
import time

import pytest

from qsm_desktop.domain.errors import InputRefused


@pytest.fixture
def runner(qsm_app):
    from qsm_desktop.ui.tasks import TaskRunner

    r = TaskRunner()
    yield r
    r.cancel_all()
    r.wait(10_000)


def test_result_arrives_on_the_ui_thread(qtbot, runner):
    seen = {}

    def work(ctx):
        seen["worker"] = threading.current_thread()
        ctx.progress(1, 2, "half")
        return 42

    results = []
    runner.start(work, title="t", progress=False, on_done=lambda r: results.append((r, threading.current_thread())))
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    assert results[0][0] == 42
    assert results[0][1] is threading.main_thread()
    assert seen["worker"] is not threading.main_thread()


def test_writes_run_one_at_a_time(qtbot, runner):
    active = []
    peak = []
    lock = threading.Lock()

    def write(ctx):
        with lock:
            active.append(1)
            peak.append(len(active))
        time.sleep(0.05)
        with lock:
            active.pop()
        return True

    done = []
    for _ in range(4):
        runner.start(write, title="w", writes=True, progress=False, on_done=done.append)
    qtbot.waitUntil(lambda: len(done) == 4, timeout=10_000)
    assert max(peak) == 1


def test_reads_do_not_queue_behind_a_write(qtbot, runner):
    release = threading.Event()
    order = []
    runner.start(lambda ctx: release.wait(5) and order.append("write"), title="w", writes=True, progress=False)
    runner.start(lambda ctx: order.append("read"), title="r", progress=False)
    qtbot.waitUntil(lambda: order == ["read"], timeout=5_000)
    release.set()
    qtbot.waitUntil(lambda: order == ["read", "write"], timeout=5_000)


def test_errors_are_delivered(qtbot, runner):
    errors = []

    def fail(ctx):
        raise InputRefused("bad file")

    runner.start(fail, title="f", progress=False, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5_000)
    assert isinstance(errors[0], InputRefused)


def test_cancel_stops_and_reports_nothing(qtbot, runner):
    started = threading.Event()
    cancelled, done = [], []

    def long(ctx):
        started.set()
        while not ctx.cancelled:
            time.sleep(0.01)
        ctx.check()

    handle = runner.start(long, title="c", progress=False, on_done=done.append, on_cancelled=lambda: cancelled.append(1))
    assert started.wait(5)
    handle.context.cancel()
    qtbot.waitUntil(lambda: bool(cancelled), timeout=5_000)
    assert not done and handle.was_cancelled


def test_progress_dialog_cancel_button_sets_the_flag(qtbot, runner):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    started = threading.Event()

    def long(ctx):
        started.set()
        for i in range(500):
            if ctx.cancelled:
                return "stopped"
            ctx.progress(i, 500, f"row {i}")
            time.sleep(0.01)
        return "finished"

    handle = runner.start(long, title="Importing", parent=parent)
    assert started.wait(5)
    dialog = runner._running[handle.key].dialog
    qtbot.waitUntil(lambda: dialog.maximum() == 500, timeout=5_000)
    from PySide6.QtWidgets import QPushButton

    dialog.findChild(QPushButton).click()  # the dialog's Cancel button
    runner.wait(10_000)
    assert handle.was_cancelled



def test_two_runners_get_only_their_own_jobs(qtbot, qsm_app):
    """Every runner hears the application's one relay; each delivers its own jobs only, once."""
    from qsm_desktop.ui.tasks import TaskRunner

    first, second = TaskRunner(), TaskRunner()
    got = {"first": [], "second": []}
    for i in range(20):
        first.start(lambda ctx, i=i: i, title="", progress=False, on_done=got["first"].append)
        second.start(lambda ctx, i=i: 100 + i, title="", progress=False, on_done=got["second"].append)
    assert first.wait(10_000) and second.wait(10_000)
    assert sorted(got["first"]) == list(range(20))
    assert sorted(got["second"]) == list(range(100, 120))


def test_a_runner_deleted_with_jobs_under_way_leaves_the_others_working(qtbot, qsm_app):
    """A window's runner goes (window closed) while its job still runs: the job's end signal
    reaches nobody, and a second runner started afterwards still gets its outcomes."""
    import shiboken6
    from PySide6.QtCore import QCoreApplication

    from qsm_desktop.ui.tasks import TaskRunner

    release = threading.Event()
    gone = TaskRunner()
    handle = gone.start(lambda ctx: release.wait(5), title="", progress=False, on_done=lambda r: pytest.fail("delivered"))
    threading.Timer(0.2, release.set).start()
    shiboken6.delete(gone)  # its pools wait for the job, which signals the end while the runner goes
    assert handle.done.wait(5)
    for _ in range(20):
        QCoreApplication.processEvents()
    other = TaskRunner()
    results = []
    for i in range(200):  # many short jobs: ends queued while earlier ones are being delivered
        other.start(lambda ctx, i=i: i, title="", progress=False, on_done=results.append)
    assert other.wait(20_000)
    assert sorted(results) == list(range(200))
