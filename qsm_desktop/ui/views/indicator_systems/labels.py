"""Names of directions and data sources as the indicator-system editor shows them (translated by Qt).

Rule kinds and their parameters are named by the domain (each rule declares its labels); these two
vocabularies are plain words of the window.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "IndicatorSystemPage"
"""The translation context of these names."""

DIRECTION_LABELS = {
    "higher": QT_TRANSLATE_NOOP("IndicatorSystemPage", "Higher is better"),
    "lower": QT_TRANSLATE_NOOP("IndicatorSystemPage", "Lower is better"),
}
SOURCE_LABELS = {
    "quarterly": QT_TRANSLATE_NOOP("IndicatorSystemPage", "Quarterly return"),
    "internal_service": QT_TRANSLATE_NOOP("IndicatorSystemPage", "Internal-service ratings"),
    "certification": QT_TRANSLATE_NOOP("IndicatorSystemPage", "Certification register"),
    "training": QT_TRANSLATE_NOOP("IndicatorSystemPage", "Training records"),
    "awards": QT_TRANSLATE_NOOP("IndicatorSystemPage", "Showcase awards"),
    "manual": QT_TRANSLATE_NOOP("IndicatorSystemPage", "Manual entry"),
    "mystery_visits": QT_TRANSLATE_NOOP("IndicatorSystemPage", "Mystery visits (final scores)"),
    "complaints": QT_TRANSLATE_NOOP("IndicatorSystemPage", "Complaint register"),
    "capa": QT_TRANSLATE_NOOP("IndicatorSystemPage", "Corrective and preventive actions"),
}


def label(labels: dict[str, str], key: str) -> str:
    """The translated name of ``key`` in ``labels`` (``key`` itself when unknown)."""
    return QCoreApplication.translate(CONTEXT, labels.get(key, key))


__all__ = ["CONTEXT", "DIRECTION_LABELS", "SOURCE_LABELS", "label"]
