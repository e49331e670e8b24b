"""A run of several returns reads the next file on a thread while this one is checked and written
(issue 14 item 5, BENCHMARKS.md "Import"). Reading ahead must change nothing but the time: every
file's outcome — status, unit, period, rows, every problem at its cell, the preview, the warnings —
and what the database holds afterwards are the same as one file after the other.
"""

from __future__ import annotations

import shutil
import sys

import openpyxl
import pytest
from sqlalchemy import func, select

from qsm_desktop.services.bundle import build_services
from qsm_desktop.services.imports import engine
from qsm_desktop.store.models import Certificate, ImportBatch, Staff


def _files(samples_dir, tmp_path):
    """The org list, the certification returns (messy and broken ones among them), the training
    returns, and one return naming its unit by name only, after the org list that creates it."""
    by_name = tmp_path / "certification_by_name.xlsx"
    book = openpyxl.load_workbook(samples_dir / "certification_120000_2007Q4.xlsx")
    del book["_meta"]
    sheet = book.worksheets[0]
    sheet["A2"] = "填报单位：交通银行天津市分行"
    book.save(by_name)
    return [samples_dir / "org_units.xlsx", by_name,
            *sorted(samples_dir.glob("certification_*_2007Q4.xlsx")),
            *sorted((samples_dir / "messy").glob("certification_*.xlsx")),
            *sorted((samples_dir / "broken").glob("*.xlsx")),
            *sorted((samples_dir / "training").glob("*.xlsx"))]


def _outcome(results):
    return [(r.file, r.status, r.kind, r.org, r.period, r.rows, [(p.sheet, p.cell, p.key, p.message) for p in r.problems],
             [(c.entity, c.action, c.key, c.label) for c in r.preview], [p.message for p in r.warnings])
            for r in results]


def _held(services):
    with services.sessions() as session:
        return (session.scalar(select(func.count()).select_from(Staff)),
                session.scalar(select(func.count()).select_from(Certificate)),
                sorted(session.execute(select(ImportBatch.file_name, ImportBatch.status, ImportBatch.row_count)).all()))


@pytest.mark.parametrize("dry_run", [False, True])
def test_reading_ahead_changes_nothing_but_the_time(tmp_path, _migrated_sqlite_template, samples_dir, actor,
                                                    monkeypatch, dry_run):
    files = _files(samples_dir, tmp_path)
    ahead_parses: list[str] = []
    parse_ahead = engine._parse_ahead

    def counted(read, *args):
        parse_ahead(read, *args)
        if read.ahead is not None and read.ahead.parsed is not None:
            ahead_parses.append(read.name)

    monkeypatch.setattr(engine, "_parse_ahead", counted)
    monkeypatch.setattr(engine.os, "cpu_count", lambda: 2)  # a one-core machine reads no file ahead
    outcomes = []
    for name, read_ahead in (("ahead", True), ("serial", False)):
        if not read_ahead:
            monkeypatch.setattr(engine, "_read_ahead_for", lambda *args: None)
        db_file = tmp_path / f"{name}.db"
        shutil.copyfile(_migrated_sqlite_template, db_file)
        services = build_services(f"sqlite:///{db_file}")
        try:
            if dry_run:  # a dry run of returns whose org list is in the database
                assert services.imports.import_files([files[0]], actor)[0].status == "imported"
            results = services.imports.import_files(files[1:] if dry_run else files, actor, dry_run=dry_run)
            outcomes.append((_outcome(results), _held(services)))
        finally:
            services.dispose()
    ahead, serial = outcomes
    assert ahead == serial
    statuses = {file: status for file, status, *_ in ahead[0]}
    assert statuses["certification_by_name.xlsx"] == ("dry-run" if dry_run else "imported")
    assert statuses["empty.xlsx"] == "refused" and statuses["certification_bad_rows.xlsx"] == "refused"
    # the thread parsed most files itself (the first is read by the run; the one named by a unit the
    # org list creates was left to the run when it was read before the org list was written)
    assert len(ahead_parses) >= len(files) - 6, ahead_parses
    if not dry_run:
        assert "certification_by_name.xlsx" not in ahead_parses


def test_a_cancelled_run_leaves_no_thread_behind(tmp_path, _migrated_sqlite_template, samples_dir, actor):
    import threading

    files = _files(samples_dir, tmp_path)
    db_file = tmp_path / "cancel.db"
    shutil.copyfile(_migrated_sqlite_template, db_file)
    services = build_services(f"sqlite:///{db_file}")
    cancel = threading.Event()
    before = sys.getswitchinterval()
    during = []

    def progress(done, total, name):
        during.append(sys.getswitchinterval())
        if done == 3:
            cancel.set()

    try:
        results = services.imports.import_files(files, actor, cancel=cancel, progress=progress)
    finally:
        services.dispose()
    # the interpreter hands its lock on more often while the thread reads, and as before afterwards
    # (the last call, "all done", comes after the run)
    assert len(during) == 5 and set(during[:-1]) == {min(before, engine._SwitchInterval.INTERVAL)}
    assert during[-1] == sys.getswitchinterval() == before
    # the file being announced when the cancel came is finished; the one read ahead is dropped
    assert [r.status for r in results] == ["imported"] * 4
    for thread in threading.enumerate():
        if thread.name.startswith("qsm-import-read"):
            thread.join(10)
    assert not [t for t in threading.enumerate() if t.name.startswith("qsm-import-read")]
