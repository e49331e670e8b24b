"""Names of domain values on screen (界面用语): org types, post categories, statuses, return kinds.

Org types are the program's words stored in Chinese; their English is in the domain
(:mod:`qsm_desktop.domain.names`), shared with the command line and the PDFs.

The database keeps codes (``teller``, ``certified``) or the office's Chinese words (``分行``); the
window shows them in the current language. Source strings are English, marked with
``QT_TRANSLATE_NOOP`` so Qt Linguist collects them; :func:`label` renders one.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from qsm_desktop.domain.names import term

CONTEXT = "Labels"

def org_type_label(org_type: str | None) -> str:
    """An org type (机构类型 总行/总行部门/分行/支行/网点, DESIGN §2) in the current language: the
    program's own word, one table for the window, the command line and the PDFs
    (:data:`qsm_desktop.domain.names.ORG_TYPES_EN` through :func:`~qsm_desktop.domain.names.term`)."""
    return term(org_type)


ORG_STATUS = {
    "正常": QT_TRANSLATE_NOOP("Labels", "Active"),
    "撤销": QT_TRANSLATE_NOOP("Labels", "Closed"),
}

POST_CATEGORIES = {
    "teller": QT_TRANSLATE_NOOP("Labels", "Tellers"),
    "retail_sales": QT_TRANSLATE_NOOP("Labels", "Retail sales & service"),
    "corporate": QT_TRANSLATE_NOOP("Labels", "Corporate account managers"),
    "international": QT_TRANSLATE_NOOP("Labels", "International product managers"),
    "processing": QT_TRANSLATE_NOOP("Labels", "Business processing"),
}
"""岗位类别 codes in the plan's order (DESIGN §1, §3.2)."""

POST_CATEGORIES_SHORT = {
    "teller": QT_TRANSLATE_NOOP("Labels", "Tellers (short)"),
    "retail_sales": QT_TRANSLATE_NOOP("Labels", "Retail sales (short)"),
    "corporate": QT_TRANSLATE_NOOP("Labels", "Corporate (short)"),
    "international": QT_TRANSLATE_NOOP("Labels", "International (short)"),
    "processing": QT_TRANSLATE_NOOP("Labels", "Processing (short)"),
}
"""Short category names for column headers; the English file drops the "(short)" marker."""

ALL_CATEGORIES = QT_TRANSLATE_NOOP("Labels", "All categories")

REGISTER_STATUS = {
    "certified": QT_TRANSLATE_NOOP("Labels", "Certified"),
    "expiring": QT_TRANSLATE_NOOP("Labels", "Expiring soon"),
    "expired": QT_TRANSLATE_NOOP("Labels", "Expired"),
    "none": QT_TRANSLATE_NOOP("Labels", "Not certified"),
}
"""持证 / 即将到期 / 已过期 / 未持证 (DESIGN §3.2; 90-day warning)."""

RETURN_KINDS = {
    "org_units": QT_TRANSLATE_NOOP("Labels", "Org list"),
    "certification": QT_TRANSLATE_NOOP("Labels", "Certification return"),
    "training": QT_TRANSLATE_NOOP("Labels", "Training return"),
    "quarterly": QT_TRANSLATE_NOOP("Labels", "Quarterly service-quality return"),
    "showcase_application": QT_TRANSLATE_NOOP("Labels", "Showcase application"),
    "internal_service": QT_TRANSLATE_NOOP("Labels", "Internal service rating"),
    "score_sheet": QT_TRANSLATE_NOOP("Labels", "On-site score sheet"),
    "mystery_visit": QT_TRANSLATE_NOOP("Labels", "Mystery-visit results"),
    "mystery_appeal": QT_TRANSLATE_NOOP("Labels", "Mystery-visit appeals"),
    "capa_feedback": QT_TRANSLATE_NOOP("Labels", "Corrective action feedback"),
    "complaints": QT_TRANSLATE_NOOP("Labels", "Complaint register"),
}
"""Return kinds of DESIGN §3.1–3.7, §8.2, §8.3, §8.5 and §9.1."""

BOARD_STATUS = {
    "received": QT_TRANSLATE_NOOP("Labels", "Received"),
    "missing": QT_TRANSLATE_NOOP("Labels", "Missing"),
    "refused": QT_TRANSLATE_NOOP("Labels", "Refused"),
    "superseded": QT_TRANSLATE_NOOP("Labels", "Resubmitted"),
    "imported": QT_TRANSLATE_NOOP("Labels", "Imported"),
    "unchanged": QT_TRANSLATE_NOOP("Labels", "Unchanged"),
    "refused_file": QT_TRANSLATE_NOOP("Labels", "Refused"),
    "dry-run": QT_TRANSLATE_NOOP("Labels", "Checked"),
    "ready": QT_TRANSLATE_NOOP("Labels", "Ready to import"),
    "checking": QT_TRANSLATE_NOOP("Labels", "Checking…"),
    "needs_info": QT_TRANSLATE_NOOP("Labels", "Needs unit and period"),
    "unchecked": QT_TRANSLATE_NOOP("Labels", "Not checked"),
}
"""Return status words: the board (received/missing/refused/superseded) and the inbox."""


def label(table: dict[str, str], key: str | None) -> str:
    """``key`` from ``table`` in the current language (the key itself when unknown, ``""`` for None)."""
    if key is None:
        return ""
    source = table.get(key)
    return QCoreApplication.translate(CONTEXT, source) if source else str(key)


def category_names() -> list[tuple[str, str]]:
    """(code, name in the current language) of every post category in the plan's order."""
    return [(code, label(POST_CATEGORIES, code)) for code in POST_CATEGORIES]
