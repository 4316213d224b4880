"""Check-ins: each partner's answers with the questions as asked. Since issue 12 they
are answered apart (sealed: a salted hash) and revealed together (the answers,
checked against the hash, by their author only)."""

from __future__ import annotations

import json

from twofold.domain.consent import seal_digest
from twofold.domain.events import CheckinRevealed, CheckinSealed, CheckinSubmitted
from twofold.domain.ledger import EventHeader, EventKind, canonical_json
from twofold.vault.database import Connection
from twofold.vault.projectors.base import Refused, projects, timeline_item


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


@projects(EventKind.CHECKIN_SEALED)
def sealed(conn: Connection, h: EventHeader, e: CheckinSealed) -> None:
    """Answered apart: only a salted hash is in the ledger; no words."""
    conn.execute(
        "INSERT INTO checkin_seals (checkin_id, seq, author, kind, day, digest) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (e.checkin_id, h.seq, h.author, e.checkin.value, e.day.isoformat(), e.digest),
    )
    timeline_item(conn, h, checkin=e.checkin.value)


@projects(EventKind.CHECKIN_REVEALED)
def revealed(conn: Connection, h: EventHeader, e: CheckinRevealed) -> None:
    """Revealed together: only by its author, only the answers that were sealed."""
    row = conn.execute(
        "SELECT s.author, s.kind, s.day, s.digest, s.revealed, e.occurred_at "
        "FROM checkin_seals s JOIN ledger_events e ON e.seq = s.seq WHERE s.checkin_id = ?",
        (e.checkin_id,),
    ).fetchone()
    if row is None:
        raise Refused("it reveals a check-in that was never sealed (or was withdrawn)")
    if str(row[0]) != h.author:
        raise Refused("only the partner who answered a check-in can reveal it")
    if row[4]:
        raise Refused("that check-in was already revealed")
    answers = [[q, a] for q, a in e.answers]
    if seal_digest(bytes.fromhex(e.salt), canonical_json(answers)) != row[3]:
        raise Refused("the revealed answers are not the ones that were sealed")
    conn.execute("UPDATE checkin_seals SET revealed = 1 WHERE checkin_id = ?", (e.checkin_id,))
    conn.execute(
        "INSERT INTO checkins (seq, author, kind, day, answers, submitted_at, checkin_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        # answered when sealed, not when revealed
        (h.seq, h.author, row[1], row[2], json.dumps(answers), row[5], e.checkin_id),
    )
    # the questions as asked are part of the signed event, not app text
    lines = [f"{question} — {answer}" for question, answer in e.answers if answer]
    timeline_item(conn, h, "\n".join(lines), checkin=str(row[1]))
