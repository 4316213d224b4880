"""Keeping the search indexes compact: bounded background merges of FTS5 segments.

Each write transaction that adds text adds a segment to its FTS5 index (a b-tree of
its own); FTS5's automerge keeps up to about three per level, so years of saves leave
an index of a dozen or more segments (the ten-year benchmark vault: 12 in the shared
``timeline_fts``, 24 in a journal's ``journal_fts``). Every search probes every
segment, and under SQLCipher's memory security each probe's allocations are locked
and wiped: one segment instead of twelve took the rare-word search from ~10 to ~2 ms.

``tidy`` merges an index that has more than ``TIDY_ABOVE`` segments into one, with
FTS5's ``'merge'`` command: each step writes about ``pages`` pages of merged index in
a transaction of its own under the vault's write lock (giving way to a save that waits
for it: ``GIVE_WAY_STEPS``), so a save waits at most one
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

from twofold.domain.errors import TwofoldError, VaultDamaged
from twofold.domain.valueclass import valueclass
from twofold.vault import locks
from twofold.vault.database import Connection, DatabaseError, scrub_journal, transaction
from twofold.vault.locks import WriteLock

TIDY_ABOVE = 8  # an index with more segments than this is merged into one
# FTS5's crisismerge, set on an index once it was merged: a level that reaches this many
# segments is merged inside the write that filled it. FTS5's default (16) let small
# saves pile up on the lowest level: 200 saves after a merge left 3–19 segments (mean
# 9.9); with 4, 3–7 (mean 4.3), for the same CPU per save (ten-year copy, paired).
CRISIS = 4
AUTOMERGE = 4  # FTS5's default automerge, given back to an index once it is merged
# The largest crisismerge FTS5 takes (FTS5_MAX_SEGMENT - 1): no level is merged within a
# write (a bulk import, ``JournalStore.indexing_in_bulk``)
NO_CRISIS = 1999
PAGES = 16  # pages of merged index per step: ~15-25 ms of one core (ten-year vault)
REST = 0.03  # seconds between steps at least: a save waiting for the lock gets it
# The step that starts a merge over every segment does FTS5's setup for all of them
# (the ten-year timeline index: 12 segments) besides its pages; with 1 page instead of
# 16 its hold of the write lock went 47-53 → 34-41 ms (the longest of the whole
# merge; the steps after it go on with PAGES).
START_PAGES = 1
# After each step the merge rests this many times as long as the step's commit took
# (its writes and fsyncs), at most MAX_REST: on a slow or busy disk it leaves the disk
# to the saves in proportion, as the daily backup's flushes do (backup._FlushBehind).
REST_SHARE = 2.0
MAX_REST = 0.25
LOCK_WAIT = 1.0  # seconds a step waits for the write lock before this run gives up
# A step gives way to a save of this process that waits for the write lock: SQLite asks
# every this many virtual-machine steps (FTS5 merges through statements of its own), and
# the step is interrupted and rolled back, to be done again after the rest. A step held
# the lock ~10 ms for its merge and ~10 ms for its commit; a save that came at its start
# waited for both, and for its own commit after (ten-year vault: 66 ms, session 24).
# Only the commit is left to wait for (``_give_way``).
GIVE_WAY_STEPS = 10
_STRUCTURE_ROWID = 10  # FTS5_STRUCTURE_ROWID: the record that lists the segments
_STRUCTURE_V2 = b"\xff\x00\x00\x01"  # the marker of the newer structure record
# FTS5_MAX_SEGMENT: no more segments nor a larger segment id; FTS5 reads at most as
# many levels (a merge over every segment adds levels: 65 were seen in a test vault)
_MAX_SEGMENT = 2000
_LEAF = 37  # a leaf page's rowid in %_data: segment id << 37 | page number
# What Twofold's indexes hold in their config table, and what FTS5 accepts there (its
# keys take integers, "rank" a function call).
_VERSIONS = (4, 5)  # FTS5_CURRENT_VERSION and FTS5_CURRENT_VERSION_SECUREDELETE
_INTEGER_KEYS = frozenset(
    ("pgsz", "hashsize", "automerge", "usermerge", "crisismerge", "deletemerge", "insttoken")
)


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


@valueclass
class Structure:
    """FTS5's structure record, as far as the merge needs it."""

    levels: tuple[tuple[int, int], ...]  # per level: (inputs of a merge under way, segments)
    spans: tuple[tuple[int, int, int], ...] = ()  # per segment: id, first and last leaf page

    @property
    def segments(self) -> int:
        return sum(count for _, count in self.levels)

    @property
    def merging(self) -> bool:
        """A merge was started and not finished (cut short, or continued by saves)."""
        return any(inputs for inputs, _ in self.levels)


class _Unparsed(Exception):
    """Not a structure record FTS5 writes."""


def _varint(data: bytes, at: int) -> tuple[int, int]:
    """SQLite's variable-length integer (big-endian 7-bit groups; the 9th byte is 8)."""
    value = 0
    for n in range(9):
        if at >= len(data):
            raise _Unparsed
        byte = data[at]
        at += 1
        if n == 8:
            return (value << 8) | byte, at
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            break
    return value, at


def parse_structure(data: bytes) -> Structure | None:
    """FTS5's structure record (fts5StructureDecode): a 4-byte cookie, the v2 marker if
    present, the number of levels and of segments, a write counter, then per level the
    inputs of a merge under way and its segments (id, first and last page; five more
    numbers in v2). Checked as FTS5 checks it, and more strictly: every number inside
    the record and in FTS5's own ranges, every segment id once, nothing after the last
    segment. None: not a record FTS5 writes — the index was damaged or edited outside
    Twofold (a partner holding the vault key can write anything into shared.db)."""
    try:
        return _parse(data)
    except _Unparsed:
        return None


def _parse(data: bytes) -> Structure:
    if len(data) < 4:
        raise _Unparsed
    v2 = data[4:8] == _STRUCTURE_V2
    at = 8 if v2 else 4
    n_levels, at = _varint(data, at)
    total, at = _varint(data, at)
    _, at = _varint(data, at)  # the write counter
    if n_levels > _MAX_SEGMENT or total > _MAX_SEGMENT:
        raise _Unparsed
    levels: list[tuple[int, int]] = []
    spans: list[tuple[int, int, int]] = []
    seen: set[int] = set()
    for _level in range(n_levels):
        inputs, at = _varint(data, at)
        count, at = _varint(data, at)
        if inputs > count or len(seen) + count > total:
            raise _Unparsed
        for _segment in range(count):
            segid, at = _varint(data, at)
            first, at = _varint(data, at)
            last, at = _varint(data, at)
            for _extra in range(5 if v2 else 0):  # origins, tombstone pages/entries, entries
                _, at = _varint(data, at)
            if not 1 <= segid <= _MAX_SEGMENT or segid in seen or last < first:
                raise _Unparsed
            seen.add(segid)
            spans.append((segid, first, last))
        if levels and levels[-1][0] and count == 0:  # a merge under way writes somewhere
            raise _Unparsed
        levels.append((inputs, count))
    if (levels and levels[-1][0]) or len(seen) != total or at != len(data):
        raise _Unparsed
    return Structure(tuple(levels), tuple(spans))


def structure(conn: Connection, schema: str, table: str) -> Structure | None:
    """The index's structure record, parsed; None when it is missing or not FTS5's."""
    row = conn.execute(
        f"SELECT block FROM {schema}.{table}_data WHERE id = ?", (_STRUCTURE_ROWID,)
    ).fetchone()
    if row is None or not isinstance(row[0], bytes):
        return None
    return parse_structure(row[0])


def segments(conn: Connection, schema: str, table: str) -> int:
    """How many segments the index has (the count of its structure record). Raises
    ``ValueError`` for a record that is missing or not FTS5's (``structure``)."""
    found = structure(conn, schema, table)
    if found is None:
        raise ValueError(f"{table}: the structure record is not FTS5's")
    return found.segments


def _pages_missing(conn: Connection, index: Index, found: Structure) -> bool:
    """Whether a segment the record lists lacks its first or last leaf page (a few
    rowid lookups: FTS5 would refuse the merge's first step over it)."""
    wanted = [
        (segid << _LEAF) + page for segid, first, last in found.spans for page in (first, last)
    ]
    present = 0
    for at in range(0, len(wanted), 500):
        chunk = wanted[at : at + 500]
        marks = ",".join("?" * len(chunk))
        query = f"SELECT count(*) FROM {index.schema}.{index.table}_data WHERE id IN ({marks})"
        present += int(conn.execute(query, chunk).fetchone()[0])
    return present != len(set(wanted))


def _config(conn: Connection, index: Index) -> dict[str, object] | None:
    """The index's config table; None when it holds what neither FTS5 nor Twofold
    writes there: a version FTS5 does not read, secure-delete off or missing, a key it
    does not know, a setting that is not an integer (FTS5 would ignore it)."""
    rows = conn.execute(f"SELECT k, v FROM {index.schema}.{index.table}_config").fetchall()
    config: dict[str, object] = {str(k): v for k, v in rows}
    for key, value in config.items():
        if key == "rank":
            ok = isinstance(value, str)
        elif key == "version":
            ok = type(value) is int and value in _VERSIONS
        elif key == "secure-delete":
            ok = type(value) is int and value == 1
        else:
            ok = key in _INTEGER_KEYS and type(value) is int
        if not ok:
            return None
    if "version" not in config or "secure-delete" not in config:
        return None
    return config


def _left_alone(index: Index, reason: str, exc: BaseException | None = None) -> None:
    """Log (names and codes only, as services/diagnostics does) why an index is not
    merged: the run goes on with the next one, and nothing is shown — verification
    names a damaged or edited index (its integrity check and search comparison)."""
    import logging

    code = ""
    if exc is not None:
        cause = exc.__cause__ or exc
        code = f" {type(exc).__name__} sqlite={getattr(cause, 'sqlite_errorname', '')}"
    logging.getLogger("twofold").warning(
        "search_index.left_alone table=%s reason=%s%s", index.table, reason, code
    )


def _step(
    conn: Connection,
    folder: Path,
    index: Index,
    pages: int,
    background: bool,
    settings: tuple[tuple[str, int], ...] = (),
) -> tuple[bool, float, bool]:
    """One merge step in its own transaction, with ``settings`` (FTS5 config commands)
    before it: whether FTS5 did any work, how long the commit took (its writes and
    fsyncs), and whether the step gave way to a save (``_give_way``: rolled back, the
    settings with it)."""
    from twofold.vault import priority  # with threading: not at every unlock's imports

    command = f"INSERT INTO {index.schema}.{index.table} ({index.table}, rank) VALUES (?, ?)"
    gave_way: list[bool] = []

    def give_way() -> int:
        if locks.someone_waits():
            gave_way.append(True)
            return 1
        return 0

    with WriteLock(folder, timeout=LOCK_WAIT, announced=False):
        # A background connection is not paused mid-step for the window's reads
        # (``priority``): the write lock is held, and a save of the window would wait.
        conn.set_progress_handler(None, 0)
        try:
            with transaction(conn, "The search index", deferred=True):
                for name, value in settings:
                    conn.execute(command, (name, value))
                before = conn.total_changes
                if pages:
                    conn.set_progress_handler(give_way, GIVE_WAY_STEPS)
                    try:
                        conn.execute(command, ("merge", pages))
                    finally:
                        conn.set_progress_handler(None, 0)
                worked = conn.total_changes - before >= 2
                committing = time.perf_counter()
            return worked, time.perf_counter() - committing, False
        except (DatabaseError, TwofoldError):
            if gave_way:  # interrupted for a save, and rolled back
                return False, 0.0, True
            raise
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

    While the indexes merge, FTS5's automerge is off for them (turned off for each
    index to be merged before the first step, given back with its last): FTS5 lets
    each write that fills 64 leaf pages do ``64 × levels`` pages of the merge under way
    (or of its own, on a fragmented index), and a merge over every segment makes many
    levels — the save that happened to cross that line wrote 700–4,900 rows of merged
    index (0.1–0.3 s; growth 10,000 and ten-year copies) while a step here holds the
    lock for ~20 ms. Each step is followed by a rest in proportion to its commit
    (``REST_SHARE``), as the daily backup rests after its flushes.

    An index whose structure record or config is not what FTS5 and Twofold write, or
    that FTS5 finds damaged, is left as it is (``_left_alone``: a log line, nothing
    written; a step FTS5 refuses is rolled back) and the next one is merged.
    Raises ``VaultInUse`` when the write lock stays taken (a backup from another
    process): what was merged is kept, and the next run goes on from there.
    ``background``: ``conn`` pauses for the window (``OpenVault.reader``)."""

    plan = _plan(conn, indexes)
    # Automerge off for every index to be merged before the first one is merged (a
    # save into the second would do FTS5's merge work meanwhile); the first index's
    # goes with its first step, so that FTS5 refusing that step leaves it as it was.
    for item in plan[1:]:
        if item.switch:
            if stop():  # asked before each write
                return []
            try:
                _step(conn, folder, item.index, 0, background, _AUTOMERGE_OFF)
                item.switch, item.written = False, True
            except VaultDamaged as exc:  # rolled back
                _left_alone(item.index, "damaged", exc)
                item.skip = True
    done: list[Tidied] = []
    for item in plan:
        if item.skip:
            continue
        try:
            tidied = _merge(conn, folder, item, stop, pages, rest, background)
        except VaultDamaged as exc:  # FTS5 found the index damaged: that step rolled back
            _left_alone(item.index, "damaged", exc)
            continue
        if tidied is not None:
            done.append(tidied)
    return done


_AUTOMERGE_OFF = (("automerge", 0),)


@valueclass(frozen=False)
class _Planned:
    index: Index
    found: Structure
    whole: bool  # merged over every segment: more than TIDY_ABOVE, or a merge under way
    switch: bool  # automerge is to be turned off with the first step
    written: bool = False
    skip: bool = False


def _plan(conn: Connection, indexes: list[Index]) -> list[_Planned]:
    """The indexes with work to do; one whose structure record or config is not what
    FTS5 and Twofold write is left alone."""
    plan: list[_Planned] = []
    for index in indexes:
        found = structure(conn, *index.names)
        if found is None:
            _left_alone(index, "structure")
            continue
        config = _config(conn, index)
        if config is None:
            _left_alone(index, "config")
            continue
        if _pages_missing(conn, index, found):
            _left_alone(index, "pages")
            continue
        off = config.get("automerge") == 0
        if found.segments <= 1 and not found.merging and not off:
            continue
        # automerge off: a run cut short, or a bulk import, left the merge to this one
        whole = found.segments > TIDY_ABOVE or found.merging or (off and found.segments > 1)
        plan.append(_Planned(index, found, whole, whole and not off))
    return plan


def _merge(
    conn: Connection,
    folder: Path,
    item: _Planned,
    stop: Callable[[], bool],
    pages: int,
    rest: float,
    background: bool,
) -> Tidied | None:
    """Merge one index, a step at a time; raises ``VaultDamaged`` when FTS5 refuses a
    step (rolled back; the steps before it are kept)."""
    from twofold.vault import priority

    index, settings = item.index, _AUTOMERGE_OFF if item.switch else ()
    steps, finished, written, refused, rolled_back = 0, False, item.written, False, False
    # Over every segment at once when none is under way (FTS5's negative 'merge', as
    # 'optimize' would), then positive steps go on with it until it is done. Only the
    # merge under way is followed: a positive step can also merge a level of
    # ``usermerge`` (4) small segments that saves add meanwhile, and chasing those
    # would not end while someone saves. An index with no merge to make only gets its
    # automerge back (``_settle``).
    start, started = item.whole and not item.found.merging, False
    # A run never chases saves for ever: a positive step also merges the small segments
    # saves add meanwhile, and saves every few milliseconds (a test; never a person)
    # kept one going for minutes. The whole index is written about once by a whole
    # merge, ``pages`` leaf pages a step: twice that many steps, then the next run goes on.
    leaves = sum(last - first + 1 for _, first, last in item.found.spans)
    limit = 2 * leaves // max(pages, 1) + 8
    try:
        while item.whole and not stop():  # asked before each write
            priority.pause_point()
            worked, took, gave_way = _step(
                conn, folder, index, -START_PAGES if start else pages, background, settings
            )
            if gave_way:  # rolled back, with its settings: the same step after a rest
                rolled_back = True
                time.sleep(rest)
                continue
            written, settings = written or bool(settings), ()
            started, start = started or start, False
            if worked:
                steps += 1
            now = structure(conn, *index.names)
            if now is None:  # changed meanwhile into something FTS5 did not write
                break
            if not now.merging:
                if started or now.segments <= 1 or item.found.segments <= TIDY_ABOVE:
                    finished = True
                    break
                # a merge under way is done and more than TIDY_ABOVE were there: once
                # over every segment (those saves add meanwhile wait for the next run)
                start = True
            elif not worked:  # FTS5 reports no work on a merge it lists: leave it
                break
            if steps >= limit:
                break  # unfinished: the next run goes on with it
            if worked:
                time.sleep(max(rest, min(MAX_REST, REST_SHARE * took)))
        if finished or not (item.whole or stop()):
            written = _settle(conn, folder, index, background, merged=steps > 0) or written
    except VaultDamaged:
        refused = True  # its rollback left the pages it had read in the journal
        raise
    finally:
        # the rollback journal holds pages as they were
        if steps or written or refused or rolled_back:
            with WriteLock(folder, timeout=LOCK_WAIT):
                scrub_journal(folder / index.file)
    if not steps:
        return None
    after = structure(conn, *index.names)
    count = after.segments if after is not None else -1
    return Tidied(index.table, item.found.segments, count, steps, finished)


def _settle(conn: Connection, folder: Path, index: Index, background: bool, merged: bool) -> bool:
    """A finished merge gives the index its automerge back (``AUTOMERGE``), and a
    merged index keeps ``CRISIS`` (once: FTS5 keeps both in the index's config), as
    does one an import left to this merge (automerge off, crisismerge raised).
    Whether anything was written."""
    config = _config(conn, index) or {}
    settings: list[tuple[str, int]] = []
    if config.get("automerge") == 0:  # only the merge here turns it off
        settings.append(("automerge", AUTOMERGE))
    if (merged or config.get("automerge") == 0) and config.get("crisismerge") != CRISIS:
        settings.append(("crisismerge", CRISIS))
    if settings:
        _step(conn, folder, index, 0, background, tuple(settings))
    return bool(settings)
