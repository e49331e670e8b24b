"""The Ranking tab of the showcase page (排名): final scores and competition ranks with the quota
line; a tie at the line is shown and the award asks the committee to name the places; decision
date and meeting reference; progress per reviewer (DESIGN §5; issue 4 §3, §6).

Layout from ``ui/showcase_ranking_tab.ui`` (generated ``forms/ui_showcase_ranking_tab.py``);
behaviour here, over ``services.showcase`` only.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Signal
from PySide6.QtWidgets import QInputDialog, QWidget

from qsm_desktop.domain.i18n import joined
from qsm_desktop.domain.showcase.declarations import differences_text
from qsm_desktop.ui.errors import report_exception
from qsm_desktop.ui.forms.ui_showcase_ranking_tab import Ui_ShowcaseRankingTab
from qsm_desktop.ui.models.table import ALIGN_CENTER, ALIGN_RIGHT, Column, RowTableModel
from qsm_desktop.ui.style import BAD, GOOD_BG, MUTED, WARN_BG
from qsm_desktop.ui.views.showcase.common import score_text, setup_table

LINE_COLOURS = {"within": (None, GOOD_BG), "tied": (BAD, WARN_BG), "outside": (MUTED, None), "unscored": (MUTED, None)}
"""(text, background) colours of a ranking row by its place against the quota line."""


class ShowcaseRankingTab(QWidget):
    """The 排名 tab. ``ctx``: the page context (services, actor). Emits :attr:`sig_data_changed`
    after the award (the page then reloads)."""

    tab_id = "ranking"  # offered by the rule page.showcase.ranking (services/permissions.py)
    sig_data_changed = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cycle = None
        self.ranking = None
        self.ui = Ui_ShowcaseRankingTab()
        self.ui.setupUi(self)

        def colour(e):
            return LINE_COLOURS.get(e.line, (None, None))

        self.rank_model = RowTableModel([
            Column("rank", QT_TRANSLATE_NOOP("ShowcaseRankingTab", "Rank"), lambda e: e.rank,
                   lambda v: "—" if v is None else str(v), ALIGN_CENTER, colour=colour),
            Column("code", QT_TRANSLATE_NOOP("ShowcaseRankingTab", "Code"), lambda e: e.org, colour=colour),
            Column("name", QT_TRANSLATE_NOOP("ShowcaseRankingTab", "Outlet"), lambda e: e.name, colour=colour),
            Column("final", QT_TRANSLATE_NOOP("ShowcaseRankingTab", "Final score"), lambda e: e.final, score_text,
                   ALIGN_RIGHT, sort=lambda v: -1 if v is None else v, colour=colour),
            Column("valid", QT_TRANSLATE_NOOP("ShowcaseRankingTab", "Valid sheets"), lambda e: e.valid_sheets,
                   align=ALIGN_RIGHT),
            Column("excluded", QT_TRANSLATE_NOOP("ShowcaseRankingTab", "Excluded (conflict)"),
                   lambda e: e.excluded_sheets, align=ALIGN_RIGHT),
            Column("line", QT_TRANSLATE_NOOP("ShowcaseRankingTab", "Quota line"), lambda e: e.line, self._line_text,
                   ALIGN_CENTER, colour=colour),
            Column("outliers", QT_TRANSLATE_NOOP("ShowcaseRankingTab", "Flagged reviewers"),
                   lambda e: joined(e.outliers)),
            # issue 14: a declaration the registers do not bear out is flagged on the ranking, with why
            Column("declarations", QT_TRANSLATE_NOOP("ShowcaseRankingTab", "Declared vs registers"),
                   lambda e: e, self._declarations_text,
                   colour=lambda e: (BAD, WARN_BG) if e.declarations_differ else (None, None),
                   tooltip=lambda e: "\n".join(differences_text(e.declarations))),
        ], "ShowcaseRankingTab", self)
        setup_table(self.ui.rankTable, self.rank_model)
        self.progress_model = RowTableModel([
            Column("name", QT_TRANSLATE_NOOP("ShowcaseRankingTab", "Reviewer"), lambda p: p.name),
            Column("org", QT_TRANSLATE_NOOP("ShowcaseRankingTab", "Reviewer's unit"), lambda p: f"{p.org_code} {p.org_name}"),
            Column("scored", QT_TRANSLATE_NOOP("ShowcaseRankingTab", "Scored"), lambda p: p.scored, align=ALIGN_RIGHT),
            Column("todo", QT_TRANSLATE_NOOP("ShowcaseRankingTab", "To score"), lambda p: p.to_score, align=ALIGN_RIGHT),
            Column("conflicted", QT_TRANSLATE_NOOP("ShowcaseRankingTab", "Conflicted"), lambda p: p.conflicted,
                   align=ALIGN_RIGHT),
            Column("flagged", QT_TRANSLATE_NOOP("ShowcaseRankingTab", "Flagged far from the panel"), lambda p: p.flagged,
                   align=ALIGN_RIGHT, colour=lambda p: (BAD, None) if p.flagged else (None, None)),
        ], "ShowcaseRankingTab", self)
        setup_table(self.ui.progressTable, self.progress_model)
        self.ui.splitter.setSizes([330, 200])
        self.ui.quotaSpin.valueChanged.connect(self._on_quota_spin_value_changed)
        self.ui.awardButton.clicked.connect(self._on_award_button_clicked)
        ctx.offer("sc.action.award", self.ui.awardButton)

    def _declarations_text(self, entry) -> str:
        """"≠ " and the differences (持证上岗：申报 10/12（83%），登记簿 4/9（44%）) when the application's
        declared figures differ from the registers; "✓" when all checked agree; "" when nothing was checked."""
        if entry.declarations_differ:
            return "≠ " + "；".join(differences_text(entry.declarations))
        return "✓" if any(c.register is not None and c.declared is not None for c in entry.declarations) else ""

    # ------------------------------------------------------------------ language
    def retranslateUi(self) -> None:
        """Set every visible string again (the page calls it on a language change)."""
        self.ui.retranslateUi(self)
        self._label_award_button()
        for model in (self.rank_model, self.progress_model):
            model.retranslate()

    def _line_text(self, line: str) -> str:
        return {"within": self.tr("Within quota"), "tied": self.tr("Tied at the line"), "outside": self.tr("Outside"),
                "unscored": self.tr("No valid sheet")}.get(line, "")

    def _label_award_button(self) -> None:
        self.ui.awardButton.setText(self.tr("Award the top {n}…").format(n=self.ui.quotaSpin.value()))

    # ------------------------------------------------------------------ data
    @property
    def _svc(self):
        return self.ctx.services.showcase

    def set_cycle(self, cycle) -> None:
        """Rank ``cycle``: its quota (else at most 3) and its decision date (else the default one,
        ``domain.showcase.default_decision_date``); ``None``: no cycle, empty tables."""
        if cycle is None:
            self.cycle = self.ranking = None
            for model in (self.rank_model, self.progress_model):
                model.set_rows([])
            return
        self.cycle = cycle
        self.ui.quotaSpin.blockSignals(True)
        self.ui.quotaSpin.setValue(cycle.quota if cycle.quota is not None else min(3, cycle.applications))
        self.ui.quotaSpin.blockSignals(False)
        self._label_award_button()
        from qsm_desktop.domain.showcase import default_decision_date

        day = cycle.decided_on or default_decision_date(cycle.year, dt.date.today())
        self.ui.decisionDate.setDate(QDate(day.year, day.month, day.day))
        self.reload()

    def reload(self) -> None:
        """Rank the cycle's applications against the quota shown, and the reviewers' progress."""
        cycle = self.cycle
        if cycle is None:
            return
        self.ranking = self._svc.rank(self.ctx.actor, cycle.year, cycle.level, quota=self.ui.quotaSpin.value())
        self.rank_model.set_rows(list(self.ranking.entries))
        message = self.ui.lineMessage
        if self.ranking.tie_at_line:
            tied = joined(f"{e.org} {e.name}" for e in self.ranking.entries if e.application_id in self.ranking.tied)
            message.setText(self.tr("Tie at the quota line: {names} share a rank for %n place(s). "
                                    "The committee decides; it is never broken silently.", "",
                                    self.ranking.seats).format(names=tied))
            message.setStyleSheet(f"color: {BAD}; font-weight: bold;")
        elif self.ranking.decided_on is not None:
            message.setText(self.tr("Decided on {date}.").format(date=self.ranking.decided_on.isoformat()))
            message.setStyleSheet("")
        else:
            message.setText(self.tr("No tie at the quota line."))
            message.setStyleSheet("")
        self.ui.awardButton.setEnabled(self.ranking.decided_on is None)
        self.progress_model.set_rows(self._svc.progress(self.ctx.actor, cycle.year, cycle.level))

    # ------------------------------------------------------------------ slots
    def _on_quota_spin_value_changed(self, _value: int) -> None:
        self._label_award_button()
        try:
            self.reload()
        except Exception as exc:
            report_exception(exc, self)

    def _on_award_button_clicked(self) -> None:
        cycle = self.cycle
        if cycle is None or self.ranking is None:
            return
        choice = None
        if self.ranking.tie_at_line:
            tied = [e for e in self.ranking.entries if e.application_id in self.ranking.tied]
            names = [f"{e.org} {e.name}" for e in tied]
            picked = []
            for _ in range(self.ranking.seats):
                name, ok = QInputDialog.getItem(self, self.tr("Tie at the quota line"),
                                                self.tr("The committee's choice for a remaining place:"),
                                                [n for n in names if n not in picked], 0, False)
                if not ok:
                    return
                picked.append(name)
            choice = [n.split(" ", 1)[0] for n in picked]
        d = self.ui.decisionDate.date()
        try:
            self._svc.award(self.ctx.actor, cycle.year, cycle.level, self.ui.quotaSpin.value(),
                            decided_on=dt.date(d.year(), d.month(), d.day()),
                            meeting_ref=self.ui.meetingEdit.text().strip() or None, committee_choice=choice)
        except Exception as exc:
            report_exception(exc, self)
            return
        self.sig_data_changed.emit()
