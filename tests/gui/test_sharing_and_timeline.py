from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.gui.conftest import MakeWindow, on_next_modal, unlock_as
from twofold.domain.ledger import EventKind
from twofold.services.session import unlock
from twofold.ui.main_window import OUTBOX, TIMELINE, MainWindow
from twofold.ui.outbox_page import ConfirmShareDialog

LEFT = Qt.MouseButton.LeftButton
PRIVATE = "I checked the old thread again at 2am and hated myself."
SHARED_VERSION = "Some nights are still hard for me. I want to tell you when they are."


def _write_and_add(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.journal.editor
    qtbot.mouseClick(window.journal.new_button, LEFT)
    qtbot.keyClicks(editor.text, PRIVATE)
    qtbot.mouseClick(editor.share_button, LEFT)
    assert "outbox" in editor.save_state.text()
    assert window.nav.item(1).text() == "Outbox (1)"


def test_the_whole_sharing_step_with_cancel_then_confirm(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    _write_and_add(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == OUTBOX
    outbox = window.outbox
    assert outbox.original.toPlainText() == PRIVATE
    outbox.version.selectAll()
    qtbot.keyClicks(outbox.version, SHARED_VERSION)
    qtbot.keyClicks(outbox.request, "I'd like us to talk about a signal for hard nights")
    preview = outbox.preview_model.items[0]
    assert (preview.body, preview.author_label) == (SHARED_VERSION, "Alex")
    assert preview.request == "I'd like us to talk about a signal for hard nights"

    seen: list[str] = []

    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, ConfirmShareDialog)
        seen.append(dialog.summary.text())
        assert dialog.model.items[0].body == SHARED_VERSION
        dialog.reject()

    on_next_modal(cancel)
    qtbot.mouseClick(outbox.share_all, LEFT)
    assert seen == ["You are sharing 1 reflection with Sam"]
    assert window.session is not None and window.session.sharing is not None
    assert len(window.session.sharing.outbox()) == 1
    assert window.session.timeline.count() == 1  # only "vault created"

    on_next_modal(lambda dialog: dialog.accept())  # type: ignore[attr-defined]
    qtbot.mouseClick(outbox.share_all, LEFT)
    assert window.current_page() == TIMELINE
    assert "Shared 1 with Sam" in window.status.text()
    assert window.timeline.model.item(0).body == SHARED_VERSION
    assert window.session.sharing.outbox() == []
    assert window.nav.item(1).text() == "Outbox"
    window.lock()

    sam = unlock(vault_dir, "Sam", SAM_PASS)
    bodies = [i.body for i in sam.timeline.page()]
    assert SHARED_VERSION in bodies and not any(PRIVATE in b for b in bodies)
    assert sam.search("hated") == []
    sam.lock()


def test_retract_from_the_timeline_with_confirmation(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    assert session.journal is not None and session.sharing is not None
    item = session.sharing.add(session.journal.write("to share"))
    session.sharing.update(item, "shared words to retract")
    session.sharing.confirm(session.sharing.preview())
    session.lock()
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(TIMELINE)
    timeline = window.timeline
    qtbot.waitUntil(lambda: timeline.verification.ok_label.text().startswith("✓ Verified"))
    timeline.view.setCurrentIndex(
        timeline.model.index(1)
    )  # the vault-created item is not ours to retract
    assert not timeline.retract.isEnabled()
    timeline.view.setCurrentIndex(timeline.model.index(0))
    assert timeline.retract.isEnabled()
    on_next_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())  # type: ignore[attr-defined]
    qtbot.mouseClick(timeline.retract, LEFT)
    item_view = timeline.model.item(0)
    assert item_view.retracted and item_view.body == ""
    assert timeline.verification.ok_label.text() == "Verifying the ledger…"  # in the background
    qtbot.waitUntil(lambda: timeline.verification.ok_label.text().startswith("✓ Verified"))


def test_filters_grouping_and_a_loud_warning_when_the_chain_fails(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    for who, passphrase in (("Alex", ALEX_PASS), ("Sam", SAM_PASS)):
        session = unlock(vault_dir, who, passphrase)
        assert session.journal is not None and session.sharing is not None
        session.sharing.add(session.journal.write(f"from {who}"))
        session.sharing.confirm(session.sharing.preview())
        session.lock()
    from twofold.vault import vault as vault_files

    opened = vault_files.unlock_session(vault_dir, SAM_PASS)
    with opened.write() as conn:
        conn.execute("UPDATE ledger_events SET payload = CAST('{}' AS BLOB) WHERE seq = 3")
    opened.close()

    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Sam", SAM_PASS)
    window.go(TIMELINE)
    timeline = window.timeline
    qtbot.waitUntil(timeline.verification.banner.isVisible, timeout=10_000)
    assert "event #3" in timeline.verification.banner_text.text()
    assert timeline.model.total == 3
    timeline.author_filter.setCurrentIndex(timeline.author_filter.findText("Sam"))
    assert timeline.model.total == 1 and timeline.model.item(0).author_label == "Sam"
    timeline.author_filter.setCurrentIndex(0)
    timeline.kind_filter.setCurrentIndex(timeline.kind_filter.findText("Shared reflections"))
    assert timeline.model.total == 2
    assert all(timeline.model.item(r).kind == EventKind.REFLECTION_SHARED for r in range(2))
    timeline.grouping.setCurrentIndex(1)
    from twofold.ui.models import GroupRole

    assert timeline.model.index(0).data(GroupRole) == "This week"


def test_a_forged_timeline_row_shows_the_banner_not_the_forged_text(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    """Sam edits Alex's shared words with the raw vault key; Alex's timeline shows the
    red banner naming the row, and a warning in place of the forged words."""
    from tests.reliability.test_partner_attacks import attack

    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    assert alex.journal is not None and alex.sharing is not None
    item = alex.sharing.add(alex.journal.write("to share"))
    alex.sharing.update(item, SHARED_VERSION)
    alex.sharing.confirm(alex.sharing.preview())
    alex.lock()
    forged = "I never loved you and I never will."
    attack(
        vault_dir,
        ("UPDATE timeline_items SET body = ? WHERE kind = 'reflection.shared'", (forged,)),
    )

    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(TIMELINE)
    timeline = window.timeline
    qtbot.waitUntil(timeline.verification.banner.isVisible, timeout=10_000)
    banner = timeline.verification.banner_text.text()
    # event #3 is the consent rules adopted at the first unlock (issue 12)
    assert "timeline_items, row of event #4 (reflection.shared" in banner
    assert "edited outside Twofold" in banner
    shown = [
        str(timeline.model.data(timeline.model.index(r), Qt.ItemDataRole.DisplayRole))
        for r in range(timeline.model.rowCount())
    ]
    assert not any(forged in text for text in shown)
    assert any(text.startswith("⚠ Hidden") for text in shown)
    assert not timeline.verification.ok_label.text().startswith("✓")
    window.grab().save(str(vault_dir.parent / "forged.png"))
