"""Drafts are words too: deleting an entry or throwing its draft away leaves no page
image of them in the journal's rollback journal (DESIGN §3.3, "gone means gone")."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ALEX_PASS
from twofold.domain.records import RecordKind
from twofold.services.session import unlock
from twofold.vault.database import journal_path
from twofold.vault.vault import journal_file

SLOT = "editor"


def test_deleting_an_entry_with_a_draft_leaves_no_page_images_behind(vault_dir: Path) -> None:
    """The window deleted the entry (scrubbed), then its draft in a second transaction
    that was not: the draft's words waited in the rollback journal."""
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        journal = session.journal
        assert journal is not None
        own = journal_path(vault_dir / journal_file(session._vault.partner_id))
        record = journal.write("What I wrote first")
        journal.save_draft(
            SLOT, record, "and what I was still adding", RecordKind.REFLECTION, (), ()
        )
        journal.delete(record, draft=SLOT)
        assert own.stat().st_size == 0
        assert journal.draft(SLOT) is None and journal.count() == 0
    finally:
        session.lock()


def test_discarding_a_draft_leaves_no_page_images_behind(vault_dir: Path) -> None:
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        journal = session.journal
        assert journal is not None
        own = journal_path(vault_dir / journal_file(session._vault.partner_id))
        journal.save_draft(
            SLOT, None, "words I decided to throw away", RecordKind.REFLECTION, (), ()
        )
        journal.discard_draft(SLOT)
        assert own.stat().st_size == 0
        assert journal.draft(SLOT) is None
    finally:
        session.lock()
