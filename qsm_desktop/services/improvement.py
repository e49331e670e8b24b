"""What the improvement loop's services share (监测与整改公用): the org tree as the services see it,
branch and head-office look-ups, quarters, settings and version checks — DESIGN §8, §9.

Used by :mod:`qsm_desktop.services.monitoring`, :mod:`qsm_desktop.services.capa` and
:mod:`qsm_desktop.services.complaints` (it imports none of them).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from qsm_desktop.domain import i18n
from qsm_desktop.domain.errors import InputRefused, NotFound
from qsm_desktop.domain.monitoring.findings import DueDays
from qsm_desktop.domain.normalise import NormaliseError, parse_org_code, parse_period
from qsm_desktop.services.context import Actor, check_version, require
from qsm_desktop.services.import_handlers import OrgInfo
from qsm_desktop.store.models import OrgUnit
from qsm_desktop.store.models.monitoring import MonitoringQuarter
from qsm_desktop.store.monitoring import load_settings

__all__ = [
    "BANK_TYPE", "BRANCH_TYPE", "DEPARTMENT_TYPE", "OUTLET_TYPE", "bank_unit", "branch_of", "check_version",
    "due_days", "finalised", "finalised_message", "load_orgs", "now", "previous_quarter", "quarter",
    "refuse_if_finalised", "require_head_office", "unit",
]

BANK_TYPE = "总行"
DEPARTMENT_TYPE = "总行部门"
BRANCH_TYPE = "分行"
OUTLET_TYPE = "网点"

i18n.register(
    {
        "monitoring.not_quarter": (
            "“{period}”不是季度，请写成如 2007Q4",
            "'{period}' is not a quarter; write it like 2007Q4",
        ),
        "monitoring.unknown_unit": ("机构代码{code}不存在", "there is no org unit {code}"),
        "monitoring.not_branch": (
            "填报单位{code}（{name}）是{type}，{title}应由分行报送",
            "the reporting unit {code} ({name}) is a {type}; the {title} comes from a branch",
        ),
        "monitoring.finalised": (
            "{period}已定稿（{when}，{who}），不能再更改其神秘访客结果和申诉",
            "{period} was finalised ({when}, {who}); its mystery-visit results and appeals cannot change",
        ),
    }
)


def now() -> dt.datetime:
    """The current time to the second (what records and audit entries carry)."""
    return dt.datetime.now().replace(microsecond=0)


def quarter(period: str) -> str:
    """``period`` in canonical form (``2007Q4``); :class:`InputRefused` unless it is a quarter."""
    try:
        canonical = parse_period(period)
    except NormaliseError as exc:
        raise InputRefused(str(exc)) from None
    if "Q" not in canonical:
        raise InputRefused(i18n.msg("monitoring.not_quarter", period=period))
    return canonical


def previous_quarter(period: str) -> str:
    """The quarter before ``period`` (``2007Q1`` → ``2006Q4``)."""
    year, q = (int(x) for x in quarter(period).split("Q"))
    return f"{year - 1}Q4" if q == 1 else f"{year}Q{q - 1}"


def load_orgs(session: Session) -> dict[str, OrgInfo]:
    """The org tree, code → :class:`~qsm_desktop.services.import_handlers.OrgInfo`."""
    rows = session.execute(select(OrgUnit.id, OrgUnit.code, OrgUnit.name, OrgUnit.type, OrgUnit.parent_id,
                                  OrgUnit.path, OrgUnit.status)).all()
    code_by_id = {r.id: r.code for r in rows}
    return {r.code: OrgInfo(r.id, r.code, r.name, r.type, code_by_id.get(r.parent_id), r.path, r.status) for r in rows}


def unit(orgs: dict[str, OrgInfo], code: str | None) -> OrgInfo | None:
    """The unit of ``code`` (any written form of a 6-digit code); :class:`NotFound` when unknown,
    ``None`` for ``None``."""
    if code is None:
        return None
    try:
        canonical = parse_org_code(code)
    except NormaliseError as exc:
        raise InputRefused(str(exc)) from None
    found = orgs.get(canonical)
    if found is None:
        raise NotFound(i18n.msg("monitoring.unknown_unit", code=canonical))
    return found


def branch_of(orgs: dict[str, OrgInfo], code: str) -> OrgInfo | None:
    """The 分行 that ``code`` lies in (itself when it is one); ``None`` for the head office and its
    departments."""
    current = orgs.get(code)
    while current is not None:
        if current.type == BRANCH_TYPE:
            return current
        current = orgs.get(current.parent_code) if current.parent_code else None
    return None


def bank_unit(orgs: dict[str, OrgInfo]) -> OrgInfo | None:
    """The head office (总行), the unit the bank's figures are filed under (``000000``)."""
    roots = [o for o in orgs.values() if o.type == BANK_TYPE]
    return min(roots, key=lambda o: o.path.count("/")) if roots else None


def require_head_office(actor: Actor, action: str, orgs: dict[str, OrgInfo]) -> None:
    """Refuse unless ``actor`` may write for the whole bank (no org scope, or the head office's)."""
    bank = bank_unit(orgs)
    require(actor, action, org_path=bank.path if bank else "/", org_code=bank.code if bank else None)


def finalised(session: Session, period: str) -> MonitoringQuarter | None:
    """The finalisation record of ``period`` (``None`` while the quarter is open)."""
    return session.scalar(select(MonitoringQuarter).where(MonitoringQuarter.period == period))


def refuse_if_finalised(session: Session, period: str) -> None:
    """Raise :class:`InputRefused` when ``period`` is finalised."""
    record = finalised(session, period)
    if record is not None:
        raise InputRefused(finalised_message(record))


def finalised_message(record: MonitoringQuarter) -> str:
    """``2007Q4已定稿（…）…`` for a finalised quarter."""
    return i18n.msg("monitoring.finalised", period=record.period, when=record.finalised_at.isoformat(sep=" "),
                    who=record.finalised_by)


def due_days(session: Session) -> DueDays:
    """The office's due days per action type (settings ``corrective_days`` / ``preventive_days``)."""
    settings = load_settings(session)
    return DueDays(int(settings["corrective_days"]), int(settings["preventive_days"]))
