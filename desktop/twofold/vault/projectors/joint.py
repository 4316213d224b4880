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
)
from twofold.domain.ledger import EventHeader, EventKind
from twofold.vault.database import Connection
from twofold.vault.projectors.base import one, projects, timeline_item


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
    conn.execute(
        "UPDATE joint_sessions SET closed_at = ? WHERE id = ?", (h.occurred_at, e.session_id)
    )
    timeline_item(conn, h, "", e.summary)


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
