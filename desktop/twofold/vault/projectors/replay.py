"""Projections are re-derivable: replay every signed event through the projectors.

``rebuild`` rewrites the stored projections (when their format changes: an upgrade
re-derives them from the events); ``check`` replays into TEMP tables of the same
names, which SQLite resolves before ``main``, and compares them row by row with what
is stored, naming each row that was edited, inserted or deleted outside Twofold and
the event it belongs to.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterable, Sequence

from twofold.domain import events as typed
from twofold.domain.events import EventData, GenesisPartner, VaultCreated
from twofold.domain.ledger import EventHeader, EventKind, LedgerEvent, Problem, ShownState
from twofold.domain.valueclass import valueclass
from twofold.vault import consent_store, projectors
from twofold.vault.database import Connection, transaction
from twofold.vault.schema import SHARED_MIGRATIONS, statements

TYPE_CHECKING = False  # what type checkers assume True: typing is not imported
if TYPE_CHECKING:
    from typing import Any

# Bump when a projector writes different rows for the same events: opening a vault
# then rebuilds its projections from the events, in one transaction.
# 2: consent in every shared practice (issue 12): commitments' state, the consent
# tables, timeline fields of proposals
FORMAT = 2
FORMAT_KEY = "projection_format"


@valueclass
class Table:
    name: str
    key: tuple[str, ...]
    event_column: str | None  # the column holding the seq of the event that wrote a row


TABLES: tuple[Table, ...] = (
    Table("timeline_items", ("seq",), "seq"),
    Table("commitments", ("id",), "made_seq"),
    Table("commitment_checks", ("seq",), "seq"),
    Table("safety_plan", ("key",), "updated_seq"),
    Table("agreement_versions", ("version_id",), None),
    Table("agreement_acks", ("version_id", "partner"), "seq"),
    Table("checkins", ("seq",), "seq"),
    Table("setbacks", ("id",), "seq"),
    Table("setback_steps", ("seq",), "seq"),
    Table("countermeasures", ("seq",), "seq"),
    Table("wins", ("seq",), "seq"),
    Table("appreciations", ("seq",), "seq"),
    Table("couple_values", ("position",), "set_seq"),
    Table("story_chapters", ("seq",), "seq"),
    Table("joint_sessions", ("id",), "seq"),
    Table("session_items", ("seq",), "seq"),
    Table("objectives", ("id",), "seq"),
    Table("objective_progress", ("seq",), "seq"),
    # consent in every shared practice (issue 12)
    Table("consent_meta", ("key",), None),
    Table("refused_events", ("seq",), "seq"),
    Table("commitment_signatures", ("seq",), "seq"),
    Table("check_concerns", ("seq",), "seq"),
    Table("renegotiations", ("proposal_id",), "seq"),
    Table("checkin_seals", ("checkin_id",), "seq"),
    Table("withdrawn_items", ("target",), "seq"),
    Table("roles_proposals", ("proposal_id",), "seq"),
    Table("pace", ("id",), "seq"),
    Table("talk_requests", ("request_id",), "seq"),
    Table("request_answers", ("seq",), "seq"),
)
_NAMES = {t.name for t in TABLES}


def typed_event(event: LedgerEvent) -> EventData | None:
    """The typed event, or None when it cannot be read (verify names that event).
    A retracted reflection projects as an empty one: its retraction clears it anyway."""
    if event.payload is None:
        return (
            typed.ReflectionShared("") if event.header.kind == EventKind.REFLECTION_SHARED else None
        )
    try:
        return typed.decode(event.header.kind, json.loads(event.payload))
    except (ValueError, KeyError, TypeError):
        return None


def _withdrawals(events: Sequence[LedgerEvent]) -> dict[str, typed.ItemWithdrawn]:
    """Each withdrawn item's signed withdrawal, by the withdrawn event's id."""
    out: dict[str, typed.ItemWithdrawn] = {}
    for event in events:
        if event.header.kind == EventKind.ITEM_WITHDRAWN:
            data = typed_event(event)
            if isinstance(data, typed.ItemWithdrawn):
                out.setdefault(data.target, data)
    return out


# Events per savepoint of a replay (``projectors.project_in_batch``): pages touched
# by a run of events are copied into the sub-journal once, not once per event.
BATCH = 500


def replay(conn: Connection, events: Iterable[LedgerEvent]) -> None:
    """Project the events in order: the same rows as ``projectors.project`` called for
    each, with one savepoint per ``BATCH`` events instead of one per event, and the
    cards of consecutive card-only events in one statement (``project_cards``, as
    the sharing step writes them). A run in which a projector refused after it had
    written is rolled back and projected again event by event (``projectors.Rewind``)."""
    events = list(events)
    withdrawals = _withdrawals(events)
    with consent_store.remembered(conn):
        for first in range(0, len(events), BATCH):
            run = events[first : first + BATCH]
            conn.execute("SAVEPOINT replay")
            try:
                _project(conn, run, withdrawals, batched=True)
            except projectors.Rewind:
                conn.execute("ROLLBACK TO replay")
                consent_store.forget(conn)
                _project(conn, run, withdrawals, batched=False)
            conn.execute("RELEASE replay")


def _project(
    conn: Connection,
    events: Sequence[LedgerEvent],
    withdrawals: dict[str, typed.ItemWithdrawn],
    *,
    batched: bool,
) -> None:
    """``batched``: no savepoint per event, cards together; else each event with
    ``projectors.project`` on its own, as signing it does."""
    from twofold.vault import priority  # a replay only (threading, on first use)
    from twofold.vault.projectors import consent  # with the projectors, on first use

    project = projectors.project_in_batch if batched else projectors.project
    cards: list[tuple[EventHeader, EventData]] = []
    for event in events:
        priority.pause_point()  # the window's page first (vault/priority.py)
        data = typed_event(event)
        if data is not None and batched and projectors.card_only(event.header.kind):
            cards.append((event.header, data))
            continue
        if cards:  # written before any later event reads or changes them
            projectors.project_cards(conn, cards)
            cards = []
        if data is not None:
            project(conn, event.header, data)
        elif event.payload is None and event.header.event_id in withdrawals:
            # withdrawn by its author (issue 12): what the withdrawal left, no words
            consent.withdrawn_placeholder(conn, event.header, withdrawals[event.header.event_id])
    projectors.project_cards(conn, cards)


def _search_index_steps() -> tuple[list[str], list[str]]:
    """The latest migration that rebuilds the shared search index, split in two: what
    drops it (its triggers and table) and what makes and fills it again in bulk."""
    for migration in reversed(SHARED_MIGRATIONS):
        steps = statements(migration)
        made = [i for i, s in enumerate(steps) if s.startswith("CREATE VIRTUAL TABLE timeline_fts")]
        if made:
            return steps[: made[0]], steps[made[0] :]
    raise AssertionError("no migration makes timeline_fts")


def rebuild(conn: Connection, events: Iterable[LedgerEvent]) -> None:
    """Re-derive every stored projection. Call inside a write transaction.

    The search index is dropped first and rebuilt in bulk at the end: deleting 20,000
    timeline rows one by one through its triggers (secure-delete, prefix indexes) took
    13 minutes on the ten-year benchmark vault."""
    drop, make = _search_index_steps()
    for statement in drop:
        conn.execute(statement)
    for table in reversed(TABLES):  # children before their parents (foreign keys)
        conn.execute(f"DELETE FROM main.{table.name}")
    replay(conn, events)
    for statement in make:
        conn.execute(statement)
    conn.execute(
        "INSERT INTO main.meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (FORMAT_KEY, str(FORMAT)),
    )


def stored_format(conn: Connection) -> str | None:
    """The projections' format marker as stored (None: there is none)."""
    row = conn.execute("SELECT value FROM main.meta WHERE key = ?", (FORMAT_KEY,)).fetchone()
    return None if row is None else str(row[0])


def is_current(conn: Connection) -> bool:
    return stored_format(conn) == str(FORMAT)


def ensure_current(conn: Connection, events: Sequence[LedgerEvent]) -> bool:
    """Rebuild the projections if they were written in an older format (an upgrade).
    Returns True if it rebuilt."""
    if is_current(conn):
        return False
    with transaction(conn, "The shared ledger (shared.db)"):
        if is_current(conn):
            return False
        rebuild(conn, events)
    return True


# --- checking ----------------------------------------------------------------------


# Indexes that only the window's pages read: the replay neither reads them nor
# needs them for a constraint, and the comparison reads whole tables, so the TEMP
# copies go without (each was a cursor, a record and a b-tree write per row, every
# allocation an mlock under SQLCipher's memory security: 40,000 timeline rows).
_PAGE_INDEXES = frozenset(
    {
        "timeline_newest",
        "timeline_by_kind",
        "checkins_by_kind",
        "checkins_newest",
        "checks_by_commitment",
    }
)


def _temp_ddl() -> list[str]:
    """The projection tables' DDL from the migrations, retargeted at TEMP (without
    the indexes of ``_PAGE_INDEXES``: never a UNIQUE one)."""
    ddl: list[str] = []
    for migration in SHARED_MIGRATIONS:
        for statement in statements(migration):
            m = re.match(r"CREATE TABLE (\w+)", statement)
            if m and m.group(1) in _NAMES:
                ddl.append("CREATE TEMP TABLE" + statement[len("CREATE TABLE") :])
                continue
            m = re.match(r"ALTER TABLE (\w+)", statement)
            if m and m.group(1) in _NAMES:
                ddl.append(f"ALTER TABLE temp.{m.group(1)}" + statement[m.end() :])
                continue
            m = re.match(r"CREATE (UNIQUE )?INDEX (\w+) ON (\w+)", statement)
            if m and not m.group(1) and m.group(2) in _PAGE_INDEXES:
                continue
            if m and m.group(3) in _NAMES:
                ddl.append(
                    f"CREATE {m.group(1) or ''}INDEX temp.{m.group(2)} ON {m.group(3)}"
                    + statement[m.end() :]
                )
    return ddl


def check(conn: Connection, events: Sequence[LedgerEvent]) -> list[Problem]:
    """Replay the events into TEMP tables and compare them with the stored projections,
    the search index's copy of the timeline, and the partners table."""
    by_seq = {e.header.seq: e for e in events}
    problems: list[Problem] = []
    created: list[str] = []
    _drop(conn, [t.name for t in TABLES])  # left over from an interrupted check
    try:
        # TEMP only: no lock on the vault's files (a savepoint: it may run inside the
        # caller's read transaction, which then holds the rows it compares still)
        conn.execute("SAVEPOINT replay_check")
        try:
            for statement in _temp_ddl():
                conn.execute(statement)
                m = re.match(r"CREATE TEMP TABLE (\w+)", statement)
                if m:
                    created.append(m.group(1))
            replay(conn, events)
        finally:
            conn.execute("RELEASE replay_check")
        for table in TABLES:
            problems += _compare(conn, table, by_seq)
        problems += _compare_search(conn, by_seq)
        problems += _compare_partners(conn, events)
    finally:
        _drop(conn, created)
    return problems


def _drop(conn: Connection, names: list[str]) -> None:
    for name in reversed(names):  # children before parents (foreign keys)
        with contextlib.suppress(Exception):
            conn.execute(f"DROP TABLE IF EXISTS temp.{name}")


def _columns(conn: Connection, schema: str, table: str) -> list[str]:
    return [str(r[1]) for r in conn.execute(f"PRAGMA {schema}.table_info({table})")]


def _where(by_seq: dict[int, LedgerEvent], seq: Any) -> str:
    event = by_seq.get(seq) if isinstance(seq, int) else None
    if event is None:
        return f"event #{seq}" if isinstance(seq, int) else "no signed event"
    h = event.header
    return f"event #{h.seq} ({h.kind}, {h.occurred_at[:10]})"


def _compare(conn: Connection, table: Table, by_seq: dict[int, LedgerEvent]) -> list[Problem]:
    columns = _columns(conn, "temp", table.name)
    if _columns(conn, "main", table.name) != columns:
        return [Problem(table.name, "its structure was changed outside Twofold")]
    cols = ", ".join(columns)
    # NOT INDEXED: the same rows, in the same order (sorted on every column), by one
    # sort of each table; scanning by a TEXT primary key's index made SQLite sort the
    # other columns once per key (a sorter per row: 1 s for 7,000 sealed check-ins)
    main, temp = f"main.{table.name} NOT INDEXED", f"temp.{table.name} NOT INDEXED"
    except_ = "SELECT {0} FROM {1} EXCEPT SELECT {0} FROM {2}"
    stored_only = conn.execute(except_.format(cols, main, temp)).fetchall()
    derived_only = conn.execute(except_.format(cols, temp, main)).fetchall()
    if not stored_only and not derived_only:
        return []
    key_at = [columns.index(k) for k in table.key]
    seq_at = columns.index(table.event_column) if table.event_column else None

    def key(row: Sequence[Any]) -> tuple[Any, ...]:
        return tuple(row[i] for i in key_at)

    derived = {key(r): r for r in derived_only}
    problems: list[Problem] = []
    shown = table.name == "timeline_items"
    for row in stored_only:
        seq = row[seq_at] if seq_at is not None else None
        if key(row) in derived:
            original = derived.pop(key(row))
            seq = original[seq_at] if seq_at is not None else seq
            changed = [c for c, a, b in zip(columns, row, original, strict=True) if a != b]
            which = f"row of {_where(by_seq, seq)}" if seq_at is not None else _key_text(key(row))
            verb = "differs" if len(changed) == 1 else "differ"
            problems.append(
                Problem(
                    f"{table.name}, {which}",
                    f"was edited outside Twofold ({', '.join(changed)} {verb} from the signed "
                    "event)",
                    seq if shown else None,
                )
            )
        elif isinstance(seq, int) and seq not in by_seq:
            problems.append(
                Problem(
                    f"{table.name}, row {_key_text(key(row))}",
                    f"has no signed event (event #{seq} is not in the ledger)",
                    seq if shown else None,
                )
            )
        else:
            problems.append(
                Problem(
                    f"{table.name}, row {_key_text(key(row))}",
                    f"was inserted outside Twofold: {_where(by_seq, seq)} does not say so",
                    seq if shown else None,
                )
            )
    for row in derived.values():
        seq = row[seq_at] if seq_at is not None else None
        which = f"row of {_where(by_seq, seq)}" if seq_at is not None else _key_text(key(row))
        problems.append(
            Problem(
                f"{table.name}, {which}",
                "was deleted outside Twofold (the signed event is still there)",
            )
        )
    return problems


def _key_text(key: tuple[Any, ...]) -> str:
    return "/".join(str(k) for k in key)


def _compare_search(conn: Connection, by_seq: dict[int, LedgerEvent]) -> list[Problem]:
    # The search index's words as it stores them (FTS5's content table: what a scan
    # of timeline_fts returns and what search shows), read as a plain table: through
    # the virtual table every value was copied out one by one (1.9 s -> 0.7 s).
    stored = conn.execute(
        "SELECT id, c0, c1 FROM main.timeline_fts_content "
        "EXCEPT SELECT seq, body, request FROM temp.timeline_items"
    ).fetchall()
    missing = conn.execute(
        "SELECT seq, body, request FROM temp.timeline_items "
        "EXCEPT SELECT id, c0, c1 FROM main.timeline_fts_content"
    ).fetchall()
    problems = [
        Problem(
            f"timeline_fts (search), row of {_where(by_seq, int(r[0]))}",
            "was edited or inserted outside Twofold: search would show words never signed",
            int(r[0]),
        )
        for r in stored
    ]
    if missing and not stored:
        problems.append(
            Problem(
                f"timeline_fts (search), row of {_where(by_seq, int(missing[0][0]))}",
                "was deleted outside Twofold",
            )
        )
    return problems


def projection_digest(conn: Connection) -> str:
    """A SHA-256 of every stored projection row and the partners table, table by table
    in storage order, and of the events a report reads besides the head: the first
    one (every name in a report is its) and each partner.left (a report made alone
    names the departure) (hex). A copy of the file gives the same hash; any row
    edited, added, removed or moved gives another. ~0.25 s on the ten-year vault: a
    report pays it instead of a replay (~3 s) when a check has proved this very
    state."""
    import hashlib  # a report's and a check's, not a command's start

    digest = hashlib.sha256()
    for name in [t.name for t in TABLES] + ["partners"]:
        digest.update(name.encode())
        digest.update(repr(conn.execute(f"SELECT * FROM main.{name}").fetchall()).encode())
    # (the head's digest binds the other events only through a walk of the chain,
    # which a report made from a proved state does not pay)
    digest.update(b"ledger_events")
    read = conn.execute(f"SELECT * {_EVENTS_READ}", (str(EventKind.PARTNER_LEFT),)).fetchall()
    digest.update(repr(read).encode())
    return digest.hexdigest()


# The events a report reads besides the projections (hashed in projection_digest).
_EVENTS_READ = "FROM main.ledger_events WHERE seq = 1 OR kind = ? ORDER BY seq"


def events_in_digest(conn: Connection) -> list[int]:
    """The seqs of the events ``projection_digest`` hashes as stored."""
    rows = conn.execute(f"SELECT seq {_EVENTS_READ}", (str(EventKind.PARTNER_LEFT),))
    return [int(r[0]) for r in rows]


def shown_state(conn: Connection, head: tuple[int, bytes]) -> ShownState:
    """The state a check proved (``ShownState``); read it in the same transaction as
    ``head``."""
    return ShownState(head[0], head[1].hex(), projection_digest(conn))


def genesis_partners(events: Sequence[LedgerEvent]) -> tuple[GenesisPartner, ...]:
    if not events or events[0].header.seq != 1:
        return ()
    first = typed_event(events[0])
    return first.partners if isinstance(first, VaultCreated) else ()


def current_keys(events: Sequence[LedgerEvent]) -> dict[str, bytes]:
    """Each partner's signing key after the signed key changes (the chain check has
    already verified each rotation's signature with the key it replaced)."""
    keys = {p.id: p.key for p in genesis_partners(events)}
    for event in events:
        if event.header.kind != EventKind.KEYS_CHANGED:
            continue
        data = typed_event(event)
        if (
            isinstance(data, typed.KeysChanged)
            and data.public_key
            and data.partner == event.header.author
            and data.partner in keys
        ):
            with contextlib.suppress(ValueError):
                keys[data.partner] = bytes.fromhex(data.public_key)
    return keys


def _compare_partners(conn: Connection, events: Sequence[LedgerEvent]) -> list[Problem]:
    signed = genesis_partners(events)
    keys = current_keys(events)
    # Read as stored: a value of another type (a key written as text, a position as
    # words) is an edited row to name, never a reason for the check to stop.
    stored = {
        str(r[0]): (str(r[1]), r[2], r[3])
        for r in conn.execute("SELECT id, label, public_key, position FROM main.partners")
    }
    problems: list[Problem] = []
    for position, p in enumerate(signed):
        row = stored.pop(p.id, None)
        if row is None:
            problems.append(Problem(f"partners, {p.label}", "was deleted outside Twofold"))
            continue
        label, key, at = row
        if label != p.label:
            problems.append(
                Problem(
                    f"partners, {p.label}",
                    f"was renamed to “{label}” outside Twofold (the first event names them "
                    f"“{p.label}”)",
                )
            )
        if not isinstance(key, bytes) or key != keys.get(p.id, p.key) or at != position:
            problems.append(
                Problem(
                    f"partners, {p.label}",
                    "their key no longer matches the signed events (the first event and "
                    "their signed key changes)",
                )
            )
    for pid, (label, _, _) in stored.items():
        problems.append(Problem(f"partners, “{label}” ({pid})", "was inserted outside Twofold"))
    return problems
