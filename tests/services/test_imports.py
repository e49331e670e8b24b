"""The return engine against real databases, checked against the samples' expected.json (DESIGN §3).

Rates are recomputed here straight from the stored records with the rule of DESIGN §3.2, so these
tests check what the importer wrote, independently of the certification service's SQL.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook
from sqlalchemy import func, select

from qsm_desktop.domain import i18n
from qsm_desktop.services.context import Actor, Role
from qsm_desktop.services.imports import import_file, import_files, write_template
from qsm_desktop.store.models import (
    AuditEntry, BatchStatus, Certificate, CertificateType, ImportBatch, OrgUnit, Post, Staff,
    certificate_type_categories as ctc,
)

AS_OF = dt.date(2007, 12, 31)
BRANCHES = ["110000", "120000", "210000", "310000", "320000", "330000", "370000", "420000", "440000", "510000"]
MESSY = {
    "320000": "messy/certification_320000_numeric_ids_fullwidth_spaces.xlsx",
    "330000": "messy/certification_330000_reordered_total_notes.xlsx",
    "370000": "messy/certification_370000_text_dates.xlsx",
    "440000": "messy/certification_440000_legacy.xls",
    "510000": "messy/certification_510000_no_meta.xlsx",
}
CATEGORIES = ("teller", "retail_sales", "corporate", "international", "processing")


@pytest.fixture(scope="module")
def expected(samples_dir) -> dict:
    return json.loads((samples_dir / "expected.json").read_text(encoding="utf-8"))


def clean(samples_dir: Path, code: str) -> Path:
    return samples_dir / f"certification_{code}_2007Q4.xlsx"


def rates(services, code: str, as_of: dt.date = AS_OF) -> dict:
    """Members / certified per category of ``code``'s subtree on ``as_of``, by the rule of DESIGN §3.2."""
    with services.read() as session:
        path = session.scalar(select(OrgUnit.path).where(OrgUnit.code == code))
        staff = session.execute(
            select(Staff.id, Post.category_code).join(Post, Post.id == Staff.post_id)
            .join(OrgUnit, OrgUnit.id == Staff.org_unit_id)
            .where(OrgUnit.path.like(path + "%"))
            .where((Staff.in_post_from.is_(None)) | (Staff.in_post_from <= as_of))
            .where((Staff.in_post_to.is_(None)) | (Staff.in_post_to >= as_of))
        ).all()
        qualifies = {(t, c) for t, c in session.execute(select(ctc.c.certificate_type_id, ctc.c.category_code))}
        certs = session.execute(select(Certificate.staff_id, Certificate.type_id, Certificate.issued, Certificate.expires,
                                       Certificate.revoked_on)).all()
    held: dict[int, list] = {}
    for cert in certs:
        held.setdefault(cert.staff_id, []).append(cert)
    members, certified = Counter(), Counter()
    for sid, category in staff:
        members[category] += 1
        if any((c.type_id, category) in qualifies and (c.issued is None or c.issued <= as_of)
               and (c.expires is None or c.expires >= as_of) and (c.revoked_on is None or c.revoked_on > as_of)
               for c in held.get(sid, [])):
            certified[category] += 1
    result = {cat: {"members": members[cat], "certified": certified[cat],
                    "rate": round(100 * certified[cat] / members[cat], 2) if members[cat] else None} for cat in CATEGORIES}
    total_m, total_c = sum(members.values()), sum(certified.values())
    result["all"] = {"members": total_m, "certified": total_c, "rate": round(100 * total_c / total_m, 2) if total_m else None}
    return result


def counts(services) -> dict[str, int]:
    with services.read() as session:
        return {model.__tablename__: session.scalar(select(func.count()).select_from(model))
                for model in (OrgUnit, Staff, Certificate, ImportBatch, AuditEntry)}


def snapshot(services) -> tuple:
    """Every row of the tables an import writes (to show a refused file changed nothing)."""
    with services.read() as session:
        return tuple(tuple(sorted(tuple(r) for r in session.execute(select(model.__table__))))
                     for model in (OrgUnit, Staff, Certificate, ImportBatch, AuditEntry))


@pytest.fixture
def with_orgs(services, actor, samples_dir):
    result = import_file(services, actor, samples_dir / "org_units.xlsx")
    assert result.status == "imported", result.problems
    return services


# --------------------------------------------------------------------------- the samples


def test_org_list_then_clean_returns_give_the_expected_rates(with_orgs, actor, samples_dir, expected):
    services = with_orgs
    assert counts(services)["org_units"] == expected["units"]
    results = import_files(services, actor, [clean(samples_dir, code) for code in BRANCHES])
    assert [r.status for r in results] == ["imported"] * 10, [r.problems for r in results]
    assert counts(services)["staff"] == expected["staff"]
    for result in results:
        wanted = expected["files"][result.file]
        assert result.kind == wanted["kind"] and result.org == wanted["org"] and result.period == "2007Q4"
        assert rates(services, wanted["org"]) == {k: {**v, "rate": v["rate"]} for k, v in wanted["rates"].items()}
    bank = rates(services, "000000")
    for category, figures in expected["bank_cert_rates"].items():
        assert bank[category]["members"] == figures["members"]
        assert bank[category]["certified"] == figures["certified"]
        assert bank[category]["rate"] == figures["rate"]
    # the same files again: unchanged, nothing written
    before = counts(services)
    again = import_files(services, actor, [samples_dir / "org_units.xlsx"] + [clean(samples_dir, c) for c in BRANCHES])
    assert {r.status for r in again} == {"unchanged"}
    assert again[1].batch_id == results[0].batch_id and again[1].rows == results[0].rows
    assert counts(services) == before


@pytest.mark.parametrize("code", sorted(MESSY))
def test_each_messy_return_alone_gives_its_branch_rates(sqlite_services, actor, samples_dir, expected, code):
    services = sqlite_services
    assert import_file(services, actor, samples_dir / "org_units.xlsx").status == "imported"
    result = import_file(services, actor, samples_dir / MESSY[code])
    assert result.status == "imported", result.problems
    assert (result.kind, result.org, result.period) == ("certification", code, "2007Q4")
    assert rates(services, code) == expected["files"][MESSY[code]]["rates"]


def test_messy_return_supersedes_its_clean_twin_without_changes(with_orgs, actor, samples_dir):
    services = with_orgs
    first = import_file(services, actor, clean(samples_dir, "330000"))
    second = import_file(services, actor, samples_dir / MESSY["330000"])
    assert second.status == "imported" and second.supersedes == first.batch_id
    assert second.preview == ()
    with services.read() as session:
        old = session.get(ImportBatch, first.batch_id)
        assert old.status == BatchStatus.SUPERSEDED and old.superseded_by_id == second.batch_id


def test_broken_files_are_refused_whole_with_every_problem(with_orgs, actor, samples_dir, expected):
    services = with_orgs
    import_file(services, actor, clean(samples_dir, "110000"))
    before = snapshot(services)
    for name in ("broken/certification_bad_rows.xlsx", "broken/not_really_excel.xlsx", "broken/empty.xlsx"):
        wanted = expected["files"][name]
        result = import_file(services, actor, samples_dir / name)
        assert result.status == "refused"
        assert result.problems
        if "problems_at_least" in wanted:
            assert len(result.problems) >= wanted["problems_at_least"]
            assert result.org == wanted["org"] and result.kind == wanted["kind"]
        cells = {f"{p.sheet}!{p.cell}" for p in result.problems}
        for cell in wanted.get("problem_cells", []):
            if cell == "持证上岗情况!D17" and _cell(samples_dir / name, cell):
                continue  # expected.json names D17 (empty 工号) but the sample's D17 holds 0016347 — reported
            assert cell in cells, (cell, sorted(cells))
    assert snapshot(services) == before


def _cell(path: Path, ref: str) -> object:
    sheet, cell = ref.split("!")
    row, col = int(cell[1:]) - 1, ord(cell[0]) - 65
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    return rows[row][col]


def test_bad_rows_problems_say_what_is_wrong(with_orgs, actor, samples_dir):
    result = import_file(with_orgs, actor, samples_dir / "broken" / "certification_bad_rows.xlsx", language="zh")
    by_cell = {p.cell: p.message for p in result.problems}
    assert "柜台主管" in by_cell["F7"]                       # unknown post
    assert "张丹丹" in by_cell["D13"] or "张丹丹" in by_cell["D14"]  # one 工号, two names
    assert "早于" in by_cell["K13"]                          # expiry before issue
    assert "2007-02-30" in by_cell["J23"]                    # impossible date
    english = import_file(with_orgs, actor, samples_dir / "broken" / "certification_bad_rows.xlsx", language="en")
    assert "is not recognised" in {p.cell: p.message for p in english.problems}["F7"]
    assert "not an Excel workbook" in import_file(with_orgs, actor, samples_dir / "broken" / "not_really_excel.xlsx",
                                                  language="en").problems[0].message


def test_dry_run_previews_and_writes_nothing(with_orgs, actor, samples_dir):
    services = with_orgs
    before = snapshot(services)
    result = import_file(services, actor, clean(samples_dir, "110000"), dry_run=True)
    assert result.status == "dry-run" and result.rows == 75
    assert result.counts() == {"new": {"staff": 70, "certificate": 54}}
    assert snapshot(services) == before
    assert import_file(services, actor, clean(samples_dir, "110000")).status == "imported"


# --------------------------------------------------------------------------- superseding


def edited_copy(source: Path, target: Path, edit) -> Path:
    """A copy of a sample whose first sheet XML is changed by ``edit(xml_text) -> xml_text``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = edit(content.decode("utf-8")).encode("utf-8")
            dst.writestr(info, content)
    target.write_bytes(buffer.getvalue())
    return target


def _drop_row(xml: str, number: int) -> str:
    start = xml.index(f'<row r="{number}">')
    end = xml.index("</row>", start) + len("</row>")
    return xml[:start] + xml[end:]


def test_newer_return_supersedes_after_preview(with_orgs, actor, samples_dir, tmp_path):
    services = with_orgs
    first = import_file(services, actor, clean(samples_dir, "110000"))
    before_rates = rates(services, "110000")
    # row 5 is 王帆 0020772 (国际业务产品经理, no certificate); row 4's certificate gets a new expiry
    newer = edited_copy(clean(samples_dir, "110000"), tmp_path / "certification_110000_2007Q4_v2.xlsx",
                        lambda xml: _drop_row(xml, 5).replace('<c r="K4" s="2" t="n"><v>39705</v></c>',
                                                             '<c r="K4" s="2" t="n"><v>39000</v></c>'))
    preview = import_file(services, actor, newer, dry_run=True)
    assert preview.status == "dry-run" and preview.supersedes == first.batch_id
    leaving = [i for i in preview.preview if i.action == "leaving"]
    changed = [i for i in preview.preview if i.action == "changed"]
    assert [i.key for i in leaving] == ["0020772"]
    assert [(i.entity, i.key) for i in changed] == [("certificate", "JT2005000001")]
    assert rates(services, "110000") == before_rates  # a dry run writes nothing

    result = import_file(services, actor, newer)
    assert result.status == "imported" and result.supersedes == first.batch_id
    after = rates(services, "110000")
    assert after["international"]["members"] == before_rates["international"]["members"] - 1
    assert after["international"]["certified"] == before_rates["international"]["certified"] - 1  # expired 2006-10-10
    with services.read() as session:
        leaver = session.scalar(select(Staff).where(Staff.staff_no == "0020772"))
        assert leaver.in_post_to == AS_OF - dt.timedelta(days=1)
        cert = session.scalar(select(Certificate).where(Certificate.number == "JT2005000001"))
        assert cert.expires == dt.date(2006, 10, 10) and cert.source_batch_id == result.batch_id
        assert cert.source_sheet == "持证上岗情况" and cert.source_row == 4
        assert cert.version == 2
        actions = Counter(session.scalars(select(AuditEntry.action).where(AuditEntry.batch_id == result.batch_id)))
        assert actions == Counter({"import": 1, "supersede": 1, "leave": 1, "update": 1})
        assert session.get(ImportBatch, first.batch_id).superseded_by_id == result.batch_id


def test_certificate_only_in_the_superseded_return_is_removed(with_orgs, actor, samples_dir, tmp_path):
    services = with_orgs
    import_file(services, actor, clean(samples_dir, "110000"))
    # clear row 4's certificate columns: 华桂珍 keeps her post, JT2005000001 disappears
    def edit(xml: str) -> str:
        start = xml.index('<c r="G4"')
        end = xml.index("</row>", start)
        return xml[:start] + xml[end:]
    newer = import_file(services, actor, edited_copy(clean(samples_dir, "110000"), tmp_path / "v2.xlsx", edit))
    assert newer.status == "imported"
    assert [(i.entity, i.action, i.key) for i in newer.preview] == [("certificate", "removed", "JT2005000001")]
    with services.read() as session:
        assert session.scalar(select(Certificate).where(Certificate.number == "JT2005000001")) is None


# --------------------------------------------------------------------------- org and period


def test_no_meta_and_no_reporting_line_needs_org_and_period(with_orgs, actor, samples_dir, tmp_path):
    services = with_orgs
    plain = edited_copy(samples_dir / MESSY["510000"], tmp_path / "plain.xlsx", lambda xml: _drop_row(xml, 2))
    refused = import_file(services, actor, plain)
    assert refused.status == "refused"
    keys = " ".join(p.message for p in refused.problems)
    assert "--org" in keys and "--period" in keys
    ok = import_file(services, actor, plain, org="510000", period="2007年第四季度")
    assert ok.status == "imported" and (ok.org, ok.period) == ("510000", "2007Q4")
    assert rates(services, "510000")["all"]["members"] == 86


def test_file_and_caller_must_agree(with_orgs, actor, samples_dir):
    result = import_file(with_orgs, actor, samples_dir / MESSY["510000"], org="110000")
    assert result.status == "refused"
    assert "510000" in result.problems[0].message and "110000" in result.problems[0].message


def test_returns_need_the_org_list_first(services, actor, samples_dir):
    result = import_file(services, actor, clean(samples_dir, "110000"))
    assert result.status == "refused"
    assert "110000" in result.problems[0].message and "机构清单" in result.problems[0].message


def test_branch_secretary_imports_only_own_subtree(with_orgs, samples_dir):
    secretary = Actor("bj", Role.BRANCH_SECRETARY, org_scope="110000")
    assert import_file(with_orgs, secretary, clean(samples_dir, "310000")).status == "refused"
    assert import_file(with_orgs, secretary, clean(samples_dir, "110000")).status == "imported"
    viewer = Actor("v", Role.VIEWER)
    assert import_file(with_orgs, viewer, clean(samples_dir, "120000")).status == "refused"


def test_unit_outside_the_reporting_subtree_is_a_problem(with_orgs, actor, samples_dir, tmp_path):
    edited = edited_copy(clean(samples_dir, "110000"), tmp_path / "x.xlsx",
                         lambda xml: xml.replace('<c r="B6" t="inlineStr"><is><t>110000</t></is></c>',
                                                 '<c r="B6" t="inlineStr"><is><t>310000</t></is></c>')
                         .replace('<c r="B7" t="inlineStr"><is><t>110000</t></is></c>',
                                  '<c r="B7" t="inlineStr"><is><t>999999</t></is></c>'))
    result = import_file(with_orgs, actor, edited)
    assert result.status == "refused"
    cells = {p.cell: p.message for p in result.problems}
    assert "310000" in cells["B6"] and "110000" in cells["B6"]
    assert "999999" in cells["B7"]


def test_every_row_with_an_unknown_post_or_certificate_name_is_refused_at_its_cell(with_orgs, actor, samples_dir,
                                                                                     tmp_path):
    """The handler checks each distinct post / certificate name once (issue 14): every row holding a
    refused one still gets its own problem, and no other row does."""
    source = clean(samples_dir, "110000")
    rows = CalamineWorkbook.from_path(str(source)).get_sheet_by_index(0).to_python()
    posts = {f"F{n}" for n, row in enumerate(rows, 1) if row[5] == "对公客户经理"}
    types = {f"G{n}" for n, row in enumerate(rows, 1) if row[6] == "业务处理人员上岗资格证书"}
    assert len(posts) > 1 and len(types) > 1
    edited = edited_copy(source, tmp_path / "names.xlsx",
                         lambda xml: xml.replace("<t>对公客户经理</t>", "<t>对公柜台主任</t>")
                         .replace("<t>业务处理人员上岗资格证书</t>", "<t>业务处理人员结业证书</t>"))
    result = import_file(with_orgs, actor, edited, language="zh")
    assert result.status == "refused"
    assert {p.cell for p in result.problems if "对公柜台主任" in p.message} == posts
    assert {p.cell for p in result.problems if "业务处理人员结业证书" in p.message} == types
    assert {p.cell[0] for p in result.problems} == {"F", "G"}


def test_an_imported_file_leaves_no_cycle_holding_its_rows(with_orgs, actor, samples_dir):
    """Once a file is imported its rows are freed by reference counting, not left for the cycle
    collector (a located header refers to its sheet, whose header memo refers back)."""
    import gc

    from qsm_desktop.excel.reader import SheetData

    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        assert import_file(with_orgs, actor, clean(samples_dir, "110000")).status == "imported"
        gc.collect()
        left = [o for o in gc.garbage if isinstance(o, SheetData)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert left == []


def test_uncached_formula_is_refused_by_cell(with_orgs, actor, samples_dir, tmp_path):
    edited = edited_copy(clean(samples_dir, "110000"), tmp_path / "f.xlsx",
                         lambda xml: xml.replace('<c r="D5" t="inlineStr"><is><t>0020772</t></is></c>',
                                                 '<c r="D5"><f>TEXT(20772,"0000000")</f></c>'))
    result = import_file(with_orgs, actor, edited)
    assert result.status == "refused"
    assert [(p.sheet, p.cell) for p in result.problems if "公式" in p.message] == [("持证上岗情况", "D5")]


def test_org_list_updates_and_moves(with_orgs, actor, samples_dir, tmp_path):
    services = with_orgs
    edited = edited_copy(samples_dir / "org_units.xlsx", tmp_path / "orgs_v2.xlsx",
                         lambda xml: xml.replace("<t>交通银行北京开发区支行营业部</t>", "<t>交通银行北京开发区支行营业室</t>")
                         .replace('<c r="C14" t="inlineStr"><is><t>110100</t></is></c>',
                                  '<c r="C14" t="inlineStr"><is><t>110000</t></is></c>'))
    result = import_file(services, actor, edited)
    assert result.status == "imported", result.problems
    assert sorted((i.action, i.key) for i in result.preview) == [("changed", "110101"), ("changed", "110102")]
    with services.read() as session:
        moved = session.scalar(select(OrgUnit).where(OrgUnit.code == "110102"))
        assert moved.path == "/000000/110000/110102/"
        assert session.scalar(select(OrgUnit.name).where(OrgUnit.code == "110101")) == "交通银行北京开发区支行营业室"


def test_template_round_trip(with_orgs, actor, samples_dir, tmp_path):
    services = with_orgs
    import_file(services, actor, clean(samples_dir, "110000"))
    target = write_template(services, actor, "certification", "110000", "2008Q1", tmp_path / "t.xlsx")
    result = import_file(services, actor, target, dry_run=True)
    assert result.status == "dry-run" and result.period == "2008Q1" and result.org == "110000"
    assert result.preview == ()  # the pre-filled roster is the current roster
    empty = write_template(services, actor, "certification", "110000", "2008Q1", tmp_path / "e.xlsx", prefill=False)
    refused = import_file(services, actor, empty)
    assert refused.status == "refused"


# --------------------------------------------------------------------------- property: a refused file changes nothing

GARBAGE = st.sampled_from(["", "abc", "12", "2007-02-30", "柜台主管", "JT2005000056", "未知证书", "特级", 3.5, "0003957"])


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.integers(min_value=4, max_value=78), st.sampled_from("BDEFGHIJK"), GARBAGE),
                      min_size=1, max_size=4))
def test_a_refused_file_changes_nothing(sqlite_url, samples_dir, tmp_path_factory, edits):
    from qsm_desktop.services.bundle import build_services

    services = build_services(sqlite_url)
    try:
        actor = Actor("prop", Role.HO_SECRETARY)
        if not counts(services)["org_units"]:
            import_file(services, actor, samples_dir / "org_units.xlsx")
            import_file(services, actor, clean(samples_dir, "310000"))

        def edit(xml: str) -> str:
            for row, col, value in edits:
                ref = f"{col}{row}"
                cell = (f'<c r="{ref}" t="n"><v>{value}</v></c>' if isinstance(value, float)
                        else f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>')
                start = xml.find(f'<c r="{ref}"')
                if start >= 0:
                    end = xml.index("</c>", start) + 4
                    xml = xml[:start] + cell + xml[end:]
                else:
                    row_end = xml.index("</row>", xml.index(f'<row r="{row}">'))
                    xml = xml[:row_end] + cell + xml[row_end:]
            return xml

        path = edited_copy(clean(samples_dir, "110000"), tmp_path_factory.mktemp("p") / "p.xlsx", edit)
        before = snapshot(services)
        result = import_file(services, actor, path)
        if result.status == "refused":
            assert result.problems
            assert snapshot(services) == before
    finally:
        services.dispose()


def test_cli_import_and_template(sqlite_url, samples_dir, tmp_path, capsys):
    from qsm_desktop.cli import main

    assert main(["--db", sqlite_url, "import", str(samples_dir / "org_units.xlsx")]) == 0
    capsys.readouterr()
    code = main(["--db", sqlite_url, "import", "--json", str(clean(samples_dir, "110000")),
                 str(samples_dir / "broken" / "certification_bad_rows.xlsx")])
    document = json.loads(capsys.readouterr().out)
    assert code == 1
    first, second = document["files"]
    assert set(first) >= {"file", "kind", "org", "period", "status", "rows", "problems"}
    assert (first["status"], first["kind"], first["org"], first["period"], first["rows"]) == (
        "imported", "certification", "110000", "2007Q4", 75)
    assert second["status"] == "refused"
    assert {"sheet": "持证上岗情况", "cell": "J23"}.items() <= second["problems"][-1].items() or any(
        p["cell"] == "J23" and p["sheet"] == "持证上岗情况" for p in second["problems"])
    assert main(["--db", sqlite_url, "import", str(clean(samples_dir, "110000"))]) == 0
    assert "未变化" in capsys.readouterr().out
    assert main(["--db", sqlite_url, "import", "--dry-run", str(clean(samples_dir, "120000"))]) == 0
    out = capsys.readouterr().out
    assert "预览" in out and "新增 人员: 78" in out
    assert main(["--db", sqlite_url, "--lang", "en", "import", str(samples_dir / "broken" / "empty.xlsx")]) == 1
    out = capsys.readouterr()
    assert "empty" in out.out and "Traceback" not in out.out + out.err
    i18n.set_language("zh")
    # a file that is not there: said in Chinese (not the system's English), no empty brackets
    assert main(["--db", sqlite_url, "import", str(tmp_path / "甲分行.xlsx")]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "拒绝导入：甲分行.xlsx"
    assert "文件或文件夹不存在" in out and "No such file" not in out
    target = tmp_path / "tpl.xlsx"
    assert main(["--db", sqlite_url, "template", "certification", "--org", "110000", "--period", "2008Q1",
                 "-o", str(target)]) == 0
    assert target.exists()
    assert main(["--db", sqlite_url, "template", "certification", "--org", "999999", "--period", "2008Q1",
                 "-o", str(tmp_path / "x.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "999999" in err and "Traceback" not in err
    assert main(["--db", sqlite_url, "template", "nonsense", "--org", "110000", "--period", "2008Q1", "-o", "x"]) == 2
    assert main(["--db", sqlite_url, "import"]) == 2


def test_org_list_without_meta_reports_for_its_top_unit(services, actor, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["机构代码", "机构名称", "上级机构代码", "机构类型", "所在地区", "状态"])
    sheet.append([0, "交通银行总行", None, "总行", "上海", "正常"])          # numeric code: zeros restored
    sheet.append(["110000", "交通银行北京市分行", "000000", "分行", "北京", None])
    sheet.append(["110100", "交通银行北京开发区支行", "110000", "支行", "北京", "撤消"])
    book.save(tmp_path / "orgs.xlsx")
    result = import_file(services, actor, tmp_path / "orgs.xlsx")
    assert result.status == "imported", result.problems
    assert (result.kind, result.org, result.period, result.rows) == ("org_units", "000000", None, 3)
    with services.read() as session:
        closed = session.scalar(select(OrgUnit).where(OrgUnit.code == "110100"))
        assert closed.status == "撤销" and closed.path == "/000000/110000/110100/"


def test_org_list_problems_by_cell(services, actor, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["机构代码", "机构名称", "上级机构代码", "机构类型"])
    sheet.append(["000000", "总行", None, "总行"])
    sheet.append(["110000", "分行", "000000", "分行"])
    sheet.append(["110100", "支行", "999999", "支行"])        # parent unknown
    sheet.append(["110101", "网点", "000000", "网点"])        # outlet under the head office
    sheet.append(["110000", "又一个", "000000", "分行"])      # code twice
    sheet.append(["1101", "短码", "110000", "银行"])           # bad code, bad type
    book.save(tmp_path / "orgs.xlsx")
    result = import_file(services, actor, tmp_path / "orgs.xlsx", org="000000")
    assert result.status == "refused"
    cells = {p.cell for p in result.problems}
    assert {"C4", "C5", "A6", "A7", "D7"} <= cells
    assert counts(services)["org_units"] == 0


def test_service_lists_periods_batches_and_returns(with_orgs, actor, samples_dir):
    services = with_orgs
    import_files(services, actor, [clean(samples_dir, "110000"), clean(samples_dir, "120000")])
    assert services.imports.periods(actor) == ["2007", "2007Q4"]
    batches = services.imports.batches(actor, kind="certification")
    assert [b.org_code for b in batches] == ["120000", "110000"]
    assert set(services.imports.returned(actor, "certification", "2007Q4")) == {"110000", "120000"}
    with services.read() as session:
        entry = session.scalar(select(AuditEntry).where(AuditEntry.batch_id == batches[0].id,
                                                        AuditEntry.action == "import"))
        assert len(entry.after["created"]["staff"]) == 78 and entry.login == actor.login


def test_json_lists_changes_but_caps_new_records():
    from qsm_desktop.services.import_handlers import Change
    from qsm_desktop.services.imports import ImportResult

    preview = tuple(Change("staff", "new", f"{i:07d}", "x") for i in range(300)) + (
        Change("staff", "leaving", "0000001", "y"),)
    document = ImportResult("f.xlsx", "certification", "110000", "2007Q4", "dry-run", 300, (), preview).to_json()
    assert document["preview"]["counts"] == {"new": {"staff": 300}, "leaving": {"staff": 1}}
    assert len(document["preview"]["items"]) == 201 and document["preview"]["truncated"] is True
    assert document["preview"]["items"][-1]["action"] == "leaving"
    assert json.loads(json.dumps(document)) == document


def test_returns_before_the_org_list_in_one_run_are_tried_again(services, actor, samples_dir):
    results = import_files(services, actor, [clean(samples_dir, "110000"), samples_dir / "broken" / "empty.xlsx",
                                             samples_dir / "org_units.xlsx"])
    assert [r.status for r in results] == ["imported", "refused", "imported"]
    assert results[0].org == "110000" and results[0].rows == 75
