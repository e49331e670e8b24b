"""The main window (主窗口): navigation, unit selector, period, status bar, one page per area.

Layout: a navigation list on the left (icons; ``Ctrl+1`` … ``Ctrl+6``), the pages in a
``QStackedWidget``, a bar on top with the unit selector (org tree) and the reporting period, and
a status bar with the database (file or server), the acting user and the period.

The unit and period form the :class:`~qsm_desktop.ui.context.Scope` handed to every page
(``sig_unit_changed(code)``, ``sig_period_changed(period)``). Pages that change data (the
returns inbox, the demo builder) emit ``sig_data_changed``; the window then reloads the org
tree and marks every page stale.

Collaborators arrive through the constructor (``MainWindow(services, settings, …)``); the window
builds one :class:`~qsm_desktop.ui.context.PageContext` for its pages.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QSizePolicy,
    QStackedWidget, QTabWidget, QToolBar, QWidget,
)

from qsm_desktop.domain.normalise import period_label
from qsm_desktop.services.permissions import may, page_rule
from qsm_desktop.settings import Settings, describe_database
from qsm_desktop.ui.context import PageContext, Scope, SettingsStore
from qsm_desktop.ui.errors import report_exception
from qsm_desktop.ui.file_menu import FileMenu
from qsm_desktop.ui.signin import SessionInfo, describe_session
from qsm_desktop.ui.style import icon
from qsm_desktop.ui.tasks import TaskRunner
from qsm_desktop.ui.views.base import Page
from qsm_desktop.ui.widgets.period_combo import select_period
from qsm_desktop.ui.widgets.unit_selector import UnitSelector

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageSpec:
    """A page of the navigation: id (also its screenshot name), icon, navigation title (English
    source marked for translation, shown until the page is built) and the factory that builds it.

    Who is offered the page: the rule ``page.<page_id>`` of :data:`qsm_desktop.services.permissions.RULES`
    (the one table of roles, DESIGN §6) — the window lists only the pages the actor :func:`may` see.
    """

    page_id: str
    icon: str
    nav_title: str
    factory: Callable[[], Page]

    @property
    def rule(self) -> str:
        """The permission rule that offers this page (``page.<page_id>``)."""
        return page_rule(self.page_id)


def current_quarter(today: dt.date | None = None) -> str:
    """``'2026Q2'`` for a date in April–June 2026."""
    today = today or dt.date.today()
    return f"{today.year}Q{(today.month - 1) // 3 + 1}"


def quarters_between(first: str, last: str) -> list[str]:
    """Every quarter from ``first`` to ``last`` inclusive (``'2007Q1'`` form), newest first."""
    fy, fq = int(first[:4]), int(first[-1])
    ly, lq = int(last[:4]), int(last[-1])
    out = []
    y, q = ly, lq
    while (y, q) >= (fy, fq):
        out.append(f"{y}Q{q}")
        y, q = (y, q - 1) if q > 1 else (y - 1, 4)
    return out


class MainWindow(QMainWindow):
    """The application window over ``services`` (a ``Services`` bundle) with ``settings``.

    Keyword collaborators: ``actor`` (default: the operating-system user as 总行秘书), ``session``
    (who is signed in, for the status bar: a :class:`~qsm_desktop.ui.signin.SessionInfo`; default:
    read for ``actor``),
    ``languages`` (a :class:`~qsm_desktop.ui.i18n.LanguageManager` for the settings page),
    ``check_connection`` (callable ``url, *, create=False -> str`` for the settings page's *Test connection*, and
    its *Save* making a new database the user confirmed),
    ``persist_settings`` (False in tests and screenshots).
    """

    sig_unit_changed = Signal(str)
    sig_period_changed = Signal(str)

    def __init__(
        self,
        services: Any,
        settings: Settings | SettingsStore,
        *,
        actor: Any = None,
        session: SessionInfo | None = None,
        languages: Any = None,
        check_connection: Callable[..., str] | None = None,
        persist_settings: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        if actor is None:
            from qsm_desktop.services.context import default_actor

            actor = default_actor()
        store = settings if isinstance(settings, SettingsStore) else SettingsStore(settings, persist=persist_settings, parent=self)
        self.services = services
        self.actor = actor
        self.session = session if session is not None else describe_session(services, actor)
        self.tasks = TaskRunner(self)
        self.ctx = PageContext(services=services, actor=actor, tasks=self.tasks, settings=store)
        self._languages = languages
        self._org_nodes: list[Any] = []
        self._period = ""
        self.resize(1360, 860)
        self.setMinimumSize(QSize(880, 520))  # 1366×768 at 125 % leaves 1093×574 (issue 14)

        self._build_scope_bar()
        self._build_pages(check_connection)
        self._build_status_bar()
        self.file_menu = FileMenu(self)  # back up, sign out / switch user, quit
        self.tasks.sig_task_started.connect(self._on_tasks_task_started)
        self.tasks.sig_task_ended.connect(self._on_tasks_task_ended)
        self.retranslateUi()
        self._restore_geometry()
        self.reload_org_tree()
        self._fill_periods()
        self.navigation.setCurrentRow(0)

    # ------------------------------------------------------------------ construction
    def _build_scope_bar(self) -> None:
        bar = QToolBar(self)
        bar.setObjectName("scopeBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setIconSize(QSize(18, 18))
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.brand_label = QLabel(self)
        self.brand_label.setObjectName("brand")
        bar.addWidget(self.brand_label)
        self.unit_label = QLabel(self)
        bar.addWidget(self.unit_label)
        self.unit_selector = UnitSelector(self)
        self.unit_selector.set_icon(icon("unit"))
        bar.addWidget(self.unit_selector)
        self.period_label = QLabel(self)
        bar.addWidget(self.period_label)
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("periodCombo")
        self.period_combo.setMinimumContentsLength(12)
        bar.addWidget(self.period_combo)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.refresh_action = QAction(self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(self._on_refresh_action_triggered)
        bar.addAction(self.refresh_action)
        self.unit_selector.sig_unit_changed.connect(self._on_unit_selector_unit_changed)
        self.period_combo.currentIndexChanged.connect(self._on_period_combo_index_changed)

    def _page_specs(self, check_connection: Callable[..., str] | None) -> list[PageSpec]:
        """The pages in navigation order. Each feature adds its line (the import stays inside the factory)."""

        def make(module: str, cls: str, **kwargs: Any) -> Callable[[], Page]:
            def factory() -> Page:
                import importlib

                return getattr(importlib.import_module(f"qsm_desktop.ui.views.{module}"), cls)(self.ctx, self, **kwargs)

            return factory

        specs = [
            PageSpec("dashboard", "dashboard", QT_TRANSLATE_NOOP("Navigation", "Dashboard"), make("dashboard", "DashboardPage")),
            PageSpec("organisation", "organisation", QT_TRANSLATE_NOOP("Navigation", "Organisation"),
                     make("organisation", "OrganisationPage")),
            PageSpec("register", "register", QT_TRANSLATE_NOOP("Navigation", "Register"), make("register", "RegisterPage")),
            PageSpec("rates", "rates", QT_TRANSLATE_NOOP("Navigation", "Rates"), make("rates", "RatesPage")),
            PageSpec("returns", "returns", QT_TRANSLATE_NOOP("Navigation", "Returns"), make("returns", "ReturnsPage")),
            PageSpec("training", "training", QT_TRANSLATE_NOOP("Navigation", "Training"), make("training", "TrainingPage")),
            PageSpec("evaluation", "evaluation", QT_TRANSLATE_NOOP("Navigation", "Evaluation"),  # issue 5
                     make("evaluation", "EvaluationPage")),
            PageSpec("indicators", "indicators", QT_TRANSLATE_NOOP("Navigation", "Indicators"),  # issue 5
                     make("indicator_systems", "IndicatorSystemPage")),
            PageSpec("targets", "targets", QT_TRANSLATE_NOOP("Navigation", "Plan targets"),  # issue 5
                     make("plan_targets", "PlanTargetsPage")),
            PageSpec("showcase", "showcase", QT_TRANSLATE_NOOP("Navigation", "Showcase units"),  # issue 4
                     make("showcase", "ShowcasePage")),
            # issue 13: the improvement loop (ui/views/monitoring)
            PageSpec("mystery_visits", "mystery", QT_TRANSLATE_NOOP("Navigation", "Mystery visits"),
                     make("monitoring", "MysteryVisitsPage")),
            PageSpec("actions", "actions", QT_TRANSLATE_NOOP("Navigation", "Actions"), make("monitoring", "ActionsPage")),
            PageSpec("complaints", "complaints", QT_TRANSLATE_NOOP("Navigation", "Complaints"),
                     make("monitoring", "ComplaintsPage")),
            PageSpec("checklists", "checklists", QT_TRANSLATE_NOOP("Navigation", "Checklists"),
                     make("monitoring", "ChecklistsPage")),
            PageSpec("reference_names", "names", QT_TRANSLATE_NOOP("Navigation", "English names"),  # issue 14
                     make("reference_names", "ReferenceNamesPage")),
            PageSpec("administration", "accounts", QT_TRANSLATE_NOOP("Navigation", "Administration"),  # issue 12
                     make("administration", "AdministrationPage")),
            PageSpec("audit", "audit", QT_TRANSLATE_NOOP("Navigation", "Audit trail"), make("audit", "AuditPage")),
            PageSpec("settings", "settings", QT_TRANSLATE_NOOP("Navigation", "Settings"),
                     make("settings", "SettingsPage", languages=self._languages, check_connection=check_connection)),
        ]
        return specs

    def _build_pages(self, check_connection: Callable[..., str] | None) -> None:
        """Navigation and page stack. Pages are built when first shown (the first one at once, the
        rest shortly after the window appears), so the window paints without building ten pages."""
        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setFixedWidth(188)
        self.navigation.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.stack = QStackedWidget(self)
        self._specs = [spec for spec in self._page_specs(check_connection) if may(self.actor, spec.rule)]
        self._pages: dict[str, Page] = {}
        self._nav_actions: list[QAction] = []
        for number, spec in enumerate(self._specs, start=1):
            self.stack.addWidget(QWidget(self.stack))  # placeholder until the page is built
            item = QListWidgetItem(icon(spec.icon), "", self.navigation)
            item.setData(Qt.ItemDataRole.UserRole, spec.page_id)
            item.setSizeHint(QSize(160, 40))
            action = QAction(self)
            if number <= 10:  # Ctrl+1 … Ctrl+9, then Ctrl+0 for the tenth page
                action.setShortcut(QKeySequence(f"Ctrl+{number % 10}"))
            action.triggered.connect(lambda _checked=False, row=number - 1: self.navigation.setCurrentRow(row))
            self.addAction(action)
            self._nav_actions.append(action)
        self.navigation.currentRowChanged.connect(self._on_navigation_row_changed)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _ensure_page(self, page_id: str) -> Page:
        """Build ``page_id`` now if it is not built yet (``KeyError`` for an unknown id)."""
        page = self._pages.get(page_id)
        if page is not None:
            return page
        index = next(i for i, spec in enumerate(self._specs) if spec.page_id == page_id)
        page = self._specs[index].factory()
        placeholder = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        if current == index:
            self.stack.setCurrentIndex(index)
        self._pages[page_id] = page
        changed = getattr(page, "sig_data_changed", None)
        if changed is not None:
            changed.connect(self._on_page_data_changed)
        jump = getattr(page, "sig_unit_requested", None)
        if jump is not None:
            jump.connect(self._on_page_unit_requested)
        wanted = getattr(page, "sig_page_requested", None)  # an empty page's button: "Open the Returns page"
        if wanted is not None:
            wanted.connect(self.show_page)
        item = self.navigation.item(index)
        item.setText(page.nav_title())
        if self._period:
            page.set_scope(self.current_scope())
        return page

    def _build_remaining_pages(self) -> None:
        """After the first paint: the unit selector's tree, then the other pages one per event-loop
        turn (the popup and navigation are then instant)."""
        self.unit_selector.ensure_tree()
        for spec in self._specs:
            if spec.page_id not in self._pages:
                self._ensure_page(spec.page_id)
                QTimer.singleShot(30, self._build_remaining_pages)
                return

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.db_status = QLabel(self)
        self.user_status = QLabel(self)
        self.period_status = QLabel(self)
        self.task_status = QLabel(self)
        self.user_status.setObjectName("whoStatus")
        for label in (self.db_status, self.period_status, self.user_status):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status.addWidget(self.db_status)
        status.addWidget(self.period_status)
        status.addPermanentWidget(self.task_status)
        status.addPermanentWidget(self.user_status)

    # ------------------------------------------------------------------ public
    def pages(self) -> dict[str, Page]:
        """Page id → page, in navigation order (builds the pages not built yet)."""
        return {spec.page_id: self._ensure_page(spec.page_id) for spec in self._specs}

    def page(self, page_id: str) -> Page:
        """The page ``page_id`` (built now if needed; ``KeyError`` for an unknown id)."""
        if all(spec.page_id != page_id for spec in self._specs):
            raise KeyError(page_id)
        return self._ensure_page(page_id)

    def show_page(self, page_id: str) -> Page:
        """Switch to ``page_id`` (``KeyError`` for an unknown id) and return it."""
        page = self.page(page_id)
        row = [spec.page_id for spec in self._specs].index(page_id)
        self.navigation.setCurrentRow(row)
        return page

    def current_scope(self) -> Scope:
        return Scope(self.unit_selector.current_code(), self.unit_selector.current_name(), self._period)

    def set_unit(self, code: str) -> None:
        """Choose unit ``code`` (as if picked in the selector)."""
        self.unit_selector.set_current(code, emit=True)

    def set_period(self, period: str) -> None:
        """Choose reporting period ``period`` ('2007Q4'); added to the list when missing."""
        select_period(self.period_combo, period)

    def reload_org_tree(self) -> None:
        """Reload the unit selector from the org service (after an import)."""
        try:
            self.ctx.forget_org_nodes()
            nodes = self.ctx.org_nodes()
            root = self.services.orgs.root_code(self.actor)
        except Exception as exc:
            report_exception(exc, self)
            nodes, root = [], ""
        self._org_nodes = nodes
        self.unit_selector.set_nodes(nodes)
        known = {n.code for n in nodes}
        current = self.unit_selector.current_code()
        if current not in known:
            self.unit_selector.set_current(root if root in known or not nodes else nodes[0].code)
        self._broadcast_scope()

    def save_screenshots(self, folder: Path) -> list[Path]:
        """Render every page to ``folder/<page_id>.png`` (``QWidget.grab``); return the files.

        Each page is shown, its loading jobs are waited for, then the whole window is grabbed. A
        page with tabs (its ``tabs``) gets one more picture per other tab than the one it opens on,
        ``<page_id>_2.png`` and on, so the ranking and the certificates are seen as well as the first tab; a page's
        ``extra_screenshots()`` states (the evaluation's A02 explanation) give ``<page_id>_<name>.png``. Raises
        ``OSError`` when a picture cannot be rendered or written.
        """
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        current = self.navigation.currentRow()
        for page_id in [spec.page_id for spec in self._specs]:
            page = self.show_page(page_id)
            written.append(self._grab_to(folder / f"{page_id}.png"))
            tabs = getattr(page, "tabs", None)
            if isinstance(tabs, QTabWidget) and tabs.count() > 1:
                shown = tabs.currentIndex()  # pictured above: the page opens on it (the returns page on its board)
                number = 2
                for index in range(tabs.count()):
                    if index == shown or not tabs.isTabVisible(index):
                        continue  # pictured already, or a tab outside the actor's role
                    tabs.setCurrentIndex(index)
                    written.append(self._grab_to(folder / f"{page_id}_{number}.png"))
                    number += 1
                tabs.setCurrentIndex(shown)
            for extra in getattr(page, "extra_screenshots", lambda: ())():  # e.g. the A02 explanation
                written.append(self._grab_to(folder / f"{page_id}_{extra}.png"))
        self.navigation.setCurrentRow(current)
        return written

    def _grab_to(self, path: Path) -> Path:
        """Let pending loading finish, then grab the window into ``path`` (PNG)."""
        for _ in range(3):
            QCoreApplication.processEvents()
        self.tasks.wait(120_000)
        QCoreApplication.processEvents()
        for attempt in range(3):
            pixmap = self.grab()
            if not pixmap.isNull() and pixmap.save(str(path), "PNG"):
                return path
            log.warning("screenshot %s failed (attempt %d, null=%s, size=%s)", path.name, attempt + 1,
                        pixmap.isNull(), pixmap.size())
            QCoreApplication.processEvents()
        raise OSError(f"could not render or write {path}")

    # ------------------------------------------------------------------ scope
    def _fill_periods(self, *, keep_choice: bool = False) -> None:
        """Fill the period list: every quarter from 2007Q1 to now; pick the latest period with returns.

        ``keep_choice``: keep the user's period when it has returns (after an import).
        """
        previous = self._period
        periods: list[str] = []
        latest = ""
        try:
            periods = list(self.services.imports.periods(self.actor))
        except Exception as exc:
            log.warning("could not list the periods with returns: %s", exc)
        quarters = [p for p in periods if "Q" in p]
        if quarters:
            latest = max(quarters)
        first = min(quarters) if quarters else "2007Q1"
        options = quarters_between(min(first, "2007Q1"), max(current_quarter(), latest or "2007Q1"))
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for p in options:
            self.period_combo.addItem(period_label(p), p)
        self.period_combo.blockSignals(False)
        with_data = set(periods) | {p[:4] for p in periods}
        if keep_choice and previous and (previous in with_data or not latest):
            choice = previous
        else:
            choice = latest or current_quarter()
        self.period_combo.blockSignals(True)
        self.set_period(choice)
        self.period_combo.blockSignals(False)
        self._period = self.period_combo.currentData() or current_quarter()
        self._broadcast_scope()
        if self._period != previous and previous:
            self.sig_period_changed.emit(self._period)

    def _broadcast_scope(self) -> None:
        if not self._period:
            return
        scope = self.current_scope()
        for page in self._pages.values():
            page.set_scope(scope)
        self._update_status()

    def _on_unit_selector_unit_changed(self, code: str) -> None:
        self._broadcast_scope()
        self.sig_unit_changed.emit(code)

    def _on_period_combo_index_changed(self, _index: int) -> None:
        period = self.period_combo.currentData()
        if period and period != self._period:
            self._period = period
            self._broadcast_scope()
            self.sig_period_changed.emit(period)

    def data_changed(self) -> None:
        """The database changed (an import, the demo): reload the org tree, periods and every page."""
        self._on_page_data_changed()

    def _on_page_data_changed(self) -> None:
        for page in self._pages.values():
            page.invalidate()
        self.reload_org_tree()
        self._fill_periods(keep_choice=True)

    def _on_page_unit_requested(self, code: str) -> None:
        self.set_unit(code)

    def _on_navigation_row_changed(self, row: int) -> None:
        if row >= 0:
            self._ensure_page(self._specs[row].page_id)
            self.stack.setCurrentIndex(row)

    def _on_refresh_action_triggered(self) -> None:
        self.reload_org_tree()
        for page in self._pages.values():
            page.mark_stale()

    def _on_tasks_task_started(self, title: str) -> None:
        self.task_status.setText(title + " …")

    def _on_tasks_task_ended(self, _title: str) -> None:
        self.task_status.setText("" if not self.tasks.active_count() else self.task_status.text())

    # ------------------------------------------------------------------ language, status, geometry
    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("QSM Desktop — Service Quality Management Office"))
        self.brand_label.setText(self.tr("Service Quality Management"))
        self.unit_label.setText(self.tr("Unit:"))
        self.period_label.setText(self.tr("Period:"))
        self.refresh_action.setText(self.tr("Refresh"))
        self.refresh_action.setToolTip(self.tr("Reload every page from the database (F5)"))
        self.refresh_action.setIcon(icon("refresh"))
        for row, spec in enumerate(self._specs):
            item = self.navigation.item(row)
            page = self._pages.get(spec.page_id)
            title = page.nav_title() if page is not None else QCoreApplication.translate("Navigation", spec.nav_title)
            item.setText(title)
            if row < 10:
                item.setToolTip(self.tr("{page} (Ctrl+{number})").format(page=title, number=(row + 1) % 10))
            else:
                item.setToolTip(title)
        for i in range(self.period_combo.count()):
            self.period_combo.setItemText(i, period_label(self.period_combo.itemData(i)))
        self.file_menu.retranslateUi()
        self._update_status()

    def _update_status(self) -> None:
        url = self.services.url or ""
        server = not url.startswith("sqlite")
        where = describe_database(url)
        self.db_status.setText(
            (self.tr("Database: {name} (server)") if server else self.tr("Database: {name} (file)")).format(name=where))
        self.db_status.setToolTip(self.services.database_label)
        self.user_status.setText(self.who_text())
        self.user_status.setToolTip(self.tr(
            "This database has no accounts yet, so you work as the local administrator. Once the first "
            "(administrator) account exists, everyone signs in.") if self.session.local_admin else
            self.tr("Signed in as {login}").format(login=getattr(self.actor, "login", "")))
        self.period_status.setText(self.tr("Period: {period}").format(period=period_label(self._period) if self._period else "—"))

    def who_text(self) -> str:
        """Who is signed in, for the status bar: "李丽 · 分行秘书 · 310000 上海分行" (name or login,
        role, the org unit of a scoped login); the local administrator of a file without accounts says so."""
        login = getattr(self.actor, "login", "")
        role = _role_name(getattr(getattr(self.actor, "role", None), "value", ""))
        if self.session.local_admin:
            return self.tr("{login} · {role} (local: no logins yet)").format(login=login, role=role)
        parts = [self.session.name or login, role]
        scope = getattr(self.actor, "org_scope", None)
        if scope:
            parts.append(f"{scope} {self.session.org_name}".strip())
        return " · ".join(parts)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not getattr(self, "_remaining_scheduled", False):
            self._remaining_scheduled = True
            QTimer.singleShot(1500, self._build_remaining_pages)

    def _restore_geometry(self) -> None:
        saved = self.ctx.settings.current.window_geometry
        if saved:
            self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii")))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.tasks.cancel_all()
        self.tasks.wait(10_000)
        self.tasks.shutdown()
        geometry = bytes(self.saveGeometry().toBase64()).decode("ascii")
        try:
            self.ctx.settings.update(window_geometry=geometry)
        except OSError as exc:
            log.warning("could not save the window geometry: %s", exc)
        super().closeEvent(event)


def _role_name(role: str) -> str:
    names = {
        "admin": QCoreApplication.translate("Roles", "Administrator"),
        "ho_secretary": QCoreApplication.translate("Roles", "Head-office secretary"),
        "branch_secretary": QCoreApplication.translate("Roles", "Branch secretary"),
        "reviewer": QCoreApplication.translate("Roles", "Reviewer"),
        "viewer": QCoreApplication.translate("Roles", "Read-only"),
    }
    return names.get(role, role)
