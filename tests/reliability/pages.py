"""Decrypt every page of a SQLCipher 4 file with its raw key, free pages included:
what someone holding the key could recover, beyond what SQL shows."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80  # 16-byte IV + 64-byte HMAC-SHA512 per page (SQLCipher 4 defaults)
SALT = 16


def decrypted_pages(path: Path, key: bytes) -> bytes:
    return b"".join(page_by_page(path, key))


def page_by_page(path: Path, key: bytes) -> list[bytes]:
    data = path.read_bytes()
    out: list[bytes] = []
    for offset in range(0, len(data) - PAGE + 1, PAGE):
        page = data[offset : offset + PAGE]
        start = SALT if offset == 0 else 0
        iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        out.append(decryptor.update(page[start : PAGE - RESERVE]) + decryptor.finalize())
    return out
