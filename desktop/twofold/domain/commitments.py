"""Commitments: concrete, observable promises with an owner and a cadence, and the
arithmetic of keeping them (issue 4).

All dates here are *local calendar dates* (``datetime.date``): a check-off belongs to
the day the person lived it, whatever the time zone or a DST change did to the clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from twofold.domain.errors import InvalidInput

BOTH = "both"
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class CadenceKind(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"  # once in each Monday–Sunday week
    DAYS = "days"  # specific weekdays
    ONCE = "once"  # one-off, due by a date


class Outcome(StrEnum):
    KEPT = "kept"
    KEPT_HARD_DAY = "kept_hard_day"
    MISSED = "missed"
    RENEGOTIATED = "renegotiated"

    @property
    def label(self) -> str:
        return {
            Outcome.KEPT: "Kept",
            Outcome.KEPT_HARD_DAY: "Kept (hard-day version)",
            Outcome.MISSED: "Missed",
            Outcome.RENEGOTIATED: "Renegotiated",
        }[self]

    @property
    def counts_as_kept(self) -> bool:
        return self in (Outcome.KEPT, Outcome.KEPT_HARD_DAY)


@dataclass(frozen=True, slots=True)
class Cadence:
    kind: CadenceKind
    weekdays: tuple[int, ...] = ()  # 0 = Monday, for DAYS
    due: date | None = None  # for ONCE

    def __post_init__(self) -> None:
        if self.kind == CadenceKind.DAYS and not self.weekdays:
            raise InvalidInput("Choose at least one weekday for this commitment.")
        if self.kind == CadenceKind.ONCE and self.due is None:
            raise InvalidInput("A one-off commitment needs a due date.")
        if any(not 0 <= d <= 6 for d in self.weekdays):
            raise InvalidInput("Weekdays are 0 (Monday) to 6 (Sunday).")

    def describe(self) -> str:
        if self.kind == CadenceKind.DAILY:
            return "every day"
        if self.kind == CadenceKind.WEEKLY:
            return "once a week"
        if self.kind == CadenceKind.DAYS:
            return "on " + ", ".join(WEEKDAYS[d] for d in sorted(self.weekdays))
        assert self.due is not None
        return f"once, by {self.due:%d %b %Y}"

    def periods(self, start: date, end: date) -> list[tuple[date, date]]:
        """The periods in which the commitment is due once, from start to end
        (inclusive), each as (first day, last day)."""
        if end < start:
            return []
        if self.kind == CadenceKind.DAILY:
            return [(d, d) for d in _days(start, end)]
        if self.kind == CadenceKind.DAYS:
            return [(d, d) for d in _days(start, end) if d.weekday() in self.weekdays]
        if self.kind == CadenceKind.WEEKLY:
            monday = start - timedelta(days=start.weekday())
            out = []
            while monday <= end:
                out.append((max(monday, start), monday + timedelta(days=6)))
                monday += timedelta(days=7)
            return out
        assert self.due is not None
        return [(start, self.due)]

    def to_json(self) -> dict[str, object]:
        return {
            "kind": str(self.kind),
            "weekdays": list(self.weekdays),
            "due": self.due.isoformat() if self.due else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Cadence:
        due = data.get("due")
        weekdays = data.get("weekdays") or []
        assert isinstance(weekdays, list)
        return cls(
            CadenceKind(str(data["kind"])),
            tuple(int(d) for d in weekdays),
            date.fromisoformat(str(due)) if due else None,
        )


def _days(start: date, end: date) -> Iterable[date]:
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Commitment:
    id: str
    title: str
    detail: str
    owner: str  # a partner id or BOTH
    cadence: Cadence
    hard_day: str  # the simplified form for overwhelming days
    start: date
    ended: bool = False
    state: str = "accepted"  # domain.consent.CommitmentState: only "accepted" counts


@dataclass(frozen=True, slots=True)
class CheckOff:
    commitment_id: str
    day: date
    outcome: Outcome
    author: str
    note: str = ""
    acknowledged_by: str = ""  # the partner who acknowledged it, if any


def check_commitment(title: str, hard_day: str) -> tuple[str, str]:
    title, hard_day = title.strip(), hard_day.strip()
    if not title:
        raise InvalidInput("Say what you commit to, as something the other could observe.")
    if len(title) > 200:
        raise InvalidInput("Keep the commitment under 200 characters; details go below.")
    return title, hard_day


# --- the arithmetic ----------------------------------------------------------------


# Several check-offs inside one period: the best counts (kept beats missed).
PREFERENCE = (Outcome.KEPT, Outcome.KEPT_HARD_DAY, Outcome.RENEGOTIATED, Outcome.MISSED)
KEPT_OUTCOMES = frozenset({Outcome.KEPT, Outcome.KEPT_HARD_DAY})


def _outcome_for(period: tuple[date, date], by_day: Mapping[date, set[Outcome]]) -> Outcome | None:
    """The best outcome recorded inside a period (kept beats missed)."""
    first, last = period
    if first == last:  # daily and weekday cadences: one lookup
        inside = by_day.get(first)
        if not inside:
            return None
    else:
        inside = set()
        day = first
        while day <= last:
            inside |= by_day.get(day, set())
            day += timedelta(days=1)
    for outcome in PREFERENCE:
        if outcome in inside:
            return outcome
    return None


def period_outcomes(
    commitment: Commitment, checks: Sequence[CheckOff], today: date
) -> list[tuple[tuple[date, date], Outcome | None]]:
    """Each due period up to today with its outcome. A past period with no check-off
    counts as missed; the current one stays open (None) until it ends."""
    by_day: dict[date, set[Outcome]] = {}
    for check in checks:
        if check.commitment_id == commitment.id:
            by_day.setdefault(check.day, set()).add(check.outcome)
    return outcomes_from_days(commitment, by_day, today)


def outcomes_from_days(
    commitment: Commitment, by_day: Mapping[date, set[Outcome]], today: date
) -> list[tuple[tuple[date, date], Outcome | None]]:
    """``period_outcomes`` from the outcomes recorded per day (for bulk readers)."""
    result = []
    for period in commitment.cadence.periods(commitment.start, today):
        outcome = _outcome_for(period, by_day)
        if outcome is None and period[1] < today:
            outcome = Outcome.MISSED
        result.append((period, outcome))
    return result


Periods = list[tuple[tuple[date, date], Outcome | None]]


def outcomes_from_best(
    commitment: Commitment, best: Mapping[date, Outcome], today: date
) -> Periods:
    """``period_outcomes`` from the best outcome recorded on each day (``PREFERENCE``
    already applied per day, as the vault's bulk reader returns it). Day-long periods
    (daily and weekday cadences, ten years of them for a long practice) are walked by
    ordinal without building a set per day; longer periods go through
    ``outcomes_from_days``."""
    cadence = commitment.cadence
    if cadence.kind not in (CadenceKind.DAILY, CadenceKind.DAYS):
        return outcomes_from_days(commitment, {d: {o} for d, o in best.items()}, today)
    weekdays = frozenset(cadence.weekdays) if cadence.kind == CadenceKind.DAYS else None
    missed, last = Outcome.MISSED, today.toordinal()
    result: Periods = []
    append, lookup, from_ordinal = result.append, best.get, date.fromordinal
    for ordinal in range(commitment.start.toordinal(), last + 1):
        day = from_ordinal(ordinal)
        if weekdays is not None and day.weekday() not in weekdays:
            continue
        outcome = lookup(day)
        if outcome is None and ordinal < last:
            outcome = missed
        append(((day, day), outcome))
    return result


def streak_of(outcomes: Periods) -> int:
    """Consecutive kept periods, newest first; an open current period does not break it;
    a renegotiated period neither counts nor breaks."""
    count = 0
    for _, outcome in reversed(outcomes):
        if outcome is None or outcome == Outcome.RENEGOTIATED:
            continue
        if not outcome.counts_as_kept:
            break
        count += 1
    return count


def reliability_of(outcomes: Periods) -> float | None:
    """Kept ÷ decided periods (renegotiated and open periods left out)."""
    decided = [o for _, o in outcomes if o is not None and o != Outcome.RENEGOTIATED]
    if not decided:
        return None
    return sum(1 for o in decided if o.counts_as_kept) / len(decided)


def strength_step(kind: CadenceKind) -> float:
    """How far one period moves the strength (see ``strength_of``)."""
    return {CadenceKind.DAILY: 1 / 14, CadenceKind.DAYS: 1 / 8, CadenceKind.WEEKLY: 1 / 4}.get(
        kind, 1.0
    )


def strength_of(kind: CadenceKind, outcomes: Periods) -> float:
    """A forgiving score from 0 to 1, in the spirit of Loop Habit Tracker's habit
    strength: each kept period moves it a step toward 1, each missed one a step toward
    0, so one lapse lowers it a little and never erases months of effort. The step
    is smaller for frequent cadences, so a daily habit changes as slowly per week as
    a weekly one."""
    alpha = strength_step(kind)
    score = 0.0
    for _, outcome in outcomes:
        if outcome is None or outcome == Outcome.RENEGOTIATED:
            continue
        target = 1.0 if outcome.counts_as_kept else 0.0
        score += alpha * (target - score)
    return score


def streak(commitment: Commitment, checks: Sequence[CheckOff], today: date) -> int:
    return streak_of(period_outcomes(commitment, checks, today))


def reliability(commitment: Commitment, checks: Sequence[CheckOff], today: date) -> float | None:
    return reliability_of(period_outcomes(commitment, checks, today))


def strength(commitment: Commitment, checks: Sequence[CheckOff], today: date) -> float:
    return strength_of(commitment.cadence.kind, period_outcomes(commitment, checks, today))


def weekly_reliability(
    commitments: Sequence[Commitment], checks: Sequence[CheckOff], today: date, weeks: int = 8
) -> list[tuple[date, float | None]]:
    """For each of the last ``weeks`` Monday–Sunday weeks: kept ÷ decided periods across
    all commitments whose period ends in that week."""
    this_monday = today - timedelta(days=today.weekday())
    first_monday = this_monday - timedelta(days=7 * (weeks - 1))
    kept: dict[date, int] = {}
    decided: dict[date, int] = {}
    for commitment in commitments:
        for (_first, last), outcome in period_outcomes(commitment, checks, today):
            if last < first_monday or outcome in (None, Outcome.RENEGOTIATED):
                continue
            monday = last - timedelta(days=last.weekday())
            decided[monday] = decided.get(monday, 0) + 1
            if outcome is not None and outcome.counts_as_kept:
                kept[monday] = kept.get(monday, 0) + 1
    out = []
    for back in range(weeks - 1, -1, -1):
        monday = this_monday - timedelta(days=7 * back)
        total = decided.get(monday, 0)
        out.append((monday, kept.get(monday, 0) / total if total else None))
    return out
