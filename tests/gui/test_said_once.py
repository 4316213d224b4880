"""A screen reader says a control's name, then its description (the tooltip when no
description is set): a control whose tooltip repeats its name is said twice ("Lock
now (Ctrl+L), push button, Lock now (Ctrl+L)", walk27 over AT-SPI)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS
from tests.gui.conftest import MakeWindow, unlock_as


def _said_twice(root: QWidget) -> list[str]:
    twice = []
    for control in root.findChildren(QAbstractButton):
        face = QAccessible.queryAccessibleInterface(control)
        assert face is not None
        name = face.text(QAccessible.Text.Name).strip()
        if name and face.text(QAccessible.Text.Description).strip() == name:
            twice.append(f"{control.objectName() or type(control).__name__}: {name!r}")
    return twice


def test_no_control_of_the_unlocked_window_is_said_twice(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    assert _said_twice(window) == []
