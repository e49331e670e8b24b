"""Showcase units (示范窗口单位): score sheets, conflicts of interest, final scores, ranking within
the quota, the application status machine, the nomination cascade and certificate numbers.

Pure rules only — no Qt, no SQL. The services feed them what the database holds and store what
they return. Source: DESIGN.md §3.5 (application form), §3.7 (on-site score sheet), §5 (awards),
§7 (``qsm showcase rank | award``, ``qsm certificates``); issue 4.

One module per concern; every public name is re-exported here, so
``from qsm_desktop.domain.showcase import X`` works whichever module holds ``X``:

- :mod:`.levels` — award levels (级别);
- :mod:`.applications` — application statuses and actions, the status machine, nomination;
- :mod:`.numbers` — points and scores as ``Decimal``, the published rounding;
- :mod:`.sheets` — score-sheet templates (评分表) and the check of a filled sheet (评分校验);
- :mod:`.conflicts` — conflicts of interest (回避);
- :mod:`.results` — final score (trimmed mean), outlier sheets, an application's result;
- :mod:`.declarations` — an application's declared figures against the registers (申报数据核对);
- :mod:`.ranking` — competition ranking and the quota line (名额线);
- :mod:`.awards` — the award decision and its default date;
- :mod:`.certificates` — certificate numbers, sequences, check values and the QR payload.

Numbers: points and scores are ``decimal.Decimal`` (an Excel 13.5 arrives as a float and is taken
by its shortest repr, so 13.5 stays 13.5); final scores are published rounded half-up to 0.01.
"""

from __future__ import annotations

from qsm_desktop.domain.showcase.applications import (
    TRANSITIONS,
    ApplicationAction,
    ApplicationStatus,
    InvalidTransition,
    Nomination,
    allowed_actions,
    nominate,
    scores_editable,
    transition,
)
from qsm_desktop.domain.showcase.awards import QuotaTieRefused, award_decision, default_decision_date
from qsm_desktop.domain.showcase.certificates import (
    CHECK_LENGTH,
    DEFAULT_NUMBER_PATTERN,
    LEGACY_QR_PREFIX,
    QR_LEVEL_CODES,
    QR_PREFIX,
    CertificateNumberParts,
    CertificateNumberPattern,
    ScannedQr,
    certificate_check,
    is_qr_payload,
    next_sequence,
    parse_qr_payload,
    qr_payload,
    verify_check,
)
from qsm_desktop.domain.showcase.conflicts import (
    BranchOf,
    branch_by_code_convention,
    branch_map_from_parents,
    is_conflicted,
)
from qsm_desktop.domain.showcase.declarations import (
    DECLARED_FIELDS,
    DeclarationCheck,
    RegisterFigures,
    check_declarations,
    differences_text,
)
from qsm_desktop.domain.showcase.levels import AwardLevel
from qsm_desktop.domain.showcase.numbers import ONE_CENT, as_decimal, plain_number, round_score
from qsm_desktop.domain.showcase.ranking import K, QuotaLine, RankedEntry, quota_line, rank_competition
from qsm_desktop.domain.showcase.results import (
    OUTLIER_MIN_OTHERS,
    OUTLIER_MIN_SD_SHARE,
    OUTLIER_Z,
    TRIM_FROM,
    ApplicationResult,
    FinalScore,
    OutlierFlag,
    SheetOutcome,
    SheetTotal,
    application_result,
    cycle_outliers,
    final_score,
    flagged_reviewers,
    outlier_sheets,
)
from qsm_desktop.domain.showcase.sheets import (
    ItemScore,
    ScoreCheck,
    ScoreEntry,
    ScoreSheetTemplate,
    Severity,
    SheetItem,
    SheetModule,
    SheetProblem,
    check_scores,
)

__all__ = [
    # levels and applications
    "AwardLevel", "ApplicationStatus", "ApplicationAction", "TRANSITIONS", "InvalidTransition", "allowed_actions",
    "transition", "scores_editable", "Nomination", "nominate",
    # numbers
    "ONE_CENT", "as_decimal", "round_score", "plain_number",
    # score sheets
    "SheetItem", "SheetModule", "ScoreSheetTemplate", "Severity", "ScoreEntry", "ItemScore", "SheetProblem",
    "ScoreCheck", "check_scores",
    # conflicts of interest
    "BranchOf", "branch_by_code_convention", "branch_map_from_parents", "is_conflicted",
    # results
    "TRIM_FROM", "FinalScore", "final_score", "SheetTotal", "OutlierFlag", "OUTLIER_Z", "OUTLIER_MIN_OTHERS",
    "OUTLIER_MIN_SD_SHARE", "outlier_sheets", "cycle_outliers", "flagged_reviewers", "SheetOutcome",
    "ApplicationResult", "application_result",
    # declarations against the registers
    "DECLARED_FIELDS", "DeclarationCheck", "RegisterFigures", "check_declarations", "differences_text",
    # ranking and awards
    "K", "RankedEntry", "rank_competition", "QuotaLine", "quota_line", "QuotaTieRefused", "award_decision",
    "default_decision_date",
    # certificates
    "DEFAULT_NUMBER_PATTERN", "CertificateNumberParts", "CertificateNumberPattern", "next_sequence",
    "CHECK_LENGTH", "QR_PREFIX", "LEGACY_QR_PREFIX", "QR_LEVEL_CODES", "certificate_check", "verify_check", "qr_payload",
    "ScannedQr", "is_qr_payload", "parse_qr_payload",
]
