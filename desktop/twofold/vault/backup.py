"""Backups: one file holding the vault's files as they are on disk, still encrypted.

The write lock is held while copying, so no transaction is half-done in the copy;
a hot ``-journal`` left by a crash is copied with its database, because a database
moved without its journal can be corrupt. A manifest records each file's SHA-256,
checked on restore before anything is renamed into place.
"""

from __future__ import annotations

import hashlib
import io
import json
import secrets
import shutil
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from twofold import __version__
from twofold.domain.errors import BackupInvalid, NewerVersion, VaultExists, VaultNotFound
from twofold.vault.files import fsync_folder, write_atomically
from twofold.vault.keyslots import FILE_NAME, PREVIOUS_NAME
from twofold.vault.locks import WriteLock

FORMAT = "twofold-backup"
VERSION = 1
MANIFEST = "manifest.json"
SUFFIX = ".twofold-backup"

Progress = Callable[[int, int], None]


def vault_files(folder: Path) -> list[Path]:
    names = [p.name for p in folder.iterdir() if p.is_file()]
    wanted = [
        n
        for n in names
        if n in (FILE_NAME, PREVIOUS_NAME)
        or (n.endswith((".db", ".db-journal")) and (n.startswith(("shared", "journal-"))))
    ]
    return [folder / n for n in sorted(wanted)]


def create_backup(folder: Path, target: Path, progress: Progress | None = None) -> Path:
    """Write a backup of ``folder`` to ``target`` atomically. Works on an open vault."""
    if not (folder / FILE_NAME).exists() and not (folder / "shared.db").exists():
        raise VaultNotFound(f"There is no Twofold vault at {folder}.")
    buffer = io.BytesIO()
    with WriteLock(folder, timeout=30.0):
        files = vault_files(folder)
        manifest: dict[str, object] = {
            "format": FORMAT,
            "version": VERSION,
            "app_version": __version__,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "files": {},
        }
        digests: dict[str, str] = {}
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
            for index, path in enumerate(files, 1):
                data = path.read_bytes()
                digests[path.name] = hashlib.sha256(data).hexdigest()
                archive.writestr(path.name, data)
                if progress:
                    progress(index, len(files) + 1)
            manifest["files"] = digests
            archive.writestr(MANIFEST, json.dumps(manifest, indent=2))
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, buffer.getvalue())
    if progress:
        progress(len(files) + 1, len(files) + 1)
    return target


def read_manifest(archive: zipfile.ZipFile, source: Path) -> dict[str, str]:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except (KeyError, ValueError) as exc:
        raise BackupInvalid(f"{source.name} is not a Twofold backup (no manifest).") from exc
    if manifest.get("format") != FORMAT:
        raise BackupInvalid(f"{source.name} is not a Twofold backup.")
    if int(manifest.get("version", 0)) > VERSION:
        raise NewerVersion(
            f"{source.name} was made by a newer version of Twofold "
            f"({manifest.get('app_version')}); update Twofold to restore it."
        )
    files = manifest.get("files")
    if not isinstance(files, dict) or FILE_NAME not in files or "shared.db" not in files:
        raise BackupInvalid(f"{source.name} is incomplete: it lacks the vault's main files.")
    return {str(k): str(v) for k, v in files.items()}


def check_backup(source: Path) -> dict[str, str]:
    """Open the archive and check every file against the manifest."""
    try:
        with zipfile.ZipFile(source) as archive:
            files = read_manifest(archive, source)
            for name, digest in files.items():
                if Path(name).name != name:
                    raise BackupInvalid(f"{source.name} holds an unexpected path: {name!r}.")
                if hashlib.sha256(archive.read(name)).hexdigest() != digest:
                    raise BackupInvalid(
                        f"{source.name} is damaged: {name} does not match its checksum."
                    )
            return files
    except FileNotFoundError as exc:
        raise BackupInvalid(f"There is no backup file at {source}.") from exc
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise BackupInvalid(f"{source.name} is damaged or not a Twofold backup ({exc}).") from exc


def restore_backup(source: Path, folder: Path, progress: Progress | None = None) -> None:
    """Restore into a new folder; never over an existing vault."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise VaultExists(
            f"{folder} already exists and is not empty. Restore into a new folder; "
            "Twofold never overwrites a vault."
        )
    files = check_backup(source)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = folder.parent / f".{folder.name}.restoring-{secrets.token_hex(4)}"
    staging.mkdir()
    try:
        with zipfile.ZipFile(source) as archive:
            for index, name in enumerate(sorted(files), 1):
                write_atomically(staging / name, archive.read(name))
                if progress:
                    progress(index, len(files))
        if folder.exists():
            folder.rmdir()
        staging.rename(folder)
        fsync_folder(folder.parent)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BackupInvalid(f"The backup could not be restored to {folder}: {exc}") from exc
    except BaseException:  # DiskFull and friends: leave nothing half-restored behind
        shutil.rmtree(staging, ignore_errors=True)
        raise
