"""Patterns in the journal: filters by kind, feeling, tag and dates with keyset paging,
counts for the filter, the kind searchable, and "on this day" (issue 16)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from tests.conftest import ALEX_PASS, SAM_PASS
from twofold.domain.commitments import Cadence, CadenceKind, Outcome
from twofold.domain.journal_filter import JournalFilter, kinds_named, look_back_days
from twofold.domain.records import RecordKind
from twofold.domain.search import Source
from twofold.domain.timeline_text import headline
from twofold.services.session import Session, unlock


def local(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute).astimezone()


def _write(alex: Session) -> dict[str, int]:
    j = alex.journal
    assert j is not None
    return {
        "t1": j.write(
            "Tight chest at dinner",
            RecordKind.TRIGGER,
            ["anxious"],
            ["dinner"],
            local(2026, 1, 5, 20),
        ),
        "t2": j.write(
            "The phone buzzed late",
            RecordKind.TRIGGER,
            ["hurt", "anxious"],
            ["phone"],
            local(2026, 2, 18, 23),
        ),
        "r1": j.write(
            "A good walk today", RecordKind.REFLECTION, ["calm"], ["walk"], local(2026, 2, 18, 9)
        ),
        "n1": j.write(
            "I need a slow morning", RecordKind.NEED, ["tired"], ["dinner"], local(2026, 3, 1, 8)
        ),
    }


def test_filters_by_kind_feeling_tag_and_dates_with_counts(alex: Session) -> None:
    ids = _write(alex)
    j = alex.journal
    assert j is not None

    def listed(flt: JournalFilter) -> list[int]:
        return [r.id for r in j.listing(0, 100, flt=flt).records]

    triggers = JournalFilter(kind=RecordKind.TRIGGER)
    assert listed(triggers) == [ids["t2"], ids["t1"]] and j.count(triggers) == 2
    assert listed(JournalFilter(feeling="anxious")) == [ids["t2"], ids["t1"]]
    assert listed(JournalFilter(tag="dinner")) == [ids["n1"], ids["t1"]]
    assert listed(JournalFilter(kind=RecordKind.TRIGGER, tag="dinner")) == [ids["t1"]]
    day = JournalFilter(since=date(2026, 2, 18), until=date(2026, 2, 18))
    assert listed(day) == [ids["t2"], ids["r1"]]
    assert j.count_by_kind(day) == {RecordKind.TRIGGER: 1, RecordKind.REFLECTION: 1}
    assert listed(JournalFilter(since=date(2026, 2, 19))) == [ids["n1"]]
    assert listed(JournalFilter(feeling="nobody-feels-this")) == []
    # Keyset paging through a filter: page after the first row shown.
    first = j.listing(0, 1, flt=triggers).records
    assert [r.id for r in j.listing(0, 1, after=first[0], flt=triggers).records] == [ids["t1"]]
    feelings, tags = j.labels()
    assert feelings[0] == "anxious" and set(feelings) == {"anxious", "hurt", "calm", "tired"}
    assert tags[0] == "dinner"


def test_the_kind_is_searchable(alex: Session) -> None:
    ids = _write(alex)
    hits = alex.search("trigger")
    private = [int(h.ref) for h in hits if h.source == Source.PRIVATE]
    assert private == [ids["t2"], ids["t1"]]  # neither says "trigger"
    assert [int(h.ref) for h in alex.search("triggers")] == [ids["t2"], ids["t1"]]
    assert [int(h.ref) for h in alex.search("trig")] == [ids["t2"], ids["t1"]]  # as you type
    # A kind and a word: triggers that mention the phone.
    assert [int(h.ref) for h in alex.search("trigger phone")] == [ids["t2"]]
    # "need" is a kind and a word: the need entry (it also says "need").
    assert ids["n1"] in [int(h.ref) for h in alex.search("need")]
    assert kinds_named("gratitude today") == ((RecordKind.GRATITUDE,), "today")
    assert kinds_named("walk") == ((), "walk")


def test_kinds_never_leak_into_the_partners_search(vault_dir: Path) -> None:
    alex = unlock(vault_dir, "Alex", ALEX_PASS)
    _write(alex)
    alex.lock()
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    try:
        assert sam.search("trigger") == []
    finally:
        sam.lock()


def test_on_this_day(alex: Session) -> None:
    j = alex.journal
    assert j is not None
    year = j.write("A year ago tonight", RecordKind.REFLECTION, at=local(2025, 3, 31, 21))
    month = j.write("Last month", RecordKind.TRIGGER, at=local(2026, 2, 28, 7))
    j.write("Not on a look-back day", at=local(2026, 3, 1, 7))
    assert look_back_days(date(2026, 3, 31)) == [
        ("A month ago", date(2026, 2, 28)),  # the 31st looks back to the month's last day
        ("Three months ago", date(2025, 12, 31)),
        ("A year ago", date(2025, 3, 31)),
    ]
    found = {label: [r.id for r in records] for label, records in j.on_this_day(date(2026, 3, 31))}
    assert found == {"A month ago": [month], "Three months ago": [], "A year ago": [year]}


def test_on_this_day_on_the_timeline(alex: Session) -> None:
    alex.wins._append("Dinner out, phones away", date(2025, 3, 31), "", at=local(2025, 3, 31, 20))
    text = alex.commitments.make(
        "Text", Cadence(CadenceKind.DAILY), start=date(2025, 12, 1), owner=alex.partner_id
    )
    alex.commitments.check(
        text,
        Outcome.KEPT,
        date(2025, 12, 31),
        at=local(2025, 12, 31, 21),
    )  # a daily check-off is not a look-back
    alex.wins._append("Today", date(2026, 3, 31), "", at=local(2026, 3, 31, 8))
    found = alex.timeline.on_this_day(date(2026, 3, 31))
    assert [(label, day, [headline(i) for i in items]) for label, day, items in found] == [
        ("A month ago", date(2026, 2, 28), []),
        ("Three months ago", date(2025, 12, 31), []),
        ("A year ago", date(2025, 3, 31), ["Win: Dinner out, phones away"]),
    ]


def test_labels_count_every_use_most_used_first(alex: Session) -> None:
    """The filter's choices (journal schema 3 reads them per distinct list): the same
    order and counts as opening every record's lists would give, edits included."""
    j = alex.journal
    assert j is not None
    written = [
        (["calm"], ["walk", "dinner"]),
        (["calm", "tired"], ["dinner"]),
        (["calm", "tired"], ["dinner"]),
        (["hurt"], []),
        ([], ["zebra", "apple"]),
        (["tired"], ["apple"]),
    ]
    ids = [j.write(f"entry {n}", feelings=f, tags=t) for n, (f, t) in enumerate(written)]
    # calm 3, tired 3 → alphabetical on a tie; dinner 3, apple 2, walk 1, zebra 1
    assert j.labels() == (["calm", "tired", "hurt"], ["dinner", "apple", "walk", "zebra"])
    j.edit(ids[3], "entry 3", j.get(ids[3]).kind, ["tired"], ["walk", "park"])
    # tired 4, calm 3; dinner 3, walk 2, apple 2, park 1, zebra 1 (hurt is gone)
    assert j.labels() == (["tired", "calm"], ["dinner", "apple", "walk", "park", "zebra"])

    def opened_one_by_one(column: str) -> list[str]:  # what the index replaced
        return [
            str(r[0])
            for r in alex._vault.connection.execute(
                f"SELECT value, count(*) AS n FROM journal.records, "
                f"json_each(records.{column}) GROUP BY value ORDER BY n DESC, value"
            )
        ]

    assert j.labels() == (opened_one_by_one("feelings"), opened_one_by_one("tags"))
