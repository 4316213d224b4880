"""Issue 14, "Honesty in small places": check-ins, setbacks, wins, appreciations (and
the other practice actions that sign words onto the shared ledger in one step) show,
before anything is signed, exactly what will be written, who signs it and that the
partner will read it — the review the outbox teaches — with a way back that keeps
every word, and a confirm that Tab reaches."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS
from tests.gui.conftest import MakeWindow, still_this_test, unlock_as
from twofold.services.session import Session
from twofold.ui.main_window import CHECKINS, SETBACKS, TOGETHER, WINS, MainWindow
from twofold.ui.review import PracticeReview
from twofold.ui.widgets import FormDialog

LEFT = Qt.MouseButton.LeftButton
WORDS = "I noticed you made tea for me this morning.\nIt mattered."


def when_open(kind: type[QWidget], action: Callable[[QWidget], None]) -> None:
    """Act on the next modal dialog of ``kind`` once it is the one on top."""
    alive = still_this_test()

    def handler() -> None:
        if not alive():
            return
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind) or not dialog.isVisible():
            QTimer.singleShot(20, handler)
            return
        action(dialog)

    QTimer.singleShot(0, handler)


def written(session: Session, page: str) -> list[str]:
    """What the shared ledger holds for this practice, as the app reads it back."""
    if page == WINS:
        return [w.text for w in session.wins.all()]
    if page == TOGETHER:
        return [text for _, text, _ in session.together.appreciations()]
    if page == SETBACKS:
        return [s.impact for s in session.setbacks.all()]
    return [a for c in session.checkins.my_sealed() for _, a in c.answers if a]


def fill(page: str, dialog: QWidget | None, window: MainWindow) -> QPlainTextEdit:
    if page == SETBACKS:
        assert dialog is not None
        what = dialog.findChild(QLineEdit, "setbackWhat")
        assert what is not None
        what.setText("I came home two hours late without calling")
        field = dialog.findChild(QPlainTextEdit, "setbackImpact")
    elif page == CHECKINS:
        field = next(iter(window.checkins.fields.values()))
    else:
        assert dialog is not None
        field = dialog.findChild(QPlainTextEdit)
    assert field is not None
    field.setPlainText(WORDS)
    return field


def start(page: str, window: MainWindow) -> QWidget:
    return {
        WINS: lambda: window.wins.record,
        TOGETHER: lambda: window.together.appreciate,
        SETBACKS: lambda: window.setbacks.log,
        CHECKINS: lambda: window.checkins.submit,
    }[page]()


@pytest.mark.parametrize("page", [CHECKINS, SETBACKS, WINS, TOGETHER])
def test_a_practice_shows_what_will_be_signed_by_whom_before_it_signs(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, page: str
) -> None:
    window = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(page)
    session = window.session
    assert session is not None
    seen: list[str] = []
    kept: list[str] = []

    facts: list[tuple[str, bool, bool, str]] = []

    def review(dialog: QWidget, go_on: bool) -> None:
        assert isinstance(dialog, PracticeReview)
        try:
            seen.append(dialog.body.toPlainText())  # type: ignore[attr-defined]
            # Tab from what will be written reaches the confirm
            dialog.activateWindow()
            dialog.body.setFocus()
            qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.body)
            reached = False
            for _ in range(3):
                qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Tab)
                reached = reached or QApplication.focusWidget() is dialog.confirm
            facts.append(
                (
                    dialog.signer.text(),
                    written(session, page) == [],  # nothing signed while reviewing
                    reached,
                    dialog.back.text(),
                )
            )
        finally:
            (dialog.confirm if go_on else dialog.back).click()

    def form(dialog: QWidget) -> None:
        assert isinstance(dialog, FormDialog)
        field = fill(page, dialog, window)
        when_open(PracticeReview, lambda d: review(d, False))
        dialog.ok_button.click()
        # back to edit: the form is still open and every word is where it was
        assert dialog.isVisible()
        kept.append(field.toPlainText())
        when_open(PracticeReview, lambda d: review(d, True))
        dialog.ok_button.click()

    if page == CHECKINS:
        field = fill(page, None, window)
        when_open(PracticeReview, lambda d: review(d, False))
        qtbot.mouseClick(start(page, window), LEFT)
        kept.append(field.toPlainText())
        when_open(PracticeReview, lambda d: review(d, True))
        qtbot.mouseClick(start(page, window), LEFT)
    else:
        when_open(FormDialog, form)
        qtbot.mouseClick(start(page, window), LEFT)
    if page == SETBACKS:  # logging a setback opens the recent improvements (non-modal)
        qtbot.wait(10)
    assert kept == [WORDS]
    assert len(seen) == 2
    # who signs, and who will read it, in words; nothing on the ledger meanwhile;
    # the confirm reached by Tab; a way back
    assert facts == [("Signed by you, Alex. Sam will read it.", True, True, "Back to edit")] * 2
    # the review showed the words exactly as they are written, line break kept
    assert WORDS in seen[0]
    assert written(session, page) == [WORDS]


def test_the_outbox_and_the_practices_review_through_one_dialog() -> None:
    from twofold.ui.outbox_page import ConfirmShareDialog
    from twofold.ui.review import SignedReviewDialog

    assert issubclass(ConfirmShareDialog, SignedReviewDialog)
    assert issubclass(PracticeReview, SignedReviewDialog)
