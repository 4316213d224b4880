"""Commitments, their check-offs, acknowledgements and concerns, renegotiations, and
the safety plan — judged by the consent rules (issue 12).

Each event is judged by its *signed author* with the same rule functions the
services use (``domain/consent.py``); a payload field never says who acts. An event
that breaks a rule raises ``Refused``: nothing is projected, ``verify`` names it.
Events from before the vault's ``consent.adopted`` keep their old meaning: a
commitment made then counts as accepted by its owners, an amendment applied at once.
"""

from __future__ import annotations

import json

from twofold.domain.commitments import Outcome
from twofold.domain.consent import (
    CommitmentState,
    Consent,
    ResponseKind,
    Terms,
    accept_refusal,
    decline_refusal,
    end_refusal,
    make_refusal,
    new_consent,
    outcome_refusal,
    owners_of,
    renegotiation_answer_refusal,
    renegotiation_refusal,
    response_refusal,
)
from twofold.domain.events import (
    CommitmentAccepted,
    CommitmentAcknowledged,
    CommitmentAmended,
    CommitmentChecked,
    CommitmentConcern,
    CommitmentDeclined,
    CommitmentEnded,
    CommitmentMade,
    ConsentAdopted,
    RenegotiationAccepted,
    RenegotiationDeclined,
    RenegotiationProposed,
    SafetyPlanUpdated,
)
from twofold.domain.ledger import EventHeader, EventKind
from twofold.vault import consent_store as cs
from twofold.vault.database import Connection
from twofold.vault.projectors.base import Refused, one, projects, timeline_item


def _refuse_if(reason: str | None) -> None:
    if reason is not None:
        raise Refused(reason)


def _before_rules(conn: Connection, h: EventHeader) -> bool:
    epoch = cs.epoch(conn)
    return epoch is None or h.seq < epoch


def _consent(conn: Connection, commitment_id: str) -> Consent:
    consent = cs.consent_of(conn, commitment_id)
    if consent is None:
        raise Refused("it names a commitment that does not exist")
    return consent


def _title(conn: Connection, commitment_id: str) -> str:
    title = one(conn, "SELECT title FROM commitments WHERE id = ?", commitment_id)
    return str(title) if title is not None else ""


def _sign(conn: Connection, h: EventHeader, commitment_id: str, act: str, reason: str = "") -> None:
    conn.execute(
        "INSERT INTO commitment_signatures (seq, commitment_id, partner, act, reason) "
        "VALUES (?, ?, ?, ?, ?)",
        (h.seq, commitment_id, h.author, act, reason),
    )
    consent = cs.consent_of(conn, commitment_id)
    assert consent is not None
    state = consent.state
    ended = state in (CommitmentState.ENDED, CommitmentState.ENDED_BY_ONE)
    conn.execute(
        "UPDATE commitments SET state = ?, ended = ? WHERE id = ?",
        (state.value, int(ended), commitment_id),
    )


@projects(EventKind.CONSENT_ADOPTED)
def adopted(conn: Connection, h: EventHeader, e: ConsentAdopted) -> None:
    if cs.epoch(conn) is None:
        conn.execute("INSERT INTO consent_meta (key, value) VALUES ('epoch_seq', ?)", (h.seq,))
        cs.forget(conn)


@projects(EventKind.COMMITMENT_MADE)
def made(conn: Connection, h: EventHeader, e: CommitmentMade) -> None:
    legacy = _before_rules(conn, h)
    partners = cs.partners(conn)
    if not legacy:
        _refuse_if(make_refusal(h.author, e.owner, partners))
    consent = new_consent(h.author, e.owner, partners, legacy=legacy)
    conn.execute(
        "INSERT INTO commitments (id, title, detail, owner, cadence, hard_day, start, made_by, "
        "made_seq, state, legacy) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            e.commitment_id,
            e.title,
            e.detail,
            e.owner,
            json.dumps(e.cadence.to_json()),
            e.hard_day,
            e.start.isoformat(),
            h.author,
            h.seq,
            consent.state.value,
            int(legacy),
        ),
    )
    proposal: dict[str, object] = {}
    if consent.state == CommitmentState.PROPOSED:
        labels = cs.labels(conn)
        others = owners_of(e.owner, partners) - {h.author}
        proposal["waiting_for"] = [labels.get(o, "?") for o in sorted(others)]
    timeline_item(
        conn,
        h,
        e.title,
        e.detail,
        cadence=e.cadence.to_json(),
        hard_day=e.hard_day,
        **proposal,
    )


@projects(EventKind.COMMITMENT_ACCEPTED)
def accepted(conn: Connection, h: EventHeader, e: CommitmentAccepted) -> None:
    _refuse_if(accept_refusal(_consent(conn, e.commitment_id), h.author, cs.labels(conn)))
    _sign(conn, h, e.commitment_id, "accepted")
    timeline_item(conn, h, _title(conn, e.commitment_id))


@projects(EventKind.COMMITMENT_DECLINED)
def declined(conn: Connection, h: EventHeader, e: CommitmentDeclined) -> None:
    _refuse_if(decline_refusal(_consent(conn, e.commitment_id), h.author, cs.labels(conn)))
    _sign(conn, h, e.commitment_id, "declined", e.reason)
    timeline_item(conn, h, _title(conn, e.commitment_id), e.reason)


@projects(EventKind.COMMITMENT_ENDED)
def ended(conn: Connection, h: EventHeader, e: CommitmentEnded) -> None:
    consent = _consent(conn, e.commitment_id)
    if _before_rules(conn, h):
        _sign(conn, h, e.commitment_id, "ended_legacy", e.reason)
    else:
        _refuse_if(end_refusal(consent, h.author))
        _sign(conn, h, e.commitment_id, "ended", e.reason)
    timeline_item(conn, h, _title(conn, e.commitment_id), e.reason)


@projects(EventKind.COMMITMENT_CHECKED)
def checked(conn: Connection, h: EventHeader, e: CommitmentChecked) -> None:
    if not _before_rules(conn, h):
        consent = _consent(conn, e.commitment_id)
        _refuse_if(outcome_refusal(consent, h.author, e.outcome, cs.labels(conn)))
    conn.execute(
        "INSERT INTO commitment_checks (seq, commitment_id, day, outcome, note, author) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (h.seq, e.commitment_id, e.day.isoformat(), e.outcome.value, e.note, h.author),
    )
    title = one(conn, "SELECT title FROM commitments WHERE id = ?", e.commitment_id)
    timeline_item(conn, h, title or "", e.note, outcome=e.outcome.value, day=e.day.isoformat())


@projects(EventKind.COMMITMENT_AMENDED)
def amended(conn: Connection, h: EventHeader, e: CommitmentAmended) -> None:
    if not _before_rules(conn, h):
        raise Refused("new terms are proposed, and take effect only when the other accepts")
    conn.execute(
        "UPDATE commitments SET title = ?, detail = ?, cadence = ?, hard_day = ? WHERE id = ?",
        (e.title, e.detail, json.dumps(e.cadence.to_json()), e.hard_day, e.commitment_id),
    )
    timeline_item(conn, h, e.title, e.reason, cadence=e.cadence.to_json(), hard_day=e.hard_day)


@projects(EventKind.COMMITMENT_ACKNOWLEDGED)
def acknowledged(conn: Connection, h: EventHeader, e: CommitmentAcknowledged) -> None:
    author = cs.check_author(conn, e.check_seq)
    if author is None:
        raise Refused("it acknowledges a check-off that does not exist")
    _refuse_if(response_refusal(author, h.author, ResponseKind.ACKNOWLEDGED, ""))
    conn.execute(
        "UPDATE commitment_checks SET acknowledged_by = ? WHERE seq = ?", (h.author, e.check_seq)
    )


@projects(EventKind.COMMITMENT_CONCERN)
def concern(conn: Connection, h: EventHeader, e: CommitmentConcern) -> None:
    author = cs.check_author(conn, e.check_seq)
    if author is None:
        raise Refused("it answers a check-off that does not exist")
    _refuse_if(response_refusal(author, h.author, ResponseKind.CONCERN, e.text))
    conn.execute(
        "INSERT INTO check_concerns (seq, check_seq, author, text) VALUES (?, ?, ?, ?)",
        (h.seq, e.check_seq, h.author, e.text),
    )
    timeline_item(conn, h, e.text)


@projects(EventKind.RENEGOTIATION_PROPOSED)
def terms_proposed(conn: Connection, h: EventHeader, e: RenegotiationProposed) -> None:
    consent = _consent(conn, e.commitment_id)
    old = cs.terms_of(conn, e.commitment_id)
    assert old is not None
    new = Terms(e.title, e.detail, e.cadence, e.hard_day)
    pending = cs.pending_renegotiation(conn, e.commitment_id)
    _refuse_if(renegotiation_refusal(consent, h.author, pending, old, new))
    conn.execute(
        "INSERT INTO renegotiations (proposal_id, seq, commitment_id, proposer, old_terms, "
        "terms, reason, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            e.proposal_id,
            h.seq,
            e.commitment_id,
            h.author,
            cs.terms_json(old),
            cs.terms_json(new),
            e.reason,
            e.day.isoformat(),
        ),
    )
    timeline_item(
        conn,
        h,
        new.title,
        e.reason,
        old=old.title,
        cadence=new.cadence.to_json(),
        hard_day=new.hard_day,
    )


@projects(EventKind.RENEGOTIATION_ACCEPTED, EventKind.RENEGOTIATION_DECLINED)
def terms_answered(
    conn: Connection, h: EventHeader, e: RenegotiationAccepted | RenegotiationDeclined
) -> None:
    proposal = cs.renegotiation(conn, e.proposal_id)
    _refuse_if(renegotiation_answer_refusal(proposal, h.author))
    assert proposal is not None
    accepted = h.kind == EventKind.RENEGOTIATION_ACCEPTED
    if accepted and _consent(conn, proposal.commitment_id).state != CommitmentState.ACCEPTED:
        raise Refused("the commitment is no longer running")
    title = _title(conn, proposal.commitment_id)
    conn.execute(
        "UPDATE renegotiations SET state = ?, answered_by = ?, answer = ? WHERE proposal_id = ?",
        ("accepted" if accepted else "declined", h.author, e.reason, proposal.proposal_id),
    )
    if accepted:
        t = proposal.terms
        conn.execute(
            "UPDATE commitments SET title = ?, detail = ?, cadence = ?, hard_day = ? WHERE id = ?",
            (
                t.title,
                t.detail,
                json.dumps(t.cadence.to_json()),
                t.hard_day,
                proposal.commitment_id,
            ),
        )
        # the day counts as renegotiated only now, with both signatures
        conn.execute(
            "INSERT INTO commitment_checks (seq, commitment_id, day, outcome, note, author, "
            "acknowledged_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                h.seq,
                proposal.commitment_id,
                proposal.day.isoformat(),
                Outcome.RENEGOTIATED.value,
                proposal.reason,
                proposal.proposer,
                h.author,
            ),
        )
    timeline_item(conn, h, proposal.terms.title, e.reason, old=title)


@projects(EventKind.SAFETY_PLAN_UPDATED)
def safety_plan(conn: Connection, h: EventHeader, e: SafetyPlanUpdated) -> None:
    for key, value in e.plan.items():
        conn.execute(
            "INSERT INTO safety_plan (key, value, updated_seq) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
            "updated_seq = excluded.updated_seq",
            (key, json.dumps(value), h.seq),
        )
    timeline_item(conn, h)
