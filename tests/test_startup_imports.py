"""What the window's start loads (issue 14 item 5: first window ≤ 1 s warm): opening the services
bundle and importing the main window must not import matplotlib, reportlab, openpyxl, numpy, PIL
or Alembic — they load when a report, an export or an upgrade is made. (A report package's
``__init__`` that imported its builders once put 2–4 s of imports before the first paint.) Nor the
feature services, the return engine and kinds, or the indicator rules: each loads when a page or
a command first uses it (the bundle once imported them all, ~0.1 s warm at bank scale)."""

from __future__ import annotations

import os
import subprocess
import sys

HEAVY = ("matplotlib", "reportlab", "openpyxl", "numpy", "PIL", "alembic", "pandas")
FEATURES = (  # loaded when a page or a command first uses them, not by the bundle (issue 14 deliverable 5)
    "python_calamine", "qsm_desktop.services.imports.engine", "qsm_desktop.excel.kinds",
    "qsm_desktop.services.evaluation", "qsm_desktop.services.showcase", "qsm_desktop.services.monitoring",
    "qsm_desktop.services.capa", "qsm_desktop.domain.indicators", "qsm_desktop.store.indicator_systems",
    *(f"qsm_desktop.store.models.{m}" for m in ("evaluation", "training", "showcase", "monitoring", "capa", "complaints")),
)


def test_services_and_main_window_import_no_report_or_workbook_library(tmp_path):
    from qsm_desktop.services.bundle import build_services

    url = f"sqlite:///{tmp_path / 'x.db'}"
    build_services(url).dispose()  # created (and upgraded, with Alembic) here; the child opens it as a user does
    code = (
        "import sys\n"
        "from qsm_desktop.services.bundle import build_services\n"
        "import qsm_desktop.ui.main_window\n"
        "from qsm_desktop.services.context import default_actor\n"
        f"services = build_services({url!r})\n"
        "services.imports.periods(default_actor())\n"  # what the window asks before it paints
        "services.dispose()\n"
        f"print(sorted(set({FEATURES!r}) & set(sys.modules)))\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout
    assert out.stdout.strip().splitlines()[-2] == "[]", out.stdout  # features the first paint does not use


def test_the_report_packages_still_offer_their_builders():
    from qsm_desktop.reports import evaluation_pdf, monitoring_pdf

    assert callable(evaluation_pdf.build_unit_reports) and callable(monitoring_pdf.build_monitoring_report)
    assert hasattr(evaluation_pdf.fonts, "LATIN_FONT") and set(evaluation_pdf.__all__) <= set(dir(evaluation_pdf)) | set(
        evaluation_pdf._LAZY)
