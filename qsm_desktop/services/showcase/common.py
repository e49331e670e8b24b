"""What every part of the showcase service shares (示范窗口公共部分): the messages people see, the
award level parser, the clock, the optimistic-lock check and the look-ups by id or code that refuse
in words (DESIGN.md §5, §6).

The per-concern modules import from here and share session-level functions in one direction
only: :mod:`.cycles` → :mod:`.review` → :mod:`.awards` → :mod:`.applications` →
:mod:`.certificates`, and :mod:`.imports` (the return handlers) on top. A service class never
calls another concern's service class; the facade :class:`~qsm_desktop.services.showcase.ShowcaseService`
composes them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, false, or_, select
from sqlalchemy.orm import Session

from qsm_desktop.domain.audit_labels import table_label
from qsm_desktop.domain.errors import ConflictError, InputRefused, NotFound, PermissionDenied
from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.domain.showcase import AwardLevel
from qsm_desktop.services.context import ROLE_NAMES_ZH, Actor, Role, check_version, require
from qsm_desktop.store import showcase as store
from qsm_desktop.store.models import Account, OrgUnit
from qsm_desktop.store.models.showcase import ShowcaseApplication, ShowcaseCycle, ShowcasePanelMember, ShowcaseReviewer

__all__ = ["ImportSource", "OwnReviewer", "add_years", "application_by_id", "assigned_condition", "check_current_version",
           "check_version", "cycle_of", "level_of", "now", "own_reviewer", "require_application_visible",
           "refuse_reviewer", "require_outlet_in_scope", "unit_by_code"]

register({
    "sc.action.read": ("查看示范窗口数据", "view showcase data"),
    "sc.action.cycle": ("修改评选周期", "change an award cycle"),
    "sc.action.apply": ("处理示范窗口申报", "handle showcase applications"),
    "sc.action.score": ("录入评分表", "enter score sheets"),
    "sc.action.award": ("授予示范窗口称号", "award showcase titles"),
    "sc.action.rank": ("查看评选排名和评审进度", "see the ranking and the review progress"),
    "sc.app.not_assigned": ("{code} 的申报没有分配给您评审（评审专家只评审所在评审组的申报）。",
                            "The application of {code} is not assigned to you (a reviewer scores the applications "
                            "of the panels she sits on)."),
    "sc.app.own_branch": ("{code} 属于您所在的分行 {branch}：评审专家从不评审本分行的申报（回避）。",
                          "{code} lies in your own branch {branch}: a reviewer never reviews an application of "
                          "her own branch (conflict of interest)."),
    "sc.reviewer.no_record": ("您（{login}）还不是登记的评审专家（姓名“{name}”，机构 {org}）：请总行秘书把您加入评审组。",
                              "You ({login}) are not a registered reviewer yet (name '{name}', unit {org}): ask the "
                              "head-office secretary to put you on a panel."),
    "sc.reviewer.own_only": ("评审专家只能录入本人的评分表（{name}，{org}）。",
                             "A reviewer enters only her own score sheets ({name}, {org})."),
    "sc.reviewer.no_org": ("评审专家账号 {login} 没有所在机构：请管理员为账号填写机构代码。",
                           "The reviewer login {login} has no org unit: ask an administrator to set its org code."),
    "sc.action.print": ("打印荣誉证书", "print certificates"),
    "sc.cycle.unknown": ("没有{year}年{level}的评选周期：请先导入该年度该级别的申报表，或新建周期。",
                         "There is no {year} {level} award cycle: import an application for it first, or create it."),
    "sc.cycle.exists": ("{year}年{level}的评选周期已存在。", "The {year} {level} award cycle already exists."),
    "sc.cycle.scoring_started": ("{year}年{level}已开始评分（已有 {n} 份评分表），评分表不能再修改。",
                                 "Scoring of the {year} {level} award cycle has started ({n} score sheets); the sheet can no longer "
                                 "change."),
    "sc.cycle.bad_field": ("评选周期没有“{field}”这一项。", "An award cycle has no setting '{field}'."),
    "sc.cycle.bad_window": ("申报开始日期 {start} 晚于截止日期 {end}。", "The window opens ({start}) after it closes ({end})."),
    "sc.cycle.bad_quota": ("名额 {quota} 无效：应为 0 或正整数。", "Quota {quota} is invalid: use 0 or a positive whole number."),
    "sc.app.unknown": ("申报 {id} 不存在。", "Application {id} does not exist."),
    "sc.app.exists": ("{code} 已申报 {year} 年{level}（状态“{status}”）。",
                      "{code} has already applied in the {year} {level} award cycle (status '{status}')."),
    "sc.app.not_outlet_svc": ("{code}（{name}）是{type}：示范窗口由网点申报。",
                              "{code} ({name}) is a {type}: showcase units are outlets."),
    "sc.org.unknown": ("机构代码 {code} 不存在。请先导入机构清单，或检查代码。",
                       "Org code {code} does not exist. Import the org list first, or check the code."),
    "sc.attach.too_big": ("附件“{name}”有 {size:.1f} MB，超过 {limit} MB 上限：请压缩或拆分后再添加。",
                          "Attachment '{name}' is {size:.1f} MB, over the {limit} MB limit; compress or split it."),
    "sc.attach.empty": ("附件“{name}”是空文件。", "Attachment '{name}' is empty."),
    "sc.attach.unknown": ("附件 {id} 不存在。", "Attachment {id} does not exist."),
    "sc.sheet.refused": ("评分表未保存：\n{problems}", "The score sheet was not saved:\n{problems}"),
    "sc.sheet.not_open": ("{code} 的申报是“{status}”，不能再录入评分。",
                          "The application of {code} is '{status}'; no more scores can be entered."),
    "sc.reviewer.unknown": ("评审专家 {id} 不存在。", "Reviewer {id} does not exist."),
    "sc.reviewer.blank": ("请填写评审专家姓名。", "Enter the reviewer's name."),
    "sc.award.decided": ("{year}年{level}已于 {date} 作出授予决定（{n} 个），不能再次授予。",
                         "The {year} {level} award cycle was already decided on {date} ({n} awarded); it cannot be "
                         "awarded again."),
    "sc.award.none_scored": ("{year}年{level}没有任何有效评分的申报，无法授予。",
                             "No application of the {year} {level} award cycle has a valid score; nothing can be awarded."),
    "sc.award.unknown": ("证书编号“{number}”不存在。", "Certificate number '{number}' does not exist."),
    "sc.award.already_revoked": ("证书“{number}”已于 {date} 摘牌。", "Certificate '{number}' was already revoked on {date}."),
    "sc.award.reason": ("摘牌须写明原因。", "A revocation needs a reason."),
    "sc.award.revoke_date": ("摘牌日期 {date} 早于授予日期 {awarded}。",
                             "The revocation date {date} is before the award date {awarded}."),
    "sc.cert.none": ("{year}年{level}没有可打印的有效证书（请先授予）。",
                     "The {year} {level} award cycle has no valid awards to print (award first)."),
    "sc.verify.valid": ("有效：{number}，{unit}，{year}年{level}，{date} 授予。",
                        "Valid: {number}, {unit}, {year} {level} showcase title, awarded {date}."),
    "sc.verify.revoked": ("已摘牌：{number}，{unit}，{date} 摘牌（{reason}）。",
                          "Revoked: {number}, {unit}, revoked {date} ({reason})."),
    "sc.verify.unknown": ("未知：本系统没有发出编号为“{number}”的证书。",
                          "Unknown: this office issued no certificate numbered '{number}'."),
    "sc.verify.bad_check": ("未知：二维码校验码与编号“{number}”不符，证书可能被伪造或篡改。",
                            "Unknown: the QR check value does not match number '{number}'; the certificate may be forged."),
    "sc.verify.blank": ("请输入证书编号或扫描二维码内容。", "Enter a certificate number or a scanned QR text."),
    "sc.outside.blank": ("请填写称号的正式名称。", "Enter the title's official name."),
    "sc.register.title": ("示范窗口单位称号登记簿", "Showcase awards register"),
    "sc.status.valid": ("有效", "valid"),
    "sc.status.revoked": ("已摘牌", "revoked"),
})


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` moved ``years`` years on (29 February → 28 February of a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def level_of(level: AwardLevel | str) -> AwardLevel:
    """An award level (评选级别: 分行级 / 总行级 / 全国级, or their English names) as the enum;
    anything else raises :class:`InputRefused` with the domain's sentence."""
    try:
        return AwardLevel.parse(str(level))
    except ValueError as exc:
        raise InputRefused(str(exc)) from None


def now() -> dt.datetime:
    """The current time to the second (timestamps of records the service creates)."""
    return dt.datetime.now().replace(microsecond=0)


def check_current_version(session: Session, model: type, record_id: int | None, version: int | None) -> None:
    """The optimistic lock of a shared write path (DESIGN §6): ``version`` is the version of
    ``model``'s row ``record_id`` the caller saw — the window's copy, or what an import read while
    checking — and ``0`` when the caller saw no row (``record_id`` ``None``); ``None`` skips the
    check. The row's version is read from the database, not from the session's copy, so a change
    committed by someone else since is seen. Raises :class:`ConflictError`."""
    if version is None:
        return
    current = 0
    if record_id is not None:
        current = session.scalar(select(model.version).where(model.id == record_id)) or 0  # type: ignore[attr-defined]
    if current != version:
        raise ConflictError(msg("conflict.stale", entity=table_label(getattr(model, "__tablename__", ""))))


@dataclass(frozen=True)
class ImportSource:
    """Where a write came from when a return brought it (来源): the import ``batch_id``, the
    ``sheet`` name and the import time ``at`` (the batch's timestamp, also on its audit entries).
    ``None`` in its place means the window's form (no batch, stamped now)."""

    batch_id: int
    sheet: str | None
    at: dt.datetime


def cycle_of(session: Session, year: int, level: AwardLevel | str) -> ShowcaseCycle:
    """The award cycle (评选周期) of ``year`` × ``level``; :class:`NotFound` when there is none,
    :class:`InputRefused` for a level that is not one."""
    level = level_of(level)
    cycle = store.find_cycle(session, int(year), level)
    if cycle is None:
        raise NotFound(msg("sc.cycle.unknown", year=year, level=level.value))
    return cycle


def unit_by_code(session: Session, code: str) -> OrgUnit:
    """The org unit (机构) of a 6-digit ``code`` (an outlet, or a reviewer's unit);
    :class:`NotFound` when the register has none."""
    unit = session.scalar(select(OrgUnit).where(OrgUnit.code == str(code).strip()))
    if unit is None:
        raise NotFound(msg("sc.org.unknown", code=code))
    return unit


def application_by_id(session: Session, application_id: int) -> ShowcaseApplication:
    """The application (申报) ``application_id``; :class:`NotFound` when there is none."""
    app = session.get(ShowcaseApplication, application_id)
    if app is None:
        raise NotFound(msg("sc.app.unknown", id=application_id))
    return app


def require_outlet_in_scope(session: Session, actor: Actor, outlet_id: int) -> None:
    """Refuse (:class:`~qsm_desktop.domain.errors.PermissionDenied`, DESIGN §6's scope sentence) a
    branch secretary or scoped viewer reading an application of an outlet outside her scope.
    Reviewers are not narrowed here: :func:`require_application_visible` gives them the
    applications assigned to them (never one of their own branch, DESIGN §5)."""
    if not actor.org_scope or actor.role is Role.REVIEWER:
        return
    outlet = session.execute(select(OrgUnit.code, OrgUnit.path).where(OrgUnit.id == outlet_id)).first()
    require(actor, "", write=False, org_path=outlet.path if outlet else "", org_code=outlet.code if outlet else None)


@dataclass(frozen=True)
class OwnReviewer:
    """A reviewer login's own reviewer record (评审专家): the ``name`` she scores under (her
    account's name, else the login), her unit's ``org_code`` and ``org_id``, her ``branch`` (the
    分行 her unit lies in; ``None`` for head office and its departments), and ``reviewer_id`` — the
    registered reviewer of that name and unit, ``None`` until head office registers her."""

    name: str
    org_code: str
    org_id: int | None
    branch: str | None
    reviewer_id: int | None


def own_reviewer(session: Session, actor: Actor) -> OwnReviewer:
    """The reviewer record of the reviewer login ``actor`` — matched, as the database's policies
    match it (``store/security.py``, ``qsm_reviewer_ids``), by name and org unit: the account's
    name (else the login) and the account's org code. Raises :class:`InputRefused` for a reviewer
    login without an org unit (DESIGN §5 needs it for the conflict of interest)."""
    if not actor.org_scope:
        raise InputRefused(msg("sc.reviewer.no_org", login=actor.login))
    name = (session.scalar(select(Account.name).where(Account.login == actor.login)) or "").strip() or actor.login
    unit = session.execute(select(OrgUnit.id, OrgUnit.path).where(OrgUnit.code == actor.org_scope)).first()
    branch = None
    if unit is not None:
        codes = [c for c in (unit.path or "").split("/") if c]
        branch = session.scalar(select(OrgUnit.code).where(OrgUnit.code.in_(codes), OrgUnit.type == "分行")
                                .order_by(OrgUnit.code).limit(1))
    reviewer_id = None
    if unit is not None:
        reviewer_id = session.scalar(select(ShowcaseReviewer.id).where(ShowcaseReviewer.name == name,
                                                                       ShowcaseReviewer.org_unit_id == unit.id))
    return OwnReviewer(name, actor.org_scope, unit.id if unit is not None else None, branch, reviewer_id)


def refuse_reviewer(actor: Actor, action: str) -> None:
    """Refuse a reviewer a read that speaks of applications not assigned to her (the ranking, the
    panel's progress): DESIGN §6's sentence naming ``msg(action)`` (:class:`PermissionDenied`)."""
    if actor.role is Role.REVIEWER:
        raise PermissionDenied(msg("perm.denied", login=actor.login, role=ROLE_NAMES_ZH[actor.role], action=msg(action)))


def excluded_units(me: OwnReviewer) -> ColumnElement[bool]:
    """Org units whose applications a reviewer never gets (回避, DESIGN §5/§6): her own unit and
    every unit of her branch's subtree — the database's ``qsm_reviewer_excluded_units``."""
    own = OrgUnit.id == me.org_id if me.org_id is not None else false()
    return or_(own, OrgUnit.path.like(f"%/{me.branch}/%")) if me.branch else own


def assigned_condition(session: Session, actor: Actor) -> ColumnElement[bool]:
    """The applications assigned to the reviewer ``actor`` (评审任务) as a condition on
    :class:`ShowcaseApplication`: those of the cycles whose panel she sits on, never one of an
    outlet in her own branch (DESIGN §5/§6; the same rows the database's policy lets her read)."""
    me = own_reviewer(session, actor)
    if me.reviewer_id is None:
        return false()
    cycles = select(ShowcasePanelMember.cycle_id).where(ShowcasePanelMember.reviewer_id == me.reviewer_id)
    return ShowcaseApplication.cycle_id.in_(cycles) & ShowcaseApplication.outlet_id.not_in(
        select(OrgUnit.id).where(excluded_units(me)))


def require_application_visible(session: Session, actor: Actor, app: ShowcaseApplication) -> None:
    """Refuse reading (or scoring) ``app`` outside ``actor``'s view: a reviewer gets only the
    applications assigned to her (:func:`assigned_condition`; an application of her own branch is
    refused with the conflict sentence, ``sc.app.own_branch``, another with ``sc.app.not_assigned``);
    a branch secretary or scoped viewer only her subtree's (:func:`require_outlet_in_scope`).
    Raises :class:`PermissionDenied`."""
    if actor.role is not Role.REVIEWER:
        require_outlet_in_scope(session, actor, app.outlet_id)
        return
    if session.scalar(select(ShowcaseApplication.id).where(ShowcaseApplication.id == app.id,
                                                           assigned_condition(session, actor))) is not None:
        return
    me = own_reviewer(session, actor)
    outlet = session.execute(select(OrgUnit.code, OrgUnit.id).where(OrgUnit.id == app.outlet_id)).first()
    code = outlet.code if outlet is not None else str(app.outlet_id)
    if outlet is not None and session.scalar(select(OrgUnit.id).where(OrgUnit.id == outlet.id, excluded_units(me))):
        raise PermissionDenied(msg("sc.app.own_branch", code=code, branch=me.branch or me.org_code))
    raise PermissionDenied(msg("sc.app.not_assigned", code=code))
