from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.gui.conftest import MakeWindow, unlock_as
from twofold.services.session import unlock
from twofold.ui.app import open_window
from twofold.ui.event_text import headline
from twofold.ui.main_window import (
    AGENDA,
    AGREEMENT,
    CHECKINS,
    COMMITMENTS,
    JOINT,
    JOURNAL,
    OUTBOX,
    PROGRESS,
    SETBACKS,
    TIMELINE,
    TOGETHER,
    WINS,
    MainWindow,
)
from twofold.ui.unlock_page import SHARED

LEFT = Qt.MouseButton.LeftButton


def _alex_writes(vault_dir: Path, text: str, share: str | None = None) -> None:
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    assert session.journal is not None and session.sharing is not None
    record = session.journal.write(text)
    if share:
        item = session.sharing.add(record)
        session.sharing.update(item, share)
        session.sharing.confirm(session.sharing.preview())
    session.lock()


def test_session_mode_shows_only_shared_views(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    _alex_writes(vault_dir, "alexprivateword stays home", share="a shared sentence")
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, SHARED, SAM_PASS)
    assert window.page_keys == [
        AGENDA,
        JOINT,
        TIMELINE,
        COMMITMENTS,
        AGREEMENT,
        CHECKINS,
        SETBACKS,
        WINS,
        TOGETHER,
        PROGRESS,  # "Our progress" is shared; "My patterns" is not offered
    ]
    assert "journals locked" in window.who.text()
    agenda = [headline(window.agenda.model.item(r)) for r in range(window.agenda.model.rowCount())]
    assert agenda == ["You began Twofold together: Alex and Sam.", "a shared sentence"]
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # "Journal"
    assert window.current_page() == AGENDA
    window.go(JOURNAL)
    window.go(OUTBOX)
    assert window.current_page() == AGENDA
    assert window.journal.session is None and not window.journal.editor.isEnabled()
    assert window.session is not None and window.session.journal is None
    assert window.session.search("alexprivateword") == []
    qtbot.mouseClick(window.agenda.held, LEFT)
    assert window.agenda.model.rowCount() == 0 and window.agenda.empty.isVisibleTo(window.agenda)


def test_ctrl_l_and_idle_lock_hide_everything(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    _alex_writes(vault_dir, "secretive morning pages")
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.journal.list.setCurrentIndex(window.journal.model.index(0))
    assert window.journal.editor.plain_text() == "secretive morning pages"
    window.journal.editor.text.selectAll()
    window.journal.editor.text.copy()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.session is None and window.stack.currentWidget() is window.unlock_page
    assert window.journal.model.rowCount() == 0 and window.journal.editor.plain_text() == ""
    assert window.timeline.model.rowCount() == 0
    assert "secretive" not in QGuiApplication.clipboard().text()
    assert window.windowTitle() == "Twofold"

    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.idle.set_interval_ms(150)
    window.idle.start()
    qtbot.waitUntil(lambda: window.session is None, timeout=5000)
    assert window.stack.currentWidget() is window.unlock_page
    assert window.journal.model.rowCount() == 0


def test_locking_saves_what_was_being_typed(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    qtbot.mouseClick(window.journal.new_button, LEFT)
    qtbot.keyClicks(window.journal.editor.text, "typed right before the lock")
    window.lock()
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    assert session.journal is not None
    assert [r.body for r in session.journal.listing().records] == ["typed right before the lock"]
    session.lock()


def test_settings_theme_idle_backup_and_passphrase(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, settings: QSettings, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QApplication

    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    dialog = window.open_settings()
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    app = QApplication.instance()
    qtbot.waitUntil(lambda: app.property("twofoldTheme") == "dark")  # type: ignore[union-attr]
    # On disk at once, not only in memory: a crash right after must not lose the choice.
    on_disk = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    assert on_disk.value("ui/theme") == "dark"
    dialog.theme.setCurrentIndex(dialog.theme.findData("light"))
    dialog.idle.setValue(12)
    assert int(settings.value("ui/idle_minutes")) == 12
    assert window.idle._timer.interval() == 12 * 60_000
    target = tmp_path / "manual.twofold-backup"
    dialog.start_backup(target)
    qtbot.waitUntil(lambda: "checked" in dialog.status.text(), timeout=30_000)
    assert target.exists()
    restored = tmp_path / "restored"
    dialog.start_restore(target, restored)
    qtbot.waitUntil(lambda: "Restored into" in dialog.status.text(), timeout=30_000)
    unlock(restored, "Sam", SAM_PASS).lock()
    dialog.close()
    window.close()
    assert isinstance(settings.value("window/geometry"), QByteArray)


def test_change_passphrase_dialog(qtbot: QtBot, make_window: MakeWindow, vault_dir: Path) -> None:
    from twofold.ui.settings_dialog import ChangePassphraseDialog

    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    assert window.session is not None
    dialog = ChangePassphraseDialog(window.session, window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.fields.passphrase, "another good alex phrase")
    qtbot.keyClicks(dialog.fields.confirm, "another good alex phrase")
    qtbot.mouseClick(dialog.ok, LEFT)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=30_000)
    code = dialog.done_panel.code_label.text()
    assert code and code == dialog.done_panel.code
    dialog.accept()
    window.lock()
    unlock(vault_dir, "Alex", "another good alex phrase").lock()
    from twofold.services.session import reset_passphrase

    reset_passphrase(vault_dir, "Alex", code, "alex with the new code")[0].lock()


def test_demo_opens_a_living_timeline(qtbot: QtBot, settings: QSettings) -> None:
    from twofold.ui.app import make_application

    make_application()
    window = open_window(None, settings, demo=True)  # deleted below
    window.show()
    assert window.stack.currentWidget() is window.busy
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.unlock_page, timeout=60_000)
    assert "demo alex harbour lantern" in window.unlock_page.hint.text()
    unlock_as(qtbot, window, "Alex", "demo alex harbour lantern")
    assert window.journal.model.rowCount() >= 10
    window.go(TIMELINE)  # the timeline reads its list when first shown (issue 17)
    assert window.timeline.model.total > 7  # shares, commitments and their check-offs
    assert window.session is not None and len(window.session.commitments.statuses()) == 4
    assert window.nav.item(1).text() == "Outbox (1)"
    window.lock()
    # The demo's temporary folder goes with the window.
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    root = window.folder.parent
    assert root.name.startswith("twofold-demo-") and root.exists()
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not root.exists()


def test_self_check_with_the_window_in_a_fresh_process() -> None:
    """What the packaged app runs: the whole self-check including the window."""
    import os
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "twofold", "--self-check"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "the window opens" in done.stdout and "FAIL" not in done.stdout


def test_locking_closes_dialogs_and_shares_nothing(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    from tests.gui.conftest import on_next_modal

    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    settings_dialog = window.open_settings()
    assert settings_dialog.isVisible()
    assert window.session is not None and window.session.journal is not None
    assert window.session.sharing is not None
    window.session.sharing.add(window.session.journal.write("waiting in the outbox"))
    window.go(OUTBOX)
    seen: list[str] = []

    def lock_while_previewing(dialog: QWidget) -> None:
        seen.append(type(dialog).__name__)
        window.lock()  # the idle timer fires while the preview is open

    on_next_modal(lock_while_previewing)
    qtbot.mouseClick(window.outbox.share_all, LEFT)
    assert seen == ["ConfirmShareDialog"]
    assert window.session is None and not settings_dialog.isVisible()
    session = unlock(vault_dir, "Sam", SAM_PASS)
    assert [headline(i) for i in session.timeline.page()] == [
        "You began Twofold together: Alex and Sam."
    ]
    session.lock()


def test_a_background_result_for_a_closed_window_is_dropped(qtbot: QtBot) -> None:
    """A window closed while its daily backup still ran: the result must not reach
    the deleted window (it raised 'Internal C++ object already deleted')."""
    import threading

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication, QLabel

    from twofold.ui.worker import busy, run_in_background

    label = QLabel()
    release = threading.Event()
    seen: list[object] = []
    run_in_background(lambda: release.wait(10), seen.append, seen.append, owner=label)
    label.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    release.set()
    qtbot.waitUntil(lambda: not busy(), timeout=10_000)
    qtbot.wait(50)
    assert seen == []


def test_a_background_result_for_a_deleted_bound_method_is_dropped(qtbot: QtBot) -> None:
    """A dialog's own method as the callback (no owner given): once the dialog is gone
    the result is dropped, as with an explicit owner."""
    import threading

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication, QLabel

    from twofold.ui.worker import busy, run_in_background

    label = QLabel()
    release = threading.Event()
    # the label's own setText for both callbacks on purpose; the error path is never taken
    run_in_background(lambda: release.wait(10) and "done", label.setText, label.setText)  # type: ignore[arg-type]
    label.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    release.set()
    qtbot.waitUntil(lambda: not busy(), timeout=10_000)
    qtbot.wait(50)  # reaching the deleted label would raise in the slot and fail the test


def test_freed_memory_is_handed_back_once_the_last_background_task_ends(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The daily backup and the verification run on workers; what they freed stays in
    glibc's per-thread arenas until it is trimmed: once no task runs any more, not
    while one still does (its memory is in use)."""
    import threading

    from twofold.ui import worker

    trims: list[int] = []
    monkeypatch.setattr(worker, "release_freed_memory", lambda: trims.append(len(worker._running)))
    first, second = threading.Event(), threading.Event()
    done: list[object] = []
    worker.run_in_background(lambda: first.wait(10), done.append, done.append)
    worker.run_in_background(lambda: second.wait(10), done.append, done.append)
    first.set()
    qtbot.waitUntil(lambda: len(done) == 1, timeout=10_000)
    qtbot.wait(50)
    assert trims == []  # the other task still runs
    second.set()
    qtbot.waitUntil(lambda: not worker.busy() and len(done) == 2, timeout=10_000)
    qtbot.waitUntil(lambda: trims == [0], timeout=10_000)


def test_a_backup_folder_chosen_by_one_is_told_to_the_other_in_a_banner(
    qtbot: QtBot,
    make_window: MakeWindow,
    vault_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QFileDialog, QPushButton

    unlock(vault_dir, "Sam", SAM_PASS).lock()  # Sam knows the folder as it is now
    chosen = tmp_path / "usb"
    chosen.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(chosen))
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    dialog = window.open_settings()
    choose = dialog.findChild(QPushButton, "chooseBackupFolder")
    assert choose is not None and choose.isEnabled()
    qtbot.mouseClick(choose, LEFT)
    qtbot.waitUntil(lambda: dialog.backup_folder.text() == str(chosen))
    dialog.close()
    window.lock()

    unlock_as(qtbot, window, SHARED, SAM_PASS)
    together = window.open_settings()
    choose = together.findChild(QPushButton, "chooseBackupFolder")
    assert choose is not None and not choose.isEnabled()
    assert together.backup_folder.text() == str(chosen)
    assert together.backup_note.isVisibleTo(together)
    assert "the other is told" in together.backup_note.text()
    together.close()
    window.lock()

    unlock_as(qtbot, window, "Sam", SAM_PASS)
    from twofold.ui.worker import busy

    qtbot.waitUntil(lambda: not busy(), timeout=30_000)  # the backup, the checks
    qtbot.wait(100)
    assert window.unlock_banner.isVisible()  # not overwritten like the status line
    assert f"The daily backups now go to {chosen}" in window.unlock_text.text()
    from twofold.ui.basics import announced

    assert any(f"The daily backups now go to {chosen}" in said for said in announced())
    dismiss = window.unlock_banner.findChild(QPushButton, "unlockNoticeDismiss")
    assert dismiss is not None
    qtbot.mouseClick(dismiss, LEFT)
    assert not window.unlock_banner.isVisible()
    window.close()
