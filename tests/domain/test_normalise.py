"""Normalisers of branch-return values (DESIGN §3): examples and hypothesis properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qsm_desktop.domain import i18n
from qsm_desktop.domain.normalise import (
    NormaliseError,
    clean_text,
    fold,
    parse_date,
    parse_int,
    parse_number,
    parse_org_code,
    parse_percent,
    parse_period,
    parse_staff_no,
    period_end,
    period_label,
    period_start,
)

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def full_width(text: str) -> str:
    return text.translate(FULL_WIDTH)


# --------------------------------------------------------------------------- fold / clean_text


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("ＪＴ２００５０００１２１", "JT2005000121"),
        ("  尹娜 ", "尹娜"),
        ("王\u3000帆", "王帆"),
        ("国际业务产品经理 ", "国际业务产品经理"),
        ("交通银行北京市分行（110000）", "交通银行北京市分行(110000)"),
        ("报告期：2007年第4季度", "报告期:2007年第4季度"),
        ("a   b\n c", "a b c"),
        ("证书\n名称", "证书名称"),
        ("\u200b0012345\ufeff", "0012345"),
        ("ABC", "ABC"),
    ],
)
def test_fold_examples(raw, folded):
    assert fold(raw) == folded


@given(st.text())
def test_fold_is_idempotent(text):
    once = fold(text)
    assert fold(once) == once
    assert once == once.strip()
    assert "  " not in once


@given(st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E)))
def test_fold_maps_full_width_ascii_to_half_width(text):
    wide = "".join(chr(ord(c) + 0xFEE0) for c in text)
    assert fold(wide) == fold(text)


def test_clean_text():
    assert clean_text(None) is None
    assert clean_text("") is None
    assert clean_text(" \u3000 ") is None
    assert clean_text(123.0) == "123"
    assert clean_text(12.5) == "12.5"
    assert clean_text(dt.date(2007, 5, 1)) == "2007-05-01"
    assert clean_text("ＡＢ  c") == "AB c"


# --------------------------------------------------------------------------- codes


@pytest.mark.parametrize(
    ("raw", "code"),
    [("110000", "110000"), (110000.0, "110000"), (110000, "110000"), ("１１００００", "110000"),
     (" 110000 ", "110000"), (101.0, "000101"), ("110000.0", "110000"), ("'000101", "000101")],
)
def test_parse_org_code(raw, code):
    assert parse_org_code(raw) == code


@pytest.mark.parametrize("raw", ["11000", "1100000", "11000a", "", None, 1100000.0, 110000.5, -1, True])
def test_parse_org_code_refuses(raw):
    with pytest.raises(NormaliseError) as info:
        parse_org_code(raw)
    assert info.value.key == "normalise.org_code"
    assert "6" in str(info.value)


@given(st.integers(min_value=0, max_value=9_999_999))
def test_staff_number_padding(number):
    expected = f"{number:07d}"
    assert parse_staff_no(number) == expected
    assert parse_staff_no(float(number)) == expected
    assert parse_staff_no(expected) == expected
    assert parse_staff_no(full_width(expected)) == expected
    assert parse_staff_no(f" {expected}\u3000") == expected


@pytest.mark.parametrize("raw", ["12345", "00123456", "", None, "0012 345x", 12345678, 12.5])
def test_parse_staff_no_refuses(raw):
    with pytest.raises(NormaliseError) as info:
        parse_staff_no(raw)
    assert info.value.key == "normalise.staff_no"


def test_messages_follow_the_language():
    error = None
    try:
        parse_staff_no("12x")
    except NormaliseError as exc:
        error = exc
    assert error is not None
    assert "工号" in str(error)
    i18n.set_language("en")
    try:
        assert "staff number" in str(error)
        assert str(error).isascii() or "工号" in str(error)
    finally:
        i18n.set_language("zh")
    assert "工号" in error.message("zh")


# --------------------------------------------------------------------------- dates

DATES = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31))


def _forms(day: dt.date) -> list[object]:
    serial = (day - dt.date(1899, 12, 30)).days
    forms: list[object] = [
        day,
        dt.datetime(day.year, day.month, day.day, 13, 30),
        day.isoformat(),
        f"{day.year}-{day.month}-{day.day}",
        f"{day.year}/{day.month}/{day.day}",
        f"{day.year}/{day.month:02d}/{day.day:02d}",
        f"{day.year}年{day.month}月{day.day}日",
        f"{day.year}年{day.month:02d}月{day.day:02d}日",
        f"{day.year}.{day.month}.{day.day}",
        f"{day:%Y%m%d}",
        int(f"{day:%Y%m%d}"),
        float(serial),
        serial,
        serial + 0.75,
        str(serial),
        f"{day.isoformat()} 00:00:00",
        f" {day.year} 年 {day.month} 月 {day.day} 日 ",
    ]
    forms += [full_width(f) for f in forms if isinstance(f, str)]
    return forms


@settings(max_examples=200)
@given(DATES)
def test_dates_round_trip_in_every_form(day):
    for form in _forms(day):
        assert parse_date(form) == day, form


@pytest.mark.parametrize(
    ("raw", "day"),
    [(39203, dt.date(2007, 5, 1)), (37806.0, dt.date(2003, 7, 4)), ("2007/5/1", dt.date(2007, 5, 1)),
     ("2007年5月1日", dt.date(2007, 5, 1)), ("2007.5.1", dt.date(2007, 5, 1)), ("20070501", dt.date(2007, 5, 1)),
     ("２００７－０５－０１", dt.date(2007, 5, 1)), (18264, dt.date(1950, 1, 1)), ("1950-01-01", dt.date(1950, 1, 1))],
)
def test_parse_date_examples(raw, day):
    assert parse_date(raw) == day


@pytest.mark.parametrize(("raw", "key", "shown"), [
    (1, "normalise.date_serial", "1900-01-01"), (5, "normalise.date_serial", "1900-01-05"),
    (59, "normalise.date_serial", "1900-02-28"), (61.0, "normalise.date_serial", "1900-03-01"),
    ("5", "normalise.date_serial", "1900-01-05"), (18263, "normalise.date_serial", "1949-12-31"),
    (dt.date(1900, 1, 5), "normalise.date_too_early", "1900-01-05"),
    (dt.datetime(1949, 12, 31, 8, 0), "normalise.date_too_early", "1949-12-31"),
    ("1949-12-31", "normalise.date_too_early", "1949-12-31"), ("1900年1月5日", "normalise.date_too_early", "1900年1月5日"),
])
def test_dates_that_cannot_be_right_are_refused(raw, key, shown):
    """Issue 11 §6: a date before 1950, or a bare small number read as an Excel serial, is refused."""
    with pytest.raises(NormaliseError) as info:
        parse_date(raw)
    assert info.value.key == key
    assert shown in info.value.message("zh") and shown in info.value.message("en")


def test_impossible_date_says_so():
    with pytest.raises(NormaliseError) as info:
        parse_date("2007-02-30")
    assert info.value.key == "normalise.date_impossible"
    assert "2007-02-30" in str(info.value)
    assert "30" in str(info.value)


@pytest.mark.parametrize("raw", ["", None, "明天", "2007-13-01", "5/1/2007", True, "2007-05", 99_999_999_999])
def test_parse_date_refuses(raw):
    with pytest.raises(NormaliseError):
        parse_date(raw)


# --------------------------------------------------------------------------- numbers and percent


def test_numbers():
    assert parse_number("１２.５") == 12.5
    assert parse_number(" 1,234.5 ") == 1234.5
    assert parse_number(3) == 3.0
    assert parse_int(4.0) == 4
    assert parse_int("４") == 4
    for bad in ("12a", "", None, True, "1,23"):
        with pytest.raises(NormaliseError):
            parse_number(bad)
    with pytest.raises(NormaliseError) as info:
        parse_int(4.5)
    assert info.value.key == "normalise.integer"


@pytest.mark.parametrize("raw", [0.97, 97, 97.0, "97%", "９７％", "0.97", "97", " 97 % "])
def test_percent_examples(raw):
    assert parse_percent(raw) == 97.0


def test_percent_ambiguity_rule():
    assert parse_percent(1) == 100.0  # a magnitude ≤ 1 without % is a fraction
    assert parse_percent("1%") == 1.0
    assert parse_percent(0.5) == 50.0
    assert parse_percent("0.5%") == 0.5
    assert parse_percent(0) == 0.0
    assert parse_percent(0.9745) == 97.45


@given(st.integers(min_value=101, max_value=10_000))
def test_percent_forms_agree(hundredths):
    percent = hundredths / 100  # 1.01 … 100.00, two decimals
    expected = parse_percent(percent)
    assert expected == pytest.approx(percent, abs=1e-9)
    assert parse_percent(percent / 100) == expected
    assert parse_percent(f"{percent}%") == expected
    assert parse_percent(full_width(f"{percent}") + "％") == expected
    assert parse_percent(str(percent)) == expected


@pytest.mark.parametrize("raw", ["97%%", "abc", "", None, True])
def test_percent_refuses(raw):
    with pytest.raises(NormaliseError) as info:
        parse_percent(raw)
    assert info.value.key == "normalise.percent"


# --------------------------------------------------------------------------- periods


@pytest.mark.parametrize(
    ("raw", "period"),
    [("2007Q4", "2007Q4"), ("2007q4", "2007Q4"), ("2007-Q4", "2007Q4"), ("2007 Q4", "2007Q4"),
     ("2007年第四季度", "2007Q4"), ("2007年第4季度", "2007Q4"), ("2007年4季度", "2007Q4"),
     ("２００７年第３季度", "2007Q3"), ("2007年一季度", "2007Q1"), ("2007", "2007"), ("2007年度", "2007"),
     ("2007年", "2007"), (2007.0, "2007"), (2007, "2007")],
)
def test_parse_period(raw, period):
    assert parse_period(raw) == period


@pytest.mark.parametrize("raw", ["2007Q5", "07Q4", "2007年第五季度", "", None, "Q4"])
def test_parse_period_refuses(raw):
    with pytest.raises(NormaliseError) as info:
        parse_period(raw)
    assert info.value.key == "normalise.period"


def test_period_bounds():
    assert period_end("2007Q4") == dt.date(2007, 12, 31)
    assert period_end("2007Q3") == dt.date(2007, 9, 30)
    assert period_end("2007Q1") == dt.date(2007, 3, 31)
    assert period_end("2008Q2") == dt.date(2008, 6, 30)
    assert period_end("2007") == dt.date(2007, 12, 31)
    assert period_start("2007Q4") == dt.date(2007, 10, 1)
    assert period_start("2007") == dt.date(2007, 1, 1)
    assert period_label("2007Q4", "zh") == "2007年第4季度"
    assert period_label("2007", "zh") == "2007年度"
    assert parse_period(period_label("2007Q2", "zh")) == "2007Q2"


@given(st.integers(min_value=1900, max_value=2100), st.integers(min_value=1, max_value=4))
def test_period_forms_agree(year, quarter):
    canonical = f"{year}Q{quarter}"
    cn = "一二三四"[quarter - 1]
    for form in (canonical, f"{year}-Q{quarter}", f"{year}年第{cn}季度", f"{year}年{quarter}季度",
                 period_label(canonical, "zh"), full_width(f"{year}年第{quarter}季度")):
        assert parse_period(form) == canonical
    assert period_start(canonical) <= period_end(canonical)
    assert (period_end(canonical) + dt.timedelta(days=1)).day == 1


def test_formula_check_skips_only_what_cannot_be_a_formula():
    """A text whose first character is a letter, digit or ideograph is never a formula (the quick
    path); a full-width sign, a leading space or a zero-width character still goes through folding."""
    from qsm_desktop.domain.normalise import looks_like_formula

    for text in ("张三", "A1+B1", "1-2", "Ａ=SUM(A1)", "柜员=1"):
        assert not looks_like_formula(text), text
    for text in ("＝SUM(A1)", " =A1", "\u200b=A1", "\u3000=HYPERLINK(\"x\")", "＋A1", "@SUM(A1)"):
        assert looks_like_formula(text), text
