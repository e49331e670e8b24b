"""The quarterly monitoring report (issue 13 Deliver 7) from the sample bank, read back.

The sample visits of 2007Q3 (finalised) and 2007Q4 with appeals, and the complaint registers of
2007Q4: ``qsm report monitoring`` for the bank and for a branch, in Chinese and English. Read back
with pdftotext/pdffonts: the scores of ``tests/samples/monitoring/expected.json`` (provisional
before the decisions, final after), the complaint figures of ``complaints/expected.json`` as of
2008-01-15, the §8.5 figures of the actions, "暂定 / PROVISIONAL" on every page while the quarter
is not finalised and on none after, and every font embedded.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from qsm_desktop import cli
from qsm_desktop.domain.errors import InputRefused, PermissionDenied
from qsm_desktop.domain.monitoring import Decision
from qsm_desktop.services.context import Actor, Role

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
MONITORING = json.loads((SAMPLES / "monitoring" / "expected.json").read_text("utf-8"))
COMPLAINTS = json.loads((SAMPLES / "complaints" / "expected.json").read_text("utf-8"))
AS_OF = dt.date(2008, 1, 15)
POPPLER = shutil.which("pdftotext") is not None and shutil.which("pdffonts") is not None


def _import(services, actor, paths) -> None:
    results = services.imports.import_files([Path(p) for p in paths], actor)
    bad = [(r.file, r.status, [str(p) for p in r.problems][:3]) for r in results if r.status != "imported"]
    assert not bad, bad


def _fill(services, actor) -> None:
    _import(services, actor, [SAMPLES / "org_units.xlsx", *sorted(SAMPLES.glob("certification_*_2007Q4.xlsx"))])
    _import(services, actor, sorted((SAMPLES / "monitoring").glob("mystery_*_2007Q3.xlsx")))
    services.monitoring.finalise(actor, "2007Q3")
    _import(services, actor, sorted((SAMPLES / "monitoring").glob("mystery_*_2007Q4.xlsx")))
    _import(services, actor, sorted((SAMPLES / "monitoring").glob("appeals_*.xlsx")))
    _import(services, actor, sorted((SAMPLES / "complaints").glob("complaints_*.xlsx")))


def _decide_and_finalise(services, actor) -> None:
    for a in MONITORING["appeals"]:
        if a["decision"] == "uphold":
            services.monitoring.decide(actor, a["visit"], a["item"], Decision.UPHOLD, score=a["score"])
        else:
            services.monitoring.decide(actor, a["visit"], a["item"], Decision.REJECT, reason="确有扣分情形")
    services.monitoring.finalise(actor, "2007Q4")


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [re.sub(r"[ \t]+", " ", page) for page in text.split("\f") if page.strip()]


def _fonts(pdf: Path) -> str:
    return subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout


def _run(capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_report_data_of_the_bank_and_a_branch(services, actor):
    _fill(services, actor)
    data = services.monitoring.report_data(actor, "2007Q4", as_of=AS_OF)
    scores = MONITORING["quarters"]["2007Q4"]["scores"]
    assert not data.final and data.open_appeals == 9 and data.is_bank
    assert data.score == scores["bank"]
    assert {line.code: line.score for line in data.lines} == {c: b["score"] for c, b in scores["branches"].items()}
    assert [line.score for line in data.lines] == sorted((line.score for line in data.lines), reverse=True)
    assert sum(line.visits for line in data.lines) == data.visits
    for line in data.complaint_lines:  # §9.2 figures of each branch as of 2008-01-15
        assert line.figures.to_json() == COMPLAINTS["branches"][line.code], line.code
    assert data.complaints.figures.valid == sum(b["valid"] for b in COMPLAINTS["branches"].values())
    assert sum(c.valid for c in data.causes) == data.complaints.figures.valid
    assert [c.valid for c in data.causes] == sorted((c.valid for c in data.causes), reverse=True)
    status = services.capa.status(actor, AS_OF)
    assert data.actions.figures == status.unit("000000").figures
    assert data.overdue_total == status.unit("000000").figures.overdue == len(data.overdue)
    assert all(a.due <= AS_OF for a in data.overdue)
    lost = data.lost_items
    assert lost and [i.lost for i in lost] == sorted((i.lost for i in lost), reverse=True)
    assert all(0 < i.lost <= i.checked for i in lost)

    branch = services.monitoring.report_data(actor, "2007Q4", "330000", as_of=AS_OF)
    outlets = scores["outlets"]
    assert branch.score == scores["branches"]["330000"]["score"] and not branch.is_bank
    assert {line.code: line.score for line in branch.lines} == {c: o["score"] for c, o in outlets.items()
                                                               if c.startswith("33")}
    assert branch.complaints.figures.to_json() == COMPLAINTS["branches"]["330000"]

    with pytest.raises(InputRefused, match="全行或分行"):
        services.monitoring.report_data(actor, "2007Q4", "330101", as_of=AS_OF)
    with pytest.raises(PermissionDenied):
        services.monitoring.report_data(Actor("zj", Role.BRANCH_SECRETARY, "330000"), "2007Q4", "110000", as_of=AS_OF)
    own = services.monitoring.report_data(Actor("zj", Role.BRANCH_SECRETARY, "330000"), "2007Q4", as_of=AS_OF)
    assert own.scope_code == "330000"


@pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")
def test_qsm_report_monitoring_reads_back(capsys, sqlite_url, sqlite_services, actor, tmp_path):
    _fill(sqlite_services, actor)
    scores = MONITORING["quarters"]["2007Q4"]

    def report(name: str, *extra: str, lang: str = "zh") -> list[str]:
        out = tmp_path / name
        code, stdout, err = _run(capsys, "--db", sqlite_url, "--lang", lang, "report", "monitoring", "--period",
                                 "2007Q4", "--as-of", AS_OF.isoformat(), *extra, "-o", str(out))
        assert code == 0, err
        fonts = _fonts(out)
        assert "DroidSansFallback" in fonts and "DejaVuSans" in fonts
        for line in fonts.splitlines()[2:]:
            assert line.split()[-5] == "yes", f"font not embedded: {line}"
        return _pages(out)

    # provisional: every page says so, in either language
    pages = report("bank_zh.pdf")
    assert len(pages) >= 3 and all("暂定" in p for p in pages)
    text = "".join(pages)
    assert "全行服务质量监测季度报告" in text and "尚有 9 项申诉待裁决" in text
    assert f"{scores['scores']['bank']:.2f}" in text
    for code, branch in scores["scores"]["branches"].items():
        assert re.search(rf"{code} \S+ +\d+ +\d+ +{branch['score']:.2f}", text), code
    for code, figures in COMPLAINTS["branches"].items():
        rate = "—" if figures["on_time_rate"] is None else f"{figures['on_time_rate']:.2f}%"
        assert re.search(rf"{code} \S+ +{figures['received']} +{figures['valid']} +{figures['regulator']} +"
                         rf"{figures['on_time']} +{figures['overdue']} +{figures['pending']} +{rate}", text), code
    pages = report("bank_en.pdf", lang="en")
    assert all("PROVISIONAL" in p for p in pages)
    assert "Quarterly service-quality monitoring report" in pages[0] and "Customer complaints by cause" in "".join(pages)

    # a branch's report: its outlets
    pages = report("zj.pdf", "--unit", "330000")
    text = "".join(pages)
    assert all("暂定" in p for p in pages) and "交通银行浙江省分行 服务质量监测季度报告" in text
    for code, outlet in scores["scores"]["outlets"].items():
        if code.startswith("33"):
            assert re.search(rf"{code} \S+ +\d+ +{outlet['score']:.2f}", text), code

    # decided and finalised: the final scores, no provisional mark anywhere
    _decide_and_finalise(sqlite_services, actor)
    for name, lang in (("final_zh.pdf", "zh"), ("final_en.pdf", "en")):
        pages = report(name, lang=lang)
        assert not any("暂定" in p or "PROVISIONAL" in p for p in pages)
        text = "".join(pages)
        assert f"{scores['final_scores']['bank']:.2f}" in text
        for code, branch in scores["final_scores"]["branches"].items():
            assert re.search(rf"{code} \S+ +\d+ +\d+ +{branch['score']:.2f}", text), code

    code, _out, err = _run(capsys, "--db", sqlite_url, "--lang", "zh", "report", "monitoring", "--period", "2007Q4", "--unit",
                           "330101", "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and "330101" in err
    code, _out, err = _run(capsys, "--db", sqlite_url, "report", "monitoring", "--period", "2007Q4", "-o",
                           str(tmp_path / "x.txt"))
    assert code == 2 and ".pdf" in err


def test_a_quarters_report_leaves_out_actions_raised_later(services, actor):
    """2007Q3's report after 2007Q4 was finalised too: only the actions raised in 2007Q3 (or
    earlier), never 2007Q4's, in the figures and the overdue list (DESIGN §8.5,
    domain.capa.in_quarter_report)."""
    from qsm_desktop.domain.capa import action_figures

    _fill(services, actor)
    _decide_and_finalise(services, actor)
    q3 = services.capa.list(actor, period="2007Q3")
    q4 = {a.number for a in services.capa.list(actor, period="2007Q4")}
    assert q3 and q4
    as_of = dt.date(2008, 3, 31)  # every action of both quarters is due by then
    data = services.monitoring.report_data(actor, "2007Q3", as_of=as_of)
    assert data.actions.figures == action_figures([a.state for a in q3], as_of)
    assert data.overdue_total == sum(1 for a in q3 if not a.state.on_time(as_of))
    assert data.overdue and not {a.number for a in data.overdue} & q4
    branch = services.monitoring.report_data(actor, "2007Q3", "330000", as_of=as_of)
    assert not {a.number for a in branch.overdue} & q4
    assert branch.actions.figures == action_figures([a.state for a in q3 if a.branch == "330000"], as_of)
    # 2007Q4's report keeps the open actions of 2007Q3 beside its own
    later = services.monitoring.report_data(actor, "2007Q4", as_of=as_of)
    assert later.actions.figures.due == len(q3) + len(q4)


def test_a_quarter_without_complaint_register_shows_no_figures(services, actor):
    """No complaint register for 2007Q3 (the samples have 2007Q4's only): the bank's and a branch's
    report say the register has no data, not that there were 0 complaints (DESIGN §9.1, §9.2)."""
    _fill(services, actor)
    bank = services.monitoring.report_data(actor, "2007Q3", as_of=AS_OF)
    assert not bank.complaints.sent and all(not line.sent for line in bank.complaint_lines)
    branch = services.monitoring.report_data(actor, "2007Q3", "330000", as_of=AS_OF)
    assert not branch.complaints.sent and not branch.complaint_lines
    sent = services.monitoring.report_data(actor, "2007Q4", "330000", as_of=AS_OF)
    assert sent.complaints.sent


def test_the_report_of_a_past_quarter_counts_to_its_last_day(services, actor):
    """Without an as-of date a past quarter's figures stand as at its last day (not today, which
    made every open action of 2007 "6855 days late"); a running quarter's as of today."""
    _fill(services, actor)
    data = services.monitoring.report_data(actor, "2007Q3")
    assert data.as_of == dt.date(2007, 9, 30)
    assert all(a.days_late <= 92 for a in data.overdue)
    from qsm_desktop.services.monitoring.report import default_as_of

    assert default_as_of("2007Q4", dt.date(2026, 12, 6)) == dt.date(2007, 12, 31)
    assert default_as_of("2026Q4", dt.date(2026, 12, 6)) == dt.date(2026, 12, 6)


@pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")
def test_qsm_report_monitoring_reads_back_its_rules(capsys, sqlite_url, sqlite_services, actor, tmp_path):
    """The PDFs of the three rules, read back in Chinese and English: 2007Q3 without a complaint
    register prints "—" and the sentence; without --as-of the quarter's last day is the report's
    date (stderr says so); 2007Q4's actions are not in 2007Q3's report, which states its rule."""
    _fill(sqlite_services, actor)
    _decide_and_finalise(sqlite_services, actor)
    q4 = [a.number for a in sqlite_services.capa.list(actor, period="2007Q4")]
    q3 = [a.number for a in sqlite_services.capa.list(actor, period="2007Q3")]

    def report(name: str, *extra: str, lang: str = "zh") -> tuple[str, str]:
        out = tmp_path / name
        code, _stdout, err = _run(capsys, "--db", sqlite_url, "--lang", lang, "report", "monitoring", "--period",
                                  "2007Q3", *extra, "-o", str(out))
        assert code == 0, err
        return "".join(_pages(out)), err

    text, err = report("q3_zh.pdf")
    assert "2007-09-30" in err and "季度最后一天" in err
    assert "截至 2007年9月30日" in text
    assert "投诉登记中没有全行2007年第三季度的数据" in text and "受理客户投诉" not in text
    assert "统计范围：2007年第三季度及以前各季度下达" in text
    text, _ = report("q3_late_zh.pdf", "--as-of", "2008-03-31")
    assert any(n in text for n in q3) and not any(n in text for n in q4)
    text, _ = report("q3_en.pdf", "--as-of", "2008-03-31", lang="en")
    assert "The complaint register has no data for the bank for 2007 Q3" in text
    assert "Counted: the actions raised in 2007 Q3 or earlier" in text
    assert not any(n in text for n in q4)
    text, _ = report("zj_en.pdf", "--unit", "330000", lang="en")
    assert "as of 30 September 2007" in text and "no data for 交通银行浙江省分行" in text


def test_the_lines_add_up_to_the_headline_with_the_scopes_own_actions(services, actor):
    """A branch's own actions (a systemic one, raised at the branch when 3+ outlets lost an item) have a
    line of their own, so the lines add up to the headline (user trial: 510000's report said 5 actions
    not closed and listed 4, its outlets'); the bank's report likewise."""
    _fill(services, actor)
    _decide_and_finalise(services, actor)
    as_of = dt.date(2008, 3, 31)
    owners = {a.org for a in services.capa.list(actor, period="2007Q4")}
    branches_owning = sorted(o for o in owners if o.endswith("0000"))
    assert branches_owning, owners  # the samples raise a systemic action at a branch
    for scope in [None, *branches_owning]:
        data = services.monitoring.report_data(actor, "2007Q4", scope, as_of=as_of)
        for field in ("due", "on_time", "overdue", "open"):
            assert sum(getattr(line.figures, field) for line in data.action_lines) == \
                getattr(data.actions.figures, field), (scope, field)
        if scope is not None:
            assert data.action_lines[-1].code == scope  # the branch's own line, after its outlets'


def test_a_quarter_with_nothing_to_report_is_refused_with_a_sentence(services, actor, tmp_path):
    """2007Q2 of the samples has no visits, no complaint register and no actions: the report is
    refused with a sentence naming the quarter and what to import (the trial got an all-"—" PDF and
    exit 0, which reads as "nothing found"); nothing is written."""
    _fill(services, actor)
    out = tmp_path / "m.pdf"
    with pytest.raises(InputRefused, match="2007年第2季度.*没有神秘访客检查"):
        services.monitoring.build_report(actor, "2007Q2", out)
    assert not out.exists()
    assert services.monitoring.build_report(actor, "2007Q3", out).pages >= 1  # a quarter with visits is reported
