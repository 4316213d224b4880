"""Backups: one encrypted file, taken from an open vault, rotated daily, each one
proven to restore and open."""

from __future__ import annotations

import json
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS
from twofold.domain.errors import BackupInvalid, NewerVersion, VaultExists
from twofold.services import backups
from twofold.services.session import unlock


def _restore_and_open(backup: Path, into: Path) -> list[str]:
    backups.restore(backup, into)
    session = unlock(into, "Alex", ALEX_PASS)
    try:
        assert session.verify().ok
        assert session.journal is not None
        return [r.body for r in session.journal.listing().records]
    finally:
        session.lock()


def test_daily_backups_rotate_and_every_one_restores(vault_dir: Path, tmp_path: Path) -> None:
    start = date(2026, 1, 1)
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    assert session.journal is not None
    for day in range(12):
        session.journal.write(f"entry of day {day}")
        first = session.auto_backup(today=start + timedelta(days=day))
        again = session.auto_backup(today=start + timedelta(days=day))
        assert first.made and not again.made  # one per day of use
    folder = session.backup_folder()
    session.lock()
    kept = backups.daily_backups(folder)
    assert folder == vault_dir.parent / "vault-backups"
    assert [p.name for p in kept] == [
        f"twofold-{(start + timedelta(days=d)).isoformat()}.twofold-backup" for d in range(2, 12)
    ]
    for index, backup in enumerate(kept):
        bodies = _restore_and_open(backup, tmp_path / f"restored-{index}")
        assert bodies[0] == f"entry of day {index + 2}"


def test_chosen_backup_folder_is_used(vault_dir: Path, tmp_path: Path) -> None:
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    session.set_backup_folder(tmp_path / "usb-stick")
    result = session.auto_backup()
    session.lock()
    assert result.path.parent == tmp_path / "usb-stick" and result.path.exists()


def test_backup_of_an_open_vault_and_restore_never_overwrites(
    vault_dir: Path, tmp_path: Path
) -> None:
    session = unlock(vault_dir, "Sam", SAM_PASS)
    assert session.journal is not None
    session.journal.write("written while the vault was open")
    target = backups.backup_now(vault_dir, tmp_path / "open")
    session.lock()
    assert target.name == "open.twofold-backup"
    with pytest.raises(VaultExists):
        backups.restore(target, vault_dir)
    backups.restore(target, tmp_path / "copy")
    sam = unlock(tmp_path / "copy", "Sam", SAM_PASS)
    assert sam.journal is not None
    assert [r.body for r in sam.journal.listing().records] == ["written while the vault was open"]
    sam.lock()


def test_damaged_or_newer_backups_are_refused(vault_dir: Path, tmp_path: Path) -> None:
    target = backups.backup_now(vault_dir, tmp_path / "b.twofold-backup")
    data = bytearray(target.read_bytes())
    data[len(data) // 3] ^= 0xFF
    damaged = tmp_path / "damaged.twofold-backup"
    damaged.write_bytes(bytes(data))
    with pytest.raises(BackupInvalid):
        backups.restore(damaged, tmp_path / "x")
    assert not (tmp_path / "x").exists()

    newer = tmp_path / "newer.twofold-backup"
    with zipfile.ZipFile(target) as src, zipfile.ZipFile(newer, "w") as dst:
        for name in src.namelist():
            content = src.read(name)
            if name == "manifest.json":
                manifest = json.loads(content)
                manifest["version"] = 99
                content = json.dumps(manifest).encode()
            dst.writestr(name, content)
    with pytest.raises(NewerVersion):
        backups.restore(newer, tmp_path / "y")
    with pytest.raises(BackupInvalid):
        backups.restore(tmp_path / "missing.twofold-backup", tmp_path / "z")
