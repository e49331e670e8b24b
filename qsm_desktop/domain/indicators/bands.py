"""Rank bands as typed (名次档文字): ``1-3:100%; 4-5:50%`` ↔ the TOML shape of a ``rank`` rule.

Used wherever a person types bands: a workbook cell (指标 sheet, column 名次档) and the editor's field.
"""

from __future__ import annotations

import re

_BAND_TEXT = re.compile(r"^\s*(\d+)\s*(?:[-–~至]\s*(\d+))?\s*[:：]\s*([0-9.]+)\s*(%?)\s*$")


def parse_bands(text: str) -> list[dict] | None:
    """Rank bands as typed in a cell or a field (名次档): ``1-3:100%; 4-5:50%`` (also ``1~3：1.0``,
    ``6:0.2``; a value above 1 is a percentage) → ``[{"from": 1, "to": 3, "fraction": 1.0}, …]``, the
    TOML shape of a ``rank`` rule; ``None`` when a part is not understood."""
    out = []
    for part in re.split(r"[;；,，]", text):
        if not part.strip():
            continue
        m = _BAND_TEXT.match(part)
        if not m:
            return None
        value = float(m.group(3))
        fraction = value / 100.0 if m.group(4) or value > 1 else value
        out.append({"from": int(m.group(1)), "to": int(m.group(2) or m.group(1)), "fraction": fraction})
    return out


def bands_text(bands: list[dict]) -> str:
    """The inverse of :func:`parse_bands`: ``[{"from": 1, "to": 3, "fraction": 1.0}, …]`` → ``1-3:100%; …``."""
    return "; ".join(f"{b['from']}-{b['to']}:{b['fraction'] * 100:g}%" for b in bands)


__all__ = ["bands_text", "parse_bands"]
