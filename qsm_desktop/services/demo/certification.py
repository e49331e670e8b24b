"""Demo steps: the org list and the certification returns (演示机构清单与持证上岗情况表) — issue 2 item 5.

The synthetic bank's org tree is written as one 机构清单 and each branch's roster as one
持证上岗情况表, then imported through the importer, exactly as a secretary would.
"""

from __future__ import annotations

from qsm_desktop.domain.i18n import register
from qsm_desktop.services.demo.context import DEMO_FILE_PREFIX, DemoContext, write_kind
from qsm_desktop.services.demo.data import SyntheticBank

__all__ = ["certification_rows", "org_rows", "step_certification", "step_org_list"]

register({
    "demo.step.orgs": ("机构清单", "org list"),
    "demo.step.cert": ("持证上岗情况表", "certification returns"),
})


def org_rows(bank: SyntheticBank) -> list[dict]:
    """The rows of the bank's org list (机构清单), parents first."""
    return [{"code": o.code, "name": o.name, "parent_code": o.parent, "type": o.type, "region": o.region,
             "status": o.status} for o in bank.orgs]


def step_org_list(ctx: DemoContext) -> None:
    """Write and import the org list (机构清单)."""
    root = ctx.bank.orgs[0]
    path = write_kind(ctx.folder / f"{DEMO_FILE_PREFIX}org_units.xlsx", "org_units", root.code, root.name,
                      ctx.period[:4], org_rows(ctx.bank))
    ctx.import_files([path])


def certification_rows(bank: SyntheticBank, branch: str) -> list[dict]:
    """The rows of ``branch``'s certification return (one per certificate, or one without)."""
    return [{
        "seq": i, "org_code": s.org_code, "org_name": s.org_name, "staff_no": s.staff_no, "name": s.name,
        "post": s.post, "cert_type": s.certificate, "level": s.level, "number": s.number, "issued": s.issued,
        "expires": s.expires, "note": s.note,
    } for i, s in enumerate(bank.rosters[branch], start=1)]


def step_certification(ctx: DemoContext) -> None:
    """Write one certification return per branch and import them all (持证上岗情况表)."""
    paths = []
    branches = ctx.bank.branch_codes
    for i, branch in enumerate(branches):
        if ctx.cancelled:
            return
        if ctx.progress:
            ctx.progress(i, len(branches) * 2, ctx.bank.org_name(branch))
        paths.append(write_kind(ctx.folder / f"{DEMO_FILE_PREFIX}certification_{branch}_{ctx.period}.xlsx",
                                "certification", branch, ctx.bank.org_name(branch), ctx.period,
                                certification_rows(ctx.bank, branch)))
    outer = ctx.progress

    def inner(done: int, total: int, name: str) -> None:
        if outer:
            outer(len(branches) + done, len(branches) * 2, name)

    ctx.import_files(paths, progress=inner)
