"""The SQLCipher connection: keying, pragmas, fail-closed reads, error mapping.

One connection per open vault: ``shared.db`` is main, the unlocked partner's journal
is ATTACHed as ``journal``. Rollback journals (not WAL) make a transaction over both
files atomic as a set, which the sharing step relies on.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from twofold.domain.errors import (
    DiskFull,
    VaultDamaged,
    VaultInUse,
    VaultReadOnly,
    VaultUnreadable,
)
from twofold.vault import engine
from twofold.vault.crypto import sqlcipher_key
from twofold.vault.engine import sqlcipher3
from twofold.vault.files import create_private_file

TYPE_CHECKING = False  # what type checkers assume True: typing is not imported
if TYPE_CHECKING:
    from typing import Any

# sqlcipher3 is a fork of the standard sqlite3 module with the same API; type it as such.
if TYPE_CHECKING:
    from sqlite3 import Connection as Connection
else:
    Connection = sqlcipher3.dbapi2.Connection
DatabaseError: type[Exception] = sqlcipher3.dbapi2.DatabaseError


class Link:
    """The vault's live connection. SQLCipher keeps failing every later read on a
    connection that met a damaged page, so after one, ``recover()`` swaps in a fresh
    connection and the other records stay readable."""

    def __init__(self, conn: Connection, reopen: Callable[[], Connection]) -> None:
        self.conn = conn
        self._reopen = reopen

    def recover(self) -> None:
        fresh = self._reopen()
        old, self.conn = self.conn, fresh
        with contextlib.suppress(Exception):
            old.close()


# PERSIST, not DELETE: the rollback journal keeps its blocks, so after a commit that
# removed text the journal can be overwritten in place (``scrub_journal``). A deleted
# journal file would leave the old page images in free blocks, readable with the key.
# Still a rollback journal, so a transaction over both attached files stays atomic.
# cache_size: 2 MiB of decrypted pages per file on each connection, not SQLCipher's
# 8 MiB. The main connection held 17 MiB of pages of shared.db and the journal once
# the window's pages and the background work had read them, which is what kept the
# window over 150 MB (ten-year vault: 149 → 139 MB settled); search, listing and the
# timeline measured the same (they read a few hundred pages; a scan gains nothing).
FILE_PRAGMAS = (
    "journal_mode = PERSIST",
    "synchronous = FULL",
    "secure_delete = ON",
    "cache_size = -2048",
)


# Prepared statements kept per connection (sqlcipher3's default is 100). Its cache
# evicts the least used statement, and a statement new to a full cache is that one:
# once unlock and the checks had filled it (~180 statements), the 67 statements of
# a replay evicted each other at every use, and each prepare is hundreds of
# allocations, each an mlock under SQLCipher's memory security (30,000 prepares
# replaying the first 6,000 events of the ten-year vault; 173 with room). Unlock and
# the whole verification prepare ~300 distinct statements; one takes ~3.6 KB.
CACHED_STATEMENTS = 512


def journal_path(database: Path) -> Path:
    return database.with_name(database.name + "-journal")


def is_hot_journal(database: Path) -> bool:
    """A rollback journal that still holds an unfinished transaction (a persisted,
    finished journal starts with zeros)."""
    path = journal_path(database)
    try:
        with path.open("rb") as handle:
            first = handle.read(1)
    except FileNotFoundError:
        return False
    return first not in (b"", b"\x00")  # SQLite's own test for a hot journal


def scrub_journal(database: Path) -> None:
    """Overwrite a finished rollback journal with zeros, in place, make that durable,
    then cut the file to nothing. Call with the write lock held and no transaction open.

    The cut comes after the zeros are on disk, so the blocks it frees hold zeros, not
    page images. Without it a journal kept the size of the largest transaction ever
    (an upgrade, a bulk import: 50 MB of shared.db on the ten-year vault), and every
    later scrub rewrote and flushed all of it: 75 ms of each 50-item sharing step.
    Now a scrub costs what was written since the last one."""
    path = journal_path(database)
    if not path.exists() or is_hot_journal(database):
        return
    with path.open("r+b") as handle:
        size = handle.seek(0, 2)
        if size == 0:
            return
        handle.seek(0)
        block = bytes(1 << 16)
        for start in range(0, size, len(block)):
            handle.write(block[: min(len(block), size - start)])
        handle.flush()
        os.fsync(handle.fileno())
        handle.truncate(0)


# The environment's failures, which a person can act on (qutebrowser's KnownError).
# Every other SQLite error (a syntax error, "no such column", a constraint) is a bug
# in Twofold and is reported as one, never as "your vault is damaged".
_DAMAGE = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
_FULL = ("SQLITE_FULL",)
_BUSY = ("SQLITE_BUSY", "SQLITE_LOCKED")
_READONLY = ("SQLITE_READONLY",)
_IO = ("SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_AUTH", "SQLITE_PERM")
ENVIRONMENT_CODES = _DAMAGE + _FULL + _BUSY + _READONLY + _IO


def _primary(exc: BaseException) -> str:
    """The primary result code's name (SQLITE_IOERR_WRITE → SQLITE_IOERR)."""
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    for code in ENVIRONMENT_CODES:
        if name == code or name.startswith(code + "_"):
            return code
    text = str(exc)
    if "database or disk is full" in text:
        return "SQLITE_FULL"
    if "file is not a database" in text:
        return "SQLITE_NOTADB"
    if "database disk image is malformed" in text:
        return "SQLITE_CORRUPT"
    return name


def is_environment(exc: BaseException) -> bool:
    """True for the failures of the disk or the file, False for a bug."""
    return _primary(exc) in ENVIRONMENT_CODES


def translate(exc: Exception, what: str) -> Exception:
    """Turn an environment SQLite error into a message a person can act on; anything
    else is returned unchanged, so it surfaces as the bug it is."""
    code = _primary(exc)
    if code in _FULL:
        return DiskFull(
            f"The disk is full: {what} could not be saved. Nothing was changed; "
            "free some space and try again."
        )
    if code in _BUSY:
        return VaultInUse(f"{what} is busy in another process; try again in a moment.")
    if code in _READONLY:
        return VaultReadOnly(
            f"{what} cannot be changed: the vault folder is read-only here. Nothing was "
            "changed; reading still works."
        )
    if code in _IO:
        return VaultUnreadable(
            f"{what} could not be read or written ({code.removeprefix('SQLITE_')}): the disk "
            "or the folder's permissions refused it. Nothing was changed."
        )
    if search_index_refused(exc):
        return VaultDamaged(
            f"{what}: a search index in the vault is damaged or was altered. Nothing was "
            "changed; run 'twofold verify' and restore from a backup if needed."
        )
    if code in _DAMAGE:
        return VaultDamaged(
            f"{what} is damaged or was altered ({code.removeprefix('SQLITE_')}). Nothing was "
            "changed; run 'twofold verify' and restore from a backup if needed."
        )
    return exc


def search_index_refused(exc: BaseException) -> bool:
    """FTS5 refused its own tables: an index edited with the key (the partner holds
    the shared one's) or damaged. FTS5 says so in its messages, whatever the code
    ("invalid fts5 file format …", "fts5: corruption …"), or with the code only
    virtual tables return (the FTS5 indexes are Twofold's only ones)."""
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    return "fts5" in str(exc).lower() or name == "SQLITE_CORRUPT_VTAB"


@contextlib.contextmanager
def mapped_errors(what: str) -> Iterator[None]:
    try:
        yield
    except DatabaseError as exc:
        mapped = translate(exc, what)
        if mapped is exc:
            raise
        raise mapped from exc


def open_keyed(path: Path, key: bytes | bytearray, *, create: bool = False) -> Connection:
    """Open one SQLCipher file as ``main`` and prove the key by reading the schema."""
    if not create and not path.exists():
        raise VaultDamaged(f"{path.name} is missing from the vault folder.")
    if not create and path.stat().st_size == 0:
        raise _does_not_open(path)  # SQLite would treat it as new: never recreate a vault
    if create and not path.exists():
        create_private_file(path)
    conn: Connection = engine.connect(
        str(path),
        isolation_level=None,
        check_same_thread=False,
        cached_statements=CACHED_STATEMENTS,
    )
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f'PRAGMA key = "{sqlcipher_key(key)}"')
        conn.execute("PRAGMA cipher_memory_security = ON")
        _prove_key(conn, "main", path)
        for pragma in FILE_PRAGMAS:
            conn.execute(f"PRAGMA main.{pragma}")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
    except BaseException:
        conn.close()
        raise
    return conn


def attach_keyed(
    conn: Connection, schema: str, path: Path, key: bytes | bytearray, *, create: bool = False
) -> None:
    if not create and not path.exists():
        raise VaultDamaged(
            f"{path.name} is missing from the vault folder; that partner's journal cannot open. "
            "Restore it from a backup."
        )
    if not create and path.stat().st_size == 0:
        raise _does_not_open(path)
    if create and not path.exists():
        create_private_file(path)
    try:
        conn.execute(f"ATTACH DATABASE ? AS {schema} KEY ?", (str(path), sqlcipher_key(key)))
    except DatabaseError as exc:
        raise _does_not_open(path) from exc
    try:
        _prove_key(conn, schema, path)
        for pragma in FILE_PRAGMAS:
            conn.execute(f"PRAGMA {schema}.{pragma}")
    except BaseException:
        conn.execute(f"DETACH DATABASE {schema}")
        raise


def _prove_key(conn: Connection, schema: str, path: Path) -> None:
    # SQLCipher only notices a wrong key on the first read: fail closed right here.
    try:
        conn.execute(f"SELECT count(*) FROM {schema}.sqlite_schema").fetchone()
    except DatabaseError as exc:
        raise _does_not_open(path) from exc


def _does_not_open(path: Path) -> VaultDamaged:
    return VaultDamaged(
        f"{path.name} does not open with its key: it was damaged, truncated, swapped or "
        "replaced. Nothing was changed; restore it from a backup."
    )


@contextlib.contextmanager
def transaction(conn: Connection, what: str, *, deferred: bool = False) -> Iterator[Connection]:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any error.

    ``deferred``: plain BEGIN, for a caller that already holds the vault's write
    lock. Then only the files actually written join the transaction: a commit that
    writes one file keeps its rollback journal in place (``journal_mode=PERSIST``)
    so it can be overwritten; one that writes both files goes through a
    super-journal, and SQLite truncates its journals (their freed blocks keep the
    old pages: docs/ARCHITECTURE.md)."""
    try:
        conn.execute("BEGIN" if deferred else "BEGIN IMMEDIATE")
    except DatabaseError as exc:
        mapped = translate(exc, what)
        if mapped is exc:
            raise
        raise mapped from exc
    try:
        yield conn
        try:
            conn.execute("COMMIT")
        except sqlcipher3.dbapi2.IntegrityError as exc:
            # A COMMIT writes each FTS5 index's structure record; one it cannot read
            # (edited with the key) fails it as a constraint. Twofold declares no
            # deferred constraints, the only other way a COMMIT can fail one.
            raise VaultDamaged(
                f"{what} could not be saved: a search index in the vault is damaged or was "
                "altered. Nothing was changed; run 'twofold verify' and restore from a "
                "backup if needed."
            ) from exc
    except BaseException as exc:
        with contextlib.suppress(DatabaseError):
            conn.execute("ROLLBACK")
        if isinstance(exc, DatabaseError):
            mapped = translate(exc, what)
            if mapped is not exc:
                raise mapped from exc
        raise


def user_version(conn: Connection, schema: str) -> int:
    row: Any = conn.execute(f"PRAGMA {schema}.user_version").fetchone()
    return int(row[0])


def integrity_problems(conn: Connection, schema: str) -> list[str]:
    """SQLCipher's page HMACs, then SQLite's own structure check."""
    problems: list[str] = []
    try:
        problems += [str(r[0]) for r in conn.execute(f"PRAGMA {schema}.cipher_integrity_check")]
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA {schema}.integrity_check")]
        problems += [r for r in rows if r != "ok"]
    except DatabaseError as exc:
        problems.append(str(exc))
    return [_in_words(problem) for problem in problems]


def _in_words(problem: str) -> str:
    """FTS5's findings said first in words a person can act on, its own after them
    without its advice to "run 'rebuild'" (a command for SQLite's shell)."""
    if "fts5" not in problem.lower():
        return problem
    detail = problem.removesuffix(" - run 'rebuild'")
    return f"a search index was changed outside Twofold or is damaged ({detail})"
