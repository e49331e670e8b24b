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
:mod:`qsm_desktop.reports.qr`) are encoded fifty at a time before their pages. A batch of a
thousand stays within 1.3 times the cost of drawing its bare text, under 1 MB (BENCHMARKS.md §
Certificates).

One module per concern; the public names are re-exported here:

- :mod:`.award` — one certificate (:class:`AwardCertificate`), its QR text and file name;
- :mod:`.template` — the layout file and its settings (:class:`CertificateTemplate`), the wording;
- :mod:`.text` — text runs (Chinese font, Latin fallback, quotes), widths, line breaking;
- :mod:`.layout` — where every line goes (:func:`layout`);
- :mod:`.drawing` — drawing a line, the frame and the seal on a reportlab canvas;
- :mod:`.batch` — the batch builder with shared PDF forms (:func:`render_certificates`,
  :func:`render_certificate_files`).

Source: DESIGN.md §5 (certificates), issue 4 §5; fonts per NOTES.md (see :mod:`qsm_desktop.reports.fonts`).
"""

from __future__ import annotations

from qsm_desktop.reports.certificate.award import AwardCertificate, certificate_file_name, qr_text
from qsm_desktop.reports.certificate.batch import BatchResult, render_certificate_files, render_certificates
from qsm_desktop.reports.certificate.layout import layout
from qsm_desktop.reports.certificate.template import (
    DEFAULT_WORDING,
    MM,
    TEXT_ONLY_FIELDS,
    BorderSpec,
    CertificateTemplate,
    FontSpec,
    NumberSpec,
    PageSpec,
    QrSpec,
    SealSpec,
    TextOnlySpec,
    TextSpec,
    TitleSpec,
    UnitSpec,
    WordingSpec,
    wording_text,
)
from qsm_desktop.reports.certificate.text import PlacedText

__all__ = [
    "MM", "AwardCertificate", "qr_text", "certificate_file_name",
    "CertificateTemplate", "PageSpec", "BorderSpec", "TitleSpec", "UnitSpec", "DEFAULT_WORDING", "WordingSpec",
    "TextSpec", "NumberSpec", "QrSpec", "SealSpec", "TextOnlySpec", "FontSpec", "TEXT_ONLY_FIELDS", "wording_text",
    "PlacedText", "layout",
    "BatchResult", "render_certificates", "render_certificate_files",
]
