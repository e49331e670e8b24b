"""Message catalogue for the Qt-free layers (消息目录).

The desktop window translates its own strings with Qt's ``tr()``; messages that come from the
domain, the return engine and the services (problems found in a return, refusals) are looked up
here by key, in the current language, so the same problem reads in Chinese or English wherever it
is shown (CLI, window, report).

Usage::

    from qsm_desktop.domain.i18n import msg, register
    register({"cert.unknown_type": ("证书名称“{name}”无法识别……", "Unknown certificate name '{name}' …")})
    msg("cert.unknown_type", name="X")

Languages: ``"zh"`` (default) and ``"en"``; ``QSM_LANG`` sets the start-up language.

A count's noun follows the count in English: ``"{n} {n:visit|visits}"`` prints ``1 visit`` and
``2 visits`` (the field's format spec ``singular|plural``; issue 14: "1 cases").
"""

from __future__ import annotations

import os
import string
from collections.abc import Mapping

LANGUAGES = ("zh", "en")
_catalogue: dict[str, tuple[str, str]] = {}
_language = os.environ.get("QSM_LANG", "zh") if os.environ.get("QSM_LANG") in LANGUAGES else "zh"


class _Formatter(string.Formatter):
    """``str.format`` plus the ``singular|plural`` spec: ``"{n:visit|visits}"`` → ``visit`` when
    ``n`` is 1 (a number, or a number printed as text: ``"1"``), else ``visits``."""

    def format_field(self, value: object, format_spec: str) -> str:
        if "|" in format_spec:
            one, many = format_spec.split("|", 1)
            return one if _is_one(value) else many
        return super().format_field(value, format_spec)


def _is_one(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return value == 1
    return str(value).replace(",", "").strip() in ("1", "1.0")


_FORMATTER = _Formatter()


def register(entries: Mapping[str, tuple[str, str]]) -> None:
    """Add ``{key: (chinese, english)}`` templates (``str.format`` placeholders) to the catalogue.

    Raises ``ValueError`` when a key is registered twice with different text (two modules
    disagreeing about one message is a bug).
    """
    for key, texts in entries.items():
        if len(texts) != 2:
            raise ValueError(f"message {key!r} needs exactly (zh, en)")
        if key in _catalogue and _catalogue[key] != tuple(texts):
            raise ValueError(f"message {key!r} registered twice with different text")
        _catalogue[key] = (texts[0], texts[1])


def set_language(language: str) -> None:
    """Switch the language of :func:`msg` to ``"zh"`` or ``"en"`` (``ValueError`` otherwise)."""
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; use one of {LANGUAGES}")
    _language = language


def get_language() -> str:
    """The current message language, ``"zh"`` or ``"en"``."""
    return _language


def catalogue() -> dict[str, tuple[str, str]]:
    """A copy of every registered message, ``{key: (chinese, english)}``: for a spawned worker
    process (the report batch), which imports only what it needs and so lacks the messages other
    modules registered — the services' origins of values (:class:`LocalText`) must read the same
    in a report built there (issue 14 item 5). Hand it to :func:`register` in the worker."""
    return dict(_catalogue)


QUOTED_PARAMS = frozenset({"value"})
"""Names of parameters that quote what a person wrote — a cell's text, a typed option — and so are
never shown as a reference name's English (the reader has to find or retype them as they stand);
wrap any other text that must stay as written in :class:`Verbatim`."""


def msg(key: str, /, *, language: str | None = None, **params: object) -> str:
    """Render message ``key`` with ``params`` in ``language`` (default: the current language).

    Parameters are shown in that language as a :class:`LocalText` shows its own
    (:func:`render_params`): a program word or reference name stored in Chinese (a grade 良好, a
    showcase level 总行级, a status 待验证, an org type 网点) by its English name
    (:func:`qsm_desktop.domain.names.shown`, which looks a whole string up and leaves anything it
    does not know — names of people and units, file names, free text — as it is), a
    :class:`LocalText` re-rendered, a list joined with 、 or ", ", a :class:`Verbatim` and the
    parameters named in :data:`QUOTED_PARAMS` as written; numbers as they are.

    An unknown key renders as the key itself followed by its parameters, so a missing entry is
    visible instead of raising in the middle of error reporting.
    """
    texts = _catalogue.get(key)
    if texts is None:
        extra = ", ".join(f"{k}={v}" for k, v in params.items())
        return f"{key}({extra})" if extra else key
    lang = language or _language
    template = texts[0] if lang == "zh" else texts[1]
    try:
        return _FORMATTER.format(template, **render_params(params, lang))
    except (KeyError, IndexError, ValueError):
        return template


def has(key: str) -> bool:
    """Whether ``key`` is in the catalogue."""
    return key in _catalogue


# --------------------------------------------------------------------------------------------
# operating-system errors in the user's language
# --------------------------------------------------------------------------------------------

register({
    "os.not_found": ("文件或文件夹不存在", "the file or folder does not exist"),
    "os.permission": ("没有权限（文件可能是只读的，或正被 Excel 等程序打开）",
                      "permission denied (the file may be read-only, or open in Excel or another program)"),
    "os.in_use": ("文件正被其他程序占用，请关闭后重试", "the file is in use by another program; close it and try again"),
    "os.is_folder": ("这是一个文件夹，不是文件", "this is a folder, not a file"),
    "os.not_folder": ("路径中有一段不是文件夹", "part of the path is not a folder"),
    "os.disk_full": ("磁盘空间不足", "the disk is full"),
    "os.read_only_disk": ("磁盘或共享是只读的", "the disk or share is read-only"),
    "os.name_too_long": ("文件名或路径太长", "the file name or path is too long"),
    "os.other": ("系统错误：{text}", "system error: {text}"),
})

#: errno → message key (POSIX numbers; Windows maps its own codes onto these in ``OSError.errno``)
_OS_ERRORS = {
    "ENOENT": "os.not_found",
    "EACCES": "os.permission",
    "EPERM": "os.permission",
    "EBUSY": "os.in_use",
    "ETXTBSY": "os.in_use",
    "EISDIR": "os.is_folder",
    "ENOTDIR": "os.not_folder",
    "ENOSPC": "os.disk_full",
    "EDQUOT": "os.disk_full",
    "EROFS": "os.read_only_disk",
    "ENAMETOOLONG": "os.name_too_long",
}

#: Windows error codes without a POSIX errno of their own (ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION)
_WINDOWS_ERRORS = {32: "os.in_use", 33: "os.in_use"}


def os_error_text(exc: OSError, *, language: str | None = None) -> str:
    """What went wrong with a file, in the user's language (系统错误说明).

    ``exc``: the ``OSError`` raised by ``open``/``os.replace`` and friends. The common causes —
    missing file, no permission, file in use (Windows sharing violation), folder instead of file,
    disk full, read-only disk, name too long — get a sentence of their own; anything else is
    shown as the system's own text. Never raises.
    """
    import errno as _errno

    key = _WINDOWS_ERRORS.get(getattr(exc, "winerror", None) or -1)
    if key is None and exc.errno is not None:
        key = _OS_ERRORS.get(_errno.errorcode.get(exc.errno, ""))
    if key is not None:
        return msg(key, language=language)
    return msg("os.other", language=language, text=exc.strerror or type(exc).__name__)


# --------------------------------------------------------------------------------------------
# texts kept in both languages (stored origins and sentences, issue 14)
# --------------------------------------------------------------------------------------------

_STORED_MARK = "\u2063msg:"
"""Prefix of a stored :class:`LocalText` (an invisible separator, then ``msg:`` and JSON)."""


class LocalText(str):
    """A catalogue message that can be shown again in the other language (本地化文本).

    It *is* a ``str`` — the message in the language current when it was made — so it travels
    wherever text does (origins of values, sentences about missing returns); :func:`render_text`
    renders it in any language later, and :func:`store_text`/:func:`load_text` keep it in a text
    column. Parameters may be numbers, strings (a Chinese reference name is shown in English
    through :func:`qsm_desktop.domain.names.shown`, once that module is imported), lists of strings (joined with 、 or ", ") and
    other :class:`LocalText`. ``a + b`` of texts gives a :class:`LocalText` of both parts.
    """

    key: str
    params: dict
    parts: tuple

    def __new__(cls, key: str = "", /, *, parts: tuple = (), **params: object) -> LocalText:
        text = str.__new__(cls, _render(key, params, parts, None))
        text.key, text.params, text.parts = key, dict(params), tuple(parts)
        return text

    def render(self, language: str | None = None) -> str:
        """This message in ``language`` (default: the current one)."""
        return _render(self.key, self.params, self.parts, language)

    def __add__(self, other: object) -> LocalText:  # type: ignore[override]
        if not isinstance(other, str):
            return NotImplemented
        return LocalText(parts=(self, other))

    def __radd__(self, other: object) -> LocalText:
        if not isinstance(other, str):
            return NotImplemented
        return LocalText(parts=(other, self))

    def __reduce__(self):  # pickled for worker processes by its parts, not by its rendered text
        return (LocalText.from_json, (self.to_json(),))

    def to_json(self) -> dict:
        """A JSON-ready form (``{"key", "params"}`` or ``{"parts"}``)."""
        if self.parts:
            return {"parts": [p.to_json() if isinstance(p, LocalText) else p for p in self.parts]}
        return {"key": self.key, "params": {k: _param_json(v) for k, v in self.params.items()}}

    @classmethod
    def from_json(cls, data: dict) -> LocalText:
        """The inverse of :meth:`to_json` (``ValueError`` on anything else)."""
        if not isinstance(data, dict):
            raise ValueError("not a stored text")
        if "parts" in data:
            return cls(parts=tuple(_param_load(p) for p in data["parts"]))
        return cls(str(data["key"]), **{k: _param_load(v) for k, v in dict(data.get("params") or {}).items()})


def _param_json(value: object) -> object:
    if isinstance(value, LocalText):
        return {"text": value.to_json()}
    if isinstance(value, (list, tuple)):
        return [_param_json(v) for v in value]
    return value


def _param_load(value: object) -> object:
    if isinstance(value, dict) and "text" in value:
        return LocalText.from_json(value["text"])
    if isinstance(value, dict):
        return LocalText.from_json(value)
    return value


class Verbatim(tuple):
    """Values a message lists as they are written (what a cell accepts: 柜员、大堂经理 …), joined with
    the language's separator (、 or ", ") when rendered, never shown as the reference data's English
    names — the reader has to type them as they stand."""


_name_renderer = None
"""How a string parameter is shown in a language — :func:`qsm_desktop.domain.names.shown`, which
registers itself here when imported (``None``: strings stay as they are)."""


def set_name_renderer(renderer) -> None:
    """Set the function ``(name, language) -> str`` that shows a reference name given as a
    parameter of a :class:`LocalText` in the language rendered (called by :mod:`qsm_desktop.domain.names`)."""
    global _name_renderer
    _name_renderer = renderer


def joined(items, language: str | None = None) -> str:
    """``items`` (strings) as one list in ``language`` (default: the current one): ``甲、乙`` in
    Chinese, ``a, b`` in English — the enumeration comma 、 is Chinese punctuation."""
    return ("、" if (language or _language) == "zh" else ", ").join(str(item) for item in items)


def _render_param(value: object, language: str) -> object:
    if isinstance(value, Verbatim):
        return joined(value, language)
    if isinstance(value, LocalText):
        return value.render(language)
    if isinstance(value, str):
        return _name_renderer(value, language) if _name_renderer is not None else value
    if isinstance(value, (list, tuple)):
        return joined((_render_param(v, language) for v in value), language)
    return value


def render_params(params: Mapping[str, object], language: str | None = None) -> dict[str, object]:
    """``params`` of a message ready for ``language`` (default: the current one), as :func:`msg`
    renders them: a reference name (a checklist module 大堂综合服务, a grade) in that language
    (:func:`qsm_desktop.domain.names.shown`; other text as it is), a :class:`LocalText`
    re-rendered, a list joined with 、 or ", "; numbers, a :class:`Verbatim` and the parameters
    named in :data:`QUOTED_PARAMS` (a cell's own text) as written."""
    lang = language or _language
    return {k: _quoted_param(v, lang) if k in QUOTED_PARAMS else _render_param(v, lang) for k, v in params.items()}


def _quoted_param(value: object, language: str) -> object:
    if isinstance(value, LocalText):
        return value.render(language)
    if isinstance(value, (list, tuple)):
        return joined(value, language)
    return value


def _render(key: str, params: dict, parts: tuple, language: str | None) -> str:
    lang = language or _language
    if parts:
        return "".join(p.render(lang) if isinstance(p, LocalText) else str(p) for p in parts)
    return msg(key, language=lang, **params)  # msg shows the parameters in ``lang``


def local(key: str, /, **params: object) -> LocalText:
    """Message ``key`` as a :class:`LocalText` (the current language's text that can be re-rendered)."""
    return LocalText(key, **params)


def render_text(text: str | None, language: str | None = None) -> str:
    """``text`` in ``language``: a :class:`LocalText` re-rendered, any other string as it is."""
    if text is None:
        return ""
    return text.render(language) if isinstance(text, LocalText) else str(text)


def store_text(text: str | None, limit: int | None = None) -> str | None:
    """The column form of ``text``: a :class:`LocalText` as a marked JSON string (so it can be shown
    in either language when read back), other text unchanged. ``limit``: the column's length — a
    stored form longer than it is kept as the text itself, cut to the limit."""
    import json

    if isinstance(text, LocalText):
        stored = _STORED_MARK + json.dumps(text.to_json(), ensure_ascii=False, separators=(",", ":"))
        return stored if limit is None or len(stored) <= limit else str(text)[:limit]
    return text


def load_text(stored: str | None) -> str | None:
    """The inverse of :func:`store_text`; a damaged stored form falls back to the raw string."""
    import json

    if stored is None or not stored.startswith(_STORED_MARK):
        return stored
    try:
        return LocalText.from_json(json.loads(stored[len(_STORED_MARK):]))
    except (ValueError, KeyError, TypeError):
        return stored
