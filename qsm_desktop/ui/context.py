"""What every page is given (页面上下文): services, the acting user, the task runner, the settings.

Collaborators are passed explicitly (STYLE.md: no global registry, no ``self.window().x``): the
main window builds one :class:`PageContext` and hands it to each page's constructor.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from qsm_desktop.domain.normalise import period_end
from qsm_desktop.settings import Settings, save_settings
from qsm_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services
    from qsm_desktop.services.context import Actor


class SettingsStore(QObject):
    """The current :class:`~qsm_desktop.settings.Settings`, saved on every change.

    ``sig_settings_changed(Settings)`` fires after a change was written. ``persist=False`` keeps
    changes in memory (tests, ``--screenshot``).
    """

    sig_settings_changed = Signal(object)

    def __init__(self, settings: Settings, *, persist: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._persist = persist

    @property
    def current(self) -> Settings:
        return self._settings

    def update(self, **changes: Any) -> Settings:
        """Apply ``changes`` (field names of :class:`Settings`), save, notify; return the new settings."""
        new = self._settings.with_changes(**changes)
        if new == self._settings:
            return new
        self._settings = new
        if self._persist:
            save_settings(new)
        self.sig_settings_changed.emit(new)
        return new


@dataclass
class PageContext:
    """Collaborators of a page: ``services`` (the :class:`~qsm_desktop.services.bundle.Services`
    bundle), ``actor`` (who acts), ``tasks`` (background work), ``settings`` (the store).

    :meth:`org_nodes` keeps the org tree (``services.orgs.tree``) for all pages until
    :meth:`forget_org_nodes` (an import changed it): at bank scale (3,300 units) every page asking
    for it again would cost a query each. Safe to call from worker threads.
    """

    services: Services
    actor: Actor
    tasks: TaskRunner
    settings: SettingsStore
    _org_nodes: list | None = field(default=None, repr=False)
    _org_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def org_nodes(self) -> list:
        """The org units the actor sees, in tree order (cached)."""
        with self._org_lock:
            if self._org_nodes is None:
                self._org_nodes = list(self.services.orgs.tree(self.actor))
            return self._org_nodes

    def forget_org_nodes(self) -> None:
        """The org tree changed: fetch it again on next use."""
        with self._org_lock:
            self._org_nodes = None

    def may(self, rule: str) -> bool:
        """Whether the actor's role may do ``rule`` (:func:`qsm_desktop.services.permissions.may`: the
        one table of DESIGN §6's roles; rule names are the services' action keys, e.g. ``"import.action"``)."""
        from qsm_desktop.services.permissions import may

        return may(self.actor, rule)

    def offer(self, rule: str, *widgets: Any) -> bool:
        """Hide ``widgets`` (buttons, actions) unless the actor :meth:`may` do ``rule`` — what one's role
        may not do is not offered (DESIGN §6). Returns whether it is allowed."""
        allowed = self.may(rule)
        if not allowed:
            for widget in widgets:
                widget.setVisible(False)
        return allowed


@dataclass(frozen=True)
class Scope:
    """The window's current choice: the unit (6-digit code and name) and the reporting period.

    ``as_of`` is the date rates and statuses are computed for: the period's last day (报告期末),
    or today while the period is still running.
    """

    unit_code: str
    unit_name: str
    period: str

    @property
    def as_of(self) -> dt.date:
        return min(period_end(self.period), dt.date.today())
