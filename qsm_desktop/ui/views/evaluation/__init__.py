"""综合评价 — the evaluation page (:mod:`.page`) and its dialogs (:mod:`.dialogs`)."""

from __future__ import annotations

from qsm_desktop.ui.views.evaluation.dialogs import PublishDialog, ValueDialog
from qsm_desktop.ui.views.evaluation.page import EvaluationPage

__all__ = ["EvaluationPage", "PublishDialog", "ValueDialog"]
