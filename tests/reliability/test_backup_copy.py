"""The backup's copy: writes never wait for it, it is still one consistent moment,
and no vault file is ever whole in memory (issue 13, "writes never wait on a
backup"; DESIGN §6, write latency while the daily backup runs).

Observed through the write lock and the copies themselves, never through time."""

from __future__ import annotations

import os
import secrets
import tracemalloc
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS
from twofold.domain.errors import DiskFull
from twofold.services import backups
from twofold.services.session import Session, unlock
from twofold.vault import backup as backup_files
from twofold.vault.locks import WRITE_LOCK, FolderLock, WriteLock


@pytest.fixture
def alex(vault_dir: Path) -> Iterator[Session]:
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    assert session.journal is not None
    session.journal.write("written before the backup")
    yield session
    session.lock()


def _lock_is_free(folder: Path) -> bool:
    """What a writer would find: can it take the write lock without waiting?"""
    lock = FolderLock(folder / WRITE_LOCK)
    if not lock.acquire(timeout=0.0):
        return False
    lock.release()
    return True


def _restored_bodies(backup: Path, into: Path) -> set[str]:
    backups.restore(backup, into)
    session = unlock(into, "Alex", ALEX_PASS)
    try:
        assert session.verify().ok
        assert session.journal is not None
        return {r.body for r in session.journal.listing(0, 10_000).records}
    finally:
        session.lock()


Copy = tuple[str, str, bool]  # ("add" or "patch", file name, was the lock free)


def _hook_copies(monkeypatch: pytest.MonkeyPatch, after: Callable[[Path], None]) -> list[Copy]:
    """Run ``after(file)`` each time the backup has copied a vault file into its
    archive, whole ("add") or only where it differs ("patch"); returns each copy with
    whether a writer could have taken the lock just then."""
    copies: list[Copy] = []
    real_add, real_patch = backup_files._Archive._add, backup_files._Archive._patch

    def add(archive: backup_files._Archive, name: str) -> None:
        real_add(archive, name)
        copies.append(("add", name, _lock_is_free(archive.folder)))
        after(archive.folder / name)

    def patch(archive: backup_files._Archive, member: backup_files._Member) -> None:
        real_patch(archive, member)
        copies.append(("patch", member.name, _lock_is_free(archive.folder)))
        after(archive.folder / member.name)

    monkeypatch.setattr(backup_files._Archive, "_add", add)
    monkeypatch.setattr(backup_files._Archive, "_patch", patch)
    return copies


def _newest(folder: Path) -> Path:
    return max(backup_files.vault_files(folder), key=lambda p: p.stat().st_mtime_ns)


def test_a_save_after_its_file_was_copied_goes_through_and_is_in_the_backup(
    alex: Session, vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = alex.journal
    assert journal is not None
    alexs = _newest(vault_dir)  # the fixture just wrote to Alex's journal
    assert alexs.name.startswith("journal-")
    written: list[str] = []

    def write_once(copied: Path) -> None:
        if not written and copied == alexs:
            written.append(f"saved while the backup copied {secrets.token_hex(4)}")
            journal.write(written[0])  # would raise VaultInUse after 10 s if it waited

    copies = _hook_copies(monkeypatch, write_once)
    target = backups.backup_now(vault_dir, tmp_path / "during.twofold-backup")

    assert written
    assert all(free for _, _, free in copies), "a copy ran while the write lock was held"
    # the save changed the journal after it was copied: the backup noticed and brought
    # its copy up to date, so it holds the vault as it was after the save, whole (it
    # restores, opens, verifies)
    assert ("patch", alexs.name, True) in copies
    assert _restored_bodies(target, tmp_path / "restored") >= {
        "written before the backup",
        written[0],
    }


def test_a_change_during_the_backup_costs_the_archive_only_the_pages_that_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save rewrites a few pages scattered over the journal; bringing the archive up
    to date rewrites those pages, not the 1 MiB pieces around them (which wrote 13–46
    MB per backup of the ten-year vault under the benchmark's saves, against ~0.2 MB)."""
    folder = tmp_path / "vault"
    _fake_vault(folder)
    monkeypatch.setattr(backup_files, "CHUNK", 64 * 1024)
    page = 4096  # SQLite's page in the vault
    written: list[int] = []
    real_wrote = backup_files._FlushBehind.wrote

    def wrote(self: backup_files._FlushBehind, size: int) -> None:
        written.append(size)
        real_wrote(self, size)

    monkeypatch.setattr(backup_files._FlushBehind, "wrote", wrote)
    before: list[int] = []

    def three_pages(copied: Path) -> None:
        if copied.name == "journal-b.db" and not before:
            before.append(sum(written))
            with WriteLock(folder, timeout=1.0), copied.open("r+b") as handle:
                for number in (3, 20, 41):  # in three different pieces
                    handle.seek(number * page)
                    handle.write(secrets.token_bytes(page))

    copies = _hook_copies(monkeypatch, three_pages)
    target = backup_files.create_backup(folder, tmp_path / "b.twofold-backup")

    assert ("patch", "journal-b.db", True) in copies
    assert sum(written) - before[0] == 3 * page
    monkeypatch.undo()
    backups.restore(target, tmp_path / "restored")
    for path in backup_files.vault_files(folder):
        assert (tmp_path / "restored" / path.name).read_bytes() == path.read_bytes()


def test_writes_that_never_stop_end_with_the_last_differences_copied_under_the_lock(
    alex: Session, vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = alex.journal
    assert journal is not None
    written: list[str] = []

    def always_write(copied: Path) -> None:
        if copied.name.startswith("journal-") and _lock_is_free(vault_dir):
            written.append(f"one more save {len(written)}")
            journal.write(written[-1])

    copies = _hook_copies(monkeypatch, always_write)
    monkeypatch.setattr(backup_files, "FLUSH_EVERY", 1)  # a flush after every piece...
    flushed_free: list[bool] = []
    real_flush = os.fdatasync

    def flush(fd: int) -> None:
        flushed_free.append(_lock_is_free(vault_dir))
        real_flush(fd)

    monkeypatch.setattr(os, "fdatasync", flush)
    target = backups.backup_now(vault_dir, tmp_path / "busy.twofold-backup")

    # every optimistic round saw a new save; the last round copied the difference
    # while holding the lock (a writer would have waited only for that piece)
    assert len(written) >= backup_files.ROUNDS
    assert copies[0][2] and copies[-1] == ("patch", copies[-1][1], False)
    # ...but never one (nor the rest after it) while a writer waits for the lock
    assert flushed_free and all(flushed_free)
    assert set(written) <= _restored_bodies(target, tmp_path / "restored")


def _fake_vault(folder: Path) -> None:
    """Files named as a vault's, with random bytes: the backup copies bytes and never
    looks inside (except at a rollback journal, which is absent here)."""
    folder.mkdir()
    for age, (name, size) in enumerate(
        (
            ("keyslots.json", 3_000),
            ("shared.db", 300_000),
            ("journal-a.db", 90_000),
            ("journal-b.db", 200_000),
        )
    ):
        path = folder / name
        path.write_bytes(secrets.token_bytes(size))
        os.utime(path, ns=(1_700_000_000_000_000_000 + age, 1_700_000_000_000_000_000 + age))


def test_every_kind_of_change_during_the_copy_ends_as_the_files_are_at_the_last_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "vault"
    _fake_vault(folder)
    monkeypatch.setattr(backup_files, "CHUNK", 16 * 1024)  # several pieces per file

    def grow(path: Path, extra: int) -> None:
        with path.open("ab") as handle:
            handle.write(secrets.token_bytes(extra))

    def rewrite_middle(path: Path) -> None:
        with path.open("r+b") as handle:
            handle.seek(40_000)
            handle.write(secrets.token_bytes(20_000))

    def replace(path: Path, size: int) -> None:
        fresh = path.with_name(path.name + ".new")
        fresh.write_bytes(secrets.token_bytes(size))
        fresh.replace(path)  # a new inode, as keyslots.json is written

    changes: list[Callable[[], object]] = [
        lambda: rewrite_middle(folder / "journal-b.db"),  # same length, in place
        lambda: grow(folder / "shared.db", 50_000),  # longer, not the last member
        lambda: (folder / "journal-b.db").write_bytes(secrets.token_bytes(120_000)),  # shorter
        lambda: replace(folder / "keyslots.json", 3_500),  # the first member, replaced
        lambda: (folder / "keyslots.json.prev").write_bytes(b"{}" * 900),  # a new file
        lambda: grow(folder / "journal-b.db", 70_000),  # the last member grows
        lambda: (folder / "journal-a.db").unlink(),  # a file goes
        lambda: rewrite_middle(folder / "shared.db"),
        lambda: rewrite_middle(folder / "journal-b.db"),  # same length, in the middle
    ]
    made: list[int] = []

    def change(copied: Path) -> None:
        # a writer changes one file at a time, holding the write lock as it does
        lock = FolderLock(folder / WRITE_LOCK)
        if changes and lock.acquire(timeout=0.0):
            try:
                changes.pop(0)()
                made.append(1)
            finally:
                lock.release()

    copies = _hook_copies(monkeypatch, change)
    target = backup_files.create_backup(folder, tmp_path / "out" / "b.twofold-backup", rounds=20)

    assert not changes and len(made) == 9
    assert {kind for kind, _, _ in copies} == {"add", "patch"}
    monkeypatch.undo()
    backups.restore(target, tmp_path / "restored")
    expected = {p.name: p.read_bytes() for p in backup_files.vault_files(folder)}
    assert expected.keys() == {"keyslots.json", "keyslots.json.prev", "shared.db", "journal-b.db"}
    assert {p.name: p.read_bytes() for p in (tmp_path / "restored").iterdir()} == expected
    # every member's CRC (zipfile checks it on reading), and nothing after the end
    # record (a member that shrank in place leaves no tail behind)
    with zipfile.ZipFile(target) as archive:
        assert archive.testzip() is None
    assert target.read_bytes()[-22:].startswith(b"PK\x05\x06")


@pytest.mark.parametrize(("first", "second"), [(230_000, 150_000), (150_000, 260_000)])
def test_a_busy_last_member_that_grows_or_shrinks_is_brought_up_to_date_under_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first: int, second: int
) -> None:
    folder = tmp_path / "vault"
    _fake_vault(folder)
    monkeypatch.setattr(backup_files, "CHUNK", 16 * 1024)
    sizes = [first, second, 10_000]

    def change(copied: Path) -> None:
        lock = FolderLock(folder / WRITE_LOCK)
        if copied.name == "journal-b.db" and lock.acquire(timeout=0.0):
            try:
                (folder / "journal-b.db").write_bytes(secrets.token_bytes(sizes.pop(0)))
            finally:
                lock.release()

    copies = _hook_copies(monkeypatch, change)
    cut: list[bytes] = []
    real_truncate = os.ftruncate

    def truncate(fd: int, length: int) -> None:
        cut.append(os.pread(fd, 1 << 20, length))  # what the archive is about to lose
        real_truncate(fd, length)

    monkeypatch.setattr(os, "ftruncate", truncate)
    target = backup_files.create_backup(folder, tmp_path / "b.twofold-backup", rounds=2)

    # what a shorter member left after the archive's end was overwritten with zeros
    # before the file was cut (no freed block keeps an older copy of the journal)
    if first > second:
        assert len(cut) == 1 and len(cut[0]) >= first - second - 1024
        assert cut[0] == bytes(len(cut[0]))
    # the writes never stopped: the second round's copy was made under the lock, from
    # a member as long as the first change to the file as long as the second
    assert sizes == [10_000]
    assert copies[-1] == ("patch", "journal-b.db", False)
    monkeypatch.undo()
    backups.restore(target, tmp_path / "restored")
    assert (tmp_path / "restored" / "journal-b.db").stat().st_size == second
    for path in backup_files.vault_files(folder):
        assert (tmp_path / "restored" / path.name).read_bytes() == path.read_bytes()
    assert target.read_bytes()[-22:].startswith(b"PK\x05\x06")


def test_no_vault_file_is_ever_whole_in_memory(
    alex: Session, vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = alex.journal
    assert journal is not None
    for n in range(120):  # ~4 MB of text that does not compress or repeat
        journal.write(f"entry {n} " + secrets.token_hex(16_000))
    largest = max(p.stat().st_size for p in backup_files.vault_files(vault_dir))
    monkeypatch.setattr(backup_files, "CHUNK", 64 * 1024)
    cap = 1024 * 1024
    assert largest > 4 * cap

    tracemalloc.start()
    try:
        target = backups.backup_now(vault_dir, tmp_path / "big.twofold-backup")
        # the copy is stale now: the next backup copies only the differences
        alex.journal.write("a change the second copy has to find")  # type: ignore[union-attr]
        backups.backup_now(vault_dir, tmp_path / "big-2.twofold-backup")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < cap, f"{peak:,} bytes held at once for a {largest:,}-byte file"
    assert "a change the second copy has to find" not in _restored_bodies(
        target, tmp_path / "restored"
    )


def test_a_file_that_keeps_growing_moves_to_the_end_and_the_rest_is_copied_once_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not the last member, so it cannot grow in place: it is written again after the
    members that followed it, once; from then on only its differences are copied,
    also under the lock (which never copies the large file that followed it)."""
    folder = tmp_path / "vault"
    _fake_vault(folder)
    os.utime(folder / "journal-a.db", ns=(1_800_000_000_000_000_000,) * 2)  # newest...
    os.utime(folder / "shared.db", ns=(1_900_000_000_000_000_000,) * 2)  # ...but one
    monkeypatch.setattr(backup_files, "CHUNK", 16 * 1024)

    def grow(copied: Path) -> None:
        lock = FolderLock(folder / WRITE_LOCK)
        if copied.name == "journal-a.db" and lock.acquire(timeout=0.0):
            try:
                with (folder / "journal-a.db").open("ab") as handle:
                    handle.write(secrets.token_bytes(5_000))
            finally:
                lock.release()

    copies = _hook_copies(monkeypatch, grow)
    target = backup_files.create_backup(folder, tmp_path / "b.twofold-backup")

    assert [c for c in copies if c[1] == "shared.db"] == [("add", "shared.db", True)] * 2
    assert [c[0] for c in copies if c[1] == "journal-a.db"] == ["add", "add"] + ["patch"] * (
        backup_files.ROUNDS - 1
    )
    assert copies[-1] == ("patch", "journal-a.db", False)
    monkeypatch.undo()
    backups.restore(target, tmp_path / "restored")
    for path in backup_files.vault_files(folder):
        assert (tmp_path / "restored" / path.name).read_bytes() == path.read_bytes()


def test_nothing_but_the_archive_is_written_and_nothing_is_left_behind(
    alex: Session, vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No staged copy of the vault (encrypted or not) is ever made: nothing appears in
    the vault folder or beside the backup but the backup's own hidden temporary file,
    so nothing has to be overwritten with zeros afterwards. A staging folder an older
    version's crash left behind is still removed."""
    stale = vault_dir / f"{backup_files.STAGING_PREFIX}left-by-a-crash"
    stale.mkdir(mode=0o700)
    (stale / "shared.db").write_bytes(b"an old copy")
    old = stale.stat().st_mtime - 2 * backup_files.STALE_STAGING
    os.utime(stale, (old, old))
    vault_before = {p.name for p in vault_dir.iterdir()} - {stale.name}
    out = tmp_path / "out"
    out.mkdir()
    seen: list[tuple[set[str], set[str]]] = []

    def look(copied: Path) -> None:
        seen.append(({p.name for p in vault_dir.iterdir()}, {p.name for p in out.iterdir()}))

    _hook_copies(monkeypatch, look)
    backups.backup_now(vault_dir, out / "one.twofold-backup")

    assert seen
    for in_vault, beside in seen:
        assert in_vault == vault_before
        assert beside == {"one.twofold-backup.tmp"}
    assert {p.name for p in vault_dir.iterdir()} == vault_before
    assert {p.name for p in out.iterdir()} == {"one.twofold-backup"}

    def fail(copied: Path) -> None:
        raise OSError(28, "No space left on device")

    _hook_copies(monkeypatch, fail)
    with pytest.raises(DiskFull, match="disk is full"):
        backups.backup_now(vault_dir, out / "two.twofold-backup")
    assert {p.name for p in vault_dir.iterdir()} == vault_before
    assert {p.name for p in out.iterdir()} == {"one.twofold-backup"}


def _written_bytes() -> int | None:
    """Bytes this process has sent (or queued) to a disk: Linux's I/O accounting."""
    try:
        for line in Path("/proc/self/io").read_text().splitlines():
            if line.startswith("write_bytes:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def test_a_backup_writes_the_vaults_size_once(
    alex: Session, vault_dir: Path, tmp_path: Path
) -> None:
    """A backup used to write the vault three times (a staged copy, the archive, zeros
    over the copy); now the archive is all it writes."""
    journal = alex.journal
    assert journal is not None
    for n in range(60):
        journal.write(f"entry {n} " + secrets.token_hex(8_000))
    size = sum(p.stat().st_size for p in backup_files.vault_files(vault_dir))
    before = _written_bytes()
    if before is None:
        pytest.skip("no /proc/self/io here")
    target = backups.backup_now(vault_dir, tmp_path / "one.twofold-backup")
    written = (_written_bytes() or 0) - before
    if written < size:
        pytest.skip(f"this filesystem does not account writes ({written:,} bytes seen)")
    assert target.stat().st_size >= size
    assert written < 1.3 * size, f"{written:,} bytes written for a {size:,}-byte vault"
