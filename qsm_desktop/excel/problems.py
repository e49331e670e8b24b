"""Problems found in a return (报表问题): ``sheet!cell`` plus a message in the user's language.

A :class:`Problem` keeps its i18n key and parameters, not rendered text, so the same problem can
be shown in Chinese or English (DESIGN §3: "lists every problem as ``sheet!cell: message`` in the
user's language"). File-level problems (not a workbook, org unknown …) have no sheet and cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from qsm_desktop.domain import i18n

__all__ = ["Problem", "sort_problems"]


@dataclass(frozen=True)
class Problem:
    """One problem: ``sheet`` and ``cell`` (A1 reference) where it is, ``None`` for the whole file;
    ``key``/``params`` of its message (:mod:`qsm_desktop.domain.i18n`)."""

    sheet: str | None
    cell: str | None
    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    def message(self, language: str | None = None) -> str:
        """The message in ``language`` (default: the current language); reference names among the
        parameters (a checklist module, a post) in that language too (:func:`i18n.msg`), except
        ``value`` — the cell's own text, quoted as the reader sees it in the workbook."""
        return i18n.msg(self.key, language=language, **self.params)

    @property
    def where(self) -> str:
        """``"sheet!cell"``, ``"sheet"`` or ``""``."""
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet or ""

    def render(self, language: str | None = None) -> str:
        """``"sheet!cell: message"`` (just the message for a file-level problem)."""
        where = self.where
        return f"{where}: {self.message(language)}" if where else self.message(language)

    def __str__(self) -> str:
        return self.render()


_REF = re.compile(r"([A-Z]+)(\d+)")


def _position(cell: str | None) -> tuple[int, int]:
    if not cell:
        return (-1, -1)
    match = _REF.fullmatch(cell)
    if not match:
        return (-1, -1)
    col = 0
    for ch in match.group(1):
        col = col * 26 + ord(ch) - 64
    return int(match.group(2)), col


def sort_problems(problems: Iterable[Problem], sheet_order: Iterable[str] = ()) -> list[Problem]:
    """File-level problems first, then by sheet (workbook order), row, column — reading order."""
    order = {name: i for i, name in enumerate(sheet_order)}

    def key(problem: Problem):
        if problem.sheet is None:
            return (-1, (-1, -1))
        return (order.get(problem.sheet, len(order)), _position(problem.cell))

    return sorted(problems, key=key)
