"""The shared search index refused by FTS5 after the partner edited it
(tests/reliability/test_search_index_refused.py has the whole story): the window
lists the person's own matches and says, in the count line and to a screen reader,
what it could not search; the timeline's search says it too. No failure dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS
from tests.gui.conftest import MakeWindow, unlock_as
from tests.reliability.test_search_index_refused import tampered as tampered
from twofold.ui import ops
from twofold.ui.basics import announced
from twofold.ui.main_window import MainWindow


def test_the_window_shows_the_journals_matches_and_says_what_it_could_not_search(
    qtbot: QtBot, make_window: MakeWindow, tampered: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    failures: list[str] = []
    monkeypatch.setattr(ops, "show_failure", lambda parent, title, exc: failures.append(title))
    window: MainWindow = make_window(tampered)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    qtbot.keyClicks(window.journal.search, "lantern")
    qtbot.waitUntil(lambda: window.journal.search_model.rowCount() == 1)
    text = window.journal.count.text()
    assert text.startswith("1 match for “lantern”")
    assert "\nThe shared timeline could not be searched" in text
    assert any("The shared timeline could not be searched" in said for said in announced())
    window.go("timeline")
    qtbot.keyClicks(window.timeline.search, "lantern")
    qtbot.waitUntil(lambda: "could not be searched" in window.timeline.count.text())
    assert window.timeline.search_model.rowCount() == 0
    assert failures == []
