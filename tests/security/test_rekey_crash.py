"""kill -9 during a passphrase change (issue 11 B9): afterwards exactly one of the old
and new passphrases works, never neither, never both, and the journal is intact; the
signing key rotated with it is the one key the slots, keyslots.json's listing and the
ledger agree on (the unlock finishing or discarding the interrupted step)."""

from __future__ import annotations

import os
import random
import select
import signal
import time
from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS, TEST_KDF
from twofold.domain.errors import WrongPassphrase
from twofold.services.session import Session, create_vault, unlock
from twofold.vault import keyslots

BODIES = [f"private entry {n} " + "words " * (n * 40) for n in range(6)]


def _secret(n: int) -> str:
    return ALEX_PASS if n == 0 else f"alex passphrase number {n} lamp orbit"


def _child(folder: Path, write_fd: int, start: int) -> None:
    """Change Alex's passphrase again and again, reporting each finished change."""
    session = unlock(folder, "Alex", _secret(start))
    os.write(write_fd, b"ready\n")
    n = start
    while True:
        session.change_passphrase(_secret(n + 1), TEST_KDF)
        n += 1
        os.write(write_fd, f"done {n}\n".encode())


def _opens(folder: Path, n: int) -> bool:
    try:
        session = unlock(folder, "Alex", _secret(n))
    except WrongPassphrase:
        return False
    try:
        assert session.journal is not None
        assert [r.body for r in session.journal.listing().records] == BODIES[::-1]
        assert session.verify().ok
        _one_signing_key(folder, session)
    finally:
        session.lock()
    return True


def _one_signing_key(folder: Path, session: Session) -> None:
    """The signing key rotates with the journal key: after the unlock settled any
    interrupted change, the slot's key, the key keyslots.json lists and the ledger's
    current key for Alex are one key, no retiring seed is left, and it is not a key
    the ledger already retired."""
    vault = session._vault
    own = vault.public_key
    slots = keyslots.load(folder)
    alex = slots.partner("Alex")
    assert alex.public_key == own
    assert not slots.pending(alex.id)
    assert all(s.retiring is None for s in slots.slots)
    history = vault.ledger.signing_keys()
    assert history.current[alex.id] == own
    assert own not in history.retired
    assert not any(n.taken for n in session.key_notices())


def _round(folder: Path, start: int, rng: random.Random) -> int:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        os.close(read_fd)
        try:
            _child(folder, write_fd, start)
        finally:
            os._exit(1)
    os.close(write_fd)
    lines = b""
    while b"ready" not in lines:
        ready, _, _ = select.select([read_fd], [], [], 30)
        assert ready, "the child did not start"
        lines += os.read(read_fd, 4096)
    time.sleep(rng.uniform(0.0, 0.25))
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    while chunk := os.read(read_fd, 4096):
        lines += chunk
    os.close(read_fd)
    done = [int(x.split()[1]) for x in lines.decode().splitlines() if x.startswith("done")]
    last = max(done, default=start)
    old, new = (last, last + 1)
    order = [old, new] if rng.random() < 0.5 else [new, old]
    works = {n: _opens(folder, n) for n in order}
    assert sum(works.values()) == 1, f"after change {last}: {works}"
    if last > 0:
        assert not _opens(folder, last - 1), "an older passphrase works again"
    return new if works[new] else old


def _rounds(tmp_path: Path, count: int, seed: int) -> None:
    folder = tmp_path / "vault"
    create_vault(folder, [("Alex", ALEX_PASS), ("Sam", SAM_PASS)], TEST_KDF)
    alex = unlock(folder, "Alex", ALEX_PASS)
    assert alex.journal is not None
    for body in BODIES:
        alex.journal.write(body)
    alex.lock()
    rng = random.Random(seed)
    current = 0
    for _ in range(count):
        current = _round(folder, current, rng)
    unlock(folder, "Sam", SAM_PASS).lock()  # the other partner is never affected


def test_kill_9_during_passphrase_changes_20_rounds(tmp_path: Path) -> None:
    _rounds(tmp_path, 20, seed=11)


@pytest.mark.slow
def test_kill_9_during_passphrase_changes_200_rounds(tmp_path: Path) -> None:
    _rounds(tmp_path, 200, seed=1111)
