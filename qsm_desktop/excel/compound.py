"""Just enough of the compound file format ([MS-CFB], OLE2) to read a legacy .xls (旧版Excel文件).

The reader recognises files by their bytes (:mod:`qsm_desktop.excel.reader`): it lists a compound
file's streams to tell a workbook from an encrypted one, a Word document or a damaged file, and
:mod:`qsm_desktop.excel.bounds` reads the ``Workbook`` stream's records to find each sheet's extent
before python-calamine reads it. Nothing here trusts a size or a sector number: every chain is
bounded by the file, and a file that ends early raises :class:`Truncated`.
"""

from __future__ import annotations

import struct

__all__ = ["CompoundFile", "Truncated"]

_FREESECT, _ENDOFCHAIN = 0xFFFFFFFF, 0xFFFFFFFE


class Truncated(Exception):
    """The compound file ends before a sector it refers to."""


class CompoundFile:
    """A compound file's sectors, allocation table and directory, from its bytes.

    Raises :class:`Truncated` when the file is shorter than its header says, ``ValueError`` for a
    sector size other than 512 or 4096, ``struct.error``/``IndexError`` for other damage.
    """

    def __init__(self, data: bytes) -> None:
        if len(data) < 512:
            raise Truncated
        self.data = data
        shift = struct.unpack_from("<H", data, 0x1E)[0]
        if shift not in (9, 12):
            raise ValueError("bad sector size")
        self.size = 1 << shift
        n_fat, self.dir_start = struct.unpack_from("<II", data, 0x2C)
        self.mini_cutoff, self.minifat_start = struct.unpack_from("<II", data, 0x38)
        difat_start, n_difat = struct.unpack_from("<II", data, 0x44)
        difat = [s for s in struct.unpack_from("<109I", data, 0x4C) if s not in (_FREESECT, _ENDOFCHAIN)]
        sector, hops = difat_start, 0
        per = self.size // 4
        while sector not in (_FREESECT, _ENDOFCHAIN) and hops < max(n_difat, 1) + 1000:
            entries = struct.unpack_from(f"<{per}I", self._sector(sector))
            difat.extend(s for s in entries[:-1] if s not in (_FREESECT, _ENDOFCHAIN))
            sector, hops = entries[-1], hops + 1
        fat: list[int] = []
        for sid in difat[:n_fat] if n_fat else difat:
            fat.extend(struct.unpack_from(f"<{per}I", self._sector(sid)))
        self.fat = fat
        self._root: tuple[int, int] | None = None

    def _sector(self, sid: int) -> bytes:
        start = (sid + 1) * self.size
        if start + self.size > len(self.data):
            raise Truncated
        return self.data[start:start + self.size]

    def chain(self, start: int, limit: int | None = None):
        """The sector numbers of the chain from ``start`` (at most ``limit`` of them)."""
        sector, seen = start, 0
        while sector not in (_FREESECT, _ENDOFCHAIN):
            if sector >= len(self.fat) or seen > len(self.fat):
                raise Truncated
            yield sector
            seen += 1
            if limit is not None and seen >= limit:
                return
            sector = self.fat[sector]

    def entries(self) -> list[tuple[str, int, int, int]]:
        """(name, type, start sector, size) of every directory entry (type 1 storage, 2 stream, 5 root)."""
        result = []
        for sid in self.chain(self.dir_start):
            block = self._sector(sid)
            for offset in range(0, self.size, 128):
                raw = block[offset:offset + 128]
                length = struct.unpack_from("<H", raw, 64)[0]
                kind = raw[66]
                if kind == 0 or length < 2 or length > 64:
                    continue
                name = raw[:length - 2].decode("utf-16-le", errors="replace")
                start, size = struct.unpack_from("<II", raw, 116)
                if kind == 5 and self._root is None:
                    self._root = (start, size)
                result.append((name, kind, start, size))
        return result

    def read_start(self, start: int, size: int, max_bytes: int) -> bytes:
        """The first ``max_bytes`` of a stream kept in regular sectors (size ≥ 4096)."""
        sectors = (min(size, max_bytes) + self.size - 1) // self.size
        return b"".join(self._sector(sid) for sid in self.chain(start, sectors))[:size]

    def read_stream(self, start: int, size: int) -> bytes:
        """A whole stream: from regular sectors, or from the mini stream when it is smaller than the
        cutoff (4096 bytes). At most the file's own size is read."""
        size = min(size, len(self.data))
        if size >= self.mini_cutoff:
            return self.read_start(start, size, size)
        if self._root is None:
            self.entries()
        if self._root is None:
            raise Truncated
        root_start, root_size = self._root
        mini = b"".join(self._sector(sid) for sid in self.chain(root_start))[:root_size]
        minifat: list[int] = []
        for sid in self.chain(self.minifat_start):
            minifat.extend(struct.unpack_from(f"<{self.size // 4}I", self._sector(sid)))
        out, sector, seen = [], start, 0
        while sector not in (_FREESECT, _ENDOFCHAIN) and len(out) * 64 < size:
            if sector >= len(minifat) or seen > len(minifat):
                raise Truncated
            out.append(mini[sector * 64:sector * 64 + 64])
            sector, seen = minifat[sector], seen + 1
        return b"".join(out)[:size]
