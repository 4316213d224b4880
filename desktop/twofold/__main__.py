"""Entry point: ``twofold`` opens the app; ``twofold COMMAND`` runs the command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def _open_app(args: argparse.Namespace) -> int:
    from twofold.ui.app import run_app  # Qt is imported only when the app opens

    return int(run_app(vault=args.vault, demo=args.demo))


def main(argv: Sequence[str] | None = None) -> int:
    from twofold.cli import run
    from twofold.hardening import harden_process

    harden_process()  # no core dumps, owner-only files: before any key exists
    return run(sys.argv[1:] if argv is None else argv, open_app=_open_app)


if __name__ == "__main__":
    sys.exit(main())
