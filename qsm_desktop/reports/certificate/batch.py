"""Printing batches of certificates (批量打印): one PDF for many awards or one file per award, with a
progress callback and a cancel flag.

Decoration shared by every page (frame, title, issuer, date, seal — and the wording once two pages
share it) is drawn once per batch as a PDF form and placed on each page; the QR codes (zxing-cpp,
see :mod:`qsm_desktop.reports.qr`) are encoded fifty at a time before their pages. Fonts and the
seal are checked before anything is written. Source: DESIGN.md §5, issue 4 §5; BENCHMARKS.md §
Certificates.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.domain.i18n import msg, os_error_text, register
from qsm_desktop.reports import qr as _qr
from qsm_desktop.reports.certificate.award import AwardCertificate, certificate_file_name, qr_text
from qsm_desktop.reports.certificate.drawing import check_seal, draw_border, draw_seal, draw_text
from qsm_desktop.reports.certificate.layout import Layouter
from qsm_desktop.reports.certificate.template import MM, TEXT_ONLY_FIELDS, CertificateTemplate, wording_text
from qsm_desktop.reports.certificate.text import PlacedText
from qsm_desktop.reports.fonts import FontRefused, FontSet, pdf_fonts

register(
    {
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
        self.layouter = Layouter(template, fonts)
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
                draw_border(c, self.template)
            state: dict = {}
            for item in items:
                if item.part in parts:
                    draw_text(c, item, state=state)
            draw_seal(c, self.template)
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
            draw_border(c, self.template)
        state: dict = {}
        for item in items:
            if item.part in shared or item.part not in self.parts:
                continue
            draw_text(c, item, self.dx, self.dy, state)
        if (form is None and not self.text_only) or (self.text_only and "seal" in self.parts):
            draw_seal(c, self.template, self.dx, self.dy)
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


def _checked(certificates: Iterable[AwardCertificate], template: CertificateTemplate | None,
             text_only: bool) -> tuple[CertificateTemplate, list[AwardCertificate], FontSet]:
    """The template (default: the A4 one), the certificates as a list and their fonts, after every
    check that must pass before anything is written (none given, glyphs, seal image)."""
    template = template or CertificateTemplate()
    certs = list(certificates)
    if not certs:
        raise InputRefused(msg("certificate.none"))
    fonts = _fonts_for(template)
    _check_glyphs(certs, template, fonts)
    check_seal(template, text_only)
    return template, certs, fonts


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
    template, certs, fonts = _checked(certificates, template, text_only)
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
    template, certs, fonts = _checked(certificates, template, text_only)
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
