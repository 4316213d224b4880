"""Setbacks and their repair; wins by hand and milestones detected from the tracker."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import date, datetime, timedelta

from twofold.domain.checkins import CheckinKind, period_of
from twofold.domain.commitments import KEPT_OUTCOMES, Commitment, Periods
from twofold.domain.errors import InvalidInput, NotFound
from twofold.domain.events import (
    SetbackCountermeasure,
    SetbackLogged,
    SetbackStepTaken,
    WinRecorded,
)
from twofold.domain.milestones import (
    Milestone,
    checkins_in_a_row,
    fewer_setbacks,
    first_full_week,
    first_month_at,
    first_month_key,
    first_week_key,
)
from twofold.domain.setbacks import (
    MILESTONE_RUNS,
    RepairStep,
    Setback,
    Win,
    all_kept_run,
    check_setback,
    check_step_order,
)
from twofold.services.commitments import local_today
from twofold.services.progress import ProgressService
from twofold.vault import consent_store, practice_store, priority, progress_store
from twofold.vault.vault import OpenVault, now


class SetbackService:
    def __init__(self, vault: OpenVault) -> None:
        self._vault = vault

    def log(
        self,
        what: str,
        trigger: str = "",
        impact: str = "",
        day: date | None = None,
        *,
        at: datetime | None = None,
    ) -> str:
        what = check_setback(what)
        setback_id = uuid.uuid4().hex
        with self._vault.write("The setback"):
            self._vault.ledger.record(
                SetbackLogged(
                    setback_id, what, day or local_today(), trigger.strip(), impact.strip()
                ),
                at or now(),
            )
        return setback_id

    def all(self) -> list[Setback]:
        return practice_store.setbacks(self._vault.connection)

    def event_ids(self) -> dict[str, str]:
        """setback id → the ledger event that logged it (what ``withdraw`` takes)."""
        return consent_store.setback_event_ids(self._vault.connection)

    def get(self, setback_id: str) -> Setback:
        found = next((s for s in self.all() if s.id == setback_id), None)
        if found is None:
            raise NotFound("There is no such setback.")
        return found

    def step(
        self, setback_id: str, step: RepairStep, note: str = "", *, at: datetime | None = None
    ) -> None:
        """Acknowledge, repair, restore: in that order, each signed by who took it."""
        check_step_order(self.get(setback_id), step)
        with self._vault.write("The repair step"):
            self._vault.ledger.record(SetbackStepTaken(setback_id, step, note.strip()), at or now())

    def add_countermeasure(self, setback_id: str, text: str, *, at: datetime | None = None) -> None:
        self.get(setback_id)
        if not text.strip():
            raise InvalidInput("Describe the counter-measure.")
        with self._vault.write("The counter-measure"):
            self._vault.ledger.record(SetbackCountermeasure(setback_id, text.strip()), at or now())


class WinService:
    def __init__(self, vault: OpenVault) -> None:
        self._vault = vault

    def record(self, text: str, day: date | None = None, *, at: datetime | None = None) -> None:
        if not text.strip():
            raise InvalidInput("Say what went well.")
        self._append(text.strip(), day or local_today(), "", at)

    def _append(
        self,
        text: str,
        day: date,
        milestone: str,
        at: datetime | None = None,
        evidence: str = "",
    ) -> None:
        with self._vault.write("The win"):
            self._vault.ledger.record(WinRecorded(text, day, milestone, evidence), at or now())

    def all(self) -> list[Win]:
        return practice_store.wins(self._vault.connection)

    def detect(self, today: date | None = None) -> list[str]:
        """Milestones reached and not yet celebrated; each becomes a signed win once."""
        today = today or local_today()
        conn = self._vault.connection
        seen = practice_store.milestones(conn)
        found: list[tuple[str, str]] = []
        # Every commitment's outcomes are worked out once (ten years of daily periods),
        # for the run of days with everything kept and for the per-commitment families.
        commitments, outcomes = ProgressService(self._vault).outcomes(today)
        if commitments:
            kept_by_day: dict[date, bool] = {}
            for commitment in commitments:
                priority.pause_point()  # runs in the background: the window first
                for (first, last), outcome in outcomes[commitment.id]:
                    if first != last or outcome is None:
                        continue  # day-long periods only: "n days of every commitment kept"
                    ok = outcome in KEPT_OUTCOMES
                    kept_by_day[first] = kept_by_day.get(first, True) and ok
            run = all_kept_run({d for d, ok in kept_by_day.items() if ok}, today)
            start = today - timedelta(days=run)
            for n in MILESTONE_RUNS:
                if run >= n:
                    found.append(
                        (f"all-kept-{n}-{start.isoformat()}", f"{n} days of every commitment kept")
                    )
        partners = {p.id for p in self._vault.keyslots.partners}
        this_monday = period_of(CheckinKind.WEEKLY, today)[0]
        weeks = [this_monday - timedelta(days=7 * k) for k in range(1, 5)]
        # (author, day) of the weekly reviews since the earliest of those weeks
        weekly = progress_store.checkin_days(conn, str(CheckinKind.WEEKLY), weeks[-1])
        if all(
            partners <= {a for a, day in weekly if period_of(CheckinKind.WEEKLY, day)[0] == w}
            for w in weeks
        ):
            month_key = weeks[-1].isoformat()
            if not any(m.startswith("weekly-month-") for m in seen):
                found.append(
                    (f"weekly-month-{month_key}", "First month with a weekly review every week")
                )
        more = [
            m
            for m in self._more_milestones(today, commitments, outcomes, seen)
            if m.key not in seen
        ]
        new = [(key, text) for key, text in found if key not in seen]
        for key, text in new:
            self._append(text, today, key)
        for milestone in more:
            self._append(milestone.text, milestone.day, milestone.key, evidence=milestone.evidence)
        return [text for _, text in new] + [m.text for m in more]

    def _more_milestones(
        self,
        today: date,
        commitments: list[Commitment],
        outcomes: dict[str, Periods],
        seen: Collection[str] = (),
    ) -> list[Milestone]:
        """Per commitment (first week of every day kept, a month at 90 %), daily
        check-ins in a row, fewer setbacks than the month before (issue 16). A
        commitment's "first" milestones already celebrated (``seen``, by their fixed
        keys) are not looked for again through its whole history."""
        conn = self._vault.connection
        out: list[Milestone] = []
        for commitment in commitments:
            priority.pause_point()
            for key, find in (
                (first_week_key(commitment), first_full_week),
                (first_month_key(commitment), first_month_at),
            ):
                if key in seen:
                    continue
                found = find(commitment, outcomes[commitment.id], today)
                if found is not None:
                    out.append(found)
        days: dict[str, list[date]] = {p.id: [] for p in self._vault.keyslots.partners}
        for author, day in progress_store.checkin_days(conn, str(CheckinKind.DAILY), date.min):
            days.setdefault(author, []).append(day)
        labels = {p.id: p.label for p in self._vault.keyslots.partners}
        out += checkins_in_a_row(days, labels, today)
        setbacks = progress_store.setback_days(conn, today.replace(day=1) - timedelta(days=70))
        fewer = fewer_setbacks(setbacks, today)
        if fewer is not None:
            out.append(fewer)
        return out
