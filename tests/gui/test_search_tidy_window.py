"""After unlocking, once today's backup is made, the window merges the search indexes'
segments in the background (vault/search_index.py): the next search probes one
segment per index instead of many."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.conftest import ALEX_PASS
from tests.gui.conftest import MakeWindow, unlock_as
from twofold.services.session import unlock
from twofold.ui.worker import busy
from twofold.vault import search_index


def _journal_segments(vault_dir: Path) -> int:
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    try:
        conn = session._vault.connection
        return search_index.segments(conn, "journal", "journal_fts")
    finally:
        session.lock()


def test_unlocking_merges_a_fragmented_search_index_after_the_backup(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path
) -> None:
    session = unlock(vault_dir, "Alex", ALEX_PASS)
    assert session.journal is not None
    conn = session._vault.connection
    n = 0
    while (
        n < 30 or search_index.segments(conn, "journal", "journal_fts") <= search_index.TIDY_ABOVE
    ):
        session.journal.write(f"entry {n} " + " ".join(f"w{n}x{i}" for i in range(60)))
        n += 1
    session.lock()
    before = _journal_segments(vault_dir)
    window = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    assert window.session is not None
    conn = window.session._vault.connection
    qtbot.waitUntil(
        lambda: search_index.segments(conn, "journal", "journal_fts") == 1, timeout=60_000
    )
    qtbot.waitUntil(lambda: not busy(), timeout=60_000)
    found = window.session.search("w7x3")
    assert [hit.text.split()[1] for hit in found] == ["7"]
    window.lock()
    assert before > search_index.TIDY_ABOVE
    assert _journal_segments(vault_dir) == 1
