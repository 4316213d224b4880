"""A backup puts its writes on the disk in pieces, so a reflection saved while it runs
waits behind one piece, not behind the whole archive (issue 17: a save during the
daily backup of the ten-year vault took up to 0.2–0.4 s, behind the flush of a 130 MB
archive or of the zeros over the staged copy earlier versions made)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS
from twofold.services import backups
from twofold.services.session import unlock
from twofold.vault import backup as backup_files


def test_the_archive_is_flushed_piece_by_piece(
    vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        assert session.journal is not None
        for n in range(40):
            session.journal.write(f"entry {n} " + "words of a long evening " * 80)
    finally:
        session.lock()
    size = (vault_dir / "shared.db").stat().st_size
    piece = 64 * 1024
    monkeypatch.setattr(backup_files, "FLUSH_EVERY", piece, raising=False)
    monkeypatch.setattr(backup_files, "CHUNK", piece // 4)  # read and written in pieces
    flushed: list[int] = []
    real = os.fdatasync

    def counting(fd: int) -> None:
        flushed.append(os.fstat(fd).st_size)
        real(fd)

    monkeypatch.setattr(os, "fdatasync", counting)  # the os module backup.py calls
    target = backups.backup_now(vault_dir, tmp_path / "out" / "b.twofold-backup")
    total = sum(p.stat().st_size for p in backup_files.vault_files(vault_dir))
    assert total > 4 * piece and size > piece
    # the archive (about ``total`` bytes): one flush per piece, not one at the end,
    # each flush a piece further into the file
    assert len(flushed) >= total // piece - len(backup_files.vault_files(vault_dir))
    assert flushed == sorted(flushed)
    # and the backup is whole
    backups.restore(target, tmp_path / "restored")
    restored = unlock(tmp_path / "restored", "Alex", ALEX_PASS)
    try:
        assert restored.verify().ok
        assert restored.journal is not None
        assert len(restored.journal.listing().records) == 40
    finally:
        restored.lock()


def test_the_backup_rests_after_each_flush_as_long_as_it_took(
    vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Paced: between two pieces the disk's queue is left to a save's own fsync."""
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        assert session.journal is not None
        for n in range(20):
            session.journal.write(f"entry {n} " + "words of a long evening " * 80)
    finally:
        session.lock()
    monkeypatch.setattr(backup_files, "FLUSH_EVERY", 64 * 1024)
    monkeypatch.setattr(backup_files, "CHUNK", 16 * 1024)
    events: list[tuple[str, float]] = []
    real = os.fdatasync

    def flush(fd: int) -> None:
        real(fd)
        events.append(("flush", 0.0))

    monkeypatch.setattr(os, "fdatasync", flush)
    monkeypatch.setattr(
        time, "sleep", lambda s: events.append(("rest", s))
    )  # as backup.py calls it
    target = backups.backup_now(vault_dir, tmp_path / "b.twofold-backup")

    flushes = [i for i, (kind, _) in enumerate(events) if kind == "flush"]
    assert len(flushes) >= 4
    for i in flushes:
        kind, rest = events[i + 1]
        assert kind == "rest" and 0 < rest <= backup_files.MAX_REST
    assert backups.check(target)


def test_a_system_without_fdatasync_flushes_with_fsync(
    vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """macOS and Windows: Python's ``os`` has no ``fdatasync`` there."""
    monkeypatch.delattr(os, "fdatasync", raising=False)
    monkeypatch.setattr(backup_files, "FLUSH_EVERY", 64 * 1024)
    synced: list[int] = []
    real = os.fsync

    def counting(fd: int) -> None:
        synced.append(fd)
        real(fd)

    monkeypatch.setattr(os, "fsync", counting)
    target = backups.backup_now(vault_dir, tmp_path / "b.twofold-backup")
    assert len(synced) > 2  # pieces, then the whole file
    assert backups.check(target)
