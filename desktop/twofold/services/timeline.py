"""The shared timeline: reading, filtering, retracting, and the session agenda."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from twofold.domain.canonical import json_strings
from twofold.domain.errors import TwofoldError
from twofold.domain.journal_filter import look_back_days
from twofold.domain.ledger import TimelineItem
from twofold.services.journal import record_ledger_head
from twofold.vault import trust
from twofold.vault.database import DatabaseError
from twofold.vault.vault import OpenVault, now

LAST_SESSION_KEY = "last_session_seq"


class TimelineService:
    def __init__(self, vault: OpenVault) -> None:
        self._vault = vault
        self._labels: dict[str, str] | None = None

    def labels(self) -> dict[str, str]:
        """The partners' names as the first event gives them, read once for this
        service (the session's): the first event is never appended over, and every
        search asked for them, one more read of shared.db under a lock of its own
        (~0.2 ms of a rare word's 1.3 ms; issue 17). Without a readable first event,
        ``partner_labels``' fallback, read every time."""
        if self._labels is None:
            labels = self._vault.ledger.genesis_labels()
            if labels is None:
                return self._vault.ledger.partner_labels()
            self._labels = labels
        return dict(self._labels)

    def count(self, kinds: Sequence[str] = (), author: str | None = None) -> int:
        return self._vault.ledger.timeline_count(kinds, author)

    def page(
        self,
        offset: int = 0,
        limit: int = 100,
        kinds: Sequence[str] = (),
        author: str | None = None,
        after: TimelineItem | None = None,
    ) -> list[TimelineItem]:
        """``after``: the last item already shown (fast paging); else ``offset``."""
        key = (
            None
            if after is None
            else (after.occurred_at.isoformat(timespec="microseconds"), after.seq)
        )
        items = self._vault.ledger.timeline(offset, limit, kinds, author, after=key)
        if after is None and offset == 0:
            self.note_seen()
        return items

    def note_seen(self) -> None:
        """Every read of the timeline's first page remembers the head in view (a write
        only when it moved)."""
        journal = self._vault.journal
        if journal is None or self._vault.shared_damage is not None:
            return
        try:
            last = trust.last_seen(journal)
            if last is not None and last.seq == self._vault.ledger.head()[0]:
                return
            with self._vault.write("Your journal"):
                trust.note_seen(journal, self._vault.ledger, now())
        except (DatabaseError, TwofoldError):
            return  # a damaged ledger is named by verify; reading goes on

    def on_this_day(self, today: date | None = None) -> list[tuple[str, date, list[TimelineItem]]]:
        """Look back on the shared timeline: a month, three months and a year ago."""
        today = today or datetime.now().astimezone().date()
        out = []
        for label, day in look_back_days(today):
            start, end = (
                datetime.combine(d, time()).astimezone(UTC).isoformat(timespec="microseconds")
                for d in (day, day + timedelta(days=1))
            )
            out.append((label, day, self._vault.ledger.timeline_between(start, end, 5)))
        return out

    def retract(self, event_id: str) -> None:
        """Your shared reflection's content is removed; the signed retraction stays.

        Two single-file transactions, not one over both files: SQLite truncates the
        rollback journal of a transaction that spans two files (its freed blocks keep
        the old pages), while a one-file commit keeps it in place so it can be
        overwritten. The journal's private link catches up at the next full unlock
        if Twofold stops in between (``reconcile_retractions``), as after a shared
        session."""
        at = now()
        with self._vault.write("The retraction", removes_text=True):
            self._vault.ledger.retract(event_id, at)
        if self._vault.journal is not None:
            with self._vault.write("Your journal", removes_text=True):
                self._vault.journal.mark_retracted(event_id, at)
                record_ledger_head(self._vault)

    def withdraw(self, event_id: str) -> None:
        """Withdraw something you wrote (a check-in, an appreciation, a setback note, a
        story chapter, a session note…): its words are gone, a signed trace stays.
        Another's item, or one you both agreed, is refused and nothing is written."""
        with self._vault.write("The withdrawal"):
            self._vault.ledger.withdraw(event_id, now())

    def unsigned(self, items: Sequence[TimelineItem]) -> set[str]:
        """The event ids of the items about to be shown whose words, author or moment
        no signed event gives (the other partner edited shared.db): a command leaves
        them out and says so (``LedgerStore.unsigned``)."""
        return self.unsigned_words(
            [
                (i.event_id, i.author_label, i.occurred_at, shown_words(i))
                for i in items
                if not i.unverified
            ]
        )

    def unsigned_words(self, shown: Sequence[tuple[str, str, datetime, str]]) -> set[str]:
        """As ``unsigned``, for what a search shows: (event id, author's name, moment,
        the words)."""
        return self._vault.ledger.unsigned(shown)

    # --- session agenda ----------------------------------------------------------

    def agenda(self) -> list[TimelineItem]:
        """What was added to the ledger since the last shared session, oldest first."""
        raw = self._vault.ledger.setting(LAST_SESSION_KEY)
        since = int(raw) if raw and raw.isdigit() else 0
        items = self._vault.ledger.timeline(0, 500, since_seq=since)
        return [i for i in reversed(items) if not i.retracted]

    def mark_session_held(self) -> None:
        seq, _ = self._vault.ledger.head()
        with self._vault.write("The session"):
            self._vault.ledger.set_setting(LAST_SESSION_KEY, str(seq))


def shown_words(item: TimelineItem) -> str:
    """Every word a timeline item can show: its body, request and the strings of its
    structured fields (names, a commitment's earlier title, an objective)."""
    return "\n".join([item.body, item.request, *json_strings(list(item.data.values()))])


RETRACTIONS_CHECKED_KEY = "retractions_checked_to_seq"  # journal meta: the ledger head


def keep_retractions_checked(vault: OpenVault) -> None:
    """Inside a write: every retraction up to the current head has been looked at
    (``reconcile_retractions`` ran at this unlock, before anything else was signed)."""
    if vault.journal is not None:
        vault.journal.set_meta(RETRACTIONS_CHECKED_KEY, str(vault.ledger.head()[0]))


def reconcile_retractions(vault: OpenVault) -> int:
    """Mark privately what was retracted during a shared session. Returns how many.

    Looks only at what was signed since the last time (the head is kept in the
    journal); the first time, and after a head that could not be kept, at every
    retraction and withdrawal ever signed (the ways a share's content goes).
    The head is kept only with a write that happens anyway (marking, or the unlock
    remembering a new head, ``keep_retractions_checked``): an unlock that learns
    nothing new writes nothing, so a damaged or copied vault is left as it was."""
    journal = vault.journal
    if journal is None:
        return 0
    raw = journal.meta(RETRACTIONS_CHECKED_KEY)
    after = int(raw) if raw and raw.isdigit() else None
    stale, head = journal.unmarked_retractions(vault.partner_id, after)
    if stale:
        at = now()
        with vault.write("Your journal"):
            for event_id in stale:
                journal.mark_retracted(event_id, at)
            journal.set_meta(RETRACTIONS_CHECKED_KEY, str(head))
    return len(stale)
