"""The I-statement helper (DESIGN §1): notice blaming "you" phrases and offer the
"I felt … when … because …" form. A suggestion, never a block."""

from __future__ import annotations

import re
from dataclasses import dataclass

TEMPLATE = "I felt … when … because …"

# Each pattern names the habit it catches, so the hint can say what it noticed.
_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"\byou\s+(?:always|constantly|keep)\b", "“you always”"),
    (r"\byou\s+never\b", "“you never”"),
    (r"\byou\s+(?:make|made)\s+me\b", "“you make me”"),
    (r"\byou(?:'re|\s+are)\s+(?:so|such\s+an?|just)\b", "a label for your partner"),
    (r"\b(?:it'?s|it\s+is)\s+(?:all\s+)?your\s+fault\b", "“it's your fault”"),
    (r"\bwhy\s+(?:can't|won't|don't)\s+you\s+ever\b", "“why can't you ever”"),
)
_COMPILED = tuple((re.compile(p, re.IGNORECASE), label) for p, label in _PATTERNS)


@dataclass(frozen=True, slots=True)
class Suggestion:
    start: int
    end: int
    phrase: str
    noticed: str  # what was noticed, for the hint text
    sentence: str  # the whole sentence the phrase sits in

    @property
    def hint(self) -> str:
        return (
            f"You wrote {self.noticed}. Your partner may hear it more easily as an "
            f"I-statement: “{TEMPLATE}”"
        )

    @property
    def rewrite(self) -> str:
        return TEMPLATE


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(mark, 0, start) for mark in ".!?\n")
    rights = [i for i in (text.find(mark, end) for mark in ".!?\n") if i != -1]
    right = min(rights) + 1 if rights else len(text)
    return left + 1, right


def suggestions(text: str, dismissed: frozenset[str] = frozenset()) -> list[Suggestion]:
    """Every blaming phrase in ``text`` whose sentence the writer has not dismissed."""
    found: list[Suggestion] = []
    for pattern, label in _COMPILED:
        for match in pattern.finditer(text):
            s_start, s_end = _sentence_around(text, match.start(), match.end())
            sentence = text[s_start:s_end].strip()
            if sentence in dismissed:
                continue
            found.append(Suggestion(match.start(), match.end(), match.group(0), label, sentence))
    return sorted(found, key=lambda s: s.start)
