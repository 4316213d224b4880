"""The floor of "save one reflection durably", run in a process of its own.

    python -m tests.benchmarks.floor_save FOLDER SAMPLES    # prints the median in ms

FOLDER holds the plain (unencrypted) copy of shared.db and the journal that
``run.export_floor`` makes. The save is Twofold's: the same text through the same
store call (``JournalStore.add``, its search-index trigger included), in a
transaction that writes only the journal file, with the pragmas Twofold's files use
(``database.FILE_PRAGMAS``: the persisted rollback journal, ``synchronous=FULL``,
``secure_delete``, the page cache) — so the same fsyncs, the same bytes, the same
durability. What it lacks is what Twofold adds: the encryption of each page and
SQLCipher's memory security, which is process-wide once any connection turns it on
(the benchmark's own session does), hence the separate process.
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3

from twofold.domain.records import RecordKind
from twofold.vault.database import FILE_PRAGMAS, Link
from twofold.vault.journal_store import JournalStore

# what the benchmark's save row writes, word for word
SAVE_TEXT = "A short reflection about trust and a quiet evening."


def main(argv: list[str]) -> int:
    folder, samples = Path(argv[0]), int(argv[1])
    conn = sqlcipher3.connect(str(folder / "shared.db"), isolation_level=None)
    conn.execute("ATTACH DATABASE ? AS journal", (str(folder / "journal.db"),))
    for schema in ("main", "journal"):
        for pragma in FILE_PRAGMAS:
            conn.execute(f"PRAGMA {schema}.{pragma}")
    row = conn.execute("PRAGMA cipher_memory_security").fetchone()
    assert row is not None and str(row[0]) == "0", "the floor must run without memory security"
    store = JournalStore(Link(conn, lambda: conn))
    times = []
    for _ in range(samples):
        started = time.perf_counter()
        conn.execute("BEGIN")  # as Twofold's write under its lock: only the file written joins
        store.add(RecordKind.REFLECTION, SAVE_TEXT, (), (), datetime.now(UTC))
        conn.execute("COMMIT")
        times.append(time.perf_counter() - started)
    conn.close()
    print(f"{statistics.median(times) * 1000:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
