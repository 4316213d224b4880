"""The window's full check runs in a process of its own (services/check_child.py).

On a worker thread it shared Python's interpreter lock with the window: saves made
meanwhile waited for it after each statement (session 26's per-save timeline on the
ten-year vault: 100-170 ms saves, most of it waiting for the lock or the CPU). These
tests hold what must not change with the move: every check still runs and still names
a forgery, the keys never leave through the command line or the environment, the
process ends with its vault, and where it cannot run the check runs in the window's
process as before."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS
from tests.reliability.test_partner_attacks import attack
from tests.reliability.test_verify_on_copy import full_check_logged
from twofold.services import check_child
from twofold.services.session import Session, unlock
from twofold.vault import check_copy, handover

CANARY = "canary-harbour-5521"


def _not_here(self: Session) -> object:
    raise AssertionError("the check ran in the window's process")


def _copies(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(check_copy.PREFIX)]


def _seen_child(monkeypatch: pytest.MonkeyPatch) -> list[subprocess.Popen[bytes]]:
    """The check processes started, as each got its keys."""
    real_send = handover.send
    seen: list[subprocess.Popen[bytes]] = []

    def send(vault: object, fd: int) -> None:
        real_send(vault, fd)  # type: ignore[arg-type]
        seen.extend(check_child.running - set(seen))

    monkeypatch.setattr(handover, "send", send)
    return seen


def test_a_forged_event_is_named_by_the_check_in_its_own_process(
    alex: Session, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert alex.wins is not None
    alex.wins.record(f"a win {CANARY}")
    seq = alex._vault.connection.execute("SELECT max(seq) FROM ledger_events").fetchone()[0]
    alex.lock()
    attack(vault_dir, f"UPDATE ledger_events SET payload = replace(payload, '{CANARY}', "
           f"'a win she never wrote') WHERE seq = {seq}")  # fmt: skip
    monkeypatch.setattr(Session, "verify", _not_here)
    seen = _seen_child(monkeypatch)
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        report = session.detached_verify()()
    finally:
        session.lock()
    assert len(seen) == 1 and seen[0].returncode == 0
    assert not report.ok
    failed = [line for line in report.lines() if line.startswith("FAIL")]
    assert any("ledger chain and signatures" in line for line in failed), failed
    assert _copies(vault_dir) == [] and not check_child.running


def test_what_the_check_proved_comes_back_and_the_session_keeps_it(
    alex: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The proved state (the head and the projections' hash) crosses the pipe whole,
    and the window's session keeps it for the reports made meanwhile."""
    assert alex.wins is not None
    alex.wins.record("a win")
    here = alex.verify()
    assert here.shown is not None and alex.verified is None
    monkeypatch.setattr(Session, "verify", _not_here)
    there = alex.detached_verify()()
    assert there.shown == here.shown and alex.verified == here.shown


def test_a_forged_row_is_hidden_as_the_in_process_check_hid_it(
    alex: Session, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report comes back whole: which checks failed and the timeline items not
    to be shown as signed (``suspects``), the same as the check made here."""
    assert alex.wins is not None
    alex.wins.record("a win")
    alex.lock()
    attack(vault_dir, "UPDATE timeline_items SET body = 'Alex said it was all my fault'")
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        here = session.verify()
        monkeypatch.setattr(Session, "verify", _not_here)
        there = session.detached_verify()()
    finally:
        session.lock()
    assert not there.ok and there.suspects
    assert there.suspects == here.suspects and there.shown is None
    assert [(n, ok) for n, ok, _ in there.checks] == [(n, ok) for n, ok, _ in here.checks]


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="POSIX priorities")
def test_the_keys_go_through_the_pipe_and_the_process_runs_below_the_window(
    alex: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never on the command line or in the environment (other processes of the user
    read both): the process is started with the fixed command and the window's own
    environment, and gets the keys on its stdin."""
    keys = alex._vault._keys
    assert keys is not None and keys.journal_key is not None
    secrets = [bytes(k) for k in (keys.vault_key, keys.journal_key, keys.signing_seed)]
    forms: list[bytes] = []
    for secret in secrets:
        forms += [secret, secret.hex().encode(), secret.hex().upper().encode()]
    real_popen = subprocess.Popen
    started: list[tuple[list[str], dict[str, object]]] = []

    def popen(args: list[str], **options: object) -> subprocess.Popen[bytes]:
        started.append((list(args), options))
        return real_popen(args, **options)  # type: ignore[call-overload, no-any-return]

    real_send = handover.send
    priorities: list[int] = []

    def send(vault: object, fd: int) -> None:
        (child,) = [c for c in check_child.running if c.stdin and c.stdin.fileno() == fd]
        priorities.append(os.getpriority(os.PRIO_PROCESS, child.pid))
        real_send(vault, fd)  # type: ignore[arg-type]

    monkeypatch.setattr(subprocess, "Popen", popen)
    monkeypatch.setattr(handover, "send", send)
    monkeypatch.setattr(Session, "verify", _not_here)
    assert alex.detached_verify()().ok
    ((args, options),) = started
    assert args == check_child.command() and args[-1] == check_child.ARGUMENT
    assert "env" not in options  # the window's own environment, which holds no key
    environment = "\0".join(f"{k}={v}" for k, v in os.environ.items()).encode()
    for form in forms:
        assert form not in " ".join(args).encode() and form not in environment
    assert options["stdin"] == subprocess.PIPE
    window = os.getpriority(os.PRIO_PROCESS, os.getpid())
    assert priorities == [min(19, window + check_child.NICE)]


@pytest.mark.parametrize(
    "command",
    [
        ["/nonexistent/twofold-python"],  # it cannot start
        [sys.executable, "-c", "print('not a report')"],  # it gives no report
        [sys.executable, "-c", "import sys; sys.exit(7)"],  # it fails
    ],
    ids=["no-start", "garbage", "exit-7"],
)
def test_where_the_process_gives_no_report_the_check_runs_here(
    alex: Session,
    vault_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    command: list[str],
) -> None:
    """Never skipped: the worker runs the check itself, and the log says so in a
    fixed word, without a word of the vault."""
    assert alex.journal is not None
    alex.journal.write(f"private {CANARY}")
    monkeypatch.setattr(check_child, "command", lambda _argument: command)
    ran_here: list[int] = []
    real_verify = Session.verify

    def counted(self: Session) -> object:
        ran_here.append(1)
        return real_verify(self)

    monkeypatch.setattr(Session, "verify", counted)
    report = full_check_logged(alex, caplog)
    assert report.ok, report.lines()
    assert ran_here == [1]
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "verify.process" in logged and CANARY not in logged
    caplog.clear()
    log = logging.getLogger("twofold")  # a report's check: the same way
    log.addHandler(caplog.handler)
    try:
        with caplog.at_level(logging.INFO, logger="twofold"):
            proved = alex.detached_report_check()()
    finally:
        log.removeHandler(caplog.handler)
    assert proved.ok and proved.shown is not None and alex.verified == proved.shown
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "verify.process" in logged and CANARY not in logged
    assert _copies(vault_dir) == [] and not check_child.running


def test_the_process_ends_when_the_window_is_gone(alex: Session) -> None:
    """The window's process killed (a crash, the machine's OOM killer) while its check
    runs: the check's process sees its pipe close and ends at once instead of reading
    on (3: it ended for that; 0 would be a finished check, 1 a failure)."""
    reader = alex._vault.reader_opener(on_copy=True)()
    try:
        child = subprocess.Popen(
            check_child.command(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert child.stdin is not None and child.stdout is not None
        handover.send(reader, child.stdin.fileno())
        child.stdin.close()  # what the kernel does when the window's process dies
        assert child.wait(timeout=60) == 3
        assert child.stdout.read() == b""  # no report
        child.stdout.close()
    finally:
        reader.close()


def test_keys_that_never_came_open_nothing(alex: Session) -> None:
    child = subprocess.Popen(
        check_child.command(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(b"\0\0\0\x02{}")
    child.stdin.close()
    assert child.wait(timeout=60) not in (0, 3)
    assert child.stdout.read() == b""
    child.stdout.close()


def test_the_report_read_back_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    """What comes back through the pipe is read as data, never trusted blindly: a
    malformed report is no report (and the check then runs here)."""
    for raw in (
        b"",
        b"[]",
        b'{"checks": [], "suspects": []}',
        b'{"checks": [["a", "yes", "ok"]], "suspects": []}',
        b'{"checks": [["a", true, "ok"]], "suspects": ["1"]}',
        b'{"checks": [["a", true]], "suspects": []}',
        b'{"checks": [["a", true, "ok"]], "suspects": [], "shown": [1, "ab"]}',
        b'{"checks": [["a", true, "ok"]], "suspects": [], "shown": ["1", "ab", "cd"]}',
    ):
        with pytest.raises(check_child.NoReport):
            check_child._report(raw)
    report = check_child._report(b'{"checks": [["a", false, "b: c"]], "suspects": [4, 9]}')
    assert report.checks == [("a", False, "b: c")] and report.suspects == {4, 9}
    assert report.shown is None


def test_a_reports_check_runs_in_its_own_process_and_leaves_the_window_its_memory(
    alex: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report dialog's check (``--report-check``): what a report relies on, in a
    process of its own (its replay's TEMP tables held 85 MB at their peak in the
    window on the ten-year vault), its proved state back through the pipe."""
    from twofold.__main__ import REPORT_CHECK
    from twofold.services import verify as verify_module

    assert alex.wins is not None
    alex.wins.record("a win")
    here = alex.check_for_report()
    assert here.shown is not None
    alex.verified = None
    seen = _seen_child(monkeypatch)
    real_popen = subprocess.Popen
    started: list[list[str]] = []

    def popen(args: list[str], **options: object) -> subprocess.Popen[bytes]:
        started.append(list(args))
        return real_popen(args, **options)  # type: ignore[call-overload, no-any-return]

    def not_here(vault: object) -> object:
        raise AssertionError("the report's check ran in the window's process")

    monkeypatch.setattr(subprocess, "Popen", popen)
    monkeypatch.setattr(verify_module, "check_for_report", not_here)
    there = alex.detached_report_check()()
    assert started == [check_child.command(REPORT_CHECK)] and len(seen) == 1
    assert there.ok and there.shown == here.shown and alex.verified == here.shown
    assert [name for name, _, _ in there.checks] == [name for name, _, _ in here.checks]
    assert _copies(alex._vault.folder) == [] and not check_child.running


def test_a_reports_check_names_a_forgery_from_its_own_process(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        assert session.wins is not None
        session.wins.record("a win")
    finally:
        session.lock()
    attack(vault_dir, f"UPDATE timeline_items SET body = '{CANARY}' WHERE kind = 'win.recorded'")
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        seen = _seen_child(monkeypatch)
        there = session.detached_report_check()()
    finally:
        session.lock()
    assert len(seen) == 1 and not there.ok and there.shown is None
    assert any("was edited outside Twofold" in line for line in there.lines())
    assert all(CANARY not in line for line in there.lines())
