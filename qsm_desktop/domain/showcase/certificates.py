"""Certificate numbers (证书编号), their sequence, the check value (校验码) and the QR payload a
certificate carries.

Source: issue 4 §4, DESIGN.md §5 and §7 (``qsm certificates``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import string
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.domain.showcase.levels import AwardLevel

register(
    {
        "showcase.number.bad_pattern": (
            "证书编号格式“{pattern}”无效：{reason}。示例：交银服示〔{{year}}〕{{level_short}}字第{{seq:03d}}号",
            "Certificate number pattern '{pattern}' is invalid: {reason}. Example: 交银服示〔{{year}}〕{{level_short}}字第{{seq:03d}}号",
        ),
        "showcase.number.pattern_needs": (
            "必须包含 {{year}}、{{seq}} 以及 {{level}} 或 {{level_short}}，否则不同年度或级别的编号会重复",
            "it must contain {{year}}, {{seq}} and {{level}} or {{level_short}}, otherwise numbers of different years or levels would repeat",
        ),
        "showcase.number.pattern_field": (
            "不认识的占位符“{{{field}}}”（可用：year、level、level_short、seq，每个至多一次）",
            "unknown or repeated placeholder '{{{field}}}' (use year, level, level_short, seq, each at most once)",
        ),
        "showcase.number.unparseable": (
            "“{number}”不是本系统格式的证书编号（应形如 {example}）。",
            "'{number}' is not a certificate number in this office's format (expected like {example}).",
        ),
        "showcase.number.bad_sequence": (
            "证书序号 {seq} 无效：序号从 1 开始。",
            "Certificate sequence {seq} is invalid: sequences start at 1.",
        ),
        "showcase.qr.unparseable": (
            "二维码内容不是本系统的证书二维码。",
            "The QR code's content is not a certificate QR code from this office.",
        ),
    }
)


DEFAULT_NUMBER_PATTERN = "交银服示〔{year}〕{level_short}字第{seq:03d}号"

_FIELD_REGEX = {
    "year": r"(?P<year>\d{4})",
    "seq": r"(?P<seq>\d{1,9})",
    "level_short": r"(?P<level_short>[分总国])",
    "level": r"(?P<level>分行级|总行级|全国级)",
}
_OPEN = "〔[【［(（〖"
_CLOSE = "〕]】］)）〗"


@dataclass(frozen=True)
class CertificateNumberParts:
    """What a certificate number says: award year, level and sequence (序号, from 1)."""

    year: int
    level: AwardLevel
    seq: int


@dataclass(frozen=True)
class CertificateNumberPattern:
    """A configurable certificate-number pattern (证书编号格式, issue 4 §4).

    ``str.format`` placeholders: ``{year}``, ``{level}`` (分行级…), ``{level_short}`` (分/总/国) and
    ``{seq}`` with an optional format spec (``{seq:03d}``). Year, sequence and a level are
    required so that the sequence per year × level gives unique numbers. Raises
    :class:`InputRefused` for an invalid pattern.
    """

    pattern: str = DEFAULT_NUMBER_PATTERN

    def __post_init__(self) -> None:
        fields: list[str] = []
        try:
            parsed = list(string.Formatter().parse(self.pattern))
        except ValueError as exc:
            raise InputRefused(msg("showcase.number.bad_pattern", pattern=self.pattern, reason=exc)) from None
        for _literal, name, _spec, conversion in parsed:
            if name is None:
                continue
            if name not in _FIELD_REGEX or name in fields or conversion:
                reason = msg("showcase.number.pattern_field", field=name)
                raise InputRefused(msg("showcase.number.bad_pattern", pattern=self.pattern, reason=reason))
            fields.append(name)
        if "year" not in fields or "seq" not in fields or not ({"level", "level_short"} & set(fields)):
            reason = msg("showcase.number.pattern_needs")
            raise InputRefused(msg("showcase.number.bad_pattern", pattern=self.pattern, reason=reason))
        try:
            self.format(2007, AwardLevel.HEAD_OFFICE, 1)
        except (ValueError, TypeError) as exc:
            raise InputRefused(msg("showcase.number.bad_pattern", pattern=self.pattern, reason=exc)) from None

    def format(self, year: int, level: AwardLevel | str, seq: int) -> str:
        """The number for ``year`` × ``level`` × ``seq`` (``seq`` ≥ 1; ``InputRefused`` otherwise).

        ``format(2007, "总行级", 1)`` → ``"交银服示〔2007〕总字第001号"`` with the default pattern.
        """
        if seq < 1:
            raise InputRefused(msg("showcase.number.bad_sequence", seq=seq))
        level = AwardLevel(level)
        return self.pattern.format(year=year, level=level.value, level_short=level.short, seq=seq)

    @cached_property
    def _regex(self) -> re.Pattern[str]:
        parts: list[str] = []
        for literal, name, _spec, _conv in string.Formatter().parse(self.pattern):
            for ch in literal:
                if ch in _OPEN:
                    parts.append("[" + re.escape(_OPEN) + "]")
                elif ch in _CLOSE:
                    parts.append("[" + re.escape(_CLOSE) + "]")
                elif ch.isspace():
                    parts.append(r"\s*")
                else:
                    parts.append(re.escape(unicodedata.normalize("NFKC", ch)))
            if name is not None:
                parts.append(_FIELD_REGEX[name])
        return re.compile(r"\s*" + "".join(parts) + r"\s*")

    def parse(self, number: str) -> CertificateNumberParts:
        """Read a number typed or scanned back (验证证书编号): full-width digits, spaces at the ends
        spaces inside, and other bracket styles (〔2007〕, [2007], 【2007】, （2007）) are accepted; leading zeros of
        the sequence are optional. Raises :class:`InputRefused` when it is not such a number.
        Use :meth:`canonical` for the form stored in the register.
        """
        text = "".join(unicodedata.normalize("NFKC", ch) if ch not in _OPEN + _CLOSE else ch for ch in str(number))
        match = self._regex.fullmatch(text)
        if match is None:  # spaces typed or copied inside the number ("交银服示 〔2007〕 总字第001号")
            match = self._regex.fullmatch(re.sub(r"\s+", "", text))
        if match is None:
            example = self.format(2007, AwardLevel.HEAD_OFFICE, 1)
            raise InputRefused(msg("showcase.number.unparseable", number=number, example=example))
        groups = match.groupdict()
        if groups.get("level"):
            level = AwardLevel(groups["level"])
        else:
            level = AwardLevel.parse(groups["level_short"])
        if groups.get("level") and groups.get("level_short") and AwardLevel.parse(groups["level_short"]) is not level:
            example = self.format(2007, AwardLevel.HEAD_OFFICE, 1)
            raise InputRefused(msg("showcase.number.unparseable", number=number, example=example))
        seq = int(groups["seq"])
        if seq < 1:
            raise InputRefused(msg("showcase.number.bad_sequence", seq=seq))
        return CertificateNumberParts(year=int(groups["year"]), level=level, seq=seq)

    def canonical(self, number: str) -> str:
        """The number as the register stores it (parsed, then formatted again)."""
        parts = self.parse(number)
        return self.format(parts.year, parts.level, parts.seq)


def next_sequence(issued: Iterable[int]) -> int:
    """The next sequence number for a year × level (证书序号): one above the highest ever issued.

    ``issued`` must include revoked (摘牌) awards: numbers are never reused, and gaps (an award
    deleted before printing) are not filled. Starts at 1.
    """
    return max(issued, default=0) + 1


#: Length of the check value in base-32 characters (8 × 5 = 40 bits).
CHECK_LENGTH = 8
#: How the QR text of certificates printed from December 2026 on begins (see :func:`qr_payload`).
QR_PREFIX = "QSM"
#: How the QR text of certificates printed before December 2026 begins (``QSMCERT1|number|check``);
#: :func:`parse_qr_payload` still reads it, nothing writes it any more.
LEGACY_QR_PREFIX = "QSMCERT1"

#: The level's letter in the QR text: the pinyin initial of its short form (分 Fēn, 总 Zǒng, 国 Guó).
QR_LEVEL_CODES = {AwardLevel.BRANCH: "F", AwardLevel.HEAD_OFFICE: "Z", AwardLevel.NATIONAL: "G"}
_QR_LEVELS = {code: level for level, code in QR_LEVEL_CODES.items()}
_QR_COMPACT = re.compile(rf"{QR_PREFIX}(\d{{4}})([{''.join(_QR_LEVELS)}])(\d{{1,9}})-([A-Z2-7]{{{CHECK_LENGTH}}})")


def certificate_check(number: str, key: bytes) -> str:
    """The check value printed in a certificate's QR code (校验码).

    HMAC-SHA256 over the number (Unicode NFC, UTF-8) keyed with the office's secret ``key``, the
    first 40 bits in base 32 (``A–Z2–7``, 8 characters). The service keeps one random secret per
    database (e.g. ``secrets.token_bytes(32)``, created once). Without the key nobody can make a
    QR code with a valid check for a number the office did not issue, and a hand-edited or
    mistyped number fails the check. It does not replace the register: ``verify`` still looks the
    number up (valid, revoked or unknown). Raises ``ValueError`` for an empty key.

    Why 40 bits are enough: the check is never shown to anyone who could try values against it —
    a certificate is verified by the office, in the app or ``qsm certificates verify``, one
    printed certificate at a time — so a forger without the key gets one guess per forged sheet
    of paper presented, each right with probability 2⁻⁴⁰ (about one in 10¹²; a million forged
    certificates would still pass with probability 10⁻⁶). A forged number the register never
    issued is refused whatever its check. Both QR formats (:func:`qr_payload` and the older
    ``QSMCERT1`` text) carry this same value.
    """
    if not key:
        raise ValueError("certificate_check needs the office's secret key")
    digest = hmac.new(key, unicodedata.normalize("NFC", number).encode("utf-8"), hashlib.sha256).digest()
    return base64.b32encode(digest[:5]).decode("ascii")[:CHECK_LENGTH]


def verify_check(number: str, check: str, key: bytes) -> bool:
    """Whether ``check`` is the check value of ``number`` (case-insensitive, constant-time)."""
    expected = certificate_check(number, key)
    given = unicodedata.normalize("NFKC", str(check)).strip().upper()
    return hmac.compare_digest(expected, given)


def qr_payload(year: int, level: AwardLevel | str, seq: int, check: str) -> str:
    """The text a certificate's QR code carries (证书二维码内容): ``"QSM<year><level><seq>-<check>"``,
    e.g. ``"QSM2007Z001-K7Q2M4XA"`` for 交银服示〔2007〕总字第001号.

    ``year``: the award year (four digits); ``level``: 分行级 / 总行级 / 全国级 (written as its
    letter in :data:`QR_LEVEL_CODES`: F, Z, G); ``seq``: the sequence within year × level (序号,
    ≥ 1, at least three digits); ``check``: :func:`certificate_check` of the certificate's number.
    The register finds the award by year, level and sequence, so the number's own wording (the
    cycle's pattern) need not be carried.

    Why this shape: every character is in the QR code's alphanumeric set (digits, upper-case
    letters, ``-``), which packs 2 characters in 11 bits instead of a byte each, and the text is
    20 characters for sequences up to 999 — what a version-1 symbol (21 × 21 modules) holds at
    error-correction level M (ISO/IEC 18004 Table 7). The older ``QSMCERT1|number|check`` text
    (UTF-8 bytes, the number in Chinese) needed version 4 (33 × 33): 2.5 times the modules for the
    encoder to lay out and score under each of the eight masks, and modules 21/33 as wide when
    printed at the same size. Raises ``ValueError`` for a year not of four digits, a sequence below 1 or a check
    value that is not :data:`CHECK_LENGTH` base-32 characters.
    """
    level = AwardLevel(level)
    check = str(check).upper()
    if not 1000 <= int(year) <= 9999 or int(seq) < 1 or not re.fullmatch(rf"[A-Z2-7]{{{CHECK_LENGTH}}}", check):
        raise ValueError(f"no certificate QR text for year {year!r}, sequence {seq!r}, check {check!r}")
    return f"{QR_PREFIX}{int(year)}{QR_LEVEL_CODES[level]}{int(seq):03d}-{check}"


@dataclass(frozen=True)
class ScannedQr:
    """What a certificate's QR code said (扫描的证书二维码): ``check`` its check value and either
    ``parts`` (year, level and sequence — the text of :func:`qr_payload`) or ``number`` (the
    number as printed — the older ``QSMCERT1|number|check`` text)."""

    check: str
    parts: CertificateNumberParts | None = None
    number: str | None = None


def _qr_text(text: str) -> str:
    return unicodedata.normalize("NFKC", str(text)).strip()


def is_qr_payload(text: str) -> bool:
    """Whether ``text`` (typed or scanned into a verify box) is a certificate's QR text of either
    format rather than a certificate number: it begins ``QSMCERT`` (the older format) or is a whole
    :func:`qr_payload` text (any letter case)."""
    text = _qr_text(text).upper()
    return text.startswith(LEGACY_QR_PREFIX[:-1]) or _QR_COMPACT.fullmatch(text) is not None


def parse_qr_payload(text: str) -> ScannedQr:
    """Read a scanned QR text: ``QSM2007Z001-K7Q2M4XA`` (:func:`qr_payload`, printed from
    December 2026 on) or ``QSMCERT1|交银服示〔2007〕总字第001号|K7Q2M4XA`` (certificates printed
    before: they still verify). Letter case and full-width characters are accepted in the former.
    :class:`InputRefused` when the text is neither.
    """
    match = _QR_COMPACT.fullmatch(_qr_text(text).upper())
    if match is not None:
        year, code, seq, check = match.groups()
        if int(seq) < 1:
            raise InputRefused(msg("showcase.qr.unparseable"))
        return ScannedQr(check=check, parts=CertificateNumberParts(int(year), _QR_LEVELS[code], int(seq)))
    text = str(text).strip()  # the number exactly as printed: the register is searched with it
    if not text.startswith(LEGACY_QR_PREFIX + "|") or text.count("|") < 2:
        raise InputRefused(msg("showcase.qr.unparseable"))
    number, check = text[len(LEGACY_QR_PREFIX) + 1:].rsplit("|", 1)
    if not number or not check:
        raise InputRefused(msg("showcase.qr.unparseable"))
    return ScannedQr(check=check, number=number)
