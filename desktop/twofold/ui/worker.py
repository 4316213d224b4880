"""Run slow work (key derivation, backups, demo creation) off the GUI thread."""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
import threading
import warnings
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class Task(QRunnable):
    """One call in the thread pool; results come back as queued signals, so the
    callbacks run on the GUI thread."""

    def __init__(
        self, fn: Callable[..., Any], *, with_progress: bool = False, low: bool = False
    ) -> None:
        super().__init__()
        self.signals = _Signals()
        self._fn = fn
        self._with_progress = with_progress
        self._low = low
        self.finished = False
        self.setAutoDelete(False)

    @Slot()
    def run(self) -> None:
        if self._low:
            lower_this_thread()
        try:
            args = (self.signals.progress.emit,) if self._with_progress else ()
            result = self._fn(*args)
        except BaseException as exc:  # every failure goes back to the GUI thread
            self.finished = True
            self._tell(self.signals.failed, exc)
        else:
            self.finished = True
            self._tell(self.signals.done, result)

    def drop_work(self) -> None:
        """Forget the call and what it closed over (it has run)."""
        self._fn = _done_already

    def _tell(self, signal: Any, value: object) -> None:
        # At quit, Qt may delete the signal object before a worker ends (the soak saw
        # "Signal source has been deleted"): nobody is left to tell, so nothing is.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


def _done_already(*_args: object) -> None:
    raise RuntimeError("a task runs once")


_running: set[Task] = set()
_pools: dict[str, QThreadPool] = {}  # the pools of our own, made on first use
LOW_NICE = 10  # what the checks nobody waits for run at, on Linux


def lower_this_thread() -> None:
    """Run the calling thread at a lower CPU priority (Linux: a per-thread nice value),
    so the window and the key derivation get the cores first while verification, the
    daily backup and milestone detection run. Unprivileged processes cannot raise it
    again, which is why such work has its own pool (``low_priority_pool``)."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        thread = threading.get_native_id()
        if os.getpriority(os.PRIO_PROCESS, thread) < LOW_NICE:
            os.setpriority(os.PRIO_PROCESS, thread, LOW_NICE)


def low_priority_pool() -> QThreadPool:
    """The threads of the background checks (see ``lower_this_thread``)."""
    return _own_pool("twofoldBackground")


def _own_pool(name: str, threads: int | None = None) -> QThreadPool:
    pool = _pools.get(name)
    if pool is None:
        pool = _pools[name] = QThreadPool()
        pool.setObjectName(name)
        if threads is not None:
            pool.setMaxThreadCount(threads)
    return pool


def upkeep_pool() -> QThreadPool:
    """One thread at the normal priority for upkeep that holds the vault's write lock in
    short steps (the search indexes' merge): not niced, since a niced holder of the lock
    on a machine whose cores other programs keep busy makes the person's save wait; and
    not in the global pool, whose threads (as many as the cores) the key derivation and
    the exports the person waits for need."""
    return _own_pool("twofoldUpkeep", threads=1)


def wait_for_all(msecs: int) -> None:
    """Wait until the background work of every pool is done (at quit)."""
    QThreadPool.globalInstance().waitForDone(msecs)
    low_priority_pool().waitForDone(msecs)
    upkeep_pool().waitForDone(msecs)


def release_freed_memory() -> None:
    """Hand memory that finished background work freed back to the system. glibc
    keeps what a worker thread freed in that thread's own arena: after the daily
    backup and the verification of a large vault, tens of MB stayed in the
    process's resident memory although nothing used them."""
    if not sys.platform.startswith("linux") or os.environ.get("TWOFOLD_NO_TRIM"):
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _finished(task: Task) -> None:
    _running.discard(task)
    # The callbacks close over the task (``release``) and over their widgets, through
    # signal connections Python's collector cannot see: cut, or every task lived on
    # with what its callbacks held (a closed report dialog's widgets, ~80 KB each time
    # the dialog opened and checked the ledger).
    for signal in (task.signals.done, task.signals.failed, task.signals.progress):
        with contextlib.suppress(RuntimeError, TypeError), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # one never connected
            signal.disconnect()
    task.drop_work()
    if not _running:
        release_freed_memory()


def run_in_background(
    fn: Callable[..., Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    on_progress: Callable[[int, int], None] | None = None,
    owner: QObject | None = None,
    *,
    low_priority: bool = False,
    upkeep: bool = False,
) -> Task:
    """``owner``: the widget the callbacks speak to; once Qt has deleted it (a window
    closed while its backup still ran), the result is dropped instead of reaching a
    deleted object. ``low_priority``: work nobody waits for (verification, the daily
    backup, milestone detection) runs at a lower CPU priority, in its own pool.
    ``upkeep``: work that holds the write lock in steps, in a pool of its own at the
    normal priority (``upkeep_pool``)."""
    bound_to = getattr(on_done, "__self__", None)
    if owner is None and isinstance(bound_to, QObject):
        owner = bound_to  # a bound method: its widget is the owner
    task = Task(fn, with_progress=on_progress is not None, low=low_priority)
    _running.add(task)

    def release() -> None:
        # Later, not now: the task's signal object is still emitting this very signal.
        QTimer.singleShot(0, lambda: _finished(task))

    def owner_gone() -> bool:
        return owner is not None and not shiboken6.isValid(owner)

    def finished_ok(result: Any) -> None:
        release()
        if not owner_gone():
            on_done(result)

    def finished_error(exc: BaseException) -> None:
        release()
        if not owner_gone():
            on_error(exc)

    task.signals.done.connect(finished_ok)
    task.signals.failed.connect(finished_error)
    if on_progress is not None:
        task.signals.progress.connect(on_progress)
    if upkeep:
        upkeep_pool().start(task)
    else:
        (low_priority_pool() if low_priority else QThreadPool.globalInstance()).start(task)
    return task


def busy() -> bool:
    return any(not t.finished for t in _running)
