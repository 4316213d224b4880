"""kill -9 while the automatic backups are replaced after a key change (issue 11): the
child changes Alex's passphrase and replaces the backups, as ``twofold
replace-backups`` and the app's offer after a key change do, and is killed at a
random moment. Afterwards (once the next start has finished or undone the
interrupted replacement) exactly one of the old and new passphrases opens, the
journal is intact, and the automatic backups are the complete old set or the
complete new one: no backup lost, none half-written, no hidden leftover."""

from __future__ import annotations

import hashlib
import os
import random
import select
import signal
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS, TEST_KDF
from twofold.domain.errors import WrongPassphrase
from twofold.services import backups
from twofold.services.paths import default_backup_folder
from twofold.services.session import create_vault, unlock

BODIES = [f"private entry {n} " + "words " * (n * 40) for n in range(6)]
DAY = date(2026, 12, 3)


def _secret(n: int) -> str:
    return ALEX_PASS if n == 0 else f"alex passphrase number {n} lamp orbit"


def _set(folder: Path) -> dict[str, str]:
    """The automatic backups: name → SHA-256."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in backups.daily_backups(folder)
    }


def _child(vault: Path, write_fd: int, n: int) -> None:
    session = unlock(vault, "Alex", _secret(n))
    os.write(write_fd, b"ready\n")
    session.change_passphrase(_secret(n + 1), TEST_KDF)
    os.write(write_fd, b"changed\n")
    session.replace_backups(DAY)
    os.write(write_fd, b"replaced\n")
    session.lock()


def _opens(vault: Path, n: int) -> bool:
    try:
        session = unlock(vault, "Alex", _secret(n))
    except WrongPassphrase:
        return False
    try:
        assert session.journal is not None
        assert [r.body for r in session.journal.listing().records] == BODIES[::-1]
        assert session.verify().ok
    finally:
        session.lock()
    return True


def _run_child(vault: Path, n: int, kill_after: float | None, after_changed: bool) -> list[str]:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        os.close(read_fd)
        try:
            _child(vault, write_fd, n)
            os._exit(0)
        finally:
            os._exit(1)
    os.close(write_fd)
    lines = b""
    wait_for = b"changed" if after_changed else b"ready"
    while wait_for not in lines and b"replaced" not in lines:
        ready, _, _ = select.select([read_fd], [], [], 60)
        assert ready, "the child did not start"
        chunk = os.read(read_fd, 4096)
        if not chunk:
            break
        lines += chunk
    if kill_after is not None:
        time.sleep(kill_after)
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    while chunk := os.read(read_fd, 4096):
        lines += chunk
    os.close(read_fd)
    return lines.decode().split()


def _round(vault: Path, n: int, rng: random.Random, window: float) -> tuple[int, str]:
    """One change + replacement killed at a random moment; returns the passphrase
    number that works now and which set the backups are ("old" or "new")."""
    folder = default_backup_folder(vault)
    # the old set: today's backup and two earlier days, made with passphrase n
    for back in (2, 1, 0):
        backups.rotate_daily(vault, today=DAY - timedelta(days=back))
    old = _set(folder)
    assert len(old) >= 3
    after_changed = rng.random() < 0.75  # most kills land in the backup rewrite
    said = _run_child(vault, n, rng.uniform(0.0, window), after_changed)
    # the next start: the interrupted replacement is finished or undone
    backups.finish_interrupted_replace(folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted(_set(folder)), (
        "hidden leftovers after recovery"
    )
    works = {m: _opens(vault, m) for m in (n, n + 1)}
    assert sum(works.values()) == 1, f"after {said}: {works}"
    current = n + 1 if works[n + 1] else n
    now = _set(folder)
    for name in now:
        backups.check(folder / name)  # complete: every member matches the manifest
    if now == old:
        return current, "old"
    # the new set: one backup, today's, made after the change (it opens with the new
    # passphrase only)
    assert list(now) == [f"twofold-{DAY.isoformat()}.twofold-backup"], (said, old, now)
    assert current == n + 1, said
    restored = vault.parent / f"restored-{n}"
    backups.restore(folder / next(iter(now)), restored)
    assert _opens(restored, n + 1) and not _opens(restored, n)
    return current, "new"


def _rounds(tmp_path: Path, count: int, seed: int) -> None:
    vault = tmp_path / "vault"
    create_vault(vault, [("Alex", ALEX_PASS), ("Sam", SAM_PASS)], TEST_KDF)
    alex = unlock(vault, "Alex", ALEX_PASS)
    assert alex.journal is not None
    for body in BODIES:
        alex.journal.write(body)
    alex.lock()
    # how long a whole change + replacement takes here: the kills spread over it
    started = time.perf_counter()
    said = _run_child(vault, 0, None, False)
    window = (time.perf_counter() - started) * 1.2
    assert said[-1] == "replaced"
    backups.finish_interrupted_replace(default_backup_folder(vault))
    current = 1
    rng = random.Random(seed)
    seen = {"old": 0, "new": 0}
    for _ in range(count):
        current, which = _round(vault, current, rng, window)
        seen[which] += 1
    unlock(vault, "Sam", SAM_PASS).lock()  # the other partner is never affected
    assert seen["old"] and seen["new"], seen  # the kills landed on both sides


def test_kill_9_during_the_backup_rewrite_20_rounds(tmp_path: Path) -> None:
    _rounds(tmp_path, 20, seed=23)


@pytest.mark.slow
def test_kill_9_during_the_backup_rewrite_200_rounds(tmp_path: Path) -> None:
    _rounds(tmp_path, 200, seed=2323)
