"""The few columns the progress and patterns charts need, read in bulk (issue 16).

Only what the charts count is read (days, kinds, feelings, tags), never the text, so
ten years of history stay within the page's 300 ms budget.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from twofold.domain.commitments import PREFERENCE, Outcome
from twofold.vault.database import Connection, mapped_errors
from twofold.vault.readable import UNREADABLE, note_left_out, readable

_SHARED = "The shared ledger (shared.db)"
_PRIVATE = "Your private journal"


def earliest_shared_day(conn: Connection) -> date | None:
    """The first day anything was kept in the practice: a commitment's start, a
    check-off, a check-in, a win or a setback."""
    with mapped_errors(_SHARED):
        row = conn.execute(
            "SELECT min(d) FROM (SELECT min(start) AS d FROM commitments WHERE state = 'accepted' "
            "UNION ALL SELECT min(day) FROM commitment_checks "
            "UNION ALL SELECT min(day) FROM checkins "
            "UNION ALL SELECT min(day) FROM wins "
            "UNION ALL SELECT min(day) FROM setbacks)"
        ).fetchone()
    if not row or not row[0]:
        return None
    try:
        return date.fromisoformat(row[0])
    except UNREADABLE:  # an edited day sorts first: the days that parse decide
        with mapped_errors(_SHARED):
            rows = conn.execute(
                "SELECT start FROM commitments WHERE state = 'accepted' "
                "UNION ALL SELECT day FROM commitment_checks UNION ALL SELECT day FROM checkins "
                "UNION ALL SELECT day FROM wins UNION ALL SELECT day FROM setbacks"
            ).fetchall()
        return min(readable(rows, lambda r: date.fromisoformat(r[0])), default=None)


def outcomes_by_day(conn: Connection) -> dict[str, dict[date, set[Outcome]]]:
    """commitment id → day → the outcomes recorded for it: ``period_outcomes``'s input
    without building a CheckOff per row (ten years of check-offs: 8,000 rows). The
    rows left out are those ``practice_store.check_offs`` leaves out (a day or an
    outcome that does not read), and the id is compared as its text, as there."""
    days: dict[str, date] = {}
    outcomes = {o.value: o for o in Outcome}
    out: dict[str, dict[date, set[Outcome]]] = {}
    with mapped_errors(_SHARED):
        rows = conn.execute("SELECT commitment_id, day, outcome FROM commitment_checks").fetchall()
    for commitment_id, day_text, outcome in rows:
        try:
            day = days.get(day_text)
            if day is None:
                day = days[day_text] = date.fromisoformat(day_text)
            found = outcomes[outcome]
        except UNREADABLE:  # edited outside Twofold: left out, named by the full check
            note_left_out()
            continue
        out.setdefault(str(commitment_id), {}).setdefault(day, set()).add(found)
    return out


def best_outcomes_by_day(conn: Connection) -> dict[str, dict[date, Outcome]]:
    """commitment id → day → the best outcome recorded that day (``PREFERENCE``):
    ``outcomes_from_best``'s input, read in the index's order. Not grouped in SQL:
    with SQLCipher's memory security on, a GROUP BY of 8,000 (commitment, day) groups
    took 380–580 ms here, the plain ordered scan 9 ms."""
    rank = {o.value: i for i, o in enumerate(PREFERENCE)}
    with mapped_errors(_SHARED):
        rows = conn.execute(
            "SELECT commitment_id, day, outcome FROM commitment_checks "
            "INDEXED BY checks_by_commitment ORDER BY commitment_id, day"
        ).fetchall()
    out: dict[str, dict[date, Outcome]] = {}
    days: dict[date, Outcome] = {}
    current, previous_text, previous_rank = None, "", 0
    day = date.min
    from_iso = date.fromisoformat
    for commitment_id, day_text, outcome in rows:
        if commitment_id != current:
            current, days, previous_text = commitment_id, out.setdefault(commitment_id, {}), ""
        position = rank.get(outcome)
        if position is None:  # edited outside Twofold: left out, named by the full check
            continue
        if day_text == previous_text:  # a second check-off that day: the best counts
            if position >= previous_rank:
                continue
        else:
            try:
                day, previous_text = from_iso(day_text), day_text
            except UNREADABLE:
                note_left_out()
                continue
        days[day] = PREFERENCE[position]
        previous_rank = position
    return out


def win_days(conn: Connection, since: date) -> list[tuple[date, str, str]]:
    """(day, text, milestone key) of every win from ``since`` on, oldest first."""
    with mapped_errors(_SHARED):
        rows = conn.execute(
            "SELECT day, text, milestone FROM wins WHERE day >= ? ORDER BY day, seq",
            (since.isoformat(),),
        ).fetchall()
    return readable(rows, lambda r: (date.fromisoformat(r[0]), str(r[1]), str(r[2])))


def setback_days(conn: Connection, since: date) -> list[date]:
    with mapped_errors(_SHARED):
        rows = conn.execute(
            "SELECT day FROM setbacks WHERE day >= ? ORDER BY day", (since.isoformat(),)
        ).fetchall()
    return readable(rows, lambda r: date.fromisoformat(r[0]))


def checkin_days(conn: Connection, kind: str, since: date) -> list[tuple[str, date]]:
    """(author, day) of each check-in of ``kind`` from ``since`` on."""
    with mapped_errors(_SHARED):
        rows = conn.execute(
            "SELECT author, day FROM checkins WHERE kind = ? AND day >= ?",
            (kind, since.isoformat()),
        ).fetchall()
    return readable(rows, lambda r: (str(r[0]), date.fromisoformat(r[1])))


def own_checkin_answers(
    conn: Connection, author: str, kind: str, since: date
) -> list[tuple[datetime, list[tuple[str, str]]]]:
    """(submitted at, [(question, answer)]) of this partner's check-ins of ``kind``."""
    with mapped_errors(_SHARED):
        rows = conn.execute(
            "SELECT submitted_at, answers FROM checkins "
            "WHERE kind = ? AND author = ? AND day >= ? ORDER BY day",
            (kind, author, since.isoformat()),
        ).fetchall()
    return readable(
        rows,
        lambda r: (datetime.fromisoformat(r[0]), [(str(q), str(a)) for q, a in json.loads(r[1])]),
    )


def earliest_record(conn: Connection) -> datetime | None:
    with mapped_errors(_PRIVATE):
        row = conn.execute(
            "SELECT created_at FROM journal.records INDEXED BY records_newest "
            "ORDER BY created_at, id LIMIT 1"
        ).fetchone()
    return datetime.fromisoformat(row[0]) if row else None


def record_facts(
    conn: Connection, since: datetime
) -> list[tuple[str, tuple[str, ...], tuple[str, ...], datetime]]:
    """(kind, feelings, tags, when written) of every private record from ``since`` on:
    the chart's facts, never the text. (SQLite's 'localtime' was measured 10× slower
    than Python's astimezone for this.)"""
    with mapped_errors(_PRIVATE):
        rows = conn.execute(
            "SELECT kind, feelings, tags, created_at "
            "FROM journal.records WHERE created_at >= ? ORDER BY created_at, id",
            (since.isoformat(timespec="microseconds"),),
        ).fetchall()
    return [(str(r[0]), _labels(r[1]), _labels(r[2]), datetime.fromisoformat(r[3])) for r in rows]


def _labels(text: str) -> tuple[str, ...]:
    return () if text == "[]" else tuple(str(v) for v in json.loads(text))
