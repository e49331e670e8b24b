"""The application's own scope on every read path (issue 12 item 4, DESIGN §6): through the services
on SQLite, a branch secretary of 310000 sees only her subtree in every list the window's pickers,
registers, reports and exports and the command line use — and asking for another branch's unit is
refused with the scope sentence (or, for a person looked up by 工号, as unknown as on PostgreSQL).

One bank per module (importing is the slow part; the tests only read): the org list and, for
310000 and 110000 (Beijing) alike, certification, training, quarterly and internal-service returns,
two mystery-visit quarters finalised, complaints, and two showcase applications (310202 and
320101) with their score sheets; the head office computes a draft of 2007Q4.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from qsm_desktop.domain.errors import PermissionDenied
from qsm_desktop.services.certification import RegisterQuery
from qsm_desktop.services.context import Actor, Role
from scope_office import import_ok

AS_OF = dt.date(2007, 12, 31)
REFUSED = "您只能处理本机构 310000 范围内的数据，{code} 不在其中"
LI = Actor("li", Role.BRANCH_SECRETARY, "310000")
HO = Actor("hos", Role.HO_SECRETARY)


@pytest.fixture(scope="module")
def bank(tmp_path_factory, _migrated_sqlite_template):
    import shutil

    from qsm_desktop.services.bundle import build_services

    samples = Path(__file__).resolve().parents[1] / "samples"
    file = tmp_path_factory.mktemp("scope") / "bank.db"
    shutil.copyfile(_migrated_sqlite_template, file)
    services = build_services(f"sqlite:///{file}")
    both = ("310000", "110000")
    import_ok(services, HO, [samples / "org_units.xlsx"]
              + [samples / f"certification_{c}_2007Q4.xlsx" for c in both]
              + [samples / "training" / f"training_{c}_2007.xlsx" for c in both]
              + [samples / "quarterly" / f"quarterly_{c}_2007Q4.xlsx" for c in both]
              + [samples / "complaints" / f"complaints_{c}_2007Q4.xlsx" for c in both]
              + [samples / "showcase" / f"application_{o}_2007.xlsx" for o in ("310202", "320101")]
              + sorted((samples / "showcase").glob("score_310202_*.xlsx"))
              + sorted((samples / "showcase").glob("score_320101_*.xlsx")))
    for quarter in ("2007Q3", "2007Q4"):
        import_ok(services, HO, [samples / "monitoring" / f"mystery_{c}_{quarter}.xlsx" for c in both])
        services.monitoring.finalise(HO, quarter)
    services.evaluation.compute(HO, "2007Q4")
    services.li_staff = _a_member_of(services, "310000")
    services.bj_staff = _a_member_of(services, "110000")
    yield services
    services.dispose()


def _a_member_of(services, unit: str) -> str:
    """A member of ``unit``'s subtree who attended training in 2007."""
    rows = services.certification.register_page(HO, RegisterQuery(unit_code=unit, as_of=AS_OF), limit=200)
    return next(r.staff_no for r in rows if services.training.history(HO, r.staff_no))


def _in_her_subtree(services, codes) -> bool:
    paths = {n.code: n.path for n in services.orgs.tree(HO)}
    return all("/310000/" in paths[c] for c in codes)


LISTS: dict[str, Callable] = {
    "org tree (the unit picker)": lambda s: [n.code for n in s.orgs.tree(LI)],
    "org counts (the organisation page)": lambda s: list(s.orgs.counts(LI, AS_OF)),
    "certification rates by unit (rates page, dashboard)": lambda s: list(s.certification.rates_by_unit(LI, AS_OF)),
    "certification register (register page, export)": lambda s: [
        r.unit_code for r in s.certification.register_page(LI, RegisterQuery(as_of=AS_OF), limit=5000)],
    "expiring certificates": lambda s: [e.unit_code for e in s.certification.expiring(LI, AS_OF, days=3650)],
    "training figures by unit (training page)": lambda s: list(s.training.figures_by_unit(LI, AS_OF)),
    "untrained staff": lambda s: [u.unit_code for u in s.training.untrained(LI, None, AS_OF)[0]],
    "import batches (returns page)": lambda s: [b.org_code for b in s.imports.batches(LI)],
    "returned units (returns board)": lambda s: list(s.imports.returned(LI, "certification", "2007Q4")),
    "evaluation draft (evaluation page)": lambda s: [u.code for u in s.evaluation.scores(LI, "2007Q4").scores.units],
    "showcase applications": lambda s: [a.outlet_code for a in s.showcase.applications(LI)],
    "showcase ranking": lambda s: [e.org for e in s.showcase.rank(LI, 2007, "总行级").entries],
    "mystery-visit scores": lambda s: [u.code for u in s.monitoring.scores(LI, "2007Q4").units if u.code != "000000"],
    "corrective and preventive actions": lambda s: [a.org for a in s.capa.list(LI)],
    "action figures": lambda s: [u.code for u in s.capa.status(LI, dt.date(2008, 3, 31)).units],
    "complaint figures": lambda s: [u.code for u in s.complaints.stats(LI, "2007Q4", AS_OF).units],
}


@pytest.mark.parametrize("name", list(LISTS))
def test_each_list_shows_her_subtree_only(bank, name):
    codes = LISTS[name](bank)
    assert codes, f"{name}: her own rows are listed"
    assert _in_her_subtree(bank, codes), (name, sorted(set(codes)))


OTHER_UNIT: dict[str, Callable] = {
    "certification rates": lambda s: s.certification.rates(LI, AS_OF, "110000"),
    "register of another branch": lambda s: s.certification.register_page(LI, RegisterQuery("110000", as_of=AS_OF)),
    "register count": lambda s: s.certification.register_count(LI, RegisterQuery("110000", as_of=AS_OF)),
    "expiring of another branch": lambda s: s.certification.expiring(LI, AS_OF, "110000"),
    "training figures": lambda s: s.training.figures(LI, "110000", AS_OF),
    "training report (export)": lambda s: s.training.report(LI, "110000", AS_OF),
    "indicator values (raw inputs)": lambda s: s.evaluation.values(LI, "110000", "2007Q4"),
    "mystery-visit scores": lambda s: s.monitoring.scores(LI, "2007Q4", "110000"),
    "appeals": lambda s: s.monitoring.appeals(LI, "2007Q4", "110000"),
    "actions": lambda s: s.capa.list(LI, unit_code="110000"),
    "action figures": lambda s: s.capa.status(LI, AS_OF, "110000"),
    "complaint figures": lambda s: s.complaints.stats(LI, "2007Q4", AS_OF, "110000"),
    "template (pre-filled roster)": lambda s: s.imports.write_template(LI, "certification", "110000", "2007Q4",
                                                                      Path("/nonexistent/never-written.xlsx")),
}


@pytest.mark.parametrize("name", list(OTHER_UNIT))
def test_another_branchs_unit_is_refused_with_the_scope_sentence(bank, name):
    with pytest.raises(PermissionDenied) as refused:
        OTHER_UNIT[name](bank)
    assert REFUSED.format(code="110000") in str(refused.value)


def test_a_person_or_an_application_of_another_branch_is_not_shown(bank):
    assert bank.certification.person(LI, bank.bj_staff, AS_OF) is None
    assert bank.certification.person(LI, bank.li_staff, AS_OF).unit_code.startswith("31")
    assert bank.certification.person(HO, bank.bj_staff, AS_OF) is not None
    assert bank.training.history(LI, bank.bj_staff) == []
    assert bank.training.history(HO, bank.bj_staff)
    other = next(a for a in bank.showcase.applications(HO) if a.outlet_code == "320101")
    with pytest.raises(PermissionDenied, match="320101 不在其中"):
        bank.showcase.application(LI, other.id)
    with pytest.raises(PermissionDenied, match="320101 不在其中"):
        bank.showcase.sheets(LI, other.id)
    mine = next(a for a in bank.showcase.applications(HO) if a.outlet_code == "310202")
    assert bank.showcase.application(LI, mine.id).outlet_code == "310202"


def test_the_head_office_still_sees_the_whole_bank(bank):
    assert {"310000", "110000"} <= set(bank.certification.rates_by_unit(HO, AS_OF))
    assert {"310000", "110000"} <= {b.org_code for b in bank.imports.batches(HO)}
    levels = {a.outlet_code: a.level for a in bank.showcase.applications(HO)}
    assert levels["310202"] == "总行级" and "310202" in {e.org for e in bank.showcase.rank(HO, 2007, "总行级").entries}
    assert "320101" in {e.org for e in bank.showcase.rank(HO, 2007, levels["320101"]).entries}
    assert not bank.showcase.rank(LI, 2007, levels["320101"]).entries or levels["320101"] == "总行级"
    units = {u.code for u in bank.evaluation.scores(HO, "2007Q4").scores.units}
    assert {"310000", "110000"} <= units
    # the draft shows her her own branch with its rank among all branches
    mine = bank.evaluation.scores(LI, "2007Q4").scores.unit("310000")
    assert mine.rank == bank.evaluation.scores(HO, "2007Q4").scores.unit("310000").rank


def test_the_cli_refuses_another_branch_and_lists_hers(bank, capsys, monkeypatch):
    """``qsm`` runs the same services: as the branch secretary's account on this file."""
    from qsm_desktop.cli import main
    from qsm_desktop.services.accounts import sign_in

    boss = bank.accounts.add(sign_in(bank), "boss", "admin", password="boss-pass-1")
    bank.accounts.add(Actor(boss.login, Role.ADMIN), "li", "branch_secretary", password="li-pass-123", org="310000")
    monkeypatch.setenv("QSM_PASSWORD", "li-pass-123")
    code = main(["--db", bank.url, "--user", "li", "cert-rate", "--as-of", "2007-12-31", "--unit", "110000"])
    out, err = capsys.readouterr()
    assert code == 1 and REFUSED.format(code="110000") in err
    code = main(["--db", bank.url, "--user", "li", "capa", "list", "--json"])
    out, err = capsys.readouterr()
    import json

    assert code == 0 and _in_her_subtree(bank, [a["org"] for a in json.loads(out)["actions"]])
