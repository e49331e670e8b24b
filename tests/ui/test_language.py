"""Switching the language at run time retranslates the whole window (issue 3 item 6)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel


def _texts(window) -> list[str]:
    texts = [window.windowTitle()]
    texts += [window.navigation.item(i).text() for i in range(window.navigation.count())]
    for page in window.pages().values():
        texts += [w.text() for w in page.findChildren(QLabel) if w.text()]
        texts += [w.text() for w in page.findChildren(QAbstractButton) if w.text()]
        texts += [w.title() for w in page.findChildren(QGroupBox)]
    return texts


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _in_order(items: list[str], wanted: list[str]) -> bool:
    """``wanted`` appear in ``items`` in this order (other features may add pages between)."""
    it = iter(items)
    return all(any(x == w for x in it) for w in wanted)


def _nav(window) -> list[str]:
    return [window.navigation.item(i).text() for i in range(window.navigation.count())]


def test_chinese_is_the_default(window):
    assert window.windowTitle().endswith("服务质量管理办公室")
    assert _in_order(_nav(window), ["工作台", "机构", "持证上岗", "持证率", "报表", "设置"]), _nav(window)


def test_switching_to_english_retranslates_every_page(qtbot, window, languages):
    from qsm_desktop.domain import i18n

    settings = window.show_page("settings")
    settings.ui.languageCombo.setCurrentIndex(settings.ui.languageCombo.findData("en"))
    qtbot.waitUntil(lambda: window.navigation.item(0).text() == "Dashboard", timeout=5_000)
    assert i18n.get_language() == "en"
    assert window.ctx.settings.current.language == "en"
    assert window.windowTitle() == "QSM Desktop — Service Quality Management Office"
    assert _in_order(_nav(window), ["Dashboard", "Organisation", "Register", "Rates", "Returns", "Settings"]), _nav(window)
    assert settings.ui.databaseGroup.title() == "Database"
    register = window.page("register")
    assert register.model.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) == "Employee no."
    # no Chinese left in the window's own strings (data such as unit names are not translated;
    # this database is empty, so every text is the window's)
    leftovers = [t for t in _texts(window) if _has_chinese(t) and t not in ("中文",)]
    assert not leftovers, leftovers
    # and back
    settings.ui.languageCombo.setCurrentIndex(settings.ui.languageCombo.findData("zh"))
    qtbot.waitUntil(lambda: window.navigation.item(0).text() == "工作台", timeout=5_000)
    assert settings.ui.databaseGroup.title() == "数据库"
    assert i18n.get_language() == "zh"


def test_qt_own_strings_are_chinese(qtbot, window):
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
