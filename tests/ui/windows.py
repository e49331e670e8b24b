"""Showing a MainWindow in a window test and ending its background jobs afterwards (used by
``conftest.py``'s ``window`` and ``demo_window`` and by modules with a window over their own data,
e.g. ``test_evaluation_pages.py``'s ``scored_window``). A helper of the tests, not of the product."""

from __future__ import annotations


def shown(qtbot, win):
    """Show ``win`` offscreen, yield it, then end its background jobs (queued refreshes too).

    For a fixture: ``yield from shown(qtbot, win)``, then close what the window used (its
    database) — its jobs have ended by then."""
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.tasks.cancel_all()
    win.tasks.wait(30_000)
    qtbot.wait(50)  # let queued refreshes start their jobs, then wait for those too
    win.tasks.wait(30_000)
