"""The full verification reads a copy of the files (vault/check_copy.py).

Read from the live files, its minutes of reading held SQLite's read locks: saves
made meanwhile waited out the busy timeout and failed ("busy in another process"),
and the check of what the app shows, comparing a ledger that kept moving, reported
the couple's new rows as changes made outside Twofold (measured on the ten-year
benchmark vault: 46 of 151 saves failed, and the report was a false alarm)."""

from __future__ import annotations

import errno
import logging
import os
from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS, TEST_KDF
from tests.reliability.test_partner_attacks import attack
from twofold.domain.ledger import VerifyReport
from twofold.services.session import Session, unlock
from twofold.vault import check_copy
from twofold.vault.vault import SHARED_DB, journal_file

CANARY = "canary-lighthouse-7731"


def full_check_logged(session: Session, caplog: pytest.LogCaptureFixture) -> VerifyReport:
    """The window's full check, with what it logs captured in ``caplog``."""
    log = logging.getLogger("twofold")  # it does not propagate to the root logger
    log.addHandler(caplog.handler)
    try:
        with caplog.at_level(logging.INFO, logger="twofold"):
            return session.detached_verify()()
    finally:
        log.removeHandler(caplog.handler)


def _copies(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(check_copy.PREFIX)]


def _with_words(alex: Session) -> None:
    assert alex.journal is not None and alex.sharing is not None
    item = alex.sharing.add(alex.journal.write(f"private {CANARY}"))
    alex.sharing.update(item, f"shared {CANARY}")
    alex.sharing.confirm(alex.sharing.preview())
    alex.wins.record(f"a win {CANARY}")


def test_saves_go_in_while_the_full_check_reads(alex: Session, vault_dir: Path) -> None:
    """The check's reader holds a read transaction on both files, as its long
    statements do; the window's saves (shared ledger and private journal) go in
    at once instead of waiting it out and failing."""
    _with_words(alex)
    reader = alex._vault.reader_opener(on_copy=True)()
    try:
        conn = reader.connection
        conn.execute("BEGIN")
        before = conn.execute("SELECT count(*) FROM ledger_events").fetchone()[0]
        conn.execute("SELECT count(*) FROM journal.sqlite_schema").fetchone()
        alex.wins.record("written while the check reads")  # busy for 5 s, then failed
        assert alex.journal is not None
        alex.journal.write("a journal entry written meanwhile")
        # the check sees one moment: what was written after the copy is not in it
        assert conn.execute("SELECT count(*) FROM ledger_events").fetchone()[0] == before
        conn.execute("COMMIT")
        assert reader.folder.parent == vault_dir and reader.folder != vault_dir
    finally:
        reader.close()
    assert "written while the check reads" in [w.text for w in alex.wins.all()]
    assert _copies(vault_dir) == []


def test_the_copy_is_the_encrypted_files_of_one_moment_and_goes_with_the_check(
    alex: Session, vault_dir: Path
) -> None:
    _with_words(alex)
    reader = alex._vault.reader_opener(on_copy=True)()
    try:
        copy = reader.folder
        names = sorted(p.name for p in copy.iterdir())
        # shared.db and this partner's journal only: not Sam's journal, not the slots
        assert names == sorted([SHARED_DB, journal_file(alex.partner_id)])
        assert (copy.stat().st_mode & 0o777) == 0o700
        for name in names:
            held = (copy / name).read_bytes()
            assert held == (vault_dir / name).read_bytes()  # encrypted, as on disk
            assert CANARY.encode() not in held
        assert reader.journal is not None
        assert reader.journal.count() == 1  # it opens, with the journal's key
    finally:
        reader.close()
    assert not copy.exists()


def test_the_copy_is_overwritten_with_zeros_before_it_is_removed(
    alex: Session, vault_dir: Path
) -> None:
    """It holds what the vault held (deleted words too, until their pages are
    written again): freed blocks must not keep it."""
    _with_words(alex)
    reader = alex._vault.reader_opener(on_copy=True)()
    kept = vault_dir.parent / "kept-inode"
    os.link(reader.folder / SHARED_DB, kept)  # the same blocks, seen after the removal
    size = kept.stat().st_size
    reader.close()
    assert kept.read_bytes() == bytes(size)


def test_writes_during_the_full_check_are_not_reported_as_forgeries(
    alex: Session, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The couple goes on writing while the check (in its own process) reads: on the
    live files the check gave up after three attempts and named the rows signed
    meanwhile as rows changed outside Twofold."""
    from twofold.services import check_child
    from twofold.vault import handover

    _with_words(alex)
    real_send = handover.send
    written: list[int] = []

    def send_then_write(vault: object, fd: int) -> None:
        real_send(vault, fd)  # type: ignore[arg-type]
        for n in range(5):  # while the check's process reads its copy
            alex.wins.record(f"written during the check {n}")
            written.append(n)

    def not_here(self: Session) -> object:
        raise AssertionError("the check ran in the window's process")

    monkeypatch.setattr(handover, "send", send_then_write)
    monkeypatch.setattr(Session, "verify", not_here)
    report = alex.detached_verify()()
    assert written, "the check's process had its keys"
    assert report.ok, report.lines()
    assert _copies(vault_dir) == [] and not check_child.running


def test_a_change_made_outside_twofold_is_still_found_on_the_copy(
    alex: Session, vault_dir: Path
) -> None:
    _with_words(alex)
    alex.lock()
    attack(vault_dir, "UPDATE timeline_items SET body = 'Alex said it was all my fault'")
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        report = alex.detached_verify()()
    finally:
        alex.lock()
    assert not report.ok
    assert any("timeline_items" in line for line in report.lines())


def test_a_copy_left_by_a_crash_is_removed_by_the_next_check(
    alex: Session, vault_dir: Path
) -> None:
    leftover = vault_dir / f"{check_copy.PREFIX}0123456789abcdef"
    leftover.mkdir(mode=0o700)
    (leftover / SHARED_DB).write_bytes((vault_dir / SHARED_DB).read_bytes())
    report = alex.detached_verify()()
    assert report.ok
    assert _copies(vault_dir) == []


def test_where_no_copy_can_be_made_the_check_reads_the_live_files(
    alex: Session,
    vault_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A full disk: the check still runs (on the live files, as before) and the log
    says why, without a word of the vault."""
    _with_words(alex)

    def full_disk(folder: Path, names: frozenset[str]) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device", str(folder / CANARY))

    monkeypatch.setattr(check_copy, "make", full_disk)
    report = full_check_logged(alex, caplog)
    assert report.ok, report.lines()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "verify.copy" in logged
    assert CANARY not in logged


def test_a_shared_session_copies_only_the_ledger(vault_dir: Path) -> None:
    from twofold.services.session import unlock_session

    session = unlock_session(vault_dir, SAM_PASS)
    try:
        reader = session._vault.reader_opener(on_copy=True)()
        try:
            assert sorted(p.name for p in reader.folder.iterdir()) == [SHARED_DB]
        finally:
            reader.close()
        assert session.detached_verify()().ok
    finally:
        session.lock()
    assert _copies(vault_dir) == []


def test_shredding_the_journal_destroys_the_copy_a_running_check_reads(
    alex: Session, vault_dir: Path
) -> None:
    """A check still reading when the journal is shredded: its copy of the journal
    goes with the journal, not when the check ends."""
    _with_words(alex)
    reader = alex._vault.reader_opener(on_copy=True)()
    copied = reader.folder / journal_file(alex.partner_id)
    kept = vault_dir.parent / "kept-inode"
    os.link(copied, kept)
    before = kept.read_bytes()
    try:
        alex.shred_journal("Delete my journal", ALEX_PASS, TEST_KDF)
        assert not copied.exists()
        after = kept.read_bytes()  # the same blocks: overwritten before the removal
        assert len(after) == len(before)
        assert sum(a == b for a, b in zip(after[:65536], before[:65536], strict=True)) < 2048
    finally:
        reader.close()
    assert _copies(vault_dir) == []


def test_leaving_destroys_the_copies_under_the_old_vault_key(
    alex: Session, vault_dir: Path
) -> None:
    _with_words(alex)
    reader = alex._vault.reader_opener(on_copy=True)()
    copy = reader.folder
    try:
        alex.leave("leave", SAM_PASS, kdf=TEST_KDF)
        assert not (copy / SHARED_DB).exists()
        assert not (copy / journal_file(alex.partner_id)).exists()
    finally:
        reader.close()
    assert _copies(vault_dir) == []


def test_the_copy_is_never_what_fills_the_disk(
    alex: Session, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With little room left the check reads the live files instead: a save made
    while the copy existed would otherwise fail for want of space."""
    import shutil

    _with_words(alex)
    real = shutil.disk_usage
    size = (vault_dir / SHARED_DB).stat().st_size

    def little_room(path: str | os.PathLike[str]) -> object:
        usage = real(path)
        return type(usage)(usage.total, usage.used, size + check_copy.RESERVE // 2)

    monkeypatch.setattr(shutil, "disk_usage", little_room)
    made: list[Path] = []
    monkeypatch.setattr(check_copy, "stream_consistent", lambda *a: made.append(a[0].copy))
    report = alex.detached_verify()()
    assert report.ok
    assert made == [] and _copies(vault_dir) == []


def test_a_check_whose_vault_was_locked_stops_and_its_copy_goes(
    alex: Session, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Locked (or quit) while the full check runs: nobody will see its result; its
    process is ended at once instead of reading on for minutes, and its copy goes."""
    import subprocess

    from twofold.services import check_child
    from twofold.vault import handover, priority

    _with_words(alex)
    job = alex.detached_verify()
    real_send = handover.send
    started: list[subprocess.Popen[bytes]] = []

    def send_then_lock(vault: object, fd: int) -> None:
        real_send(vault, fd)  # type: ignore[arg-type]
        started.extend(check_child.running)
        alex.lock()

    monkeypatch.setattr(handover, "send", send_then_lock)
    with pytest.raises(priority.Stopped):
        job()
    assert len(started) == 1  # it had begun, in a process of its own
    assert started[0].returncode is not None  # ended, and waited for
    assert not check_child.running
    assert _copies(vault_dir) == []


def test_a_long_statement_of_a_stopped_check_is_interrupted(alex: Session) -> None:
    from twofold.vault import priority

    reader = alex._vault.reader_opener(on_copy=True)()
    try:
        many = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
        many += "WHERE i < 50000000) SELECT count(*) FROM n"
        with priority.stops_when(lambda: True), pytest.raises(Exception, match="interrupt"):
            reader.connection.execute(many).fetchone()
        assert reader.connection.execute("SELECT count(*) FROM ledger_events").fetchone()[0] > 0
    finally:
        reader.close()


def test_a_file_gone_from_the_vault_during_the_copy_leaves_zeros_behind(tmp_path: Path) -> None:
    """A journal removed while the copy is made (shredded): its copy goes too, with
    zeros over it first, like the rest of the copy at the end."""
    from twofold.vault.backup import _evidence

    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "journal-x.db").write_bytes(b"ciphertext " * 1000)
    copy = tmp_path / "copy"
    copy.mkdir()
    target = check_copy._FolderCopy(vault, copy)
    evidence = _evidence(vault / "journal-x.db")
    assert evidence is not None
    target.refresh({"journal-x.db": evidence}, set())
    kept = tmp_path / "kept-inode"
    os.link(copy / "journal-x.db", kept)
    assert kept.read_bytes() == b"ciphertext " * 1000
    target.refresh({}, {"journal-x.db"})
    assert not (copy / "journal-x.db").exists()
    assert kept.read_bytes() == bytes(11000)


def test_a_link_planted_under_a_copy_name_is_not_followed(
    alex: Session, vault_dir: Path, tmp_path: Path
) -> None:
    """Whoever can write the vault folder plants `.check-…` pointing at other files:
    the clean-up of leftovers must not zero them."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / SHARED_DB).write_bytes(b"someone else's file")
    (vault_dir / f"{check_copy.PREFIX}feedfacefeedface").symlink_to(elsewhere)
    assert alex.detached_verify()().ok
    assert (elsewhere / SHARED_DB).read_bytes() == b"someone else's file"
    assert check_copy.copies_of(vault_dir, SHARED_DB) == []
