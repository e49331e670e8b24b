"""PDF evaluation reports (综合评价报告), reportlab platypus + matplotlib charts — issue 5, DESIGN §4.

Two reports, both built from plain data (:class:`EvaluationReportData`, which wraps the domain's
:class:`~qsm_desktop.domain.indicators.PeriodScores`):

- :func:`build_period_report` — the bank-wide report of a period (全行综合评价通报): cover, overview
  with the distribution of totals, branch ranking table with grades, category comparison, head-office
  department ranking, biggest movers against the previous period, missing inputs, scoring rules.
- :func:`build_unit_report` — one unit's report (单位综合评价报告): total, grade, rank, the indicator
  table (value / target / weight / points and the reason for every lost point, with the value's
  origin), a bar chart against the average of its peers, the trend over past periods, a radar of
  categories.
- :func:`build_unit_reports` — every unit in one run, with a progress callback and a cancel flag.

Fonts: the shared :class:`~qsm_desktop.reports.fonts.FontSet` — the bundled Droid Sans Fallback
(TrueType, CJK only — it has **no Latin letters or digits**) embedded as a subset, every text
split into runs, and the characters the CJK font lacks (digits, Latin, ``%``, ``–``, ``≥``…) set in
DejaVu Sans (bold DejaVu Sans for emphasised figures), embedded the same way.

Tables break across pages with their header rows repeated; every page but the cover carries
"第 N 页 / 共 M 页" and the generated date.
"""

from __future__ import annotations

import datetime
import io
import math
import os
import re
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from qsm_desktop.domain.i18n import get_language, msg, register
from qsm_desktop.domain.indicators import (
    SOURCES,
    UNIT_TYPE_BRANCH,
    UNIT_TYPE_DEPARTMENT,
    IndicatorScore,
    PeriodScores,
    UnitScore,
    fmt_number,
)
from qsm_desktop.reports import charts
from qsm_desktop.reports.fonts import FontSet, latin_fallback_font, pdf_fonts

# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class PastPeriod:
    """Totals of an earlier period (往期得分) for trends: unit code → unrounded total, and
    optionally the average per unit type (computed from ``totals`` when absent)."""

    period: str
    totals: Mapping[str, float]
    averages: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class EvaluationReportData:
    """Everything a report prints, as plain data (no session, no Qt).

    ``scores``: the period's computed scores (each unit's leaves with explanations, totals, grades,
    ranks, previous totals). ``history``: earlier periods, oldest first, not including
    ``scores.period``. ``generated_on``: the date printed on every page (the clock is the caller's).
    ``issuer``: the body that issues the report. ``published``: whether the period is frozen.
    """

    scores: PeriodScores
    history: tuple[PastPeriod, ...] = ()
    generated_on: datetime.date = field(default_factory=datetime.date.today)
    issuer: str = "服务质量管理办公室"
    organisation: str = ""
    published: bool = False


@dataclass(frozen=True)
class ReportResult:
    """What a build produced: the file (``None`` for a stream), pages, seconds in all and in charts."""

    path: Path | None
    pages: int
    seconds: float
    chart_seconds: float


@dataclass(frozen=True)
class BatchResult:
    """Outcome of :func:`build_unit_reports`: the reports written (in order) and whether it was cancelled."""

    reports: tuple[ReportResult, ...]
    cancelled: bool
    seconds: float

    @property
    def chart_seconds(self) -> float:
        return math.fsum(r.chart_seconds for r in self.reports)


# --------------------------------------------------------------------------- messages

_MESSAGES: dict[str, tuple[str, str]] = {
    "report.eval.title": ("服务质量管理综合评价报告", "Service-quality comprehensive evaluation report"),
    "report.eval.unit_title": ("{unit} 服务质量综合评价报告", "{unit} — service-quality evaluation report"),
    "report.eval.period_q": ("{year}年第{quarter}季度", "{year} Q{quarter}"),
    "report.eval.period_y": ("{year}年度", "year {year}"),
    "report.eval.generated": ("生成日期：{date}", "Generated {date}"),
    "report.eval.page": ("第 {page} 页 / 共 {pages} 页", "Page {page} of {pages}"),
    "report.eval.system": ("评价体系：{system}（{effective} 起施行）", "Indicator system: {system} (in force from {effective})"),
    "report.eval.issuer": ("{issuer}", "{issuer}"),
    "report.eval.internal": ("内部资料 · 注意保存", "Internal — handle with care"),
    "report.eval.status_published": ("本期结果已发布（冻结）", "This period's results are published (frozen)"),
    "report.eval.status_draft": ("本期结果尚未发布，仅供审阅", "Draft: this period is not published yet"),
    "report.eval.status_incomplete": (
        "本期有 {n} 个单位数据不完整，这些单位未评定等级和名次，详见“数据缺失情况”。",
        "{n} units have incomplete data; they have no grade and no rank (see 'Missing inputs').",
    ),
    "report.eval.status_accepted": (
        "本期按不完整数据发布（经确认）：{n} 个单位按现有数据计分排名，详见“数据缺失情况”。",
        "Published as incomplete (accepted): {n} units are scored and ranked on the data available (see 'Missing inputs').",
    ),
    "report.eval.type_branch": ("分行", "Branches"),
    "report.eval.type_department": ("总行部门", "Head-office departments"),
    "report.eval.sec_overview": ("一、总体情况", "1. Overview"),
    "report.eval.sec_branches": ("二、分行综合评价排名", "2. Branch ranking"),
    "report.eval.sec_categories": ("三、分类指标对比", "3. Categories compared"),
    "report.eval.sec_departments": ("四、总行部门内部服务评价排名", "4. Head-office department ranking"),
    "report.eval.sec_movers": ("五、得分变动较大的单位", "5. Biggest movers"),
    "report.eval.sec_missing": ("六、数据缺失情况", "6. Missing inputs"),
    "report.eval.sec_rules": ("附：评分规则", "Appendix: scoring rules"),
    "report.eval.overview_text": (
        "本期参加综合评价的分行 {branches} 家、总行部门 {departments} 个。分行平均得分 {branch_avg} 分，"
        "总行部门平均得分 {dept_avg} 分。评分依据{system}，总分为各指标未经舍入的得分之和，"
        "表中数字保留两位小数。",
        "{branches} branches and {departments} head-office departments were evaluated. Branch average "
        "{branch_avg}, department average {dept_avg}. Scored under {system}; totals add the unrounded "
        "points of the indicators, figures are shown to two decimals.",
    ),
    "report.eval.kf_units": ("参评单位", "Units"),
    "report.eval.kf_avg": ("平均分", "Average"),
    "report.eval.kf_best": ("最高分", "Highest"),
    "report.eval.kf_worst": ("最低分", "Lowest"),
    "report.eval.kf_grades": ("等级分布", "Grades"),
    "report.eval.chart_distribution": ("图 1  总分分布（按等级区间）", "Figure 1  Distribution of totals by grade band"),
    "report.eval.chart_categories": ("图 2  分行各类指标得分率", "Figure 2  Branch score rates by category"),
    "report.eval.chart_history": ("图 3  各期平均分", "Figure 3  Average totals by period"),
    "report.eval.col_rank": ("名次", "Rank"),
    "report.eval.col_code": ("代码", "Code"),
    "report.eval.col_name": ("单位名称", "Unit"),
    "report.eval.col_total": ("总分", "Total"),
    "report.eval.col_grade": ("等级", "Grade"),
    "report.eval.col_change": ("环比", "Change"),
    "report.eval.col_previous": ("上期", "Previous"),
    "report.eval.col_type": ("类型", "Type"),
    "report.eval.col_indicator": ("指标", "Indicator"),
    "report.eval.col_value": ("本期值", "Value"),
    "report.eval.col_target": ("目标", "Target"),
    "report.eval.col_weight": ("权重", "Weight"),
    "report.eval.col_points": ("得分", "Points"),
    "report.eval.col_reason": ("得分说明 / 失分原因", "Explanation / points lost"),
    "report.eval.col_unit": ("单位", "Unit"),
    "report.eval.col_rule": ("评分规则", "Rule"),
    "report.eval.col_source": ("数据来源", "Source"),
    "report.eval.col_problem": ("缺失或无效的数据", "Missing or invalid input"),
    "report.eval.col_category": ("类别", "Category"),
    "report.eval.col_avg": ("平均", "Average"),
    "report.eval.col_max": ("最高", "Highest"),
    "report.eval.col_min": ("最低", "Lowest"),
    "report.eval.no_previous": ("无上期得分，不计算环比变动。", "No previous period: no changes to show."),
    "report.eval.no_missing": ("本期所有单位数据完整。", "All units' inputs are complete."),
    "report.eval.movers_up": ("上升", "Up"),
    "report.eval.movers_down": ("下降", "Down"),
    "report.eval.unranked": ("未排名", "not ranked"),
    "report.eval.ungraded": ("未评级", "no grade"),
    "report.eval.kf_total": ("总分", "Total"),
    "report.eval.kf_grade": ("等级", "Grade"),
    "report.eval.kf_rank": ("名次", "Rank"),
    "report.eval.kf_change": ("环比", "Change"),
    "report.eval.kf_peer_avg": ("同类平均", "Peer average"),
    "report.eval.rank_of": ("{rank} / {count}", "{rank} of {count}"),
    "report.eval.unit_sec_scores": ("一、指标得分明细", "1. Indicator scores"),
    "report.eval.unit_sec_compare": ("二、与同类单位平均水平对比", "2. Against the peer average"),
    "report.eval.unit_sec_trend_radar": ("三、历史趋势与分类得分率", "3. Trend and score rates"),
    "report.eval.unit_sec_trend": ("总分趋势", "Totals by period"),
    "report.eval.unit_sec_radar": ("得分率 (%)", "Score rates (%)"),
    "report.eval.unit_sec_missing": ("四、数据缺失情况", "4. Missing inputs"),
    "report.eval.unit_lost_summary": (
        "本期共失 {lost} 分，失分最多的指标：{top}。",
        "{lost} points lost in all; most lost on: {top}.",
    ),
    "report.eval.unit_full": ("本期所有指标均得满分。", "Full points on every indicator."),
    "report.eval.full_points": ("满分", "full points"),
    "report.eval.origin": ("来源：{origin}", "source: {origin}"),
    "report.eval.no_history": ("暂无往期得分，趋势图从下一期起提供。", "No earlier periods yet: the trend starts next period."),
    "report.eval.this_unit": ("本单位", "This unit"),
    "report.eval.peer_average": ("{type}平均", "{type} average"),
    "report.eval.weight_label": ("满分", "Full points"),
    "report.eval.points_axis": ("得分", "Points"),
    "report.eval.total_axis": ("总分", "Total"),
    "report.eval.units_axis": ("单位数", "Units"),
    "report.eval.rate_axis": ("得分率 (%)", "Score rate (%)"),
    "report.eval.category_points": ("{code} {name}：{points} / {weight} 分", "{code} {name}: {points} of {weight}"),
    "report.eval.missing_value": ("缺数", "missing"),
    "report.eval.cancelled": ("已取消", "cancelled"),
}
register(_MESSAGES)


def _t(key: str, lang: str, **params: object) -> str:
    return msg(key, language=lang, **params)


# --------------------------------------------------------------------------- fonts (reports/fonts.py)

CJK_FONT = ""
LATIN_FONT = ""
LATIN_BOLD = ""
"""reportlab font names, set by :func:`_register_fonts` from the shared :class:`FontSet`."""
_font_lock = threading.Lock()
_font_sets: tuple[FontSet, FontSet] | None = None


def _register_fonts() -> tuple[FontSet, FontSet]:
    """The shared font sets (bundled CJK TrueType + DejaVu Sans regular, and + DejaVu Sans Bold for
    bold figures), registered once; sets :data:`CJK_FONT`, :data:`LATIN_FONT`, :data:`LATIN_BOLD`."""
    global _font_sets, CJK_FONT, LATIN_FONT, LATIN_BOLD
    with _font_lock:
        if _font_sets is None:
            regular = pdf_fonts()
            bold_path = latin_fallback_font().with_name("DejaVuSans-Bold.ttf")
            bold = pdf_fonts(latin_path=bold_path) if bold_path.is_file() else regular
            CJK_FONT, LATIN_FONT, LATIN_BOLD = regular.cjk, regular.latin, bold.latin
            _font_sets = (regular, bold)
    return _font_sets


def _fonts(bold_latin: bool = False) -> FontSet:
    regular, bold = _register_fonts()
    return bold if bold_latin else regular


def markup(text: str, bold_latin: bool = False) -> str:
    """Paragraph markup for ``text`` (XML-escaped) with the runs the CJK font lacks (digits, Latin)
    in the Latin font (bold with ``bold_latin``); newlines become ``<br/>``."""
    return _fonts(bold_latin).markup(text).replace("\n", "<br/>")


def _text_width(text: str, size: float, bold_latin: bool = False) -> float:
    return _fonts(bold_latin).string_width(text, size)


def _draw_text(c: pdfcanvas.Canvas, x: float, y: float, text: str, size: float, align: str = "left",
               colour: colors.Color = colors.black, bold_latin: bool = False) -> None:
    """Draw one line of mixed CJK/Latin text on a canvas (``align`` left/center/right at ``x``),
    as one text object so the line extracts as one line."""
    c.setFillColor(colour)
    _fonts(bold_latin).draw_string(c, x, y, text, size, align=align)


# --------------------------------------------------------------------------- look

NAVY = colors.HexColor(charts.NAVY)
GOLD = colors.HexColor(charts.GOLD)
INK = colors.HexColor("#2B3340")
MUTED = colors.HexColor("#6B7482")
RULE = colors.HexColor("#C9D0DA")
ZEBRA = colors.HexColor("#F4F6FA")
RED = colors.HexColor("#B23A48")
GREEN = colors.HexColor("#2E7D4F")
GRADE_FILL = {name: colors.HexColor(hexcode) for name, hexcode in charts.GRADE_COLOURS.items()}

PAGE_W, PAGE_H = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 18 * mm
FRAME_W = PAGE_W - 2 * MARGIN_X
CHART_DPI = 150


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=CJK_FONT, fontSize=9.5, leading=15, textColor=INK, wordWrap="CJK")
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=11, textColor=MUTED),
        "h1": ParagraphStyle("h1", parent=base, fontSize=14, leading=20, textColor=NAVY, spaceBefore=10,
                             spaceAfter=6),
        "caption": ParagraphStyle("caption", parent=base, fontSize=8.5, leading=12, textColor=MUTED,
                                  alignment=TA_CENTER, spaceBefore=2, spaceAfter=8),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11.5),
        "cell_r": ParagraphStyle("cell_r", parent=base, fontSize=8.5, leading=11.5, alignment=TA_RIGHT),
        "cell_c": ParagraphStyle("cell_c", parent=base, fontSize=8.5, leading=11.5, alignment=TA_CENTER),
        "cell_small": ParagraphStyle("cell_small", parent=base, fontSize=7.5, leading=10, textColor=INK),
        "head": ParagraphStyle("head", parent=base, fontSize=8.5, leading=11, textColor=colors.white,
                               alignment=TA_CENTER),
        "cover_title": ParagraphStyle("cover_title", parent=base, fontSize=26, leading=36, textColor=NAVY,
                                      alignment=TA_LEFT),
        "cover_sub": ParagraphStyle("cover_sub", parent=base, fontSize=15, leading=22, textColor=INK),
        "cover_meta": ParagraphStyle("cover_meta", parent=base, fontSize=10.5, leading=17, textColor=MUTED),
        "kf_label": ParagraphStyle("kf_label", parent=base, fontSize=8, leading=10, textColor=MUTED,
                                   alignment=TA_CENTER),
        "kf_value": ParagraphStyle("kf_value", parent=base, fontSize=17, leading=22, textColor=NAVY,
                                   alignment=TA_CENTER),
        "notice": ParagraphStyle("notice", parent=base, fontSize=9, leading=13, textColor=INK,
                                 backColor=colors.HexColor("#FBF1D6"), borderPadding=(5, 6, 5, 6),
                                 spaceBefore=4, spaceAfter=8),
    }


def _p(text: str, style: ParagraphStyle, bold_latin: bool = False) -> Paragraph:
    return Paragraph(markup(text, bold_latin), style)


def period_label(period: str, lang: str) -> str:
    """``'2007Q4'`` → ``2007年第四季度`` / ``2007 Q4``; ``'2007'`` → ``2007年度``."""
    m = re.fullmatch(r"(\d{4})Q([1-4])", period)
    if m:
        quarter = "一二三四"[int(m.group(2)) - 1] if lang == "zh" else m.group(2)
        return _t("report.eval.period_q", lang, year=m.group(1), quarter=quarter)
    if re.fullmatch(r"\d{4}", period):
        return _t("report.eval.period_y", lang, year=period)
    return period


def date_label(day: datetime.date, lang: str) -> str:
    """``2008年1月5日`` / ``5 January 2008``."""
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {day.strftime('%B')} {day.year}"


def _type_label(unit_type: str, lang: str) -> str:
    key = {UNIT_TYPE_BRANCH: "report.eval.type_branch", UNIT_TYPE_DEPARTMENT: "report.eval.type_department"}
    return _t(key[unit_type], lang) if unit_type in key else unit_type


def _signed(value: float | None) -> str:
    if value is None:
        return "—"
    text = f"{value:+.2f}"
    return "0.00" if text in ("+0.00", "-0.00") else text


def _change_colour(value: float | None) -> str:
    if value is None or abs(value) < 0.005:
        return "#6B7482"
    return "#2E7D4F" if value > 0 else "#B23A48"


# --------------------------------------------------------------------------- page furniture


class _Timer:
    """Accumulates the seconds spent building and rendering charts."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def image(self, build: Callable[[], object], width: float) -> Image:
        start = time.perf_counter()
        fig = build()
        png = charts.figure_png(fig, dpi=CHART_DPI)  # type: ignore[arg-type]
        w_in, h_in = fig.get_size_inches()  # type: ignore[attr-defined]
        self.seconds += time.perf_counter() - start
        return Image(io.BytesIO(png), width=width, height=width * h_in / w_in)


def _canvas_maker(title: str, footer_left: str, footer_right: str, lang: str, cover: bool):
    """A canvas class that writes '第 N 页 / 共 M 页' once the page count is known."""

    class NumberedCanvas(pdfcanvas.Canvas):
        def __init__(self, *args, **kwargs):
            if not kwargs.get("initialFontName"):  # not reportlab's Helvetica (never embedded)
                kwargs["initialFontName"] = LATIN_FONT
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 (reportlab API)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                if not (cover and number == 1):
                    self._furniture(number, total)
                super().showPage()
            super().save()

        def _furniture(self, number: int, total: int) -> None:
            self.saveState()
            top = PAGE_H - MARGIN_TOP + 8 * mm
            _draw_text(self, MARGIN_X, top, title, 8, colour=MUTED)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN_X, top - 2.5 * mm, PAGE_W - MARGIN_X, top - 2.5 * mm)
            bottom = MARGIN_BOTTOM - 9 * mm
            self.line(MARGIN_X, bottom + 4 * mm, PAGE_W - MARGIN_X, bottom + 4 * mm)
            _draw_text(self, MARGIN_X, bottom, footer_left, 7.5, colour=MUTED)
            _draw_text(self, PAGE_W / 2, bottom, _t("report.eval.page", lang, page=number, pages=total), 7.5,
                       align="center", colour=INK)
            _draw_text(self, PAGE_W - MARGIN_X, bottom, footer_right, 7.5, align="right", colour=MUTED)
            self.restoreState()

    return NumberedCanvas


def _cover_background(c: pdfcanvas.Canvas, _doc) -> None:
    c.saveState()
    c.setFillColor(NAVY)
    c.rect(0, PAGE_H - 62 * mm, PAGE_W, 62 * mm, stroke=0, fill=1)
    c.setFillColor(GOLD)
    c.rect(0, PAGE_H - 64.5 * mm, PAGE_W, 2.5 * mm, stroke=0, fill=1)
    c.setFillColor(NAVY)
    c.rect(0, 0, PAGE_W, 10 * mm, stroke=0, fill=1)
    c.restoreState()


def _doc(out: str | Path | BinaryIO, title: str, author: str, subject: str, cover: bool) -> BaseDocTemplate:
    doc = BaseDocTemplate(
        out if not isinstance(out, Path) else str(out), pagesize=A4, title=title, author=author,
        subject=subject, creator="QSM Desktop", leftMargin=MARGIN_X, rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, initialFontName=LATIN_FONT,
    )
    body = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_W, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    templates = [PageTemplate(id="body", frames=[body])]
    if cover:
        cover_frame = Frame(MARGIN_X + 4 * mm, 18 * mm, FRAME_W - 8 * mm, PAGE_H - 18 * mm - 12 * mm, id="cover",
                            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        templates.insert(0, PageTemplate(id="cover", frames=[cover_frame], onPage=_cover_background))
    doc.addPageTemplates(templates)
    return doc


# --------------------------------------------------------------------------- table helpers


def _table(rows: list[list[object]], widths: Sequence[float], *, header_rows: int = 1,
           extra: Sequence[tuple] = (), zebra: bool = True) -> Table:
    table = Table(rows, colWidths=list(widths), repeatRows=header_rows, hAlign="LEFT")
    style: list[tuple] = [
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), NAVY),
        ("FONTNAME", (0, 0), (-1, -1), LATIN_FONT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, header_rows - 1), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if zebra:
        for r in range(header_rows, len(rows)):
            if (r - header_rows) % 2 == 1:
                style.append(("BACKGROUND", (0, r), (-1, r), ZEBRA))
    style.extend(extra)
    table.setStyle(TableStyle(style))
    return table


def _head(texts: Sequence[str], st: dict[str, ParagraphStyle]) -> list[Paragraph]:
    return [_p(t, st["head"]) for t in texts]


def _grade_cell(unit: UnitScore, st, lang: str) -> Paragraph:
    return _p(unit.grade if unit.grade else _t("report.eval.ungraded", lang), st["cell_c"])


def _rank_text(unit: UnitScore, lang: str) -> str:
    return str(unit.rank) if unit.rank is not None else _t("report.eval.unranked", lang)


def _change_cell(change: float | None, st) -> Paragraph:
    return Paragraph(f'<font color="{_change_colour(change)}">{markup(_signed(change))}</font>', st["cell_r"])


def _section(title: str, st, *flowables: Flowable, need: float | None = None) -> list[Flowable]:
    """A heading that never stands alone at the foot of a page: break first unless ``need`` points
    (default: the first flowable's height when it is a figure, else 60 mm) fit below it."""
    head = _p(title, st["h1"])
    if need is None:
        first = flowables[0] if flowables else None
        need = getattr(first, "qsm_height", None) or 60 * mm
    return [CondPageBreak(need + 30), head, *flowables]


def _figure(image: Image, caption: str | None, st) -> Flowable:
    """An image kept together with its caption; ``qsm_height`` tells :func:`_section` its height."""
    parts: list[Flowable] = [image]
    if caption:
        parts.append(_p(caption, st["caption"]))
    block = KeepTogether(parts) if caption else image
    block.qsm_height = image.drawHeight + (22 if caption else 0)  # type: ignore[attr-defined]
    return block


def _key_figures(items: Sequence[tuple[str, str]], st, width: float = FRAME_W) -> Table:
    cells = [[_p(v, st["kf_value"], bold_latin=True) for _, v in items], [_p(k, st["kf_label"]) for k, _ in items]]
    table = Table(cells, colWidths=[width / len(items)] * len(items), hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), LATIN_FONT),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ("LINEBEFORE", (1, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#F7F9FC")),
        ("TOPPADDING", (0, 0), (-1, 0), 7),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return table


def _grade_extra(units: Sequence[UnitScore], column: int, header_rows: int = 1) -> list[tuple]:
    return [("BACKGROUND", (column, header_rows + i), (column, header_rows + i), GRADE_FILL[u.grade])
            for i, u in enumerate(units) if u.grade in GRADE_FILL]


# --------------------------------------------------------------------------- bank-wide report


def _ranking_table(scores: PeriodScores, unit_type: str, st, lang: str) -> Table:
    units = scores.of_type(unit_type)
    system = scores.system
    categories = system.categories_for(unit_type)
    if len(categories) >= 2:  # branches: one column per category
        columns = [(f"{c.code} {c.name}", c.code) for c in categories]
        detail = lambda u, code: next(cs.points for cs in u.categories if cs.code == code)  # noqa: E731
    else:  # departments: one column per indicator
        columns = [(f"{i.code} {i.name}", i.code) for i in system.indicators_for(unit_type)]
        detail = lambda u, code: u.indicator(code).points  # noqa: E731
    fixed = [28, 46, 0, 44, 40, 42]
    detail_w = 50 if len(columns) <= 4 else 40
    name_w = FRAME_W - sum(fixed) - detail_w * len(columns)
    widths = [28, 46, name_w, *([detail_w] * len(columns)), 44, 40, 42]
    head = _head([_t("report.eval.col_rank", lang), _t("report.eval.col_code", lang),
                  _t("report.eval.col_name", lang), *[c[0] for c in columns], _t("report.eval.col_total", lang),
                  _t("report.eval.col_grade", lang), _t("report.eval.col_change", lang)], st)
    rows: list[list[object]] = [head]
    for u in units:
        cells: list[object] = [_p(_rank_text(u, lang), st["cell_c"]), _p(u.code, st["cell_c"]), _p(u.name, st["cell"])]
        for _, code in columns:
            value = detail(u, code)
            cells.append(_p("—" if value is None else f"{value:.2f}", st["cell_r"]))
        cells += [_p(f"{u.total:.2f}", st["cell_r"], bold_latin=True), _grade_cell(u, st, lang), _change_cell(u.change, st)]
        rows.append(cells)
    return _table(rows, widths, extra=_grade_extra(units, len(widths) - 2))


def _overview(data: EvaluationReportData, st, lang: str, timer: _Timer) -> list[Flowable]:
    scores = data.scores
    story: list[Flowable] = []
    branches, depts = scores.of_type(UNIT_TYPE_BRANCH), scores.of_type(UNIT_TYPE_DEPARTMENT)
    avg_b, avg_d = scores.average_total(UNIT_TYPE_BRANCH), scores.average_total(UNIT_TYPE_DEPARTMENT)
    intro = _p(_t("report.eval.overview_text", lang, branches=len(branches), departments=len(depts),
                  branch_avg="—" if avg_b is None else f"{avg_b:.2f}",
                  dept_avg="—" if avg_d is None else f"{avg_d:.2f}", system=scores.system.label), st["body"])
    story += _section(_t("report.eval.sec_overview", lang), st, intro)
    story.append(Spacer(1, 4))
    # key figures per unit type
    grade_names = [g.name for g in scores.system.grades]
    rows = [_head([_t("report.eval.col_type", lang), _t("report.eval.kf_units", lang), _t("report.eval.kf_avg", lang),
                   _t("report.eval.kf_best", lang), _t("report.eval.kf_worst", lang), *grade_names], st)]
    for unit_type, units in ((UNIT_TYPE_BRANCH, branches), (UNIT_TYPE_DEPARTMENT, depts)):
        if not units:
            continue
        graded = [u for u in units if u.grade is not None]
        best = max(graded, key=lambda u: u.total, default=None)
        worst = min(graded, key=lambda u: u.total, default=None)
        avg = scores.average_total(unit_type)
        rows.append([
            _p(_type_label(unit_type, lang), st["cell"]), _p(str(len(units)), st["cell_c"]),
            _p("—" if avg is None else f"{avg:.2f}", st["cell_r"]),
            _p("—" if best is None else f"{best.total:.2f}  {best.name}", st["cell_small"]),
            _p("—" if worst is None else f"{worst.total:.2f}  {worst.name}", st["cell_small"]),
            *[_p(str(sum(1 for u in units if u.grade == g)), st["cell_c"]) for g in grade_names],
        ])
    grade_w = 32.0
    side = (FRAME_W - 60 - 48 - 44 - grade_w * len(grade_names)) / 2
    widths = [60, 48, 44, side, side] + [grade_w] * len(grade_names)
    extra = [("BACKGROUND", (5 + i, 0), (5 + i, 0), GRADE_FILL[g]) for i, g in enumerate(grade_names) if g in GRADE_FILL]
    extra += [("TEXTCOLOR", (5, 0), (-1, 0), INK)]
    rows[0][5:] = [_p(g, st["cell_c"]) for g in grade_names]
    story.append(_table(rows, widths, extra=extra, zebra=False))
    story.append(Spacer(1, 8))
    series = {_type_label(t, lang): [u.total for u in units if u.grade is not None]
              for t, units in ((UNIT_TYPE_BRANCH, branches), (UNIT_TYPE_DEPARTMENT, depts)) if units}
    bands = [(g.name, g.min) for g in scores.system.grades]
    image = timer.image(lambda: charts.totals_histogram(series, bands, xlabel=_t("report.eval.total_axis", lang),
                                                        ylabel=_t("report.eval.units_axis", lang)), FRAME_W)
    story.append(_figure(image, _t("report.eval.chart_distribution", lang), st))
    if data.history:
        periods = [h.period for h in data.history] + [scores.period]
        lines: dict[str, list[float | None]] = {}
        for unit_type in (UNIT_TYPE_BRANCH, UNIT_TYPE_DEPARTMENT):
            values = [_past_average(h, unit_type, scores) for h in data.history]
            values.append(scores.average_total(unit_type))
            if any(v is not None for v in values):
                lines[_t("report.eval.peer_average", lang, type=_type_label(unit_type, lang))] = values
        image = timer.image(lambda: charts.trend_line(periods, lines, ylabel=_t("report.eval.total_axis", lang),
                                                      height_in=2.2), FRAME_W)
        story.append(_figure(image, _t("report.eval.chart_history", lang), st))
    return story


def _past_average(past: PastPeriod, unit_type: str, scores: PeriodScores) -> float | None:
    if unit_type in past.averages:
        return past.averages[unit_type]
    types = {u.code: u.unit_type for u in scores.units}
    values = [t for code, t in past.totals.items() if types.get(code) == unit_type]
    return math.fsum(values) / len(values) if values else None


def _categories_section(scores: PeriodScores, st, lang: str, timer: _Timer) -> list[Flowable]:
    units = [u for u in scores.of_type(UNIT_TYPE_BRANCH) if u.grade is not None]
    categories = scores.system.categories_for(UNIT_TYPE_BRANCH)
    if not units or not categories:
        return []
    rates = {c.code: [next(cs.rate for cs in u.categories if cs.code == c.code) for u in units] for c in categories}
    avg = [math.fsum(rates[c.code]) / len(units) for c in categories]
    hi = [max(rates[c.code]) for c in categories]
    lo = [min(rates[c.code]) for c in categories]
    labels = [f"{c.code} {c.name}" for c in categories]
    image = timer.image(lambda: charts.category_comparison(
        labels, {_t("report.eval.col_avg", lang): avg, _t("report.eval.col_max", lang): hi,
                 _t("report.eval.col_min", lang): lo}, ylabel=_t("report.eval.rate_axis", lang)), FRAME_W)
    rows = [_head([_t("report.eval.col_category", lang), _t("report.eval.col_weight", lang),
                   _t("report.eval.col_avg", lang), _t("report.eval.col_max", lang),
                   _t("report.eval.col_min", lang)], st)]
    for c, a in zip(categories, avg, strict=True):
        weight = math.fsum(i.weight for i in scores.system.indicators_in(c.code))
        pts = [next(cs.points for cs in u.categories if cs.code == c.code) for u in units]
        best = max(units, key=lambda u: next(cs.points for cs in u.categories if cs.code == c.code))
        worst = min(units, key=lambda u: next(cs.points for cs in u.categories if cs.code == c.code))
        rows.append([
            _p(f"{c.code} {c.name}", st["cell"]), _p(fmt_number(weight), st["cell_r"]),
            _p(f"{math.fsum(pts) / len(pts):.2f}  ({a:.0f}%)", st["cell_r"]),
            _p(f"{max(pts):.2f}  {best.name}", st["cell_small"]),
            _p(f"{min(pts):.2f}  {worst.name}", st["cell_small"]),
        ])
    table = _table(rows, [110, 40, 76, (FRAME_W - 226) / 2, (FRAME_W - 226) / 2])
    return [*_section(_t("report.eval.sec_categories", lang), st,
                      _figure(image, _t("report.eval.chart_categories", lang), st)), table]


def _movers_section(scores: PeriodScores, st, lang: str, count: int = 5) -> list[Flowable]:
    moved = [u for u in scores.units if u.change is not None]
    if not moved:
        return _section(_t("report.eval.sec_movers", lang), st, _p(_t("report.eval.no_previous", lang), st["body"]))
    ups = sorted((u for u in moved if u.change > 0.005), key=lambda u: (-u.change, u.code))[:count]
    downs = sorted((u for u in moved if u.change < -0.005), key=lambda u: (u.change, u.code))[:count]
    rows = [_head(["", _t("report.eval.col_name", lang), _t("report.eval.col_type", lang),
                   _t("report.eval.col_previous", lang), _t("report.eval.col_total", lang),
                   _t("report.eval.col_change", lang), _t("report.eval.col_rank", lang)], st)]
    for label, units in ((_t("report.eval.movers_up", lang), ups), (_t("report.eval.movers_down", lang), downs)):
        for i, u in enumerate(units):
            rows.append([
                _p(label if i == 0 else "", st["cell_c"]), _p(f"{u.code} {u.name}", st["cell"]),
                _p(_type_label(u.unit_type, lang), st["cell_c"]), _p(f"{u.previous_total:.2f}", st["cell_r"]),
                _p(f"{u.total:.2f}", st["cell_r"]), _change_cell(u.change, st), _p(_rank_text(u, lang), st["cell_c"]),
            ])
    widths = [36, FRAME_W - 36 - 70 - 50 * 3 - 40, 70, 50, 50, 50, 40]
    if len(rows) == 1:
        return _section(_t("report.eval.sec_movers", lang), st, _p(_t("report.eval.no_previous", lang), st["body"]))
    return _section(_t("report.eval.sec_movers", lang), st, _table(rows, widths))


def _missing_section(scores: PeriodScores, title: str, st, lang: str, units: Sequence[UnitScore] | None = None) -> list[Flowable]:
    problems = [p for u in (units if units is not None else scores.units) for p in u.problems]
    if not problems:
        return _section(title, st, _p(_t("report.eval.no_missing", lang), st["body"]))
    rows = [_head([_t("report.eval.col_unit", lang), _t("report.eval.col_indicator", lang),
                   _t("report.eval.col_problem", lang)], st)]
    for p in problems:
        rows.append([_p(f"{p.unit_code} {p.unit_name}", st["cell"]), _p(f"{p.indicator_code} {p.indicator_name}", st["cell"]),
                     _p(p.message(lang), st["cell_small"])])
    return _section(title, st, _table(rows, [120, 110, FRAME_W - 230]))


def _rules_section(scores: PeriodScores, st, lang: str) -> list[Flowable]:
    system = scores.system
    rows = [_head([_t("report.eval.col_indicator", lang), _t("report.eval.col_weight", lang),
                   _t("report.eval.col_target", lang), _t("report.eval.col_rule", lang),
                   _t("report.eval.col_source", lang)], st)]
    extra: list[tuple] = []
    for unit_type in system.unit_types():
        for category in system.categories_for(unit_type):
            rows.append([_p(f"{category.code} {category.name}（{_type_label(unit_type, lang)}）", st["cell"]), "", "", "", ""])
            r = len(rows) - 1
            extra += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), colors.HexColor("#E8ECF3"))]
            for ind in system.indicators_in(category.code):
                source = SOURCES.get(ind.source, (ind.source, ind.source))[0 if lang == "zh" else 1]
                rule = ind.rule.describe(ind.unit, ind.weight, lang)
                rows.append([_p(f"{ind.code} {ind.name}", st["cell"]), _p(fmt_number(ind.weight), st["cell_r"]),
                             _p(ind.target_text(lang), st["cell_c"]), _p(rule, st["cell_small"]),
                             _p(source, st["cell_small"])])
    grades = "；".join(f"{g.name} ≥ {fmt_number(g.min)}" for g in system.grades)
    return [*_section(_t("report.eval.sec_rules", lang), st,
                      _p(f"{system.label}  ·  {grades}", st["small"])),
            Spacer(1, 4), _table(rows, [128, 34, 56, FRAME_W - 128 - 34 - 56 - 74, 74], extra=extra, zebra=False)]


def _status_notice(data: EvaluationReportData, st, lang: str) -> list[Flowable]:
    scores = data.scores
    incomplete = [u for u in scores.units if not u.complete]
    out = [_p(_t("report.eval.status_published" if data.published else "report.eval.status_draft", lang), st["small"])]
    if incomplete:
        key = "report.eval.status_accepted" if scores.accepted_incomplete else "report.eval.status_incomplete"
        out.append(_p(_t(key, lang, n=len(incomplete)), st["notice"]))
    return out


def build_period_report(data: EvaluationReportData, out: str | Path | BinaryIO, language: str | None = None) -> ReportResult:
    """Write the bank-wide evaluation report of ``data.scores.period`` to ``out`` (path or binary stream).

    Contents: cover; overview with key figures and the distribution of totals; branch ranking with
    grades; category comparison; head-office department ranking; biggest movers (needs previous
    totals); missing inputs; the scoring rules. ``language`` ``"zh"``/``"en"`` (default: current).
    Returns pages and timings. ``OSError`` if the file cannot be written.
    """
    lang = language or get_language()
    start = time.perf_counter()
    _register_fonts()
    st = _styles()
    timer = _Timer()
    scores = data.scores
    title = _t("report.eval.title", lang)
    period = period_label(scores.period, lang)
    generated = _t("report.eval.generated", lang, date=date_label(data.generated_on, lang))
    story: list[Flowable] = [NextPageTemplate("body")]
    # cover
    org = data.organisation or data.issuer
    story += [
        Spacer(1, 14 * mm),
        Paragraph(f'<font color="white" size="12">{markup(org)}</font>', st["cover_meta"]),
        Spacer(1, 4 * mm),
        Paragraph(f'<font color="white">{markup(title)}</font>', st["cover_title"]),
        Spacer(1, 40 * mm),
        _p(period, st["cover_sub"]),
        Spacer(1, 3 * mm),
        _p(_t("report.eval.system", lang, system=scores.system.label,
              effective=date_label(scores.system.effective_from, lang)), st["cover_meta"]),
        Spacer(1, 12 * mm),
    ]
    branches, depts = scores.of_type(UNIT_TYPE_BRANCH), scores.of_type(UNIT_TYPE_DEPARTMENT)
    figures = []
    for unit_type, units in ((UNIT_TYPE_BRANCH, branches), (UNIT_TYPE_DEPARTMENT, depts)):
        avg = scores.average_total(unit_type)
        if units:
            figures.append((f"{_type_label(unit_type, lang)} · {_t('report.eval.kf_units', lang)}", str(len(units))))
            figures.append((f"{_type_label(unit_type, lang)} · {_t('report.eval.kf_avg', lang)}",
                            "—" if avg is None else f"{avg:.2f}"))
    if figures:
        story.append(_key_figures(figures, st, FRAME_W - 8 * mm))
    story += [Spacer(1, 8 * mm), *_status_notice(data, st, lang), Spacer(1, 30 * mm),
              _p(data.issuer, st["cover_sub"]), _p(date_label(data.generated_on, lang), st["cover_meta"]),
              _p(_t("report.eval.internal", lang), st["small"]), PageBreak()]
    # body
    story += _overview(data, st, lang, timer)
    if branches:
        story += _section(_t("report.eval.sec_branches", lang), st, _ranking_table(scores, UNIT_TYPE_BRANCH, st, lang))
        story += _categories_section(scores, st, lang, timer)
    if depts:
        story += _section(_t("report.eval.sec_departments", lang), st,
                          _ranking_table(scores, UNIT_TYPE_DEPARTMENT, st, lang))
    story += _movers_section(scores, st, lang)
    story += _missing_section(scores, _t("report.eval.sec_missing", lang), st, lang)
    story += _rules_section(scores, st, lang)

    doc = _doc(out, f"{title} {period}", data.issuer, scores.system.label, cover=True)
    maker = _canvas_maker(f"{title} · {period}", generated, data.issuer, lang, cover=True)
    doc.build(story, canvasmaker=maker)
    return ReportResult(Path(out) if isinstance(out, (str, Path)) else None, doc.page,
                        time.perf_counter() - start, timer.seconds)


# --------------------------------------------------------------------------- per-unit report


def _reason_cell(item: IndicatorScore, st, lang: str) -> Paragraph:
    if item.problem is not None:
        text = f'<font color="#B23A48">{markup(item.problem.message(lang))}</font>'
    else:
        why = item.explanation
        reason = why.loss_reason(lang) if why else None
        text = markup(reason) if reason else f'<font color="#2E7D4F">{markup(_t("report.eval.full_points", lang))}</font>'
    if item.origin:
        text += f'<br/><font size="6.5" color="#8A94A6">{markup(_t("report.eval.origin", lang, origin=item.origin))}</font>'
    return Paragraph(text, st["cell_small"])


def _value_text(item: IndicatorScore, lang: str) -> str:
    if item.value is None:
        return _t("report.eval.missing_value", lang)
    unit = item.indicator.unit
    if unit == "名":
        return f"第{fmt_number(item.value)}名" if lang == "zh" else f"rank {fmt_number(item.value)}"
    return f"{fmt_number(item.value)}{unit if lang == 'zh' or unit == '%' else ''}"


def _indicator_table(unit: UnitScore, scores: PeriodScores, st, lang: str) -> Table:
    system = scores.system
    head = _head([_t("report.eval.col_indicator", lang), _t("report.eval.col_value", lang),
                  _t("report.eval.col_target", lang), _t("report.eval.col_weight", lang),
                  _t("report.eval.col_points", lang), _t("report.eval.col_reason", lang)], st)
    rows: list[list[object]] = [head]
    extra: list[tuple] = []
    by_code = {i.code: i for i in unit.indicators}
    for category in unit.categories:
        rows.append([_p(_t("report.eval.category_points", lang, code=category.code, name=category.name,
                           points=f"{category.points:.2f}", weight=fmt_number(category.weight)), st["cell"]),
                     "", "", "", "", ""])
        r = len(rows) - 1
        extra += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), colors.HexColor("#E8ECF3"))]
        for ind in system.indicators_in(category.code):
            item = by_code[ind.code]
            points = "—" if item.points is None else f"{item.points:.2f}"
            lost = item.explanation is not None and item.explanation.lost > 0.005
            colour = "#B23A48" if (lost or item.points is None) else "#2B3340"
            rows.append([
                _p(f"{ind.code} {ind.name}", st["cell"]),
                _p(_value_text(item, lang), st["cell_r"]),
                _p(ind.target_text(lang), st["cell_c"]),
                _p(fmt_number(ind.weight), st["cell_r"]),
                Paragraph(f'<font color="{colour}">{markup(points, bold_latin=True)}</font>', st["cell_r"]),
                _reason_cell(item, st, lang),
            ])
    rows.append([_p(_t("report.eval.col_total", lang), st["cell"]), "", "", _p("100", st["cell_r"]),
                 _p(f"{unit.total:.2f}", st["cell_r"], bold_latin=True), ""])
    r = len(rows) - 1
    extra += [("SPAN", (0, r), (2, r)), ("LINEABOVE", (0, r), (-1, r), 0.9, NAVY),
              ("BACKGROUND", (0, r), (-1, r), colors.HexColor("#F7F9FC"))]
    widths = [124, 50, 50, 36, 38, FRAME_W - 124 - 50 - 50 - 36 - 38]
    return _table(rows, widths, extra=extra, zebra=False)


def _unit_story(data: EvaluationReportData, unit: UnitScore, st, lang: str, timer: _Timer) -> list[Flowable]:
    scores = data.scores
    system = scores.system
    peers = scores.of_type(unit.unit_type)
    ranked = [u for u in peers if u.rank is not None]
    type_label = _type_label(unit.unit_type, lang)
    peer_avg = scores.average_total(unit.unit_type)
    story: list[Flowable] = [
        _p(_t("report.eval.unit_title", lang, unit=unit.name), st["h1"]),
        _p(f"{unit.code}  ·  {type_label}  ·  {period_label(scores.period, lang)}  ·  {system.label}", st["small"]),
        Spacer(1, 6),
    ]
    rank = _t("report.eval.rank_of", lang, rank=unit.rank, count=len(ranked)) if unit.rank else "—"
    story.append(_key_figures([
        (_t("report.eval.kf_total", lang), f"{unit.total:.2f}"),
        (_t("report.eval.kf_grade", lang), unit.grade or "—"),
        (_t("report.eval.kf_rank", lang), rank),
        (_t("report.eval.kf_change", lang), _signed(unit.change)),
        (_t("report.eval.kf_peer_avg", lang), "—" if peer_avg is None else f"{peer_avg:.2f}"),
    ], st))
    story.append(Spacer(1, 4))
    story += _status_notice(data, st, lang)[1:] if not unit.complete else []
    # lost points summary
    losses = sorted((i for i in unit.indicators if i.explanation and i.explanation.lost > 0.005),
                    key=lambda i: -i.explanation.lost)  # type: ignore[union-attr]
    if losses:
        lost_total = math.fsum(i.explanation.lost for i in losses)  # type: ignore[union-attr]
        sep, fmt = ("、", "{name}（{lost:.2f}）") if lang == "zh" else (", ", "{name} ({lost:.2f})")
        top = sep.join(fmt.format(name=i.indicator.name, lost=i.explanation.lost) for i in losses[:3])  # type: ignore[union-attr]
        summary = _t("report.eval.unit_lost_summary", lang, lost=f"{lost_total:.2f}", top=top)
    else:
        summary = _t("report.eval.unit_full", lang)
    story.append(_p(summary, st["body"]))
    story += _section(_t("report.eval.unit_sec_scores", lang), st, _indicator_table(unit, scores, st, lang))
    # against the average
    indicators = system.indicators_for(unit.unit_type)
    averages = scores.average_points(unit.unit_type)
    this_unit = _t("report.eval.this_unit", lang)
    average_label = _t("report.eval.peer_average", lang, type=type_label)
    image = timer.image(lambda: charts.unit_vs_average(
        [f"{i.code} {i.name}" for i in indicators], [unit.indicator(i.code).points for i in indicators],
        [averages.get(i.code) for i in indicators], [i.weight for i in indicators], unit_label=this_unit,
        average_label=average_label, weight_label=_t("report.eval.weight_label", lang),
        xlabel=_t("report.eval.points_axis", lang), height_in=max(2.2, 0.27 * len(indicators) + 0.8)), FRAME_W)
    story += _section(_t("report.eval.unit_sec_compare", lang), st, _figure(image, None, st))
    # trend and radar side by side
    trend_w, radar_w = FRAME_W * 0.60, FRAME_W * 0.38
    if data.history:
        periods = [h.period for h in data.history] + [scores.period]
        own = [h.totals.get(unit.code) for h in data.history] + [unit.total]
        avg = [_past_average(h, unit.unit_type, scores) for h in data.history] + [peer_avg]
        trend: Flowable = timer.image(lambda: charts.trend_line(
            periods, {this_unit: own, average_label: avg}, ylabel=_t("report.eval.total_axis", lang),
            width_in=4.2, height_in=3.0), trend_w)
    else:
        trend = _p(_t("report.eval.no_history", lang), st["body"])
    # radar: categories, or the leaves when the type has fewer than three categories
    if len(unit.categories) >= 3:
        axes = [c.name for c in unit.categories]
        own_rates = [c.rate for c in unit.categories]
        avg_rates = []
        for c in unit.categories:
            vals = [cs.rate for u in peers if u.grade is not None for cs in u.categories if cs.code == c.code]
            avg_rates.append(math.fsum(vals) / len(vals) if vals else 0.0)
    else:
        axes = [i.name for i in indicators]
        own_rates = [100 * (unit.indicator(i.code).points or 0.0) / i.weight for i in indicators]
        avg_rates = [100 * averages.get(i.code, 0.0) / i.weight for i in indicators]
    radar = timer.image(lambda: charts.category_radar(axes, {this_unit: own_rates, average_label: avg_rates},
                                                      size_in=3.0), radar_w)
    pair = Table([[_p(_t("report.eval.unit_sec_trend", lang), st["caption"]),
                   _p(_t("report.eval.unit_sec_radar", lang), st["caption"])], [trend, radar]],
                 colWidths=[FRAME_W * 0.61, FRAME_W * 0.39], hAlign="LEFT")
    pair.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), LATIN_FONT), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                              ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("LINEBEFORE", (1, 0), (1, -1), 0.4, RULE)]))
    pair.qsm_height = radar.drawHeight + 20  # type: ignore[attr-defined]
    story += _section(_t("report.eval.unit_sec_trend_radar", lang), st, pair)
    if not unit.complete:
        story += _missing_section(scores, _t("report.eval.unit_sec_missing", lang), st, lang, units=[unit])
    return story


def build_unit_report(data: EvaluationReportData, unit_code: str, out: str | Path | BinaryIO,
                      language: str | None = None) -> ReportResult:
    """Write one unit's evaluation report (单位综合评价报告) for ``data.scores.period`` to ``out``.

    Contents: total, grade, rank among units of its type, change, peer average; the indicator table
    (value, target, weight, points, the reason for every lost point and the value's origin); a bar
    chart against the peer average; the trend over ``data.history``; a radar of category score
    rates. ``KeyError`` if ``unit_code`` was not scored; ``OSError`` if the file cannot be written.
    """
    lang = language or get_language()
    start = time.perf_counter()
    _register_fonts()
    st = _styles()
    timer = _Timer()
    unit = data.scores.unit(unit_code)
    story = _unit_story(data, unit, st, lang, timer)
    period = period_label(data.scores.period, lang)
    title = _t("report.eval.unit_title", lang, unit=unit.name)
    doc = _doc(out, f"{title} {period}", data.issuer, data.scores.system.label, cover=False)
    generated = _t("report.eval.generated", lang, date=date_label(data.generated_on, lang))
    maker = _canvas_maker(f"{title} · {period}", generated, data.issuer, lang, cover=False)
    doc.build(story, canvasmaker=maker)
    return ReportResult(Path(out) if isinstance(out, (str, Path)) else None, doc.page,
                        time.perf_counter() - start, timer.seconds)


_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def unit_report_filename(period: str, unit: UnitScore) -> str:
    """``2007Q4_110000_交通银行北京市分行.pdf`` (characters Windows forbids replaced by ``_``)."""
    return f"{period}_{unit.code}_{_UNSAFE.sub('_', unit.name).strip('_')}.pdf"


def build_unit_reports(
    data: EvaluationReportData,
    out_dir: str | Path,
    *,
    unit_codes: Sequence[str] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    cancel: threading.Event | Callable[[], bool] | None = None,
    language: str | None = None,
) -> BatchResult:
    """Write one report per unit into ``out_dir`` (created if needed) — the batch run (批量生成).

    ``unit_codes``: which units (default: all, branches then departments, in rank order).
    ``progress(done, total, unit_code)`` is called after each report. ``cancel`` (an Event or a
    callable returning ``True``) is checked before each report: the run stops, reports already
    written stay, no partial file is left (each report is written to ``*.part`` and renamed).
    """
    started = time.perf_counter()
    target = Path(out_dir)
    target.mkdir(parents=True, exist_ok=True)
    scores = data.scores
    if unit_codes is None:
        ordered = [u for t in scores.system.unit_types() for u in scores.of_type(t)]
        ordered += [u for u in scores.units if u not in ordered]
        codes = [u.code for u in ordered]
    else:
        codes = list(unit_codes)
    is_cancelled = (cancel.is_set if isinstance(cancel, threading.Event) else cancel) or (lambda: False)
    results: list[ReportResult] = []
    for index, code in enumerate(codes):
        if is_cancelled():
            return BatchResult(tuple(results), True, time.perf_counter() - started)
        unit = scores.unit(code)
        final = target / unit_report_filename(scores.period, unit)
        partial = final.with_name(final.name + ".part")
        try:
            result = build_unit_report(data, code, partial, language)
            os.replace(partial, final)
        finally:
            if partial.exists():
                partial.unlink()
        results.append(ReportResult(final, result.pages, result.seconds, result.chart_seconds))
        if progress is not None:
            progress(index + 1, len(codes), code)
    return BatchResult(tuple(results), False, time.perf_counter() - started)


__all__ = [
    "BatchResult", "EvaluationReportData", "PastPeriod", "ReportResult", "build_period_report",
    "build_unit_report", "build_unit_reports", "date_label", "markup", "period_label", "unit_report_filename",
]
