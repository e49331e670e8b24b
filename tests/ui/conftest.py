"""Fixtures of the window tests (pytest-qt, offscreen — QT_QPA_PLATFORM is set in tests/conftest.py).

``qsm_app`` configures the one QApplication of the session the way ``qsm-desktop`` does
(translations, fonts, style); each test starts in Chinese. ``window`` is a real MainWindow over a
fresh migrated SQLite file (``sqlite_services``), settings in memory only.
"""

from __future__ import annotations

import json

import pytest


@pytest.fixture(scope="session")
def qsm_app(qapp):
    """(QApplication, LanguageManager) configured like the real program."""
    from qsm_desktop.ui.application import create_application

    app, languages = create_application("zh")
    return app, languages


@pytest.fixture
def languages(qsm_app):
    _app, manager = qsm_app
    manager.set_language("zh")
    yield manager
    manager.set_language("zh")


@pytest.fixture
def window(qtbot, sqlite_services, languages):
    """A MainWindow over a fresh database, shown offscreen."""
    from qsm_desktop.services.context import Actor, Role
    from qsm_desktop.settings import Settings
    from qsm_desktop.ui.main_window import MainWindow

    win = MainWindow(sqlite_services, Settings(), actor=Actor("tester", Role.HO_SECRETARY), languages=languages,
                     persist_settings=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.tasks.cancel_all()
    win.tasks.wait(30_000)
    qtbot.wait(50)  # let queued refreshes start their jobs, then wait for those too
    win.tasks.wait(30_000)


@pytest.fixture(scope="session")
def expected(samples_dir):
    """tests/samples/expected.json."""
    return json.loads((samples_dir / "expected.json").read_text(encoding="utf-8"))
