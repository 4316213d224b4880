"""Setbacks with their repair steps and counter-measures; wins and milestones."""

from __future__ import annotations

from twofold.domain.events import (
    SetbackCountermeasure,
    SetbackLogged,
    SetbackStepTaken,
    WinRecorded,
)
from twofold.domain.ledger import EventHeader, EventKind
from twofold.vault.database import Connection
from twofold.vault.projectors.base import one, projects, timeline_item


@projects(EventKind.SETBACK_LOGGED)
def logged(conn: Connection, h: EventHeader, e: SetbackLogged) -> None:
    conn.execute(
        "INSERT INTO setbacks (id, seq, author, day, what, trigger_text, impact) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (e.setback_id, h.seq, h.author, e.day.isoformat(), e.what, e.trigger, e.impact),
    )
    searchable = " · ".join(p for p in (e.trigger, e.impact) if p)
    timeline_item(conn, h, e.what, searchable, trigger=e.trigger, impact=e.impact)


@projects(EventKind.SETBACK_STEP)
def step(conn: Connection, h: EventHeader, e: SetbackStepTaken) -> None:
    conn.execute(
        "INSERT INTO setback_steps (seq, setback_id, step, author, note, at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (h.seq, e.setback_id, e.step.value, h.author, e.note, h.occurred_at),
    )
    what = one(conn, "SELECT what FROM setbacks WHERE id = ?", e.setback_id)
    timeline_item(conn, h, what or "", e.note, step=e.step.value)


@projects(EventKind.SETBACK_COUNTERMEASURE)
def countermeasure(conn: Connection, h: EventHeader, e: SetbackCountermeasure) -> None:
    conn.execute(
        "INSERT INTO countermeasures (seq, setback_id, text, author) VALUES (?, ?, ?, ?)",
        (h.seq, e.setback_id, e.text, h.author),
    )
    timeline_item(conn, h, e.text)


@projects(EventKind.WIN_RECORDED)
def win(conn: Connection, h: EventHeader, e: WinRecorded) -> None:
    conn.execute(
        "INSERT INTO wins (seq, author, day, text, milestone) VALUES (?, ?, ?, ?, ?)",
        (h.seq, h.author, e.day.isoformat(), e.text, e.milestone),
    )
    timeline_item(conn, h, e.text, e.evidence, milestone=bool(e.milestone))
