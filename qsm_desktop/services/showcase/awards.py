"""Ranking and awards (排名与授予) — DESIGN.md §5.

The ranking (final scores, competition ranks, the quota line with ties shown, outlier flags);
the award decision (refused on a tie at the quota line unless the committee names the places;
decision date and meeting reference; certificate numbers from the cycle's pattern with a sequence
per year × level, never reused); revocation (摘牌) keeping the number; re-inspection due dates;
titles held per branch and bank-wide against the plan's national target.

- :func:`award_infos` — awards as :class:`~.results.AwardInfo` (shared with applications and
  certificates); :func:`award_by_number` / :func:`canonical_number` — a certificate number as
  typed or printed, to the register's record;
- :class:`AwardService` — the window's and the CLI's ranking and award use cases.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from qsm_desktop.domain.errors import InputRefused, NotFound
from qsm_desktop.domain.i18n import msg
from qsm_desktop.domain.showcase import (
    DEFAULT_NUMBER_PATTERN,
    ApplicationAction,
    ApplicationStatus,
    AwardLevel,
    CertificateNumberParts,
    CertificateNumberPattern,
    DeclarationCheck,
    QuotaLine,
    award_decision,
    default_decision_date,
    next_sequence,
    quota_line,
    rank_competition,
    transition,
)
from qsm_desktop.services.audit import audit
from qsm_desktop.services.context import Actor, in_scope, require
from qsm_desktop.services.permissions import require_rule
from qsm_desktop.services.showcase.common import add_years, check_version, cycle_of, level_of, now, refuse_reviewer
from qsm_desktop.services.showcase.declarations import declaration_checks_in
from qsm_desktop.services.showcase.results import AwardCounts, AwardInfo, BranchCount, RankedApplication, Ranking
from qsm_desktop.services.showcase.review import CycleData, load_cycle
from qsm_desktop.store import showcase as store
from qsm_desktop.store.models import OrgUnit, PlanTarget
from qsm_desktop.store.models.showcase import (
    ShowcaseAward,
    ShowcaseCycle,
    ShowcaseDecision,
    ShowcaseOutsideTitle,
    ShowcasePrint,
)

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services

__all__ = ["AwardService", "award_by_number", "award_conditions", "award_infos", "canonical_number", "number_of_parts",
           "ranking_of"]


def award_infos(session: Session, *conditions: Any) -> list[AwardInfo]:
    """The awards matching ``conditions`` (SQLAlchemy clauses over ``ShowcaseAward`` and the
    outlet's ``OrgUnit``) by year, level and sequence, each with its outlet, branch, the decision's
    meeting reference and how often it was printed."""
    prints = dict(session.execute(select(ShowcasePrint.award_id, func.count()).group_by(ShowcasePrint.award_id)).all())
    rows = session.execute(
        select(ShowcaseAward, OrgUnit, ShowcaseDecision.meeting_ref)
        .join(OrgUnit, OrgUnit.id == ShowcaseAward.outlet_id)
        .join(ShowcaseDecision, ShowcaseDecision.id == ShowcaseAward.decision_id)
        .where(*conditions).order_by(ShowcaseAward.year, ShowcaseAward.level, ShowcaseAward.seq)).all()
    branches = store.branch_map(session) if rows else {}
    return [AwardInfo(id=a.id, number=a.number, year=a.year, level=a.level, seq=a.seq, outlet_code=o.code,
                      outlet_name=o.name, branch_code=branches.get(o.code), awarded_on=a.awarded_on,
                      final_score=a.final_score, revoked_on=a.revoked_on, revoke_reason=a.revoke_reason,
                      reinspection_due=a.reinspection_due, meeting_ref=m, prints=prints.get(a.id, 0),
                      version=a.version)
            for a, o, m in rows]


def award_conditions(*, year: int | None = None, level: AwardLevel | str | None = None, branch: str | None = None,
                     include_revoked: bool = True) -> list[Any]:
    """The :func:`award_infos` conditions of the register's filters: year, level, branch code
    (the outlet's subtree) and whether revoked awards are listed."""
    conditions = []
    if year is not None:
        conditions.append(ShowcaseAward.year == int(year))
    if level:
        conditions.append(ShowcaseAward.level == level_of(level).value)
    if branch:
        conditions.append(OrgUnit.path.like(f"%/{branch}/%"))
    if not include_revoked:
        conditions.append(ShowcaseAward.revoked_on.is_(None))
    return conditions


def canonical_number(session: Session, number: str) -> str:
    """A certificate number as the register stores it: ``number`` as typed or printed (other
    brackets, full-width digits, spaces) read with each cycle's pattern; unchanged when none fits."""
    text = str(number).strip()
    patterns = {DEFAULT_NUMBER_PATTERN, *session.scalars(select(ShowcaseCycle.number_pattern).distinct())}
    for pattern in patterns:
        try:
            return CertificateNumberPattern(pattern).canonical(text)
        except InputRefused:
            continue
    return text


def number_of_parts(session: Session, parts: CertificateNumberParts) -> str:
    """The certificate number of year × level × sequence (a QR code's ``parts``): the issued
    award's number when there is one, else the number the cycle's pattern (the default pattern
    when there is no cycle) gives them — a number never issued, for the verify message."""
    number = session.scalar(select(ShowcaseAward.number).where(
        ShowcaseAward.year == parts.year, ShowcaseAward.level == parts.level.value, ShowcaseAward.seq == parts.seq))
    if number is not None:
        return number
    cycle = store.find_cycle(session, parts.year, parts.level)
    pattern = cycle.number_pattern if cycle is not None and cycle.number_pattern else DEFAULT_NUMBER_PATTERN
    return CertificateNumberPattern(pattern).format(parts.year, parts.level, parts.seq)


def award_by_number(session: Session, number: str) -> ShowcaseAward:
    """The award of certificate ``number`` (as typed); :class:`NotFound` when none was issued."""
    award = session.scalar(select(ShowcaseAward).where(ShowcaseAward.number == canonical_number(session, number)))
    if award is None:
        raise NotFound(msg("sc.award.unknown", number=number))
    return award


def ranking_of(data: CycleData, quota: int | None, decision: ShowcaseDecision | None,
               checks: Mapping[int, tuple[DeclarationCheck, ...]] | None = None) -> Ranking:
    """The ranking of a loaded cycle: competition ranks on the published final scores (withdrawn
    applications left out), where each stands against the ``quota`` line, the tie at the line;
    ``checks`` (application id → declared figures against the registers) go on the entries."""
    apps = [a for a in data.apps if a.status != ApplicationStatus.WITHDRAWN.value]
    ranked = rank_competition([(a.id, data.results[a.id].final) for a in apps])
    line: QuotaLine | None = quota_line(ranked, quota) if quota is not None else None
    where: dict[int, str] = {}
    if line is not None:
        for name in ("within", "tied", "outside", "unscored"):
            for e in getattr(line, name):
                where[e.key] = name
    by_id = {a.id: a for a in apps}
    entries = []
    for e in ranked:
        a = by_id[e.key]
        result = data.results[a.id]
        outlet = data.outlets[a.outlet_id]
        flagged = tuple(f.reviewer for f in data.outliers if f.application == outlet.code)
        entries.append(RankedApplication(
            application_id=a.id, org=outlet.code, name=a.unit_name or outlet.name,
            branch=data.branches.get(outlet.code), final=result.final, exact=result.exact,
            valid_sheets=result.valid_sheets, excluded_sheets=len(result.excluded), rank=e.rank,
            trimmed=result.trimmed, line=where.get(a.id, "unscored" if e.rank is None else ""), status=a.status,
            outliers=flagged, declarations=(checks or {}).get(a.id, ())))
    return Ranking(year=data.cycle.year, level=data.cycle.level, cycle_id=data.cycle.id, quota=quota,
                   entries=tuple(entries), tied=tuple(e.key for e in line.tied) if line else (),
                   seats=line.seats if line else 0, outliers=data.outliers,
                   decided_on=decision.decided_on if decision else None)


class AwardService:
    """The ranking, award decisions and the awards register for the window and the CLI (part of
    ``services.showcase``)."""

    def __init__(self, services: Services):
        self._services = services

    def rank(self, actor: Actor, year: int, level: AwardLevel | str, *, quota: int | None = None) -> Ranking:
        """The cycle's ranking (排名, DESIGN §5): final scores (mean of the valid sheets; trimmed
        mean from 5), competition ranks on the published score, the quota line (``quota`` or the
        cycle's) with a tie at the line shown, outlier flags. Withdrawn applications are left out.
        A branch secretary sees her own outlets' places; a reviewer is refused (she reads only the
        applications assigned to her, DESIGN §6; ``sc.action.rank``)."""
        refuse_reviewer(actor, "sc.action.rank")
        with self._services.read() as session:
            cycle = cycle_of(session, year, level)
            data = load_cycle(session, cycle)
            decision = session.scalar(select(ShowcaseDecision).where(ShowcaseDecision.cycle_id == cycle.id)
                                      .order_by(ShowcaseDecision.id.desc()).limit(1))
            paths = dict(session.execute(select(OrgUnit.code, OrgUnit.path)).all()) if actor.org_scope else {}
            checks = declaration_checks_in(session, data.apps)
        ranking = ranking_of(data, quota if quota is not None else cycle.quota, decision, checks)
        if actor.org_scope:
            # a branch sees where her own outlets stand (ranks as computed over the cycle), not the others
            entries = tuple(e for e in ranking.entries if in_scope(actor, paths.get(e.org)))
            shown = {e.application_id for e in entries}
            ranking = replace(ranking, entries=entries, tied=tuple(i for i in ranking.tied if i in shown),
                              outliers=tuple(o for o in ranking.outliers if o.application in shown))
        return ranking

    def award(self, actor: Actor, year: int, level: AwardLevel | str, quota: int, *,
              decided_on: dt.date | None = None, meeting_ref: str | None = None,
              committee_choice: Collection[str] | None = None) -> list[AwardInfo]:
        """Award the top ``quota`` of the cycle (授予决定, DESIGN §5).

        Refused (:class:`QuotaTieRefused`, naming the tied applications) when the quota line falls
        inside a tie — unless ``committee_choice`` names (by outlet code) exactly the places left,
        recorded as the committee's decision. Records the decision (``decided_on``, default
        ``domain.showcase.default_decision_date``: today, or 31 December of an older cycle's year;
        ``meeting_ref`` 会议纪要文号), numbers each award from the cycle's pattern with the next
        sequence of its year × level (never reusing a number, revoked ones included), sets the
        re-inspection due date, marks the winners 已授予 and the other scored applications 未通过.
        A cycle is decided once."""
        require_rule(actor, "sc.action.award")
        level = level_of(level)
        decided_on = decided_on or default_decision_date(year, dt.date.today())
        with self._services.unit_of_work() as session:
            cycle = cycle_of(session, year, level)
            previous = session.scalar(select(ShowcaseDecision).where(ShowcaseDecision.cycle_id == cycle.id).limit(1))
            if previous is not None:
                n = session.scalar(select(func.count()).select_from(ShowcaseAward)
                                   .where(ShowcaseAward.decision_id == previous.id))
                raise InputRefused(msg("sc.award.decided", year=cycle.year, level=cycle.level,
                                       date=previous.decided_on.isoformat(), n=n))
            data = load_cycle(session, cycle)
            apps = [a for a in data.apps if a.status != ApplicationStatus.WITHDRAWN.value]
            ranked = rank_competition([(a.id, data.results[a.id].final) for a in apps])
            if not any(e.rank is not None for e in ranked):
                raise InputRefused(msg("sc.award.none_scored", year=cycle.year, level=cycle.level))
            by_id = {a.id: a for a in apps}
            code_of = {a.id: data.outlets[a.outlet_id].code for a in apps}
            chosen = None
            if committee_choice is not None:
                wanted = {str(c).strip() for c in committee_choice}
                chosen = {a_id for a_id, code in code_of.items() if code in wanted}
                if len(chosen) != len(wanted):
                    chosen |= {-1}  # an unknown code: let the domain refuse the choice
            winners = award_decision(ranked, quota, committee_choice=chosen,
                                     label=lambda k: f"{code_of.get(k, k)} {by_id[k].unit_name}" if k in by_id else str(k))
            decision = ShowcaseDecision(cycle_id=cycle.id, decided_on=decided_on, meeting_ref=meeting_ref or None,
                                        quota=quota, committee_choice=sorted(code_of[k] for k in chosen or () if k in code_of),
                                        decided_by=actor.login, decided_at=now())
            session.add(decision)
            cycle.quota = quota
            session.flush()
            pattern = CertificateNumberPattern(cycle.number_pattern)
            issued = session.scalars(select(ShowcaseAward.seq).where(ShowcaseAward.year == cycle.year,
                                                                     ShowcaseAward.level == cycle.level)).all()
            seq = next_sequence(issued)
            taken = set(session.scalars(select(ShowcaseAward.number)))
            finals = {e.key: e.score for e in ranked}
            created = []
            for app_id in winners:
                number = pattern.format(cycle.year, cycle.level, seq)
                while number in taken:
                    seq += 1
                    number = pattern.format(cycle.year, cycle.level, seq)
                app = by_id[app_id]
                award = ShowcaseAward(number=number, year=cycle.year, level=cycle.level, seq=seq, application_id=app.id,
                                      outlet_id=app.outlet_id, decision_id=decision.id, awarded_on=decided_on,
                                      final_score=finals.get(app_id),
                                      reinspection_due=add_years(decided_on, cycle.reinspection_years))
                session.add(award)
                taken.add(number)
                seq += 1
                app.status = ApplicationStatus.AWARDED.value
                created.append(award)
            for app in apps:
                if app.id not in winners and app.status == ApplicationStatus.UNDER_REVIEW.value:
                    app.status = transition(app.status, ApplicationAction.REJECT).value
            session.flush()
            audit(session, actor, "showcase_decision", decision.id, "award", None,
                  {"year": cycle.year, "level": cycle.level, "quota": quota, "decided_on": decided_on,
                   "meeting_ref": meeting_ref, "committee_choice": decision.committee_choice,
                   "awarded": [a.number for a in created]})
            return award_infos(session, ShowcaseAward.decision_id == decision.id)

    def awards(self, actor: Actor, *, year: int | None = None, level: AwardLevel | str | None = None,
               branch: str | None = None, include_revoked: bool = True) -> list[AwardInfo]:
        """The awards register (称号登记簿), by year, level and sequence."""
        require(actor, msg("sc.action.read"), write=False)
        conditions = award_conditions(year=year, level=level, branch=branch, include_revoked=include_revoked)
        with self._services.read() as session:
            return award_infos(session, *conditions)

    def revoke(self, actor: Actor, number: str, reason: str, revoked_on: dt.date | None = None,
               version: int | None = None) -> AwardInfo:
        """Revoke an award (摘牌) with a reason and date; the number stays taken for ever."""
        require_rule(actor, "sc.action.award")
        if not str(reason or "").strip():
            raise InputRefused(msg("sc.award.reason"))
        revoked_on = revoked_on or dt.date.today()
        with self._services.unit_of_work() as session:
            award = award_by_number(session, number)
            if award.revoked_on is not None:
                raise InputRefused(msg("sc.award.already_revoked", number=award.number, date=award.revoked_on))
            if revoked_on < award.awarded_on:
                raise InputRefused(msg("sc.award.revoke_date", date=revoked_on, awarded=award.awarded_on))
            check_version(award, version)
            award.revoked_on, award.revoke_reason = revoked_on, reason.strip()
            session.flush()
            audit(session, actor, "showcase_award", award.id, "revoke", {"revoked_on": None},
                  {"number": award.number, "revoked_on": revoked_on, "reason": award.revoke_reason})
            return award_infos(session, ShowcaseAward.id == award.id)[0]

    def set_reinspection(self, actor: Actor, number: str, due: dt.date, version: int | None = None) -> AwardInfo:
        """Set the next re-inspection (复查) due date of an award."""
        require_rule(actor, "sc.action.award")
        with self._services.unit_of_work() as session:
            award = award_by_number(session, number)
            check_version(award, version)
            before = award.reinspection_due
            award.reinspection_due = due
            session.flush()
            audit(session, actor, "showcase_award", award.id, "reinspection", {"due": before}, {"due": due})
            return award_infos(session, ShowcaseAward.id == award.id)[0]

    def reinspections_due(self, actor: Actor, by: dt.date) -> list[AwardInfo]:
        """Awards not revoked whose re-inspection is due on or before ``by`` (复查到期)."""
        require(actor, msg("sc.action.read"), write=False)
        with self._services.read() as session:
            return award_infos(session, ShowcaseAward.revoked_on.is_(None), ShowcaseAward.reinspection_due <= by)

    def awards_held(self, actor: Actor, unit_code: str, as_of: dt.date,
                    levels: Sequence[str] = (AwardLevel.NATIONAL.value, AwardLevel.HEAD_OFFICE.value)) -> int:
        """Titles of ``levels`` held on ``as_of`` by outlets of ``unit_code``'s subtree (D01 of the
        evaluation; the plan's national target): the bank's awards awarded by then and not revoked
        by then, plus titles won outside likewise."""
        require(actor, msg("sc.action.read"), write=False)
        levels = [level_of(lv).value for lv in levels]
        subtree = f"%/{unit_code}/%"
        with self._services.read() as session:
            own = session.scalar(
                select(func.count()).select_from(ShowcaseAward).join(OrgUnit, OrgUnit.id == ShowcaseAward.outlet_id)
                .where(OrgUnit.path.like(subtree), ShowcaseAward.level.in_(levels), ShowcaseAward.awarded_on <= as_of,
                       or_(ShowcaseAward.revoked_on.is_(None), ShowcaseAward.revoked_on > as_of))) or 0
            outside = session.scalar(
                select(func.count()).select_from(ShowcaseOutsideTitle)
                .join(OrgUnit, OrgUnit.id == ShowcaseOutsideTitle.outlet_id)
                .where(OrgUnit.path.like(subtree), ShowcaseOutsideTitle.level.in_(levels),
                       ShowcaseOutsideTitle.awarded_on <= as_of,
                       or_(ShowcaseOutsideTitle.revoked_on.is_(None), ShowcaseOutsideTitle.revoked_on > as_of))) or 0
        return int(own) + int(outside)

    def counts(self, actor: Actor, as_of: dt.date) -> AwardCounts:
        """Titles held on ``as_of`` per branch and bank-wide, per level, with the plan's national
        target for ``as_of``'s year (全国级示范窗口: 40 in 2007, 60 by 2009)."""
        require(actor, msg("sc.action.read"), write=False)
        with self._services.read() as session:
            branches = session.execute(select(OrgUnit.code, OrgUnit.name).where(OrgUnit.type == "分行")
                                       .order_by(OrgUnit.code)).all()
            branch_of = store.branch_map(session)
            held: list[tuple[str, str]] = []
            for model in (ShowcaseAward, ShowcaseOutsideTitle):
                held += session.execute(
                    select(OrgUnit.code, model.level).join(OrgUnit, OrgUnit.id == model.outlet_id)
                    .where(model.awarded_on <= as_of, or_(model.revoked_on.is_(None), model.revoked_on > as_of))).all()
            target = session.scalar(select(PlanTarget.value).where(PlanTarget.metric == "national_showcase_units",
                                                                   PlanTarget.year == as_of.year))
        per_branch: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        bank: dict[str, int] = {lv.value: 0 for lv in AwardLevel}
        for code, level in held:
            bank[level] = bank.get(level, 0) + 1
            branch = branch_of.get(code)
            if branch:
                per_branch[branch][level] += 1
        rows = tuple(BranchCount(code, name, {lv.value: per_branch[code].get(lv.value, 0) for lv in AwardLevel})
                     for code, name in branches)
        return AwardCounts(as_of=as_of, branches=rows, bank=bank, national_target=target)
