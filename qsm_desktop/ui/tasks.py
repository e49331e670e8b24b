"""Long work off the UI thread (后台任务): imports, exports, demo building, PDF batches.

The work itself is a Qt-free service function that takes a progress callback and a cancel flag
(STYLE.md "Long work"). A page wraps it in a small function of one argument, the
:class:`TaskContext`, and hands it to :meth:`TaskRunner.start`::

    self._tasks.start(
        lambda ctx: self._services.imports.import_files(paths, actor, progress=ctx.progress, cancel=ctx.cancel_event),
        title=self.tr("Importing returns"), writes=True, parent=self, on_done=self._on_import_done)

- Work runs on a ``QThreadPool``; the UI thread only receives signals (queued): progress,
  result, failure. Nothing blocks it.
- ``writes=True`` jobs go to a pool of exactly one thread, so database writes run one at a time
  (SQLite has a single writer; PostgreSQL rows lock less, but the rule keeps imports ordered).
  Read-only jobs never queue behind a write (STYLE.md: "avoid queuing non-DB work behind the DB
  worker").
- Each job opens its own session: service calls are units of work that open and close a session
  themselves (``with session_factory.begin()``); nothing crosses threads but frozen dataclasses.
- A ``QProgressDialog`` (window-modal, shown after 300 ms) reports progress; *Cancel* sets the
  cancel flag, which the service checks between rows/files; a cancelled job reports nothing.
- Failures are delivered to ``on_error`` or, by default, to :func:`qsm_desktop.ui.errors.report_exception`
  (the user's words for a ``QsmError``; log + details for a bug).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from qsm_desktop.ui.errors import report_exception

log = logging.getLogger(__name__)


class TaskCancelled(Exception):
    """Raised by :meth:`TaskContext.check` when the user pressed Cancel (not an error)."""


class TaskContext:
    """What a running job sees: ``progress(done, total, text)``, ``cancel_event`` and ``cancelled``.

    ``progress`` may be called from the worker thread as often as it likes; the dialog is updated
    through a queued signal. ``total`` 0 means "unknown" (busy indicator).
    """

    def __init__(self, emit: Callable[[int, int, str], None]) -> None:
        self._emit = emit
        self.cancel_event = threading.Event()

    def progress(self, done: int = 0, total: int = 0, text: str = "") -> None:
        """Report ``done`` of ``total`` steps (ints ≥ 0) with an optional line of ``text``."""
        self._emit(int(done), int(total), str(text or ""))

    @property
    def cancelled(self) -> bool:
        """Whether the user asked to stop."""
        return self.cancel_event.is_set()

    def is_cancelled(self) -> bool:
        """Callable form of :attr:`cancelled`, for services that take ``cancel: Callable[[], bool]``."""
        return self.cancel_event.is_set()

    def check(self) -> None:
        """Raise :class:`TaskCancelled` when the user asked to stop."""
        if self.cancel_event.is_set():
            raise TaskCancelled()

    def cancel(self) -> None:
        """Ask the job to stop (the job decides where it can)."""
        self.cancel_event.set()


class _TaskSignals(QObject):
    # Outcomes travel in the TaskHandle, not as signal arguments: passing arbitrary Python objects
    # (notably True/False) through queued cross-thread signals hits reference-count bugs in PySide6.
    sig_progressed = Signal(int, int, str)
    sig_succeeded = Signal()
    sig_failed = Signal()
    sig_cancelled = Signal()


@dataclass
class TaskHandle:
    """A started job: its context (cancel it with ``handle.context.cancel()``), outcome when done."""

    title: str
    context: TaskContext
    writes: bool
    done: threading.Event = field(default_factory=threading.Event)
    result: Any = None
    error: BaseException | None = None
    was_cancelled: bool = False


class _Job(QRunnable):
    def __init__(self, fn: Callable[[TaskContext], Any], handle: TaskHandle, signals: _TaskSignals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._handle = handle
        self._signals = signals

    def run(self) -> None:  # worker thread
        handle = self._handle
        try:
            result = self._fn(handle.context)
        except TaskCancelled:
            handle.was_cancelled = True
            self._signals.sig_cancelled.emit()
        except BaseException as exc:  # delivered to the UI thread, reported there
            if handle.context.cancelled:
                handle.was_cancelled = True
                log.info("task %r stopped after cancel: %s", handle.title, exc)
                self._signals.sig_cancelled.emit()
            else:
                handle.error = exc
                self._signals.sig_failed.emit()
        else:
            handle.result = result
            if handle.context.cancelled:
                handle.was_cancelled = True
                self._signals.sig_cancelled.emit()
            else:
                self._signals.sig_succeeded.emit()
        finally:
            handle.done.set()


class TaskRunner(QObject):
    """Runs jobs on a reader pool and a one-thread writer pool; one per main window.

    Signals: ``sig_task_started(str title)``, ``sig_task_ended(str title)`` (for the status bar).
    """

    sig_task_started = Signal(str)
    sig_task_ended = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._readers = QThreadPool(self)
        self._readers.setMaxThreadCount(max(2, min(4, QThreadPool.globalInstance().maxThreadCount())))
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._running: dict[int, tuple[TaskHandle, _TaskSignals, QProgressDialog | None]] = {}

    def start(
        self,
        fn: Callable[[TaskContext], Any],
        *,
        title: str,
        writes: bool = False,
        parent: QWidget | None = None,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        progress: bool = True,
    ) -> TaskHandle:
        """Run ``fn(ctx)`` in the background; callbacks run on the UI thread.

        ``writes``: the job writes to the database (serialised). ``progress``: show a progress
        dialog over ``parent``. ``on_error`` defaults to :func:`report_exception`.
        """
        signals = _TaskSignals()
        context = TaskContext(signals.sig_progressed.emit)
        handle = TaskHandle(title=title, context=context, writes=writes)
        dialog = self._make_dialog(title, parent, context) if progress else None
        key = id(handle)
        self._running[key] = (handle, signals, dialog)

        def finish() -> None:
            entry = self._running.pop(key, None)
            if entry and entry[2] is not None:
                entry[2].reset()
                entry[2].deleteLater()
            self.sig_task_ended.emit(title)

        def succeeded() -> None:
            finish()
            if on_done is not None:
                try:
                    on_done(handle.result)
                except Exception as exc:
                    report_exception(exc, parent)

        def failed() -> None:
            finish()
            exc = handle.error
            assert exc is not None
            if on_error is not None:
                on_error(exc)
            else:
                report_exception(exc, parent)

        def cancelled() -> None:
            finish()
            if on_cancelled is not None:
                on_cancelled()

        signals.sig_succeeded.connect(succeeded, Qt.ConnectionType.QueuedConnection)
        signals.sig_failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        signals.sig_cancelled.connect(cancelled, Qt.ConnectionType.QueuedConnection)
        if dialog is not None:
            signals.sig_progressed.connect(
                lambda done, total, text: self._on_progress(dialog, title, done, total, text),
                Qt.ConnectionType.QueuedConnection)
        self.sig_task_started.emit(title)
        (self._writer if writes else self._readers).start(_Job(fn, handle, signals))
        return handle

    @staticmethod
    def _make_dialog(title: str, parent: QWidget | None, context: TaskContext) -> QProgressDialog:
        dialog = QProgressDialog(title, QCoreApplication.translate("TaskRunner", "Cancel"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(420)
        dialog.canceled.connect(context.cancel)
        return dialog

    @staticmethod
    def _on_progress(dialog: QProgressDialog, title: str, done: int, total: int, text: str) -> None:
        try:
            if total > 0:
                dialog.setMaximum(total)
                dialog.setValue(min(done, total))
            else:
                dialog.setMaximum(0)
            dialog.setLabelText(text or title)
        except RuntimeError:  # dialog already deleted (job finished first)
            pass

    def active_count(self) -> int:
        """How many jobs are queued or running."""
        return len(self._running)

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Block until every job has finished and its callbacks ran (tests, shutdown); True when idle."""
        deadline = QDeadlineTimer(timeout_ms)
        while self._running and not deadline.hasExpired():
            self._readers.waitForDone(20)
            self._writer.waitForDone(20)
            QCoreApplication.processEvents()
        return not self._running

    def cancel_all(self) -> None:
        """Ask every running job to stop (window closing)."""
        for handle, _signals, _dialog in list(self._running.values()):
            handle.context.cancel()
