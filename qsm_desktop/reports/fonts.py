"""Chinese fonts for PDFs (reportlab) and charts (matplotlib) — 中文字体.

reportlab embeds only TrueType outlines. The bundled Droid Sans Fallback (``paths.bundled_font()``)
is the default; a system font (宋体 simsun.ttc, 楷体 simkai.ttf, 微软雅黑 msyh.ttc …, a .ttc with
its subfont index) can be chosen. Fonts with PostScript/CFF outlines (most .otf, Noto CJK / Source
Han) cannot be embedded by reportlab — they would print boxes — so they are refused with a
sentence saying what to choose instead. A TrueType font without Chinese glyphs is refused too.
Droid Sans Fallback has **no Latin letters or digits**: :func:`pdf_fonts` pairs the Chinese font
with DejaVu Sans (the TrueType that ships with matplotlib) and sets every character the Chinese
font lacks in it, both embedded as subsets (:class:`FontSet`: runs, widths, drawing, Paragraph
markup). Shared by the certificates and the evaluation reports; no Qt. Source: NOTES.md (font
facts), DESIGN.md §5 ("the Chinese font is embedded in the PDF").
"""

from __future__ import annotations

import hashlib
import os
import re
import struct
import sys
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.domain.i18n import msg, os_error_text, register
from qsm_desktop.paths import bundled_font

register(
    {
        "fonts.not_found": (
            "找不到字体文件“{path}”：请选择一个存在的 .ttf 或 .ttc 字体文件。",
            "Font file '{path}' not found: choose an existing .ttf or .ttc font file.",
        ),
        "fonts.cff": (
            "字体“{name}”（{path}）使用 PostScript/CFF 轮廓（多数 .otf 字体及思源、Noto CJK 字体都是这样），"
            "PDF 无法嵌入这种字体，打印出来会是方框。请改用 TrueType 字体（.ttf 或 .ttc），"
            "例如宋体 simsun.ttc、楷体 simkai.ttf、微软雅黑 msyh.ttc，或使用程序自带字体。",
            "Font '{name}' ({path}) has PostScript/CFF outlines (most .otf fonts, Noto CJK and Source Han "
            "do); it cannot be embedded in the PDF and would print as boxes. Choose a TrueType font "
            "(.ttf or .ttc) such as SimSun simsun.ttc, KaiTi simkai.ttf, Microsoft YaHei msyh.ttc, or the "
            "bundled font.",
        ),
        "fonts.webfont": (
            "“{path}”是网页字体（WOFF），不能用于打印：请选择 .ttf 或 .ttc 字体文件。",
            "'{path}' is a web font (WOFF) and cannot be used for printing: choose a .ttf or .ttc font file.",
        ),
        "fonts.not_a_font": (
            "“{path}”不是可用的 TrueType 字体文件：请选择 .ttf 或 .ttc 字体文件。",
            "'{path}' is not a usable TrueType font file: choose a .ttf or .ttc font file.",
        ),
        "fonts.bad_index": (
            "字体集“{path}”共有 {count} 个子字体（编号 0–{last}），没有编号 {index}：请选择其中之一。",
            "Font collection '{path}' holds {count} fonts (numbers 0–{last}); there is no number {index}.",
        ),
        "fonts.no_cjk": (
            "字体“{name}”不含中文字形（缺少“{missing}”），用它打印中文会出现方框：请选择中文字体。",
            "Font '{name}' has no Chinese glyphs (missing '{missing}'); Chinese text would print as "
            "boxes. Choose a Chinese font.",
        ),
        "fonts.unreadable": (
            "字体“{path}”无法使用：{error}。请选择其他 .ttf 或 .ttc 字体文件。",
            "Font '{path}' cannot be used: {error}. Choose another .ttf or .ttc font file.",
        ),
        "fonts.missing_glyphs": (
            "字体“{font}”缺少这些字的字形：{chars}（{where}）。打印出来会是方框：请换用包含这些字的字体，如宋体或微软雅黑。",
            "Font '{font}' has no glyphs for: {chars} ({where}). They would print as boxes: choose a font "
            "that has them, such as SimSun or Microsoft YaHei.",
        ),
    }
)


class FontRefused(InputRefused):
    """A font that cannot print Chinese in a PDF (missing, CFF outlines, no CJK glyphs…)."""


#: Characters a font must have to count as Chinese (the certificate's own words).
CJK_PROBE = "荣誉证书中国银行示范窗口"

#: Chinese names of common Windows fonts → (file names to look for, subfont index).
WELL_KNOWN_FONTS: dict[str, tuple[tuple[str, ...], int]] = {
    "宋体": (("simsun.ttc",), 0),
    "simsun": (("simsun.ttc",), 0),
    "新宋体": (("simsun.ttc",), 1),
    "nsimsun": (("simsun.ttc",), 1),
    "楷体": (("simkai.ttf",), 0),
    "kaiti": (("simkai.ttf",), 0),
    "黑体": (("simhei.ttf",), 0),
    "simhei": (("simhei.ttf",), 0),
    "仿宋": (("simfang.ttf",), 0),
    "fangsong": (("simfang.ttf",), 0),
    "微软雅黑": (("msyh.ttc", "msyh.ttf"), 0),
    "microsoft yahei": (("msyh.ttc", "msyh.ttf"), 0),
    "文泉驿微米黑": (("wqy-microhei.ttc",), 0),
    "文泉驿正黑": (("wqy-zenhei.ttc",), 0),
}


@dataclass(frozen=True)
class FontFace:
    """One face of a font file: ``path``, ``subfont_index`` (0 for a .ttf), ``family`` (Chinese
    name when the font has one), and ``outlines``: ``"truetype"``, ``"cff"`` or ``"unknown"``."""

    path: Path
    subfont_index: int = 0
    family: str = ""
    outlines: str = "unknown"

    @property
    def embeddable(self) -> bool:
        """Whether reportlab can embed it (TrueType outlines)."""
        return self.outlines == "truetype"


# --------------------------------------------------------------------------------------------
# reading the sfnt header (no font library needed)
# --------------------------------------------------------------------------------------------


def _face_offsets(data: bytes, path: Path) -> list[int]:
    tag = data[:4]
    if tag in (b"wOFF", b"wOF2"):
        raise FontRefused(msg("fonts.webfont", path=path))
    if tag == b"ttcf":
        if len(data) < 12:
            raise FontRefused(msg("fonts.not_a_font", path=path))
        (count,) = struct.unpack(">I", data[8:12])
        return list(struct.unpack(f">{count}I", data[12:12 + 4 * count]))
    if tag in (b"\x00\x01\x00\x00", b"true", b"OTTO"):
        return [0]
    raise FontRefused(msg("fonts.not_a_font", path=path))


def _tables(data: bytes, offset: int) -> dict[bytes, tuple[int, int]]:
    (num_tables,) = struct.unpack(">H", data[offset + 4:offset + 6])
    tables = {}
    for i in range(num_tables):
        start = offset + 12 + 16 * i
        tag, _checksum, table_offset, length = struct.unpack(">4sIII", data[start:start + 16])
        tables[tag] = (table_offset, length)
    return tables


def _family_name(data: bytes, name_table: tuple[int, int] | None) -> str:
    if name_table is None:
        return ""
    base, _length = name_table
    _fmt, count, string_offset = struct.unpack(">HHH", data[base:base + 6])
    found: dict[tuple[int, int], str] = {}
    for i in range(count):
        start = base + 6 + 12 * i
        platform, _encoding, language, name_id, length, offset = struct.unpack(">HHHHHH", data[start:start + 12])
        if name_id not in (1, 16):
            continue
        raw = data[base + string_offset + offset: base + string_offset + offset + length]
        try:
            text = raw.decode("utf-16-be") if platform in (0, 3) else raw.decode("mac_roman")
        except UnicodeDecodeError:
            continue
        rank = {0x0804: 0, 0x0404: 1, 0x0C04: 2, 0x0409: 3}.get(language, 4 if platform == 3 else 5)
        found.setdefault((rank, -name_id), text)
    return found[min(found)] if found else ""


def inspect_font(path: str | os.PathLike[str], subfont_index: int = 0) -> FontFace:
    """What a font file holds at ``subfont_index``: family name and outline kind (字体检查).

    Reads only the sfnt header and name table. Raises :class:`FontRefused` when the file is
    missing, not a TrueType/OpenType font (WOFF, Type 1, anything else), or the collection has no
    such subfont. A CFF font is returned (``outlines == "cff"``), not refused: see
    :func:`register_cjk_font`.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise FontRefused(msg("fonts.not_found", path=path)) from None
    except OSError as exc:
        raise FontRefused(msg("fonts.unreadable", path=path, error=os_error_text(exc))) from None
    try:
        offsets = _face_offsets(data, path)
        if not 0 <= subfont_index < len(offsets):
            raise FontRefused(
                msg("fonts.bad_index", path=path, count=len(offsets), last=len(offsets) - 1, index=subfont_index)
            )
        offset = offsets[subfont_index]
        tables = _tables(data, offset)
        if data[offset:offset + 4] == b"OTTO" or b"CFF " in tables or b"CFF2" in tables:
            outlines = "cff"
        elif b"glyf" in tables:
            outlines = "truetype"
        else:
            outlines = "unknown"
        family = _family_name(data, tables.get(b"name"))
    except (struct.error, IndexError):
        raise FontRefused(msg("fonts.not_a_font", path=path)) from None
    return FontFace(path=path, subfont_index=subfont_index, family=family, outlines=outlines)


# --------------------------------------------------------------------------------------------
# reportlab
# --------------------------------------------------------------------------------------------

_registered: dict[tuple[str, int], str] = {}
_register_lock = threading.Lock()


def register_cjk_font(path: str | os.PathLike[str] | None = None, subfont_index: int = 0) -> str:
    """Register a Chinese TrueType font with reportlab and return its font name (注册中文字体).

    ``path``: a .ttf, or a .ttc with ``subfont_index``; ``None`` = the bundled Droid Sans
    Fallback. The font is embedded as a subset in every PDF that uses it. Registering the same
    file again returns the same name without re-reading it. Raises :class:`FontRefused` (message
    in the current language, saying what to choose) for a missing file, a CFF/PostScript font
    (most .otf, Noto CJK), a web font, a bad subfont index, or a font without Chinese glyphs.
    """
    path = Path(path) if path is not None else bundled_font()
    key = (str(path.resolve()), subfont_index)
    with _register_lock:  # batches run on worker threads
        if key not in _registered:
            _registered[key] = _register(path, subfont_index, key[0])
        return _registered[key]


def _register(path: Path, subfont_index: int, resolved: str) -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    face = inspect_font(path, subfont_index)
    shown = face.family or path.name
    if face.outlines == "cff":
        raise FontRefused(msg("fonts.cff", name=shown, path=path))
    stem = re.sub(r"[^A-Za-z0-9]+", "", path.stem)[:24] or "font"
    name = f"QSMCJK-{stem}-{subfont_index}-{hashlib.sha1(resolved.encode()).hexdigest()[:6]}"
    try:
        font = TTFont(name, str(path), subfontIndex=subfont_index)
    except TTFError as exc:
        if "postscript outlines" in str(exc).lower():
            raise FontRefused(msg("fonts.cff", name=shown, path=path)) from None
        raise FontRefused(msg("fonts.unreadable", path=path, error=exc)) from None
    missing = [ch for ch in CJK_PROBE if ord(ch) not in font.face.charToGlyph]
    if missing:
        raise FontRefused(msg("fonts.no_cjk", name=shown, missing="".join(missing)))
    pdfmetrics.registerFont(font)
    return name


def missing_glyphs(font_name: str, text: str) -> str:
    """The characters of ``text`` the registered font ``font_name`` cannot draw (they would print
    as boxes), each once, in order; spaces and control characters are ignored. ``""`` for fonts
    that are not TrueType (reportlab's standard fonts)."""
    from reportlab.pdfbase import pdfmetrics

    font = pdfmetrics.getFont(font_name)
    cmap = getattr(getattr(font, "face", None), "charToGlyph", None)
    if cmap is None:
        return ""
    seen: dict[str, None] = {}
    for ch in text:
        if ch.isspace() or unicodedata.category(ch).startswith("C"):
            continue
        if ord(ch) not in cmap:
            seen.setdefault(ch)
    return "".join(seen)


# --------------------------------------------------------------------------------------------
# Chinese font + Latin fallback
# --------------------------------------------------------------------------------------------

def _char_class(codes: Iterable[int], *, negate: bool = False) -> re.Pattern[str] | None:
    """A compiled ``[…]+`` matching runs of the given code points (as ranges); ``negate``:
    runs of any other character."""
    ordered = sorted(codes)
    if not ordered:
        return None
    parts: list[str] = []
    start = prev = ordered[0]
    for code in ordered[1:] + [-1]:
        if code == prev + 1:
            prev = code
            continue
        parts.append(re.escape(chr(start)) if start == prev else f"{re.escape(chr(start))}-{re.escape(chr(prev))}")
        start = prev = code
    return re.compile(("[^" if negate else "[") + "".join(parts) + "]+")


def latin_fallback_font() -> Path:
    """DejaVu Sans from matplotlib's data (TrueType); reportlab's Bitstream Vera when absent.

    Found beside matplotlib's package without importing it (``mpl-data`` next to its
    ``__init__``): a PDF builder that draws no matplotlib chart — a report worker process — does
    not pay matplotlib's import for a font path (issue 14 item 5); imported only when the data
    folder is elsewhere."""
    import importlib.util

    spec = importlib.util.find_spec("matplotlib")
    if spec is not None and spec.origin:
        path = Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"
        if path.is_file():
            return path
    try:
        import matplotlib
    except ImportError:  # pragma: no cover - matplotlib is a dependency
        pass
    else:
        path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
        if path.is_file():
            return path
    import reportlab

    return Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"


def _register_latin(path: Path) -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    key = (str(path.resolve()), -1)
    with _register_lock:
        if key not in _registered:
            name = "QSMLatin-" + re.sub(r"[^A-Za-z0-9]+", "", path.stem)[:24]
            pdfmetrics.registerFont(TTFont(name, str(path)))
            _registered[key] = name
        return _registered[key]


@dataclass(frozen=True)
class FontSet:
    """A Chinese TrueType font with a Latin fallback, as registered with reportlab (字体组合).

    Every character the Chinese font has is set in it; the others (digits and Latin letters with
    Droid Sans Fallback) in ``latin``. Build with :func:`pdf_fonts`.
    """

    cjk: str
    latin: str
    _latin_runs: re.Pattern[str] | None = field(repr=False, compare=False, default=None)
    _unknown: re.Pattern[str] | None = field(repr=False, compare=False, default=None)
    _cjk_cmap: frozenset[int] = field(repr=False, compare=False, default=frozenset())
    _latin_cmap: frozenset[int] = field(repr=False, compare=False, default=frozenset())

    def runs(self, text: str) -> list[tuple[str, str]]:
        """``text`` split into ``(font name, run)`` pieces."""
        if self._latin_runs is None:
            return [(self.cjk, text)] if text else []
        out: list[tuple[str, str]] = []
        end = 0
        for m in self._latin_runs.finditer(text):
            if m.start() > end:
                out.append((self.cjk, text[end:m.start()]))
            out.append((self.latin, m.group()))
            end = m.end()
        if end < len(text):
            out.append((self.cjk, text[end:]))
        return out

    def string_width(self, text: str, size: float) -> float:
        """Width of ``text`` in points at ``size`` points."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return sum(stringWidth(run, font, size) for font, run in self.runs(text))

    def missing(self, text: str) -> str:
        """Characters in neither font (they would print as boxes), each once, in order; spaces
        and control characters ignored."""
        seen: dict[str, None] = {}
        for run in self._unknown.findall(text) if self._unknown is not None else ():
            for ch in run:
                if not ch.isspace() and not unicodedata.category(ch).startswith("C"):
                    seen.setdefault(ch)
        return "".join(seen)

    def draw_string(self, canvas, x: float, y: float, text: str, size: float, *, align: str = "left",
                    char_space: float = 0.0) -> float:
        """Draw one line at baseline ``y``; ``align`` ``"left"``/``"center"``/``"right"`` at ``x``;
        ``char_space`` extra points after each character. Returns the drawn width."""
        runs = self.runs(text)
        from reportlab.pdfbase.pdfmetrics import stringWidth

        width = sum(stringWidth(run, font, size) for font, run in runs) + char_space * max(len(text) - 1, 0)
        if align == "center":
            x -= width / 2
        elif align == "right":
            x -= width
        t = canvas.beginText(x, y)
        if char_space:
            t.setCharSpace(char_space)
        for font, run in runs:
            t.setFont(font, size)
            t.textOut(run)
        if char_space:
            t.setCharSpace(0)  # Tc is text state: it would outlive this text object
        canvas.drawText(t)
        return width

    def markup(self, text: str) -> str:
        """XML-escaped Paragraph markup with the Latin runs in ``<font name=…>`` (the Paragraph's
        own font being :attr:`cjk`)."""
        return "".join(
            escape(run) if font == self.cjk else f'<font name="{font}">{escape(run)}</font>'
            for font, run in self.runs(text)
        )


@lru_cache(maxsize=8)
def _font_set(cjk_path: str | None, subfont_index: int, latin_path: str) -> FontSet:
    from reportlab.pdfbase import pdfmetrics

    cjk = register_cjk_font(cjk_path, subfont_index)
    latin = _register_latin(Path(latin_path))
    cjk_cmap = frozenset(pdfmetrics.getFont(cjk).face.charToGlyph)
    latin_cmap = frozenset(pdfmetrics.getFont(latin).face.charToGlyph)
    latin_runs = _char_class(code for code in latin_cmap - cjk_cmap if code >= 32)
    unknown = _char_class(cjk_cmap | latin_cmap, negate=True)
    return FontSet(cjk=cjk, latin=latin, _latin_runs=latin_runs, _unknown=unknown, _cjk_cmap=cjk_cmap,
                   _latin_cmap=latin_cmap)


def pdf_fonts(
    cjk_path: str | os.PathLike[str] | None = None,
    subfont_index: int = 0,
    latin_path: str | os.PathLike[str] | None = None,
) -> FontSet:
    """Register a Chinese font (default: the bundled one; see :func:`register_cjk_font` for the
    refusals) and its Latin fallback (default: :func:`latin_fallback_font`), and return them as a
    :class:`FontSet`. Cached: calling again with the same files costs nothing."""
    return _font_set(
        None if cjk_path is None else str(Path(cjk_path)),
        subfont_index,
        str(Path(latin_path) if latin_path is not None else latin_fallback_font()),
    )


# --------------------------------------------------------------------------------------------
# system fonts
# --------------------------------------------------------------------------------------------


def system_font_dirs() -> list[Path]:
    """Folders where the operating system keeps fonts (those that exist)."""
    home = Path.home()
    if sys.platform == "win32":
        candidates = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            candidates.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        candidates = [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts"]
    else:
        candidates = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
                      home / ".local" / "share" / "fonts", home / ".fonts"]
    return [p for p in candidates if p.is_dir()]


_FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")


def _font_files(dirs: list[Path]) -> list[Path]:
    files: list[Path] = []
    for folder in dirs:
        for root, _dirs, names in os.walk(folder):
            files += [Path(root) / n for n in names if n.lower().endswith(_FONT_SUFFIXES)]
    return sorted(files)


def list_system_fonts(dirs: list[Path] | None = None) -> list[FontFace]:
    """Every face of every .ttf/.ttc/.otf/.otc file in ``dirs`` (default: the system folders),
    with family name and outline kind; unreadable files are left out. For a font picker: offer
    the ``embeddable`` ones, show the others as not usable for PDFs."""
    faces: list[FontFace] = []
    for path in _font_files(dirs if dirs is not None else system_font_dirs()):
        try:
            first = inspect_font(path, 0)
            faces.append(first)
            data = path.read_bytes()[:12]
            if data[:4] == b"ttcf":
                (count,) = struct.unpack(">I", data[8:12])
                faces += [inspect_font(path, i) for i in range(1, count)]
        except (FontRefused, OSError):
            continue
    return faces


def find_system_font(name: str, dirs: list[Path] | None = None) -> FontFace | None:
    """Find a system font by its Chinese or English name (宋体, 楷体, 微软雅黑, "SimSun" …), by a
    family name from the font's name table, or by file name (``simsun.ttc``). ``None`` when not
    installed. The face returned may still be CFF: :func:`register_cjk_font` decides."""
    key = unicodedata.normalize("NFKC", name).strip().lower()
    folders = dirs if dirs is not None else system_font_dirs()
    files = _font_files(folders)
    by_file = {p.name.lower(): p for p in files}
    if key in WELL_KNOWN_FONTS:
        file_names, index = WELL_KNOWN_FONTS[key]
        for file_name in file_names:
            if file_name in by_file:
                return inspect_font(by_file[file_name], index if file_name.endswith(".ttc") else 0)
    if key in by_file:
        return inspect_font(by_file[key], 0)
    for face in list_system_fonts(folders):
        if face.family.strip().lower() == key:
            return face
    return None


# --------------------------------------------------------------------------------------------
# matplotlib
# --------------------------------------------------------------------------------------------


def cjk_rc_params(path: str | os.PathLike[str] | None = None) -> dict[str, object]:
    """matplotlib settings for Chinese labels, for ``matplotlib.rc_context(...)``.

    Adds the font (default: the bundled one) to matplotlib's font manager and returns
    ``font.family`` (the font, then DejaVu Sans for anything it lacks),
    ``axes.unicode_minus = False`` (CJK fonts lack U+2212 MINUS SIGN) and TrueType (Type 42)
    embedding for PDF/PS output. Raises :class:`FontRefused` for a missing or non-font file.
    """
    from matplotlib import font_manager

    path = Path(path) if path is not None else bundled_font()
    inspect_font(path)
    font_manager.fontManager.addfont(str(path))
    family = font_manager.FontProperties(fname=str(path)).get_name()
    return {
        "font.family": [family, "DejaVu Sans"],
        "axes.unicode_minus": False,
        "pdf.fonttype": 42,
        "ps.fonttype": 42,
    }


def use_cjk_font_for_matplotlib(path: str | os.PathLike[str] | None = None) -> str:
    """Make matplotlib draw Chinese with the given font (default: the bundled one) for the rest
    of the process; returns the font's family name. See :func:`cjk_rc_params` for a scoped
    alternative."""
    import matplotlib

    params = cjk_rc_params(path)
    matplotlib.rcParams.update(params)
    return params["font.family"][0]  # type: ignore[index]
