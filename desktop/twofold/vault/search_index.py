"""Keeping the search indexes compact: bounded background merges of FTS5 segments.

Each write transaction that adds text adds a segment to its FTS5 index (a b-tree of
its own); FTS5's automerge keeps up to about three per level, so years of saves leave
an index of a dozen or more segments (the ten-year benchmark vault: 12 in the shared
``timeline_fts``, 24 in a journal's ``journal_fts``). Every search probes every
segment, and under SQLCipher's memory security each probe's allocations are locked
and wiped: one segment instead of twelve took the rare-word search from ~10 to ~2 ms.

``tidy`` merges an index that has more than ``TIDY_ABOVE`` segments into one, with
FTS5's ``'merge'`` command: each step writes about ``pages`` pages of merged index in
a transaction of its own under the vault's write lock, so a save waits at most one
step, and nothing is lost if the app closes between steps — FTS5 records the merge in
progress in the index's structure, and the next run's positive ``'merge'`` continues
it. One negative ``'merge'`` starts the merge (all segments on one level, as
``'optimize'`` would); positive ones continue it until FTS5 reports no work (the
sqlite.org FTS5 page: a step that changed fewer than two rows did nothing).

Once merged, an index keeps FTS5's ``crisismerge`` at ``CRISIS`` (4), so the saves
that follow merge their small segments as they go and it stays at a few segments;
``TIDY_ABOVE`` is above what that leaves, so a compact index is not rewritten again.

Deleted text stays deleted: merging copies what the index holds now (FTS5's
``secure-delete`` removed deleted entries from their segments when they were
deleted), SQLite's ``secure_delete`` zeroes the pages the merge frees, and the
rollback journals, which hold the index pages as they were, are scrubbed at the end.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from twofold.domain.valueclass import valueclass
from twofold.vault.database import Connection, scrub_journal, transaction
from twofold.vault.locks import WriteLock

TIDY_ABOVE = 8  # an index with more segments than this is merged into one
# FTS5's crisismerge, set on an index once it was merged: a level that reaches this many
# segments is merged inside the write that filled it. FTS5's default (16) let small
# saves pile up on the lowest level: 200 saves after a merge left 3–19 segments (mean
# 9.9); with 4, 3–7 (mean 4.3), for the same CPU per save (ten-year copy, paired).
CRISIS = 4
PAGES = 16  # pages of merged index per step: ~15-25 ms of one core (ten-year vault)
REST = 0.03  # seconds between steps: a save waiting for the lock (it looks every 10 ms) gets it
LOCK_WAIT = 1.0  # seconds a step waits for the write lock before this run gives up
_STRUCTURE_ROWID = 10  # FTS5_STRUCTURE_ROWID: the record that lists the segments
_STRUCTURE_V2 = b"\xff\x00\x00\x01"  # the marker of the newer structure record


@valueclass
class Index:
    schema: str  # "main" (shared.db) or "journal"
    table: str
    file: str  # the database file it lives in, for the scrub

    @property
    def names(self) -> tuple[str, str]:
        return self.schema, self.table


@valueclass
class Tidied:
    table: str
    before: int  # segments before this run
    after: int  # segments after it
    steps: int  # merge transactions written
    finished: bool  # False: stopped before the merge was done (the next run goes on)


def _varint(data: bytes, at: int) -> tuple[int, int]:
    """SQLite's variable-length integer (big-endian 7-bit groups; the 9th byte is 8)."""
    value = 0
    for n in range(9):
        byte = data[at]
        at += 1
        if n == 8:
            return (value << 8) | byte, at
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            break
    return value, at


def segments(conn: Connection, schema: str, table: str) -> int:
    """How many segments the index has: the count at the head of FTS5's structure
    record (a 4-byte cookie, the v2 marker if present, the levels, the segments)."""
    row = conn.execute(
        f"SELECT block FROM {schema}.{table}_data WHERE id = ?", (_STRUCTURE_ROWID,)
    ).fetchone()
    if row is None:
        return 0
    data = bytes(row[0])
    at = 8 if data[4:8] == _STRUCTURE_V2 else 4
    _, at = _varint(data, at)  # levels
    count, _ = _varint(data, at)
    return count


def _step(conn: Connection, folder: Path, index: Index, pages: int, background: bool) -> bool:
    """One merge step in its own transaction; True if FTS5 did any work."""
    from twofold.vault import priority  # with threading: not at every unlock's imports

    with WriteLock(folder, timeout=LOCK_WAIT):
        # A background connection is not paused mid-step for the window's reads
        # (``priority``): the write lock is held, and a save of the window would wait.
        if background:
            conn.set_progress_handler(None, 0)
        try:
            with transaction(conn, "The search index", deferred=True):
                before = conn.total_changes
                conn.execute(
                    f"INSERT INTO {index.schema}.{index.table} ({index.table}, rank) "
                    "VALUES ('merge', ?)",
                    (pages,),
                )
                return conn.total_changes - before >= 2
        finally:
            if background:
                conn.set_progress_handler(priority.sql_pause, priority.SQL_STEPS)


def tidy(
    conn: Connection,
    folder: Path,
    indexes: list[Index],
    stop: Callable[[], bool],
    *,
    pages: int = PAGES,
    rest: float = REST,
    background: bool = True,
) -> list[Tidied]:
    """Merge each index that has more than ``TIDY_ABOVE`` segments into one, a step at
    a time, until FTS5 has nothing left to merge or ``stop()`` says so (the vault was
    locked); an index with fewer only has a merge under way finished. Returns what was
    done to each index that was written.
    Raises ``VaultInUse`` when the write lock stays taken (a backup from another
    process): what was merged is kept, and the next run goes on from there.
    ``background``: ``conn`` pauses for the window (``OpenVault.reader``)."""
    from twofold.vault import priority

    done: list[Tidied] = []
    for index in indexes:
        before = segments(conn, index.schema, index.table)
        if before <= 1:
            continue
        steps, started, finished = 0, False, False
        try:
            while not stop():  # asked once before each step
                priority.pause_point()
                # Goes on with a merge under way (one cut short by a lock or a quit),
                # or merges a level of ``usermerge`` (4) segments; else does nothing and
                # writes nothing.
                worked = _step(conn, folder, index, pages, background)
                if not worked:
                    if started or before <= TIDY_ABOVE or segments(conn, *index.names) <= 1:
                        finished = True
                        break
                    # none under way: start one over every segment (once per run, so
                    # segments that saves add meanwhile wait for the next run)
                    started = True
                    worked = _step(conn, folder, index, -pages, background)
                    if not worked:
                        finished = True
                        break
                steps += 1
                time.sleep(rest)
            if steps and finished:
                _keep_compact(conn, folder, index, background)
        finally:
            if steps:  # the rollback journal holds the index pages as they were
                with WriteLock(folder, timeout=LOCK_WAIT):
                    scrub_journal(folder / index.file)
        if steps:
            after = segments(conn, *index.names)
            done.append(Tidied(index.table, before, after, steps, finished))
    return done


def _keep_compact(conn: Connection, folder: Path, index: Index, background: bool) -> None:
    """Set ``CRISIS`` on a merged index (once: FTS5 keeps it in the index's config)."""
    from twofold.vault import priority  # with threading: not at every unlock's imports

    row = conn.execute(
        f"SELECT v FROM {index.schema}.{index.table}_config WHERE k = 'crisismerge'"
    ).fetchone()
    if row is not None and int(row[0]) == CRISIS:
        return
    with WriteLock(folder, timeout=LOCK_WAIT):
        if background:
            conn.set_progress_handler(None, 0)
        try:
            with transaction(conn, "The search index", deferred=True):
                conn.execute(
                    f"INSERT INTO {index.schema}.{index.table} ({index.table}, rank) "
                    "VALUES ('crisismerge', ?)",
                    (CRISIS,),
                )
        finally:
            if background:
                conn.set_progress_handler(priority.sql_pause, priority.SQL_STEPS)
