"""Work-arounds for the Qt binding in use (Qt 兼容处理). Imported first by :mod:`qsm_desktop.ui`.

**PySide6 6.12 on Python 3.11 miscounts references to ``None``, ``True`` and ``False``.** Since
Python 3.12 these singletons are immortal (PEP 683) and the binding no longer balances its
increments and decrements of them: a signal ``emit()`` from Python, a slot returning ``None``, a
``QRunnable.run`` override, a model's ``data()`` returning ``None``… each moves their counts by one.
On 3.12+ that is harmless; on 3.11 the count of ``True`` or ``None`` reaches zero after a few
thousand calls and the interpreter aborts (``Fatal Python error: bool_dealloc`` / ``none_dealloc``)
— a window left open for an hour would die. (Reproduced here: 1,000 ``emit()`` calls of a
no-argument signal abort a bare script.)

:func:`immortalise_singletons` gives the three singletons the effect they have on 3.12: a
reference count so high (2**40) that no drift can bring it to zero. They are statically
allocated and never freed, so nothing else changes. On Python ≥ 3.12 it does nothing. The real
fix is a newer Python (or a binding that balances its counts); ``tests/ui/test_qt_compat.py``
shows the abort without this module and its absence with it.
"""

from __future__ import annotations

import ctypes
import sys

_BOOST = 1 << 40
_done = False


def immortalise_singletons() -> bool:
    """Raise the reference counts of None/True/False once (Python < 3.12 only); True when applied."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += _BOOST  # ob_refcnt is the first field
    _done = True
    return True
