"""The projector registry: one function per event kind writes that event's rows.

A projector gets the connection, the signed header and the typed event, and writes
only with unqualified table names: ``verify`` replays every event into TEMP tables
of the same names (which SQLite resolves first) and compares them with the stored
projection, so the same code that writes the fast read path also checks it.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable

from twofold.domain.events import EventData
from twofold.domain.ledger import EventHeader, EventKind, canonical_json
from twofold.vault import consent_store
from twofold.vault.database import Connection

TYPE_CHECKING = False  # what type checkers assume True: typing is not imported
if TYPE_CHECKING:
    from typing import Any, TypeVar

if TYPE_CHECKING:
    Projector = Callable[[Connection, EventHeader, Any], None]
    F = TypeVar("F", bound=Projector)
_PROJECTORS: dict[EventKind, Projector] = {}
# The modules whose projectors register themselves, imported on the first projection
# (or ``registered()``), not when a vault opens: they build every event class, which
# a command that only reads (``twofold search``) never needs.
FEATURES = (
    "agreement",
    "checkins",
    "commitments",
    "consent",
    "exports",
    "joint",
    "keys",
    "reflections",
    "setbacks",
    "together",
)
_loaded = False


def _load() -> None:
    global _loaded
    for name in FEATURES:
        importlib.import_module(f"twofold.vault.projectors.{name}")
    _loaded = True


def projects(*kinds: EventKind) -> Callable[[F], F]:
    """Register a projector for one or more event kinds (one projector per kind)."""

    def register(function: F) -> F:
        for kind in kinds:
            if kind in _PROJECTORS:
                raise ValueError(f"{kind} has two projectors")
            _PROJECTORS[kind] = function
        return function

    return register


class Refused(Exception):
    """Raised by a projector for a signed event that breaks a consent rule (issue 12):
    accepting for the other, recording the other's outcome, withdrawing another's
    words… It changes nothing but its row in ``refused_events``, which verify names."""


def project(conn: Connection, header: EventHeader, event: EventData) -> None:
    if not _loaded:
        _load()
    projector = _PROJECTORS.get(EventKind(header.kind))
    if projector is None:
        return
    conn.execute("SAVEPOINT projector")
    try:
        projector(conn, header, event)
    except Refused as refused:
        conn.execute("ROLLBACK TO projector")
        consent_store.forget(conn)  # what a replay kept may have been rolled back
        conn.execute(
            "INSERT INTO refused_events (seq, reason) VALUES (?, ?)", (header.seq, str(refused))
        )
    conn.execute("RELEASE projector")


class Rewind(Exception):
    """Raised by ``project_in_batch`` when a projector refused an event after it had
    already written: the caller rolls its batch back and projects it again with
    ``project``, whose savepoint undoes those writes."""


def project_in_batch(conn: Connection, header: EventHeader, event: EventData) -> None:
    """``project`` without its savepoint, for a caller that holds one savepoint around
    a run of events (a replay) and projects that run again with ``project`` if this
    raises ``Rewind``.

    With SQLCipher's memory security every allocation SQLite makes is an mlock and
    every free a wipe and an munlock: a savepoint around an event that writes copies
    each page the event touches into a sub-journal and frees it on release, ~0.35 ms
    per event, 14 s of replaying the ten-year vault. Every projector refuses before it
    writes, so a refused event leaves nothing to roll back: only its refusal is
    recorded, as ``project`` records it after its rollback. The count of changed rows
    tells whether that holds for a refusal; if not, ``Rewind``."""
    if not _loaded:
        _load()
    projector = _PROJECTORS.get(EventKind(header.kind))
    if projector is None:
        return
    changes = conn.total_changes
    try:
        projector(conn, header, event)
    except Refused as refused:
        if conn.total_changes != changes:
            raise Rewind(header.seq) from refused
        conn.execute(
            "INSERT INTO refused_events (seq, reason) VALUES (?, ?)", (header.seq, str(refused))
        )


def registered() -> frozenset[EventKind]:
    if not _loaded:
        _load()
    return frozenset(_PROJECTORS)


# Projectors that only add the event's timeline card, as (body, request, data): they
# read nothing, refuse nothing, and several of them can be written in one statement.
if TYPE_CHECKING:
    Card = Callable[[EventHeader, Any], tuple[str, str, dict[str, Any]]]
    C = TypeVar("C", bound=Card)
_CARDS: dict[EventKind, Card] = {}


def projects_card(kind: EventKind) -> Callable[[C], C]:
    """Register a projector that only adds the event's timeline card: ``card`` gives
    its words and data; ``project`` writes it like any other projector, and
    ``project_cards`` writes a run of them in one statement."""

    def register(card: C) -> C:
        def projector(conn: Connection, h: EventHeader, e: Any) -> None:
            body, request, data = card(h, e)
            timeline_item(conn, h, body, request, **data)

        projects(kind)(projector)
        _CARDS[kind] = card
        return card

    return register


def card_only(kind: str) -> bool:
    if not _loaded:
        _load()  # the card projectors register themselves as their modules load
    return EventKind(kind) in _CARDS


_CARD_ROWS = 100  # rows per statement (8 values each, far below SQLite's limit)


def project_cards(conn: Connection, items: list[tuple[EventHeader, Any]]) -> None:
    """The timeline cards of events whose projector is card-only, in order, in one
    INSERT per ``_CARD_ROWS`` (the same rows ``project`` writes one by one): the
    search index's trigger then runs in one statement savepoint, and FTS5 writes
    its pending terms once instead of once per event."""
    for first in range(0, len(items), _CARD_ROWS):
        chunk = items[first : first + _CARD_ROWS]
        values: list[Any] = []
        for h, e in chunk:
            body, request, data = _CARDS[EventKind(h.kind)](h, e)
            values += [h.seq, h.event_id, h.kind, h.author, h.occurred_at, body, request]
            values.append(canonical_json(data).decode())
        marks = ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?)"] * len(chunk))
        conn.execute(
            "INSERT INTO timeline_items (seq, event_id, kind, author, occurred_at, body, "
            f"request, data) VALUES {marks}",
            values,
        )


def timeline_item(
    conn: Connection,
    h: EventHeader,
    body: str = "",
    request: str = "",
    **data: Any,
) -> None:
    """The event's card on the timeline. ``body`` and ``request`` hold only the
    partners' own words (they are what search finds); ``data`` holds the structured
    fields (an outcome, a day, a version number) the app renders into a sentence in
    the reader's language. Never English sentences: those belong to the UI."""
    conn.execute(
        "INSERT INTO timeline_items (seq, event_id, kind, author, occurred_at, body, request, "
        "data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            h.seq,
            h.event_id,
            h.kind,
            h.author,
            h.occurred_at,
            body,
            request,
            canonical_json(data).decode(),
        ),
    )


def genesis_label(conn: Connection, partner_id: str) -> str:
    """A partner's name as the signed first event gives it ("?" if it does not)."""
    payload = one(conn, "SELECT payload FROM ledger_events WHERE seq = 1")
    try:
        partners = json.loads(payload)["partners"]
        return next(str(p["label"]) for p in partners if p["id"] == partner_id)
    except (TypeError, ValueError, KeyError, StopIteration):
        return "?"


def one(conn: Connection, sql: str, *args: Any) -> Any:
    """The first column of the first row, or None."""
    row = conn.execute(sql, args).fetchone()
    return None if row is None else row[0]
