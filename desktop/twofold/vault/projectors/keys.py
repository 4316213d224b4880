"""Changes to a partner's key slots, on the timeline both partners read."""

from __future__ import annotations

from twofold.domain.events import KeysChanged
from twofold.domain.ledger import EventHeader, EventKind
from twofold.vault.database import Connection
from twofold.vault.projectors.base import projects, timeline_item


@projects(EventKind.KEYS_CHANGED)
def keys_changed(conn: Connection, h: EventHeader, e: KeysChanged) -> None:
    # the sentence ("Alex's passphrase was reset …") is rendered by the reader from
    # "how" and the partner's name in the signed genesis (domain/timeline_text.py)
    timeline_item(conn, h, partner=e.partner, how=e.how)
