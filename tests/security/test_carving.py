"""Retracted and deleted text is gone, tried as an attacker would (issue 11 B7): a
small ext4 image is loop-mounted, the vault lives on it, write → share → retract →
delete runs, the image is unmounted and its raw blocks are carved for the canaries,
decrypted as SQLCipher pages with every key the attacker could hold.

Needs root (loop mount); skipped elsewhere. A control run with the old settings
(rollback journal deleted, not overwritten; backups not replaced) shows the carver
finds what the fix removes."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from tests.conftest import ALEX_PASS, SAM_PASS, TEST_KDF
from twofold.services.session import create_vault, unlock
from twofold.vault import database, vault
from twofold.vault.keyslots import PartnerKeys


def _tool(name: str) -> str:
    return shutil.which(name) or name


def _can_mount() -> bool:
    return os.geteuid() == 0 and shutil.which("mkfs.ext4") is not None


@contextlib.contextmanager
def ext4_image(tmp_path: Path, size_mib: int = 12) -> Iterator[tuple[Path, Path]]:
    image, mount = tmp_path / "disk.img", tmp_path / "mnt"
    with image.open("wb") as handle:
        handle.truncate(size_mib * 1024 * 1024)
    subprocess.run([_tool("mkfs.ext4"), "-q", "-F", "-b", "4096", str(image)], check=True)
    mount.mkdir()
    done = subprocess.run([_tool("mount"), "-o", "loop", str(image), str(mount)], check=False)
    if done.returncode != 0:
        pytest.skip("loop mount is not possible here")
    try:
        yield image, mount
    finally:
        subprocess.run([_tool("umount"), str(mount)], check=True)


def _decrypted_streams(data: bytes, keys: list[bytes]) -> Iterator[bytes]:
    """The whole raw disk decrypted as AES-256-CBC with each key, at every 16-byte
    alignment where SQLCipher page images can sit: database pages on 4096-byte
    boundaries (alignment 0), rollback-journal page images 4 bytes after each
    8-byte record header (alignments 4 and 12). CBC: plaintext block j is
    D(C_j) xor C_(j-1), so one ECB pass per key and alignment recovers every
    block except the first of each page (whose IV sits at the page's end); the
    canaries are cell text, never in a page's first 16 bytes."""
    for shift in (0, 4, 12):
        body = data[shift:]
        body = body[: len(body) - len(body) % 16]
        previous = bytes(16) + body[:-16]
        for key in keys:
            ecb = Cipher(algorithms.AES(key), modes.ECB()).decryptor()  # noqa: S305
            raw = ecb.update(body) + ecb.finalize()
            plain = int.from_bytes(raw, "big") ^ int.from_bytes(previous, "big")
            yield plain.to_bytes(len(raw), "big")


def _found(image: Path, keys: list[bytes], canaries: dict[str, bytes]) -> set[str]:
    data = image.read_bytes()
    found = {name for name, c in canaries.items() if c in data}  # in plaintext anywhere
    for plain in _decrypted_streams(data, keys):
        for name, canary in canaries.items():
            if canary in plain:
                found.add(name)
    return found


def _scenario(mount: Path, keys_out: list[bytes]) -> dict[str, bytes]:
    folder = mount / "vault"
    create_vault(folder, [("Alex", ALEX_PASS), ("Sam", SAM_PASS)], TEST_KDF)
    canaries = {
        "private": b"PRIVATECANARY" + secrets.token_hex(6).encode(),
        "shared": b"SHAREDCANARY" + secrets.token_hex(6).encode(),
    }
    alex = unlock(folder, "Alex", ALEX_PASS)
    assert alex.journal is not None and alex.sharing is not None
    for n in range(20):
        alex.journal.write(f"filler entry {n} " + "ordinary words " * 60)
    record = alex.journal.write("today " + canaries["private"].decode() + " words " * 50)
    item = alex.sharing.add(record)
    alex.sharing.update(item, "for sam " + canaries["shared"].decode(), "")
    [event_id] = alex.sharing.confirm(alex.sharing.preview([item]))
    alex.auto_backup(date(2026, 12, 1))  # the daily backup holds both canaries
    for n in range(3):  # later shares rewrite the pages that hold the first one
        later = alex.journal.write(f"later entry {n} " + "more words " * 40)
        step = alex.sharing.add(later)
        alex.sharing.update(step, f"later shared version {n} " + "shared words " * 30, "")
        alex.sharing.confirm(alex.sharing.preview([step]))
    alex.auto_backup(date(2026, 12, 2))
    alex.timeline.retract(event_id)
    alex.journal.delete(record)
    alex.replace_backups(date(2026, 12, 3))
    keys: PartnerKeys = alex._vault._keys  # type: ignore[assignment]
    assert keys.journal_key is not None
    keys_out += [bytes(keys.vault_key), bytes(keys.journal_key)]
    alex.lock()
    sam = unlock(folder, "Sam", SAM_PASS)
    sam_keys: PartnerKeys = sam._vault._keys  # type: ignore[assignment]
    assert sam_keys.journal_key is not None
    keys_out.append(bytes(sam_keys.journal_key))
    assert all(i.body != "for sam " + canaries["shared"].decode() for i in sam.timeline.page())
    sam.lock()
    os.sync()
    return canaries


@pytest.mark.slow
@pytest.mark.skipif(not _can_mount(), reason="needs root and mkfs.ext4 for a loop mount")
def test_retracted_and_deleted_text_cannot_be_carved_from_the_disk(tmp_path: Path) -> None:
    keys: list[bytes] = []
    with ext4_image(tmp_path) as (image, mount):
        canaries = _scenario(mount, keys)
    assert _found(image, keys, canaries) == set()


@pytest.mark.slow
@pytest.mark.skipif(not _can_mount(), reason="needs root and mkfs.ext4 for a loop mount")
def test_control_the_old_settings_leave_the_text_on_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without PERSIST + overwrite (and with backups only rotated), the carver finds
    the canaries: the test above can fail."""
    monkeypatch.setattr(
        database,
        "FILE_PRAGMAS",
        ("journal_mode = DELETE", "synchronous = FULL", "secure_delete = ON"),
    )
    monkeypatch.setattr(vault, "scrub_journal", lambda path: None)
    monkeypatch.setattr(
        "twofold.services.session.Session.replace_backups", lambda self, today=None: None
    )
    keys: list[bytes] = []
    with ext4_image(tmp_path) as (image, mount):
        canaries = _scenario(mount, keys)
    assert _found(image, keys, canaries) == {"private", "shared"}
