"""Entry point: ``twofold`` opens the app; ``twofold COMMAND`` runs the command line."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Sequence

TYPE_CHECKING = False  # what type checkers assume True: typing is not imported

if TYPE_CHECKING:
    import argparse

    from twofold.app_line import AppLine
    from twofold.domain.report import Report


def _open_app(args: argparse.Namespace | AppLine) -> int:
    from twofold import system_libraries

    missing = system_libraries.check()  # Qt's xcb plugin would abort without them
    if missing:
        print(missing, file=sys.stderr)
        return 1
    from twofold import shiboken_files

    # PySide's support modules from files with cached bytecode, not compiled from the
    # source shiboken embeds (written once, after the import: see shiboken_files)
    write_support_files = shiboken_files.prepare()
    # Paused until the window has painted (ui/app.after_first_paint resumes it): the
    # start builds what lives as long as the process, ~60 collections walked it.
    gc.disable()
    from twofold.ui.app import run_app  # Qt is imported only when the app opens

    if write_support_files is not None:
        write_support_files()
    return int(run_app(vault=args.vault, demo=args.demo, in_tray=args.in_tray))


def _gui_self_check(report: Callable[[str], None]) -> bool:
    from twofold.ui.app import gui_self_check  # Qt only when there is a window to check

    return gui_self_check(report)


def _render_pdf(report: Report, progress: Callable[[int, int], None] | None = None) -> bytes:
    from twofold.ui.report_pdf import render_pdf_headless  # Qt only for a PDF report

    return render_pdf_headless(report, progress)


# The word that makes this process the window's full check (services/check_child.py);
# the window starts it, with the keys in a pipe, never a person.
FULL_CHECK = "--full-check"
# ... and a report's check of the same (``verify.check_for_report``), the same way
REPORT_CHECK = "--report-check"


def main(argv: Sequence[str] | None = None) -> int:
    line = sys.argv[1:] if argv is None else list(argv)
    if line in ([FULL_CHECK], [REPORT_CHECK]):  # a check, in a process of its own
        from twofold.services.check_child import main as full_check

        return full_check(report_only=line == [REPORT_CHECK])
    opening = None
    if not line or line[0].startswith("-"):  # a command's word is never an app line
        from twofold.app_line import app_line  # (it imports typing, which a search spares)

        opening = app_line(line)
    if opening is not None:  # the app, without the command line's modules (app_line)
        from twofold.hardening import harden_process

        harden_process()  # no core dumps, owner-only files: before any key exists
        return _open_app(opening)
    # The imports build objects that live as long as the process: the cyclic collector
    # would walk them during the imports and at every collection after, for nothing.
    # Collected neither while importing nor later (frozen): ~7 % of a search's start.
    collecting = gc.isenabled()
    gc.disable()
    try:
        from twofold.cli import run
        from twofold.hardening import harden_process

        gc.freeze()
    finally:
        if collecting:
            gc.enable()

    harden_process()  # no core dumps, owner-only files: before any key exists
    code = run(line, open_app=_open_app, gui_check=_gui_self_check, pdf=_render_pdf)
    if argv is None and line and line[0] in READ_ONLY_COMMANDS:
        end_process(code)
    return code


# Commands whose only output is what they print (what their unlock wrote, a migration
# or a marked retraction, was committed before it returned): once the output is out,
# the process can end without Python's teardown (see end_process).
READ_ONLY_COMMANDS = frozenset({"search", "list"})


def end_process(code: int) -> None:
    """End a finished read-only command at once: its output flushed, its vault closed
    (the command locked its session), no other thread running and nothing registered
    to run at exit. Python's own teardown (modules and objects freed one by one, ~7 M
    instructions after a search) only returns memory the kernel takes back anyway;
    the vault's locks are the kernel's too. Anything unusual: the ordinary exit."""
    import atexit
    import os

    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return
    callbacks = getattr(atexit, "_ncallbacks", None)
    if callbacks is None or callbacks() > 0:
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return  # the ordinary exit says what it says about a closed stream
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
