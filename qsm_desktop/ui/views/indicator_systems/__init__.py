"""指标体系 — the indicator-system editor page (:mod:`.page`) with its tree panel (:mod:`.tree_panel`),
its editor panel (:mod:`.editor_panel`), the rule-parameter editor built from the rules' declared
fields (:mod:`.rule_editor`) and the Qt-free draft helpers (:mod:`.draft`)."""

from __future__ import annotations

from qsm_desktop.domain.indicators import bands_text, parse_bands
from qsm_desktop.ui.views.indicator_systems.draft import system_to_mapping
from qsm_desktop.ui.views.indicator_systems.page import IndicatorSystemPage

__all__ = ["IndicatorSystemPage", "bands_text", "parse_bands", "system_to_mapping"]
