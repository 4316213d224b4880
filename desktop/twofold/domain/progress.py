"""The long arc as numbers: what the "Our progress" and "My patterns" charts show
(issue 16). Pure functions over plain values; the service reads, this counts.

Every chart is a ``Chart``: named columns and one row per week, month or category,
so the same numbers draw the chart and fill the table beside it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from twofold.domain.commitments import (
    KEPT_OUTCOMES,
    Commitment,
    Outcome,
    Periods,
    strength_step,
)

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TOP_FEELINGS = 5
TOP_LABELS = 10


class ChartRange(StrEnum):
    THREE_MONTHS = "3m"
    YEAR = "1y"
    ALL = "all"

    @property
    def label(self) -> str:
        return {"3m": "3 months", "1y": "A year", "all": "All"}[self.value]

    def first_day(self, today: date, earliest: date | None) -> date:
        """The first day shown: 13 weeks or 52 weeks back, or the first day with data."""
        start = earliest or today
        if self == ChartRange.THREE_MONTHS:
            return max(start, today - timedelta(days=7 * 13 - 1))
        if self == ChartRange.YEAR:
            return max(start, today - timedelta(days=7 * 52 - 1))
        return min(start, today)


class ChartKind(StrEnum):
    LINE = "line"  # over time
    BAR = "bar"  # per month or per category


@dataclass(frozen=True, slots=True)
class ChartRow:
    label: str  # what the table's first column shows
    at: date | None  # the time-axis position (None for a category)
    values: tuple[float | None, ...]  # one per column; None = nothing to count
    note: str = ""  # a text column (the milestones list)


@dataclass(frozen=True, slots=True)
class Chart:
    key: str
    title: str
    kind: ChartKind
    axis: str  # heading of the first column: "Week of", "Month", "Weekday"…
    columns: tuple[str, ...]
    rows: tuple[ChartRow, ...]
    unit: str = ""  # "%" or "" (a count)
    markers: tuple[tuple[date, str], ...] = ()  # milestones on the time axis
    note_heading: str = ""  # heading of the text column, when rows carry notes

    def column(self, name: str) -> list[float | None]:
        index = self.columns.index(name)
        return [row.values[index] for row in self.rows]

    @property
    def empty(self) -> bool:
        return not any(v for row in self.rows for v in row.values) and not any(
            row.note for row in self.rows
        )


@dataclass(frozen=True, slots=True)
class ChartSet:
    range: ChartRange
    first_day: date
    today: date
    charts: tuple[Chart, ...]

    def chart(self, key: str) -> Chart:
        for chart in self.charts:
            if chart.key == key:
                return chart
        raise KeyError(key)


# --- calendar buckets ------------------------------------------------------------------


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def month_of(day: date) -> date:
    return day.replace(day=1)


def weeks(first: date, last: date) -> list[date]:
    """The Mondays of every week from the one holding ``first`` to the one holding ``last``."""
    out, monday = [], monday_of(first)
    while monday <= last:
        out.append(monday)
        monday += timedelta(days=7)
    return out


def months(first: date, last: date) -> list[date]:
    out, month = [], month_of(first)
    while month <= last:
        out.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return out


def week_label(monday: date) -> str:
    return monday.isoformat()


def month_label(month: date) -> str:
    return f"{month:%b %Y}"


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    seen: Counter[str] = Counter()
    out = []
    for name in names:
        seen[name] += 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return tuple(out)


# --- "Our progress" --------------------------------------------------------------------


def reliability_by_week(
    commitments: Sequence[Commitment],
    outcomes: Mapping[str, Periods],
    first: date,
    today: date,
    markers: tuple[tuple[date, str], ...] = (),
) -> Chart:
    """Kept ÷ decided periods in each week (a period belongs to the week it ends in),
    for all commitments together and for each one; renegotiated and open periods are
    left out, as in ``reliability_of``."""
    mondays = weeks(first, today)
    origin = mondays[0].toordinal() if mondays else 0
    width = len(commitments) + 1
    kept = [[0] * width for _ in mondays]
    decided = [[0] * width for _ in mondays]
    skipped = (None, Outcome.RENEGOTIATED)
    for column, commitment in enumerate(commitments, start=1):
        periods = outcomes.get(commitment.id, [])
        # Periods are in order: skip those ending before the first week shown.
        position = _first_ending_from(periods, first)
        for (_first, last), outcome in periods[position:]:
            if outcome in skipped:
                continue
            row = (last.toordinal() - origin) // 7
            if row >= len(mondays):
                break
            decided[row][0] += 1
            decided[row][column] += 1
            if outcome in KEPT_OUTCOMES:
                kept[row][0] += 1
                kept[row][column] += 1
    rows = tuple(
        ChartRow(
            week_label(m),
            m,
            tuple(
                100.0 * kept[i][c] / decided[i][c] if decided[i][c] else None for c in range(width)
            ),
        )
        for i, m in enumerate(mondays)
    )
    return Chart(
        "reliability",
        "Commitments kept per week",
        ChartKind.LINE,
        "Week of",
        _unique(["All commitments", *(c.title for c in commitments)]),
        rows,
        "%",
        markers,
    )


def _first_ending_from(periods: Periods, day: date) -> int:
    """The index of the first period that ends on or after ``day`` (periods in order)."""
    low, high = 0, len(periods)
    while low < high:
        middle = (low + high) // 2
        if periods[middle][0][1] < day:
            low = middle + 1
        else:
            high = middle
    return low


def strength_by_week(
    commitments: Sequence[Commitment],
    outcomes: Mapping[str, Periods],
    first: date,
    today: date,
    markers: tuple[tuple[date, str], ...] = (),
) -> Chart:
    """Each commitment's forgiving strength (``strength_of``) as it stood at the end of
    each week, from its first decided period on."""
    mondays = weeks(first, today)
    columns: list[list[float | None]] = []
    for commitment in commitments:
        alpha = strength_step(commitment.cadence.kind)
        periods = outcomes.get(commitment.id, [])
        values: list[float | None] = []
        score, started, position = 0.0, False, 0
        count = len(periods)
        for monday in mondays:
            sunday = monday + timedelta(days=6)
            while position < count and periods[position][0][1] <= sunday:
                outcome = periods[position][1]
                position += 1
                if outcome is None or outcome is Outcome.RENEGOTIATED:
                    continue
                started = True
                score += alpha * ((1.0 if outcome in KEPT_OUTCOMES else 0.0) - score)
            values.append(100.0 * score if started else None)
        columns.append(values)
    rows = tuple(
        ChartRow(week_label(m), m, tuple(col[i] for col in columns)) for i, m in enumerate(mondays)
    )
    return Chart(
        "strength",
        "Strength of each commitment",
        ChartKind.LINE,
        "Week of",
        _unique(c.title for c in commitments),
        rows,
        "%",
        markers,
    )


def wins_and_setbacks_by_month(
    win_days: Iterable[date], setback_days: Iterable[date], first: date, today: date
) -> Chart:
    wins = Counter(month_of(d) for d in win_days if first <= d <= today)
    setbacks = Counter(month_of(d) for d in setback_days if first <= d <= today)
    rows = tuple(
        ChartRow(month_label(m), m, (float(wins[m]), float(setbacks[m])))
        for m in months(first, today)
    )
    return Chart(
        "wins_setbacks",
        "Wins and setbacks per month",
        ChartKind.BAR,
        "Month",
        ("Wins", "Setbacks"),
        rows,
    )


def checkins_by_week(
    daily: Iterable[tuple[str, date]],
    partners: Sequence[tuple[str, str]],
    first: date,
    today: date,
) -> Chart:
    """Days with a daily check-in in each week, per partner (0–7): ``daily`` holds
    (author, day); ``partners`` (id, display name)."""
    days: dict[str, set[date]] = {pid: set() for pid, _ in partners}
    for author, day in daily:
        if author in days and first <= day <= today:
            days[author].add(day)
    counts = {pid: Counter(monday_of(d) for d in got) for pid, got in days.items()}
    rows = tuple(
        ChartRow(week_label(m), m, tuple(float(counts[pid][m]) for pid, _ in partners))
        for m in weeks(first, today)
    )
    return Chart(
        "checkins",
        "Daily check-ins kept per week (of 7)",
        ChartKind.BAR,
        "Week of",
        _unique(name for _, name in partners),
        rows,
    )


def milestones_chart(milestones: Iterable[tuple[date, str]], first: date, today: date) -> Chart:
    """The milestones reached, in order (also drawn as marks on the time charts)."""
    shown = sorted((d, text) for d, text in milestones if first <= d <= today)
    return Chart(
        "milestones",
        "Milestones",
        ChartKind.LINE,
        "Day",
        (),
        tuple(ChartRow(d.isoformat(), d, (), text) for d, text in shown),
        note_heading="Milestone",
    )


# --- "My patterns" ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Moment:
    """One private data point: an entry (with its kind) or a daily check-in."""

    at: datetime  # local time
    kind: str  # a RecordKind value, or "checkin"
    feelings: tuple[str, ...]
    tags: tuple[str, ...] = ()


def feelings_in(text: str, vocabulary: Iterable[str]) -> tuple[str, ...]:
    """The feelings named in free text (a check-in answer), by whole word."""
    words = {w.strip(".,;:!?()\"'“”‘’").casefold() for w in text.split()}
    return tuple(f for f in vocabulary if f in words)


def _time_buckets(first: date, today: date) -> tuple[str, list[date], bool]:
    """Weeks for spans up to about four months, months beyond."""
    if (today - first).days <= 120:
        return "Week of", weeks(first, today), True
    return "Month", months(first, today), False


def feelings_over_time(moments: Sequence[Moment], first: date, today: date) -> Chart:
    inside = [m for m in moments if first <= m.at.date() <= today]
    top = [f for f, _ in Counter(f for m in inside for f in m.feelings).most_common(TOP_FEELINGS)]
    axis, buckets, weekly = _time_buckets(first, today)
    key = monday_of if weekly else month_of
    counts: Counter[tuple[date, str]] = Counter(
        (key(m.at.date()), f) for m in inside for f in m.feelings
    )
    label = week_label if weekly else month_label
    rows = tuple(ChartRow(label(b), b, tuple(float(counts[(b, f)]) for f in top)) for b in buckets)
    return Chart(
        "feelings",
        "My feelings over time (entries and check-ins)",
        ChartKind.LINE,
        axis,
        tuple(top),
        rows,
    )


def _triggers(moments: Sequence[Moment], first: date, today: date) -> list[Moment]:
    return [m for m in moments if m.kind == "trigger" and first <= m.at.date() <= today]


def triggers_by_week(moments: Sequence[Moment], first: date, today: date) -> Chart:
    counts = Counter(monday_of(m.at.date()) for m in _triggers(moments, first, today))
    rows = tuple(ChartRow(week_label(w), w, (float(counts[w]),)) for w in weeks(first, today))
    return Chart(
        "triggers_week", "Triggers noticed per week", ChartKind.BAR, "Week of", ("Triggers",), rows
    )


def triggers_by_weekday(moments: Sequence[Moment], first: date, today: date) -> Chart:
    counts = Counter(m.at.weekday() for m in _triggers(moments, first, today))
    rows = tuple(ChartRow(name, None, (float(counts[i]),)) for i, name in enumerate(WEEKDAY_NAMES))
    return Chart(
        "triggers_weekday", "Triggers by weekday", ChartKind.BAR, "Weekday", ("Triggers",), rows
    )


def triggers_by_hour(moments: Sequence[Moment], first: date, today: date) -> Chart:
    counts = Counter(m.at.hour for m in _triggers(moments, first, today))
    rows = tuple(ChartRow(f"{h:02d}:00", None, (float(counts[h]),)) for h in range(24))
    return Chart(
        "triggers_hour", "Triggers by hour of the day", ChartKind.BAR, "Hour", ("Triggers",), rows
    )


def _top(counter: Counter[str], key: str, title: str, axis: str) -> Chart:
    rows = tuple(ChartRow(name, None, (float(n),)) for name, n in counter.most_common(TOP_LABELS))
    return Chart(key, title, ChartKind.BAR, axis, ("Times",), rows)


def feelings_with_triggers(moments: Sequence[Moment], first: date, today: date) -> Chart:
    counts = Counter(f for m in _triggers(moments, first, today) for f in m.feelings)
    return _top(counts, "trigger_feelings", "Feelings that come with triggers", "Feeling")


def top_tags(moments: Sequence[Moment], first: date, today: date) -> Chart:
    counts = Counter(t for m in moments if first <= m.at.date() <= today for t in m.tags)
    return _top(counts, "tags", "My most used tags", "Tag")
