"""More milestones, detected from the tracker (issue 16): each has a key, so it is
celebrated once, a text, and its evidence in plain words (signed with the win).

Pure functions over outcomes and days; ``services/setbacks.WinService.detect`` reads
the ledger, calls these, and records what is new.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from twofold.domain.commitments import CadenceKind, Commitment, Outcome, Periods

CHECKIN_RUNS = (7, 30, 100)
MONTH_SHARE = 0.9
MONTH_MIN_DECIDED = 4


@dataclass(frozen=True, slots=True)
class Milestone:
    key: str
    text: str
    evidence: str
    day: date  # the day it was reached


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _previous_month(first: date) -> date:
    return (first - timedelta(days=1)).replace(day=1)


def first_full_week(commitment: Commitment, outcomes: Periods, today: date) -> Milestone | None:
    """The first Monday–Sunday week, over before today, in which every day the
    commitment was due was kept (daily and weekday cadences)."""
    if commitment.cadence.kind not in (CadenceKind.DAILY, CadenceKind.DAYS):
        return None
    weeks: dict[date, list[Outcome | None]] = {}
    for (first, _last), outcome in outcomes:
        weeks.setdefault(first - timedelta(days=first.weekday()), []).append(outcome)
    for monday in sorted(weeks):
        sunday = monday + timedelta(days=6)
        if sunday >= today or monday < commitment.start:
            continue  # unfinished, or a week the commitment only joined midway
        got = weeks[monday]
        if got and all(o is not None and o.counts_as_kept for o in got):
            return Milestone(
                f"commitment-week-{commitment.id}",
                f"First week of “{commitment.title}” kept every day",
                f"Kept all {len(got)} days it was due, {monday:%d %b} – {sunday:%d %b %Y}.",
                sunday,
            )
    return None


def first_month_at(commitment: Commitment, outcomes: Periods, today: date) -> Milestone | None:
    """The first calendar month, over before today, kept at least 90 % of the time
    (renegotiated periods left out; at least four decided periods)."""
    kept: Counter[date] = Counter()
    decided: Counter[date] = Counter()
    for (_first, last), outcome in outcomes:
        if outcome is None or outcome == Outcome.RENEGOTIATED:
            continue
        month = _month_start(last)
        decided[month] += 1
        kept[month] += outcome.counts_as_kept
    this_month = _month_start(today)
    for month in sorted(decided):
        if month >= this_month or decided[month] < MONTH_MIN_DECIDED:
            continue
        if kept[month] / decided[month] >= MONTH_SHARE:
            end = (month + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            return Milestone(
                f"commitment-month90-{commitment.id}",
                f"A month of “{commitment.title}” at {100 * kept[month] // decided[month]} %",
                f"Kept {kept[month]} of {decided[month]} times in {month:%B %Y}.",
                end,
            )
    return None


def checkins_in_a_row(
    days_by_partner: Mapping[str, Iterable[date]], labels: Mapping[str, str], today: date
) -> list[Milestone]:
    """For each partner: 7, 30, 100 daily check-ins on consecutive days, the run
    ending today or yesterday. Keyed by the run's first day: a new run after a break
    is celebrated again."""
    found = []
    for partner, days in days_by_partner.items():
        have = set(days)
        end = today if today in have else today - timedelta(days=1)
        run, day = 0, end
        while day in have:
            run += 1
            day -= timedelta(days=1)
        start = day + timedelta(days=1)
        for n in CHECKIN_RUNS:
            if run >= n:
                name = labels.get(partner, "?")
                found.append(
                    Milestone(
                        f"checkins-row-{n}-{partner}-{start.isoformat()}",
                        f"{n} daily check-ins in a row ({name})",
                        f"{name} checked in every day from {start:%d %b} to "
                        f"{start + timedelta(days=n - 1):%d %b %Y}.",
                        start + timedelta(days=n - 1),
                    )
                )
    return found


def fewer_setbacks(setback_days: Sequence[date], today: date) -> Milestone | None:
    """Last month had fewer setbacks than the month before (which had some)."""
    last = _previous_month(_month_start(today))
    before = _previous_month(last)
    counts = Counter(_month_start(d) for d in setback_days)
    if counts[before] and counts[last] < counts[before]:
        return Milestone(
            f"fewer-setbacks-{last.isoformat()}",
            f"Fewer setbacks in {last:%B} than in {before:%B}",
            f"{counts[last]} in {last:%B %Y}, {counts[before]} in {before:%B %Y}.",
            _month_start(today) - timedelta(days=1),
        )
    return None
