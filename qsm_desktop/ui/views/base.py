"""What every page shares (页面基类): header, scope, lazy refresh, retranslation.

A page is told the window's :class:`~qsm_desktop.ui.context.Scope` (unit and period) by
:meth:`Page.set_scope`; it reloads when visible, or on the next ``showEvent`` when hidden, so a
unit change does not make six pages query at once. On ``QEvent.LanguageChange`` it calls its
``retranslateUi`` (every visible string comes from ``self.tr``) and reloads, so Qt-free messages
(from :mod:`qsm_desktop.domain.i18n`) are fetched again in the new language.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from qsm_desktop.ui.context import PageContext, Scope
from qsm_desktop.ui.errors import report_exception

log = logging.getLogger(__name__)


class Page(QWidget):
    """Base of the pages. Subclasses set :attr:`page_id` and :attr:`icon_name` and implement
    :meth:`title`, :meth:`retranslateUi` and :meth:`reload`."""

    page_id = ""
    icon_name = ""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.scope: Scope | None = None
        self._stale = True
        self.setObjectName(f"page_{self.page_id}")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 14, 20, 12)
        outer.setSpacing(10)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("pageTitle")
        self.subtitle_label = QLabel(self)
        self.subtitle_label.setObjectName("pageSubtitle")
        self.subtitle_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        titles.addWidget(self.title_label)
        titles.addWidget(self.subtitle_label)
        header.addLayout(titles, 1)
        self.header_actions = QHBoxLayout()
        self.header_actions.setSpacing(8)
        header.addLayout(self.header_actions)
        outer.addLayout(header)
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        outer.addLayout(self.body, 1)

    # -- to implement ------------------------------------------------------------------------
    def title(self) -> str:
        """The page's name in the current language (navigation and header)."""
        raise NotImplementedError

    def nav_title(self) -> str:
        """The page's short name in the navigation list (default: :meth:`title`)."""
        return self.title()

    def subtitle(self) -> str:
        """One line under the title (default: the scope's unit and period)."""
        if self.scope is None:
            return ""
        from qsm_desktop.domain.normalise import period_label

        return self.tr("{unit} · {period} · as of {date}").format(
            unit=f"{self.scope.unit_name} ({self.scope.unit_code})", period=period_label(self.scope.period),
            date=self.scope.as_of.isoformat())

    def retranslateUi(self) -> None:
        """Set every visible string again (called on LanguageChange)."""
        self.title_label.setText(self.title())
        self.subtitle_label.setText(self.subtitle())

    def reload(self) -> None:
        """Fetch this page's data for :attr:`scope` from the services and show it."""

    # -- shared behaviour --------------------------------------------------------------------
    def set_scope(self, scope: Scope) -> None:
        """Adopt the window's unit and period; reload now if visible, else when next shown."""
        if scope == self.scope and not self._stale:
            return
        self.scope = scope
        self._stale = True
        self.subtitle_label.setText(self.subtitle())
        if self.isVisible():
            self.refresh()

    def invalidate(self) -> None:
        """Data changed: reload at the next :meth:`set_scope` or ``showEvent`` (no reload now)."""
        self._stale = True

    def mark_stale(self) -> None:
        """Data changed elsewhere (an import): reload when next visible."""
        self._stale = True
        if self.isVisible():
            QTimer.singleShot(0, self.refresh)

    def refresh(self) -> None:
        """Reload now, reporting a failure instead of raising."""
        if self.scope is None:
            return
        self._stale = False
        try:
            self.reload()
        except Exception as exc:  # shown in the user's words (QsmError) or as an unexpected error
            report_exception(exc, self)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
            if self.scope is not None:
                self._stale = True
                if self.isVisible():
                    QTimer.singleShot(0, self.refresh)
        super().changeEvent(event)
