"""Check-ins: each partner's answers with the questions as asked."""

from __future__ import annotations

import json

from twofold.domain.events import CheckinSubmitted
from twofold.domain.ledger import EventHeader, EventKind
from twofold.vault.database import Connection
from twofold.vault.projectors.base import projects, timeline_item


@projects(EventKind.CHECKIN_SUBMITTED)
def submitted(conn: Connection, h: EventHeader, e: CheckinSubmitted) -> None:
    conn.execute(
        "INSERT INTO checkins (seq, author, kind, day, answers, submitted_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            h.seq,
            h.author,
            e.checkin.value,
            e.day.isoformat(),
            json.dumps([list(a) for a in e.answers]),
            h.occurred_at,
        ),
    )
    # the questions as asked are part of the signed event, not app text
    lines = [f"{question} — {answer}" for question, answer in e.answers if answer]
    timeline_item(conn, h, "\n".join(lines), checkin=e.checkin.value)
