"""设置 — settings page: database (SQLite file or PostgreSQL server), language, folders.

Layout from the Designer file ``ui/settings_form.ui`` (generated ``forms/ui_settings_form.py``,
committed — see :mod:`qsm_desktop.ui.devtools`). The database URL is saved *without* the password;
the password goes to the OS keyring (:mod:`qsm_desktop.settings`), and when the machine has no
keyring backend the page says that it is kept only for this session. *Test connection* runs on a
worker (a server may take seconds to answer). The language applies at once (the whole window is
retranslated); a new database applies from the next start.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QMessageBox, QWidget

from qsm_desktop.settings import keyring_available, load_password, settings_path, split_password, store_password
from qsm_desktop.ui.forms.ui_settings_form import Ui_SettingsForm
from qsm_desktop.ui.style import BAD, GOOD, MUTED
from qsm_desktop.ui.views.base import Page

LANGUAGE_CHOICES = (("中文", "zh"), ("English", "en"))
"""Each language named in itself (not translated)."""


def compose_server_url(host: str, port: int, database: str, user: str) -> str:
    """``postgresql+psycopg://user@host:port/database`` (no password) from the form's fields."""
    user_part = f"{quote(user.strip(), safe='')}@" if user.strip() else ""
    return f"postgresql+psycopg://{user_part}{host.strip()}:{port}/{database.strip()}"


def compose_sqlite_url(file: str) -> str:
    """``sqlite:///<file>``, or ``""`` (the default file) when ``file`` is empty."""
    return f"sqlite:///{Path(file.strip()).expanduser()}" if file.strip() else ""


class SettingsPage(Page):
    """The 设置 page. ``languages``: the window's language manager; ``check_connection(url, *, create=False)
    -> str`` (:func:`qsm_desktop.app.check_connection`): *Test connection*, and with ``create`` the new
    database *Save* makes once the user confirmed one at a SQLite path that does not exist."""

    page_id = "settings"
    icon_name = "settings"
    sig_language_changed = Signal(str)

    def __init__(self, ctx, parent: QWidget | None = None, *, languages=None, check_connection=None) -> None:
        super().__init__(ctx, parent)
        self._languages = languages
        self._check_connection = check_connection
        self._keyring_ok: bool | None = None  # asked on first show: loading keyring backends takes time
        self.form = QWidget(self)
        self.ui = Ui_SettingsForm()
        self.ui.setupUi(self.form)
        self.form.setMaximumWidth(900)
        row = QHBoxLayout()  # a box layout gives the form its capped width when it measures wrapped text
        row.addWidget(self.form, 1)
        row.addStretch(0)
        self.body.addLayout(row)
        self.body.addStretch(1)
        for code_name, code in LANGUAGE_CHOICES:
            self.ui.languageCombo.addItem(code_name, code)
        self._load()
        self.ui.sqliteRadio.toggled.connect(self._on_sqlite_radio_toggled)
        self.ui.fileBrowseButton.clicked.connect(self._on_file_browse_button_clicked)
        self.ui.testButton.clicked.connect(self._on_test_button_clicked)
        self.ui.saveDatabaseButton.clicked.connect(self._on_save_database_button_clicked)
        self.ui.languageCombo.currentIndexChanged.connect(self._on_language_combo_index_changed)
        for edit, button, key in self._folder_fields():
            button.clicked.connect(lambda _c=False, e=edit, k=key: self._on_folder_button_clicked(e, k))
            edit.editingFinished.connect(lambda e=edit, k=key: self.ctx.settings.update(**{k: e.text().strip()}))
        self.retranslateUi()

    def _folder_fields(self) -> list[tuple[QLineEdit, QWidget, str]]:
        return [(self.ui.importDirEdit, self.ui.importDirButton, "import_dir"),
                (self.ui.exportDirEdit, self.ui.exportDirButton, "export_dir"),
                (self.ui.templateDirEdit, self.ui.templateDirButton, "template_dir")]

    # ------------------------------------------------------------------ load / compose
    def _load(self) -> None:
        settings = self.ctx.settings.current
        url, _ = split_password(settings.database_url)
        if url and not url.startswith("sqlite"):
            parts = urlsplit(url)
            self.ui.serverRadio.setChecked(True)
            self.ui.hostEdit.setText(parts.hostname or "")
            self.ui.portSpin.setValue(parts.port or 5432)
            self.ui.nameEdit.setText(parts.path.lstrip("/"))
            self.ui.userEdit.setText(unquote(parts.username or ""))
        else:
            self.ui.sqliteRadio.setChecked(True)
            self.ui.fileEdit.setText(url.split(":///", 1)[1] if ":///" in url else "")
        running = getattr(self._languages, "language", "") or settings.language  # --lang may override the settings
        index = self.ui.languageCombo.findData(running)
        self.ui.languageCombo.setCurrentIndex(max(index, 0))
        for edit, _button, key in self._folder_fields():
            edit.setText(getattr(settings, key))
        self._update_enabled()

    def database_url(self) -> str:
        """The URL the form describes, without password (``""`` = default local file)."""
        if self.ui.sqliteRadio.isChecked():
            return compose_sqlite_url(self.ui.fileEdit.text())
        return compose_server_url(self.ui.hostEdit.text(), self.ui.portSpin.value(), self.ui.nameEdit.text(),
                                  self.ui.userEdit.text())

    def _update_enabled(self) -> None:
        server = self.ui.serverRadio.isChecked()
        for widget in (self.ui.hostEdit, self.ui.portSpin, self.ui.nameEdit, self.ui.userEdit, self.ui.passwordEdit,
                       self.ui.hostLabel, self.ui.portLabel, self.ui.nameLabel, self.ui.userLabel,
                       self.ui.passwordLabel, self.ui.keyringLabel):
            widget.setEnabled(server)
        for widget in (self.ui.fileEdit, self.ui.fileBrowseButton, self.ui.fileLabel):
            widget.setEnabled(not server)

    def _keep_password(self, url: str) -> bool | None:
        """Store a typed password for ``url``; True keyring, False session only, None nothing typed."""
        password = self.ui.passwordEdit.text()
        if not password or url.startswith("sqlite") or not url:
            return None
        return store_password(url, password)

    # ------------------------------------------------------------------ slots
    def _on_sqlite_radio_toggled(self, _checked: bool) -> None:
        self._update_enabled()

    def _on_file_browse_button_clicked(self) -> None:
        start = self.ui.fileEdit.text() or str(Path.home())
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Database file"), start,
                                              self.tr("SQLite database (*.db *.sqlite);;All files (*)"),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if name:
            self.ui.fileEdit.setText(name)

    def _on_test_button_clicked(self) -> None:
        if self._check_connection is None:
            return
        url = self.database_url()  # "" = the default local file
        self._keep_password(url)
        self.ui.testResultLabel.setText(self.tr("Connecting…"))
        self.ui.testResultLabel.setStyleSheet(f"color: {MUTED}")
        check = self._check_connection
        self.ctx.tasks.start(lambda ctx: check(url), title=self.tr("Testing the connection"), parent=self,
                             on_done=self._on_test_done, on_error=self._on_test_failed)

    def _on_test_done(self, report: str) -> None:
        self.ui.testResultLabel.setText(report)
        self.ui.testResultLabel.setStyleSheet(f"color: {GOOD}")

    def _on_test_failed(self, exc: BaseException) -> None:
        from qsm_desktop.domain.errors import QsmError
        from qsm_desktop.ui.errors import report_exception

        if not isinstance(exc, QsmError):
            report_exception(exc, self)
        self.ui.testResultLabel.setText(str(exc) if isinstance(exc, QsmError) else self.tr("The test failed."))
        self.ui.testResultLabel.setStyleSheet(f"color: {BAD}")

    def new_file_named(self) -> Path | None:
        """The SQLite file the form names when it does not exist yet (``None``: it exists, the default
        file is meant, or a server is chosen)."""
        if not self.ui.sqliteRadio.isChecked() or not self.ui.fileEdit.text().strip():
            return None
        file = Path(self.ui.fileEdit.text().strip()).expanduser()
        return None if file.exists() else file

    def _on_save_database_button_clicked(self) -> None:
        new = self.new_file_named()
        if new is None:
            self._save_database()
            return
        # a typed (or mistyped) path: a new, empty database only when the user says so
        answer = QMessageBox.question(
            self, self.tr("New database"),
            self.tr("The file {path} does not exist. Start a new, empty database there?\n\n"
                    "Choose No to correct the path.").format(path=new),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            self.ui.testResultLabel.setText(self.tr("Not saved: {path} does not exist.").format(path=new))
            self.ui.testResultLabel.setStyleSheet(f"color: {BAD}")
            return
        if self._check_connection is None:
            self._save_database()
            return
        url = self.database_url()
        check = self._check_connection
        self.ui.testResultLabel.setText(self.tr("Creating the database…"))
        self.ui.testResultLabel.setStyleSheet(f"color: {MUTED}")
        self.ctx.tasks.start(lambda ctx: check(url, create=True), title=self.tr("Creating the database"), parent=self,
                             on_done=lambda report: self._save_database(report), on_error=self._on_test_failed)

    def _save_database(self, created: str = "") -> None:
        """Keep the form's database in the settings (it applies from the next start); ``created``: the
        report of a database just made for it, shown before the saved sentence."""
        url = self.database_url()
        kept = self._keep_password(url)
        self.ctx.settings.update(database_url=url)
        self.ui.passwordEdit.clear()
        if kept is False:
            text = self.tr("Saved. No system keyring is available on this computer: the password is kept only "
                           "until QSM Desktop closes and will be asked for again.")
        elif kept:
            text = self.tr("Saved. The password is kept in the system keyring, not in the settings file.")
        else:
            text = self.tr("Saved.")
        self.ui.testResultLabel.setText(f"{created} {text}" if created else text)
        self.ui.testResultLabel.setStyleSheet(f"color: {GOOD}")
        self.retranslateUi()

    def _on_language_combo_index_changed(self, _index: int) -> None:
        language = self.ui.languageCombo.currentData()
        if not language:
            return
        self.ctx.settings.update(language=language)
        if self._languages is not None and self._languages.language != language:
            self._languages.set_language(language)
        self.sig_language_changed.emit(language)

    def _on_folder_button_clicked(self, edit: QLineEdit, key: str) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"), edit.text() or str(Path.home()))
        if folder:
            edit.setText(folder)
            self.ctx.settings.update(**{key: folder})

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._keyring_ok is None:
            self._keyring_ok = keyring_available()
            self.retranslateUi()

    # ------------------------------------------------------------------ language
    def title(self) -> str:
        return self.tr("Settings")

    def subtitle(self) -> str:
        return self.tr("Database, language and folders of this workstation")

    def retranslateUi(self) -> None:
        super().retranslateUi()
        self.ui.retranslateUi(self.form)
        url = self.database_url()
        if self._keyring_ok is None:
            self.ui.keyringLabel.setText("")
        elif not self._keyring_ok:
            self.ui.keyringLabel.setText(self.tr(
                "No system keyring is available on this computer: a password is kept only until QSM Desktop "
                "closes. It is never written to the settings file."))
        elif url and not url.startswith("sqlite") and load_password(url):  # keyring known to work here
            self.ui.keyringLabel.setText(self.tr("A password for this server is kept in the system keyring. "
                                                 "Type a new one to replace it."))
        else:
            self.ui.keyringLabel.setText(self.tr("The password is kept in the system keyring, never in the "
                                                 "settings file."))
        self.ui.keyringLabel.setStyleSheet(f"color: {MUTED}")
        self.ui.settingsFileLabel.setText(self.tr("Settings file: {path}").format(path=settings_path()))
        self.ui.settingsFileLabel.setStyleSheet(f"color: {MUTED}")
