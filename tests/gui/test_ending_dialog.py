"""Leaving and deleting the journal from the app: typed confirmation, the window lets
go of the session, the work runs off the GUI thread, the new code is shown once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.gui.conftest import MakeWindow, unlock_as
from twofold.services.session import unlock
from twofold.ui.ending_dialog import LeaveDialog
from twofold.ui.main_window import MainWindow
from twofold.vault import keyslots

LEFT = Qt.MouseButton.LeftButton


def test_delete_my_journal_needs_the_words_and_ends_the_session(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    assert window.session is not None and window.session.journal is not None
    window.session.journal.write("GUI-SHRED-CANARY")
    dialog = window.open_leave()
    assert isinstance(dialog, LeaveDialog)
    qtbot.keyClicks(dialog.shred_passphrase, ALEX_PASS)
    qtbot.keyClicks(dialog.shred_confirm, "delete my")
    assert not dialog.shred_button.isEnabled()
    qtbot.keyClicks(dialog.shred_confirm, " journal")
    assert dialog.shred_button.isEnabled()
    qtbot.mouseClick(dialog.shred_button, LEFT)
    assert window.session is None
    qtbot.waitUntil(lambda: "new recovery code" in window.ending_message, timeout=60_000)
    assert window.stack.currentWidget() is window.unlock_page
    again = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        assert again.journal is not None and again.journal.count() == 0
    finally:
        again.lock()


def test_leave_the_vault_with_the_other_partner_present(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, tmp_path: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    dialog = window.open_leave()
    assert isinstance(dialog, LeaveDialog)
    dialog.tabs.setCurrentIndex(1)
    dialog.copy.setChecked(True)
    dialog.copy_format.setCurrentIndex(dialog.copy_format.findData("markdown"))
    dialog.copy_path.setText(str(tmp_path / "copy.md"))
    qtbot.keyClicks(dialog.leave_passphrase, SAM_PASS)
    qtbot.keyClicks(dialog.leave_confirm, "leave")
    qtbot.mouseClick(dialog.leave_button, LEFT)
    qtbot.waitUntil(lambda: "has left the vault" in window.ending_message, timeout=60_000)
    assert "Sam, only you should read on" in window.ending_message
    assert (tmp_path / "copy.md").exists()
    assert [p.label for p in keyslots.load(vault_dir).partners] == ["Sam"]
