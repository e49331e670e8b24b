"""Texts of the evaluation reports (报告文字): the messages (zh/en) and the labels of periods, dates,
unit types and changes."""

from __future__ import annotations

import datetime
import re

from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.domain.indicators import UNIT_TYPE_BRANCH, UNIT_TYPE_DEPARTMENT

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
    "report.eval.draft_stamp": ("草稿 · 本期结果尚未发布", "DRAFT · period not published"),
    "report.eval.status_incomplete": (
        "本期有 {n} 个单位数据不完整，这些单位未评定等级和名次，详见“数据缺失情况”。",
        "{n} {n:unit has|units have} incomplete data and no grade and no rank (see 'Missing inputs').",
    ),
    "report.eval.status_accepted": (
        "本期按不完整数据发布（经确认）：{n} 个单位按现有数据计分排名，详见“数据缺失情况”。",
        "Published as incomplete (accepted): {n} {n:unit is|units are} scored and ranked on the data available (see 'Missing inputs').",
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
    "report.eval.chart_distribution": ("图 {n}  总分分布（按等级区间）", "Figure {n}  Distribution of totals by grade band"),
    "report.eval.chart_categories": ("图 {n}  分行各类指标得分率", "Figure {n}  Branch score rates by category"),
    "report.eval.chart_history": ("图 {n}  各期平均分", "Figure {n}  Average totals by period"),
    "report.eval.chart_compare": ("图 {n}  各指标得分与{type}平均对比", "Figure {n}  Points by indicator against the {type} average"),
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
    "report.eval.source_units": ("{source}：{n} 个单位", "{source}: {n} {n:unit|units}"),
    "report.eval.col_problem": ("缺失或无效的数据", "Missing or invalid input"),
    "report.eval.col_category": ("类别", "Category"),
    "report.eval.col_avg": ("平均", "Average"),
    "report.eval.col_max": ("最高", "Highest"),
    "report.eval.all_tied": ("{points}  全部 {n} 个单位并列", "{points}  all {n} units tied"),
    "report.eval.tied_more": ("（另有 {n} 个并列）", " (+{n} tied)"),
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
    "report.eval.unit_sec_trend": ("图 {n}  总分趋势", "Figure {n}  Totals by period"),
    "report.eval.unit_sec_radar": ("图 {n}  得分率 (%)", "Figure {n}  Score rates (%)"),
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
    "report.eval.reported": ("填报 {value}", "typed {value}"),
    "report.eval.reported_differs": ("填报 {value} ≠", "typed {value} ≠"),
    "report.eval.sec_differences": ("七、登记数据与季度报表填报值不一致", "7. Registers differing from the quarterly return"),
    "report.eval.differences_intro": (
        "以下指标按登记数据计分（{registers}），季度报表填报值与之不一致，请核实填报。",
        "These indicators are scored on the registers ({registers}); the quarterly return typed a different "
        "value — please check the return.",
    ),
    "report.eval.col_register": ("登记数据", "Register"),
    "report.eval.col_reported": ("填报值", "Typed"),
    "report.eval.col_difference": ("差异", "Difference"),
    "report.eval.cancelled": ("已取消", "cancelled"),
}
register(_MESSAGES)


def tr(key: str, lang: str, **params: object) -> str:
    """The report message ``key`` in ``lang`` (``"zh"``/``"en"``) with ``params``."""
    return msg(key, language=lang, **params)


def period_label(period: str, lang: str) -> str:
    """``'2007Q4'`` → ``2007年第四季度`` / ``2007 Q4``; ``'2007'`` → ``2007年度``."""
    m = re.fullmatch(r"(\d{4})Q([1-4])", period)
    if m:
        quarter = "一二三四"[int(m.group(2)) - 1] if lang == "zh" else m.group(2)
        return tr("report.eval.period_q", lang, year=m.group(1), quarter=quarter)
    if re.fullmatch(r"\d{4}", period):
        return tr("report.eval.period_y", lang, year=period)
    return period


def date_label(day: datetime.date, lang: str) -> str:
    """``2008年1月5日`` / ``5 January 2008``."""
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {day.strftime('%B')} {day.year}"


def type_label(unit_type: str, lang: str) -> str:
    """分行 → 分行 / Branches, 总行部门 → 总行部门 / Head-office departments; other types as they are."""
    key = {UNIT_TYPE_BRANCH: "report.eval.type_branch", UNIT_TYPE_DEPARTMENT: "report.eval.type_department"}
    return tr(key[unit_type], lang) if unit_type in key else unit_type


def signed(value: float | None) -> str:
    """A change with its sign to 2 decimals (``+1.25``, ``0.00``); ``—`` for none."""
    if value is None:
        return "—"
    text = f"{value:+.2f}"
    return "0.00" if text in ("+0.00", "-0.00") else text


def change_colour(value: float | None) -> str:
    """The colour of a change: grey when none or below 0.005, green up, red down."""
    if value is None or abs(value) < 0.005:
        return "#6B7482"
    return "#2E7D4F" if value > 0 else "#B23A48"


__all__ = ["change_colour", "date_label", "period_label", "signed", "tr", "type_label"]
