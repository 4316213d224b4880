"""Issue 14, "Honesty in small places": the app says who signs, never claims what did
not happen, and uses plain words."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.gui.conftest import MakeWindow, on_next_modal, unlock_as
from twofold.domain.commitments import Cadence, CadenceKind, Outcome
from twofold.services.session import unlock
from twofold.ui.joint_page import agenda_html
from twofold.ui.main_window import WINS
from twofold.ui.review import PracticeReview
from twofold.ui.unlock_page import SHARED
from twofold.ui.widgets import FormDialog

LEFT = Qt.MouseButton.LeftButton


def test_the_agenda_never_says_all_kept_well_without_commitments(
    qtbot: QtBot, vault_dir: Path
) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        text = agenda_html(alex.joint.agenda(), alex.partner_labels)
        assert "All kept well." not in text
        assert "No commitments with a record yet." in text
        # a commitment kept every day: now "all kept well" is true
        start = date.today() - timedelta(days=8)
        commitment = alex.commitments.make(
            "Text if I'm late", Cadence(CadenceKind.DAILY), owner=alex.partner_id, start=start
        )
        for back in range(8, -1, -1):
            alex.commitments.check(commitment, Outcome.KEPT, date.today() - timedelta(days=back))
        assert alex.wins.detect()  # a first week kept: a milestone Twofold noticed
        text = agenda_html(alex.joint.agenda(), alex.partner_labels)
        assert "All kept well." in text
        # what is new is said as the timeline says it: a milestone is not Alex's words
        assert "Twofold noticed (recorded when Alex opened it): " in text
        assert "Alex: First week" not in text
    finally:
        alex.lock()


def test_a_shared_session_review_says_whose_signature_it_is(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    """Either partner's passphrase opens a shared session; what is added there is
    signed as that partner, and the review says so before anything is signed."""
    window = make_window(vault_dir)
    unlock_as(qtbot, window, SHARED, SAM_PASS)
    assert "Signed as Sam" in window.who.text()
    window.go(WINS)
    said: list[str] = []

    def sign(dialog: QWidget) -> None:
        assert isinstance(dialog, PracticeReview)
        said.append(dialog.signer.text())
        dialog.confirm.click()

    def record(dialog: QWidget) -> None:
        assert isinstance(dialog, FormDialog)
        field = dialog.findChild(QPlainTextEdit, "recordWinDialogText")
        assert field is not None
        field.setPlainText("We walked after dinner")
        on_next_modal(sign)
        dialog.ok_button.click()

    on_next_modal(record)
    qtbot.mouseClick(window.wins.record, LEFT)
    assert said == ["Signed by you, Sam. Alex will read it."]
    assert window.session is not None
    [win] = window.session.wins.all()
    assert window.session.partner_labels[win.author] == "Sam"


def test_a_wrong_passphrase_for_a_shared_session_is_said_in_plain_words(vault_dir: Path) -> None:
    import pytest

    from twofold.domain.errors import WrongPassphrase
    from twofold.services.session import unlock_session

    with pytest.raises(WrongPassphrase) as refused:
        unlock_session(vault_dir, "not anyone's passphrase")
    said = str(refused.value)
    assert said.startswith("That is neither partner's passphrase.")
    assert "slot" not in said and "Nothing was changed" not in said  # no jargon, no non-news
