"""Check-ins: each partner answers on their own; the answers join the shared ledger
when submitted. Also what is due today and what was missed, for gentle reminders."""

from __future__ import annotations

from datetime import date, datetime

from twofold.domain.checkins import (
    Checkin,
    CheckinKind,
    PromptSet,
    check_answers,
    done_in,
    missed_previous,
)
from twofold.domain.errors import InvalidInput
from twofold.domain.events import CheckinSubmitted
from twofold.services.commitments import local_today
from twofold.services.content import checkin_prompts
from twofold.vault import practice_store
from twofold.vault.vault import OpenVault, now


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
        prompts = self.prompts(kind)
        cleaned = check_answers(prompts, answers)
        if day is not None and day > local_today():
            raise InvalidInput("A check-in is for a day that has come.")
        with self._vault.write("The check-in"):
            event = self._vault.ledger.record(
                CheckinSubmitted(
                    kind,
                    day or local_today(),
                    # the questions as asked, so a later change of prompts keeps history true
                    tuple((p.text, cleaned[p.id]) for p in prompts.prompts),
                ),
                at or now(),
            )
        return event.header.seq

    def recent(self, kind: CheckinKind | None = None, limit: int = 200) -> list[Checkin]:
        return practice_store.checkins(self._vault.connection, kind, limit)

    def due_today(self, today: date | None = None) -> list[CheckinKind]:
        """Kinds this partner has not done yet in the current day / week / month."""
        today = today or local_today()
        mine = [c for c in self.recent(limit=400) if c.author == self._vault.partner_id]
        return [k for k in CheckinKind if not done_in(k, today, mine, self._vault.partner_id)]

    def missed(self, today: date | None = None) -> list[CheckinKind]:
        today = today or local_today()
        mine = [c for c in self.recent(limit=400) if c.author == self._vault.partner_id]
        return [k for k in CheckinKind if missed_previous(k, today, mine, self._vault.partner_id)]
