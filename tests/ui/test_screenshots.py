"""Every page renders, with Chinese glyphs drawn, not boxes (issue 3 items 1 and 6).

- ``qsm-desktop --demo --db sqlite:///x.db --screenshot DIR`` (the "done when" command) exits 0 and
  writes one non-blank PNG per page;
- in the window, every page's visible Chinese text is laid out with real glyphs (no glyph 0, the
  "missing glyph" box) from the CJK font — the bundled one under the offscreen platform;
- the charts draw their Chinese labels without matplotlib's "Glyph … missing" warning.
"""

from __future__ import annotations

import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QTextLayout
from PySide6.QtWidgets import QAbstractButton, QLabel

MY_PAGES = ("dashboard", "organisation", "register", "rates", "returns", "settings")


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def glyph_report(text: str, font) -> tuple[set[str], int]:
    """(families that drew ``text``'s CJK glyphs, number of missing glyphs) with ``font`` and Qt's fallback."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    families, missing = set(), 0
    for run in layout.glyphRuns():
        indexes = run.glyphIndexes()
        missing += sum(1 for g in indexes if g == 0)
        family = run.rawFont().familyName()
        if any(_has_cjk(ch) for ch in text):
            families.add(family)
    return families, missing


def non_blank(path: Path) -> bool:
    image = QImage(str(path))
    if image.isNull() or image.width() < 800 or image.height() < 500:
        return False
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    return len(colours) > 20


def test_screenshot_command_with_demo_writes_every_page(tmp_path):
    out = tmp_path / "shots"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QSM_DATA_DIR=str(tmp_path / "data"),
               QSM_CONFIG_DIR=str(tmp_path / "config"), QSM_LOG_DIR=str(tmp_path / "log"))
    result = subprocess.run(
        [sys.executable, "-m", "qsm_desktop", "--demo", "--db", f"sqlite:///{tmp_path / 'x.db'}", "--screenshot", str(out)],
        capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    pictures = sorted(out.glob("*.png"))
    names = {p.stem for p in pictures}
    assert set(MY_PAGES) <= names and len(pictures) >= 5
    # pages with tabs show each tab: the showcase ranking and certificates among them
    assert {"showcase_2", "showcase_3", "showcase_4"} <= names
    for picture in pictures:
        if picture.stem != "login":
            assert non_blank(picture), picture
    # the login dialog (issue 12) is pictured too, at its own size
    login = QImage(str(out / "login.png"))
    assert not login.isNull() and login.width() >= 400 and login.height() >= 200
    # the settings file of the user is not touched by a screenshot run
    assert not (tmp_path / "config" / "settings.json").exists()


@pytest.fixture
def filled_window(qtbot, window, samples_dir):
    """The window over the sample org list and two branches' certification returns (imported directly)."""
    files = [samples_dir / "org_units.xlsx", samples_dir / "certification_310000_2007Q4.xlsx",
             samples_dir / "certification_110000_2007Q4.xlsx"]
    results = window.services.imports.import_files(files, window.actor)
    assert [r.status for r in results] == ["imported"] * 3, [r.problems for r in results]
    window.data_changed()
    window.tasks.wait(30_000)
    return window


def test_every_page_draws_chinese_with_the_cjk_font(qtbot, filled_window, tmp_path):
    from qsm_desktop.ui.fonts import font_choice

    window = filled_window
    choice = font_choice()
    assert choice is not None and choice.bundled and choice.cjk_family == choice.bundled_family
    pictures = window.save_screenshots(tmp_path)
    assert len(pictures) >= len(MY_PAGES)
    for picture in pictures:
        assert non_blank(picture), picture
    checked = 0
    for page_id, page in window.pages().items():
        window.show_page(page_id)
        window.tasks.wait(30_000)
        widgets = [w for w in page.findChildren(QLabel) + page.findChildren(QAbstractButton)
                   if w.isVisible() and _has_cjk(w.text())]
        assert widgets or page_id not in MY_PAGES, f"{page_id}: no Chinese text visible"
        for widget in widgets:
            families, missing = glyph_report(widget.text(), widget.font())
            assert missing == 0, f"{page_id}: boxes in {widget.text()!r}"
            assert choice.cjk_family in families, (page_id, widget.text(), families)
            checked += 1
    nav = window.navigation
    for row in range(nav.count()):
        families, missing = glyph_report(nav.item(row).text(), nav.font())
        assert missing == 0 and choice.cjk_family in families, nav.item(row).text()
    assert checked > 20


def test_charts_draw_chinese_and_minus(filled_window):
    import matplotlib

    window = filled_window
    assert matplotlib.rcParams["axes.unicode_minus"] is False
    for page_id in ("dashboard", "rates"):
        page = window.show_page(page_id)
        window.tasks.wait(30_000)
        canvas = page.chart
        texts = [t.get_text() for t in canvas.figure.findobj(matplotlib.text.Text)]
        assert any(_has_cjk(t) for t in texts), page_id
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            canvas.figure.canvas.draw()
        missing = [str(w.message) for w in caught if "missing from" in str(w.message)]
        assert not missing, missing
