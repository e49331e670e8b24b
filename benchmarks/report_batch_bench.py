"""Report batch benchmark (批量生成报告) — issue 14 item 5. Not a test: it prints figures for BENCHMARKS.md.

    uv run python benchmarks/report_batch_bench.py --db bank.db [--period 2007Q4] [--workers 2] [--rounds 2]

On a ``bank``-scale database (``qsm demo --scale bank``: 36 branches and 8 head-office
departments scored) it builds **45 reports** of one quarter — every unit's report and the
bank-wide one, as ``qsm report evaluation --all-units`` and the window's "all reports" do — three
ways, alternating in each round so that the machine's load hits all three alike:

- *today*: the previous builder — one report after another in this process, the per-unit charts
  drawn by matplotlib (``unit_report.VECTOR_CHARTS = False``), laid out by its constrained layout
  (``charts.FIXED_LAYOUT = False``) and sent to reportlab as PNG, ``workers=1``;
- *this process*: the same order in this process, the unit reports' charts drawn into the PDF
  (the bank-wide report's matplotlib charts with fixed margins) — what ``default_workers`` ships
  for a batch of fewer than 40 reports (a branch's few);
- *workers*: ``--workers`` spawned processes (what a batch of 40 reports or more uses, so the
  bank's 45 on a machine of 2 cores or more).

The report data (scores, history) is read once before the clock starts (the same for all three).
Each way's wall time per round, the best of each, and the median of the rounds' speed-ups are
printed, with the load average before and after each run (the machine's other work shows there).
The text of every PDF of the worker run is compared with the serial run's (``pdftotext``, when
installed): the batch must print the same reports.
"""

from __future__ import annotations

import argparse
import difflib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _load() -> str:
    one, five, _fifteen = os.getloadavg()
    return f"{one:.1f}/{five:.1f}"


def _texts(folder: Path) -> dict[str, str]:
    out = {}
    for pdf in sorted(folder.glob("*.pdf")):
        out[pdf.name] = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                       check=True).stdout
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a bank-scale database (a SQLite file or a URL)")
    parser.add_argument("--period", default="2007Q4")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    args = parser.parse_args(argv)

    from qsm_desktop.domain.i18n import set_language
    from qsm_desktop.reports import charts
    from qsm_desktop.reports.evaluation_pdf import build_unit_reports, unit_report
    from qsm_desktop.services.bundle import build_services
    from qsm_desktop.services.context import Actor, Role

    set_language(args.lang)
    url = args.db if "://" in args.db else f"sqlite:///{Path(args.db).resolve()}"
    services = build_services(url)
    try:
        data = services.evaluation.report_data(Actor("bench", Role.HO_SECRETARY), args.period)
    finally:
        services.dispose()
    units = len(data.scores.units)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.python_implementation()} "
          f"{platform.python_version()}, {platform.system()} {platform.release()}")
    print(f"{args.period}: {units} units + the bank-wide report = {units + 1} reports; "
          f"{len(data.history)} earlier quarter(s) in the trends; language {args.lang}")

    ways = {
        "today (serial, constrained layout)": (1, False),
        "this process (a small batch)": (1, True),
        f"{args.workers} workers (shipped for 45)": (args.workers, True),
    }
    times: dict[str, list[float]] = {name: [] for name in ways}
    folders: dict[str, Path] = {}
    with tempfile.TemporaryDirectory(prefix="qsm-batch-bench-") as tmp:
        for round_no in range(1, args.rounds + 1):
            for name, (workers, fixed) in ways.items():
                out = Path(tmp) / f"{round_no}-{workers}-{int(fixed)}"
                charts.FIXED_LAYOUT = unit_report.VECTOR_CHARTS = fixed
                before = _load()
                started = time.perf_counter()
                batch = build_unit_reports(data, out, workers=workers, period_report=out / "bank.pdf")
                elapsed = time.perf_counter() - started
                assert not batch.cancelled and len(batch.reports) == units and batch.period_report is not None
                times[name].append(elapsed)
                folders[name] = out
                charts_s = batch.chart_seconds + batch.period_report.chart_seconds
                cpu = sum(r.seconds for r in batch.reports) + batch.period_report.seconds
                print(f"  round {round_no}  {name:<36} {elapsed:6.1f} s  (reports' own time {cpu:5.1f} s, "
                      f"charts {charts_s:5.1f} s = {100 * charts_s / cpu:.0f} %)  load {before} → {_load()}")
        charts.FIXED_LAYOUT = unit_report.VECTOR_CHARTS = True
        today, serial_fixed, parallel = (times[n] for n in ways)
        print("\nbest of each:", ", ".join(f"{n} {min(t):.1f} s" for n, t in times.items()))
        print(f"speed-up against today, this process: best {min(today) / min(serial_fixed):.2f}×, "
              f"median round {statistics.median(a / b for a, b in zip(today, serial_fixed, strict=True)):.2f}× "
              f"(rounds {', '.join(f'{a / b:.2f}×' for a, b in zip(today, serial_fixed, strict=True))})")
        print(f"speed-up against today, {args.workers} workers (as shipped for 45): best {min(today) / min(parallel):.2f}×, median round "
              f"{statistics.median(a / b for a, b in zip(today, parallel, strict=True)):.2f}× "
              f"(rounds {', '.join(f'{a / b:.2f}×' for a, b in zip(today, parallel, strict=True))}); "
              f"workers over this process {statistics.median(a / b for a, b in zip(serial_fixed, parallel, strict=True)):.2f}×")
        if shutil.which("pdftotext"):
            names = list(ways)
            a, b = _texts(folders[names[1]]), _texts(folders[names[2]])
            same = a.keys() == b.keys() and all(a[k] == b[k] for k in a)
            print(f"text of the {len(b)} PDFs of the worker run equal to the serial run's: {same}")
            for name in sorted(k for k in a.keys() & b.keys() if a[k] != b[k]):
                diff = difflib.unified_diff(a[name].splitlines(), b[name].splitlines(), "serial", "workers", n=0,
                                            lineterm="")
                print(f"  {name} differs:", *list(diff)[2:8], sep="\n    ")
            return 0 if same else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
