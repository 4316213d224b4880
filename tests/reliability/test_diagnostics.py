"""Issue 13: a crash handler and a rotating log that carry types, codes, counts and
timings — and never a private word (canaries everywhere, then grep)."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS
from tests.unit.test_cli import cli
from twofold.domain.errors import DiskFull
from twofold.services import diagnostics
from twofold.services.journal import JournalService
from twofold.services.session import unlock

CANARY = "zebracanary4417"
NAME_CANARY = "Quillon"
PASS_CANARY = "passcanary-violet-harbor"


def everything_logged(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def test_log_and_crash_reports_never_carry_private_words(
    vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logs = tmp_path / "logs"
    saved = (sys.excepthook, threading.excepthook)
    try:
        diagnostics.install_crash_handler(logs)
        session = unlock(vault_dir, "Alex", ALEX_PASS)
        assert session.journal is not None
        session.journal.write(f"{CANARY} {NAME_CANARY} private words")
        # an expected failure: the disk fills while saving private words
        conn = session._vault.connection
        pages = conn.execute("PRAGMA journal.page_count").fetchone()[0]
        conn.execute(f"PRAGMA journal.max_page_count = {pages}")
        with pytest.raises(DiskFull) as full:
            session.journal.write(f"{CANARY} " * 5000)
        diagnostics.log_failure("journal.save", full.value, bug=False)
        with diagnostics.timed("journal.listing"):
            session.journal.listing()
        session.lock()
        # bugs whose messages quote private words, uncaught on the main thread and a worker
        try:
            raise ValueError(f"bad value {CANARY} for {NAME_CANARY} / {PASS_CANARY}")
        except ValueError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        worker = threading.Thread(target=lambda: (_ for _ in ()).throw(KeyError(CANARY)))
        worker.start()
        worker.join()

        # the command line's bug path
        def broken(self: JournalService, *args: object, **kwargs: object) -> object:
            raise RuntimeError(f"{CANARY} {PASS_CANARY}")

        monkeypatch.setattr(JournalService, "listing", broken)
        monkeypatch.setenv("TWOFOLD_LOG_DIR", str(logs))
        secret = tmp_path / "pass"
        secret.write_text(ALEX_PASS)
        result = cli("list", "--vault", vault_dir, "--as", "Alex", "--passphrase-file", secret)
        assert result.code == 70 and "bug in Twofold" in result.err
    finally:
        sys.excepthook, threading.excepthook = saved
    for handler in diagnostics._log.handlers:
        handler.flush()
    text = everything_logged(logs)
    log = (logs / diagnostics.LOG_NAME).read_text()
    assert "failed action=journal.save DiskFull exit=7" in log
    assert "bug action=uncaught ValueError" in log and "KeyError" in log
    assert "journal.listing ms=" in log
    reports = sorted(logs.glob("crash-*.txt"))
    assert len(reports) >= 3  # main thread, worker thread, command line
    assert any("RuntimeError" in r.read_text() for r in reports)
    assert (logs / diagnostics.FAULTS_NAME).exists()
    for canary in (CANARY, NAME_CANARY, PASS_CANARY, ALEX_PASS, "private words"):
        assert canary.encode() not in text, canary
    assert str(Path.home()).encode() not in text or str(Path.home()) == "/"


def test_the_log_rotates(tmp_path: Path) -> None:
    diagnostics.setup_logging(tmp_path / "logs")
    for n in range(40_000):
        diagnostics.log_event("tick", n=n, ms=1.5)
    files = sorted((tmp_path / "logs").glob("twofold.log*"))
    assert [f.name for f in files] == ["twofold.log", "twofold.log.1", "twofold.log.2"]
    assert all(f.stat().st_size <= diagnostics.MAX_BYTES + 200 for f in files)


def test_a_native_crash_leaves_its_stack_in_faults_log(tmp_path: Path) -> None:
    script = (
        "import ctypes, pathlib\n"
        "from twofold.services import diagnostics\n"
        f"diagnostics.install_crash_handler(pathlib.Path({str(tmp_path)!r}))\n"
        "ctypes.string_at(0)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert done.returncode != 0
    faults = (tmp_path / diagnostics.FAULTS_NAME).read_text()
    assert "Fatal Python error" in faults and "string_at" in faults
