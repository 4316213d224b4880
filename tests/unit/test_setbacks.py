"""Setbacks as data with a three-step repair; wins and detected milestones."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import SAM_PASS
from twofold.domain.checkins import CheckinKind
from twofold.domain.commitments import Cadence, CadenceKind, Outcome
from twofold.domain.errors import InvalidInput
from twofold.domain.ledger import EventKind
from twofold.domain.setbacks import RepairStep
from twofold.services.session import Session, unlock


def test_repair_goes_acknowledge_repair_restore_by_either_partner(
    alex: Session, vault_dir: Path
) -> None:
    with pytest.raises(InvalidInput):
        alex.setbacks.log("  ")
    sid = alex.setbacks.log(
        "Missed the Thursday check-in without a message",
        trigger="Stayed late at work",
        impact="Sam waited an hour, afraid",
    )
    with pytest.raises(InvalidInput, match="acknowledge, repair, restore"):
        alex.setbacks.step(sid, RepairStep.REPAIR)
    alex.setbacks.step(sid, RepairStep.ACKNOWLEDGE, "I said what it cost Sam, without excuses")
    alex.setbacks.add_countermeasure(sid, "Two reminders before every check-in")
    alex.lock()
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    sam.setbacks.step(sid, RepairStep.REPAIR, "We rescheduled for Saturday")
    setback = sam.setbacks.get(sid)
    assert setback.open and setback.next_step == RepairStep.RESTORE
    assert [s.author for s in setback.steps] == [alex_id(sam), sam.partner_id]
    sam.setbacks.step(sid, RepairStep.RESTORE, "Saturday's check-in happened")
    assert not sam.setbacks.get(sid).open
    with pytest.raises(InvalidInput, match="already restored"):
        sam.setbacks.step(sid, RepairStep.RESTORE)
    assert sam.setbacks.get(sid).countermeasures == ("Two reminders before every check-in",)
    kinds = [i.kind for i in sam.timeline.page(0, 20)]
    assert kinds.count(EventKind.SETBACK_STEP) == 3 and EventKind.SETBACK_LOGGED in kinds
    assert sam.verify().ok
    sam.lock()


def alex_id(session: Session) -> str:
    return next(pid for pid, label in session.partner_labels.items() if label == "Alex")


def test_wins_by_hand_and_milestones_detected_once(alex: Session, vault_dir: Path) -> None:
    alex.wins.record("Told Sam about the late train before Sam asked")
    today = date.today()
    start = today - timedelta(days=8)
    cid = alex.commitments.make(
        "Text before I'm late", Cadence(CadenceKind.DAILY), owner=alex.partner_id, start=start
    )
    for n in range(8):
        alex.commitments.check(
            cid, Outcome.KEPT if n != 0 else Outcome.MISSED, day=start + timedelta(days=n)
        )
    assert alex.wins.detect(today) == ["7 days of every commitment kept"]
    assert alex.wins.detect(today) == []  # celebrated once
    for back in range(1, 5):
        monday = today - timedelta(days=today.weekday() + 7 * back)
        alex.checkins.submit(CheckinKind.WEEKLY, {"went_well": "ok"}, day=monday)
    assert alex.wins.detect(today) == []  # Sam has not reviewed every week
    alex.lock()
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    for back in range(1, 5):
        monday = today - timedelta(days=today.weekday() + 7 * back)
        sam.checkins.submit(CheckinKind.WEEKLY, {"went_well": "ok"}, day=monday + timedelta(days=2))
    assert sam.wins.detect(today) == ["First month with a weekly review every week"]
    texts = [w.text for w in sam.wins.all()]
    assert "Told Sam about the late train before Sam asked" in texts and len(texts) == 3
    assert sum(1 for w in sam.wins.all() if w.detected) == 2
    sam.lock()
