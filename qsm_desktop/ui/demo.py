"""``qsm-desktop --demo`` (演示数据库): fill an empty database with the synthetic bank, on a worker.

The demo service (:func:`qsm_desktop.services.demo.build_demo`, the same as ``qsm demo --scale
small``) writes real returns with the template writer and imports them through the importer. It
runs as a writing task with a progress dialog and *Cancel*; a database that already holds the
demo is reused at once. The returns it wrote are kept in ``<user data>/demo-returns`` so the
secretary can try the returns inbox with realistic files (the settings' import folder points there
when none is set). The text people type (summaries, measures, course titles) is written in the
window's language, into ``demo-returns-en`` for English.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from qsm_desktop import paths
from qsm_desktop.domain.i18n import get_language
from qsm_desktop.ui.errors import report_exception

log = logging.getLogger(__name__)

DEMO_SCALE = "small"


def ensure_demo_data(window: Any, *, then: Callable[[], None], on_failed: Callable[[], None] | None = None):
    """Make sure ``window``'s database holds the demo bank, then call ``then`` (UI thread).

    Returns the task handle when the demo is being built, else None. A refusal (a non-empty
    database that is not a demo) is shown in the user's words and ``on_failed`` is called.
    """
    from qsm_desktop.services import demo

    services, actor = window.services, window.actor
    try:
        if demo.is_demo_database(services):
            log.info("demo database reused")
            then()
            return None
    except Exception as exc:  # e.g. the schema check failed earlier: report, do not build
        report_exception(exc, window)
        if on_failed is not None:
            on_failed()
        return None
    language = get_language()  # the text people type is written in the window's language (issue 14)
    folder = paths.user_data_dir() / ("demo-returns-en" if language == "en" else "demo-returns")

    def work(ctx):
        return demo.build_demo(services, actor, DEMO_SCALE, returns_dir=folder, progress=ctx.progress,
                               cancel=ctx.cancel_event, language=language)

    def done(result) -> None:
        log.info("demo built: %s", result)
        if not window.ctx.settings.current.import_dir and result.folder:
            window.ctx.settings.update(import_dir=str(result.folder))
        window.data_changed()
        then()

    def failed(exc: BaseException) -> None:
        report_exception(exc, window)
        if on_failed is not None:
            on_failed()

    return window.tasks.start(work, title=QCoreApplication.translate("Demo", "Building the demo database"),
                              writes=True, parent=window, on_done=done, on_error=failed,
                              on_cancelled=on_failed or (lambda: None))
