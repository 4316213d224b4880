"""The journal's filter bar, counts, kind search and "on this day", as a person uses them."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS
from tests.gui.conftest import MakeWindow, unlock_as
from tests.unit.test_journal_patterns import _write
from twofold.domain.journal_filter import look_back_days
from twofold.domain.records import RecordKind
from twofold.domain.timeline_text import headline
from twofold.services.session import unlock
from twofold.ui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton


def test_filter_count_search_and_look_back(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    ids = _write(alex)
    assert alex.journal is not None
    today = datetime.now().astimezone()
    _, year_ago = look_back_days(today.date())[2]
    alex.wins._append(
        "Our first calm Sunday",
        year_ago,
        "",
        at=datetime.combine(year_ago, today.time()).astimezone() - timedelta(minutes=2),
    )
    old = alex.journal.write(
        "The first spring after",
        RecordKind.GRATITUDE,
        at=datetime.combine(year_ago, today.time()).astimezone() - timedelta(minutes=1),
    )
    alex.lock()
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    page = window.journal
    assert page.model.total == 5 and page.count.text() == "5 entries · private to you"
    bar = page.filters
    bar.kind.setCurrentIndex(bar.kind.findData(RecordKind.TRIGGER.value))
    assert [page.model.item(r).id for r in range(page.model.rowCount())] == [ids["t2"], ids["t1"]]
    assert page.count.text() == "2 entries match this filter · private to you"
    bar.kind.setCurrentIndex(0)
    bar.tag.setCurrentIndex(bar.tag.findData("dinner"))
    assert page.model.total == 2
    assert "2 entries match this filter: 1 × Trigger noticed, 1 × What I need" in page.count.text()
    qtbot.mouseClick(bar.clear, LEFT)
    assert page.model.total == 5
    # Searching the kind finds the trigger entries, which never say "trigger".
    qtbot.keyClicks(page.search, "trigger")
    qtbot.waitUntil(lambda: page.lists.currentIndex() == 1)
    refs = [page.search_model.item(r).ref for r in range(page.search_model.rowCount())]
    assert refs == [str(ids["t2"]), str(ids["t1"])]
    page.search.clear()
    # On this day: a year ago, one entry; the button shows that day.
    assert page.look_back.isVisible()
    [button] = page.look_back.buttons
    assert button.text() == "A year ago (1)"
    qtbot.mouseClick(button, LEFT)
    assert [page.model.item(r).id for r in range(page.model.rowCount())] == [old]
    assert bar.since.isVisible() and bar.since.date().toPython() == year_ago

    # On this day on the shared timeline: the win of a year ago, one click away.
    window.go("timeline")
    timeline = window.timeline
    assert timeline.look_back.isVisible()
    [shared_button] = timeline.look_back.buttons
    assert shared_button.text() == "A year ago (1)"
    qtbot.mouseClick(shared_button, LEFT)
    current = timeline.model.item(timeline.view.currentIndex().row())
    assert headline(current) == "Win: Our first calm Sunday"
