"""Identifiers that lost digits are refused by cell (issue 11 §6): Excel keeps 15 significant digits,
so an 18-digit 证书编号 typed as a number is stored as 123456789012345000 (shown 1.23457E+17)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qsm_desktop.domain.normalise import NormaliseError, parse_identifier, parse_org_code, parse_staff_no


@pytest.mark.parametrize("raw", [1.2345678901234568e17, 123456789012345678, 1e15, -1e16, "1.23457E+17", "1.23457e17",
                                 " １.２３４５７Ｅ＋１７ ", "4.4030119800101E+17"])
@pytest.mark.parametrize("parser", [parse_identifier, parse_staff_no, parse_org_code])
def test_numbers_that_lost_digits_are_refused(raw, parser):
    with pytest.raises(NormaliseError) as info:
        parser(raw)
    assert info.value.key == "normalise.lost_digits"
    assert "15" in info.value.message("zh") and "text" in info.value.message("en")


def test_the_number_is_shown_as_excel_shows_it():
    with pytest.raises(NormaliseError) as info:
        parse_identifier(1.2345678901234568e17)
    assert "1.23456789012346E+17" in info.value.message("zh")


@pytest.mark.parametrize(("raw", "text"), [
    ("ZS-2007-0001", "ZS-2007-0001"), (" zs 0001 ", "zs0001"), ("ＺＳ０００１", "ZS0001"), (12345.0, "12345"),
    (999999999999999, "999999999999999"), ("123456789012345678", "123456789012345678"), ("", None), (None, None),
    ("E+5", "E+5"),
])
def test_identifiers_as_text(raw, text):
    assert parse_identifier(raw) == text


@given(st.text(alphabet="0123456789", min_size=16, max_size=20))
def test_long_numbers_typed_as_text_are_kept_whole(digits):
    assert parse_identifier(digits) == digits
