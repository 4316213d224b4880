"""The rules of commitments: cadences, streaks, reliability, the forgiving strength,
check-offs by either partner and acknowledgements, across time zones and DST."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS
from twofold.domain.commitments import (
    BOTH,
    Cadence,
    CadenceKind,
    CheckOff,
    Commitment,
    Outcome,
    period_outcomes,
    reliability,
    streak,
    strength,
    weekly_reliability,
)
from twofold.domain.consent import CommitmentState
from twofold.domain.errors import InvalidInput, NotAllowed
from twofold.domain.ledger import EventKind
from twofold.services.session import Session, unlock

MON = date(2026, 3, 2)  # a Monday


def daily(start: date = MON) -> Commitment:
    return Commitment("c1", "Text before I'm late", "", BOTH, Cadence(CadenceKind.DAILY), "", start)


def checks(*pairs: tuple[int, Outcome], cid: str = "c1") -> list[CheckOff]:
    return [CheckOff(cid, MON + timedelta(days=d), o, "a") for d, o in pairs]


def test_cadences_give_their_due_periods() -> None:
    assert len(Cadence(CadenceKind.DAILY).periods(MON, MON + timedelta(days=6))) == 7
    days = Cadence(CadenceKind.DAYS, (0, 3)).periods(MON, MON + timedelta(days=13))
    assert [p[0].weekday() for p in days] == [0, 3, 0, 3]
    weeks = Cadence(CadenceKind.WEEKLY).periods(MON + timedelta(days=2), MON + timedelta(days=15))
    assert weeks[0] == (MON + timedelta(days=2), MON + timedelta(days=6)) and len(weeks) == 3
    once = Cadence(CadenceKind.ONCE, due=MON + timedelta(days=10))
    assert once.periods(MON, MON + timedelta(days=3)) == [(MON, MON + timedelta(days=10))]
    with pytest.raises(InvalidInput):
        Cadence(CadenceKind.DAYS)
    with pytest.raises(InvalidInput):
        Cadence(CadenceKind.ONCE)
    assert Cadence(CadenceKind.DAYS, (0, 2)).describe() == "on Mon, Wed"


def test_streak_counts_kept_and_hard_day_and_breaks_on_a_miss() -> None:
    c = daily()
    today = MON + timedelta(days=5)
    kept = checks(
        (0, Outcome.KEPT),
        (1, Outcome.MISSED),
        (2, Outcome.KEPT),
        (3, Outcome.KEPT_HARD_DAY),
        (4, Outcome.KEPT),
    )
    assert streak(c, kept, today) == 3  # today is open and does not break it
    assert streak(c, kept + checks((5, Outcome.KEPT)), today) == 4
    # a day with no check-off, once past, is a miss
    assert streak(c, checks((0, Outcome.KEPT), (2, Outcome.KEPT)), today) == 0
    # renegotiated neither counts nor breaks
    assert (
        streak(
            c,
            checks(
                (0, Outcome.KEPT),
                (1, Outcome.RENEGOTIATED),
                (2, Outcome.KEPT),
                (3, Outcome.KEPT),
                (4, Outcome.KEPT),
            ),
            today,
        )
        == 4
    )


def test_reliability_and_weekly_rates_across_cadences() -> None:
    c = daily()
    today = MON + timedelta(days=10)
    log = checks(*[(d, Outcome.KEPT if d % 3 else Outcome.MISSED) for d in range(10)])
    assert reliability(c, log, today) == pytest.approx(6 / 10)
    weekly = Commitment("c2", "Weekly review", "", BOTH, Cadence(CadenceKind.WEEKLY), "", MON)
    log2 = log + checks((1, Outcome.KEPT), cid="c2")  # week 1 kept, week 2 still open
    rates = dict(weekly_reliability([c, weekly], log2, today, weeks=2))
    assert rates[MON] == pytest.approx((4 + 1) / (7 + 1))  # days 0, 3, 6 missed
    assert rates[MON + timedelta(days=7)] == pytest.approx(2 / 3)  # Mon–Wed decided, Thu open
    assert reliability(weekly, [], MON) is None


def test_strength_is_forgiving_and_never_resets() -> None:
    c = daily(MON - timedelta(days=120))
    today = MON
    months = [CheckOff("c1", MON - timedelta(days=d), Outcome.KEPT, "a") for d in range(1, 121)]
    strong = strength(c, months, today)
    lapse = [x for x in months if x.day != MON - timedelta(days=1)] + [
        CheckOff("c1", MON - timedelta(days=1), Outcome.MISSED, "a")
    ]
    after = strength(c, lapse, today)
    assert strong > 0.99 and 0.9 < after < strong  # one lapse lowers it a little
    assert strength(c, [], today) == 0.0


def test_dst_and_time_zones_do_not_move_a_days_check_off() -> None:
    """A check-off is a local date: the spring-forward night in Berlin still has one day,
    and the same instant is a different day in Auckland and in Los Angeles."""
    c = daily(date(2026, 3, 28))
    around_dst = [
        CheckOff("c1", date(2026, 3, 28) + timedelta(days=d), Outcome.KEPT, "a") for d in range(3)
    ]  # 28, 29 (DST change in Europe), 30 March
    assert [o for _, o in period_outcomes(c, around_dst, date(2026, 3, 30))] == [
        Outcome.KEPT,
        Outcome.KEPT,
        Outcome.KEPT,
    ]
    instant = datetime(2026, 3, 29, 11, 30, tzinfo=UTC)
    assert instant.astimezone(ZoneInfo("Pacific/Auckland")).date() == date(2026, 3, 30)
    assert instant.astimezone(ZoneInfo("America/Los_Angeles")).date() == date(2026, 3, 29)


def test_services_sign_every_change_and_keep_roles_distinct(alex: Session, vault_dir: Path) -> None:
    today = datetime.now().astimezone().date()
    start = today - timedelta(days=3)
    cid = alex.commitments.make(
        "Phone face up at dinner",
        Cadence(CadenceKind.DAILY),
        owner=alex.partner_id,
        hard_day="Say it is face down and why",
        start=start,
    )
    seq = alex.commitments.check(cid, Outcome.KEPT, day=start)
    alex.commitments.check(cid, Outcome.KEPT_HARD_DAY, day=start + timedelta(days=1))
    with pytest.raises(InvalidInput):
        alex.commitments.check(cid, Outcome.KEPT, day=today + timedelta(days=1))
    with pytest.raises(NotAllowed):
        alex.commitments.acknowledge(seq)  # not your own
    [status] = alex.commitments.statuses(today)
    assert status.owner_label == "Alex" and status.streak == 0  # day 3 was missed
    assert status.reliability == pytest.approx(2 / 3)
    alex.lock()

    sam = unlock(vault_dir, "Sam", SAM_PASS)
    sam.commitments.acknowledge(seq)
    with pytest.raises(NotAllowed, match="Only Alex can record"):
        sam.commitments.check(cid, Outcome.KEPT, day=today, note="I saw it on the table")
    [(first_seq, first)] = sam.commitments.check_offs(cid)[:1]
    assert (
        first_seq == seq
        and first.acknowledged_by == sam.partner_id
        and first.author != sam.partner_id
    )
    proposal = sam.commitments.renegotiate(
        cid,
        "Phone in the hallway at dinner",
        Cadence(CadenceKind.DAYS, (0, 2, 4)),
        reason="Easier to keep",
    )
    assert sam.commitments.get(cid).title == "Phone face up at dinner"  # until Alex accepts
    sam.lock()
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    alex.commitments.accept_terms(proposal)
    off_day = next(
        today - timedelta(days=n)
        for n in range(7)
        if (today - timedelta(days=n)).weekday() in (1, 3)
    )
    if off_day >= start:
        with pytest.raises(InvalidInput, match="not due"):
            alex.commitments.check(cid, Outcome.KEPT, day=off_day)
    alex.lock()
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    assert sam.commitments.get(cid).title == "Phone in the hallway at dinner"
    kinds = [i.kind for i in sam.timeline.page()]
    assert EventKind.COMMITMENT_MADE in kinds and EventKind.RENEGOTIATION_ACCEPTED in kinds
    assert any("Phone" in h.snippet for h in sam.search("phone"))  # searchable
    sam.commitments.end(cid, "Done its job")  # Sam does not own it: only a request to end
    assert [s.commitment.id for s in sam.commitments.statuses()] == [cid]
    sam.lock()
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    alex.commitments.end(cid, "Done its job")
    assert alex.commitments.statuses() == []
    [view] = alex.commitments.views()
    assert view.state == CommitmentState.ENDED  # with both signatures
    alex.lock()
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    assert sam.verify().ok
    sam.lock()


def test_safety_plan_has_a_default_and_can_be_written_in_a_shared_session(vault_dir: Path) -> None:
    from twofold.services.session import unlock_session

    session = unlock_session(vault_dir, SAM_PASS)
    plan = session.safety.plan()
    assert not plan.written and "pause" in plan.pause_rule.lower()
    session.safety.update(
        "We pause for 20 minutes.",
        {session.partner_id: "I walk around the block."},
        "Dr. Reyes: 555-0100",
    )
    plan = session.safety.plan()
    assert plan.written and plan.who_to_call == "Dr. Reyes: 555-0100"
    assert plan.when_overwhelmed[session.partner_id] == "I walk around the block."
    assert session.verify().ok
    session.lock()
