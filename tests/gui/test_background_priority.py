"""Background work nobody waits for (verification, the daily backup, milestone
detection) runs at a lower CPU priority, in its own pool; the rest (the key
derivation the person waits for, the search indexes' merge that holds the write
lock) keeps the normal priority (issue 16; issue 17)."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS
from tests.gui.conftest import MakeWindow, unlock_as
from twofold.services.session import Session
from twofold.ui import worker
from twofold.vault.search_index import Tidied

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="per-thread nice values are Linux's"
)


def _nice_of_the_thread_it_ran_on() -> tuple[int, int]:
    return threading.get_native_id(), os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def test_low_priority_work_runs_niced_and_other_work_does_not(qtbot: QtBot) -> None:
    base = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    results: dict[str, tuple[int, int]] = {}

    def keep(name: str) -> Callable[[tuple[int, int]], None]:
        return lambda result: results.__setitem__(name, result)

    failed: list[BaseException] = []
    worker.run_in_background(
        _nice_of_the_thread_it_ran_on, keep("low"), failed.append, low_priority=True
    )
    qtbot.waitUntil(lambda: "low" in results, timeout=10_000)
    worker.run_in_background(_nice_of_the_thread_it_ran_on, keep("normal"), failed.append)
    qtbot.waitUntil(lambda: "normal" in results, timeout=10_000)
    assert not failed
    assert results["low"][1] >= max(base, worker.LOW_NICE)
    assert results["normal"][1] == base
    assert results["low"][0] != results["normal"][0]  # separate pools, separate threads
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == base  # window's own
    worker.wait_for_all(10_000)


def test_the_search_index_merge_runs_at_the_windows_priority_in_a_pool_of_its_own(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each step of the search indexes' merge holds the vault's write lock: niced, on a
    machine whose cores other programs keep busy, it held the lock 72-82 ms (median)
    while the person's saves waited; the window runs it at the normal priority. And in
    a pool of its own: while a long merge runs, every thread of the pool the key
    derivation and the exports use is still there for them."""
    base = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    ran: list[tuple[int, int]] = []
    release = threading.Event()

    def tidier(session: Session) -> Callable[[], list[Tidied]]:
        def work() -> list[Tidied]:
            ran.append(_nice_of_the_thread_it_ran_on())
            release.wait(20)  # a long merge
            return []

        return work

    monkeypatch.setattr(Session, "search_tidier", tidier)
    window = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)  # the daily backup, then the merge
    try:
        qtbot.waitUntil(lambda: bool(ran), timeout=20_000)
        assert ran[0][1] == base
        assert ran[0][0] != threading.get_native_id()  # on a worker, not the window's thread
        # the person's work meanwhile: as many at once as the global pool has threads
        pool = QThreadPool.globalInstance()
        started = threading.Barrier(pool.maxThreadCount() + 1)
        done: list[object] = []
        for _ in range(pool.maxThreadCount()):
            worker.run_in_background(lambda: started.wait(10), done.append, done.append)
        started.wait(10)  # all of them running beside the merge (BrokenBarrierError if not)
        qtbot.waitUntil(lambda: len(done) == pool.maxThreadCount(), timeout=10_000)
    finally:
        release.set()
