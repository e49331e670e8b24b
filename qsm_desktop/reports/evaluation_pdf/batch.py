"""Every unit's report in one run (批量生成单位报告), with progress and cancel — issue 5, DESIGN §4.

A batch runs in worker processes (issue 14 item 5): charts and PDF layout are pure-Python work
that one process cannot spread over the machine's cores. The workers are started with the
*spawn* method (the same on Windows, Linux and in the PyInstaller bundle, whose entry scripts call
``multiprocessing.freeze_support()``); each receives the batch's :class:`EvaluationReportData`
(plain, picklable records — no session, no Qt) once, pickled, and then builds the reports it is
given by unit code. ``workers=1`` builds them one after another in this process (the previous
path, kept for small batches and the benchmark). A worker imports reportlab and registers the
fonts once (its initialiser); only the one that builds the bank-wide report imports matplotlib —
the unit reports draw their charts into the PDF (:mod:`.vector_charts`).
"""

from __future__ import annotations

import concurrent.futures as cf
import logging
import multiprocessing
import os
import pickle
import re
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from qsm_desktop.domain.errors import QsmError
from qsm_desktop.domain.i18n import catalogue, get_language, msg, os_error_text, register, set_language
from qsm_desktop.domain.indicators import UnitScore
from qsm_desktop.reports.evaluation_pdf import unit_report
from qsm_desktop.reports.evaluation_pdf.data import BatchResult, EvaluationReportData, ReportResult

register({
    "report.batch.failed": ("{report}未能生成：{reason}。已生成的报告保留，未完成的没有留下文件。",
                            "The {report} could not be written: {reason}. Reports already written are "
                            "kept; none was left half-written."),
    "report.batch.unit": ("单位 {code} 的报告", "report of unit {code}"),
    "report.batch.period": ("全行报告", "bank-wide report"),
    "report.batch.worker_died": ("生成报告的工作进程意外退出（内存不足或被系统终止）",
                                 "a worker process ended unexpectedly (out of memory, or stopped by the system)"),
})

log = logging.getLogger(__name__)
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')
_MIN_PARALLEL = 40
"""Fewer reports than this are built in this process. A unit report costs ~0.08 s once its charts
are drawn into the PDF, and starting a worker ~1.2 s (importing reportlab and the domain,
registering the fonts; matplotlib too for the bank-wide report): about 15–20 reports. On a quiet
2-core machine the bank's 45 reports took 3.3–3.5 s in two workers against 3.6–4.0 s in this
process (1.19×, BENCHMARKS.md "Report batch", 2026-12-06), so a quarter's batch of the whole bank
uses the workers (issue 14 item 5); a branch's few reports are built here. (Under heavy load from
other programs two workers gained less, and at load 6–12 lost, against one process.)"""


class ReportBatchFailed(QsmError):
    """A report of a batch could not be written (disk full, folder gone, a worker that died): the
    sentence names the report and the reason; the reports written before it are kept."""


def unit_report_filename(period: str, unit: UnitScore) -> str:
    """``2007Q4_110000_交通银行北京市分行.pdf`` (characters Windows forbids replaced by ``_``)."""
    return f"{period}_{unit.code}_{_UNSAFE.sub('_', unit.name).strip('_')}.pdf"


def default_workers(count: int) -> int:
    """How many worker processes a batch of ``count`` reports uses: one per processor core (at
    most 8), and none (``1``: this process) for fewer than 40 reports (:data:`_MIN_PARALLEL`: a
    branch's few reports are built faster here than by starting workers; the bank's 45 use them)."""
    if count < _MIN_PARALLEL:
        return 1
    return max(1, min(os.cpu_count() or 1, 8, count))


# --------------------------------------------------------------------------- the work of one report
# (module-level functions: a spawned worker imports this module and finds them by name)

_worker_data: EvaluationReportData | None = None


def _worker_start(data: bytes, language: str, fixed_layout: bool, vector_charts: bool,
                  english: dict[str, str], messages: dict[str, tuple[str, str]]) -> None:
    """Initialiser of a worker process: unpickle the batch's data once, set the language, the
    English names of the reference data (a spawned worker starts without the catalogue the
    parent loaded from the database, issue 14 item 1), the parent's messages (the services
    registered the texts of the values' origins, which the worker does not import: without them
    an origin printed as its key) and the chart switches of the parent. Its
    fonts are registered here, once, before the first report (matplotlib is imported only by the
    worker that builds the bank-wide report: the unit reports draw their charts themselves)."""
    global _worker_data
    from qsm_desktop.domain.names import set_english_names
    from qsm_desktop.reports.evaluation_pdf.fonts import register_fonts

    _worker_data = pickle.loads(data)
    set_language(language)
    set_english_names(english)
    register(messages)
    if not fixed_layout:  # the benchmark's "today" (matplotlib imported only then, or for the bank-wide report)
        from qsm_desktop.reports import charts

        charts.FIXED_LAYOUT = False
    unit_report.VECTOR_CHARTS = vector_charts
    register_fonts()


def _chart_switches() -> tuple[bool, bool]:
    """This process's ``charts.FIXED_LAYOUT`` and ``unit_report.VECTOR_CHARTS``, for the workers
    (the first read without importing matplotlib when no chart module was loaded: its default)."""
    charts = sys.modules.get("qsm_desktop.reports.charts")
    return (charts.FIXED_LAYOUT if charts is not None else True), unit_report.VECTOR_CHARTS


def _write(data: EvaluationReportData, code: str | None, final: Path, language: str) -> ReportResult:
    """Build one report (a unit's, or the bank-wide one for ``code=None``) into ``final.part``,
    then rename it to ``final``: a report is either whole or absent."""
    partial = final.with_name(final.name + ".part")
    try:
        if code is None:
            from qsm_desktop.reports.evaluation_pdf.period_report import build_period_report  # matplotlib

            result = build_period_report(data, partial, language)
        else:
            result = unit_report.build_unit_report(data, code, partial, language)
        os.replace(partial, final)
    finally:
        if partial.exists():
            partial.unlink()
    return ReportResult(final, result.pages, result.seconds, result.chart_seconds)


def _worker_build(code: str | None, final: str, language: str) -> ReportResult:
    """A worker's task: one report from the data the initialiser loaded. An ``OSError`` travels
    back as a sentence (its reason in the user's language), not as a traceback."""
    assert _worker_data is not None, "worker not initialised"
    try:
        return _write(_worker_data, code, Path(final), language)
    except OSError as exc:
        raise ReportBatchFailed(_failure(code, os_error_text(exc, language=language), language)) from None


def _failure(code: str | None, reason: str, language: str | None = None) -> str:
    report = msg("report.batch.period", language=language) if code is None else \
        msg("report.batch.unit", language=language, code=code)
    return msg("report.batch.failed", language=language, report=report, reason=reason)


# --------------------------------------------------------------------------- the batch


def build_unit_reports(
    data: EvaluationReportData,
    out_dir: str | Path,
    *,
    unit_codes: Sequence[str] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    cancel: threading.Event | Callable[[], bool] | None = None,
    language: str | None = None,
    workers: int | None = None,
    period_report: str | Path | None = None,
) -> BatchResult:
    """Write one report per unit into ``out_dir`` (created if needed) — the batch run (批量生成).

    ``unit_codes``: which units (default: all, branches then departments, in rank order).
    ``period_report``: also write the bank-wide report (全行综合评价通报) to this path, in the same
    run (first, being the longest; it counts as one more step of the progress, reported with the
    code ``""``). ``workers``: processes building reports in parallel (default
    :func:`default_workers`; ``1`` = one after another in this process).
    ``progress(done, total, unit_code)`` is called in the calling thread after each report.
    ``cancel`` (an Event or a callable returning ``True``) is checked before each report and, with
    workers, every 0.1 s: the run stops (running workers are ended), reports already written stay,
    no partial file is left (each report is written to ``*.part`` and renamed).
    Raises :class:`ReportBatchFailed` (a sentence) when a report cannot be written or a worker dies.
    """
    started = time.perf_counter()
    target = Path(out_dir)
    target.mkdir(parents=True, exist_ok=True)
    scores = data.scores
    if unit_codes is None:
        ordered = [u for t in scores.system.unit_types() for u in scores.of_type(t)]
        ordered += [u for u in scores.units if u not in ordered]
        codes = [u.code for u in ordered]
    else:
        codes = list(unit_codes)
    lang = language or get_language()
    is_cancelled = (cancel.is_set if isinstance(cancel, threading.Event) else cancel) or (lambda: False)
    jobs: list[tuple[str | None, Path]] = []
    if period_report is not None:
        jobs.append((None, Path(period_report)))
    jobs += [(code, target / unit_report_filename(scores.period, scores.unit(code))) for code in codes]
    count = workers if workers is not None else default_workers(len(jobs))
    if count <= 1 or len(jobs) <= 1:
        return _serial(data, jobs, lang, progress, is_cancelled, started)
    return _parallel(data, jobs, lang, min(count, len(jobs)), progress, is_cancelled, started)


def _result(results: dict[int, ReportResult], jobs, cancelled: bool, started: float) -> BatchResult:
    period = next((results[i] for i, (code, _f) in enumerate(jobs) if code is None and i in results), None)
    units = tuple(results[i] for i in sorted(results) if jobs[i][0] is not None)
    return BatchResult(units, cancelled, time.perf_counter() - started, period)


def _serial(data, jobs, lang, progress, is_cancelled, started) -> BatchResult:
    results: dict[int, ReportResult] = {}
    for index, (code, final) in enumerate(jobs):
        if is_cancelled():
            return _result(results, jobs, True, started)
        try:
            results[index] = _write(data, code, final, lang)
        except OSError as exc:
            raise ReportBatchFailed(_failure(code, os_error_text(exc, language=lang), lang)) from None
        if progress is not None:
            progress(index + 1, len(jobs), code or "")
    return _result(results, jobs, False, started)


def _parallel(data, jobs, lang, count, progress, is_cancelled, started) -> BatchResult:
    from qsm_desktop.domain.names import english_names

    if is_cancelled():
        return _result({}, jobs, True, started)
    payload = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
    older = set(multiprocessing.active_children())  # children this batch did not start
    pool = cf.ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("spawn"),
                                  initializer=_worker_start,
                                  initargs=(payload, lang, *_chart_switches(), english_names(), catalogue()))
    results: dict[int, ReportResult] = {}
    futures = {pool.submit(_worker_build, code, str(final), lang): i for i, (code, final) in enumerate(jobs)}
    pending = set(futures)
    try:
        while pending:
            done, pending = cf.wait(pending, timeout=0.1, return_when=cf.FIRST_COMPLETED)
            for future in sorted(done, key=futures.__getitem__):
                index = futures[future]
                try:
                    results[index] = future.result()
                except QsmError:
                    raise
                except cf.process.BrokenProcessPool:
                    raise ReportBatchFailed(_failure(jobs[index][0], msg("report.batch.worker_died",
                                                                         language=lang), lang)) from None
                except Exception as exc:  # a bug in a worker: its traceback to the log, a sentence to the user
                    log.error("report %s failed in a worker", jobs[index][0] or "(bank-wide)", exc_info=exc)
                    raise ReportBatchFailed(_failure(jobs[index][0], f"{type(exc).__name__}: {exc}", lang)) from None
                if progress is not None:
                    progress(len(results), len(jobs), jobs[index][0] or "")
            if pending and is_cancelled():
                _stop(pool, jobs, older)
                return _result(results, jobs, True, started)
    except BaseException:
        _stop(pool, jobs, older)
        raise
    pool.shutdown(wait=True)
    return _result(results, jobs, False, started)


def _stop(pool: cf.ProcessPoolExecutor, jobs, older: set = frozenset()) -> None:
    """End the workers now (a report half-built is abandoned) and remove any ``*.part`` they left."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # before shutdown forgets them
    pool.shutdown(wait=False, cancel_futures=True)
    # and any worker the executor started that its table no longer lists
    processes += [p for p in multiprocessing.active_children() if p not in older and p not in processes]
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(5)
        if process.is_alive():  # a worker that ignored the request (busy machine): ended outright
            process.kill()
            process.join()
    for _code, final in jobs:
        partial = final.with_name(final.name + ".part")
        try:
            partial.unlink(missing_ok=True)
        except OSError:  # pragma: no cover - Windows may hold the handle a moment longer
            pass


__all__ = ["ReportBatchFailed", "build_unit_reports", "default_workers", "unit_report_filename"]
