"""Every bad input gets a clear message and changes nothing (DESIGN §7)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.reliability.pages import PAGE, page_by_page
from twofold.domain.errors import (
    DiskFull,
    KeySlotsDamaged,
    NewerVersion,
    TwofoldError,
    VaultDamaged,
    VaultInUse,
    WrongPassphrase,
)
from twofold.services.session import unlock, unlock_session
from twofold.vault import vault as vault_files
from twofold.vault.keyslots import FILE_NAME, PREVIOUS_NAME, load


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.startswith(".")}


def journal_path(vault_dir: Path, label: str) -> Path:
    partner = load(vault_dir).partner(label)
    return vault_dir / vault_files.journal_file(partner.id)


def test_wrong_passphrase_changes_nothing(vault_dir: Path) -> None:
    before = snapshot(vault_dir)
    for attempt in ("", "alex correct horse batter", SAM_PASS):
        with pytest.raises(WrongPassphrase):
            unlock(vault_dir, "Alex", attempt)
    with pytest.raises(WrongPassphrase, match="neither"):
        unlock_session(vault_dir, "nobody's passphrase")
    assert snapshot(vault_dir) == before


def test_missing_keyslots_is_told_apart_from_a_wrong_passphrase(vault_dir: Path) -> None:
    (vault_dir / FILE_NAME).unlink()
    with pytest.raises(KeySlotsDamaged, match="missing"):
        unlock(vault_dir, "Alex", ALEX_PASS)


@pytest.mark.parametrize("damage", ["flip", "truncate", "garbage"])
def test_damaged_keyslots_is_told_apart_from_a_wrong_passphrase(
    vault_dir: Path, damage: str
) -> None:
    path = vault_dir / FILE_NAME
    data = bytearray(path.read_bytes())
    if damage == "flip":
        index = data.index(b'"check": "') + 12
        data[index] = ord("A") if data[index] != ord("A") else ord("B")
    elif damage == "truncate":
        data = data[: len(data) // 2]
    else:
        data = bytearray(os.urandom(200))
    path.write_bytes(bytes(data))
    before = snapshot(vault_dir)
    with pytest.raises(KeySlotsDamaged, match="damaged"):
        unlock(vault_dir, "Alex", ALEX_PASS)
    assert snapshot(vault_dir) == before


def test_damaged_keyslots_falls_back_to_the_previous_generation(vault_dir: Path) -> None:
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    session.change_passphrase("alex second passphrase")  # a new generation, in both files
    session.lock()
    assert (vault_dir / PREVIOUS_NAME).exists()
    (vault_dir / FILE_NAME).write_text("{ not json")
    # the previous generation holds the same keys (crash recovery only), and says so
    with pytest.raises(WrongPassphrase):
        unlock(vault_dir, "Alex", ALEX_PASS)
    session = unlock(vault_dir, "Alex", "alex second passphrase")
    assert any("previous generation" in w for w in session.warnings)
    session.lock()


@pytest.mark.parametrize("target", ["shared", "journal"])
def test_flipped_bytes_in_a_database_are_reported_and_nothing_changes(
    vault_dir: Path, target: str
) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    assert alex.journal is not None and alex.sharing is not None
    for n in range(30):
        record = alex.journal.write(f"entry {n} " + "words " * 300)
        if n % 10 == 0:
            alex.sharing.add(record)
    alex.sharing.confirm(alex.sharing.preview())
    alex.lock()
    path = vault_dir / "shared.db" if target == "shared" else journal_path(vault_dir, "Alex")
    data = bytearray(path.read_bytes())
    data[len(data) // 2 + 100] ^= 0x40
    path.write_bytes(bytes(data))
    before = snapshot(vault_dir)
    try:
        session = unlock(vault_dir, "Alex", ALEX_PASS)
    except VaultDamaged as exc:
        assert "Nothing was changed" in str(exc)
    else:
        report = session.verify()
        session.lock()
        assert not report.ok
        assert any(not ok and path.name in name for name, ok, _ in report.checks)
    assert snapshot(vault_dir) == before


@pytest.mark.parametrize("target", ["shared", "journal"])
def test_truncated_database_is_reported_and_nothing_changes(vault_dir: Path, target: str) -> None:
    path = vault_dir / "shared.db" if target == "shared" else journal_path(vault_dir, "Alex")
    for size in (0, 100, PAGE - 1):
        data = path.read_bytes()
        trial = vault_dir.parent / f"trial-{size}"
        if trial.exists():
            continue
        import shutil

        shutil.copytree(vault_dir, trial)
        trial_path = trial / path.name
        trial_path.write_bytes(data[:size] if size else b"")
        before = snapshot(trial)
        if target == "journal":
            with pytest.raises(VaultDamaged):
                unlock(trial, "Alex", ALEX_PASS)
        else:
            # the damage is named, and the partner's own intact journal still opens
            with pytest.raises(VaultDamaged):
                unlock_session(trial, ALEX_PASS, "Alex")
            session = unlock(trial, "Alex", ALEX_PASS)
            assert session.shared_damage and "shared.db" in session.warnings[-1]
            session.lock()
        assert snapshot(trial) == before


def test_a_tampered_private_record_is_reported_alone(vault_dir: Path) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    assert alex.journal is not None
    ids = [alex.journal.write(f"recordmarker{n:03d} " + "x" * 3500) for n in range(12)]
    alex.lock()
    opened = vault_files.unlock_partner(vault_dir, "Alex", ALEX_PASS)
    assert opened._keys is not None and opened._keys.journal_key is not None
    key = bytes(opened._keys.journal_key)
    opened.close()
    path = journal_path(vault_dir, "Alex")
    pages = page_by_page(path, key)
    # the records table's page (the search index keeps its own copy, without the kind)
    [target_page] = [
        i for i, page in enumerate(pages) if b"recordmarker006" in page and b"reflection" in page
    ]
    data = bytearray(path.read_bytes())
    data[target_page * PAGE + 2000] ^= 0x01
    path.write_bytes(bytes(data))
    before = snapshot(vault_dir)

    session = unlock(vault_dir, "Alex", ALEX_PASS)
    assert session.journal is not None
    listing = session.journal.listing()
    assert [d.id for d in listing.damaged] == [ids[6]]
    assert len(listing.records) == 11
    report = session.verify()
    session.lock()
    assert not report.ok
    assert snapshot(vault_dir) == before


def _set_user_version(vault_dir: Path, schema: str) -> None:
    opened = vault_files.unlock_partner(vault_dir, "Alex", ALEX_PASS)
    try:
        opened.connection.execute(f"PRAGMA {schema}.user_version = 99")
    finally:
        opened.close()


@pytest.mark.parametrize("schema", ["main", "journal"])
def test_a_vault_from_a_newer_version_is_refused_untouched(vault_dir: Path, schema: str) -> None:
    _set_user_version(vault_dir, schema)
    before = snapshot(vault_dir)
    with pytest.raises(NewerVersion, match="newer version"):
        unlock(vault_dir, "Alex", ALEX_PASS)
    assert snapshot(vault_dir) == before


def test_a_second_process_gets_a_clear_message(vault_dir: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
                import sys
                from twofold.vault import crypto, vault
                crypto.lower_kdf_floor_for_tests_only()
                v = vault.unlock_partner(__import__('pathlib').Path({str(vault_dir)!r}),
                                         'Sam', {SAM_PASS!r})
                print('ready', flush=True)
                sys.stdin.readline()
                v.close()
            """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        before = snapshot(vault_dir)
        with pytest.raises(VaultInUse, match="already open"):
            unlock(vault_dir, "Alex", ALEX_PASS)
        assert snapshot(vault_dir) == before
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=30)
        if holder.stdout is not None:
            holder.stdout.close()
    unlock(vault_dir, "Alex", ALEX_PASS).lock()  # free again once the other closed


def test_a_full_disk_loses_nothing(vault_dir: Path) -> None:
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    assert session.journal is not None
    kept = session.journal.write("written before the disk filled up")
    conn = session.journal._vault.connection  # simulate a full disk for this file
    pages = conn.execute("PRAGMA journal.page_count").fetchone()[0]
    conn.execute(f"PRAGMA journal.max_page_count = {pages}")
    with pytest.raises(DiskFull, match="disk is full"):
        session.journal.write("a long entry " * 2000)
    assert [r.id for r in session.journal.listing().records] == [kept]
    assert session.verify().ok
    session.lock()


def test_every_error_has_a_message_for_people() -> None:
    for error_type in TwofoldError.__subclasses__():
        assert error_type.__doc__ is None or error_type.__doc__.strip()
