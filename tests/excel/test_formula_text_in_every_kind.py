"""Text is text in every return kind (issue 11 §7): a free-text table cell or a form value that reads
as a formula is refused at its cell, whichever kind it is in."""

from __future__ import annotations

import openpyxl
import pytest

from qsm_desktop.excel.kinds import all_kinds
from qsm_desktop.excel.reader import read_workbook

FORMULA = '=HYPERLINK("http://example.invalid","点击")'


def _text_column_kinds():
    return [k for k in all_kinds() if any(c.type == "text" for c in k.columns)]


@pytest.mark.parametrize("kind", _text_column_kinds(), ids=lambda k: k.name)
def test_a_formula_in_a_text_column_is_refused_at_its_cell(kind, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = kind.sheet_name
    sheet.append([c.title for c in kind.columns])
    text_column = next(i for i, c in enumerate(kind.columns) if c.type == "text")
    row = ["x"] * len(kind.columns)
    row[text_column] = FORMULA
    for index, value in enumerate(row, start=1):
        cell = sheet.cell(row=2, column=index)
        cell.value = value
        cell.data_type = "s"  # stored as text, as a branch's typed-in "=…" arrives after a quote prefix
    path = tmp_path / f"{kind.name}.xlsx"
    book.save(path)
    table, problems = kind.read(read_workbook(path.read_bytes(), name=path.name))
    letter = openpyxl.utils.get_column_letter(text_column + 1)
    assert any(p.key == "normalise.formula_text" and p.cell == f"{letter}2" for p in problems), problems
