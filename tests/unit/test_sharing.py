from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ALEX_PASS, SAM_PASS
from twofold.domain.errors import InvalidInput, NotAllowed
from twofold.domain.ledger import EventKind
from twofold.services.session import Session, unlock
from twofold.vault import crypto  # ledger_store signs through this module


def _shared_texts(vault_dir: Path) -> list[str]:
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    try:
        return [i.body for i in sam.timeline.page() if i.kind == EventKind.REFLECTION_SHARED]
    finally:
        sam.lock()


def test_sharing_step_shares_only_the_written_version(vault_dir: Path, alex: Session) -> None:
    assert alex.journal is not None and alex.sharing is not None
    record = alex.journal.write("Private: I read the old messages again. Shared: I'm scared.")
    other = alex.journal.write("Never to be shared")
    item = alex.sharing.add(record, passage="I'm scared.")
    alex.sharing.update(item, "I'm scared, and I want to keep trying.", "Can we talk Sunday?")
    preview = alex.sharing.preview()
    assert preview.summary == "You are sharing 1 reflection with Sam"
    assert preview.items[0].shared_text == "I'm scared, and I want to keep trying."
    event_ids = alex.sharing.confirm(preview)
    assert alex.sharing.outbox() == []
    assert alex.journal.get(record).shared and not alex.journal.get(other).shared
    alex.lock()
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    items = sam.timeline.page()
    assert items[0].event_id == event_ids[0]
    assert (items[0].body, items[0].request, items[0].author_label) == (
        "I'm scared, and I want to keep trying.",
        "Can we talk Sunday?",
        "Alex",
    )
    sam.lock()


def test_passage_must_come_from_the_entry_and_empty_version_is_refused(alex: Session) -> None:
    assert alex.journal is not None and alex.sharing is not None
    record = alex.journal.write("Only these words.")
    with pytest.raises(InvalidInput):
        alex.sharing.add(record, passage="other words")
    item = alex.sharing.add(record)
    alex.sharing.update(item, "   ")
    with pytest.raises(InvalidInput, match="empty"):
        alex.sharing.preview()


def test_confirm_refuses_a_preview_that_no_longer_matches(alex: Session) -> None:
    assert alex.journal is not None and alex.sharing is not None
    item = alex.sharing.add(alex.journal.write("text"))
    preview = alex.sharing.preview()
    alex.sharing.update(item, "changed after the preview")
    with pytest.raises(NotAllowed, match="preview"):
        alex.sharing.confirm(preview)
    assert alex.timeline.count() == 1


def test_retract_removes_content_keeps_signed_event(vault_dir: Path, alex: Session) -> None:
    assert alex.journal is not None and alex.sharing is not None
    record = alex.journal.write("something")
    item = alex.sharing.add(record)
    alex.sharing.update(item, "zebracanary shared then retracted")
    [event_id] = alex.sharing.confirm(alex.sharing.preview())
    alex.timeline.retract(event_id)
    assert not alex.journal.get(record).shared
    assert alex.search("zebracanary") == []
    assert alex.verify().ok
    with pytest.raises(NotAllowed, match="already"):
        alex.timeline.retract(event_id)
    alex.lock()
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    [item_view] = [i for i in sam.timeline.page() if i.event_id == event_id]
    assert item_view.retracted and item_view.body == ""
    sam.lock()


def test_only_the_author_can_retract(vault_dir: Path, alex: Session) -> None:
    assert alex.journal is not None and alex.sharing is not None
    alex.sharing.add(alex.journal.write("mine"))
    [event_id] = alex.sharing.confirm(alex.sharing.preview())
    alex.lock()
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    with pytest.raises(NotAllowed, match="Only the partner"):
        sam.timeline.retract(event_id)
    sam.lock()


@given(count=st.integers(1, 6), fail_at=st.integers(0, 6))
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_sharing_is_all_or_nothing(vault_dir: Path, count: int, fail_at: int) -> None:
    """Whatever item the failure strikes, either every item lands or none does."""
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        assert session.journal is not None and session.sharing is not None
        for leftover in session.sharing.outbox():
            session.sharing.remove(leftover.id)
        records = [session.journal.write(f"entry {n}") for n in range(count)]
        for record in records:
            session.sharing.add(record)
        before_events = session.timeline.count()
        before_shared = [session.journal.get(r).shared for r in records]
        preview = session.sharing.preview()
        # inject a failure inside the transaction: signing the item ``fail_at``
        real_sign = crypto.sign
        calls = {"n": 0}

        def failing_sign(*args: Any, **kwargs: Any) -> bytes:
            if calls["n"] == fail_at:
                raise OSError("simulated failure mid-share")
            calls["n"] += 1
            return real_sign(*args, **kwargs)

        crypto.sign = failing_sign
        try:
            session.sharing.confirm(preview)
            landed = True
        except OSError:
            landed = False
        finally:
            crypto.sign = real_sign
        assert landed == (fail_at >= count)
        after_shared = [session.journal.get(r).shared for r in records]
        if landed:
            assert session.timeline.count() == before_events + count
            assert all(after_shared) and session.sharing.outbox() == []
        else:
            assert session.timeline.count() == before_events
            assert after_shared == before_shared and len(session.sharing.outbox()) == count
        assert session.verify().ok
    finally:
        session.lock()


def test_a_retraction_the_journal_missed_is_marked_at_the_next_unlock(
    vault_dir: Path, alex: Session
) -> None:
    """A retraction signed while this journal was not open (a shared session, or
    Twofold stopped between the ledger's and the journal's transaction) is marked
    privately at the next unlock: from what was signed since the head the journal
    kept, and, without a kept head (a vault from before), from every share."""
    from twofold.services.timeline import RETRACTIONS_CHECKED_KEY
    from twofold.vault import vault as vault_files
    from twofold.vault.vault import now

    assert alex.journal is not None and alex.sharing is not None
    shared: dict[str, int] = {}
    for text in ("first walk", "second walk", "third walk", "kept walk"):
        record = alex.journal.write(text)
        item = alex.sharing.add(record)
        (event_id,) = alex.sharing.confirm(alex.sharing.preview([item]))
        shared[event_id] = record
    alex.lock()
    ids = list(shared)

    def retract_behind_the_journal(event_id: str, forget_head: bool = False) -> None:
        opened = vault_files.unlock_partner(vault_dir, "Alex", ALEX_PASS)
        try:
            assert opened.journal is not None
            with opened.write("test"):
                opened.ledger.retract(event_id, now())
                if forget_head:
                    opened.journal.delete_meta(RETRACTIONS_CHECKED_KEY)
        finally:
            opened.close()

    def retracted() -> set[str]:
        session = unlock(vault_dir, "Alex", ALEX_PASS)
        try:
            opened = session._vault
            assert opened.journal is not None
            assert opened.journal.meta(RETRACTIONS_CHECKED_KEY) == str(opened.ledger.head()[0])
            return {event_id for _, event_id, gone in opened.journal.shares() if gone}
        finally:
            session.lock()

    retract_behind_the_journal(ids[0])
    assert retracted() == {ids[0]}
    retract_behind_the_journal(ids[1])  # after a head was kept: only what is newer
    assert retracted() == {ids[0], ids[1]}
    retract_behind_the_journal(ids[2], forget_head=True)  # no head kept: every share
    assert retracted() == {ids[0], ids[1], ids[2]}


def test_the_checked_head_is_kept_only_with_a_write_that_happens_anyway(
    vault_dir: Path, alex: Session
) -> None:
    """An unlock that learns nothing new writes nothing (a damaged or copied vault is
    left as it was); one that sees the partner's new events keeps the head with them."""
    from tests.reliability.test_bad_input import snapshot
    from twofold.services.timeline import RETRACTIONS_CHECKED_KEY

    assert alex.journal is not None and alex.sharing is not None
    record = alex.journal.write("a walk before breakfast")
    alex.sharing.confirm(alex.sharing.preview([alex.sharing.add(record)]))
    alex.lock()
    before = snapshot(vault_dir)
    again = unlock(vault_dir, "Alex", ALEX_PASS)  # only her own events are new
    again.lock()
    assert snapshot(vault_dir) == before

    sam = unlock(vault_dir, "Sam", SAM_PASS)
    assert sam.journal is not None and sam.sharing is not None
    theirs = sam.journal.write("the evening call went well")
    sam.sharing.confirm(sam.sharing.preview([sam.sharing.add(theirs)]))
    sam.lock()
    third = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        opened = third._vault
        assert opened.journal is not None
        assert opened.journal.meta(RETRACTIONS_CHECKED_KEY) == str(opened.ledger.head()[0])
    finally:
        third.lock()


def test_fifty_items_are_shared_with_one_write_of_the_search_index(alex: Session) -> None:
    """The 50 timeline cards of one sharing step go into the search index together:
    one new index segment, not one per item merged afterwards (FTS5 writes its pending terms at every
    statement savepoint, and each card's INSERT fired the index trigger in its own).
    Each event is still signed by its author, the chain stays whole, search finds them."""
    assert alex.journal is not None and alex.sharing is not None
    for n in range(50):
        alex.sharing.add(alex.journal.write(f"entry to share {n} lighthouse{n:02d}"))
    conn = alex._vault.connection

    def segments() -> int:
        return int(conn.execute("SELECT count(*) FROM timeline_fts_data").fetchone()[0])

    before = segments()
    ids = alex.sharing.confirm(alex.sharing.preview())
    assert len(ids) == 50
    # one new segment (the old code left 5 rows after merging the 50 segments it wrote)
    assert segments() - before <= 2, segments() - before
    ledger = alex._vault.ledger
    assert ledger.present(ids) == set(ids)
    assert all(ledger.event(i).header.author == alex.partner_id for i in ids)
    assert alex.verify().ok
    for n in (0, 17, 49):
        assert any(h.ref in ids for h in alex.search(f"lighthouse{n:02d}"))
