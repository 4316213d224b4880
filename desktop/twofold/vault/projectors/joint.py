"""Joint sessions (opened by one, co-signed by the other), notes, outcomes, and the
therapy objectives followed across sessions."""

from __future__ import annotations

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
from twofold.domain.ledger import EventHeader, EventKind
from twofold.vault.database import Connection
from twofold.vault.projectors.base import Refused, one, projects, timeline_item


@projects(EventKind.SESSION_OPENED)
def opened(conn: Connection, h: EventHeader, e: SessionOpened) -> None:
    conn.execute(
        "INSERT INTO joint_sessions (id, seq, kind, opened_by, opened_at) VALUES (?, ?, ?, ?, ?)",
        (e.session_id, h.seq, e.session.value, h.author, h.occurred_at),
    )
    timeline_item(conn, h, session=e.session.value)


@projects(EventKind.SESSION_COSIGNED)
def cosigned(conn: Connection, h: EventHeader, e: SessionCosigned) -> None:
    conn.execute("UPDATE joint_sessions SET cosigned_by = ? WHERE id = ?", (h.author, e.session_id))


@projects(EventKind.SESSION_NOTE, EventKind.SESSION_OUTCOME)
def item(conn: Connection, h: EventHeader, e: SessionNote | SessionOutcome) -> None:
    conn.execute(
        "INSERT INTO session_items (seq, session_id, kind, author, text) VALUES (?, ?, ?, ?, ?)",
        (h.seq, e.session_id, h.kind, h.author, e.text),
    )
    timeline_item(conn, h, e.text)


@projects(EventKind.SESSION_CLOSED)
def closed(conn: Connection, h: EventHeader, e: SessionClosed) -> None:
    """The summary is this partner's until the other agrees (or co-signs at once)."""
    conn.execute(
        "UPDATE joint_sessions SET closed_at = ?, summary = ?, closed_by = ? WHERE id = ?",
        (h.occurred_at, e.summary, h.author, e.session_id),
    )
    # what was raised before this session ended was on its agenda
    conn.execute("UPDATE talk_requests SET discussed = 1 WHERE seq < ?", (h.seq,))
    timeline_item(conn, h, "", e.summary)


@projects(EventKind.SESSION_SUMMARY_AGREED)
def summary_agreed(conn: Connection, h: EventHeader, e: SessionSummaryAgreed) -> None:
    row = conn.execute(
        "SELECT closed_by, summary_agreed_by FROM joint_sessions WHERE id = ?", (e.session_id,)
    ).fetchone()
    if row is None or not row[0]:
        raise Refused("it agrees to the summary of a session that has not ended")
    if str(row[0]) == h.author:
        raise Refused("the other partner agrees to a summary, with their own signature")
    if row[1]:
        raise Refused("that summary was already agreed")
    conn.execute(
        "UPDATE joint_sessions SET summary_agreed_by = ? WHERE id = ?", (h.author, e.session_id)
    )
    timeline_item(conn, h)


@projects(EventKind.OBJECTIVE_SET)
def objective(conn: Connection, h: EventHeader, e: ObjectiveSet) -> None:
    conn.execute(
        "INSERT INTO objectives (id, seq, text, author) VALUES (?, ?, ?, ?)",
        (e.objective_id, h.seq, e.text, h.author),
    )
    timeline_item(conn, h, e.text)


@projects(EventKind.OBJECTIVE_PROGRESS)
def progress(conn: Connection, h: EventHeader, e: ObjectiveProgress) -> None:
    conn.execute(
        "INSERT INTO objective_progress (seq, objective_id, session_id, note, author, at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (h.seq, e.objective_id, e.session_id, e.note, h.author, h.occurred_at),
    )
    text = one(conn, "SELECT text FROM objectives WHERE id = ?", e.objective_id)
    timeline_item(conn, h, e.note, objective=text or "")
