"""培训 — training records: coverage by unit with a chart, courses with reaction, learning and effect,
staff C03 does not cover, export; and the person's training history for the register.

Figures are over the window's unit (its whole subtree) on the scope date, for the calendar year up
to that date (``services.training``, DESIGN §1 培训, §3.3; C03 of the 2007 indicator system):

- cards: staff on the roster, C03 coverage (服务意识 or 服务规范), any course, hours per head, pass
  rate, mean satisfaction;
- *Coverage by unit*: the unit and its direct subunits × coverage per category, with the chart
  (C03 against any course per subunit; per category for a unit without subunits);
- *Courses*: each course with attendees, reaction (满意度), learning (成绩, 合格率) and, for
  持证上岗培训 courses, the share certified within 180 days against same-post non-attendees, with
  the effect chart; *Edit course…* sets provider and target post categories (version-checked);
- *Not covered by C03*: roster staff with no 服务意识 or 服务规范 course in the year up to the date.

*Export* writes everything to one Excel workbook with the charts (``services.training.export``).
:class:`PersonTrainingPanel` is the training history shown in the register's detail panel.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
    QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter, QTabWidget, QTableView,
    QVBoxLayout, QWidget,
)

from qsm_desktop.domain.training import C03_CATEGORIES, TRAINING_CATEGORIES
from qsm_desktop.domain.names import shown
from qsm_desktop.ui.labels import POST_CATEGORIES, label
from qsm_desktop.ui.models.table import ALIGN_CENTER, ALIGN_RIGHT, Column, RowTableModel, fmt_date, fmt_int, fmt_percent
from qsm_desktop.ui.style import BAD, GOOD, icon
from qsm_desktop.ui.views.base import Page
from qsm_desktop.ui.widgets.card import FigureCard
from qsm_desktop.ui.widgets.chart import ChartCanvas
from qsm_desktop.ui.widgets.date_edit import date_edit
from qsm_desktop.ui.widgets.tables import fit_columns, read_only, show_rows

CONTEXT = "TrainingPage"

CATEGORY_LABELS = {
    "服务意识": QT_TRANSLATE_NOOP("TrainingPage", "Service awareness"),
    "服务规范": QT_TRANSLATE_NOOP("TrainingPage", "Service norms"),
    "营销技能": QT_TRANSLATE_NOOP("TrainingPage", "Marketing skills"),
    "专业岗位": QT_TRANSLATE_NOOP("TrainingPage", "Post skills"),
    "新业务": QT_TRANSLATE_NOOP("TrainingPage", "New business"),
    "持证上岗培训": QT_TRANSLATE_NOOP("TrainingPage", "Certification training"),
}
"""培训类别 (DESIGN §3.3) → English source string."""

PROVIDER_LABELS = {
    "internal": QT_TRANSLATE_NOOP("TrainingPage", "Internal"),
    "external": QT_TRANSLATE_NOOP("TrainingPage", "External"),
}


def category_label(category: str) -> str:
    """A training category in the current language."""
    source = CATEGORY_LABELS.get(category)
    return QCoreApplication.translate(CONTEXT, source) if source else category


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _yes_no(value: bool | None) -> str:
    if value is None:
        return ""
    if value:
        return QCoreApplication.translate("PersonTraining", "Yes")
    return QCoreApplication.translate("PersonTraining", "No")


def _source_text(record) -> str:
    """``file · sheet · row N`` of an attendance (DESIGN §3 traceability)."""
    if not record.source_file and not record.source_sheet:
        return QCoreApplication.translate("PersonTraining", "entered by hand")
    text = " · ".join(p for p in (record.source_file, record.source_sheet) if p)
    if record.source_row:
        text += " · " + QCoreApplication.translate("PersonTraining", "row {row}").format(row=record.source_row)
    return text


def _coverage_column(category: str) -> Column:
    return Column(f"cat_{category}", CATEGORY_LABELS[category], lambda f: f.categories[category].coverage, fmt_percent,
                  ALIGN_RIGHT, sort=lambda v: -1.0 if v is None else v,
                  tooltip=lambda f: QCoreApplication.translate("TrainingPage", "{attended} of {staff} staff").format(
                      attended=fmt_int(f.categories[category].attended), staff=fmt_int(f.staff)))


UNIT_COLUMNS = (
    Column("unit", QT_TRANSLATE_NOOP("TrainingPage", "Unit"), lambda f: f"{f.unit} {f.unit_name}"),  # code first: kept when cut
    Column("staff", QT_TRANSLATE_NOOP("TrainingPage", "Staff"), lambda f: f.staff, fmt_int, ALIGN_RIGHT),
    Column("c03", QT_TRANSLATE_NOOP("TrainingPage", "C03 coverage"), lambda f: f.c03.coverage, fmt_percent, ALIGN_RIGHT,
           sort=lambda v: -1.0 if v is None else v,
           tooltip=lambda f: QCoreApplication.translate(
               "TrainingPage", "{attended} of {staff} staff attended a service-awareness or service-norms course").format(
               attended=fmt_int(f.c03.attended), staff=fmt_int(f.staff))),
    *(_coverage_column(c) for c in TRAINING_CATEGORIES),
    Column("hours", QT_TRANSLATE_NOOP("TrainingPage", "Hours per head"), lambda f: f.hours_per_head, _number, ALIGN_RIGHT),
    Column("pass", QT_TRANSLATE_NOOP("TrainingPage", "Pass rate"), lambda f: f.pass_rate, fmt_percent, ALIGN_RIGHT),
    Column("satisfaction", QT_TRANSLATE_NOOP("TrainingPage", "Satisfaction"), lambda f: f.satisfaction, _number,
           ALIGN_RIGHT),
)


def _course_columns(page: TrainingPage) -> tuple[Column, ...]:
    def effect_value(key: str):
        def read(course):
            effect = page.effects.get(course.code)
            return None if effect is None else getattr(effect, key)
        return read

    def difference_colour(course):
        effect = page.effects.get(course.code)
        if effect is None or effect.difference is None:
            return None, None
        return (GOOD if effect.difference > 0 else BAD if effect.difference < 0 else None), None

    def effect_tooltip(course):
        effect = page.effects.get(course.code)
        if effect is None:
            return ""
        text = QCoreApplication.translate(
            "TrainingPage", "{certified} of {at_risk} attendees not certified at the start were certified by {until}; "
            "{others_certified} of {others} same-post staff who did not attend").format(
            certified=effect.certified, at_risk=effect.at_risk, until=fmt_date(effect.observed_until),
            others_certified=effect.others_certified, others=effect.others)
        if not effect.complete:
            text += "\n" + QCoreApplication.translate(
                "TrainingPage", "The 180-day window runs until {date}; the effect is stated once it has closed").format(
                date=fmt_date(effect.window_end))
        return text

    return (
        Column("code", QT_TRANSLATE_NOOP("TrainingPage", "Course"), lambda c: c.code),
        Column("title", QT_TRANSLATE_NOOP("TrainingPage", "Title"), lambda c: c.title),
        Column("category", QT_TRANSLATE_NOOP("TrainingPage", "Category"), lambda c: c.category, category_label),
        Column("dates", QT_TRANSLATE_NOOP("TrainingPage", "Dates"), lambda c: _course_dates(c.start_date, c.end_date),
               align=ALIGN_CENTER),
        Column("provider", QT_TRANSLATE_NOOP("TrainingPage", "Provider"), lambda c: c.provider,
               lambda v: _tr(PROVIDER_LABELS[v]) if v in PROVIDER_LABELS else "", ALIGN_CENTER),
        Column("attendees", QT_TRANSLATE_NOOP("TrainingPage", "Attendees"), lambda c: c.attendees, fmt_int, ALIGN_RIGHT),
        Column("satisfaction", QT_TRANSLATE_NOOP("TrainingPage", "Satisfaction"), lambda c: c.satisfaction, _number,
               ALIGN_RIGHT),
        Column("score", QT_TRANSLATE_NOOP("TrainingPage", "Mean score"), lambda c: c.mean_score, _number, ALIGN_RIGHT),
        Column("pass", QT_TRANSLATE_NOOP("TrainingPage", "Pass rate"), lambda c: c.pass_rate, fmt_percent, ALIGN_RIGHT),
        Column("effect", QT_TRANSLATE_NOOP("TrainingPage", "Certified in 180 days"), effect_value("rate"),
               lambda v: "" if v is None else fmt_percent(v), ALIGN_RIGHT, tooltip=effect_tooltip),
        Column("others", QT_TRANSLATE_NOOP("TrainingPage", "Not trained, same posts"), effect_value("others_rate"),
               lambda v: "" if v is None else fmt_percent(v), ALIGN_RIGHT, tooltip=effect_tooltip),
        Column("difference", QT_TRANSLATE_NOOP("TrainingPage", "Difference (points)"), effect_value("difference"),
               lambda v: "" if v is None else f"{v:+.2f}", ALIGN_RIGHT, colour=difference_colour, tooltip=effect_tooltip),
    )


UNTRAINED_COLUMNS = (
    Column("staff_no", QT_TRANSLATE_NOOP("TrainingPage", "Employee no."), lambda u: u.staff_no),
    Column("name", QT_TRANSLATE_NOOP("TrainingPage", "Name"), lambda u: u.name),
    Column("unit", QT_TRANSLATE_NOOP("TrainingPage", "Unit"), lambda u: f"{u.unit_code} {u.unit_name}"),
    Column("post", QT_TRANSLATE_NOOP("TrainingPage", "Post"), lambda u: shown(u.post)),
)

HISTORY_COLUMNS = (
    Column("course", QT_TRANSLATE_NOOP("PersonTraining", "Course"), lambda h: f"{h.code} {h.title}",
           tooltip=lambda h: _source_text(h)),
    Column("category", QT_TRANSLATE_NOOP("PersonTraining", "Category"), lambda h: h.category, category_label),
    Column("end", QT_TRANSLATE_NOOP("PersonTraining", "Ended"), lambda h: h.end_date, fmt_date, ALIGN_CENTER),
    Column("hours", QT_TRANSLATE_NOOP("PersonTraining", "Hours"), lambda h: h.hours, lambda v: f"{v:g}", ALIGN_RIGHT),
    Column("score", QT_TRANSLATE_NOOP("PersonTraining", "Score"), lambda h: h.score,
           lambda v: "" if v is None else f"{v:g}", ALIGN_RIGHT),
    Column("passed", QT_TRANSLATE_NOOP("PersonTraining", "Passed"), lambda h: h.passed, _yes_no, ALIGN_CENTER,
           colour=lambda h: ((GOOD if h.passed else BAD) if h.passed is not None else None, None)),
    Column("satisfaction", QT_TRANSLATE_NOOP("PersonTraining", "Satisfaction"), lambda h: h.satisfaction,
           lambda v: "" if v is None else str(v), ALIGN_CENTER),
)


COURSE_PROVIDER = 4
"""The course table's provider column (培训机构): hidden while no course has its provider stated."""


def _course_dates(start, end) -> str:
    """A course's dates as ISO dates, the end without the year it shares with the start
    ("2007-05-08 – 05-10"; one day: "2007-05-08"), so the column stays narrow (issue 14)."""
    if start is None or end is None or start == end:
        return fmt_date(start or end)
    if start.year == end.year:
        return f"{fmt_date(start)} – {end:%m-%d}"
    return f"{fmt_date(start)} – {fmt_date(end)}"


def _table(parent: QWidget, model: RowTableModel, name: str) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(26)
    read_only(table)
    fit_columns(table)  # contents and titles fit; the last column takes the room left
    return table


class CourseDialog(QDialog):
    """Edit a course's provider (内部/外部), target post categories and note (培训项目)."""

    def __init__(self, course, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.course = course
        self.setWindowTitle(self.tr("Course {code}").format(code=course.code))
        layout = QVBoxLayout(self)
        heading = QLabel(f"{course.code} {course.title}", self)
        heading.setObjectName("sectionTitle")
        layout.addWidget(heading)
        form = QFormLayout()
        self.provider_combo = QComboBox(self)
        self.provider_combo.addItem(self.tr("Not stated"), None)
        for code, source in PROVIDER_LABELS.items():
            self.provider_combo.addItem(_tr(source), code)
        self.provider_combo.setCurrentIndex(max(0, self.provider_combo.findData(course.provider)))
        form.addRow(self.tr("Provider"), self.provider_combo)
        targets = QWidget(self)
        grid = QGridLayout(targets)
        grid.setContentsMargins(0, 0, 0, 0)
        self.target_boxes: dict[str, QCheckBox] = {}
        for i, code in enumerate(POST_CATEGORIES):
            box = QCheckBox(label(POST_CATEGORIES, code), targets)
            box.setChecked(code in course.target_categories)
            grid.addWidget(box, i // 2, i % 2)
            self.target_boxes[code] = box
        form.addRow(self.tr("Meant for"), targets)
        self.note_edit = QLineEdit(course.note or "", self)
        form.addRow(self.tr("Note"), self.note_edit)
        layout.addLayout(form)
        hint = QLabel(self.tr("No post ticked: the course is for everyone. For certification training the "
                              "ticked posts form the comparison group of the effect figure."), self)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> dict:
        """``provider``, ``target_categories``, ``note`` as chosen."""
        return {"provider": self.provider_combo.currentData(),
                "target_categories": [c for c, box in self.target_boxes.items() if box.isChecked()],
                "note": self.note_edit.text().strip() or None}


class TrainingPage(Page):
    """The 培训 page."""

    page_id = "training"
    icon_name = "training"

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.report = None
        self.effects: dict = {}
        self._generation = 0
        bar = QHBoxLayout()
        self.as_of_label = QLabel(self)
        bar.addWidget(self.as_of_label)
        self.as_of_edit = date_edit(self, "trainingAsOf")
        bar.addWidget(self.as_of_edit)
        self.window_label = QLabel(self)
        self.window_label.setObjectName("hint")
        self.window_label.setWordWrap(True)
        bar.addSpacing(12)
        bar.addWidget(self.window_label, 1)
        self.export_button = QPushButton(icon("export"), "", self)
        bar.addWidget(self.export_button)
        self.body.addLayout(bar)
        cards = QGridLayout()
        cards.setHorizontalSpacing(10)
        self.cards = {key: FigureCard(self, compact=True) for key in ("staff", "c03", "trained", "hours", "pass", "satisfaction")}
        for i, card in enumerate(self.cards.values()):
            cards.addWidget(card, 0, i)
            cards.setColumnStretch(i, 1)  # equal cards; their captions wrap on a narrow window
        self.body.addLayout(cards)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("trainingTabs")
        self.body.addWidget(self.tabs, 1)
        # coverage by unit
        coverage = QSplitter(Qt.Orientation.Vertical, self.tabs)
        self.unit_model = RowTableModel(UNIT_COLUMNS, CONTEXT, self)
        self.unit_table = _table(coverage, self.unit_model, "trainingUnitTable")
        self.coverage_chart = ChartCanvas(coverage, height=3.0)
        coverage.addWidget(self.unit_table)
        coverage.addWidget(self.coverage_chart)
        coverage.setSizes([220, 320])
        self.tabs.addTab(coverage, "")
        # courses
        courses = QWidget(self.tabs)
        courses_layout = QVBoxLayout(courses)
        courses_layout.setContentsMargins(0, 6, 0, 0)
        course_bar = QHBoxLayout()
        self.course_hint = QLabel(courses)
        self.course_hint.setObjectName("hint")
        self.course_hint.setWordWrap(True)
        course_bar.addWidget(self.course_hint, 1)
        self.edit_course_button = QPushButton(courses)
        self.edit_course_button.setEnabled(False)
        course_bar.addWidget(self.edit_course_button)
        courses_layout.addLayout(course_bar)
        course_split = QSplitter(Qt.Orientation.Vertical, courses)
        self.course_model = RowTableModel(_course_columns(self), CONTEXT, self)
        self.course_table = _table(course_split, self.course_model, "trainingCourseTable")
        # the code and dates stay whole; the category and then the title give way (whole in their tooltips): the course figures stay
        # in view at 150 % (issue 14)
        fit_columns(self.course_table, keep=(0, 3), squeeze=(2, 1))
        self.effect_chart = ChartCanvas(course_split, height=2.6)
        course_split.addWidget(self.course_table)
        course_split.addWidget(self.effect_chart)
        course_split.setSizes([300, 220])
        courses_layout.addWidget(course_split, 1)
        self.tabs.addTab(courses, "")
        # not covered by C03 (its complement, services.training.untrained)
        untrained = QWidget(self.tabs)
        untrained_layout = QVBoxLayout(untrained)
        untrained_layout.setContentsMargins(0, 6, 0, 0)
        self.untrained_label = QLabel(untrained)
        self.untrained_label.setObjectName("hint")
        untrained_layout.addWidget(self.untrained_label)
        self.untrained_model = RowTableModel(UNTRAINED_COLUMNS, CONTEXT, self)
        self.untrained_table = _table(untrained, self.untrained_model, "trainingUntrainedTable")
        untrained_layout.addWidget(self.untrained_table, 1)
        self.tabs.addTab(untrained, "")
        # behaviour
        self.as_of_edit.dateChanged.connect(self._on_as_of_edit_date_changed)
        self.unit_table.selectionModel().currentRowChanged.connect(self._on_unit_table_current_row_changed)
        self.course_table.selectionModel().currentRowChanged.connect(self._on_course_table_current_row_changed)
        self.course_table.doubleClicked.connect(self._on_edit_course_button_clicked)
        self.edit_course_button.clicked.connect(self._on_edit_course_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        ctx.offer("training.edit", self.edit_course_button)  # course details: head office (DESIGN §6)
        self.retranslateUi()

    # ------------------------------------------------------------------ language
    def title(self) -> str:
        return self.tr("Training")

    def retranslateUi(self) -> None:
        super().retranslateUi()
        self.as_of_label.setText(self.tr("As of:"))
        self.export_button.setText(self.tr("Export to Excel"))
        self.edit_course_button.setText(self.tr("Edit course…"))
        captions = {
            "staff": self.tr("Staff on the roster"),
            "c03": self.tr("Service-norms coverage (C03)"),
            "trained": self.tr("Trained on any course"),
            "hours": self.tr("Training hours per head"),
            "pass": self.tr("Exam pass rate"),
            "satisfaction": self.tr("Mean satisfaction (1–5)"),
        }
        for key, card in self.cards.items():
            card.caption.setText(captions[key])
        self.cards["c03"].setToolTip(self.tr("Share of the staff on the roster who attended a service-awareness or "
                                             "service-norms course this year (indicator C03)"))
        self.tabs.setTabText(0, self.tr("Coverage by unit"))
        self.tabs.setTabText(1, self.tr("Courses and effect"))
        self.tabs.setTabText(2, self.tr("Not covered by C03"))
        self.course_hint.setText(self.tr(
            "Reaction: mean satisfaction (1–5). Learning: mean exam score and pass rate. Effect of certification "
            "training: share of attendees not yet certified who were certified within 180 days after the course, "
            "against staff of the same posts who did not attend."))
        for model in (self.unit_model, self.course_model, self.untrained_model):
            model.retranslate()
        self._update_window_label()
        self._show_report()

    def _update_window_label(self) -> None:
        if self.report is None:
            self.window_label.setText("")
            return
        f = self.report.figures
        self.window_label.setText(self.tr("Courses ended {start} – {end}; staff on the roster on {end}").format(
            start=fmt_date(f.start), end=fmt_date(f.as_of)))

    # ------------------------------------------------------------------ data
    def set_scope(self, scope) -> None:
        if self.scope is None or scope.as_of != self.scope.as_of:
            self.as_of_edit.blockSignals(True)
            self.as_of_edit.setDate(QDate(scope.as_of.year, scope.as_of.month, scope.as_of.day))
            self.as_of_edit.blockSignals(False)
        super().set_scope(scope)

    def as_of(self):
        return self.as_of_edit.date().toPython()

    def reload(self) -> None:
        assert self.scope is not None
        services, actor = self.ctx.services, self.ctx.actor
        code, as_of = self.scope.unit_code, self.as_of()
        self._generation += 1
        generation = self._generation
        known = {n.code for n in services.orgs.tree(actor)}
        if code not in known:
            self.report, self.effects = None, {}
            self._show_report()
            return
        self.ctx.tasks.start(lambda _ctx: services.training.report(actor, code, as_of), title="", progress=False,
                             on_done=lambda report: self._on_report_loaded(generation, report))

    def _on_report_loaded(self, generation: int, report) -> None:
        if generation != self._generation:
            return  # a newer load is on its way
        self.report = report
        self.effects = {e.code: e for e in report.effects}
        self._show_report()

    def _show_report(self) -> None:
        report = self.report
        self._update_window_label()
        if report is None:
            for card in self.cards.values():
                card.value.setText("–")
            self.unit_model.set_rows([])
            self.course_model.set_rows([])
            self.untrained_model.set_rows([])
            self.untrained_label.setText("")
            self._draw_coverage(None)
            self._draw_effect()
            return
        f = report.figures
        self.cards["staff"].value.setText(fmt_int(f.staff))
        self.cards["c03"].value.setText(fmt_percent(f.c03.coverage))
        self.cards["trained"].value.setText(fmt_percent(f.trained.coverage))
        self.cards["hours"].value.setText(_number(f.hours_per_head))
        self.cards["pass"].value.setText(fmt_percent(f.pass_rate))
        self.cards["satisfaction"].value.setText(_number(f.satisfaction))
        self.unit_model.set_rows([f, *report.by_unit])
        self.course_model.set_rows(report.courses)
        # no course has its provider stated (the returns do not say it): the empty column gives its room
        self.course_table.setColumnHidden(COURSE_PROVIDER, not any(c.provider in PROVIDER_LABELS for c in report.courses))
        self.untrained_model.set_rows(report.untrained)
        shown = len(report.untrained)
        text = self.tr("%Ln person(s) on the roster attended no {categories} course this year "
                       "(the staff C03 does not count)", "", report.untrained_total).format(
            categories=self.tr(" or ").join(category_label(c) for c in C03_CATEGORIES))
        if shown < report.untrained_total:
            text += " " + self.tr("(the first {shown} are listed; the export has all)").format(shown=fmt_int(shown))
        self.untrained_label.setText(text)
        self.unit_table.selectRow(0)
        self._draw_coverage(None)
        self._draw_effect()

    def coverage_of(self, unit_code: str):
        """The displayed figures of ``unit_code`` (tests and tooltips); None when not shown."""
        if self.report is None:
            return None
        for figures in (self.report.figures, *self.report.by_unit):
            if figures.unit == unit_code:
                return figures
        return None

    # ------------------------------------------------------------------ charts
    def _chart_texts(self) -> dict[str, str]:
        return {"c03": self.tr("Service-norms coverage (C03)"), "any": self.tr("Any course"),
                "no_staff": self.tr("No staff on the roster in this unit"),
                "attendees": self.tr("Course attendees"), "others": self.tr("Same posts, not trained"),
                "no_courses": self.tr("No certification training in this period"),
                "open_window": self.tr("Window open\nuntil {date}"),
                "effect_title": self.tr("Certification training: certified within {days} days after the course")}

    def _draw_coverage(self, selected) -> None:
        from qsm_desktop.reports.training import draw_coverage_by_category, draw_coverage_by_unit

        figure = self.coverage_chart.figure
        report = self.report
        texts = self._chart_texts()
        if report is None:
            draw_coverage_by_unit(figure, [], texts=texts)
        elif selected is not None and selected is not report.figures or not report.by_unit:
            target = selected if selected is not None else report.figures
            draw_coverage_by_category(
                figure, target, texts=texts, category_names={c: category_label(c) for c in TRAINING_CATEGORIES},
                title=self.tr("{unit} — coverage by training category").format(unit=target.unit_name))
        else:
            draw_coverage_by_unit(figure, report.by_unit, texts=texts,
                                  title=self.tr("{unit} — coverage of the subunits ({categories} / any course)").format(
                                      unit=report.figures.unit_name,
                                      categories=" + ".join(category_label(c) for c in C03_CATEGORIES)))
        self.coverage_chart.draw_idle()

    def _draw_effect(self) -> None:
        from qsm_desktop.reports.training import draw_effect

        effects = list(self.report.effects) if self.report is not None else []
        draw_effect(self.effect_chart.figure, effects, texts=self._chart_texts())
        self.effect_chart.draw_idle()

    # ------------------------------------------------------------------ slots
    def _on_as_of_edit_date_changed(self, _date: QDate) -> None:
        self.refresh()

    def _on_unit_table_current_row_changed(self, current, _previous) -> None:
        if self.report is None or not current.isValid():
            return
        row = current.row()
        self._draw_coverage(None if row == 0 else self.unit_model.row_object(row))

    def _on_course_table_current_row_changed(self, current, _previous) -> None:
        self.edit_course_button.setEnabled(current.isValid())

    def _on_edit_course_button_clicked(self, *_args) -> None:
        index = self.course_table.currentIndex()
        if not index.isValid() or not self.ctx.may("training.edit"):
            return
        course = self.course_model.row_object(index.row())
        dialog = CourseDialog(course, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.save_course(course, dialog.values())

    def save_course(self, course, values: dict):
        """Save ``values`` (provider, target_categories, note) for ``course`` on the writer; reload after."""
        service, actor = self.ctx.services.training, self.ctx.actor
        return self.ctx.tasks.start(
            lambda _ctx: service.update_course(actor, course.code, version=course.version, **values),
            title=self.tr("Saving the course"), writes=True, parent=self, progress=False,
            on_done=lambda _result: self.refresh())

    def _on_export_button_clicked(self) -> None:
        if self.report is None or self.scope is None:
            return
        path = self.ask_export_path(
            self.tr("Export the training figures"),
            self.tr("training_{unit}_{date}.xlsx").format(unit=self.scope.unit_code, date=self.as_of().isoformat()),
            self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(path)

    def export_to(self, path: Path):
        """Write the training workbook of the current unit and date to ``path`` on a worker."""
        from qsm_desktop.domain.i18n import get_language

        service, actor = self.ctx.services.training, self.ctx.actor
        code, as_of, language = self.scope.unit_code, self.as_of(), get_language()
        return self.ctx.tasks.start(
            lambda _ctx: service.export(actor, code, as_of, path, language=language),
            title=self.tr("Exporting the training figures"), parent=self,
            on_done=lambda _path: self.ctx.settings.update(export_dir=str(path.parent)))


class PersonTrainingPanel(QWidget):
    """A person's training history (培训记录) for the register's detail panel: course, category, end
    date, hours, score, passed, satisfaction; the source file and row in the tooltip."""

    def __init__(self, services, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("sectionTitle")
        layout.addWidget(self.title_label)
        self.model = RowTableModel(HISTORY_COLUMNS, "PersonTraining", self)
        self.table = _table(self, self.model, "personTrainingTable")
        show_rows(self.table, 3)
        layout.addWidget(self.table, 1)
        self._count = 0
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.model.retranslate()
        self._set_title()

    def _set_title(self) -> None:
        base = QCoreApplication.translate("PersonTraining", "Training")
        if not self._count:
            self.title_label.setText(base)
        elif self._count == 1:
            self.title_label.setText(QCoreApplication.translate("PersonTraining", "Training (1 course)"))
        else:
            self.title_label.setText(QCoreApplication.translate(
                "PersonTraining", "Training (%n course(s))", "", self._count))

    def show_person(self, staff_no: str) -> None:
        """Show ``staff_no``'s courses, newest first."""
        history = self._services.training.history(self._actor, staff_no)
        self.model.set_rows(history)
        self._count = len(history)
        self._set_title()

    def clear(self) -> None:
        self.model.set_rows([])
        self._count = 0
        self._set_title()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
