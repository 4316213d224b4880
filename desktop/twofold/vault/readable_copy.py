"""The one file in a vault folder that is readable without any key, by its owner's
choice: a plain-text copy of the safety plan, so it can be read from the locked
screen in a crisis (docs/ARCHITECTURE.md, "What stays unencrypted"). Off unless a
partner turns it on; one file per partner who did."""

from __future__ import annotations

import contextlib
from pathlib import Path

from twofold.vault.files import fsync_folder, names_like, write_atomically

PREFIX = "safety-plan-readable-"
SUFFIX = ".txt"
MAX_BYTES = 64 * 1024  # a plan is a few paragraphs; anything larger was not written by us


def copy_path(folder: Path, partner_id: str) -> Path:
    return folder / f"{PREFIX}{partner_id}{SUFFIX}"


def write_copy(folder: Path, partner_id: str, text: str) -> None:
    write_atomically(copy_path(folder, partner_id), text.encode("utf-8"))


def remove_copy(folder: Path, partner_id: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        copy_path(folder, partner_id).unlink()
        fsync_folder(folder)


def has_copy(folder: Path, partner_id: str) -> bool:
    return copy_path(folder, partner_id).is_file()


def copies(folder: Path) -> dict[str, str]:
    """Partner id → the copy's text, for every readable copy in the folder (an
    unreadable or oversized file is skipped: it is shown nowhere rather than wrongly)."""
    found: dict[str, str] = {}
    for name in names_like(folder, PREFIX, SUFFIX):
        path = folder / name
        with contextlib.suppress(OSError, UnicodeDecodeError):
            if path.stat().st_size <= MAX_BYTES:
                found[name[len(PREFIX) : -len(SUFFIX)]] = path.read_text("utf-8")
    return found
