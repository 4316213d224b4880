"""Backups on demand and automatic rotating daily backups."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from twofold.services.paths import default_backup_folder
from twofold.vault import backup as backup_files
from twofold.vault.backup import SUFFIX
from twofold.vault.files import fsync_folder

Progress = Callable[[int, int], None]
KEEP = 10
_DAILY = re.compile(r"^twofold-(\d{4}-\d{2}-\d{2})" + re.escape(SUFFIX) + "$")


_REPLACING = ".replacing"


@dataclass(frozen=True, slots=True)
class ReplaceResult:
    path: Path
    replaced: tuple[Path, ...]


@dataclass(frozen=True, slots=True)
class BackupResult:
    path: Path
    made: bool  # False when today's backup already existed
    removed: tuple[Path, ...] = ()


def backup_now(
    vault_folder: Path,
    target: Path,
    progress: Progress | None = None,
    *,
    overwrite: bool = False,
) -> Path:
    """One file, still encrypted, checked against its manifest after writing. Never
    inside a vault folder; never over an existing file unless ``overwrite``."""
    if target.suffix == "" and not target.name.endswith(SUFFIX):
        target = target.with_name(target.name + SUFFIX)
    backup_files.check_target(vault_folder, target, overwrite=overwrite)
    backup_files.create_backup(vault_folder, target, progress)
    backup_files.check_backup(target)
    return target


def restore(source: Path, new_folder: Path, progress: Progress | None = None) -> None:
    backup_files.restore_backup(source, new_folder, progress)


def check(source: Path) -> list[str]:
    return sorted(backup_files.check_backup(source))


def daily_backups(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if _DAILY.match(p.name))


def rotate_daily(
    vault_folder: Path,
    backup_folder: Path | None = None,
    today: date | None = None,
    keep: int = KEEP,
    progress: Progress | None = None,
) -> BackupResult:
    """At most one backup per day of use; the newest ``keep`` are kept."""
    folder = backup_folder or default_backup_folder(vault_folder)
    day = (today or date.today()).isoformat()
    target = folder / f"twofold-{day}{SUFFIX}"
    made = False
    if not target.exists():
        backup_now(vault_folder, target, progress)
        made = True
    existing = daily_backups(folder)
    removed = tuple(existing[:-keep]) if len(existing) > keep else ()
    for old in removed:
        old.unlink()
    return BackupResult(target, made, removed)


def shred(path: Path) -> None:
    """Overwrite a file with zeros in place, make that durable, then delete it. On
    ext4 and similar this reaches the blocks the file used; a copy-on-write
    filesystem, an SSD's wear levelling or a snapshot may still keep the old blocks
    (docs/ARCHITECTURE.md says so and recommends full-disk encryption)."""
    try:
        with path.open("r+b") as handle:
            size = handle.seek(0, 2)
            handle.seek(0)
            block = bytes(1 << 16)
            for start in range(0, size, len(block)):
                handle.write(block[: min(len(block), size - start)])
            handle.flush()
            os.fsync(handle.fileno())
    except FileNotFoundError:
        return
    path.unlink(missing_ok=True)


def replace_daily(
    vault_folder: Path,
    backup_folder: Path | None = None,
    today: date | None = None,
    progress: Progress | None = None,
) -> ReplaceResult:
    """Replace every automatic backup by one made now: after a key change (old
    backups still open with the old passphrase or code) or after text was retracted
    or deleted (old backups still hold it).

    The fresh backup is written and checked first, under a name the rotation ignores;
    then each older one is overwritten and deleted; then the fresh one takes today's
    name. A crash at any point leaves the vault untouched and every backup still in
    the folder complete; running this again finishes the job."""
    folder = backup_folder or default_backup_folder(vault_folder)
    day = (today or date.today()).isoformat()
    target = folder / f"twofold-{day}{SUFFIX}"
    for leftover in folder.glob(f"{_REPLACING}-*") if folder.is_dir() else ():
        shred(leftover)
    fresh = folder / f"{_REPLACING}-{day}{SUFFIX}"
    backup_now(vault_folder, fresh, progress)
    old = tuple(daily_backups(folder))
    for path in old:
        shred(path)
    fresh.replace(target)
    fsync_folder(folder)
    return ReplaceResult(target, old)
