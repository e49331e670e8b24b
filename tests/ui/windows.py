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


def open_window(qtbot, services, languages, actor):
    """A :class:`MainWindow` over ``services`` for ``actor`` in ``languages``' language, shown
    offscreen (no settings written); ``qtbot`` closes it at the test's end."""
    from qsm_desktop.settings import Settings
    from qsm_desktop.ui.main_window import MainWindow

    win = MainWindow(services, Settings(), actor=actor, languages=languages, persist_settings=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def settle(win, qtbot, handle=None) -> None:
    """Wait for ``handle``'s job (a task handle, if given), then for every job of ``win`` and the
    refreshes they queue (three rounds)."""
    if handle is not None:
        qtbot.waitUntil(lambda: handle.done.is_set(), timeout=60_000)
    for _ in range(3):
        assert win.tasks.wait(60_000)
        qtbot.wait(30)
