"""示范窗口 — showcase units: cycles, applications, the score grid, the ranking with the quota line,
awards and certificates, and the verify box (issue 4 §6, DESIGN §5).

Over ``services.showcase`` only (no SQL here). The page has a cycle chooser (year × level, with
the cycle's title, quota, sheet and panel) and four tabs:

- **Applications** (申报): filtered by level, branch and status; the selected one's form, past
  awards and titles won outside; status actions and the nomination to the next level.
- **Score sheets** (评分): the application's sheets (回避 / trimmed / outlier marked) and the score
  grid — item, points, score, 扣分原因: a score above the item's points is refused in the cell,
  a deduction without a reason is flagged (the sheet is still saved, with the warning shown).
- **Ranking** (排名): final scores and ranks with the quota line; a tie at the line is shown and
  the award asks the committee to name the places; decision date and meeting reference; progress
  per reviewer.
- **Awards & certificates** (授予与证书): the register, a preview of the selected certificate (its
  layout drawn with QPainter from the same layout the PDF uses — PySide6-Essentials has no QtPdf),
  print through the system print dialog (logged), save the PDF, revoke, export the register,
  counts against the national target, and the verify box (number or scanned QR text).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QInputDialog, QLabel, QLineEdit, QMessageBox, QPushButton, QSizePolicy, QSpinBox, QSplitter, QTableView,
    QTableWidget, QTableWidgetItem, QTabWidget, QTextBrowser, QVBoxLayout, QWidget,
)

from qsm_desktop.ui.errors import os_problem_text, report_exception
from qsm_desktop.ui.models.table import ALIGN_CENTER, ALIGN_RIGHT, Column, RowTableModel, fmt_date
from qsm_desktop.ui.style import BAD, GOOD_BG, MUTED, WARN_BG
from qsm_desktop.ui.views.base import Page
from qsm_desktop.ui.widgets.date_edit import date_edit

LEVELS = ("总行级", "分行级", "全国级")
STATUSES = ("草稿", "已提交", "分行推荐", "总行评审中", "已授予", "未通过", "已撤回")

_TERMS = {  # the stored (Chinese) levels and statuses as shown: English sources, Chinese in qsm_zh_CN.ts
    "总行级": QT_TRANSLATE_NOOP("ShowcaseTerms", "head-office level"),
    "分行级": QT_TRANSLATE_NOOP("ShowcaseTerms", "branch level"),
    "全国级": QT_TRANSLATE_NOOP("ShowcaseTerms", "national level"),
    "草稿": QT_TRANSLATE_NOOP("ShowcaseTerms", "draft"),
    "已提交": QT_TRANSLATE_NOOP("ShowcaseTerms", "submitted"),
    "分行推荐": QT_TRANSLATE_NOOP("ShowcaseTerms", "recommended by the branch"),
    "总行评审中": QT_TRANSLATE_NOOP("ShowcaseTerms", "under head-office review"),
    "已授予": QT_TRANSLATE_NOOP("ShowcaseTerms", "awarded"),
    "未通过": QT_TRANSLATE_NOOP("ShowcaseTerms", "not awarded"),
    "已撤回": QT_TRANSLATE_NOOP("ShowcaseTerms", "withdrawn"),
    # the application form's fields (DESIGN §3.5), stored under their Chinese labels
    "在岗员工数": QT_TRANSLATE_NOOP("ShowcaseTerms", "Staff in post"),
    "持证上岗人数": QT_TRANSLATE_NOOP("ShowcaseTerms", "Certified staff"),
    "大堂经理人数": QT_TRANSLATE_NOOP("ShowcaseTerms", "Lobby managers"),
    "年度有效投诉件数": QT_TRANSLATE_NOOP("ShowcaseTerms", "Valid complaints in the year"),
    "神秘访客平均得分": QT_TRANSLATE_NOOP("ShowcaseTerms", "Mystery shopper average"),
    "客户满意度": QT_TRANSLATE_NOOP("ShowcaseTerms", "Customer satisfaction"),
    "网点负责人": QT_TRANSLATE_NOOP("ShowcaseTerms", "Outlet manager"),
    "联系电话": QT_TRANSLATE_NOOP("ShowcaseTerms", "Telephone"),
    "近三年所获荣誉": QT_TRANSLATE_NOOP("ShowcaseTerms", "Honours in the last three years"),
    "创建工作简述": QT_TRANSLATE_NOOP("ShowcaseTerms", "Summary of the work"),
}


def term(value: str | None) -> str:
    """An award level, application status or application-form field (stored in Chinese) in the
    window's language; anything else as it is."""
    if value is None:
        return ""
    source = _TERMS.get(str(value))
    return QCoreApplication.translate("ShowcaseTerms", source) if source else str(value)


def cycle_label(cycle) -> str:
    """``2007 总行级`` / ``2007 head-office level``."""
    return f"{cycle.year} {term(cycle.level)}"
LINE_COLOURS = {"within": (None, GOOD_BG), "tied": (BAD, WARN_BG), "outside": (MUTED, None), "unscored": (MUTED, None)}
MM = 72.0 / 25.4


def _score(value) -> str:
    return "—" if value is None else f"{Decimal(value):.2f}"


def _plain(value) -> str:
    return "" if value is None else format(Decimal(value).normalize(), "f")


class CertificatePreview(QWidget):
    """Draws a certificate page (A4 landscape) from the PDF's own layout: frame, every laid-out
    line in its font size and colour, and the QR code's modules (reportlab's encoder)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("certificatePreview")
        self.setMinimumSize(QSize(360, 255))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.certificate = None
        self._items: list = []
        self._modules: list[list[bool]] = []
        self._template = None

    def set_certificate(self, cert) -> None:
        """Show ``cert`` (a ``reports.certificate.AwardCertificate``) or nothing (``None``)."""
        from qsm_desktop.reports.certificate import CertificateTemplate, layout, qr_text
        from qsm_desktop.reports.fonts import pdf_fonts
        from qsm_desktop.reports.qr import qr_modules

        self.certificate = cert
        self._template = CertificateTemplate()
        self._items, self._modules = [], []
        if cert is not None:
            self._items = layout(cert, self._template, pdf_fonts())
            self._modules = qr_modules(qr_text(cert), level=self._template.qr.level)
        self.update()

    def texts(self) -> list[str]:
        """The lines drawn (tests)."""
        return [i.text for i in self._items]

    def paint_page(self, painter: QPainter, width: float, height: float) -> None:
        """Paint the page scaled to ``width`` × ``height`` device units (screen or printer)."""
        painter.fillRect(QRectF(0, 0, width, height), QColor("white"))
        t = self._template
        if t is None or self.certificate is None:
            return
        page_w, page_h = t.page.width_mm * MM, t.page.height_mm * MM
        scale = min(width / page_w, height / page_h)
        painter.save()
        painter.scale(scale, scale)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        b = t.border
        if b.enabled:
            for inset, pen_width, colour in ((b.outer_inset_mm, b.outer_width_pt, b.outer_color),
                                             (b.inner_inset_mm, b.inner_width_pt, b.inner_color)):
                painter.setPen(QPen(QColor(colour), pen_width))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(QRectF(inset * MM, inset * MM, page_w - 2 * inset * MM, page_h - 2 * inset * MM))
        for item in self._items:
            font = QFont(self.font())
            font.setPixelSize(max(1, round(item.size)))
            font.setBold(item.bold)
            painter.setFont(font)
            painter.setPen(QColor(item.color))
            top = page_h - item.y - item.size
            # each run where the PDF puts it (its offset from the layout), so Latin digits and
            # the full-width cells of Chinese quotes sit as they print
            for _font, run, offset in item.runs or (("", item.text, 0.0),):
                x = item.x + offset
                if item.char_space:
                    for ch in run:
                        painter.drawText(QRectF(x, top, item.size * 2, item.size * 1.3), ch)
                        x += painter.fontMetrics().horizontalAdvance(ch) + item.char_space
                else:
                    painter.drawText(QRectF(x, top, max(item.width, item.size) * 1.2, item.size * 1.3), run)
        if self._modules:
            q = t.qr
            n = len(self._modules)
            module = q.size_mm * MM / (n + 8)
            left, top = q.x_mm * MM + 4 * module, q.y_mm * MM + 4 * module
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor("black")))
            for r, row in enumerate(self._modules):
                for c, dark in enumerate(row):
                    if dark:
                        painter.drawRect(QRectF(left + c * module, top + r * module, module, module))
        painter.restore()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        t_w, t_h = 297.0, 210.0
        w = min(self.width(), self.height() * t_w / t_h)
        h = w * t_h / t_w
        painter.translate((self.width() - w) / 2, (self.height() - h) / 2)
        painter.setPen(QColor("#c8cdd2"))
        painter.drawRect(QRectF(0, 0, w - 1, h - 1))
        self.paint_page(painter, w, h)
        painter.end()


def _qdate(day: dt.date | None) -> QDate:
    return QDate(day.year, day.month, day.day) if day else QDate()


def _pydate(edit: QDateEdit) -> dt.date | None:
    d = edit.date()
    return None if edit.date() == edit.minimumDate() else dt.date(d.year(), d.month(), d.day())


class CycleDialog(QDialog):
    """Edit a cycle's settings (评选周期设置): official title and announcement date, application
    window, quota, required attachments, number pattern, issuing body, re-inspection interval,
    and another score sheet (TOML) while scoring has not started."""

    def __init__(self, cycle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cycleDialog")
        self.setWindowTitle(self.tr("Award cycle {label}").format(label=cycle.label))
        self.sheet_file: str | None = None
        form = QFormLayout(self)
        self.title_edit = QLineEdit(cycle.title, self)
        self.announced = self._date(cycle.announced_on)
        self.window_start = self._date(cycle.window_start)
        self.window_end = self._date(cycle.window_end)
        self.quota = QSpinBox(self)
        self.quota.setRange(-1, 999)
        self.quota.setSpecialValueText(self.tr("not set"))
        self.quota.setValue(-1 if cycle.quota is None else cycle.quota)
        self.attachments = QLineEdit("、".join(cycle.required_attachments), self)
        self.pattern = QLineEdit(cycle.number_pattern, self)
        self.issuer = QLineEdit(cycle.issuing_body, self)
        self.reinspection = QSpinBox(self)
        self.reinspection.setRange(1, 10)
        self.reinspection.setValue(cycle.reinspection_years)
        self.sheet_button = QPushButton(self.tr("Load another score sheet (TOML)…"), self)
        self.sheet_button.setEnabled(not cycle.scoring_started)
        self.sheet_button.clicked.connect(self._on_sheet_button_clicked)
        for label, widget in ((self.tr("Official title:"), self.title_edit), (self.tr("Announced on:"), self.announced),
                              (self.tr("Applications from:"), self.window_start), (self.tr("Applications until:"), self.window_end),
                              (self.tr("Quota:"), self.quota), (self.tr("Required attachments (separated by 、):"), self.attachments),
                              (self.tr("Certificate number pattern:"), self.pattern), (self.tr("Issuing body:"), self.issuer),
                              (self.tr("Re-inspection after (years):"), self.reinspection),
                              (self.tr("Score sheet: {name}").format(name=cycle.sheet.name), self.sheet_button)):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _date(self, day: dt.date | None) -> QDateEdit:
        edit = date_edit(self)
        edit.setMinimumDate(QDate(1990, 1, 1))
        edit.setSpecialValueText(self.tr("not set"))
        edit.setDate(_qdate(day) if day else edit.minimumDate())
        return edit

    def settings(self) -> dict:
        """The settings as :meth:`ShowcaseService.update_cycle` takes them."""
        return {"title": self.title_edit.text().strip(), "announced_on": _pydate(self.announced),
                "window_start": _pydate(self.window_start), "window_end": _pydate(self.window_end),
                "quota": None if self.quota.value() < 0 else self.quota.value(),
                "required_attachments": [a for a in self.attachments.text().replace(",", "、").split("、") if a.strip()],
                "number_pattern": self.pattern.text().strip(), "issuing_body": self.issuer.text().strip(),
                "reinspection_years": self.reinspection.value()}

    def _on_sheet_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Score sheet"), "", self.tr("TOML (*.toml)"))
        if path:
            self.sheet_file = path
            self.sheet_button.setText(Path(path).name)


class ShowcasePage(Page):
    """The 示范窗口 page."""

    page_id = "showcase"
    icon_name = "showcase"
    sig_data_changed = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.cycles: list = []
        self.ranking = None
        self.apps: list = []
        self.sheet_template = None
        self._filling_grid = False
        # -- cycle bar
        bar = QHBoxLayout()
        self.cycle_label = QLabel(self)
        bar.addWidget(self.cycle_label)
        self.cycle_combo = QComboBox(self)
        self.cycle_combo.setObjectName("cycleCombo")
        self.cycle_combo.setMinimumWidth(140)
        bar.addWidget(self.cycle_combo)
        self.cycle_info = QLabel(self)
        self.cycle_info.setObjectName("cycleInfo")
        self.cycle_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cycle_info.setWordWrap(True)
        bar.addWidget(self.cycle_info, 1)
        self.edit_cycle_button = QPushButton(self)
        self.edit_cycle_button.setObjectName("editCycleButton")
        bar.addWidget(self.edit_cycle_button)
        self.body.addLayout(bar)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("showcaseTabs")
        self.body.addWidget(self.tabs, 1)
        self._build_applications()
        self._build_scores()
        self._build_ranking()
        self._build_awards()
        self.cycle_combo.currentIndexChanged.connect(self._on_cycle_combo_current_index_changed)
        self.edit_cycle_button.clicked.connect(self._on_edit_cycle_button_clicked)
        self.retranslateUi()

    # ================================================================== building
    def _table(self, model, name: str) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def _build_applications(self) -> None:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        filters = QHBoxLayout()
        self.level_filter_label, self.branch_filter_label, self.status_filter_label = QLabel(tab), QLabel(tab), QLabel(tab)
        self.level_filter = QComboBox(tab)
        self.level_filter.setObjectName("levelFilter")
        self.branch_filter = QComboBox(tab)
        self.branch_filter.setObjectName("branchFilter")
        self.status_filter = QComboBox(tab)
        self.status_filter.setObjectName("statusFilter")
        for label, combo in ((self.level_filter_label, self.level_filter), (self.branch_filter_label, self.branch_filter),
                             (self.status_filter_label, self.status_filter)):
            filters.addWidget(label)
            filters.addWidget(combo)
        filters.addStretch(1)
        layout.addLayout(filters)
        split = QSplitter(Qt.Orientation.Horizontal, tab)
        self.app_model = RowTableModel([
            Column("code", QT_TRANSLATE_NOOP("ShowcasePage", "Code"), lambda a: a.outlet_code),
            Column("name", QT_TRANSLATE_NOOP("ShowcasePage", "Outlet"), lambda a: a.outlet_name),
            Column("branch", QT_TRANSLATE_NOOP("ShowcasePage", "Branch"), lambda a: a.branch_name or ""),
            Column("level", QT_TRANSLATE_NOOP("ShowcasePage", "Level"), lambda a: term(a.level), align=ALIGN_CENTER),
            Column("status", QT_TRANSLATE_NOOP("ShowcasePage", "Status"), lambda a: term(a.status), align=ALIGN_CENTER),
            Column("sheets", QT_TRANSLATE_NOOP("ShowcasePage", "Score sheets"), lambda a: a.sheets, align=ALIGN_RIGHT),
        ], "ShowcasePage", self)
        self.app_table = self._table(self.app_model, "applicationTable")
        split.addWidget(self.app_table)
        detail = QWidget(split)
        dl = QVBoxLayout(detail)
        self.app_detail = QTextBrowser(detail)
        self.app_detail.setObjectName("applicationDetail")
        dl.addWidget(self.app_detail, 1)
        buttons = QGridLayout()  # two rows, so the list beside keeps its width in either language
        self.action_buttons: dict[str, QPushButton] = {}
        for n, action in enumerate(("submit", "recommend", "start_review", "reject", "withdraw", "return")):
            button = QPushButton(detail)
            button.setObjectName(f"action_{action}")
            button.clicked.connect(lambda _c=False, a=action: self._on_action_clicked(a))
            self.action_buttons[action] = button
            buttons.addWidget(button, n // 4, n % 4)
        self.nominate_button = QPushButton(detail)
        self.nominate_button.setObjectName("nominateButton")
        self.nominate_button.clicked.connect(self._on_nominate_button_clicked)
        buttons.addWidget(self.nominate_button, 1, 2, 1, 2)
        more = QHBoxLayout()
        self.attach_button = QPushButton(detail)
        self.attach_button.setObjectName("attachButton")
        self.attach_button.clicked.connect(self._on_attach_button_clicked)
        self.outside_button = QPushButton(detail)
        self.outside_button.setObjectName("outsideTitleButton")
        self.outside_button.clicked.connect(self._on_outside_button_clicked)
        more.addWidget(self.attach_button)
        more.addWidget(self.outside_button)
        more.addStretch(1)
        dl.addLayout(more)
        dl.addLayout(buttons)
        split.addWidget(detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        self.tabs.addTab(tab, "")
        for combo in (self.level_filter, self.branch_filter, self.status_filter):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.app_table.selectionModel().currentRowChanged.connect(self._on_app_table_current_row_changed)

    def _build_scores(self) -> None:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        top = QHBoxLayout()
        self.score_app_label = QLabel(tab)
        self.score_app_combo = QComboBox(tab)
        self.score_app_combo.setObjectName("scoreApplicationCombo")
        top.addWidget(self.score_app_label)
        top.addWidget(self.score_app_combo, 1)
        layout.addLayout(top)
        split = QSplitter(Qt.Orientation.Vertical, tab)
        self.sheet_model = RowTableModel([
            Column("reviewer", QT_TRANSLATE_NOOP("ShowcasePage", "Reviewer"), lambda s: s.reviewer),
            Column("org", QT_TRANSLATE_NOOP("ShowcasePage", "Reviewer's unit"), lambda s: f"{s.reviewer_org} {s.reviewer_org_name}"),
            Column("date", QT_TRANSLATE_NOOP("ShowcasePage", "Date"), lambda s: s.scored_on, fmt_date, ALIGN_CENTER),
            Column("total", QT_TRANSLATE_NOOP("ShowcasePage", "Total"), lambda s: s.total, _plain, ALIGN_RIGHT),
            Column("counted", QT_TRANSLATE_NOOP("ShowcasePage", "Counted"), lambda s: s, self._counted_text,
                   colour=lambda s: (BAD, WARN_BG) if s.excluded or s.outlier else (None, None)),
            Column("warnings", QT_TRANSLATE_NOOP("ShowcasePage", "Deductions without reason"), lambda s: s.warnings,
                   align=ALIGN_RIGHT),
        ], "ShowcasePage", self)
        self.sheet_table = self._table(self.sheet_model, "sheetTable")
        split.addWidget(self.sheet_table)
        grid_box = QGroupBox(tab)
        self.grid_box = grid_box
        gl = QVBoxLayout(grid_box)
        who = QFormLayout()
        self.reviewer_edit = QLineEdit(grid_box)
        self.reviewer_edit.setObjectName("reviewerEdit")
        self.reviewer_org_edit = QLineEdit(grid_box)
        self.reviewer_org_edit.setObjectName("reviewerOrgEdit")
        self.reviewer_label, self.reviewer_org_label = QLabel(grid_box), QLabel(grid_box)
        who.addRow(self.reviewer_label, self.reviewer_edit)
        who.addRow(self.reviewer_org_label, self.reviewer_org_edit)
        gl.addLayout(who)
        self.grid = QTableWidget(0, 4, grid_box)
        self.grid.setObjectName("scoreGrid")
        self.grid.verticalHeader().setVisible(False)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.grid.horizontalHeader().setStretchLastSection(True)
        gl.addWidget(self.grid, 1)
        row = QHBoxLayout()
        self.grid_message = QLabel(grid_box)
        self.grid_message.setObjectName("gridMessage")
        self.grid_message.setWordWrap(True)
        row.addWidget(self.grid_message, 1)
        self.save_sheet_button = QPushButton(grid_box)
        self.save_sheet_button.setObjectName("saveSheetButton")
        row.addWidget(self.save_sheet_button)
        gl.addLayout(row)
        split.addWidget(grid_box)
        split.setSizes([220, 360])
        layout.addWidget(split, 1)
        self.tabs.addTab(tab, "")
        self.score_app_combo.currentIndexChanged.connect(self._on_score_app_combo_current_index_changed)
        self.sheet_table.selectionModel().currentRowChanged.connect(self._on_sheet_table_current_row_changed)
        self.grid.itemChanged.connect(self._on_grid_item_changed)
        self.save_sheet_button.clicked.connect(self._on_save_sheet_button_clicked)

    def _build_ranking(self) -> None:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        top = QHBoxLayout()
        self.quota_label = QLabel(tab)
        self.quota_spin = QSpinBox(tab)
        self.quota_spin.setObjectName("quotaSpin")
        self.quota_spin.setRange(0, 999)
        self.decision_date_label = QLabel(tab)
        self.decision_date = date_edit(tab, "decisionDate")
        self.meeting_label = QLabel(tab)
        self.meeting_edit = QLineEdit(tab)
        self.meeting_edit.setObjectName("meetingEdit")
        self.award_button = QPushButton(tab)
        self.award_button.setObjectName("awardButton")
        for w in (self.quota_label, self.quota_spin, self.decision_date_label, self.decision_date, self.meeting_label,
                  self.meeting_edit, self.award_button):
            top.addWidget(w)
        top.addStretch(1)
        layout.addLayout(top)
        self.line_message = QLabel(tab)
        self.line_message.setObjectName("lineMessage")
        self.line_message.setWordWrap(True)
        layout.addWidget(self.line_message)
        split = QSplitter(Qt.Orientation.Vertical, tab)

        def colour(e):
            return LINE_COLOURS.get(e.line, (None, None))

        self.rank_model = RowTableModel([
            Column("rank", QT_TRANSLATE_NOOP("ShowcasePage", "Rank"), lambda e: e.rank, lambda v: "—" if v is None else str(v),
                   ALIGN_CENTER, colour=colour),
            Column("code", QT_TRANSLATE_NOOP("ShowcasePage", "Code"), lambda e: e.org, colour=colour),
            Column("name", QT_TRANSLATE_NOOP("ShowcasePage", "Outlet"), lambda e: e.name, colour=colour),
            Column("final", QT_TRANSLATE_NOOP("ShowcasePage", "Final score"), lambda e: e.final, _score, ALIGN_RIGHT,
                   sort=lambda v: -1 if v is None else v, colour=colour),
            Column("valid", QT_TRANSLATE_NOOP("ShowcasePage", "Valid sheets"), lambda e: e.valid_sheets, align=ALIGN_RIGHT),
            Column("excluded", QT_TRANSLATE_NOOP("ShowcasePage", "Excluded (conflict)"), lambda e: e.excluded_sheets,
                   align=ALIGN_RIGHT),
            Column("line", QT_TRANSLATE_NOOP("ShowcasePage", "Quota line"), lambda e: e.line, self._line_text, ALIGN_CENTER,
                   colour=colour),
            Column("outliers", QT_TRANSLATE_NOOP("ShowcasePage", "Flagged reviewers"), lambda e: "、".join(e.outliers)),
        ], "ShowcasePage", self)
        self.rank_table = self._table(self.rank_model, "rankTable")
        split.addWidget(self.rank_table)
        self.progress_model = RowTableModel([
            Column("name", QT_TRANSLATE_NOOP("ShowcasePage", "Reviewer"), lambda p: p.name),
            Column("org", QT_TRANSLATE_NOOP("ShowcasePage", "Reviewer's unit"), lambda p: f"{p.org_code} {p.org_name}"),
            Column("scored", QT_TRANSLATE_NOOP("ShowcasePage", "Scored"), lambda p: p.scored, align=ALIGN_RIGHT),
            Column("todo", QT_TRANSLATE_NOOP("ShowcasePage", "To score"), lambda p: p.to_score, align=ALIGN_RIGHT),
            Column("conflicted", QT_TRANSLATE_NOOP("ShowcasePage", "Conflicted"), lambda p: p.conflicted, align=ALIGN_RIGHT),
            Column("flagged", QT_TRANSLATE_NOOP("ShowcasePage", "Flagged far from the panel"), lambda p: p.flagged,
                   align=ALIGN_RIGHT, colour=lambda p: (BAD, None) if p.flagged else (None, None)),
        ], "ShowcasePage", self)
        self.progress_table = self._table(self.progress_model, "progressTable")
        split.addWidget(self.progress_table)
        split.setSizes([330, 200])
        layout.addWidget(split, 1)
        self.tabs.addTab(tab, "")
        self.quota_spin.valueChanged.connect(self._on_quota_spin_value_changed)
        self.award_button.clicked.connect(self._on_award_button_clicked)

    def _build_awards(self) -> None:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        verify = QHBoxLayout()
        self.verify_label = QLabel(tab)
        self.verify_edit = QLineEdit(tab)
        self.verify_edit.setObjectName("verifyEdit")
        self.verify_button = QPushButton(tab)
        self.verify_button.setObjectName("verifyButton")
        self.verify_result = QLabel(tab)
        self.verify_result.setObjectName("verifyResult")
        self.verify_result.setWordWrap(True)
        verify.addWidget(self.verify_label)
        verify.addWidget(self.verify_edit, 2)
        verify.addWidget(self.verify_button)
        verify.addWidget(self.verify_result, 3)
        layout.addLayout(verify)
        self.counts_label = QLabel(tab)
        self.counts_label.setObjectName("countsLabel")
        self.counts_label.setWordWrap(True)
        layout.addWidget(self.counts_label)
        split = QSplitter(Qt.Orientation.Horizontal, tab)
        left = QWidget(split)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.award_model = RowTableModel([
            Column("number", QT_TRANSLATE_NOOP("ShowcasePage", "Certificate number"), lambda a: a.number),
            Column("name", QT_TRANSLATE_NOOP("ShowcasePage", "Outlet"), lambda a: a.outlet_name),
            Column("date", QT_TRANSLATE_NOOP("ShowcasePage", "Awarded"), lambda a: a.awarded_on, fmt_date, ALIGN_CENTER),
            Column("state", QT_TRANSLATE_NOOP("ShowcasePage", "State"), lambda a: a, self._award_state,
                   colour=lambda a: (BAD, None) if a.revoked else (None, None)),
            Column("reinspection", QT_TRANSLATE_NOOP("ShowcasePage", "Re-inspection due"), lambda a: a.reinspection_due,
                   fmt_date, ALIGN_CENTER),
            Column("prints", QT_TRANSLATE_NOOP("ShowcasePage", "Prints"), lambda a: a.prints, align=ALIGN_RIGHT),
        ], "ShowcasePage", self)
        self.award_table = self._table(self.award_model, "awardTable")
        ll.addWidget(self.award_table, 1)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(left)
        self.print_button.setObjectName("printButton")
        self.save_pdf_button = QPushButton(left)
        self.save_pdf_button.setObjectName("savePdfButton")
        self.revoke_button = QPushButton(left)
        self.revoke_button.setObjectName("revokeButton")
        self.export_button = QPushButton(left)
        self.export_button.setObjectName("exportRegisterButton")
        for b in (self.print_button, self.save_pdf_button, self.revoke_button, self.export_button):
            buttons.addWidget(b)
        ll.addLayout(buttons)
        split.addWidget(left)
        self.preview = CertificatePreview(split)
        split.addWidget(self.preview)
        split.setSizes([620, 420])
        layout.addWidget(split, 1)
        self.tabs.addTab(tab, "")
        self.award_table.selectionModel().currentRowChanged.connect(self._on_award_table_current_row_changed)
        self.verify_button.clicked.connect(self._on_verify_button_clicked)
        self.verify_edit.returnPressed.connect(self._on_verify_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.save_pdf_button.clicked.connect(self._on_save_pdf_button_clicked)
        self.revoke_button.clicked.connect(self._on_revoke_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)

    # ================================================================== language
    def title(self) -> str:
        return self.tr("Showcase units")

    def subtitle(self) -> str:
        return self.tr("Award cycles, applications, on-site score sheets, ranking within the quota, awards and certificates")

    def retranslateUi(self) -> None:
        super().retranslateUi()
        self.cycle_label.setText(self.tr("Award cycle:"))
        self.edit_cycle_button.setText(self.tr("Edit cycle…"))
        for i, text in enumerate((self.tr("Applications"), self.tr("Score sheets"), self.tr("Ranking"),
                                  self.tr("Awards and certificates"))):
            self.tabs.setTabText(i, text)
        self.level_filter_label.setText(self.tr("Level:"))
        self.branch_filter_label.setText(self.tr("Branch:"))
        self.status_filter_label.setText(self.tr("Status:"))
        for combo, values in ((self.level_filter, LEVELS), (self.status_filter, STATUSES)):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("All"), None)
            for v in values:
                combo.addItem(term(v), v)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        if self.branch_filter.count() == 0:
            self.branch_filter.addItem(self.tr("All"), None)
        else:
            self.branch_filter.setItemText(0, self.tr("All"))
        labels = {"submit": self.tr("Submit"), "recommend": self.tr("Recommend (branch)"),
                  "start_review": self.tr("Start review"), "reject": self.tr("Not awarded"),
                  "withdraw": self.tr("Withdraw"), "return": self.tr("Return for changes")}
        for action, button in self.action_buttons.items():
            button.setText(labels[action])
        self.nominate_button.setText(self.tr("Nominate to next level"))
        self.attach_button.setText(self.tr("Add attachment…"))
        self.outside_button.setText(self.tr("Record a title won outside…"))
        self.score_app_label.setText(self.tr("Application:"))
        self.grid_box.setTitle(self.tr("Score grid (a score above the item's points is refused)"))
        self.reviewer_label.setText(self.tr("Reviewer:"))
        self.reviewer_org_label.setText(self.tr("Reviewer's org code:"))
        self.grid.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Points"), self.tr("Score"),
                                             self.tr("Reason for deduction")])
        self.save_sheet_button.setText(self.tr("Save sheet"))
        self.quota_label.setText(self.tr("Quota:"))
        self.decision_date_label.setText(self.tr("Decision date:"))
        self.meeting_label.setText(self.tr("Meeting ref.:"))
        self.meeting_edit.setPlaceholderText(self.tr("e.g. 服质委〔2007〕5号"))
        self._label_award_button()
        self.verify_label.setText(self.tr("Verify a certificate:"))
        self.verify_edit.setPlaceholderText(self.tr("certificate number or scanned QR text"))
        self.verify_button.setText(self.tr("Verify"))
        self.print_button.setText(self.tr("Print…"))
        self.save_pdf_button.setText(self.tr("Save PDF…"))
        self.revoke_button.setText(self.tr("Revoke…"))
        self.export_button.setText(self.tr("Export register…"))
        for model in (self.app_model, self.sheet_model, self.rank_model, self.progress_model, self.award_model):
            model.retranslate()

    def _counted_text(self, s) -> str:
        if s.excluded:
            return self.tr("Excluded: conflict of interest")
        parts = []
        if s.trimmed == "high":
            parts.append(self.tr("Dropped (highest)"))
        elif s.trimmed == "low":
            parts.append(self.tr("Dropped (lowest)"))
        else:
            parts.append(self.tr("Counted"))
        if s.outlier is not None:
            parts.append(self.tr("far from the panel ({z:+.1f} SD)").format(z=s.outlier.z))
        return "; ".join(parts)

    def _line_text(self, line: str) -> str:
        return {"within": self.tr("Within quota"), "tied": self.tr("Tied at the line"), "outside": self.tr("Outside"),
                "unscored": self.tr("No valid sheet")}.get(line, "")

    def _award_state(self, a) -> str:
        if a.revoked:
            return self.tr("Revoked {date}: {reason}").format(date=a.revoked_on.isoformat(), reason=a.revoke_reason or "")
        return self.tr("Valid")

    # ================================================================== data
    @property
    def _svc(self):
        return self.ctx.services.showcase

    def _current_cycle(self):
        index = self.cycle_combo.currentIndex()
        return self.cycles[index] if 0 <= index < len(self.cycles) else None

    def reload(self) -> None:
        current = self._current_cycle()
        self.cycles = self._svc.cycles(self.ctx.actor)
        self.cycle_combo.blockSignals(True)
        self.cycle_combo.clear()
        for c in self.cycles:
            self.cycle_combo.addItem(cycle_label(c), c.id)
        if current is not None:
            self.cycle_combo.setCurrentIndex(max(0, self.cycle_combo.findData(current.id)))
        self.cycle_combo.blockSignals(False)
        branches = [n for n in self.ctx.services.orgs.tree(self.ctx.actor) if n.type == "分行"]
        chosen = self.branch_filter.currentData()
        self.branch_filter.blockSignals(True)
        self.branch_filter.clear()
        self.branch_filter.addItem(self.tr("All"), None)
        for b in branches:
            self.branch_filter.addItem(f"{b.code} {b.name}", b.code)
        self.branch_filter.setCurrentIndex(max(0, self.branch_filter.findData(chosen)))
        self.branch_filter.blockSignals(False)
        self._load_cycle()

    def _load_cycle(self) -> None:
        cycle = self._current_cycle()
        if cycle is None:
            self.cycle_info.setText(self.tr("No award cycle yet: import showcase application forms on the Returns page."))
            for model in (self.app_model, self.sheet_model, self.rank_model, self.progress_model, self.award_model):
                model.set_rows([])
            self.preview.set_certificate(None)
            return
        if getattr(self, "cycle", None) is None or self.cycle.id != cycle.id:
            # a newly chosen cycle shows its own level's applications (the filter can widen it again)
            self.level_filter.blockSignals(True)
            self.level_filter.setCurrentIndex(max(0, self.level_filter.findData(cycle.level)))
            self.level_filter.blockSignals(False)
        self.cycle = cycle
        self.sheet_template = cycle.sheet
        self.cycle_info.setText(self.tr("{title} · announced {announced} · quota {quota} · sheet {sheet} ({points} points) · "
                                        "{apps} applications · {sheets} sheets · panel of {panel}").format(
            title=cycle.title, announced=fmt_date(cycle.announced_on) or "—",
            quota="—" if cycle.quota is None else cycle.quota, sheet=cycle.sheet.name,
            points=_plain(cycle.sheet.total_points), apps=cycle.applications, sheets=cycle.sheets, panel=len(cycle.panel)))
        self.quota_spin.blockSignals(True)
        self.quota_spin.setValue(cycle.quota if cycle.quota is not None else min(3, cycle.applications))
        self.quota_spin.blockSignals(False)
        self._label_award_button()
        from qsm_desktop.domain.showcase import default_decision_date

        day = cycle.decided_on or default_decision_date(cycle.year, dt.date.today())
        self.decision_date.setDate(QDate(day.year, day.month, day.day))
        self._load_applications()
        self._load_ranking()
        self._load_awards()

    def _load_applications(self) -> None:
        cycle = self._current_cycle()
        if cycle is None:
            return
        level = self.level_filter.currentData()
        self.apps = self._svc.applications(self.ctx.actor, year=cycle.year, level=level,
                                           branch=self.branch_filter.currentData(), status=self.status_filter.currentData())
        self.app_model.set_rows(self.apps)
        if self.apps:
            self.app_table.selectRow(0)
        else:
            self.app_detail.clear()
        scoring = self._svc.applications(self.ctx.actor, year=cycle.year, level=cycle.level)
        current = self.score_app_combo.currentData()
        self.score_app_combo.blockSignals(True)
        self.score_app_combo.clear()
        for a in scoring:
            self.score_app_combo.addItem(f"{a.outlet_code} {a.outlet_name}（{term(a.status)}）", a.id)
        self.score_app_combo.setCurrentIndex(max(0, self.score_app_combo.findData(current)))
        self.score_app_combo.blockSignals(False)
        self._load_sheets()

    def _load_sheets(self) -> None:
        app_id = self.score_app_combo.currentData()
        sheets = self._svc.sheets(self.ctx.actor, app_id) if app_id is not None else []
        self.sheet_model.set_rows(sheets)
        self._fill_grid(None)

    def _fill_grid(self, sheet) -> None:
        """The grid for ``sheet`` (its scores) or a blank sheet of the cycle's items."""
        self._filling_grid = True
        items = self.sheet_template.items if self.sheet_template is not None else ()
        self.grid.setRowCount(len(items))
        scored = {i.code: i for i in sheet.items} if sheet is not None else {}
        for r, item in enumerate(items):
            name = QTableWidgetItem(item.name)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            name.setData(Qt.ItemDataRole.UserRole, item.code)
            points = QTableWidgetItem(_plain(item.points))
            points.setFlags(points.flags() & ~Qt.ItemFlag.ItemIsEditable)
            points.setTextAlignment(ALIGN_RIGHT)
            got = scored.get(item.code)
            score = QTableWidgetItem(_plain(got.score) if got else "")
            score.setTextAlignment(ALIGN_RIGHT)
            reason = QTableWidgetItem((got.reason or "") if got else "")
            for c, cell in enumerate((name, points, score, reason)):
                self.grid.setItem(r, c, cell)
        self.reviewer_edit.setText(sheet.reviewer if sheet else "")
        self.reviewer_org_edit.setText(sheet.reviewer_org if sheet else "")
        self._filling_grid = False
        self._check_grid()

    def _grid_entries(self):
        from qsm_desktop.domain.showcase import ScoreEntry

        entries = []
        for r in range(self.grid.rowCount()):
            text = (self.grid.item(r, 2).text() if self.grid.item(r, 2) else "").strip()
            try:
                score = Decimal(text) if text else None
            except InvalidOperation:
                score = None
            entries.append(ScoreEntry(position=r + 1, name=self.grid.item(r, 0).text(), code=self.grid.item(r, 0).data(
                Qt.ItemDataRole.UserRole), score=score, reason=(self.grid.item(r, 3).text() if self.grid.item(r, 3) else "")))
        return entries

    def _check_grid(self) -> list[str]:
        """Colour deductions without a reason; return the warnings shown under the grid."""
        warnings = []
        self._filling_grid = True
        for r in range(self.grid.rowCount()):
            score_item, reason_item = self.grid.item(r, 2), self.grid.item(r, 3)
            points = Decimal(self.grid.item(r, 1).text())
            text = score_item.text().strip()
            missing_reason = False
            try:
                missing_reason = bool(text) and Decimal(text) < points and not reason_item.text().strip()
            except InvalidOperation:
                pass
            reason_item.setBackground(QBrush(QColor(WARN_BG)) if missing_reason else QBrush())
            if missing_reason:
                warnings.append(self.tr("“{item}”: points deducted without a reason").format(item=self.grid.item(r, 0).text()))
        self._filling_grid = False
        total = sum((e.score for e in self._grid_entries() if e.score is not None), Decimal(0))
        lines = [self.tr("Total: {total}").format(total=_plain(total))] + warnings
        self.grid_message.setText("\n".join(lines))
        self.grid_message.setStyleSheet(f"color: {BAD};" if warnings else "")
        return warnings

    def _load_ranking(self) -> None:
        cycle = self._current_cycle()
        if cycle is None:
            return
        self.ranking = self._svc.rank(self.ctx.actor, cycle.year, cycle.level, quota=self.quota_spin.value())
        self.rank_model.set_rows(list(self.ranking.entries))
        if self.ranking.tie_at_line:
            tied = "、".join(f"{e.org} {e.name}" for e in self.ranking.entries if e.application_id in self.ranking.tied)
            self.line_message.setText(self.tr("Tie at the quota line: {names} share a rank for {seats} place(s). "
                                              "The committee decides; it is never broken silently.").format(
                names=tied, seats=self.ranking.seats))
            self.line_message.setStyleSheet(f"color: {BAD}; font-weight: bold;")
        elif self.ranking.decided_on is not None:
            self.line_message.setText(self.tr("Decided on {date}.").format(date=self.ranking.decided_on.isoformat()))
            self.line_message.setStyleSheet("")
        else:
            self.line_message.setText(self.tr("No tie at the quota line."))
            self.line_message.setStyleSheet("")
        self.award_button.setEnabled(self.ranking.decided_on is None)
        self.progress_model.set_rows(self._svc.progress(self.ctx.actor, cycle.year, cycle.level))

    def _load_awards(self) -> None:
        cycle = self._current_cycle()
        if cycle is None:
            return
        awards = self._svc.awards(self.ctx.actor, year=cycle.year, level=cycle.level)
        self.award_model.set_rows(awards)
        if awards:
            self.award_table.selectRow(0)
        else:
            self.preview.set_certificate(None)
        counts = self._svc.counts(self.ctx.actor, dt.date(cycle.year, 12, 31))
        target = "—" if counts.national_target is None else f"{counts.national_target:g}"
        self.counts_label.setText(self.tr("Held on {date}: national level {national} (plan target {target}) · "
                                          "head-office level {head} · branch level {branch}").format(
            date=counts.as_of.isoformat(), national=counts.national, target=target,
            head=counts.bank.get("总行级", 0), branch=counts.bank.get("分行级", 0)))

    def _selected_award(self):
        index = self.award_table.currentIndex()
        return self.award_model.row_object(index.row()) if index.isValid() else None

    def _selected_application(self):
        index = self.app_table.currentIndex()
        return self.app_model.row_object(index.row()) if index.isValid() else None

    def _changed(self) -> None:
        self.sig_data_changed.emit()
        self.refresh()

    # ================================================================== slots
    def _on_cycle_combo_current_index_changed(self, _index: int) -> None:
        try:
            self._load_cycle()
        except Exception as exc:
            report_exception(exc, self)

    def _on_edit_cycle_button_clicked(self) -> None:
        cycle = self._current_cycle()
        if cycle is None:
            return
        dialog = CycleDialog(cycle, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            if dialog.sheet_file:
                self._svc.set_sheet(self.ctx.actor, cycle.id, Path(dialog.sheet_file))
                cycle = next(c for c in self._svc.cycles(self.ctx.actor) if c.id == cycle.id)
            self._svc.update_cycle(self.ctx.actor, cycle.id, cycle.version, **dialog.settings())
        except Exception as exc:
            report_exception(exc, self)
            return
        self._changed()

    def _on_filter_changed(self, _index: int) -> None:
        try:
            self._load_applications()
        except Exception as exc:
            report_exception(exc, self)

    def _on_app_table_current_row_changed(self, current, _previous) -> None:
        app = self.app_model.row_object(current.row()) if current.isValid() else None
        if app is None:
            return
        try:
            detail = self._svc.application(self.ctx.actor, app.id)
        except Exception as exc:
            report_exception(exc, self)
            return
        rows = "".join(f"<tr><td><b>{term(k)}</b></td><td>{v}</td></tr>" for k, v in detail.form.items())
        revoked = self.tr("revoked")
        past_title, outside_title = self.tr("Past awards"), self.tr("Titles won outside")
        past = "<br>".join(f"{a.number} {term(a.level)} {a.awarded_on}" + (f"（{revoked}）" if a.revoked else "")
                           for a in detail.past_awards) or "—"
        outside = "<br>".join(f"{t.official_name} {t.awarded_on}" for t in detail.outside_titles) or "—"
        attachments_title = self.tr("Attachments")
        required = set(self.cycle.required_attachments) if getattr(self, "cycle", None) else set()
        have = {a.kind for a in detail.attachments}
        files = "<br>".join(f"{a.name}（{a.size / 1024:.0f} KB, SHA-256 {a.sha256[:12]}…）" for a in detail.attachments)
        missing = "、".join(sorted(required - have))
        if missing:
            files += ("<br>" if files else "") + self.tr("Missing: {names}").format(names=missing)
        self.app_detail.setHtml(
            f"<h3>{detail.outlet_name}（{detail.outlet_code}）</h3>"
            f"<p>{detail.year} {term(detail.level)} · {term(detail.status)} · {detail.branch_name or ''}</p>"
            f"<table cellspacing='4'>{rows}</table>"
            f"<p><b>{past_title}</b><br>{past}</p><p><b>{outside_title}</b><br>{outside}</p>"
            f"<p><b>{attachments_title}</b><br>{files or '—'}</p>")
        for action, button in self.action_buttons.items():
            button.setEnabled(action in detail.actions)
        self.nominate_button.setEnabled(detail.status == "已授予" and detail.level != "全国级")

    def _on_action_clicked(self, action: str) -> None:
        app = self._selected_application()
        if app is None:
            return
        try:
            self._svc.act(self.ctx.actor, app.id, action, version=app.version)
        except Exception as exc:
            report_exception(exc, self)
            return
        self._changed()

    def _on_attach_button_clicked(self) -> None:
        app = self._selected_application()
        if app is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Add attachment"), "", self.tr("All files (*)"))
        if not path:
            return
        required = list(getattr(self, "cycle", None).required_attachments) if getattr(self, "cycle", None) else []
        kind = None
        if required:
            kind, ok = QInputDialog.getItem(self, self.tr("Add attachment"), self.tr("Which required document is it?"),
                                            required + [self.tr("(other)")], 0, False)
            if not ok:
                return
            kind = kind if kind in required else None
        try:
            self._svc.add_attachment(self.ctx.actor, app.id, Path(path).name, Path(path).read_bytes(), kind=kind)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Add attachment"), os_problem_text(exc))
            return
        except Exception as exc:
            report_exception(exc, self)
            return
        self._changed()

    def _on_outside_button_clicked(self) -> None:
        app = self._selected_application()
        if app is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Title won outside"),
                                        self.tr("Official name of the title (as announced):"))
        if not ok or not name.strip():
            return
        day, ok = QInputDialog.getText(self, self.tr("Title won outside"), self.tr("Date announced (2007-12-31):"),
                                       text=dt.date.today().isoformat())
        if not ok:
            return
        try:
            on = dt.date.fromisoformat(day.strip())
        except ValueError:
            QMessageBox.warning(self, self.tr("Title won outside"), self.tr("“{text}” is not a date.").format(text=day))
            return
        levels = ["全国级", "总行级", "分行级"]
        shown, ok = QInputDialog.getItem(self, self.tr("Title won outside"), self.tr("It counts as level:"),
                                         [term(v) for v in levels], 0, False)
        if not ok:
            return
        level = dict(zip((term(v) for v in levels), levels)).get(shown, shown)
        try:
            self._svc.record_outside_title(self.ctx.actor, app.outlet_code, level, name, on,
                                           application_id=app.id if app.status in ("分行推荐", "总行评审中") and app.level == level
                                           else None)
        except Exception as exc:
            report_exception(exc, self)
            return
        self._changed()

    def _on_nominate_button_clicked(self) -> None:
        app = self._selected_application()
        if app is None:
            return
        try:
            self._svc.nominate(self.ctx.actor, app.id)
        except Exception as exc:
            report_exception(exc, self)
            return
        self._changed()

    def _on_score_app_combo_current_index_changed(self, _index: int) -> None:
        try:
            self._load_sheets()
        except Exception as exc:
            report_exception(exc, self)

    def _on_sheet_table_current_row_changed(self, current, _previous) -> None:
        self._fill_grid(self.sheet_model.row_object(current.row()) if current.isValid() else None)

    def _on_grid_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling_grid:
            return
        if item.column() == 2:
            text = item.text().strip()
            points = Decimal(self.grid.item(item.row(), 1).text())
            problem = None
            if text:
                try:
                    value = Decimal(text)
                    if value > points:
                        problem = self.tr("A score cannot exceed the item's points ({points}).").format(points=_plain(points))
                    elif value < 0:
                        problem = self.tr("A score cannot be negative.")
                except InvalidOperation:
                    problem = self.tr("“{text}” is not a number.").format(text=text)
            if problem:  # refused in the cell: the value is not kept
                self._filling_grid = True
                item.setText("")
                self._filling_grid = False
                self._check_grid()
                self.grid_message.setText(problem)
                self.grid_message.setStyleSheet(f"color: {BAD}; font-weight: bold;")
                return
        self._check_grid()

    def _on_save_sheet_button_clicked(self) -> None:
        app_id = self.score_app_combo.currentData()
        if app_id is None:
            return
        try:
            result = self._svc.save_sheet(self.ctx.actor, app_id, self.reviewer_edit.text(),
                                          self.reviewer_org_edit.text().strip(), self._grid_entries(),
                                          scored_on=dt.date.today())
        except Exception as exc:
            report_exception(exc, self)
            return
        if result.warnings:
            QMessageBox.information(self, self.tr("Sheet saved with warnings"), "\n".join(result.warnings))
        self._changed()

    def _label_award_button(self) -> None:
        self.award_button.setText(self.tr("Award the top {n}…").format(n=self.quota_spin.value()))

    def _on_quota_spin_value_changed(self, _value: int) -> None:
        self._label_award_button()
        try:
            self._load_ranking()
        except Exception as exc:
            report_exception(exc, self)

    def _on_award_button_clicked(self) -> None:
        cycle = self._current_cycle()
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
        d = self.decision_date.date()
        try:
            self._svc.award(self.ctx.actor, cycle.year, cycle.level, self.quota_spin.value(),
                            decided_on=dt.date(d.year(), d.month(), d.day()),
                            meeting_ref=self.meeting_edit.text().strip() or None, committee_choice=choice)
        except Exception as exc:
            report_exception(exc, self)
            return
        self._changed()

    def _on_award_table_current_row_changed(self, current, _previous) -> None:
        award = self.award_model.row_object(current.row()) if current.isValid() else None
        try:
            certs = self._svc.certificate_data(self.ctx.actor, [award.number]) if award else []
        except Exception as exc:
            report_exception(exc, self)
            return
        self.preview.set_certificate(certs[0] if certs else None)

    def _on_verify_button_clicked(self) -> None:
        try:
            result = self._svc.verify(self.ctx.actor, self.verify_edit.text())
        except Exception as exc:
            report_exception(exc, self)
            return
        colour = {"valid": "#1e7b34", "revoked": BAD}.get(result.status, "#8a5a00")
        self.verify_result.setText(result.message)
        self.verify_result.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def _on_print_button_clicked(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        award = self._selected_award()
        if award is None or self.preview.certificate is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        from PySide6.QtGui import QPageLayout, QPageSize

        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        try:
            painter = QPainter(printer)
            page = printer.pageRect(QPrinter.Unit.DevicePixel)
            self.preview.paint_page(painter, page.width(), page.height())
            painter.end()
            self._svc.log_print(self.ctx.actor, [award.number], mode="dialog", target=printer.printerName() or None)
        except Exception as exc:
            report_exception(exc, self)
            return
        self._load_awards()

    def _on_save_pdf_button_clicked(self) -> None:
        cycle = self._current_cycle()
        if cycle is None:
            return
        chosen = self.ask_export_path(self.tr("Save certificates"), f"certificates_{cycle.year}_{cycle.level}.pdf",
                                      self.tr("PDF (*.pdf)"))
        if chosen is None:
            return
        path = str(chosen)
        actor = self.ctx.actor
        self.ctx.tasks.start(lambda task: self._svc.certificates(actor, cycle.year, cycle.level, path,
                                                                 progress=lambda d, t: task.progress(d, t),
                                                                 cancel=task.is_cancelled),
                             title=self.tr("Printing certificates"), writes=True, parent=self,
                             on_done=lambda _r: self._load_awards())

    def _on_revoke_button_clicked(self) -> None:
        award = self._selected_award()
        if award is None or award.revoked:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Revoke {number}").format(number=award.number),
                                          self.tr("Reason (the number is kept and never reused):"))
        if not ok or not reason.strip():
            return
        try:
            self._svc.revoke(self.ctx.actor, award.number, reason, dt.date.today(), version=award.version)
        except Exception as exc:
            report_exception(exc, self)
            return
        self._changed()

    def _on_export_button_clicked(self) -> None:
        path = self.ask_export_path(self.tr("Export the awards register"), "showcase_register.xlsx",
                                    self.tr("Excel (*.xlsx)"))
        if path is None:
            return
        try:
            self._svc.export_register(self.ctx.actor, path)
        except Exception as exc:
            report_exception(exc, self)


__all__ = ["CertificatePreview", "ShowcasePage"]
