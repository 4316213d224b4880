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

from twofold.domain.commitments import KEPT_OUTCOMES, CadenceKind, Commitment, Outcome, Periods

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


def first_week_key(commitment: Commitment) -> str:
    """``first_full_week``'s key: one per commitment, so found once."""
    return f"commitment-week-{commitment.id}"


def first_month_key(commitment: Commitment) -> str:
    """``first_month_at``'s key: one per commitment, so found once."""
    return f"commitment-month90-{commitment.id}"


def first_full_week(commitment: Commitment, outcomes: Periods, today: date) -> Milestone | None:
    """The first Monday–Sunday week, over before today, in which every day the
    commitment was due was kept (daily and weekday cadences). One pass over the
    periods in order, ending at the first such week."""
    if commitment.cadence.kind not in (CadenceKind.DAILY, CadenceKind.DAYS):
        return None
    first_monday = commitment.start - timedelta(days=commitment.start.weekday())
    if first_monday < commitment.start:  # the commitment only joined that week midway
        first_monday += timedelta(days=7)
    week, due, all_kept = -1, 0, True
    origin = first_monday.toordinal()

    def found(week: int) -> Milestone | None:
        monday = date.fromordinal(origin + 7 * week)
        sunday = monday + timedelta(days=6)
        if week < 0 or not due or not all_kept or sunday >= today:
            return None
        return Milestone(
            first_week_key(commitment),
            f"First week of “{commitment.title}” kept every day",
            f"Kept all {due} days it was due, {monday:%d %b} – {sunday:%d %b %Y}.",
            sunday,
        )

    for (first, _last), outcome in outcomes:
        offset = first.toordinal() - origin
        if offset < 0:
            continue
        if offset // 7 != week:
            reached = found(week)
            if reached is not None:
                return reached
            week, due, all_kept = offset // 7, 0, True
        due += 1
        all_kept = all_kept and outcome in KEPT_OUTCOMES
    return found(week)


def first_month_at(commitment: Commitment, outcomes: Periods, today: date) -> Milestone | None:
    """The first calendar month, over before today, kept at least 90 % of the time
    (renegotiated periods left out; at least four decided periods). One pass over the
    periods in order (a period counts in the month it ends in)."""
    this_month = _month_start(today)
    month, kept, decided = date.min, 0, 0

    def found() -> Milestone | None:
        if month >= this_month or decided < MONTH_MIN_DECIDED or kept / decided < MONTH_SHARE:
            return None
        end = (month + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return Milestone(
            first_month_key(commitment),
            f"A month of “{commitment.title}” at {100 * kept // decided} %",
            f"Kept {kept} of {decided} times in {month:%B %Y}.",
            end,
        )

    for (_first, last), outcome in outcomes:
        if outcome is None or outcome is Outcome.RENEGOTIATED:
            continue
        if last.month != month.month or last.year != month.year:
            reached = found()
            if reached is not None:
                return reached
            month, kept, decided = _month_start(last), 0, 0
        decided += 1
        kept += outcome in KEPT_OUTCOMES
    return found()


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
