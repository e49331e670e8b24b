"""The stale-save message with an offer to reload (他人已修改，是否重新载入) — DESIGN §6.

When a save is refused because someone else changed the record first
(:class:`~qsm_desktop.domain.errors.ConflictError`, whose text is DESIGN §6's sentence), the
person is told so and offered to load the current version: *Reload* calls back, *Cancel* leaves
the screen as it is. The box is window-modal and non-blocking (``open()``), like every message
of :mod:`qsm_desktop.ui.errors`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def offer_reload(parent: QWidget | None, text: str, on_reload: Callable[[], None]) -> QMessageBox:
    """Show ``text`` (the conflict's sentence) with *Reload* and *Cancel*; *Reload* calls ``on_reload()``.
    Returns the (open, non-blocking) box."""
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("ConflictBox", "Changed by someone else"),
                      text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("conflictBox")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    reload_button = box.addButton(QCoreApplication.translate("ConflictBox", "Reload"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(reload_button)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

    def clicked(button) -> None:
        if button is reload_button:
            on_reload()

    box.buttonClicked.connect(clicked)
    box.open()
    return box
