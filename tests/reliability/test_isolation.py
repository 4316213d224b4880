"""Partner isolation (DESIGN §3, threat 2)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS
from twofold.domain.errors import NotAllowed, VaultDamaged
from twofold.services.session import create_vault, unlock, unlock_session
from twofold.vault import vault as vault_files
from twofold.vault.crypto import KdfParams
from twofold.vault.database import attach_keyed
from twofold.vault.keyslots import load


def _journal_paths(vault_dir: Path) -> dict[str, Path]:
    return {p.label: vault_dir / vault_files.journal_file(p.id) for p in load(vault_dir).partners}


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.startswith(".")}


def test_sams_session_cannot_reach_alexs_journal(vault_dir: Path) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    assert alex.journal is not None
    alex.journal.write("alexonlysecret about the messages")
    alex.lock()

    sam = unlock(vault_dir, "Sam", SAM_PASS)
    assert sam.journal is not None
    assert sam.journal.count() == 0 and sam.journal.listing().records == ()
    assert sam.search("alexonlysecret") == []
    sam.lock()
    # Sam's passphrase in a shared session: no journal at all
    session = unlock_session(vault_dir, SAM_PASS)
    assert session.journal is None and session.search("alexonlysecret") == []
    session.lock()
    # Sam's keys cannot open Alex's file, even attached by hand
    opened = vault_files.unlock_partner(vault_dir, "Sam", SAM_PASS)
    try:
        assert opened._keys is not None and opened._keys.journal_key is not None
        with pytest.raises(VaultDamaged):
            attach_keyed(
                opened.connection,
                "other",
                _journal_paths(vault_dir)["Alex"],
                opened._keys.journal_key,
            )
        with pytest.raises(VaultDamaged):
            attach_keyed(
                opened.connection,
                "other2",
                _journal_paths(vault_dir)["Alex"],
                opened._keys.vault_key,
            )
    finally:
        opened.close()


def test_swapped_journals_are_detected_and_nothing_is_written(vault_dir: Path) -> None:
    paths = _journal_paths(vault_dir)
    a, b = paths["Alex"], paths["Sam"]
    tmp = a.with_suffix(".swap")
    a.rename(tmp)
    b.rename(a)
    tmp.rename(b)
    before = _snapshot(vault_dir)
    with pytest.raises(VaultDamaged, match="swapped"):
        unlock(vault_dir, "Alex", ALEX_PASS)
    with pytest.raises(VaultDamaged, match="swapped"):
        unlock(vault_dir, "Sam", SAM_PASS)
    assert _snapshot(vault_dir) == before
    # the shared ledger still opens for the couple
    unlock_session(vault_dir, SAM_PASS).lock()


def test_a_foreign_journal_is_detected(vault_dir: Path, tmp_path: Path, kdf: KdfParams) -> None:
    other = tmp_path / "other"
    create_vault(other, [("Alex", ALEX_PASS), ("Sam", SAM_PASS)], kdf)
    shutil.copyfile(_journal_paths(other)["Alex"], _journal_paths(vault_dir)["Alex"])
    before = _snapshot(vault_dir)
    with pytest.raises(VaultDamaged):
        unlock(vault_dir, "Alex", ALEX_PASS)
    assert _snapshot(vault_dir) == before


def test_a_missing_journal_is_never_recreated(vault_dir: Path) -> None:
    path = _journal_paths(vault_dir)["Alex"]
    path.unlink()
    with pytest.raises(VaultDamaged, match="missing"):
        unlock(vault_dir, "Alex", ALEX_PASS)
    assert not path.exists()


def test_shared_session_cannot_write_private_things(vault_dir: Path) -> None:
    session = vault_files.unlock_session(vault_dir, ALEX_PASS)
    try:
        from twofold.services.journal import JournalService

        with pytest.raises(NotAllowed, match="locked"):
            JournalService(session)
    finally:
        session.close()
