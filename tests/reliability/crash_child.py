"""Run by test_crash: write and share in a loop, acknowledging each durable step on
stdout, until killed with SIGKILL."""

from __future__ import annotations

import sys
from pathlib import Path

from twofold.services.kdf import use_weak_kdf_for_tests_only
from twofold.services.session import unlock

use_weak_kdf_for_tests_only()  # the test vault uses KdfParams.for_tests_only()


def main(folder: str, passphrase: str) -> None:
    session = unlock(Path(folder), "Alex", passphrase)
    assert session.journal is not None and session.sharing is not None
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        record = session.journal.write(f"crash round entry {n} " + "words " * (n % 50))
        print(f"R {record}", flush=True)
        if n % 3 == 0:
            item = session.sharing.add(record)
            session.sharing.update(item, f"shared version {n}", "a request")
            [event_id] = session.sharing.confirm(session.sharing.preview([item]))
            print(f"S {record} {event_id}", flush=True)
        if n % 7 == 0:
            session.journal.edit(record, f"edited {n}", session.journal.get(record).kind)
            print(f"E {record}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
