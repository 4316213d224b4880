"""Issue 14: the safety plan is reachable from the locked screen and from the setup
wizard with F1 — its text only where its owner chose a readable copy."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS
from tests.gui.conftest import on_next_modal, unlock_as
from twofold.services.session import unlock
from twofold.ui.main_window import MainWindow
from twofold.ui.safety_dialog import LockedSafetyPlanDialog, SafetyPlanDialog

MakeWindow = Callable[[Path], MainWindow]


def _open_locked_dialog(qtbot: QtBot, window: MainWindow) -> LockedSafetyPlanDialog:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: _locked_dialog() is not None, timeout=5000)
    dialog = _locked_dialog()
    assert dialog is not None
    return dialog


def _locked_dialog() -> LockedSafetyPlanDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, LockedSafetyPlanDialog) and widget.isVisible():
            return widget
    return None


def test_f1_on_the_locked_screen_shows_the_plan_only_when_its_owner_chose(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window = make_window(vault_dir)
    assert window.stack.currentWidget() is window.unlock_page
    dialog = _open_locked_dialog(qtbot, window)
    assert dialog.text.isHidden() and "inside the encrypted vault" in dialog.intro.text()
    assert "emergency number" in dialog.crisis.text()
    dialog.close()
    # Alex opens the plan after unlocking and ticks the readable copy.
    unlock_as(qtbot, window, "Alex", ALEX_PASS)

    def keep_copy(widget: QWidget) -> None:
        assert isinstance(widget, SafetyPlanDialog)
        assert not widget.readable.isChecked()  # off by default
        assert (
            "anyone who can open this computer's files" in widget.readable.accessibleDescription()
        )
        widget.call.setPlainText("Dr. Reyes 555-0100")
        widget.readable.setChecked(True)
        widget._save()

    on_next_modal(keep_copy)
    window.safety_action.trigger()  # F1 (the key itself is pressed while locked above)
    assert window.session is not None and window.session.safety.keeps_readable_copy
    window.lock()
    assert window.session is None
    qtbot.mouseClick(window.unlock_page.safety_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _locked_dialog() is not None, timeout=5000)
    dialog = _locked_dialog()
    assert dialog is not None and not dialog.text.isHidden()
    assert "Dr. Reyes 555-0100" in dialog.text.toPlainText()
    dialog.close()
    # Turned off again: nothing readable.
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    alex.safety.keep_readable_copy(False)
    alex.lock()
    dialog = _open_locked_dialog(qtbot, window)
    assert dialog.text.isHidden()
    dialog.close()


def test_f1_in_the_setup_wizard_shows_what_to_do_now(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window(tmp_path / "new-vault")
    assert window.wizard is not None and window.stack.currentWidget() is window.wizard
    assert window.safety_action.isEnabled()
    dialog = _open_locked_dialog(qtbot, window)
    assert "emergency number" in dialog.crisis.text() and "set up" in dialog.intro.text()
    dialog.close()
