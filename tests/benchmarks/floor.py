"""The floors of "search" and "save one reflection durably", run in a process of its own.

    python -m tests.benchmarks.floor save FOLDER SAMPLES            # the median in ms
    python -m tests.benchmarks.floor search FOLDER SAMPLES TEXT...  # JSON: text → ms
    (--memory-security before FOLDER: the same with SQLCipher's memory security on)

FOLDER holds the plain (unencrypted) copy of shared.db and the journal that
``run.export_floor`` makes, opened with the pragmas Twofold's files use
(``database.FILE_PRAGMAS``: the persisted rollback journal, ``synchronous=FULL``,
``secure_delete``, the page cache).

* The save is Twofold's: the same text through the same store call
  (``JournalStore.add``, its search-index trigger included), in a transaction that
  writes only the journal file — so the same fsyncs, the same bytes, the same
  durability.
* The search is Twofold's query (``search_store.search``, private and shared) for the
  same typed text, without the service around it (query parsing, snippets' labels).

What a floor lacks is Twofold's code around the store call and the encryption of each
page (the copy is plain: a stricter floor than the encrypted files). The memory
security is process-wide once any connection turns it on — the benchmark's own
session does — hence the separate process, which can measure both ways:

* ``--memory-security``: the engine as DESIGN §3 requires it configured (SQLCipher's
  memory security on: an mlock and a wipe for every allocation). The search rows'
  floor in sessions 25-27, in a note beside them since session 28, when the floor
  column became the same call measured in the benchmark's own process, sample for
  sample beside the row (``run._PairedFloor``: a fresh process and the benchmark's
  differ by more than Twofold's code does).
* without it: the raw engine (sessions 22-24's floor; the save's floor), reported
  beside the search rows so the memory security's cost stays in view.

SQLite is started as Twofold starts it (``vault.engine``: its lookaside), either way.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from twofold.domain.records import RecordKind
from twofold.vault.database import FILE_PRAGMAS, Link
from twofold.vault.engine import sqlcipher3  # SQLite started as Twofold starts it

# what the benchmark's save row writes, word for word
SAVE_TEXT = "A short reflection about trust and a quiet evening."


def open_plain(folder: Path, memory_security: bool) -> sqlcipher3.Connection:
    if memory_security:  # process-wide: any keyed connection switches it on
        switch = sqlcipher3.connect(":memory:")
        switch.execute("PRAGMA key = 'floor'")
        switch.execute("PRAGMA cipher_memory_security = ON")
        switch.execute("SELECT 1").fetchall()
        switch.close()
    conn = sqlcipher3.connect(str(folder / "shared.db"), isolation_level=None)
    conn.execute("ATTACH DATABASE ? AS journal", (str(folder / "journal.db"),))
    for schema in ("main", "journal"):
        for pragma in FILE_PRAGMAS:
            conn.execute(f"PRAGMA {schema}.{pragma}")
    row = conn.execute("PRAGMA cipher_memory_security").fetchone()
    assert row is not None and (str(row[0]) == "1") == memory_security, row
    return conn


def _median_ms(action: Callable[[], object], samples: int) -> float:
    action()  # the first run reads the pages into the cache, as the app's have been
    times = []
    for _ in range(samples):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def save(conn: sqlcipher3.Connection, samples: int) -> float:
    from twofold.vault.journal_store import JournalStore

    store = JournalStore(Link(conn, lambda: conn))

    def one() -> None:
        conn.execute("BEGIN")  # as Twofold's write under its lock: only the file written joins
        store.add(RecordKind.REFLECTION, SAVE_TEXT, (), (), datetime.now(UTC))
        conn.execute("COMMIT")

    return _median_ms(one, samples)


def search(conn: sqlcipher3.Connection, samples: int, typed: list[str]) -> dict[str, float]:
    from twofold.domain.search import fts_query
    from twofold.vault.search_store import search as run_search

    found = {}
    for text in typed:
        query = fts_query(text)
        assert query is not None, text
        found[text] = _median_ms(
            partial(
                run_search, conn, query, text, include_private=True, labels={}, own_label="Alex"
            ),
            samples,
        )
    return found


def main(argv: list[str]) -> int:
    what, *rest = argv
    memory_security = rest[0] == "--memory-security"
    if memory_security:
        rest = rest[1:]
    folder, samples, typed = Path(rest[0]), int(rest[1]), rest[2:]
    conn = open_plain(folder, memory_security)
    try:
        if what == "save":
            print(f"{save(conn, samples):.4f}")
        elif what == "search":
            print(json.dumps(search(conn, samples, typed)))
        else:
            raise SystemExit(f"unknown floor {what!r}: save or search")
    finally:
        conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
