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
