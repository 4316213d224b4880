"""Appreciations, the couple's values and the shared story."""

from __future__ import annotations

from twofold.domain.events import AppreciationRecorded, StoryChapter, ValuesSet
from twofold.domain.ledger import EventHeader, EventKind
from twofold.vault.database import Connection
from twofold.vault.projectors.base import projects, timeline_item


@projects(EventKind.APPRECIATION)
def appreciation(conn: Connection, h: EventHeader, e: AppreciationRecorded) -> None:
    conn.execute(
        "INSERT INTO appreciations (seq, author, text, at) VALUES (?, ?, ?, ?)",
        (h.seq, h.author, e.text, h.occurred_at),
    )
    timeline_item(conn, h, e.text)


@projects(EventKind.VALUES_SET)
def values(conn: Connection, h: EventHeader, e: ValuesSet) -> None:
    conn.execute("DELETE FROM couple_values")
    conn.executemany(
        "INSERT INTO couple_values (position, value, set_seq) VALUES (?, ?, ?)",
        [(i, v, h.seq) for i, v in enumerate(e.values)],
    )
    timeline_item(conn, h, ", ".join(e.values))


@projects(EventKind.STORY_CHAPTER)
def chapter(conn: Connection, h: EventHeader, e: StoryChapter) -> None:
    conn.execute(
        "INSERT INTO story_chapters (seq, author, title, text, at) VALUES (?, ?, ?, ?, ?)",
        (h.seq, h.author, e.title, e.text, h.occurred_at),
    )
    timeline_item(conn, h, f"{e.title}\n{e.text}")
