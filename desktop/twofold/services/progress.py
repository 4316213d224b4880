"""The long arc: the numbers behind "Our progress" (the shared ledger) and "My patterns"
(the unlocking partner's own journal and check-ins), and the look-backs (issue 16).

``our_progress`` and ``my_patterns`` are what the pages call and what the benchmark
times on the ten-year vault (budget: 300 ms each).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from twofold.domain.checkins import CheckinKind
from twofold.domain.commitments import Commitment, Outcome, Periods, outcomes_from_best
from twofold.domain.errors import NotAllowed
from twofold.domain.progress import (
    ChartRange,
    ChartSet,
    Moment,
    checkins_by_week,
    feelings_in,
    feelings_over_time,
    feelings_with_triggers,
    milestones_chart,
    reliability_by_week,
    strength_by_week,
    top_tags,
    triggers_by_hour,
    triggers_by_week,
    triggers_by_weekday,
    wins_and_setbacks_by_month,
)
from twofold.services.commitments import local_today
from twofold.services.content import feelings
from twofold.vault import practice_store, priority, progress_store
from twofold.vault.vault import OpenVault

SHARED_CHARTS = ("reliability", "strength", "wins_setbacks", "checkins", "milestones")
PRIVATE_CHARTS = (
    "feelings",
    "triggers_week",
    "triggers_weekday",
    "triggers_hour",
    "trigger_feelings",
    "tags",
)


@dataclass(frozen=True, slots=True)
class Improvements:
    weeks: int
    wins: tuple[tuple[date, str], ...]  # newest first
    kept: tuple[tuple[str, int, int], ...]  # (commitment, times kept, times decided)

    @property
    def empty(self) -> bool:
        return not self.wins and not self.kept


def _local(moment: datetime) -> datetime:
    """Local wall-clock time, naive (what the patterns count: days, weekdays, hours)."""
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment


class ProgressService:
    def __init__(self, vault: OpenVault) -> None:
        self._vault = vault
        # Every commitment's periods and outcomes since it began, worked out once per
        # ledger head and day: changing the range, or coming back to the page, reuses
        # them until something new is signed.
        self._outcomes: tuple[object, tuple[list[Commitment], dict[str, Periods]]] | None = None

    def outcomes(self, today: date) -> tuple[list[Commitment], dict[str, Periods]]:
        """The accepted commitments and each one's (period, outcome) list up to ``today``."""
        key = (self._vault.ledger.head(), today)
        if self._outcomes is not None and self._outcomes[0] == key:
            return self._outcomes[1]
        conn = self._vault.connection
        commitments = practice_store.commitments(conn)
        best = progress_store.best_outcomes_by_day(conn)
        by_id: dict[str, Periods] = {}
        for commitment in commitments:
            priority.pause_point()  # when detection runs this in the background
            by_id[commitment.id] = outcomes_from_best(
                commitment, best.get(commitment.id, {}), today
            )
        found = (commitments, by_id)
        self._outcomes = (key, found)
        return found

    def our_progress(
        self, chart_range: ChartRange = ChartRange.ALL, today: date | None = None
    ) -> ChartSet:
        """Reliability per week (all commitments and each), strength over time, wins and
        setbacks per month, daily check-ins kept per week, milestones on the time axis."""
        today = today or local_today()
        conn = self._vault.connection
        first = chart_range.first_day(today, progress_store.earliest_shared_day(conn))
        commitments, outcomes = self.outcomes(today)
        wins = progress_store.win_days(conn, first)
        milestones = tuple((day, text) for day, text, key in wins if key)
        partners = [(p.id, p.label) for p in self._vault.keyslots.partners]
        daily = progress_store.checkin_days(conn, str(CheckinKind.DAILY), first)
        charts = (
            reliability_by_week(commitments, outcomes, first, today, milestones),
            strength_by_week(commitments, outcomes, first, today, milestones),
            wins_and_setbacks_by_month(
                [d for d, _, _ in wins], progress_store.setback_days(conn, first), first, today
            ),
            checkins_by_week(daily, partners, first, today),
            milestones_chart(milestones, first, today),
        )
        return ChartSet(chart_range, first, today, charts)

    def recent_improvements(self, today: date | None = None, weeks: int = 4) -> Improvements:
        """What the couple built lately, to show after a setback ("remind yourselves of
        the improvements you have already achieved"): the wins of the last ``weeks``
        weeks, and how often each commitment was kept in them."""
        today = today or local_today()
        since = today - timedelta(days=7 * weeks - 1)
        conn = self._vault.connection
        commitments, outcomes = self.outcomes(today)
        kept = []
        for commitment in commitments:
            inside = [
                o
                for (_first, last), o in outcomes[commitment.id]
                if last >= since and o is not None and o != Outcome.RENEGOTIATED
            ]
            done = sum(1 for o in inside if o.counts_as_kept)
            if done:
                kept.append((commitment.title, done, len(inside)))
        wins = [(day, text) for day, text, _ in progress_store.win_days(conn, since)]
        return Improvements(weeks, tuple(reversed(wins)), tuple(kept))

    def my_patterns(
        self, chart_range: ChartRange = ChartRange.ALL, today: date | None = None
    ) -> ChartSet:
        """Own feelings over time (entries and daily check-ins), triggers per week and by
        weekday and hour, the feelings that come with triggers, the most used tags."""
        if self._vault.journal is None:
            raise NotAllowed("Your patterns come from your private journal, locked in a session.")
        today = today or local_today()
        conn = self._vault.connection
        earliest_record = progress_store.earliest_record(conn)
        earliest = _local(earliest_record).date() if earliest_record else None
        first = chart_range.first_day(today, earliest)
        # A day of margin either side of the UTC boundary; the domain keeps local days.
        since = datetime.combine(first - timedelta(days=2), time(), UTC)
        moments = [
            Moment(_local(at), kind, feelings_, tags)
            for kind, feelings_, tags, at in progress_store.record_facts(conn, since)
        ]
        vocabulary = feelings()
        for at, answers in progress_store.own_checkin_answers(
            conn, self._vault.partner_id, str(CheckinKind.DAILY), first
        ):
            said = next((a for q, a in answers if "feeling" in q.casefold()), "")
            named = feelings_in(said, vocabulary)
            if named:
                moments.append(Moment(_local(at), "checkin", named))
        charts = (
            feelings_over_time(moments, first, today),
            triggers_by_week(moments, first, today),
            triggers_by_weekday(moments, first, today),
            triggers_by_hour(moments, first, today),
            feelings_with_triggers(moments, first, today),
            top_tags(moments, first, today),
        )
        return ChartSet(chart_range, first, today, charts)
