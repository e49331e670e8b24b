"""管理 — the administration page (issue 12 item 1, DESIGN §6): the logins of this database.

The accounts table (login, name, role in the user's language, org unit, active) with *Add a login*
(:class:`~qsm_desktop.ui.views.account_dialogs.AccountDialog`), *Disable*/*Enable* (after a
confirmation) and *Reset password* (:class:`~qsm_desktop.ui.views.account_dialogs.PasswordDialog`).
Every change goes through :class:`~qsm_desktop.services.accounts.AccountService` — the one write
path, audited — on a worker, with the version of the account the administrator saw: when another
administrator changed it meanwhile, the save is refused with DESIGN §6's sentence and the page
offers to reload. On PostgreSQL each account is a database login role, which the service creates,
disables (NOLOGIN) and gives a new password; on SQLite the accounts live in the file.

Only administrators open this page (the window's navigation); should anyone else reach it, the
buttons stay disabled and the service refuses anyway.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QMessageBox, QPushButton, QTableView, QWidget,
)

from qsm_desktop.domain.errors import ConflictError, QsmError
from qsm_desktop.ui.errors import report_exception
from qsm_desktop.ui.models.table import ALIGN_CENTER, OBJECT_ROLE, Column, RowTableModel
from qsm_desktop.ui.style import BAD, GOOD, MUTED, icon
from qsm_desktop.ui.views.account_dialogs import AccountDialog, NewAccount, PasswordDialog, role_label
from qsm_desktop.ui.views.base import Page
from qsm_desktop.ui.widgets.conflict import offer_reload
from qsm_desktop.ui.widgets.empty_state import empty_state
from qsm_desktop.ui.widgets.tables import sortable_table

CONTEXT = "AdministrationPage"


def _yes_no(value: bool) -> str:
    return QCoreApplication.translate("AdministrationPage", "Yes") if value else QCoreApplication.translate(
        "AdministrationPage", "No")


def account_columns(org_text: Callable[[str | None], str]) -> list[Column]:
    """The accounts table's columns (headers translated in context ``AdministrationPage``);
    ``org_text(code)`` names an org unit (the page knows the tree)."""
    return [
        Column("login", QT_TRANSLATE_NOOP("AdministrationPage", "Login"), lambda a: a.login),
        Column("name", QT_TRANSLATE_NOOP("AdministrationPage", "Name"), lambda a: a.name),
        Column("role", QT_TRANSLATE_NOOP("AdministrationPage", "Role"), lambda a: a.role.value, display=role_label),
        Column("org", QT_TRANSLATE_NOOP("AdministrationPage", "Org unit"), lambda a: a.org, display=org_text),
        Column("active", QT_TRANSLATE_NOOP("AdministrationPage", "Active"), lambda a: a.active, display=_yes_no,
               align=ALIGN_CENTER, colour=lambda a: (GOOD if a.active else BAD, None)),
    ]


class AdministrationPage(Page):
    """The 管理 page. Public operations (each runs on a worker and reloads when done) for the buttons,
    tests and scripts: :meth:`add_account`, :meth:`set_active`, :meth:`reset_password`."""

    page_id = "administration"
    icon_name = "accounts"

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._dialog: Any = None
        self._org_names: dict[str, str] = {}
        self._on_postgres = False
        self._select_after_load: str | None = None
        self.add_button = QPushButton(icon("add-files"), "", self)
        self.add_button.setObjectName("addAccountButton")
        self.active_button = QPushButton(self)
        self.active_button.setObjectName("activeButton")
        self.password_button = QPushButton(self)
        self.password_button.setObjectName("passwordButton")
        for button in (self.add_button, self.active_button, self.password_button):
            self.header_actions.addWidget(button)
        self.note_label = QLabel(self)
        self.note_label.setObjectName("adminNote")
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet(f"color: {MUTED};")
        self.body.addWidget(self.note_label)
        self.model = RowTableModel(account_columns(self.org_text), CONTEXT, self)
        self.table = QTableView(self)
        self.table.setObjectName("accountsTable")
        self.proxy = sortable_table(self.table, self.model, stretch=3, sort_column=0)  # by login
        self.empty = empty_state(self.table)
        self.empty.sig_action.connect(self._on_add_button_clicked)
        self.body.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.count_label = QLabel(self)
        self.count_label.setStyleSheet(f"color: {MUTED};")
        bottom.addWidget(self.count_label, 1)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("adminStatus")
        self.status_label.setStyleSheet(f"color: {GOOD};")
        bottom.addWidget(self.status_label)
        self.body.addLayout(bottom)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.active_button.clicked.connect(self._on_active_button_clicked)
        self.password_button.clicked.connect(self._on_password_button_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.table.doubleClicked.connect(lambda _index: self._on_password_button_clicked())
        self.retranslateUi()

    # ------------------------------------------------------------------ Page
    @property
    def may_manage(self) -> bool:
        """Whether the acting person is an administrator (only they change accounts)."""
        return getattr(getattr(self.ctx.actor, "role", None), "value", "") == "admin"

    def title(self) -> str:
        return self.tr("Administration")

    def subtitle(self) -> str:
        return self.tr("Logins of this database: who may sign in, with which role and for which unit")

    def retranslateUi(self) -> None:
        super().retranslateUi()
        self.add_button.setText(self.tr("Add a login…"))
        self.password_button.setText(self.tr("Reset password…"))
        self.model.retranslate()
        self._update_note()
        self._update_buttons()

    def load(self, scope, request: Any) -> Any:
        services, actor = self.ctx.services, self.ctx.actor
        nodes = self.ctx.org_nodes()
        return services.accounts.list(actor), services.accounts.on_postgres, {n.code: n.name for n in nodes}

    def show_data(self, data: Any) -> None:
        accounts, on_postgres, names = data
        keep = self._select_after_load or (self.selected_account().login if self.selected_account() else None)
        self._select_after_load = None
        self._on_postgres = on_postgres
        self._org_names = names
        self.model.set_rows(accounts)
        self.count_label.setText(self.tr("%n login(s), {active} active", "", len(accounts)).format(
            active=sum(1 for a in accounts if a.active)))
        if keep:
            self.select_login(keep)
        self._update_note()
        self._update_buttons()
        self._update_empty()

    def _update_empty(self) -> None:
        """The hint over an empty list of logins, with the button that adds the first one."""
        self.empty.set_hint(
            self.tr("No logins yet: whoever opens this database works as the local administrator. Add the first "
                    "login so that people sign in with their own role and unit."),
            self.tr("Add a login…"), enabled=self.may_manage,
            reason=self.tr("Only an administrator adds logins."))

    def _on_load_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._load_generation and isinstance(exc, QsmError):
            self.model.set_rows([])
            self.note_label.setText(str(exc))  # e.g. not an administrator: said on the page, not in a box
            self._update_buttons()
            return
        super()._on_load_failed(generation, exc)

    # ------------------------------------------------------------------ table
    def org_text(self, code: str | None) -> str:
        """``交通银行上海市分行 (310000)`` for an org code (the code alone when the tree lacks it)."""
        if not code:
            return ""
        name = self._org_names.get(code)
        return f"{name} ({code})" if name else code

    def accounts(self) -> list:
        """The accounts on screen (:class:`~qsm_desktop.services.accounts.AccountInfo`), in model order."""
        return self.model.rows()

    def selected_account(self):
        """The selected account (``None`` when none)."""
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        return self.proxy.data(rows[0], OBJECT_ROLE) if rows else None

    def select_login(self, login: str) -> None:
        """Select the row of ``login`` (nothing when it is not listed)."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.proxy.data(index, OBJECT_ROLE).login == login:
                self.table.selectionModel().select(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                self.table.scrollTo(index)
                return

    def _update_note(self) -> None:
        if not self.may_manage:
            text = self.tr("Only an administrator adds, disables and resets logins.")
        elif self._on_postgres:
            text = self.tr("Each login is a PostgreSQL login role: disabling it stops the person at the database "
                           "server, and the database limits what the login sees to its role and unit.")
        else:
            text = self.tr("Logins are kept in this database file, passwords hashed. Anyone who can copy the file "
                           "can read all of it: a shared office uses a PostgreSQL server.")
        self.note_label.setText(text)

    def _update_buttons(self) -> None:
        account = self.selected_account()
        self.add_button.setEnabled(self.may_manage)
        self.active_button.setEnabled(self.may_manage and account is not None)
        self.password_button.setEnabled(self.may_manage and account is not None)
        self.active_button.setText(self.tr("Enable") if account is not None and not account.active
                                   else self.tr("Disable…"))

    def _on_table_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()

    # ------------------------------------------------------------------ operations
    def add_account(self, values: NewAccount, dialog: AccountDialog | None = None):
        """Create the login ``values`` (:class:`AccountService.add`) on a worker; the task handle.
        Refusals go to ``dialog`` (kept open) when given, else to a message box."""
        services, actor = self.ctx.services, self.ctx.actor

        def work(_ctx):
            return services.accounts.add(actor, values.login, values.role, password=values.password,
                                         org=values.org, name=values.name)

        def done(info) -> None:
            if dialog is not None:
                dialog.done_ok()
            self._select_after_load = info.login
            self.refresh_now()

        return self.ctx.tasks.start(work, title=self.tr("Adding the login"), writes=True, progress=False,
                                    on_done=done, on_error=lambda exc: self._refused(exc, dialog))

    def set_active(self, login: str, active: bool, version: int | None):
        """Enable or disable ``login`` as seen at ``version`` on a worker; the task handle."""
        services, actor = self.ctx.services, self.ctx.actor

        def work(_ctx):
            if active:
                return services.accounts.enable(actor, login, version=version)
            return services.accounts.disable(actor, login, version=version)

        def done(info) -> None:
            self._select_after_load = info.login
            self.refresh_now()

        return self.ctx.tasks.start(work, title=self.tr("Saving the login"), writes=True, progress=False,
                                    on_done=done, on_error=lambda exc: self._refused(exc, None))

    def reset_password(self, login: str, password: str, version: int | None, dialog: PasswordDialog | None = None):
        """Give ``login`` (seen at ``version``) the new ``password`` on a worker; the task handle."""
        services, actor = self.ctx.services, self.ctx.actor

        def work(_ctx):
            return services.accounts.passwd(actor, login, password, version=version)

        def done(_version) -> None:
            if dialog is not None:
                dialog.done_ok()
            self._select_after_load = login
            self.refresh_now()
            self.status_label.setText(self.tr("The password of {login} was changed.").format(login=login))

        return self.ctx.tasks.start(work, title=self.tr("Saving the password"), writes=True, progress=False,
                                    on_done=done, on_error=lambda exc: self._refused(exc, dialog))

    def _refused(self, exc: BaseException, dialog) -> None:
        if isinstance(exc, ConflictError):  # another administrator changed the account first (DESIGN §6)
            if dialog is not None:
                dialog.reject()
            self._keep(offer_reload(self, str(exc), self.refresh_now))
        elif isinstance(exc, QsmError) and dialog is not None:
            dialog.show_error(str(exc))
        else:
            report_exception(exc, self)

    # ------------------------------------------------------------------ slots
    def _on_add_button_clicked(self) -> None:
        dialog = AccountDialog(self.ctx.org_nodes(), self)
        self._dialog = dialog
        dialog.sig_submitted.connect(lambda values: self.add_account(values, dialog))
        dialog.open()

    def _on_active_button_clicked(self) -> None:
        account = self.selected_account()
        if account is None:
            return
        if account.active:
            self.confirm_disable(account)
        else:
            self.set_active(account.login, True, account.version)

    def confirm_disable(self, account) -> QMessageBox:
        """Ask before disabling ``account``; *Disable* saves it. Returns the (open) question box."""
        who = f"{account.login} ({account.name})" if account.name else account.login
        text = self.tr("Disable the login {who}? The person can no longer sign in until it is enabled again; "
                       "what they did stays in the audit trail.").format(who=who)
        if self._on_postgres:
            text += " " + self.tr("The database login is disabled too.")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Disable a login"), text, QMessageBox.StandardButton.NoButton,
                          self)
        box.setObjectName("disableQuestion")
        yes = box.addButton(self.tr("Disable"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        login, version = account.login, account.version
        box.buttonClicked.connect(lambda button: self.set_active(login, False, version) if button is yes else None)
        self._keep(box)
        box.open()
        return box

    def _keep(self, box: QMessageBox) -> None:
        """Hold the open box (tests find it as ``_dialog``) until it closes and deletes itself."""
        self._dialog = box
        box.finished.connect(lambda *_: setattr(self, "_dialog", None) if self._dialog is box else None)

    def _on_password_button_clicked(self) -> None:
        account = self.selected_account()
        if account is None or not self.may_manage:
            return
        dialog = PasswordDialog(account.login, self)
        self._dialog = dialog
        login, version = account.login, account.version
        dialog.sig_submitted.connect(lambda password: self.reset_password(login, password, version, dialog))
        dialog.open()


__all__ = ["AdministrationPage", "account_columns"]
