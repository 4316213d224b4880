"""The genesis and shared reflections on the timeline."""

from __future__ import annotations

from typing import Any

from twofold.domain.events import ReflectionRetracted, ReflectionShared, VaultCreated
from twofold.domain.ledger import EventHeader, EventKind
from twofold.vault.database import Connection
from twofold.vault.projectors.base import projects, projects_card, timeline_item


@projects(EventKind.VAULT_CREATED)
def created(conn: Connection, h: EventHeader, e: VaultCreated) -> None:
    timeline_item(conn, h, names=[p.label for p in e.partners])


@projects_card(EventKind.REFLECTION_SHARED)
def shared(h: EventHeader, e: ReflectionShared) -> tuple[str, str, dict[str, Any]]:
    return e.text, e.request, {}


@projects(EventKind.REFLECTION_RETRACTED)
def retracted(conn: Connection, h: EventHeader, e: ReflectionRetracted) -> None:
    conn.execute(
        "UPDATE timeline_items SET body = '', request = '', retracted = 1 WHERE event_id = ?",
        (e.target,),
    )
