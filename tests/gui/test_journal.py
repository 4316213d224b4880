from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS
from tests.gui.conftest import MakeWindow, on_next_modal, unlock_as
from twofold.domain.records import RecordKind
from twofold.services.session import unlock
from twofold.ui import journal_page
from twofold.ui.editor import DRAFT_SLOT
from twofold.ui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton


def _fast_autosave(window: MainWindow) -> None:
    window.journal.editor._autosave.setInterval(100)
    window.journal.editor._draft_timer.setInterval(50)


def test_write_with_kind_feelings_tags_and_autosave(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    _fast_autosave(window)
    editor = window.journal.editor
    assert editor.prompt.isVisible() and editor.prompt.text()  # a guided prompt on an empty page
    qtbot.mouseClick(window.journal.new_button, LEFT)
    editor.kind.setCurrentIndex(editor.kind.findData(RecordKind.GRATITUDE.value))
    qtbot.keyClicks(editor.text, "The walk by the river was quiet and good.")
    assert not editor.prompt.isVisible()
    next(a for a in editor.feelings_menu.actions() if a.text() == "calm").setChecked(True)
    qtbot.keyClicks(editor.tags, "walks, river")
    qtbot.waitUntil(lambda: not editor.dirty and editor.record_id is not None, timeout=5000)
    assert window.journal.model.rowCount() == 1
    assert "1 entry" in window.journal.count.text()
    window.lock()
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    assert session.journal is not None
    [record] = session.journal.listing().records
    assert record.body == "The walk by the river was quiet and good."
    assert (record.kind, record.feelings, record.tags) == (
        RecordKind.GRATITUDE,
        ("calm",),
        ("walks", "river"),
    )
    assert session.journal.draft(DRAFT_SLOT) is None
    session.lock()


def test_rich_text_round_trips_as_markdown(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    editor = window.journal.editor
    qtbot.mouseClick(window.journal.new_button, LEFT)
    qtbot.keyClick(editor.text, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.text, "brave")
    qtbot.keyClick(editor.text, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.text, " words")
    qtbot.keyClick(editor.text, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: editor.record_id is not None and not editor.dirty)
    assert window.session is not None and window.session.journal is not None
    record_id = editor.record_id
    assert record_id is not None
    body = window.session.journal.get(record_id).body
    assert body == "**brave** words"
    editor.load(window.session.journal.get(record_id))
    assert editor.markdown() == "**brave** words"


def test_unsaved_draft_survives_a_crash_and_is_offered_back(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    editor = window.journal.editor
    editor._autosave.setInterval(60_000)  # the crash comes before the next autosave
    editor._draft_timer.setInterval(50)
    qtbot.mouseClick(window.journal.new_button, LEFT)
    qtbot.keyClicks(editor.text, "Words I had not saved yet")
    qtbot.waitUntil(lambda: editor.save_state.text() == "Draft kept", timeout=5000)
    assert editor.record_id is None
    # the crash: the process dies, nothing of the window's own saving runs
    assert window.session is not None
    window.session.lock()
    window.session = None

    again: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, again, "Alex", ALEX_PASS)
    assert again.journal.recovered.isVisible()
    assert "had not saved" in again.journal.recovered_text.text()
    qtbot.mouseClick(again.journal.findChild(type(again.journal.new_button), "restoreDraft"), LEFT)
    assert again.journal.editor.plain_text() == "Words I had not saved yet"
    assert again.session is not None and again.session.journal is not None
    assert [r.body for r in again.session.journal.listing().records] == [
        "Words I had not saved yet"
    ]
    assert again.session.journal.draft(DRAFT_SLOT) is None


def test_edit_keeps_one_history_version_per_session_and_delete(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    assert session.journal is not None
    record_id = session.journal.write("first version")
    session.lock()
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    _fast_autosave(window)
    journal = window.journal
    journal.list.setCurrentIndex(journal.model.index(0))
    editor = journal.editor
    assert editor.record_id == record_id
    editor.text.moveCursor(editor.text.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.text, ", then more")
    qtbot.waitUntil(lambda: not editor.dirty, timeout=5000)
    qtbot.keyClicks(editor.text, " and more")
    qtbot.waitUntil(lambda: not editor.dirty, timeout=5000)
    assert window.session is not None and window.session.journal is not None
    assert [v.body for v in window.session.journal.history(record_id)] == ["first version"]

    on_next_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())  # type: ignore[attr-defined]
    qtbot.mouseClick(editor.delete_button, LEFT)
    assert journal.model.rowCount() == 0 and editor.plain_text() == ""
    assert window.session.journal.count() == 0


def test_search_as_you_type_finds_private_and_shared(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    assert session.journal is not None and session.sharing is not None
    session.journal.write("A heron by the canal this morning")
    shared = session.journal.write("Heron story for Sam")
    session.sharing.add(shared)
    session.sharing.confirm(session.sharing.preview())
    session.lock()
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.journal.search.hasFocus()
    qtbot.keyClicks(window.journal.search, "her")
    qtbot.waitUntil(
        lambda: (
            window.journal.lists.currentIndex() == 1 and window.journal.search_model.rowCount() == 3
        )
    )
    sources = sorted(str(window.journal.search_model.item(r).source) for r in range(3))
    assert sources == ["private", "private", "shared"]


def test_istatement_helper_suggests_and_can_be_dismissed(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    editor = window.journal.editor
    editor.helper.timer.setInterval(10)
    qtbot.mouseClick(window.journal.new_button, LEFT)
    qtbot.keyClicks(editor.text, "You always look at your phone at dinner.")
    qtbot.waitUntil(editor.helper.isVisible)
    assert "you always" in editor.helper_text.text().lower()
    qtbot.mouseClick(editor.helper_use, LEFT)
    assert "I felt … when … because …" in editor.plain_text()
    assert "You always look" in editor.plain_text()  # a suggestion, never a rewrite of your words
    qtbot.waitUntil(lambda: not editor.helper.isVisible())
    qtbot.keyClicks(editor.text, " You never ask me.")
    qtbot.waitUntil(editor.helper.isVisible)
    qtbot.mouseClick(editor.helper_dismiss, LEFT)
    assert not editor.helper.isVisible()
    assert editor.plain_text().endswith("You never ask me.")


def test_a_search_that_stops_at_its_limit_says_it_shows_the_newest(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The search lists a screenful of the newest matches; with more matches than that,
    the count must not claim there are only that many."""
    monkeypatch.setattr(journal_page, "SEARCH_SHOWN", 3)
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    assert session.journal is not None
    for n in range(5):
        session.journal.write(f"Heron number {n} on the canal")
    session.journal.write("A kingfisher, once")
    session.lock()
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    qtbot.keyClicks(window.journal.search, "heron")
    qtbot.waitUntil(lambda: window.journal.search_model.rowCount() == 3)
    assert window.journal.count.text() == (
        "The newest 3 matches for “heron”; add a word to narrow the search"
    )
    from twofold.ui.main_window import PAGE_MIN_WIDTH

    window.resize(1024, 640)
    assert window.page_widgets["journal"].minimumSizeHint().width() <= PAGE_MIN_WIDTH
    window.journal.search.clear()
    qtbot.keyClicks(window.journal.search, "kingfisher")
    qtbot.waitUntil(lambda: window.journal.search_model.rowCount() == 1)
    assert window.journal.count.text() == "1 match for “kingfisher”"


def test_the_count_line_keeps_describing_the_search_while_a_hit_is_edited_and_deleted(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    """Found in a long run of the real window: a save while the search results were on
    screen put "13 entries · private to you" under 22 matches."""
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    assert session.journal is not None
    for n in range(3):
        session.journal.write(f"Heron number {n} on the canal")
    session.journal.write("A kingfisher, once")
    session.lock()
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    _fast_autosave(window)
    journal = window.journal
    qtbot.keyClicks(journal.search, "heron")
    qtbot.waitUntil(lambda: journal.search_model.rowCount() == 3)
    assert journal.count.text() == "3 matches for “heron”"
    journal.results.clicked.emit(journal.search_model.index(0))
    editor = journal.editor
    qtbot.waitUntil(lambda: editor.record_id is not None)
    editor.text.moveCursor(editor.text.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.text, ", and a second one")
    qtbot.waitUntil(lambda: not editor.dirty, timeout=5000)
    assert journal.lists.currentIndex() == 1 and journal.search_model.rowCount() == 3
    assert journal.count.text() == "3 matches for “heron”"

    on_next_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())  # type: ignore[attr-defined]
    qtbot.mouseClick(editor.delete_button, LEFT)
    qtbot.waitUntil(lambda: journal.search_model.rowCount() == 2)
    assert journal.count.text() == "2 matches for “heron”"
    journal.search.clear()
    qtbot.waitUntil(lambda: journal.lists.currentIndex() == 0)
    assert journal.count.text() == "3 entries · private to you"
