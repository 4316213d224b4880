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
    parts = [
        f"Trigger: {e.trigger}" if e.trigger else "",
        f"Impact: {e.impact}" if e.impact else "",
    ]
    timeline_item(conn, h, f"Setback: {e.what}", " · ".join(p for p in parts if p))


@projects(EventKind.SETBACK_STEP)
def step(conn: Connection, h: EventHeader, e: SetbackStepTaken) -> None:
    conn.execute(
        "INSERT INTO setback_steps (seq, setback_id, step, author, note, at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (h.seq, e.setback_id, e.step.value, h.author, e.note, h.occurred_at),
    )
    what = one(conn, "SELECT what FROM setbacks WHERE id = ?", e.setback_id)
    label = {"acknowledge": "Acknowledged", "repair": "Repaired", "restore": "Restored"}
    timeline_item(conn, h, f"{label[e.step.value]}: {what or 'a setback'}", e.note)


@projects(EventKind.SETBACK_COUNTERMEASURE)
def countermeasure(conn: Connection, h: EventHeader, e: SetbackCountermeasure) -> None:
    conn.execute(
        "INSERT INTO countermeasures (seq, setback_id, text, author) VALUES (?, ?, ?, ?)",
        (h.seq, e.setback_id, e.text, h.author),
    )
    timeline_item(conn, h, f"Counter-measure: {e.text}")


@projects(EventKind.WIN_RECORDED)
def win(conn: Connection, h: EventHeader, e: WinRecorded) -> None:
    conn.execute(
        "INSERT INTO wins (seq, author, day, text, milestone) VALUES (?, ?, ?, ?, ?)",
        (h.seq, h.author, e.day.isoformat(), e.text, e.milestone),
    )
    timeline_item(conn, h, f"{'Milestone' if e.milestone else 'Win'}: {e.text}", e.evidence)
