"""The quarterly monitoring report drawn from plain data (issue 13 Deliver 7): a made-up bank of 40
branches and a branch of 130 outlets, read back with pypdf — every unit and its score in the text,
the score charts split into parts beyond 60 rows, the provisional stamp on every page of a quarter
not finalised and on none of a final one, Chinese and English."""

from __future__ import annotations

import datetime as dt
import random
import re

from pypdf import PdfReader

from qsm_desktop.domain.capa import ActionFigures
from qsm_desktop.domain.complaints import ComplaintFigures
from qsm_desktop.reports.monitoring_pdf import (
    ActionLine,
    CauseLine,
    ComplaintLine,
    LostItemLine,
    ModuleInfo,
    MonitoringReportData,
    OverdueAction,
    ScoreLine,
    build_monitoring_report,
)
from qsm_desktop.reports.monitoring_pdf.charts import MAX_ROWS, bar_height, parts, ranked_bars

MODULES = (ModuleInfo("GM", "柜面交易服务"), ModuleInfo("DT", "大堂综合服务"), ModuleInfo("ZZ", "自助机具服务"),
           ModuleInfo("DH", "电话银行服务"), ModuleInfo("LC", "金融理财服务"), ModuleInfo("XYK", "信用卡服务"))
AS_OF = dt.date(2008, 1, 15)


def _data(lines: int, *, bank: bool, final: bool, seed: int = 5) -> MonitoringReportData:
    rng = random.Random(seed)
    kind = "分行" if bank else "网点"
    rows = []
    for n in range(lines):
        code = f"{n + 11:02d}0000" if bank else f"31{n // 99 + 1:02d}{n % 99 + 1:02d}"
        modules = tuple(round(rng.uniform(60, 100), 2) if rng.random() < 0.8 else None for _ in MODULES)
        rows.append(ScoreLine(code, f"交通银行测试{n + 1}{kind}", rng.randint(20, 90) if bank else 4,
                              rng.randint(10, 80) if bank else 1, round(rng.uniform(70, 100), 2), modules))
    rows.sort(key=lambda r: -r.score)
    items = tuple(LostItemLine(f"GM-{i:02d}", f"检查项目说明文字{i}", "柜面交易服务", "服务行为", i == 3, 15, 300, 120 - 7 * i,
                               float(900 - 40 * i)) for i in range(1, 16))
    causes = tuple(CauseLine(f"投诉原因{i}", 40 - 2 * i, 38 - 2 * i) for i in range(12))
    figures = ComplaintFigures(500, 420, 12, 380, 330, 60, 30, 84.62)
    complaint_lines = tuple(ComplaintLine(r.code, r.name, ComplaintFigures(12, 10, 0, 9, 8, 1, 1, 88.89), r.code != rows[-1].code)
                            for r in rows)
    actions = ActionFigures(200, 150, 50, 80, 75.0)
    action_lines = tuple(ActionLine(r.code, r.name, ActionFigures(5, 4, 1, 2, 80.0)) for r in rows)
    overdue = tuple(OverdueAction(f"ZG2007-{i:04d}", rows[i % lines].code, rows[i % lines].name, "critical", "corrective",
                                  "暗访关键项目失分：不使用服务禁语", dt.date(2007, 10, 30), "待整改", None, 77 - i)
                    for i in range(40))
    return MonitoringReportData(
        period="2007Q4", final=final, scope_code="000000" if bank else "310000",
        scope_name="交通银行总行" if bank else "交通银行上海市分行", scope_type="总行" if bank else "分行",
        score=88.88, visits=sum(r.visits for r in rows), outlets=sum(r.outlets for r in rows), modules=MODULES,
        scope_modules=(90.1, 88.2, None, 77.7, 93.3, 95.5), lines=tuple(rows), lost_items=items, causes=causes,
        complaints=ComplaintLine("000000", "交通银行总行", figures), complaint_lines=complaint_lines,
        actions=ActionLine("000000", "交通银行总行", actions), action_lines=action_lines, overdue=overdue,
        overdue_total=57, as_of=AS_OF, generated_on=dt.date(2008, 1, 16),
        finalised_at=dt.datetime(2008, 1, 10, 9, 30) if final else None, finalised_by="ho" if final else None,
        open_appeals=0 if final else 3, no_register=(rows[-1].name,) if bank else ())


def _pages(path) -> list[str]:
    return [re.sub(r"\s+", "", page.extract_text() or "") for page in PdfReader(str(path)).pages]


def test_charts_grow_with_their_rows_and_stay_readable():
    assert bar_height(36) >= 0.17 * 36 and bar_height(MAX_ROWS) < 9.5  # 7 pt a row; a part fits a page
    assert parts(130) == [(0, 44), (44, 88), (88, 130)] and parts(36) == [(0, 36)]
    fig = ranked_bars([f"分行{i}" for i in range(40)], [90 - i * 0.5 for i in range(40)], reference=80.0)
    assert fig.get_size_inches()[1] == bar_height(40)
    ticks = {t.get_position()[1]: t.get_text() for t in fig.axes[0].get_yticklabels()}
    assert len(ticks) == 40 and ticks[max(ticks)] == "分行0" and ticks[min(ticks)] == "分行39"  # the best at the top


def test_bank_report_of_forty_branches(tmp_path):
    data = _data(40, bank=True, final=False)
    for lang, stamp, scope in (("zh", "暂定", "全行服务质量监测季度报告"),
                               ("en", "PROVISIONAL", "Quarterlyservice-qualitymonitoringreport—thebank")):
        out = tmp_path / f"bank_{lang}.pdf"
        result = build_monitoring_report(data, out, language=lang)
        pages = _pages(out)
        assert result.pages == len(pages) and all(stamp in p for p in pages), lang
        text = "".join(pages)
        assert scope in text
        for line in data.lines:
            assert f"{line.code}{line.name}" in text and f"{line.score:.2f}" in text
        assert "ZG2007-0039" in text and "ZG2007-0040" not in text
    assert "列出40项，共57项" in "".join(_pages(tmp_path / "bank_zh.pdf"))
    assert "40of57listed" in "".join(_pages(tmp_path / "bank_en.pdf"))
    assert "未报送" in "".join(_pages(tmp_path / "bank_zh.pdf"))


def test_branch_report_splits_long_outlet_charts_and_final_has_no_stamp(tmp_path):
    data = _data(130, bank=False, final=True)
    out = tmp_path / "branch.pdf"
    build_monitoring_report(data, out, language="zh")
    pages = _pages(out)
    text = "".join(pages)
    assert not any("暂定" in p for p in pages)
    parts = -(-130 // MAX_ROWS)
    for part in range(1, parts + 1):
        assert f"（{part}/{parts}）" in text
    assert "交通银行上海市分行服务质量监测季度报告" in text and "本季度已于2008-01-10由ho定稿" in text
    for line in data.lines:
        assert f"{line.code}{line.name}" in text


def test_the_running_title_keeps_clear_of_the_provisional_stamp(tmp_path):
    """A long English running title ("… · as of 15 January 2008") ran under the red stamp (a new
    user's trial, issue 14): it is set smaller so that it ends before the stamp begins."""
    from qsm_desktop.reports.evaluation_pdf.fonts import text_width
    from qsm_desktop.reports.evaluation_pdf.look import MARGIN_TOP, PAGE_H

    data = _data(12, bank=False, final=False)
    out = tmp_path / "branch_en.pdf"
    build_monitoring_report(data, out, language="en")
    pages = PdfReader(str(out)).pages
    assert len(pages) > 1  # the cover, then pages with the running title
    for page in pages[1:]:
        runs: dict[tuple[float, float, float], list[str]] = {}  # one drawn run (its words) per start

        def visit(text, cm, tm, font_dict, size, runs=runs):
            x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
            if text.strip() and y > PAGE_H - MARGIN_TOP:  # the band above the body: title and stamp
                runs.setdefault((x, y, size * tm[0] * cm[0]), []).append(text.strip())

        page.extract_text(visitor_text=visit)
        drawn = [(x, " ".join(words), size) for (x, _y, size), words in runs.items()]
        stamp_x = min(x for x, text, _size in drawn if "PROVISIONAL" in text)
        title = [(x, text, size) for x, text, size in drawn if "PROVISIONAL" not in text]
        assert any("15 January 2008" in text for _x, text, _size in title), drawn
        assert max(x + text_width(text, size) for x, text, size in title) < stamp_x


def test_a_quarter_without_visits_keeps_its_section_numbers(tmp_path):
    """A quarter with no mystery-visit results still has section 1, saying so: the report began at
    "2." before (a new user's trial, issue 14: sections numbered in order)."""
    import dataclasses

    data = dataclasses.replace(_data(3, bank=True, final=False), lines=(), lost_items=())
    for lang, first, second in (("zh", "一、分模块得分", "二、"), ("en", "1.Scoresbyservicemodule", "2.Mystery-visit")):
        out = tmp_path / f"empty_{lang}.pdf"
        build_monitoring_report(data, out, language=lang)
        text = "".join(_pages(out))
        assert first in text and text.index(first) < text.index(second), lang
