"""Certificates (荣誉证书) and the awards register (称号登记簿) — DESIGN.md §5, §7.

One PDF or one per award, every print logged (a reprint when printed before); verifying a number
(valid / revoked / unknown, and the QR check value); the register as an Excel workbook.
:class:`CertificateService` is the window's and the CLI's part of ``services.showcase`` for them.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.domain.i18n import msg
from qsm_desktop.domain.showcase import AwardLevel, certificate_check, is_qr_payload, parse_qr_payload, verify_check
from qsm_desktop.excel.cells import row_values
from qsm_desktop.services.audit import audit
from qsm_desktop.services.context import Actor, require
from qsm_desktop.services.permissions import require_rule
from qsm_desktop.services.showcase.awards import (
    award_by_number,
    award_conditions,
    award_infos,
    canonical_number,
    number_of_parts,
)
from qsm_desktop.services.showcase.common import cycle_of, level_of, now
from qsm_desktop.services.showcase.results import PrintResult, VerifyResult
from qsm_desktop.store import showcase as store
from qsm_desktop.store.models import OrgUnit
from qsm_desktop.store.models.showcase import ShowcaseApplication, ShowcaseAward, ShowcaseCycle, ShowcasePrint

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services

__all__ = ["CertificateService", "certificates_of"]


def certificates_of(session: Session, awards: Sequence[ShowcaseAward]) -> list[Any]:
    """``awards`` as ``reports.certificate.AwardCertificate`` s: the name on the application, the
    cycle's title, announcement date (else the award date) and issuing body, and the check value
    made with the office's secret (created on first use: the caller commits)."""
    from qsm_desktop.reports.certificate import AwardCertificate

    key = store.office_secret(session)
    cycles = {(c.year, c.level): c for c in session.scalars(select(ShowcaseCycle))}
    outlets = {u.id: u for u in session.scalars(select(OrgUnit).where(OrgUnit.id.in_([a.outlet_id for a in awards])))}
    names = dict(session.execute(select(ShowcaseApplication.id, ShowcaseApplication.unit_name)
                                 .where(ShowcaseApplication.id.in_([a.application_id for a in awards]))).all())
    certs = []
    for a in awards:
        cycle = cycles.get((a.year, a.level))
        certs.append(AwardCertificate(
            number=a.number, unit_name=names.get(a.application_id) or outlets[a.outlet_id].name, year=a.year,
            level=a.level, title=cycle.title if cycle else store.default_title(a.year, a.level),
            issue_date=(cycle.announced_on if cycle and cycle.announced_on else a.awarded_on),
            issuing_body=cycle.issuing_body if cycle else store.DEFAULT_ISSUER, check=certificate_check(a.number, key),
            seq=a.seq))
    return certs


class CertificateService:
    """Certificate printing and verification, and the register export, for the window and the CLI
    (part of ``services.showcase``)."""

    def __init__(self, services: Services):
        self._services = services

    def export_register(self, actor: Actor, output: str | Path, *, year: int | None = None,
                        level: AwardLevel | str | None = None) -> Path:
        """Write the awards register (称号登记簿) to an Excel workbook: number, year, level, outlet,
        branch, award date, final score, meeting reference, status, revocation, re-inspection,
        prints. Raises ``OSError`` when the file cannot be written."""
        from openpyxl import Workbook
        from openpyxl.styles import Font

        require(actor, msg("sc.action.read"), write=False)
        conditions = award_conditions(year=year, level=level)
        with self._services.read() as session:
            awards = award_infos(session, *conditions)
        book = Workbook()
        sheet = book.active
        sheet.title = "称号登记簿"
        sheet.append([msg("sc.register.title", language="zh")])
        sheet["A1"].font = Font(size=14, bold=True)
        header = ["证书编号", "年度", "级别", "序号", "网点代码", "网点名称", "所属分行", "授予日期", "最终得分", "会议纪要",
                  "状态", "摘牌日期", "摘牌原因", "复查到期", "打印次数"]
        sheet.append(header)
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for a in awards:
            # typed text (names, meeting references, reasons) stays text: never a formula (issue 11)
            sheet.append(row_values(sheet, [
                a.number, a.year, a.level, a.seq, a.outlet_code, a.outlet_name, a.branch_code, a.awarded_on,
                None if a.final_score is None else float(a.final_score), a.meeting_ref,
                msg("sc.status.revoked" if a.revoked else "sc.status.valid", language="zh"), a.revoked_on,
                a.revoke_reason, a.reinspection_due, a.prints]))
        for letter, width in zip("ABCDEFGHIJKLMNO", (30, 6, 8, 6, 10, 34, 10, 12, 10, 18, 8, 12, 24, 12, 8)):
            sheet.column_dimensions[letter].width = width
        for row in sheet.iter_rows(min_row=3):
            for cell in row:
                if isinstance(cell.value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
        sheet.freeze_panes = "A3"
        out = Path(output)
        out.parent.mkdir(parents=True, exist_ok=True)
        book.save(str(out))
        return out

    def certificates(self, actor: Actor, year: int, level: AwardLevel | str, output: str | Path | None = None, *,
                     per_award_dir: str | Path | None = None, numbers: Sequence[str] | None = None,
                     text_only: bool = False, offset_x_mm: float = 0.0, offset_y_mm: float = 0.0,
                     template: Any = None, progress: Callable[[int, int], None] | None = None,
                     cancel: threading.Event | None = None) -> PrintResult:
        """Print the cycle's award certificates (荣誉证书, DESIGN §5): one PDF at ``output`` and/or
        one file per award in ``per_award_dir``; only ``numbers`` when given (else every award not
        revoked). ``text_only`` prints the variable text for pre-printed paper, shifted by
        ``offset_x_mm``/``offset_y_mm`` (right/down). Every certificate printed is logged (a
        reprint when printed before). Raises :class:`InputRefused` when there is nothing to print,
        ``FontRefused`` for an unusable font."""
        from qsm_desktop.reports.certificate import CertificateTemplate, render_certificate_files, render_certificates

        require_rule(actor, "sc.action.print")
        level = level_of(level)
        template = template or CertificateTemplate()
        if text_only and (offset_x_mm or offset_y_mm):
            template = template.with_offsets(offset_x_mm, offset_y_mm)
        with self._services.read() as session:
            cycle = cycle_of(session, year, level)
            stmt = select(ShowcaseAward).where(ShowcaseAward.year == cycle.year, ShowcaseAward.level == cycle.level)
            if numbers:
                stmt = stmt.where(ShowcaseAward.number.in_([canonical_number(session, n) for n in numbers]))
            else:
                stmt = stmt.where(ShowcaseAward.revoked_on.is_(None))
            awards = session.scalars(stmt.order_by(ShowcaseAward.seq)).all()
            if not awards:
                raise InputRefused(msg("sc.cert.none", year=cycle.year, level=cycle.level))
            certs = certificates_of(session, awards)
            session.commit()  # the office secret, when created just now
        files: list[Path] = []
        pages = 0
        cancelled = False
        if output is not None:
            result = render_certificates(certs, output, template, text_only=text_only, progress=progress, cancel=cancel)
            files += list(result.files)
            pages += result.pages
            cancelled = result.cancelled
        if per_award_dir is not None and not cancelled:
            Path(per_award_dir).mkdir(parents=True, exist_ok=True)
            result = render_certificate_files(certs, per_award_dir, template, text_only=text_only, progress=progress,
                                              cancel=cancel)
            files += list(result.files)
            pages += result.pages
            cancelled = result.cancelled
        printed = [a for a in awards] if not cancelled else []
        if printed:
            self._log_prints(actor, [a.id for a in printed], "text_only" if text_only else "full",
                             ";".join(str(f) for f in files)[:500])
        return PrintResult(files=tuple(files), pages=pages, numbers=tuple(a.number for a in printed), cancelled=cancelled)

    def _log_prints(self, actor: Actor, award_ids: Sequence[int], mode: str, target: str | None) -> None:
        with self._services.unit_of_work() as session:
            before = set(session.scalars(select(ShowcasePrint.award_id).where(ShowcasePrint.award_id.in_(award_ids))))
            printed_at = now()
            for award_id in award_ids:
                session.add(ShowcasePrint(award_id=award_id, printed_at=printed_at, printed_by=actor.login,
                                          reprint=award_id in before, mode=mode, target=target))
            audit(session, actor, "showcase_print", None, "print", None,
                  {"awards": list(award_ids), "mode": mode, "target": target,
                   "reprints": sorted(set(award_ids) & before)})

    def certificate_data(self, actor: Actor, numbers: Sequence[str]) -> list[Any]:
        """The certificates of ``numbers`` as ``reports.certificate.AwardCertificate`` (with their
        check values), for the window's preview and print."""
        require(actor, msg("sc.action.read"), write=False)
        with self._services.unit_of_work() as session:
            return certificates_of(session, [award_by_number(session, n) for n in numbers])

    def certificate_pdf(self, actor: Actor, numbers: Sequence[str], *, text_only: bool = False,
                        template: Any = None) -> bytes:
        """The PDF of some certificates in memory, for the preview (not logged as a print)."""
        import io

        from qsm_desktop.reports.certificate import CertificateTemplate, render_certificates

        require(actor, msg("sc.action.read"), write=False)
        with self._services.read() as session:
            awards = [award_by_number(session, n) for n in numbers]
            certs = certificates_of(session, awards)
            session.commit()
        buffer = io.BytesIO()
        render_certificates(certs, buffer, template or CertificateTemplate(), text_only=text_only)
        return buffer.getvalue()

    def log_print(self, actor: Actor, numbers: Sequence[str], *, mode: str = "full", target: str | None = None) -> None:
        """Log a print made outside :meth:`certificates` (the window's print dialog)."""
        require_rule(actor, "sc.action.print")
        with self._services.read() as session:
            ids = [award_by_number(session, n).id for n in numbers]
        self._log_prints(actor, ids, mode, target)

    def prints(self, actor: Actor, number: str) -> list[tuple[dt.datetime, str, bool, str]]:
        """The print log of one certificate: (when, who, reprint, mode)."""
        require(actor, msg("sc.action.read"), write=False)
        with self._services.read() as session:
            award = award_by_number(session, number)
            rows = session.execute(select(ShowcasePrint.printed_at, ShowcasePrint.printed_by, ShowcasePrint.reprint,
                                          ShowcasePrint.mode).where(ShowcasePrint.award_id == award.id)
                                   .order_by(ShowcasePrint.id)).all()
        return [tuple(r) for r in rows]

    def verify(self, actor: Actor, text: str) -> VerifyResult:
        """Verify a certificate (证书验证): ``text`` is a number as printed or typed (full-width
        digits, other brackets accepted) or a scanned QR text — ``QSM2007Z001-K7Q2M4XA`` (year,
        level, sequence and check value; printed since December 2026) or the older
        ``QSMCERT1|number|check`` (``domain.showcase.parse_qr_payload``).
        ``valid`` — issued and not revoked; ``revoked`` — issued, then 摘牌 (number kept);
        ``unknown`` — never issued, or the QR check value does not match (forged)."""
        require(actor, msg("sc.action.read"), write=False)
        raw = str(text or "").strip()
        if not raw:
            raise InputRefused(msg("sc.verify.blank"))
        scanned = parse_qr_payload(raw) if is_qr_payload(raw) else None
        with self._services.unit_of_work() as session:
            if scanned is not None and scanned.parts is not None:
                number = number_of_parts(session, scanned.parts)
            else:
                number = canonical_number(session, raw if scanned is None else scanned.number)
            check_ok = None if scanned is None else verify_check(number, scanned.check, store.office_secret(session))
            found = award_infos(session, ShowcaseAward.number == number)
        award = found[0] if found else None
        if award is None:
            return VerifyResult("unknown", number, check_ok, None, msg("sc.verify.unknown", number=number))
        if check_ok is False:
            return VerifyResult("unknown", number, False, None, msg("sc.verify.bad_check", number=number))
        if award.revoked:
            return VerifyResult("revoked", number, check_ok, award,
                                msg("sc.verify.revoked", number=number, unit=award.outlet_name,
                                    date=award.revoked_on.isoformat(), reason=award.revoke_reason or ""))
        return VerifyResult("valid", number, check_ok, award,
                            msg("sc.verify.valid", number=number, unit=award.outlet_name, year=award.year,
                                level=award.level, date=award.awarded_on.isoformat()))


