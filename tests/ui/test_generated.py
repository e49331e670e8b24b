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
    numerus = 0
    for message in root.iter("message"):
        source = message.findtext("source")
        if message.get("numerus") == "yes":  # "%n course(s)": singular and plural (issue 14: "1 courses")
            forms = [form.text for form in message.find("translation").iter("numerusform")]
            assert forms == list(devtools.english_numerus(source)), source
            assert "(s)" not in "".join(forms), source
            numerus += 1
            continue
        assert message.findtext("translation") == source.removesuffix(devtools.SHORT_MARKER)
    assert numerus >= 20


def test_english_counts_are_singular_for_one_and_plural_otherwise(qsm_app):
    """Issue 14: "1 cases", "Training (1 courses)" — counts use Qt's numerus forms."""
    from PySide6.QtCore import QTranslator

    assert devtools.english_numerus("%n person(s), %n course(s)") == ("%n person, %n course", "%n people, %n courses")
    english = QTranslator()
    assert english.load("qsm_en", str(devtools.translations_dir()))
    assert english.translate("PersonTraining", "Training (%n course(s))", "", 1) == "Training (%n course)"
    assert english.translate("PersonTraining", "Training (%n course(s))", "", 3) == "Training (%n courses)"
    assert english.translate("RegisterPage", "%Ln person(s)", "", 1) == "%Ln person"
    assert english.translate("AuditPage", "%Ln entry(s).", "", 2) == "%Ln entries."
    # the window fills in the number (QCoreApplication.translate replaces %n / %Ln)
    from PySide6.QtCore import QCoreApplication

    _app, languages = qsm_app
    languages.set_language("en")
    try:
        assert QCoreApplication.translate("RegisterPage", "%Ln person(s)", "", 12345) == "12,345 people"
    finally:
        languages.set_language("zh")
    chinese = QTranslator()
    assert chinese.load("qsm_zh_CN", str(devtools.translations_dir()))
    assert chinese.translate("PersonTraining", "Training (%n course(s))", "", 1) == "培训记录（%n项）"


def test_chinese_translation_loads(qsm_app):
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load("qsm_zh_CN", str(devtools.translations_dir()))
    assert translator.translate("MainWindow", "Unit:") == "机构："
    assert translator.translate("Labels", "Tellers") == "柜员"
