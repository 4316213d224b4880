"""More milestones, each detected once, each a signed win with its evidence (issue 16)."""

from __future__ import annotations

from datetime import date, timedelta

from twofold.domain.checkins import CheckinKind
from twofold.domain.commitments import Cadence, CadenceKind, Outcome
from twofold.domain.ledger import EventKind
from twofold.domain.timeline_text import headline
from twofold.services.session import Session

TODAY = date(2026, 3, 18)
D = date


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def test_new_milestone_families_are_found_once_with_evidence(alex: Session) -> None:
    c = alex.commitments
    text = c.make(
        "Text when late", Cadence(CadenceKind.DAILY), owner=alex.partner_id, start=D(2026, 3, 2)
    )
    for day in _days(D(2026, 3, 2), D(2026, 3, 8)):
        c.check(text, Outcome.KEPT if day.day != 4 else Outcome.KEPT_HARD_DAY, day)
    walk = c.make(
        "Evening walk", Cadence(CadenceKind.DAILY), owner=alex.partner_id, start=D(2026, 2, 1)
    )
    for day in _days(D(2026, 2, 1), D(2026, 2, 28)):
        if day.day not in (10, 20):  # 26 of 28 kept: 92 %
            c.check(walk, Outcome.KEPT, day)
    for day in _days(D(2026, 3, 11), D(2026, 3, 17)):
        alex.checkins.submit(CheckinKind.DAILY, {"feeling": "steady"}, day)
    for day in (D(2026, 1, 7), D(2026, 1, 21), D(2026, 2, 9)):
        alex.setbacks.log("Went quiet", day=day)

    reached = alex.wins.detect(TODAY)
    assert set(reached) == {
        "First week of “Text when late” kept every day",
        "First week of “Evening walk” kept every day",
        "A month of “Evening walk” at 92 %",
        "7 daily check-ins in a row (Alex)",
        "Fewer setbacks in February than in January",
    }
    assert alex.wins.detect(TODAY) == []  # once only
    assert alex.wins.detect(TODAY + timedelta(days=1)) == []  # the run goes on: same key
    evidence = {
        headline(item): item.request  # the text as shown (rendered from the fields)
        for item in alex.timeline.page(0, 50)
        if item.kind == EventKind.WIN_RECORDED
    }
    assert evidence["Milestone: A month of “Evening walk” at 92 %"] == (
        "Kept 26 of 28 times in February 2026."
    )
    assert evidence["Milestone: First week of “Text when late” kept every day"] == (
        "Kept all 7 days it was due, 02 Mar – 08 Mar 2026."
    )
    assert evidence["Milestone: Fewer setbacks in February than in January"] == (
        "1 in February 2026, 2 in January 2026."
    )
    assert evidence["Milestone: 7 daily check-ins in a row (Alex)"] == (
        "Alex checked in every day from 11 Mar to 17 Mar 2026."
    )


def test_no_milestone_without_its_evidence(alex: Session) -> None:
    c = alex.commitments
    text = c.make(
        "Text when late", Cadence(CadenceKind.DAILY), owner=alex.partner_id, start=D(2026, 3, 4)
    )
    for day in _days(D(2026, 3, 4), D(2026, 3, 17)):
        if day != D(2026, 3, 11):
            c.check(text, Outcome.KEPT, day)
    # The week of 2 March began before the commitment; the week of 9 March has a miss;
    # the week of 16 March is not over. A month at 90 %: March is not over either.
    for day in _days(D(2026, 3, 12), D(2026, 3, 17)):  # six in a row, not seven
        alex.checkins.submit(CheckinKind.DAILY, {"feeling": "steady"}, day)
    alex.setbacks.log("Late", day=D(2026, 2, 9))  # January had none: nothing fewer than
    assert alex.wins.detect(TODAY) == []
