"""Award certificates (荣誉证书) for showcase units, reportlab, no Qt.

A4 landscape: a red and gold double frame, the title 荣誉证书 centred, the unit's name as the
salutation (shrunk to fit when long — never cut, never past the margins), the award wording from
an editable template with placeholders, the issuing body and the date in Chinese numerals
(二〇〇七年十二月) at the right with the seal image over them, the certificate number and a QR code
carrying the number and its check value at the bottom left.

**Text-only mode** prints only the variable parts (by default the unit, wording, date, number and
QR code) for pre-printed certificate paper, shifted by calibration offsets in millimetres.

Layout is a :class:`CertificateTemplate` (positions in millimetres from the page's top-left
corner — as measured on paper —, sizes in points, wording), loadable from TOML. Batches write one
PDF for many awards or one file per award, with a progress callback and a cancel flag. Decoration
shared by every page (frame, title, issuer, date, seal — and the wording once two pages share it)
is drawn once per batch as a PDF form and placed on each page; the QR codes (zxing-cpp, see
:mod:`.qr`) are encoded fifty at a time before their pages. A batch of a thousand stays within
1.3 times the cost of drawing its bare text, under 1 MB (BENCHMARKS.md § Certificates).

Source: DESIGN.md §5 (certificates), issue 4 §5; fonts per NOTES.md (see :mod:`.fonts`).
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import string
import tomllib
import uuid
from collections.abc import Callable, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, is_dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from qsm_desktop.domain.chinese import chinese_date
from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.domain.i18n import msg, os_error_text, register
from qsm_desktop.domain.showcase import AwardLevel, qr_payload
from qsm_desktop.reports import qr as _qr
from qsm_desktop.reports.fonts import FontRefused, FontSet, pdf_fonts

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
        "certificate.seal_unreadable": (
            "印章图片“{path}”无法读取：{error}。请选择带透明背景的 PNG 图片。",
            "The seal image '{path}' cannot be read: {error}. Choose a PNG with a transparent background.",
        ),
        "certificate.none": (
            "没有要打印的证书。",
            "There are no certificates to print.",
        ),
        "certificate.glyphs": (
            "证书“{number}”（{unit}）中有字体“{font}”缺少的字：{chars}。打印出来会是方框：请换用包含这些字的字体（如宋体、微软雅黑）。",
            "Certificate '{number}' ({unit}) has characters font '{font}' lacks: {chars}. They would print as boxes: choose a font that has them (e.g. SimSun, Microsoft YaHei).",
        ),
        "certificate.write_failed": (
            "无法写入“{path}”：{error}。请检查文件夹是否存在、文件是否正被其他程序打开。",
            "Cannot write '{path}': {error}. Check that the folder exists and the file is not open in another program.",
        ),
    }
)


# --------------------------------------------------------------------------------------------
# input
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AwardCertificate:
    """One certificate to print (荣誉证书).

    ``number``: the certificate number (证书编号); ``check``: its check value for the QR code
    (``domain.showcase.certificate_check``; empty → the QR code carries the number alone);
    ``unit_name``: the awarded unit (申报单位); ``year``: the award year; ``level``: 分行级 /
    总行级 / 全国级; ``title``: the official award title (称号); ``issue_date``: the certificate's
    date (``datetime.date``, printed 二〇〇七年十二月); ``issuing_body``: 发证单位; ``params``: extra
    wording placeholders.
    """

    number: str
    unit_name: str
    year: int
    level: str
    title: str
    issue_date: _dt.date
    issuing_body: str
    check: str = ""
    params: Mapping[str, str] = field(default_factory=dict)


# --------------------------------------------------------------------------------------------
# layout template
# --------------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------
# layout (pure: what goes where; tests check it, the drawing follows it)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlacedText:
    """One line as laid out: ``part`` (title, unit, wording, issuer, date, number), the text, the
    baseline's left end (points from the bottom-left corner), size, width (points) and the extra
    character spacing used to justify or letter-space it."""

    part: str
    text: str
    x: float
    y: float
    size: float
    width: float
    char_space: float = 0.0
    color: str = "#000000"
    bold: bool = False
    #: (font, run, offset from ``x`` in points): the Chinese font and its Latin fallback
    runs: tuple[tuple[str, str, float], ...] = ()


_NO_LINE_START = set("，。、；：！？）》」』】〕”’…—%,.;:!?)]}")
_NO_LINE_END = set("（《「『【〔“‘([{")
_TOKENS = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-/%]*|.", re.S)


@lru_cache(maxsize=4096)
def _width(fonts: FontSet, text: str, size: float) -> float:
    return _line(fonts, text, size, 0.0)[1]


@lru_cache(maxsize=4096)
def _line(fonts: FontSet, text: str, size: float, char_space: float) -> tuple[tuple[tuple[str, str, float], ...], float]:
    """A line's runs with their offsets, and its width (points), with ``char_space`` after every
    character but the last (cached: a batch repeats most lines)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    runs: list[tuple[str, str, float]] = []
    x = 0.0
    for font, run in fonts.runs(text):
        if font == fonts.latin and _QUOTES.search(run) and not text.isascii():
            # Chinese text quotes with “ ” ‘ ’, which the bundled Chinese font lacks: the Latin
            # glyph sits in a full-width cell as a Chinese font sets it — an opening quote at
            # the cell's right edge, a closing one at its left — instead of cramping the text
            for piece in _QUOTES.split(run):
                if not piece:
                    continue
                if piece in _OPENING:
                    runs.append((font, piece, x + size - stringWidth(piece, font, size)))
                    x += size + char_space
                elif piece in _CLOSING:
                    runs.append((font, piece, x))
                    x += size + char_space
                else:
                    runs.append((font, piece, x))
                    x += stringWidth(piece, font, size) + char_space * len(piece)
            continue
        runs.append((font, run, x))
        x += stringWidth(run, font, size) + char_space * len(run)
    return tuple(runs), (x - char_space if text else 0.0)


_OPENING, _CLOSING = "“‘", "”’"
_QUOTES = re.compile("([“”‘’])")


def _placed(part: str, text: str, x: float, y: float, size: float, fonts: FontSet, color: str,
            char_space: float = 0.0, bold: bool = False) -> PlacedText:
    runs, width = _line(fonts, text, size, char_space)
    return PlacedText(part, text, x, y, size, width, char_space, color, bold, runs)


@lru_cache(maxsize=256)
def _wrap(text: str, fonts: FontSet, size: float, width: float, indent: float) -> tuple[tuple[str, float], ...]:
    """Break one paragraph into lines of at most ``width`` points (the first ``indent`` narrower):
    Chinese breaks between characters, Latin words and numbers stay whole, closing punctuation
    never starts a line (it hangs) and opening punctuation never ends one. Returns (line, width)."""
    lines: list[tuple[str, float]] = []
    current: list[str] = []
    current_width = 0.0
    limit = width - indent
    for token in _TOKENS.findall(text):
        token_width = _width(fonts, token, size)
        if current and current_width + token_width > limit and token not in _NO_LINE_START:
            carried: list[str] = []
            while current and current[-1] in _NO_LINE_END:
                carried.insert(0, current.pop())
            line = "".join(current)
            lines.append((line, _width(fonts, line, size)))
            current = carried
            current_width = sum(_width(fonts, t, size) for t in carried)
            limit = width
        current.append(token)
        current_width += token_width
    if current:
        line = "".join(current)
        lines.append((line, _width(fonts, line, size)))
    return tuple(lines)


def _fit_unit(name: str, fonts: FontSet, spec: UnitSpec) -> tuple[float, list[tuple[str, float]]]:
    """Size and lines for the unit name: one line at ``size_pt``, shrunk to fit down to
    ``min_size_pt``; a longer name goes onto two or more lines at the largest size (not below
    ``min_size_pt``) at which every line fits. Never cut."""
    max_width = spec.max_width_mm * MM
    text = name + spec.suffix
    natural = _width(fonts, text, spec.size_pt)
    if natural <= max_width:
        return spec.size_pt, [(text, natural)]
    size = _floor_half(spec.size_pt * max_width / natural)
    if size >= spec.min_size_pt:
        return size, [(text, _width(fonts, text, size))]
    for line_count in range(2, 7):
        size = min(spec.size_pt, _floor_half(spec.size_pt * max_width * line_count / natural))
        while size >= spec.min_size_pt:
            lines = list(_wrap(text, fonts, size, max_width, 0.0))
            if len(lines) <= line_count and all(w <= max_width for _t, w in lines):
                return size, lines
            size -= 0.5
    return spec.min_size_pt, list(_wrap(text, fonts, spec.min_size_pt, max_width, 0.0))


def _floor_half(size: float) -> float:
    return max(int(size * 2) / 2.0, 1.0)


def layout(cert: AwardCertificate, template: CertificateTemplate, fonts: FontSet) -> list[PlacedText]:
    """Where every line of ``cert`` goes on the page (版面计算), in points from the bottom-left
    corner, before any text-only offset. Raises :class:`InputRefused` for a wording placeholder
    that has no value."""
    return _Layouter(template, fonts).layout(cert)


class _Layouter:
    """Lays out certificates of one batch; lines that repeat across the batch (title, wording,
    issuer, date) are laid out once."""

    def __init__(self, template: CertificateTemplate, fonts: FontSet):
        self.template = template
        self.fonts = fonts
        self.page_h = template.page.height_mm * MM
        self.page_w = template.page.width_mm * MM
        t = template.title
        spacing = t.letter_spacing_em * t.size_pt
        title_w = _width(fonts, t.text, t.size_pt) + spacing * max(len(t.text) - 1, 0)
        self.title = _placed("title", t.text, (self.page_w - title_w) / 2, self.top(t.y_mm), t.size_pt, fonts,
                             t.color, spacing)
        self._wording: dict[tuple[str, float], tuple[PlacedText, ...]] = {}
        self._lines: dict[tuple[str, str], PlacedText] = {}

    def top(self, y_mm: float) -> float:
        """Points from the bottom edge for a distance in millimetres from the top edge."""
        return self.page_h - y_mm * MM

    def layout(self, cert: AwardCertificate) -> list[PlacedText]:
        template, fonts = self.template, self.fonts
        placed: list[PlacedText] = [self.title]
        u = template.unit
        size, lines = _fit_unit(cert.unit_name, fonts, u)
        y = self.top(u.y_mm)
        for text, width in lines:
            if u.align == "center":
                x = (self.page_w - width) / 2
            elif u.align == "right":
                x = u.x_mm * MM + u.max_width_mm * MM - width
            else:
                x = u.x_mm * MM
            placed.append(_placed("unit", text, x, y, size, fonts, u.color, bold=u.bold))
            y -= size * 1.3
        shift = max(0.0, (len(lines) - 1) * size * 1.3)
        placed += self.wording(wording_text(template, cert), shift)
        placed.append(self.line("issuer", template.issuer, cert.issuing_body))
        placed.append(self.line("date", template.date, chinese_date(cert.issue_date)))
        placed.append(self.line("number", template.number, template.number.label + cert.number, keep=False))
        return placed

    def wording(self, wording: str, shift: float) -> tuple[PlacedText, ...]:
        """The wording's lines: each paragraph indented, wrapped, and justified but for its last
        line; ``shift`` moves the block down (points) when the unit's name took more lines."""
        key = (wording, shift)
        if key in self._wording:
            return self._wording[key]
        w = self.template.wording
        y = self.top(w.y_mm) - shift
        width = w.width_mm * MM
        indent = w.indent_chars * w.size_pt
        items: list[PlacedText] = []
        for paragraph in wording.split("\n"):
            wrapped = _wrap(paragraph.strip(), self.fonts, w.size_pt, width, indent) if paragraph.strip() else ()
            for i, (text, text_w) in enumerate(wrapped):
                x = w.x_mm * MM + (indent if i == 0 else 0.0)
                available = width - (indent if i == 0 else 0.0)
                char_space = 0.0
                if i < len(wrapped) - 1 and len(text) > 1 and text_w < available:
                    char_space = (available - text_w) / (len(text) - 1)
                items.append(_placed("wording", text, x, y, w.size_pt, self.fonts, w.color, char_space))
                y -= w.size_pt * w.line_spacing
        if len(self._wording) < 256:
            self._wording[key] = tuple(items)
        return tuple(items)

    def line(self, part: str, spec: TextSpec, text: str, keep: bool = True) -> PlacedText:
        """A single line placed per ``spec`` (left, centre or right at ``x_mm``)."""
        key = (part, text)
        if key in self._lines:
            return self._lines[key]
        text_w = _width(self.fonts, text, spec.size_pt)
        x = spec.x_mm * MM - {"left": 0.0, "center": text_w / 2, "right": text_w}[spec.align]
        item = _placed(part, text, x, self.top(spec.y_mm), spec.size_pt, self.fonts, spec.color)
        if keep and len(self._lines) < 1024:
            self._lines[key] = item
        return item


# --------------------------------------------------------------------------------------------
# drawing
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchResult:
    """What a batch produced: the files written, the pages, and whether it was cancelled (then a
    single PDF is not written at all; with one file per award the finished files stay)."""

    files: tuple[Path, ...]
    pages: int
    cancelled: bool = False


def _is_cancelled(cancel: Any) -> bool:
    if cancel is None:
        return False
    if hasattr(cancel, "is_set"):
        return bool(cancel.is_set())
    return bool(cancel())


@lru_cache(maxsize=64)
def _color_operator(hex_color: str, operator: str) -> str:
    """``"r g b rg"`` (fill) or ``"r g b RG"`` (stroke) for ``#RRGGBB``, written once per colour."""
    r, g, b = (int(hex_color[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return f"{r:.4g} {g:.4g} {b:.4g} {operator}"


@lru_cache(maxsize=64)
def _color(hex_color: str):
    from reportlab.lib.colors import HexColor

    return HexColor(hex_color)


def _draw_text(canvas, item: PlacedText, dx: float = 0.0, dy: float = 0.0, state: dict | None = None) -> None:
    """Draw one placed line. ``state`` remembers the page's fill and stroke settings
    so repeated ones are not set again (``None``: set them every time)."""
    state = {} if state is None else state
    if state.get("fill") != item.color:
        canvas.addLiteral(_color_operator(item.color, "rg"))  # as setFillColor writes it
        state["fill"] = item.color
    mode = None
    if item.bold:  # fill and stroke (render mode 2): a firmer stroke for fonts without a bold face
        stroke = (item.color, round(item.size * 0.035, 3))
        if state.get("stroke") != stroke:
            canvas.addLiteral(f"{_color_operator(item.color, 'RG')} {stroke[1]} w")
            state["stroke"] = stroke
        mode = 2
    # one text object (BT … ET) for the line's runs, not one per run with a font switch around it
    x, y = item.x + dx, item.y + dy
    spaced_title = item.part == "title" and item.char_space > 0
    if spaced_title:
        # Letter-spacing makes text extraction read "荣 誉 证 书": the PDF's ActualText says what
        # the spaced glyphs are, so search, copy and pdftotext find "荣誉证书" (once)
        canvas.addLiteral(f"/Span <</ActualText <FEFF{item.text.encode('utf-16-be').hex().upper()}>>> BDC")
    text = canvas.beginText()
    if mode:
        text.setTextRenderMode(mode)
    if item.char_space:
        text.setCharSpace(item.char_space)
    for font, run, offset in item.runs:
        text.setFont(font, item.size)
        text.setTextOrigin(x + offset, y)
        text.textOut(run)
    # render mode and character spacing are graphics state in PDF and outlive the text object
    if mode:
        text.setTextRenderMode(0)
    if item.char_space:
        text.setCharSpace(0)
    canvas.drawText(text)
    if spaced_title:
        canvas.addLiteral("EMC")


def _draw_border(canvas, template: CertificateTemplate) -> None:
    b = template.border
    w = template.page.width_mm * MM
    h = template.page.height_mm * MM
    outer = b.outer_inset_mm * MM
    inner = b.inner_inset_mm * MM
    canvas.saveState()
    canvas.setStrokeColor(_color(b.outer_color))
    canvas.setLineWidth(b.outer_width_pt)
    canvas.rect(outer, outer, w - 2 * outer, h - 2 * outer, stroke=1, fill=0)
    canvas.setLineWidth(b.outer_width_pt * 0.25)
    gap = b.outer_width_pt * 1.2
    canvas.rect(outer + gap, outer + gap, w - 2 * (outer + gap), h - 2 * (outer + gap), stroke=1, fill=0)
    gold = _color(b.inner_color)
    canvas.setStrokeColor(gold)
    canvas.setLineWidth(b.inner_width_pt)
    c = b.corner_mm * MM
    # inner frame with its corners cut in, and a square ornament in each corner (回纹)
    p = canvas.beginPath()
    x0, y0, x1, y1 = inner, inner, w - inner, h - inner
    p.moveTo(x0 + c, y0)
    p.lineTo(x1 - c, y0)
    p.lineTo(x1 - c, y0 + c * 0.35)
    p.lineTo(x1 - c * 0.35, y0 + c * 0.35)
    p.lineTo(x1 - c * 0.35, y0 + c)
    p.lineTo(x1, y0 + c)
    p.lineTo(x1, y1 - c)
    p.lineTo(x1 - c * 0.35, y1 - c)
    p.lineTo(x1 - c * 0.35, y1 - c * 0.35)
    p.lineTo(x1 - c, y1 - c * 0.35)
    p.lineTo(x1 - c, y1)
    p.lineTo(x0 + c, y1)
    p.lineTo(x0 + c, y1 - c * 0.35)
    p.lineTo(x0 + c * 0.35, y1 - c * 0.35)
    p.lineTo(x0 + c * 0.35, y1 - c)
    p.lineTo(x0, y1 - c)
    p.lineTo(x0, y0 + c)
    p.lineTo(x0 + c * 0.35, y0 + c)
    p.lineTo(x0 + c * 0.35, y0 + c * 0.35)
    p.lineTo(x0 + c, y0 + c * 0.35)
    p.close()
    canvas.drawPath(p, stroke=1, fill=0)
    canvas.setFillColor(gold)
    s = c * 0.42
    for cx, cy in ((x0 + c * 0.05, y0 + c * 0.05), (x1 - c * 0.05 - s, y0 + c * 0.05),
                   (x0 + c * 0.05, y1 - c * 0.05 - s), (x1 - c * 0.05 - s, y1 - c * 0.05 - s)):
        canvas.rect(cx, cy, s, s, stroke=0, fill=1)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.rect(cx + s * 0.25, cy + s * 0.25, s * 0.5, s * 0.5, stroke=0, fill=1)
        canvas.setFillColor(gold)
        canvas.rect(cx + s * 0.4, cy + s * 0.4, s * 0.2, s * 0.2, stroke=0, fill=1)
    # a thin gold rule under the title
    rule_y = h - (template.title.y_mm + 7.0) * MM
    canvas.setLineWidth(0.6)
    canvas.line(w / 2 - 46 * MM, rule_y, w / 2 + 46 * MM, rule_y)
    canvas.setFillColor(gold)
    d = 1.4 * MM
    diamond = canvas.beginPath()
    diamond.moveTo(w / 2, rule_y + d)
    diamond.lineTo(w / 2 + d, rule_y)
    diamond.lineTo(w / 2, rule_y - d)
    diamond.lineTo(w / 2 - d, rule_y)
    diamond.close()
    canvas.drawPath(diamond, stroke=0, fill=1)
    canvas.restoreState()


def _draw_seal(canvas, template: CertificateTemplate, dx: float = 0.0, dy: float = 0.0) -> None:
    s = template.seal
    if not s.image:
        return
    d = s.diameter_mm * MM
    cx = s.x_mm * MM + dx
    cy = template.page.height_mm * MM - s.y_mm * MM + dy
    canvas.drawImage(s.image, cx - d / 2, cy - d / 2, d, d, mask="auto", preserveAspectRatio=True, anchor="c")


def _check_seal(template: CertificateTemplate, text_only: bool) -> None:
    if not template.seal.image or (text_only and "seal" not in template.text_only.fields):
        return
    try:
        from reportlab.lib.utils import ImageReader

        ImageReader(template.seal.image).getSize()
    except Exception as exc:  # noqa: BLE001 - any reason the image cannot be read is the user's to fix
        raise InputRefused(msg("certificate.seal_unreadable", path=template.seal.image, error=exc)) from None


_STATIC = frozenset({"title", "issuer", "date"})
#: parts that are often the same on every page of a batch (the wording, unless it names the unit)
_REPEATED = frozenset({"wording"})


class _Renderer:
    """Draws certificates onto one canvas, keeping what pages share as PDF forms (XObjects).

    The frame, title, issuer, date and seal are drawn once per batch as a form each page uses.
    The wording joins that form once a second page has exactly the same wording lines at the same
    places (the usual batch: one cycle, one wording); a wording seen once is drawn on its page.
    """

    #: forms kept per batch; beyond this, pages draw everything themselves
    MAX_FORMS = 64

    def __init__(self, canvas, template: CertificateTemplate, fonts: FontSet, text_only: bool):
        self.canvas = canvas
        self.template = template
        self.fonts = fonts
        self.text_only = text_only
        self.layouter = _Layouter(template, fonts)
        self.forms: dict[tuple, str] = {}
        self.seen: set[tuple] = set()
        if text_only:
            self.dx = template.text_only.offset_x_mm * MM
            self.dy = -template.text_only.offset_y_mm * MM
            self.parts = set(template.text_only.fields)
        else:
            self.dx = self.dy = 0.0
            self.parts = set(TEXT_ONLY_FIELDS)

    def _form(self, items: tuple[PlacedText, ...]) -> tuple[str | None, frozenset[str]]:
        """The form this page uses and the parts it holds (``None``, nothing: draw everything)."""
        static = tuple((i.part, i.text) for i in items if i.part in _STATIC)
        repeated = tuple((i.part, i.text, i.x, i.y, i.char_space) for i in items if i.part in _REPEATED)
        parts, key = _STATIC, (static, ())
        if repeated:
            if (static, repeated) in self.forms or (static, repeated) in self.seen:
                parts, key = _STATIC | _REPEATED, (static, repeated)
            elif len(self.seen) < 4096:
                self.seen.add((static, repeated))
        name = self.forms.get(key)
        if name is None:
            if len(self.forms) >= self.MAX_FORMS:
                return None, frozenset()
            name = f"certificate{len(self.forms) + 1}"
            c = self.canvas
            c.beginForm(name)
            if self.template.border.enabled:
                _draw_border(c, self.template)
            state: dict = {}
            for item in items:
                if item.part in parts:
                    _draw_text(c, item, state=state)
            _draw_seal(c, self.template)
            c.endForm()
            self.forms[key] = name
        return name, parts

    def page(self, cert: AwardCertificate, symbol: _qr.QrSymbol | None = None) -> None:
        """Draw ``cert`` on a new page, with its QR code when this batch prints one (``symbol``:
        the code already encoded, else it is encoded here)."""
        c = self.canvas
        items = self.layouter.layout(cert)
        form, shared = self._form(items) if not self.text_only else (None, frozenset())
        if form is not None:
            c.doForm(form)
        elif not self.text_only and self.template.border.enabled:
            _draw_border(c, self.template)
        state: dict = {}
        for item in items:
            if item.part in shared or item.part not in self.parts:
                continue
            _draw_text(c, item, self.dx, self.dy, state)
        if (form is None and not self.text_only) or (self.text_only and "seal" in self.parts):
            _draw_seal(c, self.template, self.dx, self.dy)
        if self.prints_qr:
            q = self.template.qr
            size = q.size_mm * MM
            y = self.template.page.height_mm * MM - q.y_mm * MM - size
            if symbol is None:
                symbol = _qr.encode(qr_text(cert), q.level)
            _qr.draw_symbol(c, symbol, q.x_mm * MM + self.dx, y + self.dy, size, vector=q.vector)
        c.showPage()

    @property
    def prints_qr(self) -> bool:
        """Whether this batch's pages carry a QR code."""
        return self.template.qr.enabled and "qr" in self.parts


def _fonts_for(template: CertificateTemplate) -> FontSet:
    return pdf_fonts(template.font.path or None, template.font.subfont_index)


def _check_glyphs(certs: Sequence[AwardCertificate], template: CertificateTemplate, fonts: FontSet) -> None:
    checked: set[str] = set()
    problems: list[str] = []
    fixed = template.title.text + template.number.label + template.unit.suffix
    for cert in certs:
        texts = (cert.unit_name, cert.number, cert.issuing_body, wording_text(template, cert), fixed)
        chars = "".join(fonts.missing(t) for t in texts if t not in checked)
        checked.update(t for t in texts if len(checked) < 10_000)
        if chars:
            chars = "".join(dict.fromkeys(chars))
            problems.append(msg("certificate.glyphs", number=cert.number, unit=cert.unit_name, font=fonts.cjk,
                                chars=chars))
            if len(problems) >= 5:
                break
    if problems:
        raise FontRefused("\n".join(problems))


def _new_canvas(target: str | BinaryIO, template: CertificateTemplate, fonts: FontSet, title: str):
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(
        target,
        pagesize=(template.page.width_mm * MM, template.page.height_mm * MM),
        initialFontName=fonts.cjk,
        initialFontSize=12,
    )
    canvas.setTitle(title)
    canvas.setCreator("QSM Desktop")
    canvas.setSubject("荣誉证书")
    return canvas


def render_certificates(
    certificates: Sequence[AwardCertificate],
    output: str | os.PathLike[str] | BinaryIO,
    template: CertificateTemplate | None = None,
    *,
    text_only: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancel: Any = None,
) -> BatchResult:
    """Print ``certificates`` into one PDF, a page each (打印荣誉证书).

    ``output``: a file path (written to a temporary file and moved into place when complete, so
    a cancelled or failed batch leaves no half-written file) or a binary file object.
    ``template``: the layout (default :class:`CertificateTemplate`); ``text_only``: print only
    the variable parts for pre-printed paper, shifted by the template's calibration offsets.
    ``progress(done, total)`` is called after each page; ``cancel`` (a callable returning true,
    or a ``threading.Event``) is checked before each page. Raises :class:`InputRefused` for no
    certificates, a bad wording placeholder or an unreadable seal image, :class:`FontRefused`
    for an unusable font or characters it lacks — all before anything is written.
    """
    template = template or CertificateTemplate()
    certs = list(certificates)
    if not certs:
        raise InputRefused(msg("certificate.none"))
    fonts = _fonts_for(template)
    _check_glyphs(certs, template, fonts)
    _check_seal(template, text_only)
    title = template.title.text if len(certs) > 1 else f"{template.title.text} {certs[0].number}"
    if isinstance(output, (str, os.PathLike)):
        target = Path(output)
        tmp_name = str(target.with_name(f".~{target.stem}.{uuid.uuid4().hex[:8]}.pdf"))
        try:
            pages = _render_into(tmp_name, certs, template, fonts, text_only, title, progress, cancel)
            if pages is None:
                return BatchResult(files=(), pages=0, cancelled=True)
            try:
                os.replace(tmp_name, target)
            except OSError as exc:
                raise InputRefused(msg("certificate.write_failed", path=target, error=os_error_text(exc))) from None
            return BatchResult(files=(target,), pages=pages)
        finally:
            if os.path.exists(tmp_name):
                os.unlink(tmp_name)
    pages = _render_into(output, certs, template, fonts, text_only, title, progress, cancel)
    return BatchResult(files=(), pages=pages or 0, cancelled=pages is None)


def qr_text(cert: AwardCertificate) -> str:
    """What a certificate's QR code carries: ``QSMCERT1|<number>|<check>``, or the number alone
    when the certificate has no check value."""
    return qr_payload(cert.number, cert.check) if cert.check else cert.number


@contextmanager
def _binary_streams():
    """Write page streams as binary Flate data, not ASCII85 text (reportlab's default): a
    quarter smaller and no pure-Python ASCII85 pass. reportlab reads this setting from its global
    config while saving; both forms are valid PDF, so a concurrent build elsewhere is unharmed."""
    from reportlab import rl_config

    previous = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = previous


def _render_into(target, certs, template, fonts, text_only, title, progress, cancel) -> int | None:
    with _binary_streams():
        return _render_pages(target, certs, template, fonts, text_only, title, progress, cancel)


#: certificates whose QR codes are encoded together before their pages are drawn
_CHUNK = 50


def _render_pages(target, certs, template, fonts, text_only, title, progress, cancel) -> int | None:
    canvas = _new_canvas(target, template, fonts, title)
    renderer = _Renderer(canvas, template, fonts, text_only)
    total = len(certs)
    level = template.qr.level
    for start in range(0, total, _CHUNK):
        chunk = certs[start:start + _CHUNK]
        # the chunk's QR codes first, in one tight loop: the encoder runs faster with its tables
        # still in the processor's cache than interleaved with the page drawing
        symbols = [_qr.encode(qr_text(cert), level) for cert in chunk] if renderer.prints_qr else [None] * len(chunk)
        for done, (cert, symbol) in enumerate(zip(chunk, symbols), start=start + 1):
            if _is_cancelled(cancel):
                return None
            renderer.page(cert, symbol)
            if progress is not None:
                progress(done, total)
    try:
        canvas.save()
    except OSError as exc:
        raise InputRefused(msg("certificate.write_failed", path=target, error=os_error_text(exc))) from None
    return total


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def certificate_file_name(cert: AwardCertificate) -> str:
    """A file name for one certificate: ``<number>_<unit>.pdf`` with characters Windows refuses
    replaced by ``_``."""
    name = _UNSAFE.sub("_", f"{cert.number}_{cert.unit_name}").strip(" .")
    return (name or "certificate")[:150] + ".pdf"


def render_certificate_files(
    certificates: Sequence[AwardCertificate],
    folder: str | os.PathLike[str],
    template: CertificateTemplate | None = None,
    *,
    text_only: bool = False,
    file_name: Callable[[AwardCertificate], str] = certificate_file_name,
    progress: Callable[[int, int], None] | None = None,
    cancel: Any = None,
) -> BatchResult:
    """Print each certificate into its own PDF in ``folder`` (one file per award).

    Same checks as :func:`render_certificates`, all before the first file is written. On cancel
    the files already finished stay (listed in the result). Existing files of the same name are
    replaced.
    """
    template = template or CertificateTemplate()
    certs = list(certificates)
    if not certs:
        raise InputRefused(msg("certificate.none"))
    fonts = _fonts_for(template)
    _check_glyphs(certs, template, fonts)
    _check_seal(template, text_only)
    folder = Path(folder)
    written: list[Path] = []
    for done, cert in enumerate(certs, start=1):
        if _is_cancelled(cancel):
            return BatchResult(files=tuple(written), pages=len(written), cancelled=True)
        target = folder / file_name(cert)
        render_certificates([cert], target, template, text_only=text_only)
        written.append(target)
        if progress is not None:
            progress(done, len(certs))
    return BatchResult(files=tuple(written), pages=len(written))

