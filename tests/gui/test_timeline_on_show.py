"""Issue 17: unlocking opens the journal; the shared timeline reads its list when it is
first shown (or when what it shows changed while hidden), not at unlock. Its check
mark is still worked out at unlock, and every way to the timeline finds it filled:
the sidebar, the keyboard, and a shared search hit opened from the journal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS
from tests.gui.conftest import MakeWindow, unlock_as
from twofold.services.session import Session, unlock
from twofold.ui import ops
from twofold.ui.main_window import JOURNAL, TIMELINE, MainWindow

RIVER = "I walked by the quiet river and felt calm."


def _share(session: Session, text: str) -> None:
    journal, sharing = session.journal, session.sharing
    assert journal is not None and sharing is not None
    record_id = journal.write(text)
    sharing.update(sharing.add(record_id), text)
    sharing.confirm(sharing.preview())


def _unlocked_after_a_share(qtbot: QtBot, make_window: MakeWindow, vault_dir: Path) -> MainWindow:
    """Alex shared the river entry, then opens the window (on the journal)."""
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    _share(alex, RIVER)
    alex.lock()
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    return window


def _bodies(window: MainWindow) -> list[str]:
    model = window.timeline.model
    return [model.item(row).body for row in range(model.rowCount())]


def test_the_timeline_is_filled_when_shown_and_verified_from_unlock(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window = _unlocked_after_a_share(qtbot, make_window, vault_dir)
    assert window.current_page() == JOURNAL
    timeline = window.timeline
    # The check runs while the journal is on screen.
    qtbot.waitUntil(lambda: timeline.verification.ok_label.text().startswith("✓ Verified"))
    assert not timeline.isVisible()

    # By keyboard, as a person goes there: the list, its count and "on this day".
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == TIMELINE
    assert RIVER in _bodies(window)
    assert timeline.count.text() == f"{timeline.model.total} items"
    assert timeline.model.total >= 2  # the vault's creation and the share at least

    # Shared while the timeline is hidden: it is there when the timeline is shown again.
    window.go(JOURNAL)
    assert window.session is not None
    _share(window.session, "We cooked together and it was easy.")
    ops.announce([ops.TIMELINE])
    window.go(TIMELINE)
    assert _bodies(window)[0] == "We cooked together and it was easy."
    window.lock()


def test_a_shared_search_hit_opens_the_timeline_never_shown_before_at_its_item(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window = _unlocked_after_a_share(qtbot, make_window, vault_dir)
    page = window.journal
    qtbot.keyClicks(page.search, "river")
    qtbot.waitUntil(lambda: page.lists.currentIndex() == 1)
    hits = page.search_model
    shared = next(r for r in range(hits.rowCount()) if hits.item(r).source.value == "shared")
    page.results.setFocus()
    page.results.setCurrentIndex(hits.index(shared))
    qtbot.keyClick(page.results, Qt.Key.Key_Return)
    assert window.current_page() == TIMELINE
    timeline = window.timeline
    current = timeline.view.currentIndex()
    assert current.isValid()
    assert timeline.model.item(current.row()).body == RIVER
    assert QApplication.focusWidget() is not None
    window.lock()
