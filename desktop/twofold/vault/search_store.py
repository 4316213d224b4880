"""One search over the private journal and the shared ledger (DESIGN §6).

Each side finds its newest matches (see ``_newest``); only those rows are read and
merged by date. Sorting every match, or asking FTS5 for every snippet, cost 0.2–0.6 s
for a common word on 8,000 entries; this way it is a few milliseconds. Snippets are
made from the text when shown.

FTS5 needs the unqualified table name in MATCH, hence ``FROM journal.journal_fts …
WHERE journal_fts MATCH``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import datetime

from twofold.domain.errors import InvalidInput, VaultDamaged
from twofold.domain.search import SearchHit, SearchHits, Source
from twofold.domain.valueclass import valueclass
from twofold.vault.database import Connection, DatabaseError, mapped_errors, translate


def _marks(ids: list[int]) -> str:
    return ",".join("?" * len(ids))


# Read only the matches among the most recently written rows (a rowid window, which
# FTS5 seeks to), widening the window until it holds ``limit`` of them: the first
# window is two screenfuls of rows, a common word stops there, a rare word's few
# matches cost little in each wider window. Then only the ``limit`` newest of those
# matches by rowid are read (looking up the date of every match in a window of
# thousands was most of a common-word search at 50,000 entries).
#
# Rows are written in date order (the app writes "now"; the ledger is append-only),
# but an import adds old entries at new rowids. So the order is proven, not assumed:
# the date index is asked whether any row below the lowest rowid read is newer than
# the last row shown (a few index entries, no row read). If one is, more matches are
# read (entries of one day a little out of order), and if dates are far out of rowid
# order the newest matches are found by walking the date index instead
# (``_by_date``). Either way the result is the ``limit`` newest matches by date, as a
# full sort would give.
FIRST_WINDOW = 400  # the smallest first window (limit 200 → 400 rows)


@valueclass
class _Side:
    table: str  # the FTS table, as FROM names it
    name: str  # as MATCH names it
    by_ids: str  # (key, date) of the listed keys that may be shown
    newer_below: str  # is any row below this key newer than this date?
    by_date: str  # (key, date), newest first, before a (date, key)


_SIDES = {
    "private": _Side(
        "journal.journal_fts",
        "journal_fts",
        "SELECT id, created_at FROM journal.records WHERE id IN ({ids})",
        "SELECT 1 FROM journal.records INDEXED BY records_newest "
        "WHERE created_at > ? AND id < ? LIMIT 1",
        "SELECT id, created_at FROM journal.records INDEXED BY records_newest "
        "WHERE (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC LIMIT ?",
    ),
    "shared": _Side(
        "timeline_fts",
        "timeline_fts",
        "SELECT seq, occurred_at FROM timeline_items WHERE retracted = 0 AND seq IN ({ids})",
        "SELECT 1 FROM timeline_items INDEXED BY timeline_newest "
        "WHERE occurred_at > ? AND seq < ? LIMIT 1",
        "SELECT seq, occurred_at FROM timeline_items INDEXED BY timeline_newest "
        "WHERE (occurred_at, seq) < (?, ?) ORDER BY occurred_at DESC, seq DESC LIMIT ?",
    ),
}


@contextlib.contextmanager
def _one_moment(conn: Connection) -> Iterator[None]:
    """The search's ~10 statements read one state of the files (a row found by the
    index is the row then read), under one shared lock each instead of one per
    statement (44 lock calls and 11 reads of the files' change counters before)."""
    if conn.in_transaction:  # a caller's transaction is that moment already
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        # Nothing was written: ending it either way only lets go of the locks, and a
        # ROLLBACK asks nothing of FTS5 (a COMMIT syncs its tables, which an index
        # edited with the key makes fail)
        if conn.in_transaction:
            with contextlib.suppress(DatabaseError):
                conn.execute("ROLLBACK")


def _matches(conn: Connection, side: _Side, query: str, above: int) -> list[int]:
    """Rowids matching ``query`` above ``above``, highest first."""
    return _asked(conn, f"{_MATCHING.format(side=side)} > ?", (query, above))


_MATCHING = "SELECT rowid FROM {side.table} WHERE {side.name} MATCH ? AND rowid"


def _asked(conn: Connection, sql: str, args: tuple[str | int, ...]) -> list[int]:
    try:
        found = [int(r[0]) for r in conn.execute(sql, args)]
    except DatabaseError as exc:
        # A word the tokenizer splits in two would be a phrase, which the index
        # (detail = column) does not answer: say so rather than call it damage.
        if "phrase" not in str(exc):
            raise
        raise InvalidInput(
            "Search for whole words of letters and digits; this one cannot be searched."
        ) from exc
    found.sort(reverse=True)
    return found


def _rows(conn: Connection, side: _Side, keys: list[int]) -> list[tuple[int, str]]:
    rows: list[tuple[int, str]] = []
    for start in range(0, len(keys), 30_000):  # stay under SQLite's variable limit
        part = keys[start : start + 30_000]
        rows += [
            (int(r[0]), str(r[1])) for r in conn.execute(side.by_ids.format(ids=_marks(part)), part)
        ]
    return rows


def _newest(conn: Connection, kind: str, query: str, limit: int) -> list[tuple[str, int, str]]:
    side = _SIDES[kind]
    top = int(conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {side.table}").fetchone()[0])
    window = max(FIRST_WINDOW, 2 * limit)
    matched = _matches(conn, side, query, top - window)
    while True:
        if len(matched) < limit and window < top:
            # too few: widen by what this window's density says a screenful needs
            # (at least 2×, at most 4×: matches are not spread evenly). Not by asking
            # FTS5 for the ones below, newest first: it reads a segment's whole doclist
            # to walk it backwards (a common word at 50,000 entries: 3.5 ms against 1.1
            # for a wider window; session 25 tried it)
            need = 4 if not matched else -(-3 * limit // (2 * len(matched)))
            window *= min(4, max(2, need))
            matched = _matches(conn, side, query, top - window)
            continue
        rows: list[tuple[int, str]] = []
        read, wanted = 0, limit  # the newest ``read`` matches were looked up
        while True:
            while read < len(matched) and len(rows) < wanted:
                part = matched[read : read + max(wanted - len(rows), 50)]
                rows += _rows(conn, side, part)
                read += len(part)
            rows.sort(key=lambda r: (r[1], r[0]), reverse=True)
            if read == len(matched) and (window >= top or len(rows) < limit):
                break  # all of the window read: done, or look further
            if (
                conn.execute(side.newer_below, (rows[limit - 1][1], matched[read - 1])).fetchone()
                is None
            ):
                return [(kind, key, when) for key, when in rows[:limit]]
            if read >= 8 * limit:  # dates far out of rowid order (an import)
                return [(kind, key, when) for key, when in _by_date(conn, side, query, limit)]
            if read == len(matched):
                break  # a row below the window may be newer: widen it
            wanted *= 2  # a row just below those read is newer (same day): read more
        if window >= top:
            return [(kind, key, when) for key, when in rows[:limit]]
        window *= 4
        matched = _matches(conn, side, query, top - window)


def _by_date(conn: Connection, side: _Side, query: str, limit: int) -> list[tuple[int, str]]:
    """The newest matches by walking the date index, for rows whose dates are not in
    rowid order: every match's key in a set, then the index newest first until a
    screenful of them may be shown."""
    matched = set(_matches(conn, side, query, 0))
    rows: list[tuple[int, str]] = []
    after = ("\uffff", 0)
    while len(rows) < limit:
        chunk = [(int(r[0]), str(r[1])) for r in conn.execute(side.by_date, (*after, 2000))]
        if not chunk:
            break
        after = (chunk[-1][1], chunk[-1][0])
        wanted = [key for key, _ in chunk if key in matched]
        if wanted:
            shown = dict(_rows(conn, side, wanted))
            rows += [(key, when) for key, when in chunk if key in shown]
    return rows[:limit]


def _private(
    conn: Connection, query: str, limit: int, kinds: tuple[str, ...], kind_query: str | None
) -> Rows:
    """The journal's newest matches, and entries of the kinds the words named."""
    rows = _newest(conn, "private", query, limit) if query else []
    if kinds:
        seen = {key for _, key, _ in rows}
        rows += [row for row in _of_kinds(conn, kinds, kind_query, limit) if row[1] not in seen]
    return rows


def _of_kinds(
    conn: Connection, kinds: tuple[str, ...], query: str | None, limit: int
) -> list[tuple[str, int, str]]:
    """The newest private records of these kinds (matching ``query`` if given)."""
    marks = ",".join("?" * len(kinds))
    if query is None:
        rows = conn.execute(
            "SELECT id, created_at FROM journal.records INDEXED BY records_newest "
            f"WHERE kind IN ({marks}) ORDER BY created_at DESC, id DESC LIMIT ?",
            (*kinds, limit),
        ).fetchall()
        return [("private", int(r[0]), str(r[1])) for r in rows]
    matched = _newest(conn, "private", query, limit * 4)
    ids = [key for _, key, _ in matched]
    if not ids:
        return []
    keep = {
        int(r[0])
        for r in conn.execute(
            f"SELECT id FROM journal.records WHERE kind IN ({marks}) AND id IN ({_marks(ids)})",
            (*kinds, *ids),
        )
    }
    return [row for row in matched if row[1] in keep][:limit]


Rows = list[tuple[str, int, str]]  # (source, key, date)


def _side(source: Source, find: Callable[[], Rows], unsearched: list[Source]) -> Rows:
    """One side's newest matches; none, and the side noted, when its search index
    cannot be read. The partner holds the shared index's key and can make FTS5 refuse
    it: the person's own journal is still searched (DESIGN §7: one bad part never
    hides the rest), and the search says what it could not search."""
    try:
        return find()
    except DatabaseError as exc:
        if not isinstance(translate(exc, "Search"), VaultDamaged):
            raise
        import logging  # here: logging (and threading) is not on a search's path

        logging.getLogger("twofold").warning(
            "search.unsearched source=%s sqlite=%s",
            source.value,
            getattr(exc, "sqlite_errorname", ""),
        )
        unsearched.append(source)
        return []


def search(
    conn: Connection,
    query: str,
    typed: str,
    *,
    include_private: bool,
    labels: dict[str, str],
    own_label: str,
    limit: int = 200,
    kinds: tuple[str, ...] = (),
    kind_query: str | None = None,
) -> SearchHits:
    """``query`` is the FTS5 expression; ``typed`` what the person typed (for snippets).
    ``kinds``: journal kinds the typed words named ("trigger"): entries of those kinds
    match too, narrowed by ``kind_query`` (the other words) when there are any.
    A side whose index cannot be read is named in the result's ``unsearched``, and
    the search goes on without it (with none left, no hits and both named)."""
    with mapped_errors("Search"), _one_moment(conn):
        unsearched: list[Source] = []
        newest: Rows = []
        if query:
            newest += _side(
                Source.SHARED, lambda: _newest(conn, "shared", query, limit), unsearched
            )
        if include_private and (query or kinds):
            newest += _side(
                Source.PRIVATE,
                lambda: _private(conn, query, limit, kinds, kind_query),
                unsearched,
            )
        newest.sort(key=lambda row: row[2], reverse=True)
        newest = newest[:limit]
        private_ids = [key for source, key, _ in newest if source == "private"]
        shared_ids = [key for source, key, _ in newest if source == "shared"]
        bodies = (
            {
                int(r[0]): str(r[1])
                for r in conn.execute(
                    f"SELECT id, body FROM journal.records WHERE id IN ({_marks(private_ids)})",
                    private_ids,
                )
            }
            if private_ids
            else {}
        )
        shared = (
            {
                int(r[0]): (str(r[1]), str(r[2]), str(r[3]) + "\n" + str(r[4]))
                for r in conn.execute(
                    "SELECT seq, event_id, author, body, request FROM timeline_items "
                    f"WHERE seq IN ({_marks(shared_ids)})",
                    shared_ids,
                )
            }
            if shared_ids
            else {}
        )
    hits = SearchHits(unsearched=tuple(unsearched))
    for source, key, when in newest:
        if source == "private":
            hits.append(
                SearchHit(
                    Source.PRIVATE,
                    str(key),
                    bodies.get(key, ""),
                    typed,
                    datetime.fromisoformat(when),
                    own_label,
                )
            )
        else:
            event_id, author, text = shared.get(key, ("", "", ""))
            hits.append(
                SearchHit(
                    Source.SHARED,
                    event_id,
                    text,
                    typed,
                    datetime.fromisoformat(when),
                    labels.get(author, "?"),
                )
            )
    return hits
