"""The certificate layout (证书版式): page, frame, title, unit, wording, issuer, date, number, QR
code, seal, text-only printing and font — defaults for the office's standard certificate,
loadable from TOML — and the award wording with its placeholders filled (证书措辞).

Positions are millimetres from the page's top-left corner (as measured on paper), sizes points.
Source: DESIGN.md §5 (certificates), issue 4 §5.
"""

from __future__ import annotations

import os
import re
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

from qsm_desktop.domain.chinese import chinese_date
from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.domain.showcase import AwardLevel
from qsm_desktop.reports import qr as _qr
from qsm_desktop.reports.certificate.award import AwardCertificate

MM = 72.0 / 25.4  # points per millimetre

register(
    {
        "certificate.bad_placeholder": (
            "证书措辞模板中的占位符“{{{name}}}”无法识别。可用的占位符：{available}。",
            "The certificate wording uses an unknown placeholder '{{{name}}}'. Available: {available}.",
        ),
        "certificate.bad_wording": (
            "证书措辞模板格式有误：{error}。花括号只用于占位符，如 {{unit}}、{{title}}。",
            "The certificate wording template is malformed: {error}. Braces are for placeholders such as {{unit}}, {{title}}.",
        ),
        "certificate.bad_template": (
            "证书版式文件有误：{error}。",
            "The certificate layout file is invalid: {error}.",
        ),
        "certificate.unknown_key": (
            "证书版式中“{section}”部分没有“{key}”这一项（可用：{available}）。",
            "The certificate layout section '{section}' has no setting '{key}' (available: {available}).",
        ),
        "certificate.bad_value": (
            "证书版式“{section}.{key}”的值“{value}”无效：{expected}。",
            "Certificate layout '{section}.{key}' = '{value}' is invalid: {expected}.",
        ),
    }
)


@dataclass(frozen=True)
class PageSpec:
    """Paper size in millimetres (A4 landscape by default)."""

    width_mm: float = 297.0
    height_mm: float = 210.0


@dataclass(frozen=True)
class BorderSpec:
    """The double frame: a red outer line and a gold inner line with corner ornaments."""

    enabled: bool = True
    outer_inset_mm: float = 9.0
    outer_width_pt: float = 3.2
    outer_color: str = "#A3131B"
    inner_inset_mm: float = 12.5
    inner_width_pt: float = 1.0
    inner_color: str = "#C49A3A"
    corner_mm: float = 9.0


@dataclass(frozen=True)
class TitleSpec:
    """The title, centred; ``y_mm`` is the baseline's distance from the top edge."""

    text: str = "荣誉证书"
    y_mm: float = 48.0
    size_pt: float = 50.0
    color: str = "#B5121B"
    letter_spacing_em: float = 0.6


@dataclass(frozen=True)
class UnitSpec:
    """The unit's name: starts at ``x_mm`` (or is centred on the page with ``align = "center"``),
    fits within ``max_width_mm``; set at ``size_pt`` and shrunk (never below ``min_size_pt``,
    then over more lines) when long. ``suffix`` follows the name (the salutation's colon)."""

    x_mm: float = 38.0
    y_mm: float = 80.0
    max_width_mm: float = 221.0
    size_pt: float = 26.0
    min_size_pt: float = 12.0
    align: str = "left"
    suffix: str = "："
    bold: bool = True
    color: str = "#1A1A1A"


#: Default award wording; placeholders: unit, year, level, level_short, title, number, issuer,
#: date, and any ``params`` of the certificate. A blank line starts a new paragraph.
DEFAULT_WORDING = (
    "在{year}年度示范窗口单位创建活动中，成绩突出，经评审，被授予“{title}”称号。\n"
    "特发此证，以资鼓励。"
)


@dataclass(frozen=True)
class WordingSpec:
    """The award wording: a paragraph block from ``x_mm``/``y_mm`` (first baseline), ``width_mm``
    wide, each paragraph indented ``indent_chars`` characters and justified."""

    text: str = DEFAULT_WORDING
    x_mm: float = 38.0
    y_mm: float = 100.0
    width_mm: float = 221.0
    size_pt: float = 20.0
    line_spacing: float = 1.75
    indent_chars: float = 2.0
    color: str = "#1A1A1A"


@dataclass(frozen=True)
class TextSpec:
    """A single line: baseline ``y_mm`` from the top; ``x_mm`` is the left edge, centre or right
    edge according to ``align``."""

    x_mm: float
    y_mm: float
    size_pt: float
    align: str = "center"
    color: str = "#1A1A1A"


@dataclass(frozen=True)
class NumberSpec(TextSpec):
    """The certificate number line (``label`` + number)."""

    label: str = "证书编号："


@dataclass(frozen=True)
class QrSpec:
    """The QR code: top-left corner at ``x_mm``/``y_mm``, ``size_mm`` square with its quiet zone;
    ``level`` of error correction (L/M/Q/H). The symbol is zxing-cpp's (``reports.qr``), drawn as a
    1-bit image mask, or as vector rectangles when ``vector`` is true (same modules either way)."""

    enabled: bool = True
    x_mm: float = 26.0
    y_mm: float = 150.0
    size_mm: float = 28.0
    level: str = "M"
    vector: bool = False


@dataclass(frozen=True)
class SealSpec:
    """The seal image (PNG with transparency), centred at ``x_mm``/``y_mm``; empty ``image`` = none."""

    image: str = ""
    x_mm: float = 222.0
    y_mm: float = 161.0
    diameter_mm: float = 42.0


@dataclass(frozen=True)
class TextOnlySpec:
    """Text-only printing on pre-printed paper: which parts to print and the calibration offsets
    (millimetres; positive x moves right, positive y moves down)."""

    fields: tuple[str, ...] = ("unit", "wording", "date", "number", "qr")
    offset_x_mm: float = 0.0
    offset_y_mm: float = 0.0


@dataclass(frozen=True)
class FontSpec:
    """The Chinese font: empty ``path`` = the bundled TrueType; a .ttc needs ``subfont_index``."""

    path: str = ""
    subfont_index: int = 0


TEXT_ONLY_FIELDS = ("title", "unit", "wording", "issuer", "date", "number", "qr", "seal")


@dataclass(frozen=True)
class CertificateTemplate:
    """The certificate layout (证书版式). Defaults give the office's standard certificate; load
    edits with :meth:`from_toml` (sections ``[page] [border] [title] [unit] [wording] [issuer]
    [date] [number] [qr] [seal] [text_only] [font]``, keys as the attributes here)."""

    page: PageSpec = PageSpec()
    border: BorderSpec = BorderSpec()
    title: TitleSpec = TitleSpec()
    unit: UnitSpec = UnitSpec()
    wording: WordingSpec = WordingSpec()
    issuer: TextSpec = TextSpec(x_mm=222.0, y_mm=158.0, size_pt=19.0)
    date: TextSpec = TextSpec(x_mm=222.0, y_mm=170.0, size_pt=19.0)
    number: NumberSpec = NumberSpec(x_mm=26.0, y_mm=186.0, size_pt=10.5, align="left", color="#333333")
    qr: QrSpec = QrSpec()
    seal: SealSpec = SealSpec()
    text_only: TextOnlySpec = TextOnlySpec()
    font: FontSpec = FontSpec()

    def __post_init__(self) -> None:
        _check_wording(self.wording.text)
        for spec_name in ("unit", "issuer", "date", "number"):
            align = getattr(self, spec_name).align
            if align not in ("left", "center", "right"):
                raise InputRefused(msg("certificate.bad_value", section=spec_name, key="align", value=align,
                                       expected="left / center / right"))
        unknown = [f for f in self.text_only.fields if f not in TEXT_ONLY_FIELDS]
        if unknown:
            raise InputRefused(msg("certificate.bad_value", section="text_only", key="fields", value=unknown[0],
                                   expected=" / ".join(TEXT_ONLY_FIELDS)))
        if self.qr.level not in _qr.LEVELS:
            raise InputRefused(msg("certificate.bad_value", section="qr", key="level", value=self.qr.level,
                                   expected="L / M / Q / H"))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> CertificateTemplate:
        """Defaults overridden by ``data`` (``{section: {key: value}}``). Unknown sections or keys
        and values of the wrong type are refused (:class:`InputRefused`) so a typo is not ignored."""
        return _merge(cls(), data, "")

    @classmethod
    def from_toml(cls, source: str | os.PathLike[str]) -> CertificateTemplate:
        """Read a layout from a TOML file (a path) or TOML text; relative seal and font paths are
        taken from the file's folder. Raises :class:`InputRefused` when it cannot be read."""
        base: Path | None = None
        try:
            if isinstance(source, os.PathLike):
                base = Path(source).parent
                text = Path(source).read_text(encoding="utf-8")
            else:
                text = source
            data = tomllib.loads(text)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise InputRefused(msg("certificate.bad_template", error=exc)) from None
        template = cls.from_mapping(data)
        if base is not None:
            seal, font = template.seal.image, template.font.path
            if seal and not Path(seal).is_absolute():
                template = replace(template, seal=replace(template.seal, image=str(base / seal)))
            if font and not Path(font).is_absolute():
                template = replace(template, font=replace(template.font, path=str(base / font)))
        return template

    def with_offsets(self, x_mm: float, y_mm: float) -> CertificateTemplate:
        """The same layout with text-only calibration offsets set (millimetres)."""
        return replace(self, text_only=replace(self.text_only, offset_x_mm=x_mm, offset_y_mm=y_mm))


def _merge(obj: Any, data: Mapping[str, Any], section: str) -> Any:
    if not isinstance(data, Mapping):
        raise InputRefused(msg("certificate.bad_value", section=section or "-", key="-", value=data,
                               expected="a table of settings"))
    known = {f.name: f for f in fields(obj)}
    changes: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            raise InputRefused(msg("certificate.unknown_key", section=section or "/", key=key,
                                   available=", ".join(known)))
        current = getattr(obj, key)
        where = f"{section}.{key}" if section else key
        if is_dataclass(current):
            changes[key] = _merge(current, value, where)
            continue
        changes[key] = _coerce(current, value, section or "/", key)
    return replace(obj, **changes)


def _coerce(current: Any, value: Any, section: str, key: str) -> Any:
    def bad(expected: str) -> InputRefused:
        return InputRefused(msg("certificate.bad_value", section=section, key=key, value=value, expected=expected))

    if isinstance(current, bool):
        if not isinstance(value, bool):
            raise bad("true / false")
        return value
    if isinstance(current, int) and not isinstance(current, bool):
        if not isinstance(value, int) or isinstance(value, bool):
            raise bad("a whole number")
        return value
    if isinstance(current, float):
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise bad("a number")
        return float(value)
    if isinstance(current, tuple):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise bad("a list of names")
        return tuple(value)
    if not isinstance(value, str):
        raise bad("text")
    if key.endswith("color") and not re.fullmatch(r"#[0-9A-Fa-f]{6}", value):
        raise bad("a colour like #B5121B")
    return value


_PLACEHOLDERS = ("unit", "year", "level", "level_short", "title", "number", "issuer", "date")


def _check_wording(text: str) -> None:
    try:
        names = [name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None]
    except ValueError as exc:
        raise InputRefused(msg("certificate.bad_wording", error=exc)) from None
    for name in names:
        if not name.isidentifier():
            raise InputRefused(msg("certificate.bad_placeholder", name=name, available=", ".join(_PLACEHOLDERS)))


def wording_text(template: CertificateTemplate, cert: AwardCertificate) -> str:
    """The award wording for ``cert`` with every placeholder filled (证书措辞).

    Raises :class:`InputRefused` naming a placeholder that neither the standard ones
    (unit, year, level, level_short, title, number, issuer, date) nor ``cert.params`` provide.
    """
    values = _values(cert)
    try:
        return template.wording.text.format_map(values)
    except KeyError as exc:
        available = ", ".join(list(_PLACEHOLDERS) + [k for k in cert.params if k not in _PLACEHOLDERS])
        raise InputRefused(msg("certificate.bad_placeholder", name=exc.args[0], available=available)) from None
    except (ValueError, IndexError, AttributeError) as exc:
        raise InputRefused(msg("certificate.bad_wording", error=exc)) from None


def _values(cert: AwardCertificate) -> dict[str, Any]:
    level = cert.level
    try:
        short = AwardLevel(level).short
    except ValueError:
        short = level[:1]
    values: dict[str, Any] = dict(cert.params)
    values.update(unit=cert.unit_name, year=cert.year, level=level, level_short=short, title=cert.title,
                  number=cert.number, issuer=cert.issuing_body, date=chinese_date(cert.issue_date))
    return values
