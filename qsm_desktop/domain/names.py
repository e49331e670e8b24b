"""Reference names in the reader's language (参考数据名称的中英文) — issue 14, DESIGN §7.

Reference data the office keeps (grade bands 良好/合格/待改进, indicator and category names, plan
targets, certificate types and levels, posts, checklist editions, modules and norms, complaint
codes) is stored with its Chinese name, which is also its key in returns and JSON, and an English
name (``name_en`` columns, seeded from ``db/seed/*.toml`` and editable beside the Chinese name).

:func:`shown` is the one place that decides which of the two a page, a report or a JSON label
shows. Callers that hold both names pass both; callers that only hold the Chinese name (a grade
stored on a score, a level stored on a certificate) rely on the catalogue of English names that
the services load from the database (:func:`set_english_names_loader`: read on the first English
lookup, so a window in Chinese never reads it — issue 14, first window ≤ 1 s). A name without an
English one is shown in Chinese — never blank.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping

from qsm_desktop.domain.i18n import get_language, set_name_renderer

__all__ = [
    "ACTION_STATUSES_EN", "APPEAL_STATUSES_EN", "APPLICATION_STATUSES_EN", "ORG_TYPES_EN", "ROLES_EN", "TERMS_EN",
    "add_english_names", "english_names", "set_english_names", "set_english_names_loader", "shown", "shown_unit",
    "shown_version", "term",
]

_english: dict[str, str] = {}
_pending: Callable[[], Mapping[str, str]] | None = None  # a loader not run yet (set_english_names_loader)
_loading = threading.RLock()  # pages look names up on reader threads too
_running = False  # the loader is running (a lookup from inside it gets the catalogue as it is)

UNITS_EN: dict[str, str] = {
    "分": "pts", "件": "cases", "个": "", "名": "rank", "分钟": "min", "次": "times", "%": "%", "人": "people",
    "天": "days", "家": "", "台": "",
}
"""Units of measurement (计量单位) as short English words; ``""`` where English writes none (``5个`` → ``5``)."""

ORG_TYPES_EN: dict[str, str] = {
    "总行": "Head office", "总行部门": "Head-office department", "分行": "Branch", "支行": "Sub-branch",
    "网点": "Outlet",
}
"""Org types (机构类型, DESIGN §2) as the window's org tree and the pages' labels name them."""

APPEAL_STATUSES_EN: dict[str, str] = {"待裁决": "undecided", "已支持": "upheld", "已驳回": "rejected"}
"""Appeal statuses (申诉状态, §8.3)."""

ACTION_STATUSES_EN: dict[str, str] = {
    "待整改": "to be corrected", "待验证": "awaiting verification", "已关闭": "closed",
}
"""Action statuses (整改状态, §8.5)."""

APPLICATION_STATUSES_EN: dict[str, str] = {
    "草稿": "draft", "已提交": "submitted", "分行推荐": "recommended by the branch",
    "总行评审中": "under head-office review", "已授予": "awarded", "未通过": "not awarded", "已撤回": "withdrawn",
}
"""Showcase application statuses (申报状态, §5)."""

ROLES_EN: dict[str, str] = {
    "管理员": "administrator", "总行秘书": "head-office secretary", "分行秘书": "branch secretary",
    "评审专家": "reviewer", "查看": "read-only",
}
"""Roles (角色, §6) by their Chinese names, as a sentence names them (``You (li, branch secretary) …``)."""

TERMS_EN: dict[str, str] = {
    **ORG_TYPES_EN, **APPEAL_STATUSES_EN, **ACTION_STATUSES_EN, **APPLICATION_STATUSES_EN, **ROLES_EN,
}
"""The program's own words that are stored in Chinese (org types, statuses, roles): not reference
data the office edits, so they are not in the catalogue's tables; :func:`shown` falls back to them
(and so does every :func:`qsm_desktop.domain.i18n.msg` parameter). :func:`term` shows one of them
alone; the window reads the same tables (``ui/labels.py``, ``MonitoringTerms``)."""

UNITS_EN_ONE: dict[str, str] = {"分": "pt", "件": "case", "次": "time", "人": "person", "天": "day"}
"""The English word of a unit after exactly 1 (``1 case``, not ``1 cases``; issue 14)."""


def set_english_names(pairs: Mapping[str, str] | Iterable[tuple[str, str]]) -> None:
    """Replace the catalogue of English names with ``pairs`` (Chinese name → English name) now.

    Blank English names are ignored. A loader waiting to run (:func:`set_english_names_loader`)
    is dropped. Used by worker processes (handed the parent's catalogue) and tests.
    """
    global _pending
    with _loading:
        _pending = None
        _english.clear()
        _add(pairs)


def set_english_names_loader(loader: Callable[[], Mapping[str, str]]) -> None:
    """Replace the catalogue with what ``loader()`` returns (Chinese name → English name) when it
    is first needed — an English lookup, :func:`english_names`, :func:`add_english_names` — not now.

    Called by the services when a database is opened and after reference data is edited, so the
    window in Chinese paints without reading a catalogue it does not show (issue 14: first window
    ≤ 1 s). ``loader`` runs once, on the thread that first needs the names; it should not raise
    (the services' loader falls back to the shipped names when the database cannot be read).
    """
    global _pending
    with _loading:
        _pending = loader


def _catalogue() -> dict[str, str]:
    """The catalogue, after running a waiting loader (once, under the lock: another thread that
    needs the names meanwhile waits for the whole catalogue rather than see part of it)."""
    global _pending, _running
    if _pending is not None:
        with _loading:
            loader = _pending
            if loader is not None and not _running:  # not already run by the thread this one waited for
                _running = True
                try:
                    pairs = loader()
                finally:
                    _running = False
                if _pending is loader:
                    _english.clear()
                    _add(pairs)
                    _pending = None
    return _english


def _add(pairs: Mapping[str, str] | Iterable[tuple[str, str]]) -> None:
    items = pairs.items() if isinstance(pairs, Mapping) else pairs
    for zh, en in items:
        if zh and en and en.strip():
            _english[zh] = en.strip()


def add_english_names(pairs: Mapping[str, str] | Iterable[tuple[str, str]]) -> None:
    """Add Chinese → English pairs to the catalogue (blank English names ignored; a waiting
    loader runs first, so the pairs are not lost when it does)."""
    _catalogue()
    with _loading:
        _add(pairs)


def english_names() -> dict[str, str]:
    """A copy of the catalogue (for handing to a worker process, which starts without it)."""
    return dict(_catalogue())


def shown(name: str | None, name_en: str | None = None, *, language: str | None = None) -> str:
    """The name to show in ``language`` (``"zh"``/``"en"``; default: the current language).

    Chinese: ``name``. English: ``name_en`` when given and not blank, else the catalogue's English
    for ``name``, else ``name`` itself (a name nobody translated stays readable). ``None`` → ``""``.
    """
    if name is None:
        return ""
    if (language or get_language()) != "en":
        return name
    if name_en and name_en.strip():
        return name_en.strip()
    return _catalogue().get(name) or TERMS_EN.get(name, name)


def term(word: str | None, *, language: str | None = None) -> str:
    """One of the program's own words stored in Chinese (:data:`TERMS_EN`: an org type, a status, a
    role) in ``language`` (default: the current one): as stored in Chinese, its English word in
    English; any other text as it is, ``None`` → ``""``. Unlike :func:`shown`, never looks at the
    reference data's catalogue."""
    if word is None:
        return ""
    if (language or get_language()) != "en":
        return word
    return TERMS_EN.get(word, word)


def shown_version(label: str | None, *, language: str | None = None) -> str:
    """A version label (``2007版``, ``2008版-2``) in ``language``: ``2007 edition``, ``2008 edition-2``;
    a label the catalogue knows gets its English name, any other stays as typed."""
    import re

    if not label:
        return ""
    if (language or get_language()) != "en":
        return label
    english = _catalogue()
    if label in english:
        return english[label]
    return re.sub(r"^(\d{4})\s*版", r"\1 edition", label)


def shown_unit(unit: str | None, *, language: str | None = None, count: float | None = None) -> str:
    """A unit of measurement (``分``, ``件``, ``个``) in ``language``; English may be ``""``. With
    ``count`` exactly 1 the English word is singular (``case``, ``person``: :data:`UNITS_EN_ONE`)."""
    if not unit:
        return ""
    if (language or get_language()) != "en":
        return unit
    if count == 1 and unit in UNITS_EN_ONE:
        return UNITS_EN_ONE[unit]
    return UNITS_EN.get(unit, _catalogue().get(unit, unit))


set_name_renderer(lambda name, language: shown(name, language=language))
