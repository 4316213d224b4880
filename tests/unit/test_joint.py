"""Joint sessions signed by both, the dialogue timer, notes, outcomes, objectives."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS
from twofold.domain.dialogue import DialogueTimer, Phase, SessionKind
from twofold.domain.errors import NotAllowed, WrongPassphrase
from twofold.domain.ledger import EventKind
from twofold.services.session import unlock, unlock_session


def phase_of(timer: DialogueTimer) -> Phase:
    """Read the phase afresh: tick() moves it on, which a type checker cannot see."""
    return timer.phase


def test_dialogue_timer_alternates_with_paraphrase_and_pauses() -> None:
    timer = DialogueTimer(("Alex", "Sam"), turn_seconds=60, paraphrase_seconds=20)
    assert "Alex speaks" in timer.prompt
    assert not timer.tick(59)
    timer.pause()
    assert not timer.tick(30) and timer.remaining == pytest.approx(1) and "Paused" in timer.prompt
    timer.resume()
    assert timer.tick(1) and timer.phase == Phase.PARAPHRASE
    assert timer.prompt.startswith("Sam, say back what you heard Alex say")
    assert timer.tick(20) and phase_of(timer) == Phase.SPEAKING and "Sam speaks" in timer.prompt
    assert timer.turns == 1
    timer.next()
    assert timer.phase == Phase.PARAPHRASE and timer.listener == "Alex"
    with pytest.raises(ValueError):
        DialogueTimer(("a", "b"), turn_seconds=5)


def test_a_joint_session_is_signed_by_both(vault_dir: Path) -> None:
    session = unlock_session(vault_dir, SAM_PASS)
    with pytest.raises(WrongPassphrase):
        session.joint.open(SessionKind.WEEKLY, "not alex's passphrase")
    assert session.joint.current() is None
    session_id = session.joint.open(SessionKind.WEEKLY, ALEX_PASS)
    with pytest.raises(NotAllowed, match="already open"):
        session.joint.open(SessionKind.WEEKLY, ALEX_PASS)
    current = session.joint.current()
    assert current is not None and current["opened_by"] == session.partner_id
    assert current["cosigned_by"] and current["cosigned_by"] != session.partner_id
    session.joint.note(session_id, "We talked about the work trip")
    session.joint.outcome(session_id, "Itinerary shared before every trip")
    objective = session.joint.set_objective("Feel safe when plans change")
    session.joint.progress(objective, "Two trips this month without a spiral", session_id)
    session.joint.close(session_id, "A calm evening")
    assert session.joint.current() is None
    events = {e.header.kind: e.header.author for e in session._vault.ledger.events()}
    assert events[EventKind.SESSION_OPENED] != events[EventKind.SESSION_COSIGNED]  # both signed
    assert session.verify().ok
    assert session.timeline.agenda() == []  # the session marked the agenda as discussed
    session.lock()
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    [held] = alex.joint.sessions()
    assert [text for _, _, text in held["items"]] == [
        "We talked about the work trip",
        "Itinerary shared before every trip",
    ]
    [(_oid, text, notes)] = alex.joint.objectives()
    assert (
        text == "Feel safe when plans change"
        and notes[0][1] == "Two trips this month without a spiral"
    )
    alex.lock()
