"""Showcase units end to end (issue 4, DESIGN §3.5, §3.7, §5, §7) on real databases (SQLite and
PostgreSQL): the sample applications and score sheets through ``qsm import``, then ``qsm showcase
rank`` gives expected.json's final scores and valid-sheet counts; conflicted sheets are kept and
excluded; award refuses on a tie at the quota line; ``qsm showcase award`` + ``qsm certificates``
print one page per award with the font embedded; verify says valid / revoked / unknown."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
import zxingcpp
from openpyxl import load_workbook
from PIL import Image
from pypdf import PdfReader

from qsm_desktop.cli import main
from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.domain.showcase import QuotaTieRefused, ScoreEntry, certificate_check, qr_payload
from qsm_desktop.services.imports import import_files


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def expected(samples_dir: Path) -> dict:
    return json.loads((samples_dir / "expected.json").read_text(encoding="utf-8"))["showcase"]


@pytest.fixture
def loaded(services, actor, samples_dir):
    """The org list and the 8 applications + 40 score sheets imported through the importer."""
    files = [samples_dir / "org_units.xlsx", *sorted((samples_dir / "showcase").glob("application_*.xlsx")),
             *sorted((samples_dir / "showcase").glob("score_*.xlsx"))]
    results = import_files(services, actor, files)
    assert [r.status for r in results] == ["imported"] * len(files), [r.problems for r in results if r.refused]
    return services


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ------------------------------------------------------------------------------------------ ranking

def test_cli_import_then_rank_gives_expected_scores(db_url, samples_dir, expected, capsys):
    code, out, err = run_cli(capsys, "--db", db_url, "import", samples_dir / "org_units.xlsx", "--json")
    assert code == 0, err
    files = sorted((samples_dir / "showcase").glob("*.xlsx"))
    code, out, err = run_cli(capsys, "--db", db_url, "import", *files, "--json")
    assert code == 0, err
    statuses = {f["file"]: f["status"] for f in json.loads(out)["files"]}
    assert set(statuses.values()) == {"imported"} and len(statuses) == 48
    sheets_per_outlet = {}
    for f in files:
        if f.name.startswith("score_"):
            outlet = f.name.split("_")[1]
            sheets_per_outlet[outlet] = sheets_per_outlet.get(outlet, 0) + 1
    for level in ("总行级", "分行级"):
        code, out, err = run_cli(capsys, "--db", db_url, "showcase", "rank", "--year", "2007", "--level", level, "--json")
        assert code == 0, err
        doc = json.loads(out)
        assert doc["year"] == 2007 and doc["level"] == level
        wanted = {c: a for c, a in expected["applications"].items() if a["level"] == level}
        got = {a["org"]: a for a in doc["applications"]}
        assert set(doc) == {"year", "level", "applications"}
        assert all(set(a) == {"org", "name", "final", "valid_sheets", "excluded_sheets", "rank", "declarations"}
                   for a in doc["applications"])
        assert set(got) == set(wanted)
        for org, app in wanted.items():
            assert got[org]["name"] == app["name"]
            assert got[org]["final"] == pytest.approx(app["final"], abs=0.01), org
            assert got[org]["valid_sheets"] == app["valid_sheets"], org
            assert got[org]["excluded_sheets"] == sheets_per_outlet[org] - app["valid_sheets"], org
        finals = sorted((a["final"] for a in doc["applications"]), reverse=True)
        for a in doc["applications"]:  # competition ranks on the published score
            assert a["rank"] == 1 + sum(1 for f in finals if f > a["final"])
        assert [a["rank"] for a in doc["applications"]] == sorted(a["rank"] for a in doc["applications"])


def test_conflicted_sheets_are_kept_excluded_and_shown(loaded, actor):
    svc = loaded.showcase
    apps = {a.outlet_code: a for a in svc.applications(actor, year=2007)}
    sheets = svc.sheets(actor, apps["330201"].id)
    assert len(sheets) == 5
    excluded = [s for s in sheets if s.excluded]
    assert [s.reviewer_org for s in excluded] == ["330000"]  # 孙东 of the Hangzhou branch scores a Hangzhou outlet
    ranking = svc.rank(actor, 2007, "总行级")
    entry = next(e for e in ranking.entries if e.org == "330201")
    kept = [s.total for s in sheets if not s.excluded]
    assert entry.final == (sum(kept) / len(kept)).quantize(Decimal("0.01"))
    assert entry.excluded_sheets == 1 and entry.valid_sheets == 4
    # a head-office department's reviewer is never conflicted
    assert not any(s.excluded for s in sheets if s.reviewer_org.startswith("00"))


def test_trimmed_mean_and_outlier_flag(loaded, actor):
    svc = loaded.showcase
    app = next(a for a in svc.applications(actor, year=2007) if a.outlet_code == "120302")
    sheets = svc.sheets(actor, app.id)
    assert sorted(s.trimmed for s in sheets if s.trimmed) == ["high", "low"]  # 5 valid sheets: trimmed mean
    flagged = [s for s in sheets if s.outlier is not None]
    assert [(s.reviewer, s.outlier.direction) for s in flagged] == [("刘健", "low")]
    progress = {p.name: p for p in svc.progress(actor, 2007, "总行级")}
    assert progress["刘健"].flagged == 1 and progress["刘健"].scored >= 1
    assert all(p.to_score >= 0 for p in progress.values())


def test_applications_filters_and_statuses(loaded, actor):
    svc = loaded.showcase
    assert len(svc.applications(actor, year=2007)) == 8
    assert {a.outlet_code for a in svc.applications(actor, level="分行级")} == {"370101", "320101"}
    assert {a.outlet_code for a in svc.applications(actor, branch="370000")} == {"370101", "370203", "370303"}
    assert all(a.status == "总行评审中" for a in svc.applications(actor, status="总行评审中"))
    one = svc.application(actor, svc.applications(actor, branch="120000")[0].id)
    assert one.form["网点负责人"] == "毛玉兰" and one.form["客户满意度"] == 94.0 and one.self_scores["1"] == "14.5"
    cycles = svc.cycles(actor)
    assert [c.label for c in cycles] == ["2007 总行级", "2007 分行级"]
    assert cycles[0].sheet.total_points == 100 and cycles[0].scoring_started and len(cycles[0].panel) == 8


# ------------------------------------------------------------------------------------------ awards

def _tie_cycle(services, actor):
    """2008 总行级 with three outlets: 95, 90, 90 (one sheet each from a head-office reviewer)."""
    svc = services.showcase
    outlets = ["110101", "210101", "420101"]
    for code, total in zip(outlets, (95, 90, 90)):
        app = svc.create_application(actor, 2008, "总行级", code)
        svc.act(actor, app.id, "submit")
        sheet = svc.cycle(actor, 2008, "总行级").sheet
        entries = [ScoreEntry(position=i, name=item.name, score=item.points) for i, item in enumerate(sheet.items, 1)]
        entries[-1] = ScoreEntry(position=len(entries), name=sheet.items[-1].name,
                                 score=sheet.items[-1].points - (100 - total), reason="满意度调查未达标")
        svc.save_sheet(actor, app.id, "吴东", "000101", entries, scored_on=dt.date(2008, 12, 5))
    return outlets


def test_award_refuses_on_a_tie_at_the_quota_line(loaded, actor, db_url, capsys):
    a, b, c = _tie_cycle(loaded, actor)
    svc = loaded.showcase
    ranking = svc.rank(actor, 2008, "总行级", quota=2)
    assert ranking.tie_at_line and {e.org for e in ranking.entries if e.application_id in ranking.tied} == {b, c}
    with pytest.raises(QuotaTieRefused) as refused:
        svc.award(actor, 2008, "总行级", 2)
    assert b in str(refused.value) and c in str(refused.value)
    code, out, err = run_cli(capsys, "--db", db_url, "showcase", "award", "--year", "2008", "--level", "总行级",
                             "--quota", "2")
    assert code == 1 and b in err and c in err and "并列" in err
    assert svc.awards(actor, year=2008) == []  # nothing was awarded
    with pytest.raises(InputRefused):
        svc.award(actor, 2008, "总行级", 2, committee_choice=[a])  # not one of the tied
    awarded = svc.award(actor, 2008, "总行级", 2, committee_choice=[c], decided_on=dt.date(2008, 12, 20),
                        meeting_ref="服质委〔2008〕3号")
    assert [(w.outlet_code, w.number) for w in awarded] == [(a, "交银服示〔2008〕总字第001号"),
                                                           (c, "交银服示〔2008〕总字第002号")]
    statuses = {x.outlet_code: x.status for x in svc.applications(actor, year=2008)}
    assert statuses == {a: "已授予", b: "未通过", c: "已授予"}
    assert awarded[0].reinspection_due == dt.date(2010, 12, 20) and awarded[0].meeting_ref == "服质委〔2008〕3号"


def test_award_then_certificates_pdf(loaded, actor, db_url, capsys, tmp_path, expected):
    code, out, err = run_cli(capsys, "--db", db_url, "showcase", "award", "--year", "2007", "--level", "总行级",
                             "--quota", "3", "--date", "2007-12-28")
    assert code == 0, err
    pdf = tmp_path / "c.pdf"
    code, out, err = run_cli(capsys, "--db", db_url, "certificates", "--year", "2007", "--level", "总行级", "-o", pdf,
                             "--json")
    assert code == 0, err
    printed = json.loads(out)
    assert printed["files"] == [str(pdf)] and printed["pages"] == 3 and len(printed["numbers"]) == 3
    reader = PdfReader(str(pdf))
    assert len(reader.pages) == 3
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(re.search(r"\byes\s+yes\s+yes\b", r) for r in rows), fonts
    awards = loaded.showcase.awards(actor, year=2007, level="总行级")
    assert [a.outlet_code for a in awards] == ["330201", "120302", "370303"]  # the top three
    for page, award in enumerate(awards, start=1):
        text = squeeze(subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                                      capture_output=True, text=True, check=True).stdout)
        assert "荣誉证书" in text
        assert expected["applications"][award.outlet_code]["name"] in text
        assert award.number in text and "二〇〇七年十二月" in text
    # every print is logged; printing again is a reprint
    loaded.showcase.certificates(actor, 2007, "总行级", per_award_dir=tmp_path / "each")
    assert len(list((tmp_path / "each").glob("*.pdf"))) == 3
    log = loaded.showcase.prints(actor, awards[0].number)
    assert [r[2] for r in log] == [False, True]
    assert loaded.showcase.awards(actor, year=2007)[0].prints == 2


def test_verify_valid_revoked_unknown(loaded, actor, db_url, capsys, tmp_path):
    svc = loaded.showcase
    awards = svc.award(actor, 2007, "总行级", 3, decided_on=dt.date(2007, 12, 28))
    first, second = awards[0], awards[1]
    assert svc.verify(actor, first.number).status == "valid"
    assert svc.verify(actor, "交银服示[２００７]总字第1号").status == "valid"  # typed: other brackets, full width
    revoked = svc.revoke(actor, second.number, "复查不合格", dt.date(2008, 6, 30))
    assert revoked.number == second.number and revoked.revoked_on == dt.date(2008, 6, 30)
    assert svc.verify(actor, second.number).status == "revoked"
    assert svc.verify(actor, "交银服示〔2007〕总字第099号").status == "unknown"
    code, out, err = run_cli(capsys, "--db", db_url, "certificates", "verify", first.number)
    assert code == 0 and "有效" in out
    code, out, err = run_cli(capsys, "--db", db_url, "certificates", "verify", second.number)
    assert code == 1 and "已摘牌" in out and "复查不合格" in out
    code, out, err = run_cli(capsys, "--db", db_url, "certificates", "verify", "交银服示〔2007〕总字第099号")
    assert code == 1 and "未知" in out
    # --json before or after the number, or before 'verify'
    for args in (("verify", "--json", first.number), ("verify", first.number, "--json"), ("--json", "verify", first.number)):
        code, out, err = run_cli(capsys, "--db", db_url, "certificates", *args)
        assert code == 0 and json.loads(out)["status"] == "valid", (args, err)
    # the QR text: right check value → valid; a check made with another key → unknown (forged)
    from qsm_desktop.store.showcase import office_secret

    with loaded.unit_of_work() as session:
        key = office_secret(session)
    good = svc.verify(actor, qr_payload(2007, "总行级", first.seq, certificate_check(first.number, key)))
    assert good.status == "valid" and good.check_ok is True and good.number == first.number
    forged = svc.verify(actor, qr_payload(2007, "总行级", first.seq, certificate_check(first.number, b"another office")))
    assert forged.status == "unknown" and forged.check_ok is False
    by_qr = svc.verify(actor, qr_payload(2007, "总行级", second.seq, certificate_check(second.number, key)))
    assert by_qr.status == "revoked" and by_qr.check_ok is True
    # a sequence never issued: unknown, named with the cycle's pattern
    never = svc.verify(actor, qr_payload(2007, "总行级", 99, certificate_check("交银服示〔2007〕总字第099号", key)))
    assert never.status == "unknown" and never.number == "交银服示〔2007〕总字第099号"
    # certificates printed before December 2026 carry "QSMCERT1|number|check": they still verify
    legacy = svc.verify(actor, f"QSMCERT1|{first.number}|{certificate_check(first.number, key)}")
    assert legacy.status == "valid" and legacy.check_ok is True
    legacy_forged = svc.verify(actor, f"QSMCERT1|{first.number}|{certificate_check(first.number, b'another office')}")
    assert legacy_forged.status == "unknown" and legacy_forged.check_ok is False
    for text, status in ((f"QSM2007Z{first.seq:03d}-{certificate_check(first.number, key)}", "valid"),
                         (f"QSMCERT1|{first.number}|{certificate_check(first.number, key)}", "valid"),
                         (f"QSM2007Z{first.seq:03d}-AAAAAAAA", "unknown")):
        code, out, err = run_cli(capsys, "--db", db_url, "certificates", "verify", text, "--json")
        assert (code == 0) == (status == "valid") and json.loads(out)["status"] == status, (text, err)
    # the code printed on a certificate reads back and verifies
    pdf = svc.certificate_pdf(actor, [first.number])
    page = tmp_path / "c.pdf"
    page.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", "-singlefile", str(page), str(tmp_path / "c")], check=True)
    scanned = zxingcpp.read_barcode(Image.open(tmp_path / "c.png"))
    assert scanned is not None and scanned.text.startswith("QSM2007Z")
    assert svc.verify(actor, scanned.text).status == "valid"
    # a revoked number is never reused: the next award of 2007 总行级 continues the sequence
    assert svc.awards(actor, year=2007, level="总行级", include_revoked=False)[-1].seq == 3


def test_register_export_counts_and_awards_held(loaded, actor, tmp_path):
    svc = loaded.showcase
    svc.award(actor, 2007, "总行级", 3, decided_on=dt.date(2007, 12, 28))
    svc.award(actor, 2007, "分行级", 1, decided_on=dt.date(2007, 12, 20))
    svc.record_outside_title(actor, "310202", "全国级", "2007年度全国银行业文明规范服务示范单位", dt.date(2007, 11, 30),
                             awarded_by="中国银行业协会")
    out = svc.export_register(actor, tmp_path / "register.xlsx")
    sheet = load_workbook(out).active
    assert sheet["A2"].value == "证书编号" and sheet.max_row == 2 + 4
    assert {sheet.cell(row=r, column=1).value for r in range(3, 7)} >= {"交银服示〔2007〕总字第001号",
                                                                         "交银服示〔2007〕分字第001号"}
    counts = svc.counts(actor, dt.date(2007, 12, 31))
    assert counts.bank == {"分行级": 1, "总行级": 3, "全国级": 1} and counts.national_target == 40
    by_branch = {b.code: b.by_level for b in counts.branches}
    assert by_branch["370000"]["总行级"] == 1 and by_branch["310000"]["全国级"] == 1
    assert svc.awards_held(actor, "000000", dt.date(2007, 12, 31)) == 4  # 全国级 + 总行级
    assert svc.awards_held(actor, "370000", dt.date(2007, 12, 31), ("总行级",)) == 1
    assert svc.awards_held(actor, "000000", dt.date(2007, 12, 1)) == 1  # before the decision: the outside title
    svc.revoke(actor, "交银服示〔2007〕总字第001号", "被投诉查实", dt.date(2008, 3, 1))
    assert svc.awards_held(actor, "000000", dt.date(2008, 3, 1)) == 3
    assert svc.awards_held(actor, "000000", dt.date(2008, 2, 29)) == 4
    due = svc.reinspections_due(actor, dt.date(2009, 12, 25))
    assert {a.level for a in due} == {"分行级"}  # 2007-12-20 + 2 years; 总行级 is due 2009-12-28


def test_nomination_cascade_and_outside_title(loaded, actor):
    svc = loaded.showcase
    svc.award(actor, 2007, "分行级", 1, decided_on=dt.date(2007, 12, 20))
    winner = next(a for a in svc.applications(actor, level="分行级") if a.status == "已授予")
    loser = next(a for a in svc.applications(actor, level="分行级") if a.status == "未通过")
    with pytest.raises(InputRefused):
        svc.nominate(actor, loser.id)
    with pytest.raises(InputRefused):  # already applied at 总行级 in 2007? no — but 370101/320101 did not
        svc.nominate(actor, next(a for a in svc.applications(actor, level="总行级")).id)
    up = svc.nominate(actor, winner.id)
    assert (up.level, up.status, up.nominated_from_id) == ("总行级", "分行推荐", winner.id)
    assert up.form == winner.form
    detail = svc.application(actor, up.id)
    assert [a.level for a in detail.past_awards] == ["分行级"]  # the panel sees the outlet's past awards


def test_cycle_settings_sheet_and_attachments(loaded, actor):
    svc = loaded.showcase
    cycle = svc.cycle(actor, 2007, "总行级")
    with pytest.raises(InputRefused, match="已开始评分"):
        svc.set_sheet(actor, cycle.id, 'name = "x"\n[[items]]\nname = "a"\npoints = 100\n')
    updated = svc.update_cycle(actor, cycle.id, cycle.version, title="2007年度交通银行总行级文明规范服务示范窗口单位",
                               announced_on=dt.date(2008, 1, 15), quota=3, required_attachments=["创建工作总结"])
    assert updated.announced_on == dt.date(2008, 1, 15) and updated.quota == 3 and updated.version == cycle.version + 1
    from qsm_desktop.domain.errors import ConflictError

    with pytest.raises(ConflictError):
        svc.update_cycle(actor, cycle.id, cycle.version, quota=4)  # a stale copy
    fresh = svc.create_cycle(actor, 2009, "全国级")
    cbss = 'name = "CBSS1000"\n' + "".join(
        f'[[modules]]\nname = "模块{m}"\n' + "".join(f'[[modules.items]]\nname = "项目{m}.{i}"\npoints = 50\n' for i in range(1, 5))
        for m in range(1, 6))
    assert svc.set_sheet(actor, fresh.id, cbss).sheet.total_points == 1000
    app = svc.applications(actor, year=2007)[0]
    info = svc.add_attachment(actor, app.id, "总结.pdf", b"%PDF-1.4 summary", kind="创建工作总结")
    assert info.size == 16 and len(info.sha256) == 64
    assert svc.attachment_data(actor, info.id) == ("总结.pdf", b"%PDF-1.4 summary")
    from qsm_desktop.services.showcase import MAX_ATTACHMENT_MB

    with pytest.raises(InputRefused, match="MB"):
        svc.add_attachment(actor, app.id, "big.bin", b"x" * (MAX_ATTACHMENT_MB * 1024 * 1024 + 1))


def test_award_without_a_date_says_what_the_certificates_will_print(loaded, db_url, capsys):
    """An old cycle awarded without --date is recorded at its year's end (entered after the fact),
    said plainly with the date its certificates print; a current cycle would take today."""
    code, out, err = run_cli(capsys, "--db", db_url, "showcase", "award", "--year", "2007", "--level", "分行级",
                             "--quota", "2")
    assert code == 0, err
    assert "2007-12-31" in out
    assert "未用 --date" in err and "二〇〇七年十二月" in err and "周期设置" in err


def test_default_decision_date():
    from qsm_desktop.domain.showcase import default_decision_date

    assert default_decision_date(2007, dt.date(2007, 12, 20)) == dt.date(2007, 12, 20)  # the cycle's December
    assert default_decision_date(2007, dt.date(2008, 3, 31)) == dt.date(2008, 3, 31)  # decided in the next quarter
    assert default_decision_date(2007, dt.date(2008, 4, 1)) == dt.date(2007, 12, 31)  # entered after the fact
    assert default_decision_date(2007, dt.date(2026, 11, 30)) == dt.date(2007, 12, 31)
    assert default_decision_date(2027, dt.date(2026, 11, 30)) == dt.date(2026, 11, 30)  # a cycle set up early


def test_a_reviewers_corrected_sheet_supersedes_only_their_own(loaded, actor, samples_dir, tmp_path):
    """Score sheets are one per reviewer and outlet: the 40 imported side by side supersede none;
    a reviewer's corrected sheet replaces that reviewer's batch only (the returns board)."""
    sheets = [b for b in loaded.imports.batches(actor, kind="score_sheet")]
    assert len(sheets) == 40 and all(b.status == "imported" and b.superseded_by is None for b in sheets)
    original = samples_dir / "showcase" / "score_120302_000101_4.xlsx"
    first = next(b for b in sheets if b.file_name == original.name)
    workbook = load_workbook(original)
    workbook["评分表"]["D11"] = 19  # 客户满意度 20 → 19
    workbook["评分表"]["E11"] = "等候时间偏长"
    corrected = tmp_path / "score_120302_000101_4_更正.xlsx"
    workbook.save(corrected)
    (result,) = import_files(loaded, actor, [corrected])
    assert result.status == "imported" and result.supersedes == first.id, result.problems
    after = {b.id: b for b in loaded.imports.batches(actor, kind="score_sheet")}
    assert after[first.id].status == "superseded" and after[first.id].superseded_by == result.batch_id
    assert sum(b.status == "imported" for b in after.values()) == 40  # the other 39 and the correction
    ranking = loaded.showcase.rank(actor, 2007, "总行级")
    assert next(e for e in ranking.entries if e.org == "120302").valid_sheets == 5


def test_score_entry_in_the_grid(loaded, actor):
    svc = loaded.showcase
    app = next(a for a in svc.applications(actor, year=2007) if a.outlet_code == "370203")
    sheet = svc.cycle(actor, 2007, "总行级").sheet
    too_high = [ScoreEntry(position=i, name=item.name, score=item.points + (1 if i == 2 else 0))
                for i, item in enumerate(sheet.items, 1)]
    with pytest.raises(InputRefused, match="超过分值"):
        svc.save_sheet(actor, app.id, "新专家", "000103", too_high)
    entries = [ScoreEntry(position=i, name=item.name, score=item.points - (1 if i == 3 else 0))
               for i, item in enumerate(sheet.items, 1)]
    saved = svc.save_sheet(actor, app.id, "新专家", "000103", entries)
    assert saved.sheet.total == 99 and len(saved.warnings) == 1 and "扣分原因" in saved.warnings[0]
    assert ("新专家", "000103") in svc.cycle(actor, 2007, "总行级").panel
    conflicted = svc.save_sheet(actor, app.id, "本行专家", "370000", entries)
    assert conflicted.sheet.excluded


def test_text_only_certificates_for_preprinted_paper(loaded, actor, db_url, capsys, tmp_path):
    loaded.showcase.award(actor, 2007, "分行级", 2, decided_on=dt.date(2007, 12, 20))
    pdf = tmp_path / "plain.pdf"
    code, out, err = run_cli(capsys, "--db", db_url, "certificates", "--year", "2007", "--level", "分行级", "-o", pdf,
                             "--text-only", "--offset-x", "1.5", "--offset-y", "-2", "--per-award", tmp_path / "each")
    assert code == 0, err
    text = squeeze(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    assert "荣誉证书" not in text and "交银服示〔2007〕分字第001号" in text  # the title is pre-printed
    assert len(list((tmp_path / "each").glob("*.pdf"))) == 2
    assert [r[3] for r in loaded.showcase.prints(actor, "交银服示〔2007〕分字第002号")] == ["text_only"]
    code, out, err = run_cli(capsys, "--db", db_url, "certificates", "--year", "2007", "--level", "全国级", "-o", pdf)
    assert code == 1 and "全国级" in err  # no such cycle: said in words, no traceback
    code, out, err = run_cli(capsys, "--db", db_url, "certificates", "verify")
    assert code == 2
