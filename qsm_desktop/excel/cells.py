"""Cell values for the workbooks the product writes (写出单元格) — issue 11 §7 "text is text".

Templates, pre-filled rosters, form returns and the window's exports carry text people typed (names,
notes, titles). Written naively, openpyxl stores a text starting with ``=`` as a live formula (a name
like ``=HYPERLINK("http://…","…")`` went back to the branches as a link), and refuses to write a
control character at all (one in a stored name made the register's export fail). Every writer passes
its row through :func:`row_values`:

- text loses its control characters (:func:`~qsm_desktop.domain.normalise.strip_control`);
- text starting with ``=``, ``+``, ``-`` or ``@`` becomes a cell of type string (``t="s"``/inline
  string, never ``<f>``) with the *quote prefix* style, so Excel keeps it as text even when the cell is
  edited later;
- everything else is passed as it is (numbers, dates, ``None``), so the writers' fast paths stay fast.

Works for ordinary and write-only worksheets (the cell is created for the sheet it goes to).
"""

from __future__ import annotations

from collections.abc import Iterable

from qsm_desktop.domain.normalise import FORMULA_STARTS, strip_control

__all__ = ["assign", "row_values", "text_value"]


def text_value(sheet, text: str) -> object:
    """``text`` ready for ``sheet.append``: without control characters, and as a string-typed,
    quote-prefixed cell when it starts like a formula (else the plain string)."""
    if not text.isprintable():
        text = strip_control(text)
    if not text.startswith(FORMULA_STARTS):
        return text
    from openpyxl.cell.cell import Cell  # imported when writing: reading and start-up never need it

    cell = Cell(sheet, row=1, column=1)  # placed by append; a position keeps write-only mode's repr() working
    cell._value = text  # noqa: SLF001  (assigning .value would make it a formula)
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


def row_values(sheet, values: Iterable[object]) -> list[object]:
    """The values of one row for ``sheet.append``: text through :func:`text_value`, the rest unchanged."""
    out = list(values)
    for index, value in enumerate(out):
        if type(value) is str and value and (value[0] in "=+-@" or not value.isprintable()):
            out[index] = text_value(sheet, value)
    return out


def assign(cell, value: object) -> None:
    """Set an existing openpyxl ``cell`` to ``value`` the way :func:`row_values` writes it (text stays
    text, no control characters)."""
    if type(value) is str and value and (value[0] in "=+-@" or not value.isprintable()):
        text = strip_control(value) if not value.isprintable() else value
        if text.startswith(FORMULA_STARTS):
            cell._value = text  # noqa: SLF001  (assigning .value would make it a formula)
            cell.data_type = "s"
            cell.quotePrefix = True
            return
        value = text
    cell.value = value
