"""What every page shares (页面基类): header, scope, lazy refresh, retranslation.

A page is told the window's :class:`~qsm_desktop.ui.context.Scope` (unit and period) by
:meth:`Page.set_scope`; it reloads when visible, or on the next ``showEvent`` when hidden, so a
unit change does not make six pages query at once.

Loading: a page either overrides :meth:`Page.reload` (quick work on the UI thread) or, for
queries that take noticeable time at bank scale, overrides :meth:`Page.load` — run on a reader
thread, Qt-free service calls only, returning plain data — and :meth:`Page.show_data`, which puts
that data on screen (UI thread). Results of an older request (the user moved on) are dropped. On ``QEvent.LanguageChange`` it calls its
``retranslateUi`` (every visible string comes from ``self.tr``) and reloads, so Qt-free messages
(from :mod:`qsm_desktop.domain.i18n`) are fetched again in the new language.
"""

from __future__ import annotations

import logging
from pathlib import Path

from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from qsm_desktop.domain import i18n as domain_i18n
from qsm_desktop.ui.context import PageContext, Scope
from qsm_desktop.ui.errors import report_exception

log = logging.getLogger(__name__)


class BodyScrollArea(QScrollArea):
    """The scroll area of a page's body: its widget is at least as tall as its layout needs at the
    width it gets — wrapped labels (height-for-width) included, which a plain ``QScrollArea`` misses."""

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_height()

    def fit_height(self) -> None:
        """Give the body the height its layout needs at the viewport's width (wrapped text counted)."""
        widget = self.widget()
        layout = widget.layout() if widget is not None else None
        if layout is None or not layout.hasHeightForWidth():
            return
        needed = layout.totalHeightForWidth(self.viewport().width())
        if needed > 0 and widget.minimumHeight() != needed:
            widget.setMinimumHeight(needed)


class Page(QWidget):
    """Base of the pages. Subclasses set :attr:`page_id` and :attr:`icon_name` and implement
    :meth:`title`, :meth:`retranslateUi` and :meth:`reload`."""

    page_id = ""
    icon_name = ""
    sig_loaded = Signal()
    sig_page_requested = Signal(str)  # "show that page" (an empty table's button: "Open the Returns page")

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.scope: Scope | None = None
        self._stale = True
        self._load_generation = 0
        self._data_language = domain_i18n.get_language()  # language of the data on screen
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
        for label in (self.title_label, self.subtitle_label):
            label.setWordWrap(True)  # a narrow window wraps them instead of pushing the actions off
        titles.addWidget(self.title_label)
        titles.addWidget(self.subtitle_label)
        header.addLayout(titles, 1)
        self.header_actions = QHBoxLayout()
        self.header_actions.setSpacing(8)
        header.addLayout(self.header_actions)
        outer.addLayout(header)
        # the body scrolls when the window is smaller than it needs (1280×680 logical pixels at
        # 150 % on a 1920×1080 screen): nothing is squeezed below its minimum size (issue 14)
        self.body_scroll = BodyScrollArea(self)
        self.body_scroll.setObjectName("pageScroll")
        self.body_scroll.setWidgetResizable(True)
        self.body_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        holder = QWidget(self.body_scroll)
        holder.setObjectName("pageBody")
        self.body = QVBoxLayout(holder)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(10)
        self.body_scroll.setWidget(holder)
        outer.addWidget(self.body_scroll, 1)

    # -- to implement ------------------------------------------------------------------------
    def ask_export_path(self, caption: str, file_name: str, file_filter: str) -> Path | None:
        """Ask where to save an export, starting in the settings' export folder (else home).

        ``caption``, ``file_name`` and ``file_filter`` come already translated by the page.
        Returns the chosen path, or ``None`` when the dialog was cancelled.
        """
        folder = self.ctx.settings.current.export_dir or str(Path.home())
        name, _ = QFileDialog.getSaveFileName(self, caption, str(Path(folder) / file_name), file_filter)
        return Path(name) if name else None

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
        """Fetch this page's data for :attr:`scope` and show it (UI thread).

        The default runs :meth:`load` on a worker and hands its result to :meth:`show_data`.
        """
        self._load_generation += 1
        generation, scope, request = self._load_generation, self.scope, self.load_request()
        self.ctx.tasks.start(lambda _ctx: self.load(scope, request), title="", progress=False,
                             on_done=lambda data: self._on_loaded(generation, data),
                             on_error=lambda exc: self._on_load_failed(generation, exc))

    def load_request(self) -> Any:
        """Values read from widgets on the UI thread before :meth:`load` runs (e.g. a date)."""
        return None

    def load(self, scope: Scope, request: Any) -> Any:
        """Worker thread: fetch what the page shows for ``scope`` (no widget access here)."""
        return None

    def show_data(self, data: Any) -> None:
        """UI thread: show what :meth:`load` returned."""

    def _on_loaded(self, generation: int, data: Any) -> None:
        if generation != self._load_generation:
            return  # an older request; a newer one is on its way
        self.show_data(data)
        self.sig_loaded.emit()

    def _on_load_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._load_generation:
            report_exception(exc, self)

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
        """Reload now, reporting a failure instead of raising (nothing before a scope is set)."""
        if self.scope is not None:
            self.refresh_now()

    def refresh_now(self) -> None:
        """Reload now whatever the scope (pages that do not depend on it: accounts, the audit log,
        English names), reporting a failure instead of raising — never out of a slot."""
        self._stale = False
        try:
            self.reload()
        except Exception as exc:  # shown in the user's words (QsmError) or as an unexpected error
            report_exception(exc, self)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def language_switched(self) -> bool:
        """Whether the language differs from the one the data on screen was fetched in (and note the new one).

        Qt sends ``LanguageChange`` whenever a translator is installed — also once at start-up —
        so only a real switch should fetch data again (messages from the services are rendered
        in the language of the moment they were fetched).
        """
        current = domain_i18n.get_language()
        switched = current != self._data_language
        self._data_language = current
        return switched

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
            if self.scope is not None and self.language_switched():
                self._stale = True
                if self.isVisible():
                    QTimer.singleShot(0, self.refresh)
        super().changeEvent(event)
