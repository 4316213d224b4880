"""Issue 14: where the partner-facing words are written, the I-statement helper
offers its suggestion as it does in the journal — a suggestion, never a rewrite."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS
from tests.gui.conftest import unlock_as
from twofold.services.session import unlock
from twofold.ui.main_window import OUTBOX, MainWindow

LEFT = Qt.MouseButton.LeftButton
MakeWindow = Callable[[Path], MainWindow]


def test_the_outbox_version_gets_the_suggestion(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    assert alex.journal is not None and alex.sharing is not None
    record = alex.journal.write("A hard evening. I want to say something about dinner.")
    alex.sharing.add(record)
    alex.lock()
    window = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(OUTBOX)
    outbox = window.outbox
    helper = outbox.version_helper
    helper.timer.setInterval(10)
    assert not helper.isVisible()
    outbox.version.selectAll()
    qtbot.keyClicks(outbox.version, "You never put your phone away at dinner.")
    qtbot.waitUntil(helper.isVisible, timeout=3000)
    assert "you never" in helper.hint.text().lower()
    qtbot.mouseClick(helper.use, LEFT)
    text = outbox.version.toPlainText()
    assert text.startswith("You never put your phone away at dinner.")  # never rewritten
    assert "I felt … when … because …" in text
    qtbot.waitUntil(lambda: not helper.isVisible(), timeout=3000)
    # dismissing one sentence keeps it quiet; another entry starts afresh
    qtbot.keyClicks(outbox.version, " You always check it.")
    qtbot.waitUntil(helper.isVisible, timeout=3000)
    qtbot.mouseClick(helper.dismiss, LEFT)
    assert not helper.isVisible()
