"""The vault folder's write lock: how a waiter looks again."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from twofold.domain.errors import VaultInUse
from twofold.vault import locks
from twofold.vault.locks import WRITE_LOCK, FolderLock, WriteLock


def test_a_waiter_looks_every_millisecond_then_every_ten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save that waits for a merge step (held 5-25 ms) gets the lock within a
    millisecond of its release, not up to 10 ms late; a long hold (a backup) is looked
    at every 10 ms. On a clock of its own: no timing in the test."""
    held = FolderLock(tmp_path / WRITE_LOCK)
    assert held.acquire()
    clock = [1000.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock[0] += seconds

    monkeypatch.setattr(time, "monotonic", lambda: clock[0])  # the module locks uses
    monkeypatch.setattr(time, "sleep", sleep)
    waiter = FolderLock(tmp_path / WRITE_LOCK)
    assert not waiter.acquire(timeout=0.3)  # another open file: the lock stays held
    closely = [s for s in slept if s == locks.POLL]
    assert len(closely) == pytest.approx(locks.POLL_CLOSELY / locks.POLL, abs=1)
    assert slept[: len(closely)] == closely  # first every millisecond
    assert set(slept[len(closely) :]) == {locks.POLL_LATER}  # then every 10 ms
    assert clock[0] - 1000.0 == pytest.approx(0.3, abs=locks.POLL_LATER)
    held.release()
    assert waiter.acquire()
    waiter.release()


@pytest.mark.parametrize("announced", [True, False])
def test_a_waiter_is_announced_unless_it_is_a_merge_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, announced: bool
) -> None:
    """A save waiting for the write lock is seen by ``someone_waits`` (a merge step
    gives way to it); a merge step waiting is not, so two merges never make each other
    give way, and nobody waits once the waiter is gone."""
    held = FolderLock(tmp_path / WRITE_LOCK)
    assert held.acquire()
    seen: list[bool] = []
    clock = [0.0]

    def sleep(seconds: float) -> None:
        seen.append(locks.someone_waits())
        clock[0] += seconds

    monkeypatch.setattr(time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(time, "sleep", sleep)
    with pytest.raises(VaultInUse), WriteLock(tmp_path, timeout=0.05, announced=announced):
        pass
    assert seen and set(seen) == {announced}
    assert not locks.someone_waits()
    held.release()
