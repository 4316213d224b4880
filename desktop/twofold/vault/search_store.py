"""One query over the private journal and the shared ledger (DESIGN §6: search
private + shared). FTS5 needs the unqualified table name in MATCH, hence the
``FROM journal.journal_fts … WHERE journal_fts MATCH`` form."""

from __future__ import annotations

from datetime import datetime

from twofold.domain.search import SearchHit, Source
from twofold.vault.database import Connection, mapped_errors

_SHARED = (
    "SELECT 'shared', t.event_id, "
    "snippet(timeline_fts, -1, '[', ']', '…', 16), t.occurred_at, t.author "
    "FROM timeline_fts JOIN timeline_items t ON t.seq = timeline_fts.rowid "
    "WHERE timeline_fts MATCH ? AND t.retracted = 0"
)
_PRIVATE = (
    "SELECT 'private', CAST(r.id AS TEXT), "
    "snippet(journal_fts, 0, '[', ']', '…', 16), r.created_at, '' "
    "FROM journal.journal_fts JOIN journal.records r ON r.id = journal_fts.rowid "
    "WHERE journal_fts MATCH ?"
)


def search(
    conn: Connection,
    query: str,
    *,
    include_private: bool,
    labels: dict[str, str],
    own_label: str,
    limit: int = 200,
) -> list[SearchHit]:
    sql = f"{_PRIVATE} UNION ALL {_SHARED}" if include_private else _SHARED
    args = (query, query) if include_private else (query,)
    with mapped_errors("Search"):
        rows = conn.execute(f"{sql} ORDER BY 4 DESC LIMIT ?", (*args, limit)).fetchall()
    return [
        SearchHit(
            source=Source(r[0]),
            ref=str(r[1]),
            snippet=str(r[2]),
            when=datetime.fromisoformat(r[3]),
            author_label=own_label if r[0] == "private" else labels.get(str(r[4]), "?"),
        )
        for r in rows
    ]
