"""The rollback journals after a write that removed text: overwritten, then emptied.

A journal in ``journal_mode=PERSIST`` keeps the size of the largest transaction it
ever held (an upgrade that rebuilt the projections, a bulk import: 50 MB of shared.db
on the ten-year benchmark vault). Every scrub used to overwrite and flush all of it,
75 ms of each sharing step there. Now a scrub zeroes what is there, makes it durable,
then cuts the file, so the next scrub costs only what was written since.
(test_carving proves on a real ext4 disk that nothing readable is left.)"""

from __future__ import annotations

import secrets
from pathlib import Path

from tests.conftest import ALEX_PASS
from twofold.services.session import unlock
from twofold.vault.database import journal_path, scrub_journal
from twofold.vault.vault import journal_file


def _leave_a_big_finished_journal(database: Path, size: int) -> bytes:
    """What PERSIST leaves after a big transaction: a zeroed header, then old page
    images (here: recognisable bytes)."""
    stale = secrets.token_bytes(16) * (size // 16)
    journal_path(database).write_bytes(bytes(512) + stale[512:])
    return stale[512:528]


def test_a_sharing_step_leaves_both_rollback_journals_empty(vault_dir: Path) -> None:
    shared_db = vault_dir / "shared.db"
    marker = _leave_a_big_finished_journal(shared_db, 4 << 20)
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        assert session.journal is not None and session.sharing is not None
        for n in range(5):
            session.sharing.add(session.journal.write(f"entry to share {n}"))
        session.sharing.confirm(session.sharing.preview())
        own = vault_dir / journal_file(session._vault.partner_id)
        for path in (journal_path(shared_db), journal_path(own)):
            assert path.stat().st_size == 0, path.name
        # and the vault still writes, shares and verifies on the emptied journals
        session.sharing.add(session.journal.write("one more"))
        session.sharing.confirm(session.sharing.preview())
        assert session.verify().ok
    finally:
        session.lock()
    assert marker not in journal_path(shared_db).read_bytes()


def test_a_scrub_skips_a_journal_that_is_still_in_use(tmp_path: Path) -> None:
    """A hot journal (an unfinished transaction, first byte non-zero) is the only copy
    of the pages a crash recovery needs: the scrub neither zeroes nor cuts it."""
    database = tmp_path / "x.db"
    database.write_bytes(b"")
    hot = b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + secrets.token_bytes(4096)
    journal_path(database).write_bytes(hot)
    scrub_journal(database)
    assert journal_path(database).read_bytes() == hot


def test_editing_or_removing_an_outbox_item_leaves_no_page_images_behind(
    vault_dir: Path,
) -> None:
    """The version written for the partner is words too: the edited-away version and a
    removed item must not wait in the journal's rollback journal for the next scrub
    (someone who later learns the passphrase could read them there)."""
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        assert session.journal is not None and session.sharing is not None
        own = journal_path(vault_dir / journal_file(session._vault.partner_id))
        item = session.sharing.add(session.journal.write("A first version, too raw"))
        session.sharing.update(item, "A gentler version for Sam")
        assert own.stat().st_size == 0
        [kept] = session.sharing.outbox()
        assert kept.shared_text == "A gentler version for Sam"
        session.sharing.remove(item)
        assert own.stat().st_size == 0
        assert session.sharing.outbox() == []
    finally:
        session.lock()
