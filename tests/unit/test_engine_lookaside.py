"""SQLite is started with a lookaside big enough for a connection's kept statements
and a query's own allocations (vault/engine.py): under SQLCipher's memory security
every allocation that misses it is an mlock and a munlock. The vault's connections
are asked what they served from it; a process that imported sqlcipher3 first still
works, with SQLite's default."""

from __future__ import annotations

import ctypes
import subprocess
import sys
from pathlib import Path

import pytest

from twofold.services.session import Session
from twofold.vault import engine

# sqlite3.h: sqlite3_db_status operations
LOOKASIDE_USED = 0
LOOKASIDE_MISS_FULL = 6
DEFAULT_SLOTS = 123  # what SQLite's default lookaside holds (measured; session 25)


def _library() -> ctypes.CDLL:
    path = engine._extension()
    assert path is not None
    return ctypes.CDLL(str(path))


def _handle(conn: object, library: ctypes.CDLL, file: Path) -> ctypes.c_void_p:
    """The connection's ``sqlite3 *``: the first field after the object header in
    pysqlite's connection object (sqlcipher3 is that module), checked by asking the
    handle which file it has open."""
    handle = ctypes.c_void_p(ctypes.c_void_p.from_address(id(conn) + object.__basicsize__).value)
    library.sqlite3_db_filename.restype = ctypes.c_char_p
    library.sqlite3_db_filename.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    assert library.sqlite3_db_filename(handle, b"main") == str(file).encode()
    return handle


def _status(library: ctypes.CDLL, handle: ctypes.c_void_p, operation: int) -> tuple[int, int]:
    current, highest = ctypes.c_int(), ctypes.c_int()
    library.sqlite3_db_status.argtypes = [
        ctypes.c_void_p,
        ctypes.c_int,
        ctypes.POINTER(ctypes.c_int),
        ctypes.POINTER(ctypes.c_int),
        ctypes.c_int,
    ]
    assert (
        library.sqlite3_db_status(
            handle, operation, ctypes.byref(current), ctypes.byref(highest), 0
        )
        == 0
    )
    return current.value, highest.value


def test_the_vaults_connection_serves_small_allocations_from_a_lookaside_with_room(
    alex: Session, vault_dir: Path
) -> None:
    assert engine.LOOKASIDE_SET
    conn = alex._vault.connection
    library = _library()
    handle = _handle(conn, library, vault_dir / "shared.db")
    journal = alex.journal
    assert journal is not None
    # a session's use: what it writes and lists, then searches
    journal.write("A reflection about trust, written to be found.")
    journal.listing()
    for word in ("trust ", "found", "nothing-like-this "):
        alex.search(word)
    _, missed_before = _status(library, handle, LOOKASIDE_MISS_FULL)
    for _ in range(20):
        alex.search("trust ")
        alex.search("reflection")
    used, _ = _status(library, handle, LOOKASIDE_USED)
    _, missed = _status(library, handle, LOOKASIDE_MISS_FULL)
    assert used > DEFAULT_SLOTS  # more held than SQLite's default has room for
    assert missed == missed_before == 0  # no allocation found the lookaside full


def test_sqlcipher3_imported_first_keeps_sqlites_default_and_still_works(
    tmp_path: Path,
) -> None:
    script = (
        "import sqlcipher3\n"
        "from twofold.vault import engine\n"
        "from twofold.vault.engine import sqlcipher3 as same\n"
        "assert same is sqlcipher3\n"
        "c = same.connect(':memory:')\n"
        "c.execute(\"PRAGMA key = 'x'\")\n"
        "print(engine.LOOKASIDE_SET, c.execute('SELECT 40 + 2').fetchone()[0])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert out.stdout.split() == ["False", "42"]


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="Linux reports locked memory")
def test_the_first_connection_a_process_opens_has_its_lookaside_locked(vault_dir: Path) -> None:
    """The memory security is on before the vault's first connection opens, so that
    connection's lookaside (where small allocations, row values among them, live) is
    locked into RAM like the rest: in a fresh process, whose first connection it is."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from tests.conftest import ALEX_PASS\n"
        "from twofold.services.session import unlock\n"
        "from twofold.vault import engine\n"
        "def locked():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmLck:'):\n"
        "            return int(line.split()[1])\n"
        "before = locked()\n"
        "session = unlock(Path(sys.argv[1]), 'Alex', ALEX_PASS)\n"
        "print(engine.LOOKASIDE_SET, locked() - before)\n"
        "session.lock()\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(vault_dir)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    configured, locked_kib = out.stdout.split()
    assert configured == "True"
    # the buffer alone is LOOKASIDE_SLOT × LOOKASIDE_SLOTS bytes (2.4 MB)
    assert int(locked_kib) * 1024 >= engine.LOOKASIDE_SLOT * engine.LOOKASIDE_SLOTS
