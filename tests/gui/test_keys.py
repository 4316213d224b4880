"""Key changes as people see them: the notice at unlock, who a shared session signs
as, the key-change events on the timeline (issue 11 B5, B6)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.gui.conftest import unlock_as
from twofold.domain.ledger import EventKind
from twofold.domain.timeline_text import headline
from twofold.services.session import unlock
from twofold.ui.main_window import MainWindow
from twofold.ui.unlock_page import SHARED
from twofold.ui.worker import busy

LEFT = Qt.MouseButton.LeftButton


def test_a_renewed_code_is_told_at_unlock_until_dismissed(
    qtbot: QtBot, make_window, vault_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    # someone who knows Alex's passphrase renewed Alex's recovery code
    other = unlock(vault_dir, "Alex", ALEX_PASS)
    other.renew_recovery_code(ALEX_PASS)
    other.lock()
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    assert window.key_banner.isVisible()
    text = window.key_text.text()
    assert "Your recovery code was renewed on" in text and "If this was not you" in text
    qtbot.mouseClick(window.key_banner.findChild(QPushButton, "keyNoticeDismiss"), LEFT)
    assert not window.key_banner.isVisible()
    window.lock()
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    assert not window.key_banner.isVisible()
    # Sam, on the shared timeline, sees the signed event
    window.lock()
    unlock_as(qtbot, window, "Sam", SAM_PASS)
    assert window.session is not None
    items = [i for i in window.session.timeline.page() if i.kind == EventKind.KEYS_CHANGED]
    assert [headline(i) for i in items] == [
        "Alex's recovery code was renewed; the old code no longer works."
    ]
    qtbot.waitUntil(lambda: not busy(), timeout=30_000)  # background work ends in the test


def test_a_shared_session_shows_who_it_signs_as(qtbot: QtBot, make_window, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, SHARED, SAM_PASS)
    assert "Signed as Sam" in window.who.text()
    assert window.who.isVisible()
    qtbot.waitUntil(lambda: not busy(), timeout=30_000)  # background work ends in the test
