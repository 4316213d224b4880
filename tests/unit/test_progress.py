"""The numbers behind "Our progress" and "My patterns", against a small vault whose
expected values are worked out by hand below (issue 16)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS
from twofold.domain.checkins import CheckinKind
from twofold.domain.commitments import Cadence, CadenceKind, Outcome
from twofold.domain.errors import NotAllowed
from twofold.domain.progress import ChartRange
from twofold.domain.records import RecordKind
from twofold.services.session import Session, unlock, unlock_session

TODAY = date(2026, 3, 18)  # a Wednesday
D = date


def local(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute).astimezone()


@pytest.fixture
def lived(vault_dir: Path) -> Iterator[Session]:
    live_a_little(vault_dir)
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    yield session
    session.lock()


def live_a_little(vault_dir: Path) -> None:
    """Two commitments, their check-offs, wins, setbacks, check-ins and a journal."""
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    c = alex.commitments
    mine = alex.partner_id  # one for both would wait for Sam's acceptance (issue 12)
    daily = c.make("Text when late", Cadence(CadenceKind.DAILY), owner=mine, start=D(2026, 3, 2))
    weekly = c.make("Weekly walk", Cadence(CadenceKind.WEEKLY), owner=mine, start=D(2026, 3, 2))
    proposal = ""
    for day, outcome in (
        (2, Outcome.KEPT),
        (3, Outcome.MISSED),
        (4, Outcome.KEPT_HARD_DAY),
        (9, Outcome.KEPT),
        (10, Outcome.RENEGOTIATED),
        (11, Outcome.KEPT),
        (12, Outcome.KEPT),
        (16, Outcome.KEPT),
        (17, Outcome.KEPT),
    ):
        if outcome == Outcome.RENEGOTIATED:  # new terms, renegotiated once Sam accepts
            proposal = c.renegotiate(
                daily, "Text when late", Cadence(CadenceKind.DAILY), "one word", day=D(2026, 3, 10)
            )
            continue
        c.check(daily, outcome, D(2026, 3, day))
    c.check(weekly, Outcome.KEPT, D(2026, 3, 5))
    alex.wins.record("A calm dinner", D(2026, 2, 27))
    alex.wins.record("We laughed", D(2026, 3, 5))
    alex.wins._append("7 days of every commitment kept", D(2026, 3, 17), "test-milestone")
    alex.setbacks.log("Went quiet", day=D(2026, 3, 3))
    alex.setbacks.log("Late again", day=D(2026, 3, 10))
    answers = {"feeling": "Calm after our walk", "need": "sleep", "action": "walk"}
    for day in (2, 3, 3, 10):
        alex.checkins.submit(CheckinKind.DAILY, answers, D(2026, 3, day), local(2026, 3, day, 20))
    alex.checkins.submit(CheckinKind.WEEKLY, {"went_well": "a lot"}, D(2026, 3, 4))
    j = alex.journal
    assert j is not None
    j.write("t1", RecordKind.TRIGGER, ["hurt", "anxious"], ["work"], local(2026, 3, 2, 21, 30))
    j.write("t2", RecordKind.TRIGGER, ["hurt"], ["phone", "work"], local(2026, 3, 4, 21, 10))
    j.write("t3", RecordKind.TRIGGER, ["angry"], [], local(2026, 3, 10, 8, 5))
    j.write("r1", RecordKind.REFLECTION, ["hopeful", "hurt"], ["work"], local(2026, 3, 11, 10))
    alex.lock()
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    sam.commitments.accept_terms(proposal)
    sam.checkins.submit(CheckinKind.DAILY, {"feeling": "tired"}, D(2026, 3, 16))
    assert sam.journal is not None
    sam.journal.write("sam's", RecordKind.TRIGGER, ["jealous"], ["sam-tag"], local(2026, 3, 9, 7))
    sam.lock()


WEEKS = [D(2026, 2, 23), D(2026, 3, 2), D(2026, 3, 9), D(2026, 3, 16)]


def test_reliability_per_week_all_and_each(lived: Session) -> None:
    data = lived.progress.our_progress(ChartRange.ALL, today=TODAY)
    assert data.first_day == D(2026, 2, 27)  # the first win is the first day kept
    chart = data.chart("reliability")
    assert [row.at for row in chart.rows] == WEEKS
    assert chart.columns == ("All commitments", "Text when late", "Weekly walk")
    # Week of 2 March: daily kept 2, 3 missed, 4 kept (hard day), 5–8 nothing = missed
    # → 2 of 7; the weekly walk kept → 1 of 1; together 3 of 8.
    # Week of 9 March: 9 kept, 10 renegotiated (left out), 11 and 12 kept, 13–15
    # missed → 3 of 6; the walk missed → 0 of 1; together 3 of 7.
    # Week of 16 March: 16 and 17 kept, today open → 2 of 2; the walk is still open.
    assert chart.column("All commitments") == [None, 100 * 3 / 8, 100 * 3 / 7, 100.0]
    assert chart.column("Text when late") == [None, 100 * 2 / 7, 100 * 3 / 6, 100.0]
    assert chart.column("Weekly walk") == [None, 100.0, 0.0, None]
    assert chart.markers == ((D(2026, 3, 17), "7 days of every commitment kept"),)


def test_strength_over_time(lived: Session) -> None:
    chart = lived.progress.our_progress(ChartRange.ALL, today=TODAY).chart("strength")
    # Weekly walk: a step of 1/4 toward 1 (kept), then toward 0 (missed), then open.
    assert chart.column("Weekly walk") == [None, 25.0, 18.75, 18.75]
    daily = chart.column("Text when late")
    score = 0.0
    expected = []
    for week in ("KMKMMMM", "KKKMMM", "KK"):  # renegotiated days neither count nor break
        for outcome in week:
            score += (1 / 14) * ((1.0 if outcome == "K" else 0.0) - score)
        expected.append(pytest.approx(100 * score))
    assert daily == [None, *expected]


def test_wins_setbacks_and_checkins(lived: Session) -> None:
    data = lived.progress.our_progress(ChartRange.ALL, today=TODAY)
    months = data.chart("wins_setbacks")
    assert [(r.label, r.values) for r in months.rows] == [
        ("Feb 2026", (1.0, 0.0)),
        ("Mar 2026", (2.0, 2.0)),
    ]
    checkins = data.chart("checkins")
    assert checkins.columns == ("Alex", "Sam")
    # Two check-ins on 3 March count as one day; the weekly review is not a daily one.
    assert [r.values for r in checkins.rows] == [(0.0, 0.0), (2.0, 0.0), (1.0, 0.0), (0.0, 1.0)]
    milestones = data.chart("milestones")
    assert [r.at for r in milestones.rows] == [D(2026, 3, 17)]


def test_ranges_cut_the_time_axis(lived: Session) -> None:
    later = D(2026, 9, 30)
    three = lived.progress.our_progress(ChartRange.THREE_MONTHS, today=later)
    year = lived.progress.our_progress(ChartRange.YEAR, today=later)
    assert three.first_day == D(2026, 7, 2)  # 13 weeks back
    assert year.first_day == D(2026, 2, 27)  # not before the first day kept
    assert len(three.chart("reliability").rows) == 14
    assert three.chart("reliability").markers == ()  # the milestone is out of range


def test_my_patterns(lived: Session) -> None:
    data = lived.progress.my_patterns(ChartRange.ALL, today=TODAY)
    assert data.first_day == D(2026, 3, 2)
    feelings = data.chart("feelings")
    # "calm" named in four daily check-ins, hurt in three entries, then by first seen:
    # anxious, angry, hopeful. Sam's "jealous" is not Alex's to see.
    assert feelings.columns == ("calm", "hurt", "anxious", "angry", "hopeful")
    assert [r.at for r in feelings.rows] == WEEKS[1:]
    assert [r.values for r in feelings.rows] == [
        (3.0, 2.0, 1.0, 0.0, 0.0),
        (1.0, 1.0, 0.0, 1.0, 1.0),
        (0.0, 0.0, 0.0, 0.0, 0.0),
    ]
    assert [r.values for r in data.chart("triggers_week").rows] == [(2.0,), (1.0,), (0.0,)]
    weekday = {r.label: r.values[0] for r in data.chart("triggers_weekday").rows}
    assert weekday == {
        "Monday": 1,
        "Tuesday": 1,
        "Wednesday": 1,
        "Thursday": 0,
        "Friday": 0,
        "Saturday": 0,
        "Sunday": 0,
    }
    hours = {r.label: r.values[0] for r in data.chart("triggers_hour").rows if r.values[0]}
    assert hours == {"21:00": 2, "08:00": 1}
    assert [(r.label, r.values) for r in data.chart("trigger_feelings").rows] == [
        ("hurt", (2.0,)),
        ("anxious", (1.0,)),
        ("angry", (1.0,)),
    ]
    assert [(r.label, r.values) for r in data.chart("tags").rows] == [
        ("work", (3.0,)),
        ("phone", (1.0,)),
    ]


def test_patterns_are_private_in_a_shared_session(lived: Session, vault_dir: Path) -> None:
    lived.lock()
    session = unlock_session(vault_dir, SAM_PASS)
    try:
        assert session.progress.our_progress(today=TODAY).chart("reliability").rows
        with pytest.raises(NotAllowed):
            session.progress.my_patterns(today=TODAY)
    finally:
        session.lock()


def test_recent_improvements_after_a_setback(lived: Session) -> None:
    found = lived.progress.recent_improvements(TODAY, weeks=4)  # from 19 February
    # Daily text: 2 of 7, 3 of 6 (one renegotiated), 2 of 2 → 7 of 15; the walk 1 of 2.
    assert found.kept == (("Text when late", 7, 15), ("Weekly walk", 1, 2))
    assert found.wins == (
        (D(2026, 3, 17), "7 days of every commitment kept"),
        (D(2026, 3, 5), "We laughed"),
        (D(2026, 2, 27), "A calm dinner"),
    )
    assert not found.empty
