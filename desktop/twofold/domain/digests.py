"""SHA-256 without loading OpenSSL for a command that hashes little.

``hashlib``'s SHA-256 is OpenSSL's: importing ``hashlib`` (or ``hmac``) loads and
initialises the system's libcrypto, ~12 M instructions (~5 ms) of every command's
start, for a search that hashes about twenty short things (the ledger's head, the
key changes, the key slot's check values). CPython's own SHA-256 (the built-in module
hashlib falls back to) is as fast on short inputs and 2-6x slower on long ones (no
SHA extensions). So a process's first few hundred hashes of short inputs use the
built-in one, and a process that hashes more (a full verify hashes every event twice)
or something long loads OpenSSL's from then on. Both are SHA-256: the digests are the
same bytes (tests/unit/test_digests.py holds them to hashlib). HMAC, which takes
key material, is built on this in ``vault/crypto.py``: keys stay in the vault layer.
"""

from __future__ import annotations

from collections.abc import Callable

TYPE_CHECKING = False  # what type checkers assume True: typing is not imported
if TYPE_CHECKING:
    from typing import Any

if TYPE_CHECKING:
    _New = Callable[[bytes], Any]  # a hashlib-style constructor


def _builtin_sha256() -> _New | None:
    """CPython's own SHA-256 constructor (``_sha256`` in 3.11, ``_sha2`` since 3.12)."""
    for name in ("_sha256", "_sha2"):
        try:
            constructor: _New = __import__(name).sha256
        except (ImportError, AttributeError):
            continue
        return constructor
    return None  # pragma: no cover - not CPython: hashlib's


_builtin = _builtin_sha256()

FEW = 256  # hashes before OpenSSL's is worth loading
SHORT = 1024  # bytes: longer inputs go to OpenSSL's at once

_count = 0
_openssl: _New | None = None


def _new(size: int) -> _New:
    global _count, _openssl
    if _openssl is not None:
        return _openssl
    _count += 1
    if _builtin is None or _count > FEW or size > SHORT:
        import hashlib

        _openssl = hashlib.sha256
        return _openssl
    return _builtin


def sha256(data: bytes) -> bytes:
    return bytes(_new(len(data))(data).digest())


def sha256_hex(data: bytes) -> str:
    return str(_new(len(data))(data).hexdigest())


__all__ = ["sha256", "sha256_hex"]
