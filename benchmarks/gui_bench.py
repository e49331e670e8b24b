"""Desktop benchmark (界面性能) — issue 3 item 7. Not a test: it prints figures for BENCHMARKS.md.

    uv run python benchmarks/gui_bench.py --db sqlite:///bank.db [--build] [--runs 5]

On a ``bank``-scale database (36 branches, ~2,700 outlets, ~90,000 staff; ``--build`` fills an
empty file with ``qsm demo --scale bank`` first) it measures, offscreen:

1. **first window**: wall time from starting ``python -m qsm_desktop`` to the first paint of
   the main window (a fresh process each run; the child reports the moment of its first paint
   event; the parent's clock starts just before it spawns the child). Measured twice: *warm* —
   with compiled bytecode (as an installed program has it: pip and the PyInstaller bundle ship
   ``.pyc``), kept in a private ``PYTHONPYCACHEPREFIX`` folder after one unmeasured run — and
   *cold* — without bytecode (``PYTHONDONTWRITEBYTECODE``, as in a ``uv`` venv that did not
   compile), where Python compiles ~1,500 modules at every start;
2. **keystroke latency on the register** (持证上岗, whole bank): for each typed character (a 工号
   prefix, then a name), (a) how long the UI thread is busy handling the key press, (b) the time
   from the end of the typing pause (the page's 150 ms debounce timer firing) to the filtered rows
   being in the table — SQL filter and first page of 200 on a reader thread — and (c) to the count
   of matches (a second query beside it); also scrolling: the next page of 200 at the bottom;
3. **peak memory** (max RSS) of the window process after loading every page.

Targets (issue 3): first window ≤ 2 s, keystroke ≤ 100 ms, memory ≤ 400 MB; issue 14: first window
≤ 1 s warm at bank scale, next to a bare PySide6 window started the same way in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

CHILD_FIRST_PAINT = r"""
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QEvent, QObject, QTimer
from qsm_desktop.ui import main_window as mw

class _FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, mw.MainWindow) and not getattr(obj, "_bench", False):
            obj._bench = True
            print(json.dumps({"painted_at": time.time()}), flush=True)
            QTimer.singleShot(0, lambda: os._exit(0))
        return False

import json
_orig_init = mw.MainWindow.__init__
def _init(self, *a, **k):
    _orig_init(self, *a, **k)
    self._bench_filter = _FirstPaint()
    self.installEventFilter(self._bench_filter)
mw.MainWindow.__init__ = _init
from qsm_desktop.app import main
sys.exit(main(["--db", sys.argv[1]]))
"""


CHILD_BARE_WINDOW = r"""
import json, os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class _FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj is window:
            print(json.dumps({"painted_at": time.time()}), flush=True)
            QTimer.singleShot(0, lambda: os._exit(0))
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("QSM"))
window.resize(1280, 800)
paint = _FirstPaint()
window.installEventFilter(paint)
window.show()
sys.exit(app.exec())
"""


def first_window(url: str, runs: int, env: dict, child: str = CHILD_FIRST_PAINT) -> list[float]:
    """Seconds from spawning ``qsm-desktop`` (or, with ``child=CHILD_BARE_WINDOW``, a bare
    PySide6 ``QMainWindow``) to its first painted main window, per run."""
    times = []
    for _ in range(runs):
        start = time.time()
        out = subprocess.run([sys.executable, "-c", child, url], capture_output=True, text=True, env=env,
                             timeout=300)
        line = next((ln for ln in out.stdout.splitlines() if ln.startswith("{")), None)
        if line is None:
            raise RuntimeError(f"child did not paint:\n{out.stdout}\n{out.stderr[-2000:]}")
        times.append(json.loads(line)["painted_at"] - start)
    return times


def keystrokes(url: str) -> dict:
    """In-process: the register page over the whole bank, typing a 工号 prefix and a name."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QInputMethodEvent, QKeyEvent
    from PySide6.QtWidgets import QApplication

    from qsm_desktop.services.bundle import build_services
    from qsm_desktop.settings import Settings
    from qsm_desktop.ui.application import create_application
    from qsm_desktop.ui.main_window import MainWindow

    app, languages = create_application("zh")
    services = build_services(url)
    window = MainWindow(services, Settings(), languages=languages, persist_settings=False)
    window.show()
    page = window.show_page("register")
    window.tasks.wait(120_000)
    app.processEvents()
    total = page.model.total()
    first = page.model.row_object(0)
    # a name that exists, and a 工号 prefix
    texts = [first.staff_no[:5], first.name]

    timings: dict[str, list[float]] = {"ui_per_key_ms": [], "filter_ms": [], "count_ms": [], "fetch_more_ms": []}
    fired: list[float] = []
    shown: list[float] = []
    page._debounce.timeout.connect(lambda: fired.append(time.perf_counter()))
    page.model.modelReset.connect(lambda: shown.append(time.perf_counter()))

    def wait_loaded(generation_before: int) -> float:
        deadline = time.perf_counter() + 60
        while time.perf_counter() < deadline:
            app.processEvents()
            if page.model.generation > generation_before and not window.tasks.active_count():
                return time.perf_counter()
            time.sleep(0.001)
        raise RuntimeError("filter did not finish")

    for text in texts:
        page.search_edit.clear()
        app.processEvents()
        window.tasks.wait(60_000)
        for i, ch in enumerate(text):
            generation = page.model.generation
            t0 = time.perf_counter()
            if ch.isascii():
                QApplication.sendEvent(page.search_edit, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch))
            else:
                event = QInputMethodEvent()
                event.setCommitString(ch)
                QApplication.sendEvent(page.search_edit, event)
            timings["ui_per_key_ms"].append((time.perf_counter() - t0) * 1000)
            fired.clear()
            shown.clear()
            done = wait_loaded(generation)
            timings["filter_ms"].append((shown[-1] - fired[0]) * 1000 if fired and shown else float("nan"))
            timings["count_ms"].append((done - fired[0]) * 1000 if fired else float("nan"))
    # scrolling: the next page of rows at the bottom of the unfiltered list
    page.search_edit.clear()
    window.tasks.wait(60_000)
    while window.tasks.active_count() or page.model.loaded() == 0:
        app.processEvents()
        window.tasks.wait(10)
    for _ in range(5):
        before = page.model.loaded()
        t0 = time.perf_counter()
        page.table.scrollToBottom()
        app.processEvents()
        while page.model.loaded() == before and time.perf_counter() - t0 < 30:
            app.processEvents()
            window.tasks.wait(5)
        timings["fetch_more_ms"].append((time.perf_counter() - t0) * 1000)
    for page_id in window.pages():  # every page once, for the memory figure
        window.show_page(page_id)
        window.tasks.wait(120_000)
        app.processEvents()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window.close()
    return {"staff": total, "typed": texts, "peak_rss_mb": peak_mb, **timings}


def summary(values: list[float]) -> str:
    return f"median {statistics.median(values):.0f}, max {max(values):.0f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="bank-scale database URL (sqlite:///bank.db)")
    parser.add_argument("--build", action="store_true", help="fill an empty database with qsm demo --scale bank first")
    parser.add_argument("--runs", type=int, default=5, help="start-up runs (default 5)")
    parser.add_argument("--first-window-only", action="store_true", help="skip the register and memory part")
    args = parser.parse_args(argv)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if args.build:
        subprocess.run([sys.executable, "-m", "qsm_desktop.cli", "--db", args.db, "demo", "--scale", "bank"], check=True,
                       env=env)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load {os.getloadavg()[0]:.1f}")
    import tempfile

    warm_env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
    warm_env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="qsm-pycache-")
    first_window(args.db, 1, warm_env)  # compiles and caches the bytecode; not measured
    first_window(args.db, 1, warm_env, CHILD_BARE_WINDOW)
    cold_env = dict(env, PYTHONDONTWRITEBYTECODE="1")
    warm, bare, cold, bare_cold = [], [], [], []
    for run in range(args.runs):  # alternating, so the machine's load hits both alike
        warm += first_window(args.db, 1, warm_env)
        bare += first_window(args.db, 1, warm_env, CHILD_BARE_WINDOW)
        if run < max(1, args.runs // 2):
            cold += first_window(args.db, 1, cold_env)
            bare_cold += first_window(args.db, 1, cold_env, CHILD_BARE_WINDOW)
    print(f"first window, warm (bytecode cached): {', '.join(f'{t:.2f}' for t in warm)} s — "
          f"median {statistics.median(warm):.2f} s (target ≤ 1 s, issue 14)")
    print(f"  a bare PySide6 window, warm: {', '.join(f'{t:.2f}' for t in bare)} s — "
          f"median {statistics.median(bare):.2f} s")
    print(f"first window, cold (no bytecode): {', '.join(f'{t:.2f}' for t in cold)} s — "
          f"median {statistics.median(cold):.2f} s; a bare PySide6 window cold: median "
          f"{statistics.median(bare_cold):.2f} s")
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    if args.first_window_only:
        return 0
    keys = keystrokes(args.db)
    print(f"register over {keys['staff']:,} staff, typed {keys['typed']}")
    print(f"  UI thread per key: {summary(keys['ui_per_key_ms'])} ms")
    print(f"  filter after the typing pause → rows in the table: {summary(keys['filter_ms'])} ms (target ≤ 100 ms)")
    print(f"  … and the count of matches: {summary(keys['count_ms'])} ms")
    print(f"  next page on scrolling: {summary(keys['fetch_more_ms'])} ms")
    print(f"peak memory (max RSS, all pages loaded): {keys['peak_rss_mb']:.0f} MB (target ≤ 400 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
