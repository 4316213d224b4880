"""The report, journal export and import dialogs, driven as a person would."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.fixtures.import_samples import day_one_entry, write_day_one_zip
from tests.gui.conftest import MakeWindow, unlock_as
from tests.unit.test_report import make_history
from twofold.domain.ledger import EventKind
from twofold.ui.export_dialogs import ImportDialog, JournalExportDialog, ReportDialog
from twofold.ui.main_window import MainWindow


def test_report_dialog_needs_the_other_partner_and_picks_private_entries(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, tmp_path: Path
) -> None:
    history = make_history(vault_dir)
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    dialog = window.open_report()
    assert isinstance(dialog, ReportDialog)
    dialog.start.setDate(QDate(2026, 3, 1))
    dialog.end.setDate(QDate(2026, 3, 31))
    labels = [dialog.private.item(i).text() for i in range(dialog.private.count())]
    assert any("ALEX-CHOSEN-PRIVATE" in t for t in labels)
    assert not any("SAM-PRIVATE" in t or "OUT-OF-RANGE" in t for t in labels)
    assert dialog.chosen_private() == []  # nothing private unless ticked
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    target = tmp_path / "report.pdf"
    qtbot.keyClicks(dialog.passphrase, "not Sam's passphrase")
    dialog.start_export(target)
    qtbot.waitUntil(lambda: dialog.save.isEnabled(), timeout=30_000)
    assert "passphrase" in dialog.message.text().lower() and not target.exists()
    for i in range(dialog.private.count()):
        item = dialog.private.item(i)
        if "ALEX-CHOSEN-PRIVATE" in item.text():
            item.setCheckState(Qt.CheckState.Checked)
    assert dialog.chosen_private() == [history["chosen"]]
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, SAM_PASS)
    dialog.start_export(target)
    qtbot.waitUntil(lambda: "Saved to" in dialog.message.text(), timeout=60_000)
    assert dialog.passphrase.text() == ""
    text = " ".join(p.extract_text() for p in PdfReader(target).pages)
    assert "ALEX-CHOSEN-PRIVATE" in text and "ALEX-UNCHOSEN-CANARY" not in text
    assert window.session is not None
    kinds = [i.kind for i in window.session.timeline.page(0, 3)]
    assert EventKind.EXPORT_MADE in kinds and EventKind.EXPORT_AGREED in kinds
    dialog.close()


def test_import_dialog_previews_imports_and_refreshes_the_journal(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, tmp_path: Path
) -> None:
    from datetime import UTC, datetime

    source = write_day_one_zip(
        tmp_path / "dayone.zip",
        entries=[
            day_one_entry("A" * 32, datetime(2024, 1, 2, 9, tzinfo=UTC), "first", photos=1),
            day_one_entry("B" * 32, datetime(2024, 2, 3, 9, tzinfo=UTC), "second"),
        ],
    )
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    dialog = window.open_import()
    assert isinstance(dialog, ImportDialog)
    dialog.load(source)
    qtbot.waitUntil(lambda: dialog.go.isEnabled(), timeout=30_000)
    assert "2 new entries from Day One" in dialog.summary.text()
    assert "1 attachment" in dialog.details.text()
    assert dialog.go.text() == "Import 2 entries"
    qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Imported 2" in dialog.message.text(), timeout=30_000)
    qtbot.waitUntil(lambda: window.journal.model.total == 2, timeout=10_000)
    dialog.load(source)
    qtbot.waitUntil(lambda: "Nothing new" in dialog.message.text(), timeout=30_000)
    assert not dialog.go.isEnabled()
    (tmp_path / "bad.json").write_text('{"entries": [\n  {\n')
    dialog.load(tmp_path / "bad.json")
    qtbot.waitUntil(lambda: "bad.json, line 3" in dialog.message.text(), timeout=30_000)
    dialog.close()


def test_journal_export_dialog_writes_files(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, tmp_path: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    assert window.session is not None and window.session.journal is not None
    window.session.journal.write("An entry to take along")
    dialog = window.open_journal_export()
    assert isinstance(dialog, JournalExportDialog)
    dialog.format.setCurrentIndex(dialog.format.findData("markdown-months"))
    dialog.start_export(tmp_path / "mine")
    qtbot.waitUntil(lambda: "1 entry written" in dialog.message.text(), timeout=30_000)
    month = f"{date.today():%Y-%m}.md"
    assert "An entry to take along" in (tmp_path / "mine" / month).read_text()
    dialog.close()


def test_after_the_other_left_the_report_dialog_needs_no_second_passphrase(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, tmp_path: Path
) -> None:
    from tests.conftest import TEST_KDF
    from twofold.services.session import unlock

    unlock(vault_dir, "Alex", ALEX_PASS).leave("leave", SAM_PASS, kdf=TEST_KDF)
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Sam", SAM_PASS)
    dialog = window.open_report()
    assert isinstance(dialog, ReportDialog)
    assert dialog.passphrase.isHidden()
    from PySide6.QtWidgets import QLabel

    said = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Alex left the vault on" in said and "you make it alone" in said
    dialog.format.setCurrentIndex(dialog.format.findData("markdown"))
    target = tmp_path / "report.md"
    dialog.start_export(target)
    qtbot.waitUntil(lambda: "Saved to" in dialog.message.text(), timeout=60_000)
    assert "made by you alone after Alex left" in dialog.message.text()
    assert "by Sam alone, after Alex left the vault on" in target.read_text()
    dialog.close()
    assert window.session is not None
    journal = JournalExportDialog(window.session, window)  # names the one who left
    journal.close()


def test_the_report_dialog_refuses_words_edited_behind_your_back(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, tmp_path: Path
) -> None:
    """The window's full check proved the ledger; then the other partner edits a shared
    reflection's words in shared.db. The dialog says so, and no report is written."""
    from tests.reliability.test_partner_attacks import attack

    make_history(vault_dir)
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    session = window.session
    assert session is not None
    qtbot.waitUntil(lambda: session.verified is not None, timeout=120_000)
    attack(vault_dir, "UPDATE timeline_items SET body = 'FORGED' WHERE body = 'SHARED-IN-RANGE'")
    dialog = window.open_report()
    assert isinstance(dialog, ReportDialog)
    # said as the dialog opens, before Sam is asked for their passphrase
    qtbot.waitUntil(lambda: "does not match" in dialog.message.text(), timeout=60_000)
    assert "reflection.shared" in dialog.message.text() and "FORGED" not in dialog.message.text()
    dialog.start.setDate(QDate(2026, 3, 1))
    dialog.end.setDate(QDate(2026, 3, 31))
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    qtbot.keyClicks(dialog.passphrase, SAM_PASS)
    target = tmp_path / "report.json"
    dialog.start_export(target)
    assert "shared ledger" in dialog.message.text()  # what it is doing meanwhile
    assert "does not match" not in dialog.message.text()
    qtbot.waitUntil(lambda: "not made" in dialog.message.text(), timeout=60_000)
    assert "does not match what you both signed" in dialog.message.text()
    assert "reflection.shared" in dialog.message.text() and not target.exists()
    assert not dialog.save.isEnabled()  # trying again cannot help until shared.db is restored
    kinds = [i.kind for i in session.timeline.page(0, 3)]
    assert EventKind.EXPORT_MADE not in kinds
    dialog.close()


def test_the_dialog_checks_the_ledger_as_it_opens_so_save_need_not(
    qtbot: QtBot,
    make_window: MakeWindow,
    vault_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Something was signed since the window's check (a win): the dialog checks the
    ledger again as it opens, and the export then makes the report without a check
    of its own."""
    from twofold.services import check_child

    make_history(vault_dir)
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    session = window.session
    assert session is not None and session.wins is not None
    qtbot.waitUntil(lambda: session.verified is not None, timeout=120_000)
    session.wins.record("We talked it through")
    head = session.timeline.page(0, 1)[0].seq
    assert session.verified is not None and session.verified.head_seq < head
    dialog = window.open_report()
    assert isinstance(dialog, ReportDialog)
    qtbot.waitUntil(
        lambda: session.verified is not None and session.verified.head_seq == head,
        timeout=60_000,
    )
    assert dialog.message.text() == ""

    def no_second_check(vault: object) -> None:
        raise AssertionError("the export checked again what the dialog had proved")

    monkeypatch.setattr(check_child, "report_check", no_second_check)
    dialog.format.setCurrentIndex(dialog.format.findData("markdown"))
    qtbot.keyClicks(dialog.passphrase, SAM_PASS)
    target = tmp_path / "report.md"
    dialog.start_export(target)
    qtbot.waitUntil(lambda: "Saved to" in dialog.message.text(), timeout=60_000)
    assert "We talked it through" in target.read_text(encoding="utf-8")
    dialog.close()


def test_a_keyboard_and_screen_reader_user_hears_the_check_and_is_not_sent_on_after_a_finding(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, tmp_path: Path
) -> None:
    """Opened with Ctrl+Shift+T on a ledger edited behind your back: the finding is
    announced, Save is off (Sam is not asked for a passphrase only to be refused) and
    Enter closes the dialog. On a sound ledger, the wait of an export is announced
    ("Checking Sam's passphrase…"), not only its end."""
    from PySide6.QtWidgets import QApplication

    from tests.reliability.test_partner_attacks import attack
    from twofold.ui.basics import announced

    make_history(vault_dir)
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    session = window.session
    assert session is not None
    qtbot.waitUntil(lambda: session.verified is not None, timeout=120_000)

    window.show()
    qtbot.waitExposed(window)

    def open_by_keyboard() -> ReportDialog:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        qtbot.keyClick(
            window,
            Qt.Key.Key_T,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(ReportDialog)))
        (dialog,) = [d for d in window.findChildren(ReportDialog) if d.isVisible()]
        return dialog

    dialog = open_by_keyboard()
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    qtbot.keyClicks(dialog.passphrase, SAM_PASS)
    heard = len(announced())
    dialog.start_export(tmp_path / "report.json")
    assert announced()[heard:] == [
        "Checking Sam's passphrase and the shared ledger against your signatures, "
        "then making the report…"
    ]
    qtbot.waitUntil(lambda: "Saved to" in dialog.message.text(), timeout=60_000)
    assert announced()[-1] == dialog.message.text() and dialog.save.isEnabled()
    dialog.close()

    attack(vault_dir, "UPDATE timeline_items SET body = 'FORGED' WHERE body = 'SHARED-IN-RANGE'")
    heard = len(announced())
    dialog = open_by_keyboard()
    qtbot.waitUntil(lambda: "does not match" in dialog.message.text(), timeout=60_000)
    assert dialog.message.text() in announced()[heard:]
    assert not dialog.save.isEnabled() and not dialog.save.isDefault()
    show = dialog.findChild(QToolButton, "reportConsentShow")
    assert show is not None and show.accessibleName() == "Show Sam's passphrase"
    close = dialog.findChild(QPushButton, "reportClose")
    assert close is not None and close.isDefault()
    focused = QApplication.focusWidget()
    assert focused is not None and focused.isEnabled()
    qtbot.keyClick(dialog.end, Qt.Key.Key_Return)  # Enter in a field: the default button
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_a_closed_report_dialog_is_gone_and_keeps_no_passphrase(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, tmp_path: Path
) -> None:
    """Opened and closed with Escape again and again, no dialog stays behind holding
    Sam's typed passphrase; closed during an export, it goes when the export ends, and
    the export still lands."""
    import shiboken6
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication, QLineEdit

    make_history(vault_dir)
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    session = window.session
    assert session is not None
    for _ in range(3):
        dialog = window.open_report()
        assert isinstance(dialog, ReportDialog)
        qtbot.keyClicks(dialog.passphrase, SAM_PASS)
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Escape)
        assert not dialog.isVisible()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert not shiboken6.isValid(dialog)
    assert window.findChildren(ReportDialog) == []
    typed = [f for f in window.findChildren(QLineEdit) if f.text() == SAM_PASS]
    assert typed == []

    dialog = window.open_report()
    assert isinstance(dialog, ReportDialog)
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    qtbot.keyClicks(dialog.passphrase, SAM_PASS)
    target = tmp_path / "report.json"
    dialog.start_export(target)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Escape)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert shiboken6.isValid(dialog)  # its export still runs, and is said when it ends
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=60_000)
    assert target.exists()
    assert EventKind.EXPORT_MADE in [i.kind for i in session.timeline.page(0, 3)]


def test_a_closed_dialog_is_not_kept_alive_by_its_finished_check(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    """A background task's callbacks close over the task and their widgets through
    signal connections the collector cannot see: each opening of the dialog (whose
    check runs as it opens) left its Python side alive, ~80 KB, for good."""
    import gc
    import weakref

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from twofold.ui import worker

    make_history(vault_dir)
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    qtbot.waitUntil(lambda: not worker.busy(), timeout=120_000)
    dialog = window.open_report()
    assert isinstance(dialog, ReportDialog)
    gone = weakref.ref(dialog)
    qtbot.waitUntil(lambda: not worker.busy(), timeout=60_000)  # its check has ended
    dialog.reject()
    del dialog
    for _ in range(3):
        qtbot.wait(10)  # the task's release runs on the next turn of the event loop
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
    assert gone() is None
    assert not [t for t in worker._running if t.finished]
