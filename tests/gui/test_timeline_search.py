"""The timeline's search lists the shared ledger's newest matches, a screenful of them,
and says when it stops there. It used to take the newest matches of the journal and
the ledger together and keep the shared ones: a partner who wrote privately about the
same word saw few or none of the shared entries, counted as if that were all."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.gui.conftest import MakeWindow, unlock_as
from twofold.services.session import unlock
from twofold.ui import timeline_page
from twofold.ui.main_window import TIMELINE, MainWindow


def test_the_timeline_search_lists_the_newest_shared_matches_and_says_when_it_stops(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timeline_page, "SEARCH_SHOWN", 3)
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    assert sam.journal is not None and sam.sharing is not None
    for n in range(4):
        bird = " and a kingfisher" if n == 0 else ""
        sam.sharing.add(sam.journal.write(f"A heron on the canal{bird}, shared {n}"))
    sam.sharing.confirm(sam.sharing.preview())
    sam.lock()
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    assert alex.journal is not None
    for n in range(5):  # newer, and private: not the timeline's to list
        alex.journal.write(f"My own heron, private {n}")
    alex.lock()
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(TIMELINE)
    qtbot.keyClicks(window.timeline.search, "heron")
    qtbot.waitUntil(lambda: window.timeline.search_model.rowCount() == 3)
    assert window.timeline.count.text() == (
        "The newest 3 shared matches; add a word to narrow the search"
    )
    window.timeline.search.clear()
    qtbot.keyClicks(window.timeline.search, "kingfisher")
    qtbot.waitUntil(lambda: window.timeline.count.text() == "1 shared match")
