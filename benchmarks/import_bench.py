"""Import benchmark (issue 2 item 7): bank-scale certification returns, measured in one run.

Generates the ``bank``-scale certification returns (36 branches, ~90,000 staff) with the template
writer, then measures on this machine, in this run:

(a) the floor — python-calamine parsing the files plus a bare ``executemany`` of the raw rows into
    a SQLite table (no validation, no normalising, no look-ups);
(b) ``qsm import`` of the same files into a fresh SQLite database (after the org list), as a dry
    run and for real;
(c) the peer a user would otherwise write — ``pandas.read_excel`` + ``DataFrame.to_sql`` without
    validation (pandas comes from the bench-only dependency group).

Prints the times and the ratios (b)/(a) (target ≤ 2, issue 14: ≤ 1.5) and (c)/(b) (target ≥ 3); (a') is
the floor reading ahead on a thread as the import does, for reference. The floor and the
committed import run ``--rounds`` times, alternately, each into a fresh database: the best of each
and the median of the rounds' ratios are shown (a single floor run swings by a third on a shared
machine). Not a test.

``--part mystery`` (issue 13 Deliver 9) does the same for a year of mystery-visit deliveries
(``qsm demo``'s generator: four visits per outlet under the checklists in force, one delivery per
branch and quarter — 108 files and ~80,000 item rows at ``bank`` scale): (a) the same floor, (b)
their import after the org list and the certification rosters (柜员工号 are checked against the
staff), and then — in the last round's database — finalising each quarter (§8.4: freeze the scores,
raise the findings and number the actions), timed. ``--part all`` (default) runs both.

Run:  uv run --group bench python benchmarks/import_bench.py [--scale bank|small] [--rounds 3] [--keep DIR]
                                                            [--part all|certification|mystery]
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path


def generate(folder: Path, scale: str) -> tuple[Path, list[Path], int]:
    """Write the org list and one certification return per branch; returns (org file, returns, rows)."""
    from qsm_desktop.services.demo.certification import certification_rows, org_rows
    from qsm_desktop.services.demo.context import write_kind
    from qsm_desktop.services.demo.data import build_bank

    bank = build_bank(scale)
    (folder / "scale.txt").unlink(missing_ok=True)
    org_file = write_kind(folder / "org_units.xlsx", "org_units", "000000", bank.orgs[0].name, "2007", org_rows(bank))
    files, rows = [], 0
    for branch in bank.branch_codes:
        data = certification_rows(bank, branch)
        rows += len(data)
        files.append(write_kind(folder / f"certification_{branch}_2007Q4.xlsx", "certification", branch,
                                bank.org_name(branch), "2007Q4", data))
    (folder / "scale.txt").write_text(scale)
    return org_file, files, rows


def reuse(folder: Path, scale: str) -> tuple[Path | None, list[Path], int]:
    """The returns a ``--keep`` folder already holds from an earlier run at ``scale`` (writing them
    takes a minute or two), else ``(None, [], 0)``. The folder's ``scale.txt`` says which scale."""
    marker = folder / "scale.txt"
    org_file = folder / "org_units.xlsx"
    files = sorted(folder.glob("certification_*_2007Q4.xlsx"))
    if not (marker.exists() and marker.read_text().strip() == scale and org_file.exists() and files):
        return None, [], 0
    from python_calamine import CalamineWorkbook

    rows = sum(sum(1 for r in CalamineWorkbook.from_path(str(f)).get_sheet_by_index(0).to_python()[3:]
                   if any(v != "" for v in r)) for f in files)
    return org_file, files, rows


def floor(files: list[Path], db_file: Path) -> float:
    """(a) calamine parse + bare executemany of the data rows (header row 3, data from row 4)."""
    from python_calamine import CalamineWorkbook

    db_file.unlink(missing_ok=True)  # a kept folder from an earlier run
    start = time.perf_counter()
    conn = sqlite3.connect(db_file)
    conn.execute("create table raw (c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11)")
    for file in files:
        workbook = CalamineWorkbook.from_path(str(file))
        rows = workbook.get_sheet_by_index(0).to_python()
        data = [tuple(r[:12]) for r in rows[3:] if any(v != "" for v in r)]
        data = [tuple(v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v for v in r) for r in data]
        conn.executemany("insert into raw values (?,?,?,?,?,?,?,?,?,?,?,?)", data)
    conn.commit()
    conn.close()
    return time.perf_counter() - start


def floor_read_ahead(files: list[Path], db_file: Path) -> float:
    """(a') the floor with the same read-ahead the import has: calamine parses the next file on a
    thread (it releases the interpreter lock) while this one is inserted — for reference: what the
    floor would cost if it used the second core the way the import does."""
    from concurrent.futures import ThreadPoolExecutor

    from python_calamine import CalamineWorkbook

    def rows_of(file: Path) -> list[tuple]:
        rows = CalamineWorkbook.from_path(str(file)).get_sheet_by_index(0).to_python()
        data = [tuple(r[:12]) for r in rows[3:] if any(v != "" for v in r)]
        return [tuple(v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v for v in r) for r in data]

    db_file.unlink(missing_ok=True)
    start = time.perf_counter()
    conn = sqlite3.connect(db_file)
    conn.execute("create table raw (c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11)")
    with ThreadPoolExecutor(max_workers=1) as pool:
        ahead = pool.submit(rows_of, files[0])
        for index in range(len(files)):
            data = ahead.result()
            if index + 1 < len(files):
                ahead = pool.submit(rows_of, files[index + 1])
            conn.executemany("insert into raw values (?,?,?,?,?,?,?,?,?,?,?,?)", data)
    conn.commit()
    conn.close()
    return time.perf_counter() - start


def qsm_import(org_file: Path, files: list[Path], db_file: Path, dry_run: bool) -> float:
    """(b) the product's importer through its service (what ``qsm import`` runs), timed without start-up."""
    from qsm_desktop.services.bundle import build_services
    from qsm_desktop.services.context import default_actor
    from qsm_desktop.services.imports import import_files

    db_file.unlink(missing_ok=True)
    services = build_services(f"sqlite:///{db_file}")
    actor = default_actor()
    try:
        [org] = import_files(services, actor, [org_file])
        assert not org.refused, org.problems[:3]
        start = time.perf_counter()
        results = import_files(services, actor, files, dry_run=dry_run)
        elapsed = time.perf_counter() - start
        refused = [r for r in results if r.refused]
        assert not refused, refused[0].problems[:3]
    finally:
        services.dispose()
    return elapsed


def peer(files: list[Path], db_file: Path) -> float:
    """(c) pandas.read_excel (its default engine) + to_sql, no validation."""
    import pandas as pd

    db_file.unlink(missing_ok=True)
    start = time.perf_counter()
    conn = sqlite3.connect(db_file)
    for file in files:
        frame = pd.read_excel(file, sheet_name=0, header=2, dtype=str, engine="openpyxl")  # today's default
        frame.to_sql("certification", conn, if_exists="append", index=False)
    conn.commit()
    conn.close()
    return time.perf_counter() - start


def generate_mystery(folder: Path, scale: str) -> tuple[dict[str, list[Path]], int]:
    """A year of mystery-visit deliveries of the ``scale`` bank (``qsm demo``'s generator), one per
    branch and quarter: (quarter → files, item rows)."""
    import tomllib

    from qsm_desktop import paths
    from qsm_desktop.domain.monitoring.checklists import Checklist
    from qsm_desktop.services.demo.context import write_kind
    from qsm_desktop.services.demo.data import build_bank
    from qsm_desktop.services.demo.monitoring import visit_plan, visit_rows

    with (paths.data_dir("db") / "seed" / "checklists_2007.toml").open("rb") as fh:
        checklists = [Checklist.from_mapping(tomllib.load(fh))]
    bank = build_bank(scale)
    files: dict[str, list[Path]] = {}
    rows = 0
    for period, visits in visit_plan("2007Q4", checklists).items():
        for branch in bank.branch_codes:
            data = visit_rows(bank, branch, period, checklists, visits)
            rows += len(data)
            files.setdefault(period, []).append(write_kind(folder / f"mystery_{branch}_{period}.xlsx", "mystery_visit",
                                                           branch, bank.org_name(branch), period, data))
    return files, rows


def mystery_import(org_file: Path, cert_files: list[Path], files: dict[str, list[Path]], db_file: Path,
                   dry_run: bool = False, finalise: bool = False) -> tuple[float, dict[str, float]]:
    """(b) for the deliveries: the org list and rosters first (not timed), then every delivery in
    one ``import_files`` run (timed); with ``finalise``, each quarter finalised in turn (timed each)."""
    from qsm_desktop.services.bundle import build_services
    from qsm_desktop.services.context import default_actor
    from qsm_desktop.services.imports import import_files

    for stale in (db_file, db_file.with_name(db_file.name + "-wal"), db_file.with_name(db_file.name + "-shm")):
        stale.unlink(missing_ok=True)  # a kept folder from an earlier run
    services = build_services(f"sqlite:///{db_file}")
    actor = default_actor()
    try:
        setup = import_files(services, actor, [org_file, *cert_files])
        assert not [r for r in setup if r.refused], [r.problems[:3] for r in setup if r.refused]
        every = [f for period in sorted(files) for f in files[period]]
        start = time.perf_counter()
        results = import_files(services, actor, every, dry_run=dry_run)
        elapsed = time.perf_counter() - start
        refused = [r for r in results if r.refused]
        assert not refused, refused[0].problems[:3]
        finalised: dict[str, float] = {}
        if finalise:
            for period in sorted(files):
                t = time.perf_counter()
                result = services.monitoring.finalise(actor, period)
                finalised[period] = time.perf_counter() - t
                print(f"    finalise {period}: {result.visits} visits, {len(result.actions)} actions "
                      f"in {finalised[period]:.2f} s", flush=True)
    finally:
        services.dispose()
    return elapsed, finalised


def mystery_part(folder: Path, scale: str, rounds: int, org_file: Path, cert_files: list[Path]) -> None:
    """Generate the deliveries, then alternate floor and import for ``rounds``; finalise in the last."""
    t = time.perf_counter()
    files, rows = generate_mystery(folder, scale)
    generated = time.perf_counter() - t
    every = [f for period in sorted(files) for f in files[period]]
    floors, imports, finalised = [], [], {}
    for n in range(max(1, rounds)):
        floors.append(floor(every, folder / f"mystery_floor{n}.db"))
        last = n == max(1, rounds) - 1
        seconds, done = mystery_import(org_file, cert_files, files, folder / f"mystery_qsm{n}.db", finalise=last)
        imports.append(seconds)
        finalised.update(done)
    a, b = min(floors), min(imports)
    paired = sorted(i / f for i, f in zip(imports, floors))
    b_dry, _ = mystery_import(org_file, cert_files, files, folder / "mystery_dry.db", dry_run=True)
    print(f"mystery-visit deliveries: {len(every)} files, {rows} item rows in {len(files)} quarters "
          f"(generated with the template writer in {generated:.1f} s)")
    print(f"(a) floor  calamine + bare executemany   {a:7.2f} s   (best of {len(floors)}: "
          f"{', '.join(f'{x:.2f}' for x in floors)})")
    print(f"(b) qsm import --dry-run                 {b_dry:7.2f} s   ratio to floor {b_dry / a:5.2f}")
    print(f"(b) qsm import (commit)                  {b:7.2f} s   ratio to floor {b / a:5.2f}   target <= 2   "
          f"(best of {len(imports)}: {', '.join(f'{x:.2f}' for x in imports)}; median of the rounds' ratios "
          f"{statistics.median(paired):.2f}, range {paired[0]:.2f}-{paired[-1]:.2f})")
    for period, seconds in sorted(finalised.items()):
        print(f"    finalise {period}                      {seconds:7.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="bank", choices=("bank", "small"))
    parser.add_argument("--keep", metavar="DIR", help="keep the generated returns and databases in DIR (and reuse the returns it holds)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating floor / import rounds (default 3)")
    parser.add_argument("--part", default="all", choices=("all", "certification", "mystery"),
                        help="which returns to measure (default: both)")
    args = parser.parse_args()
    try:
        if args.part != "mystery":
            import pandas  # noqa: F401
    except ImportError:
        print("pandas is missing: run with `uv run --group bench python benchmarks/import_bench.py`", file=sys.stderr)
        return 2
    holder = None if args.keep else tempfile.TemporaryDirectory(prefix="qsm-bench-")
    folder = Path(args.keep or holder.name)
    folder.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    org_file, files, rows = reuse(folder, args.scale) if args.keep else (None, [], 0)
    if org_file is None:
        org_file, files, rows = generate(folder, args.scale)
    generated = time.perf_counter() - t
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
          f"{__import__('os').cpu_count()} cores; date {dt.date.today().isoformat()}", flush=True)
    if args.part in ("all", "mystery"):
        mystery_part(folder, args.scale, args.rounds, org_file, files)
    if args.part == "mystery":
        if holder is not None:
            holder.cleanup()
        return 0
    floors, imports = [], []
    for n in range(max(1, args.rounds)):  # alternate, so load on the machine hits both
        floors.append(floor(files, folder / f"floor{n}.db"))
        imports.append(qsm_import(org_file, files, folder / f"qsm{n}.db", dry_run=False))
    a, b = min(floors), min(imports)
    paired = sorted(i / f for i, f in zip(imports, floors))
    b_dry = qsm_import(org_file, files, folder / "dry.db", dry_run=True)
    ahead_floors = [floor_read_ahead(files, folder / f"floor_ahead{n}.db") for n in range(max(1, args.rounds))]
    c = peer(files, folder / "pandas.db")
    print(f"returns: {len(files)} files, {rows} rows (generated with the template writer in {generated:.1f} s)")
    print(f"(a) floor  calamine + bare executemany   {a:7.2f} s   (best of {len(floors)}: "
          f"{', '.join(f'{x:.2f}' for x in floors)})")
    print(f"(a') floor reading ahead on a thread      {min(ahead_floors):7.2f} s   (best of {len(ahead_floors)}; "
          f"reference: the import is {b / min(ahead_floors):.2f}x it)")
    print(f"(b) qsm import --dry-run                 {b_dry:7.2f} s   ratio to floor {b_dry / a:5.2f}")
    print(f"(b) qsm import (commit)                  {b:7.2f} s   ratio to floor {b / a:5.2f}   target <= 1.5 "
          f"(best of {len(imports)}; median of the rounds' ratios {statistics.median(paired):.2f}, "
          f"range {paired[0]:.2f}-{paired[-1]:.2f})")
    print(f"(c) pandas.read_excel + to_sql           {c:7.2f} s   (c)/(b) = {c / b:5.2f}          target >= 3")
    if holder is not None:
        holder.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
