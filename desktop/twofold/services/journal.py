"""Writing, editing, deleting, listing and reading the private journal."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from twofold.domain.errors import InvalidInput, NotAllowed
from twofold.domain.journal_filter import JournalFilter, look_back_days
from twofold.domain.records import (
    JournalListing,
    JournalRecord,
    RecordKind,
    RecordVersion,
    normalise_labels,
)
from twofold.vault import trust
from twofold.vault.journal_store import JournalStore
from twofold.vault.vault import OpenVault, now

MAX_BODY = 200_000


def _check_body(body: str) -> str:
    if not body.strip():
        raise InvalidInput("The entry is empty: write something first.")
    if len(body) > MAX_BODY:
        raise InvalidInput(
            f"The entry is {len(body):,} characters; split it into entries under {MAX_BODY:,}."
        )
    return body


def journal_of(vault: OpenVault) -> JournalStore:
    if vault.journal is None:
        raise NotAllowed(
            "The private journal is locked in a shared session. "
            "Unlock with your own passphrase to open it."
        )
    return vault.journal


def record_ledger_head(vault: OpenVault) -> None:
    """Remember the newest ledger event this partner has seen (inside a write), so a
    ledger rolled back or cut later is noticed by ``verify``."""
    trust.note_seen(journal_of(vault), vault.ledger, now())


class JournalService:
    def __init__(self, vault: OpenVault) -> None:
        self._vault = vault
        self._store = journal_of(vault)

    def write(
        self,
        body: str,
        kind: RecordKind = RecordKind.REFLECTION,
        feelings: Sequence[str] = (),
        tags: Sequence[str] = (),
        at: datetime | None = None,
        *,
        draft: str | None = None,
    ) -> int:
        """Save a new record durably; returns its id once it is on disk. ``at`` is for
        imports and the demo; the app always writes "now". ``draft``: the editor's
        draft slot, removed in the same transaction (one durable commit for what the
        person sees as one save, and never the entry without the draft gone)."""
        body = _check_body(body)
        with self._vault.write("Your entry"):
            record_id = self._store.add(
                kind,
                body,
                normalise_labels(list(feelings)),
                normalise_labels(list(tags)),
                at or now(),
            )
            record_ledger_head(self._vault)
            if draft is not None:
                self._store.discard_draft(draft)
        return record_id

    def edit(
        self,
        record_id: int,
        body: str,
        kind: RecordKind,
        feelings: Sequence[str] = (),
        tags: Sequence[str] = (),
        *,
        keep_history: bool = True,
        draft: str | None = None,
    ) -> None:
        """``draft``: as for ``write``, removed with the change in one transaction
        (alone when nothing changed)."""
        body = _check_body(body)
        current = self._store.get(record_id)
        new_feelings = normalise_labels(list(feelings))
        new_tags = normalise_labels(list(tags))
        if (current.body, current.kind, current.feelings, current.tags) == (
            body,
            kind,
            new_feelings,
            new_tags,
        ):
            if draft is not None:  # the same words as the entry: nothing to scrub
                with self._vault.write("Your draft"):
                    self._store.discard_draft(draft)
            return
        with self._vault.write("Your entry", removes_text=not keep_history):
            self._store.update(
                record_id, kind, body, new_feelings, new_tags, now(), keep_history=keep_history
            )
            if draft is not None:
                self._store.discard_draft(draft)

    def delete(self, record_id: int, *, draft: str | None = None) -> None:
        """Gone for good: the row, its history, its outbox items and its index entries
        are overwritten on disk (secure_delete). What was already shared stays shared.
        ``draft``: the editor's draft of it goes in the same transaction, before the
        rollback journal is scrubbed (removed afterwards, its words waited there)."""
        with self._vault.write("Your entry", removes_text=True):
            self._store.delete(record_id)
            if draft is not None:
                self._store.discard_draft(draft)

    def get(self, record_id: int) -> JournalRecord:
        return self._store.get(record_id)

    def history(self, record_id: int) -> list[RecordVersion]:
        return self._store.history(record_id)

    def listing(
        self,
        offset: int = 0,
        limit: int = 100,
        after: JournalRecord | None = None,
        flt: JournalFilter | None = None,
    ) -> JournalListing:
        """``after``: the last record already shown (fast paging); else ``offset``.
        ``flt``: only the entries of a kind, feeling, tag or date range."""
        key = (
            None
            if after is None
            else (after.created_at.isoformat(timespec="microseconds"), after.id)
        )
        return self._store.listing(offset, limit, key, flt)

    def count(self, flt: JournalFilter | None = None) -> int:
        return self._store.count(flt)

    def count_by_kind(self, flt: JournalFilter | None = None) -> dict[RecordKind, int]:
        return self._store.count_by_kind(flt)

    def labels(self) -> tuple[list[str], list[str]]:
        """(feelings, tags) used in this journal, most used first: the filter's choices."""
        return self._store.labels()

    def on_this_day(self, today: date | None = None) -> list[tuple[str, list[JournalRecord]]]:
        """Look back: what was written a month, three months and a year before today."""
        today = today or datetime.now().astimezone().date()
        return [
            (label, self._store.on_days([day], limit=5)) for label, day in look_back_days(today)
        ]

    def shares_of(self, record_id: int) -> int:
        return sum(1 for _, _, retracted in self._store.shares_of(record_id) if not retracted)

    # --- drafts: what the editor autosaves between explicit saves ----------------

    def save_draft(
        self,
        slot: str,
        record_id: int | None,
        body: str,
        kind: RecordKind,
        feelings: Sequence[str],
        tags: Sequence[str],
    ) -> None:
        with self._vault.write("Your draft"):
            self._store.save_draft(
                slot,
                record_id,
                kind,
                body,
                normalise_labels(list(feelings)),
                normalise_labels(list(tags)),
                now(),
            )

    def draft(self, slot: str) -> tuple[int | None, JournalRecord] | None:
        return self._store.draft(slot)

    def discard_draft(self, slot: str) -> None:
        """Words the person throws away: scrubbed from the rollback journal too."""
        with self._vault.write("Your draft", removes_text=True):
            self._store.discard_draft(slot)
