"""Proposing and acknowledging the agreement sign terms that bind both: each shows
exactly what is signed, by whom, before it signs (issue 14, review before signing)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QTextBrowser, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.gui.conftest import MakeWindow, still_this_test, unlock_as
from twofold.services.session import unlock
from twofold.ui.agreement_page import ProposeDialog
from twofold.ui.main_window import AGREEMENT, MainWindow
from twofold.ui.review import PracticeReview

TERMS = "No contact with J\nPhone open at night"


def review_text(dialog: QWidget) -> str:
    body = dialog.findChild(QTextBrowser, "reviewText")
    assert body is not None
    return body.toPlainText()


def run_steps(
    qtbot: QtBot, steps: list[tuple[type[QWidget], Callable[[QWidget], None]]]
) -> list[str]:
    """Act on each expected modal dialog in turn, as a person at the keyboard would."""
    done: list[str] = []
    alive = still_this_test()

    def poll() -> None:
        if len(done) == len(steps) or not alive():
            return
        kind, act = steps[len(done)]
        dialog = QApplication.activeModalWidget()
        if dialog is not None and isinstance(dialog, kind) and dialog.isVisible():
            done.append(kind.__name__)
            act(dialog)
        QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)
    return done


def test_a_proposal_is_reviewed_with_its_terms_and_signer_and_back_keeps_them(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(AGREEMENT)
    page = window.agreement
    assert window.session is not None
    seen: dict[str, str] = {}

    def write_terms(dialog: QWidget) -> None:
        assert isinstance(dialog, ProposeDialog)
        dialog.fields["boundaries"].setPlainText(TERMS)
        dialog.accept()

    def go_back(dialog: QWidget) -> None:
        assert isinstance(dialog, PracticeReview)
        seen["review"] = review_text(dialog)
        seen["signer"] = "\n".join(label.text() for label in dialog.findChildren(QLabel))
        assert window.session is not None and window.session.agreement.latest() is None
        dialog.back.click()

    def words_kept_then_again(dialog: QWidget) -> None:
        assert isinstance(dialog, ProposeDialog)
        seen["kept"] = dialog.fields["boundaries"].toPlainText()
        dialog.accept()

    def sign(dialog: QWidget) -> None:
        assert isinstance(dialog, PracticeReview)
        dialog.confirm.click()

    done = run_steps(
        qtbot,
        [
            (ProposeDialog, write_terms),
            (PracticeReview, go_back),
            (ProposeDialog, words_kept_then_again),
            (PracticeReview, sign),
        ],
    )
    page.propose.click()
    qtbot.waitUntil(lambda: len(done) == 4, timeout=10_000)
    assert "No contact with J\nPhone open at night" in seen["review"]
    assert "Signed by you, Alex. Sam will read it." in seen["signer"]
    assert "withdraw" not in seen["signer"]  # a proposal cannot be withdrawn: not promised
    assert seen["kept"] == TERMS
    latest = window.session.agreement.latest()
    assert latest is not None and latest.sections["boundaries"] == TERMS


def alex_sees_sams_proposal(qtbot: QtBot, make_window: MakeWindow, vault_dir: Path) -> MainWindow:
    """Sam proposes terms; Alex unlocks and opens the agreement, ready to acknowledge."""
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    try:
        sam.agreement.propose({"boundaries": TERMS})
    finally:
        sam.lock()
    window = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(AGREEMENT)
    qtbot.waitUntil(lambda: window.agreement.acknowledge.isEnabled(), timeout=10_000)
    return window


def test_acknowledging_shows_the_terms_and_signs_only_when_confirmed(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window = alex_sees_sams_proposal(qtbot, make_window, vault_dir)
    page = window.agreement
    assert window.session is not None
    alex_id = window.session.partner_id
    seen: dict[str, str] = {}

    def decline(dialog: QWidget) -> None:
        assert isinstance(dialog, PracticeReview)
        seen["review"] = review_text(dialog)
        dialog.back.click()

    done = run_steps(qtbot, [(PracticeReview, decline)])
    page.acknowledge.click()
    qtbot.waitUntil(lambda: len(done) == 1, timeout=10_000)
    assert TERMS in seen["review"]
    latest = window.session.agreement.latest()
    assert latest is not None and alex_id not in latest.acknowledged_by  # not signed

    def sign(dialog: QWidget) -> None:
        assert isinstance(dialog, PracticeReview)
        dialog.confirm.click()

    done = run_steps(qtbot, [(PracticeReview, sign)])
    page.acknowledge.click()
    qtbot.waitUntil(lambda: len(done) == 1, timeout=10_000)
    latest = window.session.agreement.latest()
    assert latest is not None and alex_id in latest.acknowledged_by


def test_the_agreement_s_sections_are_named_in_the_window_s_language(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, german: None
) -> None:
    window = alex_sees_sams_proposal(qtbot, make_window, vault_dir)
    page = window.agreement
    seen: dict[str, str] = {}

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, PracticeReview)
        seen["review"] = review_text(dialog)
        seen["back"] = dialog.back.text()
        dialog.back.click()

    done = run_steps(qtbot, [(PracticeReview, look)])
    page.acknowledge.click()
    qtbot.waitUntil(lambda: len(done) == 1, timeout=10_000)
    assert "Grenzen" in seen["review"] and "Boundaries" not in seen["review"]
    assert seen["back"] == "Nicht jetzt"  # nothing to edit when acknowledging
