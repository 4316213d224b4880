"""The replay (``vault/projectors/replay.py``) projects events in runs, one savepoint
per run (``projectors.project_in_batch``), not one per event: it must derive exactly
the rows that projecting each event on its own (``projectors.project``, what signing
an event does) wrote, refusals included."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS
from tests.reliability.test_partner_attacks import _fill, _fill_answers, attack, named
from twofold.domain.ledger import EventHeader, EventKind, LedgerEvent
from twofold.services.session import Session, unlock
from twofold.vault import projectors
from twofold.vault.database import Connection
from twofold.vault.projectors import base, replay


@pytest.fixture
def practice(vault_dir: Path) -> Iterator[Session]:
    """Every practice table has rows, one event was refused (Sam accepted a proposal
    "for" Alex), and shared reflections (card-only) sit between other events, one
    retracted right after it was shared."""
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    _share(sam, "before anything else", "a second one")
    _fill(sam)
    sam.lock()
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    _share(alex, "I was scared", "take this back", "we walked")
    [taken_back] = [i.event_id for i in alex.timeline.page() if i.body == "take this back"]
    alex.timeline.retract(taken_back)
    _fill_answers(alex)
    _share(alex, "the last word")
    yield alex
    alex.lock()


def _share(session: Session, *texts: str) -> None:
    assert session.journal is not None and session.sharing is not None
    for text in texts:
        session.sharing.add(session.journal.write(text))
    session.sharing.confirm(session.sharing.preview())


def _rows(conn: Connection) -> dict[str, list[tuple[Any, ...]]]:
    return {
        t.name: sorted((tuple(r) for r in conn.execute(f"SELECT * FROM main.{t.name}")), key=repr)
        for t in replay.TABLES
    }


def _derived(conn: Connection, events: list[LedgerEvent], batched: bool) -> dict[str, list[Any]]:
    """Every projection table after deriving it again from the events (rolled back)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for table in reversed(replay.TABLES):
            conn.execute(f"DELETE FROM main.{table.name}")
        if batched:
            replay.replay(conn, events)
        else:  # one event at a time, each in its own savepoint
            withdrawals = replay._withdrawals(events)
            replay._project(conn, events, withdrawals, batched=False)
        return _rows(conn)
    finally:
        conn.execute("ROLLBACK")


@pytest.mark.parametrize("batch", [3, 500])  # many runs, or all events in one
def test_a_batched_replay_derives_the_rows_each_event_wrote(
    practice: Session, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    monkeypatch.setattr(replay, "BATCH", batch)
    conn = practice._vault.connection
    events = list(practice._vault.ledger.events())
    assert len(events) > 40
    stored = _rows(conn)  # written as each event was signed
    assert all(stored.values()), [name for name, rows in stored.items() if not rows]
    assert len(stored["refused_events"]) == 1
    retracted = [r for r in stored["timeline_items"] if r[7] == 1 and r[2] == "reflection.shared"]
    assert len(retracted) == 1
    assert _derived(conn, events, batched=True) == stored
    assert _derived(conn, events, batched=False) == stored
    assert replay.check(conn, events) == []


def test_a_refusal_after_a_write_undoes_that_event_only(
    practice: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No projector refuses after writing today; if one did, its rows must go, as the
    savepoint of ``project`` undoes them: the run is projected again event by event."""
    monkeypatch.setattr(replay, "BATCH", 4)
    conn = practice._vault.connection
    events = list(practice._vault.ledger.events())
    projectors.registered()  # every projector loaded
    write_win = base._PROJECTORS[EventKind.WIN_RECORDED]

    def write_then_refuse(conn: Connection, h: EventHeader, e: Any) -> None:
        write_win(conn, h, e)
        raise projectors.Refused("refused after writing")

    monkeypatch.setitem(base._PROJECTORS, EventKind.WIN_RECORDED, write_then_refuse)
    [win] = [e.header.seq for e in events if e.header.kind == EventKind.WIN_RECORDED]
    one_by_one = _derived(conn, events, batched=False)
    assert one_by_one["wins"] == []
    assert (win, "refused after writing") in one_by_one["refused_events"]
    assert win not in [row[0] for row in one_by_one["timeline_items"]]
    assert _derived(conn, events, batched=True) == one_by_one


def test_the_check_copies_leave_out_only_indexes_of_the_pages() -> None:
    """The TEMP copies skip indexes only the window's pages read (never a UNIQUE one:
    that is a rule the rows must keep), each named as a migration makes it."""
    import re

    from twofold.vault.schema import SHARED_MIGRATIONS, statements

    made = {
        m.group(2): bool(m.group(1))
        for migration in SHARED_MIGRATIONS
        for s in statements(migration)
        if (m := re.match(r"CREATE (UNIQUE )?INDEX (\w+) ON (\w+)", s))
    }
    assert set(replay._PAGE_INDEXES) - made.keys() == set()
    assert not any(made[name] for name in replay._PAGE_INDEXES)
    ddl = replay._temp_ddl()
    assert not any(name in s for s in ddl for name in replay._PAGE_INDEXES)
    assert any("UNIQUE INDEX temp.wins_milestone" in s for s in ddl)


@pytest.mark.parametrize(
    ("forgery", "said"),
    [
        ("UPDATE timeline_fts_content SET c0 = 'never signed' WHERE id = {seq}", "never signed"),
        ("DELETE FROM timeline_fts WHERE rowid = {seq}", "was deleted outside Twofold"),
    ],
)
def test_the_search_index_is_compared_as_search_shows_it(
    vault_dir: Path, forgery: str, said: str
) -> None:
    """The check reads the search index's stored words (FTS5's content table, what
    search shows): a row changed there, or one gone from the index, is named."""
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    _share(alex, "I was scared", "we walked")
    [seq] = [i.seq for i in alex.timeline.page() if i.body == "we walked"]
    alex.lock()
    attack(vault_dir, forgery.format(seq=seq))
    found = named(vault_dir)
    assert f"timeline_fts (search), row of event #{seq}" in found and said in found
