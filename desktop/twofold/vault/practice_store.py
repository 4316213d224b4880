"""Reading the repair practice's projections in ``shared.db`` (commitments,
check-offs, the safety plan, the agreement, check-ins, setbacks, wins, together,
joint sessions). They are written by the projectors in ``vault/projectors/`` in the
same transaction as their event, and checked against the events by ``verify``."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from twofold.domain.agreement import AgreementVersion
from twofold.domain.checkins import Checkin, CheckinKind
from twofold.domain.commitments import Cadence, CheckOff, Commitment, Outcome
from twofold.domain.setbacks import RepairStep, Setback, StepTaken, Win
from twofold.vault.database import Connection, mapped_errors
from twofold.vault.readable import readable

_WHAT = "The shared ledger (shared.db)"


def commitments(conn: Connection, include_ended: bool = False) -> list[Commitment]:
    """Accepted, running commitments (what counts); ``include_ended``: every one,
    proposed, declined and ended too (their ``state`` says which)."""
    where = "" if include_ended else "WHERE state = 'accepted'"
    with mapped_errors(_WHAT):
        rows = conn.execute(
            "SELECT id, title, detail, owner, cadence, hard_day, start, ended, state FROM commitments "
            f"{where} ORDER BY made_seq"
        ).fetchall()
    return readable(
        rows,
        lambda r: Commitment(
            id=str(r[0]),
            title=str(r[1]),
            detail=str(r[2]),
            owner=str(r[3]),
            cadence=Cadence.from_json(json.loads(r[4])),
            hard_day=str(r[5]),
            start=date.fromisoformat(r[6]),
            ended=bool(r[7]),
            state=str(r[8]),
        ),
    )


def check_offs(conn: Connection, commitment_id: str | None = None) -> list[tuple[int, CheckOff]]:
    where, args = ("WHERE commitment_id = ?", (commitment_id,)) if commitment_id else ("", ())
    with mapped_errors(_WHAT):
        rows = conn.execute(
            "SELECT seq, commitment_id, day, outcome, note, author, acknowledged_by "
            f"FROM commitment_checks {where} ORDER BY day, seq",
            args,
        ).fetchall()
    return readable(
        rows,
        lambda r: (
            int(r[0]),
            CheckOff(
                str(r[1]), date.fromisoformat(r[2]), Outcome(r[3]), str(r[5]), str(r[4]), str(r[6])
            ),
        ),
    )


def safety_plan(conn: Connection) -> dict[str, Any]:
    with mapped_errors(_WHAT):
        rows = conn.execute("SELECT key, value FROM safety_plan").fetchall()
    return dict(readable(rows, lambda r: (str(r[0]), json.loads(r[1]))))


def agreement_versions(conn: Connection) -> list[AgreementVersion]:
    with mapped_errors(_WHAT):
        rows = conn.execute(
            "SELECT version_id, number, author, proposed_at, sections, note "
            "FROM agreement_versions ORDER BY number"
        ).fetchall()
        acks: dict[str, set[str]] = {}
        for version_id, partner in conn.execute("SELECT version_id, partner FROM agreement_acks"):
            acks.setdefault(str(version_id), set()).add(str(partner))
    return readable(
        rows,
        lambda r: AgreementVersion(
            version_id=str(r[0]),
            number=int(r[1]),
            author=str(r[2]),
            proposed_at=datetime.fromisoformat(r[3]),
            sections=dict(json.loads(r[4])),
            note=str(r[5]),
            acknowledged_by=frozenset(acks.get(str(r[0]), set())),
        ),
    )


def checkins(conn: Connection, kind: str | None = None, limit: int = 500) -> list[Checkin]:
    where, args = ("WHERE kind = ?", (kind,)) if kind else ("", ())
    with mapped_errors(_WHAT):
        rows = conn.execute(
            "SELECT seq, author, kind, day, answers, submitted_at, checkin_id FROM checkins "
            f"{where} ORDER BY day DESC, seq DESC LIMIT ?",
            (*args, limit),
        ).fetchall()
    return readable(
        rows,
        lambda r: Checkin(
            seq=int(r[0]),
            author=str(r[1]),
            kind=CheckinKind(r[2]),
            day=date.fromisoformat(r[3]),
            answers=tuple((str(q), str(a)) for q, a in json.loads(r[4])),
            submitted_at=datetime.fromisoformat(r[5]),
            checkin_id=str(r[6]),
        ),
    )


def answered_before_sealing(
    conn: Connection, limit: int = 2000
) -> list[tuple[str, CheckinKind, date]]:
    """(author, kind, day) of the check-ins among the newest ``limit`` that were
    answered before sealing existed (no check-in id). Neither the answers nor their
    JSON are read: ``checkins(limit=2000)`` for this cost 2 s at every unlock of the
    ten-year vault (the sort carried every answer)."""
    with mapped_errors(_WHAT):
        rows = conn.execute(
            "SELECT author, kind, day, checkin_id FROM checkins "
            "ORDER BY day DESC, seq DESC LIMIT ?",
            (limit,),
        ).fetchall()
    return readable(
        (r for r in rows if not str(r[3])),
        lambda r: (str(r[0]), CheckinKind(r[1]), date.fromisoformat(r[2])),
    )


def setbacks(conn: Connection) -> list[Setback]:
    with mapped_errors(_WHAT):
        rows = conn.execute(
            "SELECT id, author, day, what, trigger_text, impact FROM setbacks "
            "ORDER BY day DESC, seq DESC"
        ).fetchall()
        steps: dict[str, list[StepTaken]] = {}
        for sid, step in readable(
            conn.execute(
                "SELECT setback_id, step, author, note, at FROM setback_steps ORDER BY seq"
            ),
            lambda r: (
                str(r[0]),
                StepTaken(RepairStep(r[1]), str(r[2]), str(r[3]), datetime.fromisoformat(r[4])),
            ),
        ):
            steps.setdefault(sid, []).append(step)
        measures: dict[str, list[str]] = {}
        for sid, text in conn.execute("SELECT setback_id, text FROM countermeasures ORDER BY seq"):
            measures.setdefault(str(sid), []).append(str(text))
    return readable(
        rows,
        lambda r: Setback(
            id=str(r[0]),
            author=str(r[1]),
            day=date.fromisoformat(r[2]),
            what=str(r[3]),
            trigger=str(r[4]),
            impact=str(r[5]),
            steps=tuple(steps.get(str(r[0]), [])),
            countermeasures=tuple(measures.get(str(r[0]), [])),
        ),
    )


def wins(conn: Connection) -> list[Win]:
    with mapped_errors(_WHAT):
        rows = conn.execute(
            "SELECT seq, author, day, text, milestone FROM wins ORDER BY day DESC, seq DESC"
        ).fetchall()
    return readable(
        rows, lambda r: Win(int(r[0]), str(r[1]), date.fromisoformat(r[2]), str(r[3]), bool(r[4]))
    )


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
    return readable(rows, lambda r: (str(r[0]), str(r[1]), datetime.fromisoformat(r[2])))


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
    return readable(rows, lambda r: (str(r[0]), str(r[1]), str(r[2]), datetime.fromisoformat(r[3])))


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
    return readable(
        rows,
        lambda r: {
            "id": str(r[0]),
            "kind": str(r[1]),
            "opened_by": str(r[2]),
            "cosigned_by": str(r[3]),
            "opened_at": datetime.fromisoformat(r[4]),
            "closed_at": datetime.fromisoformat(r[5]) if r[5] else None,
            "items": by_session.get(str(r[0]), []),
        },
    )


def objectives(conn: Connection) -> list[tuple[str, str, list[tuple[str, str, datetime]]]]:
    """(objective id, text, [(author, note, when)]) in the order set."""
    with mapped_errors(_WHAT):
        rows = conn.execute("SELECT id, text FROM objectives ORDER BY seq").fetchall()
        progress = conn.execute(
            "SELECT objective_id, author, note, at FROM objective_progress ORDER BY seq"
        ).fetchall()
    notes: dict[str, list[tuple[str, str, datetime]]] = {}
    for oid, note in readable(
        progress, lambda r: (str(r[0]), (str(r[1]), str(r[2]), datetime.fromisoformat(r[3])))
    ):
        notes.setdefault(oid, []).append(note)
    return [(str(r[0]), str(r[1]), notes.get(str(r[0]), [])) for r in rows]
