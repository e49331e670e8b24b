"""Fuzzing ``qsm import`` with mutated sample returns (issue 11 §3): whatever the bytes, the command
ends with exit status 0 or 1, prints no traceback, and a refused file writes nothing.

A seeded mutator (no randomness between runs) alters the bundled sample returns the ways real files
go wrong and attackers try: byte flips in the file and inside the inflated sheet XML, truncation,
far cells (space-only and real), huge strings, deleted sheets and workbook parts, entity
declarations, zip members that lie about their size. The files are imported by real ``qsm import
--json --db <sqlite>`` processes, a few batches of files each, within a fixed budget (about 30 s).
"""

from __future__ import annotations

import io
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

SEED = 20071231
FILES_PER_RUN = 25
RUNS = 4


def _members(data: bytes) -> tuple[list[zipfile.ZipInfo], dict[str, bytes]]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return archive.infolist(), {i.filename: archive.read(i) for i in archive.infolist()}


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in members.items():
            target.writestr(name, content)
    return out.getvalue()


def _sheet_name(members: dict[str, bytes]) -> str:
    return sorted(n for n in members if n.startswith("xl/worksheets/"))[0]


def _flip_bytes(rng: random.Random, data: bytes) -> bytes:
    raw = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        raw[rng.randrange(len(raw))] = rng.randrange(256)
    return bytes(raw)


def _truncate(rng: random.Random, data: bytes) -> bytes:
    return data[:rng.randrange(1, len(data))]


def _flip_xml(rng: random.Random, data: bytes) -> bytes:
    _, members = _members(data)
    name = _sheet_name(members)
    members[name] = _flip_bytes(rng, members[name])
    return _zip(members)


def _far_cell(rng: random.Random, data: bytes) -> bytes:
    _, members = _members(data)
    name = _sheet_name(members)
    row = rng.choice([1048576, rng.randrange(100, 1048576)])
    col = rng.choice(["XFD", "A", "ZZ", "AAA"])
    text = rng.choice([b" ", b"\xe3\x80\x80", b"", b"x", b"  \t"])
    cell = b'<row r="%d"><c r="%s%d" t="inlineStr"><is><t>%s</t></is></c></row>' % (row, col.encode(), row, text)
    members[name] = members[name].replace(b"</sheetData>", cell + b"</sheetData>")
    return _zip(members)


def _huge_string(rng: random.Random, data: bytes) -> bytes:
    _, members = _members(data)
    name = _sheet_name(members)
    big = ("张" * rng.choice([40_000, 2_000_000])).encode()
    members[name] = re.sub(rb"<t>[^<]{2,}</t>", b"<t>" + big + b"</t>", members[name], count=rng.randint(1, 3))
    return _zip(members)


def _delete_part(rng: random.Random, data: bytes) -> bytes:
    _, members = _members(data)
    victim = rng.choice([_sheet_name(members), "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml",
                         "xl/styles.xml"])
    members.pop(victim, None)
    return _zip(members)


def _delete_sheet_entry(rng: random.Random, data: bytes) -> bytes:
    _, members = _members(data)
    members["xl/workbook.xml"] = re.sub(rb"<sheet [^>]*/>", b"", members["xl/workbook.xml"], count=1)
    return _zip(members)


def _entity_bomb(rng: random.Random, data: bytes) -> bytes:
    _, members = _members(data)
    name = rng.choice([_sheet_name(members), "xl/workbook.xml", "xl/styles.xml"])
    bomb = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">' + b"".join(
        b'<!ENTITY %c "%s">' % (98 + i, (b"&%c;" % (97 + i)) * 10) for i in range(8)) + b"]>"
    xml = members[name]
    end = xml.index(b"?>") + 2 if xml.startswith(b"<?xml") else 0
    members[name] = xml[:end] + bomb + xml[end:].replace(b"<t>", b"<t>&i;", 1)
    return _zip(members)


def _lying_size(rng: random.Random, data: bytes) -> bytes:
    raw = bytearray(data)
    for match in re.finditer(rb"PK\x01\x02", data):
        if rng.random() < 0.5:
            raw[match.start() + 24:match.start() + 28] = rng.randrange(1, 1 << 31).to_bytes(4, "little")
    return bytes(raw)


MUTATORS = [_flip_bytes, _truncate, _flip_xml, _far_cell, _far_cell, _huge_string, _delete_part, _delete_sheet_entry,
            _entity_bomb, _lying_size]


def _counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}


def _qsm(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    return subprocess.run([sys.executable, "-m", "qsm_desktop.cli", *args], capture_output=True, text=True,
                          env=env, timeout=300)


@pytest.mark.skipif(sys.platform == "win32", reason="the memory cap of the child uses POSIX resource limits")
def test_mutated_returns_never_crash_qsm_import(samples_dir: Path, tmp_path: Path, _migrated_sqlite_template):
    db = tmp_path / "fuzz.db"
    shutil.copyfile(_migrated_sqlite_template, db)
    url = f"sqlite:///{db}"
    done = _qsm("--db", url, "import", str(samples_dir / "org_units.xlsx"))
    assert done.returncode == 0, done.stderr
    sources = sorted(samples_dir.glob("certification_*.xlsx")) + sorted((samples_dir / "messy").glob("*"))
    rng = random.Random(SEED)
    for run in range(RUNS):
        folder = tmp_path / f"run{run}"
        folder.mkdir()
        made = []
        for index in range(FILES_PER_RUN):
            source = rng.choice(sources)
            data = source.read_bytes()
            mutator = rng.choice(MUTATORS if source.suffix == ".xlsx" else [_flip_bytes, _truncate])
            try:
                data = mutator(rng, data)
            except (ValueError, KeyError, zipfile.BadZipFile):
                data = _flip_bytes(rng, data)
            path = folder / f"{index:02d}_{mutator.__name__.strip('_')}_{source.name}"
            path.write_bytes(data)
            made.append(path)
        before = _counts(db)
        done = _qsm("--db", url, "import", "--json", *map(str, made))
        output = done.stdout + done.stderr
        assert done.returncode in (0, 1), (run, done.returncode, output[-3000:])
        assert "Traceback" not in output and "程序内部错误" not in output and "Internal error" not in output, output[-3000:]
        results = json.loads(done.stdout)["files"]
        assert len(results) == len(made)
        after = _counts(db)
        imported = [r for r in results if r["status"] == "imported"]
        assert after["import_batches"] - before["import_batches"] == len(imported), results
        if not imported:
            assert after == before
        for result in results:
            if result["status"] == "refused":
                assert result["problems"], result
