"""Withdrawn items, who was hurt and the pace, requests to talk (issue 12)."""

from __future__ import annotations

import json

from twofold.domain.consent import (
    WITHDRAWABLE,
    AgendaSection,
    answer_refusal,
    pace_refusal,
    withdraw_refusal,
)
from twofold.domain.events import (
    ItemWithdrawn,
    PaceSet,
    RequestAnswered,
    RequestRaised,
    RolesAccepted,
    RolesProposed,
)
from twofold.domain.ledger import EventHeader, EventKind
from twofold.vault import consent_store as cs
from twofold.vault.database import Connection
from twofold.vault.projectors.base import Refused, one, projects, timeline_item

# What a withdrawal removes: every row the target wrote, keyed by the target's seq.
# Only its timeline item stays, empty and marked withdrawn. So the projections after a
# withdrawal are exactly what replaying the chain gives (the target's payload is NULL
# then, and replay writes only that empty timeline item for it).
_REMOVE: dict[EventKind, tuple[str, ...]] = {
    EventKind.CHECKIN_SUBMITTED: ("DELETE FROM checkins WHERE seq = ?",),
    EventKind.CHECKIN_REVEALED: (
        # the seal stays (its own event is intact) but is no longer revealed
        "UPDATE checkin_seals SET revealed = 0 WHERE checkin_id = "
        "(SELECT checkin_id FROM checkins WHERE seq = ?)",
        "DELETE FROM checkins WHERE seq = ?",
    ),
    EventKind.CHECKIN_SEALED: ("DELETE FROM checkin_seals WHERE seq = ?",),
    EventKind.APPRECIATION: ("DELETE FROM appreciations WHERE seq = ?",),
    EventKind.STORY_CHAPTER: ("DELETE FROM story_chapters WHERE seq = ?",),
    EventKind.SESSION_NOTE: ("DELETE FROM session_items WHERE seq = ?",),
    EventKind.WIN_RECORDED: ("DELETE FROM wins WHERE seq = ?",),
    # the setback stays, without its words, for the steps the partner took on it
    EventKind.SETBACK_LOGGED: (
        "UPDATE setbacks SET what = '', trigger_text = '', impact = '', "
        "day = (SELECT substr(occurred_at, 1, 10) FROM ledger_events WHERE seq = setbacks.seq) "
        "WHERE seq = ?",
    ),
    EventKind.SETBACK_STEP: ("DELETE FROM setback_steps WHERE seq = ?",),
    EventKind.REQUEST_RAISED: (
        "DELETE FROM request_answers WHERE request_id = "
        "(SELECT request_id FROM talk_requests WHERE seq = ?)",
        "DELETE FROM talk_requests WHERE seq = ?",
    ),
}


@projects(EventKind.ITEM_WITHDRAWN)
def withdrawn(conn: Connection, h: EventHeader, e: ItemWithdrawn) -> None:
    """Only the author withdraws, only what one wrote alone; the words leave every
    projection (and the timeline's search index), this signed trace stays."""
    row = conn.execute(
        "SELECT author, kind, seq FROM ledger_events WHERE event_id = ?", (e.target,)
    ).fetchone()
    if row is None:
        raise Refused("it withdraws an item that does not exist")
    author, kind, target_seq = str(row[0]), str(row[1]), int(row[2])
    already = one(conn, "SELECT 1 FROM withdrawn_items WHERE target = ?", e.target) is not None
    reason = withdraw_refusal(author, h.author, kind, WITHDRAWABLE, already)
    if reason is not None:
        raise Refused(reason)
    if kind == EventKind.SETBACK_LOGGED:
        kept = one(conn, "SELECT id FROM setbacks WHERE seq = ?", target_seq)
        if kept is not None and kept != e.setback_id:
            raise Refused("it names another setback than the one it withdraws")
    conn.execute(
        "INSERT INTO withdrawn_items (target, seq, author, kind) VALUES (?, ?, ?, ?)",
        (e.target, h.seq, h.author, kind),
    )
    conn.execute(
        "UPDATE timeline_items SET body = '', request = '', data = '{}', retracted = 1 "
        "WHERE event_id = ?",
        (e.target,),
    )
    if kind == EventKind.SETBACK_LOGGED:
        # the steps' timeline items carried the setback's words: no longer (as replaying
        # them after the withdrawal gives)
        conn.execute(
            "UPDATE timeline_items SET body = '' WHERE seq IN (SELECT st.seq FROM "
            "setback_steps st JOIN setbacks s ON s.id = st.setback_id WHERE s.seq = ?)",
            (target_seq,),
        )
    for statement in _REMOVE[EventKind(kind)]:
        conn.execute(statement, (target_seq,))
    timeline_item(conn, h)


@projects(EventKind.ROLES_PROPOSED)
def roles_proposed(conn: Connection, h: EventHeader, e: RolesProposed) -> None:
    if not set(e.hurt) <= cs.partners(conn):
        raise Refused("it names someone who is not a partner of this vault")
    conn.execute(
        "INSERT INTO roles_proposals (proposal_id, seq, author, hurt, words) "
        "VALUES (?, ?, ?, ?, ?)",
        (e.proposal_id, h.seq, h.author, json.dumps(sorted(set(e.hurt))), e.words),
    )
    labels = cs.labels(conn)
    timeline_item(conn, h, e.words, hurt=[labels.get(p, "?") for p in sorted(set(e.hurt))])


@projects(EventKind.ROLES_ACCEPTED)
def roles_accepted(conn: Connection, h: EventHeader, e: RolesAccepted) -> None:
    row = conn.execute(
        "SELECT author, accepted_seq FROM roles_proposals WHERE proposal_id = ?",
        (e.proposal_id,),
    ).fetchone()
    if row is None:
        raise Refused("it accepts a proposal that does not exist")
    if str(row[0]) == h.author:
        raise Refused("the other partner accepts what one proposed, with their own signature")
    if row[1]:
        raise Refused("that proposal was already accepted")
    conn.execute(
        "UPDATE roles_proposals SET accepted_by = ?, accepted_seq = ? WHERE proposal_id = ?",
        (h.author, h.seq, e.proposal_id),
    )
    timeline_item(conn, h)


@projects(EventKind.PACE_SET)
def pace(conn: Connection, h: EventHeader, e: PaceSet) -> None:
    reason = pace_refusal(cs.roles(conn), h.author)
    if reason is not None:
        raise Refused(reason)
    order = [AgendaSection(s).value for s in e.agenda_order]
    conn.execute(
        "INSERT INTO pace (id, review_every_weeks, agenda_order, set_by, seq) "
        "VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "review_every_weeks = excluded.review_every_weeks, "
        "agenda_order = excluded.agenda_order, set_by = excluded.set_by, seq = excluded.seq",
        (e.review_every_weeks, json.dumps(order), h.author, h.seq),
    )
    timeline_item(conn, h, weeks=e.review_every_weeks)


@projects(EventKind.REQUEST_RAISED)
def request_raised(conn: Connection, h: EventHeader, e: RequestRaised) -> None:
    conn.execute(
        "INSERT INTO talk_requests (request_id, seq, author, kind, boundary, words) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (e.request_id, h.seq, h.author, e.request.value, e.boundary, e.words),
    )
    # the boundary is the agreement's words, the request the author's own: both searchable
    timeline_item(conn, h, e.boundary, e.words, talk=e.request.value)


@projects(EventKind.REQUEST_ANSWERED)
def request_answered(conn: Connection, h: EventHeader, e: RequestAnswered) -> None:
    request = cs.request(conn, e.request_id)
    if request is None and e.words.strip():
        # an answer to a request that is not here (withdrawn by its author since):
        # it stays on the timeline and answers nothing
        timeline_item(conn, h, e.words)
        return
    reason = answer_refusal(request, h.author, e.words)
    if reason is not None:
        raise Refused(reason)
    conn.execute(
        "INSERT INTO request_answers (seq, request_id, author, words) VALUES (?, ?, ?, ?)",
        (h.seq, e.request_id, h.author, e.words),
    )
    timeline_item(conn, h, e.words)


def withdrawn_placeholder(conn: Connection, h: EventHeader, withdrawal: ItemWithdrawn) -> None:
    """What a withdrawn item (payload NULL) leaves, for replaying the chain: its empty
    timeline item (the withdrawal marks it withdrawn) and, for a setback, its row
    without words. Exactly what the withdrawal left in the stored projections."""
    timeline_item(conn, h)
    if h.kind == EventKind.SETBACK_LOGGED and withdrawal.setback_id:
        conn.execute(
            "INSERT INTO setbacks (id, seq, author, day, what, trigger_text, impact) "
            "VALUES (?, ?, ?, ?, '', '', '')",
            (withdrawal.setback_id, h.seq, h.author, h.occurred_at[:10]),
        )
