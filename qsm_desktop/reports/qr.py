"""QR codes for certificates (证书二维码), built on reportlab's QR encoder.

reportlab's ``QrCodeWidget`` (``reportlab.graphics.barcode.qr``) takes about 10 ms per code —
mostly re-deriving the Reed–Solomon generator and trying the eight masks in pure Python — and
draws one rectangle object per run of modules: fine for one certificate, a quarter of a minute
for a batch of a thousand. This module produces **the same symbol** as the widget's encoder
(``qrencoder.QRCode.make()`` with the data in byte mode: same version, mask and modules — a test
compares them bit for bit) much faster: the fixed parts (function patterns, data positions, mask
patterns, generator polynomials) come from reportlab's ``qrencoder`` once per version and are
cached; the per-code work (codewords and error correction on Python integers; placement and
reportlab's mask penalty for all eight masks) runs on numpy arrays, for a whole batch of codes
at once (:func:`encode_many`).

Drawing: as a 1-bit image mask (one module = one sample, painted in the fill colour, never
interpolated — a few hundred bytes per code), or as one filled vector path.

Payload: UTF-8 bytes in byte mode (reportlab's ``QR8bitByte``), error-correction level M by
default. Source: DESIGN.md §5 (QR code that encodes the number for verification), issue 4 §5.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from reportlab.graphics.barcode import qrencoder as _rl

#: Error-correction levels as reportlab numbers them.
LEVELS = {"L": _rl.QRErrorCorrectLevel.L, "M": _rl.QRErrorCorrectLevel.M,
          "Q": _rl.QRErrorCorrectLevel.Q, "H": _rl.QRErrorCorrectLevel.H}
MAX_VERSION = 40


@dataclass(frozen=True)
class QrSymbol:
    """An encoded QR code: ``modules`` (n × n bool array, True = dark, row 0 at the top),
    ``version`` (1–40), error-correction ``level`` and the ``mask`` chosen."""

    modules: np.ndarray
    version: int
    level: str
    mask: int

    @property
    def size(self) -> int:
        """Modules per side (17 + 4 × version), without the quiet zone."""
        return int(self.modules.shape[0])


# --------------------------------------------------------------------------------------------
# cached, per-version parts (from reportlab's encoder)
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _blocks(version: int, ecl: int) -> tuple[tuple[int, int], ...]:
    """(data codewords, total codewords) of each Reed–Solomon block."""
    return tuple((b.dataCount, b.totalCount) for b in _rl.QRRSBlock.getRSBlocks(version, ecl))


@lru_cache(maxsize=None)
def _data_capacity(version: int, ecl: int) -> int:
    return sum(d for d, _t in _blocks(version, ecl))


def _gf_mul(a: int, b: int) -> int:
    if a == 0 or b == 0:
        return 0
    return _rl.EXP_TABLE[(_rl.LOG_TABLE[a] + _rl.LOG_TABLE[b]) % 255]


@lru_cache(maxsize=None)
def _ec_table(ec_count: int) -> np.ndarray:
    """256 × ec_count: row f holds the generator's coefficients (after the leading 1) times f."""
    generator = _rl.QRUtil.getErrorCorrectPolynomial(ec_count).num  # [1, g1, …, g_ec]
    table = np.array([[_gf_mul(c, f) for c in generator[1:]] for f in range(256)], dtype=np.uint8)
    table.setflags(write=False)
    return table


@lru_cache(maxsize=None)
def _layout(version: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(rows, cols) of the data modules in placement order, the masks at those positions (8 × k),
    and the symbol with function patterns only and blank format info (what reportlab scores)."""
    q = _rl.QRCode(version, _rl.QRErrorCorrectLevel.M)
    q.makeImpl(True, 0)
    positions = q.dataPosIterator()  # [(col, row), …]
    rows = np.array([r for _c, r in positions], dtype=np.intp)
    cols = np.array([c for c, _r in positions], dtype=np.intp)
    masks = np.array([[bool(_rl.QRUtil.getMask(m)(r, c)) for c, r in positions] for m in range(8)])
    test_skeleton = np.array(q.modules, dtype=bool)
    test_skeleton[rows, cols] = False
    for a in (rows, cols, masks, test_skeleton):
        a.setflags(write=False)
    return rows, cols, masks, test_skeleton


@lru_cache(maxsize=None)
def _skeletons(version: int, ecl: int) -> np.ndarray:
    """For each mask (8 × n × n): the function patterns with the real format (and version)
    information for ``ecl`` and that mask, data modules blank."""
    rows, cols, _masks, _test = _layout(version)
    stack = []
    for mask in range(8):
        q = _rl.QRCode(version, ecl)
        q.makeImpl(False, mask)
        skeleton = np.array(q.modules, dtype=bool)
        skeleton[rows, cols] = False
        stack.append(skeleton)
    skeletons = np.stack(stack)
    skeletons.setflags(write=False)
    return skeletons


# --------------------------------------------------------------------------------------------
# encoding
# --------------------------------------------------------------------------------------------


def _version_for(length: int, ecl: int) -> int:
    for version in range(1, MAX_VERSION + 1):
        count_bits = 8 if version < 10 else 16
        if 4 + count_bits + 8 * length <= _data_capacity(version, ecl) * 8:
            return version
    raise ValueError(f"QR payload too long ({length} bytes)")


def _data_codewords(data: bytes, version: int, ecl: int) -> bytes:
    """The data codewords: byte-mode header, the bytes, terminator, zero bits to a byte
    boundary, then the pad bytes 0xEC 0x11 … up to the version's capacity."""
    count_bits = 8 if version < 10 else 16
    capacity_bits = _data_capacity(version, ecl) * 8
    acc = (0b0100 << count_bits) | len(data)
    nbits = 4 + count_bits
    acc = (acc << (8 * len(data))) | int.from_bytes(data, "big")
    nbits += 8 * len(data)
    terminator = min(4, capacity_bits - nbits)
    tail = terminator + (-(nbits + terminator)) % 8
    acc <<= tail
    nbits += tail
    pads = (capacity_bits - nbits) // 8
    return acc.to_bytes(nbits // 8, "big") + (b"\xec\x11" * (pads // 2 + 1))[:pads]


def _codewords(streams: np.ndarray, version: int, ecl: int) -> np.ndarray:
    """Final codewords for many codes at once (codes × total): Reed–Solomon error correction of
    each block (a shift register over GF(256), one step per data codeword for all codes
    together), then data and EC codewords interleaved across the blocks."""
    parts = [streams]
    offset = 0
    for data_count, total_count in _blocks(version, ecl):
        ec_count = total_count - data_count
        table = _ec_table(ec_count)
        rem = np.zeros((streams.shape[0], ec_count), dtype=np.uint8)
        for i in range(offset, offset + data_count):
            factor = streams[:, i] ^ rem[:, 0]
            rem[:, :-1] = rem[:, 1:]
            rem[:, -1] = 0
            rem ^= table[factor]
        offset += data_count
        parts.append(rem)
    return np.concatenate(parts, axis=1)[:, _interleave_order(version, ecl)]


@lru_cache(maxsize=None)
def _interleave_order(version: int, ecl: int) -> np.ndarray:
    """Where each final codeword comes from in (all data blocks, then all EC blocks): data
    codewords column by column across the blocks, then the EC codewords likewise."""
    blocks = _blocks(version, ecl)
    data_total = sum(d for d, _t in blocks)
    order: list[int] = []
    for start_of, counts in (
        (0, [d for d, _t in blocks]),
        (data_total, [t - d for d, t in blocks]),
    ):
        starts = [start_of + sum(counts[:i]) for i in range(len(counts))]
        for i in range(max(counts)):
            order += [starts[b] + i for b in range(len(counts)) if i < counts[b]]
    return np.array(order, dtype=np.intp)


_FINDER_LIKE_BYTES = bytes([1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0])


def _lost_points(candidates: np.ndarray) -> np.ndarray:
    """reportlab's mask penalty (``QRUtil.getLostPoint``) for a stack of symbols (m × n × n).

    Rule 1: runs of five or more equal modules in rows and in columns score length − 2. Rule 2:
    each 2 × 2 block of one colour scores 3. Rule 3: 1011101 0000 along rows scores 40, at
    positions j < n − 11 — reportlab's column check compares a tuple with a list and never
    matches, and this reproduces it. Rule 4: 10 per whole 5 % step of the dark share away from
    50 %. Symbols up to 64 modules wide (versions 1–11, every certificate payload) are scored
    with each row packed into a 64-bit word; larger ones module by module.
    """
    if candidates.shape[1] <= 64:
        return _lost_points_packed(candidates)
    return _lost_points_modules(candidates)


def _lost_points_packed(candidates: np.ndarray) -> np.ndarray:
    m, n, _ = candidates.shape
    packed = np.zeros((m, n, 8), dtype=np.uint8)
    packed[:, :, : (n + 7) // 8] = np.packbits(candidates, axis=2, bitorder="little")
    rows = packed.view("<u8")[:, :, 0]  # bit j of rows[k, r] = module (r, j)
    full = np.uint64((1 << n) - 1)
    one, two, three = np.uint64(1), np.uint64(2), np.uint64(3)

    # rule 1 along rows: bit j of `same` = modules j and j + 1 equal; a run of L ≥ 5 holds
    # L − 4 windows of five equal modules and one such window at its start: Σ(L − 2).
    same = ~(rows ^ (rows >> one)) & np.uint64((1 << (n - 1)) - 1)
    five = same & (same >> one) & (same >> two) & (same >> three)
    start = five & ~(same << one)
    # rule 1 along columns: the same with rows in place of bits
    vsame = np.zeros_like(rows)
    vsame[:, :-1] = ~(rows[:, 1:] ^ rows[:, :-1]) & full
    vfive = np.zeros_like(rows)
    vfive[:, : n - 4] = vsame[:, : n - 4] & vsame[:, 1 : n - 3] & vsame[:, 2 : n - 2] & vsame[:, 3 : n - 1]
    vstart = vfive.copy()
    vstart[:, 1:] &= ~vsame[:, :-1]
    # rule 2: 2 × 2 blocks (rows r and r + 1 equal at j, and each row equal at j and j + 1)
    blocks = np.zeros_like(rows)
    blocks[:, :-1] = same[:, :-1] & same[:, 1:] & vsame[:, :-1]
    # rule 3: 1 0 1 1 1 0 1 0 0 0 0 starting at bit j, j < n − 11
    dark3 = rows & (rows >> one) & (rows >> two)  # bits j, j+1, j+2 dark
    any4 = rows | (rows >> one)
    any4 |= any4 >> two  # any of bits j … j+3 dark
    match = rows & ~(rows >> one) & (dark3 >> two) & ~(rows >> np.uint64(5)) & (rows >> np.uint64(6))
    match &= ~(any4 >> np.uint64(7)) & np.uint64((1 << max(n - 11, 0)) - 1)
    counts = np.bitwise_count(np.stack((five, start, vfive, vstart, blocks, match, rows))).sum(axis=2, dtype=np.int64)
    weights = np.array([1, 2, 1, 2, 3, 40, 0], dtype=np.int64)
    lost = weights @ counts
    return lost + 10 * (np.abs(100 * counts[6] // (n * n) - 50) // 5)


def _lost_points_modules(candidates: np.ndarray) -> np.ndarray:
    m, n, _ = candidates.shape
    both = np.concatenate((candidates, candidates.transpose(0, 2, 1)))
    same = both[:, 1:, :] == both[:, :-1, :]
    five = same[:, : n - 4] & same[:, 1 : n - 3] & same[:, 2 : n - 2] & same[:, 3 : n - 1]
    starts = np.count_nonzero(five[:, 1:] & ~same[:, : n - 5], axis=(1, 2))
    starts += np.count_nonzero(five[:, 0], axis=1)
    rule1 = np.count_nonzero(five, axis=(1, 2)) + 2 * starts
    corner = candidates[:, :-1, :-1]
    rule2 = 3 * np.count_nonzero(
        (corner == candidates[:, 1:, :-1]) & (corner == candidates[:, :-1, 1:]) & (corner == candidates[:, 1:, 1:]),
        axis=(1, 2),
    )
    # rule 3: rows without their last module, each ended by a separator, searched as bytes
    rows = np.full((m, n, n), 2, dtype=np.uint8)
    rows[:, :, : n - 1] = candidates[:, :, : n - 1]
    dark = np.count_nonzero(candidates, axis=(1, 2))
    lost = np.empty(m, dtype=np.int64)
    for i in range(m):
        rule3 = 40 * rows[i].tobytes().count(_FINDER_LIKE_BYTES)
        rule4 = 10 * (abs(100 * int(dark[i]) // (n * n) - 50) // 5)
        lost[i] = int(rule1[i] + rule1[i + m] + rule2[i]) + rule3 + rule4
    return lost


def encode(payload: str | bytes, level: str = "M") -> QrSymbol:
    """Encode ``payload`` (text → UTF-8) as a QR code in byte mode (编码二维码).

    ``level``: error correction L, M (default, ~15 % damage), Q or H. The symbol equals what
    reportlab's ``QRCode`` makes for ``QR8bitByte(payload)`` at the same level. Raises
    ``ValueError`` for an unknown level or a payload over the largest version's capacity.
    """
    return encode_many([payload], level)[0]


#: Codes scored together (8 candidates each); bounds the temporary arrays to a few megabytes.
_CHUNK = 256


def encode_many(payloads: Sequence[str | bytes], level: str = "M") -> list[QrSymbol]:
    """Encode many payloads at once — the same symbols as :func:`encode`, in the same order, with
    the mask search done for the whole batch in a few array operations (certificate batches)."""
    try:
        ecl = LEVELS[level]
    except KeyError:
        raise ValueError(f"QR error-correction level must be one of {sorted(LEVELS)}") from None
    datas = [p.encode("utf-8") if isinstance(p, str) else bytes(p) for p in payloads]
    groups: dict[int, list[int]] = {}
    for index, data in enumerate(datas):
        groups.setdefault(_version_for(len(data), ecl), []).append(index)
    symbols: list[QrSymbol | None] = [None] * len(datas)
    for version, indexes in groups.items():
        rows, cols, masks, test_skeleton = _layout(version)
        n = test_skeleton.shape[0]
        for start in range(0, len(indexes), _CHUNK):
            chunk = indexes[start:start + _CHUNK]
            streams = np.frombuffer(b"".join(_data_codewords(datas[i], version, ecl) for i in chunk), dtype=np.uint8)
            codewords = _codewords(streams.reshape(len(chunk), -1), version, ecl)
            stream = np.unpackbits(codewords, axis=1).astype(bool)
            bits = np.zeros((len(chunk), len(rows)), dtype=bool)
            bits[:, : stream.shape[1]] = stream
            placed = bits[:, None, :] ^ masks[None, :, :]  # codes × 8 masks × data modules
            candidates = np.empty((len(chunk), 8, n, n), dtype=bool)
            candidates[:] = test_skeleton
            candidates[:, :, rows, cols] = placed
            lost = _lost_points(candidates.reshape(-1, n, n)).reshape(len(chunk), 8)
            best = np.argmin(lost, axis=1)  # the first of equal penalties, as reportlab
            finals = _skeletons(version, ecl)[best]  # codes × n × n, function patterns for each mask
            finals[:, rows, cols] = placed[np.arange(len(chunk)), best]
            for j, index in enumerate(chunk):
                symbols[index] = QrSymbol(modules=finals[j], version=version, level=level, mask=int(best[j]))
    return symbols  # type: ignore[return-value]


# --------------------------------------------------------------------------------------------
# drawing
# --------------------------------------------------------------------------------------------


def path_operators(symbol: QrSymbol) -> str:
    """PDF path operators for the dark modules, in module units with the origin at the symbol's
    bottom-left corner: one ``x y w 1 re`` per horizontal run, ready for a single fill."""
    n = symbol.size
    padded = np.zeros((n, n + 2), dtype=np.int8)
    padded[:, 1:-1] = symbol.modules
    edges = np.diff(padded, axis=1)
    start_rows, start_cols = np.nonzero(edges == 1)
    _end_rows, end_cols = np.nonzero(edges == -1)
    ys = (n - 1 - start_rows).tolist()
    widths = (end_cols - start_cols).tolist()
    return " ".join(f"{c} {y} {w} 1 re" for c, y, w in zip(start_cols.tolist(), ys, widths))


def image_mask_operators(symbol: QrSymbol) -> str:
    """An inline 1-bit image mask of the symbol (one sample per module, 1 = painted), unit
    square; scale it with ``cm`` first. Not interpolated, so modules keep sharp edges."""
    n = symbol.size
    data = np.packbits(symbol.modules, axis=1).tobytes().hex()
    return f"BI /W {n} /H {n} /IM true /BPC 1 /D [1 0] /F /AHx ID {data}> EI"


def draw_qr(canvas, symbol: QrSymbol, x: float, y: float, size: float, *, quiet_zone: int = 4,
            color=None, vector: bool = False) -> None:
    """Draw ``symbol`` on a reportlab ``canvas`` (绘制二维码).

    ``x``, ``y``: bottom-left corner in points; ``size``: the side in points *including* the
    quiet zone of ``quiet_zone`` modules (4 per the standard; it is left blank, not painted).
    ``color``: a reportlab colour (default black). ``vector``: one filled path of rectangles
    instead of the (smaller, faster) image mask. The drawing is wrapped in its own graphics
    state (``q … Q``), so the canvas state is unchanged afterwards.
    """
    module = size / (symbol.size + 2 * quiet_zone)
    x0, y0 = x + quiet_zone * module, y + quiet_zone * module
    fill = "0 g"
    if color is not None:
        r, g, b = color.rgb()
        fill = f"{r:.4f} {g:.4f} {b:.4f} rg"
    if vector:
        body = f"{module:.5f} 0 0 {module:.5f} {x0:.3f} {y0:.3f} cm {path_operators(symbol)} f"
    else:
        side = module * symbol.size
        body = f"{side:.4f} 0 0 {side:.4f} {x0:.3f} {y0:.3f} cm {image_mask_operators(symbol)}"
    canvas.addLiteral(f"q {fill} {body} Q")
