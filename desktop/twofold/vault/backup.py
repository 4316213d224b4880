"""Backups: one file holding the vault's files as they are on disk, still encrypted.

The write lock is held only while copying, so no transaction is half-done in the copy;
a hot ``-journal`` left by a crash is copied with its database, because a database
moved without its journal can be corrupt. A manifest records each file's SHA-256,
checked on restore before anything is renamed into place.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import secrets
import shutil
import time
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO, Protocol, TypeVar

from twofold import __version__
from twofold.domain.errors import (
    BackupInvalid,
    DiskFull,
    InvalidInput,
    NewerVersion,
    VaultExists,
    VaultNotFound,
)
from twofold.vault import priority
from twofold.vault.database import is_hot_journal
from twofold.vault.files import fsync_folder, write_atomically_with
from twofold.vault.keyslots import FILE_NAME, PREVIOUS_NAME
from twofold.vault.locks import WriteLock

FORMAT = "twofold-backup"
VERSION = 1
MANIFEST = "manifest.json"
SUFFIX = ".twofold-backup"

Progress = Callable[[int, int], None]
T = TypeVar("T")


# Restore reads nothing it has not checked: members are streamed in pieces, never
# held whole, and a member must be as large as the manifest says. The vault's files
# are encrypted, so they do not compress: an archive member claiming to inflate far
# beyond its stored size is a zip bomb, not a Twofold backup.
CHUNK = 1024 * 1024
MAX_RATIO = 20
RATIO_FROM = 1024 * 1024  # small files (keyslots.json) may compress a little
MAX_MANIFEST = 1024 * 1024
MAX_FILES = 64
_HEX = frozenset("0123456789abcdef")


def is_vault_file_name(name: str) -> bool:
    return name in (FILE_NAME, PREVIOUS_NAME) or (
        name.endswith((".db", ".db-journal")) and name.startswith(("shared", "journal-"))
    )


def vault_files(folder: Path) -> list[Path]:
    names = [p.name for p in folder.iterdir() if p.is_file()]
    # a persisted rollback journal travels only while it is hot (a crash left it)
    return [
        folder / n
        for n in sorted(names)
        if is_vault_file_name(n)
        and (not n.endswith(".db-journal") or is_hot_journal(folder / n.removesuffix("-journal")))
    ]


def looks_like_vault(folder: Path) -> bool:
    return (folder / FILE_NAME).exists() or (folder / "shared.db").exists()


def check_target(vault_folder: Path, target: Path, *, overwrite: bool = False) -> None:
    """A backup never goes inside a vault folder (it would replace a vault file or be
    lost with the vault) and never replaces an existing file unless asked to."""
    where = target.expanduser().absolute().resolve()
    vault = vault_folder.expanduser().absolute().resolve()
    if where == vault or vault in where.parents or any(looks_like_vault(p) for p in where.parents):
        raise InvalidInput(
            f"{target} is inside a vault folder; a backup must live outside it. "
            "Nothing was written; choose another folder."
        )
    if where.is_dir():
        raise InvalidInput(f"{target} is a folder; give the backup's file name.")
    if where.exists() and not overwrite:
        raise InvalidInput(
            f"{target} already exists; nothing was written. Use --force to replace it."
        )


# --- making a backup ------------------------------------------------------------------
#
# The archive is streamed straight from the live files, in pieces (nothing is ever
# whole in memory, and nothing but the archive is written: no staged copy that would
# have to be overwritten with zeros afterwards). A writer never waits for the
# streaming: it runs while the vault may be written, and is then checked under the
# write lock. Every committed SQLite transaction rewrites page 1 of the file it
# changed (the change counter; SQLCipher re-encrypts the page under a fresh IV), and
# any write moves the file's size or modification time; keyslots.json is replaced
# whole. So a file whose size, mtime, inode and first 64 KiB are what they were at
# the start of its copy (read under the lock) was not written meanwhile, and the
# archive's copies of all such files are the vault at the moment of the check. A
# file that was written is brought up to date in the archive itself — only the
# pieces whose bytes differ are rewritten, in place — outside the lock, and checked
# again; after ``ROUNDS`` tries the last differences are copied under the lock,
# which then costs the writer a compare of the changed files, not a copy of the
# vault. The files go into the archive least recently written first: the file being
# written (a journal) is then the last member, which can grow or shrink in place.

ROUNDS = 4
EVIDENCE = 64 * 1024
STAGING_PREFIX = ".backup-"  # staging folders of earlier versions (a crash's leftovers)
STALE_STAGING = 3600.0  # seconds: an older staging folder was left by a crash

_Evidence = tuple[int, int, int, bytes]


def _evidence(path: Path) -> _Evidence | None:
    try:
        with path.open("rb") as handle:
            stat = os.fstat(handle.fileno())
            head = handle.read(EVIDENCE)
    except FileNotFoundError:
        return None
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns, hashlib.sha256(head).digest())


def _snapshot(folder: Path, only: frozenset[str] | None = None) -> dict[str, _Evidence]:
    """Call with the write lock held: no transaction is half-done. ``only``: these
    file names (all the vault's files when None)."""
    found = {}
    for path in vault_files(folder):
        if only is not None and path.name not in only:
            continue
        evidence = _evidence(path)
        if evidence is not None:
            found[path.name] = evidence
    return found


def _remove_stale_staging(parent: Path) -> None:
    """Earlier versions staged a copy of the vault in a ``.backup-*`` folder; one left
    by a crash holds what the vault held: zeros over it, then it goes."""
    try:
        leftovers = [p for p in parent.iterdir() if p.name.startswith(STAGING_PREFIX)]
    except OSError:
        return
    now = datetime.now(UTC).timestamp()
    for leftover in leftovers:
        try:
            if leftover.is_dir() and now - leftover.stat().st_mtime > STALE_STAGING:
                _scrub_folder(leftover)
        except OSError:
            continue


# Left to a single fsync at the end, an archive of the ten-year vault put 130 MB in
# the disk's queue at once, and a reflection saved meanwhile waited behind it:
# 200–300 ms for a save that takes 5. Flushed every ``FLUSH_EVERY`` bytes, a save
# waits for one piece at most; after each flush the backup rests as long as the flush
# took (``REST``), so the disk is the backup's at most half the time and a save's own
# fsync finds the queue empty in between. Paired runs on the ten-year vault at load
# 5–7: saves over 50 ms during a backup 3–16 % with 8 MiB pieces, 1–4 % with 2 MiB
# pieces and rests; the backup takes ~0.5 s longer (docs/PERFORMANCE.md, session 22).
FLUSH_EVERY = 2 * 1024 * 1024
REST = 1.0  # rest after a flush, as a share of the time it took
MAX_REST = 0.25  # seconds: a very slow disk stretches the backup, never without end


def _sync_data(fd: int) -> None:
    """``fdatasync`` where the system has it (Linux, BSD); macOS and Windows have only
    ``fsync`` (Python's ``os`` has no ``fdatasync`` there)."""
    sync = getattr(os, "fdatasync", None) or os.fsync
    sync(fd)


class _FlushBehind:
    """Make what was written to ``handle`` durable every ``FLUSH_EVERY`` bytes, and
    rest after each flush."""

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle
        self._pending = 0
        self.held = False  # the write lock is held: no flush, no rest until it is free

    def wrote(self, size: int) -> None:
        self._pending += size
        if self._pending >= FLUSH_EVERY and not self.held:
            self._handle.flush()
            started = time.monotonic()
            _sync_data(self._handle.fileno())
            time.sleep(min(MAX_REST, REST * (time.monotonic() - started)))
            self._pending = 0


def _scrub_file(path: Path) -> None:
    """Overwrite a file with zeros, durably (flushed behind, with rests), then remove
    it. A file that cannot be written is removed all the same."""
    try:
        with path.open("r+b") as handle:
            size = handle.seek(0, os.SEEK_END)
            handle.seek(0)
            block = bytes(CHUNK)
            behind = _FlushBehind(handle)
            for start in range(0, size, CHUNK):
                behind.wrote(handle.write(block[: min(CHUNK, size - start)]))
            handle.flush()
            os.fsync(handle.fileno())
    except OSError:
        pass
    path.unlink(missing_ok=True)


def _scrub_folder(staging: Path) -> None:
    """Overwrite the files of a folder with zeros, durably, then remove them."""
    for path in staging.iterdir():
        _scrub_file(path)
    staging.rmdir()


PAGE = 4096  # SQLite's page (the vault's page size): what one write of a save changes


def _write_pages(handle: BinaryIO, at: int, piece: bytes, held: bytes) -> int:
    """Write the pages of ``piece`` that differ from ``held`` (what the archive holds
    at ``at``); returns the bytes written. A save changes a few pages scattered over
    the journal: rewriting the 1 MiB pieces around them wrote 13–46 MB per backup of
    the ten-year vault under the benchmark's saves (~0.2 MB page by page), and the
    flushes and rests they caused made every round too long to find the journal
    unchanged."""
    written = 0
    for start in range(0, len(piece), PAGE):
        page = piece[start : start + PAGE]
        if held[start : start + PAGE] != page:
            handle.seek(at + start)
            written += handle.write(page)
    return written


@dataclass(slots=True)
class _Member:
    name: str
    info: zipfile.ZipInfo
    zip64: bool
    start: int  # where the file's bytes begin in the archive
    size: int
    digest: str  # SHA-256; "" while it has to be computed again (after a refresh)


class _Archive:
    """The zip being written, each member streamed from its live file and later
    brought up to date in place (``refresh``)."""

    def __init__(self, handle: BinaryIO, folder: Path) -> None:
        self.handle = handle
        self.folder = folder
        self.zip = zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_STORED)
        self.behind = _FlushBehind(handle)
        self.members: list[_Member] = []

    def names(self) -> list[str]:
        return [m.name for m in self.members]

    def refresh(
        self, present: dict[str, _Evidence], changed: set[str], *, held: bool = False
    ) -> None:
        """Make the archive hold the files of ``present``, the members of ``changed``
        equal to their files again (``held``: under the write lock, so no flush and
        no rest: a save waits for this). A member whose file kept its length (or the last
        member, whatever its length) is rewritten only where its bytes differ, in
        place; one that cannot be is written again from its file, after the members
        that followed it (written again too): a file that keeps growing ends up last.
        Files new to the archive follow, least recently written first."""
        movers = [
            m.name
            for m in self.members
            if m.name not in present or (m.name in changed and not self._fits(m))
        ]
        keep = next((i for i, m in enumerate(self.members) if m.name in movers), len(self.members))
        self.behind.held = held
        try:
            self._refresh(present, changed, movers, keep)
        finally:
            self.behind.held = False

    def _refresh(
        self, present: dict[str, _Evidence], changed: set[str], movers: list[str], keep: int
    ) -> None:
        for member in self.members[:keep]:
            if member.name in changed:
                self._patch(member)
        staying = [m.name for m in self.members[keep:] if m.name not in movers]
        held = set(self.names())
        fresh = sorted((n for n in present if n not in held), key=lambda n: (present[n][2], n))
        self._cut(keep)
        for name in [*staying, *(n for n in movers if n in present), *fresh]:
            self._add(name)

    def _fits(self, member: _Member) -> bool:
        try:
            size = (self.folder / member.name).stat().st_size
        except FileNotFoundError:
            return False
        last = member is self.members[-1]
        return size == member.size or (last and (size >= 1 << 31) == member.zip64)

    def _patch(self, member: _Member) -> None:
        """Rewrite the pieces of ``member`` that differ from its file. Only the last
        member may change its length; a file that changed its length meanwhile is
        caught by the next check (its size is part of the evidence)."""
        last = member is self.members[-1]
        handle, offset = self.handle, 0
        with (self.folder / member.name).open("rb") as live:
            while piece := live.read(CHUNK if last else min(CHUNK, member.size - offset)):
                priority.pause_point()  # the window's page first
                handle.seek(member.start + offset)
                held = handle.read(len(piece))
                if held != piece:
                    self.behind.wrote(_write_pages(handle, member.start + offset, piece, held))
                offset += len(piece)
        if last:
            member.size = offset
            self.zip.start_dir = member.start + offset  # the next member or the directory
        member.digest = ""

    def _cut(self, keep: int) -> None:
        """Forget the members from ``keep`` on; what follows overwrites their bytes."""
        if keep >= len(self.members):
            return
        self.zip.start_dir = self.members[keep].info.header_offset
        for member in self.members[keep:]:
            self.zip.filelist.remove(member.info)
            del self.zip.NameToInfo[member.name]
        del self.members[keep:]

    def _add(self, name: str) -> None:
        try:
            source = (self.folder / name).open("rb")
        except FileNotFoundError:
            return  # removed meanwhile: the check sees it gone
        with source:
            stat = os.fstat(source.fileno())
            zip64 = stat.st_size >= 1 << 31
            info = zipfile.ZipInfo(name, date_time=_zip_time_of(stat.st_mtime))
            info.external_attr = 0o600 << 16
            hasher = hashlib.sha256()
            with self.zip.open(info, "w", force_zip64=zip64) as member:
                start = self.handle.tell()
                while piece := source.read(CHUNK):
                    priority.pause_point()  # the window's page first
                    hasher.update(piece)
                    member.write(piece)
                    self.behind.wrote(len(piece))
        self.members.append(_Member(name, info, zip64, start, info.file_size, hasher.hexdigest()))

    def finish(self, manifest: dict[str, object]) -> dict[str, str]:
        """Checksums of the refreshed members (read back from the archive, which no
        longer changes), their headers, the manifest and the central directory."""
        handle = self.handle
        for member in self.members:
            if member.digest:
                continue
            hasher, crc, offset = hashlib.sha256(), 0, 0
            handle.seek(member.start)
            while offset < member.size:
                piece = handle.read(min(CHUNK, member.size - offset))
                if not piece:
                    raise OSError(errno.EIO, f"the archive's copy of {member.name} is short")
                priority.pause_point()
                hasher.update(piece)
                crc = zlib.crc32(piece, crc)
                offset += len(piece)
            info = member.info
            info.CRC, info.file_size, info.compress_size = crc, member.size, member.size
            header = info.FileHeader(member.zip64)
            if info.header_offset + len(header) != member.start:  # never: same name, same zip64
                raise RuntimeError(f"the header of {member.name} changed its length")
            handle.seek(info.header_offset)
            handle.write(header)
            member.digest = hasher.hexdigest()
        handle.seek(self.zip.start_dir)
        digests = {m.name: m.digest for m in self.members}
        manifest["files"] = digests
        manifest["sizes"] = {m.name: m.size for m in self.members}
        self.zip.writestr(MANIFEST, json.dumps(manifest, indent=2))
        self.zip.close()
        self._drop_tail()
        return digests

    def _drop_tail(self) -> None:
        """A member that shrank in place (or members written again, shorter) left
        older bytes after the end of the archive: zeros over them, durably, then the
        file ends where the archive does (no freed block keeps them)."""
        handle = self.handle
        end = handle.tell()
        size = handle.seek(0, os.SEEK_END)
        if size <= end:
            return
        handle.seek(end)
        block = bytes(CHUNK)
        for start in range(end, size, CHUNK):
            handle.write(block[: min(CHUNK, size - start)])
        handle.flush()
        _sync_data(handle.fileno())
        os.ftruncate(handle.fileno(), end)
        handle.seek(end)


class CopyTarget(Protocol):
    """Where ``stream_consistent`` copies the vault's files to: an archive (a
    backup), or a folder (the copy the full verification reads)."""

    folder: Path  # the vault folder copied from

    def refresh(
        self, present: dict[str, _Evidence], changed: set[str], *, held: bool = False
    ) -> None:
        """Hold the files of ``present``, those of ``changed`` equal to their files
        again; ``held``: the write lock is held (a save waits: no flush, no rest)."""


def stream_consistent(
    archive: CopyTarget,
    rounds: int,
    progress: Progress | None,
    only: frozenset[str] | None = None,
) -> None:
    """Stream the vault's files (``only`` these names, when given) into ``archive``
    as one consistent moment, holding the write lock only to check (and, after
    ``rounds`` tries, for the last differences)."""
    folder = archive.folder
    with WriteLock(folder, timeout=30.0):
        seen = _snapshot(folder, only)
    # least recently written first: the file being written goes last, where a
    # change of its length costs nothing
    order = sorted(seen, key=lambda n: (seen[n][2], n))
    total = len(order) + 1
    for index in range(1, len(order) + 1):
        archive.refresh({n: seen[n] for n in order[:index]}, set())
        if progress:
            progress(index, total)
    attempt = 0
    while True:
        attempt += 1
        with WriteLock(folder, timeout=30.0):
            now = _snapshot(folder, only)
            changed = {n for n in set(seen) | set(now) if seen.get(n) != now.get(n)}
            if not changed:
                return
            if attempt >= rounds:
                archive.refresh(now, changed, held=True)  # a save waits: only the copy
                return
        # the other members still equal their files: only the changed ones are refreshed
        archive.refresh(now, changed)
        seen = now


def create_backup(
    folder: Path, target: Path, progress: Progress | None = None, rounds: int = ROUNDS
) -> Path:
    """Write a backup of ``folder`` to ``target`` atomically. Works on an open vault.

    The files are streamed into the archive as one moment with no transaction half in
    it (see ``stream_consistent``: the write lock is held only to check), in pieces;
    nothing but the archive is written."""
    if not looks_like_vault(folder):
        raise VaultNotFound(f"There is no Twofold vault at {folder}.")
    _remove_stale_staging(folder)
    done: list[int] = []

    def write(handle: BinaryIO) -> None:
        archive = _Archive(handle, folder)
        try:
            stream_consistent(archive, rounds, progress)
            manifest: dict[str, object] = {
                "format": FORMAT,
                "version": VERSION,
                "app_version": __version__,
                "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            }
            done.append(len(archive.finish(manifest)) + 1)
        except BaseException:
            with contextlib.suppress(Exception):  # the file is removed anyway
                archive.zip.close()
            raise

    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_atomically_with(target, write)
    if progress:
        progress(done[0], done[0])
    return target


def _zip_time_of(mtime: float) -> tuple[int, int, int, int, int, int]:
    when = datetime.fromtimestamp(max(mtime, 315532800))  # zip starts in 1980
    return (when.year, when.month, when.day, when.hour, when.minute, when.second)


@dataclass(frozen=True, slots=True)
class Manifest:
    digests: dict[str, str]
    sizes: dict[str, int]  # empty for backups made before sizes were recorded


def read_manifest(archive: zipfile.ZipFile, source: Path) -> Manifest:
    def invalid(why: str) -> BackupInvalid:
        return BackupInvalid(f"{source.name} is not a usable Twofold backup: {why}.")

    try:
        info = archive.getinfo(MANIFEST)
    except KeyError as exc:
        raise BackupInvalid(f"{source.name} is not a Twofold backup (no manifest).") from exc
    if info.file_size > MAX_MANIFEST:
        raise invalid("its manifest is far too large")
    try:
        with archive.open(info) as handle:
            manifest = json.loads(handle.read(MAX_MANIFEST + 1).decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise BackupInvalid(f"{source.name} is not a Twofold backup (no manifest).") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupInvalid(f"{source.name} is not a Twofold backup.")
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise invalid("its manifest has no valid version")
    if version > VERSION:
        raise NewerVersion(
            f"{source.name} was made by a newer version of Twofold "
            f"({str(manifest.get('app_version'))[:40]}); update Twofold to restore it."
        )
    files = manifest.get("files")
    if not isinstance(files, dict) or FILE_NAME not in files or "shared.db" not in files:
        raise BackupInvalid(f"{source.name} is incomplete: it lacks the vault's main files.")
    if len(files) > MAX_FILES:
        raise invalid("its manifest lists too many files")
    digests: dict[str, str] = {}
    for name, digest in files.items():
        if not isinstance(name, str) or not is_vault_file_name(name) or Path(name).name != name:
            raise BackupInvalid(f"{source.name} holds an unexpected path: {str(name)[:80]!r}.")
        if not isinstance(digest, str) or len(digest) != 64 or not set(digest) <= _HEX:
            raise invalid(f"the checksum of {name} is not a SHA-256")
        digests[name] = digest
    sizes_given = manifest.get("sizes", {})
    if not isinstance(sizes_given, dict):
        raise invalid("its file sizes are not a list of sizes")
    sizes: dict[str, int] = {}
    for name, size in sizes_given.items():
        if name not in digests or not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise invalid(f"the size given for {str(name)[:80]!r} is not valid")
        sizes[name] = size
    return Manifest(digests, sizes)


def _member(
    archive: zipfile.ZipFile, source: Path, manifest: Manifest, name: str
) -> zipfile.ZipInfo:
    try:
        info = archive.getinfo(name)
    except KeyError as exc:
        raise BackupInvalid(f"{source.name} is incomplete: {name} is missing.") from exc
    declared = manifest.sizes.get(name)
    if declared is not None and info.file_size != declared:
        raise BackupInvalid(f"{source.name} is damaged: {name} is not the size its manifest gives.")
    if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise BackupInvalid(
            f"{source.name} is not a Twofold backup: {name} would inflate from "
            f"{info.compress_size:,} to {info.file_size:,} bytes (encrypted files do not "
            "compress). Nothing was written."
        )
    return info


def _stream(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    source: Path,
    digest: str,
    sink: Callable[[bytes], object] | None = None,
) -> None:
    """Read one member in pieces, never more than it declares, and check its digest."""
    hasher = hashlib.sha256()
    seen = 0
    with archive.open(info) as handle:
        while chunk := handle.read(CHUNK):
            seen += len(chunk)
            if seen > info.file_size:
                raise BackupInvalid(f"{source.name} is damaged: {info.filename} is too long.")
            hasher.update(chunk)
            if sink is not None:
                sink(chunk)
    if hasher.hexdigest() != digest:
        raise BackupInvalid(
            f"{source.name} is damaged: {info.filename} does not match its checksum."
        )


def _checked(source: Path, work: Callable[[zipfile.ZipFile, Manifest], T]) -> T:
    try:
        with zipfile.ZipFile(source) as archive:
            return work(archive, read_manifest(archive, source))
    except FileNotFoundError as exc:
        raise BackupInvalid(f"There is no backup file at {source}.") from exc
    except IsADirectoryError as exc:
        raise BackupInvalid(f"{source} is a folder, not a backup file.") from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as exc:
        raise BackupInvalid(
            f"{source.name} is damaged or not a Twofold backup ({type(exc).__name__})."
        ) from exc
    except (OSError, RuntimeError) as exc:
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFull(
                "The disk is full: the backup could not be restored. Nothing was kept; "
                "free some space and try again."
            ) from exc
        raise BackupInvalid(
            f"{source.name} could not be read ({type(exc).__name__}: {exc})."
        ) from exc


def check_backup(source: Path) -> dict[str, str]:
    """Open the archive and check every file against the manifest, in pieces."""

    def check(archive: zipfile.ZipFile, manifest: Manifest) -> dict[str, str]:
        for name, digest in manifest.digests.items():
            _stream(archive, _member(archive, source, manifest, name), source, digest)
        return manifest.digests

    return _checked(source, check)


def restore_backup(source: Path, folder: Path, progress: Progress | None = None) -> None:
    """Restore into a new folder; never over an existing vault. Sizes are checked
    against the manifest and the free space before anything is written."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise VaultExists(
            f"{folder} already exists and is not empty. Restore into a new folder; "
            "Twofold never overwrites a vault."
        )
    check_backup(source)

    def restore(archive: zipfile.ZipFile, manifest: Manifest) -> None:
        members = {n: _member(archive, source, manifest, n) for n in sorted(manifest.digests)}
        needed = sum(info.file_size for info in members.values())
        parent = folder.parent
        parent.mkdir(parents=True, exist_ok=True)
        if shutil.disk_usage(parent).free < needed + CHUNK:
            raise DiskFull(
                f"Restoring needs {needed:,} bytes and the disk has less free space. "
                "Nothing was written; free some space and try again."
            )
        staging = parent / f".{folder.name}.restoring-{secrets.token_hex(4)}"
        staging.mkdir(mode=0o700)
        try:
            for index, (name, info) in enumerate(members.items(), 1):
                _restore_one(archive, info, source, manifest.digests[name], staging / name)
                if progress:
                    progress(index, len(members))
            fsync_folder(staging)
            if folder.exists():
                folder.rmdir()
            staging.rename(folder)
            fsync_folder(folder.parent)
        except BaseException:  # DiskFull and friends: leave nothing half-restored behind
            shutil.rmtree(staging, ignore_errors=True)
            raise

    _checked(source, restore)


def _restore_one(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: Path, digest: str, path: Path
) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        _stream(archive, info, source, digest, handle.write)
        handle.flush()
        os.fsync(handle.fileno())
