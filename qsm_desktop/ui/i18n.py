"""Window language (界面语言): Qt Linguist translations, Qt's own strings, and the Qt-free catalogue.

Source strings are English, in the code (``self.tr("...")``, ``QT_TRANSLATE_NOOP("Context", "...")``
for tables of labels, ``QCoreApplication.translate`` to render those). Chinese (zh_CN) is the
default UI language; English is complete.

Files (``resources/translations/``):

- ``qsm_zh_CN.ts`` / ``qsm_en.ts`` — Qt Linguist sources, updated from the code with
  ``python -m qsm_desktop.ui.devtools translations`` (runs ``pyside6-lupdate`` without source
  locations, so the files only change when a string does);
- ``qsm_zh_CN.qm`` / ``qsm_en.qm`` — compiled with ``pyside6-lrelease`` by the same command and
  **committed**, because an installed wheel has no Qt tools. ``tests/ui/test_translations.py``
  recompiles the ``.ts`` files and fails when a committed ``.qm`` differs, and fails when the code
  has a string the Chinese file does not translate.

Qt's own strings (standard buttons, file dialogs, context menus) come from ``qtbase_zh_CN.qm`` in
PySide6's translations folder (``QLibraryInfo.path(QLibraryInfo.TranslationsPath)``).

Switching language installs the new translators; Qt then sends ``QEvent.LanguageChange`` to every
widget, and each page's ``changeEvent`` calls its ``retranslateUi``. The messages of the Qt-free
layers switch with :func:`qsm_desktop.domain.i18n.set_language`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from qsm_desktop import paths
from qsm_desktop.domain import i18n as domain_i18n

log = logging.getLogger(__name__)

LANGUAGES = ("zh", "en")
"""Language codes of the settings and of :mod:`qsm_desktop.domain.i18n`."""

QM_NAMES = {"zh": "qsm_zh_CN", "en": "qsm_en"}
LOCALES = {"zh": QLocale(QLocale.Language.Chinese, QLocale.Country.China),
           "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)}


def translations_dir() -> Path:
    """The folder of the bundled ``.ts``/``.qm`` files."""
    return paths.resource("translations")


def qt_translations_dir() -> str:
    """PySide6's own translations folder (``qtbase_*.qm``)."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


class LanguageManager(QObject):
    """Installs the translators of one language at a time on the running application.

    ``set_language("zh"|"en")`` replaces the installed translators (which makes Qt retranslate
    every widget through ``LanguageChange``), sets the default ``QLocale`` (dates, numbers) and the
    language of the Qt-free message catalogue. Raises ``ValueError`` for another code.
    """

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self._installed: list[QTranslator] = []
        self._data: list[bytes] = []  # Qt keeps pointers into these: they live as long as the translators
        self._language = ""

    @property
    def language(self) -> str:
        """The language currently installed (``""`` before the first :meth:`set_language`)."""
        return self._language

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language {language!r}; use one of {LANGUAGES}")
        domain_i18n.set_language(language)
        QLocale.setDefault(LOCALES[language])
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed, self._data = [], []
        files = [translations_dir() / f"{QM_NAMES[language]}.qm"]
        if language == "zh":
            files.append(Path(qt_translations_dir()) / "qtbase_zh_CN.qm")
        for file in files:
            translator = self._load(file)
            if translator is not None:
                self._installed.append(translator)
        for translator in self._installed:
            self._app.installTranslator(translator)
        self._language = language
        log.info("language set to %s (%d translators)", language, len(self._installed))


    def _load(self, file: Path) -> QTranslator | None:
        """A translator over the bytes of ``file`` (read once: a ``.qm`` loaded by name is memory-mapped,
        and rewriting the file while the program runs — a developer compiling translations — would
        pull the pages from under it)."""
        try:
            data = file.read_bytes()
        except OSError as exc:
            log.error("translation %s cannot be read: %s", file, exc)
            return None
        translator = QTranslator(self)
        if not translator.load(data):
            log.error("translation %s is not a valid .qm file", file)
            return None
        self._data.append(data)
        return translator


def translate(context: str, text: str) -> str:
    """Render a string marked with ``QT_TRANSLATE_NOOP(context, text)`` in the current language."""
    return QCoreApplication.translate(context, text)
