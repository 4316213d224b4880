"""SQLCipher, started with the allocation settings Twofold's connections need.

Import ``sqlcipher3`` from here, never directly: SQLite's global configuration can
only be set before the library initialises, which its Python module does when it is
first imported.

Why: SQLCipher's memory security (DESIGN §3) locks every allocation that reaches the
system allocator into RAM and wipes it when freed, an ``mlock`` and a ``munlock``
system call each. SQLite serves a connection's small allocations from its lookaside
buffer instead: one allocation per connection, so locked once, and wiped when the
connection closes. The default buffer (123 slots) was taken for good by the
statements a connection keeps prepared, so every later allocation missed it: on the
ten-year vault a search of a rare word made 256 mlock/munlock pairs, a common word
138 (session 25). With room for the statements and a query's own allocations, 154
and 77 (the rest are larger than a slot: FTS5's page buffers). The buffer is
2.4 MB per connection, locked like the rest; freed slots keep their bytes until
reused or until the connection closes and the whole buffer is wiped, as pages of
the page cache (decrypted text) do.

The buffer is allocated as a connection opens, and SQLCipher locks an allocation
only if its memory security is on by then: so ``connect`` switches it on, once for
the process, before the first connection opens (the vault's own connection used to
open first and switch it on after, leaving its buffer unlocked: swappable).
"""

from __future__ import annotations

import contextlib
import importlib.machinery
import importlib.util
import sys
from pathlib import Path

TYPE_CHECKING = False  # what type checkers assume True: typing is not imported
if TYPE_CHECKING:
    from sqlite3 import Connection
    from typing import Any

SQLITE_CONFIG_LOOKASIDE = 13  # sqlite3.h: int slot size, int slot count
LOOKASIDE_SLOT = 1200  # SQLite's default slot size (bytes)
LOOKASIDE_SLOTS = 2000  # SQLite's default: 40 (split into 123 big and small slots)

# The library handle must outlive the configuration: dropping it before the module's
# own import would unload the library and its settings with it.
_library: object = None


def _extension() -> Path | None:
    """sqlcipher3's compiled module (the library with SQLite in it), found without
    importing it."""
    spec = importlib.util.find_spec("sqlcipher3")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        for suffix in importlib.machinery.EXTENSION_SUFFIXES:
            candidate = Path(folder) / f"_sqlite3{suffix}"
            if candidate.is_file():
                return candidate
    return None


def _configure() -> bool:
    """Set the lookaside before SQLite initialises; False when it is too late (the
    module was imported first) or the library cannot be reached this way: the
    connections then work with SQLite's default, only slower."""
    global _library
    if "sqlcipher3._sqlite3" in sys.modules:
        return False
    path = _extension()
    if path is None:
        return False
    with contextlib.suppress(ImportError, OSError, AttributeError):
        # cffi's C backend (loaded for the key derivation anyway) rather than ctypes,
        # whose import alone was ~3 ms of every command's start (hardening.py)
        import _cffi_backend as backend

        library = backend.load_library(str(path))
        int_type = backend.new_primitive_type("int")
        # variadic in C: its arguments must be passed as such (arm64 puts them on the stack)
        config = library.load_function(
            backend.new_function_type((int_type,), int_type, 1), "sqlite3_config"
        )
        result = config(
            SQLITE_CONFIG_LOOKASIDE,
            backend.cast(int_type, LOOKASIDE_SLOT),
            backend.cast(int_type, LOOKASIDE_SLOTS),
        )
        _library = library
        return int(result) == 0
    return False


LOOKASIDE_SET = _configure()

import sqlcipher3  # noqa: E402 - after the configuration, on purpose

_memory_secured = False


def memory_security_on() -> bool:
    """SQLCipher's memory security, switched on for the whole process (an unkeyed
    in-memory connection's pragma does it); True once it is on."""
    global _memory_secured
    if not _memory_secured:
        switch = sqlcipher3.connect(":memory:")
        try:
            switch.execute("PRAGMA cipher_memory_security = ON")
            row = switch.execute("PRAGMA cipher_memory_security").fetchone()
            _memory_secured = row is not None and str(row[0]) == "1"
        finally:
            switch.close()
    return _memory_secured


def connect(database: str, **options: Any) -> Connection:
    """``sqlcipher3.connect``, after the memory security is on (the module's why)."""
    memory_security_on()
    conn: Connection = sqlcipher3.connect(database, **options)
    return conn


__all__ = ["LOOKASIDE_SET", "connect", "memory_security_on", "sqlcipher3"]
