"""What the couple keeps together: appreciations, their chosen values, a shared story."""

from __future__ import annotations

from datetime import datetime

from twofold.domain.errors import InvalidInput
from twofold.domain.events import AppreciationRecorded, StoryChapter, ValuesSet
from twofold.vault import consent_store, practice_store
from twofold.vault.vault import OpenVault, now

MAX_VALUES = 7


class TogetherService:
    def __init__(self, vault: OpenVault) -> None:
        self._vault = vault

    def appreciate(self, text: str, *, at: datetime | None = None) -> None:
        if not text.strip():
            raise InvalidInput("Say what you appreciate.")
        with self._vault.write("The appreciation"):
            self._vault.ledger.record(AppreciationRecorded(text.strip()), at or now())

    def appreciations(self) -> list[tuple[str, str, datetime]]:
        return practice_store.appreciations(self._vault.connection)

    def appreciation_items(self) -> list[tuple[str, str, str, datetime]]:
        """(event id, author, text, when), newest first: the id is what ``withdraw``
        takes."""
        return consent_store.appreciation_items(self._vault.connection)

    def story_items(self) -> list[tuple[str, str, str, str, datetime]]:
        return consent_store.story_items(self._vault.connection)

    def withdraw(self, event_id: str) -> None:
        """Withdraw something you wrote (an appreciation, a chapter…): its words are
        gone, a signed trace stays. Another's item, or an agreed one, is refused and
        nothing is written."""
        with self._vault.write("The withdrawal"):
            self._vault.ledger.withdraw(event_id, now())

    def set_values(self, values: list[str], *, at: datetime | None = None) -> None:
        """The couple's chosen few (e.g. honesty, reliability, kindness, respect)."""
        cleaned = clean_values(values)
        if not cleaned:
            raise InvalidInput("Name at least one value.")
        if len(cleaned) > MAX_VALUES:
            raise InvalidInput(f"Choose a few: at most {MAX_VALUES} values.")
        with self._vault.write("Our values"):
            self._vault.ledger.record(ValuesSet(tuple(cleaned)), at or now())

    def values(self) -> list[str]:
        return practice_store.couple_values(self._vault.connection)

    def add_chapter(self, title: str, text: str, *, at: datetime | None = None) -> None:
        if not title.strip() or not text.strip():
            raise InvalidInput("A chapter needs a title and some words.")
        with self._vault.write("The story"):
            self._vault.ledger.record(StoryChapter(title.strip(), text.strip()), at or now())

    def story(self) -> list[tuple[str, str, str, datetime]]:
        return practice_store.story(self._vault.connection)


def clean_values(values: list[str]) -> list[str]:
    """The values as they are stored: trimmed, without blanks or repeats."""
    return list(dict.fromkeys(v.strip() for v in values if v.strip()))
