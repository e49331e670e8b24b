"""Evaluation benchmark (issue 5 item 9): a bank-scale database with 12 quarters, every score, every PDF.

1. Builds the ``bank``-scale demo (36 branches, 8 head-office departments, ~90,000 staff) into a
   fresh SQLite file through the importers (``qsm demo --scale bank`` logic: org list,
   certification, training 2007, quarterly and internal-service returns for 2007Q3–Q4);
2. generates the returns of the other quarters with the same generators and the template writer
   (quarterly + internal-service returns per branch and quarter, a training return per branch and
   later year) and imports them — 12 quarters in all, 2007Q3 … 2010Q2;
3. computes and stores the scores of all 12 quarters (time per quarter);
4. builds every unit's PDF report of the last quarter (with 11 quarters of trend) and the
   bank-wide report, printing the time of each report and the share spent rendering charts.

Run:  uv run python benchmarks/evaluation_bench.py [--scale bank|small] [--quarters 12] [--keep DIR]
Not a test; speed is never asserted (STYLE.md).
"""

from __future__ import annotations

import argparse
import math
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path


def quarters_from(first: str, count: int) -> list[str]:
    year, q = int(first[:4]), int(first[-1])
    out = []
    for _ in range(count):
        out.append(f"{year}Q{q}")
        year, q = (year, q + 1) if q < 4 else (year + 1, 1)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=("bank", "small"), default="bank")
    parser.add_argument("--quarters", type=int, default=12)
    parser.add_argument("--keep", type=Path, help="keep the database, returns and PDFs in this folder")
    args = parser.parse_args(argv)

    from qsm_desktop.domain.indicators import UNIT_TYPE_BRANCH
    from qsm_desktop.excel.kinds.base import get_kind
    from qsm_desktop.excel.kinds.quarterly import quarterly_indicators
    from qsm_desktop.excel.template import write_return
    from qsm_desktop.reports.evaluation_pdf import build_period_report, build_unit_reports
    from qsm_desktop.services.bundle import build_services
    from qsm_desktop.services.context import Actor, Role
    from qsm_desktop.services.demo import build_demo
    from qsm_desktop.services.demo.data import build_bank
    from qsm_desktop.services.demo.evaluation import write_evaluation_returns
    from qsm_desktop.services.imports import import_files

    holder = tempfile.TemporaryDirectory(prefix="qsm-eval-bench-") if args.keep is None else None
    folder = args.keep or Path(holder.name)
    folder.mkdir(parents=True, exist_ok=True)
    db_file = folder / "bench.db"
    if db_file.exists():
        db_file.unlink()
    actor = Actor("bench", Role.HO_SECRETARY)
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")
    services = build_services(f"sqlite:///{db_file}")
    try:
        # 1. the bank
        t0 = time.perf_counter()
        demo = build_demo(services, actor, args.scale, period="2007Q4", returns_dir=folder / "returns")
        t_demo = time.perf_counter() - t0
        print(f"demo ({args.scale}): {demo.org_units} units, {demo.staff} staff, {demo.files} returns in {t_demo:.1f} s")
        bank = build_bank(args.scale)
        quarters = quarters_from("2007Q3", args.quarters)
        extra = [q for q in quarters if q not in ("2007Q3", "2007Q4")]

        # 2. the other quarters' returns (and a training return per later year)
        t0 = time.perf_counter()
        paths: list[Path] = []
        training = get_kind("training")
        from qsm_desktop.services.demo.training import training_rows
        from qsm_desktop.domain.normalise import period_end

        for year in sorted({int(q[:4]) for q in extra if int(q[:4]) > 2007}):
            last = max(q for q in extra if int(q[:4]) == year)
            for branch in bank.branch_codes:
                rows = training_rows(bank, branch, year, until=period_end(last))
                if not rows:
                    continue
                path = folder / "returns" / f"bench_training_{branch}_{year}.xlsx"
                write_return(path, kind=training.name, sheet_name=training.sheet_name, title=f"交通银行{training.title}",
                             columns=training.columns, org_code=branch, org_name=bank.org_name(branch),
                             period=str(year), rows=rows, blank_rows=0)
                paths.append(path)
        for period in extra:
            system = services.evaluation.system_for_period(actor, period).system
            paths += write_evaluation_returns(bank, quarterly_indicators(system, UNIT_TYPE_BRANCH), folder / "returns",
                                              period, prefix="bench_")
        t_write = time.perf_counter() - t0
        t0 = time.perf_counter()
        results = import_files(services, actor, paths)
        refused = [r for r in results if r.refused]
        if refused:
            print("refused:", refused[0].file, [str(p) for p in refused[0].problems[:3]])
            return 1
        t_import = time.perf_counter() - t0
        print(f"extra returns: {len(paths)} files written in {t_write:.1f} s, imported in {t_import:.1f} s")

        # 3. scores of every quarter
        print(f"\ncompute and store the scores ({len(quarters)} quarters):")
        compute_times = []
        for period in quarters:
            t0 = time.perf_counter()
            result = services.evaluation.compute(actor, period)
            elapsed = time.perf_counter() - t0
            compute_times.append(elapsed)
            branches = [u for u in result.scores.units if u.unit_type == UNIT_TYPE_BRANCH]
            print(f"  {period}: {len(result.scores.units)} units ({len(branches)} branches), "
                  f"{'complete' if result.complete else 'incomplete'}, {elapsed:.2f} s")
        print(f"  all quarters: {sum(compute_times):.1f} s, {statistics.mean(compute_times):.2f} s per quarter")
        t0 = time.perf_counter()
        stored = services.evaluation.scores(actor, quarters[-1])
        print(f"  reading a stored quarter back with its explanations: {time.perf_counter() - t0:.2f} s")

        # 4. every report of the last quarter
        period = quarters[-1]
        t0 = time.perf_counter()
        data = services.evaluation.report_data(actor, period)
        t_data = time.perf_counter() - t0
        print(f"\nreports of {period} ({len(data.history)} earlier quarters in the trends; data in {t_data:.2f} s):")
        out = folder / "reports"
        batch = build_unit_reports(data, out)
        for report in batch.reports:
            print(f"  {report.path.name}: {report.pages} pages, {report.seconds:.2f} s "
                  f"(charts {report.chart_seconds:.2f} s, {100 * report.chart_seconds / report.seconds:.0f} %)")
        bank_report = build_period_report(data, out / f"{period}_全行综合评价报告.pdf")
        print(f"  bank-wide report: {bank_report.pages} pages, {bank_report.seconds:.2f} s "
              f"(charts {bank_report.chart_seconds:.2f} s, {100 * bank_report.chart_seconds / bank_report.seconds:.0f} %)")
        times = [r.seconds for r in batch.reports]
        total = math.fsum(times) + bank_report.seconds
        charts = batch.chart_seconds + bank_report.chart_seconds
        print(f"\nsummary: {len(batch.reports)} unit reports in {batch.seconds:.1f} s "
              f"(mean {statistics.mean(times):.2f} s, median {statistics.median(times):.2f} s, max {max(times):.2f} s); "
              f"bank-wide {bank_report.seconds:.2f} s; all reports {total:.1f} s, charts {charts:.1f} s "
              f"= {100 * charts / total:.0f} % of the report time")
        print(f"scores: {sum(compute_times):.1f} s for {len(quarters)} quarters; "
              f"units per quarter {len(stored.scores.units)}")
    finally:
        services.dispose()
        if holder is not None:
            holder.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
