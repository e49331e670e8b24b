"""示范窗口 — showcase units: cycles, applications, the score grid, the ranking with the quota line,
awards and certificates, and the verify box (issue 4 §6, DESIGN §5).

One module per piece: :mod:`.page` (the page and its cycle bar), one per tab (:mod:`.applications`,
:mod:`.sheets`, :mod:`.ranking`, :mod:`.awards`), :mod:`.dialogs` (the cycle's settings),
:mod:`.preview` (the certificate drawn with QPainter) and :mod:`.common` (terms, formats, tables).
The tabs' and the dialog's layouts are Designer forms (``ui/showcase_*.ui``). The window creates the
page as ``qsm_desktop.ui.views.showcase.ShowcasePage``.
"""

from __future__ import annotations

from qsm_desktop.ui.views.showcase.common import cycle_label, term
from qsm_desktop.ui.views.showcase.dialogs import CycleDialog
from qsm_desktop.ui.views.showcase.page import ShowcasePage
from qsm_desktop.ui.views.showcase.preview import CertificatePreview

__all__ = ["CertificatePreview", "CycleDialog", "ShowcasePage", "cycle_label", "term"]
