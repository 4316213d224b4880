"""Exports and leaving on the timeline: both partners see every report that left the
vault (issue 15)."""

from __future__ import annotations

from twofold.domain.events import ExportAgreed, ExportMade, PartnerLeft
from twofold.domain.ledger import EventHeader, EventKind
from twofold.vault.database import Connection
from twofold.vault.projectors.base import genesis_label, projects, timeline_item


@projects(EventKind.EXPORT_MADE)
def made(conn: Connection, h: EventHeader, e: ExportMade) -> None:
    left = {"left": genesis_label(conn, e.after_left)} if e.after_left else {}
    timeline_item(
        conn,
        h,
        format=e.format,
        start=e.start.isoformat(),
        end=e.end.isoformat(),
        sections=list(e.sections),
        private_entries=e.private_entries,
        **left,
    )


@projects(EventKind.EXPORT_AGREED)
def agreed(conn: Connection, h: EventHeader, e: ExportAgreed) -> None:
    timeline_item(conn, h)


@projects(EventKind.PARTNER_LEFT)
def left(conn: Connection, h: EventHeader, e: PartnerLeft) -> None:
    timeline_item(conn, h, partner=e.partner, copy=e.copy)
