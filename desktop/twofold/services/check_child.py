"""The full check in a process of its own.

Run on a worker thread of the window (``Session.detached_verify``), the full check
shared Python's interpreter lock with the window for a minute or more: a save made
meanwhile waited for the interpreter after each of its statements and after its
commit, and for the CPU behind the check's thread (the per-save timeline of session
26 on the ten-year vault: saves of 100-170 ms, most of it those waits; a save takes
~5 ms). So the worker starts this process, hands it the reader it made (the copy of
the files, ``vault.handover``: the keys through a pipe) and waits for the report
without holding the interpreter. The check is the same ``verify``, every check of
it; only the OS keyring's step runs back in the window's process, which owns the
keyring's session and its test doubles.

The process runs at a lower CPU priority, like the window's other background work.
It ends when the check ends, when the worker kills it (the vault was locked, the app
quit: ``priority.stops_when``) and when the window's process is gone (its pipe
closes). Where it cannot start or gives no report, the worker runs the check itself,
as before, and the log says so in a fixed word: the check is never skipped.

``python -m twofold --full-check`` (or the frozen app with ``--full-check``) is this
process; nothing else starts it with that word. ``--report-check`` makes it run what a
report relies on (``verify.check_for_report``) instead: the report dialog's check and
an export's own. In the window's process that replay's TEMP tables took 85 MB at their
peak on the ten-year vault and left 65-90 MB with the allocator after it.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading

from twofold.__main__ import FULL_CHECK, REPORT_CHECK
from twofold.domain.ledger import ShownState, VerifyReport
from twofold.vault import handover, priority
from twofold.vault.vault import OpenVault

ARGUMENT = FULL_CHECK  # what makes ``twofold`` this process
NICE = 10  # below the window, as its background pool (ui.worker.LOW_NICE)
POLL = 0.05  # seconds between two looks at whether the check's owner is gone


# the check processes this process started and has not yet seen end
running: set[subprocess.Popen[bytes]] = set()


class NoReport(Exception):
    """The check's process ended without a report (it could not start, it failed)."""


def command(argument: str = ARGUMENT) -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, argument]
    return [sys.executable, "-m", "twofold", argument]


def run(vault: OpenVault) -> VerifyReport:
    """The full check of what ``vault`` (a reader) reads, in a process of its own;
    the keyring's step here. Raises ``priority.Stopped`` when its owner is gone (the
    process is killed first) and ``NoReport`` when the process gave none."""
    from twofold.services.verify import keyring_step

    report = _in_own_process(vault, ARGUMENT)
    keyring_step(vault, report)
    return report


def run_report_check(vault: OpenVault) -> VerifyReport:
    """``verify.check_for_report`` of what ``vault`` (a reader) reads, in a process of
    its own; raises as ``run`` does."""
    return _in_own_process(vault, REPORT_CHECK)


def report_check(vault: OpenVault) -> VerifyReport:
    """``run_report_check``, or the same check on this thread where that process
    cannot start or gives no report (the log says so): never skipped."""
    try:
        return run_report_check(vault)
    except NoReport as exc:
        from twofold.services.diagnostics import log_failure
        from twofold.services.verify import check_for_report

        log_failure("verify.process", exc, bug=False)
        return check_for_report(vault)


def _in_own_process(vault: OpenVault, argument: str) -> VerifyReport:
    options: dict[str, object] = {}
    if sys.platform == "win32":  # pragma: no cover - Windows builds only
        options["creationflags"] = (
            subprocess.BELOW_NORMAL_PRIORITY_CLASS | subprocess.CREATE_NO_WINDOW
        )
    try:
        child = subprocess.Popen(
            command(argument),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # nothing it could say belongs in the window's log
            close_fds=True,
            **options,  # type: ignore[call-overload]
        )
    except OSError as exc:
        raise NoReport("the check's process did not start") from exc
    running.add(child)
    if hasattr(os, "setpriority"):  # before it reads a page (Windows: its creation flags)
        with contextlib.suppress(OSError):
            # below the window's main thread (this worker thread may be lowered already)
            window = os.getpriority(os.PRIO_PROCESS, os.getpid())
            os.setpriority(os.PRIO_PROCESS, child.pid, min(19, window + NICE))
    output: list[bytes] = []
    reading = threading.Thread(
        target=lambda: output.append(child.stdout.read() if child.stdout else b""),
        name="full-check-report",
        daemon=True,
    )
    try:
        assert child.stdin is not None
        reading.start()
        try:
            handover.send(vault, child.stdin.fileno())
        except OSError as exc:  # it ended before it read them
            raise NoReport("the check's process ended at once") from exc
        while True:
            try:
                child.wait(POLL)
                break
            except subprocess.TimeoutExpired:
                if priority.owner_gone():
                    raise priority.Stopped from None
        reading.join()
    finally:
        if child.poll() is None:
            child.kill()  # the owner is gone, or this thread failed: nobody waits for it
        child.wait()
        if child.stdin is not None:
            child.stdin.close()  # its end of the pipe: an orphan would end here too
        if child.stdout is not None:
            if reading.is_alive():
                reading.join()
            child.stdout.close()
        running.discard(child)
    if child.returncode != 0 or not output:
        raise NoReport(f"the check's process ended with {child.returncode}")
    return _report(output[0])


def _report(raw: bytes) -> VerifyReport:
    try:
        data = json.loads(raw)
        report = VerifyReport()
        for name, passed, detail in data["checks"]:
            if (
                not isinstance(name, str)
                or not isinstance(passed, bool)
                or not isinstance(detail, str)
            ):
                raise TypeError("a check")
            report.checks.append((name, passed, detail))
        for seq in data["suspects"]:
            if not isinstance(seq, int):
                raise TypeError("a suspect")
            report.suspects.add(seq)
        shown = data.get("shown")
        if shown is not None:
            seq, head, projections = shown
            if (
                not isinstance(seq, int)
                or not isinstance(head, str)
                or not isinstance(projections, str)
            ):
                raise TypeError("a proved state")
            report.shown = ShownState(seq, head, projections)
    except (ValueError, TypeError, KeyError) as exc:
        raise NoReport("the check's process gave no report it could read") from exc
    if not report.checks:
        raise NoReport("the check's process gave an empty report")
    return report


def main(*, report_only: bool = False) -> int:
    """The check's process: receive the reader, check everything but the keyring (or,
    ``report_only``, what a report relies on), write the report to stdout."""
    from twofold.hardening import harden_process

    harden_process()  # no core dumps: it holds the keys and reads the text
    reader = handover.receive(0)
    try:
        # the window's process is gone (or gave up on the check): its end of the pipe
        # closes, and this process ends with it
        threading.Thread(target=_end_with_the_window, daemon=True).start()
        from twofold.services.verify import check_for_report, verify

        report = check_for_report(reader) if report_only else verify(reader, keyring=False)
    finally:
        reader.close()
    data = {
        "checks": [[name, passed, detail] for name, passed, detail in report.checks],
        "suspects": sorted(report.suspects),
        "shown": (
            None
            if report.shown is None
            else [report.shown.head_seq, report.shown.head_digest, report.shown.projections]
        ),
    }
    out = json.dumps(data).encode()
    with os.fdopen(1, "wb", closefd=False) as stdout:
        stdout.write(out)
    return 0


def _end_with_the_window() -> None:
    try:
        while os.read(0, 1):
            pass
    except OSError:
        pass
    os._exit(3)
