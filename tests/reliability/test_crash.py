"""kill -9 at random moments: every acknowledged write survives, and every share is
complete in both files or absent from both (DESIGN §5.4, §7)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS
from twofold.domain.ledger import EventKind
from twofold.services.session import unlock
from twofold.vault import vault as vault_files

CHILD = Path(__file__).with_name("crash_child.py")


def _run_and_kill(vault_dir: Path, delay: float) -> list[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(vault_dir), ALEX_PASS],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None and child.stderr is not None
    lines: list[str] = []

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            lines.append(line.strip())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    deadline = time.monotonic() + 30
    while "ready" not in lines:
        if child.poll() is not None or time.monotonic() > deadline:
            raise AssertionError(f"child did not start: {child.stderr.read()}")
        time.sleep(0.005)
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    reader.join(timeout=10)
    child.stdout.close()
    child.stderr.close()
    return [line for line in lines if line != "ready"]


def _check(vault_dir: Path, acked: list[str]) -> None:
    opened = vault_files.unlock_partner(vault_dir, "Alex", ALEX_PASS)
    try:
        assert opened.integrity() == [], opened.integrity()
    finally:
        opened.close()
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        assert session.journal is not None
        report = session.verify()
        assert report.ok, report.lines()
        for line in acked:
            kind, record, *_ = line.split()
            got = session.journal.get(int(record))  # raises if an acknowledged record is lost
            if kind == "S":
                assert got.shared
            if kind == "E":
                assert got.body.startswith("edited")
        # every share is in both files or in neither
        store = session.journal._store
        linked = {event_id for _, event_id, _ in store.shares()}
        events = {
            e.header.event_id
            for e in session.journal._vault.ledger.events()
            if e.header.kind == EventKind.REFLECTION_SHARED
        }
        assert linked == events
    finally:
        session.lock()


def _rounds(vault_dir: Path, rounds: int, seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(rounds):
        acked = _run_and_kill(vault_dir, rng.uniform(0.0, 0.25))
        _check(vault_dir, acked)


def test_kill_9_twenty_rounds(vault_dir: Path) -> None:
    _rounds(vault_dir, 20, seed=2026)


@pytest.mark.slow
def test_kill_9_two_hundred_rounds(vault_dir: Path) -> None:
    _rounds(vault_dir, 200, seed=11)
