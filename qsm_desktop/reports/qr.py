"""QR codes for certificates (证书二维码), encoded by zxing-cpp.

The symbol comes from a maintained library: ``zxingcpp.create_barcode`` (the zxing-cpp project,
a C++ barcode library; its writer chooses the version for the payload and the mask by the ISO/IEC
18004 penalty rules). Only the drawing is ours: :func:`draw_qr` puts the module matrix on a
reportlab canvas inside a quiet zone of ``QUIET_ZONE`` modules (4 by the standard), left blank —
as a 1-bit image mask (one sample per module, the default) or as one vector path of the dark runs
(``vector=True``). :func:`qr_modules` gives the matrix for on-screen previews, so the app shows
the symbol that is printed.

Why not reportlab's ``QrCodeWidget``: its encoder runs in pure Python, about 11 ms per code (it
tries the eight masks), which made a batch of 1,000 certificates 23 times the cost of drawing
their text; zxing-cpp takes well under a millisecond (BENCHMARKS.md § Certificates).

Payload: text; the library picks the QR encoding mode (a text of digits, upper-case letters and
``$%*+-./:`` goes in the denser alphanumeric mode, other text as UTF-8 bytes, as phones and
``zbarimg`` read it) and the smallest version that holds it; error-correction level M by default
(about 15 % of the symbol may be damaged). A certificate's text (``domain.showcase.qr_payload``,
e.g. ``QSM2007Z001-K7Q2M4XA``) is alphanumeric and fits version 1 (21 × 21 modules) at level M:
about 0.04 ms per code, against 0.11–0.23 ms for the older UTF-8 text in version 4 (33 × 33) —
the encoder lays out and scores the whole symbol under each of the eight masks. Source: DESIGN.md
§5 (QR code that encodes the number for verification), issue 4 §5, issue 14.
"""

from __future__ import annotations

from dataclasses import dataclass
import zxingcpp

#: Error-correction levels (ISO/IEC 18004: L ≈ 7 %, M ≈ 15 %, Q ≈ 25 %, H ≈ 30 % recoverable).
LEVELS = ("L", "M", "Q", "H")

#: Quiet zone around the symbol, in modules (ISO/IEC 18004: at least 4).
QUIET_ZONE = 4


@dataclass(frozen=True)
class QrSymbol:
    """An encoded symbol: ``size`` modules square; ``samples`` one byte per module, rows top to
    bottom, 0 = dark and 255 = light (zxing-cpp's image without its quiet zone)."""

    size: int
    samples: bytes

    def dark(self, row: int, column: int) -> bool:
        """Whether the module at ``row``, ``column`` (0-based, from the top left) is dark."""
        return self.samples[row * self.size + column] == 0


def encode(payload: str, level: str = "M") -> QrSymbol:
    """Encode ``payload`` (text) at error-correction ``level`` (one of :data:`LEVELS`).

    Raises ``ValueError`` for an unknown level, an empty payload or one longer than the largest
    QR version holds at that level.
    """
    if level not in LEVELS:
        raise ValueError(f"QR error-correction level must be one of {LEVELS}, not {level!r}")
    payload = str(payload)
    try:
        barcode = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode, ec_level=level)
    except ValueError as exc:  # the library's message names the limit ("Input too long ...")
        raise ValueError(f"cannot encode {len(payload)} characters as a QR code: {exc}") from None
    image = memoryview(barcode.to_image(scale=1, add_quiet_zones=False))
    rows, columns = image.shape
    if rows != columns:  # a QR symbol is square; anything else is not what we asked for
        raise ValueError(f"unexpected QR symbol shape {rows}×{columns}")
    return QrSymbol(rows, image.tobytes())


def qr_modules(payload: str, *, level: str = "M") -> list[list[bool]]:
    """The module matrix (rows top to bottom, True = dark) of ``payload``'s symbol — the one
    :func:`draw_qr` prints. Raises ``ValueError`` as :func:`encode`."""
    symbol = encode(payload, level)
    n = symbol.size
    return [[v == 0 for v in symbol.samples[r * n:(r + 1) * n]] for r in range(n)]


# light (255) → "1", dark (0) → "0": the image mask's samples with the default Decode [0 1],
# where a 0 sample is painted
_BITS = bytes.maketrans(b"\x00\xff", b"01")


def image_mask_operators(symbol: QrSymbol) -> str:
    """PDF operators of an inline 1-bit image mask of ``symbol`` in the unit square (one sample
    per module, rows padded to whole bytes, ASCII-hex data), painted in the current fill colour."""
    n = symbol.size
    pad = b"\xff" * (-n % 8)
    rows = b"".join(symbol.samples[r * n:(r + 1) * n] + pad for r in range(n)).translate(_BITS)
    data = int(rows, 2).to_bytes(len(rows) // 8, "big").hex()
    return f"BI /W {n} /H {n} /IM true /BPC 1 /F /AHx ID {data}> EI"


def path_operators(symbol: QrSymbol) -> str:
    """PDF operators filling the dark runs of ``symbol`` as one path, in module units with the
    origin at the top-left module and rows going down (the caller sets the matrix)."""
    n = symbol.size
    parts: list[str] = []
    for r in range(n):
        row = symbol.samples[r * n:(r + 1) * n]
        c = row.find(0)
        while c != -1:
            end = row.find(255, c)
            end = n if end == -1 else end
            parts.append(f"{c} {r} {end - c} 1 re")
            c = row.find(0, end)
    parts.append("f")
    return "\n".join(parts)


def draw_qr(canvas, payload: str, x: float, y: float, size: float, *, level: str = "M",
            quiet_zone: int = QUIET_ZONE, color=None, vector: bool = False) -> None:
    """Draw the QR code of ``payload`` on a reportlab ``canvas`` (绘制二维码).

    ``x``, ``y``: bottom-left corner in points; ``size``: the side in points *including* the
    quiet zone of ``quiet_zone`` modules (left blank, not painted); ``color``: a reportlab colour
    for the dark modules (default black); ``vector``: fill the dark runs as one path instead of
    the (smaller, faster) 1-bit image mask — both paint exactly the same modules. Raises
    ``ValueError`` as :func:`encode`.
    """
    draw_symbol(canvas, encode(payload, level), x, y, size, quiet_zone=quiet_zone, color=color, vector=vector)


def draw_symbol(canvas, symbol: QrSymbol, x: float, y: float, size: float, *, quiet_zone: int = QUIET_ZONE,
                color=None, vector: bool = False) -> None:
    """Draw an encoded ``symbol`` (from :func:`encode`) as :func:`draw_qr` does."""
    n = symbol.size
    box = size / (n + 2 * quiet_zone)
    if color is None:
        fill = "0 g"
    else:
        r, g, b = color.rgb()
        fill = f"{r:.4g} {g:.4g} {b:.4g} rg"
    left, top = x + quiet_zone * box, y + size - quiet_zone * box
    # one literal inside its own graphics state (q … Q): the canvas's own state is untouched
    if vector:
        # module units, rows downward: the path holds small integers ("3 5 4 1 re")
        body = f"{box:.5f} 0 0 {-box:.5f} {left:.4f} {top:.4f} cm\n{path_operators(symbol)}"
    else:
        # the unit square maps to the symbol; an image's first row is its top
        side = n * box
        body = f"{side:.5f} 0 0 {side:.5f} {left:.4f} {top - side:.4f} cm\n{image_mask_operators(symbol)}"
    canvas.addLiteral(f"q {fill}\n{body}\nQ")
