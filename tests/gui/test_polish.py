"""Issue 14, the layout / keyboard / screen-reader polish: Enter on the wizard's
welcome page goes on, Tab never types into a multi-line field anywhere, cut text ends
in "…" and is whole for a screen reader, the window fits small and large-font screens."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

import twofold.ui
from tests.conftest import ALEX_PASS, SAM_PASS
from tests.gui.conftest import MakeWindow, on_next_modal, unlock_as
from tests.gui.test_german_screens import fill
from twofold.ui.agreement_page import ProposeDialog
from twofold.ui.commitments_page import CommitmentDialog
from twofold.ui.main_window import WINS, MainWindow
from twofold.ui.safety_dialog import LockedSafetyPlanDialog, SafetyPlanDialog
from twofold.ui.setbacks_page import LogSetbackDialog
from twofold.ui.together_page import ChapterDialog
from twofold.ui.unlock_page import SHARED

LEFT = Qt.MouseButton.LeftButton


def test_enter_on_the_welcome_page_goes_on_and_never_opens_the_folder_chooser(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def chooser(*args: object) -> str:
        asked.append("chooser")
        return ""

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", chooser)
    window: MainWindow = make_window(tmp_path / "vault")
    wizard = window.wizard
    assert wizard is not None and wizard.currentPage() is wizard.welcome
    change = wizard.welcome.findChild(QWidget, "changeLocation")
    assert change is not None
    # wherever focus is on the page: as it opens, or after Tab reached "Change…"
    for focused in (wizard.focusWidget() or wizard, change):
        wizard.restart()
        focused.setFocus()
        qtbot.keyClick(focused, Qt.Key.Key_Return)
        assert asked == [], f"Enter on {focused.objectName()} opened the folder chooser"
        assert wizard.currentPage() is wizard.first, focused.objectName()
    wizard.restart()
    qtbot.mouseClick(change, LEFT)
    assert asked == ["chooser"]  # a click still opens it


def _owner(widget: QWidget) -> str:
    """The Twofold module whose class holds this field (page, dialog or form)."""
    at: QObject | None = widget
    while at is not None:
        module = type(at).__module__
        if module.startswith("twofold.ui."):
            return module.rsplit(".", 1)[1]
        at = at.parent()
    return "?"


def _modules_with_multiline_fields() -> set[str]:
    ui = Path(twofold.ui.__file__).parent
    return {
        path.stem
        for path in ui.glob("*.py")
        if re.search(r"\b(QPlainTextEdit|QTextEdit)\(", path.read_text(encoding="utf-8"))
    }


class TabCheck:
    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.checked: dict[str, str] = {}  # field → owning module
        self.typed_tabs: list[str] = []

    def fields_in(self, where: str, top: QWidget) -> None:
        QApplication.processEvents()
        for field in top.findChildren(QPlainTextEdit) + top.findChildren(QTextEdit):
            name = f"{where}/{field.objectName() or type(field).__name__}"
            if not field.isVisible() or field.isReadOnly() or name in self.checked:
                continue
            self.checked[name] = _owner(field)
            before = field.toPlainText()
            field.setFocus()
            self.qtbot.keyClicks(field, "words")
            self.qtbot.keyClick(field, Qt.Key.Key_Tab)
            self.qtbot.keyClick(field, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
            if "\t" in field.toPlainText() or not field.tabChangesFocus():
                self.typed_tabs.append(name)
            field.setPlainText(before)


def test_tab_leaves_every_multi_line_field_of_every_screen(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    fill(vault_dir)
    window: MainWindow = make_window(vault_dir)
    window.resize(1280, 860)
    check = TabCheck(qtbot)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    qtbot.mouseClick(window.journal.new_button, LEFT)
    for mode in ("private", "shared"):
        for key in list(window.page_keys):
            window.go(key)
            qtbot.wait(20)
            check.fields_in(f"{mode}/{key}", window)
        if mode == "private":
            session = window.session
            assert session is not None
            dialogs: list[QDialog] = [
                ChapterDialog(window),
                CommitmentDialog(session, window),
                ProposeDialog(session.agreement.latest(), window),
                LogSetbackDialog(window),
                SafetyPlanDialog(session, window),
            ]
            for dialog in dialogs:
                dialog.show()
                check.fields_in(f"dialog/{dialog.objectName()}", dialog)
                dialog.close()

            def record_win(dialog: QWidget) -> None:
                check.fields_in(f"dialog/{dialog.objectName()}", dialog)
                dialog.close()

            window.go(WINS)
            on_next_modal(record_win)
            qtbot.mouseClick(window.wins.record, LEFT)
            window.lock()
            unlock_as(qtbot, window, SHARED, SAM_PASS)
    window.lock()
    locked = LockedSafetyPlanDialog(vault_dir, window)
    locked.show()
    check.fields_in("locked/safety plan", locked)
    locked.close()

    print("\nmulti-line fields checked:", *sorted(check.checked), sep="\n  ")
    assert check.typed_tabs == []
    # every module that makes a multi-line field was reached by this walk
    assert _modules_with_multiline_fields() <= set(check.checked.values())
