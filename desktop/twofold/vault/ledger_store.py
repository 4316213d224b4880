"""The shared ledger inside ``shared.db``: signed, hash-chained, append-only events
and the projections rebuilt from them (DESIGN §4)."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime

from twofold.domain import events
from twofold.domain.canonical import json_strings
from twofold.domain.errors import InvalidInput, NotAllowed, NotFound
from twofold.domain.events import EventData
from twofold.domain.ledger import (
    GENESIS_PREV_HASH,
    EventHeader,
    EventKind,
    LedgerEvent,
    Problem,
    TimelineItem,
    canonical_json,
    content_hash,
)
from twofold.vault import crypto, projectors
from twofold.vault.database import Connection, Link, mapped_errors

TYPE_CHECKING = False  # what type checkers assume True: typing is not imported
if TYPE_CHECKING:
    from typing import Any

_WHAT = "The shared ledger (shared.db)"


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds")


class LedgerStore:
    def __init__(
        self,
        link: Link,
        vault_id: str,
        author_id: str | None,
        signing_seed: bytearray | None,
    ) -> None:
        self._link = link
        self.vault_id = vault_id
        self._author = author_id
        self._seed = signing_seed
        # set when the ledger's current key for this partner is not theirs (see
        # OpenVault.key_taken): their own events are refused rather than signed with a
        # key the ledger names as superseded; a key change (explicit seed) still signs
        self.refuse_signing: str | None = None

    @property
    def _conn(self) -> Connection:
        return self._link.conn

    # --- partners --------------------------------------------------------------------

    def partner_labels(self) -> dict[str, str]:
        """The names as the signed first event gives them (the ``partners`` table is
        only checked against it: a renamed row there is never shown)."""
        labels = self.genesis_labels()
        if labels is not None:
            return labels
        with mapped_errors(_WHAT):
            rows = self._conn.execute("SELECT id, label FROM partners ORDER BY position")
            return {str(r[0]): str(r[1]) for r in rows}

    def genesis_labels(self) -> dict[str, str] | None:
        """The names in the first event (seq 1, which nothing appends over); None when
        there is none or it cannot be read as one."""
        with mapped_errors(_WHAT):
            row = self._conn.execute(
                "SELECT payload FROM ledger_events WHERE seq = 1 AND kind = ?",
                (str(EventKind.VAULT_CREATED),),
            ).fetchone()
        if row is not None and row[0] is not None:
            with contextlib.suppress(ValueError, KeyError, TypeError):
                genesis = events.VaultCreated.from_payload(json.loads(row[0]))
                return {p.id: p.label for p in genesis.partners}
        return None

    def add_partner(self, partner_id: str, label: str, public_key: bytes, position: int) -> None:
        self._conn.execute(
            "INSERT INTO partners (id, label, public_key, position) VALUES (?, ?, ?, ?)",
            (partner_id, label, public_key, position),
        )

    def set_partner_key(self, partner_id: str, public_key: bytes) -> None:
        """The partners row follows a signed key change (verify compares it)."""
        self._conn.execute(
            "UPDATE partners SET public_key = ? WHERE id = ?", (public_key, partner_id)
        )

    # --- appending -----------------------------------------------------------------

    def head(self) -> tuple[int, bytes]:
        """The last event's seq and digest; (0, zeros) for an empty ledger."""
        row = self._conn.execute(
            "SELECT seq, event_id, author, kind, occurred_at, content_hash, prev_hash "
            "FROM ledger_events ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        if row is None:
            return 0, GENESIS_PREV_HASH
        return int(row[0]), self._header(row).digest()

    def record(
        self,
        event: EventData,
        at: datetime,
        *,
        seed: bytearray | None = None,
        author: str | None = None,
        event_id: str | None = None,
    ) -> LedgerEvent:
        """Sign and append one event. Call inside a write transaction. ``event_id``:
        chosen beforehand (the sharing step names its events in the journal first)."""
        signing_seed, author_id = self._signer(seed, author)
        seq, prev = self.head()
        appended, data = self._insert(event, at, seq, prev, signing_seed, author_id, event_id)
        projectors.project(self._conn, appended.header, data)
        return appended

    def record_all(
        self, planned: Sequence[tuple[EventData, str]], at: datetime
    ) -> list[LedgerEvent]:
        """Sign and append several events of this partner, in order, with the ids
        chosen beforehand (the sharing step): the same rows as ``record`` called for
        each, the ledger's head read once. Events whose projector only adds their
        timeline card are projected together, in one statement: every statement that
        fires the search index's trigger runs in a statement savepoint, and FTS5
        writes its pending terms to disk at each savepoint, so 50 shared items made
        50 index segments (40–50 ms of a 120 ms sharing step). Any other event is
        projected on its own once all before it are (as ``record`` would)."""
        signing_seed, author_id = self._signer(None, None)
        seq, prev = self.head()
        done: list[LedgerEvent] = []
        cards: list[tuple[EventHeader, EventData]] = []
        for event, event_id in planned:
            appended, data = self._insert(event, at, seq, prev, signing_seed, author_id, event_id)
            if projectors.card_only(appended.header.kind):
                cards.append((appended.header, data))
            else:
                projectors.project_cards(self._conn, cards)
                cards = []
                projectors.project(self._conn, appended.header, data)
            seq, prev = appended.header.seq, appended.header.digest()
            done.append(appended)
        projectors.project_cards(self._conn, cards)
        return done

    def _signer(self, seed: bytearray | None, author: str | None) -> tuple[bytearray, str]:
        signing_seed = seed if seed is not None else self._seed
        author_id = author if author is not None else self._author
        if signing_seed is None or author_id is None:
            raise NotAllowed("This session cannot sign ledger events.")
        if seed is None and self.refuse_signing is not None:
            raise NotAllowed(self.refuse_signing)
        return signing_seed, author_id

    def _insert(
        self,
        event: EventData,
        at: datetime,
        seq: int,
        prev: bytes,
        signing_seed: bytearray,
        author_id: str,
        event_id: str | None,
    ) -> tuple[LedgerEvent, EventData]:
        """Sign and insert one event after (seq, prev); returns it and its data,
        decoded as a replay will decode it, so the stored projection and the one
        ``verify`` derives are the same rows."""
        import uuid  # on the first signature, not at every unlock

        body = canonical_json(event.to_payload())
        header = EventHeader(
            vault_id=self.vault_id,
            seq=seq + 1,
            event_id=event_id or uuid.uuid4().hex,
            author=author_id,
            kind=str(event.kind),
            occurred_at=_iso(at),
            content_hash=content_hash(body),
            prev_hash=prev,
        )
        signature = crypto.sign(signing_seed, header.digest())
        self._conn.execute(
            "INSERT INTO ledger_events (seq, event_id, author, kind, occurred_at, payload, "
            "content_hash, prev_hash, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                header.seq,
                header.event_id,
                header.author,
                header.kind,
                header.occurred_at,
                body,
                header.content_hash,
                header.prev_hash,
                signature,
            ),
        )
        data = events.decode(header.kind, json.loads(body))
        return LedgerEvent(header, body, signature), data

    def append(
        self,
        kind: EventKind,
        payload: dict[str, Any],
        at: datetime,
        *,
        seed: bytearray | None = None,
        author: str | None = None,
    ) -> LedgerEvent:
        """The untyped form (kept for scripts): the payload is decoded into its typed
        event first, so a payload that does not fit its kind is refused unsigned."""
        try:
            event = events.decode(kind, payload)
        except (ValueError, KeyError, TypeError) as exc:
            raise InvalidInput(f"A {kind} event cannot hold that content ({exc}).") from exc
        return self.record(event, at, seed=seed, author=author)

    def retract(self, event_id: str, at: datetime) -> LedgerEvent:
        """Remove a shared reflection's content; the signed retraction stays.
        Call inside a write transaction."""
        row = self._conn.execute(
            "SELECT author, kind, payload FROM ledger_events WHERE event_id = ?", (event_id,)
        ).fetchone()
        if row is None or row[1] != EventKind.REFLECTION_SHARED:
            raise NotFound("There is no shared reflection with that id.")
        if row[0] != self._author:
            raise NotAllowed("Only the partner who shared a reflection can retract it.")
        if row[2] is None:
            raise NotAllowed("That reflection was already retracted.")
        self._conn.execute(
            "UPDATE ledger_events SET payload = NULL WHERE event_id = ?", (event_id,)
        )
        return self.record(events.ReflectionRetracted(event_id), at)

    def withdraw(self, event_id: str, at: datetime) -> LedgerEvent:
        """Remove the content of an item its author wrote; the signed withdrawal stays
        (as a retraction does). Refused, with nothing written, for another's item or an
        agreed one (issue 12). Call inside a write transaction."""
        # the consent rules and readers: imported here, not by every unlock
        from twofold.domain.consent import WITHDRAWABLE, withdraw_refusal
        from twofold.vault import consent_store

        found = consent_store.withdrawable_target(self._conn, event_id)
        if found is None:
            raise NotFound("There is no such item.")
        author, kind, gone = found
        already = gone or (
            self._conn.execute(
                "SELECT 1 FROM withdrawn_items WHERE target = ?", (event_id,)
            ).fetchone()
            is not None
        )
        reason = withdraw_refusal(author, self._author or "", kind, WITHDRAWABLE, already)
        if reason is not None:
            raise NotAllowed(reason)
        seal = (
            consent_store.seal_event_of_reveal(self._conn, event_id)
            if kind == EventKind.CHECKIN_REVEALED
            else None
        )
        setback_id = (
            consent_store.setback_id_of(self._conn, event_id)
            if kind == EventKind.SETBACK_LOGGED
            else ""
        )
        event = self.record(events.ItemWithdrawn(event_id, setback_id), at)
        self._conn.execute(
            "UPDATE ledger_events SET payload = NULL WHERE event_id = ?", (event_id,)
        )
        if seal is not None:  # a revealed check-in goes as a whole: its seal too
            self.record(events.ItemWithdrawn(seal), at)
            self._conn.execute(
                "UPDATE ledger_events SET payload = NULL WHERE event_id = ?", (seal,)
            )
        return event

    # --- reading -------------------------------------------------------------------

    def _header(self, row: Sequence[Any]) -> EventHeader:
        return EventHeader(
            vault_id=self.vault_id,
            seq=int(row[0]),
            event_id=str(row[1]),
            author=str(row[2]),
            kind=str(row[3]),
            occurred_at=str(row[4]),
            content_hash=_bytes(row[5]),
            prev_hash=_bytes(row[6]),
        )

    def events(self, after_seq: int = 0) -> Iterator[LedgerEvent]:
        with mapped_errors(_WHAT):
            rows = self._conn.execute(
                "SELECT seq, event_id, author, kind, occurred_at, content_hash, prev_hash, "
                "payload, signature FROM ledger_events WHERE seq > ? ORDER BY seq",
                (after_seq,),
            )
            for row in rows:
                yield LedgerEvent(self._header(row), _blob(row[7]), _bytes(row[8]))

    def event_at(self, seq: int) -> LedgerEvent | None:
        row = self._conn.execute(
            "SELECT seq, event_id, author, kind, occurred_at, content_hash, prev_hash, "
            "payload, signature FROM ledger_events WHERE seq = ?",
            (seq,),
        ).fetchone()
        return (
            None if row is None else LedgerEvent(self._header(row), _blob(row[7]), _bytes(row[8]))
        )

    def event(self, event_id: str) -> LedgerEvent:
        row = self._conn.execute(
            "SELECT seq, event_id, author, kind, occurred_at, content_hash, prev_hash, "
            "payload, signature FROM ledger_events WHERE event_id = ?",
            (event_id,),
        ).fetchone()
        if row is None:
            raise NotFound("There is no ledger event with that id.")
        return LedgerEvent(self._header(row), _blob(row[7]), _bytes(row[8]))

    def present(self, event_ids: Sequence[str]) -> set[str]:
        """Which of these event ids are in the ledger (one query, not one per id)."""
        if not event_ids:
            return set()
        marks = ", ".join("?" * len(event_ids))
        rows = self._conn.execute(
            f"SELECT event_id FROM ledger_events WHERE event_id IN ({marks})", tuple(event_ids)
        ).fetchall()
        return {str(r[0]) for r in rows}

    def signed_by_after(
        self, author: str, after_seq: int, kinds: Sequence[str]
    ) -> list[tuple[int, str, str, object]]:
        """(seq, kind, occurred_at, payload decoded or None) of ``author``'s events of
        ``kinds`` after ``after_seq``, in order: the few since a remembered head. Only
        events ``author`` signed: the content and the signature checked with the key
        the ledger's signed chain gives them there (a row the other partner wrote in
        with the shared key, or signed with their own key, is not the author's)."""
        marks = ", ".join("?" * len(kinds))
        with mapped_errors(_WHAT):
            rows = self._conn.execute(
                "SELECT seq, event_id, author, kind, occurred_at, content_hash, prev_hash, "
                f"payload, signature FROM ledger_events WHERE seq > ? AND author = ? "
                f"AND kind IN ({marks}) ORDER BY seq",
                (after_seq, author, *kinds),
            ).fetchall()
        if not rows:
            return []
        keys = self.signing_keys()
        out: list[tuple[int, str, str, object]] = []
        for row in rows:
            try:
                event = LedgerEvent(self._header(row), _blob(row[7]), _bytes(row[8]))
            except (TypeError, ValueError):
                continue  # not a row Twofold writes: the full check names it
            if not _signed(event, keys):
                continue
            try:
                data = json.loads(event.payload) if event.payload is not None else None
            except ValueError:
                data = None
            h = event.header
            out.append((h.seq, str(h.kind), h.occurred_at, data))
        return out

    def key_changes(self, partner_id: str, after_seq: int = 0) -> list[tuple[int, str, str]]:
        """(seq, how, occurred_at) of each signed change to this partner's key slots."""
        with mapped_errors(_WHAT):
            rows = self._conn.execute(
                "SELECT seq, payload, occurred_at FROM ledger_events "
                "WHERE kind = ? AND author = ? AND seq > ? ORDER BY seq",
                (str(EventKind.KEYS_CHANGED), partner_id, after_seq),
            ).fetchall()
        changes = []
        for seq, payload, at in rows:
            data = json.loads(payload) if payload is not None else {}
            if data.get("partner") == partner_id:
                changes.append((int(seq), str(data.get("how", "")), str(at)))
        return changes

    def departures(self) -> list[tuple[str, int, str]]:
        """(partner id, seq, occurred_at) of each partner.left signed by its partner
        with the key the first event gives them (read from the events, not the
        timeline, so a forged projection cannot make a partner seem gone)."""
        genesis = self.event_at(1)
        keys = _genesis_keys(genesis) if genesis is not None else {}
        with mapped_errors(_WHAT):
            rows = self._conn.execute(
                "SELECT seq FROM ledger_events WHERE kind = ? ORDER BY seq",
                (str(EventKind.PARTNER_LEFT),),
            ).fetchall()
        out = []
        for (seq,) in rows:
            event = self.event_at(int(seq))
            if event is None or event.payload is None:
                continue
            h = event.header
            public = keys.get(h.author)
            try:
                left = json.loads(event.payload).get("partner")
            except (ValueError, AttributeError):
                continue
            if (
                public is not None
                and left == h.author
                and crypto.signature_valid(public, event.signature, h.digest())
            ):
                out.append((h.author, h.seq, h.occurred_at))
        return out

    def timeline_count(self, kinds: Sequence[str] = (), author: str | None = None) -> int:
        where, args = _filters(kinds, author)
        with mapped_errors(_WHAT):
            row = self._conn.execute(f"SELECT count(*) FROM timeline_items {where}", args)
            return int(row.fetchone()[0])

    def timeline(
        self,
        offset: int = 0,
        limit: int = 100,
        kinds: Sequence[str] = (),
        author: str | None = None,
        since_seq: int = 0,
        after: tuple[str, int] | None = None,
    ) -> list[TimelineItem]:
        """Newest first. ``after`` = (occurred_at, seq) of the last row already shown:
        keyset paging walks the index from there, so page 100 costs what page 1 does
        (OFFSET made scrolling 20,000 rows quadratic)."""
        labels = self.partner_labels()
        with mapped_errors(_WHAT):
            key = None if after is None else self._stored_key(after)
            where, args = _filters(kinds, author, since_seq, key)
            rows = self._conn.execute(
                "SELECT seq, event_id, kind, author, occurred_at, body, request, retracted, data "
                f"FROM timeline_items {where} ORDER BY occurred_at DESC, seq DESC "
                "LIMIT ? OFFSET ?",
                (*args, limit, 0 if after else offset),
            ).fetchall()
        return _timeline_items(rows, labels, self._conn)

    def _stored_key(self, after: tuple[str, int]) -> tuple[Any, int]:
        """The row's own stored moment, when the row is still there: a row hidden as
        unreadable carries its signed event's moment instead, and a page ending on it
        would otherwise start the next page elsewhere (rows repeated or skipped)."""
        row = self._conn.execute(
            "SELECT occurred_at FROM timeline_items WHERE seq = ?", (after[1],)
        ).fetchone()
        return after if row is None else (row[0], after[1])

    def timeline_between(self, start: str, end: str, limit: int = 20) -> list[TimelineItem]:
        """Items (not retracted, no daily check-offs) that happened in [start, end),
        newest first: "on this day" on the timeline."""
        labels = self.partner_labels()
        with mapped_errors(_WHAT):
            rows = self._conn.execute(
                "SELECT seq, event_id, kind, author, occurred_at, body, request, retracted, data "
                "FROM timeline_items INDEXED BY timeline_newest "
                "WHERE occurred_at >= ? AND occurred_at < ? AND retracted = 0 AND kind != ? "
                "ORDER BY occurred_at DESC, seq DESC LIMIT ?",
                (start, end, str(EventKind.COMMITMENT_CHECKED), limit),
            ).fetchall()
        return _timeline_items(rows, labels, self._conn)

    def setting(self, key: str) -> str | None:
        with mapped_errors(_WHAT):
            row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        # shared.db is open to a SQLCipher tool: a blob or NULL here is no setting
        # (str() of bytes would be "b'…'", a folder name relative to wherever we run)
        if row is None or not isinstance(row[0], str | int):
            return None
        return str(row[0])

    def set_setting(self, key: str, value: str) -> None:
        self._conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # --- verification --------------------------------------------------------------

    def verify(
        self, own_public_key: bytes | None = None, *, after: tuple[int, bytes] | None = None
    ) -> list[Problem]:
        """Walk the chain and the signatures; name the first event that fails and why.

        ``after`` = (seq, digest) of a head this partner saw before: only the genesis
        and the events after it are checked (the quick check at unlock), after
        confirming that the event at that seq is still the one they saw."""
        try:
            if after is None:
                events = list(self.events())
                genesis = events[0] if events else None
            else:
                seq, digest = after
                anchor = self.event_at(seq)
                if anchor is None:
                    return [
                        Problem(
                            "shared.db",
                            f"event #{seq}, which you saw, is no longer in the ledger: "
                            "it was cut or rolled back",
                        )
                    ]
                if anchor.header.digest() != digest:
                    return [
                        Problem(
                            _name(anchor),
                            "is not the event you saw at that place: the ledger was rewritten",
                        )
                    ]
                events = list(self.events(after_seq=seq))
                genesis = self.event_at(1)
        except Exception as exc:  # a damaged page must become a report, not a crash
            return [Problem("shared.db", f"the ledger cannot be read ({exc})")]
        if genesis is None or genesis.header.seq != 1:
            return [Problem("shared.db", "the ledger is empty: its first event is missing")]
        genesis_keys = _genesis_keys(genesis)
        if not genesis_keys:
            return [Problem(_name(genesis), "the first event does not name the partners")]
        keys = KeyHistory(genesis_keys, _genesis_labels(genesis))
        left: dict[str, int] = {}
        if after is not None:
            problems = self._walk([genesis], keys, GENESIS_PREV_HASH, 1, {})
            if problems:
                return problems
            keys = self._keys_at(after[0], KeyHistory(genesis_keys, keys.labels))
            left = self._left_before(after[0], keys.current)
        retractions = retractions_in(events)
        prev, start = (GENESIS_PREV_HASH, 1) if after is None else (after[1], after[0] + 1)
        problems = self._walk(events, keys, prev, start, retractions, left)
        if not problems and own_public_key is not None:
            problems += keys.own_key_problems(self._author, own_public_key)
        return problems

    def unsigned(self, shown: Sequence[Shown]) -> set[str]:
        """The event ids among ``shown`` whose row says what no signed event does.

        ``shown`` is what a command is about to print of each timeline row: its event
        id, author's name, moment and the words on it (body, request and the words of
        its structured fields). A row is kept only if its event is in the ledger with
        that author and moment, its content is the signed content (the hash, and the
        signature with the key its author had at that place), and every word shown
        is a word signed in that event, in the events that define what it refers to
        (a commitment's title on its check-off, a setback's words on a step) or a
        partner's name from the first event. The partner holds the vault key and can
        edit ``timeline_items`` and its search index at any time; the full check
        compares every row, this only what is about to be shown (one signature per
        row). A shared reflection must show its signed text and request exactly (the
        same words in another order, or some left out, say something else); for the
        other kinds, words of one signed event put in another order are not caught
        here, and the full check names them."""
        if not shown:
            return set()
        ids = sorted({s[0] for s in shown})
        with mapped_errors(_WHAT):
            rows = self._conn.execute(
                "SELECT seq, event_id, author, kind, occurred_at, content_hash, prev_hash, "
                f"payload, signature FROM ledger_events WHERE event_id IN ({_marks(ids)})",
                ids,
            ).fetchall()
            found: dict[str, LedgerEvent] = {}
            for row in rows:
                with contextlib.suppress(TypeError, ValueError):
                    read = LedgerEvent(self._header(row), _blob(row[7]), _bytes(row[8]))
                    found[read.header.event_id] = read
            labels = self.partner_labels()
            keys = self.signing_keys()
        signed_names = _words(*labels.values())
        referred = _Referred(self, keys)
        unsigned: set[str] = set()
        for event_id, author_label, when, words in shown:
            event = found.get(event_id)
            if (
                event is None
                or labels.get(event.header.author, "?") != author_label
                or not _same_moment(event.header.occurred_at, when)
                or not _signed(event, keys)
            ):
                unsigned.add(event_id)
                continue
            said = _words(words)
            if not said:
                continue
            if event.payload is None:  # retracted or withdrawn: nothing may be shown
                unsigned.add(event_id)
                continue
            if event.header.kind == EventKind.REFLECTION_SHARED:
                # a shared reflection is its author's words as written: the same words
                # in another order, or with some left out, say something else
                if words != _share_as_signed(event.payload):
                    unsigned.add(event_id)
                continue
            strings, refs = _strings(event.payload)
            allowed = _words(*strings) | signed_names
            if said <= allowed:
                continue
            if not said <= allowed | referred.words(refs | {event_id}):
                unsigned.add(event_id)
        return unsigned

    def signing_keys(self) -> KeyHistory:
        """Each partner's current signing key as the signed chain of ``keys.changed``
        events gives it (each rotation's signature checked with the key it replaces;
        the full verify checks everything else)."""
        with mapped_errors(_WHAT):
            genesis = self.event_at(1)
            head = self.head()[0]
        if genesis is None:
            return KeyHistory({}, {})
        return self._keys_at(head, KeyHistory(_genesis_keys(genesis), _genesis_labels(genesis)))

    def _keys_at(self, seq: int, keys: KeyHistory) -> KeyHistory:
        """The key history up to and including ``seq`` (the quick check starts after
        it, the unlock notice reads it to the head). The key changes are found through
        the timeline's kind index (a scan of every event cost ~0.1-0.2 s on 20,000) and
        each is read from its signed event, its signature checked with the key it
        replaces; one skipped here (a hidden timeline row, a bad signature) is named by
        the full check, which walks every event."""
        with mapped_errors(_WHAT):
            rows = self._conn.execute(
                "SELECT e.seq, e.event_id, e.author, e.kind, e.occurred_at, e.content_hash, "
                "e.prev_hash, e.payload, e.signature FROM timeline_items AS t "
                "INDEXED BY timeline_by_kind JOIN ledger_events AS e ON e.seq = t.seq "
                "WHERE t.kind = ? AND e.kind = t.kind AND t.seq <= ? ORDER BY e.seq",
                (str(EventKind.KEYS_CHANGED), seq),
            ).fetchall()
        for row in rows:
            event = LedgerEvent(self._header(row), _blob(row[7]), _bytes(row[8]))
            public = keys.current.get(event.header.author)
            if public is None or event.payload is None:
                continue
            if content_hash(event.payload) != event.header.content_hash:
                continue
            if not crypto.signature_valid(public, event.signature, event.header.digest()):
                continue
            new = _rotation(event)
            if isinstance(new, bytes):
                keys.rotate(event)
        return keys

    def _left_before(self, seq: int, keys: dict[str, bytes]) -> dict[str, int]:
        """Partners whose signed partner.left is at or before ``seq`` (the quick check
        starts after it): found through the timeline's kind index, each event's
        signature checked. A hidden one is found by the full check (the deleted
        timeline row and the later events)."""
        rows = self._conn.execute(
            "SELECT seq FROM timeline_items WHERE kind = ? AND seq <= ?",
            (str(EventKind.PARTNER_LEFT), seq),
        ).fetchall()
        left: dict[str, int] = {}
        for (at,) in rows:
            event = self.event_at(int(at))
            if event is None or event.header.kind != EventKind.PARTNER_LEFT:
                continue
            public = keys.get(event.header.author)
            if public is not None and crypto.signature_valid(
                public, event.signature, event.header.digest()
            ):
                left.setdefault(event.header.author, event.header.seq)
        return left

    @staticmethod
    def _walk(
        events: Sequence[LedgerEvent],
        keys: KeyHistory,
        prev: bytes,
        expected_seq: int,
        retractions: dict[str, str],
        left: dict[str, int] | None = None,
    ) -> list[Problem]:
        from twofold.vault import priority  # verification only (threading, on first use)

        left = {} if left is None else left
        for event in events:
            priority.pause_point()  # the window's page first (vault/priority.py)
            h = event.header
            where = _name(event)
            if h.seq != expected_seq:
                return [Problem(where, f"event #{expected_seq} is missing: the ledger was cut")]
            digest = h.digest()  # once: the signed message, and the next event's link
            problem = self_check(event, keys.current, prev, retractions, digest)
            if problem == _BAD_SIGNATURE:
                problem = keys.old_key_signed(event) or problem
            if problem is None and h.kind == EventKind.KEYS_CHANGED:
                problem = keys.rotate(event)
            if problem is not None:
                return [Problem(where, problem, h.seq)]
            if h.author in left:
                return [
                    Problem(
                        where,
                        f"was signed by a partner after they left the vault (their signed "
                        f"partner.left is event #{left[h.author]}): nobody may sign as them now",
                        h.seq,
                    )
                ]
            if h.kind == EventKind.PARTNER_LEFT:
                left[h.author] = h.seq
            prev = digest
            expected_seq += 1
        return []


def self_check(
    event: LedgerEvent,
    keys: dict[str, bytes],
    prev: bytes,
    retractions: dict[str, str],
    digest: bytes | None = None,
) -> str | None:
    """Why one event fails (linking, content, author, signature), or None. ``digest``:
    its header's, when the caller has it already (canonical JSON and a hash, ~12 µs:
    half a second of verifying the ten-year ledger, paid twice)."""
    h = event.header
    problem = _link_problem(event, prev, retractions)
    if problem is not None:
        return problem
    public = keys.get(h.author)
    if public is None:
        return "its author is not a partner of this vault"
    if not crypto.signature_valid(public, event.signature, digest or h.digest()):
        return _BAD_SIGNATURE
    return None


def _link_problem(event: LedgerEvent, prev: bytes, retractions: dict[str, str]) -> str | None:
    """Why one event does not follow ``prev`` or does not hold what it was signed
    with, or None."""
    h = event.header
    if h.prev_hash != prev:
        return "does not follow the event before it: events were removed, reordered or altered"
    if event.payload is None:
        if retractions.get(h.event_id) != h.author:
            return "its content was removed without its author's signed retraction"
    elif content_hash(event.payload) != h.content_hash:
        return "its content was altered after it was signed"
    return None


def retractions_in(events: Sequence[LedgerEvent]) -> dict[str, str]:
    """Each retracted or withdrawn event's id, with who signed its retraction."""
    out: dict[str, str] = {}
    for event in events:
        if (
            event.header.kind in (EventKind.REFLECTION_RETRACTED, EventKind.ITEM_WITHDRAWN)
            and event.payload is not None
        ):
            with contextlib.suppress(ValueError, KeyError, TypeError):
                out[str(json.loads(event.payload)["target"])] = event.header.author
    return out


def chained_to(events: Sequence[LedgerEvent], anchor: tuple[int, bytes]) -> list[Problem]:
    """The events up to ``anchor`` (the seq and digest of a head this partner saw,
    remembered in their journal) are the ones they saw: each follows the one before
    it, holds the content it was signed with, and the one at the anchor has the
    remembered digest, which binds every event before it. No signature is checked
    here (those events were checked as they were seen; ``verify`` checks them all):
    hashing is ~6 µs an event, a signature ~120. ``events``: the whole ledger from
    its first event, in order (the retractions after the anchor count too)."""
    retractions = retractions_in(events)
    prev, expected = GENESIS_PREV_HASH, 1
    for event in events:
        h = event.header
        if h.seq > anchor[0]:
            break
        if h.seq != expected:
            return [Problem(_name(event), f"event #{expected} is missing: the ledger was cut")]
        problem = _link_problem(event, prev, retractions)
        if problem is not None:
            return [Problem(_name(event), problem, h.seq)]
        prev = h.digest()
        expected += 1
    if expected - 1 != anchor[0]:
        return [
            Problem(
                "shared.db",
                f"event #{anchor[0]}, which you saw, is no longer in the ledger: it was cut "
                "or rolled back",
            )
        ]
    if prev != anchor[1]:
        return [
            Problem(
                f"event #{anchor[0]}",
                "is not the event you saw at that place: the ledger was rewritten",
            )
        ]
    return []


_BAD_SIGNATURE = "its signature does not match its author"


class KeyHistory:
    """Each partner's signing key along the chain: the genesis gives the first ones;
    a ``keys.changed`` event carrying ``public_key``, signed by that partner with
    their current key, replaces it from the next event on. A superseded key is kept
    only to name what was signed with it afterwards."""

    def __init__(self, genesis: dict[str, bytes], labels: dict[str, str]) -> None:
        self.current = dict(genesis)
        self.labels = labels
        # public key -> (partner, seq and time of the event that replaced it)
        self.retired: dict[bytes, tuple[str, int, str]] = {}

    def name(self, partner_id: str) -> str:
        return self.labels.get(partner_id, partner_id)

    def rotate(self, event: LedgerEvent) -> str | None:
        """Apply a signed key change (its signature already checked with the current
        key); the reason it cannot be applied, or None."""
        h = event.header
        new = _rotation(event)
        if new is None:
            return None  # a change of slots only (signed before keys were rotated)
        if isinstance(new, str):
            return new
        if h.author not in self.current:
            return "its author is not a partner of this vault"
        if new in self.retired or new in self.current.values():
            return "gives a signing key that was already used: a key is never taken back"
        self.retired[self.current[h.author]] = (h.author, h.seq, h.occurred_at)
        self.current[h.author] = new
        return None

    def key_at(self, partner_id: str, seq: int) -> bytes | None:
        """The key ``partner_id`` signed with at ``seq``: a replaced key signed up to
        and including the event that replaced it."""
        replaced = sorted(
            (at, public) for public, (who, at, _) in self.retired.items() if who == partner_id
        )
        for at, public in replaced:
            if seq <= at:
                return public
        return self.current.get(partner_id)

    def old_key_signed(self, event: LedgerEvent) -> str | None:
        """If a superseded key of the author signed this event: say so."""
        h = event.header
        for public, (partner, seq, at) in self.retired.items():
            if partner == h.author and crypto.signature_valid(public, event.signature, h.digest()):
                name = self.name(partner)
                return (
                    f"was signed with {name}'s old signing key, which {name} replaced on "
                    f"{at[:10]} (event #{seq}): whoever signed it kept a copy of that key, "
                    f"and {name} did not sign it"
                )
        return None

    def own_key_problems(self, partner_id: str | None, own: bytes) -> list[Problem]:
        """Your key (from your own slot) must be the ledger's current key for you."""
        if partner_id is not None and self.current.get(partner_id) == own:
            return []
        if own in self.retired:
            who, seq, at = self.retired[own]
            if who == partner_id:
                return [
                    Problem(
                        "partners",
                        f"event #{seq} ({at[:10]}) replaced your signing key with one that is "
                        "not in your key slots: someone who once unlocked your slot (your old "
                        "passphrase or recovery code with an old copy of keyslots.json) took "
                        "your key over; events signed as you from there on are not yours",
                    )
                ]
        if partner_id is None and own in self.current.values():
            return []
        return [
            Problem(
                "partners",
                "your signing key is not the one this ledger gives you: the ledger was replaced",
            )
        ]


def _rotation(event: LedgerEvent) -> bytes | str | None:
    """The new public key a ``keys.changed`` event carries; None if it carries none;
    a reason (str) if it carries one that cannot be used."""
    if event.payload is None:
        return None
    try:
        payload = json.loads(event.payload)
        value = payload.get("public_key", "")
        partner = payload.get("partner")
    except (ValueError, AttributeError):
        return "its content cannot be read"
    if not value:
        return None
    if partner != event.header.author:
        return "changes another partner's signing key: only they can change it"
    try:
        key = bytes.fromhex(value) if isinstance(value, str) else b""
    except ValueError:
        key = b""
    if len(key) != 32:
        return "its new signing key is not a valid key"
    return key


# What a shown row may be checked against: (event id, author's name, moment, words).
if TYPE_CHECKING:
    Shown = tuple[str, str, datetime, str]

# The events that define what others refer to by id (a commitment's title, a
# setback's words, an objective, a proposal's terms, a sealed check-in's kind).
_DEFINING = (
    EventKind.COMMITMENT_MADE,
    EventKind.COMMITMENT_AMENDED,
    EventKind.RENEGOTIATION_PROPOSED,
    EventKind.SETBACK_LOGGED,
    EventKind.OBJECTIVE_SET,
    EventKind.CHECKIN_SEALED,
)


class _Referred:
    """The words of the signed defining events, read once per check and only if a
    row needs them: found through the timeline's kind index, each one's content and
    signature checked before its words count (a hidden or forged one counts for
    nothing, and the row that needed it is not shown)."""

    def __init__(self, ledger: LedgerStore, keys: KeyHistory) -> None:
        self._ledger, self._keys = ledger, keys
        self._events: list[tuple[set[str], set[str], LedgerEvent]] | None = None
        self._checked: dict[int, bool] = {}

    def _signed(self, event: LedgerEvent) -> bool:
        """Checked only when a row needs it, once (a signature each)."""
        seq = event.header.seq
        if seq not in self._checked:
            self._checked[seq] = _signed(event, self._keys)
        return self._checked[seq]

    def words(self, ids: set[str]) -> set[str]:
        if self._events is None:
            self._events = self._read()
        words: set[str] = set()
        for _ in range(2):  # a proposal names its commitment: two steps
            more = set(ids)
            for strings, refs, event in self._events:
                if refs & ids and self._signed(event):
                    words |= _words(*strings)
                    more |= refs
            if more == ids:
                break
            ids = more
        return words

    def _read(self) -> list[tuple[set[str], set[str], LedgerEvent]]:
        kinds = [str(k) for k in _DEFINING]
        with mapped_errors(_WHAT):
            rows = self._ledger._conn.execute(
                "SELECT e.seq, e.event_id, e.author, e.kind, e.occurred_at, e.content_hash, "
                "e.prev_hash, e.payload, e.signature FROM timeline_items AS t "
                "INDEXED BY timeline_by_kind JOIN ledger_events AS e ON e.seq = t.seq "
                f"WHERE t.kind IN ({_marks(kinds)}) AND e.kind = t.kind",
                kinds,
            ).fetchall()
        out: list[tuple[set[str], set[str], LedgerEvent]] = []
        for row in rows:
            with contextlib.suppress(TypeError, ValueError):
                event = LedgerEvent(self._ledger._header(row), _blob(row[7]), _bytes(row[8]))
                if event.payload is not None:
                    strings, refs = _strings(event.payload)
                    out.append((strings, refs | {event.header.event_id}, event))
        return out


def _signed(event: LedgerEvent, keys: KeyHistory) -> bool:
    """The event's content is what its author signed, with the key they had there."""
    h = event.header
    if event.payload is not None and content_hash(event.payload) != h.content_hash:
        return False
    public = keys.key_at(h.author, h.seq)
    return public is not None and crypto.signature_valid(public, event.signature, h.digest())


def _same_moment(stored: str, shown: datetime) -> bool:
    try:
        return _moment(stored) == shown
    except (TypeError, ValueError, OverflowError):
        return False


def _strings(payload: bytes) -> tuple[set[str], set[str]]:
    """Every string in a payload, and those that may be ids (no spaces)."""
    try:
        strings = set(json_strings(json.loads(payload)))
    except ValueError:
        return set(), set()
    return strings, {s for s in strings if s and not any(c.isspace() for c in s)}


def _share_as_signed(payload: bytes) -> str | None:
    """What a shared reflection shows (``services.timeline.shown_words``, a search
    hit's text): its signed text, a line break, its signed request."""
    try:
        data = json.loads(payload)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    text, request = data.get("text"), data.get("request", "")
    if not isinstance(text, str) or not isinstance(request, str):
        return None
    return f"{text}\n{request}"


def _words(*texts: str) -> set[str]:
    """The words of some texts, case folded (what a reader sees as the same word)."""
    words: set[str] = set()
    for text in texts:
        word = []
        for c in text.casefold():
            if c.isalnum():
                word.append(c)
            elif word:
                words.add("".join(word))
                word = []
        if word:
            words.add("".join(word))
    return words


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))


def _name(event: LedgerEvent) -> str:
    h = event.header
    return f"event #{h.seq} ({h.kind}, {h.occurred_at[:10]})"


def _genesis_labels(event: LedgerEvent) -> dict[str, str]:
    try:
        payload = json.loads(event.payload or b"")
        return {str(p["id"]): str(p["label"]) for p in payload["partners"]}
    except (ValueError, KeyError, TypeError):
        return {}


def _genesis_keys(event: LedgerEvent) -> dict[str, bytes]:
    if event.header.kind != EventKind.VAULT_CREATED or event.payload is None:
        return {}
    try:
        payload = json.loads(event.payload)
        return {str(p["id"]): bytes.fromhex(p["public_key"]) for p in payload["partners"]}
    except (ValueError, KeyError, TypeError):
        return {}


def _data(text: Any) -> dict[str, Any]:
    if text == "{}":  # most items (a shared reflection's): what json.loads makes of it
        return {}
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _blob(value: Any) -> bytes | None:
    return None if value is None else _bytes(value)


def _bytes(value: Any) -> bytes:
    """A stored hash, signature or payload as bytes. Twofold writes them as BLOBs;
    another type (text, a number: edited with a SQLCipher tool) is read as its text,
    which no hash or signature matches, so the check names the event. Never
    ``bytes(n)`` of a number: that is n zero bytes."""
    if isinstance(value, bytes):
        return value
    if value is None:
        return b""
    return str(value).encode("utf-8", "surrogateescape")


def _filters(
    kinds: Sequence[str],
    author: str | None,
    since_seq: int = 0,
    after: tuple[Any, int] | None = None,
) -> tuple[str, tuple[Any, ...]]:
    clauses: list[str] = []
    args: list[Any] = []
    if kinds:
        clauses.append(f"kind IN ({','.join('?' * len(kinds))})")
        args += list(kinds)
    if author:
        clauses.append("author = ?")
        args.append(author)
    if since_seq:
        clauses.append("seq > ?")
        args.append(since_seq)
    if after is not None:
        clauses.append("(occurred_at, seq) < (?, ?)")
        args += list(after)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), tuple(args)


def _timeline_items(
    rows: list[Any], labels: dict[str, str], conn: Connection
) -> list[TimelineItem]:
    """Rows of ``SELECT seq, event_id, kind, author, occurred_at, body, request,
    retracted, data FROM timeline_items`` as items, with their authors' names. A row
    that cannot be read as Twofold writes it (a date that does not parse, a kind the
    app does not know, words stored as bytes: edited with a SQLCipher tool) becomes a
    hidden item in its place, dated by its signed event; the full check names it."""
    items: list[TimelineItem] = []
    for r in rows:
        try:
            item = TimelineItem(
                seq=int(r[0]),
                event_id=str(r[1]),
                kind=_kind(r[2]),
                author_id=str(r[3]),
                author_label=labels.get(str(r[3]), "?"),
                occurred_at=_moment(r[4]),
                body=_text(r[5]),
                request=_text(r[6]),
                retracted=_flag(r[7]),
                data=_data(r[8]),
            )
        except (TypeError, ValueError, OverflowError):
            item = _unreadable_item(r, labels, conn)
        items.append(item)
    return items


_KINDS = {str(k): k for k in EventKind}


def _kind(value: Any) -> EventKind:
    """``EventKind(value)`` as one dict lookup (a timeline page reads thousands)."""
    kind = _KINDS.get(value)
    if kind is None:
        raise ValueError("not a kind of event Twofold writes")
    return kind


def _moment(value: Any) -> datetime:
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:  # Twofold writes every moment with its offset
        moment = moment.replace(tzinfo=UTC)
    return moment


def _flag(value: Any) -> bool:
    if value not in (0, 1):
        raise ValueError("a flag that is neither 0 nor 1")
    return bool(value)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("words stored as another type")
    return value


def _unreadable_item(r: Any, labels: dict[str, str], conn: Connection) -> TimelineItem:
    """What the signed event says of the row's place (its kind, moment and author);
    nothing of what was stored is shown."""
    seq = r[0] if isinstance(r[0], int) else 0
    kind, at, author = EventKind.REFLECTION_SHARED, datetime(1970, 1, 1, tzinfo=UTC), ""
    with contextlib.suppress(TypeError, ValueError, OverflowError):
        row = conn.execute(
            "SELECT kind, occurred_at, author FROM ledger_events WHERE seq = ?", (seq,)
        ).fetchone()
        if row is not None:
            author = str(row[2])
            kind = EventKind(row[0])
            at = _moment(row[1])
    return TimelineItem(
        seq=seq,
        event_id=str(r[1]),
        kind=kind,
        author_id=author,
        author_label=labels.get(author, "?"),
        occurred_at=at,
        body="",
        request="",
        retracted=False,
        unverified=True,
    )
