"""The typed ledger events after the genesis: one frozen value class per kind.

Defined apart from ``twofold.domain.events`` (which re-exports every name here) so
that opening a vault builds only the genesis: some fifty dataclasses cost tens of
milliseconds to create, which a command such as ``twofold search`` never needs. The
first use of any of these names through ``events`` (or ``decode``) imports this
module; see ``events.__getattr__``. A new kind: its class here with ``@event``, and
its name in ``events.__all__`` and in the TYPE_CHECKING import there
(tests/unit/test_cli_start.py fails on a class ``events`` does not offer).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, ClassVar, Self

from twofold.domain.checkins import CheckinKind
from twofold.domain.commitments import Cadence, Outcome
from twofold.domain.consent import RequestKind
from twofold.domain.dialogue import SessionKind
from twofold.domain.events import EventData, event
from twofold.domain.ledger import EventKind
from twofold.domain.setbacks import RepairStep
from twofold.domain.valueclass import valueclass

# --- reflections -------------------------------------------------------------------


@event
@valueclass
class ReflectionShared(EventData):
    kind: ClassVar[EventKind] = EventKind.REFLECTION_SHARED
    text: str
    request: str = ""


@event
@valueclass
class KeysChanged(EventData):
    """A partner's key slots were replaced (new journal key): ``how`` is "change",
    "reset" (with the recovery code) or "renew" (a new recovery code); ``slots`` are
    the new slot ids in keyslots.json.

    ``public_key`` (hex) is the partner's new Ed25519 signing key: the event is signed
    with the key it replaces, and from the next event on the ledger accepts only the
    new one for that partner (docs/FORMAT.md, "The signing key's lifetime"). Empty in
    events signed before keys were rotated: those changed no signing key."""

    kind: ClassVar[EventKind] = EventKind.KEYS_CHANGED
    partner: str
    how: str
    slots: tuple[str, ...] = ()
    public_key: str = ""


@event
@valueclass
class ReflectionRetracted(EventData):
    kind: ClassVar[EventKind] = EventKind.REFLECTION_RETRACTED
    target: str  # event id of the shared reflection


# --- commitments and the safety plan ---------------------------------------------


@event
@valueclass
class CommitmentMade(EventData):
    kind: ClassVar[EventKind] = EventKind.COMMITMENT_MADE
    commitment_id: str
    title: str
    owner: str
    cadence: Cadence
    start: date
    detail: str = ""
    hard_day: str = ""


@event
@valueclass
class CommitmentAmended(EventData):
    kind: ClassVar[EventKind] = EventKind.COMMITMENT_AMENDED
    commitment_id: str
    title: str
    cadence: Cadence
    detail: str = ""
    hard_day: str = ""
    reason: str = ""


@event
@valueclass
class CommitmentChecked(EventData):
    kind: ClassVar[EventKind] = EventKind.COMMITMENT_CHECKED
    commitment_id: str
    day: date
    outcome: Outcome
    note: str = ""


@event
@valueclass
class CommitmentAcknowledged(EventData):
    kind: ClassVar[EventKind] = EventKind.COMMITMENT_ACKNOWLEDGED
    commitment_id: str
    check_seq: int


@event
@valueclass
class CommitmentEnded(EventData):
    kind: ClassVar[EventKind] = EventKind.COMMITMENT_ENDED
    commitment_id: str
    reason: str = ""


@event
@valueclass
class SafetyPlanUpdated(EventData):
    kind: ClassVar[EventKind] = EventKind.SAFETY_PLAN_UPDATED
    plan: dict[str, Any]


# --- the agreement and check-ins ---------------------------------------------------


@event
@valueclass
class AgreementProposed(EventData):
    kind: ClassVar[EventKind] = EventKind.AGREEMENT_PROPOSED
    version_id: str
    sections: dict[str, str]
    note: str = ""


@event
@valueclass
class AgreementAcknowledged(EventData):
    kind: ClassVar[EventKind] = EventKind.AGREEMENT_ACKNOWLEDGED
    version_id: str


@event
@valueclass
class CheckinSubmitted(EventData):
    kind: ClassVar[EventKind] = EventKind.CHECKIN_SUBMITTED
    checkin: CheckinKind
    day: date
    answers: tuple[tuple[str, str], ...]  # (question as asked, answer)

    # the payload calls the check-in's kind "kind"
    def to_payload(self) -> dict[str, Any]:
        return {
            "kind": self.checkin.value,
            "day": self.day.isoformat(),
            "answers": [[q, a] for q, a in self.answers],
        }

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Self:
        renamed = {k: v for k, v in payload.items() if k != "kind"}
        renamed["checkin"] = payload["kind"]
        return EventData.from_payload.__func__(cls, renamed)  # type: ignore[attr-defined, no-any-return]


# --- setbacks, wins, together ------------------------------------------------------


@event
@valueclass
class SetbackLogged(EventData):
    kind: ClassVar[EventKind] = EventKind.SETBACK_LOGGED
    setback_id: str
    what: str
    day: date
    trigger: str = ""
    impact: str = ""


@event
@valueclass
class SetbackStepTaken(EventData):
    kind: ClassVar[EventKind] = EventKind.SETBACK_STEP
    setback_id: str
    step: RepairStep
    note: str = ""


@event
@valueclass
class SetbackCountermeasure(EventData):
    kind: ClassVar[EventKind] = EventKind.SETBACK_COUNTERMEASURE
    setback_id: str
    text: str


@event
@valueclass
class WinRecorded(EventData):
    kind: ClassVar[EventKind] = EventKind.WIN_RECORDED
    text: str
    day: date
    milestone: str = ""  # the detector's key; "" for a win recorded by hand
    evidence: str = ""  # a detected milestone's evidence, in plain words (issue 16)


@event
@valueclass
class AppreciationRecorded(EventData):
    kind: ClassVar[EventKind] = EventKind.APPRECIATION
    text: str


@event
@valueclass
class ValuesSet(EventData):
    kind: ClassVar[EventKind] = EventKind.VALUES_SET
    values: tuple[str, ...]


@event
@valueclass
class StoryChapter(EventData):
    kind: ClassVar[EventKind] = EventKind.STORY_CHAPTER
    title: str
    text: str


# --- joint sessions and therapy objectives ------------------------------------------


@event
@valueclass
class SessionOpened(EventData):
    kind: ClassVar[EventKind] = EventKind.SESSION_OPENED
    session_id: str
    session: SessionKind
    agenda: tuple[str, ...] = ()  # event ids of the new shares discussed

    def to_payload(self) -> dict[str, Any]:
        return {
            "session_id": self.session_id,
            "kind": self.session.value,
            "agenda": list(self.agenda),
        }

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Self:
        renamed = {k: v for k, v in payload.items() if k != "kind"}
        renamed["session"] = payload["kind"]
        return EventData.from_payload.__func__(cls, renamed)  # type: ignore[attr-defined, no-any-return]


@event
@valueclass
class SessionCosigned(EventData):
    kind: ClassVar[EventKind] = EventKind.SESSION_COSIGNED
    session_id: str


@event
@valueclass
class SessionNote(EventData):
    kind: ClassVar[EventKind] = EventKind.SESSION_NOTE
    session_id: str
    text: str


@event
@valueclass
class SessionOutcome(EventData):
    kind: ClassVar[EventKind] = EventKind.SESSION_OUTCOME
    session_id: str
    text: str


@event
@valueclass
class SessionClosed(EventData):
    kind: ClassVar[EventKind] = EventKind.SESSION_CLOSED
    session_id: str
    summary: str = ""


@event
@valueclass
class ObjectiveSet(EventData):
    kind: ClassVar[EventKind] = EventKind.OBJECTIVE_SET
    objective_id: str
    text: str


@event
@valueclass
class ObjectiveProgress(EventData):
    kind: ClassVar[EventKind] = EventKind.OBJECTIVE_PROGRESS
    objective_id: str
    note: str
    session_id: str = ""


# --- exports and leaving (issue 15) --------------------------------------------------
# --- consent in every shared practice (issue 12) -------------------------------------


@event
@valueclass
class ExportMade(EventData):
    """A report of shared content left the vault: what, which range, which format,
    and the SHA-256 of the file written. Signed by the partner who made it."""

    kind: ClassVar[EventKind] = EventKind.EXPORT_MADE
    export_id: str
    format: str
    start: date
    end: date
    sections: tuple[str, ...]
    sha256: str
    private_entries: int = 0  # how many of the maker's own private entries they chose
    # the id of the partner who had left the vault (their signed partner.left): the
    # report was made by the one who stayed, alone; "" = both signed (export.agreed)
    after_left: str = ""


@event
@valueclass
class ConsentAdopted(EventData):
    """From this event on, every commitment, outcome, check-in and action for both is
    judged by the consent rules (``domain/consent.py``); before it, events keep their
    old meaning (a commitment made then counts as accepted by its owners)."""

    kind: ClassVar[EventKind] = EventKind.CONSENT_ADOPTED
    rules: int = 1


@event
@valueclass
class ExportAgreed(EventData):
    """The other partner's signature on an export (they typed their own passphrase)."""

    kind: ClassVar[EventKind] = EventKind.EXPORT_AGREED
    export_id: str


@event
@valueclass
class CommitmentAccepted(EventData):
    """The signer's own acceptance: who accepts is the signed author, never a field."""

    kind: ClassVar[EventKind] = EventKind.COMMITMENT_ACCEPTED
    commitment_id: str


@event
@valueclass
class PartnerLeft(EventData):
    """A partner left the vault; the shared ledger is re-keyed right after, so their
    key opens nothing written from here on. ``copy`` tells whether they took a
    read-only copy of the shared history up to this event (both consenting)."""

    kind: ClassVar[EventKind] = EventKind.PARTNER_LEFT
    partner: str
    copy: bool = False


@event
@valueclass
class CommitmentDeclined(EventData):
    kind: ClassVar[EventKind] = EventKind.COMMITMENT_DECLINED
    commitment_id: str
    reason: str = ""


@event
@valueclass
class CommitmentConcern(EventData):
    """ "I didn't see this happen": shown beside a check-off, never replacing it."""

    kind: ClassVar[EventKind] = EventKind.COMMITMENT_CONCERN
    commitment_id: str
    check_seq: int
    text: str


@event
@valueclass
class RenegotiationProposed(EventData):
    kind: ClassVar[EventKind] = EventKind.RENEGOTIATION_PROPOSED
    proposal_id: str
    commitment_id: str
    title: str
    cadence: Cadence
    day: date  # counts as renegotiated once the other accepts
    detail: str = ""
    hard_day: str = ""
    reason: str = ""


@event
@valueclass
class RenegotiationAccepted(EventData):
    kind: ClassVar[EventKind] = EventKind.RENEGOTIATION_ACCEPTED
    proposal_id: str
    reason: str = ""


@event
@valueclass
class RenegotiationDeclined(EventData):
    kind: ClassVar[EventKind] = EventKind.RENEGOTIATION_DECLINED
    proposal_id: str
    reason: str = ""


@event
@valueclass
class CheckinSealed(EventData):
    """A salted hash of the answers, published first; the answers wait in the
    author's private journal until revealed."""

    kind: ClassVar[EventKind] = EventKind.CHECKIN_SEALED
    checkin_id: str
    checkin: CheckinKind
    day: date
    digest: str  # hex sha256, see domain.consent.seal_digest

    def to_payload(self) -> dict[str, Any]:
        return {
            "checkin_id": self.checkin_id,
            "kind": self.checkin.value,
            "day": self.day.isoformat(),
            "digest": self.digest,
        }

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Self:
        renamed = {k: v for k, v in payload.items() if k != "kind"}
        renamed["checkin"] = payload["kind"]
        return EventData.from_payload.__func__(cls, renamed)  # type: ignore[attr-defined, no-any-return]


@event
@valueclass
class CheckinRevealed(EventData):
    kind: ClassVar[EventKind] = EventKind.CHECKIN_REVEALED
    checkin_id: str
    salt: str  # hex
    answers: tuple[tuple[str, str], ...]


@event
@valueclass
class ItemWithdrawn(EventData):
    """The author withdrew an item they wrote: its payload is removed (NULL), this
    signed trace stays, as a retraction does for a shared reflection."""

    kind: ClassVar[EventKind] = EventKind.ITEM_WITHDRAWN
    target: str  # event id
    # a withdrawn setback stays, without its words, for the steps the partner took on
    # it: its id is said here, since the target's payload (which held it) is gone
    setback_id: str = ""


@event
@valueclass
class RolesProposed(EventData):
    """Who was hurt, in the couple's own words, or nobody named (``hurt`` empty)."""

    kind: ClassVar[EventKind] = EventKind.ROLES_PROPOSED
    proposal_id: str
    hurt: tuple[str, ...]  # partner ids
    words: str = ""


@event
@valueclass
class RolesAccepted(EventData):
    kind: ClassVar[EventKind] = EventKind.ROLES_ACCEPTED
    proposal_id: str


@event
@valueclass
class PaceSet(EventData):
    kind: ClassVar[EventKind] = EventKind.PACE_SET
    review_every_weeks: int
    agenda_order: tuple[str, ...]


@event
@valueclass
class RequestRaised(EventData):
    """ "A boundary feels strained" or "I'd like us to talk about …"."""

    kind: ClassVar[EventKind] = EventKind.REQUEST_RAISED
    request_id: str
    request: RequestKind
    boundary: str = ""
    words: str = ""

    def to_payload(self) -> dict[str, Any]:
        return {
            "request_id": self.request_id,
            "kind": self.request.value,
            "boundary": self.boundary,
            "words": self.words,
        }

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Self:
        renamed = {k: v for k, v in payload.items() if k != "kind"}
        renamed["request"] = payload["kind"]
        return EventData.from_payload.__func__(cls, renamed)  # type: ignore[attr-defined, no-any-return]


@event
@valueclass
class RequestAnswered(EventData):
    kind: ClassVar[EventKind] = EventKind.REQUEST_ANSWERED
    request_id: str
    words: str


@event
@valueclass
class SessionSummaryAgreed(EventData):
    kind: ClassVar[EventKind] = EventKind.SESSION_SUMMARY_AGREED
    session_id: str
