"""Saving from the editor: what the person sees as one save is one durable commit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS
from tests.gui.conftest import MakeWindow, unlock_as
from twofold.services.journal import JournalService
from twofold.ui.editor import DRAFT_SLOT, EntryEditor
from twofold.ui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier


def _new_entry(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> tuple[MainWindow, EntryEditor, JournalService]:
    """Alex unlocked, a new entry open in the editor, drafts kept after 50 ms."""
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    editor = window.journal.editor
    editor._draft_timer.setInterval(50)
    session = window.session
    assert session is not None and session.journal is not None
    qtbot.mouseClick(window.journal.new_button, LEFT)
    return window, editor, session.journal


def test_saving_after_a_draft_commits_the_entry_and_removes_the_draft_at_once(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    """The editor keeps a draft 0.8 s after typing stops; the save that follows wrote
    the entry and then removed the draft in a second transaction (two durable commits,
    ten fsyncs, and a crash between them left the saved words offered back as a
    draft). Now both are one transaction."""
    window, editor, journal = _new_entry(qtbot, make_window, vault_dir)
    qtbot.keyClicks(editor.text, "Words kept as a draft, then saved.")
    qtbot.waitUntil(lambda: journal.draft(DRAFT_SLOT) is not None, timeout=5000)

    assert window.session is not None
    conn = window.session._vault.connection
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        assert editor.commit()
    finally:
        conn.set_trace_callback(None)
    writes = [s for s in statements if s.split()[0].upper() in ("BEGIN", "COMMIT")]
    assert writes == ["BEGIN", "COMMIT"]
    assert editor.record_id is not None
    assert journal.get(editor.record_id).body == "Words kept as a draft, then saved."
    assert journal.draft(DRAFT_SLOT) is None


def test_saving_an_unchanged_entry_still_removes_its_draft(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    _, editor, journal = _new_entry(qtbot, make_window, vault_dir)
    qtbot.keyClicks(editor.text, "Saved once.")
    qtbot.keyClick(editor.text, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: editor.record_id is not None and not editor.dirty)
    record_id = editor.record_id
    assert record_id is not None
    # typing and undoing leaves the same words, kept as a draft meanwhile
    qtbot.keyClicks(editor.text, "!")
    qtbot.waitUntil(lambda: journal.draft(DRAFT_SLOT) is not None, timeout=5000)
    qtbot.keyClick(editor.text, Qt.Key.Key_Backspace)
    assert editor.commit()
    assert journal.get(record_id).body == "Saved once."
    assert journal.draft(DRAFT_SLOT) is None
