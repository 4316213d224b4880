"""Issue 13: one way to run an action; a full disk during autosave is said where the
person is looking and the words stay unsaved until a save succeeds; a bug is called
a bug, with a report to copy; pages refresh themselves from announcements."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS
from tests.gui.conftest import MakeWindow, unlock_as
from twofold.domain.errors import DiskFull
from twofold.services.session import unlock
from twofold.ui import ops
from twofold.ui.main_window import MainWindow

FULL_DISK_TEXT = "These words arrived while the disk was full. "


def _fill_the_disk(window: MainWindow) -> None:
    assert window.session is not None
    conn = window.session._vault.connection
    pages = conn.execute("PRAGMA journal.page_count").fetchone()[0]
    conn.execute(f"PRAGMA journal.max_page_count = {pages}")


def _free_the_disk(window: MainWindow) -> None:
    assert window.session is not None
    window.session._vault.connection.execute("PRAGMA journal.max_page_count = 1073741823")


def _dialogs(name: str) -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible()
    ]


def test_a_full_disk_during_autosave_is_said_and_the_words_are_kept(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    editor = window.journal.editor
    editor._autosave.setInterval(100)
    editor._draft_timer.setInterval(50)
    window.journal.new_entry()
    _fill_the_disk(window)
    qtbot.keyClicks(editor.text, FULL_DISK_TEXT * 3)
    editor.text.insertPlainText(FULL_DISK_TEXT * 400)  # more than the cap allows
    qtbot.waitUntil(lambda: editor.save_state.text() == "Not saved: the disk is full", timeout=5000)
    assert isinstance(editor.failure, DiskFull)
    assert editor.dirty and editor.unsaved
    qtbot.wait(400)  # the autosave keeps trying and keeps saying so
    assert editor.save_state.text() == "Not saved: the disk is full"
    # Leaving the entry would drop the words: the journal refuses and says why.
    window.journal.new_entry()
    assert FULL_DISK_TEXT in editor.plain_text()
    assert _dialogs("errorDialog"), "switching entries explains why it did not"
    for box in _dialogs("errorDialog"):
        assert "disk is full" in box.text()
        box.close()
    _free_the_disk(window)
    qtbot.waitUntil(lambda: not editor.dirty, timeout=5000)
    assert editor.save_state.text().startswith("Saved")
    assert editor.failure is None
    record_id = editor.record_id
    assert record_id is not None
    window.lock()
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    assert session.journal is not None
    assert session.journal.get(record_id).body.startswith(FULL_DISK_TEXT.strip())
    session.lock()


def test_a_bug_is_reported_as_a_bug_with_a_report_to_copy(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    secret = "canary-privateword-7731"

    def broken() -> None:
        raise KeyError(secret)  # a programming error whose message quotes private words

    outcome = ops.run_op(window, "Not saved", broken, action="test.broken")
    assert outcome is not None and outcome.bug
    [box] = _dialogs("bugDialog")
    assert "bug in Twofold" in box.text()
    report = box.detailedText()
    assert "KeyError" in report and "test_ops.py" in report
    assert secret not in report
    copy = box.findChild(QPushButton, "copyReport")
    assert copy is not None
    copy.click()
    assert QApplication.clipboard().text() == report
    assert box.isVisible()  # copying does not close it
    box.close()
    # an expected failure is a plain message, not a bug
    ops.run_op(window, "Not saved", lambda: (_ for _ in ()).throw(DiskFull("The disk is full.")))
    [plain] = _dialogs("errorDialog")
    assert plain.text() == "The disk is full."
    plain.close()


def test_announced_changes_refresh_the_pages_that_show_them(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go("together")
    page = window.together
    reloads: list[int] = []
    original = page.reload

    def counted_reload() -> None:
        reloads.append(1)
        original()

    page.reload = counted_reload  # type: ignore[method-assign]
    ops.announce(["journal"])  # not what this page shows
    assert reloads == []
    ops.announce(["practice"])
    assert reloads == [1]
    window.go("journal")
    ops.announce(["practice"])  # hidden: refreshed when shown again, not now
    assert reloads == [1]
    window.go("together")
    assert reloads == [1, 1]


def test_locking_with_words_that_could_not_be_saved_asks_first(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    from tests.gui.conftest import on_next_modal

    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    editor = window.journal.editor
    window.journal.new_entry()
    _fill_the_disk(window)
    editor.text.insertPlainText(FULL_DISK_TEXT * 400)
    on_next_modal(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())  # type: ignore[attr-defined]
    window.lock_action.trigger()
    assert window.session is not None  # still unlocked: the words are still there
    assert FULL_DISK_TEXT in editor.plain_text()
    assert editor.save_state.text() == "Not saved: the disk is full"
    _free_the_disk(window)
    window.lock_action.trigger()  # saves, then locks without asking
    assert window.session is None


def test_every_page_in_the_registry_is_wired_in_each_mode(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    from PySide6.QtGui import QKeySequence

    from twofold.ui.pages import PAGES, PARTNER, pages_for

    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    assert window.page_keys == [s.key for s in pages_for(PARTNER)]
    labels = [window.nav.item(r).text() for r in range(window.nav.count())]
    assert labels[0] == "Journal" and "Shared timeline" in labels
    actions = {a.objectName(): a for a in window.go_actions}
    for spec in PAGES:
        page = window.page_widgets[spec.key]
        assert getattr(window, spec.key) is page
        assert actions[spec.action_name].shortcut() == QKeySequence(spec.shortcut)
        offered = PARTNER in spec.modes
        assert (spec.key in window.page_keys) == offered
        assert (getattr(page, "session", None) is not None) == offered, spec.key
        actions[spec.action_name].trigger()
        if offered:
            assert window.current_page() == spec.key
            assert window.page_shown() is page


def test_a_damaged_shared_db_opens_the_journal_and_names_the_damage(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    assert session.journal is not None
    session.journal.write("still mine to read")
    session.lock()
    path = vault_dir / "shared.db"
    data = bytearray(path.read_bytes())
    for i in range(4096, 3 * 4096):
        data[i] ^= 0x55
    path.write_bytes(bytes(data))
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    assert window.unlock_banner.isVisible()  # kept in view until dismissed
    assert "shared.db is damaged" in window.unlock_text.text()
    assert window.journal.model.rowCount() == 1
    assert window.journal.model.item(0).body == "still mine to read"
    assert not (vault_dir.parent / f"{vault_dir.name}-backups").exists()


def test_a_dialog_keeps_its_words_and_says_why_when_saving_fails(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The safety plan (a dialog that shows errors inline): an expected failure is said
    in the dialog, a bug gets the bug dialog; either way the dialog stays open with the
    words typed, and nothing is reported as saved."""
    from twofold.ui.safety_dialog import SafetyPlanDialog

    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    assert window.session is not None
    dialog = SafetyPlanDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.call.setPlainText("Dr. Reyes 555-0100")
    safety = window.session.safety

    def full(*_: object) -> None:
        raise DiskFull("The disk is full. Nothing was saved.")

    monkeypatch.setattr(safety, "update", full)
    dialog._save()
    assert dialog.isVisible() and dialog.message.text() == "The disk is full. Nothing was saved."
    assert dialog.call.toPlainText() == "Dr. Reyes 555-0100"
    assert not _dialogs("bugDialog")

    def broken(*_: object) -> None:
        raise AttributeError("a programming error")

    monkeypatch.setattr(safety, "update", broken)
    dialog._save()
    assert dialog.isVisible() and dialog.call.toPlainText() == "Dr. Reyes 555-0100"
    [box] = _dialogs("bugDialog")
    assert "bug in Twofold" in box.text()
    box.close()
    monkeypatch.undo()
    dialog._save()
    assert not dialog.isVisible() and dialog.message.text() == ""
    assert window.session.safety.plan().who_to_call == "Dr. Reyes 555-0100"


def test_a_check_in_that_cannot_be_sent_keeps_its_answers(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Check-in submit runs through ops: a full disk is said on the page, a bug gets
    the bug dialog, and the answers stay in their fields either way."""
    from tests.gui.conftest import confirm_review
    from twofold.ui.main_window import CHECKINS

    window = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(CHECKINS)
    page = window.checkins
    assert window.session is not None and page.fields
    first = next(iter(page.fields.values()))
    first.setPlainText("Steady today, a little tired.")
    checkins = window.session.checkins

    def full(*_: object) -> None:
        raise DiskFull("The disk is full. Nothing was saved.")

    monkeypatch.setattr(checkins, "submit", full)
    confirm_review()  # signed after the review; then the disk is full
    page._submit()
    assert page.message.text() == "The disk is full. Nothing was saved."
    assert first.toPlainText() == "Steady today, a little tired."

    def broken(*_: object) -> None:
        raise AttributeError("a programming error")

    monkeypatch.setattr(checkins, "submit", broken)
    confirm_review()
    page._submit()
    [box] = _dialogs("bugDialog")
    box.close()
    assert first.toPlainText() == "Steady today, a little tired."
