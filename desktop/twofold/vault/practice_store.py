"""Projections of the repair practice (commitments, check-offs, the safety plan) in
``shared.db``: written from ledger events in the same transaction, read by services."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from twofold.domain.agreement import AgreementVersion
from twofold.domain.checkins import Checkin, CheckinKind
from twofold.domain.commitments import Cadence, CheckOff, Commitment, Outcome
from twofold.domain.ledger import EventKind, LedgerEvent
from twofold.domain.setbacks import RepairStep, Setback, StepTaken, Win
from twofold.vault.database import Connection, mapped_errors

_WHAT = "The shared ledger (shared.db)"


def timeline_text(conn: Connection, kind: str, payload: dict[str, Any]) -> tuple[str, str] | None:
    """(body, request) for the timeline item of a practice event, or None for none."""
    if kind == EventKind.COMMITMENT_MADE:
        cadence = Cadence.from_json(payload["cadence"])
        hard = f" Hard-day version: {payload['hard_day']}." if payload.get("hard_day") else ""
        return f"{payload['title']} ({cadence.describe()}).{hard}", str(payload.get("detail", ""))
    if kind == EventKind.COMMITMENT_AMENDED:
        return f"New terms: {payload['title']}", str(payload.get("reason", ""))
    if kind == EventKind.COMMITMENT_CHECKED:
        row = conn.execute(
            "SELECT title FROM commitments WHERE id = ?", (payload["commitment_id"],)
        ).fetchone()
        title = row[0] if row else "a commitment"
        day = date.fromisoformat(payload["day"])
        outcome = Outcome(payload["outcome"]).label
        return f"{outcome}: {title} ({day:%a %d %b})", str(payload.get("note", ""))
    if kind == EventKind.COMMITMENT_ENDED:
        row = conn.execute(
            "SELECT title FROM commitments WHERE id = ?", (payload["commitment_id"],)
        ).fetchone()
        return f"Ended: {row[0] if row else 'a commitment'}", str(payload.get("reason", ""))
    if kind == EventKind.SAFETY_PLAN_UPDATED:
        return "The safety plan was updated.", ""
    if kind == EventKind.CHECKIN_SUBMITTED:
        titles = {"daily": "Daily check-in", "weekly": "Weekly review", "monthly": "Monthly review"}
        lines = [f"{question} — {answer}" for question, answer in payload["answers"] if answer]
        return titles.get(str(payload["kind"]), "Check-in") + "\n" + "\n".join(lines), ""
    if kind == EventKind.SETBACK_LOGGED:
        parts = [
            f"Trigger: {payload['trigger']}" if payload.get("trigger") else "",
            f"Impact: {payload['impact']}" if payload.get("impact") else "",
        ]
        return f"Setback: {payload['what']}", " · ".join(p for p in parts if p)
    if kind == EventKind.SETBACK_STEP:
        row = conn.execute(
            "SELECT what FROM setbacks WHERE id = ?", (payload["setback_id"],)
        ).fetchone()
        label = {"acknowledge": "Acknowledged", "repair": "Repaired", "restore": "Restored"}
        return (
            f"{label.get(payload['step'], payload['step'])}: {row[0] if row else 'a setback'}",
            str(payload.get("note", "")),
        )
    if kind == EventKind.SETBACK_COUNTERMEASURE:
        return f"Counter-measure: {payload['text']}", ""
    if kind == EventKind.WIN_RECORDED:
        prefix = "Milestone" if payload.get("milestone") else "Win"
        return f"{prefix}: {payload['text']}", ""
    if kind == EventKind.APPRECIATION:
        return str(payload["text"]), ""
    if kind == EventKind.VALUES_SET:
        return "Our values: " + ", ".join(str(v) for v in payload["values"]), ""
    if kind == EventKind.STORY_CHAPTER:
        return f"{payload['title']}\n{payload['text']}", ""
    if kind == EventKind.SESSION_OPENED:
        labels = {
            "weekly": "Weekly check-in",
            "dinner": "Progress dinner",
            "therapy": "Therapy session",
        }
        return f"{labels.get(str(payload['kind']), 'Session')} opened together.", ""
    if kind == EventKind.SESSION_NOTE:
        return f"Session note: {payload['text']}", ""
    if kind == EventKind.SESSION_OUTCOME:
        return f"Session outcome: {payload['text']}", ""
    if kind == EventKind.SESSION_CLOSED:
        return "The session ended.", str(payload.get("summary", ""))
    if kind == EventKind.OBJECTIVE_SET:
        return f"Therapy objective: {payload['text']}", ""
    if kind == EventKind.OBJECTIVE_PROGRESS:
        row = conn.execute(
            "SELECT text FROM objectives WHERE id = ?", (payload["objective_id"],)
        ).fetchone()
        return f"Progress on “{row[0] if row else 'an objective'}”", str(payload["note"])
    if kind == EventKind.AGREEMENT_PROPOSED:
        row = conn.execute(
            "SELECT number FROM agreement_versions WHERE version_id = ?", (payload["version_id"],)
        ).fetchone()
        number = row[0] if row else "?"
        return f"Proposed version {number} of the agreement.", str(payload.get("note", ""))
    if kind == EventKind.AGREEMENT_ACKNOWLEDGED:
        row = conn.execute(
            "SELECT number FROM agreement_versions WHERE version_id = ?", (payload["version_id"],)
        ).fetchone()
        return f"Acknowledged version {row[0] if row else '?'} of the agreement.", ""
    return None


def project(conn: Connection, event: LedgerEvent, payload: dict[str, Any]) -> None:
    h = event.header
    if h.kind == EventKind.COMMITMENT_MADE:
        conn.execute(
            "INSERT INTO commitments (id, title, detail, owner, cadence, hard_day, start, made_by, "
            "made_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                payload["commitment_id"],
                payload["title"],
                payload.get("detail", ""),
                payload["owner"],
                json.dumps(payload["cadence"]),
                payload.get("hard_day", ""),
                payload["start"],
                h.author,
                h.seq,
            ),
        )
    elif h.kind == EventKind.COMMITMENT_AMENDED:
        conn.execute(
            "UPDATE commitments SET title = ?, detail = ?, cadence = ?, hard_day = ? WHERE id = ?",
            (
                payload["title"],
                payload.get("detail", ""),
                json.dumps(payload["cadence"]),
                payload.get("hard_day", ""),
                payload["commitment_id"],
            ),
        )
    elif h.kind == EventKind.COMMITMENT_CHECKED:
        conn.execute(
            "INSERT INTO commitment_checks (seq, commitment_id, day, outcome, note, author) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                h.seq,
                payload["commitment_id"],
                payload["day"],
                payload["outcome"],
                payload.get("note", ""),
                h.author,
            ),
        )
    elif h.kind == EventKind.COMMITMENT_ACKNOWLEDGED:
        conn.execute(
            "UPDATE commitment_checks SET acknowledged_by = ? WHERE seq = ?",
            (h.author, int(payload["check_seq"])),
        )
    elif h.kind == EventKind.COMMITMENT_ENDED:
        conn.execute("UPDATE commitments SET ended = 1 WHERE id = ?", (payload["commitment_id"],))
    elif h.kind == EventKind.AGREEMENT_PROPOSED:
        number = conn.execute(
            "SELECT coalesce(max(number), 0) + 1 FROM agreement_versions"
        ).fetchone()[0]
        conn.execute(
            "INSERT INTO agreement_versions (version_id, number, author, proposed_at, sections, "
            "note) VALUES (?, ?, ?, ?, ?, ?)",
            (
                payload["version_id"],
                number,
                h.author,
                h.occurred_at,
                json.dumps(payload["sections"]),
                payload.get("note", ""),
            ),
        )
        conn.execute(
            "INSERT INTO agreement_acks (version_id, partner, seq) VALUES (?, ?, ?)",
            (payload["version_id"], h.author, h.seq),
        )
    elif h.kind == EventKind.AGREEMENT_ACKNOWLEDGED:
        conn.execute(
            "INSERT OR IGNORE INTO agreement_acks (version_id, partner, seq) VALUES (?, ?, ?)",
            (payload["version_id"], h.author, h.seq),
        )
    elif h.kind == EventKind.CHECKIN_SUBMITTED:
        conn.execute(
            "INSERT INTO checkins (seq, author, kind, day, answers, submitted_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                h.seq,
                h.author,
                payload["kind"],
                payload["day"],
                json.dumps(payload["answers"]),
                h.occurred_at,
            ),
        )
    elif h.kind == EventKind.SETBACK_LOGGED:
        conn.execute(
            "INSERT INTO setbacks (id, seq, author, day, what, trigger_text, impact) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                payload["setback_id"],
                h.seq,
                h.author,
                payload["day"],
                payload["what"],
                payload.get("trigger", ""),
                payload.get("impact", ""),
            ),
        )
    elif h.kind == EventKind.SETBACK_STEP:
        conn.execute(
            "INSERT INTO setback_steps (seq, setback_id, step, author, note, at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                h.seq,
                payload["setback_id"],
                payload["step"],
                h.author,
                payload.get("note", ""),
                h.occurred_at,
            ),
        )
    elif h.kind == EventKind.SETBACK_COUNTERMEASURE:
        conn.execute(
            "INSERT INTO countermeasures (seq, setback_id, text, author) VALUES (?, ?, ?, ?)",
            (h.seq, payload["setback_id"], payload["text"], h.author),
        )
    elif h.kind == EventKind.WIN_RECORDED:
        conn.execute(
            "INSERT INTO wins (seq, author, day, text, milestone) VALUES (?, ?, ?, ?, ?)",
            (h.seq, h.author, payload["day"], payload["text"], payload.get("milestone", "")),
        )
    elif h.kind == EventKind.APPRECIATION:
        conn.execute(
            "INSERT INTO appreciations (seq, author, text, at) VALUES (?, ?, ?, ?)",
            (h.seq, h.author, payload["text"], h.occurred_at),
        )
    elif h.kind == EventKind.VALUES_SET:
        conn.execute("DELETE FROM couple_values")
        conn.executemany(
            "INSERT INTO couple_values (position, value, set_seq) VALUES (?, ?, ?)",
            [(i, str(v), h.seq) for i, v in enumerate(payload["values"])],
        )
    elif h.kind == EventKind.STORY_CHAPTER:
        conn.execute(
            "INSERT INTO story_chapters (seq, author, title, text, at) VALUES (?, ?, ?, ?, ?)",
            (h.seq, h.author, payload["title"], payload["text"], h.occurred_at),
        )
    elif h.kind == EventKind.SESSION_OPENED:
        conn.execute(
            "INSERT INTO joint_sessions (id, seq, kind, opened_by, opened_at) VALUES (?, ?, ?, ?, ?)",
            (payload["session_id"], h.seq, payload["kind"], h.author, h.occurred_at),
        )
    elif h.kind == EventKind.SESSION_COSIGNED:
        conn.execute(
            "UPDATE joint_sessions SET cosigned_by = ? WHERE id = ?",
            (h.author, payload["session_id"]),
        )
    elif h.kind in (EventKind.SESSION_NOTE, EventKind.SESSION_OUTCOME):
        conn.execute(
            "INSERT INTO session_items (seq, session_id, kind, author, text) VALUES (?, ?, ?, ?, ?)",
            (h.seq, payload["session_id"], h.kind, h.author, payload["text"]),
        )
    elif h.kind == EventKind.SESSION_CLOSED:
        conn.execute(
            "UPDATE joint_sessions SET closed_at = ? WHERE id = ?",
            (h.occurred_at, payload["session_id"]),
        )
    elif h.kind == EventKind.OBJECTIVE_SET:
        conn.execute(
            "INSERT INTO objectives (id, seq, text, author) VALUES (?, ?, ?, ?)",
            (payload["objective_id"], h.seq, payload["text"], h.author),
        )
    elif h.kind == EventKind.OBJECTIVE_PROGRESS:
        conn.execute(
            "INSERT INTO objective_progress (seq, objective_id, session_id, note, author, at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                h.seq,
                payload["objective_id"],
                payload.get("session_id", ""),
                payload["note"],
                h.author,
                h.occurred_at,
            ),
        )
    elif h.kind == EventKind.SAFETY_PLAN_UPDATED:
        for key, value in payload["plan"].items():
            conn.execute(
                "INSERT INTO safety_plan (key, value, updated_seq) VALUES (?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                "updated_seq = excluded.updated_seq",
                (key, json.dumps(value), h.seq),
            )


def commitments(conn: Connection, include_ended: bool = False) -> list[Commitment]:
    where = "" if include_ended else "WHERE ended = 0"
    with mapped_errors(_WHAT):
        rows = conn.execute(
            "SELECT id, title, detail, owner, cadence, hard_day, start, ended FROM commitments "
            f"{where} ORDER BY made_seq"
        ).fetchall()
    return [
        Commitment(
            id=str(r[0]),
            title=str(r[1]),
            detail=str(r[2]),
            owner=str(r[3]),
            cadence=Cadence.from_json(json.loads(r[4])),
            hard_day=str(r[5]),
            start=date.fromisoformat(r[6]),
            ended=bool(r[7]),
        )
        for r in rows
    ]


def check_offs(conn: Connection, commitment_id: str | None = None) -> list[tuple[int, CheckOff]]:
    where, args = ("WHERE commitment_id = ?", (commitment_id,)) if commitment_id else ("", ())
    with mapped_errors(_WHAT):
        rows = conn.execute(
            "SELECT seq, commitment_id, day, outcome, note, author, acknowledged_by "
            f"FROM commitment_checks {where} ORDER BY day, seq",
            args,
        ).fetchall()
    return [
        (
            int(r[0]),
            CheckOff(
                str(r[1]), date.fromisoformat(r[2]), Outcome(r[3]), str(r[5]), str(r[4]), str(r[6])
            ),
        )
        for r in rows
    ]


def safety_plan(conn: Connection) -> dict[str, Any]:
    with mapped_errors(_WHAT):
        rows = conn.execute("SELECT key, value FROM safety_plan").fetchall()
    return {str(r[0]): json.loads(r[1]) for r in rows}


def agreement_versions(conn: Connection) -> list[AgreementVersion]:
    with mapped_errors(_WHAT):
        rows = conn.execute(
            "SELECT version_id, number, author, proposed_at, sections, note "
            "FROM agreement_versions ORDER BY number"
        ).fetchall()
        acks: dict[str, set[str]] = {}
        for version_id, partner in conn.execute("SELECT version_id, partner FROM agreement_acks"):
            acks.setdefault(str(version_id), set()).add(str(partner))
    return [
        AgreementVersion(
            version_id=str(r[0]),
            number=int(r[1]),
            author=str(r[2]),
            proposed_at=datetime.fromisoformat(r[3]),
            sections=dict(json.loads(r[4])),
            note=str(r[5]),
            acknowledged_by=frozenset(acks.get(str(r[0]), set())),
        )
        for r in rows
    ]


def checkins(conn: Connection, kind: str | None = None, limit: int = 500) -> list[Checkin]:
    where, args = ("WHERE kind = ?", (kind,)) if kind else ("", ())
    with mapped_errors(_WHAT):
        rows = conn.execute(
            "SELECT seq, author, kind, day, answers, submitted_at FROM checkins "
            f"{where} ORDER BY day DESC, seq DESC LIMIT ?",
            (*args, limit),
        ).fetchall()
    return [
        Checkin(
            seq=int(r[0]),
            author=str(r[1]),
            kind=CheckinKind(r[2]),
            day=date.fromisoformat(r[3]),
            answers=tuple((str(q), str(a)) for q, a in json.loads(r[4])),
            submitted_at=datetime.fromisoformat(r[5]),
        )
        for r in rows
    ]


def setbacks(conn: Connection) -> list[Setback]:
    with mapped_errors(_WHAT):
        rows = conn.execute(
            "SELECT id, author, day, what, trigger_text, impact FROM setbacks ORDER BY day DESC, seq DESC"
        ).fetchall()
        steps: dict[str, list[StepTaken]] = {}
        for sid, step, author, note, at in conn.execute(
            "SELECT setback_id, step, author, note, at FROM setback_steps ORDER BY seq"
        ):
            steps.setdefault(str(sid), []).append(
                StepTaken(RepairStep(step), str(author), str(note), datetime.fromisoformat(at))
            )
        measures: dict[str, list[str]] = {}
        for sid, text in conn.execute("SELECT setback_id, text FROM countermeasures ORDER BY seq"):
            measures.setdefault(str(sid), []).append(str(text))
    return [
        Setback(
            id=str(r[0]),
            author=str(r[1]),
            day=date.fromisoformat(r[2]),
            what=str(r[3]),
            trigger=str(r[4]),
            impact=str(r[5]),
            steps=tuple(steps.get(str(r[0]), [])),
            countermeasures=tuple(measures.get(str(r[0]), [])),
        )
        for r in rows
    ]


def wins(conn: Connection) -> list[Win]:
    with mapped_errors(_WHAT):
        rows = conn.execute(
            "SELECT seq, author, day, text, milestone FROM wins ORDER BY day DESC, seq DESC"
        ).fetchall()
    return [
        Win(int(r[0]), str(r[1]), date.fromisoformat(r[2]), str(r[3]), bool(r[4])) for r in rows
    ]


def milestones(conn: Connection) -> set[str]:
    with mapped_errors(_WHAT):
        rows = conn.execute("SELECT milestone FROM wins WHERE milestone != ''").fetchall()
    return {str(r[0]) for r in rows}


def appreciations(conn: Connection, limit: int = 200) -> list[tuple[str, str, datetime]]:
    """(author, text, when), newest first."""
    with mapped_errors(_WHAT):
        rows = conn.execute(
            "SELECT author, text, at FROM appreciations ORDER BY seq DESC LIMIT ?", (limit,)
        ).fetchall()
    return [(str(r[0]), str(r[1]), datetime.fromisoformat(r[2])) for r in rows]


def couple_values(conn: Connection) -> list[str]:
    with mapped_errors(_WHAT):
        return [
            str(r[0]) for r in conn.execute("SELECT value FROM couple_values ORDER BY position")
        ]


def story(conn: Connection) -> list[tuple[str, str, str, datetime]]:
    """(author, title, text, when), in the order written."""
    with mapped_errors(_WHAT):
        rows = conn.execute(
            "SELECT author, title, text, at FROM story_chapters ORDER BY seq"
        ).fetchall()
    return [(str(r[0]), str(r[1]), str(r[2]), datetime.fromisoformat(r[3])) for r in rows]


def joint_sessions(conn: Connection) -> list[dict[str, Any]]:
    with mapped_errors(_WHAT):
        rows = conn.execute(
            "SELECT id, kind, opened_by, cosigned_by, opened_at, closed_at FROM joint_sessions "
            "ORDER BY seq DESC"
        ).fetchall()
        items = conn.execute(
            "SELECT session_id, kind, author, text FROM session_items ORDER BY seq"
        ).fetchall()
    by_session: dict[str, list[tuple[str, str, str]]] = {}
    for session_id, kind, author, text in items:
        by_session.setdefault(str(session_id), []).append((str(kind), str(author), str(text)))
    return [
        {
            "id": str(r[0]),
            "kind": str(r[1]),
            "opened_by": str(r[2]),
            "cosigned_by": str(r[3]),
            "opened_at": datetime.fromisoformat(r[4]),
            "closed_at": datetime.fromisoformat(r[5]) if r[5] else None,
            "items": by_session.get(str(r[0]), []),
        }
        for r in rows
    ]


def objectives(conn: Connection) -> list[tuple[str, str, list[tuple[str, str, datetime]]]]:
    """(objective id, text, [(author, note, when)]) in the order set."""
    with mapped_errors(_WHAT):
        rows = conn.execute("SELECT id, text FROM objectives ORDER BY seq").fetchall()
        progress = conn.execute(
            "SELECT objective_id, author, note, at FROM objective_progress ORDER BY seq"
        ).fetchall()
    notes: dict[str, list[tuple[str, str, datetime]]] = {}
    for oid, author, note, at in progress:
        notes.setdefault(str(oid), []).append((str(author), str(note), datetime.fromisoformat(at)))
    return [(str(r[0]), str(r[1]), notes.get(str(r[0]), [])) for r in rows]
