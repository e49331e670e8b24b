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
