"""What an application declares against what the registers hold (申报数据核对) — DESIGN §3.5, §5; issue 14.

An application form declares 在岗员工数, 持证上岗人数, 年度有效投诉件数 and 神秘访客平均得分. The
office's registers hold the same figures: the staff and certificates register for the outlet on
the application's date, the complaint register of the year, the finalised mystery-visit scores of
the year. :func:`check_declarations` compares them field by field; a difference is flagged and
both figures are kept — the declared numbers are never replaced.

Pure: the service feeds the register figures (:class:`RegisterFigures`) and shows the checks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from qsm_desktop.domain.i18n import get_language, msg, register

DECLARED_FIELDS: tuple[tuple[str, str], ...] = (
    ("staff", "在岗员工数"),
    ("certified", "持证上岗人数"),
    ("complaints", "年度有效投诉件数"),
    ("mystery_score", "神秘访客平均得分"),
)
"""(field key, the form's Chinese label) of each declared figure checked against a register."""

SCORE_TOLERANCE = 0.1
"""A declared mystery-visit score within this many points of the register's mean agrees (forms
round to one decimal)."""

register({
    "sc.decl.staff": ("在岗员工数", "Staff in post"),
    "sc.decl.certified": ("持证上岗人数", "Certified staff"),
    "sc.decl.complaints": ("年度有效投诉件数", "Valid complaints in the year"),
    "sc.decl.mystery_score": ("神秘访客平均得分", "Mystery-visit average score"),
    "sc.decl.differs": ("{field}：申报 {declared}，登记簿 {register}", "{field}: declared {declared}, register {register}"),
    "sc.decl.rate": ("{certified}/{staff}（{rate}%）", "{certified}/{staff} ({rate}%)"),
    "sc.decl.certified_differs": ("持证上岗：申报 {declared}，登记簿 {register}",
                                  "Certified: declared {declared}, register {register}"),
})


@dataclass(frozen=True)
class RegisterFigures:
    """The registers' figures for one outlet (登记簿数据): ``staff`` in post and ``certified`` on
    ``as_of`` (the staff and certificates register), ``complaints`` valid in the application's year
    (the complaint register), ``mystery_score`` the mean of the year's finalised mystery-visit
    scores (0–100, weighted by visits). ``None`` where the register holds nothing for the outlet
    (no staff on the roster, no complaint register sent, no finalised visit): not checked."""

    as_of: dt.date
    staff: int | None = None
    certified: int | None = None
    complaints: int | None = None
    mystery_score: float | None = None


@dataclass(frozen=True)
class DeclarationCheck:
    """One declared figure beside the register's: ``field`` (a key of :data:`DECLARED_FIELDS`),
    ``declared`` (the form's number, ``None`` when left blank or unreadable), ``register``
    (``None`` when the register has nothing), ``differs`` (both known and not equal; a score
    beyond :data:`SCORE_TOLERANCE`)."""

    field: str
    declared: float | None
    register: float | None
    differs: bool

    def label(self, language: str | None = None) -> str:
        """The field's name in ``language`` (在岗员工数 / Staff in post)."""
        return msg(f"sc.decl.{self.field}", language=language)

    def to_json(self) -> dict[str, Any]:
        """``{"field", "declared", "register", "differs"}`` (counts as integers)."""
        return {"field": self.field, "declared": _plain(self.declared), "register": _plain(self.register),
                "differs": self.differs}


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value).strip().rstrip("%分"))
    except ValueError:
        return None


def _plain(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 2)


def figure_text(field: str, value: float | None) -> str:
    """A declared or register figure as printed: counts as whole numbers, the score to 2 decimals
    without trailing zeros, ``—`` for none."""
    if value is None:
        return "—"
    if field == "mystery_score":
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(int(round(value)))


def check_declarations(form: Mapping[str, Any], registers: RegisterFigures) -> tuple[DeclarationCheck, ...]:
    """The four declared figures of ``form`` (the application's fields by Chinese label) against
    ``registers``, in :data:`DECLARED_FIELDS` order. Counts differ when not equal; the score when
    more than :data:`SCORE_TOLERANCE` apart. Nothing is changed in ``form``."""
    out = []
    for key, label in DECLARED_FIELDS:
        declared = _number(form.get(label))
        held = getattr(registers, key)
        reg = None if held is None else float(held)
        if declared is None or reg is None:
            differs = False
        elif key == "mystery_score":
            differs = abs(declared - reg) > SCORE_TOLERANCE + 1e-9
        else:
            differs = round(declared) != round(reg)
        out.append(DeclarationCheck(key, declared, reg, differs))
    return tuple(out)


def differences_text(checks: tuple[DeclarationCheck, ...], language: str | None = None) -> list[str]:
    """One sentence per difference, e.g. "持证上岗：申报 10/12（83%），登记簿 4/9（44%）" — staff and
    certified together as a rate when either differs — then "年度有效投诉件数：申报 0，登记簿 3"."""
    lang = language or get_language()
    by = {c.field: c for c in checks}
    lines = []
    staff, cert = by.get("staff"), by.get("certified")
    if staff and cert and (staff.differs or cert.differs):
        def rate(certified: float | None, members: float | None) -> str:
            if certified is None or members is None:
                return f"{figure_text('certified', certified)}/{figure_text('staff', members)}"
            pct = "—" if not members else f"{100 * certified / members:.0f}"
            return msg("sc.decl.rate", language=lang, certified=figure_text("certified", certified),
                          staff=figure_text("staff", members), rate=pct)

        lines.append(msg("sc.decl.certified_differs", language=lang, declared=rate(cert.declared, staff.declared),
                            register=rate(cert.register, staff.register)))
    for c in checks:
        if c.differs and c.field not in ("staff", "certified"):
            lines.append(msg("sc.decl.differs", language=lang, field=c.label(lang), declared=figure_text(c.field, c.declared),
                                register=figure_text(c.field, c.register)))
    return lines


__all__ = ["DECLARED_FIELDS", "SCORE_TOLERANCE", "DeclarationCheck", "RegisterFigures", "check_declarations",
           "differences_text", "figure_text"]
