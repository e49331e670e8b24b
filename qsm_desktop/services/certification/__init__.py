"""Certification (持证上岗) — the feature's service package (DESIGN §3.2).

- :mod:`.service` — :class:`CertificationService`: rates, expiring certificates, the register (the
  window, the CLI, the evaluation);
- :mod:`.roster` — replacing a unit's roster (:func:`~.roster.replace_roster_in`, the one write path
  of staff and certificates);
- :mod:`.imports` — the certification return's import handler (checks, preview, write).

The rule (who is certified on a date, roster dates, the rate) is :mod:`qsm_desktop.domain.certification`.
"""

from qsm_desktop.services.certification.service import (
    EXPIRY_WARNING_DAYS,
    REGISTER_SORT_KEYS,
    CategoryRate,
    CertificateRecord,
    CertificationService,
    CertRates,
    ExpiringCertificate,
    PersonDetail,
    RegisterQuery,
    RegisterRow,
    RegisterStatus,
    rate_percent,
)

__all__ = [
    "EXPIRY_WARNING_DAYS", "REGISTER_SORT_KEYS", "CategoryRate", "CertRates", "CertificateRecord", "CertificationService",
    "ExpiringCertificate", "PersonDetail", "RegisterQuery", "RegisterRow", "RegisterStatus", "rate_percent",
]
