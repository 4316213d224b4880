"""The genesis and shared reflections on the timeline."""

from __future__ import annotations

from twofold.domain.events import ReflectionRetracted, ReflectionShared, VaultCreated
from twofold.domain.ledger import EventHeader, EventKind
from twofold.vault.database import Connection
from twofold.vault.projectors.base import projects, timeline_item


@projects(EventKind.VAULT_CREATED)
def created(conn: Connection, h: EventHeader, e: VaultCreated) -> None:
    timeline_item(conn, h, names=[p.label for p in e.partners])


@projects(EventKind.REFLECTION_SHARED)
def shared(conn: Connection, h: EventHeader, e: ReflectionShared) -> None:
    timeline_item(conn, h, e.text, e.request)


@projects(EventKind.REFLECTION_RETRACTED)
def retracted(conn: Connection, h: EventHeader, e: ReflectionRetracted) -> None:
    conn.execute(
        "UPDATE timeline_items SET body = '', request = '', retracted = 1 WHERE event_id = ?",
        (e.target,),
    )
