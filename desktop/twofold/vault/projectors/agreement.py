"""The living agreement: versions, numbered in order, and who acknowledged each."""

from __future__ import annotations

import json

from twofold.domain.events import AgreementAcknowledged, AgreementProposed
from twofold.domain.ledger import EventHeader, EventKind
from twofold.vault.database import Connection
from twofold.vault.projectors.base import one, projects, timeline_item


@projects(EventKind.AGREEMENT_PROPOSED)
def proposed(conn: Connection, h: EventHeader, e: AgreementProposed) -> None:
    number = one(conn, "SELECT coalesce(max(number), 0) + 1 FROM agreement_versions")
    conn.execute(
        "INSERT INTO agreement_versions (version_id, number, author, proposed_at, sections, "
        "note) VALUES (?, ?, ?, ?, ?, ?)",
        (e.version_id, number, h.author, h.occurred_at, json.dumps(e.sections), e.note),
    )
    conn.execute(
        "INSERT INTO agreement_acks (version_id, partner, seq) VALUES (?, ?, ?)",
        (e.version_id, h.author, h.seq),
    )
    timeline_item(conn, h, "", e.note, number=number)


@projects(EventKind.AGREEMENT_ACKNOWLEDGED)
def acknowledged(conn: Connection, h: EventHeader, e: AgreementAcknowledged) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO agreement_acks (version_id, partner, seq) VALUES (?, ?, ?)",
        (e.version_id, h.author, h.seq),
    )
    number = one(conn, "SELECT number FROM agreement_versions WHERE version_id = ?", e.version_id)
    timeline_item(conn, h, number=number)
