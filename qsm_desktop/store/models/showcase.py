"""Showcase units (示范窗口单位): award cycles, applications, reviewers, score sheets, decisions,
awards, titles won outside, the certificate print log and the office's check-value secret.

DESIGN.md §3.5 (申报表), §3.7 (现场评分表), §5 (awards), issue 4. Scores are ``Numeric`` (exact
decimals: 13.5 stays 13.5 on every dialect). What people edit carries a ``version`` column
(DESIGN §6): cycles, applications, reviewers, score sheets, awards and outside titles.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, SourceMixin, VersionedMixin

SCORE = Numeric(10, 3)
"""Points and scores: up to 9,999,999.999 (a 1,000-point CBSS1000 sheet fits; half points exact)."""


class ShowcaseCycle(VersionedMixin, Base):
    """An award cycle (评选周期): year × level (分行级 / 总行级 / 全国级).

    ``title`` the official award title (称号) and ``announced_on`` its announcement date, kept
    apart from ``year`` (the association's titles and dates do not always match the year of the
    work); ``window_start``/``window_end`` the application window (inclusive dates); ``quota``
    (名额, ``None`` until set); ``sheet`` the score sheet as ``ScoreSheetTemplate.to_mapping()``
    (modules → items with points); ``required_attachments`` names of the documents an
    application must carry; ``number_pattern`` the certificate-number pattern; ``issuing_body``
    (发证单位) printed on certificates; ``reinspection_years`` after which an award is due for
    re-inspection (复查).
    """

    __tablename__ = "showcase_cycles"
    __table_args__ = (UniqueConstraint("year", "level", name="uq_showcase_cycles_year_level"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    level: Mapped[str] = mapped_column(String(10), nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    announced_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    window_start: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    window_end: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    quota: Mapped[int | None] = mapped_column(Integer, nullable=True)
    sheet: Mapped[dict] = mapped_column(JSON, nullable=False)
    required_attachments: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    number_pattern: Mapped[str] = mapped_column(String(100), nullable=False)
    issuing_body: Mapped[str] = mapped_column(String(100), nullable=False)
    reinspection_years: Mapped[int] = mapped_column(Integer, nullable=False, default=2)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)


class ShowcaseReviewer(VersionedMixin, Base):
    """A reviewer (评审专家) with the org unit they work in (conflicts of interest, DESIGN §5)."""

    __tablename__ = "showcase_reviewers"
    __table_args__ = (UniqueConstraint("name", "org_unit_id", name="uq_showcase_reviewers_name_org"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), nullable=False)
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), nullable=False, index=True)


class ShowcasePanelMember(Base):
    """A reviewer on a cycle's panel (评审组成员)."""

    __tablename__ = "showcase_panel"
    __table_args__ = (UniqueConstraint("cycle_id", "reviewer_id", name="uq_showcase_panel_cycle_reviewer"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("showcase_cycles.id", ondelete="CASCADE"), nullable=False,
                                          index=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("showcase_reviewers.id", ondelete="CASCADE"), nullable=False)


class ShowcaseApplication(VersionedMixin, SourceMixin, Base):
    """An application (申报) of an outlet for a cycle.

    ``status`` per ``domain.showcase.ApplicationStatus`` (草稿 … 已授予 / 未通过 / 已撤回);
    ``branch_id`` the outlet's branch (分行) for filters; ``form`` the application form's fields
    (DESIGN §3.5 labels, e.g. ``{"网点负责人": "…", "在岗员工数": 9}``); ``self_scores`` the
    form's 自评得分 by item code; ``nominated_from_id`` the lower-level application this one was
    recommended from (推荐上报).
    """

    __tablename__ = "showcase_applications"
    __table_args__ = (UniqueConstraint("cycle_id", "outlet_id", name="uq_showcase_applications_cycle_outlet"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("showcase_cycles.id"), nullable=False, index=True)
    outlet_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), nullable=False, index=True)
    branch_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id"), nullable=True, index=True)
    status: Mapped[str] = mapped_column(String(10), nullable=False, index=True)
    unit_name: Mapped[str] = mapped_column(String(200), nullable=False)
    form: Mapped[dict] = mapped_column(JSON, nullable=False, default=dict)
    self_scores: Mapped[dict] = mapped_column(JSON, nullable=False, default=dict)
    nominated_from_id: Mapped[int | None] = mapped_column(ForeignKey("showcase_applications.id"), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)


class ShowcaseAttachment(Base):
    """A document attached to an application (附件), kept in the database with its SHA-256."""

    __tablename__ = "showcase_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("showcase_applications.id", ondelete="CASCADE"),
                                                nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    kind: Mapped[str | None] = mapped_column(String(100), nullable=True)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    data: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    added_by: Mapped[str] = mapped_column(String(100), nullable=False)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)


class ShowcaseScoreSheet(VersionedMixin, SourceMixin, Base):
    """A reviewer's on-site score sheet (现场评分表) for one application.

    ``total`` the sum of the item scores; ``excluded`` true when the reviewer is conflicted
    (回避: same branch subtree as the outlet — derived when the sheet is saved, kept and shown,
    not counted); ``complete`` every item scored; ``warnings`` deductions without a reason.
    """

    __tablename__ = "showcase_score_sheets"
    __table_args__ = (
        UniqueConstraint("application_id", "reviewer_id", name="uq_showcase_score_sheets_application_reviewer"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("showcase_applications.id", ondelete="CASCADE"),
                                                nullable=False, index=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("showcase_reviewers.id"), nullable=False, index=True)
    scored_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    total: Mapped[Decimal] = mapped_column(SCORE, nullable=False)
    excluded: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    complete: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    warnings: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class ShowcaseSheetItem(Base):
    """One scored item of a score sheet: 评价项目 (code, name), 分值, 得分 and 扣分原因."""

    __tablename__ = "showcase_sheet_items"
    __table_args__ = (UniqueConstraint("sheet_id", "item_code", name="uq_showcase_sheet_items_sheet_item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sheet_id: Mapped[int] = mapped_column(ForeignKey("showcase_score_sheets.id", ondelete="CASCADE"), nullable=False,
                                          index=True)
    item_code: Mapped[str] = mapped_column(String(20), nullable=False)
    item_name: Mapped[str] = mapped_column(String(200), nullable=False)
    points: Mapped[Decimal] = mapped_column(SCORE, nullable=False)
    score: Mapped[Decimal] = mapped_column(SCORE, nullable=False)
    reason: Mapped[str | None] = mapped_column(String(500), nullable=True)
    source_cell: Mapped[str | None] = mapped_column(String(20), nullable=True)


class ShowcaseDecision(Base):
    """The committee's award decision for a cycle (评审委员会决定): date, meeting reference
    (会议纪要文号), quota, and the places it named itself at a tie on the quota line."""

    __tablename__ = "showcase_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("showcase_cycles.id"), nullable=False, index=True)
    decided_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    meeting_ref: Mapped[str | None] = mapped_column(String(100), nullable=True)
    quota: Mapped[int] = mapped_column(Integer, nullable=False)
    committee_choice: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    decided_by: Mapped[str] = mapped_column(String(100), nullable=False)
    decided_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)


class ShowcaseAward(VersionedMixin, Base):
    """An award (授予) with its certificate number (证书编号), unique and never reused.

    ``seq`` the sequence within ``year`` × ``level``; a revoked award (摘牌) keeps its number with
    ``revoked_on`` and ``revoke_reason``; ``reinspection_due`` the date of the next re-inspection
    (复查).
    """

    __tablename__ = "showcase_awards"
    __table_args__ = (UniqueConstraint("year", "level", "seq", name="uq_showcase_awards_year_level_seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(100), unique=True, nullable=False)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    level: Mapped[str] = mapped_column(String(10), nullable=False)
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    application_id: Mapped[int] = mapped_column(ForeignKey("showcase_applications.id"), nullable=False, unique=True)
    outlet_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), nullable=False, index=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("showcase_decisions.id"), nullable=False)
    awarded_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    final_score: Mapped[Decimal | None] = mapped_column(SCORE, nullable=True)
    revoked_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    revoke_reason: Mapped[str | None] = mapped_column(String(500), nullable=True)
    reinspection_due: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class ShowcaseOutsideTitle(VersionedMixin, Base):
    """A title won outside the bank's own assessment (外部称号), e.g. the industry association's
    全国级 showcase unit: the official name and date as announced, the level it counts as."""

    __tablename__ = "showcase_outside_titles"

    id: Mapped[int] = mapped_column(primary_key=True)
    outlet_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), nullable=False, index=True)
    level: Mapped[str] = mapped_column(String(10), nullable=False)
    official_name: Mapped[str] = mapped_column(String(200), nullable=False)
    awarded_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    awarded_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    application_id: Mapped[int | None] = mapped_column(ForeignKey("showcase_applications.id"), nullable=True)
    revoked_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)


class ShowcasePrint(Base):
    """One print of a certificate (打印记录): every print and reprint is logged."""

    __tablename__ = "showcase_prints"

    id: Mapped[int] = mapped_column(primary_key=True)
    award_id: Mapped[int] = mapped_column(ForeignKey("showcase_awards.id"), nullable=False, index=True)
    printed_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    printed_by: Mapped[str] = mapped_column(String(100), nullable=False)
    reprint: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    mode: Mapped[str] = mapped_column(String(20), nullable=False)
    target: Mapped[str | None] = mapped_column(String(500), nullable=True)


class ShowcaseSecret(Base):
    """The office's secret for certificate check values (校验码密钥), created once per database."""

    __tablename__ = "showcase_secret"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
