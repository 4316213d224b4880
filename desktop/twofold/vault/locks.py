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

from twofold.domain.errors import VaultInUse

OWNER_LOCK = ".twofold-open.lock"
WRITE_LOCK = ".twofold-write.lock"

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


class FolderLock:
    """An exclusive lock on one file inside the vault folder."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._unlockable = False

    @property
    def held(self) -> bool:
        return self._fd is not None or self._unlockable

    def acquire(self, timeout: float = 0.0) -> bool:
        if self._fd is not None or self._unlockable:
            return True
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise
            # A read-only vault (a read-only disk, a folder we may only read): lock
            # through a read-only handle; where there is no lock file to open, no one
            # can write here at all and there is nothing to guard.
            try:
                fd = os.open(self.path, os.O_RDONLY)
            except FileNotFoundError:
                self._unlockable = True
                return True
        deadline = time.monotonic() + timeout
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                os.close(fd)
                return False
            time.sleep(0.01)
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
    if probe.acquire():
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

    def __init__(self, folder: Path, timeout: float = 10.0) -> None:
        self._lock = FolderLock(folder / WRITE_LOCK)
        self._timeout = timeout

    def __enter__(self) -> WriteLock:
        if not self._lock.acquire(self._timeout):
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
