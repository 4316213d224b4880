"""Key changes as people see them: the notice at unlock, who a shared session signs
as, the key-change events on the timeline (issue 11 B5, B6)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.gui.conftest import MakeWindow, unlock_as
from twofold.domain.ledger import EventKind
from twofold.domain.timeline_text import headline
from twofold.services.session import unlock
from twofold.ui.main_window import MainWindow
from twofold.ui.unlock_page import SHARED
from twofold.ui.worker import busy

LEFT = Qt.MouseButton.LeftButton


def test_a_renewed_code_is_told_at_unlock_until_dismissed(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
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


def test_a_shared_session_shows_who_it_signs_as(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, SHARED, SAM_PASS)
    assert "Signed as Sam" in window.who.text()
    assert window.who.isVisible()
    qtbot.waitUntil(lambda: not busy(), timeout=30_000)  # background work ends in the test


def test_an_event_signed_with_a_replaced_key_shows_the_banner_not_its_text(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, tmp_path: Path
) -> None:
    """Sam kept keyslots.json and knew Alex's old passphrase; after Alex's change Sam
    signs a reflection as Alex with the old seed. Alex's timeline names it in the red
    banner and hides its words."""
    import shutil

    from tests.conftest import TEST_KDF
    from tests.security.test_signing_key_rotation import NEW_PASS, _seed_from, forge
    from twofold.ui.main_window import TIMELINE
    from twofold.vault import keyslots

    copy = tmp_path / "kept.json"
    shutil.copy(vault_dir / keyslots.FILE_NAME, copy)
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    alex.change_passphrase(NEW_PASS, TEST_KDF)
    alex.lock()
    forged = "I, Alex, agree that Sam reads my journal."
    alex_id = keyslots.load(vault_dir).partner("Alex").id
    seq = forge(
        vault_dir,
        _seed_from(copy, "Alex", ALEX_PASS),
        alex_id,
        "reflection.shared",
        {"text": forged, "request": ""},
        timeline=forged,
    )
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", NEW_PASS)
    window.go(TIMELINE)
    timeline = window.timeline
    qtbot.waitUntil(timeline.verification.banner.isVisible, timeout=20_000)
    banner = timeline.verification.banner_text.text()
    assert f"event #{seq} (reflection.shared" in banner
    assert "signed with Alex's old signing key" in banner
    shown = [
        str(timeline.model.data(timeline.model.index(r), Qt.ItemDataRole.DisplayRole))
        for r in range(timeline.model.rowCount())
    ]
    assert not any(forged in text for text in shown)
    window.grab().save(str(tmp_path / "old-key.png"))
    qtbot.waitUntil(lambda: not busy(), timeout=30_000)


def test_a_taken_over_key_is_told_at_unlock_and_cannot_be_dismissed(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, tmp_path: Path
) -> None:
    """Sam rotated Alex's key to a key of Sam's before Alex changed anything."""
    from tests.security.test_signing_key_rotation import _seed_from, forge
    from twofold.vault import crypto, keyslots

    alex_id = keyslots.load(vault_dir).partner("Alex").id
    sams = crypto.new_key()
    forge(
        vault_dir,
        _seed_from(vault_dir / keyslots.FILE_NAME, "Alex", ALEX_PASS),
        alex_id,
        "keys.changed",
        {"partner": alex_id, "how": "change", "slots": [], "public_key": crypto.public_key_of(sams).hex()},
        timeline="",
    )  # fmt: skip
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    assert window.key_banner.isVisible()
    assert window.key_banner.objectName() == "warningBanner"
    assert "Your signing key was taken over" in window.key_text.text()
    dismiss = window.key_banner.findChild(QPushButton, "keyNoticeDismiss")
    assert dismiss is not None and not dismiss.isVisible()
    window.grab().save(str(tmp_path / "taken.png"))
    qtbot.waitUntil(lambda: not busy(), timeout=30_000)
