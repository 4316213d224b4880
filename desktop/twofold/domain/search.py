"""Search values and the translation of what a person types into an FTS5 query."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from enum import StrEnum

from twofold.domain.valueclass import valueclass

# Letters and digits, as FTS5's unicode61 tokenizer splits them (an underscore
# separates words there): each quoted word is then one token, never a phrase, which
# the index (detail = column) could not answer.
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_ASCII_WORD = re.compile("[a-z0-9]+")  # what _TOKEN finds in lowered ASCII text


class Source(StrEnum):
    PRIVATE = "private"
    SHARED = "shared"


@valueclass
class SearchHit:
    source: Source
    ref: str  # record id (private) or event id (shared)
    text: str  # the matched text; the snippet is made from it only when shown
    typed: str
    when: datetime
    author_label: str

    @property
    def snippet(self) -> str:
        # On demand: a list view asks only for the rows on screen (making all 200
        # snippets up front was a third of a common-word search).
        return make_snippet(self.text, self.typed)


class SearchHits(list[SearchHit]):
    """A search's hits, newest first. ``unsearched``: the sources whose search index
    could not be read (damaged, or altered by someone with the key), so their matches
    are missing; the others' are all here (one bad index never hides the rest)."""

    unsearched: tuple[Source, ...] = ()

    def __init__(self, hits: list[SearchHit] | None = None, unsearched: tuple[Source, ...] = ()):
        super().__init__(hits or [])
        self.unsearched = unsearched


def fts_query(text: str, *, prefix_last: bool = True) -> str | None:
    """Every word must match; the last word may be a prefix (results as you type).

    Words are quoted, so FTS5 operators typed by a user are searched literally and
    can never raise a syntax error.
    """
    words = _TOKEN.findall(unicodedata.normalize("NFC", text))
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    if prefix_last and not text.endswith(tuple(" \t\"'")):
        quoted[-1] += "*"
    return " ".join(quoted)


def _fold(word: str) -> str:
    """Case- and accent-insensitive, like FTS5's unicode61 remove_diacritics tokenizer."""
    if word.isascii():  # nothing to decompose: a snippet folds every word it looks at
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def make_snippet(text: str, typed: str, *, width: int = 16) -> str:
    """A short excerpt around the first match, matched words in [brackets].

    Built in Python from the stored text: asking FTS5 for snippets cost ~1 ms per row
    for a common word, which made a 200-row result list take 0.2 s."""
    wanted = [_fold(w) for w in _TOKEN.findall(typed)]
    if not wanted:
        return " ".join(text.split()[:width])
    prefix = not typed.endswith(tuple(" \t\"'"))
    exact, last = set(wanted[:-1]), wanted[-1]

    def matches(word: str) -> bool:
        folded = _fold(word)
        return folded in exact or folded == last or (prefix and folded.startswith(last))

    words = text.split()
    found = _first_match_ascii(text, wanted, prefix)
    if found is None:  # not plain ASCII: word by word
        found = next(
            (i for i, w in enumerate(words) if any(matches(t) for t in _TOKEN.findall(w))), 0
        )
    first = found
    start = max(0, first - width // 3)
    window = words[start : start + width]
    marked = [f"[{w}]" if any(matches(t) for t in _TOKEN.findall(w)) else w for w in window]
    head = "…" if start > 0 else ""
    tail = "…" if start + width < len(words) else ""
    return head + " ".join(marked) + tail


def _first_match_ascii(text: str, wanted: list[str], prefix: bool) -> int | None:
    """The index of the first word of ``text`` holding a wanted token (0 when none
    does), found by one regular expression over the lowered text; None when the text or
    a wanted word is not plain ASCII (folding is then more than ``lower()``). A search
    shows a snippet per hit, and word by word this was most of a rare word's search."""
    if not text.isascii() or not all(_ASCII_WORD.fullmatch(w) for w in wanted):
        return None
    words = "|".join(re.escape(w) for w in sorted(set(wanted), key=len, reverse=True))
    tail = f"|{re.escape(wanted[-1])}" if prefix else ""
    # re keeps what it compiled: once per query, not per snippet
    hit = re.search(f"(?<![a-z0-9])(?:(?:{words})(?![a-z0-9]){tail})", text.lower())
    if hit is None:
        return 0
    before = text[: hit.start()]
    count = len(before.split())
    return count - 1 if before and not before[-1].isspace() else count
