"""What one save of a reflection does, and what it no longer repeats.

Every save remembers the ledger head this partner has seen (DESIGN §3.3, "seen means
kept"). The head is nearly always the one already remembered; that case is decided
from the head row alone (docs/PERFORMANCE.md, session 22, "saving a reflection")."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from twofold.domain.errors import DiskFull
from twofold.domain.records import RecordKind
from twofold.services.session import Session
from twofold.vault import trust
from twofold.vault.journal_store import JournalStore


def _statements(session: Session, work: Callable[[], object]) -> list[str]:
    conn = session._vault.connection
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    try:
        work()
    finally:
        conn.set_trace_callback(None)
    return seen


def _journal(session: Session) -> JournalStore:
    store = session._vault.journal
    assert store is not None
    return store


def test_a_save_reads_the_ledger_once_when_its_head_is_already_remembered(
    alex: Session,
) -> None:
    journal = alex.journal
    assert journal is not None
    journal.write("The first entry remembers the head.")
    before = trust.seen_heads(_journal(alex))
    statements = _statements(alex, lambda: journal.write("A second entry."))
    # one read of the ledger (it was four: the head twice, the event at it twice)
    assert sum("ledger_events" in s for s in statements) == 1
    assert trust.seen_heads(_journal(alex)) == before  # nothing new to remember
    assert journal.get(journal.listing().records[0].id).body == "A second entry."


def test_a_save_remembers_a_head_not_remembered_yet(alex: Session) -> None:
    store = _journal(alex)
    with alex._vault.write():
        for key in (trust.SEEN_KEY, "ledger_head_seq", "ledger_head_hash"):
            store.delete_meta(key)
    assert trust.last_seen(store) is None
    assert alex.journal is not None
    alex.journal.write("Now the head is remembered again.")
    seq, digest = alex._vault.ledger.head()
    last = trust.last_seen(store)
    assert last is not None and (last.seq, last.digest) == (seq, digest.hex())
    assert last.author  # who wrote the event at that place, as before


def test_a_save_does_not_remember_over_a_head_that_was_rewritten(alex: Session) -> None:
    """The remembered place now holds another event: that is ``verify``'s finding,
    and the save must not quietly accept the new event as seen."""
    store = _journal(alex)
    assert alex.journal is not None
    alex.journal.write("Remember the head.")
    seq, _ = alex._vault.ledger.head()
    forged = [{"seq": seq, "digest": "00" * 32, "author": "someone", "at": "2026-01-01T00:00:00"}]
    with alex._vault.write():
        store.set_meta(trust.SEEN_KEY, json.dumps(forged))
        store.set_meta("ledger_head_hash", "00" * 32)
    alex.journal.write("Another entry.")
    assert json.loads(store.meta(trust.SEEN_KEY) or "[]") == forged
    assert store.meta("ledger_head_hash") == "00" * 32


def test_metas_reads_the_keys_asked_for_and_only_those(alex: Session) -> None:
    store = _journal(alex)
    with alex._vault.write():
        store.set_meta("ledger_seen_extra", "not asked for")
        store.set_meta("ünïcode-a", "1")
        store.set_meta("ünïcode-b", "2")
    asked = (trust.SEEN_KEY, "ledger_head_seq", "ledger_head_hash", "ledger_absent")
    expected = {k: v for k in asked if (v := store.meta(k)) is not None}
    assert set(expected) == {trust.SEEN_KEY, "ledger_head_seq", "ledger_head_hash"}
    assert store.metas(asked) == expected
    assert store.metas(("ünïcode-a", "ünïcode-b", "missing")) == {
        "ünïcode-a": "1",
        "ünïcode-b": "2",
    }
    assert store.metas(("partner_id",)) == {"partner_id": store.meta("partner_id") or ""}
    assert store.metas(("\U0010ffff",)) == {}


def test_a_save_with_the_draft_removes_it_in_the_same_commit(alex: Session) -> None:
    journal = alex.journal
    assert journal is not None
    journal.save_draft("editor", None, "A draft first.", RecordKind.REFLECTION, (), ())
    statements = _statements(alex, lambda: journal.write("The draft, saved.", draft="editor"))
    assert [s for s in statements if s in ("BEGIN", "COMMIT")] == ["BEGIN", "COMMIT"]
    assert journal.draft("editor") is None
    assert [r.body for r in journal.listing().records] == ["The draft, saved."]


def test_a_save_that_fails_keeps_the_draft(alex: Session) -> None:
    """The draft goes only with the entry: a full disk changes nothing."""
    journal = alex.journal
    assert journal is not None
    journal.save_draft("editor", None, "Words not saved yet.", RecordKind.REFLECTION, (), ())
    conn = alex._vault.connection  # simulate a full disk for the journal file
    pages = conn.execute("PRAGMA journal.page_count").fetchone()[0]
    conn.execute(f"PRAGMA journal.max_page_count = {pages}")
    with pytest.raises(DiskFull):
        journal.write("a long entry " * 2000, draft="editor")
    conn.execute("PRAGMA journal.max_page_count = 1073741823")
    kept = journal.draft("editor")
    assert kept is not None and kept[1].body == "Words not saved yet."
    assert journal.count() == 0
