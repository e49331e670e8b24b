"""A batch imports in dependency order whatever order its files come in (issue 11, item 1).

Every sample return (org list, certification, training, quarterly, internal service, showcase
applications and score sheets) is imported in one run in name order into one database and in the
reverse order into another; every file is imported in both, and the figures built on them —
certification rates, C03 training coverage, the quarter's evaluation, the showcase ranking — are
the same.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from qsm_desktop.services.bundle import build_services

AS_OF = dt.date(2007, 12, 31)
BRANCHES = ("110000", "120000", "210000", "310000", "320000", "330000", "370000", "420000", "440000", "510000")


def _sample_files(samples_dir):
    files = [samples_dir / "org_units.xlsx", *sorted(samples_dir.glob("certification_*_2007Q4.xlsx"))]
    for folder in ("training", "quarterly", "internal_service", "showcase"):
        files += sorted((samples_dir / folder).glob("*.xlsx"))
    return files


def _figures(services, actor):
    rates = services.certification.rates_by_unit(actor, AS_OF, list(BRANCHES))
    c03 = {code: services.training.c03(actor, code, AS_OF) for code in BRANCHES}
    evaluation = services.evaluation.evaluate(actor, "2007Q4")
    ranking = services.showcase.rank(actor, 2007, "总行级")
    return (
        {code: {cat: r.rate for cat, r in rates[code].categories.items()} for code in BRANCHES},
        c03,
        repr(evaluation.to_json()) if hasattr(evaluation, "to_json") else repr(evaluation),
        repr(ranking.to_json()),
    )


def test_reverse_order_gives_the_same_results(tmp_path, _migrated_sqlite_template, samples_dir, actor):
    files = _sample_files(samples_dir)
    assert len(files) > 40
    outcomes = []
    for name, order in (("forward", files), ("reverse", list(reversed(files)))):
        db_file = tmp_path / f"{name}.db"
        shutil.copyfile(_migrated_sqlite_template, db_file)
        services = build_services(f"sqlite:///{db_file}")
        try:
            results = services.imports.import_files(order, actor)
            statuses = {r.file: r.status for r in results}
            assert set(statuses.values()) == {"imported"}, {f: s for f, s in statuses.items() if s != "imported"}
            outcomes.append(_figures(services, actor))
        finally:
            services.dispose()
    forward, reverse = outcomes
    assert forward[0] == reverse[0]  # certification rates
    assert forward[1] == reverse[1]  # C03
    assert forward[2] == reverse[2]  # the quarter's evaluation
    assert forward[3] == reverse[3]  # the showcase ranking


def test_a_training_return_before_its_roster_is_imported_after_it(tmp_path, sqlite_services, samples_dir, actor):
    """The case from the issue: training first, then the certification return naming its staff."""
    files = [samples_dir / "training" / "training_310000_2007.xlsx", samples_dir / "certification_310000_2007Q4.xlsx",
             samples_dir / "org_units.xlsx"]
    results = sqlite_services.imports.import_files(files, actor)
    assert [r.status for r in results] == ["imported", "imported", "imported"], [r.problems[:2] for r in results]


def test_a_file_refused_for_its_own_mistakes_is_not_retried_endlessly(sqlite_services, samples_dir, actor):
    files = [samples_dir / "broken" / "certification_bad_rows.xlsx", samples_dir / "org_units.xlsx"]
    results = sqlite_services.imports.import_files(files, actor)
    assert results[0].status == "refused" and results[1].status == "imported"
    assert results[0].problems


@pytest.mark.parametrize("dry_run", [True])
def test_dry_run_does_not_retry(sqlite_services, samples_dir, actor, dry_run):
    files = [samples_dir / "certification_310000_2007Q4.xlsx", samples_dir / "org_units.xlsx"]
    results = sqlite_services.imports.import_files(files, actor, dry_run=dry_run)
    assert results[0].status == "refused" and results[1].status == "dry-run"


def test_hidden_rows_are_imported_and_warned_about_by_row(sqlite_services, samples_dir, actor, tmp_path):
    """Issue 11 item 5: a hidden row holding data is imported and named in the JSON's warnings."""
    import openpyxl

    book = openpyxl.load_workbook(samples_dir / "certification_310000_2007Q4.xlsx")
    sheet = book.worksheets[0]
    last = sheet.max_row
    sheet.row_dimensions[last].hidden = True
    path = tmp_path / "certification_310000_hidden.xlsx"
    book.save(path)
    results = sqlite_services.imports.import_files([samples_dir / "org_units.xlsx", path], actor)
    assert [r.status for r in results] == ["imported", "imported"], results[1].problems
    document = results[1].to_json()
    assert document["warnings"], document
    assert any(w["cell"] and w["cell"].endswith(str(last)) for w in document["warnings"]), document["warnings"]


def test_every_return_kind_has_exactly_one_handler():
    """ARCHITECTURE.md "add a return kind": a kind without a handler in the registry cannot import."""
    from qsm_desktop.excel.kinds import all_kinds
    from qsm_desktop.services.imports import handlers

    assert sorted(handlers()) == sorted(k.name for k in all_kinds())
