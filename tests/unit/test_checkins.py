"""Check-ins: prompt sets from resources, each partner on their own, due and missed."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS
from twofold.domain.checkins import CheckinKind, period_of
from twofold.domain.errors import InvalidInput
from twofold.domain.ledger import EventKind
from twofold.services.session import Session, unlock


def test_periods_are_day_week_and_month() -> None:
    wednesday = date(2026, 2, 18)
    assert period_of(CheckinKind.DAILY, wednesday) == (wednesday, wednesday)
    assert period_of(CheckinKind.WEEKLY, wednesday) == (date(2026, 2, 16), date(2026, 2, 22))
    assert period_of(CheckinKind.MONTHLY, wednesday) == (date(2026, 2, 1), date(2026, 2, 28))
    assert period_of(CheckinKind.MONTHLY, date(2028, 12, 31)) == (
        date(2028, 12, 1),
        date(2028, 12, 31),
    )


def test_prompt_sets_come_from_resources(alex: Session) -> None:
    daily = alex.checkins.prompts(CheckinKind.DAILY)
    assert [p.id for p in daily.prompts] == ["feeling", "need", "action"]
    weekly = alex.checkins.prompts(CheckinKind.WEEKLY)
    assert "trust easier" in weekly.prompts[-1].text


def test_each_partner_checks_in_on_their_own(alex: Session, vault_dir: Path) -> None:
    today = date.today()
    with pytest.raises(InvalidInput, match="at least one"):
        alex.checkins.submit(CheckinKind.DAILY, {"feeling": "  "})
    assert CheckinKind.DAILY in alex.checkins.due_today(today)
    alex.checkins.submit(
        CheckinKind.DAILY,
        {"feeling": "Calm after the walk", "need": "Sleep", "action": "Text before the train"},
        day=today,
    )
    assert CheckinKind.DAILY not in alex.checkins.due_today(today)
    alex.lock()
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    assert CheckinKind.DAILY in sam.checkins.due_today(today)  # Alex's does not count for Sam
    assert sam.checkins.recent(CheckinKind.DAILY) == []  # sealed until Sam answers too
    sam.checkins.submit(CheckinKind.DAILY, {"feeling": "Rested"}, day=today)
    sam.lock()
    alex = unlock(vault_dir, "Alex", ALEX_PASS)  # Alex's answers are revealed at unlock
    alex.lock()
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    entry = next(c for c in sam.checkins.recent(CheckinKind.DAILY) if c.author != sam.partner_id)
    assert entry.answers[0] == (
        "One feeling from today, and when you noticed it",
        "Calm after the walk",
    )
    item = next(i for i in sam.timeline.page() if "Calm after the walk" in i.body)
    assert item.kind == EventKind.CHECKIN_REVEALED
    assert sam.search("calm")  # searchable
    sam.lock()


def test_a_missed_check_in_is_noticed_gently(alex: Session) -> None:
    today = date.today()
    assert alex.checkins.missed(today) == []  # never started: nothing to nag about
    alex.checkins.submit(CheckinKind.DAILY, {"feeling": "ok"}, day=today - timedelta(days=3))
    assert alex.checkins.missed(today) == [CheckinKind.DAILY]  # yesterday was skipped
    alex.checkins.submit(CheckinKind.DAILY, {"feeling": "ok"}, day=today - timedelta(days=1))
    assert alex.checkins.missed(today) == []


def _missed_from_every_checkin(session: Session, today: date) -> list[CheckinKind]:
    """What ``missed`` said before session 22, from every check-in ever answered."""
    from twofold.domain.checkins import done_in, missed_previous

    mine, me = session.checkins._mine(), session.partner_id
    weeks = session.roles.pace().review_every_weeks
    out: list[CheckinKind] = []
    for kind in CheckinKind:
        if kind == CheckinKind.WEEKLY and weeks > 1:
            started = [c.day for c in mine if c.kind == kind]
            first, _ = period_of(kind, today)
            window = [first - timedelta(days=7 * back) for back in range(1, weeks + 1)]
            if (
                started
                and min(started) <= window[-1]
                and not any(done_in(kind, d, mine, me) for d in window)
            ):
                out.append(kind)
        elif missed_previous(kind, today, mine, me):
            out.append(kind)
    return out


def test_missed_reads_only_the_recent_check_ins_and_says_the_same(alex: Session) -> None:
    """Session 22: ``missed`` (at every unlock) no longer turns every seal of the
    years into Python objects, only the periods it looks at and each kind's first
    day; what it says is the same for any day and pace."""
    from twofold.domain.consent import AgendaSection

    start = date(2026, 1, 5)
    days = [0, 1, 2, 9, 10, 30, 31, 45, 46, 70, 71, 72, 100, 130, 131, 160]
    for offset in days:
        alex.checkins.submit(CheckinKind.DAILY, {"feeling": "ok"}, day=start + timedelta(offset))
    for offset in (3, 17, 24, 52, 80, 101, 108, 150):
        alex.checkins.submit(CheckinKind.WEEKLY, {"went_well": "ok"}, day=start + timedelta(offset))
    for offset in (20, 80, 140):
        alex.checkins.submit(CheckinKind.MONTHLY, {"proud": "ok"}, day=start + timedelta(offset))
    conn = alex._vault.connection
    for weeks in (1, 2, 4):
        alex.roles.set_pace(weeks, list(AgendaSection))
        for offset in range(-3, 200, 1):
            today = start + timedelta(offset)
            statements: list[str] = []
            conn.set_trace_callback(statements.append)
            said = alex.checkins.missed(today)
            conn.set_trace_callback(None)
            assert said == _missed_from_every_checkin(alex, today), (weeks, today)
            seals = [s for s in statements if "checkin_seals" in s]
            assert seals and all("author = " in s for s in seals), seals
