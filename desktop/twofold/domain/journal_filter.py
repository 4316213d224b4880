"""Patterns in the journal: which entries the list shows (kind, feeling, tag, dates),
and which typed words name a kind, so searching "trigger" finds trigger entries."""

from __future__ import annotations

import re
from datetime import date

from twofold.domain.errors import InvalidInput
from twofold.domain.records import RecordKind
from twofold.domain.valueclass import valueclass

_WORD = re.compile(r"\w+", re.UNICODE)


@valueclass
class JournalFilter:
    kind: RecordKind | None = None
    feeling: str = ""
    tag: str = ""
    since: date | None = None  # local calendar days, inclusive
    until: date | None = None

    def __post_init__(self) -> None:
        if self.since and self.until and self.since > self.until:
            raise InvalidInput("The first day comes after the last; swap them.")

    @property
    def empty(self) -> bool:
        return self == JournalFilter()


def _kind_words() -> dict[str, RecordKind]:
    words: dict[str, RecordKind] = {}
    for kind in RecordKind:
        for word in (kind.value, *kind.label.casefold().split()):
            if len(word) >= 4 and word not in ("share", "what"):
                words.setdefault(word, kind)
    return words


KIND_WORDS = _kind_words()  # trigger, noticed, reflection, need, gratitude, draft…


def kinds_named(text: str) -> tuple[tuple[RecordKind, ...], str]:
    """The kinds the typed words name ("trigger", "triggers", "gratitude"; the last word
    may be cut short as you type: "trig"), and the other words, for the text search."""
    words = _WORD.findall(text)
    kinds: list[RecordKind] = []
    rest: list[str] = []
    for position, word in enumerate(words):
        folded = word.casefold()
        folded = folded[:-1] if folded.endswith("s") and folded[:-1] in KIND_WORDS else folded
        kind = KIND_WORDS.get(folded)
        if kind is None and position == len(words) - 1 and len(folded) >= 4:
            kind = next((k for w, k in KIND_WORDS.items() if w.startswith(folded)), None)
        if kind is None:
            rest.append(word)
        elif kind not in kinds:
            kinds.append(kind)
    return tuple(kinds), " ".join(rest)


def _months_back(day: date, months: int) -> date:
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    last = [
        31,
        29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][month - 1]
    return date(year, month, min(day.day, last))


def look_back_days(today: date) -> list[tuple[str, date]]:
    """ "On this day": a month, three months and a year ago (the 31st looks back to the
    last day of a shorter month; 29 February to the 28th)."""
    return [
        ("A month ago", _months_back(today, 1)),
        ("Three months ago", _months_back(today, 3)),
        ("A year ago", _months_back(today, 12)),
    ]
