"""Errors the user can act on (可处理的错误).

Every refusal that reaches a person is a :class:`QsmError`: its ``str()`` is a sentence in the
current language saying what is wrong and what to do. The CLI prints it and exits 1; the window
shows it in a message box. Anything that is not a ``QsmError`` is a bug: logged with its traceback,
shown to the user only as "an unexpected error" with copyable details.
"""

from __future__ import annotations


class QsmError(Exception):
    """An expected problem with a user-facing message (already translated)."""

    exit_code = 1


class InputRefused(QsmError):
    """Bad input (a file, a value, an argument): nothing was changed."""


class NotFound(QsmError):
    """A record the user named does not exist (org code, 工号, award number…)."""


class ConflictError(QsmError):
    """Someone else changed the record first (version column); reload and redo the edit (DESIGN §6)."""


class PermissionDenied(QsmError):
    """The acting user's role or org scope does not allow this (DESIGN §6)."""


class SchemaError(QsmError):
    """The database schema is newer than this program, or not yet created/upgraded (DESIGN §6)."""
