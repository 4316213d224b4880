"""The other partner once saw Alex's passphrase and recovery code and kept a copy of
keyslots.json (and of Alex's journal file). Alex changes the passphrase. The partner
puts the old keyslots.json back (over ``.prev`` too) and tries to get in as Alex with
the old secrets, through Twofold itself (window and CLI share these services)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS, recovery_code
from twofold.domain.errors import NotAllowed, VaultDamaged, WrongPassphrase
from twofold.services.session import Session, reset_passphrase, unlock, unlock_session
from twofold.vault import keyslots
from twofold.vault.vault import journal_file

NEW_PASS = "alex brand new passphrase"
DEAD_KEY = "the shared ledger no longer accepts your signing key"


def _ledger_head(session: Session) -> int:
    return session._vault.ledger.head()[0]


@pytest.fixture
def changed(vault_dir: Path, tmp_path: Path) -> tuple[Path, Path]:
    """Sam's copies of keyslots.json and Alex's journal from before Alex's change."""
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    assert alex.journal is not None
    alex.journal.write("written before the change")
    alex.lock()
    old_slots, old_journal = tmp_path / "old-keyslots.json", tmp_path / "old-journal.db"
    shutil.copy(vault_dir / keyslots.FILE_NAME, old_slots)
    alex_id = keyslots.load(vault_dir).partner("Alex").id
    shutil.copy(vault_dir / journal_file(alex_id), old_journal)
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    assert alex.journal is not None
    alex.change_passphrase(NEW_PASS)
    alex.journal.write("written after the change")
    alex.lock()
    shutil.copy(vault_dir / keyslots.FILE_NAME, old_slots.parent / "newer-keyslots.json")
    for name in (keyslots.FILE_NAME, keyslots.PREVIOUS_NAME):
        shutil.copy(old_slots, vault_dir / name)
    return old_slots, old_journal


def test_the_old_secrets_open_no_current_journal_and_sign_nothing(
    vault_dir: Path, changed: tuple[Path, Path]
) -> None:
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    head = _ledger_head(sam)
    sam.lock()
    with pytest.raises(VaultDamaged, match="does not open with its key"):
        unlock(vault_dir, "Alex", ALEX_PASS)
    with pytest.raises(VaultDamaged, match="does not open with its key"):
        reset_passphrase(vault_dir, "Alex", recovery_code(vault_dir, "Alex"), "sams idea of a pass")
    # the shared part of the old slot still opens (vault key + the old signing key):
    # a shared session as Alex, in which Twofold signs nothing, and says why
    together = unlock_session(vault_dir, ALEX_PASS, "Alex")
    try:
        assert any(n.taken for n in together.key_notices())
        with pytest.raises(NotAllowed, match=DEAD_KEY):
            together.wins.record("Alex agrees Sam was right")
    finally:
        together.lock()
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    try:
        assert _ledger_head(sam) == head  # nothing was added as Alex
        assert sam.verify().ok
    finally:
        sam.lock()


def test_with_the_old_journal_too_only_what_was_then_opens_and_nothing_is_signed(
    vault_dir: Path, changed: tuple[Path, Path]
) -> None:
    _, old_journal = changed
    alex_id = keyslots.load(vault_dir).partner("Alex").id
    shutil.copy(old_journal, vault_dir / journal_file(alex_id))
    as_alex = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        assert as_alex.journal is not None
        bodies = [r.body for r in as_alex.journal.listing().records]
        assert bodies == ["written before the change"]  # what the old secret opened then
        assert any(n.taken for n in as_alex.key_notices())
        with pytest.raises(NotAllowed, match=DEAD_KEY):
            as_alex.wins.record("Alex agrees Sam was right")
    finally:
        as_alex.lock()
    # a reset with the old code there goes through (a partner whose key was taken must
    # be able to change their passphrase), and its rotation, signed with the dead key,
    # is named for both partners: the ledger keeps Alex's own key
    session, _ = reset_passphrase(
        vault_dir, "Alex", recovery_code(vault_dir, "Alex"), "sams idea of a pass"
    )
    session.lock()
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    try:
        failed = "\n".join(line for line in sam.verify().lines() if line.startswith("FAIL"))
    finally:
        sam.lock()
    assert "(keys.changed," in failed and "was signed with Alex's old signing key" in failed


def test_alex_locked_out_by_the_old_file_gets_back_in_with_the_newer_one(
    vault_dir: Path, changed: tuple[Path, Path], tmp_path: Path
) -> None:
    """What the old file does to Alex: the new passphrase does not open the old slot
    (before unlock nothing readable says the file is older: a denial, as deleting it
    would be). Putting the newer keyslots.json back (a backup holds it) lets Alex in
    with nothing lost."""
    with pytest.raises(WrongPassphrase):
        unlock(vault_dir, "Alex", NEW_PASS)
    shutil.copy(tmp_path / "newer-keyslots.json", vault_dir / keyslots.FILE_NAME)
    alex = unlock(vault_dir, "Alex", NEW_PASS)
    try:
        assert alex.journal is not None
        assert [r.body for r in alex.journal.listing().records] == [
            "written after the change",
            "written before the change",
        ]
        assert alex.verify().ok
    finally:
        alex.lock()
