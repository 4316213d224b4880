"""Background work nobody waits for (verification, the daily backup, milestone
detection) runs at a lower CPU priority, in its own pool; the rest (the key
derivation the person waits for) keeps the normal priority (issue 16)."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from twofold.ui import worker

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
