"""Issue 14, part 2: no keyboard traps. Enter does what the dialog is for, Tab leaves
multi-line fields, every action offered can be used in the current mode, F1 works
before unlocking, and focus never rests on a hidden page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS, SAM_PASS, recovery_code
from tests.gui.conftest import MakeWindow, on_next_modal, unlock_as
from twofold.ui import theme
from twofold.ui.app import make_application
from twofold.ui.main_window import JOURNAL, OUTBOX, TIMELINE, MainWindow
from twofold.ui.outbox_page import ConfirmShareDialog
from twofold.ui.pages import PAGES, PARTNER, SESSION
from twofold.ui.unlock_page import SHARED

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier


def _go_actions(window: MainWindow) -> dict[str, tuple[bool, bool]]:
    """Go menu entry → (visible, enabled)."""
    return {
        spec.key: (act.isVisible(), act.isEnabled())
        for spec in PAGES
        for act in window.go_actions
        if act.objectName() == spec.action_name
    }


def test_the_go_menu_offers_only_what_the_mode_can_do(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, SHARED, SAM_PASS)
    actions = _go_actions(window)
    for spec in PAGES:
        offered = SESSION in spec.modes
        assert actions[spec.key] == (offered, offered), spec.key
    assert not window.new_action.isEnabled() and not window.save_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)  # Find works in a shared session too
    assert window.current_page() == TIMELINE
    assert QApplication.focusWidget() is window.timeline.search
    window.lock()

    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    actions = _go_actions(window)
    for spec in PAGES:
        offered = PARTNER in spec.modes
        assert actions[spec.key] == (offered, offered), spec.key
    assert window.new_action.isEnabled()


def test_after_lock_and_unlock_focus_is_on_the_page_shown(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    qtbot.mouseClick(window.journal.new_button, LEFT)
    window.journal.editor.text.insertPlainText("An entry to share")
    qtbot.mouseClick(window.journal.editor.share_button, LEFT)
    window.go(OUTBOX)
    window.outbox.version.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.outbox.version)
    window.lock()
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    assert window.current_page() == JOURNAL
    focused = QApplication.focusWidget()
    assert focused is not None and focused.isVisible()
    assert window.journal.isAncestorOf(focused)
    qtbot.keyClicks(focused, "XYZ")
    assert "XYZ" not in window.outbox.version.toPlainText()


def test_tab_leaves_the_version_the_partner_reads_and_reaches_share_now(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    theme.apply(make_application(), "light")  # with the style sheet users have
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    qtbot.mouseClick(window.journal.new_button, LEFT)
    window.journal.editor.text.insertPlainText("Today I kept my word.")
    qtbot.mouseClick(window.journal.editor.share_button, LEFT)
    window.go(OUTBOX)
    version = window.outbox.version
    version.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is version)
    qtbot.keyClick(version, Qt.Key.Key_Tab)
    assert "\t" not in version.toPlainText()
    assert QApplication.focusWidget() is not version

    reached: list[str] = []

    def tab_through(dialog: QWidget) -> None:
        assert isinstance(dialog, ConfirmShareDialog)
        dialog.activateWindow()

        def focus_inside() -> bool:
            focus = QApplication.focusWidget()
            return focus is not None and dialog.isAncestorOf(focus)

        qtbot.waitUntil(focus_inside)
        for _ in range(12):
            qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Tab)
            focused = QApplication.focusWidget()
            if focused is not None:
                reached.append("Share now" if focused is dialog.share else focused.accessibleName())
        dialog.reject()

    on_next_modal(tab_through)
    qtbot.mouseClick(window.outbox.share_all, LEFT)
    assert "Share now" in reached


def test_enter_in_the_reset_dialog_resets_or_says_why_never_cancels(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    from twofold.ui.recovery_dialog import RecoveryDialog

    code = recovery_code(vault_dir, "Alex")
    window: MainWindow = make_window(vault_dir)
    dialog = RecoveryDialog(vault_dir, "Alex", window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.code, "AAAA")
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)  # nothing complete yet: stays open
    assert dialog.isVisible() and dialog.result() == 0
    new = "a long and quite new passphrase 42"
    dialog.fields.passphrase.setText(new)
    dialog.fields.confirm.setText(new)
    dialog.code.setText(code[:-1] + ("0" if code[-1] != "0" else "1"))  # a typo
    assert dialog.reset.isEnabled() and dialog.reset.isDefault()
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=30_000)
    assert dialog.isVisible()
    assert dialog.message.text()


def test_tab_leaves_the_safety_plan_and_agreement_fields(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    from PySide6.QtWidgets import QPlainTextEdit

    from twofold.ui.agreement_page import ProposeDialog
    from twofold.ui.safety_dialog import SafetyPlanDialog

    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    assert window.session is not None
    for dialog in (SafetyPlanDialog(window.session, window), ProposeDialog(None, window)):
        qtbot.addWidget(dialog)
        fields = dialog.findChildren(QPlainTextEdit)
        assert fields
        for field in fields:
            before = field.toPlainText()
            qtbot.keyClick(field, Qt.Key.Key_Tab)
            assert field.toPlainText() == before and "\t" not in field.toPlainText()
        dialog.close()


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_alt_and_a_menu_letter_opens_that_menu_even_from_the_search_field(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    """The menu titles' mnemonics (&File, &Go, &Help) reach the menus by keyboard, also
    while the cursor is in a text field (xdotool's Alt could not show it under Xvfb)."""
    from PySide6.QtWidgets import QMenu

    window: MainWindow = make_window(vault_dir)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    titles = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert set(titles) == {"&File", "&Go", "&Help"}

    def opens(target: QWidget, key: Qt.Key) -> str:
        qtbot.keyClick(target, key, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        menu.close()
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
        return menu.title()

    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.journal.search.setFocus()
    assert opens(window.journal.search, Qt.Key.Key_G) == "&Go"
    assert window.journal.search.text() == ""  # the letter went to the menu, not the field
    assert opens(window.journal.search, Qt.Key.Key_F) == "&File"
