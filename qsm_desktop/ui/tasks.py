"""Long work off the UI thread (后台任务): imports, exports, demo building, checks, page loads.

The work itself is a Qt-free service function that takes a progress callback and a cancel flag
(STYLE.md "Long work"). A page wraps it in a small function of one argument, the
:class:`TaskContext`, and hands it to :meth:`TaskRunner.start`::

    self.ctx.tasks.start(
        lambda ctx: services.imports.import_files(paths, actor, progress=ctx.progress, cancel=ctx.cancel_event),
        title=self.tr("Importing returns"), writes=True, parent=self, on_done=self._on_imported)

- Work runs on a ``QThreadPool``; a job reports through queued signals that carry no Python
  objects (progress as ints and text; the outcome stays in the job's :class:`TaskHandle`), and
  the callbacks run on the UI thread. Nothing blocks it.
- The signals come from one relay object per application (:func:`_relay`), created on the UI
  thread and never deleted while the application runs; a job is named in them by an integer
  key. No QObject is made per job: one made on the UI thread and released by the pool's thread
  when it deletes the finished job was destroyed off its thread while its queued end signal was
  still pending — a use-after-free that crashed a test run (CI, Segmentation fault in the event
  processing after a test). (Reference-count drift of the binding
  on Python 3.11 is handled once for the whole package: :mod:`qsm_desktop.ui.qt_compat`.)
- ``writes=True`` jobs go to a pool of exactly one thread, so database writes run one at a time
  (SQLite has a single writer; the rule also keeps imports in order). Read-only jobs run on their
  own pool and never queue behind a write (STYLE.md: "avoid queuing non-DB work behind the DB
  worker").
- Each job opens its own session: service calls are units of work that open and close a session
  themselves (``with session_factory.begin()``); nothing crosses threads but frozen dataclasses.
- A ``QProgressDialog`` (window-modal, shown after 300 ms) reports progress; *Cancel* sets the
  cancel flag, which the service checks between rows/files; a cancelled job reports nothing.
- Failures are delivered to ``on_error`` or, by default, to :func:`qsm_desktop.ui.errors.report_exception`
  (the user's words for a ``QsmError``; log + details for a bug).
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from qsm_desktop.ui.errors import report_exception

log = logging.getLogger(__name__)

READER_THREADS = 4


class TaskCancelled(Exception):
    """Raised by :meth:`TaskContext.check` when the user pressed Cancel (not an error)."""


class TaskContext:
    """What a running job sees: ``progress(done, total, text)``, ``cancel_event`` and ``cancelled``.

    ``progress`` may be called from the worker thread as often as it likes (the UI shows the
    latest value). ``total`` 0 means "unknown" (busy indicator).
    """

    def __init__(self, report: Callable[[int, int, str], None]) -> None:
        self._report = report
        self.cancel_event = threading.Event()

    def progress(self, done: int = 0, total: int = 0, text: str = "") -> None:
        """Report ``done`` of ``total`` steps (ints ≥ 0) with an optional line of ``text``."""
        self._report(int(done), int(total), str(text or ""))

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
    key: int = 0
    """The job's number in the runner's signals (distinct for each job of the process)."""


@dataclass
class _Entry:
    handle: TaskHandle
    dialog: QProgressDialog | None
    parent: QWidget | None
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    on_cancelled: Callable[[], None] | None


class _Relay(QObject):
    """The jobs' signals, for every runner of the application; a job is named by its key (int).

    Outcomes travel in the :class:`TaskHandle`, never as signal arguments.
    """

    sig_progressed = Signal(int, int, int, str)  # key, done, total, text
    sig_ended = Signal(int)  # key


_RELAY: _Relay | None = None
_KEYS = itertools.count(1)


def _relay() -> _Relay:
    """The application's relay, made on first use (on the UI thread: runners are made there) as a
    child of the application, so it lives as long as any job can signal."""
    global _RELAY
    if _RELAY is None or not shiboken6.isValid(_RELAY):
        _RELAY = _Relay(QCoreApplication.instance())
    return _RELAY


class _Job(QRunnable):
    """Worker body: runs ``fn``, keeps the outcome in the handle, then signals the end by key."""

    def __init__(self, fn: Callable[[TaskContext], Any], handle: TaskHandle, key: int, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._handle = handle
        self._key = key
        self._relay = relay

    def run(self) -> None:  # worker thread
        handle = self._handle
        try:
            handle.result = self._fn(handle.context)
            handle.was_cancelled = handle.context.cancelled
        except TaskCancelled:
            handle.was_cancelled = True
        except BaseException as exc:  # delivered to the UI thread, reported there
            if handle.context.cancelled:
                handle.was_cancelled = True
                log.info("task %r stopped after cancel: %s", handle.title, exc)
            else:
                handle.error = exc
        finally:
            handle.done.set()
            try:
                self._relay.sig_ended.emit(self._key)
            except RuntimeError:  # the application is going away (program closing)
                pass


class TaskRunner(QObject):
    """Runs jobs on a reader pool and a one-thread writer pool; one per main window.

    Signals: ``sig_task_started(str title)``, ``sig_task_ended(str title)`` (for the status bar).
    """

    sig_task_started = Signal(str)
    sig_task_ended = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._readers = QThreadPool(self)
        self._readers.setMaxThreadCount(READER_THREADS)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._running: dict[int, _Entry] = {}
        self._closed = False
        self._relay = _relay()
        self._relay.sig_ended.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self._relay.sig_progressed.connect(self._on_progressed, Qt.ConnectionType.QueuedConnection)

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
        dialog over ``parent``. ``on_error`` defaults to :func:`report_exception`. An empty
        ``title`` keeps the job out of the status bar (quick page loads).
        """
        key = next(_KEYS)
        relay = self._relay
        handle = TaskHandle(title=title, writes=writes, key=key, context=TaskContext(
            lambda done, total, text: relay.sig_progressed.emit(key, done, total, text)))
        if self._closed:  # the window is closing: start nothing
            handle.context.cancel()
            handle.was_cancelled = True
            handle.done.set()
            return handle
        dialog = self._make_dialog(title, parent, handle.context) if progress else None
        self._running[key] = _Entry(handle, dialog, parent, on_done, on_error, on_cancelled)
        if title:
            self.sig_task_started.emit(title)
        (self._writer if writes else self._readers).start(_Job(fn, handle, key, relay))
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

    # ------------------------------------------------------------------ UI thread
    @Slot(int, int, int, str)
    def _on_progressed(self, key: int, done: int, total: int, text: str) -> None:
        entry = self._running.get(key)  # the relay serves every runner: another's job is not ours
        if entry is None or entry.dialog is None:
            return
        dialog = entry.dialog
        try:
            if total > 0:
                dialog.setMaximum(total)
                dialog.setValue(min(done, total))
            else:
                dialog.setMaximum(0)
            dialog.setLabelText(text or entry.handle.title)
        except RuntimeError:  # dialog deleted with its window
            pass

    @Slot(int)
    def _finish(self, key: int) -> None:
        entry = self._running.pop(key, None)
        if entry is None:
            return
        handle = entry.handle
        if entry.dialog is not None:
            try:
                entry.dialog.reset()
                entry.dialog.deleteLater()
            except RuntimeError:  # the dialog went with its parent window already
                pass
        if handle.title:
            self.sig_task_ended.emit(handle.title)
        if entry.parent is not None and not shiboken6.isValid(entry.parent):
            log.info("task %r ended after its window closed; outcome dropped", handle.title)
            return
        try:
            if handle.was_cancelled:
                if entry.on_cancelled is not None:
                    entry.on_cancelled()
            elif handle.error is not None:
                (entry.on_error or (lambda exc: report_exception(exc, entry.parent)))(handle.error)
            elif entry.on_done is not None:
                entry.on_done(handle.result)
        except Exception as exc:  # a failing callback is a bug: reported, the window keeps running
            report_exception(exc, entry.parent)

    def active_count(self) -> int:
        """How many jobs are queued or running (or finished but not yet delivered)."""
        return len(self._running)

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Block until every job has finished and its callbacks ran (tests, shutdown); True when idle."""
        deadline = time.monotonic() + timeout_ms / 1000
        while self._running and time.monotonic() < deadline:
            self._readers.waitForDone(10)
            self._writer.waitForDone(10)
            QCoreApplication.processEvents()
        return not self._running

    def cancel_all(self) -> None:
        """Ask every running job to stop (window closing)."""
        for entry in list(self._running.values()):
            entry.handle.context.cancel()

    def shutdown(self) -> None:
        """Start nothing more, drop queued jobs and ask running ones to stop (window closing)."""
        self._closed = True
        self.cancel_all()
        self._readers.clear()
        self._writer.clear()
