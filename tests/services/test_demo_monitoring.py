"""`qsm demo` fills a year of mystery visits and complaints through the importers (issue 13 Deliver 9)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import func, select

from qsm_desktop.services.demo import build_demo
from qsm_desktop.services.demo.data import build_bank
from qsm_desktop.services.demo.monitoring import VISITS_A_YEAR, complaint_rows, visit_plan, visit_rows
from qsm_desktop.store.models import ImportBatch
from qsm_desktop.store.models.monitoring import MysteryVisit, MysteryVisitItem


def test_the_demo_year_of_visits_complaints_and_actions(sqlite_services, actor, tmp_path):
    services = sqlite_services
    build_demo(services, actor, "small", returns_dir=tmp_path / "returns")
    checklists = [c for _id, c in services.monitoring.checklists(actor)]
    plan = visit_plan("2007Q4", checklists)
    # the 2007 checklists are in force from 1 May 2007: Q2 (from May), Q3, and Q4 twice
    assert plan == {"2007Q2": 1, "2007Q3": 1, "2007Q4": 2} and sum(plan.values()) == VISITS_A_YEAR
    with services.read() as session:
        visits = dict(session.execute(select(MysteryVisit.period, func.count()).group_by(MysteryVisit.period)).all())
        first = session.scalar(select(func.min(MysteryVisit.visit_date)))
        rows = session.scalar(select(func.count()).select_from(MysteryVisitItem))
        kinds = Counter(session.scalars(select(ImportBatch.kind)))
    outlets = sum(1 for o in build_bank("small").orgs if o.type == "网点")
    assert visits == {p: n * outlets for p, n in plan.items()}
    assert first >= dt.date(2007, 5, 1) and rows > 5 * sum(visits.values())
    assert kinds["mystery_visit"] == 30 and kinds["complaints"] == 30 and kinds["mystery_appeal"] == 10
    assert kinds["capa_feedback"] > 0

    # earlier quarters finalised (actions raised), the demo period provisional with open appeals
    assert services.monitoring.scores(actor, "2007Q3").final and not services.monitoring.scores(actor, "2007Q4").final
    assert {a.status for a in services.monitoring.appeals(actor, "2007Q4")} == {"open"}
    status = services.capa.status(actor, dt.date(2007, 12, 31)).unit("000000").figures
    assert status.due > 0 and 0 < status.on_time < status.due
    stats = services.complaints.stats(actor, "2007Q4", dt.date(2008, 1, 15))
    assert sum(u.figures.received for u in stats.units) > 0

    # the evaluation of the finalised quarter takes A02 from the visits (the typed value beside it)
    a02 = services.evaluation.scores(actor, "2007Q3").scores.unit("110000").indicator("A02")
    assert a02.origin.startswith("神秘访客检查2007Q3（已定稿）") and a02.reported is not None


def test_demo_rows_are_deterministic():
    bank = build_bank("small")
    from qsm_desktop.domain.monitoring.checklists import Checklist
    from qsm_desktop.store.monitoring import _seed_toml

    checklists = [Checklist.from_mapping(_seed_toml("checklists_2007.toml"))]
    a = visit_rows(bank, "110000", "2007Q3", checklists)
    assert a == visit_rows(bank, "110000", "2007Q3", checklists) and len({r["visit_no"] for r in a}) == 12
    from qsm_desktop.domain.complaints import ComplaintRules

    rules = ComplaintRules.from_mapping(_seed_toml("complaint_rules.toml"))
    b = complaint_rows(bank, "110000", "2007Q3", rules)
    assert b == complaint_rows(bank, "110000", "2007Q3", rules) and len({r["number"] for r in b}) == len(b)


def test_the_english_demo_types_english_text_and_the_chinese_demo_is_unchanged():
    """Issue 14: the demo behind the English screenshots writes the text people type (summaries,
    results, notes, reasons, measures, course titles) in English; people's and units' names and
    the coded values the returns carry (客户投诉, 是/否, 不适用) stay as they are, and the Chinese
    demo writes what it always wrote."""
    import re

    from qsm_desktop.domain.complaints import ComplaintRules
    from qsm_desktop.domain.monitoring.checklists import Checklist
    from qsm_desktop.services.demo.monitoring import appeal_rows
    from qsm_desktop.services.demo.training import training_rows
    from qsm_desktop.store.monitoring import _seed_toml

    han = re.compile(r"[\u3400-\u9fff]")
    bank = build_bank("small")
    rules = ComplaintRules.from_mapping(_seed_toml("complaint_rules.toml"))
    checklists = [Checklist.from_mapping(_seed_toml("checklists_2007.toml"))]
    chinese = complaint_rows(bank, "110000", "2007Q3", rules)
    english = complaint_rows(bank, "110000", "2007Q3", rules, language="en")
    assert [r["summary"] for r in chinese] == ["客户反映办理业务时遇到的问题"] * len(chinese)
    assert [{k: v for k, v in r.items() if k not in ("summary", "result", "note")} for r in english] == \
        [{k: v for k, v in r.items() if k not in ("summary", "result", "note")} for r in chinese]
    for row in english:
        assert not han.search(row["summary"]) and not han.search(row["result"] or "")
        assert row["note"] is None or "审批" in row["note"]  # the approval is recognised by its words
    visits = visit_rows(bank, "110000", "2007Q3", checklists, language="en")
    reasons = [r["reason"] for r in visits if r["reason"]]
    assert reasons and not any(han.search(r) for r in reasons)
    assert all(not han.search(r["reason"] + r["contact"]) for r in appeal_rows(visits, 3, language="en"))
    courses = {r["course_title"] for r in training_rows(bank, "110000", 2007, language="en")}
    assert courses and not any(han.search(t) for t in courses)
    assert "服务规范贯标培训" in {r["course_title"] for r in training_rows(bank, "110000", 2007)}
