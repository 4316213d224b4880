"""Search values and the translation of what a person types into an FTS5 query."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

_TOKEN = re.compile(r"\w+", re.UNICODE)


class Source(StrEnum):
    PRIVATE = "private"
    SHARED = "shared"


@dataclass(frozen=True, slots=True)
class SearchHit:
    source: Source
    ref: str  # record id (private) or event id (shared)
    snippet: str
    when: datetime
    author_label: str


def fts_query(text: str, *, prefix_last: bool = True) -> str | None:
    """Every word must match; the last word may be a prefix (results as you type).

    Words are quoted, so FTS5 operators typed by a user are searched literally and
    can never raise a syntax error.
    """
    words = _TOKEN.findall(text)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    if prefix_last and not text.rstrip().endswith(tuple(" \t\"'")):
        quoted[-1] += "*"
    return " ".join(quoted)
