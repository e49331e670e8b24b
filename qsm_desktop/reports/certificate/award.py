"""One certificate to print (荣誉证书): what it says, what its QR code carries, its file name.

Source: DESIGN.md §5 (certificates), issue 4 §5.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from qsm_desktop.domain.showcase import qr_payload


@dataclass(frozen=True)
class AwardCertificate:
    """One certificate to print (荣誉证书).

    ``number``: the certificate number (证书编号); ``check``: its check value for the QR code
    (``domain.showcase.certificate_check``; empty → the QR code carries the number alone);
    ``seq``: the number's sequence within year × level (序号, the register's), which the QR code
    carries with the check value — required when ``check`` is given (``ValueError`` otherwise);
    ``unit_name``: the awarded unit (申报单位); ``year``: the award year; ``level``: 分行级 /
    总行级 / 全国级; ``title``: the official award title (称号); ``issue_date``: the certificate's
    date (``datetime.date``, printed 二〇〇七年十二月); ``issuing_body``: 发证单位; ``params``: extra
    wording placeholders.
    """

    number: str
    unit_name: str
    year: int
    level: str
    title: str
    issue_date: _dt.date
    issuing_body: str
    check: str = ""
    params: Mapping[str, str] = field(default_factory=dict)
    seq: int | None = None

    def __post_init__(self) -> None:
        if self.check and self.seq is None:
            raise ValueError(f"certificate {self.number}: a check value needs the sequence (seq) for the QR code")


def qr_text(cert: AwardCertificate) -> str:
    """What a certificate's QR code carries: ``QSM<year><level><seq>-<check>``
    (``domain.showcase.qr_payload``, e.g. ``QSM2007Z001-K7Q2M4XA``), or the number alone when the
    certificate has no check value. Raises ``ValueError`` as ``qr_payload``."""
    return qr_payload(cert.year, cert.level, cert.seq, cert.check) if cert.check else cert.number


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def certificate_file_name(cert: AwardCertificate) -> str:
    """A file name for one certificate: ``<number>_<unit>.pdf`` with characters Windows refuses
    replaced by ``_``."""
    name = _UNSAFE.sub("_", f"{cert.number}_{cert.unit_name}").strip(" .")
    return (name or "certificate")[:150] + ".pdf"
