"""PDF evaluation reports (综合评价报告) read back: totals in the text, fonts embedded, page numbers,
repeated table headers, batch with progress and cancel — issue 5, DESIGN §4.

Built from the 2007Q4 scores computed from the sample returns (tests/evaluation_samples.py).
"""

from __future__ import annotations

import datetime
import random
import re
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from evaluation_samples import PERIOD, expected, reference_system, sample_inputs, sample_scores
from pypdf import PdfReader

from qsm_desktop.domain.indicators import UNIT_TYPE_BRANCH, UnitInput, score_period
from qsm_desktop.reports.evaluation_pdf import (
    EvaluationReportData,
    PastPeriod,
    build_period_report,
    build_unit_report,
    build_unit_reports,
    date_label,
    markup,
    period_label,
    unit_report_filename,
)

GENERATED = datetime.date(2008, 1, 8)
POPPLER = shutil.which("pdffonts") is not None and shutil.which("pdftotext") is not None


@pytest.fixture(scope="module")
def report_data(samples_dir) -> EvaluationReportData:
    """2007Q4 from the samples, with two made-up earlier quarters for the trend and the movers."""
    first = sample_scores(samples_dir)
    rng = random.Random(7)
    q2 = {u.code: u.total + rng.uniform(-8, 4) for u in first.units}
    q3 = {u.code: u.total + rng.uniform(-6, 6) for u in first.units}
    scores = sample_scores(samples_dir, previous_totals=q3)
    return EvaluationReportData(scores, history=(PastPeriod("2007Q2", q2), PastPeriod("2007Q3", q3)),
                                generated_on=GENERATED, organisation="交通银行 服务质量管理委员会")


def _pages_text(path: Path) -> list[str]:
    """Each page's text with all whitespace removed (extractors differ in the spaces they put
    between table cells and font runs; the content is what is checked)."""
    return [_flat(page.extract_text() or "") for page in PdfReader(str(path)).pages]


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _has(text: str, *needles: str) -> bool:
    return all(_flat(n) in text for n in needles)


def _pdffonts(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def _assert_fonts_embedded(path: Path) -> None:
    rows = _pdffonts(path)
    assert any("DroidSansFallback" in row[0] for row in rows), rows
    for row in rows:  # name, type (1–2 words), encoding, emb, sub, uni, object, ID: emb is 5th from the end
        emb = row[-5]
        assert emb == "yes", f"font not embedded: {row}"


# --------------------------------------------------------------------------- the bank-wide report


def test_period_report_shows_every_total_and_embeds_the_font(report_data, tmp_path, samples_dir):
    path = tmp_path / "r.pdf"
    result = build_period_report(report_data, path, language="zh")
    assert path.exists() and result.pages == len(PdfReader(str(path)).pages) >= 4
    assert 0 < result.chart_seconds < result.seconds
    text = "\n".join(_pages_text(path))
    evaluation = expected(samples_dir)["evaluation"]
    for unit in [*evaluation["branches"].values(), *evaluation["departments"].values()]:
        assert f"{unit['total']:.2f}" in text
    for phrase in ("服务质量管理综合评价报告", "2007年第四季度", "分行综合评价排名", "总行部门内部服务评价排名",
                   "交通银行四川省分行", "总行人力资源部", "得分变动较大的单位", "待改进", "生成日期：2008年1月8日"):
        assert _has(text, phrase), phrase
    pages = _pages_text(path)
    assert "页/共" not in pages[0]  # the cover carries no page number
    assert _has(pages[1], f"第 2 页 / 共 {result.pages} 页")
    meta = PdfReader(str(path)).metadata
    assert meta.title.startswith("服务质量管理综合评价报告") and meta.creator == "QSM Desktop"


@pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdffonts, pdftotext) not installed")
def test_period_report_fonts_embedded_and_text_extractable(report_data, tmp_path):
    path = tmp_path / "r.pdf"
    build_period_report(report_data, path)
    _assert_fonts_embedded(path)
    text = _flat(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout)
    assert _has(text, "67.04", "交通银行四川省分行", "总行人力资源部", "第 2 页 / 共")


def test_ranking_table_breaks_across_pages_with_repeated_header(tmp_path):
    """60 branches: the ranking table needs several pages, each starting with the header row."""
    system = reference_system()
    rng = random.Random(3)
    units = []
    for n in range(60):
        values = {i.code: (rng.randint(1, 9) if i.code == "B02" else rng.randint(0, 4) if i.unit in ("件", "个")
                           else rng.uniform(60, 100)) for i in system.indicators_for(UNIT_TYPE_BRANCH)}
        units.append(UnitInput(f"{n + 100000:06d}", f"测试分行{n:02d}", UNIT_TYPE_BRANCH, values))
    data = EvaluationReportData(score_period(system, PERIOD, units), generated_on=GENERATED)
    path = tmp_path / "big.pdf"
    build_period_report(data, path)
    pages = _pages_text(path)
    ranking_pages = [t for t in pages if "测试分行" in t and "A客户服务" in t]
    assert len(ranking_pages) >= 2
    for text in ranking_pages:  # the header row is repeated at the top of every page of the table
        assert _has(text, "名次代码单位名称A客户服务评价")
    all_text = "\n".join(pages)
    for unit in data.scores.units:
        assert unit.name in all_text


def test_incomplete_period_is_reported(tmp_path, samples_dir):
    system = reference_system()
    units = sample_inputs(samples_dir, system)
    first = units[0]
    values = dict(first.values)
    del values["C01"]
    units[0] = UnitInput(first.code, first.name, first.unit_type, values)
    data = EvaluationReportData(score_period(system, PERIOD, units), generated_on=GENERATED)
    path = tmp_path / "incomplete.pdf"
    build_period_report(data, path)
    text = "\n".join(_pages_text(path))
    assert _has(text, "数据不完整", "未排名", "缺少本期值", "持证上岗登记")
    unit_path = tmp_path / "unit.pdf"
    build_unit_report(data, first.code, unit_path)
    assert _has("".join(_pages_text(unit_path)), "缺少本期值")


def test_period_report_in_english(report_data, tmp_path):
    path = tmp_path / "en.pdf"
    result = build_period_report(report_data, path, language="en")
    text = "\n".join(_pages_text(path))
    assert _has(text, "Branch ranking", f"Page 2 of {result.pages}", "2007 Q4", "67.04")


# --------------------------------------------------------------------------- per-unit reports


def test_unit_report_explains_every_lost_point(report_data, tmp_path, samples_dir):
    path = tmp_path / "110000.pdf"
    result = build_unit_report(report_data, "110000", path, language="zh")
    assert result.pages == 2 and result.chart_seconds > 0
    text = "\n".join(_pages_text(path))
    want = expected(samples_dir)["evaluation"]["branches"]["110000"]
    assert _has(text, "65.17", want["grade"], "2 / 10")
    for points in want["points"].values():
        assert f"{points:.2f}" in text
    unit = report_data.scores.unit("110000")
    for item in unit.indicators:  # every lost point has its reason in the table
        reason = item.explanation.loss_reason("zh")
        if reason:
            assert _has(text, reason), reason
    assert _has(text, "quarterly_110000_2007Q4.xlsx!指标数据!E5")
    assert _has(text, "第 1 页 / 共 2 页", "生成日期：2008年1月8日")


@pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdffonts, pdftotext) not installed")
def test_department_report_fonts_embedded(report_data, tmp_path):
    path = tmp_path / "000107.pdf"
    build_unit_report(report_data, "000107", path)
    _assert_fonts_embedded(path)
    text = _flat(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout)
    assert _has(text, "66.00", "总行人力资源部", "1 / 8")


def test_every_page_of_an_unpublished_period_says_draft(report_data, tmp_path):
    """Issue 14: a report of an unpublished period carries the draft stamp on every page (the
    cover too), in both languages, the unit report as well as the bank-wide one; published: none."""
    from dataclasses import replace

    for lang, mark in (("zh", "草稿"), ("en", "DRAFT")):
        for name, build in (("unit", lambda d, p: build_unit_report(d, "110000", p, language=lang)),
                            ("dept", lambda d, p: build_unit_report(d, "000107", p, language=lang)),
                            ("bank", lambda d, p: build_period_report(d, p, language=lang))):
            draft, final = tmp_path / f"{name}_{lang}_draft.pdf", tmp_path / f"{name}_{lang}_final.pdf"
            build(report_data, draft)
            build(replace(report_data, published=True), final)
            pages = _pages_text(draft)
            assert len(pages) >= 2 and all(mark in page for page in pages), (name, lang)
            assert not any(mark in page for page in _pages_text(final)), (name, lang)


def test_a_category_all_at_zero_names_no_best_and_worst_branch(report_data, tmp_path):
    """Issue 14: D (品牌与示范) is 0.00 for every branch of the samples; the category table says
    all ten are tied instead of listing the same branch as highest and lowest."""
    path = tmp_path / "p.pdf"
    build_period_report(report_data, path, language="zh")
    text = "".join(_pages_text(path))
    row = text[text.index("D品牌与示范", text.index("各类指标")):]
    row = row[: row.index("页")]
    assert _has(row, "0.00全部10个单位并列")
    assert not any(u.name in row for u in report_data.scores.of_type(UNIT_TYPE_BRANCH)), row


def test_figures_are_numbered_in_the_order_they_appear(report_data, tmp_path):
    """Issue 14: 图 1, 图 2, 图 3 … in reading order (the bank-wide report printed 1, 3, 2: the
    history chart sits in the overview, before the categories); the unit report numbers its own."""
    for lang, word in (("zh", "图"), ("en", "Figure")):
        for name, build in (("bank", lambda p: build_period_report(report_data, p, language=lang)),
                            ("unit", lambda p: build_unit_report(report_data, "110000", p, language=lang))):
            path = tmp_path / f"{name}_{lang}.pdf"
            build(path)
            numbers = [int(n) for n in re.findall(rf"{word}(\d+)", "".join(_pages_text(path)))]
            assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 3, (name, lang, numbers)


def test_unit_report_without_history(samples_dir, tmp_path):
    data = EvaluationReportData(sample_scores(samples_dir), generated_on=GENERATED)
    path = tmp_path / "u.pdf"
    build_unit_report(data, "510000", path)
    text = "\n".join(_pages_text(path))
    assert _has(text, "67.04", "暂无往期得分")


def test_batch_writes_every_unit_with_progress(report_data, tmp_path):
    seen: list[tuple[int, int, str]] = []
    batch = build_unit_reports(report_data, tmp_path / "out", progress=lambda d, t, c: seen.append((d, t, c)),
                               workers=1)
    assert not batch.cancelled and len(batch.reports) == 18
    assert [s[0] for s in seen] == list(range(1, 19)) and {s[1] for s in seen} == {18}
    assert seen[0][2] == "510000"  # branches first, best first
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(files) == 18 and all(f.endswith(".pdf") for f in files)
    assert "2007Q4_110000_交通银行北京市分行.pdf" in files
    assert 0 < batch.chart_seconds < batch.seconds


def test_batch_cancel_stops_cleanly(report_data, tmp_path):
    cancel = threading.Event()

    def progress(done: int, total: int, code: str) -> None:
        if done == 2:
            cancel.set()

    batch = build_unit_reports(report_data, tmp_path, progress=progress, cancel=cancel, workers=1)
    assert batch.cancelled and len(batch.reports) == 2
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".pdf", ".pdf"]  # no partial file left
    only = build_unit_reports(report_data, tmp_path / "two", unit_codes=["000101", "310000"], cancel=lambda: False)
    assert [r.path.name for r in only.reports] == ["2007Q4_000101_总行办公室.pdf", "2007Q4_310000_交通银行上海市分行.pdf"]


# --------------------------------------------------------------------------- helpers


def test_labels_and_markup():
    assert period_label("2007Q4", "zh") == "2007年第四季度" and period_label("2007Q4", "en") == "2007 Q4"
    assert period_label("2007", "zh") == "2007年度"
    assert date_label(datetime.date(2008, 1, 8), "zh") == "2008年1月8日"
    assert date_label(datetime.date(2008, 1, 8), "en") == "8 January 2008"
    # digits and Latin go to the Latin font; CJK stays in the paragraph's font; XML escaped
    from qsm_desktop.reports import evaluation_pdf

    latin = evaluation_pdf.fonts.LATIN_FONT
    assert markup("得分 65.17 <b>") == f'得分 <font name="{latin}">65.17</font> <font name="{latin}">&lt;b&gt;</font>'
    assert "QSMLatin-DejaVuSansBold" in markup("65.17", bold_latin=True)


def test_unit_report_filename_is_safe(report_data):
    unit = report_data.scores.unit("110000")
    assert unit_report_filename("2007Q4", unit) == "2007Q4_110000_交通银行北京市分行.pdf"
    odd = type(unit)(code="1", name='a/b:c* d', unit_type=unit.unit_type, indicators=(), total=0.0)
    assert unit_report_filename("2007Q4", odd) == "2007Q4_1_a_b_c_d.pdf"
