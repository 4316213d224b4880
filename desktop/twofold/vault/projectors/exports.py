"""Exports and leaving on the timeline: both partners see every report that left the
vault (issue 15)."""

from __future__ import annotations

from twofold.domain.events import ExportAgreed, ExportMade, PartnerLeft
from twofold.domain.ledger import EventHeader, EventKind
from twofold.domain.report import ReportFormat, ReportSection
from twofold.vault.database import Connection
from twofold.vault.projectors.base import projects, timeline_item


@projects(EventKind.EXPORT_MADE)
def made(conn: Connection, h: EventHeader, e: ExportMade) -> None:
    try:
        what = ReportFormat(e.format).label
    except ValueError:
        what = e.format
    private = (
        f", with {e.private_entries} of their own private entries" if e.private_entries else ""
    )
    parts = []
    for key in e.sections:
        try:
            parts.append(ReportSection(key).label)
        except ValueError:
            parts.append(key)
    timeline_item(
        conn,
        h,
        f"Exported a report ({what}) of {e.start.isoformat()} to {e.end.isoformat()}{private}.",
        "Parts: " + ", ".join(parts),
    )


@projects(EventKind.EXPORT_AGREED)
def agreed(conn: Connection, h: EventHeader, e: ExportAgreed) -> None:
    timeline_item(conn, h, "Agreed to the export.")


@projects(EventKind.PARTNER_LEFT)
def left(conn: Connection, h: EventHeader, e: PartnerLeft) -> None:
    copy = " and took a read-only copy of the shared history up to today" if e.copy else ""
    timeline_item(
        conn,
        h,
        f"Left the vault{copy}. What is written from now on is not readable with their key.",
    )
