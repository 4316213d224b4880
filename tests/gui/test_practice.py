from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.gui.conftest import MakeWindow, answer_input, confirm_review, on_next_modal, unlock_as
from twofold.domain.commitments import Outcome
from twofold.domain.ledger import EventKind
from twofold.services.session import unlock
from twofold.ui.commitments_page import CommitmentDialog
from twofold.ui.main_window import COMMITMENTS, MainWindow
from twofold.ui.safety_dialog import SafetyPlanDialog
from twofold.ui.unlock_page import SHARED

LEFT = Qt.MouseButton.LeftButton


def test_make_check_off_and_acknowledge_a_commitment(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == COMMITMENTS
    page = window.commitments
    assert page.empty.isVisibleTo(page)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, CommitmentDialog)
        qtbot.keyClicks(dialog.title, "Text before I'm late")
        qtbot.keyClicks(dialog.hard_day, "A one-word text")
        assert not dialog.days.isEnabled()  # only for "on certain days"
        dialog.cadence.setCurrentIndex(dialog.cadence.findData("days"))
        assert dialog.days.isEnabled()
        dialog.cadence.setCurrentIndex(dialog.cadence.findData("daily"))
        dialog._check()

    on_next_modal(fill)
    qtbot.mouseClick(page.new, LEFT)
    [status] = page.model.items
    assert status.commitment.title == "Text before I'm late"
    assert status.commitment.cadence.describe() == "every day" and status.owner_label == "Alex"
    page.list.setCurrentIndex(page.model.index(0))
    qtbot.mouseClick(page.buttons[Outcome.KEPT], LEFT)
    [status] = page.model.items
    assert (
        status.today == Outcome.KEPT
        or status.commitment.cadence.periods(status.commitment.start, status.commitment.start) == []
    )
    assert not page.acknowledge.isEnabled()  # your own check-off is for Sam to acknowledge
    window.lock()

    unlock_as(qtbot, window, "Sam", SAM_PASS)
    window.go(COMMITMENTS)
    page.list.setCurrentIndex(page.model.index(0))
    assert page.acknowledge.isEnabled()
    confirm_review()
    qtbot.mouseClick(page.acknowledge, LEFT)
    assert not page.acknowledge.isEnabled()
    assert window.session is not None
    [(_, check)] = window.session.commitments.check_offs(status.commitment.id)
    assert check.acknowledged_by == window.session.partner_id
    kinds = {i.kind for i in window.session.timeline.page()}
    assert {EventKind.COMMITMENT_MADE, EventKind.COMMITMENT_CHECKED} <= kinds


def test_safety_plan_is_one_click_away_even_in_a_shared_session(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, SHARED, SAM_PASS)
    assert COMMITMENTS in window.page_keys
    seen: list[str] = []

    def edit(dialog: QWidget) -> None:
        assert isinstance(dialog, SafetyPlanDialog)
        seen.append(dialog.pause.toPlainText())
        dialog.pause.setPlainText("We pause for twenty minutes, then come back.")
        qtbot.keyClicks(dialog.call, "Dr. Reyes 555-0100")
        dialog._save()

    on_next_modal(edit)
    qtbot.mouseClick(window.findChild(type(window.agenda.held), "safetyButton"), LEFT)
    assert "pause" in seen[0].lower()
    assert "safety plan was saved" in window.status.text()
    window.lock()
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    plan = alex.safety.plan()
    assert plan.pause_rule == "We pause for twenty minutes, then come back."
    assert plan.who_to_call == "Dr. Reyes 555-0100"
    alex.lock()


def test_propose_acknowledge_and_see_changes_in_the_agreement(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    from twofold.ui.agreement_page import ProposeDialog
    from twofold.ui.main_window import AGREEMENT

    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == AGREEMENT
    page = window.agreement
    assert "No agreement yet" in page.status.text()

    def write(dialog: QWidget) -> None:
        assert isinstance(dialog, ProposeDialog)
        qtbot.keyClicks(dialog.fields["boundaries"], "No secret accounts.")
        qtbot.keyClicks(dialog.note, "A first draft")
        confirm_review()  # terms that bind both: reviewed before signing
        dialog.accept()

    on_next_modal(write)
    qtbot.mouseClick(page.propose, LEFT)
    assert page.list.count() == 1 and "waiting for Sam" in page.list.item(0).text()
    assert not page.acknowledge.isEnabled()  # proposing was Alex's acknowledgement
    assert "No secret accounts." in page.view.toPlainText()
    window.lock()

    unlock_as(qtbot, window, "Sam", SAM_PASS)
    window.go(AGREEMENT)
    assert page.acknowledge.isEnabled()
    confirm_review()
    qtbot.mouseClick(page.acknowledge, LEFT)
    assert "in force" in page.list.item(0).text()

    def amend(dialog: QWidget) -> None:
        assert isinstance(dialog, ProposeDialog)
        assert (
            dialog.fields["boundaries"].toPlainText() == "No secret accounts."
        )  # starts from the latest
        qtbot.keyClicks(dialog.fields["boundaries"], " Phones stay open.")
        confirm_review()
        dialog.accept()

    on_next_modal(amend)
    qtbot.mouseClick(page.propose, LEFT)
    assert "waiting for Alex" in page.list.item(0).text() and "in force" in page.list.item(1).text()
    page.show_changes.setChecked(True)
    from twofold.ui import theme

    assert theme.current().ok in page.view.toHtml()  # the added words are highlighted
    assert "Phones stay open." in page.view.toPlainText()
    assert window.session is not None
    assert window.session.agreement.in_force().number == 1  # type: ignore[union-attr]


def test_check_in_and_the_gentle_reminders(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    from datetime import date, datetime, timedelta

    from twofold.domain.checkins import CheckinKind
    from twofold.ui.main_window import CHECKINS

    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    alex.checkins.submit(
        CheckinKind.DAILY, {"feeling": "tired"}, day=date.today() - timedelta(days=3)
    )
    alex.lock()
    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    assert window.missed_banner.isVisible()
    assert (
        "yesterday's check-in" in window.missed_text.text()
        and "No streak is lost" in window.missed_text.text()
    )
    qtbot.mouseClick(window.findChild(type(window.agenda.held), "checkInNow"), LEFT)
    assert window.current_page() == CHECKINS and not window.missed_banner.isVisible()
    page = window.checkins
    assert page.current_kind() == CheckinKind.DAILY and page.state.text() == "Not done yet"
    evening = datetime.combine(date.today(), datetime.min.time()).replace(hour=20)
    assert window.due_reminder(evening.replace(hour=9)) is None  # only in the evening
    assert "daily check-in is waiting" in (window.due_reminder(evening) or "")
    assert window.due_reminder(evening) is None  # once a day
    qtbot.keyClicks(page.fields["feeling"], "Hopeful after our talk")
    qtbot.keyClicks(page.fields["action"], "Leave work on time")
    confirm_review()
    qtbot.mouseClick(page.submit, LEFT)
    assert page.state.text().startswith("✓ Done")
    assert "Hopeful after our talk" in page.history.toPlainText()
    window._reminded_on = None
    assert window.due_reminder(evening) is None  # done: no reminder
    page.choose(CheckinKind.WEEKLY)
    assert "trust easier" in " ".join(f.accessibleName() for f in page.fields.values())
    window.lock()
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    # answered apart: today's is sealed until Sam answers too; the past one is revealed
    assert [c.answers[0][1] for c in sam.checkins.recent(CheckinKind.DAILY)] == ["tired"]
    assert sam.checkins.period(CheckinKind.DAILY).message == (
        "Alex has answered — answer yours to see both."
    )
    sam.lock()


def test_log_and_repair_a_setback_then_turn_a_countermeasure_into_a_commitment(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    from twofold.domain.setbacks import RepairStep
    from twofold.ui.main_window import SETBACKS
    from twofold.ui.setbacks_page import LogSetbackDialog

    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    window.go(SETBACKS)
    page = window.setbacks

    def log(dialog: QWidget) -> None:
        assert isinstance(dialog, LogSetbackDialog)
        qtbot.keyClicks(dialog.what, "Missed Thursday without a message")
        qtbot.keyClicks(dialog.trigger, "Stayed late")
        confirm_review()
        dialog.accept()

    on_next_modal(log)
    qtbot.mouseClick(page.log, LEFT)
    assert page.list.count() == 1 and "open" in page.list.item(0).text()
    assert page.next_step.text() == "Acknowledge…"
    on_next_modal(answer_input("I named what the waiting cost"))
    qtbot.mouseClick(page.next_step, LEFT)
    assert (
        page.next_step.text() == "Repair…"
        and "I named what the waiting cost" in page.view.toPlainText()
    )
    assert not page.as_commitment.isEnabled()
    on_next_modal(answer_input("Two reminders before every check-in"))
    qtbot.mouseClick(page.countermeasure, LEFT)
    assert page.as_commitment.isEnabled()

    def accept_commitment(dialog: QWidget) -> None:
        assert isinstance(dialog, CommitmentDialog)
        assert dialog.title.text() == "Two reminders before every check-in"
        dialog._check()

    on_next_modal(accept_commitment)
    qtbot.mouseClick(page.as_commitment, LEFT)
    assert window.session is not None
    assert [s.commitment.title for s in window.session.commitments.statuses()] == [
        "Two reminders before every check-in"
    ]
    setback = window.session.setbacks.all()[0]
    assert setback.next_step == RepairStep.REPAIR


def test_record_a_win(qtbot: QtBot, make_window: MakeWindow, vault_dir: Path) -> None:
    from twofold.ui.main_window import WINS

    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, SHARED, SAM_PASS)
    window.go(WINS)
    page = window.wins
    assert "No wins recorded yet" in page.list.item(0).text()
    on_next_modal(answer_input("We laughed at dinner"))
    qtbot.mouseClick(page.record, LEFT)
    assert page.list.item(0).text().startswith("We laughed at dinner\nWin · Sam")


def test_values_appreciation_and_a_story_chapter(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    from twofold.ui.main_window import TOGETHER
    from twofold.ui.together_page import ChapterDialog

    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == TOGETHER
    page = window.together
    on_next_modal(answer_input("honesty, kindness"))
    qtbot.mouseClick(page.edit_values, LEFT)
    assert page.values.text() == "Our values: honesty · kindness"
    on_next_modal(answer_input("You made tea without asking"))
    qtbot.mouseClick(page.appreciate, LEFT)
    assert "You made tea without asking" in page.appreciations.toPlainText()

    def chapter(dialog: QWidget) -> None:
        assert isinstance(dialog, ChapterDialog)
        qtbot.keyClicks(dialog.title, "The river walk")
        qtbot.keyClicks(dialog.text, "The first hour without the affair in the room.")
        confirm_review()
        dialog.accept()

    on_next_modal(chapter)
    qtbot.mouseClick(page.add_chapter, LEFT)
    assert "The river walk" in page.story.toPlainText()


def test_a_joint_session_with_the_dialogue_timer(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    from twofold.ui.joint_page import StartDialog
    from twofold.ui.main_window import JOINT

    window: MainWindow = make_window(vault_dir)
    unlock_as(qtbot, window, SHARED, SAM_PASS)
    window.go(JOINT)
    page = window.joint
    assert page.stack.currentIndex() == 0
    assert "Newly shared" in page.agenda.toPlainText()
    assert page.agenda.toPlainText().startswith("Requests to talk")  # issue 12: they lead
    seen: list[str] = []

    def start(dialog: QWidget) -> None:
        assert isinstance(dialog, StartDialog)
        qtbot.keyClicks(dialog.passphrase, "wrong one")
        dialog._start()
        qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=30_000)
        seen.append(dialog.message.text())
        dialog.passphrase.clear()
        qtbot.keyClicks(dialog.passphrase, ALEX_PASS)
        dialog._start()

    on_next_modal(start)
    qtbot.mouseClick(page.begin, LEFT)
    assert "Wrong passphrase" in seen[0]
    assert (
        page.stack.currentIndex() == 1
        and "Alex" in page.title.text()
        and "Sam" in page.title.text()
    )
    timer = page.timer
    timer.turn.setValue(1)
    qtbot.mouseClick(timer.start, LEFT)
    assert "speaks" in timer.prompt.text()
    timer.advance(60)
    assert "say back what you heard" in timer.prompt.text()
    qtbot.mouseClick(timer.pause, LEFT)
    assert "Paused" in timer.prompt.text() and timer.pause.text() == "Resume"
    qtbot.mouseClick(timer.pause, LEFT)
    qtbot.mouseClick(timer.next, LEFT)
    assert "speaks" in timer.prompt.text()
    qtbot.keyClicks(page.note_input, "Talked about the work trip")
    qtbot.mouseClick(page.add_note, LEFT)
    qtbot.keyClicks(page.note_input, "Itinerary before every trip")
    qtbot.mouseClick(page.add_outcome, LEFT)
    assert (
        "Outcome" in page.log.toPlainText()
        and "Itinerary before every trip" in page.log.toPlainText()
    )

    def accept_commitment(dialog: QWidget) -> None:
        assert isinstance(dialog, CommitmentDialog)
        assert dialog.title.text() == "Itinerary before every trip"
        dialog._check()

    on_next_modal(accept_commitment)
    qtbot.mouseClick(page.as_commitment, LEFT)
    assert window.session is not None
    assert [s.commitment.title for s in window.session.commitments.statuses()] == [
        "Itinerary before every trip"
    ]

    said_inline: list[str] = []

    def summary(dialog: QWidget) -> None:
        from twofold.ui.joint_page import EndSessionDialog

        assert isinstance(dialog, EndSessionDialog)
        dialog.summary.setText("A calm evening")
        # the summary speaks for both: Alex signs too; a wrong passphrase is said
        # inline, and the summary stays (issue 14: proper dialogs that keep text)
        dialog.passphrase.setText("not Alex's passphrase")
        dialog.ok_button.click()
        said_inline.append(dialog.message.text())
        assert dialog.isVisible() and dialog.summary.text() == "A calm evening"
        dialog.passphrase.setText(ALEX_PASS)
        dialog.ok_button.click()

    on_next_modal(summary)
    qtbot.mouseClick(page.end, LEFT)
    assert len(said_inline) == 1 and said_inline[0]
    assert page.stack.currentIndex() == 0 and timer.timer is None
    assert window.session is not None and window.session.joint.current() is None
    [held] = window.session.joint.sessions()
    assert held["cosigned_by"] and held["opened_by"] != held["cosigned_by"]
    said, ended_by, agreed_by = window.session.joint.summary(held["id"]) or ("", "", "")
    assert said == "A calm evening" and agreed_by and agreed_by != ended_by
