"""Check-ins: answer apart, reveal together (issue 12).

Submitting seals the answers: the ledger gets a signed, salted hash of them
(``checkin.sealed``), and the answers themselves wait in the author's *private
journal*, under a key the partner never holds. They are revealed
(``checkin.revealed``: answers + salt, checked against the hash) once both partners
have answered that day / week / month, or the period has ended. So an unrevealed
answer is not in ``shared.db`` at all: no service, CLI command or SQLCipher tool with
the vault key can read it. The hash binds the first answer, so it cannot be changed
after the other's is seen. What is app promise rather than cryptography: the reveal
happens in the author's app (at their next unlock once due); a partner who wants to
publish their own answers early can, and the reveal waits for the author to open
Twofold as themselves.
"""

from __future__ import annotations

import json
import secrets
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from twofold.domain import events
from twofold.domain.checkins import (
    Checkin,
    CheckinKind,
    PromptSet,
    check_answers,
    done_in,
    missed_previous,
    period_of,
)
from twofold.domain.consent import may_reveal, seal_digest
from twofold.domain.errors import InvalidInput, NotAllowed
from twofold.domain.ledger import canonical_json
from twofold.services.commitments import local_today
from twofold.services.content import checkin_prompts
from twofold.services.signing import record_honoured
from twofold.vault import consent_store, practice_store
from twofold.vault.journal_store import CHECKIN_PENDING
from twofold.vault.vault import OpenVault, now

# journal meta key of a sealed check-in's answers and salt until revealed
PENDING = CHECKIN_PENDING


@dataclass(frozen=True, slots=True)
class PeriodStatus:
    """Where a check-in period stands for the two of you."""

    kind: CheckinKind
    first: date
    last: date
    mine: str  # "none", "sealed" (waiting to be revealed), "revealed"
    partner: str  # the same, for the partner
    partner_label: str

    @property
    def message(self) -> str:
        if self.partner != "none" and self.mine == "none":
            return f"{self.partner_label} has answered — answer yours to see both."
        if self.mine == "sealed" and self.partner == "none":
            return (
                f"Your answers are sealed: {self.partner_label} sees them once they have "
                "answered too, or when this period ends."
            )
        if self.mine != "none" and self.partner == "sealed":
            return (
                f"You have both answered. {self.partner_label}'s answers appear when "
                f"{self.partner_label} next opens Twofold (they wait in their private journal)."
            )
        if self.mine == "sealed":
            return "Your answers are revealed the next time you open Twofold as yourself."
        return ""


class CheckinService:
    def __init__(self, vault: OpenVault) -> None:
        self._vault = vault

    def prompts(self, kind: CheckinKind) -> PromptSet:
        return checkin_prompts()[kind]

    def submit(
        self,
        kind: CheckinKind,
        answers: dict[str, str],
        day: date | None = None,
        at: datetime | None = None,
    ) -> int:
        """Seal this partner's answers; reveal them at once if the partner has answered
        this period too (or it is over). Returns the seal's ledger seq."""
        journal = self._vault.journal
        if journal is None:
            raise NotAllowed(
                "Check-ins are answered apart: open Twofold as yourself to answer, so your "
                "answers stay sealed in your own journal until you have both answered."
            )
        prompts = self.prompts(kind)
        cleaned = check_answers(prompts, answers)
        if day is not None and day > local_today():
            raise InvalidInput("A check-in is for a day that has come.")
        day = day or local_today()
        # the questions as asked, so a later change of prompts keeps history true
        pairs = [[p.text, cleaned[p.id]] for p in prompts.prompts]
        salt = secrets.token_bytes(32)
        checkin_id = uuid.uuid4().hex
        with self._vault.write("The check-in"):
            event = record_honoured(
                self._vault,
                events.CheckinSealed(
                    checkin_id, kind, day, seal_digest(salt, canonical_json(pairs))
                ),
                at,
            )
            journal.set_meta(
                PENDING + checkin_id,
                json.dumps(
                    {
                        "salt": salt.hex(),
                        "answers": pairs,
                        "kind": str(kind),
                        "day": day.isoformat(),
                    }
                ),
            )
        self.reveal_due()
        return event.header.seq

    def _pending(self) -> dict[str, dict[str, object]]:
        journal = self._vault.journal
        if journal is None:
            return {}
        return {k: json.loads(v) for k, v in journal.meta_items_with_prefix(PENDING).items()}

    def reveal_due(self, today: date | None = None) -> int:
        """Reveal this partner's sealed answers whose period both answered or that has
        ended. Runs after submitting and at each unlock. Returns how many."""
        journal = self._vault.journal
        if journal is None:
            return 0
        pending_answers = self._pending()
        if not pending_answers:
            return 0  # nothing sealed waits (most unlocks): read no check-in at all
        today = today or local_today()
        me = self._vault.partner_id
        seals = {s[0]: s for s in consent_store.seals(self._vault.connection)}
        answered = self._answered()
        count = 0
        # in the order they were answered (the journal keeps them by random id)
        waiting = sorted(
            pending_answers.items(),
            key=lambda item: seals[item[0]][5] if item[0] in seals else -1,
        )
        for checkin_id, pending in waiting:
            seal = seals.get(checkin_id)
            if seal is None or seal[4]:  # withdrawn, or already revealed: forget it
                with self._vault.write("Your journal"):
                    journal.delete_meta(PENDING + checkin_id)
                continue
            kind = CheckinKind(str(pending["kind"]))
            first, last = period_of(kind, date.fromisoformat(str(pending["day"])))
            partner_in = any(
                author != me and k == kind and first <= d <= last for author, k, d in answered
            )
            if not may_reveal(partner_in, last, today):
                continue
            answers = tuple((str(q), str(a)) for q, a in pending["answers"])  # type: ignore[attr-defined]
            try:
                with self._vault.write("The check-in"):
                    record_honoured(
                        self._vault,
                        events.CheckinRevealed(checkin_id, str(pending["salt"]), answers),
                    )
                    journal.delete_meta(PENDING + checkin_id)
            except NotAllowed:
                # its seal was edited outside Twofold (verify names the row): nothing is
                # revealed, the answers stay sealed in the journal, the app still opens
                continue
            count += 1
        return count

    def _answered(self) -> list[tuple[str, CheckinKind, date]]:
        """(author, kind, day) of every answered check-in: sealed, revealed, or from
        before sealing existed."""
        conn = self._vault.connection
        seals = consent_store.seals(conn)
        out = [(s[1], s[2], s[3]) for s in seals]
        out += practice_store.answered_before_sealing(conn, limit=2000)
        return out

    def recent(self, kind: CheckinKind | None = None, limit: int = 200) -> list[Checkin]:
        """Revealed check-ins only (both partners'): an unrevealed answer is not in the
        shared ledger to be read. Your own sealed answers: ``my_sealed``."""
        return practice_store.checkins(self._vault.connection, kind, limit)

    def my_sealed(self) -> list[Checkin]:
        """Your own answers waiting to be revealed, read from your private journal."""
        seals = {s[0]: s for s in consent_store.seals(self._vault.connection)}
        out = []
        for checkin_id, pending in self._pending().items():
            seal = seals.get(checkin_id)
            if seal is None or seal[4]:
                continue
            out.append(
                Checkin(
                    seq=seal[5],
                    author=self._vault.partner_id,
                    kind=CheckinKind(str(pending["kind"])),
                    day=date.fromisoformat(str(pending["day"])),
                    answers=tuple((str(q), str(a)) for q, a in pending["answers"]),  # type: ignore[attr-defined]
                    submitted_at=now(),
                )
            )
        return out

    def period(self, kind: CheckinKind, today: date | None = None) -> PeriodStatus:
        today = today or local_today()
        first, last = period_of(kind, today)
        me = self._vault.partner_id
        labels = self._vault.ledger.partner_labels()
        other = next((p for p in labels if p != me), "")
        revealed = {(c.author) for c in self.recent(kind, 400) if first <= c.day <= last}
        sealed = {
            s[1]
            for s in consent_store.seals(self._vault.connection)
            if s[2] == kind and first <= s[3] <= last
        }

        def state(who: str) -> str:
            if who in revealed:
                return "revealed"
            return "sealed" if who in sealed else "none"

        return PeriodStatus(kind, first, last, state(me), state(other), labels.get(other, "?"))

    def withdraw(self, seq: int) -> None:
        """Withdraw one of your check-ins, sealed or revealed: its words are gone from
        the ledger (and, if still sealed, from your journal); a signed trace stays."""
        conn = self._vault.connection
        event_ids = consent_store.checkin_event_ids(conn, [seq])
        if seq not in event_ids:
            raise InvalidInput("There is no such check-in.")
        seal = next((s for s in consent_store.seals(conn) if s[5] == seq), None)
        with self._vault.write("The withdrawal"):
            self._vault.ledger.withdraw(event_ids[seq], now())
            if seal is not None and self._vault.journal is not None:
                self._vault.journal.delete_meta(PENDING + seal[0])

    def _mine(self) -> list[Checkin]:
        me = self._vault.partner_id
        return [
            Checkin(0, author, kind, day, (), now())
            for author, kind, day in self._answered()
            if author == me
        ]

    def _every_weeks(self) -> int:
        return consent_store.pace(self._vault.connection).review_every_weeks

    def due_today(self, today: date | None = None) -> list[CheckinKind]:
        """Kinds this partner has not done yet in the current day / week / month (the
        weekly review follows the pace the couple chose)."""
        today = today or local_today()
        mine = self._mine()
        me = self._vault.partner_id
        out: list[CheckinKind] = []
        for kind in CheckinKind:
            if kind == CheckinKind.WEEKLY:
                weeks = self._every_weeks()
                done = any(
                    done_in(kind, today - timedelta(days=7 * back), mine, me)
                    for back in range(weeks)
                )
            else:
                done = done_in(kind, today, mine, me)
            if not done:
                out.append(kind)
        return out

    def _mine_since(self, since: date) -> list[Checkin]:
        """This partner's check-ins on or after ``since`` plus the first of each kind:
        all that ``missed`` looks at (the periods just before today's, and when each
        kind was first done), read without every seal of the years before."""
        me = self._vault.partner_id
        conn = self._vault.connection
        first, recent = consent_store.seal_days(conn, me, since)
        answered = [(kind, day) for kind, day in first.items()] + recent
        answered += [
            (kind, day)
            for author, kind, day in practice_store.answered_before_sealing(conn, limit=2000)
            if author == me
        ]
        stamp = now()
        return [Checkin(0, me, kind, day, (), stamp) for kind, day in answered]

    def missed(self, today: date | None = None) -> list[CheckinKind]:
        today = today or local_today()
        every_weeks = self._every_weeks()
        # The earliest period looked at: yesterday, last week (or the last few weeks
        # at a slower pace), last month.
        monday, _ = period_of(CheckinKind.WEEKLY, today)
        last_month, _ = period_of(CheckinKind.MONTHLY, today.replace(day=1) - timedelta(days=1))
        since = min(
            today - timedelta(days=1), monday - timedelta(days=7 * max(every_weeks, 1)), last_month
        )
        mine = self._mine_since(since)
        me = self._vault.partner_id
        out: list[CheckinKind] = []
        for kind in CheckinKind:
            if kind == CheckinKind.WEEKLY and every_weeks > 1:
                weeks = every_weeks
                started = [c.day for c in mine if c.kind == kind]
                first, _ = period_of(kind, today)
                window = [first - timedelta(days=7 * back) for back in range(1, weeks + 1)]
                if (
                    started
                    and min(started) <= window[-1]
                    and not any(done_in(kind, d, mine, me) for d in window)
                ):
                    out.append(kind)
            elif missed_previous(kind, today, mine, me):
                out.append(kind)
        return out
