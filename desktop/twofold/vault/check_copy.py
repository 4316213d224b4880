"""The copy of the vault's files that the full verification reads.

The full check reads every page, every event and every projection: minutes on a
vault ten years old. Read from the live files, it held SQLite's read locks for
seconds at a time (shared.db uses a rollback journal, so a commit waits for every
reader to finish): saves made meanwhile waited up to the 5 s busy timeout and then
failed ("busy in another process"), and the check of what the app shows, comparing
a moving ledger, gave up and reported the new rows as findings: a false alarm.

So the check reads a copy: the files as they are on disk (still encrypted, nothing
decrypted is written), copied as one consistent moment the way a backup is
(``backup.stream_consistent``: the write lock is held only to check that nothing was
written meanwhile), into a private folder inside the vault folder. Nobody writes the
copy, so the check sees one state from start to end and never delays a save. When
the check ends the copy is overwritten with zeros and removed; one left by a crash is
removed the same way before the next check makes its own.
"""

from __future__ import annotations

import errno
import secrets
import shutil
import threading
from pathlib import Path

from twofold.vault.backup import (
    CHUNK,
    ROUNDS,
    _Evidence,
    _FlushBehind,
    _scrub_file,
    _scrub_folder,
    _write_pages,
    stream_consistent,
)
from twofold.vault.files import create_private_file

PREFIX = ".check-"

_active: set[Path] = set()  # copies being read in this process: not leftovers
_active_lock = threading.Lock()


class _FolderCopy:
    """``backup.CopyTarget`` writing plain files into ``copy``."""

    def __init__(self, folder: Path, copy: Path) -> None:
        self.folder = folder
        self.copy = copy
        self.names: set[str] = set()

    def refresh(
        self, present: dict[str, _Evidence], changed: set[str], *, held: bool = False
    ) -> None:
        for name in sorted(self.names - set(present)):
            _scrub_file(self.copy / name)  # the file went from the vault meanwhile
            self.names.discard(name)
        for name in sorted(present):
            if name not in self.names or name in changed:
                self._bring_up_to_date(name, held)
                self.names.add(name)

    def _bring_up_to_date(self, name: str, held: bool) -> None:
        """Write the pages of the live file that differ from the copy (all of them
        the first time), then cut the copy to the live file's length."""
        target = self.copy / name
        if not target.exists():
            create_private_file(target)
        try:
            live = (self.folder / name).open("rb")
        except FileNotFoundError:
            target.unlink()
            return
        with live, target.open("r+b") as handle:
            behind = _FlushBehind(handle)
            behind.held = held
            offset = 0
            while piece := live.read(CHUNK):
                handle.seek(offset)
                copied = handle.read(len(piece))
                if copied != piece:
                    behind.wrote(_write_pages(handle, offset, piece, copied))
                offset += len(piece)
            handle.truncate(offset)


# What the copy must leave free on the disk: it must never be what fills it, so that
# no save made while it exists fails for want of space ("the disk is full").
RESERVE = 256 * 1024 * 1024


def make(folder: Path, names: frozenset[str]) -> Path:
    """A consistent copy of the files ``names`` of the vault at ``folder``, in a new
    private folder inside it. Raises OSError (a full disk, a read-only folder) or
    VaultInUse (the write lock stayed taken); nothing is left behind then."""
    size = sum((folder / n).stat().st_size for n in names if (folder / n).exists())
    if shutil.disk_usage(folder).free < size + RESERVE:
        raise OSError(errno.ENOSPC, "too little free space for the check's copy", str(folder))
    copy = folder / f"{PREFIX}{secrets.token_hex(8)}"
    copy.mkdir(mode=0o700)
    with _active_lock:
        _active.add(copy)
    try:
        stream_consistent(_FolderCopy(folder, copy), ROUNDS, None, names)
    except BaseException:
        discard(copy)
        raise
    return copy


def discard(copy: Path) -> None:
    """Zeros over the copy's files (they hold what the vault held, deleted words
    included, until the next write there), then remove them and the folder."""
    try:
        _scrub_folder(copy)
    except OSError:
        shutil.rmtree(copy, ignore_errors=True)  # what cannot be zeroed is removed at least
    finally:
        with _active_lock:
            _active.discard(copy)


def _is_copy(path: Path) -> bool:
    """A check copy's folder: never a link planted under that name (zeros would go
    through it into whatever it points at)."""
    return path.name.startswith(PREFIX) and path.is_dir() and not path.is_symlink()


def discard_leftovers(folder: Path) -> None:
    """Copies left by a check that never ended (the app was killed, the machine
    stopped), not those being read by this process right now."""
    try:
        found = [p for p in folder.iterdir() if _is_copy(p)]
    except OSError:
        return
    with _active_lock:
        leftovers = [p for p in found if p not in _active]
    for leftover in leftovers:
        discard(leftover)


def copies_of(folder: Path, name: str) -> list[Path]:
    """Every copy of the file ``name`` in the check copies of ``folder``, those being
    read included: shredding a journal destroys its copies too (a check reading one
    then fails, and its session has ended anyway)."""
    try:
        found = [p / name for p in folder.iterdir() if _is_copy(p)]
    except OSError:
        return []
    return [p for p in found if p.is_file()]
