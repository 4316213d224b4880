"""One search over the private journal and the shared ledger (DESIGN §6).

Each side finds its newest matches (see ``_newest``); only those rows are read and
merged by date. Sorting every match, or asking FTS5 for every snippet, cost 0.2–0.6 s
for a common word on 8,000 entries; this way it is a few milliseconds. Snippets are
made from the text when shown.

FTS5 needs the unqualified table name in MATCH, hence ``FROM journal.journal_fts …
WHERE journal_fts MATCH``.
"""

from __future__ import annotations

from datetime import datetime

from twofold.domain.errors import InvalidInput
from twofold.domain.search import SearchHit, Source
from twofold.vault.database import Connection, DatabaseError, mapped_errors


def _marks(ids: list[int]) -> str:
    return ",".join("?" * len(ids))


# Read only the matches among the most recently written rows (a rowid window, which
# FTS5 seeks to), widening the window fourfold until it holds ``limit`` of them: a
# common word stops in the first window, a rare word's few matches cost little in
# each. Rows are written in date order (the app writes "now"; the ledger is
# append-only), so these are the newest; imported entries are still found, ordered by
# their own dates within the window.
FIRST_WINDOW = 2000
_SIDES = {
    "private": (
        "journal.journal_fts",
        "journal_fts",
        "SELECT id, created_at FROM journal.records WHERE id IN ({ids})",
    ),
    "shared": (
        "timeline_fts",
        "timeline_fts",
        "SELECT seq, occurred_at FROM timeline_items WHERE retracted = 0 AND seq IN ({ids})",
    ),
}


def _newest(conn: Connection, side: str, query: str, limit: int) -> list[tuple[str, int, str]]:
    table, name, by_ids = _SIDES[side]
    top = int(conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0])
    window = FIRST_WINDOW
    while True:
        try:
            matched = [
                int(r[0])
                for r in conn.execute(
                    f"SELECT rowid FROM {table} WHERE {name} MATCH ? AND rowid > ?",
                    (query, top - window),
                )
            ]
        except DatabaseError as exc:
            # A word the tokenizer splits in two would be a phrase, which the index
            # (detail = column) does not answer: say so rather than call it damage.
            if "phrase" not in str(exc):
                raise
            raise InvalidInput(
                "Search for whole words of letters and digits; this one cannot be searched."
            ) from exc
        if len(matched) >= limit or window >= top:
            break
        window *= 4
    rows = []
    for start in range(0, len(matched), 30_000):  # stay under SQLite's variable limit
        part = matched[start : start + 30_000]
        rows += conn.execute(by_ids.format(ids=_marks(part)), part).fetchall()
    rows.sort(key=lambda r: (r[1], r[0]), reverse=True)
    return [(side, int(r[0]), str(r[1])) for r in rows[:limit]]


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
) -> list[SearchHit]:
    """``query`` is the FTS5 expression; ``typed`` what the person typed (for snippets).
    ``kinds``: journal kinds the typed words named ("trigger"): entries of those kinds
    match too, narrowed by ``kind_query`` (the other words) when there are any."""
    with mapped_errors("Search"):
        newest = _newest(conn, "shared", query, limit) if query else []
        if include_private:
            newest += _newest(conn, "private", query, limit) if query else []
            if kinds:
                seen = {key for source, key, _ in newest if source == "private"}
                newest += [
                    row for row in _of_kinds(conn, kinds, kind_query, limit) if row[1] not in seen
                ]
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
    hits: list[SearchHit] = []
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
