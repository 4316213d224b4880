"""Requests to talk (a strained boundary, "I'd like us to talk about …"), and roles
without blame: who was hurt, said in the couple's own words or not at all, and the
pace that follows the hurt partner's choice (issue 12)."""

from __future__ import annotations

import re
import uuid

from twofold.domain.consent import (
    AgendaSection,
    Pace,
    RequestKind,
    Roles,
    TalkRequest,
    answer_refusal,
    check_pace,
    check_request,
    order_requests,
    pace_refusal,
    roles_refusal,
)
from twofold.domain.errors import InvalidInput, NotAllowed, NotFound
from twofold.domain.events import (
    PaceSet,
    RequestAnswered,
    RequestRaised,
    RolesAccepted,
    RolesProposed,
)
from twofold.services.agreement import AgreementService
from twofold.services.signing import record_honoured
from twofold.vault import consent_store
from twofold.vault.vault import OpenVault


class RequestService:
    """Either partner raises a request in two clicks; it leads the next joint
    session's agenda until a session has ended after it; the other can answer."""

    def __init__(self, vault: OpenVault) -> None:
        self._vault = vault

    def boundaries(self) -> list[str]:
        """The boundaries of the agreement in force (or the latest), one per line."""
        agreement = AgreementService(self._vault)
        version = agreement.in_force() or agreement.latest()
        if version is None:
            return []
        text = version.sections.get("boundaries", "")
        parts = [p.strip(" -•*\t") for p in re.split(r"\n+", text)]
        return [p for p in parts if p]

    def raise_request(self, kind: RequestKind, words: str = "", boundary: str = "") -> str:
        boundary, words = check_request(kind, boundary, words)
        request_id = uuid.uuid4().hex
        with self._vault.write("Your request"):
            record_honoured(self._vault, RequestRaised(request_id, kind, boundary, words))
        return request_id

    def strain(self, boundary: str = "", words: str = "") -> str:
        """ "A boundary feels strained": which one (optional), and optional words."""
        return self.raise_request(RequestKind.STRAIN, words, boundary)

    def talk(self, words: str) -> str:
        """ "I'd like us to talk about …"."""
        return self.raise_request(RequestKind.TALK, words)

    def answer(self, request_id: str, words: str) -> None:
        """ "Heard — let's talk Thursday": only the other partner answers."""
        found = consent_store.request(self._vault.connection, request_id)
        reason = answer_refusal(found, self._vault.partner_id, words)
        if reason is not None:
            raise NotFound(reason) if found is None else NotAllowed(reason)
        with self._vault.write("Your answer"):
            record_honoured(self._vault, RequestAnswered(request_id, words.strip()))

    def open_requests(self) -> list[TalkRequest]:
        """Not yet on the agenda of an ended session: strained boundaries first, the
        hurt partner's (where one is named) before the other's, then oldest first."""
        conn = self._vault.connection
        return order_requests(consent_store.talk_requests(conn), consent_store.roles(conn))

    def all(self) -> list[TalkRequest]:
        return consent_store.talk_requests(self._vault.connection, include_discussed=True)

    def withdraw(self, request_id: str) -> None:
        found = consent_store.request(self._vault.connection, request_id)
        if found is None:
            raise NotFound("There is no such request.")
        [event_id] = consent_store.event_ids(self._vault.connection, [found.seq]).values()
        from twofold.vault.vault import now

        with self._vault.write("The withdrawal"):
            self._vault.ledger.withdraw(event_id, now())


class RolesService:
    """Who was hurt — both consenting, in words of the couple's choosing, or not at all
    — and the pace, which follows the hurt partner's choice where one is named."""

    def __init__(self, vault: OpenVault) -> None:
        self._vault = vault

    def roles(self) -> Roles:
        return consent_store.roles(self._vault.connection)

    def proposals(self) -> list[dict[str, object]]:
        return consent_store.roles_proposals(self._vault.connection)

    def waiting_for_me(self) -> list[dict[str, object]]:
        me = self._vault.partner_id
        return [p for p in self.proposals() if not p["accepted_by"] and p["author"] != me]

    def propose(self, hurt: list[str], words: str = "", other_passphrase: str | None = None) -> str:
        """Say who was hurt (partner ids; none to leave it unsaid). It holds once the
        other partner accepts with their own signature — at once when they are here
        and type their passphrase (``other_passphrase``), as at setup."""
        conn = self._vault.connection
        reason = roles_refusal(hurt, consent_store.partners(conn), words)
        if reason is not None:
            raise InvalidInput(reason)
        proposal_id = uuid.uuid4().hex
        cosigner = self._vault.cosigner(other_passphrase) if other_passphrase else None
        try:
            with self._vault.write("Your proposal"):
                record_honoured(
                    self._vault,
                    RolesProposed(proposal_id, tuple(sorted(set(hurt))), words.strip()),
                )
                if cosigner is not None:
                    record_honoured(self._vault, RolesAccepted(proposal_id), cosigner=cosigner)
        finally:
            if cosigner is not None:
                cosigner.close()
        return proposal_id

    def accept(self, proposal_id: str) -> None:
        found = next((p for p in self.proposals() if p["proposal_id"] == proposal_id), None)
        if found is None:
            raise NotFound("There is no such proposal.")
        if found["author"] == self._vault.partner_id:
            raise NotAllowed("Your partner accepts what you proposed, with their own signature.")
        if found["accepted_by"]:
            raise NotAllowed("That was already accepted.")
        with self._vault.write("Your answer"):
            record_honoured(self._vault, RolesAccepted(proposal_id))

    def pace(self) -> Pace:
        return consent_store.pace(self._vault.connection)

    def may_set_pace(self) -> bool:
        return pace_refusal(self.roles(), self._vault.partner_id) is None

    def set_pace(self, review_every_weeks: int, agenda_order: list[AgendaSection]) -> None:
        """The pace of reviews and what comes first on the agenda; where the couple
        named who was hurt, only that partner sets it."""
        chosen = check_pace(review_every_weeks, [str(s) for s in agenda_order])
        reason = pace_refusal(self.roles(), self._vault.partner_id)
        if reason is not None:
            raise NotAllowed(reason)
        with self._vault.write("The pace"):
            record_honoured(
                self._vault,
                PaceSet(chosen.review_every_weeks, tuple(s.value for s in chosen.agenda_order)),
            )
