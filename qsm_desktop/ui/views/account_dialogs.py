"""Dialogs of the administration page (账户对话框): add a login, reset a password — issue 12.

Layouts from the Designer files ``ui/account_dialog.ui`` and ``ui/password_dialog.ui``. The dialogs
only collect and check what a person typed (both passwords the same, an org unit for a branch
secretary); pressing OK emits ``sig_submitted`` and the page saves through
:class:`~qsm_desktop.services.accounts.AccountService` on a worker. The dialog closes when the
save succeeded (:meth:`done_ok`) and otherwise shows the service's sentence in place
(:meth:`show_error`) so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QSizePolicy, QWidget

from qsm_desktop.ui.forms.ui_account_dialog import Ui_AccountDialog
from qsm_desktop.ui.forms.ui_password_dialog import Ui_PasswordDialog
from qsm_desktop.ui.style import BAD
from qsm_desktop.ui.widgets.unit_selector import UnitSelector

ROLE_LABELS = {
    "admin": QT_TRANSLATE_NOOP("Roles", "Administrator"),
    "ho_secretary": QT_TRANSLATE_NOOP("Roles", "Head-office secretary"),
    "branch_secretary": QT_TRANSLATE_NOOP("Roles", "Branch secretary"),
    "reviewer": QT_TRANSLATE_NOOP("Roles", "Reviewer"),
    "viewer": QT_TRANSLATE_NOOP("Roles", "Read-only"),
}
"""Roles (DESIGN §6) → English sources in context ``Roles`` (Chinese: 管理员, 总行秘书, 分行秘书, 评审专家, 查看)."""

ORG_REQUIRED = ("branch_secretary",)
ORG_OPTIONAL = ("reviewer", "viewer")
MIN_PASSWORD = 8
"""As :data:`qsm_desktop.services.accounts.MIN_PASSWORD` (the service checks it again)."""


def role_label(role: str) -> str:
    """A role value (``branch_secretary``) in the current language (分行秘书)."""
    source = ROLE_LABELS.get(role)
    return QCoreApplication.translate("Roles", source) if source else role


class OrgPicker(UnitSelector):
    """The unit selector of the dialog: says "choose a unit" while none is chosen, fills the row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _update_text(self) -> None:
        if self.current_code():
            super()._update_text()
        else:
            self.setText(QCoreApplication.translate("AccountDialog", "Choose a unit…"))


@dataclass(frozen=True)
class NewAccount:
    """What the add dialog collected: ``login``, ``name``, ``role`` (a role value), ``org`` (6-digit
    code or ``None``) and ``password``."""

    login: str
    name: str
    role: str
    org: str | None
    password: str

    def __repr__(self) -> str:  # never the password, not even in a log line
        return f"NewAccount(login={self.login!r}, role={self.role!r}, org={self.org!r})"


def _password_hint(password: str, again: str) -> str:
    if password and len(password) < MIN_PASSWORD:
        return QCoreApplication.translate("AccountDialog", "The password needs at least {n} characters.").format(
            n=MIN_PASSWORD)
    if password and again and password != again:
        return QCoreApplication.translate("AccountDialog", "The two passwords differ.")
    return ""


class AccountDialog(QDialog):
    """Add a login (新增账户): login, name, role (named in the user's language), org unit (required
    for a branch secretary, optional for a reviewer or viewer, none for the others), password twice.

    ``nodes``: the org tree for the picker (``OrgNode``-like objects). ``sig_submitted(NewAccount)``
    when OK is pressed with valid input.
    """

    sig_submitted = Signal(object)

    def __init__(self, nodes: Sequence[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AccountDialog()
        self.ui.setupUi(self)
        self.setObjectName("accountDialog")
        self.setMinimumWidth(520)
        self.unit_selector = OrgPicker(self)
        self.unit_selector.setObjectName("accountUnit")
        self.unit_selector.set_nodes(nodes)
        self.ui.orgRow.insertWidget(0, self.unit_selector, 1)
        for value in ROLE_LABELS:
            self.ui.roleCombo.addItem(role_label(value), value)
        self.ui.roleCombo.setCurrentIndex(self.ui.roleCombo.findData("branch_secretary"))
        self.ui.hintLabel.setStyleSheet(f"color: {BAD};")
        self.ui.buttons.accepted.connect(self._on_buttons_accepted)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.orgClearButton.clicked.connect(self._on_org_clear_button_clicked)
        self.ui.roleCombo.currentIndexChanged.connect(self._update)
        self.unit_selector.sig_unit_changed.connect(self._update)
        for edit in (self.ui.loginEdit, self.ui.passwordEdit, self.ui.againEdit):
            edit.textChanged.connect(self._update)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.ui.retranslateUi(self)
        for i in range(self.ui.roleCombo.count()):
            self.ui.roleCombo.setItemText(i, role_label(self.ui.roleCombo.itemData(i)))
        self.unit_selector.setToolTip(self.tr("The unit whose subtree this login works in"))
        self._update()

    # ------------------------------------------------------------------ values
    def role(self) -> str:
        return self.ui.roleCombo.currentData()

    def set_role(self, role: str) -> None:
        self.ui.roleCombo.setCurrentIndex(self.ui.roleCombo.findData(role))

    def set_org(self, code: str) -> None:
        """Choose org unit ``code`` (``""``: none)."""
        self.unit_selector.set_current(code, emit=True)

    def values(self) -> NewAccount:
        """What the dialog holds now."""
        org = self.unit_selector.current_code() if self.role() in ORG_REQUIRED + ORG_OPTIONAL else ""
        return NewAccount(self.ui.loginEdit.text().strip(), self.ui.nameEdit.text().strip(), self.role(),
                          org or None, self.ui.passwordEdit.text())

    def problem(self) -> str:
        """Why OK is not possible yet (``""``: it is). Blank fields disable OK without a sentence."""
        values = self.values()
        if values.role in ORG_REQUIRED and not values.org:
            return self.tr("A branch secretary needs an org unit: choose her branch.")
        return _password_hint(values.password, self.ui.againEdit.text())

    def _update(self, *_args) -> None:
        role = self.role()
        takes_org = role in ORG_REQUIRED + ORG_OPTIONAL
        self.unit_selector.setEnabled(takes_org)
        self.ui.orgClearButton.setEnabled(role in ORG_OPTIONAL and bool(self.unit_selector.current_code()))
        self.ui.orgLabel.setText(self.tr("Org unit:") if role in ORG_REQUIRED else self.tr("Org unit (optional):")
                                 if takes_org else self.tr("Org unit:"))
        problem = self.problem()
        self.ui.hintLabel.setText(problem)
        complete = bool(self.ui.loginEdit.text().strip() and self.ui.passwordEdit.text()
                        and self.ui.againEdit.text() == self.ui.passwordEdit.text())
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(complete and not problem)

    # ------------------------------------------------------------------ outcome
    def show_error(self, text: str) -> None:
        """The save was refused: say why here and keep the dialog open."""
        self.ui.hintLabel.setText(text)
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)

    def done_ok(self) -> None:
        """The save succeeded: close."""
        self.accept()

    def _on_buttons_accepted(self) -> None:
        if self.problem():
            return
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)  # one save at a time
        self.sig_submitted.emit(self.values())

    def _on_org_clear_button_clicked(self) -> None:
        self.set_org("")


class PasswordDialog(QDialog):
    """Reset a login's password (重置密码): the new one twice. ``sig_submitted(str)`` on OK."""

    sig_submitted = Signal(str)

    def __init__(self, login: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PasswordDialog()
        self.ui.setupUi(self)
        self.setObjectName("passwordDialog")
        self.setMinimumWidth(420)
        self.login = login
        self.ui.loginName.setText(login)
        self.ui.hintLabel.setStyleSheet(f"color: {BAD};")
        self.ui.buttons.accepted.connect(self._on_buttons_accepted)
        self.ui.buttons.rejected.connect(self.reject)
        for edit in (self.ui.passwordEdit, self.ui.againEdit):
            edit.textChanged.connect(self._update)
        self._update()

    def retranslateUi(self) -> None:
        self.ui.retranslateUi(self)
        self.ui.loginName.setText(self.login)
        self._update()

    def _update(self, *_args) -> None:
        password, again = self.ui.passwordEdit.text(), self.ui.againEdit.text()
        problem = _password_hint(password, again)
        self.ui.hintLabel.setText(problem)
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(password) and password == again and not problem)

    def show_error(self, text: str) -> None:
        """The save was refused: say why here and keep the dialog open."""
        self.ui.hintLabel.setText(text)
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)

    def done_ok(self) -> None:
        """The save succeeded: close."""
        self.accept()

    def _on_buttons_accepted(self) -> None:
        password = self.ui.passwordEdit.text()
        if not password or password != self.ui.againEdit.text():
            return
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.sig_submitted.emit(password)


__all__ = ["AccountDialog", "NewAccount", "OrgPicker", "PasswordDialog", "ROLE_LABELS", "role_label"]
