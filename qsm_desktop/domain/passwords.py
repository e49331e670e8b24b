"""Password hashes for SQLite accounts (口令散列) — DESIGN §6.

On SQLite the accounts live in the database file, so their passwords are kept as hashes made with
scrypt (``hashlib.scrypt``): a memory-hard key-derivation function, so guessing passwords from a
copied file costs memory as well as time on every guess. (On PostgreSQL the server keeps the
password itself, as a SCRAM-SHA-256 verifier; no hash is stored by QSM Desktop there.)

A hash is one self-describing text: ``scrypt$<n>$<r>$<p>$<salt, base64>$<key, base64>`` — the
cost parameters and the 16-byte random salt are stored with it, so stronger parameters can be
adopted later without invalidating existing hashes (:func:`needs_rehash` tells which). Checking
compares in constant time (:func:`hmac.compare_digest`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

__all__ = ["SCHEME", "hash_password", "needs_rehash", "verify_password"]

SCHEME = "scrypt"
N = 2 ** 15          # CPU/memory cost: 2^15 × 128 × r bytes = 32 MiB per guess
R = 8                # block size
P = 1                # parallelism
KEY_BYTES = 32
SALT_BYTES = 16
_MAX_N = 2 ** 20     # refuse absurd stored parameters (a crafted hash must not exhaust memory)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(password: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=length,
                          maxmem=128 * n * r * p + 2 * 1024 * 1024)


def hash_password(password: str) -> str:
    """The stored form of ``password`` (any Unicode text, UTF-8 encoded) with a fresh random salt.

    Raises ``ValueError`` for an empty password.
    """
    if not password:
        raise ValueError("empty password")
    salt = os.urandom(SALT_BYTES)
    key = _derive(password, salt, N, R, P, KEY_BYTES)
    return f"{SCHEME}${N}${R}${P}${_b64(salt)}${_b64(key)}"


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    parts = (stored or "").split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        return None
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt, key = base64.b64decode(parts[4], validate=True), base64.b64decode(parts[5], validate=True)
    except (ValueError, TypeError):
        return None
    if not (2 <= n <= _MAX_N and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16 and salt and 16 <= len(key) <= 64):
        return None
    return n, r, p, salt, key


def verify_password(password: str, stored: str | None) -> bool:
    """Whether ``password`` matches the ``stored`` hash (``False`` for a missing or malformed hash).

    The comparison of the derived keys takes the same time wherever they differ.
    """
    parsed = _parse(stored or "")
    if parsed is None or not password:
        return False
    n, r, p, salt, key = parsed
    return hmac.compare_digest(_derive(password, salt, n, r, p, len(key)), key)


def needs_rehash(stored: str) -> bool:
    """Whether ``stored`` was made with other parameters than today's (rehash on the next sign-in)."""
    parsed = _parse(stored)
    return parsed is None or parsed[:3] != (N, R, P) or len(parsed[4]) != KEY_BYTES
