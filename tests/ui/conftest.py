"""Fixtures of the window tests (pytest-qt, offscreen — QT_QPA_PLATFORM is set in tests/conftest.py).

``qsm_app`` configures the one QApplication of the session the way ``qsm-desktop`` does
(translations, fonts, style); each test starts in Chinese. ``window`` is a real MainWindow over a
fresh migrated SQLite file (``sqlite_services``), settings in memory only. ``demo_window`` is one
over a copy of the small demo bank (built once per test module, ``demo_file``), as the
administrator: the layout and English-completeness checks walk its pages.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from windows import shown


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
    yield from shown(qtbot, win)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory, _migrated_sqlite_template) -> Path:
    """A SQLite file with the small demo bank (built once per test module)."""
    from qsm_desktop.services.bundle import build_services
    from qsm_desktop.services.context import Actor, Role
    from qsm_desktop.services.demo import build_demo

    folder = tmp_path_factory.mktemp("demo")
    file = folder / "demo.db"
    shutil.copyfile(_migrated_sqlite_template, file)
    services = build_services(f"sqlite:///{file}")
    try:
        result = build_demo(services, Actor("tester", Role.ADMIN), "small", returns_dir=folder / "returns")
        assert not result.reused
    finally:
        services.engine.dispose()
    return file


@pytest.fixture
def demo_window(qtbot, demo_file, tmp_path, languages):
    """A MainWindow over a copy of the demo bank, as the administrator (every page offered), shown offscreen."""
    from qsm_desktop.services.bundle import build_services
    from qsm_desktop.services.context import Actor, Role
    from qsm_desktop.settings import Settings
    from qsm_desktop.ui.main_window import MainWindow

    file = tmp_path / "demo.db"
    shutil.copyfile(demo_file, file)
    services = build_services(f"sqlite:///{file}")
    win = MainWindow(services, Settings(), actor=Actor("tester", Role.ADMIN), languages=languages,
                     persist_settings=False)
    yield from shown(qtbot, win)
    services.engine.dispose()


@pytest.fixture(scope="session")
def expected(samples_dir):
    """tests/samples/expected.json."""
    return json.loads((samples_dir / "expected.json").read_text(encoding="utf-8"))
