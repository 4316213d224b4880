"""The SQLCipher connection: keying, pragmas, fail-closed reads, error mapping.

One connection per open vault: ``shared.db`` is main, the unlocked partner's journal
is ATTACHed as ``journal``. Rollback journals (not WAL) make a transaction over both
files atomic as a set, which the sharing step relies on.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3

from twofold.domain.errors import DiskFull, TwofoldError, VaultDamaged, VaultInUse
from twofold.vault.crypto import sqlcipher_key

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


_FILE_PRAGMAS = ("journal_mode = DELETE", "synchronous = FULL", "secure_delete = ON")


def translate(exc: Exception, what: str) -> TwofoldError:
    """Turn a SQLite error into a message a person can act on."""
    name = getattr(exc, "sqlite_errorname", "")
    if name in ("SQLITE_FULL",) or "database or disk is full" in str(exc):
        return DiskFull(
            f"The disk is full: {what} could not be saved. Nothing was changed; "
            "free some space and try again."
        )
    if name.startswith("SQLITE_BUSY") or name.startswith("SQLITE_LOCKED"):
        return VaultInUse(f"{what} is busy in another process; try again in a moment.")
    return VaultDamaged(
        f"{what} is damaged or was altered (SQLite: {exc}). Nothing was changed; "
        "run 'twofold verify' and restore from a backup if needed."
    )


@contextlib.contextmanager
def mapped_errors(what: str) -> Iterator[None]:
    try:
        yield
    except DatabaseError as exc:
        raise translate(exc, what) from exc


def open_keyed(path: Path, key: bytes | bytearray, *, create: bool = False) -> Connection:
    """Open one SQLCipher file as ``main`` and prove the key by reading the schema."""
    if not create and not path.exists():
        raise VaultDamaged(f"{path.name} is missing from the vault folder.")
    if not create and path.stat().st_size == 0:
        raise _does_not_open(path)  # SQLite would treat it as new: never recreate a vault
    conn: Connection = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f'PRAGMA key = "{sqlcipher_key(key)}"')
        conn.execute("PRAGMA cipher_memory_security = ON")
        _prove_key(conn, "main", path)
        for pragma in _FILE_PRAGMAS:
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
    try:
        conn.execute(f"ATTACH DATABASE ? AS {schema} KEY ?", (str(path), sqlcipher_key(key)))
    except DatabaseError as exc:
        raise _does_not_open(path) from exc
    try:
        _prove_key(conn, schema, path)
        for pragma in _FILE_PRAGMAS:
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
def transaction(conn: Connection, what: str) -> Iterator[Connection]:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any error."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except DatabaseError as exc:
        raise translate(exc, what) from exc
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        with contextlib.suppress(DatabaseError):
            conn.execute("ROLLBACK")
        if isinstance(exc, DatabaseError):
            raise translate(exc, what) from exc
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
    return problems
