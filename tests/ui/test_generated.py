"""Committed generated files match their sources (policy in qsm_desktop/ui/devtools.py).

- ``qsm_desktop/ui/forms/ui_<name>.py`` is what ``pyside6-uic`` makes of ``ui/<name>.ui``;
- ``resources/translations/*.qm`` is what ``pyside6-lrelease`` makes of the ``.ts`` next to it;
- every string the code marks for translation is in ``qsm_zh_CN.ts`` with a Chinese translation,
  and ``qsm_en.ts`` lists exactly the code's strings.
"""

from __future__ import annotations

from qsm_desktop.ui import devtools


def test_forms_translations_and_qm_are_up_to_date():
    problems = devtools.check()
    assert not problems, "\n".join(problems) + "\n(run: uv run python -m qsm_desktop.ui.devtools translations / forms)"


def test_every_designer_file_has_a_committed_form():
    for ui_file in devtools.ui_files():
        assert devtools.form_module(ui_file).exists(), ui_file


def test_chinese_file_is_complete_and_english_is_identity():
    import xml.etree.ElementTree as ET

    folder = devtools.translations_dir()
    assert not devtools.unfinished(folder / "qsm_zh_CN.ts")
    assert not devtools.unfinished(folder / "qsm_en.ts")
    root = ET.parse(folder / "qsm_en.ts").getroot()
    for message in root.iter("message"):
        source = message.findtext("source")
        assert message.findtext("translation") == source.removesuffix(devtools.SHORT_MARKER)


def test_chinese_translation_loads(qsm_app):
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load("qsm_zh_CN", str(devtools.translations_dir()))
    assert translator.translate("MainWindow", "Unit:") == "机构："
    assert translator.translate("Labels", "Tellers") == "柜员"
