"""Durable file writes: what a crash or power cut at any moment leaves readable."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable
from pathlib import Path

from twofold.domain.errors import DiskFull

TYPE_CHECKING = False  # what type checkers assume True: typing is not imported
if TYPE_CHECKING:
    from typing import BinaryIO

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def create_private_file(path: Path) -> None:
    """An empty file only its owner can read, made so (SQLite then keeps the mode for
    the database and its journals)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))


def names_like(folder: Path, prefix: str, suffix: str) -> list[str]:
    """The names in ``folder`` that ``folder.glob(prefix + "*" + suffix)`` finds, sorted
    (none for a folder that cannot be read), without translating the pattern into a
    regular expression and compiling it at every unlock."""
    try:
        names = [p.name for p in folder.iterdir()]
    except OSError:
        return []
    shortest = len(prefix) + len(suffix)
    return sorted(
        n for n in names if len(n) >= shortest and n.startswith(prefix) and n.endswith(suffix)
    )


def fsync_folder(folder: Path) -> None:
    # Directory fsync makes a rename durable on POSIX; Windows has no such call.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path: Path, data: bytes) -> None:
    """Temp file, fsync, rename, fsync of the folder: the old or the new content, never half."""
    write_atomically_with(path, lambda handle: handle.write(data))


def write_atomically_with(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """As ``write_atomically``, with the content streamed by ``write`` into the
    temporary file (a backup never has to be whole in memory). The file is open for
    reading too: a backup reads back what it wrote."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()  # a leftover from a crash; created afresh below with our mode
        # Owner-only from the first byte (not chmod'ed after): vault files and backups.
        fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
        with os.fdopen(fd, "w+b") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
        fsync_folder(path.parent)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFull(
                f"The disk is full: {path.name} could not be written. Nothing was changed; "
                "free some space and try again."
            ) from exc
        raise
