"""Commitments: make, check off, acknowledge, renegotiate, end — and the numbers that
show how they are kept. Every change is a signed ledger event; either partner can
record, and the owner's check-off and the partner's acknowledgement stay distinct."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from twofold.domain.commitments import (
    BOTH,
    Cadence,
    CadenceKind,
    CheckOff,
    Commitment,
    Outcome,
    check_commitment,
    period_outcomes,
    reliability_of,
    streak_of,
    strength_of,
    weekly_reliability,
)
from twofold.domain.errors import InvalidInput, NotAllowed, NotFound
from twofold.domain.events import (
    CommitmentAcknowledged,
    CommitmentAmended,
    CommitmentChecked,
    CommitmentEnded,
    CommitmentMade,
)
from twofold.vault import practice_store
from twofold.vault.vault import OpenVault, now


@dataclass(frozen=True, slots=True)
class CommitmentStatus:
    commitment: Commitment
    owner_label: str
    today: Outcome | None  # this period's outcome so far
    due_today: bool
    streak: int
    reliability: float | None
    strength: float


def local_today() -> date:
    return datetime.now().astimezone().date()


class CommitmentService:
    def __init__(self, vault: OpenVault) -> None:
        self._vault = vault

    def _labels(self) -> dict[str, str]:
        labels = self._vault.ledger.partner_labels()
        labels[BOTH] = "Both of us"
        return labels

    def make(
        self,
        title: str,
        cadence: Cadence,
        *,
        owner: str = BOTH,
        detail: str = "",
        hard_day: str = "",
        start: date | None = None,
        at: datetime | None = None,
    ) -> str:
        title, hard_day = check_commitment(title, hard_day)
        if owner not in self._labels():
            raise InvalidInput("A commitment belongs to one of you, or to both.")
        commitment_id = uuid.uuid4().hex
        with self._vault.write("The commitment"):
            self._vault.ledger.record(
                CommitmentMade(
                    commitment_id=commitment_id,
                    title=title,
                    owner=owner,
                    cadence=cadence,
                    start=start or local_today(),
                    detail=detail.strip(),
                    hard_day=hard_day,
                ),
                at or now(),
            )
        return commitment_id

    def get(self, commitment_id: str) -> Commitment:
        for commitment in practice_store.commitments(self._vault.connection, include_ended=True):
            if commitment.id == commitment_id:
                return commitment
        raise NotFound("There is no such commitment.")

    def check(
        self,
        commitment_id: str,
        outcome: Outcome,
        day: date | None = None,
        note: str = "",
        at: datetime | None = None,
    ) -> int:
        """Record how a day went. Returns the check-off's ledger seq."""
        commitment = self.get(commitment_id)
        day = day or local_today()
        if day < commitment.start:
            raise InvalidInput("That day is before the commitment began.")
        if day > local_today():
            raise InvalidInput("A check-off is for a day that has come, not one ahead.")
        if (
            commitment.cadence.kind == CadenceKind.DAYS
            and outcome != Outcome.RENEGOTIATED
            and not commitment.cadence.periods(day, day)
        ):
            raise InvalidInput(
                f"“{commitment.title}” is not due on {day:%A}s ({commitment.cadence.describe()})."
            )
        with self._vault.write("The check-off"):
            event = self._vault.ledger.record(
                CommitmentChecked(commitment_id, day, outcome, note.strip()), at or now()
            )
        return event.header.seq

    def acknowledge(self, check_seq: int) -> None:
        """The other partner's "I saw this": distinct from the owner's own check-off."""
        checks = dict(practice_store.check_offs(self._vault.connection))
        check = checks.get(check_seq)
        if check is None:
            raise NotFound("There is no such check-off.")
        if check.author == self._vault.partner_id:
            raise NotAllowed("Your partner acknowledges your check-off, not you.")
        with self._vault.write("The acknowledgement"):
            self._vault.ledger.record(CommitmentAcknowledged(check.commitment_id, check_seq), now())

    def renegotiate(
        self,
        commitment_id: str,
        title: str,
        cadence: Cadence,
        hard_day: str = "",
        reason: str = "",
        day: date | None = None,
    ) -> None:
        """New terms, agreed; that day counts as renegotiated, not missed."""
        title, hard_day = check_commitment(title, hard_day)
        commitment = self.get(commitment_id)
        when = now()
        with self._vault.write("The new terms"):
            self._vault.ledger.record(
                CommitmentChecked(
                    commitment_id, day or local_today(), Outcome.RENEGOTIATED, reason.strip()
                ),
                when,
            )
            self._vault.ledger.record(
                CommitmentAmended(
                    commitment_id=commitment_id,
                    title=title,
                    cadence=cadence,
                    detail=commitment.detail,
                    hard_day=hard_day,
                    reason=reason.strip(),
                ),
                when,
            )

    def end(self, commitment_id: str, reason: str = "") -> None:
        self.get(commitment_id)
        with self._vault.write("The commitment"):
            self._vault.ledger.record(CommitmentEnded(commitment_id, reason.strip()), now())

    def check_offs(self, commitment_id: str) -> list[tuple[int, CheckOff]]:
        return practice_store.check_offs(self._vault.connection, commitment_id)

    def statuses(self, today: date | None = None) -> list[CommitmentStatus]:
        today = today or local_today()
        labels = self._labels()
        everything = [c for _, c in practice_store.check_offs(self._vault.connection)]
        out = []
        for commitment in practice_store.commitments(self._vault.connection):
            checks = [c for c in everything if c.commitment_id == commitment.id]
            periods = commitment.cadence.periods(commitment.start, today)
            outcomes = period_outcomes(commitment, checks, today)
            current = None
            due_today = bool(periods) and periods[-1][0] <= today <= periods[-1][1]
            if periods and periods[-1][1] >= today:
                first, last = periods[-1]
                inside = [c.outcome for c in checks if first <= c.day <= last]
                current = inside[-1] if inside else None
            out.append(
                CommitmentStatus(
                    commitment,
                    labels.get(commitment.owner, "?"),
                    current,
                    due_today,
                    streak_of(outcomes),
                    reliability_of(outcomes),
                    strength_of(commitment.cadence.kind, outcomes),
                )
            )
        return out

    def weekly(self, today: date | None = None, weeks: int = 8) -> list[tuple[date, float | None]]:
        everything = [c for _, c in practice_store.check_offs(self._vault.connection)]
        return weekly_reliability(
            practice_store.commitments(self._vault.connection),
            everything,
            today or local_today(),
            weeks,
        )
