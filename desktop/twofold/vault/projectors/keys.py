"""Changes to a partner's key slots, on the timeline both partners read."""

from __future__ import annotations

from twofold.domain.events import KeysChanged
from twofold.domain.ledger import EventHeader, EventKind, key_change_text
from twofold.vault.database import Connection
from twofold.vault.projectors.base import one, projects, timeline_item


@projects(EventKind.KEYS_CHANGED)
def keys_changed(conn: Connection, h: EventHeader, e: KeysChanged) -> None:
    name = one(conn, "SELECT label FROM partners WHERE id = ?", e.partner) or "A partner"
    timeline_item(conn, h, key_change_text(e.how, str(name)))
