"""The backup's copy: writes never wait for it, it is still one consistent moment,
and no vault file is ever whole in memory (issue 13, "writes never wait on a
backup"; DESIGN §6, write latency while the daily backup runs).

Observed through the write lock and the copies themselves, never through time."""

from __future__ import annotations

import os
import secrets
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS
from twofold.services import backups
from twofold.services.session import Session, unlock
from twofold.vault import backup as backup_files
from twofold.vault.locks import WRITE_LOCK, FolderLock


@pytest.fixture
def alex(vault_dir: Path) -> Iterator[Session]:
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    assert session.journal is not None
    session.journal.write("written before the backup")
    yield session
    session.lock()


def _lock_is_free(folder: Path) -> bool:
    """What a writer would find: can it take the write lock without waiting?"""
    lock = FolderLock(folder / WRITE_LOCK)
    if not lock.acquire(timeout=0.0):
        return False
    lock.release()
    return True


def _restored_bodies(backup: Path, into: Path) -> set[str]:
    backups.restore(backup, into)
    session = unlock(into, "Alex", ALEX_PASS)
    try:
        assert session.verify().ok
        assert session.journal is not None
        return {r.body for r in session.journal.listing(0, 10_000).records}
    finally:
        session.lock()


def _hook_copies(
    monkeypatch: pytest.MonkeyPatch, during: Callable[[Path, Path], None]
) -> list[bool]:
    """Run ``during(source, copy)`` before every piece of copying the backup does;
    returns, for each call, whether a writer could have taken the lock just then."""
    real = backup_files._copy_differences
    free: list[bool] = []

    def copy(source: Path, copy: Path) -> int:
        free.append(_lock_is_free(source.parent))
        during(source, copy)
        return real(source, copy)

    monkeypatch.setattr(backup_files, "_copy_differences", copy)
    return free


def test_a_save_during_the_copy_goes_through_and_is_in_the_backup(
    alex: Session, vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = alex.journal
    assert journal is not None
    written: list[str] = []

    def write_once(source: Path, copy: Path) -> None:
        if not written and source.name == "shared.db":
            written.append(f"saved while the backup copied {secrets.token_hex(4)}")
            journal.write(written[0])  # would raise VaultInUse after 10 s if it waited

    free = _hook_copies(monkeypatch, write_once)
    target = backups.backup_now(vault_dir, tmp_path / "during.twofold-backup")

    assert written
    assert free[0], "the first copy ran while the write lock was held"
    # the save changed the journal after its copy had begun: the backup noticed and
    # holds the vault as it was after the save, whole (it restores, opens, verifies)
    assert _restored_bodies(target, tmp_path / "restored") >= {
        "written before the backup",
        written[0],
    }


def test_writes_that_never_stop_end_with_the_last_differences_copied_under_the_lock(
    alex: Session, vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = alex.journal
    assert journal is not None
    written: list[str] = []

    def always_write(source: Path, copy: Path) -> None:
        if source.name.startswith("journal-") and _lock_is_free(vault_dir):
            written.append(f"one more save {len(written)}")
            journal.write(written[-1])

    free = _hook_copies(monkeypatch, always_write)
    target = backups.backup_now(vault_dir, tmp_path / "busy.twofold-backup")

    # every optimistic round saw a new save; the last round copied the difference
    # while holding the lock (a writer would have waited only for that piece)
    assert len(written) >= backup_files.ROUNDS
    assert free[0] and not free[-1]
    assert set(written) <= _restored_bodies(target, tmp_path / "restored")


def test_no_vault_file_is_ever_whole_in_memory(
    alex: Session, vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = alex.journal
    assert journal is not None
    for n in range(120):  # ~4 MB of text that does not compress or repeat
        journal.write(f"entry {n} " + secrets.token_hex(16_000))
    largest = max(p.stat().st_size for p in backup_files.vault_files(vault_dir))
    monkeypatch.setattr(backup_files, "CHUNK", 64 * 1024)
    cap = 1024 * 1024
    assert largest > 4 * cap

    tracemalloc.start()
    try:
        target = backups.backup_now(vault_dir, tmp_path / "big.twofold-backup")
        # the copy is stale now: the next backup copies only the differences
        alex.journal.write("a change the second copy has to find")  # type: ignore[union-attr]
        backups.backup_now(vault_dir, tmp_path / "big-2.twofold-backup")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < cap, f"{peak:,} bytes held at once for a {largest:,}-byte file"
    assert "a change the second copy has to find" not in _restored_bodies(
        target, tmp_path / "restored"
    )


def test_the_copy_is_private_on_the_vaults_filesystem_and_never_left_behind(
    alex: Session, vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = vault_dir / f"{backup_files.STAGING_PREFIX}left-by-a-crash"
    stale.mkdir(mode=0o700)
    (stale / "shared.db").write_bytes(b"an old copy")
    old = stale.stat().st_mtime - 2 * backup_files.STALE_STAGING
    os.utime(stale, (old, old))
    seen: list[tuple[int, int, int]] = []

    def look(source: Path, copy: Path) -> None:
        staging = copy.parent
        mode = copy.stat().st_mode & 0o777 if copy.exists() else 0o600
        seen.append((staging.stat().st_mode & 0o777, mode, staging.stat().st_dev))

    _hook_copies(monkeypatch, look)
    backups.backup_now(vault_dir, tmp_path / "one.twofold-backup")

    assert seen and all(s[:2] == (0o700, 0o600) for s in seen)
    assert {s[2] for s in seen} == {vault_dir.stat().st_dev}
    assert not [p for p in vault_dir.iterdir() if p.name.startswith(backup_files.STAGING_PREFIX)]

    def fail(source: Path, copy: Path) -> None:
        raise OSError(28, "No space left on device")

    _hook_copies(monkeypatch, fail)
    with pytest.raises(Exception, match="disk is full"):
        backups.backup_now(vault_dir, tmp_path / "two.twofold-backup")
    assert not [p for p in vault_dir.iterdir() if p.name.startswith(backup_files.STAGING_PREFIX)]
    assert not (tmp_path / "two.twofold-backup").exists()
