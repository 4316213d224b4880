"""The unlock page walked with the keyboard alone, as a screen reader user would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import SAM_PASS
from tests.gui.conftest import MakeWindow
from tests.reliability.test_same_names import _sam_calls_himself_alex


def _focused() -> str:
    widget = QApplication.focusWidget()
    return widget.accessibleName() if isinstance(widget, QWidget) else ""


def test_by_keyboard_alone_either_slot_of_one_name_can_be_chosen_and_unlocked(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    """Both partners carry one name. Focus starts in the passphrase; Tab goes round
    the card and reaches the checked choice ("I am Alex (slot 1)"), Shift+Tab from
    the passphrase too; the arrow keys move to slot 2, Space picks it, and it opens
    Sam's journal."""
    ids = _sam_calls_himself_alex(vault_dir)
    window = make_window(vault_dir)
    page = window.unlock_page
    qtbot.waitUntil(page.isVisible)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert _focused() == "Passphrase"
    heard = []
    for _ in range(6):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        heard.append(_focused())
    assert heard == [
        "Show passphrase",
        "Unlock",
        "Forgot your passphrase",
        "Safety plan, without unlocking (F1)",
        "I am Alex (slot 1)",
        "Passphrase",
    ]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert _focused() == "I am Alex (slot 1)"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert _focused() == "I am Alex (slot 2)"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert page.choice(list(ids)[1]).isChecked()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert _focused() == "Passphrase"
    qtbot.keyClicks(QApplication.focusWidget(), SAM_PASS)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session is not None)
    assert window.session is not None and window.session.partner_id == list(ids)[1]


def test_a_partner_choice_is_said_once_not_again_as_its_description(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    """A screen reader reads a button's tooltip as its description: each choice
    carried its own text there, so Orca said "I am Sam, check box, I am Sam"."""
    from PySide6.QtGui import QAccessible

    window = make_window(vault_dir)
    page = window.unlock_page
    qtbot.waitUntil(page.isVisible)
    for button in page.who_group.buttons():
        face = QAccessible.queryAccessibleInterface(button)
        assert face is not None
        name = face.text(QAccessible.Text.Name)
        assert name == button.text()
        assert face.text(QAccessible.Text.Description) != name
