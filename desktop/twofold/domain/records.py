"""The private journal's values."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from twofold.domain.valueclass import valueclass


class RecordKind(StrEnum):
    REFLECTION = "reflection"
    TRIGGER = "trigger"
    NEED = "need"
    GRATITUDE = "gratitude"
    DRAFT = "draft"

    @property
    def label(self) -> str:
        return {
            RecordKind.REFLECTION: "Reflection",
            RecordKind.TRIGGER: "Trigger noticed",
            RecordKind.NEED: "What I need",
            RecordKind.GRATITUDE: "Gratitude",
            RecordKind.DRAFT: "Draft to share",
        }[self]


@valueclass
class JournalRecord:
    id: int
    kind: RecordKind
    body: str
    feelings: tuple[str, ...]
    tags: tuple[str, ...]
    created_at: datetime
    updated_at: datetime
    shared: bool = False
    in_outbox: bool = False

    @property
    def title(self) -> str:
        """The first line, trimmed: what a list shows."""
        from twofold.domain.text import markdown_to_plain

        lines = [line for line in self.body.strip().splitlines() if line.strip()]
        # The first line as written, its Markdown marks and escapes read.
        first = markdown_to_plain(lines[0]).strip() if lines else ""
        return first[:80] + ("…" if len(first) > 80 else "")


@valueclass
class RecordVersion:
    """An earlier version of a record, kept when the record was edited."""

    kind: RecordKind
    body: str
    feelings: tuple[str, ...]
    tags: tuple[str, ...]
    edited_at: datetime


@valueclass
class DamagedRecord:
    """A record whose storage page failed its integrity check; the rest still reads."""

    id: int


@valueclass
class JournalListing:
    records: tuple[JournalRecord, ...]
    damaged: tuple[DamagedRecord, ...] = ()


def normalise_labels(values: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Feelings and tags: trimmed, lower-case, unique, in the order given."""
    seen: dict[str, None] = {}
    for value in values:
        cleaned = " ".join(value.strip().lower().split())
        if cleaned:
            seen.setdefault(cleaned, None)
    return tuple(seen)


# The formats of a journal exported as files (services/journal_export.py writes them).
class JournalFormat(StrEnum):
    MARKDOWN = "markdown"  # one file per entry
    MARKDOWN_MONTHS = "markdown-months"  # one file per month
    JSON = "json"

    @property
    def label(self) -> str:
        return {
            JournalFormat.MARKDOWN: "Markdown, one file per entry",
            JournalFormat.MARKDOWN_MONTHS: "Markdown, one file per month",
            JournalFormat.JSON: "JSON, one file",
        }[self]
