"""The shared ledger's values and its hash-chain rules (DESIGN §3, §4).

Only hashing and canonical encoding live here; signing needs key material and so
lives in ``vault/``.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from twofold.domain.canonical import canonical_json as canonical_json
from twofold.domain.digests import sha256
from twofold.domain.valueclass import field, valueclass

TYPE_CHECKING = False  # what type checkers assume True: typing is not imported
if TYPE_CHECKING:
    from typing import Any

GENESIS_PREV_HASH = bytes(32)
_DOMAIN_TAG = b"twofold-ledger-v1\x00"


class EventKind(StrEnum):
    VAULT_CREATED = "vault.created"
    VAULT_COUNTERSIGNED = "vault.countersigned"
    REFLECTION_SHARED = "reflection.shared"
    REFLECTION_RETRACTED = "reflection.retracted"
    COMMITMENT_MADE = "commitment.made"
    COMMITMENT_AMENDED = "commitment.amended"
    COMMITMENT_CHECKED = "commitment.checked"
    COMMITMENT_ACKNOWLEDGED = "commitment.acknowledged"
    COMMITMENT_ENDED = "commitment.ended"
    SAFETY_PLAN_UPDATED = "safety_plan.updated"
    AGREEMENT_PROPOSED = "agreement.proposed"
    AGREEMENT_ACKNOWLEDGED = "agreement.acknowledged"
    CHECKIN_SUBMITTED = "checkin.submitted"
    SETBACK_LOGGED = "setback.logged"
    SETBACK_STEP = "setback.step"
    SETBACK_COUNTERMEASURE = "setback.countermeasure"
    WIN_RECORDED = "win.recorded"
    APPRECIATION = "appreciation.recorded"
    VALUES_SET = "values.set"
    STORY_CHAPTER = "story.chapter"
    SESSION_OPENED = "session.opened"
    SESSION_COSIGNED = "session.cosigned"
    SESSION_NOTE = "session.note"
    SESSION_OUTCOME = "session.outcome"
    SESSION_CLOSED = "session.closed"
    OBJECTIVE_SET = "objective.set"
    OBJECTIVE_PROGRESS = "objective.progress"
    EXPORT_MADE = "export.made"
    EXPORT_AGREED = "export.agreed"
    PARTNER_LEFT = "partner.left"
    KEYS_CHANGED = "keys.changed"
    # consent in every shared practice (issue 12)
    CONSENT_ADOPTED = "consent.adopted"
    COMMITMENT_ACCEPTED = "commitment.accepted"
    COMMITMENT_DECLINED = "commitment.declined"
    COMMITMENT_CONCERN = "commitment.concern"
    RENEGOTIATION_PROPOSED = "commitment.renegotiation_proposed"
    RENEGOTIATION_ACCEPTED = "commitment.renegotiation_accepted"
    RENEGOTIATION_DECLINED = "commitment.renegotiation_declined"
    CHECKIN_SEALED = "checkin.sealed"
    CHECKIN_REVEALED = "checkin.revealed"
    ITEM_WITHDRAWN = "item.withdrawn"
    ROLES_PROPOSED = "roles.proposed"
    ROLES_ACCEPTED = "roles.accepted"
    PACE_SET = "pace.set"
    REQUEST_RAISED = "request.raised"
    REQUEST_ANSWERED = "request.answered"
    SESSION_SUMMARY_AGREED = "session.summary_agreed"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS: dict[EventKind, str] = {
    EventKind.VAULT_CREATED: "Vault created",
    EventKind.VAULT_COUNTERSIGNED: "Vault confirmed",
    EventKind.REFLECTION_SHARED: "Shared reflection",
    EventKind.REFLECTION_RETRACTED: "Retracted",
    EventKind.COMMITMENT_MADE: "New commitment",
    EventKind.COMMITMENT_AMENDED: "Commitment renegotiated",
    EventKind.COMMITMENT_CHECKED: "Commitment check-off",
    EventKind.COMMITMENT_ACKNOWLEDGED: "Acknowledged",
    EventKind.COMMITMENT_ENDED: "Commitment ended",
    EventKind.SAFETY_PLAN_UPDATED: "Safety plan",
    EventKind.AGREEMENT_PROPOSED: "Agreement version",
    EventKind.AGREEMENT_ACKNOWLEDGED: "Agreement acknowledged",
    EventKind.CHECKIN_SUBMITTED: "Check-in",
    EventKind.SETBACK_LOGGED: "Setback",
    EventKind.SETBACK_STEP: "Repair step",
    EventKind.SETBACK_COUNTERMEASURE: "Counter-measure",
    EventKind.WIN_RECORDED: "Win",
    EventKind.APPRECIATION: "Appreciation",
    EventKind.VALUES_SET: "Our values",
    EventKind.STORY_CHAPTER: "Our story",
    EventKind.SESSION_OPENED: "Joint session",
    EventKind.SESSION_COSIGNED: "Joint session confirmed",
    EventKind.SESSION_NOTE: "Session note",
    EventKind.SESSION_OUTCOME: "Session outcome",
    EventKind.SESSION_CLOSED: "Session ended",
    EventKind.OBJECTIVE_SET: "Therapy objective",
    EventKind.OBJECTIVE_PROGRESS: "Objective progress",
    EventKind.EXPORT_MADE: "Export",
    EventKind.EXPORT_AGREED: "Export agreed",
    EventKind.PARTNER_LEFT: "Left the vault",
    EventKind.KEYS_CHANGED: "Key change",
    EventKind.CONSENT_ADOPTED: "Consent rules",
    EventKind.COMMITMENT_ACCEPTED: "Commitment accepted",
    EventKind.COMMITMENT_DECLINED: "Commitment declined",
    EventKind.COMMITMENT_CONCERN: "Concern",
    EventKind.RENEGOTIATION_PROPOSED: "New terms proposed",
    EventKind.RENEGOTIATION_ACCEPTED: "New terms accepted",
    EventKind.RENEGOTIATION_DECLINED: "New terms declined",
    EventKind.CHECKIN_SEALED: "Check-in answered",
    EventKind.CHECKIN_REVEALED: "Check-in",
    EventKind.ITEM_WITHDRAWN: "Withdrawn",
    EventKind.ROLES_PROPOSED: "Who was hurt",
    EventKind.ROLES_ACCEPTED: "Who was hurt: agreed",
    EventKind.PACE_SET: "Pace",
    EventKind.REQUEST_RAISED: "Request to talk",
    EventKind.REQUEST_ANSWERED: "Answer to a request",
    EventKind.SESSION_SUMMARY_AGREED: "Session summary agreed",
}

# How a partner's key slots changed (the payload's "how"), as both partners read it.
KEY_CHANGE_TEXT = {
    "change": "{name}'s passphrase was changed (and a new recovery code issued).",
    "reset": "{name}'s passphrase was reset with the recovery code.",
    "renew": "{name}'s recovery code was renewed; the old code no longer works.",
}


def key_change_text(how: str, name: str) -> str:
    return KEY_CHANGE_TEXT.get(how, "{name}'s keys were changed.").format(name=name)


def content_hash(payload: bytes) -> bytes:
    return sha256(payload)


@valueclass
class EventHeader:
    """Everything an event's signature covers. The payload is covered by its hash,
    so a retraction can remove the content and leave the chain intact."""

    vault_id: str
    seq: int
    event_id: str
    author: str
    kind: str
    occurred_at: str
    content_hash: bytes
    prev_hash: bytes

    def digest(self) -> bytes:
        body = canonical_json(
            {
                "vault": self.vault_id,
                "seq": self.seq,
                "id": self.event_id,
                "author": self.author,
                "kind": self.kind,
                "at": self.occurred_at,
                "content": self.content_hash.hex(),
                "prev": self.prev_hash.hex(),
            }
        )
        return sha256(_DOMAIN_TAG + body)


@valueclass
class LedgerEvent:
    header: EventHeader
    payload: bytes | None  # None once retracted
    signature: bytes

    @property
    def seq(self) -> int:
        return self.header.seq


@valueclass
class TimelineItem:
    seq: int
    event_id: str
    kind: EventKind
    author_id: str
    author_label: str
    occurred_at: datetime
    body: str  # the partners' own words; the app renders the rest from ``data``
    request: str
    retracted: bool
    data: dict[str, Any] = field(default_factory=dict)  # outcome, day, number, …
    # verify found that what is stored for it differs from its signed event: its text is
    # never shown (the app shows a warning in its place)
    unverified: bool = False


@valueclass
class Problem:
    """One thing that failed a check, named so a person can find it."""

    where: str
    what: str
    seq: int | None = None  # the timeline item it concerns, if any: the app hides its text

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


@valueclass
class ShownState:
    """What a check proved of the shared ledger: at the head ``head_seq`` (whose
    digest is ``head_digest``, hex), the projections the pages and the report read
    were exactly what replaying the signed events gives; ``projections`` is a hash
    of them (``replay.projection_digest``). A report made later from the live file
    may skip its own replay while the file still has this head and this hash."""

    head_seq: int
    head_digest: str
    projections: str


@valueclass(frozen=False)
class VerifyReport:
    checks: list[tuple[str, bool, str]] = field(default_factory=list)
    suspects: set[int] = field(default_factory=set)  # timeline seqs not to be shown as signed
    # set by a check that replayed every event and found the chain, what is shown,
    # the pinned partners and the remembered heads all as they should be
    shown: ShownState | None = None

    def add(self, name: str, problems: list[Problem], ok_detail: str = "ok") -> None:
        self.suspects.update(p.seq for p in problems if p.seq is not None)
        if problems:
            self.checks.append((name, False, str(problems[0])))
        else:
            self.checks.append((name, True, ok_detail))

    @property
    def ok(self) -> bool:
        return all(passed for _, passed, _ in self.checks)

    def lines(self) -> list[str]:
        return [
            f"{'ok  ' if passed else 'FAIL'}  {name}: {detail}"
            for name, passed, detail in self.checks
        ]
