"""What was written privately and never shared appears nowhere the partner, a thief
or a backup could read it (DESIGN §5.4)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ALEX_PASS, SAM_PASS, all_bytes
from tests.reliability.pages import decrypted_pages
from twofold.services.session import unlock
from twofold.vault import vault as vault_files
from twofold.vault.keyslots import load

CANARIES = ["quokkacanary7781", "private-marmalade-secret", "überlongprivatecanary"]
SHARED_CANARY = "sharedpelicanword"


def _dump_shared_db_with_the_vault_key(vault_dir: Path) -> str:
    """Read every table of shared.db (incl. the FTS5 shadow tables) as Sam would."""
    opened = vault_files.unlock_session(vault_dir, SAM_PASS)
    try:
        conn = opened.connection
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type='table'")]
        dump = []
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                dump.append(repr(row))
        # and every decrypted page, free pages included, as raw bytes
        assert opened._keys is not None
        pages = decrypted_pages(vault_dir / "shared.db", bytes(opened._keys.vault_key))
        assert b"SQLite format 3" not in pages[:16] and b"CREATE TABLE" in pages
        dump.append(pages.decode("utf-8", errors="replace"))
        return "\n".join(dump)
    finally:
        opened.close()


def test_unshared_canaries_never_reach_disk_in_clear_or_the_shared_db(vault_dir: Path) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    assert alex.journal is not None and alex.sharing is not None
    secret_ids = [
        alex.journal.write(f"{c} written at night", feelings=[c[:12]], tags=[c[-10:]])
        for c in CANARIES
    ]
    # a record with a private part and a shared part
    mixed = alex.journal.write(f"{CANARIES[0]} and also {SHARED_CANARY}")
    item = alex.sharing.add(mixed, passage=SHARED_CANARY)
    alex.sharing.update(item, f"I want you to know: {SHARED_CANARY}")
    alex.sharing.confirm(alex.sharing.preview())
    # one waits in the outbox, one is edited (history), one deleted
    alex.sharing.add(secret_ids[1])
    alex.journal.edit(secret_ids[2], f"{CANARIES[2]} edited", alex.journal.get(secret_ids[2]).kind)
    alex.auto_backup()
    alex.lock()

    everything = all_bytes(vault_dir.parent)
    for canary in [*CANARIES, SHARED_CANARY]:
        assert canary.encode() not in everything, canary
        assert canary.encode("utf-16-le") not in everything
    shared_dump = _dump_shared_db_with_the_vault_key(vault_dir)
    assert SHARED_CANARY in shared_dump  # the check can see what is there
    for canary in CANARIES:
        assert canary not in shared_dump
    # nothing in the only clear-text file but labels and sealed blobs
    slots = load(vault_dir)
    assert [p.label for p in slots.partners] == ["Alex", "Sam"]


def test_deleted_text_is_gone_from_the_decrypted_journal_pages(vault_dir: Path) -> None:
    """secure_delete: a deleted record leaves no trace even for someone with the key."""
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    assert alex.journal is not None
    alex.journal.write("keptwalrusword stays")
    record = alex.journal.write("deletedwalruscanary was here")
    alex.journal.edit(record, "deletedwalruscanary edited", alex.journal.get(record).kind)
    alex.journal.delete(record)
    alex.lock()
    # Decrypt every page of Alex's journal with the real key and look at raw bytes.
    opened = vault_files.unlock_partner(vault_dir, "Alex", ALEX_PASS)
    try:
        assert opened._keys is not None and opened._keys.journal_key is not None
        name = vault_files.journal_file(opened.partner_id)
        raw = decrypted_pages(vault_dir / name, bytes(opened._keys.journal_key))
        assert b"CREATE TABLE records" in raw and b"keptwalrusword" in raw  # decryption works
        assert b"deletedwalruscanary" not in raw
    finally:
        opened.close()
