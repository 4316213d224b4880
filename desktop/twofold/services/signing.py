"""Recording events that must be honoured: the service checks its rule first (a clear
message, nothing written), and the projector judges the signed event by the same
rule; should the two ever disagree, the whole transaction is rolled back."""

from __future__ import annotations

from datetime import datetime

from twofold.domain import events
from twofold.domain.errors import NotAllowed
from twofold.domain.events import EventData
from twofold.domain.ledger import LedgerEvent
from twofold.vault import consent_store
from twofold.vault.vault import Cosigner, OpenVault, now


def record_honoured(
    vault: OpenVault,
    event: EventData,
    at: datetime | None = None,
    *,
    cosigner: Cosigner | None = None,
) -> LedgerEvent:
    """Record inside the caller's write transaction; raise (rolling it back) if the
    projector refused the event."""
    when = at or now()
    if cosigner is not None:
        signed = cosigner.record(event, when)
    else:
        signed = vault.ledger.record(event, when)
    reason = consent_store.refusal(vault.connection, signed.header.seq)
    if reason is not None:
        raise NotAllowed(f"Not recorded: {reason}.")
    return signed


def adopt_consent_rules(vault: OpenVault) -> bool:
    """Once per vault: a signed event from which every commitment, outcome, check-in
    and action for both is judged by the consent rules. Events before it keep their
    old meaning (commitments made then count as accepted by their owners)."""
    if consent_store.epoch(vault.connection) is not None:
        return False
    if vault.ledger.refuse_signing is not None:
        return False  # a taken-over key signs nothing: the other partner adopts it instead
    with vault.write("The shared ledger"):
        if consent_store.epoch(vault.connection) is None:
            vault.ledger.record(events.ConsentAdopted(), now())
    return True
