"""Consent in the app (issue 12), clicked as a couple would: a proposal accepted and
one declined, new terms accepted by the other, check-ins answered apart and seen
together, an appreciation withdrawn, a strained boundary leading the agenda."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.gui.conftest import MakeWindow, answer_input, confirm_review, on_next_modal, unlock_as
from twofold.domain.checkins import CheckinKind
from twofold.domain.commitments import Cadence, CadenceKind
from twofold.domain.consent import CommitmentState
from twofold.services.session import unlock
from twofold.ui.commitments_page import CommitmentDialog, CommitmentsPage
from twofold.ui.main_window import CHECKINS, COMMITMENTS, JOINT, TOGETHER, MainWindow
from twofold.ui.talk_dialog import TalkDialog
from twofold.ui.unlock_page import SHARED

LEFT = Qt.MouseButton.LeftButton


def _select(page: CommitmentsPage, title: str) -> None:
    row = next(i for i, r in enumerate(page.model.items) if r.commitment.title == title)
    page.list.setCurrentIndex(page.model.index(row))


def test_propose_then_accept_or_decline(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(COMMITMENTS)
    page = window.commitments

    def propose(title: str) -> Callable[[QWidget], None]:
        def fill(dialog: QWidget) -> None:
            assert isinstance(dialog, CommitmentDialog)
            assert "proposal until" in dialog.consent_note.text()
            qtbot.keyClicks(dialog.title, title)
            dialog.owner.setCurrentIndex(dialog.owner.findText("Sam"))
            dialog._check()

        return fill

    for title in ("Say pause instead of going quiet", "Hand over my phone every night"):
        on_next_modal(propose(title))
        qtbot.mouseClick(page.new, LEFT)
    assert [r.view.state for r in page.model.items] == [CommitmentState.PROPOSED] * 2
    assert all(r.status is None for r in page.model.items)  # counts nowhere
    _select(page, "Say pause instead of going quiet")
    assert "waiting for Sam" in page.consent.text()
    assert not page.accept_button.isVisibleTo(page)  # nobody accepts for Sam
    assert not page.buttons[next(iter(page.buttons))].isEnabled()
    window.lock()

    unlock_as(qtbot, window, "Sam", SAM_PASS)
    window.go(COMMITMENTS)
    assert all(r.mine_to_answer for r in page.model.items)
    _select(page, "Say pause instead of going quiet")
    assert page.accept_button.isVisibleTo(page) and page.decline_button.isVisibleTo(page)
    reviewed: list[str] = []

    def sign(dialog: QWidget) -> None:  # accepting binds Sam: the terms, before signing
        from twofold.ui.review import PracticeReview

        assert isinstance(dialog, PracticeReview)
        reviewed.extend((dialog.signer.text(), dialog.body.toPlainText()))  # type: ignore[attr-defined]
        dialog.confirm.click()

    on_next_modal(sign)
    qtbot.mouseClick(page.accept_button, LEFT)
    assert reviewed[0] == "Signed by you, Sam. Alex will read it."
    assert "Say pause instead of going quiet" in reviewed[1]
    accepted = next(r for r in page.model.items if r.commitment.title.startswith("Say pause"))
    assert accepted.view.state == CommitmentState.ACCEPTED and accepted.status is not None
    _select(page, "Hand over my phone every night")
    on_next_modal(answer_input("That is a demand, not a promise I chose"))
    qtbot.mouseClick(page.decline_button, LEFT)
    declined = next(r for r in page.model.items if r.commitment.title.startswith("Hand over"))
    assert declined.view.state == CommitmentState.DECLINED
    _select(page, "Hand over my phone every night")
    assert "Declined by Sam" in page.consent.text() and "a demand" in page.consent.text()


def test_renegotiate_with_both(qtbot: QtBot, make_window: MakeWindow, vault_dir: Path) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    alex.commitments.make(
        "Phone face up at dinner", Cadence(CadenceKind.DAILY), owner=alex.partner_id
    )
    alex.lock()
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(COMMITMENTS)
    page = window.commitments
    _select(page, "Phone face up at dinner")

    def new_terms(dialog: QWidget) -> None:
        assert isinstance(dialog, CommitmentDialog)
        assert "take effect once your partner accepts" in dialog.consent_note.text()
        dialog.title.setText("Phone in the hallway at dinner")
        qtbot.keyClicks(dialog.reason, "Face up still pulls my eyes")
        dialog._check()

    on_next_modal(new_terms)
    qtbot.mouseClick(page.renegotiate, LEFT)
    [row] = page.model.items
    assert row.commitment.title == "Phone face up at dinner"  # not before Sam accepts
    assert "hallway" in page.consent.text() and "line-through" in page.consent.text()
    assert not page.accept_terms.isVisibleTo(page)
    window.lock()
    unlock_as(qtbot, window, "Sam", SAM_PASS)
    window.go(COMMITMENTS)
    page.list.setCurrentIndex(page.model.index(0))
    assert page.accept_terms.isVisibleTo(page)
    reviewed: list[str] = []

    def sign(dialog: QWidget) -> None:  # the new terms bind Sam: shown before signing
        from twofold.ui.review import PracticeReview

        assert isinstance(dialog, PracticeReview)
        reviewed.append(dialog.body.toPlainText())  # type: ignore[attr-defined]
        dialog.confirm.click()

    on_next_modal(sign)
    qtbot.mouseClick(page.accept_terms, LEFT)
    assert "Phone in the hallway at dinner" in reviewed[0]
    [row] = page.model.items
    assert row.commitment.title == "Phone in the hallway at dinner"
    assert not page.accept_terms.isVisibleTo(page)


def test_answer_apart_then_see_both(qtbot: QtBot, make_window: MakeWindow, vault_dir: Path) -> None:
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    sam.checkins.submit(CheckinKind.DAILY, {"feeling": "Sam's sealed feeling"})
    sam.lock()
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(CHECKINS)
    page = window.checkins
    page.choose(CheckinKind.DAILY)
    assert page.period.text() == "Sam has answered — answer yours to see both."
    assert "Sam's sealed feeling" not in page.history.toPlainText()
    qtbot.keyClicks(page.fields["feeling"], "Alex's own feeling")
    confirm_review()
    qtbot.mouseClick(page.submit, LEFT)
    assert "Alex's own feeling" in page.history.toPlainText()
    assert "Sam's sealed feeling" not in page.history.toPlainText()
    assert "next opens Twofold" in page.period.text()
    window.lock()
    unlock(vault_dir, "Sam", SAM_PASS).lock()  # Sam's app reveals Sam's answers
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(CHECKINS)
    page.choose(CheckinKind.DAILY)
    text = page.history.toPlainText()
    assert "Sam's sealed feeling" in text and "Alex's own feeling" in text


def test_withdraw_an_appreciation(qtbot: QtBot, make_window: MakeWindow, vault_dir: Path) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    alex.together.appreciate("Thank you for the walk")
    alex.lock()
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    sam.together.appreciate("Sam's thanks")
    sam.lock()
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(TOGETHER)
    page = window.together
    assert page.withdraw.isEnabled()
    assert [label for label, _ in page.mine()] == ["Appreciation: Thank you for the walk"]

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        assert "a signed note" in dialog.labelText()
        dialog.setTextValue("Appreciation: Thank you for the walk")
        dialog.accept()

    on_next_modal(choose)
    qtbot.mouseClick(page.withdraw, LEFT)
    shown = page.appreciations.toPlainText()
    assert "Thank you for the walk" not in shown and "Sam's thanks" in shown
    assert not page.withdraw.isEnabled()  # Sam's is not Alex's to withdraw
    assert window.session is not None
    assert window.session.search("walk") == []


def test_raise_a_strain_and_see_it_lead_the_agenda(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    alex.agreement.propose({"boundaries": "No contact with J\nPhone open at night"})
    alex.setbacks.log("Late home without a text", day=date.today() - timedelta(days=1))
    alex.lock()
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Sam", SAM_PASS)
    sent: list[str] = []

    def send(dialog: QWidget) -> None:
        assert isinstance(dialog, TalkDialog)
        assert dialog.strain.isChecked()  # preselected: the second click sends
        assert dialog.boundary.currentText() == "No contact with J"
        sent.append("yes")
        qtbot.mouseClick(dialog.send, LEFT)

    on_next_modal(send)
    qtbot.mouseClick(window.findChild(type(window.joint.begin), "talkButton"), LEFT)  # click 1
    assert sent and window.session is not None
    [request] = window.session.requests.open_requests()
    assert request.boundary == "No contact with J"
    window.lock()

    unlock_as(qtbot, window, SHARED, ALEX_PASS)
    window.go(JOINT)
    agenda = window.joint.agenda.toPlainText()
    assert agenda.index("Requests to talk") < agenda.index("Open setbacks")
    assert "a boundary feels strained" in agenda and "No contact with J" in agenda
    assert "No contact with J" in window.agenda.requests.text()

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, TalkDialog)
        on_next_modal(answer_input("Heard — let's talk Thursday"))
        qtbot.mouseClick(dialog.answer_button, LEFT)
        assert "Heard — let's talk Thursday" in dialog.open_list.text()
        dialog.accept()

    on_next_modal(answer)
    window.open_talk()
    assert "Heard — let's talk Thursday" in window.joint.agenda.toPlainText()
