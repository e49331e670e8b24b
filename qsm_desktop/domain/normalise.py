"""Normalising values typed into branch returns (分行报表数据规范化), DESIGN.md §3.

Branches fill the templates in Excel or WPS and the values that come back are "messy": full-width
digits (１２３), stray spaces, numbers typed as text, 工号 that lost their leading zeros in a
numeric cell, dates in any of 2007-05-01 / 2007/5/1 / 2007年5月1日 / 2007.5.1 / 20070501 / an
Excel serial number, percentages as 0.97, 97 or "97%". Every parser here takes the raw cell value
as python-calamine returns it (``str``, ``float``, ``int``, ``bool``, ``datetime.date``,
``datetime.datetime``, ``datetime.time``, ``None`` or ``""`` for an empty cell) and either returns
the canonical value or raises :class:`NormaliseError`, whose message (in the current language)
says what is wrong and what to type instead. The caller adds *where* (``sheet!cell``).

Pure functions: no Qt, no SQL.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from qsm_desktop.domain import i18n

__all__ = [
    "FORMULA_STARTS",
    "NormaliseError",
    "check_not_formula",
    "clean_text",
    "fold",
    "is_blank",
    "looks_like_formula",
    "parse_date",
    "parse_identifier",
    "parse_int",
    "parse_number",
    "parse_org_code",
    "parse_percent",
    "parse_period",
    "parse_staff_no",
    "period_end",
    "period_start",
    "period_label",
    "strip_control",
    "EXCEL_EPOCH",
    "MIN_DATE_YEAR",
]

i18n.register(
    {
        "normalise.org_code": (
            "机构代码“{value}”不是6位数字，请填写6位机构代码（如110000）",
            "org code '{value}' is not 6 digits; enter the 6-digit org code (e.g. 110000)",
        ),
        "normalise.staff_no": (
            "工号“{value}”不是7位数字，请填写7位工号（如0012345）",
            "staff number (工号) '{value}' is not 7 digits; enter the 7-digit number (e.g. 0012345)",
        ),
        "normalise.date_format": (
            "“{value}”不是可识别的日期，请按2007-05-01的格式填写",
            "'{value}' is not a date; write it as 2007-05-01",
        ),
        "normalise.date_impossible": (
            "日期“{value}”不存在（{year}年{month}月没有{day}日），请核对后填写真实日期",
            "date '{value}' does not exist ({year}-{month:02d} has no day {day}); check it and enter a real date",
        ),
        "normalise.date_range": (
            "日期“{value}”超出合理范围（1950–2100年），请核对",
            "date '{value}' is outside 1950–2100; check it",
        ),
        "normalise.date_too_early": (
            "日期“{value}”早于1950年，不可能是真实的日期（常因在日期列填了一个小数字）。请按2007-05-01的格式填写真实日期",
            "date '{value}' is before 1950 and cannot be right (often a small number typed into a date column); "
            "enter the real date as 2007-05-01",
        ),
        "normalise.date_serial": (
            "“{value}”是一个数字，不是日期（按Excel的日期序号它是{date}，不可能是真实日期）。请按2007-05-01的格式填写日期",
            "'{value}' is a number, not a date (as an Excel date serial it would be {date}, which cannot be right); "
            "enter the date as 2007-05-01",
        ),
        "normalise.lost_digits": (
            "“{value}”是超过15位的数字，Excel只保留15位有效数字，该数字已丢失末尾数字。"
            "请把该单元格设为文本格式（或在前面加英文单引号'）后重新填写完整号码",
            "'{value}' is a number of more than 15 digits; Excel keeps only 15 significant digits, so its last digits "
            "are lost. Format the cell as text (or start it with an apostrophe ') and type the whole number again",
        ),
        "normalise.number": (
            "“{value}”不是数字，请只填写数字（如12.5）",
            "'{value}' is not a number; enter digits only (e.g. 12.5)",
        ),
        "normalise.integer": (
            "“{value}”不是整数，请填写整数（如12）",
            "'{value}' is not a whole number; enter a whole number (e.g. 12)",
        ),
        "normalise.percent": (
            "“{value}”不是百分数，请填写如97、97%或0.97",
            "'{value}' is not a percentage; write 97, 97% or 0.97",
        ),
        "normalise.period": (
            "报告期“{value}”无法识别，请写成2007Q4、2007年第4季度或2007年度",
            "reporting period '{value}' is not recognised; write 2007Q4, 2007年第4季度 or 2007",
        ),
        "normalise.formula_text": (
            "“{value}”看起来是Excel公式，不是文字。名称等文字栏目不能以=、+、-、@开头接公式，请填写文字本身",
            "'{value}' reads as a spreadsheet formula, not text. Names and other text columns may not start with "
            "=, +, - or @ followed by a formula; enter the text itself",
        ),
        "normalise.text": (
            "“{value}”不是文字内容，请填写文字",
            "'{value}' is not text; enter text",
        ),
    }
)


class NormaliseError(ValueError):
    """A value that cannot be normalised; carries an i18n key and its parameters.

    ``str(error)`` renders the message in the *current* language (``i18n.get_language()``), so the
    same error can be shown to a Chinese and an English user. ``error.key`` / ``error.params`` let
    callers re-render it (e.g. :meth:`message` with an explicit language).
    """

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, language: str | None = None) -> str:
        """The message in ``language`` (default: the current language)."""
        return i18n.msg(self.key, language=language, **self.params)

    def __str__(self) -> str:
        return self.message()


# ---------------------------------------------------------------------------------------------
# folding

#: full-width ASCII block U+FF01–U+FF5E → U+0021–U+007E; ideographic space and other odd spaces
#: → ' '; zero-width characters removed.
_FOLD_TABLE: dict[int, int | None] = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD_TABLE.update({0x3000: 0x20, 0x00A0: 0x20, 0x2007: 0x20, 0x202F: 0x20})
_FOLD_TABLE.update({0x200B: None, 0x200C: None, 0x200D: None, 0x2060: None, 0xFEFF: None})
_FOLD_TABLE.update({0xFFE5: ord("¥"), 0xFFE0: ord("¢"), 0xFFE1: ord("£")})

#: Control characters (other than tab, newline and carriage return, which fold turns into spaces),
#: DEL, the C1 controls, and the two non-characters XML cannot hold: removed on import and export
#: (issue 11 §7 — openpyxl refuses to write them, so one in a stored name broke the register's export).
_CONTROL_TABLE: dict[int, None] = {code: None for code in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F,
                                                           *range(0x80, 0xA0), 0xFFFE, 0xFFFF)}
_FOLD_TABLE.update(_CONTROL_TABLE)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")

#: CJK ideographs and CJK punctuation: a space between two of these is always stray (张 三 → 张三).
_CJK = "\u2e80-\u2fdf\u3001-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_SPACE = re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])")


def fold(text: str) -> str:
    """Fold ``text`` to its canonical written form (全角转半角, 去多余空格).

    Full-width digits, letters and punctuation (``１２３ＡＢＣ：（）``) become half-width, the
    ideographic space and no-break spaces become ordinary spaces, zero-width characters vanish,
    leading/trailing whitespace is stripped, runs of whitespace (including newlines typed with
    Alt+Enter) collapse to one space, and a space between two Chinese characters is dropped
    (``"王 帆"`` → ``"王帆"``), and control characters vanish (issue 11 §7).
    ``fold(fold(x)) == fold(x)`` for every string.
    """
    if text.isascii():
        if " " not in text and text.isprintable():
            return text
        if not text.isprintable():
            text = text.translate(_CONTROL_TABLE)
        return " ".join(text.split())
    return _fold_wide(text) if len(text) <= 64 else _fold_uncached(text)


def _fold_uncached(text: str) -> str:
    text = " ".join(text.translate(_FOLD_TABLE).split())
    if " " in text:
        text = _CJK_SPACE.sub("", text)
    return text


_fold_wide = lru_cache(maxsize=1 << 16)(_fold_uncached)
"""Short non-ASCII texts (unit, post and certificate names …) repeat thousands of times per return."""


def strip_control(text: str) -> str:
    """``text`` without control characters other than tab and newline (文本去控制字符, issue 11 §7):
    C0 controls, DEL, C1 controls, U+FFFE/U+FFFF and lone surrogates are removed; a carriage return
    before a newline goes, a lone one becomes a newline. Text stays text otherwise (no folding)."""
    if text.isprintable() or not _CONTROL.search(text.replace("\r", "")):
        if "\r" not in text:
            return text
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


#: First characters with which Excel (or a CSV reader) takes a typed text for a formula.
FORMULA_STARTS = ("=", "+", "-", "@")
_FORMULA_BODY = re.compile(r"[A-Za-z_][\w.]*\s*\(|[A-Za-z]{1,3}\$?\d+|[|!]|^\s*[=+\-@]")


def looks_like_formula(text: str) -> bool:
    """Whether ``text`` (already folded or not) reads as a spreadsheet formula: it starts with ``=``
    (anything after it), or with ``+``, ``-`` or ``@`` followed by a function call (``SUM(``,
    ``HYPERLINK(``), a cell reference (``A1``), a DDE pipe/sheet bang (``cmd|``, ``!A0``) or another
    sign. ``-5``, ``+86 10 6666 8888`` and ``@营业部`` are not formulas."""
    if text and text[0].isalnum():
        return False  # a letter, digit or ideograph first stays one after folding: no formula sign
    text = fold(text) if text and not text.isascii() else (text or "").strip()
    if len(text) < 2 or text[0] not in FORMULA_STARTS:
        return False
    if text[0] == "=":
        return True
    return _FORMULA_BODY.search(text[1:]) is not None


def check_not_formula(value: object) -> None:
    """Refuse a name or other free text that reads as a formula (issue 11 §7, 文字须为文字): raises
    :class:`NormaliseError` (``normalise.formula_text``) when :func:`looks_like_formula`; anything
    else (numbers, empty cells, ordinary text) passes."""
    if isinstance(value, str) and looks_like_formula(value):
        raise NormaliseError("normalise.formula_text", value=fold(value)[:60])


def is_blank(value: object) -> bool:
    """True for an empty cell: ``None``, ``""`` or text that folds to ``""``."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value or not fold(value)
    return False


def _number_text(value: float | int) -> str:
    """A number as a person would write it: ``12.0`` → ``"12"``, ``0.5`` → ``"0.5"``."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return str(value)


def clean_text(value: object) -> str | None:
    """Cell value → folded text, or ``None`` for an empty cell (文本清洗).

    Numbers become their written form without a spurious ``.0`` (``123.0`` → ``"123"``), dates
    their ISO form; text is :func:`fold`-ed. Never raises.
    """
    if value is None:
        return None
    if isinstance(value, str):
        text = fold(value)
        return text or None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return _number_text(value)
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    text = fold(str(value))
    return text or None


def _display(value: object) -> str:
    """How a raw value is quoted back in a message."""
    text = clean_text(value)
    return "" if text is None else text


# ---------------------------------------------------------------------------------------------
# codes

#: A number this large typed into Excel has lost digits: Excel keeps 15 significant digits.
_LOST_DIGITS = 1e15
_SCIENTIFIC = re.compile(r"[+-]?\d(?:\.\d+)?E\+?\d{1,3}", re.I)


def _lost_digits(value: object) -> NormaliseError | None:
    """The refusal of a number that cannot hold an identifier any more: a number of 16 digits or more
    (Excel replaced the digits after the 15th by zeros), or such a number turned into text the way
    Excel shows it (``1.23457E+17``). ``None`` for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        if value == value and abs(value) >= _LOST_DIGITS:
            return NormaliseError("normalise.lost_digits", value=format(value, ".15G") if isinstance(value, float)
                                  else str(value))
        return None
    if isinstance(value, str) and ("E" in value.upper() or not value.isascii()):
        text = fold(value).replace(" ", "")
        if _SCIENTIFIC.fullmatch(text):
            return NormaliseError("normalise.lost_digits", value=text)
    return None


def _digits_code(value: object, width: int, key: str) -> str:
    if isinstance(value, bool) or value is None:
        raise NormaliseError(key, value=_display(value))
    lost = _lost_digits(value)
    if lost is not None:
        raise lost
    if isinstance(value, float):
        if not value.is_integer() or value < 0:
            raise NormaliseError(key, value=_display(value))
        value = int(value)
    if isinstance(value, int):
        text = str(value)
        if value < 0 or len(text) > width:
            raise NormaliseError(key, value=text)
        return text.zfill(width)
    if not isinstance(value, str):
        raise NormaliseError(key, value=_display(value))
    text = fold(value).replace(" ", "")
    if text.startswith("'"):  # a leading apostrophe forces text in Excel; it is not data
        text = text[1:]
    if text.isdigit() and text.isascii():
        if len(text) == width:
            return text
        raise NormaliseError(key, value=text)
    # a number that went through a text conversion: "12345.0"
    match = re.fullmatch(r"(\d+)\.0*", text)
    if match and len(match.group(1)) <= width:
        return match.group(1).zfill(width)
    raise NormaliseError(key, value=text)


def parse_org_code(value: object) -> str:
    """Cell value → 6-digit org code (机构代码), DESIGN §3.

    ``"110000"``, ``"１１００００"``, ``110000.0`` and ``" 110000 "`` all give ``"110000"``; a
    number that lost its leading zeros is padded (``101.0`` → ``"000101"``). Text with a wrong
    number of digits is *not* padded (a typo, not a lost zero). Raises :class:`NormaliseError`
    (``normalise.org_code``) otherwise, including for an empty cell; ``normalise.lost_digits`` for a
    number of 16 digits or more (issue 11 §6).
    """
    return _digits_code(value, 6, "normalise.org_code")


def parse_identifier(value: object) -> str | None:
    """Cell value → an identifier's text (编号: 证书编号, 投诉编号, 培训项目编号 …), ``None`` when empty.

    Folded, spaces removed, case kept (the kinds compare upper-case). A number becomes its digits
    (``12345.0`` → ``"12345"``). Refused by cell (issue 11 §6) with ``normalise.lost_digits``: a
    number of 16 digits or more — Excel keeps 15 significant digits, so an 18-digit 证书编号 typed
    as a number is stored as ``123456789012345000`` and shown as ``1.23457E+17`` — and that shown
    form as text. Raises :class:`NormaliseError`.
    """
    lost = _lost_digits(value)
    if lost is not None:
        raise lost
    text = clean_text(value)
    return text.replace(" ", "") if text else None


def parse_staff_no(value: object) -> str:
    """Cell value → 7-digit employee number (工号), DESIGN §3.

    ``12345`` in a numeric cell means ``"0012345"`` (Excel dropped the zeros); ``"００１２３４５"``
    folds to ``"0012345"``. Text with a wrong number of digits is refused, not padded. Raises
    :class:`NormaliseError` (``normalise.staff_no``) otherwise, including for an empty cell;
    ``normalise.lost_digits`` for a number of 16 digits or more (issue 11 §6).
    """
    return _digits_code(value, 7, "normalise.staff_no")


# ---------------------------------------------------------------------------------------------
# dates

#: Day 0 of Excel's 1900 date system as Python counts it (serial 1 = 1900-01-01, Excel's
#: phantom 1900-02-29 = serial 60 is why the epoch is 1899-12-30 for serials ≥ 61).
EXCEL_EPOCH = _dt.date(1899, 12, 30)
_MIN_YEAR, _MAX_YEAR = 1900, 2100
_SERIAL_MAX = (_dt.date(_MAX_YEAR, 12, 31) - EXCEL_EPOCH).days
MIN_DATE_YEAR = 1950
"""No date in a return (issue, expiry, training, review dates) is earlier: an earlier one is a typing
slip or a small number read as an Excel date serial (serial 5 = 1900-01-05), refused by cell."""
_SERIAL_MIN = (_dt.date(MIN_DATE_YEAR, 1, 1) - EXCEL_EPOCH).days

_DATE_SEP = re.compile(
    r"(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*(?:日|号)?"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
)
_DATE_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")


def _from_serial(serial: float, shown: str) -> _dt.date:
    if serial != serial or serial > _SERIAL_MAX:  # NaN or out of range
        raise NormaliseError("normalise.date_range", value=shown)
    if serial < _SERIAL_MIN:
        if serial < 1:
            raise NormaliseError("normalise.date_format", value=shown)
        days = int(serial)
        if days < 61:  # Excel believes 1900 was a leap year: serials 1..59 are one day later
            days += 1
        raise NormaliseError("normalise.date_serial", value=shown,
                             date=(EXCEL_EPOCH + _dt.timedelta(days=days)).isoformat())
    return EXCEL_EPOCH + _dt.timedelta(days=int(serial))


def _make_date(year: int, month: int, day: int, shown: str) -> _dt.date:
    if MIN_DATE_YEAR > year >= 1000:
        raise NormaliseError("normalise.date_too_early", value=shown)
    if not MIN_DATE_YEAR <= year <= _MAX_YEAR:
        raise NormaliseError("normalise.date_range", value=shown)
    try:
        return _dt.date(year, month, day)
    except ValueError:
        if not 1 <= month <= 12:
            raise NormaliseError("normalise.date_format", value=shown) from None
        raise NormaliseError(
            "normalise.date_impossible", value=shown, year=year, month=month, day=day
        ) from None


def parse_date(value: object) -> _dt.date:
    """Cell value → ``datetime.date`` (日期), DESIGN §3.

    Accepts a real date or datetime cell (the time is dropped), an Excel serial number
    (``39203`` → 2007-05-01, also as text ``"39203"``), and text in the forms ``2007-05-01``,
    ``2007/5/1``, ``2007年5月1日`` (or ``…号``), ``2007.5.1``, ``20070501`` (also as a number), with
    full-width digits and stray spaces, optionally followed by a time of day. Raises
    :class:`NormaliseError`: ``normalise.date_impossible`` for a day that does not exist
    (``2007-02-30``); ``normalise.date_too_early`` for a date before :data:`MIN_DATE_YEAR` (1950,
    issue 11 §6 — a real date cell of 1900-01-05 included); ``normalise.date_serial`` for a bare
    number that would be such a date as an Excel serial (``5``); ``normalise.date_range`` after 2100;
    ``normalise.date_format`` for anything else unreadable.
    """
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        if value.year < MIN_DATE_YEAR:
            raise NormaliseError("normalise.date_too_early", value=value.isoformat())
        if value.year > _MAX_YEAR:
            raise NormaliseError("normalise.date_range", value=value.isoformat())
        return value
    if isinstance(value, bool) or value is None:
        raise NormaliseError("normalise.date_format", value=_display(value))
    if isinstance(value, (int, float)):
        shown = _number_text(value)
        if isinstance(value, float) and not value.is_integer():
            return _from_serial(value, shown)  # a date-time serial: keep the day
        number = int(value)
        if 10_000_000 <= number <= 99_999_999:  # 20070501 typed into a numeric cell
            text = str(number)
            return _make_date(int(text[:4]), int(text[4:6]), int(text[6:]), shown)
        return _from_serial(number, shown)
    if not isinstance(value, str):
        raise NormaliseError("normalise.date_format", value=_display(value))
    text = fold(value)
    if not text:
        raise NormaliseError("normalise.date_format", value="")
    match = _DATE_SEP.fullmatch(text)
    if match:
        return _make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)), text)
    match = _DATE_COMPACT.fullmatch(text)
    if match:
        return _make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)), text)
    if re.fullmatch(r"\d{1,5}(?:\.\d+)?", text):  # a serial number that became text
        return _from_serial(float(text), text)
    raise NormaliseError("normalise.date_format", value=text)


# ---------------------------------------------------------------------------------------------
# numbers

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def _number_from_text(text: str) -> Decimal | None:
    text = text.replace(" ", "")
    if "," in text and re.fullmatch(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?", text):
        text = text.replace(",", "")  # thousands separators: 1,234.5
    if not _NUMBER.fullmatch(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the regex already guards this
        return None


def parse_number(value: object) -> float:
    """Cell value → ``float`` (数值): numbers as numbers or as text (``"１２.５"``, ``"1,234.5"``).

    Raises :class:`NormaliseError` (``normalise.number``) for empty cells, booleans, dates and
    anything that is not a plain number.
    """
    if isinstance(value, bool) or value is None:
        raise NormaliseError("normalise.number", value=_display(value))
    if isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")):
            raise NormaliseError("normalise.number", value=_display(value))
        return float(value)
    if isinstance(value, str):
        text = fold(value)
        number = _number_from_text(text)
        if number is not None and number.is_finite():
            return float(number)
        raise NormaliseError("normalise.number", value=text)
    raise NormaliseError("normalise.number", value=_display(value))


def parse_int(value: object) -> int:
    """Cell value → ``int`` (整数): ``4``, ``4.0``, ``"４"`` → 4; ``4.5`` is refused.

    Raises :class:`NormaliseError` (``normalise.integer``).
    """
    try:
        number = parse_number(value)
    except NormaliseError:
        raise NormaliseError("normalise.integer", value=_display(value)) from None
    if not number.is_integer():
        raise NormaliseError("normalise.integer", value=_display(value))
    return int(number)


def parse_percent(value: object) -> float:
    """Cell value → percent 0–100 scale (百分数), DESIGN §3.4: 0.97, 97, "97%", "９７％" → 97.0.

    The rule for a value without a ``%`` sign: **a magnitude of at most 1 is a fraction** (Excel
    stores a cell formatted as percent as a fraction, so ``0.97`` shows as 97%) and is multiplied
    by 100; a larger magnitude is already percent. Hence ``1`` means 100% and ``0.5`` means 50%;
    a secretary who means 1% or 0.5% writes ``"1%"`` / ``"0.5%"`` (with the sign the value is
    always taken as written). The result is rounded to 10 decimals so that ``0.9745`` gives exactly
    ``97.45``. Raises :class:`NormaliseError` (``normalise.percent``).
    """
    if isinstance(value, bool) or value is None:
        raise NormaliseError("normalise.percent", value=_display(value))
    if isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")):
            raise NormaliseError("normalise.percent", value=_display(value))
        number = Decimal(repr(float(value)))
        has_sign = False
    elif isinstance(value, str):
        text = fold(value).replace(" ", "")
        has_sign = text.endswith("%")
        parsed = _number_from_text(text[:-1] if has_sign else text)
        if parsed is None or not parsed.is_finite():
            raise NormaliseError("normalise.percent", value=fold(value))
        number = parsed
    else:
        raise NormaliseError("normalise.percent", value=_display(value))
    if not has_sign and abs(number) <= 1:
        number *= 100
    return round(float(number), 10) + 0.0  # + 0.0 turns -0.0 into 0.0


# ---------------------------------------------------------------------------------------------
# periods

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_PERIOD_QUARTER = re.compile(r"(\d{4})(?:年|\s*-\s*|\s*)(?:第)?\s*([1-4一二三四])\s*(?:季度|季)")
_PERIOD_Q = re.compile(r"(\d{4})(?:年|[-/_.])?(?:第)?[Qq]([1-4])")
_PERIOD_YEAR = re.compile(r"(\d{4})\s*(?:年度|年)?")


def parse_period(value: object) -> str:
    """Reporting period (报告期) → canonical ``"2007Q4"`` (quarter) or ``"2007"`` (year).

    Accepts ``2007Q4``, ``2007q4``, ``2007-Q4``, ``2007 Q4``, ``2007年第四季度``, ``2007年第4季度``,
    ``2007年4季度``, ``2007年四季``; for a year ``2007``, ``2007年``, ``2007年度`` or the number
    ``2007``. Full-width characters are folded first. Raises :class:`NormaliseError`
    (``normalise.period``).
    """
    if isinstance(value, bool) or value is None:
        raise NormaliseError("normalise.period", value=_display(value))
    if isinstance(value, (int, float)):
        if float(value).is_integer() and _MIN_YEAR <= int(value) <= _MAX_YEAR:
            return str(int(value))
        raise NormaliseError("normalise.period", value=_display(value))
    if not isinstance(value, str):
        raise NormaliseError("normalise.period", value=_display(value))
    text = fold(value).replace(" ", "")
    for pattern in (_PERIOD_Q, _PERIOD_QUARTER):
        match = pattern.fullmatch(text)
        if match:
            year = int(match.group(1))
            if _MIN_YEAR <= year <= _MAX_YEAR:
                return f"{year}Q{_CN_DIGITS[match.group(2)]}"
    match = _PERIOD_YEAR.fullmatch(text)
    if match and _MIN_YEAR <= int(match.group(1)) <= _MAX_YEAR:
        return match.group(1)
    raise NormaliseError("normalise.period", value=text)


def _split_period(period: str) -> tuple[int, int | None]:
    canonical = parse_period(period)
    if "Q" in canonical:
        year, quarter = canonical.split("Q")
        return int(year), int(quarter)
    return int(canonical), None


def period_end(period: str) -> _dt.date:
    """Last day of a period (报告期末): ``"2007Q4"`` → 2007-12-31, ``"2007Q3"`` → 2007-09-30,
    ``"2007"`` → 2007-12-31. Accepts every form :func:`parse_period` does."""
    year, quarter = _split_period(period)
    if quarter is None or quarter == 4:
        return _dt.date(year, 12, 31)
    return _dt.date(year, quarter * 3 + 1, 1) - _dt.timedelta(days=1)


def period_start(period: str) -> _dt.date:
    """First day of a period: ``"2007Q4"`` → 2007-10-01, ``"2007"`` → 2007-01-01."""
    year, quarter = _split_period(period)
    return _dt.date(year, 1 if quarter is None else quarter * 3 - 2, 1)


def period_label(period: str, language: str | None = None) -> str:
    """A period as people write it: ``"2007年第4季度"`` / ``"2007年度"`` (en: ``"2007 Q4"``)."""
    year, quarter = _split_period(period)
    if (language or i18n.get_language()) == "zh":
        return f"{year}年度" if quarter is None else f"{year}年第{quarter}季度"
    return str(year) if quarter is None else f"{year} Q{quarter}"
