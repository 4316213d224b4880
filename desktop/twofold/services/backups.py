"""Backups on demand and automatic rotating daily backups."""

from __future__ import annotations

import os
import re
import threading
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


# Replacing the automatic backups leaves hidden files while it runs (a kill -9 can
# stop it anywhere; ``finish_interrupted_replace`` rolls it back or forward):
_REPLACING = ".replacing"  # the fresh backup being written: not decided yet
_REPLACED = ".replaced"  # the fresh backup, complete and checked: the replacement is decided
_SHREDDING = ".shredding"  # an old backup taken out of the set, being overwritten
# One backup job at a time in this process (the daily backup and a replacement run on
# workers; the owner lock keeps other processes out of an open vault).
_JOBS = threading.Lock()


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
    with _JOBS:
        finish_interrupted_replace(folder)  # a replacement a crash interrupted
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

    Crash-safe in three steps, so that the automatic backups are always the complete
    old set or the complete new one (never a lost or half-written backup):
    (1) the fresh backup is written and checked under a hidden name; (2) renaming it
    to ``.replaced-<day>`` decides the replacement; (3) every old backup is renamed out
    of the set, the fresh one takes today's name, and the old ones are overwritten
    with zeros and deleted. A kill -9 before (2) leaves the old set (the next run, or
    the next automatic backup, removes the unfinished fresh file); after (2) the next
    run finishes (3)."""
    folder = backup_folder or default_backup_folder(vault_folder)
    day = (today or date.today()).isoformat()
    with _JOBS:
        finish_interrupted_replace(folder)
        fresh = folder / f"{_REPLACING}-{day}{SUFFIX}"
        backup_now(vault_folder, fresh, progress)
        decided = folder / f"{_REPLACED}-{day}{SUFFIX}"
        fresh.replace(decided)  # (2): decided
        fsync_folder(folder)
        old = tuple(daily_backups(folder))
        return ReplaceResult(_publish(folder, decided), old)


def finish_interrupted_replace(folder: Path) -> Path | None:
    """Finish or undo a replacement a crash interrupted (see ``replace_daily``):
    decided → finished (returns today's backup); not decided → the unfinished fresh
    file is overwritten and deleted, the old set stays. Leftover temp files of an
    interrupted backup are removed the same way. Nothing to do → None."""
    if not folder.is_dir():
        return None
    for leftover in folder.glob(f"{_REPLACING}-*"):
        shred(leftover)
    for leftover in folder.glob(f"twofold-*{SUFFIX}.tmp"):
        shred(leftover)  # a daily backup killed while being written (never in the set)
    decided = sorted(folder.glob(f"{_REPLACED}-*{SUFFIX}"))
    for older in decided[:-1]:
        shred(older)
    if decided:
        return _publish(folder, decided[-1])
    for leftover in folder.glob(f"{_SHREDDING}-*"):
        shred(leftover)
    return None


def _publish(folder: Path, decided: Path) -> Path:
    """Step (3): the old backups leave the set (fast renames), the decided one takes
    its day's name, then the old ones are overwritten and deleted."""
    day = decided.name[len(_REPLACED) + 1 : -len(SUFFIX)]
    target = folder / f"twofold-{day}{SUFFIX}"
    for path in daily_backups(folder):
        path.replace(folder / f"{_SHREDDING}-{path.name}")
    fsync_folder(folder)
    decided.replace(target)
    fsync_folder(folder)
    for leftover in folder.glob(f"{_SHREDDING}-*"):
        shred(leftover)
    return target
