"""Issue 17, session 22: what the first unlock in the window no longer does on the
spot, and that the user loses nothing by it."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS
from tests.gui.conftest import MakeWindow, unlock_as
from twofold.ui.main_window import MainWindow


def test_the_idle_lock_watches_input_from_a_second_after_unlocking(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    # The unlock's own events (the workspace laid out and painted) do not pass
    # through the Python input filter; the countdown runs from the unlock on.
    assert window.idle.active and not window.idle.watching_input
    qtbot.waitUntil(lambda: window.idle.watching_input, timeout=5000)
    window.idle.set_interval_ms(600)
    window.idle.start()
    editor = window.journal.editor.text
    for _ in range(12):  # typing for longer than the countdown keeps it unlocked
        qtbot.keyClicks(editor, "a")
        qtbot.wait(100)
    assert window.session is not None
    qtbot.waitUntil(lambda: window.session is None, timeout=5000)  # then it locks


def test_locking_within_the_first_second_leaves_no_input_filter(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.lock()
    qtbot.wait(1500)
    assert not window.idle.watching_input and not window.idle.active
    # and the next unlock watches again
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    qtbot.waitUntil(lambda: window.idle.watching_input, timeout=5000)
