"""The monitoring pages' dialogs (监测对话框): deciding an appeal, verifying an action, starting a
new checklist edition. Layouts are Designer forms (``ui/appeal_decision_dialog.ui``,
``ui/action_verify_dialog.ui``, ``ui/checklist_edition_dialog.ui``); each dialog only collects
the choice — the page calls the service, which checks everything again.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QWidget

from qsm_desktop.domain.errors import QsmError
from qsm_desktop.domain.i18n import render_text
from qsm_desktop.domain.monitoring.appeals import Decision, decided_score
from qsm_desktop.ui.forms.ui_action_verify_dialog import Ui_ActionVerifyDialog
from qsm_desktop.ui.forms.ui_appeal_decision_dialog import Ui_AppealDecisionDialog
from qsm_desktop.ui.forms.ui_checklist_edition_dialog import Ui_ChecklistEditionDialog
from qsm_desktop.ui.style import BAD
from qsm_desktop.ui.views.monitoring.common import number_text, term


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class AppealDecisionDialog(QDialog):
    """Decide one appeal (裁决申诉, DESIGN §8.3): uphold with full points, uphold with a given score
    (above the delivered one, at most the points), or reject with a reason. ``appeal`` is an
    :class:`~qsm_desktop.services.monitoring.AppealInfo`; :meth:`decision` gives the choice."""

    def __init__(self, appeal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.appeal = appeal
        self.ui = Ui_AppealDecisionDialog()
        self.ui.setupUi(self)
        points = appeal.points or 0.0
        original = appeal.original or 0.0
        self.ui.scoreSpin.setRange(original + 0.1, points)
        self.ui.scoreSpin.setValue(max(original + 0.1, points - 1))
        self.ui.scoreSpin.setEnabled(False)
        self.ui.scoreRadio.toggled.connect(self.ui.scoreSpin.setEnabled)
        self.ui.appealText.setText(self.tr(
            "Visit {visit}, item {item}, outlet {outlet}: {original} of {points} points as delivered.\n"
            "The branch's appeal: {reason}{contact}").format(
            visit=appeal.visit_no, item=appeal.item_code, outlet=appeal.outlet, original=number_text(appeal.original),
            points=number_text(appeal.points), reason=appeal.reason,
            contact=self.tr(" (contact: {name})").format(name=appeal.contact) if appeal.contact else ""))
        self.ui.fullRadio.setText(self.tr("Uphold: the item gets its full {points} points").format(
            points=number_text(points)))
        self.ui.buttons.accepted.connect(self._on_buttons_accepted)
        self.ui.buttons.rejected.connect(self.reject)

    def decision(self) -> tuple[Decision, float | None, str | None]:
        """``(decision, score, reason)``: the score only for "uphold with the score", the reason
        as typed (``None`` when empty)."""
        reason = self.ui.reasonEdit.text().strip() or None
        if self.ui.rejectRadio.isChecked():
            return Decision.REJECT, None, reason
        if self.ui.scoreRadio.isChecked():
            return Decision.UPHOLD, round(self.ui.scoreSpin.value(), 1), reason
        return Decision.UPHOLD, None, reason

    def _on_buttons_accepted(self) -> None:
        decision, score, reason = self.decision()
        try:  # the rule's own sentence, before asking the service (which checks it again)
            decided_score(decision, self.appeal.points or 0.0, self.appeal.original or 0.0, score, reason)
        except QsmError as exc:
            self.ui.problemLabel.setText(str(exc))
            self.ui.problemLabel.setStyleSheet(f"color: {BAD};")
            return
        self.accept()


class ActionVerifyDialog(QDialog):
    """Verify one action (验证整改, DESIGN §8.5): effective (→ 已关闭) or ineffective (back to
    待整改), on a date not before its completion date. ``action`` is an
    :class:`~qsm_desktop.services.capa.ActionInfo`; :meth:`verification` gives the choice."""

    def __init__(self, action, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = action
        self.ui = Ui_ActionVerifyDialog()
        self.ui.setupUi(self)
        self.ui.actionText.setText(self.tr(
            "{number} · {unit} · {type} · due {due}\n{description}\nCompleted on {completed}: {measures}").format(
            number=action.number, unit=f"{action.org} {action.org_name}", type=term(action.type),
            due=action.due.isoformat(), description=render_text(action.description),
            completed=action.completed.isoformat() if action.completed else "—",
            measures=action.measures or action.result or "—"))
        if action.completed is not None:
            self.ui.dateEdit.setMinimumDate(_qdate(action.completed))
        self.ui.dateEdit.setDate(_qdate(max(today, action.completed or today)))

    def verification(self) -> tuple[bool, dt.date]:
        """``(effective, on)``."""
        return self.ui.effectiveRadio.isChecked(), _pydate(self.ui.dateEdit.date())


class ChecklistEditionDialog(QDialog):
    """Start a new checklist edition (新建检查表版本) from ``base`` (a
    :class:`~qsm_desktop.domain.monitoring.Checklist`): its name, a new version label and the
    first day it applies; :meth:`values` gives them."""

    def __init__(self, base, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ChecklistEditionDialog()
        self.ui.setupUi(self)
        self.ui.nameEdit.setText(base.name)
        year = max(dt.date.today().year, base.effective_from.year + 1)
        self.ui.labelEdit.setText(f"{year}版")
        self.ui.effectiveEdit.setDate(_qdate(dt.date(year, 1, 1)))
        self.ui.basedOnLabel.setText(self.tr("A copy of {title}; edit its items, then save.").format(title=base.title))

    def values(self) -> tuple[str, str, dt.date]:
        """``(name, label, effective_from)`` as typed."""
        return (self.ui.nameEdit.text().strip(), self.ui.labelEdit.text().strip(),
                _pydate(self.ui.effectiveEdit.date()))
