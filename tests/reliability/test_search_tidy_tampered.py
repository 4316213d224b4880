"""The partner as attacker (issue 11) holds the vault key and edits shared.db with any
SQLCipher tool: here they write garbage into the shared search index's structure
record (``timeline_fts_data``, id 10) or its config table. The app's background merge
(vault/search_index.py, run after every unlock) must then leave that index alone:
no crash and no message with a raw exception, nothing written to shared.db, a log line
with the table's name and a reason code only; the person's own index is still merged,
and what the person sees is what they saw before the merge ran (search answers, or the
damage is named by verification)."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlcipher3.dbapi2 import DatabaseError

from tests.conftest import ALEX_PASS
from tests.reliability.test_partner_attacks import raw_shared_db
from tests.unit.test_search_tidy import WORDS, _fill
from twofold.domain.errors import VaultDamaged
from twofold.services.session import unlock
from twofold.vault import search_index

STRUCTURE = 10  # FTS5_STRUCTURE_ROWID


def _varint_end(data: bytes, at: int) -> int:
    """Where the SQLite varint that starts at ``at`` ends."""
    for n in range(9):
        if n == 8 or not data[at + n] & 0x80:
            return at + n + 1
    raise AssertionError("unreachable")


def _header(record: bytes) -> tuple[int, int, int]:
    """Offsets of the level count, the segment count, and the first level's
    "inputs of a merge under way"."""
    levels = 8 if record[4:8] == b"\xff\x00\x00\x01" else 4
    count = _varint_end(record, levels)
    counter = _varint_end(record, count)
    return levels, count, _varint_end(record, counter)


def _plus_one(record: bytes, at: int) -> bytes:
    assert record[at] < 0x7F  # a one-byte varint in these small indexes
    return record[:at] + bytes([record[at] + 1]) + record[at + 1 :]


def _more_inputs_than_segments(record: bytes) -> bytes:
    _, _, inputs = _header(record)
    segments = record[_varint_end(record, inputs)]
    assert segments < 0x7F
    return record[:inputs] + bytes([segments + 1]) + record[_varint_end(record, inputs) :]


# How the record is changed, and whether FTS5 itself refuses the result (verification
# then names it; FTS5 ignores bytes after the last segment, which Twofold does not)
RECORDS: dict[str, tuple[Callable[[bytes], bytes], bool]] = {
    "garbage": (lambda record: b"\xde\xad\xbe\xef", True),
    "empty": (lambda record: b"", True),
    "cut in half": (lambda record: record[: len(record) // 2], True),
    "one segment more than it lists": (lambda r: _plus_one(r, _header(r)[1]), True),
    "a level more than it lists": (lambda r: _plus_one(r, _header(r)[0]), True),
    "a merge with more inputs than segments": (_more_inputs_than_segments, True),
    "bytes after the last segment": (lambda record: record + b"\x01\x02\x03", False),
}

CONFIGS = {
    "a version FTS5 does not read": "UPDATE timeline_fts_config SET v = 99 WHERE k = 'version'",
    "secure-delete off": "UPDATE timeline_fts_config SET v = 0 WHERE k = 'secure-delete'",
    "secure-delete removed": "DELETE FROM timeline_fts_config WHERE k = 'secure-delete'",
    "a setting that is not a number": (
        "INSERT OR REPLACE INTO timeline_fts_config VALUES ('crisismerge', 'lots')"
    ),
    "a key FTS5 does not know": "INSERT INTO timeline_fts_config VALUES ('mergeall', 1)",
}


@pytest.fixture
def fragmented(vault_dir: Path) -> Path:
    """Both search indexes with more segments than the merge waits for."""
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        _fill(session, 12)
        conn = session._vault.connection
        for names in (("main", "timeline_fts"), ("journal", "journal_fts")):
            assert search_index.segments(conn, *names) > search_index.TIDY_ABOVE
    finally:
        session.lock()
    return vault_dir


@pytest.fixture
def log_lines() -> Iterator[list[str]]:
    """What the app's log (services/diagnostics: the "twofold" logger) receives."""
    lines: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(record.getMessage())

    logger, handler = logging.getLogger("twofold"), Keep()
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield lines
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def _shared_db(folder: Path) -> str:
    return hashlib.sha256((folder / "shared.db").read_bytes()).hexdigest()


def _journal(folder: Path) -> bytes:
    """shared.db's rollback journal (the attacker's SQLCipher shell deletes it)."""
    path = folder / "shared.db-journal"
    return path.read_bytes() if path.exists() else b""


def _observed(folder: Path) -> tuple[str, list[str]]:
    """What the person meets in the shared index: its search answers (or the
    message search shows), and the failed checks of the full verification."""
    session = unlock(folder, "Alex", ALEX_PASS)
    try:
        try:
            answer = repr(sorted(hit.text for hit in session.search("harbour")))
        except VaultDamaged as exc:
            answer = str(exc)
        except DatabaseError as exc:  # noticed: FTS5's "invalid fts5 file format"
            answer = f"{type(exc).__name__}: {exc}"
        failed = [line for line in session.verify().lines() if line.startswith("FAIL")]
    finally:
        session.lock()
    return answer, failed


def _tidy_and_check(folder: Path, log_lines: list[str], reason: str) -> None:
    before = _observed(folder)
    shared, journal = _shared_db(folder), _journal(folder)
    session = unlock(folder, "Alex", ALEX_PASS)
    try:
        tidy = session.search_tidier()
        assert tidy is not None
        done = tidy()  # no exception: nothing for the window's status bar to show
        # the person's own index is merged as on any other day
        assert [(t.table, t.after, t.finished) for t in done] == [("journal_fts", 1, True)]
        assert search_index.segments(session._vault.connection, "journal", "journal_fts") == 1
    finally:
        session.lock()
    assert _shared_db(folder) == shared  # nothing written to shared.db
    # nor to its rollback journal (a step FTS5 refused left the pages it had read
    # there: scrubbed, as after every merge)
    assert _journal(folder) in (journal, b"")
    said = f"search_index.left_alone table=timeline_fts reason={reason}"
    assert [line for line in log_lines if line.startswith(said)], log_lines
    log = "\n".join(log_lines).lower()
    assert not any(word in log for word in WORDS)  # names and codes only
    # what the person meets afterwards is what they met before the merge ran
    assert _observed(folder) == before


@pytest.mark.parametrize("tamper", RECORDS, ids=list(RECORDS))
def test_a_tampered_structure_record_is_left_alone(
    fragmented: Path, log_lines: list[str], tamper: str
) -> None:
    conn = raw_shared_db(fragmented)
    try:
        [(record,)] = conn.execute("SELECT block FROM timeline_fts_data WHERE id = ?", (STRUCTURE,))
        change, refused = RECORDS[tamper]
        changed = change(bytes(record))
        assert changed != record and search_index.parse_structure(bytes(record)) is not None
        conn.execute("UPDATE timeline_fts_data SET block = ? WHERE id = ?", (changed, STRUCTURE))
    finally:
        conn.close()
    assert search_index.parse_structure(changed) is None
    _tidy_and_check(fragmented, log_lines, "structure")
    # a record FTS5 refuses too is named by verification (the merge changed nothing)
    _, failed = _observed(fragmented)
    assert any("timeline_fts" in line for line in failed) == refused, failed


def test_a_deleted_structure_record_is_left_alone(fragmented: Path, log_lines: list[str]) -> None:
    conn = raw_shared_db(fragmented)
    try:
        conn.execute("DELETE FROM timeline_fts_data WHERE id = ?", (STRUCTURE,))
    finally:
        conn.close()
    _tidy_and_check(fragmented, log_lines, "structure")


@pytest.mark.parametrize("tamper", CONFIGS, ids=list(CONFIGS))
def test_a_tampered_config_is_left_alone(
    fragmented: Path, log_lines: list[str], tamper: str
) -> None:
    conn = raw_shared_db(fragmented)
    try:
        conn.execute(CONFIGS[tamper])
    finally:
        conn.close()
    _tidy_and_check(fragmented, log_lines, "config")


def test_a_segment_whose_pages_were_deleted_is_left_alone(
    fragmented: Path, log_lines: list[str]
) -> None:
    """A structure record FTS5 accepts, listing a segment whose pages are gone."""
    conn = raw_shared_db(fragmented)
    try:
        # every page of segment 1 (rowid = segment id << 37 | page)
        conn.execute("DELETE FROM timeline_fts_data WHERE id >> 37 = 1")
        [(record,)] = conn.execute("SELECT block FROM timeline_fts_data WHERE id = ?", (STRUCTURE,))
    finally:
        conn.close()
    assert search_index.parse_structure(bytes(record)) is not None
    _tidy_and_check(fragmented, log_lines, "pages")
    _, failed = _observed(fragmented)
    assert any("timeline_fts" in line for line in failed), failed


def test_a_page_fts5_refuses_to_merge_is_left_alone(fragmented: Path, log_lines: list[str]) -> None:
    """Garbage in a segment's page: the record and the pages it lists look right, and
    FTS5 refuses the merge's first step — rolled back with the switch of automerge
    that goes with it."""
    conn = raw_shared_db(fragmented)
    try:
        [(first,)] = conn.execute("SELECT min(id) FROM timeline_fts_data WHERE id >> 37 = 1")
        conn.execute("UPDATE timeline_fts_data SET block = x'00ff00ff' WHERE id = ?", (first,))
    finally:
        conn.close()
    _tidy_and_check(fragmented, log_lines, "damaged")
    _, failed = _observed(fragmented)
    assert any("timeline_fts" in line for line in failed), failed
    session = unlock(fragmented, "Alex", ALEX_PASS)
    try:
        config = session._vault.connection.execute("SELECT k FROM main.timeline_fts_config")
        assert "automerge" not in {k for (k,) in config}
    finally:
        session.lock()
