"""The fast paths behind "Our progress" and milestone detection (issue 16's 300 ms
budget) give exactly what the plain definitions give: every commitment's outcomes
from the best check-off per day, read in bulk from a real vault, and the one-pass
"first week kept" / "first month at 90 %" searches."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta

import pytest

from twofold.domain.commitments import (
    Cadence,
    CadenceKind,
    CheckOff,
    Commitment,
    Outcome,
    Periods,
    outcomes_from_best,
    outcomes_from_days,
    period_outcomes,
)
from twofold.domain.milestones import first_full_week, first_month_at
from twofold.services.session import Session
from twofold.vault import practice_store, progress_store

TODAY = date(2026, 3, 18)
CADENCES = (
    Cadence(CadenceKind.DAILY),
    Cadence(CadenceKind.DAYS, (0, 3, 5)),
    Cadence(CadenceKind.WEEKLY),
    Cadence(CadenceKind.ONCE, due=date(2026, 2, 20)),
)


def _commitment(cadence: Cadence, start: date) -> Commitment:
    return Commitment("c1", "Text when late", "", "alex", cadence, "", start)


def _random_checks(rng: random.Random, start: date, days: int) -> list[CheckOff]:
    checks = []
    for n in range(days):
        for _ in range(rng.choice((0, 0, 1, 1, 1, 2, 3))):  # none, one, or several a day
            outcome = rng.choice(list(Outcome))
            checks.append(CheckOff("c1", start + timedelta(days=n), outcome, "alex"))
    return checks


def _best(checks: list[CheckOff]) -> dict[date, Outcome]:
    order = (Outcome.KEPT, Outcome.KEPT_HARD_DAY, Outcome.RENEGOTIATED, Outcome.MISSED)
    best: dict[date, Outcome] = {}
    for check in checks:
        held = best.get(check.day)
        if held is None or order.index(check.outcome) < order.index(held):
            best[check.day] = check.outcome
    return best


@pytest.mark.parametrize("cadence", CADENCES, ids=lambda c: str(c.kind))
@pytest.mark.parametrize("seed", range(6))
def test_outcomes_from_the_best_per_day_equal_period_outcomes(cadence: Cadence, seed: int) -> None:
    rng = random.Random(seed)
    start = date(2025, 11, 1) + timedelta(days=rng.randrange(40))
    commitment = _commitment(cadence, start)
    checks = _random_checks(rng, start - timedelta(days=3), (TODAY - start).days + 6)
    expected = period_outcomes(commitment, checks, TODAY)
    assert outcomes_from_best(commitment, _best(checks), TODAY) == expected
    assert expected  # the comparison is about something


def test_the_vault_reads_the_best_outcome_of_each_day(alex: Session) -> None:
    c = alex.commitments
    mine = alex.partner_id
    text = c.make("Text when late", Cadence(CadenceKind.DAILY), owner=mine, start=date(2026, 3, 2))
    walk = c.make("Walk", Cadence(CadenceKind.DAYS, (0, 2)), owner=mine, start=date(2026, 3, 2))
    c.check(text, Outcome.MISSED, date(2026, 3, 2))
    c.check(text, Outcome.KEPT_HARD_DAY, date(2026, 3, 2))  # corrected: the best counts
    c.check(text, Outcome.KEPT, date(2026, 3, 3))
    c.check(text, Outcome.MISSED, date(2026, 3, 3))  # a later worse one does not win
    c.check(text, Outcome.MISSED, date(2026, 3, 5))
    c.check(walk, Outcome.KEPT, date(2026, 3, 4))

    conn = alex.progress._vault.connection
    best = progress_store.best_outcomes_by_day(conn)
    assert best == {
        text: {
            date(2026, 3, 2): Outcome.KEPT_HARD_DAY,
            date(2026, 3, 3): Outcome.KEPT,
            date(2026, 3, 5): Outcome.MISSED,
        },
        walk: {date(2026, 3, 4): Outcome.KEPT},
    }
    checks = [check for _, check in practice_store.check_offs(conn)]
    commitments, outcomes = alex.progress.outcomes(TODAY)
    assert {x.id for x in commitments} == {text, walk}
    for commitment in commitments:
        assert outcomes[commitment.id] == period_outcomes(commitment, checks, TODAY)
    # worked out once per ledger head: a new check-off is seen at once
    assert alex.progress.outcomes(TODAY) is alex.progress.outcomes(TODAY)
    c.check(text, Outcome.KEPT, date(2026, 3, 4))
    assert alex.progress.outcomes(TODAY)[1][text][2] == ((date(2026, 3, 4),) * 2, Outcome.KEPT)


# --- the plain definitions of the two "first" milestones, as a reference ------------


def _reference_week(commitment: Commitment, outcomes: Periods, today: date) -> date | None:
    weeks: dict[date, list[Outcome | None]] = {}
    for (first, _last), outcome in outcomes:
        weeks.setdefault(first - timedelta(days=first.weekday()), []).append(outcome)
    for monday in sorted(weeks):
        sunday = monday + timedelta(days=6)
        if sunday >= today or monday < commitment.start:
            continue
        if all(o is not None and o.counts_as_kept for o in weeks[monday]):
            return sunday
    return None


def _reference_month(outcomes: Periods, today: date) -> date | None:
    kept: Counter[date] = Counter()
    decided: Counter[date] = Counter()
    for (_first, last), outcome in outcomes:
        if outcome is None or outcome == Outcome.RENEGOTIATED:
            continue
        decided[last.replace(day=1)] += 1
        kept[last.replace(day=1)] += outcome.counts_as_kept
    for month in sorted(decided):
        if month >= today.replace(day=1) or decided[month] < 4:
            continue
        if kept[month] / decided[month] >= 0.9:
            return (month + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return None


@pytest.mark.parametrize("cadence", CADENCES[:3], ids=lambda c: str(c.kind))
@pytest.mark.parametrize("seed", range(12))
def test_the_first_week_and_month_found_in_one_pass_equal_the_definition(
    cadence: Cadence, seed: int
) -> None:
    rng = random.Random(seed)
    start = date(2025, 6, 1) + timedelta(days=rng.randrange(20))
    commitment = _commitment(cadence, start)
    kept_share = rng.choice((0.6, 0.85, 0.93, 0.97))
    best = {
        start + timedelta(days=n): (
            rng.choice((Outcome.KEPT, Outcome.KEPT_HARD_DAY))
            if rng.random() < kept_share
            else rng.choice((Outcome.MISSED, Outcome.RENEGOTIATED))
        )
        for n in range((TODAY - start).days + 1)
        if rng.random() < 0.95
    }
    outcomes = outcomes_from_best(commitment, best, TODAY)
    week = first_full_week(commitment, outcomes, TODAY)
    month = first_month_at(commitment, outcomes, TODAY)
    expected_week = (
        _reference_week(commitment, outcomes, TODAY) if cadence.kind != CadenceKind.WEEKLY else None
    )
    assert (week.day if week else None) == expected_week
    assert (month.day if month else None) == _reference_month(outcomes, TODAY)


def test_the_check_offs_grouped_in_bulk_are_period_outcomes_own_grouping(alex: Session) -> None:
    """The therapist report's commitments table reads ``outcomes_by_day`` once for all
    commitments: the same outcomes per day as ``period_outcomes`` groups from
    ``check_offs``, also when rows were edited outside Twofold (a day or an outcome
    that does not read is left out of both; a day in another ISO form is that day)."""
    c = alex.commitments
    mine = alex.partner_id
    text = c.make("Text when late", Cadence(CadenceKind.DAILY), owner=mine, start=date(2026, 3, 2))
    walk = c.make("Walk", Cadence(CadenceKind.WEEKLY), owner=mine, start=date(2026, 3, 2))
    for day, outcome in ((2, Outcome.MISSED), (2, Outcome.KEPT_HARD_DAY), (3, Outcome.KEPT)):
        c.check(text, outcome, date(2026, 3, day))
    for day in (4, 5, 6, 9):
        c.check(walk, Outcome.KEPT if day != 5 else Outcome.MISSED, date(2026, 3, day))
    vault = alex.progress._vault
    with vault.write("an edit with a SQLCipher tool") as conn:
        conn.execute("UPDATE commitment_checks SET day = 'someday' WHERE day = '2026-03-03'")
        conn.execute("UPDATE commitment_checks SET outcome = 'forgiven' WHERE day = '2026-03-05'")
        conn.execute("UPDATE commitment_checks SET day = '20260306' WHERE day = '2026-03-06'")
    conn = vault.connection
    checks = [check for _, check in practice_store.check_offs(conn)]
    grouped = progress_store.outcomes_by_day(conn)
    assert grouped[walk][date(2026, 3, 6)] == {Outcome.KEPT}
    assert date(2026, 3, 5) not in grouped[walk] and date(2026, 3, 3) not in grouped[text]
    for commitment in practice_store.commitments(conn, include_ended=True):
        assert outcomes_from_days(commitment, grouped.get(commitment.id, {}), TODAY) == (
            period_outcomes(commitment, checks, TODAY)
        )
