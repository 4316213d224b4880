"""One partner's private journal, inside ``journal-<partner id>.db`` (attached as
``journal``). Nothing here is reachable without that partner's journal key."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta

from twofold.domain.errors import NotFound, VaultDamaged
from twofold.domain.journal_filter import JournalFilter
from twofold.domain.ledger import EventKind
from twofold.domain.records import (
    DamagedRecord,
    JournalListing,
    JournalRecord,
    RecordKind,
    RecordVersion,
)
from twofold.domain.sharing import OutboxItem
from twofold.vault import search_index
from twofold.vault.database import Connection, DatabaseError, Link, mapped_errors

TYPE_CHECKING = False  # what type checkers assume True: typing is not imported
if TYPE_CHECKING:
    from typing import Any

_WHAT = "Your private journal"
# + a check-in's id: its sealed answers and salt, until revealed (services/checkins.py)
CHECKIN_PENDING = "checkin_pending:"
_RECORD_COLUMNS = (
    "r.id, r.kind, r.body, r.feelings, r.tags, r.created_at, r.updated_at, "
    "EXISTS (SELECT 1 FROM journal.record_shares s WHERE s.record_id = r.id "
    "AND s.retracted_at IS NULL), "
    "EXISTS (SELECT 1 FROM journal.outbox o WHERE o.record_id = r.id)"
)


_FTS_INSERT_TRIGGER = "journal_fts_insert"
# FTS5 keeps new index entries in memory and writes a segment whenever this many bytes
# are pending (its default is 1 MB); 32 MB holds a 10,000-entry import in one segment.
_BULK_FTS_BUFFER = 32 << 20
_FTS_DEFAULT_BUFFER = 1 << 20
_BULK_INDEX_PIECE = 5000
_FTS_CRISIS = 16  # FTS5's default crisismerge
PENDING_SAVES = 16  # saves after an import before FTS5 would merge within one
_ROWS_PER_INSERT = 500  # records per INSERT of ``add_many`` (3,000 parameters of 32,766)
_IN_BATCH = 500  # ids bound per query (SQLite caps the parameters of one statement)
# what SQLite says when a query's INDEXED BY names an index that is missing or unusable
_INDEX_UNUSABLE = ("no such index", "no query solution")
# An author's retractions and withdrawals, from the partial covering index of shared
# schema 13: its WHERE must be written here as there, for SQLite to use it.
_RETRACTIONS = (
    "SELECT payload FROM main.ledger_events {indexed} "
    f"WHERE kind IN ('{EventKind.REFLECTION_RETRACTED}', '{EventKind.ITEM_WITHDRAWN}') "
    "AND author = ? AND seq > ? AND payload IS NOT NULL"
)


def _in_journal_schema(create_trigger: str) -> str:
    """A trigger's stored CREATE statement, to run again in the attached journal."""
    prefix = f"CREATE TRIGGER {_FTS_INSERT_TRIGGER} "
    if not create_trigger.startswith(prefix):
        raise VaultDamaged("Your private journal's search index is damaged.")
    return f"CREATE TRIGGER journal.{_FTS_INSERT_TRIGGER} " + create_trigger[len(prefix) :]


def _merge_later(conn: Connection) -> None:
    """After a bulk index: leave the journal's index to the background merge.

    An import writes one or two large segments (and FTS5 moves the smaller segments it
    had down beside them). Left to FTS5 within a write, they are merged where a level
    reaches ``crisismerge`` segments: before, the import itself merged the ten-year
    vault's 24 old segments (~1.5 s of its 10), and on a merged index (crisismerge 4)
    the first save after the import merged the whole index, 3.2 s for one save. So
    the index is left as ``search_index.tidy`` leaves one it has not finished: FTS5's
    automerge off (saves do no merge work), which makes the next run merge it over
    every segment in short steps, and ``crisismerge`` above the fullest level, so
    ``PENDING_SAVES`` saves go by before FTS5 would merge within one (the window's
    merge comes first; only the command line writes without it, and then FTS5 merges
    as it always could). The merge gives both back (``search_index._settle``)."""
    found = search_index.structure(conn, "journal", "journal_fts")
    # + 1: FTS5 writes the last piece's segment at the commit
    fullest = max((count for _, count in found.levels), default=0) + 1 if found else 0
    crisis = min(search_index.NO_CRISIS, max(_FTS_CRISIS, fullest + PENDING_SAVES))
    conn.execute(
        "INSERT INTO journal.journal_fts (journal_fts, rank) VALUES ('crisismerge', ?)",
        (crisis,),
    )


class BulkIndex:
    """The records added inside ``JournalStore.indexing_in_bulk``, not yet in the
    search index."""

    def __init__(self, conn: Connection, after: int) -> None:
        self._conn, self._after = conn, after

    def index(self, progress: Callable[[int, int], None] | None = None) -> None:
        """Index every record added since the bulk began, in pieces of
        ``_BULK_INDEX_PIECE`` (each piece is one FTS5 segment: fewer merges)."""
        last = int(
            self._conn.execute("SELECT coalesce(max(id), 0) FROM journal.records").fetchone()[0]
        )
        first, total = self._after + 1, last - self._after
        for start in range(first, last + 1, _BULK_INDEX_PIECE):
            if progress is not None:
                progress(start - first, total)
            self._conn.execute(
                "INSERT INTO journal.journal_fts (rowid, body, tags, feelings) "
                "SELECT id, body, tags, feelings FROM journal.records WHERE id >= ? AND id < ?",
                (start, start + _BULK_INDEX_PIECE),
            )
        self._after = last
        if progress is not None:
            progress(total, total)


def _insert_records(count: int) -> str:
    """An INSERT of ``count`` records, six parameters each (a new record's
    ``updated_at`` is its ``created_at``)."""
    rows = ",".join(
        "({})".format(", ".join(f"?{6 * n + k}" for k in (1, 2, 3, 4, 5, 6, 6)))
        for n in range(count)
    )
    return (
        "INSERT INTO journal.records (id, kind, body, feelings, tags, created_at, updated_at) "
        f"VALUES {rows}"
    )


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds")


def _labels(text: str) -> tuple[str, ...]:
    return tuple(str(v) for v in json.loads(text))


def _local_midnight_utc(day: date) -> str:
    """The UTC instant a local calendar day starts, as stored ``created_at`` text."""
    return _iso(datetime.combine(day, time()).astimezone(UTC))


def filter_sql(flt: JournalFilter | None) -> tuple[str, tuple[Any, ...]]:
    """SQL conditions (joined with AND, or "") and their arguments for a filter."""
    if flt is None or flt.empty:
        return "", ()
    parts: list[str] = []
    args: list[Any] = []
    if flt.kind is not None:
        parts.append("kind = ?")
        args.append(str(flt.kind))
    if flt.feeling:
        parts.append("EXISTS (SELECT 1 FROM json_each(feelings) WHERE value = ?)")
        args.append(flt.feeling)
    if flt.tag:
        parts.append("EXISTS (SELECT 1 FROM json_each(tags) WHERE value = ?)")
        args.append(flt.tag)
    if flt.since is not None:
        parts.append("created_at >= ?")
        args.append(_local_midnight_utc(flt.since))
    if flt.until is not None:
        parts.append("created_at < ?")
        args.append(_local_midnight_utc(flt.until + timedelta(days=1)))
    return " AND ".join(parts), tuple(args)


def _record(row: Sequence[Any]) -> JournalRecord:
    return JournalRecord(
        id=int(row[0]),
        kind=RecordKind(row[1]),
        body=str(row[2]),
        feelings=_labels(row[3]),
        tags=_labels(row[4]),
        created_at=datetime.fromisoformat(row[5]),
        updated_at=datetime.fromisoformat(row[6]),
        shared=bool(row[7]),
        in_outbox=bool(row[8]),
    )


class JournalStore:
    def __init__(self, link: Link) -> None:
        self._link = link
        self._bulk_indexing = False

    @property
    def _conn(self) -> Connection:
        return self._link.conn

    # --- meta ----------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        with mapped_errors(_WHAT):
            row = self._conn.execute(
                "SELECT value FROM journal.meta WHERE key = ?", (key,)
            ).fetchone()
        return None if row is None else str(row[0])

    def metas(self, keys: Sequence[str]) -> dict[str, str]:
        """Several meta values (those present) in one read: a range of the key index
        over the keys' common prefix. Cheaper than a query per key, and than
        ``IN (…)``, which builds a temporary table each time (every save reads the
        seen heads this way: 0.2 → 0.1 ms of CPU)."""
        prefix = keys[0] if keys else ""
        for key in keys[1:]:
            while not key.startswith(prefix):
                prefix = prefix[:-1]
        # the first key after every key starting with the prefix (UTF-8 sorts as code
        # points); without an ASCII last letter, no upper bound (still correct)
        end = prefix[:-1] + chr(ord(prefix[-1]) + 1) if prefix and prefix[-1] < "\x7f" else None
        with mapped_errors(_WHAT):
            if end is None:
                rows = self._conn.execute(
                    "SELECT key, value FROM journal.meta WHERE key >= ?", (prefix,)
                ).fetchall()
            else:
                rows = self._conn.execute(
                    "SELECT key, value FROM journal.meta WHERE key >= ? AND key < ?",
                    (prefix, end),
                ).fetchall()
        wanted = set(keys)
        return {str(row[0]): str(row[1]) for row in rows if row[0] in wanted}

    def set_meta(self, key: str, value: str) -> None:
        self._conn.execute(
            "INSERT INTO journal.meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def set_many_meta(self, items: Sequence[tuple[str, str]]) -> None:
        self._conn.execute(
            "INSERT INTO journal.meta (key, value) SELECT value ->> 0, value ->> 1 "
            "FROM json_each(?) WHERE true ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (json.dumps(list(items)),),
        )

    def meta_with_prefix(self, prefix: str) -> set[str]:
        """Keys of meta rows starting with ``prefix`` (e.g. the source ids of imports)."""
        with mapped_errors(_WHAT):
            rows = self._conn.execute(
                "SELECT key FROM journal.meta WHERE key >= ? AND key < ?",
                (prefix, prefix + "\uffff"),
            ).fetchall()
        return {str(r[0]) for r in rows}

    def meta_items_with_prefix(self, prefix: str) -> dict[str, str]:
        """Private key/values whose key starts with ``prefix`` (prefix removed)."""
        with mapped_errors(_WHAT):
            rows = self._conn.execute(
                "SELECT key, value FROM journal.meta WHERE substr(key, 1, ?) = ?",
                (len(prefix), prefix),
            ).fetchall()
        return {str(k)[len(prefix) :]: str(v) for k, v in rows}

    def delete_meta(self, key: str) -> None:
        self._conn.execute("DELETE FROM journal.meta WHERE key = ?", (key,))

    # --- records -------------------------------------------------------------------

    def add(
        self,
        kind: RecordKind,
        body: str,
        feelings: tuple[str, ...],
        tags: tuple[str, ...],
        at: datetime,
    ) -> int:
        cursor = self._conn.execute(
            "INSERT INTO journal.records (kind, body, feelings, tags, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (str(kind), body, json.dumps(feelings), json.dumps(tags), _iso(at), _iso(at)),
        )
        return int(cursor.lastrowid or 0)

    def add_many(
        self, rows: Sequence[tuple[RecordKind, str, tuple[str, ...], tuple[str, ...], datetime]]
    ) -> list[int]:
        """Many records at once (imports). Returns the new ids in order. Inside
        ``indexing_in_bulk`` they are indexed for search there, not row by row.

        ``_ROWS_PER_INSERT`` rows per INSERT statement, not one statement per row: each
        execution of a statement allocates its cursors and record buffers again, and
        under SQLCipher's memory security every allocation is locked and wiped (a
        system call each way). A 10,000-entry import made 344,000 of them; 263,000 so
        (ten-year copy, counted with ``perf stat -e syscalls:sys_enter_mlock``)."""
        if not rows:
            return []
        before = self._conn.execute("SELECT coalesce(max(id), 0) FROM journal.records").fetchone()
        first = int(before[0]) + 1
        values = [
            (first + n, str(kind), body, json.dumps(feelings), json.dumps(tags), _iso(at))
            for n, (kind, body, feelings, tags, at) in enumerate(rows)
        ]
        for start in range(0, len(values), _ROWS_PER_INSERT):
            chunk = values[start : start + _ROWS_PER_INSERT]
            self._conn.execute(_insert_records(len(chunk)), [v for row in chunk for v in row])
        return list(range(first, first + len(rows)))

    @contextmanager
    def indexing_in_bulk(self) -> Iterator[BulkIndex]:
        """Within a write transaction: records added inside are indexed for search
        together at the end (``BulkIndex.index``, called on leaving if the caller did
        not), instead of by the insert trigger row by row.

        The search index keeps prefixes (``_FTS_FAST`` in schema.py). Row by row, with
        FTS5's 1 MB buffer, and flushed again at every following statement (FTS5 writes
        its pending terms at each statement's savepoint), a 10,000-entry import spent
        ~10 s of CPU indexing under SQLCipher's memory security (every allocation
        locked and wiped); indexed in large pieces with a 32 MB buffer it is ~3 s.
        Nothing is weakened: the same index, secure-delete, memory security on. The
        trigger is dropped inside the transaction and re-created from its own stored
        SQL before the transaction ends: a commit has it back exactly, and a rollback
        (cancel, error, crash) never dropped it."""
        conn = self._conn
        if not conn.in_transaction or self._bulk_indexing:
            raise RuntimeError("indexing_in_bulk runs once, inside a write transaction")
        row = conn.execute(
            "SELECT sql FROM journal.sqlite_master WHERE type = 'trigger' AND name = ?",
            (_FTS_INSERT_TRIGGER,),
        ).fetchone()
        if row is None:
            raise VaultDamaged("Your private journal's search index is damaged.")
        trigger = _in_journal_schema(str(row[0]))
        hashsize = conn.execute(
            "SELECT v FROM journal.journal_fts_config WHERE k = 'hashsize'"
        ).fetchone()
        after = conn.execute("SELECT coalesce(max(id), 0) FROM journal.records").fetchone()
        conn.execute(f"DROP TRIGGER journal.{_FTS_INSERT_TRIGGER}")
        setting = "INSERT INTO journal.journal_fts (journal_fts, rank) VALUES (?, ?)"
        conn.execute(setting, ("hashsize", _BULK_FTS_BUFFER))
        # no merging inside the import: the background merge does it (``_merge_later``)
        conn.execute(setting, ("automerge", 0))
        conn.execute(setting, ("crisismerge", search_index.NO_CRISIS))
        self._bulk_indexing = True
        bulk = BulkIndex(conn, int(after[0]))
        try:
            yield bulk
            bulk.index()
            _merge_later(conn)
        finally:
            self._bulk_indexing = False
            conn.execute(
                "INSERT INTO journal.journal_fts (journal_fts, rank) VALUES ('hashsize', ?)",
                (_FTS_DEFAULT_BUFFER if hashsize is None else hashsize[0],),
            )
            conn.execute(trigger)

    def update(
        self,
        record_id: int,
        kind: RecordKind,
        body: str,
        feelings: tuple[str, ...],
        tags: tuple[str, ...],
        at: datetime,
        *,
        keep_history: bool = True,
    ) -> None:
        if keep_history:
            self._conn.execute(
                "INSERT INTO journal.record_history (record_id, kind, body, feelings, tags, "
                "edited_at) SELECT id, kind, body, feelings, tags, ? FROM journal.records "
                "WHERE id = ?",
                (_iso(at), record_id),
            )
        cursor = self._conn.execute(
            "UPDATE journal.records SET kind = ?, body = ?, feelings = ?, tags = ?, "
            "updated_at = ? WHERE id = ?",
            (str(kind), body, json.dumps(feelings), json.dumps(tags), _iso(at), record_id),
        )
        if cursor.rowcount != 1:
            raise NotFound(f"There is no record #{record_id} in your journal.")

    def delete(self, record_id: int) -> None:
        cursor = self._conn.execute("DELETE FROM journal.records WHERE id = ?", (record_id,))
        if cursor.rowcount != 1:
            raise NotFound(f"There is no record #{record_id} in your journal.")

    def get(self, record_id: int) -> JournalRecord:
        with mapped_errors(_WHAT):
            row = self._conn.execute(
                f"SELECT {_RECORD_COLUMNS} FROM journal.records r WHERE r.id = ?", (record_id,)
            ).fetchone()
        if row is None:
            raise NotFound(f"There is no record #{record_id} in your journal.")
        return _record(row)

    def all_records(self, batch: int = 500) -> Iterator[JournalRecord]:
        """Every record, oldest first, in batches (exports of large journals)."""
        last = ("", 0)
        while True:
            with mapped_errors(_WHAT):
                rows = self._conn.execute(
                    f"SELECT {_RECORD_COLUMNS} FROM journal.records r "
                    "WHERE (r.created_at, r.id) > (?, ?) ORDER BY r.created_at, r.id LIMIT ?",
                    (*last, batch),
                ).fetchall()
            if not rows:
                return
            for row in rows:
                yield _record(row)
            last = (str(rows[-1][5]), int(rows[-1][0]))

    def count(self, flt: JournalFilter | None = None) -> int:
        condition, args = filter_sql(flt)
        where = f"WHERE {condition}" if condition else ""
        with mapped_errors(_WHAT):
            return int(
                self._conn.execute(
                    f"SELECT count(*) FROM journal.records {where}", args
                ).fetchone()[0]
            )

    def count_by_kind(self, flt: JournalFilter | None = None) -> dict[RecordKind, int]:
        condition, args = filter_sql(flt)
        where = f"WHERE {condition}" if condition else ""
        with mapped_errors(_WHAT):
            rows = self._conn.execute(
                f"SELECT kind, count(*) FROM journal.records {where} GROUP BY kind", args
            ).fetchall()
        return {RecordKind(r[0]): int(r[1]) for r in rows}

    def labels(self) -> tuple[list[str], list[str]]:
        """Every feeling and every tag used in the journal, most used first.

        One row per distinct list, from the column's own index (journal schema 3), the
        lists opened here: ``json_each`` over every record read the whole journal and
        cost 2.8 s at 50,000 entries, at every unlock."""
        out: list[list[str]] = []
        with mapped_errors(_WHAT):
            for column in ("feelings", "tags"):
                counts: dict[str, int] = {}
                for raw, n in self._conn.execute(
                    f"SELECT {column}, count(*) FROM journal.records "
                    f"INDEXED BY records_by_{column} GROUP BY {column}"
                ):
                    try:
                        values = json.loads(raw)
                    except (TypeError, ValueError):
                        continue  # a damaged row: verify names it
                    for value in values if isinstance(values, list) else ():
                        counts[str(value)] = counts.get(str(value), 0) + int(n)
                out.append(sorted(counts, key=lambda v: (-counts[v], v)))
        return out[0], out[1]

    def on_days(self, days: Sequence[date], limit: int = 20) -> list[JournalRecord]:
        """Records written on any of these local calendar days, newest first."""
        found: list[JournalRecord] = []
        for day in days:
            condition, args = filter_sql(JournalFilter(since=day, until=day))
            with mapped_errors(_WHAT):
                rows = self._conn.execute(
                    f"SELECT {_RECORD_COLUMNS} FROM journal.records r WHERE {condition} "
                    "ORDER BY created_at DESC, id DESC LIMIT ?",
                    (*args, limit),
                ).fetchall()
            found += [_record(r) for r in rows]
        return found

    def listing(
        self,
        offset: int = 0,
        limit: int = 100,
        after: tuple[str, int] | None = None,
        flt: JournalFilter | None = None,
    ) -> JournalListing:
        """Newest first; ``after`` = (created_at, id) of the last record shown (keyset
        paging, also through a filter). A record on a damaged page is reported alone,
        not as a crash."""
        conditions, args = filter_sql(flt)
        if after:
            conditions = " AND ".join(c for c in ("(created_at, id) < (?, ?)", conditions) if c)
            args = (*after, *args)
        where = f"WHERE {conditions}" if conditions else ""
        try:
            ids = [
                int(r[0])
                for r in self._conn.execute(
                    f"SELECT id FROM journal.records {where} ORDER BY created_at DESC, id DESC "
                    "LIMIT ? OFFSET ?",
                    (*args, limit, 0 if after else offset),
                )
            ]
        except DatabaseError as exc:
            raise VaultDamaged(
                "Your journal's index is damaged, so its records cannot be listed "
                f"({exc}). Nothing was changed; restore from a backup."
            ) from exc
        try:
            marks = ",".join("?" * len(ids))
            rows = self._conn.execute(
                f"SELECT {_RECORD_COLUMNS} FROM journal.records r WHERE r.id IN ({marks})", ids
            ).fetchall()
            by_id = {int(r[0]): _record(r) for r in rows}
            return JournalListing(tuple(by_id[i] for i in ids if i in by_id))
        except (DatabaseError, ValueError, KeyError):
            self._link.recover()
            return self._listing_one_by_one(ids)

    def _listing_one_by_one(self, ids: list[int]) -> JournalListing:
        records: list[JournalRecord] = []
        damaged: list[DamagedRecord] = []
        for record_id in ids:
            try:
                records.append(self.get(record_id))
            except (VaultDamaged, DatabaseError, ValueError, KeyError, NotFound):
                damaged.append(DamagedRecord(record_id))
                self._link.recover()
        return JournalListing(tuple(records), tuple(damaged))

    def history(self, record_id: int) -> list[RecordVersion]:
        with mapped_errors(_WHAT):
            rows = self._conn.execute(
                "SELECT kind, body, feelings, tags, edited_at FROM journal.record_history "
                "WHERE record_id = ? ORDER BY id DESC",
                (record_id,),
            ).fetchall()
        return [
            RecordVersion(
                RecordKind(r[0]),
                str(r[1]),
                _labels(r[2]),
                _labels(r[3]),
                datetime.fromisoformat(r[4]),
            )
            for r in rows
        ]

    # --- drafts (autosave, crash recovery) -----------------------------------------

    def save_draft(
        self,
        slot: str,
        record_id: int | None,
        kind: RecordKind,
        body: str,
        feelings: tuple[str, ...],
        tags: tuple[str, ...],
        at: datetime,
    ) -> None:
        self._conn.execute(
            "INSERT INTO journal.drafts (slot, record_id, kind, body, feelings, tags, saved_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (slot) DO UPDATE SET "
            "record_id = excluded.record_id, kind = excluded.kind, body = excluded.body, "
            "feelings = excluded.feelings, tags = excluded.tags, saved_at = excluded.saved_at",
            (slot, record_id, str(kind), body, json.dumps(feelings), json.dumps(tags), _iso(at)),
        )

    def draft(self, slot: str) -> tuple[int | None, JournalRecord] | None:
        with mapped_errors(_WHAT):
            row = self._conn.execute(
                "SELECT record_id, kind, body, feelings, tags, saved_at FROM journal.drafts "
                "WHERE slot = ?",
                (slot,),
            ).fetchone()
        if row is None:
            return None
        at = datetime.fromisoformat(row[5])
        record = JournalRecord(
            id=int(row[0]) if row[0] is not None else 0,
            kind=RecordKind(row[1]),
            body=str(row[2]),
            feelings=_labels(row[3]),
            tags=_labels(row[4]),
            created_at=at,
            updated_at=at,
        )
        return (None if row[0] is None else int(row[0])), record

    def discard_draft(self, slot: str) -> None:
        self._conn.execute("DELETE FROM journal.drafts WHERE slot = ?", (slot,))

    # --- outbox and private share links --------------------------------------------

    def add_to_outbox(self, record_id: int, passage: str, shared_text: str, at: datetime) -> int:
        cursor = self._conn.execute(
            "INSERT INTO journal.outbox (record_id, passage, shared_text, request, added_at) "
            "VALUES (?, ?, ?, '', ?)",
            (record_id, passage, shared_text, _iso(at)),
        )
        return int(cursor.lastrowid or 0)

    def update_outbox(self, item_id: int, shared_text: str, request: str) -> None:
        cursor = self._conn.execute(
            "UPDATE journal.outbox SET shared_text = ?, request = ? WHERE id = ?",
            (shared_text, request, item_id),
        )
        if cursor.rowcount != 1:
            raise NotFound("That item is no longer in your outbox.")

    def remove_from_outbox(self, item_id: int) -> None:
        cursor = self._conn.execute("DELETE FROM journal.outbox WHERE id = ?", (item_id,))
        if cursor.rowcount != 1:
            raise NotFound("That item is no longer in your outbox.")

    def outbox(self, ids: Sequence[int] = ()) -> list[OutboxItem]:
        where = f"WHERE id IN ({','.join('?' * len(ids))})" if ids else ""
        with mapped_errors(_WHAT):
            rows = self._conn.execute(
                "SELECT id, record_id, passage, shared_text, request, added_at "
                f"FROM journal.outbox {where} ORDER BY id",
                tuple(ids),
            ).fetchall()
        return [
            OutboxItem(
                int(r[0]), int(r[1]), str(r[2]), str(r[3]), str(r[4]), datetime.fromisoformat(r[5])
            )
            for r in rows
        ]

    def link_share(self, record_id: int, event_id: str, at: datetime) -> None:
        self._conn.execute(
            "INSERT INTO journal.record_shares (record_id, event_id, shared_at) VALUES (?, ?, ?)",
            (record_id, event_id, _iso(at)),
        )

    def mark_retracted(self, event_id: str, at: datetime) -> None:
        self._conn.execute(
            "UPDATE journal.record_shares SET retracted_at = ? WHERE event_id = ?",
            (_iso(at), event_id),
        )

    def unmarked_retractions(
        self, author: str, after_seq: int | None = None
    ) -> tuple[list[str], int]:
        """Shares retracted in the ledger (e.g. during a shared session) that this
        journal does not know about yet, and the ledger's head seq.

        A share's content goes only with its author's signed retraction or withdrawal
        (the ledger refuses anyone else's), so ``author``'s retractions and withdrawals
        are read and their targets looked up among this journal's unmarked shares: with
        ``after_seq`` (the head when this was last asked) only those signed after it, a
        few rows; without (a vault from before, or a head that could not be kept) every
        one ever signed, a few hundred at ten years. Both lists come from small covering
        indexes (shared schema 13, journal schema 4): the retractions with what they
        name, and the shares this journal already marked. Reading the retraction rows
        and one share row for each instead was ~400 scattered pages at ten years, at
        every unlock and every command until the partner writes again."""
        with mapped_errors(_WHAT):
            head = int(
                self._conn.execute(
                    "SELECT coalesce(max(seq), 0) FROM main.ledger_events"
                ).fetchone()[0]
            )
            targets = []
            for (payload,) in self._indexed(
                _RETRACTIONS.format(indexed="INDEXED BY ledger_retractions"),
                (author, after_seq or 0),
                _RETRACTIONS.format(indexed=""),
            ):
                try:
                    targets.append(str(json.loads(payload)["target"]))
                except (ValueError, KeyError, TypeError):
                    continue  # a damaged event: verify names it
            if not targets:
                return [], head
            # this journal's unmarked shares among them (almost always none): those it
            # marked already come from their own index, the rest are looked up
            marked = set(
                self._among(
                    "SELECT event_id FROM journal.record_shares INDEXED BY shares_marked "
                    "WHERE retracted_at IS NOT NULL AND event_id IN ({})",
                    targets,
                    fallback="SELECT event_id FROM journal.record_shares "
                    "WHERE retracted_at IS NOT NULL AND event_id IN ({})",
                )
            )
            unmarked = self._among(
                "SELECT event_id FROM journal.record_shares "
                "WHERE retracted_at IS NULL AND event_id IN ({})",
                [t for t in targets if t not in marked],
            )
            # then those whose content is gone from the ledger indeed
            gone = self._among(
                "SELECT event_id FROM main.ledger_events WHERE payload IS NULL "
                "AND event_id IN ({})",
                unmarked,
            )
        return gone, head

    def _indexed(self, query: str, args: Sequence[object], fallback: str) -> list[Any]:
        """The rows of ``query``, which names its index; without that index, or with
        one of that name SQLite cannot use for the question (a file whose schema was
        tampered with: "no query solution"), the same rows by ``fallback``, slower."""
        try:
            return self._conn.execute(query, args).fetchall()
        except DatabaseError as exc:
            if not any(why in str(exc) for why in _INDEX_UNUSABLE):
                raise
            return self._conn.execute(fallback, args).fetchall()

    def _among(self, query: str, ids: Sequence[str], fallback: str | None = None) -> list[str]:
        """The ids ``query`` (with ``{}`` for the list) keeps, in batches of bound ids
        (``fallback``: the same without the index ``query`` names, see ``_indexed``)."""
        found: list[str] = []
        for start in range(0, len(ids), _IN_BATCH):
            batch = ids[start : start + _IN_BATCH]
            marks = ",".join("?" * len(batch))
            if fallback is None:
                rows = self._conn.execute(query.format(marks), batch).fetchall()
            else:
                rows = self._indexed(query.format(marks), batch, fallback.format(marks))
            found += (str(row[0]) for row in rows)
        return found

    def shares(self) -> list[tuple[int, str, bool]]:
        """(record id, event id, retracted) for every share made from this journal."""
        with mapped_errors(_WHAT):
            rows = self._conn.execute(
                "SELECT record_id, event_id, retracted_at IS NOT NULL FROM journal.record_shares"
            ).fetchall()
        return [(int(r[0]), str(r[1]), bool(r[2])) for r in rows]

    def shares_of(self, record_id: int) -> list[tuple[str, datetime, bool]]:
        with mapped_errors(_WHAT):
            rows = self._conn.execute(
                "SELECT event_id, shared_at, retracted_at IS NOT NULL FROM journal.record_shares "
                "WHERE record_id = ? ORDER BY id",
                (record_id,),
            ).fetchall()
        return [(str(r[0]), datetime.fromisoformat(r[1]), bool(r[2])) for r in rows]
