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
"""

from __future__ import annotations

import os
from collections.abc import Mapping

LANGUAGES = ("zh", "en")
_catalogue: dict[str, tuple[str, str]] = {}
_language = os.environ.get("QSM_LANG", "zh") if os.environ.get("QSM_LANG") in LANGUAGES else "zh"


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


def msg(key: str, /, *, language: str | None = None, **params: object) -> str:
    """Render message ``key`` with ``params`` in ``language`` (default: the current language).

    An unknown key renders as the key itself followed by its parameters, so a missing entry is
    visible instead of raising in the middle of error reporting.
    """
    texts = _catalogue.get(key)
    if texts is None:
        extra = ", ".join(f"{k}={v}" for k, v in params.items())
        return f"{key}({extra})" if extra else key
    template = texts[0] if (language or _language) == "zh" else texts[1]
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def has(key: str) -> bool:
    """Whether ``key`` is in the catalogue."""
    return key in _catalogue
