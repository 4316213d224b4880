"""Commitments: propose, accept or decline, check off, acknowledge or add a concern,
renegotiate, end — and the numbers that show how they are kept. Every change is a
signed ledger event. Nothing binds a partner without their own signature (issue 12):
a commitment for the other (or both) is a proposal until each owner accepts it; only
the owner records their outcome; new terms take effect once the other accepts them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from twofold.domain import events
from twofold.domain.agreement import Change
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
from twofold.domain.consent import (
    CommitmentState,
    Consent,
    Renegotiation,
    ResponseKind,
    Terms,
    WeekSummary,
    accept_refusal,
    decline_refusal,
    end_refusal,
    make_refusal,
    outcome_refusal,
    owners_of,
    renegotiation_answer_refusal,
    renegotiation_refusal,
    response_refusal,
    terms_diff,
    week_line,
)
from twofold.domain.errors import InvalidInput, NotAllowed, NotFound
from twofold.services.signing import record_honoured
from twofold.vault import consent_store, practice_store
from twofold.vault.vault import OpenVault


@dataclass(frozen=True, slots=True)
class CommitmentStatus:
    commitment: Commitment
    owner_label: str
    today: Outcome | None  # this period's outcome so far
    due_today: bool
    streak: int
    reliability: float | None
    strength: float


@dataclass(frozen=True, slots=True)
class CommitmentView:
    """A commitment as consent shows it: who proposed it, who still has to accept,
    new terms waiting, who ended it."""

    commitment: Commitment
    owner_label: str
    state: CommitmentState
    proposer: str
    waiting_for: tuple[str, ...]  # labels of owners who have not accepted yet
    declined: tuple[tuple[str, str], ...]  # (label, reason)
    ended_by: tuple[str, ...]  # labels
    pending_terms: Renegotiation | None
    pending_diff: tuple[Change, ...]

    @property
    def is_proposal(self) -> bool:
        return self.state == CommitmentState.PROPOSED


def local_today() -> date:
    return datetime.now().astimezone().date()


class CommitmentService:
    def __init__(self, vault: OpenVault) -> None:
        self._vault = vault

    def _labels(self) -> dict[str, str]:
        labels = self._vault.ledger.partner_labels()
        labels[BOTH] = "Both of us"
        return labels

    def _consent(self, commitment_id: str) -> Consent:
        consent = consent_store.consent_of(self._vault.connection, commitment_id)
        if consent is None:
            raise NotFound("There is no such commitment.")
        return consent

    def _refuse(self, reason: str | None) -> None:
        if reason is not None:
            raise NotAllowed(reason)

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
        other_passphrase: str | None = None,
    ) -> str:
        """Propose a commitment. One for yourself counts at once; one for your partner,
        or for both of you, is a proposal until each owner accepts it with their own
        signature. ``other_passphrase`` (both present, e.g. in a joint session): the
        other partner accepts on the spot by typing their own passphrase."""
        title, hard_day = check_commitment(title, hard_day)
        if owner not in self._labels():
            raise InvalidInput("A commitment belongs to one of you, or to both.")
        partners = consent_store.partners(self._vault.connection)
        self._refuse(make_refusal(self._vault.partner_id, owner, partners))
        commitment_id = uuid.uuid4().hex
        cosigner = self._vault.cosigner(other_passphrase) if other_passphrase else None
        try:
            with self._vault.write("The commitment"):
                record_honoured(
                    self._vault,
                    events.CommitmentMade(
                        commitment_id,
                        title,
                        owner,
                        cadence,
                        start or local_today(),
                        detail.strip(),
                        hard_day,
                    ),
                    at,
                )
                if cosigner is not None and cosigner.partner_id in owners_of(owner, partners):
                    record_honoured(
                        self._vault, events.CommitmentAccepted(commitment_id), at, cosigner=cosigner
                    )
        finally:
            if cosigner is not None:
                cosigner.close()
        return commitment_id

    def accept(self, commitment_id: str, at: datetime | None = None) -> None:
        """Your own signature on a commitment that binds you."""
        consent = self._consent(commitment_id)
        self._refuse(accept_refusal(consent, self._vault.partner_id, self._labels()))
        with self._vault.write("Your acceptance"):
            record_honoured(self._vault, events.CommitmentAccepted(commitment_id), at)

    def decline(self, commitment_id: str, reason: str = "") -> None:
        consent = self._consent(commitment_id)
        self._refuse(decline_refusal(consent, self._vault.partner_id, self._labels()))
        with self._vault.write("Your answer"):
            record_honoured(self._vault, events.CommitmentDeclined(commitment_id, reason.strip()))

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
        """Record how a day went: only its owner can. Returns the check-off's seq."""
        commitment = self.get(commitment_id)
        self._refuse(
            outcome_refusal(
                self._consent(commitment_id), self._vault.partner_id, outcome, self._labels()
            )
        )
        day = day or local_today()
        if day < commitment.start:
            raise InvalidInput("That day is before the commitment began.")
        if day > local_today():
            raise InvalidInput("A check-off is for a day that has come, not one ahead.")
        if commitment.cadence.kind == CadenceKind.DAYS and not commitment.cadence.periods(day, day):
            raise InvalidInput(
                f"“{commitment.title}” is not due on {day:%A}s ({commitment.cadence.describe()})."
            )
        with self._vault.write("The check-off"):
            event = record_honoured(
                self._vault, events.CommitmentChecked(commitment_id, day, outcome, note.strip()), at
            )
        return event.header.seq

    def _check_author(self, check_seq: int) -> CheckOff:
        checks = dict(practice_store.check_offs(self._vault.connection))
        check = checks.get(check_seq)
        if check is None:
            raise NotFound("There is no such check-off.")
        return check

    def acknowledge(self, check_seq: int) -> None:
        """The other partner's "I saw this": distinct from the owner's own check-off."""
        check = self._check_author(check_seq)
        self._refuse(
            response_refusal(check.author, self._vault.partner_id, ResponseKind.ACKNOWLEDGED, "")
        )
        with self._vault.write("The acknowledgement"):
            record_honoured(
                self._vault, events.CommitmentAcknowledged(check.commitment_id, check_seq)
            )

    def concern(self, check_seq: int, text: str) -> None:
        """ "I didn't see this happen": shown beside the check-off, never replacing it."""
        check = self._check_author(check_seq)
        self._refuse(
            response_refusal(check.author, self._vault.partner_id, ResponseKind.CONCERN, text)
        )
        with self._vault.write("The concern"):
            record_honoured(
                self._vault, events.CommitmentConcern(check.commitment_id, check_seq, text.strip())
            )

    def concerns(self) -> dict[int, list[tuple[str, str]]]:
        return consent_store.concerns(self._vault.connection)

    def renegotiate(
        self,
        commitment_id: str,
        title: str,
        cadence: Cadence,
        hard_day: str = "",
        reason: str = "",
        day: date | None = None,
    ) -> str:
        """Propose new terms. They take effect, and the day counts as renegotiated,
        only once the other partner accepts them. Returns the proposal's id."""
        title, hard_day = check_commitment(title, hard_day)
        commitment = self.get(commitment_id)
        old = Terms(commitment.title, commitment.detail, commitment.cadence, commitment.hard_day)
        new = Terms(title, commitment.detail, cadence, hard_day)
        conn = self._vault.connection
        self._refuse(
            renegotiation_refusal(
                self._consent(commitment_id),
                self._vault.partner_id,
                consent_store.pending_renegotiation(conn, commitment_id),
                old,
                new,
            )
        )
        proposal_id = uuid.uuid4().hex
        with self._vault.write("The new terms"):
            record_honoured(
                self._vault,
                events.RenegotiationProposed(
                    proposal_id,
                    commitment_id,
                    title,
                    cadence,
                    day or local_today(),
                    commitment.detail,
                    hard_day,
                    reason.strip(),
                ),
            )
        return proposal_id

    def answer_terms(self, proposal_id: str, accept: bool, reason: str = "") -> None:
        """The other partner accepts (or declines) new terms with their own signature."""
        proposal = consent_store.renegotiation(self._vault.connection, proposal_id)
        self._refuse(renegotiation_answer_refusal(proposal, self._vault.partner_id))
        answer = (
            events.RenegotiationAccepted(proposal_id, reason.strip())
            if accept
            else events.RenegotiationDeclined(proposal_id, reason.strip())
        )
        with self._vault.write("Your answer"):
            record_honoured(self._vault, answer)

    def accept_terms(self, proposal_id: str) -> None:
        self.answer_terms(proposal_id, True)

    def decline_terms(self, proposal_id: str, reason: str = "") -> None:
        self.answer_terms(proposal_id, False, reason)

    def terms_history(self, commitment_id: str) -> list[tuple[Renegotiation, list[Change]]]:
        """Every proposal of new terms, with its word-level changes from the terms
        before it."""
        return [
            (proposal, terms_diff(before, proposal.terms))
            for proposal, before in consent_store.renegotiations_of(
                self._vault.connection, commitment_id
            )
        ]

    def end(self, commitment_id: str, reason: str = "") -> None:
        """Your signature to end it (or to take back your own proposal). Ended by both,
        it is "ended together"; by one, it shows as ended by that partner."""
        consent = self._consent(commitment_id)
        self._refuse(end_refusal(consent, self._vault.partner_id))
        with self._vault.write("The commitment"):
            record_honoured(self._vault, events.CommitmentEnded(commitment_id, reason.strip()))

    def views(self) -> list[CommitmentView]:
        """Every commitment with its consent state (proposals, declined and ended
        ones too), in the order proposed."""
        conn = self._vault.connection
        labels = self._labels()
        out = []
        for commitment in practice_store.commitments(conn, include_ended=True):
            consent = self._consent(commitment.id)
            pending = consent_store.pending_renegotiation(conn, commitment.id)
            diff: tuple[Change, ...] = ()
            if pending is not None:
                before = Terms(
                    commitment.title, commitment.detail, commitment.cadence, commitment.hard_day
                )
                diff = tuple(terms_diff(before, pending.terms))
            out.append(
                CommitmentView(
                    commitment,
                    labels.get(commitment.owner, "?"),
                    consent.state,
                    consent.proposer,
                    tuple(labels.get(p, "?") for p in sorted(consent.waiting_for)),
                    tuple((labels.get(p, "?"), r) for p, r in consent.declined),
                    tuple(labels.get(p, "?") for p in sorted(consent.ended_by)),
                    pending,
                    diff,
                )
            )
        return out

    def waiting_for_me(self) -> list[CommitmentView]:
        """Proposals that need my signature, and new terms my partner proposed."""
        me = self._vault.partner_id
        labels = self._labels()
        mine = labels.get(me, "?")
        return [
            v
            for v in self.views()
            if (v.is_proposal and mine in v.waiting_for)
            or (v.pending_terms is not None and v.pending_terms.proposer != me)
        ]

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

    def week_summary(self, monday: date, today: date | None = None) -> WeekSummary:
        """The week for the weekly review: per commitment that counts, what was
        promised (due periods ending that week), delivered, and what remains hard."""
        today = today or local_today()
        last = monday + timedelta(days=6)
        labels = self._labels()
        everything = [c for _, c in practice_store.check_offs(self._vault.connection)]
        lines = []
        for commitment in practice_store.commitments(self._vault.connection):
            outcomes = period_outcomes(commitment, everything, min(today, last))
            line = week_line(
                commitment.title, labels.get(commitment.owner, "?"), outcomes, monday, last
            )
            if line is not None:
                lines.append(line)
        return WeekSummary(monday, last, tuple(lines))

    def weekly(self, today: date | None = None, weeks: int = 8) -> list[tuple[date, float | None]]:
        everything = [c for _, c in practice_store.check_offs(self._vault.connection)]
        return weekly_reliability(
            practice_store.commitments(self._vault.connection),
            everything,
            today or local_today(),
            weeks,
        )
