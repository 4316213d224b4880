"""Inter-process locks on the vault folder.

* The owner lock is held for as long as a process has the vault open, so a second
  window or a second process gets a clear "already open" instead of a second writer.
* The write lock is held around every transaction and while a backup copies the
  files, so a backup taken from another process never sees half a transaction.

Both are advisory OS locks released by the kernel when a process dies, so a crash
never leaves a stale lock behind.
"""

from __future__ import annotations

import errno
import os
import sys
import time
from pathlib import Path
from types import TracebackType

from twofold.domain.errors import VaultInUse, VaultUnreadable

OWNER_LOCK = ".twofold-open.lock"
WRITE_LOCK = ".twofold-write.lock"
# How often a waiter looks again. The write lock is mostly held for one transaction (a
# save, a step of the search index merge: 5-25 ms), so for the first ``POLL_CLOSELY``
# seconds every millisecond: a save that waited for a merge step noticed its end up
# to 10 ms late when it looked every 10 ms (the per-save timeline of session 25: 0.4-10.6
# ms of its wait after the step let go). Longer holds (a backup) are looked at every
# ``POLL_LATER``.
POLL = 0.001
POLL_CLOSELY = 0.1
POLL_LATER = 0.01

if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


# One item per thread of this process waiting in ``FolderLock.acquire`` (a list: its
# append and pop are atomic, and the command line's start imports no threading)
_waiting: list[None] = []


def someone_waits() -> bool:
    """Whether a thread of this process is waiting for a vault lock now (a save
    waiting for a merge step: ``search_index`` lets it go first)."""
    return bool(_waiting)


# A lock file is opened, never followed: a link put in its place by someone else
# (the vault folder is shared) would make Twofold create or lock a file elsewhere.
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def unusable(path: Path) -> VaultUnreadable:
    """A lock file that cannot be opened as a file (a folder, a link, another user's
    file without access put in its place): a clear message, nothing opened or changed."""
    return VaultUnreadable(
        f"Twofold cannot use its lock file {path.name} in {path.parent}: something that "
        "is not a file Twofold can open was put in its place (a folder, a link, or a file "
        "without access). Nothing was changed. Remove it and try again; "
        "Twofold makes a new one."
    )


class FolderLock:
    """An exclusive lock on one file inside the vault folder."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._unlockable = False

    @property
    def held(self) -> bool:
        return self._fd is not None or self._unlockable

    def acquire(self, timeout: float = 0.0, *, announced: bool = True) -> bool:
        """Take the lock, waiting up to ``timeout`` seconds. ``announced``: while
        waiting, ``someone_waits()`` says so (a merge step gives way to it); the merge's
        own steps wait unannounced, so two merges never make each other give way."""
        if self._fd is not None or self._unlockable:
            return True
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o600)
        except OSError as exc:
            if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise unusable(self.path) from exc
            # A read-only vault (a read-only disk, a folder we may only read): lock
            # through a read-only handle; where there is no lock file to open, no one
            # can write here at all and there is nothing to guard.
            try:
                fd = os.open(self.path, os.O_RDONLY | _NOFOLLOW)
            except FileNotFoundError:
                self._unlockable = True
                return True
            except OSError as again:
                raise unusable(self.path) from again
        if _try_lock(fd):
            self._fd = fd
            return True
        started = time.monotonic()
        if announced:
            _waiting.append(None)
        try:
            while not _try_lock(fd):
                waited = time.monotonic() - started
                if waited >= timeout:
                    os.close(fd)
                    return False
                time.sleep(POLL if waited < POLL_CLOSELY else POLL_LATER)
        finally:
            if announced:
                _waiting.pop()
        self._fd = fd
        return True

    def release(self) -> None:
        self._unlockable = False
        if self._fd is None:
            return
        try:
            _unlock(self._fd)
        finally:
            os.close(self._fd)
            self._fd = None


def is_open_elsewhere(folder: Path) -> bool:
    """True while another window or process holds this vault open."""
    if not folder.is_dir():
        return False
    probe = FolderLock(folder / OWNER_LOCK)
    try:
        acquired = probe.acquire()
    except VaultUnreadable:
        return False  # not open anywhere: opening says what is wrong with the file
    if acquired:
        probe.release()
        return False
    return True


def take_owner_lock(folder: Path) -> FolderLock:
    lock = FolderLock(folder / OWNER_LOCK)
    if not lock.acquire():
        raise VaultInUse(
            f"This vault is already open in another Twofold window or process ({folder}). "
            "Close it there first; only one may write at a time."
        )
    return lock


class WriteLock:
    """Context manager around one transaction; waits briefly for a running backup."""

    def __init__(self, folder: Path, timeout: float = 10.0, *, announced: bool = True) -> None:
        self._lock = FolderLock(folder / WRITE_LOCK)
        self._timeout = timeout
        self._announced = announced

    def __enter__(self) -> WriteLock:
        if not self._lock.acquire(self._timeout, announced=self._announced):
            raise VaultInUse(
                "The vault is busy (a backup or another process is writing). Try again in a moment."
            )
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._lock.release()
