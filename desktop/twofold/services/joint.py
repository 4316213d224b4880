"""Joint sessions: opened when both partners are present (each signs with their own
passphrase), with an agenda, notes, outcomes, and therapy objectives tracked across
sessions."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from twofold.domain.consent import DEFAULT_ORDER, AgendaSection, TalkRequest, agenda_order
from twofold.domain.dialogue import SessionKind
from twofold.domain.errors import InvalidInput, NotAllowed, NotFound
from twofold.domain.events import (
    ObjectiveProgress,
    ObjectiveSet,
    SessionClosed,
    SessionCosigned,
    SessionNote,
    SessionOpened,
    SessionOutcome,
    SessionSummaryAgreed,
)
from twofold.domain.ledger import TimelineItem
from twofold.domain.setbacks import Setback
from twofold.services.commitments import CommitmentService, CommitmentStatus
from twofold.services.consent import RequestService
from twofold.services.setbacks import SetbackService
from twofold.services.signing import record_honoured
from twofold.services.timeline import TimelineService
from twofold.vault import consent_store, practice_store
from twofold.vault.vault import OpenVault, now

REVIEW_BELOW = 0.8  # commitments kept less often than this come up for review


@dataclass(frozen=True, slots=True)
class Agenda:
    new_shares: list[TimelineItem]
    commitments_to_review: list[CommitmentStatus]
    open_setbacks: list[Setback]
    requests: list[TalkRequest] = field(default_factory=list)
    # the order the sections are shown in: requests to talk always lead, then the order
    # the hurt partner chose (where the couple named one), else the default
    order: tuple[AgendaSection, ...] = DEFAULT_ORDER
    # how many commitments have a record to judge: with none, nothing was "kept well"
    commitments_with_record: int = 0


class JointSessionService:
    def __init__(self, vault: OpenVault) -> None:
        self._vault = vault

    def agenda(self) -> Agenda:
        shares = TimelineService(self._vault).agenda()
        judged = [s for s in CommitmentService(self._vault).statuses() if s.reliability is not None]
        review = [s for s in judged if s.reliability is not None and s.reliability < REVIEW_BELOW]
        setbacks = [s for s in SetbackService(self._vault).all() if s.open]
        requests = RequestService(self._vault).open_requests()
        order = agenda_order(consent_store.pace(self._vault.connection))
        return Agenda(shares, review, setbacks, requests, order, len(judged))

    def open(self, kind: SessionKind, other_passphrase: str, *, at: datetime | None = None) -> str:
        """Both present: this partner opens, the other co-signs with their passphrase
        (the KDF runs here: call from a worker)."""
        if self.current() is not None:
            raise NotAllowed("A joint session is already open; end it first.")
        cosigner = self._vault.cosigner(other_passphrase)
        session_id = uuid.uuid4().hex
        try:
            at = at or now()
            agenda = self.agenda()
            with self._vault.write("The joint session"):
                self._vault.ledger.record(
                    SessionOpened(session_id, kind, tuple(i.event_id for i in agenda.new_shares)),
                    at,
                )
                cosigner.record(SessionCosigned(session_id), at)
        finally:
            cosigner.close()
        return session_id

    def sessions(self) -> list[dict[str, Any]]:
        return practice_store.joint_sessions(self._vault.connection)

    def current(self) -> dict[str, Any] | None:
        return next((s for s in self.sessions() if s["closed_at"] is None), None)

    def _add(self, event: SessionNote | SessionOutcome, at: datetime | None) -> None:
        if not event.text:
            raise InvalidInput("Write something first.")
        with self._vault.write("The session"):
            self._vault.ledger.record(event, at or now())

    def note(self, session_id: str, text: str, *, at: datetime | None = None) -> None:
        self._add(SessionNote(session_id, text.strip()), at)

    def outcome(self, session_id: str, text: str, *, at: datetime | None = None) -> None:
        self._add(SessionOutcome(session_id, text.strip()), at)

    def close(
        self,
        session_id: str,
        summary: str = "",
        other_passphrase: str | None = None,
        *,
        at: datetime | None = None,
    ) -> None:
        """End the session. A summary speaks for both: it carries both signatures when
        the other partner types their passphrase here (``other_passphrase``), else it
        shows as this partner's proposal until the other agrees to it."""
        cosigner = (
            self._vault.cosigner(other_passphrase) if other_passphrase and summary.strip() else None
        )
        try:
            with self._vault.write("The session"):
                record_honoured(self._vault, SessionClosed(session_id, summary.strip()), at)
                if cosigner is not None:
                    record_honoured(
                        self._vault, SessionSummaryAgreed(session_id), at, cosigner=cosigner
                    )
        finally:
            if cosigner is not None:
                cosigner.close()
        TimelineService(self._vault).mark_session_held()

    def agree_summary(self, session_id: str) -> None:
        """The other partner's signature under a session's summary."""
        found = consent_store.session_summary(self._vault.connection, session_id)
        if found is None:
            raise NotFound("There is no ended session with that id.")
        _, closed_by, agreed_by = found
        if closed_by == self._vault.partner_id:
            raise NotAllowed("Your partner agrees to the summary you wrote, with their signature.")
        if agreed_by:
            raise NotAllowed("You have already agreed to this summary.")
        with self._vault.write("Your agreement"):
            record_honoured(self._vault, SessionSummaryAgreed(session_id))

    def summary(self, session_id: str) -> tuple[str, str, str] | None:
        """(summary, ended by, agreed by — "" while it is one partner's proposal)."""
        return consent_store.session_summary(self._vault.connection, session_id)

    def notes(self, session_id: str) -> list[tuple[str, str, str, str]]:
        """(event id, kind, author, text) of a session's notes and outcomes."""
        return consent_store.session_item_ids(self._vault.connection, session_id)

    # --- therapy objectives -------------------------------------------------------

    def set_objective(self, text: str, *, at: datetime | None = None) -> str:
        if not text.strip():
            raise InvalidInput("Describe the objective.")
        objective_id = uuid.uuid4().hex
        with self._vault.write("The objective"):
            self._vault.ledger.record(ObjectiveSet(objective_id, text.strip()), at or now())
        return objective_id

    def progress(
        self, objective_id: str, note: str, session_id: str = "", *, at: datetime | None = None
    ) -> None:
        if not note.strip():
            raise InvalidInput("Say what moved.")
        with self._vault.write("The objective"):
            self._vault.ledger.record(
                ObjectiveProgress(objective_id, note.strip(), session_id), at or now()
            )

    def objectives(self) -> list[tuple[str, str, list[tuple[str, str, datetime]]]]:
        return practice_store.objectives(self._vault.connection)
