"""Texts of the quarterly monitoring report (监测报告文字): messages (zh/en) and the names of reasons,
action types and statuses. Period and date labels are the evaluation reports' (one wording)."""

from __future__ import annotations

from qsm_desktop.domain.i18n import msg, register

_MESSAGES: dict[str, tuple[str, str]] = {
    "report.mon.title_bank": ("全行服务质量监测季度报告", "Quarterly service-quality monitoring report — the bank"),
    "report.mon.title_unit": ("{unit} 服务质量监测季度报告", "{unit} — quarterly service-quality monitoring report"),
    "report.mon.subtitle": ("{period} · 神秘访客检查、客户投诉与纠正预防措施",
                            "{period} · mystery visits, complaints and corrective and preventive actions"),
    "report.mon.provisional_stamp": ("暂定 · 本季度尚未定稿", "PROVISIONAL · quarter not finalised"),
    "report.mon.provisional": (
        "暂定：{period}尚未定稿{appeals}，本报告中的神秘访客得分为暂定数，定稿后可能变动。",
        "Provisional: {period} is not finalised yet{appeals}; the mystery-visit scores in this report may "
        "still change.",
    ),
    "report.mon.open_appeals": ("（尚有 {n} 项申诉待裁决）", " ({n} {n:appeal|appeals} still undecided)"),
    "report.mon.final": ("本季度已于 {when} 由 {who} 定稿，得分为定稿数。",
                         "The quarter was finalised on {when} by {who}; the scores are final."),
    "report.mon.as_of": ("投诉和整改数据截至 {date}。", "Complaint and action figures as of {date}."),
    "report.mon.kf_score": ("神秘访客得分", "Mystery-visit score"),
    "report.mon.kf_visits": ("暗访次数", "Visits"),
    "report.mon.kf_outlets": ("受检网点", "Outlets visited"),
    "report.mon.kf_valid": ("有效投诉", "Valid complaints"),
    "report.mon.kf_complaint_rate": ("投诉处理及时率", "Complaints on time"),
    "report.mon.kf_overdue": ("逾期整改", "Overdue actions"),
    "report.mon.kf_action_rate": ("整改按期完成率", "Actions on time"),
    "report.mon.sec_scores_bank": ("二、各分行神秘访客得分", "2. Mystery-visit scores by branch"),
    "report.mon.sec_scores_unit": ("二、各网点神秘访客得分", "2. Mystery-visit scores by outlet"),
    "report.mon.scores_text": (
        "{scope}本季度神秘访客检查 {visits} 次，覆盖网点 {outlets} 个，得分 {score}。"
        "网点得分为其各次暗访得分的平均，分行得分为受检网点得分的平均，全行得分为各分行得分的平均，"
        "均四舍五入保留两位小数。",
        "{scope}: {visits} mystery {visits:visit|visits} at {outlets} {outlets:outlet|outlets} this quarter, score {score}. An outlet's score "
        "is the mean of its visits' scores, a branch's the mean of its visited outlets', the bank's the mean of "
        "the branches'; each rounded half-up to 2 decimals.",
    ),
    "report.mon.chart_scores": ("图 {n}  神秘访客得分（由高到低，虚线为{scope}得分 {score}）",
                                "Figure {n}  Mystery-visit scores, highest first (dashed line: {scope} {score})"),
    "report.mon.chart_scores_part": ("（{part}/{parts}）", " ({part}/{parts})"),
    "report.mon.sec_modules": ("一、分模块得分", "1. Scores by service module"),
    "report.mon.modules_text": (
        "模块得分为该模块各次暗访得分的平均（四舍五入保留两位小数）；空白表示本季度未检查该模块。",
        "A module's score is the mean of the scores of its visits (half-up, 2 decimals); blank: the module was "
        "not visited this quarter.",
    ),
    "report.mon.chart_modules": ("图 {n}  {scope}各服务模块得分", "Figure {n}  {scope}: scores by service module"),
    "report.mon.sec_items": ("三、失分最多的检查项目", "3. Checklist items most often losing points"),
    "report.mon.items_text": (
        "按失分次数排列（申诉裁决后的得分）。失分率 = 失分次数 ÷ 适用该项目的暗访次数；★ 为关键项。",
        "Ordered by how often the item lost points (after appeal decisions). Loss rate = visits losing points ÷ "
        "visits where the item applied; ★ marks a critical item.",
    ),
    "report.mon.no_items": ("本季度没有失分的检查项目。", "No checklist item lost points this quarter."),
    "report.mon.chart_items": ("图 {n}  失分次数最多的检查项目（标注：失分次数/适用次数，失分率）",
                               "Figure {n}  Checklist items most often losing points (lost/applied, loss rate)"),
    "report.mon.sec_complaints": ("四、客户投诉原因分析", "4. Customer complaints by cause"),
    "report.mon.complaints_text": (
        "本季度受理客户投诉 {received} 件，其中有效 {valid} 件、监管转送 {regulator} 件；截至 {date} 已办结 {closed} 件，"
        "按时 {on_time} 件、逾期 {overdue} 件、未到期 {pending} 件，投诉处理及时率 {rate}。",
        "{received} customer complaints received this quarter, {valid} valid, {regulator} passed on by the "
        "regulator; as of {date}: {closed} closed, {on_time} on time, {overdue} overdue, {pending} pending; "
        "on-time rate {rate}.",
    ),
    "report.mon.no_register_scope": (
        "投诉登记中没有{scope}{period}的数据（未报送本季度投诉登记），本报告的投诉数字以“—”表示，不代表没有投诉。",
        "The complaint register has no data for {scope} for {period} (no complaint register was sent for the "
        "quarter); its complaint figures show a dash (—), which does not mean there were no complaints.",
    ),
    "report.mon.actions_scope": (
        "统计范围：{period}及以前各季度下达、在{start}时尚未关闭的整改措施（含本季度内及其后关闭的）；"
        "{period}以后各季度下达的整改不计入。",
        "Counted: the actions raised in {period} or earlier that were not yet closed on {start} (including those "
        "closed during the quarter or since); actions raised in later quarters are left out.",
    ),
    "report.mon.no_register": ("未报送本季度投诉登记的分行：{names}。", "Branches without a complaint register this quarter: {names}."),
    "report.mon.no_complaints": ("本季度没有登记客户投诉。", "No customer complaint registered this quarter."),
    "report.mon.chart_causes": ("图 {n}  有效客户投诉按原因（由多到少，标注累计占比）",
                                "Figure {n}  Valid customer complaints by cause, most first (cumulative share)"),
    "report.mon.sec_actions": ("五、纠正预防措施与逾期整改", "5. Corrective and preventive actions, overdue"),
    "report.mon.actions_text": (
        "截至 {date}：到期整改 {due} 项，按期完成 {on_time} 项、逾期 {overdue} 项，未关闭 {open} 项，整改按期完成率 {rate}。"
        "按期完成指在计划完成日期前完成并经验证有效。",
        "As of {date}: {due} {due:action|actions} due, {on_time} on time, {overdue} overdue, {open} not closed; on-time rate "
        "{rate}. On time: completed by the due date and verified effective.",
    ),
    "report.mon.overdue_list": ("逾期整改措施（逾期天数计至 {date}，由多到少{shown}）",
                                "Overdue actions (days late counted to {date}, most first{shown})"),
    "report.mon.header_as_of": ("截至 {date}", "as of {date}"),
    "report.mon.overdue_shown": ("，列出 {shown} 项，共 {total} 项", "; {shown} of {total} listed"),
    "report.mon.no_overdue": ("截至 {date} 没有逾期的整改措施。", "No action is overdue as of {date}."),
    "report.mon.col_rank": ("名次", "Rank"),
    "report.mon.col_unit": ("单位", "Unit"),
    "report.mon.col_visits": ("暗访", "Visits"),
    "report.mon.col_outlets": ("网点", "Outlets"),
    "report.mon.col_score": ("得分", "Score"),
    "report.mon.col_item": ("检查项目", "Checklist item"),
    "report.mon.col_module": ("模块", "Module"),
    "report.mon.col_checked": ("适用", "Applied"),
    "report.mon.col_lost": ("失分次数", "Lost"),
    "report.mon.col_lost_rate": ("失分率", "Loss rate"),
    "report.mon.col_points_lost": ("累计失分", "Points lost"),
    "report.mon.col_cause": ("投诉原因", "Cause"),
    "report.mon.col_received": ("受理", "Received"),
    "report.mon.col_valid": ("有效", "Valid"),
    "report.mon.col_share": ("占比", "Share"),
    "report.mon.col_cumulative": ("累计占比", "Cumulative"),
    "report.mon.col_regulator": ("监管转送", "Regulator"),
    "report.mon.col_on_time": ("按时", "On time"),
    "report.mon.col_overdue": ("逾期", "Overdue"),
    "report.mon.col_pending": ("未到期", "Pending"),
    "report.mon.col_rate": ("及时率", "On-time"),
    "report.mon.col_due": ("到期", "Due"),
    "report.mon.col_open": ("未关闭", "Open"),
    "report.mon.col_action_rate": ("按期率", "On-time"),
    "report.mon.col_number": ("整改编号", "Number"),
    "report.mon.col_reason": ("原因", "Reason"),
    "report.mon.col_problem": ("问题描述", "Problem"),
    "report.mon.col_due_date": ("计划完成", "Due"),
    "report.mon.col_status": ("状态", "Status"),
    "report.mon.col_days_late": ("逾期天数", "Days late"),
    "report.mon.no_register_mark": ("未报送", "not sent"),
    "report.mon.own_mark": ("本级", "its own"),
    "report.mon.axis_score": ("得分", "Score"),
    "report.mon.axis_lost": ("失分次数", "Visits losing points"),
    "report.mon.axis_complaints": ("有效投诉（件）", "Valid complaints"),
    "report.mon.no_visits": ("本季度没有神秘访客检查结果。", "No mystery-visit results this quarter."),
    "report.mon.reason.critical": ("关键项失分", "critical item"),
    "report.mon.reason.repeat": ("重复失分", "repeat"),
    "report.mon.reason.systemic": ("系统性问题", "systemic"),
    "report.mon.reason.complaint_repeat": ("重复投诉", "repeat complaints"),
    "report.mon.status.待整改": ("待整改", "open"),
    "report.mon.status.待验证": ("待验证", "to verify"),
    "report.mon.status.已关闭": ("已关闭", "closed"),
}
register(_MESSAGES)


def tr(key: str, lang: str, **params: object) -> str:
    """The report message ``key`` in ``lang`` (``"zh"``/``"en"``) with ``params``."""
    return msg(key, language=lang, **params)


def reason_label(reason: str, lang: str) -> str:
    """A finding's reason (``critical`` …) in words."""
    key = f"report.mon.reason.{reason}"
    return tr(key, lang) if key in _MESSAGES else reason


def status_label(status: str, lang: str) -> str:
    """An action's status (stored in Chinese: 待整改 …) in ``lang``."""
    key = f"report.mon.status.{status}"
    return tr(key, lang) if key in _MESSAGES else status


def rate_text(rate: float | None) -> str:
    """A percent figure to 2 decimals with ``%``, or ``—``."""
    return "—" if rate is None else f"{rate:.2f}%"


def count_text(count: int, known: bool = True) -> str:
    """A count of complaints, or ``—`` when the register has no data (``known`` false, §9.1)."""
    return str(count) if known else "—"


def score_text(score: float | None) -> str:
    """A score to 2 decimals, or ``—``."""
    return "—" if score is None else f"{score:.2f}"


__all__ = ["count_text", "rate_text", "reason_label", "score_text", "status_label", "tr"]
