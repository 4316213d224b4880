"""Foreground first (issue 16's 300 ms pages): while the window builds a page, the
background work of the same process waits at its pause points, and its SQL waits
inside SQLite; it never waits past the limit, and the main thread never waits."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import pytest

from twofold.services.session import Session
from twofold.vault import priority


def _end_every_burst() -> None:
    while not priority._idle.is_set():
        priority.end()


@pytest.fixture(autouse=True)
def _no_burst_left() -> Iterator[None]:
    _end_every_burst()  # a window of an earlier test may have left one unended
    yield
    _end_every_burst()


def test_a_burst_left_unended_holds_nobody_up_past_its_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(priority, "MAX_PAUSE", 0.2)
    priority.begin()  # never ended
    time.sleep(0.3)
    assert not priority.busy()
    thread, done = _in_background(priority.pause_point)
    thread.join(1)
    assert done
    with priority.foreground():  # a later burst still counts, with its own limit
        assert priority.busy()
        thread, done = _in_background(priority.pause_point)
        time.sleep(0.1)
        assert not done
    thread.join(1)
    assert done


def _in_background(work: Callable[[], object]) -> tuple[threading.Thread, list[float]]:
    done: list[float] = []

    def run() -> None:
        work()
        done.append(time.monotonic())

    thread = threading.Thread(target=run)
    thread.start()
    return thread, done


def test_background_waits_for_the_burst_and_goes_on_when_it_ends() -> None:
    with priority.foreground():
        thread, done = _in_background(priority.pause_point)
        time.sleep(0.3)
        assert not done  # still waiting while the window is busy
        priority.pause_point()  # the main thread itself never waits
        ended = time.monotonic()
    thread.join(2)
    assert done and done[0] >= ended
    assert not priority.busy()


def test_no_background_step_waits_past_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(priority, "MAX_PAUSE", 0.2)
    priority.begin()  # a burst that never ends (its page was closed mid-way)
    started = time.monotonic()
    thread, done = _in_background(priority.pause_point)
    thread.join(2)
    assert done and 0.1 <= done[0] - started < 1.0
    # later steps of the same burst do not wait at all
    again = time.monotonic()
    thread, done = _in_background(priority.pause_point)
    thread.join(2)
    assert done[0] - again < 0.1
    priority.end()


def test_a_background_reader_waits_inside_its_query(
    alex: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long query on a reader connection (what verification and detection use)
    makes no progress during the burst, and finishes after it."""
    monkeypatch.setattr(priority, "MAX_PAUSE", 10.0)
    query = (
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000) "
        "SELECT count(*) FROM n"
    )

    def read() -> None:
        reader = alex.progress._vault.reader()
        try:
            assert reader.connection.execute(query).fetchone()[0] == 300_000
        finally:
            reader.close()

    solo = time.monotonic()
    read()  # the same query without a burst, for scale
    alone = time.monotonic() - solo
    with priority.foreground():
        thread, done = _in_background(read)
        time.sleep(max(0.5, 3 * alone))
        assert not done
        ended = time.monotonic()
    thread.join(10)
    assert done and done[0] >= ended
