"""Commitments, their check-offs and acknowledgements, and the safety plan."""

from __future__ import annotations

import json

from twofold.domain.events import (
    CommitmentAcknowledged,
    CommitmentAmended,
    CommitmentChecked,
    CommitmentEnded,
    CommitmentMade,
    SafetyPlanUpdated,
)
from twofold.domain.ledger import EventHeader, EventKind
from twofold.vault.database import Connection
from twofold.vault.projectors.base import one, projects, timeline_item


@projects(EventKind.COMMITMENT_MADE)
def made(conn: Connection, h: EventHeader, e: CommitmentMade) -> None:
    conn.execute(
        "INSERT INTO commitments (id, title, detail, owner, cadence, hard_day, start, made_by, "
        "made_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
        ),
    )
    timeline_item(conn, h, e.title, e.detail, cadence=e.cadence.to_json(), hard_day=e.hard_day)


@projects(EventKind.COMMITMENT_AMENDED)
def amended(conn: Connection, h: EventHeader, e: CommitmentAmended) -> None:
    conn.execute(
        "UPDATE commitments SET title = ?, detail = ?, cadence = ?, hard_day = ? WHERE id = ?",
        (e.title, e.detail, json.dumps(e.cadence.to_json()), e.hard_day, e.commitment_id),
    )
    timeline_item(conn, h, e.title, e.reason, cadence=e.cadence.to_json(), hard_day=e.hard_day)


@projects(EventKind.COMMITMENT_CHECKED)
def checked(conn: Connection, h: EventHeader, e: CommitmentChecked) -> None:
    conn.execute(
        "INSERT INTO commitment_checks (seq, commitment_id, day, outcome, note, author) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (h.seq, e.commitment_id, e.day.isoformat(), e.outcome.value, e.note, h.author),
    )
    title = one(conn, "SELECT title FROM commitments WHERE id = ?", e.commitment_id)
    timeline_item(conn, h, title or "", e.note, outcome=e.outcome.value, day=e.day.isoformat())


@projects(EventKind.COMMITMENT_ACKNOWLEDGED)
def acknowledged(conn: Connection, h: EventHeader, e: CommitmentAcknowledged) -> None:
    conn.execute(
        "UPDATE commitment_checks SET acknowledged_by = ? WHERE seq = ?", (h.author, e.check_seq)
    )


@projects(EventKind.COMMITMENT_ENDED)
def ended(conn: Connection, h: EventHeader, e: CommitmentEnded) -> None:
    conn.execute("UPDATE commitments SET ended = 1 WHERE id = ?", (e.commitment_id,))
    title = one(conn, "SELECT title FROM commitments WHERE id = ?", e.commitment_id)
    timeline_item(conn, h, title or "", e.reason)


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
