"""Foreground first: what the person just asked for (a page being built and painted)
gets the CPU before the background work of the same process (verification, the
daily backup, milestone detection).

Python runs one thread at a time: a background thread busy in Python code takes the
interpreter from the window every few milliseconds, so a page that needs 150 ms of
work took 0.5–0.8 s right after unlock, while the checks of the first unlock ran
(issue 16). The window marks its short bursts of work with ``foreground()`` (or
``begin``/``end``); background loops call ``pause_point()`` between steps, and
connections opened for background reads (``OpenVault.reader``) call it from SQLite's
progress handler, so they wait (without holding the interpreter) until the burst is
over. Calls from the main thread never wait, and no background step waits past
``MAX_PAUSE`` after a burst began: background work is never starved, and a reader
that holds a read lock while it waits delays a write of the window by at most that
(the write waits up to the 5 s busy timeout). Only bursts that read should be marked.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

MAX_PAUSE = 1.0  # seconds after a burst began that background steps may wait for it
SQL_STEPS = 4000  # SQLite virtual-machine steps between two pause points of a reader

_lock = threading.Lock()
_depth = 0
_idle = threading.Event()
_idle.set()
_main = threading.main_thread().ident
_deadline = 0.0  # monotonic time after which nobody waits for the current burst


def begin() -> None:
    """The window starts work the person waits for."""
    global _depth, _deadline
    with _lock:
        _depth += 1
        # every burst has its own limit (a burst whose ``end`` never came, say its page
        # was closed first, holds nobody up past its own)
        _deadline = time.monotonic() + MAX_PAUSE
        _idle.clear()


def end() -> None:
    """That work is done (calls pair with ``begin``; extra calls are harmless)."""
    global _depth
    with _lock:
        _depth = max(0, _depth - 1)
        if not _depth:
            _idle.set()


@contextmanager
def foreground() -> Iterator[None]:
    begin()
    try:
        yield
    finally:
        end()


def busy() -> bool:
    """Is foreground work going on now (and still within its limit)?"""
    return not _idle.is_set() and time.monotonic() < _deadline


class Stopped(Exception):
    """Raised at a pause point of work whose owner is gone (``stops_when``)."""


_this_thread = threading.local()


@contextmanager
def stops_when(gone: Callable[[], bool]) -> Iterator[None]:
    """Work on this thread stops once ``gone()`` (its vault was locked: a result
    nobody will see): ``pause_point`` raises ``Stopped`` and ``sql_pause`` interrupts
    the statement under way."""
    _this_thread.gone = gone
    try:
        yield
    finally:
        _this_thread.gone = None


def owner_gone() -> bool:
    """Whether the work on this thread has lost its owner (``stops_when``)."""
    gone: Callable[[], bool] | None = getattr(_this_thread, "gone", None)
    return gone is not None and gone()


_owner_gone = owner_gone


def pause_point() -> None:
    """Called by background work between steps: wait while the window is busy."""
    if _owner_gone():
        raise Stopped
    if _idle.is_set() or threading.get_ident() == _main:
        return
    remaining = _deadline - time.monotonic()
    if remaining > 0:
        _idle.wait(remaining)


def sql_pause() -> int:
    """SQLite progress handler of background connections (0: go on; 1: the
    statement is interrupted, its work's owner is gone)."""
    if _owner_gone():
        return 1
    pause_point()
    return 0
