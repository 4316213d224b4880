"""Typed ledger events: one frozen dataclass per event kind (DESIGN §3).

A service builds an event (``CommitmentChecked(...)``) and hands it to the ledger,
which signs ``to_payload()``; projectors and ``verify`` read it back with
``decode(kind, payload)``. The payload shapes are the signed format (docs/FORMAT.md):
field names are payload keys, dates are ISO strings, enums their values, so events
signed before this module existed decode unchanged.

A new feature adds its kind to ``EventKind``, a dataclass here registered with
``@event``, and a projector under ``vault/projectors/``.
"""

from __future__ import annotations

import dataclasses
import functools
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any, ClassVar, Self, TypeVar

from twofold.domain.checkins import CheckinKind
from twofold.domain.commitments import Cadence, Outcome
from twofold.domain.consent import RequestKind
from twofold.domain.dialogue import SessionKind
from twofold.domain.ledger import EventKind
from twofold.domain.setbacks import RepairStep


class EventData:
    """Base of every typed event. Subclasses are frozen dataclasses with a ``kind``."""

    kind: ClassVar[EventKind]

    def to_payload(self) -> dict[str, Any]:
        assert dataclasses.is_dataclass(self)
        return {f.name: _encode(getattr(self, f.name)) for f in dataclasses.fields(self)}

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Self:
        """Raises ``ValueError``/``KeyError``/``TypeError`` for a payload that does not
        fit its kind."""
        if not isinstance(payload, Mapping):
            raise TypeError("an event payload is a JSON object")
        assert dataclasses.is_dataclass(cls)
        hints = _hints(cls)
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name in payload:
                values[f.name] = _decode(hints[f.name], payload[f.name], f.name)
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise KeyError(f"the payload has no {f.name!r}")
        return cls(**values)


E = TypeVar("E", bound=type[EventData])
EVENT_TYPES: dict[EventKind, type[EventData]] = {}


def event(cls: E) -> E:
    """Register a typed event by its kind (one class per kind)."""
    if cls.kind in EVENT_TYPES:
        raise ValueError(f"{cls.kind} is registered twice")
    EVENT_TYPES[cls.kind] = cls
    return cls


def decode(kind: str, payload: Mapping[str, Any]) -> EventData:
    """The typed event for a stored (kind, payload); ``ValueError`` for an unknown kind."""
    cls = EVENT_TYPES.get(EventKind(kind))
    if cls is None:
        raise ValueError(f"no typed event is registered for {kind}")
    return cls.from_payload(payload)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _encode(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Cadence):
        return value.to_json()
    if isinstance(value, GenesisPartner):
        return {"id": value.id, "label": value.label, "public_key": value.public_key}
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _encode(v) for k, v in value.items()}
    return value


def _decode(hint: Any, value: Any, name: str) -> Any:
    origin = typing.get_origin(hint)
    if hint is str or hint is int or hint is bool:
        if not isinstance(value, hint) or (hint is int and isinstance(value, bool)):
            raise TypeError(f"{name!r} should be {hint.__name__}")
        return value
    if hint is date:
        return date.fromisoformat(_str(value, name))
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(_str(value, name))
    if hint is Cadence:
        if not isinstance(value, Mapping):
            raise TypeError(f"{name!r} should be an object")
        return Cadence.from_json(dict(value))
    if hint is GenesisPartner:
        if not isinstance(value, Mapping):
            raise TypeError(f"{name!r} should be an object")
        return GenesisPartner(
            _str(value["id"], "id"), _str(value["label"], "label"), _str(value["public_key"], "key")
        )
    if origin is tuple:
        if not isinstance(value, list):
            raise TypeError(f"{name!r} should be a list")
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v, name) for v in value)
        if len(args) != len(value):
            raise ValueError(f"{name!r} should have {len(args)} parts")
        return tuple(_decode(a, v, name) for a, v in zip(args, value, strict=True))
    if origin is dict or hint is Any:
        if origin is dict and not isinstance(value, Mapping):
            raise TypeError(f"{name!r} should be an object")
        return value
    raise TypeError(f"{name!r} has a type the ledger cannot decode ({hint})")


def _str(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name!r} should be text")
    return value


# --- the genesis -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GenesisPartner:
    id: str
    label: str
    public_key: str  # hex of the Ed25519 public key

    @property
    def key(self) -> bytes:
        return bytes.fromhex(self.public_key)


@event
@dataclass(frozen=True, slots=True)
class VaultCreated(EventData):
    kind: ClassVar[EventKind] = EventKind.VAULT_CREATED
    vault: str
    partners: tuple[GenesisPartner, ...]


@event
@dataclass(frozen=True, slots=True)
class VaultCountersigned(EventData):
    kind: ClassVar[EventKind] = EventKind.VAULT_COUNTERSIGNED
    genesis: str  # hex digest of the first event


# --- reflections -------------------------------------------------------------------


@event
@dataclass(frozen=True, slots=True)
class ReflectionShared(EventData):
    kind: ClassVar[EventKind] = EventKind.REFLECTION_SHARED
    text: str
    request: str = ""


@event
@dataclass(frozen=True, slots=True)
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
@dataclass(frozen=True, slots=True)
class ReflectionRetracted(EventData):
    kind: ClassVar[EventKind] = EventKind.REFLECTION_RETRACTED
    target: str  # event id of the shared reflection


# --- commitments and the safety plan ---------------------------------------------


@event
@dataclass(frozen=True, slots=True)
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
@dataclass(frozen=True, slots=True)
class CommitmentAmended(EventData):
    kind: ClassVar[EventKind] = EventKind.COMMITMENT_AMENDED
    commitment_id: str
    title: str
    cadence: Cadence
    detail: str = ""
    hard_day: str = ""
    reason: str = ""


@event
@dataclass(frozen=True, slots=True)
class CommitmentChecked(EventData):
    kind: ClassVar[EventKind] = EventKind.COMMITMENT_CHECKED
    commitment_id: str
    day: date
    outcome: Outcome
    note: str = ""


@event
@dataclass(frozen=True, slots=True)
class CommitmentAcknowledged(EventData):
    kind: ClassVar[EventKind] = EventKind.COMMITMENT_ACKNOWLEDGED
    commitment_id: str
    check_seq: int


@event
@dataclass(frozen=True, slots=True)
class CommitmentEnded(EventData):
    kind: ClassVar[EventKind] = EventKind.COMMITMENT_ENDED
    commitment_id: str
    reason: str = ""


@event
@dataclass(frozen=True, slots=True)
class SafetyPlanUpdated(EventData):
    kind: ClassVar[EventKind] = EventKind.SAFETY_PLAN_UPDATED
    plan: dict[str, Any]


# --- the agreement and check-ins ---------------------------------------------------


@event
@dataclass(frozen=True, slots=True)
class AgreementProposed(EventData):
    kind: ClassVar[EventKind] = EventKind.AGREEMENT_PROPOSED
    version_id: str
    sections: dict[str, str]
    note: str = ""


@event
@dataclass(frozen=True, slots=True)
class AgreementAcknowledged(EventData):
    kind: ClassVar[EventKind] = EventKind.AGREEMENT_ACKNOWLEDGED
    version_id: str


@event
@dataclass(frozen=True, slots=True)
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
@dataclass(frozen=True, slots=True)
class SetbackLogged(EventData):
    kind: ClassVar[EventKind] = EventKind.SETBACK_LOGGED
    setback_id: str
    what: str
    day: date
    trigger: str = ""
    impact: str = ""


@event
@dataclass(frozen=True, slots=True)
class SetbackStepTaken(EventData):
    kind: ClassVar[EventKind] = EventKind.SETBACK_STEP
    setback_id: str
    step: RepairStep
    note: str = ""


@event
@dataclass(frozen=True, slots=True)
class SetbackCountermeasure(EventData):
    kind: ClassVar[EventKind] = EventKind.SETBACK_COUNTERMEASURE
    setback_id: str
    text: str


@event
@dataclass(frozen=True, slots=True)
class WinRecorded(EventData):
    kind: ClassVar[EventKind] = EventKind.WIN_RECORDED
    text: str
    day: date
    milestone: str = ""  # the detector's key; "" for a win recorded by hand
    evidence: str = ""  # a detected milestone's evidence, in plain words (issue 16)


@event
@dataclass(frozen=True, slots=True)
class AppreciationRecorded(EventData):
    kind: ClassVar[EventKind] = EventKind.APPRECIATION
    text: str


@event
@dataclass(frozen=True, slots=True)
class ValuesSet(EventData):
    kind: ClassVar[EventKind] = EventKind.VALUES_SET
    values: tuple[str, ...]


@event
@dataclass(frozen=True, slots=True)
class StoryChapter(EventData):
    kind: ClassVar[EventKind] = EventKind.STORY_CHAPTER
    title: str
    text: str


# --- joint sessions and therapy objectives ------------------------------------------


@event
@dataclass(frozen=True, slots=True)
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
@dataclass(frozen=True, slots=True)
class SessionCosigned(EventData):
    kind: ClassVar[EventKind] = EventKind.SESSION_COSIGNED
    session_id: str


@event
@dataclass(frozen=True, slots=True)
class SessionNote(EventData):
    kind: ClassVar[EventKind] = EventKind.SESSION_NOTE
    session_id: str
    text: str


@event
@dataclass(frozen=True, slots=True)
class SessionOutcome(EventData):
    kind: ClassVar[EventKind] = EventKind.SESSION_OUTCOME
    session_id: str
    text: str


@event
@dataclass(frozen=True, slots=True)
class SessionClosed(EventData):
    kind: ClassVar[EventKind] = EventKind.SESSION_CLOSED
    session_id: str
    summary: str = ""


@event
@dataclass(frozen=True, slots=True)
class ObjectiveSet(EventData):
    kind: ClassVar[EventKind] = EventKind.OBJECTIVE_SET
    objective_id: str
    text: str


@event
@dataclass(frozen=True, slots=True)
class ObjectiveProgress(EventData):
    kind: ClassVar[EventKind] = EventKind.OBJECTIVE_PROGRESS
    objective_id: str
    note: str
    session_id: str = ""


# --- exports and leaving (issue 15) --------------------------------------------------
# --- consent in every shared practice (issue 12) -------------------------------------


@event
@dataclass(frozen=True, slots=True)
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
@dataclass(frozen=True, slots=True)
class ConsentAdopted(EventData):
    """From this event on, every commitment, outcome, check-in and action for both is
    judged by the consent rules (``domain/consent.py``); before it, events keep their
    old meaning (a commitment made then counts as accepted by its owners)."""

    kind: ClassVar[EventKind] = EventKind.CONSENT_ADOPTED
    rules: int = 1


@event
@dataclass(frozen=True, slots=True)
class ExportAgreed(EventData):
    """The other partner's signature on an export (they typed their own passphrase)."""

    kind: ClassVar[EventKind] = EventKind.EXPORT_AGREED
    export_id: str


@event
@dataclass(frozen=True, slots=True)
class CommitmentAccepted(EventData):
    """The signer's own acceptance: who accepts is the signed author, never a field."""

    kind: ClassVar[EventKind] = EventKind.COMMITMENT_ACCEPTED
    commitment_id: str


@event
@dataclass(frozen=True, slots=True)
class PartnerLeft(EventData):
    """A partner left the vault; the shared ledger is re-keyed right after, so their
    key opens nothing written from here on. ``copy`` tells whether they took a
    read-only copy of the shared history up to this event (both consenting)."""

    kind: ClassVar[EventKind] = EventKind.PARTNER_LEFT
    partner: str
    copy: bool = False


@event
@dataclass(frozen=True, slots=True)
class CommitmentDeclined(EventData):
    kind: ClassVar[EventKind] = EventKind.COMMITMENT_DECLINED
    commitment_id: str
    reason: str = ""


@event
@dataclass(frozen=True, slots=True)
class CommitmentConcern(EventData):
    """ "I didn't see this happen": shown beside a check-off, never replacing it."""

    kind: ClassVar[EventKind] = EventKind.COMMITMENT_CONCERN
    commitment_id: str
    check_seq: int
    text: str


@event
@dataclass(frozen=True, slots=True)
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
@dataclass(frozen=True, slots=True)
class RenegotiationAccepted(EventData):
    kind: ClassVar[EventKind] = EventKind.RENEGOTIATION_ACCEPTED
    proposal_id: str
    reason: str = ""


@event
@dataclass(frozen=True, slots=True)
class RenegotiationDeclined(EventData):
    kind: ClassVar[EventKind] = EventKind.RENEGOTIATION_DECLINED
    proposal_id: str
    reason: str = ""


@event
@dataclass(frozen=True, slots=True)
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
@dataclass(frozen=True, slots=True)
class CheckinRevealed(EventData):
    kind: ClassVar[EventKind] = EventKind.CHECKIN_REVEALED
    checkin_id: str
    salt: str  # hex
    answers: tuple[tuple[str, str], ...]


@event
@dataclass(frozen=True, slots=True)
class ItemWithdrawn(EventData):
    """The author withdrew an item they wrote: its payload is removed (NULL), this
    signed trace stays, as a retraction does for a shared reflection."""

    kind: ClassVar[EventKind] = EventKind.ITEM_WITHDRAWN
    target: str  # event id
    # a withdrawn setback stays, without its words, for the steps the partner took on
    # it: its id is said here, since the target's payload (which held it) is gone
    setback_id: str = ""


@event
@dataclass(frozen=True, slots=True)
class RolesProposed(EventData):
    """Who was hurt, in the couple's own words, or nobody named (``hurt`` empty)."""

    kind: ClassVar[EventKind] = EventKind.ROLES_PROPOSED
    proposal_id: str
    hurt: tuple[str, ...]  # partner ids
    words: str = ""


@event
@dataclass(frozen=True, slots=True)
class RolesAccepted(EventData):
    kind: ClassVar[EventKind] = EventKind.ROLES_ACCEPTED
    proposal_id: str


@event
@dataclass(frozen=True, slots=True)
class PaceSet(EventData):
    kind: ClassVar[EventKind] = EventKind.PACE_SET
    review_every_weeks: int
    agenda_order: tuple[str, ...]


@event
@dataclass(frozen=True, slots=True)
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
@dataclass(frozen=True, slots=True)
class RequestAnswered(EventData):
    kind: ClassVar[EventKind] = EventKind.REQUEST_ANSWERED
    request_id: str
    words: str


@event
@dataclass(frozen=True, slots=True)
class SessionSummaryAgreed(EventData):
    kind: ClassVar[EventKind] = EventKind.SESSION_SUMMARY_AGREED
    session_id: str
