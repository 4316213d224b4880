"""ui/basics: the values the unlock screen sets by number are Qt's (session 22)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from twofold.ui.basics import PLAIN_TEXT, STRONG_FOCUS, StatusLabel, note, set_by_value


def test_the_numbers_are_qts_and_take_effect(qtbot: QtBot) -> None:
    assert Qt.TextFormat.PlainText.value == PLAIN_TEXT
    assert Qt.FocusPolicy.StrongFocus.value == STRONG_FOCUS
    label = note("<b>Alex</b>")  # a name is shown as typed, never as markup
    assert label.textFormat() == Qt.TextFormat.PlainText
    button = QToolButton()
    qtbot.addWidget(button)
    set_by_value(button, "focusPolicy", STRONG_FOCUS)
    assert button.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert StatusLabel().textFormat() == Qt.TextFormat.PlainText


def test_a_status_that_fits_is_whole_and_a_long_one_ends_in_an_ellipsis(qtbot: QtBot) -> None:
    status = StatusLabel()
    qtbot.addWidget(status)
    status.resize(200, 30)
    status.show()
    status.setText("Saved.")
    assert status.shown_text() == "Saved."
    status.setText("A long status " * 20)
    assert status.shown_text().endswith("…") and status.toolTip() == "A long status " * 20
    status.grab()  # painted either way
