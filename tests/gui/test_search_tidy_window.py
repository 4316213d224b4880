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


def test_an_import_in_the_window_is_merged_in_the_background_after_it(
    qtbot: QtBot, make_window: MakeWindow, vault_dir: Path, tmp_path: Path
) -> None:
    """The import leaves its index unmerged (no merge inside it); before, it stayed so
    until the next unlock, and searching paid for every segment meanwhile."""
    from datetime import UTC, datetime, timedelta

    from PySide6.QtCore import Qt

    from tests.fixtures.import_samples import day_one_entry, write_day_one_zip
    from twofold.ui.export_dialogs import ImportDialog

    start = datetime(2023, 1, 1, 9, tzinfo=UTC)
    source = write_day_one_zip(
        tmp_path / "dayone.zip",
        entries=[
            day_one_entry(f"{n:032X}", start + timedelta(days=n), f"imported day {n} zq{n}zq")
            for n in range(120)
        ],
    )
    window = make_window(vault_dir)
    unlock_as(qtbot, window, "Alex", ALEX_PASS)
    qtbot.waitUntil(lambda: not busy(), timeout=60_000)  # the unlock's backup and merge
    assert window.session is not None
    session = window.session
    assert session.journal is not None
    session.journal.write("written before the import")
    dialog = window.open_import()
    assert isinstance(dialog, ImportDialog)
    dialog.load(source)
    qtbot.waitUntil(lambda: dialog.go.isEnabled(), timeout=30_000)
    qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Imported 120" in dialog.message.text(), timeout=30_000)
    conn = session._vault.connection
    qtbot.waitUntil(
        lambda: search_index.segments(conn, "journal", "journal_fts") == 1, timeout=60_000
    )
    qtbot.waitUntil(lambda: not busy(), timeout=60_000)
    assert [h.text for h in session.search("zq77zq")] == ["imported day 77 zq77zq"]
    dialog.close()
