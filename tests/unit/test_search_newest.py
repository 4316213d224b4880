"""Search reads a window of the newest rows only (vault/search_store.py), yet its
answer is always the newest matches by date, as sorting every match would give:
with old matches below a window that holds fewer than a screenful, with entries of
one day a little out of order, with imported entries whose dates are far older than
their rowids, and with retracted shares in the window."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from twofold.domain.records import RecordKind
from twofold.services.session import Session
from twofold.vault import search_store

START = datetime(2020, 1, 1, 9, tzinfo=UTC)


def _write(alex: Session, dated: list[tuple[str, datetime]]) -> None:
    """Records with the given dates, in list order (rowid order), as an import does."""
    opened = alex._vault
    assert opened.journal is not None
    with opened.write("test"):
        opened.journal.add_many([(RecordKind.REFLECTION, body, (), (), at) for body, at in dated])


def _sorted_truth(alex: Session, word: str, limit: int) -> list[tuple[str, datetime]]:
    """What sorting every match by date gives (no window)."""
    rows = alex._vault.connection.execute(
        "SELECT r.id, r.created_at FROM journal.records r WHERE r.id IN "
        "(SELECT rowid FROM journal.journal_fts WHERE journal_fts MATCH ?) "
        "ORDER BY r.created_at DESC, r.id DESC LIMIT ?",
        (f'"{word}"', limit),
    ).fetchall()
    return [(str(r[0]), datetime.fromisoformat(r[1])) for r in rows]


def _found(alex: Session, typed: str, limit: int) -> list[tuple[str, datetime]]:
    return [(h.ref, h.when) for h in alex.search(typed, limit=limit)]


@pytest.fixture(params=[4, 400], ids=["window-4", "window-400"])
def window(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(search_store, "FIRST_WINDOW", request.param)
    return int(request.param)


def test_old_matches_are_found_when_the_newest_window_has_fewer_than_a_screenful(
    alex: Session, window: int
) -> None:
    # 300 entries in date order; "lantern" only in three old ones and the newest
    dated = [(f"an ordinary evening {n}", START + timedelta(days=n)) for n in range(300)]
    for n in (2, 40, 41, 299):
        dated[n] = (f"a lantern evening {n}", dated[n][1])
    _write(alex, dated)
    assert alex.journal is not None
    for limit in (2, 3, 10):
        found = _found(alex, "lantern ", limit)
        assert found == _sorted_truth(alex, "lantern", limit)
        assert [alex.journal.get(int(ref)).body for ref, _ in found] == [
            "a lantern evening 299",
            "a lantern evening 41",
            "a lantern evening 40",
            "a lantern evening 2",
        ][:limit]
    # as a prefix too ("lant" → lantern)
    assert len(_found(alex, "lant", 10)) == 4


def test_entries_of_a_day_out_of_order_and_an_import_of_old_entries(
    alex: Session, window: int
) -> None:
    chance = random.Random(17)
    # written day by day, the times within a day shuffled (several entries a day)
    dated = []
    for n in range(400):
        day = START + timedelta(days=n // 6, minutes=chance.randrange(1440))
        dated.append((f"{'common' if chance.random() < 0.8 else 'other'} words {n}", day))
    _write(alex, dated)
    assert alex.journal is not None
    for limit in (1, 5, 50, 200):
        assert _found(alex, "common ", limit) == _sorted_truth(alex, "common", limit)
        assert _found(alex, "comm", limit) == _sorted_truth(alex, "common", limit)
    # then an import: 500 entries dated years earlier, at the newest rowids
    old = START - timedelta(days=3000)
    _write(
        alex,
        [
            (f"common imported {n}", old + timedelta(hours=chance.randrange(50_000)))
            for n in range(500)
        ],
    )
    for limit in (1, 5, 50, 200):
        found = _found(alex, "common ", limit)
        assert found == _sorted_truth(alex, "common", limit)
        assert all("imported" not in alex.journal.get(int(r)).body for r, _ in found)
    # and one imported entry dated after everything: it comes first
    _write(alex, [("common and newest of all", START + timedelta(days=5000))])
    assert _found(alex, "common ", 3) == _sorted_truth(alex, "common", 3)
    assert (
        alex.journal.get(int(_found(alex, "common ", 1)[0][0])).body == "common and newest of all"
    )


def test_retracted_shares_in_the_window_do_not_cut_the_screenful(
    alex: Session, window: int
) -> None:
    assert alex.journal is not None and alex.sharing is not None
    shared = []
    for n in range(12):
        record = alex.journal.write(f"a shared harbour walk {n}")
        item = alex.sharing.add(record)
        alex.sharing.update(item, f"harbour walk {n}", "")
        shared += alex.sharing.confirm(alex.sharing.preview([item]))
    for event_id in shared[-6:]:  # the newest six are retracted
        alex.timeline.retract(event_id)
    hits = search_store.search(
        alex._vault.connection,
        '"harbour"',
        "harbour ",
        include_private=False,  # the shared side alone (a shared session's search)
        labels={},
        own_label="Alex",
        limit=4,
    )
    assert [h.text.split("\n")[0] for h in hits] == [f"harbour walk {n}" for n in (5, 4, 3, 2)]
