"""Reading the consent projections (issue 12) in ``shared.db``: proposals and
acceptances of commitments, concerns, renegotiations, sealed check-ins, withdrawn
items, who was hurt and the pace, requests to talk, session summaries, and the
events that were refused. The projectors in ``vault/projectors/`` write them and use
these readers to judge each event by its signed author (``domain/consent.py``).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from datetime import date, datetime

from twofold.vault.database import Connection, mapped_errors
from twofold.vault.readable import UNREADABLE, note_left_out, readable

TYPE_CHECKING = False  # what type checkers assume True: typing is not imported
if TYPE_CHECKING:
    from typing import Any

# The domain's consent types are imported by the readers that build them: every
# unlock reads ``epoch`` (services/signing.py), and a command that only searches
# should not build the consent, commitment and check-in classes for it.
if TYPE_CHECKING:
    from twofold.domain.checkins import CheckinKind
    from twofold.domain.consent import (
        CommitmentState,
        Consent,
        Pace,
        Renegotiation,
        Roles,
        TalkRequest,
        Terms,
    )

_WHAT = "The shared ledger (shared.db)"


# --- small readers shared by the projection and the services ----------------------


# A replay asks for the partners, their names and the consent epoch for most events
# (8,000 times each on the ten-year vault, 30-70 us a query under SQLCipher's memory
# security). Within ``remembered(conn)`` each is read once: no projector writes the
# partners, and the one that writes the epoch (``consent.adopted``) calls ``forget``.
_memo: ContextVar[tuple[Connection, dict[str, Any]] | None] = ContextVar(
    "consent_store_memo", default=None
)


@contextlib.contextmanager
def remembered(conn: Connection) -> Iterator[None]:
    token = _memo.set((conn, {}))
    try:
        yield
    finally:
        _memo.reset(token)


def forget(conn: Connection) -> None:
    """What ``remembered`` kept is read again (it was written, or rolled back)."""
    memo = _memo.get()
    if memo is not None and memo[0] is conn:
        memo[1].clear()


def _remembered(conn: Connection, key: str, read: Callable[[Connection], Any]) -> Any:
    memo = _memo.get()
    if memo is None or memo[0] is not conn:
        return read(conn)
    kept = memo[1]
    if key not in kept:
        kept[key] = read(conn)
    return kept[key]


def partners(conn: Connection) -> frozenset[str]:
    found: frozenset[str] = _remembered(conn, "partners", _partners)
    return found


def _partners(conn: Connection) -> frozenset[str]:
    return frozenset(str(r[0]) for r in conn.execute("SELECT id FROM partners"))


def labels(conn: Connection) -> dict[str, str]:
    return dict(_remembered(conn, "labels", _labels))


def _labels(conn: Connection) -> dict[str, str]:
    from twofold.domain.commitments import BOTH

    out = {str(r[0]): str(r[1]) for r in conn.execute("SELECT id, label FROM partners")}
    out[BOTH] = "both of you"
    return out


def epoch(conn: Connection) -> int | None:
    found: int | None = _remembered(conn, "epoch", _epoch)
    return found


def _epoch(conn: Connection) -> int | None:
    row = conn.execute("SELECT value FROM consent_meta WHERE key = 'epoch_seq'").fetchone()
    if row is None:
        return None
    try:
        return int(row[0])
    except (TypeError, ValueError):
        return 0  # edited by hand (verify names it): every event is judged by the rules


def consent_of(conn: Connection, commitment_id: str) -> Consent | None:
    from twofold.domain.consent import new_consent

    row = conn.execute(
        "SELECT owner, made_by, legacy FROM commitments WHERE id = ?", (commitment_id,)
    ).fetchone()
    if row is None:
        return None
    consent = new_consent(str(row[1]), str(row[0]), partners(conn), legacy=bool(row[2]))
    for partner, act, reason in conn.execute(
        "SELECT partner, act, reason FROM commitment_signatures WHERE commitment_id = ? "
        "ORDER BY seq",
        (commitment_id,),
    ):
        if act == "accepted":
            consent = consent.with_acceptance(str(partner))
        elif act == "declined":
            consent = consent.with_decline(str(partner), str(reason))
        elif act == "ended":
            consent = consent.with_end(str(partner))
        elif act == "ended_legacy":
            from dataclasses import replace

            consent = replace(consent, ended_by=consent.ended_by | {partner}, ended_legacy=True)
    return consent


def terms_of(conn: Connection, commitment_id: str) -> Terms | None:
    row = conn.execute(
        "SELECT title, detail, cadence, hard_day FROM commitments WHERE id = ?", (commitment_id,)
    ).fetchone()
    if row is None:
        return None
    try:
        return _terms_from(
            {"title": row[0], "detail": row[1], "cadence": json.loads(row[2]), "hard_day": row[3]}
        )
    except UNREADABLE:  # edited outside Twofold (the full check names it)
        note_left_out()
        return None


def terms_json(terms: Terms) -> str:
    return json.dumps(
        {
            "title": terms.title,
            "detail": terms.detail,
            "cadence": terms.cadence.to_json(),
            "hard_day": terms.hard_day,
        }
    )


def _terms_from(data: dict[str, Any]) -> Terms:
    from twofold.domain.commitments import Cadence
    from twofold.domain.consent import Terms

    return Terms(
        str(data["title"]),
        str(data.get("detail", "")),
        Cadence.from_json(data["cadence"]),
        str(data.get("hard_day", "")),
    )


def renegotiation(conn: Connection, proposal_id: str) -> Renegotiation | None:
    row = conn.execute(
        "SELECT proposal_id, commitment_id, proposer, terms, reason, day, state, answered_by, "
        "answer FROM renegotiations WHERE proposal_id = ?",
        (proposal_id,),
    ).fetchone()
    return None if row is None else _readable_renegotiation(row)


def _renegotiation(row: Any) -> Renegotiation:
    from twofold.domain.consent import Renegotiation

    return Renegotiation(
        str(row[0]),
        str(row[1]),
        str(row[2]),
        _terms_from(json.loads(row[3])),
        str(row[4]),
        date.fromisoformat(row[5]),
        str(row[6]),
        str(row[7]),
        str(row[8]),
    )


def _readable_renegotiation(row: Any) -> Renegotiation | None:
    """None for a row edited outside Twofold (the full check names it)."""
    found = readable([row], _renegotiation)
    return found[0] if found else None


def pending_renegotiation(conn: Connection, commitment_id: str) -> Renegotiation | None:
    row = conn.execute(
        "SELECT proposal_id, commitment_id, proposer, terms, reason, day, state, answered_by, "
        "answer FROM renegotiations WHERE commitment_id = ? AND state = 'proposed'",
        (commitment_id,),
    ).fetchone()
    return None if row is None else _readable_renegotiation(row)


def roles(conn: Connection) -> Roles:
    from twofold.domain.consent import Roles

    row = conn.execute(
        "SELECT hurt, words FROM roles_proposals WHERE accepted_seq > 0 "
        "ORDER BY accepted_seq DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return Roles()
    try:
        return Roles(frozenset(str(p) for p in json.loads(row[0])), str(row[1]))
    except UNREADABLE:  # edited outside Twofold (the full check names it)
        note_left_out()
        return Roles()


def pace(conn: Connection) -> Pace:
    from twofold.domain.consent import DEFAULT_ORDER, AgendaSection, Pace

    row = conn.execute("SELECT review_every_weeks, agenda_order, set_by FROM pace").fetchone()
    if row is None:
        return Pace()
    try:
        order = tuple(AgendaSection(s) for s in json.loads(row[1]))
        return Pace(int(row[0]), order or DEFAULT_ORDER, str(row[2]))
    except UNREADABLE:  # edited outside Twofold (the full check names it)
        note_left_out()
        return Pace()


def check_author(conn: Connection, check_seq: int) -> str | None:
    row = conn.execute(
        "SELECT author FROM commitment_checks WHERE seq = ?", (check_seq,)
    ).fetchone()
    return None if row is None else str(row[0])


def request(conn: Connection, request_id: str) -> TalkRequest | None:
    found = [r for r in talk_requests(conn, include_discussed=True) if r.request_id == request_id]
    return found[0] if found else None


def withdrawable_target(conn: Connection, event_id: str) -> tuple[str, str, bool] | None:
    """(author, kind, already withdrawn) of an event, or None."""
    row = conn.execute(
        "SELECT author, kind, payload IS NULL FROM ledger_events WHERE event_id = ?", (event_id,)
    ).fetchone()
    if row is None:
        return None
    return str(row[0]), str(row[1]), bool(row[2])


def setback_id_of(conn: Connection, event_id: str) -> str:
    row = conn.execute(
        "SELECT s.id FROM setbacks s JOIN ledger_events e ON e.seq = s.seq WHERE e.event_id = ?",
        (event_id,),
    ).fetchone()
    return "" if row is None else str(row[0])


def seal_event_of_reveal(conn: Connection, reveal_event_id: str) -> str | None:
    """The event id of the seal a (still projected) reveal opened, or None."""
    row = conn.execute(
        "SELECT se.event_id FROM ledger_events re "
        "JOIN checkins c ON c.seq = re.seq "
        "JOIN checkin_seals s ON s.checkin_id = c.checkin_id "
        "JOIN ledger_events se ON se.seq = s.seq "
        "WHERE re.event_id = ? AND se.payload IS NOT NULL",
        (reveal_event_id,),
    ).fetchone()
    return None if row is None else str(row[0])


# --- reading --------------------------------------------------------------------


def refused(conn: Connection) -> list[tuple[int, str]]:
    with mapped_errors(_WHAT):
        rows = conn.execute("SELECT seq, reason FROM refused_events ORDER BY seq").fetchall()
    return readable(rows, lambda r: (int(r[0]), str(r[1])))


def commitment_states(conn: Connection) -> dict[str, CommitmentState]:
    from twofold.domain.consent import CommitmentState

    with mapped_errors(_WHAT):
        rows = conn.execute("SELECT id, state FROM commitments").fetchall()
    return dict(readable(rows, lambda r: (str(r[0]), CommitmentState(r[1]))))


def signatures(conn: Connection, commitment_id: str) -> list[tuple[str, str, str]]:
    """(partner, act, reason) in signing order."""
    with mapped_errors(_WHAT):
        return [
            (str(r[0]), str(r[1]), str(r[2]))
            for r in conn.execute(
                "SELECT partner, act, reason FROM commitment_signatures WHERE commitment_id = ? ORDER BY seq",
                (commitment_id,),
            )
        ]


def concerns(conn: Connection) -> dict[int, list[tuple[str, str]]]:
    """check seq → [(author, text)]"""
    out: dict[int, list[tuple[str, str]]] = {}
    with mapped_errors(_WHAT):
        rows = conn.execute("SELECT check_seq, author, text FROM check_concerns ORDER BY seq")
        for check_seq, concern in readable(rows, lambda r: (int(r[0]), (str(r[1]), str(r[2])))):
            out.setdefault(check_seq, []).append(concern)
    return out


def renegotiations_of(
    conn: Connection, commitment_id: str | None = None
) -> list[tuple[Renegotiation, Terms]]:
    """(proposal, the terms before it), oldest first."""
    where, args = ("WHERE commitment_id = ?", (commitment_id,)) if commitment_id else ("", ())
    with mapped_errors(_WHAT):
        rows = conn.execute(
            "SELECT proposal_id, commitment_id, proposer, terms, reason, day, state, answered_by, "
            f"answer, old_terms FROM renegotiations {where} ORDER BY seq",
            args,
        ).fetchall()
    return readable(rows, lambda r: (_renegotiation(r), _terms_from(json.loads(r[9]))))


def seals(conn: Connection) -> list[tuple[str, str, CheckinKind, date, bool, int]]:
    """(checkin id, author, kind, day, revealed, seq), newest first."""
    from twofold.domain.checkins import CheckinKind

    with mapped_errors(_WHAT):
        rows = conn.execute(
            "SELECT checkin_id, author, kind, day, revealed, seq FROM checkin_seals ORDER BY day DESC, seq DESC"
        ).fetchall()
    return readable(
        rows,
        lambda r: (
            str(r[0]),
            str(r[1]),
            CheckinKind(r[2]),
            date.fromisoformat(r[3]),
            bool(r[4]),
            int(r[5]),
        ),
    )


def seal_days(
    conn: Connection, author: str, since: date
) -> tuple[dict[CheckinKind, date], list[tuple[CheckinKind, date]]]:
    """For one author's sealed check-ins: the first day of each kind, and (kind, day)
    of those on or after ``since``, newest first. What "missed the last one" needs,
    without turning ten years of seals into Python objects (9,330 of them were ~60 ms
    of the first unlock of the ten-year vault)."""
    from twofold.domain.checkins import CheckinKind

    kinds = list(CheckinKind)
    # One pass for the first days (a GROUP BY sorted the seals first: 6x slower).
    firsts = ", ".join("MIN(CASE WHEN kind = ? THEN day END)" for _ in kinds)
    with mapped_errors(_WHAT):
        first = conn.execute(
            f"SELECT {firsts} FROM checkin_seals WHERE author = ?",
            (*(kind.value for kind in kinds), author),
        ).fetchone()
        recent = conn.execute(
            "SELECT kind, day FROM checkin_seals WHERE author = ? AND day >= ? "
            "ORDER BY day DESC, seq DESC",
            (author, since.isoformat()),
        ).fetchall()
    return (
        dict(
            readable(
                ((kind, day) for kind, day in zip(kinds, first, strict=True) if day),
                lambda r: (r[0], date.fromisoformat(r[1])),
            )
        ),
        readable(recent, lambda r: (CheckinKind(r[0]), date.fromisoformat(r[1]))),
    )


def checkin_event_ids(conn: Connection, seqs: list[int]) -> dict[int, str]:
    if not seqs:
        return {}
    marks = ",".join("?" * len(seqs))
    with mapped_errors(_WHAT):
        return {
            int(r[0]): str(r[1])
            for r in conn.execute(
                f"SELECT seq, event_id FROM ledger_events WHERE seq IN ({marks})", seqs
            )
        }


def talk_requests(conn: Connection, include_discussed: bool = False) -> list[TalkRequest]:
    from twofold.domain.consent import RequestKind, TalkRequest

    where = "" if include_discussed else "WHERE discussed = 0"
    with mapped_errors(_WHAT):
        rows = conn.execute(
            f"SELECT request_id, seq, author, kind, boundary, words, discussed FROM talk_requests {where} ORDER BY seq"
        ).fetchall()
        answers: dict[str, list[tuple[str, str]]] = {}
        for rid, author, words in conn.execute(
            "SELECT request_id, author, words FROM request_answers ORDER BY seq"
        ):
            answers.setdefault(str(rid), []).append((str(author), str(words)))
    return readable(
        rows,
        lambda r: TalkRequest(
            str(r[0]),
            int(r[1]),
            str(r[2]),
            RequestKind(r[3]),
            str(r[4]),
            str(r[5]),
            tuple(answers.get(str(r[0]), [])),
            bool(r[6]),
        ),
    )


def roles_proposals(conn: Connection) -> list[dict[str, Any]]:
    with mapped_errors(_WHAT):
        rows = conn.execute(
            "SELECT proposal_id, author, hurt, words, accepted_by FROM roles_proposals ORDER BY seq"
        ).fetchall()
    return readable(
        rows,
        lambda r: {
            "proposal_id": str(r[0]),
            "author": str(r[1]),
            "hurt": frozenset(json.loads(r[2])),
            "words": str(r[3]),
            "accepted_by": str(r[4]),
        },
    )


def session_summary(conn: Connection, session_id: str) -> tuple[str, str, str] | None:
    """(summary, closed by, agreed by) of an ended session."""
    row = conn.execute(
        "SELECT summary, closed_by, summary_agreed_by FROM joint_sessions WHERE id = ? AND closed_by != ''",
        (session_id,),
    ).fetchone()
    return None if row is None else (str(row[0]), str(row[1]), str(row[2]))


def event_ids(conn: Connection, seqs: list[int]) -> dict[int, str]:
    return checkin_event_ids(conn, seqs)


def appreciation_items(conn: Connection, limit: int = 200) -> list[tuple[str, str, str, datetime]]:
    """(event id, author, text, when), newest first."""
    with mapped_errors(_WHAT):
        rows = conn.execute(
            "SELECT e.event_id, a.author, a.text, a.at FROM appreciations a "
            "JOIN ledger_events e ON e.seq = a.seq ORDER BY a.seq DESC LIMIT ?",
            (limit,),
        ).fetchall()
    return readable(rows, lambda r: (str(r[0]), str(r[1]), str(r[2]), datetime.fromisoformat(r[3])))


def story_items(conn: Connection) -> list[tuple[str, str, str, str, datetime]]:
    """(event id, author, title, text, when), in the order written."""
    with mapped_errors(_WHAT):
        rows = conn.execute(
            "SELECT e.event_id, s.author, s.title, s.text, s.at FROM story_chapters s "
            "JOIN ledger_events e ON e.seq = s.seq ORDER BY s.seq"
        ).fetchall()
    return readable(
        rows, lambda r: (str(r[0]), str(r[1]), str(r[2]), str(r[3]), datetime.fromisoformat(r[4]))
    )


def session_item_ids(conn: Connection, session_id: str) -> list[tuple[str, str, str, str]]:
    """(event id, kind, author, text) of one session's notes and outcomes."""
    with mapped_errors(_WHAT):
        rows = conn.execute(
            "SELECT e.event_id, i.kind, i.author, i.text FROM session_items i "
            "JOIN ledger_events e ON e.seq = i.seq WHERE i.session_id = ? ORDER BY i.seq",
            (session_id,),
        ).fetchall()
    return [(str(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows]


def setback_event_ids(conn: Connection) -> dict[str, str]:
    """setback id → the event id that logged it."""
    with mapped_errors(_WHAT):
        rows = conn.execute(
            "SELECT s.id, e.event_id FROM setbacks s JOIN ledger_events e ON e.seq = s.seq"
        ).fetchall()
    return {str(r[0]): str(r[1]) for r in rows}


def refusal(conn: Connection, seq: int) -> str | None:
    """Why the event at ``seq`` was refused, or None if it was honoured."""
    row = conn.execute("SELECT reason FROM refused_events WHERE seq = ?", (seq,)).fetchone()
    return None if row is None else str(row[0])
