"""The command line that opens the app, read without the command-line module.

``twofold``, ``twofold --vault DIR`` (or ``--vault=DIR``), ``--demo`` and ``--in-tray``
open the window. Reading them through ``twofold.cli`` imported the vault's whole stack
(the session, journal and ledger modules, SQLCipher) and built argparse's parser for
every command before the unlock screen could paint, none of which it needs (issue 17).
``app_line`` gives what argparse would give for exactly these lines, and None for
anything else (a command, ``--help``, ``--version``, ``--self-check``, an abbreviation,
an option without its value, ``--``): ``cli.run`` reads those as it always did.
tests/unit/test_app_line.py holds the two to the same answer. No imports beyond the
standard library's path type."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple


class AppLine(NamedTuple):
    vault: Path | None
    demo: bool
    in_tray: bool


FLAGS = {"--demo": "demo", "--in-tray": "in_tray"}


def app_line(argv: list[str]) -> AppLine | None:
    vault: Path | None = None
    flags = dict.fromkeys(FLAGS.values(), False)
    words = iter(argv)
    for word in words:
        if word in FLAGS:
            flags[FLAGS[word]] = True
        elif word == "--vault":
            value = next(words, None)
            if value is None or value.startswith("-"):  # argparse's to answer
                return None
            vault = Path(value)
        elif word.startswith("--vault="):
            vault = Path(word.removeprefix("--vault="))
        else:
            return None
    return AppLine(vault=vault, demo=flags["demo"], in_tray=flags["in_tray"])
