"""A search names the author of each shared hit, from the partners' names the first
event gives; those are read once a session, not at every search (issue 17: one more
read of shared.db under a lock of its own, ~0.2 ms of a rare word's 1.3 ms)."""

from __future__ import annotations

from twofold.domain.search import Source
from twofold.services.session import Session


def test_a_search_reads_the_names_once_a_session(alex: Session) -> None:
    assert alex.journal is not None
    alex.wins.record("A calm lantern dinner")  # shared: its author is named
    alex.journal.write("A lantern by the window")  # private: "Alex", the session's own
    statements: list[str] = []
    alex._vault.connection.set_trace_callback(statements.append)
    try:
        first = alex.search("lantern ")
        second = alex.search("lantern ")
    finally:
        alex._vault.connection.set_trace_callback(None)
    assert sorted((h.source.value, h.author_label) for h in first) == [
        (Source.PRIVATE.value, "Alex"),
        (Source.SHARED.value, "Alex"),
    ]
    assert [(h.source, h.ref, h.author_label) for h in second] == [
        (h.source, h.ref, h.author_label) for h in first
    ]
    assert sum("ledger_events" in s for s in statements) == 1  # the first search's only
    names = alex.partner_labels
    names.clear()  # a caller's copy: the session's names stay
    assert sorted(alex.partner_labels.values()) == ["Alex", "Sam"]
