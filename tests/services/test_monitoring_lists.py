"""What the monitoring and complaints pages list (services/monitoring/listing.py,
services/complaints/tables.py), on both dialects, against the samples' expected.json: every visit's
score averages to its outlet's, provisional then frozen; a visit's items carry the upheld score;
the quarters' state; the checklist editions' use; the cause table in Pareto order; the overdue list
counting what §9.2 counts."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict

import pytest

from qsm_desktop.domain.monitoring import Decision
from qsm_desktop.domain.monitoring.scoring import mean_rounded
from qsm_desktop.domain.errors import PermissionDenied
from qsm_desktop.services.context import Actor, Role

AS_OF = dt.date(2008, 1, 15)


@pytest.fixture(scope="module")
def expected(samples_dir) -> dict:
    return json.loads((samples_dir / "monitoring" / "expected.json").read_text(encoding="utf-8"))


def _import(services, actor, files):
    results = services.imports.import_files(list(files), actor)
    assert all(r.status == "imported" for r in results), [(r.file, [str(p) for p in r.problems][:3]) for r in results]


@pytest.fixture
def loop(services, actor, samples_dir):
    _import(services, actor, [samples_dir / "org_units.xlsx", *sorted(samples_dir.glob("certification_*_2007Q4.xlsx"))])
    _import(services, actor, sorted((samples_dir / "monitoring").glob("mystery_*_2007Q4.xlsx")))
    _import(services, actor, sorted((samples_dir / "monitoring").glob("appeals_*.xlsx")))
    _import(services, actor, sorted((samples_dir / "complaints").glob("complaints_*.xlsx")))
    return services


def _outlet_means(visits):
    per_outlet = defaultdict(list)
    for v in visits:
        per_outlet[v.outlet].append(v.score)
    return {code: mean_rounded(scores) for code, scores in per_outlet.items()}


def test_visits_quarters_and_items(loop, actor, expected):
    svc = loop.monitoring
    (q4,) = svc.quarters(actor)
    assert (q4.period, q4.visits, q4.final, q4.appeals, q4.open_appeals) == ("2007Q4", 65, False, 9, 9)
    visits = svc.visits(actor, "2007Q4")
    wanted = expected["quarters"]["2007Q4"]
    assert _outlet_means(visits) == {c: w["score"] for c, w in wanted["scores"]["outlets"].items()}
    assert sum(v.open_appeals for v in visits) == 9
    capped = [v for v in visits if v.critical_lost]
    assert capped and all(v.score <= 60 for v in capped)
    items = svc.visit_items(actor, "MS2007Q4-37-006")
    gm05 = next(i for i in items if i.code == "GM-05")
    assert (gm05.points, gm05.delivered, gm05.score, gm05.appeal, gm05.lost) == (15, 8, 8, "open", True)
    assert gm05.text and gm05.dimension

    points = {(a.visit_no, a.item_code): a.points for a in svc.appeals(actor, "2007Q4")}
    for a in expected["appeals"]:
        if a["decision"] == "uphold":
            svc.decide(actor, a["visit"], a["item"], Decision.UPHOLD,
                       score=None if a["score"] == points[(a["visit"], a["item"])] else a["score"])
        else:
            svc.decide(actor, a["visit"], a["item"], Decision.REJECT, reason="录像显示确有扣分情形")
    gm05 = next(i for i in svc.visit_items(actor, "MS2007Q4-37-006") if i.code == "GM-05")
    assert (gm05.delivered, gm05.score, gm05.appeal) == (8, 11, "upheld")
    provisional = svc.visits(actor, "2007Q4")
    assert _outlet_means(provisional) == {c: w["score"] for c, w in wanted["final_scores"]["outlets"].items()}
    svc.finalise(actor, "2007Q4")
    (q4,) = svc.quarters(actor)
    assert q4.final and q4.finalised_by == actor.login and q4.open_appeals == 0
    assert [v.score for v in svc.visits(actor, "2007Q4")] == [v.score for v in provisional]  # frozen as they were
    # a branch sees its own visits only, and no other branch's items
    zhejiang = Actor("zj", Role.BRANCH_SECRETARY, "330000")
    assert {v.branch for v in svc.visits(zhejiang, "2007Q4")} == {"330000"}
    with pytest.raises(PermissionDenied):
        svc.visit_items(zhejiang, "MS2007Q4-37-006")


def test_checklist_editions_count_their_visits(loop, actor):
    (edition,) = loop.monitoring.checklist_editions(actor)
    assert edition.checklist.label == "2007版" and edition.in_use and edition.visits == 65 and edition.version >= 1


def test_cause_table_and_overdue_list(loop, actor, samples_dir):
    wanted = json.loads((samples_dir / "complaints" / "expected.json").read_text(encoding="utf-8"))
    svc = loop.complaints
    assert svc.quarters(actor) == ["2007Q4"]
    table = svc.cause_table(actor, "2007Q4")
    assert table.total == sum(w["valid"] for w in wanted["branches"].values())
    counts = [r.count for r in table.rows]
    assert counts == sorted(counts, reverse=True) and sum(counts) == table.total
    assert table.rows[-1].pareto.cumulative == 100.0
    assert sum(n for _c, _n, n in table.units) == table.total
    assert all(sum(r.by_unit.values()) == r.count for r in table.rows)
    overdue = svc.overdue(actor, "2007Q4", AS_OF)
    stats = svc.stats(actor, "2007Q4", AS_OF)
    assert len(overdue) == sum(u.figures.overdue for u in stats.units)
    assert all(o.days_late > 0 for o in overdue)
    for code, figures in wanted["branches"].items():
        assert len(svc.overdue(actor, "2007Q4", AS_OF, code)) == figures["overdue"], code
    for code, figures in wanted["departments"].items():
        assert len(svc.overdue(actor, "2007Q4", AS_OF, code)) == figures["overdue"], code
    one = svc.cause_table(actor, "2007Q4", "110000")
    assert one.total == wanted["branches"]["110000"]["valid"] and all(c.startswith("11") for c, _n, _t in one.units)
