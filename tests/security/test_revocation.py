"""Revocation is real (issue 11 B1): tried as the other partner would, with file
copies, `.prev` swaps and old backups."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS, recovery_code
from twofold.domain.errors import InvalidInput, KeySlotsDamaged, VaultDamaged, WrongPassphrase
from twofold.domain.ledger import EventKind
from twofold.domain.timeline_text import headline
from twofold.services.session import (
    Session,
    reset_passphrase,
    unlock,
    unlock_session,
)
from twofold.vault import keyslots
from twofold.vault.keyslots import FILE_NAME, PREVIOUS_NAME

NEW_PASS = "alex brand new passphrase"
REFUSED = (WrongPassphrase, KeySlotsDamaged, VaultDamaged)


def _journal_bodies(session: Session) -> list[str]:
    assert session.journal is not None
    return [r.body for r in session.journal.listing().records]


def _change(vault_dir: Path) -> str:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    assert alex.journal is not None
    alex.journal.write("written before the change")
    code = alex.change_passphrase(NEW_PASS)
    alex.journal.write("written after the change")
    alex.lock()
    return code


def test_a_change_gives_a_new_journal_key_and_the_old_secrets_open_nothing(
    vault_dir: Path,
) -> None:
    journal = next(vault_dir.glob("journal-*.db"))
    old_code = recovery_code(vault_dir, "Alex")
    new_code = _change(vault_dir)
    with pytest.raises(WrongPassphrase):
        unlock(vault_dir, "Alex", ALEX_PASS)
    with pytest.raises(WrongPassphrase):
        unlock_session(vault_dir, ALEX_PASS, "Alex")
    with pytest.raises(WrongPassphrase):
        reset_passphrase(vault_dir, "Alex", old_code, "someone else's passphrase")
    alex = unlock(vault_dir, "Alex", NEW_PASS)
    assert _journal_bodies(alex) == ["written after the change", "written before the change"]
    alex.lock()
    assert new_code != old_code
    # both files hold the same single generation: nothing older sits beside it
    assert (vault_dir / FILE_NAME).read_bytes() == (vault_dir / PREVIOUS_NAME).read_bytes()
    assert not list(vault_dir.glob("*.rekey*"))
    assert journal.exists()


def test_prev_swap_after_a_change_does_not_bring_the_old_passphrase_back(
    vault_dir: Path,
) -> None:
    before = (vault_dir / FILE_NAME).read_bytes()  # what .prev held before the change
    _change(vault_dir)
    for copied in ((vault_dir / PREVIOUS_NAME).read_bytes(), before):
        (vault_dir / FILE_NAME).write_bytes(copied)
        (vault_dir / PREVIOUS_NAME).write_bytes(copied)
        with pytest.raises(REFUSED):
            unlock(vault_dir, "Alex", ALEX_PASS)


def test_an_old_backups_keyslots_with_the_old_passphrase_cannot_open_the_current_journal(
    vault_dir: Path, tmp_path: Path
) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    backup = alex.auto_backup().path
    alex.lock()
    _change(vault_dir)
    restored = tmp_path / "restored"
    from twofold.services.backups import restore

    restore(backup, restored)
    # the partner copies the old key file next to the current journal
    shutil.copy(restored / FILE_NAME, vault_dir / FILE_NAME)
    shutil.copy(restored / FILE_NAME, vault_dir / PREVIOUS_NAME)
    with pytest.raises(REFUSED):
        unlock(vault_dir, "Alex", ALEX_PASS)
    # what the old backup itself still opens is the documented exception: the journal
    # as it was when the backup was made, nothing written after the change
    old = unlock(restored, "Alex", ALEX_PASS)
    assert "written after the change" not in _journal_bodies(old)
    old.lock()


def test_the_other_partners_use_of_a_recovery_code_leaves_an_event_and_a_notice(
    vault_dir: Path,
) -> None:
    """Sam once saw Alex's code and resets Alex's passphrase with it."""
    code = recovery_code(vault_dir, "Alex")
    taken, _ = reset_passphrase(vault_dir, "Alex", code, "sam took over alex")
    taken.lock()
    # Alex, at the unlock screen, is told what happened to their slot
    with pytest.raises(WrongPassphrase, match="reset with the recovery code on"):
        unlock(vault_dir, "Alex", ALEX_PASS)
    # both see it on the shared timeline, signed
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    items = [i for i in sam.timeline.page() if i.kind == EventKind.KEYS_CHANGED]
    assert [headline(i) for i in items] == ["Alex's passphrase was reset with the recovery code."]
    assert sam.verify().ok
    sam.lock()


def test_renewal_by_someone_who_knows_the_passphrase_is_told_at_unlock(vault_dir: Path) -> None:
    sam_as_alex = unlock(vault_dir, "Alex", ALEX_PASS)
    old_code = recovery_code(vault_dir, "Alex")
    sam_as_alex.renew_recovery_code(ALEX_PASS)
    sam_as_alex.lock()
    with pytest.raises(WrongPassphrase):
        reset_passphrase(vault_dir, "Alex", old_code, "a passphrase for alex")
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    notices = alex.key_notices()
    assert [n.how for n in notices] == ["renew"]
    assert "Your recovery code was renewed on" in notices[0].text
    assert "If this was not you" in notices[0].text
    alex.dismiss_key_notices()
    assert alex.key_notices() == []
    alex.lock()
    again = unlock(vault_dir, "Alex", ALEX_PASS)
    assert again.key_notices() == []
    again.lock()


def test_renewal_needs_the_passphrase_again(vault_dir: Path) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    before = (vault_dir / FILE_NAME).read_bytes()
    with pytest.raises(WrongPassphrase):
        alex.renew_recovery_code("not alex's passphrase")
    assert (vault_dir / FILE_NAME).read_bytes() == before
    alex.lock()


def test_the_same_passphrase_as_the_other_partner_is_refused(vault_dir: Path) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    before = (vault_dir / FILE_NAME).read_bytes()
    with pytest.raises(InvalidInput, match="your partner's"):
        alex.change_passphrase(SAM_PASS)
    assert (vault_dir / FILE_NAME).read_bytes() == before
    alex.lock()
    with pytest.raises(InvalidInput, match="your partner's"):
        reset_passphrase(vault_dir, "Alex", recovery_code(vault_dir, "Alex"), SAM_PASS)


def test_a_reset_writes_freshly_calibrated_settings(vault_dir: Path) -> None:
    session, _ = reset_passphrase(
        vault_dir, "Alex", recovery_code(vault_dir, "Alex"), "alex after the reset"
    )
    session.lock()
    loaded = keyslots.load(vault_dir)
    alex = loaded.partner("Alex")
    for kind in ("passphrase", "recovery"):
        slot = loaded.slot(alex.id, kind)
        assert slot.origin == "reset"
        from twofold.vault.crypto import KdfParams

        assert slot.kdf == KdfParams.calibrated()
