from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS
from twofold.domain.errors import InvalidInput, NotAllowed, NotFound
from twofold.domain.records import RecordKind
from twofold.domain.search import Source
from twofold.services.session import Session, unlock, unlock_session


def test_write_list_newest_first_with_kinds_feelings_tags(alex: Session) -> None:
    assert alex.journal is not None
    first = alex.journal.write("Morning walk.\nQuiet.", RecordKind.GRATITUDE, ["Calm "], ["walks"])
    second = alex.journal.write("A hard evening", RecordKind.TRIGGER, ["afraid", "afraid"])
    listing = alex.journal.listing()
    assert [r.id for r in listing.records] == [second, first]
    record = alex.journal.get(first)
    assert (record.title, record.kind, record.feelings, record.tags) == (
        "Morning walk.",
        RecordKind.GRATITUDE,
        ("calm",),
        ("walks",),
    )
    assert alex.journal.get(second).feelings == ("afraid",)


def test_edit_keeps_history_and_delete_removes_everything(alex: Session) -> None:
    assert alex.journal is not None
    record_id = alex.journal.write("version one", RecordKind.DRAFT)
    alex.journal.edit(record_id, "version two", RecordKind.REFLECTION, ["hopeful"])
    alex.journal.edit(record_id, "version three", RecordKind.REFLECTION, ["hopeful"])
    assert alex.journal.get(record_id).body == "version three"
    assert [v.body for v in alex.journal.history(record_id)] == ["version two", "version one"]
    alex.journal.delete(record_id)
    with pytest.raises(NotFound):
        alex.journal.get(record_id)
    assert alex.journal.history(record_id) == []
    assert alex.search("version") == []


def test_empty_entry_is_refused_with_a_clear_message(alex: Session) -> None:
    assert alex.journal is not None
    with pytest.raises(InvalidInput, match="empty"):
        alex.journal.write("   \n ")
    assert alex.journal.count() == 0


def test_search_covers_journal_and_ledger_in_one_list(vault_dir: Path) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    assert alex.journal is not None and alex.sharing is not None
    private = alex.journal.write("The orchard smelled of rain; I felt lonely.")
    shared_from = alex.journal.write("Orchard walk with Sam, the first in months.")
    item = alex.sharing.add(shared_from)
    alex.sharing.confirm(alex.sharing.preview([item]))
    hits = alex.search("orchard")
    assert {(h.source, h.ref) for h in hits if h.source == Source.PRIVATE} == {
        (Source.PRIVATE, str(private)),
        (Source.PRIVATE, str(shared_from)),
    }
    assert [h.author_label for h in hits if h.source == Source.SHARED] == ["Alex"]
    assert alex.search("orch")  # the last word is a prefix: results as you type
    assert alex.search('"NEAR( ) AND') == []  # operators are searched as words, never an error
    alex.lock()

    sam = unlock(vault_dir, "Sam", SAM_PASS)
    sam_hits = sam.search("orchard")
    assert [h.source for h in sam_hits] == [Source.SHARED]
    assert "lonely" not in " ".join(h.snippet for h in sam_hits)
    sam.lock()


def test_drafts_survive_until_discarded(alex: Session) -> None:
    assert alex.journal is not None
    alex.journal.save_draft("editor", None, "half a thought", RecordKind.REFLECTION, [], ["x"])
    saved = alex.journal.draft("editor")
    assert saved is not None and saved[1].body == "half a thought" and saved[0] is None
    alex.journal.discard_draft("editor")
    assert alex.journal.draft("editor") is None


def test_shared_session_has_no_journal(vault_dir: Path) -> None:
    session = unlock_session(vault_dir, SAM_PASS)
    assert session.is_shared_session and session.partner_label == "Sam"
    assert session.journal is None and session.sharing is None
    assert session.timeline.count() == 1
    session.lock()
    with pytest.raises(NotAllowed):
        from twofold.services.journal import journal_of
        from twofold.vault.vault import unlock_session as open_session

        opened = open_session(vault_dir, ALEX_PASS)
        try:
            journal_of(opened)
        finally:
            opened.close()
