"""Deterministic pseudo-text for the reference workload: the same seed, the same
reflections, on every machine. Word frequencies follow a Zipf curve, so the most
common word is in nearly every entry and the marker words are truly rare."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

SEED = 20261124
COMMON_WORD = "trust"
RARE_WORD = "quetzalmarker"
MARKER_EVERY = 997  # the rare word sits in entries 0, 997, 1994, …

_BASE = [
    "trust",
    "today",
    "felt",
    "talk",
    "listen",
    "evening",
    "morning",
    "walk",
    "home",
    "phone",
    "promise",
    "honest",
    "quiet",
    "dinner",
    "week",
    "together",
    "told",
    "asked",
    "wanted",
    "needed",
    "afraid",
    "hopeful",
    "tired",
    "angry",
    "calm",
    "message",
    "kitchen",
    "garden",
    "train",
    "work",
    "sister",
    "friend",
    "therapy",
    "session",
    "repair",
    "apology",
    "moment",
    "small",
    "kind",
    "late",
    "early",
    "again",
    "still",
    "maybe",
    "really",
    "always",
    "never",
    "better",
    "worse",
    "slowly",
    "remember",
    "forget",
    "careful",
    "gentle",
    "words",
    "silence",
    "space",
    "time",
    "night",
    "sleep",
    "woke",
    "coffee",
    "rain",
    "window",
    "door",
    "table",
    "bed",
    "car",
    "road",
    "park",
    "river",
    "bench",
    "book",
    "letter",
    "plan",
]
_SYLLABLES = [
    "ba",
    "be",
    "bi",
    "bo",
    "da",
    "de",
    "di",
    "do",
    "ka",
    "ke",
    "ki",
    "ko",
    "la",
    "le",
    "li",
    "lo",
    "ma",
    "me",
    "mi",
    "mo",
    "na",
    "ne",
    "ni",
    "no",
    "ra",
    "re",
    "ri",
    "ro",
    "sa",
    "se",
    "si",
    "so",
    "ta",
    "te",
    "ti",
    "to",
    "va",
    "ve",
    "vi",
    "vo",
]


def vocabulary(size: int = 4000) -> list[str]:
    words = list(_BASE)
    for a, b, c in itertools.product(_SYLLABLES, repeat=3):
        if len(words) >= size:
            break
        words.append(a + b + c)
    return words


@dataclass(frozen=True, slots=True)
class Entry:
    index: int
    at: datetime
    body: str
    feelings: tuple[str, ...]
    tags: tuple[str, ...]


class TextSource:
    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        self.words = vocabulary()
        weights = [1.0 / (rank + 1) ** 1.05 for rank in range(len(self.words))]
        self.cum = list(itertools.accumulate(weights))

    def sentence_words(self, count: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.cum, k=count)

    def body(self, words: int, marker: bool) -> str:
        chosen = self.sentence_words(words)
        if marker:
            chosen[self.rng.randrange(len(chosen))] = RARE_WORD
        sentences, i = [], 0
        while i < len(chosen):
            n = self.rng.randint(8, 18)
            part = chosen[i : i + n]
            sentences.append(" ".join(part).capitalize() + ".")
            i += n
        return " ".join(sentences)

    def entries(self, count: int, start: datetime, days: int) -> Iterator[Entry]:
        step = timedelta(days=days) / max(count, 1)
        feelings = ("calm", "hopeful", "afraid", "tired", "angry", "grateful", "sad")
        for index in range(count):
            yield Entry(
                index=index,
                at=start + step * index + timedelta(minutes=self.rng.randint(0, 600)),
                body=self.body(self.rng.randint(150, 400), index % MARKER_EVERY == 0),
                feelings=(self.rng.choice(feelings),),
                tags=(f"tag{self.rng.randint(1, 40)}",),
            )


def ten_years_ago() -> datetime:
    return datetime(2016, 11, 24, 7, 0, tzinfo=UTC)
