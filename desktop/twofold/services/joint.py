"""Joint sessions: opened when both partners are present (each signs with their own
passphrase), with an agenda, notes, outcomes, and therapy objectives tracked across
sessions."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from twofold.domain.dialogue import SessionKind
from twofold.domain.errors import InvalidInput, NotAllowed
from twofold.domain.events import (
    ObjectiveProgress,
    ObjectiveSet,
    SessionClosed,
    SessionCosigned,
    SessionNote,
    SessionOpened,
    SessionOutcome,
)
from twofold.domain.ledger import TimelineItem
from twofold.domain.setbacks import Setback
from twofold.services.commitments import CommitmentService, CommitmentStatus
from twofold.services.setbacks import SetbackService
from twofold.services.timeline import TimelineService
from twofold.vault import practice_store
from twofold.vault.vault import OpenVault, now

REVIEW_BELOW = 0.8  # commitments kept less often than this come up for review


@dataclass(frozen=True, slots=True)
class Agenda:
    new_shares: list[TimelineItem]
    commitments_to_review: list[CommitmentStatus]
    open_setbacks: list[Setback]


class JointSessionService:
    def __init__(self, vault: OpenVault) -> None:
        self._vault = vault

    def agenda(self) -> Agenda:
        shares = TimelineService(self._vault).agenda()
        review = [
            s
            for s in CommitmentService(self._vault).statuses()
            if s.reliability is not None and s.reliability < REVIEW_BELOW
        ]
        setbacks = [s for s in SetbackService(self._vault).all() if s.open]
        return Agenda(shares, review, setbacks)

    def open(self, kind: SessionKind, other_passphrase: str) -> str:
        """Both present: this partner opens, the other co-signs with their passphrase
        (the KDF runs here: call from a worker)."""
        if self.current() is not None:
            raise NotAllowed("A joint session is already open; end it first.")
        cosigner = self._vault.cosigner(other_passphrase)
        session_id = uuid.uuid4().hex
        try:
            at = now()
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

    def _add(self, event: SessionNote | SessionOutcome) -> None:
        if not event.text:
            raise InvalidInput("Write something first.")
        with self._vault.write("The session"):
            self._vault.ledger.record(event, now())

    def note(self, session_id: str, text: str) -> None:
        self._add(SessionNote(session_id, text.strip()))

    def outcome(self, session_id: str, text: str) -> None:
        self._add(SessionOutcome(session_id, text.strip()))

    def close(self, session_id: str, summary: str = "") -> None:
        with self._vault.write("The session"):
            self._vault.ledger.record(SessionClosed(session_id, summary.strip()), now())
        TimelineService(self._vault).mark_session_held()

    # --- therapy objectives -------------------------------------------------------

    def set_objective(self, text: str) -> str:
        if not text.strip():
            raise InvalidInput("Describe the objective.")
        objective_id = uuid.uuid4().hex
        with self._vault.write("The objective"):
            self._vault.ledger.record(ObjectiveSet(objective_id, text.strip()), now())
        return objective_id

    def progress(self, objective_id: str, note: str, session_id: str = "") -> None:
        if not note.strip():
            raise InvalidInput("Say what moved.")
        with self._vault.write("The objective"):
            self._vault.ledger.record(
                ObjectiveProgress(objective_id, note.strip(), session_id), now()
            )

    def objectives(self) -> list[tuple[str, str, list[tuple[str, str, datetime]]]]:
        return practice_store.objectives(self._vault.connection)
