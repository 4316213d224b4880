"""Issue 17: ``twofold``, ``twofold --vault DIR``, ``--demo`` and ``--in-tray`` open the
window without the command-line module (``twofold.app_line``); every such line is read
as argparse reads it, and everything else is left to argparse."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from twofold.app_line import AppLine, app_line
from twofold.cli import UsageError, build_parser

WORDS = [
    "--vault", "v", "--vault=w", "--vault=", "--demo", "--in-tray", "--self-check", "--help",
    "-h", "--version", "--va", "--dem", "--demo=1", "--", "-", "", "list", "search", "x",
    "--as", "Alex", "-5", "--in-tray=yes",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS), max_size=6))
@example(words=[])
@example(words=["--vault", "v"])
@example(words=["--vault=w", "--demo", "--in-tray"])
@example(words=["--vault", "v", "--vault", "w"])
@example(words=["--vault", "--demo"])
@example(words=["--vault"])
@example(words=["--va", "v"])
@example(words=["--self-check"])
def test_an_app_line_is_read_as_argparse_reads_it(words: list[str]) -> None:
    quick = app_line(words)
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            parsed = build_parser().parse_args(words)
    except (UsageError, SystemExit):
        assert quick is None, words
        return
    if quick is None:
        return  # argparse reads it (a command, --self-check, an abbreviation, ...)
    assert parsed.command is None and not parsed.self_check, words
    assert quick == AppLine(vault=parsed.vault, demo=parsed.demo, in_tray=parsed.in_tray)


def test_the_lines_that_open_the_app_are_read_without_argparse() -> None:
    assert app_line([]) == AppLine(None, False, False)
    assert app_line(["--vault", "v"]) == AppLine(Path("v"), False, False)
    assert app_line(["--vault=v", "--in-tray"]) == AppLine(Path("v"), False, True)
    assert app_line(["--demo"]) == AppLine(None, True, False)
    for line in (["list"], ["--help"], ["--version"], ["--self-check"], ["--va", "v"]):
        assert app_line(line) is None, line


# The entry point with the window replaced by a note of what it was asked to open.
SCRIPT = """
import json, os, resource, sys
os.umask(0o022)
import twofold.__main__ as entry
from twofold.hardening import dumpable

asked = []
entry._open_app = lambda args: asked.append([str(args.vault), args.demo, args.in_tray]) or 0
code = entry.main(sys.argv[1:])
print(json.dumps(dict(
    code=code,
    asked=asked,
    imported=[m for m in ("twofold.cli", "twofold.services.session", "argparse") if m in sys.modules],
    core=resource.getrlimit(resource.RLIMIT_CORE),
    dumpable=dumpable(),
    umask=os.umask(0o077),
)))
"""


def test_the_entry_point_opens_the_app_hardened_without_the_command_line(
    tmp_path: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, "--vault", str(tmp_path), "--in-tray"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["code"] == 0
    assert seen["asked"] == [[str(tmp_path), False, True]]
    assert seen["imported"] == []  # neither the command line nor the vault's stack
    assert seen["core"] == [0, 0] and seen["umask"] == 0o077
    if sys.platform.startswith("linux"):
        assert seen["dumpable"] == 0
